# La mise en place : configuration, table de correspondance, entreprise Sage et
# plan comptable, le plan et les erreurs d'une exécution, l'historique des
# exports, les champs du fichier Sage.

## Listes

# Entre deux problèmes d'un même message.
setup-separator = { " ; " }
# Entre les deux derniers éléments d'une liste (« 4 ou 5 »).
setup-or = ou

## Configuration (plannit2sage.toml)

setup-config-unreadable = { $path } : impossible de lire la configuration : { $reason }
# Un problème de configuration : $message dit quelle clé.
setup-config-problem = { $path } : { $message }
setup-no-config = aucune configuration trouvée : passez --config FICHIER, ou placez { $name } dans le dossier de dépôt ou dans le dossier courant (voir samples/{ $name })
# $key vaut « [accounts] bank », etc.
setup-role-account = { $key } = "{ $account }" : { $why }
setup-linked-account-invalid = [sage50] linked_accounts : "{ $account }" : { $why }
# $section vaut « [products] » ou « [payment_methods] ».
setup-mapping-account = { $section } « { $name } » = "{ $account }" : { $why }
setup-account-empty = à remplir avec le numéro du compte dans votre plan comptable Sage 50
setup-account-digits = un numéro de compte ne contient que des chiffres, comme « 4001 »
setup-receivable-is-bank = [accounts] receivable et bank sont tous deux le compte { $account } : il faut deux comptes différents
setup-field-lengths = [sage50] source_max et comment_max doivent être compris entre 8 et 200
setup-ignore-pattern = [input] ignore : « { $pattern } » n'est pas un modèle de nom de fichier ({ $reason }) ; utilisez * et ? comme dans « Sommaire*.xlsx »
setup-unknown-column = { $column } : ce n'est pas un nom de colonne ; la liste des colonnes est dans le README
setup-tax-name = [taxes] { $key } { $field } = "{ $value }" : écrivez-le comme dans l'entreprise Sage 50, sans virgule ni guillemet
setup-same-name-twice = « { $first } » ({ $first_origin }) et « { $second } » ({ $second_origin }) sont le même nom, mais associés aux comptes { $first_account } et { $second_account } : n'en gardez qu'un
# $origin est l'endroit où l'association est écrite : « plannit2sage.toml [payment_methods] », etc.
setup-plannit-pay-method = { $origin } « { $name } » = "{ $account }" : les paiements Plannit Pay sont reçus dans [accounts] plannit_pay_clearing ({ $clearing }) ; retirez cette ligne ou associez-la au compte { $clearing }
setup-mapping-problem = { $origin } « { $name } » = "{ $account }" : { $why }

## Table de correspondance des produits ([mapping] products_file)

# Où une association de la table est écrite.
setup-table-origin = { $path }, ligne { $row }
setup-table-no-sheet = le fichier n'a aucune feuille
setup-table-no-rows = le fichier n'a aucune ligne
setup-table-no-item-column = aucune colonne de produit : nommez la première colonne « Item » ou « Produit »
setup-table-no-account-column = aucune colonne de compte : nommez-la « Account » ou « Compte »
setup-table-no-item = ligne { $row } : le compte { $account } n'a pas de nom de produit
setup-table-bad-account = ligne { $row }, produit « { $item } » : { $why }

## Entreprise Sage ([sage50]) et plan comptable

setup-account-linked = le compte { $account } est un compte intégré dans Sage 50 ([sage50] linked_accounts) : une importation ne peut pas y passer d'écriture
setup-date-format = [sage50] { $key } = "{ $value }" : écrivez la date sous la forme AAAA-MM-JJ
setup-lock-after-year-end = [sage50] lock_before ({ $lock }) est postérieur à fiscal_year_end ({ $end }) : aucune date ne serait acceptée
setup-chart-unreadable = [sage50] chart_of_accounts : { $path } : { $reason }
setup-chart-not-a-number = ligne { $row } : « { $account } » n'est pas un numéro de compte (chiffres seulement)
setup-chart-empty = le plan comptable ne contient aucun compte
setup-chart-no-header = aucun en-tête avec une colonne de numéro de compte ({ $headers }) dans les { $rows } premières lignes : exportez le plan comptable depuis Sage 50 (Rapports > Listes > Plan comptable)
setup-chart-digits = le compte { $account } a { $count } { $count ->
    [one] chiffre
   *[other] chiffres
}, mais les comptes du plan comptable ({ $file }) en ont { $lengths }
setup-chart-missing = le compte { $account } n'est pas dans le plan comptable ({ $file })

## L'exécution

setup-internal-table = erreur interne de table : { $reason }
setup-cannot-write = { $path } : impossible d'écrire le fichier de sortie : { $reason }
setup-cannot-write-workbook = { $path } : impossible d'écrire le classeur : { $reason }
setup-workbook-writer-stopped = l'écriture du classeur s'est interrompue
setup-deposit-applied-not-posted = { $count ->
    [one] { $count } ligne de dépôt appliqué ne passe aucune écriture
   *[other] { $count } lignes de dépôt appliqué ne passent aucune écriture
} : les dépôts ont été crédités aux comptes clients à leur réception. Réglez [accounts] customer_deposits pour garder les dépôts dans un compte de passif jusqu'à ce qu'ils soient appliqués
# $kind est le type de document tel qu'enregistré (invoice, payment, deposit,
# refund, deposit_applied, voided, payout) ; $change liste les montants modifiés.
setup-document-adjusted = { setup-doc-type } { $number } a changé depuis le lot { $batch } ({ $change }) : la différence est passée en écriture d'ajustement
setup-document-changed = { setup-doc-type } { $number } a été { $kind ->
    [invoice] exportée
   *[other] exporté
} dans le lot { $batch } et a changé depuis ({ $change }) : relancez avec --adjust pour passer la différence, ou annulez ce lot s'il n'a jamais été importé
# $key est la clé de l'historique (« invoice:F-1001 »), séparée en $kind et $number.
# $command est la commande qui confirme son absence.
setup-document-disappeared = { setup-doc-type } { $number } du { $date } (lot { $batch }) ne figure pas dans cet export : rien n'a été contrepassé ; vérifiez dans Plannit. S'il n'existe plus, réglez-le dans Sage 50, puis confirmez son absence : { $command }
# $since est la date où une exécution l'a trouvé absent pour la première fois.
setup-document-still-missing = { setup-doc-type } { $number } du { $date } (lot { $batch }) manque aux exports depuis le { $since } : rien n'a été contrepassé ; exportez de nouveau la période qui le contient, ou, s'il n'existe plus, réglez-le dans Sage 50, puis confirmez son absence : { $command }

## Types de documents

setup-doc-type = { $kind ->
    [invoice] facture
    [payment] paiement
    [deposit] dépôt
    [refund] remboursement
    [deposit_applied] dépôt appliqué
    [voided] paiement annulé
    [payout] versement
   *[other] { $kind }
}

## Historique des exports

setup-history-sqlite = { $path } : { $reason }
setup-history-busy = { $path } : l'historique est utilisé par une autre exécution de plannit2sage ; attendez qu'elle se termine et relancez
setup-history-too-new = { $path } : cet historique a été écrit par une version plus récente de plannit2sage (schéma { $found }, cette version connaît le { $known }) ; mettez plannit2sage à jour
setup-history-unknown-batch = le lot { $batch } n'existe pas (voir « plannit2sage history »)
setup-history-opening-stands = un solde d'ouverture est déjà inscrit ({ $opening }) ; s'il était faux, annulez-le d'abord avec « plannit2sage history void { $opening } --yes »
setup-history-already-void = le lot { $batch } est déjà annulé
setup-history-unknown-document = aucun lot exporté (non annulé) n'a comptabilisé de document « { $document } » : donnez son numéro ou sa clé tels que « plannit2sage history show LOT » les affiche
setup-history-ambiguous-document = { $count } documents portent le numéro « { $document } » : { $keys } ; donnez la clé de celui que vous voulez confirmer
setup-history-blank-note = --note dit pourquoi le document n'existe plus et comment il a été réglé dans Sage 50 : elle ne peut pas être vide
setup-history-unknown-value = { $path } : l'historique contient { $what ->
    [posting] un mode de comptabilisation
    [document-type] un type de document
   *[other] une valeur
} « { $value } » que cette version ne connaît pas ; mettez plannit2sage à jour
setup-history-corrupt = { $path } : lot { $batch }, { $document } : { $what ->
    [date] la date « { $value } » enregistrée
    [amount] le montant « { $value } » enregistré
   *[other] la valeur « { $value } » enregistrée
} dans l'historique est illisible ; le fichier a été modifié ou abîmé : restaurez-le depuis une sauvegarde (rien n'a été comptabilisé)
# Remplace le document dans setup-history-corrupt quand ce sont les dates du lot qui sont illisibles.
setup-history-period = sa période
setup-history-recover = { $path } : impossible de terminer l'écriture d'un fichier de sortie d'une exécution précédente : { $reason }

## Fichier d'importation Sage 50

setup-sage-line = ligne { $line } : { $message }
setup-sage-not-utf8 = le texte n'est pas de l'UTF-8 valide (le fichier est-il en Windows-1252 ? réglez [sage50] encoding)
setup-sage-quote-not-closed = un champ entre guillemets n'est pas fermé
setup-sage-quote-then-comma = un guillemet doit être suivi d'une virgule ou de la fin de la ligne (pas de " à l'intérieur d'un champ)
setup-sage-quote-inside = un guillemet dans un champ sans guillemets
setup-bad-debts-account = [policy] voided_invoices = "bad_debt" radie les factures annulées dans un compte de dépenses : indiquez-le avec [accounts] bad_debts = "…" (par ex. "5410"), ou gardez la valeur par défaut "reverse"
