//! Profiles of groups of speeches (`--group-by`).
//!
//! Diversity measured on a group's speeches run together would reward small groups (TTR falls
//! as a text grows), so a group gets, for each measure, the mean and the median of its
//! speeches' values (speeches without a value left out), and `sttr`: the standardized TTR of
//! WordSmith, the mean TTR of consecutive 1,000-token stretches of its speeches read in corpus
//! order, the last incomplete stretch left out (empty for a group of fewer than 1,000 tokens).
//! Readability is a ratio of counts, and the convention is to pool them: a group's scores are
//! those of its speeches' summed words, sentences and syllables.
//!
//! Columns of `groups`: group_by, group, n_documents, n_tokens, sttr, then `<measure>_mean`
//! and `<measure>_median` for ttr, mattr, mtld, yules_k, herdan_c and guiraud, then
//! mean_sentence_length, syllables_per_word, flesch_reading_ease, flesch_kincaid_grade.

use polars::prelude::*;

use super::diversity::{Diversity, Scratch};
use super::readability::{readability_columns, Counts, Score};
use super::Profiles;
use crate::columns;
use crate::error::Result;
use crate::stats::frame;
use crate::stats::groups::{GroupCounts, Groups};
use crate::text::TokenizedCorpus;

/// Tokens of a stretch of the standardized TTR.
pub(crate) const STTR_TOKENS: usize = 1_000;

/// One measure of a speech's diversity.
type Measure = fn(&Diversity) -> Option<f64>;

/// A column of values, some empty.
type Values = Vec<Option<f64>>;

/// The measures of [`Diversity`] summarised per group, with their column stem.
const MEASURES: [(&str, Measure); 6] = [
    ("ttr", |d| d.ttr),
    ("mattr", |d| d.mattr),
    ("mtld", |d| d.mtld),
    ("yules_k", |d| d.yules_k),
    ("herdan_c", |d| d.herdan_c),
    ("guiraud", |d| d.guiraud),
];

/// One row per group of each grouping.
pub(crate) fn groups_frame(
    groupings: &[(&Groups, &GroupCounts)],
    profiles: &Profiles,
    tokens: &TokenizedCorpus,
) -> Result<DataFrame> {
    let mut group_by: Vec<&str> = Vec::new();
    let mut group: Vec<&str> = Vec::new();
    let mut n_documents: Vec<u32> = Vec::new();
    let mut n_tokens: Vec<u64> = Vec::new();
    let mut sttr: Values = Vec::new();
    let mut measures: Vec<(Values, Values)> = vec![(Vec::new(), Vec::new()); MEASURES.len()];
    let mut pooled: Vec<Counts> = Vec::new();
    let mut scratch = Scratch::new(tokens.vocab.n_forms());
    for (groups, sums) in groupings {
        let mut members: Vec<Vec<usize>> = vec![Vec::new(); groups.len()];
        for (d, &g) in groups.of_doc.iter().enumerate() {
            members[g].push(d);
        }
        for (g, docs) in members.iter().enumerate() {
            group_by.push(&groups.column);
            group.push(&groups.names[g]);
            n_documents.push(docs.len() as u32);
            n_tokens.push(sums.n_tokens[g]);
            sttr.push(standardized_ttr(docs, tokens, &mut scratch));
            for (i, (_, measure)) in MEASURES.iter().enumerate() {
                let mut values: Vec<f64> = docs
                    .iter()
                    .filter_map(|&d| measure(&profiles.diversity[d]))
                    .collect();
                measures[i].0.push(mean(&values));
                measures[i].1.push(median(&mut values));
            }
            let mut counts = Counts::default();
            if let Some(readability) = &profiles.readability {
                for &d in docs {
                    counts.add(readability[d]);
                }
            }
            pooled.push(counts);
        }
    }
    let english = profiles.readability.is_some();
    let readability = |score: Score| -> Vec<Option<f64>> {
        pooled
            .iter()
            .map(|c| if english { score(c) } else { None })
            .collect()
    };
    let mut frame_columns = vec![
        Column::new(columns::GROUP_BY.into(), group_by),
        Column::new(columns::GROUP.into(), group),
        Column::new(columns::N_DOCUMENTS.into(), n_documents),
        Column::new(columns::N_TOKENS.into(), n_tokens),
        Column::new(columns::STTR.into(), sttr),
    ];
    for ((stem, _), (means, medians)) in MEASURES.iter().zip(measures) {
        frame_columns.push(Column::new(format!("{stem}_mean").into(), means));
        frame_columns.push(Column::new(format!("{stem}_median").into(), medians));
    }
    frame_columns.extend(readability_columns(readability));
    frame("groups", frame_columns)
}

/// The mean TTR of consecutive [`STTR_TOKENS`]-token stretches of `docs` read in order.
fn standardized_ttr(
    docs: &[usize],
    tokens: &TokenizedCorpus,
    scratch: &mut Scratch,
) -> Option<f64> {
    let mut stretches = 0usize;
    let mut sum = 0.0;
    let (mut in_stretch, mut distinct) = (0usize, 0usize);
    for &d in docs {
        for &form in &tokens.docs[d].forms {
            if scratch.count_once(form) {
                distinct += 1;
            }
            in_stretch += 1;
            if in_stretch == STTR_TOKENS {
                sum += distinct as f64 / STTR_TOKENS as f64;
                stretches += 1;
                in_stretch = 0;
                distinct = 0;
                scratch.forget();
            }
        }
    }
    scratch.forget();
    (stretches > 0).then(|| sum / stretches as f64)
}

fn mean(values: &[f64]) -> Option<f64> {
    (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
}

/// The middle value, or the mean of the two middle ones.
fn median(values: &mut [f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let n = values.len();
    Some(if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]) / 2.0
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::counts::{count, tests::tokenized};
    use crate::stats::profile::profile;

    #[test]
    fn groups_get_the_mean_and_median_of_their_speeches() {
        let corpus = tokenized(&["a b c d", "a a b b", "a a a a", "x y"], false, false);
        let counts = count(&corpus);
        let groups = Groups {
            column: "party".into(),
            names: vec!["one".into(), "two".into()],
            of_doc: vec![0, 0, 0, 1],
        };
        let sums = GroupCounts::sum(&counts, &groups);
        let profiles = profile(&corpus, 100, true);
        let df = groups_frame(&[(&groups, &sums)], &profiles, &corpus).unwrap();
        assert_eq!(df.height(), 2);
        let value = |name: &str, row: usize| df.column(name).unwrap().f64().unwrap().get(row);
        // TTRs 1, 0.5 and 0.25: mean 0.583333, median 0.5.
        assert!((value("ttr_mean", 0).unwrap() - 1.75 / 3.0).abs() < 1e-12);
        assert_eq!(value("ttr_median", 0), Some(0.5));
        assert_eq!(value("ttr_median", 1), Some(1.0));
        // Fewer than 1,000 tokens: no standardized TTR.
        assert_eq!(value("sttr", 0), None);
        assert!(value("flesch_reading_ease", 0).is_some());
    }

    #[test]
    fn the_standardized_ttr_averages_full_stretches_only() {
        let text = (0..2_500)
            .map(|i| format!("w{}", i % 500))
            .collect::<Vec<_>>()
            .join(" ");
        let corpus = tokenized(&[&text], false, false);
        let mut scratch = Scratch::new(corpus.vocab.n_forms());
        // Each 1,000-token stretch holds the 500 forms twice: TTR 0.5; the last 500 are left out.
        assert_eq!(standardized_ttr(&[0], &corpus, &mut scratch), Some(0.5));
    }

    #[test]
    fn medians_of_even_and_odd_counts() {
        assert_eq!(median(&mut [3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(&mut [4.0, 1.0, 3.0, 2.0]), Some(2.5));
        assert_eq!(median(&mut []), None);
    }
}
