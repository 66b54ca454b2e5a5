//! speechstat: statistical analysis of speech corpora.
//!
//! Point it at speeches (files, folders, a manifest, a CSV file, or documents in memory) and
//! get term frequencies, word pairs and per-group comparisons as polars DataFrames, or written
//! as CSV tables and PNG charts.
//!
//! ```
//! use speechstat::{analyze_corpus, Config, Corpus, Document};
//!
//! let corpus = Corpus::new(
//!     vec!["year".into()],
//!     vec![
//!         Document {
//!             metadata: vec!["2016".into()],
//!             ..Document::from_text("koncke", "Trafficking in persons is a crime. It must end.")
//!         },
//!         Document {
//!             metadata: vec!["2017".into()],
//!             ..Document::from_text("other", "Human trafficking feeds on conflict.")
//!         },
//!     ],
//! )?;
//! let config = Config {
//!     group_by: vec!["year".into()],
//!     ..Config::default()
//! };
//! let analysis = analyze_corpus(&config, corpus)?;
//!
//! // Any table as a DataFrame, by the name of its file in tables/.
//! let terms = analysis.table("terms")?;
//! assert_eq!(terms.column("term")?.str()?.get(0), Some("traffick"));
//! assert_eq!(terms.column("count")?.u64()?.get(0), Some(2));
//! let by_year = analysis.table("terms_by_group")?;
//! assert_eq!(by_year.get_column_names()[0].as_str(), "year");
//!
//! // Or every table and chart, written whole or not at all.
//! let out = tempfile::tempdir()?;
//! let written = analysis.write(out.path(), &speechstat::Silent)?;
//! assert!(written.contains(&out.path().join("charts/top_terms.png")));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! [`analyze`] reads the files a [`Config`] names instead; [`run`] also writes them, as the
//! command line does. The stages, one module each:
//!
//! ```text
//! inputs ──corpus──▶ documents (metadata, cleaned text)
//!        ──text────▶ tokens and sentences (form ids; stopwords; Snowball terms)
//!        ──stats───▶ count tables ──▶ statistics (DataFrames, rankings), by family
//!        ──output──▶ CSV tables and PNG charts, written whole or not at all
//! ```
//!
//! [`OUTPUTS`] lists every table and chart: its file, when it is written, what it holds, its
//! columns and what they mean. Tables are [`polars`] DataFrames; the crate re-exports the
//! polars it was built with, so `speechstat::polars` needs no version of its own in your
//! `Cargo.toml`. Without its default `cli` feature the crate is the library alone (no clap,
//! no progress bar).
#![warn(missing_docs)]

/// The polars this crate was built with: its DataFrames are what [`Analysis::table`]
/// returns.
pub use polars;
/// The polars-io of the same version: its Parquet reader and writer.
pub use polars_io;

mod chunks;
mod columns;
mod corpus;
mod error;
mod out_folder;
mod output;
mod parquet;
mod pipeline;
mod progress;
mod spill;
mod stats;
mod text;

pub use columns::{thousands, StandsFor, TableColumn};
pub use corpus::{
    Comparison, Condition, Corpus, Document, Encoding, FileDigest, ReadOptions, Selection, Subset,
    Unit,
};
pub use error::{Error, Result, Subject, Warning};
pub use output::charts::canvas::{ChartFormat, MIN_WIDTH as MIN_CHART_WIDTH};
pub use output::tables::{CsvStyle, TableFormat};
pub use pipeline::{
    analyze, analyze_corpus, analyze_with, concordance, run, Analysis, ChartOptions, Concordance,
    Config, Family, KwicOptions, Mode, NamedTarget, OutputInfo, OutputKind, Period, Setting,
    StageTime, Summary, When, DEFAULT_MIN_RANGE, OUTPUTS, SPREADSHEET_ROWS, WORD,
};
pub use pipeline::{count_shard, merge_shards, score_shard, ShardSummary, SHARD_FILES};
pub use progress::{Progress, Silent};
pub use stats::compare::measures::RankBy;
pub use stats::compare::similarity::SimilarityMethod;
pub use stats::compare::style::{SimilarityMeasure, DEFAULT_STYLE_WORDS};
pub use stats::frequency::matrix::MAX_MATRIX_TERMS;
pub use stats::pairs::cooccurrence::{Context, DEFAULT_WINDOW};
pub use stats::pairs::phrases::PhraseOptions;
pub use text::{
    sort_lines, AddedStopwords, Hit, Language, Line, MatchBy, SortBy, StopwordSource, Stopwords,
    LANGUAGES,
};

/// README.md's Rust example, compiled and run by `cargo test`.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeExample;

/// The crate's inner stages, for its own benches, fuzz targets and property tests. Not part
/// of the public interface: names here may change in any release.
#[doc(hidden)]
pub mod internals {
    pub use crate::corpus::{
        clean_body, decode, parse_heading_line, read_corpus, split_records, Decoded,
    };
    pub use crate::parquet::read_frame;
    pub use crate::stats::association::keyness_g2;
    pub use crate::stats::counts::count;
    pub use crate::stats::doc_rows::DocRows;
    pub use crate::stats::pairs::collocations::count_adjacent;
    pub use crate::stats::pairs::cooccurrence::count_cooccurrences;
    pub use crate::text::syllables;
    pub use crate::text::{
        for_each_token, for_each_token_reference, tokenize, tokenize_corpus, Normalizer, Stopwords,
    };
}
