//! Style distance of speeches (or groups of speeches): Burrows' Delta (Burrows 2002), as the
//! R package stylo computes its "classic Delta". Where cosine of tf-idf says what two texts
//! talk about, Delta says how they write: it looks only at the most frequent words, the
//! function words (the, of, and, to, we ...) that a writer uses without choosing them.
//!
//! 1. The `n` most frequent word forms of the corpus (lowercased tokens, stopwords
//!    included; ties at the cut: the alphabetically first) are the features. A corpus with
//!    fewer forms uses all of them.
//! 2. Each unit's rate of each word: its tokens of the word / its word tokens (0 for a unit
//!    without tokens). A group's rate is its speeches' summed tokens of the word over their
//!    summed word tokens: the group read as one long speech.
//! 3. Each rate turned into a z-score over the units of the table (the speeches, or the
//!    groups of one grouping): (rate − mean) / standard deviation, the sample standard
//!    deviation (n − 1), as R's `scale()`. A word whose rate is the same in every unit (or
//!    a table of one unit) has z = 0 everywhere: it separates no one.
//! 4. `delta`(A, B) = mean over the n words of |z_A − z_B|: 0 for identical profiles, lower
//!    is more alike; no upper bound.
//!
//! Columns of `similarity` with `--similarity-measure style`: doc_a, doc_b (or group_by,
//! group_a, group_b), delta, method. Up to [`ALL_PAIRS_UP_TO`] units, every pair once;
//! beyond, each unit's [`TOP_PER_UNIT`] nearest (Delta as printed ascending, ties by order),
//! always found by comparing every pair: the profiles are dense vectors of n numbers, and
//! units² × n operations stay within seconds for tens of thousands of speeches.

use polars::prelude::*;
use rayon::prelude::*;

use super::similarity::{
    group_pair_columns, grouping_rows, GroupPair, Listed, Listing, SimilarityMethod,
    ALL_PAIRS_UP_TO, TOP_PER_UNIT,
};
use crate::columns;
use crate::error::Result;
use crate::stats::as_printed;
use crate::stats::frame;
use crate::text::{FormId, TokenizedCorpus, Vocabulary};

/// Most frequent word forms Delta compares unless told otherwise (STATISTICS.md's n; stylo
/// users take 100 to 1,000).
pub const DEFAULT_STYLE_WORDS: usize = 150;

/// What `similarity.csv` and the similarity heatmap measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SimilarityMeasure {
    /// What the units talk about: cosine (and Jaccard) of their tf-idf vectors, stopwords
    /// excluded.
    #[default]
    Topic,
    /// How they write: Burrows' Delta on the z-scores of the most frequent word forms,
    /// stopwords included.
    Style,
}

impl SimilarityMeasure {
    /// The name on the command line and in `run.json`.
    pub fn name(self) -> &'static str {
        match self {
            SimilarityMeasure::Topic => "topic",
            SimilarityMeasure::Style => "style",
        }
    }
}

/// The `n` most frequent word forms, by corpus count descending, ties alphabetically; forms
/// never seen are left out.
pub(crate) fn most_frequent_forms(form_count: &[u64], vocab: &Vocabulary, n: usize) -> Vec<FormId> {
    let mut forms: Vec<FormId> = (0..form_count.len() as FormId)
        .filter(|&f| form_count[f as usize] > 0)
        .collect();
    forms.sort_by(|&a, &b| {
        form_count[b as usize]
            .cmp(&form_count[a as usize])
            .then_with(|| vocab.form(a).cmp(vocab.form(b)))
    });
    forms.truncate(n);
    forms
}

/// The tokens of a few word forms in each speech.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct WordCounts {
    /// The forms counted, most frequent first.
    pub words: Vec<FormId>,
    /// Per speech, its tokens of each word, in the order of `words`.
    pub per_doc: Vec<Vec<u64>>,
}

/// Counts `words` in every speech: one pass over the tokens, wherever they are kept.
pub(crate) fn count_words(tokens: &TokenizedCorpus, words: Vec<FormId>) -> WordCounts {
    let mut index = vec![u32::MAX; tokens.vocab.n_forms()];
    for (i, &form) in words.iter().enumerate() {
        index[form as usize] = i as u32;
    }
    let docs = tokens.source();
    let per_doc = (0..docs.n_docs())
        .into_par_iter()
        .map(|d| {
            let mut counts = vec![0u64; words.len()];
            for &form in &docs.doc(d).forms {
                if let Some(&i) = index.get(form as usize).filter(|&&i| i != u32::MAX) {
                    counts[i as usize] += 1;
                }
            }
            counts
        })
        .collect();
    WordCounts { words, per_doc }
}

/// The speeches' counts summed into `n` groups by the group of each speech.
pub(crate) fn sum_into_groups(per_doc: &[Vec<u64>], of_doc: &[usize], n: usize) -> Vec<Vec<u64>> {
    let width = per_doc.first().map_or(0, Vec::len);
    let mut sums = vec![vec![0u64; width]; n];
    for (counts, &g) in per_doc.iter().zip(of_doc) {
        for (sum, &c) in sums[g].iter_mut().zip(counts) {
            *sum += c;
        }
    }
    sums
}

/// Each unit's z-scores, `n_words` per unit, units one after the other.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct StyleProfiles {
    pub n_words: usize,
    pub z: Vec<f64>,
}

impl StyleProfiles {
    /// The z-scores of the rates `counts[u][w] / n_tokens[u]` over the units (see the
    /// module's docs for units without tokens and words that do not vary).
    pub(crate) fn new(counts: &[Vec<u64>], n_tokens: &[u64]) -> StyleProfiles {
        let n_units = counts.len();
        let n_words = counts.first().map_or(0, Vec::len);
        let rate = |u: usize, w: usize| match n_tokens[u] {
            0 => 0.0,
            n => counts[u][w] as f64 / n as f64,
        };
        let mut z = vec![0.0; n_units * n_words];
        for w in 0..n_words {
            if n_units < 2 {
                break;
            }
            let mean = (0..n_units).map(|u| rate(u, w)).sum::<f64>() / n_units as f64;
            let variance = (0..n_units)
                .map(|u| (rate(u, w) - mean).powi(2))
                .sum::<f64>()
                / (n_units - 1) as f64;
            let sd = variance.sqrt();
            if sd > 0.0 {
                for u in 0..n_units {
                    z[u * n_words + w] = (rate(u, w) - mean) / sd;
                }
            }
        }
        StyleProfiles { n_words, z }
    }

    pub(crate) fn len(&self) -> usize {
        self.z.len().checked_div(self.n_words).unwrap_or(0)
    }

    fn row(&self, u: usize) -> &[f64] {
        &self.z[u * self.n_words..(u + 1) * self.n_words]
    }

    /// Burrows' Delta of units a and b: the mean absolute difference of their z-scores
    /// (0 when no word is compared). Symmetric to the bit: |x − y| = |y − x|, summed in
    /// word order either way.
    pub(crate) fn delta(&self, a: usize, b: usize) -> f64 {
        if self.n_words == 0 {
            return 0.0;
        }
        let sum: f64 = self
            .row(a)
            .iter()
            .zip(self.row(b))
            .map(|(x, y)| (x - y).abs())
            .sum();
        sum / self.n_words as f64
    }
}

/// The Delta of two units, by index.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Distance {
    pub a: u32,
    pub b: u32,
    pub delta: f64,
}

/// The pairs of one set of units and how they were chosen, by style.
pub(crate) type DistancesListed = Listed<Distance>;

/// Every pair up to [`ALL_PAIRS_UP_TO`] units (unless `method` is approximate), else each
/// unit's [`TOP_PER_UNIT`] nearest: always exact, there is no index to approximate with.
pub(crate) fn delta_pairs(profiles: &StyleProfiles, method: SimilarityMethod) -> DistancesListed {
    let n = profiles.len();
    let every_pair = n <= ALL_PAIRS_UP_TO && method != SimilarityMethod::Approximate;
    if every_pair {
        let pairs = (0..n)
            .into_par_iter()
            .map(|a| {
                (a + 1..n)
                    .map(|b| Distance {
                        a: a as u32,
                        b: b as u32,
                        delta: profiles.delta(a, b),
                    })
                    .collect::<Vec<_>>()
            })
            .collect::<Vec<_>>()
            .concat();
        return DistancesListed {
            listing: Listing::AllPairs,
            pairs,
        };
    }
    let pairs = (0..n)
        .into_par_iter()
        .map(|a| nearest(profiles, a, TOP_PER_UNIT))
        .collect::<Vec<_>>()
        .concat();
    DistancesListed {
        listing: Listing::NearestExact,
        pairs,
    }
}

/// Unit a's `k` nearest others: Delta as printed ascending, ties by index.
fn nearest(profiles: &StyleProfiles, a: usize, k: usize) -> Vec<Distance> {
    let mut all: Vec<(f64, u32, f64)> = (0..profiles.len())
        .filter(|&b| b != a)
        .map(|b| {
            let delta = profiles.delta(a, b);
            (as_printed(delta), b as u32, delta)
        })
        .collect();
    let nearer = |x: &(f64, u32, f64), y: &(f64, u32, f64)| x.0.total_cmp(&y.0).then(x.1.cmp(&y.1));
    if all.len() > k {
        all.select_nth_unstable_by(k, nearer);
        all.truncate(k);
    }
    all.sort_by(nearer);
    all.into_iter()
        .map(|(_, b, delta)| Distance {
            a: a as u32,
            b,
            delta,
        })
        .collect()
}

/// The Delta of every pair of the units `shown`: the matrix of a heatmap.
pub(crate) fn delta_matrix(profiles: &StyleProfiles, shown: &[usize]) -> Vec<Vec<f64>> {
    shown
        .iter()
        .map(|&a| shown.iter().map(|&b| profiles.delta(a, b)).collect())
        .collect()
}

/// The `similarity` table of speeches by style: doc_a, doc_b, delta, method.
pub(crate) fn speech_delta_frame(
    listed: &DistancesListed,
    rows: std::ops::Range<usize>,
    ids: &[String],
) -> Result<DataFrame> {
    let pairs = &listed.pairs[rows];
    let name = |i: u32| ids[i as usize].as_str();
    frame(
        "similarity",
        vec![
            Column::new(
                columns::DOC_A.name.into(),
                pairs.iter().map(|p| name(p.a)).collect::<Vec<_>>(),
            ),
            Column::new(
                columns::DOC_B.name.into(),
                pairs.iter().map(|p| name(p.b)).collect::<Vec<_>>(),
            ),
            delta_column(pairs.iter()),
            Column::new(
                columns::METHOD.name.into(),
                vec![listed.listing.name(); pairs.len()],
            ),
        ],
    )
}

/// The `similarity` table of the groups of several groupings by style: group_by, group_a,
/// group_b, delta, method.
pub(crate) fn group_delta_frame(
    groupings: &[(&str, &[String], &DistancesListed)],
) -> Result<DataFrame> {
    let rows = grouping_rows(groupings);
    let named: Vec<GroupPair<'_>> = rows.iter().map(|r| (r.0, r.1, r.3.a, r.3.b)).collect();
    let mut table = group_pair_columns(&named);
    table.extend([
        delta_column(rows.iter().map(|r| r.3)),
        Column::new(
            columns::METHOD.name.into(),
            rows.iter().map(|r| r.2.name()).collect::<Vec<_>>(),
        ),
    ]);
    frame("similarity", table)
}

fn delta_column<'a>(pairs: impl Iterator<Item = &'a Distance>) -> Column {
    Column::new(
        columns::DELTA.name.into(),
        pairs.map(|p| p.delta).collect::<Vec<f64>>(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::counts::{count, tests::tokenized};

    fn close(actual: f64, expected: f64) {
        assert!((actual - expected).abs() < 1e-6, "{actual} != {expected}");
    }

    /// STATISTICS.md's check: rates of word1 (0.1, 0.2, 0.3) and word2 (0.05, 0.05, 0.2)
    /// in three speeches of 20 tokens.
    #[test]
    fn delta_gives_the_worked_numbers_of_its_definition() {
        let counts = vec![vec![2, 1], vec![4, 1], vec![6, 4]];
        let profiles = StyleProfiles::new(&counts, &[20, 20, 20]);
        // word1: mean 0.2, sd 0.1, z = -1, 0, 1; word2: mean 0.1, sd sqrt(0.0075),
        // z = -0.57735, -0.57735, 1.154701.
        let z2 = 0.05 / 0.0075f64.sqrt();
        close(profiles.z[1], -z2);
        close(profiles.z[5], 2.0 * z2);
        close(profiles.delta(0, 1), 0.5);
        close(profiles.delta(0, 2), 1.866025);
        close(profiles.delta(1, 2), 1.366025);
        close((2.0 + 3.0 * z2) / 2.0, 1.866025);
        assert_eq!(profiles.delta(0, 0), 0.0);
        assert_eq!(
            profiles.delta(2, 0).to_bits(),
            profiles.delta(0, 2).to_bits()
        );
    }

    #[test]
    fn the_most_frequent_forms_include_stopwords_and_break_ties_alphabetically() {
        // "the" 4, "of" 2, "war" 2, "peace" 1: stopwords are features of style.
        let corpus = tokenized(&["the war of the peace", "the war of the"], false, true);
        let counts = count(&corpus);
        let words = most_frequent_forms(&counts.form_count, &corpus.vocab, 3);
        let names: Vec<&str> = words.iter().map(|&f| corpus.vocab.form(f)).collect();
        assert_eq!(names, ["the", "of", "war"]);
        let counted = count_words(&corpus, words);
        assert_eq!(counted.per_doc, [vec![2, 1, 1], vec![2, 1, 1]]);
        assert_eq!(
            sum_into_groups(&counted.per_doc, &[0, 0], 1),
            [vec![4, 2, 2]]
        );
        // All of them when fewer than asked.
        assert_eq!(
            most_frequent_forms(&counts.form_count, &corpus.vocab, 50).len(),
            4
        );
    }

    #[test]
    fn words_that_do_not_vary_and_single_units_weigh_nothing() {
        let same = StyleProfiles::new(&[vec![1, 1], vec![1, 3]], &[10, 10]);
        assert_eq!(same.z[0], 0.0);
        assert_eq!(same.z[2], 0.0);
        // word2: 0.1 and 0.3, z = -0.7071 and 0.7071; the mean over both words.
        close(same.delta(0, 1), 2.0f64.sqrt() / 2.0);
        let one = StyleProfiles::new(&[vec![3, 4]], &[10]);
        assert_eq!(one.z, [0.0, 0.0]);
        let empty = StyleProfiles::new(&[vec![0, 0], vec![2, 1]], &[0, 10]);
        assert!(empty.delta(0, 1) > 0.0);
    }

    #[test]
    fn beyond_a_thousand_units_each_gets_its_ten_nearest_first() {
        let n = ALL_PAIRS_UP_TO + 1;
        let counts: Vec<Vec<u64>> = (0..n as u64)
            .map(|i| vec![i % 17, (i * 7) % 23, (i * 13) % 29])
            .collect();
        let profiles = StyleProfiles::new(&counts, &vec![100; n]);
        let listed = delta_pairs(&profiles, SimilarityMethod::Auto);
        assert_eq!(listed.listing, Listing::NearestExact);
        assert_eq!(listed.pairs.len(), n * TOP_PER_UNIT);
        for list in listed.pairs.chunks(TOP_PER_UNIT) {
            let a = list[0].a as usize;
            assert!(list.iter().all(|p| p.a as usize == a && p.b as usize != a));
            // Ordered by Delta as printed, ties by index.
            assert!(list
                .windows(2)
                .all(|w| as_printed(w[0].delta) <= as_printed(w[1].delta)));
            let nearest_else = (0..n)
                .filter(|&b| b != a && !list.iter().any(|p| p.b as usize == b))
                .map(|b| profiles.delta(a, b))
                .fold(f64::INFINITY, f64::min);
            assert!(as_printed(list[TOP_PER_UNIT - 1].delta) <= as_printed(nearest_else));
        }
        let few = StyleProfiles::new(&counts[..30], &[100; 30]);
        let all = delta_pairs(&few, SimilarityMethod::Exact);
        assert_eq!(all.listing, Listing::AllPairs);
        assert_eq!(all.pairs.len(), 30 * 29 / 2);
    }
}
