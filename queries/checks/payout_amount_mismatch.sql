-- severity: error
-- message.fr: versement {reference} : son montant {payout_amount} n'est pas le brut {gross} moins les frais {fee} de ses lignes ({expected}) : exportez de nouveau le rapport des versements depuis Plannit
-- message.en: payout {reference}: its amount {payout_amount} is not the gross {gross} less the fees {fee} of its rows ({expected}): export the payouts report again from Plannit
-- fix: plannit
-- column: payout_amount
SELECT file, sheet, row, reference, payout_amount, gross, fee, expected
FROM (
    SELECT MIN(file) AS file, MIN(sheet) AS sheet, MIN(row) AS row, payout AS reference,
           MIN(payout_amount) AS payout_amount, MAX(payout_amount) AS payout_amount_max,
           SUM(gross) AS gross, SUM(fee) AS fee, SUM(gross) - SUM(fee) AS expected
    FROM payouts
    GROUP BY payout
) AS t
WHERE payout_amount <> expected OR payout_amount_max <> payout_amount
