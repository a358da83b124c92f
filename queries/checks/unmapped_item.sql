-- severity: error
-- message.fr: le produit « {item} » du catalogue n'a pas de compte de revenus : ajoutez-le sous [products] dans la configuration{fallback_fr}{hint_fr}
-- message.en: catalogue item '{item}' has no revenue account: add it under [products] in the config{fallback_en}{hint_en}
-- fix: config [products]
-- column: item
-- The default revenue account is offered only as the fallback it is, when
-- the lines without an account are fewer than half of the sales report's.
SELECT s.file, s.sheet, s.row, s.invoice, s.item, s.amount,
       CASE WHEN 2 * u.unmapped_lines < u.all_lines
            THEN ' (ou, en dernier recours, indiquez [accounts] default_revenue)' ELSE '' END AS fallback_fr,
       CASE WHEN 2 * u.unmapped_lines < u.all_lines
            THEN ' (or, as a last resort, set [accounts] default_revenue)' ELSE '' END AS fallback_en,
       COALESCE(n.hint_fr, '') AS hint_fr, COALESCE(n.hint_en, '') AS hint_en
FROM sales AS s
LEFT JOIN item_accounts AS i ON s.item_key = i.item_key
LEFT JOIN (SELECT * FROM mapping_near_misses WHERE section = 'products') AS n
    ON n.key = s.item_key
CROSS JOIN (
    SELECT COUNT(*) AS all_lines,
           SUM(CASE WHEN a.mapping = 'unmapped' THEN 1 ELSE 0 END) AS unmapped_lines
    FROM sales AS l
    LEFT JOIN item_accounts AS a ON l.item_key = a.item_key
) AS u
WHERE i.mapping = 'unmapped'
