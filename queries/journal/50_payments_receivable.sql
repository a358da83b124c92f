-- Money received is credited to the receivable; refunds debit it.
SELECT
    p.entry_date    AS date,
    p.entry_source  AS source,
    p.entry_comment AS comment,
    a.receivable_account    AS account,
    -SUM(p.received) AS amount,
    COUNT(*)        AS source_rows
FROM payments AS p
CROSS JOIN accounts AS a
GROUP BY p.entry_date, p.entry_source, p.entry_comment, a.receivable_account
