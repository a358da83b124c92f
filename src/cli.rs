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
    #[command(subcommand)]
    pub command: Command,
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
        granularity: Option<Granularity>,
        /// Folder with journal/*.sql and checks/*.sql [default: the built-in queries].
        #[arg(long)]
        queries: Option<PathBuf>,
        /// Language of the reconciliation workbook [default: from the config, else fr].
        #[arg(long, value_enum)]
        lang: Option<Lang>,
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
