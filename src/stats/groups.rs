//! Grouping documents by a metadata column (speaker, country, year, ...) and summing their
//! counts, the basis of every per-group comparison. Groups are in natural order (numerically
//! when every value is a number, as years are; the blank group last). A group's rate is its
//! summed counts over its summed n_tokens.

use std::collections::HashMap;

use rayon::prelude::*;

use super::counts::{per_10k, sum_by_term, CountTables};
use crate::columns;
use crate::corpus::Corpus;
use crate::error::{Error, Result};
use crate::text::TermId;

/// The name given to documents whose grouping value is empty.
pub const BLANK_GROUP: &str = "(blank)";

/// A partition of the documents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Groups {
    /// What the groups are: a metadata column name, or "doc_id" for one group per document.
    pub column: String,
    pub names: Vec<String>,
    /// Group index of each document.
    pub of_doc: Vec<usize>,
}

impl Groups {
    /// One group per distinct value of a metadata column, or, for columns joined by commas
    /// (`iso3,year`), per distinct combination of their values, named by the values joined
    /// with a space (`UKR 2022`) and ordered by the first column's values, then the next's.
    pub fn by_column(corpus: &Corpus, column: &str) -> Result<Groups> {
        let parts: Vec<&str> = column.split(',').map(str::trim).collect();
        if let Some(twice) = parts
            .iter()
            .enumerate()
            .find_map(|(i, part)| parts[..i].contains(part).then_some(part))
        {
            return Err(Error::Option {
                option: "--group-by",
                message: format!(
                    "{column:?} names the column {twice:?} twice: join different columns, \
                     e.g. iso3,year"
                ),
            });
        }
        let indices = parts
            .iter()
            .map(|&part| {
                corpus
                    .metadata_index(part)
                    .ok_or_else(|| Error::UnknownColumn {
                        option: "--group-by",
                        column: part.to_owned(),
                        known: corpus.metadata_columns.join(", "),
                    })
            })
            .collect::<Result<Vec<usize>>>()?;
        let values: Vec<Vec<&str>> = corpus
            .documents
            .iter()
            .map(|d| {
                indices
                    .iter()
                    .map(|&index| match d.metadata[index].trim() {
                        "" => BLANK_GROUP,
                        value => value,
                    })
                    .collect()
            })
            .collect();
        let mut distinct: Vec<&[&str]> = values.iter().map(Vec::as_slice).collect();
        distinct.sort_by(|a, b| {
            a.iter()
                .zip(b.iter())
                .map(|(x, y)| natural_order(x, y))
                .find(|order| order.is_ne())
                .unwrap_or(std::cmp::Ordering::Equal)
        });
        distinct.dedup();
        // By a map, not a search of the names: a grouping may have a group per speech.
        let index_of: HashMap<&[&str], usize> = distinct
            .iter()
            .enumerate()
            .map(|(i, parts)| (*parts, i))
            .collect();
        let of_doc = values.iter().map(|v| index_of[v.as_slice()]).collect();
        Ok(Groups {
            column: parts.join(","),
            names: distinct.iter().map(|parts| parts.join(" ")).collect(),
            of_doc,
        })
    }

    /// Every document its own group, in corpus order.
    pub fn by_document(corpus: &Corpus) -> Groups {
        Groups {
            column: columns::DOC_ID.name.to_owned(),
            names: corpus.documents.iter().map(|d| d.id.clone()).collect(),
            of_doc: (0..corpus.documents.len()).collect(),
        }
    }

    pub fn len(&self) -> usize {
        self.names.len()
    }
}

/// Numbers before text; numbers by value; the blank group last; otherwise by text.
fn natural_order(a: &str, b: &str) -> std::cmp::Ordering {
    let key = |s: &str| (s == BLANK_GROUP, s.parse::<f64>().ok());
    match (key(a), key(b)) {
        ((blank_a, _), (blank_b, _)) if blank_a != blank_b => blank_a.cmp(&blank_b),
        ((_, Some(x)), (_, Some(y))) => x.total_cmp(&y).then_with(|| a.cmp(b)),
        ((_, Some(_)), (_, None)) => std::cmp::Ordering::Less,
        ((_, None), (_, Some(_))) => std::cmp::Ordering::Greater,
        _ => a.cmp(b),
    }
}

/// Counts summed over the documents of each group.
#[derive(Debug, Clone, Default)]
pub struct GroupCounts {
    pub n_tokens: Vec<u64>,
    /// Per group, `(term, count)` sorted by term id.
    pub terms: Vec<Vec<(TermId, u64)>>,
}

impl GroupCounts {
    /// Sums document counts into groups.
    pub fn sum(counts: &CountTables, groups: &Groups) -> GroupCounts {
        let of_doc: Vec<Option<usize>> = groups.of_doc.iter().map(|&g| Some(g)).collect();
        GroupCounts::sum_of(counts, &of_doc, groups.len())
    }

    /// Sums document counts into `n` groups by the group of each document (none: in no
    /// group).
    pub fn sum_of(counts: &CountTables, of_doc: &[Option<usize>], n: usize) -> GroupCounts {
        let mut n_tokens = vec![0u64; n];
        let mut members: Vec<Vec<usize>> = vec![Vec::new(); n];
        for (d, g) in of_doc.iter().enumerate() {
            if let Some(g) = *g {
                n_tokens[g] += counts.n_tokens[d];
                members[g].push(d);
            }
        }
        // Each group's rows gathered and summed on a thread of its own.
        let terms = members
            .into_par_iter()
            .map(|docs| {
                // Sized once: grown by doubling, the entries of a grouping by speech would
                // take up to twice the count tables they copy.
                let size = docs.iter().map(|&d| counts.doc_terms.entries(d)).sum();
                let mut entries: Vec<(TermId, u64)> = Vec::with_capacity(size);
                for d in docs {
                    entries.extend(
                        counts
                            .doc_terms
                            .row(d)
                            .iter()
                            .map(|&(t, c)| (t, u64::from(c))),
                    );
                }
                sum_by_term(entries)
            })
            .collect();
        GroupCounts { n_tokens, terms }
    }

    /// Count of a term in a group.
    pub fn count(&self, group: usize, term: TermId) -> u64 {
        let row = &self.terms[group];
        row.binary_search_by_key(&term, |&(t, _)| t)
            .map_or(0, |i| row[i].1)
    }

    /// Occurrences per 10,000 tokens of a term in a group.
    pub fn rate(&self, group: usize, term: TermId) -> f64 {
        per_10k(self.count(group, term), self.n_tokens[group])
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::stats::counts::{count, tests::tokenized};
    use crate::text::TokenizedCorpus;

    /// "peace peace war" and "peace" by party A, "war war" by party B.
    pub(crate) fn two_parties() -> (TokenizedCorpus, CountTables, Groups, GroupCounts) {
        let corpus = tokenized(&["peace peace war", "peace", "war war"], false, false);
        let counts = count(&corpus);
        let groups = Groups {
            column: "party".into(),
            names: vec!["A".into(), "B".into()],
            of_doc: vec![0, 0, 1],
        };
        let sums = GroupCounts::sum(&counts, &groups);
        (corpus, counts, groups, sums)
    }

    #[test]
    fn natural_order_sorts_years_numerically_and_blank_last() {
        let mut names = vec!["2010", "(blank)", "999", "Bush", "Obama", "2002"];
        names.sort_by(|a, b| natural_order(a, b));
        assert_eq!(names, ["999", "2002", "2010", "Bush", "Obama", "(blank)"]);
    }

    #[test]
    fn two_columns_group_by_the_pair_of_values_in_natural_order() {
        let document = |id: &str, iso3: &str, year: &str| crate::corpus::Document {
            metadata: vec![iso3.into(), year.into()],
            ..crate::corpus::Document::from_text(id, "")
        };
        let corpus = Corpus::new(
            vec!["iso3".into(), "year".into()],
            vec![
                document("a", "UKR", "2022"),
                document("b", "RUS", "2022"),
                document("c", "UKR", "999"),
                document("d", "UKR", "2022"),
                document("e", "RUS", ""),
            ],
        )
        .unwrap();
        let groups = Groups::by_column(&corpus, "iso3, year").unwrap();
        assert_eq!(groups.column, "iso3,year");
        assert_eq!(
            groups.names,
            ["RUS 2022", "RUS (blank)", "UKR 999", "UKR 2022"]
        );
        assert_eq!(groups.of_doc, [3, 0, 2, 3, 1]);
        let err = Groups::by_column(&corpus, "iso3,party")
            .unwrap_err()
            .to_string();
        assert!(err.contains("--group-by \"party\""), "{err}");
        let err = Groups::by_column(&corpus, "iso3, iso3")
            .unwrap_err()
            .to_string();
        assert!(err.contains("\"iso3\" twice"), "{err}");
    }

    #[test]
    fn group_rates_sum_counts_over_summed_tokens() {
        let (corpus, _, _, sums) = two_parties();
        let peace = corpus.vocab.term_id("peace").unwrap();
        let war = corpus.vocab.term_id("war").unwrap();
        assert_eq!(sums.n_tokens, [4, 2]);
        assert_eq!(sums.count(0, peace), 3);
        assert_eq!(sums.count(1, peace), 0);
        assert_eq!(sums.rate(0, peace), 7_500.0);
        assert_eq!(sums.rate(1, war), 10_000.0);
    }
}
