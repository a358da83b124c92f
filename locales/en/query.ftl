# query messages: what a query may not do, refused before it runs.

## A query's plan (src/query/guard.rs)

# $left, $right, $pairs and $limit are row counts, grouped by thousands.
query-cross-join-too-large = { $file }: this query would pair up to { $left } rows with up to { $right } rows, { $pairs } pairs, over the limit of { $limit }; it was not run. To relate two tables, join them on a key (JOIN sales AS s ON s.invoice = p.invoice); to keep the rows without a match, write LEFT JOIN sales AS s ON s.invoice = p.invoice WHERE s.invoice IS NULL, or ANTI JOIN sales AS s ON s.invoice = p.invoice; CROSS JOIN only a table of a few rows, such as accounts.
query-stopped = { $file }: Polars could not run this query ({ $message }); write it another way, for example without joining on an amount column (join on a document number)
query-near-miss-hint = { $section ->
    [products]; the [products] line '{ $configured }' of the config matches no item of this drop: did you mean '{ $found }'?
   *[other]; the [payment_methods] line '{ $configured }' of the config matches no payment method of this drop: did you mean '{ $found }'?
}
