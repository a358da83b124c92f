# tools messages: check, history, status, schedule, sql, tables, test-queries, sample-data.

# A file or folder and what went wrong with it (a library's message).
tools-path-reason = { $path }: { $reason }

## plannit2sage check

tools-check-cannot-read = { $file }: cannot read the file: { $reason }
tools-check-entries = { $file }: { $count ->
    [one] { $count } entry
   *[other] { $count } entries
}
# $line, $date, $source, $comment, $lines, $debits, $credits come padded for the columns; $count selects the plural.
tools-check-entry = line { $line }  { $date }  { $source } { $comment } { $lines } lines  debits { $debits }  credits { $credits }
tools-check-entry-taxes = { $count ->
    [one] { $count } tax line
   *[other] { $count } tax lines
}
# A refusal or a note of the file: where, then what.
tools-check-problem = { $file }: line { $line }: { $message }
tools-check-refused = { $count ->
    [one] { $count } problem
   *[other] { $count } problems
}: Sage 50 would refuse this file (it records nothing from a file with one bad line).
tools-check-ok = OK: every entry balances; total debits { $debits } = credits { $credits }.
tools-check-notes = { $count ->
    [one] { $count } note
   *[other] { $count } notes
} above: nothing Sage 50 documents as refused.

## What Sage 50 refuses in an import file (refusals) or that is merely undocumented (notes)

tools-sage-empty = the file is empty
tools-sage-bom = the file starts with a byte-order mark, which Sage 50 reads as part of the first date
tools-sage-lf-only = line ends with LF only: Sage's own files use CRLF (LF is not documented as refused; the tool writes CRLF)
tools-sage-no-final-newline = the last line has no line ending
tools-sage-carriage-return = a carriage return inside the line
tools-sage-blank-line = blank line: not documented; the tool writes entries one after the other
tools-sage-control-char = control character { $code } in the line
tools-sage-non-ascii = '{ $char }' is outside ASCII: Sage reads it in the file's encoding ({ $encoding }), which must be the company's
tools-sage-bad-allocation = '{ $value }' is not an allocation amount or percentage
tools-sage-allocations-missing = the line says { $remaining ->
    [one] { $remaining } more project allocation line ("project",amount) follows
   *[other] { $remaining } more project allocation lines ("project",amount) follow
}, but line { $number } is not one
tools-sage-tax-details-missing = TAXH announces { $remaining ->
    [one] { $remaining } more TAXD line
   *[other] { $remaining } more TAXD lines
}, but line { $number } is not one
tools-sage-orphan-allocation = '{ $line }' is an allocation line without a detail line announcing it
tools-sage-orphan-taxd = a TAXD line without a TAXH line announcing it
tools-sage-unknown-line = '{ $line }' is neither an entry header nor an account line
tools-sage-ends-allocations-short = the file ends { $remaining ->
    [one] { $remaining } project allocation line
   *[other] { $remaining } project allocation lines
} short
tools-sage-ends-tax-details-short = the file ends { $remaining ->
    [one] { $remaining } TAXD line
   *[other] { $remaining } TAXD lines
} short of what TAXH announces
tools-sage-no-entry = the file holds no entry
tools-sage-bad-date = '{ $value }' is not a date in mm-dd-yy form
tools-sage-header-shape = an entry header is date,"source","comment" (then, for a foreign currency, currency,exchange rate)
tools-sage-bad-rate = '{ $value }' is not an exchange rate
tools-sage-no-source = the source is missing
tools-sage-source-too-long = source '{ $source }' is longer than { $limit } characters
tools-sage-source-strictest = source '{ $source }' is longer than { $limit } characters, the limit of the strictest Sage versions
tools-sage-comment-too-long = comment '{ $comment }' is longer than { $limit } characters
tools-sage-comment-strictest = comment '{ $comment }' is longer than { $limit } characters, the limit of the strictest Sage versions
tools-sage-before-lock = { $date } is before { $lock }, the date before which the company accepts no transaction ([sage50] lock_before)
tools-sage-after-year-end = { $date } is after the fiscal year end { $end } ([sage50] fiscal_year_end)
tools-sage-detail-before-header = an account line before any entry header
tools-sage-detail-shape = an account line is account,amount (then optionally "comment",allocation count)
tools-sage-bad-allocation-count = '{ $value }' is not a number of allocation lines
tools-sage-bad-amount = '{ $value }' is not an amount with a period and two decimals
tools-sage-zero-amount = zero amount on account { $account }: the tool never writes one
tools-sage-taxh-position = TAXH must follow an entry header, before its account lines
tools-sage-taxh-shape = a tax header is TAXH,<number of TAXD lines>,<0 for sales, 1 for purchases>
tools-sage-taxd-shape = a tax line is TAXD,account,tax name,tax code,amount subject to tax,tax amount,other tax paid
tools-sage-bad-account = '{ $value }' is not an account number
tools-sage-too-few-lines = entry '{ $source }' needs at least two account lines
tools-sage-unbalanced = entry '{ $source }' does not balance: debits { $debits } − credits { $credits } = { $balance }
tools-sage-zero-entry = entry '{ $source }' totals zero, which the General Journal refuses

## plannit2sage history

tools-history-none = { $path }: no export history here yet (it is created by the first 'plannit2sage run')
tools-history-void-confirm = Voiding batch { $batch } lets its documents be exported again. Do it only if its import into Sage 50 failed or was rolled back; confirm with --yes.
tools-history-voided = Batch { $batch } is void: its documents will be exported again by the next run.
tools-history-batches = { $path }: { $count ->
    [one] { $count } batch
   *[other] { $count } batches
}
tools-history-col-batch = batch
tools-history-col-status = status
tools-history-col-recorded = recorded
tools-history-col-dates = dates
tools-history-col-documents = documents
tools-history-col-sage-file = sage file
# A batch's status as the history stores it (done, void).
tools-history-status = { $status }
tools-history-documents = batch { $batch }: { $count ->
    [one] { $count } document
   *[other] { $count } documents
}
# A document's type as the history stores it (invoice, payment, deposit, refund, deposit_applied, voided, payout).
tools-history-doc-type = { $kind }
# How a batch posted a document, when not as itself (adjustment, date_change).
tools-history-posting = { $posting }

tools-acknowledged = Absence acknowledged on { $day }: { $key } ({ setup-doc-type } { $number } dated { $date }, batch { $batch }), note: "{ $note }". This document is no longer warned about as missing.
tools-acknowledgements = { $count ->
    [one] { $count } absence acknowledged:
   *[other] { $count } absences acknowledged:
}
tools-acknowledgement-line = on { $day }: { $key } ({ setup-doc-type } { $number } dated { $date }, batch { $batch }): "{ $note }"
tools-acknowledged-on-line = — absence acknowledged on { $day }: "{ $note }"

## plannit2sage status and schedule

tools-status-no-client = { $root }: no client folder (made by 'plannit2sage init')
tools-status-client = Client { $name }
tools-status-last-exported = last exported batch: { $batch }, on { $time }, period { $period }, debits ${ $debits }
tools-status-none-exported = no batch exported yet
tools-status-last-rejection = last rejection: on { $time }: { $reason }
tools-status-retried = { "  " }retried on { $time }: exported as batch { $batch }
tools-status-pending-rejected = rejected batches waiting for a fix: { $count } (see rejected/; 'plannit2sage retry' runs them again)
tools-status-missing = { $count ->
    [one] { $count } exported document is missing from the exports
   *[other] { $count } exported documents are missing from the exports
} (nothing was reversed): check in Plannit; if it no longer exists, settle it in Sage 50, then acknowledge its absence: plannit2sage history "{ $root }" acknowledge KEY --note "…"
tools-status-missing-document = { $key }: { setup-doc-type } { $number } dated { $date } (batch { $batch }), missing since { $since }
tools-status-waiting = files waiting in the inbox: { $count }
tools-status-in-transit = Plannit Pay in transit (account { $account }): ${ $amount }
tools-schedule-bad-every = --every takes minutes or hours: 15m, 1h
tools-schedule-cron-range = --every: use minutes below an hour, or whole hours below a day

## plannit2sage sql, tables, test-queries

# The name a query given on the command line goes by in error messages.
tools-sql-query-name = query
tools-sql-cannot-read = { $file }: cannot read the query: { $reason }
tools-sql-query-or-file = give the query as an argument or with --file, not both
tools-sql-xlsx-needs-out = --format xlsx writes a workbook: give --out FILE.xlsx
tools-sql-rows = { $count ->
    [one] { $count } row
   *[other] { $count } rows
}
tools-tables-table = { $name } ({ $count } rows)
tools-type-text = text
tools-type-integer = integer
tools-tq-ok = ok
tools-tq-failed = FAILED
tools-tq-summary = { $passed } passed, { $failed } failed
tools-tq-no-tests = { $path }: no query tests: { $reason }
tools-tq-no-case = { $path }: no case folder
tools-tq-not-an-amount = expected.csv: '{ $amount }' is not an amount
tools-tq-nothing = nothing
tools-tq-account-differs = account { $account }: expected { $expected }, the queries post { $got }
tools-tq-finding-missing = finding { $severity } [{ $rule }]: expected, not reported
tools-tq-finding-extra = finding { $severity } [{ $rule }]: reported, not expected

## plannit2sage sample-data

tools-sample-wrote = wrote { $path }
tools-sample-expected = expected net per account: { $path }

tools-opening-recorded = Opening balance recorded as { $opening }: { $invoices ->
    [one] { $invoices } open invoice
   *[other] { $invoices } open invoices
} of { $customers ->
    [one] { $customers } customer
   *[other] { $customers } customers
}, { $total } at { $date }. Nothing is posted to Sage 50: these invoices are already in its books; their payments will apply to them.
tools-opening-not-receivable = { $path }: this is not Plannit's accounts-receivable report (no header with a customer, an invoice number, an invoice date and a balance); export Reports > Accounts receivable from Plannit
tools-opening-date-mismatch = { $file }: the report's title gives { $title } but --as-of says { $given }; give the date the report was made at
tools-opening-no-date = { $file }: the report's title gives no date; say which day its balances are at with --as-of YYYY-MM-DD
tools-opening-row-undated = { $file }, row { $row }: invoice { $invoice } has no date, so it cannot be aged; fix the report and run again
tools-opening-line = { $opening }  { $status ->
    [void] void
   *[done] done
}  opening balance at { $date }: { $invoices ->
    [one] { $invoices } invoice
   *[other] { $invoices } invoices
}, { $total } ({ $file })
tools-opening-voided = Opening balance { $opening } is void: its invoices have left the ledger; record the right one with 'plannit2sage history opening'.
tools-status-receivable = receivable (account { $account }) per the sub-ledger: ${ $amount }
tools-status-tie-out = last tie-out with Plannit (at { $date }, made { $time }): { $differences ->
    [0] no difference
    [one] { $differences } difference, { $difference } in all
   *[other] { $differences } differences, { $difference } in all
}
