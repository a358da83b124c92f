# The setup: configuration, mapping table, Sage company and chart of accounts,
# the run's plan and errors, the export history, the Sage file's fields.

## Lists

# Between two problems of one message.
setup-separator = { "; " }
# Between the last two items of a list ("4 or 5").
setup-or = or

## Configuration (plannit2sage.toml)

setup-config-unreadable = { $path }: cannot read the configuration: { $reason }
# A configuration problem: $message says which key.
setup-config-problem = { $path }: { $message }
setup-no-config = no configuration found: pass --config FILE, or put { $name } in the inbox or the current folder (see samples/{ $name })
# $key is "[accounts] bank", ...
setup-role-account = { $key } = "{ $account }": { $why }
setup-linked-account-invalid = [sage50] linked_accounts: "{ $account }": { $why }
# $section is "[products]" or "[payment_methods]".
setup-mapping-account = { $section } "{ $name }" = "{ $account }": { $why }
setup-account-empty = to fill in with the account's number in your Sage 50 chart of accounts
setup-account-digits = an account number is digits only, such as "4001"
setup-receivable-is-bank = [accounts] receivable and bank are both { $account }: they must be different accounts
setup-field-lengths = [sage50] source_max and comment_max must be between 8 and 200
setup-ignore-pattern = [input] ignore: '{ $pattern }' is not a file-name pattern ({ $reason }); use * and ? as in "Sommaire*.xlsx"
setup-unknown-column = { $column }: not a column name; see the README for the list of columns
setup-tax-name = [taxes] { $key } { $field } = "{ $value }": write it as in the Sage company, without commas or quotes
setup-same-name-twice = "{ $first }" ({ $first_origin }) and "{ $second }" ({ $second_origin }) are the same name but map to { $first_account } and { $second_account }: keep one
# $origin is where the mapping is written: "plannit2sage.toml [payment_methods]", ...
setup-plannit-pay-method = { $origin } '{ $name }' = "{ $account }": Plannit Pay payments are received in [accounts] plannit_pay_clearing ({ $clearing }); remove this line or map it to { $clearing }
setup-mapping-problem = { $origin } '{ $name }' = "{ $account }": { $why }

## Catalogue mapping table ([mapping] products_file)

# Where a mapping of the table is written.
setup-table-origin = { $path } row { $row }
setup-table-no-sheet = the file has no sheet
setup-table-no-rows = the file has no rows
setup-table-no-item-column = no item column: name the first column 'Item' or 'Produit'
setup-table-no-account-column = no account column: name it 'Account' or 'Compte'
setup-table-no-item = row { $row }: account { $account } has no item name
setup-table-bad-account = row { $row }, item "{ $item }": { $why }

## Sage company ([sage50]) and chart of accounts

setup-account-linked = account { $account } is a linked account in Sage 50 ([sage50] linked_accounts), which an import cannot post to
setup-date-format = [sage50] { $key } = "{ $value }": write the date as YYYY-MM-DD
setup-lock-after-year-end = [sage50] lock_before ({ $lock }) is after fiscal_year_end ({ $end }): no date would be accepted
setup-chart-unreadable = [sage50] chart_of_accounts: { $path }: { $reason }
setup-chart-not-a-number = row { $row }: '{ $account }' is not an account number (digits only)
setup-chart-empty = the chart lists no account
setup-chart-no-header = no header with an account number column ({ $headers }) in the first { $rows } rows: export the chart of accounts from Sage 50 (Reports > Lists > Chart of Accounts)
setup-chart-digits = account { $account } has { $count } digits, but the accounts of the chart ({ $file }) have { $lengths }
setup-chart-missing = account { $account } is not in the chart of accounts ({ $file })

## The run

setup-internal-table = internal table error: { $reason }
setup-cannot-write = { $path }: cannot write the output: { $reason }
setup-cannot-write-workbook = { $path }: cannot write the workbook: { $reason }
setup-workbook-writer-stopped = the writer stopped
setup-deposit-applied-not-posted = { $count ->
    [one] { $count } applied-deposit row posts
   *[other] { $count } applied-deposit rows post
} nothing: the deposits were credited to the receivable when received. Set [accounts] customer_deposits to keep deposits in a liability until they are applied
# $kind is the document type as stored (invoice, payment, deposit, refund,
# deposit_applied, voided, payout); $change lists the amounts that changed.
setup-document-adjusted = { $kind } { $number } changed since batch { $batch } ({ $change }): the difference is posted as an adjusting entry
setup-document-changed = { $kind } { $number } was exported in batch { $batch } and has changed since ({ $change }): run with --adjust to post the difference, or void that batch if it was never imported
# $key is the history's key ("invoice:F-1001"), split into $kind and $number.
# $command is the command that acknowledges its absence.
setup-document-disappeared = { $key } (dated { $date }, exported in batch { $batch }) is not in this export: nothing was reversed; check it in Plannit. If it no longer exists, settle it in Sage 50, then acknowledge its absence: { $command }
# $since is the date a run first found it missing.
setup-document-still-missing = { $key } (dated { $date }, exported in batch { $batch }) has been missing from the exports since { $since }: nothing was reversed; export the period that holds it again or, if it no longer exists, settle it in Sage 50, then acknowledge its absence: { $command }

## Document types

setup-doc-type = { $kind ->
    [invoice] invoice
    [payment] payment
    [deposit] deposit
    [refund] refund
    [deposit_applied] applied deposit
    [voided] voided payment
    [payout] payout
   *[other] { $kind }
}

## Export history

setup-history-sqlite = { $path }: { $reason }
setup-history-busy = { $path }: the history is in use by another plannit2sage run; wait for it to finish and run again
setup-history-too-new = { $path }: this history was written by a newer plannit2sage (schema { $found }, this version knows { $known }); upgrade plannit2sage
setup-history-unknown-batch = batch { $batch } does not exist (see 'plannit2sage history')
setup-history-already-void = batch { $batch } is already void
setup-history-unknown-document = no exported batch (not void) posted a document '{ $document }': give its number or key as 'plannit2sage history show BATCH' shows them
setup-history-ambiguous-document = { $count } documents carry the number '{ $document }': { $keys }; give the key of the one you mean
setup-history-blank-note = --note says why the document no longer exists and how it was settled in Sage 50: it cannot be blank
setup-history-opening-stands = an opening balance is already recorded ({ $opening }); void it first with 'plannit2sage history void { $opening } --yes' if it was wrong
setup-history-unknown-value = { $path }: the history holds a { $what ->
    [posting] posting
    [document-type] document type
   *[other] { $what }
} '{ $value }' that this version does not know; upgrade plannit2sage
setup-history-corrupt = { $path }: batch { $batch }, { $document }: the { $what ->
    [date] date
    [amount] amount
   *[other] { $what }
} '{ $value }' stored in the history cannot be read; the file was edited or damaged: restore it from a backup (nothing was posted)
# Stands for the document in setup-history-corrupt when the batch's own dates are unreadable.
setup-history-period = its period
setup-history-recover = { $path }: cannot finish writing an output of an earlier run: { $reason }

## Sage 50 import file

setup-sage-line = line { $line }: { $message }
setup-sage-not-utf8 = the text is not valid UTF-8 (is the file Windows-1252? set [sage50] encoding)
setup-sage-quote-not-closed = a quoted field is not closed
setup-sage-quote-then-comma = a quote must be followed by a comma or the end of the line (no " inside a field)
setup-sage-quote-inside = a double quote inside an unquoted field
setup-bad-debts-account = [policy] voided_invoices = "bad_debt" writes voided invoices off to an expense account: name it with [accounts] bad_debts = "…" (e.g. "5410"), or keep the default "reverse"
