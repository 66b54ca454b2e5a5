//! The corpus in one row: how many speeches, words and sentences, and how long a speech is.
//!
//! Columns of `corpus`: n_documents, n_tokens (word tokens, stopwords included), n_types
//! (distinct lowercased word forms), n_terms (distinct terms counted, stopwords excluded),
//! n_sentences, mean_tokens and median_tokens (speech length in word tokens; the median of an
//! even number of speeches is the mean of the two middle ones, as R's and numpy's `median`).

use polars::prelude::*;

use crate::columns;
use crate::error::Result;
use crate::stats::counts::CountTables;
use crate::stats::frame;
use crate::text::Vocabulary;

/// The one-row corpus summary.
pub(crate) fn corpus_frame(counts: &CountTables, vocab: &Vocabulary) -> Result<DataFrame> {
    let n_documents = counts.n_docs() as u64;
    let n_tokens = counts.total_tokens();
    let mean = if n_documents == 0 {
        0.0
    } else {
        n_tokens as f64 / n_documents as f64
    };
    frame(
        "corpus",
        vec![
            Column::new(columns::N_DOCUMENTS.name.into(), [n_documents]),
            Column::new(columns::N_TOKENS.name.into(), [n_tokens]),
            Column::new(columns::N_TYPES.name.into(), [vocab.n_forms() as u64]),
            Column::new(
                columns::N_TERMS.name.into(),
                [counts.counted_terms().count() as u64],
            ),
            Column::new(
                columns::N_SENTENCES.name.into(),
                [counts
                    .n_sentences
                    .iter()
                    .map(|&n| u64::from(n))
                    .sum::<u64>()],
            ),
            Column::new(columns::MEAN_TOKENS.name.into(), [mean]),
            Column::new(
                columns::MEDIAN_TOKENS.name.into(),
                [median(&counts.n_tokens)],
            ),
        ],
    )
}

/// The middle value, or the mean of the two middle values; 0 for no values.
fn median(values: &[u64]) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_unstable();
    let n = sorted.len();
    match n {
        0 => 0.0,
        _ if n % 2 == 1 => sorted[n / 2] as f64,
        _ => (sorted[n / 2 - 1] as f64 + sorted[n / 2] as f64) / 2.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::counts::{count, tests::tokenized};

    #[test]
    fn the_median_of_an_even_count_is_the_mean_of_the_middle_two() {
        assert_eq!(median(&[]), 0.0);
        assert_eq!(median(&[7]), 7.0);
        assert_eq!(median(&[9, 1, 4]), 4.0);
        assert_eq!(median(&[9, 1, 4, 2]), 3.0);
    }

    #[test]
    fn one_row_sums_up_the_corpus() {
        // 5 + 2 + 1 word tokens; "the" is a stopword: a type, not a term.
        let corpus = tokenized(
            &["The peace. Peace and war!", "Nations united", "war"],
            true,
            true,
        );
        let counts = count(&corpus);
        let df = corpus_frame(&counts, &corpus.vocab).unwrap();
        assert_eq!(df.height(), 1);
        let int = |name: &str| df.column(name).unwrap().u64().unwrap().get(0).unwrap();
        let float = |name: &str| df.column(name).unwrap().f64().unwrap().get(0).unwrap();
        assert_eq!(int("n_documents"), 3);
        assert_eq!(int("n_tokens"), 8);
        // the, peace, and, war, nations, united
        assert_eq!(int("n_types"), 6);
        // peac, war, nation, unit
        assert_eq!(int("n_terms"), 4);
        assert_eq!(int("n_sentences"), 4);
        assert!((float("mean_tokens") - 8.0 / 3.0).abs() < 1e-12);
        assert_eq!(float("median_tokens"), 2.0);
    }
}
