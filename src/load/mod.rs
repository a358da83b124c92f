//! Loading stage: every Plannit export dropped in the inbox, recognised by its
//! header row (not its name), read into typed sales lines and payments.
//! Problems in cells become findings. Every spreadsheet or CSV file is read or
//! stops the batch: one that cannot be opened or recognised is an error, a
//! file with the same bytes as another is read once, and only files that are
//! not exports (other extensions, `[input] ignore`, lock files, the files the
//! configuration names) are listed as not read.

pub mod columns;
mod options;
pub mod reports;
pub mod sheet;
pub mod values;

pub use options::{Limits, LoadOptions};

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::diagnostics::{Finding, Location};
use columns::{describe_aliases, find_header, ReportKind};
use reports::{Payment, PayoutRow, SalesLine, SheetReader, SkippedRows};

/// What became of one file of the inbox.
#[derive(Debug, Clone, PartialEq)]
pub enum FileUse {
    /// Read as a report: which sheet, how many report rows, and the rows left
    /// out (title, blank, repeated header, closing total).
    Used {
        kind: ReportKind,
        sheet: Option<String>,
        rows: usize,
        skipped: SkippedRows,
    },
    /// Not read, and why.
    Ignored { reason: String },
    /// The same bytes as another file of the inbox, which was read instead.
    Identical { of: String },
    /// Looked like an export but could not be read (the findings say why).
    Failed,
}

#[derive(Debug, Clone)]
pub struct InputFile {
    pub path: PathBuf,
    /// File name as shown in messages.
    pub name: String,
    pub size: u64,
    /// SHA-256 of the file's bytes, hex.
    pub sha256: String,
    pub uses: Vec<FileUse>,
}

/// Everything read from the inbox.
#[derive(Debug, Default)]
pub struct LoadedInputs {
    pub files: Vec<InputFile>,
    pub sales: Vec<SalesLine>,
    pub payments: Vec<Payment>,
    pub payouts: Vec<PayoutRow>,
    pub findings: Vec<Finding>,
    /// Header text as written, by (file name, canonical column).
    pub headers: std::collections::BTreeMap<(String, String), String>,
}

#[derive(Debug, thiserror::Error)]
pub enum InboxError {
    #[error("{0}: the inbox folder does not exist")]
    Missing(String),
    #[error("{0}: cannot list the inbox folder: {1}")]
    Unreadable(String, std::io::Error),
}

/// Office lock files, temporary and partial downloads: never read.
pub fn is_transient_file(name: &str) -> bool {
    let lower = name.to_lowercase();
    lower.starts_with("~$")
        || lower.starts_with(".~lock.")
        || lower.starts_with('.')
        || [".tmp", ".part", ".crdownload", ".download", ".partial"]
            .iter()
            .any(|suffix| lower.ends_with(suffix))
}

/// Reads every report in `inbox`. Files listed in `skip` (the configuration,
/// the mapping table) are not considered at all.
pub fn load_inbox(
    inbox: &Path,
    options: &LoadOptions,
    skip: &[PathBuf],
) -> Result<LoadedInputs, InboxError> {
    let shown = inbox.display().to_string();
    if !inbox.is_dir() {
        return Err(InboxError::Missing(shown));
    }
    let mut paths: Vec<PathBuf> = std::fs::read_dir(inbox)
        .map_err(|e| InboxError::Unreadable(shown.clone(), e))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .collect();
    paths.sort();
    let skip: Vec<PathBuf> = skip.iter().filter_map(|p| p.canonicalize().ok()).collect();

    let mut loaded = LoadedInputs::default();
    let mut candidates = Vec::new();
    for path in paths {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if path.canonicalize().is_ok_and(|p| skip.contains(&p)) {
            continue;
        }
        let ignored = |reason: &str| InputFile {
            path: path.clone(),
            name: name.clone(),
            size: 0,
            sha256: String::new(),
            uses: vec![FileUse::Ignored {
                reason: reason.to_string(),
            }],
        };
        if escapes_inbox(&path, inbox) {
            loaded.files.push(ignored(
                "a link to a file outside the inbox: copy the file into the inbox instead",
            ));
            continue;
        }
        if path.is_dir() {
            loaded.files.push(ignored("a folder, not a file"));
            continue;
        }
        if is_transient_file(&name) {
            loaded.files.push(ignored("a lock or temporary file"));
            continue;
        }
        let case_insensitive = glob::MatchOptions {
            case_sensitive: false,
            ..glob::MatchOptions::new()
        };
        if let Some(pattern) = options
            .ignore
            .iter()
            .find(|p| p.matches_with(&name, case_insensitive))
        {
            loaded.files.push(ignored(&format!(
                "matches [input] ignore \"{pattern}\": not read"
            )));
            continue;
        }
        if !sheet::is_supported_extension(&path) {
            loaded
                .files
                .push(ignored("not a spreadsheet or CSV file: not read"));
            continue;
        }
        candidates.push((path, name));
    }

    // Every candidate's bytes first: identical files are read once.
    let contents: Vec<(PathBuf, String, Result<Vec<u8>, sheet::ReadError>)> = candidates
        .into_iter()
        .map(|(path, name)| {
            let bytes = sheet::read_limited(&path, &options.limits);
            (path, name, bytes)
        })
        .collect();
    let digests: Vec<Option<String>> = contents
        .iter()
        .map(|(_, _, bytes)| {
            bytes
                .as_ref()
                .ok()
                .map(|b| format!("{:x}", Sha256::digest(b)))
        })
        .collect();
    let names: Vec<String> = contents.iter().map(|(_, name, _)| name.clone()).collect();
    // Of identical files, the one read: the shortest name (a browser's second
    // download adds " (1)"), then the first in name order.
    let mut read_as: std::collections::HashMap<&str, usize> = Default::default();
    for (index, digest) in digests.iter().enumerate() {
        if let Some(digest) = digest {
            let chosen = read_as.entry(digest.as_str()).or_insert(index);
            if names[index].len() < names[*chosen].len() {
                *chosen = index;
            }
        }
    }
    for (index, (path, name, bytes)) in contents.into_iter().enumerate() {
        let sha256 = digests[index].clone().unwrap_or_default();
        let original = digests[index]
            .as_deref()
            .map(|digest| read_as[digest])
            .filter(|chosen| *chosen != index);
        let file = match bytes {
            Ok(bytes) if original.is_some() => InputFile {
                path,
                name,
                size: bytes.len() as u64,
                sha256,
                uses: vec![FileUse::Identical {
                    of: names[original.unwrap_or_default()].clone(),
                }],
            },
            Err(e) => {
                loaded.findings.push(Finding::error(
                    "file_unreadable",
                    e.to_string(),
                    Location {
                        file: Some(name.clone()),
                        ..Location::default()
                    },
                ));
                InputFile {
                    path,
                    name,
                    size: 0,
                    sha256,
                    uses: vec![FileUse::Failed],
                }
            }
            Ok(bytes) => load_file(&path, name, bytes, sha256, options, &mut loaded),
        };
        loaded.files.push(file);
    }
    Ok(loaded)
}

/// A symbolic link (or Windows junction) whose target is not inside the inbox.
fn escapes_inbox(path: &Path, inbox: &Path) -> bool {
    let is_link = std::fs::symlink_metadata(path)
        .map(|m| m.file_type().is_symlink())
        .unwrap_or(false);
    if !is_link {
        return false;
    }
    match (path.canonicalize(), inbox.canonicalize()) {
        (Ok(target), Ok(inbox)) => !target.starts_with(inbox),
        _ => true,
    }
}

fn load_file(
    path: &Path,
    name: String,
    bytes: Vec<u8>,
    sha256: String,
    options: &LoadOptions,
    loaded: &mut LoadedInputs,
) -> InputFile {
    let file_location = || Location {
        file: Some(name.clone()),
        ..Location::default()
    };
    let mut input = InputFile {
        path: path.to_path_buf(),
        name: name.clone(),
        size: bytes.len() as u64,
        sha256,
        uses: Vec::new(),
    };
    let is_csv = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv") || e.eq_ignore_ascii_case("txt"));
    let looks_binary = is_csv && looks_binary(&bytes);
    let sheets = match sheet::parse_sheets(bytes, path, &options.limits) {
        Ok(sheets) => sheets,
        Err(e) => {
            let message = if looks_binary {
                DAMAGED.to_string()
            } else {
                e.to_string()
            };
            loaded
                .findings
                .push(Finding::error("file_unreadable", message, file_location()));
            input.uses.push(FileUse::Failed);
            return input;
        }
    };
    for raw in &sheets {
        let Some(header) = find_header(&raw.head(columns::HEADER_SEARCH_ROWS), &options.aliases)
        else {
            continue;
        };
        let missing = header.missing_required();
        if !missing.is_empty() {
            for spec in missing {
                let location = Location {
                    file: Some(name.clone()),
                    sheet: raw.sheet.clone(),
                    row: Some(raw.first_row_number + header.row_index as u64),
                    ..Location::default()
                };
                loaded.findings.push(Finding::error(
                    "column_missing",
                    format!(
                        "this {} report has no '{}' column (headers accepted: '{}'); add the column to the export, or name your header under [columns.{}] {} = [\"...\"] in the config",
                        header.kind.label(), spec.name, describe_aliases(spec), header.kind.label(), spec.name
                    ),
                    location,
                ));
            }
            input.uses.push(FileUse::Failed);
            continue;
        }
        for (canonical, (_, written)) in &header.columns {
            loaded
                .headers
                .insert((name.clone(), canonical.to_string()), written.clone());
        }
        let mut reader = SheetReader {
            file: &name,
            sheet: raw,
            header: &header,
            date_order: options.date_order,
            findings: &mut loaded.findings,
            skipped: SkippedRows::default(),
        };
        let rows = match header.kind {
            ReportKind::Sales => {
                let lines = reader.sales_lines();
                let count = lines.len();
                loaded.sales.extend(lines);
                count
            }
            ReportKind::Payments => {
                let payments = reader.payments();
                let count = payments.len();
                loaded.payments.extend(payments);
                count
            }
            ReportKind::Payouts => {
                let payouts = reader.payouts();
                let count = payouts.len();
                loaded.payouts.extend(payouts);
                count
            }
        };
        let skipped = reader.skipped;
        input.uses.push(FileUse::Used {
            kind: header.kind,
            sheet: raw.sheet.clone(),
            rows,
            skipped,
        });
    }
    if input.uses.is_empty() {
        if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("txt"))
        {
            // A .txt file is read when it is a CSV export; otherwise it is a note.
            input.uses.push(FileUse::Ignored {
                reason: "no Plannit sales or payments header found in the first 30 rows"
                    .to_string(),
            });
        } else {
            let message = if looks_binary {
                DAMAGED
            } else {
                "a spreadsheet without a Plannit sales or payments header in its first 30 rows: is it another Plannit report? Export the detailed sales or payments report, or add the file to [input] ignore in the config to keep it beside the exports"
            };
            loaded.findings.push(Finding::error(
                "file_unrecognised",
                message,
                file_location(),
            ));
            input.uses.push(FileUse::Failed);
        }
    }
    input
}

const DAMAGED: &str = "the file is damaged or was cut off during download (its content is not text): export it again from Plannit";

/// True when a CSV's bytes are not text (a broken download, a binary file
/// renamed): NUL bytes or many control characters.
fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    let control = sample
        .iter()
        .filter(|b| **b < 0x20 && !matches!(**b, b'\t' | b'\r' | b'\n' | 0x0c))
        .count();
    sample.contains(&0) && !is_utf16(sample) || control * 20 > sample.len()
}

/// UTF-16 text (with its byte-order mark) has NUL bytes but is text.
fn is_utf16(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF])
}
