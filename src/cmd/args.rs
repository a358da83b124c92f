//! The command line as the user types it: its commands, their arguments and
//! flags. Each command's work lives in `cmd::<name>`; nothing past this module
//! looks at raw flags.
//!
//! What `--help` says of each command and argument is in the message
//! catalogue (`locales/<lang>/help.ftl`, `help-cmd-<command>` and
//! `help-arg-<command>-<argument>`), not here: `cmd::help` puts it on the
//! command line in the user's language.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::config::{Granularity, Lang};

#[derive(Debug, Parser)]
#[command(name = "plannit2sage", version)]
pub struct Cli {
    #[arg(long, value_enum, global = true, env = "PLANNIT2SAGE_LANG")]
    pub lang: Option<LangArg>,
    #[command(subcommand)]
    pub command: Command,
}

/// `--granularity`, as typed; the domain type is [`Granularity`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum GranularityArg {
    Period,
    Day,
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
    Table,
    Csv,
    Json,
    Xlsx,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum SampleFormat {
    Csv,
    Xlsx,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Run(RunArgs),
    History(HistoryArgs),
    Init(InitArgs),
    Retry(RetryArgs),
    Watch(WatchArgs),
    SampleData(SampleDataArgs),
    Status(StatusArgs),
    Schedule(ScheduleArgs),
    Sql(SqlArgs),
    Tables(TablesArgs),
    TestQueries(TestQueriesArgs),
    Check(CheckArgs),
    Verify(VerifyArgs),
}

#[derive(Debug, Args)]
pub struct RunArgs {
    pub inbox: PathBuf,
    #[arg(long)]
    pub config: Option<PathBuf>,
    #[arg(long)]
    pub out: Option<PathBuf>,
    #[arg(long, value_enum)]
    pub granularity: Option<GranularityArg>,
    #[arg(long)]
    pub queries: Option<PathBuf>,
    #[arg(long)]
    pub history: Option<PathBuf>,
    #[arg(long)]
    pub adjust: bool,
    #[arg(long)]
    pub timings: bool,
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// A client's drop folder: its configuration and history.
    pub folder: Option<PathBuf>,
    #[arg(long)]
    pub config: Option<PathBuf>,
    #[arg(long)]
    pub history: Option<PathBuf>,
    #[command(subcommand)]
    pub action: Option<HistoryAction>,
}

#[derive(Debug, Subcommand)]
pub enum HistoryAction {
    Show {
        batch: String,
    },
    Void {
        batch: String,
        #[arg(long)]
        yes: bool,
        #[arg(long, default_value = "")]
        note: String,
        #[arg(long)]
        imported: bool,
    },
    Acknowledge {
        document: String,
        #[arg(long)]
        note: String,
    },
    Opening {
        file: PathBuf,
        #[arg(long, value_parser = parse_iso_date)]
        as_of: Option<chrono::NaiveDate>,
    },
}

/// A `YYYY-MM-DD` date on the command line.
fn parse_iso_date(text: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| crate::tr!("help-date-format"))
}

#[derive(Debug, Args)]
pub struct InitArgs {
    pub folder: PathBuf,
    #[arg(long, value_name = "INBOX")]
    pub from: Option<PathBuf>,
    #[arg(long, requires = "from")]
    pub table: bool,
}

#[derive(Debug, Args)]
pub struct RetryArgs {
    pub folder: PathBuf,
    pub name: Option<String>,
    #[arg(long)]
    pub adjust: bool,
    #[arg(long, requires = "name")]
    pub accept: bool,
}

#[derive(Debug, Args)]
pub struct WatchArgs {
    pub folder: PathBuf,
    #[arg(long)]
    pub once: bool,
    #[arg(long, default_value_t = 5.0)]
    pub quiet: f64,
    #[arg(long, default_value_t = 10.0)]
    pub rescan: f64,
    #[arg(long)]
    pub adjust: bool,
}

#[derive(Debug, Args)]
pub struct SampleDataArgs {
    pub out: PathBuf,
    #[arg(long, default_value_t = 3000)]
    pub lines: usize,
    #[arg(long, default_value_t = 1000)]
    pub payments: usize,
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    #[arg(long, value_enum, default_value = "csv")]
    pub format: SampleFormat,
}

#[derive(Debug, Args)]
pub struct StatusArgs {
    pub root: PathBuf,
}

#[derive(Debug, Args)]
pub struct ScheduleArgs {
    pub folder: PathBuf,
    #[arg(long, default_value = "15m")]
    pub every: String,
}

#[derive(Debug, Args)]
pub struct SqlArgs {
    pub inbox: PathBuf,
    pub query: Option<String>,
    #[arg(long)]
    pub batch: Option<String>,
    #[arg(long)]
    pub file: Option<PathBuf>,
    #[arg(long)]
    pub config: Option<PathBuf>,
    #[arg(long)]
    pub queries: Option<PathBuf>,
    #[arg(long)]
    pub history: Option<PathBuf>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: SqlFormat,
    #[arg(long)]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct TablesArgs {
    pub inbox: PathBuf,
    #[arg(long)]
    pub batch: Option<String>,
    #[arg(long)]
    pub config: Option<PathBuf>,
    #[arg(long)]
    pub queries: Option<PathBuf>,
    #[arg(long)]
    pub history: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct TestQueriesArgs {
    #[arg(long, default_value = "queries")]
    pub queries: PathBuf,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    pub file: PathBuf,
    #[arg(long)]
    pub config: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct VerifyArgs {
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    #[arg(long)]
    pub config: Option<PathBuf>,
    #[arg(long)]
    pub history: Option<PathBuf>,
    #[arg(long)]
    pub out: Option<PathBuf>,
}
