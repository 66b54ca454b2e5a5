//! The Parquet files of a shard folder, read and written whole, and typed access to their
//! columns with errors that name the file. The files, their columns, and which an engine
//! sums:
//!
//! - `settings.parquet` (setting, value): the settings that shape reading (see
//!   `settings.rs`); merged by `SELECT DISTINCT`.
//! - `speeches.parquet`: one row per speech: `part`, `position` (its order), `doc_id`,
//!   `source`, `encoding`, the clean-up counts, `text_bytes`, `fingerprint` (of its cleaned
//!   text, for `--reference`), `n_tokens`, `n_types`, `n_sentences`, then its metadata as
//!   `metadata:NAME` columns; merged by `UNION ALL`.
//! - `tokens.parquet` (doc_id, forms, sentence_starts): each speech's word forms in text
//!   order and the index of each sentence's first token; merged by `UNION ALL`.
//! - `speech_terms.parquet` (doc_id, term, count): each speech's counted terms; merged by
//!   `UNION ALL`.
//! - `forms.parquet` (form, term, stopword, count): each word form's tokens; merged by
//!   `GROUP BY form, term, stopword` with `SUM(count)`.
//! - `pairs.parquet` (kind, first, second, count): the adjacent pairs and co-occurrences
//!   (see `pairs.rs`); merged by `GROUP BY kind, first, second` with `SUM(count)`.

use std::path::{Path, PathBuf};

use polars::prelude::*;

use crate::error::{Error, Result};
use crate::output::Staging;
use crate::parquet::{layout, read_frame, read_rows, write_frame, ParquetTable};

/// The files of a shard folder, in the order they are written.
pub const SHARD_FILES: [&str; 6] = [
    "settings.parquet",
    "speeches.parquet",
    "tokens.parquet",
    "speech_terms.parquet",
    "forms.parquet",
    "pairs.parquet",
];

/// Prefix of the metadata columns in `speeches.parquet`, which keeps them apart from the
/// shard's own columns.
pub(super) const METADATA_PREFIX: &str = "metadata:";

/// A shard's tables but for the two that grow with the text (`tokens`, `speech_terms`),
/// which are read a row group at a time ([`for_each_group`]) or copied so ([`write`]).
pub(super) struct ShardFrames {
    pub(super) settings: DataFrame,
    pub(super) speeches: DataFrame,
    pub(super) forms: DataFrame,
    pub(super) pairs: DataFrame,
}

/// Reads the shard folder `dir` (see [`ShardFrames`]); an error names a file that is
/// missing or not Parquet.
pub(super) fn read(dir: &Path) -> Result<ShardFrames> {
    if !dir.is_dir() {
        return Err(Error::Shard {
            path: dir.to_path_buf(),
            message: "is not a folder; give a folder `speechstat count` or `speechstat merge` \
                      wrote"
                .into(),
        });
    }
    let frame = |name: &str| {
        is_there(dir, name)?;
        read_frame(&dir.join(name))
    };
    let frames = ShardFrames {
        settings: frame(SHARD_FILES[0])?,
        speeches: frame(SHARD_FILES[1])?,
        forms: frame(SHARD_FILES[4])?,
        pairs: frame(SHARD_FILES[5])?,
    };
    is_there(dir, SHARD_FILES[2])?;
    is_there(dir, SHARD_FILES[3])?;
    Ok(frames)
}

/// Whether the shard `dir` has the file `name`: an error saying what a shard holds if not.
fn is_there(dir: &Path, name: &str) -> Result<()> {
    match dir.join(name).is_file() {
        true => Ok(()),
        false => Err(Error::Shard {
            path: dir.to_path_buf(),
            message: format!(
                "is not a shard folder: it has no {name}; give a folder `speechstat count` or \
                 `speechstat merge` wrote (it holds {})",
                SHARD_FILES.join(", ")
            ),
        }),
    }
}

/// Writes the tables into `staging`'s folder, which commits them whole or not at all; the
/// two long tables are copied from the shards `long_from`, one after another, a row group at
/// a time.
pub(super) fn write(
    mut frames: ShardFrames,
    long_from: &[PathBuf],
    staging: &mut Staging,
) -> Result<()> {
    write_frame(&mut frames.settings, &staging.file(SHARD_FILES[0])?)?;
    write_frame(&mut frames.speeches, &staging.file(SHARD_FILES[1])?)?;
    for name in [SHARD_FILES[2], SHARD_FILES[3]] {
        copy_long_tables(long_from, name, &staging.file(name)?)?;
    }
    write_frame(&mut frames.forms, &staging.file(SHARD_FILES[4])?)?;
    write_frame(&mut frames.pairs, &staging.file(SHARD_FILES[5])?)
}

/// The file `name` of every shard of `shards`, one after another, into `out`, a row group
/// at a time; an error names a shard whose file has other columns than the first's.
fn copy_long_tables(shards: &[PathBuf], name: &str, out: &Path) -> Result<()> {
    // Each row group read is appended as one: a count's row groups are already of a good
    // size (a million tokens, 262,144 term rows).
    let mut table = ParquetTable::with_group_rows(out, 1);
    let mut first: Option<Vec<(String, DataType)>> = None;
    for dir in shards {
        let path = dir.join(name);
        let layout = layout(&path)?;
        match &first {
            Some(columns) if *columns != layout.columns => {
                return Err(Error::Shard {
                    path,
                    message: format!(
                        "has other columns than the first shard's ({:?} vs {:?}); shards of \
                         one corpus are written by the same speechstat",
                        layout.columns, columns
                    ),
                })
            }
            Some(_) => {}
            None => first = Some(layout.columns.clone()),
        }
        let names: Vec<String> = layout.columns.iter().map(|(n, _)| n.clone()).collect();
        for group in &layout.row_groups {
            table.append(read_rows(&path, group.offset, group.rows, names.clone())?)?;
        }
    }
    table.finish()
}

/// A table of a shard with the file it came from, whose columns are read with errors that
/// name the file and the column.
pub(super) struct Table<'f> {
    pub(super) frame: &'f DataFrame,
    pub(super) path: PathBuf,
}

impl<'f> Table<'f> {
    pub(super) fn new(frame: &'f DataFrame, dir: &Path, file: &str) -> Table<'f> {
        Table {
            frame,
            path: dir.join(file),
        }
    }

    pub(super) fn height(&self) -> usize {
        self.frame.height()
    }

    /// An error about this file.
    pub(super) fn error(&self, message: String) -> Error {
        Error::Shard {
            path: self.path.clone(),
            message,
        }
    }

    pub(super) fn column(&self, name: &str) -> Result<&'f Column> {
        self.frame
            .column(name)
            .map_err(|_| missing_column(&self.path, name))
    }

    /// A column of text without empty cells.
    pub(super) fn strings(&self, name: &str) -> Result<Vec<&'f str>> {
        let values = self
            .column(name)?
            .str()
            .map_err(|_| self.error(format!("column {name:?} is not text")))?;
        values
            .iter()
            .map(|v| v.ok_or_else(|| self.error(format!("column {name:?} has an empty cell"))))
            .collect()
    }

    /// A column of text, read cell by cell (an empty cell is the caller's to refuse): for the
    /// long tables, where a vector of every cell would cost more than the table.
    pub(super) fn text_cells(&self, name: &str) -> Result<&'f StringChunked> {
        self.column(name)?
            .str()
            .map_err(|_| self.error(format!("column {name:?} is not text")))
    }

    /// A column of whole numbers (of any width an engine writes), read cell by cell.
    pub(super) fn integer_cells(&self, name: &str) -> Result<UInt64Chunked> {
        let cast = self
            .column(name)?
            .strict_cast(&DataType::UInt64)
            .map_err(|_| self.error(format!("column {name:?} is not of whole numbers")))?;
        cast.u64()
            .cloned()
            .map_err(|_| self.error(format!("column {name:?} is not of whole numbers")))
    }

    /// A column of whole numbers (of any width an engine writes) without empty cells.
    pub(super) fn integers(&self, name: &str) -> Result<Vec<u64>> {
        let column = self.column(name)?;
        let cast = column
            .strict_cast(&DataType::UInt64)
            .map_err(|_| self.error(format!("column {name:?} is not of whole numbers")))?;
        let values = cast
            .u64()
            .map_err(|_| self.error(format!("column {name:?} is not of whole numbers")))?;
        values
            .iter()
            .map(|v| v.ok_or_else(|| self.error(format!("column {name:?} has an empty cell"))))
            .collect()
    }

    /// A column of true/false without empty cells.
    pub(super) fn flags(&self, name: &str) -> Result<Vec<bool>> {
        let values = self
            .column(name)?
            .bool()
            .map_err(|_| self.error(format!("column {name:?} is not of true/false")))?;
        values
            .iter()
            .map(|v| v.ok_or_else(|| self.error(format!("column {name:?} has an empty cell"))))
            .collect()
    }

    /// A column of lists.
    pub(super) fn lists(&self, name: &str) -> Result<&'f ListChunked> {
        self.column(name)?
            .list()
            .map_err(|_| self.error(format!("column {name:?} is not of lists")))
    }
}

/// An error about the shard file `dir/name`.
pub(super) fn file_error(dir: &Path, name: &str, message: String) -> Error {
    Error::Shard {
        path: dir.join(name),
        message,
    }
}

/// The error for the file at `path`, which lacks the column `name`.
fn missing_column(path: &Path, name: &str) -> Error {
    Error::Shard {
        path: path.to_path_buf(),
        message: format!("has no column {name:?}; it is not as `speechstat count` writes it"),
    }
}

/// Calls `each` with every row group of the shard file `dir/name` in turn, only its
/// `columns` read: the long tables in the memory of one row group. An error names a column
/// the file lacks.
pub(super) fn for_each_group(
    dir: &Path,
    name: &str,
    columns: &[&str],
    mut each: impl FnMut(&Table) -> Result<()>,
) -> Result<()> {
    let path = dir.join(name);
    let layout = layout(&path)?;
    if let Some(column) = columns
        .iter()
        .find(|&&column| !layout.columns.iter().any(|(name, _)| name == column))
    {
        return Err(missing_column(&path, column));
    }
    let names: Vec<String> = columns.iter().map(|&column| column.to_owned()).collect();
    for group in &layout.row_groups {
        let frame = read_rows(&path, group.offset, group.rows, names.clone())?;
        each(&Table::new(&frame, dir, name))?;
    }
    Ok(())
}

/// A frame of `columns`, the error naming `table`.
pub(super) fn frame(table: &'static str, columns: Vec<Column>) -> Result<DataFrame> {
    DataFrame::new_infer_height(columns).map_err(|source| Error::Table { table, source })
}
