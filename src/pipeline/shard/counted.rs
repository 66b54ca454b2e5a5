//! What `speechstat count` keeps of a corpus read: the tables of a shard (see `files.rs`),
//! built from the reading's documents, tokens, counts and pair counts, strings in place of
//! ids. The two tables that grow with the text (`tokens`, `speech_terms`) are built and
//! written a slice of speeches at a time, so that a shard of a billion words is never a
//! table in memory.

use polars::prelude::*;

use super::files::{frame, METADATA_PREFIX, SHARD_FILES};
use super::pairs;
use super::settings::Settings;
use crate::chunks::table_parts;
use crate::error::{Error, Result};
use crate::output::Staging;
use crate::parquet::{write_frame, ParquetTable};
use crate::pipeline::Read;
use crate::stats::compare::reference::Fingerprint;

/// Tokens of the speeches of one part of `tokens.parquet` (about 8 MB of word forms), each
/// part its own row group.
const TOKENS_PER_PART: u64 = 1 << 20;
/// Rows of one part of `speech_terms.parquet`.
const TERM_ROWS_PER_PART: u64 = 1 << 18;

/// Writes the shard of the corpus `read`, its speeches numbered `part`, into `staging`'s
/// folder, file by file in the order of [`SHARD_FILES`].
pub(super) fn write(
    read: &Read,
    part: u32,
    settings: &Settings,
    staging: &mut Staging,
) -> Result<()> {
    let counts = read.counts.as_ref().ok_or(Error::NotComputed {
        what: "the counts of a shard",
        why: "the corpus was read without counting",
    })?;
    let prints = read.speech_prints.as_deref().unwrap_or_default();
    let documents = &read.corpus.documents;
    let vocab = &read.tokens.vocab;
    let source = read.tokens.source();

    let mut settings = frame(
        "settings",
        vec![
            Column::new(
                "setting".into(),
                settings.iter().map(|s| s.0.as_str()).collect::<Vec<_>>(),
            ),
            Column::new(
                "value".into(),
                settings.iter().map(|s| s.1.as_str()).collect::<Vec<_>>(),
            ),
        ],
    )?;

    let n = documents.len();
    let prints: Vec<(u64, usize)> = (0..n)
        .map(|d| prints.get(d).copied().map_or((0, 0), Fingerprint::parts))
        .collect();
    let mut columns = vec![
        Column::new("part".into(), vec![part; n]),
        Column::new("position".into(), (0..n as u32).collect::<Vec<u32>>()),
        Column::new(
            "doc_id".into(),
            documents.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(),
        ),
        Column::new(
            "source".into(),
            documents
                .iter()
                .map(|d| d.source.as_str())
                .collect::<Vec<_>>(),
        ),
        Column::new(
            "encoding".into(),
            documents
                .iter()
                .map(|d| d.encoding.name())
                .collect::<Vec<_>>(),
        ),
        Column::new(
            "annotations_removed".into(),
            documents
                .iter()
                .map(|d| d.annotations_removed)
                .collect::<Vec<_>>(),
        ),
        Column::new(
            "footer_lines_removed".into(),
            documents
                .iter()
                .map(|d| d.footer_lines_removed)
                .collect::<Vec<_>>(),
        ),
        Column::new(
            "mojibake_repaired".into(),
            documents
                .iter()
                .map(|d| d.mojibake_repaired)
                .collect::<Vec<_>>(),
        ),
        Column::new(
            "apostrophes_restored".into(),
            documents
                .iter()
                .map(|d| d.apostrophes_restored)
                .collect::<Vec<_>>(),
        ),
        Column::new(
            "text_bytes".into(),
            prints.iter().map(|p| p.1 as u64).collect::<Vec<_>>(),
        ),
        Column::new(
            "fingerprint".into(),
            prints.iter().map(|p| p.0).collect::<Vec<_>>(),
        ),
        Column::new("n_tokens".into(), counts.n_tokens.clone()),
        Column::new("n_types".into(), counts.n_types.clone()),
        Column::new("n_sentences".into(), counts.n_sentences.clone()),
    ];
    for (i, name) in read.corpus.metadata_columns.iter().enumerate() {
        columns.push(Column::new(
            format!("{METADATA_PREFIX}{name}").into(),
            documents
                .iter()
                .map(|d| d.metadata[i].as_str())
                .collect::<Vec<_>>(),
        ));
    }
    let mut speeches = frame("speeches", columns)?;
    write_frame(&mut settings, &staging.file(SHARD_FILES[0])?)?;
    write_frame(&mut speeches, &staging.file(SHARD_FILES[1])?)?;
    drop(speeches);

    let path = staging.file(SHARD_FILES[2])?;
    let mut tokens = ParquetTable::with_group_rows(&path, 1);
    // Cut by the speeches' word tokens, which their forms are about.
    let sizes = counts.n_tokens[..source.n_docs().min(n)].iter().copied();
    for docs in table_parts(sizes, TOKENS_PER_PART) {
        let (mut forms, mut starts) = (Vec::new(), Vec::new());
        for d in docs.clone() {
            let doc = source.doc(d);
            let words: Vec<&str> = doc.forms.iter().map(|&f| vocab.form(f)).collect();
            forms.push(Series::new("".into(), words));
            starts.push(Series::new("".into(), doc.sentence_starts.clone()));
        }
        let forms: ListChunked = forms.into_iter().collect();
        let starts: ListChunked = starts.into_iter().collect();
        tokens.append(frame(
            "tokens",
            vec![
                Column::new(
                    "doc_id".into(),
                    documents[docs]
                        .iter()
                        .map(|d| d.id.as_str())
                        .collect::<Vec<_>>(),
                ),
                forms.with_name("forms".into()).into_column(),
                starts.with_name("sentence_starts".into()).into_column(),
            ],
        )?)?;
    }
    read.tokens.check()?;
    tokens.finish()?;

    let path = staging.file(SHARD_FILES[3])?;
    let mut speech_terms = ParquetTable::create(&path);
    let entries = (0..n).map(|d| counts.doc_terms.entries(d) as u64);
    for docs in table_parts(entries, TERM_ROWS_PER_PART) {
        let (mut ids, mut terms, mut term_counts) = (Vec::new(), Vec::new(), Vec::new());
        for d in docs {
            for &(term, count) in counts.doc_terms.row(d).iter() {
                ids.push(documents[d].id.as_str());
                terms.push(vocab.term(term));
                term_counts.push(count);
            }
        }
        speech_terms.append(frame(
            "speech_terms",
            vec![
                Column::new("doc_id".into(), ids),
                Column::new("term".into(), terms),
                Column::new("count".into(), term_counts),
            ],
        )?)?;
    }
    counts.doc_terms.check()?;
    speech_terms.finish()?;

    let form_ids = 0..vocab.n_forms() as u32;
    let mut forms = frame(
        "forms",
        vec![
            Column::new(
                "form".into(),
                form_ids.clone().map(|f| vocab.form(f)).collect::<Vec<_>>(),
            ),
            Column::new(
                "term".into(),
                form_ids
                    .clone()
                    .map(|f| vocab.term(vocab.term_of_form(f)))
                    .collect::<Vec<_>>(),
            ),
            Column::new(
                "stopword".into(),
                form_ids
                    .clone()
                    .map(|f| vocab.is_stopword(f))
                    .collect::<Vec<_>>(),
            ),
            Column::new("count".into(), counts.form_count.clone()),
        ],
    )?;
    let pairs = read.pairs.as_ref().ok_or(Error::NotComputed {
        what: "the pair counts of a shard",
        why: "the corpus was read without counting pairs",
    })?;
    let mut pairs = pairs::frame_of(pairs, vocab)?;
    write_frame(&mut forms, &staging.file(SHARD_FILES[4])?)?;
    write_frame(&mut pairs, &staging.file(SHARD_FILES[5])?)
}
