-- Each invoice line credits the revenue account of its catalogue item, as the
-- view item_accounts says (its mapping, else default_revenue; the checks flag
-- items with neither).
SELECT
    s.entry_date        AS date,
    s.entry_source      AS source,
    s.entry_comment     AS comment,
    i.account           AS account,
    -SUM(s.amount)      AS amount,
    COUNT(*)            AS source_rows
FROM sales AS s
LEFT JOIN item_accounts AS i ON s.item_key = i.item_key
GROUP BY s.entry_date, s.entry_source, s.entry_comment, i.account
