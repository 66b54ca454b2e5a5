//! Where and how a chart is drawn: the file, its format (PNG or SVG), its size in pixels and,
//! for PNG, its resolution.
//!
//! Every chart is laid out for the canvas's width: on a narrower canvas long labels first
//! take a smaller size or a second line (headings, heatmap labels, keyness annotations and
//! captions, series labels), and only when even that does not fit are they shortened with
//! an ellipsis, or left out where a chart shows "as many as fit" (tick labels, speech names
//! under a dispersion plot); never cut by an edge or overlapping.
//!
//! The height is the chart's own when [`Canvas::height`] is `None`: what its content needs
//! (rows of bars, heatmap rows, bands, panels) or, for charts without rows (line charts,
//! log-log charts, networks), a height that suits the width; a network is drawn taller where
//! that height would crowd its labels. With `Some(h)` the image is
//! exactly `h` pixels high: the heading, axes and captions keep their size, and the rows (or
//! the plot) share what is left, growing or shrinking with it. Rows shrink only down to the
//! least height that still holds their text (about the font size plus a few pixels); when
//! even that does not fit into `h`, the image is as high as that least height instead, taller
//! than asked: no row is left out and nothing is cut. Bars stay about as thick as usual
//! however tall their rows grow.
//!
//! Both formats share one drawing code: each chart paints onto a [`DrawingArea`] of any
//! [`Surface`] (plotters' bitmap or SVG backend). Text is measured with the embedded font
//! (DejaVu Sans) for both; an SVG names the font family (`DejaVu Sans, sans-serif`) rather
//! than embedding it, so viewers without DejaVu Sans draw it in their sans-serif font, which
//! is narrower and so still fits. A PNG carries a `pHYs` chunk with the canvas's resolution,
//! so that word processors paste it at `width / dpi` inches.

use std::path::{Path, PathBuf};

use plotters::coord::Shift;
use plotters::prelude::*;

use super::theme::{chart_error, Surface};
use crate::error::Result;

/// The file format of a chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ChartFormat {
    /// A bitmap (RGB, no transparency), with its resolution in a `pHYs` chunk.
    #[default]
    Png,
    /// Scalable vector graphics, text as text in the font family DejaVu Sans.
    Svg,
}

impl ChartFormat {
    /// The usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            ChartFormat::Png => "png",
            ChartFormat::Svg => "svg",
        }
    }
}

/// Where and how a chart is drawn.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Canvas {
    /// The file written; the caller gives the right extension (.png or .svg).
    pub path: PathBuf,
    pub format: ChartFormat,
    /// Pixels; default [`DEFAULT_WIDTH`]. Widths below [`MIN_WIDTH`] are drawn at
    /// [`MIN_WIDTH`].
    pub width: u32,
    /// `None`: the chart's own height for its content; `Some(h)`: exactly `h` pixels, unless
    /// the content cannot be drawn that low (see the module documentation).
    pub height: Option<u32>,
    /// PNG: written as the `pHYs` chunk, so documents paste the chart at `width / dpi`
    /// inches; default [`DEFAULT_DPI`]. Not used by SVG (its size is in pixels).
    pub dpi: u32,
}

/// The usual width of a chart, in pixels.
pub(crate) const DEFAULT_WIDTH: u32 = 1600;
/// 1600 px = 6.4 in = 16.3 cm: the text width of an A4 page.
pub(crate) const DEFAULT_DPI: u32 = 250;
/// The narrowest chart drawn: below it, labels at their fixed sizes leave no room for data.
pub const MIN_WIDTH: u32 = 640;

/// Canvases made in tests; the pipeline builds its canvas from the user's options.
#[cfg(test)]
impl Canvas {
    /// A PNG of the default size and resolution at `path`.
    pub(crate) fn png(path: impl Into<PathBuf>) -> Canvas {
        Canvas {
            path: path.into(),
            format: ChartFormat::Png,
            width: DEFAULT_WIDTH,
            height: None,
            dpi: DEFAULT_DPI,
        }
    }

    /// An SVG of the default size at `path`.
    pub(crate) fn svg(path: impl Into<PathBuf>) -> Canvas {
        Canvas {
            format: ChartFormat::Svg,
            ..Canvas::png(path)
        }
    }

    /// The same canvas `width` pixels wide.
    pub(crate) fn with_width(self, width: u32) -> Canvas {
        Canvas { width, ..self }
    }

    /// The same canvas exactly `height` pixels high (`None`: the chart's own height).
    pub(crate) fn with_height(self, height: Option<u32>) -> Canvas {
        Canvas { height, ..self }
    }
}

impl Canvas {
    /// Loads the embedded font that lays out and draws every chart; an error names the file.
    pub(crate) fn ensure_font(&self) -> Result<()> {
        super::theme::ensure_font().map_err(|e| chart_error(&self.path, e))
    }

    /// The width the chart is laid out for: [`Canvas::width`], at least [`MIN_WIDTH`].
    pub(crate) fn layout_width(&self) -> i32 {
        self.width.max(MIN_WIDTH) as i32
    }

    /// The image's height for a chart whose own height is `natural` and whose content needs at
    /// least `least`: `natural` when no height was asked for, else the height asked for but
    /// never below `least`.
    pub(crate) fn image_height(&self, natural: i32, least: i32) -> i32 {
        match self.height {
            None => natural.max(1),
            Some(h) => (h.min(i32::MAX as u32) as i32).max(least).max(1),
        }
    }

    /// Draws `picture` on a white image of the layout width and `height` pixels in the
    /// canvas's format, and writes the file.
    pub(crate) fn draw(&self, height: i32, picture: &impl Picture) -> Result<()> {
        let size = (self.layout_width() as u32, height.max(1) as u32);
        let path = self.path.as_path();
        match self.format {
            ChartFormat::Png => {
                {
                    let root = BitMapBackend::new(path, size).into_drawing_area();
                    paint(&root, picture, path)?;
                }
                set_png_dpi(path, self.dpi)
            }
            ChartFormat::Svg => {
                let root = SVGBackend::new(path, size).into_drawing_area();
                paint(&root, picture, path)
            }
        }
    }
}

/// What a chart paints once its layout is known, onto an area of either backend.
pub(crate) trait Picture {
    /// Paints onto `root`, a white area of the canvas's size; errors name `path`.
    fn paint<DB: Surface>(&self, root: &DrawingArea<DB, Shift>, path: &Path) -> Result<()>;
}

fn paint<DB: Surface>(
    root: &DrawingArea<DB, Shift>,
    picture: &impl Picture,
    path: &Path,
) -> Result<()> {
    root.fill(&WHITE).map_err(|e| chart_error(path, e))?;
    picture.paint(root, path)?;
    root.present().map_err(|e| chart_error(path, e))
}

/// Writes the resolution `dpi` into the PNG at `path` as its `pHYs` chunk (replacing any).
fn set_png_dpi(path: &Path, dpi: u32) -> Result<()> {
    let bytes = std::fs::read(path).map_err(|e| chart_error(path, e))?;
    let with_dpi = with_phys(&bytes, dpi).ok_or_else(|| chart_error(path, "not a PNG file"))?;
    std::fs::write(path, with_dpi).map_err(|e| chart_error(path, e))
}

const PNG_SIGNATURE: &[u8; 8] = b"\x89PNG\r\n\x1a\n";

/// Pixels per metre for `dpi` dots per inch.
pub(crate) fn pixels_per_metre(dpi: u32) -> u32 {
    (f64::from(dpi) / 0.0254).round() as u32
}

/// The PNG `png` with a `pHYs` chunk of `dpi` (in pixels per metre, the same both ways) right
/// after its IHDR chunk, and no other `pHYs` chunk; `None` when `png` is not a PNG.
pub(crate) fn with_phys(png: &[u8], dpi: u32) -> Option<Vec<u8>> {
    let chunks = png.strip_prefix(PNG_SIGNATURE)?;
    let mut out = Vec::with_capacity(png.len() + 21);
    out.extend_from_slice(PNG_SIGNATURE);
    let mut rest = chunks;
    let mut first = true;
    while !rest.is_empty() {
        let length = u32::from_be_bytes(rest.get(..4)?.try_into().ok()?) as usize;
        let end = length.checked_add(12)?;
        let chunk = rest.get(..end)?;
        let kind = &chunk[4..8];
        if first && kind != b"IHDR" {
            return None;
        }
        if kind != b"pHYs" {
            out.extend_from_slice(chunk);
        }
        if first {
            let ppm = pixels_per_metre(dpi).to_be_bytes();
            let mut data = Vec::with_capacity(9);
            data.extend_from_slice(&ppm);
            data.extend_from_slice(&ppm);
            data.push(1); // the unit: the metre
            out.extend_from_slice(&chunk_bytes(b"pHYs", &data));
            first = false;
        }
        rest = &rest[end..];
    }
    (!first).then_some(out)
}

/// A PNG chunk: length, type, data and the CRC of type and data.
fn chunk_bytes(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut chunk = Vec::with_capacity(data.len() + 12);
    chunk.extend_from_slice(&(data.len() as u32).to_be_bytes());
    chunk.extend_from_slice(kind);
    chunk.extend_from_slice(data);
    let crc = crc32(&chunk[4..]);
    chunk.extend_from_slice(&crc.to_be_bytes());
    chunk
}

/// CRC-32 as PNG (and zlib) compute it: reflected polynomial 0xEDB88320, all ones in and out.
pub(crate) fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in bytes {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            let mask = (crc & 1).wrapping_neg();
            crc = (crc >> 1) ^ (0xEDB8_8320 & mask);
        }
    }
    !crc
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// The `pHYs` chunk of a PNG file: (x, y) pixels per unit, and the unit; `None` when it
    /// has none or it does not come right after IHDR.
    pub(crate) fn phys(png: &[u8]) -> Option<(u32, u32, u8)> {
        let chunks = png.strip_prefix(PNG_SIGNATURE)?;
        let ihdr = 12 + u32::from_be_bytes(chunks[..4].try_into().ok()?) as usize;
        let next = &chunks[ihdr..];
        let length = u32::from_be_bytes(next[..4].try_into().ok()?) as usize;
        if &next[4..8] != b"pHYs" || length != 9 {
            return None;
        }
        let crc = u32::from_be_bytes(next[17..21].try_into().ok()?);
        assert_eq!(crc, crc32(&next[4..17]), "the pHYs chunk's CRC");
        let x = u32::from_be_bytes(next[8..12].try_into().ok()?);
        let y = u32::from_be_bytes(next[12..16].try_into().ok()?);
        Some((x, y, next[16]))
    }

    /// Width and height of a PNG file, from its IHDR chunk.
    fn png_size(png: &[u8]) -> (u32, u32) {
        let number = |at: usize| u32::from_be_bytes(png[at..at + 4].try_into().unwrap());
        (number(16), number(20))
    }

    /// Draws a chart with `draw` as PNG and SVG, 1000 and 2400 pixels wide, and as PNG of a
    /// low and a high height, into a temporary folder, and checks each file. With the
    /// environment variable `SPEECHSTAT_CHARTS_TO_LOOK_AT` naming a folder, the files are
    /// written there instead, named after `name`, for a person to look at.
    pub(crate) fn draw_everywhere(name: &str, draw: impl Fn(&Canvas) -> Result<()>) {
        let temporary = tempfile::tempdir().unwrap();
        let folder = match std::env::var_os("SPEECHSTAT_CHARTS_TO_LOOK_AT") {
            Some(folder) => PathBuf::from(folder),
            None => temporary.path().to_path_buf(),
        };
        let mut canvases = Vec::new();
        for width in [1000, 2400] {
            canvases
                .push(Canvas::png(folder.join(format!("{name}_{width}.png"))).with_width(width));
            canvases
                .push(Canvas::svg(folder.join(format!("{name}_{width}.svg"))).with_width(width));
        }
        for height in [600, 1800] {
            let path = folder.join(format!("{name}_h{height}.png"));
            canvases.push(Canvas::png(path).with_height(Some(height)));
        }
        for canvas in canvases {
            let path = canvas.path.display().to_string();
            draw(&canvas).unwrap_or_else(|e| panic!("{path}: {e}"));
            let bytes = std::fs::read(&canvas.path).unwrap();
            match canvas.format {
                ChartFormat::Png => {
                    assert!(bytes.starts_with(PNG_SIGNATURE), "{path}");
                    assert_eq!(phys(&bytes), Some((9843, 9843, 1)), "{path}");
                    let (w, h) = png_size(&bytes);
                    assert_eq!(w, canvas.width, "{path}");
                    match canvas.height {
                        Some(1800) => assert_eq!(h, 1800, "{path}"),
                        Some(asked) => assert!(h >= asked, "{path}: {h}"),
                        None => assert!(h > 100, "{path}: {h}"),
                    }
                }
                ChartFormat::Svg => {
                    let text = String::from_utf8(bytes).unwrap();
                    assert!(text.starts_with("<svg"), "{path}");
                    assert!(
                        text.contains(&format!("width=\"{}\"", canvas.width)),
                        "{path}"
                    );
                    assert!(text.trim_end().ends_with("</svg>"), "{path}");
                    assert!(text.contains("font-family=\"DejaVu Sans, sans-serif\""));
                }
            }
        }
    }

    #[test]
    fn crc32_matches_the_png_specification() {
        // The CRC of every IEND chunk, as printed in the PNG specification's examples.
        assert_eq!(crc32(b"IEND").to_be_bytes(), [0xAE, 0x42, 0x60, 0x82]);
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn the_resolution_goes_right_after_ihdr_and_replaces_an_old_one() {
        assert_eq!(pixels_per_metre(250), 9843);
        assert_eq!(pixels_per_metre(72), 2835);
        let ihdr = chunk_bytes(b"IHDR", &[0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
        let iend = chunk_bytes(b"IEND", &[]);
        let old = chunk_bytes(b"pHYs", &[0, 0, 0, 1, 0, 0, 0, 1, 0]);
        let png: Vec<u8> = [&PNG_SIGNATURE[..], &ihdr, &old, &iend].concat();
        let out = with_phys(&png, 250).unwrap();
        assert_eq!(phys(&out), Some((9843, 9843, 1)));
        assert_eq!(out.len(), png.len());
        assert!(out.ends_with(&iend));
        assert_eq!(with_phys(b"GIF89a", 250), None);
        assert_eq!(with_phys(&[&PNG_SIGNATURE[..], &iend].concat(), 250), None);
        assert_eq!(with_phys(&png[..png.len() - 3], 250), None);
    }

    #[test]
    fn heights_follow_the_canvas_but_never_cut_the_content() {
        let canvas = Canvas::png("a.png");
        assert_eq!(canvas.image_height(900, 400), 900);
        let exact = canvas.clone().with_height(Some(700));
        assert_eq!(exact.image_height(900, 400), 700);
        assert_eq!(exact.image_height(500, 760), 760);
        assert_eq!(
            canvas.clone().with_width(100).layout_width(),
            MIN_WIDTH as i32
        );
        assert_eq!(Canvas::svg("a.svg").format.extension(), "svg");
    }
}
