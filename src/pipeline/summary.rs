//! What a run did, for the closing summary and run.json: the corpus's sizes, the files
//! written, the warnings and the time of each stage.

use crate::error::Warning;

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
    /// Speeches analysed (those `--where` kept, when given).
    pub documents: usize,
    /// What `--where` kept, of how many speeches read.
    pub subset: Option<crate::corpus::Subset>,
    /// The keyness targets named by an expression (`--target`, `--compare EXPR EXPR`).
    pub targets: Vec<NamedTarget>,
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

/// A keyness target named by an expression, and what it was compared with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamedTarget {
    /// The expression, as written.
    pub name: String,
    /// Speeches that meet it.
    pub speeches: usize,
    /// "the rest of the corpus", the other expression, or the reference corpus's path.
    pub reference: String,
}
