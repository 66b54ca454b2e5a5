//! The profile family: how rich, how hard and how evenly spread the language of each speech,
//! group or period is.
//!
//! - [`diversity`]: TTR, MATTR, MTLD, Yule's K, Herdan's C, Guiraud's R per speech.
//! - [`readability`]: sentence and word length, Flesch reading ease and Flesch-Kincaid grade.
//! - [`dispersion`]: range, DP and DP_norm of each term over speeches.
//! - [`group_profiles`]: the same per group (`groups.csv`).
//! - [`trends`]: term rates per period, and the terms that changed most.

pub(crate) mod dispersion;
pub(crate) mod diversity;
pub(crate) mod group_profiles;
pub(crate) mod readability;
pub(crate) mod trends;

use rayon::prelude::*;

use crate::text::TokenizedCorpus;
use diversity::{Diversity, Scratch};
use readability::{Counts, FormSyllables};

/// The profile of every speech, in corpus order.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Profiles {
    /// The MATTR window.
    pub window: usize,
    pub diversity: Vec<Diversity>,
    /// The readability counts of each speech; none when the language is not English.
    pub readability: Option<Vec<Counts>>,
}

/// Profiles every speech in parallel: diversity with a `window`-token MATTR, and readability
/// when `english`.
pub(crate) fn profile(tokens: &TokenizedCorpus, window: usize, english: bool) -> Profiles {
    let n_forms = tokens.vocab.n_forms();
    let docs = tokens.source();
    let syllables = english.then(|| FormSyllables::new(&tokens.vocab));
    // One read of each speech's tokens for both measures: they may come back from a file.
    let (diversity, readability): (Vec<Diversity>, Vec<Option<Counts>>) = (0..docs.n_docs())
        .into_par_iter()
        .map_init(
            || Scratch::new(n_forms),
            |scratch, d| {
                let doc = docs.doc(d);
                let readability = syllables
                    .as_ref()
                    .map(|s| s.count(&doc.forms, doc.sentence_starts.len() as u32));
                (
                    diversity::diversity(&doc.forms, window, scratch),
                    readability,
                )
            },
        )
        .unzip();
    let readability = english.then(|| readability.into_iter().flatten().collect());
    Profiles {
        window,
        diversity,
        readability,
    }
}
