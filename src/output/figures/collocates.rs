//! `collocates_<word>.png`: the words that keep company with one focus term, as the shared
//! horizontal bar chart with one bar per collocate, its length the signed log-likelihood.
//! Only attraction is drawn: the ranking is
//! [`attracting`](crate::stats::pairs::collocates::attracting).

use crate::output::charts::theme::{format_fixed, format_number};
use crate::output::charts::{Bar, BarChart};
use crate::stats::pairs::collocates::Attracting;
use crate::text::TermId;

/// Most bars shown.
pub(crate) const TOP_N: usize = 25;

/// The score the bars measure.
pub(crate) const SCORE_NAME: &str = "log-likelihood";

/// The bar chart of the [`TOP_N`] strongest collocates of `focus` (its label), strongest at
/// the top; `label` names a collocate. The subtitle says how many are shown and how many
/// were left out for avoiding the focus word.
pub(crate) fn figure<'l>(
    focus: &str,
    collocates: &Attracting<'_>,
    label: impl Fn(TermId) -> &'l str,
) -> BarChart {
    let total = collocates.ranked.len();
    let bars: Vec<Bar> = collocates
        .ranked
        .iter()
        .take(TOP_N)
        .map(|c| {
            let score = c.scores.signed_log_likelihood();
            let count = c.pair.count;
            Bar {
                label: label(c.collocate).to_owned(),
                value: score,
                annotation: format!(
                    "score {} · {} time{}",
                    format_fixed(score, 1),
                    format_number(count as f64, 0),
                    if count == 1 { "" } else { "s" }
                ),
            }
        })
        .collect();
    BarChart {
        title: format!("Words that keep company with \"{focus}\""),
        subtitle: subtitle(SCORE_NAME, bars.len(), total, collocates.left_out),
        value_label: format!("Association with \"{focus}\" ({SCORE_NAME})"),
        bars,
    }
}

/// "The 25 strongest of 140 collocates by log-likelihood; only positive associations are
/// shown (3 left out)".
fn subtitle(score_name: &str, shown: usize, positive: usize, left_out: usize) -> String {
    let plural = |n: usize, word: &str| {
        format!(
            "{} {word}{}",
            format_number(n as f64, 0),
            if n == 1 { "" } else { "s" }
        )
    };
    let left_out_text = format_number(left_out as f64, 0);
    if shown == 0 && left_out == 0 {
        "No collocates to show".to_owned()
    } else if shown == 0 {
        format!("No collocate has a positive {score_name} ({left_out_text} left out)")
    } else {
        let base = if shown < positive {
            format!(
                "The {shown} strongest of {} by {score_name}",
                plural(positive, "collocate")
            )
        } else {
            format!("{} by {score_name}", plural(shown, "collocate"))
        };
        if left_out == 0 {
            base
        } else {
            format!("{base}; only positive associations are shown ({left_out_text} left out)")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::charts::bar_chart;
    use crate::stats::association::Contingency;
    use crate::stats::pairs::collocates::Collocate;
    use crate::stats::pairs::cooccurrence::TermPair;

    /// A collocate seen `count` times with the focus (200 occurrences; the collocate 300) in a
    /// million tokens: attraction for any count.
    fn collocate(collocate: TermId, count: u64) -> Collocate {
        Collocate {
            focus: 0,
            collocate,
            pair: TermPair {
                first: 0,
                second: collocate,
                count,
            },
            scores: Contingency::new(count as f64, 200.0, 300.0, 1_000_000.0),
        }
    }

    fn word(t: TermId) -> String {
        format!("w{t:02}")
    }

    #[test]
    fn bars_carry_score_and_count_and_the_subtitle_what_was_left_out() {
        let list = [collocate(1, 145)];
        let attracting = Attracting {
            ranked: list.iter().collect(),
            left_out: 3,
        };
        let words: Vec<String> = (0..2).map(word).collect();
        let chart = figure("trafficking", &attracting, |t| words[t as usize].as_str());
        assert_eq!(chart.title, "Words that keep company with \"trafficking\"");
        let score = list[0].scores.signed_log_likelihood();
        assert_eq!(chart.bars[0].value, score);
        assert_eq!(
            chart.bars[0].annotation,
            format!("score {} · 145 times", format_fixed(score, 1))
        );
        assert_eq!(
            chart.subtitle,
            "1 collocate by log-likelihood; only positive associations are shown (3 left out)"
        );
    }

    #[test]
    fn subtitles_say_what_is_shown() {
        let cases = [
            ((25, 140, 0), "The 25 strongest of 140 collocates by MI"),
            ((1, 1, 0), "1 collocate by MI"),
            ((0, 0, 1), "No collocate has a positive MI (1 left out)"),
            ((0, 0, 0), "No collocates to show"),
        ];
        for ((shown, positive, left_out), expected) in cases {
            assert_eq!(subtitle("MI", shown, positive, left_out), expected);
        }
    }

    #[test]
    fn at_most_top_n_bars_and_a_single_occurrence_is_one_time() {
        let many: Vec<Collocate> = (0..40).map(|t| collocate(t, 1)).collect();
        let attracting = Attracting {
            ranked: many.iter().collect(),
            left_out: 0,
        };
        let words: Vec<String> = (0..40).map(word).collect();
        let chart = figure("peace", &attracting, |t| words[t as usize].as_str());
        assert_eq!(chart.bars.len(), TOP_N);
        assert_eq!(chart.bars[0].label, "w00");
        assert!(chart.bars[0].annotation.ends_with("· 1 time"));
        assert!(chart
            .subtitle
            .starts_with("The 25 strongest of 40 collocates"));
    }

    #[test]
    fn the_chart_draws_even_when_empty() {
        let dir = tempfile::tempdir().unwrap();
        let list = [collocate(1, 145)];
        let words: Vec<String> = (0..2).map(word).collect();
        for (name, ranked) in [("some.png", vec![&list[0]]), ("none.png", vec![])] {
            let attracting = Attracting {
                ranked,
                left_out: 1,
            };
            let path = dir.path().join(name);
            let chart = figure("x", &attracting, |t| words[t as usize].as_str());
            bar_chart::draw(&chart, &crate::output::charts::Canvas::png(&path)).unwrap();
            let bytes = std::fs::read(&path).unwrap();
            assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"), "{name}");
        }
    }

    /// Draws the chart a person looks at: `cargo test collocates -- --ignored`.
    #[test]
    #[ignore]
    fn draw_collocates_to_look_at() {
        let counts = [
            145, 120, 90, 80, 70, 61, 55, 50, 45, 40, 38, 35, 30, 28, 25, 22, 20, 18, 15, 12, 10,
        ];
        let list: Vec<Collocate> = counts
            .iter()
            .enumerate()
            .map(|(i, &n)| collocate(i as TermId + 1, n))
            .collect();
        let attracting = Attracting {
            ranked: list.iter().collect(),
            left_out: 2,
        };
        let words: Vec<String> = (0..=list.len() as TermId).map(word).collect();
        let chart = figure("trafficking", &attracting, |t| words[t as usize].as_str());
        let canvas = crate::output::charts::Canvas::png("/tmp/collocates_check.png");
        bar_chart::draw(&chart, &canvas).unwrap();
    }
}
