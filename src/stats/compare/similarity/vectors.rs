//! The weighted term vectors that similarity compares, one per unit (speech or group), read
//! a row at a time.
//!
//! A speech's vector is not held: its weights are computed from its count row each time the
//! row is read, `(count / n_tokens) * idf[term]`, the operations of
//! [`tf_idf`](crate::stats::frequency::terms::tf_idf) in the same order, so every weight has
//! the bits `term_frequency.csv` prints. The count rows are those of the count tables
//! ([`DocRows`]): in memory up to their budget, read back from their file beyond it. Held
//! weights would take 16 bytes per entry of every speech (about 640 MB on ten times the UN
//! General Debate corpus), more than the rest of the analysis at that point. A group's vector
//! (summed counts over few units) is held.

use std::borrow::Cow;

use rayon::prelude::*;

use crate::stats::counts::CountTables;
use crate::stats::doc_rows::DocRows;
use crate::stats::frequency::terms::tf_idf;
use crate::stats::groups::GroupCounts;
use crate::text::TermId;

use super::Similarity;

/// Sparse weighted term vectors of some units (speeches or groups).
#[derive(Debug)]
pub(crate) struct Vectors<'a> {
    rows: Rows<'a>,
    /// Terms in each unit's row (the size of its set, for Jaccard).
    sizes: Vec<u32>,
    /// Euclidean norm of each row.
    pub norms: Vec<f64>,
}

/// Where the weights come from.
#[derive(Debug)]
enum Rows<'a> {
    /// Speeches: their count rows, weighed as they are read.
    Counts {
        rows: &'a DocRows,
        n_tokens: &'a [u64],
        /// Per term, ln(N_docs / doc_freq) (0 for a term no speech uses).
        idf: Vec<f64>,
    },
    /// Groups: their weights, held.
    Weights(Vec<Vec<(TermId, f64)>>),
}

/// The weight of a term counted `count` times in a unit of `n_tokens` tokens: the bits of
/// `tf_idf(count, n_tokens, n_docs, doc_freq)` when `idf` is [`idf`] of that term.
fn weight(count: u32, n_tokens: u64, idf: f64) -> f64 {
    if n_tokens == 0 {
        return 0.0;
    }
    (f64::from(count) / n_tokens as f64) * idf
}

/// ln(N_docs / doc_freq), as [`tf_idf`] computes it; 0 for a term no speech uses (whose
/// tf_idf is 0).
fn idf(n_docs: usize, doc_freq: u32) -> f64 {
    if doc_freq == 0 {
        return 0.0;
    }
    (n_docs as f64 / f64::from(doc_freq)).ln()
}

impl<'a> Vectors<'a> {
    fn new(rows: Rows<'a>, n_units: usize) -> Vectors<'a> {
        let mut vectors = Vectors {
            rows,
            sizes: Vec::new(),
            norms: Vec::new(),
        };
        // Each unit on its own, on several threads.
        let (norms, sizes) = (0..n_units)
            .into_par_iter()
            .map(|u| {
                // Summed in term order, as every product of the pairs is.
                let (sum, size) = vectors.fold(u, (0.0f64, 0u32), |(sum, size), _, w| {
                    (sum + w * w, size + 1)
                });
                (sum.sqrt(), size)
            })
            .unzip();
        vectors.norms = norms;
        vectors.sizes = sizes;
        vectors
    }

    pub fn len(&self) -> usize {
        self.sizes.len()
    }

    /// Terms in unit `u`'s row, without reading it.
    pub fn size(&self, u: usize) -> usize {
        self.sizes[u] as usize
    }

    /// Unit `u`'s `(term, weight)` for every term it uses, sorted by term: borrowed for a
    /// group, computed from the count row for a speech.
    pub fn row(&self, u: usize) -> Cow<'_, [(TermId, f64)]> {
        match &self.rows {
            Rows::Weights(rows) => Cow::Borrowed(&rows[u]),
            Rows::Counts {
                rows,
                n_tokens,
                idf,
            } => {
                let n_tokens = n_tokens[u];
                Cow::Owned(
                    rows.row(u)
                        .iter()
                        .map(|&(t, n)| (t, weight(n, n_tokens, idf[t as usize])))
                        .collect(),
                )
            }
        }
    }

    /// `f` folded over unit `u`'s `(term, weight)` in term order: [`Vectors::row`] without
    /// collecting the weights (a speech's row held in memory is not copied).
    pub fn fold<A>(&self, u: usize, init: A, mut f: impl FnMut(A, TermId, f64) -> A) -> A {
        match &self.rows {
            Rows::Weights(rows) => rows[u].iter().fold(init, |acc, &(t, w)| f(acc, t, w)),
            Rows::Counts {
                rows,
                n_tokens,
                idf,
            } => {
                let n_tokens = n_tokens[u];
                rows.row(u).iter().fold(init, |acc, &(t, n)| {
                    f(acc, t, weight(n, n_tokens, idf[t as usize]))
                })
            }
        }
    }

    /// `f` folded over the terms of unit `u`'s row, in order, without their weights.
    pub fn fold_terms<A>(&self, u: usize, init: A, mut f: impl FnMut(A, TermId) -> A) -> A {
        match &self.rows {
            Rows::Weights(rows) => rows[u].iter().fold(init, |acc, &(t, _)| f(acc, t)),
            Rows::Counts { rows, .. } => rows.row(u).iter().fold(init, |acc, &(t, _)| f(acc, t)),
        }
    }

    /// Cosine of units a and b from their dot product; none when a norm is 0.
    pub fn cosine(&self, a: usize, b: usize, dot: f64) -> Option<f64> {
        let norms = self.norms[a] * self.norms[b];
        (norms > 0.0).then(|| (dot / norms).clamp(-1.0, 1.0))
    }

    pub fn jaccard(&self, a: usize, b: usize, shared: u32) -> Option<f64> {
        let union = self.size(a) + self.size(b) - shared as usize;
        (union > 0).then(|| f64::from(shared) / union as f64)
    }

    /// Cosine and Jaccard of two units by merging their rows (for a few pairs).
    #[cfg(test)]
    pub fn pair(&self, a: usize, b: usize) -> Similarity {
        self.pair_of_rows((a, &self.row(a)), (b, &self.row(b)))
    }

    /// Cosine and Jaccard of two units by merging their rows ([`Vectors::row`]), which the
    /// caller already has.
    pub fn pair_of_rows(
        &self,
        (a, x): (usize, &[(TermId, f64)]),
        (b, y): (usize, &[(TermId, f64)]),
    ) -> Similarity {
        let (mut i, mut j, mut dot, mut shared) = (0, 0, 0.0, 0u32);
        while i < x.len() && j < y.len() {
            match x[i].0.cmp(&y[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    dot += x[i].1 * y[j].1;
                    shared += 1;
                    i += 1;
                    j += 1;
                }
            }
        }
        Similarity {
            a: a as u32,
            b: b as u32,
            cosine: self.cosine(a, b, dot),
            jaccard: self.jaccard(a, b, shared),
        }
    }
}

/// The tf-idf vector of each speech, weighed from the count rows as they are read.
pub(crate) fn speech_vectors(counts: &CountTables) -> Vectors<'_> {
    let n_docs = counts.n_docs();
    let idf = counts
        .term_doc_freq
        .iter()
        .map(|&doc_freq| idf(n_docs, doc_freq))
        .collect();
    let rows = Rows::Counts {
        rows: &counts.doc_terms,
        n_tokens: &counts.n_tokens,
        idf,
    };
    Vectors::new(rows, counts.doc_terms.len())
}

/// The vector of each group: its rates weighted by the corpus idf of each term.
pub(crate) fn group_vectors<'a>(sums: &GroupCounts, counts: &CountTables) -> Vectors<'a> {
    let n_docs = counts.n_docs();
    let rows: Vec<Vec<(TermId, f64)>> = sums
        .terms
        .iter()
        .zip(&sums.n_tokens)
        .map(|(terms, &n_tokens)| {
            terms
                .iter()
                .map(|&(t, n)| {
                    let weight = tf_idf(n, n_tokens, n_docs, counts.term_doc_freq[t as usize]);
                    (t, weight)
                })
                .collect()
        })
        .collect();
    let n_units = rows.len();
    Vectors::new(Rows::Weights(rows), n_units)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::counts::{count, tests::tokenized};

    #[test]
    fn weights_from_count_rows_have_the_bits_of_tf_idf() {
        let corpus = tokenized(
            &["peace war peace and the law", "war treaty treaty", "peace"],
            false,
            false,
        );
        let counts = count(&corpus);
        let vectors = speech_vectors(&counts);
        assert_eq!(vectors.len(), 3);
        for d in 0..3 {
            let expected: Vec<(TermId, u64)> = counts
                .doc_terms
                .row(d)
                .iter()
                .map(|&(t, n)| {
                    let w = tf_idf(
                        u64::from(n),
                        counts.n_tokens[d],
                        3,
                        counts.term_doc_freq[t as usize],
                    );
                    (t, w.to_bits())
                })
                .collect();
            let got: Vec<(TermId, u64)> = vectors
                .row(d)
                .iter()
                .map(|&(t, w)| (t, w.to_bits()))
                .collect();
            assert_eq!(got, expected, "speech {d}");
            assert_eq!(vectors.size(d), expected.len());
        }
        // Edge cases of the two formulas: no tokens, a term no speech uses.
        assert_eq!(weight(2, 0, idf(3, 1)), tf_idf(2, 0, 3, 1));
        assert_eq!(weight(2, 9, idf(3, 0)), tf_idf(2, 9, 3, 0));
        assert_eq!(
            weight(7, 1_234_567, idf(56_850, 17)).to_bits(),
            tf_idf(7, 1_234_567, 56_850, 17).to_bits()
        );
    }

    #[test]
    fn rows_read_back_from_the_file_give_the_same_pairs_as_rows_in_memory() {
        use super::super::tests::generated;
        use super::super::{similarity_pairs, SimilarityMethod};
        let corpus = generated(1_050, 12, |i, j| (i * 13 + j * j * 7) % 997);
        let in_memory = count(&corpus);
        // Every row after the first few entries goes to the temporary file.
        let mut spilled = count(&corpus);
        spilled.doc_terms = DocRows::with_budget(5);
        for row in in_memory.doc_terms.iter() {
            spilled.doc_terms.push(row.into_owned()).unwrap();
        }
        spilled.doc_terms.finish_writing().unwrap();
        let n_terms = corpus.vocab.n_terms();
        let bits = |counts: &CountTables, method| {
            let listed = similarity_pairs(&speech_vectors(counts), n_terms, method);
            let pairs: Vec<(u32, u32, Option<u64>, Option<u64>)> = listed
                .pairs
                .iter()
                .map(|p| {
                    (
                        p.a,
                        p.b,
                        p.cosine.map(f64::to_bits),
                        p.jaccard.map(f64::to_bits),
                    )
                })
                .collect();
            (listed.listing, pairs)
        };
        for method in [SimilarityMethod::Auto, SimilarityMethod::Exact] {
            let expected = bits(&in_memory, method);
            assert!(expected.1.len() > 1_000);
            assert_eq!(bits(&spilled, method), expected, "{method:?}");
        }
        spilled.doc_terms.check().unwrap();
    }
}
