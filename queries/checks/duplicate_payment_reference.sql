-- severity: error
-- message.fr: le paiement numéro {reference} figure {times} fois : le même paiement serait comptabilisé deux fois ; supprimez la ligne en double ou exportez de nouveau
-- message.en: payment number {reference} appears {times} times: the same payment would be posted twice; remove the duplicate row or export again
-- fix: plannit
-- column: reference
-- A bounced or voided payment carries the number of the payment it cancels:
-- the same number in two kinds of row is two documents.
SELECT p.file, p.sheet, p.row, p.reference, p.invoice, p.amount, d.times
FROM payments AS p
JOIN (
    SELECT kind, reference, COUNT(*) AS times
    FROM payments
    WHERE reference <> ''
    GROUP BY kind, reference
    HAVING COUNT(*) > 1
) AS d ON p.kind = d.kind AND p.reference = d.reference
