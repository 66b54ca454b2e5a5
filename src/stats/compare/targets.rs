//! The targets of keyness and their references:
//!
//! - every group of each grouping (`--group-by`, given once or more) and the speeches of each
//!   `--target` expression against the rest of the corpus, or, with neither, every speech
//!   against the rest;
//! - one speech or group against another (`--compare A B`), or the speeches of one expression
//!   against those of another (`--compare EXPR EXPR`);
//! - the whole corpus, every group of each grouping and each `--target`, against a reference
//!   corpus (`--reference`).
//!
//! Each grouping is scored in one pass: its groups' summed counts, one shared reference.

use std::borrow::Cow;

use super::funnel::{self, Funnel};
use super::keyness::{score_all, KeynessOptions, Reference, Scorer, Target, TargetCounts};
use super::measures::{MeasureOptions, PriorSource};
use super::reference::ReferenceCounts;
use crate::columns;
use crate::error::{Error, Result};
use crate::stats::counts::CountTables;
use crate::stats::groups::{GroupCounts, Groups};
use crate::text::TermId;

/// What the names of a target's reference read in tables and charts.
pub(crate) const REST_OF_CORPUS: &str = "rest of corpus";
/// The `group_by` of the whole corpus as a target.
pub(crate) const WHOLE_CORPUS: &str = "corpus";
/// The `group_by` of the speeches an expression names (`--target`, `--compare EXPR EXPR`).
pub(crate) const TARGET_GROUPING: &str = "target";

/// The speeches an expression names, resolved on the corpus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Selected {
    /// The expression as written: the target's name in tables and charts.
    pub name: String,
    /// Whether each document (in corpus order) is one of them.
    pub of_doc: Vec<bool>,
}

impl Selected {
    /// How many speeches it holds.
    pub fn len(&self) -> usize {
        self.of_doc.iter().filter(|&&m| m).count()
    }
}

/// A grouping of the speeches with its summed counts.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Grouped<'g> {
    pub groups: &'g Groups,
    /// None for one group per speech, whose counts are the speech's own row: a copy of every
    /// row would double the count tables.
    pub sums: Option<&'g GroupCounts>,
}

impl<'g> Grouped<'g> {
    /// The summed `(term, count)` of group `g`, sorted by term.
    fn counts(&self, counts: &'g CountTables, g: usize) -> Cow<'g, [(TermId, u64)]> {
        match self.sums {
            Some(sums) => Cow::Borrowed(&sums.terms[g]),
            None => Cow::Owned(
                counts
                    .doc_terms
                    .row(g)
                    .iter()
                    .map(|&(t, n)| (t, u64::from(n)))
                    .collect(),
            ),
        }
    }

    /// Word tokens of group `g`.
    fn tokens(&self, counts: &CountTables, g: usize) -> u64 {
        match self.sums {
            Some(sums) => sums.n_tokens[g],
            None => counts.n_tokens[g],
        }
    }
}

/// What the targets are compared with.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Against<'a> {
    /// Each target against the rest of the corpus.
    Rest,
    /// Target `.0` against `.1`: two speeches, or two groups of one grouping.
    Other(&'a str, &'a str),
    /// The speeches of one expression against those of another.
    Sets(&'a Selected, &'a Selected),
    /// The corpus and each group against a second corpus.
    Corpus(&'a ReferenceCounts),
}

/// Scores the targets `against` defines. `groupings` and `selections` (the `--target`s) are
/// the user's (maybe none); `speeches` is the grouping of one group per speech, whose groups
/// are the targets when the user gave neither.
pub(crate) fn keyness<'n>(
    counts: &CountTables,
    groupings: &[Grouped<'_>],
    selections: &[Selected],
    speeches: Grouped<'_>,
    against: Against<'_>,
    options: KeynessOptions,
    name: &(impl Fn(TermId) -> &'n str + Sync),
) -> Result<Vec<Target>> {
    match against {
        Against::Rest => {
            let scorer = Scorer::new(
                Reference::Rest {
                    total: &counts.term_count,
                    tokens: counts.total_tokens(),
                    doc_freq: &counts.term_doc_freq,
                    documents: counts.n_docs() as u32,
                },
                options,
            );
            let groupings = if groupings.is_empty() && selections.is_empty() {
                std::slice::from_ref(&speeches)
            } else {
                groupings
            };
            let mut targets: Vec<Target> = Vec::new();
            for g in groupings {
                targets.extend(score_groups(counts, g, REST_OF_CORPUS, &scorer, name)?);
            }
            targets.extend(score_selections(
                counts,
                selections,
                REST_OF_CORPUS,
                &scorer,
                name,
            )?);
            Ok(targets)
        }
        Against::Sets(a, b) => {
            let (a_sums, b_sums) = (sum_of(counts, a), sum_of(counts, b));
            let mut reference = vec![0u64; counts.term_count.len()];
            for &(t, n) in &b_sums.terms[0] {
                reference[t as usize] = n;
            }
            let b_speeches: Vec<usize> = (0..b.of_doc.len()).filter(|&d| b.of_doc[d]).collect();
            let doc_freq = doc_freq_of(counts, &b_speeches);
            let scorer = Scorer::new(
                Reference::Counts {
                    counts: &reference,
                    tokens: b_sums.n_tokens[0],
                    doc_freq: &doc_freq,
                    documents: b_speeches.len() as u32,
                },
                options,
            );
            score_all(
                TARGET_GROUPING,
                &b.name,
                1,
                |_| selection_target(a, &a_sums),
                &counts.doc_terms,
                &scorer,
                name,
            )
        }
        Against::Other(a, b) => {
            let (grouping, a, b) = find_pair(groupings, speeches, a, b)?;
            let mut reference = vec![0u64; counts.term_count.len()];
            for &(t, n) in grouping.counts(counts, b).iter() {
                reference[t as usize] = n;
            }
            let members = members_of(grouping.groups);
            let doc_freq = doc_freq_of(counts, &members[b]);
            let scorer = Scorer::new(
                Reference::Counts {
                    counts: &reference,
                    tokens: grouping.tokens(counts, b),
                    doc_freq: &doc_freq,
                    documents: members[b].len() as u32,
                },
                options,
            );
            score_all(
                &grouping.groups.column,
                &grouping.groups.names[b],
                1,
                |_| group_target(counts, &grouping, &members, a),
                &counts.doc_terms,
                &scorer,
                name,
            )
        }
        Against::Corpus(reference) => {
            // The log-odds' prior is the reference corpus: its counts are a second corpus's,
            // not the target's own pooled with the rest.
            let options = KeynessOptions {
                measures: MeasureOptions {
                    prior: PriorSource::Reference,
                    ..options.measures
                },
                ..options
            };
            let scorer = Scorer::new(
                Reference::Counts {
                    counts: &reference.counts,
                    tokens: reference.tokens,
                    doc_freq: &reference.doc_freq,
                    documents: reference.documents as u32,
                },
                options,
            );
            let corpus_counts: Vec<(TermId, u64)> = counts
                .counted_terms()
                .map(|t| (t, counts.term_count[t as usize]))
                .collect();
            let whole = || TargetCounts {
                name: WHOLE_CORPUS.to_owned(),
                counts: Cow::Borrowed(&corpus_counts),
                tokens: counts.total_tokens(),
                documents: (0..counts.n_docs()).collect(),
            };
            let mut targets = score_all(
                WHOLE_CORPUS,
                &reference.name,
                1,
                |_| whole(),
                &counts.doc_terms,
                &scorer,
                name,
            )?;
            for g in groupings {
                targets.extend(score_groups(counts, g, &reference.name, &scorer, name)?);
            }
            targets.extend(score_selections(
                counts,
                selections,
                &reference.name,
                &scorer,
                name,
            )?);
            Ok(targets)
        }
    }
}

/// The funnel plots of the `wanted` targets (of a run with these arguments), each against
/// the reference its keyness had.
pub(crate) fn funnels(
    counts: &CountTables,
    groupings: &[Grouped<'_>],
    selections: &[Selected],
    speeches: Grouped<'_>,
    against: Against<'_>,
    options: KeynessOptions,
    wanted: &[&Target],
) -> Result<Vec<Funnel>> {
    let mut measures = options.measures;
    // What is compared with what, as `keyness` has it: the other side's counts by term.
    let (fixed, fixed_tokens): (Option<Vec<u64>>, u64) = match against {
        Against::Rest => (None, 0),
        Against::Sets(_, b) => {
            let sums = sum_of(counts, b);
            let mut reference = vec![0u64; counts.term_count.len()];
            for &(t, n) in &sums.terms[0] {
                reference[t as usize] = n;
            }
            (Some(reference), sums.n_tokens[0])
        }
        Against::Other(a, b) => {
            let (grouping, _, b) = find_pair(groupings, speeches, a, b)?;
            let mut reference = vec![0u64; counts.term_count.len()];
            for &(t, n) in grouping.counts(counts, b).iter() {
                reference[t as usize] = n;
            }
            (Some(reference), grouping.tokens(counts, b))
        }
        Against::Corpus(reference) => {
            measures.prior = PriorSource::Reference;
            (Some(reference.counts.clone()), reference.tokens)
        }
    };
    // A funnel plot has no speech counts.
    let no_speeches: [u32; 0] = [];
    let reference = match &fixed {
        None => Reference::Rest {
            total: &counts.term_count,
            tokens: counts.total_tokens(),
            doc_freq: &no_speeches,
            documents: 0,
        },
        Some(fixed) => Reference::Counts {
            counts: fixed,
            tokens: fixed_tokens,
            doc_freq: &no_speeches,
            documents: 0,
        },
    };
    let mut funnels = Vec::new();
    for target in wanted {
        let (target_counts, tokens) = match against {
            Against::Sets(a, _) => {
                let sums = sum_of(counts, a);
                (sums.terms[0].clone(), sums.n_tokens[0])
            }
            Against::Other(a, b) => {
                let (grouping, a, _) = find_pair(groupings, speeches, a, b)?;
                (
                    grouping.counts(counts, a).into_owned(),
                    grouping.tokens(counts, a),
                )
            }
            _ if target.group_by == WHOLE_CORPUS => (
                counts
                    .counted_terms()
                    .map(|t| (t, counts.term_count[t as usize]))
                    .collect(),
                counts.total_tokens(),
            ),
            _ => match counts_of(counts, groupings, selections, speeches, target) {
                Some(found) => found,
                None => continue,
            },
        };
        funnels.push(Funnel {
            group_by: target.group_by.clone(),
            name: target.name.clone(),
            points: funnel::points(
                &target_counts,
                tokens,
                &reference,
                &measures,
                options.min_count,
            ),
        });
    }
    Ok(funnels)
}

/// The summed counts and tokens of a target of a grouping or of a `--target` expression.
fn counts_of(
    counts: &CountTables,
    groupings: &[Grouped<'_>],
    selections: &[Selected],
    speeches: Grouped<'_>,
    target: &Target,
) -> Option<(Vec<(TermId, u64)>, u64)> {
    if target.group_by == TARGET_GROUPING {
        let selected = selections.iter().find(|s| s.name == target.name)?;
        let sums = sum_of(counts, selected);
        return Some((sums.terms[0].clone(), sums.n_tokens[0]));
    }
    let grouped = groupings
        .iter()
        .copied()
        .chain([speeches])
        .find(|g| g.groups.column == target.group_by)?;
    let g = grouped
        .groups
        .names
        .iter()
        .position(|n| *n == target.name)?;
    Some((
        grouped.counts(counts, g).into_owned(),
        grouped.tokens(counts, g),
    ))
}

/// Every group of a grouping scored against one reference.
fn score_groups<'n>(
    counts: &CountTables,
    grouped: &Grouped<'_>,
    reference_name: &str,
    scorer: &Scorer<'_>,
    name: &(impl Fn(TermId) -> &'n str + Sync),
) -> Result<Vec<Target>> {
    let members = members_of(grouped.groups);
    score_all(
        &grouped.groups.column,
        reference_name,
        grouped.groups.len(),
        |g| group_target(counts, grouped, &members, g),
        &counts.doc_terms,
        scorer,
        name,
    )
}

/// The number of `speeches` using each term of the corpus.
fn doc_freq_of(counts: &CountTables, speeches: &[usize]) -> Vec<u32> {
    let mut doc_freq = vec![0u32; counts.term_count.len()];
    for &d in speeches {
        for &(term, _) in counts.doc_terms.row(d).iter() {
            doc_freq[term as usize] += 1;
        }
    }
    doc_freq
}

/// The speeches of each group, by index.
fn members_of(groups: &Groups) -> Vec<Vec<usize>> {
    let mut members = vec![Vec::new(); groups.len()];
    for (d, &g) in groups.of_doc.iter().enumerate() {
        members[g].push(d);
    }
    members
}

/// Group `g` of a grouping as a target.
fn group_target<'c>(
    counts: &'c CountTables,
    grouped: &Grouped<'c>,
    members: &[Vec<usize>],
    g: usize,
) -> TargetCounts<'c> {
    TargetCounts {
        name: grouped.groups.names[g].clone(),
        counts: grouped.counts(counts, g),
        tokens: grouped.tokens(counts, g),
        documents: members[g].clone(),
    }
}

/// The summed counts of the speeches an expression names, as one group.
fn sum_of(counts: &CountTables, selected: &Selected) -> GroupCounts {
    let of_doc: Vec<Option<usize>> = selected.of_doc.iter().map(|&m| m.then_some(0)).collect();
    GroupCounts::sum_of(counts, &of_doc, 1)
}

/// The speeches an expression names as a target, `sums` their summed counts.
fn selection_target<'c>(selected: &Selected, sums: &'c GroupCounts) -> TargetCounts<'c> {
    TargetCounts {
        name: selected.name.clone(),
        counts: Cow::Borrowed(&sums.terms[0]),
        tokens: sums.n_tokens[0],
        documents: (0..selected.of_doc.len())
            .filter(|&d| selected.of_doc[d])
            .collect(),
    }
}

/// The speeches of each expression scored against one reference.
fn score_selections<'n>(
    counts: &CountTables,
    selections: &[Selected],
    reference_name: &str,
    scorer: &Scorer<'_>,
    name: &(impl Fn(TermId) -> &'n str + Sync),
) -> Result<Vec<Target>> {
    let sums: Vec<GroupCounts> = selections.iter().map(|s| sum_of(counts, s)).collect();
    score_all(
        TARGET_GROUPING,
        reference_name,
        selections.len(),
        |i| selection_target(&selections[i], &sums[i]),
        &counts.doc_terms,
        scorer,
        name,
    )
}

/// The first grouping (the user's in order, then the speeches) in which both `a` and `b` name
/// a group, with their indices.
fn find_pair<'g>(
    groupings: &[Grouped<'g>],
    speeches: Grouped<'g>,
    a: &str,
    b: &str,
) -> Result<(Grouped<'g>, usize, usize)> {
    for grouped in groupings.iter().copied().chain([speeches]) {
        let index = |name: &str| grouped.groups.names.iter().position(|n| n == name);
        if let (Some(i), Some(j)) = (index(a), index(b)) {
            return Ok((grouped, i, j));
        }
    }
    let columns: Vec<&str> = groupings
        .iter()
        .map(|g| g.groups.column.as_str())
        .chain([columns::DOC_ID.name])
        .collect();
    Err(Error::UnknownTarget {
        names: format!("{a:?} and {b:?}"),
        known: format!(
            "two values of one of: {} (the speeches' ids are in tables/documents.csv), or two \
             expressions such as 'iso3=UKR,year>=2022' 'iso3=RUS,year>=2022'",
            columns.join(", ")
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::counts::{count, tests::tokenized};
    use crate::text::TokenizedCorpus;

    fn corpus() -> (
        TokenizedCorpus,
        CountTables,
        Groups,
        GroupCounts,
        Groups,
        GroupCounts,
    ) {
        corpus_of(&[
            "peace peace peace treaty",
            "peace treaty war",
            "war war war army",
            "war army army",
        ])
    }

    /// Four speeches, two parties of two.
    fn corpus_of(
        texts: &[&str],
    ) -> (
        TokenizedCorpus,
        CountTables,
        Groups,
        GroupCounts,
        Groups,
        GroupCounts,
    ) {
        let corpus = tokenized(texts, false, false);
        let counts = count(&corpus);
        let parties = Groups {
            column: "party".into(),
            names: vec!["doves".into(), "hawks".into()],
            of_doc: vec![0, 0, 1, 1],
        };
        let party_sums = GroupCounts::sum(&counts, &parties);
        let speeches = Groups {
            column: "doc_id".into(),
            names: (1..=4).map(|i| format!("d{i}")).collect(),
            of_doc: vec![0, 1, 2, 3],
        };
        let speech_sums = GroupCounts::sum(&counts, &speeches);
        (corpus, counts, parties, party_sums, speeches, speech_sums)
    }

    fn grouped<'g>(groups: &'g Groups, sums: &'g GroupCounts) -> Grouped<'g> {
        Grouped {
            groups,
            sums: Some(sums),
        }
    }

    const OPTIONS: KeynessOptions = KeynessOptions {
        top: 2,
        min_count: 1,
        min_range: 1,
        rank_by: crate::stats::compare::measures::RankBy::LogLikelihood,
        measures: MeasureOptions {
            prior: PriorSource::Pooled,
            prior_scale: 1.0,
            smoothing: 1.0,
        },
    };

    #[test]
    fn every_group_against_the_rest_and_without_groups_every_speech() {
        let (corpus, counts, parties, party_sums, speeches, speech_sums) = corpus();
        let name = |t: TermId| corpus.vocab.term(t);
        let speeches = grouped(&speeches, &speech_sums);
        let by_party = [grouped(&parties, &party_sums)];
        let targets = keyness(
            &counts,
            &by_party,
            &[],
            speeches,
            Against::Rest,
            OPTIONS,
            &name,
        )
        .unwrap();
        assert_eq!(targets.len(), 2);
        let doves = &targets[0];
        assert_eq!(
            (doves.group_by.as_str(), doves.name.as_str()),
            ("party", "doves")
        );
        assert_eq!(doves.reference, REST_OF_CORPUS);
        assert_eq!(name(doves.keys.read()[0].term), "peace");
        assert_eq!((doves.keys.read()[0].a, doves.keys.read()[0].b), (4, 0));
        assert_eq!(doves.keys.read()[0].range, 2);
        // Under-used by the doves: army (absent, 3 in the rest), then war (1 against 4).
        let under: Vec<&str> = doves
            .keys
            .read()
            .iter()
            .filter(|k| k.log_likelihood < 0.0)
            .map(|k| name(k.term))
            .collect();
        assert_eq!(under, ["army", "war"]);
        assert_eq!(doves.tested, 4);
        // One grouping's targets are the negation of each other (two groups).
        let hawks = &targets[1];
        assert!(
            (hawks.keys.read()[0].log_likelihood + doves.keys.read()[2].log_likelihood).abs()
                < 1e-9
        );

        let per_speech =
            keyness(&counts, &[], &[], speeches, Against::Rest, OPTIONS, &name).unwrap();
        assert_eq!(per_speech.len(), 4);
        // Speeches read from their own count rows score as their sums do.
        let from_rows = Grouped {
            groups: speeches.groups,
            sums: None,
        };
        let from_rows =
            keyness(&counts, &[], &[], from_rows, Against::Rest, OPTIONS, &name).unwrap();
        assert_eq!(from_rows, per_speech);
        assert_eq!(per_speech[0].group_by, "doc_id");
        assert_eq!(per_speech[3].documents, 1);
    }

    #[test]
    fn an_over_used_term_of_fewer_speeches_than_min_range_is_not_listed() {
        // olive: 3 times, all in the doves' first speech; peace in both of theirs.
        let (corpus, counts, parties, party_sums, speeches, speech_sums) = corpus_of(&[
            "peace peace olive olive olive",
            "peace treaty",
            "war war army",
            "war army army",
        ]);
        let name = |t: TermId| corpus.vocab.term(t);
        let speeches = grouped(&speeches, &speech_sums);
        let by_party = [grouped(&parties, &party_sums)];
        let over_used = |min_range: u64, groupings: &[Grouped<'_>]| -> Vec<(String, u32)> {
            let options = KeynessOptions {
                top: 10,
                min_count: 1,
                min_range,
                ..OPTIONS
            };
            let targets = keyness(
                &counts,
                groupings,
                &[],
                speeches,
                Against::Rest,
                options,
                &name,
            )
            .unwrap();
            targets[0]
                .keys
                .read()
                .iter()
                .filter(|k| k.log_likelihood > 0.0)
                .map(|k| (name(k.term).to_owned(), k.range))
                .collect()
        };
        let all = over_used(1, &by_party);
        assert!(all.contains(&("olive".into(), 1)), "{all:?}");
        let filtered = over_used(2, &by_party);
        assert!(!filtered.iter().any(|(t, _)| t == "olive"), "{filtered:?}");
        assert!(filtered.contains(&("peace".into(), 2)), "{filtered:?}");
        assert!(filtered.iter().all(|&(_, range)| range >= 2));
        // A one-speech target keeps its key terms: the least range is at most its speeches.
        let first_speech = over_used(2, &[]);
        assert!(
            first_speech.contains(&("olive".into(), 1)),
            "{first_speech:?}"
        );
    }

    #[test]
    fn two_targets_side_by_side_and_unknown_names() {
        let (corpus, counts, parties, party_sums, speeches, speech_sums) = corpus();
        let name = |t: TermId| corpus.vocab.term(t);
        let speeches = grouped(&speeches, &speech_sums);
        let by_party = [grouped(&parties, &party_sums)];
        let forward = keyness(
            &counts,
            &by_party,
            &[],
            speeches,
            Against::Other("d1", "d3"),
            OPTIONS,
            &name,
        )
        .unwrap();
        assert_eq!(forward.len(), 1);
        assert_eq!(
            (forward[0].name.as_str(), forward[0].reference.as_str()),
            ("d1", "d3")
        );
        assert_eq!(forward[0].reference_tokens, 4);
        let backward = keyness(
            &counts,
            &by_party,
            &[],
            speeches,
            Against::Other("d3", "d1"),
            OPTIONS,
            &name,
        )
        .unwrap();
        // A against B is B against A negated: d1's over-used peace is d3's most under-used.
        let peace = forward[0].keys.read()[0];
        let mirrored = backward[0]
            .keys
            .read()
            .into_iter()
            .find(|k| k.term == peace.term)
            .unwrap();
        assert!((peace.log_likelihood + mirrored.log_likelihood).abs() < 1e-9);
        let err = keyness(
            &counts,
            &by_party,
            &[],
            speeches,
            Against::Other("doves", "d3"),
            OPTIONS,
            &name,
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("party, doc_id"), "{err}");
    }

    #[test]
    fn the_corpus_and_its_groups_against_a_reference_corpus() {
        let (corpus, counts, parties, party_sums, speeches, speech_sums) = corpus();
        let reference_tokens = tokenized(&["peace famine famine", "treaty"], false, false);
        let reference_counts = count(&reference_tokens);
        let reference = ReferenceCounts::new(
            "ref".into(),
            &corpus.vocab,
            &reference_tokens.vocab,
            &reference_counts,
        );
        let n_terms = corpus.vocab.n_terms();
        let name = |t: TermId| match reference.extra_name(t, n_terms) {
            Some((term, _)) => term,
            None => corpus.vocab.term(t),
        };
        let speeches = grouped(&speeches, &speech_sums);
        let by_party = [grouped(&parties, &party_sums)];
        let targets = keyness(
            &counts,
            &by_party,
            &[],
            speeches,
            Against::Corpus(&reference),
            OPTIONS,
            &name,
        )
        .unwrap();
        assert_eq!(targets.len(), 3);
        assert_eq!(
            (targets[0].group_by.as_str(), targets[0].name.as_str()),
            ("corpus", "corpus")
        );
        assert_eq!(targets[0].reference, "ref");
        assert_eq!(targets[0].documents, 4);
        // famine: only in the reference, the corpus's most under-used term.
        let under = targets[0]
            .keys
            .read()
            .into_iter()
            .find(|k| k.log_likelihood < 0.0)
            .unwrap();
        assert_eq!(name(under.term), "famine");
        assert_eq!((under.a, under.b), (0, 2));
        assert_eq!(targets[1].group_by, "party");
    }

    #[test]
    fn an_expression_against_the_rest_and_against_another() {
        let (corpus, counts, _, _, speeches, speech_sums) = corpus();
        let name = |t: TermId| corpus.vocab.term(t);
        let speeches = grouped(&speeches, &speech_sums);
        let doves = Selected {
            name: "party=doves".into(),
            of_doc: vec![true, true, false, false],
        };
        let targets = keyness(
            &counts,
            &[],
            std::slice::from_ref(&doves),
            speeches,
            Against::Rest,
            OPTIONS,
            &name,
        )
        .unwrap();
        // The expression alone is the target: no speech is scored on its own.
        assert_eq!(targets.len(), 1);
        let target = &targets[0];
        assert_eq!(
            (target.group_by.as_str(), target.name.as_str()),
            (TARGET_GROUPING, "party=doves")
        );
        assert_eq!(
            (target.documents, target.tokens, target.reference_tokens),
            (2, 7, 7)
        );
        assert_eq!(name(target.keys.read()[0].term), "peace");
        // The rest holds no peace: the target's speeches are not in its reference.
        assert_eq!((target.keys.read()[0].a, target.keys.read()[0].b), (4, 0));
        let hawks = Selected {
            name: "doc_id=d3".into(),
            of_doc: vec![false, false, true, false],
        };
        let against = keyness(
            &counts,
            &[],
            &[],
            speeches,
            Against::Sets(&doves, &hawks),
            OPTIONS,
            &name,
        )
        .unwrap();
        assert_eq!(against.len(), 1);
        assert_eq!(against[0].reference, "doc_id=d3");
        assert_eq!(against[0].reference_tokens, 4);
        let war = against[0]
            .keys
            .read()
            .into_iter()
            .find(|k| name(k.term) == "war")
            .unwrap();
        assert_eq!((war.a, war.b), (1, 3));
    }
}
