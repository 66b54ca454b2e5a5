//! Average-linkage hierarchical clustering (UPGMA) of a few units from their pairwise
//! distances, to order a similarity heatmap so that similar units sit together.
//!
//! The distance of two clusters is the mean distance of their members' pairs; at each step
//! the two closest clusters merge (ties: the pair of lowest cluster numbers). Links follow
//! scipy's convention: leaves are 0..n-1, the link made at step i is cluster n + i. The display
//! order lists the leaves as the dendrogram reads top to bottom, the earlier-numbered side of
//! each merge first. Quadratic memory and cubic time: meant for the 60 or so rows of a chart.

/// One link of the dendrogram: clusters `a` and `b` joined at `height`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Link {
    pub a: usize,
    pub b: usize,
    pub height: f64,
}

/// The dendrogram of `n` units with distances `distance(i, j)` (symmetric, non-negative; NaN
/// counts as 1). Returns the merges and the leaves in display order.
pub(crate) fn average_linkage(
    n: usize,
    distance: impl Fn(usize, usize) -> f64,
) -> (Vec<Link>, Vec<usize>) {
    if n == 0 {
        return (Vec::new(), Vec::new());
    }
    let clean = |d: f64| if d.is_nan() { 1.0 } else { d.max(0.0) };
    // Active clusters: (cluster number, size); distances between active ones by position.
    let mut active: Vec<(usize, usize)> = (0..n).map(|i| (i, 1)).collect();
    let mut between: Vec<Vec<f64>> = (0..n)
        .map(|i| (0..n).map(|j| clean(distance(i, j))).collect())
        .collect();
    let mut merges = Vec::with_capacity(n - 1);
    while active.len() > 1 {
        let mut best = (f64::INFINITY, 0, 1);
        for i in 0..active.len() {
            for j in i + 1..active.len() {
                let d = between[i][j];
                let key = (active[i].0.min(active[j].0), active[i].0.max(active[j].0));
                let best_key = (
                    active[best.1].0.min(active[best.2].0),
                    active[best.1].0.max(active[best.2].0),
                );
                if d < best.0 || (d == best.0 && key < best_key) {
                    best = (d, i, j);
                }
            }
        }
        let (height, i, j) = best;
        let (ci, ni) = active[i];
        let (cj, nj) = active[j];
        let merged = n + merges.len();
        merges.push(Link {
            a: ci.min(cj),
            b: ci.max(cj),
            height,
        });
        // Lance-Williams for average linkage: the new cluster takes position i.
        let joined: Vec<f64> = between[i]
            .iter()
            .zip(&between[j])
            .map(|(&to_i, &to_j)| (ni as f64 * to_i + nj as f64 * to_j) / (ni + nj) as f64)
            .collect();
        for (k, d) in joined.into_iter().enumerate() {
            between[i][k] = d;
            between[k][i] = d;
        }
        between[i][i] = 0.0;
        active[i] = (merged, ni + nj);
        active.remove(j);
        between.remove(j);
        for row in &mut between {
            row.remove(j);
        }
    }
    let order = leaf_order(n, &merges);
    (merges, order)
}

/// The leaves under the last merge, the `a` side of each merge first.
fn leaf_order(n: usize, merges: &[Link]) -> Vec<usize> {
    let mut order = Vec::with_capacity(n);
    let mut stack = vec![merges.last().map_or(0, |_| n + merges.len() - 1)];
    while let Some(cluster) = stack.pop() {
        if cluster < n {
            order.push(cluster);
        } else {
            let merge = merges[cluster - n];
            stack.push(merge.b);
            stack.push(merge.a);
        }
    }
    order
}

/// The merges with every leaf renumbered by its place in `order`, so leaf i is display row i.
pub(crate) fn in_display_order(merges: &[Link], order: &[usize]) -> Vec<Link> {
    let n = order.len();
    let mut place = vec![0usize; n];
    for (row, &leaf) in order.iter().enumerate() {
        place[leaf] = row;
    }
    let renumber = |c: usize| if c < n { place[c] } else { c };
    merges
        .iter()
        .map(|m| Link {
            a: renumber(m.a),
            b: renumber(m.b),
            height: m.height,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn close_points_merge_first_at_their_average_distance() {
        // Points on a line: 0, 1, 10, 12.
        let x = [0.0f64, 10.0, 1.0, 12.0];
        let (merges, order) = average_linkage(4, |i, j| (x[i] - x[j]).abs());
        assert_eq!(
            merges[0],
            Link {
                a: 0,
                b: 2,
                height: 1.0
            }
        );
        assert_eq!(
            merges[1],
            Link {
                a: 1,
                b: 3,
                height: 2.0
            }
        );
        // {0, 1} against {10, 12}: the mean of 10, 12, 9, 11.
        assert_eq!(
            merges[2],
            Link {
                a: 4,
                b: 5,
                height: 10.5
            }
        );
        assert_eq!(order, [0, 2, 1, 3]);
        let shown = in_display_order(&merges, &order);
        assert_eq!((shown[0].a, shown[0].b), (0, 1));
        assert_eq!((shown[1].a, shown[1].b), (2, 3));
    }

    #[test]
    fn one_unit_or_none_has_no_merges() {
        assert_eq!(average_linkage(1, |_, _| 0.0), (Vec::new(), vec![0]));
        assert_eq!(average_linkage(0, |_, _| 0.0), (Vec::new(), Vec::new()));
    }

    #[test]
    fn ties_merge_the_lowest_numbered_pair() {
        let (merges, _) = average_linkage(3, |i, j| if i == j { 0.0 } else { 1.0 });
        assert_eq!((merges[0].a, merges[0].b), (0, 1));
        assert_eq!((merges[1].a, merges[1].b), (2, 3));
    }
}
