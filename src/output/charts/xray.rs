//! Lexical dispersion plot ("x-ray"): one band per term, in the order given, with a thin tick
//! wherever the term occurs in the corpus read in order, faint lines where speeches (or groups)
//! start, and as many of their labels under the axis as fit.
//!
//! Every tick is one pixel wide and partly transparent, so where a term clusters the ticks add
//! up to solid colour rather than to a blur. Boundary lines closer than [`MIN_BOUNDARY_GAP`]
//! pixels to the last drawn one are skipped, and thousands of them are drawn fainter. Boundary
//! labels are written upwards, chosen from left to right (always the first) as soon as one
//! clears the last by a label's height. The number of occurrences is written right of a band.

use std::path::Path;

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};
use plotters::style::FontTransform;

use super::canvas::{Canvas, Picture};
use super::theme::{self, draw_line, draw_text, fill_rect, fit, style, text_width, Area, Surface};
use crate::error::Result;

/// One term's band.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct XRayRow {
    /// The term, written at the left of its band.
    pub label: String,
    /// Each occurrence, in [0, 1): its place in the corpus read in order.
    pub positions: Vec<f64>,
}

/// An x-ray's content. Readable up to about [`MAX_ROWS`] rows (it draws more, ever taller).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct XRay {
    pub title: String,
    pub subtitle: String,
    /// Written under the boundary labels, e.g. "position in the corpus (speeches in corpus
    /// order)".
    pub x_label: String,
    /// Top to bottom, in this order.
    pub rows: Vec<XRayRow>,
    /// Where each speech (or group) starts in [0, 1), and its label; may be thousands.
    pub boundaries: Vec<(f64, String)>,
}

/// Most rows the chart is meant for.
pub(crate) const MAX_ROWS: usize = 12;
/// Boundary lines closer than this many pixels to the last one drawn are left out.
pub(crate) const MIN_BOUNDARY_GAP: i32 = 3;

/// Top of the first band.
const TOP: i32 = 150;
/// Height of a band when the chart takes its own height.
const ROW_HEIGHT: i32 = 48;
/// Least height of a band: its label still fits, and its ticks show.
const MIN_ROW_HEIGHT: i32 = 28;
/// Space between a band's edges and its ticks.
const TICK_INSET: i32 = 7;
const LABEL_MAX_WIDTH: i32 = 300;
/// Widest a row label may be, as a share of the image's width.
const LABEL_MAX_SHARE: f64 = 0.22;
/// Longest a boundary label may be (it is written upwards): room for a speech's file name
/// such as "UNSC_2003_SPV.4726Resumption1_spch065" whole.
const BOUNDARY_LABEL_MAX: u32 = 400;
/// Least horizontal distance between two boundary labels' centres.
const BOUNDARY_LABEL_STEP: i32 = 27;
/// Space between the label column and the bands, and between the bands and the counts.
const GAP: i32 = 14;
const COUNT_HEADING: &str = "occurrences";
const TICK_COLOR: RGBAColor = RGBAColor(0, 114, 178, 0.6);
const BOUNDARY_COLOR: RGBAColor = RGBAColor(0, 0, 0, 0.13);
const BOUNDARY_COLOR_DENSE: RGBAColor = RGBAColor(0, 0, 0, 0.06);
/// Boundary lines closer than this many pixels apart on average are drawn fainter.
const DENSE_BOUNDARIES: i32 = 8;
const BAND_SHADE: RGBColor = RGBColor(244, 244, 244);

/// Where everything goes.
#[derive(Debug)]
struct Layout {
    left: i32,
    right: i32,
    /// Right edge of the image's content: where the counts end.
    end: i32,
    rows: usize,
    /// Height of a band.
    row_height: f64,
    /// The row labels, fitted, in input order.
    labels: Vec<String>,
    /// The occurrence counts written at the right of the bands.
    counts: Vec<String>,
    /// The boundaries whose labels are written: (index, fitted label).
    shown: Vec<(usize, String)>,
    /// Height of the boundary labels (their longest width, written upwards).
    boundary_label_height: i32,
}

impl Layout {
    /// The layout on an image `width` pixels wide, bands `row_height` pixels high.
    fn new(xray: &XRay, width: i32, row_height: f64) -> Layout {
        let label_cap = LABEL_MAX_WIDTH.min((f64::from(width) * LABEL_MAX_SHARE) as i32);
        let labels: Vec<String> = xray
            .rows
            .iter()
            .map(|r| fit(&r.label, theme::LABEL_SIZE, label_cap as u32))
            .collect();
        let label_width = labels
            .iter()
            .map(|l| text_width(l, theme::LABEL_SIZE))
            .max()
            .unwrap_or(0) as i32;
        let counts: Vec<String> = xray
            .rows
            .iter()
            .map(|r| theme::format_number(occurrences(r) as f64, 0))
            .collect();
        let count_width = counts
            .iter()
            .map(|c| text_width(c, theme::TICK_SIZE))
            .chain([text_width(COUNT_HEADING, theme::TICK_SIZE)])
            .max()
            .unwrap_or(0) as i32;
        let left = theme::MARGIN + label_width + GAP;
        let end = width - theme::MARGIN;
        let right = (end - count_width - GAP).max(left + 2);
        let mut layout = Layout {
            left,
            right,
            end,
            rows: xray.rows.len(),
            row_height,
            labels,
            counts,
            shown: Vec::new(),
            boundary_label_height: 0,
        };
        let xs: Vec<i32> = xray.boundaries.iter().map(|b| layout.x_of(b.0)).collect();
        layout.shown = shown_labels(&xs, BOUNDARY_LABEL_STEP)
            .into_iter()
            .map(|i| {
                let text = fit(&xray.boundaries[i].1, theme::TICK_SIZE, BOUNDARY_LABEL_MAX);
                (i, text)
            })
            .collect();
        layout.boundary_label_height = if xray.boundaries.is_empty() {
            (theme::TICK_SIZE * 1.3).ceil() as i32
        } else {
            layout
                .shown
                .iter()
                .map(|(_, l)| text_width(l, theme::TICK_SIZE))
                .max()
                .unwrap_or(0) as i32
        };
        layout
    }

    /// Top and bottom of the band of row `i` (row 0 at the top: the input's order).
    fn band(&self, i: usize) -> (i32, i32) {
        let y = |i: usize| TOP + (i as f64 * self.row_height).round() as i32;
        (y(i), y(i + 1))
    }

    /// Where the bands end: the axis.
    fn bottom(&self) -> i32 {
        self.band(self.rows.max(1)).0
    }

    /// The pixel column of position `p` in [0, 1).
    fn x_of(&self, p: f64) -> i32 {
        let width = self.right - self.left;
        let p = if p.is_finite() {
            p.clamp(0.0, 1.0)
        } else {
            0.0
        };
        self.left + ((p * f64::from(width)).floor() as i32).min(width - 1)
    }

    /// Height of everything under the bands.
    fn below(&self) -> i32 {
        12 + self.boundary_label_height + 16 + 30 + theme::MARGIN / 2
    }
}

/// A line one pixel wide, blended with what is under it.
fn hairline(color: RGBAColor) -> ShapeStyle {
    ShapeStyle {
        color,
        filled: false,
        stroke_width: 1,
    }
}

/// Occurrences of a row that can be placed.
fn occurrences(row: &XRayRow) -> usize {
    row.positions.iter().filter(|p| p.is_finite()).count()
}

/// Indices of the boundaries (at pixel columns `xs`, in order) whose labels are written: the
/// first, then each one at least `step` pixels right of the last one chosen.
fn shown_labels(xs: &[i32], step: i32) -> Vec<usize> {
    let mut shown: Vec<usize> = Vec::new();
    for (i, &x) in xs.iter().enumerate() {
        if shown.last().is_none_or(|&j| x - xs[j] >= step) {
            shown.push(i);
        }
    }
    shown
}

/// Draws the chart.
pub(crate) fn draw(xray: &XRay, canvas: &Canvas) -> Result<()> {
    canvas.ensure_font()?;
    let width = canvas.layout_width();
    let rows = xray.rows.len().max(1) as i32;
    let below = Layout::new(xray, width, f64::from(ROW_HEIGHT)).below();
    let height = canvas.image_height(
        TOP + rows * ROW_HEIGHT + below,
        TOP + rows * MIN_ROW_HEIGHT + below,
    );
    let row_height = f64::from(height - TOP - below) / f64::from(rows);
    let layout = Layout::new(xray, width, row_height);
    canvas.draw(height, &Painter { xray, layout })
}

struct Painter<'a> {
    xray: &'a XRay,
    layout: Layout,
}

impl Picture for Painter<'_> {
    fn paint<DB: Surface>(&self, root: &Area<DB>, path: &Path) -> Result<()> {
        let (xray, layout) = (self.xray, &self.layout);
        theme::draw_heading(root, &xray.title, &xray.subtitle, path)?;
        draw_bands(root, xray, layout, path)?;
        draw_boundaries(root, xray, layout, path)?;
        draw_ticks(root, xray, layout, path)?;
        draw_axis(root, xray, layout, path)
    }
}

/// Shaded bands, the row labels at the left and the counts at the right.
fn draw_bands<DB: Surface>(
    root: &Area<DB>,
    xray: &XRay,
    layout: &Layout,
    path: &Path,
) -> Result<()> {
    if xray.rows.is_empty() {
        let (top, bottom) = layout.band(0);
        return draw_text(
            root,
            "Nothing to show: no terms to draw.",
            ((layout.left + layout.right) / 2, (top + bottom) / 2),
            &style(theme::LABEL_SIZE, theme::MUTED, HPos::Center, VPos::Center),
            path,
        );
    }
    draw_text(
        root,
        COUNT_HEADING,
        (layout.end, TOP - 8),
        &style(theme::TICK_SIZE, theme::MUTED, HPos::Right, VPos::Bottom),
        path,
    )?;
    for (i, (label, count)) in layout.labels.iter().zip(&layout.counts).enumerate() {
        let (top, bottom) = layout.band(i);
        let center = (top + bottom) / 2;
        if i % 2 == 0 {
            fill_rect(
                root,
                [(layout.left, top), (layout.right - 1, bottom - 1)],
                BAND_SHADE,
                path,
            )?;
        }
        draw_text(
            root,
            label,
            (layout.left - GAP, center),
            &style(theme::LABEL_SIZE, theme::TEXT, HPos::Right, VPos::Center),
            path,
        )?;
        draw_text(
            root,
            count,
            (layout.end, center),
            &style(theme::TICK_SIZE, theme::MUTED, HPos::Right, VPos::Center),
            path,
        )?;
    }
    Ok(())
}

/// Faint lines where speeches start, across all bands.
fn draw_boundaries<DB: Surface>(
    root: &Area<DB>,
    xray: &XRay,
    layout: &Layout,
    path: &Path,
) -> Result<()> {
    let (top, bottom) = (layout.band(0).0, layout.bottom() - 1);
    let mut xs: Vec<i32> = Vec::new();
    for (p, _) in &xray.boundaries {
        let x = layout.x_of(*p);
        if x != layout.left && xs.last().is_none_or(|&l| x - l >= MIN_BOUNDARY_GAP) {
            xs.push(x);
        }
    }
    // Lines a few pixels apart make a texture: fainter, so it stays behind the ticks.
    let dense = xs.len() as i32 * DENSE_BOUNDARIES > layout.right - layout.left;
    let color = if dense {
        BOUNDARY_COLOR_DENSE
    } else {
        BOUNDARY_COLOR
    };
    for x in xs {
        draw_line(root, vec![(x, top), (x, bottom)], hairline(color), path)?;
    }
    Ok(())
}

/// One thin tick per occurrence, in the band of its row.
fn draw_ticks<DB: Surface>(
    root: &Area<DB>,
    xray: &XRay,
    layout: &Layout,
    path: &Path,
) -> Result<()> {
    for (i, row) in xray.rows.iter().enumerate() {
        let (top, bottom) = layout.band(i);
        let mut xs: Vec<i32> = row
            .positions
            .iter()
            .filter(|p| p.is_finite())
            .map(|&p| layout.x_of(p))
            .collect();
        xs.sort_unstable();
        // Occurrences in one pixel column share a tick, a darker one the more there are.
        for column in xs.chunk_by(|a, b| a == b) {
            let alpha = 1.0 - (1.0 - TICK_COLOR.3).powi(column.len().min(8) as i32);
            let color = RGBAColor(TICK_COLOR.0, TICK_COLOR.1, TICK_COLOR.2, alpha);
            let x = column[0];
            draw_line(
                root,
                vec![(x, top + TICK_INSET), (x, bottom - TICK_INSET)],
                hairline(color),
                path,
            )?;
        }
    }
    Ok(())
}

/// The axis under the bands, the boundary labels and the caption.
fn draw_axis<DB: Surface>(
    root: &Area<DB>,
    xray: &XRay,
    layout: &Layout,
    path: &Path,
) -> Result<()> {
    let bottom = layout.bottom();
    draw_line(
        root,
        vec![(layout.left, bottom), (layout.right - 1, bottom)],
        theme::AXIS_LINE,
        path,
    )?;
    if xray.boundaries.is_empty() {
        for i in 0..=4 {
            let p = f64::from(i) / 4.0;
            let x = layout.left + (p * f64::from(layout.right - layout.left)).round() as i32;
            draw_line(
                root,
                vec![(x, bottom), (x, bottom + 6)],
                theme::AXIS_LINE,
                path,
            )?;
            draw_text(
                root,
                &format!("{}%", i * 25),
                (x, bottom + 10),
                &style(theme::TICK_SIZE, theme::MUTED, HPos::Center, VPos::Top),
                path,
            )?;
        }
    }
    let upwards = style(theme::TICK_SIZE, theme::MUTED, HPos::Right, VPos::Center)
        .transform(FontTransform::Rotate270);
    for (i, label) in &layout.shown {
        let x = layout.x_of(xray.boundaries[*i].0);
        draw_line(
            root,
            vec![(x, bottom), (x, bottom + 6)],
            theme::AXIS_LINE,
            path,
        )?;
        draw_text(root, label, (x, bottom + 10), &upwards, path)?;
    }
    let caption_top = bottom + 12 + layout.boundary_label_height + 12;
    // Centred under the bands, but inside the page: as wide as the page if need be.
    let page = root.dim_in_pixel().0 as i32;
    let caption = fit(
        &xray.x_label,
        theme::LABEL_SIZE,
        (page - 2 * theme::MARGIN).max(0) as u32,
    );
    let half = text_width(&caption, theme::LABEL_SIZE) as i32 / 2;
    let x = ((layout.left + layout.right) / 2).clamp(
        theme::MARGIN + half,
        (page - theme::MARGIN - half).max(theme::MARGIN + half),
    );
    draw_text(
        root,
        &caption,
        (x, caption_top),
        &style(theme::LABEL_SIZE, theme::TEXT, HPos::Center, VPos::Top),
        path,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::charts::canvas::tests::draw_everywhere;

    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n";

    fn xray(rows: Vec<XRayRow>, boundaries: Vec<(f64, String)>) -> XRay {
        XRay {
            title: "Where the words fall".into(),
            subtitle: "Every occurrence in the State of the Union addresses, 1790-2026".into(),
            x_label: "position in the corpus (speeches in corpus order)".into(),
            rows,
            boundaries,
        }
    }

    /// A cheap deterministic pseudo-random number in [0, 1).
    fn noise(i: u64) -> f64 {
        let mut x = i.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xD1B5_4A32_D192_ED03;
        x ^= x >> 29;
        x = x.wrapping_mul(0xBF58_476D_1CE4_E5B9);
        x ^= x >> 32;
        (x >> 11) as f64 / (1u64 << 53) as f64
    }

    /// `n` speeches of uneven length, labelled like "1790 Washington".
    fn speeches(n: usize) -> Vec<(f64, String)> {
        let lengths: Vec<f64> = (0..n).map(|i| 0.3 + noise(i as u64 + 9)).collect();
        let total: f64 = lengths.iter().sum();
        let presidents = [
            "Washington",
            "Adams",
            "Jefferson",
            "Lincoln",
            "Roosevelt",
            "Obama",
        ];
        let mut start = 0.0;
        lengths
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let year = 1790 + i * 236 / n.max(1);
                let b = (start / total, format!("{year} {}", presidents[i % 6]));
                start += l;
                b
            })
            .collect()
    }

    /// Terms with occurrences clustered in a few stretches of the corpus.
    fn terms() -> Vec<XRayRow> {
        let words = [
            ("freedom", 0.7, 900),
            ("slavery", 0.3, 300),
            ("war", 0.5, 1500),
            ("terror", 0.93, 250),
            ("economy", 0.8, 700),
            ("railroad", 0.4, 120),
            (
                "a very long term that will not fit in the label column at all",
                0.1,
                40,
            ),
            ("internet", 0.96, 0),
        ];
        words
            .iter()
            .enumerate()
            .map(|(k, &(label, center, n))| XRayRow {
                label: label.into(),
                positions: (0..n)
                    .map(|i| {
                        let spread = if i % 3 == 0 { 1.0 } else { 0.12 };
                        let p = center + spread * (noise(k as u64 * 10_000 + i) - 0.5);
                        p.rem_euclid(1.0)
                    })
                    .collect(),
            })
            .collect()
    }

    fn probe_layout(xray: &XRay) -> Layout {
        theme::ensure_font().unwrap();
        Layout::new(xray, 1600, f64::from(ROW_HEIGHT))
    }

    /// NLTK's dispersion plot once labelled its rows in reverse; here each label must sit in
    /// the band of its own ticks, first row at the top.
    #[test]
    fn each_label_sits_in_the_band_of_its_own_term() {
        let chart = xray(terms(), speeches(20));
        let layout = probe_layout(&chart);
        assert_eq!(layout.labels.len(), chart.rows.len());
        for (i, row) in chart.rows.iter().enumerate() {
            let fitted = layout.labels[i].trim_end_matches('…');
            assert!(row.label.starts_with(fitted), "{i}: {fitted}");
            assert_eq!(
                layout.counts[i],
                theme::format_number(row.positions.len() as f64, 0)
            );
        }
        let bands: Vec<(i32, i32)> = (0..chart.rows.len()).map(|i| layout.band(i)).collect();
        assert_eq!(bands[0].0, TOP);
        assert!(bands.windows(2).all(|w| w[0].1 <= w[1].0), "{bands:?}");
        assert_eq!(layout.bottom(), bands[bands.len() - 1].1);
    }

    #[test]
    fn boundary_labels_keep_apart_and_start_with_the_first() {
        assert_eq!(shown_labels(&[0, 5, 10, 30, 31, 60], 27), [0, 3, 5]);
        assert_eq!(shown_labels(&[100], 27), [0]);
        assert!(shown_labels(&[], 27).is_empty());
        let chart = xray(terms(), speeches(5684));
        let layout = probe_layout(&chart);
        let xs: Vec<i32> = layout
            .shown
            .iter()
            .map(|&(i, _)| layout.x_of(chart.boundaries[i].0))
            .collect();
        assert_eq!(layout.shown[0].0, 0);
        assert!(xs.windows(2).all(|w| w[1] - w[0] >= BOUNDARY_LABEL_STEP));
        assert!(xs.len() > 30, "{}", xs.len());
    }

    /// The UN Security Council corpus names its speeches "UNSC_2002_SPV.4644_spch001":
    /// written whole, not "UNSC_2002_SPV.4644_…", which hid the only part that differs.
    #[test]
    fn boundary_labels_are_whole_speech_names() {
        let names = [
            "UNSC_2002_SPV.4644_spch001",
            "UNSC_2003_SPV.4726Resumption1_spch065",
            "2016-S_PV.7847-Koncke",
        ];
        let boundaries = names
            .iter()
            .enumerate()
            .map(|(i, n)| (i as f64 / 3.0, (*n).to_owned()))
            .collect();
        let layout = probe_layout(&xray(terms(), boundaries));
        let shown: Vec<&str> = layout.shown.iter().map(|(_, l)| l.as_str()).collect();
        assert_eq!(shown, names);
        let longest = text_width(names[1], theme::TICK_SIZE) as i32;
        assert_eq!(layout.boundary_label_height, longest);
    }

    #[test]
    fn positions_stay_inside_the_plot() {
        let layout = probe_layout(&xray(terms(), vec![]));
        assert_eq!(layout.x_of(0.0), layout.left);
        assert_eq!(layout.x_of(0.999_999), layout.right - 1);
        assert_eq!(layout.x_of(1.0), layout.right - 1);
        assert_eq!(layout.x_of(-0.5), layout.left);
        assert_eq!(layout.x_of(f64::NAN), layout.left);
    }

    #[test]
    fn the_chart_draws_in_both_formats_at_any_width_and_height() {
        for (name, chart) in [
            ("many", xray(terms(), speeches(250))),
            ("none", xray(vec![], vec![])),
        ] {
            draw_everywhere(&format!("xray_{name}"), |canvas| draw(&chart, canvas));
        }
    }

    #[test]
    fn the_chart_draws_even_when_empty_or_tiny() {
        let dir = tempfile::tempdir().unwrap();
        let empty_row = XRayRow {
            label: "internet".into(),
            positions: vec![],
        };
        let cases = [
            ("empty.png", xray(vec![], vec![])),
            ("no_rows.png", xray(vec![], speeches(10))),
            ("one_row.png", xray(terms()[..1].to_vec(), speeches(3))),
            ("no_occurrences.png", xray(vec![empty_row], vec![])),
            ("many.png", xray(terms(), speeches(5000))),
        ];
        for (name, chart) in cases {
            let canvas = Canvas::png(dir.path().join(name));
            draw(&chart, &canvas).unwrap();
            let bytes = std::fs::read(&canvas.path).unwrap();
            assert!(bytes.starts_with(PNG), "{name}");
        }
    }

    /// Draws the charts a person looks at: `cargo test --release --lib xray -- --ignored`.
    #[test]
    #[ignore]
    fn draw_xrays_to_look_at() {
        draw(
            &xray(terms(), speeches(250)),
            &Canvas::png("/tmp/xray_check.png"),
        )
        .unwrap();
        draw(
            &xray(terms(), speeches(5684)),
            &Canvas::png("/tmp/xray_many.png"),
        )
        .unwrap();
        let parties = [
            "Federalist",
            "Democratic-Republican",
            "Whig",
            "Democratic",
            "Republican",
        ]
        .iter()
        .enumerate()
        .map(|(i, p)| (i as f64 / 5.0, (*p).to_owned()))
        .collect();
        draw(
            &xray(terms()[..1].to_vec(), parties),
            &Canvas::png("/tmp/xray_one.png"),
        )
        .unwrap();
        let twelve: Vec<XRayRow> = terms().into_iter().cycle().take(12).collect();
        draw(&xray(twelve, vec![]), &Canvas::png("/tmp/xray_twelve.png")).unwrap();
    }
}
