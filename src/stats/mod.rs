//! Statistics: count tables in, polars DataFrames and rankings out. Never writes a file and
//! never draws: the output layer does that with what these modules return.
//!
//! The shared base sits at the top: [`counts`] (per-document term counts, sizes, labels),
//! [`groups`] (speeches grouped by a metadata column, their summed counts) and
//! [`association`] (the scores of a 2x2 table). Each family of statistics is a folder:
//!
//! - [`frequency`]: the document, term and term-by-document tables, per-group frequencies, and
//!   the rankings built on them (most frequent terms, the rows of a comparison chart).
//! - [`pairs`]: word pairs: collocations, co-occurrence, collocates of a focus word, phrases.
//!
//! The comparison family (keyness, similarity) goes in `compare/`, the profile family
//! (diversity, readability, dispersion) in `profile/`; docs/architecture.md walks through
//! adding one. Formulas and conventions are in each module's docs and in docs/statistics.md.

pub(crate) mod association;
pub(crate) mod counts;
pub(crate) mod frequency;
pub(crate) mod groups;
pub(crate) mod pairs;

use polars::prelude::{Column, DataFrame};

use crate::columns::FLOAT_DECIMALS;
use crate::error::{Error, Result};

/// `x` as the tables print it (fixed decimals), so rows sorted by a score are in order as
/// the reader of the CSV sees them: two pairs whose scores print alike tie, and the tie is
/// broken by the terms, not by invisible digits.
pub(crate) fn as_printed(x: f64) -> f64 {
    if !x.is_finite() {
        return x;
    }
    format!("{x:.FLOAT_DECIMALS$}").parse().unwrap_or(x)
}

/// Assembles a table from equal-length columns.
pub(crate) fn frame(table: &'static str, columns: Vec<Column>) -> Result<DataFrame> {
    DataFrame::new_infer_height(columns).map_err(|source| Error::Table { table, source })
}

#[cfg(test)]
mod tests {
    #[test]
    fn scores_sort_as_printed() {
        assert_eq!(super::as_printed(24.14809212), 24.148092);
        assert_eq!(super::as_printed(24.14809249), 24.148092);
        assert_eq!(super::as_printed(-0.0000004), -0.0);
        assert!(super::as_printed(f64::NAN).is_nan());
    }
}
