-- Money received (payments, deposits) debits the bank, or the account mapped
-- to the payment method (e.g. a Plannit Pay clearing account).
-- Refunds have a negative `received` and so credit it.
SELECT
    p.entry_date                    AS date,
    p.entry_source                  AS source,
    p.entry_comment                 AS comment,
    COALESCE(m.account, a.bank_account)     AS account,
    SUM(p.received)                 AS amount,
    COUNT(*)                        AS source_rows
FROM payments AS p
LEFT JOIN payment_methods AS m ON p.method_key = m.method_key
CROSS JOIN accounts AS a
GROUP BY p.entry_date, p.entry_source, p.entry_comment, COALESCE(m.account, a.bank_account)
