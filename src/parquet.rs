//! Parquet files, through polars' Parquet reader and writer: the one home of the format.
//!
//! Written: zstd-compressed, for R (arrow), Python (pyarrow, polars, pandas) and DuckDB. The
//! columns and types are the frame's (text as UTF-8 strings, integers of their width and sign,
//! doubles, booleans), every column nullable; a float that is not finite is written as null,
//! as the CSV has an empty cell for it. A table written in parts gets its parts gathered into
//! row groups of at least [`ROW_GROUP_ROWS`] rows (the last may be shorter).
//!
//! Read: any file pyarrow, polars or the Hugging Face libraries write, whatever its codec
//! (snappy, zstd, gzip, uncompressed, also LZ4 and Brotli) and however many row groups.

use std::fs::File;
use std::io::BufWriter;
use std::path::Path;

use polars::prelude::*;
use polars_io::prelude::*;

use crate::error::{Error, Result};

/// Rows of one row group. Long tables come in parts of a few ten thousand rows, kept small
/// for the memory of their CSV; a Parquet reader is better served by fewer, larger groups.
pub(crate) const ROW_GROUP_ROWS: usize = 1 << 18;

/// A Parquet file written in parts, gathered into row groups of [`ROW_GROUP_ROWS`] rows.
pub(crate) struct ParquetTable<'p> {
    path: &'p Path,
    /// Made at the first part.
    writer: Option<BatchedWriter<BufWriter<File>>>,
    /// The columns and types of the first part, which every part must have.
    schema: Option<SchemaRef>,
    /// Rows received and not yet written: fewer than `group_rows`.
    pending: Option<DataFrame>,
    group_rows: usize,
}

impl<'p> ParquetTable<'p> {
    /// A table to be written to `path` by [`ParquetTable::append`] and
    /// [`ParquetTable::finish`].
    pub(crate) fn create(path: &'p Path) -> ParquetTable<'p> {
        ParquetTable::with_group_rows(path, ROW_GROUP_ROWS)
    }

    /// A table whose row groups gather at least `rows` rows (a part of that many or more is
    /// a row group of its own): for rows as large as a speech's tokens.
    pub(crate) fn with_group_rows(path: &'p Path, rows: usize) -> ParquetTable<'p> {
        ParquetTable {
            path,
            writer: None,
            schema: None,
            pending: None,
            group_rows: rows.max(1),
        }
    }

    /// Adds the rows of `part`, written once a row group's worth has come.
    pub(crate) fn append(&mut self, part: DataFrame) -> Result<()> {
        match &self.schema {
            None => self.schema = Some(part.schema().clone()),
            Some(first) if first != part.schema() => {
                return Err(Error::Output {
                    path: self.path.to_path_buf(),
                    message: format!(
                        "table parts differ in columns: {first:?} vs {:?}",
                        part.schema()
                    ),
                })
            }
            Some(_) => {}
        }
        let part = non_finite_as_null(part).map_err(|e| self.failed(e))?;
        let pending = match self.pending.take() {
            None => part,
            Some(mut pending) => {
                pending.vstack_mut(&part).map_err(|e| self.failed(e))?;
                pending
            }
        };
        match pending.height() >= self.group_rows {
            true => self.write_group(pending),
            false => {
                self.pending = Some(pending);
                Ok(())
            }
        }
    }

    /// Writes `rows` as one row group (none when it is empty).
    fn write_group(&mut self, mut rows: DataFrame) -> Result<()> {
        // The writer takes each run of aligned chunks as a row group, so one run it must be.
        rows.rechunk_mut();
        let writer = match self.writer.take() {
            Some(writer) => writer,
            None => self.open(rows.schema())?,
        };
        let writer = self.writer.insert(writer);
        writer.write_batch(&rows).map_err(|e| self.failed(e))
    }

    /// Writes the last rows, the footer, and flushes the file; a table given no part has no
    /// columns.
    pub(crate) fn finish(mut self) -> Result<()> {
        if let Some(rest) = self.pending.take() {
            self.write_group(rest)?;
        }
        let writer = match self.writer.take() {
            Some(writer) => writer,
            None => self.open(&Schema::default())?,
        };
        writer.finish().map(|_| ()).map_err(|e| self.failed(e))
    }

    /// Creates the file, for columns of `schema`.
    fn open(&self, schema: &Schema) -> Result<BatchedWriter<BufWriter<File>>> {
        let file = File::create(self.path).map_err(|e| Error::write(self.path, e))?;
        ParquetWriter::new(BufWriter::with_capacity(1 << 20, file))
            .with_compression(ParquetCompression::Zstd(None))
            .batched(schema)
            .map_err(|e| self.failed(e))
    }

    fn failed(&self, error: PolarsError) -> Error {
        match error {
            PolarsError::IO { error, .. } => Error::write(
                self.path,
                std::io::Error::new(error.kind(), error.to_string()),
            ),
            other => Error::Output {
                path: self.path.to_path_buf(),
                message: format!("cannot be written as Parquet: {other}"),
            },
        }
    }
}

/// Writes `frame` to `path` as one zstd-compressed Parquet file (see the module's doc).
pub(crate) fn write_frame(frame: &mut DataFrame, path: &Path) -> Result<()> {
    let mut table = ParquetTable::create(path);
    // A clone shares the columns: no value is copied.
    table.append(frame.clone())?;
    table.finish()
}

/// What a Parquet file holds, read from its footer alone: its columns with their types, and
/// its row groups.
pub(crate) struct Layout {
    pub(crate) columns: Vec<(String, DataType)>,
    pub(crate) row_groups: Vec<RowGroup>,
}

/// One row group of a Parquet file.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RowGroup {
    /// Its first row in the file.
    pub(crate) offset: usize,
    pub(crate) rows: usize,
    /// Its compressed size on disk.
    pub(crate) bytes: usize,
}

/// The layout of the Parquet file at `path` (see [`Layout`]).
pub(crate) fn layout(path: &Path) -> Result<Layout> {
    let mut reader = ParquetReader::new(open(path)?);
    let schema = reader.schema().map_err(|e| unreadable(path, e))?;
    let columns = Schema::from_arrow_schema(&schema)
        .iter()
        .map(|(name, dtype)| (name.to_string(), dtype.clone()))
        .collect();
    let metadata = reader.get_metadata().map_err(|e| unreadable(path, e))?;
    let mut offset = 0;
    let row_groups = metadata
        .row_groups
        .iter()
        .map(|group| {
            let rows = group.num_rows();
            let row_group = RowGroup {
                offset,
                rows,
                bytes: group.compressed_size(),
            };
            offset += rows;
            row_group
        })
        .collect();
    Ok(Layout {
        columns,
        row_groups,
    })
}

/// Reads `rows` rows of the Parquet file at `path` from row `offset`, only the `columns`
/// named.
pub(crate) fn read_rows(
    path: &Path,
    offset: usize,
    rows: usize,
    columns: Vec<String>,
) -> Result<DataFrame> {
    ParquetReader::new(open(path)?)
        .with_columns(Some(columns))
        .with_slice(Some((offset, rows)))
        .finish()
        .map_err(|e| unreadable(path, e))
}

/// Reads the Parquet file at `path` whole, row groups in order.
pub fn read_frame(path: &Path) -> Result<DataFrame> {
    ParquetReader::new(open(path)?)
        .finish()
        .map_err(|e| unreadable(path, e))
}

fn open(path: &Path) -> Result<File> {
    File::open(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => Error::MissingInput {
            path: path.to_path_buf(),
        },
        _ => Error::read(path, e),
    })
}

fn unreadable(path: &Path, error: PolarsError) -> Error {
    Error::Parquet {
        path: path.to_path_buf(),
        message: format!(
            "not a Parquet file speechstat can read ({error}); check that the file is whole \
             (a copy cut short has no footer) and was written as Parquet"
        ),
    }
}

/// `frame` with every float that is infinite or NaN replaced by null.
fn non_finite_as_null(frame: DataFrame) -> PolarsResult<DataFrame> {
    let non_finite = |c: &Column| {
        c.f64()
            .is_ok_and(|values| values.iter().flatten().any(|v| !v.is_finite()))
    };
    if !frame.columns().iter().any(non_finite) {
        return Ok(frame);
    }
    let height = frame.height();
    let columns = frame
        .columns()
        .iter()
        .map(|c| match non_finite(c) {
            true => c.f64().map(|values| {
                values
                    .iter()
                    .map(|v| v.filter(|v| v.is_finite()))
                    .collect::<Float64Chunked>()
                    .with_name(c.name().clone())
                    .into_column()
            }),
            false => Ok(c.clone()),
        })
        .collect::<PolarsResult<Vec<Column>>>()?;
    DataFrame::new(height, columns)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> std::path::PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/parquet")
            .join(name)
    }

    /// The codec of every column chunk of the file.
    fn codecs(path: &Path) -> Vec<String> {
        let mut reader = ParquetReader::new(File::open(path).unwrap());
        let metadata = reader.get_metadata().unwrap();
        metadata
            .row_groups
            .iter()
            .flat_map(|group| group.parquet_columns())
            .map(|column| format!("{:?}", column.compression()))
            .collect()
    }

    #[test]
    fn a_frame_reads_back_with_its_types_and_non_finite_floats_as_null() {
        let mut frame = DataFrame::new_infer_height(vec![
            Column::new("term".into(), [Some("peace"), None, Some("Ørsted")]),
            Column::new("count".into(), [3u64, 1, 0]),
            Column::new("rank".into(), [1u32, 2, 3]),
            Column::new("year".into(), [-1i32, 2016, 2017]),
            Column::new("offset".into(), [i64::MIN, 0, i64::MAX]),
            Column::new("per_10k".into(), [Some(0.5), Some(f64::NAN), None]),
            Column::new("g2".into(), [f64::INFINITY, 1e-300, -2.5]),
            Column::new("stopword".into(), [Some(true), Some(false), None]),
        ])
        .unwrap();
        let expected = DataFrame::new_infer_height(vec![
            Column::new("term".into(), [Some("peace"), None, Some("Ørsted")]),
            Column::new("count".into(), [3u64, 1, 0]),
            Column::new("rank".into(), [1u32, 2, 3]),
            Column::new("year".into(), [-1i32, 2016, 2017]),
            Column::new("offset".into(), [i64::MIN, 0, i64::MAX]),
            Column::new("per_10k".into(), [Some(0.5), None, None]),
            Column::new("g2".into(), [None, Some(1e-300), Some(-2.5)]),
            Column::new("stopword".into(), [Some(true), Some(false), None]),
        ])
        .unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("terms.parquet");
        write_frame(&mut frame, &path).unwrap();
        assert!(read_frame(&path).unwrap().equals_missing(&expected));
        assert!(
            codecs(&path).iter().all(|c| c == "Zstd"),
            "{:?}",
            codecs(&path)
        );
    }

    #[test]
    fn a_table_written_in_parts_has_its_parts_gathered_into_row_groups() {
        let part = DataFrame::new_infer_height(vec![
            Column::new("term".into(), ["peace", "war"]),
            Column::new("count".into(), [3u64, 1]),
        ])
        .unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.parquet");
        let mut table = ParquetTable {
            group_rows: 3,
            ..ParquetTable::create(&path)
        };
        // Groups of at least three rows: 2 + 0 + 1, then 2 + 2, then the last 1.
        let parts = [
            part.clone(),
            part.slice(0, 0),
            part.slice(1, 1),
            part.clone(),
            part.clone(),
            part.slice(0, 1),
        ];
        for rows in parts {
            table.append(rows).unwrap();
        }
        table.finish().unwrap();
        let read = read_frame(&path).unwrap();
        let terms: Vec<Option<&str>> = read.column("term").unwrap().str().unwrap().iter().collect();
        assert_eq!(
            terms,
            ["peace", "war", "war", "peace", "war", "peace", "war", "peace"].map(Some)
        );
        let groups: Vec<usize> = layout(&path)
            .unwrap()
            .row_groups
            .iter()
            .map(|g| g.rows)
            .collect();
        assert_eq!(groups, [3, 4, 1]);
        assert_eq!(codecs(&path).len(), 3 * 2);
    }

    #[test]
    fn a_table_given_no_part_is_a_file_of_no_columns() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.parquet");
        ParquetTable::create(&path).finish().unwrap();
        assert_eq!(read_frame(&path).unwrap().shape(), (0, 0));
    }

    #[test]
    fn parts_must_agree_on_their_columns() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.parquet");
        let mut table = ParquetTable::create(&path);
        let a = DataFrame::new_infer_height(vec![Column::new("a".into(), [1u32])]).unwrap();
        let b = DataFrame::new_infer_height(vec![Column::new("a".into(), [1.0])]).unwrap();
        table.append(a).unwrap();
        let error = table.append(b).unwrap_err().to_string();
        assert!(
            error.contains("t.parquet") && error.contains("differ"),
            "{error}"
        );
    }

    #[test]
    fn files_pyarrow_writes_are_read_whatever_their_codec() {
        let expected = DataFrame::new_infer_height(vec![
            Column::new(
                "speaker".into(),
                [
                    Some("Mr. Ørsted"),
                    None,
                    Some("Ms. Núñez"),
                    Some(""),
                    Some("Mr. Ørsted"),
                ],
            ),
            Column::new("count".into(), [3i64, 0, 12, 7, 3]),
            Column::new(
                "rate".into(),
                [Some(0.5), None, Some(1.25), Some(1e-9), Some(0.5)],
            ),
            Column::new(
                "closing".into(),
                [Some(true), Some(false), None, Some(false), Some(true)],
            ),
        ])
        .unwrap();
        // Written by make.py beside them, in row groups of two rows.
        for (file, codec) in [
            ("snappy.parquet", "Snappy"),
            ("zstd.parquet", "Zstd"),
            ("gzip.parquet", "Gzip"),
            ("uncompressed.parquet", "Uncompressed"),
        ] {
            let path = fixture(file);
            assert_eq!(codecs(&path), vec![codec; 3 * 4], "{file}");
            let frame = read_frame(&path).unwrap();
            assert!(frame.equals_missing(&expected), "{file}: {frame}");
        }
    }

    #[test]
    fn a_file_that_is_not_parquet_is_named_with_what_to_check() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("speeches.parquet");
        std::fs::write(&path, "speaker,text\nMr. A,Peace.\n").unwrap();
        let error = read_frame(&path).unwrap_err();
        assert!(matches!(error, Error::Parquet { .. }), "{error:?}");
        let message = error.to_string();
        assert!(
            message.starts_with(&format!("{}: not a Parquet file", path.display()))
                && message.contains("check that the file is whole"),
            "{message}"
        );
        let missing = dir.path().join("missing.parquet");
        assert!(matches!(
            read_frame(&missing),
            Err(Error::MissingInput { path }) if path == missing
        ));
    }
}
