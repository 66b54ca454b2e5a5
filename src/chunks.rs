//! Cutting work into contiguous chunks for the threads: documents for tokenizing, documents
//! or terms for pair counting. Chunks depend only on the weights, never on the thread count,
//! so merged results are the same on any machine; [`ranges_per_thread`] alone counts the
//! threads, for work whose result does not depend on the cut.

use std::ops::Range;

/// Contiguous ranges of items whose weights add up to about `target` each (at least one item
/// per range), covering every item once in order.
pub fn chunk_ranges(weights: impl IntoIterator<Item = u64>, target: u64) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = 0;
    let mut sum = 0u64;
    let mut len = 0;
    for (i, weight) in weights.into_iter().enumerate() {
        sum = sum.saturating_add(weight);
        len = i + 1;
        if sum >= target {
            ranges.push(start..len);
            start = len;
            sum = 0;
        }
    }
    if start < len {
        ranges.push(start..len);
    }
    ranges
}

/// Contiguous ranges of items of about equal total weight, `per_thread` for each thread of
/// the pool. Unlike [`chunk_ranges`], the cut depends on the thread count: only for work
/// whose result is the same however the items are cut (sums of whole numbers, parts of an
/// id space each summed in order, lists merged and then sorted).
pub fn ranges_per_thread(weights: &[u64], per_thread: usize) -> Vec<Range<usize>> {
    let parts = (per_thread * rayon::current_num_threads()).max(1) as u64;
    let total: u64 = weights.iter().sum();
    chunk_ranges(weights.iter().copied(), total / parts + 1)
}

/// Rows `0..n` cut into consecutive parts of `step` rows (the last maybe shorter): at least
/// one part, empty for no rows, so that a table written part by part always gets its columns.
pub fn row_parts(n: usize, step: usize) -> Vec<Range<usize>> {
    let step = step.max(1);
    at_least_one(
        (0..n)
            .step_by(step)
            .map(|first| first..n.min(first + step))
            .collect(),
    )
}

/// [`chunk_ranges`] as the parts of a table written part by part: at least one, empty for
/// no items, so that the table always gets its columns.
pub fn table_parts(weights: impl IntoIterator<Item = u64>, target: u64) -> Vec<Range<usize>> {
    at_least_one(chunk_ranges(weights, target))
}

fn at_least_one(mut parts: Vec<Range<usize>>) -> Vec<Range<usize>> {
    if parts.is_empty() {
        parts.push(0..0);
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_cover_every_item_once() {
        assert_eq!(chunk_ranges([4, 2, 6, 1], 5), [0..2, 2..3, 3..4]);
        assert_eq!(
            chunk_ranges([4, 2, 6, 1], 100),
            vec![std::ops::Range { start: 0, end: 4 }]
        );
        assert!(chunk_ranges([], 5).is_empty());
    }

    #[test]
    fn row_parts_cover_the_rows_in_order_and_give_an_empty_table_one_part() {
        assert_eq!(row_parts(5, 2), [0..2, 2..4, 4..5]);
        assert_eq!(row_parts(4, 2), [0..2, 2..4]);
        assert_eq!(row_parts(0, 2), vec![0..0]);
        assert_eq!(row_parts(3, 0), [0..1, 1..2, 2..3]);
    }
}
