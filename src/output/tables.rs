//! CSV tables: a header row, RFC 4180 quoting (a field is quoted only when it holds the
//! separator, a quote or a line break), integers as integers and floats with six significant
//! digits, so the same input always gives the same bytes. Three styles ([`CsvStyle`]): for a
//! spreadsheet (a byte-order mark, text that would start a formula made safe), the same with
//! `;` and decimal commas, or plain UTF-8 for programs.

use std::fs::File;
use std::io::Write as _;
use std::path::Path;
use std::sync::mpsc::{sync_channel, SyncSender};
use std::thread::JoinHandle;

use polars::prelude::*;
use rayon::prelude::*;

use crate::columns::Rounded;
use crate::error::{Error, Result};

/// How CSV tables are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CsvStyle {
    /// For Excel and LibreOffice, which take a file for UTF-8 only when it starts with a
    /// byte-order mark: BOM, `,`, decimal points, and a text cell that begins with `=`, `+`,
    /// `-`, `@`, a tab or a carriage return (and is not a number) prefixed with `'`, so a
    /// spreadsheet shows it as text instead of running it as a formula.
    #[default]
    Excel,
    /// As [`CsvStyle::Excel`], with `;` between fields and decimal commas, as spreadsheets
    /// in French, German, Spanish and most European locales expect.
    ExcelEu,
    /// UTF-8 without BOM, `,` and decimal points, text as it is: for programs.
    Plain,
}

impl CsvStyle {
    /// The style's name on the command line (`--csv`).
    pub fn name(self) -> &'static str {
        match self {
            CsvStyle::Excel => "excel",
            CsvStyle::ExcelEu => "excel-eu",
            CsvStyle::Plain => "plain",
        }
    }

    pub(crate) fn separator(self) -> char {
        match self {
            CsvStyle::ExcelEu => ';',
            _ => ',',
        }
    }

    pub(crate) fn decimal(self) -> char {
        match self {
            CsvStyle::ExcelEu => ',',
            _ => '.',
        }
    }

    fn for_spreadsheets(self) -> bool {
        self != CsvStyle::Plain
    }
}

/// Which files each table is written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TableFormat {
    /// `tables/<name>.csv`.
    #[default]
    Csv,
    /// `tables/<name>.parquet`, for R, Python and DuckDB.
    Parquet,
    /// Both.
    Both,
}

impl TableFormat {
    /// The format's name on the command line (`--format`).
    pub fn name(self) -> &'static str {
        match self {
            TableFormat::Csv => "csv",
            TableFormat::Parquet => "parquet",
            TableFormat::Both => "both",
        }
    }

    /// Whether tables are written as CSV.
    pub fn csv(self) -> bool {
        self != TableFormat::Parquet
    }

    /// Whether tables are written as Parquet.
    pub fn parquet(self) -> bool {
        self != TableFormat::Csv
    }
}

/// The UTF-8 byte-order mark.
const BOM: &str = "\u{FEFF}";

/// A CSV table written in parts: a long table can be built and written a slice of rows at a
/// time, so it never has to exist whole as a DataFrame. The file is written on a thread of
/// its own, while the next rows are formatted.
pub struct TableWriter<'p> {
    path: &'p Path,
    style: CsvStyle,
    file: Option<FileThread>,
    header: Option<Vec<String>>,
    rows: u64,
}

/// A file written by a thread from buffers sent to it, in order.
struct FileThread {
    buffers: SyncSender<Vec<u8>>,
    thread: JoinHandle<std::io::Result<()>>,
}

/// Formatted buffers waiting for the file thread: enough to keep it busy, few enough to
/// hold little memory.
const BUFFERS_IN_FLIGHT: usize = 4;

impl FileThread {
    fn start(file: File) -> FileThread {
        let (buffers, received) = sync_channel::<Vec<u8>>(BUFFERS_IN_FLIGHT);
        let thread = std::thread::spawn(move || {
            let mut file = file;
            for buffer in received {
                file.write_all(&buffer)?;
            }
            file.flush()
        });
        FileThread { buffers, thread }
    }

    /// Hands `buffer` to the thread; an error when the thread has stopped on one.
    fn send(&self, buffer: Vec<u8>) -> std::result::Result<(), ()> {
        self.buffers.send(buffer).map_err(|_| ())
    }

    /// Waits for every buffer to be written; the thread's error, if it met one.
    fn join(self) -> std::io::Result<()> {
        drop(self.buffers);
        self.thread
            .join()
            .unwrap_or_else(|_| Err(std::io::Error::other("the writing thread panicked")))
    }
}

impl<'p> TableWriter<'p> {
    pub fn create(path: &'p Path, style: CsvStyle) -> Result<TableWriter<'p>> {
        let file = File::create(path).map_err(|e| Error::write(path, e))?;
        Ok(TableWriter {
            path,
            style,
            file: Some(FileThread::start(file)),
            header: None,
            rows: 0,
        })
    }

    /// Sends bytes to the file; the file's error if writing failed.
    fn send(&mut self, bytes: Vec<u8>) -> Result<()> {
        let sent = self.file.as_ref().map(|f| f.send(bytes));
        match sent {
            Some(Ok(())) => Ok(()),
            _ => {
                let error = match self.file.take().map(FileThread::join) {
                    Some(Err(e)) => e,
                    _ => std::io::Error::other("the file was closed"),
                };
                Err(Error::write(self.path, error))
            }
        }
    }

    /// Writes the rows of `df`; the first part also gives the header, and every later part
    /// must have the same columns.
    pub fn append(&mut self, df: &DataFrame) -> Result<()> {
        let names: Vec<String> = df
            .get_column_names()
            .iter()
            .map(|n| n.to_string())
            .collect();
        self.header(names)?;
        // Rows are formatted in parallel, a slice per thread, and written in order.
        let slices: Vec<DataFrame> = (0..df.height())
            .step_by(ROWS_PER_SLICE)
            .map(|offset| df.slice(offset as i64, ROWS_PER_SLICE))
            .collect();
        let (style, path) = (self.style, self.path);
        self.append_formatted(slices.len(), |i| format_rows(&slices[i], style, path))?;
        self.rows += df.height() as u64;
        Ok(())
    }

    /// Writes the header line the first time; after that, checks that `names` are the same
    /// columns.
    pub(crate) fn header(&mut self, names: Vec<String>) -> Result<()> {
        let style = self.style;
        match &self.header {
            None => {
                let mut line = String::new();
                if style.for_spreadsheets() {
                    line.push_str(BOM);
                }
                for (i, name) in names.iter().enumerate() {
                    if i > 0 {
                        line.push(style.separator());
                    }
                    push_field(&mut line, name, style);
                }
                line.push('\n');
                self.send(line.into_bytes())?;
                self.header = Some(names);
                Ok(())
            }
            Some(header) if *header != names => Err(Error::Output {
                path: self.path.to_path_buf(),
                message: format!("table parts differ in columns: {header:?} vs {names:?}"),
            }),
            Some(_) => Ok(()),
        }
    }

    /// Writes `n` pieces of CSV lines in order, `format(i)` giving piece `i`: formatted in
    /// parallel, a batch of pieces at a time, so the text of a long table is never all in
    /// memory. The caller counts the rows ([`TableWriter::add_rows`]).
    pub(crate) fn append_formatted(
        &mut self,
        n: usize,
        format: impl Fn(usize) -> Result<Vec<u8>> + Sync,
    ) -> Result<()> {
        let batch = 2 * rayon::current_num_threads();
        for first in (0..n).step_by(batch) {
            let formatted: Vec<Vec<u8>> = (first..n.min(first + batch))
                .into_par_iter()
                .map(&format)
                .collect::<Result<_>>()?;
            for bytes in formatted {
                self.send(bytes)?;
            }
        }
        Ok(())
    }

    /// Counts `n` rows written by [`TableWriter::append_formatted`].
    pub(crate) fn add_rows(&mut self, n: u64) {
        self.rows += n;
    }

    pub(crate) fn style(&self) -> CsvStyle {
        self.style
    }

    /// The header's columns; none before the first rows.
    pub(crate) fn columns(&self) -> &[String] {
        self.header.as_deref().unwrap_or_default()
    }

    /// Waits until the table is on disk; returns the number of rows written (header aside).
    pub fn finish(mut self) -> Result<u64> {
        match self.file.take().map(FileThread::join) {
            Some(Ok(())) => Ok(self.rows),
            Some(Err(e)) => Err(Error::write(self.path, e)),
            None => Err(Error::write(
                self.path,
                std::io::Error::other("the file was closed"),
            )),
        }
    }
}

impl Drop for TableWriter<'_> {
    /// A table abandoned part-way (an error elsewhere) still waits for its thread, so no
    /// file is being written once the caller cleans up.
    fn drop(&mut self) {
        if let Some(file) = self.file.take() {
            let _ = file.join();
        }
    }
}

/// The first `n` rows of `df` as the CSV file prints its cells (unquoted, without formula
/// guard): for a preview of the table in the report.
pub(crate) fn preview_rows(
    df: &DataFrame,
    n: usize,
    style: CsvStyle,
    path: &Path,
) -> Result<Vec<Vec<String>>> {
    let cells: Vec<ColumnCells<'_>> = df
        .columns()
        .iter()
        .map(|c| ColumnCells::of(c, path))
        .collect::<Result<_>>()?;
    Ok((0..df.height().min(n))
        .map(|row| {
            cells
                .iter()
                .map(|column| {
                    let mut cell = String::new();
                    match column {
                        ColumnCells::Str(c) => cell.push_str(c.get(row).unwrap_or("")),
                        other => other.format(row, style, &mut cell),
                    }
                    cell
                })
                .collect()
        })
        .collect())
}

/// Rows formatted by one thread at a time: a quarter of a long table's part, so two cores
/// get two slices each.
pub(crate) const ROWS_PER_SLICE: usize = 1 << 14;

/// The CSV lines of every row of `df`, without header. Written by hand rather than through
/// the csv crate's record API, which dominated the time of long tables; the quoting is the
/// same (a field is quoted when it holds the separator, a quote or a line break).
fn format_rows(df: &DataFrame, style: CsvStyle, path: &Path) -> Result<Vec<u8>> {
    let cells: Vec<ColumnCells<'_>> = df
        .columns()
        .iter()
        .map(|c| ColumnCells::of(c, path))
        .collect::<Result<_>>()?;
    let mut out = String::with_capacity(df.height() * 48);
    for row in 0..df.height() {
        let line_start = out.len();
        for (i, column) in cells.iter().enumerate() {
            if i > 0 {
                out.push(style.separator());
            }
            column.format(row, style, &mut out);
        }
        if out.len() == line_start {
            // A row of one empty field would read as an empty line.
            out.push_str("\"\"");
        }
        out.push('\n');
    }
    Ok(out.into_bytes())
}

/// Appends a text field, quoted if it holds the separator, a quote or a line break; for a
/// spreadsheet, a field a spreadsheet would read as a formula gets a leading `'`.
pub(crate) fn push_field(out: &mut String, field: &str, style: CsvStyle) {
    let guard = if guarded(field, style) { "'" } else { "" };
    if needs_quotes(field, style) {
        out.push('"');
        out.push_str(guard);
        out.push_str(&field.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(guard);
        out.push_str(field);
    }
}

/// Whether [`push_field`] prints `field` as it is.
pub(crate) fn prints_as_is(field: &str, style: CsvStyle) -> bool {
    !guarded(field, style) && !needs_quotes(field, style)
}

/// Whether a spreadsheet would run `field` as a formula.
fn guarded(field: &str, style: CsvStyle) -> bool {
    style.for_spreadsheets() && starts_a_formula(field)
}

/// Whether `field` holds the separator, a quote or a line break.
fn needs_quotes(field: &str, style: CsvStyle) -> bool {
    let separator = style.separator() as u8;
    field
        .bytes()
        .any(|b| b == separator || matches!(b, b'"' | b'\n' | b'\r'))
}

/// Appends an integer in decimal, without the general formatter (tables print millions).
pub(crate) fn push_integer(out: &mut String, negative: bool, mut magnitude: u64) {
    let mut buffer = [0u8; 21];
    let mut start = buffer.len();
    loop {
        start -= 1;
        buffer[start] = b'0' + (magnitude % 10) as u8;
        magnitude /= 10;
        if magnitude == 0 {
            break;
        }
    }
    if negative {
        start -= 1;
        buffer[start] = b'-';
    }
    out.push_str(std::str::from_utf8(&buffer[start..]).unwrap_or_default());
}

/// Whether a spreadsheet would take `field` for a formula: it begins with `=`, `+`, `-`, `@`,
/// a tab or a carriage return, and is not simply a number such as `-3.5`.
fn starts_a_formula(field: &str) -> bool {
    field.starts_with(['=', '+', '-', '@', '\t', '\r'])
        && !field.parse::<f64>().is_ok_and(f64::is_finite)
}

/// A column viewed by type, to format one cell at a time.
enum ColumnCells<'a> {
    Str(&'a StringChunked),
    U32(&'a UInt32Chunked),
    U64(&'a UInt64Chunked),
    I32(&'a Int32Chunked),
    I64(&'a Int64Chunked),
    F64(&'a Float64Chunked),
    Bool(&'a BooleanChunked),
}

impl<'a> ColumnCells<'a> {
    fn of(column: &'a Column, path: &Path) -> Result<ColumnCells<'a>> {
        let unsupported = || Error::Output {
            path: path.to_path_buf(),
            message: format!(
                "column {} has type {}, which the CSV writer does not support",
                column.name(),
                column.dtype()
            ),
        };
        Ok(match column.dtype() {
            DataType::String => ColumnCells::Str(column.str().map_err(|_| unsupported())?),
            DataType::UInt32 => ColumnCells::U32(column.u32().map_err(|_| unsupported())?),
            DataType::UInt64 => ColumnCells::U64(column.u64().map_err(|_| unsupported())?),
            DataType::Int32 => ColumnCells::I32(column.i32().map_err(|_| unsupported())?),
            DataType::Int64 => ColumnCells::I64(column.i64().map_err(|_| unsupported())?),
            DataType::Float64 => ColumnCells::F64(column.f64().map_err(|_| unsupported())?),
            DataType::Boolean => ColumnCells::Bool(column.bool().map_err(|_| unsupported())?),
            _ => return Err(unsupported()),
        })
    }

    /// Appends the cell of `row`; a missing value (or a float that is not finite) is an
    /// empty cell.
    fn format(&self, row: usize, style: CsvStyle, out: &mut String) {
        match self {
            ColumnCells::Str(c) => push_field(out, c.get(row).unwrap_or(""), style),
            ColumnCells::U32(c) => {
                if let Some(v) = c.get(row) {
                    push_integer(out, false, u64::from(v));
                }
            }
            ColumnCells::U64(c) => {
                if let Some(v) = c.get(row) {
                    push_integer(out, false, v);
                }
            }
            ColumnCells::I32(c) => {
                if let Some(v) = c.get(row) {
                    push_integer(out, v < 0, u64::from(v.unsigned_abs()));
                }
            }
            ColumnCells::I64(c) => {
                if let Some(v) = c.get(row) {
                    push_integer(out, v < 0, v.unsigned_abs());
                }
            }
            ColumnCells::F64(c) => {
                if let Some(rounded) = c.get(row).and_then(Rounded::of) {
                    rounded.write(style.decimal(), out);
                }
            }
            ColumnCells::Bool(c) => {
                if let Some(v) = c.get(row) {
                    out.push_str(if v { "true" } else { "false" });
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Writes a DataFrame as CSV.
    pub fn write_frame(df: &DataFrame, path: &Path, style: CsvStyle) -> Result<()> {
        let mut table = TableWriter::create(path, style)?;
        table.append(df)?;
        table.finish().map(|_| ())
    }

    fn written(df: &DataFrame, style: CsvStyle) -> String {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.csv");
        write_frame(df, &path, style).unwrap();
        std::fs::read_to_string(&path).unwrap()
    }

    fn sample() -> DataFrame {
        DataFrame::new_infer_height(vec![
            Column::new(
                "term".into(),
                ["Côte d'Ivoire", "a, \"quoted\" one", "=1+2", "-3.5"],
            ),
            Column::new("count".into(), [3u64, 1, 1_234_567, 0]),
            Column::new(
                "per_10k".into(),
                [1.0 / 3.0, f64::NAN, 0.000190123456, 1234567.0],
            ),
            Column::new("stopword".into(), [true, false, false, true]),
        ])
        .unwrap()
    }

    #[test]
    fn spreadsheet_tables_have_a_bom_six_significant_digits_and_no_formulas() {
        assert_eq!(
            written(&sample(), CsvStyle::Excel),
            "\u{FEFF}term,count,per_10k,stopword\n\
             Côte d'Ivoire,3,0.333333,true\n\
             \"a, \"\"quoted\"\" one\",1,,false\n\
             '=1+2,1234567,0.000190123,false\n\
             -3.5,0,1.23457e+06,true\n"
        );
    }

    #[test]
    fn european_tables_use_semicolons_and_decimal_commas() {
        assert_eq!(
            written(&sample(), CsvStyle::ExcelEu),
            "\u{FEFF}term;count;per_10k;stopword\n\
             Côte d'Ivoire;3;0,333333;true\n\
             \"a, \"\"quoted\"\" one\";1;;false\n\
             '=1+2;1234567;0,000190123;false\n\
             -3.5;0;1,23457e+06;true\n"
        );
    }

    #[test]
    fn plain_tables_are_text_as_it_is() {
        assert_eq!(
            written(&sample(), CsvStyle::Plain),
            "term,count,per_10k,stopword\n\
             Côte d'Ivoire,3,0.333333,true\n\
             \"a, \"\"quoted\"\" one\",1,,false\n\
             =1+2,1234567,0.000190123,false\n\
             -3.5,0,1.23457e+06,true\n"
        );
    }

    #[test]
    fn formula_guards_keep_numbers_and_quote_what_needs_it() {
        for (field, guarded) in [
            ("-", true),
            ("+1", false),
            ("@SUM(A1)", true),
            ("-inf", true),
            ("\tx", true),
            ("x=1", false),
            ("2016", false),
        ] {
            assert_eq!(starts_a_formula(field), guarded, "{field:?}");
        }
        let mut out = String::new();
        push_field(&mut out, "=HYPERLINK(\"x\")", CsvStyle::Excel);
        assert_eq!(out, "\"'=HYPERLINK(\"\"x\"\")\"");
    }

    #[test]
    fn floats_print_as_percent_g_with_six_digits() {
        let cases = [
            (0.0, "0"),
            (-0.0, "0"),
            (1.0, "1"),
            (-1.5, "-1.5"),
            (100.0, "100"),
            (123456.0, "123456"),
            (999999.5, "1e+06"),
            (1234567.0, "1.23457e+06"),
            (0.0001, "0.0001"),
            (0.00001234, "1.234e-05"),
            (2.5e-300, "2.5e-300"),
            (1e100, "1e+100"),
            (24.14809212, "24.1481"),
            (0.1 + 0.2, "0.3"),
            (9.9999949, "9.99999"),
            (9.9999951, "10"),
        ];
        for (v, text) in cases {
            let mut out = String::new();
            Rounded::of(v).unwrap().write('.', &mut out);
            assert_eq!(out, text, "{v:e}");
        }
        assert_eq!(Rounded::of(f64::NAN), None);
    }

    /// The general formatter's six significant digits (`{:.5e}`), trailing zeros dropped,
    /// in `%g` notation: what the quick rounding must reproduce.
    fn percent_g(v: f64) -> String {
        if v == 0.0 {
            return "0".into();
        }
        let text = format!("{:.5e}", v.abs());
        let (mantissa, exponent) = text.split_once('e').unwrap();
        let exponent: i32 = exponent.parse().unwrap();
        let digits = mantissa.replace('.', "");
        let digits = digits.trim_end_matches('0');
        let sign = if v < 0.0 { "-" } else { "" };
        if (-4..6).contains(&exponent) {
            let plain = if exponent < 0 {
                format!("0.{}{digits}", "0".repeat((-exponent - 1) as usize))
            } else {
                let whole = exponent as usize + 1;
                if digits.len() <= whole {
                    format!("{digits}{}", "0".repeat(whole - digits.len()))
                } else {
                    format!("{}.{}", &digits[..whole], &digits[whole..])
                }
            };
            format!("{sign}{plain}")
        } else {
            let rest = if digits.len() > 1 {
                format!(".{}", &digits[1..])
            } else {
                String::new()
            };
            format!(
                "{sign}{}{rest}e{}{:02}",
                &digits[..1],
                if exponent < 0 { '-' } else { '+' },
                exponent.abs()
            )
        }
    }

    #[test]
    fn the_quick_rounding_matches_the_general_formatter() {
        let mut values = vec![
            1.0 / 3.0,
            2.0 / 3.0,
            297.0634,
            68.921718,
            1e14,
            1e15 + 0.5,
            123456789.1234565,
            -4.534939,
            8431.148414,
            0.0000015,
            0.0000025,
            1.000005,
            1.0000050000001,
            99999.95,
            f64::MIN_POSITIVE,
            f64::MAX,
            5e-324,
        ];
        let mut x = 0.000123f64;
        for _ in 0..20_000 {
            x = (x * 1.618034 + 0.0001234567) % 10_000.0;
            values.extend([x, -x / 7.0, x * 1e-7, x * 1e11]);
        }
        for v in values {
            let mut fast = String::new();
            Rounded::of(v).unwrap().write('.', &mut fast);
            assert_eq!(fast, percent_g(v), "{v:e}");
        }
    }

    #[test]
    fn a_table_written_in_parts_equals_the_whole() {
        let part = |words: &[&str]| {
            DataFrame::new_infer_height(vec![Column::new("w".into(), words.to_vec())]).unwrap()
        };
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.csv");
        let mut table = TableWriter::create(&path, CsvStyle::Plain).unwrap();
        table.append(&part(&["a", "b"])).unwrap();
        table.append(&part(&[])).unwrap();
        table.append(&part(&["c"])).unwrap();
        assert_eq!(table.finish().unwrap(), 3);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "w\na\nb\nc\n");
        let other = DataFrame::new_infer_height(vec![Column::new("x".into(), ["a"])]).unwrap();
        let mut table = TableWriter::create(&path, CsvStyle::Plain).unwrap();
        table.append(&part(&["a"])).unwrap();
        assert!(table.append(&other).is_err());
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_full_disk_is_an_error_naming_the_file() {
        let df = DataFrame::new_infer_height(vec![Column::new(
            "a".into(),
            vec!["x".repeat(100); 50_000],
        )])
        .unwrap();
        let err = write_frame(&df, Path::new("/dev/full"), CsvStyle::Excel)
            .unwrap_err()
            .to_string();
        assert!(err.contains("/dev/full"), "{err}");
    }

    #[test]
    fn writing_into_a_missing_folder_names_the_path() {
        let df = DataFrame::new_infer_height(vec![Column::new("a".into(), [1u32])]).unwrap();
        let err = write_frame(&df, Path::new("/nonexistent/dir/t.csv"), CsvStyle::Excel)
            .unwrap_err()
            .to_string();
        assert!(err.contains("/nonexistent/dir/t.csv"), "{err}");
    }
}
