//! Counting and ordering pairs of ids, shared by the pair tables (collocations, co-occurrence).
//!
//! [`count_keys`] is an exact, parallel, memory-bounded counter of ordered pairs, used for
//! adjacent word pairs. A pair of 32-bit ids is packed into one u64 key, `first << 32 |
//! second`, so sorting keys sorts pairs by (first, second). Contiguous chunks of the corpus
//! are counted in parallel: each chunk pushes its keys into a vector, sorts it and run-length
//! encodes it into a sorted `(key, count)` run; runs are merged pairwise, adding the counts of
//! equal keys. Sums of integers do not depend on the order of addition, so the result is the
//! same for any chunking and thread count.
//!
//! Memory is bounded by counting in passes: pass p only sees the pairs whose first id hashes
//! to p, so the passes split the pairs into disjoint sets and each pass's merged counts are
//! already exact corpus totals. A caller can therefore prune rare pairs (min_count) at the
//! end of each pass, never holding all distinct pairs at once. The number of passes grows
//! with the number of pair occurrences, at about [`PASS_PAIRS`] occurrences per pass. (Work
//! grows with occurrences too, which suits adjacent pairs, one per token; co-occurrence in a
//! sentence or document has far more occurrences than distinct pairs and is counted row by
//! row instead, see [`super::cooccurrence::count_cooccurrences`].)
//!
//! [`strongest_first`] gives the row order every pair table uses: log_likelihood descending,
//! then the terms alphabetically; [`strength_as_printed`] puts its first part in an integer,
//! for a table of millions of rows to be sorted as one 64-bit key a row.

use rayon::prelude::*;

use crate::columns::Rounded;

pub use crate::chunks::chunk_ranges;

/// Pair occurrences counted per pass, at most (about 64 MB of keys in the worst case, where
/// every occurrence is a distinct pair).
pub const PASS_PAIRS: u64 = 1 << 22;

/// Pair occurrences per chunk, the unit of parallel work (before the split into passes).
pub const CHUNK_PAIRS: u64 = 1 << 20;

/// One key for an ordered pair of ids.
pub fn pair_key(first: u32, second: u32) -> u64 {
    (u64::from(first) << 32) | u64::from(second)
}

/// The ids of a key made by [`pair_key`].
pub fn split_key(key: u64) -> (u32, u32) {
    ((key >> 32) as u32, key as u32)
}

/// How the pairs are split into passes: `2^bits` passes, by a multiplicative (Fibonacci) hash
/// of the pair's first id, which spreads the frequent low ids evenly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Passes {
    bits: u32,
}

impl Passes {
    /// Enough passes for `occurrences` pair occurrences to come about `budget` per pass.
    pub fn for_occurrences(occurrences: u64, budget: u64) -> Passes {
        let needed = occurrences.div_ceil(budget.max(1)).max(1);
        // 2^31 passes would be absurd for any input; the cap keeps the shift below valid.
        let bits = needed.next_power_of_two().trailing_zeros().min(31);
        Passes { bits }
    }

    pub fn count(&self) -> u32 {
        1 << self.bits
    }

    /// The pass that counts the pairs whose first id is `first`.
    pub fn of(&self, first: u32) -> u32 {
        if self.bits == 0 {
            return 0;
        }
        (u64::from(first).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - self.bits)) as u32
    }
}

/// The row order of a pair table: `log_likelihood` (as printed) descending, then the alphabetical ranks of
/// the two terms (`ranks(row)`, see [`crate::text::Vocabulary::alphabetical_term_ranks`]). Sorts plain integer keys, since
/// a table can have millions of rows.
pub fn strongest_first(log_likelihood: &[f64], ranks: impl Fn(usize) -> (u32, u32)) -> Vec<usize> {
    let mut keys: Vec<(u64, u64, usize)> = log_likelihood
        .iter()
        .enumerate()
        .map(|(row, &ll)| {
            let (a, b) = ranks(row);
            (
                descending(crate::stats::as_printed(ll)),
                pair_key(a, b),
                row,
            )
        })
        .collect();
    // The row index makes every key distinct, so the unstable sort is deterministic.
    keys.par_sort_unstable();
    keys.into_iter().map(|(_, _, row)| row).collect()
}

/// `log_likelihood` as printed, as an integer that sorts strongest first: the first part of
/// [`strongest_first`]'s order. Values that print alike get the same integer, others keep
/// their order. Six significant digits and a decimal exponent fit 32 bits, so that with the
/// pair's index it makes one 64-bit sort key a row (see
/// [`super::cooccurrence::CooccurrenceOrder`]).
pub fn strength_as_printed(log_likelihood: f64) -> u32 {
    !printed_order(log_likelihood)
}

/// `x` as printed (see [`Rounded`]), as an integer in the order of `f64::total_cmp`: -NaN,
/// -inf, negatives, zero of either sign (both print 0), positives, inf, NaN.
fn printed_order(x: f64) -> u32 {
    const ZERO: u32 = 1 << 31;
    match Rounded::of(x) {
        None if x.is_nan() && x.is_sign_negative() => 0,
        None if x.is_nan() => u32::MAX,
        None if x < 0.0 => 1,
        None => u32::MAX - 1,
        Some(r) if r.digits == 0 => ZERO,
        Some(r) => {
            // A finite double's first digit is at 10^-324 to 10^308, and six digits run from
            // 100000 to 999999: at most 575 million magnitudes on each side of zero.
            debug_assert!((-324..=308).contains(&r.exponent));
            debug_assert!((100_000..=999_999).contains(&r.digits));
            let magnitude = (r.exponent + 330) as u32 * 900_000 + (r.digits - 100_000) + 1;
            if r.negative {
                ZERO - magnitude
            } else {
                ZERO + magnitude
            }
        }
    }
}

/// The sort key of an unrounded `score` (ordered as `f64::total_cmp`, reversed) and a pair of
/// ranks, as one integer: score descending, then the ranks.
pub fn strongest_key(score: f64, (a, b): (u32, u32)) -> u128 {
    (u128::from(descending(score)) << 64) | u128::from(pair_key(a, b))
}

/// The two ranks a key of [`strongest_key`] was made of.
pub fn ranks_of_key(key: u128) -> (u32, u32) {
    split_key(key as u64)
}

/// The score a key of [`strongest_key`] was made of, bit for bit.
pub fn score_of_key(key: u128) -> f64 {
    let ascending = !((key >> 64) as u64);
    let bits = if ascending >> 63 == 1 {
        ascending & !(1 << 63)
    } else {
        !ascending
    };
    f64::from_bits(bits)
}

/// An integer that sorts as `x` does under `f64::total_cmp`, reversed.
fn descending(x: f64) -> u64 {
    let bits = x.to_bits();
    let ascending = if bits >> 63 == 1 {
        !bits
    } else {
        bits | (1 << 63)
    };
    !ascending
}

/// Counts, pass by pass, the keys that `emit(chunk, pass, keys)` pushes for each chunk, and
/// hands each pass's exact counts, sorted by key, to `finish(pass_counts)`. `emit` must push
/// only the keys of the given pass, so that passes are disjoint.
pub fn count_keys<C: Sync>(
    chunks: &[C],
    passes: Passes,
    emit: impl Fn(&C, u32, &mut Vec<u64>) + Sync,
    mut finish: impl FnMut(Vec<(u64, u64)>),
) {
    for pass in 0..passes.count() {
        let runs: Vec<Vec<(u64, u64)>> = chunks
            .par_iter()
            .map(|chunk| {
                let mut keys = Vec::new();
                emit(chunk, pass, &mut keys);
                run_lengths(keys)
            })
            .collect();
        finish(merge_runs(runs));
    }
}

/// Sorts keys and counts each: `[7, 3, 7]` gives `[(3, 1), (7, 2)]`.
pub fn run_lengths(mut keys: Vec<u64>) -> Vec<(u64, u64)> {
    keys.sort_unstable();
    // Sized exactly: these runs are the bulk of a pass's memory.
    let distinct = keys.chunk_by(|a, b| a == b).count();
    let mut out = Vec::with_capacity(distinct);
    out.extend(
        keys.chunk_by(|a, b| a == b)
            .map(|run| (run[0], run.len() as u64)),
    );
    out
}

/// Merges sorted runs into one, adding the counts of equal keys; pairwise and in parallel, so
/// the inputs of each level are freed as the next level is built.
pub fn merge_runs(mut runs: Vec<Vec<(u64, u64)>>) -> Vec<(u64, u64)> {
    while runs.len() > 1 {
        runs = runs
            .into_par_iter()
            .chunks(2)
            .map(|mut two| match (two.pop(), two.pop()) {
                (Some(b), Some(a)) => merge_two(&a, &b),
                (Some(a), None) => a,
                _ => Vec::new(),
            })
            .collect();
    }
    runs.pop().unwrap_or_default()
}

fn merge_two(a: &[(u64, u64)], b: &[(u64, u64)]) -> Vec<(u64, u64)> {
    // A first walk sizes the output exactly, so a level never holds spare capacity.
    let mut out = Vec::with_capacity(merge_with(a, b, |_| {}));
    merge_with(a, b, |entry| out.push(entry));
    out
}

/// Walks two sorted runs in key order, calling `push` with each key and its summed count;
/// returns the number of entries pushed.
fn merge_with(a: &[(u64, u64)], b: &[(u64, u64)], mut push: impl FnMut((u64, u64))) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        let (ka, na) = a[i];
        let (kb, nb) = b[j];
        match ka.cmp(&kb) {
            std::cmp::Ordering::Less => {
                push((ka, na));
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                push((kb, nb));
                j += 1;
            }
            std::cmp::Ordering::Equal => {
                push((ka, na + nb));
                i += 1;
                j += 1;
            }
        }
        n += 1;
    }
    a[i..].iter().chain(&b[j..]).for_each(|&entry| push(entry));
    n + (a.len() - i) + (b.len() - j)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_sort_pairs_by_first_then_second() {
        assert_eq!(split_key(pair_key(7, u32::MAX)), (7, u32::MAX));
        assert!(pair_key(1, u32::MAX) < pair_key(2, 0));
        assert!(pair_key(2, 0) < pair_key(2, 1));
    }

    #[test]
    fn passes_cover_the_budget_and_split_ids() {
        assert_eq!(Passes::for_occurrences(0, 10).count(), 1);
        assert_eq!(Passes::for_occurrences(10, 10).count(), 1);
        assert_eq!(Passes::for_occurrences(11, 10).count(), 2);
        assert_eq!(Passes::for_occurrences(50, 10).count(), 8);
        let passes = Passes::for_occurrences(1000, 1);
        assert_eq!(passes.count(), 1024);
        assert!((0..10_000).all(|id| passes.of(id) < 1024));
        let used: std::collections::BTreeSet<u32> = (0..10_000).map(|id| passes.of(id)).collect();
        assert!(used.len() > 900, "ids should spread over the passes");
    }

    #[test]
    fn rows_sort_by_log_likelihood_descending_then_ranks() {
        let ll = [1.0, 7.5, -0.0, 0.0, 7.5, f64::INFINITY, 1.0];
        let ranks = [(0, 0), (2, 1), (0, 0), (0, 0), (1, 9), (5, 5), (0, 1)];
        assert_eq!(
            strongest_first(&ll, |row| ranks[row]),
            // -0.0 and 0.0 both print as 0: a tie, broken by the ranks, then the row.
            [5, 4, 1, 0, 6, 2, 3]
        );
        assert!(strongest_first(&[], |_| (0, 0)).is_empty());
    }

    #[test]
    fn strengths_sort_as_the_printed_values_descending() {
        let mut values = vec![
            0.0,
            -0.0,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
            -f64::NAN,
            f64::MAX,
            -f64::MAX,
            f64::MIN_POSITIVE,
            3.000_000_4,
            3.000_000_1,
            3.000_005,
            2.999_999_5,
            999_999.5,
            999_999.4,
            1e-7,
            -1e-7,
            123_456.5,
            123_457.5,
        ];
        // Values of every magnitude, of both signs, some of them printing alike.
        let mut state = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..3000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let mantissa = (state >> 11) as f64 / (1u64 << 53) as f64 + 1.0;
            let exponent = (state % 200) as i32 - 100;
            let x = mantissa * 10f64.powi(exponent);
            values.push(if state & 1 == 0 { x } else { -x });
            values.push(crate::stats::as_printed(x) * (1.0 + 1e-12));
        }
        let printed = crate::stats::as_printed;
        for x in &values {
            for y in values.iter().step_by(7) {
                assert_eq!(
                    strength_as_printed(*x).cmp(&strength_as_printed(*y)),
                    printed(*y).total_cmp(&printed(*x)),
                    "{x:e} against {y:e}"
                );
            }
        }
    }

    #[test]
    fn row_keys_sort_as_the_rows_they_stand_for() {
        let ll = [
            1.0,
            7.5,
            -0.0,
            0.0,
            7.5,
            f64::INFINITY,
            1.0,
            3.000_000_4,
            3.000_000_1,
        ];
        let ranks = [
            (0, 0),
            (2, 1),
            (0, 2),
            (0, 3),
            (1, 9),
            (5, 5),
            (0, 1),
            (7, 7),
            (6, 6),
        ];
        let mut keys: Vec<u128> = ll
            .iter()
            .zip(ranks)
            .map(|(&ll, (a, b))| {
                (u128::from(strength_as_printed(ll)) << 64) | u128::from(pair_key(a, b))
            })
            .collect();
        keys.sort_unstable();
        let by_key: Vec<(u32, u32)> = keys.iter().map(|&k| ranks_of_key(k)).collect();
        let by_row: Vec<(u32, u32)> = strongest_first(&ll, |row| ranks[row])
            .into_iter()
            .map(|row| ranks[row])
            .collect();
        assert_eq!(by_key, by_row);
        // 3.0000004 and 3.0000001 print alike (3.000000): their order is that of the ranks.
        assert_eq!(by_key[3..5], [(6, 6), (7, 7)]);
    }

    #[test]
    fn keys_give_back_their_scores_bit_for_bit() {
        for score in [
            0.0,
            -0.0,
            1.5,
            -2.25,
            f64::INFINITY,
            f64::NEG_INFINITY,
            1e-300,
        ] {
            let key = strongest_key(score, (3, 4));
            assert_eq!(score_of_key(key).to_bits(), score.to_bits());
            assert_eq!(ranks_of_key(key), (3, 4));
        }
        assert!(strongest_key(2.0, (9, 9)) < strongest_key(1.0, (0, 0)));
        assert!(strongest_key(-1.0, (0, 0)) > strongest_key(0.0, (9, 9)));
    }

    #[test]
    fn chunks_cover_every_item_once() {
        assert_eq!(chunk_ranges([4, 2, 6, 1], 5), [0..2, 2..3, 3..4]);
        assert_eq!(chunk_ranges([4, 2, 6, 1], 100), vec![0..4]);
        assert_eq!(chunk_ranges([0, 0], 1), vec![0..2]);
        assert!(chunk_ranges([], 5).is_empty());
    }

    #[test]
    fn merging_adds_counts_across_runs() {
        let runs = vec![
            run_lengths(vec![5, 1, 5]),
            run_lengths(vec![5]),
            run_lengths(vec![]),
            run_lengths(vec![2, 1]),
            run_lengths(vec![9]),
        ];
        assert_eq!(merge_runs(runs), [(1, 2), (2, 1), (5, 3), (9, 1)]);
        assert!(merge_runs(Vec::new()).is_empty());
    }

    #[test]
    fn counting_in_passes_is_exact_whatever_the_split() {
        // Chunks of keys; a key's pass is decided by its first id.
        let chunks: Vec<Vec<u64>> = (0..20u32)
            .map(|c| (0..50u32).map(|i| pair_key((c * i) % 7, i % 3)).collect())
            .collect();
        let mut naive: Vec<u64> = chunks.concat();
        naive.sort_unstable();
        let expected = run_lengths(naive);
        for budget in [1, 10, 1000, u64::MAX] {
            let passes = Passes::for_occurrences(1000, budget);
            let mut got = Vec::new();
            count_keys(
                &chunks,
                passes,
                |chunk, pass, keys| {
                    keys.extend(chunk.iter().filter(|&&k| passes.of(split_key(k).0) == pass))
                },
                |counts| got.extend(counts),
            );
            got.sort_unstable();
            assert_eq!(got, expected, "budget {budget}");
        }
    }
}
