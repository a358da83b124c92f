-- Money received is credited to the receivable (its tip part excepted);
-- refunds and bounced payments debit it. Deposits go to [accounts]
-- customer_deposits instead when it is set: a liability until applied.
SELECT
    p.entry_date    AS date,
    p.entry_source  AS source,
    p.entry_comment AS comment,
    CASE
        WHEN p.kind = 'deposit' AND a.customer_deposits_account IS NOT NULL
            THEN a.customer_deposits_account
        ELSE a.receivable_account
    END             AS account,
    -SUM(p.received - p.tip) AS amount,
    COUNT(*)        AS source_rows
FROM payments AS p
CROSS JOIN accounts AS a
GROUP BY p.entry_date, p.entry_source, p.entry_comment,
    CASE
        WHEN p.kind = 'deposit' AND a.customer_deposits_account IS NOT NULL
            THEN a.customer_deposits_account
        ELSE a.receivable_account
    END
