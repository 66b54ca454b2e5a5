//! The whole analysis on one screen:
//! corpus -> documents -> tokens and sentences -> count tables -> statistics (DataFrames)
//! -> CSV tables and PNG charts, written whole or not at all.

use std::path::{Path, PathBuf};

use crate::corpus::{read_corpus, Corpus, ReadOptions};
use crate::error::{Result, Warning};
use crate::output::charts::{bar_chart, heatmap, terms_by_document, top_terms};
use crate::output::{tables, Staging};
use crate::progress::Progress;
use crate::stats::counts::{count, CountTables};
use crate::stats::documents::documents_frame;
use crate::stats::frequency::{term_frequency_frame, terms_frame};
use crate::stats::groups::{terms_by_group_frame, GroupCounts, Groups};
use crate::text::{
    normalize_word, tokenize_corpus, Language, Normalizer, StopwordSource, Stopwords, TermId,
    TokenizedCorpus,
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
    /// Metadata column to group speeches by, for `terms_by_group.csv` and the chart.
    pub group_by: Option<String>,
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
    TOP_TERMS_PNG,
    TERMS_BY_DOCUMENT_PNG,
];
const DOCUMENTS_CSV: &str = "tables/documents.csv";
const TERMS_CSV: &str = "tables/terms.csv";
const TERM_FREQUENCY_CSV: &str = "tables/term_frequency.csv";
const TERMS_BY_GROUP_CSV: &str = "tables/terms_by_group.csv";
const TOKENS_CSV: &str = "tables/tokens.csv";
const TOP_TERMS_PNG: &str = "charts/top_terms.png";
const TERMS_BY_DOCUMENT_PNG: &str = "charts/terms_by_document.png";

/// Terms compared in `terms_by_document.png` when none are chosen.
const CHART_TERMS: usize = 10;

/// Runs the analysis.
pub fn run(config: &Config, progress: &dyn Progress) -> Result<Summary> {
    let stopwords = Stopwords::load(&config.stopwords, config.language)?;
    let normalizer = Normalizer::new(config.language, config.stem, stopwords);

    let corpus = read_corpus(&config.inputs, &config.read)?;
    let mut warnings = corpus.warnings.clone();
    let doc_ids: Vec<String> = corpus.documents.iter().map(|d| d.id.clone()).collect();

    progress.start("tokenizing", corpus.documents.len() as u64);
    let tokens = tokenize_corpus(&corpus.documents, &normalizer, progress);
    progress.finish();
    let counts = count(&tokens);
    let groups = config
        .group_by
        .as_deref()
        .map(|column| Groups::by_column(&corpus, column))
        .transpose()?;

    let mut staging = Staging::begin(&config.out)?;
    write_tables(
        &mut staging,
        config,
        &corpus,
        &tokens,
        &counts,
        &doc_ids,
        groups.as_ref(),
    )?;
    let chart_terms = match &config.chart_terms {
        Some(words) => resolve_terms(words, &normalizer, &tokens, &counts, &mut warnings),
        None => top_terms::most_frequent(&counts, &tokens.vocab, CHART_TERMS),
    };
    draw_charts(
        &mut staging,
        config,
        &corpus,
        &tokens,
        &counts,
        &chart_terms,
    )?;
    let outputs = staging.commit(OUTPUTS)?;

    Ok(Summary {
        documents: corpus.documents.len(),
        tokens: counts.total_tokens(),
        types: tokens.vocab.n_forms(),
        terms: counts.counted_terms().count(),
        sentences: counts.n_sentences.iter().map(|&n| u64::from(n)).sum(),
        text_bytes: corpus.text_bytes(),
        outputs,
        warnings,
    })
}

fn write_tables(
    staging: &mut Staging,
    config: &Config,
    corpus: &Corpus,
    tokens: &TokenizedCorpus,
    counts: &CountTables,
    doc_ids: &[String],
    groups: Option<&Groups>,
) -> Result<()> {
    let vocab = &tokens.vocab;
    tables::write_frame(
        &documents_frame(corpus, counts)?,
        &staging.file(DOCUMENTS_CSV)?,
    )?;
    tables::write_frame(&terms_frame(counts, vocab)?, &staging.file(TERMS_CSV)?)?;
    tables::write_frame(
        &term_frequency_frame(counts, vocab, doc_ids)?,
        &staging.file(TERM_FREQUENCY_CSV)?,
    )?;
    if let Some(groups) = groups {
        let sums = GroupCounts::sum(counts, groups);
        tables::write_frame(
            &terms_by_group_frame(groups, &sums, counts, vocab)?,
            &staging.file(TERMS_BY_GROUP_CSV)?,
        )?;
    }
    if config.write_tokens {
        tables::write_tokens(tokens, doc_ids, &staging.file(TOKENS_CSV)?)?;
    }
    Ok(())
}

fn draw_charts(
    staging: &mut Staging,
    config: &Config,
    corpus: &Corpus,
    tokens: &TokenizedCorpus,
    counts: &CountTables,
    chart_terms: &[TermId],
) -> Result<()> {
    let vocab = &tokens.vocab;
    bar_chart::draw(
        &top_terms::top_terms_chart(counts, vocab, config.stem),
        &staging.file(TOP_TERMS_PNG)?,
    )?;
    let rows = terms_by_document::choose_rows(corpus, counts, config.group_by.as_deref())?;
    let sums = GroupCounts::sum(counts, &rows.groups);
    heatmap::draw(
        &terms_by_document::terms_by_document_chart(
            &rows,
            &sums,
            chart_terms,
            config.chart_terms.is_some(),
            counts,
            vocab,
        ),
        &staging.file(TERMS_BY_DOCUMENT_PNG)?,
    )
}

/// Maps the words a user asked for to counted terms (lowercased and stemmed the way tokens
/// are); a word that is a stopword or never occurs is a warning.
fn resolve_terms(
    words: &[String],
    normalizer: &Normalizer,
    tokens: &TokenizedCorpus,
    counts: &CountTables,
    warnings: &mut Vec<Warning>,
) -> Vec<TermId> {
    let mut terms = Vec::new();
    for word in words {
        let form = normalize_word(word.trim());
        let term = normalizer.term(&form);
        match tokens.vocab.term_id(&term) {
            Some(t) if counts.term_count[t as usize] > 0 => {
                if !terms.contains(&t) {
                    terms.push(t);
                }
            }
            _ => warnings.push(Warning::new(
                Path::new("--terms"),
                format!("{word:?} does not occur in the corpus (or is a stopword); left out of the chart"),
            )),
        }
    }
    terms
}
