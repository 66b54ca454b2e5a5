//! The concordance table (keyword in context), from the lines of
//! [`crate::text::lines`]: the evidence behind a keyness row.
//!
//! Columns of `kwic`: doc_id, then every metadata column of the corpus in its order (one named
//! like a column of this table is written `meta_<name>`), sentence, position (0-based, in the
//! speech's word tokens), left, keyword, right. Lines in corpus order.

use polars::prelude::*;

use crate::columns;
use crate::corpus::Corpus;
use crate::error::Result;
use crate::stats::{frame, speech_columns};
use crate::text::Line;

/// The columns of the table's own, after the metadata.
const OWN_COLUMNS: [&str; 5] = [
    columns::SENTENCE.name,
    columns::POSITION.name,
    columns::LEFT.name,
    columns::KEYWORD.name,
    columns::RIGHT.name,
];

/// The `kwic` table.
pub(crate) fn kwic_frame(lines: &[Line], corpus: &Corpus) -> Result<DataFrame> {
    let docs: Vec<usize> = lines.iter().map(|l| l.hit.doc).collect();
    let mut frame_columns = speech_columns(corpus, &docs, &OWN_COLUMNS);
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
