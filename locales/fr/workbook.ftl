# Le classeur de rapprochement : noms des feuilles, en-têtes, libellés.
# Les en-têtes de colonnes sont wb-<tableau>-header-<clé> : la clé est celle
# par laquelle la mise en page adresse la colonne (voir src/report/labels.rs).

## Feuilles

wb-summary = Sommaire
wb-journal = Journal
wb-invoices = Factures
wb-payments = Paiements
wb-exceptions = Exceptions
wb-by-product = Par produit
wb-already-exported = Déjà exportés
wb-rows-read = Lignes lues
wb-merged-rows = Doublons fusionnés
wb-plannit-pay = Plannit Pay
# « Journal (suite 2) » : une table trop longue pour une feuille continue sur la suivante.
wb-continued = suite
# Ligne des totaux de chaque table.
wb-total = Total
# Format de nombre Excel des montants (pas un texte : ne pas traduire).
wb-money-format = #,##0.00 "$"

## Sommaire

wb-title = Rapprochement Plannit → Sage 50
wb-status = Statut
wb-importable = IMPORTABLE
wb-not-importable = NON IMPORTABLE
wb-errors-warnings = { $errors ->
    [one] { $errors } erreur
   *[other] { $errors } erreurs
}, { $warnings ->
    [one] { $warnings } avertissement
   *[other] { $warnings } avertissements
}
wb-company = Entreprise
wb-period = Période
wb-sage-file = Fichier Sage 50
wb-no-sage-file = aucun : corrigez les erreurs (feuille Exceptions) et relancez
wb-granularity = Regroupement
wb-config-file = Configuration
wb-chart = Plan comptable
wb-chart-none = non configuré ([sage50] chart_of_accounts) : comptes non vérifiés
wb-chart-checked = { $missing ->
    [0] { $file } : { $accounts } comptes ; tous les comptes du lot y sont
    [one] { $file } : { $accounts } comptes ; { $missing } compte du lot absent ou non utilisable : voir Exceptions
   *[other] { $file } : { $accounts } comptes ; { $missing } comptes du lot absents ou non utilisables : voir Exceptions
}
wb-queries = Requêtes
wb-version = Version
wb-run-at = Exécuté le
wb-settings = Paramètres du lot
wb-workbook-note = Totaux et contrôles sont des formules : ils restent justes si vous filtrez ou modifiez.

wb-input-files = Fichiers d'entrée
wb-file-header-file = Fichier
wb-file-header-report = Rapport
wb-file-header-sheet = Feuille
wb-file-header-rows = Lignes
wb-file-header-status = Statut
wb-file-header-sha256 = SHA-256
wb-file-used = utilisé
wb-file-ignored = ignoré : { $reason }
wb-file-identical = identique à { $of } : non lu
wb-file-failed = illisible
wb-report-sales = ventes détaillées
wb-report-payments = paiements
wb-report-payouts = versements Plannit Pay
wb-report-receivable = comptes clients

wb-accounts = Comptes du grand livre
wb-account-header-account = Compte
wb-account-header-role = Rôle
wb-account-header-debits = Débits
wb-account-header-credits = Crédits
wb-account-header-net = Net
wb-role-bank = Banque
wb-role-receivable = Comptes clients (non associé)
wb-role-gst = TPS à payer
wb-role-qst = TVQ à payer
wb-role-hst = TVH à payer
wb-role-default-revenue = Revenus par défaut
wb-role-revenue = Revenus : { $items }
wb-role-method = Mode de paiement : { $method }
wb-role-plannit-pay-clearing = Plannit Pay à recevoir (compte de passage)
wb-role-payout-bank = Banque des versements Plannit Pay
wb-role-processing-fees = Frais de traitement Plannit Pay
wb-role-tips = Pourboires à remettre
wb-role-customer-deposits = Dépôts de clients (acomptes)
wb-role-bad-debts = Mauvaises créances
wb-role-gst-adjustments = TPS récupérée sur mauvaises créances
wb-role-qst-adjustments = TVQ récupérée sur mauvaises créances
wb-role-hst-adjustments = TVH récupérée sur mauvaises créances
wb-role-other = Autre (requête)

wb-controls = Contrôles
wb-control-header-control = Contrôle
wb-control-header-side-a = Côté A
wb-control-header-side-b = Côté B
wb-control-header-difference = Écart
wb-control-invoices = Σ totaux des factures = Σ revenus + TPS + TVQ + TVH
wb-control-bank = Σ paiements + dépôts − remboursements = mouvements de banque et de Plannit Pay + frais Plannit Pay
wb-control-receivable = Mouvement des comptes clients = factures − montants portés aux comptes clients (feuille Paiements)
wb-control-balance = Débits du journal = crédits

## Journal

wb-journal-header-entry = Écriture
wb-journal-header-date = Date
wb-journal-header-source = Source
wb-journal-header-comment = Commentaire
wb-journal-header-account = Compte
wb-journal-header-debit = Débit
wb-journal-header-credit = Crédit
wb-journal-header-source-rows = Lignes sources
wb-journal-header-queries = Requêtes

## Factures

wb-invoice-header-invoice = Facture
wb-invoice-header-date = Date
wb-invoice-header-customer = Client
wb-invoice-header-amount = Montant avant taxes
wb-invoice-header-gst = TPS
wb-invoice-header-qst = TVQ
wb-invoice-header-hst = TVH
wb-invoice-header-total = Total
wb-invoice-header-gst-expected = TPS recalculée
wb-invoice-header-qst-expected = TVQ recalculée
wb-invoice-header-gst-gap = Écart TPS
wb-invoice-header-qst-gap = Écart TVQ
wb-invoice-header-paid = Paiements appliqués
wb-invoice-header-balance = Solde
wb-invoice-header-lines = Lignes
# Un document modifié depuis son export, posté comme son écart : « P-1042 (Δ Lot 2026-10-07-1) ».
wb-adjustment = { $number } (Δ Lot { $batch })

## Paiements

wb-payment-header-date = Date
wb-payment-header-reference = No paiement
wb-payment-header-kind = Type
wb-payment-header-method = Mode de paiement
wb-payment-header-account = Compte
wb-payment-header-invoice = Facture
wb-payment-header-customer = Client
wb-payment-header-received = Montant reçu
wb-payment-header-receivable = Porté aux comptes clients
wb-payment-header-file = Fichier
wb-payment-header-row = Ligne
wb-kind-payment = Paiement
wb-kind-deposit = Dépôt
wb-kind-refund = Remboursement
wb-kind-deposit-applied = Dépôt appliqué
wb-kind-voided = Paiement annulé (NSF)

## Exceptions

wb-exception-header-severity = Gravité
wb-exception-header-rule = Règle
wb-exception-header-message = Message
wb-exception-header-fix = Où corriger
wb-exception-header-file = Fichier
wb-exception-header-sheet = Feuille
wb-exception-header-row = Ligne
wb-exception-header-column = Colonne
wb-exception-header-document = Document
wb-exception-header-values = Valeurs

## Par produit

wb-product-header-item = Produit/Service
wb-product-header-account = Compte
wb-product-header-mapping = Correspondance
wb-product-header-quantity = Quantité
wb-product-header-amount = Montant
wb-product-header-lines = Lignes
wb-mapped = associé
wb-defaulted = compte par défaut
wb-unmapped = NON ASSOCIÉ

## Déjà exportés

wb-already-header-document = Document
wb-already-header-type = Type
wb-already-header-date = Date
wb-already-header-status = Statut
wb-already-header-batch = Lot
wb-already-header-detail = Détail
wb-already-skipped = déjà exporté : ignoré
wb-already-changed = MODIFIÉ depuis l'export : refusé
wb-already-adjusted = modifié : écart posté en ajustement
wb-already-disappeared = absent de cet export (rien n'a été renversé)
wb-already-voided-reversed = annulée dans Plannit : contrepassée dans ce lot
wb-already-voided-written-off = annulée dans Plannit : radiée en mauvaise créance dans ce lot
wb-already-voided-unrecognised = annulée dans Plannit : rien à comptabiliser (comptabilité de caisse, son impayé n'a jamais été constaté)

## Lignes lues

wb-rows-header-file = Fichier
wb-rows-header-sheet = Feuille
wb-rows-header-report = Rapport
wb-rows-header-read = Lignes lues
wb-rows-header-posted = Postées
wb-rows-header-already-exported = Déjà exportées
wb-rows-header-duplicates = Doublons fusionnés
wb-rows-header-skipped = Ignorées (titre, vides, en-têtes, totaux)
wb-rows-header-voided = Annulées (jamais exportées)
wb-rows-header-control = Contrôle (jamais comptabilisées)
wb-rows-header-refused = Refusées
wb-rows-header-unaccounted = Écart

## Doublons fusionnés

wb-merged-header-file = Fichier
wb-merged-header-sheet = Feuille
wb-merged-header-row = Ligne
wb-merged-header-document = Document
wb-merged-header-of-file = Pris de : fichier
wb-merged-header-of-sheet = Feuille
wb-merged-header-of-row = Ligne

## Plannit Pay

wb-pp-title = Plannit Pay : compte de transit { $account }
wb-pp-opening = Solde d'ouverture (lots déjà exportés)
wb-pp-received = Paiements Plannit Pay reçus (ce lot)
wb-pp-paid-out = Versés à la banque, montant brut (ce lot)
wb-pp-closing = Solde de clôture = argent en transit
wb-pp-journal-net = Mouvement net du compte au Journal
wb-pp-control = Contrôle : clôture − ouverture − journal (doit être 0)
wb-pp-waiting = Paiements pas encore versés
wb-pp-waiting-header-date = Date
wb-pp-waiting-header-invoice = Facture
wb-pp-waiting-header-customer = Client
wb-pp-waiting-header-amount = Montant
wb-pp-waiting-header-days = Jours d'attente

wb-open-items = Soldes ouverts
wb-open-header-customer = Client
wb-open-header-invoice = Facture
wb-open-header-date = Date
wb-open-header-days = Jours
wb-open-header-bucket-0 = 0 à 30 jours
wb-open-header-bucket-1 = 31 à 60 jours
wb-open-header-bucket-2 = 61 à 90 jours
wb-open-header-bucket-3 = Plus de 90 jours
wb-open-header-balance = Solde
wb-bad-debts = Mauvaises créances
wb-bad-debt-header-invoice = Facture
wb-bad-debt-header-customer = Client
wb-bad-debt-header-date = Date de la facture
wb-bad-debt-header-total = Total facturé
wb-bad-debt-header-unpaid = Impayé
wb-bad-debt-header-gst = TPS de la facture
wb-bad-debt-header-qst = TVQ de la facture
wb-bad-debt-header-hst = TVH de la facture
wb-bad-debt-header-gst-recovered = TPS récupérée
wb-bad-debt-header-qst-recovered = TVQ récupérée
wb-bad-debt-header-hst-recovered = TVH récupérée
wb-bad-debt-header-written-off = Radié en dépense
wb-ar-sheet = Comptes clients
wb-ar-title = Comptes clients : compte { $account }
wb-ar-opening = Solde d'ouverture (avant ce lot)
wb-ar-movement = { $kind ->
    [Invoice] Factures et notes de crédit
    [Payment] Paiements reçus
    [Deposit] Dépôts reçus (portés aux comptes clients)
    [Refund] Remboursements
    [DepositApplied] Dépôts appliqués
    [Bounced] Paiements refusés (NSF) et annulés
    [Voided] Factures annulées (contrepassées ou radiées)
   *[Adjustment] Ajustements (--adjust)
}
wb-ar-closing = Solde de clôture
wb-ar-journal-net = Mouvement net du compte au Journal
wb-ar-control = Contrôle : clôture − ouverture − journal (doit être 0)
wb-ar-open-title = Soldes ouverts par client au { $date }
wb-ar-header-customer = Client
wb-ar-header-bucket-0 = 0 à 30 jours
wb-ar-header-bucket-1 = 31 à 60 jours
wb-ar-header-bucket-2 = 61 à 90 jours
wb-ar-header-bucket-3 = Plus de 90 jours
wb-ar-header-balance = Solde
wb-ar-header-note = Note
wb-ar-customer-total = Total { $customer }
wb-ar-total = Total des comptes clients
wb-ar-open-control = Contrôle : total − solde de clôture (doit être 0)
wb-ar-in-credit = En crédit : payé en trop
wb-ar-chart-title = Âge des comptes clients
wb-ar-chart-series = Solde
wb-ar-tie-out-title = Rapprochement avec Plannit : { $file } au { $date }
wb-ar-tie-header-customer = Client
wb-ar-tie-header-invoice = Facture
wb-ar-tie-header-plannit = Solde Plannit
wb-ar-tie-header-ledger = Solde au grand livre auxiliaire
wb-ar-tie-header-difference = Écart
wb-ar-tie-total = Total (l'écart doit être 0)
