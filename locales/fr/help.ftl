# The command line: --help of every command, clap's own words, its errors,
# and what the program says when started without an argument.
#
# help-cmd-<command path> describes a command; help-arg-<command path>-<argument>
# an argument (.value: its placeholder; .<value>: what a possible value means).

## Clap's words

help-usage-heading = Utilisation :
# Headings end with a colon, which the code moves where clap puts it.
help-heading-commands = Commandes :
help-heading-arguments = Arguments :
help-heading-options = Options :
help-command-value = COMMANDE
help-default = [défaut : { $value }]
help-possible-values = [valeurs possibles : { $values }]
help-possible-values-heading = Valeurs possibles :
help-value-line = { $value } : { $meaning }
help-env = [variable d'environnement : { $var }]
help-flag-help = Affiche l'aide
help-flag-help-more = Affiche l'aide (plus de détails avec « --help »)
help-flag-help-summary = Affiche l'aide (un résumé avec « -h »)
help-flag-version = Affiche la version
help-subcommand = Affiche ce message ou l'aide de la commande donnée
help-subcommand-command = La commande dont afficher l'aide
    .value = COMMANDE

## Commands and their arguments

help-cmd = Exports de ventes et de paiements Plannit → fichier d'importation du journal général de Sage 50
help-arg-lang = Langue des messages, des fichiers d'erreurs et du classeur [défaut : [report] lang de la configuration, sinon fr]
    .value = LANGUE

help-cmd-run = Lit chaque export Plannit de DOSSIER et écrit le fichier d'importation Sage 50
help-arg-run-inbox = Dossier contenant les exports Plannit (.xlsx, .xls, .ods, .csv) ; avec --dry-run, aussi le dossier de dépôt d'un client
    .value = DOSSIER
help-arg-run-config = Fichier de configuration [défaut : DOSSIER/plannit2sage.toml, puis ./plannit2sage.toml]
    .value = FICHIER
help-arg-run-out = Dossier de sortie [défaut : out/ à côté de DOSSIER]
    .value = SORTIE
help-arg-run-granularity = Une écriture pour le lot, par jour ou par document [défaut : celle de la configuration, sinon period]
    .value = GRANULARITÉ
    .period = Une écriture pour tout le lot, comme l'export de Plannit lui-même
    .day = Une écriture par date
    .document = Une écriture par facture, paiement, dépôt ou remboursement
help-arg-run-queries = Dossier contenant journal/*.sql et checks/*.sql [défaut : les requêtes intégrées]
    .value = REQUÊTES
help-arg-run-history = Fichier de l'historique des exports [défaut : plannit2sage.sqlite à côté de la configuration]
    .value = HISTORIQUE
help-arg-run-adjust = Comptabilise les documents modifiés depuis leur export en écritures d'ajustement (la différence)
help-arg-run-timings = Affiche le temps et la mémoire de chaque étape sur la sortie d'erreur
help-arg-run-dry-run = Montre le journal, les constats et les totaux sans rien écrire (ni fichier Sage, ni classeur, ni historique)

help-cmd-history = Liste les lots de l'historique des exports, en montre un, en annule un, confirme l'absence d'un document exporté, ou inscrit le solde d'ouverture des comptes clients
help-arg-history-folder = Le dossier de dépôt d'un client : sa configuration et son historique
    .value = DOSSIER
help-arg-history-config = Configuration, pour trouver l'historique à côté [défaut : ./plannit2sage.toml]
    .value = FICHIER
help-arg-history-history = Fichier de l'historique des exports [défaut : plannit2sage.sqlite à côté de la configuration]
    .value = HISTORIQUE
help-cmd-history-show = Liste les documents qu'un lot a comptabilisés, avec leurs montants par compte
help-arg-history-show-batch = Le lot, tel que « history » le nomme
    .value = LOT
help-cmd-history-void = Marque un lot comme jamais importé dans Sage 50 (importation échouée ou annulée), pour que ses documents puissent être exportés de nouveau. Consigné, jamais effacé
help-arg-history-void-batch = Le lot, tel que « history » le nomme
    .value = LOT
help-arg-history-void-yes = Confirme : annuler le lot permet de comptabiliser ses documents de nouveau
help-arg-history-void-note = Pourquoi le lot est annulé, gardé dans l'historique
    .value = NOTE
help-arg-history-void-imported = Le lot a déjà été importé dans Sage 50 : écrit aussi le fichier Sage qui le contrepasse (sage50-annulation-LOT.txt), à importer
help-cmd-history-acknowledge = Confirme qu'un document exporté, absent des exports depuis (annulé dans Plannit), n'existe plus et a été réglé dans Sage 50 : consigné avec la note et la date, il n'est plus signalé comme manquant
help-arg-history-acknowledge-document = Le document : son numéro (F-1005) ou sa clé (invoice:F-1005), tels que « history show » les affiche
    .value = DOCUMENT
help-arg-history-acknowledge-note = Pourquoi il n'existe plus et comment il a été réglé, gardé dans l'historique
    .value = NOTE
help-cmd-history-opening = Inscrit le solde d'ouverture des comptes clients : les factures ouvertes du rapport des comptes clients de Plannit à la date d'adoption, déjà dans les livres de Sage. Ne comptabilise rien ; leurs paiements s'y appliquent ensuite. Un seul solde d'ouverture à la fois (annulez-le pour le remplacer)
help-arg-history-opening-file = Le rapport des comptes clients de Plannit (xlsx, xls, ods ou csv)
    .value = FICHIER
help-arg-history-opening-as-of = La date des soldes du rapport, quand son titre ne la donne pas (AAAA-MM-JJ)
    .value = DATE
help-date-format = date attendue au format AAAA-MM-JJ

help-cmd-init = Crée un dossier de dépôt : inbox/, out/, archive/, rejected/ et un plannit2sage.toml commenté
help-arg-init-folder = Le dossier à préparer (créé au besoin ; rien n'est écrasé)
    .value = DOSSIER
help-arg-init-from = Un dossier d'exports Plannit : chaque produit ou service et chaque mode de paiement trouvés sont listés dans la configuration, en commentaire, à compléter
    .value = EXPORTS
help-arg-init-table = Avec --from : liste les produits dans une table de correspondance (produits.csv, s'ouvre dans Excel) lue par [mapping] products_file, plutôt que sous [products]

help-cmd-retry = Relance les lots rejetés d'un dossier de dépôt, une fois la configuration (ou la table de correspondance, ou le plan comptable) corrigée
help-arg-retry-folder = Le dossier de dépôt d'un client, ou un dossier qui en contient un par client
    .value = DOSSIER
help-arg-retry-name = Le nom du dossier du lot rejeté sous rejected/ [défaut : chaque lot rejeté]
    .value = NOM
help-arg-retry-adjust = Comptabilise les documents modifiés en écritures d'ajustement (voir « run --adjust »)
help-arg-retry-accept = Exporte le lot NOM tel quel : ses avertissements vérifiés ([watch] warnings = "hold"), ou un export qui ne ressemble pas aux précédents de ce client

help-cmd-watch = Traite les exports déposés dans DOSSIER/inbox à leur arrivée (Ctrl-C arrête après le lot en cours)
help-arg-watch-folder = Un dossier préparé par « plannit2sage init », ou un dossier qui en contient un par client
    .value = DOSSIER
help-arg-watch-once = Traite ce qui est dans inbox, puis s'arrête (pour le Planificateur de tâches ou cron)
help-arg-watch-quiet = Secondes pendant lesquelles un fichier doit rester inchangé avant d'être lu
    .value = SECONDES
help-arg-watch-rescan = Secondes entre deux relectures de inbox, pour les dossiers qui manquent des événements
    .value = SECONDES
help-arg-watch-adjust = Comptabilise les documents modifiés en écritures d'ajustement (voir « run --adjust »)

help-cmd-sample-data = Écrit des exports Plannit fictifs et réalistes (et leurs totaux attendus) pour les essais et les mesures
help-arg-sample-data-out = Dossier où les écrire (avec un plannit2sage.toml assorti)
    .value = DOSSIER
help-arg-sample-data-lines = Lignes du rapport des ventes détaillées
    .value = NOMBRE
help-arg-sample-data-payments = Lignes du rapport des paiements
    .value = NOMBRE
help-arg-sample-data-seed = Graine du tirage au hasard : la même graine écrit les mêmes fichiers
    .value = GRAINE
help-arg-sample-data-format = Format du rapport des ventes
    .value = FORMAT

help-cmd-status = Où en est chaque client d'un dossier : dernier export, dernier rejet, fichiers en attente, argent en transit
help-arg-status-root = Le dossier de dépôt d'un client, ou un dossier qui en contient un par client
    .value = DOSSIER

help-cmd-schedule = Affiche la commande du Planificateur de tâches (Windows) ou de cron qui lance « watch --once » régulièrement
help-arg-schedule-folder = Le dossier de dépôt d'un client, ou un dossier qui en contient un par client
    .value = DOSSIER
help-arg-schedule-every = À quelle fréquence : 15m, 1h
    .value = DURÉE

help-cmd-sql = Exécute une requête SQL sur les tables que voient les requêtes du journal (rien n'est écrit)
help-arg-sql-inbox = Dossier contenant les exports Plannit, ou le dossier de dépôt d'un client (son inbox, sa configuration et son historique)
    .value = DOSSIER
help-arg-sql-batch = Lit les fichiers archivés d'un lot du dossier de dépôt : « last » (le dernier exporté) ou son identifiant
    .value = LOT
help-arg-sql-query = La requête (ou --file)
    .value = REQUÊTE
help-arg-sql-file = Lit la requête dans un fichier
    .value = FICHIER
help-arg-sql-config = Fichier de configuration [défaut : DOSSIER/plannit2sage.toml, puis ./plannit2sage.toml]
    .value = FICHIER
help-arg-sql-queries = Dossier contenant views/, journal/ et checks/ [défaut : les requêtes intégrées]
    .value = REQUÊTES
help-arg-sql-history = Fichier de l'historique des exports [défaut : plannit2sage.sqlite à côté de la configuration]
    .value = HISTORIQUE
help-arg-sql-format = Présentation du résultat
    .value = FORMAT
    .table = Colonnes alignées, pour la lecture
    .xlsx = Un classeur (demande --out)
help-arg-sql-out = Écrit le résultat dans ce fichier plutôt qu'au terminal
    .value = FICHIER

help-cmd-tables = Liste les tables que voient les requêtes, avec leurs colonnes, leurs types et leur nombre de lignes
help-arg-tables-inbox = Dossier contenant les exports Plannit, ou le dossier de dépôt d'un client (son inbox, sa configuration et son historique)
    .value = DOSSIER
help-arg-tables-batch = Lit les fichiers archivés d'un lot du dossier de dépôt : « last » (le dernier exporté) ou son identifiant
    .value = LOT
help-arg-tables-config = Fichier de configuration [défaut : DOSSIER/plannit2sage.toml, puis ./plannit2sage.toml]
    .value = FICHIER
help-arg-tables-queries = Dossier contenant views/, journal/ et checks/ [défaut : les requêtes intégrées]
    .value = REQUÊTES
help-arg-tables-history = Fichier de l'historique des exports [défaut : plannit2sage.sqlite à côté de la configuration]
    .value = HISTORIQUE

help-cmd-test-queries = Exécute les tests d'un dossier de requêtes (queries/tests/<cas>/)
help-arg-test-queries-queries = Le dossier de requêtes
    .value = REQUÊTES

help-cmd-check = Valide un fichier d'importation du journal général de Sage 50 existant et affiche ses écritures
help-arg-check-file = Le fichier d'importation
    .value = FICHIER
help-arg-check-config = Configuration donnant les limites des champs et l'encodage [défaut : ./plannit2sage.toml s'il existe, sinon des limites strictes]
    .value = FICHIER

## Errors of the command line (clap's, told in the catalogue's words)

cli-unknown-argument = argument inattendu « { $arg } »
cli-unknown-command = commande inconnue « { $name } »
cli-not-command-or-folder = « { $name } » n'est ni une commande ni un dossier existant
cli-file-not-folder = « { $name } » est un fichier : donnez le dossier qui contient les exports (ou glissez ce dossier sur le programme)
cli-missing-required = { $count ->
    [one] cet argument obligatoire manque :
   *[other] ces arguments obligatoires manquent :
}
cli-value-required = « { $arg } » demande une valeur, mais aucune n'a été donnée
cli-invalid-value = valeur « { $value } » invalide pour « { $arg } »
cli-missing-command = « { $command } » demande une commande
cli-commands = [commandes : { $commands }]
cli-used-twice = l'argument « { $arg } » ne peut être donné qu'une fois
cli-conflict = l'argument « { $arg } » ne peut pas être donné avec « { $other } »
cli-similar-command = astuce : { $count ->
    [one] une commande semblable existe
   *[other] des commandes semblables existent
} : { $names }
cli-similar-argument = astuce : { $count ->
    [one] un argument semblable existe
   *[other] des arguments semblables existent
} : { $names }
cli-similar-value = astuce : { $count ->
    [one] une valeur semblable existe
   *[other] des valeurs semblables existent
} : { $names }
cli-quoted = « { $name } »
cli-try-help = Pour en savoir plus, essayez « { $help } ».

## Started without an argument; a console window of its own

launch-guide =
    plannit2sage transforme les exports de ventes et de paiements de Plannit
    en un fichier d'importation du journal général de Sage 50.

    Pour traiter un dossier, glissez-le sur { $program } :
    {"  "}- un dossier d'exports Plannit : le fichier Sage et le classeur de
    {"    "}rapprochement sont écrits dans out/, à côté du dossier ;
    {"  "}- un dossier de dépôt (préparé par « init », avec inbox/) : les exports
    {"    "}déposés dans inbox/ sont traités, comme par « watch DOSSIER --once ».

    Ou tapez, dans une invite de commandes :
    {"  "}plannit2sage run DOSSIER                   traite les exports de DOSSIER
    {"  "}plannit2sage init DOSSIER --from EXPORTS   prépare un dossier de dépôt
    {"  "}plannit2sage --help                        toutes les commandes
launch-press-enter = Appuyez sur Entrée pour fermer cette fenêtre.
