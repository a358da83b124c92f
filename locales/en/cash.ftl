# The cash basis ([sage50] basis = "cash"): an invoice's revenue and taxes
# are posted as it is paid.

## Findings

# $kind: the document's type (see setup-doc-type); $date: the payment's date.
cash-unknown-invoice = { setup-doc-type } { $number } applies to invoice { $invoice }, which is neither in this drop nor in the export history: under the cash basis its revenue accounts and taxes are unknown. Export from Plannit the detailed sales report of the period in which invoice { $invoice } was issued (on or before { $date }) and drop it with this payments report
cash-no-invoice = { setup-doc-type } { $number } names no invoice: under the cash basis, the revenue and taxes it recognises cannot be known. Apply it to its invoice in Plannit and export the payments report again
cash-deposit-without-account = { $count ->
    [one] deposit { $documents } is
   *[other] { $count } deposits ({ $documents }) are
} received under the cash basis without a customer deposits account: a deposit is not revenue until it is applied to an invoice. Set [accounts] customer_deposits (a liability, e.g. 2700 "Customer deposits")
cash-invoice-changed = invoice { $number } has changed since batch { $batch } recorded its lines (total { $old } → { $new }): under the cash basis its payments recognise its lines; run with --adjust for the payments to come to recognise its new lines, or void that batch if it was never imported
cash-invoice-adjusted = invoice { $number } has changed since batch { $batch } (total { $old } → { $new }): its new lines are recorded; the payments to come recognise them, those already posted stay as they are
cash-invoice-total-zero = { setup-doc-type } { $number } applies to invoice { $invoice }, whose total is zero: under the cash basis no share of its lines matches an amount paid. Check the payment in Plannit
cash-invoice-overpaid = { setup-doc-type } { $number } brings what was paid on invoice { $invoice } to { $paid }, beyond its total of { $total }: the excess of { $excess } is neither revenue nor tax, it stays on the receivable as the customer's credit; check it in Plannit
# $old, $new: accrual or cash; $last: the batch's last date.
cash-basis-switch = the export history holds batches posted under the { $old } basis (batch { $batch } runs to { $last }) and [sage50] basis = "{ $new }" changes it: set [sage50] basis_from to the date from which the { $new } basis applies, after { $last }
cash-basis-from-too-early = [sage50] basis_from = "{ $from }" falls before documents already exported under the { $old } basis: batch { $batch } posted documents up to { $last }. Choose a date after { $last }

## Terminal

# $from: "none", or the date from which $basis applies.
cash-banner = { $basis ->
    [cash] Cash basis: revenue and taxes are posted as invoices are paid
   *[other] Accrual basis: invoices are posted when issued
}{ $from ->
    [none] {""}
   *[other] , for documents dated from { $from } (before: { $basis ->
        [cash] accrual
       *[other] cash
    } basis)
}.
cash-summary = Cash basis: { $recognised } of revenue and taxes recognised by { $payments ->
    [one] { $payments } payment
   *[other] { $payments } payments
}; { $unpaid ->
    [0] no unpaid invoice
    [one] { $unpaid } unpaid invoice, { $remaining } still due
   *[other] { $unpaid } unpaid invoices, { $remaining } still due
} ("Unpaid invoices" sheet)
cash-recorded-only = Nothing to import into Sage 50: under the cash basis an invoice is posted as it is paid. { $count ->
    [one] { $count } invoice awaiting payment
   *[other] { $count } invoices awaiting payment
} recorded in the export history as batch { $batch }.

## Workbook

wb-cash-unpaid = Unpaid invoices
wb-cash-shares = Payment shares
wb-cash-unpaid-header-invoice = Invoice
wb-cash-unpaid-header-date = Date
wb-cash-unpaid-header-customer = Customer
wb-cash-unpaid-header-total = Total
wb-cash-unpaid-header-paid = Paid
wb-cash-unpaid-header-recognised = Recognised (revenue and taxes)
wb-cash-unpaid-header-remaining = Remaining
wb-cash-unpaid-header-days = Days
wb-cash-shares-header-date = Date
wb-cash-shares-header-document = Document
wb-cash-shares-header-kind = Type
wb-cash-shares-header-invoice = Invoice
wb-cash-shares-header-total = Invoice total (T)
wb-cash-shares-header-paid = Paid (P)
wb-cash-shares-header-account = Account
wb-cash-shares-header-role = Role
wb-cash-shares-header-line = Invoice line (L)
wb-cash-shares-header-rounded = L × P ÷ T rounded
wb-cash-shares-header-adjustment = Adjustment
wb-cash-shares-header-share = Share posted
wb-cash-shares-header-rule = Rule
wb-cash-role-revenue = Revenue
wb-cash-role-tax = Tax
wb-cash-rule-proportional = proportional; the rounding gap goes to the largest revenue share
wb-cash-rule-settles = settles the invoice: what is left of each line
wb-cash-rule-clears = refunded in full: what was recognised
wb-cash-rule-reverses = reverses payment { $number }
wb-cash-rule-adjusts = difference since batch { $batch }
wb-invoice-header-issued-posted = Posted when issued
wb-payment-header-recognised = Recognised as revenue and taxes
wb-cash-control-invoices = Σ invoices posted when issued + Σ amounts recognised when paid (Payments sheet) = Σ revenue + GST + QST + HST
wb-cash-control-receivable = Receivable movement = invoices posted when issued − amounts to the receivable (Payments sheet)
wb-cash-control-shares = Σ shares (Payment shares sheet) = Σ amounts recognised (Payments sheet)
wb-cash-basis = Accounting basis
