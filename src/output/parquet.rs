//! Parquet tables, for R (arrow), Python (pyarrow, polars, pandas) and DuckDB: the same
//! columns as the CSV files, with their types.
//!
//! A small writer of the format's plain subset rather than polars' `parquet` feature, which
//! builds five compression libraries (two of them in C) and would add minutes to every cold
//! build: every column OPTIONAL (a missing value or a float that is not finite is null, as
//! the CSV's empty cell), PLAIN encoding, no compression, one row group per part a table is
//! built in, one data page per column chunk. Types: text as UTF-8 strings, unsigned and signed
//! integers of 32 and 64 bits as such, doubles, booleans. The file metadata is Thrift's
//! compact protocol ([`Thrift`]).
//!
//! Format: <https://parquet.apache.org/docs/file-format/> and `parquet.thrift`.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

use polars::prelude::*;

use crate::error::{Error, Result};

/// The magic bytes at the start and the end of every Parquet file.
const MAGIC: &[u8; 4] = b"PAR1";

/// A Parquet table written in parts.
pub(crate) struct ParquetTable<'p> {
    path: &'p Path,
    file: BufWriter<File>,
    /// Bytes written so far: the offset of the next page.
    offset: u64,
    /// Column names and types, from the first part.
    schema: Option<Vec<(String, ColumnType)>>,
    row_groups: Vec<RowGroup>,
}

/// How a polars column is stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ColumnType {
    Text,
    UInt32,
    UInt64,
    Int32,
    Int64,
    Double,
    Boolean,
}

/// Parquet's physical types (`Type` in parquet.thrift).
mod physical {
    pub const BOOLEAN: i32 = 0;
    pub const INT32: i32 = 1;
    pub const INT64: i32 = 2;
    pub const DOUBLE: i32 = 5;
    pub const BYTE_ARRAY: i32 = 6;
}

/// `Encoding` values.
const PLAIN: i32 = 0;
const RLE: i32 = 3;
/// `FieldRepetitionType::OPTIONAL`.
const OPTIONAL: i32 = 1;
/// `ConvertedType` values, for readers that predate logical types.
const UTF8: i32 = 0;
const UINT_32: i32 = 13;
const UINT_64: i32 = 14;

impl ColumnType {
    fn of(column: &Column, path: &Path) -> Result<ColumnType> {
        Ok(match column.dtype() {
            DataType::String => ColumnType::Text,
            DataType::UInt32 => ColumnType::UInt32,
            DataType::UInt64 => ColumnType::UInt64,
            DataType::Int32 => ColumnType::Int32,
            DataType::Int64 => ColumnType::Int64,
            DataType::Float64 => ColumnType::Double,
            DataType::Boolean => ColumnType::Boolean,
            other => {
                return Err(Error::Output {
                    path: path.to_path_buf(),
                    message: format!(
                        "column {} has type {other}, which the Parquet writer does not support",
                        column.name()
                    ),
                })
            }
        })
    }

    fn physical(self) -> i32 {
        match self {
            ColumnType::Text => physical::BYTE_ARRAY,
            ColumnType::UInt32 | ColumnType::Int32 => physical::INT32,
            ColumnType::UInt64 | ColumnType::Int64 => physical::INT64,
            ColumnType::Double => physical::DOUBLE,
            ColumnType::Boolean => physical::BOOLEAN,
        }
    }
}

/// What the footer records of a row group.
struct RowGroup {
    rows: u64,
    chunks: Vec<ChunkRecord>,
}

/// What the footer records of a column chunk.
struct ChunkRecord {
    offset: u64,
    size: u64,
    values: u64,
}

impl<'p> ParquetTable<'p> {
    pub(crate) fn create(path: &'p Path) -> Result<ParquetTable<'p>> {
        let file = File::create(path).map_err(|e| Error::write(path, e))?;
        let mut table = ParquetTable {
            path,
            file: BufWriter::with_capacity(1 << 20, file),
            offset: 0,
            schema: None,
            row_groups: Vec::new(),
        };
        table.write(MAGIC)?;
        Ok(table)
    }

    fn write(&mut self, bytes: &[u8]) -> Result<()> {
        self.file
            .write_all(bytes)
            .map_err(|e| Error::write(self.path, e))?;
        self.offset += bytes.len() as u64;
        Ok(())
    }

    /// Writes the rows of `df` as one row group; every part must have the columns and types
    /// of the first.
    pub(crate) fn append(&mut self, df: DataFrame) -> Result<()> {
        let schema: Vec<(String, ColumnType)> = df
            .columns()
            .iter()
            .map(|c| Ok((c.name().to_string(), ColumnType::of(c, self.path)?)))
            .collect::<Result<_>>()?;
        match &self.schema {
            None => self.schema = Some(schema),
            Some(first) if *first != schema => {
                return Err(Error::Output {
                    path: self.path.to_path_buf(),
                    message: format!("table parts differ in columns: {first:?} vs {schema:?}"),
                })
            }
            Some(_) => {}
        }
        if df.height() == 0 {
            return Ok(());
        }
        let mut chunks = Vec::with_capacity(df.width());
        for column in df.columns() {
            let (values, definitions) = plain_values(column, self.path)?;
            let levels = definition_levels(&definitions);
            let mut page = Vec::with_capacity(4 + levels.len() + values.len());
            page.extend_from_slice(&(levels.len() as u32).to_le_bytes());
            page.extend_from_slice(&levels);
            page.extend_from_slice(&values);
            let header = page_header(page.len(), df.height());
            let offset = self.offset;
            self.write(&header)?;
            self.write(&page)?;
            chunks.push(ChunkRecord {
                offset,
                size: (header.len() + page.len()) as u64,
                values: df.height() as u64,
            });
        }
        self.row_groups.push(RowGroup {
            rows: df.height() as u64,
            chunks,
        });
        Ok(())
    }

    /// Writes the footer and flushes the file.
    pub(crate) fn finish(mut self) -> Result<()> {
        let footer = self.file_metadata();
        self.write(&footer)?;
        self.write(&(footer.len() as u32).to_le_bytes())?;
        self.write(MAGIC)?;
        self.file.flush().map_err(|e| Error::write(self.path, e))
    }

    /// `FileMetaData`: version, schema, rows, row groups, the writer.
    fn file_metadata(&self) -> Vec<u8> {
        let schema = self.schema.clone().unwrap_or_default();
        let mut t = Thrift::default();
        t.i32_field(1, 1);
        t.list_begin(2, Thrift::STRUCT, schema.len() + 1);
        // The root: a group of every column.
        t.struct_begin();
        t.binary_field(4, b"schema");
        t.i32_field(5, schema.len() as i32);
        t.struct_end();
        for (name, kind) in &schema {
            t.struct_begin();
            t.i32_field(1, kind.physical());
            t.i32_field(3, OPTIONAL);
            t.binary_field(4, name.as_bytes());
            match kind {
                ColumnType::Text => t.i32_field(6, UTF8),
                ColumnType::UInt32 => t.i32_field(6, UINT_32),
                ColumnType::UInt64 => t.i32_field(6, UINT_64),
                _ => {}
            }
            match kind {
                ColumnType::Text => {
                    // LogicalType { STRING: StringType {} }
                    t.struct_field_begin(10);
                    t.struct_field_begin(1);
                    t.struct_end();
                    t.struct_end();
                }
                ColumnType::UInt32 | ColumnType::UInt64 | ColumnType::Int32 | ColumnType::Int64 => {
                    let (bits, signed) = match kind {
                        ColumnType::UInt32 => (32, false),
                        ColumnType::UInt64 => (64, false),
                        ColumnType::Int32 => (32, true),
                        _ => (64, true),
                    };
                    // LogicalType { INTEGER: IntType { bitWidth, isSigned } }
                    t.struct_field_begin(10);
                    t.struct_field_begin(10);
                    t.i8_field(1, bits);
                    t.bool_field(2, signed);
                    t.struct_end();
                    t.struct_end();
                }
                ColumnType::Double | ColumnType::Boolean => {}
            }
            t.struct_end();
        }
        let rows: u64 = self.row_groups.iter().map(|g| g.rows).sum();
        t.i64_field(3, rows as i64);
        t.list_begin(4, Thrift::STRUCT, self.row_groups.len());
        for group in &self.row_groups {
            t.struct_begin();
            t.list_begin(1, Thrift::STRUCT, group.chunks.len());
            for (chunk, (name, kind)) in group.chunks.iter().zip(&schema) {
                // ColumnChunk
                t.struct_begin();
                t.i64_field(2, chunk.offset as i64);
                // ColumnMetaData
                t.struct_field_begin(3);
                t.i32_field(1, kind.physical());
                t.list_begin(2, Thrift::I32, 2);
                t.i32_element(PLAIN);
                t.i32_element(RLE);
                t.list_begin(3, Thrift::BINARY, 1);
                t.binary_element(name.as_bytes());
                t.i32_field(4, 0); // UNCOMPRESSED
                t.i64_field(5, chunk.values as i64);
                t.i64_field(6, chunk.size as i64);
                t.i64_field(7, chunk.size as i64);
                t.i64_field(9, chunk.offset as i64);
                t.struct_end();
                t.struct_end();
            }
            let bytes: u64 = group.chunks.iter().map(|c| c.size).sum();
            t.i64_field(2, bytes as i64);
            t.i64_field(3, group.rows as i64);
            t.struct_end();
        }
        t.binary_field(
            6,
            format!("speechstat version {}", env!("CARGO_PKG_VERSION")).as_bytes(),
        );
        t.struct_end();
        t.bytes
    }
}

/// `PageHeader` of a data page of `rows` values (nulls included) and `size` bytes.
fn page_header(size: usize, rows: usize) -> Vec<u8> {
    let mut t = Thrift::default();
    t.i32_field(1, 0); // DATA_PAGE
    t.i32_field(2, size as i32);
    t.i32_field(3, size as i32);
    t.struct_field_begin(5);
    t.i32_field(1, rows as i32);
    t.i32_field(2, PLAIN);
    t.i32_field(3, RLE);
    t.i32_field(4, RLE);
    t.struct_end();
    t.struct_end();
    t.bytes
}

/// The PLAIN bytes of a column's present values, and which rows have one.
fn plain_values(column: &Column, path: &Path) -> Result<(Vec<u8>, Vec<bool>)> {
    let mut bytes = Vec::new();
    let mut present = Vec::with_capacity(column.len());
    let wrong = |_| Error::Output {
        path: path.to_path_buf(),
        message: format!("column {} changed type while written", column.name()),
    };
    match ColumnType::of(column, path)? {
        ColumnType::Text => {
            for value in column.str().map_err(wrong)?.iter() {
                present.push(value.is_some());
                if let Some(text) = value {
                    bytes.extend_from_slice(&(text.len() as u32).to_le_bytes());
                    bytes.extend_from_slice(text.as_bytes());
                }
            }
        }
        ColumnType::UInt32 => {
            for value in column.u32().map_err(wrong)?.iter() {
                present.push(value.is_some());
                if let Some(v) = value {
                    bytes.extend_from_slice(&v.to_le_bytes());
                }
            }
        }
        ColumnType::UInt64 => {
            for value in column.u64().map_err(wrong)?.iter() {
                present.push(value.is_some());
                if let Some(v) = value {
                    bytes.extend_from_slice(&v.to_le_bytes());
                }
            }
        }
        ColumnType::Int32 => {
            for value in column.i32().map_err(wrong)?.iter() {
                present.push(value.is_some());
                if let Some(v) = value {
                    bytes.extend_from_slice(&v.to_le_bytes());
                }
            }
        }
        ColumnType::Int64 => {
            for value in column.i64().map_err(wrong)?.iter() {
                present.push(value.is_some());
                if let Some(v) = value {
                    bytes.extend_from_slice(&v.to_le_bytes());
                }
            }
        }
        ColumnType::Double => {
            for value in column.f64().map_err(wrong)?.iter() {
                let value = value.filter(|v| v.is_finite());
                present.push(value.is_some());
                if let Some(v) = value {
                    bytes.extend_from_slice(&v.to_le_bytes());
                }
            }
        }
        ColumnType::Boolean => {
            let values: Vec<bool> = column
                .bool()
                .map_err(wrong)?
                .iter()
                .inspect(|v| present.push(v.is_some()))
                .flatten()
                .collect();
            bytes = bit_packed(&values);
        }
    }
    Ok((bytes, present))
}

/// Booleans one bit each, the first in the lowest bit, padded to whole bytes.
fn bit_packed(values: &[bool]) -> Vec<u8> {
    let mut bytes = vec![0u8; values.len().div_ceil(8)];
    for (i, _) in values.iter().enumerate().filter(|(_, &v)| v) {
        bytes[i / 8] |= 1 << (i % 8);
    }
    bytes
}

/// Definition levels (1 present, 0 null) in the RLE/bit-packing hybrid of bit width 1: one
/// run of ones when nothing is missing, else bit-packed groups of eight.
fn definition_levels(present: &[bool]) -> Vec<u8> {
    let mut out = Vec::new();
    if present.iter().all(|&p| p) {
        varint(&mut out, (present.len() as u64) << 1);
        out.push(1);
    } else {
        let groups = present.len().div_ceil(8) as u64;
        varint(&mut out, (groups << 1) | 1);
        out.extend(bit_packed(present));
    }
    out
}

/// An unsigned LEB128 varint.
fn varint(out: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// Thrift's compact protocol, the parts Parquet's metadata needs: structs, fields of
/// integers, booleans, binaries and nested structs, lists.
#[derive(Default)]
struct Thrift {
    bytes: Vec<u8>,
    /// The last field id of each open struct.
    last_ids: Vec<i16>,
    last_id: i16,
}

impl Thrift {
    const BOOL_TRUE: u8 = 1;
    const BOOL_FALSE: u8 = 2;
    const I8: u8 = 3;
    const I32: u8 = 5;
    const I64: u8 = 6;
    const BINARY: u8 = 8;
    const LIST: u8 = 9;
    const STRUCT: u8 = 12;

    fn field(&mut self, id: i16, kind: u8) {
        let delta = id - self.last_id;
        if (1..=15).contains(&delta) {
            self.bytes.push(((delta as u8) << 4) | kind);
        } else {
            self.bytes.push(kind);
            varint(&mut self.bytes, zigzag(i64::from(id)));
        }
        self.last_id = id;
    }

    fn i8_field(&mut self, id: i16, value: i8) {
        self.field(id, Self::I8);
        self.bytes.push(value as u8);
    }

    fn i32_field(&mut self, id: i16, value: i32) {
        self.field(id, Self::I32);
        varint(&mut self.bytes, zigzag(i64::from(value)));
    }

    fn i64_field(&mut self, id: i16, value: i64) {
        self.field(id, Self::I64);
        varint(&mut self.bytes, zigzag(value));
    }

    fn bool_field(&mut self, id: i16, value: bool) {
        self.field(
            id,
            if value {
                Self::BOOL_TRUE
            } else {
                Self::BOOL_FALSE
            },
        );
    }

    fn binary_field(&mut self, id: i16, value: &[u8]) {
        self.field(id, Self::BINARY);
        self.binary_element(value);
    }

    fn binary_element(&mut self, value: &[u8]) {
        varint(&mut self.bytes, value.len() as u64);
        self.bytes.extend_from_slice(value);
    }

    fn i32_element(&mut self, value: i32) {
        varint(&mut self.bytes, zigzag(i64::from(value)));
    }

    /// A list field of `len` elements of `kind`; the elements follow.
    fn list_begin(&mut self, id: i16, kind: u8, len: usize) {
        self.field(id, Self::LIST);
        if len < 15 {
            self.bytes.push(((len as u8) << 4) | kind);
        } else {
            self.bytes.push(0xF0 | kind);
            varint(&mut self.bytes, len as u64);
        }
    }

    /// A struct as a list element: its fields follow, then [`Thrift::struct_end`].
    fn struct_begin(&mut self) {
        self.last_ids.push(self.last_id);
        self.last_id = 0;
    }

    /// A struct field: its fields follow, then [`Thrift::struct_end`].
    fn struct_field_begin(&mut self, id: i16) {
        self.field(id, Self::STRUCT);
        self.struct_begin();
    }

    /// Closes the innermost struct (the top-level one too).
    fn struct_end(&mut self) {
        self.bytes.push(0);
        self.last_id = self.last_ids.pop().unwrap_or(0);
    }
}

fn zigzag(n: i64) -> u64 {
    ((n << 1) ^ (n >> 63)) as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thrift_compact_fields_lists_and_structs() {
        let mut t = Thrift::default();
        t.i32_field(1, 1); // short form: delta 1, type i32, zigzag(1) = 2
        t.binary_field(4, b"ab"); // delta 3
        t.list_begin(5, Thrift::I32, 2);
        t.i32_element(-1);
        t.i32_element(3);
        t.struct_field_begin(20); // delta 15: short form
        t.bool_field(1, false);
        t.struct_end();
        t.i64_field(40, 300); // delta 20: long form
        t.struct_end();
        assert_eq!(
            t.bytes,
            [
                0x15, 0x02, 0x38, 0x02, b'a', b'b', 0x19, 0x25, 0x01, 0x06, 0xFC, 0x12, 0x00, 0x06,
                0x50, 0xD8, 0x04, 0x00
            ]
        );
    }

    #[test]
    fn levels_are_one_run_or_bit_packed() {
        assert_eq!(definition_levels(&[true; 3]), [0x06, 0x01]);
        // Nine values, the second null: two groups of eight, bit-packed.
        let mut present = [true; 9];
        present[1] = false;
        assert_eq!(
            definition_levels(&present),
            [0x05, 0b1111_1101, 0b0000_0001]
        );
        assert_eq!(bit_packed(&[true, false, true]), [0b101]);
        let mut out = Vec::new();
        varint(&mut out, 300);
        assert_eq!(out, [0xAC, 0x02]);
        assert_eq!(zigzag(-1), 1);
        assert_eq!(zigzag(150), 300);
    }

    #[test]
    fn a_table_is_magic_pages_footer_magic() {
        let df = DataFrame::new_infer_height(vec![
            Column::new("term".into(), [Some("peace"), None]),
            Column::new("count".into(), [3u64, 1]),
            Column::new("per_10k".into(), [0.5, f64::NAN]),
            Column::new("stopword".into(), [true, false]),
        ])
        .unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.parquet");
        let mut table = ParquetTable::create(&path).unwrap();
        table.append(df.clone()).unwrap();
        table.append(df.slice(0, 0)).unwrap();
        table.append(df).unwrap();
        table.finish().unwrap();
        let bytes = std::fs::read(&path).unwrap();
        assert_eq!(&bytes[..4], MAGIC);
        assert_eq!(&bytes[bytes.len() - 4..], MAGIC);
        let footer_len =
            u32::from_le_bytes(bytes[bytes.len() - 8..bytes.len() - 4].try_into().unwrap());
        let footer = &bytes[bytes.len() - 8 - footer_len as usize..bytes.len() - 8];
        // The schema names every column; two row groups (the empty part writes none).
        for name in [
            "schema",
            "term",
            "count",
            "per_10k",
            "stopword",
            "speechstat",
        ] {
            assert!(
                footer.windows(name.len()).any(|w| w == name.as_bytes()),
                "{name}"
            );
        }
        // The first page starts right after the magic: a data page header.
        assert_eq!(bytes[4], 0x15);
        assert_eq!(bytes[5], 0x00);
    }

    #[test]
    fn parts_must_agree_on_their_columns() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.parquet");
        let mut table = ParquetTable::create(&path).unwrap();
        let a = DataFrame::new_infer_height(vec![Column::new("a".into(), [1u32])]).unwrap();
        let b = DataFrame::new_infer_height(vec![Column::new("a".into(), [1.0])]).unwrap();
        table.append(a).unwrap();
        assert!(table.append(b).is_err());
    }
}
