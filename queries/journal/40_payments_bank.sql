-- Money received (payments, deposits) debits the account of its payment
-- method, as the view method_accounts says (the method's account, e.g. a
-- Plannit Pay clearing account, else the bank).
-- Refunds have a negative `received` and so credit it.
SELECT
    p.entry_date        AS date,
    p.entry_source      AS source,
    p.entry_comment     AS comment,
    m.account           AS account,
    SUM(p.received)     AS amount,
    COUNT(*)            AS source_rows
FROM payments AS p
LEFT JOIN method_accounts AS m ON p.method_key = m.method_key
GROUP BY p.entry_date, p.entry_source, p.entry_comment, m.account
