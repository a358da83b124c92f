-- severity: error
-- message.fr: le paiement numéro {reference} figure {times} fois : le même paiement serait comptabilisé deux fois ; supprimez la ligne en double ou exportez de nouveau
-- message.en: payment number {reference} appears {times} times: the same payment would be posted twice; remove the duplicate row or export again
-- fix: plannit
-- column: reference
SELECT p.file, p.sheet, p.row, p.reference, p.invoice, p.amount, d.times
FROM payments AS p
JOIN (
    SELECT reference, COUNT(*) AS times
    FROM payments
    WHERE reference <> ''
    GROUP BY reference
    HAVING COUNT(*) > 1
) AS d ON p.reference = d.reference
