//! What an analysis holds once the counting is done: the corpus, its tokens and count tables,
//! and what each family of statistics was asked for and has counted (the families stage,
//! `families.rs`). Every table and chart of [`crate::OUTPUTS`] is shaped from this on demand;
//! the library's [`crate::Analysis`] wraps it.

use crate::corpus::Corpus;
use crate::error::{Error, Result, Warning};
use crate::output::figures::keyness::reference_name;
use crate::stats::compare::funnel::Funnel;
use crate::stats::compare::keyness::Target;
use crate::stats::compare::reference::ReferenceCounts;
use crate::stats::compare::similarity::Listed;
use crate::stats::compare::style::{DistancesListed, SimilarityMeasure};
use crate::stats::compare::targets::TARGET_GROUPING;
use crate::stats::counts::CountTables;
use crate::stats::dictionary::count::CategoryCounts;
use crate::stats::dictionary::Dictionary;
use crate::stats::frequency::ranking::Rows;
use crate::stats::frequency::stopwords::StopwordCounts;
use crate::stats::groups::{GroupCounts, Groups};
use crate::stats::pairs::collocates::Collocate;
use crate::stats::pairs::collocations::AdjacentPairs;
use crate::stats::pairs::cooccurrence::Cooccurrences;
use crate::stats::pairs::phrases::Phrase;
use crate::stats::profile::dispersion::Occurrences;
use crate::stats::profile::group_profiles::GroupProfile;
use crate::stats::profile::trends::{RateChange, Timeline};
use crate::stats::profile::Profiles;
use crate::text::{Line, TermId, TokenizedCorpus, Vocabulary};

use super::config::Config;
use super::summary::{NamedTarget, StageTime, Summary};

/// A corpus analysed: read, tokenized and counted, with what the families of statistics
/// its configuration asked for have computed. Tables and charts are shaped from it.
pub(crate) struct Computed {
    pub(crate) config: Config,
    pub(crate) corpus: Corpus,
    /// Bytes of the documents' texts as tokenized (a run that only writes its outputs frees
    /// the texts themselves).
    pub(crate) text_bytes: usize,
    /// The documents' ids, in corpus order.
    pub(crate) doc_ids: Vec<String>,
    pub(crate) tokens: TokenizedCorpus,
    pub(crate) counts: CountTables,
    /// The `--group-by` groupings and their summed counts, in the order given.
    pub(crate) groupings: Vec<Grouping>,
    /// The phrases joined into single terms (`--phrases`).
    pub(crate) phrases: Option<Vec<Phrase>>,
    /// Pair counts; none for the word count alone.
    pub(crate) pairs: Option<Pairs>,
    /// The `--terms` the user chose, resolved; none means the most frequent terms.
    pub(crate) chart_terms: Option<Vec<TermId>>,
    /// The keyness targets with their strongest keys; none for the word count alone.
    pub(crate) keyness: Option<Vec<Target>>,
    /// Every term of the charted targets with its log-odds z-score, for the funnel plots.
    pub(crate) funnels: Option<Vec<Funnel>>,
    /// The `--reference` corpus's counts.
    pub(crate) reference: Option<ReferenceCounts>,
    /// The files the reference corpus was read from.
    pub(crate) reference_files: Vec<std::path::PathBuf>,
    /// The `--kwic` lines.
    pub(crate) kwic: Option<Vec<Line>>,
    /// Diversity and readability of every speech.
    pub(crate) profiles: Option<Profiles>,
    /// The speeches placed in periods with their summed counts, when the corpus is dated.
    pub(crate) periods: Option<Periods>,
    /// The profile of every group of each grouping, groupings in order.
    pub(crate) group_profiles: Vec<GroupProfile>,
    /// The similarity of speeches or groups, for its table and its heatmap.
    pub(crate) similarity: Option<Similarities>,
    /// The rows of the terms-across-speeches chart (speeches, groups or years) and their
    /// sums.
    pub(crate) comparison: Option<ComparisonRows>,
    /// Where the dispersion plot's terms occur.
    pub(crate) dispersion_plot: Option<Occurrences>,
    /// The stopword list in force, with each word's tokens.
    pub(crate) stopwords: Option<StopwordCounts>,
    /// The `--dictionary` files and their categories counted in every speech.
    pub(crate) dictionaries: Option<Dictionaries>,
    pub(crate) warnings: Vec<Warning>,
}

/// The `--dictionary` files, with their categories counted in every speech.
pub(crate) struct Dictionaries {
    pub list: Vec<Dictionary>,
    pub counts: CategoryCounts,
}

/// The speeches placed in periods, with their counts summed per period.
pub(crate) struct Periods {
    pub timeline: Timeline,
    pub sums: GroupCounts,
    /// The terms whose rate rose most from the first to the last third of the periods, then
    /// those that fell most.
    pub changed_most: Vec<RateChange>,
}

/// Similarity of pairs of units, for the table and the heatmap.
pub(crate) struct Similarities {
    pub table: SimilarityTable,
    pub heatmap: SimilarityMatrix,
}

/// The pairs of `similarity.csv`: every pair, or each unit's most similar beyond a
/// thousand (see [`SimilarityMethod`](crate::stats::compare::similarity::SimilarityMethod)).
pub(crate) enum SimilarityTable {
    /// Of speeches, by topic.
    Speeches(Listed),
    /// Of the groups of each grouping, in order, by topic.
    Groups(Vec<Listed>),
    /// Of speeches, by style.
    SpeechStyles(DistancesListed),
    /// Of the groups of each grouping, in order, by style.
    GroupStyles(Vec<DistancesListed>),
}

/// The measure of the heatmap's units: the first grouping's groups, or the speeches; the
/// largest when there are more than the chart shows.
pub(crate) struct SimilarityMatrix {
    /// The units shown, by index, in their order.
    pub shown: Vec<usize>,
    /// Units there were to choose from.
    pub of: usize,
    /// What `values` are: cosines (0 for an undefined one) or Deltas.
    pub measure: SimilarityMeasure,
    /// The measure of every pair of shown units.
    pub values: Vec<Vec<f64>>,
}

/// The rows of the terms-across-speeches chart with their counts summed.
pub(crate) struct ComparisonRows {
    pub rows: Rows,
    pub sums: GroupCounts,
}

/// Speeches grouped by a metadata column, with their summed counts.
pub(crate) struct Grouping {
    pub groups: Groups,
    pub sums: GroupCounts,
}

/// What the pairs family counted.
pub(crate) struct Pairs {
    pub cooccurrences: Cooccurrences,
    /// The `--focus` terms, resolved, in the order given.
    pub focus: Vec<TermId>,
    /// The collocates of the focus terms, for their table and their charts.
    pub collocates: Vec<Collocate>,
    /// Adjacent pairs of the corpus (collocations), those seen `--min-count` times.
    pub adjacent: AdjacentPairs,
    /// The strongest adjacent pairs of each group of the first grouping, scored within it;
    /// empty without `--group-by`.
    pub by_group: Vec<AdjacentPairs>,
}

impl Computed {
    /// A corpus counted, before any family of statistics has run: what the word count holds.
    pub(crate) fn counted(
        config: &Config,
        corpus: Corpus,
        text_bytes: usize,
        tokens: TokenizedCorpus,
        counts: CountTables,
        warnings: Vec<Warning>,
    ) -> Computed {
        Computed {
            config: config.clone(),
            text_bytes,
            doc_ids: corpus.documents.iter().map(|d| d.id.clone()).collect(),
            corpus,
            tokens,
            counts,
            groupings: Vec::new(),
            phrases: None,
            pairs: None,
            chart_terms: None,
            keyness: None,
            funnels: None,
            reference: None,
            reference_files: Vec::new(),
            kwic: None,
            profiles: None,
            periods: None,
            group_profiles: Vec::new(),
            similarity: None,
            comparison: None,
            dispersion_plot: None,
            stopwords: None,
            dictionaries: None,
            warnings,
        }
    }

    /// The corpus as read: documents, their metadata and text.
    pub(crate) fn corpus(&self) -> &Corpus {
        &self.corpus
    }

    /// Problems the analysis got past: files skipped or read with a fallback, words asked for
    /// that the corpus does not have.
    pub(crate) fn warnings(&self) -> &[Warning] {
        &self.warnings
    }

    /// The corpus's sizes, with `outputs` as the files written and `stages` the time each
    /// stage took.
    pub(crate) fn summary(
        &self,
        outputs: Vec<std::path::PathBuf>,
        stages: Vec<StageTime>,
    ) -> Summary {
        Summary {
            documents: self.corpus.documents.len(),
            subset: self.corpus.subset.clone(),
            targets: self
                .keyness
                .iter()
                .flatten()
                .filter(|t| t.group_by == TARGET_GROUPING)
                .map(|t| NamedTarget {
                    name: t.name.clone(),
                    speeches: t.documents,
                    reference: reference_name(t),
                })
                .collect(),
            tokens: self.counts.total_tokens(),
            types: self.tokens.vocab.n_forms(),
            terms: self.counts.counted_terms().count(),
            sentences: self.counts.n_sentences.iter().map(|&n| u64::from(n)).sum(),
            text_bytes: self.text_bytes,
            outputs,
            warnings: self.warnings.clone(),
            stages,
        }
    }

    pub(crate) fn vocab(&self) -> &Vocabulary {
        &self.tokens.vocab
    }

    /// The label of a term: its most frequent word form.
    pub(crate) fn label(&self, term: TermId) -> &str {
        self.vocab().form(self.counts.term_label[term as usize])
    }

    /// The term and label of an id of keyness, which may be a term only the reference
    /// corpus has.
    pub(crate) fn term_and_label(&self, term: TermId) -> (&str, &str) {
        let extra = self
            .reference
            .as_ref()
            .and_then(|r| r.extra_name(term, self.vocab().n_terms()));
        extra.unwrap_or_else(|| (self.vocab().term(term), self.label(term)))
    }

    /// The first `--group-by` grouping: the one of the per-group tables and charts.
    pub(crate) fn first_grouping(&self) -> Option<&Grouping> {
        self.groupings.first()
    }

    /// The name of a unit of the similarity heatmap: a group of the first grouping, or a
    /// speech.
    pub(crate) fn unit_name(&self, unit: usize) -> &str {
        match self.first_grouping() {
            Some(g) => &g.groups.names[unit],
            None => &self.doc_ids[unit],
        }
    }

    /// The terms a chart shows: the `--terms` the user chose, or `default`.
    pub(crate) fn chart_terms_or(&self, default: impl FnOnce() -> Vec<TermId>) -> Vec<TermId> {
        self.chart_terms.clone().unwrap_or_else(default)
    }

    /// The first grouping, or why there is none.
    pub(crate) fn grouping(&self) -> Result<&Grouping> {
        computed(
            self.first_grouping(),
            "groups",
            "the analysis was not asked to group speeches (--group-by)",
        )
    }

    pub(crate) fn pairs(&self) -> Result<&Pairs> {
        computed(self.pairs.as_ref(), "pair counts", WORD_COUNT_PAIRS)
    }

    pub(crate) fn profiles(&self) -> Result<&Profiles> {
        computed(self.profiles.as_ref(), "profiles", WORD_COUNT_PROFILES)
    }

    pub(crate) fn dictionaries(&self) -> Result<&Dictionaries> {
        computed(
            self.dictionaries.as_ref(),
            "dictionary counts",
            "no --dictionary was given",
        )
    }

    pub(crate) fn periods(&self) -> Result<&Periods> {
        computed(
            self.periods.as_ref(),
            "periods",
            "the speeches are not dated (no year or date column; see --time)",
        )
    }

    pub(crate) fn funnels(&self) -> Result<&[Funnel]> {
        computed(self.funnels.as_deref(), "funnel plots", WORD_COUNT_COMPARES)
    }

    pub(crate) fn keyness(&self) -> Result<&[Target]> {
        computed(
            self.keyness.as_deref(),
            "keyness scores",
            WORD_COUNT_COMPARES,
        )
    }

    pub(crate) fn similarity(&self) -> Result<&Similarities> {
        computed(self.similarity.as_ref(), "similarity", WORD_COUNT_COMPARES)
    }

    pub(crate) fn comparison_rows(&self) -> Result<&ComparisonRows> {
        computed(
            self.comparison.as_ref(),
            "the rows of the comparison chart",
            WORD_COUNT_DRAWS,
        )
    }

    pub(crate) fn stopwords(&self) -> Result<&StopwordCounts> {
        computed(
            self.stopwords.as_ref(),
            "stopword counts",
            "the word count alone (speechstat freq) does not count stopwords",
        )
    }

    pub(crate) fn dispersion_plot(&self) -> Result<&Occurrences> {
        computed(
            self.dispersion_plot.as_ref(),
            "the dispersion plot's occurrences",
            WORD_COUNT_DRAWS,
        )
    }
}

const WORD_COUNT_PAIRS: &str = "the word count alone (speechstat freq) does not count pairs";
const WORD_COUNT_PROFILES: &str =
    "the word count alone (speechstat freq) does not profile speeches";
const WORD_COUNT_COMPARES: &str = "the word count alone (speechstat freq) does not compare";
const WORD_COUNT_DRAWS: &str = "the word count alone (speechstat freq) does not draw charts";

/// A part the families stage computed, or the error that says `what` is missing and `why`.
fn computed<'a, T: ?Sized>(
    part: Option<&'a T>,
    what: &'static str,
    why: &'static str,
) -> Result<&'a T> {
    part.ok_or(Error::NotComputed { what, why })
}
