//! The library's one error type. Every variant names the file (and line, where there is one)
//! or the stage that failed, and says what the user can do about it.

use std::path::{Path, PathBuf};

/// Everything that can stop an analysis. Recoverable problems are [`crate::Warning`]s instead.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}: no such file or folder; check the path")]
    MissingInput { path: PathBuf },

    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error("{path} line {line}: {message}")]
    Manifest {
        path: PathBuf,
        line: u64,
        message: String,
    },

    #[error("{path}: {message}")]
    CsvCorpus { path: PathBuf, message: String },

    #[error("{path}: {message}")]
    Stopwords { path: PathBuf, message: String },

    #[error("{inputs}: no readable text found{reason}; point speechstat at .txt or .md files, a folder holding them, or a CSV file with --text-column")]
    NoDocuments { inputs: String, reason: String },

    #[error("unknown language {name:?}; use one of: {known}")]
    UnknownLanguage { name: String, known: String },

    #[error("--group-by {column:?}: no such metadata column; the corpus has: {known}")]
    UnknownColumn { column: String, known: String },

    #[error("cannot write {path}: {source}")]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error("{path}: {message}")]
    Output { path: PathBuf, message: String },

    #[error("cannot draw {path}: {message}")]
    Chart { path: PathBuf, message: String },

    #[error("building the {table} table: {source}")]
    Table {
        table: &'static str,
        #[source]
        source: polars::error::PolarsError,
    },
}

impl Error {
    pub(crate) fn read(path: &Path, source: std::io::Error) -> Self {
        Error::Read {
            path: path.to_path_buf(),
            source,
        }
    }

    pub(crate) fn write(path: &Path, source: std::io::Error) -> Self {
        Error::Write {
            path: path.to_path_buf(),
            source,
        }
    }
}

/// Shorthand for results of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// A problem the analysis got past: the named file was skipped, decoded with a fallback, or
/// partly read. Warnings are returned to the caller, never printed by the library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub path: PathBuf,
    pub line: Option<u64>,
    pub message: String,
}

impl Warning {
    pub(crate) fn new(path: &Path, message: impl Into<String>) -> Self {
        Warning {
            path: path.to_path_buf(),
            line: None,
            message: message.into(),
        }
    }
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(line) => write!(f, "{} line {}: {}", self.path.display(), line, self.message),
            None => write!(f, "{}: {}", self.path.display(), self.message),
        }
    }
}
