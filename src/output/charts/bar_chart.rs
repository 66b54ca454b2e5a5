//! Horizontal bar chart with labelled bars, rank 1 at the top: the shape of every "top N"
//! figure (most frequent terms, and later collocates and key terms).

use std::path::Path;

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::theme::{
    self, chart_error, draw_line, draw_text, fill_rect, fit, style, text_width, Area,
};
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

const ROW_HEIGHT: u32 = 36;
const LABEL_MAX_WIDTH: u32 = 420;

/// Draws the chart as a PNG.
pub fn draw(chart: &BarChart, path: &Path) -> Result<()> {
    theme::ensure_font().map_err(|e| chart_error(path, e))?;
    let rows = chart.bars.len().max(1) as u32;
    let height = 130 + rows * ROW_HEIGHT + 110;
    let root = BitMapBackend::new(path, (theme::WIDTH, height)).into_drawing_area();
    root.fill(&WHITE).map_err(|e| chart_error(path, e))?;
    theme::draw_heading(&root, &chart.title, &chart.subtitle, path)?;
    draw_bars(&root, chart, height, path)?;
    root.present().map_err(|e| chart_error(path, e))
}

fn draw_bars(root: &Area<'_>, chart: &BarChart, height: u32, path: &Path) -> Result<()> {
    let labels: Vec<String> = chart
        .bars
        .iter()
        .map(|b| fit(root, &b.label, theme::LABEL_SIZE, LABEL_MAX_WIDTH))
        .collect();
    let label_width = labels
        .iter()
        .map(|l| text_width(root, l, theme::LABEL_SIZE))
        .max()
        .unwrap_or(0) as i32;
    let annotation_width = chart
        .bars
        .iter()
        .map(|b| text_width(root, &b.annotation, theme::TICK_SIZE))
        .max()
        .unwrap_or(0) as i32;
    let left = theme::MARGIN + label_width + 16;
    let right = theme::WIDTH as i32 - theme::MARGIN - annotation_width - 12;
    let top = 130;
    let bottom = height as i32 - 110;
    let max = chart.bars.iter().map(|b| b.value).fold(0.0, f64::max);
    let ticks = theme::nice_ticks(max, 6);
    let axis_max = ticks.last().copied().unwrap_or(1.0).max(f64::MIN_POSITIVE);
    let x_of = |v: f64| left + ((v / axis_max) * f64::from(right - left)).round() as i32;

    let decimals = if ticks.iter().any(|t| t.fract() != 0.0) {
        2
    } else {
        0
    };
    for &tick in &ticks {
        let x = x_of(tick);
        draw_line(root, vec![(x, top), (x, bottom)], theme::GRID_LINE, path)?;
        draw_text(
            root,
            &theme::format_number(tick, decimals),
            (x, bottom + 10),
            &style(theme::TICK_SIZE, theme::MUTED, HPos::Center, VPos::Top),
            path,
        )?;
    }
    draw_text(
        root,
        &chart.value_label,
        ((left + right) / 2, bottom + 50),
        &style(theme::LABEL_SIZE, theme::TEXT, HPos::Center, VPos::Top),
        path,
    )?;

    let row = (bottom - top) as f64 / chart.bars.len().max(1) as f64;
    for (i, (bar, label)) in chart.bars.iter().zip(&labels).enumerate() {
        let center = top + ((i as f64 + 0.5) * row).round() as i32;
        let half = (row * 0.36).round() as i32;
        fill_rect(
            root,
            [
                (left, center - half),
                (x_of(bar.value).max(left + 1), center + half),
            ],
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
            (x_of(bar.value) + 8, center),
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
