# The configuration file's (plannit2sage.toml) shape errors: invalid TOML,
# unknown or missing sections and keys, values of the wrong type; and what
# each section and key is for.

## Where the problem is

# One problem, at a line of the file.
config-problem-at = { $path }, line { $line }: { $problem }
# One of a list of problems.
config-line = line { $line }: { $problem }
# $list: one problem a line, each starting with a line break.
config-problems = { $path }: { $count ->
    [one] { $count } problem
   *[other] { $count } problems
}:{ $list }
# $detail is the TOML reader's message.
config-not-toml = { $path }, line { $line }, column { $column }: this is not valid TOML (TOML reader: { $detail })
config-not-toml-here = { $path }: this is not valid TOML (TOML reader: { $detail })
# Follows a key's name: "unknown key foo at the top of the file".
config-place-top = at the top of the file, before any section
config-place-section = in { $section }

## Unknown or missing sections and keys

# $known: the names allowed, "bank, receivable, …" or "company, [sage50], …".
config-unknown-section = unknown section { $name }; names allowed here: { $known }
# $near: the closest known name, "[products]"; $purpose: what it is for.
config-unknown-section-near = unknown section { $name }: did you mean { $near } ({ $purpose })?
config-unknown-key = unknown key { $name } { $place }; names allowed here: { $known }
# $near: "receivable", or "[sage50] granularity" when it goes in another section.
config-unknown-key-near = unknown key { $name } { $place }: did you mean { $near } ({ $purpose })?
config-missing-section = missing section { $name }: { $purpose }; it must set at least { $required }
config-missing-key = missing key { $name } { $place }: { $purpose }

## Values

# $value: the value as written, '"mois"'.
config-not-allowed = { $key } = { $value }: not an allowed value; allowed values: { $allowed }
config-wrong-type = { $key } = { $value }: expected { $expected }
# A section ($section, "[sage50.granularity]") written where a value goes.
config-not-a-section = { $section }: { $key } is a value, not a section; expected { $expected }
config-expect-text = text in quotes
config-expect-number = a whole number, zero or more, without quotes
config-expect-bool = true or false, without quotes
config-expect-account = an account number, such as "4001"
config-expect-date = a date, such as 2026-12-31
config-expect-choice = one of these values: { $allowed }
config-expect-list = a list in brackets, such as ["…", "…"]
config-expect-section = a section { $section } with its keys
# A value the TOML reader refused; $detail is its message.
config-value-refused = { $key } = { $value }: value refused (TOML reader: { $detail })
config-refused = value refused (TOML reader: { $detail })

## What each section and key is for

config-purpose-company = the company's name, shown in reports
config-purpose-sage50 = how the import file is written and what the Sage 50 company accepts
config-purpose-taxes = the taxes' names and codes in the Sage 50 company, for tax_detail
config-purpose-accounts = the general ledger accounts that play a role in every entry
config-purpose-products = the revenue account of each Plannit catalogue item
config-purpose-payment-methods = the account of each payment method that does not go to the bank
config-purpose-columns = extra header names for the exports' columns
config-purpose-input = how the exports are read: date order, files to ignore
config-purpose-mapping = a product mapping table, for a long catalogue
config-purpose-report = the language of messages and of the workbook
config-purpose-watch = what 'watch' does with a batch carrying warnings
config-purpose-watch-warnings = "export" (default): it is exported and its warnings shown; "hold": it waits in rejected/, to review, until 'plannit2sage retry FOLDER NAME --accept'
config-purpose-limits = size limits of the files read

config-purpose-granularity = how lines are grouped into Sage 50 entries
config-purpose-source-max = the longest entry source Sage 50 accepts
config-purpose-comment-max = the longest entry comment Sage 50 accepts
config-purpose-encoding = the text encoding of the import file
config-purpose-tax-detail = write the tax detail (TAXH and TAXD lines) for Sage 50's sales-tax report
config-purpose-sage-lang = the language of the entries' comments
config-purpose-chart = the chart of accounts exported from Sage 50 (CSV or workbook)
config-purpose-linked-accounts = Sage 50's linked accounts, which an import cannot post to
config-purpose-lock-before = the date before which Sage 50 refuses entries
config-purpose-fiscal-year-end = the fiscal year end, after which Sage 50 refuses entries
config-purpose-basis = the accounting basis: "accrual" (invoices are posted when issued) or "cash" (revenue and taxes are posted as invoices are paid)
config-purpose-basis-from = the date from which the chosen basis applies, when batches were already exported under the other one

config-purpose-tax-gst = GST's name and code in the Sage 50 company
config-purpose-tax-qst = QST's name and code in the Sage 50 company
config-purpose-tax-hst = HST's name and code in the Sage 50 company
config-purpose-tax-name = the tax's name in the Sage 50 company, such as TPS
config-purpose-tax-code = the tax's code in the Sage 50 company, such as GQ

config-purpose-bank = the bank account payments go into and refunds come out of
config-purpose-receivable = the receivable account, debited by invoices and credited by payments
config-purpose-gst = the GST payable account
config-purpose-qst = the QST payable account
config-purpose-hst = the HST payable account, required when an invoice carries HST
config-purpose-default-revenue = the revenue account of unmapped catalogue items, with a warning
config-purpose-plannit-pay-clearing = the account Plannit Pay payments are received in, which payouts credit
config-purpose-processing-fees = the expense account of Plannit Pay (Stripe) fees
config-purpose-payout-bank = the bank account Plannit Pay payouts land in, bank by default
config-purpose-customer-deposits = the liability account holding customer deposits until they are applied
config-purpose-tips = the account of tips received with payments

config-purpose-columns-sales = extra header names for the sales report
config-purpose-columns-payments = extra header names for the payments report
config-purpose-columns-payouts = extra header names for the Plannit Pay payouts report
config-purpose-columns-receivable = extra header names for Plannit's accounts-receivable report
config-purpose-receivable-section = the receivable's tie-out with Plannit's accounts-receivable report
config-purpose-tie-out = what a difference with Plannit's accounts-receivable report does: "warning" (the default) or "error" (the batch is refused)
config-purpose-columns-sage-ledger = extra header names for Sage 50's general ledger (plannit2sage verify)
config-purpose-date-order = how ambiguous dates such as 03/04/2026 are read
config-purpose-ignore = file-name patterns of other files kept in the inbox, never read
config-purpose-products-file = the product mapping table, with an Item column and an Account column
config-purpose-report-lang = the language of messages and of the workbook
config-purpose-max-file-mb = the largest input file read, in MB
config-purpose-max-decompressed-mb = the largest size a workbook may unpack to, in MB
config-purpose-max-rows = the most rows read from one sheet or CSV file
config-purpose-max-cells = the most cells read from one sheet or CSV file
config-purpose-bad-debts = the expense account a voided invoice's unpaid part is written off to ([policy] voided_invoices = "bad_debt")
config-purpose-gst-adjustments = where the GST recovered on a bad debt is debited (the GST account when not set)
config-purpose-qst-adjustments = where the QST recovered on a bad debt is debited (the QST account when not set)
config-purpose-hst-adjustments = where the HST recovered on a bad debt is debited (the HST account when not set)
config-purpose-policy = what happens to documents changed in Plannit after their export
config-purpose-voided-invoices = what an exported invoice voided in Plannit posts: "reverse" (its exact reversal, the default) or "bad_debt" (its unpaid part written off, with the GST/QST recovered)
