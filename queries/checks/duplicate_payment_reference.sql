-- severity: error
-- message: payment number {reference} appears {times} times: the same payment would be posted twice; remove the duplicate row or export again
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
