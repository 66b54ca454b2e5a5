//! The points of a Fightin' Words funnel plot (Monroe, Colaresi & Quinn 2008, their figures
//! 1-5): every term tested for one target, with its count in target and reference together
//! and its log-odds z-score. Only the targets drawn get one, since it holds every term.

use super::keyness::{Key, Reference};
use super::measures::MeasureOptions;
use crate::text::TermId;

/// One term of a funnel plot.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct FunnelPoint {
    pub term: TermId,
    /// Its count in the target and the reference together (the x axis).
    pub total: u64,
    pub log_odds: f64,
    /// The y axis.
    pub z: f64,
}

/// The funnel plot's data of one target: its name as in `keyness.csv`, and every term with
/// a + b >= `min_count` (and at least 1).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Funnel {
    pub group_by: String,
    pub name: String,
    pub points: Vec<FunnelPoint>,
}

/// Every term of a target (its `(term, count)` pairs sorted by term, `c` tokens) and of its
/// reference, with its z-score under `measures`.
pub(crate) fn points(
    target: &[(TermId, u64)],
    c: u64,
    reference: &Reference<'_>,
    measures: &MeasureOptions,
    min_count: u64,
) -> Vec<FunnelPoint> {
    let d = reference.tokens(c);
    if c == 0 || d == 0 {
        return Vec::new();
    }
    let mut in_target = target.iter().peekable();
    let mut points: Vec<FunnelPoint> = (0..reference.len() as TermId)
        .filter_map(|term| {
            let a = match in_target.peek() {
                Some(&&(t, n)) if t == term => {
                    in_target.next();
                    n
                }
                _ => 0,
            };
            let b = reference.count(term, a);
            if a + b < min_count.max(1) {
                return None;
            }
            let (log_odds, z) = Key::new(term, a, b, c, d).log_odds(measures);
            Some(FunnelPoint {
                term,
                total: a + b,
                log_odds,
                z,
            })
        })
        .collect();
    // A chart's points are kept until it is drawn, those of every chart at once.
    points.shrink_to_fit();
    points
}

#[cfg(test)]
mod tests {
    use super::*;

    /// STATISTICS.md's check F1 as a target against the rest of a corpus: the points are
    /// the table's z-scores, and a term under min_count has none.
    #[test]
    fn every_term_gets_its_z_and_total() {
        // Terms a, b, c, d: 3, 1, 1, 0 in the target (5 tokens), 1, 4, 2, 1 in the rest.
        let total = [4u64, 5, 3, 1];
        let doc_freq = [0u32; 4];
        let reference = Reference::Rest {
            total: &total,
            tokens: 13,
            doc_freq: &doc_freq,
            documents: 2,
        };
        let target = [(0, 3), (1, 1), (2, 1)];
        let measures = MeasureOptions::default();
        let points = points(&target, 5, &reference, &measures, 1);
        let of = |t: TermId| points.iter().find(|p| p.term == t).unwrap();
        assert_eq!(points.len(), 4);
        assert_eq!(of(0).total, 4);
        assert!((of(0).z - 1.214547).abs() < 5e-7);
        assert!((of(1).z + 0.769316).abs() < 5e-7);
        assert!((of(3).z + 0.475137).abs() < 5e-7);
        let frequent = super::points(&target, 5, &reference, &measures, 4);
        let terms: Vec<TermId> = frequent.iter().map(|p| p.term).collect();
        assert_eq!(terms, [0, 1]);
    }
}
