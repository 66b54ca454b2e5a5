//! `cooccurrence_network.png`: the strongest co-occurrence pairs as a network. Nodes are the
//! terms of the pairs (disc size: the term's count), edges the pairs (line width: their
//! log-likelihood); labels are the terms' labels. Only pairs seen more often than chance
//! predicts (pmi > 0) are drawn
//! ([`strongest_attracting`](crate::stats::pairs::cooccurrence::strongest_attracting)).

use crate::output::charts::{Edge, Network, Node};
use crate::stats::counts::CountTables;
use crate::stats::pairs::cooccurrence::{strongest_attracting, Context, Cooccurrences};
use crate::text::{TermId, Vocabulary};

/// Pairs drawn.
pub(crate) const PAIRS: usize = 60;

/// The network of the [`PAIRS`] strongest attracting pairs.
pub(crate) fn figure(
    cooccurrences: &Cooccurrences,
    counts: &CountTables,
    vocab: &Vocabulary,
    min_count: u64,
) -> Network {
    let mut terms: Vec<TermId> = Vec::new();
    let edges: Vec<Edge> = strongest_attracting(cooccurrences, vocab, PAIRS)
        .iter()
        .map(|&(score, x, y)| Edge {
            a: index_of(x, &mut terms),
            b: index_of(y, &mut terms),
            score,
        })
        .collect();
    let nodes = terms
        .iter()
        .map(|&t| Node {
            label: vocab.form(counts.term_label[t as usize]).to_owned(),
            frequency: counts.term_count[t as usize] as f64,
        })
        .collect();
    let unit = match cooccurrences.context {
        Context::Window(w) => format!("within {w} words in a sentence"),
        Context::Sentence => "in the same sentence".to_owned(),
        Context::Document => "in the same speech".to_owned(),
    };
    Network {
        title: format!(
            "Words that keep company: the {} strongest pairs",
            edges.len()
        ),
        subtitle: format!(
            "Co-occurrence {unit}, stopwords left out; {}; pairs seen at least {} times",
            super::speeches(counts.n_docs()),
            min_count
        ),
        nodes,
        edges,
        score_label: "log-likelihood".to_owned(),
    }
}

/// The index of `t` in `terms`, adding it at the end if missing.
fn index_of(t: TermId, terms: &mut Vec<TermId>) -> usize {
    match terms.iter().position(|&x| x == t) {
        Some(i) => i,
        None => {
            terms.push(t);
            terms.len() - 1
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::counts::{count, tests::tokenized};
    use crate::stats::pairs::cooccurrence::count_cooccurrences;

    #[test]
    fn pairs_that_avoid_each_other_are_not_drawn() {
        // a and b fill their own sentences and meet once: far rarer together than chance
        // predicts (pmi < 0), though their G2 is large. c and d meet once and occur nowhere
        // else: attraction.
        let corpus = tokenized(&["a a a a a a. B b b b b b. A b. C d."], false, false);
        let counts = count(&corpus);
        let cooccurrences = count_cooccurrences(&corpus, Context::Window(5), 1);
        let v = &corpus.vocab;
        let (a, b) = (v.term_id("a").unwrap(), v.term_id("b").unwrap());
        let avoiding = cooccurrences.get(a, b).unwrap();
        assert!(cooccurrences.contingency(avoiding).pmi() < 0.0);
        let network = figure(&cooccurrences, &counts, v, 1);
        let labels: Vec<&str> = network.nodes.iter().map(|n| n.label.as_str()).collect();
        assert_eq!(labels, ["c", "d"]);
        assert_eq!(network.edges.len(), 1);
    }
}
