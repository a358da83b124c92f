//! The inbox's files read ahead of their rows: each file's SHA-256 (identical
//! files are read once) and, for a large inbox, the sheets of the files that
//! cannot be copies of another, hashed and parsed at once on every core.

use std::path::PathBuf;

use sha2::{Digest, Sha256};

use super::options::Limits;
use super::sheet;

/// A candidate file's path, name and bytes (or why they could not be read).
pub(super) type ReadCandidate = (PathBuf, String, Result<Vec<u8>, sheet::ReadError>);

/// From this many bytes in the inbox, its files are hashed and parsed on
/// every core.
pub(super) const PARALLEL_FROM_BYTES: usize = 1 << 20;

/// A file's sheets, parsed or not, where an identical file is read instead.
type ParsedSheets = Option<Result<Vec<sheet::RawSheet>, sheet::ReadError>>;

/// Each file's SHA-256 and, with `at_once`, the sheets of each file no other
/// has the size of (it cannot be identical to one): the files hashed and
/// parsed at once, a task per core, the largest first. Without, the files are
/// only hashed, and parsed one after the other as they are read.
pub(super) fn digests_and_sheets(
    contents: &[ReadCandidate],
    limits: &Limits,
    at_once: bool,
) -> (Vec<Option<String>>, Vec<ParsedSheets>) {
    use rayon::prelude::*;
    enum Task {
        Digest(usize),
        Parse(usize),
    }
    enum Done {
        Digest(usize, String),
        Parse(usize, Result<Vec<sheet::RawSheet>, sheet::ReadError>),
    }
    let readable: Vec<(usize, &[u8])> = (contents.iter().enumerate())
        .filter_map(|(index, (_, _, bytes))| Some((index, bytes.as_deref().ok()?)))
        .collect();
    let mut by_size = readable.clone();
    by_size.sort_by_key(|(_, bytes)| std::cmp::Reverse(bytes.len()));
    let size_shared = |len: usize| {
        readable
            .iter()
            .filter(|(_, bytes)| bytes.len() == len)
            .count()
            > 1
    };
    let tasks: Vec<Task> = (by_size.iter())
        .flat_map(|&(index, bytes)| {
            let parse = (at_once && !size_shared(bytes.len())).then_some(Task::Parse(index));
            parse.into_iter().chain([Task::Digest(index)])
        })
        .collect();
    let bytes_of = |index: usize| contents[index].2.as_deref().unwrap_or_default();
    let run = |task: Task| match task {
        Task::Digest(index) => {
            Done::Digest(index, format!("{:x}", Sha256::digest(bytes_of(index))))
        }
        Task::Parse(index) => {
            let path = &contents[index].0;
            Done::Parse(index, sheet::parse_sheets(bytes_of(index), path, limits))
        }
    };
    let done: Vec<Done> = if at_once {
        (tasks.into_par_iter().with_max_len(1)).map(run).collect()
    } else {
        tasks.into_iter().map(run).collect()
    };
    let mut digests = vec![None; contents.len()];
    let mut sheets: Vec<ParsedSheets> = (0..contents.len()).map(|_| None).collect();
    for result in done {
        match result {
            Done::Digest(index, digest) => digests[index] = Some(digest),
            Done::Parse(index, parsed) => sheets[index] = Some(parsed),
        }
    }
    (digests, sheets)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Files parsed at once are those whose size no other file has; every
    /// file is hashed; none is parsed ahead when they are read one by one.
    #[test]
    fn only_files_of_a_size_of_their_own_are_parsed_ahead() {
        let csv = |text: &str| -> ReadCandidate {
            let name = format!("{}.csv", text.len());
            (PathBuf::from(&name), name, Ok(text.as_bytes().to_vec()))
        };
        let contents = vec![
            csv("Date,Montant\n2026-11-02,10.00\n"),
            csv("Date,Montant\n2026-11-03,10.00\n"),
            csv("Date,Montant\n2026-11-04,100.00\n"),
            (
                "gone.csv".into(),
                "gone.csv".into(),
                Err(sheet::ReadError::EmptyFile),
            ),
        ];
        let (digests, parsed) = digests_and_sheets(&contents, &Limits::default(), true);
        assert!(digests[..3].iter().all(Option::is_some) && digests[3].is_none());
        assert_ne!(digests[0], digests[1]);
        let ahead: Vec<bool> = parsed.iter().map(Option::is_some).collect();
        assert_eq!(ahead, [false, false, true, false]);
        let (again, parsed) = digests_and_sheets(&contents, &Limits::default(), false);
        assert_eq!(again, digests);
        assert!(parsed.iter().all(Option::is_none));
    }
}
