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
//! - [`compare`]: keyness, similarity, and the concordance behind them.
//! - [`profile`]: lexical diversity, readability, dispersion, trends over time.
//! - [`dictionary`]: the categories of user dictionaries (LIWC, YAML, CSV) counted per speech.
//!
//! docs/architecture.md walks through adding a statistic. Formulas and conventions are in each module's docs and in docs/statistics.md.

pub(crate) mod association;
pub(crate) mod compare;
pub(crate) mod counts;
pub(crate) mod dictionary;
pub(crate) mod doc_rows;
pub(crate) mod frequency;
pub(crate) mod groups;
pub(crate) mod pairs;
pub(crate) mod profile;
pub(crate) mod tally;

use polars::prelude::{Column, DataFrame};

use crate::columns::Rounded;
use crate::error::{Error, Result};

/// `x` as the tables print it (six significant digits), so rows sorted by a score are in
/// order as the reader of the CSV sees them: two pairs whose scores print alike tie, and the
/// tie is broken by the terms, not by invisible digits.
pub(crate) fn as_printed(x: f64) -> f64 {
    Rounded::of(x).map_or(x, Rounded::value)
}

/// Sorts `items` by `score` as printed, largest first, then by `tie`. Each score is rounded
/// once, not in every comparison: rounding to significant digits costs a logarithm.
pub(crate) fn sort_by_printed_score<T>(
    items: &mut Vec<T>,
    score: impl Fn(&T) -> f64,
    tie: impl Fn(&T, &T) -> std::cmp::Ordering,
) {
    let mut keyed: Vec<(f64, T)> = items
        .drain(..)
        .map(|t| (as_printed(score(&t)), t))
        .collect();
    keyed.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| tie(&a.1, &b.1)));
    items.extend(keyed.into_iter().map(|(_, t)| t));
}

/// The first `n` of `items` in the order of [`sort_by_printed_score`], in that order, when
/// `tie` tells any two items apart: the others are set aside by selection, not sorted.
pub(crate) fn top_by_printed_score<T>(
    items: Vec<T>,
    n: usize,
    score: impl Fn(&T) -> f64,
    tie: impl Fn(&T, &T) -> std::cmp::Ordering,
) -> Vec<T> {
    let mut keyed: Vec<(f64, T)> = items
        .into_iter()
        .map(|t| (as_printed(score(&t)), t))
        .collect();
    let order = |a: &(f64, T), b: &(f64, T)| b.0.total_cmp(&a.0).then_with(|| tie(&a.1, &b.1));
    if n == 0 {
        return Vec::new();
    }
    if keyed.len() > n {
        keyed.select_nth_unstable_by(n - 1, order);
        keyed.truncate(n);
    }
    keyed.sort_by(order);
    keyed.into_iter().map(|(_, t)| t).collect()
}

/// The first columns of a table with a row per speech or per line of one: the speech's doc_id,
/// then every metadata column of the corpus in its order, of the speech `docs[i]` for row i. A
/// metadata column named like one of the table's own (`own`) is written `meta_<name>`.
pub(crate) fn speech_columns(
    corpus: &crate::corpus::Corpus,
    docs: &[usize],
    own: &[&str],
) -> Vec<Column> {
    let documents = &corpus.documents;
    let mut columns = vec![Column::new(
        crate::columns::DOC_ID.name.into(),
        docs.iter()
            .map(|&d| documents[d].id.as_str())
            .collect::<Vec<_>>(),
    )];
    for (i, name) in corpus.metadata_columns.iter().enumerate() {
        let name = match own.contains(&name.as_str()) {
            true => format!("meta_{name}"),
            false => name.clone(),
        };
        columns.push(Column::new(
            name.into(),
            docs.iter()
                .map(|&d| documents[d].metadata[i].as_str())
                .collect::<Vec<_>>(),
        ));
    }
    columns
}

/// Assembles a table from equal-length columns.
pub(crate) fn frame(table: &'static str, columns: Vec<Column>) -> Result<DataFrame> {
    DataFrame::new_infer_height(columns).map_err(|source| Error::Table { table, source })
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_top_by_selection_is_the_head_of_the_sort() {
        let scores = [3.0, 1.0, 2.0000001, 2.0, 5.0, 2.0000002, 0.5, 4.0];
        let items: Vec<(f64, usize)> = scores.iter().copied().zip(0..).collect();
        let tie = |a: &(f64, usize), b: &(f64, usize)| a.1.cmp(&b.1);
        let mut sorted = items.clone();
        super::sort_by_printed_score(&mut sorted, |x| x.0, tie);
        for n in 0..=items.len() + 1 {
            let top = super::top_by_printed_score(items.clone(), n, |x| x.0, tie);
            assert_eq!(top, sorted[..n.min(items.len())], "n = {n}");
        }
    }

    #[test]
    fn scores_sort_as_printed() {
        assert_eq!(super::as_printed(24.14809212), 24.1481);
        assert_eq!(super::as_printed(24.14804999), 24.148);
        assert_eq!(super::as_printed(0.000190123456), 0.000190123);
        assert_eq!(super::as_printed(-4e-9), -4e-9);
        assert_eq!(super::as_printed(-0.0).to_bits(), 0.0f64.to_bits());
        assert!(super::as_printed(f64::NAN).is_nan());
    }

    #[test]
    fn the_quick_rounding_equals_printing_and_parsing_back() {
        let mut x = 0.000123f64;
        let mut values = vec![
            0.5e-6,
            1.5e-6,
            2.5e-6,
            -2.5e-7,
            1e14,
            1e15 + 0.5,
            24.1480925,
            999999.5,
            9.999995,
            0.1 + 0.2,
            1e-300,
            f64::MAX,
            f64::MIN_POSITIVE,
        ];
        for _ in 0..50_000 {
            x = (x * 1.618034 + 0.0001234567) % 10_000.0;
            values.extend([x, -x / 7.0, x * 1e-5, x * 1e9]);
        }
        for v in values {
            let slow: f64 = format!("{v:.5e}").parse().unwrap();
            let fast = super::as_printed(v);
            assert_eq!(fast.to_bits(), slow.to_bits(), "{v:e}");
        }
    }
}
