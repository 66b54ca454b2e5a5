//! `term_trends.png`: the rate per 10,000 words of chosen terms in each period, one line per
//! term labelled at its end. By default the terms whose rate changed most
//! ([`changed_most`](crate::stats::profile::trends::changed_most)), as the subtitle says.

use crate::output::charts::{line_chart, LineChart, Series};
use crate::stats::counts::{per_10k, CountTables};
use crate::stats::groups::GroupCounts;
use crate::stats::profile::trends::{Timeline, TREND_MIN_COUNT};
use crate::text::{TermId, Vocabulary};

/// Terms shown when none are chosen.
pub(crate) const DEFAULT_TERMS: usize = 8;

const _: () = assert!(DEFAULT_TERMS <= line_chart::MAX_SERIES);

/// The trend lines of `terms` over the periods of `timeline`.
pub(crate) fn figure(
    timeline: &Timeline,
    sums: &GroupCounts,
    terms: &[TermId],
    chosen_by_user: bool,
    counts: &CountTables,
    vocab: &Vocabulary,
) -> LineChart {
    let shown = &terms[..terms.len().min(line_chart::MAX_SERIES)];
    let series = shown
        .iter()
        .map(|&t| Series {
            label: vocab.form(counts.term_label[t as usize]).to_owned(),
            points: sums
                .terms
                .iter()
                .zip(&sums.n_tokens)
                .zip(&timeline.starts)
                .filter(|((_, &tokens), _)| tokens > 0)
                .map(|((entries, &tokens), &start)| {
                    let n = entries
                        .binary_search_by_key(&t, |&(term, _)| term)
                        .map_or(0, |i| entries[i].1);
                    (f64::from(start), per_10k(n, tokens))
                })
                .collect(),
        })
        .collect();
    let rule = if chosen_by_user && shown.len() < terms.len() {
        format!("the first {} of {} chosen terms", shown.len(), terms.len())
    } else if chosen_by_user {
        "chosen terms".to_owned()
    } else {
        format!(
            "the terms that rose and fell most from the first to the last third ({TREND_MIN_COUNT}+ uses)"
        )
    };
    let period_years = timeline
        .starts
        .windows(2)
        .map(|w| w[1] - w[0])
        .min()
        .unwrap_or(1);
    LineChart {
        title: "Terms over time".into(),
        subtitle: format!(
            "Occurrences per 10,000 words per {}; {rule}",
            timeline.period.noun()
        ),
        x_label: timeline.column.clone(),
        y_label: "per 10,000 words".into(),
        series,
        dots: Vec::new(),
        gap: Some(f64::from(period_years) * 1.5),
        x_is_year: true,
    }
}
