//! Loading stage: every Plannit export dropped in the inbox, recognised by its
//! header row (not its name), read into typed sales lines and payments.
//! Problems in cells become findings; files that are not reports are listed as
//! ignored with the reason.

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
use reports::{Payment, SalesLine, SheetReader};

/// What became of one file of the inbox.
#[derive(Debug, Clone, PartialEq)]
pub enum FileUse {
    /// Read as a report: which sheet and how many data rows.
    Used {
        kind: ReportKind,
        sheet: Option<String>,
        rows: usize,
    },
    /// Not read, and why.
    Ignored { reason: String },
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
        if !sheet::is_supported_extension(&path) {
            loaded.files.push(ignored("not a spreadsheet or CSV file"));
            continue;
        }
        let file = load_file(&path, name, options, &mut loaded);
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
        size: 0,
        sha256: String::new(),
        uses: Vec::new(),
    };
    let bytes = match sheet::read_limited(path, &options.limits) {
        Ok(bytes) => bytes,
        Err(e) => {
            loaded.findings.push(Finding::error(
                "file_unreadable",
                e.to_string(),
                file_location(),
            ));
            input.uses.push(FileUse::Failed);
            return input;
        }
    };
    input.size = bytes.len() as u64;
    input.sha256 = format!("{:x}", Sha256::digest(&bytes));
    let sheets = match sheet::parse_sheets(bytes, path, &options.limits) {
        Ok(sheets) => sheets,
        Err(e) => {
            loaded.findings.push(Finding::error(
                "file_unreadable",
                e.to_string(),
                file_location(),
            ));
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
        };
        input.uses.push(FileUse::Used {
            kind: header.kind,
            sheet: raw.sheet.clone(),
            rows,
        });
    }
    if input.uses.is_empty() {
        input.uses.push(FileUse::Ignored {
            reason: "no Plannit sales or payments header found in the first 30 rows".to_string(),
        });
    }
    input
}
