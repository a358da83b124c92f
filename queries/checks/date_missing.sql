-- severity: error
-- message.fr: la facture n'a pas de date valide (« {date_text} ») ; Plannit n'exporte pas les factures sans date : datez la facture dans Plannit et exportez de nouveau
-- message.en: the invoice has no valid date ('{date_text}'); Plannit does not export undated invoices: date the invoice in Plannit and export again
-- fix: plannit
-- column: date
SELECT file, sheet, row, invoice, date_text
FROM sales
WHERE date IS NULL
