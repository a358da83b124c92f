# La comptabilité de caisse ([sage50] basis = "cash") : les revenus et les
# taxes d'une facture sont comptabilisés à mesure qu'elle est payée.

## Constats

# $kind : le type du document (voir setup-doc-type) ; $date : la date du paiement.
cash-unknown-invoice = { setup-doc-type } { $number } s'applique à la facture { $invoice }, qui n'est ni dans ce dépôt ni dans l'historique des exports : en comptabilité de caisse, ses comptes de revenus et ses taxes sont inconnus. Exportez de Plannit le rapport des ventes détaillées de la période où la facture { $invoice } a été émise (au plus tard le { $date }) et déposez-le avec ce rapport des paiements
cash-no-invoice = { setup-doc-type } { $number } ne nomme aucune facture : en comptabilité de caisse, les revenus et les taxes qu'il reconnaît ne peuvent être connus. Appliquez-le à sa facture dans Plannit et exportez de nouveau le rapport des paiements
cash-deposit-without-account = { $count ->
    [one] le dépôt { $documents } est reçu
   *[other] { $count } dépôts ({ $documents }) sont reçus
} en comptabilité de caisse sans compte de dépôts de clients : un dépôt n'est pas un revenu avant d'être appliqué à une facture. Réglez [accounts] customer_deposits (un compte de passif, par exemple 2700 « Dépôts de clients »)
cash-invoice-changed = la facture { $number } a changé depuis que le lot { $batch } a inscrit ses lignes (total { $old } → { $new }) : en comptabilité de caisse, ses paiements reconnaissent ses lignes ; relancez avec --adjust pour que les paiements à venir reconnaissent ses nouvelles lignes, ou annulez ce lot s'il n'a jamais été importé
cash-invoice-adjusted = la facture { $number } a changé depuis le lot { $batch } (total { $old } → { $new }) : ses nouvelles lignes sont inscrites ; les paiements à venir les reconnaissent, ceux déjà comptabilisés restent tels quels
cash-invoice-total-zero = { setup-doc-type } { $number } s'applique à la facture { $invoice }, dont le total est nul : en comptabilité de caisse, aucune part de ses lignes ne correspond à un montant payé. Vérifiez le paiement dans Plannit
cash-invoice-overpaid = { setup-doc-type } { $number } porte le montant payé sur la facture { $invoice } à { $paid }, au-delà de son total de { $total } : l'excédent de { $excess } n'est ni un revenu ni une taxe, il reste au compte clients comme crédit du client ; vérifiez dans Plannit
# $old, $new : accrual ou cash ; $last : la dernière date du lot.
cash-basis-switch = l'historique des exports contient des lots passés en comptabilité { $old ->
    [cash] de caisse
   *[other] d'exercice
} (le lot { $batch } va jusqu'au { $last }) et [sage50] basis = « { $new } » change de méthode : indiquez dans [sage50] basis_from la date à partir de laquelle la comptabilité { $new ->
    [cash] de caisse
   *[other] d'exercice
} s'applique, postérieure au { $last }
cash-basis-from-too-early = [sage50] basis_from = « { $from } » tombe avant des documents déjà exportés en comptabilité { $old ->
    [cash] de caisse
   *[other] d'exercice
} : le lot { $batch } a passé des documents jusqu'au { $last }. Choisissez une date postérieure au { $last }

## Terminal

# $from : « none », ou la date à partir de laquelle $basis s'applique.
cash-banner = { $basis ->
    [cash] Comptabilité de caisse : les revenus et les taxes sont comptabilisés à mesure que les factures sont payées
   *[other] Comptabilité d'exercice : les factures sont comptabilisées à leur émission
}{ $from ->
    [none] {""}
   *[other] , pour les documents datés à partir du { $from } (avant : comptabilité { $basis ->
        [cash] d'exercice
       *[other] de caisse
    })
}.
cash-summary = Comptabilité de caisse : { $recognised } de revenus et de taxes reconnus par { $payments ->
    [one] { $payments } paiement
   *[other] { $payments } paiements
} ; { $unpaid ->
    [0] aucune facture impayée
    [one] { $unpaid } facture impayée, { $remaining } à recevoir
   *[other] { $unpaid } factures impayées, { $remaining } à recevoir
} (feuille « Factures impayées »)
cash-recorded-only = Rien à importer dans Sage 50 : en comptabilité de caisse, une facture est comptabilisée à son paiement. { $count ->
    [one] { $count } facture en attente de paiement inscrite
   *[other] { $count } factures en attente de paiement inscrites
} à l'historique des exports comme lot { $batch }.

## Classeur

wb-cash-unpaid = Factures impayées
wb-cash-shares = Quotes-parts
wb-cash-unpaid-header-invoice = Facture
wb-cash-unpaid-header-date = Date
wb-cash-unpaid-header-customer = Client
wb-cash-unpaid-header-total = Total
wb-cash-unpaid-header-paid = Payé
wb-cash-unpaid-header-recognised = Reconnu (revenus et taxes)
wb-cash-unpaid-header-remaining = Reste à payer
wb-cash-unpaid-header-days = Jours
wb-cash-shares-header-date = Date
wb-cash-shares-header-document = Document
wb-cash-shares-header-kind = Type
wb-cash-shares-header-invoice = Facture
wb-cash-shares-header-total = Total de la facture (T)
wb-cash-shares-header-paid = Payé (P)
wb-cash-shares-header-account = Compte
wb-cash-shares-header-role = Rôle
wb-cash-shares-header-line = Ligne de la facture (L)
wb-cash-shares-header-rounded = L × P ÷ T arrondi
wb-cash-shares-header-adjustment = Ajustement
wb-cash-shares-header-share = Quote-part comptabilisée
wb-cash-shares-header-rule = Règle
wb-cash-role-revenue = Revenus
wb-cash-role-tax = Taxe
wb-cash-rule-proportional = proportionnelle ; l'écart d'arrondi va à la plus grande part de revenus
wb-cash-rule-settles = solde de la facture : le reste de chaque ligne
wb-cash-rule-clears = remboursement complet : ce qui avait été reconnu
wb-cash-rule-reverses = annule le paiement { $number }
wb-cash-rule-adjusts = différence depuis le lot { $batch }
wb-invoice-header-issued-posted = Comptabilisé à l'émission
wb-payment-header-recognised = Reconnu en revenus et taxes
wb-cash-control-invoices = Σ factures comptabilisées à l'émission + Σ montants reconnus au paiement (feuille Paiements) = Σ revenus + TPS + TVQ + TVH
wb-cash-control-receivable = Mouvement des comptes clients = factures comptabilisées à l'émission − montants portés aux comptes clients (feuille Paiements)
wb-cash-control-shares = Σ quotes-parts (feuille Quotes-parts) = Σ montants reconnus (feuille Paiements)
wb-cash-basis = Comptabilité
