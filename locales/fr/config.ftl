# Les erreurs de forme du fichier de configuration (plannit2sage.toml) :
# TOML invalide, sections et clés inconnues ou manquantes, valeurs du mauvais
# type ; et à quoi sert chaque section et chaque clé.

## Où est le problème

# Un seul problème, à une ligne du fichier.
config-problem-at = { $path }, ligne { $line } : { $problem }
# Un des problèmes d'une liste.
config-line = ligne { $line } : { $problem }
# $list : un problème par ligne, chacun commençant par un saut de ligne.
config-problems = { $path } : { $count ->
    [one] { $count } problème
   *[other] { $count } problèmes
} :{ $list }
# $detail est le message du lecteur TOML, en anglais.
config-not-toml = { $path }, ligne { $line }, colonne { $column } : ce n'est pas du TOML valide (lecteur TOML : { $detail })
config-not-toml-here = { $path } : ce n'est pas du TOML valide (lecteur TOML : { $detail })
# Suit le nom d'une clé : « clé inconnue foo en tête de fichier ».
config-place-top = en tête de fichier, avant toute section
config-place-section = dans { $section }

## Sections et clés inconnues ou manquantes

# $known : les noms permis, « bank, receivable, … » ou « company, [sage50], … ».
config-unknown-section = section inconnue { $name } ; noms permis ici : { $known }
# $near : le nom connu le plus proche, « [products] » ; $purpose : à quoi il sert.
config-unknown-section-near = section inconnue { $name } : vouliez-vous dire { $near } ({ $purpose }) ?
config-unknown-key = clé inconnue { $name } { $place } ; noms permis ici : { $known }
# $near : « receivable », ou « [sage50] granularity » quand elle va dans une autre section.
config-unknown-key-near = clé inconnue { $name } { $place } : vouliez-vous dire { $near } ({ $purpose }) ?
config-missing-section = il manque la section { $name } : { $purpose } ; elle doit contenir au moins { $required }
config-missing-key = il manque la clé { $name } { $place } : { $purpose }

## Valeurs

# $value : la valeur telle qu'écrite, « "mois" ».
config-not-allowed = { $key } = { $value } : valeur non permise ; valeurs permises : { $allowed }
config-wrong-type = { $key } = { $value } : il faut { $expected }
# Une section ($section, « [sage50.granularity] ») écrite là où va une valeur.
config-not-a-section = { $section } : { $key } est une valeur, pas une section ; il faut { $expected }
config-expect-text = du texte entre guillemets
config-expect-number = un nombre entier positif, sans guillemets
config-expect-bool = true ou false, sans guillemets
config-expect-account = un numéro de compte, comme "4001"
config-expect-date = une date, comme 2026-12-31
config-expect-choice = l'une de ces valeurs : { $allowed }
config-expect-list = une liste entre crochets, comme ["…", "…"]
config-expect-section = une section { $section } et ses clés
# Une valeur refusée par le lecteur TOML ; $detail est son message, en anglais.
config-value-refused = { $key } = { $value } : valeur refusée (lecteur TOML : { $detail })
config-refused = valeur refusée (lecteur TOML : { $detail })

## À quoi sert chaque section et chaque clé

config-purpose-company = le nom de l'entreprise, repris dans les rapports
config-purpose-sage50 = la façon d'écrire le fichier d'importation et ce que l'entreprise Sage 50 accepte
config-purpose-taxes = les noms et codes des taxes dans l'entreprise Sage 50, pour tax_detail
config-purpose-accounts = les comptes du grand livre qui jouent un rôle dans chaque écriture
config-purpose-products = le compte de revenus de chaque produit ou service du catalogue Plannit
config-purpose-payment-methods = le compte de chaque mode de paiement qui n'arrive pas à la banque
config-purpose-columns = des noms d'en-têtes de plus pour les colonnes des exports
config-purpose-input = la lecture des exports : ordre des dates, fichiers à ignorer
config-purpose-mapping = une table de correspondance des produits, pour un long catalogue
config-purpose-report = la langue des messages et du classeur
config-purpose-watch = ce que « watch » fait d'un lot qui porte des avertissements
config-purpose-watch-warnings = « export » (par défaut) : il est exporté et ses avertissements affichés ; « hold » : il attend dans rejected/, à vérifier, jusqu'à « plannit2sage retry DOSSIER NOM --accept »
config-purpose-limits = les limites de taille des fichiers lus

config-purpose-granularity = le regroupement des lignes en écritures Sage 50
config-purpose-source-max = la longueur maximale de la source d'une écriture dans Sage 50
config-purpose-comment-max = la longueur maximale du commentaire d'une écriture dans Sage 50
config-purpose-encoding = l'encodage du texte du fichier d'importation
config-purpose-tax-detail = écrire le détail des taxes (lignes TAXH et TAXD) pour le rapport de taxes de Sage 50
config-purpose-sage-lang = la langue des commentaires des écritures
config-purpose-chart = le plan comptable exporté de Sage 50 (CSV ou classeur)
config-purpose-linked-accounts = les comptes intégrés de Sage 50, où une importation ne peut rien passer
config-purpose-lock-before = la date avant laquelle Sage 50 refuse les écritures
config-purpose-fiscal-year-end = la fin de l'exercice, après laquelle Sage 50 refuse les écritures
config-purpose-basis = la comptabilité : « accrual » (les factures sont comptabilisées à leur émission) ou « cash » (les revenus et les taxes sont comptabilisés à mesure que les factures sont payées)
config-purpose-basis-from = la date à partir de laquelle la comptabilité choisie s'applique, quand des lots ont déjà été exportés selon l'autre

config-purpose-tax-gst = le nom et le code de la TPS dans l'entreprise Sage 50
config-purpose-tax-qst = le nom et le code de la TVQ dans l'entreprise Sage 50
config-purpose-tax-hst = le nom et le code de la TVH dans l'entreprise Sage 50
config-purpose-tax-name = le nom de la taxe dans l'entreprise Sage 50, comme TPS
config-purpose-tax-code = le code de la taxe dans l'entreprise Sage 50, comme GQ

config-purpose-bank = le compte de banque où arrivent les paiements et d'où partent les remboursements
config-purpose-receivable = le compte clients, débité par les factures et crédité par les paiements
config-purpose-gst = le compte de TPS à payer
config-purpose-qst = le compte de TVQ à payer
config-purpose-hst = le compte de TVH à payer, requis quand une facture porte de la TVH
config-purpose-default-revenue = le compte de revenus des produits sans correspondance, avec un avertissement
config-purpose-plannit-pay-clearing = le compte où sont reçus les paiements Plannit Pay, que les versements créditent
config-purpose-processing-fees = le compte de dépenses des frais Plannit Pay (Stripe)
config-purpose-payout-bank = le compte de banque où arrivent les versements Plannit Pay, bank par défaut
config-purpose-customer-deposits = le compte de passif des dépôts des clients, jusqu'à leur application
config-purpose-tips = le compte des pourboires reçus avec les paiements

config-purpose-columns-sales = des noms d'en-têtes de plus pour le rapport des ventes
config-purpose-columns-payments = des noms d'en-têtes de plus pour le rapport des paiements
config-purpose-columns-payouts = des noms d'en-têtes de plus pour le rapport des versements Plannit Pay
config-purpose-columns-receivable = des noms d'en-têtes de plus pour le rapport des comptes clients de Plannit
config-purpose-receivable-section = le rapprochement des comptes clients avec le rapport de Plannit
config-purpose-tie-out = ce que fait un écart avec le rapport des comptes clients de Plannit : "warning" (un avertissement, par défaut) ou "error" (le lot est refusé)
config-purpose-columns-sage-ledger = des noms d'en-têtes de plus pour le grand livre de Sage 50 (plannit2sage verify)
config-purpose-date-order = la lecture des dates ambiguës comme 03/04/2026
config-purpose-ignore = les modèles de noms des autres fichiers du dossier de dépôt, jamais lus
config-purpose-products-file = la table de correspondance des produits, avec une colonne Produit et une colonne Compte
config-purpose-report-lang = la langue des messages et du classeur
config-purpose-max-file-mb = la taille maximale d'un fichier lu, en Mo
config-purpose-max-decompressed-mb = la taille maximale d'un classeur une fois décompressé, en Mo
config-purpose-max-rows = le nombre maximal de lignes lues d'une feuille ou d'un fichier CSV
config-purpose-max-cells = le nombre maximal de cellules lues d'une feuille ou d'un fichier CSV
config-purpose-bad-debts = le compte de dépenses où la partie impayée d'une facture annulée est radiée ([policy] voided_invoices = "bad_debt")
config-purpose-gst-adjustments = où la TPS récupérée sur une mauvaise créance est débitée (le compte de TPS s'il n'est pas indiqué)
config-purpose-qst-adjustments = où la TVQ récupérée sur une mauvaise créance est débitée (le compte de TVQ s'il n'est pas indiqué)
config-purpose-hst-adjustments = où la TVH récupérée sur une mauvaise créance est débitée (le compte de TVH s'il n'est pas indiqué)
config-purpose-policy = ce qui arrive aux documents modifiés dans Plannit après leur export
config-purpose-voided-invoices = ce que comptabilise une facture exportée puis annulée dans Plannit : "reverse" (sa contrepassation exacte, par défaut) ou "bad_debt" (sa partie impayée radiée, avec la TPS/TVQ récupérée)
