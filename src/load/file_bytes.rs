//! A file's bytes, as the inbox's reader takes them: refused before reading
//! when larger than the limit, and any bytes written since its size was
//! taken read as well (up to one past the limit, which the sheet reader
//! refuses).

use std::fs::File;
use std::io::Read;
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
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(limit + 1).read_to_end(&mut bytes)?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A file reads as it is; one over the limit is refused before it is read.
    #[test]
    fn a_file_reads_whole_unless_over_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ventes.csv");
        let bytes: Vec<u8> = (0..3 * MB as usize + 7)
            .map(|i| (i * 7 % 251) as u8)
            .collect();
        std::fs::write(&path, &bytes).unwrap();
        let limits = Limits::default();
        assert!(read_limited(&path, &limits).unwrap() == bytes);
        let small = Limits {
            max_file_mb: 2,
            ..Limits::default()
        };
        assert!(matches!(
            read_limited(&path, &small),
            Err(ReadError::Limit(Oversize::FileSize { max_mb: 2, .. }))
        ));
    }
}
