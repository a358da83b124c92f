-- severity: warning
-- message.fr: cette ligne du rapport des paiements s'applique à la facture {invoice}, qui n'est pas dans le rapport des ventes de ce lot (c'est normal si la facture a été exportée pour une période précédente)
-- message.en: the {kind} applies to invoice {invoice}, which is not in this batch's sales report (normal if the invoice was exported in an earlier period)
-- fix: plannit
-- column: invoice
SELECT p.file, p.sheet, p.row, p.reference, p.invoice, p.kind, p.amount
FROM payments AS p
LEFT JOIN (SELECT DISTINCT invoice AS known_invoice FROM sales) AS s ON p.invoice = s.known_invoice
WHERE p.invoice <> '' AND s.known_invoice IS NULL
