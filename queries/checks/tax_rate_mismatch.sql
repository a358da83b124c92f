-- severity: warning
-- message.fr: sur {amount}, la TPS {gst} et la TVQ {qst} s'écartent de plus d'un cent de 5 % ({gst_expected}) et de 9,975 % ({qst_expected}) : vérifiez le code de taxe de cette ligne dans Plannit
-- message.en: on {amount}, GST {gst} and QST {qst} differ by more than a cent from 5 % ({gst_expected}) and 9.975 % ({qst_expected}): check the tax code of this line in Plannit
-- fix: plannit
-- column: gst
SELECT file, sheet, row, invoice, item, amount, gst, gst_expected, qst, qst_expected
FROM sales
WHERE (gst <> 0 AND ABS(gst - gst_expected) > CAST('0.01' AS DECIMAL(38, 2)))
   OR (qst <> 0 AND ABS(qst - qst_expected) > CAST('0.01' AS DECIMAL(38, 2)))
