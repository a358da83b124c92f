//! plannit2sage: Plannit sales and payments exports → Sage 50 General Journal
//! import file.
//!
//! The command line ([`cli`] as typed, [`cmd`] one module per subcommand)
//! resolves a [`plan`] and hands it to [`run`], which calls the pipeline's
//! stages in order: [`load`] (exports → typed rows), [`tables`] and
//! [`transform`] (SQL over Polars, with the [`views`] the workbook reads),
//! [`dedup`] against the export [`history`], [`journal`] (entries), then
//! publishes the [`sage`] import file and the [`report`] workbook, whose
//! figures come from [`reconcile`]. [`watch`] runs the same pipeline on a drop
//! folder. Every output is written through [`output`] (temporary file, then rename).

pub mod cmd;
pub mod config;
pub mod diagnostics;
pub mod history;
pub mod i18n;
pub mod journal;
pub mod load;
pub mod money;
mod output;
pub mod query;
pub mod report;
pub mod run;
pub mod sage;
mod watch;
