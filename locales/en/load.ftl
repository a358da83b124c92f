# load messages: reading the inbox, the exports and their cells; merging the
# files of a drop; fitting the batch to the Sage company; running the queries.

## The inbox (src/load/mod.rs)

load-inbox-missing = { $path }: this folder does not exist; check the path (a folder of Plannit exports, or a drop folder)
load-inbox-unreadable = { $path }: cannot list the inbox folder: { $reason }
load-ignored-outside-link = a link to a file outside the inbox: copy the file into the inbox instead
load-ignored-folder = a folder, not a file
load-ignored-transient = a lock or temporary file
load-ignored-pattern = matches [input] ignore "{ $pattern }": not read
load-ignored-not-spreadsheet = not a spreadsheet or CSV file: not read
load-ignored-no-header = no Plannit sales or payments header found in the first { $rows } rows
# $kind is the report's name in the configuration (sales, payments, payouts);
# $aliases the accepted headers joined by "', '" ($aliases_fr: by " », « ").
load-column-missing = this { $kind } report has no '{ $column }' column (headers accepted: '{ $aliases }'); add the column to the export, or name your header under [columns.{ $kind }] { $column } = ["..."] in the config
load-file-unrecognised = a spreadsheet without a Plannit sales or payments header in its first { $rows } rows: is it another Plannit report? Export the detailed sales or payments report, or add the file to [input] ignore in the config to keep it beside the exports
load-file-damaged = the file is damaged or was cut off during download (its content is not text): export it again from Plannit

## Reading a file (src/load/sheet.rs)

load-read-io = cannot read the file: { $reason }
load-read-empty = the file is empty (0 bytes): export the report again from Plannit
load-read-workbook = not a readable spreadsheet ({ $reason }): the file may be damaged or truncated; export it again from Plannit, or open it in Excel and save it as .xlsx
load-read-sheet = sheet '{ $sheet }' cannot be read ({ $reason }): open the file in Excel and save it again
load-read-csv = the text cannot be read as CSV at line { $line }: { $reason }; export it again from Plannit
load-read-cut-short = the text cannot be read as CSV at line { $line }: a quoted field is not closed: the file looks cut short; export it again from Plannit
# $unit: mb or bytes; $place: sheet (named $sheet) or file (a CSV file).
load-limit-file-size = the file's size ({ $size } { $unit ->
        [mb] MB
       *[bytes] bytes
    }) exceeds the limit of { $max } MB: if the file is genuine, raise [limits] max_file_mb in the config
load-limit-unpacked-size = the workbook's unpacked size ({ $size } { $unit ->
        [mb] MB
       *[bytes] bytes
    }) exceeds the limit of { $max } MB: if the file is genuine, raise [limits] max_decompressed_mb in the config
load-limit-rows = { $place ->
        [sheet] sheet '{ $sheet }'
       *[file] the file
    } with { $rows } rows exceeds the limit of { $max } rows: if the file is genuine, raise [limits] max_rows in the config
load-limit-cells = { $place ->
        [sheet] sheet '{ $sheet }'
       *[file] the file
    } with { $cells } cells exceeds the limit of { $max } cells: if the file is genuine, raise [limits] max_cells in the config

## Cells (src/load/values.rs)

load-amount-not-amount = '{ $value }' is not an amount
load-amount-too-many-decimals = '{ $value }' has more than two decimals
load-amount-ambiguous = '{ $value }' is ambiguous: write 1234.00 or 1 234,00
load-amount-too-large = '{ $value }' is too large for an amount
load-cell-error = the cell holds the spreadsheet error { $error }: fix the formula in the export
load-amount-date = the cell holds a date, not an amount
load-date-not-date = '{ $value }' is not a date (expected 2026-10-31)
load-date-ambiguous = '{ $value }' is ambiguous (day/month or month/day): set date_order = "dmy" or "mdy" under [input] in the config
load-date-out-of-range = '{ $value }' is not a plausible date for this export (before 2000, or more than a year from today): check the date in Plannit

## Report rows (src/load/reports.rs)

load-amount-missing = the amount is blank: fill it in Plannit and export again
load-invoice-missing = the invoice number is blank: every sales line needs its invoice
load-payout-missing = the payout number is blank: every row of the payouts report needs its payout
load-payment-type-unknown = '{ $value }' is not a payment type: expected Paiement/Payment, Dépôt/Deposit or Remboursement/Refund
load-total-row-mismatch = the total row says { $stated } but the { $rows } rows above it add up to { $sum }: rows were hidden, filtered out or deleted in the spreadsheet; export the report again from Plannit and drop it unedited

## Merging the files of a drop (src/merge.rs)

# $what: invoice, payment or payout.
load-merge-conflict = { $what } { $number } differs between { $first } and { $second }: only in { $first }: { $only_first }; only in { $second }: { $only_second }. Export the reports again from Plannit, or keep only the newer file in the inbox
load-merge-text-differs = { $what } { $number } is in { $first } and in { $second } with the same amounts but a different customer or description: taken once, from { $first }
load-merge-sales-row = row { $row }: { $date } { $item }, amount { $amount }, total { $total }
load-merge-payment-row = row { $row }: { $date } { $method } { $amount }
load-merge-payout-row = row { $row }: invoice { $invoice } gross { $gross } fee { $fee }
load-merge-more = and { $count } more
load-merge-nothing = nothing

## The Sage company (src/conform.rs)

load-date-locked = { $count ->
    [one] { $count } document
   *[other] { $count } documents
} dated before { $lock }, the date before which Sage 50 accepts no transaction ([sage50] lock_before): { $documents }. Export only documents from { $lock } on, or change lock_before if the company's setting changed
load-date-after-year-end = { $count ->
    [one] { $count } document
   *[other] { $count } documents
} dated after { $end }, the end of the fiscal year ([sage50] fiscal_year_end): { $documents }. Start the new fiscal year in Sage 50 and update fiscal_year_end, or export them later
load-account-problem = { $why }; it comes from { $pointers }: map it to an account of the company in the configuration, or add the account in Sage 50 and export the chart again
load-account-from-query = the journal query { $queries }
load-account-from-adjustment = an adjustment of a document exported earlier

## Changes since a batch (src/dedup.rs)

# One part of "4001: -100.00 → -120.00; date: ...".
load-change-account = { $account }: { $old } → { $new }
load-change-date = date: { $old } → { $new }
load-change-separator = { "; " }

## Queries (src/transform.rs, src/views.rs)

load-query-io = { $path }: cannot read the queries folder: { $reason }
load-query-no-journal = { $path }: the folder has no journal/*.sql query
load-query-problem = { $file }: { $message }
load-query-failed = { $file }: the query failed: { $message }
load-query-file-access = { $file }: this query reads files ({ $function }); queries may only use the tables plannit2sage provides
load-check-severity = the first comment lines must say '-- severity: error' or '-- severity: warning'
load-check-message = the first comment lines must include '-- message.fr: ...' and '-- message.en: ...' (or '-- message: ...') explaining the rule
load-check-fix = '-- fix:' must be 'plannit', 'file', 'queries' or 'config <key>' (e.g. 'config [products]')
load-journal-no-column = the result has no '{ $column }' column; a journal query returns date, source, comment, account, amount (and optionally source_rows)
load-journal-amount-scale = 'amount' has { $scale } decimal places; money has at most 2: round it and CAST(... AS DECIMAL(38,2))
load-journal-amount-float = 'amount' is a floating-point number, which cannot hold cents exactly; a decimal literal such as 0.05 is a float in SQL: CAST the expression AS DECIMAL(38,2)
load-journal-amount-type = 'amount' is { $kind }, not a decimal amount
load-journal-date-type = 'date' is { $kind }, not a date: CAST it AS DATE
# $line: "line 3 (PLN-261031 4001)".
load-journal-line = line { $row } ({ $source } { $account })
load-journal-amount-empty = { $line }: 'amount' is empty
load-journal-account-empty = { $line }: 'account' is empty (amount { $amount })
load-journal-date-empty = { $line }: 'date' is empty (amount { $amount })
load-view-mapping = 'mapping' is '{ $value }'; it must be 'mapped', 'defaulted' or 'unmapped'
load-view-missing = the queries have no view '{ $view }', which the reconciliation workbook reads; copy it from the built-in queries
load-view-no-column = the view has no '{ $column }' column; it returns { $columns }
