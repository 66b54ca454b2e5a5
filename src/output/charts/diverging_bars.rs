//! Two-sided bar chart for keyness: one row per term, bars right of a central zero line for
//! terms over-used in the target (Okabe-Ito blue), left of it for under-used ones (Okabe-Ito
//! orange), on one symmetric scale; a term's label sits on the empty side of the zero line.

use std::path::Path;

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::canvas::{Canvas, Picture};
use super::theme::{self, draw_line, draw_text, fill_rect, fit, style, text_width, Area, Surface};
use crate::error::Result;

/// One bar: positive values extend right of the zero line, negative ones left.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct DivergingBar {
    /// The term, written beside its bar on the zero-line side.
    pub label: String,
    /// Signed statistic (e.g. log-likelihood G2); a value that is not finite draws no bar.
    pub value: f64,
    /// Written just outside the bar's end, e.g. "412 in 12 speeches".
    pub annotation: String,
    /// Drawn lighter: not significant.
    pub faded: bool,
}

/// A diverging bar chart's content. Readable up to about [`MAX_BARS`] bars.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct DivergingBars {
    pub title: String,
    pub subtitle: String,
    /// Axis caption, e.g. "log-likelihood (G2), signed".
    pub value_label: String,
    /// Caption over the right side, e.g. "More frequent in Democratic".
    pub positive_heading: String,
    /// Caption over the left side, e.g. "Less frequent in Democratic".
    pub negative_heading: String,
    /// One line under the axis, e.g. "Lighter bars: not significant"; may be empty.
    pub note: String,
    /// Positive bars first (largest first), then negative bars (most negative first).
    pub bars: Vec<DivergingBar>,
}

/// Most bars the chart is meant for (it draws more, ever taller).
pub(crate) const MAX_BARS: usize = 60;

/// Okabe-Ito orange, the colour of the negative side.
const NEGATIVE: RGBColor = RGBColor(230, 159, 0);
/// How much of a bar's colour a faded bar keeps (the rest is white).
const FADED_STRENGTH: f64 = 0.38;

/// Height of a row when the chart takes its own height.
const ROW_HEIGHT: i32 = 36;
/// Least height of a row: its label still fits.
const MIN_ROW_HEIGHT: i32 = 24;
/// Thickest a bar gets, however tall its row.
const MAX_BAR_HALF: f64 = ROW_HEIGHT as f64 * 0.36 * 1.25;
/// Top of the plot area; the two side headings sit just above it.
const TOP: i32 = 180;
/// Space between the block of positive bars and the block of negative ones.
const BLOCK_GAP: i32 = 18;
/// Share of a side the bars keep while the annotations shrink to make room for them.
const BAR_SHARE: f64 = 0.45;
/// Least length of a side's longest bar: annotations in the smallest size take the rest of
/// the side, and only beyond that are shortened.
const MIN_HALF: i32 = 90;
/// Sizes of the annotations, tried in turn until the widest leaves the bars [`BAR_SHARE`]
/// of a side.
const ANNOTATION_SIZES: [f64; 3] = [theme::TICK_SIZE, 17.0, 15.0];
/// Sizes of the side headings, tried in turn on one line; the last also in two lines.
const HEADING_SIZES: [f64; 2] = [theme::LABEL_SIZE, 19.0];
/// Most lines of the note under the axis.
const NOTE_LINES: usize = 3;
/// Distance between the lines of a side heading or of the note.
const LINE_STEP: i32 = 24;
/// Space between the zero line and a label, and between a bar's end and its annotation.
const GAP: i32 = 10;
const SWATCH: i32 = 16;

/// Draws the chart.
pub(crate) fn draw(chart: &DivergingBars, canvas: &Canvas) -> Result<()> {
    canvas.ensure_font()?;
    let width = canvas.layout_width();
    let layout = Layout::new(chart, width);
    let rows = chart.bars.len().max(1) as i32;
    let gap = if split_at(&chart.bars).is_some() {
        BLOCK_GAP
    } else {
        0
    };
    let bottom_space = layout.bottom_space();
    let height = canvas.image_height(
        TOP + rows * ROW_HEIGHT + gap + bottom_space,
        TOP + rows * MIN_ROW_HEIGHT + gap + bottom_space,
    );
    let painter = Painter {
        chart,
        layout,
        bottom: height - bottom_space,
        row: f64::from(height - bottom_space - gap - TOP) / f64::from(rows),
    };
    canvas.draw(height, &painter)
}

/// Where the texts go across, and in what size: computed from the width alone.
#[derive(Debug, Clone, PartialEq)]
struct Layout {
    width: i32,
    /// The zero line.
    zero: i32,
    /// Length of the longest bar on either side.
    half: i32,
    annotation_size: f64,
    /// Written beside each bar; whole unless even the smallest size leaves no room.
    annotations: Vec<String>,
    /// Widest a term's label may be, on the empty side of the zero line.
    label_cap: u32,
    /// The negative side's heading and the positive side's: size and lines.
    headings: [(f64, Vec<String>); 2],
    /// The note under the axis, in up to [`NOTE_LINES`] lines.
    note: Vec<String>,
}

impl Layout {
    fn new(chart: &DivergingBars, width: i32) -> Layout {
        let zero = width / 2;
        // A side: its bars, the gap and the widest annotation, and room for half the
        // outermost tick label.
        let side = zero - theme::MARGIN - GAP - 4;
        let preferred = side - MIN_HALF.max((f64::from(side) * BAR_SHARE) as i32);
        let room = (side - MIN_HALF).max(24);
        let widest = |size: f64| {
            chart
                .bars
                .iter()
                .map(|b| text_width(&b.annotation, size) as i32)
                .max()
                .unwrap_or(0)
        };
        let annotation_size = ANNOTATION_SIZES
            .iter()
            .copied()
            .find(|&size| widest(size) <= preferred)
            .unwrap_or(ANNOTATION_SIZES[ANNOTATION_SIZES.len() - 1]);
        let annotations: Vec<String> = chart
            .bars
            .iter()
            .map(|b| fit(&b.annotation, annotation_size, room as u32))
            .collect();
        let annotation_width = annotations
            .iter()
            .map(|a| text_width(a, annotation_size))
            .max()
            .unwrap_or(0) as i32;
        let half = side - annotation_width.max(24);
        let heading_room = (zero - theme::MARGIN - SWATCH - 20).max(20) as u32;
        let heading = |text: &str| -> (f64, Vec<String>) {
            for size in HEADING_SIZES {
                if text_width(text, size) <= heading_room {
                    return (size, vec![text.to_owned()]);
                }
            }
            let size = HEADING_SIZES[HEADING_SIZES.len() - 1];
            (size, theme::wrap(text, size, heading_room, 2))
        };
        let note = if chart.note.trim().is_empty() {
            Vec::new()
        } else {
            theme::wrap(
                &chart.note,
                theme::TICK_SIZE,
                (width - 2 * theme::MARGIN) as u32,
                NOTE_LINES,
            )
        };
        Layout {
            width,
            zero,
            half,
            annotation_size,
            annotations,
            label_cap: (zero - theme::MARGIN - GAP - 6).max(20) as u32,
            headings: [
                heading(&chart.negative_heading),
                heading(&chart.positive_heading),
            ],
            note,
        }
    }

    /// Room under the plot: tick labels, the axis caption and the note.
    fn bottom_space(&self) -> i32 {
        match self.note.len() {
            0 => 110,
            lines => 150 + (lines as i32 - 1) * LINE_STEP,
        }
    }

    /// The middle of a side's heading (`positive` or not) of `width` pixels: over the middle
    /// of its bars, but inside its side of the image.
    fn heading_center(&self, positive: bool, width: i32) -> i32 {
        let half_width = width / 2;
        if positive {
            (self.zero + self.half / 2)
                .min(self.width - theme::MARGIN - half_width)
                .max(self.zero + 10 + half_width)
        } else {
            (self.zero - self.half / 2)
                .max(theme::MARGIN + half_width)
                .min(self.zero - 10 - half_width)
        }
    }
}

struct Painter<'a> {
    chart: &'a DivergingBars,
    layout: Layout,
    /// Bottom of the plot.
    bottom: i32,
    /// Height of a row.
    row: f64,
}

impl Picture for Painter<'_> {
    fn paint<DB: Surface>(&self, root: &Area<DB>, path: &Path) -> Result<()> {
        theme::draw_heading(root, &self.chart.title, &self.chart.subtitle, path)?;
        draw_plot(root, self, path)
    }
}

/// Index of the first negative bar that follows a non-negative one: where the separator
/// between the two blocks goes.
fn split_at(bars: &[DivergingBar]) -> Option<usize> {
    (1..bars.len()).find(|&i| !is_negative(bars[i - 1].value) && is_negative(bars[i].value))
}

fn is_negative(value: f64) -> bool {
    value < 0.0
}

/// `color` mixed with white, keeping `strength` of it.
fn lighten(RGBColor(r, g, b): RGBColor, strength: f64) -> RGBColor {
    let mix = |c: u8| (255.0 - (255.0 - f64::from(c)) * strength).round() as u8;
    RGBColor(mix(r), mix(g), mix(b))
}

/// A signed tick label with a true minus sign.
fn signed(value: f64, decimals: usize) -> String {
    let text = theme::format_number(value, decimals);
    match text.strip_prefix('-') {
        Some(rest) if rest.chars().any(|c| c != '0' && c != '.') => format!("\u{2212}{rest}"),
        Some(rest) => rest.to_owned(),
        None => text,
    }
}

/// Text on a white box, so grid lines do not run through it.
fn draw_boxed<DB: Surface>(
    root: &Area<DB>,
    text: &str,
    (x, y): (i32, i32),
    size: f64,
    color: RGBColor,
    h: HPos,
    path: &Path,
) -> Result<()> {
    if text.is_empty() {
        return Ok(());
    }
    let w = text_width(text, size) as i32;
    let (x0, x1) = match h {
        HPos::Right => (x - w, x),
        HPos::Left => (x, x + w),
        HPos::Center => (x - w / 2, x + w / 2),
    };
    let half = (size * 0.62).round() as i32;
    fill_rect(root, [(x0 - 3, y - half), (x1 + 3, y + half)], WHITE, path)?;
    draw_text(
        root,
        text,
        (x, y),
        &style(size, color, h, VPos::Center),
        path,
    )
}

fn draw_plot<DB: Surface>(root: &Area<DB>, painter: &Painter<'_>, path: &Path) -> Result<()> {
    let Painter {
        chart,
        ref layout,
        bottom,
        row,
    } = *painter;
    let (width, zero, half) = (layout.width, layout.zero, layout.half);
    let annotations = &layout.annotations;
    let max = chart
        .bars
        .iter()
        .map(|b| b.value.abs())
        .filter(|v| v.is_finite())
        .fold(0.0, f64::max);
    let ticks = theme::fitted_ticks(max, half, theme::TICK_SIZE, 5);
    let axis_max = ticks.last().copied().unwrap_or(1.0).max(f64::MIN_POSITIVE);
    let x_of = |v: f64| {
        let v = if v.is_finite() { v } else { 0.0 };
        zero + ((v / axis_max) * f64::from(half)).round() as i32
    };
    let decimals = theme::tick_decimals(ticks.get(1).copied().unwrap_or(1.0));

    // Grid and tick labels, both sides.
    for &tick in &ticks {
        for sign in [-1.0, 1.0] {
            if tick == 0.0 && sign < 0.0 {
                continue;
            }
            let x = x_of(sign * tick);
            draw_line(root, vec![(x, TOP), (x, bottom)], theme::GRID_LINE, path)?;
            draw_text(
                root,
                &signed(sign * tick, decimals),
                (x, bottom + 10),
                &style(theme::TICK_SIZE, theme::MUTED, HPos::Center, VPos::Top),
                path,
            )?;
        }
    }
    draw_text(
        root,
        &fit(
            &chart.value_label,
            theme::LABEL_SIZE,
            (width - 2 * theme::MARGIN) as u32,
        ),
        (zero, bottom + 48),
        &style(theme::LABEL_SIZE, theme::TEXT, HPos::Center, VPos::Top),
        path,
    )?;
    for (i, line) in layout.note.iter().enumerate() {
        draw_text(
            root,
            line,
            (zero, bottom + 88 + i as i32 * LINE_STEP),
            &style(theme::TICK_SIZE, theme::MUTED, HPos::Center, VPos::Top),
            path,
        )?;
    }
    for (positive, text, color) in [
        (false, &chart.negative_heading, NEGATIVE),
        (true, &chart.positive_heading, theme::BAR),
    ] {
        if !text.trim().is_empty() {
            draw_side_heading(root, layout, positive, color, path)?;
        }
    }

    if chart.bars.is_empty() {
        let message = "Nothing to show: no terms to draw.";
        let w = text_width(message, theme::LABEL_SIZE) as i32 / 2 + 8;
        fill_rect(root, [(zero - w, TOP), (zero + w, bottom)], WHITE, path)?;
        return draw_text(
            root,
            message,
            (zero, TOP + (row / 2.0).round() as i32),
            &style(theme::LABEL_SIZE, theme::MUTED, HPos::Center, VPos::Center),
            path,
        );
    }
    let split = split_at(&chart.bars);
    if let Some(i) = split {
        let y = TOP + (i as f64 * row).round() as i32 + BLOCK_GAP / 2;
        draw_line(
            root,
            vec![(zero - half, y), (zero + half, y)],
            SEPARATOR_STYLE,
            path,
        )?;
    }
    for (i, (bar, annotation)) in chart.bars.iter().zip(annotations).enumerate() {
        let shift = if split.is_some_and(|s| i >= s) {
            BLOCK_GAP
        } else {
            0
        };
        let center = TOP + ((i as f64 + 0.5) * row).round() as i32 + shift;
        let bar_half = (row * 0.36).min(MAX_BAR_HALF).round() as i32;
        let negative = is_negative(bar.value);
        let end = x_of(bar.value);
        let base = if negative { NEGATIVE } else { theme::BAR };
        let color = if bar.faded {
            lighten(base, FADED_STRENGTH)
        } else {
            base
        };
        let text_color = if bar.faded { theme::MUTED } else { theme::TEXT };
        if end != zero {
            fill_rect(
                root,
                [
                    (zero.min(end), center - bar_half),
                    (zero.max(end), center + bar_half),
                ],
                color,
                path,
            )?;
        }
        let label = fit(&bar.label, theme::LABEL_SIZE, layout.label_cap);
        let (label_x, label_pos, note_x, note_pos) = if negative {
            (zero + GAP, HPos::Left, end - GAP, HPos::Right)
        } else {
            (zero - GAP, HPos::Right, end + GAP, HPos::Left)
        };
        draw_boxed(
            root,
            &label,
            (label_x, center),
            theme::LABEL_SIZE,
            text_color,
            label_pos,
            path,
        )?;
        draw_boxed(
            root,
            annotation,
            (note_x, center),
            layout.annotation_size,
            text_color,
            note_pos,
            path,
        )?;
    }
    draw_line(
        root,
        vec![(zero, TOP), (zero, bottom)],
        theme::AXIS_LINE,
        path,
    )
}

/// A side's caption above the plot (the positive side's or the negative side's), after a
/// swatch of its colour, centred over its bars but inside its side of the image; in two
/// lines where one does not fit.
fn draw_side_heading<DB: Surface>(
    root: &Area<DB>,
    layout: &Layout,
    positive: bool,
    color: RGBColor,
    path: &Path,
) -> Result<()> {
    let (size, lines) = &layout.headings[usize::from(positive)];
    let longest = lines
        .iter()
        .map(|l| text_width(l, *size) as i32)
        .max()
        .unwrap_or(0);
    let width = SWATCH + 10 + longest;
    let left = layout.heading_center(positive, width) - width / 2;
    let count = lines.len() as i32;
    let first = TOP - 26 - (count - 1) * LINE_STEP;
    fill_rect(
        root,
        [
            (left, first - SWATCH / 2),
            (left + SWATCH, first + SWATCH / 2),
        ],
        color,
        path,
    )?;
    for (i, line) in lines.iter().enumerate() {
        draw_text(
            root,
            line,
            (left + SWATCH + 10, first + i as i32 * LINE_STEP),
            &style(*size, theme::TEXT, HPos::Left, VPos::Center),
            path,
        )?;
    }
    Ok(())
}

const SEPARATOR_STYLE: ShapeStyle = ShapeStyle {
    color: RGBAColor(190, 190, 190, 1.0),
    filled: false,
    stroke_width: 1,
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::charts::canvas::tests::draw_everywhere;

    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n";

    fn bar(label: &str, value: f64, count: u32, faded: bool) -> DivergingBar {
        DivergingBar {
            label: label.into(),
            value,
            annotation: format!("{count} in {} speeches", count / 9 + 1),
            faded,
        }
    }

    fn chart(bars: Vec<DivergingBar>) -> DivergingBars {
        DivergingBars {
            title: "Key terms of Democratic speeches".into(),
            subtitle: "Compared with all other speeches; the 20 most over- and under-used terms"
                .into(),
            value_label: "log-likelihood (G2), signed".into(),
            positive_heading: "More frequent in Democratic".into(),
            negative_heading: "Less frequent in Democratic".into(),
            note: "Lighter bars: not significant (p >= 0.05 after Bonferroni)".into(),
            bars,
        }
    }

    fn keyness() -> Vec<DivergingBar> {
        let over = [
            ("health care", 412.3, 412),
            ("working families", 301.0, 290),
            ("climate change", 250.8, 233),
            ("self-determination", 180.2, 150),
            ("medicaid", 120.5, 131),
            ("infrastructure", 98.7, 120),
            ("counter-terrorism", 45.1, 60),
            ("minimum wage", 12.2, 31),
            (
                "pre-existing conditions and the affordable care act",
                9.8,
                12,
            ),
            ("voting", 3.1, 9),
        ];
        let under = [
            ("taxes", -350.4, 80),
            ("border security", -280.0, 44),
            ("afghanistan", -201.5, 61),
            ("regulation", -160.0, 40),
            ("second amendment", -90.2, 12),
            ("deficit", -70.7, 30),
            (
                "united kingdom of great britain and northern ireland",
                -30.0,
                8,
            ),
            ("liberty", -10.5, 20),
            ("constitution", -5.0, 33),
            ("sovereignty", -2.2, 7),
        ];
        over.iter()
            .chain(&under)
            .map(|&(l, v, c)| bar(l, v, c, v.abs() < 11.0))
            .collect()
    }

    #[test]
    fn tick_labels_have_decimals_enough_and_true_minus_signs() {
        assert_eq!(theme::tick_decimals(100.0), 0);
        assert_eq!(theme::tick_decimals(0.5), 1);
        assert_eq!(theme::tick_decimals(0.02), 2);
        assert_eq!(signed(-20.0, 0), "\u{2212}20");
        assert_eq!(signed(-0.0, 0), "0");
        assert_eq!(signed(0.25, 2), "0.25");
    }

    #[test]
    fn the_blocks_split_at_the_first_negative_bar() {
        let bars = keyness();
        assert_eq!(split_at(&bars), Some(10));
        assert_eq!(split_at(&bars[..10]), None);
        assert_eq!(split_at(&bars[10..]), None);
        assert_eq!(split_at(&[]), None);
    }

    /// The State of the Union's key terms of the Democratic-Republican party on a narrow
    /// canvas were cut ("11.1 vs 1.9 · i…", "Less frequent in…"): every annotation, side
    /// heading and the note are whole from 640 pixels wide, and stay on their own side.
    #[test]
    fn annotations_and_headings_are_whole_at_any_width() {
        theme::ensure_font().unwrap();
        let mut chart = chart(
            keyness()
                .into_iter()
                .enumerate()
                .map(|(i, mut b)| {
                    b.annotation = format!("{}.1 vs 1.9 · in 26 of 28", 10 + i);
                    b
                })
                .collect(),
        );
        chart.positive_heading = "More frequent in Democratic-Republican".into();
        chart.negative_heading = "Less frequent in Democratic-Republican".into();
        chart.note = "Lighter bars: not significant (p >= 0.05 after Bonferroni over 9,500 \
            terms tested). Beside each bar: rate per 10,000 words here vs in the reference."
            .into();
        for width in [640, 800, 1000, 1600, 2400] {
            let layout = Layout::new(&chart, width);
            let annotations: Vec<&str> = chart.bars.iter().map(|b| b.annotation.as_str()).collect();
            assert_eq!(layout.annotations, annotations, "{width}");
            assert!(layout.half >= MIN_HALF, "{width}: {}", layout.half);
            // An annotation ends inside the margin, half a tick label from the edge.
            let widest = layout
                .annotations
                .iter()
                .map(|a| text_width(a, layout.annotation_size) as i32)
                .max()
                .unwrap();
            assert!(layout.zero + layout.half + GAP + widest <= width - theme::MARGIN);
            for (positive, text) in [
                (false, &chart.negative_heading),
                (true, &chart.positive_heading),
            ] {
                let (size, lines) = &layout.headings[usize::from(positive)];
                assert!(theme::is_whole(lines, text), "{width}: {lines:?}");
                let w = SWATCH
                    + 10
                    + lines
                        .iter()
                        .map(|l| text_width(l, *size) as i32)
                        .max()
                        .unwrap();
                let left = layout.heading_center(positive, w) - w / 2;
                if positive {
                    assert!(
                        left > layout.zero && left + w <= width - theme::MARGIN,
                        "{width}"
                    );
                } else {
                    assert!(left >= theme::MARGIN && left + w < layout.zero, "{width}");
                }
                // Two lines end above the plot and below the page's heading.
                let top = TOP - 26 - (lines.len() as i32 - 1) * LINE_STEP - (*size as i32) / 2;
                assert!(top >= theme::HEADING_BOTTOM, "{width}");
            }
            assert!(theme::is_whole(&layout.note, &chart.note), "{width}");
            let label = "self-determination";
            assert!(
                text_width(label, theme::LABEL_SIZE) <= layout.label_cap,
                "{width}"
            );
        }
        // At the default width nothing shrinks.
        let wide = Layout::new(&chart, 1600);
        assert_eq!(wide.annotation_size, theme::TICK_SIZE);
        assert_eq!(wide.headings[1].1.len(), 1);
    }

    #[test]
    fn the_chart_draws_in_both_formats_at_any_width_and_height() {
        let all = keyness();
        for (name, bars) in [("both", all.clone()), ("positive", all[..10].to_vec())] {
            let chart = chart(bars);
            draw_everywhere(&format!("diverging_{name}"), |canvas| draw(&chart, canvas));
        }
    }

    #[test]
    fn the_chart_draws_even_when_empty_or_one_sided() {
        let dir = tempfile::tempdir().unwrap();
        let all = keyness();
        let mut no_note = chart(vec![bar("x", f64::NAN, 1, false)]);
        no_note.note.clear();
        let cases = [
            ("none.png", chart(vec![])),
            ("one.png", chart(vec![bar("afghanistan", 12.0, 3, false)])),
            ("positive.png", chart(all[..10].to_vec())),
            ("negative.png", chart(all[10..].to_vec())),
            ("both.png", chart(all)),
            ("nan.png", no_note),
        ];
        for (name, chart) in cases {
            let canvas = Canvas::png(dir.path().join(name));
            draw(&chart, &canvas).unwrap();
            let bytes = std::fs::read(&canvas.path).unwrap();
            assert!(bytes.starts_with(PNG), "{name}");
        }
    }

    /// Draws the charts a person looks at: `cargo test diverging -- --ignored`.
    #[test]
    #[ignore]
    fn draw_diverging_bars_to_look_at() {
        draw(&chart(keyness()), &Canvas::png("/tmp/diverging_check.png")).unwrap();
        let words = [
            "afghanistan",
            "counter-terrorism",
            "self-determination",
            "peacekeeping",
            "sanctions",
            "humanitarian",
            "ceasefire",
            "refugees",
            "sovereignty",
            "resolution",
        ];
        let sixty: Vec<DivergingBar> = (0..60)
            .map(|i| {
                let magnitude = 900.0 / (1.0 + (i % 30) as f64 * 0.6);
                let value = if i < 30 { magnitude } else { -magnitude };
                let label = format!("{} {}", words[i % words.len()], i);
                bar(&label, value, 900 - i as u32 * 13, i % 30 > 22)
            })
            .collect();
        draw(&chart(sixty), &Canvas::png("/tmp/diverging_sixty.png")).unwrap();
        let tiny: Vec<DivergingBar> = [0.004, 0.0025, -0.001, -0.0032]
            .iter()
            .enumerate()
            .map(|(i, &v)| bar(words[i], v, 3, false))
            .collect();
        draw(&chart(tiny), &Canvas::png("/tmp/diverging_tiny.png")).unwrap();
        draw(
            &chart(keyness()[10..].to_vec()),
            &Canvas::png("/tmp/diverging_negative.png"),
        )
        .unwrap();
        draw(&chart(vec![]), &Canvas::png("/tmp/diverging_empty.png")).unwrap();
        let one = chart(vec![bar("counter-terrorism", -3.5, 4, true)]);
        draw(&one, &Canvas::png("/tmp/diverging_one.png")).unwrap();
    }
}
