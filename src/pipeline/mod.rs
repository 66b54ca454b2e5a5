//! The whole analysis on one screen: read the corpus, tokenize it, join phrases, count, run
//! the families of statistics that need a pass of their own, then write every output of
//! [`OUTPUTS`] whole or not at all.

mod analysis;
mod config;
mod outputs;

pub use analysis::{Analysis, Summary};
pub use config::{Config, Mode};
pub use outputs::{
    Build, Charts, Emit, Family, Output, When, GROUP_COLUMN, METADATA, OUTPUTS, WORD,
};

use analysis::{Grouping, Pairs};

use crate::corpus::{read_corpus, Corpus};
use crate::error::{Result, Warning};
use crate::progress::{Progress, Silent};
use crate::stats::counts::{count, CountTables};
use crate::stats::groups::{GroupCounts, Groups};
use crate::stats::pairs::collocates::collocates_of_all;
use crate::stats::pairs::cooccurrence::count_cooccurrences;
use crate::stats::pairs::phrases::{choose_phrases, Phrase, PhraseOptions};
use crate::text::{
    join_phrases, resolve_words, tokenize_corpus, Normalizer, Stopwords, TermId, TokenizedCorpus,
};

/// Runs the analysis `config` describes and writes its outputs into `config.out`.
pub fn run(config: &Config, progress: &dyn Progress) -> Result<Summary> {
    let analysis = analyze_with(config, progress)?;
    let outputs = analysis.write(&config.out, progress)?;
    Ok(analysis.summary(outputs))
}

/// Reads and analyses the corpus `config` describes, writing nothing.
pub fn analyze(config: &Config) -> Result<Analysis> {
    analyze_with(config, &Silent)
}

/// Analyses documents already in memory (see [`Corpus::new`]); `config.inputs` is not read.
pub fn analyze_corpus(config: &Config, corpus: Corpus) -> Result<Analysis> {
    let normalizer = normalizer(config)?;
    count_and_pair(config, &normalizer, corpus, &Silent)
}

/// [`analyze`], reporting each stage to `progress`.
pub fn analyze_with(config: &Config, progress: &dyn Progress) -> Result<Analysis> {
    let normalizer = normalizer(config)?;
    let corpus = stage(progress, "reading", || {
        read_corpus(&config.inputs, &config.read)
    })?;
    count_and_pair(config, &normalizer, corpus, progress)
}

/// The flow after reading: tokens, phrases joined, counts, then what the families of
/// statistics count in a pass of their own (groups, pairs). Tables and charts are built from
/// the result on demand.
fn count_and_pair(
    config: &Config,
    normalizer: &Normalizer,
    corpus: Corpus,
    progress: &dyn Progress,
) -> Result<Analysis> {
    let analyzing = config.mode == Mode::Analyze;
    let tokens = tokenize(&corpus, normalizer, progress);
    let (tokens, phrases) = match config.phrases.filter(|_| analyzing) {
        Some(options) => join_strong_phrases(tokens, options),
        None => (tokens, None),
    };
    let counts = stage(progress, "counting", || count(&tokens));
    let mut warnings = corpus.warnings.clone();
    let groups = match config.group_by.as_deref().filter(|_| analyzing) {
        Some(column) => Some(group(&corpus, &counts, column)?),
        None => None,
    };
    let pairs = analyzing.then(|| {
        let cooccurrences = stage(progress, "pairs", || {
            count_cooccurrences(&tokens, config.context, config.min_count)
        });
        let (focus, unknown) = requested("--focus", &config.focus, normalizer, &tokens, &counts);
        warnings.extend(unknown);
        let collocates = collocates_of_all(&cooccurrences, &focus, &tokens.vocab);
        Pairs {
            cooccurrences,
            focus,
            collocates,
        }
    });
    let chart_terms = match config.chart_terms.as_ref().filter(|_| analyzing) {
        Some(words) => {
            let (terms, unknown) = requested("--terms", words, normalizer, &tokens, &counts);
            warnings.extend(unknown);
            Some(terms)
        }
        None => None,
    };
    Ok(Analysis {
        config: config.clone(),
        doc_ids: corpus.documents.iter().map(|d| d.id.clone()).collect(),
        corpus,
        tokens,
        counts,
        groups,
        phrases,
        pairs,
        chart_terms,
        warnings,
    })
}

fn tokenize(corpus: &Corpus, normalizer: &Normalizer, progress: &dyn Progress) -> TokenizedCorpus {
    progress.start("tokenizing", corpus.documents.len() as u64);
    let tokens = tokenize_corpus(&corpus.documents, normalizer, progress);
    progress.finish();
    tokens
}

/// Chooses the phrases of the corpus and rewrites its tokens with each joined into one.
fn join_strong_phrases(
    tokens: TokenizedCorpus,
    options: PhraseOptions,
) -> (TokenizedCorpus, Option<Vec<Phrase>>) {
    let phrases = choose_phrases(&tokens, &count(&tokens), options);
    let pairs: Vec<(TermId, TermId)> = phrases.iter().map(|p| (p.first, p.second)).collect();
    (join_phrases(tokens, &pairs), Some(phrases))
}

/// Runs `work` as a named stage of unknown length.
fn stage<T>(progress: &dyn Progress, name: &'static str, work: impl FnOnce() -> T) -> T {
    progress.start(name, 0);
    let result = work();
    progress.finish();
    result
}

fn normalizer(config: &Config) -> Result<Normalizer> {
    let stopwords = Stopwords::load(&config.stopwords, config.language)?;
    Ok(Normalizer::new(config.language, config.stem, stopwords))
}

fn group(corpus: &Corpus, counts: &CountTables, column: &str) -> Result<Grouping> {
    let groups = Groups::by_column(corpus, column)?;
    let sums = GroupCounts::sum(counts, &groups);
    Ok(Grouping { groups, sums })
}

/// The counted terms a user's words name (see [`resolve_words`]), and a warning naming
/// `option` for each word that names none.
fn requested(
    option: &'static str,
    words: &[String],
    normalizer: &Normalizer,
    tokens: &TokenizedCorpus,
    counts: &CountTables,
) -> (Vec<TermId>, Vec<Warning>) {
    let found = resolve_words(words, normalizer, &tokens.vocab, |t| {
        counts.term_count[t as usize] > 0
    });
    let warnings = found
        .not_found
        .iter()
        .map(|word| {
            Warning::option(
                option,
                format!("{word:?} does not occur in the corpus (or is a stopword); left out"),
            )
        })
        .collect();
    (found.terms, warnings)
}
