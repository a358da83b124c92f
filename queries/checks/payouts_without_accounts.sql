-- severity: error
-- setup: true
-- message.fr: un rapport des versements Plannit Pay a été lu, mais [accounts] plannit_pay_clearing ou processing_fees n'est pas défini : indiquez les deux dans la configuration (le compte où sont reçus les paiements Plannit Pay, et le compte de dépenses des frais)
-- message.en: a Plannit Pay payouts report was read, but [accounts] plannit_pay_clearing or processing_fees is not set: set both in the config (the account Plannit Pay payments are received in, and the fees expense account)
-- fix: config [accounts] plannit_pay_clearing, processing_fees
SELECT p.file, p.sheet, MIN(p.row) AS row
FROM payouts AS p
CROSS JOIN accounts AS a
WHERE a.plannit_pay_clearing_account IS NULL OR a.processing_fees_account IS NULL
GROUP BY p.file, p.sheet
