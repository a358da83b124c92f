-- The account money received by each payment method goes to: Plannit Pay
-- methods ("Plannit Pay", "Plannit Pay - Carte", ...) to [accounts]
-- plannit_pay_clearing when it is set; otherwise the method's
-- [payment_methods] account, else the bank.
-- The bank journal query and the workbook's "Payments" sheet read this view.
SELECT DISTINCT
    p.method_key                            AS method_key,
    CASE
        WHEN p.method_key LIKE 'plannit pay%' AND a.plannit_pay_clearing_account IS NOT NULL
            THEN a.plannit_pay_clearing_account
        ELSE COALESCE(m.account, a.bank_account)
    END                                     AS account
FROM (SELECT DISTINCT method_key FROM payments) AS p
LEFT JOIN payment_methods AS m ON p.method_key = m.method_key
CROSS JOIN accounts AS a
