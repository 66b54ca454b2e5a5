//! `top_terms.png`: the corpus's most frequent terms as labelled bars.

use crate::output::charts::theme::format_number;
use crate::output::charts::{Bar, BarChart};
use crate::stats::counts::{per_10k, CountTables};
use crate::stats::frequency::ranking::most_frequent;
use crate::text::Vocabulary;

/// Bars shown.
pub(crate) const TOP_N: usize = 25;

/// The [`TOP_N`] most frequent terms (ties by term), labelled by their label.
pub(crate) fn figure(counts: &CountTables, vocab: &Vocabulary, stemmed: bool) -> BarChart {
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
            "{}, {} words; stopwords left out; {unit}",
            super::speeches(counts.n_docs()),
            format_number(total as f64, 0)
        ),
        value_label: "Occurrences in the corpus".into(),
        bars,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::counts::{count, tests::tokenized};

    #[test]
    fn bars_are_the_most_frequent_terms_with_count_and_rate() {
        let corpus = tokenized(&["Peace, peace and war. Nations united."], true, true);
        let counts = count(&corpus);
        let chart = figure(&counts, &corpus.vocab, true);
        let labels: Vec<&str> = chart.bars.iter().map(|b| b.label.as_str()).collect();
        assert_eq!(labels, ["peace", "nations", "united", "war"]);
        assert_eq!(chart.bars[0].annotation, "2  (3,333.3 per 10k)");
        assert_eq!(
            chart.subtitle,
            "1 speech, 6 words; stopwords left out; stemmed terms, each shown by its most frequent word form"
        );
    }
}
