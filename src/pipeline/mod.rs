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
mod shard;
mod summary;
mod write;

pub use crate::stats::profile::trends::Period;
pub use analysis::Analysis;
pub use config::{ChartOptions, Config, KwicOptions, Mode, DEFAULT_MIN_RANGE};
pub use outputs::{Family, OutputInfo, OutputKind, When, OUTPUTS, WORD};
pub use settings::Setting;
pub use shard::{count_shard, merge_shards, score_shard, ShardSummary, SHARD_FILES};
pub use summary::{NamedTarget, StageTime, Summary};
pub use write::SPREADSHEET_ROWS;

use crate::corpus::{Corpus, CorpusReader, Document};
use crate::error::{Result, Warning};
use crate::output::Staging;
use crate::progress::{Progress, Silent};
use crate::stats::compare::reference::{Fingerprint, Fingerprints};
use crate::stats::compare::style::SimilarityMeasure;
use crate::stats::counts::{count, CountTables, Counter};
use crate::stats::dictionary::{read_all as read_dictionaries, Dictionary};
use crate::stats::pairs::phrases::{choose_phrases, Phrase, PhraseOptions};
use crate::stats::profile::profile;
use crate::text::Line;
use crate::text::{
    join_phrases, Normalizer, Stopwords, TermId, TokenStore, TokenizedCorpus, Tokenizer,
    MEMORY_WORDS,
};
use computed::Computed;

/// Runs the analysis `config` describes and writes its outputs into `config.out`.
pub fn run(config: &Config, progress: &dyn Progress) -> Result<Summary> {
    let started = std::time::SystemTime::now();
    let clock = record::StageClock::new(progress);
    // The output folder is locked before reading: a second run into it is refused at once,
    // and it is marked as an output folder, which the reading passes over.
    let staging = Staging::begin(&config.out)?;
    // Nothing written needs the texts once they are tokens: each batch's are let go of.
    let computed = read_and_analyze(config, &clock, Texts::Release)?;
    let written = write::write(&computed, staging, &clock, started)?;
    let mut summary = computed.summary(written.files, clock.stages());
    summary.warnings.extend(written.warnings);
    let_go_in_the_background(computed);
    Ok(summary)
}

/// Frees an analysis on a worker thread while the caller goes on: on the General Debate the
/// vocabulary, counts and documents take a twentieth of a second to free, and a command-line
/// run then ends without waiting. Only where temporary files are unlinked as soon as they are
/// made (Unix; see [`crate::spill`]): elsewhere a file is removed when it is dropped, so the
/// analysis is freed here and now.
fn let_go_in_the_background(computed: Computed) {
    if cfg!(unix) {
        rayon::spawn(move || drop(computed));
    }
}

/// Reads and analyses the corpus `config` describes, writing nothing.
pub fn analyze(config: &Config) -> Result<Analysis> {
    analyze_with(config, &Silent)
}

/// Analyses documents already in memory (see [`Corpus::new`]); `config.inputs` is not read.
pub fn analyze_corpus(config: &Config, mut corpus: Corpus) -> Result<Analysis> {
    let normalizer = normalizer(config)?;
    let documents = std::mem::take(&mut corpus.documents);
    let mut reading = Reading::new(
        config,
        &normalizer,
        &corpus.metadata_columns,
        Texts::Keep,
        Purpose::Analysis,
    )?;
    reading.add(documents, &Silent)?;
    let computed = count_and_pair(config, &normalizer, reading.finish(corpus)?, &Silent)?;
    Ok(Analysis { computed })
}

/// [`analyze`], reporting each stage to `progress`.
pub fn analyze_with(config: &Config, progress: &dyn Progress) -> Result<Analysis> {
    let computed = read_and_analyze(config, progress, Texts::Keep)?;
    Ok(Analysis { computed })
}

fn read_and_analyze(config: &Config, progress: &dyn Progress, texts: Texts) -> Result<Computed> {
    let normalizer = normalizer(config)?;
    let read = read_and_tokenize(config, &normalizer, texts, Purpose::Analysis, progress)?;
    count_and_pair(config, &normalizer, read, progress)
}

/// Every occurrence of a pattern, with its context: what `speechstat kwic` prints.
pub struct Concordance {
    /// The corpus read (without the speeches' texts): a line's `hit.doc` indexes its
    /// documents.
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
    let config = Config {
        kwic: Some(options.clone()),
        mode: Mode::Analyze,
        ..config.clone()
    };
    let read = read_and_tokenize(
        &config,
        &normalizer,
        Texts::Release,
        Purpose::Concordance,
        progress,
    )?;
    Ok(Concordance {
        corpus: read.corpus,
        lines: read.kwic.unwrap_or_default(),
    })
}

/// Bytes of files read, tokenized and (for a run that writes) let go of at a time: enough
/// for both cores to tokenize, small beside the memory the counts take.
const BATCH_BYTES: usize = 16 << 20;

/// Reads the corpus a batch of files at a time, tokenizing each batch (and finding the
/// `--kwic` lines in it) before the next is read.
fn read_and_tokenize(
    config: &Config,
    normalizer: &Normalizer,
    texts: Texts,
    purpose: Purpose,
    progress: &dyn Progress,
) -> Result<Read> {
    let mut reader = CorpusReader::open(&config.inputs, &config.read)?;
    reader.check_options()?;
    let mut reading = Reading::new(
        config,
        normalizer,
        reader.metadata_columns(),
        texts,
        purpose,
    )?;
    progress.start("reading", reader.remaining() as u64);
    loop {
        let before = reader.remaining();
        let Some(batch) = reader.next_batch(BATCH_BYTES)? else {
            break;
        };
        reading.add(batch, &Silent)?;
        progress.advance((before - reader.remaining()) as u64);
    }
    progress.finish();
    reading.finish(reader.finish()?)
}

/// The corpus read, tokenized and (unless phrases are to be joined first) counted.
struct Read {
    corpus: Corpus,
    /// The vocabulary, and the documents' tokens when a later pass needs them.
    tokens: TokenizedCorpus,
    /// Counted while reading; none when phrases must be joined before counting.
    counts: Option<CountTables>,
    /// Pairs counted while reading (analyze and shards only, unless phrases are joined).
    pairs: Option<families::PairCounters>,
    /// The `--kwic` lines, found before phrases are joined (analyze only).
    kwic: Option<Vec<Line>>,
    /// Bytes of cleaned text.
    text_bytes: usize,
    texts: Texts,
    /// The speeches' fingerprints, when `--reference` is to leave out what the corpus has.
    fingerprints: Option<Fingerprints>,
    /// Each speech's fingerprint in corpus order, for a shard (`speechstat count`).
    speech_prints: Option<Vec<Fingerprint>>,
    /// The `--dictionary` files, read before the corpus.
    dictionaries: Vec<Dictionary>,
}

/// The state of reading batch after batch.
struct Reading<'a> {
    tokenizer: Tokenizer<'a>,
    /// Each batch's tokens, kept when a pass after reading needs them: beyond a budget, in a
    /// temporary file for a run that writes its outputs (unless phrases are to be joined,
    /// which rewrites them in memory).
    docs: Option<TokenStore>,
    counter: Option<Counter>,
    /// Pair counts, when they can be counted batch by batch.
    pairs: Option<families::PairCounters>,
    kwic: Option<families::KwicFinder<'a>>,
    documents: Vec<Document>,
    text_bytes: usize,
    texts: Texts,
    fingerprints: Option<Fingerprints>,
    speech_prints: Option<Vec<Fingerprint>>,
    dictionaries: Vec<Dictionary>,
}

impl<'a> Reading<'a> {
    fn new(
        config: &'a Config,
        normalizer: &'a Normalizer,
        metadata_columns: &[String],
        texts: Texts,
        purpose: Purpose,
    ) -> Result<Reading<'a>> {
        let analyzing = config.mode == Mode::Analyze;
        let shard = purpose == Purpose::Shard;
        let counting = purpose == Purpose::Analysis || shard;
        let kwic = match config.kwic.as_ref().filter(|_| analyzing) {
            Some(options) => Some(families::KwicFinder::new(
                options,
                normalizer,
                metadata_columns,
            )?),
            None => None,
        };
        // The frequency tables need nothing of the tokens but their counts.
        let keep_tokens =
            (analyzing && counting) || shard || config.write_tokens || texts == Texts::Keep;
        let joins_phrases = analyzing && config.phrases.is_some();
        let budget = match texts == Texts::Release && !joins_phrases {
            true => token_budget(),
            false => usize::MAX,
        };
        let leaves_out_shared = analyzing && config.reference.is_some() && !config.keep_shared;
        // Read first: a dictionary at fault is refused before the corpus is.
        let dictionaries = match analyzing && counting {
            true => read_dictionaries(&config.dictionaries)?,
            false => Vec::new(),
        };
        Ok(Reading {
            tokenizer: Tokenizer::new(normalizer),
            docs: keep_tokens.then(|| TokenStore::with_budget(budget)),
            counter: (counting && !joins_phrases).then(Counter::default),
            pairs: (counting && (analyzing || shard) && !joins_phrases)
                .then(|| families::PairCounters::new(config.context)),
            kwic,
            documents: Vec::new(),
            text_bytes: 0,
            texts,
            fingerprints: leaves_out_shared.then(Fingerprints::default),
            speech_prints: shard.then(Vec::new),
            dictionaries,
        })
    }

    /// Tokenizes and counts the next documents of the corpus; their texts go when not kept.
    fn add(&mut self, mut batch: Vec<Document>, progress: &dyn Progress) -> Result<()> {
        let first = self.documents.len();
        self.text_bytes += batch.iter().map(|d| d.text.len()).sum::<usize>();
        let tokens = self.tokenizer.add(&batch, progress);
        let vocab = self.tokenizer.vocab();
        if let Some(kwic) = &mut self.kwic {
            kwic.add(&batch, first, &tokens, vocab);
        }
        if let Some(counter) = &mut self.counter {
            counter.add(&tokens, vocab)?;
        }
        if let Some(pairs) = &mut self.pairs {
            pairs.add(&tokens, vocab);
        }
        if let Some(docs) = &mut self.docs {
            docs.extend(tokens)?;
        }
        if let Some(fingerprints) = &mut self.fingerprints {
            fingerprints.extend(batch.iter().map(|d| Fingerprint::of(&d.text)));
        }
        if let Some(prints) = &mut self.speech_prints {
            prints.extend(batch.iter().map(|d| Fingerprint::of(&d.text)));
        }
        if self.texts == Texts::Release {
            for document in &mut batch {
                document.text = String::new();
            }
        }
        self.documents.append(&mut batch);
        Ok(())
    }

    /// The corpus (`read` gives its columns, warnings and files) with the documents read.
    fn finish(self, mut read: Corpus) -> Result<Read> {
        read.documents = self.documents;
        let vocab = self.tokenizer.finish();
        let counts = self
            .counter
            .map(|counter| counter.finish(&vocab))
            .transpose()?;
        let tokens = match self.docs {
            Some(store) => TokenizedCorpus::from_store(vocab, store)?,
            None => TokenizedCorpus {
                vocab,
                ..TokenizedCorpus::default()
            },
        };
        Ok(Read {
            corpus: read,
            counts,
            tokens,
            pairs: self.pairs,
            kwic: self.kwic.map(families::KwicFinder::finish),
            text_bytes: self.text_bytes,
            texts: self.texts,
            fingerprints: self.fingerprints,
            speech_prints: self.speech_prints,
            dictionaries: self.dictionaries,
        })
    }
}

/// The flow after reading: phrases joined, counts, then what the families of statistics
/// count in a pass of their own: groups, pairs, the reference corpus, keyness. Tables and
/// charts are built from the result on demand.
fn count_and_pair(
    config: &Config,
    normalizer: &Normalizer,
    read: Read,
    progress: &dyn Progress,
) -> Result<Computed> {
    let analyzing = config.mode == Mode::Analyze;
    let Read {
        corpus,
        tokens,
        counts,
        pairs: pair_counters,
        kwic,
        text_bytes,
        texts,
        fingerprints,
        speech_prints: _,
        dictionaries,
    } = read;
    let mut warnings = corpus.warnings.clone();
    // Counted on the tokens as written, before phrases join any of them.
    let dictionaries = match dictionaries.is_empty() {
        true => None,
        false => Some(stage(progress, "dictionaries", || {
            families::dictionaries(config, dictionaries, &tokens, normalizer, &mut warnings)
        })),
    };
    let (mut tokens, phrases) = match config.phrases.filter(|_| analyzing) {
        Some(options) => join_strong_phrases(tokens, options),
        None => (tokens, None),
    };
    let counts = match counts {
        Some(counts) => counts,
        None => stage(progress, "counting", || count(&tokens)),
    };
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
    // Checked before the long passes: an expression that matches nothing is refused at once.
    let expressions = families::expressions(config, &corpus, &groupings)?;
    let comparison = families::comparison_rows(&corpus, &counts, groupings.first())?;
    let stopwords = families::stopwords(&tokens, normalizer);
    let english = config.language.code == "en";
    let (chart_terms, unknown_chart_terms) = match &config.chart_terms {
        Some(words) => {
            let (terms, unknown) =
                families::requested("--terms", words, normalizer, &tokens, &counts);
            (Some(terms), unknown)
        }
        None => (None, Vec::new()),
    };
    let (profiles, group_profiles, dispersion_plot) = stage(progress, "profiles", || {
        let profiles = profile(&tokens, config.mattr_window, english);
        let groups = families::profile_groups(&groupings, &profiles, &tokens);
        let plot = families::dispersion_plot(&tokens, &counts, chart_terms.as_deref());
        (profiles, groups, plot)
    });
    // Read before the pairs' pass, which may let the tokens go.
    let style_words = (config.similarity_measure == SimilarityMeasure::Style).then(|| {
        stage(progress, "style words", || {
            families::style_words(&tokens, &counts, config.style_words)
        })
    });
    // Only the --tokens table needs the tokens once the pairs are counted.
    let release = texts == Texts::Release && !config.write_tokens;
    let pairs = stage(progress, "pairs", || {
        families::count_pairs(
            config,
            &mut tokens,
            pair_counters,
            release,
            &counts,
            groupings.first(),
            normalizer,
            &mut warnings,
        )
    });
    warnings.extend(unknown_chart_terms);
    let reference = match &config.reference {
        Some(path) => Some(stage(progress, "reference", || {
            families::read_reference(
                path,
                config,
                normalizer,
                &tokens.vocab,
                phrases.as_deref(),
                fingerprints.as_ref(),
            )
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
    let (keyness, funnels) = stage(progress, "keyness", || {
        families::keyness(
            config,
            &corpus,
            &counts,
            &groupings,
            &expressions,
            reference.as_ref(),
            &tokens.vocab,
        )
    })?;
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
        families::similarity(&counts, &groupings, config.similarity, style_words.as_ref())
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
        funnels: Some(funnels),
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
        dictionaries,
        ..Computed::counted(config, corpus, text_bytes, tokens, counts, warnings)
    })
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

/// Words of tokens a run that writes its outputs keeps in memory, the rest going to a file
/// ([`MEMORY_WORDS`]; the tests make it small, to read them back).
pub(super) fn token_budget() -> usize {
    #[cfg(test)]
    if let Some(budget) = tests::TOKEN_BUDGET.with(std::cell::Cell::get) {
        return budget;
    }
    MEMORY_WORDS
}

/// What the corpus is read for: a concordance needs its tokens only, not their counts; a
/// shard its tokens, counts, pair counts and each speech's fingerprint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Purpose {
    Analysis,
    Concordance,
    Shard,
}

/// Whether the analysis keeps the documents' texts once they are tokenized, and their tokens
/// once every pass over them is done.
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
    let stopwords =
        Stopwords::load(&config.stopwords, config.language)?.with_added(&config.stopwords_add)?;
    Ok(Normalizer::new(config.language, config.stem, stopwords))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    thread_local! {
        pub(super) static TOKEN_BUDGET: Cell<Option<usize>> = const { Cell::new(None) };
    }

    #[test]
    fn tokens_read_back_from_a_file_give_the_same_tables() {
        let config = Config {
            inputs: vec!["corpus".into()],
            group_by: vec!["party".into()],
            write_tokens: true,
            ..Config::default()
        };
        let analyze = |budget: Option<usize>| {
            TOKEN_BUDGET.with(|b| b.set(budget));
            let computed = read_and_analyze(&config, &Silent, Texts::Release).unwrap();
            TOKEN_BUDGET.with(|b| b.set(None));
            Analysis { computed }
        };
        // 20,000 words: the first few speeches in memory, the others in the file.
        let stored = analyze(Some(20_000));
        assert!(stored.computed.tokens.stored.is_some());
        let in_memory = analyze(Some(usize::MAX));
        assert!(in_memory.computed.tokens.stored.is_none());
        let mut compared = 0;
        for output in OUTPUTS.iter().filter(|o| o.is_table()) {
            let (Ok(a), Ok(b)) = (stored.table(output.name()), in_memory.table(output.name()))
            else {
                continue;
            };
            assert!(a.equals_missing(&b), "{}", output.name());
            compared += 1;
        }
        // Every table this configuration writes, tokens.csv and groups.csv among them.
        assert!(compared >= 15, "{compared} tables compared");
        stored.computed.tokens.check().unwrap();
        // Burrows' Delta counts its words from the tokens wherever they are kept.
        let style = Config {
            similarity_measure: SimilarityMeasure::Style,
            group_by: Vec::new(),
            ..config.clone()
        };
        let delta = |budget: usize| {
            TOKEN_BUDGET.with(|b| b.set(Some(budget)));
            let computed = read_and_analyze(&style, &Silent, Texts::Release).unwrap();
            TOKEN_BUDGET.with(|b| b.set(None));
            Analysis { computed }.table("similarity").unwrap()
        };
        let (from_file, from_memory) = (delta(20_000), delta(usize::MAX));
        assert_eq!(from_file.get_column_names()[2].as_str(), "delta");
        assert!(from_file.equals_missing(&from_memory));
    }
}
