//! Counts by id for one unit at a time (a speech, a row of pairs), in a table as large as the
//! ids' range and reused from unit to unit: adding is one index, and reading the counts back
//! and clearing them costs only the ids that were counted, not the whole range.

use std::ops::AddAssign;

pub(crate) struct Tally<N> {
    counts: Vec<N>,
    /// The ids counted since the table was last drained, in the order first seen.
    seen: Vec<u32>,
}

impl<N: Copy + Default + PartialEq + AddAssign> Tally<N> {
    /// A tally of ids below `n_ids`.
    pub(crate) fn new(n_ids: usize) -> Tally<N> {
        Tally {
            counts: vec![N::default(); n_ids],
            seen: Vec::new(),
        }
    }

    /// Adds `n` (not zero) to the count of `id`.
    pub(crate) fn add(&mut self, id: u32, n: N) {
        let count = &mut self.counts[id as usize];
        if *count == N::default() {
            self.seen.push(id);
        }
        *count += n;
    }

    /// Puts the ids counted in increasing order, for [`Tally::drain`].
    pub(crate) fn sort(&mut self) {
        self.seen.sort_unstable();
    }

    /// Each id counted with its count, in the order first seen (or sorted); the tally is
    /// empty again.
    pub(crate) fn drain(&mut self) -> impl ExactSizeIterator<Item = (u32, N)> + '_ {
        let counts = &mut self.counts;
        self.seen
            .drain(..)
            .map(move |id| (id, std::mem::take(&mut counts[id as usize])))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tally_counts_each_id_once_and_starts_clean() {
        let mut tally = Tally::<u32>::new(5);
        let mut count = |ids: &[u32], sorted: bool| -> Vec<(u32, u32)> {
            ids.iter().for_each(|&id| tally.add(id, 1));
            if sorted {
                tally.sort();
            }
            tally.drain().collect()
        };
        assert_eq!(count(&[3, 1, 3], true), [(1, 1), (3, 2)]);
        assert!(count(&[], true).is_empty());
        assert_eq!(count(&[4, 0, 4, 4, 1], false), [(4, 3), (0, 1), (1, 1)]);
        assert_eq!(count(&[2, 2], true), [(2, 2)]);
        let mut wide = Tally::<u64>::new(3);
        wide.add(2, 5);
        wide.add(2, 1 << 40);
        assert_eq!(wide.drain().collect::<Vec<_>>(), [(2, (1 << 40) + 5)]);
    }
}
