-- severity: warning
-- message.fr: le mode de paiement « {method} » n'est pas associé : son argent va au compte {account}{hint_fr}
-- message.en: payment method '{method}' is not mapped: its money goes to account {account}{hint_en}
-- fix: config [payment_methods]
-- column: method
-- A [payment_methods] line whose name is a misspelling of a method of the
-- drop: that method's money would go to the bank instead.
SELECT p.file, p.sheet, p.row, p.reference, p.invoice, p.method, m.account,
       n.hint_fr, n.hint_en
FROM payments AS p
JOIN mapping_near_misses AS n ON n.key = p.method_key
LEFT JOIN method_accounts AS m ON p.method_key = m.method_key
WHERE n.section = 'payment_methods'
