-- severity: error
-- message.fr: cette ligne du rapport des paiements n'a pas de date (« {date_text} ») : corrigez-la dans Plannit et exportez de nouveau
-- message.en: the {kind} has no date ('{date_text}'): fix it in Plannit and export again
-- fix: plannit
-- column: date
SELECT file, sheet, row, reference, invoice, kind, date_text
FROM payments
WHERE date IS NULL
