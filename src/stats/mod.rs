//! Statistics: each module takes count tables and returns polars DataFrames, the tables users
//! see. Formulas and conventions are in each module's docs and in docs/statistics.md.

pub mod association;
pub mod collocates;
pub mod collocations;
pub mod cooccurrence;
pub mod counts;
pub mod documents;
pub mod frequency;
pub mod groups;
pub mod pairs;
pub mod phrases;

use polars::prelude::{Column, DataFrame};

use crate::error::{Error, Result};

/// `x` as the tables print it (fixed decimals), so rows sorted by a score are in order as
/// the reader of the CSV sees them: two pairs whose scores print alike tie, and the tie is
/// broken by the terms, not by invisible digits.
pub fn as_printed(x: f64) -> f64 {
    if !x.is_finite() {
        return x;
    }
    format!("{x:.prec$}", prec = crate::output::tables::FLOAT_DECIMALS)
        .parse()
        .unwrap_or(x)
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
