-- severity: error
-- message: in payout {reference}, the net {net} is not the gross {gross} less the fee {fee}: export the payouts report again from Plannit
-- column: net
SELECT file, sheet, row, payout AS reference, invoice, gross, fee, net
FROM payouts
WHERE net IS NOT NULL AND net <> gross - fee
