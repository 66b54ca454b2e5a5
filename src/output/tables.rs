//! CSV tables: UTF-8, a header row, comma-separated, quoted only where needed, floats with a
//! fixed six decimals so the same input always gives the same bytes.

use std::fmt::Write as _;
use std::fs::File;
use std::io::{BufWriter, Write as _};
use std::path::Path;

use polars::prelude::*;
use rayon::prelude::*;

use crate::columns::{printed_units, FLOAT_DECIMALS};
use crate::error::{Error, Result};

/// A CSV table written in parts: a long table can be built and written a slice of rows at a
/// time, so it never has to exist whole as a DataFrame.
pub struct TableWriter<'p> {
    path: &'p Path,
    file: BufWriter<File>,
    header: Option<Vec<String>>,
}

impl<'p> TableWriter<'p> {
    pub fn create(path: &'p Path) -> Result<TableWriter<'p>> {
        let file = File::create(path).map_err(|e| Error::write(path, e))?;
        Ok(TableWriter {
            path,
            file: BufWriter::with_capacity(1 << 20, file),
            header: None,
        })
    }

    /// Writes the rows of `df`; the first part also gives the header, and every later part
    /// must have the same columns.
    pub fn append(&mut self, df: &DataFrame) -> Result<()> {
        let path = self.path;
        let io = |e: csv::Error| Error::write(path, e.into());
        let names: Vec<String> = df
            .get_column_names()
            .iter()
            .map(|n| n.to_string())
            .collect();
        match &self.header {
            None => {
                let mut line = csv::Writer::from_writer(Vec::new());
                line.write_record(&names).map_err(io)?;
                let line = line
                    .into_inner()
                    .map_err(|e| Error::write(path, std::io::Error::other(e.to_string())))?;
                self.file
                    .write_all(&line)
                    .map_err(|e| Error::write(path, e))?;
                self.header = Some(names);
            }
            Some(header) if *header != names => {
                return Err(Error::Output {
                    path: path.to_path_buf(),
                    message: format!("table parts differ in columns: {header:?} vs {names:?}"),
                })
            }
            Some(_) => {}
        }
        // Rows are formatted in parallel, a slice per thread, and written in order; a batch
        // of slices at a time, so the formatted text of a long table is never all in memory.
        let slices: Vec<DataFrame> = (0..df.height())
            .step_by(ROWS_PER_SLICE)
            .map(|offset| df.slice(offset as i64, ROWS_PER_SLICE))
            .collect();
        let batch = 2 * rayon::current_num_threads();
        for slices in slices.chunks(batch) {
            let formatted: Vec<Vec<u8>> = slices
                .par_iter()
                .map(|slice| format_rows(slice, path))
                .collect::<Result<_>>()?;
            for bytes in formatted {
                self.file
                    .write_all(&bytes)
                    .map_err(|e| Error::write(path, e))?;
            }
        }
        Ok(())
    }

    /// Flushes the table to disk.
    pub fn finish(mut self) -> Result<()> {
        self.file.flush().map_err(|e| Error::write(self.path, e))
    }
}

/// Rows formatted by one thread at a time.
const ROWS_PER_SLICE: usize = 1 << 16;

/// The CSV lines of every row of `df`, without header. Written by hand rather than through
/// the csv crate's record API, which dominated the time of long tables; the quoting is the
/// same (a field is quoted when it holds a comma, a quote or a line break).
fn format_rows(df: &DataFrame, path: &Path) -> Result<Vec<u8>> {
    let cells: Vec<Cells<'_>> = df
        .columns()
        .iter()
        .map(|c| Cells::of(c, path))
        .collect::<Result<_>>()?;
    let mut out = String::with_capacity(df.height() * 48);
    for row in 0..df.height() {
        let line_start = out.len();
        for (i, column) in cells.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            column.format(row, &mut out);
        }
        if out.len() == line_start {
            // A row of one empty field would read as an empty line.
            out.push_str("\"\"");
        }
        out.push('\n');
    }
    Ok(out.into_bytes())
}

/// Appends a text field, quoted if it holds a comma, a quote or a line break.
fn push_field(out: &mut String, field: &str) {
    if field.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&field.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(field);
    }
}

/// A column viewed by type, to format one cell at a time.
enum Cells<'a> {
    Str(&'a StringChunked),
    U32(&'a UInt32Chunked),
    U64(&'a UInt64Chunked),
    I32(&'a Int32Chunked),
    I64(&'a Int64Chunked),
    F64(&'a Float64Chunked),
    Bool(&'a BooleanChunked),
}

impl<'a> Cells<'a> {
    fn of(column: &'a Column, path: &Path) -> Result<Cells<'a>> {
        let unsupported = || Error::Output {
            path: path.to_path_buf(),
            message: format!(
                "column {} has type {}, which the CSV writer does not support",
                column.name(),
                column.dtype()
            ),
        };
        Ok(match column.dtype() {
            DataType::String => Cells::Str(column.str().map_err(|_| unsupported())?),
            DataType::UInt32 => Cells::U32(column.u32().map_err(|_| unsupported())?),
            DataType::UInt64 => Cells::U64(column.u64().map_err(|_| unsupported())?),
            DataType::Int32 => Cells::I32(column.i32().map_err(|_| unsupported())?),
            DataType::Int64 => Cells::I64(column.i64().map_err(|_| unsupported())?),
            DataType::Float64 => Cells::F64(column.f64().map_err(|_| unsupported())?),
            DataType::Boolean => Cells::Bool(column.bool().map_err(|_| unsupported())?),
            _ => return Err(unsupported()),
        })
    }

    /// Appends the cell of `row`; a missing value is an empty cell.
    fn format(&self, row: usize, out: &mut String) {
        let _ = match self {
            Cells::Str(c) => {
                push_field(out, c.get(row).unwrap_or(""));
                Ok(())
            }
            Cells::U32(c) => c.get(row).map_or(Ok(()), |v| write!(out, "{v}")),
            Cells::U64(c) => c.get(row).map_or(Ok(()), |v| write!(out, "{v}")),
            Cells::I32(c) => c.get(row).map_or(Ok(()), |v| write!(out, "{v}")),
            Cells::I64(c) => c.get(row).map_or(Ok(()), |v| write!(out, "{v}")),
            Cells::F64(c) => match c.get(row) {
                Some(v) if v.is_finite() => {
                    write_fixed(v, out);
                    Ok(())
                }
                _ => Ok(()),
            },
            Cells::Bool(c) => c.get(row).map_or(Ok(()), |v| write!(out, "{v}")),
        };
    }
}

/// Appends `v` with [`FLOAT_DECIMALS`] decimals, exactly as `format!("{v:.6}")` does, the
/// general formatter only where [`printed_units`] cannot decide.
fn write_fixed(v: f64, out: &mut String) {
    let Some((negative, units)) = printed_units(v) else {
        let _ = write!(out, "{v:.prec$}", prec = FLOAT_DECIMALS);
        return;
    };
    if negative {
        out.push('-');
    }
    let _ = write!(out, "{}.{:06}", units / 1_000_000, units % 1_000_000);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Writes a DataFrame as CSV.
    pub fn write_frame(df: &DataFrame, path: &Path) -> Result<()> {
        let mut table = TableWriter::create(path)?;
        table.append(df)?;
        table.finish()
    }

    #[test]
    fn frames_are_written_with_fixed_precision_and_quoting() {
        let df = DataFrame::new_infer_height(vec![
            Column::new("term".into(), ["peace", "a, \"quoted\" one"]),
            Column::new("count".into(), [3u64, 1]),
            Column::new("per_10k".into(), [1.0 / 3.0, f64::NAN]),
            Column::new("stopword".into(), [true, false]),
        ])
        .unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.csv");
        write_frame(&df, &path).unwrap();
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "term,count,per_10k,stopword\npeace,3,0.333333,true\n\"a, \"\"quoted\"\" one\",1,,false\n"
        );
    }

    #[test]
    fn fixed_decimals_match_the_general_formatter() {
        let mut values = vec![
            0.0,
            -0.0,
            1.0,
            -1.0,
            0.5,
            0.0000005,
            0.0000015,
            0.0000025,
            2.5e-7,
            -2.5e-7,
            1.0 / 3.0,
            2.0 / 3.0,
            297.0634,
            68.921718,
            1e14,
            1e15 + 0.5,
            123456789.1234565,
            -4.534939,
            0.1 + 0.2,
            8431.148414,
            f64::MIN_POSITIVE,
            1e-300,
        ];
        let mut x = 0.000123f64;
        for _ in 0..20_000 {
            x = (x * 1.618034 + 0.0001234567) % 10_000.0;
            values.push(x);
            values.push(-x / 7.0);
        }
        for v in values {
            let mut fast = String::new();
            write_fixed(v, &mut fast);
            assert_eq!(fast, format!("{v:.6}"), "{v:e}");
        }
    }

    #[test]
    fn a_table_written_in_parts_equals_the_whole() {
        let part = |words: &[&str]| {
            DataFrame::new_infer_height(vec![Column::new("w".into(), words.to_vec())]).unwrap()
        };
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.csv");
        let mut table = TableWriter::create(&path).unwrap();
        table.append(&part(&["a", "b"])).unwrap();
        table.append(&part(&[])).unwrap();
        table.append(&part(&["c"])).unwrap();
        table.finish().unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "w\na\nb\nc\n");
        let other = DataFrame::new_infer_height(vec![Column::new("x".into(), ["a"])]).unwrap();
        let mut table = TableWriter::create(&path).unwrap();
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
        let err = write_frame(&df, Path::new("/dev/full"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("/dev/full"), "{err}");
    }

    #[test]
    fn writing_into_a_missing_folder_names_the_path() {
        let df = DataFrame::new_infer_height(vec![Column::new("a".into(), [1u32])]).unwrap();
        let err = write_frame(&df, Path::new("/nonexistent/dir/t.csv"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("/nonexistent/dir/t.csv"), "{err}");
    }
}
