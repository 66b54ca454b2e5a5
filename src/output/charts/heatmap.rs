//! Heatmap of a few terms across speeches or groups: one row per speech (or group), one
//! column per term, colour and printed value = the rate. Readable up to [`MAX_ROWS`] rows;
//! callers aggregate or select rows beyond that and say so in the title.
//!
//! Column labels are written across when every one fits its column, else all of them
//! upwards, in a size that keeps neighbours apart (from [`theme::LABEL_SIZE`] down to
//! [`MIN_COLUMN_FONT`]), so each is whole however many columns there are: only a label longer
//! than [`COLUMN_LABEL_CAP`] pixels is shortened. Values are printed in the cells when every
//! one fits. The colour scale at the right is as tall as the grid.

use std::path::Path;

use plotters::style::text_anchor::{HPos, VPos};
use plotters::style::FontTransform;

use super::canvas::{Canvas, Picture};
use super::theme::{
    self, chart_error, draw_text, fill_rect, fit, style, text_width, Area, Surface,
};
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

/// Height of a row when the chart takes its own height.
const ROW_HEIGHT: i32 = 30;
/// Least height of a row: its label still fits.
const MIN_ROW_HEIGHT: i32 = 22;
/// Least height of the grid when the chart takes its own height, so that a few rows still
/// get a readable colour scale.
const MIN_GRID_HEIGHT: i32 = 150;
const ROW_LABEL_MAX_WIDTH: i32 = 360;
/// Widest a row label may be, as a share of the image's width.
const ROW_LABEL_MAX_SHARE: f64 = 0.25;
/// The colour scale: bar, tick labels and room around them.
const LEGEND_WIDTH: i32 = 150;
const LEGEND_BAR: i32 = 26;
/// Top of the grid when the column labels are written across.
const TOP: i32 = 170;
/// Under the heading: the column labels start below this.
const HEADING_BOTTOM: i32 = 120;
/// Space between the grid and the column labels.
const LABEL_GAP: i32 = 10;
/// Under the grid.
const BOTTOM_SPACE: i32 = 50;
const CELL_TEXT_SIZE: f64 = 17.0;
/// Smallest size of a column label written upwards; columns narrower than that size leave
/// their labels out.
pub(crate) const MIN_COLUMN_FONT: f64 = 9.0;
/// Longest a column label written upwards may be; longer ones are shortened.
pub(crate) const COLUMN_LABEL_CAP: i32 = 320;
/// Room a line of text takes across, as a share of its font size (DejaVu Sans' ascender to
/// descender, less the blank above most letters).
const LINE_SHARE: f64 = 0.85;
/// How far plotters draws the ink of a vertically centred line from its anchor, as a share
/// of the font size, towards the text's top.
const CENTRE_INK_SHIFT: f64 = 0.15;

/// Draws the heatmap.
pub fn draw(map: &Heatmap, canvas: &Canvas) -> Result<()> {
    theme::ensure_font().map_err(|e| chart_error(&canvas.path, e))?;
    let width = canvas.layout_width();
    let columns = ColumnLabels::new(&map.column_labels, grid_span(map, width).1);
    let top = columns.grid_top();
    let rows = map.row_labels.len().max(1) as i32;
    let natural = top + (rows * ROW_HEIGHT).max(MIN_GRID_HEIGHT) + BOTTOM_SPACE;
    let least = top + rows * MIN_ROW_HEIGHT + BOTTOM_SPACE;
    let height = canvas.image_height(natural, least);
    let layout = Layout::new(map, width, columns, height);
    canvas.draw(height, &Painter { map, layout })
}

/// The fitted row labels and the grid's left and right edges, for an image `width` wide.
fn grid_span(map: &Heatmap, width: i32) -> (Vec<String>, (i32, i32)) {
    let cap = ROW_LABEL_MAX_WIDTH.min((f64::from(width) * ROW_LABEL_MAX_SHARE) as i32);
    let labels: Vec<String> = map
        .row_labels
        .iter()
        .map(|l| fit(l, theme::TICK_SIZE, cap.max(0) as u32))
        .collect();
    let label_width = labels
        .iter()
        .map(|l| text_width(l, theme::TICK_SIZE))
        .max()
        .unwrap_or(0) as i32;
    let left = theme::MARGIN + label_width + 12;
    let right = (width - theme::MARGIN - LEGEND_WIDTH).max(left + 1);
    (labels, (left, right))
}

/// The column labels as drawn: across or upwards, in what size, and how much room they take
/// above the grid.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ColumnLabels {
    /// Left edge of the grid and width of a column.
    pub(crate) left: i32,
    pub(crate) cell_width: i32,
    /// The labels, whole unless longer than [`COLUMN_LABEL_CAP`]; empty when left out.
    pub(crate) texts: Vec<String>,
    pub(crate) size: f64,
    /// Written upwards rather than across.
    pub(crate) rotated: bool,
    /// Room the labels take above the grid, from the grid's top up.
    pub(crate) height: i32,
}

impl ColumnLabels {
    /// Labels for `labels` over a grid from `left` to `right`.
    pub(crate) fn new(labels: &[String], (left, right): (i32, i32)) -> ColumnLabels {
        let columns = labels.len().max(1) as i32;
        let cell_width = ((right - left) / columns).max(1);
        let across = labels
            .iter()
            .all(|l| text_width(l, theme::LABEL_SIZE) as i32 <= cell_width - 8);
        if across {
            return ColumnLabels {
                left,
                cell_width,
                texts: labels.to_vec(),
                size: theme::LABEL_SIZE,
                rotated: false,
                height: TOP - HEADING_BOTTOM,
            };
        }
        // Upwards, one line per column: the line's thickness must leave a gap to the next.
        let size = (f64::from(cell_width - 3) / LINE_SHARE)
            .floor()
            .min(theme::LABEL_SIZE);
        let texts: Vec<String> = if size >= MIN_COLUMN_FONT {
            labels
                .iter()
                .map(|l| fit(l, size, COLUMN_LABEL_CAP as u32))
                .collect()
        } else {
            vec![String::new(); labels.len()]
        };
        let longest = texts
            .iter()
            .map(|t| text_width(t, size) as i32)
            .max()
            .unwrap_or(0);
        ColumnLabels {
            left,
            cell_width,
            texts,
            size,
            rotated: true,
            height: LABEL_GAP + longest + 8,
        }
    }

    /// Top of the grid: under the heading and the column labels.
    pub(crate) fn grid_top(&self) -> i32 {
        (HEADING_BOTTOM + self.height).max(TOP)
    }
}

/// Where everything goes.
#[derive(Debug, Clone, PartialEq)]
struct Layout {
    row_labels: Vec<String>,
    columns: ColumnLabels,
    right: i32,
    top: i32,
    row_height: f64,
    /// Bottom of the grid (and of the colour scale).
    bottom: i32,
    /// The colour scale's ticks, from 0 to its top.
    ticks: Vec<f64>,
    show_values: bool,
}

impl Layout {
    fn new(map: &Heatmap, width: i32, columns: ColumnLabels, height: i32) -> Layout {
        let (row_labels, (_, right)) = grid_span(map, width);
        let top = columns.grid_top();
        let rows = map.row_labels.len().max(1);
        let bottom = height - BOTTOM_SPACE;
        let row_height = f64::from(bottom - top) / rows as f64;
        let max = map
            .values
            .iter()
            .flatten()
            .copied()
            .filter(|v| v.is_finite())
            .fold(0.0, f64::max);
        // Tick labels on the scale at least 36 pixels apart.
        let intervals = ((bottom - top) / 36).clamp(1, 5) as usize;
        let ticks = theme::nice_ticks(max, intervals);
        let show_values = map.values.iter().flatten().all(|&v| {
            text_width(&theme::format_fixed(v, 1), CELL_TEXT_SIZE) as i32 <= columns.cell_width - 8
        }) && row_height >= CELL_TEXT_SIZE + 4.0;
        Layout {
            row_labels,
            columns,
            right,
            top,
            row_height,
            bottom,
            ticks,
            show_values,
        }
    }

    fn scale_max(&self) -> f64 {
        self.ticks
            .last()
            .copied()
            .unwrap_or(1.0)
            .max(f64::MIN_POSITIVE)
    }

    /// Top and bottom of row `r`.
    fn row(&self, r: usize) -> (i32, i32) {
        let y = |i: usize| self.top + (i as f64 * self.row_height).round() as i32;
        (y(r), y(r + 1))
    }
}

struct Painter<'a> {
    map: &'a Heatmap,
    layout: Layout,
}

impl Picture for Painter<'_> {
    fn paint<DB: Surface>(&self, root: &Area<DB>, path: &Path) -> Result<()> {
        theme::draw_heading(root, &self.map.title, &self.map.subtitle, path)?;
        draw_grid(root, self.map, &self.layout, path)?;
        draw_legend(root, self.map, &self.layout, path)
    }
}

fn draw_grid<DB: Surface>(
    root: &Area<DB>,
    map: &Heatmap,
    layout: &Layout,
    path: &Path,
) -> Result<()> {
    let columns = &layout.columns;
    let (left, cell_width) = (columns.left, columns.cell_width);
    let column_style = if columns.rotated {
        style(columns.size, theme::TEXT, HPos::Left, VPos::Center)
            .transform(FontTransform::Rotate270)
    } else {
        style(columns.size, theme::TEXT, HPos::Center, VPos::Bottom)
    };
    for (c, label) in columns.texts.iter().enumerate() {
        let x = left + c as i32 * cell_width + cell_width / 2;
        if label.is_empty() {
            continue;
        }
        let at = if columns.rotated {
            // Turned, the ink of a centred line sits left of its anchor.
            let shift = (CENTRE_INK_SHIFT * columns.size).round() as i32;
            (x + shift, layout.top - LABEL_GAP)
        } else {
            (x, layout.top - 12)
        };
        draw_text(root, label, at, &column_style, path)?;
    }
    let scale_max = layout.scale_max();
    for (r, (label, values)) in layout.row_labels.iter().zip(&map.values).enumerate() {
        let (y0, y1) = layout.row(r);
        let gap = if y1 - y0 >= 10 { 2 } else { 1 };
        draw_text(
            root,
            label,
            (left - 10, (y0 + y1) / 2),
            &style(theme::TICK_SIZE, theme::TEXT, HPos::Right, VPos::Center),
            path,
        )?;
        for (c, &value) in values.iter().enumerate().take(columns.texts.len()) {
            let x = left + c as i32 * cell_width;
            let color = theme::viridis(value / scale_max);
            fill_rect(
                root,
                [(x, y0), (x + cell_width - gap, y1 - gap)],
                color,
                path,
            )?;
            if layout.show_values {
                draw_text(
                    root,
                    &theme::format_fixed(value, 1),
                    (x + cell_width / 2, (y0 + y1) / 2),
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
    Ok(())
}

/// The colour scale at the right, as tall as the grid, with ticks and its caption above.
fn draw_legend<DB: Surface>(
    root: &Area<DB>,
    map: &Heatmap,
    layout: &Layout,
    path: &Path,
) -> Result<()> {
    let x = layout.right + 30;
    let (top, bottom) = (layout.top, layout.row(layout.row_labels.len().max(1)).1 - 2);
    let steps = 100;
    let step_height = f64::from(bottom - top) / f64::from(steps);
    for i in 0..steps {
        let t = 1.0 - f64::from(i) / f64::from(steps - 1);
        let y0 = top + (f64::from(i) * step_height) as i32;
        let y1 = top + (f64::from(i + 1) * step_height).ceil() as i32;
        fill_rect(
            root,
            [(x, y0), (x + LEGEND_BAR, y1.min(bottom))],
            theme::viridis(t),
            path,
        )?;
    }
    let scale_max = layout.scale_max();
    let decimals = theme::tick_decimals(layout.ticks.get(1).copied().unwrap_or(1.0));
    for &tick in &layout.ticks {
        let y = bottom - ((tick / scale_max) * f64::from(bottom - top)).round() as i32;
        draw_text(
            root,
            &theme::format_number(tick, decimals),
            (x + LEGEND_BAR + 8, y),
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
        &map.value_label,
        theme::TICK_SIZE - 2.0,
        (theme::MARGIN + LEGEND_WIDTH - 20) as u32,
    );
    draw_text(
        root,
        &label,
        // Clear of the top tick label, which is centred on the top of the scale.
        (x - 10, top - 22),
        &style(
            theme::TICK_SIZE - 2.0,
            theme::MUTED,
            HPos::Left,
            VPos::Bottom,
        ),
        path,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::charts::canvas::tests::draw_everywhere;

    const TERMS: [&str; 12] = [
        "government",
        "united states",
        "people",
        "america",
        "international cooperation",
        "world",
        "economy",
        "security",
        "freedom",
        "war",
        "congress",
        "self-determination",
    ];

    fn heatmap(rows: usize, columns: usize) -> Heatmap {
        let column_labels: Vec<String> = (0..columns)
            .map(|c| {
                if c < TERMS.len() {
                    TERMS[c].to_owned()
                } else {
                    format!("{} {c}", TERMS[c % TERMS.len()])
                }
            })
            .collect();
        Heatmap {
            title: "Chosen terms by speech".into(),
            subtitle: "Occurrences per 10,000 words; 22 speeches".into(),
            row_labels: (0..rows)
                .map(|r| format!("{}-{}-1", 2002 + r, ["Bush", "Obama", "Trump"][r % 3]))
                .collect(),
            values: (0..rows)
                .map(|r| {
                    (0..columns)
                        .map(|c| ((r * 37 + c * 11) % 130) as f64 + 0.4)
                        .collect()
                })
                .collect(),
            column_labels,
            value_label: "per 10,000 words".into(),
        }
    }

    /// Users saw "governm..." and "united sta..." over 40 columns: every label must be
    /// whole, and thin enough for its column.
    #[test]
    fn column_labels_are_whole_at_40_columns() {
        theme::ensure_font().unwrap();
        let map = heatmap(22, 40);
        for width in [1000, 1600, 2400] {
            let columns = ColumnLabels::new(&map.column_labels, grid_span(&map, width).1);
            assert!(columns.rotated, "{width}");
            assert_eq!(columns.texts, map.column_labels, "{width}");
            assert!(
                columns.size >= MIN_COLUMN_FONT + 3.0,
                "{width}: {}",
                columns.size
            );
            assert!(
                columns.size * LINE_SHARE <= f64::from(columns.cell_width - 3),
                "{width}: {columns:?}"
            );
            let longest = map
                .column_labels
                .iter()
                .map(|l| text_width(l, columns.size) as i32)
                .max()
                .unwrap();
            assert!(columns.grid_top() - LABEL_GAP - longest >= HEADING_BOTTOM);
        }
        // Few columns: across, in full size, whole too.
        let few = heatmap(5, 4);
        let columns = ColumnLabels::new(&few.column_labels, grid_span(&few, 1600).1);
        assert!(!columns.rotated);
        assert_eq!(columns.texts, few.column_labels);
        assert_eq!(columns.grid_top(), TOP);
    }

    #[test]
    fn the_colour_scale_is_as_tall_as_the_grid() {
        theme::ensure_font().unwrap();
        for (rows, height) in [(1, None), (3, None), (22, None), (22, Some(600))] {
            let map = heatmap(rows, 10);
            let canvas = Canvas::png("x.png").with_height(height);
            let columns = ColumnLabels::new(&map.column_labels, grid_span(&map, 1600).1);
            let top = columns.grid_top();
            let r = rows as i32;
            let height = canvas.image_height(
                top + (r * ROW_HEIGHT).max(MIN_GRID_HEIGHT) + BOTTOM_SPACE,
                top + r * MIN_ROW_HEIGHT + BOTTOM_SPACE,
            );
            let layout = Layout::new(&map, 1600, columns, height);
            assert_eq!(layout.row(rows).1, layout.bottom, "{rows}");
            assert!(layout.bottom - layout.top >= MIN_GRID_HEIGHT.min(r * MIN_ROW_HEIGHT));
            assert!(layout.ticks.len() >= 2);
        }
    }

    #[test]
    fn the_chart_draws_in_both_formats_at_any_width_and_height() {
        for (name, map) in [
            ("ten", heatmap(22, 10)),
            ("forty", heatmap(22, 40)),
            ("one", heatmap(1, 3)),
            ("none", heatmap(0, 0)),
        ] {
            draw_everywhere(&format!("heatmap_{name}"), |canvas| draw(&map, canvas));
        }
    }
}
