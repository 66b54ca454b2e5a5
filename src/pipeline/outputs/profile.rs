//! The profile family's outputs: the profile of each group, term rates per period; lexical
//! diversity, readability, dispersion, Zipf's law and trends as charts.

use super::{chart, counted_with, table, Charts, Family, OutputInfo, When};
use crate::columns::*;
use crate::error::Result;
use crate::output::charts::{bar_chart, line_chart, loglog, xray};
use crate::output::figures::dispersion as dispersion_figure;
use crate::output::figures::speech_measure::{self, Measure};
use crate::output::figures::{term_trends, zipf};
use crate::pipeline::computed::Computed;
use crate::stats::groups::Groups;
use crate::stats::profile::{group_profiles, readability, trends};

pub(super) const TABLES: &[OutputInfo] = &[
    OutputInfo {
        path: "tables/groups.csv",
        when: When::WithGroupBy,
        what: "one row per group of each --group-by: size, diversity (mean and median of its speeches, STTR) and readability",
        options: counted_with!("group-by", "mattr-window"),
        columns: &[
            GROUP_BY,
            GROUP,
            N_DOCUMENTS.means("Speeches in the group."),
            N_TOKENS.means("Word tokens of the group's speeches, stopwords included."),
            STTR,
            TTR_MEAN,
            TTR_MEDIAN,
            MATTR_MEAN,
            MATTR_MEDIAN,
            MTLD_MEAN,
            MTLD_MEDIAN,
            YULES_K_MEAN,
            YULES_K_MEDIAN,
            HERDAN_C_MEAN,
            HERDAN_C_MEDIAN,
            GUIRAUD_MEAN,
            GUIRAUD_MEDIAN,
            MEAN_SENTENCE_LENGTH.means(
                "Words per sentence of the group's speeches pooled (summed words over summed \
                 sentences); English only.",
            ),
            SYLLABLES_PER_WORD.means(
                "Syllables per word of the group's speeches pooled; English only.",
            ),
            FLESCH_READING_EASE.means(
                "Flesch reading ease of the group's speeches pooled (summed words, sentences \
                 and syllables); English only.",
            ),
            FLESCH_KINCAID_GRADE.means(
                "Flesch-Kincaid grade of the group's speeches pooled (summed words, sentences \
                 and syllables); English only.",
            ),
        ],
        ..table(Family::Profile, |a, emit| {
            let groupings: Vec<&Groups> = a.groupings.iter().map(|g| &g.groups).collect();
            let english = a.profiles()?.readability.is_some();
            emit(group_profiles::groups_frame(
                &groupings,
                &a.group_profiles,
                english,
            )?)
        })
    },
    OutputInfo {
        path: "tables/term_trends.csv",
        when: When::WithTime,
        what: "one row per period and term: count, rate, and the period's words",
        options: counted_with!("time", "period"),
        columns: &[
            PERIOD,
            PERIOD_START,
            TERM,
            LABEL,
            COUNT.means("Occurrences of the term in the period's speeches."),
            PER_10K.means("count / period_tokens × 10,000."),
            PERIOD_TOKENS,
        ],
        ..table(Family::Profile, |a, emit| {
            let periods = a.periods()?;
            emit(trends::term_trends_frame(
                &periods.timeline,
                &periods.sums,
                &a.counts,
                a.vocab(),
            )?)
        })
    },
];

pub(super) const CHARTS: &[OutputInfo] = &[
    OutputInfo {
        path: "charts/lexical_diversity.png",
        what: "MTLD of each speech: over time when dated, else per speech or group",
        caption: "MTLD (threshold 0.72, the mean of the forward and backward passes) of each \
                  speech: when the speeches are dated, a grey point per speech and a line of \
                  the mean per period (one per group of the first --group-by, the 8 largest; when \
                  most groups have one speech per period and there are more than 8, a point per \
                  speech and the mean of all per period instead); \
                  otherwise a bar per speech, or per group (the median of its speeches), the 40 \
                  largest by words.",
        ..chart(Family::Profile, |a, charts| {
            let p = a.profiles()?;
            let values: Vec<Option<f64>> = p.diversity.iter().map(|d| d.mtld).collect();
            let of_group = |docs: &[usize]| median(docs.iter().filter_map(|&d| values[d]));
            draw_speech_measure(a, charts, &LEXICAL_DIVERSITY, &values, &of_group)
        })
    },
    OutputInfo {
        path: "charts/readability.png",
        when: When::InEnglish,
        what: "Flesch-Kincaid grade of each speech: over time when dated, else per speech or group",
        caption: "Flesch-Kincaid grade (0.39 × words per sentence + 11.8 × syllables per word − \
                  15.59, a US school grade) of each speech: when dated, a grey point per speech \
                  and a line of the mean per period (one per group of the first --group-by, the \
                  8 largest; when most groups have one speech per period and there are more \
                  than 8, a point per speech and the mean of all per period instead); otherwise a bar per speech, or per group (its speeches pooled).",
        ..chart(Family::Profile, |a, charts| {
            let Some(counts) = &a.profiles()?.readability else {
                return Ok(());
            };
            let values: Vec<Option<f64>> =
                counts.iter().map(|c| c.flesch_kincaid_grade()).collect();
            let of_group = |docs: &[usize]| {
                let mut pooled = readability::Counts::default();
                for &d in docs {
                    pooled.add(counts[d]);
                }
                pooled.flesch_kincaid_grade()
            };
            draw_speech_measure(a, charts, &READABILITY, &values, &of_group)
        })
    },
    OutputInfo {
        path: "charts/dispersion.png",
        what: "where each occurrence of chosen terms (--terms, default the 8 least evenly spread) falls, speech by speech",
        caption: "Where each occurrence of the --terms (default: the 8 least evenly spread, \
                  highest DP, of those counted 100 times or more) falls in the corpus read in \
                  order: a band per term, a tick per occurrence, a faint line where each speech \
                  starts.",
        ..chart(Family::Profile, |a, charts| {
            let chart = dispersion_figure::figure(
                a.dispersion_plot()?,
                &a.counts,
                a.vocab(),
                &a.doc_ids,
                a.chart_terms.is_some(),
            );
            xray::draw(&chart, &charts.canvas()?)
        })
    },
    OutputInfo {
        path: "charts/zipf.png",
        what: "rank against frequency of the terms, log-log, with the fitted slope",
        caption: "Each term's rank (1 = the most frequent) against its count, both axes \
                  logarithmic, stopwords left out. The line is the least-squares fit of \
                  log10(count) on log10(rank) over ranks 10 to 1,000; its slope (about −1 is \
                  Zipf's law) and R² are in the legend.",
        ..chart(Family::Profile, |a, charts| {
            loglog::draw(&zipf::figure(&a.counts, a.config.stem), &charts.canvas()?)
        })
    },
    OutputInfo {
        path: "charts/term_trends.png",
        when: When::WithTime,
        what: "rate of chosen terms (--terms, default those that changed most) per period",
        caption: "The rate per 10,000 words (per_10k of term_trends.csv) of the --terms in each \
                  --period, one line per term; by default the 4 terms whose rate rose most and \
                  the 4 that fell most from the first to the last third of the periods (terms \
                  counted 100 times or more). A line breaks where periods have no speeches.",
        ..chart(Family::Profile, |a, charts| {
            let periods = a.periods()?;
            let terms = a.chart_terms_or(|| periods.changed_most.iter().map(|c| c.term).collect());
            let chart = term_trends::figure(
                &periods.timeline,
                &periods.sums,
                &terms,
                a.chart_terms.is_some(),
                &a.counts,
                a.vocab(),
            );
            line_chart::draw(&chart, &charts.canvas()?)
        })
    },
];

const LEXICAL_DIVERSITY: Measure<'static> = Measure {
    name: "MTLD",
    title: "Lexical diversity",
    convention: "MTLD (McCarthy & Jarvis 2010, threshold 0.72, forwards and backwards)",
    decimals: 1,
};

const READABILITY: Measure<'static> = Measure {
    name: "Flesch-Kincaid grade",
    title: "Readability",
    convention:
        "Flesch-Kincaid grade level: 0.39 x words per sentence + 11.8 x syllables per word - 15.59",
    decimals: 1,
};

/// A measure of each speech (`values`): over time when dated, with a line per group of the
/// first grouping; else bars per group (`of_group` of its speeches) or per speech.
fn draw_speech_measure(
    a: &Computed,
    charts: &mut Charts<'_>,
    measure: &Measure<'_>,
    values: &[Option<f64>],
    of_group: &dyn Fn(&[usize]) -> Option<f64>,
) -> Result<()> {
    let grouping = a.first_grouping();
    if let Some(periods) = &a.periods {
        let groups = grouping.map(|g| (&g.groups, g.sums.n_tokens.as_slice()));
        let chart = speech_measure::over_time(measure, values, &periods.timeline, groups);
        return line_chart::draw(&chart, &charts.canvas()?);
    }
    let chart = match grouping {
        Some(g) => {
            let mut members: Vec<Vec<usize>> = vec![Vec::new(); g.groups.len()];
            for (d, &group) in g.groups.of_doc.iter().enumerate() {
                members[group].push(d);
            }
            let group_values: Vec<Option<f64>> = members.iter().map(|m| of_group(m)).collect();
            let units = format!("{} groups", g.groups.column);
            speech_measure::bars(
                measure,
                &g.groups.names,
                &group_values,
                &g.sums.n_tokens,
                &units,
            )
        }
        None => speech_measure::bars(measure, &a.doc_ids, values, &a.counts.n_tokens, "speeches"),
    };
    bar_chart::draw(&chart, &charts.canvas()?)
}

/// The middle value, or the mean of the two middle ones; none for no values.
fn median(values: impl Iterator<Item = f64>) -> Option<f64> {
    let mut values: Vec<f64> = values.collect();
    values.sort_by(f64::total_cmp);
    let n = values.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(values[n / 2]),
        _ => Some((values[n / 2 - 1] + values[n / 2]) / 2.0),
    }
}
