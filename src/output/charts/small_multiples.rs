//! Small multiples: one small horizontal bar panel per target (its top key terms) in a grid
//! on one page, every panel on the same scale so bar lengths compare across panels.

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
    /// room for the widest annotation (in practice with up to three columns).
    pub bars: Vec<Bar>,
}

/// A small-multiples chart's content. Readable up to [`MAX_PANELS`] panels of
/// [`MAX_BARS_PER_PANEL`] bars (it draws more, ever taller).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SmallMultiples {
    pub title: String,
    pub subtitle: String,
    /// What the bar length measures (one scale shared by all panels), written at the bottom.
    pub value_label: String,
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
/// Height of the tick labels under the last panel of each column.
const AXIS_HEIGHT: i32 = 34;
/// Space between a label and its bar, and between a bar and its annotation.
const GAP: i32 = 8;
/// Narrowest the bars may be, as a share of the panel's width, for annotations to be shown.
const BAR_SHARE_WITH_ANNOTATIONS: f64 = 0.3;

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
    let bars = most_bars(chart);
    let height_for = |row: i32| {
        let panel = sizes.title_height() + bars * row;
        TOP + rows * panel + (rows - 1) * ROW_GAP + BOTTOM_SPACE
    };
    let height = canvas.image_height(height_for(sizes.row), height_for(sizes.min_row()));
    // The rows share the height there is.
    let panel_height = (height - TOP - (rows - 1) * ROW_GAP - BOTTOM_SPACE) / rows;
    sizes.row = (panel_height - sizes.title_height()) / bars;
    let panel_height = sizes.title_height() + bars * sizes.row;
    let painter = Painter {
        chart,
        width,
        columns,
        sizes,
        panel_height,
        caption_y: TOP + rows * panel_height + (rows - 1) * ROW_GAP + AXIS_HEIGHT + 12,
    };
    canvas.draw(height, &painter)
}

struct Painter<'a> {
    chart: &'a SmallMultiples,
    width: i32,
    columns: usize,
    sizes: Sizes,
    panel_height: i32,
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
        width,
        columns,
        ref sizes,
        panel_height,
        ..
    } = *painter;
    let panel_width = panel_width(width, columns);
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
    let max = bars()
        .map(|b| b.value)
        .filter(|v| v.is_finite())
        .fold(0.0, f64::max);
    let ticks = theme::fitted_ticks(
        max,
        panel_width - label_width - GAP - right_room,
        sizes.tick,
        6,
    );
    let axis_max = ticks.last().copied().unwrap_or(1.0).max(f64::MIN_POSITIVE);
    let decimals = theme::tick_decimals(ticks.get(1).copied().unwrap_or(1.0));
    let layout = PanelLayout {
        width: panel_width,
        height: panel_height,
        label_width,
        right_room,
        show_annotations,
        ticks: &ticks,
        axis_max,
        decimals,
    };
    for (i, panel) in chart.panels.iter().enumerate() {
        let (row, column) = ((i / columns) as i32, (i % columns) as i32);
        let left = theme::MARGIN + column * (panel_width + COLUMN_GAP);
        let top = TOP + row * (panel_height + ROW_GAP);
        // The last panel of its column carries the tick labels.
        let with_axis = i + columns >= chart.panels.len();
        draw_panel(root, panel, (left, top), &layout, sizes, with_axis, path)?;
    }
    Ok(())
}

/// Where things go inside every panel.
struct PanelLayout<'a> {
    width: i32,
    height: i32,
    label_width: i32,
    right_room: i32,
    show_annotations: bool,
    ticks: &'a [f64],
    axis_max: f64,
    decimals: usize,
}

fn draw_panel<DB: Surface>(
    root: &Area<DB>,
    panel: &Panel,
    (left, top): (i32, i32),
    layout: &PanelLayout<'_>,
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
        bar_left + ((v / layout.axis_max) * f64::from(bar_right - bar_left)).round() as i32
    };
    draw_line(
        root,
        vec![(left, plot_top - 6), (left + layout.width, plot_top - 6)],
        RULE_STYLE,
        path,
    )?;
    for &tick in layout.ticks {
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
                &theme::format_number(tick, layout.decimals),
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
            panels,
        }
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
