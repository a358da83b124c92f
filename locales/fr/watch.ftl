# `init`, `watch` et `retry` : le dossier de dépôt.

watch-watching = Surveillance de { $inbox } (Ctrl-C arrête après le lot en cours)
watch-spinner = attente de fichiers complets, puis traitement…
watch-bad-durations = --quiet et --rescan prennent un nombre de secondes
watch-stopped = Arrêt : { $exported ->
    [one] { $exported } lot exporté
   *[other] { $exported } lots exportés
}, { $rejected ->
    [one] { $rejected } refusé
   *[other] { $rejected } refusés
}, { $held ->
    [0] {""}
   *[other] { $held } à vérifier,{" "}
}{ $nothing_new } sans rien de nouveau, { $duplicates ->
    [one] { $duplicates } fichier en double
   *[other] { $duplicates } fichiers en double
}.
watch-inbox-unreachable = [{ $client }] { $inbox } : le dossier de dépôt est inaccessible ; en attente de son retour
watch-client-problem = [{ $client }] { $problem }

watch-line-exported = exporté  lot { $batch } ({ $files }) : { $entries ->
    [one] { $entries } écriture
   *[other] { $entries } écritures
}, débits { $debits }{ $warnings } → { $sage_file }
watch-line-nothing-new = rien de nouveau ({ $files }) : tous les documents ont déjà été exportés{ $warnings }
watch-line-controlled = contrôle ({ $files }) : rapport des comptes clients rapproché du grand livre auxiliaire, rien à comptabiliser{ $warnings }
watch-line-duplicate = en double ({ $files }) : { $why }
watch-already-processed = déjà traité
watch-line-rejected = refusé ({ $files }) : { $count ->
    [one] { $count } erreur
   *[other] { $count } erreurs
}
watch-line-waiting = en attente ({ $files }) : les fichiers sont encore ouverts dans un autre programme
watch-line-moved-to = fichiers et explications dans { $folder }
watch-line-retry = reprise de { $folder } :

watch-duplicate-processed = { $file } : ce fichier exact a déjà été traité dans le lot { $batch } : rien n'a été comptabilisé
watch-duplicate-identical = { $file } : identique à { $of } — non lu
watch-files-busy = impossible de sortir les fichiers du dossier de dépôt pour l'instant : { $reason }
watch-already-exported-folder = deja-exporte
watch-control-folder = controle
watch-nothing-to-post = rien à comptabiliser : aucun rapport de ventes ou de paiements avec un montant n'a été trouvé

watch-errors-title = Ce lot n'a PAS été exporté vers Sage 50.
watch-errors-fix-config = Corrigez la configuration : { $keys }. Dès que le fichier est enregistré, « plannit2sage watch » reprend ce lot de lui-même (ou lancez « plannit2sage retry <dossier de dépôt> { $folder } ») ; ne déplacez pas les fichiers.
watch-errors-fix-plannit = Corrigez les données dans Plannit, exportez de nouveau les rapports et déposez les nouveaux fichiers dans inbox/.
watch-errors-fix-file = Remplacez le fichier abîmé ou non reconnu : exportez-le de nouveau de Plannit et déposez-le dans inbox/ (ou retirez-le, ou inscrivez-le sous [input] ignore).
watch-errors-fix-history = Des documents ont changé depuis leur export : reprenez ce lot avec « plannit2sage retry <dossier de dépôt> { $folder } --adjust » pour comptabiliser les différences, ou annulez le lot exporté s'il n'a jamais été importé (voir chaque erreur).
watch-errors-missing-items = Produits à associer : { $path } (remplissez la colonne du compte, puis ajoutez ses lignes à la table de correspondance ou sous [products])
watch-errors-details = Détails : { $path }

retry-note-attempt = Repris le { $time } :
retry-note-exported = exporté comme lot { $batch } ; les fichiers sont dans { $moved_to }
retry-note-nothing-new = rien de nouveau : tous les documents avaient déjà été exportés ; les fichiers sont dans { $moved_to }
retry-note-controlled = contrôle : le rapport des comptes clients a été rapproché du grand livre auxiliaire, rien à comptabiliser ; les fichiers sont dans { $moved_to }
retry-note-duplicate = ces fichiers avaient déjà été traités ; ils sont dans { $moved_to }
retry-note-rejected = refusé de nouveau ({ $count ->
    [one] { $count } erreur
   *[other] { $count } erreurs
}) : voir ERREURS-ERRORS.txt
retry-no-drop-folder = { $folder } : ce n'est pas un dossier de dépôt (ni inbox/ ni plannit2sage.toml), ni un dossier de dossiers de clients
retry-not-found = aucun lot refusé nommé « { $name } » n'attend dans { $folder }/rejected (les dossiers portent la date et l'heure du refus)
retry-nothing = Aucun lot refusé en attente : rien à reprendre.

init-created = créé { $path }
init-ready = Dossier de dépôt prêt. Remplissez les comptes dans { $config }, puis déposez les exports Plannit dans { $inbox } et lancez « plannit2sage watch { $folder } ».
init-survey = { $files ->
    [one] { $files } export lu
   *[other] { $files } exports lus
} : { $items ->
    [one] { $items } produit ou service
   *[other] { $items } produits et services
} et { $methods ->
    [one] { $methods } mode de paiement
   *[other] { $methods } modes de paiement
} à associer.
init-config-kept = { $path } existe déjà et n'a pas été modifié : les produits trouvés n'y sont pas

survey-table-item = Produit
survey-table-account = Compte
survey-table-lines = Lignes
survey-table-amount = Montant
survey-table-comment = table produit → compte : remplissez la colonne Compte dans Excel
survey-products-comment = { $count ->
    [one] { $count } produit ou service trouvé dans les exports : inscrivez son compte et retirez le « # » de sa ligne
   *[other] { $count } produits et services trouvés dans les exports : inscrivez le compte et retirez le « # » de chaque ligne
}
survey-products-in-table = les produits sont dans produits.csv (voir [mapping] plus bas)
survey-methods-comment = { $count ->
    [one] { $count } mode de paiement trouvé : associez-le s'il n'est pas déposé au compte de banque (retirez le « # ») ; Plannit Pay va à [accounts] plannit_pay_clearing
   *[other] { $count } modes de paiement trouvés : associez ceux qui ne sont pas déposés au compte de banque (retirez le « # ») ; Plannit Pay va à [accounts] plannit_pay_clearing
}
survey-item-tally = { $count ->
    [one] { $count } ligne
   *[other] { $count } lignes
}, { $amount }
survey-method-tally = { $count ->
    [one] { $count } paiement
   *[other] { $count } paiements
}, { $amount }

watch-error-io = { $path } : { $reason }
watch-error-no-config = { $path } : aucune configuration : lancez « plannit2sage init { $folder } » et remplissez les comptes
watch-error-notify = { $path } : impossible de surveiller le dossier : { $reason }
watch-error-signal = impossible d'installer la gestion de Ctrl-C : { $reason }
survey-needs-found = trouvé dans les exports : { $found }
survey-needs-hst = { $count ->
    [one] { $count } facture avec TVH
   *[other] { $count } factures avec TVH
} ({ $amount } $)
survey-needs-plannit-pay = { $count ->
    [0] un rapport des versements Plannit Pay
    [one] { $count } paiement Plannit Pay
   *[other] { $count } paiements Plannit Pay
} ({ $amount } $)
survey-needs-fees = { $count ->
    [one] { $count } versement Plannit Pay
   *[other] { $count } versements Plannit Pay
}, { $amount } $ de frais
survey-needs-tips = { $count ->
    [one] { $count } paiement avec pourboire
   *[other] { $count } paiements avec pourboire
} ({ $amount } $)
survey-needs-deposits = { $count ->
    [one] { $count } dépôt reçu
   *[other] { $count } dépôts reçus
} ({ $amount } $) ; remplissez ce compte, ou remettez le « # » pour porter les dépôts aux comptes clients
