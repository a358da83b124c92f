# What keeps an unattended drop folder safe: a foreign export stopped, a
# batch with warnings shown (or held), a voided batch's files set aside.

## A drop that is not this client's (foreign_export).

foreign-export = this report does not look like this client's: { $signs }; nothing is posted
fix-other-client = in the drop: this export seems to come from another Plannit account; take it out and drop this client's, or, if it is this client (a new catalogue, new customers), accept the batch with 'plannit2sage retry <drop folder> <rejected batch> --accept'
foreign-sign-items = { $foreign } of { $total } catalogue items
foreign-sign-customers = { $foreign } of { $total } customers
foreign-never-seen = { $names } never seen (neither in the configuration nor in the exported batches)
foreign-sign-missing = { $foreign } of { $total } documents exported for these dates missing from this report
foreign-and = { $first } and { $second }
foreign-and-then = { $first }, and { $second }

## watch: a batch's warnings, a batch held for review, a retry that waits.

watch-line-warnings = , { $count ->
    [one] { $count } warning
   *[other] { $count } warnings
}
watch-line-warnings-more = … and { $count ->
    [one] { $count } more of the same kind
   *[other] { $count } more of the same kind
}: see the workbook's Exceptions sheet
watch-line-held = to review ({ $files }): { $count ->
    [one] { $count } warning
   *[other] { $count } warnings
}; nothing is exported until you accept it ([watch] warnings = "hold")
watch-line-held-accept = to export it as it is: plannit2sage retry "{ $root }" { $folder } --accept
watch-line-awaiting = waiting  retry of rejected/{ $folder }: { $why }
watch-held-folder = to-review
watch-retried-folder = rejected-{ $name }
watch-errors-fix-foreign = These files do not look like this client's exports (see the error): take them out and drop this client's in inbox/. If it is this client (a new catalogue, new customers), export this batch as it is: plannit2sage retry "{ $root }" { $folder } --accept

review-title = This batch waits for your review: it was NOT exported to Sage 50 yet.
review-why = { $count ->
    [one] It carries { $count } warning, and the configuration holds such batches ([watch] warnings = "hold"):
   *[other] It carries { $count } warnings, and the configuration holds such batches ([watch] warnings = "hold"):
}
review-more = … and { $count } more [{ $rule }]: see the workbook's Exceptions sheet
review-accept = If all is well, export it as it is: plannit2sage retry "{ $root }" { $folder } --accept
review-fix = Otherwise fix the data in Plannit and drop the new exports, or fix the configuration: this batch is then retried by itself.

retry-note-held = held again for review ({ $count ->
    [one] { $count } warning
   *[other] { $count } warnings
}): see A-VERIFIER-TO-REVIEW.txt
retry-resolved = This batch was retried on { $time } and waits for nothing more: { $result }.

## status: the last batch's warnings, a voided batch, batches held.

status-voided = { "  " }VOIDED on { $time }: its files were set aside in out/annulés; do not import it
status-reversal = { "  " }its reversing entry, for Sage 50: { $file }
status-last-valid = last valid batch: { $batch }, on { $time }, period { $period }, debits ${ $debits }
status-no-valid-batch = no valid batch: every exported batch was voided
status-warnings = warnings of batch { $batch }: { $count }
status-held = { $count ->
    [one] batch to review
   *[other] batches to review
}: { $names } ('plannit2sage retry "{ $root }" NAME --accept' exports it as it is)

## watch: what a rejected batch waits for.

waiting-settling = the configuration was just saved: retried in { $seconds } s, once it has not changed for --quiet seconds
waiting-unchanged = configuration unchanged since the rejection: fix what ERREURS-ERRORS.txt says (the retry then happens by itself), or 'plannit2sage retry "{ $root }" { $folder }'
waiting-review = to review: see A-VERIFIER-TO-REVIEW.txt; 'plannit2sage retry "{ $root }" { $folder } --accept' exports it as it is

## history void: a voided batch's files set aside, the reversal of an imported batch.

sage-reversal = Reversal batch { $batch }
sage-reversal-dated = Reversal batch { $batch } of { $date }
void-set-aside = set aside, not to import: { $path }
void-left = { $path }: { $reason }; take it out of out/ yourself so that it is not imported by mistake
void-file-not-found = file not found
void-reversal-written = reversing entry: { $path } ({ $entries ->
    [one] { $entries } entry
   *[other] { $entries } entries
}, debits { $debits }): import it into Sage 50 to reverse the batch
void-no-entries = batch { $batch } was recorded before the history kept its entries, and its Sage file { $file } is missing or changed since: its reversal cannot be written; put the exported file back, or reverse the batch by hand in Sage 50
void-after-year-end = batch { $batch } has an entry dated { $date }, after the configuration's fiscal year end { $year_end }: Sage 50 would not accept its reversal; correct [sage50] fiscal_year_end if the year changed
void-sage-problem = the reversal of batch { $batch } would not pass Sage 50's import: { $problem }
void-already-reversed = batch { $batch } is void already and its reversal already written: { $file }

## A drop folder named to the analyst's tools, history and run.

run-drop-folder = { $folder } is a drop folder: 'plannit2sage watch "{ $folder }" --once' processes its inbox (and files its inputs); 'plannit2sage run "{ $folder }" --dry-run' shows what it would give without writing anything
folder-batch-needs-drop-folder = { $folder }: --batch reads the archived files of a drop folder (made by 'plannit2sage init'); this folder is not one
folder-no-batch = { $folder }: no batch exported yet, nothing archived to read
folder-batch-not-archived = no archived files for batch { $batch } in { $archive } (archived batches: { $archived })
