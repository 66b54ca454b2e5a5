//! Rankings on the frequency tables: the most frequent terms (the top-terms chart, the default
//! `--terms`), and which speeches or groups a comparison across speeches shows when there are
//! too many to show them all.

use crate::columns;
use crate::corpus::Corpus;
use crate::error::Result;
use crate::stats::counts::CountTables;
use crate::stats::groups::Groups;
use crate::text::{TermId, Vocabulary};

/// The `n` terms with the highest corpus count, ties broken by term.
pub(crate) fn most_frequent(counts: &CountTables, vocab: &Vocabulary, n: usize) -> Vec<TermId> {
    let mut terms: Vec<TermId> = counts.counted_terms().collect();
    terms.sort_by(|&a, &b| {
        counts.term_count[b as usize]
            .cmp(&counts.term_count[a as usize])
            .then_with(|| vocab.term(a).cmp(vocab.term(b)))
    });
    terms.truncate(n);
    terms
}

/// The metadata column used to aggregate a corpus with too many speeches to show one by one.
pub(crate) const AUTO_GROUP_COLUMN: &str = "year";

/// The rows of a comparison across speeches: which groups are shown, in display order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Rows {
    pub groups: Groups,
    /// Indices into `groups.names` of the rows shown, in group order.
    pub shown: Vec<usize>,
    pub chosen: Chosen,
}

/// How [`comparison_rows`] chose the rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Chosen {
    /// Every speech, one row each.
    EverySpeech,
    /// Every group of the `--group-by` column.
    EveryGroup,
    /// Too many speeches: aggregated by [`AUTO_GROUP_COLUMN`].
    ByYear { speeches: usize },
    /// Too many speeches or groups: the largest (by tokens), kept in their order.
    Largest { of: usize },
}

/// Chooses at most `max_rows` rows: the `--group-by` groups if given (the largest if there
/// are more), else the speeches themselves, else the speeches aggregated by year, else the
/// longest speeches.
pub(crate) fn comparison_rows(
    corpus: &Corpus,
    counts: &CountTables,
    group_by: Option<&Groups>,
    max_rows: usize,
) -> Result<Rows> {
    let n_docs = corpus.documents.len();
    if let Some(groups) = group_by {
        return Ok(largest(
            groups.clone(),
            counts,
            max_rows,
            Chosen::EveryGroup,
        ));
    }
    if n_docs <= max_rows {
        let groups = Groups::by_document(corpus);
        return Ok(Rows {
            shown: (0..groups.len()).collect(),
            groups,
            chosen: Chosen::EverySpeech,
        });
    }
    if corpus.metadata_index(AUTO_GROUP_COLUMN).is_some() {
        let groups = Groups::by_column(corpus, AUTO_GROUP_COLUMN)?;
        if groups.len() <= max_rows {
            return Ok(Rows {
                shown: (0..groups.len()).collect(),
                groups,
                chosen: Chosen::ByYear { speeches: n_docs },
            });
        }
    }
    let groups = Groups::by_document(corpus);
    Ok(largest(groups, counts, max_rows, Chosen::EverySpeech))
}

/// All groups if they fit (chosen as `all`), else the `max_rows` with the most tokens, kept
/// in group order.
fn largest(groups: Groups, counts: &CountTables, max_rows: usize, all: Chosen) -> Rows {
    let mut tokens = vec![0u64; groups.len()];
    for (d, &g) in groups.of_doc.iter().enumerate() {
        tokens[g] += counts.n_tokens[d];
    }
    let n = groups.len();
    if n <= max_rows {
        return Rows {
            shown: (0..n).collect(),
            groups,
            chosen: all,
        };
    }
    let mut by_size: Vec<usize> = (0..n).collect();
    by_size.sort_by(|&a, &b| tokens[b].cmp(&tokens[a]).then(a.cmp(&b)));
    let mut shown: Vec<usize> = by_size.into_iter().take(max_rows).collect();
    shown.sort_unstable();
    Rows {
        shown,
        groups,
        chosen: Chosen::Largest { of: n },
    }
}

impl Rows {
    /// Whether a row is a speech (else a group of speeches).
    pub(crate) fn rows_are_speeches(&self) -> bool {
        self.groups.column == columns::DOC_ID.name
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Document;
    use crate::stats::counts::{count, tests::tokenized};

    #[test]
    fn most_frequent_terms_tie_by_term() {
        let corpus = tokenized(&["b a c b a d c"], false, false);
        let counts = count(&corpus);
        let top: Vec<&str> = most_frequent(&counts, &corpus.vocab, 3)
            .into_iter()
            .map(|t| corpus.vocab.term(t))
            .collect();
        assert_eq!(top, ["a", "b", "c"]);
    }

    fn corpus_of(years: &[&str], lengths: &[usize]) -> (Corpus, CountTables) {
        let texts: Vec<String> = lengths.iter().map(|&n| "peace ".repeat(n)).collect();
        let documents: Vec<Document> = texts
            .iter()
            .zip(years)
            .enumerate()
            .map(|(i, (text, year))| Document {
                metadata: vec![(*year).to_owned()],
                ..Document::from_text(format!("d{i}"), text.clone())
            })
            .collect();
        let borrowed: Vec<&str> = texts.iter().map(String::as_str).collect();
        let counts = count(&tokenized(&borrowed, false, false));
        let corpus = Corpus::new(vec!["year".into()], documents).unwrap();
        (corpus, counts)
    }

    #[test]
    fn few_speeches_are_shown_one_by_one() {
        let (corpus, counts) = corpus_of(&["2001", "2002"], &[3, 1]);
        let rows = comparison_rows(&corpus, &counts, None, 2).unwrap();
        assert_eq!(rows.chosen, Chosen::EverySpeech);
        assert_eq!(rows.shown, [0, 1]);
        assert!(rows.rows_are_speeches());
    }

    #[test]
    fn many_speeches_are_aggregated_by_year_or_the_longest_shown() {
        let (corpus, counts) = corpus_of(&["2001", "2002", "2001"], &[3, 1, 2]);
        let rows = comparison_rows(&corpus, &counts, None, 2).unwrap();
        assert_eq!(rows.chosen, Chosen::ByYear { speeches: 3 });
        assert_eq!(rows.groups.names, ["2001", "2002"]);
        let rows = comparison_rows(&corpus, &counts, None, 1).unwrap();
        assert_eq!(rows.chosen, Chosen::Largest { of: 3 });
        assert_eq!(rows.shown, [0]);
        let groups = Groups::by_column(&corpus, "year").unwrap();
        let rows = comparison_rows(&corpus, &counts, Some(&groups), 1).unwrap();
        assert_eq!(rows.chosen, Chosen::Largest { of: 2 });
        assert_eq!(rows.shown, [0], "2001 has 5 tokens, 2002 one");
    }
}
