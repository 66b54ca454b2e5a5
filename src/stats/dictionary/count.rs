//! A dictionary's categories counted in every speech, on its sentence token stream.
//!
//! At each token, each category takes its longest pattern that matches there (a multiword
//! entry on consecutive tokens of the sentence); a match counts 1, adds its weight to the
//! category's score, and covers its tokens for that category, so no token is counted twice
//! in one category. Scanning left to right, the leftmost match of a category wins over one
//! that would start inside it.

use rayon::prelude::*;

use super::matcher::Matcher;
use crate::text::{DocSource, DocTokens};

/// The matches of every category in every speech.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct CategoryCounts {
    pub n_categories: usize,
    /// Speech-major: `counts[d * n_categories + c]`.
    pub counts: Vec<u64>,
    /// The summed weights of the matches, in the same order.
    pub scores: Vec<f64>,
    /// Word tokens of each speech (or unit) as matched: before `--phrases` joins any, so
    /// that a rate's count and words are of the same tokens.
    pub n_tokens: Vec<u64>,
}

impl CategoryCounts {
    /// The count and score of category `c` in speech `d`.
    pub(crate) fn of(&self, d: usize, c: usize) -> (u64, f64) {
        let i = d * self.n_categories + c;
        (self.counts[i], self.scores[i])
    }

    /// Counts and scores summed into units (groups, periods): `unit_of(d)` is speech `d`'s,
    /// none to leave it out. Unit-major, like the speeches'.
    pub(crate) fn sum_into(
        &self,
        n_units: usize,
        unit_of: impl Fn(usize) -> Option<usize>,
    ) -> CategoryCounts {
        let n = self.n_categories;
        let mut sums = CategoryCounts {
            n_categories: n,
            counts: vec![0; n_units * n],
            scores: vec![0.0; n_units * n],
            n_tokens: vec![0; n_units],
        };
        for d in 0..self.n_tokens.len() {
            let Some(u) = unit_of(d) else { continue };
            sums.n_tokens[u] += self.n_tokens[d];
            for c in 0..n {
                sums.counts[u * n + c] += self.counts[d * n + c];
                sums.scores[u * n + c] += self.scores[d * n + c];
            }
        }
        sums
    }

    /// Matches of category `c` in the whole corpus.
    pub(crate) fn total(&self, c: usize) -> u64 {
        self.counts
            .iter()
            .skip(c)
            .step_by(self.n_categories.max(1))
            .sum()
    }
}

/// Counts every category of `matcher` in every speech of `source`.
pub(crate) fn count(source: &dyn DocSource, matcher: &Matcher) -> CategoryCounts {
    let n = matcher.n_categories();
    let per_doc: Vec<(Vec<u64>, Vec<f64>)> = (0..source.n_docs())
        .into_par_iter()
        .map(|d| count_doc(&source.doc(d), matcher))
        .collect();
    let mut counts = CategoryCounts {
        n_categories: n,
        counts: Vec::with_capacity(per_doc.len() * n),
        scores: Vec::with_capacity(per_doc.len() * n),
        n_tokens: (0..source.n_docs())
            .map(|d| source.tokens_of(d) as u64)
            .collect(),
    };
    for (c, s) in per_doc {
        counts.counts.extend(c);
        counts.scores.extend(s);
    }
    counts
}

/// One speech's counts and scores per category.
fn count_doc(doc: &DocTokens, matcher: &Matcher) -> (Vec<u64>, Vec<f64>) {
    let n = matcher.n_categories();
    let (mut counts, mut scores) = (vec![0u64; n], vec![0.0f64; n]);
    // Per category, the first token not covered by its last match.
    let mut free_from = vec![0usize; n];
    let forms = &doc.forms;
    let mut bounds: Vec<usize> = doc.sentence_starts.iter().map(|&s| s as usize).collect();
    if bounds.first() != Some(&0) {
        bounds.insert(0, 0);
    }
    bounds.push(forms.len());
    for sentence in bounds.windows(2) {
        let (start, end) = (sentence[0], sentence[1]);
        for i in start..end {
            let mut matched_category = u32::MAX;
            for &e in matcher.starts(forms[i]) {
                let entry = &matcher.entries[e as usize];
                let c = entry.category as usize;
                if entry.category == matched_category || i < free_from[c] {
                    continue;
                }
                let len = entry.elements.len();
                let fits = i + len <= end
                    && entry.elements[1..]
                        .iter()
                        .enumerate()
                        .all(|(k, &element)| matcher.form_matches(forms[i + 1 + k], element));
                if fits {
                    counts[c] += 1;
                    scores[c] += entry.weight;
                    free_from[c] = i + len;
                    matched_category = entry.category;
                }
            }
        }
    }
    (counts, scores)
}
