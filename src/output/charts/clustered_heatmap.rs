//! Clustered similarity heatmap: a square matrix of similarities (cosine, viridis; or
//! distances such as Burrows' Delta, viridis reversed) with its
//! rows and columns in the order of an agglomerative clustering, and that clustering's
//! dendrogram drawn at its left, leaves at the rows, root at the far left.
//!
//! The colours span the range the chart data gives (say the off-diagonal cells' lowest and
//! highest values, so that cosines between 0.02 and 0.3 use the whole palette); the colour
//! scale's end labels are that range's ends, and a note under it says what the range is.
//!
//! The diagonal (every text is identical to itself, similarity 1) is drawn in a neutral grey,
//! with its own key under the colour scale, so that it does not outshine the off-diagonal
//! cells the reader came for. Rows and columns stay readable up to [`MAX_LABELS`] labels:
//! cells shrink with their number (never below [`MIN_CELL`] pixels), labels never below
//! 14 px; cell values are printed only when cells are big enough to hold them.
//!
//! Labels are whole where the width allows: the dendrogram narrows (down to
//! [`DENDROGRAM_LEAST`] pixels) to give long labels room, and a label wider than its room
//! takes as many lines as its cell holds (stacked in its row, side by side in its column).
//! Only a label that even so does not fit is shortened with an ellipsis.

use std::path::Path;

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};
use plotters::style::FontTransform;

use super::canvas::{Canvas, Picture};
use super::theme::{self, draw_line, draw_text, fill_rect, fit, style, text_width, Area, Surface};
use crate::error::Result;

/// One merge of agglomerative clustering: clusters `a` and `b` joined at `height`. Leaves are
/// 0..n-1 (in display order); the merge at index i creates cluster n + i (scipy's
/// convention).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Merge {
    pub a: usize,
    pub b: usize,
    pub height: f64,
}

/// A clustered heatmap's content.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ClusteredHeatmap {
    pub title: String,
    pub subtitle: String,
    /// n labels, already in display order (the dendrogram's leaf order).
    pub labels: Vec<String>,
    /// n x n, in display order, values in [0, 1] (cosine similarity); diagonal 1.
    pub values: Vec<Vec<f64>>,
    /// The values the colours span, lowest (dark purple) to highest (yellow), low < high;
    /// values beyond them take the end colours.
    pub scale: (f64, f64),
    /// Written under the colour scale: what its range is ("Colours span the off-diagonal
    /// range"); may be empty.
    pub scale_note: String,
    /// n - 1 merges (empty when n < 2), heights = 1 - cosine, non-decreasing. A merge naming
    /// a cluster that does not exist (yet) is not drawn.
    pub merges: Vec<Merge>,
    /// What a cell's colour measures, written by the colour scale.
    pub value_label: String,
    /// What a merge's height measures, written under the dendrogram.
    pub distance_label: String,
    /// Whether low values are the alike pairs (a distance such as Burrows' Delta): the
    /// colours then run from yellow at the low end to dark purple at the high end, so that
    /// alike pairs are bright whatever the measure.
    pub low_is_alike: bool,
}

impl ClusteredHeatmap {
    /// The colour of a value at `share` of the way from the scale's low end to its high end.
    fn colour(&self, share: f64) -> RGBColor {
        match self.low_is_alike {
            true => theme::viridis(1.0 - share),
            false => theme::viridis(share),
        }
    }
}

/// Most labels the chart is meant for: up to this many, cells are at least [`MIN_CELL`]
/// pixels and labels at least 14 px. It draws more, with ever smaller cells and labels (left
/// out below 8 px), always within the page's width.
pub(crate) const MAX_LABELS: usize = 60;
/// Smallest side of a cell in pixels.
pub(crate) const MIN_CELL: i32 = 16;
/// Largest side of a cell in pixels.
const MAX_CELL: i32 = 110;
/// Label font sizes tried in turn, largest first.
const LABEL_SIZES: [f64; 8] = [21.0, 20.0, 19.0, 18.0, 17.0, 16.0, 15.0, 14.0];
/// Widest a row label may be.
const LABEL_CAP: i32 = 320;
/// Narrowest a row label may be cut to, to make room for cells.
const LABEL_MIN: i32 = 80;
/// Labels smaller than this (beyond [`MAX_LABELS`] labels) are not drawn.
const TINY_LABEL: f64 = 8.0;
/// Top of the matrix.
const TOP: i32 = 150;
const DENDROGRAM_MIN: i32 = 150;
const DENDROGRAM_MAX: i32 = 300;
/// Space between the dendrogram's leaves and the matrix, and between the matrix and labels.
const GAP: i32 = 10;
/// Space between the row labels and the colour scale.
const LEGEND_GAP: i32 = 30;
/// The colour scale: bar, tick labels and the caption written up its side.
const LEGEND_WIDTH: i32 = 120;
const LEGEND_BAR: i32 = 24;
const LEGEND_MIN_HEIGHT: i32 = 260;
const SMALL: f64 = theme::TICK_SIZE - 2.0;
/// Colour of the diagonal.
const DIAGONAL: RGBColor = RGBColor(205, 205, 205);

/// Sizes and places, in pixels, computed from the number and length of the labels.
#[derive(Debug, Clone, PartialEq)]
struct Layout {
    n: i32,
    /// Left edge of the whole drawing (dendrogram, matrix, labels, scale), which is centred.
    left: i32,
    cell: i32,
    font: f64,
    /// The lines of each label: one, or more where a label is wider than `label_width` and
    /// its cell holds more lines; shortened only beyond that; empty when too small to read.
    labels: Vec<Vec<String>>,
    /// Width of the longest line.
    label_width: i32,
    dendrogram_left: i32,
    dendrogram_right: i32,
    matrix_left: i32,
    /// Whether column labels are written up (rotated) rather than across.
    rotated: bool,
    column_label_height: i32,
    legend_left: i32,
    legend_height: i32,
    /// The lines of the note under the colour scale.
    legend_note: Vec<String>,
}

/// Narrowest the dendrogram is made to give long labels room.
const DENDROGRAM_LEAST: i32 = 90;
/// Distance between the lines of a label, as a share of the font size.
const LINE_STEP: f64 = 1.1;
/// Most lines of a label.
const MAX_LABEL_LINES: usize = 3;
/// Most lines of the note under the colour scale, and their spacing.
const MAX_NOTE_LINES: usize = 5;
const NOTE_STEP: i32 = 22;

impl Layout {
    /// The layout of `labels` on an image `width` pixels wide, cells at most `max_cell`
    /// pixels. The dendrogram gets [`DENDROGRAM_MIN`] pixels or more, unless less (down to
    /// [`DENDROGRAM_LEAST`]) lets every label be written whole.
    fn new(labels: &[String], width: i32, max_cell: i32) -> Layout {
        let mut dendrogram = DENDROGRAM_MIN;
        loop {
            let layout = Layout::with_dendrogram(labels, width, max_cell, dendrogram);
            let whole = layout
                .labels
                .iter()
                .zip(labels)
                .all(|(lines, label)| theme::is_whole(lines, label));
            if whole || dendrogram <= DENDROGRAM_LEAST {
                return layout;
            }
            dendrogram = (dendrogram - 20).max(DENDROGRAM_LEAST);
        }
    }

    /// The layout with a dendrogram at least `dendrogram` pixels wide.
    fn with_dendrogram(labels: &[String], width: i32, max_cell: i32, dendrogram: i32) -> Layout {
        let n = labels.len().max(1) as i32;
        let available =
            width - 2 * theme::MARGIN - dendrogram - 2 * GAP - LEGEND_GAP - LEGEND_WIDTH;
        let widest = |size: f64| {
            labels
                .iter()
                .map(|l| text_width(l, size) as i32)
                .max()
                .unwrap_or(0)
        };
        // The largest font whose rows fit the cells that are left beside the labels.
        let (font, mut label_width) = LABEL_SIZES
            .iter()
            .map(|&size| (size, widest(size).min(LABEL_CAP)))
            .find(|&(size, width)| {
                ((available - width) / n).min(max_cell) >= (size.ceil() as i32) + 2
            })
            .unwrap_or_else(|| {
                let size = LABEL_SIZES[LABEL_SIZES.len() - 1];
                (size, widest(size).min(LABEL_CAP))
            });
        label_width = label_width.min((available - MIN_CELL * n).max(LABEL_MIN));
        // Beyond MAX_LABELS the cells (and the labels with them) shrink below the minimum
        // rather than run off the page; labels too small to read are left out.
        let cell = ((available - label_width) / n).clamp(1, max_cell.max(1));
        let font = font.min(f64::from(cell - 2)).max(1.0);
        // A label wider than its room takes as many lines as its cell holds.
        let lines_fit =
            ((f64::from(cell - 2) / (font * LINE_STEP)).floor() as usize).clamp(1, MAX_LABEL_LINES);
        let labels: Vec<Vec<String>> = labels
            .iter()
            .map(|l| {
                if font < TINY_LABEL {
                    Vec::new()
                } else if text_width(l, font) as i32 <= label_width {
                    vec![l.clone()]
                } else {
                    theme::wrap(l, font, label_width.max(1) as u32, lines_fit)
                }
            })
            .collect();
        let label_width = labels
            .iter()
            .flatten()
            .map(|l| text_width(l, font) as i32)
            .max()
            .unwrap_or(0);
        let left_over = (available - label_width - n * cell).max(0);
        let dendrogram_width = dendrogram + left_over.min((DENDROGRAM_MAX - dendrogram).max(0));
        let unused = left_over - (dendrogram_width - dendrogram);
        let left = theme::MARGIN + unused / 2;
        let dendrogram_left = left + 16;
        let dendrogram_right = left + dendrogram_width;
        let matrix_left = dendrogram_right + GAP;
        let rotated = labels
            .iter()
            .any(|l| l.len() > 1 || l.iter().any(|t| text_width(t, font) as i32 > cell - 16));
        let column_label_height = if rotated {
            label_width
        } else {
            (font * 1.2).ceil() as i32
        };
        Layout {
            n,
            left,
            cell,
            font,
            labels,
            label_width,
            dendrogram_left,
            dendrogram_right,
            matrix_left,
            rotated,
            column_label_height,
            legend_left: matrix_left + n * cell + GAP + label_width + LEGEND_GAP,
            // As tall as the grid, so the scale reads against every row; a few short rows
            // still get a scale whose ticks do not crowd.
            legend_height: (n * cell).max(LEGEND_MIN_HEIGHT),
            legend_note: Vec::new(),
        }
    }

    /// The layout with `note` wrapped under the colour scale.
    fn with_note(mut self, note: &str) -> Layout {
        self.legend_note = theme::wrap(note, SMALL, LEGEND_WIDTH as u32, MAX_NOTE_LINES);
        self
    }

    /// Top of the first line of the note under the colour scale (under the diagonal's key).
    fn note_top(&self) -> i32 {
        TOP + self.legend_height + 30 + LEGEND_BAR + 14
    }

    /// Offset of line `j` of `count` lines from the middle of their row (or column).
    fn line_offset(&self, j: usize, count: usize) -> i32 {
        ((j as f64 - (count as f64 - 1.0) / 2.0) * self.font * LINE_STEP).round() as i32
    }

    fn matrix_bottom(&self) -> i32 {
        TOP + self.n * self.cell
    }

    fn matrix_right(&self) -> i32 {
        self.matrix_left + self.n * self.cell
    }

    /// Centre of row (or column) `i`.
    fn center(&self, i: usize) -> i32 {
        i as i32 * self.cell + self.cell / 2
    }

    fn height(&self) -> i32 {
        let below_matrix = self.matrix_bottom() + 10 + self.column_label_height;
        // Axis, tick labels and up to three lines of caption under the dendrogram.
        let below_dendrogram = self.matrix_bottom() + 12 + 30 + 3 * 22;
        let below_legend = (TOP + self.legend_height + 70)
            .max(self.note_top() + self.legend_note.len() as i32 * NOTE_STEP);
        below_matrix.max(below_dendrogram).max(below_legend) + theme::MARGIN
    }
}

/// Draws the chart. Cells are as large as the width allows (at most [`MAX_CELL`] pixels);
/// on a canvas of a given height they shrink until the chart fits it, but never below
/// [`MIN_CELL`] (or the size the width allows, if smaller).
pub(crate) fn draw(map: &ClusteredHeatmap, canvas: &Canvas) -> Result<()> {
    canvas.ensure_font()?;
    let width = canvas.layout_width();
    let layout_for =
        |max_cell: i32| Layout::new(&map.labels, width, max_cell).with_note(&map.scale_note);
    let mut layout = layout_for(MAX_CELL);
    let natural = layout.height();
    if let Some(asked) = canvas.height {
        let floor = MIN_CELL.min(layout.cell);
        while layout.height() > asked as i32 && layout.cell > floor {
            layout = layout_for(layout.cell - 1);
        }
    }
    let (natural, least) = if map.labels.is_empty() {
        (TOP + 80, TOP + 80)
    } else {
        (natural, layout.height())
    };
    let height = canvas.image_height(natural, least);
    canvas.draw(height, &Painter { map, layout })
}

struct Painter<'a> {
    map: &'a ClusteredHeatmap,
    layout: Layout,
}

impl Picture for Painter<'_> {
    fn paint<DB: Surface>(&self, root: &Area<DB>, path: &Path) -> Result<()> {
        let (map, layout) = (self.map, &self.layout);
        theme::draw_heading(root, &map.title, &map.subtitle, path)?;
        if map.labels.is_empty() {
            let width = root.dim_in_pixel().0 as i32;
            return draw_text(
                root,
                "Nothing to show: no texts to compare.",
                (width / 2, TOP + 20),
                &style(theme::LABEL_SIZE, theme::MUTED, HPos::Center, VPos::Center),
                path,
            );
        }
        draw_cells(root, map, layout, path)?;
        draw_labels(root, layout, path)?;
        draw_dendrogram(root, map, layout, path)?;
        draw_legend(root, map, layout, path)
    }
}

fn draw_cells<DB: Surface>(
    root: &Area<DB>,
    map: &ClusteredHeatmap,
    layout: &Layout,
    path: &Path,
) -> Result<()> {
    let cell = layout.cell;
    let gap = if cell >= 40 { 2 } else { 1 };
    let value_size = (f64::from(cell) * 0.3).min(theme::TICK_SIZE);
    let show_values = cell >= 46;
    let (low, high) = map.scale;
    for (r, row) in map.values.iter().take(layout.labels.len()).enumerate() {
        for (c, &value) in row.iter().take(layout.labels.len()).enumerate() {
            let x = layout.matrix_left + c as i32 * cell;
            let y = TOP + r as i32 * cell;
            let color = if r == c {
                DIAGONAL
            } else if value.is_finite() {
                map.colour(share_of_scale(value, low, high))
            } else {
                WHITE
            };
            fill_rect(
                root,
                [(x, y), (x + cell - gap, y + cell - gap)],
                color,
                path,
            )?;
            if show_values && r != c && value.is_finite() {
                draw_text(
                    root,
                    &theme::format_fixed(value, 2),
                    (x + (cell - gap) / 2, y + (cell - gap) / 2),
                    &style(
                        value_size,
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

/// Row labels at the right of the matrix, column labels under it; a label's lines stacked
/// in its row, side by side (the first at the left) in its column.
fn draw_labels<DB: Surface>(root: &Area<DB>, layout: &Layout, path: &Path) -> Result<()> {
    let row_style = style(layout.font, theme::TEXT, HPos::Left, VPos::Center);
    let column_style = if layout.rotated {
        style(layout.font, theme::TEXT, HPos::Right, VPos::Center)
            .transform(FontTransform::Rotate270)
    } else {
        style(layout.font, theme::TEXT, HPos::Center, VPos::Top)
    };
    for (i, lines) in layout.labels.iter().enumerate() {
        for (j, line) in lines.iter().enumerate() {
            let offset = layout.line_offset(j, lines.len());
            draw_text(
                root,
                line,
                (layout.matrix_right() + GAP, TOP + layout.center(i) + offset),
                &row_style,
                path,
            )?;
            draw_text(
                root,
                line,
                (
                    layout.matrix_left + layout.center(i) + offset,
                    layout.matrix_bottom() + 10,
                ),
                &column_style,
                path,
            )?;
        }
    }
    Ok(())
}

/// The dendrogram at the left of the matrix, with a distance axis under it.
fn draw_dendrogram<DB: Surface>(
    root: &Area<DB>,
    map: &ClusteredHeatmap,
    layout: &Layout,
    path: &Path,
) -> Result<()> {
    if map.merges.is_empty() {
        return Ok(());
    }
    let n = layout.labels.len();
    let height_of = |h: f64| if h.is_finite() { h.max(0.0) } else { 0.0 };
    let max = map
        .merges
        .iter()
        .map(|m| height_of(m.height))
        .fold(0.0, f64::max);
    // The root sits at the far left: the axis ends at the highest merge, not at a tick.
    let axis_max = if max > 0.0 { max } else { 1.0 };
    let ticks = distance_ticks(axis_max, layout.dendrogram_right - layout.dendrogram_left);
    let (left, right) = (layout.dendrogram_left, layout.dendrogram_right);
    let x_of = |h: f64| right - ((h / axis_max) * f64::from(right - left)).round() as i32;

    // Each cluster's (x, y): leaves at their rows, a merge at its height, between its two.
    let mut nodes: Vec<Option<(i32, i32)>> = (0..n)
        .map(|i| Some((right, TOP + layout.center(i))))
        .collect();
    for merge in &map.merges {
        let x = x_of(height_of(merge.height));
        let children = (
            nodes.get(merge.a).copied().flatten(),
            nodes.get(merge.b).copied().flatten(),
        );
        let node = match children {
            (Some((xa, ya)), Some((xb, yb))) if merge.a != merge.b => {
                draw_line(
                    root,
                    vec![(xa, ya), (x, ya), (x, yb), (xb, yb)],
                    TREE_STYLE,
                    path,
                )?;
                Some((x, (ya + yb) / 2))
            }
            _ => None,
        };
        nodes.push(node);
    }

    let y = layout.matrix_bottom() + 12;
    draw_line(root, vec![(left, y), (right, y)], AXIS_STYLE, path)?;
    let decimals = theme::tick_decimals(ticks.get(1).copied().unwrap_or(1.0));
    for &tick in &ticks {
        let x = x_of(tick);
        draw_line(root, vec![(x, y), (x, y + 5)], AXIS_STYLE, path)?;
        draw_text(
            root,
            &theme::format_number(tick, decimals),
            (x, y + 9),
            &style(SMALL, theme::MUTED, HPos::Center, VPos::Top),
            path,
        )?;
    }
    let width = (right - layout.left) as u32;
    for (i, line) in theme::wrap(&map.distance_label, SMALL, width, 3)
        .iter()
        .enumerate()
    {
        draw_text(
            root,
            line,
            ((layout.left + right) / 2, y + 38 + i as i32 * 22),
            &style(SMALL, theme::TEXT, HPos::Center, VPos::Top),
            path,
        )?;
    }
    Ok(())
}

/// Round ticks from 0 up to `max` (not beyond) on an axis `width` pixels long: as many as
/// keep their labels apart, at most five.
fn distance_ticks(max: f64, width: i32) -> Vec<f64> {
    let candidates = (1..=4).rev().map(|target| {
        let ticks: Vec<f64> = theme::nice_ticks(max, target)
            .into_iter()
            .filter(|&t| t <= max * (1.0 + 1e-9))
            .collect();
        let step = ticks.get(1).copied().unwrap_or(max);
        let decimals = theme::tick_decimals(step);
        let widest = ticks
            .iter()
            .map(|&t| text_width(&theme::format_number(t, decimals), SMALL))
            .max()
            .unwrap_or(0) as f64;
        let spacing = step / max * f64::from(width);
        (ticks, spacing >= widest + 12.0)
    });
    let mut last = vec![0.0];
    for (ticks, fits) in candidates {
        if fits && ticks.len() >= 2 {
            return ticks;
        }
        last = ticks;
    }
    last
}

/// Where `value` lies between `low` (0) and `high` (1), clamped; 0.5 for a scale without a
/// range.
fn share_of_scale(value: f64, low: f64, high: f64) -> f64 {
    if high > low {
        ((value - low) / (high - low)).clamp(0.0, 1.0)
    } else {
        0.5
    }
}

/// Nearest a tick label inside the colour scale may be to an end label, in pixels.
const LEGEND_TICK_ROOM: i32 = 26;

/// The colour scale's ticks over `(low, high)` on a bar `height` pixels tall, as (value,
/// label): the ends with their exact values (two significant digits), and round values
/// between them (at most six intervals, as many as keep apart) clear of the ends' labels.
fn legend_ticks((low, high): (f64, f64), height: i32) -> Vec<(f64, String)> {
    if !(low.is_finite() && high.is_finite()) || high <= low {
        return vec![(low, theme::format_significant(low, 2))];
    }
    let span = high - low;
    let pixels = |step: f64| step / span * f64::from(height);
    let step = (1..=6)
        .rev()
        .map(|target| {
            theme::nice_ticks(span, target)
                .get(1)
                .copied()
                .unwrap_or(span)
        })
        .find(|&step| pixels(step) >= f64::from(LEGEND_TICK_ROOM))
        .unwrap_or(span);
    let decimals = theme::tick_decimals(step);
    let y_of = |v: f64| ((v - low) / span * f64::from(height)).round() as i32;
    let mut ticks = vec![(low, theme::format_significant(low, 2))];
    let first = (low / step).floor() as i64 + 1;
    for tick in (first..).map(|k| k as f64 * step).take_while(|&t| t < high) {
        if y_of(tick) >= LEGEND_TICK_ROOM && height - y_of(tick) >= LEGEND_TICK_ROOM {
            ticks.push((tick, theme::format_number(tick, decimals)));
        }
    }
    ticks.push((high, theme::format_significant(high, 2)));
    ticks
}

/// The colour scale at the right over the data's range, its caption written up its side,
/// the key to the grey diagonal under it and the note on the range under that.
fn draw_legend<DB: Surface>(
    root: &Area<DB>,
    map: &ClusteredHeatmap,
    layout: &Layout,
    path: &Path,
) -> Result<()> {
    let x = layout.legend_left;
    let bottom = TOP + layout.legend_height;
    let steps = 100;
    let step_height = f64::from(layout.legend_height) / f64::from(steps);
    for i in 0..steps {
        let t = 1.0 - f64::from(i) / f64::from(steps - 1);
        let y0 = TOP + (f64::from(i) * step_height) as i32;
        let y1 = TOP + (f64::from(i + 1) * step_height).ceil() as i32;
        fill_rect(root, [(x, y0), (x + LEGEND_BAR, y1)], map.colour(t), path)?;
    }
    let (low, high) = map.scale;
    let mut tick_width = 0;
    let ticks = legend_ticks(map.scale, layout.legend_height);
    for (i, (value, label)) in ticks.iter().enumerate() {
        tick_width = tick_width.max(text_width(label, SMALL) as i32);
        let share = share_of_scale(*value, low, high);
        let y = bottom - (share * f64::from(layout.legend_height)).round() as i32;
        // The range's ends, the data's own values, stand out from the round ticks.
        let is_end = i == 0 || i + 1 == ticks.len();
        let color = if is_end { theme::TEXT } else { theme::MUTED };
        draw_text(
            root,
            label,
            (x + LEGEND_BAR + 8, y),
            &style(SMALL, color, HPos::Left, VPos::Center),
            path,
        )?;
    }
    let caption = fit(&map.value_label, SMALL, layout.legend_height as u32);
    draw_text(
        root,
        &caption,
        (
            x + LEGEND_BAR + 8 + tick_width + 20,
            TOP + layout.legend_height / 2,
        ),
        &style(SMALL, theme::TEXT, HPos::Center, VPos::Center).transform(FontTransform::Rotate270),
        path,
    )?;
    let y = bottom + 30;
    fill_rect(
        root,
        [(x, y), (x + LEGEND_BAR, y + LEGEND_BAR)],
        DIAGONAL,
        path,
    )?;
    draw_text(
        root,
        "itself",
        (x + LEGEND_BAR + 8, y + LEGEND_BAR / 2),
        &style(SMALL, theme::MUTED, HPos::Left, VPos::Center),
        path,
    )?;
    for (i, line) in layout.legend_note.iter().enumerate() {
        draw_text(
            root,
            line,
            (x, layout.note_top() + i as i32 * NOTE_STEP),
            &style(SMALL, theme::MUTED, HPos::Left, VPos::Top),
            path,
        )?;
    }
    Ok(())
}

const TREE_STYLE: ShapeStyle = ShapeStyle {
    color: RGBAColor(60, 60, 60, 1.0),
    filled: false,
    stroke_width: 2,
};

const AXIS_STYLE: ShapeStyle = ShapeStyle {
    color: RGBAColor(120, 120, 120, 1.0),
    filled: false,
    stroke_width: 1,
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::charts::canvas::tests::draw_everywhere;

    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n";

    /// A heatmap of `labels`, neighbours most alike, and a tree that joins neighbours in
    /// pairs, then the pairs in pairs, so its leaf order is the labels' order.
    fn heatmap(labels: Vec<String>) -> ClusteredHeatmap {
        let n = labels.len();
        let similarity = |i: usize, j: usize| -> f64 {
            if i == j {
                1.0
            } else {
                let d = i.abs_diff(j) as f64;
                (0.92 - 0.06 * d - 0.03 * ((i * 7 + j * 7) % 5) as f64).max(0.02)
            }
        };
        let values = (0..n)
            .map(|i| (0..n).map(|j| similarity(i, j)).collect())
            .collect();
        // Join neighbours pairwise, level by level, so the leaf order is 0..n.
        let mut merges = Vec::new();
        let mut level: Vec<usize> = (0..n).collect();
        let mut height = 0.08;
        while level.len() > 1 {
            let mut next = Vec::new();
            for pair in level.chunks(2) {
                if let [a, b] = *pair {
                    merges.push(Merge { a, b, height });
                    next.push(n + merges.len() - 1);
                } else {
                    next.push(pair[0]);
                }
            }
            level = next;
            height += 0.11;
        }
        ClusteredHeatmap {
            title: "How alike the speeches are".into(),
            subtitle: "Cosine similarity of tf-idf vectors, rows ordered by clustering".into(),
            labels,
            values,
            scale: (0.02, 0.86),
            scale_note: "Colours span the off-diagonal range".into(),
            merges,
            value_label: "cosine similarity of tf-idf vectors".into(),
            distance_label: "1 - cosine (average linkage)".into(),
            low_is_alike: false,
        }
    }

    fn countries(n: usize) -> Vec<String> {
        let names = [
            "United Kingdom of Great Britain and Northern Ireland",
            "France",
            "Russian Federation",
            "China",
            "United States of America",
            "Bolivarian Republic of Venezuela",
            "Democratic Republic of the Congo",
            "Germany",
            "Lao People's Democratic Republic",
            "Chile",
        ];
        (0..n)
            .map(|i| {
                if i % 3 == 0 {
                    format!("{}-UKR-{}", 2014 + i % 9, 60 + i)
                } else {
                    names[i % names.len()].to_owned()
                }
            })
            .collect()
    }

    #[test]
    fn the_chart_draws_for_none_one_and_many_labels() {
        let dir = tempfile::tempdir().unwrap();
        let mut broken = heatmap(countries(4));
        broken.merges = vec![
            Merge {
                a: 0,
                b: 9,
                height: f64::NAN,
            },
            Merge {
                a: 1,
                b: 1,
                height: 0.3,
            },
        ];
        broken.values.truncate(2);
        let cases = [
            ("none.png", heatmap(vec![])),
            ("one.png", heatmap(countries(1))),
            ("two.png", heatmap(countries(2))),
            ("sixty.png", heatmap(countries(60))),
            ("hundred.png", heatmap(countries(100))),
            ("broken.png", broken),
        ];
        for (name, map) in cases {
            let canvas = Canvas::png(dir.path().join(name));
            draw(&map, &canvas).unwrap();
            let bytes = std::fs::read(&canvas.path).unwrap();
            assert!(bytes.starts_with(PNG), "{name}");
        }
    }

    #[test]
    fn cells_shrink_with_labels_but_labels_stay_readable() {
        theme::ensure_font().unwrap();
        let few = Layout::new(&countries(5), 1600, MAX_CELL);
        let many = Layout::new(&countries(60), 1600, MAX_CELL);
        assert!(few.cell > many.cell);
        assert!(many.cell >= MIN_CELL);
        assert!(many.font >= 14.0);
        assert!(many.cell >= many.font as i32 + 2);
        for width in [1000, 1600, 2400] {
            let right = width - theme::MARGIN;
            let many = Layout::new(&countries(60), width, MAX_CELL);
            assert!(many.legend_left + LEGEND_WIDTH <= right, "{width}");
            assert!(many.cell >= many.font as i32 + 2, "{width}");
            let too_many = Layout::new(&countries(150), width, MAX_CELL);
            assert!(too_many.legend_left + LEGEND_WIDTH <= right, "{width}");
            assert!(too_many.cell >= 1);
        }
    }

    /// The colour scale's end labels are the exact ends of its range; round ticks between
    /// keep clear of them; a scale without a range has one label.
    #[test]
    fn the_colour_scale_is_labelled_with_its_range() {
        let ticks = legend_ticks((0.0213, 0.614), 600);
        let labels: Vec<&str> = ticks.iter().map(|(_, l)| l.as_str()).collect();
        assert_eq!(labels, ["0.021", "0.1", "0.2", "0.3", "0.4", "0.5", "0.61"]);
        assert_eq!((ticks[0].0, ticks[6].0), (0.0213, 0.614));
        // On a short bar the round ticks too near an end are left out.
        let short = legend_ticks((0.0213, 0.614), 100);
        let labels: Vec<&str> = short.iter().map(|(_, l)| l.as_str()).collect();
        assert_eq!(labels, ["0.021", "0.2", "0.4", "0.61"]);
        assert_eq!(legend_ticks((0.0, 1.0), 300).len(), 6);
        assert_eq!(legend_ticks((0.4, 0.4), 300), [(0.4, "0.4".to_owned())]);
        assert!((share_of_scale(0.3, 0.1, 0.5) - 0.5).abs() < 1e-12);
        assert_eq!(share_of_scale(0.9, 0.1, 0.5), 1.0);
        assert_eq!(share_of_scale(0.0, 0.1, 0.5), 0.0);
        assert_eq!(share_of_scale(0.4, 0.4, 0.4), 0.5);
    }

    /// The note under the scale wraps to its width and the image grows to hold it.
    #[test]
    fn the_note_on_the_range_fits_under_the_colour_scale() {
        theme::ensure_font().unwrap();
        let map = heatmap(parties());
        let layout = Layout::new(&map.labels, 1600, MAX_CELL).with_note(&map.scale_note);
        assert!(layout.legend_note.len() > 1);
        assert!(theme::is_whole(&layout.legend_note, &map.scale_note));
        for line in &layout.legend_note {
            assert!(text_width(line, SMALL) as i32 <= LEGEND_WIDTH);
        }
        let last = layout.note_top() + layout.legend_note.len() as i32 * NOTE_STEP;
        assert!(layout.height() >= last + theme::MARGIN);
    }

    #[test]
    fn the_colour_scale_is_as_tall_as_the_grid() {
        theme::ensure_font().unwrap();
        for n in [7, 20, 60] {
            let layout = Layout::new(&countries(n), 1600, MAX_CELL);
            let grid = n as i32 * layout.cell;
            assert_eq!(layout.legend_height, grid.max(LEGEND_MIN_HEIGHT), "{n}");
        }
    }

    fn parties() -> Vec<String> {
        [
            "National Union",
            "Democratic",
            "Republican",
            "Democratic-Republican",
            "Whig",
            "Federalist",
            "Nonpartisan",
        ]
        .map(String::from)
        .to_vec()
    }

    /// A box, left, top, right, bottom, in pixels.
    type Box = (i32, i32, i32, i32);

    /// The boxes of the row labels' and column labels' lines as [`draw_labels`] places them.
    fn label_boxes(layout: &Layout) -> Vec<Box> {
        let mut boxes = Vec::new();
        let font = layout.font;
        let half = (font / 2.0).ceil() as i32;
        let thin = (font * 0.85 / 2.0).ceil() as i32;
        for (i, lines) in layout.labels.iter().enumerate() {
            for (j, line) in lines.iter().enumerate() {
                let w = text_width(line, font) as i32;
                let offset = layout.line_offset(j, lines.len());
                let y = TOP + layout.center(i) + offset;
                let left = layout.matrix_right() + GAP;
                boxes.push((left, y - half, left + w, y + half));
                let x = layout.matrix_left + layout.center(i) + offset;
                let top = layout.matrix_bottom() + 10;
                boxes.push(if layout.rotated {
                    (x - thin, top, x + thin, top + w)
                } else {
                    (x - w / 2, top, x + w - w / 2, top + font as i32)
                });
            }
        }
        boxes
    }

    /// Party names, UN meeting symbols and country names: whole at every width, in one line
    /// where there is room, else in as many lines as a cell holds; never over the image's
    /// edge, the scale or each other.
    #[test]
    fn labels_are_whole_inside_the_image_and_apart() {
        theme::ensure_font().unwrap();
        let symbols: Vec<String> = [
            "S/PV.7643",
            "S/PV.4726 (Resumption 1)",
            "S/2020/397",
            "S/PV.8739",
        ]
        .map(String::from)
        .to_vec();
        let long = vec![
            "United Kingdom of Great Britain and Northern Ireland".to_owned(),
            "France".to_owned(),
            "Bolivarian Republic of Venezuela".to_owned(),
        ];
        for (name, labels, whole_from) in [
            ("parties", parties(), 640),
            ("symbols", symbols, 640),
            ("countries", countries(12), 1600),
            ("long", long, 1600),
        ] {
            for width in [640, 800, 1000, 1600, 2400] {
                let layout = Layout::new(&labels, width, MAX_CELL);
                if width >= whole_from {
                    for (lines, label) in layout.labels.iter().zip(&labels) {
                        assert!(theme::is_whole(lines, label), "{name} {width}: {lines:?}");
                    }
                }
                let boxes = label_boxes(&layout);
                for (i, a) in boxes.iter().enumerate() {
                    assert!(a.0 >= theme::MARGIN / 2, "{name} {width}: {a:?}");
                    assert!(a.2 <= layout.legend_left - GAP, "{name} {width}: {a:?}");
                    assert!(a.3 <= layout.height() - theme::MARGIN / 2, "{name} {width}");
                    for b in &boxes[i + 1..] {
                        let apart = a.2 <= b.0 || b.2 <= a.0 || a.3 <= b.1 || b.3 <= a.1;
                        assert!(apart, "{name} {width}: {a:?} and {b:?} overlap");
                    }
                }
                assert!(layout.legend_left + LEGEND_WIDTH <= width - theme::MARGIN / 2);
            }
        }
    }

    #[test]
    fn the_chart_draws_in_both_formats_at_any_width_and_height() {
        for (name, map) in [
            ("twelve", heatmap(countries(12))),
            ("sixty", heatmap(countries(60))),
            ("none", heatmap(vec![])),
        ] {
            draw_everywhere(&format!("clustered_{name}"), |canvas| draw(&map, canvas));
        }
    }

    /// Draws the charts a person looks at: `cargo test clustered -- --ignored`.
    #[test]
    #[ignore]
    fn draw_clustered_heatmaps_to_look_at() {
        draw(
            &heatmap(countries(12)),
            &Canvas::png("/tmp/clustered_check.png"),
        )
        .unwrap();
        draw(
            &heatmap(countries(60)),
            &Canvas::png("/tmp/clustered_sixty.png"),
        )
        .unwrap();
        draw(
            &heatmap(countries(90)),
            &Canvas::png("/tmp/clustered_ninety.png"),
        )
        .unwrap();
        draw(
            &heatmap(countries(5)),
            &Canvas::png("/tmp/clustered_five.png"),
        )
        .unwrap();
        draw(
            &heatmap(countries(1)),
            &Canvas::png("/tmp/clustered_one.png"),
        )
        .unwrap();
        let short: Vec<String> = ["Republican", "Democratic", "Federalist", "Whig"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        draw(&heatmap(short), &Canvas::png("/tmp/clustered_short.png")).unwrap();
    }
}
