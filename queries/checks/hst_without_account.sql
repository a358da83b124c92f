-- severity: error
-- message.fr: la ligne porte une TVH de {hst}, mais aucun compte de TVH n'est configuré : indiquez [accounts] hst dans la configuration
-- message.en: the line carries HST {hst} but no HST account is configured: set [accounts] hst in the config
-- fix: config [accounts] hst
-- column: hst
SELECT s.file, s.sheet, s.row, s.invoice, s.hst
FROM sales AS s
CROSS JOIN accounts AS a
WHERE s.hst <> 0 AND a.hst_account IS NULL
