//! Words a user typed (`--terms`, `--focus`): each is lowercased and stemmed the way tokens
//! are, word by word for a phrase ("united nations" -> "unit nation"), and looked up among
//! the corpus's terms. The caller decides what "counted" means and how to report the rest.

use super::forms::normalize_word;
use super::normalize::Normalizer;
use super::vocab::{TermId, Vocabulary};

/// The terms the user's words name, and the words that name no counted term.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Requested {
    /// In the order asked, each once.
    pub terms: Vec<TermId>,
    /// Words that never occur, occur only as stopwords, or name a term `is_counted` rejects.
    pub not_found: Vec<String>,
}

/// Resolves `words` to terms of `vocab` for which `is_counted` holds.
pub fn resolve_words(
    words: &[String],
    normalizer: &Normalizer,
    vocab: &Vocabulary,
    is_counted: impl Fn(TermId) -> bool,
) -> Requested {
    let mut requested = Requested::default();
    for word in words {
        let term = word
            .split_whitespace()
            .map(|part| normalizer.term(&normalize_word(part)).into_owned())
            .collect::<Vec<_>>()
            .join(" ");
        match vocab.term_id(&term) {
            Some(t) if is_counted(t) => {
                if !requested.terms.contains(&t) {
                    requested.terms.push(t);
                }
            }
            _ => requested.not_found.push(word.clone()),
        }
    }
    requested
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{Language, StopwordSource, Stopwords};

    #[test]
    fn words_are_stemmed_like_tokens_and_unknown_ones_reported() {
        let language = Language::default();
        let stopwords = Stopwords::load(&StopwordSource::Builtin, language).unwrap();
        let normalizer = Normalizer::new(language, true, stopwords);
        let mut vocab = Vocabulary::default();
        for form in ["trafficking", "the", "nations"] {
            vocab.intern_form(form, |f| {
                (normalizer.term(f).into_owned(), normalizer.is_stopword(f))
            });
        }
        let the = vocab.term_id("the").unwrap();
        let words: Vec<String> = ["Trafficking", "TRAFFICKED", "the", "peace", "Nations"]
            .map(String::from)
            .to_vec();
        let found = resolve_words(&words, &normalizer, &vocab, |t| t != the);
        let names: Vec<&str> = found.terms.iter().map(|&t| vocab.term(t)).collect();
        assert_eq!(names, ["traffick", "nation"]);
        assert_eq!(found.not_found, ["the", "peace"]);
    }
}
