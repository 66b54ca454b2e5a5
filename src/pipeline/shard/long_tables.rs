//! The two tables of a shard that grow with its text, `tokens.parquet` and
//! `speech_terms.parquet`, read a row group at a time and put in corpus order, into the
//! stores `analyze` reads into ([`TokenStore`], [`DocRows`]), which keep their budget in
//! memory and write the rest to temporary files: memory is bounded by the vocabulary and a
//! row group, not by the text.
//!
//! An engine's `UNION ALL` may give the rows in any order, and a speech's term rows in
//! several runs. Form ids must still be those of one reading of the corpus, which numbers
//! forms in the order of their first occurrence: the forms are numbered as the file gives
//! them, each with the place (speech, token) of its first occurrence in the corpus; when the
//! file was not in corpus order, they are renumbered by that place and the speeches' tokens
//! put in order from a first, temporary store.

use std::collections::HashMap;
use std::path::Path;

use polars::prelude::DataType;

use super::files::{file_error, for_each_group, Table, SHARD_FILES};
use crate::corpus::Document;
use crate::error::Result;
use crate::stats::doc_rows::DocRows;
use crate::text::{
    DocSource, DocTokens, FormId, Normalizer, TermId, TokenStore, TokenizedCorpus, Vocabulary,
};

/// What `speeches.parquet` says of a speech's tokens, to check its tokens against.
#[derive(Debug, Clone, Copy)]
pub(super) struct Declared {
    pub(super) tokens: u64,
    pub(super) sentences: u32,
}

/// The shard's tokens in corpus order, and what counting needs of them.
pub(super) struct Tokens {
    pub(super) corpus: TokenizedCorpus,
    /// Each speech's tokens that are counted (not stopwords).
    pub(super) counted: Vec<u64>,
}

/// Each speech's place in corpus order, by its id.
pub(super) type SpeechIndex<'a> = HashMap<&'a str, usize>;

fn speech_of(index: &SpeechIndex, id: &str, table: &Table) -> Result<usize> {
    index.get(id).copied().ok_or_else(|| {
        table.error(format!(
            "names a speech {id:?} that speeches.parquet lacks: the shard's files do not \
             belong together"
        ))
    })
}

/// The vocabulary and the speeches' tokens of `dir/tokens.parquet`, in the order of
/// `documents` (whose places `index` gives), the first `budget` words in memory; each
/// speech's tokens and sentences checked against `declared`.
pub(super) fn tokens(
    dir: &Path,
    documents: &[Document],
    index: &SpeechIndex,
    declared: &[Declared],
    normalizer: &Normalizer,
    budget: usize,
) -> Result<Tokens> {
    let mut vocab = Vocabulary::default();
    // Per form as first numbered: its first place in the corpus, speech << 32 | token.
    let mut first_place: Vec<u64> = Vec::new();
    let mut store = TokenStore::with_budget(budget);
    // Per speech: its row in the file.
    let mut row_of = vec![u32::MAX; documents.len()];
    let mut counted = vec![0u64; documents.len()];
    let mut rows = 0usize;
    let mut in_order = true;
    let columns = ["doc_id", "forms", "sentence_starts"];
    for_each_group(dir, SHARD_FILES[2], &columns, |table| {
        let ids = table.text_cells("doc_id")?;
        let forms = table.lists("forms")?;
        let starts = table.lists("sentence_starts")?;
        for (row, id) in ids.iter().enumerate() {
            let id = id.ok_or_else(|| table.error("column \"doc_id\" has an empty cell".into()))?;
            let d = speech_of(index, id, table)?;
            if row_of[d] != u32::MAX {
                return Err(table.error(format!(
                    "has speech {id:?} twice: the shard's files do not belong together"
                )));
            }
            row_of[d] = rows as u32;
            in_order &= rows == d;
            rows += 1;
            let (Some(words), Some(sentence_starts)) =
                (forms.get_as_series(row), starts.get_as_series(row))
            else {
                return Err(table.error(format!("has empty cells for speech {id:?}")));
            };
            let words = words
                .str()
                .map_err(|_| table.error("column \"forms\" is not of lists of text".into()))?;
            let mut doc = DocTokens::default();
            doc.forms.reserve(words.len());
            for (position, word) in words.iter().enumerate() {
                let word =
                    word.ok_or_else(|| table.error(format!("has an empty word in speech {id:?}")))?;
                let form = vocab.intern_form(word, |form| {
                    (
                        normalizer.term(form).into_owned(),
                        normalizer.is_stopword(form),
                    )
                });
                let place = (d as u64) << 32 | position as u64;
                match first_place.get_mut(form as usize) {
                    None => first_place.push(place),
                    Some(first) => *first = (*first).min(place),
                }
                counted[d] += u64::from(!vocab.is_stopword(form));
                doc.forms.push(form);
            }
            doc.sentence_starts = whole_numbers(table, &sentence_starts)?;
            check(table, id, &doc, declared[d])?;
            store.push(doc)?;
        }
        Ok(())
    })?;
    if let Some(d) = row_of.iter().position(|&row| row == u32::MAX) {
        return Err(file_error(
            dir,
            SHARD_FILES[2],
            format!(
                "has no row for speech {:?}: the shard's files do not belong together",
                documents[d].id
            ),
        ));
    }
    if !in_order {
        (vocab, store) = in_corpus_order(&vocab, &first_place, store, &row_of, budget)?;
    }
    Ok(Tokens {
        corpus: TokenizedCorpus::from_store(vocab, store)?,
        counted,
    })
}

/// A list of whole numbers as u32.
fn whole_numbers(table: &Table, list: &polars::prelude::Series) -> Result<Vec<u32>> {
    let not_whole = || table.error("column \"sentence_starts\" is not of whole numbers".into());
    let cast = list
        .strict_cast(&DataType::UInt32)
        .map_err(|_| not_whole())?;
    let values = cast.u32().map_err(|_| not_whole())?;
    Ok(values.into_no_null_iter().collect())
}

/// A speech's tokens against what `speeches.parquet` says of them.
fn check(table: &Table, id: &str, doc: &DocTokens, declared: Declared) -> Result<()> {
    if doc
        .sentence_starts
        .iter()
        .any(|&s| s as usize >= doc.forms.len())
        || !doc.sentence_starts.is_sorted()
    {
        return Err(table.error(format!(
            "speech {id:?} has sentence starts beyond its tokens or out of order"
        )));
    }
    if doc.forms.len() as u64 != declared.tokens
        || doc.sentence_starts.len() as u64 != u64::from(declared.sentences)
    {
        return Err(table.error(format!(
            "speech {id:?} has {} tokens in {} sentences, speeches.parquet says {} in {}: the \
             shard's files do not belong together",
            doc.forms.len(),
            doc.sentence_starts.len(),
            declared.tokens,
            declared.sentences
        )));
    }
    Ok(())
}

/// The vocabulary renumbered by first place in the corpus, and the tokens of `store` (in
/// file order: speech `d` at `row_of[d]`) in corpus order with those numbers.
fn in_corpus_order(
    file_vocab: &Vocabulary,
    first_place: &[u64],
    mut store: TokenStore,
    row_of: &[u32],
    budget: usize,
) -> Result<(Vocabulary, TokenStore)> {
    let mut by_place: Vec<FormId> = (0..file_vocab.n_forms() as FormId).collect();
    by_place.sort_unstable_by_key(|&f| first_place[f as usize]);
    let mut vocab = Vocabulary::default();
    let mut renumbered: Vec<FormId> = vec![0; by_place.len()];
    for f in by_place {
        renumbered[f as usize] = vocab.intern_form(file_vocab.form(f), |_| {
            let term = file_vocab.term(file_vocab.term_of_form(f));
            (term.to_owned(), file_vocab.is_stopword(f))
        });
    }
    store.finish_writing()?;
    let mut ordered = TokenStore::with_budget(budget);
    for &row in row_of {
        let mut doc = store.doc(row as usize).into_owned();
        for form in &mut doc.forms {
            *form = renumbered[*form as usize];
        }
        ordered.push(doc)?;
    }
    store.check()?;
    Ok((vocab, ordered))
}

/// The count rows of `dir/speech_terms.parquet` in the order of `documents` (whose places
/// `index` gives), each speech's checked against its `counted` tokens, and each term's
/// tokens and speeches.
pub(super) fn speech_terms(
    dir: &Path,
    documents: &[Document],
    index: &SpeechIndex,
    vocab: &Vocabulary,
    counted: &[u64],
) -> Result<(DocRows, Vec<u64>, Vec<u32>)> {
    let mut runs = Runs::default();
    let mut run: Vec<(TermId, u32)> = Vec::new();
    let mut speech = None;
    let columns = ["doc_id", "term", "count"];
    for_each_group(dir, SHARD_FILES[3], &columns, |table| {
        let ids = table.text_cells("doc_id")?;
        let terms = table.text_cells("term")?;
        let counts = table.integer_cells("count")?;
        let empty = |column: &str| table.error(format!("column {column:?} has an empty cell"));
        for ((id, term), count) in ids.iter().zip(terms.iter()).zip(counts.iter()) {
            let id = id.ok_or_else(|| empty("doc_id"))?;
            let term = term.ok_or_else(|| empty("term"))?;
            let count = count.ok_or_else(|| empty("count"))?;
            let d = speech_of(index, id, table)?;
            let t = vocab.term_id(term).ok_or_else(|| {
                table.error(format!(
                    "counts a term {term:?} that no token of the shard has"
                ))
            })?;
            if speech != Some(d) {
                if let Some(previous) = speech.replace(d) {
                    runs.push(previous, std::mem::take(&mut run))?;
                }
            }
            run.push((t, u32::try_from(count).unwrap_or(u32::MAX)));
        }
        Ok(())
    })?;
    if let Some(last) = speech {
        runs.push(last, run)?;
    }
    runs.pad_to(documents.len())?;
    let Runs {
        mut rows,
        speech_of_row,
    } = runs;
    rows.finish_writing()?;
    // In corpus order, the runs are the table; else each speech's are gathered in a copy.
    let in_order = speech_of_row
        .iter()
        .enumerate()
        .all(|(r, &d)| r == d as usize);
    let mut gathered = (!in_order).then(DocRows::default);
    let mut by_speech: Vec<u32> = (0..speech_of_row.len() as u32).collect();
    by_speech.sort_by_key(|&r| speech_of_row[r as usize]);
    let mut next = by_speech.into_iter().peekable();
    let n_terms = vocab.n_terms();
    let mut term_count = vec![0u64; n_terms];
    let mut term_doc_freq = vec![0u32; n_terms];
    for (d, document) in documents.iter().enumerate() {
        let mut row: Vec<(TermId, u32)> = Vec::new();
        while let Some(r) = next.next_if(|&r| speech_of_row[r as usize] as usize == d) {
            row.extend_from_slice(&rows.row(r as usize));
        }
        row.sort_unstable_by_key(|&(t, _)| t);
        let summed: u64 = row.iter().map(|&(_, n)| u64::from(n)).sum();
        if counted[d] != summed || row.windows(2).any(|w| w[0].0 == w[1].0) {
            return Err(file_error(
                dir,
                SHARD_FILES[3],
                format!(
                    "counts {summed} tokens of speech {:?} (or a term twice), its tokens {}: the \
                 shard's files do not belong together",
                    document.id, counted[d]
                ),
            ));
        }
        for &(t, n) in &row {
            term_count[t as usize] += u64::from(n);
            term_doc_freq[t as usize] += 1;
        }
        if let Some(gathered) = &mut gathered {
            gathered.push(row)?;
        }
    }
    rows.check()?;
    let doc_terms = match gathered {
        Some(mut gathered) => {
            gathered.finish_writing()?;
            gathered
        }
        None => rows,
    };
    Ok((doc_terms, term_count, term_doc_freq))
}

/// The term rows of `speech_terms.parquet` as the file gives them: a row per run of one
/// speech's rows, and an empty row for each speech passed over, so that a file in corpus
/// order gives the count rows themselves.
#[derive(Default)]
struct Runs {
    rows: DocRows,
    speech_of_row: Vec<u32>,
}

impl Runs {
    fn push(&mut self, speech: usize, mut run: Vec<(TermId, u32)>) -> Result<()> {
        run.sort_unstable_by_key(|&(t, _)| t);
        self.pad_to(speech)?;
        self.rows.push(run)?;
        self.speech_of_row.push(speech as u32);
        Ok(())
    }

    /// Empty rows for the speeches after the last one met, up to `speech`.
    fn pad_to(&mut self, speech: usize) -> Result<()> {
        let next = self.speech_of_row.last().map_or(0, |&d| d as usize + 1);
        for skipped in next..speech {
            self.rows.push(Vec::new())?;
            self.speech_of_row.push(skipped as u32);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use polars::prelude::*;

    use super::*;
    use crate::corpus::Encoding;
    use crate::parquet::ParquetTable;
    use crate::text::{Language, StopwordSource, Stopwords};

    /// Three speeches, in corpus order, as (id, sentences of words).
    const SPEECHES: [(&str, &[&[&str]]); 3] = [
        ("a", &[&["peace", "and", "talks"]]),
        ("b", &[&["war"], &["peaceful", "talks", "and", "war"]]),
        ("c", &[&["nations", "at", "war", "talk"]]),
    ];

    fn normalizer() -> Normalizer {
        let language = Language::default();
        let stopwords = Stopwords::load(&StopwordSource::Builtin, language).unwrap();
        Normalizer::new(language, true, stopwords)
    }

    fn documents() -> Vec<Document> {
        SPEECHES
            .iter()
            .map(|(id, _)| Document {
                id: (*id).into(),
                source: String::new(),
                metadata: Vec::new(),
                encoding: Encoding::Utf8,
                text: String::new(),
                annotations_removed: 0,
                footer_lines_removed: 0,
                mojibake_repaired: 0,
                apostrophes_restored: 0,
            })
            .collect()
    }

    fn index(documents: &[Document]) -> SpeechIndex<'_> {
        documents
            .iter()
            .enumerate()
            .map(|(d, document)| (document.id.as_str(), d))
            .collect()
    }

    /// The vocabulary and tokens of one reading of the speeches in corpus order.
    fn read_in_order(normalizer: &Normalizer) -> (Vocabulary, Vec<DocTokens>) {
        let mut vocab = Vocabulary::default();
        let docs = SPEECHES
            .iter()
            .map(|(_, sentences)| {
                let mut doc = DocTokens::default();
                for sentence in sentences.iter() {
                    doc.sentence_starts.push(doc.forms.len() as u32);
                    for word in sentence.iter() {
                        doc.forms.push(vocab.intern_form(word, |form| {
                            (
                                normalizer.term(form).into_owned(),
                                normalizer.is_stopword(form),
                            )
                        }));
                    }
                }
                doc
            })
            .collect();
        (vocab, docs)
    }

    fn declared(docs: &[DocTokens]) -> Vec<Declared> {
        docs.iter()
            .map(|doc| Declared {
                tokens: doc.forms.len() as u64,
                sentences: doc.sentence_starts.len() as u32,
            })
            .collect()
    }

    /// `tokens.parquet` with the speeches' rows in the order `rows`, a row group each.
    fn write_tokens(dir: &Path, rows: &[usize]) {
        let path = dir.join(SHARD_FILES[2]);
        let mut table = ParquetTable::with_group_rows(&path, 1);
        for &d in rows {
            let (id, sentences) = SPEECHES[d];
            let words: Vec<&str> = sentences.iter().flat_map(|s| s.iter().copied()).collect();
            let mut starts = Vec::new();
            let mut at = 0u32;
            for sentence in sentences {
                starts.push(at);
                at += sentence.len() as u32;
            }
            let list = |s: Series| s.implode().unwrap().into_series();
            let frame = DataFrame::new_infer_height(vec![
                Column::new("doc_id".into(), [id]),
                list(Series::new("forms".into(), words)).into_column(),
                list(Series::new("sentence_starts".into(), starts)).into_column(),
            ])
            .unwrap();
            table.append(frame).unwrap();
        }
        table.finish().unwrap();
    }

    #[test]
    fn rows_in_any_order_give_the_ids_and_tokens_of_one_reading_in_corpus_order() {
        let tmp = tempfile::tempdir().unwrap();
        let normalizer = normalizer();
        let (expected_vocab, expected_docs) = read_in_order(&normalizer);
        let declared = declared(&expected_docs);
        let mut rows: Vec<(&str, String, u32)> = Vec::new();
        for (d, doc) in expected_docs.iter().enumerate() {
            let mut terms: Vec<TermId> = doc
                .forms
                .iter()
                .filter(|&&f| !expected_vocab.is_stopword(f))
                .map(|&f| expected_vocab.term_of_form(f))
                .collect();
            terms.sort_unstable();
            for run in terms.chunk_by(|a, b| a == b) {
                let term = expected_vocab.term(run[0]).to_owned();
                rows.push((SPEECHES[d].0, term, run.len() as u32));
            }
        }
        let write_terms = |rows: &[(&str, String, u32)]| {
            let mut frame = DataFrame::new_infer_height(vec![
                Column::new(
                    "doc_id".into(),
                    rows.iter().map(|r| r.0).collect::<Vec<_>>(),
                ),
                Column::new(
                    "term".into(),
                    rows.iter().map(|r| r.1.as_str()).collect::<Vec<_>>(),
                ),
                Column::new("count".into(), rows.iter().map(|r| r.2).collect::<Vec<_>>()),
            ])
            .unwrap();
            crate::parquet::write_frame(&mut frame, &tmp.path().join(SHARD_FILES[3])).unwrap();
        };
        // In corpus order, each speech's terms last first; or by term, so that speech b's
        // rows come in three runs.
        let mut in_order = rows.clone();
        in_order.sort_by(|a, b| (a.0, &b.1).cmp(&(b.0, &a.1)));
        rows.sort_by(|a, b| (&a.1, a.0).cmp(&(&b.1, b.0)));
        let documents = documents();
        let index = index(&documents);

        for order in [[0, 1, 2], [2, 0, 1], [1, 2, 0]] {
            write_tokens(tmp.path(), &order);
            write_terms(match order[0] {
                0 => &in_order,
                _ => &rows,
            });
            // A budget of 4 words: speech a in memory, the others in the file.
            let Tokens { corpus, counted } =
                tokens(tmp.path(), &documents, &index, &declared, &normalizer, 4).unwrap();
            let forms: Vec<&str> = (0..corpus.vocab.n_forms() as FormId)
                .map(|f| corpus.vocab.form(f))
                .collect();
            let expected_forms: Vec<&str> = (0..expected_vocab.n_forms() as FormId)
                .map(|f| expected_vocab.form(f))
                .collect();
            assert_eq!(forms, expected_forms, "rows in the order {order:?}");
            for f in 0..expected_vocab.n_forms() as FormId {
                assert_eq!(corpus.vocab.term_of_form(f), expected_vocab.term_of_form(f));
                assert_eq!(corpus.vocab.is_stopword(f), expected_vocab.is_stopword(f));
            }
            assert!(corpus.stored.is_some());
            for (d, doc) in expected_docs.iter().enumerate() {
                assert_eq!(*corpus.source().doc(d), *doc, "speech {d}, order {order:?}");
            }
            corpus.check().unwrap();
            assert_eq!(counted, vec![2, 4, 3]);

            let (rows, term_count, term_doc_freq) =
                speech_terms(tmp.path(), &documents, &index, &corpus.vocab, &counted).unwrap();
            let term = |word: &str| corpus.vocab.term_id(&normalizer.term(word)).unwrap();
            let (peace, talk, war, nation) =
                (term("peace"), term("talks"), term("war"), term("nations"));
            let mut b = vec![(peace, 1), (talk, 1), (war, 2)];
            b.sort_unstable();
            assert_eq!(rows.row(1).into_owned(), b);
            assert_eq!(rows.len(), 3);
            assert_eq!(term_count[war as usize], 3);
            assert_eq!(term_count[talk as usize], 3);
            assert_eq!(term_doc_freq[peace as usize], 2);
            assert_eq!(term_doc_freq[nation as usize], 1);
        }
    }

    #[test]
    fn a_speech_missing_or_twice_in_the_tokens_is_named_with_the_file() {
        let tmp = tempfile::tempdir().unwrap();
        let normalizer = normalizer();
        let declared = declared(&read_in_order(&normalizer).1);
        let documents = documents();
        let index = index(&documents);
        let read = |rows: &[usize]| {
            write_tokens(tmp.path(), rows);
            tokens(tmp.path(), &documents, &index, &declared, &normalizer, 4)
                .err()
                .unwrap()
                .to_string()
        };
        let message = read(&[2, 0]);
        assert!(message.contains("tokens.parquet"), "{message}");
        assert!(message.contains("no row for speech \"b\""), "{message}");
        let message = read(&[1, 1]);
        assert!(message.contains("has speech \"b\" twice"), "{message}");
    }
}
