-- Money received (payments, deposits) debits the account of its payment
-- method, as the view method_accounts says (the method's account, e.g. a
-- Plannit Pay clearing account, else the bank).
-- Refunds have a negative `received` and so credit it. A bounced or voided
-- payment credits the account its payment debited when an earlier batch
-- exported that payment (the view voided_payment_accounts), else its
-- method's account.
SELECT
    p.entry_date                        AS date,
    p.entry_source                      AS source,
    p.entry_comment                     AS comment,
    COALESCE(v.account, m.account)      AS account,
    SUM(p.received)                     AS amount,
    COUNT(*)                            AS source_rows
FROM payments AS p
LEFT JOIN method_accounts AS m ON p.method_key = m.method_key
LEFT JOIN voided_payment_accounts AS v
    ON v.kind = p.kind AND v.reference = p.reference AND v.invoice = p.invoice
    AND v.method_key = p.method_key AND v.received = p.received
GROUP BY p.entry_date, p.entry_source, p.entry_comment, COALESCE(v.account, m.account)
