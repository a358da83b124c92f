//! Safe writes: every file plannit2sage writes (Sage file, workbook, rejection
//! note) is written under a temporary name beside its final name, synced, and
//! only then renamed into place, so a reader never sees a partial file.
//!
//! Temporary files are named `.plannit2sage-….tmp` and held locked (an OS file
//! lock) by the run writing them, until they are renamed. A run killed midway
//! leaves its temporary file unlocked: [`remove_stale_temporaries`], called by
//! the next run and by `watch` at start, removes those and only those.

use std::fs::{File, TryLockError};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Every temporary output starts with this and ends with [`TEMP_SUFFIX`].
pub const TEMP_PREFIX: &str = ".plannit2sage-";
pub const TEMP_SUFFIX: &str = ".tmp";

/// An output being written under its temporary name; renamed by [`StagedFile::persist`].
#[derive(Debug)]
pub struct StagedFile {
    temp: PathBuf,
    dest: PathBuf,
    /// Open and locked until persisted: the lock tells the next run that a
    /// live run owns this temporary file.
    file: File,
}

impl StagedFile {
    /// Creates `.plannit2sage-<name>.<tag>.tmp` beside `dest` (creating the
    /// folder), locked. A fixed `tag` gives a name known in advance, which the
    /// export history records so that a run stopped after its commit can be
    /// finished by the next.
    pub fn create(dest: &Path, tag: &str) -> io::Result<StagedFile> {
        let temp = temporary_path(dest, tag);
        if let Some(dir) = temp.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let file = File::create(&temp)?;
        file.lock()?;
        Ok(StagedFile {
            temp,
            dest: dest.to_path_buf(),
            file,
        })
    }

    pub fn temp_path(&self) -> &Path {
        &self.temp
    }

    pub fn dest_path(&self) -> &Path {
        &self.dest
    }

    /// The open file, to write into.
    pub fn file(&mut self) -> &mut File {
        &mut self.file
    }

    /// Writes `bytes` and syncs them to disk.
    pub fn write_all(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.file.write_all(bytes)?;
        self.file.sync_all()
    }

    /// Renames the temporary file to its final name. A temporary file already
    /// gone means another run finished the rename.
    pub fn persist(self) -> io::Result<()> {
        self.file.sync_all()?;
        finish_rename(&self.temp, &self.dest)
    }

    /// Removes the temporary file (the output is abandoned).
    pub fn discard(self) {
        let StagedFile { temp, file, .. } = self;
        drop(file);
        let _ = std::fs::remove_file(temp);
    }
}

/// Writes `dest` in one go through a temporary file: `write` fills the file,
/// which is then synced and renamed. On error nothing is left behind.
pub fn write_atomically(
    dest: &Path,
    write: impl FnOnce(&mut File) -> io::Result<()>,
) -> io::Result<()> {
    let tag = format!("{}-{}", std::process::id(), unique_suffix());
    let mut staged = StagedFile::create(dest, &tag)?;
    let written = write(staged.file()).and_then(|()| staged.file.sync_all());
    match written {
        Ok(()) => staged.persist(),
        Err(e) => {
            staged.discard();
            Err(e)
        }
    }
}

/// Renames a temporary output into place; a temporary file already gone
/// means the rename was done (by this run or a concurrent one).
pub fn finish_rename(from: &Path, to: &Path) -> io::Result<()> {
    match std::fs::rename(from, to) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        other => other,
    }
}

/// Removes the temporary outputs in `dir` that no live run holds (their
/// writer was killed). Returns the files removed. Files of other programs are
/// never touched: only `.plannit2sage-….tmp` names are considered.
pub fn remove_stale_temporaries(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut removed = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !(name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX)) {
            continue;
        }
        let path = entry.path();
        let Ok(file) = File::options().read(true).write(true).open(&path) else {
            continue;
        };
        match file.try_lock() {
            Ok(()) => {
                drop(file);
                if std::fs::remove_file(&path).is_ok() {
                    removed.push(path);
                }
            }
            Err(TryLockError::WouldBlock) | Err(TryLockError::Error(_)) => {}
        }
    }
    removed.sort();
    removed
}

/// `.plannit2sage-<file name>.<tag>.tmp` beside `dest`.
fn temporary_path(dest: &Path, tag: &str) -> PathBuf {
    let name = dest
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    dest.with_file_name(format!("{TEMP_PREFIX}{name}.{tag}{TEMP_SUFFIX}"))
}

/// Distinguishes two writes of one process to the same destination.
fn unique_suffix() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(0);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_write_leaves_only_the_final_file() {
        let dir = tempfile::tempdir().unwrap();
        let dest = dir.path().join("sub").join("a.txt");
        write_atomically(&dest, |f| f.write_all(b"hello")).unwrap();
        assert_eq!(std::fs::read(&dest).unwrap(), b"hello");
        let names: Vec<_> = std::fs::read_dir(dest.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("a.txt")]);
    }

    #[test]
    fn failed_write_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let dest = dir.path().join("a.txt");
        let result = write_atomically(&dest, |_| Err(io::Error::other("disk full")));
        assert!(result.is_err());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[test]
    fn stale_temporaries_are_removed_but_held_ones_kept() {
        let dir = tempfile::tempdir().unwrap();
        // A temporary file of a killed run: nobody holds its lock.
        let stale = dir.path().join(".plannit2sage-old.xlsx.7.tmp");
        std::fs::write(&stale, b"partial").unwrap();
        // One a live run is writing.
        let mut live = StagedFile::create(&dir.path().join("new.xlsx"), "9").unwrap();
        live.write_all(b"in progress").unwrap();
        // Files that are not ours.
        let other = dir.path().join("notes.tmp");
        std::fs::write(&other, b"x").unwrap();

        let removed = remove_stale_temporaries(dir.path());
        assert_eq!(removed, vec![stale.clone()]);
        assert!(!stale.exists());
        assert!(live.temp_path().exists());
        assert!(other.exists());

        let dest = live.dest_path().to_path_buf();
        live.persist().unwrap();
        assert_eq!(std::fs::read(dest).unwrap(), b"in progress");
    }
}
