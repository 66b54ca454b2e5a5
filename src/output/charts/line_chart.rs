//! Line chart of values over time (term trends, a measure per speech over the years): one
//! coloured line per series labelled at its right end, optional grey dots behind them.
//!
//! The y axis starts at 0 (or ends at 0, when every value is negative) unless every value is
//! far from 0: when the values nearest 0 are more than half as far from it as the farthest
//! ones, the axis spans the values with 8% padding each side, so their differences show (a
//! single value is shown against 0). Both axes then run to round ticks (steps of 1, 2 or 5
//! times a power of ten); the x axis spans the data with a little padding, at its real spacing.
//!
//! Series take the colours of [`OKABE_ITO`] in order; from the eighth on the colours repeat
//! with dashed lines and square, then triangle markers (markers are drawn only where points are
//! at least 11 pixels apart, and on points standing alone). Labels sit in a column right of the
//! plot, each at the height of its line's end, nudged apart when lines end close together,
//! with a thin leader line back to the line's end when moved (dotted when the line ends early).

use std::collections::HashMap;
use std::path::Path;

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::canvas::{Canvas, Picture};
use super::theme::{
    self, chart_error, draw_line, draw_text, fill_rect, fit, style, text_width, Area, Surface,
};
use crate::error::Result;

/// One line, labelled at its right end.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Series {
    /// e.g. "freedom" or "mean by decade".
    pub label: String,
    /// (x, y), sorted by x; points with a value that is not finite are left out.
    pub points: Vec<(f64, f64)>,
}

/// A line chart's content. Readable up to [`MAX_SERIES`] series.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct LineChart {
    pub title: String,
    pub subtitle: String,
    /// Written under the x axis, e.g. "year".
    pub x_label: String,
    /// Written above the y axis, e.g. "occurrences per 10,000 words".
    pub y_label: String,
    /// One colour each.
    pub series: Vec<Series>,
    /// Grey points drawn behind the lines (one per speech); may be thousands.
    pub dots: Vec<(f64, f64)>,
    /// Consecutive points of a series further apart than this on x are not joined.
    pub gap: Option<f64>,
    /// Tick labels on x as plain integers (1790, not 1,790).
    pub x_is_year: bool,
}

/// The Okabe-Ito colours readable on white, in the order series take them: blue, orange,
/// bluish green, reddish purple, sky blue, vermillion, black (the palette's yellow is left
/// out: it is only readable on dark backgrounds).
pub(crate) const OKABE_ITO: [RGBColor; 7] = [
    RGBColor(0, 114, 178),
    RGBColor(230, 159, 0),
    RGBColor(0, 158, 115),
    RGBColor(204, 121, 167),
    RGBColor(86, 180, 233),
    RGBColor(213, 94, 0),
    RGBColor(0, 0, 0),
];

/// Most series the chart is meant for (it draws more: colours repeat, ever more dashed).
pub(crate) const MAX_SERIES: usize = 10;

/// Top of the y axis caption; the plot starts under it.
const TOP: i32 = 130;
const PLOT_TOP: i32 = TOP + 44;
/// Height of the plot when few labels need room.
const PLOT_HEIGHT: i32 = 700;
/// Least height of the plot on a canvas of a given height.
const MIN_PLOT_HEIGHT: i32 = 240;
/// Space under the plot for tick labels and the x axis caption.
const BOTTOM_SPACE: i32 = 110;
/// Widest a series label may be.
const LABEL_MAX_WIDTH: i32 = 320;
/// Widest a series label may be, as a share of the image's width.
const LABEL_MAX_SHARE: f64 = 0.3;
/// Sizes of the series labels, tried in turn until every label fits its room whole.
const LABEL_SIZES: [f64; 3] = [theme::LABEL_SIZE, 19.0, 17.0];
/// Vertical distance between the centres of two series labels.
const LABEL_STEP: i32 = 26;
/// Space between the plot's right edge and the series labels (room for leader lines).
const LEADER_ROOM: i32 = 16;
/// Share of the x span left empty at each end of the x axis.
const X_PADDING: f64 = 0.015;
/// Share of the y span added above and below when the y axis does not include 0.
const Y_PADDING: f64 = 0.08;
const LINE_WIDTH: u32 = 3;
const MARKER_RADIUS: i32 = 4;
/// Markers are drawn when a series' points are at least this far apart on average.
const MARKER_MIN_SPACING: f64 = 11.0;
const DOT_RADIUS: u32 = 3;
const DOT_COLOR: RGBAColor = RGBAColor(110, 110, 110, 0.28);
/// The line at y = 0 when the axis runs through negative values.
const ZERO_LINE: ShapeStyle = ShapeStyle {
    color: RGBAColor(150, 150, 150, 1.0),
    filled: false,
    stroke_width: 1,
};

/// Draws the chart.
pub(crate) fn draw(chart: &LineChart, canvas: &Canvas) -> Result<()> {
    canvas.ensure_font()?;
    let labels_need = label_room(chart.series.len());
    let height = canvas.image_height(
        PLOT_TOP + PLOT_HEIGHT.max(labels_need) + BOTTOM_SPACE,
        PLOT_TOP + MIN_PLOT_HEIGHT.max(labels_need) + BOTTOM_SPACE,
    );
    let layout = Layout::new(chart, canvas.layout_width(), height - BOTTOM_SPACE);
    canvas.draw(height, &Painter { chart, layout })
}

struct Painter<'a> {
    chart: &'a LineChart,
    layout: Layout,
}

impl Picture for Painter<'_> {
    fn paint<DB: Surface>(&self, root: &Area<DB>, path: &Path) -> Result<()> {
        let (chart, layout) = (self.chart, &self.layout);
        theme::draw_heading(root, &chart.title, &chart.subtitle, path)?;
        draw_axes(root, chart, layout, path)?;
        draw_dots(root, chart, layout, path)?;
        draw_series(root, chart, layout, path)?;
        if chart
            .dots
            .iter()
            .chain(chart.series.iter().flat_map(|s| &s.points))
            .all(|&(x, y)| !(x.is_finite() && y.is_finite()))
        {
            draw_text(
                root,
                "Nothing to show: no values to draw.",
                (
                    (layout.left + layout.right) / 2,
                    (PLOT_TOP + layout.bottom) / 2,
                ),
                &style(theme::LABEL_SIZE, theme::MUTED, HPos::Center, VPos::Center),
                path,
            )?;
        }
        Ok(())
    }
}

/// Height the series labels need beside the plot.
fn label_room(series: usize) -> i32 {
    series as i32 * LABEL_STEP + LABEL_STEP
}

/// A linear axis: the value range it spans and its round ticks.
#[derive(Debug, Clone, PartialEq)]
struct Axis {
    from: f64,
    to: f64,
    step: f64,
    ticks: Vec<f64>,
}

/// The smallest of 1, 2, 5 or 10 times a power of ten that is at least `raw`.
fn nice_step(raw: f64) -> f64 {
    if !raw.is_finite() || raw <= 0.0 {
        return 1.0;
    }
    let power = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .find(|&s| s >= raw * (1.0 - 1e-9))
        .unwrap_or(10.0 * power)
}

/// Multiples of `step` from `from` to `to` (both included when on a multiple).
fn multiples(from: f64, to: f64, step: f64) -> Vec<f64> {
    let first = (from / step - 1e-9).ceil() as i64;
    let last = (to / step + 1e-9).floor() as i64;
    (first..=last)
        .map(|i| {
            let v = i as f64 * step;
            // Round away float noise such as 0.30000000000000004.
            let decimals = theme::tick_decimals(step) as i32 + 1;
            let scale = 10f64.powi(decimals);
            (v * scale).round() / scale + 0.0
        })
        .collect()
}

/// The round step that gives the most ticks over `span`, at most `max_intervals` of them,
/// each at least `min_pixels(step)` pixels apart on an axis `length` pixels long.
fn choose_step(
    span: f64,
    length: i32,
    max_intervals: usize,
    min_step: f64,
    min_pixels: impl Fn(f64) -> i32,
) -> f64 {
    let mut best = nice_step(span.max(min_step));
    for target in 1..=max_intervals.max(1) {
        let step = nice_step(span / target as f64).max(min_step);
        let intervals = (span / step).ceil().max(1.0);
        let pixels = f64::from(length) * step / span;
        if intervals <= max_intervals as f64 && pixels >= f64::from(min_pixels(step)) {
            best = best.min(step);
        }
    }
    best
}

/// The value range the y axis must show for values from `lo` to `hi`: from 0 unless every
/// value is far from 0 (see the module documentation).
fn y_extent(lo: f64, hi: f64) -> (f64, f64) {
    if !(lo.is_finite() && hi.is_finite()) || lo > hi {
        return (0.0, 1.0);
    }
    // One value alone is shown against 0.
    if lo >= 0.0 && (lo <= 0.5 * hi || lo == hi) {
        return (0.0, if hi > 0.0 { hi } else { 1.0 });
    }
    if hi <= 0.0 && (hi >= 0.5 * lo || lo == hi) {
        return (lo, 0.0);
    }
    let pad = (hi - lo) * Y_PADDING;
    (lo - pad, hi + pad)
}

/// The y axis for values from `lo` to `hi` on a plot `length` pixels high.
fn y_axis(lo: f64, hi: f64, length: i32) -> Axis {
    let (lo, hi) = y_extent(lo, hi);
    let step = choose_step(hi - lo, length, 8, 0.0, |_| 56);
    // A hair of tolerance, so a value on a tick does not add a step.
    let from = (lo / step + 1e-9).floor() * step;
    let mut to = (hi / step - 1e-9).ceil() * step;
    if to <= from {
        to = from + step;
    }
    Axis {
        from,
        to,
        step,
        ticks: multiples(from, to, step),
    }
}

/// The x axis for values from `lo` to `hi` on a plot `length` pixels wide, whose tick labels
/// (as `label` writes them) are at most `label_width` pixels wide.
fn x_axis(
    lo: f64,
    hi: f64,
    length: i32,
    is_year: bool,
    label_width: impl Fn(&[f64], f64) -> i32,
) -> Axis {
    let (lo, hi) = if !(lo.is_finite() && hi.is_finite()) || lo > hi {
        (0.0, 1.0)
    } else if hi == lo {
        let half = if is_year {
            1.0
        } else {
            (lo.abs() * 0.1).max(1.0)
        };
        (lo - half, hi + half)
    } else {
        (lo, hi)
    };
    let pad = (hi - lo) * X_PADDING;
    let (from, to) = (lo - pad, hi + pad);
    let min_step = if is_year { 1.0 } else { 0.0 };
    let step = choose_step(to - from, length, 14, min_step, |step| {
        label_width(&multiples(from, to, step), step) + 24
    });
    Axis {
        from,
        to,
        step,
        ticks: multiples(from, to, step),
    }
}

/// A tick label: a year as a plain integer, anything else grouped, with a true minus sign.
fn tick_label(value: f64, step: f64, is_year: bool) -> String {
    let text = if is_year {
        format!("{:.0}", value.round())
    } else {
        theme::format_number(value, theme::tick_decimals(step))
    };
    match text.strip_prefix('-') {
        Some(rest) if rest.chars().any(|c| c.is_ascii_digit() && c != '0') => {
            format!("\u{2212}{rest}")
        }
        Some(rest) => rest.to_owned(),
        None => text,
    }
}

/// Where everything goes.
struct Layout {
    left: i32,
    right: i32,
    bottom: i32,
    x: Axis,
    y: Axis,
    /// The series labels, whole unless longer than their room in the smallest size.
    labels: Vec<String>,
    label_size: f64,
}

impl Layout {
    fn new(chart: &LineChart, width: i32, bottom: i32) -> Layout {
        let finite = |&&(x, y): &&(f64, f64)| x.is_finite() && y.is_finite();
        let all: Vec<(f64, f64)> = chart
            .series
            .iter()
            .flat_map(|s| &s.points)
            .chain(&chart.dots)
            .filter(finite)
            .copied()
            .collect();
        let (x_lo, x_hi) = extent(all.iter().map(|p| p.0));
        let (y_lo, y_hi) = extent(all.iter().map(|p| p.1));
        let y = y_axis(y_lo, y_hi, bottom - PLOT_TOP);
        let y_label_width = y
            .ticks
            .iter()
            .map(|&t| text_width(&tick_label(t, y.step, false), theme::TICK_SIZE))
            .max()
            .unwrap_or(0) as i32;
        let label_cap = LABEL_MAX_WIDTH.min((f64::from(width) * LABEL_MAX_SHARE) as i32) as u32;
        let label_size = LABEL_SIZES
            .iter()
            .copied()
            .find(|&size| {
                chart
                    .series
                    .iter()
                    .all(|s| text_width(&s.label, size) <= label_cap)
            })
            .unwrap_or(LABEL_SIZES[LABEL_SIZES.len() - 1]);
        let labels: Vec<String> = chart
            .series
            .iter()
            .map(|s| fit(&s.label, label_size, label_cap))
            .collect();
        let label_width = labels
            .iter()
            .map(|l| text_width(l, label_size))
            .max()
            .unwrap_or(0) as i32;
        let left = theme::MARGIN + y_label_width + 14;
        let right = if labels.is_empty() {
            // Room for half the last x tick label.
            width - theme::MARGIN - 30
        } else {
            width - theme::MARGIN - label_width - LEADER_ROOM
        };
        let is_year = chart.x_is_year;
        let x = x_axis(x_lo, x_hi, right - left, is_year, |ticks, step| {
            ticks
                .iter()
                .map(|&t| text_width(&tick_label(t, step, is_year), theme::TICK_SIZE))
                .max()
                .unwrap_or(0) as i32
        });
        Layout {
            left,
            right,
            bottom,
            x,
            y,
            labels,
            label_size,
        }
    }

    fn x_of(&self, v: f64) -> i32 {
        let t = (v - self.x.from) / (self.x.to - self.x.from);
        self.left + (t * f64::from(self.right - self.left)).round() as i32
    }

    fn y_of(&self, v: f64) -> i32 {
        let t = (v - self.y.from) / (self.y.to - self.y.from);
        self.bottom - (t * f64::from(self.bottom - PLOT_TOP)).round() as i32
    }

    fn pixel(&self, (x, y): (f64, f64)) -> (i32, i32) {
        (self.x_of(x), self.y_of(y))
    }

    /// The pixel of a point, not rounded.
    fn exact_pixel(&self, (x, y): (f64, f64)) -> (f64, f64) {
        let tx = (x - self.x.from) / (self.x.to - self.x.from);
        let ty = (y - self.y.from) / (self.y.to - self.y.from);
        (
            f64::from(self.left) + tx * f64::from(self.right - self.left),
            f64::from(self.bottom) - ty * f64::from(self.bottom - PLOT_TOP),
        )
    }
}

/// Smallest and largest of `values` (NaN, NaN when there are none).
fn extent(values: impl Iterator<Item = f64>) -> (f64, f64) {
    values.fold((f64::NAN, f64::NAN), |(lo, hi), v| (lo.min(v), hi.max(v)))
}

fn draw_axes<DB: Surface>(
    root: &Area<DB>,
    chart: &LineChart,
    layout: &Layout,
    path: &Path,
) -> Result<()> {
    let (left, right, bottom) = (layout.left, layout.right, layout.bottom);
    for &tick in &layout.y.ticks {
        let y = layout.y_of(tick);
        let line = if tick == 0.0 && layout.y.from < 0.0 {
            ZERO_LINE
        } else {
            theme::GRID_LINE
        };
        if y != bottom {
            draw_line(root, vec![(left, y), (right, y)], line, path)?;
        }
        draw_text(
            root,
            &tick_label(tick, layout.y.step, false),
            (left - 10, y),
            &style(theme::TICK_SIZE, theme::MUTED, HPos::Right, VPos::Center),
            path,
        )?;
    }
    for &tick in &layout.x.ticks {
        let x = layout.x_of(tick);
        draw_line(
            root,
            vec![(x, PLOT_TOP), (x, bottom)],
            theme::GRID_LINE,
            path,
        )?;
        draw_line(
            root,
            vec![(x, bottom), (x, bottom + 6)],
            theme::AXIS_LINE,
            path,
        )?;
        draw_text(
            root,
            &tick_label(tick, layout.x.step, chart.x_is_year),
            (x, bottom + 12),
            &style(theme::TICK_SIZE, theme::MUTED, HPos::Center, VPos::Top),
            path,
        )?;
    }
    draw_line(
        root,
        vec![(left, bottom), (right, bottom)],
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

fn draw_dots<DB: Surface>(
    root: &Area<DB>,
    chart: &LineChart,
    layout: &Layout,
    path: &Path,
) -> Result<()> {
    for &(x, y) in &chart.dots {
        if !(x.is_finite() && y.is_finite()) {
            continue;
        }
        root.draw(&Circle::new(
            layout.pixel((x, y)),
            DOT_RADIUS,
            DOT_COLOR.filled(),
        ))
        .map_err(|e| chart_error(path, e))?;
    }
    Ok(())
}

/// The colour of series `i`.
pub(crate) fn series_color(i: usize) -> RGBColor {
    OKABE_ITO[i % OKABE_ITO.len()]
}

/// `points` cut where consecutive points are further apart than `gap` on x (points with a
/// value that is not finite are left out).
fn runs(points: &[(f64, f64)], gap: Option<f64>) -> Vec<Vec<(f64, f64)>> {
    let mut runs: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut last: Option<f64> = None;
    for &(x, y) in points {
        if !(x.is_finite() && y.is_finite()) {
            continue;
        }
        let joined = match (last, gap) {
            (Some(previous), Some(gap)) => x - previous <= gap,
            (Some(_), None) => true,
            (None, _) => false,
        };
        if joined {
            if let Some(run) = runs.last_mut() {
                run.push((x, y));
            }
        } else {
            runs.push(vec![(x, y)]);
        }
        last = Some(x);
    }
    runs
}

/// Label centres for labels wanting centres `wanted`, at least `step` apart, between `lo` and
/// `hi`, in the order of `wanted`, each moved as little as possible (least squares).
fn spread(wanted: &[f64], step: f64, lo: f64, hi: f64) -> Vec<f64> {
    let mut order: Vec<usize> = (0..wanted.len()).collect();
    order.sort_by(|&a, &b| wanted[a].total_cmp(&wanted[b]).then(a.cmp(&b)));
    // With q_i = p_i - i * step, the gaps hold exactly when q is non-decreasing: isotonic
    // regression (pool adjacent violators) of the wanted q, then clamped into the room.
    let mut blocks: Vec<(f64, usize)> = Vec::new(); // (sum, count)
    for (rank, &i) in order.iter().enumerate() {
        blocks.push((wanted[i] - rank as f64 * step, 1));
        while blocks.len() > 1 {
            let (s1, n1) = blocks[blocks.len() - 1];
            let (s0, n0) = blocks[blocks.len() - 2];
            if s0 / n0 as f64 > s1 / n1 as f64 {
                blocks.pop();
                let last = blocks.len() - 1;
                blocks[last] = (s0 + s1, n0 + n1);
            } else {
                break;
            }
        }
    }
    let highest = (hi - (wanted.len().max(1) - 1) as f64 * step).max(lo);
    let mut placed = vec![0.0; wanted.len()];
    let mut rank = 0;
    for (sum, count) in blocks {
        let q = (sum / count as f64).clamp(lo, highest);
        for _ in 0..count {
            placed[order[rank]] = q + rank as f64 * step;
            rank += 1;
        }
    }
    placed
}

fn draw_series<DB: Surface>(
    root: &Area<DB>,
    chart: &LineChart,
    layout: &Layout,
    path: &Path,
) -> Result<()> {
    let mut ends: Vec<(usize, (i32, i32))> = Vec::new();
    for (i, series) in chart.series.iter().enumerate() {
        let color = series_color(i);
        let round = i / OKABE_ITO.len();
        let runs = runs(&series.points, chart.gap);
        let count = runs.iter().map(Vec::len).sum::<usize>();
        let (first, last) = (
            runs.first().and_then(|r| r.first()),
            runs.last().and_then(|r| r.last()),
        );
        let spacing = match (first, last) {
            (Some(&a), Some(&b)) if count > 1 => {
                f64::from(layout.x_of(b.0) - layout.x_of(a.0)) / (count - 1) as f64
            }
            _ => f64::INFINITY,
        };
        for run in &runs {
            let line: Vec<(f64, f64)> = run.iter().map(|&p| layout.exact_pixel(p)).collect();
            let dash = match round {
                0 => None,
                1 => Some((14.0, 7.0)),
                _ => Some((5.0, 6.0)),
            };
            draw_polyline(root, &line, color, LINE_WIDTH, dash, path)?;
            if spacing >= MARKER_MIN_SPACING || run.len() == 1 {
                for &p in run {
                    draw_marker(root, layout.pixel(p), color, round, path)?;
                }
            }
        }
        if let Some(&end) = last {
            ends.push((i, layout.pixel(end)));
        }
    }
    let wanted: Vec<f64> = ends.iter().map(|&(_, (_, y))| f64::from(y)).collect();
    let placed = spread(
        &wanted,
        f64::from(LABEL_STEP),
        f64::from(PLOT_TOP),
        f64::from(layout.bottom),
    );
    let label_x = layout.right + LEADER_ROOM;
    for (&(i, (x, y)), &label_y) in ends.iter().zip(&placed) {
        let color = series_color(i);
        let label_y = label_y.round() as i32;
        let leader = ShapeStyle {
            color: color.to_rgba(),
            filled: false,
            stroke_width: 1,
        };
        let from = (f64::from(x + MARKER_RADIUS + 2), f64::from(y));
        let to = (f64::from(label_x - 4), f64::from(label_y));
        if x < layout.right - 24 {
            // A line that ends early: a dotted leader, not to be taken for data.
            for dot in dashes(&[from, to], 2.0, 4.0) {
                draw_line(root, rounded(&dot), leader, path)?;
            }
        } else if (label_y - y).abs() > 2 {
            draw_line(root, rounded(&[from, to]), leader, path)?;
        }
        draw_text(
            root,
            &layout.labels[i],
            (label_x, label_y),
            &style(layout.label_size, color, HPos::Left, VPos::Center),
            path,
        )?;
    }
    Ok(())
}

fn rounded(points: &[(f64, f64)]) -> Vec<(i32, i32)> {
    points
        .iter()
        .map(|&(x, y)| (x.round() as i32, y.round() as i32))
        .collect()
}

/// The pieces of the polyline through `points` that are drawn when it is dashed: `on` pixels
/// drawn, `off` pixels left out, and so on.
fn dashes(points: &[(f64, f64)], on: f64, off: f64) -> Vec<Vec<(f64, f64)>> {
    let mut pieces: Vec<Vec<(f64, f64)>> = Vec::new();
    if on <= 0.0 {
        return pieces;
    }
    let mut drawing = true;
    let mut left = on;
    let mut current: Vec<(f64, f64)> = points.first().map(|&p| vec![p]).unwrap_or_default();
    for w in points.windows(2) {
        let (mut a, b) = (w[0], w[1]);
        let mut length = (b.0 - a.0).hypot(b.1 - a.1);
        while length > left {
            let t = left / length;
            let cut = (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t);
            if drawing {
                current.push(cut);
                pieces.push(std::mem::take(&mut current));
            } else {
                current = vec![cut];
            }
            length -= left;
            a = cut;
            drawing = !drawing;
            left = if drawing { on } else { off.max(0.0) };
        }
        left -= length;
        if drawing {
            current.push(b);
        }
    }
    if drawing && current.len() > 1 {
        pieces.push(current);
    }
    pieces
}

/// A polyline `width` pixels wide with round joins and ends, solid or dashed (`on`, `off`
/// pixels), its edges anti-aliased. Drawn pixel by pixel from each pixel's distance to the
/// line: plotters' own wide paths vary in width from segment to segment.
pub(crate) fn draw_polyline<DB: Surface>(
    root: &Area<DB>,
    points: &[(f64, f64)],
    color: RGBColor,
    width: u32,
    dash: Option<(f64, f64)>,
    path: &Path,
) -> Result<()> {
    let pieces = match dash {
        Some((on, off)) => dashes(points, on, off),
        None => vec![points.to_vec()],
    };
    if DB::VECTOR {
        // A vector image draws wide lines evenly: one path per piece.
        for piece in pieces.iter().filter(|p| p.len() > 1) {
            let style = color.stroke_width(width);
            root.draw(&PathElement::new(rounded(piece), style))
                .map_err(|e| chart_error(path, e))?;
        }
        return Ok(());
    }
    let (w, h) = root.dim_in_pixel();
    let half = f64::from(width) / 2.0;
    // Each pixel once, at the largest coverage any segment gives it, so joins do not darken.
    let mut coverage: HashMap<(i32, i32), f64> = HashMap::new();
    for piece in &pieces {
        for s in piece.windows(2) {
            cover_segment(s[0], s[1], half, &mut coverage);
        }
    }
    for ((x, y), c) in coverage {
        if x < 0 || y < 0 || x >= w as i32 || y >= h as i32 {
            continue;
        }
        let color = if c >= 1.0 {
            color.to_rgba()
        } else {
            color.mix(c)
        };
        root.draw_pixel((x, y), &color)
            .map_err(|e| chart_error(path, e))?;
    }
    Ok(())
}

/// Records, for each pixel near the segment from `a` to `b`, how much of it a line `half`
/// pixels either side of the segment covers (1 inside, fading over the last pixel).
fn cover_segment(a: (f64, f64), b: (f64, f64), half: f64, coverage: &mut HashMap<(i32, i32), f64>) {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let length2 = dx * dx + dy * dy;
    let reach = half + 1.0;
    let x0 = (a.0.min(b.0) - reach).floor() as i32;
    let x1 = (a.0.max(b.0) + reach).ceil() as i32;
    let y0 = (a.1.min(b.1) - reach).floor() as i32;
    let y1 = (a.1.max(b.1) + reach).ceil() as i32;
    // Walk along the longer axis; across it only the pixels the line can reach.
    let along_x = dx.abs() >= dy.abs();
    let (m0, m1) = if along_x { (x0, x1) } else { (y0, y1) };
    let slope = if along_x {
        if dx == 0.0 {
            0.0
        } else {
            dy / dx
        }
    } else if dy == 0.0 {
        0.0
    } else {
        dx / dy
    };
    let across = (reach * (1.0 + slope * slope).sqrt()).ceil() as i32 + 1;
    for m in m0..=m1 {
        let center = if along_x {
            a.1 + (f64::from(m) - a.0) * slope
        } else {
            a.0 + (f64::from(m) - a.1) * slope
        };
        let (lo, hi) = if along_x { (y0, y1) } else { (x0, x1) };
        let c = center.round() as i32;
        for n in (c - across).max(lo)..=(c + across).min(hi) {
            let (px, py) = if along_x {
                (f64::from(m), f64::from(n))
            } else {
                (f64::from(n), f64::from(m))
            };
            let t = if length2 > 0.0 {
                (((px - a.0) * dx + (py - a.1) * dy) / length2).clamp(0.0, 1.0)
            } else {
                0.0
            };
            let d = (px - (a.0 + t * dx)).hypot(py - (a.1 + t * dy));
            let c = (half + 0.5 - d).clamp(0.0, 1.0);
            if c > 0.0 {
                let key = if along_x { (m, n) } else { (n, m) };
                let entry = coverage.entry(key).or_insert(0.0);
                *entry = entry.max(c);
            }
        }
    }
}

/// A circle, a square or a triangle, by `round` of the palette.
fn draw_marker<DB: Surface>(
    root: &Area<DB>,
    (x, y): (i32, i32),
    color: RGBColor,
    round: usize,
    path: &Path,
) -> Result<()> {
    let r = MARKER_RADIUS;
    match round {
        0 => root
            .draw(&Circle::new((x, y), r as u32, color.filled()))
            .map_err(|e| chart_error(path, e)),
        1 => fill_rect(root, [(x - r, y - r), (x + r, y + r)], color, path),
        _ => root
            .draw(&Polygon::new(
                vec![(x, y - r - 1), (x - r - 1, y + r), (x + r + 1, y + r)],
                color.filled(),
            ))
            .map_err(|e| chart_error(path, e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::charts::canvas::tests::draw_everywhere;

    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n";

    fn chart(series: Vec<Series>, dots: Vec<(f64, f64)>) -> LineChart {
        LineChart {
            title: "How often presidents say these words".into(),
            subtitle: "State of the Union addresses, 1790-2026; gaps: years without an address"
                .into(),
            x_label: "year".into(),
            y_label: "occurrences per 10,000 words".into(),
            series,
            dots,
            gap: Some(1.5),
            x_is_year: true,
        }
    }

    fn series(label: &str, points: Vec<(f64, f64)>) -> Series {
        Series {
            label: label.into(),
            points,
        }
    }

    /// A cheap deterministic pseudo-random number in [0, 1).
    fn noise(i: u64) -> f64 {
        let mut x = i.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xD1B5_4A32_D192_ED03;
        x ^= x >> 29;
        x = x.wrapping_mul(0xBF58_476D_1CE4_E5B9);
        x ^= x >> 32;
        (x >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Terms over the years 1790-2026, with no address in some years.
    fn trends() -> Vec<Series> {
        let terms = [
            "freedom",
            "economy",
            "war",
            "america",
            "jobs",
            "constitution",
            "terror",
            "the people of the united states of america",
        ];
        terms
            .iter()
            .enumerate()
            .map(|(k, term)| {
                let points = (1790..=2026)
                    .filter(|y| !(1933..1936).contains(y) && y % 37 != 3)
                    .map(|year| {
                        let t = f64::from(year - 1790) / 236.0;
                        let trend = match k {
                            0 => 2.0 + 6.0 * t * t,
                            1 => 1.0 + 9.0 * (-(t - 0.75) * (t - 0.75) * 20.0).exp(),
                            2 => 5.0 + 4.0 * (t * 12.0).sin(),
                            3 => 1.0 + 10.0 * t,
                            4 => 0.2 + 7.0 * (t - 0.5).max(0.0),
                            5 => 6.0 - 5.0 * t,
                            6 => 0.1 + 12.0 * (-(t - 0.92) * (t - 0.92) * 400.0).exp(),
                            _ => 3.0 + t,
                        };
                        (
                            f64::from(year),
                            trend + 1.5 * noise(year as u64 * 13 + k as u64),
                        )
                    })
                    .collect();
                series(term, points)
            })
            .collect()
    }

    #[test]
    fn labels_keep_apart_and_move_as_little_as_possible() {
        assert_eq!(spread(&[100.0, 300.0], 26.0, 0.0, 500.0), [100.0, 300.0]);
        assert_eq!(spread(&[100.0, 100.0], 26.0, 0.0, 500.0), [87.0, 113.0]);
        // Order is kept: the label wanting the lower place gets it.
        assert_eq!(spread(&[110.0, 100.0], 26.0, 0.0, 500.0), [118.0, 92.0]);
        // Clamped into the room, still apart.
        assert_eq!(
            spread(&[0.0, 0.0, 0.0], 10.0, 0.0, 500.0),
            [0.0, 10.0, 20.0]
        );
        assert_eq!(spread(&[500.0, 499.0], 10.0, 0.0, 500.0), [500.0, 490.0]);
        assert!(spread(&[], 10.0, 0.0, 500.0).is_empty());
        let many: Vec<f64> = (0..10).map(|i| 200.0 + f64::from(i % 3)).collect();
        let mut placed = spread(&many, 26.0, 0.0, 700.0);
        placed.sort_by(f64::total_cmp);
        assert!(placed.windows(2).all(|w| w[1] - w[0] >= 26.0 - 1e-9));
    }

    /// The parties of the State of the Union label their lines at the right: whole at every
    /// width ("Democratic-Repu…" at 800 pixels was cut), in a smaller size where need be,
    /// and inside the image.
    #[test]
    fn series_labels_are_whole_at_any_width() {
        theme::ensure_font().unwrap();
        let parties = [
            "Republican",
            "Democratic",
            "National Union",
            "Democratic-Republican",
        ];
        let chart = chart(
            parties
                .iter()
                .enumerate()
                .map(|(i, p)| {
                    series(
                        p,
                        vec![(1800.0 + i as f64, 50.0), (2020.0, 60.0 + i as f64)],
                    )
                })
                .collect(),
            vec![],
        );
        for width in [640, 800, 1000, 1600, 2400] {
            let layout = Layout::new(&chart, width, PLOT_TOP + PLOT_HEIGHT);
            assert_eq!(layout.labels, parties, "{width}");
            let widest = parties
                .iter()
                .map(|p| text_width(p, layout.label_size) as i32)
                .max()
                .unwrap();
            assert!(
                layout.right + LEADER_ROOM + widest <= width - theme::MARGIN,
                "{width}"
            );
            assert!(layout.right - layout.left >= width / 2, "{width}");
        }
        let wide = Layout::new(&chart, 1600, PLOT_TOP + PLOT_HEIGHT);
        assert_eq!(wide.label_size, theme::LABEL_SIZE);
    }

    #[test]
    fn the_y_axis_starts_at_zero_unless_all_values_are_far_from_it() {
        assert_eq!(y_extent(2.0, 10.0), (0.0, 10.0));
        assert_eq!(y_extent(-10.0, -4.0), (-10.0, 0.0));
        let (lo, hi) = y_extent(60.0, 80.0);
        assert!(lo > 50.0 && lo < 60.0 && hi > 80.0, "{lo} {hi}");
        let (lo, hi) = y_extent(-20.0, 100.0);
        assert!(lo < -20.0 && hi > 100.0);
        let axis = y_axis(-23.0, 104.0, 700);
        assert!(axis.ticks.contains(&0.0), "{axis:?}");
        assert!(axis.from <= -23.0 && axis.to >= 104.0);
        let axis = y_axis(0.61, 0.74, 700);
        assert!(axis.from > 0.0, "{axis:?}");
        assert_eq!(y_axis(5.0, 5.0, 700).from, 0.0);
        assert_eq!(
            y_axis(f64::NAN, f64::NAN, 700).ticks,
            [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]
        );
    }

    #[test]
    fn years_are_plain_integers_and_negatives_have_a_true_minus() {
        assert_eq!(tick_label(1790.0, 10.0, true), "1790");
        assert_eq!(tick_label(12000.0, 1000.0, false), "12,000");
        assert_eq!(tick_label(-20.0, 10.0, false), "\u{2212}20");
        assert_eq!(tick_label(-0.0, 10.0, false), "0");
        assert_eq!(tick_label(0.3, 0.1, false), "0.3");
        let axis = x_axis(1790.0, 2026.0, 1300, true, |_, _| 50);
        assert!(
            axis.ticks.contains(&1800.0) && axis.ticks.contains(&2000.0),
            "{axis:?}"
        );
        let one = x_axis(1865.0, 1865.0, 1300, true, |_, _| 50);
        assert!(one.ticks.iter().all(|t| t.fract() == 0.0), "{one:?}");
    }

    #[test]
    fn series_break_at_gaps() {
        let points = [
            (1.0, 1.0),
            (2.0, 2.0),
            (5.0, 1.0),
            (6.0, f64::NAN),
            (7.0, 3.0),
        ];
        assert_eq!(runs(&points, Some(1.5)).len(), 3);
        assert_eq!(runs(&points, None).len(), 1);
        assert!(runs(&[], Some(1.0)).is_empty());
    }

    #[test]
    fn the_chart_draws_in_both_formats_at_any_width_and_height() {
        let dots: Vec<(f64, f64)> = (0..2000u64)
            .map(|i| (1790.0 + (236.0 * noise(i)).floor(), 60.0 * noise(i + 9)))
            .collect();
        for (name, chart) in [
            ("trends", chart(trends(), vec![])),
            (
                "dots",
                chart(
                    vec![series("mean", vec![(1800.0, 30.0), (2000.0, 40.0)])],
                    dots,
                ),
            ),
        ] {
            draw_everywhere(&format!("line_{name}"), |canvas| draw(&chart, canvas));
        }
    }

    #[test]
    fn the_chart_draws_even_when_empty_or_tiny() {
        let dir = tempfile::tempdir().unwrap();
        let flesch: Vec<(f64, f64)> = (0..200)
            .map(|i| (1800.0 + f64::from(i), -30.0 + 120.0 * noise(i as u64)))
            .collect();
        let mut ten = trends();
        ten.push(series("eleventh", vec![(1800.0, 1.0), (1900.0, 2.0)]));
        ten.push(series("twelfth", vec![(1850.0, 3.0)]));
        let mut unjoined = chart(trends()[..2].to_vec(), vec![]);
        unjoined.gap = None;
        unjoined.x_is_year = false;
        let cases = [
            ("empty.png", chart(vec![], vec![])),
            ("dots_only.png", chart(vec![], flesch.clone())),
            (
                "one_point.png",
                chart(vec![series("war", vec![(1812.0, 4.0)])], vec![]),
            ),
            ("one_empty.png", chart(vec![series("war", vec![])], vec![])),
            ("negative.png", chart(vec![series("mean", flesch)], vec![])),
            ("many.png", chart(ten, vec![])),
            ("unjoined.png", unjoined),
        ];
        for (name, chart) in cases {
            let canvas = Canvas::png(dir.path().join(name));
            draw(&chart, &canvas).unwrap();
            let bytes = std::fs::read(&canvas.path).unwrap();
            assert!(bytes.starts_with(PNG), "{name}");
        }
    }

    /// Draws the charts a person looks at: `cargo test --release --lib line_chart -- --ignored`.
    #[test]
    #[ignore]
    fn draw_line_charts_to_look_at() {
        draw(
            &chart(trends(), vec![]),
            &Canvas::png("/tmp/line_trends.png"),
        )
        .unwrap();
        // Ten series by decade: the last three repeat colours, dashed, with other markers.
        let ten: Vec<Series> = trends()
            .into_iter()
            .chain(trends().into_iter().take(2))
            .enumerate()
            .map(|(k, s)| {
                let points: Vec<(f64, f64)> = s
                    .points
                    .chunks(10)
                    .map(|c| {
                        let year = (c[0].0 / 10.0).floor() * 10.0 + 5.0;
                        let mean = c.iter().map(|p| p.1).sum::<f64>() / c.len() as f64;
                        (year, mean * (1.0 + 0.07 * k as f64))
                    })
                    .collect();
                series(&format!("{} {k}", s.label), points)
            })
            .collect();
        let mut by_decade = chart(ten, vec![]);
        by_decade.gap = Some(10.0);
        draw(&by_decade, &Canvas::png("/tmp/line_ten.png")).unwrap();
        // Readability of 5,000 speeches, and its mean by decade.
        let dots: Vec<(f64, f64)> = (0..5000u64)
            .map(|i| {
                let year = 1790.0 + (236.0 * noise(i)).floor();
                let t = (year - 1790.0) / 236.0;
                let score = 25.0
                    + 35.0 * t
                    + 40.0 * (noise(i + 77_777) - 0.5)
                    + 25.0 * (noise(i + 5) - 0.5);
                (year, score)
            })
            .collect();
        let mut by_decade = Vec::new();
        for decade in (1790..2030).step_by(10) {
            let values: Vec<f64> = dots
                .iter()
                .filter(|(y, _)| (*y as i32) / 10 * 10 == decade)
                .map(|&(_, v)| v)
                .collect();
            if !values.is_empty() && decade != 1930 {
                by_decade.push((
                    f64::from(decade) + 5.0,
                    values.iter().sum::<f64>() / values.len() as f64,
                ));
            }
        }
        let mut readability = chart(vec![series("mean by decade", by_decade)], dots);
        readability.title = "Readability of the speeches".into();
        readability.subtitle =
            "Flesch reading ease of each speech (grey) and its mean by decade".into();
        readability.y_label = "Flesch reading ease (higher: easier)".into();
        readability.gap = Some(15.0);
        draw(&readability, &Canvas::png("/tmp/line_dots.png")).unwrap();
        // Ten lines ending close together, and far from 0.
        let close: Vec<Series> = (0..10u32)
            .map(|k| {
                let points = (0..30u32)
                    .map(|i| {
                        let x = 1990.0 + f64::from(i);
                        (
                            x,
                            0.62 + 0.01 * f64::from(k % 4) + 0.03 * noise(u64::from(k * 100 + i)),
                        )
                    })
                    .collect();
                series(&format!("speaker number {k}"), points)
            })
            .collect();
        let mut diversity = chart(close, vec![]);
        diversity.title = "Lexical diversity".into();
        diversity.subtitle = "Moving-average type-token ratio per speaker".into();
        diversity.y_label = "MATTR (window of 500 words)".into();
        draw(&diversity, &Canvas::png("/tmp/line_close.png")).unwrap();
        draw(
            &chart(vec![series("war", vec![(1812.0, 4.0)])], vec![]),
            &Canvas::png("/tmp/line_one.png"),
        )
        .unwrap();
        draw(&chart(vec![], vec![]), &Canvas::png("/tmp/line_empty.png")).unwrap();
    }
}
