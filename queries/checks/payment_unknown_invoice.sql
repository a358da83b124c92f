-- severity: warning
-- message.fr: cette ligne du rapport des paiements s'applique à la facture {invoice}, qui n'est ni dans le rapport des ventes de ce dépôt, ni dans l'historique des exports, ni dans le solde d'ouverture : exportez le rapport des ventes qui la contient, ou inscrivez le solde d'ouverture (plannit2sage history opening)
-- message.en: the {kind} applies to invoice {invoice}, which is neither in this drop's sales report, nor in the export history, nor in the opening balance: export the sales report that holds it, or record the opening balance (plannit2sage history opening)
-- fix: plannit
-- column: invoice
-- An invoice exported earlier (by a batch that stands) or open at adoption
-- is known: its payments are expected.
SELECT p.file, p.sheet, p.row, p.reference, p.invoice, p.kind, p.amount
FROM payments AS p
LEFT JOIN (SELECT DISTINCT invoice AS known_invoice FROM sales) AS s ON p.invoice = s.known_invoice
LEFT JOIN (
    SELECT DISTINCT h.doc_number AS exported_invoice
    FROM history_postings AS h
    JOIN history_batches AS b ON b.batch_id = h.batch_id
    WHERE h.doc_type = 'invoice' AND b.status = 'done'
) AS e ON p.invoice = e.exported_invoice
LEFT JOIN (SELECT DISTINCT invoice AS opening_invoice FROM history_opening) AS o ON p.invoice = o.opening_invoice
WHERE p.invoice <> ''
  AND s.known_invoice IS NULL
  AND e.exported_invoice IS NULL
  AND o.opening_invoice IS NULL
