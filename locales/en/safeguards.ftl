# What keeps an unattended drop folder safe: a foreign export stopped, a
# batch with warnings shown (or held), a voided batch's files set aside.

## A drop that is not this client's (foreign_export).

foreign-export = this report does not look like this client's: { $signs }; nothing is posted. Check which Plannit account the export comes from and drop this client's; if it is this client (a new catalogue, new customers), export this batch as it is with 'plannit2sage retry <drop folder> <rejected batch> --accept'
foreign-sign-items = { $foreign } of { $total } catalogue items
foreign-sign-customers = { $foreign } of { $total } customers
foreign-never-seen = { $names } never seen (neither in the configuration nor in the exported batches)
foreign-sign-missing = { $foreign } of { $total } documents exported for these dates missing from this report
foreign-and = { $first } and { $second }
foreign-and-then = { $first }, and { $second }
