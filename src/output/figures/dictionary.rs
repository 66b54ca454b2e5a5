//! `dictionary.png`: the rate per 10,000 words of the dictionaries' categories, over time
//! (one line per category, per period) when the speeches are dated, else across the groups
//! of the first grouping or across speeches (a heatmap). The categories shown are the most
//! frequent, as the subtitle says.

use crate::output::charts::{heatmap, line_chart, Heatmap, LineChart, Series};
use crate::stats::counts::per_10k;
use crate::stats::dictionary::count::CategoryCounts;

/// Most categories a heatmap shows as columns.
pub(crate) const MAX_COLUMNS: usize = 12;

/// The categories, named as the chart shows them, and which to show: the `n` matched most
/// in the corpus (ties in dictionary order), in dictionary order.
pub(crate) struct Shown {
    /// Index of each category shown.
    pub categories: Vec<usize>,
    /// Its label: the category, prefixed by its dictionary when there are several.
    pub labels: Vec<String>,
    /// Categories there were.
    pub of: usize,
}

impl Shown {
    /// The `n` most matched of `names` (dictionary, category) by their counts in `counts`.
    pub(crate) fn most_matched(names: &[(&str, &str)], counts: &CategoryCounts, n: usize) -> Shown {
        let mut order: Vec<usize> = (0..names.len()).collect();
        order.sort_by_key(|&c| std::cmp::Reverse(counts.total(c)));
        order.truncate(n);
        order.sort_unstable();
        let several = names.windows(2).any(|w| w[0].0 != w[1].0);
        let labels = order
            .iter()
            .map(|&c| match several {
                true => format!("{}: {}", names[c].0, names[c].1),
                false => names[c].1.to_owned(),
            })
            .collect();
        Shown {
            categories: order,
            labels,
            of: names.len(),
        }
    }

    fn rule(&self) -> String {
        match self.categories.len() < self.of {
            true => format!(
                "the {} categories matched most of {}",
                self.categories.len(),
                self.of
            ),
            false => "every category".into(),
        }
    }
}

/// One line per category over the periods (`starts`, their first years), from the
/// periods' counts and tokens.
pub(crate) fn over_time(
    shown: &Shown,
    sums: &CategoryCounts,
    starts: &[i32],
    period_noun: &str,
    column: &str,
) -> LineChart {
    let n_tokens = &sums.n_tokens;
    let period_years = starts.windows(2).map(|w| w[1] - w[0]).min().unwrap_or(1);
    let series = shown
        .categories
        .iter()
        .zip(&shown.labels)
        .map(|(&c, label)| Series {
            label: label.clone(),
            points: (0..starts.len())
                .filter(|&p| n_tokens[p] > 0)
                .map(|p| (f64::from(starts[p]), per_10k(sums.of(p, c).0, n_tokens[p])))
                .collect(),
        })
        .collect();
    LineChart {
        title: "Dictionary categories over time".into(),
        subtitle: format!(
            "Matches per 10,000 words per {period_noun}; {}",
            shown.rule()
        ),
        x_label: column.to_owned(),
        y_label: "per 10,000 words".into(),
        series,
        dots: Vec::new(),
        gap: Some(f64::from(period_years) * 1.5),
        x_is_year: true,
    }
}

/// A row per unit (group or speech), the [`heatmap::MAX_ROWS`] largest by words in their
/// order, a column per category shown; cells are rates per 10,000 words.
pub(crate) fn across(
    shown: &Shown,
    sums: &CategoryCounts,
    unit_names: &[String],
    units: &str,
) -> Heatmap {
    let n_tokens = &sums.n_tokens;
    let mut rows: Vec<usize> = (0..unit_names.len()).collect();
    rows.sort_by_key(|&u| std::cmp::Reverse(n_tokens[u]));
    rows.truncate(heatmap::MAX_ROWS);
    rows.sort_unstable();
    let which = match rows.len() < unit_names.len() {
        true => format!("the {} largest of {} {units}", rows.len(), unit_names.len()),
        false => units.to_owned(),
    };
    Heatmap {
        title: "Dictionary categories".into(),
        subtitle: format!("Matches per 10,000 words in {which}; {}", shown.rule()),
        row_labels: rows.iter().map(|&u| unit_names[u].clone()).collect(),
        column_labels: shown.labels.clone(),
        values: rows
            .iter()
            .map(|&u| {
                shown
                    .categories
                    .iter()
                    .map(|&c| per_10k(sums.of(u, c).0, n_tokens[u]))
                    .collect()
            })
            .collect(),
        value_label: "per 10,000 words".into(),
    }
}

/// Series of a line chart past this many are hard to tell apart.
pub(crate) const MAX_LINES: usize = line_chart::MAX_SERIES;
