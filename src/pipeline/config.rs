//! Everything an analysis can be told: what to read, how to count, which statistics to
//! compute. The command line builds one of these; a program embedding speechstat does too.

use std::path::PathBuf;

use crate::corpus::{ReadOptions, Selection};
use crate::output::charts::canvas::{ChartFormat, DEFAULT_DPI, DEFAULT_WIDTH};
use crate::output::tables::{CsvStyle, TableFormat};
use crate::stats::compare::measures::RankBy;
use crate::stats::compare::similarity::SimilarityMethod;
use crate::stats::compare::style::{SimilarityMeasure, DEFAULT_STYLE_WORDS};
use crate::stats::pairs::cooccurrence::Context;
use crate::stats::pairs::phrases::PhraseOptions;
use crate::stats::profile::trends::Period;
use crate::text::{AddedStopwords, Language, MatchBy, StopwordSource};

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
    /// Words added to that list (`--stopwords-add`), files or words, in the order given.
    pub stopwords_add: Vec<AddedStopwords>,
    /// The folder [`crate::run`] writes into; [`crate::analyze`] writes nothing.
    pub out: PathBuf,
    /// The whole analysis, or the word count alone.
    pub mode: Mode,
    /// Also write `tables/tokens.csv`, one row per word token.
    pub write_tokens: bool,
    /// Words to compare in `terms_by_document.png` (default: the most frequent terms).
    pub chart_terms: Option<Vec<String>>,
    /// Metadata columns to group speeches by (speaker, country_or_org, year, party, ...);
    /// columns joined by commas (`iso3,year`) group by the combination of their values.
    /// Keyness and similarity use every grouping; the per-group term and collocation tables
    /// and the terms chart use the first.
    pub group_by: Vec<String>,
    /// How the pairs of `similarity.csv` are chosen: every pair up to a thousand speeches
    /// (or groups of a grouping), beyond that each one's most similar, found through an
    /// index (the default) or by comparing every pair.
    pub similarity: SimilarityMethod,
    /// What `similarity.csv` and its heatmap measure: topic (cosine of tf-idf, the
    /// default) or style (Burrows' Delta).
    pub similarity_measure: SimilarityMeasure,
    /// Most frequent word forms (stopwords included) Burrows' Delta compares.
    pub style_words: usize,
    /// Least count of a pair in `collocations.csv`, `cooccurrence.csv` and `collocates.csv`,
    /// and of a term in target and reference together for keyness to test it.
    pub min_count: u64,
    /// What counts as co-occurring in `cooccurrence.csv`.
    pub context: Context,
    /// Words whose collocates are wanted (`collocates.csv`, one chart each).
    pub focus: Vec<String>,
    /// Join strong collocations into single terms before counting.
    pub phrases: Option<PhraseOptions>,
    /// Key terms listed per side (over-used, under-used) and target in `keyness.csv`.
    pub keyness_top: usize,
    /// Least speeches of a target that must use an over-used term for `keyness.csv` to
    /// list it; a target of fewer speeches needs all of them.
    pub min_range: u64,
    /// The measure that orders each target's listed terms (and its charts).
    pub rank_by: RankBy,
    /// s, the multiplier of the counts of the log-odds' Dirichlet prior.
    pub prior_scale: f64,
    /// k, added to both rates per million of simple maths.
    pub smoothing: f64,
    /// Sets of speeches, each compared with the rest of the corpus (or with `reference`):
    /// the targets of keyness named by their expression. Given alone, without `group_by`,
    /// they are the only targets (the speeches are not scored one by one).
    pub targets: Vec<Selection>,
    /// Keyness of one speech or group against another, instead of each against the rest;
    /// or, when both parse as expressions and neither names a group or speech, the speeches
    /// of the first expression against those of the second (no speech may be in both).
    pub compare: Option<(String, String)>,
    /// A second corpus as the reference of keyness: the corpus (and each group) against it.
    pub reference: Option<PathBuf>,
    /// Keep in `reference` the speeches the corpus also has (the same cleaned text), which
    /// are otherwise left out of it with a warning.
    pub keep_shared: bool,
    /// Most `keyness_<target>.png` charts drawn, the largest targets of each grouping in
    /// turn, after those of `chart_targets`.
    pub max_charts: usize,
    /// Targets (a group's value, a `--target` expression, a speech's id) whose keyness
    /// chart is drawn whatever `max_charts` is.
    pub chart_targets: Vec<String>,
    /// Dictionaries (LIWC `.dic`, YAML, CSV) whose categories are counted in every speech
    /// (`dictionary.csv`).
    pub dictionaries: Vec<PathBuf>,
    /// What dictionary patterns match: lowercased word forms (the default) or terms.
    pub dictionary_match: MatchBy,
    /// A pattern to show in context (`kwic.csv`).
    pub kwic: Option<KwicOptions>,
    /// Tokens of the MATTR window.
    pub mattr_window: usize,
    /// The metadata column that dates the speeches (default: `year`, else `date`).
    pub time_column: Option<String>,
    /// The periods of `term_trends.csv`.
    pub period: Period,
    /// Terms (columns) of `term_matrix.csv`: the most frequent ones.
    pub matrix_terms: usize,
    /// How CSV tables are written: for spreadsheets (the default), for spreadsheets in
    /// locales with decimal commas, or plain for programs.
    pub csv: CsvStyle,
    /// Which files each table is written as: CSV, Parquet or both.
    pub table_format: TableFormat,
    /// The format, size and resolution of the charts.
    pub charts: ChartOptions,
    /// The command line that asked for this run, recorded in `run.json` (empty when a
    /// program calls the library).
    pub command_line: Vec<String>,
}

/// `--min-range`'s default: a term key for a group must come from two of its speeches at
/// least, so no single speech makes a group's key term (a one-speech target keeps its own).
pub const DEFAULT_MIN_RANGE: u64 = 2;

/// What a concordance shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KwicOptions {
    /// A word, a glob (`terror*`) or a phrase (`human rights`).
    pub pattern: String,
    /// Match the lowercased form, or the term.
    pub by: MatchBy,
    /// Words of context on each side.
    pub width: usize,
    /// Only the speeches whose metadata column `.0` has the value `.1` (`doc_id` included),
    /// for every pair.
    pub within: Vec<(String, String)>,
}

impl KwicOptions {
    /// Why `pattern` cannot match anything, if it cannot (an empty pattern, a word of `*` and
    /// `?` alone): what the command line checks before reading the corpus.
    pub fn check_pattern(pattern: &str) -> Result<(), String> {
        crate::text::Pattern::parse(pattern).map(|_| ())
    }

    /// A pattern matched by form with 8 words of context.
    pub fn new(pattern: impl Into<String>) -> KwicOptions {
        KwicOptions {
            pattern: pattern.into(),
            by: MatchBy::Form,
            width: 8,
            within: Vec::new(),
        }
    }
}

/// How charts are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChartOptions {
    /// PNG (the default) or SVG.
    pub format: ChartFormat,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels; none: each chart as high as its content needs.
    pub height: Option<u32>,
    /// Resolution recorded in a PNG, so documents paste it at `width / dpi` inches.
    pub dpi: u32,
}

impl Default for ChartOptions {
    /// PNG, 1600 pixels wide at 250 dpi (6.4 inches: the text width of an A4 or Letter
    /// page), each chart as high as it needs.
    fn default() -> ChartOptions {
        ChartOptions {
            format: ChartFormat::Png,
            width: DEFAULT_WIDTH,
            height: None,
            dpi: DEFAULT_DPI,
        }
    }
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
            stopwords_add: Vec::new(),
            out,
            mode: Mode::Analyze,
            write_tokens: false,
            chart_terms: None,
            group_by: Vec::new(),
            similarity: SimilarityMethod::default(),
            similarity_measure: SimilarityMeasure::default(),
            style_words: DEFAULT_STYLE_WORDS,
            min_count: 3,
            context: Context::default(),
            focus: Vec::new(),
            phrases: None,
            keyness_top: 30,
            min_range: DEFAULT_MIN_RANGE,
            rank_by: RankBy::default(),
            prior_scale: 1.0,
            smoothing: 1.0,
            targets: Vec::new(),
            compare: None,
            reference: None,
            keep_shared: false,
            max_charts: 12,
            chart_targets: Vec::new(),
            dictionaries: Vec::new(),
            dictionary_match: MatchBy::Form,
            kwic: None,
            mattr_window: 100,
            time_column: None,
            period: Period::Year,
            matrix_terms: 100,
            csv: CsvStyle::default(),
            table_format: TableFormat::default(),
            charts: ChartOptions::default(),
            command_line: Vec::new(),
        }
    }
}

impl Default for Config {
    /// The demo run: `corpus/` into `output/`.
    fn default() -> Config {
        Config::new(vec![PathBuf::from("corpus")], PathBuf::from("output"))
    }
}
