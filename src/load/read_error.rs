//! Why a file could not be read at all, and which of the `[limits]` a file
//! or sheet exceeds, as messages that say what to do.

use crate::diagnostics::Fix;
use crate::i18n::Text;
use crate::t;

/// Bytes in a megabyte, as the `[limits]` count them.
pub(super) const MB: u64 = 1024 * 1024;

/// Why a file could not be read at all.
#[derive(Debug, thiserror::Error)]
#[error("{}", self.text())]
pub enum ReadError {
    Io(#[from] std::io::Error),
    EmptyFile,
    /// The workbook reader's reason.
    Workbook(String),
    Sheet {
        sheet: String,
        reason: String,
    },
    /// The CSV reader's reason, at a line.
    Csv {
        line: u64,
        reason: String,
    },
    /// The text ends inside a quoted field.
    CutShort {
        line: u64,
    },
    /// A size over one of the `[limits]`.
    Limit(Oversize),
}

/// What exceeds which of the `[limits]`.
#[derive(Debug, Clone, PartialEq)]
pub enum Oversize {
    /// The file's size in bytes, over `max_file_mb`.
    FileSize { bytes: u64, max_mb: u64 },
    /// A workbook's unpacked size in bytes, over `max_decompressed_mb`.
    UnpackedSize { bytes: u64, max_mb: u64 },
    /// A sheet (`None`: the CSV file) with more rows than `max_rows`.
    Rows {
        sheet: Option<String>,
        rows: u64,
        max: u64,
    },
    /// A sheet (`None`: the CSV file) with more cells than `max_cells`.
    Cells {
        sheet: Option<String>,
        cells: u64,
        max: u64,
    },
}

impl Oversize {
    /// The `[limits]` setting to raise.
    pub fn setting(&self) -> &'static str {
        match self {
            Oversize::FileSize { .. } => "max_file_mb",
            Oversize::UnpackedSize { .. } => "max_decompressed_mb",
            Oversize::Rows { .. } => "max_rows",
            Oversize::Cells { .. } => "max_cells",
        }
    }

    fn text(&self) -> Text {
        // "12 MB" from a megabyte on, "300 bytes" below.
        let size = |bytes: u64| {
            if bytes >= MB {
                ((bytes / MB).to_string(), "mb")
            } else {
                (bytes.to_string(), "bytes")
            }
        };
        let place = |sheet: &Option<String>| {
            (
                if sheet.is_some() { "sheet" } else { "file" },
                sheet.clone().unwrap_or_default(),
            )
        };
        match self {
            Oversize::FileSize { bytes, max_mb } => {
                let (size, unit) = size(*bytes);
                t!(
                    "load-limit-file-size",
                    size = size,
                    unit = unit,
                    max = max_mb.to_string()
                )
            }
            Oversize::UnpackedSize { bytes, max_mb } => {
                let (size, unit) = size(*bytes);
                t!(
                    "load-limit-unpacked-size",
                    size = size,
                    unit = unit,
                    max = max_mb.to_string()
                )
            }
            Oversize::Rows { sheet, rows, max } => {
                let (place, sheet) = place(sheet);
                t!(
                    "load-limit-rows",
                    place = place,
                    sheet = sheet,
                    rows = rows.to_string(),
                    max = max.to_string()
                )
            }
            Oversize::Cells { sheet, cells, max } => {
                let (place, sheet) = place(sheet);
                t!(
                    "load-limit-cells",
                    place = place,
                    sheet = sheet,
                    cells = cells.to_string(),
                    max = max.to_string()
                )
            }
        }
    }
}

impl ReadError {
    pub fn text(&self) -> Text {
        match self {
            ReadError::Io(e) => t!("load-read-io", reason = crate::i18n::system_reason(e)),
            ReadError::EmptyFile => t!("load-read-empty"),
            ReadError::Workbook(reason) => t!("load-read-workbook", reason = reason),
            ReadError::Sheet { sheet, reason } => {
                t!("load-read-sheet", sheet = sheet, reason = reason)
            }
            ReadError::Csv { line, reason } => {
                t!("load-read-csv", line = line.to_string(), reason = reason)
            }
            ReadError::CutShort { line } => t!("load-read-cut-short", line = line.to_string()),
            ReadError::Limit(oversize) => oversize.text(),
        }
    }

    /// Where the fix is: the limit in the configuration, else the file itself.
    pub fn fix(&self) -> Fix {
        match self {
            ReadError::Limit(oversize) => Fix::config(&format!("[limits] {}", oversize.setting())),
            _ => Fix::DroppedFile,
        }
    }
}
