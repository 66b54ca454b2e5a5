//! The per-document count rows, `(term, count)` sorted by term: held in memory up to a budget
//! of entries, the rest written to a temporary file as they come and read back by position.
//!
//! These rows are the count tables' only part that grows with the corpus's text rather than
//! its vocabulary: about 700 entries per speech of the General Debate, 8 bytes each. Beyond
//! the budget a corpus of any size counts in about the same memory; the file
//! ([`SpillFile`]) keeps each entry as two words (term id, count), and an offset per document
//! finds its row.

use std::borrow::Cow;

use crate::error::Result;
use crate::spill::SpillFile;
use crate::text::TermId;

/// Entries held in memory before the rest go to the temporary file: 8 MB of rows, about a
/// third of the 3.3 million of the UN General Debate. Beyond, each later pass reads the file
/// back in order, from the page cache on most machines: a run over the General Debate takes
/// the same time with the rows all in memory, and 8 MB less at ten times its size.
pub const MEMORY_ENTRIES: usize = 1 << 20;

/// One document's counts: `(term, count)` sorted by term.
pub type Row = [(TermId, u32)];

/// The count rows of a corpus's documents, in corpus order.
#[derive(Debug)]
pub struct DocRows {
    /// The rows of the first documents.
    memory: Vec<Vec<(TermId, u32)>>,
    entries_in_memory: usize,
    budget: usize,
    spill: Option<Spill>,
}

impl Default for DocRows {
    fn default() -> DocRows {
        DocRows::with_budget(MEMORY_ENTRIES)
    }
}

impl Clone for DocRows {
    /// A copy holds every row in memory.
    fn clone(&self) -> DocRows {
        DocRows {
            memory: self.iter().map(Cow::into_owned).collect(),
            entries_in_memory: self.total_entries(),
            budget: usize::MAX,
            spill: None,
        }
    }
}

impl PartialEq for DocRows {
    fn eq(&self, other: &DocRows) -> bool {
        self.len() == other.len() && self.iter().zip(other.iter()).all(|(a, b)| a == b)
    }
}

impl FromIterator<Vec<(TermId, u32)>> for DocRows {
    /// Rows held in memory, whatever their size.
    fn from_iter<I: IntoIterator<Item = Vec<(TermId, u32)>>>(rows: I) -> DocRows {
        let mut all = DocRows::with_budget(usize::MAX);
        for row in rows {
            all.entries_in_memory += row.len();
            all.memory.push(row);
        }
        all
    }
}

/// The rows written to the temporary file, and where each one starts.
#[derive(Debug)]
struct Spill {
    file: SpillFile,
    /// Start of each spilled document's row in entries, plus the end.
    starts: Vec<u64>,
}

impl DocRows {
    /// Rows whose first `budget` entries stay in memory.
    pub fn with_budget(budget: usize) -> DocRows {
        DocRows {
            memory: Vec::new(),
            entries_in_memory: 0,
            budget,
            spill: None,
        }
    }

    /// Documents.
    pub fn len(&self) -> usize {
        self.memory.len() + self.spill.as_ref().map_or(0, |s| s.starts.len() - 1)
    }

    /// Whether there are no documents.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Adds the next document's row: in memory while the budget lasts, else to the file.
    pub fn push(&mut self, row: Vec<(TermId, u32)>) -> Result<()> {
        if self.spill.is_none() && self.entries_in_memory + row.len() <= self.budget {
            self.entries_in_memory += row.len();
            self.memory.push(row);
            return Ok(());
        }
        let spill = match &mut self.spill {
            Some(spill) => spill,
            None => self.spill.insert(Spill {
                file: SpillFile::create("rows")?,
                starts: vec![0],
            }),
        };
        spill
            .file
            .append(row.iter().flat_map(|&(term, count)| [term, count]))?;
        let end = spill.starts.last().copied().unwrap_or(0) + row.len() as u64;
        spill.starts.push(end);
        Ok(())
    }

    /// Flushes the rows written to the file, so that they can be read back.
    pub fn finish_writing(&mut self) -> Result<()> {
        match &mut self.spill {
            Some(spill) => spill.file.finish_writing(),
            None => Ok(()),
        }
    }

    /// Entries of document `d`'s row, without reading it.
    pub fn entries(&self, d: usize) -> usize {
        match self.memory.get(d) {
            Some(row) => row.len(),
            None => self.spill.as_ref().map_or(0, |spill| {
                let i = d - self.memory.len();
                (spill.starts[i + 1] - spill.starts[i]) as usize
            }),
        }
    }

    /// Entries of every row.
    pub fn total_entries(&self) -> usize {
        self.entries_in_memory
            + self
                .spill
                .as_ref()
                .map_or(0, |s| s.starts.last().copied().unwrap_or(0) as usize)
    }

    /// Document `d`'s row: borrowed from memory, or read from the file.
    pub fn row(&self, d: usize) -> Cow<'_, Row> {
        match (self.memory.get(d), &self.spill) {
            (Some(row), _) => Cow::Borrowed(row),
            (None, Some(spill)) => Cow::Owned(spill.read(d - self.memory.len())),
            (None, None) => Cow::Borrowed(&[]),
        }
    }

    /// Every row in corpus order.
    pub fn iter(&self) -> impl Iterator<Item = Cow<'_, Row>> + '_ {
        (0..self.len()).map(|d| self.row(d))
    }

    /// The first error met reading rows back from the file: the results computed from them
    /// are then wrong, and must not be written.
    pub fn check(&self) -> Result<()> {
        match &self.spill {
            Some(spill) => spill.file.check(),
            None => Ok(()),
        }
    }
}

impl Spill {
    /// The row of the `i`-th spilled document; empty (with the failure kept) on an error.
    fn read(&self, i: usize) -> Vec<(TermId, u32)> {
        let words = self.file.read(self.starts[i] * 2, self.starts[i + 1] * 2);
        words.chunks_exact(2).map(|w| (w[0], w[1])).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows() -> Vec<Vec<(TermId, u32)>> {
        vec![
            vec![(0, 2), (3, 1)],
            vec![],
            vec![(1, 7)],
            vec![(0, 1), (1, 1), (2, 4)],
            vec![(5, 9)],
        ]
    }

    #[test]
    fn rows_beyond_the_budget_are_read_back_from_the_file_as_they_were() {
        let mut spilled = DocRows::with_budget(3);
        for row in rows() {
            spilled.push(row).unwrap();
        }
        spilled.finish_writing().unwrap();
        // Three rows (2 + 0 + 1 entries) fit, the fourth would pass 3 entries: it and all
        // later rows are in the file.
        assert_eq!(spilled.memory.len(), 3);
        assert!(spilled.spill.is_some());
        assert_eq!(spilled.len(), 5);
        let back: Vec<Vec<(TermId, u32)>> = spilled.iter().map(Cow::into_owned).collect();
        assert_eq!(back, rows());
        assert_eq!(spilled.entries(3), 3);
        assert_eq!(spilled.total_entries(), 7);
        assert_eq!(spilled, rows().into_iter().collect::<DocRows>());
        assert_eq!(spilled.clone().memory, rows());
        spilled.check().unwrap();
    }

    #[test]
    fn the_file_leaves_no_trace() {
        let mut spilled = DocRows::with_budget(0);
        spilled.push(vec![(1, 1)]).unwrap();
        let path = spilled.spill.as_ref().unwrap().file.path().to_path_buf();
        drop(spilled);
        assert!(!path.exists());
    }
}
