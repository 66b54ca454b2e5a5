//! From a (merged) shard back to what reading the corpus gives (`Read`), so that `score` runs
//! the same passes as `analyze` on the same data: the speeches in corpus order (by `part`,
//! then `position`), the vocabulary rebuilt from the word forms in that order (form and term
//! ids are first occurrences, so they come out as one reading of the whole corpus gives
//! them), the count tables from the summed tables (`speech_terms`, `forms`), checked
//! against the tokens where that is cheap, and the pair counters from the summed pair counts
//! (`pairs.parquet`), as `analyze` counts them while reading. With phrases to join, counts
//! and pairs are counted after joining, as `analyze` counts them.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::files::{ShardFrames, Table, METADATA_PREFIX, SHARD_FILES};
use super::pairs;
use crate::corpus::{Corpus, Document, Encoding};
use crate::error::Result;
use crate::pipeline::{Config, Mode, Read, Texts};
use crate::stats::compare::reference::{Fingerprint, Fingerprints};
use crate::stats::counts::{labels, CountTables};
use crate::stats::dictionary::read_all as read_dictionaries;
use crate::stats::doc_rows::DocRows;
use crate::text::{DocTokens, Normalizer, TermId, TokenizedCorpus, Vocabulary};

/// The corpus the shard at `dir` holds, read as `analyze` reads it under `config`.
pub(super) fn read(
    frames: &ShardFrames,
    dir: &Path,
    config: &Config,
    normalizer: &Normalizer,
) -> Result<Read> {
    // As `analyze`: a dictionary at fault is refused before the corpus is read.
    let dictionaries = match config.mode == Mode::Analyze {
        true => read_dictionaries(&config.dictionaries)?,
        false => Vec::new(),
    };
    let speeches = Table::new(&frames.speeches, dir, SHARD_FILES[1]);
    let (corpus, sizes) = corpus(&speeches, dir)?;
    let tokens = Table::new(&frames.tokens, dir, SHARD_FILES[2]);
    let (vocab, docs) = tokens_in_order(&tokens, &corpus.documents, normalizer)?;
    check_sizes(&tokens, &corpus.documents, &docs, &sizes)?;
    let joins_phrases = config.phrases.is_some() && config.mode == Mode::Analyze;
    // As `analyze`: with phrases to join, counts and pairs come after joining.
    let counts = match joins_phrases {
        true => None,
        false => Some(count_tables(
            frames,
            dir,
            &corpus.documents,
            &vocab,
            &docs,
            &sizes,
        )?),
    };
    let pairs = match (&counts, config.mode == Mode::Analyze) {
        (Some(counts), true) => Some(pairs::counters(
            &Table::new(&frames.pairs, dir, SHARD_FILES[5]),
            &vocab,
            config.context,
            counts,
            corpus.documents.len(),
        )?),
        _ => None,
    };
    let fingerprints = (config.reference.is_some() && !config.keep_shared).then(|| {
        sizes
            .iter()
            .map(|s| Fingerprint::from_parts(s.fingerprint, s.text_bytes as usize))
            .collect::<Fingerprints>()
    });
    Ok(Read {
        corpus,
        tokens: TokenizedCorpus {
            vocab,
            docs,
            stored: None,
        },
        counts,
        pairs,
        kwic: None,
        text_bytes: sizes.iter().map(|s| s.text_bytes as usize).sum(),
        texts: Texts::Release,
        fingerprints,
        speech_prints: None,
        dictionaries,
    })
}

/// What `speeches.parquet` says of a speech beside its `Document`.
struct Sizes {
    text_bytes: u64,
    fingerprint: u64,
    n_tokens: u64,
    n_types: u32,
    n_sentences: u32,
}

/// The speeches in corpus order, without texts; an error for a speech in two shards.
fn corpus(speeches: &Table, dir: &Path) -> Result<(Corpus, Vec<Sizes>)> {
    let parts = speeches.integers("part")?;
    let positions = speeches.integers("position")?;
    let ids = speeches.strings("doc_id")?;
    let mut order: Vec<usize> = (0..speeches.height()).collect();
    order.sort_by_key(|&i| (parts[i], positions[i]));
    let mut seen: HashMap<&str, usize> = HashMap::with_capacity(ids.len());
    for &i in &order {
        if let Some(&j) = seen.get(ids[i]) {
            return Err(speeches.error(format!(
                "speech {:?} is in two shards (parts {} and {}); count each speech in one \
                 shard only",
                ids[i], parts[j], parts[i]
            )));
        }
        seen.insert(ids[i], i);
    }
    for pair in order.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        if (parts[a], positions[a]) == (parts[b], positions[b]) {
            return Err(speeches.error(format!(
                "speeches {:?} and {:?} are both at position {} of part {}: two shards were \
                 counted with the same --part; give each shard its own",
                ids[a], ids[b], positions[a], parts[a]
            )));
        }
    }
    let sources = speeches.strings("source")?;
    let encodings = speeches.strings("encoding")?;
    let annotations = speeches.integers("annotations_removed")?;
    let footers = speeches.integers("footer_lines_removed")?;
    let mojibake = speeches.integers("mojibake_repaired")?;
    let apostrophes = speeches.integers("apostrophes_restored")?;
    let text_bytes = speeches.integers("text_bytes")?;
    let fingerprints = speeches.integers("fingerprint")?;
    let n_tokens = speeches.integers("n_tokens")?;
    let n_types = speeches.integers("n_types")?;
    let n_sentences = speeches.integers("n_sentences")?;
    let metadata_columns: Vec<String> = speeches
        .frame
        .get_column_names()
        .iter()
        .filter_map(|name| name.strip_prefix(METADATA_PREFIX).map(str::to_owned))
        .collect();
    let metadata = metadata_columns
        .iter()
        .map(|name| speeches.strings(&format!("{METADATA_PREFIX}{name}")))
        .collect::<Result<Vec<_>>>()?;
    let mut documents = Vec::with_capacity(order.len());
    let mut sizes = Vec::with_capacity(order.len());
    for &i in &order {
        let encoding = encoding(encodings[i])
            .ok_or_else(|| speeches.error(format!("unknown encoding {:?}", encodings[i])))?;
        documents.push(Document {
            id: ids[i].to_owned(),
            source: sources[i].to_owned(),
            metadata: metadata.iter().map(|column| column[i].to_owned()).collect(),
            encoding,
            text: String::new(),
            annotations_removed: annotations[i] as u32,
            footer_lines_removed: footers[i] as u32,
            mojibake_repaired: mojibake[i] as u32,
            apostrophes_restored: apostrophes[i] as u32,
        });
        sizes.push(Sizes {
            text_bytes: text_bytes[i],
            fingerprint: fingerprints[i],
            n_tokens: n_tokens[i],
            n_types: n_types[i] as u32,
            n_sentences: n_sentences[i] as u32,
        });
    }
    let files: Vec<PathBuf> = SHARD_FILES.iter().map(|name| dir.join(name)).collect();
    Ok((
        Corpus {
            metadata_columns,
            documents,
            warnings: Vec::new(),
            files,
            subset: None,
        },
        sizes,
    ))
}

fn encoding(name: &str) -> Option<Encoding> {
    [
        Encoding::Utf8,
        Encoding::Utf8Bom,
        Encoding::Utf16Le,
        Encoding::Utf16Be,
        Encoding::Windows1252,
        Encoding::Latin1,
    ]
    .into_iter()
    .find(|e| e.name() == name)
}

/// The vocabulary, its forms interned in corpus order, and each speech's tokens.
fn tokens_in_order(
    tokens: &Table,
    documents: &[Document],
    normalizer: &Normalizer,
) -> Result<(Vocabulary, Vec<DocTokens>)> {
    let ids = tokens.strings("doc_id")?;
    let forms = tokens.lists("forms")?;
    let starts = tokens.lists("sentence_starts")?;
    if ids.len() != documents.len() {
        return Err(tokens.error(format!(
            "has {} speeches, speeches.parquet {}: the shard's files do not belong together",
            ids.len(),
            documents.len()
        )));
    }
    let row_of: HashMap<&str, usize> = ids.iter().enumerate().map(|(i, &id)| (id, i)).collect();
    let mut vocab = Vocabulary::default();
    let mut docs = Vec::with_capacity(documents.len());
    for document in documents {
        let row = *row_of
            .get(document.id.as_str())
            .ok_or_else(|| tokens.error(format!("has no row for speech {:?}", document.id)))?;
        let (Some(words), Some(sentence_starts)) =
            (forms.get_as_series(row), starts.get_as_series(row))
        else {
            return Err(tokens.error(format!("has empty cells for speech {:?}", document.id)));
        };
        let words = words
            .str()
            .map_err(|_| tokens.error("column \"forms\" is not of lists of text".into()))?;
        let mut doc = DocTokens::default();
        doc.forms.reserve(words.len());
        for word in words.iter() {
            let word = word.ok_or_else(|| {
                tokens.error(format!("has an empty word in speech {:?}", document.id))
            })?;
            doc.forms.push(vocab.intern_form(word, |form| {
                (
                    normalizer.term(form).into_owned(),
                    normalizer.is_stopword(form),
                )
            }));
        }
        let sentence_starts = sentence_starts
            .strict_cast(&polars::prelude::DataType::UInt32)
            .map_err(|_| {
                tokens.error("column \"sentence_starts\" is not of whole numbers".into())
            })?;
        doc.sentence_starts = sentence_starts
            .u32()
            .map_err(|_| tokens.error("column \"sentence_starts\" is not of whole numbers".into()))?
            .into_no_null_iter()
            .collect();
        if doc
            .sentence_starts
            .iter()
            .any(|&s| s as usize >= doc.forms.len())
            || !doc.sentence_starts.is_sorted()
        {
            return Err(tokens.error(format!(
                "speech {:?} has sentence starts beyond its tokens or out of order",
                document.id
            )));
        }
        docs.push(doc);
    }
    Ok((vocab, docs))
}

/// Each speech's tokens and sentences against what `speeches.parquet` says of them.
fn check_sizes(
    tokens: &Table,
    documents: &[Document],
    docs: &[DocTokens],
    sizes: &[Sizes],
) -> Result<()> {
    for ((document, doc), size) in documents.iter().zip(docs).zip(sizes) {
        if doc.forms.len() as u64 != size.n_tokens
            || doc.sentence_starts.len() as u64 != u64::from(size.n_sentences)
        {
            return Err(tokens.error(format!(
                "speech {:?} has {} tokens in {} sentences, speeches.parquet says {} in {}: \
                 the shard's files do not belong together",
                document.id,
                doc.forms.len(),
                doc.sentence_starts.len(),
                size.n_tokens,
                size.n_sentences
            )));
        }
    }
    Ok(())
}

/// The count tables from the summed tables: each speech's terms from `speech_terms`, each
/// form's tokens from `forms`; the corpus totals are their sums.
fn count_tables(
    frames: &ShardFrames,
    dir: &Path,
    documents: &[Document],
    vocab: &Vocabulary,
    docs: &[DocTokens],
    sizes: &[Sizes],
) -> Result<CountTables> {
    let speech_terms = Table::new(&frames.speech_terms, dir, SHARD_FILES[3]);
    let index: HashMap<&str, usize> = documents
        .iter()
        .enumerate()
        .map(|(d, doc)| (doc.id.as_str(), d))
        .collect();
    let mut rows: Vec<Vec<(TermId, u32)>> = vec![Vec::new(); documents.len()];
    let ids = speech_terms.strings("doc_id")?;
    let terms = speech_terms.strings("term")?;
    let counts = speech_terms.integers("count")?;
    for ((id, term), count) in ids.iter().zip(&terms).zip(&counts) {
        let d = *index.get(id).ok_or_else(|| {
            speech_terms.error(format!("names a speech {id:?} speeches.parquet lacks"))
        })?;
        let t = vocab.term_id(term).ok_or_else(|| {
            speech_terms.error(format!(
                "counts a term {term:?} that no token of the shard has"
            ))
        })?;
        rows[d].push((t, u32::try_from(*count).unwrap_or(u32::MAX)));
    }
    let n_terms = vocab.n_terms();
    let mut term_count = vec![0u64; n_terms];
    let mut term_doc_freq = vec![0u32; n_terms];
    let mut doc_terms = DocRows::with_budget(usize::MAX);
    for ((row, doc), document) in rows.iter_mut().zip(docs).zip(documents) {
        row.sort_unstable_by_key(|&(t, _)| t);
        let counted = doc.forms.iter().filter(|&&f| !vocab.is_stopword(f)).count() as u64;
        let summed: u64 = row.iter().map(|&(_, n)| u64::from(n)).sum();
        if counted != summed || row.windows(2).any(|w| w[0].0 == w[1].0) {
            return Err(speech_terms.error(format!(
                "counts {summed} tokens of speech {:?} (or a term twice), its tokens {counted}: \
                 the shard's files do not belong together",
                document.id
            )));
        }
        for &(t, n) in row.iter() {
            term_count[t as usize] += u64::from(n);
            term_doc_freq[t as usize] += 1;
        }
        doc_terms.push(std::mem::take(row))?;
    }
    doc_terms.finish_writing()?;
    let form_count = form_counts(frames, dir, vocab, docs)?;
    let counted_form_count: Vec<u64> = form_count
        .iter()
        .enumerate()
        .map(|(f, &n)| if vocab.is_stopword(f as u32) { 0 } else { n })
        .collect();
    Ok(CountTables {
        n_tokens: sizes.iter().map(|s| s.n_tokens).collect(),
        n_types: sizes.iter().map(|s| s.n_types).collect(),
        n_sentences: sizes.iter().map(|s| s.n_sentences).collect(),
        doc_terms,
        term_count,
        term_doc_freq,
        term_label: labels(vocab, &counted_form_count, &form_count),
        form_count,
    })
}

/// Each form's tokens from `forms.parquet`, whose terms and stopwords must be the
/// vocabulary's and whose counts must add up to the tokens.
fn form_counts(
    frames: &ShardFrames,
    dir: &Path,
    vocab: &Vocabulary,
    docs: &[DocTokens],
) -> Result<Vec<u64>> {
    let table = Table::new(&frames.forms, dir, SHARD_FILES[4]);
    let forms = table.strings("form")?;
    let terms = table.strings("term")?;
    let stopwords = table.flags("stopword")?;
    let counts = table.integers("count")?;
    let mut form_count = vec![0u64; vocab.n_forms()];
    let mut found = vec![false; vocab.n_forms()];
    for i in 0..forms.len() {
        let Some(f) = vocab.form_id(forms[i]) else {
            return Err(table.error(format!(
                "counts a form {:?} that no token of the shard has",
                forms[i]
            )));
        };
        if found[f as usize] {
            return Err(table.error(format!(
                "has form {:?} twice: sum the shards' rows by form, term and stopword",
                forms[i]
            )));
        }
        if vocab.term(vocab.term_of_form(f)) != terms[i] || vocab.is_stopword(f) != stopwords[i] {
            return Err(table.error(format!(
                "gives form {:?} the term {:?} (stopword: {}), the shard's settings another: \
                 its shards were counted with different settings",
                forms[i], terms[i], stopwords[i]
            )));
        }
        found[f as usize] = true;
        form_count[f as usize] = counts[i];
    }
    let tokens: u64 = docs.iter().map(|d| d.forms.len() as u64).sum();
    let counted: u64 = form_count.iter().sum();
    if counted != tokens {
        return Err(table.error(format!(
            "counts {counted} tokens, the shard's speeches have {tokens}: the shard's files do \
             not belong together"
        )));
    }
    Ok(form_count)
}
