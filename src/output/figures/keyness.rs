//! `keyness_<target>.png` and `keyness_overview.png`: the key terms of one target as
//! two-sided bars (over-used to the right, under-used to the left), and the top over-used
//! terms of many targets as small multiples on one page. Bars not significant after
//! Bonferroni are drawn lighter; the statistic is signed G2 (log-likelihood).

use crate::output::charts::theme::format_number;
use crate::output::charts::{diverging_bars, small_multiples};
use crate::output::charts::{Bar, DivergingBar, DivergingBars, Panel, SmallMultiples};
use crate::stats::compare::keyness::{is_significant, Key, Target};
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
        value: key.log_likelihood,
        annotation: annotation(key, target),
        faded: !is_significant(key, target.tested),
    };
    let over = target.keys.iter().filter(|k| k.log_likelihood > 0.0);
    let under = target.keys.iter().filter(|k| k.log_likelihood < 0.0);
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
        value_label: "log-likelihood (G2), signed".into(),
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
/// each of the [`MAX_PANELS`] largest, in their order.
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
                    .iter()
                    .filter(|k| k.log_likelihood > 0.0)
                    .take(BARS_PER_PANEL)
                    .map(|k| Bar {
                        label: label(k.term).to_owned(),
                        value: k.log_likelihood,
                        annotation: format_number(k.a as f64, 0),
                    })
                    .collect(),
            }
        })
        .collect();
    let (grouping, reference) = targets.first().map_or(("", String::new()), |t| {
        (t.group_by.as_str(), reference_name(t))
    });
    let shown = if largest.len() < targets.len() {
        format!(
            "the {} largest of {} targets",
            largest.len(),
            format_number(targets.len() as f64, 0)
        )
    } else {
        format!("{} targets", largest.len())
    };
    SmallMultiples {
        title: format!("Key terms of each {}", grouping_name(grouping)),
        subtitle: format!(
            "The {BARS_PER_PANEL} most over-used terms of each against {reference}, by log-likelihood (G2), with their count; {shown}"
        ),
        value_label: "log-likelihood (G2)".into(),
        panels,
    }
}

/// "party Democratic", "speech 2002-Bush-1", "the corpus".
fn target_name(target: &Target) -> String {
    match target.group_by.as_str() {
        "corpus" => "the corpus".into(),
        "doc_id" => format!("speech {}", target.name),
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
        column => column.into(),
    }
}

fn reference_name(target: &Target) -> String {
    match target.reference.as_str() {
        "rest of corpus" => "the rest of the corpus".into(),
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

/// "12.3 vs 1.2 per 10k" and, for a target of several speeches, "in 8 of 10 speeches".
fn annotation(key: &Key, target: &Target) -> String {
    let rates = format!(
        "{} vs {}",
        format_number(per_10k(key.a, key.c), 1),
        format_number(per_10k(key.b, key.d), 1)
    );
    if target.documents > 1 && key.a > 0 {
        format!("{rates} · in {} of {}", key.range, target.documents)
    } else {
        rates
    }
}
