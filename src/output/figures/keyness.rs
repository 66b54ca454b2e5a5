//! `keyness_<target>.png` and `keyness_overview.png`: the key terms of one target as
//! two-sided bars (over-used to the right, under-used to the left), and the top over-used
//! terms of many targets as small multiples on one page. Bars not significant after
//! Bonferroni are drawn lighter; the statistic is signed G2 (log-likelihood).
//!
//! The overview puts each panel on its own scale: a target of a few thousand words has G2
//! values a hundred times smaller than the largest target's, and on one shared scale its
//! bars would be invisible. The number beside each of its bars is the bar's G2, so values
//! still compare across panels.

use crate::output::charts::theme::{format_number, format_significant};
use crate::output::charts::{diverging_bars, small_multiples};
use crate::output::charts::{Bar, DivergingBar, DivergingBars, Panel, SmallMultiples};
use crate::stats::compare::keyness::{is_significant, Key, Target};
use crate::stats::compare::measures::RankBy;
use crate::stats::compare::targets::{REST_OF_CORPUS, TARGET_GROUPING};
use crate::stats::counts::per_10k;
use crate::text::TermId;

/// Bars per side of a target's chart.
pub(crate) const BARS_PER_SIDE: usize = 15;
/// Bars per panel of the overview.
pub(crate) const BARS_PER_PANEL: usize = 8;
/// Panels of the overview at most: the largest targets.
pub(crate) const MAX_PANELS: usize = small_multiples::MAX_PANELS;

// The charts stay readable with this many bars.
const _: () = assert!(2 * BARS_PER_SIDE <= diverging_bars::MAX_BARS);
const _: () = assert!(BARS_PER_PANEL <= small_multiples::MAX_BARS_PER_PANEL);

/// The chart of one target; `label` names a term.
pub(crate) fn figure<'l>(target: &Target, label: impl Fn(TermId) -> &'l str) -> DivergingBars {
    let bar = |key: &Key| DivergingBar {
        label: label(key.term).to_owned(),
        value: bar_value(key, target),
        annotation: annotation(key, target),
        faded: !is_significant(key, target.tested),
    };
    let keys = target.keys.read();
    let over = keys.iter().filter(|k| bar_value(k, target) > 0.0);
    let under = keys.iter().filter(|k| bar_value(k, target) < 0.0);
    let bars = over
        .take(BARS_PER_SIDE)
        .chain(under.take(BARS_PER_SIDE))
        .map(bar)
        .collect();
    let name = target_name(target);
    DivergingBars {
        title: format!("Key terms of {name}"),
        subtitle: format!(
            "Against {}: {} against {} words",
            reference_name(target),
            words_of(target.tokens, target.documents),
            format_number(target.reference_tokens as f64, 0),
        ),
        value_label: target.rank_by.description().into(),
        positive_heading: format!("More frequent in {}", short_name(target)),
        negative_heading: format!("Less frequent in {}", short_name(target)),
        note: format!(
            "Lighter bars: not significant (p >= 0.05 after Bonferroni over {} terms tested). \
             Beside each bar: rate per 10,000 words here vs in the reference.",
            format_number(target.tested as f64, 0)
        ),
        bars,
    }
}

/// The overview of `targets` (one grouping's): the [`BARS_PER_PANEL`] most over-used terms of
/// each of the [`MAX_PANELS`] largest, in their order, each panel on its own scale, each bar's
/// G2 written beside it.
pub(crate) fn overview<'l>(
    targets: &[&Target],
    label: impl Fn(TermId) -> &'l str,
) -> SmallMultiples {
    let mut largest: Vec<usize> = (0..targets.len()).collect();
    largest.sort_by(|&a, &b| targets[b].tokens.cmp(&targets[a].tokens).then(a.cmp(&b)));
    largest.truncate(MAX_PANELS);
    largest.sort_unstable();
    let panels = largest
        .iter()
        .map(|&i| {
            let target = targets[i];
            Panel {
                title: target.name.clone(),
                bars: target
                    .keys
                    .read()
                    .iter()
                    .filter(|k| bar_value(k, target) > 0.0)
                    .take(BARS_PER_PANEL)
                    .map(|k| Bar {
                        label: label(k.term).to_owned(),
                        value: bar_value(k, target),
                        annotation: format_number(
                            bar_value(k, target),
                            bar_decimals(target.rank_by),
                        ),
                    })
                    .collect(),
            }
        })
        .collect();
    let (grouping, reference) = targets.first().map_or(("", String::new()), |t| {
        (t.group_by.as_str(), reference_name(t))
    });
    let measure = short_measure(targets.first().map_or(RankBy::default(), |t| t.rank_by));
    let shown = if largest.len() < targets.len() {
        format!(
            "the {} largest of {} targets",
            largest.len(),
            format_number(targets.len() as f64, 0)
        )
    } else if largest.len() == 1 {
        "1 target".to_owned()
    } else {
        format!("{} targets", largest.len())
    };
    SmallMultiples {
        title: format!("Key terms of each {}", grouping_name(grouping)),
        subtitle: format!(
            "The {BARS_PER_PANEL} most over-used terms of each against {reference}; bars and numbers: {measure}, each panel on its own scale; {shown}"
        ),
        value_label: format!("{measure}, each panel on its own scale"),
        shared_scale: false,
        panels,
    }
}

/// A bar's length: the `--rank-by` measure of the key, signed (simple maths, a ratio
/// around 1, as its log2, so that under-used terms point left).
fn bar_value(key: &Key, target: &Target) -> f64 {
    let score = key.score(target.rank_by, &target.measures);
    match target.rank_by {
        RankBy::SimpleMaths => score.log2(),
        _ => score,
    }
}

/// Decimals of the numbers beside the overview's bars.
fn bar_decimals(rank: RankBy) -> usize {
    match rank {
        RankBy::LogLikelihood | RankBy::DocLogLikelihood => 0,
        RankBy::LogOddsZ => 1,
        RankBy::LogRatio | RankBy::SimpleMaths => 2,
    }
}

/// The measure of the bars, as a subtitle names it.
fn short_measure(rank: RankBy) -> &'static str {
    match rank {
        RankBy::LogLikelihood => "log-likelihood (G2)",
        RankBy::LogOddsZ => "log-odds z-score",
        RankBy::LogRatio => "log ratio",
        RankBy::SimpleMaths => "log2 of the simple maths score",
        RankBy::DocLogLikelihood => "log-likelihood on speech counts",
    }
}

/// "party Democratic", "speech 2002-Bush-1", "the corpus", "iso3=UKR,year>=2022".
fn target_name(target: &Target) -> String {
    match target.group_by.as_str() {
        "corpus" => "the corpus".into(),
        "doc_id" => format!("speech {}", target.name),
        TARGET_GROUPING => target.name.clone(),
        column => format!("{} {}", column, target.name),
    }
}

/// "Democratic", "2002-Bush-1", "the corpus".
fn short_name(target: &Target) -> &str {
    match target.group_by.as_str() {
        "corpus" => "the corpus",
        _ => &target.name,
    }
}

fn grouping_name(group_by: &str) -> String {
    match group_by {
        "doc_id" => "speech".into(),
        "" => "target".into(),
        // Joined columns (`iso3,year`): "each iso3 and year".
        column => column.replace(',', " and "),
    }
}

/// What a target was compared with, as a sentence names it: "the rest of the corpus", a
/// group, a corpus.
pub(crate) fn reference_name(target: &Target) -> String {
    match target.reference.as_str() {
        REST_OF_CORPUS => "the rest of the corpus".into(),
        name => name.into(),
    }
}

/// "1,234 words in 3 speeches" or "1,234 words".
fn words_of(tokens: u64, documents: usize) -> String {
    let words = format_number(tokens as f64, 0);
    if documents > 1 {
        format!("{words} words in {}", super::speeches(documents))
    } else {
        words
    }
}

/// Significant digits of the rates beside a target's bars.
const RATE_DIGITS: usize = 2;

/// "12 vs 1.2" (rates per 10,000 words, [`RATE_DIGITS`] significant digits, so a rate of
/// 0.04 is not written 0) and, for a target of several speeches, "in 8 of 10".
fn annotation(key: &Key, target: &Target) -> String {
    let rates = format!(
        "{} vs {}",
        format_significant(per_10k(key.a, key.c), RATE_DIGITS),
        format_significant(per_10k(key.b, key.d), RATE_DIGITS)
    );
    if target.documents > 1 && key.a > 0 {
        format!("{rates} · in {} of {}", key.range, target.documents)
    } else {
        rates
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::compare::key_list::KeyList;

    /// A key of term `term`: `a` of `c` tokens in the target, `b` of `d` in the reference.
    fn key(term: TermId, (a, c): (u64, u64), (b, d): (u64, u64), g2: f64) -> Key {
        Key {
            term,
            a,
            b,
            c,
            d,
            log_likelihood: g2,
            range: 1,
            range_reference: 1,
            documents: 1,
            reference_documents: 1,
        }
    }

    fn target(name: &str, tokens: u64, keys: Vec<Key>) -> Target {
        Target {
            group_by: "iso3".into(),
            name: name.into(),
            reference: "rest of corpus".into(),
            tokens,
            reference_tokens: 1_000_000,
            documents: 1,
            tested: 100,
            keys: KeyList::Held(keys),
            rank_by: Default::default(),
            measures: Default::default(),
        }
    }

    const TERMS: [&str; 4] = ["peace", "war", "treaty", "island"];

    fn term(t: TermId) -> &'static str {
        TERMS[t as usize]
    }

    /// Rates are written with two significant digits: a rate of 0.04 per 10,000 words is
    /// not written as 0, and a large one keeps its integer part.
    #[test]
    fn rates_beside_the_bars_keep_two_significant_digits() {
        let keys = vec![
            key(0, (130, 10_000), (4, 1_000_000), 900.0),
            key(1, (1, 10_000), (1_234, 1_000_000), -12.0),
            key(2, (0, 10_000), (31, 100_000), -2.0),
        ];
        let chart = figure(&target("FJI", 10_000, keys), term);
        let annotations: Vec<&str> = chart.bars.iter().map(|b| b.annotation.as_str()).collect();
        assert_eq!(annotations, ["130 vs 0.04", "1 vs 12", "0 vs 3.1"]);
        assert!(chart
            .note
            .contains("rate per 10,000 words here vs in the reference"));
    }

    /// Every panel on its own scale, said in the subtitle and under the axes; the number
    /// beside a bar is its G2 (the bar's length), not the term's count.
    #[test]
    fn overview_panels_have_their_own_scale_and_write_each_bar_s_g2() {
        let large = target(
            "USA",
            500_000,
            vec![
                key(0, (900, 500_000), (10, 1_000_000), 12_345.4),
                key(1, (50, 500_000), (3, 1_000_000), 800.0),
            ],
        );
        let small = target(
            "FJI",
            2_000,
            vec![
                key(3, (40, 2_000), (20, 1_000_000), 310.6),
                key(2, (5, 2_000), (1, 1_000_000), -4.0),
            ],
        );
        let chart = overview(&[&large, &small], term);
        assert!(!chart.shared_scale);
        assert!(chart.subtitle.contains("each panel on its own scale"));
        assert!(chart
            .subtitle
            .contains("bars and numbers: log-likelihood (G2)"));
        assert_eq!(
            chart.value_label,
            "log-likelihood (G2), each panel on its own scale"
        );
        let panels: Vec<(&str, Vec<(&str, &str)>)> = chart
            .panels
            .iter()
            .map(|p| {
                let bars = p
                    .bars
                    .iter()
                    .map(|b| (b.label.as_str(), b.annotation.as_str()));
                (p.title.as_str(), bars.collect())
            })
            .collect();
        assert_eq!(
            panels,
            [
                ("USA", vec![("peace", "12,345"), ("war", "800")]),
                ("FJI", vec![("island", "311")]),
            ]
        );
        assert_eq!(chart.title, "Key terms of each iso3");
    }
}
