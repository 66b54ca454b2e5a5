//! Co-occurrence network ("which words keep company"): one disc per term, its area by the
//! term's frequency, and one line per pair of terms that keep company, wider and darker as
//! their association score grows.
//!
//! The geometry is pure and tested without pixels; [`draw`] only paints what it computed:
//! 1. a force-directed layout (Fruchterman and Reingold 1991) of each connected component,
//!    started from a sunflower spiral and run for a fixed number of steps, so the same input
//!    gives the same picture byte for byte; nodes with long labels repel more, and each
//!    component is turned so that its long axis runs across (or down, where the drawing
//!    area is higher than wide and the component would not fit across);
//! 2. the components packed side by side (in rows, or in a column beside the largest, or in
//!    rows below it, whichever can be drawn the largest), each with room for a whole label
//!    beside its outermost discs and half of [`layout::COMPONENT_LABEL_GAP`] around that, and
//!    the whole scaled to fill the drawing area;
//! 3. an overlap-removal pass that pushes discs apart until none touch;
//! 4. greedy label placement from the largest disc down: eight positions around the disc
//!    (right, left, above, below, diagonals) in rings a little farther out, then a smaller
//!    font, then a shortened label. A label never covers another label or any disc and stays
//!    inside the image; among free positions it prefers the side of its disc, few lines
//!    crossing it, and no other disc about as close as its own. Labels of different
//!    components keep well apart on a line of text, so that they do not read as one phrase.
//!
//! Where the canvas's height leaves a label out, shortened, or beside a label of another
//! component, the image is drawn taller, as little as that needs ([`fitted`]).
//!
//! Steps 1 to 3 are in `layout`, step 4 in `labels`, both on the points and rectangles of
//! `geometry`; this file holds the public types and the painting.

use std::path::Path;

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::canvas::{Canvas, Picture};
use super::theme::{self, chart_error, draw_line, draw_text, style, text_width, Area, Surface};
use crate::error::Result;

#[cfg(test)]
mod fixtures;
mod geometry;
mod labels;
mod layout;

use geometry::{Point, Rect};
use labels::{place_labels, Measure, PlacedLabel, LABEL_PAD};
use layout::{component_of, layout, links, radii, Link};

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

/// The network's own height is three quarters of the width (1200 pixels for the default
/// 1600), but at least this and at most [`MAX_NATURAL_HEIGHT`].
const MIN_NATURAL_HEIGHT: i32 = 800;
const MAX_NATURAL_HEIGHT: i32 = 1800;
/// The least height asked for that the network is drawn at.
const MIN_HEIGHT: i32 = 480;

/// Below the title and subtitle drawn by [`theme::draw_heading`].
const HEADING_BOTTOM: f64 = (theme::HEADING_BOTTOM + 2) as f64;
/// The strip at the bottom that holds the legend, in one line.
const LEGEND_HEIGHT: f64 = 60.0;
/// Distance between the legend's two lines, when it takes two.
const LEGEND_LINE: f64 = 30.0;

const MIN_STROKE: f64 = 1.0;
const MAX_STROKE: f64 = 8.0;

const NODE_OUTLINE: RGBColor = RGBColor(0, 70, 110);
const LABEL_BACKGROUND: RGBAColor = RGBAColor(255, 255, 255, 0.85);

/// Draws the network. A network without nodes draws a chart that says so. The image is the
/// canvas's height, or taller where that leaves a label out, shortened, or beside a label of
/// another component: see [`fitted`].
pub fn draw(network: &Network, canvas: &Canvas) -> Result<()> {
    canvas.ensure_font()?;
    let width = canvas.layout_width();
    let natural = (width * 3 / 4).clamp(MIN_NATURAL_HEIGHT, MAX_NATURAL_HEIGHT);
    let start = canvas.image_height(natural, MIN_HEIGHT);
    let measure = |text: &str, size: f64| f64::from(text_width(text, size));
    let shorten =
        |text: &str, size: f64, max: f64| theme::fit(text, size, max.max(0.0).floor() as u32);
    let (height, geometry) = fitted(network, width, start, natural, &measure, &shorten);
    canvas.draw(height, &Painter { network, geometry })
}

/// Most an image grows to let its labels read well: this many times the larger of the
/// network's own height and the height asked for.
const MAX_GROWTH: f64 = 2.0;
/// Each try at a taller image is this much taller than the last.
const GROWTH_STEP: f64 = 1.1;

/// The height of the image and the geometry drawn on it: `start` when every label there is
/// placed whole and apart from other components' labels ([`label_problems`] finds none),
/// else the first height that reads so, taller by a tenth at each try up to [`MAX_GROWTH`]
/// times `start` (or `natural`, if more); where none does, the one with fewest problems
/// (the lowest of those). No geometry for a network without nodes.
fn fitted(
    network: &Network,
    width: i32,
    start: i32,
    natural: i32,
    measure: &dyn Fn(&str, f64) -> f64,
    shorten: &dyn Fn(&str, f64, f64) -> String,
) -> (i32, Option<Geometry>) {
    if network.nodes.is_empty() {
        return (start, None);
    }
    let most = (f64::from(start.max(natural)) * MAX_GROWTH) as i32;
    let legend = Legend::new(network, width).height();
    let mut height = start;
    let mut best: Option<(usize, i32, Geometry)> = None;
    loop {
        let g = geometry(
            network,
            &Frame::new(width, height, legend),
            measure,
            shorten,
        );
        let problems = label_problems(network, &g);
        if best
            .as_ref()
            .is_none_or(|(fewest, _, _)| problems < *fewest)
        {
            best = Some((problems, height, g));
        }
        if problems == 0 || height >= most {
            break;
        }
        height = ((f64::from(height) * GROWTH_STEP).ceil() as i32).min(most);
    }
    let (_, height, g) = best.expect("at least one height is tried");
    (height, Some(g))
}

/// How far the labels of `g` fall short: one for each label left out, shortened, or nearer
/// to another disc than to its own (so that it may be read as that disc's), and one for
/// each pair of labels of different components that share a line of text closer than
/// [`layout::COMPONENT_LABEL_GAP`].
fn label_problems(network: &Network, g: &Geometry) -> usize {
    let astray = g
        .labels
        .iter()
        .zip(&network.nodes)
        .enumerate()
        .filter(|(i, (label, node))| {
            label.as_ref().is_none_or(|l| {
                let own = l.rect.gap_to_disc(g.centers[*i], g.radii[*i]);
                let nearer = g
                    .centers
                    .iter()
                    .zip(&g.radii)
                    .enumerate()
                    .any(|(j, (&c, &r))| j != *i && l.rect.gap_to_disc(c, r) < own);
                l.text != node.label || nearer
            })
        })
        .count();
    let component = component_of(g.centers.len(), &g.links);
    astray + labels::close_strangers(&g.labels, &component).len()
}

struct Painter<'a> {
    network: &'a Network,
    geometry: Option<Geometry>,
}

impl Picture for Painter<'_> {
    fn paint<DB: Surface>(&self, root: &Area<DB>, path: &Path) -> Result<()> {
        let network = self.network;
        theme::draw_heading(root, &network.title, &network.subtitle, path)?;
        let Some(geometry) = &self.geometry else {
            let (w, h) = root.dim_in_pixel();
            return draw_text(
                root,
                "Nothing to show: no terms to draw.",
                (w as i32 / 2, h as i32 / 2),
                &style(theme::LABEL_SIZE, theme::MUTED, HPos::Center, VPos::Center),
                path,
            );
        };
        draw_edges(root, geometry, path)?;
        draw_nodes(root, geometry, path)?;
        draw_labels(root, geometry, path)?;
        draw_legend(root, network, path)
    }
}

fn draw_edges<DB: Surface>(root: &Area<DB>, geometry: &Geometry, path: &Path) -> Result<()> {
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

fn draw_nodes<DB: Surface>(root: &Area<DB>, geometry: &Geometry, path: &Path) -> Result<()> {
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

fn draw_labels<DB: Surface>(root: &Area<DB>, geometry: &Geometry, path: &Path) -> Result<()> {
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

/// The legend at the bottom left: sample discs and what they mean, then (when there are
/// lines) sample lines and what they mean, each with its range; in one line, or in two where
/// one is too narrow.
#[derive(Debug, Clone, PartialEq)]
struct Legend {
    nodes: String,
    edges: Option<String>,
    two_lines: bool,
}

/// Room the sample discs take before the discs' text.
const LEGEND_DISCS: i32 = 2 * 5 + 6 + 2 * 10 + 6 + 4;
/// Room the sample lines take before the lines' text.
const LEGEND_LINES: i32 = 2 * 44;
/// Space between the discs' part and the lines' part on one line.
const LEGEND_GAP: i32 = 36;

impl Legend {
    /// The legend of `network` on an image `width` pixels wide.
    fn new(network: &Network, width: i32) -> Legend {
        let frequencies: Vec<f64> = network.nodes.iter().map(|n| n.frequency).collect();
        let nodes = format!("Node size: frequency{}", range_text(&frequencies));
        let n = network.nodes.len();
        let scores: Vec<f64> = network
            .edges
            .iter()
            .filter(|e| e.a < n && e.b < n && e.a != e.b)
            .map(|e| e.score)
            .collect();
        let edges = (!scores.is_empty())
            .then(|| format!("line width: {}{}", network.score_label, range_text(&scores)));
        let size = theme::TICK_SIZE;
        let one_line = LEGEND_DISCS
            + text_width(&format!("{nodes};"), size) as i32
            + LEGEND_GAP
            + LEGEND_LINES
            + edges.as_deref().map_or(0, |e| text_width(e, size) as i32);
        let two_lines = edges.is_some() && one_line > width - 2 * theme::MARGIN;
        Legend {
            nodes,
            edges,
            two_lines,
        }
    }

    /// Height of the strip at the bottom of the image that holds the legend.
    fn height(&self) -> f64 {
        if self.two_lines {
            LEGEND_HEIGHT + LEGEND_LINE
        } else {
            LEGEND_HEIGHT
        }
    }
}

fn draw_legend<DB: Surface>(root: &Area<DB>, network: &Network, path: &Path) -> Result<()> {
    let (width, height) = root.dim_in_pixel();
    let legend = Legend::new(network, width as i32);
    let mut y = (f64::from(height) - legend.height() + LEGEND_HEIGHT / 2.0).round() as i32;
    let size = theme::TICK_SIZE;
    let text_style = style(size, theme::MUTED, HPos::Left, VPos::Center);
    let mut x = theme::MARGIN;
    for r in [5, 10] {
        root.draw(&Circle::new((x + r, y), r, theme::BAR.filled()))
            .map_err(|e| chart_error(path, e))?;
        x += 2 * r + 6;
    }
    let nodes = match (&legend.edges, legend.two_lines) {
        (Some(_), false) => format!("{};", legend.nodes),
        _ => legend.nodes.clone(),
    };
    let room = |x: i32| (width as i32 - theme::MARGIN - x).max(0) as u32;
    draw_text(
        root,
        &theme::fit(&nodes, size, room(x + 4)),
        (x + 4, y + 4),
        &text_style,
        path,
    )?;
    let Some(edges) = &legend.edges else {
        return Ok(());
    };
    if legend.two_lines {
        x = theme::MARGIN;
        y += LEGEND_LINE as i32;
    } else {
        x += 4 + text_width(&nodes, size) as i32 + LEGEND_GAP;
    }
    for strength in [0.05, 1.0] {
        draw_line(root, vec![(x, y), (x + 34, y)], edge_style(strength), path)?;
        x += LEGEND_LINES / 2;
    }
    draw_text(
        root,
        &theme::fit(edges, size, room(x)),
        (x, y + 4),
        &text_style,
        path,
    )
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
    frame: &Frame,
    width: &dyn Fn(&str, f64) -> f64,
    shorten: &dyn Fn(&str, f64, f64) -> String,
) -> Geometry {
    let radii = radii(&network.nodes, &frame.plot);
    let links = links(network);
    let texts: Vec<&str> = network.nodes.iter().map(|n| n.label.as_str()).collect();
    let label_widths: Vec<f64> = texts
        .iter()
        .map(|t| width(t, theme::LABEL_SIZE) + 2.0 * LABEL_PAD)
        .collect();
    let centers = layout(&radii, &label_widths, &links, &frame.plot);
    let component = component_of(centers.len(), &links);
    let labels = place_labels(
        &texts,
        &centers,
        &radii,
        &links,
        &component,
        &frame.labels,
        &Measure { width, shorten },
    );
    Geometry {
        centers,
        radii,
        links,
        labels,
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
    /// The frame of an image `width` by `height` pixels whose legend takes `legend` pixels
    /// at the bottom.
    fn new(width: i32, height: i32, legend: f64) -> Frame {
        let width = f64::from(width);
        let height = f64::from(height);
        let margin = f64::from(theme::MARGIN);
        Frame {
            plot: Rect {
                left: margin,
                top: HEADING_BOTTOM + 8.0,
                right: width - margin,
                bottom: height - legend - 8.0,
            },
            labels: Rect {
                left: margin / 2.0,
                top: HEADING_BOTTOM,
                right: width - margin / 2.0,
                bottom: height - legend,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::fixtures::{large, network, pairs, shorten, un_debate, width};
    use super::*;
    use crate::output::charts::canvas::tests::draw_everywhere;
    use crate::output::charts::canvas::DEFAULT_WIDTH;

    /// The frame of the default image, 1600 by 1200.
    fn frame() -> Frame {
        Frame::new(DEFAULT_WIDTH as i32, 1200, LEGEND_HEIGHT)
    }

    fn check_geometry(g: &Geometry, frame: &Frame) {
        let n = g.centers.len();
        let plot = frame.plot;
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
        let boxes: Vec<&PlacedLabel> = g.labels.iter().flatten().collect();
        for (i, label) in boxes.iter().enumerate() {
            assert!(frame.labels.contains(&label.rect), "{label:?}");
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

    /// Texts of the labels of different components on one line of text closer than
    /// [`layout::COMPONENT_LABEL_GAP`].
    fn close_strangers(g: &Geometry) -> Vec<(String, String)> {
        let component = component_of(g.centers.len(), &g.links);
        let text = |i: usize| {
            g.labels[i]
                .as_ref()
                .map_or(String::new(), |l| l.text.clone())
        };
        labels::close_strangers(&g.labels, &component)
            .into_iter()
            .map(|(i, j)| (text(i), text(j)))
            .collect()
    }

    #[test]
    fn layout_is_deterministic() {
        let net = un_debate();
        let first = geometry(&net, &frame(), &width, &shorten);
        let second = geometry(&net, &frame(), &width, &shorten);
        assert_eq!(first, second);
    }

    #[test]
    fn a_debate_network_has_no_overlaps_and_every_label_placed() {
        let g = geometry(&un_debate(), &frame(), &width, &shorten);
        check_geometry(&g, &frame());
        assert!(g.labels.iter().all(Option::is_some));
        let full = g
            .labels
            .iter()
            .flatten()
            .filter(|l| l.size == theme::LABEL_SIZE)
            .count();
        assert!(full * 10 >= g.labels.len() * 8, "{full} in full size");
    }

    /// With the embedded font, on canvases of the default size, narrow, wide and low: no label
    /// leaves the image or covers a disc or another label. From 1000 pixels wide (1600 for
    /// the largest network) every label is whole, beside its own disc and apart from other
    /// components' labels, the image growing where the height asked for is too low for that;
    /// the default canvas is high enough for a debate's network. Narrower, labels stay whole
    /// down to 800 pixels, and at the narrowest few are shortened.
    #[test]
    fn labels_measured_with_the_embedded_font_fit_too() {
        theme::ensure_font().unwrap();
        let width = |text: &str, size: f64| f64::from(text_width(text, size));
        let shorten = |text: &str, size: f64, max: f64| theme::fit(text, size, max as u32);
        for (w, h) in [
            (1600, 1200),
            (1000, 800),
            (2400, 1800),
            (1600, 600),
            (800, 600),
            (640, 480),
        ] {
            for (name, net) in [
                ("debate", un_debate()),
                ("large", large()),
                ("pairs", pairs()),
            ] {
                let natural = (w * 3 / 4).clamp(MIN_NATURAL_HEIGHT, MAX_NATURAL_HEIGHT);
                let (height, g) = fitted(&net, w, h, natural, &width, &shorten);
                let g = g.unwrap();
                let legend = Legend::new(&net, w).height();
                check_geometry(&g, &Frame::new(w, height, legend));
                let problems = label_problems(&net, &g);
                let short = g
                    .labels
                    .iter()
                    .zip(&net.nodes)
                    .filter(|(l, n)| l.as_ref().is_none_or(|l| l.text != n.label))
                    .count();
                let at = format!("{name} {w} x {h}: {height}, {problems} problems, {short} short");
                if w >= 1000 && (name != "large" || w >= 1600) {
                    assert_eq!(problems, 0, "{at}");
                } else if w >= 800 && name != "large" {
                    // Crowded: a label may sit nearer another disc than its own, but whole.
                    assert_eq!(short, 0, "{at}");
                } else {
                    // The narrowest canvas, or the largest network on a narrow one: a few
                    // labels shortened (or, very rarely, left out).
                    assert!(short * 6 < net.nodes.len(), "{at}");
                }
                assert!(height >= h, "{name} {w} x {h}: {height}");
                if (name, w, h) == ("debate", 1600, 1200) {
                    assert_eq!(height, h);
                }
            }
        }
    }

    /// Many small components side by side ("united states", "qaida al", "bless god"): no
    /// label of one sits beside a label of another on its line, on the canvas's own height
    /// or, where that is too low, on the height [`draw`] grows it to.
    #[test]
    fn labels_of_different_components_keep_apart() {
        theme::ensure_font().unwrap();
        let width = |text: &str, size: f64| f64::from(text_width(text, size));
        let shorten = |text: &str, size: f64, max: f64| theme::fit(text, size, max as u32);
        for (w, h) in [(1600, 1200), (1000, 800), (2400, 1800), (800, 600)] {
            for (name, net) in [("debate", un_debate()), ("pairs", pairs())] {
                let (height, g) = fitted(&net, w, h, h, &width, &shorten);
                let g = g.unwrap();
                assert_eq!(
                    close_strangers(&g),
                    [] as [(String, String); 0],
                    "{name} {w} x {h}: {height}"
                );
            }
        }
        // On the default canvas the debate keeps its height: the gaps cost no room.
        let g = geometry(&un_debate(), &frame(), &width, &shorten);
        assert_eq!(close_strangers(&g), [] as [(String, String); 0]);
    }

    /// The legend is whole at every width: in one line where it fits, else the lines'
    /// part on a second line; the drawing area leaves room for it.
    #[test]
    fn the_legend_is_whole_at_any_width() {
        theme::ensure_font().unwrap();
        let size = theme::TICK_SIZE;
        for width in [640, 800, 1000, 1600, 2400] {
            let legend = Legend::new(&un_debate(), width);
            let nodes = text_width(&legend.nodes, size) as i32 + 1;
            let edges = text_width(legend.edges.as_deref().unwrap(), size) as i32;
            let room = width - 2 * theme::MARGIN;
            if legend.two_lines {
                assert!(LEGEND_DISCS + nodes <= room, "{width}");
                assert!(LEGEND_LINES + edges <= room, "{width}");
                assert!(LEGEND_DISCS + nodes + LEGEND_GAP + LEGEND_LINES + edges > room);
            } else {
                assert!(LEGEND_DISCS + nodes + LEGEND_GAP + LEGEND_LINES + edges <= room);
            }
            assert_eq!(legend.two_lines, width < 1000, "{width}");
            let frame = Frame::new(width, 1000, legend.height());
            assert!(frame.labels.bottom + legend.height() <= 1000.0);
        }
        let lonely = Legend::new(&network(&[("peace", 10.0)], &[]), 640);
        assert_eq!((lonely.edges, lonely.two_lines), (None, false));
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
            let g = geometry(net, &frame(), &width, &shorten);
            assert_eq!(g.centers.len(), net.nodes.len());
            check_geometry(&g, &frame());
            assert!(g.centers.iter().all(|p| p.x.is_finite() && p.y.is_finite()));
        }
    }

    #[test]
    fn draw_writes_the_same_png_twice_also_for_an_empty_network() {
        let dir = tempfile::tempdir().unwrap();
        for (name, net) in [
            ("debate.png", un_debate()),
            ("empty.png", network(&[], &[])),
            ("one.png", network(&[("peace", 10.0)], &[])),
        ] {
            let canvas = Canvas::png(dir.path().join(name));
            draw(&net, &canvas).unwrap();
            let bytes = std::fs::read(&canvas.path).unwrap();
            assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"), "{name}");
            draw(&net, &canvas).unwrap();
            assert_eq!(
                std::fs::read(&canvas.path).unwrap(),
                bytes,
                "{name} drawn twice"
            );
        }
    }

    #[test]
    fn the_chart_draws_in_both_formats_at_any_width_and_height() {
        for (name, net) in [
            ("debate", un_debate()),
            ("pairs", pairs()),
            ("empty", network(&[], &[])),
        ] {
            draw_everywhere(&format!("network_{name}"), |canvas| draw(&net, canvas));
        }
    }

    /// Draws the charts a person looks at: `cargo test network -- --ignored`.
    #[test]
    #[ignore]
    fn draw_networks_to_look_at() {
        let png = |name: &str| Canvas::png(format!("/tmp/network_{name}.png"));
        draw(&un_debate(), &png("check")).unwrap();
        draw(&pairs(), &png("pairs")).unwrap();
        let three = network(
            &[
                ("united", 2800.0),
                ("nations", 2900.0),
                ("peace-building", 150.0),
            ],
            &[(0, 1, 4980.0), (1, 2, 120.0)],
        );
        draw(&three, &png("three")).unwrap();
        draw(&network(&[("secretary-general", 700.0)], &[]), &png("one")).unwrap();
        draw(&network(&[], &[]), &png("empty")).unwrap();
        draw(&large(), &png("large")).unwrap();
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
        draw(&network(&star, &spokes), &png("star")).unwrap();
        let scattered: Vec<(String, f64)> = (0..40)
            .map(|i| (format!("term-{i}"), 10.0 + f64::from(i) * 50.0))
            .collect();
        let scattered: Vec<(&str, f64)> = scattered.iter().map(|(l, f)| (l.as_str(), *f)).collect();
        draw(
            &network(&scattered, &[(0, 1, 3.0), (2, 3, 9.0), (4, 5, 1.0)]),
            &png("scattered"),
        )
        .unwrap();
    }
}
