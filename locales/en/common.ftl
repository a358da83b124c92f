# Messages shared by every command: findings, locations, where to fix, counts.

severity-error = error
severity-warning = warning
# $location starts with a space when there is one.
finding-line = { $severity } [{ $rule }]{ $location }: { $message }
location-sheet = sheet '{ $sheet }'
location-row = row { $row }
location-column = column '{ $column }'
location-document = document { $document }

finding-fix = → fix: { $fix }
fix-plannit = in Plannit: correct the data, export again and drop the new export
fix-config = in the configuration: { $key } in { $file }
fix-dropped-file = in the dropped file: it is damaged or not a Plannit export; export it again or take it out
fix-history = in the export history: run again with --adjust to post the difference, or, if batch { $batch } was never imported into Sage 50, void it (plannit2sage history void { $batch } --yes)
fix-queries = in the queries: { $file }

count-errors = { $count ->
    [one] { $count } error
   *[other] { $count } errors
}
count-warnings = { $count ->
    [one] { $count } warning
   *[other] { $count } warnings
}
prefixed = { $prefix }: { $message }
error-prefix = error
warning-prefix = warning
note-prefix = note

## What the system answered (files and folders)

io-not-found = not found (no file or folder at this path)
io-permission-denied = access denied (not enough rights, or the file is open in another program)
io-is-a-directory = it is a folder, not a file
io-not-a-directory = it is a file, not a folder
io-already-exists = already exists
io-directory-not-empty = the folder is not empty
io-storage-full = the disk is full
io-read-only = the location is read-only
io-busy = the file is in use by another program
io-invalid-filename = this file name is not allowed
