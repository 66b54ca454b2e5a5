//! `similarity_heatmap.png`: the cosine similarity of speeches (or groups) as a square
//! heatmap, ordered by average-linkage clustering on 1 - cosine so that similar units sit
//! together, with the dendrogram beside it.

use crate::output::charts::{clustered_heatmap, ClusteredHeatmap, Merge};
use crate::stats::compare::clustering::{average_linkage, in_display_order};

/// Units shown at most.
pub(crate) const MAX_UNITS: usize = clustered_heatmap::MAX_LABELS;

/// The heatmap of some units, with the `cosine` of every pair of them (as
/// [`crate::stats::compare::similarity::cosine_matrix`] gives it) and their `labels`; `what`
/// names them for the title ("speeches", "party groups"), `detail` says how they were chosen.
pub(crate) fn figure(
    cosine: &[Vec<f64>],
    labels: &[String],
    what: &str,
    detail: &str,
) -> ClusteredHeatmap {
    let n = labels.len();
    let (links, order) = average_linkage(n, |i, j| 1.0 - cosine[i][j]);
    let merges = in_display_order(&links, &order)
        .into_iter()
        .map(|link| Merge {
            a: link.a,
            b: link.b,
            height: link.height,
        })
        .collect();
    ClusteredHeatmap {
        title: format!("Which {what} resemble each other"),
        subtitle: format!(
            "Cosine similarity of tf-idf vectors, ordered by average-linkage clustering on 1 - cosine; {detail}"
        ),
        labels: order.iter().map(|&i| labels[i].clone()).collect(),
        values: order
            .iter()
            .map(|&i| order.iter().map(|&j| cosine[i][j]).collect())
            .collect(),
        merges,
        value_label: "cosine similarity of tf-idf vectors".into(),
        distance_label: "1 - cosine (average linkage)".into(),
    }
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
        let chart = figure(&cosine, &labels, "speeches", "4 speeches");
        let position = |l: &str| chart.labels.iter().position(|x| x == l).unwrap();
        assert_eq!(position("w1").abs_diff(position("w2")), 1);
        assert_eq!(position("p1").abs_diff(position("p2")), 1);
        for (i, row) in chart.values.iter().enumerate() {
            assert!((row[i] - 1.0).abs() < 1e-12);
        }
        assert_eq!(chart.merges.len(), 3);
        assert_eq!(largest(&[5, 1, 9, 3], 2), [0, 2]);
    }
}
