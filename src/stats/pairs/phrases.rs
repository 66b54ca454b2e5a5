//! Multiword expressions: the adjacent pairs strong enough to be counted as one unit ("united
//! nations", "security council", "human rights"), as quanteda's `tokens_compound` does with
//! collocations chosen by the user.
//!
//! A pair of adjacent terms becomes a phrase when both contain a letter (numbers pair with
//! whatever cites them), it occurs at least `min_count` times (10 by default), its `npmi` is at
//! least `min_npmi` (0.5: the words rarely occur apart) and its `log_likelihood` at least
//! `min_log_likelihood` (10.83: p < 0.001 for one degree of freedom), with the scores of the
//! `collocations` table ([`super::collocations`]).
//!
//! Columns of `phrases`: phrase (its label: the two most frequent word forms), term_1, term_2,
//! count, npmi, log_likelihood; strongest first.

use polars::prelude::*;

use super::collocations::{contingency, count_adjacent};
use crate::columns;
use crate::error::Result;
use crate::stats::counts::CountTables;
use crate::stats::{frame, sort_by_printed_score};
use crate::text::{FormId, TermId, TokenizedCorpus, Vocabulary};

/// When a pair is a phrase.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PhraseOptions {
    /// Least number of times the pair occurs.
    pub min_count: u64,
    /// Least normalised PMI (-1 to 1): how rarely the words occur apart.
    pub min_npmi: f64,
    /// Least log-likelihood (10.83 is p < 0.001 for one degree of freedom).
    pub min_log_likelihood: f64,
}

impl Default for PhraseOptions {
    fn default() -> PhraseOptions {
        PhraseOptions {
            min_count: 10,
            min_npmi: 0.5,
            min_log_likelihood: 10.83,
        }
    }
}

/// A chosen phrase with the scores that chose it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Phrase {
    pub first: TermId,
    pub second: TermId,
    pub count: u64,
    pub npmi: f64,
    pub log_likelihood: f64,
    pub label: (FormId, FormId),
}

/// The phrases of a corpus, strongest first (log_likelihood, then terms).
pub fn choose_phrases(
    corpus: &TokenizedCorpus,
    counts: &CountTables,
    options: PhraseOptions,
) -> Vec<Phrase> {
    let total = counts.total_tokens();
    let vocab = &corpus.vocab;
    let mut phrases: Vec<Phrase> = count_adjacent(corpus, options.min_count)
        .pairs
        .into_iter()
        .filter(|p| p.first != p.second)
        // Numbers pair with everything they cite ("resolution 1325", "1325 2000"): a phrase
        // is made of words.
        .filter(|p| has_letter(vocab.term(p.first)) && has_letter(vocab.term(p.second)))
        .filter_map(|pair| {
            let table = contingency(&pair, &counts.term_count, total);
            let phrase = Phrase {
                first: pair.first,
                second: pair.second,
                count: pair.count,
                npmi: table.npmi(),
                log_likelihood: table.log_likelihood(),
                label: pair.label,
            };
            (phrase.npmi >= options.min_npmi && phrase.log_likelihood >= options.min_log_likelihood)
                .then_some(phrase)
        })
        .collect();
    sort_by_printed_score(
        &mut phrases,
        |p| p.log_likelihood,
        |a, b| {
            vocab
                .term(a.first)
                .cmp(vocab.term(b.first))
                .then_with(|| vocab.term(a.second).cmp(vocab.term(b.second)))
        },
    );
    phrases
}

fn has_letter(term: &str) -> bool {
    term.chars().any(char::is_alphabetic)
}

/// The `phrases` table.
pub fn phrases_frame(phrases: &[Phrase], vocab: &Vocabulary) -> Result<DataFrame> {
    frame(
        "phrases",
        vec![
            Column::new(
                columns::PHRASE.name.into(),
                phrases
                    .iter()
                    .map(|p| format!("{} {}", vocab.form(p.label.0), vocab.form(p.label.1)))
                    .collect::<Vec<_>>(),
            ),
            Column::new(
                columns::TERM_1.name.into(),
                phrases
                    .iter()
                    .map(|p| vocab.term(p.first))
                    .collect::<Vec<_>>(),
            ),
            Column::new(
                columns::TERM_2.name.into(),
                phrases
                    .iter()
                    .map(|p| vocab.term(p.second))
                    .collect::<Vec<_>>(),
            ),
            Column::new(
                columns::COUNT.name.into(),
                phrases.iter().map(|p| p.count).collect::<Vec<_>>(),
            ),
            Column::new(
                columns::NPMI.name.into(),
                phrases.iter().map(|p| p.npmi).collect::<Vec<_>>(),
            ),
            Column::new(
                columns::LOG_LIKELIHOOD.name.into(),
                phrases.iter().map(|p| p.log_likelihood).collect::<Vec<_>>(),
            ),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::counts::{count, tests::tokenized};

    #[test]
    fn strong_pairs_become_phrases_and_loose_ones_do_not() {
        let text = "The United Nations met. The United Nations agreed. United Nations troops \
                    left. The nations of the world were united. Human rights matter. Human \
                    rights first. Rights of the human person. Peace and war and peace.";
        let corpus = tokenized(&[text], false, true);
        let counts = count(&corpus);
        let v = &corpus.vocab;
        // human-rights: 2 of 35 tokens, G2 = 6.74, npmi = 0.72; united-nations: 3, G2 = 15.2.
        let options = PhraseOptions {
            min_count: 2,
            min_npmi: 0.5,
            min_log_likelihood: 3.84,
        };
        let phrases = choose_phrases(&corpus, &counts, options);
        let names: Vec<(&str, &str)> = phrases
            .iter()
            .map(|p| (v.term(p.first), v.term(p.second)))
            .collect();
        assert_eq!(names, [("united", "nations"), ("human", "rights")]);
        let df = phrases_frame(&phrases, v).unwrap();
        let first = df.column("phrase").unwrap().str().unwrap().get(0);
        assert_eq!(first, Some("united nations"));
        // A higher bar leaves nothing.
        let none = choose_phrases(
            &corpus,
            &counts,
            PhraseOptions {
                min_count: 2,
                min_npmi: 0.99,
                min_log_likelihood: 10.83,
            },
        );
        assert!(none.is_empty());
    }

    #[test]
    fn numbers_do_not_make_phrases() {
        let text = "Resolution 1325 matters. Resolution 1325 again. Resolution 1325 once more.";
        let corpus = tokenized(&[text], false, true);
        let counts = count(&corpus);
        let options = PhraseOptions {
            min_count: 2,
            min_npmi: 0.0,
            min_log_likelihood: 0.0,
        };
        assert!(choose_phrases(&corpus, &counts, options).is_empty());
    }
}
