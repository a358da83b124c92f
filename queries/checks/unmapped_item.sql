-- severity: error
-- message: catalogue item '{item}' has no revenue account: add it under [products] in the config (or set [accounts] default_revenue)
-- column: item
SELECT s.file, s.sheet, s.row, s.invoice, s.item, s.amount
FROM sales AS s
LEFT JOIN item_accounts AS i ON s.item_key = i.item_key
WHERE i.mapping = 'unmapped'
