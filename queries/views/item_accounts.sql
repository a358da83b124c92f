-- The revenue account of each catalogue item sold: its [products] mapping,
-- else [accounts] default_revenue. `mapping` says which: 'mapped', 'defaulted',
-- or 'unmapped' (no account; the checks report it and nothing is written).
-- The revenue journal query and the workbook's "By product" sheet read this view.
SELECT DISTINCT
    s.item_key                                      AS item_key,
    COALESCE(p.account, a.default_revenue_account)  AS account,
    CASE
        WHEN p.account IS NOT NULL THEN 'mapped'
        WHEN a.default_revenue_account IS NOT NULL THEN 'defaulted'
        ELSE 'unmapped'
    END                                             AS mapping
FROM (SELECT DISTINCT item_key FROM sales) AS s
LEFT JOIN products AS p ON s.item_key = p.item_key
CROSS JOIN accounts AS a
