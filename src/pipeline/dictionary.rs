//! The data dictionary `tables/README.md`: every table a run wrote, what a row is, the options
//! that shaped it, and what each of its columns means, rendered from the output catalogue
//! ([`OUTPUTS`](super::outputs::OUTPUTS)), where each table declares its columns once.

use std::fmt::Write as _;

use super::outputs::OutputInfo;
use super::settings::Setting;
use crate::columns::{thousands, StandsFor, TableColumn, DOC_ID, GROUP_COLUMN, MATRIX_TERMS};

/// A column of a table as written, with what it means.
pub(crate) struct ColumnMeaning<'h> {
    pub name: &'h str,
    /// The declared column it stands for: itself, or a placeholder such as [`MATRIX_TERMS`];
    /// none for a column the table does not declare.
    pub declared: Option<TableColumn>,
    pub meaning: Option<&'static str>,
}

/// The meaning of each column of `header` (a table's columns as written, placeholders
/// expanded), matched against the declared columns in order: a declared name matches itself,
/// and the columns between two declared names belong to the placeholder before them (one
/// column for the grouping column and the row name, any number for the others). So the
/// grouping column of `term_matrix` is not read as a term, as a match by name alone would.
pub(crate) fn column_meanings<'h>(
    output: &OutputInfo,
    header: &'h [String],
) -> Vec<ColumnMeaning<'h>> {
    let specs = output.columns;
    let mut next = 0;
    header
        .iter()
        .map(|name| {
            let found = specs[next.min(specs.len())..]
                .iter()
                .position(|s| s.name == name && !s.is_placeholder());
            let declared = match found {
                Some(offset) => {
                    next += offset + 1;
                    Some(specs[next - 1])
                }
                None => match specs.get(next).copied() {
                    // The columns of a unit pair, then those of a measure: the set from
                    // `next` on that names this one.
                    Some(spec)
                        if spec.is_named_set()
                            && spec.named(name).is_none()
                            && specs[next..]
                                .iter()
                                .any(|s| s.is_named_set() && s.named(name).is_some()) =>
                    {
                        next += specs[next..]
                            .iter()
                            .position(|s| s.is_named_set() && s.named(name).is_some())
                            .unwrap_or(0);
                        Some(specs[next])
                    }
                    Some(spec) if spec.is_placeholder() => {
                        if matches!(spec.stands_for, StandsFor::GroupColumn | StandsFor::RowName) {
                            next += 1;
                        }
                        Some(spec)
                    }
                    _ => None,
                },
            };
            let meaning = match declared {
                Some(spec) => match spec.stands_for {
                    StandsFor::RowName if name == DOC_ID.name => Some(DOC_ID.meaning),
                    StandsFor::RowName => Some(GROUP_COLUMN.meaning),
                    StandsFor::UnitPair(_) | StandsFor::Scores(_) => {
                        spec.named(name).map(|c| c.meaning)
                    }
                    _ => Some(spec.meaning),
                },
                None => output.column(name).map(|c| c.meaning),
            };
            ColumnMeaning {
                name,
                declared,
                meaning,
            }
        })
        .collect()
}

/// One table of a run, for [`data_dictionary`].
pub(crate) struct DictionaryEntry<'a> {
    pub output: &'static OutputInfo,
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
        let _ = writeln!(out, "{}\n", output.description());
        let _ = writeln!(out, "- Rows: {}", thousands(entry.rows));
        let _ = writeln!(out, "- Written: {}", output.when.condition());
        let options = options_line(output, settings);
        if !options.is_empty() {
            let _ = writeln!(out, "- Options: {options}");
        }
        out.push_str("\n| column | meaning |\n|---|---|\n");
        let columns = column_meanings(output, entry.header);
        let stands_for = |c: &ColumnMeaning<'_>| c.declared.map(|d| d.stands_for);
        let (terms, named): (Vec<&ColumnMeaning<'_>>, Vec<&ColumnMeaning<'_>>) = columns
            .iter()
            .partition(|c| stands_for(c) == Some(StandsFor::MatrixTerms));
        // The metadata columns share one meaning: one line for all of them.
        let metadata = |c: &ColumnMeaning<'_>| stands_for(c) == Some(StandsFor::Metadata);
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
                cell(MATRIX_TERMS.meaning)
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
fn file_names(output: &OutputInfo, settings: &[(&'static str, Setting)]) -> String {
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
fn options_line(output: &OutputInfo, settings: &[(&'static str, Setting)]) -> String {
    output
        .options
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::columns;
    use crate::pipeline::outputs::OUTPUTS;
    use crate::pipeline::Config;

    fn output(table: &str) -> &'static OutputInfo {
        OUTPUTS
            .iter()
            .find(|o| o.is_table() && o.name() == table)
            .unwrap()
    }

    fn meanings(output: &OutputInfo, header: &[String]) -> Vec<Option<&'static str>> {
        column_meanings(output, header)
            .into_iter()
            .map(|c| c.meaning)
            .collect()
    }

    fn header(names: &[&str]) -> Vec<String> {
        names.iter().map(|n| n.to_string()).collect()
    }

    #[test]
    fn the_header_as_written_is_matched_to_the_declared_columns() {
        let found = meanings(
            output("term_matrix"),
            &header(&["party", "n_tokens", "nations", "party"]),
        );
        let n_tokens = output("term_matrix").column("n_tokens").unwrap().meaning;
        assert_ne!(n_tokens, columns::N_TOKENS.meaning);
        assert_eq!(
            found,
            [
                Some(GROUP_COLUMN.meaning),
                Some(n_tokens),
                Some(MATRIX_TERMS.meaning),
                Some(MATRIX_TERMS.meaning),
            ]
        );
        let found = meanings(
            output("term_matrix"),
            &header(&["doc_id", "n_tokens", "nations"]),
        );
        assert_eq!(found[0], Some(DOC_ID.meaning));
        let found = meanings(
            output("documents"),
            &header(&[
                "doc_id", "source", "year", "speaker", "encoding", "n_tokens",
            ]),
        );
        assert_eq!(found[2], Some(columns::METADATA.meaning));
        assert_eq!(found[3], Some(columns::METADATA.meaning));
        assert_eq!(found[4], Some(columns::ENCODING.meaning));
        let found = meanings(
            output("similarity"),
            &header(&["group_by", "group_a", "group_b", "cosine", "jaccard"]),
        );
        assert!(found[0].unwrap().contains("whose groups are compared"));
        assert_eq!(found[1], Some(columns::GROUP_A.meaning));
        assert!(found.iter().all(Option::is_some));
    }

    #[test]
    fn the_dictionary_describes_each_table_with_its_options_and_columns() {
        let settings = Config {
            group_by: vec!["party".into()],
            ..Config::default()
        }
        .settings();
        let terms = header(&[
            "term", "label", "count", "doc_freq", "per_10k", "dp", "dp_norm",
        ]);
        let matrix: Vec<String> = ["party", "n_tokens"]
            .into_iter()
            .map(String::from)
            .chain((0..7).map(|i| format!("term{i}")))
            .collect();
        let documents = header(&["doc_id", "source", "a|b", "encoding"]);
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
                output("terms").description().as_str(),
                "",
                "- Rows: 12,345",
                "- Written: always",
                "- Options: language = en, no-stem = false, stopwords = builtin, stopwords-add = (none), \
                 keep-annotations = false, phrases = false",
                "",
                "| column | meaning |",
                "|---|---|",
            ]
        );
        at(&format!("| `count` | {} |", columns::COUNT.meaning));
        assert!(at("## term_matrix.csv") > terms_at);
        at(
            "- Options: language = en, no-stem = false, stopwords = builtin, stopwords-add = (none), \
            keep-annotations = false, phrases = false, group-by = party, matrix-terms = 100",
        );
        at(&format!("| `party` | {} |", GROUP_COLUMN.meaning));
        at(&format!(
            "| 7 term columns: `term0`, `term1`, `term2`, `term3`, `term4`, … | {} |",
            MATRIX_TERMS.meaning
        ));
        assert!(!text.contains("`term5`"));
        at(&format!("| `a\\|b` | {} |", columns::METADATA.meaning));
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
            options_line(output("cooccurrence"), &settings),
            "phrases = false, min-count = 3, context = sentence"
        );
        assert_eq!(
            file_names(output("terms"), &settings),
            "terms.csv, terms.parquet"
        );
    }
}
