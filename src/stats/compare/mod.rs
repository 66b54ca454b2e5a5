//! The comparison family: how a speech, a group or the corpus differs from the rest, which
//! speeches resemble each other, and where a word was said.
//!
//! - [`keyness`]: over- and under-used terms of a target against a reference; [`targets`]
//!   chooses the targets (every group of a grouping, every speech, two side by side, or the
//!   corpus against a second corpus) and scores each grouping in one pass.
//! - [`reference`]: a second corpus's counts in this corpus's term ids.
//! - [`similarity`]: cosine of tf-idf vectors and Jaccard of term sets, for every pair or the
//!   most similar of each; [`clustering`] orders a few units for the similarity heatmap.
//! - [`concordance`]: the keyword-in-context table.

pub(crate) mod clustering;
pub(crate) mod concordance;
pub(crate) mod funnel;
pub(crate) mod key_list;
pub(crate) mod keyness;
pub(crate) mod measures;
pub(crate) mod reference;
pub(crate) mod similarity;
pub(crate) mod style;
pub(crate) mod targets;
