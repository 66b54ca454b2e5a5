//! Heatmap of a few terms across speeches or groups: one row per speech (or group), one
//! column per term, colour and printed value = the rate. Readable up to [`MAX_ROWS`] rows;
//! callers aggregate or select rows beyond that and say so in the title.

use std::path::Path;

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::theme::{self, chart_error, draw_text, fill_rect, fit, style, text_width, Area};
use crate::error::Result;

/// Most rows a heatmap shows.
pub const MAX_ROWS: usize = 40;

/// A heatmap's content: `values[row][column]`.
#[derive(Debug, Clone, PartialEq)]
pub struct Heatmap {
    pub title: String,
    pub subtitle: String,
    pub row_labels: Vec<String>,
    pub column_labels: Vec<String>,
    pub values: Vec<Vec<f64>>,
    /// What a cell's value measures, written by the colour scale.
    pub value_label: String,
}

const ROW_HEIGHT: u32 = 30;
const ROW_LABEL_MAX_WIDTH: u32 = 360;
const LEGEND_WIDTH: i32 = 150;
const TOP: i32 = 170;
const CELL_TEXT_SIZE: f64 = 17.0;

/// Draws the heatmap as a PNG.
pub fn draw(map: &Heatmap, path: &Path) -> Result<()> {
    theme::ensure_font().map_err(|e| chart_error(path, e))?;
    let rows = map.row_labels.len().max(1) as u32;
    let height = (TOP as u32 + rows * ROW_HEIGHT + 50).max(480);
    let root = BitMapBackend::new(path, (theme::WIDTH, height)).into_drawing_area();
    root.fill(&WHITE).map_err(|e| chart_error(path, e))?;
    theme::draw_heading(&root, &map.title, &map.subtitle, path)?;
    draw_grid(&root, map, path)?;
    root.present().map_err(|e| chart_error(path, e))
}

fn draw_grid(root: &Area<'_>, map: &Heatmap, path: &Path) -> Result<()> {
    let row_labels: Vec<String> = map
        .row_labels
        .iter()
        .map(|l| fit(root, l, theme::TICK_SIZE, ROW_LABEL_MAX_WIDTH))
        .collect();
    let label_width = row_labels
        .iter()
        .map(|l| text_width(root, l, theme::TICK_SIZE))
        .max()
        .unwrap_or(0) as i32;
    let left = theme::MARGIN + label_width + 12;
    let right = theme::WIDTH as i32 - theme::MARGIN - LEGEND_WIDTH;
    let columns = map.column_labels.len().max(1) as i32;
    let cell_width = (right - left) / columns;
    let max = map
        .values
        .iter()
        .flatten()
        .copied()
        .filter(|v| v.is_finite())
        .fold(0.0, f64::max);
    let scale_max = theme::nice_ticks(max, 5).last().copied().unwrap_or(1.0);

    for (c, label) in map.column_labels.iter().enumerate() {
        let x = left + c as i32 * cell_width + cell_width / 2;
        let text = fit(
            root,
            label,
            theme::LABEL_SIZE,
            (cell_width - 8).max(10) as u32,
        );
        draw_text(
            root,
            &text,
            (x, TOP - 12),
            &style(theme::LABEL_SIZE, theme::TEXT, HPos::Center, VPos::Bottom),
            path,
        )?;
    }
    let show_values = cell_width >= 56;
    for (r, (label, values)) in row_labels.iter().zip(&map.values).enumerate() {
        let y = TOP + r as i32 * ROW_HEIGHT as i32;
        draw_text(
            root,
            label,
            (left - 10, y + ROW_HEIGHT as i32 / 2),
            &style(theme::TICK_SIZE, theme::TEXT, HPos::Right, VPos::Center),
            path,
        )?;
        for (c, &value) in values.iter().enumerate() {
            let x = left + c as i32 * cell_width;
            let color = theme::viridis(value / scale_max);
            fill_rect(
                root,
                [(x, y), (x + cell_width - 2, y + ROW_HEIGHT as i32 - 2)],
                color,
                path,
            )?;
            if show_values {
                draw_text(
                    root,
                    &theme::format_fixed(value, 1),
                    (x + cell_width / 2, y + ROW_HEIGHT as i32 / 2),
                    &style(
                        CELL_TEXT_SIZE,
                        theme::text_on(color),
                        HPos::Center,
                        VPos::Center,
                    ),
                    path,
                )?;
            }
        }
    }
    draw_legend(root, map, scale_max, right, path)
}

/// The colour scale at the right, with ticks.
fn draw_legend(
    root: &Area<'_>,
    map: &Heatmap,
    scale_max: f64,
    right: i32,
    path: &Path,
) -> Result<()> {
    let x = right + 30;
    let bar_width = 26;
    let rows = map.row_labels.len().max(1) as i32;
    let bottom = TOP + (rows * ROW_HEIGHT as i32).max(240);
    let steps = 100;
    let step_height = (bottom - TOP) as f64 / f64::from(steps);
    for i in 0..steps {
        let t = 1.0 - f64::from(i) / f64::from(steps - 1);
        let y0 = TOP + (f64::from(i) * step_height) as i32;
        let y1 = TOP + (f64::from(i + 1) * step_height).ceil() as i32;
        fill_rect(
            root,
            [(x, y0), (x + bar_width, y1)],
            theme::viridis(t),
            path,
        )?;
    }
    let ticks = theme::nice_ticks(scale_max, 5);
    let decimals = if ticks.iter().any(|t| t.fract() != 0.0) {
        1
    } else {
        0
    };
    for tick in ticks {
        let y = bottom - ((tick / scale_max) * f64::from(bottom - TOP)).round() as i32;
        draw_text(
            root,
            &theme::format_number(tick, decimals),
            (x + bar_width + 8, y),
            &style(
                theme::TICK_SIZE - 2.0,
                theme::MUTED,
                HPos::Left,
                VPos::Center,
            ),
            path,
        )?;
    }
    let label = fit(
        root,
        &map.value_label,
        theme::TICK_SIZE - 2.0,
        (theme::MARGIN + LEGEND_WIDTH - 20) as u32,
    );
    draw_text(
        root,
        &label,
        // Clear of the top tick label, which is centred on the top of the scale.
        (x - 10, TOP - 22),
        &style(
            theme::TICK_SIZE - 2.0,
            theme::MUTED,
            HPos::Left,
            VPos::Bottom,
        ),
        path,
    )
}
