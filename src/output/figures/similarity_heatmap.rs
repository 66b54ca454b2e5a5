//! `similarity_heatmap.png`: the cosine similarity of speeches (or groups) as a square
//! heatmap, ordered by average-linkage clustering on 1 - cosine so that similar units sit
//! together, with the dendrogram beside it.
//!
//! The colours span the off-diagonal cells shown, from the lowest cosine to the highest (the
//! diagonal, always 1, is grey and left out): most cosines of tf-idf vectors of speeches
//! are below 0.3, and on a scale from 0 to 1 the map would be one dark colour. With fewer than
//! two different off-diagonal values the scale is 0 to 1. The colour scale says which.

use crate::output::charts::{clustered_heatmap, ClusteredHeatmap, Merge};
use crate::stats::compare::clustering::{average_linkage, in_display_order};
use crate::stats::compare::style::SimilarityMeasure;

/// Units shown at most.
pub(crate) const MAX_UNITS: usize = clustered_heatmap::MAX_LABELS;

/// The heatmap of some units, with the `values` of every pair of them under `measure`
/// (cosines as [`crate::stats::compare::similarity::cosine_matrix`] gives them, or Deltas
/// as [`crate::stats::compare::style::delta_matrix`] does) and their `labels`; `what` names
/// them for the title ("speeches", "party groups"), `detail` says how they were chosen.
/// Clustered on 1 − cosine, or on Delta itself (already a distance); a Delta's colours run
/// the other way, so that alike pairs are bright under either measure.
pub(crate) fn figure(
    values: &[Vec<f64>],
    measure: SimilarityMeasure,
    labels: &[String],
    what: &str,
    detail: &str,
) -> ClusteredHeatmap {
    let n = labels.len();
    let style = measure == SimilarityMeasure::Style;
    let (links, order) = match style {
        true => average_linkage(n, |i, j| values[i][j]),
        false => average_linkage(n, |i, j| 1.0 - values[i][j]),
    };
    let (scale, scale_note) = match off_diagonal_range(values) {
        Some(range) => (range, "Colours span the off-diagonal range".to_owned()),
        None => ((0.0, 1.0), "Colours span 0 to 1".to_owned()),
    };
    let merges = in_display_order(&links, &order)
        .into_iter()
        .map(|link| Merge {
            a: link.a,
            b: link.b,
            height: link.height,
        })
        .collect();
    let (title, subtitle, value_label, distance_label) = match style {
        true => (
            format!("Which {what} write alike: Burrows' Delta"),
            format!(
                "Burrows' Delta on the most frequent words (lower is more alike), ordered by average-linkage clustering on Delta; {detail}"
            ),
            "Burrows' Delta (lower: more alike in style)",
            "Delta (average linkage)",
        ),
        false => (
            format!("Which {what} resemble each other"),
            format!(
                "Cosine similarity of tf-idf vectors, ordered by average-linkage clustering on 1 - cosine; {detail}"
            ),
            "cosine similarity of tf-idf vectors",
            "1 - cosine (average linkage)",
        ),
    };
    ClusteredHeatmap {
        title,
        subtitle,
        labels: order.iter().map(|&i| labels[i].clone()).collect(),
        values: order
            .iter()
            .map(|&i| order.iter().map(|&j| values[i][j]).collect())
            .collect(),
        scale,
        scale_note,
        merges,
        value_label: value_label.into(),
        distance_label: distance_label.into(),
        low_is_alike: style,
    }
}

/// The lowest and highest finite value off the diagonal of `matrix`; none unless they differ.
fn off_diagonal_range(matrix: &[Vec<f64>]) -> Option<(f64, f64)> {
    let (low, high) = matrix
        .iter()
        .enumerate()
        .flat_map(|(i, row)| row.iter().enumerate().filter(move |&(j, _)| j != i))
        .map(|(_, &v)| v)
        .filter(|v| v.is_finite())
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
            (lo.min(v), hi.max(v))
        });
    (low < high).then_some((low, high))
}

/// The `max` units with the most tokens, in their order; all of them when they fit.
pub(crate) fn largest(tokens: &[u64], max: usize) -> Vec<usize> {
    let mut by_size: Vec<usize> = (0..tokens.len()).collect();
    by_size.sort_by(|&a, &b| tokens[b].cmp(&tokens[a]).then(a.cmp(&b)));
    by_size.truncate(max);
    by_size.sort_unstable();
    by_size
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::compare::similarity::{cosine_matrix, speech_vectors};
    use crate::stats::counts::{count, tests::tokenized};

    #[test]
    fn similar_speeches_sit_together_and_the_matrix_follows_the_labels() {
        let corpus = tokenized(
            &[
                "war army tank war",
                "peace treaty peace",
                "war tank army army",
                "treaty peace accord",
            ],
            false,
            false,
        );
        let counts = count(&corpus);
        let vectors = speech_vectors(&counts);
        let labels: Vec<String> = ["w1", "p1", "w2", "p2"].map(String::from).to_vec();
        let cosine = cosine_matrix(&vectors, &[0, 1, 2, 3]);
        let chart = figure(
            &cosine,
            SimilarityMeasure::Topic,
            &labels,
            "speeches",
            "4 speeches",
        );
        let position = |l: &str| chart.labels.iter().position(|x| x == l).unwrap();
        assert_eq!(position("w1").abs_diff(position("w2")), 1);
        assert_eq!(position("p1").abs_diff(position("p2")), 1);
        for (i, row) in chart.values.iter().enumerate() {
            assert!((row[i] - 1.0).abs() < 1e-12);
        }
        assert_eq!(chart.merges.len(), 3);
        assert_eq!(largest(&[5, 1, 9, 3], 2), [0, 2]);
    }

    /// The colours span the off-diagonal cells shown, not 0 to 1 and not the diagonal's 1s;
    /// the colour scale's note says so.
    #[test]
    fn the_colours_span_the_off_diagonal_cosines_shown() {
        let corpus = tokenized(
            &[
                "war army tank war peace",
                "peace treaty peace war",
                "war tank army army",
                "treaty peace accord",
            ],
            false,
            false,
        );
        let counts = count(&corpus);
        let vectors = speech_vectors(&counts);
        let labels: Vec<String> = ["w1", "p1", "w2", "p2"].map(String::from).to_vec();
        let of_units = |units: &[usize]| {
            let cosine = cosine_matrix(&vectors, units);
            let labels: Vec<String> = units.iter().map(|&u| labels[u].clone()).collect();
            (cosine, labels)
        };
        let (cosine, four) = of_units(&[0, 1, 2, 3]);
        let chart = figure(
            &cosine,
            SimilarityMeasure::Topic,
            &four,
            "speeches",
            "4 speeches",
        );
        let off: Vec<f64> = (0..4)
            .flat_map(|i| (0..4).filter(move |&j| j != i).map(move |j| (i, j)))
            .map(|(i, j)| chart.values[i][j])
            .collect();
        let low = off.iter().copied().fold(f64::INFINITY, f64::min);
        let high = off.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        assert_eq!(chart.scale, (low, high));
        assert!(high < 1.0 && low < high);
        assert_eq!(chart.scale_note, "Colours span the off-diagonal range");
        // Three of the four: the range of those shown.
        let (cosine, labels3) = of_units(&[0, 1, 3]);
        let three = figure(
            &cosine,
            SimilarityMeasure::Topic,
            &labels3,
            "speeches",
            "3 speeches",
        );
        let mut shown: Vec<f64> = Vec::new();
        for (i, row) in three.values.iter().enumerate() {
            shown.extend(
                row.iter()
                    .enumerate()
                    .filter(|&(j, _)| j != i)
                    .map(|(_, v)| v),
            );
        }
        let low3 = shown.iter().copied().fold(f64::INFINITY, f64::min);
        let high3 = shown.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        assert_eq!(three.scale, (low3, high3));
        // Two units have one off-diagonal value: no range, the scale is 0 to 1.
        let (cosine, labels2) = of_units(&[0, 1]);
        let two = figure(
            &cosine,
            SimilarityMeasure::Topic,
            &labels2,
            "speeches",
            "2 speeches",
        );
        assert_eq!(two.scale, (0.0, 1.0));
        assert_eq!(two.scale_note, "Colours span 0 to 1");
        let (cosine, labels1) = of_units(&[0]);
        let one = figure(
            &cosine,
            SimilarityMeasure::Topic,
            &labels1,
            "speeches",
            "1 speech",
        );
        assert_eq!(one.scale, (0.0, 1.0));
    }
}
