-- severity: error
-- message: the invoice has no valid date ('{date_text}'); Plannit does not export undated invoices: date the invoice in Plannit and export again
-- column: date
SELECT file, sheet, row, invoice, date_text
FROM sales
WHERE date IS NULL
