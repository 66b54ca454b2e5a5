//! From text to counted units: word tokens with sentence boundaries, lowercased word forms,
//! stopwords, Snowball stems, and the vocabulary that gives each form and term an integer id.

mod language;
mod normalize;
mod phrases;
mod sentences;
mod stopwords;
mod tokenize;
mod tokenized;
mod vocab;

pub use language::{Language, LANGUAGES};
pub use normalize::{normalize_word, Normalizer};
pub use phrases::join_phrases;
pub use sentences::is_sentence_boundary;
pub use stopwords::{StopwordSource, Stopwords};
pub use tokenize::{for_each_token, for_each_token_reference, tokenize, Span, Tokens};
pub use tokenized::{tokenize_corpus, DocTokens, TokenizedCorpus};
pub use vocab::{FormId, TermId, Vocabulary};
