//! Long tables written straight from the statistics' own rows, never built as DataFrames: a
//! [`RowSource`] hands its rows cell by cell, in pieces formatted in parallel, to CSV lines
//! (the same bytes [`TableWriter::append`] prints) and to the report's preview. A text
//! repeated on many rows (a term, a speech's id) is escaped once, as a [`Field`].

use std::borrow::Cow;
use std::ops::Range;
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

/// Groups of `N` text cells that rows print side by side (a term and its label), each group
/// escaped and joined by the separator once, the groups kept one after another: a row copies
/// one slice for the group, from memory far denser than a string apiece.
pub(crate) struct JoinedCells<const N: usize> {
    text: String,
    /// Where each group's text starts in `text`; one more entry, its end.
    starts: Vec<usize>,
}

impl<const N: usize> JoinedCells<N> {
    pub(crate) fn new<'a>(
        groups: impl ExactSizeIterator<Item = [&'a str; N]>,
        style: CsvStyle,
    ) -> JoinedCells<N> {
        let mut starts = Vec::with_capacity(groups.len() + 1);
        let mut text = String::new();
        for group in groups {
            starts.push(text.len());
            for (i, cell) in group.into_iter().enumerate() {
                if i > 0 {
                    text.push(style.separator());
                }
                push_field(&mut text, cell, style);
            }
        }
        starts.push(text.len());
        JoinedCells { text, starts }
    }

    /// Group `i` as CSV: its cells and the separators between them.
    pub(crate) fn csv(&self, i: usize) -> &str {
        &self.text[self.starts[i]..self.starts[i + 1]]
    }
}

/// Where a source's cells go, row after row.
pub(crate) trait Cells {
    fn text(&mut self, field: &Field<'_>);
    /// `N` text cells: `csv` as [`JoinedCells::csv`] gives them, `raw` their text (asked only
    /// where the cells are kept as text).
    fn joined<'s, const N: usize>(&mut self, csv: &str, raw: impl FnOnce() -> [&'s str; N]);
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
    /// The column of the next cell.
    column: usize,
    /// The last float printed in each column and where its text is in `out`: a value
    /// repeated down a column (a speech's rate of every term it uses once) is copied, not
    /// formatted again.
    last_floats: Vec<Option<(u64, Range<usize>)>>,
    rows: u64,
}

impl CsvCells {
    fn new(style: CsvStyle) -> CsvCells {
        CsvCells {
            out: String::with_capacity(1 << 20),
            style,
            line_start: 0,
            column: 0,
            last_floats: Vec::new(),
            rows: 0,
        }
    }

    /// The separator before every cell but a line's first; moves on by `cells` columns.
    fn separate(&mut self, cells: usize) {
        if self.column > 0 {
            self.out.push(self.style.separator());
        }
        self.column += cells;
    }
}

impl Cells for CsvCells {
    fn text(&mut self, field: &Field<'_>) {
        self.separate(1);
        self.out.push_str(&field.csv);
    }

    fn joined<'s, const N: usize>(&mut self, csv: &str, _raw: impl FnOnce() -> [&'s str; N]) {
        self.separate(N);
        self.out.push_str(csv);
    }

    fn count(&mut self, n: u64) {
        self.separate(1);
        push_integer(&mut self.out, false, n);
    }

    fn float(&mut self, v: f64) {
        let column = self.column;
        self.separate(1);
        if self.last_floats.len() <= column {
            self.last_floats.resize(column + 1, None);
        }
        let bits = v.to_bits();
        if let Some((last, text)) = &self.last_floats[column] {
            if *last == bits {
                self.out.extend_from_within(text.clone());
                return;
            }
        }
        let start = self.out.len();
        if let Some(rounded) = Rounded::of(v) {
            rounded.write(self.style.decimal(), &mut self.out);
        }
        self.last_floats[column] = Some((bits, start..self.out.len()));
    }

    fn flag(&mut self, v: bool) {
        self.separate(1);
        self.out.push_str(flag(v));
    }

    fn end_row(&mut self) {
        if self.out.len() == self.line_start {
            // A row of one empty field would read as an empty line.
            self.out.push_str("\"\"");
        }
        self.out.push('\n');
        self.line_start = self.out.len();
        self.column = 0;
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

    fn joined<'s, const N: usize>(&mut self, _csv: &str, raw: impl FnOnce() -> [&'s str; N]) {
        if !self.is_full() {
            self.row.extend(raw().map(str::to_owned));
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    const PAIRS: [[&str; 2]; 2] = [["a,b", "x"], ["=1", "y\""]];

    /// Rows of a pair and two floats, the floats repeating down and across their columns.
    fn fill(cells: &mut impl Cells, pairs: &JoinedCells<2>, joined: bool, style: CsvStyle) {
        let third = 1.0 / 3.0;
        let rows = [
            (0, 0.5, 0.5),
            (1, 0.5, third),
            (0, third, third),
            (1, f64::NAN, f64::NAN),
            (0, f64::NAN, 2.0),
        ];
        for (pair, a, b) in rows {
            let [first, second] = PAIRS[pair];
            if joined {
                cells.joined(pairs.csv(pair), || PAIRS[pair]);
            } else {
                cells.text(&Field::new(first, style));
                cells.text(&Field::new(second, style));
            }
            cells.float(a);
            cells.float(b);
            cells.end_row();
        }
    }

    #[test]
    fn joined_pairs_and_repeated_floats_print_as_cells_one_by_one() {
        for style in [CsvStyle::Excel, CsvStyle::ExcelEu, CsvStyle::Plain] {
            let pairs = JoinedCells::new(PAIRS.into_iter(), style);
            let mut joined = CsvCells::new(style);
            fill(&mut joined, &pairs, true, style);
            let mut one_by_one = CsvCells::new(style);
            fill(&mut one_by_one, &pairs, false, style);
            assert_eq!(joined.out, one_by_one.out, "{style:?}");
            assert_eq!(joined.rows, 5);
            let mut preview = PreviewCells::new(3, style);
            fill(&mut preview, &pairs, true, style);
            assert_eq!(preview.rows.len(), 3);
            assert_eq!(preview.rows[1][..2], ["=1", "y\""]);
        }
        let pairs = JoinedCells::new(PAIRS.into_iter(), CsvStyle::Excel);
        let mut cells = CsvCells::new(CsvStyle::Excel);
        fill(&mut cells, &pairs, true, CsvStyle::Excel);
        assert_eq!(
            cells.out,
            "\"a,b\",x,0.5,0.5\n\
             '=1,\"y\"\"\",0.5,0.333333\n\
             \"a,b\",x,0.333333,0.333333\n\
             '=1,\"y\"\"\",,\n\
             \"a,b\",x,,2\n"
        );
    }
}
