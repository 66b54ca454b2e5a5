//! Long tables written straight from the statistics' own rows, never built as DataFrames: a
//! [`RowSource`] hands its rows cell by cell, in pieces formatted in parallel, to CSV lines
//! (the same bytes [`TableWriter::append`] prints) and to the report's preview. A text
//! repeated on many rows (a term, a speech's id) is escaped once, as a [`Field`].

use std::borrow::Cow;
use std::sync::atomic::{AtomicU64, Ordering};

use super::tables::{prints_as_is, push_field, push_integer, CsvStyle, TableWriter};
use crate::columns::Rounded;
use crate::error::Result;

/// A text cell with its CSV form for one style: quoted where needed, guarded against
/// formulas for a spreadsheet.
pub(crate) struct Field<'a> {
    raw: &'a str,
    csv: Cow<'a, str>,
}

impl<'a> Field<'a> {
    pub(crate) fn new(raw: &'a str, style: CsvStyle) -> Field<'a> {
        // Most cells print as they are: no copy of those.
        let csv = match prints_as_is(raw, style) {
            true => Cow::Borrowed(raw),
            false => {
                let mut csv = String::new();
                push_field(&mut csv, raw, style);
                Cow::Owned(csv)
            }
        };
        Field { raw, csv }
    }
}

/// Where a source's cells go, row after row.
pub(crate) trait Cells {
    fn text(&mut self, field: &Field<'_>);
    fn count(&mut self, n: u64);
    /// A float with six significant digits; empty when it is not finite.
    fn float(&mut self, v: f64);
    /// `true` or `false`.
    fn flag(&mut self, v: bool);
    fn end_row(&mut self);
}

/// A table's rows in pieces: each piece is formatted on a thread of its own, and pieces
/// are written in order.
pub(crate) trait RowSource: Sync {
    fn columns(&self) -> Vec<String>;
    fn pieces(&self) -> usize;
    /// Hands the rows of piece `i` to `cells`.
    fn piece(&self, i: usize, cells: &mut impl Cells);
}

/// A CSV table written from [`RowSource`]s, keeping the first rows for the report.
pub(crate) struct RowTable<'w, 'p> {
    writer: &'w mut TableWriter<'p>,
    preview: PreviewCells,
}

impl<'w, 'p> RowTable<'w, 'p> {
    /// Writes into `writer`, keeping the first `preview_rows` rows as cells.
    pub(crate) fn new(writer: &'w mut TableWriter<'p>, preview_rows: usize) -> RowTable<'w, 'p> {
        let style = writer.style();
        RowTable {
            writer,
            preview: PreviewCells::new(preview_rows, style),
        }
    }

    pub(crate) fn style(&self) -> CsvStyle {
        self.writer.style()
    }

    /// Writes every row of `source` (its columns the header, or the same as the sources
    /// written before).
    pub(crate) fn write(&mut self, source: &impl RowSource) -> Result<()> {
        self.writer.header(source.columns())?;
        for i in 0..source.pieces() {
            if self.preview.is_full() {
                break;
            }
            source.piece(i, &mut self.preview);
        }
        let style = self.style();
        let rows = AtomicU64::new(0);
        self.writer.append_formatted(source.pieces(), |i| {
            let mut line = CsvCells::new(style);
            source.piece(i, &mut line);
            rows.fetch_add(line.rows, Ordering::Relaxed);
            Ok(line.out.into_bytes())
        })?;
        self.writer.add_rows(rows.into_inner());
        Ok(())
    }

    /// The preview's rows, cells as the CSV file prints them (unquoted, unguarded).
    pub(crate) fn preview(self) -> Vec<Vec<String>> {
        self.preview.rows
    }
}

/// Cells as CSV lines.
struct CsvCells {
    out: String,
    style: CsvStyle,
    line_start: usize,
    /// Whether the next cell is the first of its line.
    first: bool,
    rows: u64,
}

impl CsvCells {
    fn new(style: CsvStyle) -> CsvCells {
        CsvCells {
            out: String::with_capacity(1 << 20),
            style,
            line_start: 0,
            first: true,
            rows: 0,
        }
    }

    fn separate(&mut self) {
        if !self.first {
            self.out.push(self.style.separator());
        }
        self.first = false;
    }
}

impl Cells for CsvCells {
    fn text(&mut self, field: &Field<'_>) {
        self.separate();
        self.out.push_str(&field.csv);
    }

    fn count(&mut self, n: u64) {
        self.separate();
        push_integer(&mut self.out, false, n);
    }

    fn float(&mut self, v: f64) {
        self.separate();
        if let Some(rounded) = Rounded::of(v) {
            rounded.write(self.style.decimal(), &mut self.out);
        }
    }

    fn flag(&mut self, v: bool) {
        self.separate();
        self.out.push_str(flag(v));
    }

    fn end_row(&mut self) {
        if self.out.len() == self.line_start {
            // A row of one empty field would read as an empty line.
            self.out.push_str("\"\"");
        }
        self.out.push('\n');
        self.line_start = self.out.len();
        self.first = true;
        self.rows += 1;
    }
}

/// The first rows' cells as text, for the report.
struct PreviewCells {
    rows: Vec<Vec<String>>,
    row: Vec<String>,
    wanted: usize,
    style: CsvStyle,
}

impl PreviewCells {
    fn new(wanted: usize, style: CsvStyle) -> PreviewCells {
        PreviewCells {
            rows: Vec::new(),
            row: Vec::new(),
            wanted,
            style,
        }
    }

    fn is_full(&self) -> bool {
        self.rows.len() >= self.wanted
    }

    /// Keeps the cell `format` makes, until the preview has its rows: the rest of the
    /// piece goes by without formatting.
    fn push(&mut self, format: impl FnOnce(&mut String)) {
        if !self.is_full() {
            let mut cell = String::new();
            format(&mut cell);
            self.row.push(cell);
        }
    }
}

impl Cells for PreviewCells {
    fn text(&mut self, field: &Field<'_>) {
        self.push(|cell| cell.push_str(field.raw));
    }

    fn count(&mut self, n: u64) {
        self.push(|cell| push_integer(cell, false, n));
    }

    fn float(&mut self, v: f64) {
        let decimal = self.style.decimal();
        self.push(|cell| {
            if let Some(rounded) = Rounded::of(v) {
                rounded.write(decimal, cell);
            }
        });
    }

    fn flag(&mut self, v: bool) {
        self.push(|cell| cell.push_str(flag(v)));
    }

    fn end_row(&mut self) {
        if !self.is_full() {
            self.rows.push(std::mem::take(&mut self.row));
        }
    }
}

fn flag(v: bool) -> &'static str {
    match v {
        true => "true",
        false => "false",
    }
}
