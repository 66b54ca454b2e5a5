//! The token table: one row per word token, the raw material every count can be checked
//! against.
//!
//! Columns of `tokens`: doc_id, sentence (0-based, within the speech), position (0-based,
//! within the speech), token (the lowercased word form), term (what it is counted under),
//! stopword. Speeches in corpus order, tokens in text order. The table is as long as the
//! corpus, so it is handed over in parts of at most `rows_per_part` rows.

use polars::prelude::*;

use crate::columns;
use crate::error::Result;
use crate::stats::frame;
use crate::text::TokenizedCorpus;

/// Calls `emit` with the token table, a part at a time (one empty part for an empty corpus).
pub(crate) fn token_frames(
    corpus: &TokenizedCorpus,
    doc_ids: &[String],
    rows_per_part: usize,
    emit: &mut dyn FnMut(DataFrame) -> Result<()>,
) -> Result<()> {
    let vocab = &corpus.vocab;
    let mut part = Part::default();
    let docs = corpus.source();
    for (d, id) in doc_ids.iter().enumerate().take(docs.n_docs()) {
        let doc = docs.doc(d);
        let mut position = 0u64;
        for (sentence, forms) in doc.sentences().enumerate() {
            for &form in forms {
                part.doc_id.push(id);
                part.sentence.push(sentence as u32);
                part.position.push(position);
                part.token.push(vocab.form(form));
                part.term.push(vocab.term(vocab.term_of_form(form)));
                part.stopword.push(vocab.is_stopword(form));
                position += 1;
                if part.doc_id.len() == rows_per_part {
                    emit(std::mem::take(&mut part).into_frame()?)?;
                }
            }
        }
    }
    if !part.doc_id.is_empty() || (0..docs.n_docs()).all(|d| docs.tokens_of(d) == 0) {
        emit(part.into_frame()?)?;
    }
    Ok(())
}

/// The columns of one part, as borrowed strings until the frame is built.
#[derive(Default)]
struct Part<'a> {
    doc_id: Vec<&'a str>,
    sentence: Vec<u32>,
    position: Vec<u64>,
    token: Vec<&'a str>,
    term: Vec<&'a str>,
    stopword: Vec<bool>,
}

impl Part<'_> {
    fn into_frame(self) -> Result<DataFrame> {
        frame(
            "tokens",
            vec![
                Column::new(columns::DOC_ID.name.into(), self.doc_id),
                Column::new(columns::SENTENCE.name.into(), self.sentence),
                Column::new(columns::POSITION.name.into(), self.position),
                Column::new(columns::TOKEN.name.into(), self.token),
                Column::new(columns::TERM.name.into(), self.term),
                Column::new(columns::STOPWORD.name.into(), self.stopword),
            ],
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::counts::tests::tokenized;

    #[test]
    fn one_row_per_token_in_parts() {
        let corpus = tokenized(&["The peace. Peace!", "", "war"], true, true);
        let ids = ["a".to_owned(), "b".to_owned(), "c".to_owned()];
        let mut parts = Vec::new();
        token_frames(&corpus, &ids, 2, &mut |df| {
            parts.push(df);
            Ok(())
        })
        .unwrap();
        assert_eq!(
            parts.iter().map(DataFrame::height).collect::<Vec<_>>(),
            [2, 2]
        );
        let all = parts[0].vstack(&parts[1]).unwrap();
        let column = |name: &str| -> Vec<String> {
            let c = all.column(name).unwrap().cast(&DataType::String).unwrap();
            c.str()
                .unwrap()
                .iter()
                .map(|v| v.unwrap_or("").to_owned())
                .collect()
        };
        assert_eq!(column("doc_id"), ["a", "a", "a", "c"]);
        assert_eq!(column("sentence"), ["0", "0", "1", "0"]);
        assert_eq!(column("position"), ["0", "1", "2", "0"]);
        assert_eq!(column("token"), ["the", "peace", "peace", "war"]);
        assert_eq!(column("stopword"), ["true", "false", "false", "false"]);

        let empty = tokenized(&[""], true, true);
        let mut heights = Vec::new();
        token_frames(&empty, &ids[..1], 2, &mut |df| {
            heights.push(df.height());
            Ok(())
        })
        .unwrap();
        assert_eq!(heights, [0], "an empty corpus still gives the header");
    }
}
