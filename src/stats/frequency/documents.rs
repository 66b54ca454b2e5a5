//! The document table: one row per speech with its metadata and sizes.
//!
//! Columns: doc_id, source, every metadata column (manifest or CSV columns, then speaker,
//! country_or_org and language_spoken from the speech heading), encoding, n_tokens (word
//! tokens, stopwords included), n_types (distinct lowercased word forms), n_sentences,
//! n_annotations (bracketed annotations such as `[Applause]` left out of the counts),
//! n_footer_lines (page-number and document-number lines of printed records left out),
//! n_mojibake_repaired and n_apostrophes_restored (text garbled by a wrong encoding and
//! repaired, [`crate::corpus::clean_body`]), then
//! the speech's profile when there is one: ttr, mattr, mattr_short, mtld, yules_k, herdan_c,
//! guiraud ([`crate::stats::profile::diversity`]), mean_sentence_length, syllables_per_word,
//! flesch_reading_ease, flesch_kincaid_grade ([`crate::stats::profile::readability`]; empty
//! when the language is not English).

use polars::prelude::*;

use crate::columns;
use crate::corpus::Corpus;
use crate::error::Result;
use crate::stats::counts::CountTables;
use crate::stats::frame;
use crate::stats::profile::diversity::Diversity;
use crate::stats::profile::readability::{readability_columns, Score};
use crate::stats::profile::Profiles;

/// One row per document, in corpus order, with its profile when given.
pub fn documents_frame(
    corpus: &Corpus,
    counts: &CountTables,
    profiles: Option<&Profiles>,
) -> Result<DataFrame> {
    let docs = &corpus.documents;
    let mut frame_columns = vec![
        Column::new(
            columns::DOC_ID.name.into(),
            docs.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(),
        ),
        Column::new(
            columns::SOURCE.name.into(),
            docs.iter().map(|d| d.source.as_str()).collect::<Vec<_>>(),
        ),
    ];
    for (i, name) in corpus.metadata_columns.iter().enumerate() {
        frame_columns.push(Column::new(
            name.as_str().into(),
            docs.iter()
                .map(|d| d.metadata[i].as_str())
                .collect::<Vec<_>>(),
        ));
    }
    frame_columns.extend([
        Column::new(
            columns::ENCODING.name.into(),
            docs.iter().map(|d| d.encoding.name()).collect::<Vec<_>>(),
        ),
        Column::new(columns::N_TOKENS.name.into(), counts.n_tokens.clone()),
        Column::new(columns::N_TYPES.name.into(), counts.n_types.clone()),
        Column::new(columns::N_SENTENCES.name.into(), counts.n_sentences.clone()),
        Column::new(
            columns::N_ANNOTATIONS.name.into(),
            docs.iter()
                .map(|d| d.annotations_removed)
                .collect::<Vec<_>>(),
        ),
        Column::new(
            columns::N_FOOTER_LINES.name.into(),
            docs.iter()
                .map(|d| d.footer_lines_removed)
                .collect::<Vec<_>>(),
        ),
        Column::new(
            columns::N_MOJIBAKE_REPAIRED.name.into(),
            docs.iter().map(|d| d.mojibake_repaired).collect::<Vec<_>>(),
        ),
        Column::new(
            columns::N_APOSTROPHES_RESTORED.name.into(),
            docs.iter()
                .map(|d| d.apostrophes_restored)
                .collect::<Vec<_>>(),
        ),
    ]);
    if let Some(profiles) = profiles {
        frame_columns.extend(profile_columns(profiles));
    }
    frame("documents", frame_columns)
}

/// The diversity and readability columns of every speech.
fn profile_columns(profiles: &Profiles) -> Vec<Column> {
    let diversity = |measure: fn(&Diversity) -> Option<f64>| -> Vec<Option<f64>> {
        profiles.diversity.iter().map(measure).collect()
    };
    let n = profiles.diversity.len();
    let readability = |score: Score| -> Vec<Option<f64>> {
        match &profiles.readability {
            Some(counts) => counts.iter().map(score).collect(),
            None => vec![None; n],
        }
    };
    let mut profile = vec![
        Column::new(columns::TTR.name.into(), diversity(|d| d.ttr)),
        Column::new(columns::MATTR.name.into(), diversity(|d| d.mattr)),
        Column::new(
            columns::MATTR_SHORT.name.into(),
            profiles
                .diversity
                .iter()
                .map(|d| d.mattr_short)
                .collect::<Vec<bool>>(),
        ),
        Column::new(columns::MTLD.name.into(), diversity(|d| d.mtld)),
        Column::new(columns::YULES_K.name.into(), diversity(|d| d.yules_k)),
        Column::new(columns::HERDAN_C.name.into(), diversity(|d| d.herdan_c)),
        Column::new(columns::GUIRAUD.name.into(), diversity(|d| d.guiraud)),
    ];
    profile.extend(readability_columns(readability));
    profile
}
