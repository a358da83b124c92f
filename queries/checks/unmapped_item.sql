-- severity: error
-- message: catalogue item '{item}' has no revenue account: add it under [products] in the config (or set [accounts] default_revenue)
-- column: item
SELECT s.file, s.sheet, s.row, s.invoice, s.item, s.amount
FROM sales AS s
LEFT JOIN products AS p ON s.item_key = p.item_key
CROSS JOIN accounts AS a
WHERE p.account IS NULL AND a.default_revenue_account IS NULL
