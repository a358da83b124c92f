# Messages des requêtes : ce qu'une requête ne peut pas faire, refusé avant
# qu'elle s'exécute.

## Le plan d'une requête (src/query/guard.rs)

# $left, $right, $pairs et $limit sont des nombres de lignes, groupés par milliers.
query-cross-join-too-large = { $file } : cette requête croiserait jusqu'à { $left } lignes avec jusqu'à { $right } lignes, soit { $pairs } paires, au-delà de la limite de { $limit } ; elle n'a pas été exécutée. Pour relier deux tables, joignez-les sur une clé (JOIN sales AS s ON s.invoice = p.invoice) ; pour garder les lignes sans correspondance, écrivez LEFT JOIN sales AS s ON s.invoice = p.invoice WHERE s.invoice IS NULL, ou ANTI JOIN sales AS s ON s.invoice = p.invoice ; ne croisez (CROSS JOIN) qu'une table de quelques lignes, comme accounts.
query-stopped = { $file } : Polars n'a pas pu exécuter cette requête ({ $message }) ; réécrivez-la, par exemple sans joindre sur une colonne de montant (joignez sur un numéro de document)
query-near-miss-hint = { $section ->
    [products] { " " }; la ligne [products] « { $configured } » de la configuration ne correspond à aucun produit de ce dépôt : vouliez-vous dire « { $found } » ?
   *[other] { " " }; la ligne [payment_methods] « { $configured } » de la configuration ne correspond à aucun mode de paiement de ce dépôt : vouliez-vous dire « { $found } » ?
}
