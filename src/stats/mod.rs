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

/// Assembles a table from equal-length columns.
pub(crate) fn frame(table: &'static str, columns: Vec<Column>) -> Result<DataFrame> {
    DataFrame::new_infer_height(columns).map_err(|source| Error::Table { table, source })
}
