//! Collocations: ordered pairs of adjacent words that occur together more than chance predicts
//! ("human rights", "united nations").
//!
//! Columns of `collocations`: term_1, term_2, label, count, pmi, npmi, log_likelihood, t_score,
//! chi2, dice, log_dice; strongest first (log_likelihood descending, then term_1, term_2).
//!
//! - Pairs are adjacent tokens of the full token stream, stopwords included, within one
//!   sentence of one document: "trafficking in persons" gives trafficking-in and in-persons,
//!   never trafficking-persons. A pair with a stopword token is then left out. A term
//!   followed by itself ("very very") is a pair like any other, as in NLTK.
//! - `count` = n_ii, the pair's occurrences; n_ix = count of term_1, n_xi = count of term_2
//!   (non-stopword tokens, as in the term list); n_xx = every word token of the corpus. The
//!   scores are those of [`crate::stats::association`], i.e. NLTK's `BigramAssocMeasures`.
//! - `label`: the pair's most frequent spelling as two lowercased word forms joined by a space
//!   ("human trafficking" for the terms human, traffick), ties to the alphabetically first.
//!
//! Counting runs on integer ids in parallel chunks and passes ([`super::counting`]); `min_count`
//! is applied to exact corpus totals.

use std::cmp::Ordering;

use polars::prelude::*;

use rayon::prelude::*;

use super::counting::{
    chunk_ranges, count_keys, merge_runs, pair_key, run_lengths, split_key, strongest_first,
    Passes, CHUNK_PAIRS, PASS_PAIRS,
};
use crate::columns;
use crate::error::Result;
use crate::stats::association::Contingency;
use crate::stats::frame;
use crate::stats::groups::{GroupCounts, Groups};
use crate::text::{DocTokens, FormId, TermId, TokenizedCorpus, Vocabulary};

/// One ordered pair of adjacent terms with its corpus count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AdjacentPair {
    pub first: TermId,
    pub second: TermId,
    /// Occurrences of `first` immediately followed by `second` in one sentence.
    pub count: u64,
    /// The pair's most frequent spelling (form of `first`, form of `second`), ties to the
    /// alphabetically first "form form" string.
    pub label: (FormId, FormId),
}

/// The adjacent pairs of a corpus, sorted by (first, second).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AdjacentPairs {
    pub pairs: Vec<AdjacentPair>,
}

impl AdjacentPairs {
    /// The pair `first second`, if it was counted (and kept by min_count).
    pub fn get(&self, first: TermId, second: TermId) -> Option<&AdjacentPair> {
        self.pairs
            .binary_search_by_key(&(first, second), |p| (p.first, p.second))
            .ok()
            .map(|i| &self.pairs[i])
    }
}

/// Counts every ordered pair of adjacent non-stopword tokens within a sentence, keeping the
/// pairs seen at least `min_count` times in the whole corpus.
pub fn count_adjacent(corpus: &TokenizedCorpus, min_count: u64) -> AdjacentPairs {
    let all: Vec<usize> = (0..corpus.docs.len()).collect();
    count_adjacent_with(corpus, &all, min_count, CHUNK_PAIRS, PASS_PAIRS)
}

/// [`count_adjacent`] over some documents only (a group), by index.
pub fn count_adjacent_in(
    corpus: &TokenizedCorpus,
    docs: &[usize],
    min_count: u64,
) -> AdjacentPairs {
    count_adjacent_with(corpus, docs, min_count, CHUNK_PAIRS, PASS_PAIRS)
}

fn count_adjacent_with(
    corpus: &TokenizedCorpus,
    docs: &[usize],
    min_count: u64,
    chunk_pairs: u64,
    pass_pairs: u64,
) -> AdjacentPairs {
    let vocab = &corpus.vocab;
    let source = corpus.source();
    let tokens = || docs.iter().map(|&d| source.tokens_of(d) as u64);
    // A token starts at most one pair, so the token count bounds the pair occurrences.
    let passes = Passes::for_occurrences(tokens().sum(), pass_pairs);
    let chunks = chunk_ranges(tokens(), chunk_pairs);
    let mut pairs = Vec::new();
    // Spellings are counted as form pairs, then gathered under their term pair; a pass is
    // chosen by the first term, so all spellings of a term pair meet in the same pass.
    count_keys(
        &chunks,
        passes,
        |range, pass, keys| {
            for &d in &docs[range.clone()] {
                push_adjacent(&source.doc(d), vocab, keys, |x| {
                    passes.of(vocab.term_of_form(x)) == pass
                });
            }
        },
        |form_counts| gather_terms(vocab, form_counts, min_count, &mut pairs),
    );
    pairs.sort_unstable_by_key(|p| (p.first, p.second));
    AdjacentPairs { pairs }
}

/// Pushes the key of each pair of adjacent non-stopword forms of `doc` within a sentence
/// whose first form `first` accepts.
fn push_adjacent(
    doc: &DocTokens,
    vocab: &Vocabulary,
    keys: &mut Vec<u64>,
    first: impl Fn(FormId) -> bool,
) {
    for sentence in doc.sentences() {
        for pair in sentence.windows(2) {
            let (x, y) = (pair[0], pair[1]);
            if !vocab.is_stopword(x) && !vocab.is_stopword(y) && first(x) {
                keys.push(pair_key(x, y));
            }
        }
    }
}

/// Counts adjacent pairs a batch of documents at a time, as they are read, so that the
/// corpus's tokens need not be held: each spelling's (form pair's) count is summed over the
/// batches, and the term pairs with their labels are gathered at the end. The result equals
/// [`count_adjacent`] of the whole corpus; memory is that of the distinct spellings.
#[derive(Debug, Default)]
pub struct AdjacentCounter {
    /// Form-pair keys with their counts, sorted by key.
    form_counts: Vec<(u64, u64)>,
}

impl AdjacentCounter {
    /// Counts the next documents; `vocab` holds their forms.
    pub fn add(&mut self, docs: &[DocTokens], vocab: &Vocabulary) {
        let chunks = chunk_ranges(docs.iter().map(|d| d.forms.len() as u64), CHUNK_PAIRS);
        let mut runs: Vec<Vec<(u64, u64)>> = chunks
            .into_par_iter()
            .map(|range| {
                let mut keys = Vec::new();
                for doc in &docs[range] {
                    push_adjacent(doc, vocab, &mut keys, |_| true);
                }
                run_lengths(keys)
            })
            .collect();
        runs.push(std::mem::take(&mut self.form_counts));
        self.form_counts = merge_runs(runs);
    }

    /// The counts so far as (`pair_key` of the two form ids, count), sorted by key: what
    /// a shard keeps of them, under the forms' strings.
    pub fn form_counts(&self) -> &[(u64, u64)] {
        &self.form_counts
    }

    /// The counter that holds `form_counts` (keys made by `pair_key` of form ids, each key
    /// once), as a shard's summed counts give them back over a rebuilt vocabulary.
    pub fn from_form_counts(mut form_counts: Vec<(u64, u64)>) -> AdjacentCounter {
        form_counts.sort_unstable_by_key(|&(key, _)| key);
        debug_assert!(form_counts.windows(2).all(|w| w[0].0 < w[1].0));
        AdjacentCounter { form_counts }
    }

    /// The pairs seen at least `min_count` times, over the corpus's final `vocab`.
    pub fn finish(self, vocab: &Vocabulary, min_count: u64) -> AdjacentPairs {
        let mut pairs = Vec::new();
        gather_terms(vocab, self.form_counts, min_count, &mut pairs);
        pairs.sort_unstable_by_key(|p| (p.first, p.second));
        AdjacentPairs { pairs }
    }
}

/// Adds up form-pair counts by term pair, picks each term pair's label and keeps those with at
/// least `min_count` occurrences.
fn gather_terms(
    vocab: &Vocabulary,
    form_counts: Vec<(u64, u64)>,
    min_count: u64,
    out: &mut Vec<AdjacentPair>,
) {
    let mut by_term: Vec<(u64, u64, u64)> = form_counts
        .into_iter()
        .map(|(forms, n)| {
            let (x, y) = split_key(forms);
            (
                pair_key(vocab.term_of_form(x), vocab.term_of_form(y)),
                forms,
                n,
            )
        })
        .collect();
    by_term.sort_unstable_by_key(|&(terms, _, _)| terms);
    for group in by_term.chunk_by(|a, b| a.0 == b.0) {
        let count: u64 = group.iter().map(|&(_, _, n)| n).sum();
        if count < min_count {
            continue;
        }
        let Some(label) = group
            .iter()
            .map(|&(_, forms, n)| (n, split_key(forms)))
            .reduce(|best, candidate| {
                if spelling_is_better(vocab, candidate, best) {
                    candidate
                } else {
                    best
                }
            })
            .map(|(_, forms)| forms)
        else {
            continue;
        };
        let (first, second) = split_key(group[0].0);
        out.push(AdjacentPair {
            first,
            second,
            count,
            label,
        });
    }
}

/// More frequent, or as frequent and alphabetically first as "form form".
fn spelling_is_better(
    vocab: &Vocabulary,
    (n, (x, y)): (u64, (FormId, FormId)),
    (best_n, (best_x, best_y)): (u64, (FormId, FormId)),
) -> bool {
    let spelled = |x: FormId, y: FormId| {
        vocab
            .form(x)
            .bytes()
            .chain(std::iter::once(b' '))
            .chain(vocab.form(y).bytes())
    };
    match n.cmp(&best_n) {
        Ordering::Greater => true,
        Ordering::Less => false,
        Ordering::Equal => spelled(x, y).lt(spelled(best_x, best_y)),
    }
}

/// The 2x2 table of an adjacent pair: n_ii = pair count, n_ix and n_xi = the terms' counts
/// (`CountTables::term_count`), n_xx = every word token of the corpus
/// (`CountTables::total_tokens`).
pub fn contingency(pair: &AdjacentPair, term_count: &[u64], total_tokens: u64) -> Contingency {
    Contingency::new(
        pair.count as f64,
        term_count[pair.first as usize] as f64,
        term_count[pair.second as usize] as f64,
        total_tokens as f64,
    )
}

/// The `collocations` table of counted pairs, strongest first, with the terms' alphabetical
/// ranks computed once by the caller (a sort of the vocabulary, too dear to repeat for each
/// of many groups). `term_count` and `total_tokens` are those of the group the pairs were
/// counted in.
fn ranked_collocations_frame(
    pairs: &AdjacentPairs,
    term_count: &[u64],
    total_tokens: u64,
    vocab: &Vocabulary,
    rank: &[u32],
) -> Result<DataFrame> {
    let rows = CollocationRows::ranked(pairs, term_count, total_tokens, rank);
    rows.frame(0..rows.rows.len(), vocab)
}

/// The rows of a `collocations` table in table order, each pair with its G2: a table of
/// hundreds of thousands of pairs is then built a slice at a time ([`CollocationRows::frame`]).
pub struct CollocationRows<'c> {
    rows: Vec<(AdjacentPair, f64)>,
    term_count: &'c [u64],
    total_tokens: u64,
}

impl<'c> CollocationRows<'c> {
    /// The pairs in the order of [`strongest_first`]; `term_count` and `total_tokens` are
    /// those of the corpus (or group) they were counted in.
    pub fn new(
        pairs: &AdjacentPairs,
        term_count: &'c [u64],
        total_tokens: u64,
        vocab: &Vocabulary,
    ) -> CollocationRows<'c> {
        CollocationRows::ranked(
            pairs,
            term_count,
            total_tokens,
            &vocab.alphabetical_term_ranks(),
        )
    }

    fn ranked(
        pairs: &AdjacentPairs,
        term_count: &'c [u64],
        total_tokens: u64,
        rank: &[u32],
    ) -> CollocationRows<'c> {
        let pairs = &pairs.pairs;
        let table = |pair: &AdjacentPair| contingency(pair, term_count, total_tokens);
        let log_likelihood: Vec<f64> = pairs.iter().map(|p| table(p).log_likelihood()).collect();
        let order = strongest_first(&log_likelihood, |i| {
            (
                rank[pairs[i].first as usize],
                rank[pairs[i].second as usize],
            )
        });
        // The rows in table order: the columns then read them sequentially, where gathering
        // through `order` would miss the cache on every row of every column.
        let rows = order
            .into_iter()
            .map(|i| (pairs[i], log_likelihood[i]))
            .collect();
        CollocationRows {
            rows,
            term_count,
            total_tokens,
        }
    }

    /// Row `i`: the pair, its 2x2 table and its log-likelihood.
    pub fn row(&self, i: usize) -> (&AdjacentPair, Contingency, f64) {
        let (pair, log_likelihood) = &self.rows[i];
        let table = contingency(pair, self.term_count, self.total_tokens);
        (pair, table, *log_likelihood)
    }

    /// The table's rows cut into slices of `size` rows (one empty slice for no rows).
    pub fn parts(&self, size: usize) -> Vec<std::ops::Range<usize>> {
        crate::chunks::row_parts(self.rows.len(), size)
    }

    /// The table's rows `part`.
    pub fn frame(&self, part: std::ops::Range<usize>, vocab: &Vocabulary) -> Result<DataFrame> {
        let rows = &self.rows[part];
        let table = |pair: &AdjacentPair| contingency(pair, self.term_count, self.total_tokens);
        // One column at a time, so only one plain vector is alive next to the table.
        let score = |score: fn(&Contingency) -> f64| -> Vec<f64> {
            rows.iter().map(|(pair, _)| score(&table(pair))).collect()
        };
        let term = |pick: fn(&AdjacentPair) -> TermId| -> Vec<&str> {
            rows.iter()
                .map(|(pair, _)| vocab.term(pick(pair)))
                .collect()
        };
        let label = || -> Vec<String> {
            rows.iter()
                .map(|(pair, _)| {
                    let (x, y) = pair.label;
                    format!("{} {}", vocab.form(x), vocab.form(y))
                })
                .collect()
        };
        let count = || -> Vec<u64> { rows.iter().map(|(pair, _)| pair.count).collect() };
        let log_likelihood = || -> Vec<f64> { rows.iter().map(|&(_, ll)| ll).collect() };
        frame(
            "collocations",
            vec![
                Column::new(columns::TERM_1.name.into(), term(|p| p.first)),
                Column::new(columns::TERM_2.name.into(), term(|p| p.second)),
                Column::new(columns::LABEL.name.into(), label()),
                Column::new(columns::COUNT.name.into(), count()),
                Column::new(columns::PMI.name.into(), score(Contingency::pmi)),
                Column::new(columns::NPMI.name.into(), score(Contingency::npmi)),
                Column::new(columns::LOG_LIKELIHOOD.name.into(), log_likelihood()),
                Column::new(columns::T_SCORE.name.into(), score(Contingency::t_score)),
                Column::new(columns::CHI2.name.into(), score(Contingency::chi2)),
                Column::new(columns::DICE.name.into(), score(Contingency::dice)),
                Column::new(columns::LOG_DICE.name.into(), score(Contingency::log_dice)),
            ],
        )
    }
}

/// The strongest `top` adjacent pairs of each group, each scored within its group: n_ix and
/// n_xi are the terms' counts in the group, n_xx the group's tokens, and `min_count` applies
/// to counts in the group. A pass over the tokens of every group.
pub fn strongest_by_group(
    corpus: &TokenizedCorpus,
    groups: &Groups,
    group_counts: &GroupCounts,
    min_count: u64,
    top: usize,
) -> Vec<AdjacentPairs> {
    let rank = corpus.vocab.alphabetical_term_ranks();
    let mut term_count = vec![0u64; corpus.vocab.n_terms()];
    members(groups)
        .iter()
        .enumerate()
        .map(|(g, docs)| {
            let counted = count_adjacent_in(corpus, docs, min_count).pairs;
            let log_likelihood: Vec<f64> =
                with_group_term_counts(group_counts, g, &mut term_count, |term_count| {
                    counted
                        .iter()
                        .map(|p| {
                            contingency(p, term_count, group_counts.n_tokens[g]).log_likelihood()
                        })
                        .collect()
                });
            let order = strongest_first(&log_likelihood, |i| {
                (
                    rank[counted[i].first as usize],
                    rank[counted[i].second as usize],
                )
            });
            let mut pairs: Vec<AdjacentPair> =
                order.into_iter().take(top).map(|i| counted[i]).collect();
            pairs.sort_unstable_by_key(|p| (p.first, p.second));
            AdjacentPairs { pairs }
        })
        .collect()
}

/// The `collocations_by_group` table: for each group, its pairs (`by_group`, as
/// [`strongest_by_group`] chose them) scored within the group, strongest first. Columns: the
/// grouping column, then those of `collocations`.
pub fn collocations_by_group_frame(
    groups: &Groups,
    group_counts: &GroupCounts,
    by_group: &[AdjacentPairs],
    vocab: &Vocabulary,
) -> Result<DataFrame> {
    let mut term_count = vec![0u64; vocab.n_terms()];
    let rank = vocab.alphabetical_term_ranks();
    let mut all: Option<DataFrame> = None;
    for (g, pairs) in by_group.iter().enumerate() {
        // A group without pairs adds no row (the first still gives the table its columns).
        if pairs.pairs.is_empty() && all.is_some() {
            continue;
        }
        let mut df = with_group_term_counts(group_counts, g, &mut term_count, |term_count| {
            ranked_collocations_frame(pairs, term_count, group_counts.n_tokens[g], vocab, &rank)
        })?;
        let name = vec![groups.names[g].as_str(); df.height()];
        let table_error = |source| crate::error::Error::Table {
            table: "collocations_by_group",
            source,
        };
        df.insert_column(0, Column::new(groups.column.as_str().into(), name))
            .map_err(table_error)?;
        match &mut all {
            None => all = Some(df),
            Some(all) => {
                all.vstack_mut_owned(df).map_err(table_error)?;
            }
        }
    }
    Ok(all.unwrap_or_default())
}

/// The speeches of each group, by index.
fn members(groups: &Groups) -> Vec<Vec<usize>> {
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); groups.len()];
    for (d, &g) in groups.of_doc.iter().enumerate() {
        members[g].push(d);
    }
    members
}

/// Runs `use_counts` on `term_count` (one slot per term, all zero) filled with the counts of
/// group `g`, then sets back to zero only the slots it filled: a group costs its own terms,
/// not the vocabulary, which matters with many small groups.
fn with_group_term_counts<R>(
    group_counts: &GroupCounts,
    g: usize,
    term_count: &mut [u64],
    use_counts: impl FnOnce(&[u64]) -> R,
) -> R {
    for &(t, c) in &group_counts.terms[g] {
        term_count[t as usize] = c;
    }
    let result = use_counts(term_count);
    for &(t, _) in &group_counts.terms[g] {
        term_count[t as usize] = 0;
    }
    result
}

#[cfg(test)]
pub(crate) mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::stats::counts::{count, tests::tokenized, CountTables};

    /// The whole `collocations` table of counted pairs, as the pipeline writes it in parts.
    fn collocations_frame(
        pairs: &AdjacentPairs,
        term_count: &[u64],
        total_tokens: u64,
        vocab: &Vocabulary,
    ) -> Result<DataFrame> {
        let rows = CollocationRows::new(pairs, term_count, total_tokens, vocab);
        rows.frame(0..rows.rows.len(), vocab)
    }

    /// Counts adjacent pairs and builds the `collocations` table of those seen at least
    /// `min_count` times.
    pub fn collocations(
        corpus: &TokenizedCorpus,
        counts: &CountTables,
        min_count: u64,
    ) -> Result<DataFrame> {
        collocations_frame(
            &count_adjacent(corpus, min_count),
            &counts.term_count,
            counts.total_tokens(),
            &corpus.vocab,
        )
    }

    /// The UN Charter preamble of STATISTICS.md, on one line (a blank line would end a
    /// sentence).
    pub(crate) const PREAMBLE: &str = "We the peoples of the United Nations determined to save \
        succeeding generations from the scourge of war, which twice in our lifetime has brought \
        untold sorrow to mankind, and to reaffirm faith in fundamental human rights, in the \
        dignity and worth of the human person, in the equal rights of men and women and of \
        nations large and small, and to establish conditions under which justice and respect \
        for the obligations arising from treaties and other sources of international law can be \
        maintained, and to promote social progress and better standards of life in larger \
        freedom";

    fn row_of(df: &DataFrame, label: &str) -> usize {
        let labels = df.column(columns::LABEL.name).unwrap().str().unwrap();
        (0..df.height())
            .find(|&i| labels.get(i) == Some(label))
            .unwrap_or_else(|| panic!("no row {label}"))
    }

    fn value(df: &DataFrame, column: &str, row: usize) -> f64 {
        df.column(column).unwrap().f64().unwrap().get(row).unwrap()
    }

    fn close(actual: f64, expected: f64) {
        assert!((actual - expected).abs() < 5e-7, "{actual} != {expected}");
    }

    /// (first term, second term) -> count, by a plain loop over the sentences.
    fn naive(corpus: &TokenizedCorpus) -> BTreeMap<(String, String), u64> {
        let v = &corpus.vocab;
        let mut out = BTreeMap::new();
        for doc in &corpus.docs {
            for sentence in doc.sentences() {
                for w in sentence.windows(2) {
                    if !v.is_stopword(w[0]) && !v.is_stopword(w[1]) {
                        let key = (
                            v.term(v.term_of_form(w[0])).to_owned(),
                            v.term(v.term_of_form(w[1])).to_owned(),
                        );
                        *out.entry(key).or_insert(0) += 1;
                    }
                }
            }
        }
        out
    }

    fn as_map(pairs: &AdjacentPairs, vocab: &Vocabulary) -> BTreeMap<(String, String), u64> {
        pairs
            .pairs
            .iter()
            .map(|p| {
                let key = (
                    vocab.term(p.first).to_owned(),
                    vocab.term(p.second).to_owned(),
                );
                (key, p.count)
            })
            .collect()
    }

    #[test]
    fn the_preamble_scores_match_statistics_md() {
        let corpus = tokenized(&[PREAMBLE], false, false);
        assert_eq!(corpus.docs.len(), 1);
        assert_eq!(corpus.docs[0].forms.len(), 96);
        assert_eq!(corpus.docs[0].sentence_starts, [0]);
        let counts = count(&corpus);
        let df = collocations(&corpus, &counts, 1).unwrap();

        let united = row_of(&df, "united nations");
        close(value(&df, columns::PMI.name, united), 5.584963);
        close(value(&df, columns::LOG_LIKELIHOOD.name, united), 8.345655);
        close(value(&df, columns::T_SCORE.name, united), 0.979167);
        close(value(&df, columns::CHI2.name, united), 47.494737);
        close(value(&df, columns::DICE.name, united), 0.666667);
        let npmi = value(&df, columns::NPMI.name, united);
        close(npmi, 5.584963 / 96f64.log2());
        close(
            value(&df, columns::LOG_DICE.name, united),
            14.0 + (2.0f64 / 3.0).log2(),
        );
        let human = row_of(&df, "human rights");
        close(value(&df, columns::PMI.name, human), 4.584963);

        // 95 adjacent positions in one sentence, nothing filtered.
        let total: u64 = df
            .column(columns::COUNT.name)
            .unwrap()
            .u64()
            .unwrap()
            .into_no_null_iter()
            .sum();
        assert_eq!(total, 95);
        let names: Vec<&str> = df
            .get_column_names()
            .into_iter()
            .map(|n| n.as_str())
            .collect();
        assert_eq!(
            names,
            [
                "term_1",
                "term_2",
                "label",
                "count",
                "pmi",
                "npmi",
                "log_likelihood",
                "t_score",
                "chi2",
                "dice",
                "log_dice"
            ]
        );
    }

    #[test]
    fn a_stopword_token_breaks_the_pair_around_it() {
        // Builtin stopwords: "in" and "the" are stopwords. Pairs: human-trafficking only;
        // "trafficking in persons" gives no trafficking-persons pair.
        let corpus = tokenized(
            &["human trafficking in persons and the persons"],
            false,
            true,
        );
        let pairs = count_adjacent(&corpus, 1);
        let got = as_map(&pairs, &corpus.vocab);
        let expected = BTreeMap::from([(("human".to_owned(), "trafficking".to_owned()), 1)]);
        assert_eq!(got, expected);
        assert_eq!(got, naive(&corpus));
    }

    #[test]
    fn pairs_do_not_cross_sentences_or_documents() {
        // Sentence 1: "peace security." Sentence 2: "peace development". Document 2 starts
        // with "security". So: peace-security 1, peace-development 1; no security-peace, no
        // development-security.
        let corpus = tokenized(
            &["Peace security. Peace development", "security peace"],
            false,
            false,
        );
        let pairs = count_adjacent(&corpus, 1);
        let v = &corpus.vocab;
        let id = |t: &str| v.term_id(t).unwrap();
        assert_eq!(
            pairs.get(id("peace"), id("security")).map(|p| p.count),
            Some(1)
        );
        assert_eq!(
            pairs.get(id("peace"), id("development")).map(|p| p.count),
            Some(1)
        );
        assert_eq!(
            pairs.get(id("security"), id("peace")).map(|p| p.count),
            Some(1)
        );
        assert_eq!(pairs.get(id("development"), id("security")), None);
        assert_eq!(pairs.pairs.len(), 3);
    }

    #[test]
    fn labels_are_the_most_frequent_spelling_and_counts_use_terms() {
        // Stemmed: "human right" and "human rights" are one term pair (human, right); the
        // plural spelling is more frequent. For (nation, unit) both spellings occur once:
        // "nation united" < "nations united" alphabetically.
        let corpus = tokenized(
            &["human rights human rights human right. Nations united. Nation united"],
            true,
            false,
        );
        let counts = count(&corpus);
        let pairs = count_adjacent(&corpus, 1);
        let v = &corpus.vocab;
        let human = v.term_id("human").unwrap();
        let right = v.term_id("right").unwrap();
        let pair = pairs.get(human, right).unwrap();
        assert_eq!(pair.count, 3);
        assert_eq!(
            (v.form(pair.label.0), v.form(pair.label.1)),
            ("human", "rights")
        );
        let nation = v.term_id("nation").unwrap();
        let unit = v.term_id("unit").unwrap();
        let pair = pairs.get(nation, unit).unwrap();
        assert_eq!(pair.count, 2);
        assert_eq!(
            (v.form(pair.label.0), v.form(pair.label.1)),
            ("nation", "united")
        );

        let df = collocations_frame(&pairs, &counts.term_count, counts.total_tokens(), v).unwrap();
        let row = row_of(&df, "human rights");
        let terms = df.column(columns::TERM_2.name).unwrap().str().unwrap();
        assert_eq!(terms.get(row), Some("right"));
    }

    fn all_docs(corpus: &TokenizedCorpus) -> Vec<usize> {
        (0..corpus.docs.len()).collect()
    }

    #[test]
    fn counting_in_some_documents_counts_only_those() {
        let corpus = tokenized(
            &["peace security", "war crimes", "peace security"],
            false,
            false,
        );
        let group = count_adjacent_in(&corpus, &[1, 2], 1);
        let got = as_map(&group, &corpus.vocab);
        assert_eq!(
            got,
            BTreeMap::from([
                (("peace".to_owned(), "security".to_owned()), 1),
                (("war".to_owned(), "crimes".to_owned()), 1)
            ])
        );
    }

    #[test]
    fn min_count_keeps_pairs_by_their_corpus_total() {
        // "peace security" once in each of three documents: 3 in total, kept at min_count 3
        // even when every document is its own chunk and pass.
        let corpus = tokenized(
            &["peace security", "peace security", "peace security now"],
            false,
            false,
        );
        for (chunk, pass) in [(1, 1), (1, u64::MAX), (u64::MAX, u64::MAX)] {
            let pairs = count_adjacent_with(&corpus, &all_docs(&corpus), 3, chunk, pass);
            let got = as_map(&pairs, &corpus.vocab);
            assert_eq!(
                got,
                BTreeMap::from([(("peace".to_owned(), "security".to_owned()), 3)])
            );
        }
    }

    #[test]
    fn chunked_counting_equals_a_naive_count() {
        let corpus = tokenized(
            &[
                PREAMBLE,
                "Human trafficking is a crime. Trafficking in persons must end. Human rights!",
                "human rights and human dignity; the rights of women. Women's rights.",
                "",
                "United Nations, united nations: the nations united.",
            ],
            true,
            true,
        );
        let expected = naive(&corpus);
        for (chunk, pass) in [(1, 1), (5, 3), (40, 7), (u64::MAX, u64::MAX)] {
            let pairs = count_adjacent_with(&corpus, &all_docs(&corpus), 1, chunk, pass);
            assert_eq!(as_map(&pairs, &corpus.vocab), expected, "{chunk} {pass}");
            assert_eq!(pairs, count_adjacent(&corpus, 1));
        }
        let one_thread = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .unwrap()
            .install(|| count_adjacent_with(&corpus, &all_docs(&corpus), 1, 5, 3));
        assert_eq!(one_thread, count_adjacent(&corpus, 1));
    }

    #[test]
    fn counting_batch_by_batch_equals_counting_the_whole_corpus() {
        // The spelling that wins (human rights, 2 of 3) is the less frequent in the first
        // batch: labels must come from the corpus's counts, not a batch's.
        let corpus = tokenized(
            &[
                "human right. Nations united.",
                "human rights. Nation united, human rights",
                PREAMBLE,
                "",
                "human right human right human rights human rights",
            ],
            true,
            false,
        );
        for min_count in [1, 2, 3] {
            let whole = count_adjacent(&corpus, min_count);
            for batch in [1, 2, corpus.docs.len()] {
                let mut counter = AdjacentCounter::default();
                for docs in corpus.docs.chunks(batch) {
                    counter.add(docs, &corpus.vocab);
                }
                let batched = counter.finish(&corpus.vocab, min_count);
                assert_eq!(batched, whole, "min_count {min_count}, batches of {batch}");
            }
        }
    }

    #[test]
    fn rows_are_sorted_by_log_likelihood_then_terms() {
        let corpus = tokenized(&["b a c b a d. a b. d c"], false, false);
        let counts = count(&corpus);
        let df = collocations(&corpus, &counts, 1).unwrap();
        let ll: Vec<f64> = df
            .column(columns::LOG_LIKELIHOOD.name)
            .unwrap()
            .f64()
            .unwrap()
            .into_no_null_iter()
            .collect();
        let t1 = df.column(columns::TERM_1.name).unwrap().str().unwrap();
        let t2 = df.column(columns::TERM_2.name).unwrap().str().unwrap();
        for i in 1..df.height() {
            let before = (t1.get(i - 1), t2.get(i - 1));
            let after = (t1.get(i), t2.get(i));
            assert!(ll[i - 1] > ll[i] || (ll[i - 1] == ll[i] && before < after));
        }
    }
}
