//! The one look of every chart: margins, embedded font, colour-blind-safe colours, and the
//! text helpers that keep labels inside their space (measured, then cut with an ellipsis).
//! The drawing helpers take an area of any [`Surface`], so one drawing code makes both PNG
//! and SVG.

use std::path::Path;
use std::sync::OnceLock;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{FontStyle, FontTransform};

use crate::error::{Error, Result};

/// DejaVu Sans, shipped in the binary so charts draw on machines without fonts.
const FONT_BYTES: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans.ttf");
/// The name the embedded font is registered under, and the font family an SVG names: a CSS
/// list, so a viewer without DejaVu Sans uses its own sans-serif font (narrower than DejaVu
/// Sans, so measured text still fits).
pub const FONT: &str = "DejaVu Sans, sans-serif";

pub const MARGIN: i32 = 40;
pub const TITLE_SIZE: f64 = 34.0;
pub const SUBTITLE_SIZE: f64 = 22.0;
pub const LABEL_SIZE: f64 = 21.0;
pub const TICK_SIZE: f64 = 19.0;

pub const TEXT: RGBColor = RGBColor(33, 33, 33);
pub const MUTED: RGBColor = RGBColor(100, 100, 100);
/// Okabe-Ito blue, the bar colour.
pub const BAR: RGBColor = RGBColor(0, 114, 178);

/// Light grid lines behind bars.
pub const GRID_LINE: ShapeStyle = ShapeStyle {
    color: RGBAColor(225, 225, 225, 1.0),
    filled: false,
    stroke_width: 1,
};

/// The axis a bar starts from.
pub const AXIS_LINE: ShapeStyle = ShapeStyle {
    color: RGBAColor(80, 80, 80, 1.0),
    filled: false,
    stroke_width: 2,
};

/// Makes the embedded font available to plotters (once per process).
pub fn ensure_font() -> std::result::Result<(), String> {
    static REGISTERED: OnceLock<bool> = OnceLock::new();
    let ok = *REGISTERED.get_or_init(|| {
        plotters::style::register_font(FONT, FontStyle::Normal, FONT_BYTES).is_ok()
    });
    if ok {
        Ok(())
    } else {
        Err("the embedded font could not be loaded".into())
    }
}

/// A backend a chart can be drawn on: plotters' bitmap backend (PNG) or its SVG backend.
pub trait Surface: DrawingBackend {
    /// Whether the backend draws shapes rather than pixels: a thick line is then one path,
    /// not thousands of pixels.
    const VECTOR: bool;
}

impl Surface for BitMapBackend<'_> {
    const VECTOR: bool = false;
}

impl Surface for SVGBackend<'_> {
    const VECTOR: bool = true;
}

/// The whole image of a chart, on either backend.
pub type Area<DB> = DrawingArea<DB, Shift>;

/// A drawing error, named after the chart file.
pub fn chart_error(path: &Path, message: impl ToString) -> Error {
    Error::Chart {
        path: path.to_path_buf(),
        message: message.to_string(),
    }
}

pub fn style(size: f64, color: RGBColor, h: HPos, v: VPos) -> TextStyle<'static> {
    TextStyle {
        font: (FONT, size).into_font(),
        color: color.to_backend_color(),
        pos: Pos::new(h, v),
    }
}

/// Width in pixels of `text` at `size`, in the embedded font (for either backend). Call
/// [`ensure_font`] first: without the font every width is 0.
pub fn text_width(text: &str, size: f64) -> u32 {
    (FONT, size)
        .into_font()
        .box_size(text)
        .map_or(0, |(w, _)| w)
}

/// `text` shortened with an ellipsis until it fits `max_width` pixels.
pub fn fit(text: &str, size: f64, max_width: u32) -> String {
    if text_width(text, size) <= max_width {
        return text.to_owned();
    }
    let chars: Vec<char> = text.chars().collect();
    for keep in (0..chars.len()).rev() {
        let candidate: String = chars[..keep]
            .iter()
            .collect::<String>()
            .trim_end()
            .to_owned()
            + "…";
        if text_width(&candidate, size) <= max_width {
            return candidate;
        }
    }
    "…".to_owned()
}

/// Draws `text` with its anchor at `(x, y)`. An SVG's text is placed and sized to match the
/// PNG's: see [`vector_text`].
pub fn draw_text<DB: Surface>(
    area: &Area<DB>,
    text: &str,
    (x, y): (i32, i32),
    style: &TextStyle<'_>,
    path: &Path,
) -> Result<()> {
    let (style, at) = if DB::VECTOR {
        vector_text(style, (x, y))
    } else {
        (style.clone(), (x, y))
    };
    area.draw(&Text::new(text.to_owned(), at, style))
        .map_err(|e| chart_error(path, e))
}

/// Height of DejaVu Sans from its ascender to its descender, in ems (2384 / 2048 units): the
/// bitmap backend scales a glyph so that this height is the font size.
const FONT_HEIGHT_EM: f64 = 2384.0 / 2048.0;
/// Half an ex, in ems, where an SVG viewer puts the baseline of vertically centred text
/// (DejaVu Sans' x-height is 0.55 em; some viewers take an ex as 0.5 em).
const HALF_EX_EM: f64 = 0.26;

/// The style and anchor that draw text in an SVG as the bitmap backend draws it. plotters'
/// SVG backend writes a font size of `size / 1.24` and moves the baseline by 0.76 em (top),
/// 0.5 ex (centre) or -0.5 ex (bottom); its bitmap backend draws glyphs `size` high from
/// ascender to descender, the baseline `size / 2` under the top of a box `size / 1.24` high.
/// So the SVG's size is raised to the bitmap's em, and the anchor moved (across the text's
/// line, when the text is turned) to put the baseline where the bitmap's is.
fn vector_text<'a>(style: &TextStyle<'a>, (x, y): (i32, i32)) -> (TextStyle<'a>, (i32, i32)) {
    let size = style.font.get_size();
    let em = size / FONT_HEIGHT_EM;
    let layout_height = (size / 1.24).floor();
    let bitmap_baseline = match style.pos.v_pos {
        VPos::Top => 0.0,
        VPos::Center => -(layout_height / 2.0).floor(),
        VPos::Bottom => -layout_height,
    } + size / 2.0;
    let svg_baseline = match style.pos.v_pos {
        VPos::Top => 0.76 * em,
        VPos::Center => HALF_EX_EM * em,
        VPos::Bottom => -HALF_EX_EM * em,
    };
    let shift = (bitmap_baseline - svg_baseline).round() as i32;
    let at = match style.font.get_transform() {
        FontTransform::None => (x, y + shift),
        FontTransform::Rotate90 => (x - shift, y),
        FontTransform::Rotate180 => (x, y - shift),
        FontTransform::Rotate270 => (x + shift, y),
    };
    let mut style = style.clone();
    style.font = style.font.resize(em * 1.24);
    (style, at)
}

/// Draws a filled rectangle between two pixel corners.
pub fn fill_rect<DB: Surface>(
    area: &Area<DB>,
    corners: [(i32, i32); 2],
    color: RGBColor,
    path: &Path,
) -> Result<()> {
    area.draw(&Rectangle::new(corners, color.filled()))
        .map_err(|e| chart_error(path, e))
}

/// Draws a straight line through pixel points.
pub fn draw_line<DB: Surface>(
    area: &Area<DB>,
    points: Vec<(i32, i32)>,
    style: ShapeStyle,
    path: &Path,
) -> Result<()> {
    area.draw(&PathElement::new(points, style))
        .map_err(|e| chart_error(path, e))
}

/// Title and subtitle at the top left.
pub fn draw_heading<DB: Surface>(
    area: &Area<DB>,
    title: &str,
    subtitle: &str,
    path: &Path,
) -> Result<()> {
    let width = area.dim_in_pixel().0.saturating_sub(2 * MARGIN as u32);
    let title = fit(title, TITLE_SIZE, width);
    draw_text(
        area,
        &title,
        (MARGIN, 24),
        &style(TITLE_SIZE, TEXT, HPos::Left, VPos::Top),
        path,
    )?;
    let subtitle = fit(subtitle, SUBTITLE_SIZE, width);
    draw_text(
        area,
        &subtitle,
        (MARGIN, 72),
        &style(SUBTITLE_SIZE, MUTED, HPos::Left, VPos::Top),
        path,
    )
}

/// Round tick values from 0 to at least `max`: steps of 1, 2 or 5 times a power of ten.
pub fn nice_ticks(max: f64, target_count: usize) -> Vec<f64> {
    if max.is_nan() || max <= 0.0 || max.is_infinite() {
        return vec![0.0, 1.0];
    }
    let raw = max / target_count.max(1) as f64;
    let power = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .find(|&s| s >= raw)
        .unwrap_or(10.0 * power);
    let n = (max / step).ceil() as usize;
    (0..=n).map(|i| i as f64 * step).collect()
}

/// A number for a chart label: thousands separated, at most `decimals` decimals, no
/// trailing zeros ("12.5", "100").
pub fn format_number(value: f64, decimals: usize) -> String {
    let fixed = format_fixed(value, decimals);
    match fixed.split_once('.') {
        Some((integer, fraction)) => match fraction.trim_end_matches('0') {
            "" => integer.to_owned(),
            fraction => format!("{integer}.{fraction}"),
        },
        None => fixed,
    }
}

/// A number with exactly `decimals` decimals, thousands separated ("1,234.0"), so a column
/// of values lines up.
pub fn format_fixed(value: f64, decimals: usize) -> String {
    let text = format!("{value:.decimals$}");
    let (integer, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let (sign, digits) = match integer.strip_prefix('-') {
        Some(d) => ("-", d),
        None => ("", integer),
    };
    let mut grouped = String::with_capacity(text.len() + digits.len() / 3);
    grouped.push_str(sign);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    if !fraction.is_empty() {
        grouped.push('.');
        grouped.push_str(fraction);
    }
    grouped
}

/// A colour of the viridis scale (dark purple at 0, yellow at 1): perceptually uniform and
/// readable by colour-blind readers and in greyscale.
pub fn viridis(t: f64) -> RGBColor {
    const STOPS: [(f64, f64, f64); 6] = [
        (68.0, 1.0, 84.0),
        (65.0, 68.0, 135.0),
        (42.0, 120.0, 142.0),
        (34.0, 168.0, 132.0),
        (122.0, 209.0, 81.0),
        (253.0, 231.0, 37.0),
    ];
    let t = if t.is_finite() {
        t.clamp(0.0, 1.0)
    } else {
        0.0
    };
    let scaled = t * (STOPS.len() - 1) as f64;
    let i = (scaled.floor() as usize).min(STOPS.len() - 2);
    let f = scaled - i as f64;
    let (a, b) = (STOPS[i], STOPS[i + 1]);
    let mix = |x: f64, y: f64| (x + (y - x) * f).round() as u8;
    RGBColor(mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
}

/// Text colour readable on `background`.
pub fn text_on(background: RGBColor) -> RGBColor {
    let RGBColor(r, g, b) = background;
    let luminance = 0.2126 * f64::from(r) + 0.7152 * f64::from(g) + 0.0722 * f64::from(b);
    if luminance < 140.0 {
        RGBColor(255, 255, 255)
    } else {
        TEXT
    }
}

/// The axis titles of an x-y chart: the x title centred at `(x, top)` under the axis, the y
/// title at the left margin at height `y_top`, both fitted to the page.
pub fn draw_axis_titles<DB: Surface>(
    root: &Area<DB>,
    (x_title, x, top): (&str, i32, i32),
    (y_title, y_top): (&str, i32),
    path: &Path,
) -> Result<()> {
    let page = root.dim_in_pixel().0 as i32;
    let width = (page - 2 * MARGIN).max(0) as u32;
    draw_text(
        root,
        &fit(y_title, LABEL_SIZE, width),
        (MARGIN, y_top),
        &style(LABEL_SIZE, TEXT, HPos::Left, VPos::Top),
        path,
    )?;
    // Centred under the axis, but inside the page.
    let x_title = fit(x_title, LABEL_SIZE, width);
    let half = text_width(&x_title, LABEL_SIZE) as i32 / 2;
    let x = x.clamp(MARGIN + half, (page - MARGIN - half).max(MARGIN + half));
    draw_text(
        root,
        &x_title,
        (x, top),
        &style(LABEL_SIZE, TEXT, HPos::Center, VPos::Top),
        path,
    )
}

/// Decimals enough to tell ticks `step` apart.
pub fn tick_decimals(step: f64) -> usize {
    if !step.is_finite() || step <= 0.0 || step >= 1.0 {
        0
    } else {
        ((-step.log10().floor()) as usize).min(12)
    }
}

/// Round ticks from 0 to at least `max` for an axis `width` pixels long, at most
/// `max_intervals` steps: the shortest axis (the longest bars) whose tick labels keep apart,
/// and of those the one with most ticks.
pub fn fitted_ticks(max: f64, width: i32, size: f64, max_intervals: usize) -> Vec<f64> {
    let mut best: Option<Vec<f64>> = None;
    for target in 1..=max_intervals.max(1) {
        let ticks = nice_ticks(max, target);
        let decimals = tick_decimals(ticks.get(1).copied().unwrap_or(1.0));
        let widest = ticks
            .iter()
            .map(|&t| text_width(&format_number(t, decimals), size))
            .max()
            .unwrap_or(0) as i32;
        let intervals = ticks.len().max(2) - 1;
        let fits = intervals <= max_intervals && width / intervals as i32 >= widest + 12;
        let better = best.as_ref().is_none_or(|b| {
            let (end, best_end) = (ticks.last(), b.last());
            end < best_end || (end == best_end && ticks.len() > b.len())
        });
        if fits && better {
            best = Some(ticks);
        }
    }
    best.unwrap_or_else(|| nice_ticks(max, 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round_and_cover_the_maximum() {
        assert_eq!(nice_ticks(95.0, 5), [0.0, 20.0, 40.0, 60.0, 80.0, 100.0]);
        assert_eq!(nice_ticks(3.0, 6), [0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0]);
        assert_eq!(nice_ticks(0.0, 5), [0.0, 1.0]);
    }

    #[test]
    fn numbers_are_grouped_and_trimmed() {
        assert_eq!(format_number(1234567.0, 0), "1,234,567");
        assert_eq!(format_number(12.50, 1), "12.5");
        assert_eq!(format_number(100.0, 1), "100");
        assert_eq!(format_number(-1234.25, 2), "-1,234.25");
        assert_eq!(format_number(0.04, 1), "0");
        assert_eq!(format_fixed(34.0, 1), "34.0");
        assert_eq!(format_fixed(-1234.25, 1), "-1,234.2");
    }

    #[test]
    fn viridis_runs_from_purple_to_yellow() {
        assert_eq!(viridis(0.0), RGBColor(68, 1, 84));
        assert_eq!(viridis(1.0), RGBColor(253, 231, 37));
        assert_eq!(viridis(f64::NAN), viridis(0.0));
        assert_eq!(text_on(viridis(0.0)), RGBColor(255, 255, 255));
        assert_eq!(text_on(viridis(1.0)), TEXT);
    }
}
