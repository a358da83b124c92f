//! What the load stage needs to know from the configuration: size limits,
//! extra header aliases and how to read ambiguous dates.

use serde::Deserialize;

use super::dates::DateOrder;
use super::header::ExtraAliases;

/// The settings the load stage reads the inbox with.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    pub limits: Limits,
    pub aliases: ExtraAliases,
    pub date_order: DateOrder,
    /// File-name patterns of other files kept in the inbox (`[input] ignore`).
    pub ignore: Vec<glob::Pattern>,
}

/// Limits that protect the run from damaged or hostile files.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Limits {
    /// Largest input file read, in MB.
    pub max_file_mb: u64,
    /// Largest total size a workbook (a zip archive) may unpack to, in MB.
    pub max_decompressed_mb: u64,
    /// Most rows read from one sheet or CSV file.
    pub max_rows: u64,
    /// Most cells read from one sheet or CSV file.
    pub max_cells: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_mb: 512,
            max_decompressed_mb: 1024,
            max_rows: 5_000_000,
            max_cells: 100_000_000,
        }
    }
}
