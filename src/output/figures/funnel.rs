//! `log_odds_<target>.png`: the Fightin' Words funnel plot of one target, every term a dot at
//! its count in target and reference together (x, logarithmic) and its log-odds z-score (y);
//! beyond ±1.96 coloured by side, the [`LABELS_PER_SIDE`] strongest of each side named.

use crate::output::charts::funnel::{FunnelChart, FunnelDot};
use crate::output::charts::theme::format_number;
use crate::stats::compare::funnel::Funnel;
use crate::stats::compare::keyness::Target;
use crate::stats::compare::measures::PriorSource;
use crate::stats::compare::targets::{TARGET_GROUPING, WHOLE_CORPUS};
use crate::text::TermId;

use super::keyness::reference_name;

/// The z-score beyond which a term is coloured: p < 0.05, two-sided, for one term.
pub(crate) const THRESHOLD: f64 = 1.96;
/// Terms named on each side at most (fewer when their labels find no room).
pub(crate) const LABELS_PER_SIDE: usize = 15;

/// The chart of `funnel`, the target `target`'s; `label` names a term.
pub(crate) fn figure<'l>(
    funnel: &Funnel,
    target: &Target,
    label: impl Fn(TermId) -> &'l str,
) -> FunnelChart {
    let strongest = |above: bool| -> Vec<usize> {
        let mut side: Vec<usize> = (0..funnel.points.len())
            .filter(|&i| {
                let z = funnel.points[i].z;
                if above {
                    z > THRESHOLD
                } else {
                    z < -THRESHOLD
                }
            })
            .collect();
        side.sort_by(|&i, &j| {
            let (a, b) = (&funnel.points[i], &funnel.points[j]);
            b.z.abs()
                .total_cmp(&a.z.abs())
                .then_with(|| label(a.term).cmp(label(b.term)))
        });
        side.truncate(LABELS_PER_SIDE);
        side
    };
    let (above, below) = (strongest(true), strongest(false));
    // Labels are placed strongest first, the two sides in turn.
    let mut order: Vec<usize> = Vec::with_capacity(above.len() + below.len());
    for k in 0..above.len().max(below.len()) {
        order.extend(above.get(k));
        order.extend(below.get(k));
    }
    let mut labelled = vec![false; funnel.points.len()];
    for &i in &order {
        labelled[i] = true;
    }
    let dot = |i: usize, named: bool| {
        let point = &funnel.points[i];
        FunnelDot {
            x: point.total as f64,
            y: point.z,
            label: if named {
                label(point.term).to_owned()
            } else {
                String::new()
            },
        }
    };
    let dots = order
        .iter()
        .map(|&i| dot(i, true))
        .chain(
            (0..funnel.points.len())
                .filter(|&i| !labelled[i])
                .map(|i| dot(i, false)),
        )
        .collect();
    let name = target_name(target);
    let reference = reference_name(target);
    let prior = match target.measures.prior {
        PriorSource::Pooled => "target and reference together",
        PriorSource::Reference => "the reference corpus",
    };
    let beyond = |above: bool| {
        funnel
            .points
            .iter()
            .filter(|p| {
                if above {
                    p.z > THRESHOLD
                } else {
                    p.z < -THRESHOLD
                }
            })
            .count() as f64
    };
    FunnelChart {
        title: format!("Fightin' Words: {name} against {reference}"),
        subtitle: format!(
            "Log-odds z-score of {} terms (Monroe, Colaresi & Quinn 2008), prior: {prior} × {}",
            format_number(funnel.points.len() as f64, 0),
            format_number(
                target.measures.prior_scale,
                decimals(target.measures.prior_scale)
            )
        ),
        x_label: "occurrences in target and reference together (log scale)".into(),
        y_label: "log-odds z-score".into(),
        threshold: THRESHOLD,
        above: format!(
            "z > 1.96: more frequent in {} ({})",
            short_name(target),
            format_number(beyond(true), 0)
        ),
        below: format!(
            "z < −1.96: more frequent in {} ({})",
            reference,
            format_number(beyond(false), 0)
        ),
        dots,
    }
}

/// Decimals of the prior scale in the subtitle: 1, 0.1, 0.01.
fn decimals(x: f64) -> usize {
    if x >= 1.0 || x <= 0.0 {
        0
    } else {
        ((-x.log10()).ceil() as usize).min(6)
    }
}

/// "party Democratic", "speech 2002-Bush-1", "the corpus", "iso3=UKR,year>=2022".
fn target_name(target: &Target) -> String {
    match target.group_by.as_str() {
        WHOLE_CORPUS => "the corpus".into(),
        "doc_id" => format!("speech {}", target.name),
        TARGET_GROUPING => target.name.clone(),
        column => format!("{} {}", column, target.name),
    }
}

fn short_name(target: &Target) -> &str {
    match target.group_by.as_str() {
        WHOLE_CORPUS => "the corpus",
        _ => &target.name,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::compare::funnel::FunnelPoint;
    use crate::stats::compare::key_list::KeyList;

    const TERMS: [&str; 5] = ["tax", "war", "jobs", "peace", "the"];

    #[test]
    fn the_strongest_of_each_side_are_named_first_in_turn() {
        let point = |term: TermId, z: f64| FunnelPoint {
            term,
            total: 10 + u64::from(term),
            log_odds: z / 10.0,
            z,
        };
        let funnel = Funnel {
            group_by: "party".into(),
            name: "Democratic".into(),
            points: vec![
                point(0, 5.0),
                point(1, -8.0),
                point(2, 2.5),
                point(3, -1.0),
                point(4, 0.5),
            ],
        };
        let target = Target {
            group_by: "party".into(),
            name: "Democratic".into(),
            reference: "Republican".into(),
            tokens: 100,
            reference_tokens: 100,
            documents: 2,
            tested: 5,
            keys: KeyList::Held(Vec::new()),
            rank_by: Default::default(),
            measures: Default::default(),
        };
        let chart = figure(&funnel, &target, |t| TERMS[t as usize]);
        let labels: Vec<&str> = chart.dots.iter().map(|d| d.label.as_str()).collect();
        assert_eq!(labels, ["tax", "war", "jobs", "", ""]);
        assert_eq!(chart.dots.len(), 5);
        assert_eq!(
            chart.title,
            "Fightin' Words: party Democratic against Republican"
        );
        assert!(chart.above.ends_with("(2)"), "{}", chart.above);
        assert!(chart.below.contains("Republican (1)"), "{}", chart.below);
    }
}
