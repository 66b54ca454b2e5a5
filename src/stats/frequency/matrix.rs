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

/// Cells of the matrix built at a time: a table of a speech per row is written a slice of
/// rows at a time, so that its memory does not grow with the corpus.
const CELLS_PER_PART: usize = 1 << 20;

/// Rows by terms: per_10k of each of the `n` most frequent terms, built a slice of rows at
/// a time.
pub(crate) struct TermMatrix<'a> {
    rows: MatrixRows<'a>,
    counts: &'a CountTables,
    /// The terms of the columns, most frequent first, and the columns' names.
    terms: Vec<TermId>,
    names: Vec<String>,
}

impl<'a> TermMatrix<'a> {
    pub fn new(
        rows: MatrixRows<'a>,
        counts: &'a CountTables,
        vocab: &Vocabulary,
        n: usize,
    ) -> TermMatrix<'a> {
        let terms = most_frequent(counts, vocab, n.min(MAX_MATRIX_TERMS));
        let id_column = match rows {
            MatrixRows::Speeches { .. } => columns::DOC_ID.name,
            MatrixRows::Groups { groups, .. } => groups.column.as_str(),
        };
        let mut names: Vec<String> = vec![id_column.to_owned(), columns::N_TOKENS.name.to_owned()];
        for &t in &terms {
            let name = column_name(vocab.form(counts.term_label[t as usize]), &names);
            names.push(name);
        }
        TermMatrix {
            rows,
            counts,
            terms,
            names,
        }
    }

    /// The row slices to build, in order (at least one, so that an empty table gets its
    /// columns).
    pub fn parts(&self) -> Vec<std::ops::Range<usize>> {
        let n = match self.rows {
            MatrixRows::Speeches { doc_ids } => doc_ids.len(),
            MatrixRows::Groups { groups, .. } => groups.names.len(),
        };
        crate::chunks::row_parts(n, CELLS_PER_PART / self.names.len())
    }

    /// The rows `range`.
    pub fn frame(&self, range: std::ops::Range<usize>) -> Result<DataFrame> {
        let terms = &self.terms;
        // The rates of the chosen terms, a column each.
        let mut rates: Vec<Vec<f64>> = vec![Vec::with_capacity(range.len()); terms.len()];
        // A row's counts of the chosen terms, in their order.
        let mut add_row = |counts: &mut dyn Iterator<Item = u64>, n_tokens: u64| {
            for (column, count) in rates.iter_mut().zip(counts) {
                column.push(per_10k(count, n_tokens));
            }
        };
        let (names, n_tokens): (&[String], Vec<u64>) = match self.rows {
            MatrixRows::Speeches { doc_ids } => {
                // Each row (perhaps read back from a file) cut to the chosen terms' counts
                // as soon as it is read: the slice never holds whole rows.
                let chosen: Vec<Vec<u64>> = range
                    .clone()
                    .into_par_iter()
                    .map(|d| {
                        let row = self.counts.doc_terms.row(d);
                        let count_of = |t: TermId| {
                            row.binary_search_by_key(&t, |&(term, _)| term)
                                .map_or(0, |i| u64::from(row[i].1))
                        };
                        terms.iter().map(|&t| count_of(t)).collect()
                    })
                    .collect();
                for (counts, d) in chosen.iter().zip(range.clone()) {
                    add_row(&mut counts.iter().copied(), self.counts.n_tokens[d]);
                }
                (
                    &doc_ids[range.clone()],
                    self.counts.n_tokens[range].to_vec(),
                )
            }
            MatrixRows::Groups { groups, sums } => {
                for g in range.clone() {
                    let entries = &sums.terms[g];
                    let count_of = |t: TermId| {
                        entries
                            .binary_search_by_key(&t, |&(term, _)| term)
                            .map_or(0, |i| entries[i].1)
                    };
                    add_row(&mut terms.iter().map(|&t| count_of(t)), sums.n_tokens[g]);
                }
                (&groups.names[range.clone()], sums.n_tokens[range].to_vec())
            }
        };
        let mut table = vec![
            Column::new(self.names[0].as_str().into(), names),
            Column::new(self.names[1].as_str().into(), n_tokens),
        ];
        for (name, column) in self.names[2..].iter().zip(rates) {
            table.push(Column::new(name.as_str().into(), column));
        }
        frame("term_matrix", table)
    }
}

/// The whole matrix as one frame.
#[cfg(test)]
pub(crate) fn term_matrix_frame(
    rows: MatrixRows<'_>,
    counts: &CountTables,
    vocab: &Vocabulary,
    n: usize,
) -> Result<DataFrame> {
    let matrix = TermMatrix::new(rows, counts, vocab, n);
    let all = matrix.parts();
    matrix.frame(all[0].start..all[all.len() - 1].end)
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
    fn slices_of_rows_make_the_whole_matrix() {
        let corpus = tokenized(
            &["peace war peace", "peace law war love", "law law", "war"],
            false,
            false,
        );
        let counts = count(&corpus);
        let ids: Vec<String> = ["a", "b", "c", "d"].map(String::from).to_vec();
        let rows = || MatrixRows::Speeches { doc_ids: &ids };
        let whole = term_matrix_frame(rows(), &counts, &corpus.vocab, 3).unwrap();
        let matrix = TermMatrix::new(rows(), &counts, &corpus.vocab, 3);
        let mut sliced = matrix.frame(0..1).unwrap();
        for part in [1..3, 3..4] {
            sliced.vstack_mut(&matrix.frame(part).unwrap()).unwrap();
        }
        assert!(sliced.equals(&whole));
        assert_eq!(whole.height(), 4);
        assert_eq!(matrix.parts(), vec![0..4]);
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
