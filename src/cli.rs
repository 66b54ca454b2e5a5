//! The command line: clap types, and their translation into the library's [`Config`].

use std::path::{Path, PathBuf};

use clap::{Args, Parser, Subcommand};

use speechstat::{
    Config, Context, KwicOptions, Language, MatchBy, Mode, Period, PhraseOptions, ReadOptions,
    StopwordSource, When, DEFAULT_WINDOW, OUTPUTS,
};

/// Statistical analysis of speech corpora: term frequencies, tables and charts.
#[derive(Debug, Parser)]
#[command(name = "speechstat", version, propagate_version = true)]
#[command(after_help = "Run `speechstat analyze --help` for the options and examples.")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read a folder of speeches and write term tables (CSV) and charts (PNG).
    Analyze(Box<AnalyzeArgs>),
    /// The quick word count: tokenize, stem and count only, writing tables/terms.csv and
    /// tables/term_frequency.csv.
    Freq(FreqArgs),
    /// Keyword in context: every occurrence of a word, a glob or a phrase, with the words
    /// around it, printed as aligned lines (tab-separated when piped).
    Kwic(KwicArgs),
}

const KWIC_EXAMPLES: &str = "\
Examples:
  speechstat kwic trafficking
      Every \"trafficking\" in corpus/, 8 words of context on each side.
  speechstat kwic trafficking --match term
      Also \"trafficked\", \"traffickers\": every word with the same Snowball stem.
  speechstat kwic 'terror*' speeches/ --in year=2002
      A glob, in the speeches of 2002 only.
  speechstat kwic '\"human rights\"' --width 5 > lines.tsv
      A phrase; piped output is tab-separated (doc_id, sentence, position, left, keyword,
      right).";

/// Options of `speechstat kwic`.
#[derive(Debug, Args)]
#[command(after_help = KWIC_EXAMPLES)]
pub struct KwicArgs {
    /// A word (matched on the lowercased word), a glob with * and ? (terror*, *-building), or
    /// a phrase in quotes ("human rights").
    #[arg(value_name = "PATTERN")]
    pub pattern: String,

    #[command(flatten)]
    pub input: InputArgs,

    #[command(flatten)]
    pub kwic: KwicMatchArgs,
}

/// How a concordance matches and shows: shared by `kwic` and `analyze --kwic`.
#[derive(Debug, Args)]
pub struct KwicMatchArgs {
    /// Match the pattern against each token's word form, or its term (Snowball stem), so
    /// that "trafficking" also finds "trafficked".
    #[arg(long = "match", value_name = "form|term", value_enum, default_value_t = MatchArg::Form)]
    pub match_by: MatchArg,

    /// Words of context on each side.
    #[arg(
        long = "width",
        visible_alias = "kwic-width",
        value_name = "N",
        default_value_t = 8
    )]
    pub width: usize,

    /// Only the speeches whose metadata COLUMN has VALUE (doc_id is a column too).
    #[arg(long = "in", value_name = "COLUMN=VALUE", value_parser = parse_column_value)]
    pub within: Option<(String, String)>,
}

/// `--period` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PeriodArg {
    Year,
    #[value(name = "5y")]
    FiveYears,
    Decade,
}

/// `--match` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum MatchArg {
    Form,
    Term,
}

fn parse_column_value(text: &str) -> Result<(String, String), String> {
    match text.split_once('=') {
        Some((column, value)) if !column.trim().is_empty() => {
            Ok((column.trim().to_owned(), value.trim().to_owned()))
        }
        _ => Err(format!("{text:?}: give COLUMN=VALUE, such as year=2002")),
    }
}

const FREQ_EXAMPLES: &str = "\
Examples:
  speechstat freq ../shared/corpora/ungdc_1995_2024 --out counts
  speechstat freq speeches/ --no-stem --stopwords none";

/// Options of `speechstat freq`: the reading options of `analyze`.
#[derive(Debug, Args)]
#[command(after_help = after_help(FREQ_EXAMPLES, Mode::WordCount))]
pub struct FreqArgs {
    #[command(flatten)]
    pub input: InputArgs,

    #[command(flatten)]
    pub output: OutArgs,
}

const ANALYZE_EXAMPLES: &str = "\
Examples:
  speechstat analyze
      Analyse corpus/ and write output/.
  speechstat analyze ../shared/corpora/unsc_debates_13_meetings --out unsc-results --tokens
      A folder with a manifest.csv; also write every token to tables/tokens.csv.
  speechstat analyze speeches/ --group-by party --terms freedom,economy,war
      Compare chosen words across the values of a metadata column.
  speechstat analyze debates.csv --text-column text --language fr
      A CSV file with one speech per row, in French.
  speechstat analyze --focus trafficking,refugees --phrases --min-count 5
      What keeps company with chosen words; strong collocations counted as one term.
  speechstat analyze speeches/ --group-by party --group-by year --kwic immigration
      Key terms of every party and every year in one run, and where \"immigration\" was said.
  speechstat analyze speeches/ --compare 2002-Bush-1 2010-Obama-1
      Two speeches side by side: the key terms of the first against the second.
  speechstat analyze my-speeches/ --reference other-speeches/
      Key terms of a corpus against a reference corpus.";

/// The examples, then the outputs a subcommand writes, from the output list.
fn after_help(examples: &str, mode: Mode) -> String {
    let mut text = format!("{examples}\n\nOutputs (in --out; README.md lists every column):");
    for output in OUTPUTS {
        if mode == Mode::WordCount && !output.in_word_count {
            continue;
        }
        let when = match output.when {
            When::Always => String::new(),
            _ if mode == Mode::WordCount => String::new(),
            when => format!(" ({})", when.condition()),
        };
        text.push_str(&format!("\n  {}{when}\n      {}", output.path, output.what));
    }
    text
}

/// Where the subcommands that write put their results.
#[derive(Debug, Args)]
pub struct OutArgs {
    /// Folder for the results (created if missing; only speechstat's own files are replaced).
    #[arg(short, long, value_name = "DIR", default_value = "output")]
    pub out: PathBuf,
}

/// Reading options shared by every subcommand.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Files or folders of speeches (.txt and .md, folders read recursively; a folder with a
    /// manifest.csv is read through it). [default: corpus]
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,

    /// Manifest CSV defining the corpus: its `file` column lists the documents (paths
    /// relative to the manifest), its other columns are metadata.
    #[arg(long, value_name = "FILE", conflicts_with = "inputs")]
    pub manifest: Option<PathBuf>,

    /// Read CSV inputs as one speech per row, with the text in this column (the other
    /// columns are metadata).
    #[arg(long, value_name = "NAME")]
    pub text_column: Option<String>,

    /// Keep bracketed annotations such as [Applause] and [Laughter] in the counts.
    #[arg(long)]
    pub keep_annotations: bool,

    /// Stopword list: a file (one word per line, or Snowball's format), or `none`.
    /// [default: the built-in Snowball list of --language]
    #[arg(long, value_name = "FILE|none")]
    pub stopwords: Option<String>,

    /// Language of the speeches: selects the Snowball stemmer and stopword list
    /// (ar, da, de, el, en, es, fi, fr, hu, it, nl, no, pt, ro, ru, sv, ta, tr).
    #[arg(long, value_name = "LANG", default_value = "en", value_parser = parse_language)]
    pub language: Language,

    /// Count word forms as they are (lowercased) instead of their Snowball stems.
    #[arg(long)]
    pub no_stem: bool,

    /// Worker threads [default: one per core].
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,

    /// Print the time each stage took (reading, tokenizing, counting, tables, ...) to stderr.
    #[arg(long)]
    pub timings: bool,

    /// Print no progress bar and no summary (warnings and errors still go to stderr).
    #[arg(short, long)]
    pub quiet: bool,
}

/// Options of `speechstat analyze`.
#[derive(Debug, Args)]
#[command(after_help = after_help(ANALYZE_EXAMPLES, Mode::Analyze))]
pub struct AnalyzeArgs {
    #[command(flatten)]
    pub input: InputArgs,

    #[command(flatten)]
    pub output: OutArgs,

    /// Also write tables/tokens.csv: one row per word token.
    #[arg(long)]
    pub tokens: bool,

    /// Words to compare in charts/terms_by_document.png, comma-separated
    /// [default: the 10 most frequent terms].
    #[arg(long, value_name = "WORDS", value_delimiter = ',')]
    pub terms: Option<Vec<String>>,

    /// Metadata column to group speeches by (speaker, country_or_org, year, party, ...); may
    /// be given more than once. Keyness and similarity compare the groups of every grouping;
    /// tables/terms_by_group.csv, collocations_by_group.csv and the charts use the first.
    #[arg(long, value_name = "COLUMN")]
    pub group_by: Vec<String>,

    /// Least number of times a word pair must occur to be listed in collocations.csv,
    /// cooccurrence.csv and collocates.csv, and a term in target and reference together to
    /// be tested for keyness.
    #[arg(long, value_name = "N", default_value_t = 3, value_parser = clap::value_parser!(u64).range(1..))]
    pub min_count: u64,

    /// Co-occurrence window: pairs of words at most N words apart (stopwords left out) in
    /// one sentence.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_WINDOW, value_parser = clap::value_parser!(u32).range(1..))]
    pub window: u32,

    /// What counts as co-occurring in cooccurrence.csv: words within --window words, in the
    /// same sentence, or in the same speech.
    #[arg(long, value_enum, default_value_t = ContextArg::Window)]
    pub context: ContextArg,

    /// Words whose collocates are wanted, comma-separated: writes tables/collocates.csv and
    /// charts/collocates_<word>.png.
    #[arg(long, value_name = "WORDS", value_delimiter = ',')]
    pub focus: Vec<String>,

    /// Join strong collocations ("united nations", "human rights") into single terms before
    /// counting; the chosen phrases are written to tables/phrases.csv.
    #[arg(long)]
    pub phrases: bool,

    /// With --phrases: least number of times a pair must occur to be joined.
    #[arg(long, value_name = "N", default_value_t = PhraseOptions::default().min_count)]
    pub phrase_min_count: u64,

    /// With --phrases: least normalised PMI of a pair to be joined (-1 to 1).
    #[arg(long, value_name = "X", default_value_t = PhraseOptions::default().min_npmi)]
    pub phrase_min_npmi: f64,

    /// With --phrases: least log-likelihood of a pair to be joined (10.83 is p < 0.001).
    #[arg(long, value_name = "X", default_value_t = PhraseOptions::default().min_log_likelihood)]
    pub phrase_min_log_likelihood: f64,

    /// Key terms listed per target in tables/keyness.csv on each side (over-used,
    /// under-used).
    #[arg(long, value_name = "N", default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..))]
    pub top: u64,

    /// Keyness of speech (or group) A against B, instead of each target against the rest.
    #[arg(long, num_args = 2, value_names = ["A", "B"], conflicts_with = "reference")]
    pub compare: Option<Vec<String>>,

    /// A second corpus (a folder, file or manifest) as the reference of keyness: the corpus,
    /// and each group, against it.
    #[arg(long, value_name = "PATH")]
    pub reference: Option<PathBuf>,

    /// Most charts/keyness_<target>.png drawn, the largest targets first.
    #[arg(long, value_name = "N", default_value_t = 12)]
    pub max_charts: usize,

    /// Tokens of the moving window of MATTR (lexical diversity); a shorter speech gets its
    /// plain TTR and mattr_short = true.
    #[arg(long, value_name = "N", default_value_t = 100, value_parser = clap::value_parser!(u64).range(1..))]
    pub mattr_window: u64,

    /// Metadata column that dates the speeches, for term_trends.csv and the charts over time
    /// [default: year, else date].
    #[arg(long, value_name = "COLUMN")]
    pub time: Option<String>,

    /// Periods of term_trends.csv and term_trends.png.
    #[arg(long, value_enum, default_value_t = PeriodArg::Year)]
    pub period: PeriodArg,

    /// Show this word, glob or phrase in context: writes tables/kwic.csv.
    #[arg(long, value_name = "PATTERN")]
    pub kwic: Option<String>,

    #[command(flatten)]
    pub kwic_match: KwicMatchArgs,
}

/// `--context` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ContextArg {
    Window,
    Sentence,
    Document,
}

fn parse_language(name: &str) -> Result<Language, String> {
    Language::find(name).ok_or_else(|| {
        format!(
            "unknown language {name:?}; use one of: {}",
            Language::known_codes()
        )
    })
}

impl KwicMatchArgs {
    /// The library's concordance options for `pattern`.
    pub fn to_options(&self, pattern: &str) -> KwicOptions {
        KwicOptions {
            pattern: pattern.to_owned(),
            by: match self.match_by {
                MatchArg::Form => MatchBy::Form,
                MatchArg::Term => MatchBy::Term,
            },
            width: self.width,
            within: self.within.clone(),
        }
    }
}

impl FreqArgs {
    /// The library configuration of the word count alone.
    pub fn to_config(&self) -> Config {
        Config {
            mode: Mode::WordCount,
            ..self.input.to_config(&self.output.out)
        }
    }
}

impl InputArgs {
    /// The library configuration for reading and counting into `out`, with every analysis
    /// option at its default.
    pub fn to_config(&self, out: &Path) -> Config {
        let inputs = if self.inputs.is_empty() && self.manifest.is_none() {
            vec![PathBuf::from("corpus")]
        } else {
            self.inputs.clone()
        };
        let stopwords = match self.stopwords.as_deref() {
            None => StopwordSource::Builtin,
            Some(s) if s.eq_ignore_ascii_case("none") => StopwordSource::None,
            Some(path) => StopwordSource::File(PathBuf::from(path)),
        };
        Config {
            read: ReadOptions {
                manifest: self.manifest.clone(),
                text_column: self.text_column.clone(),
                keep_annotations: self.keep_annotations,
            },
            language: self.language,
            stem: !self.no_stem,
            stopwords,
            ..Config::new(inputs, out.to_path_buf())
        }
    }
}

impl AnalyzeArgs {
    /// The library configuration these arguments describe.
    pub fn to_config(&self) -> Config {
        Config {
            write_tokens: self.tokens,
            chart_terms: self.terms.clone(),
            group_by: self.group_by.clone(),
            min_count: self.min_count,
            context: match self.context {
                ContextArg::Window => Context::Window(self.window),
                ContextArg::Sentence => Context::Sentence,
                ContextArg::Document => Context::Document,
            },
            focus: self.focus.clone(),
            phrases: self.phrases.then_some(PhraseOptions {
                min_count: self.phrase_min_count,
                min_npmi: self.phrase_min_npmi,
                min_log_likelihood: self.phrase_min_log_likelihood,
            }),
            keyness_top: self.top as usize,
            compare: self
                .compare
                .as_ref()
                .and_then(|names| match names.as_slice() {
                    [a, b] => Some((a.clone(), b.clone())),
                    _ => None,
                }),
            reference: self.reference.clone(),
            max_charts: self.max_charts,
            mattr_window: self.mattr_window as usize,
            time_column: self.time.clone(),
            period: match self.period {
                PeriodArg::Year => Period::Year,
                PeriodArg::FiveYears => Period::FiveYears,
                PeriodArg::Decade => Period::Decade,
            },
            kwic: self
                .kwic
                .as_ref()
                .map(|pattern| self.kwic_match.to_options(pattern)),
            ..self.input.to_config(&self.output.out)
        }
    }
}
