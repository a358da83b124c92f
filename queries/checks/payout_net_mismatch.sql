-- severity: error
-- message.fr: dans le versement {reference}, le net {net} n'est pas le brut {gross} moins les frais {fee} : exportez de nouveau le rapport des versements depuis Plannit
-- message.en: in payout {reference}, the net {net} is not the gross {gross} less the fee {fee}: export the payouts report again from Plannit
-- fix: plannit
-- column: net
SELECT file, sheet, row, payout AS reference, invoice, gross, fee, net
FROM payouts
WHERE net IS NOT NULL AND net <> gross - fee
