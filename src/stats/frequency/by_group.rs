//! Term frequencies per group of speeches (`--group-by`).
//!
//! Columns of `terms_by_group`: the grouping column (named as in the metadata), term, label,
//! count, per_10k, range, dp, dp_norm, where per_10k = summed counts / summed n_tokens *
//! 10,000 over the group's documents, and range, dp and dp_norm the term's dispersion over the
//! group's speeches ([`crate::stats::profile::dispersion`]). Groups in natural order ([`crate::stats::groups`]); within a group, most
//! frequent first, ties by term.

use polars::prelude::*;

use crate::columns;
use crate::error::Result;
use crate::stats::counts::{per_10k, CountTables};
use crate::stats::frame;
use crate::stats::groups::{GroupCounts, Groups};
use crate::stats::profile::dispersion::dispersion;
use crate::text::{TermId, Vocabulary};

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
    let (mut range, mut dp, mut dp_norm) = (Vec::new(), Vec::new(), Vec::new());
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); groups.len()];
    for (d, &g) in groups.of_doc.iter().enumerate() {
        members[g].push(d);
    }
    for (g, entries) in group_counts.terms.iter().enumerate() {
        // Dispersion over the group's speeches, by term id, before the rows are sorted.
        let sizes: Vec<u64> = members[g].iter().map(|&d| counts.n_tokens[d]).collect();
        let spread = dispersion(
            entries,
            &sizes,
            members[g].iter().map(|&d| counts.doc_terms.row(d)),
        );
        let spread_of = |t: TermId| {
            let i = entries.binary_search_by_key(&t, |&(term, _)| term).ok()?;
            Some(spread[i])
        };
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
            let spread = spread_of(t);
            range.push(spread.map_or(0, |s| s.range));
            dp.push(spread.and_then(|s| s.dp));
            dp_norm.push(spread.and_then(|s| s.dp_norm));
        }
    }
    frame(
        "terms_by_group",
        vec![
            Column::new(groups.column.as_str().into(), group),
            Column::new(columns::TERM.name.into(), term),
            Column::new(columns::LABEL.name.into(), label),
            Column::new(columns::COUNT.name.into(), count),
            Column::new(columns::PER_10K.name.into(), rate),
            Column::new(columns::RANGE.name.into(), range),
            Column::new(columns::DP.name.into(), dp),
            Column::new(columns::DP_NORM.name.into(), dp_norm),
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
