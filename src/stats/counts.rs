//! The count tables every statistic starts from: per-document term counts, document sizes,
//! corpus totals, document frequencies and term labels, all on integer ids.
//!
//! Conventions (docs/statistics.md): term counts cover non-stopword tokens only; `n_tokens`
//! counts every word token (stopwords included) and is the denominator of every rate; a term's
//! label is its most frequent word form among its counted tokens, ties to the alphabetically
//! first.

use rayon::prelude::*;

use crate::error::Result;
use crate::stats::doc_rows::DocRows;
use crate::stats::tally::Tally;
use crate::text::{DocTokens, FormId, TermId, TokenizedCorpus, Vocabulary};

/// Counts of one corpus, indexed by document (corpus order) and by term id.
#[derive(Debug, Clone, Default)]
pub struct CountTables {
    /// Word tokens per document, stopwords included.
    pub n_tokens: Vec<u64>,
    /// Distinct lowercased word forms per document, stopwords included.
    pub n_types: Vec<u32>,
    pub n_sentences: Vec<u32>,
    /// Per document, `(term, count)` over non-stopword tokens, sorted by term id: in
    /// memory up to a budget, the rest in a temporary file (see [`DocRows`]).
    pub doc_terms: DocRows,
    /// Corpus count of each term (non-stopword tokens).
    pub term_count: Vec<u64>,
    /// Number of documents in which each term is counted at least once.
    pub term_doc_freq: Vec<u32>,
    /// Each term's label: a word form id.
    pub term_label: Vec<FormId>,
    /// Corpus count of each word form, stopwords included (the features of style, whose
    /// most frequent forms Burrows' Delta compares).
    pub form_count: Vec<u64>,
}

impl CountTables {
    pub fn n_docs(&self) -> usize {
        self.n_tokens.len()
    }

    /// Word tokens in the whole corpus.
    pub fn total_tokens(&self) -> u64 {
        self.n_tokens.iter().sum()
    }

    /// Terms counted at least once, by id.
    pub fn counted_terms(&self) -> impl Iterator<Item = TermId> + '_ {
        (0..self.term_count.len() as TermId).filter(|&t| self.term_count[t as usize] > 0)
    }
}

/// Occurrences per 10,000 word tokens; 0 for an empty document.
pub fn per_10k(count: u64, n_tokens: u64) -> f64 {
    if n_tokens == 0 {
        0.0
    } else {
        count as f64 / n_tokens as f64 * 10_000.0
    }
}

/// Per-document counts before the corpus totals.
struct DocCounts {
    /// Each form of the document with its count, in no particular order.
    forms: Vec<(FormId, u32)>,
    terms: Vec<(TermId, u32)>,
}

/// A run of documents' counts summed by term and by form, so that only the run's distinct
/// terms and forms are added to the corpus totals one by one.
struct RunTotals {
    terms: Vec<(TermId, TermTotal)>,
    forms: Vec<(FormId, u64)>,
}

/// A term's tokens and the documents using it.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct TermTotal {
    tokens: u64,
    documents: u32,
}

impl std::ops::AddAssign for TermTotal {
    fn add_assign(&mut self, other: TermTotal) {
        self.tokens += other.tokens;
        self.documents += other.documents;
    }
}

impl RunTotals {
    fn of(counted: &[DocCounts], vocab: &Vocabulary) -> RunTotals {
        let mut terms = Tally::<TermTotal>::new(vocab.n_terms());
        let mut forms = Tally::<u64>::new(vocab.n_forms());
        for doc in counted {
            for &(term, n) in &doc.terms {
                let total = TermTotal {
                    tokens: u64::from(n),
                    documents: 1,
                };
                terms.add(term, total);
            }
            for &(form, n) in &doc.forms {
                forms.add(form, u64::from(n));
            }
        }
        RunTotals {
            terms: terms.drain().collect(),
            forms: forms.drain().collect(),
        }
    }
}

/// Builds the count tables of a tokenized corpus, all in memory.
pub fn count(corpus: &TokenizedCorpus) -> CountTables {
    let mut counter = Counter::with_budget(usize::MAX);
    // Rows held in memory cannot fail to be written.
    let _ = counter.add(&corpus.docs, &corpus.vocab);
    counter.finish(&corpus.vocab).unwrap_or_default()
}

/// Builds the count tables a batch of documents at a time, as they are tokenized, so that a
/// batch's tokens need not be kept for counting. The tables equal [`count`]'s of the whole
/// corpus: per document, counts are its own; the corpus totals are sums. Count rows beyond a
/// budget go to a temporary file ([`DocRows`]).
#[derive(Debug, Default)]
pub struct Counter {
    tables: CountTables,
    /// Per word form, its tokens that are counted (not stopwords), and all of its tokens.
    counted_form_total: Vec<u64>,
    any_form_total: Vec<u64>,
}

impl Counter {
    /// A counter that keeps `budget` entries of count rows in memory.
    pub fn with_budget(budget: usize) -> Counter {
        Counter {
            tables: CountTables {
                doc_terms: DocRows::with_budget(budget),
                ..CountTables::default()
            },
            ..Counter::default()
        }
    }

    /// Counts the next documents of the corpus; `vocab` holds their forms (and may have
    /// grown since the last batch). An error when the temporary file cannot be written.
    pub fn add(&mut self, docs: &[DocTokens], vocab: &Vocabulary) -> Result<()> {
        // A few runs of documents per thread, each with its own tallies: tables as large as
        // the vocabulary, not to be made for every document.
        let run = docs.len().div_ceil(4 * rayon::current_num_threads()).max(1);
        let per_run: Vec<(Vec<DocCounts>, RunTotals)> = docs
            .par_chunks(run)
            .map(|docs| {
                let mut forms = Tally::new(vocab.n_forms());
                let mut terms = Tally::new(vocab.n_terms());
                let counted: Vec<DocCounts> = docs
                    .iter()
                    .map(|doc| count_document(doc, vocab, &mut forms, &mut terms))
                    .collect();
                let totals = RunTotals::of(&counted, vocab);
                (counted, totals)
            })
            .collect();
        self.fit(vocab);
        let tables = &mut self.tables;
        let mut per_doc = Vec::with_capacity(docs.len());
        // The runs' sums are added in order: the totals are the same whatever the runs.
        for (counted, totals) in per_run {
            for (term, total) in totals.terms {
                tables.term_count[term as usize] += total.tokens;
                tables.term_doc_freq[term as usize] += total.documents;
            }
            for (form, n) in totals.forms {
                self.any_form_total[form as usize] += n;
                if !vocab.is_stopword(form) {
                    self.counted_form_total[form as usize] += n;
                }
            }
            per_doc.extend(counted);
        }
        tables
            .n_tokens
            .extend(docs.iter().map(|d| d.forms.len() as u64));
        tables
            .n_sentences
            .extend(docs.iter().map(|d| d.sentence_starts.len() as u32));
        tables
            .n_types
            .extend(per_doc.iter().map(|d| d.forms.len() as u32));
        for doc in per_doc {
            tables.doc_terms.push(doc.terms)?;
        }
        Ok(())
    }

    /// Grows the per-term and per-form totals to the vocabulary's size (it grows with each
    /// batch; a corpus of no batch still gets tables of its size).
    fn fit(&mut self, vocab: &Vocabulary) {
        self.tables.term_count.resize(vocab.n_terms(), 0);
        self.tables.term_doc_freq.resize(vocab.n_terms(), 0);
        self.counted_form_total.resize(vocab.n_forms(), 0);
        self.any_form_total.resize(vocab.n_forms(), 0);
    }

    /// The tables, with each term's label chosen from the whole corpus's forms.
    pub fn finish(mut self, vocab: &Vocabulary) -> Result<CountTables> {
        self.tables.doc_terms.finish_writing()?;
        self.fit(vocab);
        self.tables.term_label = labels(vocab, &self.counted_form_total, &self.any_form_total);
        self.tables.form_count = self.any_form_total;
        Ok(self.tables)
    }
}

fn count_document(
    doc: &DocTokens,
    vocab: &Vocabulary,
    forms: &mut Tally<u32>,
    terms: &mut Tally<u32>,
) -> DocCounts {
    for &form in &doc.forms {
        forms.add(form, 1);
    }
    let forms: Vec<(FormId, u32)> = forms.drain().collect();
    // Forms of one term (nations, nation) are summed under it.
    for &(form, n) in &forms {
        if !vocab.is_stopword(form) {
            terms.add(vocab.term_of_form(form), n);
        }
    }
    terms.sort();
    DocCounts {
        forms,
        terms: terms.drain().collect(),
    }
}

/// Sorts `(term, count)` pairs by term, adds up the counts of equal terms, and drops the
/// spare capacity: count lists are kept for the whole run.
pub(crate) fn sum_by_term<N: std::ops::AddAssign + Copy>(
    mut entries: Vec<(TermId, N)>,
) -> Vec<(TermId, N)> {
    entries.sort_unstable_by_key(|&(term, _)| term);
    entries.dedup_by(|later, kept| {
        let same = later.0 == kept.0;
        if same {
            kept.1 += later.1;
        }
        same
    });
    entries.shrink_to_fit();
    entries
}

/// The label of each term: its most frequent counted form, ties to the alphabetically first.
/// A term seen only as stopwords (never counted) takes its most frequent form overall.
pub(crate) fn labels(vocab: &Vocabulary, counted: &[u64], any: &[u64]) -> Vec<FormId> {
    let mut best: Vec<Option<(u64, FormId)>> = vec![None; vocab.n_terms()];
    let mut best_any: Vec<Option<(u64, FormId)>> = vec![None; vocab.n_terms()];
    let better = |candidate: (u64, FormId), current: Option<(u64, FormId)>| match current {
        None => true,
        Some((n, form)) => {
            candidate.0 > n || (candidate.0 == n && vocab.form(candidate.1) < vocab.form(form))
        }
    };
    for form in 0..vocab.n_forms() as FormId {
        let term = vocab.term_of_form(form) as usize;
        let c = (counted[form as usize], form);
        if c.0 > 0 && better(c, best[term]) {
            best[term] = Some(c);
        }
        let a = (any[form as usize], form);
        if better(a, best_any[term]) {
            best_any[term] = Some(a);
        }
    }
    best.into_iter()
        .zip(best_any)
        .map(|(counted, any)| counted.or(any).map_or(0, |(_, form)| form))
        .collect()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::corpus::{Document, Encoding};
    use crate::progress::Silent;
    use crate::text::{tokenize_corpus, Language, Normalizer, StopwordSource, Stopwords};

    pub(crate) fn tokenized(texts: &[&str], stem: bool, stopwords: bool) -> TokenizedCorpus {
        let docs: Vec<Document> = texts
            .iter()
            .map(|t| Document {
                id: String::new(),
                source: String::new(),
                metadata: Vec::new(),
                encoding: Encoding::Utf8,
                text: (*t).into(),
                annotations_removed: 0,
                footer_lines_removed: 0,
                mojibake_repaired: 0,
                apostrophes_restored: 0,
            })
            .collect();
        let language = Language::default();
        let source = if stopwords {
            StopwordSource::Builtin
        } else {
            StopwordSource::None
        };
        let normalizer =
            Normalizer::new(language, stem, Stopwords::load(&source, language).unwrap());
        tokenize_corpus(&docs, &normalizer, &Silent)
    }

    #[test]
    fn counts_exclude_stopwords_but_sizes_include_them() {
        let corpus = tokenized(
            &[
                "The trafficking of persons. Trafficking!",
                "persons persons",
            ],
            true,
            true,
        );
        let counts = count(&corpus);
        let v = &corpus.vocab;
        let traffick = v.term_id("traffick").unwrap();
        let person = v.term_id("person").unwrap();
        assert_eq!(counts.n_tokens, [5, 2]);
        assert_eq!(counts.n_types, [4, 1]);
        assert_eq!(counts.n_sentences, [2, 1]);
        assert_eq!(counts.term_count[traffick as usize], 2);
        assert_eq!(counts.term_count[person as usize], 3);
        assert_eq!(counts.term_doc_freq[person as usize], 2);
        assert_eq!(*counts.doc_terms.row(1), [(person, 2)]);
        let the = v.term_id("the").unwrap();
        assert_eq!(counts.term_count[the as usize], 0);
        assert_eq!(counts.counted_terms().count(), 2);
    }

    #[test]
    fn labels_are_the_most_frequent_form_ties_alphabetical() {
        let corpus = tokenized(
            &["nations nation nations united unite unites unites united"],
            true,
            false,
        );
        let counts = count(&corpus);
        let v = &corpus.vocab;
        let label = |term: &str| v.form(counts.term_label[v.term_id(term).unwrap() as usize]);
        assert_eq!(label("nation"), "nations");
        // "united" and "unites" both occur twice: the alphabetically first wins.
        assert_eq!(label("unit"), "united");
    }
}
