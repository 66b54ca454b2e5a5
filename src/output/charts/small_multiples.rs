//! Small multiples: one small horizontal bar panel per target (its top key terms) in a grid
//! on one page. Each panel has its own scale by default (its longest bar spans the panel), so
//! a small target's bars are as readable as a large one's: the numbers beside the bars are
//! then its scale, and where they do not fit, tick labels under every panel are. Or every
//! panel is on one shared scale, so bar lengths compare across panels (tick labels under the
//! last panel of each column).

use std::path::Path;

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::bar_chart::Bar;
use super::canvas::{Canvas, Picture};
use super::theme::{self, draw_line, draw_text, fill_rect, fit, style, text_width, Area, Surface};
use crate::error::Result;

/// One panel: a target and its bars.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Panel {
    /// The target, e.g. "Republican" or "S/PV.7138".
    pub title: String,
    /// Largest first. A bar's annotation is written at its end only when every panel has
    /// room for the widest annotation beside bars [`BAR_SHARE_WITH_ANNOTATIONS`] of its width.
    pub bars: Vec<Bar>,
}

/// A small-multiples chart's content. Readable up to [`MAX_PANELS`] panels of
/// [`MAX_BARS_PER_PANEL`] bars (it draws more, ever taller).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SmallMultiples {
    pub title: String,
    pub subtitle: String,
    /// What the bar length measures, and whether the scale is shared; written at the bottom.
    pub value_label: String,
    /// One scale for every panel (bar lengths compare across panels) rather than each
    /// panel's own (bars compare within a panel). On their own scales the panels have no
    /// ticks when the annotations fit beside the bars, so each bar's annotation must then
    /// say its value; else each panel has its tick labels.
    pub shared_scale: bool,
    pub panels: Vec<Panel>,
}

/// Most panels the chart is meant for.
pub(crate) const MAX_PANELS: usize = 30;
/// Most bars per panel the chart is meant for.
pub(crate) const MAX_BARS_PER_PANEL: usize = 10;

/// Top of the first row of panels.
const TOP: i32 = 130;
const COLUMN_GAP: i32 = 32;
/// Space between a row of panels and the next (the panels' titles sit in it).
const ROW_GAP: i32 = 30;
/// Height of the tick labels under a panel: under every panel when each has its own scale,
/// else under the last panel of each column.
const AXIS_HEIGHT: i32 = 34;
/// Space between a label and its bar, and between a bar and its annotation.
const GAP: i32 = 8;
/// Narrowest the bars may be, as a share of the panel's width, for annotations to be shown:
/// at 1600 pixels, five columns of panels keep a five-digit number ("12,345") beside bars.
const BAR_SHARE_WITH_ANNOTATIONS: f64 = 0.2;

/// Narrowest a panel may be: a narrow image has fewer columns.
const MIN_PANEL_WIDTH: i32 = 260;

/// Columns of the grid for `panels` panels on an image `width` pixels wide.
pub(crate) fn columns(panels: usize, width: i32) -> usize {
    let room = width - 2 * theme::MARGIN + COLUMN_GAP;
    let most = (room / (MIN_PANEL_WIDTH + COLUMN_GAP)).max(1) as usize;
    let columns = match panels {
        0..=4 => panels.max(1),
        5..=6 => 3,
        7..=8 => 4,
        _ => 5,
    };
    columns.min(most)
}

/// Sizes that depend on how crowded the page is.
struct Sizes {
    title: f64,
    label: f64,
    tick: f64,
    /// Height of a bar's row.
    row: i32,
    /// Widest a label column may be, as a share of the panel's width.
    label_share: f64,
}

impl Sizes {
    fn for_columns(columns: usize) -> Sizes {
        match columns {
            0..=3 => Sizes {
                title: 23.0,
                label: theme::LABEL_SIZE,
                tick: theme::TICK_SIZE - 1.0,
                row: 34,
                label_share: 0.5,
            },
            4 => Sizes {
                title: 21.0,
                label: 19.0,
                tick: 17.0,
                row: 30,
                label_share: 0.5,
            },
            _ => Sizes {
                title: 20.0,
                label: 17.0,
                tick: 16.0,
                row: 26,
                label_share: 0.55,
            },
        }
    }

    fn title_height(&self) -> i32 {
        (self.title * 1.25).round() as i32 + 12
    }

    /// Least height of a bar's row: its label still fits.
    fn min_row(&self) -> i32 {
        self.label.ceil() as i32 + 5
    }
}

/// Under the panels: the tick labels, the caption and a margin.
const BOTTOM_SPACE: i32 = AXIS_HEIGHT + 80;

/// Draws the chart.
pub(crate) fn draw(chart: &SmallMultiples, canvas: &Canvas) -> Result<()> {
    canvas.ensure_font()?;
    let width = canvas.layout_width();
    let columns = columns(chart.panels.len(), width);
    let rows = chart.panels.len().div_ceil(columns).max(1) as i32;
    let mut sizes = Sizes::for_columns(columns);
    sizes.label = label_size(chart, &sizes, panel_width(width, columns));
    let mut layout = PanelLayout::new(chart, &sizes, panel_width(width, columns));
    let bars = most_bars(chart);
    let row_gap = if layout.axes == Axes::EveryPanel {
        AXIS_HEIGHT + 8
    } else {
        ROW_GAP
    };
    let height_for = |row: i32| {
        let panel = sizes.title_height() + bars * row;
        TOP + rows * panel + (rows - 1) * row_gap + BOTTOM_SPACE
    };
    let height = canvas.image_height(height_for(sizes.row), height_for(sizes.min_row()));
    // The rows share the height there is.
    let panel_height = (height - TOP - (rows - 1) * row_gap - BOTTOM_SPACE) / rows;
    sizes.row = (panel_height - sizes.title_height()) / bars;
    let panel_height = sizes.title_height() + bars * sizes.row;
    layout.height = panel_height;
    let painter = Painter {
        chart,
        width,
        columns,
        sizes,
        layout,
        row_gap,
        caption_y: TOP + rows * panel_height + (rows - 1) * row_gap + AXIS_HEIGHT + 12,
    };
    canvas.draw(height, &painter)
}

struct Painter<'a> {
    chart: &'a SmallMultiples,
    width: i32,
    columns: usize,
    sizes: Sizes,
    layout: PanelLayout,
    /// Space between a row of panels and the next: the tick labels of every panel when
    /// each has them (they keep the rows apart), else [`ROW_GAP`].
    row_gap: i32,
    /// Top of the caption under the panels.
    caption_y: i32,
}

impl Picture for Painter<'_> {
    fn paint<DB: Surface>(&self, root: &Area<DB>, path: &Path) -> Result<()> {
        let chart = self.chart;
        theme::draw_heading(root, &chart.title, &chart.subtitle, path)?;
        draw_panels(root, self, path)?;
        draw_text(
            root,
            &fit(
                &chart.value_label,
                theme::LABEL_SIZE,
                (self.width - 2 * theme::MARGIN) as u32,
            ),
            (self.width / 2, self.caption_y),
            &style(theme::LABEL_SIZE, theme::TEXT, HPos::Center, VPos::Top),
            path,
        )
    }
}

/// Width of a panel on an image `width` wide with `columns` columns of panels.
fn panel_width(width: i32, columns: usize) -> i32 {
    let cols = columns.max(1) as i32;
    (width - 2 * theme::MARGIN - (cols - 1) * COLUMN_GAP) / cols
}

/// Smallest size the bars' labels are made to fit their room whole.
const MIN_LABEL_SIZE: f64 = 15.0;

/// The size of the bars' labels: the columns' own, or smaller (down to [`MIN_LABEL_SIZE`])
/// until every label fits its share of a panel `panel_width` wide; a label too long even in
/// the smallest size is shortened and does not make the others smaller.
fn label_size(chart: &SmallMultiples, sizes: &Sizes, panel_width: i32) -> f64 {
    let cap = (f64::from(panel_width) * sizes.label_share) as u32;
    let labels: Vec<&str> = chart
        .panels
        .iter()
        .flat_map(|p| &p.bars)
        .map(|b| b.label.as_str())
        .filter(|l| text_width(l, MIN_LABEL_SIZE) <= cap)
        .collect();
    let fits = |size: f64| labels.iter().all(|l| text_width(l, size) <= cap);
    let mut size = sizes.label;
    while size > MIN_LABEL_SIZE && !fits(size) {
        size -= 1.0;
    }
    size
}

/// The most bars of any panel (at least 1).
fn most_bars(chart: &SmallMultiples) -> i32 {
    chart
        .panels
        .iter()
        .map(|p| p.bars.len())
        .max()
        .unwrap_or(0)
        .max(1) as i32
}

fn draw_panels<DB: Surface>(root: &Area<DB>, painter: &Painter<'_>, path: &Path) -> Result<()> {
    let Painter {
        chart,
        columns,
        ref sizes,
        ref layout,
        row_gap,
        ..
    } = *painter;
    let axis_width = layout.width - layout.label_width - GAP - layout.right_room;
    let bars = || chart.panels.iter().flat_map(|p| &p.bars);
    let shared = (layout.axes == Axes::LastOfColumn)
        .then(|| Scale::shared(largest_value(bars()), axis_width, sizes.tick));
    for (i, panel) in chart.panels.iter().enumerate() {
        let (row, column) = ((i / columns) as i32, (i % columns) as i32);
        let left = theme::MARGIN + column * (layout.width + COLUMN_GAP);
        let top = TOP + row * (layout.height + row_gap);
        let own = || largest_value(panel.bars.iter());
        let (scale, with_axis) = match layout.axes {
            // The last panel of its column carries the tick labels.
            Axes::LastOfColumn => (
                shared.clone().unwrap_or_else(|| Scale::unmarked(1.0)),
                i + columns >= chart.panels.len(),
            ),
            Axes::EveryPanel => (Scale::own(own(), axis_width, sizes.tick), true),
            Axes::NumbersBeside => (Scale::unmarked(own()), false),
        };
        draw_panel(
            root,
            panel,
            (left, top),
            (layout, &scale),
            sizes,
            with_axis,
            path,
        )?;
    }
    Ok(())
}

/// The largest finite value of `bars`, at least 0.
fn largest_value<'b>(bars: impl Iterator<Item = &'b Bar>) -> f64 {
    bars.map(|b| b.value)
        .filter(|v| v.is_finite())
        .fold(0.0, f64::max)
}

/// The scale of a panel's bars: where its ticks are and what value spans its axis.
#[derive(Debug, Clone, PartialEq)]
struct Scale {
    ticks: Vec<f64>,
    /// The value at the axis's right end.
    axis_max: f64,
    /// Decimals of the tick labels.
    decimals: usize,
}

impl Scale {
    /// One scale for every panel: round ticks from 0 up to at least `max`, the axis ending
    /// at the last tick.
    fn shared(max: f64, width: i32, tick_size: f64) -> Scale {
        let ticks = theme::fitted_ticks(max, width, tick_size, 6);
        let axis_max = ticks.last().copied().unwrap_or(1.0).max(f64::MIN_POSITIVE);
        Scale::with_ticks(ticks, axis_max)
    }

    /// A panel's own scale: its longest bar (`max`) spans the axis `width` pixels long, with
    /// round ticks from 0 up to `max` (not beyond), as many as keep their labels apart (at
    /// most four intervals). A panel without a positive bar gets the scale 0 to 1.
    fn own(max: f64, width: i32, tick_size: f64) -> Scale {
        if max <= 0.0 {
            return Scale::with_ticks(vec![0.0, 1.0], 1.0);
        }
        let fitting = (1..=4).rev().find_map(|target| {
            let ticks: Vec<f64> = theme::nice_ticks(max, target)
                .into_iter()
                .filter(|&t| t <= max * (1.0 + 1e-9))
                .collect();
            let step = ticks.get(1).copied()?;
            let decimals = theme::tick_decimals(step);
            let widest = ticks
                .iter()
                .map(|&t| text_width(&theme::format_number(t, decimals), tick_size))
                .max()
                .unwrap_or(0);
            let spacing = step / max * f64::from(width);
            (spacing >= f64::from(widest) + 12.0).then_some(ticks)
        });
        Scale::with_ticks(fitting.unwrap_or_else(|| vec![0.0]), max)
    }

    /// A panel's own scale without ticks: its longest bar (`max`) spans the axis, the numbers
    /// beside the bars tell the values.
    fn unmarked(max: f64) -> Scale {
        let axis_max = if max > 0.0 { max } else { 1.0 };
        Scale::with_ticks(Vec::new(), axis_max)
    }

    fn with_ticks(ticks: Vec<f64>, axis_max: f64) -> Scale {
        let decimals = theme::tick_decimals(ticks.get(1).copied().unwrap_or(1.0));
        Scale {
            ticks,
            axis_max,
            decimals,
        }
    }
}

/// Where a panel's scale is marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Axes {
    /// One shared scale, its tick labels under the last panel of each column.
    LastOfColumn,
    /// Each panel's own scale, its tick labels under it: the numbers beside the bars do not
    /// fit.
    EveryPanel,
    /// Each panel's own scale, without ticks: the number beside each bar tells its value.
    NumbersBeside,
}

/// Where things go inside every panel.
#[derive(Debug, Clone, PartialEq)]
struct PanelLayout {
    width: i32,
    /// Set once the rows share the image's height.
    height: i32,
    label_width: i32,
    right_room: i32,
    show_annotations: bool,
    axes: Axes,
}

impl PanelLayout {
    /// The columns of every panel `panel_width` wide: labels, bars and, when the bars keep
    /// [`BAR_SHARE_WITH_ANNOTATIONS`] of the panel beside them, the annotations.
    fn new(chart: &SmallMultiples, sizes: &Sizes, panel_width: i32) -> PanelLayout {
        let bars = || chart.panels.iter().flat_map(|p| &p.bars);
        let label_cap = (f64::from(panel_width) * sizes.label_share) as u32;
        let label_width = bars()
            .map(|b| text_width(&fit(&b.label, sizes.label, label_cap), sizes.label))
            .max()
            .unwrap_or(0) as i32;
        let annotation_width = bars()
            .map(|b| text_width(&b.annotation, sizes.tick))
            .max()
            .unwrap_or(0) as i32;
        let bar_room = panel_width - label_width - GAP;
        let show_annotations = annotation_width > 0
            && f64::from(bar_room - annotation_width - GAP)
                >= f64::from(panel_width) * BAR_SHARE_WITH_ANNOTATIONS;
        // Room at the right for the annotations, or for half the last tick label.
        let right_room = if show_annotations {
            annotation_width + GAP
        } else {
            14
        };
        let axes = match (chart.shared_scale, show_annotations) {
            (true, _) => Axes::LastOfColumn,
            (false, true) => Axes::NumbersBeside,
            (false, false) => Axes::EveryPanel,
        };
        PanelLayout {
            width: panel_width,
            height: 0,
            label_width,
            right_room,
            show_annotations,
            axes,
        }
    }
}

fn draw_panel<DB: Surface>(
    root: &Area<DB>,
    panel: &Panel,
    (left, top): (i32, i32),
    (layout, scale): (&PanelLayout, &Scale),
    sizes: &Sizes,
    with_axis: bool,
    path: &Path,
) -> Result<()> {
    let title = fit(&panel.title, sizes.title, layout.width as u32);
    draw_text(
        root,
        &title,
        (left, top),
        &style(sizes.title, theme::TEXT, HPos::Left, VPos::Top),
        path,
    )?;
    let plot_top = top + sizes.title_height();
    let plot_bottom = top + layout.height;
    let bar_left = left + layout.label_width + GAP;
    let bar_right = (left + layout.width - layout.right_room).max(bar_left + 1);
    let x_of = |v: f64| {
        let v = if v.is_finite() { v.max(0.0) } else { 0.0 };
        bar_left + ((v / scale.axis_max) * f64::from(bar_right - bar_left)).round() as i32
    };
    draw_line(
        root,
        vec![(left, plot_top - 6), (left + layout.width, plot_top - 6)],
        RULE_STYLE,
        path,
    )?;
    for &tick in &scale.ticks {
        let x = x_of(tick);
        draw_line(
            root,
            vec![(x, plot_top), (x, plot_bottom)],
            theme::GRID_LINE,
            path,
        )?;
        if with_axis {
            draw_text(
                root,
                &theme::format_number(tick, scale.decimals),
                (x, plot_bottom + 8),
                &style(sizes.tick, theme::MUTED, HPos::Center, VPos::Top),
                path,
            )?;
        }
    }
    if panel.bars.is_empty() {
        draw_text(
            root,
            "no terms",
            (bar_left + 8, plot_top + sizes.row / 2),
            &style(sizes.label, theme::MUTED, HPos::Left, VPos::Center),
            path,
        )?;
    }
    // As thick as usual however tall the rows grow.
    let half = (f64::from(sizes.row) * 0.34).min(14.0).round() as i32;
    for (i, bar) in panel.bars.iter().enumerate() {
        let center = plot_top + i as i32 * sizes.row + sizes.row / 2;
        let end = x_of(bar.value);
        fill_rect(
            root,
            [
                (bar_left, center - half),
                (end.max(bar_left + 1), center + half),
            ],
            theme::BAR,
            path,
        )?;
        let label = fit(&bar.label, sizes.label, layout.label_width as u32);
        draw_text(
            root,
            &label,
            (bar_left - GAP, center),
            &style(sizes.label, theme::TEXT, HPos::Right, VPos::Center),
            path,
        )?;
        if layout.show_annotations {
            draw_text(
                root,
                &bar.annotation,
                (end + GAP, center),
                &style(sizes.tick, theme::TEXT, HPos::Left, VPos::Center),
                path,
            )?;
        }
    }
    draw_line(
        root,
        vec![(bar_left, plot_top), (bar_left, plot_bottom)],
        theme::AXIS_LINE,
        path,
    )
}

const RULE_STYLE: ShapeStyle = ShapeStyle {
    color: RGBAColor(200, 200, 200, 1.0),
    filled: false,
    stroke_width: 1,
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::charts::canvas::tests::draw_everywhere;

    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n";

    const TERMS: [&str; 16] = [
        "afghanistan",
        "counter-terrorism",
        "self-determination",
        "peacekeeping",
        "sanctions",
        "humanitarian assistance",
        "ceasefire",
        "refugees",
        "sovereignty",
        "nuclear non-proliferation",
        "territorial integrity",
        "reconciliation",
        "elections",
        "mine action",
        "accountability",
        "women, peace and security",
    ];

    const TARGETS: [&str; 10] = [
        "S/PV.4625 (Resumption 1)",
        "Democratic-Republican",
        "Republican",
        "S/PV.7138",
        "United Kingdom of Great Britain and Northern Ireland",
        "Democratic",
        "S/PV.5500",
        "Russian Federation",
        "Federalist",
        "China",
    ];

    fn panel(i: usize, bars: usize) -> Panel {
        Panel {
            title: TARGETS[i % TARGETS.len()].into(),
            bars: (0..bars)
                .map(|j| {
                    let value = (480.0 - (i * 11) as f64) / (1.0 + j as f64 * 0.45);
                    Bar {
                        label: TERMS[(i * 3 + j) % TERMS.len()].into(),
                        value,
                        annotation: format!("G2 {}", theme::format_number(value, 0)),
                    }
                })
                .collect(),
        }
    }

    fn chart(panels: Vec<Panel>) -> SmallMultiples {
        SmallMultiples {
            title: "Key terms of every speaker group".into(),
            subtitle: "The 8 most over-used terms of each group against all others".into(),
            value_label: "log-likelihood (G2)".into(),
            shared_scale: false,
            panels,
        }
    }

    fn shared(panels: Vec<Panel>) -> SmallMultiples {
        SmallMultiples {
            shared_scale: true,
            ..chart(panels)
        }
    }

    /// A panel's own scale ends at its longest bar, with round ticks up to it whose labels
    /// keep apart; the shared scale ends at a round tick at or beyond the longest bar.
    #[test]
    fn each_panel_has_its_own_scale_or_all_share_one() {
        theme::ensure_font().unwrap();
        let size = theme::TICK_SIZE;
        let own = Scale::own(384.0, 120, size);
        assert_eq!(own.axis_max, 384.0);
        assert_eq!(own.ticks, [0.0, 200.0]);
        let wide = Scale::own(384.0, 400, size);
        assert_eq!(wide.ticks, [0.0, 100.0, 200.0, 300.0]);
        let small = Scale::own(0.35, 200, size);
        let labels: Vec<String> = small
            .ticks
            .iter()
            .map(|&t| theme::format_number(t, small.decimals))
            .collect();
        assert_eq!(labels, ["0", "0.1", "0.2", "0.3"]);
        for (max, width) in [(12_345.0, 60), (7.0, 300), (1.0, 40), (99_999.0, 90)] {
            let scale = Scale::own(max, width, size);
            assert_eq!(scale.axis_max, max);
            assert!(scale.ticks.iter().all(|&t| t <= max), "{max} {width}");
            let pixels = |t: f64| t / max * f64::from(width);
            for pair in scale.ticks.windows(2) {
                let widest = pair
                    .iter()
                    .map(|&t| text_width(&theme::format_number(t, scale.decimals), size))
                    .max()
                    .unwrap();
                assert!(pixels(pair[1]) - pixels(pair[0]) >= f64::from(widest) + 12.0);
            }
        }
        assert_eq!(Scale::own(0.0, 100, size).axis_max, 1.0);
        let one = Scale::shared(384.0, 120, size);
        assert!(one.axis_max >= 384.0);
        assert_eq!(one.axis_max, *one.ticks.last().unwrap());
    }

    /// On their own scales, panels are marked by the numbers beside their bars when those
    /// fit (five columns at 1600 pixels hold "12,345" beside the bars), else by tick labels
    /// under every panel; a shared scale by tick labels under each column's last panel.
    #[test]
    fn the_scales_are_marked_by_the_numbers_or_by_ticks() {
        theme::ensure_font().unwrap();
        let mut numbers = chart((0..30).map(|i| panel(i, 8)).collect());
        for bar in numbers.panels.iter_mut().flat_map(|p| &mut p.bars) {
            bar.annotation = theme::format_number(bar.value * 25.0, 0);
        }
        numbers.panels[3].bars[0].label = "euro-mediterranean".into();
        numbers.panels[3].bars[0].annotation = "12,345".into();
        let layout_at = |chart: &SmallMultiples, width: i32| {
            let columns = columns(chart.panels.len(), width);
            let mut sizes = Sizes::for_columns(columns);
            sizes.label = label_size(chart, &sizes, panel_width(width, columns));
            PanelLayout::new(chart, &sizes, panel_width(width, columns))
        };
        let wide = layout_at(&numbers, 1600);
        assert!(wide.show_annotations);
        assert_eq!(wide.axes, Axes::NumbersBeside);
        assert!(layout_at(&numbers, 640).show_annotations);
        let mut long = numbers.clone();
        for bar in long.panels.iter_mut().flat_map(|p| &mut p.bars) {
            bar.annotation = format!("G2 {} · in 40 of 172", bar.annotation);
        }
        let narrow = layout_at(&long, 1600);
        assert!(!narrow.show_annotations);
        assert_eq!(narrow.axes, Axes::EveryPanel);
        let one = SmallMultiples {
            shared_scale: true,
            ..numbers
        };
        assert_eq!(layout_at(&one, 1600).axes, Axes::LastOfColumn);
        assert_eq!(layout_at(&one, 640).axes, Axes::LastOfColumn);
        let unmarked = Scale::unmarked(311.0);
        assert!(unmarked.ticks.is_empty());
        assert_eq!(unmarked.axis_max, 311.0);
        assert_eq!(Scale::unmarked(0.0).axis_max, 1.0);
    }

    /// Each panel's scale follows its own bars: a small target's longest bar is as long as
    /// a large target's, unless the scale is shared.
    #[test]
    fn the_longest_bar_of_every_panel_spans_its_own_scale() {
        let mut panels = [panel(0, 8), panel(1, 8)];
        for bar in &mut panels[1].bars {
            bar.value /= 100.0;
        }
        let largest: Vec<f64> = panels
            .iter()
            .map(|p| largest_value(p.bars.iter()))
            .collect();
        let own: Vec<Scale> = largest.iter().map(|&m| Scale::own(m, 200, 17.0)).collect();
        assert_eq!(own[0].axis_max, largest[0]);
        assert_eq!(own[1].axis_max, largest[1]);
        let all = largest_value(panels.iter().flat_map(|p| &p.bars));
        let one = Scale::shared(all, 200, 17.0);
        assert!(largest[1] / one.axis_max < 0.02);
    }

    #[test]
    fn columns_grow_with_the_panels() {
        let got: Vec<usize> = [0, 1, 3, 4, 5, 6, 7, 8, 9, 30, 45]
            .into_iter()
            .map(|n| columns(n, 1600))
            .collect();
        assert_eq!(got, [1, 1, 3, 4, 3, 3, 4, 4, 5, 5, 5]);
        assert_eq!(columns(30, 1000), 3);
        assert_eq!(columns(30, 2400), 5);
        assert_eq!(columns(2, 640), 2);
        assert_eq!(columns(30, 100), 1);
    }

    /// "communicat…" and "commission…" on a narrow canvas: the bars' labels shrink (not
    /// below 15 px) until every word fits its share of a panel whole.
    #[test]
    fn bar_labels_shrink_rather_than_get_cut() {
        theme::ensure_font().unwrap();
        let mut chart = chart((0..7).map(|i| panel(i, 8)).collect());
        chart.panels[1].bars[4].label = "communication".into();
        chart.panels[2].bars[1].label = "commissioners".into();
        for width in [640, 800, 1000, 1600, 2400] {
            let columns = columns(chart.panels.len(), width);
            let sizes = Sizes::for_columns(columns);
            let size = label_size(&chart, &sizes, panel_width(width, columns));
            assert!(size >= MIN_LABEL_SIZE && size <= sizes.label, "{width}");
            let cap = f64::from(panel_width(width, columns)) * sizes.label_share;
            // Words; a phrase ("humanitarian assistance") may still be shortened.
            for bar in chart.panels.iter().flat_map(|p| &p.bars) {
                if !bar.label.contains(' ') {
                    let w = f64::from(text_width(&bar.label, size));
                    assert!(w <= cap, "{width}: {}", bar.label);
                }
            }
        }
        // Words that fit keep the columns' size.
        for bar in chart.panels.iter_mut().flat_map(|p| &mut p.bars) {
            bar.label = bar.label.split_whitespace().next().unwrap_or("").to_owned();
        }
        let sizes = Sizes::for_columns(columns(7, 1600));
        assert_eq!(
            label_size(&chart, &sizes, panel_width(1600, columns(7, 1600))),
            sizes.label
        );
    }

    #[test]
    fn the_chart_draws_in_both_formats_at_any_width_and_height() {
        for (name, chart) in [
            ("thirty", chart((0..30).map(|i| panel(i, 8)).collect())),
            ("three", chart((0..3).map(|i| panel(i, 8)).collect())),
            ("shared", shared((0..7).map(|i| panel(i, 8)).collect())),
        ] {
            draw_everywhere(&format!("small_multiples_{name}"), |canvas| {
                draw(&chart, canvas)
            });
        }
    }

    #[test]
    fn the_chart_draws_even_when_empty() {
        let dir = tempfile::tempdir().unwrap();
        let cases = [
            ("none.png", chart(vec![])),
            ("one.png", chart(vec![panel(0, 8)])),
            ("empty_panel.png", chart(vec![panel(0, 0)])),
            (
                "mixed.png",
                chart(vec![panel(0, 3), panel(1, 0), panel(2, 1)]),
            ),
            ("many.png", chart((0..30).map(|i| panel(i, 8)).collect())),
            (
                "shared_mixed.png",
                shared(vec![panel(0, 3), panel(1, 0), panel(2, 1)]),
            ),
            ("zeros.png", {
                let mut zeros = chart(vec![panel(0, 3)]);
                zeros.panels[0].bars.iter_mut().for_each(|b| b.value = 0.0);
                zeros
            }),
        ];
        for (name, chart) in cases {
            let canvas = Canvas::png(dir.path().join(name));
            draw(&chart, &canvas).unwrap();
            let bytes = std::fs::read(&canvas.path).unwrap();
            assert!(bytes.starts_with(PNG), "{name}");
        }
    }

    /// Draws the charts a person looks at: `cargo test small_multiples -- --ignored`.
    #[test]
    #[ignore]
    fn draw_small_multiples_to_look_at() {
        let thirty = chart((0..30).map(|i| panel(i, 8)).collect());
        draw(&thirty, &Canvas::png("/tmp/small_multiples_check.png")).unwrap();
        let mut ticked = chart((0..12).map(|i| panel(i, 8)).collect());
        for bar in ticked.panels.iter_mut().flat_map(|p| &mut p.bars) {
            bar.annotation = format!("{} · in 40 of 172 speeches", bar.annotation);
        }
        draw(&ticked, &Canvas::png("/tmp/small_multiples_ticked.png")).unwrap();
        let shared_thirty = shared((0..30).map(|i| panel(i, 8)).collect());
        draw(
            &shared_thirty,
            &Canvas::png("/tmp/small_multiples_shared.png"),
        )
        .unwrap();
        let three = chart((0..3).map(|i| panel(i, 8)).collect());
        draw(&three, &Canvas::png("/tmp/small_multiples_three.png")).unwrap();
        let seven = chart((0..7).map(|i| panel(i, 5 + i % 3)).collect());
        draw(&seven, &Canvas::png("/tmp/small_multiples_seven.png")).unwrap();
        let one = chart(vec![panel(4, 6)]);
        draw(&one, &Canvas::png("/tmp/small_multiples_one.png")).unwrap();
        let odd = chart(vec![
            panel(0, 4),
            panel(1, 0),
            panel(2, 2),
            panel(3, 4),
            panel(5, 1),
        ]);
        draw(&odd, &Canvas::png("/tmp/small_multiples_odd.png")).unwrap();
    }
}
