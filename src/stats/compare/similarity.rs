//! Similarity of speeches (or groups of speeches): which ones use the same vocabulary, and in
//! the same proportions.
//!
//! - `cosine`: the cosine of the two tf-idf vectors, stopwords excluded. A speech's vector
//!   holds each term's tf_idf = (count / n_tokens) * ln(N_docs / doc_freq), as in
//!   `term_frequency.csv`. A group's vector holds (summed count / summed n_tokens) times the
//!   same corpus idf: a group is weighted like one long speech, but idf is still measured
//!   over speeches (over groups, a term used by both of two parties would weigh nothing).
//!   Empty when a vector is all zeros (a speech using only terms that every speech uses).
//! - `jaccard`: |terms(A) and terms(B)| / |terms(A) or terms(B)| over the sets of terms
//!   counted at least once; empty when both sets are empty.
//! - `method`: which pairs are listed ([`Listing`]), chosen by [`SimilarityMethod`] for the
//!   speeches, and for the groups of each grouping on their own.
//!
//! Columns of `similarity`: doc_a, doc_b (or, with groups: group_by, group_a, group_b),
//! cosine, jaccard, method. Up to [`ALL_PAIRS_UP_TO`] units, every pair once (a before b in
//! corpus or group order); beyond that, for each unit in order, its [`TOP_PER_UNIT`] most
//! similar others (cosine as printed descending, ties by order), found by default through
//! an index of each unit's heaviest terms ([`nearest`]: about linear in the units,
//! approximate), or on request by comparing every pair (exact, quadratic).
//!
//! Every pair compared: the vectors are sparse and the products are accumulated term by term
//! from an inverted index (for each unit a, only the units b > a sharing a term with it are
//! touched), so the work grows with the sum over terms of doc_freq^2, not with units^2 *
//! vocabulary. Terms in every unit with weight 0 (idf 0) add to no product: they are counted
//! once as shared by all. Whichever way a pair is found, its cosine has the bits of
//! [`Vectors::pair`], so the methods print the same value for the same pair.

use std::borrow::Cow;

use polars::prelude::*;
use rayon::prelude::*;

use crate::chunks::chunk_ranges;
use crate::columns;
use crate::error::Result;
use crate::stats::as_printed;
use crate::stats::frame;
use crate::text::TermId;

mod nearest;
mod vectors;

pub(crate) use vectors::{group_vectors, speech_vectors, Vectors};

/// Units up to which every pair is listed (written out in [`SimilarityMethod`]'s public docs).
pub(crate) const ALL_PAIRS_UP_TO: usize = 1_000;
/// Most similar others listed per unit beyond that.
pub(crate) const TOP_PER_UNIT: usize = 10;

/// The similarity of two units, by index.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Similarity {
    pub a: u32,
    pub b: u32,
    pub cosine: Option<f64>,
    pub jaccard: Option<f64>,
}

/// Units that share each term, with their weights, by unit; terms held by every unit with
/// weight 0 everywhere are left out and counted in `shared_by_all`.
struct Postings {
    starts: Vec<usize>,
    units: Vec<u32>,
    weights: Vec<f64>,
    shared_by_all: u32,
}

impl Postings {
    fn build(vectors: &Vectors, n_terms: usize) -> Postings {
        let n_units = vectors.len();
        let mut df = vec![0usize; n_terms];
        let mut nonzero = vec![false; n_terms];
        for u in 0..n_units {
            vectors.fold(u, (), |(), t, w| {
                df[t as usize] += 1;
                nonzero[t as usize] |= w != 0.0;
            });
        }
        let skipped = |t: usize| df[t] == n_units && !nonzero[t];
        let shared_by_all = (0..n_terms).filter(|&t| df[t] > 0 && skipped(t)).count() as u32;
        let mut starts = vec![0usize; n_terms + 1];
        for t in 0..n_terms {
            starts[t + 1] = starts[t] + if skipped(t) { 0 } else { df[t] };
        }
        let mut next = starts.clone();
        let mut units = vec![0u32; starts[n_terms]];
        let mut weights = vec![0f64; starts[n_terms]];
        for u in 0..n_units {
            for &(t, w) in vectors.row(u).iter() {
                if !skipped(t as usize) {
                    units[next[t as usize]] = u as u32;
                    weights[next[t as usize]] = w;
                    next[t as usize] += 1;
                }
            }
        }
        Postings {
            starts,
            units,
            weights,
            shared_by_all,
        }
    }

    /// The units after `a` that hold `term`, with their weights.
    fn after(&self, term: TermId, a: u32) -> (&[u32], &[f64]) {
        let range = self.starts[term as usize]..self.starts[term as usize + 1];
        let units = &self.units[range.clone()];
        let from = units.partition_point(|&u| u <= a);
        (&units[from..], &self.weights[range][from..])
    }
}

/// Rows of the similarity matrix filled together: each term's postings are read once per
/// block instead of once per row, which is what bounds the speed on a large corpus.
const BLOCK_ROWS: usize = 32;

/// A term held by at least 1 / DENSE_SHARE of a block's rows is multiplied for every row.
const DENSE_SHARE: usize = 4;

/// Later units whose accumulators are filled together, every term adding to them before
/// the next tile: 4,096 units of 32 rows of doubles take 1 MB, within a core's second-level
/// cache. Measured on three times the UN General Debate corpus (17,052 speeches, whose
/// accumulators take 4 MB a block), the similarity table took 15-16 s instead of 23 s.
const TILE_UNITS: usize = 4096;

/// A term of a block: the block's rows that hold it, the later units that hold it with their
/// weights, its lane of weights when dense (an index into the block's lanes), and how far
/// its units have been added.
struct BlockTerm<'a> {
    rows: &'a [(TermId, u32, f64)],
    units: &'a [u32],
    weights: &'a [f64],
    dense: Option<usize>,
    next: usize,
}

/// A block of rows being filled: per later unit b, one accumulator per row of the block.
struct Scratch {
    dot: Vec<f64>,
    /// Terms shared; counted only when `count_shared` (the Jaccard of every pair is wanted).
    shared: Vec<u32>,
    count_shared: bool,
    /// Later units per tile ([`TILE_UNITS`]; smaller in tests).
    tile_units: usize,
}

impl Scratch {
    fn new(count_shared: bool) -> Scratch {
        Scratch {
            dot: Vec::new(),
            shared: Vec::new(),
            count_shared,
            tile_units: TILE_UNITS,
        }
    }

    /// Products of each unit a of `rows` with every unit after it, handed to
    /// `visit(a, b, dot, shared)` in order of a, then b (`shared` is 0 unless counted). Each
    /// product is summed in term order, as [`Vectors::pair`] sums it, so both give the
    /// same bits.
    fn block(
        &mut self,
        postings: &Postings,
        vectors: &Vectors,
        rows: std::ops::Range<usize>,
        mut visit: impl FnMut(usize, usize, f64, u32),
    ) {
        let (first, width) = (rows.start, rows.len());
        let n = vectors.len();
        // Units after the block's first row, each with `width` accumulators.
        let after = n - first - 1;
        self.dot.clear();
        self.dot.resize(after * width, 0.0);
        if self.count_shared {
            self.shared.clear();
            self.shared.resize(after * width, 0);
        }
        // The block's (term, row, weight), by term then row.
        let mut entries: Vec<(TermId, u32, f64)> = Vec::new();
        for a in rows.clone() {
            let row = vectors.row(a);
            entries.extend(row.iter().map(|&(t, w)| (t, (a - first) as u32, w)));
        }
        entries.sort_unstable_by_key(|&(t, r, _)| (t, r));
        // Accumulators of pairs (a, b) with b <= a, inside the block, receive products too
        // but are never read: no test in the inner loops. Absent rows add 0 x w = 0, which
        // leaves a sum of non-negative products unchanged, so dense and sparse rows give the
        // same bits.
        let mut terms: Vec<BlockTerm<'_>> = Vec::new();
        let mut lanes: Vec<([f64; BLOCK_ROWS], [u32; BLOCK_ROWS])> = Vec::new();
        for of_term in entries.chunk_by(|x, y| x.0 == y.0) {
            let (units, weights) = postings.after(of_term[0].0, first as u32);
            // Most rows hold the term: one contiguous multiply-add per later unit, which the
            // compiler vectorizes.
            let dense = (of_term.len() * DENSE_SHARE >= width).then(|| {
                let mut lane = ([0.0f64; BLOCK_ROWS], [0u32; BLOCK_ROWS]);
                for &(_, r, w_a) in of_term {
                    lane.0[r as usize] = w_a;
                    lane.1[r as usize] = 1;
                }
                lanes.push(lane);
                lanes.len() - 1
            });
            terms.push(BlockTerm {
                rows: of_term,
                units,
                weights,
                dense,
                next: 0,
            });
        }
        // The later units a tile at a time, every term in term order within each tile, so
        // each accumulator still receives its products in term order: the tile stays in
        // cache while all the terms add to it, where a pass over every later unit per term
        // would stream a large corpus's accumulators from memory once per term.
        let mut tile_start = first + 1;
        while tile_start < n {
            let tile_end = (tile_start + self.tile_units).min(n);
            for term in &mut terms {
                let start = term.next;
                let mut end = start;
                while end < term.units.len() && (term.units[end] as usize) < tile_end {
                    end += 1;
                }
                if end == start {
                    continue;
                }
                term.next = end;
                let (units, weights) = (&term.units[start..end], &term.weights[start..end]);
                match term.dense {
                    Some(lane) => add_dense_term(
                        &mut self.dot,
                        &mut self.shared,
                        self.count_shared,
                        DenseTerm {
                            units,
                            weights,
                            first,
                            lane: &lanes[lane].0[..width],
                            present: &lanes[lane].1[..width],
                        },
                    ),
                    None => {
                        for (&b, &w_b) in units.iter().zip(weights) {
                            let slot = (b as usize - first - 1) * width;
                            for &(_, r, w_a) in term.rows {
                                self.dot[slot + r as usize] += w_a * w_b;
                                if self.count_shared {
                                    self.shared[slot + r as usize] += 1;
                                }
                            }
                        }
                    }
                }
            }
            tile_start = tile_end;
        }
        for r in 0..width {
            let a = first + r;
            for b in a + 1..n {
                let slot = (b - first - 1) * width + r;
                let shared = if self.count_shared {
                    self.shared[slot] + postings.shared_by_all
                } else {
                    0
                };
                visit(a, b, self.dot[slot], shared);
            }
        }
    }
}

/// A term held by most rows of a block: its weight in each row (`lane`, 0 where absent),
/// which rows hold it, and the later units that hold it with their weights.
struct DenseTerm<'a> {
    units: &'a [u32],
    weights: &'a [f64],
    first: usize,
    lane: &'a [f64],
    present: &'a [u32],
}

/// Adds a dense term's products to every row's accumulator of each later unit that holds it:
/// the innermost loop of the similarity matrix. Compiled twice, for the baseline x86-64 and
/// for AVX2 (four doubles per instruction instead of two), chosen when the processor has it.
/// The same multiplications and additions in the same order either way (Rust never fuses
/// them into one rounding), so both give the same bits.
fn add_dense_term(dot: &mut [f64], shared: &mut [u32], count_shared: bool, term: DenseTerm<'_>) {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: the processor has AVX2, checked just above.
        unsafe { add_dense_term_avx2(dot, shared, count_shared, term) };
        return;
    }
    add_dense_term_portable(dot, shared, count_shared, term);
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn add_dense_term_avx2(
    dot: &mut [f64],
    shared: &mut [u32],
    count_shared: bool,
    term: DenseTerm<'_>,
) {
    add_dense_term_portable(dot, shared, count_shared, term);
}

#[inline(always)]
fn add_dense_term_portable(
    dot: &mut [f64],
    shared: &mut [u32],
    count_shared: bool,
    term: DenseTerm<'_>,
) {
    let width = term.lane.len();
    for (&b, &w_b) in term.units.iter().zip(term.weights) {
        let slot = (b as usize - term.first - 1) * width;
        for (acc, &w_a) in dot[slot..slot + width].iter_mut().zip(term.lane) {
            *acc += w_a * w_b;
        }
        if count_shared {
            for (acc, &p) in shared[slot..slot + width].iter_mut().zip(term.present) {
                *acc += p;
            }
        }
    }
}

/// The blocks of rows of a chunk.
fn blocks(range: std::ops::Range<usize>) -> impl Iterator<Item = std::ops::Range<usize>> {
    range
        .clone()
        .step_by(BLOCK_ROWS)
        .map(move |start| start..(start + BLOCK_ROWS).min(range.end))
}

/// Every pair of units once, a before b.
pub(crate) fn all_pairs(vectors: &Vectors, n_terms: usize) -> Vec<Similarity> {
    let postings = Postings::build(vectors, n_terms);
    rows_in_chunks(vectors)
        .into_par_iter()
        .map(|range| {
            let mut scratch = Scratch::new(true);
            let mut out = Vec::new();
            for block in blocks(range) {
                scratch.block(&postings, vectors, block, |a, b, dot, shared| {
                    out.push(Similarity {
                        a: a as u32,
                        b: b as u32,
                        cosine: vectors.cosine(a, b, dot),
                        jaccard: vectors.jaccard(a, b, shared),
                    })
                });
            }
            out
        })
        .collect::<Vec<_>>()
        .concat()
}

/// For each unit, its `k` most similar others (cosine as printed descending, ties by index),
/// each pair's product computed once. Shared terms are counted afterwards, for the pairs
/// kept only.
pub(crate) fn most_similar(vectors: &Vectors, n_terms: usize, k: usize) -> Vec<Similarity> {
    let postings = Postings::build(vectors, n_terms);
    let n = vectors.len();
    let best = rows_in_chunks(vectors)
        .into_par_iter()
        .map(|range| {
            let mut scratch = Scratch::new(false);
            let mut best = Best::new(n, k);
            for block in blocks(range) {
                scratch.block(&postings, vectors, block, |a, b, dot, _| {
                    let cosine = vectors.cosine(a, b, dot);
                    // Most pairs are below both lists' floors; rounding costs more than
                    // the comparison that rules them out.
                    if cosine.is_some_and(|c| best.below_floor(a, c) && best.below_floor(b, c)) {
                        return;
                    }
                    let key = cosine.map_or(f64::NEG_INFINITY, as_printed);
                    best.offer(a, b as u32, key, cosine, 0);
                    best.offer(b, a as u32, key, cosine, 0);
                });
            }
            best
        })
        .reduce(|| Best::new(n, k), Best::merge);
    best.with_jaccard(vectors, n_terms)
}

/// Row chunks of about equal work: row a touches the units after it.
fn rows_in_chunks(vectors: &Vectors) -> Vec<std::ops::Range<usize>> {
    let n = vectors.len() as u64;
    let work = (0..n).map(|a| (vectors.size(a as usize) as u64 + 1) * (n - a));
    let total: u64 = (0..n)
        .map(|a| (vectors.size(a as usize) as u64 + 1) * (n - a))
        .sum();
    chunk_ranges(work, (total / 64).max(1))
}

/// The `k` best partners found so far of every unit.
struct Best {
    k: usize,
    /// Per unit, its partners best first.
    lists: Vec<Vec<Partner>>,
    /// Per unit, the worst partner kept once its list is full: most offers are turned away
    /// by this one compact entry, without touching the list.
    floor: Vec<Partner>,
}

/// A partner of a unit: its index, the cosine, and the cosine as printed (the ranking key).
#[derive(Debug, Clone, Copy)]
struct Partner {
    partner: u32,
    key: f64,
    cosine: Option<f64>,
    /// Terms the two share, when counted as the pair was scored (else 0).
    shared: u32,
}

impl Partner {
    /// Below every partner: what an empty place in a list is worth.
    const NONE: Partner = Partner {
        shared: 0,
        partner: u32::MAX,
        key: f64::NEG_INFINITY,
        cosine: None,
    };

    /// Better first: the printed cosine descending (none last), then the partner's index.
    fn before(&self, other: &Partner) -> bool {
        self.key > other.key || (self.key == other.key && self.partner < other.partner)
    }
}

impl Best {
    fn new(n: usize, k: usize) -> Best {
        Best {
            k,
            lists: vec![Vec::new(); n],
            floor: vec![Partner::NONE; n],
        }
    }

    /// Whether a cosine of `raw` cannot enter `unit`'s full list, whatever its partner:
    /// rounded to six significant digits a value moves by at most 5e-6 of itself, so a
    /// value more than 1e-5 below the floor's printed key prints below it.
    fn below_floor(&self, unit: usize, raw: f64) -> bool {
        let floor = self.floor[unit].key;
        floor > 0.0 && raw >= 0.0 && raw < floor * (1.0 - 1e-5)
    }

    fn offer(&mut self, unit: usize, partner: u32, key: f64, cosine: Option<f64>, shared: u32) {
        let entry = Partner {
            shared,
            partner,
            key,
            cosine,
        };
        if self.k == 0 || !entry.before(&self.floor[unit]) {
            return;
        }
        let list = &mut self.lists[unit];
        if list.len() == self.k {
            list.pop();
        }
        // Room for k at once: a list grown by doubling would hold up to twice that, for
        // every unit.
        list.reserve_exact(self.k - list.len());
        let at = list.partition_point(|x| x.before(&entry));
        list.insert(at, entry);
        if list.len() == self.k {
            self.floor[unit] = list[self.k - 1];
        }
    }

    /// The lists as pairs, unit by unit, each with its Jaccard: the unit's terms marked
    /// once, each partner's looked up, instead of a merge of the two rows per pair.
    fn with_jaccard(self, vectors: &Vectors, n_terms: usize) -> Vec<Similarity> {
        let lists: Vec<Vec<Similarity>> = self
            .lists
            .into_par_iter()
            .enumerate()
            .map_init(
                || vec![false; n_terms],
                |marked, (unit, list)| {
                    if list.is_empty() {
                        return Vec::new();
                    }
                    let row = vectors.row(unit);
                    for &(t, _) in row.iter() {
                        marked[t as usize] = true;
                    }
                    let kept = list
                        .into_iter()
                        .map(|entry| {
                            let partner = entry.partner as usize;
                            let shared = vectors.fold_terms(partner, 0u32, |shared, t| {
                                shared + u32::from(marked[t as usize])
                            });
                            Similarity {
                                a: unit as u32,
                                b: entry.partner,
                                cosine: entry.cosine,
                                jaccard: vectors.jaccard(unit, partner, shared),
                            }
                        })
                        .collect();
                    for &(t, _) in row.iter() {
                        marked[t as usize] = false;
                    }
                    kept
                },
            )
            .collect();
        lists.concat()
    }

    /// The lists as pairs, unit by unit, each with the Jaccard of the terms counted as
    /// shared when it was offered.
    fn with_counted_jaccard(self, vectors: &Vectors) -> Vec<Similarity> {
        // Room for exactly the pairs: a collected `flat_map` cannot tell how many there are,
        // and would grow to up to twice that.
        let mut pairs = Vec::with_capacity(self.lists.iter().map(Vec::len).sum());
        for (unit, list) in self.lists.into_iter().enumerate() {
            pairs.extend(list.into_iter().map(|entry| Similarity {
                a: unit as u32,
                b: entry.partner,
                cosine: entry.cosine,
                jaccard: vectors.jaccard(unit, entry.partner as usize, entry.shared),
            }));
        }
        pairs
    }

    fn merge(mut self, other: Best) -> Best {
        for (unit, list) in other.lists.into_iter().enumerate() {
            for entry in list {
                self.offer(unit, entry.partner, entry.key, entry.cosine, entry.shared);
            }
        }
        self
    }
}

/// How the pairs of `similarity.csv` are chosen, for speeches and for the groups of each
/// grouping alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SimilarityMethod {
    /// Every pair up to 1,000 units (speeches, or groups of a grouping); beyond, each one's 10
    /// most similar found through an index of their heaviest terms (approximate, and about
    /// linear in the units).
    #[default]
    Auto,
    /// Every pair up to 1,000 units; beyond, each one's exact 10 most similar, every pair
    /// compared (time grows with the square of the units).
    Exact,
    /// Each unit's 10 most similar through the index, however few the units.
    Approximate,
}

impl SimilarityMethod {
    /// The name on the command line and in `run.json`.
    pub fn name(self) -> &'static str {
        match self {
            SimilarityMethod::Auto => "auto",
            SimilarityMethod::Exact => "exact",
            SimilarityMethod::Approximate => "approximate",
        }
    }
}

/// Which pairs a table lists, as its `method` column says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Listing {
    /// Every pair once.
    AllPairs,
    /// Each unit's [`TOP_PER_UNIT`] most similar, every pair compared.
    NearestExact,
    /// Each unit's most similar among the candidates of the index (at most
    /// [`TOP_PER_UNIT`]).
    NearestApproximate,
}

impl Listing {
    /// The value of the `method` column.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Listing::AllPairs => "all pairs",
            Listing::NearestExact => "nearest 10 (exact)",
            Listing::NearestApproximate => "nearest 10 (approximate)",
        }
    }
}

/// The pairs of one set of units (the speeches, or the groups of a grouping) and how they
/// were chosen: their similarities, or (by style) their distances.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Listed<P = Similarity> {
    pub listing: Listing,
    pub pairs: Vec<P>,
}

impl<P> Listed<P> {
    /// The pairs cut into slices of `size` rows of a table (one empty slice for none).
    pub fn parts(&self, size: usize) -> Vec<std::ops::Range<usize>> {
        crate::chunks::row_parts(self.pairs.len(), size)
    }
}

/// Every pair of each grouping beside its grouping's column, group names and listing: the
/// rows of a `similarity` table of groups.
pub(crate) fn grouping_rows<'a, P>(
    groupings: &[(&'a str, &'a [String], &'a Listed<P>)],
) -> Vec<(&'a str, &'a [String], Listing, &'a P)> {
    groupings
        .iter()
        .flat_map(|&(column, names, listed)| {
            listed
                .pairs
                .iter()
                .map(move |p| (column, names, listed.listing, p))
        })
        .collect()
}

/// The pairs of a similarity table: every pair for a few units, each one's most similar
/// beyond, found as `method` says.
pub(crate) fn similarity_pairs(
    vectors: &Vectors,
    n_terms: usize,
    method: SimilarityMethod,
) -> Listed {
    let few = vectors.len() <= ALL_PAIRS_UP_TO;
    let listing = match method {
        SimilarityMethod::Auto | SimilarityMethod::Exact if few => Listing::AllPairs,
        SimilarityMethod::Exact => Listing::NearestExact,
        SimilarityMethod::Auto | SimilarityMethod::Approximate => Listing::NearestApproximate,
    };
    let pairs = match listing {
        Listing::AllPairs => all_pairs(vectors, n_terms),
        Listing::NearestExact => most_similar(vectors, n_terms, TOP_PER_UNIT),
        Listing::NearestApproximate => nearest::nearest(vectors, n_terms, TOP_PER_UNIT),
    };
    Listed { listing, pairs }
}

/// The `similarity` table of speeches: doc_a, doc_b, cosine, jaccard, method.
pub(crate) fn speech_similarity_frame(
    listed: &Listed,
    rows: std::ops::Range<usize>,
    ids: &[String],
) -> Result<DataFrame> {
    let name = |i: u32| ids[i as usize].as_str();
    let pairs = &listed.pairs[rows];
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
            cosine_column(pairs),
            jaccard_column(pairs),
            Column::new(
                columns::METHOD.name.into(),
                vec![listed.listing.name(); pairs.len()],
            ),
        ],
    )
}

/// The cosine of every pair of the units `shown` (indices into `vectors`), 0 where it is
/// undefined (a vector of zeros): the matrix of a heatmap.
pub(crate) fn cosine_matrix(vectors: &Vectors, shown: &[usize]) -> Vec<Vec<f64>> {
    // Each row weighed once, not once for every cell it is in.
    let rows: Vec<Cow<'_, [(TermId, f64)]>> = shown.par_iter().map(|&u| vectors.row(u)).collect();
    shown
        .par_iter()
        .zip(&rows)
        .map(|(&a, x)| {
            shown
                .iter()
                .zip(&rows)
                .map(|(&b, y)| vectors.pair_of_rows((a, x), (b, y)).cosine.unwrap_or(0.0))
                .collect()
        })
        .collect()
}

/// The `similarity` table of the groups of several groupings: group_by, group_a, group_b,
/// cosine, jaccard, method.
pub(crate) fn group_similarity_frame(
    groupings: &[(&str, &[String], &Listed)],
) -> Result<DataFrame> {
    let rows = grouping_rows(groupings);
    let pairs: Vec<Similarity> = rows.iter().map(|r| *r.3).collect();
    let named: Vec<GroupPair<'_>> = rows.iter().map(|r| (r.0, r.1, r.3.a, r.3.b)).collect();
    let mut table = group_pair_columns(&named);
    table.extend([
        cosine_column(&pairs),
        jaccard_column(&pairs),
        Column::new(
            columns::METHOD.name.into(),
            rows.iter().map(|r| r.2.name()).collect::<Vec<_>>(),
        ),
    ]);
    frame("similarity", table)
}

/// A pair of groups of one grouping: the grouping's column, its groups' names, and the
/// indices of the two groups.
pub(crate) type GroupPair<'a> = (&'a str, &'a [String], u32, u32);

/// The columns that name pairs of groups: group_by, group_a, group_b.
pub(crate) fn group_pair_columns(pairs: &[GroupPair<'_>]) -> Vec<Column> {
    fn name(names: &[String], i: u32) -> &str {
        names[i as usize].as_str()
    }
    vec![
        Column::new(
            columns::GROUP_BY.name.into(),
            pairs.iter().map(|p| p.0).collect::<Vec<_>>(),
        ),
        Column::new(
            columns::GROUP_A.name.into(),
            pairs.iter().map(|p| name(p.1, p.2)).collect::<Vec<_>>(),
        ),
        Column::new(
            columns::GROUP_B.name.into(),
            pairs.iter().map(|p| name(p.1, p.3)).collect::<Vec<_>>(),
        ),
    ]
}

fn cosine_column(pairs: &[Similarity]) -> Column {
    Column::new(
        columns::COSINE.name.into(),
        pairs.iter().map(|p| p.cosine).collect::<Vec<Option<f64>>>(),
    )
}

fn jaccard_column(pairs: &[Similarity]) -> Column {
    Column::new(
        columns::JACCARD.name.into(),
        pairs
            .iter()
            .map(|p| p.jaccard)
            .collect::<Vec<Option<f64>>>(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::counts::{count, tests::tokenized};
    use crate::text::TokenizedCorpus;

    fn close(actual: Option<f64>, expected: f64) {
        let actual = actual.expect("a value");
        assert!((actual - expected).abs() < 1e-9, "{actual} != {expected}");
    }

    #[test]
    fn cosine_and_jaccard_follow_their_definitions() {
        // d1 = "a a b", d2 = "a b b c", d3 = "c d": 3 speeches; idf(a) = idf(b) = ln 3/2,
        // idf(c) = ln 3/2, idf(d) = ln 3.
        let corpus = tokenized(&["a a b", "a b b c", "c d"], false, false);
        let counts = count(&corpus);
        let vectors = speech_vectors(&counts);
        let idf = (1.5f64).ln();
        let v1 = [2.0 / 3.0 * idf, 1.0 / 3.0 * idf, 0.0, 0.0];
        let v2 = [0.25 * idf, 0.5 * idf, 0.25 * idf, 0.0];
        let v3 = [0.0, 0.0, 0.5 * idf, 0.5 * 3f64.ln()];
        let cos = |x: &[f64; 4], y: &[f64; 4]| {
            let dot: f64 = x.iter().zip(y).map(|(a, b)| a * b).sum();
            let norm = |v: &[f64; 4]| v.iter().map(|a| a * a).sum::<f64>().sqrt();
            dot / (norm(x) * norm(y))
        };
        let pairs = all_pairs(&vectors, corpus.vocab.n_terms());
        assert_eq!(pairs.len(), 3);
        let find = |a: u32, b: u32| *pairs.iter().find(|p| p.a == a && p.b == b).unwrap();
        close(find(0, 1).cosine, cos(&v1, &v2));
        close(find(0, 2).cosine, 0.0);
        close(find(1, 2).cosine, cos(&v2, &v3));
        close(find(0, 1).jaccard, 2.0 / 3.0);
        close(find(0, 2).jaccard, 0.0);
        close(find(1, 2).jaccard, 1.0 / 4.0);
        // The merge of two rows agrees with the inverted index.
        for p in &pairs {
            let merged = vectors.pair(p.a as usize, p.b as usize);
            close(merged.cosine, p.cosine.unwrap());
            close(merged.jaccard, p.jaccard.unwrap());
        }
    }

    #[test]
    fn a_speech_is_fully_similar_to_itself_and_pairs_are_symmetric() {
        let corpus = tokenized(
            &["peace war peace", "war treaty", "peace treaty law"],
            false,
            false,
        );
        let counts = count(&corpus);
        let vectors = speech_vectors(&counts);
        for a in 0..3 {
            close(vectors.pair(a, a).cosine, 1.0);
            close(vectors.pair(a, a).jaccard, 1.0);
            for b in 0..3 {
                assert_eq!(vectors.pair(a, b).cosine, vectors.pair(b, a).cosine);
                assert_eq!(vectors.pair(a, b).jaccard, vectors.pair(b, a).jaccard);
            }
        }
    }

    #[test]
    fn terms_every_speech_uses_weigh_nothing_but_count_as_shared() {
        // "nation" is in every speech: idf 0, left out of the index, still in the sets.
        let corpus = tokenized(&["nation peace", "nation war", "nation"], false, false);
        let counts = count(&corpus);
        let vectors = speech_vectors(&counts);
        let pairs = all_pairs(&vectors, corpus.vocab.n_terms());
        let first = pairs[0];
        close(first.cosine, 0.0);
        close(first.jaccard, 1.0 / 3.0);
        // The third speech has only "nation": a zero vector, cosine undefined.
        let with_third = pairs.iter().find(|p| p.b == 2).unwrap();
        assert_eq!(with_third.cosine, None);
        close(with_third.jaccard, 0.5);
    }

    /// `speeches` speeches of `words` words each, word j of speech i being `w{word(i, j)}`.
    pub(super) fn generated(
        speeches: usize,
        words: usize,
        word: impl Fn(usize, usize) -> usize,
    ) -> TokenizedCorpus {
        let texts: Vec<String> = (0..speeches)
            .map(|i| {
                (0..words)
                    .map(|j| format!("w{}", word(i, j)))
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        let borrowed: Vec<&str> = texts.iter().map(String::as_str).collect();
        tokenized(&borrowed, false, false)
    }

    #[test]
    fn beyond_a_thousand_units_each_gets_its_nearest_found_as_the_method_says() {
        let few = generated(30, 20, |i, j| (i * 3 + j * j) % 31);
        let few_counts = count(&few);
        let few_vectors = speech_vectors(&few_counts);
        let many = generated(ALL_PAIRS_UP_TO + 1, 12, |i, j| (i * 13 + j * j * 7) % 997);
        let many_counts = count(&many);
        let many_vectors = speech_vectors(&many_counts);
        let cases = [
            (
                &few_vectors,
                &few,
                SimilarityMethod::Auto,
                Listing::AllPairs,
            ),
            (
                &few_vectors,
                &few,
                SimilarityMethod::Exact,
                Listing::AllPairs,
            ),
            (
                &few_vectors,
                &few,
                SimilarityMethod::Approximate,
                Listing::NearestApproximate,
            ),
            (
                &many_vectors,
                &many,
                SimilarityMethod::Auto,
                Listing::NearestApproximate,
            ),
            (
                &many_vectors,
                &many,
                SimilarityMethod::Exact,
                Listing::NearestExact,
            ),
        ];
        for (vectors, corpus, method, listing) in cases {
            let listed = similarity_pairs(vectors, corpus.vocab.n_terms(), method);
            assert_eq!(listed.listing, listing, "{method:?}");
            let n = vectors.len();
            let mut per_unit = vec![0usize; n];
            for p in &listed.pairs {
                per_unit[p.a as usize] += 1;
            }
            match listing {
                Listing::AllPairs => assert_eq!(listed.pairs.len(), n * (n - 1) / 2),
                Listing::NearestExact => assert!(per_unit.iter().all(|&k| k == TOP_PER_UNIT)),
                Listing::NearestApproximate => {
                    assert!(per_unit.iter().all(|&k| k <= TOP_PER_UNIT));
                    assert!(per_unit.iter().filter(|&&k| k == TOP_PER_UNIT).count() > n / 2);
                }
            }
        }
    }

    #[test]
    fn tiles_of_later_units_give_the_bits_of_a_merge_of_two_rows() {
        let corpus = generated(70, 25, |i, j| (i * 5 + j * j * 3) % 41);
        let counts = count(&corpus);
        let vectors = speech_vectors(&counts);
        let postings = Postings::build(&vectors, corpus.vocab.n_terms());
        for tile_units in [1, 3, 7, TILE_UNITS] {
            let mut scratch = Scratch::new(true);
            scratch.tile_units = tile_units;
            let mut visited = 0;
            for block in blocks(0..vectors.len()) {
                scratch.block(&postings, &vectors, block, |a, b, dot, shared| {
                    let merged = vectors.pair(a, b);
                    assert_eq!(
                        vectors.cosine(a, b, dot).map(f64::to_bits),
                        merged.cosine.map(f64::to_bits)
                    );
                    assert_eq!(vectors.jaccard(a, b, shared), merged.jaccard);
                    visited += 1;
                });
            }
            assert_eq!(visited, 70 * 69 / 2);
        }
    }

    #[test]
    fn the_most_similar_are_those_of_all_pairs_whatever_the_chunks() {
        let corpus = generated(40, 30, |i, j| (i * 7 + j * j) % 23);
        let counts = count(&corpus);
        let vectors = speech_vectors(&counts);
        let n_terms = corpus.vocab.n_terms();
        let all = all_pairs(&vectors, n_terms);
        let top = most_similar(&vectors, n_terms, 3);
        assert_eq!(top.len(), 40 * 3);
        for unit in 0..40u32 {
            let mut expected: Vec<(u32, Option<f64>)> = all
                .iter()
                .filter(|p| p.a == unit || p.b == unit)
                .map(|p| (if p.a == unit { p.b } else { p.a }, p.cosine))
                .collect();
            expected.sort_by(|x, y| {
                let key = |c: Option<f64>| c.map_or(f64::NEG_INFINITY, as_printed);
                key(y.1).total_cmp(&key(x.1)).then(x.0.cmp(&y.0))
            });
            expected.truncate(3);
            let got: Vec<(u32, Option<f64>)> = top
                .iter()
                .filter(|p| p.a == unit)
                .map(|p| (p.b, p.cosine))
                .collect();
            assert_eq!(got, expected, "unit {unit}");
        }
    }
}
