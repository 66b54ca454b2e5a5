//! The files that describe a run's tables and charts to a reader: the data dictionary
//! (`tables/README.md`: every column of every table) and the report (`report.html`, and
//! `report.md` to paste into documents: the summary, the options, every chart with its
//! caption, the first rows of every table).

use super::computed::Computed;
use super::dictionary::{data_dictionary, DictionaryEntry};
use super::findings::findings;
use super::outputs::{DATA_DICTIONARY, REPORT_HTML, REPORT_MARKDOWN};
use super::record::{WrittenChart, WrittenTable};
use super::{NamedTarget, Summary};
use crate::columns::thousands;
use crate::error::{Error, Result, Warning};
use crate::output::report::{write_html, write_markdown, Report, ReportChart, ReportTable};
use crate::output::tables::{CsvStyle, TableFormat};
use crate::output::Staging;

/// Writes the data dictionary and the report pages of the tables and charts written.
pub(crate) fn write_descriptions(
    analysis: &Computed,
    tables: &[WrittenTable],
    charts: &[WrittenChart],
    warnings: &[Warning],
    staging: &mut Staging,
) -> Result<()> {
    let settings = analysis.config.settings();
    let entries: Vec<DictionaryEntry<'_>> = tables
        .iter()
        .map(|t| DictionaryEntry {
            output: t.output,
            header: &t.header,
            rows: t.record.rows,
        })
        .collect();
    let notes = format_notes(analysis.config.csv, analysis.config.table_format);
    let path = staging.file(DATA_DICTIONARY)?;
    std::fs::write(&path, data_dictionary(&entries, &settings, &notes))
        .map_err(|e| Error::write(&path, e))?;

    let report_charts: Vec<ReportChart> = charts
        .iter()
        .map(|chart| ReportChart {
            path: chart.path.clone(),
            title: chart.title.clone(),
            caption: chart.output.caption.to_owned(),
        })
        .collect();
    let report = Report {
        title: format!("speechstat: {}", corpus_name(analysis)),
        generated_by: format!("speechstat {}", env!("CARGO_PKG_VERSION")),
        summary: summary_lines(analysis),
        findings: findings(analysis, tables, charts),
        inputs: inputs(analysis),
        options: settings
            .iter()
            .map(|(name, value)| (format!("--{name}"), value.to_string()))
            .collect(),
        warnings: analysis
            .warnings
            .iter()
            .chain(warnings)
            .map(|w| w.to_string())
            .collect(),
        charts: report_charts,
        tables: tables
            .iter()
            .map(|t| ReportTable {
                path: t.record.path.clone(),
                caption: t.output.what.to_owned(),
                header: t.header.clone(),
                rows: t.preview.clone(),
                total_rows: t.record.rows as usize,
            })
            .collect(),
    };
    let html = staging.file(REPORT_HTML)?;
    write_html(&report, &html)?;
    let markdown = staging.file(REPORT_MARKDOWN)?;
    write_markdown(&report, &markdown)
}

/// What the corpus is called in the report's title: the folders or files read.
fn corpus_name(analysis: &Computed) -> String {
    let names: Vec<String> = analysis
        .config
        .inputs
        .iter()
        .map(|p| {
            p.file_name()
                .map_or_else(|| p.display().to_string(), |n| n.to_string_lossy().into())
        })
        .collect();
    match names.is_empty() {
        true => "documents".to_owned(),
        false => names.join(", "),
    }
}

/// The corpus in figures, as the report's summary shows them.
fn summary_lines(analysis: &Computed) -> Vec<(String, String)> {
    let summary = analysis.summary(Vec::new(), Vec::new());
    let mut lines = vec![
        ("Speeches".to_owned(), speeches(&summary)),
        ("Word tokens".to_owned(), thousands(summary.tokens)),
        ("Word types".to_owned(), thousands(summary.types as u64)),
        ("Terms counted".to_owned(), thousands(summary.terms as u64)),
        ("Sentences".to_owned(), thousands(summary.sentences)),
        (
            "Text".to_owned(),
            format!("{:.1} MB", summary.text_bytes as f64 / 1e6),
        ),
    ];
    for grouping in &analysis.groupings {
        lines.push((
            format!("Groups by {}", grouping.groups.column),
            thousands(grouping.groups.len() as u64),
        ));
    }
    for target in &summary.targets {
        lines.push((format!("Target {}", target.name), target_size(target)));
    }
    lines
}

/// "3 speeches, against the rest of the corpus".
fn target_size(target: &NamedTarget) -> String {
    let plural = if target.speeches == 1 { "" } else { "es" };
    format!(
        "{} speech{plural}, against {}",
        thousands(target.speeches as u64),
        target.reference
    )
}

/// The speeches analysed, and of how many when `--where` chose them (`3 of 5,685 where
/// iso3=UKR and year>=2022`).
fn speeches(summary: &Summary) -> String {
    let analysed = thousands(summary.documents as u64);
    match &summary.subset {
        Some(subset) => format!(
            "{analysed} of {} where {}",
            thousands(subset.read as u64),
            subset.conditions.join(" and ")
        ),
        None => analysed,
    }
}

/// What the run read: each input as given with the files read from it, the reference corpus.
fn inputs(analysis: &Computed) -> Vec<String> {
    let files = &analysis.corpus.files;
    let mut lines: Vec<String> = analysis
        .config
        .inputs
        .iter()
        .map(|input| {
            let n = files.iter().filter(|f| f.starts_with(input)).count();
            let plural = if n == 1 { "" } else { "s" };
            format!(
                "{}: {} file{plural} read",
                input.display(),
                thousands(n as u64)
            )
        })
        .collect();
    if let Some(reference) = &analysis.config.reference {
        lines.push(format!(
            "{} (--reference): {} files read",
            reference.display(),
            thousands(analysis.reference_files.len() as u64)
        ));
    }
    lines.push("run.json lists every file read with its size and SHA-256.".into());
    lines
}

/// How the files of this run are formatted, for the data dictionary.
fn format_notes(style: CsvStyle, format: TableFormat) -> Vec<String> {
    let mut notes = Vec::new();
    if format.csv() {
        notes.push(match style {
            CsvStyle::Excel => {
                "CSV files are UTF-8 with a byte-order mark, so Excel and LibreOffice \
                 read accents correctly when the file is double-clicked; fields are separated by \
                 commas and quoted (RFC 4180) only where needed. A text cell that a spreadsheet \
                 would run as a formula (starting with =, +, -, @) starts with an apostrophe."
                    .to_owned()
            }
            CsvStyle::ExcelEu => "CSV files are UTF-8 with a byte-order mark, fields separated by \
                 semicolons and decimal commas, as spreadsheets in most European locales expect. \
                 A text cell that a spreadsheet would run as a formula (starting with =, +, -, @) \
                 starts with an apostrophe."
                .to_owned(),
            CsvStyle::Plain => "CSV files are UTF-8 without byte-order mark, comma-separated, \
                 quoted (RFC 4180) only where needed, text exactly as in the corpus."
                .to_owned(),
        });
        notes.push(
            "Whole numbers are printed as integers; other numbers with six significant digits \
             (as C's %.6g: 0.000190123, 1.23457e+06); an empty cell is a value that is not \
             defined (such as a rate of an empty speech)."
                .to_owned(),
        );
    }
    if format.parquet() {
        notes.push(
            "Parquet files (tables/*.parquet) hold the same columns with their types: whole \
             numbers as unsigned integers, numbers as doubles at full precision, true/false as \
             booleans, text as UTF-8 strings, an undefined value as null; zstd-compressed."
                .to_owned(),
        );
    }
    notes
}
