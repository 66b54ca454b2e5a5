//! The library's one error type. Every variant names the file (and line, where there is one)
//! or the stage that failed, and says what the user can do about it.

use std::path::{Path, PathBuf};

/// Everything that can stop an analysis. Recoverable problems are [`crate::Warning`]s instead.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// An input path that does not exist.
    #[error("{path}: no such file or folder; check the path")]
    MissingInput {
        /// The path as given.
        path: PathBuf,
    },

    /// A file or folder that exists but cannot be read.
    #[error("cannot read {path}: {source}")]
    Read {
        /// The file or folder.
        path: PathBuf,
        /// What the system said.
        #[source]
        source: std::io::Error,
    },

    /// A manifest that cannot define the corpus.
    #[error("{path} line {line}: {message}")]
    Manifest {
        /// The manifest.
        path: PathBuf,
        /// The line at fault (1 is the header).
        line: u64,
        /// What is wrong and what to do.
        message: String,
    },

    /// A table of speeches (CSV, TSV, JSON Lines, ...) that cannot be read as one speech per
    /// row.
    #[error("{path}: {message}")]
    TableCorpus {
        /// The table's file.
        path: PathBuf,
        /// What is wrong and what to do.
        message: String,
    },

    /// A Parquet file that cannot be read: not Parquet, cut short, or holding what polars
    /// cannot decode.
    #[error("{path}: {message}")]
    Parquet {
        /// The file.
        path: PathBuf,
        /// What is wrong and what to do.
        message: String,
    },

    /// A shard folder (`speechstat count`) that cannot be merged or scored: a file missing
    /// or not as a shard writes it, settings that differ, a speech in two shards.
    #[error("{path}: {message}")]
    Shard {
        /// The shard folder or file.
        path: PathBuf,
        /// What is wrong and what to do.
        message: String,
    },

    /// A file that looks like something speechstat does not read that way (a table or JSON
    /// named .txt, XML that is not ParlaMint TEI, Parquet): refused rather than misread.
    #[error("{path}: {message}")]
    Format {
        /// The file.
        path: PathBuf,
        /// What it looks like, and the option or name that reads it.
        message: String,
    },

    /// An option that does not apply to the inputs given.
    #[error("{option}: {message}")]
    Option {
        /// The option, as typed (`--text-column`).
        option: &'static str,
        /// Why it does not apply, and what would.
        message: String,
    },

    /// A stopword list that cannot be used.
    #[error("{path}: {message}")]
    Stopwords {
        /// The list's file.
        path: PathBuf,
        /// What is wrong and what to do.
        message: String,
    },

    /// Inputs that hold no readable speech.
    #[error("{inputs}: no readable text found{reason}; point speechstat at .txt or .md files, a folder holding them, a table of speeches (CSV, TSV, JSON Lines), or ParlaMint or Congressional Record files")]
    NoDocuments {
        /// The inputs, as given.
        inputs: String,
        /// Why files were skipped, when they were.
        reason: String,
    },

    /// A language speechstat has no stemmer for.
    #[error("unknown language {name:?}; use one of: {known}")]
    UnknownLanguage {
        /// The language asked for.
        name: String,
        /// The languages there are.
        known: String,
    },

    /// A metadata column the corpus does not have (`--group-by`, `--in`).
    #[error("{option} {column:?}: no such metadata column; the corpus has: {known}")]
    UnknownColumn {
        /// The option that named it.
        option: &'static str,
        /// The column asked for.
        column: String,
        /// The corpus's metadata columns.
        known: String,
    },

    /// The temporary file of count rows beyond the memory budget failed.
    #[error(
        "the temporary file {path} (count rows beyond the memory budget) failed: {source}; \
         free space in the temporary folder, or point TMPDIR to a folder with more"
    )]
    Spill {
        /// The file.
        path: PathBuf,
        /// What the system said.
        #[source]
        source: std::io::Error,
    },

    /// An output file that cannot be written.
    #[error("cannot write {path}: {source}")]
    Write {
        /// The file or folder.
        path: PathBuf,
        /// What the system said.
        #[source]
        source: std::io::Error,
    },

    /// An output folder that cannot be used.
    #[error("{path}: {message}")]
    Output {
        /// The folder or file.
        path: PathBuf,
        /// What is wrong and what to do.
        message: String,
    },

    /// A chart that cannot be drawn.
    #[error("cannot draw {path}: {message}")]
    Chart {
        /// The chart's file.
        path: PathBuf,
        /// What the drawing library said.
        message: String,
    },

    /// `--compare` names that are not two speeches or two groups of one grouping.
    #[error("--compare {names}: not found; give {known}")]
    UnknownTarget {
        /// The names given.
        names: String,
        /// What would be found.
        known: String,
    },

    /// A concordance pattern (`speechstat kwic`, `--kwic`) that cannot be matched.
    #[error("pattern {pattern:?}: {message}")]
    Pattern {
        /// The pattern given.
        pattern: String,
        /// What is wrong and what to do.
        message: String,
    },

    /// A table name that is not in [`crate::OUTPUTS`].
    #[error("no table {name:?}; the tables are: {known}")]
    UnknownTable {
        /// The name asked for.
        name: String,
        /// Every table's name.
        known: String,
    },

    /// A table this analysis was not asked to make.
    #[error("no table {name:?} in this analysis: {when}")]
    TableNotMade {
        /// The name asked for.
        name: String,
        /// When the table is made.
        when: String,
    },

    /// A statistic this analysis did not compute.
    #[error("{what} were not computed: {why}")]
    NotComputed {
        /// What is missing.
        what: &'static str,
        /// Why it was not computed.
        why: &'static str,
    },

    /// A document given in memory that cannot join a corpus.
    #[error("document {id:?}: {message}")]
    Document {
        /// The document's id.
        id: String,
        /// What is wrong and what to do.
        message: String,
    },

    /// A `--dictionary` file that cannot be read as the dictionary its extension says.
    #[error("dictionary {path}{}: {message}", .line.map(|l| format!(" line {l}")).unwrap_or_default())]
    Dictionary {
        /// The dictionary file.
        path: PathBuf,
        /// The line at fault (1 is the first), when one is.
        line: Option<u64>,
        /// What is wrong and what to do.
        message: String,
    },

    /// A table polars could not assemble.
    #[error("building the {table} table: {source}")]
    Table {
        /// The table.
        table: &'static str,
        /// What polars said.
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
/// partly read, or an option asked for something the corpus does not have. Warnings are
/// returned to the caller, never printed by the library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// What the warning is about.
    pub about: Subject,
    /// The line of the file, where there is one.
    pub line: Option<u64>,
    /// What happened and what was done about it.
    pub message: String,
}

/// What a [`Warning`] is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    /// An input file (a speech, a manifest, a stopword list).
    File(PathBuf),
    /// A command-line option, by its name (`--focus`), or the field of
    /// [`crate::Config`] it sets.
    Option(&'static str),
    /// A file the run wrote, relative to the output folder (`tables/tokens.csv`).
    Output(&'static str),
    /// A metadata column of the corpus (`date`).
    Column(String),
}

impl Warning {
    pub(crate) fn new(path: &Path, message: impl Into<String>) -> Self {
        Warning {
            about: Subject::File(path.to_path_buf()),
            line: None,
            message: message.into(),
        }
    }

    pub(crate) fn output(path: &'static str, message: impl Into<String>) -> Self {
        Warning {
            about: Subject::Output(path),
            line: None,
            message: message.into(),
        }
    }

    pub(crate) fn option(option: &'static str, message: impl Into<String>) -> Self {
        Warning {
            about: Subject::Option(option),
            line: None,
            message: message.into(),
        }
    }

    pub(crate) fn column(column: &str, message: impl Into<String>) -> Self {
        Warning {
            about: Subject::Column(column.to_owned()),
            line: None,
            message: message.into(),
        }
    }
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.about {
            Subject::File(path) => write!(f, "{}", path.display())?,
            Subject::Option(option) | Subject::Output(option) => write!(f, "{option}")?,
            Subject::Column(column) => write!(f, "column {column:?}")?,
        }
        match self.line {
            Some(line) => write!(f, " line {line}: {}", self.message),
            None => write!(f, ": {}", self.message),
        }
    }
}
