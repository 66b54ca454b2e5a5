//! `dispersion.png`: a lexical dispersion plot ("x-ray") of chosen terms: where each of their
//! occurrences falls in the corpus read in order, with the speeches' boundaries marked and
//! labelled. A row's label is the term whose occurrences it shows (rows in the order given).

use crate::output::charts::theme::format_number;
use crate::output::charts::{XRay, XRayRow};
use crate::stats::counts::CountTables;
use crate::stats::profile::dispersion::Occurrences;
use crate::text::Vocabulary;

/// The x-ray of the terms of `occurrences` over the speeches (named by `ids`).
pub(crate) fn figure(
    occurrences: &Occurrences,
    counts: &CountTables,
    vocab: &Vocabulary,
    ids: &[String],
    chosen_by_user: bool,
) -> XRay {
    let chosen = occurrences.chosen;
    let terms = &occurrences.terms;
    let total = counts.total_tokens().max(1) as f64;
    let rows: Vec<XRayRow> = terms
        .iter()
        .zip(&occurrences.positions)
        .map(|(&t, positions)| XRayRow {
            label: vocab.form(counts.term_label[t as usize]).to_owned(),
            positions: positions.iter().map(|&p| p as f64 / total).collect(),
        })
        .collect();
    let boundaries = occurrences
        .starts
        .iter()
        .zip(ids)
        .map(|(&start, id)| (start as f64 / total, id.clone()))
        .collect();
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
            super::speeches(ids.len()),
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
    use crate::output::charts::xray;
    use crate::stats::counts::{count, tests::tokenized};
    use crate::stats::profile::dispersion::occurrences;

    #[test]
    fn each_row_holds_the_occurrences_of_its_own_term() {
        let corpus = tokenized(&["war peace war", "peace peace"], false, false);
        let counts = count(&corpus);
        let (war, peace) = (
            corpus.vocab.term_id("war").unwrap(),
            corpus.vocab.term_id("peace").unwrap(),
        );
        let ids = ["a".to_owned(), "b".to_owned()];
        let occurrences = occurrences(&corpus, &[peace, war], xray::MAX_ROWS);
        let xray = figure(&occurrences, &counts, &corpus.vocab, &ids, true);
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
