# The text of the Sage 50 file's entries (comments), in the company's
# language: [sage50] lang, else [report] lang, else French. Neither --lang nor
# PLANNIT2SAGE_LANG changes it: it is the client's ledger.

sage-period = Plannit
sage-period-one-day = Plannit { $last }
sage-period-range = Plannit { $first } to { $last }
sage-day = Plannit sales and payments
sage-day-dated = Plannit sales and payments { $date }
sage-invoice = Invoice
sage-invoice-of = inv. { $invoice }
sage-payout = Plannit Pay payout
sage-payment-kind = { $kind ->
    [deposit] Deposit
    [refund] Refund
    [deposit_applied] Deposit applied
    [voided] Voided payment
   *[payment] Payment
}
sage-adjust-batch = Adj. { $number } batch { $batch }
sage-adjust-dated = Adj. { $number } of { $date }
sage-voided-reversal = Void { $number }
sage-voided-bad-debt = Bad debt { $number }
