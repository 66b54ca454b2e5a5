//! `terms_by_document.png`: chosen terms compared across speeches or groups, as a heatmap of
//! rates per 10,000 words. Up to [`MAX_ROWS`] speeches are shown one per row. Beyond that the
//! speeches are aggregated by year when the corpus has a `year` column with few enough
//! values, and otherwise the longest speeches are shown; the subtitle says which.

use super::heatmap::{Heatmap, MAX_ROWS};
use super::theme::format_number;
use crate::corpus::Corpus;
use crate::error::Result;
use crate::stats::counts::CountTables;
use crate::stats::groups::{GroupCounts, Groups};
use crate::text::{TermId, Vocabulary};

/// The metadata column used to aggregate a corpus with too many speeches to show one by one.
pub const AUTO_GROUP_COLUMN: &str = "year";

/// Which rows the chart shows and how to describe them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowSelection {
    pub groups: Groups,
    /// Indices into `groups.names` of the rows shown, in display order.
    pub rows: Vec<usize>,
    /// What a row is, for the title: "by speech", "by year".
    pub rows_are: String,
    /// How the rows were chosen, for the subtitle: "22 speeches".
    pub detail: String,
}

/// Chooses the rows: the `--group-by` groups if given, else the speeches themselves, else
/// years, else the longest speeches.
pub fn choose_rows(
    corpus: &Corpus,
    counts: &CountTables,
    group_by: Option<&Groups>,
) -> Result<RowSelection> {
    let n_docs = corpus.documents.len();
    let speeches = |n: usize| {
        format!(
            "{} speech{}",
            format_number(n as f64, 0),
            if n == 1 { "" } else { "es" }
        )
    };
    if let Some(groups) = group_by {
        let rows_are = format!("by {}", groups.column);
        return Ok(largest(groups.clone(), counts, &rows_are));
    }
    if n_docs <= MAX_ROWS {
        let groups = Groups::by_document(corpus);
        let rows = (0..groups.len()).collect();
        return Ok(RowSelection {
            groups,
            rows,
            rows_are: "by speech".into(),
            detail: speeches(n_docs),
        });
    }
    if corpus.metadata_index(AUTO_GROUP_COLUMN).is_some() {
        let groups = Groups::by_column(corpus, AUTO_GROUP_COLUMN)?;
        if groups.len() <= MAX_ROWS {
            let n_groups = groups.len();
            return Ok(RowSelection {
                rows: (0..n_groups).collect(),
                groups,
                rows_are: format!("by {AUTO_GROUP_COLUMN}"),
                detail: format!(
                    "{} aggregated into {n_groups} {AUTO_GROUP_COLUMN}s",
                    speeches(n_docs)
                ),
            });
        }
    }
    let groups = Groups::by_document(corpus);
    Ok(largest(groups, counts, "by speech"))
}

/// All groups if they fit, else the `MAX_ROWS` with the most tokens, kept in group order.
fn largest(groups: Groups, counts: &CountTables, rows_are: &str) -> RowSelection {
    let mut tokens = vec![0u64; groups.len()];
    for (d, &g) in groups.of_doc.iter().enumerate() {
        tokens[g] += counts.n_tokens[d];
    }
    let n = groups.len();
    let unit = if groups.column == crate::columns::DOC_ID {
        "speeches"
    } else {
        "groups"
    };
    if n <= MAX_ROWS {
        return RowSelection {
            rows: (0..n).collect(),
            rows_are: rows_are.to_owned(),
            detail: format!("{} {unit}", format_number(n as f64, 0)),
            groups,
        };
    }
    let mut by_size: Vec<usize> = (0..n).collect();
    by_size.sort_by(|&a, &b| tokens[b].cmp(&tokens[a]).then(a.cmp(&b)));
    let mut rows: Vec<usize> = by_size.into_iter().take(MAX_ROWS).collect();
    rows.sort_unstable();
    RowSelection {
        rows,
        rows_are: rows_are.to_owned(),
        detail: format!(
            "only the {MAX_ROWS} largest of {} {unit} (by words) are shown",
            format_number(n as f64, 0)
        ),
        groups,
    }
}

/// The heatmap of `terms` over the selected rows.
pub fn terms_by_document_chart(
    selection: &RowSelection,
    group_counts: &GroupCounts,
    terms: &[TermId],
    terms_chosen_by_user: bool,
    counts: &CountTables,
    vocab: &Vocabulary,
) -> Heatmap {
    let values = selection
        .rows
        .iter()
        .map(|&g| terms.iter().map(|&t| group_counts.rate(g, t)).collect())
        .collect();
    let which = if terms_chosen_by_user {
        "Chosen terms".to_owned()
    } else {
        format!("The {} most frequent terms", terms.len())
    };
    Heatmap {
        title: format!("{which} {}", selection.rows_are),
        subtitle: format!("Occurrences per 10,000 words; {}", selection.detail),
        row_labels: selection
            .rows
            .iter()
            .map(|&g| selection.groups.names[g].clone())
            .collect(),
        column_labels: terms
            .iter()
            .map(|&t| vocab.form(counts.term_label[t as usize]).to_owned())
            .collect(),
        values,
        value_label: "per 10,000 words".into(),
    }
}
