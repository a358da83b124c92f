-- severity: error
-- setup: true
-- message.fr: le paiement comprend un pourboire de {tip}, mais aucun compte de pourboires n'est configuré : indiquez [accounts] tips dans la configuration (un pourboire n'est jamais un revenu)
-- message.en: the payment includes a tip of {tip} but no tips account is configured: set [accounts] tips in the config (tips are never revenue)
-- fix: config [accounts] tips
-- column: tip
SELECT p.file, p.sheet, p.row, p.reference, p.invoice, p.tip
FROM payments AS p
CROSS JOIN accounts AS a
WHERE p.tip <> 0 AND a.tips_account IS NULL
