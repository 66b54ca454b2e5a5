//! The command line: clap types and their translation into the library's [`Config`]; the
//! `--config` file, read as options typed before the user's own; the names `speechstat
//! explain` takes. Nothing here prints or exits: `main.rs` does.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use clap::error::ErrorKind;
use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand};

use speechstat::{
    AddedStopwords, ChartFormat, ChartOptions, Condition, Config, Context, CsvStyle, KwicOptions,
    Language, MatchBy, Mode, Period, PhraseOptions, RankBy, ReadOptions, Selection,
    SimilarityMeasure, SimilarityMethod, SortBy, StopwordSource, TableFormat, Unit, When,
    DEFAULT_MIN_RANGE, DEFAULT_STYLE_WORDS, DEFAULT_WINDOW, MAX_MATRIX_TERMS, OUTPUTS,
};

mod config_file;
mod explain;

/// Exit code of bad input: a file that cannot be read or is malformed, nothing to analyse.
pub const BAD_INPUT: u8 = 1;
/// Exit code of a usage error (clap's own choice for its errors, kept for ours).
pub const USAGE: u8 = 2;

/// The folder read when no input is given.
const DEFAULT_CORPUS: &str = "corpus";

/// The widest and tallest chart accepted: a bitmap is width x height x 3 bytes in memory.
const MAX_CHART_PIXELS: u32 = 10_000;

/// The ranges of the numeric options, checked as the command line is read (a value outside
/// is a usage error): wide enough for any analysis, narrow enough that no value asks for
/// more memory or time than the corpus itself does.
const MAX_THREADS: u64 = 256;
const MAX_KWIC_WIDTH: u64 = 1_000;
const MAX_TOP: u64 = 10_000;
const MAX_CHARTS: u64 = 1_000;
const MAX_WINDOW: u32 = 1_000;
const MAX_MATTR_WINDOW: u64 = 100_000;

/// The exit codes, as `--help` states them (a macro so that `concat!` can use it).
macro_rules! exit_codes {
    () => {
        "Exit codes:
  0  done
  1  bad input: a file or folder that cannot be read or is malformed (speeches, manifest,
     stopword list, --reference, --config file), or nothing to analyse
  2  usage: an unknown option, a bad value, or no input given and no corpus/ folder here"
    };
}

mod shards;
pub use shards::{CountArgs, MergeArgs, ScoreArgs};

/// Statistical analysis of speech corpora: term frequencies, tables and charts.
#[derive(Debug, Parser)]
#[command(name = "speechstat", version, propagate_version = true)]
#[command(after_help = concat!(
    "Examples (in the repository's folder, which holds the demo corpus/):
  speechstat analyze
      Analyse corpus/ and write tables, charts and a report to output/.
  speechstat analyze --group-by party
      The same, comparing the parties (a column of corpus/manifest.csv).
  speechstat explain keyness
      How keyness is computed, and which convention it follows.

Run `speechstat analyze --help` for the options, more examples and the config file.

",
    exit_codes!()
))]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read a folder of speeches and write term tables (CSV), charts (PNG) and a report.
    Analyze(Box<AnalyzeArgs>),
    /// The quick word count: tokenize, stem and count only, writing tables/terms.csv and
    /// tables/term_frequency.csv.
    Freq(FreqArgs),
    /// Keyword in context: every occurrence of a word, a glob or a phrase, with the words
    /// around it, printed as aligned lines (tab-separated when piped).
    Kwic(KwicArgs),
    /// How a statistic is computed: its formula and the convention it follows, as
    /// docs/statistics.md gives them; without a name, the names it knows.
    Explain(ExplainArgs),
    /// Print the built-in stopword list of a language, one word per line in alphabetical
    /// order, to copy and edit (then --stopwords FILE), or to check before --stopwords-add.
    Stopwords(StopwordsArgs),
    /// Read and count a part of a corpus into a shard folder (Parquet files) that `merge`
    /// or an engine's SQL merges with the other parts, for `score`.
    Count(CountArgs),
    /// Merge shard folders written by `count` into one.
    Merge(MergeArgs),
    /// Every table and chart of `analyze` from a merged shard folder: the same as one
    /// `analyze` of the whole corpus. Takes analyze's options but the reading ones.
    Score(Box<ScoreArgs>),
}

impl Command {
    /// The reading options of the subcommands that read speeches.
    pub fn input(&self) -> Option<&InputArgs> {
        match self {
            Command::Analyze(args) => Some(&args.input),
            Command::Freq(args) => Some(&args.input),
            Command::Kwic(args) => Some(&args.input),
            Command::Count(args) => Some(&args.input),
            Command::Score(args) => Some(&args.analyze.input),
            Command::Explain(_) | Command::Stopwords(_) | Command::Merge(_) => None,
        }
    }
}

const KWIC_EXAMPLES: &str = concat!(
    "Examples:
  speechstat kwic trafficking
      Every \"trafficking\" in corpus/, 8 words of context on each side.
  speechstat kwic trafficking --match term
      Also \"traffickers\": every word with the same Snowball stem.
  speechstat kwic 'terror*' corpus/ --in year=2002
      A glob, in the speeches of 2002 only.
  speechstat kwic america --in party=Democratic --in year=2010
      Only the lines of speeches that meet both: Obama's of 2010.
  speechstat kwic '\"health care\"' --width 5 > lines.tsv
      A phrase; piped output is tab-separated under a header line (doc_id, sentence,
      position, left, keyword, right).
  speechstat kwic freedom --sort left
      Lines sorted by the word before the keyword, then the one before it (AntConc's L1,
      L2); --sort right by the words after it.

",
    exit_codes!()
);

/// Options of `speechstat kwic`.
#[derive(Debug, Args)]
#[command(after_help = KWIC_EXAMPLES)]
pub struct KwicArgs {
    /// A word (matched on the lowercased word), a glob with * and ? (terror*, *-building), or
    /// a phrase in quotes ("human rights").
    #[arg(value_name = "PATTERN", value_parser = parse_pattern)]
    pub pattern: String,

    #[command(flatten)]
    pub input: InputArgs,

    #[command(flatten)]
    pub kwic: KwicMatchArgs,

    /// The order of the lines: corpus order (position), or by the words before (left) or
    /// after (right) the keyword, nearest first, as AntConc sorts them.
    #[arg(long, value_name = "position|left|right", value_enum, default_value_t = SortArg::Position)]
    pub sort: SortArg,
}

/// `--sort` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SortArg {
    Position,
    Left,
    Right,
}

impl SortArg {
    /// The library's order.
    pub fn order(self) -> SortBy {
        match self {
            SortArg::Position => SortBy::Position,
            SortArg::Left => SortBy::Left,
            SortArg::Right => SortBy::Right,
        }
    }
}

/// How a concordance matches and shows: shared by `kwic` and `analyze --kwic`.
#[derive(Debug, Args)]
pub struct KwicMatchArgs {
    /// Match the pattern against each token's word form, or its term (Snowball stem), so
    /// that "trafficking" also finds "trafficked".
    #[arg(long = "match", value_name = "form|term", value_enum, default_value_t = MatchArg::Form)]
    pub match_by: MatchArg,

    /// Words of context on each side, 0 to 1000.
    #[arg(
        long = "width",
        visible_alias = "kwic-width",
        value_name = "N",
        default_value_t = 8,
        value_parser = clap::value_parser!(u64).range(0..=MAX_KWIC_WIDTH)
    )]
    pub width: u64,

    /// Only the lines of the speeches whose metadata COLUMN has VALUE (doc_id is a column
    /// too). Repeatable: every one must hold. (--where also narrows the corpus itself.)
    #[arg(long = "in", value_name = "COLUMN=VALUE", value_parser = parse_column_value)]
    pub within: Vec<(String, String)>,
}

/// `--period` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PeriodArg {
    Year,
    #[value(name = "5y")]
    FiveYears,
    Decade,
}

/// `--unit` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum UnitArg {
    Speech,
    Sitting,
}

/// `--delimiter CHAR`: one ASCII character, or `tab`.
fn parse_delimiter(text: &str) -> Result<u8, String> {
    match text {
        "tab" | "\\t" | "\t" => Ok(b'\t'),
        _ if text.len() == 1 && text.is_ascii() && text != "\"" && text != "\n" => {
            Ok(text.as_bytes()[0])
        }
        _ => Err(format!(
            "{text:?}: give one character, such as | or ;, or tab"
        )),
    }
}

/// `--match` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum MatchArg {
    Form,
    Term,
}

/// `--csv` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CsvArg {
    /// For Excel and LibreOffice: UTF-8 with a byte-order mark, so accented names show
    /// right when the file is double-clicked; text that looks like a formula (=, +, -, @)
    /// stays text.
    Excel,
    /// As excel, with ";" between fields and decimal commas, for spreadsheets set to a
    /// French, German, Spanish or other European locale.
    ExcelEu,
    /// UTF-8 without byte-order mark, text as it is: for programs.
    Plain,
}

/// `--format` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FormatArg {
    /// tables/NAME.csv.
    Csv,
    /// tables/NAME.parquet, for R, Python and DuckDB: the same columns, with their types.
    Parquet,
    /// Both files for every table.
    Both,
}

/// `--chart-format` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ChartFormatArg {
    /// Pictures, pasted into documents at the size --dpi gives.
    Png,
    /// Scalable drawings: sharp at any size in documents and web pages.
    Svg,
}

/// A concordance pattern that can match something; why not, when it cannot.
fn parse_pattern(text: &str) -> Result<String, String> {
    KwicOptions::check_pattern(text).map(|()| text.to_owned())
}

/// A number from `low` to `high`, both included (NaN is not one).
fn number_within(text: &str, low: f64, high: f64) -> Result<f64, String> {
    let x: f64 = text
        .trim()
        .parse()
        .map_err(|_| format!("{text:?} is not a number"))?;
    match x >= low && x <= high {
        true => Ok(x),
        false => Err(format!("{text} is not in {low} to {high}")),
    }
}

fn parse_positive(text: &str) -> Result<f64, String> {
    match number_within(text, 0.0, 1e12) {
        Ok(x) if x > 0.0 => Ok(x),
        _ => Err(format!("{text:?} is not a number above 0")),
    }
}

fn parse_npmi(text: &str) -> Result<f64, String> {
    number_within(text, -1.0, 1.0)
}

fn parse_log_likelihood(text: &str) -> Result<f64, String> {
    number_within(text, 0.0, f64::MAX).map_err(|_| format!("{text:?} is not a number of 0 or more"))
}

/// `--stopwords-add`: an existing file, else words separated by commas. A value that looks
/// like a path but names no file is refused rather than taken for a word.
fn parse_added_stopwords(text: &str) -> Result<AddedStopwords, String> {
    let path = Path::new(text);
    if path.is_file() {
        return Ok(AddedStopwords::File(path.to_path_buf()));
    }
    let looks_like_path = text.contains(['/', '\\'])
        || [".txt", ".csv", ".tsv", ".lst"]
            .iter()
            .any(|ext| text.to_ascii_lowercase().ends_with(ext));
    if looks_like_path {
        return Err(format!(
            "{text:?}: no such file; give a file of words, one per line, or words separated \
             by commas"
        ));
    }
    let words: Vec<String> = text
        .split(',')
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect();
    if let Some(word) = words.iter().find(|w| w.contains(char::is_whitespace)) {
        return Err(format!(
            "{word:?} holds a space, and a stopword is one word; separate words with commas"
        ));
    }
    if words.is_empty() {
        return Err(format!(
            "{text:?} holds no word; give words separated by commas, or a file"
        ));
    }
    Ok(AddedStopwords::Words(words))
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
  speechstat freq
      Count the words of corpus/ into output/tables/.
  speechstat freq corpus/ --no-stem --stopwords none --out counts
      Every word form as written (lowercased), stopwords included, into counts/.
  speechstat freq --csv plain --format both
      Tables for programs: CSV without byte-order mark, and Parquet.

Config file (--config FILE): as for analyze (see `speechstat analyze --help`); the options
only analyze has are left out.";

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
Examples (in the repository's folder, which holds the demo corpus/):
  speechstat analyze
      Analyse corpus/ and write output/.
  speechstat analyze corpus/ --group-by party --terms freedom,economy,war
      Compare chosen words across the values of a metadata column (corpus/manifest.csv).
  speechstat analyze --focus freedom,terror --phrases --min-count 5 --tokens
      What keeps company with chosen words; strong collocations counted as one term; also
      every token in tables/tokens.csv.
  speechstat analyze --group-by party --group-by year --kwic immigration
      Key terms of every party and every year in one run, and where \"immigration\" was said.
  speechstat analyze --compare 2002-Bush-1 2010-Obama-1
      Two speeches side by side: the key terms of the first against the second.
  speechstat analyze --group-by party --compare Democratic Republican
      Two groups side by side.
  speechstat analyze corpus/speeches/2026-Trump-1.txt --reference corpus/
      Key terms of one speech (or a corpus) against a reference corpus.
  speechstat analyze tests/fixtures/speeches.csv
      A CSV file with one speech per row in its text column; its other columns are metadata.
  speechstat analyze tests/fixtures/speeches.jsonl --id-column id
      JSON Lines: one speech per object (its text field), its doc_id from the field named.
  speechstat analyze tests/fixtures/parlamint/TEI --group-by party
      ParlaMint sittings (TEI, or .txt with -meta.tsv): one speech per utterance.
  speechstat analyze corpus/ --metadata tests/fixtures/regions.csv --id-column doc_id
      Join a table of metadata to the speeches by their doc_id.
  speechstat analyze --csv excel-eu --format both --chart-format svg --chart-width 1200
      Tables for spreadsheets with decimal commas, and as Parquet; charts as SVG.

Config file (--config FILE): TOML, one key per option, named as its long flag without the
dashes; relative paths are read from the folder you run in, as if typed. An option given on
the command line replaces the file's value (a list too). For example:
  inputs = [\"corpus\"]
  group-by = [\"party\", \"year\"]
  min-count = 5
  no-stem = true
  csv = \"excel-eu\"";

/// The examples, then the outputs a subcommand writes, from the output list, then the exit
/// codes.
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
    text.push_str(concat!("\n\n", exit_codes!()));
    text
}

/// Where the subcommands that write put their results, and in which formats.
#[derive(Debug, Args)]
pub struct OutArgs {
    /// Folder for the results (created if missing; only speechstat's own files are replaced).
    #[arg(short, long, value_name = "DIR", default_value = "output")]
    pub out: PathBuf,

    /// How CSV tables are written: for spreadsheets (excel, excel-eu) or for programs
    /// (plain).
    #[arg(long, value_name = "STYLE", value_enum, default_value_t = CsvArg::Excel)]
    pub csv: CsvArg,

    /// The files each table is written as: CSV, Parquet, or both.
    #[arg(long, value_name = "FORMAT", value_enum, default_value_t = FormatArg::Csv)]
    pub format: FormatArg,
}

/// How charts are drawn.
#[derive(Debug, Args)]
pub struct ChartArgs {
    /// The file format of the charts.
    #[arg(long, value_name = "FORMAT", value_enum, default_value_t = ChartFormatArg::Png)]
    pub chart_format: ChartFormatArg,

    /// Width of every chart in pixels, 640 to 10000. Text keeps its size, so a wider chart
    /// has room for more and longer labels.
    #[arg(
        long,
        value_name = "PX",
        default_value_t = ChartOptions::default().width,
        value_parser = clap::value_parser!(u32)
            .range(i64::from(speechstat::MIN_CHART_WIDTH)..=i64::from(MAX_CHART_PIXELS))
    )]
    pub chart_width: u32,

    /// Height of every chart in pixels, up to 10000 [default: as high as each chart's
    /// content needs]. A chart whose rows need more room is drawn taller: nothing is cut.
    #[arg(
        long,
        value_name = "PX",
        value_parser = clap::value_parser!(u32).range(1..=i64::from(MAX_CHART_PIXELS))
    )]
    pub chart_height: Option<u32>,

    /// Resolution written into PNG charts: a word processor pastes a chart at width / dpi
    /// inches (1600 pixels at 250 dpi: 6.4 inches, the text width of an A4 page).
    #[arg(
        long,
        value_name = "N",
        default_value_t = ChartOptions::default().dpi,
        value_parser = clap::value_parser!(u32).range(1..=10_000)
    )]
    pub dpi: u32,
}

/// Reading options shared by every subcommand.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Files or folders of speeches: text (.txt, .md), tables (.csv, .tsv, .tab, .jsonl,
    /// .ndjson, .json), ParlaMint sittings (TEI .xml, or .txt with -meta.tsv), Congressional
    /// Record volumes (speeches_NNN.txt). Folders are read recursively for text, ParlaMint and
    /// Congressional Record files; a folder with a manifest.csv is read through it.
    /// [default: corpus]
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,

    /// Manifest CSV defining the corpus: its `file` column lists the documents (paths
    /// relative to the manifest), its other columns are metadata.
    #[arg(long, value_name = "FILE", conflicts_with = "inputs")]
    pub manifest: Option<PathBuf>,

    /// The column of a table (CSV, TSV, JSON Lines, Parquet) that holds the speeches, one per row
    /// (the other columns are metadata) [default: text].
    #[arg(long, value_name = "NAME")]
    pub text_column: Option<String>,

    /// The column of a table, or of --metadata, that gives each speech its doc_id [default:
    /// the table's name and row number].
    #[arg(long, value_name = "NAME")]
    pub id_column: Option<String>,

    /// Read the input files as tables with this character between fields (`|`, `;`, `tab`),
    /// whatever their extension.
    #[arg(long, value_name = "CHAR", value_parser = parse_delimiter)]
    pub delimiter: Option<u8>,

    /// A table (CSV, TSV, JSON Lines, Parquet) of metadata joined to the speeches: the row whose
    /// --id-column equals a speech's doc_id gives it the other columns.
    #[arg(long, value_name = "FILE", requires = "id_column")]
    pub metadata: Option<PathBuf>,

    /// What a ParlaMint document is: each utterance (speech) or each whole sitting.
    #[arg(long, value_name = "speech|sitting", value_enum, default_value_t = UnitArg::Speech)]
    pub unit: UnitArg,

    /// Only the speeches whose metadata meet EXPR: COLUMN=VALUE, COLUMN!=VALUE,
    /// COLUMN>=VALUE (or >, <, <=: numbers, years and ISO dates compared as such) or
    /// 'COLUMN in A,B,C'; doc_id is a column too. Repeatable: every one must hold.
    #[arg(long = "where", value_name = "EXPR", value_parser = Condition::parse)]
    pub conditions: Vec<Condition>,

    /// Keep bracketed annotations such as [Applause] and [Laughter] in the counts.
    #[arg(long)]
    pub keep_annotations: bool,

    /// Read manifest rows that name files outside the manifest's folder (../x.txt, absolute
    /// paths), which are refused otherwise, and symbolic links leading out of an input
    /// folder without a warning.
    #[arg(long)]
    pub allow_outside: bool,

    /// Stopword list: a file (one word per line, or Snowball's format), `none`, or
    /// `builtin`. [default: builtin, the Snowball list of --language]
    #[arg(long, value_name = "FILE|none|builtin")]
    pub stopwords: Option<String>,

    /// Words added to the stopword list (the built-in one, or --stopwords FILE): a file (one
    /// word per line; `#` or `|` starts a comment), or words separated by commas
    /// (mr,madam,excellency). A value naming an existing file is the file. Repeatable.
    #[arg(long, value_name = "FILE|WORDS", value_parser = parse_added_stopwords)]
    pub stopwords_add: Vec<AddedStopwords>,

    /// Language of the speeches: selects the Snowball stemmer and stopword list
    /// (ar, da, de, el, en, es, fi, fr, hu, it, nl, no, pt, ro, ru, sv, ta, tr).
    #[arg(long, value_name = "LANG", default_value = "en", value_parser = parse_language)]
    pub language: Language,

    /// Count word forms as they are (lowercased) instead of their Snowball stems.
    #[arg(long)]
    pub no_stem: bool,

    /// Worker threads, 1 to 256 [default: one per core].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..=MAX_THREADS))]
    pub threads: Option<u64>,

    /// Print the time each stage took (reading, tokenizing, counting, tables, ...) with the
    /// memory in use after it and at the peak so far (Linux), and each table's and chart's
    /// time, to stderr.
    #[arg(long)]
    pub timings: bool,

    /// Print no progress bar and no summary (warnings and errors still go to stderr).
    #[arg(short, long)]
    pub quiet: bool,

    /// Read options from a TOML file, one key per option named as its long flag
    /// (group-by = ["party"], min-count = 5, no-stem = true, inputs = ["corpus"]); options
    /// given on the command line replace the file's.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
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
    /// be given more than once, each grouping compared on its own. Columns joined by commas
    /// (iso3,year) group by the pair of values, each group named by them with a space
    /// (UKR 2022). Keyness and similarity compare the groups of every grouping;
    /// tables/terms_by_group.csv, collocations_by_group.csv and the charts use the first.
    #[arg(long, value_name = "COLUMN[,COLUMN]")]
    pub group_by: Vec<String>,

    /// How tables/similarity.csv chooses its pairs. Up to 1,000 speeches (or groups of a
    /// grouping) it lists every pair; beyond, each one's 10 most similar: `auto` finds them
    /// through an index of each one's heaviest terms (time about linear in the speeches;
    /// recall@10 0.996 against the exact answer on the UN General Debate), `exact` compares
    /// every pair (time grows with the square of the speeches), `approximate` uses the index
    /// whatever the number. The table's method column says which it is.
    #[arg(long, value_enum, value_name = "METHOD", default_value_t = SimilarityArg::Auto)]
    pub similarity: SimilarityArg,

    /// What tables/similarity.csv and charts/similarity_heatmap.png measure: `topic`, what
    /// the speeches talk about (cosine and Jaccard of tf-idf, stopwords left out); `style`,
    /// how they write (Burrows' Delta on the z-scores of the --style-words most frequent
    /// word forms, stopwords included; lower is more alike; pairs always compared exactly).
    #[arg(long, value_enum, value_name = "MEASURE", default_value_t = MeasureArg::Topic)]
    pub similarity_measure: MeasureArg,

    /// With --similarity-measure style: the most frequent word forms compared, 1 to 10000
    /// (stylo's users take 100 to 1,000).
    #[arg(long, value_name = "N", default_value_t = DEFAULT_STYLE_WORDS as u64, value_parser = clap::value_parser!(u64).range(1..=MAX_STYLE_WORDS))]
    pub style_words: u64,

    /// Least number of times a word pair must occur to be listed in collocations.csv,
    /// cooccurrence.csv and collocates.csv, and a term in target and reference together to
    /// be tested for keyness.
    #[arg(long, value_name = "N", default_value_t = 3, value_parser = clap::value_parser!(u64).range(1..))]
    pub min_count: u64,

    /// Co-occurrence window: pairs of words at most N words apart (stopwords left out) in
    /// one sentence, 1 to 1000.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_WINDOW, value_parser = clap::value_parser!(u32).range(1..=i64::from(MAX_WINDOW)))]
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

    /// With --phrases: least number of times a pair must occur to be joined (1 or more).
    #[arg(long, value_name = "N", default_value_t = PhraseOptions::default().min_count, value_parser = clap::value_parser!(u64).range(1..))]
    pub phrase_min_count: u64,

    /// With --phrases: least normalised PMI of a pair to be joined (-1 to 1).
    #[arg(long, value_name = "X", default_value_t = PhraseOptions::default().min_npmi, value_parser = parse_npmi)]
    pub phrase_min_npmi: f64,

    /// With --phrases: least log-likelihood of a pair to be joined, 0 or more (10.83 is
    /// p < 0.001).
    #[arg(long, value_name = "X", default_value_t = PhraseOptions::default().min_log_likelihood, value_parser = parse_log_likelihood)]
    pub phrase_min_log_likelihood: f64,

    /// Key terms listed per target in tables/keyness.csv on each side (over-used,
    /// under-used), 1 to 10000.
    #[arg(long, value_name = "N", default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..=MAX_TOP))]
    pub top: u64,

    /// Least number of the target's speeches that must use an over-used term for
    /// keyness.csv to list it (1 or more); a target of fewer speeches needs all of them, so
    /// a single speech keeps its key terms. Under-used terms are listed whatever their range.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_MIN_RANGE, value_parser = clap::value_parser!(u64).range(1..))]
    pub min_range: u64,

    /// The measure that orders each target's key terms in tables/keyness.csv, the report and
    /// the keyness charts (every measure is a column whatever this is).
    #[arg(long, value_enum, value_name = "MEASURE", default_value_t = RankArg::LogLikelihood)]
    pub rank_by: RankArg,

    /// s, the weight of the log-odds' Dirichlet prior: its counts (of the corpus, or of
    /// --reference) times s; above 0 (0.01 to 10 is the usual range).
    #[arg(long, value_name = "S", default_value_t = 1.0, value_parser = parse_positive)]
    pub prior_scale: f64,

    /// k of simple maths, added to both rates per million words: 1 favours rare words,
    /// 100 common ones; above 0.
    #[arg(long, value_name = "K", default_value_t = 1.0, value_parser = parse_positive)]
    pub smoothing: f64,
    /// The speeches meeting EXPR as one target of keyness, against the rest of the corpus
    /// (or --reference); keyness.csv names it by EXPR. EXPR is --where's conditions joined by
    /// commas, all must hold: 'iso3=UKR,year>=2022' ('iso3 in UKR,RUS,year>=2022' lists
    /// values). Repeatable. Without --group-by, the targets are the only ones (the speeches
    /// are not scored one by one).
    #[arg(long = "target", value_name = "EXPR", value_parser = Selection::parse, conflicts_with = "compare")]
    pub targets: Vec<Selection>,

    /// Keyness of speech (or group) A against B, instead of each target against the rest.
    /// Two expressions (as --target's) compare the speeches of A with those of B; no speech
    /// may meet both.
    #[arg(long, num_args = 2, value_names = ["A", "B"], conflicts_with = "reference")]
    pub compare: Option<Vec<String>>,

    /// A second corpus (a folder, file or manifest) as the reference of keyness: the corpus,
    /// and each group and --target, against it. Its speeches that the corpus also has (the
    /// same cleaned text) are left out of it, with a warning.
    #[arg(long, value_name = "PATH")]
    pub reference: Option<PathBuf>,

    /// With --reference: keep in the reference the speeches the corpus also has.
    #[arg(long, requires = "reference")]
    pub keep_shared: bool,

    /// Most charts/keyness_<target>.png drawn, 0 to 1000: the --chart-targets, then the
    /// largest target of each grouping in turn.
    #[arg(long, value_name = "N", default_value_t = 12, value_parser = clap::value_parser!(u64).range(0..=MAX_CHARTS))]
    pub max_charts: u64,

    /// A target whose charts/keyness_<target>.png is drawn whatever --max-charts is: a group
    /// of a --group-by column (UKR), a --target expression as written, or a speech's id.
    /// Repeatable.
    #[arg(long = "chart-targets", value_name = "NAME")]
    pub chart_targets: Vec<String>,

    /// Tokens of the moving window of MATTR (lexical diversity), 1 to 100000; a shorter
    /// speech gets its plain TTR and mattr_short = true.
    #[arg(long, value_name = "N", default_value_t = 100, value_parser = clap::value_parser!(u64).range(1..=MAX_MATTR_WINDOW))]
    pub mattr_window: u64,

    /// Metadata column that dates the speeches, for term_trends.csv and the charts over time
    /// [default: year, else date].
    #[arg(long, value_name = "COLUMN")]
    pub time: Option<String>,

    /// Periods of term_trends.csv and term_trends.png.
    #[arg(long, value_enum, default_value_t = PeriodArg::Year)]
    pub period: PeriodArg,

    /// A dictionary whose categories are counted in every speech (repeatable): LIWC .dic,
    /// YAML (.yml, .yaml) or CSV (category,pattern[,weight]). Writes tables/dictionary.csv
    /// (and per group and period) and charts/dictionary.png.
    #[arg(long = "dictionary", value_name = "FILE")]
    pub dictionaries: Vec<PathBuf>,

    /// What dictionary patterns match: lowercased word forms, or terms (stems; a word
    /// pattern is stemmed too).
    #[arg(long, value_enum, default_value_t = MatchArg::Form, requires = "dictionaries")]
    pub dictionary_match: MatchArg,

    /// Show this word, glob or phrase in context: writes tables/kwic.csv.
    #[arg(long, value_name = "PATTERN", value_parser = parse_pattern)]
    pub kwic: Option<String>,

    #[command(flatten)]
    pub kwic_match: KwicMatchArgs,

    /// Columns of tables/term_matrix.csv: the N most frequent terms, 1 to 16382 (the
    /// columns a spreadsheet shows, less the row name and n_tokens).
    #[arg(
        long,
        value_name = "N",
        default_value_t = Config::default().matrix_terms as u64,
        value_parser = clap::value_parser!(u64).range(1..=MAX_MATRIX_TERMS as u64)
    )]
    pub matrix_terms: u64,

    #[command(flatten)]
    pub charts: ChartArgs,
}

/// `--similarity` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SimilarityArg {
    Auto,
    Exact,
    Approximate,
}

/// `--rank-by` values, named as keyness.csv's columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum RankArg {
    #[value(name = "log_likelihood")]
    LogLikelihood,
    #[value(name = "log_odds_z")]
    LogOddsZ,
    #[value(name = "log_ratio")]
    LogRatio,
    #[value(name = "simple_maths")]
    SimpleMaths,
    #[value(name = "doc_log_likelihood")]
    DocLogLikelihood,
}

/// `--similarity-measure` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum MeasureArg {
    Topic,
    Style,
}

/// Most `--style-words`: beyond the function words, the most frequent forms are topic words.
const MAX_STYLE_WORDS: u64 = 10_000;

/// `--context` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ContextArg {
    Window,
    Sentence,
    Document,
}

impl ContextArg {
    /// The context, `window` words wide for `Window`.
    pub fn with_window(self, window: u32) -> Context {
        match self {
            ContextArg::Window => Context::Window(window),
            ContextArg::Sentence => Context::Sentence,
            ContextArg::Document => Context::Document,
        }
    }
}

fn parse_language(name: &str) -> Result<Language, String> {
    Language::find(name).ok_or_else(|| {
        format!(
            "unknown language {name:?}; use one of: {}",
            Language::known_codes()
        )
    })
}

/// A language with a built-in stopword list; an error lists the languages that have one.
fn parse_language_with_list(name: &str) -> Result<Language, String> {
    let language = parse_language(name)?;
    if speechstat::Stopwords::builtin(language).is_some() {
        return Ok(language);
    }
    let with_lists: Vec<&str> = speechstat::LANGUAGES
        .iter()
        .filter(|l| speechstat::Stopwords::builtin(**l).is_some())
        .map(|l| l.code)
        .collect();
    Err(format!(
        "Snowball publishes no stopword list for {} ({}); built-in lists: {}",
        language.name,
        language.code,
        with_lists.join(", ")
    ))
}

const STOPWORDS_EXAMPLES: &str = concat!(
    "Examples:
  speechstat stopwords > stop.txt
      The English list into a file: edit it, then analyze --stopwords stop.txt.
  speechstat stopwords --language fr
      The French list.
  speechstat analyze --stopwords-add mr,madam,excellency
      Not this command: the built-in list with three words more.

",
    exit_codes!()
);

/// Options of `speechstat stopwords`.
#[derive(Debug, Args)]
#[command(after_help = STOPWORDS_EXAMPLES)]
pub struct StopwordsArgs {
    /// The language whose list is printed (da, de, en, es, fi, fr, hu, it, nl, no, pt, ru,
    /// sv have one).
    #[arg(long, value_name = "LANG", default_value = "en", value_parser = parse_language_with_list)]
    pub language: Language,
}

const EXPLAIN_EXAMPLES: &str = concat!(
    "Examples:
  speechstat explain keyness
      Keyness: G2, log ratio, the 2x2 table, which convention each follows.
  speechstat explain log_ratio
      A column name works too: the statistic, and the column's meaning in each table.
  speechstat explain keyness.csv
      A table's columns with their meanings, and the options that shape it (a chart too).
  speechstat explain outputs
      Every table and chart, as a Markdown table.
  speechstat explain
      The names explain knows, by section of docs/statistics.md, and every output.

",
    exit_codes!()
);

/// Options of `speechstat explain`.
#[derive(Debug, Args)]
#[command(after_help = EXPLAIN_EXAMPLES)]
pub struct ExplainArgs {
    /// A statistic (keyness, g2, log-ratio, tf-idf, mattr, mtld, dp, flesch, ...), a column
    /// name (log_ratio), a table or chart (keyness.csv, zipf.png), or `outputs`; without it,
    /// the list of names.
    #[arg(value_name = "NAME", value_parser = explain::topic)]
    pub topic: Option<explain::Topic>,
}

pub use explain::{explain, index as statistics_index};

impl KwicMatchArgs {
    /// The library's concordance options for `pattern`.
    pub fn to_options(&self, pattern: &str) -> KwicOptions {
        KwicOptions {
            pattern: pattern.to_owned(),
            by: match self.match_by {
                MatchArg::Form => MatchBy::Form,
                MatchArg::Term => MatchBy::Term,
            },
            width: self.width as usize,
            within: self.within.clone(),
        }
    }
}

impl FreqArgs {
    /// The library configuration of the word count alone.
    pub fn to_config(&self) -> Config {
        Config {
            mode: Mode::WordCount,
            ..self.output.to_config(&self.input)
        }
    }
}

impl InputArgs {
    /// The library configuration for reading and counting into `out`, with every analysis
    /// option at its default.
    pub fn to_config(&self, out: &Path) -> Config {
        let inputs = if self.inputs.is_empty() && self.manifest.is_none() {
            vec![PathBuf::from(DEFAULT_CORPUS)]
        } else {
            self.inputs.clone()
        };
        let stopwords = match self.stopwords.as_deref() {
            None => StopwordSource::Builtin,
            // `builtin` is how run.json records the default, so a config file copied from
            // it reads back.
            Some(s) if s.eq_ignore_ascii_case("builtin") => StopwordSource::Builtin,
            Some(s) if s.eq_ignore_ascii_case("none") => StopwordSource::None,
            Some(path) => StopwordSource::File(PathBuf::from(path)),
        };
        Config {
            read: ReadOptions {
                manifest: self.manifest.clone(),
                text_column: self.text_column.clone(),
                id_column: self.id_column.clone(),
                delimiter: self.delimiter,
                metadata: self.metadata.clone(),
                unit: match self.unit {
                    UnitArg::Speech => Unit::Speech,
                    UnitArg::Sitting => Unit::Sitting,
                },
                keep_annotations: self.keep_annotations,
                allow_outside: self.allow_outside,
                conditions: self.conditions.clone(),
            },
            language: self.language,
            stem: !self.no_stem,
            stopwords,
            stopwords_add: self.stopwords_add.clone(),
            ..Config::new(inputs, out.to_path_buf())
        }
    }
}

impl OutArgs {
    /// The reading options of `input`, writing into `--out` in the formats asked for.
    fn to_config(&self, input: &InputArgs) -> Config {
        Config {
            csv: match self.csv {
                CsvArg::Excel => CsvStyle::Excel,
                CsvArg::ExcelEu => CsvStyle::ExcelEu,
                CsvArg::Plain => CsvStyle::Plain,
            },
            table_format: match self.format {
                FormatArg::Csv => TableFormat::Csv,
                FormatArg::Parquet => TableFormat::Parquet,
                FormatArg::Both => TableFormat::Both,
            },
            ..input.to_config(&self.out)
        }
    }
}

impl ChartArgs {
    fn to_options(&self) -> ChartOptions {
        ChartOptions {
            format: match self.chart_format {
                ChartFormatArg::Png => ChartFormat::Png,
                ChartFormatArg::Svg => ChartFormat::Svg,
            },
            width: self.chart_width,
            height: self.chart_height,
            dpi: self.dpi,
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
            similarity: match self.similarity {
                SimilarityArg::Auto => SimilarityMethod::Auto,
                SimilarityArg::Exact => SimilarityMethod::Exact,
                SimilarityArg::Approximate => SimilarityMethod::Approximate,
            },
            similarity_measure: match self.similarity_measure {
                MeasureArg::Topic => SimilarityMeasure::Topic,
                MeasureArg::Style => SimilarityMeasure::Style,
            },
            style_words: self.style_words as usize,
            min_count: self.min_count,
            context: self.context.with_window(self.window),
            focus: self.focus.clone(),
            phrases: self.phrases.then_some(PhraseOptions {
                min_count: self.phrase_min_count,
                min_npmi: self.phrase_min_npmi,
                min_log_likelihood: self.phrase_min_log_likelihood,
            }),
            keyness_top: self.top as usize,
            min_range: self.min_range,
            rank_by: match self.rank_by {
                RankArg::LogLikelihood => RankBy::LogLikelihood,
                RankArg::LogOddsZ => RankBy::LogOddsZ,
                RankArg::LogRatio => RankBy::LogRatio,
                RankArg::SimpleMaths => RankBy::SimpleMaths,
                RankArg::DocLogLikelihood => RankBy::DocLogLikelihood,
            },
            prior_scale: self.prior_scale,
            smoothing: self.smoothing,
            compare: self
                .compare
                .as_ref()
                .and_then(|names| match names.as_slice() {
                    [a, b] => Some((a.clone(), b.clone())),
                    _ => None,
                }),
            targets: self.targets.clone(),
            reference: self.reference.clone(),
            keep_shared: self.keep_shared,
            max_charts: self.max_charts as usize,
            chart_targets: self.chart_targets.clone(),
            mattr_window: self.mattr_window as usize,
            time_column: self.time.clone(),
            period: match self.period {
                PeriodArg::Year => Period::Year,
                PeriodArg::FiveYears => Period::FiveYears,
                PeriodArg::Decade => Period::Decade,
            },
            dictionaries: self.dictionaries.clone(),
            dictionary_match: match self.dictionary_match {
                MatchArg::Form => MatchBy::Form,
                MatchArg::Term => MatchBy::Term,
            },
            kwic: self
                .kwic
                .as_ref()
                .map(|pattern| self.kwic_match.to_options(pattern)),
            matrix_terms: self.matrix_terms as usize,
            charts: self.charts.to_options(),
            ..self.output.to_config(&self.input)
        }
    }
}

/// Why a command line was refused; the binary prints it and exits with its code.
#[derive(Debug)]
pub enum Refusal {
    /// A usage error, or a request for help or the version: clap prints it and chooses the
    /// exit code ([`USAGE`], or 0 for help).
    Usage(clap::Error),
    /// The `--config` file cannot be read or holds something that is not an option: bad
    /// input ([`BAD_INPUT`]), like a manifest that cannot be read.
    ConfigFile(String),
}

/// The command line as typed (program name first), with the options of its `--config` file
/// put before the user's own, so that a flag typed wins and clap validates and fills in the
/// defaults of both alike.
pub fn parse(typed: &[OsString]) -> Result<Cli, Refusal> {
    let mut command = Cli::command();
    command.build();
    let matches = command
        .clone()
        .try_get_matches_from(typed)
        .map_err(Refusal::Usage)?;
    let cli = Cli::from_arg_matches(&matches).map_err(Refusal::Usage)?;
    let config = cli.command.input().and_then(|input| input.config.clone());
    let cli = match (config, matches.subcommand()) {
        (Some(path), Some((name, sub_matches))) => {
            let options = config_file::options(&path, &command, name, sub_matches)?;
            // After the subcommand: the top-level command takes no options of its own.
            let at = typed
                .iter()
                .skip(1)
                .position(|t| t == name)
                .map_or(typed.len(), |i| i + 2);
            let merged = typed[..at]
                .iter()
                .cloned()
                .chain(options)
                .chain(typed[at..].iter().cloned());
            Cli::try_parse_from(merged).map_err(Refusal::Usage)?
        }
        _ => cli,
    };
    if let Some(err) = missing_default_corpus(&command, &cli) {
        return Err(Refusal::Usage(err));
    }
    if let Some(err) = in_without_kwic(&command, &cli) {
        return Err(Refusal::Usage(err));
    }
    Ok(cli)
}

/// A run given no input reads `corpus/`; where there is none, the user has to say what to
/// read, and this says how.
fn missing_default_corpus(command: &clap::Command, cli: &Cli) -> Option<clap::Error> {
    let (name, example) = match &cli.command {
        Command::Analyze(_) => ("analyze", "speechstat analyze FOLDER"),
        Command::Freq(_) => ("freq", "speechstat freq FOLDER"),
        Command::Kwic(_) => ("kwic", "speechstat kwic PATTERN FOLDER"),
        Command::Count(_) => ("count", "speechstat count FOLDER --out SHARD_DIR"),
        Command::Explain(_) | Command::Stopwords(_) | Command::Merge(_) | Command::Score(_) => {
            return None
        }
    };
    let input = cli.command.input()?;
    if !input.inputs.is_empty() || input.manifest.is_some() || Path::new(DEFAULT_CORPUS).exists() {
        return None;
    }
    let mut sub = command.find_subcommand(name)?.clone();
    Some(sub.error(
        ErrorKind::MissingRequiredArgument,
        format!(
            "no {DEFAULT_CORPUS}/ folder here: give the folder of speeches, as in `{example}` \
             (or files, a CSV file, or --manifest FILE)"
        ),
    ))
}

/// `analyze --in` narrows the `--kwic` lines only; without `--kwic` it would do nothing, and
/// a user who meant a subset of the corpus must hear of `--where`.
fn in_without_kwic(command: &clap::Command, cli: &Cli) -> Option<clap::Error> {
    let Command::Analyze(args) = &cli.command else {
        return None;
    };
    if args.kwic.is_some() || args.kwic_match.within.is_empty() {
        return None;
    }
    let mut sub = command.find_subcommand("analyze")?.clone();
    Some(sub.error(
        ErrorKind::MissingRequiredArgument,
        "--in chooses the speeches of the --kwic lines, and no --kwic is given; to analyse \
         some speeches only, use --where COLUMN=VALUE",
    ))
}

/// The first line of a clap error, without its `error: `: the message alone, for a line of
/// our own.
fn clap_message(err: &clap::Error) -> String {
    let text = err.to_string();
    let first = text.lines().next().unwrap_or_default();
    first.strip_prefix("error: ").unwrap_or(first).to_owned()
}

/// The edit distance of two short names, for "did you mean".
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let substitute = diagonal + usize::from(ca != cb);
            diagonal = row[j + 1];
            row[j + 1] = substitute.min(row[j] + 1).min(row[j + 1] + 1);
        }
    }
    row[b.len()]
}

/// The closest of `names` to `name`, if it is close enough to be a typo.
fn closest<'a>(name: &str, names: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    names
        .map(|n| (distance(name, n), n))
        .filter(|&(d, _)| d <= 2)
        .min()
        .map(|(_, n)| n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use speechstat::Setting;

    fn analyze_config(args: &[&str]) -> Config {
        let mut typed = vec!["speechstat", "analyze"];
        typed.extend(args);
        let typed: Vec<OsString> = typed.into_iter().map(OsString::from).collect();
        match parse(&typed) {
            Ok(Cli {
                command: Command::Analyze(args),
            }) => args.to_config(),
            Ok(other) => panic!("not analyze: {other:?}"),
            Err(err) => panic!("{args:?} refused: {err:?}"),
        }
    }

    /// A config file holding `settings` as TOML, in a temporary folder.
    fn config_file(settings: &[(&str, Setting)]) -> (tempfile::TempDir, PathBuf) {
        let mut toml = String::new();
        for (name, value) in settings {
            let quoted = |s: &str| format!("{s:?}");
            let line = match value {
                Setting::Flag(b) => b.to_string(),
                Setting::Integer(n) => n.to_string(),
                Setting::Float(x) => format!("{x:?}"),
                Setting::Text(s) => quoted(s),
                Setting::List(items) => format!(
                    "[{}]",
                    items
                        .iter()
                        .map(|s| quoted(s))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                Setting::Unset => continue,
            };
            toml.push_str(&format!("{name} = {line}\n"));
        }
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("speechstat.toml");
        std::fs::write(&path, toml).unwrap();
        (dir, path)
    }

    #[test]
    fn every_setting_is_an_option_named_as_its_flag() {
        let mut command = Cli::command();
        command.build();
        for (mode, subcommand) in [(Mode::Analyze, "analyze"), (Mode::WordCount, "freq")] {
            let sub = command.find_subcommand(subcommand).unwrap();
            let config = Config {
                mode,
                ..Config::default()
            };
            for (name, _) in config.settings() {
                assert!(
                    sub.get_arguments()
                        .any(|a| a.get_long() == Some(name) || a.get_id() == name),
                    "{subcommand} has no option {name}"
                );
            }
        }
    }

    #[test]
    fn a_config_file_written_from_the_settings_reads_back_to_them() {
        let config = analyze_config(&[
            "corpus",
            "--group-by",
            "party",
            "--group-by",
            "year",
            "--terms",
            "freedom,war",
            "--min-count",
            "5",
            "--context",
            "sentence",
            "--phrases",
            "--phrase-min-npmi",
            "0.25",
            "--compare",
            "Democratic",
            "Republican",
            "--kwic",
            "terror*",
            "--in",
            "year=2002",
            "--in",
            "party=Republican",
            "--stopwords-add",
            "mr,madam",
            "--min-range",
            "3",
            "--period",
            "5y",
            "--csv",
            "excel-eu",
            "--format",
            "both",
            "--matrix-terms",
            "7",
            "--chart-format",
            "svg",
            "--chart-width",
            "900",
            "--chart-height",
            "700",
            "--dpi",
            "300",
            "--no-stem",
        ]);
        let settings = config.settings();
        let (_dir, path) = config_file(&settings);
        let path = path.display().to_string();
        let read = analyze_config(&["--config", &path]);
        assert_eq!(read.settings(), settings);
        let defaults = Config::default().settings();
        let (_dir, path) = config_file(&defaults);
        let path = path.display().to_string();
        assert_eq!(analyze_config(&["--config", &path]).settings(), defaults);
    }

    #[test]
    fn flags_typed_replace_the_files_values_lists_included() {
        let (_dir, path) = config_file(&[
            (
                "group-by",
                Setting::List(vec!["party".into(), "year".into()]),
            ),
            ("min-count", Setting::Integer(5)),
            ("no-stem", Setting::Flag(true)),
            ("inputs", Setting::List(vec!["corpus/speeches".into()])),
        ]);
        let path = path.display().to_string();
        let config = analyze_config(&["--config", &path, "--group-by", "speaker"]);
        assert_eq!(config.group_by, ["speaker"]);
        assert_eq!(config.min_count, 5);
        assert!(!config.stem);
        assert_eq!(config.inputs, [PathBuf::from("corpus/speeches")]);
        let config = analyze_config(&["corpus", "--min-count=4", "--config", &path]);
        assert_eq!(config.min_count, 4);
        assert_eq!(config.inputs, [PathBuf::from("corpus")]);
        // --manifest is the alternative of the inputs: typing it replaces the file's.
        let config = analyze_config(&["--manifest", "corpus/manifest.csv", "--config", &path]);
        assert!(config.inputs.is_empty());
    }

    #[test]
    fn a_bad_config_file_names_the_file_the_line_and_the_key() {
        let cases: &[(&str, &[&str])] = &[
            (
                "min-count = 5\ngrup-by = [\"party\"]\n",
                &["line 2", "\"grup-by\"", "did you mean \"group-by\""],
            ),
            (
                "min-count = \"5\"\n",
                &["line 1", "min-count takes a whole number, not string"],
            ),
            ("no-stem = 1\n", &["line 1", "no-stem is true or false"]),
            ("dpi = 0\n", &["line 1", "dpi: ", "'0'"]),
            (
                "language = \"klingon\"\n",
                &["language: ", "unknown language"],
            ),
            (
                "out = [\"a\", \"b\"]\n",
                &["out takes one value, not a list"],
            ),
            ("[analyze]\nmin-count = 5\n", &["line 1", "no sections"]),
            ("min-count = \n", &["line 1", "not a TOML file"]),
            (
                "inputs = [\"corpus\"]\nmanifest = \"corpus/manifest.csv\"\n",
                &["cannot be used with"],
            ),
            ("config = \"other.toml\"\n", &["cannot name another"]),
        ];
        for (toml, expected) in cases {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("speechstat.toml");
            std::fs::write(&path, toml).unwrap();
            let typed: Vec<OsString> = ["speechstat", "analyze", "--config"]
                .into_iter()
                .map(OsString::from)
                .chain([path.clone().into_os_string()])
                .collect();
            match parse(&typed) {
                Err(Refusal::ConfigFile(message)) => {
                    assert!(
                        message.starts_with(&path.display().to_string()),
                        "{message}"
                    );
                    for part in *expected {
                        assert!(
                            message.contains(part),
                            "{toml:?}: {part:?} not in {message}"
                        );
                    }
                    assert_eq!(message.lines().count(), 1, "{message}");
                }
                other => panic!("{toml:?}: {other:?}"),
            }
        }
    }

    #[test]
    fn options_of_analyze_alone_are_left_out_of_freq() {
        let (_dir, path) = config_file(&[
            ("group-by", Setting::List(vec!["party".into()])),
            ("csv", Setting::Text("plain".into())),
        ]);
        let typed: Vec<OsString> = ["speechstat", "freq", "--config"]
            .into_iter()
            .map(OsString::from)
            .chain([path.into_os_string()])
            .collect();
        let Ok(Cli {
            command: Command::Freq(args),
        }) = parse(&typed)
        else {
            panic!("freq refused its config file");
        };
        assert_eq!(args.to_config().csv, CsvStyle::Plain);
    }

    #[test]
    fn typos_are_near_their_names() {
        assert_eq!(distance("grup-by", "group-by"), 1);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(
            closest("min-cout", ["min-count", "max-charts"].into_iter()),
            Some("min-count")
        );
        assert_eq!(closest("zzz", ["min-count"].into_iter()), None);
    }
}
