//! The pairs family's outputs: collocations (adjacent pairs) of the corpus and of each group,
//! co-occurrence, the collocates of the `--focus` words, the phrases joined; the co-occurrence
//! network and each focus word's collocates as charts.

use super::frequency::ROWS_PER_PART;
use super::row_sources::{CollocationLines, CooccurrenceRows};
use super::{chart, counted_with, table, Charts, Family, OutputInfo, When};
use crate::columns::*;
use crate::error::Result;
use crate::output::charts::{bar_chart, network};
use crate::output::figures::{collocates, cooccurrence_network};
use crate::pipeline::computed::Computed;
use crate::stats::pairs::{collocates as collocates_stats, collocations, cooccurrence, phrases};

/// A collocation's spelling.
const PAIR_LABEL: TableColumn = LABEL.means(
    "The pair's most frequent spelling: two lowercased word forms joined by a space (ties: \
     the alphabetically first).",
);

/// The count of a co-occurring pair.
const PAIR_COUNT: TableColumn = COUNT.means(
    "With --context window: pairs of positions at most --window apart in a sentence, \
     stopwords removed (n_ii = count / (2 × window)); with sentence or document: the \
     sentences or speeches holding both terms (n_ii = count).",
);

const RAISE_MIN_COUNT: &str =
    "For a spreadsheet, raise --min-count (pairs seen fewer times are left out)";

pub(super) const TABLES: &[OutputInfo] = &[
    OutputInfo {
        path: "tables/collocations.csv",
        what: "one row per adjacent pair of terms: count and association scores, strongest first",
        options: counted_with!("min-count"),
        columns: &[
            TERM_1,
            TERM_2,
            PAIR_LABEL,
            COUNT.means(
                "Times term_1 is directly followed by term_2 in a sentence: n_ii of the pair's \
                 2×2 table, whose margins are the two terms' counts and whose total is the \
                 corpus's word tokens.",
            ),
            PMI,
            NPMI,
            LOG_LIKELIHOOD,
            T_SCORE,
            CHI2,
            DICE,
            LOG_DICE,
        ],
        too_long: RAISE_MIN_COUNT,
        csv_rows: Some(|a, table| {
            let rows = collocations::CollocationRows::new(
                &a.pairs()?.adjacent,
                &a.counts.term_count,
                a.counts.total_tokens(),
                a.vocab(),
            );
            let style = table.style();
            table.write(&CollocationLines::new(&rows, &a.counts, a.vocab(), style))
        }),
        ..table(Family::Pairs, |a, emit| {
            let rows = collocations::CollocationRows::new(
                &a.pairs()?.adjacent,
                &a.counts.term_count,
                a.counts.total_tokens(),
                a.vocab(),
            );
            for part in rows.parts(ROWS_PER_PART) {
                emit(rows.frame(part, a.vocab())?)?;
            }
            Ok(())
        })
    },
    OutputInfo {
        path: "tables/cooccurrence.csv",
        what: "one row per pair of terms near each other: count and association scores",
        options: counted_with!("min-count", "context", "window"),
        columns: &[
            TERM_A,
            TERM_B,
            LABEL_A,
            LABEL_B,
            PAIR_COUNT,
            PMI,
            NPMI,
            LOG_LIKELIHOOD,
            T_SCORE,
            DICE,
        ],
        too_long: RAISE_MIN_COUNT,
        csv_rows: Some(|a, table| {
            let pairs = &a.pairs()?.cooccurrences;
            let order = cooccurrence::CooccurrenceOrder::new(pairs, a.vocab())?;
            let style = table.style();
            table.write(&CooccurrenceRows::new(
                &order,
                pairs,
                &a.counts,
                a.vocab(),
                style,
            ))
        }),
        ..table(Family::Pairs, |a, emit| {
            // A large corpus keeps millions of pairs: they are sorted as compact keys, and
            // the table is built a slice of rows at a time.
            let pairs = &a.pairs()?.cooccurrences;
            let order = cooccurrence::CooccurrenceOrder::new(pairs, a.vocab())?;
            for part in order.parts(ROWS_PER_PART) {
                emit(cooccurrence::cooccurrence_frame(
                    &order.rows(part, pairs),
                    pairs,
                    &a.counts,
                    a.vocab(),
                )?)?;
            }
            Ok(())
        })
    },
    OutputInfo {
        path: "tables/collocates.csv",
        when: When::WithFocus,
        what: "one row per focus word and collocate: count and association scores",
        options: counted_with!("focus", "min-count", "context", "window"),
        columns: &[
            FOCUS,
            COLLOCATE,
            LABEL.means("The collocate's label: its most frequent word form."),
            PAIR_COUNT,
            PMI,
            NPMI,
            LOG_LIKELIHOOD,
            T_SCORE,
            DICE,
        ],
        too_long: RAISE_MIN_COUNT,
        ..table(Family::Pairs, |a, emit| {
            emit(collocates_stats::collocates_frame(
                &a.pairs()?.collocates,
                &a.counts,
                a.vocab(),
            )?)
        })
    },
    OutputInfo {
        path: "tables/collocations_by_group.csv",
        when: When::WithGroupBy,
        what: "the 25 strongest adjacent pairs of each group, scored within the group",
        options: counted_with!("group-by", "min-count"),
        columns: &[
            GROUP_COLUMN,
            TERM_1,
            TERM_2,
            PAIR_LABEL,
            COUNT.means(
                "Times term_1 is directly followed by term_2 in a sentence of the group's \
                 speeches: n_ii of a 2×2 table of the group's own term counts and word tokens.",
            ),
            PMI,
            NPMI,
            LOG_LIKELIHOOD,
            T_SCORE,
            CHI2,
            DICE,
            LOG_DICE,
        ],
        ..table(Family::Pairs, |a, emit| {
            let g = a.grouping()?;
            emit(collocations::collocations_by_group_frame(
                &g.groups,
                &g.sums,
                &a.pairs()?.by_group,
                a.vocab(),
            )?)
        })
    },
    OutputInfo {
        path: "tables/phrases.csv",
        when: When::WithPhrases,
        what: "one row per phrase joined into one term, strongest first",
        options: counted_with!(),
        columns: &[
            PHRASE,
            TERM_1.means("The phrase's first term."),
            TERM_2.means("The phrase's second term."),
            COUNT.means("Times the two terms occur side by side in a sentence."),
            NPMI,
            LOG_LIKELIHOOD,
        ],
        ..table(Family::Pairs, |a, emit| {
            let chosen = a.phrases.as_deref().unwrap_or_default();
            emit(phrases::phrases_frame(chosen, a.vocab())?)
        })
    },
];

pub(super) const CHARTS: &[OutputInfo] = &[
    OutputInfo {
        path: "charts/cooccurrence_network.png",
        what: "the 60 strongest co-occurring pairs as a network",
        caption: "The 60 strongest co-occurring pairs of cooccurrence.csv (by log-likelihood, \
                  among pairs that occur more often than chance, pmi > 0): a disc is a term, its \
                  area by the term's count; a line is a pair, wider and darker as its \
                  log-likelihood grows.",
        ..chart(Family::Pairs, |a, charts| {
            let chart = cooccurrence_network::figure(
                &a.pairs()?.cooccurrences,
                &a.counts,
                a.vocab(),
                a.config.min_count,
            );
            network::draw(&chart, &charts.canvas()?)
        })
    },
    OutputInfo {
        path: "charts/collocates_<word>.png",
        when: When::WithFocus,
        what: "a focus word's 25 strongest collocates as bars",
        caption: "The 25 strongest collocates of one --focus word, strongest at the top: a \
                  bar's length is the pair's log-likelihood (G²) in collocates.csv, written \
                  beside it with the pair's count; collocates found less often than chance \
                  predicts are left out.",
        ..chart(Family::Pairs, draw_collocates)
    },
];

fn draw_collocates(a: &Computed, charts: &mut Charts<'_>) -> Result<()> {
    let pairs = a.pairs()?;
    for &focus in &pairs.focus {
        let of_focus: Vec<_> = pairs
            .collocates
            .iter()
            .filter(|c| c.focus == focus)
            .collect();
        let ranked = collocates_stats::attracting(&of_focus, |t| a.label(t));
        let word = a.label(focus);
        let chart = collocates::figure(word, &ranked, |t| a.label(t));
        bar_chart::draw(&chart, &charts.canvas_for(word, word)?)?;
    }
    Ok(())
}
