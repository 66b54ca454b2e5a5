//! Collocates of chosen terms ("what keeps company with trafficking?"): the co-occurrence pairs
//! that involve a focus term, seen from that term.
//!
//! Columns of `collocates`: focus, collocate, label, count, pmi, npmi, log_likelihood,
//! t_score, dice. Every score is the one of the pair in `cooccurrence` (same context, same
//! 2x2 table, see [`super::cooccurrence`]). Focus terms in the order given; within one,
//! strongest first (log_likelihood descending, then collocate).

use polars::prelude::*;

use super::cooccurrence::{Cooccurrences, TermPair};
use crate::columns;
use crate::error::Result;
use crate::stats::association::Contingency;
use crate::stats::counts::CountTables;
use crate::stats::{frame, sort_by_printed_score};
use crate::text::{TermId, Vocabulary};

/// One collocate of a focus term.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Collocate {
    pub focus: TermId,
    pub collocate: TermId,
    pub pair: TermPair,
    pub scores: Contingency,
}

/// The collocates of `focus` among the counted pairs, strongest first.
pub fn collocates_of(
    cooccurrences: &Cooccurrences,
    focus: TermId,
    vocab: &Vocabulary,
) -> Vec<Collocate> {
    let mut found: Vec<Collocate> = cooccurrences
        .pairs
        .iter()
        .filter(|p| p.first == focus || p.second == focus)
        .map(|&pair| Collocate {
            focus,
            collocate: if pair.first == focus {
                pair.second
            } else {
                pair.first
            },
            pair,
            scores: cooccurrences.contingency(&pair),
        })
        .collect();
    sort_by_printed_score(
        &mut found,
        |c| c.scores.log_likelihood(),
        |a, b| vocab.term(a.collocate).cmp(vocab.term(b.collocate)),
    );
    found
}

/// The collocates of every focus term, in the order given, each strongest first.
pub fn collocates_of_all(
    cooccurrences: &Cooccurrences,
    focus: &[TermId],
    vocab: &Vocabulary,
) -> Vec<Collocate> {
    focus
        .iter()
        .flat_map(|&f| collocates_of(cooccurrences, f, vocab))
        .collect()
}

/// The collocates of one focus term that attract it, for a "strongest collocates" ranking:
/// those with a positive signed log-likelihood, strongest first, ties by count (higher
/// first), then by label.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Attracting<'c> {
    pub ranked: Vec<&'c Collocate>,
    /// Collocates left out for a zero, negative or undefined score (they avoid the focus).
    pub left_out: usize,
}

/// Ranks `collocates` (of one focus term) by attraction; `label` names a term for the ties.
pub(crate) fn attracting<'c, 'l>(
    collocates: &[&'c Collocate],
    label: impl Fn(TermId) -> &'l str,
) -> Attracting<'c> {
    let mut ranked: Vec<(f64, &Collocate)> = collocates
        .iter()
        .map(|&c| (c.scores.signed_log_likelihood(), c))
        .filter(|(score, _)| score.is_finite() && *score > 0.0)
        .collect();
    ranked.sort_by(|(score_a, a), (score_b, b)| {
        score_b
            .total_cmp(score_a)
            .then(b.pair.count.cmp(&a.pair.count))
            .then_with(|| label(a.collocate).cmp(label(b.collocate)))
    });
    Attracting {
        left_out: collocates.len() - ranked.len(),
        ranked: ranked.into_iter().map(|(_, c)| c).collect(),
    }
}

/// The `collocates` table of [`collocates_of_all`]'s rows.
pub fn collocates_frame(
    rows: &[Collocate],
    counts: &CountTables,
    vocab: &Vocabulary,
) -> Result<DataFrame> {
    let score = |score: fn(&Contingency) -> f64| -> Vec<f64> {
        rows.iter().map(|c| score(&c.scores)).collect()
    };
    let label = |t: TermId| vocab.form(counts.term_label[t as usize]);
    frame(
        "collocates",
        vec![
            Column::new(
                columns::FOCUS.name.into(),
                rows.iter().map(|c| label(c.focus)).collect::<Vec<_>>(),
            ),
            Column::new(
                columns::COLLOCATE.name.into(),
                rows.iter()
                    .map(|c| vocab.term(c.collocate))
                    .collect::<Vec<_>>(),
            ),
            Column::new(
                columns::LABEL.name.into(),
                rows.iter().map(|c| label(c.collocate)).collect::<Vec<_>>(),
            ),
            Column::new(
                columns::COUNT.name.into(),
                rows.iter().map(|c| c.pair.count).collect::<Vec<_>>(),
            ),
            Column::new(columns::PMI.name.into(), score(Contingency::pmi)),
            Column::new(columns::NPMI.name.into(), score(Contingency::npmi)),
            Column::new(
                columns::LOG_LIKELIHOOD.name.into(),
                score(Contingency::log_likelihood),
            ),
            Column::new(columns::T_SCORE.name.into(), score(Contingency::t_score)),
            Column::new(columns::DICE.name.into(), score(Contingency::dice)),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::counts::{count, tests::tokenized};
    use crate::stats::pairs::cooccurrence::{count_cooccurrences, Context};

    #[test]
    fn collocates_are_the_pairs_of_the_focus_term_strongest_first() {
        let corpus = tokenized(
            &[
                "trafficking persons trafficking persons trafficking women",
                "peace security peace security. Trafficking crime",
            ],
            false,
            false,
        );
        let counts = count(&corpus);
        let cooc = count_cooccurrences(&corpus, Context::Window(1), 1);
        let v = &corpus.vocab;
        let trafficking = v.term_id("trafficking").unwrap();
        let found = collocates_of(&cooc, trafficking, v);
        let names: Vec<&str> = found.iter().map(|c| v.term(c.collocate)).collect();
        // Window 1: persons is next to trafficking 4 times, women once, crime once.
        assert_eq!(names[0], "persons");
        assert_eq!(found[0].pair.count, 4);
        assert_eq!(names.len(), 3);
        let counts_of: Vec<u64> = found.iter().map(|c| c.pair.count).collect();
        assert_eq!(counts_of.iter().sum::<u64>(), 6);
        let rows = collocates_of_all(&cooc, &[trafficking], v);
        assert_eq!(rows, found);
        let df = collocates_frame(&rows, &counts, v).unwrap();
        assert_eq!(df.height(), 3);
        let row = cooc
            .get(trafficking, v.term_id("persons").unwrap())
            .unwrap();
        let ll = df
            .column("log_likelihood")
            .unwrap()
            .f64()
            .unwrap()
            .get(0)
            .unwrap();
        assert_eq!(ll, cooc.contingency(row).log_likelihood());
    }

    fn collocate(collocate: TermId, n_ii: f64, n_xi: f64, count: u64) -> Collocate {
        Collocate {
            focus: 0,
            collocate,
            pair: TermPair {
                first: 0,
                second: collocate,
                count,
            },
            scores: Contingency::new(n_ii, 100.0, n_xi, 10_000.0),
        }
    }

    #[test]
    fn attraction_ranks_positive_scores_first_then_count_then_label() {
        let labels = ["focus", "persons", "drug", "the", "arms", "crime"];
        let list = [
            collocate(1, 50.0, 60.0, 50),
            collocate(2, 20.0, 60.0, 20),
            // Rarer together than chance: n_ii 1 < expected 100 * 1000 / 10000 = 10.
            collocate(3, 1.0, 1_000.0, 1),
            // Same table, same score: the label decides.
            collocate(5, 10.0, 30.0, 10),
            collocate(4, 10.0, 30.0, 10),
        ];
        let refs: Vec<&Collocate> = list.iter().collect();
        let ranked = attracting(&refs, |t| labels[t as usize]);
        let names: Vec<&str> = ranked
            .ranked
            .iter()
            .map(|c| labels[c.collocate as usize])
            .collect();
        assert_eq!(names, ["persons", "drug", "arms", "crime"]);
        assert_eq!(ranked.left_out, 1);
    }
}
