-- severity: error
-- message: the {kind} has no date ('{date_text}'): fix it in Plannit and export again
-- column: date
SELECT file, sheet, row, reference, invoice, kind, date_text
FROM payments
WHERE date IS NULL
