//! What every output means, written once: the meaning of each table column, the caption of
//! each chart and the options that shape each table. The data dictionary `tables/README.md`
//! ([`data_dictionary`]) and the report page read them from here, so the two never disagree.
//!
//! The definitions follow docs/statistics.md and the module docs of `src/stats/`; a meaning
//! gives what the value is, its formula where it has one, and its convention or range.

use std::fmt::Write as _;

use super::outputs::{
    Output, CONTEXT_METADATA, GROUP_COLUMN, MATRIX_TERMS, METADATA, OUTPUTS, ROW_NAME, UNIT_PAIR,
};
use super::settings::Setting;
use super::write::thousands;
use crate::columns::*;

/// What a column of a table means (`table` as [`Output::name`], `column` as written in the
/// file); none for a table speechstat does not write. A name the table does not declare is
/// taken for what its placeholder stands for: metadata in `documents` and `kwic`, the group
/// in `terms_by_group` and `collocations_by_group`, a term in `term_matrix` (whose first
/// column, the row name, only [`column_meanings`] can tell from a term).
pub(crate) fn column_meaning(table: &str, column: &str) -> Option<&'static str> {
    let output = table_output(table)?;
    known(table, column)
        .or_else(|| placeholder_meaning(column))
        .or_else(|| {
            // The last placeholder is the one that names columns after the corpus or the
            // options (a pair of units is always named doc_a, doc_b or group_a, group_b).
            let placeholder = output
                .columns
                .iter()
                .rev()
                .find(|c| **c != UNIT_PAIR && placeholder_meaning(c).is_some())?;
            placeholder_meaning(placeholder)
        })
}

/// A column of a table as written, with what it means.
pub(crate) struct ColumnMeaning<'h> {
    pub name: &'h str,
    /// The entry of [`Output::columns`] it stands for: its own name, or a placeholder such as
    /// [`MATRIX_TERMS`]; empty for a column the table does not declare.
    pub declared: &'static str,
    pub meaning: Option<&'static str>,
}

/// The meaning of each column of `header` (a table's columns as written, placeholders
/// expanded), matched against [`Output::columns`] in order: a declared name matches itself,
/// and the columns between two declared names belong to the placeholder before them (one
/// column for the grouping column and the row name, any number for the others). So the
/// grouping column of `term_matrix` is not read as a term, as [`column_meaning`] would.
pub(crate) fn column_meanings<'h>(output: &Output, header: &'h [String]) -> Vec<ColumnMeaning<'h>> {
    let table = output.name();
    let specs = output.columns;
    let mut next = 0;
    header
        .iter()
        .map(|name| {
            let declared = specs[next.min(specs.len())..]
                .iter()
                .position(|s| s == name && placeholder_meaning(s).is_none());
            let declared = match declared {
                Some(offset) => {
                    next += offset + 1;
                    specs[next - 1]
                }
                None => match specs.get(next).copied() {
                    Some(spec) if placeholder_meaning(spec).is_some() => {
                        if spec == GROUP_COLUMN || spec == ROW_NAME {
                            next += 1;
                        }
                        spec
                    }
                    _ => "",
                },
            };
            let meaning = match declared {
                ROW_NAME if name == DOC_ID => known(table, DOC_ID),
                ROW_NAME => placeholder_meaning(GROUP_COLUMN),
                UNIT_PAIR | "" => column_meaning(table, name),
                _ if placeholder_meaning(declared).is_some() => placeholder_meaning(declared),
                _ => known(table, name),
            };
            ColumnMeaning {
                name,
                declared,
                meaning,
            }
        })
        .collect()
}

/// The caption of a chart (`path` as in [`OUTPUTS`], `charts/keyness_<word>.png` for the
/// charts made per target or word): the statistic shown and how to read it.
pub(crate) fn chart_caption(path: &str) -> Option<&'static str> {
    Some(match path {
        "charts/top_terms.png" => {
            "The 25 most frequent terms of the corpus, stopwords left out, rank 1 at the top: a \
             bar's length is the term's count, written beside it with its rate per 10,000 words \
             (per_10k); each term is shown by its label, its most frequent word form."
        }
        "charts/terms_by_document.png" => {
            "The rate per 10,000 words (per_10k) of the --terms (default: the 10 most frequent) \
             in each speech, or each group of the first --group-by: a cell's colour (0 to the \
             largest rate) and number are the rate. At most 40 rows: with more speeches, they \
             are summed by year, or the 40 largest by words are shown, as the subtitle says."
        }
        "charts/cooccurrence_network.png" => {
            "The 60 strongest co-occurring pairs of cooccurrence.csv (by log-likelihood, among \
             pairs that occur more often than chance, pmi > 0): a disc is a term, its area by \
             the term's count; a line is a pair, wider and darker as its log-likelihood grows."
        }
        "charts/collocates_<word>.png" => {
            "The 25 strongest collocates of one --focus word, strongest at the top: a bar's \
             length is the pair's log-likelihood (G²) in collocates.csv, written beside it with \
             the pair's count; collocates found less often than chance predicts are left out."
        }
        "charts/keyness_overview.png" => {
            "One panel per target of the first grouping (each speech without --group-by; the \
             30 largest by words): its 8 most over-used terms, a bar's length the log-likelihood \
             (G²) against its reference, with the term's count in the target; every panel on \
             one scale."
        }
        "charts/keyness_<word>.png" => {
            "The key terms of one target (the --max-charts largest targets get one): bars to \
             the right are over-used terms (positive log-likelihood G²: relatively more \
             frequent than in the reference), bars to the left under-used ones (negative G²), \
             up to 15 a side. Lighter bars are not significant (p ≥ 0.05 after Bonferroni); \
             beside each bar, its rate per 10,000 words in the target and in the reference."
        }
        "charts/lexical_diversity.png" => {
            "MTLD (threshold 0.72, the mean of the forward and backward passes) of each speech: \
             when the speeches are dated, a grey point per speech and a line of the mean per \
             period (one per group of the first --group-by, the 8 largest); otherwise a bar per \
             speech, or per group (the median of its speeches), the 40 largest by words."
        }
        "charts/readability.png" => {
            "Flesch-Kincaid grade (0.39 × words per sentence + 11.8 × syllables per word − \
             15.59, a US school grade) of each speech: when dated, a grey point per speech and \
             a line of the mean per period (one per group of the first --group-by, the 8 \
             largest); otherwise a bar per speech, or per group (its speeches pooled)."
        }
        "charts/dispersion.png" => {
            "Where each occurrence of the --terms (default: the 8 least evenly spread, highest \
             DP, of those counted 100 times or more) falls in the corpus read in order: a band \
             per term, a tick per occurrence, a faint line where each speech starts."
        }
        "charts/zipf.png" => {
            "Each term's rank (1 = the most frequent) against its count, both axes logarithmic, \
             stopwords left out. The line is the least-squares fit of log10(count) on \
             log10(rank) over ranks 10 to 1,000; its slope (about −1 is Zipf's law) and R² are \
             in the legend."
        }
        "charts/term_trends.png" => {
            "The rate per 10,000 words (per_10k of term_trends.csv) of the --terms in each \
             --period, one line per term; by default the 4 terms whose rate rose most and the \
             4 that fell most from the first to the last third of the periods (terms counted \
             100 times or more). A line breaks where periods have no speeches."
        }
        "charts/similarity_heatmap.png" => {
            "The cosine similarity of the tf-idf vectors of each pair of speeches (or groups of \
             the first --group-by), 0 to 1 in colour, the diagonal grey. Rows and columns are \
             ordered by average-linkage clustering (UPGMA) on 1 − cosine, with its dendrogram \
             at the left; at most 60, the largest by words."
        }
        _ => return None,
    })
}

/// The options of a table counted from the corpus's tokens, then `$extra`: the language,
/// stemming and stopwords make the terms, annotations kept or not the text, and the phrases
/// joined (with their thresholds) the tokens.
macro_rules! counted_with {
    ($($extra:literal),*) => {
        &[
            "language",
            "no-stem",
            "stopwords",
            "keep-annotations",
            "phrases",
            "phrase-min-count",
            "phrase-min-npmi",
            "phrase-min-log-likelihood",
            $($extra),*
        ]
    };
}

/// The command-line options (names as in [`crate::Config::settings`]) whose values shape a
/// table's rows or numbers; empty for a name that is no table. The reading of the corpus
/// (inputs, manifest, text column) is not listed: it decides what the corpus is, not how it
/// is counted. An option that only turns a table on without a value of its own (`--tokens`)
/// is its `when`, not listed here.
pub(crate) fn table_options(table: &str) -> &'static [&'static str] {
    match table {
        "corpus" | "terms" | "term_frequency" | "tokens" | "phrases" => counted_with!(),
        "documents" => counted_with!("mattr-window"),
        "terms_by_group" | "similarity" => counted_with!("group-by"),
        "term_matrix" => counted_with!("group-by", "matrix-terms"),
        "collocations" => counted_with!("min-count"),
        "collocations_by_group" => counted_with!("group-by", "min-count"),
        "cooccurrence" => counted_with!("min-count", "context", "window"),
        "collocates" => counted_with!("focus", "min-count", "context", "window"),
        "keyness" => counted_with!("group-by", "compare", "reference", "min-count", "top"),
        "groups" => counted_with!("group-by", "mattr-window"),
        "term_trends" => counted_with!("time", "period"),
        // Found before phrases are joined, by form or by term; stopwords are matched too.
        "kwic" => &[
            "language",
            "no-stem",
            "keep-annotations",
            "kwic",
            "match",
            "width",
            "in",
        ],
        _ => &[],
    }
}

/// One table of a run, for [`data_dictionary`].
pub(crate) struct DictionaryEntry<'a> {
    pub output: &'static Output,
    /// The column names as written, placeholders expanded.
    pub header: &'a [String],
    pub rows: u64,
}

/// Term columns of `term_matrix` named in the dictionary; the rest are counted.
const TERM_COLUMNS_NAMED: usize = 5;

/// The data dictionary `tables/README.md`: a title, `notes` (how the files are written) as one
/// paragraph, then for each table its file, what a row is, its row count, when it is written,
/// the options that shaped it with this run's `settings`, and the meaning of every column.
pub(crate) fn data_dictionary(
    tables: &[DictionaryEntry<'_>],
    settings: &[(&'static str, Setting)],
    notes: &[String],
) -> String {
    let mut out = String::from("# Data dictionary\n\n");
    if !notes.is_empty() {
        let _ = writeln!(out, "{}\n", notes.join(" "));
    }
    for entry in tables {
        let output = entry.output;
        let _ = writeln!(out, "## {}\n", file_names(output, settings));
        let _ = writeln!(out, "{}\n", sentence(output.what));
        let _ = writeln!(out, "- Rows: {}", thousands(entry.rows));
        let _ = writeln!(out, "- Written: {}", output.when.condition());
        let options = options_line(output.name(), settings);
        if !options.is_empty() {
            let _ = writeln!(out, "- Options: {options}");
        }
        out.push_str("\n| column | meaning |\n|---|---|\n");
        let columns = column_meanings(output, entry.header);
        let (terms, named): (Vec<&ColumnMeaning<'_>>, Vec<&ColumnMeaning<'_>>) =
            columns.iter().partition(|c| c.declared == MATRIX_TERMS);
        // The metadata columns share one meaning: one line for all of them.
        let metadata =
            |c: &ColumnMeaning<'_>| c.declared == METADATA || c.declared == CONTEXT_METADATA;
        for columns in named.chunk_by(|a, b| metadata(a) && metadata(b)) {
            let names: Vec<String> = columns.iter().map(|c| code(c.name)).collect();
            let _ = writeln!(
                out,
                "| {} | {} |",
                names.join(", "),
                cell(columns[0].meaning.unwrap_or("(not described)"))
            );
        }
        if !terms.is_empty() {
            let _ = writeln!(
                out,
                "| {} | {} |",
                term_columns(&terms),
                cell(placeholder_meaning(MATRIX_TERMS).unwrap_or_default())
            );
        }
        out.push('\n');
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

/// The one line that stands for the term columns of `term_matrix`: how many, the first few.
fn term_columns(terms: &[&ColumnMeaning<'_>]) -> String {
    let n = terms.len();
    let mut names: Vec<String> = terms
        .iter()
        .take(TERM_COLUMNS_NAMED)
        .map(|c| code(c.name))
        .collect();
    if n > TERM_COLUMNS_NAMED {
        names.push("…".into());
    }
    let plural = if n == 1 { "" } else { "s" };
    format!(
        "{} term column{plural}: {}",
        thousands(n as u64),
        names.join(", ")
    )
}

/// The table's file name(s) as this run writes them: `terms.csv`, `terms.parquet`, or both.
fn file_names(output: &Output, settings: &[(&'static str, Setting)]) -> String {
    let csv = output.path.rsplit('/').next().unwrap_or(output.path);
    let parquet = format!("{}.parquet", output.name());
    match setting(settings, "format")
        .map(Setting::to_string)
        .as_deref()
    {
        Some("parquet") => parquet,
        Some("both") => format!("{csv}, {parquet}"),
        _ => csv.to_owned(),
    }
}

/// "min-count = 3, window = 5": the table's options in effect, with this run's values.
fn options_line(table: &str, settings: &[(&'static str, Setting)]) -> String {
    table_options(table)
        .iter()
        .filter(|name| in_effect(name, settings))
        .filter_map(|&name| Some(format!("{name} = {}", setting(settings, name)?)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Whether an option's value mattered in this run: the thresholds of phrases did not when no
/// phrases were joined, nor the window when co-occurrence was counted per sentence or speech.
fn in_effect(name: &str, settings: &[(&'static str, Setting)]) -> bool {
    match name {
        _ if name.starts_with("phrase-min-") => {
            setting(settings, "phrases") != Some(&Setting::Flag(false))
        }
        "window" => setting(settings, "context").is_none_or(|c| c.to_string() == "window"),
        _ => true,
    }
}

fn setting<'s>(settings: &'s [(&'static str, Setting)], name: &str) -> Option<&'s Setting> {
    settings.iter().find(|(n, _)| *n == name).map(|(_, v)| v)
}

/// `what` as a sentence: capitalised, with a full stop.
fn sentence(what: &str) -> String {
    let mut chars = what.chars();
    let mut text: String = match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    };
    if !text.ends_with(['.', '!', '?']) {
        text.push('.');
    }
    text
}

/// A column name in a table cell, as code unless it holds a backtick.
fn code(name: &str) -> String {
    match name.contains('`') {
        true => cell(name),
        false => format!("`{}`", cell(name)),
    }
}

/// Text in a table cell: `|` escaped (also inside code, as GitHub's tables need), on one line.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace(['\n', '\r'], " ")
}

fn table_output(table: &str) -> Option<&'static Output> {
    OUTPUTS.iter().find(|o| o.is_table() && o.name() == table)
}

/// The meaning of a placeholder of [`Output::columns`], or of a column it stands for.
fn placeholder_meaning(placeholder: &str) -> Option<&'static str> {
    Some(match placeholder {
        METADATA | CONTEXT_METADATA => {
            "Metadata of the speech from the corpus: a manifest or CSV column, or the speaker, \
             country_or_org and language_spoken of a UN speech heading (`## Speaker (Country) \
             (spoke in Language):`) where the corpus gives no such column."
        }
        GROUP_COLUMN => {
            "The group: a value of the first --group-by column, after which the column is \
             named; (blank) for speeches without a value."
        }
        ROW_NAME => {
            "What the row is: a speech (doc_id) or, with --group-by, a group (a value of the \
             first grouping column, after which the column is named)."
        }
        MATRIX_TERMS => {
            "The term's per_10k in the row: its count / n_tokens × 10,000. One column per term \
             of the --matrix-terms most frequent in the corpus, most frequent first, named by \
             its label."
        }
        UNIT_PAIR => {
            "The two speeches compared (doc_a, doc_b) or, with --group-by, the grouping column \
             (group_by) and its two groups (group_a, group_b)."
        }
        _ => return None,
    })
}

/// The meaning of a column speechstat names itself: table-specific first where a name means
/// different things in different tables, then the meaning the name has everywhere.
fn known(table: &str, column: &str) -> Option<&'static str> {
    Some(match (table, column) {
        // Sizes and identities.
        (_, DOC_ID) => {
            "The speech's id: its file name without extension (the relative path when two \
             files share a name, name:row for a CSV row), with #n for the n-th speech of a file \
             holding several."
        }
        (_, SOURCE) => "The file the speech was read from (path:line for a CSV row).",
        (_, ENCODING) => {
            "How the file's bytes were decoded: utf-8, utf-8-bom, utf-16le, utf-16be, or \
             windows-1252 for a file that is not valid UTF-8 (the run warns)."
        }
        ("corpus", N_DOCUMENTS) => "Speeches in the corpus.",
        ("groups", N_DOCUMENTS) => "Speeches in the group.",
        ("corpus", N_TOKENS) => {
            "Word tokens of the corpus, stopwords included (punctuation is not a token); a \
             phrase joined by --phrases is one token."
        }
        ("groups", N_TOKENS) => "Word tokens of the group's speeches, stopwords included.",
        ("term_matrix", N_TOKENS) => {
            "Word tokens of the row's speech or group, stopwords included: the denominator of \
             the row's rates."
        }
        (_, N_TOKENS) => {
            "Word tokens of the speech, stopwords included (punctuation is not a token); a \
             phrase joined by --phrases is one token. The denominator of every rate."
        }
        ("corpus", N_TYPES) => {
            "Distinct lowercased word forms of the corpus, stopwords included (a form used in \
             two speeches is one type, so this is not the sum of the speeches' n_types)."
        }
        (_, N_TYPES) => "Distinct lowercased word forms of the speech, stopwords included.",
        (_, N_TERMS) => "Distinct terms counted at least once; stopwords are never terms.",
        ("corpus", N_SENTENCES) => "Sentences of the corpus.",
        (_, N_SENTENCES) => "Sentences of the speech.",
        (_, N_ANNOTATIONS) => {
            "Bracketed annotations such as [Applause] taken out of the text before counting \
             (none with --keep-annotations)."
        }
        (_, N_FOOTER_LINES) => {
            "Lines of page furniture in a printed record (a page number, a UN job number, a \
             meeting-record symbol) taken out before counting."
        }
        (_, MEAN_TOKENS) => "Mean speech length in word tokens: n_tokens / n_documents.",
        (_, MEDIAN_TOKENS) => {
            "Median of the speeches' n_tokens; with an even number of speeches, the mean of \
             the two middle values."
        }

        // Terms and their frequencies.
        ("tokens", TERM) => {
            "What the token is counted under: the Snowball stem of its form, or the form with \
             --no-stem (a stopword's term is shown, but never counted)."
        }
        (_, TERM) => {
            "What tokens are counted under: the Snowball stem of their lowercased form, or the \
             form itself with --no-stem; forms with a digit or / are never stemmed."
        }
        ("collocations" | "collocations_by_group", LABEL) => {
            "The pair's most frequent spelling: two lowercased word forms joined by a space \
             (ties: the alphabetically first)."
        }
        ("collocates", LABEL) => "The collocate's label: its most frequent word form.",
        ("keyness", LABEL) => {
            "The term's most frequent word form in the corpus (for a term only the --reference \
             corpus has, in that corpus); ties: the alphabetically first."
        }
        (_, LABEL) => {
            "The term's most frequent word form in the corpus (ties: the alphabetically \
             first), so a table reads trafficking, not traffick."
        }
        ("terms", COUNT) => "Occurrences of the term in the corpus (non-stopword tokens).",
        ("term_frequency", COUNT) => "Occurrences of the term in the speech.",
        ("terms_by_group", COUNT) => "Occurrences of the term in the group's speeches.",
        ("term_trends", COUNT) => "Occurrences of the term in the period's speeches.",
        ("collocations", COUNT) => {
            "Times term_1 is directly followed by term_2 in a sentence: n_ii of the pair's 2×2 \
             table, whose margins are the two terms' counts and whose total is the corpus's \
             word tokens."
        }
        ("collocations_by_group", COUNT) => {
            "Times term_1 is directly followed by term_2 in a sentence of the group's speeches: \
             n_ii of a 2×2 table of the group's own term counts and word tokens."
        }
        ("cooccurrence" | "collocates", COUNT) => {
            "With --context window: pairs of positions at most --window apart in a sentence, \
             stopwords removed (n_ii = count / (2 × window)); with sentence or document: the \
             sentences or speeches holding both terms (n_ii = count)."
        }
        ("phrases", COUNT) => "Times the two terms occur side by side in a sentence.",
        (_, DOC_FREQ) => "Speeches in which the term is counted at least once (its range).",
        ("terms", PER_10K) => {
            "count / n_tokens × 10,000, n_tokens counting every word token of the corpus, \
             stopwords included."
        }
        ("term_frequency", PER_10K) => {
            "count / n_tokens × 10,000, n_tokens counting every word token of the speech, \
             stopwords included."
        }
        ("terms_by_group", PER_10K) => {
            "count / n_tokens × 10,000 over the group's speeches (summed count over summed \
             word tokens, stopwords included)."
        }
        ("term_trends", PER_10K) => "count / period_tokens × 10,000.",
        (_, TF_IDF) => {
            "(count / n_tokens) × ln(N_docs / doc_freq), natural log, no smoothing (as \
             tidytext and NLTK): 0 for a term used in every speech."
        }

        // Dispersion.
        ("terms_by_group", RANGE) => "Speeches of the group that use the term.",
        ("terms_by_group", DP) => {
            "Gries' DP over the group's speeches: 0.5 × Σ |v_i / f − s_i|, v_i the term's count \
             in speech i, f its total, s_i the speech's share of the group's word tokens."
        }
        (_, DP) => {
            "Gries' DP (deviation of proportions) = 0.5 × Σ |v_i / f − s_i| over the speeches, \
             v_i the term's count in speech i, f its total, s_i the speech's share of all word \
             tokens: 0 when spread as the speeches' sizes, near 1 when in one small speech."
        }
        ("terms_by_group", DP_NORM) => {
            "dp / (1 − the smallest s_i) (Lijffijt & Gries 2012), from 0 to 1; empty for a \
             group of one speech."
        }
        (_, DP_NORM) => {
            "dp / (1 − the smallest s_i) (Lijffijt & Gries 2012), from 0 to 1; empty for a \
             corpus of one speech."
        }

        // Tokens and lines in context.
        ("kwic", SENTENCE) => {
            "0-based index of the keyword's sentence in the speech (counted before --phrases \
             joins)."
        }
        (_, SENTENCE) => "0-based index of the token's sentence in the speech.",
        ("kwic", POSITION) => {
            "0-based index of the keyword's first word token in the speech (counted before \
             --phrases joins)."
        }
        (_, POSITION) => "0-based index of the token among the speech's word tokens.",
        (_, TOKEN) => "The word form: the token lowercased (a joined phrase: two forms).",
        (_, STOPWORD) => {
            "true when the form is on the stopword list: counted in n_tokens, never as a term."
        }
        (_, LEFT) => {
            "Up to --width words before the keyword, cut from the speech's text (casing and \
             punctuation as written, white space as one space)."
        }
        (_, KEYWORD) => "The words that match the --kwic pattern, as written in the speech.",
        (_, RIGHT) => {
            "Up to --width words after the keyword, cut from the speech's text (casing and \
             punctuation as written, white space as one space)."
        }

        // Pairs of terms.
        ("phrases", TERM_1) => "The phrase's first term.",
        ("phrases", TERM_2) => "The phrase's second term.",
        (_, TERM_1) => "The pair's first term, in text order.",
        (_, TERM_2) => "The pair's second term, in text order.",
        (_, TERM_A) => "One term of the pair: the alphabetically first (term_a < term_b).",
        (_, TERM_B) => "The other term of the pair: the alphabetically second.",
        (_, LABEL_A) => "The label (most frequent word form) of term_a.",
        (_, LABEL_B) => "The label (most frequent word form) of term_b.",
        (_, FOCUS) => "The --focus word, by its label.",
        (_, COLLOCATE) => "A term that co-occurs with the focus word (the other term of the pair).",
        (_, PHRASE) => {
            "The phrase as written: the two most frequent word forms of the pair joined by a \
             space, counted as one term from then on."
        }
        (_, PMI) => {
            "Pointwise mutual information, log2(n_ii × n_xx / (n_ix × n_xi)) on the pair's 2×2 \
             table: 0 for independence, positive when the terms attract, negative when they \
             avoid each other."
        }
        (_, NPMI) => {
            "pmi / −log2(n_ii / n_xx) (Bouma 2009), from −1 to 1: 1 when the terms only occur \
             together, 0 for independence, negative when they avoid each other."
        }
        ("keyness", LOG_LIKELIHOOD) => {
            "Dunning's G² = 2 × Σ O × ln(O / E) over the four cells of [[a, b], [c − a, d − b]] \
             (a, b the term's counts and c, d the word tokens of target and reference), no \
             continuity correction; signed: positive when the term is relatively more frequent \
             in the target (over-used), negative when less (under-used)."
        }
        (_, LOG_LIKELIHOOD) => {
            "Dunning's G² = 2 × Σ O × ln(O / E) over the four cells of the pair's 2×2 table (as \
             NLTK and AntConc): large for attraction and avoidance alike, pmi gives the \
             direction."
        }
        (_, T_SCORE) => "(n_ii − n_ix × n_xi / n_xx) / √n_ii: observed minus expected, scaled.",
        ("keyness", CHI2) => {
            "Pearson's chi-square of the same 2×2 table, without Yates' correction, signed like \
             log_likelihood."
        }
        (_, CHI2) => "Pearson's chi-square of the pair's 2×2 table, without Yates' correction.",
        (_, DICE) => "2 × n_ii / (n_ix + n_xi), from 0 to 1.",
        (_, LOG_DICE) => "14 + log2(dice) (Rychlý 2008): at most 14.",

        // Comparisons.
        ("keyness", GROUP_BY) => {
            "The target's grouping: a --group-by column, doc_id when each speech is a target, \
             or corpus for the whole corpus against --reference."
        }
        ("similarity", GROUP_BY) => "The --group-by column whose groups are compared.",
        (_, GROUP_BY) => "The --group-by column.",
        (_, TARGET) => "The target: a speech id, a group (a value of group_by), or corpus.",
        (_, REFERENCE) => {
            "What the target is compared with: rest of corpus, the other speech or group of \
             --compare, or the path of the --reference corpus."
        }
        (_, COUNT_TARGET) => "a: occurrences of the term in the target.",
        (_, COUNT_REFERENCE) => "b: occurrences of the term in the reference.",
        (_, PER_10K_TARGET) => "a / c × 10,000, c = the target's word tokens, stopwords included.",
        (_, PER_10K_REFERENCE) => {
            "b / d × 10,000, d = the reference's word tokens, stopwords included."
        }
        (_, P_VALUE) => {
            "The probability that a chi-square variable with 1 degree of freedom exceeds \
             |log_likelihood|, erfc(√(|G²| / 2)); not corrected for the number of terms tested \
             (see significant)."
        }
        (_, LOG_RATIO) => {
            "log2((a / c) / (b / d)) (Hardie 2014), a zero count taken as 0.5: 1 means twice as \
             frequent in the target, −1 half as frequent."
        }
        (_, PERCENT_DIFF) => {
            "(a / c − b / d) / (b / d) × 100 (Gabrielatos & Marchi 2012); empty when b = 0."
        }
        (_, RANGE_TARGET) => {
            "Speeches of the target that use the term: range 1 means one speech made it key."
        }
        (_, SIGNIFICANT) => {
            "true when p_value < 0.05 / n (Bonferroni), n = the terms tested for this target \
             (those with a + b ≥ --min-count)."
        }
        (_, DOC_A) => "The first speech of the pair (doc_a before doc_b in corpus order).",
        (_, DOC_B) => {
            "The second speech of the pair; beyond 1,000 speeches, one of doc_a's 10 most \
             similar."
        }
        (_, GROUP_A) => "The first group of the pair (a value of group_by).",
        (_, GROUP_B) => "The second group of the pair (a value of group_by).",
        (_, COSINE) => {
            "Cosine of the two tf-idf vectors (stopwords excluded; a group weighted as one long \
             speech with the corpus's idf), from 0 to 1; empty when a vector is all zeros."
        }
        (_, JACCARD) => {
            "Terms used by both / terms used by either (stopwords excluded), from 0 to 1; empty \
             when neither uses any."
        }

        // Profiles: diversity and readability of speeches and groups.
        (_, GROUP) => "The group: a value of the group_by column ((blank) for none).",
        (_, TTR) => "Type-token ratio: distinct lowercased forms / word tokens (V / N).",
        (_, MATTR) => {
            "Moving-average TTR (Covington & McFall 2010): the mean TTR of every window of \
             --mattr-window consecutive tokens; the plain ttr for a shorter speech."
        }
        (_, MATTR_SHORT) => {
            "true when the speech is shorter than --mattr-window tokens, so its mattr is its \
             plain ttr."
        }
        (_, MTLD) => {
            "MTLD (McCarthy & Jarvis 2010): tokens per factor, a factor ending where the running \
             TTR drops below 0.72 (the rest counted in part), the mean of the forward and \
             backward passes; empty when no factor is counted."
        }
        (_, YULES_K) => {
            "Yule's K = 10^4 × (Σ V(i) × (i / N)² − 1 / N), V(i) the forms seen exactly i \
             times: lower is more diverse."
        }
        (_, HERDAN_C) => "Herdan's C = ln V / ln N; empty for a one-token speech.",
        (_, GUIRAUD) => "Guiraud's R = V / √N.",
        (_, STTR) => {
            "Standardized TTR (WordSmith): the mean TTR of consecutive 1,000-token stretches of \
             the group's speeches in corpus order, the last incomplete one left out; empty \
             under 1,000 tokens."
        }
        (_, "ttr_mean") => "Mean of the ttr of the group's speeches.",
        (_, "ttr_median") => "Median of the ttr of the group's speeches.",
        (_, "mattr_mean") => "Mean of the mattr of the group's speeches.",
        (_, "mattr_median") => "Median of the mattr of the group's speeches.",
        (_, "mtld_mean") => "Mean of the mtld of the group's speeches that have one.",
        (_, "mtld_median") => "Median of the mtld of the group's speeches that have one.",
        (_, "yules_k_mean") => "Mean of the yules_k of the group's speeches.",
        (_, "yules_k_median") => "Median of the yules_k of the group's speeches.",
        (_, "herdan_c_mean") => "Mean of the herdan_c of the group's speeches that have one.",
        (_, "herdan_c_median") => "Median of the herdan_c of the group's speeches that have one.",
        (_, "guiraud_mean") => "Mean of the guiraud of the group's speeches.",
        (_, "guiraud_median") => "Median of the guiraud of the group's speeches.",
        ("groups", MEAN_SENTENCE_LENGTH) => {
            "Words per sentence of the group's speeches pooled (summed words over summed \
             sentences); English only."
        }
        (_, MEAN_SENTENCE_LENGTH) => {
            "Words per sentence, words being the word tokens that hold a letter; English only \
             (empty otherwise)."
        }
        ("groups", SYLLABLES_PER_WORD) => {
            "Syllables per word of the group's speeches pooled; English only."
        }
        (_, SYLLABLES_PER_WORD) => {
            "Syllables per word, syllables counted by rule; English only (empty otherwise)."
        }
        ("groups", FLESCH_READING_EASE) => {
            "Flesch reading ease of the group's speeches pooled (summed words, sentences and \
             syllables); English only."
        }
        (_, FLESCH_READING_EASE) => {
            "206.835 − 1.015 × words per sentence − 84.6 × syllables per word (Flesch 1948): \
             higher is easier, 60–70 plain English, under 30 very hard; English only."
        }
        ("groups", FLESCH_KINCAID_GRADE) => {
            "Flesch-Kincaid grade of the group's speeches pooled (summed words, sentences and \
             syllables); English only."
        }
        (_, FLESCH_KINCAID_GRADE) => {
            "0.39 × words per sentence + 11.8 × syllables per word − 15.59 (Kincaid et al. \
             1975): a US school grade; English only."
        }

        // Periods.
        (_, PERIOD) => {
            "The period (--period): a year (1990), five years (1990-1994) or a decade (1990s); \
             a speech's year is the first four-digit number of its time column."
        }
        (_, PERIOD_START) => "The period's first year.",
        (_, PERIOD_TOKENS) => "Word tokens of the period's speeches, stopwords included.",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::Config;

    fn is_placeholder(column: &str) -> bool {
        placeholder_meaning(column).is_some()
    }

    fn output(table: &str) -> &'static Output {
        table_output(table).unwrap()
    }

    fn meanings(output: &Output, header: &[String]) -> Vec<Option<&'static str>> {
        column_meanings(output, header)
            .into_iter()
            .map(|c| c.meaning)
            .collect()
    }

    fn header(names: &[&str]) -> Vec<String> {
        names.iter().map(|n| n.to_string()).collect()
    }

    #[test]
    fn every_declared_column_has_a_meaning_of_a_sentence_or_two() {
        for output in OUTPUTS.iter().filter(|o| o.is_table()) {
            for &column in output.columns.iter().filter(|c| !is_placeholder(c)) {
                let meaning = known(output.name(), column)
                    .unwrap_or_else(|| panic!("{}: {column} has no meaning", output.name()));
                assert_eq!(column_meaning(output.name(), column), Some(meaning));
                assert!(meaning.ends_with('.'), "{column}: {meaning}");
                let sentences = meaning.matches(". ").count() - meaning.matches("al. ").count();
                assert!(sentences < 2, "{column}: {meaning}");
            }
        }
    }

    #[test]
    fn placeholders_stand_for_metadata_groups_and_terms() {
        let metadata = placeholder_meaning(METADATA);
        for output in OUTPUTS.iter().filter(|o| o.is_table()) {
            for &column in output.columns.iter().filter(|c| is_placeholder(c)) {
                assert!(column_meaning(output.name(), column).is_some(), "{column}");
            }
        }
        assert!(metadata.unwrap().contains("manifest or CSV column"));
        assert_eq!(column_meaning("documents", "party"), metadata);
        assert_eq!(column_meaning("kwic", "speaker"), metadata);
        assert_eq!(
            column_meaning("terms_by_group", "party"),
            placeholder_meaning(GROUP_COLUMN)
        );
        assert_eq!(
            column_meaning("term_matrix", "nations"),
            placeholder_meaning(MATRIX_TERMS)
        );
        assert_eq!(column_meaning("terms", "party"), None);
        assert_eq!(column_meaning("nonsense", COUNT), None);
        assert!(column_meaning("similarity", GROUP_A).is_some());
    }

    #[test]
    fn a_name_that_means_different_things_is_explained_per_table() {
        let count = |table| column_meaning(table, COUNT).unwrap();
        let tables = ["terms", "term_frequency", "terms_by_group", "collocations"];
        for (i, a) in tables.iter().enumerate() {
            for b in &tables[i + 1..] {
                assert_ne!(count(a), count(b), "{a} and {b}");
            }
        }
        let signed = column_meaning("keyness", LOG_LIKELIHOOD).unwrap();
        assert!(signed.contains("negative when less"), "{signed}");
        assert_ne!(column_meaning("collocations", LOG_LIKELIHOOD), Some(signed));
        assert!(column_meaning("terms", PER_10K)
            .unwrap()
            .contains("stopwords included"));
        assert!(column_meaning("term_frequency", TF_IDF)
            .unwrap()
            .contains("ln("));
        assert!(column_meaning("documents", MTLD).unwrap().contains("0.72"));
    }

    #[test]
    fn the_header_as_written_is_matched_to_the_declared_columns() {
        let found = meanings(
            output("term_matrix"),
            &header(&["party", N_TOKENS, "nations", "party"]),
        );
        assert_eq!(
            found,
            [
                placeholder_meaning(GROUP_COLUMN),
                known("term_matrix", N_TOKENS),
                placeholder_meaning(MATRIX_TERMS),
                placeholder_meaning(MATRIX_TERMS),
            ]
        );
        let found = meanings(
            output("documents"),
            &header(&[DOC_ID, SOURCE, "year", "speaker", ENCODING, N_TOKENS]),
        );
        assert_eq!(found[2], placeholder_meaning(METADATA));
        assert_eq!(found[3], placeholder_meaning(METADATA));
        assert_eq!(found[4], known("documents", ENCODING));
        let found = meanings(
            output("similarity"),
            &header(&[GROUP_BY, GROUP_A, GROUP_B, COSINE, JACCARD]),
        );
        assert_eq!(found[0], known("similarity", GROUP_BY));
        assert!(found.iter().all(Option::is_some));
    }

    #[test]
    fn every_chart_has_a_caption() {
        for output in OUTPUTS.iter().filter(|o| o.is_chart()) {
            assert!(output.path.starts_with("charts/"), "{}", output.path);
            let caption = chart_caption(output.path)
                .unwrap_or_else(|| panic!("{} has no caption", output.path));
            assert!(caption.ends_with('.'), "{caption}");
        }
        assert_eq!(chart_caption("tables/terms.csv"), None);
        assert!(chart_caption("charts/keyness_<word>.png")
            .unwrap()
            .contains("positive log-likelihood"));
    }

    #[test]
    fn table_options_are_options_of_the_command_line() {
        let settings = Config::default().settings();
        for output in OUTPUTS.iter().filter(|o| o.is_table()) {
            let options = table_options(output.name());
            assert!(options.contains(&"language"), "{}", output.name());
            for option in options {
                assert!(
                    settings.iter().any(|(name, _)| name == option),
                    "{}: {option} is no option",
                    output.name()
                );
            }
        }
        assert!(table_options("nonsense").is_empty());
        assert!(table_options("keyness").contains(&"reference"));
    }

    #[test]
    fn the_dictionary_describes_each_table_with_its_options_and_columns() {
        let settings = Config {
            group_by: vec!["party".into()],
            ..Config::default()
        }
        .settings();
        let terms = header(&[TERM, LABEL, COUNT, DOC_FREQ, PER_10K, DP, DP_NORM]);
        let matrix: Vec<String> = ["party", N_TOKENS]
            .into_iter()
            .map(String::from)
            .chain((0..7).map(|i| format!("term{i}")))
            .collect();
        let documents = header(&[DOC_ID, SOURCE, "a|b", ENCODING]);
        let tables = [
            DictionaryEntry {
                output: output("terms"),
                header: &terms,
                rows: 12_345,
            },
            DictionaryEntry {
                output: output("term_matrix"),
                header: &matrix,
                rows: 2,
            },
            DictionaryEntry {
                output: output("documents"),
                header: &documents,
                rows: 1,
            },
        ];
        let notes = ["CSV for spreadsheets.".to_owned(), "Six digits.".to_owned()];
        let text = data_dictionary(&tables, &settings, &notes);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines[..3],
            ["# Data dictionary", "", "CSV for spreadsheets. Six digits."]
        );
        let at = |line: &str| {
            lines
                .iter()
                .position(|l| *l == line)
                .unwrap_or_else(|| panic!("no line {line:?} in\n{text}"))
        };
        let terms_at = at("## terms.csv");
        assert_eq!(
            lines[terms_at + 2..terms_at + 10],
            [
                sentence(output("terms").what).as_str(),
                "",
                "- Rows: 12,345",
                "- Written: always",
                "- Options: language = en, no-stem = false, stopwords = builtin, \
                 keep-annotations = false, phrases = false",
                "",
                "| column | meaning |",
                "|---|---|",
            ]
        );
        at(&format!("| `count` | {} |", known("terms", COUNT).unwrap()));
        assert!(at("## term_matrix.csv") > terms_at);
        at(
            "- Options: language = en, no-stem = false, stopwords = builtin, \
            keep-annotations = false, phrases = false, group-by = party, matrix-terms = 100",
        );
        at(&format!(
            "| `party` | {} |",
            placeholder_meaning(GROUP_COLUMN).unwrap()
        ));
        at(&format!(
            "| 7 term columns: `term0`, `term1`, `term2`, `term3`, `term4`, … | {} |",
            placeholder_meaning(MATRIX_TERMS).unwrap()
        ));
        assert!(!text.contains("`term5`"));
        at(&format!(
            "| `a\\|b` | {} |",
            placeholder_meaning(METADATA).unwrap()
        ));
        assert_eq!(lines.iter().filter(|l| l.starts_with("## ")).count(), 3);
        assert!(text.ends_with("|\n"));
    }

    #[test]
    fn options_of_a_switch_that_is_off_are_left_out() {
        let settings = vec![
            ("phrases", Setting::Flag(false)),
            ("phrase-min-count", Setting::Integer(10)),
            ("context", Setting::Text("sentence".into())),
            ("window", Setting::Integer(5)),
            ("min-count", Setting::Integer(3)),
            ("format", Setting::Text("both".into())),
        ];
        assert_eq!(
            options_line("cooccurrence", &settings),
            "phrases = false, min-count = 3, context = sentence"
        );
        assert_eq!(
            file_names(output("terms"), &settings),
            "terms.csv, terms.parquet"
        );
    }
}
