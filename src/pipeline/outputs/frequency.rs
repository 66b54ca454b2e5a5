//! The frequency family's outputs: the corpus and its speeches in figures, the term list, terms
//! per speech, per group and as a matrix, the tokens; the top terms and terms across speeches
//! as charts.

use super::row_sources::TermFrequencyRows;
use super::{chart, counted_with, table, Charts, Family, OutputInfo, When};
use crate::columns::*;
use crate::error::Result;
use crate::output::charts::{bar_chart, heatmap};
use crate::output::figures::{terms_by_document, top_terms};
use crate::pipeline::computed::Computed;
use crate::stats::frequency::matrix::{MatrixRows, TermMatrix};
use crate::stats::frequency::{by_group, corpus, documents, ranking, stopwords, terms, tokens};

/// Rows of a long table built as one DataFrame before it is written: enough for every core
/// to format a slice of its own, few enough that a part's string columns stay a few
/// megabytes. Parts of 2^18 rows took `analyze` of the General Debate repeated ten times from
/// 390 to 435-445 MB while the three long tables were written (1x: the same 290 MB).
pub(super) const ROWS_PER_PART: usize = 1 << 16;

pub(super) const TABLES: &[OutputInfo] = &[
    OutputInfo {
        path: "tables/corpus.csv",
        what: "one row: speeches, tokens, types, terms, sentences, mean and median speech length",
        options: counted_with!(),
        columns: &[
            N_DOCUMENTS,
            N_TOKENS.means(
                "Word tokens of the corpus, stopwords included (punctuation is not a token); a \
                 phrase joined by --phrases is one token.",
            ),
            N_TYPES.means(
                "Distinct lowercased word forms of the corpus, stopwords included (a form used \
                 in two speeches is one type, so this is not the sum of the speeches' n_types).",
            ),
            N_TERMS,
            N_SENTENCES.means("Sentences of the corpus."),
            MEAN_TOKENS,
            MEDIAN_TOKENS,
        ],
        ..table(Family::Frequency, |a, emit| {
            emit(corpus::corpus_frame(&a.counts, a.vocab())?)
        })
    },
    OutputInfo {
        path: "tables/documents.csv",
        what: "one row per speech: its metadata, sizes, lexical diversity and readability",
        options: counted_with!("mattr-window"),
        columns: &[
            DOC_ID,
            SOURCE,
            METADATA,
            ENCODING,
            N_TOKENS,
            N_TYPES,
            N_SENTENCES,
            N_ANNOTATIONS,
            N_FOOTER_LINES,
            N_MOJIBAKE_REPAIRED,
            N_APOSTROPHES_RESTORED,
            TTR,
            MATTR,
            MATTR_SHORT,
            MTLD,
            YULES_K,
            HERDAN_C,
            GUIRAUD,
            MEAN_SENTENCE_LENGTH,
            SYLLABLES_PER_WORD,
            FLESCH_READING_EASE,
            FLESCH_KINCAID_GRADE,
        ],
        ..table(Family::Frequency, |a, emit| {
            emit(documents::documents_frame(
                &a.corpus,
                &a.counts,
                a.profiles.as_ref(),
            )?)
        })
    },
    OutputInfo {
        path: "tables/terms.csv",
        in_word_count: true,
        what: "one row per term: its count, speeches using it, rate and dispersion, most frequent first",
        options: counted_with!(),
        columns: &[TERM, LABEL, COUNT, DOC_FREQ, PER_10K, DP, DP_NORM],
        ..table(Family::Frequency, |a, emit| {
            emit(terms::terms_frame(&a.counts, a.vocab())?)
        })
    },
    OutputInfo {
        path: "tables/term_frequency.csv",
        in_word_count: true,
        what: "one row per speech and term: count, rate and tf-idf",
        options: counted_with!(),
        columns: &[
            DOC_ID,
            TERM,
            LABEL,
            COUNT.means("Occurrences of the term in the speech."),
            PER_10K.means(
                "count / n_tokens × 10,000, n_tokens counting every word token of the speech, \
                 stopwords included.",
            ),
            TF_IDF,
        ],
        too_long: "For a spreadsheet, open tables/term_matrix.csv (speeches by the \
                   --matrix-terms most frequent terms, written by `speechstat analyze`) or \
                   terms_by_group.csv (with --group-by)",
        csv_rows: Some(|a, table| {
            let style = table.style();
            table.write(&TermFrequencyRows::new(
                &a.counts,
                a.vocab(),
                &a.doc_ids,
                style,
            ))
        }),
        ..table(Family::Frequency, |a, emit| {
            terms::term_frequency_frames(&a.counts, a.vocab(), &a.doc_ids, ROWS_PER_PART, emit)
        })
    },
    OutputInfo {
        path: "tables/terms_by_group.csv",
        when: When::WithGroupBy,
        what: "one row per group and term: summed count, rate and dispersion over the group's speeches",
        options: counted_with!("group-by"),
        columns: &[
            GROUP_COLUMN,
            TERM,
            LABEL,
            COUNT.means("Occurrences of the term in the group's speeches."),
            PER_10K.means(
                "count / n_tokens × 10,000 over the group's speeches (summed count over summed \
                 word tokens, stopwords included).",
            ),
            RANGE,
            DP.means(
                "Gries' DP over the group's speeches: 0.5 × Σ |v_i / f − s_i|, v_i the term's \
                 count in speech i, f its total, s_i the speech's share of the group's word \
                 tokens.",
            ),
            DP_NORM.means(
                "dp / (1 − the smallest s_i) (Lijffijt & Gries 2012), from 0 to 1; empty for a \
                 group of one speech.",
            ),
        ],
        ..table(Family::Frequency, |a, emit| {
            let g = a.grouping()?;
            emit(by_group::terms_by_group_frame(
                &g.groups,
                &g.sums,
                &a.counts,
                a.vocab(),
            )?)
        })
    },
    OutputInfo {
        path: "tables/term_matrix.csv",
        what: "one row per speech (with --group-by, per group), one column per frequent term: its rate, for pivots and charts",
        options: counted_with!("group-by", "matrix-terms"),
        columns: &[
            ROW_NAME,
            N_TOKENS.means(
                "Word tokens of the row's speech or group, stopwords included: the denominator \
                 of the row's rates.",
            ),
            MATRIX_TERMS,
        ],
        ..table(Family::Frequency, |a, emit| {
            let rows = match a.first_grouping() {
                Some(g) => MatrixRows::Groups {
                    groups: &g.groups,
                    sums: &g.sums,
                },
                None => MatrixRows::Speeches {
                    doc_ids: &a.doc_ids,
                },
            };
            // A row per speech is millions of cells on a large corpus: a slice at a time.
            let matrix = TermMatrix::new(rows, &a.counts, a.vocab(), a.config.matrix_terms);
            for part in matrix.parts() {
                emit(matrix.frame(part)?)?;
            }
            Ok(())
        })
    },
    OutputInfo {
        path: "tables/stopwords.csv",
        what: "one row per word of the stopword list in force: its tokens in the corpus (counted in n_tokens, never as terms)",
        options: &["language", "stopwords", "stopwords-add", "keep-annotations"],
        columns: &[
            WORD,
            COUNT.means(
                "Tokens of the word in the corpus (its lowercased form): counted in n_tokens, \
                 never as a term.",
            ),
            DOC_FREQ.means("Speeches that use the word."),
            PER_10K.means(
                "count / n_tokens × 10,000, n_tokens counting every word token of the corpus.",
            ),
        ],
        ..table(Family::Frequency, |a, emit| {
            emit(stopwords::stopwords_frame(
                a.stopwords()?,
                a.counts.total_tokens(),
            )?)
        })
    },
    OutputInfo {
        path: "tables/tokens.csv",
        when: When::WithTokens,
        what: "one row per word token, stopwords included, in text order",
        options: counted_with!(),
        columns: &[
            DOC_ID,
            SENTENCE,
            POSITION,
            TOKEN,
            TERM.means(
                "What the token is counted under: the Snowball stem of its form, or the form \
                 with --no-stem (a stopword's term is shown, but never counted).",
            ),
            STOPWORD,
        ],
        too_long: "For a spreadsheet, analyse fewer speeches, or use --kwic for the lines of \
                   one word",
        ..table(Family::Frequency, |a, emit| {
            tokens::token_frames(&a.tokens, &a.doc_ids, ROWS_PER_PART, emit)
        })
    },
];

pub(super) const CHARTS: &[OutputInfo] = &[
    OutputInfo {
        path: "charts/top_terms.png",
        what: "the 25 most frequent terms as bars",
        caption: "The 25 most frequent terms of the corpus, stopwords left out, rank 1 at the \
                  top: a bar's length is the term's count, written beside it with its rate per \
                  10,000 words (per_10k); each term is shown by its label, its most frequent \
                  word form.",
        ..chart(Family::Frequency, |a, charts| {
            let chart = top_terms::figure(&a.counts, a.vocab(), a.config.stem);
            bar_chart::draw(&chart, &charts.canvas()?)
        })
    },
    OutputInfo {
        path: "charts/terms_by_document.png",
        what: "chosen terms (`--terms`, default the 10 most frequent) across speeches or groups",
        caption: "The rate per 10,000 words (per_10k) of the --terms (default: the 10 most \
                  frequent) in each speech, or each group of the first --group-by: a cell's \
                  colour (0 to the largest rate) and number are the rate. At most 40 rows: with \
                  more speeches, they are summed by year, or the 40 largest by words are shown, \
                  as the subtitle says.",
        ..chart(Family::Frequency, draw_terms_by_document)
    },
];

fn draw_terms_by_document(a: &Computed, charts: &mut Charts<'_>) -> Result<()> {
    let rows = a.comparison_rows()?;
    let terms = a.chart_terms_or(|| {
        ranking::most_frequent(&a.counts, a.vocab(), terms_by_document::DEFAULT_TERMS)
    });
    let chart = terms_by_document::figure(
        &rows.rows,
        &rows.sums,
        &terms,
        a.chart_terms.is_some(),
        &a.counts,
        a.vocab(),
    );
    heatmap::draw(&chart, &charts.canvas()?)
}
