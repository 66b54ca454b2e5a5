//! `pairs.parquet`: the pair counts `analyze` sums while reading, named by their strings so
//! that an engine sums the shards' rows with `GROUP BY kind, first, second` and
//! `SUM(count)`, and `score` builds its pair counters from the sums instead of counting the
//! tokens again. One row per:
//!
//! - `adjacent`: two word forms next to each other in a sentence (`first` then `second`,
//!   stopwords never counted), with their count;
//! - `cooccurrence`: two terms occurring together in the shard's context (`first` before
//!   `second` as strings), with their count;
//! - `cooccurrence_margin`: a term (`first`; `second` empty) with its margin: its tokens in
//!   the filtered stream (window context) or the units that hold it (sentence, document);
//! - `cooccurrence_total`: the filtered stream's length or the number of units, `first`
//!   naming the context it was counted in (`window 5`, `sentence`, `document`), so that the
//!   sums of shards of different contexts keep two rows and are refused.

use polars::prelude::*;

use super::files::{frame, Table};
use super::settings::context_name;
use crate::error::{Error, Result};
use crate::pipeline::families::PairCounters;
use crate::stats::counts::CountTables;
use crate::stats::pairs::collocations::AdjacentCounter;
use crate::stats::pairs::cooccurrence::{Context, CooccurrenceCounter, TermPair};
use crate::stats::pairs::counting::{pair_key, split_key};
use crate::text::Vocabulary;

const ADJACENT: &str = "adjacent";
const COOCCURRENCE: &str = "cooccurrence";
const MARGIN: &str = "cooccurrence_margin";
const TOTAL: &str = "cooccurrence_total";

/// The table of `pairs`, counted over `vocab`'s ids.
pub(super) fn frame_of(pairs: &PairCounters, vocab: &Vocabulary) -> Result<DataFrame> {
    let mut rows = Rows::default();
    for &(key, n) in pairs.adjacent().form_counts() {
        let (x, y) = split_key(key);
        rows.push(ADJACENT, vocab.form(x), vocab.form(y), n);
    }
    let (context, cooccurring, margins, total) = pairs.cooccurrence().parts();
    for pair in cooccurring {
        let (a, b) = (vocab.term(pair.first), vocab.term(pair.second));
        rows.push(COOCCURRENCE, a.min(b), a.max(b), pair.count);
    }
    for (t, &n) in margins.iter().enumerate().filter(|(_, &n)| n > 0) {
        rows.push(MARGIN, vocab.term(t as u32), "", n);
    }
    let context = context_name(context);
    rows.push(TOTAL, &context, "", total);
    rows.frame()
}

/// Rows of the table, in the order written.
#[derive(Default)]
struct Rows<'v> {
    kinds: Vec<&'v str>,
    firsts: Vec<&'v str>,
    seconds: Vec<&'v str>,
    counts: Vec<u64>,
}

impl<'v> Rows<'v> {
    fn push(&mut self, kind: &'v str, first: &'v str, second: &'v str, count: u64) {
        self.kinds.push(kind);
        self.firsts.push(first);
        self.seconds.push(second);
        self.counts.push(count);
    }

    fn frame(self) -> Result<DataFrame> {
        frame(
            "pairs",
            vec![
                Column::new("kind".into(), self.kinds),
                Column::new("first".into(), self.firsts),
                Column::new("second".into(), self.seconds),
                Column::new("count".into(), self.counts),
            ],
        )
    }
}

/// The rows of the shards' `tables` summed by (kind, first, second), sorted by them: what
/// the README's SQL gives, in a fixed order.
pub(super) fn sum(tables: &[Table]) -> Result<DataFrame> {
    let mut all: Vec<(&str, &str, &str, u64)> = Vec::new();
    for table in tables {
        all.reserve(table.height());
        for_each_row(table, |kind, first, second, count| {
            all.push((kind, first, second, count));
            Ok(())
        })?;
    }
    all.sort_unstable();
    // Summed in place, each pair's rows into its first: no second copy of the rows.
    let mut kept = 0;
    for i in 0..all.len() {
        let row = all[i];
        if kept > 0 && (all[kept - 1].0, all[kept - 1].1, all[kept - 1].2) == (row.0, row.1, row.2)
        {
            all[kept - 1].3 += row.3;
        } else {
            all[kept] = row;
            kept += 1;
        }
    }
    all.truncate(kept);
    let text = |name: &str, cell: for<'a> fn(&'a (&'a str, &'a str, &'a str, u64)) -> &'a str| {
        StringChunked::from_iter_values(name.into(), all.iter().map(cell)).into_column()
    };
    frame(
        "pairs",
        vec![
            text("kind", |r| r.0),
            text("first", |r| r.1),
            text("second", |r| r.2),
            Column::new(
                "count".into(),
                all.iter().map(|r| r.3).collect::<Vec<u64>>(),
            ),
        ],
    )
}

/// The pair counters of the (summed) `table` over the rebuilt `vocab`, in the shard's
/// `context`; `counts` (rebuilt from the same shard) checks the margins where they are
/// the term counts. An error names the file and what in it does not fit.
pub(super) fn counters(
    table: &Table,
    vocab: &Vocabulary,
    context: Context,
    counts: &CountTables,
    n_speeches: usize,
) -> Result<PairCounters> {
    let not_summed = |what: String| {
        table.error(format!(
            "has {what} twice: sum the shards' rows by kind, first and second (see the README)"
        ))
    };
    let form = |word: &str| {
        vocab
            .form_id(word)
            .filter(|&f| !vocab.is_stopword(f))
            .ok_or_else(|| {
                table.error(format!(
                    "counts an adjacent pair with the word {word:?}, which is no counted word \
                     form of the shard's forms.parquet: the shard's files do not belong together"
                ))
            })
    };
    let term = |word: &str| {
        vocab.term_id(word).ok_or_else(|| {
            table.error(format!(
                "counts the term {word:?}, which no word form of the shard's forms.parquet has: \
                 the shard's files do not belong together"
            ))
        })
    };
    let mut adjacent = Vec::new();
    let mut cooccurring = Vec::new();
    let mut margins = vec![0u64; vocab.n_terms()];
    let mut has_margin = vec![false; vocab.n_terms()];
    let mut total: Option<(&str, u64)> = None;
    for_each_row(table, |kind, first, second, n| {
        match kind {
            ADJACENT => adjacent.push((pair_key(form(first)?, form(second)?), n)),
            COOCCURRENCE => {
                let (a, b) = (term(first)?, term(second)?);
                if a == b {
                    return Err(table.error(format!(
                        "counts the term {first:?} as co-occurring with itself, which is never \
                         counted"
                    )));
                }
                cooccurring.push(TermPair {
                    first: a.min(b),
                    second: a.max(b),
                    count: n,
                });
            }
            MARGIN => {
                let t = term(first)? as usize;
                if has_margin[t] {
                    return Err(not_summed(format!("the margin of {first:?}")));
                }
                has_margin[t] = true;
                margins[t] = n;
            }
            TOTAL => match total {
                Some((other, _)) if other != first => {
                    return Err(table.error(format!(
                        "holds pairs counted in two contexts ({other} and {first}): its \
                         shards were counted with different --context or --window; count \
                         every shard with the same"
                    )))
                }
                Some(_) => return Err(not_summed("the co-occurrence total".into())),
                None => total = Some((first, n)),
            },
            other => {
                return Err(table.error(format!(
                    "has a row of kind {other:?}; the kinds are {ADJACENT}, {COOCCURRENCE}, \
                     {MARGIN} and {TOTAL}"
                )))
            }
        }
        Ok(())
    })?;
    let Some((counted_in, total)) = total else {
        return Err(table.error(format!(
            "has no {TOTAL} row: it is not as `speechstat count` writes it"
        )));
    };
    if counted_in != context_name(context) {
        return Err(table.error(format!(
            "holds pairs counted in context {counted_in}, but the shard's settings.parquet \
             says {}: the shard's files do not belong together",
            context_name(context)
        )));
    }
    check_unique(
        &mut adjacent,
        |&(key, _)| key,
        |&(key, _)| {
            let (x, y) = split_key(key);
            not_summed(format!(
                "the adjacent pair {:?} {:?}",
                vocab.form(x),
                vocab.form(y)
            ))
        },
    )?;
    check_unique(
        &mut cooccurring,
        |p| (p.first, p.second),
        |p| {
            not_summed(format!(
                "the co-occurring pair {:?} {:?}",
                vocab.term(p.first),
                vocab.term(p.second)
            ))
        },
    )?;
    check_margins(table, context, &margins, total, counts, n_speeches)?;
    Ok(PairCounters::from_counters(
        AdjacentCounter::from_form_counts(adjacent),
        CooccurrenceCounter::from_parts(context, cooccurring, margins, total),
    ))
}

/// Calls `row` with each row's kind, first, second and count, in file order, reading the
/// columns cell by cell; an empty cell is an error naming the file.
fn for_each_row<'f>(
    table: &Table<'f>,
    mut row: impl FnMut(&'f str, &'f str, &'f str, u64) -> Result<()>,
) -> Result<()> {
    let kinds = table.text_cells("kind")?;
    let firsts = table.text_cells("first")?;
    let seconds = table.text_cells("second")?;
    let counts = table.integer_cells("count")?;
    let cells = kinds.iter().zip(firsts.iter()).zip(seconds.iter());
    for (((kind, first), second), count) in cells.zip(counts.iter()) {
        let (Some(kind), Some(first), Some(second), Some(count)) = (kind, first, second, count)
        else {
            return Err(table.error("has an empty cell in kind, first, second or count".into()));
        };
        row(kind, first, second, count)?;
    }
    Ok(())
}

/// Sorts `items` by `key` and refuses one whose key repeats (rows an engine did not sum).
fn check_unique<T, K: Ord + Copy>(
    items: &mut [T],
    key: impl Fn(&T) -> K,
    twice: impl Fn(&T) -> Error,
) -> Result<()> {
    items.sort_unstable_by_key(&key);
    match items.windows(2).find(|w| key(&w[0]) == key(&w[1])) {
        Some(w) => Err(twice(&w[0])),
        None => Ok(()),
    }
}

/// The margins and total against what the count tables say where they are the same
/// numbers: in a window, each term's counted tokens and their sum; in a speech, the
/// speeches holding each term and the number of speeches. (A sentence's are not in the
/// count tables.)
fn check_margins(
    table: &Table,
    context: Context,
    margins: &[u64],
    total: u64,
    counts: &CountTables,
    n_speeches: usize,
) -> Result<()> {
    let (expected_margins, expected_total): (Vec<u64>, u64) = match context {
        Context::Window(_) => (
            counts.term_count.clone(),
            counts.term_count.iter().sum::<u64>(),
        ),
        Context::Document => (
            counts.term_doc_freq.iter().map(|&n| u64::from(n)).collect(),
            n_speeches as u64,
        ),
        Context::Sentence => return Ok(()),
    };
    if expected_margins != margins || expected_total != total {
        return Err(table.error(format!(
            "has co-occurrence margins (total {total}) that are not the shard's term counts \
             (total {expected_total}): the shard's files do not belong together"
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::stats::counts::count;
    use crate::stats::counts::tests::tokenized;
    use crate::text::TokenizedCorpus;

    const TEXTS: [&str; 3] = [
        "The economy grows. Jobs grow and the economy grows!",
        "Freedom and jobs, jobs and freedom; the economies of freedom.",
        "",
    ];

    fn counted(corpus: &TokenizedCorpus, context: Context) -> PairCounters {
        let mut pairs = PairCounters::new(context);
        pairs.add(&corpus.docs, &corpus.vocab);
        pairs
    }

    fn read_back(
        frame: &DataFrame,
        corpus: &TokenizedCorpus,
        context: Context,
    ) -> Result<PairCounters> {
        let table = Table::new(frame, Path::new("shard"), "pairs.parquet");
        let counts = count(corpus);
        counters(&table, &corpus.vocab, context, &counts, corpus.docs.len())
    }

    fn assert_same(a: &PairCounters, b: &PairCounters) {
        assert_eq!(a.adjacent().form_counts(), b.adjacent().form_counts());
        assert_eq!(a.cooccurrence().parts(), b.cooccurrence().parts());
    }

    #[test]
    fn pair_counts_read_back_as_counted_in_every_context() {
        let corpus = tokenized(&TEXTS, true, true);
        for context in [Context::Window(2), Context::Sentence, Context::Document] {
            let pairs = counted(&corpus, context);
            assert!(!pairs.adjacent().form_counts().is_empty());
            assert!(!pairs.cooccurrence().parts().1.is_empty());
            let frame = frame_of(&pairs, &corpus.vocab).unwrap();
            assert_same(&read_back(&frame, &corpus, context).unwrap(), &pairs);
        }
    }

    #[test]
    fn summed_shards_read_back_as_the_pairs_of_their_corpus() {
        // The corpus twice over has the same ids (first occurrences) and twice the counts.
        let once = tokenized(&TEXTS, true, true);
        let twice: Vec<&str> = TEXTS.iter().chain(&TEXTS).copied().collect();
        let twice = tokenized(&twice, true, true);
        let frame = frame_of(&counted(&once, Context::Window(3)), &once.vocab).unwrap();
        let table = Table::new(&frame, Path::new("s"), "pairs.parquet");
        let summed = sum(&[Table::new(&frame, Path::new("t"), "pairs.parquet"), table]).unwrap();
        assert_eq!(summed.height(), frame.height());
        let expected = counted(&twice, Context::Window(3));
        assert_same(
            &read_back(&summed, &twice, Context::Window(3)).unwrap(),
            &expected,
        );
    }

    #[test]
    fn rows_not_summed_another_context_or_a_foreign_kind_are_refused() {
        let corpus = tokenized(&TEXTS, true, true);
        let frame = frame_of(&counted(&corpus, Context::Window(5)), &corpus.vocab).unwrap();
        let error = |frame: &DataFrame, context| match read_back(frame, &corpus, context) {
            Ok(_) => panic!("read back"),
            Err(e) => e.to_string(),
        };
        let mut doubled = frame.clone();
        doubled.vstack_mut(&frame).unwrap();
        let message = error(&doubled, Context::Window(5));
        assert!(message.starts_with("shard/pairs.parquet: "), "{message}");
        assert!(message.contains("twice"), "{message}");
        let message = error(&frame, Context::Window(4));
        assert!(message.contains("context window 5"), "{message}");
        assert!(message.contains("says window 4"), "{message}");
        // Two shards of other windows summed: two totals of two contexts.
        let other = frame_of(&counted(&corpus, Context::Window(4)), &corpus.vocab).unwrap();
        let tables = [&frame, &other].map(|f| Table::new(f, Path::new("s"), "pairs.parquet"));
        let message = error(&sum(&tables).unwrap(), Context::Window(5));
        assert!(message.contains("two contexts"), "{message}");
        let kinds = frame.column("kind").unwrap().str().unwrap();
        let renamed: Vec<&str> = kinds
            .iter()
            .map(|k| match k {
                Some(TOTAL) => "total",
                other => other.unwrap_or_default(),
            })
            .collect();
        let mut foreign = frame.clone();
        foreign
            .replace("kind", Column::new("kind".into(), renamed))
            .unwrap();
        assert!(error(&foreign, Context::Window(5)).contains("of kind \"total\""));
        let without_total = frame.slice(0, frame.height() - 1);
        assert!(error(&without_total, Context::Window(5)).contains("has no cooccurrence_total"));
    }
}
