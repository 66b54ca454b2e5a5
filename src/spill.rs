//! A temporary file of 32-bit words, written once in order and read back by position: where
//! the parts of an analysis that grow with the corpus's text (count rows, tokens) go beyond
//! a memory budget.
//!
//! The file is made in the system's temporary folder (`TMPDIR`) and removed when dropped (on
//! Unix at once, so that even a killed run leaves nothing behind). Words are little-endian.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::sync::Mutex;

use crate::error::{Error, Result};

const WORD_BYTES: u64 = 4;

/// Distinguishes the files of one process (each count table and token store has its own).
static NEXT_FILE: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

#[derive(Debug)]
pub(crate) struct SpillFile {
    path: PathBuf,
    /// Open while words are appended; None once [`SpillFile::finish_writing`] has run.
    writer: Option<BufWriter<File>>,
    /// Read back by position (after the writer is flushed).
    file: File,
    /// Words appended so far.
    words: u64,
    /// Whether the file's name was removed at once (Unix), or is removed on drop.
    unlinked: bool,
    /// The first error met while reading back (a read then gives nothing).
    failure: Mutex<Option<std::io::Error>>,
}

impl SpillFile {
    /// A new empty file named after `what` it holds ("rows", "tokens").
    pub(crate) fn create(what: &str) -> Result<SpillFile> {
        let n = NEXT_FILE.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let path =
            std::env::temp_dir().join(format!("speechstat-{what}-{}-{n}.bin", std::process::id()));
        let error = |source| Error::Spill {
            path: path.clone(),
            source,
        };
        let file = File::options()
            .read(true)
            .write(true)
            .create_new(true)
            .open(&path)
            .map_err(error)?;
        let writer = BufWriter::with_capacity(1 << 20, file.try_clone().map_err(error)?);
        // Unix lets an open file lose its name: nothing is left behind, even after a kill.
        let unlinked = cfg!(unix) && std::fs::remove_file(&path).is_ok();
        Ok(SpillFile {
            path,
            writer: Some(writer),
            file,
            words: 0,
            unlinked,
            failure: Mutex::new(None),
        })
    }

    /// Words appended so far: where the next append starts.
    pub(crate) fn words(&self) -> u64 {
        self.words
    }

    /// Appends `words` at the end.
    pub(crate) fn append(&mut self, words: impl IntoIterator<Item = u32>) -> Result<()> {
        let Some(writer) = &mut self.writer else {
            return Err(Error::Spill {
                path: self.path.clone(),
                source: std::io::Error::other("words added after the file was closed"),
            });
        };
        for word in words {
            writer
                .write_all(&word.to_le_bytes())
                .map_err(|source| Error::Spill {
                    path: self.path.clone(),
                    source,
                })?;
            self.words += 1;
        }
        Ok(())
    }

    /// Flushes what was appended, so that it can be read back.
    pub(crate) fn finish_writing(&mut self) -> Result<()> {
        if let Some(writer) = self.writer.take() {
            writer.into_inner().map_err(|e| Error::Spill {
                path: self.path.clone(),
                source: e.into_error(),
            })?;
        }
        Ok(())
    }

    /// The words from `start` to `end`; none (with the failure kept for
    /// [`SpillFile::check`]) when they cannot be read.
    pub(crate) fn read(&self, start: u64, end: u64) -> Vec<u32> {
        let mut bytes = vec![0u8; ((end - start) * WORD_BYTES) as usize];
        if let Err(e) = read_exact_at(&self.file, &mut bytes, start * WORD_BYTES) {
            if let Ok(mut failure) = self.failure.lock() {
                failure.get_or_insert(e);
            }
            return Vec::new();
        }
        bytes
            .chunks_exact(WORD_BYTES as usize)
            .map(|w| u32::from_le_bytes([w[0], w[1], w[2], w[3]]))
            .collect()
    }

    /// The first error met reading back: what was computed from the reads is then wrong, and
    /// must not be written.
    pub(crate) fn check(&self) -> Result<()> {
        let failure = self.failure.lock().map_or(None, |mut f| f.take());
        match failure {
            Some(source) => Err(Error::Spill {
                path: self.path.clone(),
                source,
            }),
            None => Ok(()),
        }
    }

    #[cfg(test)]
    pub(crate) fn path(&self) -> &std::path::Path {
        &self.path
    }
}

impl Drop for SpillFile {
    fn drop(&mut self) {
        if !self.unlinked {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

#[cfg(unix)]
fn read_exact_at(file: &File, bytes: &mut [u8], offset: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, bytes, offset)
}

#[cfg(not(unix))]
fn read_exact_at(file: &File, bytes: &mut [u8], offset: u64) -> std::io::Result<()> {
    use std::io::{Read, Seek, SeekFrom};
    // One reader at a time: the handle's position is shared.
    static POSITION: Mutex<()> = Mutex::new(());
    let _guard = POSITION.lock();
    let mut file = file;
    file.seek(SeekFrom::Start(offset))?;
    file.read_exact(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_read_back_by_position_and_the_file_leaves_no_trace() {
        let mut file = SpillFile::create("test").unwrap();
        file.append([1, u32::MAX, 7]).unwrap();
        assert_eq!(file.words(), 3);
        file.append([9]).unwrap();
        file.finish_writing().unwrap();
        assert_eq!(file.read(1, 4), [u32::MAX, 7, 9]);
        assert_eq!(file.read(2, 2), Vec::<u32>::new());
        file.check().unwrap();
        assert!(file.append([1]).is_err());
        let path = file.path().to_path_buf();
        drop(file);
        assert!(!path.exists());
    }
}
