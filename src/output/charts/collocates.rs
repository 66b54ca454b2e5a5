//! "Top collocates of a term": the words that keep company with one focus term, as the
//! shared horizontal bar chart ([`super::bar_chart`]) with one bar per collocate, its length
//! the association score.

use super::bar_chart::{Bar, BarChart};
use super::theme::{format_fixed, format_number};

/// Most bars shown.
pub const TOP_N: usize = 25;

/// A word found near the focus term.
#[derive(Debug, Clone, PartialEq)]
pub struct Collocate {
    /// The word as written on the chart.
    pub label: String,
    /// Its association score with the focus term; higher means stronger company.
    pub score: f64,
    /// Times it occurs near the focus term.
    pub count: u64,
}

/// The bar chart of the [`TOP_N`] collocates of `focus` with the highest `score_name`,
/// strongest at the top (ties by count, then label). Bars start at zero, so only positive
/// scores are drawn: collocates with a zero, negative or missing score are left out, and the
/// subtitle says so and how many.
pub fn collocates_chart(focus: &str, score_name: &str, collocates: &[Collocate]) -> BarChart {
    let mut positive: Vec<&Collocate> = collocates
        .iter()
        .filter(|c| c.score.is_finite() && c.score > 0.0)
        .collect();
    positive.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(b.count.cmp(&a.count))
            .then_with(|| a.label.cmp(&b.label))
    });
    let left_out = collocates.len() - positive.len();
    let total = positive.len();
    positive.truncate(TOP_N);
    let bars = positive
        .iter()
        .map(|c| Bar {
            label: c.label.clone(),
            value: c.score,
            annotation: format!(
                "score {} · {} time{}",
                format_fixed(c.score, 1),
                format_number(c.count as f64, 0),
                if c.count == 1 { "" } else { "s" }
            ),
        })
        .collect();
    BarChart {
        title: format!("Words that keep company with \"{focus}\""),
        subtitle: subtitle(score_name, positive.len(), total, left_out),
        value_label: format!("Association with \"{focus}\" ({score_name})"),
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

    fn collocate(label: &str, score: f64, count: u64) -> Collocate {
        Collocate {
            label: label.into(),
            score,
            count,
        }
    }

    #[test]
    fn strongest_first_and_only_positive_scores() {
        let chart = collocates_chart(
            "trafficking",
            "log-likelihood",
            &[
                collocate("drug", 540.0, 61),
                collocate("persons", 1200.0, 145),
                collocate("the", -12.5, 900),
                collocate("weather", 0.0, 1),
                collocate("crime", 310.0, 40),
                collocate("arms", 310.0, 40),
                collocate("nan", f64::NAN, 3),
            ],
        );
        let labels: Vec<&str> = chart.bars.iter().map(|b| b.label.as_str()).collect();
        assert_eq!(labels, ["persons", "drug", "arms", "crime"]);
        assert_eq!(chart.title, "Words that keep company with \"trafficking\"");
        assert_eq!(chart.bars[0].annotation, "score 1,200.0 · 145 times");
        assert_eq!(
            chart.subtitle,
            "4 collocates by log-likelihood; only positive associations are shown (3 left out)"
        );
        assert!(chart.bars.iter().all(|b| b.value > 0.0));
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
        let many: Vec<Collocate> = (0..40)
            .map(|i| collocate(&format!("w{i:02}"), f64::from(i) + 1.0, 1))
            .collect();
        let chart = collocates_chart("peace", "t-score", &many);
        assert_eq!(chart.bars.len(), TOP_N);
        assert_eq!(chart.bars[0].label, "w39");
        assert_eq!(chart.bars[0].annotation, "score 40.0 · 1 time");
    }

    #[test]
    fn the_chart_draws_even_when_empty() {
        let dir = tempfile::tempdir().unwrap();
        for (name, list) in [
            ("some.png", vec![collocate("persons", 1200.0, 145)]),
            ("none.png", vec![collocate("the", -3.0, 10)]),
        ] {
            let path = dir.path().join(name);
            super::super::bar_chart::draw(&collocates_chart("x", "MI", &list), &path).unwrap();
            let bytes = std::fs::read(&path).unwrap();
            assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"), "{name}");
        }
    }

    /// Draws the chart a person looks at: `cargo test collocates -- --ignored`.
    #[test]
    #[ignore]
    fn draw_collocates_to_look_at() {
        let list = [
            ("persons", 4980.0, 1450),
            ("human", 2310.0, 610),
            ("drug", 1840.5, 390),
            ("women", 1210.2, 420),
            ("children", 1105.7, 388),
            ("organized", 990.0, 160),
            ("crime", 960.3, 270),
            ("combat", 720.0, 150),
            ("victims", 655.4, 140),
            ("illicit", 610.0, 95),
            ("arms", 540.1, 120),
            ("smuggling", 480.0, 60),
            ("migrants", 455.5, 88),
            ("counter-trafficking", 300.0, 22),
            ("protocol", 260.7, 58),
            ("exploitation", 240.0, 47),
            ("sexual", 198.2, 51),
            ("networks", 150.0, 40),
            ("transnational", 120.9, 35),
            ("girls", 80.0, 30),
            ("the", -35.2, 5000),
            ("weather", 0.0, 1),
        ];
        let list: Vec<Collocate> = list.iter().map(|&(l, s, c)| collocate(l, s, c)).collect();
        let chart = collocates_chart("trafficking", "log-likelihood", &list);
        super::super::bar_chart::draw(&chart, std::path::Path::new("/tmp/collocates_check.png"))
            .unwrap();
    }
}
