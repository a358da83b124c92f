-- Each payment exported by a batch that stands (void batches left out), with
-- the account its money went to: the one it debited (the bank, its payment
-- method's account or the Plannit Pay clearing account), as the export
-- history recorded it, whatever the configuration says today. `reference` is
-- its number (`No paiement`), empty when the payments report gave none;
-- `amount` is the money it debited (its tip included).
-- The view voided_payment_accounts reads it.
SELECT
    h.doc_key                                   AS doc_key,
    CASE
        WHEN h.doc_key = 'payment:' || h.doc_number THEN h.doc_number
        ELSE ''
    END                                         AS reference,
    h.invoice                                   AS invoice,
    h.account                                   AS account,
    SUM(h.amount)                               AS amount
FROM history_postings AS h
JOIN history_batches AS b ON b.batch_id = h.batch_id
WHERE h.doc_type = 'payment' AND b.status = 'done'
GROUP BY h.doc_key, h.doc_number, h.invoice, h.account
HAVING SUM(h.amount) > 0
