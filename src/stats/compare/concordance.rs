//! The concordance table (keyword in context), from the lines of
//! [`crate::text::lines`]: the evidence behind a keyness row.
//!
//! Columns of `kwic`: doc_id, then the metadata a reader needs where the corpus has it
//! (speaker, country_or_org, year, date), sentence, position (0-based, in the speech's word
//! tokens), left, keyword, right. Lines in corpus order.

use polars::prelude::*;

use crate::columns;
use crate::corpus::Corpus;
use crate::error::Result;
use crate::stats::frame;
use crate::text::Line;

/// Metadata columns shown beside each line, when the corpus has them.
pub(crate) const CONTEXT_COLUMNS: &[&str] = &["speaker", "country_or_org", "year", "date"];

/// The `kwic` table.
pub(crate) fn kwic_frame(lines: &[Line], corpus: &Corpus) -> Result<DataFrame> {
    let docs = &corpus.documents;
    let mut frame_columns = vec![Column::new(
        columns::DOC_ID.name.into(),
        lines
            .iter()
            .map(|l| docs[l.hit.doc].id.as_str())
            .collect::<Vec<_>>(),
    )];
    for &name in CONTEXT_COLUMNS {
        if let Some(i) = corpus.metadata_index(name) {
            frame_columns.push(Column::new(
                name.into(),
                lines
                    .iter()
                    .map(|l| docs[l.hit.doc].metadata[i].as_str())
                    .collect::<Vec<_>>(),
            ));
        }
    }
    let text = |f: fn(&Line) -> &str| -> Vec<&str> { lines.iter().map(f).collect() };
    frame_columns.extend([
        Column::new(
            columns::SENTENCE.name.into(),
            lines.iter().map(|l| l.hit.sentence).collect::<Vec<_>>(),
        ),
        Column::new(
            columns::POSITION.name.into(),
            lines.iter().map(|l| l.hit.position).collect::<Vec<_>>(),
        ),
        Column::new(columns::LEFT.name.into(), text(|l| &l.left)),
        Column::new(columns::KEYWORD.name.into(), text(|l| &l.keyword)),
        Column::new(columns::RIGHT.name.into(), text(|l| &l.right)),
    ]);
    frame("kwic", frame_columns)
}
