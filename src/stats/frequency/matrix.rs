//! The wide term table: one row per speech (or group), one column per term, the rate of the
//! term in the row: the shape a spreadsheet user pivots and charts, and a document-feature
//! matrix (quanteda's `dfm_weight(scheme = "prop")` times 10,000) cut to the most frequent
//! terms.
//!
//! Columns of `term_matrix`: doc_id (or the grouping column), n_tokens, then one column per
//! term: the `n` most frequent terms of the corpus (ties by term), most frequent first, each
//! named by its label (its most frequent word form) and holding per_10k = count / n_tokens *
//! 10,000 in the row.

use polars::prelude::*;
use rayon::prelude::*;

use crate::columns;
use crate::error::Result;
use crate::stats::counts::{per_10k, CountTables};
use crate::stats::frame;
use crate::stats::frequency::ranking::most_frequent;
use crate::stats::groups::{GroupCounts, Groups};
use crate::text::{TermId, Vocabulary};

/// Most columns a spreadsheet shows (Excel's limit, 16,384), less the row name and n_tokens.
pub const MAX_MATRIX_TERMS: usize = 16_384 - 2;

/// What the rows of the matrix are.
pub(crate) enum MatrixRows<'a> {
    /// One row per speech.
    Speeches { doc_ids: &'a [String] },
    /// One row per group of speeches.
    Groups {
        groups: &'a Groups,
        sums: &'a GroupCounts,
    },
}

/// Rows by terms: per_10k of each of the `n` most frequent terms.
pub(crate) fn term_matrix_frame(
    rows: MatrixRows<'_>,
    counts: &CountTables,
    vocab: &Vocabulary,
    n: usize,
) -> Result<DataFrame> {
    let terms = most_frequent(counts, vocab, n.min(MAX_MATRIX_TERMS));
    // Each row's counts of the chosen terms, by position in `terms`.
    let columns_of = |entries: &[(TermId, u64)], n_tokens: u64| -> Vec<f64> {
        terms
            .iter()
            .map(|&t| {
                let count = entries
                    .binary_search_by_key(&t, |&(term, _)| term)
                    .map_or(0, |i| entries[i].1);
                per_10k(count, n_tokens)
            })
            .collect()
    };
    let (id_column, names, n_tokens, rates): (&str, &[String], Vec<u64>, Vec<Vec<f64>>) = match rows
    {
        MatrixRows::Speeches { doc_ids } => (
            columns::DOC_ID.name,
            doc_ids,
            counts.n_tokens.clone(),
            (0..counts.n_docs())
                .into_par_iter()
                .map(|d| (counts.doc_terms.row(d), counts.n_tokens[d]))
                .map(|(entries, n)| {
                    let wide: Vec<(TermId, u64)> =
                        entries.iter().map(|&(t, c)| (t, u64::from(c))).collect();
                    columns_of(&wide, n)
                })
                .collect(),
        ),
        MatrixRows::Groups { groups, sums } => (
            groups.column.as_str(),
            &groups.names,
            sums.n_tokens.clone(),
            sums.terms
                .iter()
                .zip(&sums.n_tokens)
                .map(|(entries, &n)| columns_of(entries, n))
                .collect(),
        ),
    };
    let mut table = vec![
        Column::new(id_column.into(), names),
        Column::new(columns::N_TOKENS.name.into(), n_tokens),
    ];
    let mut taken: Vec<String> = vec![id_column.to_owned(), columns::N_TOKENS.name.to_owned()];
    for (i, &t) in terms.iter().enumerate() {
        let name = column_name(vocab.form(counts.term_label[t as usize]), &taken);
        table.push(Column::new(
            name.as_str().into(),
            rates.iter().map(|row| row[i]).collect::<Vec<f64>>(),
        ));
        taken.push(name);
    }
    frame("term_matrix", table)
}

/// A term's column name: its label, or, where that is already a column's name (a term
/// spelled `n_tokens`, or two terms with one label), the label with a number.
fn column_name(label: &str, taken: &[String]) -> String {
    let mut name = label.to_owned();
    let mut n = 2;
    while taken.contains(&name) {
        name = format!("{label} ({n})");
        n += 1;
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::counts::{count, tests::tokenized};

    #[test]
    fn rows_hold_the_rate_of_the_most_frequent_terms() {
        // Without stemming and stopwords: "peace" 3 times, "war" twice, "law" once.
        let corpus = tokenized(&["peace war peace", "peace law war love"], false, false);
        let counts = count(&corpus);
        let ids = vec!["a".to_owned(), "b".to_owned()];
        let df = term_matrix_frame(
            MatrixRows::Speeches { doc_ids: &ids },
            &counts,
            &corpus.vocab,
            2,
        )
        .unwrap();
        let names: Vec<&str> = df.get_column_names().iter().map(|n| n.as_str()).collect();
        assert_eq!(names, ["doc_id", "n_tokens", "peace", "war"]);
        let peace = df.column("peace").unwrap().f64().unwrap();
        assert_eq!(peace.get(0), Some(2.0 / 3.0 * 10_000.0));
        assert_eq!(peace.get(1), Some(2_500.0));
        let war = df.column("war").unwrap().f64().unwrap();
        assert_eq!(war.get(1), Some(2_500.0));
        assert_eq!(
            df.column("n_tokens").unwrap().u64().unwrap().get(1),
            Some(4)
        );
    }

    #[test]
    fn groups_sum_their_speeches() {
        let corpus = tokenized(&["peace war", "peace", "war war"], false, false);
        let counts = count(&corpus);
        let groups = Groups {
            column: "party".into(),
            names: vec!["red".into(), "blue".into()],
            of_doc: vec![0, 0, 1],
        };
        let sums = GroupCounts::sum(&counts, &groups);
        let df = term_matrix_frame(
            MatrixRows::Groups {
                groups: &groups,
                sums: &sums,
            },
            &counts,
            &corpus.vocab,
            10,
        )
        .unwrap();
        assert_eq!(df.get_column_names()[0].as_str(), "party");
        // "war" 3 times, "peace" twice: war first.
        let names: Vec<&str> = df.get_column_names().iter().map(|n| n.as_str()).collect();
        assert_eq!(names[2..], ["war", "peace"]);
        let peace = df.column("peace").unwrap().f64().unwrap();
        assert_eq!(peace.get(0), Some(2.0 / 3.0 * 10_000.0));
        assert_eq!(peace.get(1), Some(0.0));
    }

    #[test]
    fn a_term_named_like_a_column_gets_a_number() {
        let taken = vec!["doc_id".to_owned(), "n_tokens".to_owned()];
        assert_eq!(column_name("n_tokens", &taken), "n_tokens (2)");
        assert_eq!(column_name("peace", &taken), "peace");
    }
}
