//! The whole analysis on one screen: read the corpus, tokenize it, join phrases, count, run
//! the families of statistics that need a pass of their own, then write every output of
//! [`OUTPUTS`] whole or not at all.

mod analysis;
mod computed;
mod config;
mod describe;
mod dictionary;
mod families;
mod findings;
mod outputs;
mod record;
mod settings;
mod summary;
mod write;

pub use crate::stats::profile::trends::Period;
pub use analysis::Analysis;
pub use config::{ChartOptions, Config, KwicOptions, Mode};
pub use outputs::{Family, OutputInfo, OutputKind, When, OUTPUTS, WORD};
pub use settings::Setting;
pub use summary::{StageTime, Summary};
pub use write::SPREADSHEET_ROWS;

use crate::corpus::{read_corpus, Corpus};
use crate::error::{Result, Warning};
use crate::output::Staging;
use crate::progress::{Progress, Silent};
use crate::stats::counts::count;
use crate::stats::pairs::phrases::{choose_phrases, Phrase, PhraseOptions};
use crate::stats::profile::profile;
use crate::text::Line;
use crate::text::{join_phrases, tokenize_corpus, Normalizer, Stopwords, TermId, TokenizedCorpus};
use computed::Computed;

/// Runs the analysis `config` describes and writes its outputs into `config.out`.
pub fn run(config: &Config, progress: &dyn Progress) -> Result<Summary> {
    let started = std::time::SystemTime::now();
    let clock = record::StageClock::new(progress);
    // The output folder is locked before reading: a second run into it is refused at once,
    // and it is marked as an output folder, which the reading passes over.
    let staging = Staging::begin(&config.out)?;
    // Nothing written needs the texts once they are tokens: freeing them lowers the peak.
    let computed = read_and_analyze(config, &clock, Texts::Release)?;
    let written = write::write(&computed, staging, &clock, started)?;
    let mut summary = computed.summary(written.files, clock.stages());
    summary.warnings.extend(written.warnings);
    Ok(summary)
}

/// Reads and analyses the corpus `config` describes, writing nothing.
pub fn analyze(config: &Config) -> Result<Analysis> {
    analyze_with(config, &Silent)
}

/// Analyses documents already in memory (see [`Corpus::new`]); `config.inputs` is not read.
pub fn analyze_corpus(config: &Config, corpus: Corpus) -> Result<Analysis> {
    let normalizer = normalizer(config)?;
    let computed = count_and_pair(config, &normalizer, corpus, &Silent, Texts::Keep)?;
    Ok(Analysis { computed })
}

/// [`analyze`], reporting each stage to `progress`.
pub fn analyze_with(config: &Config, progress: &dyn Progress) -> Result<Analysis> {
    let computed = read_and_analyze(config, progress, Texts::Keep)?;
    Ok(Analysis { computed })
}

fn read_and_analyze(config: &Config, progress: &dyn Progress, texts: Texts) -> Result<Computed> {
    let normalizer = normalizer(config)?;
    let corpus = stage(progress, "reading", || {
        read_corpus(&config.inputs, &config.read)
    })?;
    count_and_pair(config, &normalizer, corpus, progress, texts)
}

/// Every occurrence of a pattern, with its context: what `speechstat kwic` prints.
pub struct Concordance {
    /// The corpus read: a line's `hit.doc` indexes its documents.
    pub corpus: Corpus,
    /// The lines, in corpus order.
    pub lines: Vec<Line>,
}

/// Every occurrence of a pattern in the corpus `config` describes (its reading options and
/// language), with its context: `speechstat kwic`. Reads and tokenizes; counts nothing.
pub fn concordance(
    config: &Config,
    options: &KwicOptions,
    progress: &dyn Progress,
) -> Result<Concordance> {
    let normalizer = normalizer(config)?;
    let corpus = stage(progress, "reading", || {
        read_corpus(&config.inputs, &config.read)
    })?;
    let tokens = tokenize(&corpus, &normalizer, progress);
    let lines = stage(progress, "matching", || {
        families::concordance(&corpus, &tokens, &normalizer, options)
    })?;
    Ok(Concordance { corpus, lines })
}

/// The flow after reading: tokens (and the `--kwic` lines, before phrases are joined),
/// phrases joined, counts, then what the families of statistics count in a pass of their
/// own: groups, pairs, the reference corpus, keyness. Tables and charts are built from the
/// result on demand.
fn count_and_pair(
    config: &Config,
    normalizer: &Normalizer,
    mut corpus: Corpus,
    progress: &dyn Progress,
    texts: Texts,
) -> Result<Computed> {
    let analyzing = config.mode == Mode::Analyze;
    let text_bytes = corpus.text_bytes();
    let tokens = tokenize(&corpus, normalizer, progress);
    let kwic = match config.kwic.as_ref().filter(|_| analyzing) {
        Some(options) => Some(families::concordance(
            &corpus, &tokens, normalizer, options,
        )?),
        None => None,
    };
    if texts == Texts::Release {
        for document in &mut corpus.documents {
            document.text = String::new();
        }
    }
    let (tokens, phrases) = match config.phrases.filter(|_| analyzing) {
        Some(options) => join_strong_phrases(tokens, options),
        None => (tokens, None),
    };
    let counts = stage(progress, "counting", || count(&tokens));
    let mut warnings = corpus.warnings.clone();
    if !analyzing {
        return Ok(Computed::counted(
            config, corpus, text_bytes, tokens, counts, warnings,
        ));
    }
    let groupings = config
        .group_by
        .iter()
        .map(|column| families::group(&corpus, &counts, column))
        .collect::<Result<Vec<_>>>()?;
    let comparison = families::comparison_rows(&corpus, &counts, groupings.first())?;
    let stopwords = families::stopwords(&tokens, normalizer);
    let pairs = stage(progress, "pairs", || {
        families::count_pairs(
            config,
            &tokens,
            &counts,
            groupings.first(),
            normalizer,
            &mut warnings,
        )
    });
    let chart_terms = config.chart_terms.as_ref().map(|words| {
        let (terms, unknown) = families::requested("--terms", words, normalizer, &tokens, &counts);
        warnings.extend(unknown);
        terms
    });
    let reference = match &config.reference {
        Some(path) => Some(stage(progress, "reference", || {
            families::read_reference(path, config, normalizer, &tokens.vocab, phrases.as_deref())
        })?),
        None => None,
    };
    let (reference, reference_files) = match reference {
        Some((counts, reference_warnings, files)) => {
            warnings.extend(reference_warnings);
            (Some(counts), files)
        }
        None => (None, Vec::new()),
    };
    let keyness = stage(progress, "keyness", || {
        families::keyness(
            config,
            &corpus,
            &counts,
            &groupings,
            reference.as_ref(),
            &tokens.vocab,
        )
    })?;
    let english = config.language.code == "en";
    if !english {
        warnings.push(Warning::option(
            "--language",
            format!(
                "readability (Flesch) is defined for English only: its columns are empty for {}",
                config.language.name
            ),
        ));
    }
    let similarity = stage(progress, "similarity", || {
        families::similarity(&counts, &groupings)
    });
    let (profiles, group_profiles, dispersion_plot) = stage(progress, "profiles", || {
        let profiles = profile(&tokens, config.mattr_window, english);
        let groups = families::profile_groups(&groupings, &profiles, &tokens);
        let plot = families::dispersion_plot(&tokens, &counts, chart_terms.as_deref());
        (profiles, groups, plot)
    });
    let periods = families::periods(config, &corpus, &counts, &tokens.vocab, &mut warnings);
    if !keyness.is_empty() && keyness.iter().all(|t| t.reference_tokens == 0) {
        // About the table, not an option: --reference was not given.
        warnings.push(Warning::output(
            "tables/keyness.csv",
            "every speech is in one group: keyness has nothing to compare it with; give a \
             reference corpus with --reference, or group the speeches otherwise",
        ));
    }
    Ok(Computed {
        groupings,
        phrases,
        pairs: Some(pairs),
        chart_terms,
        keyness: Some(keyness),
        reference,
        reference_files,
        kwic,
        profiles: Some(profiles),
        periods,
        group_profiles,
        similarity: Some(similarity),
        comparison: Some(comparison),
        dispersion_plot: Some(dispersion_plot),
        stopwords: Some(stopwords),
        ..Computed::counted(config, corpus, text_bytes, tokens, counts, warnings)
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

/// Whether the analysis keeps the documents' texts once they are tokenized.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Texts {
    /// For callers of the library, who may read them in [`Analysis::corpus`].
    Keep,
    /// For a run that writes its outputs and ends.
    Release,
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
