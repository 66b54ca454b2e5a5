//! What `speechstat count` keeps of a corpus read: the tables of a shard (see `files.rs`),
//! built from the reading's documents, tokens, counts and pair counts, strings in place of
//! ids.

use polars::prelude::*;

use super::files::{frame, ShardFrames, METADATA_PREFIX};
use super::pairs;
use super::settings::Settings;
use crate::error::{Error, Result};
use crate::pipeline::Read;
use crate::stats::compare::reference::Fingerprint;

/// The shard of the corpus `read`, its speeches numbered `part`, 0, 1, ...
pub(super) fn frames(read: &Read, part: u32, settings: &Settings) -> Result<ShardFrames> {
    let counts = read.counts.as_ref().ok_or(Error::NotComputed {
        what: "the counts of a shard",
        why: "the corpus was read without counting",
    })?;
    let prints = read.speech_prints.as_deref().unwrap_or_default();
    let documents = &read.corpus.documents;
    let vocab = &read.tokens.vocab;
    let source = read.tokens.source();

    let settings = frame(
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
    let speeches = frame("speeches", columns)?;

    let mut forms = Vec::with_capacity(n);
    let mut starts = Vec::with_capacity(n);
    for d in 0..source.n_docs() {
        let doc = source.doc(d);
        let words: Vec<&str> = doc.forms.iter().map(|&f| vocab.form(f)).collect();
        forms.push(Series::new("".into(), words));
        starts.push(Series::new("".into(), doc.sentence_starts.clone()));
    }
    read.tokens.check()?;
    let forms: ListChunked = forms.into_iter().collect();
    let starts: ListChunked = starts.into_iter().collect();
    let tokens = frame(
        "tokens",
        vec![
            Column::new(
                "doc_id".into(),
                documents.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(),
            ),
            forms.with_name("forms".into()).into_column(),
            starts.with_name("sentence_starts".into()).into_column(),
        ],
    )?;

    let (mut ids, mut terms, mut term_counts) = (Vec::new(), Vec::new(), Vec::new());
    for (d, document) in documents.iter().enumerate() {
        for &(term, count) in counts.doc_terms.row(d).iter() {
            ids.push(document.id.as_str());
            terms.push(vocab.term(term));
            term_counts.push(count);
        }
    }
    counts.doc_terms.check()?;
    let speech_terms = frame(
        "speech_terms",
        vec![
            Column::new("doc_id".into(), ids),
            Column::new("term".into(), terms),
            Column::new("count".into(), term_counts),
        ],
    )?;

    let form_ids = 0..vocab.n_forms() as u32;
    let forms = frame(
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
    let pairs = pairs::frame_of(pairs, vocab)?;
    Ok(ShardFrames {
        settings,
        speeches,
        tokens,
        speech_terms,
        forms,
        pairs,
    })
}
