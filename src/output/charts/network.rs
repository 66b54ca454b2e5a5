//! Co-occurrence network ("which words keep company"): one disc per term, its area by the
//! term's frequency, and one line per pair of terms that keep company, wider and darker as
//! their association score grows.
//!
//! The geometry is pure and tested without pixels; [`draw`] only paints what it computed:
//! 1. a force-directed layout (Fruchterman and Reingold 1991) of each connected component,
//!    started from a sunflower spiral and run for a fixed number of steps, so the same input
//!    gives the same picture byte for byte; nodes with long labels repel more, and each
//!    component is turned so that its long axis runs across;
//! 2. the components packed side by side (in rows, or in a column beside the largest, or in
//!    rows below it, whichever can be drawn the largest), and the whole scaled to fill the
//!    drawing area;
//! 3. an overlap-removal pass that pushes discs apart until none touch;
//! 4. greedy label placement from the largest disc down: eight positions around the disc
//!    (right, left, above, below, diagonals) in rings a little farther out, then a smaller
//!    font, then a shortened label. A label never covers another label or any disc and stays
//!    inside the image; among free positions it prefers the side of its disc, few lines
//!    crossing it, and no other disc about as close as its own.

use std::f64::consts::FRAC_1_SQRT_2;
use std::path::Path;

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::theme::{self, chart_error, draw_line, draw_text, style, text_width, Area};
use crate::error::Result;

/// A term: a disc with a label.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// The text written by the disc.
    pub label: String,
    /// What the disc's area shows, usually the term's count in the corpus. A value that is
    /// not a positive number gets the smallest disc.
    pub frequency: f64,
}

/// Two terms that keep company: a line between two nodes.
#[derive(Debug, Clone, PartialEq)]
pub struct Edge {
    /// Index of one end in [`Network::nodes`].
    pub a: usize,
    /// Index of the other end. An edge naming a missing node, or joining a node to itself, is
    /// not drawn; of several edges between the same two nodes the highest score is drawn.
    pub b: usize,
    /// The association score named by [`Network::score_label`]: a higher score draws a wider,
    /// darker line. A score that is not a finite number draws the thinnest line.
    pub score: f64,
}

/// A network chart's content. Readable up to about 80 nodes and 150 edges; callers choose
/// which terms to show (say, the most frequent terms with at least one strong link) and say
/// so in the subtitle.
#[derive(Debug, Clone, PartialEq)]
pub struct Network {
    /// The heading, one line.
    pub title: String,
    /// The line under the heading: what was counted and how the terms were chosen.
    pub subtitle: String,
    /// The terms, in any order; the picture depends on the order only through ties.
    pub nodes: Vec<Node>,
    /// The links between terms, by index into `nodes`.
    pub edges: Vec<Edge>,
    /// What an edge's score measures, for the legend ("log-likelihood").
    pub score_label: String,
}

/// Height of the image in pixels; the width is [`theme::WIDTH`].
pub const HEIGHT: u32 = 1200;

/// Below the title and subtitle drawn by [`theme::draw_heading`].
const HEADING_BOTTOM: f64 = 112.0;
/// The strip at the bottom that holds the legend.
const LEGEND_HEIGHT: f64 = 60.0;

const MIN_RADIUS: f64 = 6.0;
const MAX_RADIUS: f64 = 44.0;
/// Free space kept between two discs.
const NODE_GAP: f64 = 12.0;
const MIN_STROKE: f64 = 1.0;
const MAX_STROKE: f64 = 8.0;

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

/// Label sizes tried in turn when a label does not fit.
const LABEL_SIZES: [f64; 3] = [theme::LABEL_SIZE, 18.0, 15.0];
/// White space around a label's text inside its box.
const LABEL_PAD: f64 = 3.0;
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

/// cos and sin of the golden angle, pi * (3 - sqrt 5): the step of the sunflower spiral.
const GOLDEN_COS: f64 = -0.737_368_878_078_319_7;
const GOLDEN_SIN: f64 = 0.675_490_294_261_523_8;

const NODE_OUTLINE: RGBColor = RGBColor(0, 70, 110);
const LABEL_BACKGROUND: RGBAColor = RGBAColor(255, 255, 255, 0.85);

/// Draws the network as a PNG. A network without nodes draws a chart that says so.
pub fn draw(network: &Network, path: &Path) -> Result<()> {
    theme::ensure_font().map_err(|e| chart_error(path, e))?;
    let root = BitMapBackend::new(path, (theme::WIDTH, HEIGHT)).into_drawing_area();
    root.fill(&WHITE).map_err(|e| chart_error(path, e))?;
    theme::draw_heading(&root, &network.title, &network.subtitle, path)?;
    if network.nodes.is_empty() {
        draw_text(
            &root,
            "Nothing to show: no terms to draw.",
            (theme::WIDTH as i32 / 2, HEIGHT as i32 / 2),
            &style(theme::LABEL_SIZE, theme::MUTED, HPos::Center, VPos::Center),
            path,
        )?;
    } else {
        let width = |text: &str, size: f64| f64::from(text_width(&root, text, size));
        let shorten = |text: &str, size: f64, max: f64| {
            theme::fit(&root, text, size, max.max(0.0).floor() as u32)
        };
        let geometry = geometry(network, &width, &shorten);
        draw_edges(&root, &geometry, path)?;
        draw_nodes(&root, &geometry, path)?;
        draw_labels(&root, &geometry, path)?;
        draw_legend(&root, network, path)?;
    }
    root.present().map_err(|e| chart_error(path, e))
}

fn draw_edges(root: &Area<'_>, geometry: &Geometry, path: &Path) -> Result<()> {
    for link in &geometry.links {
        let (a, b) = (geometry.centers[link.a], geometry.centers[link.b]);
        draw_line(
            root,
            vec![a.pixel(), b.pixel()],
            edge_style(link.strength),
            path,
        )?;
    }
    Ok(())
}

/// Width from 1 to 8 px and grey from light to dark, by the square root of the strength so
/// that the many weak links differ too.
fn edge_style(strength: f64) -> ShapeStyle {
    let t = strength.clamp(0.0, 1.0).sqrt();
    let grey = (205.0 - 145.0 * t).round() as u8;
    RGBColor(grey, grey, grey.saturating_add(8))
        .stroke_width((MIN_STROKE + (MAX_STROKE - MIN_STROKE) * t).round() as u32)
}

fn draw_nodes(root: &Area<'_>, geometry: &Geometry, path: &Path) -> Result<()> {
    for (center, &radius) in geometry.centers.iter().zip(&geometry.radii) {
        let r = radius.round() as i32;
        root.draw(&Circle::new(center.pixel(), r, theme::BAR.filled()))
            .map_err(|e| chart_error(path, e))?;
        root.draw(&Circle::new(
            center.pixel(),
            r,
            NODE_OUTLINE.stroke_width(2),
        ))
        .map_err(|e| chart_error(path, e))?;
    }
    Ok(())
}

fn draw_labels(root: &Area<'_>, geometry: &Geometry, path: &Path) -> Result<()> {
    for label in geometry.labels.iter().flatten() {
        let rect = label.rect;
        root.draw(&Rectangle::new(
            [
                (rect.left.round() as i32, rect.top.round() as i32),
                (rect.right.round() as i32, rect.bottom.round() as i32),
            ],
            LABEL_BACKGROUND.filled(),
        ))
        .map_err(|e| chart_error(path, e))?;
        draw_text(
            root,
            &label.text,
            label.anchor().pixel(),
            &style(label.size, theme::TEXT, HPos::Left, VPos::Center),
            path,
        )?;
    }
    Ok(())
}

/// One line at the bottom left: sample discs and lines, then what they mean and their range
/// (lines only when there are any).
fn draw_legend(root: &Area<'_>, network: &Network, path: &Path) -> Result<()> {
    let y = (f64::from(HEIGHT) - LEGEND_HEIGHT / 2.0).round() as i32;
    let size = theme::TICK_SIZE;
    let text_style = style(size, theme::MUTED, HPos::Left, VPos::Center);
    let mut x = theme::MARGIN;
    for r in [5, 10] {
        root.draw(&Circle::new((x + r, y), r, theme::BAR.filled()))
            .map_err(|e| chart_error(path, e))?;
        x += 2 * r + 6;
    }
    let frequencies: Vec<f64> = network.nodes.iter().map(|n| n.frequency).collect();
    let nodes = format!("Node size: frequency{}", range_text(&frequencies));
    let n = network.nodes.len();
    let scores: Vec<f64> = network
        .edges
        .iter()
        .filter(|e| e.a < n && e.b < n && e.a != e.b)
        .map(|e| e.score)
        .collect();
    let nodes = if scores.is_empty() {
        nodes
    } else {
        nodes + ";"
    };
    draw_text(root, &nodes, (x + 4, y + 4), &text_style, path)?;
    if scores.is_empty() {
        return Ok(());
    }
    x += 4 + text_width(root, &nodes, size) as i32 + 36;
    for strength in [0.05, 1.0] {
        draw_line(root, vec![(x, y), (x + 34, y)], edge_style(strength), path)?;
        x += 44;
    }
    let edges = format!("line width: {}{}", network.score_label, range_text(&scores));
    let room = (theme::WIDTH as i32 - theme::MARGIN - x).max(0) as u32;
    let edges = theme::fit(root, &edges, size, room);
    draw_text(root, &edges, (x, y + 4), &text_style, path)
}

/// " (12 to 2,950)" for the finite values, or nothing when there are none.
fn range_text(values: &[f64]) -> String {
    let finite = values.iter().copied().filter(|v| v.is_finite());
    let (low, high) = finite.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    });
    if low > high {
        String::new()
    } else if low == high {
        format!(" ({})", theme::format_number(low, 1))
    } else {
        format!(
            " ({} to {})",
            theme::format_number(low, 1),
            theme::format_number(high, 1)
        )
    }
}

/// Everything [`draw`] paints, in pixel coordinates of the whole image.
#[derive(Debug, Clone, PartialEq)]
struct Geometry {
    centers: Vec<Point>,
    radii: Vec<f64>,
    /// Drawable edges, weakest first so that strong lines are drawn on top.
    links: Vec<Link>,
    /// One per node; `None` only when no position near the node is free, even for a short
    /// label in the smallest size.
    labels: Vec<Option<PlacedLabel>>,
}

/// Computes the picture: disc centres and radii, lines, and label boxes. `width` measures
/// text in pixels at a font size; `shorten` cuts text to a pixel width with an ellipsis.
fn geometry(
    network: &Network,
    width: &dyn Fn(&str, f64) -> f64,
    shorten: &dyn Fn(&str, f64, f64) -> String,
) -> Geometry {
    let frame = Frame::new();
    let radii = radii(&network.nodes, &frame.plot);
    let links = links(network);
    let texts: Vec<&str> = network.nodes.iter().map(|n| n.label.as_str()).collect();
    let label_widths: Vec<f64> = texts
        .iter()
        .map(|t| width(t, theme::LABEL_SIZE) + 2.0 * LABEL_PAD)
        .collect();
    let centers = layout(&radii, &label_widths, &links, &frame.plot);
    let labels = place_labels(
        &texts,
        &centers,
        &radii,
        &links,
        &frame.labels,
        width,
        shorten,
    );
    Geometry {
        centers,
        radii,
        links,
        labels,
    }
}

/// A point in pixels, y downwards.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Point {
    x: f64,
    y: f64,
}

impl Point {
    fn pixel(self) -> (i32, i32) {
        (self.x.round() as i32, self.y.round() as i32)
    }

    fn distance(self, other: Point) -> f64 {
        (self.x - other.x).hypot(self.y - other.y)
    }
}

/// An axis-aligned rectangle in pixels; `left <= right` and `top <= bottom`.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Rect {
    left: f64,
    top: f64,
    right: f64,
    bottom: f64,
}

impl Rect {
    fn at(left: f64, top: f64, width: f64, height: f64) -> Rect {
        Rect {
            left,
            top,
            right: left + width,
            bottom: top + height,
        }
    }

    fn width(&self) -> f64 {
        self.right - self.left
    }

    fn height(&self) -> f64 {
        self.bottom - self.top
    }

    fn center(&self) -> Point {
        Point {
            x: (self.left + self.right) / 2.0,
            y: (self.top + self.bottom) / 2.0,
        }
    }

    /// The rectangle moved inwards by `by` on every side; a side too short collapses to its
    /// middle.
    fn shrink(&self, by: f64) -> Rect {
        let c = self.center();
        Rect {
            left: (self.left + by).min(c.x),
            top: (self.top + by).min(c.y),
            right: (self.right - by).max(c.x),
            bottom: (self.bottom - by).max(c.y),
        }
    }

    fn contains(&self, other: &Rect) -> bool {
        other.left >= self.left
            && other.right <= self.right
            && other.top >= self.top
            && other.bottom <= self.bottom
    }

    /// Whether the two share more than an edge.
    fn intersects(&self, other: &Rect) -> bool {
        self.left < other.right
            && other.left < self.right
            && self.top < other.bottom
            && other.top < self.bottom
    }

    /// Whether the disc reaches inside the rectangle.
    fn intersects_disc(&self, center: Point, radius: f64) -> bool {
        self.gap_to_disc(center, radius) < 0.0
    }

    /// Distance from the rectangle to the edge of the disc; negative when they overlap.
    fn gap_to_disc(&self, center: Point, radius: f64) -> f64 {
        let nearest = Point {
            x: center.x.clamp(self.left, self.right),
            y: center.y.clamp(self.top, self.bottom),
        };
        nearest.distance(center) - radius
    }

    /// Whether the segment from `a` to `b` passes through the rectangle (Liang-Barsky).
    fn crosses_segment(&self, a: Point, b: Point) -> bool {
        let (dx, dy) = (b.x - a.x, b.y - a.y);
        let mut t0: f64 = 0.0;
        let mut t1: f64 = 1.0;
        for (p, q) in [
            (-dx, a.x - self.left),
            (dx, self.right - a.x),
            (-dy, a.y - self.top),
            (dy, self.bottom - a.y),
        ] {
            if p == 0.0 {
                if q < 0.0 {
                    return false;
                }
            } else {
                let t = q / p;
                if p < 0.0 {
                    t0 = t0.max(t);
                } else {
                    t1 = t1.min(t);
                }
            }
        }
        t0 < t1
    }
}

/// Where things go on the image.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Frame {
    /// Discs lie inside.
    plot: Rect,
    /// Label boxes lie inside: below the heading, above the legend, inside the image.
    labels: Rect,
}

impl Frame {
    fn new() -> Frame {
        let width = f64::from(theme::WIDTH);
        let height = f64::from(HEIGHT);
        let margin = f64::from(theme::MARGIN);
        Frame {
            plot: Rect {
                left: margin,
                top: HEADING_BOTTOM + 8.0,
                right: width - margin,
                bottom: height - LEGEND_HEIGHT - 8.0,
            },
            labels: Rect {
                left: margin / 2.0,
                top: HEADING_BOTTOM,
                right: width - margin / 2.0,
                bottom: height - LEGEND_HEIGHT,
            },
        }
    }
}

/// Disc radii: area proportional to frequency, at least [`MIN_RADIUS`]. The largest disc
/// shrinks as the network grows so that many nodes still have room.
fn radii(nodes: &[Node], plot: &Rect) -> Vec<f64> {
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
struct Link {
    a: usize,
    b: usize,
    strength: f64,
}

/// The network's drawable edges, one per pair of nodes, weakest first (ties by nodes).
fn links(network: &Network) -> Vec<Link> {
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
fn layout(radii: &[f64], label_widths: &[f64], links: &[Link], plot: &Rect) -> Vec<Point> {
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
        let positions = spring_layout(members, links, &room, spring);
        let mut bounds = Rect {
            left: f64::INFINITY,
            top: f64::INFINITY,
            right: f64::NEG_INFINITY,
            bottom: f64::NEG_INFINITY,
        };
        for (&m, p) in members.iter().zip(&positions) {
            // Room for a label beside the disc, so labels of neighbouring components do not
            // run into each other ("united" + "rights" reading as one).
            let across = radii[m] + label_widths[m] * 0.8 + pad;
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

/// A label as placed: the text drawn (perhaps shortened), its font size, and its box (the
/// text plus [`LABEL_PAD`]) in pixels.
#[derive(Debug, Clone, PartialEq)]
struct PlacedLabel {
    text: String,
    size: f64,
    rect: Rect,
}

impl PlacedLabel {
    /// Where to anchor the text (left, vertical centre) so that its ink sits in the middle
    /// of the box: plotters puts the ink of a centred line about 0.2 em above the anchor.
    fn anchor(&self) -> Point {
        Point {
            x: self.rect.left + LABEL_PAD,
            y: self.rect.center().y + 0.2 * self.size,
        }
    }
}

/// Label boxes, one per node, placed greedily from the largest disc down (ties by index).
/// A box never intersects another box or any disc and lies inside `bounds`. Among the free
/// positions the cheapest wins: one per line crossing the box, plus the position's penalty
/// (a label at the side of its disc reads best), plus [`RING_PENALTY`] per ring out, plus
/// [`AMBIGUITY_PENALTY`] when another disc is about as close as its own; ties go to the
/// earlier candidate.
fn place_labels(
    texts: &[&str],
    centers: &[Point],
    radii: &[f64],
    links: &[Link],
    bounds: &Rect,
    width: &dyn Fn(&str, f64) -> f64,
    shorten: &dyn Fn(&str, f64, f64) -> String,
) -> Vec<Option<PlacedLabel>> {
    let n = texts.len();
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| radii[b].total_cmp(&radii[a]).then(a.cmp(&b)));
    let mut labels: Vec<Option<PlacedLabel>> = vec![None; n];
    let mut placed: Vec<Rect> = Vec::with_capacity(n);
    let free = |rect: &Rect, placed: &[Rect]| {
        bounds.contains(rect)
            && placed.iter().all(|p| !p.intersects(rect))
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
        for (text, size) in attempts(texts[i], bounds, width, shorten) {
            let w = width(&text, size) + 2.0 * LABEL_PAD;
            let h = size + 2.0 * LABEL_PAD;
            let best = candidates(centers[i], radii[i], w, h)
                .into_iter()
                .filter(|c| free(&c.rect, &placed))
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
                placed.push(rect);
                labels[i] = Some(PlacedLabel { text, size, rect });
                break;
            }
        }
    }
    labels
}

/// The texts and sizes to try for a label, best first: the whole label in each size, then
/// shorter and shorter cuts in the smallest size.
fn attempts(
    text: &str,
    bounds: &Rect,
    width: &dyn Fn(&str, f64) -> f64,
    shorten: &dyn Fn(&str, f64, f64) -> String,
) -> Vec<(String, f64)> {
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A stand-in for the font: every character 0.55 em wide.
    fn width(text: &str, size: f64) -> f64 {
        text.chars().count() as f64 * 0.55 * size
    }

    fn shorten(text: &str, size: f64, max: f64) -> String {
        let mut out: String = text.to_owned();
        while width(&out, size) > max && !out.is_empty() {
            out.pop();
        }
        out
    }

    fn network(nodes: &[(&str, f64)], edges: &[(usize, usize, f64)]) -> Network {
        Network {
            title: "Words that keep company".into(),
            subtitle: "test".into(),
            nodes: nodes
                .iter()
                .map(|&(label, frequency)| Node {
                    label: label.into(),
                    frequency,
                })
                .collect(),
            edges: edges
                .iter()
                .map(|&(a, b, score)| Edge { a, b, score })
                .collect(),
            score_label: "log-likelihood".into(),
        }
    }

    /// About 60 terms and 110 links of a UN General Assembly debate, with two small
    /// components and an isolated term.
    fn un_debate() -> Network {
        let nodes = [
            ("united", 2800.0),
            ("nations", 2900.0),
            ("security", 2950.0),
            ("council", 2400.0),
            ("international", 2100.0),
            ("human", 1800.0),
            ("rights", 1700.0),
            ("development", 1900.0),
            ("sustainable", 1200.0),
            ("peace", 1600.0),
            ("climate", 900.0),
            ("change", 1100.0),
            ("general", 1300.0),
            ("assembly", 1250.0),
            ("secretary-general", 700.0),
            ("member", 950.0),
            ("states", 1500.0),
            ("countries", 1400.0),
            ("world", 1350.0),
            ("people", 1200.0),
            ("law", 600.0),
            ("nuclear", 520.0),
            ("weapons", 480.0),
            ("terrorism", 430.0),
            ("counter-terrorism", 120.0),
            ("trafficking", 180.0),
            ("persons", 350.0),
            ("women", 640.0),
            ("children", 560.0),
            ("resolution", 720.0),
            ("peace-building", 150.0),
            ("peacekeeping", 260.0),
            ("operations", 410.0),
            ("humanitarian", 480.0),
            ("assistance", 390.0),
            ("cooperation", 870.0),
            ("global", 980.0),
            ("economic", 760.0),
            ("social", 520.0),
            ("agenda", 610.0),
            ("goals", 540.0),
            ("poverty", 330.0),
            ("eradication", 95.0),
            ("disarmament", 210.0),
            ("non-proliferation", 140.0),
            ("treaty", 290.0),
            ("refugees", 230.0),
            ("migration", 190.0),
            ("drug", 160.0),
            ("crime", 270.0),
            ("organized", 140.0),
            ("gender", 220.0),
            ("equality", 240.0),
            ("violence", 310.0),
            ("small", 170.0),
            ("island", 130.0),
            ("developing", 480.0),
            ("reform", 330.0),
            ("permanent", 200.0),
            ("community", 700.0),
            ("ozone", 40.0),
            ("layer", 55.0),
            ("landmines", 25.0),
            ("anti-personnel", 12.0),
            ("multilingualism", 10.0),
        ];
        let index = |label: &str| nodes.iter().position(|n| n.0 == label).unwrap();
        let pairs = [
            ("united", "nations", 4980.0),
            ("security", "council", 4700.0),
            ("human", "rights", 4200.0),
            ("general", "assembly", 3900.0),
            ("sustainable", "development", 3500.0),
            ("climate", "change", 3300.0),
            ("member", "states", 3100.0),
            ("nuclear", "weapons", 2400.0),
            ("international", "community", 2300.0),
            ("peace", "security", 1900.0),
            ("international", "law", 1500.0),
            ("peacekeeping", "operations", 1600.0),
            ("trafficking", "persons", 1200.0),
            ("women", "children", 980.0),
            ("humanitarian", "assistance", 900.0),
            ("international", "cooperation", 850.0),
            ("development", "goals", 800.0),
            ("sustainable", "goals", 640.0),
            ("agenda", "sustainable", 600.0),
            ("agenda", "development", 420.0),
            ("poverty", "eradication", 700.0),
            ("nuclear", "disarmament", 650.0),
            ("non-proliferation", "treaty", 620.0),
            ("nuclear", "non-proliferation", 560.0),
            ("drug", "trafficking", 540.0),
            ("organized", "crime", 760.0),
            ("trafficking", "crime", 310.0),
            ("gender", "equality", 830.0),
            ("women", "equality", 260.0),
            ("violence", "women", 450.0),
            ("violence", "children", 180.0),
            ("small", "island", 900.0),
            ("island", "developing", 610.0),
            ("developing", "countries", 1100.0),
            ("council", "reform", 520.0),
            ("permanent", "council", 430.0),
            ("council", "resolution", 700.0),
            ("security", "resolution", 240.0),
            ("refugees", "migration", 380.0),
            ("refugees", "humanitarian", 210.0),
            ("terrorism", "counter-terrorism", 300.0),
            ("terrorism", "international", 280.0),
            ("terrorism", "security", 220.0),
            ("climate", "global", 260.0),
            ("economic", "social", 720.0),
            ("social", "development", 390.0),
            ("economic", "development", 510.0),
            ("peace-building", "peace", 420.0),
            ("peace-building", "council", 90.0),
            ("rights", "women", 150.0),
            ("rights", "children", 130.0),
            ("general", "secretary-general", 160.0),
            ("secretary-general", "united", 140.0),
            ("assembly", "resolution", 330.0),
            ("united", "states", 260.0),
            ("nations", "peacekeeping", 310.0),
            ("nations", "world", 80.0),
            ("world", "people", 150.0),
            ("people", "rights", 70.0),
            ("international", "peace", 640.0),
            ("global", "world", 60.0),
            ("global", "cooperation", 120.0),
            ("countries", "world", 45.0),
            ("countries", "poverty", 40.0),
            ("humanitarian", "law", 410.0),
            ("human", "trafficking", 95.0),
            ("persons", "women", 30.0),
            ("change", "global", 70.0),
            ("disarmament", "weapons", 110.0),
            ("member", "countries", 20.0),
            ("states", "international", 55.0),
            ("united", "peace", 35.0),
            ("nations", "council", 50.0),
            ("security", "international", 330.0),
            ("council", "members", 10.0),
            ("migration", "people", 25.0),
            ("children", "people", 18.0),
            ("economic", "global", 65.0),
            ("operations", "peace", 85.0),
            ("cooperation", "development", 140.0),
            ("eradication", "development", 33.0),
            ("agenda", "goals", 120.0),
            ("climate", "island", 48.0),
            ("treaty", "weapons", 75.0),
            ("assistance", "development", 50.0),
            ("states", "sovereign", 10.0),
            ("ozone", "layer", 300.0),
            ("landmines", "anti-personnel", 120.0),
            ("rights", "law", 100.0),
            ("general", "debate", 10.0),
            ("people", "refugees", 22.0),
            ("humanitarian", "people", 28.0),
            ("reform", "assembly", 40.0),
            ("resolution", "general", 26.0),
            ("social", "people", 15.0),
            ("women", "peace", 60.0),
            ("crime", "international", 34.0),
            ("security", "global", 29.0),
            ("council", "permanent", 10.0),
            ("rights", "international", 140.0),
            ("change", "development", 19.0),
            ("weapons", "security", 24.0),
        ];
        let edges: Vec<(usize, usize, f64)> = pairs
            .iter()
            .filter(|p| nodes.iter().any(|n| n.0 == p.0) && nodes.iter().any(|n| n.0 == p.1))
            .map(|&(a, b, s)| (index(a), index(b), s))
            .collect();
        network(&nodes, &edges)
    }

    fn check_geometry(g: &Geometry) {
        let n = g.centers.len();
        let plot = Frame::new().plot;
        for i in 0..n {
            let disc = Rect {
                left: g.centers[i].x - g.radii[i],
                top: g.centers[i].y - g.radii[i],
                right: g.centers[i].x + g.radii[i],
                bottom: g.centers[i].y + g.radii[i],
            };
            assert!(
                plot.shrink(-1e-6).contains(&disc),
                "disc {i} leaves the plot: {disc:?}"
            );
            for j in i + 1..n {
                let d = g.centers[i].distance(g.centers[j]);
                assert!(
                    d >= g.radii[i] + g.radii[j],
                    "discs {i} and {j} overlap: {d} < {} + {}",
                    g.radii[i],
                    g.radii[j]
                );
            }
        }
        let image = Rect::at(0.0, 0.0, f64::from(theme::WIDTH), f64::from(HEIGHT));
        let boxes: Vec<&PlacedLabel> = g.labels.iter().flatten().collect();
        for (i, label) in boxes.iter().enumerate() {
            assert!(image.contains(&label.rect), "{label:?} leaves the image");
            assert!(Frame::new().labels.contains(&label.rect), "{label:?}");
            for (c, &r) in g.centers.iter().zip(&g.radii) {
                assert!(
                    !label.rect.intersects_disc(*c, r),
                    "{label:?} covers a disc"
                );
            }
            for other in &boxes[i + 1..] {
                assert!(
                    !label.rect.intersects(&other.rect),
                    "{label:?} and {other:?} overlap"
                );
            }
        }
    }

    #[test]
    fn layout_is_deterministic() {
        let net = un_debate();
        let first = geometry(&net, &width, &shorten);
        let second = geometry(&net, &width, &shorten);
        assert_eq!(first, second);
    }

    #[test]
    fn a_debate_network_has_no_overlaps_and_every_label_placed() {
        let g = geometry(&un_debate(), &width, &shorten);
        check_geometry(&g);
        assert!(g.labels.iter().all(Option::is_some));
        let full = g
            .labels
            .iter()
            .flatten()
            .filter(|l| l.size == theme::LABEL_SIZE)
            .count();
        assert!(full * 10 >= g.labels.len() * 8, "{full} in full size");
    }

    #[test]
    fn labels_measured_with_the_embedded_font_fit_too() {
        theme::ensure_font().unwrap();
        let (w, h) = (theme::WIDTH, HEIGHT);
        let mut pixels = vec![255u8; (w * h * 3) as usize];
        let root = BitMapBackend::with_buffer(&mut pixels, (w, h)).into_drawing_area();
        let width = |text: &str, size: f64| f64::from(text_width(&root, text, size));
        let shorten = |text: &str, size: f64, max: f64| theme::fit(&root, text, size, max as u32);
        for net in [un_debate(), large()] {
            let g = geometry(&net, &width, &shorten);
            check_geometry(&g);
            assert!(g.labels.iter().all(Option::is_some));
        }
    }

    #[test]
    fn small_and_degenerate_networks_lay_out() {
        let cases = [
            network(&[("peace", 10.0)], &[]),
            network(&[("peace", 10.0), ("security", 30.0)], &[]),
            network(&[("peace", 10.0), ("security", 30.0)], &[(0, 1, 5.0)]),
            network(
                &[("united", 3.0), ("nations", 3.0), ("security", 1.0)],
                &[(0, 1, 9.0), (1, 2, 2.0)],
            ),
            network(
                &[("a", 0.0), ("b", f64::NAN), ("c", -4.0)],
                &[(0, 0, 1.0), (0, 7, 1.0), (1, 2, f64::NAN), (2, 1, 3.0)],
            ),
            network(
                &[("", f64::INFINITY), ("b", 1.0), ("c", 2.0)],
                &[(0, 1, f64::MAX), (1, 2, -f64::MAX), (0, 2, 0.0)],
            ),
            network(
                &(0..80)
                    .map(|_| ("isolated-term", 100.0))
                    .collect::<Vec<_>>(),
                &[],
            ),
        ];
        for net in &cases {
            let g = geometry(net, &width, &shorten);
            assert_eq!(g.centers.len(), net.nodes.len());
            check_geometry(&g);
            assert!(g.centers.iter().all(|p| p.x.is_finite() && p.y.is_finite()));
        }
    }

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

    #[test]
    fn rectangles_detect_discs_and_crossing_segments() {
        let r = Rect::at(10.0, 10.0, 20.0, 10.0);
        let p = |x, y| Point { x, y };
        assert!(r.intersects_disc(p(5.0, 15.0), 6.0));
        assert!(!r.intersects_disc(p(5.0, 5.0), 6.0));
        assert!(r.crosses_segment(p(0.0, 15.0), p(40.0, 15.0)));
        assert!(!r.crosses_segment(p(0.0, 0.0), p(40.0, 5.0)));
        assert!(!r.crosses_segment(p(0.0, 15.0), p(5.0, 15.0)));
        assert!(r.intersects(&Rect::at(25.0, 15.0, 10.0, 10.0)));
        assert!(!r.intersects(&Rect::at(30.0, 10.0, 10.0, 10.0)));
    }

    #[test]
    fn draw_writes_a_png_also_for_an_empty_network() {
        let dir = tempfile::tempdir().unwrap();
        for (name, net) in [
            ("debate.png", un_debate()),
            ("empty.png", network(&[], &[])),
            ("one.png", network(&[("peace", 10.0)], &[])),
        ] {
            let path = dir.path().join(name);
            draw(&net, &path).unwrap();
            let bytes = std::fs::read(&path).unwrap();
            assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"), "{name}");
            draw(&net, &path).unwrap();
            assert_eq!(std::fs::read(&path).unwrap(), bytes, "{name} drawn twice");
        }
    }

    /// Draws the charts a person looks at: `cargo test network -- --ignored`.
    #[test]
    #[ignore]
    fn draw_networks_to_look_at() {
        draw(&un_debate(), Path::new("/tmp/network_check.png")).unwrap();
        let three = network(
            &[
                ("united", 2800.0),
                ("nations", 2900.0),
                ("peace-building", 150.0),
            ],
            &[(0, 1, 4980.0), (1, 2, 120.0)],
        );
        draw(&three, Path::new("/tmp/network_three.png")).unwrap();
        draw(
            &network(&[("secretary-general", 700.0)], &[]),
            Path::new("/tmp/network_one.png"),
        )
        .unwrap();
        draw(&network(&[], &[]), Path::new("/tmp/network_empty.png")).unwrap();
        draw(&large(), Path::new("/tmp/network_large.png")).unwrap();
        let debate = un_debate();
        let spokes: Vec<(usize, usize, f64)> = (1..debate.nodes.len().min(36))
            .map(|i| (0, i, 5000.0 / i as f64))
            .collect();
        let star: Vec<(&str, f64)> = debate
            .nodes
            .iter()
            .take(36)
            .map(|n| (n.label.as_str(), n.frequency))
            .collect();
        draw(&network(&star, &spokes), Path::new("/tmp/network_star.png")).unwrap();
        let scattered: Vec<(String, f64)> = (0..40)
            .map(|i| (format!("term-{i}"), 10.0 + f64::from(i) * 50.0))
            .collect();
        let scattered: Vec<(&str, f64)> = scattered.iter().map(|(l, f)| (l.as_str(), *f)).collect();
        draw(
            &network(&scattered, &[(0, 1, 3.0), (2, 3, 9.0), (4, 5, 1.0)]),
            Path::new("/tmp/network_scattered.png"),
        )
        .unwrap();
    }

    /// 80 terms and 150 links from a fixed pseudo-random sequence: the largest network the
    /// chart is meant for.
    fn large() -> Network {
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = move |bound: u64| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (state >> 33) % bound
        };
        let labels: Vec<String> = (0..80)
            .map(|i| match i % 5 {
                0 => format!("sustainability-{i}"),
                1 => format!("peace-{i}"),
                _ => format!("word{i}"),
            })
            .collect();
        let nodes: Vec<(&str, f64)> = labels
            .iter()
            .map(|l| (l.as_str(), 10.0 + next(3000) as f64))
            .collect();
        let edges: Vec<(usize, usize, f64)> = (0..150)
            .map(|i| {
                let a = (i % 80) as usize;
                let b = next(80) as usize;
                (a, b, 10.0 + next(5000) as f64)
            })
            .collect();
        network(&nodes, &edges)
    }
}
