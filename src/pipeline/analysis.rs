//! What an analysis holds once the counting is done: the corpus, its tokens and count tables,
//! and what each family of statistics was asked for and has counted. Every table and chart of
//! [`crate::OUTPUTS`] is built from this on demand.

use crate::corpus::Corpus;
use crate::error::Warning;
use crate::stats::compare::keyness::Target;
use crate::stats::compare::reference::ReferenceCounts;
use crate::stats::counts::CountTables;
use crate::stats::groups::{GroupCounts, Groups};
use crate::stats::pairs::collocates::Collocate;
use crate::stats::pairs::cooccurrence::Cooccurrences;
use crate::stats::pairs::phrases::Phrase;
use crate::stats::profile::trends::Timeline;
use crate::stats::profile::Profiles;
use crate::text::{Line, TermId, TokenizedCorpus, Vocabulary};

use super::config::Config;

/// A corpus analysed: read, tokenized and counted, with the pair counts and groupings its
/// configuration asked for. Tables are built from it on demand with
/// [`Analysis::table`]; [`Analysis::write`] writes every table and chart.
pub struct Analysis {
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
    /// The `--reference` corpus's counts.
    pub(crate) reference: Option<ReferenceCounts>,
    /// The files the reference corpus was read from.
    pub(crate) reference_files: Vec<std::path::PathBuf>,
    /// The `--kwic` lines.
    pub(crate) kwic: Option<Vec<Line>>,
    /// Diversity and readability of every speech.
    pub(crate) profiles: Option<Profiles>,
    /// The speeches placed in periods, when the corpus is dated.
    pub(crate) timeline: Option<Timeline>,
    pub(crate) warnings: Vec<Warning>,
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
}

/// Every occurrence of a pattern, with its context: what `speechstat kwic` prints.
pub struct Concordance {
    /// The corpus read: a line's `hit.doc` indexes its documents.
    pub corpus: Corpus,
    /// The lines, in corpus order.
    pub lines: Vec<Line>,
}

/// How long one stage of a run took.
#[derive(Debug, Clone, PartialEq)]
pub struct StageTime {
    /// The stage, as the progress bar names it (`reading`, `tokenizing`, `tables`, ...).
    pub stage: &'static str,
    /// Wall-clock seconds.
    pub seconds: f64,
}

/// What a run did, for the closing summary.
#[derive(Debug, Clone)]
pub struct Summary {
    /// Speeches read.
    pub documents: usize,
    /// Word tokens, stopwords included.
    pub tokens: u64,
    /// Distinct lowercased word forms in the corpus.
    pub types: usize,
    /// Distinct terms counted (stopwords excluded).
    pub terms: usize,
    /// Sentences in the corpus.
    pub sentences: u64,
    /// Bytes of cleaned text.
    pub text_bytes: usize,
    /// The files written, in the order of [`crate::OUTPUTS`].
    pub outputs: Vec<std::path::PathBuf>,
    /// Problems the analysis got past.
    pub warnings: Vec<Warning>,
    /// How long each stage took, in order.
    pub stages: Vec<StageTime>,
}

impl Analysis {
    /// A corpus counted, before any family of statistics has run: what the word count holds.
    pub(crate) fn counted(
        config: &Config,
        corpus: Corpus,
        text_bytes: usize,
        tokens: TokenizedCorpus,
        counts: CountTables,
        warnings: Vec<Warning>,
    ) -> Analysis {
        Analysis {
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
            reference: None,
            reference_files: Vec::new(),
            kwic: None,
            profiles: None,
            timeline: None,
            warnings,
        }
    }

    /// The corpus as read: documents, their metadata and text.
    pub fn corpus(&self) -> &Corpus {
        &self.corpus
    }

    /// Problems the analysis got past: files skipped or read with a fallback, words asked for
    /// that the corpus does not have.
    pub fn warnings(&self) -> &[Warning] {
        &self.warnings
    }

    /// The corpus's sizes, with `outputs` as the files written and `stages` the time each
    /// stage took.
    pub fn summary(&self, outputs: Vec<std::path::PathBuf>, stages: Vec<StageTime>) -> Summary {
        Summary {
            documents: self.corpus.documents.len(),
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
}
