# `plannit2sage run` : ce qui a été lu, trouvé et écrit.

run-banner = plannit2sage { $version } : dépôt { $inbox } (configuration { $config }, { $queries }, regroupement { $granularity })
run-spinner = lecture des exports, requêtes, écriture des fichiers…
run-not-written = Aucun fichier Sage 50 n'a été écrit.
run-workbook = Classeur de rapprochement : { $path }
run-rejected = Refusé : { $errors }, { $warnings }. Aucun fichier Sage 50 n'a été écrit ; corrigez les erreurs ci-dessus et relancez.
run-nothing-new = Rien de nouveau : tous les documents du dépôt ont déjà été exportés. Aucun fichier Sage 50 n'a été écrit.
run-nothing-to-post = Rien à comptabiliser : le dépôt ne contient aucune vente ni aucun paiement avec un montant. Aucun fichier Sage 50 n'a été écrit.
run-sage-file = Fichier Sage 50 : { $path }
run-recorded = Inscrit à l'historique des exports comme lot { $batch }.
run-review-warnings = { $count ->
    [one] { $count } avertissement ci-dessus : lisez-le avant d'importer.
   *[other] { $count } avertissements ci-dessus : lisez-les avant d'importer.
}
run-import-hint = Importez-le dans Sage 50 : Fichier > Importer/Exporter > Importer des transactions > Écritures de journal général (faites d'abord une sauvegarde).
run-missing-items = Produits à associer : { $path } (remplissez la colonne du compte, puis ajoutez les lignes à la table de correspondance ou à [products])
run-already-exported = { $kind ->
    [invoice] { $count ->
        [one] { $count } facture déjà exportée dans le lot { $batch } — ignorée
       *[other] { $count } factures déjà exportées dans le lot { $batch } — ignorées
    }
    [payment] { $count ->
        [one] { $count } paiement déjà exporté dans le lot { $batch } — ignoré
       *[other] { $count } paiements déjà exportés dans le lot { $batch } — ignorés
    }
    [deposit] { $count ->
        [one] { $count } dépôt déjà exporté dans le lot { $batch } — ignoré
       *[other] { $count } dépôts déjà exportés dans le lot { $batch } — ignorés
    }
    [refund] { $count ->
        [one] { $count } remboursement déjà exporté dans le lot { $batch } — ignoré
       *[other] { $count } remboursements déjà exportés dans le lot { $batch } — ignorés
    }
    [deposit_applied] { $count ->
        [one] { $count } dépôt appliqué déjà exporté dans le lot { $batch } — ignoré
       *[other] { $count } dépôts appliqués déjà exportés dans le lot { $batch } — ignorés
    }
    [voided] { $count ->
        [one] { $count } paiement annulé déjà exporté dans le lot { $batch } — ignoré
       *[other] { $count } paiements annulés déjà exportés dans le lot { $batch } — ignorés
    }
    [payout] { $count ->
        [one] { $count } versement déjà exporté dans le lot { $batch } — ignoré
       *[other] { $count } versements déjà exportés dans le lot { $batch } — ignorés
    }
   *[other] { $count ->
        [one] { $count } document déjà exporté dans le lot { $batch } — ignoré
       *[other] { $count } documents déjà exportés dans le lot { $batch } — ignorés
    }
}
run-sage-problem = erreur [sage50_file] { $problem }

dry-run-journal = Journal (essai à blanc) :
dry-run-tax = TAXD { $account } { $name } { $code } : base taxable { $taxable }, taxe { $tax }
dry-run-would-reject = le lot serait refusé : { $errors }, { $warnings }
dry-run-nothing-new = rien de nouveau : tous les documents ont déjà été exportés
dry-run-would-write = le fichier Sage 50 serait écrit ({ $warnings })
dry-run-done = Essai à blanc : { $status }. Rien n'a été écrit : ni fichier Sage 50, ni classeur, ni inscription à l'historique.

findings-grouped = { $severity } [{ $rule }]{ $file } { $count } lignes ; les { $shown } premières :
findings-more = … et { $count } autres : voir la feuille Exceptions du classeur

file-used = utilisé
file-copy = copie
file-ignored = ignoré
file-failed = ÉCHEC
file-used-line = { $name } : rapport des { $kind }{ $sheet }, { $rows ->
    [one] { $rows } ligne
   *[other] { $rows } lignes
}{ $accounted }
file-used-sheet = , feuille « { $sheet } »
file-identical-line = { $name } : identique à { $of } — non lu
file-ignored-line = { $name } : { $reason }
file-failed-line = { $name } : voir les erreurs ci-dessous
no-report-found = (aucun rapport de ventes ou de paiements Plannit trouvé dans le dépôt)
report-kind-sales = ventes
report-kind-payments = paiements
report-kind-payouts = versements
report-kind-receivable = comptes clients
rows-read = { "" } ; { $read } lignes lues : { $buckets }
rows-posted = { $count ->
    [one] { $count } comptabilisée
   *[other] { $count } comptabilisées
}
rows-already-exported = { $count ->
    [one] { $count } déjà exportée
   *[other] { $count } déjà exportées
}
rows-duplicates = { $count ->
    [one] { $count } doublon fusionné
   *[other] { $count } doublons fusionnés
}
rows-skipped = { $count ->
    [one] { $count } ignorée
   *[other] { $count } ignorées
}
rows-voided = { $count ->
    [one] { $count } annulée
   *[other] { $count } annulées
}
rows-control = { $count ->
    [one] { $count } lue comme contrôle
   *[other] { $count } lues comme contrôle
}
rows-refused = { $count ->
    [one] { $count } refusée
   *[other] { $count } refusées
}

summary-line = { $sales ->
    [one] { $sales } ligne de ventes
   *[other] { $sales } lignes de ventes
}, { $payments ->
    [one] { $payments } paiement
   *[other] { $payments } paiements
} → { $entries ->
    [one] { $entries } écriture
   *[other] { $entries } écritures
}, { $lines ->
    [one] { $lines } ligne
   *[other] { $lines } lignes
} ; débits { $debits } = crédits { $credits }
summary-account = compte
summary-debits = débits
summary-credits = crédits
summary-net = net

granularity-period = période
granularity-day = jour
granularity-document = document
queries-built-in = requêtes intégrées

run-receivable-tie-out = comptes clients au { $date } : { $customer }, facture { $invoice } : Plannit { $plannit }, grand livre auxiliaire { $ledger } (écart { $difference }) : { $cause ->
    [unknown] cette facture n'est ni dans l'historique des exports ni dans le solde d'ouverture ; exportez le rapport des ventes qui la contient (ou inscrivez le solde d'ouverture avec « plannit2sage history opening »)
    [ledger-higher] il manque sans doute aux exports un paiement, une note de crédit ou une facture annulée
   *[ledger-lower] il manque sans doute aux exports une facture, un remboursement ou un paiement refusé (NSF)
}
run-receivable-undated = ce rapport des comptes clients ne donne pas de date dans son titre et rien d'autre n'est daté dans le dépôt : enregistrez-le avec sa ligne de titre (« Comptes clients au 31 octobre 2026 »), ou déposez-le avec le rapport des ventes du mois
run-tie-out = Rapprochement avec Plannit ({ $file }, au { $date }) : { $invoices ->
    [one] { $invoices } facture ouverte comparée
   *[other] { $invoices } factures ouvertes comparées
}, { $differences ->
    [0] aucun écart
    [one] { $differences } écart, { $difference } au total
   *[other] { $differences } écarts, { $difference } au total
}
run-only-controls = Rien à comptabiliser : le rapport des comptes clients est un contrôle ; il a été rapproché du grand livre auxiliaire.
run-bad-debt-paid = la facture { $invoice } est annulée dans Plannit mais rien n'y est impayé ({ $balance }) : rien n'est radié (une facture payée se rembourse, elle ne s'annule pas) ; vérifiez-la dans Plannit
run-bad-debt-too-old = la facture { $invoice } du { $date } a plus de quatre ans : sa partie impayée est radiée sans récupérer sa TPS/TVQ (limite de Revenu Québec)
run-voided-reversed = facture { $invoice } annulée dans Plannit : contrepassée (exportée dans le lot { $batch })
# An exported invoice kept for the cash basis, voided: nothing posted, and why.
# $policy: reverse or bad_debt; $received: none or some (then $paid was received).
run-voided-unrecognised = facture { $invoice } annulée dans Plannit : { $policy ->
        [bad_debt] aucune mauvaise créance à radier ni taxe à récupérer
       *[reverse] rien à contrepasser
    }, la comptabilité de caisse n'a jamais constaté son impayé de { $unpaid }{ $received ->
        [none] {""}
       *[some] {" "}; ce qui a été reçu ({ $paid }) reste constaté jusqu'à son remboursement
    } (exportée dans le lot { $batch })
run-voided-written-off = facture { $invoice } annulée dans Plannit : { $unpaid } impayé radié en mauvaise créance, { $recovered } de taxes récupérées (exportée dans le lot { $batch })
