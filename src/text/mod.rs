//! From text to counted units: word tokens with sentence boundaries, lowercased word forms,
//! stopwords, Snowball stems, and the vocabulary that gives each form and term an integer id.
//! The words a user asks for are resolved here too, the way tokens are, and found in context
//! (keyword in context).

mod concordance;
mod forms;
mod language;
mod normalize;
mod phrases;
mod requested;
mod sentences;
mod stopwords;
mod syllables;
mod token_store;
mod tokenize;
mod tokenized;
mod vocab;

pub use concordance::{
    find_hits, glob_matches, lines, sort_lines, Hit, Line, MatchBy, Pattern, SortBy,
};
pub use language::{Language, LANGUAGES};
pub use normalize::Normalizer;
pub use phrases::join_phrases;
pub use requested::resolve_words;
pub use stopwords::{AddedStopwords, StopwordSource, Stopwords};
pub use syllables::syllables;
pub use token_store::{DocSource, TokenStore, MEMORY_WORDS};
pub use tokenize::{for_each_token, for_each_token_reference, tokenize};
pub use tokenized::{tokenize_corpus, DocTokens, TokenizedCorpus, Tokenizer};
pub use vocab::{FormId, TermId, Vocabulary};
