# Messages du chargement : lecture du dépôt, des exports et de leurs cellules ;
# fusion des fichiers d'un dépôt ; adaptation du lot à l'entreprise Sage ;
# exécution des requêtes.

## Le dossier de dépôt (src/load/mod.rs)

load-inbox-missing = { $path } : ce dossier n'existe pas ; vérifiez le chemin (un dossier d'exports Plannit, ou un dossier de dépôt)
load-inbox-unreadable = { $path } : impossible de lire le contenu du dossier de dépôt : { $reason }
load-ignored-outside-link = un lien vers un fichier hors du dossier de dépôt : copiez plutôt le fichier dans le dossier de dépôt
load-ignored-folder = un dossier, pas un fichier
load-ignored-transient = un fichier de verrouillage ou temporaire
load-ignored-pattern = correspond à [input] ignore « { $pattern } » : non lu
load-ignored-not-spreadsheet = ni un classeur ni un fichier CSV : non lu
load-ignored-no-header = aucun en-tête de rapport de ventes ou de paiements Plannit dans les { $rows } premières lignes
# $kind est le nom du rapport dans la configuration (sales, payments, payouts) ;
# $aliases_fr, les en-têtes acceptés séparés par « », « ».
load-column-missing = ce rapport des { $kind ->
    [sales] ventes
    [payments] paiements
   *[other] versements
} n'a pas de colonne « { $column } » (en-têtes acceptés : « { $aliases_fr } ») ; ajoutez la colonne à l'export, ou indiquez votre en-tête sous [columns.{ $kind }] { $column } = ["..."] dans la configuration
load-file-unrecognised = un classeur sans en-tête de rapport de ventes ou de paiements Plannit dans ses { $rows } premières lignes : s'agit-il d'un autre rapport Plannit ? Exportez le rapport détaillé des ventes ou le rapport des paiements, ou ajoutez le fichier à [input] ignore dans la configuration pour le garder à côté des exports
load-file-damaged = le fichier est endommagé ou a été tronqué pendant le téléchargement (son contenu n'est pas du texte) : exportez-le de nouveau depuis Plannit

## Lecture d'un fichier (src/load/sheet.rs)

load-read-io = impossible de lire le fichier : { $reason }
load-read-empty = le fichier est vide (0 octet) : exportez de nouveau le rapport depuis Plannit
load-read-workbook = classeur illisible ({ $reason }) : le fichier est peut-être endommagé ou tronqué ; exportez-le de nouveau depuis Plannit, ou ouvrez-le dans Excel et enregistrez-le au format .xlsx
load-read-sheet = la feuille « { $sheet } » est illisible ({ $reason }) : ouvrez le fichier dans Excel et enregistrez-le de nouveau
load-read-csv = le texte ne peut pas être lu comme un fichier CSV à la ligne { $line } : { $reason } ; exportez-le de nouveau depuis Plannit
load-read-cut-short = le texte ne peut pas être lu comme un fichier CSV à la ligne { $line } : un champ entre guillemets n'est pas fermé, le fichier semble tronqué ; exportez-le de nouveau depuis Plannit
# $unit : mb ou bytes ; $place : sheet (la feuille $sheet) ou file (un fichier CSV).
load-limit-file-size = la taille du fichier ({ $size } { $unit ->
        [mb] Mo
       *[bytes] octets
    }) dépasse la limite de { $max } Mo : si le fichier est authentique, augmentez [limits] max_file_mb dans la configuration
load-limit-unpacked-size = la taille décompressée du classeur ({ $size } { $unit ->
        [mb] Mo
       *[bytes] octets
    }) dépasse la limite de { $max } Mo : si le fichier est authentique, augmentez [limits] max_decompressed_mb dans la configuration
load-limit-rows = { $place ->
        [sheet] la feuille « { $sheet } »
       *[file] le fichier
    } de { $rows } lignes dépasse la limite de { $max } lignes : si le fichier est authentique, augmentez [limits] max_rows dans la configuration
load-limit-cells = { $place ->
        [sheet] la feuille « { $sheet } »
       *[file] le fichier
    } de { $cells } cellules dépasse la limite de { $max } cellules : si le fichier est authentique, augmentez [limits] max_cells dans la configuration

## Cellules (src/load/values.rs)

load-amount-not-amount = « { $value } » n'est pas un montant
load-amount-too-many-decimals = « { $value } » a plus de deux décimales
load-amount-ambiguous = « { $value } » est ambigu : écrivez 1234.00 ou 1 234,00
load-amount-too-large = « { $value } » est trop grand pour un montant
load-cell-error = la cellule contient l'erreur de tableur { $error } : corrigez la formule dans l'export
load-amount-date = la cellule contient une date, pas un montant
load-date-not-date = « { $value } » n'est pas une date (format attendu : 2026-10-31)
load-date-ambiguous = « { $value } » est ambiguë (jour/mois ou mois/jour) : indiquez date_order = "dmy" ou "mdy" sous [input] dans la configuration
load-date-out-of-range = « { $value } » n'est pas une date plausible pour cet export (avant 2000, ou plus d'un an après aujourd'hui) : vérifiez la date dans Plannit

## Lignes des rapports (src/load/reports.rs)

load-amount-missing = le montant est vide : remplissez-le dans Plannit et exportez de nouveau
load-invoice-missing = le numéro de facture est vide : chaque ligne de ventes doit avoir sa facture
load-payout-missing = le numéro de versement est vide : chaque ligne du rapport des versements doit avoir son versement
load-payment-type-unknown = « { $value } » n'est pas un type de paiement : types attendus Paiement/Payment, Dépôt/Deposit ou Remboursement/Refund
load-total-row-mismatch = la ligne de total indique { $stated }, mais { $rows ->
    [one] la { $rows } ligne au-dessus totalise
   *[other] les { $rows } lignes au-dessus totalisent
} { $sum } : des lignes ont été masquées, filtrées ou supprimées dans le tableur ; exportez de nouveau le rapport depuis Plannit et déposez-le sans le modifier

## Fusion des fichiers d'un dépôt (src/merge.rs)

# $what : invoice, payment ou payout.
load-merge-conflict = { $what ->
    [invoice] la facture
    [payment] le paiement
   *[other] le versement
} { $number } diffère entre { $first } et { $second } : seulement dans { $first } : { $only_first } ; seulement dans { $second } : { $only_second }. Exportez de nouveau les rapports depuis Plannit, ou ne gardez que le fichier le plus récent dans le dossier de dépôt
load-merge-text-differs = { $what ->
    [invoice] la facture { $number } est dans { $first } et dans { $second } avec les mêmes montants, mais un client ou une description différents : prise une seule fois, dans { $first }
    [payment] le paiement { $number } est dans { $first } et dans { $second } avec les mêmes montants, mais un client ou une description différents : pris une seule fois, dans { $first }
   *[other] le versement { $number } est dans { $first } et dans { $second } avec les mêmes montants, mais un client ou une description différents : pris une seule fois, dans { $first }
}
load-merge-sales-row = ligne { $row } : { $date } { $item }, montant { $amount }, total { $total }
load-merge-payment-row = ligne { $row } : { $date } { $method } { $amount }
load-merge-payout-row = ligne { $row } : facture { $invoice }, brut { $gross }, frais { $fee }
load-merge-more = et { $count } autres
load-merge-nothing = rien

## L'entreprise Sage (src/conform.rs)

load-date-locked = { $count ->
    [one] { $count } document daté
   *[other] { $count } documents datés
} avant le { $lock }, date avant laquelle Sage 50 n'accepte aucune transaction ([sage50] lock_before) : { $documents }. N'exportez que les documents datés du { $lock } ou après, ou modifiez lock_before si le réglage de l'entreprise a changé
load-date-after-year-end = { $count ->
    [one] { $count } document daté
   *[other] { $count } documents datés
} après le { $end }, fin de l'exercice ([sage50] fiscal_year_end) : { $documents }. Commencez le nouvel exercice dans Sage 50 et mettez à jour fiscal_year_end, ou exportez ces documents plus tard
load-account-problem = { $why } ; ce compte provient de { $pointers } : associez-le à un compte de l'entreprise dans la configuration, ou ajoutez le compte dans Sage 50 et exportez de nouveau le plan comptable
load-account-from-query = la requête de journal { $queries }
load-account-from-adjustment = un ajustement d'un document exporté précédemment

## Changements depuis un lot (src/dedup.rs)

# Une partie de « 4001 : -100.00 → -120.00 ; date : ... ».
load-change-account = { $account } : { $old } → { $new }
load-change-date = date : { $old } → { $new }
load-change-separator = { " ; " }

## Requêtes (src/transform.rs, src/views.rs)

load-query-io = { $path } : impossible de lire le dossier des requêtes : { $reason }
load-query-no-journal = { $path } : le dossier ne contient aucune requête journal/*.sql
load-query-problem = { $file } : { $message }
load-query-failed = { $file } : la requête a échoué : { $message }
load-query-file-access = { $file } : cette requête lit des fichiers ({ $function }) ; les requêtes ne peuvent utiliser que les tables fournies par plannit2sage
load-check-severity = les premières lignes de commentaire doivent indiquer « -- severity: error » ou « -- severity: warning »
load-check-message = les premières lignes de commentaire doivent comprendre « -- message.fr: ... » et « -- message.en: ... » (ou « -- message: ... ») pour expliquer la règle
load-check-fix = « -- fix: » doit valoir « plannit », « file », « queries » ou « config <clé> » (par exemple « config [products] »)
load-journal-no-column = le résultat n'a pas de colonne « { $column } » ; une requête de journal renvoie date, source, comment, account, amount (et, au besoin, source_rows)
load-journal-amount-scale = « amount » a { $scale } décimales ; un montant en a au plus 2 : arrondissez-le et appliquez CAST(... AS DECIMAL(38,2))
load-journal-amount-float = « amount » est un nombre à virgule flottante, qui ne peut pas représenter les cents exactement ; en SQL, un littéral décimal comme 0.05 est un nombre à virgule flottante : appliquez CAST(... AS DECIMAL(38,2)) à l'expression
load-journal-amount-type = « amount » est de type { $kind }, pas un montant décimal
load-journal-date-type = « date » est de type { $kind }, pas une date : appliquez-lui CAST(... AS DATE)
# $line : « ligne 3 (PLN-261031 4001) ».
load-journal-line = ligne { $row } ({ $source } { $account })
load-journal-amount-empty = { $line } : « amount » est vide
load-journal-account-empty = { $line } : « account » est vide (montant { $amount })
load-journal-date-empty = { $line } : « date » est vide (montant { $amount })
load-view-mapping = « mapping » vaut « { $value } » ; la valeur doit être « mapped », « defaulted » ou « unmapped »
load-view-missing = les requêtes n'ont pas de vue « { $view } », que le classeur de rapprochement lit ; copiez-la des requêtes intégrées
load-view-no-column = la vue n'a pas de colonne « { $column } » ; elle renvoie { $columns }
