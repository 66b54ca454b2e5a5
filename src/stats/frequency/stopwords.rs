//! The stopwords in force and how much of the corpus they are: every word of the list (the
//! built-in Snowball list of the language, the `--stopwords` file, or none), with its tokens
//! in the corpus. Stopwords are counted in `n_tokens`, the denominator of every rate, but
//! never as terms, so this table is where a reader sees what was left out of the term list.
//!
//! Columns of `stopwords`: word, count, doc_freq, per_10k; most frequent first, ties by word
//! (a word of the list the corpus never uses has count 0).
//!
//! - `count`: tokens whose lowercased form is the word.
//! - `doc_freq`: speeches with at least one such token.
//! - `per_10k` = count / n_tokens × 10,000, n_tokens every word token of the corpus.

use polars::prelude::*;
use rayon::prelude::*;

use crate::columns;
use crate::error::Result;
use crate::stats::counts::per_10k;
use crate::stats::frame;
use crate::text::TokenizedCorpus;

/// The words of a stopword list with their tokens in a corpus.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct StopwordCounts {
    /// The list, in alphabetical order.
    pub words: Vec<String>,
    /// Tokens of each word.
    pub count: Vec<u64>,
    /// Speeches using each word.
    pub doc_freq: Vec<u32>,
}

/// Counts the tokens of each word of `list` (sorted, lowercased) in `tokens`: one pass.
pub(crate) fn count_stopwords(tokens: &TokenizedCorpus, list: &[&str]) -> StopwordCounts {
    let vocab = &tokens.vocab;
    // The list's index of each stopword form of the corpus.
    let index: Vec<Option<u32>> = (0..vocab.n_forms())
        .map(|form| {
            let form = form as u32;
            if !vocab.is_stopword(form) {
                return None;
            }
            let i = list.binary_search(&vocab.form(form)).ok()?;
            Some(i as u32)
        })
        .collect();
    let docs = tokens.source();
    // Runs of speeches counted on several threads, then added up: whole numbers, the same
    // whatever the runs.
    let sizes: Vec<u64> = (0..docs.n_docs())
        .map(|d| docs.tokens_of(d) as u64 + 1)
        .collect();
    let runs = crate::chunks::ranges_per_thread(&sizes, 4);
    let per_run: Vec<(Vec<u64>, Vec<u32>)> = runs
        .into_par_iter()
        .map(|run| {
            let mut count = vec![0u64; list.len()];
            let mut doc_freq = vec![0u32; list.len()];
            let mut last_doc = vec![usize::MAX; list.len()];
            for d in run {
                for &form in &docs.doc(d).forms {
                    if let Some(i) = index[form as usize] {
                        let i = i as usize;
                        count[i] += 1;
                        if last_doc[i] != d {
                            last_doc[i] = d;
                            doc_freq[i] += 1;
                        }
                    }
                }
            }
            (count, doc_freq)
        })
        .collect();
    let mut count = vec![0u64; list.len()];
    let mut doc_freq = vec![0u32; list.len()];
    for (run_count, run_doc_freq) in per_run {
        count.iter_mut().zip(run_count).for_each(|(c, n)| *c += n);
        doc_freq
            .iter_mut()
            .zip(run_doc_freq)
            .for_each(|(c, n)| *c += n);
    }
    StopwordCounts {
        words: list.iter().map(|w| (*w).to_owned()).collect(),
        count,
        doc_freq,
    }
}

/// The `stopwords` table: one row per word of the list, most frequent first (ties by word).
pub(crate) fn stopwords_frame(counts: &StopwordCounts, total_tokens: u64) -> Result<DataFrame> {
    let mut order: Vec<usize> = (0..counts.words.len()).collect();
    order.sort_by(|&a, &b| {
        counts.count[b]
            .cmp(&counts.count[a])
            .then_with(|| counts.words[a].cmp(&counts.words[b]))
    });
    frame(
        "stopwords",
        vec![
            Column::new(
                columns::WORD.name.into(),
                order
                    .iter()
                    .map(|&i| counts.words[i].as_str())
                    .collect::<Vec<_>>(),
            ),
            Column::new(
                columns::COUNT.name.into(),
                order.iter().map(|&i| counts.count[i]).collect::<Vec<_>>(),
            ),
            Column::new(
                columns::DOC_FREQ.name.into(),
                order
                    .iter()
                    .map(|&i| counts.doc_freq[i])
                    .collect::<Vec<_>>(),
            ),
            Column::new(
                columns::PER_10K.name.into(),
                order
                    .iter()
                    .map(|&i| per_10k(counts.count[i], total_tokens))
                    .collect::<Vec<_>>(),
            ),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::counts::tests::tokenized;

    #[test]
    fn every_word_of_the_list_with_its_tokens_most_frequent_first() {
        // "the" 3 times in two speeches, "of" once, "and" never; 10 tokens in all.
        let corpus = tokenized(
            &["The war of the nations", "The peace holds firm now"],
            false,
            true,
        );
        let counts = count_stopwords(&corpus, &["and", "of", "the"]);
        assert_eq!(counts.count, [0, 1, 3]);
        assert_eq!(counts.doc_freq, [0, 1, 2]);
        let df = stopwords_frame(&counts, 10).unwrap();
        let words = df.column("word").unwrap().str().unwrap();
        let words: Vec<Option<&str>> = (0..words.len()).map(|i| words.get(i)).collect();
        assert_eq!(words, [Some("the"), Some("of"), Some("and")]);
        let rates: Vec<f64> = df
            .column("per_10k")
            .unwrap()
            .f64()
            .unwrap()
            .into_no_null_iter()
            .collect();
        assert_eq!(rates, [3_000.0, 1_000.0, 0.0]);
    }
}
