-- severity: error
-- message.fr: le total de la ligne, {total}, n'est pas le montant {amount} + TPS {gst} + TVQ {qst} + TVH {hst} (= {expected_total}) : l'export est incohérent, exportez-le de nouveau
-- message.en: the line total {total} is not amount {amount} + GST {gst} + QST {qst} + HST {hst} (= {expected_total}): the export is inconsistent, export it again
-- fix: plannit
-- column: total
SELECT file, sheet, row, invoice, amount, gst, qst, hst, total,
       amount + gst + qst + hst AS expected_total
FROM sales
WHERE total <> amount + gst + qst + hst
