-- severity: warning
-- message: catalogue item '{item}' is not mapped: posted to the default revenue account {default_revenue_account}; add it under [products] to post it to its own account
-- column: item
SELECT s.file, s.sheet, s.row, s.invoice, s.item, s.amount, i.account AS default_revenue_account
FROM sales AS s
LEFT JOIN item_accounts AS i ON s.item_key = i.item_key
WHERE i.mapping = 'defaulted'
