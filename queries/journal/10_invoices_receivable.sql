-- Invoices debit the receivable account with their total (taxes included).
-- Credit notes have negative totals and so credit it.
SELECT
    s.entry_date    AS date,
    s.entry_source  AS source,
    s.entry_comment AS comment,
    a.receivable_account    AS account,
    SUM(s.total)    AS amount,
    COUNT(*)        AS source_rows
FROM sales AS s
CROSS JOIN accounts AS a
GROUP BY s.entry_date, s.entry_source, s.entry_comment, a.receivable_account
