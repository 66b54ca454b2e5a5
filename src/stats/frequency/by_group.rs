//! Term frequencies per group of speeches (`--group-by`).
//!
//! Columns of `terms_by_group`: the grouping column (named as in the metadata), term, label,
//! count, per_10k, where per_10k = summed counts / summed n_tokens * 10,000 over the group's
//! documents. Groups in natural order ([`crate::stats::groups`]); within a group, most
//! frequent first, ties by term.

use polars::prelude::*;

use crate::columns;
use crate::error::Result;
use crate::stats::counts::{per_10k, CountTables};
use crate::stats::frame;
use crate::stats::groups::{GroupCounts, Groups};
use crate::text::Vocabulary;

/// One row per group and counted term.
pub fn terms_by_group_frame(
    groups: &Groups,
    group_counts: &GroupCounts,
    counts: &CountTables,
    vocab: &Vocabulary,
) -> Result<DataFrame> {
    let mut group = Vec::new();
    let mut term = Vec::new();
    let mut label = Vec::new();
    let mut count = Vec::new();
    let mut rate = Vec::new();
    for (g, entries) in group_counts.terms.iter().enumerate() {
        let mut entries = entries.clone();
        entries.sort_by(|a, b| {
            b.1.cmp(&a.1)
                .then_with(|| vocab.term(a.0).cmp(vocab.term(b.0)))
        });
        for (t, n) in entries {
            group.push(groups.names[g].as_str());
            term.push(vocab.term(t));
            label.push(vocab.form(counts.term_label[t as usize]));
            count.push(n);
            rate.push(per_10k(n, group_counts.n_tokens[g]));
        }
    }
    frame(
        "terms_by_group",
        vec![
            Column::new(groups.column.as_str().into(), group),
            Column::new(columns::TERM.into(), term),
            Column::new(columns::LABEL.into(), label),
            Column::new(columns::COUNT.into(), count),
            Column::new(columns::PER_10K.into(), rate),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::groups::tests::two_parties;

    #[test]
    fn one_row_per_group_and_term_named_after_the_grouping_column() {
        let (corpus, counts, groups, sums) = two_parties();
        let df = terms_by_group_frame(&groups, &sums, &counts, &corpus.vocab).unwrap();
        assert_eq!(df.height(), 3);
        assert_eq!(df.get_column_names()[0].as_str(), "party");
        let rates: Vec<f64> = df
            .column("per_10k")
            .unwrap()
            .f64()
            .unwrap()
            .into_no_null_iter()
            .collect();
        assert_eq!(rates, [7_500.0, 2_500.0, 10_000.0]);
    }
}
