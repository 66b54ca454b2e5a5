//! Everything an analysis can be told: what to read, how to count, which statistics to
//! compute. The command line builds one of these; a program embedding speechstat does too.

use std::path::PathBuf;

use crate::corpus::ReadOptions;
use crate::stats::pairs::cooccurrence::Context;
use crate::stats::pairs::phrases::PhraseOptions;
use crate::text::{Language, StopwordSource};

/// What an analysis reads, how it counts, and what it computes.
#[derive(Debug, Clone)]
pub struct Config {
    /// Files or folders of speeches (folders are read recursively; a folder holding a
    /// `manifest.csv` is read through it).
    pub inputs: Vec<PathBuf>,
    /// How the inputs are read (a manifest, a CSV text column, annotations).
    pub read: ReadOptions,
    /// Language of the speeches: the Snowball stemmer and stopword list.
    pub language: Language,
    /// Count Snowball stems (`true`) or lowercased word forms (`false`).
    pub stem: bool,
    /// Which stopwords are left out of the counts.
    pub stopwords: StopwordSource,
    /// The folder [`crate::run`] writes into; [`crate::analyze`] writes nothing.
    pub out: PathBuf,
    /// The whole analysis, or the word count alone.
    pub mode: Mode,
    /// Also write `tables/tokens.csv`, one row per word token.
    pub write_tokens: bool,
    /// Words to compare in `terms_by_document.png` (default: the most frequent terms).
    pub chart_terms: Option<Vec<String>>,
    /// Metadata column to group speeches by (speaker, country_or_org, year, party, ...).
    pub group_by: Option<String>,
    /// Least count of a pair in `collocations.csv`, `cooccurrence.csv` and `collocates.csv`.
    pub min_count: u64,
    /// What counts as co-occurring in `cooccurrence.csv`.
    pub context: Context,
    /// Words whose collocates are wanted (`collocates.csv`, one chart each).
    pub focus: Vec<String>,
    /// Join strong collocations into single terms before counting.
    pub phrases: Option<PhraseOptions>,
}

/// How much an analysis does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// Everything: frequencies, groups, pairs, charts.
    #[default]
    Analyze,
    /// The word count alone (`speechstat freq`): read, tokenize, stem and count, and write
    /// only the outputs marked for it in [`crate::OUTPUTS`].
    WordCount,
}

impl Config {
    /// Defaults for reading `inputs` and writing to `out`.
    pub fn new(inputs: Vec<PathBuf>, out: PathBuf) -> Config {
        Config {
            inputs,
            read: ReadOptions::default(),
            language: Language::default(),
            stem: true,
            stopwords: StopwordSource::Builtin,
            out,
            mode: Mode::Analyze,
            write_tokens: false,
            chart_terms: None,
            group_by: None,
            min_count: 3,
            context: Context::default(),
            focus: Vec::new(),
            phrases: None,
        }
    }
}

impl Default for Config {
    /// The demo run: `corpus/` into `output/`.
    fn default() -> Config {
        Config::new(vec![PathBuf::from("corpus")], PathBuf::from("output"))
    }
}
