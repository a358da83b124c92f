# `plannit2sage run`: what it read, found and wrote.

run-banner = plannit2sage { $version }: inbox { $inbox } (config { $config }, { $queries }, granularity { $granularity })
run-spinner = reading exports, running queries, writing outputs…
run-not-written = No Sage 50 file was written.
run-workbook = Reconciliation workbook: { $path }
run-rejected = Rejected: { $errors }, { $warnings }. No Sage 50 file was written; fix the errors above and run again.
run-nothing-new = Nothing new: every document in the inbox was already exported. No Sage 50 file was written.
run-nothing-to-post = Nothing to post: the inbox holds no sales or payments with an amount. No Sage 50 file was written.
run-sage-file = Sage 50 file: { $path }
run-recorded = Recorded in the export history as batch { $batch }.
run-review-warnings = { $count ->
    [one] { $count } warning above: review it before importing.
   *[other] { $count } warnings above: review them before importing.
}
run-import-hint = Import it in Sage 50: File > Import/Export > Import Transactions > General journal entries (back up first).
run-missing-items = Items to map: { $path } (fill in the account column, then add the rows to the mapping table or to [products])
run-already-exported = { $count } { $kind ->
    [invoice] { $count ->
        [one] invoice
       *[other] invoices
    }
    [payment] { $count ->
        [one] payment
       *[other] payments
    }
    [deposit] { $count ->
        [one] deposit
       *[other] deposits
    }
    [refund] { $count ->
        [one] refund
       *[other] refunds
    }
    [deposit_applied] { $count ->
        [one] applied deposit
       *[other] applied deposits
    }
    [voided] { $count ->
        [one] voided payment
       *[other] voided payments
    }
    [payout] { $count ->
        [one] payout
       *[other] payouts
    }
   *[other] { $count ->
        [one] document
       *[other] documents
    }
} already exported in batch { $batch } — skipped
run-sage-problem = error [sage50_file] { $problem }

dry-run-journal = Journal (dry run):
dry-run-tax = TAXD { $account } { $name } { $code }: taxable { $taxable }, tax { $tax }
dry-run-would-reject = the run would be rejected: { $errors }, { $warnings }
dry-run-nothing-new = nothing new: every document was already exported
dry-run-would-write = the Sage 50 file would be written ({ $warnings })
dry-run-done = Dry run: { $status }. Nothing was written: no Sage 50 file, no workbook, nothing recorded in the history.

findings-grouped = { $severity } [{ $rule }]{ $file } { $count } rows; the first { $shown }:
findings-more = … and { $count } more: see the Exceptions sheet of the workbook

file-used = used
file-copy = copy
file-ignored = ignored
file-failed = FAILED
file-used-line = { $name }: { $kind } report{ $sheet }, { $rows } rows{ $accounted }
file-used-sheet = , sheet '{ $sheet }'
file-identical-line = { $name }: identical to { $of } — not read
file-ignored-line = { $name }: { $reason }
file-failed-line = { $name }: see the errors below
no-report-found = (no Plannit sales or payments report found in the inbox)
report-kind-sales = sales
report-kind-payments = payments
report-kind-payouts = payouts
report-kind-receivable = accounts receivable
rows-read = ; { $read } rows read: { $buckets }
rows-posted = { $count } posted
rows-already-exported = { $count } already exported
rows-duplicates = { $count ->
    [one] { $count } merged duplicate
   *[other] { $count } merged duplicates
}
rows-skipped = { $count } skipped
rows-voided = { $count } voided
rows-control = { $count } read as a control
rows-refused = { $count } refused

summary-line = { $sales ->
    [one] { $sales } sales line
   *[other] { $sales } sales lines
}, { $payments ->
    [one] { $payments } payment
   *[other] { $payments } payments
} → { $entries ->
    [one] { $entries } entry
   *[other] { $entries } entries
}, { $lines ->
    [one] { $lines } line
   *[other] { $lines } lines
}; debits { $debits } = credits { $credits }
summary-account = account
summary-debits = debits
summary-credits = credits
summary-net = net

granularity-period = period
granularity-day = day
granularity-document = document
queries-built-in = built-in queries

run-receivable-tie-out = accounts receivable at { $date }: { $customer }, invoice { $invoice }: Plannit { $plannit }, ledger { $ledger } (difference { $difference }): { $cause ->
    [unknown] this invoice is neither in the export history nor in the opening balance; export the sales report that holds it (or record the opening balance with 'plannit2sage history opening')
    [ledger-higher] a payment, credit note or voided invoice is probably missing from the exports
   *[ledger-lower] an invoice, refund or bounced payment is probably missing from the exports
}
run-receivable-undated = this accounts-receivable report gives no date in its title and nothing else in the drop is dated: save it with its title row ("Accounts receivable as of 10/31/2026"), or drop it with the month's sales report
run-tie-out = Tie-out with Plannit ({ $file }, at { $date }): { $invoices ->
    [one] { $invoices } open invoice compared
   *[other] { $invoices } open invoices compared
}, { $differences ->
    [0] no difference
    [one] { $differences } difference, { $difference } in all
   *[other] { $differences } differences, { $difference } in all
}
run-only-controls = Nothing to post: an accounts-receivable report is a control; it was tied out against the ledger.
run-bad-debt-paid = invoice { $invoice } is voided in Plannit but nothing is unpaid on it ({ $balance }): nothing is written off (a paid invoice is refunded, not voided); check it in Plannit
run-bad-debt-too-old = invoice { $invoice } of { $date } is more than four years old: its unpaid part is written off without recovering its GST/QST (Revenu Québec's limit)
run-voided-reversed = invoice { $invoice } voided in Plannit: reversed (exported in batch { $batch })
# An exported invoice kept for the cash basis, voided: nothing posted, and why.
# $policy: reverse or bad_debt; $received: none or some (then $paid was received).
run-voided-unrecognised = invoice { $invoice } voided in Plannit: { $policy ->
        [bad_debt] no bad debt to write off and no tax to recover
       *[reverse] nothing to reverse
    }, the cash basis never recognised its { $unpaid } unpaid{ $received ->
        [none] {""}
       *[some] ; what was received ({ $paid }) stays recognised until it is refunded
    } (exported in batch { $batch })
run-voided-written-off = invoice { $invoice } voided in Plannit: { $unpaid } unpaid written off as a bad debt, { $recovered } of tax recovered (exported in batch { $batch })
