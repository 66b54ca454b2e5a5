//! Horizontal bar chart with labelled bars, rank 1 at the top: the shape of every "top N"
//! figure (most frequent terms, and later collocates and key terms).

use std::path::Path;

use plotters::style::text_anchor::{HPos, VPos};

use super::canvas::{Canvas, Picture};
use super::theme::{self, draw_line, draw_text, fill_rect, fit, style, text_width, Area, Surface};
use crate::error::Result;

/// One bar: its label, its length and the text written at its end.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: f64,
    pub annotation: String,
}

/// A bar chart's content.
#[derive(Debug, Clone, PartialEq)]
pub struct BarChart {
    pub title: String,
    pub subtitle: String,
    /// What the bar length measures, written under the axis.
    pub value_label: String,
    pub bars: Vec<Bar>,
}

/// Height of a row (bar and gap) when the chart takes its own height.
const ROW_HEIGHT: i32 = 36;
/// Least height of a row: its label still fits.
const MIN_ROW_HEIGHT: i32 = 24;
/// Thickest a bar gets, however tall its row.
const MAX_BAR: f64 = ROW_HEIGHT as f64 * 0.72 * 1.25;
const LABEL_MAX_WIDTH: i32 = 420;
/// Widest a label may be, as a share of the image's width.
const LABEL_MAX_SHARE: f64 = 0.3;
const TOP: i32 = 130;
/// Under the bars: tick labels and the axis caption.
const BOTTOM_SPACE: i32 = 110;

/// Draws the chart.
pub fn draw(chart: &BarChart, canvas: &Canvas) -> Result<()> {
    canvas.ensure_font()?;
    let rows = chart.bars.len().max(1) as i32;
    let height = canvas.image_height(
        TOP + rows * ROW_HEIGHT + BOTTOM_SPACE,
        TOP + rows * MIN_ROW_HEIGHT + BOTTOM_SPACE,
    );
    let layout = Layout::new(chart, canvas.layout_width(), height);
    canvas.draw(height, &Painter { chart, layout })
}

/// Where everything goes.
#[derive(Debug, Clone, PartialEq)]
struct Layout {
    /// The bar labels, fitted.
    labels: Vec<String>,
    /// Where the bars start and where the longest may end.
    left: i32,
    right: i32,
    top: i32,
    bottom: i32,
    ticks: Vec<f64>,
}

impl Layout {
    fn new(chart: &BarChart, width: i32, height: i32) -> Layout {
        let label_cap = LABEL_MAX_WIDTH.min((f64::from(width) * LABEL_MAX_SHARE) as i32);
        let labels: Vec<String> = chart
            .bars
            .iter()
            .map(|b| fit(&b.label, theme::LABEL_SIZE, label_cap.max(0) as u32))
            .collect();
        let label_width = labels
            .iter()
            .map(|l| text_width(l, theme::LABEL_SIZE))
            .max()
            .unwrap_or(0) as i32;
        let annotation_width = chart
            .bars
            .iter()
            .map(|b| text_width(&b.annotation, theme::TICK_SIZE))
            .max()
            .unwrap_or(0) as i32;
        let left = theme::MARGIN + label_width + 16;
        // Room at the right for the annotations, or for half the last tick label.
        let right = (width - theme::MARGIN - (annotation_width + 12).max(30)).max(left + 1);
        let max = chart
            .bars
            .iter()
            .map(|b| b.value)
            .filter(|v| v.is_finite())
            .fold(0.0, f64::max);
        Layout {
            labels,
            left,
            right,
            top: TOP,
            bottom: height - BOTTOM_SPACE,
            ticks: theme::fitted_ticks(max, right - left, theme::TICK_SIZE, 6),
        }
    }

    fn x_of(&self, v: f64) -> i32 {
        let axis_max = self
            .ticks
            .last()
            .copied()
            .unwrap_or(1.0)
            .max(f64::MIN_POSITIVE);
        let v = if v.is_finite() { v.max(0.0) } else { 0.0 };
        self.left + ((v / axis_max) * f64::from(self.right - self.left)).round() as i32
    }
}

struct Painter<'a> {
    chart: &'a BarChart,
    layout: Layout,
}

impl Picture for Painter<'_> {
    fn paint<DB: Surface>(&self, root: &Area<DB>, path: &Path) -> Result<()> {
        theme::draw_heading(root, &self.chart.title, &self.chart.subtitle, path)?;
        draw_bars(root, self.chart, &self.layout, path)
    }
}

fn draw_bars<DB: Surface>(
    root: &Area<DB>,
    chart: &BarChart,
    layout: &Layout,
    path: &Path,
) -> Result<()> {
    let Layout {
        left,
        right,
        top,
        bottom,
        ..
    } = *layout;
    let decimals = theme::tick_decimals(layout.ticks.get(1).copied().unwrap_or(1.0));
    for &tick in &layout.ticks {
        let x = layout.x_of(tick);
        draw_line(root, vec![(x, top), (x, bottom)], theme::GRID_LINE, path)?;
        draw_text(
            root,
            &theme::format_number(tick, decimals),
            (x, bottom + 10),
            &style(theme::TICK_SIZE, theme::MUTED, HPos::Center, VPos::Top),
            path,
        )?;
    }
    let width = root.dim_in_pixel().0 as i32;
    draw_text(
        root,
        &fit(
            &chart.value_label,
            theme::LABEL_SIZE,
            (width - 2 * theme::MARGIN).max(0) as u32,
        ),
        ((left + right) / 2, bottom + 50),
        &style(theme::LABEL_SIZE, theme::TEXT, HPos::Center, VPos::Top),
        path,
    )?;

    let row = f64::from(bottom - top) / chart.bars.len().max(1) as f64;
    let half = (row * 0.72).min(MAX_BAR) / 2.0;
    for (i, (bar, label)) in chart.bars.iter().zip(&layout.labels).enumerate() {
        let center = top + ((i as f64 + 0.5) * row).round() as i32;
        let (y0, y1) = (
            (f64::from(center) - half).round() as i32,
            (f64::from(center) + half).round() as i32,
        );
        let end = layout.x_of(bar.value);
        fill_rect(
            root,
            [(left, y0), (end.max(left + 1), y1)],
            theme::BAR,
            path,
        )?;
        draw_text(
            root,
            label,
            (left - 10, center),
            &style(theme::LABEL_SIZE, theme::TEXT, HPos::Right, VPos::Center),
            path,
        )?;
        draw_text(
            root,
            &bar.annotation,
            (end + 8, center),
            &style(theme::TICK_SIZE, theme::TEXT, HPos::Left, VPos::Center),
            path,
        )?;
    }
    draw_line(
        root,
        vec![(left, top), (left, bottom)],
        theme::AXIS_LINE,
        path,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::charts::canvas::tests::draw_everywhere;

    fn chart(n: usize) -> BarChart {
        let words = [
            "america",
            "people",
            "united states of america and its territories overseas",
            "freedom",
            "economy",
        ];
        BarChart {
            title: "The 25 most frequent terms".into(),
            subtitle: "State of the Union addresses, 1790-2026; stopwords left out".into(),
            value_label: "occurrences".into(),
            bars: (0..n)
                .map(|i| {
                    let value = 12_400.0 / (1.0 + i as f64 * 0.3);
                    Bar {
                        label: format!("{} {i}", words[i % words.len()]),
                        value,
                        annotation: format!("{} times", theme::format_number(value, 0)),
                    }
                })
                .collect(),
        }
    }

    #[test]
    fn labels_fit_the_width_and_rows_share_the_height() {
        theme::ensure_font().unwrap();
        let chart = chart(25);
        for width in [640, 1000, 1600, 2400] {
            let layout = Layout::new(&chart, width, 1200);
            let widest = layout
                .labels
                .iter()
                .map(|l| text_width(l, theme::LABEL_SIZE) as i32)
                .max()
                .unwrap();
            assert!(
                widest <= (f64::from(width) * LABEL_MAX_SHARE) as i32,
                "{width}"
            );
            assert!(
                layout.right - layout.left > width / 3,
                "{width}: {layout:?}"
            );
            assert!(layout.x_of(12_400.0) <= layout.right);
        }
        let canvas = Canvas::png("x.png").with_height(Some(500));
        let least = TOP + 25 * MIN_ROW_HEIGHT + BOTTOM_SPACE;
        assert_eq!(canvas.image_height(0, least), least);
        let canvas = canvas.with_height(Some(2000));
        assert_eq!(canvas.image_height(0, least), 2000);
    }

    #[test]
    fn the_chart_draws_in_both_formats_at_any_width_and_height() {
        for (name, chart) in [("bars", chart(25)), ("one", chart(1)), ("none", chart(0))] {
            draw_everywhere(&format!("bar_chart_{name}"), |canvas| draw(&chart, canvas));
        }
    }
}
