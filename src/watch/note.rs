//! The note each folder under `rejected/` keeps (`plannit2sage-lot.json`):
//! the batch's input files, the fingerprint of the setup it was rejected with
//! (the configuration and the files it names: mapping table, chart of
//! accounts, linked accounts) and each retry's result.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::Layout;
use crate::config::Config;

/// The note a rejected batch's folder keeps.
pub const NOTE_FILE: &str = "plannit2sage-lot.json";
/// The attempts at a rejected batch, in words.
pub const RETRIES_FILE: &str = "REPRISES-RETRIES.txt";
/// What a rejected batch's errors are and where to fix them.
pub const ERRORS_FILE: &str = "ERREURS-ERRORS.txt";
/// What a batch held for review waits for (see `review`).
pub const REVIEW_FILE: &str = "A-VERIFIER-TO-REVIEW.txt";
/// Files of a rejected folder that are outputs, never inputs to retry.
pub(super) const OUTPUT_FILES: [&str; 5] = [
    NOTE_FILE,
    RETRIES_FILE,
    ERRORS_FILE,
    REVIEW_FILE,
    crate::config::survey::MISSING_ITEMS_FILE,
];

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct RejectedNote {
    /// The batch's input files (in this folder while it stays rejected).
    pub inputs: Vec<String>,
    /// The setup fingerprint the batch was last run with.
    pub setup: String,
    /// False once a retry exported it (or found it all already exported).
    pub pending: bool,
    /// `retry … --accept` was run on it: later retries accept it too.
    #[serde(default)]
    pub accepted: bool,
    pub attempts: Vec<Attempt>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Attempt {
    pub time: String,
    /// `rejected`, `exported`, `nothing_new`, `duplicate`.
    pub status: String,
    pub batch: Option<String>,
    pub moved_to: Option<String>,
}

impl RejectedNote {
    /// Writes (or updates) the note of a folder that just received a rejected batch.
    pub(super) fn rejected(folder: &Path, inputs: &[String], setup: String) {
        let mut note = RejectedNote::read(folder).unwrap_or_default();
        note.inputs = inputs.to_vec();
        note.setup = setup;
        note.pending = true;
        note.write(folder);
    }

    pub fn read(folder: &Path) -> Option<RejectedNote> {
        let text = std::fs::read_to_string(folder.join(NOTE_FILE)).ok()?;
        serde_json::from_str(&text).ok()
    }

    pub(super) fn write(&self, folder: &Path) {
        if let Ok(text) = serde_json::to_string_pretty(self) {
            let _ = crate::output::write_atomically(&folder.join(NOTE_FILE), |file| {
                std::io::Write::write_all(file, text.as_bytes())
            });
        }
    }
}

/// The files a batch's result depends on besides its own: the
/// configuration and the files it names (mapping table, chart). A
/// configuration that does not parse counts alone.
#[derive(Debug, Clone)]
pub struct SetupFiles(Vec<PathBuf>);

impl SetupFiles {
    pub fn of(layout: &Layout) -> SetupFiles {
        let mut files = vec![layout.config.clone()];
        if let Ok(config) = Config::load(&layout.config) {
            files.extend(config.named_files);
        }
        SetupFiles(files)
    }

    /// A fingerprint of the files' names and bytes.
    pub fn fingerprint(&self) -> String {
        let mut hash = Sha256::new();
        for file in &self.0 {
            hash.update(file.to_string_lossy().as_bytes());
            hash.update(std::fs::read(file).unwrap_or_default());
        }
        format!("{:x}", hash.finalize())
    }

    /// How long until every file has been unchanged for `quiet` (an editor
    /// still saving is not read half-way).
    pub fn unsettled_for(&self, quiet: std::time::Duration) -> std::time::Duration {
        self.0
            .iter()
            .filter_map(|file| {
                let age = std::fs::metadata(file)
                    .and_then(|m| m.modified())
                    .ok()?
                    .elapsed()
                    .ok()?;
                Some(quiet.saturating_sub(age))
            })
            .max()
            .unwrap_or_default()
    }
}

/// The fingerprint of a drop folder's setup as it is now.
pub fn setup_fingerprint(layout: &Layout) -> String {
    SetupFiles::of(layout).fingerprint()
}
