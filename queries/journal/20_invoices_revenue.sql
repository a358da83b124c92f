-- Each invoice line credits the revenue account of its catalogue item
-- (or default_revenue when the item is not mapped; the checks flag those).
SELECT
    s.entry_date                             AS date,
    s.entry_source                           AS source,
    s.entry_comment                          AS comment,
    COALESCE(p.account, a.default_revenue_account)   AS account,
    -SUM(s.amount)                           AS amount,
    COUNT(*)                                 AS source_rows
FROM sales AS s
LEFT JOIN products AS p ON s.item_key = p.item_key
CROSS JOIN accounts AS a
GROUP BY s.entry_date, s.entry_source, s.entry_comment, COALESCE(p.account, a.default_revenue_account)
