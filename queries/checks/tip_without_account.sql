-- severity: error
-- setup: true
-- message: the payment includes a tip of {tip} but no tips account is configured: set [accounts] tips in the config (tips are never revenue)
-- column: tip
SELECT p.file, p.sheet, p.row, p.reference, p.invoice, p.tip
FROM payments AS p
CROSS JOIN accounts AS a
WHERE p.tip <> 0 AND a.tips_account IS NULL
