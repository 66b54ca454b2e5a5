//! The frequency family: how often each term occurs, per speech, per group and in the
//! corpus, and the rankings built on those counts.
//!
//! - [`corpus`]: the corpus in one row: sizes, mean and median speech length.
//! - [`documents`]: one row per speech, its metadata and sizes.
//! - [`terms`]: the corpus term list and the document-by-term table (`per_10k`, `tf_idf`).
//! - [`by_group`]: per-group term frequencies.
//! - [`matrix`]: the wide table, speeches (or groups) by the most frequent terms.
//! - [`tokens`]: one row per word token.
//! - [`stopwords`]: the stopword list in force, with each word's tokens in the corpus.
//! - [`ranking`]: the most frequent terms; the rows of a comparison across speeches.

pub(crate) mod by_group;
pub(crate) mod corpus;
pub(crate) mod documents;
pub(crate) mod matrix;
pub(crate) mod ranking;
pub(crate) mod stopwords;
pub(crate) mod terms;
pub(crate) mod tokens;
