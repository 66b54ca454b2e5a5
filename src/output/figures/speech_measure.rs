//! `lexical_diversity.png` and `readability.png`: one measure of each speech. Over time when
//! the corpus is dated (a grey point per speech, and a line of the mean per period, or per
//! period and group with `--group-by`); otherwise bars for the speeches or groups, the
//! largest [`MAX_BARS`] when there are more.

use crate::output::charts::theme::{format_fixed, format_number};
use crate::output::charts::{line_chart, Bar, BarChart, LineChart, Series};
use crate::output::figures::similarity_heatmap::largest;
use crate::stats::groups::Groups;
use crate::stats::profile::trends::Timeline;

/// Bars at most, without a time column.
pub(crate) const MAX_BARS: usize = 40;
/// Lines at most over time: the largest groups.
pub(crate) const MAX_LINES: usize = 8;

const _: () = assert!(MAX_LINES <= line_chart::MAX_SERIES);

/// What is measured, for titles and axes: "MTLD (lexical diversity)", "words".
pub(crate) struct Measure<'m> {
    /// Short name for the axis: "MTLD".
    pub name: &'m str,
    /// The title: "Lexical diversity".
    pub title: &'m str,
    /// How it is computed, for the subtitle.
    pub convention: &'m str,
    /// Decimals of the values written on bars.
    pub decimals: usize,
}

/// The chart over time: `values[d]` of speech d (none: not measured), placed by `timeline`;
/// one line per group of `groups` (the [`MAX_LINES`] largest by `group_tokens`) or one line.
pub(crate) fn over_time(
    measure: &Measure<'_>,
    values: &[Option<f64>],
    timeline: &Timeline,
    groups: Option<(&Groups, &[u64])>,
) -> LineChart {
    let starts = &timeline.starts;
    let period_years = f64::from(starts.windows(2).map(|w| w[1] - w[0]).min().unwrap_or(1));
    let dots: Vec<(f64, f64)> = values
        .iter()
        .zip(&timeline.of_doc)
        .filter_map(|(v, p)| Some((f64::from(starts[(*p)?]), (*v)?)))
        .collect();
    let mean_line = |label: String, keep: &dyn Fn(usize) -> bool| -> Series {
        let mut sums = vec![(0.0, 0usize); starts.len()];
        for (d, (v, p)) in values.iter().zip(&timeline.of_doc).enumerate() {
            if let (Some(v), Some(p)) = (v, p) {
                if keep(d) {
                    sums[*p].0 += v;
                    sums[*p].1 += 1;
                }
            }
        }
        Series {
            label,
            points: sums
                .iter()
                .zip(starts)
                .filter(|((_, n), _)| *n > 0)
                .map(|((sum, n), &start)| (f64::from(start), sum / *n as f64))
                .collect(),
        }
    };
    let (series, lines_are) = match groups {
        Some((groups, tokens)) => {
            let shown = largest(tokens, MAX_LINES);
            let series = shown
                .iter()
                .map(|&g| mean_line(groups.names[g].clone(), &|d| groups.of_doc[d] == g))
                .collect();
            let which = if shown.len() < groups.len() {
                format!("the {} largest {} groups", shown.len(), groups.column)
            } else {
                format!("each {}", groups.column)
            };
            (
                series,
                format!("lines: the mean of {which} per {}", timeline.period.noun()),
            )
        }
        None => (
            vec![mean_line(
                format!("mean per {}", timeline.period.noun()),
                &|_| true,
            )],
            format!("line: the mean per {}", timeline.period.noun()),
        ),
    };
    LineChart {
        title: format!("{} over time", measure.title),
        subtitle: format!(
            "{}; a point per speech ({}), {lines_are}",
            measure.convention,
            format_number(dots.len() as f64, 0)
        ),
        x_label: timeline.column.clone(),
        y_label: measure.name.to_owned(),
        series,
        dots,
        gap: Some(period_years * 1.5),
        x_is_year: true,
    }
}

/// Bars of `values` (one per unit named by `labels`), the [`MAX_BARS`] largest units by
/// `tokens`, highest value first.
pub(crate) fn bars(
    measure: &Measure<'_>,
    labels: &[String],
    values: &[Option<f64>],
    tokens: &[u64],
    units: &str,
) -> BarChart {
    let shown = largest(tokens, MAX_BARS);
    let mut bars: Vec<Bar> = shown
        .iter()
        .filter_map(|&i| {
            let value = values[i]?;
            Some(Bar {
                label: labels[i].clone(),
                value,
                annotation: format_fixed(value, measure.decimals),
            })
        })
        .collect();
    bars.sort_by(|a, b| {
        b.value
            .total_cmp(&a.value)
            .then_with(|| a.label.cmp(&b.label))
    });
    let which = if shown.len() < labels.len() {
        format!(
            "the {} largest of {} {units} (by words)",
            shown.len(),
            format_number(labels.len() as f64, 0)
        )
    } else {
        format!("{} {units}", format_number(labels.len() as f64, 0))
    };
    BarChart {
        title: format!("{} of each of the {units}", measure.title),
        subtitle: format!("{}; {which}", measure.convention),
        value_label: measure.name.to_owned(),
        bars,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::profile::trends::Period;

    const MTLD: Measure<'static> = Measure {
        name: "MTLD",
        title: "Lexical diversity",
        convention: "MTLD, threshold 0.72",
        decimals: 1,
    };

    #[test]
    fn a_point_per_dated_speech_and_the_mean_per_period() {
        let timeline = Timeline {
            column: "year".into(),
            period: Period::Year,
            starts: vec![2000, 2001, 2005],
            of_doc: vec![Some(0), Some(0), Some(2), None],
        };
        let values = [Some(10.0), Some(20.0), Some(30.0), Some(40.0)];
        let chart = over_time(&MTLD, &values, &timeline, None);
        assert_eq!(chart.dots, [(2000.0, 10.0), (2000.0, 20.0), (2005.0, 30.0)]);
        assert_eq!(chart.series[0].points, [(2000.0, 15.0), (2005.0, 30.0)]);
        assert_eq!(chart.gap, Some(1.5));
        let groups = Groups {
            column: "party".into(),
            names: vec!["a".into(), "b".into()],
            of_doc: vec![0, 1, 1, 0],
        };
        let chart = over_time(&MTLD, &values, &timeline, Some((&groups, &[5, 9])));
        let labels: Vec<&str> = chart.series.iter().map(|s| s.label.as_str()).collect();
        assert_eq!(labels, ["a", "b"]);
        assert_eq!(chart.series[1].points, [(2000.0, 20.0), (2005.0, 30.0)]);
    }

    #[test]
    fn bars_highest_first_without_unmeasured_speeches() {
        let labels: Vec<String> = ["x", "y", "z"].map(String::from).to_vec();
        let chart = bars(
            &MTLD,
            &labels,
            &[Some(1.0), None, Some(3.0)],
            &[1, 2, 3],
            "speeches",
        );
        let names: Vec<&str> = chart.bars.iter().map(|b| b.label.as_str()).collect();
        assert_eq!(names, ["z", "x"]);
        assert_eq!(chart.bars[0].annotation, "3.0");
    }
}
