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

#[cfg(test)]
thread_local! {
    /// Bytes of text measured on this thread, for the test that keeps label fitting linear.
    static MEASURED_BYTES: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Width in pixels of `text` at `size`, in the embedded font (for either backend); 0 if the
/// font could not be loaded, which drawing reports.
pub fn text_width(text: &str, size: f64) -> u32 {
    if text.len() > MAX_LABEL_BYTES {
        return TOO_WIDE;
    }
    // Measured before any chart is drawn (label placement, fitting): load the font here,
    // once, rather than trust every caller to.
    if ensure_font().is_err() {
        return 0;
    }
    #[cfg(test)]
    MEASURED_BYTES.with(|m| m.set(m.get() + text.len()));
    (FONT, size)
        .into_font()
        .box_size(text)
        .map_or(0, |(w, _)| w)
}

/// Text longer than this, in bytes, is wider than any chart (10,000 pixels at most): it is
/// never measured whole, nor drawn past this length.
const MAX_LABEL_BYTES: usize = 40_000;
/// The width [`text_width`] gives text longer than [`MAX_LABEL_BYTES`]: wider than any chart,
/// yet small enough to add up.
const TOO_WIDE: u32 = 100_000;

/// The first `max_bytes` bytes of `text` or a little fewer, cut on a character boundary.
fn cut_to_bytes(text: &str, max_bytes: usize) -> &str {
    let mut end = max_bytes.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// The longest prefix of `text` (whole characters) that `fits`, where `fits` holds for the
/// prefixes up to some length and for none longer; empty when none fits. Prefixes of 1, 2,
/// 4, ... characters are tried until one does not fit, then the length between is halved:
/// each prefix measured is at most twice the answer, and there are about 2 log2 of them, so
/// fitting costs about the length shown, never the length of the whole text.
fn longest_fitting(text: &str, fits: impl Fn(&str) -> bool) -> &str {
    let ends: Vec<usize> = text
        .char_indices()
        .map(|(at, c)| at + c.len_utf8())
        .collect();
    let prefix = |chars: usize| match chars {
        0 => "",
        n => &text[..ends[n - 1]],
    };
    // `low` characters fit; `high` do not, or are more than there are.
    let (mut low, mut high) = (0, 1);
    while high <= ends.len() && fits(prefix(high)) {
        low = high;
        high *= 2;
    }
    high = high.min(ends.len() + 1);
    while high - low > 1 {
        let middle = low + (high - low) / 2;
        if fits(prefix(middle)) {
            low = middle;
        } else {
            high = middle;
        }
    }
    prefix(low)
}

/// `text` shortened with an ellipsis until it fits `max_width` pixels.
pub fn fit(text: &str, size: f64, max_width: u32) -> String {
    if text_width(text, size) <= max_width {
        return text.to_owned();
    }
    let shortened = |prefix: &str| format!("{}…", prefix.trim_end());
    let text = cut_to_bytes(text, MAX_LABEL_BYTES);
    shortened(longest_fitting(text, |prefix| {
        text_width(&shortened(prefix), size) <= max_width
    }))
}

/// `text` in at most `max_lines` lines of at most `max_width` pixels at `size`. Lines break
/// at spaces and after `-`, `_` and `/` (which stay at the end of their line); a piece
/// wider than a line on its own is broken between characters. Only when the text needs more
/// than `max_lines` lines is the last line shortened with an ellipsis, so a label whose
/// lines fit is shown whole. Empty text gives no lines; text longer than any chart shows is
/// cut first, with an ellipsis.
pub fn wrap(text: &str, size: f64, max_width: u32, max_lines: usize) -> Vec<String> {
    let max_lines = max_lines.max(1);
    let cut;
    let text = if text.len() > MAX_LABEL_BYTES {
        cut = format!("{}…", cut_to_bytes(text, MAX_LABEL_BYTES));
        cut.as_str()
    } else {
        text
    };
    // Each piece with whether a space followed it.
    let mut pieces: Vec<(&str, bool)> = Vec::new();
    for word in text.split_whitespace() {
        pieces.extend(word.split_inclusive(['-', '_', '/']).map(|p| (p, false)));
        if let Some(last) = pieces.last_mut() {
            last.1 = true;
        }
    }
    let fits = |t: &str| text_width(t, size) <= max_width;
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut i = 0;
    while i < pieces.len() {
        if lines.len() + 1 == max_lines {
            // The last line: whatever is left, shortened if need be.
            for (piece, space) in &pieces[i..] {
                line.push_str(piece);
                if *space {
                    line.push(' ');
                }
            }
            lines.push(fit(line.trim_end(), size, max_width));
            return lines;
        }
        let (piece, space) = pieces[i];
        if line.is_empty() {
            // As many characters of the piece as fit, at least one; the rest on the next
            // line. Measured from the start, never the whole of a long piece.
            let head = match longest_fitting(piece, fits) {
                "" => cut_to_bytes(piece, piece.chars().next().map_or(0, char::len_utf8)),
                head => head,
            };
            if head.len() < piece.len() {
                lines.push(head.to_owned());
                pieces[i].0 = &piece[head.len()..];
                continue;
            }
            line.push_str(piece);
            if space {
                line.push(' ');
            }
            i += 1;
            continue;
        }
        let longer = format!("{line}{piece}");
        if fits(longer.trim_end()) {
            line = longer;
            if space {
                line.push(' ');
            }
            i += 1;
        } else {
            lines.push(line.trim_end().to_owned());
            line.clear();
        }
    }
    if !line.trim_end().is_empty() {
        lines.push(line.trim_end().to_owned());
    }
    lines
}

/// Whether `lines` hold all of `text` (as [`wrap`] breaks it, spaces aside): nothing left
/// out, nothing shortened.
pub fn is_whole(lines: &[String], text: &str) -> bool {
    let squeezed = |t: &str| t.split_whitespace().collect::<String>();
    squeezed(&lines.concat()) == squeezed(text)
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
    // What lies past this is outside any chart: not laid out glyph by glyph.
    let text = cut_to_bytes(text, MAX_LABEL_BYTES);
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

/// Smallest size a title is shrunk to before it is shortened.
const MIN_TITLE_SIZE: f64 = 24.0;
/// Smallest size a subtitle is shrunk to on one line, before it takes two lines.
const MIN_SUBTITLE_SIZE: f64 = 18.0;
/// Sizes of a subtitle in two lines, tried in turn; the second line ends above
/// [`HEADING_BOTTOM`].
const TWO_LINE_SUBTITLE_SIZES: [f64; 2] = [17.0, 15.0];
/// Top of the title.
const TITLE_TOP: i32 = 24;
/// Size of a title in two lines, and the distance between the lines.
const TWO_LINE_TITLE_SIZE: f64 = 22.0;
const TWO_LINE_TITLE_STEP: i32 = 25;
/// Top of the subtitle under a title of one line.
const SUBTITLE_TOP: i32 = 72;
/// The lowest the heading reaches: every chart's content starts below it.
pub const HEADING_BOTTOM: i32 = 110;

/// A heading as drawn: the title and the subtitle, each in one line or two.
#[derive(Debug, Clone, PartialEq)]
pub struct Heading {
    pub title: Vec<String>,
    pub title_size: f64,
    pub subtitle: Vec<String>,
    pub subtitle_size: f64,
}

impl Heading {
    /// The heading of `title` and `subtitle` for `width` pixels: full size when they fit;
    /// else smaller, in two lines if need be, always ending above [`HEADING_BOTTOM`];
    /// shortened only when even the smallest sizes do not fit.
    pub fn new(title: &str, subtitle: &str, width: u32) -> Heading {
        let one_line = shrunk_to_fit(title, TITLE_SIZE, MIN_TITLE_SIZE, width);
        let (title_size, title) = if text_width(title, one_line) <= width {
            (one_line, vec![title.to_owned()])
        } else {
            (
                TWO_LINE_TITLE_SIZE,
                wrap(title, TWO_LINE_TITLE_SIZE, width, 2),
            )
        };
        let mut heading = Heading {
            title,
            title_size,
            subtitle: Vec::new(),
            subtitle_size: SUBTITLE_SIZE,
        };
        let fits = |h: &Heading| {
            let last = h.subtitle_tops().last().copied().unwrap_or(0);
            last + h.subtitle_size.ceil() as i32 <= HEADING_BOTTOM
        };
        let one_line = shrunk_to_fit(subtitle, SUBTITLE_SIZE, MIN_SUBTITLE_SIZE, width);
        if text_width(subtitle, one_line) <= width {
            heading.subtitle = vec![subtitle.to_owned()];
            heading.subtitle_size = one_line;
            return heading;
        }
        for size in TWO_LINE_SUBTITLE_SIZES {
            // Three lines at most: enough to tell whether two hold it.
            heading.subtitle = wrap(subtitle, size, width, 3);
            heading.subtitle_size = size;
            if heading.subtitle.len() <= 2 && fits(&heading) {
                return heading;
            }
        }
        let smallest = TWO_LINE_SUBTITLE_SIZES[TWO_LINE_SUBTITLE_SIZES.len() - 1];
        heading.subtitle = wrap(subtitle, smallest, width, 2);
        heading.subtitle_size = smallest;
        heading
    }

    /// Top of each title line.
    pub fn title_tops(&self) -> Vec<i32> {
        (0..self.title.len() as i32)
            .map(|i| TITLE_TOP + i * TWO_LINE_TITLE_STEP)
            .collect()
    }

    /// Top of each subtitle line: under the title.
    pub fn subtitle_tops(&self) -> Vec<i32> {
        let top = if self.title.len() > 1 {
            TITLE_TOP + 2 * TWO_LINE_TITLE_STEP + 2
        } else {
            SUBTITLE_TOP
        };
        let step = (self.subtitle_size * 1.15).round() as i32;
        (0..self.subtitle.len() as i32)
            .map(|i| top + i * step)
            .collect()
    }
}

/// The largest size from `size` down to `least`, in steps of one pixel, at which `text` is
/// at most `width` pixels wide; `least` when none is.
fn shrunk_to_fit(text: &str, size: f64, least: f64, width: u32) -> f64 {
    let mut s = size;
    while s > least && text_width(text, s) > width {
        s -= 1.0;
    }
    s.max(least)
}

/// Title and subtitle at the top left, within the margins: shrunk (the subtitle perhaps in
/// two lines) rather than cut; see [`Heading::new`].
pub fn draw_heading<DB: Surface>(
    area: &Area<DB>,
    title: &str,
    subtitle: &str,
    path: &Path,
) -> Result<()> {
    let width = area.dim_in_pixel().0.saturating_sub(2 * MARGIN as u32);
    let heading = Heading::new(title, subtitle, width);
    for (line, top) in heading.title.iter().zip(heading.title_tops()) {
        draw_text(
            area,
            line,
            (MARGIN, top),
            &style(heading.title_size, TEXT, HPos::Left, VPos::Top),
            path,
        )?;
    }
    for (line, top) in heading.subtitle.iter().zip(heading.subtitle_tops()) {
        draw_text(
            area,
            line,
            (MARGIN, top),
            &style(heading.subtitle_size, MUTED, HPos::Left, VPos::Top),
            path,
        )?;
    }
    Ok(())
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

/// Most decimals [`format_significant`] writes: smaller values are written as 0.
const MAX_SIGNIFICANT_DECIMALS: usize = 12;

/// A number for a chart label with `digits` significant digits, so that a small value keeps
/// its size ("0.04", "0.0031", "1.3", "12" with 2 digits): decimals only as many as the
/// digits need, never rounding the integer part ("1,234" stays whole), thousands separated,
/// no trailing zeros; 0 is "0". Values below 10^-12 are written as 0.
pub fn format_significant(value: f64, digits: usize) -> String {
    format_number(value, significant_decimals(value, digits))
}

/// The decimals that give `value` `digits` significant digits, none for its integer part
/// (at most [`MAX_SIGNIFICANT_DECIMALS`]; none for 0 or a value that is not finite).
pub fn significant_decimals(value: f64, digits: usize) -> usize {
    if !value.is_finite() || value == 0.0 {
        return 0;
    }
    let magnitude = value.abs().log10().floor() as i64;
    (digits.max(1) as i64 - 1 - magnitude).clamp(0, MAX_SIGNIFICANT_DECIMALS as i64) as usize
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
    fn significant_digits_keep_small_numbers_visible() {
        let cases: [(f64, usize, &str); 16] = [
            (0.04, 2, "0.04"),
            (0.0412, 2, "0.041"),
            (1.34, 2, "1.3"),
            (12.4, 2, "12"),
            (0.00312, 2, "0.0031"),
            (86.9, 2, "87"),
            (103.2, 2, "103"),
            (12345.6, 2, "12,346"),
            (0.0996, 2, "0.1"),
            (9.96, 2, "10"),
            (1.0, 2, "1"),
            (0.0, 2, "0"),
            (-0.0412, 2, "-0.041"),
            (0.012345, 3, "0.0123"),
            (5.0, 0, "5"),
            (1e-20, 2, "0"),
        ];
        for (value, digits, expected) in cases {
            assert_eq!(
                format_significant(value, digits),
                expected,
                "{value} {digits}"
            );
        }
        assert_eq!(format_significant(f64::NAN, 2), "NaN");
    }

    #[test]
    fn text_wraps_between_words_and_after_hyphens() {
        ensure_font().unwrap();
        let width = |t: &str| text_width(t, TICK_SIZE);
        let cases: [(&str, u32, usize, &[&str]); 7] = [
            (
                "1 - cosine (average linkage)",
                width("1 - cosine (average"),
                3,
                &["1 - cosine (average", "linkage)"],
            ),
            (
                "Democratic-Republican",
                width("Democratic-Rep"),
                2,
                &["Democratic-", "Republican"],
            ),
            (
                "UNSC_2002_SPV.4644_spch001",
                width("UNSC_2002_SPV.4644_"),
                2,
                &["UNSC_2002_SPV.4644_", "spch001"],
            ),
            (
                "National Union",
                width("National Union"),
                2,
                &["National Union"],
            ),
            // A piece wider than a line is broken between characters.
            ("abcdefgh", width("abcd"), 3, &["abcd", "efgh"]),
            ("", 100, 3, &[]),
            // Too long for the lines allowed: the last line is shortened.
            ("a b c d e f", width("a b"), 2, &["a b", "c…"]),
        ];
        for (text, max, lines, expected) in cases {
            let wrapped = wrap(text, TICK_SIZE, max, lines);
            assert_eq!(wrapped, expected, "{text}");
            assert!(
                wrapped.iter().all(|l| text_width(l, TICK_SIZE) <= max),
                "{text}"
            );
            assert_eq!(is_whole(&wrapped, text), !text.starts_with("a b"), "{text}");
        }
        assert_eq!(wrap("a b c d e f", TICK_SIZE, 1, 2).len(), 2);
    }

    /// A subtitle too long for one line shrinks, then takes two lines, and is shortened
    /// only when two lines of the smallest size do not hold it; the heading never reaches
    /// below [`HEADING_BOTTOM`].
    #[test]
    fn headings_shrink_and_wrap_rather_than_cut() {
        ensure_font().unwrap();
        let title = "Key terms of meeting_symbol S/PV.4726 (Resumption 1)";
        let subtitle = "Flesch-Kincaid grade level: 0.39 x words per sentence + 11.8 x \
            syllables per word - 15.59; a point per speech (512), lines: the mean of the 8 \
            largest meeting_symbol groups per year";
        for (width, lines) in [(2400, 1), (1520, 1), (920, 2), (720, 2)] {
            let heading = Heading::new(title, subtitle, width);
            assert_eq!(heading.title, [title], "{width}");
            assert!(text_width(&heading.title[0], heading.title_size) <= width);
            assert_eq!(heading.subtitle.len(), lines, "{width}");
            assert!(heading.subtitle_size >= 15.0, "{width}");
            assert!(
                is_whole(&heading.subtitle, subtitle),
                "{width}: {heading:?}"
            );
            for line in &heading.subtitle {
                assert!(text_width(line, heading.subtitle_size) <= width, "{width}");
            }
            let last = heading.subtitle_tops().last().copied().unwrap();
            assert!(
                last + heading.subtitle_size as i32 <= HEADING_BOTTOM,
                "{width}"
            );
        }
        // A title too long for one line at the least size takes two, the subtitle under it.
        let long = "The 8 least evenly spread terms (highest DP): where each occurrence falls";
        let one = Heading::new(long, subtitle, 720);
        assert_eq!((one.title.len(), one.title_size), (1, TWO_LINE_TITLE_SIZE));
        let two = Heading::new(long, subtitle, 600);
        assert_eq!(two.title.len(), 2);
        assert!(is_whole(&two.title, long));
        assert!(is_whole(&two.subtitle, subtitle), "{two:?}");
        let title_bottom = two.title_tops()[1] + two.title_size as i32;
        assert!(two.subtitle_tops()[0] >= title_bottom);
        let last = two.subtitle_tops().last().copied().unwrap();
        assert!(last + two.subtitle_size as i32 <= HEADING_BOTTOM);
        let short = Heading::new("Terms", "22 speeches", 560);
        assert_eq!(
            (short.title_size, short.subtitle_size),
            (TITLE_SIZE, SUBTITLE_SIZE)
        );
        // Narrower than two lines of the smallest size hold: shortened, still two lines.
        let cut = Heading::new(title, &subtitle.repeat(2), 560);
        assert_eq!(cut.subtitle.len(), 2);
        assert!(cut.subtitle[1].ends_with('…'));
    }

    /// The bytes measured while `work` runs, with its lines.
    fn measured(work: impl FnOnce() -> Vec<String>) -> (Vec<String>, usize) {
        MEASURED_BYTES.with(|m| m.set(0));
        let lines = work();
        (lines, MEASURED_BYTES.with(std::cell::Cell::get))
    }

    /// Fitting and wrapping measure a bounded amount of text whatever the label's length:
    /// measuring every prefix made a 2,000-character word take 10 s and a 5 MB word never
    /// end.
    #[test]
    fn fitting_a_long_label_measures_a_bounded_amount_of_text() {
        ensure_font().unwrap();
        for length in [3_000, 300_000] {
            let word = "w".repeat(length);
            let (fitted, work) = measured(|| vec![fit(&word, TICK_SIZE, 400)]);
            assert!(fitted[0].ends_with('…'), "{length}");
            assert!(text_width(&fitted[0], TICK_SIZE) <= 400, "{length}");
            assert!(
                work <= 100_000,
                "fit of {length} characters measured {work} bytes"
            );
            let spaced = "peace-building ".repeat(length / 15);
            for text in [&word, &spaced] {
                for max_lines in [3, usize::MAX] {
                    let (lines, work) = measured(|| wrap(text, TICK_SIZE, 400, max_lines));
                    assert!(!lines.is_empty());
                    assert!(lines.iter().all(|l| text_width(l, TICK_SIZE) <= 400));
                    assert!(
                        work <= 1_000_000,
                        "wrap of {length} characters in {max_lines} lines measured {work} bytes"
                    );
                }
            }
            let (heading, work) = measured(|| Heading::new(&word, &spaced, 1200).subtitle);
            assert!(heading.len() <= 2);
            assert!(work <= 1_000_000, "heading of {length}: {work} bytes");
        }
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
