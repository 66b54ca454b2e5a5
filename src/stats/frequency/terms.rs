//! Term frequencies: the corpus term list and the document-by-term table.
//!
//! Columns of `terms`: term, label, count, doc_freq, per_10k, dp, dp_norm (most frequent
//! first). `doc_freq` is the term's range; `dp` and `dp_norm` its dispersion over the
//! speeches ([`crate::stats::profile::dispersion`]).
//! Columns of `term_frequency`: doc_id, term, label, count, per_10k, tf_idf (documents in
//! corpus order; within one, most frequent first).
//!
//! - `per_10k` = count / n_tokens * 10,000, where n_tokens counts every word token of the
//!   document (or corpus), stopwords included.
//! - `doc_freq` = number of documents containing the term.
//! - `tf_idf` = (count / n_tokens(d)) * ln(N_docs / doc_freq): the tidytext and NLTK
//!   convention (quanteda uses raw counts and log10, scikit-learn smooths and L2-normalises).

use polars::prelude::*;
use rayon::prelude::*;

use crate::chunks::table_parts;
use crate::columns;
use crate::error::Result;
use crate::stats::counts::{per_10k, CountTables};
use crate::stats::frame;
use crate::stats::profile::dispersion::dispersion;
use crate::text::{TermId, Vocabulary};

/// Relative frequency in the document times the natural-log inverse document frequency.
pub fn tf_idf(count: u64, n_tokens: u64, n_docs: usize, doc_freq: u32) -> f64 {
    tf_idf_with(count, n_tokens, idf(n_docs, doc_freq))
}

/// ln(N_docs / doc_freq); 0 for a term no document uses.
pub fn idf(n_docs: usize, doc_freq: u32) -> f64 {
    match doc_freq {
        0 => 0.0,
        _ => (n_docs as f64 / f64::from(doc_freq)).ln(),
    }
}

/// [`tf_idf`] with the term's [`idf`] worked out once for every row of the term.
pub fn tf_idf_with(count: u64, n_tokens: u64, idf: f64) -> f64 {
    match n_tokens {
        0 => 0.0,
        _ => (count as f64 / n_tokens as f64) * idf,
    }
}

/// The terms in alphabetical order, both ways: each term's place, and the term at each place.
pub(crate) struct Alphabetical {
    rank: Vec<u32>,
    term: Vec<TermId>,
}

impl Alphabetical {
    pub(crate) fn of(vocab: &Vocabulary) -> Alphabetical {
        let rank = vocab.alphabetical_term_ranks();
        let mut term = vec![0; rank.len()];
        for (t, &r) in rank.iter().enumerate() {
            term[r as usize] = t as TermId;
        }
        Alphabetical { rank, term }
    }

    /// The terms from first to last in alphabetical order.
    pub(crate) fn terms(&self) -> &[TermId] {
        &self.term
    }
}

/// The counted terms of document `d` in the table's order: most frequent first, ties in
/// alphabetical order.
pub(crate) fn sorted_row(
    counts: &CountTables,
    order: &Alphabetical,
    d: usize,
) -> Vec<(TermId, u32)> {
    sorted_places(counts, order, d)
        .map(|(place, n)| (order.term[place as usize], n))
        .collect()
}

/// [`sorted_row`] with each term given by its place in alphabetical order. Each entry is
/// sorted as one integer (the count's complement, then the term's place), several times
/// quicker than a key computed at each comparison.
pub(crate) fn sorted_places(
    counts: &CountTables,
    order: &Alphabetical,
    d: usize,
) -> impl Iterator<Item = (u32, u32)> {
    let mut keys: Vec<u64> = counts
        .doc_terms
        .row(d)
        .iter()
        .map(|&(t, n)| u64::from(!n) << 32 | u64::from(order.rank[t as usize]))
        .collect();
    keys.sort_unstable();
    keys.into_iter()
        .map(|key| ((key & 0xFFFF_FFFF) as u32, !((key >> 32) as u32)))
}

/// The corpus term list, most frequent first (ties by term).
pub fn terms_frame(counts: &CountTables, vocab: &Vocabulary) -> Result<DataFrame> {
    let total = counts.total_tokens();
    let terms: Vec<TermId> = counts.counted_terms().collect();
    let count: Vec<u64> = terms
        .iter()
        .map(|&t| counts.term_count[t as usize])
        .collect();
    let rate: Vec<f64> = count.iter().map(|&c| per_10k(c, total)).collect();
    let doc_freq: Vec<u32> = terms
        .iter()
        .map(|&t| counts.term_doc_freq[t as usize])
        .collect();
    let totals: Vec<(TermId, u64)> = terms.iter().zip(&count).map(|(&t, &n)| (t, n)).collect();
    let spread = dispersion(&totals, &counts.n_tokens, counts.doc_terms.iter());
    let df = frame(
        "terms",
        vec![
            Column::new(columns::TERM.name.into(), term_strings(&terms, vocab)),
            Column::new(
                columns::LABEL.name.into(),
                label_strings(&terms, counts, vocab),
            ),
            Column::new(columns::COUNT.name.into(), count),
            Column::new(columns::DOC_FREQ.name.into(), doc_freq),
            Column::new(columns::PER_10K.name.into(), rate),
            Column::new(
                columns::DP.name.into(),
                spread.iter().map(|s| s.dp).collect::<Vec<_>>(),
            ),
            Column::new(
                columns::DP_NORM.name.into(),
                spread.iter().map(|s| s.dp_norm).collect::<Vec<_>>(),
            ),
        ],
    )?;
    df.sort(
        [columns::COUNT.name, columns::TERM.name],
        SortMultipleOptions::new().with_order_descending_multi([true, false]),
    )
    .map_err(|source| crate::error::Error::Table {
        table: "terms",
        source,
    })
}

/// One row per document and counted term, in parts of whole documents of about
/// `rows_per_part` rows handed to `emit` in order: the table of a large corpus never exists
/// whole.
pub(crate) fn term_frequency_frames(
    counts: &CountTables,
    vocab: &Vocabulary,
    doc_ids: &[String],
    rows_per_part: usize,
    emit: &mut dyn FnMut(DataFrame) -> Result<()>,
) -> Result<()> {
    let order = Alphabetical::of(vocab);
    let rows = (0..counts.n_docs()).map(|d| counts.doc_terms.entries(d) as u64);
    for docs in table_parts(rows, u64::try_from(rows_per_part).unwrap_or(u64::MAX)) {
        emit(term_frequency_part(counts, vocab, doc_ids, &order, docs)?)?;
    }
    Ok(())
}

/// The rows of documents `docs`.
fn term_frequency_part(
    counts: &CountTables,
    vocab: &Vocabulary,
    doc_ids: &[String],
    order: &Alphabetical,
    docs: std::ops::Range<usize>,
) -> Result<DataFrame> {
    let n_docs = counts.n_docs();
    // (document, term, count) in table order, each document sorted on its own thread.
    let first = docs.start;
    let rows: Vec<(usize, TermId, u64)> = docs
        .into_par_iter()
        .enumerate()
        .map(|(i, d)| {
            sorted_row(counts, order, d)
                .into_iter()
                .map(|(t, n)| (first + i, t, u64::from(n)))
                .collect::<Vec<_>>()
        })
        .collect::<Vec<_>>()
        .concat();
    let column = |index: usize| -> Column {
        match index {
            0 => Column::new(
                columns::DOC_ID.name.into(),
                rows.iter()
                    .map(|r| doc_ids[r.0].as_str())
                    .collect::<Vec<_>>(),
            ),
            1 => Column::new(
                columns::TERM.name.into(),
                rows.iter().map(|r| vocab.term(r.1)).collect::<Vec<_>>(),
            ),
            2 => Column::new(
                columns::LABEL.name.into(),
                rows.iter()
                    .map(|r| vocab.form(counts.term_label[r.1 as usize]))
                    .collect::<Vec<_>>(),
            ),
            3 => Column::new(
                columns::COUNT.name.into(),
                rows.iter().map(|r| r.2).collect::<Vec<_>>(),
            ),
            4 => Column::new(
                columns::PER_10K.name.into(),
                rows.iter()
                    .map(|r| per_10k(r.2, counts.n_tokens[r.0]))
                    .collect::<Vec<_>>(),
            ),
            _ => Column::new(
                columns::TF_IDF.name.into(),
                rows.iter()
                    .map(|r| {
                        tf_idf(
                            r.2,
                            counts.n_tokens[r.0],
                            n_docs,
                            counts.term_doc_freq[r.1 as usize],
                        )
                    })
                    .collect::<Vec<_>>(),
            ),
        }
    };
    frame(
        "term_frequency",
        (0..6).into_par_iter().map(column).collect(),
    )
}

fn term_strings<'a>(terms: &[TermId], vocab: &'a Vocabulary) -> Vec<&'a str> {
    terms.iter().map(|&t| vocab.term(t)).collect()
}

fn label_strings<'a>(
    terms: &[TermId],
    counts: &CountTables,
    vocab: &'a Vocabulary,
) -> Vec<&'a str> {
    terms
        .iter()
        .map(|&t| vocab.form(counts.term_label[t as usize]))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::counts::{count, tests::tokenized};

    /// The whole table as one frame.
    fn term_frequency_frame(
        counts: &CountTables,
        vocab: &Vocabulary,
        doc_ids: &[String],
    ) -> Result<DataFrame> {
        let mut whole = None;
        term_frequency_frames(counts, vocab, doc_ids, usize::MAX, &mut |part| {
            whole = Some(part);
            Ok(())
        })?;
        match whole {
            Some(df) => Ok(df),
            None => term_frequency_part(counts, vocab, doc_ids, &Alphabetical::of(vocab), 0..0),
        }
    }

    #[test]
    fn tf_idf_matches_the_worked_example() {
        // STATISTICS.md: d1 = "this is a a sample", d2 = "this is another another example
        // example example", no stopwords, no stemming: tf_idf(example, d2) = 0.297063.
        assert!((tf_idf(3, 7, 2, 1) - 0.297063).abs() < 5e-7);
        let corpus = tokenized(
            &[
                "this is a a sample",
                "this is another another example example example",
            ],
            false,
            false,
        );
        let counts = count(&corpus);
        let ids = ["d1".to_owned(), "d2".to_owned()];
        let df = term_frequency_frame(&counts, &corpus.vocab, &ids).unwrap();
        let terms = df.column("term").unwrap().str().unwrap();
        let docs = df.column("doc_id").unwrap().str().unwrap();
        let tfidf = df.column("tf_idf").unwrap().f64().unwrap();
        let row = (0..df.height())
            .find(|&i| docs.get(i) == Some("d2") && terms.get(i) == Some("example"))
            .unwrap();
        assert!((tfidf.get(row).unwrap() - 0.297063).abs() < 5e-7);
        // "this" is in both documents: idf = ln(2/2) = 0.
        let this = (0..df.height())
            .find(|&i| docs.get(i) == Some("d1") && terms.get(i) == Some("this"))
            .unwrap();
        assert_eq!(tfidf.get(this), Some(0.0));
    }

    #[test]
    fn the_table_in_parts_is_the_whole_table_of_whole_documents() {
        let corpus = tokenized(&["a b a c", "b b d", "e", "a e e f g"], false, false);
        let counts = count(&corpus);
        let ids: Vec<String> = (1..=4).map(|i| format!("d{i}")).collect();
        let whole = term_frequency_frame(&counts, &corpus.vocab, &ids).unwrap();
        let mut parts = Vec::new();
        term_frequency_frames(&counts, &corpus.vocab, &ids, 3, &mut |part| {
            parts.push(part);
            Ok(())
        })
        .unwrap();
        // Parts end once they reach 3 rows: the first document (3), the next two (2 + 1),
        // the last (4).
        let heights: Vec<usize> = parts.iter().map(DataFrame::height).collect();
        assert_eq!(heights, [3, 3, 4]);
        let mut joined = parts[0].clone();
        for part in &parts[1..] {
            joined.vstack_mut(part).unwrap();
        }
        assert!(joined.equals(&whole));
    }

    #[test]
    fn per_10k_uses_all_tokens_as_denominator() {
        assert_eq!(per_10k(3, 7), 3.0 / 7.0 * 10_000.0);
        assert_eq!(per_10k(0, 0), 0.0);
        // Stopwords count in the denominator: "the" is not counted but is a token.
        let corpus = tokenized(&["the peace the peace the"], false, true);
        let counts = count(&corpus);
        let df = terms_frame(&counts, &corpus.vocab).unwrap();
        assert_eq!(df.height(), 1);
        let rate = df.column("per_10k").unwrap().f64().unwrap().get(0).unwrap();
        assert!((rate - 4_000.0).abs() < 1e-9);
    }

    #[test]
    fn terms_are_sorted_by_count_then_term() {
        let corpus = tokenized(&["b a c b a d"], false, false);
        let counts = count(&corpus);
        let df = terms_frame(&counts, &corpus.vocab).unwrap();
        let terms: Vec<&str> = df
            .column("term")
            .unwrap()
            .str()
            .unwrap()
            .iter()
            .flatten()
            .collect();
        assert_eq!(terms, ["a", "b", "c", "d"]);
        let names: Vec<&str> = df
            .get_column_names()
            .into_iter()
            .map(|n| n.as_str())
            .collect();
        assert_eq!(
            names,
            ["term", "label", "count", "doc_freq", "per_10k", "dp", "dp_norm"]
        );
    }
}
