-- Each Plannit Pay payout: the bank receives the payout amount, the
-- processing fees are an expense, and the clearing account is credited with
-- the gross of the payments paid out. The payout amount is repeated on each of
-- its rows: it is taken once per payout.
SELECT d.entry_date AS date, d.entry_source AS source, d.entry_comment AS comment,
       a.payout_bank_account AS account, SUM(d.payout_amount) AS amount, COUNT(*) AS source_rows
FROM (
    SELECT DISTINCT payout, payout_amount, entry_date, entry_source, entry_comment
    FROM payouts
) AS d
CROSS JOIN accounts AS a
GROUP BY d.entry_date, d.entry_source, d.entry_comment, a.payout_bank_account

UNION ALL

SELECT p.entry_date AS date, p.entry_source AS source, p.entry_comment AS comment,
       a.processing_fees_account AS account, SUM(p.fee) AS amount, COUNT(*) AS source_rows
FROM payouts AS p CROSS JOIN accounts AS a
WHERE p.fee <> 0
GROUP BY p.entry_date, p.entry_source, p.entry_comment, a.processing_fees_account

UNION ALL

SELECT p.entry_date AS date, p.entry_source AS source, p.entry_comment AS comment,
       a.plannit_pay_clearing_account AS account, -SUM(p.gross) AS amount, COUNT(*) AS source_rows
FROM payouts AS p CROSS JOIN accounts AS a
GROUP BY p.entry_date, p.entry_source, p.entry_comment, a.plannit_pay_clearing_account
