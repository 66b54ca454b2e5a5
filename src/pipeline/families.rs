//! The passes of the families of statistics that run before any output is written, each
//! given only what it uses: groupings, pair counts, the reference corpus, keyness,
//! similarity, the concordance, the profiles of groups, the periods of a dated corpus, what
//! the charts show, and the words a user asked for. Every pass over the tokens or the count
//! tables is here; the outputs' builders only shape what these return.

use std::path::Path;

use super::computed::{
    ComparisonRows, Dictionaries, Grouping, Pairs, Periods, Similarities, SimilarityMatrix,
    SimilarityTable,
};
use super::config::{Config, KwicOptions};
use crate::columns::{self, thousands};
use crate::corpus::{read_reference_corpus, Corpus, Document, ReadOptions, Selection};
use crate::error::{Error, Result, Warning};
use crate::output::charts::{heatmap, xray};
use crate::output::figures::term_trends;
use crate::output::figures::{chart_targets, similarity_heatmap};
use crate::progress::Silent;
use crate::stats::compare::funnel::Funnel;
use crate::stats::compare::keyness::{KeynessOptions, Target};
use crate::stats::compare::measures::{MeasureOptions, PriorSource};
use crate::stats::compare::reference::{Fingerprint, Fingerprints, ReferenceCounts};
use crate::stats::compare::similarity::{
    cosine_matrix, group_vectors, similarity_pairs, speech_vectors, SimilarityMethod, Vectors,
};
use crate::stats::compare::style::{
    count_words, delta_matrix, delta_pairs, most_frequent_forms, sum_into_groups,
    SimilarityMeasure, StyleProfiles, WordCounts,
};
use crate::stats::compare::targets::{self, Against, Grouped, Selected};
use crate::stats::counts::{count, CountTables};
use crate::stats::dictionary::count::count as count_categories;
use crate::stats::dictionary::matcher::Matcher;
use crate::stats::dictionary::{Dictionary, Entry as DictionaryEntry};
use crate::stats::frequency::ranking;
use crate::stats::frequency::stopwords::{count_stopwords, StopwordCounts};
use crate::stats::groups::{GroupCounts, Groups};
use crate::stats::pairs::collocates::collocates_of_all;
use crate::stats::pairs::collocations::{count_adjacent, strongest_by_group, AdjacentCounter};
use crate::stats::pairs::cooccurrence::{count_units, Context, CooccurrenceCounter, Units};
use crate::stats::pairs::phrases::Phrase;
use crate::stats::profile::dispersion::{least_even, occurrences, Occurrences};
use crate::stats::profile::group_profiles::{group_profiles, GroupProfile};
use crate::stats::profile::trends::{self, Timeline};
use crate::stats::profile::Profiles;
use crate::text::{
    find_hits, join_phrases, lines, resolve_words, tokenize_corpus, DocTokens, Line, MatchBy,
    Normalizer, Pattern, TermId, TokenizedCorpus, Vocabulary,
};

/// Speeches grouped by a metadata column, with their summed counts.
pub(super) fn group(corpus: &Corpus, counts: &CountTables, column: &str) -> Result<Grouping> {
    let groups = Groups::by_column(corpus, column)?;
    let sums = GroupCounts::sum(counts, &groups);
    Ok(Grouping { groups, sums })
}

/// Adjacent pairs listed per group in `collocations_by_group.csv`.
const TOP_PER_GROUP: usize = 25;

/// Terms of the dispersion plot when none are chosen: the least evenly spread of those used
/// at least [`DISPERSION_MIN_COUNT`] times.
const DISPERSION_TERMS: usize = 8;
const DISPERSION_MIN_COUNT: u64 = 100;

/// Co-occurrence counts, adjacent pairs (of the corpus, and the strongest of each group of
/// the `first` grouping), and the collocates of the `--focus` words (a warning for each word
/// the corpus does not have). The last pass over the tokens: their documents are let go of
/// (when `release`) before the co-occurrences are counted, whose memory peaks.
#[allow(clippy::too_many_arguments)]
pub(super) fn count_pairs(
    config: &Config,
    tokens: &mut TokenizedCorpus,
    counted: Option<PairCounters>,
    release: bool,
    counts: &CountTables,
    first: Option<&Grouping>,
    normalizer: &Normalizer,
    warnings: &mut Vec<Warning>,
) -> Pairs {
    let (focus, unknown) = requested("--focus", &config.focus, normalizer, tokens, counts);
    warnings.extend(unknown);
    let by_group = match first {
        Some(g) => strongest_by_group(tokens, &g.groups, &g.sums, config.min_count, TOP_PER_GROUP),
        None => Vec::new(),
    };
    let n_terms = tokens.vocab.n_terms();
    let (adjacent, cooccurrences) = match counted {
        Some(counted) => {
            if release {
                tokens.docs = Vec::new();
                tokens.stored = None;
            }
            (
                counted.adjacent.finish(&tokens.vocab, config.min_count),
                counted.cooccurrence.finish(n_terms, config.min_count),
            )
        }
        None => {
            let adjacent = count_adjacent(tokens, config.min_count);
            let units = Units::build(tokens, config.context);
            if release {
                tokens.docs = Vec::new();
            }
            (adjacent, count_units(units, n_terms, config.min_count))
        }
    };
    let collocates = collocates_of_all(&cooccurrences, &focus, &tokens.vocab);
    Pairs {
        cooccurrences,
        focus,
        collocates,
        adjacent,
        by_group,
    }
}

/// The corpus's adjacent pairs and co-occurrences, counted batch by batch as the texts are
/// read (when no phrases are joined after reading), so that no pass over the whole corpus's
/// tokens or units is needed for them.
pub(super) struct PairCounters {
    adjacent: AdjacentCounter,
    cooccurrence: CooccurrenceCounter,
}

impl PairCounters {
    pub(super) fn new(context: Context) -> PairCounters {
        PairCounters {
            adjacent: AdjacentCounter::default(),
            cooccurrence: CooccurrenceCounter::new(context),
        }
    }

    /// Counts the pairs of the next documents, whose forms `vocab` holds.
    pub(super) fn add(&mut self, docs: &[DocTokens], vocab: &Vocabulary) {
        self.adjacent.add(docs, vocab);
        self.cooccurrence.add(docs, vocab);
    }

    /// The counters of a shard's summed pair counts.
    pub(super) fn from_counters(
        adjacent: AdjacentCounter,
        cooccurrence: CooccurrenceCounter,
    ) -> PairCounters {
        PairCounters {
            adjacent,
            cooccurrence,
        }
    }

    pub(super) fn adjacent(&self) -> &AdjacentCounter {
        &self.adjacent
    }

    pub(super) fn cooccurrence(&self) -> &CooccurrenceCounter {
        &self.cooccurrence
    }
}

/// The similarity of speeches (without groupings) or of the groups of each grouping, each
/// set of units listed as `method` says, and the measure of the heatmap's units: the first
/// grouping's groups, or the speeches, the largest by words when there are more than the
/// chart shows. By topic (cosine of tf-idf), or by style (Burrows' Delta) when the counts
/// of the most frequent word forms are given.
pub(super) fn similarity(
    counts: &CountTables,
    groupings: &[Grouping],
    method: SimilarityMethod,
    style: Option<&WordCounts>,
) -> Similarities {
    if let Some(words) = style {
        return style_similarity(counts, groupings, method, words);
    }
    let n_terms = counts.term_count.len();
    fn heatmap(vectors: &Vectors, tokens: &[u64]) -> SimilarityMatrix {
        let shown = similarity_heatmap::largest(tokens, similarity_heatmap::MAX_UNITS);
        SimilarityMatrix {
            values: cosine_matrix(vectors, &shown),
            shown,
            of: tokens.len(),
            measure: SimilarityMeasure::Topic,
        }
    }
    let Some((first, others)) = groupings.split_first() else {
        let vectors = speech_vectors(counts);
        return Similarities {
            heatmap: heatmap(&vectors, &counts.n_tokens),
            table: SimilarityTable::Speeches(similarity_pairs(&vectors, n_terms, method)),
        };
    };
    // The first grouping's vectors serve its table and the heatmap.
    let vectors = group_vectors(&first.sums, counts);
    let heatmap = heatmap(&vectors, &first.sums.n_tokens);
    let mut per_grouping = vec![similarity_pairs(&vectors, n_terms, method)];
    per_grouping.extend(
        others
            .iter()
            .map(|g| similarity_pairs(&group_vectors(&g.sums, counts), n_terms, method)),
    );
    Similarities {
        table: SimilarityTable::Groups(per_grouping),
        heatmap,
    }
}

/// The tokens of the `n` most frequent word forms in every speech, for Burrows' Delta: read
/// before the pairs' pass lets the tokens go.
pub(super) fn style_words(tokens: &TokenizedCorpus, counts: &CountTables, n: usize) -> WordCounts {
    let words = most_frequent_forms(&counts.form_count, &tokens.vocab, n);
    count_words(tokens, words)
}

/// [`similarity`] by style: the z-scores are taken over the units of each table (the
/// speeches, or the groups of one grouping, each group's counts summed).
fn style_similarity(
    counts: &CountTables,
    groupings: &[Grouping],
    method: SimilarityMethod,
    words: &WordCounts,
) -> Similarities {
    fn heatmap(profiles: &StyleProfiles, tokens: &[u64]) -> SimilarityMatrix {
        let shown = similarity_heatmap::largest(tokens, similarity_heatmap::MAX_UNITS);
        SimilarityMatrix {
            values: delta_matrix(profiles, &shown),
            shown,
            of: tokens.len(),
            measure: SimilarityMeasure::Style,
        }
    }
    let Some((first, _)) = groupings.split_first() else {
        let profiles = StyleProfiles::new(&words.per_doc, &counts.n_tokens);
        return Similarities {
            heatmap: heatmap(&profiles, &counts.n_tokens),
            table: SimilarityTable::SpeechStyles(delta_pairs(&profiles, method)),
        };
    };
    let profiles_of = |g: &Grouping| {
        let sums = sum_into_groups(&words.per_doc, &g.groups.of_doc, g.groups.len());
        StyleProfiles::new(&sums, &g.sums.n_tokens)
    };
    let per_grouping = groupings
        .iter()
        .map(|g| delta_pairs(&profiles_of(g), method))
        .collect();
    Similarities {
        heatmap: heatmap(&profiles_of(first), &first.sums.n_tokens),
        table: SimilarityTable::GroupStyles(per_grouping),
    }
}

/// The rows of the terms-across-speeches chart: the first grouping's groups, or the
/// speeches, or the speeches summed by year when there are too many (see
/// [`ranking::comparison_rows`]), with their counts summed.
pub(super) fn comparison_rows(
    corpus: &Corpus,
    counts: &CountTables,
    first: Option<&Grouping>,
) -> Result<ComparisonRows> {
    let rows =
        ranking::comparison_rows(corpus, counts, first.map(|g| &g.groups), heatmap::MAX_ROWS)?;
    // Only the rows shown are summed: the others (every speech but the largest 40) would
    // copy the count tables.
    let shown: Vec<bool> = (0..rows.groups.len())
        .map(|g| rows.shown.binary_search(&g).is_ok())
        .collect();
    let of_doc: Vec<Option<usize>> = rows
        .groups
        .of_doc
        .iter()
        .map(|&g| shown[g].then_some(g))
        .collect();
    let sums = GroupCounts::sum_of(counts, &of_doc, rows.groups.len());
    Ok(ComparisonRows { rows, sums })
}

/// The profile of every group of each grouping.
pub(super) fn profile_groups(
    groupings: &[Grouping],
    profiles: &Profiles,
    tokens: &TokenizedCorpus,
) -> Vec<GroupProfile> {
    let groupings: Vec<(&Groups, &GroupCounts)> =
        groupings.iter().map(|g| (&g.groups, &g.sums)).collect();
    group_profiles(&groupings, profiles, tokens)
}

/// The tokens of each word of the stopword list in force.
pub(super) fn stopwords(tokens: &TokenizedCorpus, normalizer: &Normalizer) -> StopwordCounts {
    count_stopwords(tokens, &normalizer.stopwords().sorted())
}

/// Where the dispersion plot's terms occur: the `--terms`, or the least evenly spread.
pub(super) fn dispersion_plot(
    tokens: &TokenizedCorpus,
    counts: &CountTables,
    chosen: Option<&[TermId]>,
) -> Occurrences {
    let terms = match chosen {
        Some(terms) => terms.to_vec(),
        None => least_even(
            counts,
            &tokens.vocab,
            DISPERSION_TERMS,
            DISPERSION_MIN_COUNT,
        ),
    };
    occurrences(tokens, &terms, xray::MAX_ROWS)
}

/// The counted terms a user's words name (see [`resolve_words`]), and a warning naming
/// `option` for each word that names none.
pub(super) fn requested(
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

/// Reads, tokenizes and counts the `--reference` corpus as the corpus was (same language,
/// stopwords, stemming, annotations, CSV text column, the same phrases joined), and carries
/// its counts over to the corpus's term ids. Its speeches whose fingerprint is in `shared`
/// (the corpus's own, unless `--keep-shared`) are left out, with a warning saying how many.
/// Returns its reading warnings too.
pub(super) fn read_reference(
    path: &Path,
    config: &Config,
    normalizer: &Normalizer,
    corpus_vocab: &Vocabulary,
    phrases: Option<&[Phrase]>,
    shared: Option<&Fingerprints>,
) -> Result<(ReferenceCounts, Vec<Warning>, Vec<std::path::PathBuf>)> {
    let options = ReadOptions {
        manifest: None,
        metadata: None,
        ..config.read.clone()
    };
    let mut reference = read_reference_corpus(&[path.to_path_buf()], &options)?;
    if let Some(shared) = shared {
        let read = reference.documents.len();
        reference
            .documents
            .retain(|d| !shared.contains(&Fingerprint::of(&d.text)));
        let left_out = read - reference.documents.len();
        if left_out == read {
            return Err(Error::Option {
                option: "--reference",
                message: format!(
                    "every one of its {} speeches is also in the corpus (the same text), \
                     so nothing is left to compare with; give another reference, or \
                     --keep-shared to keep them",
                    thousands(read as u64)
                ),
            });
        }
        if left_out > 0 {
            reference.warnings.push(Warning::option(
                "--reference",
                format!(
                    "{} of its {} speeches are also in the corpus (the same text): left out \
                     of the reference, so that no speech is compared with itself; \
                     --keep-shared keeps them",
                    thousands(left_out as u64),
                    thousands(read as u64)
                ),
            ));
        }
    }
    let tokens = tokenize_corpus(&reference.documents, normalizer, &Silent);
    let tokens = match phrases {
        Some(phrases) => {
            // The corpus's phrases, by their terms, in the reference's ids.
            let pairs: Vec<(TermId, TermId)> = phrases
                .iter()
                .filter_map(|p| {
                    let first = tokens.vocab.term_id(corpus_vocab.term(p.first))?;
                    let second = tokens.vocab.term_id(corpus_vocab.term(p.second))?;
                    Some((first, second))
                })
                .collect();
            join_phrases(tokens, &pairs)
        }
        None => tokens,
    };
    let counts = count(&tokens);
    let name = path.display().to_string();
    let carried = ReferenceCounts::new(name, corpus_vocab, &tokens.vocab, &counts);
    Ok((carried, reference.warnings, reference.files))
}

/// The targets named by expressions: each `--target`'s speeches, and the two sets of
/// `--compare EXPR EXPR`.
pub(super) struct Expressions {
    pub targets: Vec<Selected>,
    pub compared: Option<(Selected, Selected)>,
}

/// The speeches of every expression, resolved on the corpus (see [`targets`] and
/// [`compared_sets`] for what is refused).
pub(super) fn expressions(
    config: &Config,
    corpus: &Corpus,
    groupings: &[Grouping],
) -> Result<Expressions> {
    Ok(Expressions {
        targets: targets(config, corpus)?,
        compared: compared_sets(config, corpus, groupings)?,
    })
}

/// The speeches of each `--target`: an error naming the expression when it matches no
/// speech, or every speech while there is no `--reference` (the rest would be empty).
fn targets(config: &Config, corpus: &Corpus) -> Result<Vec<Selected>> {
    let total = corpus.documents.len();
    config
        .targets
        .iter()
        .map(|selection| {
            let selected = Selected {
                name: selection.text.clone(),
                of_doc: selection.members(corpus, "--target")?,
            };
            let refusal = match selected.len() {
                0 => Some(format!(
                    "{} matches none of the {} speeches analysed; check the columns' values \
                     in tables/documents.csv of a run without it",
                    selection.text,
                    thousands(total as u64)
                )),
                n if n == total && config.reference.is_none() => Some(format!(
                    "{} matches all {} speeches analysed, so the rest it is compared with is \
                     empty; narrow it, or give a corpus to compare with by --reference",
                    selection.text,
                    thousands(total as u64)
                )),
                _ => None,
            };
            match refusal {
                Some(message) => Err(Error::Option {
                    option: "--target",
                    message,
                }),
                None => Ok(selected),
            }
        })
        .collect()
}

/// The two sets of `--compare EXPR EXPR`: when both arguments read as expressions and
/// neither names a group of a grouping or a speech (then it is `--compare A B` of names).
/// An error when a set is empty, or a speech is in both.
fn compared_sets(
    config: &Config,
    corpus: &Corpus,
    groupings: &[Grouping],
) -> Result<Option<(Selected, Selected)>> {
    let Some((a, b)) = &config.compare else {
        return Ok(None);
    };
    let is_name = |x: &str| {
        groupings
            .iter()
            .any(|g| g.groups.names.iter().any(|n| n == x))
            || corpus.documents.iter().any(|d| d.id == x)
    };
    if is_name(a) || is_name(b) {
        return Ok(None);
    }
    let (Ok(first), Ok(second)) = (Selection::parse(a), Selection::parse(b)) else {
        return Ok(None);
    };
    let resolve = |selection: &Selection| -> Result<Selected> {
        let selected = Selected {
            name: selection.text.clone(),
            of_doc: selection.members(corpus, "--compare")?,
        };
        if selected.len() == 0 {
            return Err(Error::Option {
                option: "--compare",
                message: format!(
                    "{} matches none of the {} speeches analysed; check the columns' values \
                     in tables/documents.csv of a run without it",
                    selection.text,
                    thousands(corpus.documents.len() as u64)
                ),
            });
        }
        Ok(selected)
    };
    let (first, second) = (resolve(&first)?, resolve(&second)?);
    let both: Vec<usize> = (0..corpus.documents.len())
        .filter(|&d| first.of_doc[d] && second.of_doc[d])
        .collect();
    if let Some(&example) = both.first() {
        return Err(Error::Option {
            option: "--compare",
            message: format!(
                "{} speeches meet both {} and {} (such as {}); a speech on both sides would \
                 be compared with itself: add a condition that tells the two apart",
                thousands(both.len() as u64),
                first.name,
                second.name,
                corpus.documents[example].id
            ),
        });
    }
    Ok(Some((first, second)))
}

/// Keyness of every target the configuration asks for: each group (or speech) and each
/// `--target` against the rest, two side by side (`--compare`), or against the reference
/// corpus; and the funnel plots' points of those charted (see [`funnel_targets`]).
pub(super) fn keyness(
    config: &Config,
    corpus: &Corpus,
    counts: &CountTables,
    groupings: &[Grouping],
    expressions: &Expressions,
    reference: Option<&ReferenceCounts>,
    vocab: &Vocabulary,
) -> Result<(Vec<Target>, Vec<Funnel>)> {
    let speeches = Groups::by_document(corpus);
    let grouped: Vec<Grouped<'_>> = groupings
        .iter()
        .map(|g| Grouped {
            groups: &g.groups,
            sums: Some(&g.sums),
        })
        .collect();
    let against = match (&expressions.compared, &config.compare, reference) {
        (Some((a, b)), _, _) => Against::Sets(a, b),
        (None, Some((a, b)), _) => Against::Other(a, b),
        (None, None, Some(reference)) => Against::Corpus(reference),
        (None, None, None) => Against::Rest,
    };
    let n_terms = vocab.n_terms();
    let name = |t: TermId| match reference.and_then(|r| r.extra_name(t, n_terms)) {
        Some((term, _)) => term,
        None => vocab.term(t),
    };
    let options = KeynessOptions {
        top: config.keyness_top,
        min_count: config.min_count,
        min_range: config.min_range,
        rank_by: config.rank_by,
        measures: MeasureOptions {
            prior: PriorSource::Pooled,
            prior_scale: config.prior_scale,
            smoothing: config.smoothing,
        },
    };
    let speeches = Grouped {
        groups: &speeches,
        sums: None,
    };
    let targets = targets::keyness(
        counts,
        &grouped,
        &expressions.targets,
        speeches,
        against,
        options,
        &name,
    )?;
    if let Some(message) = chart_targets::unknown(&targets, &config.chart_targets) {
        return Err(Error::Option {
            option: "--chart-targets",
            message,
        });
    }
    let charted: Vec<&Target> = funnel_targets(&targets, config)
        .into_iter()
        .map(|i| &targets[i])
        .collect();
    let funnels = targets::funnels(
        counts,
        &grouped,
        &expressions.targets,
        speeches,
        against,
        options,
        &charted,
    )?;
    Ok((targets, funnels))
}

/// The targets that get a funnel plot: those of `--chart-targets`, then the largest of the
/// first grouping (the `--compare` pair, the corpus against `--reference`), `--max-charts`
/// in all; in target order.
fn funnel_targets(targets: &[Target], config: &Config) -> Vec<usize> {
    let first = targets.first().map(|t| t.group_by.as_str());
    let of_first = targets
        .iter()
        .take_while(|t| Some(t.group_by.as_str()) == first)
        .count();
    let mut chosen = chart_targets::chosen(
        &targets[..of_first],
        &config.chart_targets,
        config.max_charts,
    );
    chosen.extend(
        (of_first..targets.len()).filter(|&i| config.chart_targets.contains(&targets[i].name)),
    );
    chosen
}

/// The lines of the `--kwic` pattern, found batch by batch while the texts are read (before
/// phrases are joined).
pub(super) struct KwicFinder<'a> {
    pattern: Pattern,
    options: &'a KwicOptions,
    normalizer: &'a Normalizer,
    /// For each word of the pattern, the forms it matches, as far as the vocabulary goes.
    matches: Vec<Vec<bool>>,
    /// `--in`: each metadata column (none: the speech's id) and the value a speech must have.
    within: Vec<(Option<usize>, &'a str)>,
    lines: Vec<Line>,
}

impl<'a> KwicFinder<'a> {
    /// An error for a pattern that cannot be read, or an `--in` column the corpus lacks.
    pub(super) fn new(
        options: &'a KwicOptions,
        normalizer: &'a Normalizer,
        metadata_columns: &[String],
    ) -> Result<KwicFinder<'a>> {
        let pattern = Pattern::parse(&options.pattern).map_err(|message| Error::Pattern {
            pattern: options.pattern.clone(),
            message,
        })?;
        let within = options
            .within
            .iter()
            .map(|(column, value)| {
                let index = match column.as_str() {
                    id if id == columns::DOC_ID.name => None,
                    _ => Some(
                        metadata_columns
                            .iter()
                            .position(|c| c == column)
                            .ok_or_else(|| Error::UnknownColumn {
                                option: "--in",
                                column: column.clone(),
                                known: metadata_columns.join(", "),
                            })?,
                    ),
                };
                Ok((index, value.as_str()))
            })
            .collect::<Result<_>>()?;
        Ok(KwicFinder {
            pattern,
            options,
            normalizer,
            matches: Vec::new(),
            within,
            lines: Vec::new(),
        })
    }

    /// Finds the lines of `documents`, the corpus's documents from index `first` on, whose
    /// tokens are `tokens` (in the forms of `vocab`).
    pub(super) fn add(
        &mut self,
        documents: &[Document],
        first: usize,
        tokens: &[DocTokens],
        vocab: &Vocabulary,
    ) {
        self.pattern.extend_matching_forms(
            vocab,
            self.normalizer,
            self.options.by,
            &mut self.matches,
        );
        let mut hits = find_hits(tokens, &self.matches);
        if !self.within.is_empty() {
            hits.retain(|hit| {
                let document = &documents[hit.doc];
                self.within.iter().all(|&(index, value)| {
                    let of_doc = match index {
                        None => document.id.as_str(),
                        Some(i) => document.metadata[i].as_str(),
                    };
                    of_doc == value
                })
            });
        }
        self.lines
            .extend(
                lines(documents, &hits, self.options.width)
                    .into_iter()
                    .map(|mut line| {
                        line.hit.doc += first;
                        line
                    }),
            );
    }

    pub(super) fn finish(self) -> Vec<Line> {
        self.lines
    }
}

/// The speeches placed in periods by `--time` (or `year`, else `date`), with their counts
/// summed per period, when the corpus has that column; a warning when some speeches have no
/// year, or `--time` names no column.
pub(super) fn periods(
    config: &Config,
    corpus: &Corpus,
    counts: &CountTables,
    vocab: &Vocabulary,
    warnings: &mut Vec<Warning>,
) -> Option<Periods> {
    let timeline = timeline(config, corpus, warnings)?;
    let sums = timeline.sums(counts);
    let changed_most = trends::changed_most(
        &sums,
        counts,
        vocab,
        term_trends::DEFAULT_TERMS,
        trends::TREND_MIN_COUNT,
    );
    Some(Periods {
        sums,
        timeline,
        changed_most,
    })
}

fn timeline(config: &Config, corpus: &Corpus, warnings: &mut Vec<Warning>) -> Option<Timeline> {
    let column = match &config.time_column {
        Some(column) => {
            if corpus.metadata_index(column).is_none() {
                warnings.push(Warning::option(
                    "--time",
                    format!(
                        "{column:?} is not a metadata column; no trends over time (the corpus has: {})",
                        corpus.metadata_columns.join(", ")
                    ),
                ));
                return None;
            }
            column.as_str()
        }
        None => ["year", "date"]
            .into_iter()
            .find(|c| corpus.metadata_index(c).is_some())?,
    };
    let timeline = Timeline::new(corpus, column, config.period)?;
    // A warning names --time only when the user gave it; else the column found by default.
    let warning = |message: String| match config.time_column {
        Some(_) => Warning::option("--time", message),
        None => Warning::column(column, message),
    };
    if timeline.starts.is_empty() {
        warnings.push(warning(format!(
            "no speech has a year in {column:?}; no trends over time"
        )));
        return None;
    }
    let undated = timeline.undated();
    if undated > 0 {
        warnings.push(warning(format!(
            "{undated} speeches have no year in {column:?}: left out of the trends"
        )));
    }
    Some(timeline)
}

/// Patterns named in full in a warning about those that match no word; the rest are counted.
const PATTERNS_NAMED: usize = 40;

/// The categories of the `--dictionary` files counted in every speech, with a warning for
/// each pattern that matches no word of the corpus and each category that matches
/// nothing: a typo in a dictionary would otherwise pass silently.
pub(super) fn dictionaries(
    config: &Config,
    list: Vec<Dictionary>,
    tokens: &TokenizedCorpus,
    normalizer: &Normalizer,
    warnings: &mut Vec<Warning>,
) -> Dictionaries {
    let matcher = Matcher::new(&list, &tokens.vocab, normalizer, config.dictionary_match);
    let counts = count_categories(tokens.source(), &matcher);
    for (d, dictionary) in list.iter().enumerate() {
        let unmatched: Vec<&DictionaryEntry> = matcher
            .entries
            .iter()
            .filter(|e| e.source.0 == d && !matcher.entry_can_match(e))
            .map(|e| &dictionary.entries[e.source.1])
            .collect();
        let by = match config.dictionary_match {
            MatchBy::Form => "word",
            MatchBy::Term => "term (--dictionary-match term)",
        };
        match unmatched.as_slice() {
            [] => {}
            [one] => warnings.push(Warning {
                line: Some(one.line),
                ..Warning::new(
                    &dictionary.path,
                    format!(
                        "pattern {:?} matches no {by} of the corpus",
                        one.pattern.words().join(" ")
                    ),
                )
            }),
            many => {
                let named: Vec<String> = many
                    .iter()
                    .take(PATTERNS_NAMED)
                    .map(|e| format!("{} (line {})", e.pattern.words().join(" "), e.line))
                    .collect();
                let more = match many.len() > PATTERNS_NAMED {
                    true => format!(" and {} more", many.len() - PATTERNS_NAMED),
                    false => String::new(),
                };
                warnings.push(Warning::new(
                    &dictionary.path,
                    format!(
                        "{} of its {} patterns match no {by} of the corpus: {}{more}",
                        many.len(),
                        dictionary.entries.len(),
                        named.join(", ")
                    ),
                ));
            }
        }
        let first = matcher.category_offsets[d] as usize;
        let silent: Vec<&str> = dictionary
            .categories
            .iter()
            .enumerate()
            .filter(|(c, _)| counts.total(first + c) == 0)
            .map(|(_, name)| name.as_str())
            .collect();
        if !silent.is_empty() {
            warnings.push(Warning::new(
                &dictionary.path,
                format!(
                    "{} nothing in the corpus: {}",
                    match silent.len() {
                        1 => "category matches".to_owned(),
                        n => format!("{n} categories match"),
                    },
                    silent.join(", ")
                ),
            ));
        }
    }
    Dictionaries { list, counts }
}
