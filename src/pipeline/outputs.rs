//! The output list: every table and chart an analysis can write, declared once with its
//! path, when it is written, a one-line description, its columns and what builds it. The
//! staging folder's list of files it owns, the "Outputs" paragraph of `--help`, the run
//! summary, [`Analysis::table`] and the README's output table all come from [`OUTPUTS`].
//!
//! A table is built by a function that hands its rows to `emit` as one or more DataFrames
//! (a long table in parts, so the command line never holds it whole); a chart by a function
//! that turns statistics into chart data ([`crate::output::figures`]) and draws it.

use polars::prelude::DataFrame;

use super::analysis::{Analysis, Grouping, Pairs};
use super::config::{ChartOptions, Mode};
use crate::columns::*;
use crate::error::{Error, Result};
use crate::output::charts::theme::format_number;
use crate::output::charts::{
    bar_chart, clustered_heatmap, diverging_bars, heatmap, line_chart, loglog, network,
    small_multiples, xray, Canvas, ChartFormat,
};
use crate::output::figures::dispersion as dispersion_figure;
use crate::output::figures::keyness as keyness_figures;
use crate::output::figures::speech_measure::{self, Measure};
use crate::output::figures::{
    collocates, cooccurrence_network, similarity_heatmap, term_trends, terms_by_document,
    top_terms, zipf,
};
use crate::output::Staging;
use crate::stats::compare::concordance;
use crate::stats::compare::keyness::{self, Target};
use crate::stats::compare::similarity::{self, Similarity};
use crate::stats::compare::targets::WHOLE_CORPUS;
use crate::stats::frequency::matrix::{self, MatrixRows};
use crate::stats::frequency::{by_group, corpus, documents, ranking, terms, tokens};
use crate::stats::groups::{GroupCounts, Groups};
use crate::stats::pairs::{collocates as collocates_stats, collocations, cooccurrence, phrases};
use crate::stats::profile::trends::{self, Timeline};
use crate::stats::profile::{dispersion, group_profiles, readability, Profiles};

/// One file an analysis can write.
#[derive(Debug)]
pub struct Output {
    /// Where it goes, relative to the output folder. A chart made once per word the user
    /// chose has [`WORD`] in its name.
    pub path: &'static str,
    /// The family of statistics it belongs to.
    pub family: Family,
    /// When it is written.
    pub when: When,
    /// Also written by the word count alone (`speechstat freq`, [`Mode::WordCount`]).
    pub in_word_count: bool,
    /// What it holds, in one line.
    pub what: &'static str,
    /// A table's columns, in order ([`METADATA`] and [`GROUP_COLUMN`] stand for columns
    /// named after the corpus or the options); empty for a chart.
    pub columns: &'static [&'static str],
    /// What builds it.
    pub build: Build,
}

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
}

/// How an output is built.
#[derive(Clone, Copy)]
pub enum Build {
    /// A table: hands its rows to `emit`, in one or more parts with the same columns.
    Table(fn(&Analysis, Emit<'_>) -> Result<()>),
    /// A chart (or one chart per chosen word): draws into the files [`Charts`] gives.
    Chart(fn(&Analysis, &mut Charts<'_>) -> Result<()>),
    /// A file that describes the run, written from the tables and charts written before it
    /// (`src/pipeline/describe.rs`, `record.rs`).
    Description,
}

/// Where a table builder hands its rows: called once per part, in order.
pub type Emit<'a> = &'a mut dyn FnMut(DataFrame) -> Result<()>;

impl std::fmt::Debug for Build {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Build::Table(_) => "Table",
            Build::Chart(_) => "Chart",
            Build::Description => "Description",
        })
    }
}

/// In a chart's path, the part named after a word the user chose.
pub const WORD: &str = "<word>";
/// In a table's columns, every metadata column of the corpus.
pub const METADATA: &str = "<metadata>";
/// In a table's columns, the `--group-by` column, named as in the metadata.
pub const GROUP_COLUMN: &str = "<group-by column>";
/// In a table's columns, the two units of a pair: `doc_a`, `doc_b`, or with `--group-by`
/// `group_by`, `group_a`, `group_b`.
pub const UNIT_PAIR: &str = "<doc_a, doc_b or group_by, group_a, group_b>";
/// In a table's columns, those of `speaker`, `country_or_org`, `year` and `date` the corpus
/// has.
pub const CONTEXT_METADATA: &str = "<speaker, country_or_org, year, date>";
/// In a table's columns, what names a row: `doc_id`, or with `--group-by` the grouping column.
pub const ROW_NAME: &str = "<doc_id or the --group-by column>";
/// In a table's columns, one column per term: the `--matrix-terms` most frequent, by label.
pub const MATRIX_TERMS: &str = "<the --matrix-terms most frequent terms>";

/// Rows of a long table built as one DataFrame before it is written: large enough to keep
/// both cores busy formatting, small enough that a part's string columns stay a few tens of
/// megabytes.
const ROWS_PER_PART: usize = 1 << 18;
/// Collocations listed per group in `collocations_by_group.csv`.
const TOP_PER_GROUP: usize = 25;

/// Every output, in the order they are written.
pub static OUTPUTS: &[Output] = &[
    Output {
        path: "tables/corpus.csv",
        family: Family::Frequency,
        when: When::Always,
        in_word_count: false,
        what: "one row: speeches, tokens, types, terms, sentences, mean and median speech length",
        columns: &[
            N_DOCUMENTS,
            N_TOKENS,
            N_TYPES,
            N_TERMS,
            N_SENTENCES,
            MEAN_TOKENS,
            MEDIAN_TOKENS,
        ],
        build: Build::Table(|a, emit| emit(corpus::corpus_frame(&a.counts, a.vocab())?)),
    },
    Output {
        path: "tables/documents.csv",
        family: Family::Frequency,
        when: When::Always,
        in_word_count: false,
        what: "one row per speech: its metadata, sizes, lexical diversity and readability",
        columns: &[
            DOC_ID,
            SOURCE,
            METADATA,
            ENCODING,
            N_TOKENS,
            N_TYPES,
            N_SENTENCES,
            N_ANNOTATIONS,
            N_FOOTER_LINES,
            TTR,
            MATTR,
            MATTR_SHORT,
            MTLD,
            YULES_K,
            HERDAN_C,
            GUIRAUD,
            MEAN_SENTENCE_LENGTH,
            SYLLABLES_PER_WORD,
            FLESCH_READING_EASE,
            FLESCH_KINCAID_GRADE,
        ],
        build: Build::Table(|a, emit| {
            emit(documents::documents_frame(
                &a.corpus,
                &a.counts,
                a.profiles.as_ref(),
            )?)
        }),
    },
    Output {
        path: "tables/terms.csv",
        family: Family::Frequency,
        when: When::Always,
        in_word_count: true,
        what: "one row per term: its count, speeches using it, rate and dispersion, most frequent first",
        columns: &[TERM, LABEL, COUNT, DOC_FREQ, PER_10K, DP, DP_NORM],
        build: Build::Table(|a, emit| emit(terms::terms_frame(&a.counts, a.vocab())?)),
    },
    Output {
        path: "tables/term_frequency.csv",
        family: Family::Frequency,
        when: When::Always,
        in_word_count: true,
        what: "one row per speech and term: count, rate and tf-idf",
        columns: &[DOC_ID, TERM, LABEL, COUNT, PER_10K, TF_IDF],
        build: Build::Table(|a, emit| {
            terms::term_frequency_frames(&a.counts, a.vocab(), &a.doc_ids, ROWS_PER_PART, emit)
        }),
    },
    Output {
        path: "tables/terms_by_group.csv",
        family: Family::Frequency,
        when: When::WithGroupBy,
        in_word_count: false,
        what: "one row per group and term: summed count, rate and dispersion over the group's speeches",
        columns: &[GROUP_COLUMN, TERM, LABEL, COUNT, PER_10K, RANGE, DP, DP_NORM],
        build: Build::Table(|a, emit| {
            let g = first_grouping(a)?;
            emit(by_group::terms_by_group_frame(
                &g.groups,
                &g.sums,
                &a.counts,
                a.vocab(),
            )?)
        }),
    },
    Output {
        path: "tables/term_matrix.csv",
        family: Family::Frequency,
        when: When::Always,
        in_word_count: false,
        what: "one row per speech (with --group-by, per group), one column per frequent term: its rate, for pivots and charts",
        columns: &[ROW_NAME, N_TOKENS, MATRIX_TERMS],
        build: Build::Table(|a, emit| {
            let rows = match a.first_grouping() {
                Some(g) => MatrixRows::Groups {
                    groups: &g.groups,
                    sums: &g.sums,
                },
                None => MatrixRows::Speeches {
                    doc_ids: &a.doc_ids,
                },
            };
            emit(matrix::term_matrix_frame(
                rows,
                &a.counts,
                a.vocab(),
                a.config.matrix_terms,
            )?)
        }),
    },
    Output {
        path: "tables/tokens.csv",
        family: Family::Frequency,
        when: When::WithTokens,
        in_word_count: false,
        what: "one row per word token, stopwords included, in text order",
        columns: &[DOC_ID, SENTENCE, POSITION, TOKEN, TERM, STOPWORD],
        build: Build::Table(|a, emit| {
            tokens::token_frames(&a.tokens, &a.doc_ids, ROWS_PER_PART, emit)
        }),
    },
    Output {
        path: "tables/collocations.csv",
        family: Family::Pairs,
        when: When::Always,
        in_word_count: false,
        what: "one row per adjacent pair of terms: count and association scores, strongest first",
        columns: &[
            TERM_1,
            TERM_2,
            LABEL,
            COUNT,
            PMI,
            NPMI,
            LOG_LIKELIHOOD,
            T_SCORE,
            CHI2,
            DICE,
            LOG_DICE,
        ],
        build: Build::Table(|a, emit| {
            let adjacent = collocations::count_adjacent(&a.tokens, a.config.min_count);
            emit(collocations::collocations_frame(
                &adjacent,
                &a.counts.term_count,
                a.counts.total_tokens(),
                a.vocab(),
            )?)
        }),
    },
    Output {
        path: "tables/cooccurrence.csv",
        family: Family::Pairs,
        when: When::Always,
        in_word_count: false,
        what: "one row per pair of terms near each other: count and association scores",
        columns: &[
            TERM_A,
            TERM_B,
            LABEL_A,
            LABEL_B,
            COUNT,
            PMI,
            NPMI,
            LOG_LIKELIHOOD,
            T_SCORE,
            DICE,
        ],
        build: Build::Table(|a, emit| {
            // Document context on a large corpus keeps millions of pairs: the table is built
            // a slice at a time.
            let pairs = &pairs(a)?.cooccurrences;
            let rows = cooccurrence::cooccurrence_rows(pairs, a.vocab());
            for part in rows
                .chunks(ROWS_PER_PART)
                .chain(rows.is_empty().then_some(&rows[..]))
            {
                emit(cooccurrence::cooccurrence_frame(
                    part,
                    pairs,
                    &a.counts,
                    a.vocab(),
                )?)?;
            }
            Ok(())
        }),
    },
    Output {
        path: "tables/collocates.csv",
        family: Family::Pairs,
        when: When::WithFocus,
        in_word_count: false,
        what: "one row per focus word and collocate: count and association scores",
        columns: &[
            FOCUS,
            COLLOCATE,
            LABEL,
            COUNT,
            PMI,
            NPMI,
            LOG_LIKELIHOOD,
            T_SCORE,
            DICE,
        ],
        build: Build::Table(|a, emit| {
            emit(collocates_stats::collocates_frame(
                &pairs(a)?.collocates,
                &a.counts,
                a.vocab(),
            )?)
        }),
    },
    Output {
        path: "tables/collocations_by_group.csv",
        family: Family::Pairs,
        when: When::WithGroupBy,
        in_word_count: false,
        what: "the 25 strongest adjacent pairs of each group, scored within the group",
        columns: &[
            GROUP_COLUMN,
            TERM_1,
            TERM_2,
            LABEL,
            COUNT,
            PMI,
            NPMI,
            LOG_LIKELIHOOD,
            T_SCORE,
            CHI2,
            DICE,
            LOG_DICE,
        ],
        build: Build::Table(|a, emit| {
            let g = first_grouping(a)?;
            emit(collocations::collocations_by_group_frame(
                &a.tokens,
                &g.groups,
                &g.sums,
                a.config.min_count,
                TOP_PER_GROUP,
            )?)
        }),
    },
    Output {
        path: "tables/phrases.csv",
        family: Family::Pairs,
        when: When::WithPhrases,
        in_word_count: false,
        what: "one row per phrase joined into one term, strongest first",
        columns: &[PHRASE, TERM_1, TERM_2, COUNT, NPMI, LOG_LIKELIHOOD],
        build: Build::Table(|a, emit| {
            let chosen = a.phrases.as_deref().unwrap_or_default();
            emit(phrases::phrases_frame(chosen, a.vocab())?)
        }),
    },
    Output {
        path: "tables/keyness.csv",
        family: Family::Compare,
        when: When::Always,
        in_word_count: false,
        what: "per target (each speech, or each group of each --group-by), its most over- and under-used terms",
        columns: &[
            GROUP_BY,
            TARGET,
            REFERENCE,
            TERM,
            LABEL,
            COUNT_TARGET,
            COUNT_REFERENCE,
            PER_10K_TARGET,
            PER_10K_REFERENCE,
            LOG_LIKELIHOOD,
            P_VALUE,
            CHI2,
            LOG_RATIO,
            PERCENT_DIFF,
            RANGE_TARGET,
            SIGNIFICANT,
        ],
        build: Build::Table(|a, emit| {
            emit(keyness::keyness_frame(keyness_targets(a)?, |t| {
                a.term_and_label(t)
            })?)
        }),
    },
    Output {
        path: "tables/similarity.csv",
        family: Family::Compare,
        when: When::Always,
        in_word_count: false,
        what: "cosine and Jaccard similarity of pairs of speeches (every pair up to 1,000, else each one's 10 most similar) or of groups",
        columns: &[UNIT_PAIR, COSINE, JACCARD],
        build: Build::Table(similarity_table),
    },
    Output {
        path: "tables/kwic.csv",
        family: Family::Compare,
        when: When::WithKwic,
        in_word_count: false,
        what: "one row per occurrence of the --kwic pattern, with its context",
        columns: &[
            DOC_ID,
            CONTEXT_METADATA,
            SENTENCE,
            POSITION,
            LEFT,
            KEYWORD,
            RIGHT,
        ],
        build: Build::Table(|a, emit| {
            let lines = a.kwic.as_deref().unwrap_or_default();
            emit(concordance::kwic_frame(lines, &a.corpus)?)
        }),
    },
    Output {
        path: "tables/groups.csv",
        family: Family::Profile,
        when: When::WithGroupBy,
        in_word_count: false,
        what: "one row per group of each --group-by: size, diversity (mean and median of its speeches, STTR) and readability",
        columns: &[
            GROUP_BY,
            GROUP,
            N_DOCUMENTS,
            N_TOKENS,
            STTR,
            "ttr_mean",
            "ttr_median",
            "mattr_mean",
            "mattr_median",
            "mtld_mean",
            "mtld_median",
            "yules_k_mean",
            "yules_k_median",
            "herdan_c_mean",
            "herdan_c_median",
            "guiraud_mean",
            "guiraud_median",
            MEAN_SENTENCE_LENGTH,
            SYLLABLES_PER_WORD,
            FLESCH_READING_EASE,
            FLESCH_KINCAID_GRADE,
        ],
        build: Build::Table(|a, emit| {
            let groupings: Vec<(&Groups, &GroupCounts)> =
                a.groupings.iter().map(|g| (&g.groups, &g.sums)).collect();
            emit(group_profiles::groups_frame(
                &groupings,
                profiles(a)?,
                &a.tokens,
            )?)
        }),
    },
    Output {
        path: "tables/term_trends.csv",
        family: Family::Profile,
        when: When::WithTime,
        in_word_count: false,
        what: "one row per period and term: count, rate, and the period's words",
        columns: &[
            PERIOD,
            PERIOD_START,
            TERM,
            LABEL,
            COUNT,
            PER_10K,
            PERIOD_TOKENS,
        ],
        build: Build::Table(|a, emit| {
            let timeline = timeline(a)?;
            let sums = timeline.sums(&a.counts);
            emit(trends::term_trends_frame(
                timeline,
                &sums,
                &a.counts,
                a.vocab(),
            )?)
        }),
    },
    Output {
        path: "charts/top_terms.png",
        family: Family::Frequency,
        when: When::Always,
        in_word_count: false,
        what: "the 25 most frequent terms as bars",
        columns: &[],
        build: Build::Chart(|a, charts| {
            let chart = top_terms::figure(&a.counts, a.vocab(), a.config.stem);
            bar_chart::draw(&chart, &charts.canvas()?)
        }),
    },
    Output {
        path: "charts/terms_by_document.png",
        family: Family::Frequency,
        when: When::Always,
        in_word_count: false,
        what: "chosen terms (`--terms`, default the 10 most frequent) across speeches or groups",
        columns: &[],
        build: Build::Chart(draw_terms_by_document),
    },
    Output {
        path: "charts/cooccurrence_network.png",
        family: Family::Pairs,
        when: When::Always,
        in_word_count: false,
        what: "the 60 strongest co-occurring pairs as a network",
        columns: &[],
        build: Build::Chart(|a, charts| {
            let chart = cooccurrence_network::figure(
                &pairs(a)?.cooccurrences,
                &a.counts,
                a.vocab(),
                a.config.min_count,
            );
            network::draw(&chart, &charts.canvas()?)
        }),
    },
    Output {
        path: "charts/collocates_<word>.png",
        family: Family::Pairs,
        when: When::WithFocus,
        in_word_count: false,
        what: "a focus word's 25 strongest collocates as bars",
        columns: &[],
        build: Build::Chart(draw_collocates),
    },
    Output {
        path: "charts/keyness_overview.png",
        family: Family::Compare,
        when: When::Always,
        in_word_count: false,
        what: "the top over-used terms of every target of the first grouping (the 30 largest), one panel each",
        columns: &[],
        build: Build::Chart(|a, charts| {
            let targets = keyness_targets(a)?;
            let shown = targets.first().map(|first| {
                let grouping = a
                    .first_grouping()
                    .map_or(first.group_by.as_str(), |g| g.groups.column.as_str());
                grouping
            });
            let of_grouping: Vec<&Target> = targets
                .iter()
                .filter(|t| Some(t.group_by.as_str()) == shown)
                .collect();
            let chart = keyness_figures::overview(&of_grouping, |t| a.term_and_label(t).1);
            small_multiples::draw(&chart, &charts.canvas()?)
        }),
    },
    Output {
        path: "charts/keyness_<word>.png",
        family: Family::Compare,
        when: When::Always,
        in_word_count: false,
        what: "a target's key terms as two-sided bars (the --max-charts largest targets)",
        columns: &[],
        build: Build::Chart(draw_keyness),
    },
    Output {
        path: "charts/lexical_diversity.png",
        family: Family::Profile,
        when: When::Always,
        in_word_count: false,
        what: "MTLD of each speech: over time when dated, else per speech or group",
        columns: &[],
        build: Build::Chart(|a, charts| {
            let p = profiles(a)?;
            let values: Vec<Option<f64>> = p.diversity.iter().map(|d| d.mtld).collect();
            let of_group = |docs: &[usize]| median(docs.iter().filter_map(|&d| values[d]));
            draw_speech_measure(a, charts, &LEXICAL_DIVERSITY, &values, &of_group)
        }),
    },
    Output {
        path: "charts/readability.png",
        family: Family::Profile,
        when: When::InEnglish,
        in_word_count: false,
        what: "Flesch-Kincaid grade of each speech: over time when dated, else per speech or group",
        columns: &[],
        build: Build::Chart(|a, charts| {
            let Some(counts) = &profiles(a)?.readability else {
                return Ok(());
            };
            let values: Vec<Option<f64>> =
                counts.iter().map(|c| c.flesch_kincaid_grade()).collect();
            let of_group = |docs: &[usize]| {
                let mut pooled = readability::Counts::default();
                for &d in docs {
                    pooled.add(counts[d]);
                }
                pooled.flesch_kincaid_grade()
            };
            draw_speech_measure(a, charts, &READABILITY, &values, &of_group)
        }),
    },
    Output {
        path: "charts/dispersion.png",
        family: Family::Profile,
        when: When::Always,
        in_word_count: false,
        what: "where each occurrence of chosen terms (--terms, default the 8 least evenly spread) falls, speech by speech",
        columns: &[],
        build: Build::Chart(|a, charts| {
            let terms = match &a.chart_terms {
                Some(chosen) => chosen.clone(),
                None => dispersion::least_even(
                    &a.counts,
                    a.vocab(),
                    DISPERSION_TERMS,
                    DISPERSION_MIN_COUNT,
                ),
            };
            let chart = dispersion_figure::figure(
                &a.tokens,
                &a.counts,
                &terms,
                &a.doc_ids,
                a.chart_terms.is_some(),
            );
            xray::draw(&chart, &charts.canvas()?)
        }),
    },
    Output {
        path: "charts/zipf.png",
        family: Family::Profile,
        when: When::Always,
        in_word_count: false,
        what: "rank against frequency of the terms, log-log, with the fitted slope",
        columns: &[],
        build: Build::Chart(|a, charts| {
            loglog::draw(&zipf::figure(&a.counts, a.config.stem), &charts.canvas()?)
        }),
    },
    Output {
        path: "charts/term_trends.png",
        family: Family::Profile,
        when: When::WithTime,
        in_word_count: false,
        what: "rate of chosen terms (--terms, default those that changed most) per period",
        columns: &[],
        build: Build::Chart(|a, charts| {
            let timeline = timeline(a)?;
            let sums = timeline.sums(&a.counts);
            let terms = match &a.chart_terms {
                Some(chosen) => chosen.clone(),
                None => trends::changed_most(
                    &sums,
                    &a.counts,
                    a.vocab(),
                    term_trends::DEFAULT_TERMS,
                    trends::TREND_MIN_COUNT,
                ),
            };
            let chart = term_trends::figure(
                timeline,
                &sums,
                &terms,
                a.chart_terms.is_some(),
                &a.counts,
                a.vocab(),
            );
            line_chart::draw(&chart, &charts.canvas()?)
        }),
    },
    Output {
        path: "charts/similarity_heatmap.png",
        family: Family::Compare,
        when: When::Always,
        in_word_count: false,
        what: "cosine similarity of speeches (or groups of the first grouping), clustered, with its dendrogram",
        columns: &[],
        build: Build::Chart(draw_similarity),
    },
    Output {
        path: DATA_DICTIONARY,
        family: Family::Run,
        when: When::Always,
        in_word_count: true,
        what: "the data dictionary: every column of every table written, its meaning and formula, the options that shaped it",
        columns: &[],
        build: Build::Description,
    },
    Output {
        path: REPORT_HTML,
        family: Family::Run,
        when: When::Always,
        in_word_count: true,
        what: "one page to open offline: corpus summary, options, every chart with its caption, the first rows of every table",
        columns: &[],
        build: Build::Description,
    },
    Output {
        path: REPORT_MARKDOWN,
        family: Family::Run,
        when: When::Always,
        in_word_count: true,
        what: "the report in Markdown, to paste into documents",
        columns: &[],
        build: Build::Description,
    },
    Output {
        path: RUN_JSON,
        family: Family::Run,
        when: When::Always,
        in_word_count: true,
        what: "provenance: version, command line, every effective option, each input file with its size and sha256, counts, time of each stage",
        columns: &[],
        build: Build::Description,
    },
];

/// The files that describe a run, next to its tables and charts.
pub(crate) const REPORT_HTML: &str = "report.html";
pub(crate) const REPORT_MARKDOWN: &str = "report.md";
pub(crate) const RUN_JSON: &str = "run.json";
pub(crate) const DATA_DICTIONARY: &str = "tables/README.md";

/// Terms of the dispersion plot when none are chosen: the least evenly spread of those used
/// at least [`DISPERSION_MIN_COUNT`] times.
const DISPERSION_TERMS: usize = 8;
const DISPERSION_MIN_COUNT: u64 = 100;

const LEXICAL_DIVERSITY: Measure<'static> = Measure {
    name: "MTLD",
    title: "Lexical diversity",
    convention: "MTLD (McCarthy & Jarvis 2010, threshold 0.72, forwards and backwards)",
    decimals: 1,
};

const READABILITY: Measure<'static> = Measure {
    name: "Flesch-Kincaid grade",
    title: "Readability",
    convention:
        "Flesch-Kincaid grade level: 0.39 x words per sentence + 11.8 x syllables per word - 15.59",
    decimals: 1,
};

/// A measure of each speech (`values`): over time when dated, with a line per group of the
/// first grouping; else bars per group (`of_group` of its speeches) or per speech.
fn draw_speech_measure(
    a: &Analysis,
    charts: &mut Charts<'_>,
    measure: &Measure<'_>,
    values: &[Option<f64>],
    of_group: &dyn Fn(&[usize]) -> Option<f64>,
) -> Result<()> {
    let grouping = a.first_grouping();
    if let Some(timeline) = &a.timeline {
        let groups = grouping.map(|g| (&g.groups, g.sums.n_tokens.as_slice()));
        let chart = speech_measure::over_time(measure, values, timeline, groups);
        return line_chart::draw(&chart, &charts.canvas()?);
    }
    let chart = match grouping {
        Some(g) => {
            let mut members: Vec<Vec<usize>> = vec![Vec::new(); g.groups.len()];
            for (d, &group) in g.groups.of_doc.iter().enumerate() {
                members[group].push(d);
            }
            let group_values: Vec<Option<f64>> = members.iter().map(|m| of_group(m)).collect();
            let units = format!("{} groups", g.groups.column);
            speech_measure::bars(
                measure,
                &g.groups.names,
                &group_values,
                &g.sums.n_tokens,
                &units,
            )
        }
        None => speech_measure::bars(measure, &a.doc_ids, values, &a.counts.n_tokens, "speeches"),
    };
    bar_chart::draw(&chart, &charts.canvas()?)
}

/// The middle value, or the mean of the two middle ones; none for no values.
fn median(values: impl Iterator<Item = f64>) -> Option<f64> {
    let mut values: Vec<f64> = values.collect();
    values.sort_by(f64::total_cmp);
    let n = values.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(values[n / 2]),
        _ => Some((values[n / 2 - 1] + values[n / 2]) / 2.0),
    }
}

fn profiles(a: &Analysis) -> Result<&Profiles> {
    a.profiles.as_ref().ok_or(Error::NotComputed {
        what: "profiles",
        why: "the word count alone (speechstat freq) does not profile speeches",
    })
}

fn timeline(a: &Analysis) -> Result<&Timeline> {
    a.timeline.as_ref().ok_or(Error::NotComputed {
        what: "periods",
        why: "the speeches are not dated (no year or date column; see --time)",
    })
}

fn keyness_targets(a: &Analysis) -> Result<&[Target]> {
    a.keyness.as_deref().ok_or(Error::NotComputed {
        what: "keyness scores",
        why: "the word count alone (speechstat freq) does not compare",
    })
}

/// Every pair of groups of each grouping, or of speeches (all pairs up to a thousand).
fn similarity_table(a: &Analysis, emit: Emit<'_>) -> Result<()> {
    let n_terms = a.vocab().n_terms();
    if a.groupings.is_empty() {
        let vectors = similarity::speech_vectors(&a.counts);
        let pairs = similarity::similarity_pairs(&vectors, n_terms);
        return emit(similarity::speech_similarity_frame(&pairs, &a.doc_ids)?);
    }
    let groupings: Vec<(&str, &[String], Vec<Similarity>)> = a
        .groupings
        .iter()
        .map(|g| {
            let vectors = similarity::group_vectors(&g.sums, &a.counts);
            let pairs = similarity::all_pairs(&vectors, n_terms);
            (g.groups.column.as_str(), g.groups.names.as_slice(), pairs)
        })
        .collect();
    emit(similarity::group_similarity_frame(&groupings)?)
}

/// The charts of the `max_charts` largest targets, named after them (and their grouping when
/// there are several).
fn draw_keyness(a: &Analysis, charts: &mut Charts<'_>) -> Result<()> {
    let targets = keyness_targets(a)?;
    let tokens: Vec<u64> = targets.iter().map(|t| t.tokens).collect();
    let several_groupings = targets.iter().any(|t| t.group_by != targets[0].group_by);
    let mut used = std::collections::HashSet::new();
    for i in similarity_heatmap::largest(&tokens, a.config.max_charts) {
        let target = &targets[i];
        let mut name = if several_groupings && target.group_by != WHOLE_CORPUS {
            format!("{}_{}", target.group_by, target.name)
        } else {
            target.name.clone()
        };
        while !used.insert(file_name_part(&name)) {
            name.push('_');
        }
        let chart = keyness_figures::figure(target, |t| a.term_and_label(t).1);
        diverging_bars::draw(&chart, &charts.canvas_for(&name)?)?;
    }
    Ok(())
}

/// The similarity of the first grouping's groups, or of the speeches; the largest
/// [`similarity_heatmap::MAX_UNITS`] when there are more.
fn draw_similarity(a: &Analysis, charts: &mut Charts<'_>) -> Result<()> {
    let (vectors, labels, tokens, what) = match a.first_grouping() {
        Some(g) => (
            similarity::group_vectors(&g.sums, &a.counts),
            g.groups.names.clone(),
            g.sums.n_tokens.clone(),
            format!("{} groups", g.groups.column),
        ),
        None => (
            similarity::speech_vectors(&a.counts),
            a.doc_ids.clone(),
            a.counts.n_tokens.clone(),
            "speeches".to_owned(),
        ),
    };
    let shown = similarity_heatmap::largest(&tokens, similarity_heatmap::MAX_UNITS);
    let detail = if shown.len() < labels.len() {
        format!(
            "the {} largest of {} {what} (by words)",
            shown.len(),
            format_number(labels.len() as f64, 0)
        )
    } else {
        format!("{} {what}", format_number(labels.len() as f64, 0))
    };
    let chart = similarity_heatmap::figure(&vectors, &labels, &shown, &what, &detail);
    clustered_heatmap::draw(&chart, &charts.canvas()?)
}

fn draw_terms_by_document(a: &Analysis, charts: &mut Charts<'_>) -> Result<()> {
    let group_by = a.first_grouping().map(|g| &g.groups);
    let rows = ranking::comparison_rows(&a.corpus, &a.counts, group_by, heatmap::MAX_ROWS)?;
    let sums = GroupCounts::sum(&a.counts, &rows.groups);
    let terms = match &a.chart_terms {
        Some(chosen) => chosen.clone(),
        None => ranking::most_frequent(&a.counts, a.vocab(), terms_by_document::DEFAULT_TERMS),
    };
    let chart = terms_by_document::figure(
        &rows,
        &sums,
        &terms,
        a.chart_terms.is_some(),
        &a.counts,
        a.vocab(),
    );
    heatmap::draw(&chart, &charts.canvas()?)
}

fn draw_collocates(a: &Analysis, charts: &mut Charts<'_>) -> Result<()> {
    let pairs = pairs(a)?;
    for &focus in &pairs.focus {
        let of_focus: Vec<_> = pairs
            .collocates
            .iter()
            .filter(|c| c.focus == focus)
            .collect();
        let ranked = collocates_stats::attracting(&of_focus, |t| a.label(t));
        let chart = collocates::figure(a.label(focus), &ranked, |t| a.label(t));
        bar_chart::draw(&chart, &charts.canvas_for(a.label(focus))?)?;
    }
    Ok(())
}

fn first_grouping(a: &Analysis) -> Result<&Grouping> {
    a.first_grouping().ok_or(Error::NotComputed {
        what: "groups",
        why: "the analysis was not asked to group speeches (--group-by)",
    })
}

fn pairs(a: &Analysis) -> Result<&Pairs> {
    a.pairs.as_ref().ok_or(Error::NotComputed {
        what: "pair counts",
        why: "the word count alone (speechstat freq) does not count pairs",
    })
}

/// The files a chart builder draws into: staged, so they appear only when the whole run
/// has succeeded.
pub struct Charts<'s> {
    pub(super) staging: &'s mut Staging,
    pub(super) output: &'static Output,
    pub(super) options: ChartOptions,
}

impl Charts<'_> {
    /// The chart's canvas: its file (`.svg` in place of `.png` for SVG), size and resolution
    /// as the options ask.
    pub(crate) fn canvas(&mut self) -> Result<Canvas> {
        self.canvas_at(self.output.path.to_owned())
    }

    /// The canvas of the chart for one word the user chose (its [`WORD`] part replaced by the
    /// word, made safe for a file name).
    pub(crate) fn canvas_for(&mut self, word: &str) -> Result<Canvas> {
        self.canvas_at(self.output.path.replace(WORD, &file_name_part(word)))
    }

    fn canvas_at(&mut self, png_path: String) -> Result<Canvas> {
        let options = self.options;
        let path = match options.format {
            ChartFormat::Png => png_path,
            ChartFormat::Svg => svg_name(&png_path),
        };
        Ok(Canvas {
            path: self.staging.file(&path)?,
            format: options.format,
            width: options.width,
            height: options.height,
            dpi: options.dpi,
        })
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

/// A word made safe for a file name: letters, digits and `-` kept, anything else `_`.
fn file_name_part(word: &str) -> String {
    word.chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

impl Output {
    /// The name a table goes by in [`Analysis::table`]: its file name without extension
    /// (`terms` for `tables/terms.csv`).
    pub fn name(&self) -> &'static str {
        let file = self.path.rsplit('/').next().unwrap_or(self.path);
        file.split('.').next().unwrap_or(file)
    }

    /// Whether this is a table.
    pub fn is_table(&self) -> bool {
        matches!(self.build, Build::Table(_))
    }

    /// Whether this is a chart.
    pub fn is_chart(&self) -> bool {
        matches!(self.build, Build::Chart(_))
    }

    /// Whether `analysis` writes this output.
    pub fn is_written_by(&self, analysis: &Analysis) -> bool {
        let mode_writes = analysis.config.mode == Mode::Analyze || self.in_word_count;
        mode_writes
            && match self.when {
                When::Always => true,
                When::WithTokens => analysis.config.write_tokens,
                When::WithGroupBy => !analysis.groupings.is_empty(),
                When::WithFocus => analysis.pairs.as_ref().is_some_and(|p| !p.focus.is_empty()),
                When::WithPhrases => analysis.phrases.is_some(),
                When::WithKwic => analysis.kwic.is_some(),
                When::WithTime => analysis.timeline.is_some(),
                When::InEnglish => analysis
                    .profiles
                    .as_ref()
                    .is_some_and(|p| p.readability.is_some()),
            }
    }

    /// The progress stage an output is written in: the tables of each family, then charts.
    pub(super) fn stage(&self) -> &'static str {
        match (self.build, self.family) {
            (Build::Chart(_), _) => "charts",
            (Build::Description, _) | (_, Family::Run) => "report",
            (_, Family::Frequency) => "tables",
            (_, Family::Pairs) => "pair tables",
            (_, Family::Compare) => "comparison tables",
            (_, Family::Profile) => "profile tables",
        }
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
            other => format!("with {}", other.option().unwrap_or_default()),
        }
    }
}

impl Analysis {
    /// The names of the tables this analysis has (see [`Output::name`]), in output order.
    pub fn table_names(&self) -> Vec<&'static str> {
        OUTPUTS
            .iter()
            .filter(|o| o.is_table() && o.is_written_by(self))
            .map(Output::name)
            .collect()
    }

    /// One table as a DataFrame, by name (`"terms"`, `"cooccurrence"`, ...): the rows the
    /// command line writes to `tables/<name>.csv`, without reading a file back.
    pub fn table(&self, name: &str) -> Result<DataFrame> {
        let (output, build) = OUTPUTS
            .iter()
            .find_map(|o| match o.build {
                Build::Table(build) if o.name() == name => Some((o, build)),
                _ => None,
            })
            .ok_or_else(|| Error::UnknownTable {
                name: name.to_owned(),
                known: table_names_of(OUTPUTS.iter()).join(", "),
            })?;
        if !output.is_written_by(self) {
            return Err(Error::TableNotMade {
                name: name.to_owned(),
                when: match (output.when.option(), self.config.mode) {
                    (_, Mode::WordCount) if !output.in_word_count => {
                        "the word count alone does not make it".to_owned()
                    }
                    (Some(option), _) => format!("it is made only with {option}"),
                    (None, _) => "this analysis does not make it".to_owned(),
                },
            });
        }
        let mut whole: Option<DataFrame> = None;
        build(self, &mut |part| {
            match &mut whole {
                None => whole = Some(part),
                Some(whole) => {
                    whole
                        .vstack_mut_owned(part)
                        .map_err(|source| Error::Table {
                            table: output.path,
                            source,
                        })?;
                }
            }
            Ok(())
        })?;
        Ok(whole.unwrap_or_default())
    }
}

fn table_names_of<'a>(outputs: impl Iterator<Item = &'a Output>) -> Vec<&'static str> {
    outputs.filter(|o| o.is_table()).map(Output::name).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Corpus, Document};
    use crate::pipeline::{analyze_corpus, Config};
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
        let config = Config {
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
                crate::output::tables::TableWriter::create(&again, analysis.config.csv).unwrap();
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
        let tables: Vec<&Output> = OUTPUTS.iter().filter(|o| o.is_table()).collect();
        let mut names: Vec<&str> = tables.iter().map(|o| o.name()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), tables.len(), "every table has its own name");
        for output in OUTPUTS {
            assert_eq!(output.is_table(), !output.columns.is_empty());
            match output.build {
                Build::Table(_) => assert!(output.path.starts_with("tables/")),
                Build::Chart(_) => assert!(output.path.starts_with("charts/")),
                Build::Description => assert_eq!(output.family, Family::Run),
            }
        }
    }
}
