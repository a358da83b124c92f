-- severity: warning
-- message.fr: le produit « {item} » du catalogue n'est pas associé : il est comptabilisé dans le compte de revenus par défaut {default_revenue_account} ; ajoutez-le sous [products] pour le comptabiliser dans son propre compte{hint_fr}
-- message.en: catalogue item '{item}' is not mapped: posted to the default revenue account {default_revenue_account}; add it under [products] to post it to its own account{hint_en}
-- fix: config [products]
-- column: item
SELECT s.file, s.sheet, s.row, s.invoice, s.item, s.amount, i.account AS default_revenue_account,
       COALESCE(n.hint_fr, '') AS hint_fr, COALESCE(n.hint_en, '') AS hint_en
FROM sales AS s
LEFT JOIN item_accounts AS i ON s.item_key = i.item_key
LEFT JOIN (SELECT * FROM mapping_near_misses WHERE section = 'products') AS n
    ON n.key = s.item_key
WHERE i.mapping = 'defaulted'
