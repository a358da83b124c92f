//! plannit2sage: Plannit sales and payments exports → Sage 50 General Journal
//! import file.
//!
//! The command line ([`cmd`]) resolves a plan and hands it to [`run`], which
//! calls the pipeline's stages in order: [`load`] (exports → typed rows),
//! [`query`] (the SQL files over Polars tables: views, checks, journal lines),
//! [`journal`] (what each document posts, classified against the export
//! [`history`], and the batch's entries), then publishes the [`sage`] import
//! file and the [`report`] workbook. [`watch`] runs the same pipeline on a
//! drop folder. Below them: [`config`], [`money`], [`diagnostics`],
//! [`i18n`], and `output` (every file written through a temporary file, then
//! renamed).

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
