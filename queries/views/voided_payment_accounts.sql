-- The account each bounced or voided payment of the drop (kind 'voided':
-- NSF, "Paiement annulé") takes its money back from when the payment it
-- cancels was exported by an earlier batch: the account that payment debited
-- (exported_payments), whatever the configuration says today. The row names
-- its payment by its number (`No paiement`); a row with no number, or one no
-- batch exported, names it by invoice, amount and method: the exported
-- payments of that invoice and amount, when they all went to one account
-- (when they went to several, the row's method says which: its account,
-- method_accounts, is what 40_payments_bank.sql falls back to).
-- `matched_by` says which: 'number' or 'invoice'. Bounced rows not listed go
-- to their method's account (method_accounts).
-- One row per bounced row's (kind, reference, invoice, method_key, received):
-- 40_payments_bank.sql reads it.
WITH voided AS (
    SELECT DISTINCT kind, reference, invoice, method_key, received
    FROM payments
    WHERE kind = 'voided'
),
by_number AS (
    SELECT v.kind, v.reference, v.invoice, v.method_key, v.received,
        MIN(e.account) AS account
    FROM voided AS v
    JOIN exported_payments AS e ON e.reference = v.reference
    WHERE v.reference <> ''
    GROUP BY v.kind, v.reference, v.invoice, v.method_key, v.received
),
by_invoice AS (
    SELECT v.kind, v.reference, v.invoice, v.method_key, v.received,
        MIN(e.account) AS account
    FROM voided AS v
    JOIN exported_payments AS e ON e.invoice = v.invoice AND e.amount = -v.received
    WHERE v.reference NOT IN (SELECT n.reference FROM by_number AS n)
    GROUP BY v.kind, v.reference, v.invoice, v.method_key, v.received
    HAVING COUNT(DISTINCT e.account) = 1
)
SELECT kind, reference, invoice, method_key, received, account, 'number' AS matched_by
FROM by_number
UNION ALL
SELECT kind, reference, invoice, method_key, received, account, 'invoice' AS matched_by
FROM by_invoice
