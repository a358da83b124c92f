//! Voiding a batch so that it cannot be imported by mistake: the batch is
//! marked void in the history, its Sage file and workbook leave `out/` for
//! `out/annulés/` (their new place recorded), and for a batch that had
//! already been imported into Sage, the reversing Sage file
//! (`sage50-annulation-<batch>.txt`, see `journal::reversal`) is written
//! beside the batch's outputs and recorded with the void.
//!
//! The reversal is made from the entries the history kept of the batch; a
//! batch recorded before they were kept is read back from its own Sage file,
//! when that file is still there with the SHA-256 recorded.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rust_decimal::Decimal;
use sha2::{Digest, Sha256};

use crate::config::Config;
use crate::history::{BatchFiles, BatchState, History, HistoryError, RecordedEntry};
use crate::i18n::{system_reason, Text};
use crate::journal::reversal::reversal_entries;
use crate::sage::company::SageCompany;
use crate::sage::entry::{account_totals, grand_totals};
use crate::sage::settings::SageSettings;
use crate::sage::{self, SageProblem};
use crate::t;

/// Where a voided batch's files are set aside, inside the folder they were in.
pub const SET_ASIDE: &str = "annulés";

/// What to void, and how.
#[derive(Debug, Clone, Copy)]
pub struct VoidRequest<'a> {
    pub batch: &'a str,
    pub note: &'a str,
    /// The batch was imported into Sage: write its reversing file too.
    pub imported: bool,
    /// The client's configuration: its Sage settings and dates date the reversal.
    pub config: Option<&'a Config>,
    /// The folder the batch's outputs went to, when known (a drop folder's out/).
    pub out_dir: Option<&'a Path>,
}

/// What voiding did.
#[derive(Debug, Clone, Default)]
pub struct Voided {
    /// False when the batch was void already (only its reversal was written).
    pub voided_now: bool,
    /// The batch's files, where they are now.
    pub set_aside: Vec<PathBuf>,
    /// Recorded files that were not found, or could not be moved (with why).
    pub left: Vec<(String, String)>,
    pub reversal: Option<Reversal>,
}

/// The reversing Sage file written.
#[derive(Debug, Clone)]
pub struct Reversal {
    pub path: PathBuf,
    pub entries: usize,
    pub debits: Decimal,
}

/// What stops a void (nothing is changed then).
#[derive(Debug, thiserror::Error)]
#[error("{}", self.text())]
pub enum VoidError {
    #[error(transparent)]
    History(#[from] HistoryError),
    /// A batch recorded without its entries, whose Sage file is gone or changed.
    NoEntries {
        batch: String,
        file: Option<String>,
    },
    AfterYearEnd {
        batch: String,
        date: NaiveDate,
        year_end: NaiveDate,
    },
    /// The reversal breaks a rule of the import file.
    Sage {
        batch: String,
        problems: Vec<SageProblem>,
    },
    AlreadyReversed {
        batch: String,
        file: String,
    },
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

impl VoidError {
    pub fn text(&self) -> Text {
        match self {
            VoidError::History(e) => e.text(),
            VoidError::NoEntries { batch, file } => t!(
                "void-no-entries",
                batch = batch,
                file = file.clone().unwrap_or_default()
            ),
            VoidError::AfterYearEnd {
                batch,
                date,
                year_end,
            } => t!(
                "void-after-year-end",
                batch = batch,
                date = date.to_string(),
                year_end = year_end.to_string()
            ),
            VoidError::Sage { batch, problems } => t!(
                "void-sage-problem",
                batch = batch,
                problem = problems.first().map(|p| p.to_string()).unwrap_or_default()
            ),
            VoidError::AlreadyReversed { batch, file } => {
                t!("void-already-reversed", batch = batch, file = file)
            }
            VoidError::Write { path, source } => t!(
                "setup-cannot-write",
                path = path.display().to_string(),
                reason = system_reason(source)
            ),
        }
    }
}

/// Voids a batch (see the module's doc); with `imported`, also a batch that
/// is void already but was never reversed.
pub fn void_batch(history: &mut History, request: VoidRequest) -> Result<Voided, VoidError> {
    let files = history.batch_files(request.batch)?;
    let places = Places::new(history, request.out_dir);
    if files.status == BatchState::Void && !request.imported {
        return Err(HistoryError::AlreadyVoid(request.batch.to_string()).into());
    }
    let reversal = if request.imported {
        Some(reversal_bytes(history, &files, &places, request)?)
    } else {
        None
    };
    let mut voided = Voided::default();
    if files.status == BatchState::Done {
        history.void(request.batch, request.note)?;
        voided.voided_now = true;
    }
    let sage_file = set_aside(&places, files.sage_file.as_deref(), |path| {
        files
            .sage_sha256
            .as_deref()
            .is_none_or(|sha| sha256(path).as_deref() == Some(sha))
    });
    let workbook = set_aside(&places, files.workbook.as_deref(), |_| true);
    for (recorded, moved) in [(&files.sage_file, &sage_file), (&files.workbook, &workbook)] {
        match (recorded, moved) {
            (_, Ok(Some(path))) => voided.set_aside.push(path.clone()),
            (Some(recorded), Err(why)) => voided.left.push((recorded.clone(), why.clone())),
            _ => {}
        }
    }
    let shown = |moved: &Result<Option<PathBuf>, String>| {
        (moved.as_ref().ok().cloned().flatten()).map(|p| p.display().to_string())
    };
    history.record_moved_files(
        request.batch,
        shown(&sage_file).as_deref(),
        shown(&workbook).as_deref(),
    )?;
    if let Some((bytes, entries, debits)) = reversal {
        let path = places.reversal_path(&files);
        crate::output::write_atomically(&path, |file| std::io::Write::write_all(file, &bytes))
            .map_err(|source| VoidError::Write {
                path: path.clone(),
                source,
            })?;
        let sha = format!("{:x}", Sha256::digest(&bytes));
        history.record_reversal(request.batch, &path.display().to_string(), &sha)?;
        voided.reversal = Some(Reversal {
            path,
            entries,
            debits,
        });
    }
    Ok(voided)
}

/// The reversing file's bytes, its entry count and debits.
fn reversal_bytes(
    history: &History,
    files: &BatchFiles,
    places: &Places,
    request: VoidRequest,
) -> Result<(Vec<u8>, usize, Decimal), VoidError> {
    let batch = request.batch.to_string();
    if let Some(file) = history
        .voids()?
        .into_iter()
        .rev()
        .find(|v| v.batch == batch)
        .and_then(|v| v.reversal_file)
    {
        return Err(VoidError::AlreadyReversed { batch, file });
    }
    let (default_settings, default_company) = (SageSettings::default(), SageCompany::default());
    let (settings, company) = match request.config {
        Some(config) => (&config.sage, &config.company),
        None => (&default_settings, &default_company),
    };
    let lang = settings.lang;
    let mut recorded = history.batch_entries(&batch)?;
    if recorded.is_empty() {
        recorded =
            entries_of_sage_file(files, places, settings).ok_or_else(|| VoidError::NoEntries {
                batch: batch.clone(),
                file: files.sage_file.clone(),
            })?;
    }
    let mut entries = reversal_entries(&batch, &recorded, company, lang).map_err(|late| {
        VoidError::AfterYearEnd {
            batch: batch.clone(),
            date: late.date,
            year_end: late.year_end,
        }
    })?;
    sage::fit_entries(&mut entries, settings);
    let bytes =
        sage::render(&entries, settings).map_err(|problems| VoidError::Sage { batch, problems })?;
    let (debits, _) = grand_totals(&account_totals(&entries));
    Ok((bytes, entries.len(), debits))
}

/// A batch's entries read back from its Sage file, found where it was
/// recorded (or set aside since) with the SHA-256 recorded.
fn entries_of_sage_file(
    files: &BatchFiles,
    places: &Places,
    settings: &SageSettings,
) -> Option<Vec<RecordedEntry>> {
    let recorded = files.sage_file.as_deref()?;
    let sha = files.sage_sha256.as_deref()?;
    let path = (places.candidates(recorded).into_iter())
        .find(|path| sha256(path).as_deref() == Some(sha))?;
    let bytes = std::fs::read(path).ok()?;
    let parsed = sage::parse(&bytes, settings).ok()?;
    Some(
        parsed
            .into_iter()
            .map(|entry| RecordedEntry {
                date: entry.date,
                source: entry.source,
                comment: entry.comment,
                lines: entry.lines,
            })
            .collect(),
    )
}

/// Where a batch's recorded files may be: the path as recorded (relative to
/// where the run was started), the drop folder's out/, out/ beside the
/// history or beside its folder, and their set-aside folders.
struct Places {
    out_dir: Option<PathBuf>,
    history_dir: PathBuf,
}

impl Places {
    fn new(history: &History, out_dir: Option<&Path>) -> Places {
        Places {
            out_dir: out_dir.map(Path::to_path_buf),
            history_dir: (history.path.parent())
                .map(Path::to_path_buf)
                .unwrap_or_default(),
        }
    }

    fn candidates(&self, recorded: &str) -> Vec<PathBuf> {
        let recorded = PathBuf::from(recorded);
        let Some(name) = recorded.file_name() else {
            return vec![recorded];
        };
        let mut folders: Vec<PathBuf> = recorded
            .parent()
            .map(Path::to_path_buf)
            .into_iter()
            .collect();
        folders.extend(self.out_dir.clone());
        folders.push(self.history_dir.join("out"));
        if let Some(parent) = self.history_dir.parent() {
            folders.push(parent.join("out"));
        }
        let set_aside: Vec<PathBuf> = folders.iter().map(|f| f.join(SET_ASIDE)).collect();
        folders.extend(set_aside);
        folders
            .into_iter()
            .map(|folder| folder.join(name))
            .collect()
    }

    /// `sage50-annulation-<batch>.txt` beside the batch's outputs.
    fn reversal_path(&self, files: &BatchFiles) -> PathBuf {
        let name = format!("sage50-annulation-{}.txt", files.id);
        let folder = self.out_dir.clone().or_else(|| {
            let recorded = files.sage_file.as_deref().map(PathBuf::from)?;
            let folder = recorded.parent()?.to_path_buf();
            // Set aside already: the reversal goes where the batch's file was.
            if folder.file_name().is_some_and(|n| n == SET_ASIDE) {
                folder.parent().map(Path::to_path_buf)
            } else {
                Some(folder)
            }
        });
        folder
            .unwrap_or_else(|| self.history_dir.join("out"))
            .join(name)
    }
}

/// Moves a recorded file found in one of its places (and accepted by `is_it`)
/// into `annulés/` beside it; `Ok(None)` when it is there already or the
/// batch recorded none.
fn set_aside(
    places: &Places,
    recorded: Option<&str>,
    is_it: impl Fn(&Path) -> bool,
) -> Result<Option<PathBuf>, String> {
    let Some(recorded) = recorded else {
        return Ok(None);
    };
    let found = (places.candidates(recorded).into_iter())
        .find(|path| path.is_file() && is_it(path))
        .ok_or_else(|| t!("void-file-not-found").to_string())?;
    let folder = found.parent().map(Path::to_path_buf).unwrap_or_default();
    if folder.file_name().is_some_and(|n| n == SET_ASIDE) {
        return Ok(None);
    }
    let target_dir = folder.join(SET_ASIDE);
    std::fs::create_dir_all(&target_dir).map_err(|e| system_reason(&e).to_string())?;
    let name = found
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut target = target_dir.join(&name);
    let mut n = 2;
    while target.exists() {
        target = target_dir.join(format!("{n}-{name}"));
        n += 1;
    }
    std::fs::rename(&found, &target).map_err(|e| system_reason(&e).to_string())?;
    Ok(Some(target))
}

fn sha256(path: &Path) -> Option<String> {
    std::fs::read(path)
        .ok()
        .map(|bytes| format!("{:x}", Sha256::digest(bytes)))
}
