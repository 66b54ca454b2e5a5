//! Rank against frequency (Zipf) on logarithmic axes: one small dot per term, a fitted
//! power law drawn as a line over its fitted range only, and a small legend inside the plot.
//!
//! Both axes span the values with a little room and are labelled at each power of ten (1, 10,
//! 100, 1,000 ...; every second or fifth one when labels would touch), with lighter gridlines
//! at 2-9 times each; an axis of about two decades or less also labels 2 and 5 times each.
//! Points falling on one pixel are drawn once. The legend (the fit's line, and the points as
//! [`POINTS_LEGEND`]) goes top right unless another corner of the plot covers fewer points and
//! less of the line; without a fit, or with a fit wholly outside the plot, there is none.

use std::collections::HashSet;
use std::path::Path;

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::canvas::{Canvas, Picture};
use super::line_chart::draw_polyline;
use super::theme::{
    self, chart_error, draw_line, draw_text, fill_rect, fit, style, text_width, Area, Surface,
};
use crate::error::Result;

/// A straight line in log-log space: a power law fitted over part of the points.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Fit {
    /// In log10(y) = intercept + slope * log10(x).
    pub slope: f64,
    pub intercept: f64,
    /// The fitted range of x, the only part drawn.
    pub x_from: f64,
    pub x_to: f64,
    /// The legend's line for the fit, e.g. "least squares over ranks 10-1,000: slope -1.02,
    /// R² 0.98".
    pub legend: String,
}

/// A log-log chart's content.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct LogLogChart {
    pub title: String,
    pub subtitle: String,
    /// Written under the x axis, e.g. "rank".
    pub x_label: String,
    /// Written above the y axis, e.g. "occurrences".
    pub y_label: String,
    /// All > 0 (others are left out); may be tens of thousands.
    pub points: Vec<(f64, f64)>,
    pub fit: Option<Fit>,
}

/// What the points are called in the legend.
pub(crate) const POINTS_LEGEND: &str = "terms";

/// Top of the y axis caption; the plot starts under it.
const TOP: i32 = 130;
const PLOT_TOP: i32 = TOP + 44;
const PLOT_HEIGHT: i32 = 760;
/// Least height of the plot on a canvas of a given height.
const MIN_PLOT_HEIGHT: i32 = 240;
/// Space under the plot for tick labels and the x axis caption.
const BOTTOM_SPACE: i32 = 110;
/// Dots of a chart of many points: small and partly transparent, so the crowded tail shows
/// its density.
const DOT_RADIUS: u32 = 3;
const DOT_COLOR: RGBAColor = RGBAColor(0, 114, 178, 0.5);
/// Dots of a chart of at most [`FEW_POINTS`] points: larger and stronger.
const FEW_DOT_RADIUS: u32 = 4;
const FEW_DOT_COLOR: RGBAColor = RGBAColor(0, 114, 178, 0.85);
const FEW_POINTS: usize = 500;
/// Okabe-Ito vermillion, the fitted line.
const FIT_COLOR: RGBColor = RGBColor(213, 94, 0);
const FIT_WIDTH: u32 = 4;
/// Gridlines at 2-9 times a decade.
const MINOR_GRID: ShapeStyle = ShapeStyle {
    color: RGBAColor(240, 240, 240, 1.0),
    filled: false,
    stroke_width: 1,
};
/// Minor gridlines are drawn when a decade is at least this many pixels long.
const MINOR_MIN_DECADE: f64 = 60.0;
const LEGEND_MAX_WIDTH: u32 = 660;
const LEGEND_PADDING: i32 = 14;
const LEGEND_ROW: i32 = 30;
const LEGEND_SWATCH: i32 = 34;
const LEGEND_BORDER: ShapeStyle = ShapeStyle {
    color: RGBAColor(190, 190, 190, 1.0),
    filled: false,
    stroke_width: 1,
};

/// Draws the chart.
pub(crate) fn draw(chart: &LogLogChart, canvas: &Canvas) -> Result<()> {
    canvas.ensure_font()?;
    let height = canvas.image_height(
        PLOT_TOP + PLOT_HEIGHT + BOTTOM_SPACE,
        PLOT_TOP + MIN_PLOT_HEIGHT + BOTTOM_SPACE,
    );
    let layout = Layout::new(chart, canvas.layout_width(), height - BOTTOM_SPACE);
    canvas.draw(height, &Painter { chart, layout })
}

struct Painter<'a> {
    chart: &'a LogLogChart,
    layout: Layout,
}

impl Picture for Painter<'_> {
    fn paint<DB: Surface>(&self, root: &Area<DB>, path: &Path) -> Result<()> {
        let (chart, layout) = (self.chart, &self.layout);
        theme::draw_heading(root, &chart.title, &chart.subtitle, path)?;
        draw_axes(root, chart, layout, path)?;
        let dots = draw_points(root, chart, layout, path)?;
        let line = draw_fit(root, chart, layout, path)?;
        if dots.is_empty() {
            draw_text(
                root,
                "Nothing to show: no values above 0.",
                (
                    (layout.left + layout.right) / 2,
                    (PLOT_TOP + layout.bottom) / 2,
                ),
                &style(theme::LABEL_SIZE, theme::MUTED, HPos::Center, VPos::Center),
                path,
            )?;
        }
        // No legend for a fit of which nothing is inside the plot.
        if let Some(fit) = chart.fit.as_ref().filter(|_| !line.is_empty()) {
            draw_legend(root, fit, layout, &dots, &line, path)?;
        }
        Ok(())
    }
}

/// An axis range in log10 units: the axis runs from 10^`from` to 10^`to`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct LogRange {
    pub(super) from: f64,
    pub(super) to: f64,
}

/// Share of the span of the values left empty at each end of an axis (so the first rank is
/// not drawn on the axis line).
const LOG_PADDING: f64 = 0.03;

impl LogRange {
    /// The range around values from `lo` to `hi` (both > 0): the values with a little room,
    /// half a decade each side of a single value.
    pub(super) fn around(lo: f64, hi: f64) -> LogRange {
        if !(lo.is_finite() && hi.is_finite() && lo > 0.0 && hi >= lo) {
            return LogRange { from: 0.0, to: 1.0 };
        }
        let (a, b) = (lo.log10(), hi.log10());
        let pad = if b - a < 1e-9 {
            0.5
        } else {
            ((b - a) * LOG_PADDING).max(0.02)
        };
        LogRange {
            from: a - pad,
            to: b + pad,
        }
    }

    pub(super) fn span(self) -> f64 {
        self.to - self.from
    }

    fn contains(self, value: f64) -> bool {
        let l = value.log10();
        l >= self.from - 1e-9 && l <= self.to + 1e-9
    }

    /// The powers of ten inside the range.
    pub(super) fn decades(self) -> std::ops::RangeInclusive<i32> {
        (self.from - 1e-9).ceil() as i32..=(self.to + 1e-9).floor() as i32
    }

    /// Every power of ten times `multipliers` inside the range.
    pub(super) fn multiples(self, multipliers: &[f64]) -> Vec<f64> {
        let first = (self.from - 1e-9).floor() as i32;
        let last = (self.to + 1e-9).ceil() as i32;
        (first..=last)
            .flat_map(|k| multipliers.iter().map(move |m| m * 10f64.powi(k)))
            .filter(|&v| self.contains(v))
            .collect()
    }
}

/// Every how many decades a label goes, for labels `widest` pixels wide (or high) on decades
/// `decade` pixels long.
pub(super) fn label_every(decade: f64, widest: i32) -> i32 {
    [1, 2, 3, 5, 10]
        .into_iter()
        .find(|&n| decade * f64::from(n) >= f64::from(widest + 16))
        .unwrap_or(10)
}

/// Axes of at most this many decades label 2 and 5 times each decade too.
const SHORT_AXIS: f64 = 2.2;

/// The values at which an axis over `range` has labelled ticks: each `every`-th power of ten;
/// on a short axis also 2 and 5 times each, and on one too short for those, every 1-9 times.
pub(super) fn labelled_ticks(range: LogRange, every: i32) -> Vec<f64> {
    let decades = range.decades();
    let first = *decades.start();
    let mut ticks: Vec<f64> = decades
        .filter(|k| (k - first) % every == 0)
        .map(|k| 10f64.powi(k))
        .collect();
    if range.span() <= SHORT_AXIS {
        ticks = range.multiples(&[1.0, 2.0, 5.0]);
    }
    if ticks.len() < 2 {
        ticks = range.multiples(&[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0]);
    }
    ticks
}

/// A tick label: grouped, with decimals enough for values under 1.
pub(super) fn tick_label(value: f64) -> String {
    let decimals = if value >= 1.0 {
        0
    } else {
        (-(value.log10().floor()) as usize).min(12)
    };
    theme::format_number(value, decimals)
}

/// Where everything goes.
struct Layout {
    left: i32,
    right: i32,
    bottom: i32,
    x: LogRange,
    y: LogRange,
    x_ticks: Vec<f64>,
    y_ticks: Vec<f64>,
}

impl Layout {
    fn new(chart: &LogLogChart, width: i32, bottom: i32) -> Layout {
        let usable = || chart.points.iter().filter(|p| usable(**p));
        let (x_lo, x_hi) = extent(usable().map(|p| p.0));
        let (y_lo, y_hi) = extent(usable().map(|p| p.1));
        let x = LogRange::around(x_lo, x_hi);
        let y = LogRange::around(y_lo, y_hi);
        let widest = |ticks: &[f64]| {
            ticks
                .iter()
                .map(|&t| text_width(&tick_label(t), theme::TICK_SIZE))
                .max()
                .unwrap_or(0) as i32
        };
        let plot_height = f64::from(bottom - PLOT_TOP);
        let y_every = label_every(plot_height / y.span(), 24);
        let y_ticks = labelled_ticks(y, y_every);
        let left = theme::MARGIN + widest(&y_ticks) + 14;
        let all_x = labelled_ticks(x, 1);
        let right = width - theme::MARGIN - widest(&all_x) / 2;
        let x_every = label_every(f64::from(right - left) / x.span(), widest(&all_x));
        Layout {
            left,
            right,
            bottom,
            x,
            y,
            x_ticks: labelled_ticks(x, x_every),
            y_ticks,
        }
    }

    fn x_of_log(&self, lx: f64) -> i32 {
        let t = (lx - self.x.from) / self.x.span();
        self.left + (t * f64::from(self.right - self.left)).round() as i32
    }

    fn y_of_log(&self, ly: f64) -> i32 {
        let t = (ly - self.y.from) / self.y.span();
        self.bottom - (t * f64::from(self.bottom - PLOT_TOP)).round() as i32
    }

    fn pixel(&self, (x, y): (f64, f64)) -> (i32, i32) {
        (self.x_of_log(x.log10()), self.y_of_log(y.log10()))
    }
}

fn usable((x, y): (f64, f64)) -> bool {
    x.is_finite() && y.is_finite() && x > 0.0 && y > 0.0
}

/// Smallest and largest of `values` (NaN, NaN when there are none).
fn extent(values: impl Iterator<Item = f64>) -> (f64, f64) {
    values.fold((f64::NAN, f64::NAN), |(lo, hi), v| (lo.min(v), hi.max(v)))
}

fn draw_axes<DB: Surface>(
    root: &Area<DB>,
    chart: &LogLogChart,
    layout: &Layout,
    path: &Path,
) -> Result<()> {
    let (left, right, bottom) = (layout.left, layout.right, layout.bottom);
    // Minor grid first, decade grid over it.
    let minors = [2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0];
    if f64::from(right - left) / layout.x.span() >= MINOR_MIN_DECADE {
        for v in layout.x.multiples(&minors) {
            let x = layout.x_of_log(v.log10());
            draw_line(root, vec![(x, PLOT_TOP), (x, bottom)], MINOR_GRID, path)?;
        }
    }
    if f64::from(bottom - PLOT_TOP) / layout.y.span() >= MINOR_MIN_DECADE {
        for v in layout.y.multiples(&minors) {
            let y = layout.y_of_log(v.log10());
            draw_line(root, vec![(left, y), (right, y)], MINOR_GRID, path)?;
        }
    }
    for k in layout.x.decades() {
        let x = layout.x_of_log(f64::from(k));
        draw_line(
            root,
            vec![(x, PLOT_TOP), (x, bottom)],
            theme::GRID_LINE,
            path,
        )?;
    }
    for k in layout.y.decades() {
        let y = layout.y_of_log(f64::from(k));
        draw_line(root, vec![(left, y), (right, y)], theme::GRID_LINE, path)?;
    }
    for &tick in &layout.x_ticks {
        let x = layout.x_of_log(tick.log10());
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
    for &tick in &layout.y_ticks {
        let y = layout.y_of_log(tick.log10());
        draw_line(root, vec![(left - 6, y), (left, y)], theme::AXIS_LINE, path)?;
        draw_text(
            root,
            &tick_label(tick),
            (left - 10, y),
            &style(theme::TICK_SIZE, theme::MUTED, HPos::Right, VPos::Center),
            path,
        )?;
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

/// Draws the points, one dot per pixel however many fall on it; returns the dots' pixels.
fn draw_points<DB: Surface>(
    root: &Area<DB>,
    chart: &LogLogChart,
    layout: &Layout,
    path: &Path,
) -> Result<Vec<(i32, i32)>> {
    let mut seen = HashSet::new();
    let dots: Vec<(i32, i32)> = chart
        .points
        .iter()
        .filter(|&&p| usable(p))
        .map(|&p| layout.pixel(p))
        .filter(|&pixel| seen.insert(pixel))
        .collect();
    let (radius, color) = dot_style(dots.len());
    for &pixel in &dots {
        root.draw(&Circle::new(pixel, radius, color.filled()))
            .map_err(|e| chart_error(path, e))?;
    }
    Ok(dots)
}

/// Radius and colour of the dots, for `count` dots.
fn dot_style(count: usize) -> (u32, RGBAColor) {
    if count <= FEW_POINTS {
        (FEW_DOT_RADIUS, FEW_DOT_COLOR)
    } else {
        (DOT_RADIUS, DOT_COLOR)
    }
}

/// The fitted line in log10 coordinates, clipped to the fitted range and to the plot; `None`
/// when nothing of it is inside.
fn fit_segment(fit: &Fit, x: LogRange, y: LogRange) -> Option<[(f64, f64); 2]> {
    let values = [fit.slope, fit.intercept, fit.x_from, fit.x_to];
    if values.iter().any(|v| !v.is_finite()) || fit.x_from <= 0.0 || fit.x_to <= 0.0 {
        return None;
    }
    let (a, b) = (fit.x_from.min(fit.x_to), fit.x_from.max(fit.x_to));
    let mut lo = a.log10().max(x.from);
    let mut hi = b.log10().min(x.to);
    // Keep the part whose y is within the plot.
    let (y_from, y_to) = (y.from, y.to);
    if fit.slope != 0.0 {
        let at = |ly: f64| (ly - fit.intercept) / fit.slope;
        let (p, q) = (at(y_from), at(y_to));
        lo = lo.max(p.min(q));
        hi = hi.min(p.max(q));
    } else if !(y_from..=y_to).contains(&fit.intercept) {
        return None;
    }
    if lo > hi {
        return None;
    }
    let line = |lx: f64| (lx, fit.intercept + fit.slope * lx);
    Some([line(lo), line(hi)])
}

/// Draws the fitted line; returns pixels along it (for placing the legend).
fn draw_fit<DB: Surface>(
    root: &Area<DB>,
    chart: &LogLogChart,
    layout: &Layout,
    path: &Path,
) -> Result<Vec<(i32, i32)>> {
    let Some(segment) = chart
        .fit
        .as_ref()
        .and_then(|f| fit_segment(f, layout.x, layout.y))
    else {
        return Ok(Vec::new());
    };
    let [a, b] = segment.map(|(lx, ly)| (layout.x_of_log(lx), layout.y_of_log(ly)));
    let exact = |(x, y): (i32, i32)| (f64::from(x), f64::from(y));
    draw_polyline(
        root,
        &[exact(a), exact(b)],
        FIT_COLOR,
        FIT_WIDTH,
        None,
        path,
    )?;
    let steps = 50;
    Ok((0..=steps)
        .map(|i| {
            let t = f64::from(i) / f64::from(steps);
            let lerp = |p: i32, q: i32| p + (t * f64::from(q - p)).round() as i32;
            (lerp(a.0, b.0), lerp(a.1, b.1))
        })
        .collect())
}

/// The corner of the plot for a legend `size` big: top right unless another corner covers
/// fewer of `dots` and of `line`'s pixels.
fn legend_corner(
    layout: &Layout,
    size: (i32, i32),
    dots: &[(i32, i32)],
    line: &[(i32, i32)],
) -> (i32, i32) {
    let inset = 14;
    let (w, h) = size;
    let corners = [
        (layout.right - inset - w, PLOT_TOP + inset),
        (layout.left + inset, layout.bottom - inset - h),
        (layout.right - inset - w, layout.bottom - inset - h),
        (layout.left + inset, PLOT_TOP + inset),
    ];
    let covered = |&(x, y): &(i32, i32)| {
        let inside = |&&(px, py): &&(i32, i32)| {
            px >= x - 4 && px <= x + w + 4 && py >= y - 4 && py <= y + h + 4
        };
        dots.iter().filter(inside).count() + 20 * line.iter().filter(inside).count()
    };
    let mut best = corners[0];
    let mut least = covered(&best);
    for corner in &corners[1..] {
        let c = covered(corner);
        if c < least {
            best = *corner;
            least = c;
        }
    }
    best
}

fn draw_legend<DB: Surface>(
    root: &Area<DB>,
    fit_line: &Fit,
    layout: &Layout,
    dots: &[(i32, i32)],
    line: &[(i32, i32)],
    path: &Path,
) -> Result<()> {
    let max_width = LEGEND_MAX_WIDTH.min((layout.right - layout.left - 120).max(40) as u32);
    let text = fit(&fit_line.legend, theme::TICK_SIZE, max_width);
    let text_w =
        text_width(&text, theme::TICK_SIZE).max(text_width(POINTS_LEGEND, theme::TICK_SIZE)) as i32;
    let size = (
        2 * LEGEND_PADDING + LEGEND_SWATCH + 10 + text_w,
        2 * LEGEND_PADDING + 2 * LEGEND_ROW - 8,
    );
    let (x, y) = legend_corner(layout, size, dots, line);
    fill_rect(root, [(x, y), (x + size.0, y + size.1)], WHITE, path)?;
    root.draw(&Rectangle::new(
        [(x, y), (x + size.0, y + size.1)],
        LEGEND_BORDER,
    ))
    .map_err(|e| chart_error(path, e))?;
    let text_x = x + LEGEND_PADDING + LEGEND_SWATCH + 10;
    let row_y = |i: i32| y + LEGEND_PADDING + (LEGEND_ROW - 8) / 2 + i * LEGEND_ROW;
    let swatch = x + LEGEND_PADDING;
    let swatch_line = [
        (f64::from(swatch), f64::from(row_y(0))),
        (f64::from(swatch + LEGEND_SWATCH), f64::from(row_y(0))),
    ];
    draw_polyline(root, &swatch_line, FIT_COLOR, FIT_WIDTH, None, path)?;
    let text_style = style(theme::TICK_SIZE, theme::TEXT, HPos::Left, VPos::Center);
    draw_text(root, &text, (text_x, row_y(0)), &text_style, path)?;
    let (radius, color) = dot_style(dots.len());
    root.draw(&Circle::new(
        (swatch + LEGEND_SWATCH / 2, row_y(1)),
        radius,
        color.filled(),
    ))
    .map_err(|e| chart_error(path, e))?;
    draw_text(root, POINTS_LEGEND, (text_x, row_y(1)), &text_style, path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::charts::canvas::tests::draw_everywhere;

    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n";

    /// Zipf-like counts for `n` ranks: about `top` / rank, at least 1, with ties in the tail.
    fn zipf(n: usize, top: f64) -> Vec<(f64, f64)> {
        (1..=n)
            .map(|r| {
                let r = r as f64;
                (
                    r,
                    (top / r.powf(1.05) * (1.0 + 0.15 * (r * 7.3).sin()))
                        .max(1.0)
                        .round(),
                )
            })
            .collect()
    }

    fn zipf_fit() -> Fit {
        fit_for(100_000.0)
    }

    /// The power law that `zipf(_, top)` follows.
    fn fit_for(top: f64) -> Fit {
        Fit {
            slope: -1.05,
            intercept: top.log10(),
            x_from: 10.0,
            x_to: 1000.0,
            legend: "least squares over ranks 10-1,000: slope -1.05, R² 0.98".into(),
        }
    }

    fn chart(points: Vec<(f64, f64)>, fit: Option<Fit>) -> LogLogChart {
        LogLogChart {
            title: "Zipf's law in the State of the Union addresses".into(),
            subtitle: "Each term's number of occurrences against its rank, both on log scales"
                .into(),
            x_label: "rank (1 = most frequent term)".into(),
            y_label: "occurrences".into(),
            points,
            fit,
        }
    }

    #[test]
    fn axes_span_the_values_and_label_powers_of_ten() {
        let range = LogRange::around(1.0, 30_000.0);
        assert!(range.from < 0.0 && range.from > -0.2, "{range:?}");
        assert!(range.to > 30_000f64.log10() && range.to < 4.7, "{range:?}");
        assert_eq!(range.decades(), 0..=4);
        assert_eq!(LogRange::around(7.0, 7.0).decades(), 1..=1);
        assert_eq!(
            LogRange::around(f64::NAN, f64::NAN),
            LogRange { from: 0.0, to: 1.0 }
        );
        assert_eq!(tick_label(1000.0), "1,000");
        assert_eq!(tick_label(1e6), "1,000,000");
        assert_eq!(tick_label(0.01), "0.01");
        assert_eq!(tick_label(20_000.0), "20,000");
        assert_eq!(tick_label(0.05), "0.05");
        assert_eq!(labelled_ticks(range, 2), [1.0, 100.0, 10_000.0]);
        let short = LogRange::around(1.0, 10.0);
        assert_eq!(labelled_ticks(short, 1), [1.0, 2.0, 5.0, 10.0]);
        let narrow = LogRange::around(20.0, 40.0);
        assert_eq!(labelled_ticks(narrow, 1), [20.0, 30.0, 40.0]);
        assert_eq!(label_every(100.0, 60), 1);
        assert_eq!(label_every(30.0, 60), 3);
    }

    #[test]
    fn the_fit_is_clipped_to_its_range_and_the_plot() {
        let full = LogRange { from: 0.0, to: 5.0 };
        let (x, y) = (full, full);
        let [a, b] = fit_segment(&zipf_fit(), x, y).unwrap();
        assert!((a.0 - 1.0).abs() < 1e-12 && (b.0 - 3.0).abs() < 1e-12);
        assert!((a.1 - 3.95).abs() < 1e-12);
        let mut wide = zipf_fit();
        wide.x_from = 1.0;
        wide.x_to = 1e9;
        let [a, b] = fit_segment(&wide, x, y).unwrap();
        assert!(
            a.1 <= 5.0 + 1e-9 && b.1 >= -1e-9 && b.0 <= 5.0,
            "{a:?} {b:?}"
        );
        let mut outside = zipf_fit();
        outside.intercept = 40.0;
        assert_eq!(fit_segment(&outside, x, y), None);
        let mut nan = zipf_fit();
        nan.slope = f64::NAN;
        assert_eq!(fit_segment(&nan, x, y), None);
    }

    #[test]
    fn the_chart_draws_in_both_formats_at_any_width_and_height() {
        for (name, chart) in [
            (
                "zipf",
                chart(zipf(5_000, 20_000.0), Some(fit_for(20_000.0))),
            ),
            ("small", chart(zipf(40, 900.0), None)),
        ] {
            draw_everywhere(&format!("loglog_{name}"), |canvas| draw(&chart, canvas));
        }
    }

    #[test]
    fn the_chart_draws_even_when_empty_or_tiny() {
        let dir = tempfile::tempdir().unwrap();
        let cases = [
            ("empty.png", chart(vec![], Some(zipf_fit()))),
            ("one.png", chart(vec![(1.0, 412.0)], None)),
            ("one_fit.png", chart(vec![(1.0, 412.0)], Some(zipf_fit()))),
            ("no_fit.png", chart(zipf(500, 3000.0), None)),
            (
                "non_positive.png",
                chart(vec![(0.0, 1.0), (1.0, -1.0), (2.0, 3.0)], None),
            ),
            ("many.png", chart(zipf(40_000, 60_000.0), Some(zipf_fit()))),
        ];
        for (name, chart) in cases {
            let canvas = Canvas::png(dir.path().join(name));
            draw(&chart, &canvas).unwrap();
            let bytes = std::fs::read(&canvas.path).unwrap();
            assert!(bytes.starts_with(PNG), "{name}");
        }
    }

    /// Draws the charts a person looks at: `cargo test --release --lib loglog -- --ignored`.
    #[test]
    #[ignore]
    fn draw_loglog_charts_to_look_at() {
        draw(
            &chart(zipf(30_000, 100_000.0), Some(zipf_fit())),
            &Canvas::png("/tmp/loglog_check.png"),
        )
        .unwrap();
        // A corpus of 40,000 terms, most of them said once or twice.
        draw(
            &chart(zipf(40_000, 15_000.0), Some(fit_for(15_000.0))),
            &Canvas::png("/tmp/loglog_hapax.png"),
        )
        .unwrap();
        draw(
            &chart(zipf(40, 900.0), None),
            &Canvas::png("/tmp/loglog_small.png"),
        )
        .unwrap();
        draw(
            &chart(vec![(1.0, 412.0)], Some(zipf_fit())),
            &Canvas::png("/tmp/loglog_one.png"),
        )
        .unwrap();
    }
}
