//! `terms_by_document.png`: chosen terms compared across speeches or groups, as a heatmap of
//! rates per 10,000 words. Which rows are shown is decided by
//! [`comparison_rows`](crate::stats::frequency::ranking::comparison_rows); the subtitle says
//! how.

use super::speeches;
use crate::output::charts::theme::format_number;
use crate::output::charts::Heatmap;
use crate::stats::counts::CountTables;
use crate::stats::frequency::ranking::{Chosen, Rows};
use crate::stats::groups::GroupCounts;
use crate::text::{TermId, Vocabulary};

/// Terms compared when the user chose none: the most frequent.
pub(crate) const DEFAULT_TERMS: usize = 10;

/// The heatmap of `terms` over the chosen rows; `sums` are the counts of `rows.groups`.
pub(crate) fn figure(
    rows: &Rows,
    sums: &GroupCounts,
    terms: &[TermId],
    terms_chosen_by_user: bool,
    counts: &CountTables,
    vocab: &Vocabulary,
) -> Heatmap {
    let values = rows
        .shown
        .iter()
        .map(|&g| terms.iter().map(|&t| sums.rate(g, t)).collect())
        .collect();
    let which = if terms_chosen_by_user {
        "Chosen terms".to_owned()
    } else {
        format!("The {} most frequent terms", terms.len())
    };
    let rows_are = if rows.rows_are_speeches() {
        "by speech".to_owned()
    } else {
        format!("by {}", rows.groups.column)
    };
    Heatmap {
        title: format!("{which} {rows_are}"),
        subtitle: format!("Occurrences per 10,000 words; {}", detail(rows)),
        row_labels: rows
            .shown
            .iter()
            .map(|&g| rows.groups.names[g].clone())
            .collect(),
        column_labels: terms
            .iter()
            .map(|&t| vocab.form(counts.term_label[t as usize]).to_owned())
            .collect(),
        values,
        value_label: "per 10,000 words".into(),
    }
}

/// How the rows were chosen, for the subtitle: "22 speeches".
fn detail(rows: &Rows) -> String {
    let n = rows.groups.len();
    let unit = if rows.rows_are_speeches() {
        "speeches"
    } else {
        "groups"
    };
    match rows.chosen {
        Chosen::EverySpeech => speeches(n),
        Chosen::EveryGroup => format!("{} {unit}", format_number(n as f64, 0)),
        Chosen::ByYear { speeches: n_docs } => format!(
            "{} aggregated into {n} {}s",
            speeches(n_docs),
            rows.groups.column
        ),
        Chosen::Largest { of } => format!(
            "only the {} largest of {} {unit} (by words) are shown",
            rows.shown.len(),
            format_number(of as f64, 0)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::groups::Groups;

    fn rows(column: &str, n: usize, shown: Vec<usize>, chosen: Chosen) -> Rows {
        Rows {
            groups: Groups {
                column: column.into(),
                names: (0..n).map(|i| format!("g{i}")).collect(),
                of_doc: (0..n).collect(),
            },
            shown,
            chosen,
        }
    }

    #[test]
    fn the_subtitle_says_how_rows_were_chosen() {
        let cases = [
            (rows("doc_id", 1, vec![0], Chosen::EverySpeech), "1 speech"),
            (
                rows("doc_id", 22, vec![], Chosen::EverySpeech),
                "22 speeches",
            ),
            (rows("party", 3, vec![], Chosen::EveryGroup), "3 groups"),
            (
                rows("year", 30, vec![], Chosen::ByYear { speeches: 5684 }),
                "5,684 speeches aggregated into 30 years",
            ),
            (
                rows("doc_id", 100, vec![0; 40], Chosen::Largest { of: 100 }),
                "only the 40 largest of 100 speeches (by words) are shown",
            ),
        ];
        for (rows, expected) in cases {
            assert_eq!(detail(&rows), expected);
        }
    }
}
