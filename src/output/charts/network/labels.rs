//! Where the labels go: greedy placement of one box per disc, from the largest disc down,
//! trying positions around the disc, then smaller sizes, then shorter text.

use std::f64::consts::FRAC_1_SQRT_2;

use super::geometry::{Point, Rect};
use super::layout::{Link, COMPONENT_LABEL_GAP};
use crate::output::charts::theme;

/// Label sizes tried in turn when a label does not fit.
const LABEL_SIZES: [f64; 3] = [theme::LABEL_SIZE, 18.0, 15.0];
/// White space around a label's text inside its box.
pub(super) const LABEL_PAD: f64 = 3.0;
/// Space between a disc and its label's box.
const LABEL_GAP: f64 = 2.0;
/// A label is ambiguous when another disc is less than this much farther from it than its own.
const AMBIGUITY_MARGIN: f64 = 10.0;
/// The cost of an ambiguous label position, in line crossings.
const AMBIGUITY_PENALTY: f64 = 3.0;
/// The cost of moving a label one ring farther from its disc, in line crossings.
const RING_PENALTY: f64 = 2.0;
/// Rings of candidate positions, each farther from the disc.
const LABEL_RINGS: usize = 3;

/// How text is measured and shortened, in pixels: `width` of a text at a font size, and
/// `shorten` a text at a font size to a width, with an ellipsis.
pub(super) struct Measure<'a> {
    pub(super) width: &'a dyn Fn(&str, f64) -> f64,
    pub(super) shorten: &'a dyn Fn(&str, f64, f64) -> String,
}

/// A label as placed: the text drawn (perhaps shortened), its font size, and its box (the
/// text plus [`LABEL_PAD`]) in pixels.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct PlacedLabel {
    pub(super) text: String,
    pub(super) size: f64,
    pub(super) rect: Rect,
}

impl PlacedLabel {
    /// Where to anchor the text (left, vertical centre) so that its ink sits in the middle
    /// of the box: plotters puts the ink of a centred line about 0.2 em above the anchor.
    pub(super) fn anchor(&self) -> Point {
        Point {
            x: self.rect.left + LABEL_PAD,
            y: self.rect.center().y + 0.2 * self.size,
        }
    }
}

/// Label boxes, one per node, placed greedily from the largest disc down (ties by index).
/// A box never intersects another box or any disc and lies inside `bounds`; a box on the same
/// line as a label of another component (`component[i]` names node i's) keeps at least
/// [`COMPONENT_LABEL_GAP`] from it, unless no position, size or cut of the label can. Among
/// the free positions the cheapest wins: one per line crossing the box, plus the position's penalty
/// (a label at the side of its disc reads best), plus [`RING_PENALTY`] per ring out, plus
/// [`AMBIGUITY_PENALTY`] when another disc is about as close as its own; ties go to the
/// earlier candidate.
pub(super) fn place_labels(
    texts: &[&str],
    centers: &[Point],
    radii: &[f64],
    links: &[Link],
    component: &[usize],
    bounds: &Rect,
    measure: &Measure<'_>,
) -> Vec<Option<PlacedLabel>> {
    let width = measure.width;
    let n = texts.len();
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| radii[b].total_cmp(&radii[a]).then(a.cmp(&b)));
    let mut labels: Vec<Option<PlacedLabel>> = vec![None; n];
    // Each placed box with its node's component.
    let mut placed: Vec<(Rect, usize)> = Vec::with_capacity(n);
    let free = |rect: &Rect, own: usize, placed: &[(Rect, usize)], apart: bool| {
        let wide = Rect {
            left: rect.left - COMPONENT_LABEL_GAP,
            right: rect.right + COMPONENT_LABEL_GAP,
            ..*rect
        };
        bounds.contains(rect)
            && placed.iter().all(|(p, c)| {
                let other = apart && *c != component[own];
                !p.intersects(if other { &wide } else { rect })
            })
            && centers
                .iter()
                .zip(radii)
                .all(|(&c, &r)| !rect.intersects_disc(c, r))
    };
    let ambiguous =
        |rect: &Rect, own: usize| {
            let own_gap = rect.gap_to_disc(centers[own], radii[own]);
            centers.iter().zip(radii).enumerate().any(|(j, (&c, &r))| {
                j != own && rect.gap_to_disc(c, r) < own_gap + AMBIGUITY_MARGIN
            })
        };
    let crossings = |rect: &Rect| {
        links
            .iter()
            .filter(|l| rect.crosses_segment(centers[l.a], centers[l.b]))
            .count()
    };
    for i in order {
        let tries = attempts(texts[i], bounds, measure);
        // Apart from other components' labels if at all possible, else anywhere free.
        'placing: for apart in [true, false] {
            for (text, size) in &tries {
                let w = width(text, *size) + 2.0 * LABEL_PAD;
                let h = size + 2.0 * LABEL_PAD;
                let best = candidates(centers[i], radii[i], w, h)
                    .into_iter()
                    .filter(|c| free(&c.rect, i, &placed, apart))
                    .map(|c| {
                        let mut cost =
                            crossings(&c.rect) as f64 + c.penalty + RING_PENALTY * c.ring as f64;
                        if ambiguous(&c.rect, i) {
                            cost += AMBIGUITY_PENALTY;
                        }
                        (cost, c.rect)
                    })
                    .min_by(|x, y| x.0.total_cmp(&y.0));
                if let Some((_, rect)) = best {
                    placed.push((rect, component[i]));
                    labels[i] = Some(PlacedLabel {
                        text: text.clone(),
                        size: *size,
                        rect,
                    });
                    break 'placing;
                }
            }
        }
    }
    labels
}

/// Pairs of nodes `(i, j)`, `i < j`, of different components (`component[i]` names node
/// i's) whose labels share a line of text less than [`COMPONENT_LABEL_GAP`] apart, so that
/// they may read as one phrase.
pub(super) fn close_strangers(
    labels: &[Option<PlacedLabel>],
    component: &[usize],
) -> Vec<(usize, usize)> {
    let mut close = Vec::new();
    for (i, a) in labels.iter().enumerate() {
        for (j, b) in labels.iter().enumerate().skip(i + 1) {
            let (Some(a), Some(b)) = (a, b) else { continue };
            let same_line = a.rect.top < b.rect.bottom && b.rect.top < a.rect.bottom;
            let gap = (b.rect.left - a.rect.right).max(a.rect.left - b.rect.right);
            if component[i] != component[j] && same_line && gap < COMPONENT_LABEL_GAP - 1e-9 {
                close.push((i, j));
            }
        }
    }
    close
}

/// The texts and sizes to try for a label, best first: the whole label in each size, then
/// shorter and shorter cuts in the smallest size.
fn attempts(text: &str, bounds: &Rect, measure: &Measure<'_>) -> Vec<(String, f64)> {
    let (width, shorten) = (measure.width, measure.shorten);
    let room = bounds.width() - 2.0 * LABEL_PAD;
    let mut tries: Vec<(String, f64)> = LABEL_SIZES
        .iter()
        .map(|&size| (shorten(text, size, room), size))
        .collect();
    let smallest = LABEL_SIZES[LABEL_SIZES.len() - 1];
    let full = width(text, smallest).min(room);
    for share in [0.75, 0.5, 0.3] {
        let cut = shorten(text, smallest, (full * share).floor());
        if tries.last().is_none_or(|(last, _)| *last != cut) {
            tries.push((cut, smallest));
        }
    }
    tries
}

/// A position tried for a label.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Candidate {
    /// 0 next to the disc, then farther out.
    ring: usize,
    /// How much worse than the right of the disc the position reads, in line crossings.
    penalty: f64,
    rect: Rect,
}

/// Boxes of `w` by `h` around a disc, in rings farther and farther out; in each ring right,
/// left, above, below, then the diagonals.
fn candidates(c: Point, r: f64, w: f64, h: f64) -> Vec<Candidate> {
    let mut boxes = Vec::with_capacity(8 * LABEL_RINGS);
    for ring in 0..LABEL_RINGS {
        let g = r + LABEL_GAP + ring as f64 * 0.6 * h;
        let d = g * FRAC_1_SQRT_2;
        for (left, top, penalty) in [
            (c.x + g, c.y - h / 2.0, 0.0),
            (c.x - g - w, c.y - h / 2.0, 0.2),
            (c.x - w / 2.0, c.y - g - h, 0.5),
            (c.x - w / 2.0, c.y + g, 0.5),
            (c.x + d, c.y - d - h, 1.2),
            (c.x + d, c.y + d, 1.2),
            (c.x - d - w, c.y - d - h, 1.3),
            (c.x - d - w, c.y + d, 1.3),
        ] {
            boxes.push(Candidate {
                ring,
                penalty,
                rect: Rect::at(left, top, w, h),
            });
        }
    }
    boxes
}
