//! Reading a file whole, but never more than [`MAX_READ_BYTES`] whatever size it reports, and
//! only a regular file: a device such as `/dev/zero` reports no size and never ends, and a
//! named pipe waits for a writer.

use std::io::Read;
use std::path::Path;

/// The most bytes read from one file: token positions are 32-bit offsets into a text.
pub(crate) const MAX_READ_BYTES: u64 = u32::MAX as u64;

/// The bytes of the regular file at `path`, at most [`MAX_READ_BYTES`] of them.
pub(crate) fn read_limited(path: &Path) -> std::io::Result<Vec<u8>> {
    read_at_most(path, MAX_READ_BYTES)
}

/// The bytes of the regular file at `path`; an error if it holds more than `limit`.
pub(crate) fn read_at_most(path: &Path, limit: u64) -> std::io::Result<Vec<u8>> {
    let metadata = std::fs::metadata(path)?;
    if !metadata.is_file() {
        return Err(not_regular());
    }
    let file = std::fs::File::open(path)?;
    // Room for the size the file reports (a `Take` reader gives no hint, and the buffer
    // would grow by doubling and copying); one byte more lets the end be seen without
    // growing.
    let expected = metadata.len().min(limit).saturating_add(1);
    let mut bytes = Vec::with_capacity(usize::try_from(expected).unwrap_or(0));
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(std::io::Error::new(
            std::io::ErrorKind::FileTooLarge,
            format!("more than {limit} bytes, more than speechstat reads from one file; split it into smaller files"),
        ));
    }
    Ok(bytes)
}

/// The error of a path that is not a regular file.
pub(crate) fn not_regular() -> std::io::Error {
    std::io::Error::new(
        std::io::ErrorKind::InvalidInput,
        "not a regular file (a device, a pipe or a socket); give a file or a folder",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_longer_than_the_limit_is_refused_whatever_its_reported_size() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "0123456789").unwrap();
        assert_eq!(read_at_most(&path, 10).unwrap(), b"0123456789");
        let err = read_at_most(&path, 9).unwrap_err();
        assert!(err.to_string().contains("more than 9 bytes"), "{err}");
        #[cfg(unix)]
        {
            let err = read_at_most(Path::new("/dev/zero"), 9).unwrap_err();
            assert!(err.to_string().contains("not a regular file"), "{err}");
        }
    }
}
