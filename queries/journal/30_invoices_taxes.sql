-- GST, QST and HST collected are credited to their payable accounts.
SELECT s.entry_date AS date, s.entry_source AS source, s.entry_comment AS comment,
       a.gst_account AS account, -SUM(s.gst) AS amount, COUNT(*) AS source_rows
FROM sales AS s CROSS JOIN accounts AS a
WHERE s.gst <> 0
GROUP BY s.entry_date, s.entry_source, s.entry_comment, a.gst_account

UNION ALL

SELECT s.entry_date AS date, s.entry_source AS source, s.entry_comment AS comment,
       a.qst_account AS account, -SUM(s.qst) AS amount, COUNT(*) AS source_rows
FROM sales AS s CROSS JOIN accounts AS a
WHERE s.qst <> 0
GROUP BY s.entry_date, s.entry_source, s.entry_comment, a.qst_account

UNION ALL

SELECT s.entry_date AS date, s.entry_source AS source, s.entry_comment AS comment,
       a.hst_account AS account, -SUM(s.hst) AS amount, COUNT(*) AS source_rows
FROM sales AS s CROSS JOIN accounts AS a
WHERE s.hst <> 0
GROUP BY s.entry_date, s.entry_source, s.entry_comment, a.hst_account
