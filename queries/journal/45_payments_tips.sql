-- Tips received with a payment are credited to [accounts] tips: never revenue,
-- never the receivable, no GST/QST (the checks require the account).
SELECT
    p.entry_date        AS date,
    p.entry_source      AS source,
    p.entry_comment     AS comment,
    a.tips_account      AS account,
    -SUM(p.tip)         AS amount,
    COUNT(*)            AS source_rows
FROM payments AS p
CROSS JOIN accounts AS a
WHERE p.tip <> 0
GROUP BY p.entry_date, p.entry_source, p.entry_comment, a.tips_account
