//! Loading stage: every Plannit export dropped in the inbox, recognised by its
//! header row (not its name), read into typed sales lines and payments.
//! Problems in cells become findings. Every spreadsheet or CSV file is read or
//! stops the batch: one that cannot be opened or recognised is an error, a
//! file with the same bytes as another is read once, and only files that are
//! not exports (other extensions, `[input] ignore`, lock files, the files the
//! configuration names) are listed as not read.

pub mod columns;
mod csv_text;
pub mod dates;
mod file_bytes;
pub(crate) mod merge;
mod options;
mod read_error;
pub mod reports;
pub(crate) mod row_accounts;
pub mod rows;
pub mod sheet;
pub(crate) mod text;
pub mod values;

pub use options::{Limits, LoadOptions};

use sha2::Digest;
use std::path::{Path, PathBuf};

use crate::diagnostics::{Finding, Fix, Location};
use crate::i18n::Text;
use crate::t;
pub use columns::ReportKind;
use columns::{describe_aliases, find_header};
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
    Ignored { reason: Text },
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

/// The inbox folder itself cannot be read.
#[derive(Debug, thiserror::Error)]
#[error("{}", self.text())]
pub enum InboxError {
    /// The folder does not exist.
    Missing(PathBuf),
    /// The folder cannot be listed.
    Unreadable(PathBuf, #[source] std::io::Error),
}

impl InboxError {
    pub fn text(&self) -> Text {
        match self {
            InboxError::Missing(path) => {
                t!("load-inbox-missing", path = path.display().to_string())
            }
            InboxError::Unreadable(path, e) => t!(
                "load-inbox-unreadable",
                path = path.display().to_string(),
                reason = e.to_string()
            ),
        }
    }
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
    if !inbox.is_dir() {
        return Err(InboxError::Missing(inbox.to_path_buf()));
    }
    let mut paths: Vec<PathBuf> = std::fs::read_dir(inbox)
        .map_err(|e| InboxError::Unreadable(inbox.to_path_buf(), e))?
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
        let ignored = |reason: Text| InputFile {
            path: path.clone(),
            name: name.clone(),
            size: 0,
            sha256: String::new(),
            uses: vec![FileUse::Ignored { reason }],
        };
        if escapes_inbox(&path, inbox) {
            loaded.files.push(ignored(t!("load-ignored-outside-link")));
            continue;
        }
        if path.is_dir() {
            loaded.files.push(ignored(t!("load-ignored-folder")));
            continue;
        }
        if is_transient_file(&name) {
            loaded.files.push(ignored(t!("load-ignored-transient")));
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
            loaded.files.push(ignored(t!(
                "load-ignored-pattern",
                pattern = pattern.as_str()
            )));
            continue;
        }
        if !sheet::is_supported_extension(&path) {
            loaded
                .files
                .push(ignored(t!("load-ignored-not-spreadsheet")));
            continue;
        }
        candidates.push((path, name));
    }

    // Every candidate's bytes first: identical files are read once.
    let contents: Vec<(PathBuf, String, Result<Vec<u8>, sheet::ReadError>)> = candidates
        .into_iter()
        .map(|(path, name)| {
            let bytes = file_bytes::read_limited(&path, &options.limits);
            (path, name, bytes)
        })
        .collect();
    let digests: Vec<Option<String>> = (contents.iter())
        .map(|(_, _, bytes)| {
            let bytes = bytes.as_deref().ok()?;
            Some(format!("{:x}", sha2::Sha256::digest(bytes)))
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
                loaded.findings.push(
                    Finding::error(
                        "file_unreadable",
                        e.text(),
                        Location {
                            file: Some(name.clone()),
                            ..Location::default()
                        },
                    )
                    .fixed_in(e.fix()),
                );
                InputFile {
                    path,
                    name,
                    size: 0,
                    sha256,
                    uses: vec![FileUse::Failed],
                }
            }
            Ok(bytes) => {
                let file = ReadFile {
                    path: &path,
                    size: bytes.len() as u64,
                    looks_binary: looks_binary(&bytes),
                };
                let sheets = sheet::parse_sheets(&bytes, &path, &options.limits);
                drop(bytes);
                load_file(file, name, sheets, sha256, options, &mut loaded)
            }
        };
        loaded.files.push(file);
    }
    Ok(loaded)
}

/// What the loader knows of a file's bytes once its sheets are parsed.
struct ReadFile<'p> {
    path: &'p Path,
    size: u64,
    /// Whether its bytes look like no text (for a CSV file's message).
    looks_binary: bool,
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
    file: ReadFile<'_>,
    name: String,
    sheets: Result<Vec<sheet::RawSheet>, sheet::ReadError>,
    sha256: String,
    options: &LoadOptions,
    loaded: &mut LoadedInputs,
) -> InputFile {
    let path = file.path;
    let file_location = || Location {
        file: Some(name.clone()),
        ..Location::default()
    };
    let mut input = InputFile {
        path: path.to_path_buf(),
        name: name.clone(),
        size: file.size,
        sha256,
        uses: Vec::new(),
    };
    let is_csv = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv") || e.eq_ignore_ascii_case("txt"));
    let looks_binary = is_csv && file.looks_binary;
    let sheets = match sheets {
        Ok(sheets) => sheets,
        Err(e) => {
            let (message, fix) = if looks_binary {
                (t!("load-file-damaged"), Fix::DroppedFile)
            } else {
                (e.text(), e.fix())
            };
            loaded
                .findings
                .push(Finding::error("file_unreadable", message, file_location()).fixed_in(fix));
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
                loaded.findings.push(
                    Finding::error(
                        "column_missing",
                        t!(
                            "load-column-missing",
                            kind = header.kind.as_ref(),
                            column = spec.name,
                            aliases = describe_aliases(spec, "', '"),
                            aliases_fr = describe_aliases(spec, " », « ")
                        ),
                        location,
                    )
                    .fixed_in(Fix::config(&format!(
                        "[columns.{}] {}",
                        header.kind.as_ref(),
                        spec.name
                    ))),
                );
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
            shared: Default::default(),
            place: None,
        };
        let rows = match header.kind {
            ReportKind::Sales => {
                let lines = reader.sales_lines();
                let count = lines.len();
                append(&mut loaded.sales, lines);
                count
            }
            ReportKind::Payments => {
                let payments = reader.payments();
                let count = payments.len();
                append(&mut loaded.payments, payments);
                count
            }
            ReportKind::Payouts => {
                let payouts = reader.payouts();
                let count = payouts.len();
                append(&mut loaded.payouts, payouts);
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
                reason: t!("load-ignored-no-header", rows = columns::HEADER_SEARCH_ROWS),
            });
        } else {
            let message = if looks_binary {
                t!("load-file-damaged")
            } else {
                t!("load-file-unrecognised", rows = columns::HEADER_SEARCH_ROWS)
            };
            loaded.findings.push(
                Finding::error("file_unrecognised", message, file_location())
                    .fixed_in(Fix::DroppedFile),
            );
            input.uses.push(FileUse::Failed);
        }
    }
    input
}

/// Appends `rows` to `all`; the first sheet's rows are moved, not copied.
fn append<T>(all: &mut Vec<T>, mut rows: Vec<T>) {
    if all.is_empty() {
        std::mem::swap(all, &mut rows);
    } else {
        all.append(&mut rows);
    }
}

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn messages_keep_their_english_and_speak_french() {
        let sales = &columns::SALES_COLUMNS[0];
        let missing = t!(
            "load-column-missing",
            kind = ReportKind::Sales.as_ref(),
            column = sales.name,
            aliases = describe_aliases(sales, "', '"),
            aliases_fr = describe_aliases(sales, " », « ")
        );
        assert!(missing.render(Lang::En).starts_with(
            "this sales report has no 'invoice' column (headers accepted: 'no facture', 'n facture', "
        ));
        assert!(missing
            .render(Lang::En)
            .ends_with("name your header under [columns.sales] invoice = [\"...\"] in the config"));
        assert!(missing.render(Lang::Fr).starts_with(
            "ce rapport des ventes n'a pas de colonne « invoice » (en-têtes acceptés : « no facture », « n facture », "
        ));
        let ignored = t!("load-ignored-no-header", rows = columns::HEADER_SEARCH_ROWS);
        assert_eq!(
            ignored.render(Lang::En),
            "no Plannit sales or payments header found in the first 30 rows"
        );
        let rows = t!(
            "load-total-row-mismatch",
            stated = "10.00",
            rows = 1234567usize,
            sum = "9.00"
        );
        assert!(rows.render(Lang::En).starts_with(
            "the total row says 10.00 but the 1234567 rows above it add up to 9.00: "
        ));
        let one = t!(
            "load-total-row-mismatch",
            stated = "10.00",
            rows = 1usize,
            sum = "9.00"
        );
        assert!(one.render(Lang::Fr).starts_with(
            "la ligne de total indique 10.00, mais la 1 ligne au-dessus totalise 9.00 : "
        ));
        let inbox = InboxError::Missing("C:\\dépôt".into());
        assert_eq!(
            inbox.text().render(Lang::En),
            "C:\\dépôt: the inbox folder does not exist"
        );
        assert_eq!(
            inbox.text().render(Lang::Fr),
            "C:\\dépôt : le dossier de dépôt n'existe pas"
        );
    }
}
