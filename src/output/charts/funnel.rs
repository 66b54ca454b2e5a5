//! A funnel plot (Monroe, Colaresi & Quinn 2008): one dot per term, its total count on a
//! logarithmic x axis, a signed score (the log-odds z) on a linear y axis with dashed lines
//! at the threshold either side. Dots beyond the threshold take their side's colour
//! (Okabe-Ito blue above, vermillion below), the rest are light grey; the strongest of each
//! side are labelled where their label overlaps no other label, no dot of the strongest, and
//! stays inside the plot (a label that finds no place is left out, never drawn over another).
//!
//! The x axis reuses the log-log chart's decades and tick labels.

use std::collections::HashSet;
use std::path::Path;

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::canvas::{Canvas, Picture};
use super::loglog::{label_every, labelled_ticks, tick_label, LogRange};
use super::theme::{
    self, chart_error, draw_line, draw_text, fill_rect, fit, style, text_width, Area, Surface,
};
use crate::error::Result;

/// Which side of the threshold a dot is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Side {
    Above,
    Below,
    Within,
}

/// One dot of the plot.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FunnelDot {
    /// > 0 (the total count).
    pub x: f64,
    pub y: f64,
    /// Its label when it is one of the strongest of its side, else empty.
    pub label: String,
}

/// A funnel plot's content.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FunnelChart {
    pub title: String,
    pub subtitle: String,
    pub x_label: String,
    pub y_label: String,
    /// |y| above this is coloured (1.96).
    pub threshold: f64,
    /// The legend's words for the dots above and below the threshold.
    pub above: String,
    pub below: String,
    /// Labels are tried in this order: the strongest first.
    pub dots: Vec<FunnelDot>,
}

impl FunnelDot {
    fn side(&self, threshold: f64) -> Side {
        if self.y > threshold {
            Side::Above
        } else if self.y < -threshold {
            Side::Below
        } else {
            Side::Within
        }
    }
}

const TOP: i32 = 130;
const PLOT_TOP: i32 = TOP + 44;
const PLOT_HEIGHT: i32 = 900;
const MIN_PLOT_HEIGHT: i32 = 300;
const BOTTOM_SPACE: i32 = 150;
/// Okabe-Ito blue and vermillion, and a grey for the dots within the threshold.
const ABOVE: RGBColor = RGBColor(0, 114, 178);
const BELOW: RGBColor = RGBColor(213, 94, 0);
const WITHIN: RGBAColor = RGBAColor(150, 150, 150, 0.35);
const DOT_RADIUS: u32 = 3;
/// Label size: smaller than axis text, the plot holds many.
const LABEL_SIZE: f64 = 18.0;
const LABEL_PAD: i32 = 3;
const THRESHOLD_LINE: ShapeStyle = ShapeStyle {
    color: RGBAColor(90, 90, 90, 1.0),
    filled: false,
    stroke_width: 1,
};

/// Draws the chart.
pub(crate) fn draw(chart: &FunnelChart, canvas: &Canvas) -> Result<()> {
    canvas.ensure_font()?;
    let height = canvas.image_height(
        PLOT_TOP + PLOT_HEIGHT + BOTTOM_SPACE,
        PLOT_TOP + MIN_PLOT_HEIGHT + BOTTOM_SPACE,
    );
    let layout = Layout::new(chart, canvas.layout_width(), height - BOTTOM_SPACE);
    canvas.draw(height, &Painter { chart, layout })
}

struct Painter<'a> {
    chart: &'a FunnelChart,
    layout: Layout,
}

impl Picture for Painter<'_> {
    fn paint<DB: Surface>(&self, root: &Area<DB>, path: &Path) -> Result<()> {
        let (chart, layout) = (self.chart, &self.layout);
        theme::draw_heading(root, &chart.title, &chart.subtitle, path)?;
        draw_axes(root, chart, layout, path)?;
        let labelled = draw_dots(root, chart, layout, path)?;
        if chart.dots.is_empty() {
            draw_text(
                root,
                "Nothing to show: no term to score.",
                (
                    (layout.left + layout.right) / 2,
                    (PLOT_TOP + layout.bottom) / 2,
                ),
                &style(theme::LABEL_SIZE, theme::MUTED, HPos::Center, VPos::Center),
                path,
            )?;
        }
        draw_labels(root, chart, layout, &labelled, path)?;
        draw_legend(root, chart, layout, path)
    }
}

/// Where everything goes.
struct Layout {
    left: i32,
    right: i32,
    bottom: i32,
    x: LogRange,
    x_ticks: Vec<f64>,
    /// The y axis runs from y_min to y_max (0 and both thresholds inside).
    y_min: f64,
    y_max: f64,
    y_ticks: Vec<f64>,
}

impl Layout {
    fn new(chart: &FunnelChart, width: i32, bottom: i32) -> Layout {
        let dots = || chart.dots.iter().filter(usable);
        let (lo, hi) = dots().fold((f64::NAN, f64::NAN), |(lo, hi), d| {
            (lo.min(d.x), hi.max(d.x))
        });
        let x = LogRange::around(lo, hi);
        let highest = dots().map(|d| d.y).fold(chart.threshold, f64::max);
        let lowest = dots().map(|d| d.y).fold(-chart.threshold, f64::min);
        let step = theme::nice_ticks(highest.max(-lowest), 4)
            .get(1)
            .copied()
            .unwrap_or(1.0);
        let y_max = (highest * 1.04 / step).ceil() * step;
        let y_min = (lowest * 1.04 / step).floor() * step;
        let mut y_ticks = Vec::new();
        let mut t = y_min;
        while t <= y_max + step * 1e-9 {
            y_ticks.push(if t.abs() < step * 1e-9 { 0.0 } else { t });
            t += step;
        }
        let decimals = theme::tick_decimals(step);
        let widest_y = y_ticks
            .iter()
            .map(|&t| text_width(&theme::format_number(t, decimals), theme::TICK_SIZE))
            .max()
            .unwrap_or(0) as i32;
        let widest = |ticks: &[f64]| {
            ticks
                .iter()
                .map(|&t| text_width(&tick_label(t), theme::TICK_SIZE))
                .max()
                .unwrap_or(0) as i32
        };
        let left = theme::MARGIN + widest_y + 14;
        let all_x = labelled_ticks(x, 1);
        let right = width - theme::MARGIN - widest(&all_x) / 2;
        let x_every = label_every(f64::from(right - left) / x.span(), widest(&all_x));
        Layout {
            left,
            right,
            bottom,
            x,
            x_ticks: labelled_ticks(x, x_every),
            y_min,
            y_max,
            y_ticks,
        }
    }

    fn x_of(&self, value: f64) -> i32 {
        let t = (value.log10() - self.x.from) / self.x.span();
        self.left + (t * f64::from(self.right - self.left)).round() as i32
    }

    fn y_of(&self, value: f64) -> i32 {
        let t = (value - self.y_min) / (self.y_max - self.y_min);
        self.bottom - (t * f64::from(self.bottom - PLOT_TOP)).round() as i32
    }

    fn pixel(&self, dot: &FunnelDot) -> (i32, i32) {
        (self.x_of(dot.x), self.y_of(dot.y))
    }
}

fn usable(dot: &&FunnelDot) -> bool {
    dot.x.is_finite() && dot.x > 0.0 && dot.y.is_finite()
}

fn draw_axes<DB: Surface>(
    root: &Area<DB>,
    chart: &FunnelChart,
    layout: &Layout,
    path: &Path,
) -> Result<()> {
    let (left, right, bottom) = (layout.left, layout.right, layout.bottom);
    for k in layout.x.decades() {
        let x = layout.x_of(10f64.powi(k));
        draw_line(
            root,
            vec![(x, PLOT_TOP), (x, bottom)],
            theme::GRID_LINE,
            path,
        )?;
    }
    let decimals =
        theme::tick_decimals(layout.y_ticks.get(1).map_or(1.0, |t| t - layout.y_ticks[0]));
    for &tick in &layout.y_ticks {
        let y = layout.y_of(tick);
        draw_line(root, vec![(left, y), (right, y)], theme::GRID_LINE, path)?;
        draw_text(
            root,
            &theme::format_number(tick, decimals),
            (left - 10, y),
            &style(theme::TICK_SIZE, theme::MUTED, HPos::Right, VPos::Center),
            path,
        )?;
    }
    for &tick in &layout.x_ticks {
        let x = layout.x_of(tick);
        draw_line(
            root,
            vec![(x, bottom), (x, bottom + 6)],
            theme::AXIS_LINE,
            path,
        )?;
        draw_text(
            root,
            &tick_label(tick),
            (x, bottom + 12),
            &style(theme::TICK_SIZE, theme::MUTED, HPos::Center, VPos::Top),
            path,
        )?;
    }
    // Zero, and the threshold dashed either side.
    draw_line(
        root,
        vec![(left, layout.y_of(0.0)), (right, layout.y_of(0.0))],
        theme::AXIS_LINE,
        path,
    )?;
    for level in [chart.threshold, -chart.threshold] {
        let y = layout.y_of(level);
        let mut x = left;
        while x < right {
            let end = (x + 10).min(right);
            draw_line(root, vec![(x, y), (end, y)], THRESHOLD_LINE, path)?;
            x += 18;
        }
    }
    draw_line(
        root,
        vec![(left, PLOT_TOP), (left, bottom), (right, bottom)],
        theme::AXIS_LINE,
        path,
    )?;
    theme::draw_axis_titles(
        root,
        (&chart.x_label, (left + right) / 2, bottom + 52),
        (&chart.y_label, TOP),
        path,
    )
}

/// Draws the dots (grey first, coloured over them; one per pixel and colour); returns the
/// pixels of the dots with a label, in the chart's order.
fn draw_dots<DB: Surface>(
    root: &Area<DB>,
    chart: &FunnelChart,
    layout: &Layout,
    path: &Path,
) -> Result<Vec<(usize, (i32, i32))>> {
    let mut seen = HashSet::new();
    for pass in [Side::Within, Side::Below, Side::Above] {
        for dot in chart.dots.iter().filter(usable) {
            let side = dot.side(chart.threshold);
            if side != pass {
                continue;
            }
            let pixel = layout.pixel(dot);
            if !seen.insert((pixel, pass as u8)) {
                continue;
            }
            let circle = match side {
                Side::Within => Circle::new(pixel, DOT_RADIUS, WITHIN.filled()),
                Side::Above => Circle::new(pixel, DOT_RADIUS + 1, ABOVE.filled()),
                Side::Below => Circle::new(pixel, DOT_RADIUS + 1, BELOW.filled()),
            };
            root.draw(&circle).map_err(|e| chart_error(path, e))?;
        }
    }
    Ok(chart
        .dots
        .iter()
        .enumerate()
        .filter(|(_, d)| !d.label.is_empty() && usable(d))
        .map(|(i, d)| (i, layout.pixel(d)))
        .collect())
}

/// A box in pixels: left, top, right, bottom.
type Rect = (i32, i32, i32, i32);

fn overlaps(a: Rect, b: Rect) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
}

/// Positions of [`place_labels`] from this one on are away from their dot: a leader line
/// joins them.
const FIRST_FAR: usize = 4;

/// Where each label goes: for each labelled dot in order, the first of a few positions
/// around it (right, left, above, below, then further out) whose box stays in the plot and
/// overlaps no label placed before it nor any labelled dot; none when every one does. With
/// each box, whether it is one of the far positions.
fn place_labels(
    labels: &[(String, (i32, i32))],
    (left, top, right, bottom): Rect,
    legend: Rect,
) -> Vec<Option<(Rect, bool)>> {
    let half = (LABEL_SIZE / 2.0).ceil() as i32 + LABEL_PAD;
    let dots: Vec<Rect> = labels
        .iter()
        .map(|(_, (x, y))| (x - 5, y - 5, x + 5, y + 5))
        .collect();
    let mut placed: Vec<Rect> = Vec::new();
    labels
        .iter()
        .map(|(text, (x, y))| {
            let w = text_width(text, LABEL_SIZE) as i32 + 2 * LABEL_PAD;
            let candidates = [
                (x + 7, y - half),
                (x - 7 - w, y - half),
                (x - w / 2, y - 8 - 2 * half),
                (x - w / 2, y + 8),
                (x + 7, y - 3 * half),
                (x + 7, y + half),
                (x - 7 - w, y - 3 * half),
                (x - 7 - w, y + half),
                (x - w / 2, y - 10 - 4 * half),
                (x - w / 2, y + 10 + 2 * half),
            ];
            let found = candidates
                .iter()
                .map(|&(l, t)| (l, t, l + w, t + 2 * half))
                .enumerate()
                .find(|&(_, r)| {
                    r.0 >= left
                        && r.1 >= top
                        && r.2 <= right
                        && r.3 <= bottom
                        && !overlaps(r, legend)
                        && !placed.iter().any(|&p| overlaps(p, r))
                        && !dots.iter().any(|&d| overlaps(d, r))
                });
            if let Some((_, r)) = found {
                placed.push(r);
            }
            found.map(|(k, r)| (r, k >= FIRST_FAR))
        })
        .collect()
}

fn draw_labels<DB: Surface>(
    root: &Area<DB>,
    chart: &FunnelChart,
    layout: &Layout,
    labelled: &[(usize, (i32, i32))],
    path: &Path,
) -> Result<()> {
    let max_width = ((layout.right - layout.left) / 4).max(40) as u32;
    let labels: Vec<(String, (i32, i32))> = labelled
        .iter()
        .map(|&(i, pixel)| (fit(&chart.dots[i].label, LABEL_SIZE, max_width), pixel))
        .collect();
    let plot = (
        layout.left + 2,
        PLOT_TOP + 2,
        layout.right - 2,
        layout.bottom - 2,
    );
    let places = place_labels(&labels, plot, legend_rect(chart, layout));
    for ((&(i, (x, y)), (text, _)), place) in labelled.iter().zip(&labels).zip(places) {
        let Some(((l, t, r, b), far)) = place else {
            continue;
        };
        if far {
            // From the dot to the nearest point of the label's box.
            let to = (x.clamp(l, r), y.clamp(t, b));
            draw_line(root, vec![(x, y), to], LEADER_LINE, path)?;
        }
        let color = match chart.dots[i].side(chart.threshold) {
            Side::Above => ABOVE,
            Side::Below => BELOW,
            Side::Within => theme::MUTED,
        };
        draw_text(
            root,
            text,
            (l + LABEL_PAD, t + LABEL_PAD),
            &style(LABEL_SIZE, color, HPos::Left, VPos::Top),
            path,
        )?;
    }
    Ok(())
}

const LEADER_LINE: ShapeStyle = ShapeStyle {
    color: RGBAColor(120, 120, 120, 1.0),
    filled: false,
    stroke_width: 1,
};
const LEGEND_ROW: i32 = 28;
const LEGEND_PADDING: i32 = 12;

/// The legend's box: the corner of the plot (top right, top left, bottom right, bottom
/// left) over the fewest dots, the labelled ones counting most.
fn legend_rect(chart: &FunnelChart, layout: &Layout) -> Rect {
    let max_text = ((layout.right - layout.left) / 2).max(60) as u32;
    let w = [&chart.above, &chart.below]
        .iter()
        .map(|t| text_width(&fit(t, theme::TICK_SIZE, max_text), theme::TICK_SIZE) as i32)
        .max()
        .unwrap_or(0)
        + 2 * LEGEND_PADDING
        + 24;
    let h = 2 * LEGEND_ROW + 2 * LEGEND_PADDING - 8;
    let corners = [
        (layout.right - 10 - w, PLOT_TOP + 10),
        (layout.left + 10, PLOT_TOP + 10),
        (layout.right - 10 - w, layout.bottom - 10 - h),
        (layout.left + 10, layout.bottom - 10 - h),
    ];
    let covered = |&(l, t): &(i32, i32)| -> usize {
        chart
            .dots
            .iter()
            .filter(usable)
            .map(|d| {
                let (x, y) = layout.pixel(d);
                let inside = x >= l - 12 && x <= l + w + 12 && y >= t - 12 && y <= t + h + 12;
                match (inside, d.label.is_empty()) {
                    (false, _) => 0,
                    (true, true) => 1,
                    (true, false) => 1000,
                }
            })
            .sum()
    };
    let mut best = corners[0];
    let mut least = covered(&best);
    for corner in &corners[1..] {
        let c = covered(corner);
        if c < least {
            (best, least) = (*corner, c);
        }
    }
    (best.0, best.1, best.0 + w, best.1 + h)
}

fn draw_legend<DB: Surface>(
    root: &Area<DB>,
    chart: &FunnelChart,
    layout: &Layout,
    path: &Path,
) -> Result<()> {
    let (l, t, r, b) = legend_rect(chart, layout);
    fill_rect(root, [(l, t), (r, b)], WHITE, path)?;
    root.draw(&Rectangle::new([(l, t), (r, b)], theme::GRID_LINE))
        .map_err(|e| chart_error(path, e))?;
    let max_text = ((layout.right - layout.left) / 2).max(60) as u32;
    for (row, (text, color)) in [(&chart.above, ABOVE), (&chart.below, BELOW)]
        .into_iter()
        .enumerate()
    {
        let y = t + LEGEND_PADDING + 10 + row as i32 * LEGEND_ROW;
        root.draw(&Circle::new(
            (l + LEGEND_PADDING + 6, y),
            DOT_RADIUS + 2,
            color.filled(),
        ))
        .map_err(|e| chart_error(path, e))?;
        draw_text(
            root,
            &fit(text, theme::TICK_SIZE, max_text),
            (l + LEGEND_PADDING + 20, y),
            &style(theme::TICK_SIZE, theme::TEXT, HPos::Left, VPos::Center),
            path,
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Labels crowded on one spot each find a place of their own or are left out: no two
    /// placed boxes overlap, and every one stays inside the plot.
    #[test]
    fn placed_labels_never_overlap_and_stay_inside() {
        let labels: Vec<(String, (i32, i32))> = (0..40)
            .map(|i| (format!("term{i}"), (500 + (i % 3), 400 + (i % 4))))
            .chain([("edge".to_owned(), (1190, 205))])
            .collect();
        let plot = (100, 200, 1200, 800);
        let places = place_labels(&labels, plot, (0, 0, 0, 0));
        let placed: Vec<Rect> = places.iter().flatten().map(|&(r, _)| r).collect();
        assert!(placed.len() >= 4, "{placed:?}");
        assert!(placed.len() < labels.len());
        for (i, a) in placed.iter().enumerate() {
            assert!(a.0 >= plot.0 && a.1 >= plot.1 && a.2 <= plot.2 && a.3 <= plot.3);
            for b in &placed[i + 1..] {
                assert!(!overlaps(*a, *b), "{a:?} {b:?}");
            }
        }
        // The label by the right edge goes to the left of its dot.
        let (edge, _) = places.last().unwrap().unwrap();
        assert!(edge.2 <= 1190);
    }
}
