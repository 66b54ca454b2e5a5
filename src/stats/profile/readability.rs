//! Readability of English speeches: how long their sentences and words are, and the Flesch
//! scores built on them.
//!
//! Words are the word tokens that hold a letter (a number such as 2331 is not read as a word
//! of syllables); sentences are the tokenizer's; syllables come from
//! [`crate::text::syllables`], a rule-based count checked against the CMU Pronouncing
//! Dictionary (see docs/statistics.md for its agreement).
//!
//! - `mean_sentence_length` = words / sentences; `syllables_per_word` = syllables / words.
//! - `flesch_reading_ease` = 206.835 - 1.015 x words / sentences - 84.6 x syllables / words
//!   (Flesch 1948): about 60-70 is plain English, below 30 very difficult.
//! - `flesch_kincaid_grade` = 0.39 x words / sentences + 11.8 x syllables / words - 15.59
//!   (Kincaid et al. 1975): a US school grade.
//!
//! A group's values are those of its speeches pooled (summed words, sentences and syllables).

use polars::prelude::Column;

use crate::columns;
use crate::text::{syllables, FormId, Vocabulary};

/// One readability score of some counts.
pub(crate) type Score = fn(&Counts) -> Option<f64>;

/// The readability columns of a table, named, each from `values(score)`.
pub(crate) fn readability_columns(values: impl Fn(Score) -> Vec<Option<f64>>) -> [Column; 4] {
    let scores: [(&str, Score); 4] = [
        (
            columns::MEAN_SENTENCE_LENGTH.name,
            Counts::mean_sentence_length,
        ),
        (columns::SYLLABLES_PER_WORD.name, Counts::syllables_per_word),
        (
            columns::FLESCH_READING_EASE.name,
            Counts::flesch_reading_ease,
        ),
        (
            columns::FLESCH_KINCAID_GRADE.name,
            Counts::flesch_kincaid_grade,
        ),
    ];
    scores.map(|(name, score)| Column::new(name.into(), values(score)))
}

/// The counts readability is computed from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Counts {
    pub words: u64,
    pub sentences: u64,
    pub syllables: u64,
}

impl Counts {
    pub fn add(&mut self, other: Counts) {
        self.words += other.words;
        self.sentences += other.sentences;
        self.syllables += other.syllables;
    }

    pub fn mean_sentence_length(&self) -> Option<f64> {
        (self.sentences > 0 && self.words > 0).then(|| self.words as f64 / self.sentences as f64)
    }

    pub fn syllables_per_word(&self) -> Option<f64> {
        (self.words > 0).then(|| self.syllables as f64 / self.words as f64)
    }

    pub fn flesch_reading_ease(&self) -> Option<f64> {
        Some(206.835 - 1.015 * self.mean_sentence_length()? - 84.6 * self.syllables_per_word()?)
    }

    pub fn flesch_kincaid_grade(&self) -> Option<f64> {
        Some(0.39 * self.mean_sentence_length()? + 11.8 * self.syllables_per_word()? - 15.59)
    }
}

/// Syllables of every form of the vocabulary, and whether it is a word (holds a letter).
pub(crate) struct FormSyllables {
    syllables: Vec<u32>,
    is_word: Vec<bool>,
}

impl FormSyllables {
    /// Counts each form's syllables once.
    pub fn new(vocab: &Vocabulary) -> FormSyllables {
        let forms = 0..vocab.n_forms() as FormId;
        FormSyllables {
            syllables: forms.clone().map(|f| syllables(vocab.form(f))).collect(),
            is_word: forms
                .map(|f| vocab.form(f).chars().any(char::is_alphabetic))
                .collect(),
        }
    }

    /// The counts of one speech: its tokens and its number of sentences.
    pub fn count(&self, forms: &[FormId], sentences: u32) -> Counts {
        let mut counts = Counts {
            sentences: u64::from(sentences),
            ..Counts::default()
        };
        for &form in forms {
            if self.is_word[form as usize] {
                counts.words += 1;
                counts.syllables += u64::from(self.syllables[form as usize]);
            }
        }
        counts
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::counts::tests::tokenized;

    #[test]
    fn flesch_matches_the_worked_example() {
        // "The cat in the hat ate breakfast.": 7 words, 1 sentence, 8 syllables.
        let corpus = tokenized(&["The cat in the hat ate breakfast."], false, false);
        let table = FormSyllables::new(&corpus.vocab);
        let doc = &corpus.docs[0];
        let counts = table.count(&doc.forms, doc.sentence_starts.len() as u32);
        assert_eq!(
            counts,
            Counts {
                words: 7,
                sentences: 1,
                syllables: 8
            }
        );
        let ease = counts.flesch_reading_ease().unwrap();
        assert!((ease - 103.044).abs() < 5e-4, "{ease}");
        let grade = counts.flesch_kincaid_grade().unwrap();
        assert!((grade - (0.39 * 7.0 + 11.8 * 8.0 / 7.0 - 15.59)).abs() < 1e-12);
    }

    #[test]
    fn numbers_are_not_words_and_empty_speeches_have_no_score() {
        let corpus = tokenized(&["Resolution 2331 passed."], false, false);
        let table = FormSyllables::new(&corpus.vocab);
        let counts = table.count(&corpus.docs[0].forms, 1);
        assert_eq!(counts.words, 2);
        assert_eq!(Counts::default().flesch_reading_ease(), None);
        let mut pooled = counts;
        pooled.add(counts);
        assert_eq!(pooled.mean_sentence_length(), counts.mean_sentence_length());
    }
}
