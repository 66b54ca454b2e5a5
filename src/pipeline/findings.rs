//! What stands out in an analysis, for the head of the report: the key terms of the largest
//! targets, the most and the least similar speeches or groups, the terms whose rate rose and
//! fell most, and the speeches at the extremes of lexical diversity and readability. Each
//! finding is read from what the families stage computed and names the chart and the table it
//! comes from; none counts anything again.

use super::computed::{Computed, SimilarityTable};
use super::record::{WrittenChart, WrittenTable};
use crate::columns::thousands;
use crate::columns::DOC_ID;
use crate::output::charts::theme::{format_number, significant_decimals};
use crate::output::figures::keyness::reference_name;
use crate::output::report::{Finding, FindingLine};
use crate::stats::compare::keyness::{is_significant, Target};
use crate::stats::compare::measures::RankBy;
use crate::stats::compare::similarity::{Listing, Similarity};
use crate::stats::compare::style::DistancesListed;
use crate::stats::compare::targets::{TARGET_GROUPING, WHOLE_CORPUS};
use crate::stats::profile::trends::{thirds, TREND_MIN_COUNT};

/// Targets listed under the key terms: the largest.
const TARGETS_LISTED: usize = 8;
/// Over-used terms listed per target.
const TERMS_PER_TARGET: usize = 6;
/// Pairs listed as most and as least similar.
const PAIRS_LISTED: usize = 5;
/// Speeches listed at each extreme of a measure.
const EXTREMES_LISTED: usize = 3;
/// Speeches shorter than this are left out of the extremes: their diversity and readability
/// rest on too few words to compare.
const EXTREME_MIN_TOKENS: u64 = 100;

/// The chart and table each finding comes from, as the catalogue names them.
const KEY_TERMS_FROM: [&str; 2] = ["charts/keyness_overview.png", "tables/keyness.csv"];
const SIMILARITY_FROM: [&str; 2] = ["charts/similarity_heatmap.png", "tables/similarity.csv"];
const TRENDS_FROM: [&str; 2] = ["charts/term_trends.png", "tables/term_trends.csv"];
const DIVERSITY_FROM: [&str; 2] = ["charts/lexical_diversity.png", "tables/documents.csv"];
const READABILITY_FROM: [&str; 2] = ["charts/readability.png", "tables/documents.csv"];

/// The findings of `a`, each naming the charts and tables it comes from among those written.
pub(crate) fn findings(
    a: &Computed,
    tables: &[WrittenTable],
    charts: &[WrittenChart],
) -> Vec<Finding> {
    let written = |path: &str| {
        charts.iter().any(|c| c.path == path) || tables.iter().any(|t| t.record.path == path)
    };
    let sources = |paths: &[&str]| -> Vec<String> {
        paths
            .iter()
            .map(|p| table_file(p, tables))
            .filter(|p| written(p))
            .collect()
    };
    let mut found = Vec::new();
    if let Some(finding) = key_terms(a) {
        found.push(Finding {
            sources: sources(&KEY_TERMS_FROM),
            ..finding
        });
    }
    for finding in similarity(a) {
        found.push(Finding {
            sources: sources(&SIMILARITY_FROM),
            ..finding
        });
    }
    if let Some(finding) = trends(a) {
        found.push(Finding {
            sources: sources(&TRENDS_FROM),
            ..finding
        });
    }
    if let Some(finding) = extremes(a, Measure::Diversity) {
        found.push(Finding {
            sources: sources(&DIVERSITY_FROM),
            ..finding
        });
    }
    if let Some(finding) = extremes(a, Measure::Readability) {
        found.push(Finding {
            sources: sources(&READABILITY_FROM),
            ..finding
        });
    }
    found
}

/// A table's file as written: `tables/x.parquet` when only Parquet was written.
fn table_file(path: &str, tables: &[WrittenTable]) -> String {
    tables
        .iter()
        .find(|t| t.output.path == path)
        .map_or_else(|| path.to_owned(), |t| t.record.path.clone())
}

fn finding(heading: String, note: String, lines: Vec<FindingLine>) -> Finding {
    Finding {
        heading,
        note,
        lines,
        sources: Vec::new(),
    }
}

fn line(lead: impl Into<String>, text: impl Into<String>) -> FindingLine {
    FindingLine {
        lead: lead.into(),
        text: text.into(),
    }
}

/// The significantly over-used terms of the largest targets of the first grouping (the
/// grouping the keyness overview shows); none when no target has a reference to be compared
/// with (every speech in one group).
fn key_terms(a: &Computed) -> Option<Finding> {
    let targets = a.keyness.as_deref()?;
    let first = targets.first()?;
    if targets.iter().all(|t| t.reference_tokens == 0) {
        return None;
    }
    let grouping = a
        .first_grouping()
        .map_or(first.group_by.as_str(), |g| g.groups.column.as_str());
    let mut shown: Vec<&Target> = targets.iter().filter(|t| t.group_by == grouping).collect();
    let of = shown.len();
    shown.sort_by_key(|t| std::cmp::Reverse(t.tokens));
    shown.truncate(TARGETS_LISTED);
    let lines = shown
        .iter()
        .map(|target| {
            let terms: Vec<&str> = target
                .keys
                .read()
                .iter()
                .filter(|k| {
                    k.side(target.rank_by, &target.measures) > 0.0
                        && is_significant(k, target.tested)
                })
                .take(TERMS_PER_TARGET)
                .map(|k| a.term_and_label(k.term).1)
                .collect();
            let size = match target.documents {
                1 => format!("{} words", thousands(target.tokens)),
                n => format!(
                    "{} speeches, {} words",
                    thousands(n as u64),
                    thousands(target.tokens)
                ),
            };
            let text = match terms.is_empty() {
                true => format!("({size}): no term significantly over-used"),
                false => format!("({size}): {}", terms.join(", ")),
            };
            line(&target.name, text)
        })
        .collect();
    let units = match grouping {
        g if g == DOC_ID.name => "speeches".to_owned(),
        WHOLE_CORPUS => WHOLE_CORPUS.to_owned(),
        TARGET_GROUPING => "targets".to_owned(),
        column => format!("{column} groups"),
    };
    let which = match (shown.len() < of, units.as_str()) {
        (_, WHOLE_CORPUS) => "The corpus".to_owned(),
        (_, "targets") if of == 1 => "The target".to_owned(),
        (true, _) => format!(
            "The {} largest of {} {units}",
            shown.len(),
            thousands(of as u64)
        ),
        (false, _) => format!("Each of the {} {units}", thousands(of as u64)),
    };
    let order = match first.rank_by {
        RankBy::LogLikelihood => "log-likelihood G², significant after Bonferroni".to_owned(),
        rank => format!(
            "by {}, those significant after Bonferroni on log-likelihood G²",
            rank.name()
        ),
    };
    let note = format!(
        "{which}, against {}: its most over-used terms, strongest first ({order}).",
        reference_name(first)
    );
    Some(finding("Key terms".into(), note, lines))
}

/// The most similar pairs of speeches or groups, and the least similar: from every pair when
/// the table holds them all, else among the units of the heatmap.
fn similarity(a: &Computed) -> Vec<Finding> {
    let Some(s) = &a.similarity else {
        return Vec::new();
    };
    let (table, units) = match &s.table {
        SimilarityTable::Speeches(table) => (table, "speeches"),
        SimilarityTable::Groups(per_grouping) => match per_grouping.first() {
            Some(table) => (table, "groups"),
            None => return Vec::new(),
        },
        SimilarityTable::SpeechStyles(table) => return style_similarity(a, table, "speeches"),
        SimilarityTable::GroupStyles(per_grouping) => match per_grouping.first() {
            Some(table) => return style_similarity(a, table, "groups"),
            None => return Vec::new(),
        },
    };
    let units = units_named(a, units);
    let listed = |pairs: &[(f64, u32, u32)]| pair_lines(a, pairs, "cosine");
    let every_pair = table.listing == Listing::AllPairs;
    // Nearest lists hold a pair from each side when each is among the other's most
    // similar: the pair is named once, first unit first (both sides have the same bits).
    let mut defined: Vec<(f64, u32, u32)> = table
        .pairs
        .iter()
        .filter_map(|p: &Similarity| Some((p.cosine?, p.a.min(p.b), p.a.max(p.b))))
        .collect();
    defined.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
    defined.dedup();
    if defined.is_empty() {
        return Vec::new();
    }
    let note = "Cosine similarity of their tf-idf vectors (1: the same terms in the same \
                proportions, 0: no term in common that weighs anything).";
    if every_pair && defined.len() <= 2 * PAIRS_LISTED {
        let heading = format!("Similarity of the {units}, most similar first");
        return vec![finding(heading, note.into(), listed(&defined))];
    }
    let most = finding(
        format!("Most similar {units}"),
        note.into(),
        listed(&defined[..defined.len().min(PAIRS_LISTED)]),
    );
    let least_pairs: Vec<(f64, u32, u32)> = if every_pair {
        defined.iter().rev().take(PAIRS_LISTED).copied().collect()
    } else {
        let m = &s.heatmap;
        let mut pairs: Vec<(f64, u32, u32)> = (0..m.shown.len())
            .flat_map(|i| (i + 1..m.shown.len()).map(move |j| (i, j)))
            .map(|(i, j)| (m.values[i][j], m.shown[i] as u32, m.shown[j] as u32))
            .collect();
        pairs.sort_by(|x, y| x.0.total_cmp(&y.0).then((x.1, x.2).cmp(&(y.1, y.2))));
        pairs.truncate(PAIRS_LISTED);
        pairs
    };
    let least_note = match every_pair {
        true => "Lowest cosine similarity of their tf-idf vectors.".to_owned(),
        false => format!(
            "Lowest cosine similarity among the {} largest {units} (the table lists each \
             one's most similar only).",
            s.heatmap.shown.len()
        ),
    };
    let least = finding(
        format!("Least similar {units}"),
        least_note,
        listed(&least_pairs),
    );
    vec![most, least]
}

/// What the similarity's units are called: "speeches", or the first grouping's groups
/// ("party groups").
fn units_named(a: &Computed, units: &str) -> String {
    match a.first_grouping() {
        Some(g) => format!("{} {units}", g.groups.column),
        None => units.to_owned(),
    }
}

/// A line per pair `(value, x, y)`: the two units by name and the value of `measure`.
fn pair_lines(a: &Computed, pairs: &[(f64, u32, u32)], measure: &str) -> Vec<FindingLine> {
    let name = |unit: u32| a.unit_name(unit as usize);
    pairs
        .iter()
        .map(|&(value, x, y)| {
            line(
                format!("{} and {}", name(x), name(y)),
                format!("{measure} {}", format_number(value, 3)),
            )
        })
        .collect()
}

/// The pairs of speeches or groups most alike in style (lowest Burrows' Delta), from every
/// pair when the table holds them all, else from each one's nearest; and the least alike
/// when every pair is listed.
fn style_similarity(a: &Computed, table: &DistancesListed, units: &str) -> Vec<Finding> {
    let units = units_named(a, units);
    let listed = |pairs: &[(f64, u32, u32)]| pair_lines(a, pairs, "Delta");
    // A pair listed from both sides (each among the other's nearest) is named once.
    let mut pairs: Vec<(f64, u32, u32)> = table
        .pairs
        .iter()
        .map(|p| (p.delta, p.a.min(p.b), p.a.max(p.b)))
        .collect();
    pairs.sort_by(|x, y| x.0.total_cmp(&y.0).then((x.1, x.2).cmp(&(y.1, y.2))));
    pairs.dedup();
    if pairs.is_empty() {
        return Vec::new();
    }
    let note = "Burrows' Delta on the most frequent words, stopwords included (0: the same \
                profile; lower is more alike in style).";
    let mut found = vec![finding(
        format!("Most alike in style: {units}"),
        note.into(),
        listed(&pairs[..pairs.len().min(PAIRS_LISTED)]),
    )];
    if table.listing == Listing::AllPairs && pairs.len() > PAIRS_LISTED {
        let least: Vec<(f64, u32, u32)> = pairs.iter().rev().take(PAIRS_LISTED).copied().collect();
        found.push(finding(
            format!("Least alike in style: {units}"),
            "Highest Burrows' Delta.".into(),
            listed(&least),
        ));
    }
    found
}

/// The terms whose rate rose most and fell most from the first to the last third of the
/// periods.
fn trends(a: &Computed) -> Option<Finding> {
    let periods = a.periods.as_ref()?;
    if periods.changed_most.is_empty() {
        return None;
    }
    let names = periods.timeline.names();
    let (first, last) = thirds(names.len())?;
    let span = |r: std::ops::Range<usize>| match r.len() {
        1 => names[r.start].clone(),
        _ => format!("{}–{}", names[r.start], names[r.end - 1]),
    };
    let lines = periods
        .changed_most
        .iter()
        .map(|c| {
            let word = if c.after > c.before { "rose" } else { "fell" };
            line(
                a.label(c.term),
                format!(
                    "{word}: {} → {} per 10,000 words",
                    significant(c.before),
                    significant(c.after)
                ),
            )
        })
        .collect();
    let note = format!(
        "Rate per 10,000 words in the first third of the periods ({}) and in the last ({}), \
         terms counted {TREND_MIN_COUNT} times or more.",
        span(first),
        span(last)
    );
    Some(finding("Rising and falling terms".into(), note, lines))
}

/// A rate with three significant digits (0.0412, 7.23, 36.0, 451), whole numbers from a
/// thousand on.
fn significant(value: f64) -> String {
    if value == 0.0 || !value.is_finite() {
        return "0".to_owned();
    }
    let decimals = significant_decimals(value, 3);
    format!("{value:.decimals$}")
}

#[derive(Clone, Copy, PartialEq)]
enum Measure {
    Diversity,
    Readability,
}

/// The speeches with the highest and the lowest MTLD, or Flesch-Kincaid grade, among those
/// of at least [`EXTREME_MIN_TOKENS`] words.
fn extremes(a: &Computed, measure: Measure) -> Option<Finding> {
    let profiles = a.profiles.as_ref()?;
    let values: Vec<Option<f64>> = match measure {
        Measure::Diversity => profiles.diversity.iter().map(|d| d.mtld).collect(),
        Measure::Readability => profiles
            .readability
            .as_ref()?
            .iter()
            .map(|c| c.flesch_kincaid_grade())
            .collect(),
    };
    let long_enough = |d: usize| a.counts.n_tokens[d] >= EXTREME_MIN_TOKENS;
    let mut ranked: Vec<(f64, usize)> = values
        .iter()
        .enumerate()
        .filter(|&(d, _)| long_enough(d))
        .filter_map(|(d, v)| Some(((*v)?, d)))
        .collect();
    if ranked.len() < 2 {
        return None;
    }
    ranked.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
    let n = EXTREMES_LISTED.min(ranked.len() / 2);
    let (name, high, low, heading) = match measure {
        Measure::Diversity => (
            "MTLD",
            "most diverse",
            "least diverse",
            "Lexical diversity: the extremes",
        ),
        Measure::Readability => (
            "Flesch-Kincaid grade",
            "hardest to read",
            "easiest to read",
            "Readability: the extremes",
        ),
    };
    let item = |&(value, d): &(f64, usize), which: &str| {
        line(
            &a.doc_ids[d],
            format!(
                "{which}: {name} {} ({} words)",
                format_number(value, 1),
                thousands(a.counts.n_tokens[d])
            ),
        )
    };
    let mut lines: Vec<FindingLine> = ranked[..n].iter().map(|r| item(r, high)).collect();
    lines.extend(
        ranked[ranked.len() - n..]
            .iter()
            .rev()
            .map(|r| item(r, low)),
    );
    let note = format!(
        "The {n} highest and the {n} lowest of {} speeches of {EXTREME_MIN_TOKENS} words or \
         more.",
        thousands(ranked.len() as u64)
    );
    Some(finding(heading.into(), note, lines))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Corpus, Document};
    use crate::pipeline::{analyze_corpus, Config, OUTPUTS};

    #[test]
    fn findings_name_outputs_of_the_catalogue() {
        let sources = [
            KEY_TERMS_FROM,
            SIMILARITY_FROM,
            TRENDS_FROM,
            DIVERSITY_FROM,
            READABILITY_FROM,
        ];
        for path in sources.iter().flatten() {
            assert!(OUTPUTS.iter().any(|o| o.path == *path), "{path}");
        }
    }

    #[test]
    fn no_key_terms_without_a_reference_to_compare_with() {
        let corpus = Corpus::new(Vec::new(), vec![Document::from_text("one", "Peace.")]).unwrap();
        let a = analyze_corpus(&Config::default(), corpus).unwrap().computed;
        assert!(key_terms(&a).is_none());
    }

    #[test]
    fn rates_keep_three_significant_digits() {
        assert_eq!(significant(0.041_234), "0.0412");
        assert_eq!(significant(7.234), "7.23");
        assert_eq!(significant(36.0), "36.0");
        assert_eq!(significant(451.2), "451");
        assert_eq!(significant(0.0), "0");
    }

    /// Six speeches of two parties over six years, war giving way to peace.
    fn dated() -> Computed {
        let texts = [
            "War war war. The army marched to war again and the war went on.",
            "War and the army. Our war must end, but the army stays at war.",
            "The war slows. Some peace talks begin while the army waits.",
            "Peace talks go on. The army leaves and peace grows slowly.",
            "Peace at last. We build peace and trade, peace for our children.",
            "Peace, trade and schools. Peace is here and peace will stay.",
        ];
        let documents = texts
            .iter()
            .enumerate()
            .map(|(i, text)| Document {
                metadata: vec![["red", "blue"][i % 2].to_owned(), format!("{}", 2000 + i)],
                ..Document::from_text(format!("s{i}"), *text)
            })
            .collect();
        let corpus = Corpus::new(vec!["party".into(), "year".into()], documents).unwrap();
        let config = Config {
            min_count: 1,
            ..Config::default()
        };
        analyze_corpus(&config, corpus).unwrap().computed
    }

    #[test]
    fn each_finding_reads_what_the_analysis_holds() {
        let a = dated();
        let found = findings(&a, &[], &[]);
        let headings: Vec<&str> = found.iter().map(|f| f.heading.as_str()).collect();
        // Six speeches: fifteen pairs, the five most and least similar; no speech of 100
        // words for the extremes, no term counted 100 times for the trends.
        assert_eq!(
            headings,
            [
                "Key terms",
                "Most similar speeches",
                "Least similar speeches"
            ]
        );
        let key_terms = &found[0];
        assert_eq!(key_terms.lines.len(), 6);
        assert!(key_terms
            .note
            .starts_with("Each of the 6 speeches, against the rest of the corpus"));
        assert!(key_terms.sources.is_empty(), "nothing was written");
        let cosine = |l: &FindingLine| -> f64 { l.text["cosine ".len()..].parse().unwrap() };
        let (most, least) = (&found[1].lines, &found[2].lines);
        assert_eq!((most.len(), least.len()), (5, 5));
        assert!(most.windows(2).all(|w| cosine(&w[0]) >= cosine(&w[1])));
        assert!(least.windows(2).all(|w| cosine(&w[0]) <= cosine(&w[1])));
        assert!(cosine(&most[4]) >= cosine(&least[4]));
    }
}
