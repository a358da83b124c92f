//! The command line as the user types it. Each subcommand's work lives in
//! `cmd::<name>`; nothing past this module looks at raw flags.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::config::{Granularity, Lang};

#[derive(Debug, Parser)]
#[command(
    name = "plannit2sage",
    version,
    about = "Plannit sales and payments exports → Sage 50 General Journal import file"
)]
pub struct Cli {
    /// Language of messages, error files and the workbook [default: the config's [report] lang, else fr].
    #[arg(long, value_enum, global = true, env = "PLANNIT2SAGE_LANG")]
    pub lang: Option<LangArg>,
    #[command(subcommand)]
    pub command: Command,
}

/// `--granularity`, as typed; the domain type is [`Granularity`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum GranularityArg {
    /// One entry for the whole batch, as Plannit's own export does.
    Period,
    /// One entry per date.
    Day,
    /// One entry per invoice, payment, deposit or refund.
    Document,
}

impl From<GranularityArg> for Granularity {
    fn from(arg: GranularityArg) -> Granularity {
        match arg {
            GranularityArg::Period => Granularity::Period,
            GranularityArg::Day => Granularity::Day,
            GranularityArg::Document => Granularity::Document,
        }
    }
}

/// `--lang`, as typed; the domain type is [`Lang`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LangArg {
    Fr,
    En,
}

impl From<LangArg> for Lang {
    fn from(arg: LangArg) -> Lang {
        match arg {
            LangArg::Fr => Lang::Fr,
            LangArg::En => Lang::En,
        }
    }
}

/// How `sql` prints its result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SqlFormat {
    /// Aligned columns, for reading.
    Table,
    Csv,
    Json,
    /// A workbook (needs --out).
    Xlsx,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum SampleFormat {
    Csv,
    Xlsx,
}

#[derive(Debug, Subcommand)]
pub enum HistoryAction {
    /// List the documents a batch posted, with their amounts per account.
    Show { batch: String },
    /// Mark a batch as never imported into Sage 50 (import failed or rolled
    /// back), so that its documents can be exported again. Recorded, never deleted.
    Void {
        batch: String,
        /// Confirm: voiding lets the batch's documents be posted again.
        #[arg(long)]
        yes: bool,
        /// Why the batch is voided, kept in the history.
        #[arg(long, default_value = "")]
        note: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read every Plannit export in INBOX and write the Sage 50 import file.
    Run {
        /// Folder holding the Plannit exports (.xlsx, .xls, .ods, .csv).
        inbox: PathBuf,
        /// Configuration file [default: INBOX/plannit2sage.toml, then ./plannit2sage.toml].
        #[arg(long)]
        config: Option<PathBuf>,
        /// Output folder [default: out/ beside the inbox].
        #[arg(long)]
        out: Option<PathBuf>,
        /// One entry for the batch, per day, or per document [default: from the config, else period].
        #[arg(long, value_enum)]
        granularity: Option<GranularityArg>,
        /// Folder with journal/*.sql and checks/*.sql [default: the built-in queries].
        #[arg(long)]
        queries: Option<PathBuf>,
        /// Export history file [default: plannit2sage.sqlite beside the config].
        #[arg(long)]
        history: Option<PathBuf>,
        /// Post documents changed since they were exported as adjusting entries (the difference).
        #[arg(long)]
        adjust: bool,
        /// Print the time and memory of each stage on stderr.
        #[arg(long)]
        timings: bool,
        /// Show the journal, findings and totals without writing anything (no Sage file, workbook or history).
        #[arg(long)]
        dry_run: bool,
    },
    /// List the batches of the export history, show one, or void one.
    History {
        /// Configuration, to find the history beside it [default: ./plannit2sage.toml].
        #[arg(long)]
        config: Option<PathBuf>,
        /// Export history file [default: plannit2sage.sqlite beside the config].
        #[arg(long)]
        history: Option<PathBuf>,
        #[command(subcommand)]
        action: Option<HistoryAction>,
    },
    /// Create a drop folder: inbox/, out/, archive/, rejected/ and a commented plannit2sage.toml.
    Init {
        /// The folder to lay out (created if needed; nothing is overwritten).
        folder: PathBuf,
        /// A folder of Plannit exports: every catalogue item and payment method
        /// found is listed in the configuration, commented out, to complete.
        #[arg(long, value_name = "INBOX")]
        from: Option<PathBuf>,
        /// With --from: list the items in a mapping table (produits.csv, opens in
        /// Excel) read through [mapping] products_file, instead of under [products].
        #[arg(long, requires = "from")]
        table: bool,
    },
    /// Run the rejected batches of a drop folder again, once the configuration
    /// (or the mapping table, or the chart) is fixed.
    Retry {
        /// A client's drop folder, or a folder holding one per client.
        folder: PathBuf,
        /// The rejected batch's folder name under rejected/ [default: every rejected batch].
        name: Option<String>,
        /// Post changed documents as adjusting entries (see 'run --adjust').
        #[arg(long)]
        adjust: bool,
    },
    /// Process exports dropped in FOLDER/inbox as they arrive (Ctrl-C stops after the current batch).
    Watch {
        /// A folder laid out by 'plannit2sage init', or a folder holding one such folder per client.
        folder: PathBuf,
        /// Process what is in the inbox, then exit (for Task Scheduler or cron).
        #[arg(long)]
        once: bool,
        /// Seconds a file must stay unchanged before it is read.
        #[arg(long, default_value_t = 5.0)]
        quiet: f64,
        /// Seconds between rescans of the inbox, for folders that miss file events.
        #[arg(long, default_value_t = 10.0)]
        rescan: f64,
        /// Post changed documents as adjusting entries (see 'run --adjust').
        #[arg(long)]
        adjust: bool,
    },
    /// Write realistic made-up Plannit exports (and their expected totals) for trials and benchmarks.
    SampleData {
        /// Folder to write into (with a matching plannit2sage.toml).
        out: PathBuf,
        /// Detailed sales report lines.
        #[arg(long, default_value_t = 3000)]
        lines: usize,
        /// Payments report rows.
        #[arg(long, default_value_t = 1000)]
        payments: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Format of the sales report.
        #[arg(long, value_enum, default_value = "csv")]
        format: SampleFormat,
    },
    /// Where each client of a folder stands: last export, last rejection, files waiting, money in transit.
    Status {
        /// A client's drop folder, or a folder holding one per client.
        root: PathBuf,
    },
    /// Print the Task Scheduler (Windows) or cron command that runs 'watch --once' regularly.
    Schedule {
        /// A client's drop folder, or a folder holding one per client.
        folder: PathBuf,
        /// How often: 15m, 1h.
        #[arg(long, default_value = "15m")]
        every: String,
    },
    /// Run one SQL query over the tables the journal queries see (nothing is written).
    Sql {
        /// Folder holding the Plannit exports.
        inbox: PathBuf,
        /// The query (or use --file).
        query: Option<String>,
        /// Read the query from a file.
        #[arg(long)]
        file: Option<PathBuf>,
        #[arg(long)]
        config: Option<PathBuf>,
        /// Folder with views/, journal/ and checks/ [default: the built-in queries].
        #[arg(long)]
        queries: Option<PathBuf>,
        #[arg(long)]
        history: Option<PathBuf>,
        #[arg(long, value_enum, default_value = "table")]
        format: SqlFormat,
        /// Write the result to this file instead of the terminal.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// List the tables the queries see, with their columns, types and row counts.
    Tables {
        /// Folder holding the Plannit exports.
        inbox: PathBuf,
        #[arg(long)]
        config: Option<PathBuf>,
        #[arg(long)]
        queries: Option<PathBuf>,
        #[arg(long)]
        history: Option<PathBuf>,
    },
    /// Run the query tests of a queries folder (queries/tests/<case>/).
    TestQueries {
        /// The queries folder [default: ./queries].
        #[arg(long, default_value = "queries")]
        queries: PathBuf,
    },
    /// Validate an existing Sage 50 General Journal import file and print its entries.
    Check {
        /// The import file.
        file: PathBuf,
        /// Configuration giving field limits and encoding [default: ./plannit2sage.toml if present, else strict defaults].
        #[arg(long)]
        config: Option<PathBuf>,
    },
}
