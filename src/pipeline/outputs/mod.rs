//! The output catalogue: every table and chart an analysis can write, declared once beside
//! its builder in the file of its family (`frequency.rs`, `pairs.rs`, `compare.rs`,
//! `profile.rs`; `run.rs` for the files that describe a run). An entry gives the file's path,
//! when it is written, a one-line description, a chart's caption, the options that shape a
//! table, a table's columns with their meanings, and what builds it. Everything that
//! describes or writes outputs reads it: the files a run writes and owns, the progress
//! stages, [`Analysis::table`](crate::Analysis::table), the data dictionary, the report's
//! captions, `--help`, `speechstat explain` and the output table of README.md.
//!
//! A builder only shapes rows: it reads what the families stage counted
//! (`Computed`, `src/pipeline/computed.rs`) and hands a table to `emit` as one or more DataFrames (a long table
//! in parts, so the command line never holds it whole), or turns statistics into chart data
//! ([`crate::output::figures`]) and draws it. A long table's entry may also print its CSV
//! straight from its rows (`csv_rows`, `row_sources.rs`), the same bytes without DataFrames.

use polars::prelude::DataFrame;
use sha2::{Digest, Sha256};

use super::computed::Computed;
use super::config::{ChartOptions, Mode};
use crate::columns::TableColumn;
use crate::error::Result;
use crate::output::charts::{Canvas, ChartFormat};
use crate::output::rows::RowTable;
use crate::output::Staging;

mod compare;
mod dictionaries;
mod frequency;
mod pairs;
mod profile;
mod row_sources;
mod run;

pub(crate) use run::{DATA_DICTIONARY, REPORT_HTML, REPORT_MARKDOWN, RUN_JSON};

/// One file an analysis can write, as the catalogue declares it. Read-only: the catalogue
/// ([`OUTPUTS`]) is the only source of these.
#[derive(Clone, Copy)]
pub struct OutputInfo {
    /// Where it goes, relative to the output folder. A chart made once per word the user
    /// chose or per target has [`WORD`] in its name.
    pub path: &'static str,
    /// The family of statistics it belongs to.
    pub family: Family,
    /// When it is written.
    pub when: When,
    /// Also written by the word count alone (`speechstat freq`, [`Mode::WordCount`]).
    pub in_word_count: bool,
    /// What it holds, in one line.
    pub what: &'static str,
    /// A chart's caption: the statistic it shows and how to read it; empty for a table.
    pub caption: &'static str,
    /// The options (named as in [`crate::Config::settings`]) whose values shape a table's
    /// rows or numbers. The reading of the corpus is not listed: it decides what the corpus
    /// is, not how it is counted; nor an option that only turns the table on (its `when`).
    pub options: &'static [&'static str],
    /// A table's columns, in order, each with its meaning in this table; empty for a chart.
    pub columns: &'static [TableColumn],
    /// For a table longer than a spreadsheet opens: how to get one that fits.
    pub too_long: &'static str,
    /// The column whose largest values the report's preview of a table shows first; none
    /// keeps the table's own order.
    pub(crate) preview_by: Option<TableColumn>,
    pub(crate) build: Build,
    /// For a long table, its CSV written straight from the rows ([`RowTable`]), without
    /// the DataFrames of `build` (which remain for Parquet and `Analysis::table`): the same
    /// bytes, in a fraction of the time.
    pub(crate) csv_rows: Option<CsvRows>,
}

/// Writes a table's CSV rows into a [`RowTable`].
pub(crate) type CsvRows = fn(&Computed, &mut RowTable<'_, '_>) -> Result<()>;

/// The families of statistics (`src/stats/<family>/`), each written as one stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    /// Frequencies: documents, terms, terms per speech and per group, tokens.
    Frequency,
    /// Word pairs: collocations, co-occurrence, collocates, phrases.
    Pairs,
    /// Comparisons: keyness, similarity, concordance.
    Compare,
    /// Profiles: diversity, readability, dispersion, trends.
    Profile,
    /// Not statistics: the files that describe the run (data dictionary, report, provenance).
    Run,
}

/// When an output is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// On every run.
    Always,
    /// With `--tokens` ([`crate::Config::write_tokens`]).
    WithTokens,
    /// With `--group-by` ([`crate::Config::group_by`]).
    WithGroupBy,
    /// With `--focus` words that occur in the corpus ([`crate::Config::focus`]).
    WithFocus,
    /// With `--phrases` ([`crate::Config::phrases`]).
    WithPhrases,
    /// With `--kwic` ([`crate::Config::kwic`]).
    WithKwic,
    /// When the speeches are dated: a `year` or `date` column, or `--time`.
    WithTime,
    /// For English (`--language en`, the default): readability.
    InEnglish,
    /// With `--dictionary` ([`crate::Config::dictionaries`]).
    WithDictionary,
    /// With `--dictionary` and `--group-by`.
    WithDictionaryAndGroupBy,
    /// With `--dictionary`, when the speeches are dated.
    WithDictionaryAndTime,
}

/// What kind of file an output is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputKind {
    /// A table in `tables/`: CSV, Parquet or both.
    Table,
    /// A chart in `charts/`: PNG or SVG.
    Chart,
    /// A file that describes the run (data dictionary, report, run.json).
    Description,
}

/// How an output is built.
#[derive(Clone, Copy)]
pub(crate) enum Build {
    /// A table: hands its rows to `emit`, in one or more parts with the same columns.
    Table(fn(&Computed, Emit<'_>) -> Result<()>),
    /// A chart (or one chart per chosen word or target): draws into the files [`Charts`]
    /// gives.
    Chart(fn(&Computed, &mut Charts<'_>) -> Result<()>),
    /// A file that describes the run, written from the tables and charts written before it
    /// (`src/pipeline/describe.rs`, `record.rs`).
    Description,
}

/// Where a table builder hands its rows: called once per part, in order.
pub(crate) type Emit<'a> = &'a mut dyn FnMut(DataFrame) -> Result<()>;

/// In a chart's path, the part named after a word the user chose or a target.
pub const WORD: &str = "<word>";

/// The options of a table counted from the corpus's tokens, then `$extra`: the language,
/// stemming and stopwords make the terms, annotations kept or not the text, and the phrases
/// joined (with their thresholds) the tokens.
macro_rules! counted_with {
    ($($extra:literal),*) => {
        &[
            "language",
            "no-stem",
            "stopwords",
            "stopwords-add",
            "keep-annotations",
            "phrases",
            "phrase-min-count",
            "phrase-min-npmi",
            "phrase-min-log-likelihood",
            $($extra),*
        ]
    };
}
use counted_with;

/// What a table says by default when it is too long for a spreadsheet.
const FEWER_SPEECHES: &str =
    "For a spreadsheet, analyse fewer speeches or group them with --group-by";

/// A table of `family` built by `build`: written always, by `speechstat analyze` only, until
/// its entry says otherwise.
const fn table(family: Family, build: fn(&Computed, Emit<'_>) -> Result<()>) -> OutputInfo {
    OutputInfo {
        path: "",
        family,
        when: When::Always,
        in_word_count: false,
        what: "",
        caption: "",
        options: &[],
        columns: &[],
        too_long: FEWER_SPEECHES,
        preview_by: None,
        build: Build::Table(build),
        csv_rows: None,
    }
}

/// A chart of `family` drawn by `draw`: written always, until its entry says otherwise.
const fn chart(family: Family, draw: fn(&Computed, &mut Charts<'_>) -> Result<()>) -> OutputInfo {
    OutputInfo {
        build: Build::Chart(draw),
        too_long: "",
        ..table(family, |_, _| Ok(()))
    }
}

/// A file that describes the run.
const fn description() -> OutputInfo {
    OutputInfo {
        build: Build::Description,
        too_long: "",
        ..table(Family::Run, |_, _| Ok(()))
    }
}

/// The catalogue's parts in the order outputs are written: the tables of each family, the
/// charts of each family, then the files that describe the run.
const PARTS: [&[OutputInfo]; 11] = [
    frequency::TABLES,
    pairs::TABLES,
    compare::TABLES,
    profile::TABLES,
    dictionaries::TABLES,
    frequency::CHARTS,
    pairs::CHARTS,
    compare::CHARTS,
    profile::CHARTS,
    dictionaries::CHARTS,
    run::FILES,
];

const fn total(parts: &[&[OutputInfo]]) -> usize {
    let mut n = 0;
    let mut i = 0;
    while i < parts.len() {
        n += parts[i].len();
        i += 1;
    }
    n
}

/// The parts one after the other, in one array.
const fn concatenated<const N: usize>(parts: &[&[OutputInfo]]) -> [OutputInfo; N] {
    let mut all = [description(); N];
    let (mut i, mut k) = (0, 0);
    while i < parts.len() {
        let mut j = 0;
        while j < parts[i].len() {
            all[k] = parts[i][j];
            k += 1;
            j += 1;
        }
        i += 1;
    }
    all
}

const CATALOGUE: [OutputInfo; total(&PARTS)] = concatenated(&PARTS);

/// Every output, in the order they are written.
pub static OUTPUTS: &[OutputInfo] = &CATALOGUE;

/// The staged files a chart builder draws into, with the title each chart goes by in the
/// report: they appear only when the whole run has succeeded.
pub(crate) struct Charts<'s> {
    /// Where the charts go: drawn on several threads, each output's files are recorded in
    /// the staging after, in the catalogue's order.
    pub(super) staging: &'s Staging,
    pub(super) output: &'static OutputInfo,
    pub(super) options: ChartOptions,
    /// The charts drawn so far: (file relative to the output folder, title).
    pub(super) drawn: &'s mut Vec<(String, String)>,
}

impl Charts<'_> {
    /// The chart's canvas: its file (`.svg` in place of `.png` for SVG), size and resolution
    /// as the options ask.
    pub(crate) fn canvas(&mut self) -> Result<Canvas> {
        let title = title_of(self.output.path);
        self.canvas_at(self.output.path.to_owned(), title)
    }

    /// The canvas of the chart for one word the user chose or one target, `name` as shown
    /// to a reader: its [`WORD`] part replaced by the name made safe for a file name
    /// (`file_part`, unique among the charts of this output), its title
    /// "Keyness: National Union".
    pub(crate) fn canvas_for(&mut self, file_part: &str, name: &str) -> Result<Canvas> {
        let title = format!("{}: {name}", title_of(self.output.path));
        let path = self.output.path.replace(WORD, &file_name_part(file_part));
        self.canvas_at(path, title)
    }

    fn canvas_at(&mut self, png_path: String, title: String) -> Result<Canvas> {
        let options = self.options;
        let path = match options.format {
            ChartFormat::Png => png_path,
            ChartFormat::Svg => svg_name(&png_path),
        };
        let canvas = Canvas {
            path: self.staging.path_of(&path)?,
            format: options.format,
            width: options.width,
            height: options.height,
            dpi: options.dpi,
        };
        self.drawn.push((path, title));
        Ok(canvas)
    }
}

/// `Top terms` for `charts/top_terms.png`, `Keyness` for `charts/keyness_<word>.png`.
fn title_of(path: &str) -> String {
    let name = path.rsplit('/').next().unwrap_or(path);
    let stem = match name.split_once(WORD) {
        Some((before, _)) => before.trim_end_matches('_'),
        None => name.rsplit_once('.').map_or(name, |(stem, _)| stem),
    };
    let words = stem.replace('_', " ");
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => words,
    }
}

/// `tables/terms.parquet` for `tables/terms.csv`.
pub(crate) fn parquet_name(csv_path: &str) -> String {
    match csv_path.strip_suffix(".csv") {
        Some(stem) => format!("{stem}.parquet"),
        None => format!("{csv_path}.parquet"),
    }
}

/// `charts/zipf.svg` for `charts/zipf.png`.
pub(crate) fn svg_name(png_path: &str) -> String {
    match png_path.strip_suffix(".png") {
        Some(stem) => format!("{stem}.svg"),
        None => png_path.to_owned(),
    }
}

/// The longest part of a file name made from a name in the data, in bytes: with the longest
/// prefix (`collocates_`) and extension, far below the 255 bytes a file name may hold.
const MAX_FILE_PART_BYTES: usize = 100;

/// A word made safe for a file name: letters, digits and `-` kept, anything else `_`. A
/// longer one than [`MAX_FILE_PART_BYTES`] is cut on a character boundary and ends with `_`
/// and a hash of the whole word, so that two words equal up to the cut stay apart.
pub(crate) fn file_name_part(word: &str) -> String {
    let safe: String = word
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if safe.len() <= MAX_FILE_PART_BYTES {
        return safe;
    }
    let hash: String = Sha256::digest(word.as_bytes())[..4]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let mut end = MAX_FILE_PART_BYTES - hash.len() - 1;
    while !safe.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}_{hash}", &safe[..end])
}

impl OutputInfo {
    /// The name a table goes by in [`crate::Analysis::table`]: its file name without extension
    /// (`terms` for `tables/terms.csv`).
    pub fn name(&self) -> &'static str {
        let file = self.path.rsplit('/').next().unwrap_or(self.path);
        file.split('.').next().unwrap_or(file)
    }

    /// What it holds, as a sentence: capitalised, with a full stop.
    pub fn description(&self) -> String {
        let mut chars = self.what.chars();
        let mut text: String = match chars.next() {
            Some(first) => first.to_uppercase().chain(chars).collect(),
            None => String::new(),
        };
        if !text.ends_with(['.', '!', '?']) {
            text.push('.');
        }
        text
    }

    /// Whether it is a table, a chart, or a file that describes the run.
    pub fn kind(&self) -> OutputKind {
        match self.build {
            Build::Table(_) => OutputKind::Table,
            Build::Chart(_) => OutputKind::Chart,
            Build::Description => OutputKind::Description,
        }
    }

    /// Whether this is a table.
    pub fn is_table(&self) -> bool {
        self.kind() == OutputKind::Table
    }

    /// Whether this is a chart.
    pub fn is_chart(&self) -> bool {
        self.kind() == OutputKind::Chart
    }

    /// Whether a chart file (PNG or SVG, named after a word or not) is one of this output.
    pub fn is_file(&self, file: &str) -> bool {
        [self.path.to_owned(), svg_name(self.path)]
            .iter()
            .any(|path| match path.split_once(WORD) {
                Some((before, after)) => file.starts_with(before) && file.ends_with(after),
                None => file == path,
            })
    }

    /// The declared column that a column of this table as written stands for, by name:
    /// itself, or the placeholder (metadata, grouping column, terms) that names columns
    /// after the corpus or the options. (The data dictionary matches a whole header in
    /// order, which also tells a grouping column from a term.)
    pub fn column(&self, name: &str) -> Option<TableColumn> {
        self.columns.iter().find_map(|c| c.named(name)).or_else(|| {
            self.columns
                .iter()
                .rev()
                .find(|c| c.is_placeholder() && !c.is_named_set())
                .copied()
        })
    }

    /// Whether `analysis` writes this output.
    pub(crate) fn is_written_by(&self, analysis: &Computed) -> bool {
        let mode_writes = analysis.config.mode == Mode::Analyze || self.in_word_count;
        mode_writes
            && match self.when {
                When::Always => true,
                When::WithTokens => analysis.config.write_tokens,
                When::WithGroupBy => !analysis.groupings.is_empty(),
                When::WithFocus => analysis.pairs.as_ref().is_some_and(|p| !p.focus.is_empty()),
                When::WithPhrases => analysis.phrases.is_some(),
                When::WithKwic => analysis.kwic.is_some(),
                When::WithTime => analysis.periods.is_some(),
                When::InEnglish => analysis
                    .profiles
                    .as_ref()
                    .is_some_and(|p| p.readability.is_some()),
                When::WithDictionary => analysis.dictionaries.is_some(),
                When::WithDictionaryAndGroupBy => {
                    analysis.dictionaries.is_some() && !analysis.groupings.is_empty()
                }
                When::WithDictionaryAndTime => {
                    analysis.dictionaries.is_some() && analysis.periods.is_some()
                }
            }
    }

    /// The progress stage an output is written in: the tables of each family, then charts.
    pub(super) fn stage(&self) -> &'static str {
        match (self.kind(), self.family) {
            (OutputKind::Chart, _) => "charts",
            (OutputKind::Description, _) | (_, Family::Run) => "report",
            (_, Family::Frequency) => "tables",
            (_, Family::Pairs) => "pair tables",
            (_, Family::Compare) => "comparison tables",
            (_, Family::Profile) => "profile tables",
        }
    }
}

impl std::fmt::Debug for OutputInfo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OutputInfo")
            .field("path", &self.path)
            .field("kind", &self.kind())
            .field("when", &self.when)
            .finish_non_exhaustive()
    }
}

impl When {
    /// The option that turns the output on, as `--help` and the README say it.
    pub fn option(self) -> Option<&'static str> {
        match self {
            When::Always => None,
            When::WithTokens => Some("--tokens"),
            When::WithGroupBy => Some("--group-by"),
            When::WithFocus => Some("--focus"),
            When::WithPhrases => Some("--phrases"),
            When::WithKwic => Some("--kwic"),
            When::WithTime => Some("--time"),
            When::InEnglish => Some("--language en"),
            When::WithDictionary => Some("--dictionary"),
            When::WithDictionaryAndGroupBy => Some("--dictionary and --group-by"),
            When::WithDictionaryAndTime => Some("--dictionary"),
        }
    }

    /// When the output is written, as `--help` and the README say it: "always", "with
    /// --group-by", "when dated (a year or date column, or --time)".
    pub fn condition(self) -> String {
        match self {
            When::Always => "always".into(),
            When::WithTime => {
                "when the speeches are dated (a year or date column, or --time)".into()
            }
            When::InEnglish => "for English (--language en, the default)".into(),
            When::WithDictionaryAndTime => "with --dictionary, when the speeches are dated".into(),
            other => format!("with {}", other.option().unwrap_or_default()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::columns::{self, StandsFor};
    use crate::corpus::{Corpus, Document};
    use crate::pipeline::{analyze_corpus, Analysis, Config};
    use crate::progress::Silent;

    /// Three short speeches by two parties in three years, with every table turned on.
    fn every_table() -> Analysis {
        let speeches = [
            (
                "a",
                "red",
                "The United Nations met. Human rights matter. Peace and security.",
            ),
            (
                "b",
                "red",
                "United Nations troops left. Human rights first. Peace, peace.",
            ),
            (
                "c",
                "blue",
                "Security and peace. The United Nations agreed on human rights.",
            ),
        ];
        let documents = speeches
            .iter()
            .enumerate()
            .map(|(i, &(id, party, text))| Document {
                metadata: vec![party.to_owned(), format!("{}", 2000 + i)],
                ..Document::from_text(id, text)
            })
            .collect();
        let corpus = Corpus::new(vec!["party".into(), "year".into()], documents).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let dictionary = dir.path().join("d.yml");
        std::fs::write(
            &dictionary,
            "un: [united nations, peace*]\nrights: [human rights]\n",
        )
        .unwrap();
        let config = Config {
            dictionaries: vec![dictionary],
            write_tokens: true,
            group_by: vec!["party".into()],
            focus: vec!["peace".into()],
            kwic: Some(crate::pipeline::KwicOptions::new("human rights")),
            min_count: 1,
            phrases: Some(crate::stats::pairs::phrases::PhraseOptions {
                min_count: 2,
                min_npmi: 0.5,
                min_log_likelihood: 0.0,
            }),
            ..Config::default()
        };
        analyze_corpus(&config, corpus).unwrap()
    }

    #[test]
    fn a_table_asked_for_is_the_table_written() {
        let analysis = every_table();
        let dir = tempfile::tempdir().unwrap();
        let written = analysis.write(dir.path(), &Silent).unwrap();
        let names = analysis.table_names();
        assert_eq!(names.len(), OUTPUTS.iter().filter(|o| o.is_table()).count());
        for output in OUTPUTS.iter().filter(|o| o.is_table()) {
            let file = dir.path().join(output.path);
            assert!(written.contains(&file), "{}", output.path);
            let frame = analysis.table(output.name()).unwrap();
            let again = dir.path().join("again.csv");
            let mut table =
                crate::output::tables::TableWriter::create(&again, analysis.computed.config.csv)
                    .unwrap();
            table.append(&frame).unwrap();
            table.finish().unwrap();
            assert_eq!(
                std::fs::read(&again).unwrap(),
                std::fs::read(&file).unwrap(),
                "{}",
                output.path
            );
        }
    }

    #[test]
    fn a_table_not_made_says_which_option_makes_it() {
        let corpus = Corpus::new(Vec::new(), vec![Document::from_text("a", "Peace.")]).unwrap();
        let analysis = analyze_corpus(&Config::default(), corpus).unwrap();
        let err = analysis.table("terms_by_group").unwrap_err().to_string();
        assert!(err.contains("--group-by"), "{err}");
        let err = analysis.table("nonsense").unwrap_err().to_string();
        assert!(err.contains("terms, term_frequency"), "{err}");
        assert_eq!(analysis.table("terms").unwrap().height(), 1);
    }

    #[test]
    fn outputs_are_declared_once_with_unique_paths_and_names() {
        let mut paths: Vec<&str> = OUTPUTS.iter().map(|o| o.path).collect();
        paths.sort_unstable();
        paths.dedup();
        assert_eq!(paths.len(), OUTPUTS.len());
        let tables: Vec<&OutputInfo> = OUTPUTS.iter().filter(|o| o.is_table()).collect();
        let mut names: Vec<&str> = tables.iter().map(|o| o.name()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), tables.len(), "every table has its own name");
        for output in OUTPUTS {
            assert_eq!(output.is_table(), !output.columns.is_empty());
            assert_eq!(output.is_chart(), !output.caption.is_empty());
            assert_eq!(output.is_table(), !output.options.is_empty());
            assert_eq!(output.is_table(), !output.too_long.is_empty());
            match output.kind() {
                OutputKind::Table => assert!(output.path.starts_with("tables/")),
                OutputKind::Chart => assert!(output.path.starts_with("charts/")),
                OutputKind::Description => assert_eq!(output.family, Family::Run),
            }
        }
    }

    #[test]
    fn every_declared_column_has_a_meaning_of_a_sentence_or_two() {
        for output in OUTPUTS.iter().filter(|o| o.is_table()) {
            for column in output.columns {
                let meaning = column.meaning;
                assert!(meaning.ends_with('.'), "{}: {meaning}", column.name);
                let sentences = meaning.matches(". ").count() - meaning.matches("al. ").count();
                assert!(sentences < 2, "{}: {meaning}", column.name);
                if !column.is_placeholder() {
                    assert_eq!(output.column(column.name), Some(*column));
                }
            }
        }
    }

    #[test]
    fn placeholders_stand_for_metadata_groups_and_terms() {
        let table = |name: &str| OUTPUTS.iter().find(|o| o.name() == name).unwrap();
        let metadata = columns::METADATA.meaning;
        assert!(metadata.contains("manifest or CSV column"));
        assert_eq!(
            table("documents").column("party").unwrap().meaning,
            metadata
        );
        assert_eq!(table("kwic").column("speaker").unwrap().meaning, metadata);
        assert_eq!(
            table("terms_by_group").column("party").unwrap().stands_for,
            StandsFor::GroupColumn
        );
        assert_eq!(
            table("term_matrix").column("nations").unwrap().stands_for,
            StandsFor::MatrixTerms
        );
        assert_eq!(table("terms").column("party"), None);
        assert!(table("similarity").column("group_a").is_some());
    }

    #[test]
    fn a_name_that_means_different_things_is_explained_per_table() {
        let table = |name: &str| OUTPUTS.iter().find(|o| o.name() == name).unwrap();
        let meaning = |t: &str, column: &str| table(t).column(column).unwrap().meaning;
        let tables = ["terms", "term_frequency", "terms_by_group", "collocations"];
        for (i, a) in tables.iter().enumerate() {
            for b in &tables[i + 1..] {
                assert_ne!(meaning(a, "count"), meaning(b, "count"), "{a} and {b}");
            }
        }
        let signed = meaning("keyness", "log_likelihood");
        assert!(signed.contains("negative when less"), "{signed}");
        assert_ne!(meaning("collocations", "log_likelihood"), signed);
        assert!(meaning("terms", "per_10k").contains("stopwords included"));
        assert!(meaning("term_frequency", "tf_idf").contains("ln("));
        assert!(meaning("documents", "mtld").contains("0.72"));
    }

    #[test]
    fn table_options_are_options_of_the_command_line() {
        // A dictionary's options are listed when one is given.
        let settings = Config {
            dictionaries: vec!["d.yml".into()],
            ..Config::default()
        }
        .settings();
        for output in OUTPUTS.iter().filter(|o| o.is_table()) {
            assert!(output.options.contains(&"language"), "{}", output.path);
            for option in output.options {
                assert!(
                    settings.iter().any(|(name, _)| name == option),
                    "{}: {option} is no option",
                    output.path
                );
            }
        }
    }

    #[test]
    fn chart_files_get_their_output_and_a_title() {
        assert_eq!(title_of("charts/top_terms.png"), "Top terms");
        assert_eq!(title_of("charts/keyness_<word>.png"), "Keyness");
        let chart = |file: &str| OUTPUTS.iter().find(|o| o.is_file(file)).map(|o| o.path);
        assert_eq!(
            chart("charts/collocates_peace.png"),
            Some("charts/collocates_<word>.png")
        );
        assert_eq!(chart("charts/zipf.svg"), Some("charts/zipf.png"));
        assert_eq!(chart("charts/other.png"), None);
    }

    /// A name from the data fits a file name (255 bytes) with the chart's prefix and
    /// extension: cut on a character boundary, a short hash of the whole name keeping two
    /// names that differ only past the cut apart. Short names are only made safe.
    #[test]
    fn file_name_parts_fit_a_file_name_and_stay_unique() {
        assert_eq!(file_name_part("National Union"), "National_Union");
        assert_eq!(file_name_part("安全理事会"), "安全理事会");
        let long = "安全理事会".repeat(19);
        let (a, b) = (format!("{long}甲"), format!("{long}乙"));
        let (part_a, part_b) = (file_name_part(&a), file_name_part(&b));
        assert_ne!(part_a, part_b);
        for part in [&part_a, &part_b, &file_name_part(&"n".repeat(10_000))] {
            let file = format!("keyness_{part}.png");
            assert!(file.len() <= 255, "{} bytes", file.len());
            assert!(part.len() >= 64, "{part}");
        }
        assert!(part_a.starts_with("安全理事会"));
        assert_eq!(file_name_part(&a), part_a, "the same name, the same file");
        // A name just short enough is kept whole.
        let fits = "x".repeat(100);
        assert_eq!(file_name_part(&fits), fits);
    }
}
