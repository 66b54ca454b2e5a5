//! Keyness: which terms a target (a speech, a group of speeches, the whole corpus) uses more
//! or less often than a reference (the rest of the corpus, another speech or group, or a
//! second corpus).
//!
//! For a term with `a` occurrences in a target of `c` tokens and `b` in a reference of `d`
//! tokens, on the 2x2 table [[a, b], [c - a, d - b]]:
//!
//! - `log_likelihood`: Dunning's G2 over the four cells, signed: negative when a/c < b/d
//!   ([`keyness_g2`]; AntConc's "4-term" default, no continuity correction).
//! - `p_value`: the chi-square (1 df) upper tail at |G2|.
//! - `chi2`: Pearson's chi-square of the same table, no Yates correction, signed as G2.
//! - `log_ratio`: log2((a/c) / (b/d)), a zero count replaced by 0.5 (Hardie 2014, CQPweb).
//! - `percent_diff`: (a/c - b/d) / (b/d) * 100 (Gabrielatos & Marchi 2012); empty when b = 0.
//! - `range_target`: speeches of the target in which the term occurs. An over-used term is
//!   listed only if its range reaches `min_range`, or the target's speeches when it has
//!   fewer (a one-speech target keeps its key terms): a term from one speech of a large
//!   group is a fact about that speech, not the group. Under-used terms are listed whatever
//!   their range (an absent term has range 0), and the filter changes neither the terms
//!   tested nor their scores.
//! - `significant`: p < 0.05 / n, Bonferroni over the n terms tested for the target: those
//!   with a + b >= min_count.
//! - `log_odds`, `log_odds_z`, `simple_maths`, `doc_log_likelihood` (G2 on the speech
//!   counts `range_target` of `n_documents_target` and `range_reference` of
//!   `n_documents_reference`): see [`super::measures`].
//!
//! Columns of `keyness`: group_by, target, reference, term, label, count_target,
//! count_reference, per_10k_target, per_10k_reference, log_likelihood, p_value, chi2,
//! log_ratio, percent_diff, range_target, significant, log_odds, log_odds_z, simple_maths,
//! doc_log_likelihood, range_reference, n_documents_target, n_documents_reference. Per
//! target, the `top` terms with the largest positive score of the `--rank-by` measure
//! (G2 by default; over-used, strongest first), then the `top` with the most negative
//! (under-used, strongest first; for simple maths, above 1 and below 1); ties by term.
//!
//! Every target of a grouping is scored in one pass over its summed counts. A term absent from
//! the target (a = 0) can only be under-used, and for a = 0 G2 depends on b alone and grows
//! with it (while b < c + d (1 - 1/e), i.e. for any term that is not most of the reference):
//! so of the absent terms only the most frequent in the reference need scoring, not the
//! whole vocabulary for every target. The other measures share that property (the log-odds
//! z, log ratio and simple maths of an absent term grow in size with b; dispersion keyness
//! is G2 on speech counts, so its absent candidates are the terms of the most reference
//! speeches).

use std::borrow::Cow;

use polars::prelude::*;
use rayon::prelude::*;

use super::key_list::{KeyKeeper, KeyList, Sizes, HELD_KEYS};
use super::measures::{self, MeasureOptions, PriorSource, RankBy};
use crate::columns;
use crate::error::Result;
use crate::stats::association::{keyness_g2, p_value_1df, pearson_chi2};
use crate::stats::counts::per_10k;
use crate::stats::doc_rows::DocRows;
use crate::stats::{frame, top_by_printed_score};
use crate::text::TermId;

/// Which terms are scored and listed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct KeynessOptions {
    /// Terms listed per side (over-used, under-used) and target.
    pub top: usize,
    /// Least count in target and reference together for a term to be tested.
    pub min_count: u64,
    /// Least speeches of the target (at most all of them) using an over-used term listed.
    pub min_range: u64,
    /// The measure that orders the listed terms.
    pub rank_by: RankBy,
    /// The prior of the log-odds and the smoothing of simple maths.
    pub measures: MeasureOptions,
}

/// The statistics of one term of one target.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Key {
    pub term: TermId,
    /// Count in the target.
    pub a: u64,
    /// Count in the reference.
    pub b: u64,
    /// Tokens of the target.
    pub c: u64,
    /// Tokens of the reference.
    pub d: u64,
    /// Signed G2.
    pub log_likelihood: f64,
    /// Speeches of the target containing the term.
    pub range: u32,
    /// Speeches of the reference containing the term.
    pub range_reference: u32,
    /// Speeches of the target and of the reference.
    pub documents: u32,
    pub reference_documents: u32,
}

impl Key {
    pub(crate) fn new(term: TermId, a: u64, b: u64, c: u64, d: u64) -> Key {
        Key {
            term,
            a,
            b,
            c,
            d,
            log_likelihood: keyness_g2(a as f64, b as f64, c as f64, d as f64),
            range: 0,
            range_reference: 0,
            documents: 0,
            reference_documents: 0,
        }
    }

    /// The log-odds with an informative Dirichlet prior and its z-score.
    pub fn log_odds(&self, m: &MeasureOptions) -> (f64, f64) {
        let (a, b, c, d) = (self.a as f64, self.b as f64, self.c as f64, self.d as f64);
        let (prior_w, prior_0) = match m.prior {
            PriorSource::Pooled => (a + b, c + d),
            PriorSource::Reference => (b, d),
        };
        measures::log_odds(a, b, c, d, prior_w, prior_0, m.prior_scale)
    }

    pub fn simple_maths(&self, m: &MeasureOptions) -> f64 {
        let (a, b, c, d) = (self.a as f64, self.b as f64, self.c as f64, self.d as f64);
        measures::simple_maths(a, b, c, d, m.smoothing)
    }

    /// Signed G2 on speech counts (text dispersion keyness).
    pub fn doc_log_likelihood(&self) -> f64 {
        keyness_g2(
            f64::from(self.range),
            f64::from(self.range_reference),
            f64::from(self.documents),
            f64::from(self.reference_documents),
        )
    }

    /// The value of the `rank` measure, as its column holds it.
    pub fn score(&self, rank: RankBy, m: &MeasureOptions) -> f64 {
        match rank {
            RankBy::LogLikelihood => self.log_likelihood,
            RankBy::LogOddsZ => self.log_odds(m).1,
            RankBy::LogRatio => self.log_ratio(),
            RankBy::SimpleMaths => self.simple_maths(m),
            RankBy::DocLogLikelihood => self.doc_log_likelihood(),
        }
    }

    /// Positive when the `rank` measure calls the term over-used, negative when under-used,
    /// 0 (or NaN) when neither.
    pub fn side(&self, rank: RankBy, m: &MeasureOptions) -> f64 {
        let score = self.score(rank, m);
        match rank {
            RankBy::SimpleMaths => score - 1.0,
            _ => score,
        }
    }

    pub fn p_value(&self) -> f64 {
        p_value_1df(self.log_likelihood.abs())
    }

    /// Pearson's chi-square, signed as G2.
    pub fn chi2(&self) -> f64 {
        let (a, b, c, d) = (self.a as f64, self.b as f64, self.c as f64, self.d as f64);
        let chi2 = pearson_chi2([[a, b], [c - a, d - b]]);
        if a * d < b * c {
            -chi2
        } else {
            chi2
        }
    }

    pub fn log_ratio(&self) -> f64 {
        log_ratio(self.a, self.b, self.c, self.d)
    }

    pub fn percent_diff(&self) -> Option<f64> {
        percent_diff(self.a, self.b, self.c, self.d)
    }
}

/// log2 of the ratio of relative frequencies, a zero count counted as 0.5.
fn log_ratio(a: u64, b: u64, c: u64, d: u64) -> f64 {
    let smoothed = |n: u64| if n == 0 { 0.5 } else { n as f64 };
    ((smoothed(a) / c as f64) / (smoothed(b) / d as f64)).log2()
}

/// How much more frequent (in %) the term is in the target; none when b = 0.
fn percent_diff(a: u64, b: u64, c: u64, d: u64) -> Option<f64> {
    if b == 0 || c == 0 {
        return None;
    }
    let (target, reference) = (a as f64 / c as f64, b as f64 / d as f64);
    Some((target - reference) / reference * 100.0)
}

/// What a target is compared with.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Reference<'r> {
    /// The rest of the corpus: b = total - a, d = total tokens - c; the speeches likewise
    /// (`doc_freq` and `documents` of the whole corpus less the target's).
    Rest {
        total: &'r [u64],
        tokens: u64,
        doc_freq: &'r [u32],
        documents: u32,
    },
    /// Fixed counts (another speech or group, or a second corpus), indexed by term id, with
    /// the speeches using each term and the number of speeches.
    Counts {
        counts: &'r [u64],
        tokens: u64,
        doc_freq: &'r [u32],
        documents: u32,
    },
}

impl Reference<'_> {
    pub(super) fn count(&self, term: TermId, a: u64) -> u64 {
        match self {
            Reference::Rest { total, .. } => total[term as usize].saturating_sub(a),
            Reference::Counts { counts, .. } => counts.get(term as usize).copied().unwrap_or(0),
        }
    }

    pub(super) fn tokens(&self, c: u64) -> u64 {
        match self {
            Reference::Rest { tokens, .. } => tokens.saturating_sub(c),
            Reference::Counts { tokens, .. } => *tokens,
        }
    }

    /// A term's reference count when the target lacks it.
    fn absent_count(&self, term: TermId) -> u64 {
        self.count(term, 0)
    }

    /// The reference's speeches using a term that `range` speeches of the target use.
    fn range(&self, term: TermId, range: u32) -> u32 {
        match self {
            Reference::Rest { doc_freq, .. } => doc_freq[term as usize].saturating_sub(range),
            Reference::Counts { doc_freq, .. } => doc_freq.get(term as usize).copied().unwrap_or(0),
        }
    }

    /// The reference's speeches, for a target of `target` speeches.
    fn documents(&self, target: u32) -> u32 {
        match self {
            Reference::Rest { documents, .. } => documents.saturating_sub(target),
            Reference::Counts { documents, .. } => *documents,
        }
    }

    pub(super) fn len(&self) -> usize {
        match self {
            Reference::Rest { total, .. } => total.len(),
            Reference::Counts { counts, .. } => counts.len(),
        }
    }
}

/// What a reference needs for scoring many targets: terms by their count when absent from
/// the target, most frequent first, and how many reach `min_count` alone.
pub(crate) struct Scorer<'r> {
    reference: Reference<'r>,
    options: KeynessOptions,
    /// Terms with an absent count of at least min_count, most frequent first (ties by id).
    by_absent_count: Vec<TermId>,
    /// With `--rank-by doc_log_likelihood`, the same terms by the reference speeches using
    /// them when the target does not, most first (ties by id); else empty.
    by_absent_range: Vec<TermId>,
}

impl<'r> Scorer<'r> {
    pub fn new(reference: Reference<'r>, options: KeynessOptions) -> Scorer<'r> {
        let mut by_absent_count: Vec<TermId> = (0..reference.len() as TermId)
            .filter(|&t| reference.absent_count(t) >= options.min_count.max(1))
            .collect();
        by_absent_count
            .sort_unstable_by_key(|&t| (std::cmp::Reverse(reference.absent_count(t)), t));
        let mut by_absent_range = Vec::new();
        if options.rank_by == RankBy::DocLogLikelihood {
            by_absent_range = by_absent_count.clone();
            by_absent_range
                .sort_unstable_by_key(|&t| (std::cmp::Reverse(reference.range(t, 0)), t));
        }
        Scorer {
            reference,
            options,
            by_absent_count,
            by_absent_range,
        }
    }

    /// Scores one target given as its `(term, count)` pairs sorted by term, its tokens and
    /// its speeches. Returns every candidate's key (the target's terms, and the absent terms
    /// that may be among the most under-used) and the number of terms tested.
    pub fn score(&self, target: &[(TermId, u64)], c: u64, documents: u32) -> (Vec<Key>, usize) {
        let d = self.reference.tokens(c);
        if c == 0 || d == 0 {
            return (Vec::new(), 0);
        }
        let min_count = self.options.min_count;
        // The absent terms are at most those of the reference, however large `top` is.
        let absent = self.options.top.min(self.by_absent_count.len());
        let mut keys: Vec<Key> = Vec::with_capacity(target.len() + absent);
        let mut tested_present = 0usize;
        // Terms of the target whose absent count alone would reach min_count: they are in
        // `by_absent_count` but scored (and counted) as present.
        let mut present_in_absent_list = 0usize;
        for &(term, a) in target {
            let b = self.reference.count(term, a);
            if self.reference.absent_count(term) >= min_count.max(1) {
                present_in_absent_list += 1;
            }
            if a + b >= min_count && a > 0 {
                tested_present += 1;
                keys.push(Key::new(term, a, b, c, d));
            }
        }
        let tested_absent = self.by_absent_count.len() - present_in_absent_list;
        let absent = match self.options.rank_by {
            RankBy::DocLogLikelihood => self.absent_candidates(
                target,
                &self.by_absent_range,
                |t| u64::from(self.reference.range(t, 0)),
                (
                    u64::from(documents),
                    u64::from(self.reference.documents(documents)),
                ),
            ),
            _ => self.absent_candidates(
                target,
                &self.by_absent_count,
                |t| self.reference.absent_count(t),
                (c, d),
            ),
        };
        keys.extend(
            absent
                .into_iter()
                .map(|term| Key::new(term, 0, self.reference.absent_count(term), c, d)),
        );
        (keys, tested_present + tested_absent)
    }

    /// The absent terms that may be among the `top` most under-used, from `ordered` (by
    /// `count`, the count the ranking is on, most first; `sizes` its target and reference
    /// sizes): every term that makes up most of the reference (where G2 stops growing with
    /// b), then the `top` most frequent others, with every term tied with the last.
    fn absent_candidates(
        &self,
        target: &[(TermId, u64)],
        ordered: &[TermId],
        count: impl Fn(TermId) -> u64,
        (c, d): (u64, u64),
    ) -> Vec<TermId> {
        let in_target = |t: TermId| target.binary_search_by_key(&t, |&(term, _)| term).is_ok();
        // G2 for a = 0 grows with b while b < c + d (1 - 1/e).
        let monotone_up_to = c as f64 + d as f64 * (1.0 - (-1.0f64).exp());
        let mut terms = Vec::new();
        let mut taken_below = 0usize;
        let mut last_b = None;
        for &term in ordered {
            if in_target(term) {
                continue;
            }
            let b = count(term);
            if b as f64 >= monotone_up_to {
                terms.push(term);
                continue;
            }
            if taken_below >= self.options.top && last_b != Some(b) {
                break;
            }
            terms.push(term);
            taken_below += 1;
            last_b = Some(b);
        }
        terms
    }
}

/// The listed keys of a target: the `top` over-used, strongest first, then the `top`
/// under-used, strongest first, by the `rank` measure; ties by `name` of the term.
pub(crate) fn strongest<'n>(
    mut keys: Vec<Key>,
    top: usize,
    (rank, m): (RankBy, &MeasureOptions),
    name: impl Fn(TermId) -> &'n str,
) -> Vec<Key> {
    let by_name = |x: &Key, y: &Key| name(x.term).cmp(name(y.term));
    let (over, under): (Vec<Key>, Vec<Key>) = keys
        .drain(..)
        .filter(|k| k.side(rank, m) != 0.0 && !k.side(rank, m).is_nan())
        .partition(|k| k.side(rank, m) > 0.0);
    // New vectors of `top` each: every target's list is kept for the rest of the run.
    let mut listed = top_by_printed_score(over, top, |k| k.score(rank, m), by_name);
    listed.extend(top_by_printed_score(
        under,
        top,
        |k| -k.score(rank, m),
        by_name,
    ));
    listed.shrink_to_fit();
    listed
}

/// One target and its listed keys.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Target {
    /// The grouping it belongs to: a metadata column, `doc_id`, or `corpus`.
    pub group_by: String,
    pub name: String,
    /// What it was compared with, for readers: "rest of corpus", a group, a corpus.
    pub reference: String,
    /// Tokens of the target and of its reference.
    pub tokens: u64,
    pub reference_tokens: u64,
    /// Speeches in the target.
    pub documents: usize,
    /// Terms tested (the Bonferroni denominator).
    pub tested: usize,
    /// Over-used keys, strongest first, then under-used ones, by `rank_by`.
    pub keys: KeyList,
    /// The measure the keys are ordered by.
    pub rank_by: RankBy,
    /// The options of the log-odds and simple maths of its keys.
    pub measures: MeasureOptions,
}

/// A target to score: its name, summed counts and tokens, and its speeches (by index, for
/// the range of each listed term).
pub(crate) struct TargetCounts<'c> {
    pub name: String,
    pub counts: Cow<'c, [(TermId, u64)]>,
    pub tokens: u64,
    pub documents: Vec<usize>,
}

/// Targets scored in parallel at a time: their candidate keys are held until listed.
const TARGETS_PER_ROUND: usize = 1024;

/// Scores `n` targets against one reference, in parallel, and keeps each one's strongest
/// keys with their range over `rows` (beyond a budget in a temporary file: [`KeyKeeper`]).
/// Each target is built by `target(i)` when its turn comes, so that only the targets being
/// scored are held: a target per speech holds a copy of its count row.
pub(crate) fn score_all<'c, 'n>(
    group_by: &str,
    reference_name: &str,
    n: usize,
    target: impl Fn(usize) -> TargetCounts<'c> + Sync,
    rows: &DocRows,
    scorer: &Scorer<'_>,
    name: &(impl Fn(TermId) -> &'n str + Sync),
) -> Result<Vec<Target>> {
    let mut keeper = KeyKeeper::new(HELD_KEYS);
    let mut targets = Vec::with_capacity(n);
    for first in (0..n).step_by(TARGETS_PER_ROUND) {
        let scored: Vec<(Target, Vec<Key>, Sizes)> = (first..n.min(first + TARGETS_PER_ROUND))
            .into_par_iter()
            .map(|i| score_one(group_by, reference_name, target(i), rows, scorer, name))
            .collect();
        for (mut target, keys, sizes) in scored {
            target.keys = keeper.keep(targets.len(), keys, sizes)?;
            targets.push(target);
        }
    }
    for (i, keys) in keeper.finish()? {
        targets[i].keys = keys;
    }
    Ok(targets)
}

/// One target with its listed keys (to be kept), and what its keys share.
fn score_one<'n>(
    group_by: &str,
    reference_name: &str,
    target: TargetCounts<'_>,
    rows: &DocRows,
    scorer: &Scorer<'_>,
    name: &(impl Fn(TermId) -> &'n str + Sync),
) -> (Target, Vec<Key>, Sizes) {
    let documents = target.documents.len() as u32;
    let (mut keys, tested) = scorer.score(&target.counts, target.tokens, documents);
    let ranges = term_ranges(&target.counts, &target.documents, rows);
    let reference_documents = scorer.reference.documents(documents);
    for key in &mut keys {
        key.range = target
            .counts
            .binary_search_by_key(&key.term, |&(t, _)| t)
            .map_or(0, |i| ranges[i]);
        key.range_reference = scorer.reference.range(key.term, key.range);
        key.documents = documents;
        key.reference_documents = reference_documents;
    }
    let least = scorer.options.min_range.min(target.documents.len() as u64);
    let rank = (scorer.options.rank_by, &scorer.options.measures);
    keys.retain(|k| k.side(rank.0, rank.1) <= 0.0 || u64::from(k.range) >= least);
    let keys = strongest(keys, scorer.options.top, rank, name);
    let sizes = Sizes {
        tokens: target.tokens,
        reference_tokens: scorer.reference.tokens(target.tokens),
        documents,
        reference_documents,
    };
    let scored = Target {
        group_by: group_by.to_owned(),
        reference_tokens: sizes.reference_tokens,
        name: target.name,
        reference: reference_name.to_owned(),
        tokens: target.tokens,
        documents: target.documents.len(),
        tested,
        keys: KeyList::Held(Vec::new()),
        rank_by: scorer.options.rank_by,
        measures: scorer.options.measures,
    };
    (scored, keys, sizes)
}

/// The targets cut into consecutive slices of about `rows` keys each (a target is never
/// split; at least one slice, maybe empty, so that the table always gets its columns).
pub(crate) fn parts(targets: &[Target], rows: usize) -> Vec<&[Target]> {
    let mut parts = Vec::new();
    let (mut start, mut keys) = (0, 0);
    for (i, target) in targets.iter().enumerate() {
        if keys > 0 && keys + target.keys.len() > rows {
            parts.push(&targets[start..i]);
            (start, keys) = (i, 0);
        }
        keys += target.keys.len();
    }
    parts.push(&targets[start..]);
    parts
}

/// The speeches using each term of a target, aligned with its `(term, count)` pairs: one
/// pass over its speeches' rows (each term of a row is one of the target's).
fn term_ranges(counts: &[(TermId, u64)], documents: &[usize], rows: &DocRows) -> Vec<u32> {
    let mut ranges = vec![0u32; counts.len()];
    for &d in documents {
        for &(term, _) in rows.row(d).iter() {
            if let Ok(i) = counts.binary_search_by_key(&term, |&(t, _)| t) {
                ranges[i] += 1;
            }
        }
    }
    ranges
}

/// The `keyness` table; `names(term)` gives a term and its label.
pub(crate) fn keyness_frame<'n>(
    targets: &[Target],
    names: impl Fn(TermId) -> (&'n str, &'n str),
) -> Result<DataFrame> {
    let keys: Vec<Vec<Key>> = targets.iter().map(|t| t.keys.read()).collect();
    let rows: Vec<(&Target, &Key)> = targets
        .iter()
        .zip(&keys)
        .flat_map(|(t, keys)| keys.iter().map(move |k| (t, k)))
        .collect();
    let of_target =
        |f: fn(&Target) -> &str| -> Vec<&str> { rows.iter().map(|&(t, _)| f(t)).collect() };
    let of_term = |f: fn((&'n str, &'n str)) -> &'n str| -> Vec<&'n str> {
        rows.iter().map(|&(_, k)| f(names(k.term))).collect()
    };
    let count = |f: fn(&Key) -> u64| -> Vec<u64> { rows.iter().map(|&(_, k)| f(k)).collect() };
    let float = |f: &dyn Fn(&Key) -> f64| -> Vec<f64> { rows.iter().map(|&(_, k)| f(k)).collect() };
    let of_key = |f: &dyn Fn(&Target, &Key) -> f64| -> Vec<f64> {
        rows.iter().map(|&(t, k)| f(t, k)).collect()
    };
    frame(
        "keyness",
        vec![
            Column::new(columns::GROUP_BY.name.into(), of_target(|t| &t.group_by)),
            Column::new(columns::TARGET.name.into(), of_target(|t| &t.name)),
            Column::new(columns::REFERENCE.name.into(), of_target(|t| &t.reference)),
            Column::new(columns::TERM.name.into(), of_term(|(term, _)| term)),
            Column::new(columns::LABEL.name.into(), of_term(|(_, label)| label)),
            Column::new(columns::COUNT_TARGET.name.into(), count(|k| k.a)),
            Column::new(columns::COUNT_REFERENCE.name.into(), count(|k| k.b)),
            Column::new(
                columns::PER_10K_TARGET.name.into(),
                float(&|k| per_10k(k.a, k.c)),
            ),
            Column::new(
                columns::PER_10K_REFERENCE.name.into(),
                float(&|k| per_10k(k.b, k.d)),
            ),
            Column::new(
                columns::LOG_LIKELIHOOD.name.into(),
                float(&|k| k.log_likelihood),
            ),
            Column::new(columns::P_VALUE.name.into(), float(&Key::p_value)),
            Column::new(columns::CHI2.name.into(), float(&Key::chi2)),
            Column::new(columns::LOG_RATIO.name.into(), float(&Key::log_ratio)),
            Column::new(
                columns::PERCENT_DIFF.name.into(),
                rows.iter()
                    .map(|&(_, k)| k.percent_diff())
                    .collect::<Vec<Option<f64>>>(),
            ),
            Column::new(
                columns::RANGE_TARGET.name.into(),
                rows.iter().map(|&(_, k)| k.range).collect::<Vec<u32>>(),
            ),
            Column::new(
                columns::SIGNIFICANT.name.into(),
                rows.iter()
                    .map(|&(t, k)| is_significant(k, t.tested))
                    .collect::<Vec<bool>>(),
            ),
            Column::new(
                columns::LOG_ODDS.name.into(),
                of_key(&|t, k| k.log_odds(&t.measures).0),
            ),
            Column::new(
                columns::LOG_ODDS_Z.name.into(),
                of_key(&|t, k| k.log_odds(&t.measures).1),
            ),
            Column::new(
                columns::SIMPLE_MATHS.name.into(),
                of_key(&|t, k| k.simple_maths(&t.measures)),
            ),
            Column::new(
                columns::DOC_LOG_LIKELIHOOD.name.into(),
                float(&Key::doc_log_likelihood),
            ),
            Column::new(
                columns::RANGE_REFERENCE.name.into(),
                rows.iter()
                    .map(|&(_, k)| k.range_reference)
                    .collect::<Vec<u32>>(),
            ),
            Column::new(
                columns::N_DOCUMENTS_TARGET.name.into(),
                rows.iter().map(|&(_, k)| k.documents).collect::<Vec<u32>>(),
            ),
            Column::new(
                columns::N_DOCUMENTS_REFERENCE.name.into(),
                rows.iter()
                    .map(|&(_, k)| k.reference_documents)
                    .collect::<Vec<u32>>(),
            ),
        ],
    )
}

/// p < 0.05 after Bonferroni over `tested` terms.
pub(crate) fn is_significant(key: &Key, tested: usize) -> bool {
    key.p_value() < 0.05 / tested.max(1) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(actual: f64, expected: f64, decimals: i32) {
        let tolerance = 0.5 * 10f64.powi(-decimals);
        assert!(
            (actual - expected).abs() < tolerance,
            "{actual} is not {expected} to {decimals} decimals"
        );
    }

    #[test]
    fn the_table_is_cut_between_targets() {
        let target = |keys: usize| Target {
            group_by: "party".into(),
            name: "x".into(),
            reference: "rest".into(),
            tokens: 1,
            reference_tokens: 1,
            documents: 1,
            tested: 1,
            keys: KeyList::Held(vec![Key::new(0, 1, 1, 2, 2); keys]),
            rank_by: RankBy::LogLikelihood,
            measures: MeasureOptions::default(),
        };
        let targets = [target(3), target(2), target(0), target(4), target(1)];
        let sizes =
            |rows: usize| -> Vec<usize> { parts(&targets, rows).iter().map(|p| p.len()).collect() };
        assert_eq!(sizes(5), [3, 2]);
        assert_eq!(sizes(1), [1, 1, 2, 1]);
        assert_eq!(sizes(100), [5]);
        assert_eq!(parts(&[], 5).len(), 1);
    }

    #[test]
    fn the_worked_numbers_of_statistics_md() {
        // K1 (7, 2, 10, 9)
        let k1 = Key::new(0, 7, 2, 10, 9);
        close(k1.log_likelihood, 4.534939, 6);
        close(k1.chi2(), 4.337160, 6);
        close(k1.p_value(), 0.033210, 6);
        // K3 (100, 50, 10000, 20000)
        let k3 = Key::new(0, 100, 50, 10_000, 20_000);
        close(k3.log_likelihood, 69.691919, 6);
        close(k3.log_ratio(), 2.0, 9);
        close(k3.percent_diff().unwrap(), 300.0, 9);
        // K4 (10, 0, 10000, 20000): b = 0 counts as 0.5; no percent_diff.
        let k4 = Key::new(0, 10, 0, 10_000, 20_000);
        close(k4.log_ratio(), 5.321928, 6);
        close(k4.log_likelihood, 21.978915, 6);
        assert_eq!(k4.percent_diff(), None);
        // K5 (3, 7, 10, 9): under-used, every signed score negative.
        let k5 = Key::new(0, 3, 7, 10, 9);
        close(k5.log_likelihood, -4.534939, 6);
        close(k5.chi2(), -4.337160, 6);
        assert!(k5.log_ratio() < 0.0 && k5.percent_diff().unwrap() < 0.0);
        // Dunning 1993: cells [[10, 0], [3, 31764]] are a = 10, b = 0, c = 13, d = 31764.
        close(Key::new(0, 10, 0, 13, 31_764).log_likelihood, 167.23, 2);
    }

    #[test]
    fn a_against_b_is_the_negation_of_b_against_a() {
        for (a, b, c, d) in [(7, 2, 10, 9), (0, 5, 100, 80), (12, 0, 40, 400)] {
            let forward = Key::new(0, a, b, c, d);
            let backward = Key::new(0, b, a, d, c);
            close(forward.log_likelihood, -backward.log_likelihood, 9);
            close(forward.chi2(), -backward.chi2(), 9);
            close(forward.log_ratio(), -backward.log_ratio(), 9);
        }
    }

    #[test]
    fn significance_is_bonferroni_over_the_terms_tested() {
        let key = Key::new(0, 7, 2, 10, 9); // p = 0.033
        assert!(is_significant(&key, 1));
        assert!(!is_significant(&key, 2)); // needs p < 0.025
    }

    /// Scores every term of every target by brute force, for comparison with the pass that
    /// skips absent terms.
    fn brute_force(
        targets: &[Vec<(TermId, u64)>],
        total: &[u64],
        top: usize,
        min_count: u64,
        rank: RankBy,
    ) -> Vec<(Vec<Key>, usize)> {
        let tokens: u64 = total.iter().sum::<u64>() + 50;
        let c_of = |t: &[(TermId, u64)]| t.iter().map(|&(_, n)| n).sum::<u64>() + 10;
        targets
            .iter()
            .map(|target| {
                let c = c_of(target);
                let d = tokens - c;
                let mut keys = Vec::new();
                let mut tested = 0;
                for term in 0..total.len() as TermId {
                    let a = target
                        .iter()
                        .find(|&&(t, _)| t == term)
                        .map_or(0, |&(_, n)| n);
                    let b = total[term as usize] - a;
                    if a + b >= min_count && a + b > 0 {
                        tested += 1;
                        keys.push(Key::new(term, a, b, c, d));
                    }
                }
                (
                    strongest(keys, top, (rank, &MEASURES), |t| NAMES[t as usize]),
                    tested,
                )
            })
            .collect()
    }

    const NAMES: [&str; 8] = ["a", "b", "c", "d", "e", "f", "g", "h"];
    const MEASURES: MeasureOptions = MeasureOptions {
        prior: PriorSource::Pooled,
        prior_scale: 1.0,
        smoothing: 1.0,
    };

    #[test]
    fn the_one_pass_lists_what_scoring_every_term_lists() {
        // Three targets over eight terms, some absent, some tied in the reference.
        let targets: Vec<Vec<(TermId, u64)>> = vec![
            vec![(0, 9), (2, 1), (5, 4)],
            vec![(1, 3), (2, 3), (7, 1)],
            vec![(0, 1), (3, 6), (4, 2), (6, 6)],
        ];
        let mut total = vec![0u64; 8];
        for target in &targets {
            for &(t, n) in target {
                total[t as usize] += n;
            }
        }
        total[4] += 6; // the rest of the corpus holds some e and h that no target has
        total[7] += 6;
        let tokens: u64 = total.iter().sum::<u64>() + 50;
        // Every measure on token counts: an absent term's score grows with b under each.
        let ranks = [
            RankBy::LogLikelihood,
            RankBy::LogOddsZ,
            RankBy::LogRatio,
            RankBy::SimpleMaths,
        ];
        for (top, min_count, rank) in [(1, 1), (2, 1), (2, 4), (8, 1)]
            .into_iter()
            .flat_map(|(t, m)| ranks.map(|r| (t, m, r)))
        {
            let options = KeynessOptions {
                top,
                min_count,
                min_range: 1,
                rank_by: rank,
                measures: MEASURES,
            };
            let doc_freq = vec![0u32; total.len()];
            let scorer = Scorer::new(
                Reference::Rest {
                    total: &total,
                    tokens,
                    doc_freq: &doc_freq,
                    documents: 3,
                },
                options,
            );
            let expected = brute_force(&targets, &total, top, min_count, rank);
            for (target, (want, want_tested)) in targets.iter().zip(expected) {
                let c = target.iter().map(|&(_, n)| n).sum::<u64>() + 10;
                let (keys, tested) = scorer.score(target, c, 1);
                let got = strongest(keys, top, (rank, &MEASURES), |t| NAMES[t as usize]);
                assert_eq!(got, want, "top {top}, min_count {min_count}, {rank:?}");
                assert_eq!(tested, want_tested, "top {top}, min_count {min_count}");
            }
        }
    }
}
