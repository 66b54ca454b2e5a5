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
use crate::columns::{self, TableColumn};
use crate::error::Result;
use crate::stats::frame;
use crate::stats::groups::{GroupCounts, Groups};
use crate::text::TokenizedCorpus;

/// Tokens of a stretch of the standardized TTR.
pub(crate) const STTR_TOKENS: usize = 1_000;

/// One measure of a speech's diversity.
type Measure = fn(&Diversity) -> Option<f64>;

/// The measures of [`Diversity`] summarised per group, with the columns of their mean and
/// median.
const MEASURES: [(TableColumn, TableColumn, Measure); 6] = [
    (columns::TTR_MEAN, columns::TTR_MEDIAN, |d| d.ttr),
    (columns::MATTR_MEAN, columns::MATTR_MEDIAN, |d| d.mattr),
    (columns::MTLD_MEAN, columns::MTLD_MEDIAN, |d| d.mtld),
    (columns::YULES_K_MEAN, columns::YULES_K_MEDIAN, |d| {
        d.yules_k
    }),
    (columns::HERDAN_C_MEAN, columns::HERDAN_C_MEDIAN, |d| {
        d.herdan_c
    }),
    (columns::GUIRAUD_MEAN, columns::GUIRAUD_MEDIAN, |d| {
        d.guiraud
    }),
];

/// The profile of one group of one grouping: a row of `groups`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct GroupProfile {
    /// Index of the grouping, in the order given.
    pub grouping: usize,
    /// Index of the group in its grouping.
    pub group: usize,
    pub n_documents: u32,
    pub n_tokens: u64,
    pub sttr: Option<f64>,
    /// The (mean, median) of each of [`MEASURES`] over the group's speeches.
    pub measures: [(Option<f64>, Option<f64>); 6],
    /// The group's readability counts, pooled (zero when not English).
    pub pooled: Counts,
}

/// The profile of every group of each grouping, groupings in order: a pass over the tokens of
/// each grouping (the standardized TTR reads the speeches in order).
pub(crate) fn group_profiles(
    groupings: &[(&Groups, &GroupCounts)],
    profiles: &Profiles,
    tokens: &TokenizedCorpus,
) -> Vec<GroupProfile> {
    let mut rows = Vec::new();
    let mut scratch = Scratch::new(tokens.vocab.n_forms());
    for (grouping, (groups, sums)) in groupings.iter().enumerate() {
        let mut members: Vec<Vec<usize>> = vec![Vec::new(); groups.len()];
        for (d, &g) in groups.of_doc.iter().enumerate() {
            members[g].push(d);
        }
        for (g, docs) in members.iter().enumerate() {
            let measures = MEASURES.map(|(_, _, measure)| {
                let mut values: Vec<f64> = docs
                    .iter()
                    .filter_map(|&d| measure(&profiles.diversity[d]))
                    .collect();
                (mean(&values), median(&mut values))
            });
            let mut pooled = Counts::default();
            if let Some(readability) = &profiles.readability {
                for &d in docs {
                    pooled.add(readability[d]);
                }
            }
            rows.push(GroupProfile {
                grouping,
                group: g,
                n_documents: docs.len() as u32,
                n_tokens: sums.n_tokens[g],
                sttr: standardized_ttr(docs, tokens, &mut scratch),
                measures,
                pooled,
            });
        }
    }
    rows
}

/// One row per group of each grouping (`groupings` as given to [`group_profiles`]); the
/// readability columns empty unless `english`.
pub(crate) fn groups_frame(
    groupings: &[&Groups],
    rows: &[GroupProfile],
    english: bool,
) -> Result<DataFrame> {
    let groups = |r: &GroupProfile| groupings[r.grouping];
    let mut frame_columns = vec![
        Column::new(
            columns::GROUP_BY.name.into(),
            rows.iter()
                .map(|r| groups(r).column.as_str())
                .collect::<Vec<_>>(),
        ),
        Column::new(
            columns::GROUP.name.into(),
            rows.iter()
                .map(|r| groups(r).names[r.group].as_str())
                .collect::<Vec<_>>(),
        ),
        Column::new(
            columns::N_DOCUMENTS.name.into(),
            rows.iter().map(|r| r.n_documents).collect::<Vec<_>>(),
        ),
        Column::new(
            columns::N_TOKENS.name.into(),
            rows.iter().map(|r| r.n_tokens).collect::<Vec<_>>(),
        ),
        Column::new(
            columns::STTR.name.into(),
            rows.iter().map(|r| r.sttr).collect::<Vec<_>>(),
        ),
    ];
    for (i, (mean, median, _)) in MEASURES.iter().enumerate() {
        let means: Vec<Option<f64>> = rows.iter().map(|r| r.measures[i].0).collect();
        let medians: Vec<Option<f64>> = rows.iter().map(|r| r.measures[i].1).collect();
        frame_columns.push(Column::new(mean.name.into(), means));
        frame_columns.push(Column::new(median.name.into(), medians));
    }
    let readability = |score: Score| -> Vec<Option<f64>> {
        rows.iter()
            .map(|r| if english { score(&r.pooled) } else { None })
            .collect()
    };
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
        for &form in &tokens.source().doc(d).forms {
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
        let rows = group_profiles(&[(&groups, &sums)], &profiles, &corpus);
        let df = groups_frame(&[&groups], &rows, true).unwrap();
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
