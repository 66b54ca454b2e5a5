//! The long tables' CSV written from the count rows themselves (see
//! [`crate::output::rows`]): the same bytes as their DataFrames give, without building and
//! walking millions of string cells. The DataFrames remain for Parquet and
//! [`Analysis::table`](crate::Analysis::table).

use std::ops::Range;

use crate::chunks::table_parts;
use crate::columns::{self, TableColumn};
use crate::output::rows::{Cells, Field, JoinedCells, RowSource};
use crate::output::tables::{CsvStyle, ROWS_PER_SLICE};
use crate::stats::compare::keyness::{self, is_significant, Target};
use crate::stats::counts::{per_10k, CountTables};
use crate::stats::frequency::terms::{idf, sorted_places, tf_idf_with, Alphabetical};
use crate::stats::pairs::collocations::CollocationRows;
use crate::stats::pairs::cooccurrence::{CooccurrenceOrder, Cooccurrences, TermPair};
use crate::text::{TermId, Vocabulary};

/// `tables/term_frequency.csv`: one row per speech and counted term, in the order and with
/// the numbers of [`crate::stats::frequency::terms::term_frequency_frames`].
pub(super) struct TermFrequencyRows<'a> {
    counts: &'a CountTables,
    vocab: &'a Vocabulary,
    doc_ids: &'a [String],
    style: CsvStyle,
    /// The terms in alphabetical order, which breaks ties of count.
    order: Alphabetical,
    /// Each term's cell and its label's, by the term's place in alphabetical order: a
    /// speech's many terms used once are printed in that order.
    terms: JoinedCells<2>,
    /// Each term's idf, by its place in alphabetical order.
    idf: Vec<f64>,
    /// Speeches of about [`ROWS_PER_SLICE`] rows each.
    pieces: Vec<Range<usize>>,
}

impl<'a> TermFrequencyRows<'a> {
    pub(super) fn new(
        counts: &'a CountTables,
        vocab: &'a Vocabulary,
        doc_ids: &'a [String],
        style: CsvStyle,
    ) -> TermFrequencyRows<'a> {
        Self::in_pieces(counts, vocab, doc_ids, style, ROWS_PER_SLICE)
    }

    /// Pieces of about `piece_rows` rows.
    fn in_pieces(
        counts: &'a CountTables,
        vocab: &'a Vocabulary,
        doc_ids: &'a [String],
        style: CsvStyle,
        piece_rows: usize,
    ) -> TermFrequencyRows<'a> {
        let n_docs = counts.n_docs();
        let rows = (0..n_docs).map(|d| counts.doc_terms.entries(d) as u64);
        let order = Alphabetical::of(vocab);
        let terms = JoinedCells::new(
            order
                .terms()
                .iter()
                .map(|&t| term_and_label(counts, vocab, t)),
            style,
        );
        let idf = order
            .terms()
            .iter()
            .map(|&t| idf(n_docs, counts.term_doc_freq[t as usize]))
            .collect();
        TermFrequencyRows {
            counts,
            vocab,
            doc_ids,
            style,
            order,
            terms,
            idf,
            pieces: table_parts(rows, piece_rows as u64),
        }
    }
}

impl RowSource for TermFrequencyRows<'_> {
    fn columns(&self) -> Vec<String> {
        names(&[
            columns::DOC_ID,
            columns::TERM,
            columns::LABEL,
            columns::COUNT,
            columns::PER_10K,
            columns::TF_IDF,
        ])
    }

    fn pieces(&self) -> usize {
        self.pieces.len()
    }

    fn piece(&self, i: usize, cells: &mut impl Cells) {
        for d in self.pieces[i].clone() {
            let doc = Field::new(&self.doc_ids[d], self.style);
            let n_tokens = self.counts.n_tokens[d];
            for (place, n) in sorted_places(self.counts, &self.order, d) {
                let place = place as usize;
                let n = u64::from(n);
                cells.text(&doc);
                cells.joined(self.terms.csv(place), || {
                    term_and_label(self.counts, self.vocab, self.order.terms()[place])
                });
                cells.count(n);
                cells.float(per_10k(n, n_tokens));
                cells.float(tf_idf_with(n, n_tokens, self.idf[place]));
                cells.end_row();
            }
        }
    }
}

/// `tables/cooccurrence.csv`: one row per pair, in the order and with the numbers of
/// [`crate::stats::pairs::cooccurrence::cooccurrence_frame`].
pub(super) struct CooccurrenceRows<'a> {
    order: &'a CooccurrenceOrder,
    pairs: &'a Cooccurrences,
    counts: &'a CountTables,
    vocab: &'a Vocabulary,
    /// Each term's cell and its label's, by term id.
    terms: JoinedCells<1>,
    labels: JoinedCells<1>,
    pieces: Vec<Range<usize>>,
}

impl<'a> CooccurrenceRows<'a> {
    pub(super) fn new(
        order: &'a CooccurrenceOrder,
        pairs: &'a Cooccurrences,
        counts: &'a CountTables,
        vocab: &'a Vocabulary,
        style: CsvStyle,
    ) -> CooccurrenceRows<'a> {
        Self::in_pieces(order, pairs, counts, vocab, style, ROWS_PER_SLICE)
    }

    fn in_pieces(
        order: &'a CooccurrenceOrder,
        pairs: &'a Cooccurrences,
        counts: &'a CountTables,
        vocab: &'a Vocabulary,
        style: CsvStyle,
        piece_rows: usize,
    ) -> CooccurrenceRows<'a> {
        let ids = 0..vocab.n_terms() as TermId;
        let cells = |column: usize| {
            JoinedCells::new(
                ids.clone()
                    .map(|t| [term_and_label(counts, vocab, t)[column]]),
                style,
            )
        };
        CooccurrenceRows {
            order,
            pairs,
            counts,
            vocab,
            terms: cells(0),
            labels: cells(1),
            pieces: order.parts(piece_rows),
        }
    }
}

impl RowSource for CooccurrenceRows<'_> {
    fn columns(&self) -> Vec<String> {
        names(&[
            columns::TERM_A,
            columns::TERM_B,
            columns::LABEL_A,
            columns::LABEL_B,
            columns::COUNT,
            columns::PMI,
            columns::NPMI,
            columns::LOG_LIKELIHOOD,
            columns::T_SCORE,
            columns::DICE,
        ])
    }

    fn pieces(&self) -> usize {
        self.pieces.len()
    }

    fn piece(&self, i: usize, cells: &mut impl Cells) {
        // The piece's pairs gathered first: the table's order visits them at random, and a
        // loop doing nothing else has many of those reads under way at once.
        let pairs = self.order.pairs_of(self.pieces[i].clone(), self.pairs);
        let name = |column: usize, t: TermId| [term_and_label(self.counts, self.vocab, t)[column]];
        for pair in pairs {
            let (first, second, count, log_likelihood) = self.order.row_of(&pair, self.pairs);
            let (a, b) = (first as usize, second as usize);
            // The scores of the pair in the row's order, as the DataFrame computes them.
            let scores = self.pairs.contingency(&TermPair {
                first,
                second,
                count,
            });
            cells.joined(self.terms.csv(a), || name(0, first));
            cells.joined(self.terms.csv(b), || name(0, second));
            cells.joined(self.labels.csv(a), || name(1, first));
            cells.joined(self.labels.csv(b), || name(1, second));
            cells.count(count);
            cells.float(scores.pmi());
            cells.float(scores.npmi());
            cells.float(log_likelihood);
            cells.float(scores.t_score());
            cells.float(scores.dice());
            cells.end_row();
        }
    }
}

/// `tables/keyness.csv`: one row per target and listed key, in the order and with the
/// numbers of [`crate::stats::compare::keyness::keyness_frame`].
pub(super) struct KeynessRows<'a, N> {
    pieces: Vec<&'a [Target]>,
    /// A term and its label (a term only the reference corpus has included).
    names: N,
    style: CsvStyle,
}

impl<'a, 'n, N: Fn(TermId) -> (&'n str, &'n str) + Sync> KeynessRows<'a, N> {
    pub(super) fn new(targets: &'a [Target], names: N, style: CsvStyle) -> KeynessRows<'a, N> {
        Self::in_pieces(targets, names, style, ROWS_PER_SLICE)
    }

    fn in_pieces(
        targets: &'a [Target],
        names: N,
        style: CsvStyle,
        piece_rows: usize,
    ) -> KeynessRows<'a, N> {
        KeynessRows {
            pieces: keyness::parts(targets, piece_rows),
            names,
            style,
        }
    }
}

impl<'n, N: Fn(TermId) -> (&'n str, &'n str) + Sync> RowSource for KeynessRows<'_, N> {
    fn columns(&self) -> Vec<String> {
        names(&[
            columns::GROUP_BY,
            columns::TARGET,
            columns::REFERENCE,
            columns::TERM,
            columns::LABEL,
            columns::COUNT_TARGET,
            columns::COUNT_REFERENCE,
            columns::PER_10K_TARGET,
            columns::PER_10K_REFERENCE,
            columns::LOG_LIKELIHOOD,
            columns::P_VALUE,
            columns::CHI2,
            columns::LOG_RATIO,
            columns::PERCENT_DIFF,
            columns::RANGE_TARGET,
            columns::SIGNIFICANT,
            columns::LOG_ODDS,
            columns::LOG_ODDS_Z,
            columns::SIMPLE_MATHS,
            columns::DOC_LOG_LIKELIHOOD,
            columns::RANGE_REFERENCE,
            columns::N_DOCUMENTS_TARGET,
            columns::N_DOCUMENTS_REFERENCE,
        ])
    }

    fn pieces(&self) -> usize {
        self.pieces.len()
    }

    fn piece(&self, i: usize, cells: &mut impl Cells) {
        for target in self.pieces[i] {
            let group_by = Field::new(&target.group_by, self.style);
            let name = Field::new(&target.name, self.style);
            let reference = Field::new(&target.reference, self.style);
            for key in target.keys.read() {
                let (term, label) = (self.names)(key.term);
                let (log_odds, log_odds_z) = key.log_odds(&target.measures);
                cells.text(&group_by);
                cells.text(&name);
                cells.text(&reference);
                cells.text(&Field::new(term, self.style));
                cells.text(&Field::new(label, self.style));
                cells.count(key.a);
                cells.count(key.b);
                cells.float(per_10k(key.a, key.c));
                cells.float(per_10k(key.b, key.d));
                cells.float(key.log_likelihood);
                cells.float(key.p_value());
                cells.float(key.chi2());
                cells.float(key.log_ratio());
                // No percentage of a term the reference lacks: an empty cell.
                cells.float(key.percent_diff().unwrap_or(f64::NAN));
                cells.count(u64::from(key.range));
                cells.flag(is_significant(&key, target.tested));
                cells.float(log_odds);
                cells.float(log_odds_z);
                cells.float(key.simple_maths(&target.measures));
                cells.float(key.doc_log_likelihood());
                cells.count(u64::from(key.range_reference));
                cells.count(u64::from(key.documents));
                cells.count(u64::from(key.reference_documents));
                cells.end_row();
            }
        }
    }
}

/// `tables/collocations.csv`: one row per adjacent pair, in the order and with the numbers of
/// [`CollocationRows::frame`].
pub(super) struct CollocationLines<'a> {
    rows: &'a CollocationRows<'a>,
    vocab: &'a Vocabulary,
    style: CsvStyle,
    /// Each term's cell and its label's ([`term_fields`]); the table prints the first.
    terms: Vec<(Field<'a>, Field<'a>)>,
    pieces: Vec<Range<usize>>,
}

impl<'a> CollocationLines<'a> {
    pub(super) fn new(
        rows: &'a CollocationRows<'a>,
        counts: &'a CountTables,
        vocab: &'a Vocabulary,
        style: CsvStyle,
    ) -> CollocationLines<'a> {
        Self::in_pieces(rows, counts, vocab, style, ROWS_PER_SLICE)
    }

    fn in_pieces(
        rows: &'a CollocationRows<'a>,
        counts: &'a CountTables,
        vocab: &'a Vocabulary,
        style: CsvStyle,
        piece_rows: usize,
    ) -> CollocationLines<'a> {
        CollocationLines {
            rows,
            vocab,
            style,
            terms: term_fields(counts, vocab, style),
            pieces: rows.parts(piece_rows),
        }
    }
}

impl RowSource for CollocationLines<'_> {
    fn columns(&self) -> Vec<String> {
        names(&[
            columns::TERM_1,
            columns::TERM_2,
            columns::LABEL,
            columns::COUNT,
            columns::PMI,
            columns::NPMI,
            columns::LOG_LIKELIHOOD,
            columns::T_SCORE,
            columns::CHI2,
            columns::DICE,
            columns::LOG_DICE,
        ])
    }

    fn pieces(&self) -> usize {
        self.pieces.len()
    }

    fn piece(&self, i: usize, cells: &mut impl Cells) {
        let mut label = String::new();
        for row in self.pieces[i].clone() {
            let (pair, scores, log_likelihood) = self.rows.row(row);
            label.clear();
            label.push_str(self.vocab.form(pair.label.0));
            label.push(' ');
            label.push_str(self.vocab.form(pair.label.1));
            cells.text(&self.terms[pair.first as usize].0);
            cells.text(&self.terms[pair.second as usize].0);
            cells.text(&Field::new(&label, self.style));
            cells.count(pair.count);
            cells.float(scores.pmi());
            cells.float(scores.npmi());
            cells.float(log_likelihood);
            cells.float(scores.t_score());
            cells.float(scores.chi2());
            cells.float(scores.dice());
            cells.float(scores.log_dice());
            cells.end_row();
        }
    }
}

/// Each term of the vocabulary's cell and its label's, escaped once for `style`.
fn term_fields<'a>(
    counts: &'a CountTables,
    vocab: &'a Vocabulary,
    style: CsvStyle,
) -> Vec<(Field<'a>, Field<'a>)> {
    (0..vocab.n_terms() as TermId)
        .map(|t| {
            let [term, label] = term_and_label(counts, vocab, t);
            (Field::new(term, style), Field::new(label, style))
        })
        .collect()
}

/// A term and its label (empty for a term no count table labels).
fn term_and_label<'a>(counts: &CountTables, vocab: &'a Vocabulary, t: TermId) -> [&'a str; 2] {
    let label = counts
        .term_label
        .get(t as usize)
        .map_or("", |&f| vocab.form(f));
    [vocab.term(t), label]
}

fn names(columns: &[TableColumn]) -> Vec<String> {
    columns.iter().map(|c| c.name.to_owned()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::rows::RowTable;
    use crate::output::tables::{preview_rows, TableWriter};
    use crate::stats::counts::{count, tests::tokenized};
    use crate::stats::frequency::terms::term_frequency_frames;
    use crate::stats::pairs::collocations::tests::PREAMBLE;
    use crate::stats::pairs::collocations::CollocationRows;
    use crate::stats::pairs::cooccurrence::{self, count_cooccurrences, Context};

    #[test]
    fn term_frequency_rows_print_what_the_dataframes_print() {
        let corpus = tokenized(
            &[
                "peace and security, peace and development",
                "",
                "the council adopted resolution 2334 and the council met",
                "security security development of peace",
            ],
            true,
            true,
        );
        let counts = count(&corpus);
        // Ids a spreadsheet would misread or that need quoting.
        let ids: Vec<String> = ["=1+2", "empty", "a, \"quoted\" id", "-3.5"]
            .map(String::from)
            .to_vec();
        let dir = tempfile::tempdir().unwrap();
        for style in [CsvStyle::Excel, CsvStyle::ExcelEu, CsvStyle::Plain] {
            let from_frames = dir.path().join("frames.csv");
            let mut writer = TableWriter::create(&from_frames, style).unwrap();
            let mut frames = Vec::new();
            term_frequency_frames(&counts, &corpus.vocab, &ids, 5, &mut |part| {
                writer.append(&part)?;
                frames.push(part);
                Ok(())
            })
            .unwrap();
            let frame_rows = writer.finish().unwrap();
            // Pieces of about 3 rows: several, each formatted on its own.
            let from_rows = dir.path().join("rows.csv");
            let mut writer = TableWriter::create(&from_rows, style).unwrap();
            let mut table = RowTable::new(&mut writer, 4);
            let source = TermFrequencyRows::in_pieces(&counts, &corpus.vocab, &ids, style, 3);
            assert!(source.pieces() > 2);
            table.write(&source).unwrap();
            let preview = table.preview();
            let header = writer.columns().to_vec();
            assert_eq!(writer.finish().unwrap(), frame_rows);
            assert_eq!(
                std::fs::read(&from_rows).unwrap(),
                std::fs::read(&from_frames).unwrap(),
                "{style:?}"
            );
            let names: Vec<String> = frames[0]
                .get_column_names()
                .iter()
                .map(|n| n.to_string())
                .collect();
            assert_eq!(header, names);
            let path = std::path::Path::new("t.csv");
            assert_eq!(preview, preview_rows(&frames[0], 4, style, path).unwrap());
        }
        assert!(std::fs::read_to_string(dir.path().join("rows.csv"))
            .unwrap()
            .contains("\"a, \"\"quoted\"\" id\",council,council,2,"));
    }

    /// The bytes and preview `source` writes, with its row count.
    fn written_rows(source: &impl RowSource, style: CsvStyle) -> (Vec<u8>, Vec<Vec<String>>, u64) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("rows.csv");
        let mut writer = TableWriter::create(&path, style).unwrap();
        let mut table = RowTable::new(&mut writer, 10);
        table.write(source).unwrap();
        let preview = table.preview();
        let rows = writer.finish().unwrap();
        (std::fs::read(&path).unwrap(), preview, rows)
    }

    #[test]
    fn cooccurrence_rows_print_what_the_dataframes_print() {
        let corpus = tokenized(&[PREAMBLE, "peace, security and \"peace\""], true, false);
        let counts = count(&corpus);
        let pairs = count_cooccurrences(&corpus, Context::Window(5), 1);
        let order = CooccurrenceOrder::new(&pairs, &corpus.vocab).unwrap();
        assert!(order.len() > 40, "{}", order.len());
        let frame = cooccurrence::cooccurrence_frame(
            &order.rows(0..order.len(), &pairs),
            &pairs,
            &counts,
            &corpus.vocab,
        )
        .unwrap();
        let dir = tempfile::tempdir().unwrap();
        for style in [CsvStyle::Excel, CsvStyle::ExcelEu, CsvStyle::Plain] {
            let path = dir.path().join("frame.csv");
            let mut writer = TableWriter::create(&path, style).unwrap();
            writer.append(&frame).unwrap();
            writer.finish().unwrap();
            let source =
                CooccurrenceRows::in_pieces(&order, &pairs, &counts, &corpus.vocab, style, 7);
            assert!(source.pieces() > 5);
            let (bytes, preview, rows) = written_rows(&source, style);
            assert_eq!(rows as usize, order.len());
            assert_eq!(bytes, std::fs::read(&path).unwrap(), "{style:?}");
            let expected = preview_rows(&frame, 10, style, &path).unwrap();
            assert_eq!(preview, expected);
        }
    }

    /// Every table the catalogue writes from rows, on the demo corpus (each speech a
    /// keyness target, then each party), in pieces of the run's size and of 5 rows, in
    /// every style: the bytes and preview of its DataFrames.
    #[test]
    fn the_catalogue_tables_print_from_rows_what_their_dataframes_print() {
        use crate::pipeline::outputs::{Build, OUTPUTS};
        let dir = tempfile::tempdir().unwrap();
        for group_by in [Vec::new(), vec!["party".to_owned()]] {
            let config = crate::Config {
                inputs: vec!["corpus".into()],
                group_by,
                ..crate::Config::default()
            };
            let a = crate::pipeline::analyze(&config).unwrap().computed;
            for style in [CsvStyle::Excel, CsvStyle::ExcelEu, CsvStyle::Plain] {
                let mut written = 0;
                for output in OUTPUTS.iter().filter(|o| o.csv_rows.is_some()) {
                    // The row path keeps the first rows: none of these previews its largest.
                    assert!(output.preview_by.is_none(), "{}", output.path);
                    let Build::Table(build) = output.build else {
                        panic!("{} is a table", output.path);
                    };
                    let path = dir.path().join("frames.csv");
                    let mut writer = TableWriter::create(&path, style).unwrap();
                    let mut first = None;
                    build(&a, &mut |part| {
                        first.get_or_insert_with(|| part.clone());
                        writer.append(&part)
                    })
                    .unwrap();
                    let rows = writer.finish().unwrap();
                    let expected = std::fs::read(&path).unwrap();
                    assert!(rows > 100, "{}: {rows} rows", output.path);
                    let first = first.unwrap();
                    let preview = preview_rows(&first, 10, style, &path).unwrap();
                    let check = |got: (Vec<u8>, Vec<Vec<String>>, u64), pieces: &str| {
                        let what = format!("{} in {pieces}, {style:?}", output.path);
                        assert_eq!(got.2, rows, "{what}");
                        assert!(got.0 == expected, "{what}: the bytes differ");
                        assert_eq!(got.1, preview, "{what}");
                    };
                    // As the run writes it.
                    let dir = tempfile::tempdir().unwrap();
                    let file = dir.path().join("rows.csv");
                    let mut writer = TableWriter::create(&file, style).unwrap();
                    let mut table = RowTable::new(&mut writer, 10);
                    (output.csv_rows.unwrap())(&a, &mut table).unwrap();
                    let shown = table.preview();
                    let counted = writer.finish().unwrap();
                    check(
                        (std::fs::read(&file).unwrap(), shown, counted),
                        "the run's pieces",
                    );
                    // In pieces of 5 rows.
                    let (counts, vocab) = (&a.counts, a.vocab());
                    let small = match output.name() {
                        "term_frequency" => written_rows(
                            &TermFrequencyRows::in_pieces(counts, vocab, &a.doc_ids, style, 5),
                            style,
                        ),
                        "cooccurrence" => {
                            let pairs = &a.pairs().unwrap().cooccurrences;
                            let order = CooccurrenceOrder::new(pairs, vocab).unwrap();
                            let source =
                                CooccurrenceRows::in_pieces(&order, pairs, counts, vocab, style, 5);
                            written_rows(&source, style)
                        }
                        "collocations" => {
                            let rows = CollocationRows::new(
                                &a.pairs().unwrap().adjacent,
                                &counts.term_count,
                                counts.total_tokens(),
                                vocab,
                            );
                            let source =
                                CollocationLines::in_pieces(&rows, counts, vocab, style, 5);
                            written_rows(&source, style)
                        }
                        "keyness" => {
                            let names = |t| a.term_and_label(t);
                            let targets = a.keyness().unwrap();
                            written_rows(&KeynessRows::in_pieces(targets, names, style, 5), style)
                        }
                        other => panic!("no test of {other} in pieces"),
                    };
                    check(small, "pieces of 5 rows");
                    written += 1;
                }
                assert_eq!(written, 4);
            }
        }
    }

    #[test]
    fn an_empty_corpus_gives_the_header_alone() {
        let corpus = tokenized(&[], false, false);
        let counts = count(&corpus);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.csv");
        let mut writer = TableWriter::create(&path, CsvStyle::Plain).unwrap();
        let mut table = RowTable::new(&mut writer, 10);
        table
            .write(&TermFrequencyRows::new(
                &counts,
                &corpus.vocab,
                &[],
                CsvStyle::Plain,
            ))
            .unwrap();
        assert!(table.preview().is_empty());
        assert_eq!(writer.finish().unwrap(), 0);
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "doc_id,term,label,count,per_10k,tf_idf\n"
        );
    }
}
