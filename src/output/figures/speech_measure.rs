//! `lexical_diversity.png` and `readability.png`: one measure of each speech. Over time when
//! the corpus is dated (a grey point per speech, and a line of the mean per period, or per
//! period and group with `--group-by`); otherwise bars for the speeches or groups, the
//! largest [`MAX_BARS`] when there are more.
//!
//! A line per group is drawn unless the groups are too thin for it (see [`thin_groups`]):
//! when most groups have a single speech in a period (a country in the UN General Debate
//! speaks once a year), a group's "mean" is one speech, and lines for the few largest of
//! many such groups would pick out some speeches for their group's size alone. The chart
//! then shows every speech and the mean of all of them per period, and its subtitle says why.

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

/// How thin the groups of a chart over time are, from the (group, period) cells that hold at
/// least one measured, dated speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Thinness {
    /// Most cells (more than half) hold several speeches: a group's point is a mean.
    Means,
    /// At least half the cells hold one speech: most points of a group's line are one
    /// speech, not a mean. With up to [`MAX_LINES`] groups every speech is still on its
    /// group's line; with more, the lines would show a few groups' single speeches.
    OneSpeech,
}

/// Whether the groups are thin: [`Thinness::OneSpeech`] when at least half of the (group,
/// period) cells holding a speech (dated, with a value) hold exactly one, else
/// [`Thinness::Means`] (also when no cell holds a speech).
pub(crate) fn thin_groups(
    values: &[Option<f64>],
    timeline: &Timeline,
    groups: &Groups,
) -> Thinness {
    let mut cells: Vec<(usize, usize)> = values
        .iter()
        .zip(&timeline.of_doc)
        .zip(&groups.of_doc)
        .filter_map(|((v, p), &g)| v.and((*p).map(|p| (g, p))))
        .collect();
    cells.sort_unstable();
    let mut occupied = 0usize;
    let mut single = 0usize;
    for run in cells.chunk_by(|a, b| a == b) {
        occupied += 1;
        single += usize::from(run.len() == 1);
    }
    if occupied > 0 && 2 * single >= occupied {
        Thinness::OneSpeech
    } else {
        Thinness::Means
    }
}

/// The chart over time: `values[d]` of speech d (none: not measured), placed by `timeline`;
/// one line per group of `groups` (the [`MAX_LINES`] largest by `group_tokens`) or one line.
/// When the groups hold one speech per period ([`thin_groups`]) and there are more of them
/// than [`MAX_LINES`], one line: the mean of all speeches per period, as without groups.
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
    let period = timeline.period.noun();
    let points = format!(
        "a point per speech ({})",
        format_number(dots.len() as f64, 0)
    );
    let thin = groups.map(|(g, _)| thin_groups(values, timeline, g));
    let overall = || vec![mean_line(format!("mean per {period}"), &|_| true)];
    let (series, shown_are) = match groups {
        Some((groups, _)) if thin == Some(Thinness::OneSpeech) && groups.len() > MAX_LINES => (
            overall(),
            format!(
                "{} groups mostly have one speech per {period}: {points} and their mean per {period}",
                groups.column
            ),
        ),
        Some((groups, tokens)) => {
            let shown = largest(tokens, MAX_LINES);
            let series = shown
                .iter()
                .map(|&g| mean_line(groups.names[g].clone(), &|d| groups.of_doc[d] == g))
                .collect();
            let lines_are = if thin == Some(Thinness::OneSpeech) {
                // Every group has its line: there are at most MAX_LINES.
                format!(
                    "lines: each {}'s speeches (the mean where several share a {period})",
                    groups.column
                )
            } else if shown.len() < groups.len() {
                format!(
                    "lines: the mean of the {} largest {} groups per {period}",
                    shown.len(),
                    groups.column
                )
            } else {
                format!("lines: the mean of each {} per {period}", groups.column)
            };
            (series, format!("{points}, {lines_are}"))
        }
        None => (overall(), format!("{points}, line: the mean per {period}")),
    };
    LineChart {
        title: format!("{} over time", measure.title),
        subtitle: format!("{}; {shown_are}", measure.convention),
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

    /// `n` periods from 2000, `of_doc` the period of each speech.
    fn years(n: i32, of_doc: Vec<Option<usize>>) -> Timeline {
        Timeline {
            column: "year".into(),
            period: Period::Year,
            starts: (2000..2000 + n).collect(),
            of_doc,
        }
    }

    fn grouping(column: &str, of_doc: Vec<usize>) -> Groups {
        let n = of_doc.iter().max().map_or(0, |&g| g + 1);
        Groups {
            column: column.into(),
            names: (0..n).map(|g| format!("g{g}")).collect(),
            of_doc,
        }
    }

    /// The group and the period of each speech, and how thin the groups are.
    type Case = (&'static [usize], &'static [Option<usize>], Thinness);

    /// Thin: at least half of the (group, period) cells that hold a dated, measured speech
    /// hold exactly one. Speeches without a year or a value do not count.
    #[test]
    fn groups_are_thin_when_at_least_half_their_periods_hold_one_speech() {
        use Thinness::{Means, OneSpeech};
        // (group of each speech, period of each speech, expected).
        let cases: [Case; 7] = [
            // One speech per group and year: a country in the General Debate.
            (
                &[0, 1, 2, 0, 1, 2],
                &[Some(0), Some(0), Some(0), Some(1), Some(1), Some(1)],
                OneSpeech,
            ),
            // Two cells of two speeches, one of one: the means are means.
            (
                &[0, 0, 1, 1, 0],
                &[Some(0), Some(0), Some(0), Some(0), Some(1)],
                Means,
            ),
            // Two cells of two, two of one: half are single.
            (
                &[0, 0, 1, 1, 0, 1],
                &[Some(0), Some(0), Some(0), Some(0), Some(1), Some(1)],
                OneSpeech,
            ),
            // Undated speeches are left out: one cell of two.
            (&[0, 0, 0, 0], &[Some(0), Some(0), None, None], Means),
            // A party with several speeches a decade.
            (
                &[0, 0, 0, 1, 1],
                &[Some(0), Some(0), Some(0), Some(0), Some(0)],
                Means,
            ),
            (&[0], &[Some(0)], OneSpeech),
            (&[0, 1], &[None, None], Means),
        ];
        for (i, (of_group, of_period, expected)) in cases.into_iter().enumerate() {
            let values = vec![Some(1.0); of_group.len()];
            let timeline = years(3, of_period.to_vec());
            let groups = grouping("iso3", of_group.to_vec());
            assert_eq!(
                thin_groups(&values, &timeline, &groups),
                expected,
                "case {i}"
            );
        }
        // A speech without a value does not fill its cell.
        let timeline = years(1, vec![Some(0), Some(0), Some(0)]);
        let groups = grouping("iso3", vec![0, 0, 1]);
        assert_eq!(
            thin_groups(&[Some(1.0), None, Some(2.0)], &timeline, &groups),
            OneSpeech
        );
        assert_eq!(
            thin_groups(&[Some(1.0), Some(3.0), None], &timeline, &groups),
            Means
        );
    }

    /// Twelve countries speaking once a year: no line per country, every speech a point and
    /// the mean of all per year, and the subtitle says why.
    #[test]
    fn thin_groups_show_every_speech_and_the_mean_of_all() {
        let countries = 12;
        let of_group: Vec<usize> = (0..3).flat_map(|_| 0..countries).collect();
        let of_period: Vec<Option<usize>> = (0..3).flat_map(|y| vec![Some(y); countries]).collect();
        let values: Vec<Option<f64>> = (0..of_group.len()).map(|d| Some(d as f64)).collect();
        let timeline = years(3, of_period);
        let groups = grouping("iso3", of_group);
        let tokens: Vec<u64> = (0..countries as u64).collect();
        let chart = over_time(&MTLD, &values, &timeline, Some((&groups, &tokens)));
        assert_eq!(chart.dots.len(), 36);
        assert_eq!(chart.series.len(), 1);
        assert_eq!(chart.series[0].label, "mean per year");
        assert_eq!(
            chart.series[0].points,
            [(2000.0, 5.5), (2001.0, 17.5), (2002.0, 29.5)]
        );
        assert_eq!(
            chart.subtitle,
            "MTLD, threshold 0.72; iso3 groups mostly have one speech per year: \
             a point per speech (36) and their mean per year"
        );
    }

    /// As many thin groups as lines: every speech is on its group's line, and the subtitle
    /// says a line joins a group's speeches; groups of several speeches a period keep their
    /// means.
    #[test]
    fn few_thin_groups_keep_their_lines_and_say_what_they_join() {
        let of_group = vec![0, 1, 2, 0, 1, 2];
        let timeline = years(
            2,
            vec![Some(0), Some(0), Some(0), Some(1), Some(1), Some(1)],
        );
        let values = vec![Some(1.0); 6];
        let parties = grouping("party", of_group);
        let chart = over_time(&MTLD, &values, &timeline, Some((&parties, &[3, 2, 1])));
        assert_eq!(chart.series.len(), 3);
        assert_eq!(
            chart.subtitle,
            "MTLD, threshold 0.72; a point per speech (6), \
             lines: each party's speeches (the mean where several share a year)"
        );
        let timeline = years(2, vec![Some(0); 6]);
        let chart = over_time(&MTLD, &values, &timeline, Some((&parties, &[3, 2, 1])));
        assert_eq!(chart.series.len(), 3);
        assert!(chart
            .subtitle
            .ends_with("lines: the mean of each party per year"));
        // Many groups with several speeches a period: the largest groups' means.
        let of_group: Vec<usize> = (0..40).map(|d| d / 2).collect();
        let many = grouping("party", of_group);
        let timeline = years(1, vec![Some(0); 40]);
        let tokens: Vec<u64> = (0..20).collect();
        let chart = over_time(&MTLD, &[Some(2.0); 40], &timeline, Some((&many, &tokens)));
        assert_eq!(chart.series.len(), MAX_LINES);
        assert!(chart
            .subtitle
            .ends_with("lines: the mean of the 8 largest party groups per year"));
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
