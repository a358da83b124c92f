# `init`, `watch` and `retry`: the drop folder.

watch-watching = Watching { $inbox } (Ctrl-C to stop after the current batch)
watch-spinner = waiting for complete files, then processing…
watch-bad-durations = --quiet and --rescan take a number of seconds
watch-stopped = Stopped: { $exported ->
    [one] { $exported } batch exported
   *[other] { $exported } batches exported
}, { $rejected } rejected, { $held ->
    [0] {""}
   *[other] { $held } to review,{" "}
}{ $nothing_new } with nothing new, { $duplicates ->
    [one] { $duplicates } duplicate file
   *[other] { $duplicates } duplicate files
}.
watch-inbox-unreachable = [{ $client }] { $inbox }: the inbox is not reachable; waiting for it to come back
watch-client-problem = [{ $client }] { $problem }

watch-line-exported = exported  batch { $batch } ({ $files }): { $entries ->
    [one] { $entries } entry
   *[other] { $entries } entries
}, debits { $debits }{ $warnings } → { $sage_file }
watch-line-nothing-new = nothing new ({ $files }): every document was already exported{ $warnings }
watch-line-controlled = control ({ $files }): accounts-receivable report tied out against the sub-ledger, nothing to post{ $warnings }
watch-line-duplicate = duplicate ({ $files }): { $why }
watch-already-processed = already processed
watch-line-rejected = rejected ({ $files }): { $count ->
    [one] { $count } error
   *[other] { $count } errors
}
watch-line-waiting = waiting ({ $files }): the files are still open in another program
watch-line-moved-to = files and explanation in { $folder }
watch-line-retry = retry of { $folder }:

watch-duplicate-processed = { $file }: this exact file was already processed in batch { $batch }: nothing posted
watch-duplicate-identical = { $file }: identical to { $of } — not read
watch-files-busy = cannot take the files out of the inbox yet: { $reason }
watch-already-exported-folder = already-exported
watch-control-folder = control
watch-nothing-to-post = nothing to post: no sales or payments report with an amount was found

watch-errors-title = This batch was NOT exported to Sage 50.
watch-errors-fix-config = Fix the configuration: { $keys }. Once the file is saved, 'plannit2sage watch' retries this batch by itself (or run 'plannit2sage retry <drop folder> { $folder }'); do not move the files.
watch-errors-fix-plannit = Fix the data in Plannit, export the reports again and drop the new files in inbox/.
watch-errors-fix-file = Replace the damaged or unrecognised file: export it again from Plannit and drop it in inbox/ (or take it out, or list it under [input] ignore).
watch-errors-fix-history = Documents changed since they were exported: retry this batch with 'plannit2sage retry <drop folder> { $folder } --adjust' to post the differences, or void the exported batch if it was never imported (see each error).
watch-errors-missing-items = Items to map: { $path } (fill in the account column, then add its rows to the mapping table or under [products])
watch-errors-details = Details: { $path }

retry-note-attempt = Retried on { $time }:
retry-note-exported = exported as batch { $batch }; the files are in { $moved_to }
retry-note-nothing-new = nothing new: every document was already exported; the files are in { $moved_to }
retry-note-controlled = control: the accounts-receivable report was tied out against the sub-ledger, nothing to post; the files are in { $moved_to }
retry-note-duplicate = these files were already processed; they are in { $moved_to }
retry-note-rejected = rejected again ({ $count ->
    [one] { $count } error
   *[other] { $count } errors
}): see ERREURS-ERRORS.txt
retry-no-drop-folder = { $folder }: not a drop folder (no inbox/ nor plannit2sage.toml), nor a folder of client drop folders
retry-not-found = no rejected batch named '{ $name }' waits in { $folder }/rejected (the folder names are the times of rejection)
retry-nothing = No rejected batch is waiting: nothing to retry.

init-created = created { $path }
init-ready = Drop folder ready. Fill in the accounts in { $config }, then drop Plannit exports in { $inbox } and run 'plannit2sage watch { $folder }'.
init-survey = Read { $files ->
    [one] { $files } export
   *[other] { $files } exports
}: { $items ->
    [one] { $items } catalogue item
   *[other] { $items } catalogue items
} and { $methods ->
    [one] { $methods } payment method
   *[other] { $methods } payment methods
} to map.
init-config-kept = { $path } already exists and was left as it is: the items found are not in it

survey-table-item = Item
survey-table-account = Account
survey-table-lines = Lines
survey-table-amount = Amount
survey-table-comment = item → account table: fill in the Account column in Excel
survey-products-comment = { $count ->
    [one] { $count } item found in the exports: fill in its account and remove the '#' of its line
   *[other] { $count } items found in the exports: fill in the account and remove the '#' of each line
}
survey-products-in-table = the items are in produits.csv (see [mapping] below)
survey-methods-comment = { $count ->
    [one] { $count } payment method found: map it if it is not deposited in the bank account (remove the '#'); Plannit Pay goes to [accounts] plannit_pay_clearing
   *[other] { $count } payment methods found: map the ones not deposited in the bank account (remove the '#'); Plannit Pay goes to [accounts] plannit_pay_clearing
}
survey-item-tally = { $count ->
    [one] { $count } line
   *[other] { $count } lines
}, { $amount }
survey-method-tally = { $count ->
    [one] { $count } payment
   *[other] { $count } payments
}, { $amount }

watch-error-io = { $path }: { $reason }
watch-error-no-config = { $path }: no configuration: run 'plannit2sage init { $folder }' and fill in the accounts
watch-error-notify = { $path }: cannot watch the folder: { $reason }
watch-error-signal = cannot install the Ctrl-C handler: { $reason }
survey-needs-found = found in the exports: { $found }
survey-needs-hst = { $count ->
    [one] { $count } invoice with HST
   *[other] { $count } invoices with HST
} (${ $amount })
survey-needs-plannit-pay = { $count ->
    [0] a Plannit Pay payouts report
    [one] { $count } Plannit Pay payment
   *[other] { $count } Plannit Pay payments
} (${ $amount })
survey-needs-fees = { $count ->
    [one] { $count } Plannit Pay payout
   *[other] { $count } Plannit Pay payouts
}, ${ $amount } in fees
survey-needs-tips = { $count ->
    [one] { $count } payment with a tip
   *[other] { $count } payments with a tip
} (${ $amount })
survey-needs-deposits = { $count ->
    [one] { $count } deposit received
   *[other] { $count } deposits received
} (${ $amount }); fill in this account, or put the "#" back to post deposits to the receivable
