//! plannit2sage: Plannit sales and payments exports → Sage 50 General Journal
//! import file.
//!
//! Pipeline stages, one module each: [`config`] (the plan's settings), [`load`]
//! (exports → typed rows), [`tables`] and [`transform`] (SQL over Polars),
//! [`journal`] (entries), [`sage`] (the import file), and [`run`] tying them
//! together. [`cli`] and [`cmd`] are the command line.

pub mod cli;
pub mod cmd;
pub mod config;
pub mod dedup;
pub mod diagnostics;
pub mod history;
pub mod journal;
pub mod load;
pub mod report;
pub mod run;
pub mod sage;
pub mod sample_data;
pub mod tables;
pub mod text;
pub mod timings;
pub mod transform;
pub mod watch;
