# plannit2sage verify : le grand livre de Sage 50 relu et comparé à l'historique des exports.

## Le rapport Grand livre de Sage 50

verify-ledger-problem = { $location } : { $message }
verify-ledger-column-missing = ce grand livre n'a pas de colonne « { $column } » (en-têtes acceptés : { $aliases }) ; nommez votre en-tête sous [columns.sage_ledger] { $column } = ["..."] dans la configuration
verify-ledger-no-date = cette écriture n'a pas de date
verify-ledger-no-account = cette écriture n'a pas de compte : ni colonne du compte, ni ligne de titre de compte au-dessus
verify-ledger-no-entry-number = cette ligne a une date et un montant mais pas de numéro d'écriture (JE #)
verify-ledger-unreadable = { $file } : impossible de lire le grand livre : { $reason }
verify-ledger-not-a-ledger = { $file } : ce n'est pas un rapport Grand livre de Sage 50 (aucun en-tête avec la date, la source, le n° d'écriture, les débits et les crédits dans les { $rows } premières lignes) ; dans Sage 50 : Rapports > Financiers > Grand livre, détaillé, puis Exporter (Excel ou CSV)
verify-ledger-problems = { $file } : { $count ->
    [one] { $count } problème empêche de lire ce grand livre
   *[other] { $count } problèmes empêchent de lire ce grand livre
} :
verify-ledger-no-dates = { $file } : ce grand livre n'a aucune écriture et son titre ne donne pas de période : impossible de savoir quels lots il couvre ; exportez-le avec une plage de dates
verify-fix-date-order = → à corriger : dans la configuration : [input] date_order (« mdy » si Sage écrit le mois d'abord, « dmy » le jour d'abord)
verify-fix-columns = → à corriger : exportez de nouveau le grand livre de Sage 50 avec la colonne « { $column } », ou nommez son en-tête sous [columns.sage_ledger] dans la configuration
verify-fix-export-again = → à corriger : exportez de nouveau le grand livre de Sage 50 (Rapports > Financiers > Grand livre, détaillé) sans le modifier

## La vérification

verify-no-history = { $path } : aucun historique des exports ici : rien à vérifier ; indiquez-le avec --history, ou la configuration à côté de laquelle il se trouve avec --config
verify-unverifiable-no-file = enregistré avant que l'historique ne garde les écritures, et sans fichier Sage
verify-unverifiable-missing = enregistré avant que l'historique ne garde les écritures, et son fichier Sage { $file } n'est plus là : remettez-le à sa place pour le vérifier
verify-unverifiable-changed = enregistré avant que l'historique ne garde les écritures, et son fichier Sage { $file } a changé depuis : remettez le fichier d'origine pour le vérifier

# Ce que la vérification constate pour un lot ($count : combien de lots, pour l'accord).
verify-verdict = { $verdict ->
    [landed_once] { $count ->
        [one] importé une fois
       *[other] importés une fois
    }
    [not_found] { $count ->
        [one] absent de Sage
       *[other] absents de Sage
    }
    [landed_twice] { $count ->
        [one] importé deux fois
       *[other] importés deux fois
    }
    [landed_different] { $count ->
        [one] importé avec des écarts
       *[other] importés avec des écarts
    }
    [void_absent] { $count ->
        [one] annulé, absent de Sage
       *[other] annulés, absents de Sage
    }
    [void_reversed] { $count ->
        [one] annulé et contrepassé dans Sage
       *[other] annulés et contrepassés dans Sage
    }
    [void_found] { $count ->
        [one] annulé mais présent dans Sage
       *[other] annulés mais présents dans Sage
    }
   *[cannot_verify] { $count ->
        [one] impossible à vérifier
       *[other] impossibles à vérifier
    }
}

## Le terminal

verify-heading = plannit2sage { $version } : vérification du grand livre de Sage 50 avec l'historique { $history }
verify-file = lu  { $file } : { $dates_from ->
    [title] du { $first } au { $last } (selon son titre)
   *[postings] du { $first } au { $last } (ses premières et dernières écritures)
}, { $postings ->
    [one] { $postings } ligne
   *[other] { $postings } lignes
}, { $entries ->
    [one] { $entries } écriture
   *[other] { $entries } écritures
}
verify-batch = lot { $batch } ({ $first } → { $last }) : { $verdict }
verify-batch-not-found-why = pas encore importé, ou importé dans une autre société
verify-verdict-why = { $verdict } ({ $why })
verify-batch-not-covered = { $count ->
    [one] { $count } écriture datée hors du rapport, non vérifiée
   *[other] { $count } écritures datées hors du rapport, non vérifiées
}
verify-entry-twice = { $source } du { $date } : trouvée { $count } fois, écritures Sage n° { $je }
verify-entry-missing = { $source } du { $date } : absente de Sage
verify-entry-different = { $source } du { $date } (écriture Sage n° { $je }) : { $differences }
verify-entry-other-date = datée du { $date } dans Sage
verify-entry-account = compte { $account } : attendu { $expected }, dans Sage { $found }
verify-entry-void-found = { $source } du { $date } : dans Sage, écriture n° { $je }
verify-entry-void-unreversed = { $source } du { $date } : dans Sage (écriture n° { $je }), sans sa contrepassation
verify-entry-reversal-only = { $source } du { $date } : sa contrepassation est dans Sage (écriture n° { $je }), mais pas l'écriture d'origine
verify-entries-more = … et { $count ->
    [one] { $count } autre (voir le classeur)
   *[other] { $count } autres (voir le classeur)
}
verify-todo-twice = → à faire dans Sage 50 : contrepassez l'écriture en trop (la dernière importée) ; le fichier a été importé plus d'une fois
verify-todo-not-found = → à faire : importez le fichier Sage du lot dans cette société ; s'il ne doit jamais l'être, annulez le lot (plannit2sage history void { $batch } --yes)
verify-todo-different = → à faire dans Sage 50 : corrigez l'écriture pour qu'elle reprenne le fichier du lot (les montants attendus sont ceux du fichier)
verify-todo-void-reversal = → à faire : chaque écriture de ce lot, annulé après son import, doit être dans Sage avec sa contrepassation ({ $file }) : importez ce qui manque, ou contrepassez ce qui est de trop
verify-todo-void-found = → à faire : ce lot est annulé dans l'historique mais il est dans Sage ; contrepassez l'écriture dans Sage 50, ou, si elle doit rester, ne réexportez pas ses documents
verify-no-batch = Aucun lot de l'historique n'est daté dans les dates du rapport.
verify-outside-heading = { $count ->
    [one] { $count } écriture passée hors de l'outil dans ses comptes ({ $accounts }) :
   *[other] { $count } écritures passées hors de l'outil dans ses comptes ({ $accounts }) :
}
verify-outside-line = { $date }  source { $source }  « { $comment } »  compte { $account }  { $side ->
    [debit] débit
   *[credit] crédit
} { $amount }  (écriture Sage n° { $je })
verify-todo-outside = → à faire : la même opération faite dans les deux systèmes ? Si Plannit l'a aussi exportée, contrepassez dans Sage 50 l'écriture saisie à la main ; sinon, saisissez-la dans Plannit plutôt que dans Sage.
verify-note-no-config = sans configuration, les écritures passées hors de l'outil ne sont pas cherchées (indiquez --config)
verify-note-unreported = comptes absents du rapport, non comparés : { $accounts }
verify-summary = Résultat : { $batches }.
verify-summary-with-outside = Résultat : { $batches } ; { $outside }.
verify-summary-outside = { $count ->
    [one] { $count } écriture hors de l'outil
   *[other] { $count } écritures hors de l'outil
}
verify-summary-count = { $count ->
    [one] { $count } lot { $verdict }
   *[other] { $count } lots { $verdict }
}
verify-summary-none = aucun lot vérifié
verify-all-right = Chaque lot couvert est arrivé une seule fois dans Sage 50, et rien n'a été passé hors de l'outil.
verify-workbook = Classeur de vérification : { $path }
verify-recorded = Vérification inscrite à l'historique des exports ({ $history }).

## Le classeur

verify-wb-summary = Sommaire
verify-wb-batches = Lots
verify-wb-twice = Deux fois
verify-wb-missing = Absentes
verify-wb-different = Écarts
verify-wb-void-found = Annulés présents
verify-wb-outside = Hors de l'outil
verify-wb-title = Vérification du grand livre de Sage 50
verify-wb-status = État
verify-wb-all-right = TOUT CONCORDE
verify-wb-discrepancies = ÉCARTS À CORRIGER
verify-wb-company = Entreprise
verify-wb-dates = Dates vérifiées
verify-wb-owned = Comptes de l'outil
verify-wb-unreported = Comptes absents du rapport (non comparés)
verify-wb-history = Historique des exports
verify-wb-config = Configuration
verify-wb-version = Version
verify-wb-verified-at = Vérifié le
verify-wb-findings = Constats
verify-wb-outside-count = Lignes passées hors de l'outil
verify-wb-files = Grands livres lus
verify-wb-dates-title = son titre
verify-wb-dates-postings = ses écritures
verify-wb-status-done = exporté
verify-wb-status-void = annulé
verify-wb-column = { $key ->
    [batch] Lot
    [status] État du lot
    [first_date] Première date
    [last_date] Dernière date
    [verdict] Constat
    [reversed_by] Contrepassation Sage
    [batches] Lots
    [entries] Écritures
    [checked] Vérifiées
    [once] Une fois
    [twice] Deux fois ou plus
    [missing] Absentes
    [different] Différentes
    [not_covered] Hors des dates du rapport
    [detail] Détail
    [date] Date
    [source] Source
    [comment] Commentaire
    [je] N° d'écriture Sage
    [times] Fois
    [debits] Débits
    [found_date] Date dans Sage
    [account] Compte
    [account_name] Nom du compte
    [expected] Attendu (fichier Sage)
    [found] Dans Sage
    [difference] Écart
    [debit] Débit
    [credit] Crédit
    [file] Fichier
    [row] Ligne
    [company] Titre
    [dates_from] Dates selon
    [postings] Lignes
   *[sha256] SHA-256
}

## --help

help-cmd-verify = Relit le grand livre exporté de Sage 50 et vérifie que chaque lot y est arrivé une seule fois
help-arg-verify-files = Le rapport Grand livre de Sage 50, exporté en Excel ou CSV (plusieurs fichiers possibles)
    .value = FICHIER
help-arg-verify-config = Configuration (comptes de l'outil, en-têtes, ordre des dates) [défaut : à côté de l'historique, sinon ./plannit2sage.toml]
    .value = CONFIG
help-arg-verify-history = Fichier de l'historique des exports [défaut : plannit2sage.sqlite à côté de la configuration]
    .value = HISTORIQUE
help-arg-verify-out = Dossier du classeur de vérification [défaut : celui du premier rapport]
    .value = DOSSIER
verify-problems-more = … et { $count ->
    [one] { $count } autre problème
   *[other] { $count } autres problèmes
}

## Le dossier de dépôt

watch-verification-folder = verification
watch-line-verified = grand livre vérifié ({ $files }) : { $result }
watch-line-verification-failed = grand livre non vérifié ({ $files }) :
watch-line-verification-in = rapport, classeur et résultat (VERIFICATION.txt) dans { $folder }

## history et status

verify-history-line = vérifié le { $time } : { $verdict } (grand livre du { $first } au { $last })
verify-status-line = dernière vérification du grand livre : le { $time }, du { $first } au { $last } ({ $files }) : { $batches }
