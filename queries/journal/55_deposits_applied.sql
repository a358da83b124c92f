-- A customer deposit applied to an invoice moves it from the deposits
-- liability to the receivable (only with [accounts] customer_deposits; without
-- it, applied-deposit rows post nothing: the deposit already credited the
-- receivable when it was received).
SELECT p.entry_date AS date, p.entry_source AS source, p.entry_comment AS comment,
       a.customer_deposits_account AS account, SUM(p.amount) AS amount, COUNT(*) AS source_rows
FROM payments AS p CROSS JOIN accounts AS a
WHERE p.kind = 'deposit_applied' AND a.customer_deposits_account IS NOT NULL
GROUP BY p.entry_date, p.entry_source, p.entry_comment, a.customer_deposits_account

UNION ALL

SELECT p.entry_date AS date, p.entry_source AS source, p.entry_comment AS comment,
       a.receivable_account AS account, -SUM(p.amount) AS amount, COUNT(*) AS source_rows
FROM payments AS p CROSS JOIN accounts AS a
WHERE p.kind = 'deposit_applied' AND a.customer_deposits_account IS NOT NULL
GROUP BY p.entry_date, p.entry_source, p.entry_comment, a.receivable_account
