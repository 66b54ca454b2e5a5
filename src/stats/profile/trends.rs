//! Term frequencies over time: the speeches grouped into periods (a year, five years or a
//! decade) by a time column, and each term's count and rate per period.
//!
//! The time column is `--time COL`, else `year`, else `date`; a speech's year is the first
//! four-digit number of its value ("2002", "2002-01-29"). Speeches without one are left out of
//! the periods (the run says how many). A period is named by its years: "1990" for a year,
//! "1990-1994", "1990s" for a decade; periods with no speech are absent, not zero.
//!
//! Columns of `term_trends`: period, period_start (its first year), term, label, count,
//! per_10k (count / period_tokens x 10,000), period_tokens (word tokens of the period's
//! speeches). Periods in time order; within one, most frequent first, ties by term.
//!
//! The terms a trend chart shows by default are those whose rate changed most: the half that
//! rose most and the half that fell most in rate per 10,000 words between the first and the
//! last third of the periods (terms counted at least [`TREND_MIN_COUNT`] times).

use polars::prelude::*;

use crate::columns;
use crate::corpus::Corpus;
use crate::error::Result;
use crate::stats::counts::{per_10k, CountTables};
use crate::stats::frame;
use crate::stats::groups::GroupCounts;
use crate::text::{TermId, Vocabulary};

/// Least corpus count of a term chosen for a trend chart by default.
pub(crate) const TREND_MIN_COUNT: u64 = 100;

/// How long a period is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Period {
    /// One year.
    #[default]
    Year,
    /// Five years: 1990-1994, 1995-1999, ...
    FiveYears,
    /// A decade: 1990s.
    Decade,
}

impl Period {
    fn years(self) -> i32 {
        match self {
            Period::Year => 1,
            Period::FiveYears => 5,
            Period::Decade => 10,
        }
    }

    /// "year", "five years", "decade".
    pub(crate) fn noun(self) -> &'static str {
        match self {
            Period::Year => "year",
            Period::FiveYears => "five years",
            Period::Decade => "decade",
        }
    }

    fn name(self, start: i32) -> String {
        match self {
            Period::Year => start.to_string(),
            Period::FiveYears => format!("{start}-{}", start + 4),
            Period::Decade => format!("{start}s"),
        }
    }
}

/// The speeches of a corpus placed in periods.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Timeline {
    /// The column the years come from.
    pub column: String,
    pub period: Period,
    /// First year of each period, increasing.
    pub starts: Vec<i32>,
    /// Period of each speech, none when it has no year.
    pub of_doc: Vec<Option<usize>>,
}

impl Timeline {
    /// Periods from `column` (see the module docs); none if the corpus lacks the column.
    pub fn new(corpus: &Corpus, column: &str, period: Period) -> Option<Timeline> {
        let index = corpus.metadata_index(column)?;
        let years: Vec<Option<i32>> = corpus
            .documents
            .iter()
            .map(|d| first_year(&d.metadata[index]))
            .collect();
        let start_of = |year: i32| year.div_euclid(period.years()) * period.years();
        let mut starts: Vec<i32> = years.iter().flatten().map(|&y| start_of(y)).collect();
        starts.sort_unstable();
        starts.dedup();
        let of_doc = years
            .iter()
            .map(|y| y.and_then(|y| starts.binary_search(&start_of(y)).ok()))
            .collect();
        Some(Timeline {
            column: column.to_owned(),
            period,
            starts,
            of_doc,
        })
    }

    /// The period names.
    pub fn names(&self) -> Vec<String> {
        self.starts.iter().map(|&s| self.period.name(s)).collect()
    }

    /// Speeches without a year.
    pub fn undated(&self) -> usize {
        self.of_doc.iter().filter(|p| p.is_none()).count()
    }

    /// Counts summed per period.
    pub fn sums(&self, counts: &CountTables) -> GroupCounts {
        GroupCounts::sum_of(counts, &self.of_doc, self.starts.len())
    }
}

/// The first run of four digits in `value`, as a year.
fn first_year(value: &str) -> Option<i32> {
    let bytes = value.as_bytes();
    let start = (0..bytes.len().saturating_sub(3))
        .find(|&i| bytes[i..i + 4].iter().all(u8::is_ascii_digit))?;
    let not_longer = bytes.get(start + 4).is_none_or(|b| !b.is_ascii_digit());
    not_longer.then(|| value[start..start + 4].parse().ok())?
}

/// One row per period and counted term.
pub(crate) fn term_trends_frame(
    timeline: &Timeline,
    sums: &GroupCounts,
    counts: &CountTables,
    vocab: &Vocabulary,
) -> Result<DataFrame> {
    let names = timeline.names();
    let (mut period, mut start, mut term, mut label) = (vec![], vec![], vec![], vec![]);
    let (mut count, mut rate, mut tokens) = (vec![], vec![], vec![]);
    for (p, entries) in sums.terms.iter().enumerate() {
        let mut entries = entries.clone();
        entries.sort_by(|a, b| {
            b.1.cmp(&a.1)
                .then_with(|| vocab.term(a.0).cmp(vocab.term(b.0)))
        });
        for (t, n) in entries {
            period.push(names[p].as_str());
            start.push(timeline.starts[p]);
            term.push(vocab.term(t));
            label.push(vocab.form(counts.term_label[t as usize]));
            count.push(n);
            rate.push(per_10k(n, sums.n_tokens[p]));
            tokens.push(sums.n_tokens[p]);
        }
    }
    frame(
        "term_trends",
        vec![
            Column::new(columns::PERIOD.name.into(), period),
            Column::new(columns::PERIOD_START.name.into(), start),
            Column::new(columns::TERM.name.into(), term),
            Column::new(columns::LABEL.name.into(), label),
            Column::new(columns::COUNT.name.into(), count),
            Column::new(columns::PER_10K.name.into(), rate),
            Column::new(columns::PERIOD_TOKENS.name.into(), tokens),
        ],
    )
}

/// A term's rate per 10,000 words in the first and the last third of the periods.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct RateChange {
    pub term: TermId,
    pub before: f64,
    pub after: f64,
}

/// The periods of the first and the last third (`first..last` ranges of period indices);
/// none for fewer than two periods.
pub(crate) fn thirds(periods: usize) -> Option<(std::ops::Range<usize>, std::ops::Range<usize>)> {
    if periods < 2 {
        return None;
    }
    let third = periods.div_ceil(3);
    Some((0..third, periods - third..periods))
}

/// The `n` terms whose rate changed most between the first and the last third of the periods:
/// the `n / 2` that rose most, then those that fell most (ties by term).
pub(crate) fn changed_most(
    sums: &GroupCounts,
    counts: &CountTables,
    vocab: &Vocabulary,
    n: usize,
    min_count: u64,
) -> Vec<RateChange> {
    let Some((first, last)) = thirds(sums.terms.len()) else {
        return Vec::new();
    };
    let pooled = |range: std::ops::Range<usize>| {
        let mut tally = vec![0u64; counts.term_count.len()];
        let mut tokens = 0u64;
        for p in range {
            tokens += sums.n_tokens[p];
            for &(t, c) in &sums.terms[p] {
                tally[t as usize] += c;
            }
        }
        (tally, tokens)
    };
    let (early, early_tokens) = pooled(first);
    let (late, late_tokens) = pooled(last);
    let mut change: Vec<(f64, RateChange)> = counts
        .counted_terms()
        .filter(|&t| counts.term_count[t as usize] >= min_count)
        .map(|term| {
            let before = per_10k(early[term as usize], early_tokens);
            let after = per_10k(late[term as usize], late_tokens);
            let rate = RateChange {
                term,
                before,
                after,
            };
            (after - before, rate)
        })
        .collect();
    let by = |x: &(f64, RateChange), y: &(f64, RateChange)| {
        vocab.term(x.1.term).cmp(vocab.term(y.1.term))
    };
    change.sort_by(|x, y| y.0.total_cmp(&x.0).then_with(|| by(x, y)));
    let rising = n.div_ceil(2);
    let mut chosen: Vec<RateChange> = change
        .iter()
        .take(rising)
        .filter(|c| c.0 > 0.0)
        .map(|c| c.1)
        .collect();
    change.sort_by(|x, y| x.0.total_cmp(&y.0).then_with(|| by(x, y)));
    chosen.extend(
        change
            .iter()
            .take(n - rising)
            .filter(|c| c.0 < 0.0)
            .map(|c| c.1),
    );
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Document;
    use crate::stats::counts::{count, tests::tokenized};

    #[test]
    fn years_are_the_first_four_digits() {
        let cases = [
            ("2002", Some(2002)),
            ("2002-01-29", Some(2002)),
            ("29 January 2002", Some(2002)),
            ("12345", None),
            ("n.d.", None),
            ("", None),
        ];
        for (value, year) in cases {
            assert_eq!(first_year(value), year, "{value}");
        }
    }

    #[test]
    fn periods_group_years_and_leave_undated_speeches_out() {
        let texts = ["a", "b", "c", "d"];
        let years = ["1994", "1995", "2001", "n.d."];
        let documents: Vec<Document> = texts
            .iter()
            .zip(years)
            .map(|(t, y)| Document {
                metadata: vec![y.to_owned()],
                ..Document::from_text(*t, *t)
            })
            .collect();
        let corpus = Corpus::new(vec!["year".into()], documents).unwrap();
        let decades = Timeline::new(&corpus, "year", Period::Decade).unwrap();
        assert_eq!(decades.names(), ["1990s", "2000s"]);
        assert_eq!(decades.of_doc, [Some(0), Some(0), Some(1), None]);
        assert_eq!(decades.undated(), 1);
        let fives = Timeline::new(&corpus, "year", Period::FiveYears).unwrap();
        assert_eq!(fives.names(), ["1990-1994", "1995-1999", "2000-2004"]);
        assert!(Timeline::new(&corpus, "date", Period::Year).is_none());
    }

    #[test]
    fn rates_per_period_and_the_terms_that_changed_most() {
        let corpus = tokenized(
            &["war war peace", "war peace peace", "peace peace peace"],
            false,
            false,
        );
        let counts = count(&corpus);
        let timeline = Timeline {
            column: "year".into(),
            period: Period::Year,
            starts: vec![1900, 1950, 2000],
            of_doc: vec![Some(0), Some(1), Some(2)],
        };
        let sums = timeline.sums(&counts);
        let df = term_trends_frame(&timeline, &sums, &counts, &corpus.vocab).unwrap();
        assert_eq!(df.height(), 5);
        let rates: Vec<f64> = df
            .column("per_10k")
            .unwrap()
            .f64()
            .unwrap()
            .into_no_null_iter()
            .collect();
        assert!((rates[0] - 2.0 / 3.0 * 1e4).abs() < 1e-9);
        // War falls from 2/3 of the first third to none of the last; peace rises.
        let chosen = changed_most(&sums, &counts, &corpus.vocab, 2, 1);
        let names: Vec<&str> = chosen.iter().map(|c| corpus.vocab.term(c.term)).collect();
        assert_eq!(names, ["peace", "war"]);
        assert!(chosen[0].after > chosen[0].before && chosen[1].after == 0.0);
        assert!(changed_most(&sums, &counts, &corpus.vocab, 4, TREND_MIN_COUNT).is_empty());
    }
}
