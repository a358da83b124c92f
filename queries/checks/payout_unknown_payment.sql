-- severity: warning
-- message.fr: le versement {reference} comprend la facture {invoice}, qui n'a aucun paiement Plannit Pay ni dans ce lot ni dans l'historique des exports : vérifiez que son paiement a été exporté
-- message.en: payout {reference} pays out invoice {invoice}, which has no Plannit Pay payment in this batch or in the export history: check that its payment was exported
-- fix: plannit
-- column: invoice
SELECT o.file, o.sheet, o.row, o.payout AS reference, o.invoice, o.gross
FROM payouts AS o
LEFT JOIN (
    SELECT DISTINCT invoice AS paid_invoice FROM payments WHERE method_key LIKE 'plannit pay%'
) AS p ON o.invoice = p.paid_invoice
LEFT JOIN (
    SELECT DISTINCT invoice AS posted_invoice FROM history_postings WHERE doc_type = 'payment'
) AS h ON o.invoice = h.posted_invoice
WHERE o.invoice <> '' AND p.paid_invoice IS NULL AND h.posted_invoice IS NULL
