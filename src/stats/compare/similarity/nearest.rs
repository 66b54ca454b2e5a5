//! Each unit's most similar others found without comparing every pair: an index of the terms
//! that weigh most in each unit proposes a few candidates per unit, and only those pairs get
//! their exact cosine and Jaccard.
//!
//! 1. Each unit's [`HEAVIEST_TERMS`] terms of largest weight are its query. Weights are
//!    divided by the unit's norm, so a term's weight is its share of the cosine.
//! 2. The index lists, for each term of some query, the units that use it with their
//!    weights; a term used by more than [`POSTINGS_CAP`] units keeps the ones where it
//!    weighs most (a frequent term says little about which two units are alike, and its
//!    full list would make the work quadratic again).
//! 3. For unit a, the units found through its query are scored by the part of the dot
//!    product those terms give, and the [`CANDIDATES`] best become its candidates.
//! 4. Every pair (a, candidate) gets its exact cosine and Jaccard, with the bits
//!    [`Vectors::pair`] gives, and is offered to both units' lists: a pair found from one
//!    side serves the other.
//!
//! The work is about units x (HEAVIEST_TERMS x POSTINGS_CAP + CANDIDATES x terms per unit):
//! it grows with the number of units, not with its square. The answer is approximate: a
//! unit's true neighbour is missed when the terms they share are not among its heaviest, or
//! when it is not among the units where those terms weigh most. Its recall against the
//! exact answer is measured by `bench/similarity_recall.sh`.

use rayon::prelude::*;

use super::{Best, Similarity, Vectors};
use crate::stats::as_printed;
use crate::text::TermId;

/// Terms of each unit that make its query.
pub(crate) const HEAVIEST_TERMS: usize = 30;
/// Units kept in the index for each term: those where it weighs most.
pub(crate) const POSTINGS_CAP: usize = 300;
/// Units of largest partial score per unit whose similarity is computed exactly.
pub(crate) const CANDIDATES: usize = 80;
/// Units whose pairs are scored before they are offered to the lists, their weights held
/// meanwhile (16 bytes a term: about 20 MB for speeches of the UN General Debate).
const UNITS_PER_SLICE: usize = 2048;
/// Partners a thread scores at a time, with one scratch as large as the terms.
const PARTNERS_PER_CHUNK: usize = 64;
/// Units a thread takes at a time, with one scratch (as large as the units, or the terms).
const UNITS_PER_CHUNK: usize = 256;

/// How wide the search is; [`Search::DEFAULT`] is what the pipeline uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Search {
    pub heaviest_terms: usize,
    pub postings_cap: usize,
    pub candidates: usize,
}

impl Search {
    pub(crate) const DEFAULT: Search = Search {
        heaviest_terms: HEAVIEST_TERMS,
        postings_cap: POSTINGS_CAP,
        candidates: CANDIDATES,
    };
}

/// For each unit, up to `k` most similar others among its candidates and the units that
/// have it as a candidate (cosine as printed descending, ties by index), in unit order.
/// Units whose vector is all zeros have none.
pub(crate) fn nearest(vectors: &Vectors, n_terms: usize, k: usize) -> Vec<Similarity> {
    nearest_with(vectors, n_terms, k, Search::DEFAULT)
}

pub(crate) fn nearest_with(
    vectors: &Vectors,
    n_terms: usize,
    k: usize,
    search: Search,
) -> Vec<Similarity> {
    let queries = queries(vectors, search.heaviest_terms);
    let index = Index::build(vectors, &queries, n_terms, search.postings_cap);
    let n = vectors.len();
    let candidates: Vec<Vec<u32>> = in_chunks(
        0..n,
        || Accumulator::new(n),
        |acc, a| acc.candidates(a, &queries[a], &index, search.candidates),
    );
    // Let go of the search before the scoring holds a slice of rows: at ten times the UN
    // General Debate the index and the queries are about 60 MB.
    drop(index);
    drop(queries);
    // Each pair once: from a's side, unless a is also b's candidate and b comes first. A
    // slice of units at a time: their rows are weighed and held, and each partner's row is
    // read once for all its pairs in the slice (a speech's row may come from a file).
    let mut best = Best::new(n, k);
    for first in (0..n).step_by(UNITS_PER_SLICE) {
        let slice = first..(first + UNITS_PER_SLICE).min(n);
        let mut pairs: Vec<(u32, u32)> = slice
            .clone()
            .flat_map(|a| {
                let candidates = &candidates;
                candidates[a]
                    .iter()
                    .filter(move |&&b| {
                        b as usize > a || candidates[b as usize].binary_search(&(a as u32)).is_err()
                    })
                    .map(move |&b| (b, a as u32))
            })
            .collect();
        pairs.sort_unstable();
        let rows: Vec<Vec<(TermId, f64)>> = slice
            .clone()
            .into_par_iter()
            .map(|a| vectors.row(a).into_owned())
            .collect();
        let by_partner: Vec<&[(u32, u32)]> = pairs.chunk_by(|x, y| x.0 == y.0).collect();
        let scored: Vec<Vec<Scored>> = by_partner
            .par_chunks(PARTNERS_PER_CHUNK)
            .map_init(
                || Marks::new(n_terms),
                |marks, groups| {
                    let mut scored = Vec::new();
                    for group in groups {
                        let b = group[0].0 as usize;
                        let row = vectors.row(b);
                        marks.set(&row);
                        for &(_, a) in *group {
                            let (dot, shared) = marks.dot(&rows[a as usize - first]);
                            let cosine = vectors.cosine(a as usize, b, dot);
                            scored.push((a, b as u32, cosine, shared));
                        }
                        marks.clear(&row);
                    }
                    scored
                },
            )
            .collect();
        for (a, b, cosine, shared) in scored.into_iter().flatten() {
            let key = cosine.map_or(f64::NEG_INFINITY, as_printed);
            best.offer(a as usize, b, key, cosine, shared);
            best.offer(b as usize, a, key, cosine, shared);
        }
    }
    best.with_counted_jaccard(vectors)
}

/// A pair scored: unit a, its partner b, their cosine, and the terms they share.
type Scored = (u32, u32, Option<f64>, u32);

/// `each(scratch, unit)` for every unit of `units`, in order, on the threads: chunks of
/// [`UNITS_PER_CHUNK`] units, each with a scratch of its own made once.
fn in_chunks<S, T: Send>(
    units: std::ops::Range<usize>,
    scratch: impl Fn() -> S + Sync,
    each: impl Fn(&mut S, usize) -> T + Sync,
) -> Vec<T> {
    let starts: Vec<usize> = units.clone().step_by(UNITS_PER_CHUNK).collect();
    starts
        .into_par_iter()
        .map(|start| {
            let mut scratch = scratch();
            (start..(start + UNITS_PER_CHUNK).min(units.end))
                .map(|unit| each(&mut scratch, unit))
                .collect::<Vec<T>>()
        })
        .collect::<Vec<_>>()
        .into_iter()
        .flatten()
        .collect()
}

/// Each unit's `heaviest` terms of largest weight above 0, with their weights divided by the
/// unit's norm (ties: the lower term id).
fn queries(vectors: &Vectors, heaviest: usize) -> Vec<Vec<(TermId, f32)>> {
    (0..vectors.len())
        .into_par_iter()
        .map(|u| {
            let norm = vectors.norms[u];
            if norm <= 0.0 {
                return Vec::new();
            }
            let mut terms: Vec<(TermId, f64)> = vectors
                .row(u)
                .iter()
                .copied()
                .filter(|&(_, w)| w > 0.0)
                .collect();
            let heavier =
                |x: &(TermId, f64), y: &(TermId, f64)| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0));
            if terms.len() > heaviest {
                terms.select_nth_unstable_by(heaviest - 1, heavier);
                terms.truncate(heaviest);
            }
            terms.sort_unstable_by(heavier);
            // From a slice, not `into_iter`: a collect in place would keep the whole row's
            // capacity for every unit.
            terms.iter().map(|&(t, w)| (t, (w / norm) as f32)).collect()
        })
        .collect()
}

/// For each term of some query, the units that use it with their normalised weights: at most
/// `cap`, those where it weighs most (ties: the lower unit), in unit order.
struct Index {
    starts: Vec<usize>,
    units: Vec<u32>,
    weights: Vec<f32>,
}

impl Index {
    fn build(
        vectors: &Vectors,
        queries: &[Vec<(TermId, f32)>],
        n_terms: usize,
        cap: usize,
    ) -> Index {
        let mut queried = vec![false; n_terms];
        for &(t, _) in queries.iter().flatten() {
            queried[t as usize] = true;
        }
        // The units of each queried term in unit order, cut down to the `cap` heaviest
        // whenever a list reaches a quarter above the cap: the heaviest of all are among the
        // heaviest of each cut, and memory stays within the terms times the cap, whatever
        // the units. A list that grows that long gets room for exactly that many, not the
        // doubled room a growing vector takes.
        let full = (cap + cap / 4).max(1);
        let heavier = |x: &(u32, f32), y: &(u32, f32)| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0));
        let cut = |list: &mut Vec<(u32, f32)>| {
            if list.len() > cap {
                list.select_nth_unstable_by(cap - 1, heavier);
                list.truncate(cap);
            }
        };
        // The units in a few runs, each listed on a thread of its own and the lists then
        // put together: the heaviest of all are among the heaviest of each run, and the
        // lists are put in unit order below, so the index is the same whatever the runs.
        let sizes: Vec<u64> = (0..vectors.len())
            .map(|u| vectors.size(u) as u64 + 1)
            .collect();
        let runs = crate::chunks::ranges_per_thread(&sizes, 1);
        let mut per_run: Vec<Vec<Vec<(u32, f32)>>> = runs
            .into_par_iter()
            .map(|units| {
                let mut lists: Vec<Vec<(u32, f32)>> = vec![Vec::new(); n_terms];
                for u in units {
                    let norm = vectors.norms[u];
                    vectors.fold(u, (), |(), t, w| {
                        if queried[t as usize] && w > 0.0 {
                            let list = &mut lists[t as usize];
                            if list.len() == list.capacity() && list.len() >= full / 4 {
                                list.reserve_exact(full - list.len());
                            }
                            list.push((u as u32, (w / norm) as f32));
                            if list.len() >= full {
                                cut(list);
                            }
                        }
                    });
                }
                lists
            })
            .collect();
        let mut lists = match per_run.is_empty() {
            true => vec![Vec::new(); n_terms],
            false => per_run.remove(0),
        };
        for run in per_run {
            for (list, more) in lists.iter_mut().zip(run) {
                if list.is_empty() {
                    *list = more;
                } else if !more.is_empty() {
                    list.extend(more);
                    cut(list);
                }
            }
        }
        lists.par_iter_mut().for_each(cut);
        // Room for exactly the postings kept: the lists are freed one by one as they are
        // copied, and grown vectors would take up to twice the room next to them.
        let kept: usize = lists.iter().map(Vec::len).sum();
        let mut kept_starts = vec![0usize; n_terms + 1];
        let mut units = Vec::with_capacity(kept);
        let mut weights = Vec::with_capacity(kept);
        for (t, mut list) in lists.into_iter().enumerate() {
            list.sort_unstable_by_key(|&(u, _)| u);
            units.extend(list.iter().map(|&(u, _)| u));
            weights.extend(list.iter().map(|&(_, w)| w));
            kept_starts[t + 1] = units.len();
        }
        Index {
            starts: kept_starts,
            units,
            weights,
        }
    }

    fn postings(&self, term: TermId) -> (&[u32], &[f32]) {
        let range = self.starts[term as usize]..self.starts[term as usize + 1];
        (&self.units[range.clone()], &self.weights[range])
    }
}

/// A thread's partial scores of every unit, with the units touched.
struct Accumulator {
    score: Vec<f32>,
    touched: Vec<u32>,
}

impl Accumulator {
    fn new(n: usize) -> Accumulator {
        Accumulator {
            score: vec![0.0; n],
            touched: Vec::new(),
        }
    }

    /// The `m` units of largest partial score with unit `a` through `query` (ties: the lower
    /// unit), in unit order.
    fn candidates(
        &mut self,
        a: usize,
        query: &[(TermId, f32)],
        index: &Index,
        m: usize,
    ) -> Vec<u32> {
        // Every unit reached is pushed, a unit reached twice twice: no test in the loop.
        for &(t, w_a) in query {
            let (units, weights) = index.postings(t);
            self.touched.extend_from_slice(units);
            for (&b, &w_b) in units.iter().zip(weights) {
                self.score[b as usize] += w_a * w_b;
            }
        }
        self.score[a] = 0.0;
        let mut found: Vec<(u32, f32)> = Vec::new();
        for &b in &self.touched {
            let score = std::mem::take(&mut self.score[b as usize]);
            if score > 0.0 {
                found.push((b, score));
            }
        }
        self.touched.clear();
        if found.len() > m {
            let better = |x: &(u32, f32), y: &(u32, f32)| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0));
            found.select_nth_unstable_by(m - 1, better);
            found.truncate(m);
        }
        // From a slice, so the list has its own small allocation, not that of every unit
        // reached.
        let mut chosen: Vec<u32> = found.iter().map(|&(b, _)| b).collect();
        chosen.sort_unstable();
        chosen
    }
}

/// A unit's weights spread over every term (0 for the terms it does not use), so each
/// row paired with it is read once, without a test per term.
struct Marks {
    weight: Vec<f64>,
    /// The terms the unit uses (its weight may be 0: a term every speech uses).
    used: Vec<bool>,
}

impl Marks {
    fn new(n_terms: usize) -> Marks {
        Marks {
            weight: vec![0.0; n_terms],
            used: vec![false; n_terms],
        }
    }

    fn set(&mut self, row: &[(TermId, f64)]) {
        for &(t, w) in row {
            self.weight[t as usize] = w;
            self.used[t as usize] = true;
        }
    }

    fn clear(&mut self, row: &[(TermId, f64)]) {
        for &(t, _) in row {
            self.weight[t as usize] = 0.0;
            self.used[t as usize] = false;
        }
    }

    /// The dot product of the unit whose weights are set with a unit of weights `row`, and
    /// the terms they share. The products are summed in term order as [`Vectors::pair`]
    /// sums them: a term the set unit does not use adds 0 x w = +0, which leaves a sum of
    /// non-negative products unchanged, and x * y is y * x to the bit, so both give the
    /// same bits.
    fn dot(&self, row: &[(TermId, f64)]) -> (f64, u32) {
        row.iter().fold((0.0, 0), |(dot, shared), &(t, w)| {
            let t = t as usize;
            (dot + w * self.weight[t], shared + u32::from(self.used[t]))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::generated;
    use super::super::{most_similar, speech_vectors};
    use super::*;
    use crate::stats::counts::count;

    fn bits(pairs: &[Similarity]) -> Vec<(u32, u32, Option<u64>, Option<u64>)> {
        pairs
            .iter()
            .map(|p| {
                (
                    p.a,
                    p.b,
                    p.cosine.map(f64::to_bits),
                    p.jaccard.map(f64::to_bits),
                )
            })
            .collect()
    }

    #[test]
    fn a_search_as_wide_as_the_corpus_finds_the_exact_answer() {
        let corpus = generated(60, 30, |i, j| (i * 7 + j * j) % 53);
        let counts = count(&corpus);
        let vectors = speech_vectors(&counts);
        let n_terms = corpus.vocab.n_terms();
        let wide = Search {
            heaviest_terms: n_terms,
            postings_cap: 60,
            candidates: 60,
        };
        let found = nearest_with(&vectors, n_terms, 4, wide);
        // The exact lists, less the partners that share no weighted term (cosine 0).
        let exact: Vec<Similarity> = most_similar(&vectors, n_terms, 4)
            .into_iter()
            .filter(|p| p.cosine.is_some_and(|c| c > 0.0))
            .collect();
        assert!(exact.len() > 150);
        assert_eq!(bits(&found), bits(&exact));
    }

    #[test]
    fn a_narrow_search_lists_at_most_k_exact_values_most_similar_first() {
        let corpus = generated(80, 25, |i, j| (i * 5 + j * j * 3) % 67);
        let counts = count(&corpus);
        let vectors = speech_vectors(&counts);
        let n_terms = corpus.vocab.n_terms();
        let narrow = Search {
            heaviest_terms: 3,
            postings_cap: 6,
            candidates: 4,
        };
        let found = nearest_with(&vectors, n_terms, 5, narrow);
        assert!(!found.is_empty());
        for unit in 0..80u32 {
            let list: Vec<&Similarity> = found.iter().filter(|p| p.a == unit).collect();
            assert!(list.len() <= 5, "unit {unit}");
            for p in &list {
                assert_ne!(p.b, unit);
                assert_eq!(
                    bits(&[**p]),
                    bits(&[vectors.pair(p.a as usize, p.b as usize)])
                );
            }
            for w in list.windows(2) {
                let (x, y) = (
                    as_printed(w[0].cosine.unwrap()),
                    as_printed(w[1].cosine.unwrap()),
                );
                assert!(x > y || (x == y && w[0].b < w[1].b), "unit {unit}: {w:?}");
            }
        }
        // Rows come unit by unit.
        assert!(found.windows(2).all(|w| w[0].a <= w[1].a));
    }
}
