//! From a word form to what it is counted under: whether it is a stopword, and its term (the
//! Snowball stem of the form, or the form itself with stemming off).

use std::borrow::Cow;

use rust_stemmers::Stemmer;

use super::language::Language;
use super::stopwords::Stopwords;

/// The language settings that turn word forms into terms.
pub struct Normalizer {
    stemmer: Option<Stemmer>,
    stopwords: Stopwords,
}

impl Normalizer {
    /// `stem = false` counts word forms as they are (lowercased).
    pub fn new(language: Language, stem: bool, stopwords: Stopwords) -> Normalizer {
        Normalizer {
            stemmer: stem.then(|| Stemmer::create(language.algorithm)),
            stopwords,
        }
    }

    /// Whether a lowercased word form is a stopword.
    pub fn is_stopword(&self, form: &str) -> bool {
        self.stopwords.contains(form)
    }

    /// The stopword list in force.
    pub fn stopwords(&self) -> &Stopwords {
        &self.stopwords
    }

    /// The term of a lowercased word form. Forms with digits or slashes (numbers, UN symbols)
    /// are not stemmed: "1990s" and "s/pv.7847" stay as they are.
    pub fn term<'a>(&self, form: &'a str) -> Cow<'a, str> {
        match &self.stemmer {
            Some(stemmer) if !form.bytes().any(|b| b.is_ascii_digit() || b == b'/') => {
                stemmer.stem(form)
            }
            _ => Cow::Borrowed(form),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::stopwords::{StopwordSource, Stopwords};

    fn english(stem: bool) -> Normalizer {
        let language = Language::default();
        let stopwords = Stopwords::load(&StopwordSource::Builtin, language).unwrap();
        Normalizer::new(language, stem, stopwords)
    }

    #[test]
    fn terms_are_snowball_stems() {
        let n = english(true);
        let cases = [
            ("trafficking", "traffick"),
            ("fruitlessly", "fruitless"),
            ("council's", "council"),
            ("nations", "nation"),
            ("inter-american", "inter-american"),
            ("2331", "2331"),
            ("s/pv.7847", "s/pv.7847"),
            ("1990s", "1990s"),
        ];
        for (form, term) in cases {
            assert_eq!(n.term(form), term, "{form}");
        }
        assert_eq!(english(false).term("trafficking"), "trafficking");
    }

    #[test]
    fn stopwords_are_matched_on_the_form() {
        let n = english(true);
        assert!(n.is_stopword("the") && n.is_stopword("don't"));
        assert!(!n.is_stopword("trafficking"));
    }
}
