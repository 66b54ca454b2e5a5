//! `cooccurrence_network.png`: the strongest co-occurrence pairs as a network. Nodes are the
//! terms of the pairs (disc size: the term's count), edges the pairs (line width: their
//! log-likelihood); labels are the terms' labels. Only pairs seen more often than chance
//! predicts (pmi > 0) are drawn.

use super::network::{Edge, Network, Node};
use super::theme::format_number;
use crate::stats::cooccurrence::{Context, Cooccurrences};
use crate::stats::counts::CountTables;
use crate::text::{TermId, Vocabulary};

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

/// The network of the `max_pairs` strongest pairs (by log-likelihood, ties by terms).
pub fn network_chart(
    cooccurrences: &Cooccurrences,
    counts: &CountTables,
    vocab: &Vocabulary,
    max_pairs: usize,
    min_count: u64,
) -> Network {
    let mut scored: Vec<(f64, TermId, TermId)> = cooccurrences
        .pairs
        .iter()
        .map(|p| (cooccurrences.contingency(p), p.first, p.second))
        .filter(|(table, _, _)| table.attracts())
        .map(|(table, x, y)| (table.log_likelihood(), x, y))
        .collect();
    scored.sort_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then_with(|| vocab.term(a.1).cmp(vocab.term(b.1)))
            .then_with(|| vocab.term(a.2).cmp(vocab.term(b.2)))
    });
    scored.truncate(max_pairs);

    let mut terms: Vec<TermId> = Vec::new();
    let edges: Vec<Edge> = scored
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
            "Co-occurrence {unit}, stopwords left out; {} speeches; pairs seen at least {} times",
            format_number(counts.n_docs() as f64, 0),
            min_count
        ),
        nodes,
        edges,
        score_label: "log-likelihood".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::cooccurrence::count_cooccurrences;
    use crate::stats::counts::{count, tests::tokenized};

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
        let network = network_chart(&cooccurrences, &counts, v, 60, 1);
        let labels: Vec<&str> = network.nodes.iter().map(|n| n.label.as_str()).collect();
        assert_eq!(labels, ["c", "d"]);
    }
}
