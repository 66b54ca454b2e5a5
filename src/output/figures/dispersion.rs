//! `dispersion.png`: a lexical dispersion plot ("x-ray") of chosen terms: where each of their
//! occurrences falls in the corpus read in order, with the speeches' boundaries marked and
//! labelled. A row's label is the term whose occurrences it shows (rows in the order given).

use crate::output::charts::theme::format_number;
use crate::output::charts::{xray, XRay, XRayRow};
use crate::stats::counts::CountTables;
use crate::text::{TermId, TokenizedCorpus};

/// The x-ray of `terms` over the speeches (named by `ids`).
pub(crate) fn figure(
    tokens: &TokenizedCorpus,
    counts: &CountTables,
    terms: &[TermId],
    ids: &[String],
    chosen_by_user: bool,
) -> XRay {
    let vocab = &tokens.vocab;
    let chosen = terms.len();
    let terms = &terms[..chosen.min(xray::MAX_ROWS)];
    let total = counts.total_tokens().max(1) as f64;
    let mut rows: Vec<XRayRow> = terms
        .iter()
        .map(|&t| XRayRow {
            label: vocab.form(counts.term_label[t as usize]).to_owned(),
            positions: Vec::new(),
        })
        .collect();
    let mut boundaries = Vec::with_capacity(tokens.docs.len());
    let mut offset = 0u64;
    for (doc, id) in tokens.docs.iter().zip(ids) {
        boundaries.push((offset as f64 / total, id.clone()));
        for (i, &form) in doc.forms.iter().enumerate() {
            if vocab.is_stopword(form) {
                continue;
            }
            let term = vocab.term_of_form(form);
            if let Some(row) = terms.iter().position(|&t| t == term) {
                rows[row].positions.push((offset + i as u64) as f64 / total);
            }
        }
        offset += doc.forms.len() as u64;
    }
    let which = if chosen_by_user && terms.len() < chosen {
        format!("The first {} of {chosen} chosen terms", terms.len())
    } else if chosen_by_user {
        "Chosen terms".to_owned()
    } else {
        format!("The {} least evenly spread terms (highest DP)", terms.len())
    };
    XRay {
        title: format!("{which}: where each occurrence falls"),
        subtitle: format!(
            "{} in corpus order, {} words; a tick per occurrence, a line where a speech starts",
            super::speeches(tokens.docs.len()),
            format_number(counts.total_tokens() as f64, 0)
        ),
        x_label: "position in the corpus (speeches in corpus order)".into(),
        rows,
        boundaries,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::counts::{count, tests::tokenized};

    #[test]
    fn each_row_holds_the_occurrences_of_its_own_term() {
        let corpus = tokenized(&["war peace war", "peace peace"], false, false);
        let counts = count(&corpus);
        let (war, peace) = (
            corpus.vocab.term_id("war").unwrap(),
            corpus.vocab.term_id("peace").unwrap(),
        );
        let ids = ["a".to_owned(), "b".to_owned()];
        let xray = figure(&corpus, &counts, &[peace, war], &ids, true);
        assert_eq!(xray.rows[0].label, "peace");
        assert_eq!(xray.rows[0].positions, [0.2, 0.6, 0.8]);
        assert_eq!(xray.rows[1].label, "war");
        assert_eq!(xray.rows[1].positions, [0.0, 0.4]);
        assert_eq!(
            xray.boundaries,
            [(0.0, "a".to_owned()), (0.6, "b".to_owned())]
        );
    }
}
