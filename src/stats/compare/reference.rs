//! A reference corpus (`--reference`): read, tokenized and counted like the corpus itself,
//! then its counts carried over to this corpus's term ids, so keyness can look terms up by
//! id. Terms the reference has and the corpus lacks get ids after the corpus's own, with the
//! reference's term and label.
//!
//! A speech the corpus also has (the same cleaned text) is left out of the reference by
//! default: counted on both sides, it would make what sets the corpus apart look smaller.

use std::collections::HashSet;
use std::hash::{Hash, Hasher};

use crate::stats::counts::CountTables;
use crate::text::{TermId, Vocabulary};

/// A reference corpus's counts, by this corpus's term ids.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ReferenceCounts {
    /// How tables and charts name it (the path given).
    pub name: String,
    /// Count of each term; ids from the corpus's vocabulary, then those of `extra`.
    pub counts: Vec<u64>,
    /// Speeches of the reference using each term, by the same ids.
    pub doc_freq: Vec<u32>,
    /// Word tokens of the reference, stopwords included.
    pub tokens: u64,
    pub documents: usize,
    /// Term and label of the terms only the reference has, for ids from the corpus's count of
    /// terms on.
    pub extra: Vec<(String, String)>,
}

impl ReferenceCounts {
    /// Carries the counts of a reference (`counts` over `vocab`) over to `corpus_vocab`.
    pub fn new(
        name: String,
        corpus_vocab: &Vocabulary,
        vocab: &Vocabulary,
        counts: &CountTables,
    ) -> ReferenceCounts {
        let first_extra = corpus_vocab.n_terms();
        let mut carried = vec![0u64; first_extra];
        let mut doc_freq = vec![0u32; first_extra];
        let mut extra = Vec::new();
        for term in counts.counted_terms() {
            let n = counts.term_count[term as usize];
            let speeches = counts.term_doc_freq[term as usize];
            let name = vocab.term(term);
            match corpus_vocab.term_id(name) {
                Some(id) => {
                    carried[id as usize] = n;
                    doc_freq[id as usize] = speeches;
                }
                None => {
                    carried.push(n);
                    doc_freq.push(speeches);
                    let label = vocab.form(counts.term_label[term as usize]);
                    extra.push((name.to_owned(), label.to_owned()));
                }
            }
        }
        ReferenceCounts {
            name,
            counts: carried,
            doc_freq,
            tokens: counts.total_tokens(),
            documents: counts.n_docs(),
            extra,
        }
    }

    /// The term and label of an id beyond the corpus's own terms.
    pub fn extra_name(&self, term: TermId, corpus_terms: usize) -> Option<(&str, &str)> {
        let (term, label) = self.extra.get((term as usize).checked_sub(corpus_terms)?)?;
        Some((term, label))
    }
}

/// What tells a speech's cleaned text from another's: a hash with the length, so that two
/// texts the same are found without holding the corpus's texts once tokenized.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct Fingerprint(u64, usize);

impl Fingerprint {
    pub fn of(text: &str) -> Fingerprint {
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        text.hash(&mut hasher);
        Fingerprint(hasher.finish(), text.len())
    }

    /// The hash and the length in bytes, as a shard stores them.
    pub fn parts(self) -> (u64, usize) {
        (self.0, self.1)
    }

    /// A fingerprint a shard stored ([`Fingerprint::parts`]).
    pub fn from_parts(hash: u64, len: usize) -> Fingerprint {
        Fingerprint(hash, len)
    }
}

/// The fingerprints of a corpus's speeches.
pub(crate) type Fingerprints = HashSet<Fingerprint>;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::counts::{count, tests::tokenized};

    #[test]
    fn shared_terms_keep_their_ids_and_new_ones_follow() {
        let corpus = tokenized(&["peace and war"], false, true);
        let reference = tokenized(&["War, war and famine."], false, true);
        let counts = count(&reference);
        let carried = ReferenceCounts::new("ref".into(), &corpus.vocab, &reference.vocab, &counts);
        let war = corpus.vocab.term_id("war").unwrap();
        let peace = corpus.vocab.term_id("peace").unwrap();
        assert_eq!(carried.counts[war as usize], 2);
        assert_eq!(carried.counts[peace as usize], 0);
        let n = corpus.vocab.n_terms();
        assert_eq!(carried.counts.len(), n + 1);
        assert_eq!(carried.counts[n], 1);
        assert_eq!(
            carried.extra_name(n as TermId, n),
            Some(("famine", "famine"))
        );
        assert_eq!(carried.tokens, 4);
    }

    #[test]
    fn the_same_text_has_the_same_fingerprint() {
        assert_eq!(
            Fingerprint::of("peace and war"),
            Fingerprint::of("peace and war")
        );
        assert_ne!(
            Fingerprint::of("peace and war"),
            Fingerprint::of("peace and war.")
        );
    }
}
