//! A file's bytes, as the inbox's reader takes them: refused before reading
//! when larger than the limit, a large file read in parts on every core (on
//! one, a large file takes a while to copy into fresh memory), and any bytes
//! written since its size was taken read as well.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;

use super::options::Limits;
use super::read_error::{Oversize, ReadError, MB};

/// Reads a file's bytes, refusing one larger than `max_file_mb` before reading it.
pub fn read_limited(path: &Path, limits: &Limits) -> Result<Vec<u8>, ReadError> {
    let file = File::open(path)?;
    let size = file.metadata()?.len();
    let limit = limits.max_file_mb * MB;
    if size > limit {
        return Err(ReadError::Limit(Oversize::FileSize {
            bytes: size,
            max_mb: limits.max_file_mb,
        }));
    }
    read_bytes(file, size, limits)
}

/// The file's bytes: the `size` its metadata gave (a large file's in parts at
/// once), then any written since, up to one past the limit.
fn read_bytes(mut file: File, size: u64, limits: &Limits) -> Result<Vec<u8>, ReadError> {
    let in_parts = (size >= READ_IN_PARTS_FROM)
        .then(|| read_in_parts(&file, size as usize))
        .flatten();
    let (mut bytes, read) = match in_parts {
        Some(bytes) => (bytes, size),
        None => (Vec::with_capacity(size as usize), 0),
    };
    file.seek(SeekFrom::Start(read))?;
    file.take(limits.max_file_mb * MB + 1 - read)
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// From this size, a file is read in parts at once.
const READ_IN_PARTS_FROM: u64 = 8 << 20;
const READ_PART: usize = 4 << 20;

/// The file's first `size` bytes, read in parts of a few MB on every core: on
/// one, a large file takes a while to copy into fresh memory. None when a part
/// could not be read whole (the file changed meanwhile): read it in one go.
fn read_in_parts(file: &File, size: usize) -> Option<Vec<u8>> {
    use rayon::prelude::*;
    let mut bytes = vec![0u8; size];
    (bytes.par_chunks_mut(READ_PART).enumerate())
        .all(|(index, part)| read_exact_at(file, part, (index * READ_PART) as u64).is_ok())
        .then_some(bytes)
}

#[cfg(unix)]
fn read_exact_at(file: &File, part: &mut [u8], offset: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, part, offset)
}

#[cfg(windows)]
fn read_exact_at(file: &File, mut part: &mut [u8], mut offset: u64) -> std::io::Result<()> {
    use std::os::windows::fs::FileExt;
    while !part.is_empty() {
        match file.seek_read(part, offset) {
            Ok(0) => return Err(std::io::ErrorKind::UnexpectedEof.into()),
            Ok(read) => {
                part = &mut part[read..];
                offset += read as u64;
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A file of several parts (the last one short) reads as it is, also
    /// when it grew after its size was taken; a file shorter than announced
    /// is not read in parts.
    #[test]
    fn a_large_file_reads_the_same_in_parts() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ventes.csv");
        let size = READ_IN_PARTS_FROM as usize + READ_PART / 2 + 7;
        let bytes: Vec<u8> = (0..size).map(|i| (i * 7 % 251) as u8).collect();
        std::fs::write(&path, &bytes).unwrap();
        let file = File::open(&path).unwrap();
        assert!(read_in_parts(&file, size) == Some(bytes.clone()));
        assert!(read_in_parts(&file, size + 1).is_none());
        let limits = Limits::default();
        assert!(read_limited(&path, &limits).unwrap() == bytes);
        // Grown since: the bytes past the size taken are read as well.
        let mut grown = bytes.clone();
        grown.extend_from_slice(b"2026-11-30,10.00\n");
        let file = File::open(&path).unwrap();
        std::fs::write(&path, &grown).unwrap();
        assert!(read_bytes(file, size as u64, &limits).unwrap() == grown);
    }
}
