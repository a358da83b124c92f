# tools messages: check, history, status, schedule, sql, tables, test-queries, sample-data.

# A file or folder and what went wrong with it (a library's message).
tools-path-reason = { $path } : { $reason }

## plannit2sage check

tools-check-cannot-read = { $file } : impossible de lire le fichier : { $reason }
tools-check-entries = { $file } : { $count ->
    [one] { $count } écriture
   *[other] { $count } écritures
}
# $line, $date, $source, $comment, $lines, $debits, $credits come padded for the columns; $count selects the plural.
tools-check-entry = ligne { $line }  { $date }  { $source } { $comment } { $lines } { $count ->
    [one] ligne
   *[other] lignes
}  débits { $debits }  crédits { $credits }
tools-check-entry-taxes = { $count ->
    [one] { $count } ligne de taxe
   *[other] { $count } lignes de taxes
}
# A refusal or a note of the file: where, then what.
tools-check-problem = { $file } : ligne { $line } : { $message }
tools-check-refused = { $count ->
    [one] { $count } problème : Sage 50 refuserait ce fichier (il n'enregistre rien d'un fichier qui contient une seule ligne fautive).
   *[other] { $count } problèmes : Sage 50 refuserait ce fichier (il n'enregistre rien d'un fichier qui contient une seule ligne fautive).
}
tools-check-ok = OK : chaque écriture est équilibrée ; total des débits { $debits } = crédits { $credits }.
tools-check-notes = { $count ->
    [one] { $count } note ci-dessus : rien que Sage 50 documente comme refusé.
   *[other] { $count } notes ci-dessus : rien que Sage 50 documente comme refusé.
}

## What Sage 50 refuses in an import file (refusals) or that is merely undocumented (notes)

tools-sage-empty = le fichier est vide
tools-sage-bom = le fichier commence par une marque d'ordre des octets (BOM), que Sage 50 lit comme faisant partie de la première date
tools-sage-lf-only = la ligne se termine par LF seulement : les fichiers de Sage utilisent CRLF (LF n'est pas documenté comme refusé ; l'outil écrit CRLF)
tools-sage-no-final-newline = la dernière ligne n'a pas de fin de ligne
tools-sage-carriage-return = un retour de chariot au milieu de la ligne
tools-sage-blank-line = ligne vide : non documentée ; l'outil écrit les écritures les unes à la suite des autres
tools-sage-control-char = caractère de contrôle { $code } dans la ligne
tools-sage-non-ascii = « { $char } » est hors ASCII : Sage le lit dans l'encodage du fichier ({ $encoding }), qui doit être celui de l'entreprise
tools-sage-bad-allocation = « { $value } » n'est ni un montant ni un pourcentage de répartition
tools-sage-allocations-missing = { $remaining ->
    [one] la ligne annonce encore { $remaining } ligne de répartition par projet ("projet",montant), mais la ligne { $number } n'en est pas une
   *[other] la ligne annonce encore { $remaining } lignes de répartition par projet ("projet",montant), mais la ligne { $number } n'en est pas une
}
tools-sage-tax-details-missing = { $remaining ->
    [one] TAXH annonce encore { $remaining } ligne TAXD, mais la ligne { $number } n'en est pas une
   *[other] TAXH annonce encore { $remaining } lignes TAXD, mais la ligne { $number } n'en est pas une
}
tools-sage-orphan-allocation = « { $line } » est une ligne de répartition qu'aucune ligne de compte n'annonce
tools-sage-orphan-taxd = une ligne TAXD qu'aucune ligne TAXH n'annonce
tools-sage-unknown-line = « { $line } » n'est ni un en-tête d'écriture ni une ligne de compte
tools-sage-ends-allocations-short = { $remaining ->
    [one] il manque { $remaining } ligne de répartition par projet à la fin du fichier
   *[other] il manque { $remaining } lignes de répartition par projet à la fin du fichier
}
tools-sage-ends-tax-details-short = { $remaining ->
    [one] il manque { $remaining } ligne TAXD annoncée par TAXH à la fin du fichier
   *[other] il manque { $remaining } lignes TAXD annoncées par TAXH à la fin du fichier
}
tools-sage-no-entry = le fichier ne contient aucune écriture
tools-sage-bad-date = « { $value } » n'est pas une date au format mm-jj-aa
tools-sage-header-shape = un en-tête d'écriture s'écrit date,"source","commentaire" (puis, pour une devise étrangère, devise,taux de change)
tools-sage-bad-rate = « { $value } » n'est pas un taux de change
tools-sage-no-source = la source est absente
tools-sage-source-too-long = la source « { $source } » dépasse { $limit } caractères
tools-sage-source-strictest = la source « { $source } » dépasse { $limit } caractères, la limite des versions de Sage les plus strictes
tools-sage-comment-too-long = le commentaire « { $comment } » dépasse { $limit } caractères
tools-sage-comment-strictest = le commentaire « { $comment } » dépasse { $limit } caractères, la limite des versions de Sage les plus strictes
tools-sage-before-lock = le { $date } est antérieur au { $lock }, date avant laquelle l'entreprise n'accepte aucune transaction ([sage50] lock_before)
tools-sage-after-year-end = le { $date } est postérieur à la fin d'exercice du { $end } ([sage50] fiscal_year_end)
tools-sage-detail-before-header = une ligne de compte avant tout en-tête d'écriture
tools-sage-detail-shape = une ligne de compte s'écrit compte,montant (puis, au besoin, "commentaire",nombre de répartitions)
tools-sage-bad-allocation-count = « { $value } » n'est pas un nombre de lignes de répartition
tools-sage-bad-amount = « { $value } » n'est pas un montant avec un point et deux décimales
tools-sage-zero-amount = montant nul au compte { $account } : l'outil n'en écrit jamais
tools-sage-taxh-position = TAXH doit suivre un en-tête d'écriture, avant ses lignes de compte
tools-sage-taxh-shape = un en-tête de taxes s'écrit TAXH,<nombre de lignes TAXD>,<0 pour les ventes, 1 pour les achats>
tools-sage-taxd-shape = une ligne de taxe s'écrit TAXD,compte,nom de la taxe,code de taxe,montant assujetti,montant de la taxe,autre taxe payée
tools-sage-bad-account = « { $value } » n'est pas un numéro de compte
tools-sage-too-few-lines = l'écriture « { $source } » doit avoir au moins deux lignes de compte
tools-sage-unbalanced = l'écriture « { $source } » n'est pas équilibrée : débits { $debits } − crédits { $credits } = { $balance }
tools-sage-zero-entry = l'écriture « { $source } » totalise zéro, ce que le journal général refuse

## plannit2sage history

tools-history-none = { $path } : aucun historique des exportations ici pour l'instant (il est créé par le premier « plannit2sage run »)
tools-history-void-confirm = Annuler le lot { $batch } permet d'exporter ses documents de nouveau. Ne le faites que si son importation dans Sage 50 a échoué ou a été annulée ; confirmez avec --yes.
tools-history-voided = Le lot { $batch } est annulé : ses documents seront exportés de nouveau par la prochaine exécution.
tools-history-batches = { $path } : { $count ->
    [one] { $count } lot
   *[other] { $count } lots
}
tools-history-col-batch = lot
tools-history-col-status = état
tools-history-col-recorded = enregistré
tools-history-col-dates = dates
tools-history-col-documents = documents
tools-history-col-sage-file = fichier Sage
# A batch's status as the history stores it (done, void).
tools-history-status = { $status ->
    [done] exporté
    [void] annulé
   *[other] { $status }
}
tools-history-documents = lot { $batch } : { $count ->
    [one] { $count } document
   *[other] { $count } documents
}
# A document's type as the history stores it (invoice, payment, deposit, refund, deposit_applied, voided, payout).
tools-history-doc-type = { $kind ->
    [invoice] facture
    [payment] paiement
    [deposit] dépôt
    [refund] remboursement
    [deposit_applied] dépôt appliqué
    [voided] annulé
    [payout] versement
   *[other] { $kind }
}
# How a batch posted a document, when not as itself (adjustment, date_change).
tools-history-posting = { $posting ->
    [adjustment] ajustement
    [date_change] changement de date
   *[other] { $posting }
}

tools-acknowledged = Absence confirmée le { $day } : { setup-doc-type } { $number } du { $date } (lot { $batch }, clé { $key }), note : « { $note } ». Ce document ne sera plus signalé comme manquant.
tools-acknowledgements = { $count ->
    [one] { $count } absence confirmée :
   *[other] { $count } absences confirmées :
}
tools-acknowledgement-line = le { $day } : { $key } ({ setup-doc-type } { $number } du { $date }, lot { $batch }) : « { $note } »
tools-acknowledged-on-line = — absence confirmée le { $day } : « { $note } »

## plannit2sage status and schedule

tools-status-no-client = { $root } : aucun dossier client (créé par « plannit2sage init »)
tools-status-client = Client { $name }
tools-status-last-exported = dernier lot exporté : { $batch }, le { $time }, période { $period }, débits { $debits } $
tools-status-none-exported = aucun lot exporté
tools-status-last-rejection = dernier refus : le { $time } : { $reason }
tools-status-retried = { "  " }repris le { $time } : exporté comme lot { $batch }
tools-status-pending-rejected = lots refusés en attente d'une correction : { $count } (voir rejected/ ; « plannit2sage retry » les reprend)
tools-status-missing = { $count ->
    [one] { $count } document exporté manque aux exports
   *[other] { $count } documents exportés manquent aux exports
} (rien n'a été contrepassé) : vérifiez dans Plannit ; s'il n'existe plus, réglez-le dans Sage 50, puis confirmez son absence : plannit2sage history "{ $root }" acknowledge CLÉ --note "…"
tools-status-missing-document = { $key } : { setup-doc-type } { $number } du { $date } (lot { $batch }), manque depuis le { $since }
tools-status-waiting = fichiers en attente dans inbox : { $count }
tools-status-in-transit = Plannit Pay en transit (compte { $account }) : { $amount } $
tools-schedule-bad-every = --every prend des minutes ou des heures : 15m, 1h
tools-schedule-cron-range = --every : indiquez des minutes sous une heure, ou des heures entières sous une journée

## plannit2sage sql, tables, test-queries

# The name a query given on the command line goes by in error messages.
tools-sql-query-name = requête
tools-sql-cannot-read = { $file } : impossible de lire la requête : { $reason }
tools-sql-query-or-file = donnez la requête en argument ou avec --file, pas les deux
tools-sql-xlsx-needs-out = --format xlsx écrit un classeur : indiquez --out FICHIER.xlsx
tools-sql-rows = { $count ->
    [one] { $count } ligne
   *[other] { $count } lignes
}
tools-tables-table = { $name } ({ $count ->
    [one] { $count } ligne
   *[other] { $count } lignes
})
tools-type-text = texte
tools-type-integer = entier
tools-tq-ok = réussi
tools-tq-failed = ÉCHEC
tools-tq-summary = { $passed ->
    [one] { $passed } réussi
   *[other] { $passed } réussis
}, { $failed } en échec
tools-tq-no-tests = { $path } : aucun test de requêtes : { $reason }
tools-tq-no-case = { $path } : aucun dossier de cas
tools-tq-not-an-amount = expected.csv : « { $amount } » n'est pas un montant
tools-tq-nothing = rien
tools-tq-account-differs = compte { $account } : attendu { $expected }, les requêtes inscrivent { $got }
tools-tq-finding-missing = constat { $severity } [{ $rule }] : attendu, non signalé
tools-tq-finding-extra = constat { $severity } [{ $rule }] : signalé, non attendu

## plannit2sage sample-data

tools-sample-wrote = fichier écrit : { $path }
tools-sample-expected = net attendu par compte : { $path }

tools-opening-recorded = Solde d'ouverture inscrit comme { $opening } : { $invoices ->
    [one] { $invoices } facture ouverte
   *[other] { $invoices } factures ouvertes
} de { $customers ->
    [one] { $customers } client
   *[other] { $customers } clients
}, { $total } au { $date }. Rien n'est comptabilisé dans Sage 50 : ces factures sont déjà dans ses livres ; leurs paiements s'y appliqueront.
tools-opening-not-receivable = { $path } : ce n'est pas le rapport des comptes clients de Plannit (aucun en-tête avec un client, un numéro de facture, une date de facture et un solde) ; exportez Rapports > Comptes clients depuis Plannit
tools-opening-date-mismatch = { $file } : le titre du rapport donne le { $title }, mais --as-of dit { $given } ; donnez la date à laquelle le rapport a été fait
tools-opening-no-date = { $file } : le titre du rapport ne donne pas de date ; indiquez le jour de ses soldes avec --as-of AAAA-MM-JJ
tools-opening-row-undated = { $file }, ligne { $row } : la facture { $invoice } n'a pas de date, elle ne peut pas être classée par âge ; corrigez le rapport et recommencez
tools-opening-line = { $opening }  { $status ->
    [void] annulé
   *[done] inscrit
}  solde d'ouverture au { $date } : { $invoices ->
    [one] { $invoices } facture
   *[other] { $invoices } factures
}, { $total } ({ $file })
tools-opening-voided = Le solde d'ouverture { $opening } est annulé : ses factures ont quitté le grand livre auxiliaire ; inscrivez le bon avec « plannit2sage history opening ».
tools-status-receivable = comptes clients (compte { $account }) selon le grand livre auxiliaire : { $amount } $
tools-status-tie-out = dernier rapprochement avec Plannit (au { $date }, fait le { $time }) : { $differences ->
    [0] aucun écart
    [one] { $differences } écart, { $difference } au total
   *[other] { $differences } écarts, { $difference } au total
}
