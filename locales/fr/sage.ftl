# Le texte des écritures du fichier Sage 50 (commentaires), dans la langue de
# l'entreprise : [sage50] lang, sinon [report] lang, sinon le français. Ni
# --lang ni PLANNIT2SAGE_LANG ne le changent : c'est le grand livre du client.

sage-period = Plannit
sage-period-one-day = Plannit { $last }
sage-period-range = Plannit { $first } au { $last }
sage-day = Plannit ventes et paiements
sage-day-dated = Plannit ventes et paiements { $date }
sage-invoice = Facture
sage-invoice-of = fact. { $invoice }
sage-payout = Versement Plannit Pay
sage-payment-kind = { $kind ->
    [deposit] Dépôt
    [refund] Remboursement
    [deposit_applied] Dépôt appliqué
    [voided] Paiement annulé
   *[payment] Paiement
}
sage-adjust-batch = Ajust. { $number } lot { $batch }
sage-adjust-dated = Ajust. { $number } du { $date }
sage-voided-reversal = Annul. { $number }
sage-voided-bad-debt = Mauv. créance { $number }
