//! Co-occurrence: unordered pairs of terms that occur near each other (within a few words, in
//! one sentence, or in one speech) more than chance predicts.
//!
//! Columns of `cooccurrence`: term_a, term_b (term_a < term_b as strings), label_a, label_b,
//! count, pmi, npmi, log_likelihood, t_score, dice; strongest first (log_likelihood
//! descending, then term_a, term_b).
//!
//! Everything is counted on the filtered stream (a document's terms with stopwords removed,
//! order kept). A pair of one term with itself is never counted. The scores are those of
//! [`crate::stats::association`] on a 2x2 table that depends on the [`Context`]:
//!
//! - `Window(w)` (default w = 5): inside one sentence, every pair of positions i < j with
//!   j - i <= w adds 1 to `count` for {x, y}. The table is NLTK's windowed convention
//!   (`BigramCollocationFinder.from_words(window_size)`), spread over both sides since the
//!   pair is unordered: n_ii = count / (2w), n_ix and n_xi = counts of x and y, n_xx = length
//!   of the filtered corpus stream. So pmi = log2(count * n_xx / (2w * n_ix * n_xi)).
//! - `Sentence` / `Document`: `count` = number of sentences (documents) containing both
//!   terms. The table counts units: n_ii = count, n_ix and n_xi = number of units containing
//!   x and y, n_xx = number of units in the corpus, including units with no counted term (a
//!   sentence of stopwords is still a sentence, an empty speech still a speech).
//!
//! Counting runs on integer ids, one row of the co-occurrence matrix per term in parallel
//! ([`count_cooccurrences`]); `min_count` is applied to exact corpus totals.

use polars::prelude::*;
use rayon::prelude::*;

use std::collections::BinaryHeap;
use std::ops::Range;

use super::counting::{
    chunk_ranges, pair_key, ranks_of_key, score_of_key, strength_as_printed, strongest_key,
};
use crate::columns;
use crate::error::{Error, Result};
use crate::stats::association::Contingency;
use crate::stats::counts::CountTables;
use crate::stats::frame;
use crate::stats::tally::Tally;
use crate::text::{DocTokens, FormId, TermId, TokenizedCorpus, Vocabulary};

/// The window size used when none is given.
pub const DEFAULT_WINDOW: u32 = 5;

/// What "occurring together" means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// At most this many filtered positions apart in one sentence. `Window(0)` pairs nothing.
    Window(u32),
    /// In the same sentence.
    Sentence,
    /// In the same document.
    Document,
}

impl Default for Context {
    fn default() -> Context {
        Context::Window(DEFAULT_WINDOW)
    }
}

/// One unordered pair of terms, `first < second` by term id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TermPair {
    pub first: TermId,
    pub second: TermId,
    /// Window context: position pairs; sentence or document context: units with both.
    pub count: u64,
}

/// Co-occurrence counts of a corpus with the margins of their 2x2 tables.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cooccurrences {
    pub context: Context,
    /// Pairs seen at least min_count times, sorted by (first, second).
    pub pairs: Vec<TermPair>,
    /// n_ix of each term id: its filtered-stream count (window) or the number of units
    /// containing it (sentence, document).
    pub marginals: Vec<u64>,
    /// n_xx: the filtered stream's length (window) or the number of units.
    pub total: u64,
}

impl Cooccurrences {
    /// The pair {a, b} in either order, if it was counted (and kept by min_count).
    pub fn get(&self, a: TermId, b: TermId) -> Option<&TermPair> {
        let key = (a.min(b), a.max(b));
        self.pairs
            .binary_search_by_key(&key, |p| (p.first, p.second))
            .ok()
            .map(|i| &self.pairs[i])
    }

    /// The 2x2 table of a pair under this context's convention (see the module docs).
    pub fn contingency(&self, pair: &TermPair) -> Contingency {
        let spread = match self.context {
            Context::Window(w) => 2.0 * f64::from(w),
            Context::Sentence | Context::Document => 1.0,
        };
        Contingency::spread_over(
            pair.count as f64,
            spread,
            self.marginals[pair.first as usize] as f64,
            self.marginals[pair.second as usize] as f64,
            self.total as f64,
        )
    }
}

/// The units of a context as runs of term ids: a sentence's filtered stream (window), or a
/// sentence's or document's distinct terms in id order (sentence, document). All that the
/// counting needs of the tokens: built first, so the tokens can be let go of before the
/// counting, whose own memory peaks.
pub struct Units {
    context: Context,
    terms: Vec<TermId>,
    /// End of each unit in `terms`.
    ends: Vec<usize>,
}

impl Units {
    fn len(&self) -> usize {
        self.ends.len()
    }

    /// The bounds in `terms` of unit `unit`.
    fn bounds(&self, unit: usize) -> (usize, usize) {
        let start = if unit == 0 { 0 } else { self.ends[unit - 1] };
        (
            start,
            self.ends.get(unit).copied().unwrap_or(self.terms.len()),
        )
    }

    /// The unit holding position `p`, searched from unit `from`, which holds a position
    /// before `p`: by steps that double, then halving. A term's positions come in order, so
    /// each is found in the logarithm of the units since its last one, not of all units.
    fn unit_from(&self, from: usize, p: usize) -> usize {
        let ends = &self.ends[from..];
        let (mut skipped, mut step) = (0, 1);
        while skipped + step <= ends.len() && ends[skipped + step - 1] <= p {
            skipped += step;
            step *= 2;
        }
        let within = (skipped + step).min(ends.len());
        from + skipped + ends[skipped..within].partition_point(|&end| end <= p)
    }

    pub fn build(corpus: &TokenizedCorpus, context: Context) -> Units {
        Units::of_docs(&corpus.docs, &corpus.vocab, context)
    }

    /// The units of some documents, whose forms are in `vocab`.
    pub fn of_docs(docs: &[DocTokens], vocab: &Vocabulary, context: Context) -> Units {
        let filtered = |forms: &[FormId]| -> Vec<TermId> {
            forms
                .iter()
                .filter(|&&f| !vocab.is_stopword(f))
                .map(|&f| vocab.term_of_form(f))
                .collect()
        };
        let distinct = |mut terms: Vec<TermId>| {
            terms.sort_unstable();
            terms.dedup();
            terms
        };
        let chunks = chunk_ranges(docs.iter().map(|d| d.forms.len() as u64), CHUNK_TOKENS);
        let parts: Vec<Units> = chunks
            .into_par_iter()
            .map(|range| {
                let mut part = Units {
                    context,
                    terms: Vec::new(),
                    ends: Vec::new(),
                };
                for doc in &docs[range] {
                    match context {
                        Context::Window(_) | Context::Sentence => {
                            for sentence in doc.sentences() {
                                let terms = filtered(sentence);
                                part.terms.extend(match context {
                                    Context::Sentence => distinct(terms),
                                    _ => terms,
                                });
                                part.ends.push(part.terms.len());
                            }
                        }
                        Context::Document => {
                            part.terms.extend(distinct(filtered(&doc.forms)));
                            part.ends.push(part.terms.len());
                        }
                    }
                }
                part
            })
            .collect();
        let mut units = Units {
            context,
            terms: Vec::with_capacity(parts.iter().map(|p| p.terms.len()).sum()),
            ends: Vec::with_capacity(parts.iter().map(|p| p.ends.len()).sum()),
        };
        for part in parts {
            let offset = units.terms.len();
            units.terms.extend(part.terms);
            units
                .ends
                .extend(part.ends.into_iter().map(|end| end + offset));
        }
        units
    }
}

/// Tokens per chunk when the units are built in parallel.
const CHUNK_TOKENS: u64 = 1 << 18;

/// Where each term occurs: positions in `Units::terms`, grouped by term, in increasing order.
struct Postings {
    /// Start of each term's positions in `positions`; one more entry than there are terms.
    starts: Vec<usize>,
    positions: Positions,
}

/// Positions as 32-bit integers while they fit (half the memory of the largest array the
/// counting holds), else as full-width ones.
enum Positions {
    Narrow(Vec<u32>),
    Wide(Vec<usize>),
}

impl Postings {
    fn build(terms: &[TermId], n_terms: usize) -> Postings {
        let mut starts = vec![0usize; n_terms + 1];
        for &t in terms {
            starts[t as usize + 1] += 1;
        }
        for t in 0..n_terms {
            starts[t + 1] += starts[t];
        }
        let mut next = starts.clone();
        let mut place = |positions: &mut dyn FnMut(usize, usize)| {
            for (p, &t) in terms.iter().enumerate() {
                positions(next[t as usize], p);
                next[t as usize] += 1;
            }
        };
        let positions = if u32::try_from(terms.len()).is_ok() {
            let mut positions = vec![0u32; terms.len()];
            place(&mut |at, p| positions[at] = p as u32);
            Positions::Narrow(positions)
        } else {
            let mut positions = vec![0usize; terms.len()];
            place(&mut |at, p| positions[at] = p);
            Positions::Wide(positions)
        };
        Postings { starts, positions }
    }

    /// How many times `term` occurs.
    fn len_of(&self, term: TermId) -> usize {
        self.starts[term as usize + 1] - self.starts[term as usize]
    }

    /// Calls `f` with each position of `term`, in increasing order.
    fn for_each_of(&self, term: TermId, mut f: impl FnMut(usize)) {
        let range = self.starts[term as usize]..self.starts[term as usize + 1];
        match &self.positions {
            Positions::Narrow(positions) => positions[range].iter().for_each(|&p| f(p as usize)),
            Positions::Wide(positions) => positions[range].iter().for_each(|&p| f(p)),
        }
    }
}

/// One row of the co-occurrence matrix being filled: counts by second term.
struct Row(Tally<u64>);

impl Row {
    fn new(n_terms: usize) -> Row {
        Row(Tally::new(n_terms))
    }

    fn add(&mut self, second: TermId) {
        self.0.add(second, 1);
    }

    /// Appends the row's pairs with at least `min_count` to `out`, by second term, and
    /// leaves the row empty.
    fn drain_into(&mut self, first: TermId, min_count: u64, out: &mut Vec<TermPair>) {
        let from = out.len();
        for (second, count) in self.0.drain() {
            if count >= min_count {
                out.push(TermPair {
                    first,
                    second,
                    count,
                });
            }
        }
        out[from..].sort_unstable_by_key(|p| p.second);
    }
}

/// About how many blocks of rows the matrix is cut into for the threads.
const ROW_BLOCKS: u64 = 256;

/// Counts co-occurring term pairs in `context`, keeping those seen at least `min_count` times
/// in the whole corpus.
///
/// The co-occurrence matrix is filled one row at a time (Gustavson's row-by-row sparse
/// product): row `a` holds the pairs {a, b} with b > a, found from the positions of `a`
/// alone, so each row is exact and final when done, blocks of rows run in parallel with one
/// dense scratch row each, and only kept pairs are ever stored. Rows are concatenated in id
/// order, so the result does not depend on the thread count. A sort-and-merge count would hold
/// every pair occurrence; document context reaches a billion of them on 12M tokens.
pub fn count_cooccurrences(
    corpus: &TokenizedCorpus,
    context: Context,
    min_count: u64,
) -> Cooccurrences {
    count_units(
        Units::build(corpus, context),
        corpus.vocab.n_terms(),
        min_count,
    )
}

/// [`count_cooccurrences`] of units built from a corpus of `n_terms` terms.
pub fn count_units(units: Units, n_terms: usize, min_count: u64) -> Cooccurrences {
    let context = units.context;
    let postings = Postings::build(&units.terms, n_terms);
    let marginals: Vec<u64> = (0..n_terms as TermId)
        .map(|t| postings.len_of(t) as u64)
        .collect();
    let total = match context {
        Context::Window(_) => units.terms.len() as u64,
        Context::Sentence | Context::Document => units.len() as u64,
    };

    // Contiguous blocks of rows, weighted by occurrences, each with one scratch row: the
    // frequent terms (low ids) get blocks of their own, and scratch rows are allocated per
    // block, not per row.
    let blocks = chunk_ranges(
        marginals.iter().copied(),
        (units.terms.len() as u64 / ROW_BLOCKS).max(1),
    );
    let blocks: Vec<Vec<TermPair>> = blocks
        .into_par_iter()
        .map(|block| {
            let mut row = Row::new(n_terms);
            let mut out = Vec::new();
            for a in block.start as TermId..block.end as TermId {
                let mut unit = 0;
                postings.for_each_of(a, |p| {
                    unit = units.unit_from(unit, p);
                    let (start, end) = units.bounds(unit);
                    match context {
                        // Both sides of each occurrence of a; keeping b > a counts every
                        // position pair of two different terms once, from its smaller term.
                        Context::Window(w) => {
                            let w = w as usize;
                            let from = start.max(p.saturating_sub(w));
                            let to = end.min(p.saturating_add(w).saturating_add(1));
                            for &b in &units.terms[from..to] {
                                if b > a {
                                    row.add(b);
                                }
                            }
                        }
                        // Distinct terms in id order: the terms after a are those above it.
                        Context::Sentence | Context::Document => {
                            for &b in &units.terms[p + 1..end] {
                                row.add(b);
                            }
                        }
                    }
                });
                row.drain_into(a, min_count, &mut out);
            }
            out
        })
        .collect();
    let mut pairs = Vec::with_capacity(blocks.iter().map(Vec::len).sum());
    for block in blocks {
        pairs.extend(block);
    }
    Cooccurrences {
        context,
        pairs,
        marginals,
        total,
    }
}

/// Counts co-occurrences a batch of documents at a time, as they are read, so that neither
/// the tokens nor the units of the whole corpus need be held: each batch's pairs are counted
/// in full and added to the corpus's, kept sorted by (first, second). The result equals
/// [`count_cooccurrences`] of the whole corpus: a unit lies within one document, so counts,
/// margins and the total are sums over batches, and `min_count` is applied to the sums.
/// Memory is that of the corpus's distinct pairs (4 million on the UN General Debate), not
/// of its text.
#[derive(Debug)]
pub struct CooccurrenceCounter {
    context: Context,
    pairs: Vec<TermPair>,
    marginals: Vec<u64>,
    total: u64,
}

impl CooccurrenceCounter {
    pub fn new(context: Context) -> CooccurrenceCounter {
        CooccurrenceCounter {
            context,
            pairs: Vec::new(),
            marginals: Vec::new(),
            total: 0,
        }
    }

    /// Counts the next documents; `vocab` holds their forms (and may have grown since the
    /// last batch: term ids, given in order of first use, never change).
    pub fn add(&mut self, docs: &[DocTokens], vocab: &Vocabulary) {
        let n_terms = vocab.n_terms();
        let batch = count_units(Units::of_docs(docs, vocab, self.context), n_terms, 1);
        self.marginals.resize(n_terms, 0);
        for (sum, n) in self.marginals.iter_mut().zip(&batch.marginals) {
            *sum += n;
        }
        self.total += batch.total;
        merge_into(&mut self.pairs, batch.pairs);
    }

    /// The counts so far: the context, the pairs (sorted by (first, second)), each term's
    /// margin by term id, and the total: what a shard keeps of them, under the terms'
    /// strings.
    pub fn parts(&self) -> (Context, &[TermPair], &[u64], u64) {
        (self.context, &self.pairs, &self.marginals, self.total)
    }

    /// The counter that holds these counts (each pair once, `first < second`), as a shard's
    /// summed counts give them back over a rebuilt vocabulary; the pairs are sorted here.
    pub fn from_parts(
        context: Context,
        mut pairs: Vec<TermPair>,
        marginals: Vec<u64>,
        total: u64,
    ) -> CooccurrenceCounter {
        pairs.sort_unstable_by_key(|p| (p.first, p.second));
        debug_assert!(pairs.iter().all(|p| p.first < p.second));
        CooccurrenceCounter {
            context,
            pairs,
            marginals,
            total,
        }
    }

    /// The corpus's co-occurrences over `n_terms` terms, those seen at least `min_count`
    /// times.
    pub fn finish(mut self, n_terms: usize, min_count: u64) -> Cooccurrences {
        self.pairs.retain(|p| p.count >= min_count);
        self.pairs.shrink_to_fit();
        self.marginals.resize(n_terms, 0);
        Cooccurrences {
            context: self.context,
            pairs: self.pairs,
            marginals: self.marginals,
            total: self.total,
        }
    }
}

/// Adds the pairs `b` to the pairs `a`, both sorted by (first, second), adding the counts of a
/// pair in both, in place: `a` grows by `b`'s length and is merged from its end, so the
/// corpus's pairs are never held twice (a merge into a new list would peak at twice the
/// largest count table the reading holds).
fn merge_into(a: &mut Vec<TermPair>, b: Vec<TermPair>) {
    if a.is_empty() {
        *a = b;
        return;
    }
    let key = |p: &TermPair| (p.first, p.second);
    let old_len = a.len();
    a.reserve_exact(b.len());
    a.resize(
        old_len + b.len(),
        TermPair {
            first: 0,
            second: 0,
            count: 0,
        },
    );
    // a[..i] and b[..j] are still to merge; the merged tail starts at `out`. `out` stays at
    // least i + j, so writing at out - 1 never overwrites a pair of `a` not yet read.
    let (mut i, mut j, mut out) = (old_len, b.len(), a.len());
    while j > 0 {
        let next = match i
            .checked_sub(1)
            .map(|last| key(&a[last]).cmp(&key(&b[j - 1])))
        {
            Some(std::cmp::Ordering::Greater) => {
                i -= 1;
                a[i]
            }
            Some(std::cmp::Ordering::Equal) => {
                i -= 1;
                j -= 1;
                TermPair {
                    count: a[i].count + b[j].count,
                    ..a[i]
                }
            }
            Some(std::cmp::Ordering::Less) | None => {
                j -= 1;
                b[j]
            }
        };
        out -= 1;
        a[out] = next;
    }
    // a[..i] is in place already; close the gap of the pairs counted in both.
    let merged = a.len() - out;
    a.copy_within(out.., i);
    a.truncate(i + merged);
}

/// One row of the `cooccurrence` table: (term_a, term_b) in string order, count, G2.
pub type CooccurrenceRow = (TermId, TermId, u64, f64);

/// The rows of the `cooccurrence` table in table order (strongest first, ties by term_a,
/// term_b), held as one 8-byte sort key a row and turned into rows a slice at a time
/// ([`CooccurrenceOrder::rows`]): a table of millions of rows never holds them all at once.
///
/// A key is `log_likelihood` as printed, descending ([`strength_as_printed`], 32 bits), then
/// the pair's index in [`Cooccurrences::pairs`], which finds its pair without a search. Pairs
/// of equal strength are put in alphabetical order by the sort's comparison, which looks
/// their terms up.
pub struct CooccurrenceOrder {
    keys: Vec<u64>,
    /// Each term's alphabetical rank, which puts a pair's terms in string order.
    rank: Vec<u32>,
}

impl CooccurrenceOrder {
    /// The counted pairs in table order; an error beyond 2^32 - 1 pairs, which a key cannot
    /// number (they would take 64 GiB before this).
    pub fn new(cooccurrences: &Cooccurrences, vocab: &Vocabulary) -> Result<CooccurrenceOrder> {
        let pairs = &cooccurrences.pairs;
        if u32::try_from(pairs.len()).is_err() {
            return Err(Error::Option {
                option: "--min-count",
                message: format!(
                    "{} co-occurring pairs are more than the co-occurrence table can order \
                     (4,294,967,295): raise --min-count",
                    pairs.len()
                ),
            });
        }
        let rank = vocab.alphabetical_term_ranks();
        // (term_a, term_b) is the pair in string order, its smaller rank first.
        let alphabetical = |key: u64| {
            let pair = &pairs[key as u32 as usize];
            let (x, y) = (rank[pair.first as usize], rank[pair.second as usize]);
            pair_key(x.min(y), x.max(y))
        };
        // Below 2^32 pairs (checked above), a pair's index fits 32 bits.
        let mut keys: Vec<u64> = pairs
            .par_iter()
            .enumerate()
            .map(|(i, pair)| {
                let log_likelihood = cooccurrences.contingency(pair).log_likelihood();
                (u64::from(strength_as_printed(log_likelihood)) << 32) | i as u64
            })
            .collect();
        // The pairs are distinct, so no two keys compare equal and the unstable sort is
        // deterministic.
        keys.par_sort_unstable_by(|a, b| {
            (a >> 32)
                .cmp(&(b >> 32))
                .then_with(|| alphabetical(*a).cmp(&alphabetical(*b)))
        });
        Ok(CooccurrenceOrder { keys, rank })
    }

    pub fn len(&self) -> usize {
        self.keys.len()
    }

    #[cfg(test)]
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// The table's rows cut into slices of `size` rows; one empty slice for an empty table, so
    /// that it is still written with its header.
    pub fn parts(&self, size: usize) -> Vec<Range<usize>> {
        crate::chunks::row_parts(self.len(), size)
    }

    /// Rows `range` of the table, whose pairs are those of `cooccurrences` (the ones this
    /// order was made of). The log-likelihood is computed again, from the same 2x2 table, to
    /// the same bits.
    pub fn rows(&self, range: Range<usize>, cooccurrences: &Cooccurrences) -> Vec<CooccurrenceRow> {
        range
            .into_par_iter()
            .map(|i| self.row(i, cooccurrences))
            .collect()
    }

    /// Row `i` of the table.
    pub fn row(&self, i: usize, cooccurrences: &Cooccurrences) -> CooccurrenceRow {
        self.row_of(
            &cooccurrences.pairs[self.keys[i] as u32 as usize],
            cooccurrences,
        )
    }

    /// The pairs of rows `range`, in table order, copied out.
    pub fn pairs_of(&self, range: Range<usize>, cooccurrences: &Cooccurrences) -> Vec<TermPair> {
        self.keys[range]
            .iter()
            .map(|&key| cooccurrences.pairs[key as u32 as usize])
            .collect()
    }

    /// The row of `pair`, one of `cooccurrences`.
    pub fn row_of(&self, pair: &TermPair, cooccurrences: &Cooccurrences) -> CooccurrenceRow {
        let rank = &self.rank;
        let (a, b) = match rank[pair.first as usize] <= rank[pair.second as usize] {
            true => (pair.first, pair.second),
            false => (pair.second, pair.first),
        };
        let log_likelihood = cooccurrences.contingency(pair).log_likelihood();
        (a, b, pair.count, log_likelihood)
    }
}

/// The `cooccurrence` table of some rows (a slice of a [`CooccurrenceOrder`], a long table
/// being written in parts). Labels come from `counts`.
pub fn cooccurrence_frame(
    rows: &[CooccurrenceRow],
    cooccurrences: &Cooccurrences,
    counts: &CountTables,
    vocab: &Vocabulary,
) -> Result<DataFrame> {
    // One column at a time, so only one plain vector is alive next to the table.
    let score = |score: fn(&Contingency) -> f64| -> Vec<f64> {
        rows.iter()
            .map(|&(first, second, count, _)| {
                score(&cooccurrences.contingency(&TermPair {
                    first,
                    second,
                    count,
                }))
            })
            .collect()
    };
    let term = |second: bool| -> Vec<&str> {
        rows.iter()
            .map(|&(a, b, _, _)| vocab.term(if second { b } else { a }))
            .collect()
    };
    let label = |second: bool| -> Vec<&str> {
        rows.iter()
            .map(|&(a, b, _, _)| vocab.form(counts.term_label[if second { b } else { a } as usize]))
            .collect()
    };
    let count = || -> Vec<u64> { rows.iter().map(|r| r.2).collect() };
    let log_likelihood = || -> Vec<f64> { rows.iter().map(|r| r.3).collect() };
    frame(
        "cooccurrence",
        vec![
            Column::new(columns::TERM_A.name.into(), term(false)),
            Column::new(columns::TERM_B.name.into(), term(true)),
            Column::new(columns::LABEL_A.name.into(), label(false)),
            Column::new(columns::LABEL_B.name.into(), label(true)),
            Column::new(columns::COUNT.name.into(), count()),
            Column::new(columns::PMI.name.into(), score(Contingency::pmi)),
            Column::new(columns::NPMI.name.into(), score(Contingency::npmi)),
            Column::new(columns::LOG_LIKELIHOOD.name.into(), log_likelihood()),
            Column::new(columns::T_SCORE.name.into(), score(Contingency::t_score)),
            Column::new(columns::DICE.name.into(), score(Contingency::dice)),
        ],
    )
}

/// The `n` strongest pairs that attract each other (pmi > 0: G2 is large for avoidance too),
/// as (log_likelihood, first, second), strongest first, ties by the terms. Kept `n` at a time
/// as the pairs go by, not all scored and sorted.
pub(crate) fn strongest_attracting(
    cooccurrences: &Cooccurrences,
    vocab: &Vocabulary,
    n: usize,
) -> Vec<(f64, TermId, TermId)> {
    let rank = vocab.alphabetical_term_ranks();
    // Largest key on top: the weakest of the pairs kept so far.
    let mut kept: BinaryHeap<u128> = BinaryHeap::with_capacity(n + 1);
    for p in &cooccurrences.pairs {
        let table = cooccurrences.contingency(p);
        if !table.attracts() {
            continue;
        }
        let key = strongest_key(
            table.log_likelihood(),
            (rank[p.first as usize], rank[p.second as usize]),
        );
        if kept.len() < n {
            kept.push(key);
        } else if kept.peek().is_some_and(|&weakest| key < weakest) {
            kept.pop();
            kept.push(key);
        }
    }
    let term_of_rank = terms_by_rank(&rank);
    kept.into_sorted_vec()
        .into_iter()
        .map(|key| {
            let (x, y) = ranks_of_key(key);
            (
                score_of_key(key),
                term_of_rank[x as usize],
                term_of_rank[y as usize],
            )
        })
        .collect()
}

/// The term of each alphabetical rank: the inverse of `rank`.
fn terms_by_rank(rank: &[u32]) -> Vec<TermId> {
    let mut term_of_rank = vec![0; rank.len()];
    for (term, &r) in rank.iter().enumerate() {
        term_of_rank[r as usize] = term as TermId;
    }
    term_of_rank
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    /// Searching from an earlier unit finds what a search of all units finds, for units of
    /// every length (empty ones included).
    #[test]
    fn a_unit_searched_from_an_earlier_one_is_the_one_holding_the_position() {
        let ends = vec![0, 3, 3, 4, 9, 9, 9, 17, 40, 41];
        let units = Units {
            context: Context::Sentence,
            terms: vec![0; 45],
            ends: ends.clone(),
        };
        for p in 0..45 {
            let whole = ends.partition_point(|&end| end <= p);
            for from in 0..=whole {
                assert_eq!(units.unit_from(from, p), whole, "p {p} from {from}");
            }
        }
        assert_eq!(units.bounds(0), (0, 0));
        assert_eq!(units.bounds(4), (4, 9));
        assert_eq!(units.bounds(10), (41, 45));
    }
    use crate::stats::counts::{count, tests::tokenized};
    use crate::stats::pairs::collocations::tests::PREAMBLE;

    /// Counts co-occurrences in `context` and builds the `cooccurrence` table of the pairs seen
    /// at least `min_count` times.
    pub fn cooccurrence(
        corpus: &TokenizedCorpus,
        counts: &CountTables,
        context: Context,
        min_count: u64,
    ) -> Result<DataFrame> {
        let cooccurrences = count_cooccurrences(corpus, context, min_count);
        let order = CooccurrenceOrder::new(&cooccurrences, &corpus.vocab)?;
        let rows = order.rows(0..order.len(), &cooccurrences);
        cooccurrence_frame(&rows, &cooccurrences, counts, &corpus.vocab)
    }

    type PairMap = BTreeMap<(String, String), u64>;

    fn as_map(c: &Cooccurrences, vocab: &Vocabulary) -> PairMap {
        c.pairs
            .iter()
            .map(|p| {
                let (a, b) = (vocab.term(p.first), vocab.term(p.second));
                ((a.min(b).to_owned(), a.max(b).to_owned()), p.count)
            })
            .collect()
    }

    fn expected(pairs: &[(&str, &str, u64)]) -> PairMap {
        pairs
            .iter()
            .map(|&(a, b, n)| ((a.to_owned(), b.to_owned()), n))
            .collect()
    }

    /// Straight from the definitions, with no ids, chunks or passes.
    fn naive(corpus: &TokenizedCorpus, context: Context) -> PairMap {
        let v = &corpus.vocab;
        let filtered = |forms: &[u32]| -> Vec<String> {
            forms
                .iter()
                .filter(|&&f| !v.is_stopword(f))
                .map(|&f| v.term(v.term_of_form(f)).to_owned())
                .collect()
        };
        let mut out = PairMap::new();
        let mut add = |x: &String, y: &String| {
            if x != y {
                *out.entry((x.min(y).clone(), x.max(y).clone())).or_insert(0) += 1;
            }
        };
        for doc in &corpus.docs {
            let units: Vec<Vec<String>> = match context {
                Context::Document => vec![filtered(&doc.forms)],
                _ => doc.sentences().map(filtered).collect(),
            };
            for mut unit in units {
                if let Context::Window(w) = context {
                    for i in 0..unit.len() {
                        for j in i + 1..unit.len() {
                            if j - i <= w as usize {
                                add(&unit[i], &unit[j]);
                            }
                        }
                    }
                } else {
                    unit.sort();
                    unit.dedup();
                    for i in 0..unit.len() {
                        for j in i + 1..unit.len() {
                            add(&unit[i], &unit[j]);
                        }
                    }
                }
            }
        }
        out
    }

    #[test]
    fn a_window_counts_each_position_pair_within_w() {
        // Filtered stream "a b c a", w = 2. Position pairs with j - i <= 2:
        // (0,1) a-b, (0,2) a-c, (1,2) b-c, (1,3) b-a, (2,3) c-a; (0,3) is 3 apart.
        // So {a,b} = 2, {a,c} = 2, {b,c} = 1.
        let corpus = tokenized(&["a b c a"], false, false);
        let c = count_cooccurrences(&corpus, Context::Window(2), 1);
        assert_eq!(
            as_map(&c, &corpus.vocab),
            expected(&[("a", "b", 2), ("a", "c", 2), ("b", "c", 1)])
        );
        // Stream "a b a", w = 2: (0,1) a-b, (1,2) b-a; (0,2) a-a is not a pair.
        let corpus = tokenized(&["a b a"], false, false);
        let c = count_cooccurrences(&corpus, Context::Window(2), 1);
        assert_eq!(as_map(&c, &corpus.vocab), expected(&[("a", "b", 2)]));
        assert!(count_cooccurrences(&corpus, Context::Window(0), 1)
            .pairs
            .is_empty());
    }

    #[test]
    fn windows_skip_stopwords_and_stop_at_sentence_ends() {
        // Builtin stopwords remove "and", "the": filtered sentences are "peace security"
        // and "development peace". With w = 1, peace-security is adjacent in the filtered
        // stream; security-development would cross the sentence end.
        let corpus = tokenized(
            &["Peace and the security. Development and peace"],
            false,
            true,
        );
        let c = count_cooccurrences(&corpus, Context::Window(1), 1);
        assert_eq!(
            as_map(&c, &corpus.vocab),
            expected(&[("peace", "security", 1), ("development", "peace", 1)])
        );
        let counts = count(&corpus);
        assert_eq!(c.marginals, counts.term_count);
        assert_eq!(c.total, 4);
    }

    #[test]
    fn sentence_and_document_contexts_count_units_with_both_terms() {
        // Sentences: {alpha, beta}, {alpha, gamma}, {beta, gamma}; documents:
        // {alpha, beta, gamma}, {beta, gamma}.
        let corpus = tokenized(
            &["Alpha beta beta. Alpha gamma alpha.", "Beta gamma"],
            false,
            false,
        );
        let v = &corpus.vocab;
        let id = |t: &str| v.term_id(t).unwrap() as usize;
        let sentences = count_cooccurrences(&corpus, Context::Sentence, 1);
        assert_eq!(
            as_map(&sentences, v),
            expected(&[
                ("alpha", "beta", 1),
                ("alpha", "gamma", 1),
                ("beta", "gamma", 1)
            ])
        );
        assert_eq!(sentences.total, 3);
        let per_term = |c: &Cooccurrences| ["alpha", "beta", "gamma"].map(|t| c.marginals[id(t)]);
        assert_eq!(per_term(&sentences), [2, 2, 2]);

        let documents = count_cooccurrences(&corpus, Context::Document, 1);
        assert_eq!(
            as_map(&documents, v),
            expected(&[
                ("alpha", "beta", 1),
                ("alpha", "gamma", 1),
                ("beta", "gamma", 2)
            ])
        );
        assert_eq!(documents.total, 2);
        assert_eq!(per_term(&documents), [1, 2, 2]);
        // Both documents hold beta and gamma: n_ii = n_ix = n_xi = n_xx = 2.
        let pair = documents
            .get(v.term_id("gamma").unwrap(), v.term_id("beta").unwrap())
            .unwrap();
        assert_eq!(
            documents.contingency(pair),
            Contingency::new(2.0, 2.0, 2.0, 2.0)
        );
    }

    #[test]
    fn window_pmi_spreads_the_count_over_both_sides() {
        // Stream "x y x y z" (n_xx = 5), w = 1: x-y, y-x, x-y, y-z, so {x,y} = 3 with
        // n_x = 2, n_y = 2: pmi = log2(3 * 5 / (2 * 1 * 2 * 2)) = log2(15/8) = 0.906891.
        let corpus = tokenized(&["x y x y z"], false, false);
        let counts = count(&corpus);
        let c = count_cooccurrences(&corpus, Context::Window(1), 1);
        let v = &corpus.vocab;
        let pair = c
            .get(v.term_id("x").unwrap(), v.term_id("y").unwrap())
            .unwrap();
        assert_eq!(pair.count, 3);
        let table = c.contingency(pair);
        assert_eq!(table, Contingency::spread_over(3.0, 2.0, 2.0, 2.0, 5.0));
        assert_eq!(table.n_ii, 1.5);
        let order = CooccurrenceOrder::new(&c, v).unwrap();
        let df = cooccurrence_frame(&order.rows(0..order.len(), &c), &c, &counts, v).unwrap();
        let col = |name: &str| df.column(name).unwrap().clone();
        assert_eq!(col(columns::TERM_A.name).str().unwrap().get(0), Some("x"));
        assert_eq!(col(columns::TERM_B.name).str().unwrap().get(0), Some("y"));
        assert_eq!(col(columns::COUNT.name).u64().unwrap().get(0), Some(3));
        let pmi = col(columns::PMI.name).f64().unwrap().get(0).unwrap();
        assert!((pmi - (15.0f64 / 8.0).log2()).abs() < 1e-12);
        assert!((pmi - 0.906891).abs() < 5e-7);
        let names: Vec<&str> = df
            .get_column_names()
            .into_iter()
            .map(|n| n.as_str())
            .collect();
        assert_eq!(
            names,
            [
                "term_a",
                "term_b",
                "label_a",
                "label_b",
                "count",
                "pmi",
                "npmi",
                "log_likelihood",
                "t_score",
                "dice"
            ]
        );
    }

    #[test]
    fn terms_are_ordered_by_string_and_labels_are_forms() {
        // Ids follow first occurrence (nation before human), columns follow the strings.
        let corpus = tokenized(&["Nations human nations"], true, false);
        let counts = count(&corpus);
        let df = cooccurrence(&corpus, &counts, Context::Window(1), 1).unwrap();
        let get = |name: &str| {
            df.column(name)
                .unwrap()
                .str()
                .unwrap()
                .get(0)
                .map(str::to_owned)
        };
        assert_eq!(df.height(), 1);
        assert_eq!(get(columns::TERM_A.name).as_deref(), Some("human"));
        assert_eq!(get(columns::TERM_B.name).as_deref(), Some("nation"));
        assert_eq!(get(columns::LABEL_B.name).as_deref(), Some("nations"));
    }

    #[test]
    fn min_count_applies_to_corpus_totals() {
        // Window 2 over "peace security", "security peace", "peace x security": one
        // peace-security pair per document (at distance 2 in the third), 3 in all; peace-x
        // and x-security once each.
        let corpus = tokenized(
            &["peace security", "security peace", "peace x security"],
            false,
            false,
        );
        let c = count_cooccurrences(&corpus, Context::Window(2), 3);
        assert_eq!(
            as_map(&c, &corpus.vocab),
            expected(&[("peace", "security", 3)])
        );
        assert!(count_cooccurrences(&corpus, Context::Window(2), 4)
            .pairs
            .is_empty());
        // Pruned pairs still leave their terms' margins whole.
        assert_eq!(c.marginals.iter().sum::<u64>(), 7);
    }

    /// Documents of pseudo-random words, enough for rayon to split the rows.
    fn generated_corpus() -> TokenizedCorpus {
        let words = [
            "peace",
            "security",
            "the",
            "and",
            "rights",
            "human",
            "nations",
            "united",
            "development",
            "of",
            "climate",
            "change",
            "women",
            "in",
            "children",
            "war",
        ];
        let mut state = 0x2545_f491_u64;
        let mut next = || {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 33) as usize
        };
        let texts: Vec<String> = (0..60)
            .map(|_| {
                (0..(next() % 80))
                    .map(|i| {
                        let word = words[next() % words.len()];
                        if i % 9 == 8 {
                            format!("{word}. ")
                        } else {
                            format!("{word} ")
                        }
                    })
                    .collect()
            })
            .collect();
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        tokenized(&texts, true, true)
    }

    #[test]
    fn parallel_counting_equals_a_naive_count_on_any_thread_count() {
        let small = tokenized(
            &[
                PREAMBLE,
                "Human trafficking is a crime. Trafficking in persons must end. Human rights!",
                "human rights and human dignity; the rights of women. Women's rights.",
                "",
                "United Nations, united nations: the nations united.",
            ],
            true,
            true,
        );
        for corpus in [small, generated_corpus()] {
            let counts = count(&corpus);
            for context in [
                Context::Window(1),
                Context::Window(5),
                Context::Window(100),
                Context::Sentence,
                Context::Document,
            ] {
                let expected = naive(&corpus, context);
                let whole = count_cooccurrences(&corpus, context, 1);
                assert_eq!(as_map(&whole, &corpus.vocab), expected, "{context:?}");
                assert!(whole
                    .pairs
                    .windows(2)
                    .all(|w| (w[0].first, w[0].second) < (w[1].first, w[1].second)));
                if let Context::Window(_) = context {
                    assert_eq!(whole.marginals, counts.term_count);
                }
                for threads in [1, 3] {
                    let other = rayon::ThreadPoolBuilder::new()
                        .num_threads(threads)
                        .build()
                        .unwrap()
                        .install(|| count_cooccurrences(&corpus, context, 1));
                    assert_eq!(other, whole, "{context:?} on {threads} threads");
                }
            }
        }
    }

    #[test]
    fn merging_in_place_adds_the_counts_of_pairs_in_both() {
        let pairs = |list: &[(TermId, TermId, u64)]| -> Vec<TermPair> {
            list.iter()
                .map(|&(first, second, count)| TermPair {
                    first,
                    second,
                    count,
                })
                .collect()
        };
        let mut a = pairs(&[(0, 1, 1), (0, 5, 2), (2, 3, 4), (7, 9, 1)]);
        merge_into(
            &mut a,
            pairs(&[(0, 0, 3), (0, 5, 10), (1, 1, 1), (7, 9, 5), (8, 0, 2)]),
        );
        assert_eq!(
            a,
            pairs(&[
                (0, 0, 3),
                (0, 1, 1),
                (0, 5, 12),
                (1, 1, 1),
                (2, 3, 4),
                (7, 9, 6),
                (8, 0, 2)
            ])
        );
        let mut all_equal = pairs(&[(1, 2, 1), (3, 4, 1)]);
        merge_into(&mut all_equal, pairs(&[(1, 2, 2), (3, 4, 2)]));
        assert_eq!(all_equal, pairs(&[(1, 2, 3), (3, 4, 3)]));
        let mut empty = Vec::new();
        merge_into(&mut empty, pairs(&[(1, 2, 1)]));
        assert_eq!(empty, pairs(&[(1, 2, 1)]));
        merge_into(&mut empty, Vec::new());
        assert_eq!(empty, pairs(&[(1, 2, 1)]));
    }

    #[test]
    fn the_order_lists_every_pair_strongest_first_in_parts() {
        let corpus = generated_corpus();
        let v = &corpus.vocab;
        for context in [Context::Window(5), Context::Document] {
            let c = count_cooccurrences(&corpus, context, 1);
            // Straight from the definition: sorted by G2 as printed, then by the strings.
            let mut expected: Vec<(&str, &str, u64, f64)> = c
                .pairs
                .iter()
                .map(|p| {
                    let (x, y) = (v.term(p.first), v.term(p.second));
                    let ll = c.contingency(p).log_likelihood();
                    (x.min(y), x.max(y), p.count, ll)
                })
                .collect();
            expected.sort_by(|a, b| {
                let printed = |ll: f64| crate::stats::as_printed(ll);
                printed(b.3)
                    .total_cmp(&printed(a.3))
                    .then_with(|| (a.0, a.1).cmp(&(b.0, b.1)))
            });
            let order = CooccurrenceOrder::new(&c, v).unwrap();
            assert_eq!(order.len(), c.pairs.len());
            let parts = order.parts(7);
            assert_eq!(parts.len(), c.pairs.len().div_ceil(7));
            let got: Vec<(&str, &str, u64, f64)> = parts
                .into_iter()
                .flat_map(|part| order.rows(part, &c))
                .map(|(a, b, n, ll)| (v.term(a), v.term(b), n, ll))
                .collect();
            assert_eq!(got.len(), expected.len());
            for (g, e) in got.iter().zip(&expected) {
                assert_eq!((g.0, g.1, g.2), (e.0, e.1, e.2));
                assert_eq!(g.3.to_bits(), e.3.to_bits());
            }
        }
        let empty = count_cooccurrences(&corpus, Context::Window(0), 1);
        let order = CooccurrenceOrder::new(&empty, v).unwrap();
        assert!(order.is_empty());
        let parts = order.parts(7);
        assert_eq!(parts.len(), 1);
        assert!(parts[0].is_empty());
    }

    #[test]
    fn the_strongest_attracting_pairs_are_the_top_of_a_full_sort() {
        let corpus = generated_corpus();
        let v = &corpus.vocab;
        // Words drawn at random: in document context about half the pairs attract.
        let c = count_cooccurrences(&corpus, Context::Document, 1);
        let mut all: Vec<(f64, TermId, TermId)> = c
            .pairs
            .iter()
            .filter(|p| c.contingency(p).attracts())
            .map(|p| (c.contingency(p).log_likelihood(), p.first, p.second))
            .collect();
        all.sort_by(|a, b| {
            b.0.total_cmp(&a.0)
                .then_with(|| v.term(a.1).cmp(v.term(b.1)))
                .then_with(|| v.term(a.2).cmp(v.term(b.2)))
        });
        assert!(
            all.len() > 10,
            "the corpus should have pairs to choose from"
        );
        for n in [0, 1, 10, all.len(), all.len() + 5] {
            let top = strongest_attracting(&c, v, n);
            assert_eq!(top.len(), n.min(all.len()));
            for (got, expected) in top.iter().zip(&all) {
                assert_eq!(got.0.to_bits(), expected.0.to_bits());
                assert_eq!((got.1, got.2), (expected.1, expected.2));
            }
        }
    }

    #[test]
    fn counting_batch_by_batch_equals_counting_the_whole_corpus() {
        let corpus = generated_corpus();
        for context in [Context::Window(5), Context::Sentence, Context::Document] {
            for min_count in [1, 3] {
                let whole = count_cooccurrences(&corpus, context, min_count);
                for batch in [1, 7, corpus.docs.len()] {
                    let mut counter = CooccurrenceCounter::new(context);
                    for docs in corpus.docs.chunks(batch) {
                        counter.add(docs, &corpus.vocab);
                    }
                    let batched = counter.finish(corpus.vocab.n_terms(), min_count);
                    assert_eq!(batched, whole, "{context:?}, batches of {batch}");
                }
            }
        }
    }
}
