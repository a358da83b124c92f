-- severity: error
-- message: the line total {total} is not amount {amount} + GST {gst} + QST {qst} + HST {hst} (= {expected_total}): the export is inconsistent, export it again
-- column: total
SELECT file, sheet, row, invoice, amount, gst, qst, hst, total,
       amount + gst + qst + hst AS expected_total
FROM sales
WHERE total <> amount + gst + qst + hst
