# The reconciliation workbook: sheet names, headers, labels.
# Column headers are wb-<table>-header-<key>: the key is the one the layout
# addresses the column by (see src/report/labels.rs).

## Sheets

wb-summary = Summary
wb-journal = Journal
wb-invoices = Invoices
wb-payments = Payments
wb-exceptions = Exceptions
wb-by-product = By product
wb-already-exported = Already exported
wb-rows-read = Rows read
wb-merged-rows = Merged duplicates
wb-plannit-pay = Plannit Pay
# "Journal (cont. 2)": a table too long for one sheet goes on over the next.
wb-continued = cont.
# Totals row of every table.
wb-total = Total
# Excel number format of amounts (not text: do not translate).
wb-money-format = $#,##0.00

## Summary

wb-title = Plannit → Sage 50 reconciliation
wb-status = Status
wb-importable = IMPORTABLE
wb-not-importable = NOT IMPORTABLE
wb-errors-warnings = { $errors ->
    [one] { $errors } error
   *[other] { $errors } errors
}, { $warnings ->
    [one] { $warnings } warning
   *[other] { $warnings } warnings
}
wb-company = Company
wb-period = Period
wb-sage-file = Sage 50 file
wb-no-sage-file = none: fix the errors (Exceptions sheet) and run again
wb-granularity = Grouping
wb-config-file = Configuration
wb-chart = Chart of accounts
wb-chart-none = not configured ([sage50] chart_of_accounts): accounts not checked
wb-chart-checked = { $missing ->
    [0] { $file }: { $accounts } accounts; every account of the batch is in it
    [one] { $file }: { $accounts } accounts; { $missing } account of the batch missing or not usable: see Exceptions
   *[other] { $file }: { $accounts } accounts; { $missing } accounts of the batch missing or not usable: see Exceptions
}
wb-queries = Queries
wb-version = Version
wb-run-at = Run at
wb-settings = Settings of the batch
wb-workbook-note = Totals and controls are formulas: they stay right when you filter or edit.

wb-input-files = Input files
wb-file-header-file = File
wb-file-header-report = Report
wb-file-header-sheet = Sheet
wb-file-header-rows = Rows
wb-file-header-status = Status
wb-file-header-sha256 = SHA-256
wb-file-used = used
wb-file-ignored = ignored: { $reason }
wb-file-identical = identical to { $of } : not read
wb-file-failed = unreadable
wb-report-sales = detailed sales
wb-report-payments = payments
wb-report-payouts = Plannit Pay payouts
wb-report-receivable = accounts receivable

wb-accounts = General ledger accounts
wb-account-header-account = Account
wb-account-header-role = Role
wb-account-header-debits = Debits
wb-account-header-credits = Credits
wb-account-header-net = Net
wb-role-bank = Bank
wb-role-receivable = Receivable (non-linked)
wb-role-gst = GST payable
wb-role-qst = QST payable
wb-role-hst = HST payable
wb-role-default-revenue = Default revenue
wb-role-revenue = Revenue: { $items }
wb-role-method = Payment method: { $method }
wb-role-plannit-pay-clearing = Plannit Pay clearing
wb-role-payout-bank = Plannit Pay payout bank
wb-role-processing-fees = Plannit Pay processing fees
wb-role-tips = Tips to pass on
wb-role-customer-deposits = Customer deposits
wb-role-bad-debts = Bad debts
wb-role-gst-adjustments = GST recovered on bad debts
wb-role-qst-adjustments = QST recovered on bad debts
wb-role-hst-adjustments = HST recovered on bad debts
wb-role-other = Other (query)

wb-controls = Controls
wb-control-header-control = Control
wb-control-header-side-a = Side A
wb-control-header-side-b = Side B
wb-control-header-difference = Difference
wb-control-invoices = Σ invoice totals = Σ revenue + GST + QST + HST
wb-control-bank = Σ payments + deposits − refunds = bank and Plannit Pay movements + Plannit Pay fees
wb-control-receivable = Receivable movement = invoices − amounts applied to the receivable (Payments sheet)
wb-control-balance = Journal debits = credits

## Journal

wb-journal-header-entry = Entry
wb-journal-header-date = Date
wb-journal-header-source = Source
wb-journal-header-comment = Comment
wb-journal-header-account = Account
wb-journal-header-debit = Debit
wb-journal-header-credit = Credit
wb-journal-header-source-rows = Source rows
wb-journal-header-queries = Queries

## Invoices

wb-invoice-header-invoice = Invoice
wb-invoice-header-date = Date
wb-invoice-header-customer = Customer
wb-invoice-header-amount = Amount before taxes
wb-invoice-header-gst = GST
wb-invoice-header-qst = QST
wb-invoice-header-hst = HST
wb-invoice-header-total = Total
wb-invoice-header-gst-expected = GST recomputed
wb-invoice-header-qst-expected = QST recomputed
wb-invoice-header-gst-gap = GST difference
wb-invoice-header-qst-gap = QST difference
wb-invoice-header-paid = Payments applied
wb-invoice-header-balance = Balance
wb-invoice-header-lines = Lines
# A document changed since its export, posted as its difference: "P-1042 (Δ Batch 2026-10-07-1)".
wb-adjustment = { $number } (Δ Batch { $batch })

## Payments

wb-payment-header-date = Date
wb-payment-header-reference = Payment #
wb-payment-header-kind = Type
wb-payment-header-method = Payment method
wb-payment-header-account = Account
wb-payment-header-invoice = Invoice
wb-payment-header-customer = Customer
wb-payment-header-received = Amount received
wb-payment-header-receivable = Applied to the receivable
wb-payment-header-file = File
wb-payment-header-row = Row
wb-kind-payment = Payment
wb-kind-deposit = Deposit
wb-kind-refund = Refund
wb-kind-deposit-applied = Deposit applied
wb-kind-voided = Voided payment (NSF)

## Exceptions

wb-exception-header-severity = Severity
wb-exception-header-rule = Rule
wb-exception-header-message = Message
wb-exception-header-fix = Where to fix
wb-exception-header-file = File
wb-exception-header-sheet = Sheet
wb-exception-header-row = Row
wb-exception-header-column = Column
wb-exception-header-document = Document
wb-exception-header-values = Values

## By product

wb-product-header-item = Product/Service
wb-product-header-account = Account
wb-product-header-mapping = Mapping
wb-product-header-quantity = Quantity
wb-product-header-amount = Amount
wb-product-header-lines = Lines
wb-mapped = mapped
wb-defaulted = default account
wb-unmapped = NOT MAPPED

## Already exported

wb-already-header-document = Document
wb-already-header-type = Type
wb-already-header-date = Date
wb-already-header-status = Status
wb-already-header-batch = Batch
wb-already-header-detail = Detail
wb-already-skipped = already exported: skipped
wb-already-changed = CHANGED since export: refused
wb-already-adjusted = changed: difference posted as adjustment
wb-already-disappeared = missing from this export (nothing reversed)
wb-already-voided-reversed = voided in Plannit: reversed in this batch
wb-already-voided-written-off = voided in Plannit: written off as a bad debt in this batch
wb-already-voided-unrecognised = voided in Plannit: nothing to post (cash basis, its unpaid part was never recognised)

## Rows read

wb-rows-header-file = File
wb-rows-header-sheet = Sheet
wb-rows-header-report = Report
wb-rows-header-read = Rows read
wb-rows-header-posted = Posted
wb-rows-header-already-exported = Already exported
wb-rows-header-duplicates = Merged duplicates
wb-rows-header-skipped = Skipped (title, blank, headers, totals)
wb-rows-header-voided = Voided (never exported)
wb-rows-header-control = Control (never posted)
wb-rows-header-refused = Refused
wb-rows-header-unaccounted = Difference

## Merged duplicates

wb-merged-header-file = File
wb-merged-header-sheet = Sheet
wb-merged-header-row = Row
wb-merged-header-document = Document
wb-merged-header-of-file = Taken from: file
wb-merged-header-of-sheet = Sheet
wb-merged-header-of-row = Row

## Plannit Pay

wb-pp-title = Plannit Pay: clearing account { $account }
wb-pp-opening = Opening balance (batches already exported)
wb-pp-received = Plannit Pay payments received (this batch)
wb-pp-paid-out = Paid out to the bank, gross (this batch)
wb-pp-closing = Closing balance = money in transit
wb-pp-journal-net = Net movement of the account in the Journal
wb-pp-control = Control: closing − opening − journal (must be 0)
wb-pp-waiting = Payments not yet paid out
wb-pp-waiting-header-date = Date
wb-pp-waiting-header-invoice = Invoice
wb-pp-waiting-header-customer = Customer
wb-pp-waiting-header-amount = Amount
wb-pp-waiting-header-days = Days waiting

wb-open-items = Open items
wb-open-header-customer = Customer
wb-open-header-invoice = Invoice
wb-open-header-date = Date
wb-open-header-days = Days
wb-open-header-bucket-0 = 0–30 days
wb-open-header-bucket-1 = 31–60 days
wb-open-header-bucket-2 = 61–90 days
wb-open-header-bucket-3 = Over 90 days
wb-open-header-balance = Balance
wb-bad-debts = Bad debts
wb-bad-debt-header-invoice = Invoice
wb-bad-debt-header-customer = Customer
wb-bad-debt-header-date = Invoice date
wb-bad-debt-header-total = Invoiced
wb-bad-debt-header-unpaid = Unpaid
wb-bad-debt-header-gst = Invoice GST
wb-bad-debt-header-qst = Invoice QST
wb-bad-debt-header-hst = Invoice HST
wb-bad-debt-header-gst-recovered = GST recovered
wb-bad-debt-header-qst-recovered = QST recovered
wb-bad-debt-header-hst-recovered = HST recovered
wb-bad-debt-header-written-off = Written off to expense
wb-ar-sheet = Receivable
wb-ar-title = Accounts receivable: account { $account }
wb-ar-opening = Opening balance (before this batch)
wb-ar-movement = { $kind ->
    [Invoice] Invoices and credit notes
    [Payment] Payments received
    [Deposit] Deposits received (to the receivable)
    [Refund] Refunds
    [DepositApplied] Deposits applied
    [Bounced] Bounced (NSF) and voided payments
    [Voided] Voided invoices (reversed or written off)
   *[Adjustment] Adjustments (--adjust)
}
wb-ar-closing = Closing balance
wb-ar-journal-net = Net movement of the account in the Journal
wb-ar-control = Control: closing − opening − journal (must be 0)
wb-ar-open-title = Open balances by customer at { $date }
wb-ar-header-customer = Customer
wb-ar-header-bucket-0 = 0–30 days
wb-ar-header-bucket-1 = 31–60 days
wb-ar-header-bucket-2 = 61–90 days
wb-ar-header-bucket-3 = Over 90 days
wb-ar-header-balance = Balance
wb-ar-header-note = Note
wb-ar-customer-total = Total { $customer }
wb-ar-total = Total receivable
wb-ar-open-control = Control: total − closing balance (must be 0)
wb-ar-in-credit = In credit: overpaid
wb-ar-chart-title = Receivable aging
wb-ar-chart-series = Balance
wb-ar-tie-out-title = Tie-out with Plannit: { $file } at { $date }
wb-ar-tie-header-customer = Customer
wb-ar-tie-header-invoice = Invoice
wb-ar-tie-header-plannit = Plannit balance
wb-ar-tie-header-ledger = Ledger balance
wb-ar-tie-header-difference = Difference
wb-ar-tie-total = Total (the difference must be 0)
