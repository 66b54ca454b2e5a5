//! The compare family's outputs: the key terms of every target, the similarity of speeches
//! or groups, the `--kwic` lines; keyness and similarity as charts.

use super::frequency::ROWS_PER_PART;
use super::row_sources::KeynessRows;
use super::{chart, counted_with, table, Charts, Family, OutputInfo, When};
use crate::columns::*;
use crate::error::Result;
use crate::output::charts::theme::format_number;
use crate::output::charts::{clustered_heatmap, diverging_bars, funnel, small_multiples};
use crate::output::figures::chart_targets;
use crate::output::figures::funnel as funnel_figure;
use crate::output::figures::keyness as keyness_figures;
use crate::output::figures::similarity_heatmap;
use crate::pipeline::computed::{Computed, SimilarityTable};
use crate::stats::compare::keyness::{self, Target};
use crate::stats::compare::targets::WHOLE_CORPUS;
use crate::stats::compare::{concordance, similarity, style};

pub(super) const TABLES: &[OutputInfo] = &[
    OutputInfo {
        path: "tables/keyness.csv",
        what: "per target (each speech, or each group of each --group-by, and each --target), its most over- and under-used terms",
        options: counted_with!("group-by", "target", "compare", "reference", "keep-shared", "min-count", "top", "min-range", "rank-by", "prior-scale", "smoothing"),
        columns: &[
            GROUP_BY.means(
                "The target's grouping: a --group-by column (iso3,year for two joined), \
                 doc_id when each speech is a target, target for the speeches of a --target \
                 expression (or of --compare's first), or corpus for the whole corpus \
                 against --reference.",
            ),
            TARGET,
            REFERENCE,
            TERM,
            LABEL.means(
                "The term's most frequent word form in the corpus (for a term only the \
                 --reference corpus has, in that corpus); ties: the alphabetically first.",
            ),
            COUNT_TARGET,
            COUNT_REFERENCE,
            PER_10K_TARGET,
            PER_10K_REFERENCE,
            LOG_LIKELIHOOD.means(
                "Dunning's G² = 2 × Σ O × ln(O / E) over the four cells of [[a, b], [c − a, \
                 d − b]] (a, b the term's counts and c, d the word tokens of target and \
                 reference), no continuity correction; signed: positive when the term is \
                 relatively more frequent in the target (over-used), negative when less \
                 (under-used).",
            ),
            P_VALUE,
            CHI2.means(
                "Pearson's chi-square of the same 2×2 table, without Yates' correction, signed \
                 like log_likelihood.",
            ),
            LOG_RATIO,
            PERCENT_DIFF,
            RANGE_TARGET,
            SIGNIFICANT,
            LOG_ODDS,
            LOG_ODDS_Z,
            SIMPLE_MATHS,
            DOC_LOG_LIKELIHOOD,
            RANGE_REFERENCE,
            N_DOCUMENTS_TARGET,
            N_DOCUMENTS_REFERENCE,
        ],
        csv_rows: Some(|a, table| {
            let style = table.style();
            table.write(&KeynessRows::new(
                a.keyness()?,
                |t| a.term_and_label(t),
                style,
            ))
        }),
        ..table(Family::Compare, |a, emit| {
            // A target per speech gives millions of rows on a large corpus: the table is
            // built a slice of targets at a time.
            let targets = a.keyness()?;
            for part in keyness::parts(targets, ROWS_PER_PART) {
                emit(keyness::keyness_frame(part, |t| a.term_and_label(t))?)?;
            }
            Ok(())
        })
    },
    OutputInfo {
        path: "tables/similarity.csv",
        what: "cosine and Jaccard similarity (or with --similarity-measure style, Burrows' Delta) of pairs of speeches or of groups (every pair up to 1,000, else each one's 10 most similar)",
        options: counted_with!("group-by", "similarity", "similarity-measure", "style-words"),
        columns: &[UNIT_PAIR, SIMILARITY_SCORES, METHOD],
        preview_by: Some(COSINE),
        ..table(Family::Compare, |a, emit| match &a.similarity()?.table {
            // Ten pairs per speech are millions of rows on a large corpus: a slice at a time.
            SimilarityTable::Speeches(listed) => {
                for rows in listed.parts(ROWS_PER_PART) {
                    emit(similarity::speech_similarity_frame(listed, rows, &a.doc_ids)?)?;
                }
                Ok(())
            }
            SimilarityTable::Groups(per_grouping) => emit(similarity::group_similarity_frame(
                &named_groupings(a, per_grouping),
            )?),
            SimilarityTable::SpeechStyles(listed) => {
                for rows in listed.parts(ROWS_PER_PART) {
                    emit(style::speech_delta_frame(listed, rows, &a.doc_ids)?)?;
                }
                Ok(())
            }
            SimilarityTable::GroupStyles(per_grouping) => {
                emit(style::group_delta_frame(&named_groupings(a, per_grouping))?)
            }
        })
    },
    OutputInfo {
        path: "tables/kwic.csv",
        when: When::WithKwic,
        what: "one row per occurrence of the --kwic pattern, with its context",
        // Found before phrases are joined, by form or by term; stopwords are matched too.
        options: &[
            "language",
            "no-stem",
            "keep-annotations",
            "kwic",
            "match",
            "width",
            "in",
        ],
        columns: &[
            DOC_ID,
            METADATA,
            SENTENCE.means(
                "0-based index of the keyword's sentence in the speech (counted before \
                 --phrases joins).",
            ),
            POSITION.means(
                "0-based index of the keyword's first word token in the speech (counted \
                 before --phrases joins).",
            ),
            LEFT,
            KEYWORD,
            RIGHT,
        ],
        too_long: "For a spreadsheet, narrow --kwic, or limit it to some speeches with --in",
        ..table(Family::Compare, |a, emit| {
            let lines = a.kwic.as_deref().unwrap_or_default();
            emit(concordance::kwic_frame(lines, &a.corpus)?)
        })
    },
];

pub(super) const CHARTS: &[OutputInfo] = &[
    OutputInfo {
        path: "charts/keyness_overview.png",
        what: "the top over-used terms of every target of the first grouping (the 30 largest), one panel each",
        caption: "One panel per target of the first grouping (each speech without --group-by; \
                  the 30 largest by words): its 8 most over-used terms, a bar's length the \
                  log-likelihood (G²) against its reference (with --rank-by, that measure), \
                  written beside it; each panel on its own scale (its longest bar spans the \
                  panel).",
        ..chart(Family::Compare, |a, charts| {
            let targets = a.keyness()?;
            let shown = targets.first().map(|first| {
                a.first_grouping()
                    .map_or(first.group_by.as_str(), |g| g.groups.column.as_str())
            });
            let of_grouping: Vec<&Target> = targets
                .iter()
                .filter(|t| Some(t.group_by.as_str()) == shown)
                .collect();
            let chart = keyness_figures::overview(&of_grouping, |t| a.term_and_label(t).1);
            small_multiples::draw(&chart, &charts.canvas()?)
        })
    },
    OutputInfo {
        path: "charts/keyness_<word>.png",
        what: "a target's key terms as two-sided bars (the --chart-targets, then the largest targets of each grouping in turn, --max-charts in all)",
        caption: "The key terms of one target (those named by --chart-targets get one, then \
                  the largest of each grouping in turn, --max-charts in all): bars \
                  to the right are over-used terms (positive log-likelihood G²: relatively more \
                  frequent than in the reference), bars to the left under-used ones (negative \
                  G²), up to 15 a side. Lighter bars are not significant (p ≥ 0.05 after \
                  Bonferroni); beside each bar, its rate per 10,000 words in the target and in \
                  the reference. With --rank-by, the bars are that measure's (simple maths as \
                  its log2) and the terms it ranks first.",
        ..chart(Family::Compare, draw_keyness)
    },
    OutputInfo {
        path: "charts/log_odds_<word>.png",
        what: "a target's Fightin' Words funnel plot: every term's log-odds z-score against its count (the --compare pair, the --chart-targets, then the largest targets of the first grouping, --max-charts in all)",
        caption: "The Fightin' Words plot of one target (Monroe, Colaresi & Quinn 2008): each \
                  dot a term, at its count in target and reference together (x, logarithmic) \
                  and its log-odds z-score (y; prior: target and reference together, or the \
                  --reference corpus, times --prior-scale). Beyond the dashed lines at ±1.96, \
                  blue terms are more frequent in the target, vermillion ones in the \
                  reference; the strongest of each side are named where their names fit \
                  without overlap.",
        ..chart(Family::Compare, draw_funnels)
    },
    OutputInfo {
        path: "charts/similarity_heatmap.png",
        what: "cosine similarity (or Burrows' Delta) of speeches (or groups of the first grouping), clustered, with its dendrogram",
        caption: "The cosine similarity of the tf-idf vectors of each pair of speeches (or \
                  groups of the first --group-by), in colour from the lowest to the highest \
                  off-diagonal value shown (0 to 1 when they do not differ), the diagonal grey. Rows and \
                  columns are ordered by average-linkage clustering (UPGMA) on 1 − cosine, with \
                  its dendrogram at the left; at most 60, the largest by words. With \
                  --similarity-measure style, Burrows' Delta instead, clustered on Delta, its \
                  colours reversed so that alike pairs are bright under either measure.",
        ..chart(Family::Compare, draw_similarity)
    },
];

/// The charts of the `--chart-targets` and of the largest targets of each grouping in turn
/// (`max_charts` in all), named after them (and their grouping when there are several).
fn draw_keyness(a: &Computed, charts: &mut Charts<'_>) -> Result<()> {
    let targets = a.keyness()?;
    let several_groupings = targets.iter().any(|t| t.group_by != targets[0].group_by);
    let mut used = std::collections::HashSet::new();
    let chosen = chart_targets::chosen(targets, &a.config.chart_targets, a.config.max_charts);
    for i in chosen {
        let target = &targets[i];
        let (file_part, name) = chart_names(target, several_groupings, &mut used);
        let chart = keyness_figures::figure(target, |t| a.term_and_label(t).1);
        diverging_bars::draw(&chart, &charts.canvas_for(&file_part, &name)?)?;
    }
    Ok(())
}

/// A target chart's file name part and title name: the grouping joined to the target's name
/// when the run has several groupings, and a `_` added until the file name is one not `used`.
fn chart_names(
    target: &Target,
    several_groupings: bool,
    used: &mut std::collections::HashSet<String>,
) -> (String, String) {
    let of_grouping = several_groupings && target.group_by != WHOLE_CORPUS;
    let (mut file_part, name) = match of_grouping {
        true => (
            format!("{}_{}", target.group_by, target.name),
            format!("{} ({})", target.name, target.group_by),
        ),
        false => (target.name.clone(), target.name.clone()),
    };
    while !used.insert(super::file_name_part(&file_part)) {
        file_part.push('_');
    }
    (file_part, name)
}

/// The funnel plots of the targets the families stage chose (see `families::funnel_targets`),
/// named as the keyness charts are.
fn draw_funnels(a: &Computed, charts: &mut Charts<'_>) -> Result<()> {
    let targets = a.keyness()?;
    let funnels = a.funnels()?;
    let several_groupings = funnels.iter().any(|f| f.group_by != funnels[0].group_by);
    let mut used = std::collections::HashSet::new();
    for funnel in funnels {
        let Some(target) = targets
            .iter()
            .find(|t| t.group_by == funnel.group_by && t.name == funnel.name)
        else {
            continue;
        };
        let (file_part, name) = chart_names(target, several_groupings, &mut used);
        let chart = funnel_figure::figure(funnel, target, |t| a.term_and_label(t).1);
        funnel::draw(&chart, &charts.canvas_for(&file_part, &name)?)?;
    }
    Ok(())
}

/// The similarity of the first grouping's groups, or of the speeches; the largest
/// [`similarity_heatmap::MAX_UNITS`] when there are more.
fn draw_similarity(a: &Computed, charts: &mut Charts<'_>) -> Result<()> {
    let matrix = &a.similarity()?.heatmap;
    let what = match a.first_grouping() {
        Some(g) => format!("{} groups", g.groups.column),
        None => "speeches".to_owned(),
    };
    let detail = if matrix.shown.len() < matrix.of {
        format!(
            "the {} largest of {} {what} (by words)",
            matrix.shown.len(),
            format_number(matrix.of as f64, 0)
        )
    } else {
        format!("{} {what}", format_number(matrix.of as f64, 0))
    };
    let labels: Vec<String> = matrix
        .shown
        .iter()
        .map(|&u| a.unit_name(u).to_owned())
        .collect();
    let chart = similarity_heatmap::figure(&matrix.values, matrix.measure, &labels, &what, &detail);
    clustered_heatmap::draw(&chart, &charts.canvas()?)
}

/// Each grouping's column and group names beside its own `per_grouping` value, in order.
fn named_groupings<'a, T>(
    a: &'a Computed,
    per_grouping: &'a [T],
) -> Vec<(&'a str, &'a [String], &'a T)> {
    a.groupings
        .iter()
        .zip(per_grouping)
        .map(|(g, value)| (g.groups.column.as_str(), g.groups.names.as_slice(), value))
        .collect()
}
