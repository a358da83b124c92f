-- severity: error
-- message.fr: le produit « {item} » du catalogue n'a pas de compte de revenus : ajoutez-le sous [products] dans la configuration (ou indiquez [accounts] default_revenue){hint_fr}
-- message.en: catalogue item '{item}' has no revenue account: add it under [products] in the config (or set [accounts] default_revenue){hint_en}
-- fix: config [products]
-- column: item
SELECT s.file, s.sheet, s.row, s.invoice, s.item, s.amount,
       COALESCE(n.hint_fr, '') AS hint_fr, COALESCE(n.hint_en, '') AS hint_en
FROM sales AS s
LEFT JOIN item_accounts AS i ON s.item_key = i.item_key
LEFT JOIN (SELECT * FROM mapping_near_misses WHERE section = 'products') AS n
    ON n.key = s.item_key
WHERE i.mapping = 'unmapped'
