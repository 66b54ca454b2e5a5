//! The pairs family: words that keep company.
//!
//! - [`collocations`]: adjacent pairs ("human rights"), overall and per group.
//! - [`cooccurrence`]: pairs within a window, a sentence or a speech, and the strongest of
//!   them for the network chart.
//! - [`collocates`]: the pairs of chosen focus words, seen from those words.
//! - [`phrases`]: strong collocations chosen to be counted as one term.
//! - [`counting`]: the exact, parallel, memory-bounded pair counter and row order they share.
//!
//! Every pair is scored on its 2x2 table with [`crate::stats::association`].

pub(crate) mod collocates;
pub(crate) mod collocations;
pub(crate) mod cooccurrence;
pub(crate) mod counting;
pub(crate) mod phrases;
