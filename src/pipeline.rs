//! The whole analysis on one screen:
//! corpus -> documents -> tokens and sentences (-> phrases joined) -> count tables
//! -> statistics (DataFrames) -> CSV tables and PNG charts, written whole or not at all.

use std::path::{Path, PathBuf};

use crate::corpus::{read_corpus, Corpus, ReadOptions};
use crate::error::{Result, Warning};
use crate::output::charts::{self, bar_chart, heatmap, network, terms_by_document, top_terms};
use crate::output::{tables, Staging};
use crate::progress::Progress;
use crate::stats::collocates::{collocates_frame, collocates_of_all, Collocate};
use crate::stats::collocations::{collocations_by_group_frame, collocations_frame, count_adjacent};
use crate::stats::cooccurrence::{
    cooccurrence_frame, cooccurrence_rows, count_cooccurrences, Context, Cooccurrences,
};
use crate::stats::counts::{count, CountTables};
use crate::stats::documents::documents_frame;
use crate::stats::frequency::{term_frequency_frame, terms_frame};
use crate::stats::groups::{terms_by_group_frame, GroupCounts, Groups};
use crate::stats::phrases::{choose_phrases, phrases_frame, Phrase, PhraseOptions};
use crate::text::{
    join_phrases, normalize_word, tokenize_corpus, Language, Normalizer, StopwordSource, Stopwords,
    TermId, TokenizedCorpus,
};

/// Everything `analyze` can be told.
#[derive(Debug, Clone)]
pub struct Config {
    pub inputs: Vec<PathBuf>,
    pub read: ReadOptions,
    pub language: Language,
    pub stem: bool,
    pub stopwords: StopwordSource,
    pub out: PathBuf,
    /// Also write `tables/tokens.csv`.
    pub write_tokens: bool,
    /// Words to compare in `terms_by_document.png` (default: the most frequent terms).
    pub chart_terms: Option<Vec<String>>,
    /// Metadata column to group speeches by.
    pub group_by: Option<String>,
    /// Least count of a pair in `collocations.csv` and `cooccurrence.csv`.
    pub min_count: u64,
    /// What counts as co-occurring in `cooccurrence.csv`.
    pub context: Context,
    /// Words whose collocates are wanted (`collocates.csv`, one chart each).
    pub focus: Vec<String>,
    /// Join strong collocations into single terms before counting.
    pub phrases: Option<PhraseOptions>,
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

/// What a run did.
#[derive(Debug, Clone)]
pub struct Summary {
    pub documents: usize,
    pub tokens: u64,
    /// Distinct lowercased word forms in the corpus.
    pub types: usize,
    /// Distinct terms counted (stopwords excluded).
    pub terms: usize,
    pub sentences: u64,
    pub text_bytes: usize,
    pub outputs: Vec<PathBuf>,
    pub warnings: Vec<Warning>,
}

/// Every file `analyze` may write, relative to the output folder. Files of an earlier run that
/// this run does not write are removed, so the folder never mixes runs.
pub const OUTPUTS: &[&str] = &[
    DOCUMENTS_CSV,
    TERMS_CSV,
    TERM_FREQUENCY_CSV,
    TERMS_BY_GROUP_CSV,
    TOKENS_CSV,
    COLLOCATIONS_CSV,
    COLLOCATIONS_BY_GROUP_CSV,
    COOCCURRENCE_CSV,
    COLLOCATES_CSV,
    PHRASES_CSV,
    TOP_TERMS_PNG,
    TERMS_BY_DOCUMENT_PNG,
    NETWORK_PNG,
];
/// Outputs named after the user's words: `charts/collocates_<term>.png`.
pub const OUTPUT_PREFIXES: &[(&str, &str)] = &[(COLLOCATES_PNG_PREFIX, ".png")];

const DOCUMENTS_CSV: &str = "tables/documents.csv";
const TERMS_CSV: &str = "tables/terms.csv";
const TERM_FREQUENCY_CSV: &str = "tables/term_frequency.csv";
const TERMS_BY_GROUP_CSV: &str = "tables/terms_by_group.csv";
const TOKENS_CSV: &str = "tables/tokens.csv";
const COLLOCATIONS_CSV: &str = "tables/collocations.csv";
const COLLOCATIONS_BY_GROUP_CSV: &str = "tables/collocations_by_group.csv";
const COOCCURRENCE_CSV: &str = "tables/cooccurrence.csv";
const COLLOCATES_CSV: &str = "tables/collocates.csv";
const PHRASES_CSV: &str = "tables/phrases.csv";
const TOP_TERMS_PNG: &str = "charts/top_terms.png";
const TERMS_BY_DOCUMENT_PNG: &str = "charts/terms_by_document.png";
const NETWORK_PNG: &str = "charts/cooccurrence_network.png";
const COLLOCATES_PNG_PREFIX: &str = "charts/collocates_";

/// Terms compared in `terms_by_document.png` when none are chosen.
const CHART_TERMS: usize = 10;
/// Collocations listed per group in `collocations_by_group.csv`.
const TOP_PER_GROUP: usize = 25;
/// Rows of a long table built as one DataFrame before it is written.
const ROWS_PER_PART: usize = 1 << 20;
/// Pairs drawn in the co-occurrence network.
const NETWORK_PAIRS: usize = 60;

/// What the statistics stages share.
struct Analysis {
    corpus: Corpus,
    tokens: TokenizedCorpus,
    counts: CountTables,
    doc_ids: Vec<String>,
    /// The `--group-by` groups and their summed counts.
    groups: Option<(Groups, GroupCounts)>,
    phrases: Option<Vec<Phrase>>,
    cooccurrences: Cooccurrences,
    focus: Vec<TermId>,
    /// The collocates of the focus terms, for their table and their charts.
    collocates: Vec<Collocate>,
    chart_terms: Vec<TermId>,
}

/// The word count alone (`speechstat freq`): read, tokenize, stem and count, then write
/// `terms.csv` and `term_frequency.csv`.
pub fn run_freq(config: &Config, progress: &dyn Progress) -> Result<Summary> {
    let (normalizer, corpus) = read(config, progress)?;
    let tokens = tokenize(&corpus, &normalizer, progress);
    let counts = stage(progress, "counting", || count(&tokens));
    let doc_ids: Vec<String> = corpus.documents.iter().map(|d| d.id.clone()).collect();
    progress.start("tables", 0);
    let mut staging = Staging::begin(&config.out)?;
    tables::write_frame(
        &terms_frame(&counts, &tokens.vocab)?,
        &staging.file(TERMS_CSV)?,
    )?;
    tables::write_frame(
        &term_frequency_frame(&counts, &tokens.vocab, &doc_ids)?,
        &staging.file(TERM_FREQUENCY_CSV)?,
    )?;
    let outputs = staging.commit(OUTPUTS, OUTPUT_PREFIXES)?;
    progress.finish();
    Ok(summary(
        &corpus,
        &tokens,
        &counts,
        outputs,
        corpus.warnings.clone(),
    ))
}

/// Runs `work` as a named stage of unknown length.
fn stage<T>(progress: &dyn Progress, name: &'static str, work: impl FnOnce() -> T) -> T {
    progress.start(name, 0);
    let result = work();
    progress.finish();
    result
}

fn read(config: &Config, progress: &dyn Progress) -> Result<(Normalizer, Corpus)> {
    let stopwords = Stopwords::load(&config.stopwords, config.language)?;
    let normalizer = Normalizer::new(config.language, config.stem, stopwords);
    let corpus = stage(progress, "reading", || {
        read_corpus(&config.inputs, &config.read)
    })?;
    Ok((normalizer, corpus))
}

fn tokenize(corpus: &Corpus, normalizer: &Normalizer, progress: &dyn Progress) -> TokenizedCorpus {
    progress.start("tokenizing", corpus.documents.len() as u64);
    let tokens = tokenize_corpus(&corpus.documents, normalizer, progress);
    progress.finish();
    tokens
}

fn summary(
    corpus: &Corpus,
    tokens: &TokenizedCorpus,
    counts: &CountTables,
    outputs: Vec<PathBuf>,
    warnings: Vec<Warning>,
) -> Summary {
    Summary {
        documents: corpus.documents.len(),
        tokens: counts.total_tokens(),
        types: tokens.vocab.n_forms(),
        terms: counts.counted_terms().count(),
        sentences: counts.n_sentences.iter().map(|&n| u64::from(n)).sum(),
        text_bytes: corpus.text_bytes(),
        outputs,
        warnings,
    }
}

/// Runs the analysis.
pub fn run(config: &Config, progress: &dyn Progress) -> Result<Summary> {
    let (normalizer, corpus) = read(config, progress)?;
    let mut warnings = corpus.warnings.clone();
    let tokens = tokenize(&corpus, &normalizer, progress);
    let (tokens, phrases) = match config.phrases {
        Some(options) => {
            let phrases = choose_phrases(&tokens, &count(&tokens), options);
            let pairs: Vec<(TermId, TermId)> =
                phrases.iter().map(|p| (p.first, p.second)).collect();
            (join_phrases(tokens, &pairs), Some(phrases))
        }
        None => (tokens, None),
    };
    let counts = stage(progress, "counting", || count(&tokens));
    let groups = config
        .group_by
        .as_deref()
        .map(|column| Groups::by_column(&corpus, column))
        .transpose()?
        .map(|groups| {
            let sums = GroupCounts::sum(&counts, &groups);
            (groups, sums)
        });
    let cooccurrences = stage(progress, "pairs", || {
        count_cooccurrences(&tokens, config.context, config.min_count)
    });
    let focus = resolve_terms(
        "--focus",
        &config.focus,
        &normalizer,
        &tokens,
        &counts,
        &mut warnings,
    );
    let chart_terms = match &config.chart_terms {
        Some(words) => resolve_terms(
            "--terms",
            words,
            &normalizer,
            &tokens,
            &counts,
            &mut warnings,
        ),
        None => top_terms::most_frequent(&counts, &tokens.vocab, CHART_TERMS),
    };
    let collocates = collocates_of_all(&cooccurrences, &focus, &tokens.vocab);
    let analysis = Analysis {
        doc_ids: corpus.documents.iter().map(|d| d.id.clone()).collect(),
        corpus,
        tokens,
        counts,
        groups,
        phrases,
        cooccurrences,
        focus,
        collocates,
        chart_terms,
    };

    let mut staging = Staging::begin(&config.out)?;
    stage(progress, "tables", || {
        write_frequency_tables(&mut staging, config, &analysis)
    })?;
    stage(progress, "pair tables", || {
        write_pair_tables(&mut staging, config, &analysis)
    })?;
    stage(progress, "charts", || {
        draw_charts(&mut staging, config, &analysis)
    })?;
    let outputs = staging.commit(OUTPUTS, OUTPUT_PREFIXES)?;

    Ok(summary(
        &analysis.corpus,
        &analysis.tokens,
        &analysis.counts,
        outputs,
        warnings,
    ))
}

fn write_frequency_tables(staging: &mut Staging, config: &Config, a: &Analysis) -> Result<()> {
    let vocab = &a.tokens.vocab;
    tables::write_frame(
        &documents_frame(&a.corpus, &a.counts)?,
        &staging.file(DOCUMENTS_CSV)?,
    )?;
    tables::write_frame(&terms_frame(&a.counts, vocab)?, &staging.file(TERMS_CSV)?)?;
    tables::write_frame(
        &term_frequency_frame(&a.counts, vocab, &a.doc_ids)?,
        &staging.file(TERM_FREQUENCY_CSV)?,
    )?;
    if let Some((groups, sums)) = &a.groups {
        tables::write_frame(
            &terms_by_group_frame(groups, sums, &a.counts, vocab)?,
            &staging.file(TERMS_BY_GROUP_CSV)?,
        )?;
    }
    if config.write_tokens {
        tables::write_tokens(&a.tokens, &a.doc_ids, &staging.file(TOKENS_CSV)?)?;
    }
    Ok(())
}

fn write_pair_tables(staging: &mut Staging, config: &Config, a: &Analysis) -> Result<()> {
    let vocab = &a.tokens.vocab;
    let adjacent = count_adjacent(&a.tokens, config.min_count);
    tables::write_frame(
        &collocations_frame(
            &adjacent,
            &a.counts.term_count,
            a.counts.total_tokens(),
            vocab,
        )?,
        &staging.file(COLLOCATIONS_CSV)?,
    )?;
    // Document context on a large corpus keeps millions of pairs: the table is built and
    // written a slice at a time.
    let rows = cooccurrence_rows(&a.cooccurrences, vocab);
    let path = staging.file(COOCCURRENCE_CSV)?;
    let mut table = tables::TableWriter::create(&path)?;
    for part in rows
        .chunks(ROWS_PER_PART)
        .chain(rows.is_empty().then_some(&rows[..]))
    {
        table.append(&cooccurrence_frame(
            part,
            &a.cooccurrences,
            &a.counts,
            vocab,
        )?)?;
    }
    table.finish()?;
    if !a.focus.is_empty() {
        tables::write_frame(
            &collocates_frame(&a.collocates, &a.counts, vocab)?,
            &staging.file(COLLOCATES_CSV)?,
        )?;
    }
    if let Some((groups, sums)) = &a.groups {
        tables::write_frame(
            &collocations_by_group_frame(&a.tokens, groups, sums, config.min_count, TOP_PER_GROUP)?,
            &staging.file(COLLOCATIONS_BY_GROUP_CSV)?,
        )?;
    }
    if let Some(phrases) = &a.phrases {
        tables::write_frame(&phrases_frame(phrases, vocab)?, &staging.file(PHRASES_CSV)?)?;
    }
    Ok(())
}

fn draw_charts(staging: &mut Staging, config: &Config, a: &Analysis) -> Result<()> {
    let vocab = &a.tokens.vocab;
    bar_chart::draw(
        &top_terms::top_terms_chart(&a.counts, vocab, config.stem),
        &staging.file(TOP_TERMS_PNG)?,
    )?;
    let rows =
        terms_by_document::choose_rows(&a.corpus, &a.counts, a.groups.as_ref().map(|g| &g.0))?;
    let sums = GroupCounts::sum(&a.counts, &rows.groups);
    heatmap::draw(
        &terms_by_document::terms_by_document_chart(
            &rows,
            &sums,
            &a.chart_terms,
            config.chart_terms.is_some(),
            &a.counts,
            vocab,
        ),
        &staging.file(TERMS_BY_DOCUMENT_PNG)?,
    )?;
    network::draw(
        &charts::cooccurrence_network::network_chart(
            &a.cooccurrences,
            &a.counts,
            vocab,
            NETWORK_PAIRS,
            config.min_count,
        ),
        &staging.file(NETWORK_PNG)?,
    )?;
    for &focus in &a.focus {
        let label = vocab.form(a.counts.term_label[focus as usize]);
        let collocates: Vec<charts::Collocate> = a
            .collocates
            .iter()
            .filter(|c| c.focus == focus)
            .map(|c| charts::Collocate {
                label: vocab
                    .form(a.counts.term_label[c.collocate as usize])
                    .to_owned(),
                // Signed, so the chart (positive scores only) shows attraction, not avoidance.
                score: c.scores.signed_log_likelihood(),
                count: c.pair.count,
            })
            .collect();
        let chart = charts::collocates::collocates_chart(label, "log-likelihood", &collocates);
        let path = format!("{COLLOCATES_PNG_PREFIX}{}.png", file_name_part(label));
        bar_chart::draw(&chart, &staging.file(&path)?)?;
    }
    Ok(())
}

/// A word made safe for a file name: letters and digits kept, anything else `_`.
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

/// Maps the words a user asked for to counted terms (lowercased and stemmed the way tokens
/// are, word by word for a phrase); a word that is a stopword or never occurs is a warning.
fn resolve_terms(
    option: &str,
    words: &[String],
    normalizer: &Normalizer,
    tokens: &TokenizedCorpus,
    counts: &CountTables,
    warnings: &mut Vec<Warning>,
) -> Vec<TermId> {
    let mut terms = Vec::new();
    for word in words {
        let term = word
            .split_whitespace()
            .map(|part| normalizer.term(&normalize_word(part)).into_owned())
            .collect::<Vec<_>>()
            .join(" ");
        match tokens.vocab.term_id(&term) {
            Some(t) if counts.term_count[t as usize] > 0 => {
                if !terms.contains(&t) {
                    terms.push(t);
                }
            }
            _ => warnings.push(Warning::new(
                Path::new(option),
                format!("{word:?} does not occur in the corpus (or is a stopword); left out"),
            )),
        }
    }
    terms
}
