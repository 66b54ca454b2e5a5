//! `--metadata FILE --id-column COL`: a table of metadata (CSV, TSV, JSON Lines, Parquet) joined to
//! the speeches by id: the row whose COL equals a speech's `doc_id` gives that speech its
//! other columns. What matched and what did not is counted for one warning.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::format::{self, Format};
use super::table::{self, TableKind};
use super::ReadOptions;
use crate::error::{Error, Result, Warning};

/// The metadata table, by id.
#[derive(Debug)]
pub struct MetadataJoin {
    path: PathBuf,
    /// Its columns, the id column left out.
    pub columns: Vec<String>,
    rows: HashMap<String, Vec<String>>,
    /// Ids in the table's order, to name the first one no speech matched.
    order: Vec<String>,
    matched: HashMap<String, ()>,
    speeches: usize,
    unmatched_speeches: usize,
    first_unmatched: Option<String>,
}

impl MetadataJoin {
    /// Reads the table; its id column must exist, and each id appear once.
    pub fn open(path: &Path, id_column: &str, options: &ReadOptions) -> Result<MetadataJoin> {
        let kind = match format::of_input(path, options)? {
            Format::Table(kind) => kind,
            _ => {
                return Err(Error::Option {
                    option: "--metadata",
                    message: format!(
                        "{} is not a table; give a CSV, TSV, JSON Lines or Parquet file with a \
                         column {id_column:?}",
                        path.display()
                    ),
                })
            }
        };
        // The table's own rows are read as speeches whose "text" is the id column.
        let (table, _) = table::scan_metadata(path, kind, id_column)?;
        let rows_read = table.read_rows()?;
        let columns = table.columns.clone();
        let mut rows = HashMap::new();
        let mut order = Vec::new();
        for row in rows_read {
            let id = row.text.trim().to_owned();
            let values = columns
                .iter()
                .map(|c| {
                    row.metadata
                        .iter()
                        .find(|(k, _)| k == c)
                        .map(|(_, v)| v.clone())
                        .unwrap_or_default()
                })
                .collect();
            if rows.insert(id.clone(), values).is_some() {
                let place = match kind {
                    TableKind::JsonArray => row.label,
                    _ => row
                        .label
                        .rsplit(':')
                        .next()
                        .map(|l| format!("line {l}"))
                        .unwrap_or_default(),
                };
                return Err(Error::TableCorpus {
                    path: path.to_path_buf(),
                    message: format!(
                        "{place}: id {id:?} (--id-column {id_column}) is given twice; \
                         give each speech one row"
                    ),
                });
            }
            order.push(id);
        }
        Ok(MetadataJoin {
            path: path.to_path_buf(),
            columns,
            rows,
            order,
            matched: HashMap::new(),
            speeches: 0,
            unmatched_speeches: 0,
            first_unmatched: None,
        })
    }

    /// The row of a speech, by its id (None when the table has none).
    pub fn row(&mut self, id: &str) -> Option<&[String]> {
        self.speeches += 1;
        match self.rows.get(id) {
            Some(values) => {
                self.matched.insert(id.to_owned(), ());
                Some(values)
            }
            None => {
                self.unmatched_speeches += 1;
                self.first_unmatched.get_or_insert_with(|| id.to_owned());
                None
            }
        }
    }

    /// What matched, as a warning naming `--metadata`.
    pub fn report(&self) -> Warning {
        let unused: Vec<&String> = self
            .order
            .iter()
            .filter(|id| !self.matched.contains_key(*id))
            .collect();
        let mut message = format!(
            "{}: {} of {} speeches matched a row by id",
            self.path.display(),
            self.speeches - self.unmatched_speeches,
            self.speeches
        );
        if let Some(first) = &self.first_unmatched {
            message.push_str(&format!(
                "; {} have no row (their columns are blank), e.g. {first:?}",
                self.unmatched_speeches
            ));
        }
        if let Some(first) = unused.first() {
            message.push_str(&format!(
                "; {} rows match no speech, e.g. {first:?}",
                unused.len()
            ));
        }
        Warning::option("--metadata", message)
    }
}
