//! From a (merged) shard back to what reading the corpus gives (`Read`), so that `score` runs
//! the same passes as `analyze` on the same data: the speeches in corpus order (by `part`,
//! then `position`), the vocabulary rebuilt from the word forms in that order (form and term
//! ids are first occurrences, so they come out as one reading of the whole corpus gives
//! them), the count tables from the summed tables (`speech_terms`, `forms`), checked
//! against the tokens, and the pair counters from the summed pair counts (`pairs.parquet`),
//! as `analyze` counts them while reading. With phrases to join, counts and pairs are
//! counted after joining, as `analyze` counts them. The two long tables are read a row
//! group at a time (`long_tables.rs`).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::files::{ShardFrames, Table, METADATA_PREFIX, SHARD_FILES};
use super::long_tables::{self, Declared, SpeechIndex, Tokens};
use super::pairs;
use crate::corpus::{Corpus, Document, Encoding};
use crate::error::Result;
use crate::pipeline::{token_budget, Config, Mode, Read, Texts};
use crate::stats::compare::reference::{Fingerprint, Fingerprints};
use crate::stats::counts::{labels, CountTables};
use crate::stats::dictionary::read_all as read_dictionaries;
use crate::text::{Normalizer, Vocabulary};

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
    let speeches = corpus(&Table::new(&frames.speeches, dir, SHARD_FILES[1]), dir)?;
    let joins_phrases = config.phrases.is_some() && config.mode == Mode::Analyze;
    // As `analyze`: phrases are joined on tokens in memory.
    let budget = match joins_phrases {
        true => usize::MAX,
        false => token_budget(),
    };
    let Tokens {
        corpus: tokens,
        counted,
    } = long_tables::tokens(
        dir,
        &speeches.corpus.documents,
        &speeches.index,
        &speeches.declared,
        normalizer,
        budget,
    )?;
    // As `analyze`: with phrases to join, counts and pairs come after joining.
    let counts = match joins_phrases {
        true => None,
        false => Some(count_tables(
            frames,
            dir,
            &speeches,
            &tokens.vocab,
            &counted,
        )?),
    };
    let pairs = match (&counts, config.mode == Mode::Analyze) {
        (Some(counts), true) => Some(pairs::counters(
            &Table::new(&frames.pairs, dir, SHARD_FILES[5]),
            &tokens.vocab,
            config.context,
            counts,
            speeches.corpus.documents.len(),
        )?),
        _ => None,
    };
    let sizes = &speeches.sizes;
    let fingerprints = (config.reference.is_some() && !config.keep_shared).then(|| {
        sizes
            .iter()
            .map(|s| Fingerprint::from_parts(s.fingerprint, s.text_bytes as usize))
            .collect::<Fingerprints>()
    });
    let text_bytes = sizes.iter().map(|s| s.text_bytes as usize).sum();
    Ok(Read {
        corpus: speeches.corpus,
        tokens,
        counts,
        pairs,
        kwic: None,
        text_bytes,
        texts: Texts::Release,
        fingerprints,
        speech_prints: None,
        dictionaries,
    })
}

/// What `speeches.parquet` says of a speech beside its `Document` and its tokens.
struct Sizes {
    text_bytes: u64,
    fingerprint: u64,
    n_types: u32,
}

/// The speeches of `speeches.parquet` in corpus order: as documents without texts, their
/// places by id, and per speech its tokens and sentences and its other sizes.
struct Speeches<'f> {
    corpus: Corpus,
    index: SpeechIndex<'f>,
    declared: Vec<Declared>,
    sizes: Vec<Sizes>,
}

/// The speeches in corpus order, without texts; an error for a speech in two shards.
fn corpus<'f>(speeches: &Table<'f>, dir: &Path) -> Result<Speeches<'f>> {
    let parts = speeches.integers("part")?;
    let positions = speeches.integers("position")?;
    let ids = speeches.strings("doc_id")?;
    let mut order: Vec<usize> = (0..speeches.height()).collect();
    order.sort_by_key(|&i| (parts[i], positions[i]));
    let mut index: SpeechIndex = HashMap::with_capacity(ids.len());
    for (d, &i) in order.iter().enumerate() {
        if let Some(&earlier) = index.get(ids[i]) {
            return Err(speeches.error(format!(
                "speech {:?} is in two shards (parts {} and {}); count each speech in one \
                 shard only",
                ids[i], parts[order[earlier]], parts[i]
            )));
        }
        index.insert(ids[i], d);
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
    let mut declared = Vec::with_capacity(order.len());
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
        declared.push(Declared {
            tokens: n_tokens[i],
            sentences: n_sentences[i] as u32,
        });
        sizes.push(Sizes {
            text_bytes: text_bytes[i],
            fingerprint: fingerprints[i],
            n_types: n_types[i] as u32,
        });
    }
    let files: Vec<PathBuf> = SHARD_FILES.iter().map(|name| dir.join(name)).collect();
    Ok(Speeches {
        corpus: Corpus {
            metadata_columns,
            documents,
            warnings: Vec::new(),
            files,
            subset: None,
            digests: Default::default(),
        },
        index,
        declared,
        sizes,
    })
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

/// The count tables from the summed tables: each speech's terms from `speech_terms`, each
/// form's tokens from `forms`; the corpus totals are their sums.
fn count_tables(
    frames: &ShardFrames,
    dir: &Path,
    speeches: &Speeches,
    vocab: &Vocabulary,
    counted: &[u64],
) -> Result<CountTables> {
    let (doc_terms, term_count, term_doc_freq) = long_tables::speech_terms(
        dir,
        &speeches.corpus.documents,
        &speeches.index,
        vocab,
        counted,
    )?;
    let (declared, sizes) = (&speeches.declared, &speeches.sizes);
    let tokens = declared.iter().map(|s| s.tokens).sum();
    let form_count = form_counts(frames, dir, vocab, tokens)?;
    let counted_form_count: Vec<u64> = form_count
        .iter()
        .enumerate()
        .map(|(f, &n)| if vocab.is_stopword(f as u32) { 0 } else { n })
        .collect();
    Ok(CountTables {
        n_tokens: declared.iter().map(|s| s.tokens).collect(),
        n_types: sizes.iter().map(|s| s.n_types).collect(),
        n_sentences: declared.iter().map(|s| s.sentences).collect(),
        doc_terms,
        term_count,
        term_doc_freq,
        term_label: labels(vocab, &counted_form_count, &form_count),
        form_count,
    })
}

/// Each form's tokens from `forms.parquet`, whose terms and stopwords must be the
/// vocabulary's and whose counts must add up to the shard's `tokens`.
fn form_counts(
    frames: &ShardFrames,
    dir: &Path,
    vocab: &Vocabulary,
    tokens: u64,
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
    let counted: u64 = form_count.iter().sum();
    if counted != tokens {
        return Err(table.error(format!(
            "counts {counted} tokens, the shard's speeches have {tokens}: the shard's files do \
             not belong together"
        )));
    }
    Ok(form_count)
}
