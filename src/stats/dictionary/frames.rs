//! The dictionary tables: a category's count in each speech, in each group of each
//! grouping, and in each period.
//!
//! Columns of `dictionary`: doc_id, every metadata column (one named like a column of the
//! table's own is written `meta_<name>`), n_tokens (the word tokens matched: before
//! `--phrases` joins any), dictionary, category, count, per_10k (count / n_tokens ×
//! 10,000), score (summed weights; empty without weights). Speeches in
//! corpus order, categories in dictionary order, every pair written (zeros included).
//! `dictionary_by_group`: group_by, group, n_tokens, then the same; a group's count and
//! tokens are its speeches' summed. `dictionary_trends`: period, period_start, then the
//! same, with period_tokens.

use std::ops::Range;

use polars::prelude::*;

use super::count::CategoryCounts;
use super::Dictionary;
use crate::columns;
use crate::corpus::Corpus;
use crate::error::Result;
use crate::stats::counts::per_10k;
use crate::stats::{frame, speech_columns};

/// The categories of all dictionaries in order: (dictionary name, category, weighted).
pub(crate) fn categories(dictionaries: &[Dictionary]) -> Vec<(&str, &str, bool)> {
    dictionaries
        .iter()
        .flat_map(|d| {
            d.categories
                .iter()
                .map(move |c| (d.name.as_str(), c.as_str(), d.weighted))
        })
        .collect()
}

/// The columns every dictionary table ends with, for units each `n_tokens` long.
struct Rows<'a> {
    dictionary: Vec<&'a str>,
    category: Vec<&'a str>,
    count: Vec<u64>,
    rate: Vec<f64>,
    score: Vec<Option<f64>>,
}

impl<'a> Rows<'a> {
    /// One row per unit and category; `unit_rows(u)` is called once per row, for the
    /// unit's own columns.
    fn of(
        dictionaries: &'a [Dictionary],
        counts: &CategoryCounts,
        units: Range<usize>,
        mut unit_rows: impl FnMut(usize),
    ) -> Rows<'a> {
        let n_tokens = &counts.n_tokens;
        let categories = categories(dictionaries);
        let n = units.len() * categories.len();
        let mut rows = Rows {
            dictionary: Vec::with_capacity(n),
            category: Vec::with_capacity(n),
            count: Vec::with_capacity(n),
            rate: Vec::with_capacity(n),
            score: Vec::with_capacity(n),
        };
        for u in units {
            let tokens = n_tokens[u];
            for (c, &(dictionary, category, weighted)) in categories.iter().enumerate() {
                let (count, score) = counts.of(u, c);
                unit_rows(u);
                rows.dictionary.push(dictionary);
                rows.category.push(category);
                rows.count.push(count);
                rows.rate.push(per_10k(count, tokens));
                rows.score.push(weighted.then_some(score));
            }
        }
        rows
    }

    fn columns(self) -> [Column; 5] {
        [
            Column::new(columns::DICTIONARY.name.into(), self.dictionary),
            Column::new(columns::CATEGORY.name.into(), self.category),
            Column::new(columns::COUNT.name.into(), self.count),
            Column::new(columns::PER_10K.name.into(), self.rate),
            Column::new(columns::SCORE.name.into(), self.score),
        ]
    }
}

/// The columns of `dictionary` after the metadata.
const OWN_COLUMNS: [&str; 6] = [
    columns::N_TOKENS.name,
    columns::DICTIONARY.name,
    columns::CATEGORY.name,
    columns::COUNT.name,
    columns::PER_10K.name,
    columns::SCORE.name,
];

/// The `dictionary` table: every category in the speeches `docs` (the table is written a
/// range of speeches at a time, so that its metadata is never held whole).
pub(crate) fn dictionary_frame(
    dictionaries: &[Dictionary],
    counts: &CategoryCounts,
    corpus: &Corpus,
    docs: Range<usize>,
) -> Result<DataFrame> {
    let mut rows_of = Vec::new();
    let rows = Rows::of(dictionaries, counts, docs, |d| rows_of.push(d));
    let docs = rows_of;
    let n_tokens = &counts.n_tokens;
    let mut frame_columns = speech_columns(corpus, &docs, &OWN_COLUMNS);
    frame_columns.push(Column::new(
        columns::N_TOKENS.name.into(),
        docs.iter().map(|&d| n_tokens[d]).collect::<Vec<_>>(),
    ));
    frame_columns.extend(rows.columns());
    frame("dictionary", frame_columns)
}

/// One grouping's groups, for `dictionary_by_group`.
pub(crate) struct GroupSums<'a> {
    /// The grouping's column (`party`, `iso3,year`).
    pub column: &'a str,
    pub names: &'a [String],
    pub counts: CategoryCounts,
}

/// The `dictionary_by_group` table: every category in every group of every grouping.
pub(crate) fn by_group_frame(
    dictionaries: &[Dictionary],
    groupings: &[GroupSums<'_>],
) -> Result<DataFrame> {
    let (mut group_by, mut group, mut tokens) = (Vec::new(), Vec::new(), Vec::new());
    let mut rows: Option<Rows<'_>> = None;
    for grouping in groupings {
        let groups = 0..grouping.names.len();
        let more = Rows::of(dictionaries, &grouping.counts, groups, |g| {
            group_by.push(grouping.column);
            group.push(grouping.names[g].as_str());
            tokens.push(grouping.counts.n_tokens[g]);
        });
        rows = Some(match rows {
            None => more,
            Some(mut rows) => {
                rows.dictionary.extend(more.dictionary);
                rows.category.extend(more.category);
                rows.count.extend(more.count);
                rows.rate.extend(more.rate);
                rows.score.extend(more.score);
                rows
            }
        });
    }
    let rows =
        rows.unwrap_or_else(|| Rows::of(dictionaries, &CategoryCounts::default(), 0..0, |_| {}));
    let mut frame_columns = vec![
        Column::new(columns::GROUP_BY.name.into(), group_by),
        Column::new(columns::GROUP.name.into(), group),
        Column::new(columns::N_TOKENS.name.into(), tokens),
    ];
    frame_columns.extend(rows.columns());
    frame("dictionary_by_group", frame_columns)
}

/// The `dictionary_trends` table: every category in every period.
pub(crate) fn trends_frame(
    dictionaries: &[Dictionary],
    counts: &CategoryCounts,
    names: &[String],
    starts: &[i32],
) -> Result<DataFrame> {
    let mut periods = Vec::new();
    let rows = Rows::of(dictionaries, counts, 0..names.len(), |p| periods.push(p));
    let n_tokens = &counts.n_tokens;
    let mut frame_columns = vec![
        Column::new(
            columns::PERIOD.name.into(),
            periods
                .iter()
                .map(|&p| names[p].as_str())
                .collect::<Vec<_>>(),
        ),
        Column::new(
            columns::PERIOD_START.name.into(),
            periods.iter().map(|&p| starts[p]).collect::<Vec<_>>(),
        ),
    ];
    frame_columns.extend(rows.columns());
    frame_columns.push(Column::new(
        columns::PERIOD_TOKENS.name.into(),
        periods.iter().map(|&p| n_tokens[p]).collect::<Vec<_>>(),
    ));
    frame("dictionary_trends", frame_columns)
}
