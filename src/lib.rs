//! speechstat: statistical analysis of speech corpora.
//!
//! The pipeline, one module per stage:
//!
//! ```text
//! inputs ──corpus──▶ documents (metadata, cleaned text)
//!        ──text────▶ tokens and sentences (form ids; stopwords; Snowball terms)
//!        ──stats───▶ count tables ──▶ statistics as polars DataFrames
//!        ──output──▶ CSV tables and PNG charts, written whole or not at all
//! ```
//!
//! [`pipeline::run`] strings the stages together; each stage is usable on its own:
//!
//! ```
//! use speechstat::corpus::{Document, Encoding};
//! use speechstat::progress::Silent;
//! use speechstat::stats::counts::count;
//! use speechstat::text::{tokenize_corpus, Language, Normalizer, StopwordSource, Stopwords};
//!
//! let language = Language::default();
//! let stopwords = Stopwords::load(&StopwordSource::Builtin, language)?;
//! let normalizer = Normalizer::new(language, true, stopwords);
//! let speech = Document {
//!     id: "seed".into(),
//!     source: "seed.txt".into(),
//!     metadata: Vec::new(),
//!     encoding: Encoding::Utf8,
//!     text: "Human trafficking is a crime. Trafficking in persons must end.".into(),
//!     annotations_removed: 0,
//!     footer_lines_removed: 0,
//! };
//! let tokens = tokenize_corpus(&[speech], &normalizer, &Silent);
//! let counts = count(&tokens);
//! let traffick = tokens.vocab.term_id("traffick").unwrap();
//! assert_eq!(counts.term_count[traffick as usize], 2);
//! assert_eq!(counts.n_tokens[0], 10);
//! assert_eq!(counts.n_sentences[0], 2);
//! # Ok::<(), speechstat::Error>(())
//! ```

pub mod chunks;
pub mod columns;
pub mod corpus;
pub mod error;
pub mod output;
pub mod pipeline;
pub mod progress;
pub mod stats;
pub mod text;

pub use error::{Error, Result, Warning};
