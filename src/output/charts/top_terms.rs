//! `top_terms.png`: the corpus's most frequent terms as labelled bars.

use super::bar_chart::{Bar, BarChart};
use super::theme::format_number;
use crate::stats::counts::CountTables;
use crate::stats::frequency::per_10k;
use crate::text::{TermId, Vocabulary};

/// Bars shown.
pub const TOP_N: usize = 25;

/// The chart of the `TOP_N` most frequent terms (ties by term), labelled by their label.
pub fn top_terms_chart(counts: &CountTables, vocab: &Vocabulary, stemmed: bool) -> BarChart {
    let total = counts.total_tokens();
    let bars = most_frequent(counts, vocab, TOP_N)
        .into_iter()
        .map(|t| {
            let n = counts.term_count[t as usize];
            Bar {
                label: vocab.form(counts.term_label[t as usize]).to_owned(),
                value: n as f64,
                annotation: format!(
                    "{}  ({} per 10k)",
                    format_number(n as f64, 0),
                    format_number(per_10k(n, total), 1)
                ),
            }
        })
        .collect();
    let unit = if stemmed {
        "stemmed terms, each shown by its most frequent word form"
    } else {
        "word forms"
    };
    BarChart {
        title: format!("The {TOP_N} most frequent terms"),
        subtitle: format!(
            "{} speeches, {} words; stopwords left out; {unit}",
            format_number(counts.n_docs() as f64, 0),
            format_number(total as f64, 0)
        ),
        value_label: "Occurrences in the corpus".into(),
        bars,
    }
}

/// The `n` terms with the highest corpus count, ties broken by term.
pub fn most_frequent(counts: &CountTables, vocab: &Vocabulary, n: usize) -> Vec<TermId> {
    let mut terms: Vec<TermId> = counts.counted_terms().collect();
    terms.sort_by(|&a, &b| {
        counts.term_count[b as usize]
            .cmp(&counts.term_count[a as usize])
            .then_with(|| vocab.term(a).cmp(vocab.term(b)))
    });
    terms.truncate(n);
    terms
}
