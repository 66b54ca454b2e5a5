//! Heatmap of a few terms across speeches or groups: one row per speech (or group), one
//! column per term, colour and printed value = the rate. Readable up to [`MAX_ROWS`] rows;
//! callers aggregate or select rows beyond that and say so in the title.
//!
//! Labels are whole rather than cut. A row label stays on one line up to
//! [`ROW_LABEL_MAX_WIDTH`] (or a quarter of a wide image) as long as every column keeps
//! [`MIN_CELL_WIDTH`]; beyond that it breaks into two lines ("Democratic-" over
//! "Republican"), the rows growing to hold them. Column labels are written across when every
//! one fits its column, else all of them upwards, in a size that keeps neighbours apart (from
//! [`theme::LABEL_SIZE`] down to [`MIN_COLUMN_FONT`]); a label longer than
//! [`COLUMN_LABEL_CAP`] pixels takes two or three lines side by side, in a smaller size if
//! need be. Only a label longer than all that allows is shortened with an ellipsis, and only
//! columns too narrow for any text (a canvas far too narrow for its columns) leave their
//! labels out. Values are printed in the cells when every one fits. The colour scale at the
//! right is exactly as tall as the grid.

use std::path::Path;

use plotters::style::text_anchor::{HPos, VPos};
use plotters::style::FontTransform;

use super::canvas::{Canvas, Picture};
use super::theme::{self, draw_text, fill_rect, style, text_width, wrap, Area, Surface};
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

/// Height of a row when the chart takes its own height and its label is one line.
const ROW_HEIGHT: i32 = 30;
/// Least height of a row of one line: its label still fits.
const MIN_ROW_HEIGHT: i32 = 22;
/// Distance between the lines of a row label in two lines.
const ROW_LINE: i32 = 22;
/// Most lines of a row label.
const ROW_LABEL_LINES: usize = 2;
/// Least height of the grid when the chart takes its own height, so that a few rows still
/// get a readable colour scale.
const MIN_GRID_HEIGHT: i32 = 150;
/// Row labels up to this wide (or a quarter of the image, if more) stay on one line.
pub(crate) const ROW_LABEL_MAX_WIDTH: i32 = 360;
/// Widest a one-line row label may be, as a share of the image's width.
const ROW_LABEL_MAX_SHARE: f64 = 0.25;
/// Narrowest a column is made to give row labels room.
const MIN_CELL_WIDTH: i32 = 24;
/// Narrowest the row labels are made, whatever the columns need.
const ROW_LABEL_MIN_WIDTH: i32 = 100;
/// Space between the row labels and the grid.
const ROW_LABEL_GAP: i32 = 12;
/// The colour scale: bar, tick labels and room around them.
const LEGEND_WIDTH: i32 = 150;
const LEGEND_BAR: i32 = 26;
/// Top of the grid when the column labels are written across.
const TOP: i32 = 170;
/// Under the heading: the column labels start below this.
const HEADING_BOTTOM: i32 = theme::HEADING_BOTTOM + 10;
/// Space between the grid and the column labels.
const LABEL_GAP: i32 = 10;
/// Under the grid.
const BOTTOM_SPACE: i32 = 50;
const CELL_TEXT_SIZE: f64 = 17.0;
/// Smallest size of a column label written upwards; columns narrower than that size leave
/// their labels out.
pub(crate) const MIN_COLUMN_FONT: f64 = 9.0;
/// Longest a line of a column label written upwards may be; longer labels take more lines
/// (side by side, where the column is wide enough), and only beyond that are shortened.
pub(crate) const COLUMN_LABEL_CAP: i32 = 320;
/// Most lines of a column label written upwards.
const COLUMN_LABEL_LINES: usize = 3;
/// Smallest size column labels are made to fit a label longer than [`COLUMN_LABEL_CAP`] in
/// lines side by side.
const MIN_LONG_LABEL_FONT: f64 = 14.0;
/// Room a line of text takes across, as a share of its font size (DejaVu Sans' ascender to
/// descender, less the blank above most letters).
const LINE_SHARE: f64 = 0.85;
/// How far plotters draws the ink of a vertically centred line from its anchor, as a share
/// of the font size, towards the text's top.
const CENTRE_INK_SHIFT: f64 = 0.15;

/// Draws the heatmap.
pub fn draw(map: &Heatmap, canvas: &Canvas) -> Result<()> {
    canvas.ensure_font()?;
    let width = canvas.layout_width();
    let rows = RowLabels::new(map, width);
    let columns = ColumnLabels::new(&map.column_labels, rows.grid_span(width));
    let height = canvas.image_height(
        columns.grid_top() + rows.natural_height() + BOTTOM_SPACE,
        columns.grid_top() + rows.least_height() + BOTTOM_SPACE,
    );
    let layout = Layout::new(map, width, rows, columns, height);
    canvas.draw(height, &Painter { map, layout })
}

/// The row labels as drawn: each in one or two lines, and the room they take at the left.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RowLabels {
    /// The lines of each label, whole unless a label needs more than [`ROW_LABEL_LINES`].
    pub(crate) lines: Vec<Vec<String>>,
    /// Width of the widest line.
    pub(crate) width: i32,
}

impl RowLabels {
    /// The labels of `map`'s rows on an image `width` pixels wide: on one line up to a
    /// width that leaves every column at least [`MIN_CELL_WIDTH`], else in two lines.
    pub(crate) fn new(map: &Heatmap, width: i32) -> RowLabels {
        let columns = map.column_labels.len().max(1) as i32;
        let room =
            width - 2 * theme::MARGIN - ROW_LABEL_GAP - LEGEND_WIDTH - columns * MIN_CELL_WIDTH;
        let wide = ROW_LABEL_MAX_WIDTH.max((f64::from(width) * ROW_LABEL_MAX_SHARE) as i32);
        let cap = wide.min(room).max(ROW_LABEL_MIN_WIDTH) as u32;
        let lines: Vec<Vec<String>> = map
            .row_labels
            .iter()
            .map(|l| wrap(l, theme::TICK_SIZE, cap, ROW_LABEL_LINES))
            .collect();
        let width = lines
            .iter()
            .flatten()
            .map(|l| text_width(l, theme::TICK_SIZE))
            .max()
            .unwrap_or(0) as i32;
        RowLabels { lines, width }
    }

    /// Most lines of any label (at least one).
    fn most_lines(&self) -> i32 {
        self.lines.iter().map(Vec::len).max().unwrap_or(1).max(1) as i32
    }

    /// Height of a row when the chart takes its own height.
    fn row_height(&self) -> i32 {
        ROW_HEIGHT.max(self.most_lines() * ROW_LINE + 6)
    }

    /// Height of the grid when the chart takes its own height.
    fn natural_height(&self) -> i32 {
        (self.count() * self.row_height()).max(MIN_GRID_HEIGHT)
    }

    /// Least height of the grid: every label's lines still fit their row.
    fn least_height(&self) -> i32 {
        let row = MIN_ROW_HEIGHT.max(self.most_lines() * ROW_LINE + 2);
        self.count() * row
    }

    /// Rows (at least one, so that an empty heatmap still has a grid).
    fn count(&self) -> i32 {
        self.lines.len().max(1) as i32
    }

    /// The grid's left and right edges on an image `width` wide.
    pub(crate) fn grid_span(&self, width: i32) -> (i32, i32) {
        let left = theme::MARGIN + self.width + ROW_LABEL_GAP;
        let right = (width - theme::MARGIN - LEGEND_WIDTH).max(left + 1);
        (left, right)
    }
}

/// The column labels as drawn: across or upwards, in what size, and how much room they take
/// above the grid.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ColumnLabels {
    /// Left edge of the grid and width of a column.
    pub(crate) left: i32,
    pub(crate) cell_width: i32,
    /// The lines of each label (upwards: side by side, the first at the left); whole unless
    /// a label needs more lines than its column holds; empty when left out.
    pub(crate) lines: Vec<Vec<String>>,
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
                lines: labels.iter().map(|l| vec![l.clone()]).collect(),
                size: theme::LABEL_SIZE,
                rotated: false,
                height: TOP - HEADING_BOTTOM,
            };
        }
        // Upwards, one line per column: the line's thickness must leave a gap to the next.
        let widest = (f64::from(cell_width - 3) / LINE_SHARE)
            .floor()
            .min(theme::LABEL_SIZE);
        // A label longer than the cap takes lines side by side, as many as the column holds;
        // a smaller size (down to MIN_LONG_LABEL_FONT) fits more of them.
        let side_by_side = |size: f64| {
            ((f64::from(cell_width - 3) / (size * LINE_SHARE)).floor() as usize)
                .clamp(1, COLUMN_LABEL_LINES)
        };
        let wrapped = |size: f64, most: usize| -> Vec<Vec<String>> {
            labels
                .iter()
                .map(|l| wrap(l, size, COLUMN_LABEL_CAP as u32, most))
                .collect()
        };
        let (size, lines) = if widest < MIN_COLUMN_FONT {
            (widest, vec![Vec::new(); labels.len()])
        } else {
            let smallest = MIN_LONG_LABEL_FONT.min(widest);
            let mut size = widest;
            loop {
                let lines = wrapped(size, usize::MAX);
                if lines.iter().all(|l| l.len() <= side_by_side(size)) {
                    break (size, lines);
                }
                if size <= smallest {
                    break (size, wrapped(size, side_by_side(size)));
                }
                size = (size - 1.0).max(smallest);
            }
        };
        let longest = lines
            .iter()
            .flatten()
            .map(|t| text_width(t, size) as i32)
            .max()
            .unwrap_or(0);
        ColumnLabels {
            left,
            cell_width,
            lines,
            size,
            rotated: true,
            height: LABEL_GAP + longest + 8,
        }
    }

    /// Top of the grid: under the heading and the column labels.
    pub(crate) fn grid_top(&self) -> i32 {
        (HEADING_BOTTOM + self.height).max(TOP)
    }

    /// Distance between the lines of a label written upwards.
    fn line_step(&self) -> f64 {
        self.size * LINE_SHARE + 1.0
    }
}

/// Where everything goes.
#[derive(Debug, Clone, PartialEq)]
struct Layout {
    rows: RowLabels,
    columns: ColumnLabels,
    right: i32,
    top: i32,
    row_height: f64,
    /// Bottom of the grid's last row, gap included.
    bottom: i32,
    /// The colour scale's ticks, from 0 to its top.
    ticks: Vec<f64>,
    show_values: bool,
}

impl Layout {
    fn new(
        map: &Heatmap,
        width: i32,
        rows: RowLabels,
        columns: ColumnLabels,
        height: i32,
    ) -> Layout {
        let (_, right) = rows.grid_span(width);
        let top = columns.grid_top();
        let bottom = height - BOTTOM_SPACE;
        let row_height = f64::from(bottom - top) / f64::from(rows.count());
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
            rows,
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

    /// Top and bottom of row `r`'s band (the cells leave a gap at its bottom).
    fn row(&self, r: usize) -> (i32, i32) {
        let y = |i: usize| self.top + (i as f64 * self.row_height).round() as i32;
        (y(r), y(r + 1))
    }

    /// The white gap under each cell.
    fn gap(&self) -> i32 {
        if self.row_height >= 10.0 {
            2
        } else {
            1
        }
    }

    /// Top and bottom of the cells of row `r`: its band less the gap.
    fn cells(&self, r: usize) -> (i32, i32) {
        let (y0, y1) = self.row(r);
        (y0, y1 - self.gap())
    }

    /// Top and bottom of the colour scale: from the top of the first row's cells to the
    /// bottom of the last row's.
    fn scale_span(&self) -> (i32, i32) {
        let last = self.rows.count() as usize - 1;
        (self.cells(0).0, self.cells(last).1)
    }
}

struct Painter<'a> {
    map: &'a Heatmap,
    layout: Layout,
}

impl Picture for Painter<'_> {
    fn paint<DB: Surface>(&self, root: &Area<DB>, path: &Path) -> Result<()> {
        theme::draw_heading(root, &self.map.title, &self.map.subtitle, path)?;
        draw_column_labels(root, &self.layout, path)?;
        draw_grid(root, self.map, &self.layout, path)?;
        draw_legend(root, self.map, &self.layout, path)
    }
}

fn draw_column_labels<DB: Surface>(root: &Area<DB>, layout: &Layout, path: &Path) -> Result<()> {
    let columns = &layout.columns;
    let (left, cell_width) = (columns.left, columns.cell_width);
    let column_style = if columns.rotated {
        style(columns.size, theme::TEXT, HPos::Left, VPos::Center)
            .transform(FontTransform::Rotate270)
    } else {
        style(columns.size, theme::TEXT, HPos::Center, VPos::Bottom)
    };
    for (c, lines) in columns.lines.iter().enumerate() {
        let x = left + c as i32 * cell_width + cell_width / 2;
        let count = lines.len() as f64;
        for (i, line) in lines.iter().enumerate() {
            let at = if columns.rotated {
                // Turned, the ink of a centred line sits left of its anchor; the lines of one
                // label stand side by side, centred on the column, the first at the left.
                let shift = CENTRE_INK_SHIFT * columns.size
                    + (i as f64 - (count - 1.0) / 2.0) * columns.line_step();
                (x + shift.round() as i32, layout.top - LABEL_GAP)
            } else {
                (x, layout.top - 12)
            };
            draw_text(root, line, at, &column_style, path)?;
        }
    }
    Ok(())
}

fn draw_grid<DB: Surface>(
    root: &Area<DB>,
    map: &Heatmap,
    layout: &Layout,
    path: &Path,
) -> Result<()> {
    let columns = &layout.columns;
    let (left, cell_width) = (columns.left, columns.cell_width);
    let label_style = style(theme::TICK_SIZE, theme::TEXT, HPos::Right, VPos::Center);
    let scale_max = layout.scale_max();
    for (r, (lines, values)) in layout.rows.lines.iter().zip(&map.values).enumerate() {
        let (y0, y1) = layout.cells(r);
        let middle = f64::from(y0 + y1) / 2.0;
        let count = lines.len() as f64;
        for (i, line) in lines.iter().enumerate() {
            let y = middle + (i as f64 - (count - 1.0) / 2.0) * f64::from(ROW_LINE);
            draw_text(
                root,
                line,
                (left - 10, y.round() as i32),
                &label_style,
                path,
            )?;
        }
        for (c, &value) in values.iter().enumerate().take(columns.lines.len()) {
            let x = left + c as i32 * cell_width;
            let color = theme::viridis(value / scale_max);
            fill_rect(
                root,
                [(x, y0), (x + cell_width - layout.gap(), y1)],
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
    let (top, bottom) = layout.scale_span();
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
    let size = theme::TICK_SIZE - 2.0;
    let lines = legend_caption(&map.value_label);
    let count = lines.len() as i32;
    for (i, line) in lines.iter().enumerate() {
        draw_text(
            root,
            line,
            // Clear of the top tick label, which is centred on the top of the scale.
            (x - 10, top - 22 - (count - 1 - i as i32) * CAPTION_LINE),
            &style(size, theme::MUTED, HPos::Left, VPos::Bottom),
            path,
        )?;
    }
    Ok(())
}

/// Distance between the lines of the colour scale's caption.
const CAPTION_LINE: i32 = 20;

/// The colour scale's caption in at most two lines between the scale's left edge (less 10
/// pixels) and the right margin's middle.
fn legend_caption(caption: &str) -> Vec<String> {
    let room = theme::MARGIN / 2 + LEGEND_WIDTH - 20;
    wrap(caption, theme::TICK_SIZE - 2.0, room as u32, 2)
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

    /// The heatmap's layout on a canvas `width` wide and, if given, `height` high, as
    /// [`draw`] computes it.
    fn layout(map: &Heatmap, width: i32, height: Option<u32>) -> Layout {
        let canvas = Canvas::png("x.png")
            .with_width(width as u32)
            .with_height(height);
        let rows = RowLabels::new(map, width);
        let columns = ColumnLabels::new(&map.column_labels, rows.grid_span(width));
        let height = canvas.image_height(
            columns.grid_top() + rows.natural_height() + BOTTOM_SPACE,
            columns.grid_top() + rows.least_height() + BOTTOM_SPACE,
        );
        Layout::new(map, width, rows, columns, height)
    }

    /// Whether `lines` are `label` broken into lines: at spaces, or after `-`, `_` or `/`.
    fn whole(lines: &[String], label: &str) -> bool {
        let mut joined = String::new();
        for line in lines {
            if !joined.is_empty() && !joined.ends_with(['-', '_', '/']) {
                joined.push(' ');
            }
            joined.push_str(line);
        }
        joined == label
    }

    /// A box, left, top, right, bottom, in pixels.
    type Box = (i32, i32, i32, i32);

    /// The boxes of the labels as [`draw_column_labels`], [`draw_legend`] and [`draw_grid`]
    /// place them: column labels and the scale's caption, then row labels.
    fn label_boxes(layout: &Layout) -> (Vec<Box>, Vec<Box>) {
        let columns = &layout.columns;
        let mut column_boxes = Vec::new();
        for (c, lines) in columns.lines.iter().enumerate() {
            let x = columns.left + c as i32 * columns.cell_width + columns.cell_width / 2;
            let count = lines.len() as f64;
            for (i, line) in lines.iter().enumerate() {
                let w = text_width(line, columns.size) as i32;
                if columns.rotated {
                    // The line's thickness across, its length upwards from the gap.
                    let middle =
                        f64::from(x) + (i as f64 - (count - 1.0) / 2.0) * columns.line_step();
                    let half = (columns.size * LINE_SHARE / 2.0).ceil() as i32;
                    let bottom = layout.top - LABEL_GAP;
                    let m = middle.round() as i32;
                    column_boxes.push((m - half, bottom - w, m + half, bottom));
                } else {
                    let h = columns.size as i32;
                    let bottom = layout.top - 12;
                    column_boxes.push((x - w / 2, bottom - h, x + w - w / 2, bottom));
                }
            }
        }
        let mut row_boxes = Vec::new();
        for (r, lines) in layout.rows.lines.iter().enumerate() {
            let (y0, y1) = layout.cells(r);
            let middle = f64::from(y0 + y1) / 2.0;
            let count = lines.len() as f64;
            for (i, line) in lines.iter().enumerate() {
                let y = (middle + (i as f64 - (count - 1.0) / 2.0) * f64::from(ROW_LINE)) as i32;
                let w = text_width(line, theme::TICK_SIZE) as i32;
                let half = (theme::TICK_SIZE / 2.0) as i32;
                let right = columns.left - 10;
                row_boxes.push((right - w, y - half, right, y + half));
            }
        }
        let x = layout.right + 30 - 10;
        let lines = legend_caption("per 10,000 words");
        let count = lines.len() as i32;
        for (i, line) in lines.iter().enumerate() {
            let bottom = layout.top - 22 - (count - 1 - i as i32) * CAPTION_LINE;
            let w = text_width(line, theme::TICK_SIZE - 2.0) as i32;
            column_boxes.push((x, bottom - (theme::TICK_SIZE - 2.0) as i32, x + w, bottom));
        }
        (column_boxes, row_boxes)
    }

    fn overlap(a: &Box, b: &Box) -> bool {
        a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
    }

    /// Users saw "governm..." and "united sta..." over 40 columns: every label must be
    /// whole, and thin enough for its column.
    #[test]
    fn column_labels_are_whole_at_40_columns() {
        theme::ensure_font().unwrap();
        let map = heatmap(22, 40);
        for width in [1000, 1600, 2400] {
            let rows = RowLabels::new(&map, width);
            let columns = ColumnLabels::new(&map.column_labels, rows.grid_span(width));
            assert!(columns.rotated, "{width}");
            for (lines, label) in columns.lines.iter().zip(&map.column_labels) {
                assert!(whole(lines, label), "{width}: {lines:?} for {label}");
            }
            assert!(columns.size >= MIN_COLUMN_FONT, "{width}: {}", columns.size);
            assert!(
                columns.size * LINE_SHARE <= f64::from(columns.cell_width - 3),
                "{width}: {columns:?}"
            );
            let longest = columns
                .lines
                .iter()
                .flatten()
                .map(|l| text_width(l, columns.size) as i32)
                .max()
                .unwrap();
            assert!(columns.grid_top() - LABEL_GAP - longest >= HEADING_BOTTOM);
        }
        // Columns too narrow for any text leave every label out rather than cut some.
        let narrow =
            ColumnLabels::new(&map.column_labels, RowLabels::new(&map, 640).grid_span(640));
        assert!(narrow.cell_width < 11, "{narrow:?}");
        assert!(narrow.lines.iter().all(Vec::is_empty));
        // Few columns: across, in full size, whole too.
        let few = heatmap(5, 4);
        let columns = ColumnLabels::new(
            &few.column_labels,
            RowLabels::new(&few, 1600).grid_span(1600),
        );
        assert!(!columns.rotated);
        assert_eq!(columns.lines.concat(), few.column_labels);
        assert_eq!(columns.grid_top(), TOP);
    }

    /// The State of the Union by party: long party names are whole, on one line where there
    /// is room, else in two ("Democratic-" over "Republican"), and a term longer than a
    /// column label may be breaks into lines side by side rather than being cut.
    #[test]
    fn long_group_names_and_terms_are_whole_at_any_width() {
        theme::ensure_font().unwrap();
        let mut map = heatmap(7, 10);
        map.row_labels = [
            "Democratic",
            "Democratic-Republican",
            "Federalist",
            "National Union",
            "Nonpartisan",
            "Republican",
            "Whig",
        ]
        .map(String::from)
        .to_vec();
        map.column_labels[4] = "the united nations framework convention on climate change".into();
        for width in [640, 800, 1000, 1600, 2400] {
            for height in [None, Some(300), Some(1200)] {
                let layout = layout(&map, width, height);
                for (lines, label) in layout.rows.lines.iter().zip(&map.row_labels) {
                    assert!(whole(lines, label), "{width}: {lines:?}");
                }
                for (lines, label) in layout.columns.lines.iter().zip(&map.column_labels) {
                    assert!(whole(lines, label), "{width}: {lines:?}");
                }
                let one_line = layout.rows.lines.iter().all(|l| l.len() == 1);
                assert_eq!(one_line, width >= 800, "{width}: {:?}", layout.rows.lines);
                // Each row holds its label's lines.
                let lines = layout.rows.most_lines();
                assert!(layout.row_height >= f64::from(lines * ROW_LINE), "{width}");
            }
        }
    }

    /// No label leaves the image or runs into another label, the heading or the grid.
    #[test]
    fn labels_stay_inside_the_image_and_apart() {
        theme::ensure_font().unwrap();
        let mut long_rows = heatmap(12, 10);
        long_rows.row_labels[3] = "United Kingdom of Great Britain and Northern Ireland".into();
        long_rows.row_labels[5] = "S/PV.4726 (Resumption 1)".into();
        for map in [heatmap(22, 10), heatmap(22, 40), heatmap(3, 4), long_rows] {
            for width in [640, 1000, 1600, 2400] {
                for height in [None, Some(400), Some(1800)] {
                    let layout = layout(&map, width, height);
                    let (columns, rows) = label_boxes(&layout);
                    let image = (
                        0,
                        theme::HEADING_BOTTOM,
                        width,
                        layout.bottom + BOTTOM_SPACE,
                    );
                    let grid = (layout.columns.left, layout.top, layout.right, layout.bottom);
                    let all: Vec<&Box> = columns.iter().chain(&rows).collect();
                    for (i, a) in all.iter().enumerate() {
                        assert!(
                            a.0 >= theme::MARGIN / 2 && a.2 <= image.2 - theme::MARGIN / 2,
                            "{width}: {a:?} leaves the image"
                        );
                        assert!(a.1 >= image.1 && a.3 <= image.3, "{width}: {a:?}");
                        assert!(!overlap(a, &grid), "{width}: {a:?} covers the grid");
                        for b in &all[i + 1..] {
                            assert!(!overlap(a, b), "{width} {height:?}: {a:?} and {b:?}");
                        }
                    }
                }
            }
        }
    }

    /// The colour scale runs from the top of the first row's cells to the bottom of the
    /// last row's, whatever the number of rows and the canvas's height.
    #[test]
    fn the_colour_scale_is_as_tall_as_the_grid() {
        theme::ensure_font().unwrap();
        for (rows, height) in [
            (1, None),
            (3, None),
            (22, None),
            (22, Some(600)),
            (40, Some(300)),
            (0, None),
        ] {
            let map = heatmap(rows, 10);
            let layout = layout(&map, 1600, height);
            let last = rows.max(1) - 1;
            assert_eq!(
                layout.scale_span(),
                (layout.cells(0).0, layout.cells(last).1),
                "{rows}"
            );
            assert_eq!(layout.row(last).1, layout.bottom, "{rows}");
            let r = rows.max(1) as i32;
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
