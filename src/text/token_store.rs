//! The documents' tokens kept for the passes that run after reading (profiles, the dispersion
//! plot, the groups' pairs and standardized TTR, `tokens.csv`): in memory up to a budget of
//! words, the rest in a temporary file ([`SpillFile`]) read back one document at a time. The
//! tokens are the one part of a run that is as large as its text (4 bytes a token): beyond
//! the budget, reading a corpus ten times larger takes about the same memory.

use std::borrow::Cow;

use super::tokenized::DocTokens;
use crate::error::Result;
use crate::spill::SpillFile;

/// Words (forms and sentence starts) held in memory before the rest go to the file: 16 MB,
/// about a third of the UN General Debate's 12.4 million (11.9 million tokens and their
/// sentence starts), whose passes read the rest back from the page cache in the same time.
pub const MEMORY_WORDS: usize = 4 << 20;

/// Documents' tokens read by index, wherever they are kept.
pub trait DocSource: Sync {
    fn n_docs(&self) -> usize;
    /// Word tokens of document `d`, without reading them.
    fn tokens_of(&self, d: usize) -> usize;
    /// Document `d`'s tokens: borrowed from memory, or read back.
    fn doc(&self, d: usize) -> Cow<'_, DocTokens>;
}

impl DocSource for Vec<DocTokens> {
    fn n_docs(&self) -> usize {
        self.len()
    }

    fn tokens_of(&self, d: usize) -> usize {
        self[d].forms.len()
    }

    fn doc(&self, d: usize) -> Cow<'_, DocTokens> {
        Cow::Borrowed(&self[d])
    }
}

/// The tokens of a corpus's documents, in corpus order.
#[derive(Debug)]
pub struct TokenStore {
    /// The tokens of the first documents.
    memory: Vec<DocTokens>,
    words_in_memory: usize,
    budget: usize,
    spill: Option<Spill>,
}

/// The documents written to the file: each as its sentence count, its sentence starts, then
/// its forms.
#[derive(Debug)]
struct Spill {
    file: SpillFile,
    /// Start of each spilled document in words, plus the end.
    starts: Vec<u64>,
    /// Word tokens of each spilled document.
    tokens: Vec<u32>,
}

impl TokenStore {
    /// A store whose first `budget` words stay in memory.
    pub fn with_budget(budget: usize) -> TokenStore {
        TokenStore {
            memory: Vec::new(),
            words_in_memory: 0,
            budget,
            spill: None,
        }
    }

    /// Adds the next documents: in memory while the budget lasts, then to the file.
    pub fn extend(&mut self, docs: Vec<DocTokens>) -> Result<()> {
        docs.into_iter().try_for_each(|doc| self.push(doc))
    }

    /// Adds the next document: in memory while the budget lasts, then to the file.
    pub fn push(&mut self, doc: DocTokens) -> Result<()> {
        let words = doc.forms.len() + doc.sentence_starts.len();
        if self.spill.is_none() && self.words_in_memory + words <= self.budget {
            self.words_in_memory += words;
            self.memory.push(doc);
            return Ok(());
        }
        let spill = match &mut self.spill {
            Some(spill) => spill,
            None => self.spill.insert(Spill {
                file: SpillFile::create("tokens")?,
                starts: vec![0],
                tokens: Vec::new(),
            }),
        };
        spill.tokens.push(doc.forms.len() as u32);
        let sentences = [doc.sentence_starts.len() as u32];
        spill.file.append(
            sentences
                .into_iter()
                .chain(doc.sentence_starts)
                .chain(doc.forms),
        )?;
        spill.starts.push(spill.file.words());
        Ok(())
    }

    /// Flushes the documents written to the file, so that they can be read back.
    pub fn finish_writing(&mut self) -> Result<()> {
        match &mut self.spill {
            Some(spill) => spill.file.finish_writing(),
            None => Ok(()),
        }
    }

    /// The documents, when they all fit in memory.
    pub fn into_memory(self) -> std::result::Result<Vec<DocTokens>, Box<TokenStore>> {
        match self.spill {
            None => Ok(self.memory),
            Some(_) => Err(Box::new(self)),
        }
    }

    /// The first error met reading documents back from the file: what was computed from
    /// them is then wrong, and must not be written.
    pub fn check(&self) -> Result<()> {
        match &self.spill {
            Some(spill) => spill.file.check(),
            None => Ok(()),
        }
    }
}

impl DocSource for TokenStore {
    fn n_docs(&self) -> usize {
        self.memory.len() + self.spill.as_ref().map_or(0, |s| s.tokens.len())
    }

    fn tokens_of(&self, d: usize) -> usize {
        match d.checked_sub(self.memory.len()) {
            None => self.memory[d].forms.len(),
            Some(i) => self.spill.as_ref().map_or(0, |s| s.tokens[i] as usize),
        }
    }

    fn doc(&self, d: usize) -> Cow<'_, DocTokens> {
        let Some(i) = d.checked_sub(self.memory.len()) else {
            return Cow::Borrowed(&self.memory[d]);
        };
        let Some(spill) = &self.spill else {
            return Cow::Owned(DocTokens::default());
        };
        let words = spill.file.read(spill.starts[i], spill.starts[i + 1]);
        let Some((&sentences, rest)) = words.split_first() else {
            // A failed read, kept for `check`.
            return Cow::Owned(DocTokens::default());
        };
        let (starts, forms) = rest.split_at((sentences as usize).min(rest.len()));
        Cow::Owned(DocTokens {
            forms: forms.to_vec(),
            sentence_starts: starts.to_vec(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn docs() -> Vec<DocTokens> {
        vec![
            DocTokens {
                forms: vec![0, 1, 2],
                sentence_starts: vec![0, 2],
            },
            DocTokens::default(),
            DocTokens {
                forms: vec![5, 5, 9, 1],
                sentence_starts: vec![0],
            },
            DocTokens {
                forms: vec![3],
                sentence_starts: vec![0],
            },
        ]
    }

    #[test]
    fn documents_beyond_the_budget_are_read_back_as_they_were() {
        // The first document (5 words) and the empty one fit in 6; the third would pass.
        let mut store = TokenStore::with_budget(6);
        store.extend(docs()[..2].to_vec()).unwrap();
        store.extend(docs()[2..].to_vec()).unwrap();
        store.finish_writing().unwrap();
        assert_eq!(store.memory.len(), 2);
        assert_eq!(store.n_docs(), 4);
        let back: Vec<DocTokens> = (0..4).map(|d| store.doc(d).into_owned()).collect();
        assert_eq!(back, docs());
        let tokens: Vec<usize> = (0..4).map(|d| store.tokens_of(d)).collect();
        assert_eq!(tokens, [3, 0, 4, 1]);
        store.check().unwrap();
        assert!(store.into_memory().is_err());

        let mut all = TokenStore::with_budget(usize::MAX);
        all.extend(docs()).unwrap();
        assert_eq!(all.into_memory().unwrap(), docs());
    }
}
