-- The account money received by each payment method goes to: the method's
-- [payment_methods] account (e.g. a Plannit Pay clearing account), else the bank.
-- The bank journal query and the workbook's "Payments" sheet read this view.
SELECT DISTINCT
    p.method_key                            AS method_key,
    COALESCE(m.account, a.bank_account)     AS account
FROM payments AS p
LEFT JOIN payment_methods AS m ON p.method_key = m.method_key
CROSS JOIN accounts AS a
