//! Which files of the inbox are read, and their bytes: folders, links
//! outside the inbox, lock files and partial downloads, `[input] ignore`
//! patterns and other extensions are listed as not read; of files with the
//! same bytes, one is read and the others named as its copies.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::file_bytes::read_limited;
use super::options::{Limits, LoadOptions};
use super::read_error::ReadError;
use super::{sheet, FileUse, InboxError, InputFile};
use crate::i18n::Text;
use crate::t;

/// A file of the inbox that may be a report, as read.
pub(super) struct Candidate {
    pub path: PathBuf,
    pub name: String,
    pub size: u64,
    /// SHA-256 of its bytes, hex; empty when they could not be read.
    pub sha256: String,
    pub content: Content,
}

/// What a candidate's bytes are to the loader.
pub(super) enum Content {
    Bytes(Vec<u8>),
    /// The same bytes as the file `of`, which is read instead.
    Identical {
        of: String,
    },
    Unreadable(ReadError),
}

impl Candidate {
    /// The file as the report lists it (its uses still to find), and its content.
    pub fn into_parts(self) -> (InputFile, Content) {
        let file = InputFile {
            path: self.path,
            name: self.name,
            size: self.size,
            sha256: self.sha256,
            uses: Vec::new(),
        };
        (file, self.content)
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

/// A file that may be a report: its path and name.
pub(super) type Listed = (PathBuf, String);

/// The inbox's entries in name order: those not read (with why), and the
/// others. Files in `skip` are left out altogether.
pub(super) fn list(
    inbox: &Path,
    options: &LoadOptions,
    skip: &[PathBuf],
) -> Result<(Vec<InputFile>, Vec<Listed>), InboxError> {
    if !inbox.is_dir() {
        return Err(InboxError::Missing(inbox.to_path_buf()));
    }
    let mut paths: Vec<PathBuf> = std::fs::read_dir(inbox)
        .map_err(|e| InboxError::Unreadable(inbox.to_path_buf(), e))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .collect();
    paths.sort();
    let skip: Vec<PathBuf> = skip.iter().filter_map(|p| p.canonicalize().ok()).collect();
    let (mut ignored, mut candidates) = (Vec::new(), Vec::new());
    for path in paths {
        if path.canonicalize().is_ok_and(|p| skip.contains(&p)) {
            continue;
        }
        let name = (path.file_name())
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        match not_read_because(&path, &name, inbox, options) {
            Some(reason) => ignored.push(InputFile {
                path,
                name,
                size: 0,
                sha256: String::new(),
                uses: vec![FileUse::Ignored { reason }],
            }),
            None => candidates.push((path, name)),
        }
    }
    Ok((ignored, candidates))
}

/// Why an entry of the inbox is not read, if it is not.
fn not_read_because(path: &Path, name: &str, inbox: &Path, options: &LoadOptions) -> Option<Text> {
    if escapes_inbox(path, inbox) {
        return Some(t!("load-ignored-outside-link"));
    }
    if path.is_dir() {
        return Some(t!("load-ignored-folder"));
    }
    if is_transient_file(name) {
        return Some(t!("load-ignored-transient"));
    }
    let case_insensitive = glob::MatchOptions {
        case_sensitive: false,
        ..glob::MatchOptions::new()
    };
    let ignored = (options.ignore.iter()).find(|p| p.matches_with(name, case_insensitive));
    if let Some(pattern) = ignored {
        return Some(t!("load-ignored-pattern", pattern = pattern.as_str()));
    }
    if !sheet::is_supported_extension(path) {
        return Some(t!("load-ignored-not-spreadsheet"));
    }
    None
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

/// Each candidate's bytes and digest. Of identical files, the one read is
/// the one with the shortest name (a browser's second download adds " (1)"),
/// then the first in name order; the others are its copies.
pub(super) fn read(candidates: Vec<Listed>, limits: &Limits) -> Vec<Candidate> {
    let read: Vec<(PathBuf, String, Result<Vec<u8>, ReadError>)> = (candidates.into_iter())
        .map(|(path, name)| {
            let bytes = read_limited(&path, limits);
            (path, name, bytes)
        })
        .collect();
    let digests: Vec<Option<String>> = (read.iter())
        .map(|(_, _, bytes)| Some(format!("{:x}", Sha256::digest(bytes.as_deref().ok()?))))
        .collect();
    let names: Vec<String> = read.iter().map(|(_, name, _)| name.clone()).collect();
    let mut read_as: HashMap<&str, usize> = HashMap::new();
    for (index, digest) in digests.iter().enumerate() {
        if let Some(digest) = digest {
            let chosen = read_as.entry(digest.as_str()).or_insert(index);
            if names[index].len() < names[*chosen].len() {
                *chosen = index;
            }
        }
    }
    let originals: Vec<Option<usize>> = (digests.iter().enumerate())
        .map(|(index, digest)| {
            let chosen = read_as[digest.as_deref()?];
            (chosen != index).then_some(chosen)
        })
        .collect();
    (read.into_iter().zip(digests).zip(originals))
        .map(|(((path, name, bytes), digest), original)| {
            let size = bytes.as_ref().map_or(0, |b| b.len() as u64);
            let content = match (bytes, original) {
                (Ok(_), Some(original)) => Content::Identical {
                    of: names[original].clone(),
                },
                (Ok(bytes), None) => Content::Bytes(bytes),
                (Err(e), _) => Content::Unreadable(e),
            };
            Candidate {
                path,
                name,
                size,
                sha256: digest.unwrap_or_default(),
                content,
            }
        })
        .collect()
}
