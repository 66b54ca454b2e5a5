//! The document table: one row per speech with its metadata and sizes.
//!
//! Columns: doc_id, source, every metadata column (manifest or CSV columns, then speaker,
//! country_or_org and language_spoken from the speech heading), encoding, n_tokens (word
//! tokens, stopwords included), n_types (distinct lowercased word forms), n_sentences,
//! n_annotations (bracketed annotations such as `[Applause]` left out of the counts),
//! n_footer_lines (page-number and document-number lines of printed records left out).

use polars::prelude::*;

use crate::columns;
use crate::corpus::Corpus;
use crate::error::Result;
use crate::stats::counts::CountTables;
use crate::stats::frame;

/// One row per document, in corpus order.
pub fn documents_frame(corpus: &Corpus, counts: &CountTables) -> Result<DataFrame> {
    let docs = &corpus.documents;
    let mut frame_columns = vec![
        Column::new(
            columns::DOC_ID.into(),
            docs.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(),
        ),
        Column::new(
            columns::SOURCE.into(),
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
            columns::ENCODING.into(),
            docs.iter().map(|d| d.encoding.name()).collect::<Vec<_>>(),
        ),
        Column::new(columns::N_TOKENS.into(), counts.n_tokens.clone()),
        Column::new(columns::N_TYPES.into(), counts.n_types.clone()),
        Column::new(columns::N_SENTENCES.into(), counts.n_sentences.clone()),
        Column::new(
            columns::N_ANNOTATIONS.into(),
            docs.iter()
                .map(|d| d.annotations_removed)
                .collect::<Vec<_>>(),
        ),
        Column::new(
            columns::N_FOOTER_LINES.into(),
            docs.iter()
                .map(|d| d.footer_lines_removed)
                .collect::<Vec<_>>(),
        ),
    ]);
    frame("documents", frame_columns)
}
