//! Where the discs go: radii from frequencies, drawable links from edges, a force-directed
//! layout of each connected component, the components packed side by side and scaled to the
//! drawing area, and an overlap-removal pass.

use super::geometry::{Point, Rect};
use super::{Network, Node};
use crate::output::charts::theme;

/// Least horizontal space between the boxes of two labels of different components that
/// share a line of text, so that they do not read as one phrase ("district" beside "last
/// annual"): three em, some ten times the space between the words of a phrase.
pub(super) const COMPONENT_LABEL_GAP: f64 = 3.0 * theme::LABEL_SIZE;

const MIN_RADIUS: f64 = 6.0;
const MAX_RADIUS: f64 = 44.0;
/// Free space kept between two discs.
const NODE_GAP: f64 = 12.0;

/// Steps of the force-directed layout.
const ITERATIONS: usize = 500;
/// Most pairs of nodes visited by the layout and by the overlap removal, so that a network
/// far larger than the chart is meant for still draws in about a second (with fewer steps).
const PAIR_BUDGET: usize = 40_000_000;
/// Ideal edge length as a share of the side of the square each node would get.
const SPRING_SHARE: f64 = 0.55;
/// Longest ideal edge, so that a network of three nodes does not spread over the page.
const MAX_SPRING: f64 = 200.0;
/// Pull of each node towards the middle of its component, against the repulsion.
const GRAVITY: f64 = 0.15;
/// Most the layout is enlarged to fill the drawing area.
const MAX_SCALE: f64 = 1.3;
/// Most one axis is stretched more than the other to fill a wide drawing area.
const MAX_STRETCH: f64 = 1.5;
/// Share of a label's width that counts as room its node keeps free in the layout.
const LABEL_ROOM: f64 = 0.5;
/// Sweeps of the overlap-removal pass (fewer for networks beyond [`PAIR_BUDGET`]); it stops
/// as soon as no two discs touch.
const MAX_SWEEPS: usize = 2000;

/// cos and sin of the golden angle, pi * (3 - sqrt 5): the step of the sunflower spiral.
const GOLDEN_COS: f64 = -0.737_368_878_078_319_7;
const GOLDEN_SIN: f64 = 0.675_490_294_261_523_8;

/// Disc radii: area proportional to frequency, at least [`MIN_RADIUS`]. The largest disc
/// shrinks as the network grows so that many nodes still have room.
pub(super) fn radii(nodes: &[Node], plot: &Rect) -> Vec<f64> {
    let n = nodes.len().max(1) as f64;
    let largest =
        ((plot.width() * plot.height() / n).sqrt() * 0.2).clamp(2.0 * MIN_RADIUS, MAX_RADIUS);
    let weight = |f: f64| if f.is_finite() && f > 0.0 { f } else { 0.0 };
    let top = nodes
        .iter()
        .map(|n| weight(n.frequency))
        .fold(0.0, f64::max);
    nodes
        .iter()
        .map(|node| {
            if top > 0.0 {
                (largest * (weight(node.frequency) / top).sqrt()).max(MIN_RADIUS)
            } else {
                MIN_RADIUS
            }
        })
        .collect()
}

/// A drawable edge: two distinct nodes, `a < b`, and the score mapped to 0..=1 over the
/// drawn edges (weakest 0, strongest 1; all 1 when the scores are equal).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Link {
    pub(super) a: usize,
    pub(super) b: usize,
    pub(super) strength: f64,
}

/// The network's drawable edges, one per pair of nodes, weakest first (ties by nodes).
pub(super) fn links(network: &Network) -> Vec<Link> {
    let n = network.nodes.len();
    let mut edges: Vec<(usize, usize, f64)> = network
        .edges
        .iter()
        .filter(|e| e.a < n && e.b < n && e.a != e.b)
        .map(|e| {
            let score = if e.score.is_finite() {
                e.score
            } else {
                f64::NEG_INFINITY
            };
            (e.a.min(e.b), e.a.max(e.b), score)
        })
        .collect();
    edges.sort_by(|x, y| (x.0, x.1).cmp(&(y.0, y.1)).then(y.2.total_cmp(&x.2)));
    edges.dedup_by_key(|e| (e.0, e.1));
    let finite = edges.iter().map(|e| e.2).filter(|s| s.is_finite());
    let low = finite.clone().fold(f64::INFINITY, f64::min);
    let high = finite.fold(f64::NEG_INFINITY, f64::max);
    let mut links: Vec<Link> = edges
        .into_iter()
        .map(|(a, b, score)| {
            let strength = if !score.is_finite() {
                0.0
            } else if high > low {
                (score - low) / (high - low)
            } else {
                1.0
            };
            // Scores near the ends of the f64 range can overflow the subtraction.
            let strength = if strength.is_finite() {
                strength.clamp(0.0, 1.0)
            } else {
                0.0
            };
            Link { a, b, strength }
        })
        .collect();
    links.sort_by(|x, y| {
        x.strength
            .total_cmp(&y.strength)
            .then((x.a, x.b).cmp(&(y.a, y.b)))
    });
    links
}

/// Disc centres inside `plot`, no two discs closer than [`NODE_GAP`]. `label_widths` (in
/// pixels) make room for the labels: a node with a long label keeps its neighbours farther.
pub(super) fn layout(
    radii: &[f64],
    label_widths: &[f64],
    links: &[Link],
    plot: &Rect,
) -> Vec<Point> {
    let n = radii.len();
    if n == 0 {
        return Vec::new();
    }
    let spring = ((plot.width() * plot.height() / n as f64).sqrt() * SPRING_SHARE).min(MAX_SPRING);
    let components = components(n, links);
    let mut centers = vec![Point::default(); n];
    let mut boxes = Vec::with_capacity(components.len());
    let pad = spring * 0.2;
    let room: Vec<f64> = radii
        .iter()
        .zip(label_widths)
        .map(|(r, w)| r + LABEL_ROOM * w)
        .collect();
    for members in &components {
        let mut positions = spring_layout(members, links, &room, spring);
        // Laid flat, a component wider (labels and all) than a drawing area that is higher
        // than wide would be shrunk to fit: turned, its long axis runs down instead.
        let (low, high) = positions.iter().zip(members).fold(
            (f64::INFINITY, f64::NEG_INFINITY),
            |(lo, hi), (p, &m)| {
                let reach = radii[m] + label_widths[m];
                (lo.min(p.x - reach), hi.max(p.x + reach))
            },
        );
        if plot.height() > plot.width() && high - low > plot.width() {
            for p in &mut positions {
                (p.x, p.y) = (-p.y, p.x);
            }
        }
        let mut bounds = Rect {
            left: f64::INFINITY,
            top: f64::INFINITY,
            right: f64::NEG_INFINITY,
            bottom: f64::NEG_INFINITY,
        };
        for (&m, p) in members.iter().zip(&positions) {
            // Room for a whole label beside the outermost discs, and half the gap between
            // labels of different components, so that the labels of neighbouring components
            // keep apart ("district" beside "last annual" reading as one phrase).
            let across = radii[m] + label_widths[m] + COMPONENT_LABEL_GAP / 2.0;
            let down = radii[m] + theme::LABEL_SIZE / 2.0 + pad;
            bounds.left = bounds.left.min(p.x - across);
            bounds.top = bounds.top.min(p.y - down);
            bounds.right = bounds.right.max(p.x + across);
            bounds.bottom = bounds.bottom.max(p.y + down);
            centers[m] = *p;
        }
        boxes.push(bounds);
    }
    let corners = pack(&boxes, plot.width() / plot.height());
    for ((members, bounds), corner) in components.iter().zip(&boxes).zip(corners) {
        for &m in members {
            centers[m].x += corner.x - bounds.left;
            centers[m].y += corner.y - bounds.top;
        }
    }
    fit_into(&mut centers, radii, plot);
    separate(&mut centers, radii, plot);
    centers
}

/// The connected component of each of `n` nodes, numbered as [`components`] orders them.
pub(super) fn component_of(n: usize, links: &[Link]) -> Vec<usize> {
    let mut of = vec![0; n];
    for (c, members) in components(n, links).iter().enumerate() {
        for &m in members {
            of[m] = c;
        }
    }
    of
}

/// Connected components, each with its nodes ascending; largest first, ties by first node.
fn components(n: usize, links: &[Link]) -> Vec<Vec<usize>> {
    let mut parent: Vec<usize> = (0..n).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    for link in links {
        let (ra, rb) = (root(&mut parent, link.a), root(&mut parent, link.b));
        if ra != rb {
            parent[ra.max(rb)] = ra.min(rb);
        }
    }
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut slot = vec![usize::MAX; n];
    for i in 0..n {
        let r = root(&mut parent, i);
        if slot[r] == usize::MAX {
            slot[r] = groups.len();
            groups.push(Vec::new());
        }
        groups[slot[r]].push(i);
    }
    groups.sort_by(|x, y| y.len().cmp(&x.len()).then(x[0].cmp(&y[0])));
    groups
}

/// Fruchterman-Reingold layout of one component (`members` ascending), centred on the
/// origin, positions in the order of `members`. Repulsion acts on the free space between
/// nodes, each taking `room` (its radius and a share of its label), so large discs and long
/// labels keep more room; stronger links pull a little harder; a weak pull
/// to the middle keeps leaves from drifting off. The start is a sunflower spiral with the
/// best-connected nodes in the middle.
fn spring_layout(members: &[usize], links: &[Link], room: &[f64], spring: f64) -> Vec<Point> {
    let m = members.len();
    if m == 1 {
        return vec![Point::default()];
    }
    let springs: Vec<(usize, usize, f64)> = links
        .iter()
        .filter_map(|l| {
            let a = members.binary_search(&l.a).ok()?;
            let b = members.binary_search(&l.b).ok()?;
            Some((a, b, l.strength))
        })
        .collect();
    let radius: Vec<f64> = members.iter().map(|&i| room[i]).collect();
    let mut degree = vec![0.0; m];
    for &(a, b, s) in &springs {
        degree[a] += 1.0 + s;
        degree[b] += 1.0 + s;
    }
    let mut order: Vec<usize> = (0..m).collect();
    order.sort_by(|&a, &b| degree[b].total_cmp(&degree[a]).then(a.cmp(&b)));
    let mut positions = vec![Point::default(); m];
    let (mut cos, mut sin) = (1.0, 0.0);
    for (rank, &i) in order.iter().enumerate() {
        let r = spring * 0.6 * (rank as f64 + 0.5).sqrt();
        positions[i] = Point {
            x: r * cos,
            y: r * sin,
        };
        (cos, sin) = (
            cos * GOLDEN_COS - sin * GOLDEN_SIN,
            cos * GOLDEN_SIN + sin * GOLDEN_COS,
        );
    }

    let start = spring * (m as f64).sqrt() * 0.25;
    let steps = ITERATIONS.min(PAIR_BUDGET / (m * m)).max(10);
    let mut shift = vec![Point::default(); m];
    for step in 0..steps {
        let temperature = start * (1.0 - step as f64 / steps as f64).powi(2) + spring * 0.01;
        shift.fill(Point::default());
        for i in 0..m {
            for j in i + 1..m {
                let (dx, dy) = (
                    positions[i].x - positions[j].x,
                    positions[i].y - positions[j].y,
                );
                let d = dx.hypot(dy).max(0.01);
                let free = (d - radius[i] - radius[j]).max(spring * 0.05);
                let f = spring * spring / free / d;
                shift[i].x += dx * f;
                shift[i].y += dy * f;
                shift[j].x -= dx * f;
                shift[j].y -= dy * f;
            }
        }
        for &(a, b, strength) in &springs {
            let (dx, dy) = (
                positions[a].x - positions[b].x,
                positions[a].y - positions[b].y,
            );
            let d = dx.hypot(dy);
            let f = d / spring * (0.6 + 0.8 * strength);
            shift[a].x -= dx * f;
            shift[a].y -= dy * f;
            shift[b].x += dx * f;
            shift[b].y += dy * f;
        }
        for (s, p) in shift.iter_mut().zip(&positions) {
            s.x -= p.x * GRAVITY;
            s.y -= p.y * GRAVITY;
        }
        for (p, s) in positions.iter_mut().zip(&shift) {
            let length = s.x.hypot(s.y);
            if length > 0.0 {
                let step = length.min(temperature) / length;
                p.x += s.x * step;
                p.y += s.y * step;
            }
        }
    }
    let (sx, sy) = positions
        .iter()
        .fold((0.0, 0.0), |(x, y), p| (x + p.x, y + p.y));
    for p in &mut positions {
        p.x -= sx / m as f64;
        p.y -= sy / m as f64;
    }
    lay_flat(&mut positions);
    positions
}

/// Turns centred points about the origin so that their longest spread (the principal axis)
/// runs across, as the drawing area is wider than high. Plain arithmetic, no trigonometry.
fn lay_flat(points: &mut [Point]) {
    let (mut xx, mut xy, mut yy) = (0.0, 0.0, 0.0);
    for p in points.iter() {
        xx += p.x * p.x;
        xy += p.x * p.y;
        yy += p.y * p.y;
    }
    let half_gap = (xx - yy) / 2.0;
    let largest = (xx + yy) / 2.0 + half_gap.hypot(xy);
    // An eigenvector of [[xx, xy], [xy, yy]] for the largest eigenvalue; of the two
    // formulas, the one with the longer result is the numerically sound one.
    let (ax, ay) = (xy, largest - xx);
    let (bx, by) = (largest - yy, xy);
    let (ux, uy) = if ax.hypot(ay) > bx.hypot(by) {
        (ax, ay)
    } else {
        (bx, by)
    };
    let length = ux.hypot(uy);
    if length <= f64::EPSILON * (xx + yy) || length == 0.0 {
        return;
    }
    let (ux, uy) = (ux / length, uy / length);
    for p in points.iter_mut() {
        (p.x, p.y) = (ux * p.x + uy * p.y, ux * p.y - uy * p.x);
    }
}

/// Top-left corners for the component `boxes` (largest first), for a drawing area of
/// `aspect` (width / height). Three arrangements are tried and the one that can be drawn the
/// largest wins: all in rows; the largest with the rest in columns at its right; the largest
/// with the rest in rows below it.
fn pack(boxes: &[Rect], aspect: f64) -> Vec<Point> {
    let sizes: Vec<(f64, f64)> = boxes.iter().map(|b| (b.width(), b.height())).collect();
    let total: f64 = sizes.iter().map(|(w, h)| w * h).sum();
    let widest = sizes.iter().map(|s| s.0).fold(0.0, f64::max);
    let mut options = vec![shelves(&sizes, (total * aspect).sqrt().max(widest))];
    if let Some((&(main_w, main_h), rest)) = sizes.split_first() {
        if !rest.is_empty() {
            let flipped: Vec<(f64, f64)> = rest.iter().map(|&(w, h)| (h, w)).collect();
            let tallest = rest.iter().map(|s| s.1).fold(0.0, f64::max);
            let (columns, w, h) = shelves(&flipped, main_h.max(tallest));
            let mut corners = vec![Point {
                x: 0.0,
                y: ((w - main_h) / 2.0).max(0.0),
            }];
            corners.extend(columns.iter().map(|p| Point {
                x: main_w + p.y,
                y: p.x + ((main_h - w) / 2.0).max(0.0),
            }));
            options.push((corners, main_w + h, main_h.max(w)));
            let widest_rest = rest.iter().map(|s| s.0).fold(0.0, f64::max);
            let (rows, w, h) = shelves(rest, main_w.max(widest_rest));
            let mut corners = vec![Point {
                x: ((w - main_w) / 2.0).max(0.0),
                y: 0.0,
            }];
            corners.extend(rows.iter().map(|p| Point {
                x: p.x + ((main_w - w) / 2.0).max(0.0),
                y: main_h + p.y,
            }));
            options.push((corners, main_w.max(w), main_h + h));
        }
    }
    let fill =
        |&(_, w, h): &(Vec<Point>, f64, f64)| (1.0 / w.max(1e-9)).min(1.0 / (h * aspect).max(1e-9));
    let mut best = 0;
    for (i, option) in options.iter().enumerate() {
        if fill(option) > fill(&options[best]) * 1.000_001 {
            best = i;
        }
    }
    options.swap_remove(best).0
}

/// Top-left corners for boxes of the given (width, height) laid in rows of at most
/// `row_width` (a wider box gets a row of its own), each row centred; with the width and
/// height of the whole.
fn shelves(sizes: &[(f64, f64)], row_width: f64) -> (Vec<Point>, f64, f64) {
    let mut rows: Vec<(Vec<usize>, f64, f64)> = Vec::new();
    for (i, &(w, h)) in sizes.iter().enumerate() {
        match rows.last_mut() {
            Some((members, width, height)) if *width + w <= row_width => {
                members.push(i);
                *width += w;
                *height = height.max(h);
            }
            _ => rows.push((vec![i], w, h)),
        }
    }
    let full = rows.iter().map(|r| r.1).fold(0.0, f64::max);
    let mut corners = vec![Point::default(); sizes.len()];
    let mut y = 0.0;
    for (members, width, height) in rows {
        let mut x = (full - width) / 2.0;
        for i in members {
            corners[i] = Point {
                x,
                y: y + (height - sizes[i].1) / 2.0,
            };
            x += sizes[i].0;
        }
        y += height;
    }
    (corners, full, y)
}

/// Scales and moves the centres to fill `plot` (less the largest radius on every side),
/// keeping the shape but for a limited stretch of one axis, and enlarging at most
/// [`MAX_SCALE`] times.
fn fit_into(centers: &mut [Point], radii: &[f64], plot: &Rect) {
    let inner = plot.shrink(radii.iter().copied().fold(0.0, f64::max));
    let (mut left, mut top) = (f64::INFINITY, f64::INFINITY);
    let (mut right, mut bottom) = (f64::NEG_INFINITY, f64::NEG_INFINITY);
    for p in centers.iter() {
        left = left.min(p.x);
        right = right.max(p.x);
        top = top.min(p.y);
        bottom = bottom.max(p.y);
    }
    let scale_for = |room: f64, span: f64| {
        if span > 1e-9 {
            room / span
        } else {
            f64::INFINITY
        }
    };
    let sx = scale_for(inner.width(), right - left);
    let sy = scale_for(inner.height(), bottom - top);
    let base = sx.min(sy).min(MAX_SCALE);
    let sx = sx.min(base * MAX_STRETCH).min(MAX_SCALE);
    let sy = sy.min(base * MAX_STRETCH).min(MAX_SCALE);
    let middle = Point {
        x: (left + right) / 2.0,
        y: (top + bottom) / 2.0,
    };
    let target = inner.center();
    for p in centers.iter_mut() {
        p.x = target.x + (p.x - middle.x) * sx;
        p.y = target.y + (p.y - middle.y) * sy;
    }
}

/// Pushes overlapping discs apart, half each along the line joining them, until every two
/// are at least [`NODE_GAP`] apart, keeping every disc inside `plot`.
fn separate(centers: &mut [Point], radii: &[f64], plot: &Rect) {
    let n = centers.len();
    let clamp = |centers: &mut [Point]| {
        for (p, &r) in centers.iter_mut().zip(radii) {
            let room = plot.shrink(r);
            p.x = p.x.clamp(room.left, room.right);
            p.y = p.y.clamp(room.top, room.bottom);
        }
    };
    clamp(centers);
    for _ in 0..MAX_SWEEPS.min(PAIR_BUDGET / (n * n).max(1)).max(10) {
        let mut moved = false;
        for i in 0..n {
            for j in i + 1..n {
                let need = radii[i] + radii[j] + NODE_GAP;
                let (dx, dy) = (centers[j].x - centers[i].x, centers[j].y - centers[i].y);
                let d = dx.hypot(dy);
                if d >= need {
                    continue;
                }
                let (ux, uy) = if d > 1e-9 {
                    (dx / d, dy / d)
                } else if j % 2 == 0 {
                    (1.0, 0.0)
                } else {
                    (0.0, 1.0)
                };
                let push = (need - d) / 2.0 + 0.01;
                centers[i].x -= ux * push;
                centers[i].y -= uy * push;
                centers[j].x += ux * push;
                centers[j].y += uy * push;
                moved = true;
            }
        }
        clamp(centers);
        if !moved {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::network;
    use super::*;

    #[test]
    fn edges_are_checked_deduplicated_and_ordered_weakest_first() {
        let net = network(
            &[("a", 1.0), ("b", 1.0), ("c", 1.0)],
            &[
                (0, 1, 10.0),
                (1, 0, 30.0),
                (1, 2, 20.0),
                (2, 2, 5.0),
                (0, 3, 5.0),
            ],
        );
        let links = links(&net);
        assert_eq!(
            links,
            [
                Link {
                    a: 1,
                    b: 2,
                    strength: 0.0
                },
                Link {
                    a: 0,
                    b: 1,
                    strength: 1.0
                },
            ]
        );
    }
}
