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
pub mod header;
mod inbox;
pub(crate) mod merge;
mod options;
mod read_error;
mod receivable;
pub mod reports;
pub(crate) mod row_accounts;
pub mod rows;
pub mod sheet;
pub(crate) mod text;
pub mod values;

pub use options::{Limits, LoadOptions};

use std::path::{Path, PathBuf};

use crate::diagnostics::{Finding, Fix, Location};
use crate::i18n::Text;
use crate::t;
use columns::describe_aliases;
pub use columns::ReportKind;
use header::find_header;
pub use inbox::is_transient_file;
use inbox::Content;
use reports::{Payment, PayoutRow, ReceivableReport, SalesLine, SheetReader, SkippedRows};

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
    /// Accounts-receivable reports: controls, never posted.
    pub receivables: Vec<ReceivableReport>,
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
                reason = crate::i18n::path_reason(e, path)
            ),
        }
    }
}

/// Reads every report in `inbox`. Files listed in `skip` (the configuration,
/// the mapping table) are not considered at all.
pub fn load_inbox(
    inbox: &Path,
    options: &LoadOptions,
    skip: &[PathBuf],
) -> Result<LoadedInputs, InboxError> {
    let (ignored, candidates) = inbox::list(inbox, options, skip)?;
    let mut loaded = LoadedInputs {
        files: ignored,
        ..LoadedInputs::default()
    };
    load_candidates(candidates, options, &mut loaded);
    Ok(loaded)
}

/// Reads the reports of the files named (not of a folder): a file that is
/// missing or not a report is an error finding, as in an inbox.
pub fn load_files(paths: &[PathBuf], options: &LoadOptions) -> LoadedInputs {
    let candidates = (paths.iter())
        .map(|path| {
            let name = (path.file_name()).map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            (path.clone(), name)
        })
        .collect();
    let mut loaded = LoadedInputs::default();
    load_candidates(candidates, options, &mut loaded);
    loaded
}

fn load_candidates(
    candidates: Vec<inbox::Listed>,
    options: &LoadOptions,
    loaded: &mut LoadedInputs,
) {
    for candidate in inbox::read(candidates, &options.limits) {
        let (mut file, content) = candidate.into_parts();
        match content {
            Content::Identical { of } => file.uses.push(FileUse::Identical { of }),
            Content::Unreadable(e) => {
                let location = file_location(&file.name);
                let finding = Finding::error("file_unreadable", e.text(), location);
                loaded.findings.push(finding.fixed_in(e.fix()));
                file.uses.push(FileUse::Failed);
            }
            Content::Bytes(bytes) => {
                let sheets = sheet::parse_sheets(&bytes, &file.path, &options.limits);
                let looks_binary = looks_binary(&bytes);
                // The sheets hold what is read from here on.
                drop(bytes);
                load_file(&mut file, sheets, looks_binary, options, loaded);
            }
        }
        loaded.files.push(file);
    }
}

fn file_location(name: &str) -> Location {
    Location {
        file: Some(name.to_string()),
        ..Location::default()
    }
}

/// Reads a file's reports from its `sheets` into `loaded`, recording each
/// sheet's use in `input`; a file with no report at all is an error.
fn load_file(
    input: &mut InputFile,
    sheets: Result<Vec<sheet::RawSheet>, sheet::ReadError>,
    bytes_look_binary: bool,
    options: &LoadOptions,
    loaded: &mut LoadedInputs,
) {
    let is_csv = (input.path.extension())
        .is_some_and(|e| e.eq_ignore_ascii_case("csv") || e.eq_ignore_ascii_case("txt"));
    let looks_binary = is_csv && bytes_look_binary;
    let sheets = match sheets {
        Ok(sheets) => sheets,
        Err(e) => {
            let (message, fix) = if looks_binary {
                (t!("load-file-damaged"), Fix::DroppedFile)
            } else {
                (e.text(), e.fix())
            };
            let location = file_location(&input.name);
            let finding = Finding::error("file_unreadable", message, location);
            loaded.findings.push(finding.fixed_in(fix));
            input.uses.push(FileUse::Failed);
            return;
        }
    };
    for raw in &sheets {
        let found = find_header(&raw.head(header::HEADER_SEARCH_ROWS), &options.aliases);
        if let Some(header) = found {
            let file_use = load_sheet(&input.name, raw, &header, options, loaded);
            input.uses.push(file_use);
        }
    }
    if input.uses.is_empty() {
        input.uses.push(no_report(input, looks_binary, loaded));
    }
}

/// A sheet whose header was found: its rows read into `loaded`, or, when
/// required columns are missing, a finding for each.
fn load_sheet(
    name: &str,
    raw: &sheet::RawSheet,
    header: &header::HeaderMatch,
    options: &LoadOptions,
    loaded: &mut LoadedInputs,
) -> FileUse {
    let missing = header.missing_required();
    if !missing.is_empty() {
        let row = raw.first_row_number + header.row_index as u64;
        for spec in missing {
            loaded
                .findings
                .push(column_missing(name, raw, row, header.kind, spec));
        }
        return FileUse::Failed;
    }
    for (canonical, (_, written)) in &header.columns {
        let key = (name.to_string(), canonical.to_string());
        loaded.headers.insert(key, written.clone());
    }
    let mut reader = SheetReader {
        file: name,
        sheet: raw,
        header,
        date_order: options.date_order,
        findings: &mut loaded.findings,
        skipped: SkippedRows::default(),
        shared: Default::default(),
        place: None,
    };
    let rows = match header.kind {
        ReportKind::Sales => append(&mut loaded.sales, reader.sales_lines()),
        ReportKind::Payments => append(&mut loaded.payments, reader.payments()),
        ReportKind::Payouts => append(&mut loaded.payouts, reader.payouts()),
        ReportKind::Receivable => {
            let rows = reader.receivables();
            let count = rows.len();
            let report = receivable::receivable_report(
                name,
                raw,
                header.row_index,
                options.date_order,
                rows,
            );
            loaded.receivables.push(report);
            count
        }
    };
    FileUse::Used {
        kind: header.kind,
        sheet: raw.sheet.clone(),
        rows,
        skipped: reader.skipped,
    }
}

/// A required column missing from a report's header row.
fn column_missing(
    name: &str,
    raw: &sheet::RawSheet,
    row: u64,
    kind: ReportKind,
    spec: &columns::ColumnSpec,
) -> Finding {
    let location = Location {
        file: Some(name.to_string()),
        sheet: raw.sheet.clone(),
        row: Some(row),
        ..Location::default()
    };
    let message = t!(
        "load-column-missing",
        kind = kind.as_ref(),
        column = spec.name,
        aliases = describe_aliases(spec, "', '"),
        aliases_fr = describe_aliases(spec, " », « ")
    );
    let key = format!("[columns.{}] {}", kind.as_ref(), spec.name);
    Finding::error("column_missing", message, location).fixed_in(Fix::config(&key))
}

/// A file with no report header: a `.txt` file is a note, not read; any
/// other is an error (damaged, or not an export).
fn no_report(input: &InputFile, looks_binary: bool, loaded: &mut LoadedInputs) -> FileUse {
    if (input.path.extension()).is_some_and(|e| e.eq_ignore_ascii_case("txt")) {
        // A .txt file is read when it is a CSV export; otherwise it is a note.
        return FileUse::Ignored {
            reason: t!("load-ignored-no-header", rows = header::HEADER_SEARCH_ROWS),
        };
    }
    let message = if looks_binary {
        t!("load-file-damaged")
    } else {
        t!("load-file-unrecognised", rows = header::HEADER_SEARCH_ROWS)
    };
    let finding = Finding::error("file_unrecognised", message, file_location(&input.name));
    loaded.findings.push(finding.fixed_in(Fix::DroppedFile));
    FileUse::Failed
}

/// Appends `rows` to `all` (the first sheet's rows are moved, not copied);
/// how many there were.
fn append<T>(all: &mut Vec<T>, mut rows: Vec<T>) -> usize {
    let count = rows.len();
    if all.is_empty() {
        std::mem::swap(all, &mut rows);
    } else {
        all.append(&mut rows);
    }
    count
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
        let ignored = t!("load-ignored-no-header", rows = header::HEADER_SEARCH_ROWS);
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
            "C:\\dépôt: this folder does not exist; check the path (a folder of Plannit exports, or a drop folder)"
        );
        assert_eq!(
            inbox.text().render(Lang::Fr),
            "C:\\dépôt : ce dossier n'existe pas ; vérifiez le chemin (un dossier d'exports Plannit, ou un dossier de dépôt)"
        );
    }
}
