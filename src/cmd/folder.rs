//! A folder named to `history`, `sql`, `tables` or `run --dry-run`: a folder
//! of exports (its configuration inside, or in the current folder), or a
//! client's drop folder — or a folder inside one, such as its inbox or an
//! archived batch — whose configuration and history are the drop folder's.
//! With `--batch last|ID`, the files archived for that batch are read, so a
//! month already exported can be queried.

use std::path::{Path, PathBuf};

use crate::config::CONFIG_FILE_NAME;
use crate::history::{BatchState, History};
use crate::tr;
use crate::watch::Layout;

/// What a named folder stands for.
#[derive(Debug, Clone)]
pub struct Named {
    /// The folder whose exports are read.
    pub inbox: PathBuf,
    /// The drop folder it belongs to, if any.
    pub drop_folder: Option<Layout>,
}

impl Named {
    /// The configuration to read: the drop folder's, unless one is given.
    pub fn config(&self, given: Option<PathBuf>) -> Option<PathBuf> {
        given.or_else(|| self.drop_folder.as_ref().map(|l| l.config.clone()))
    }

    /// The history to read: the drop folder's, unless one is given.
    pub fn history(&self, given: Option<PathBuf>) -> Option<PathBuf> {
        given.or_else(|| self.drop_folder.as_ref().map(|l| l.history.clone()))
    }
}

/// A drop folder: its inbox and its configuration.
pub fn is_drop_folder(folder: &Path) -> bool {
    folder.join("inbox").is_dir() && folder.join(CONFIG_FILE_NAME).is_file()
}

/// The drop folder `folder` is, or is inside (two levels at most:
/// `inbox/`, `archive/<batch>/`), when it has no configuration of its own.
fn drop_folder_of(folder: &Path) -> Option<PathBuf> {
    if is_drop_folder(folder) {
        return Some(folder.to_path_buf());
    }
    if folder.join(CONFIG_FILE_NAME).is_file() {
        return None;
    }
    let absolute = std::path::absolute(folder).ok()?;
    absolute
        .ancestors()
        .skip(1)
        .take(2)
        .find(|ancestor| is_drop_folder(ancestor))
        .map(Path::to_path_buf)
}

/// Resolves a named folder; `batch` (`last` or a batch's id) reads the files
/// archived for that batch instead of the inbox. An error is a sentence.
pub fn resolve(folder: &Path, batch: Option<&str>) -> Result<Named, String> {
    let Some(root) = drop_folder_of(folder) else {
        if batch.is_some() {
            return Err(tr!(
                "folder-batch-needs-drop-folder",
                folder = folder.display().to_string()
            ));
        }
        return Ok(Named {
            inbox: folder.to_path_buf(),
            drop_folder: None,
        });
    };
    let layout = Layout::new(&root);
    let inbox = match batch {
        None if is_drop_folder(folder) => layout.inbox.clone(),
        None => folder.to_path_buf(),
        Some(batch) => archived(&layout, batch)?,
    };
    Ok(Named {
        inbox,
        drop_folder: Some(layout),
    })
}

/// The folder holding a batch's archived files; `last`: the last batch
/// exported that stands.
fn archived(layout: &Layout, batch: &str) -> Result<PathBuf, String> {
    let id = if batch == "last" {
        let history = History::snapshot(&layout.history).map_err(|e| e.to_string())?;
        let batches = history.batches().map_err(|e| e.to_string())?;
        batches
            .into_iter()
            .rev()
            .find(|b| b.status == BatchState::Done)
            .map(|b| b.id)
            .ok_or_else(|| {
                tr!(
                    "folder-no-batch",
                    folder = layout.root.display().to_string()
                )
            })?
    } else {
        batch.to_string()
    };
    let folder = layout.archive.join(&id);
    if folder.is_dir() {
        return Ok(folder);
    }
    let archived: Vec<String> = crate::watch::subfolders(&layout.archive)
        .iter()
        .filter_map(|f| f.file_name().map(|n| n.to_string_lossy().into_owned()))
        .filter(|name| name != "duplicates")
        .collect();
    Err(tr!(
        "folder-batch-not-archived",
        batch = id,
        archive = layout.archive.display().to_string(),
        archived = archived.join(", ")
    ))
}
