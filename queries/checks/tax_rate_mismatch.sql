-- severity: warning
-- message: on {amount}, GST {gst} and QST {qst} differ by more than a cent from 5 % ({gst_expected}) and 9.975 % ({qst_expected}): check the tax code of this line in Plannit
-- column: gst
SELECT file, sheet, row, invoice, item, amount, gst, gst_expected, qst, qst_expected
FROM sales
WHERE (gst <> 0 AND ABS(gst - gst_expected) > CAST('0.01' AS DECIMAL(38, 2)))
   OR (qst <> 0 AND ABS(qst - qst_expected) > CAST('0.01' AS DECIMAL(38, 2)))
