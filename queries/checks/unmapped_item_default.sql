-- severity: warning
-- message: catalogue item '{item}' is not mapped: posted to the default revenue account {default_revenue_account}; add it under [products] to post it to its own account
-- column: item
SELECT s.file, s.sheet, s.row, s.invoice, s.item, s.amount, a.default_revenue_account
FROM sales AS s
LEFT JOIN products AS p ON s.item_key = p.item_key
CROSS JOIN accounts AS a
WHERE p.account IS NULL AND a.default_revenue_account IS NOT NULL
