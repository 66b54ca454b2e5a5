//! The outputs of `--dictionary`: each category's count in every speech, group and period,
//! and a chart of the categories over time or across groups.

use super::{chart, counted_with, table, Family, OutputInfo, When};
use crate::columns::*;
use crate::output::charts::{heatmap, line_chart};
use crate::output::figures::dictionary::{self as figure, Shown};
use crate::stats::dictionary::frames::{self, GroupSums};

/// Speeches of `dictionary.csv` built and written at a time.
const SPEECHES_PER_PART: usize = 500;

/// The options that shape every dictionary table.
const OPTIONS: &[&str] = counted_with!("dictionary", "dictionary-match");

pub(super) const TABLES: &[OutputInfo] = &[
    OutputInfo {
        path: "tables/dictionary.csv",
        when: When::WithDictionary,
        what: "one row per speech and dictionary category: its matches, rate and summed weights",
        options: OPTIONS,
        columns: &[
            DOC_ID,
            METADATA,
            N_TOKENS.means(
                "Word tokens of the speech, stopwords included, as matched: before --phrases \
                 joins any.",
            ),
            DICTIONARY,
            CATEGORY,
            COUNT.means(
                "Matches of the category in the speech: a token or multiword span counted at \
                 most once per category, the longest match winning.",
            ),
            PER_10K.means("count / n_tokens × 10,000."),
            SCORE,
        ],
        ..table(Family::Frequency, |a, emit| {
            let d = a.dictionaries()?;
            let n_docs = d.counts.n_tokens.len();
            if n_docs == 0 {
                return emit(frames::dictionary_frame(&d.list, &d.counts, &a.corpus, 0..0)?);
            }
            for start in (0..n_docs).step_by(SPEECHES_PER_PART) {
                let docs = start..(start + SPEECHES_PER_PART).min(n_docs);
                emit(frames::dictionary_frame(&d.list, &d.counts, &a.corpus, docs)?)?;
            }
            Ok(())
        })
    },
    OutputInfo {
        path: "tables/dictionary_by_group.csv",
        when: When::WithDictionaryAndGroupBy,
        what: "one row per group of each --group-by and dictionary category: summed matches over summed words",
        options: OPTIONS,
        columns: &[
            GROUP_BY,
            GROUP,
            N_TOKENS.means(
                "Word tokens of the group's speeches, stopwords included, as matched (before \
                 --phrases joins any).",
            ),
            DICTIONARY,
            CATEGORY,
            COUNT.means("Matches of the category in the group's speeches, summed."),
            PER_10K.means("count / n_tokens × 10,000: the group's speeches pooled."),
            SCORE,
        ],
        ..table(Family::Frequency, |a, emit| {
            let d = a.dictionaries()?;
            let sums: Vec<GroupSums<'_>> = a
                .groupings
                .iter()
                .map(|g| GroupSums {
                    column: &g.groups.column,
                    names: &g.groups.names,
                    counts: d
                        .counts
                        .sum_into(g.groups.len(), |doc| Some(g.groups.of_doc[doc])),
                })
                .collect();
            emit(frames::by_group_frame(&d.list, &sums)?)
        })
    },
    OutputInfo {
        path: "tables/dictionary_trends.csv",
        when: When::WithDictionaryAndTime,
        what: "one row per period and dictionary category: matches, rate, and the period's words",
        options: counted_with!("dictionary", "dictionary-match", "time", "period"),
        columns: &[
            PERIOD,
            PERIOD_START,
            DICTIONARY,
            CATEGORY,
            COUNT.means("Matches of the category in the period's speeches, summed."),
            PER_10K.means("count / period_tokens × 10,000."),
            SCORE,
            PERIOD_TOKENS.means(
                "Word tokens of the period's speeches, stopwords included, as matched (before \
                 --phrases joins any).",
            ),
        ],
        ..table(Family::Frequency, |a, emit| {
            let d = a.dictionaries()?;
            let periods = a.periods()?;
            let timeline = &periods.timeline;
            let sums = d
                .counts
                .sum_into(timeline.starts.len(), |doc| timeline.of_doc[doc]);
            emit(frames::trends_frame(
                &d.list,
                &sums,
                &timeline.names(),
                &timeline.starts,
            )?)
        })
    },
];

pub(super) const CHARTS: &[OutputInfo] = &[OutputInfo {
    path: "charts/dictionary.png",
    when: When::WithDictionary,
    what: "the rate of the dictionaries' categories: over time when dated, else across groups or speeches",
    caption: "Matches of each dictionary category per 10,000 words (per_10k): when the speeches \
              are dated, one line per category over the --period (as dictionary_trends.csv); \
              otherwise a cell per group of the first --group-by (or per speech) and category, \
              the 40 largest by words. The categories matched most are shown (10 lines, 12 \
              columns) when there are more.",
    ..chart(Family::Frequency, |a, charts| {
        let d = a.dictionaries()?;
        let names: Vec<(&str, &str)> = frames::categories(&d.list)
            .into_iter()
            .map(|(dictionary, category, _)| (dictionary, category))
            .collect();
        if let Some(periods) = &a.periods {
            let timeline = &periods.timeline;
            let shown = Shown::most_matched(&names, &d.counts, figure::MAX_LINES);
            let sums = d
                .counts
                .sum_into(timeline.starts.len(), |doc| timeline.of_doc[doc]);
            let chart = figure::over_time(
                &shown,
                &sums,
                &timeline.starts,
                timeline.period.noun(),
                &timeline.column,
            );
            return line_chart::draw(&chart, &charts.canvas()?);
        }
        let shown = Shown::most_matched(&names, &d.counts, figure::MAX_COLUMNS);
        let map = match a.first_grouping() {
            Some(g) => figure::across(
                &shown,
                &d.counts
                    .sum_into(g.groups.len(), |doc| Some(g.groups.of_doc[doc])),
                &g.groups.names,
                &format!("{} groups", g.groups.column),
            ),
            None => figure::across(&shown, &d.counts, &a.doc_ids, "speeches"),
        };
        heatmap::draw(&map, &charts.canvas()?)
    })
}];
