# plannit2sage verify: Sage 50's general ledger read back and compared with the export history.

## Sage 50's General Ledger report

verify-ledger-problem = { $location }: { $message }
verify-ledger-column-missing = this general ledger has no '{ $column }' column (headers accepted: { $aliases }); name your header under [columns.sage_ledger] { $column } = ["..."] in the config
verify-ledger-no-date = this posting has no date
verify-ledger-no-account = this posting has no account: neither an account column nor an account heading row above it
verify-ledger-no-entry-number = this row has a date and an amount but no journal entry number (JE #)
verify-ledger-unreadable = { $file }: cannot read the general ledger: { $reason }
verify-ledger-not-a-ledger = { $file }: this is not a Sage 50 General Ledger report (no header with the date, source, JE #, debits and credits in the first { $rows } rows); in Sage 50: Reports > Financials > General Ledger, detail, then Export (Excel or CSV)
verify-ledger-problems = { $file }: { $count ->
    [one] { $count } problem keeps this general ledger from being read
   *[other] { $count } problems keep this general ledger from being read
}:
verify-ledger-no-dates = { $file }: this general ledger has no posting and its title gives no period: which batches it covers cannot be told; export it with a date range
verify-fix-date-order = → to fix: in the configuration: [input] date_order ("mdy" when Sage writes the month first, "dmy" the day first)
verify-fix-columns = → to fix: export the general ledger from Sage 50 again with the '{ $column }' column, or name its header under [columns.sage_ledger] in the config
verify-fix-export-again = → to fix: export the general ledger from Sage 50 again (Reports > Financials > General Ledger, detail) without editing it

## The verification

verify-no-history = { $path }: no export history here: nothing to verify; name it with --history, or the configuration it sits beside with --config
verify-unverifiable-no-file = recorded before the history kept entries, and without a Sage file
verify-unverifiable-missing = recorded before the history kept entries, and its Sage file { $file } is no longer there: put it back to verify it
verify-unverifiable-changed = recorded before the history kept entries, and its Sage file { $file } changed since: put the original file back to verify it

# What the verification finds for a batch ($count: how many batches).
verify-verdict = { $verdict ->
    [landed_once] landed once
    [not_found] not found in Sage
    [landed_twice] landed twice
    [landed_different] landed different
    [void_absent] void, not in Sage
    [void_reversed] void and reversed in Sage
    [void_found] void but found in Sage
   *[cannot_verify] cannot be verified
}

## The terminal

verify-heading = plannit2sage { $version }: verifying Sage 50's general ledger against the history { $history }
verify-file = read  { $file }: { $dates_from ->
    [title] { $first } to { $last } (as its title states)
   *[postings] { $first } to { $last } (its first and last postings)
}, { $postings ->
    [one] { $postings } line
   *[other] { $postings } lines
}, { $entries ->
    [one] { $entries } entry
   *[other] { $entries } entries
}
verify-batch = batch { $batch } ({ $first } → { $last }): { $verdict }
verify-batch-not-found-why = not imported yet, or imported into another company
verify-verdict-why = { $verdict } ({ $why })
verify-batch-not-covered = { $count ->
    [one] { $count } entry dated outside the report, not checked
   *[other] { $count } entries dated outside the report, not checked
}
verify-entry-twice = { $source } of { $date }: found { $count } times, Sage entries { $je }
verify-entry-missing = { $source } of { $date }: not in Sage
verify-entry-different = { $source } of { $date } (Sage entry { $je }): { $differences }
verify-entry-other-date = dated { $date } in Sage
verify-entry-account = account { $account }: expected { $expected }, in Sage { $found }
verify-entry-void-found = { $source } of { $date }: in Sage, entry { $je }
verify-entry-void-unreversed = { $source } of { $date }: in Sage (entry { $je }), without its reversal
verify-entry-reversal-only = { $source } of { $date }: its reversal is in Sage (entry { $je }), but not the original entry
verify-entries-more = … and { $count ->
    [one] { $count } more (see the workbook)
   *[other] { $count } more (see the workbook)
}
verify-todo-twice = → to do in Sage 50: reverse the extra entry (the last one imported); the file was imported more than once
verify-todo-not-found = → to do: import the batch's Sage file into this company; if it must never be, void the batch (plannit2sage history void { $batch } --yes)
verify-todo-different = → to do in Sage 50: correct the entry so that it matches the batch's file (the expected amounts are the file's)
verify-todo-void-reversal = → to do: each entry of this batch, voided after it was imported, must be in Sage with its reversal ({ $file }): import what is missing, or reverse what is extra
verify-todo-void-found = → to do: this batch is void in the history but it is in Sage; reverse the entry in Sage 50, or, if it must stay, do not export its documents again
verify-no-batch = No batch of the history is dated within the report's dates.
verify-outside-heading = { $count ->
    [one] { $count } posting made outside the tool in its accounts ({ $accounts }):
   *[other] { $count } postings made outside the tool in its accounts ({ $accounts }):
}
verify-outside-line = { $date }  source { $source }  "{ $comment }"  account { $account }  { $side ->
    [debit] debit
   *[credit] credit
} { $amount }  (Sage entry { $je })
verify-todo-outside = → to do: the same action done in both systems? If Plannit exported it too, reverse the entry typed in Sage 50; otherwise, record it in Plannit rather than in Sage.
verify-note-no-config = without a configuration, postings made outside the tool are not looked for (give --config)
verify-note-unreported = accounts not in the report, not compared: { $accounts }
verify-summary = Result: { $batches }.
verify-summary-with-outside = Result: { $batches }; { $outside }.
verify-summary-outside = { $count ->
    [one] { $count } posting outside the tool
   *[other] { $count } postings outside the tool
}
verify-summary-count = { $count ->
    [one] { $count } batch { $verdict }
   *[other] { $count } batches { $verdict }
}
verify-summary-none = no batch verified
verify-all-right = Every batch covered landed exactly once in Sage 50, and nothing was posted outside the tool.
verify-workbook = Verification workbook: { $path }
verify-recorded = Verification recorded in the export history ({ $history }).

## The workbook

verify-wb-summary = Summary
verify-wb-batches = Batches
verify-wb-twice = Landed twice
verify-wb-missing = Not found
verify-wb-different = Different
verify-wb-void-found = Void found
verify-wb-outside = Outside the tool
verify-wb-title = Sage 50 general ledger verification
verify-wb-status = Status
verify-wb-all-right = ALL MATCH
verify-wb-discrepancies = DISCREPANCIES TO FIX
verify-wb-company = Company
verify-wb-dates = Dates verified
verify-wb-owned = The tool's accounts
verify-wb-unreported = Accounts not in the report (not compared)
verify-wb-history = Export history
verify-wb-config = Configuration
verify-wb-version = Version
verify-wb-verified-at = Verified at
verify-wb-findings = Findings
verify-wb-outside-count = Lines posted outside the tool
verify-wb-files = General ledgers read
verify-wb-dates-title = its title
verify-wb-dates-postings = its postings
verify-wb-status-done = exported
verify-wb-status-void = void
verify-wb-column = { $key ->
    [batch] Batch
    [status] Batch status
    [first_date] First date
    [last_date] Last date
    [verdict] Finding
    [reversed_by] Sage reversal
    [batches] Batches
    [entries] Entries
    [checked] Checked
    [once] Once
    [twice] Twice or more
    [missing] Not found
    [different] Different
    [not_covered] Outside the report's dates
    [detail] Detail
    [date] Date
    [source] Source
    [comment] Comment
    [je] Sage JE #
    [times] Times
    [debits] Debits
    [found_date] Date in Sage
    [account] Account
    [account_name] Account name
    [expected] Expected (Sage file)
    [found] In Sage
    [difference] Difference
    [debit] Debit
    [credit] Credit
    [file] File
    [row] Row
    [company] Title
    [dates_from] Dates from
    [postings] Lines
   *[sha256] SHA-256
}

## --help

help-cmd-verify = Read back the general ledger exported from Sage 50 and check that every batch landed exactly once
help-arg-verify-files = Sage 50's General Ledger report, exported to Excel or CSV (several files allowed)
    .value = FILE
help-arg-verify-config = Configuration (the tool's accounts, headers, date order) [default: beside the history, else ./plannit2sage.toml]
    .value = CONFIG
help-arg-verify-history = Export history file [default: plannit2sage.sqlite beside the config]
    .value = HISTORY
help-arg-verify-out = Folder of the verification workbook [default: the first report's]
    .value = FOLDER
verify-problems-more = … and { $count ->
    [one] { $count } more problem
   *[other] { $count } more problems
}

## The drop folder

watch-verification-folder = verification
watch-line-verified = general ledger verified ({ $files }): { $result }
watch-line-verification-failed = general ledger not verified ({ $files }):
watch-line-verification-in = report, workbook and result (VERIFICATION.txt) in { $folder }

## history and status

verify-history-line = verified { $time }: { $verdict } (general ledger { $first } to { $last })
verify-status-line = last general ledger verification: { $time }, { $first } to { $last } ({ $files }): { $batches }
