# The command line: --help of every command, clap's own words, its errors,
# and what the program says when started without an argument.
#
# help-cmd-<command path> describes a command; help-arg-<command path>-<argument>
# an argument (.value: its placeholder; .<value>: what a possible value means).

## Clap's words

help-usage-heading = Usage:
# Headings end with a colon, which the code moves where clap puts it.
help-heading-commands = Commands:
help-heading-arguments = Arguments:
help-heading-options = Options:
help-command-value = COMMAND
help-default = [default: { $value }]
help-possible-values = [possible values: { $values }]
help-possible-values-heading = Possible values:
help-value-line = { $value }: { $meaning }
help-env = [env: { $var }]
help-flag-help = Print help
help-flag-help-more = Print help (see more with '--help')
help-flag-help-summary = Print help (see a summary with '-h')
help-flag-version = Print version
help-subcommand = Print this message or the help of the given subcommand
help-subcommand-command = The subcommand to print the help of
    .value = COMMAND

## Commands and their arguments

help-cmd = Plannit sales and payments exports → Sage 50 General Journal import file
help-arg-lang = Language of messages, error files and the workbook [default: the config's [report] lang, else fr]
    .value = LANG

help-cmd-run = Read every Plannit export in INBOX and write the Sage 50 import file
help-arg-run-inbox = Folder holding the Plannit exports (.xlsx, .xls, .ods, .csv); with --dry-run, also a client's drop folder
    .value = INBOX
help-arg-run-config = Configuration file [default: INBOX/plannit2sage.toml, then ./plannit2sage.toml]
    .value = CONFIG
help-arg-run-out = Output folder [default: out/ beside the inbox]
    .value = OUT
help-arg-run-granularity = One entry for the batch, per day, or per document [default: from the config, else period]
    .value = GRANULARITY
    .period = One entry for the whole batch, as Plannit's own export does
    .day = One entry per date
    .document = One entry per invoice, payment, deposit or refund
help-arg-run-queries = Folder with journal/*.sql and checks/*.sql [default: the built-in queries]
    .value = QUERIES
help-arg-run-history = Export history file [default: plannit2sage.sqlite beside the config]
    .value = HISTORY
help-arg-run-adjust = Post documents changed since they were exported as adjusting entries (the difference)
help-arg-run-timings = Print the time and memory of each stage on stderr
help-arg-run-dry-run = Show the journal, findings and totals without writing anything (no Sage file, workbook or history)

help-cmd-history = List the batches of the export history, show one, void one, acknowledge an exported document's absence, or record the receivable's opening balance
help-arg-history-folder = A client's drop folder: its configuration and history
    .value = FOLDER
help-arg-history-config = Configuration, to find the history beside it [default: ./plannit2sage.toml]
    .value = CONFIG
help-arg-history-history = Export history file [default: plannit2sage.sqlite beside the config]
    .value = HISTORY
help-cmd-history-show = List the documents a batch posted, with their amounts per account
help-arg-history-show-batch = The batch, as 'history' names it
    .value = BATCH
help-cmd-history-void = Mark a batch as never imported into Sage 50 (import failed or rolled back), so that its documents can be exported again. Recorded, never deleted
help-arg-history-void-batch = The batch, as 'history' names it
    .value = BATCH
help-arg-history-void-yes = Confirm: voiding lets the batch's documents be posted again
help-arg-history-void-note = Why the batch is voided, kept in the history
    .value = NOTE
help-arg-history-void-imported = The batch was already imported into Sage 50: also write the Sage file reversing it (sage50-annulation-BATCH.txt), to import
help-cmd-history-acknowledge = Acknowledge that an exported document missing from the exports since (voided in Plannit) no longer exists and was settled in Sage 50: recorded with the note and the date, it is no longer warned about as missing
help-arg-history-acknowledge-document = The document: its number (F-1005) or key (invoice:F-1005), as 'history show' shows them
    .value = DOCUMENT
help-arg-history-acknowledge-note = Why it no longer exists and how it was settled, kept in the history
    .value = NOTE
help-cmd-history-opening = Record the receivable's opening balance: the invoices open in Plannit's accounts-receivable report at the adoption date, already in Sage's books. Posts nothing; their payments then apply to them. One opening at a time (void it to replace it)
help-arg-history-opening-file = Plannit's accounts-receivable report (xlsx, xls, ods or csv)
    .value = FILE
help-arg-history-opening-as-of = The date the report's balances are at, when its title does not say (YYYY-MM-DD)
    .value = DATE
help-date-format = expected a date written YYYY-MM-DD

help-cmd-init = Create a drop folder: inbox/, out/, archive/, rejected/ and a commented plannit2sage.toml
help-arg-init-folder = The folder to lay out (created if needed; nothing is overwritten)
    .value = FOLDER
help-arg-init-from = A folder of Plannit exports: every catalogue item and payment method found is listed in the configuration, commented out, to complete
    .value = INBOX
help-arg-init-table = With --from: list the items in a mapping table (produits.csv, opens in Excel) read through [mapping] products_file, instead of under [products]

help-cmd-retry = Run the rejected batches of a drop folder again, once the configuration (or the mapping table, or the chart) is fixed
help-arg-retry-folder = A client's drop folder, or a folder holding one per client
    .value = FOLDER
help-arg-retry-name = The rejected batch's folder name under rejected/ [default: every rejected batch]
    .value = NAME
help-arg-retry-adjust = Post changed documents as adjusting entries (see 'run --adjust')
help-arg-retry-accept = Export batch NAME as it is: its warnings reviewed ([watch] warnings = "hold"), or an export unlike this client's earlier ones

help-cmd-watch = Process exports dropped in FOLDER/inbox as they arrive (Ctrl-C stops after the current batch)
help-arg-watch-folder = A folder laid out by 'plannit2sage init', or a folder holding one such folder per client
    .value = FOLDER
help-arg-watch-once = Process what is in the inbox, then exit (for Task Scheduler or cron)
help-arg-watch-quiet = Seconds a file must stay unchanged before it is read
    .value = QUIET
help-arg-watch-rescan = Seconds between rescans of the inbox, for folders that miss file events
    .value = RESCAN
help-arg-watch-adjust = Post changed documents as adjusting entries (see 'run --adjust')

help-cmd-sample-data = Write realistic made-up Plannit exports (and their expected totals) for trials and benchmarks
help-arg-sample-data-out = Folder to write into (with a matching plannit2sage.toml)
    .value = OUT
help-arg-sample-data-lines = Detailed sales report lines
    .value = LINES
help-arg-sample-data-payments = Payments report rows
    .value = PAYMENTS
help-arg-sample-data-seed = Seed of the random draws: the same seed writes the same files
    .value = SEED
help-arg-sample-data-format = Format of the sales report
    .value = FORMAT

help-cmd-status = Where each client of a folder stands: last export, last rejection, files waiting, money in transit
help-arg-status-root = A client's drop folder, or a folder holding one per client
    .value = ROOT

help-cmd-schedule = Print the Task Scheduler (Windows) or cron command that runs 'watch --once' regularly
help-arg-schedule-folder = A client's drop folder, or a folder holding one per client
    .value = FOLDER
help-arg-schedule-every = How often: 15m, 1h
    .value = EVERY

help-cmd-sql = Run one SQL query over the tables the journal queries see (nothing is written)
help-arg-sql-inbox = Folder holding the Plannit exports, or a client's drop folder (its inbox, configuration and history)
    .value = INBOX
help-arg-sql-batch = Read the files archived for a batch of the drop folder: 'last' (the last exported) or its id
    .value = BATCH
help-arg-sql-query = The query (or use --file)
    .value = QUERY
help-arg-sql-file = Read the query from a file
    .value = FILE
help-arg-sql-config = Configuration file [default: INBOX/plannit2sage.toml, then ./plannit2sage.toml]
    .value = CONFIG
help-arg-sql-queries = Folder with views/, journal/ and checks/ [default: the built-in queries]
    .value = QUERIES
help-arg-sql-history = Export history file [default: plannit2sage.sqlite beside the config]
    .value = HISTORY
help-arg-sql-format = How the result is printed
    .value = FORMAT
    .table = Aligned columns, for reading
    .xlsx = A workbook (needs --out)
help-arg-sql-out = Write the result to this file instead of the terminal
    .value = OUT

help-cmd-tables = List the tables the queries see, with their columns, types and row counts
help-arg-tables-inbox = Folder holding the Plannit exports, or a client's drop folder (its inbox, configuration and history)
    .value = INBOX
help-arg-tables-batch = Read the files archived for a batch of the drop folder: 'last' (the last exported) or its id
    .value = BATCH
help-arg-tables-config = Configuration file [default: INBOX/plannit2sage.toml, then ./plannit2sage.toml]
    .value = CONFIG
help-arg-tables-queries = Folder with views/, journal/ and checks/ [default: the built-in queries]
    .value = QUERIES
help-arg-tables-history = Export history file [default: plannit2sage.sqlite beside the config]
    .value = HISTORY

help-cmd-test-queries = Run the query tests of a queries folder (queries/tests/<case>/)
help-arg-test-queries-queries = The queries folder
    .value = QUERIES

help-cmd-check = Validate an existing Sage 50 General Journal import file and print its entries
help-arg-check-file = The import file
    .value = FILE
help-arg-check-config = Configuration giving field limits and encoding [default: ./plannit2sage.toml if present, else strict defaults]
    .value = CONFIG

## Errors of the command line (clap's, told in the catalogue's words)

cli-unknown-argument = unexpected argument '{ $arg }' found
cli-unknown-command = unrecognized subcommand '{ $name }'
cli-not-command-or-folder = '{ $name }' is neither a command nor an existing folder
cli-file-not-folder = '{ $name }' is a file: give the folder holding the exports (or drop that folder on the program)
cli-missing-required = the following required { $count ->
    [one] argument was
   *[other] arguments were
} not provided:
cli-value-required = a value is required for '{ $arg }' but none was supplied
cli-invalid-value = invalid value '{ $value }' for '{ $arg }'
cli-missing-command = '{ $command }' requires a subcommand but one was not provided
cli-commands = [subcommands: { $commands }]
cli-used-twice = the argument '{ $arg }' cannot be used multiple times
cli-conflict = the argument '{ $arg }' cannot be used with '{ $other }'
cli-similar-command = tip: { $count ->
    [one] a similar subcommand exists
   *[other] some similar subcommands exist
}: { $names }
cli-similar-argument = tip: { $count ->
    [one] a similar argument exists
   *[other] some similar arguments exist
}: { $names }
cli-similar-value = tip: { $count ->
    [one] a similar value exists
   *[other] some similar values exist
}: { $names }
cli-quoted = '{ $name }'
cli-try-help = For more information, try '{ $help }'.

## Started without an argument; a console window of its own

launch-guide =
    plannit2sage turns Plannit's sales and payments exports into a Sage 50
    General Journal import file.

    To process a folder, drop it on { $program }:
    {"  "}- a folder of Plannit exports: the Sage file and the reconciliation
    {"    "}workbook are written to out/, beside the folder;
    {"  "}- a drop folder (laid out by 'init', with inbox/): the exports waiting
    {"    "}in inbox/ are processed, as by 'watch FOLDER --once'.

    Or type, in a command prompt:
    {"  "}plannit2sage run FOLDER                    processes the exports in FOLDER
    {"  "}plannit2sage init FOLDER --from EXPORTS    lays out a drop folder
    {"  "}plannit2sage --help                        every command
launch-press-enter = Press Enter to close this window.
