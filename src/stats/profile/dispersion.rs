//! Dispersion: how evenly a term is spread over the speeches of a corpus or group.
//!
//! - `range`: speeches using the term (in `terms.csv` this is `doc_freq`).
//! - `dp` (Gries 2008, "deviation of proportions") = 0.5 x sum over speeches of |v_i / f - s_i|,
//!   v_i the term's count in speech i, f its total, s_i = n_tokens_i / total tokens: the true
//!   share of each speech, since speeches differ a lot in length. 0 when the term is spread as
//!   the speeches' sizes are; near 1 when it sits in one small speech.
//! - `dp_norm` = dp / (1 - min s_i) (Lijffijt & Gries 2012), in [0, 1]; empty for a single
//!   speech (one part cannot be uneven).
//!
//! Computed from the speeches that use the term only: the others add s_i each, which is
//! 1 - (the sum of the shares of those that do).

use std::borrow::Cow;
use std::ops::Range;

use rayon::prelude::*;

use crate::stats::counts::CountTables;
use crate::stats::doc_rows::Row;
use crate::text::{FormId, TermId, TokenizedCorpus, Vocabulary};

/// The dispersion of one term.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Spread {
    pub range: u32,
    pub dp: Option<f64>,
    pub dp_norm: Option<f64>,
}

/// The dispersion of each term of `terms` (sorted by id, with their totals) over speeches of
/// `sizes` tokens, whose `(term, count)` lists sorted by id are `rows`, in the same order.
pub(crate) fn dispersion<'r>(
    terms: &[(TermId, u64)],
    sizes: &[u64],
    rows: impl Iterator<Item = Cow<'r, Row>>,
) -> Vec<Spread> {
    let total: u64 = sizes.iter().sum();
    let n_documents = sizes.len();
    let min_share = sizes
        .iter()
        .map(|&n| n as f64 / total.max(1) as f64)
        .fold(f64::INFINITY, f64::min);
    // Per term: speeches using it, sum of |v/f - s| and of s over them.
    let mut sums = vec![TermSums::default(); terms.len()];
    // Each term id's place in `terms`: one lookup an entry, where a search took a dozen
    // (a corpus has millions of entries).
    let mut place = vec![u32::MAX; terms.last().map_or(0, |&(t, _)| t as usize + 1)];
    for (i, &(t, _)) in terms.iter().enumerate() {
        place[t as usize] = i as u32;
    }
    // The terms cut into parts summed on threads of their own, speeches taken a run at a
    // time: each term's sums still add its speeches in corpus order, to the same bits.
    let parts = term_parts(terms);
    let mut run: Vec<(Cow<'r, Row>, f64)> = Vec::with_capacity(SPEECHES_PER_RUN);
    let mut rows = rows.zip(sizes).peekable();
    while rows.peek().is_some() {
        run.clear();
        run.extend(
            rows.by_ref()
                .take(SPEECHES_PER_RUN)
                .map(|(row, &n_tokens)| (row, n_tokens as f64 / total.max(1) as f64)),
        );
        let mut rest: &mut [TermSums] = &mut sums;
        let mut slices = Vec::with_capacity(parts.len());
        for part in &parts {
            let (slice, after) = rest.split_at_mut(part.places.len());
            slices.push((part, slice));
            rest = after;
        }
        slices.into_par_iter().for_each(|(part, slice)| {
            for (doc_terms, share) in &run {
                let start = doc_terms.partition_point(|&(t, _)| t < part.ids.start);
                let end = doc_terms.partition_point(|&(t, _)| t < part.ids.end);
                for &(term, v) in &doc_terms[start..end] {
                    let Some(&i) = place.get(term as usize).filter(|&&i| i != u32::MAX) else {
                        continue;
                    };
                    let i = i as usize;
                    let f = terms[i].1 as f64;
                    let sums = &mut slice[i - part.places.start];
                    sums.range += 1;
                    sums.deviation += (f64::from(v) / f - share).abs();
                    sums.shares += share;
                }
            }
        });
    }
    sums.iter()
        .map(|sums| {
            let dp = (total > 0).then(|| 0.5 * (sums.deviation + (1.0 - sums.shares).max(0.0)));
            Spread {
                range: sums.range,
                dp,
                dp_norm: dp
                    .filter(|_| n_documents > 1 && min_share < 1.0)
                    .map(|dp| dp / (1.0 - min_share)),
            }
        })
        .collect()
}

/// A term's speeches, and its sums of |v/f - s| and of s over them.
#[derive(Debug, Clone, Copy, Default)]
struct TermSums {
    range: u32,
    deviation: f64,
    shares: f64,
}

/// Speeches read before their rows are summed on several threads.
const SPEECHES_PER_RUN: usize = 512;

/// Terms `places` of a dispersion's terms, whose ids are `ids`.
struct TermPart {
    places: Range<usize>,
    ids: Range<TermId>,
}

/// `terms` (sorted by id) cut into parts of about equal total count (which tracks the
/// entries each part has to sum), a few per thread; together they cover every id.
fn term_parts(terms: &[(TermId, u64)]) -> Vec<TermPart> {
    let weights: Vec<u64> = terms.iter().map(|&(_, n)| n.max(1)).collect();
    let places = crate::chunks::ranges_per_thread(&weights, 4);
    let n_parts = places.len();
    places
        .into_iter()
        .enumerate()
        .map(|(k, places)| TermPart {
            ids: match (k, k + 1 == n_parts) {
                (_, true) if k == 0 => 0..TermId::MAX,
                (0, false) => 0..terms[places.end].0,
                (_, true) => terms[places.start].0..TermId::MAX,
                _ => terms[places.start].0..terms[places.end].0,
            },
            places,
        })
        .collect()
}

/// The `n` least evenly spread terms over the speeches (highest DP, ties by term) among
/// those counted at least `min_count` times: what a dispersion plot shows by default.
pub(crate) fn least_even(
    counts: &CountTables,
    vocab: &Vocabulary,
    n: usize,
    min_count: u64,
) -> Vec<TermId> {
    let terms: Vec<(TermId, u64)> = counts
        .counted_terms()
        .map(|t| (t, counts.term_count[t as usize]))
        .filter(|&(_, c)| c >= min_count)
        .collect();
    let spread = dispersion(&terms, &counts.n_tokens, counts.doc_terms.iter());
    let mut ranked: Vec<(f64, TermId)> = terms
        .iter()
        .zip(&spread)
        .filter_map(|(&(t, _), s)| Some((crate::stats::as_printed(s.dp?), t)))
        .collect();
    ranked.sort_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then_with(|| vocab.term(a.1).cmp(vocab.term(b.1)))
    });
    ranked.into_iter().take(n).map(|(_, t)| t).collect()
}

/// Where each occurrence of some terms falls in the corpus read in order: what a dispersion
/// plot ("x-ray") draws.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Occurrences {
    /// The terms, in the order asked.
    pub terms: Vec<TermId>,
    /// Terms asked for before any were left out (a plot shows a limited number).
    pub chosen: usize,
    /// Per term, the corpus-wide index of each of its tokens (all speeches' word tokens one
    /// after the other, stopwords included).
    pub positions: Vec<Vec<u64>>,
    /// The corpus-wide index of each speech's first token.
    pub starts: Vec<u64>,
}

/// The occurrences of the first `max` of `terms`: a pass over the tokens.
pub(crate) fn occurrences(tokens: &TokenizedCorpus, terms: &[TermId], max: usize) -> Occurrences {
    let vocab = &tokens.vocab;
    let chosen = terms.len();
    let terms = &terms[..chosen.min(max)];
    let mut positions = vec![Vec::new(); terms.len()];
    // Each form's row (that of its term's first place in `terms`), none for a stopword or a
    // term not plotted: one lookup a token.
    let mut row_of_term = vec![None; vocab.n_terms()];
    for (row, &t) in terms.iter().enumerate().rev() {
        if let Some(slot) = row_of_term.get_mut(t as usize) {
            *slot = Some(row);
        }
    }
    let row_of_form: Vec<Option<usize>> = (0..vocab.n_forms() as FormId)
        .map(|form| match vocab.is_stopword(form) {
            true => None,
            false => row_of_term[vocab.term_of_form(form) as usize],
        })
        .collect();
    let docs = tokens.source();
    let mut starts = Vec::with_capacity(docs.n_docs());
    let mut offset = 0u64;
    for d in 0..docs.n_docs() {
        let doc = docs.doc(d);
        starts.push(offset);
        for (i, &form) in doc.forms.iter().enumerate() {
            if let Some(row) = row_of_form[form as usize] {
                positions[row].push(offset + i as u64);
            }
        }
        offset += doc.forms.len() as u64;
    }
    Occurrences {
        terms: terms.to_vec(),
        chosen,
        positions,
        starts,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(docs: &[Vec<(TermId, u32)>]) -> impl Iterator<Item = Cow<'_, Row>> {
        docs.iter().map(|d| Cow::Borrowed(d.as_slice()))
    }

    /// Summed over parts of the terms on several threads, a run of speeches at a time, the
    /// sums are those of one pass over every entry in corpus order, to the bit; terms left
    /// out of the list, or beyond its last, are passed over.
    #[test]
    fn parts_on_threads_sum_as_one_pass_does() {
        let mut seed = 7u64;
        let mut next = |below: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % below
        };
        let n_terms = 3000u32;
        let docs: Vec<Vec<(TermId, u32)>> = (0..1500)
            .map(|_| {
                let mut row: Vec<(TermId, u32)> = (0..next(200))
                    .map(|_| {
                        (
                            (next(u64::from(n_terms)) as f64).sqrt() as TermId * 55 % n_terms,
                            1 + next(9) as u32,
                        )
                    })
                    .collect();
                row.sort_unstable_by_key(|&(t, _)| t);
                row.dedup_by_key(|&mut (t, _)| t);
                row
            })
            .collect();
        let sizes: Vec<u64> = docs.iter().map(|d| 50 + d.len() as u64 * 3).collect();
        let mut totals = vec![0u64; n_terms as usize];
        for row in &docs {
            for &(t, n) in row {
                totals[t as usize] += u64::from(n);
            }
        }
        // Every other counted term, and none of the highest ids.
        let terms: Vec<(TermId, u64)> = (0..n_terms - 100)
            .filter(|&t| totals[t as usize] > 0 && t % 2 == 0)
            .map(|t| (t, totals[t as usize]))
            .collect();
        let total: u64 = sizes.iter().sum();
        let mut expected = vec![(0u32, 0.0f64, 0.0f64); terms.len()];
        for (row, &n) in docs.iter().zip(&sizes) {
            let share = n as f64 / total as f64;
            for &(t, v) in row {
                if let Ok(i) = terms.binary_search_by_key(&t, |&(t, _)| t) {
                    let e = &mut expected[i];
                    e.0 += 1;
                    e.1 += (f64::from(v) / terms[i].1 as f64 - share).abs();
                    e.2 += share;
                }
            }
        }
        let spread = dispersion(&terms, &sizes, rows(&docs));
        assert!(term_parts(&terms).len() > 1);
        for (s, e) in spread.iter().zip(&expected) {
            assert_eq!(s.range, e.0);
            let dp = 0.5 * (e.1 + (1.0 - e.2).max(0.0));
            assert_eq!(s.dp.unwrap().to_bits(), dp.to_bits());
        }
    }

    #[test]
    fn dp_matches_the_worked_example() {
        // Frequencies [2, 1, 0] in three parts of equal size: DP = 1/3, DP_norm = 1/2.
        let docs: Vec<Vec<(TermId, u32)>> = vec![vec![(0, 2)], vec![(0, 1)], vec![]];
        let spread = dispersion(&[(0, 3)], &[10, 10, 10], rows(&docs));
        assert_eq!(spread[0].range, 2);
        assert!((spread[0].dp.unwrap() - 1.0 / 3.0).abs() < 1e-12);
        assert!((spread[0].dp_norm.unwrap() - 0.5).abs() < 1e-12);
    }

    #[test]
    fn forty_times_in_one_speech_is_uneven_and_true_lengths_count() {
        // Term 0 said 40 times in the first of ten equal speeches: DP = 0.9, DP_norm = 1.
        let mut docs: Vec<Vec<(TermId, u32)>> = vec![vec![(0, 40), (1, 4)]];
        docs.extend((0..9).map(|_| vec![(1, 4)]));
        let spread = dispersion(&[(0, 40), (1, 40)], &[1000; 10], rows(&docs));
        assert!((spread[0].dp.unwrap() - 0.9).abs() < 1e-12);
        assert!((spread[0].dp_norm.unwrap() - 1.0).abs() < 1e-12);
        // Term 1, spread evenly over equal speeches: 0.
        assert!(spread[1].dp.unwrap().abs() < 1e-12);
        // Twice as often in a speech twice as long: still even, with true lengths.
        let docs: Vec<Vec<(TermId, u32)>> = vec![vec![(0, 2)], vec![(0, 1)]];
        let spread = dispersion(&[(0, 3)], &[200, 100], rows(&docs));
        assert!(spread[0].dp.unwrap().abs() < 1e-12);
    }

    #[test]
    fn the_least_even_terms_come_first() {
        let corpus = crate::stats::counts::tests::tokenized(
            &["war peace peace", "peace treaty", "peace war war war"],
            false,
            false,
        );
        let counts = crate::stats::counts::count(&corpus);
        let names: Vec<&str> = least_even(&counts, &corpus.vocab, 2, 1)
            .into_iter()
            .map(|t| corpus.vocab.term(t))
            .collect();
        // treaty is in one speech only, war mostly in one, peace everywhere.
        assert_eq!(names, ["treaty", "war"]);
    }

    #[test]
    fn one_speech_has_no_normalised_dp() {
        let docs: Vec<Vec<(TermId, u32)>> = vec![vec![(0, 3)]];
        let spread = dispersion(&[(0, 3)], &[5], rows(&docs));
        assert_eq!(spread[0].dp, Some(0.0));
        assert_eq!(spread[0].dp_norm, None);
    }
}
