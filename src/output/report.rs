//! The report page: one HTML file (`report.html`) that opens offline in any browser, and its
//! Markdown twin (`report.md`) to paste into documents. Both lead with the run's summary and
//! what stands out in the results (each finding linked to its chart and table), then show
//! every chart (by a path relative to the output folder, so the folder can be zipped and
//! sent) and the first rows of every table, and end with the options, the inputs and the
//! warnings (folded away in HTML).
//!
//! The page is plain HTML5 with an inline style sheet: no script, no fonts or anything else
//! from the network. Every text is escaped, since corpus text may hold anything.
#![allow(dead_code)]

use std::fmt::Write as _;
use std::path::Path;

use crate::error::{Error, Result};

/// What the report shows; the caller fills it, the writers only lay it out.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Report {
    /// The page's heading, e.g. "speechstat: us_sotu_1790_2026".
    pub title: String,
    /// Program, version and time, e.g. "speechstat 0.1.0, 2026-12-01 17:00 UTC"; may be empty.
    pub generated_by: String,
    /// Pairs of a measure and its value as printed: ("Speeches", "249").
    pub summary: Vec<(String, String)>,
    /// What stands out in the results, most telling first.
    pub findings: Vec<Finding>,
    /// Pairs of an option and its value: ("--group-by", "party").
    pub options: Vec<(String, String)>,
    /// What was read, one line each ("corpus: 23 files").
    pub inputs: Vec<String>,
    /// The run's warnings, one line each.
    pub warnings: Vec<String>,
    /// The charts, in the order shown.
    pub charts: Vec<ReportChart>,
    /// The tables, in the order shown.
    pub tables: Vec<ReportTable>,
}

/// Something the results show, for "What stands out": a heading, a note on how to read it, a
/// line per item, and the charts and tables it comes from.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Finding {
    pub heading: String,
    /// How the lines were chosen and what their numbers are; may be empty.
    pub note: String,
    pub lines: Vec<FindingLine>,
    /// Files of the output folder it comes from ('/'-separated, relative): a chart or a table
    /// of the report links to its section.
    pub sources: Vec<String>,
}

/// One item of a finding: what it is about (shown in bold) and what was found.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FindingLine {
    pub lead: String,
    pub text: String,
}

/// A chart of the report.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ReportChart {
    /// The PNG file, relative to the output folder, '/'-separated: "charts/top_terms.png".
    pub path: String,
    /// The chart's title, also its image's alternative text.
    pub title: String,
    /// What the chart shows: the statistic and its convention.
    pub caption: String,
}

/// A table of the report: its first rows and a link to the whole CSV file.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ReportTable {
    /// The CSV file, relative to the output folder, '/'-separated: "tables/terms.csv".
    pub path: String,
    /// What the table holds.
    pub caption: String,
    /// The column names.
    pub header: Vec<String>,
    /// The first rows, cells as printed in the CSV file.
    pub rows: Vec<Vec<String>>,
    /// How many rows the whole table has.
    pub total_rows: usize,
}

/// Writes the report as one HTML page at `path` (normally `report.html` in the output folder).
pub(crate) fn write_html(report: &Report, path: &Path) -> Result<()> {
    let page = html(report).map_err(|message| Error::Output {
        path: path.to_path_buf(),
        message,
    })?;
    std::fs::write(path, page).map_err(|e| Error::write(path, e))
}

/// Writes the report's Markdown twin at `path` (normally `report.md` in the output folder).
pub(crate) fn write_markdown(report: &Report, path: &Path) -> Result<()> {
    let text = markdown(report).map_err(|message| Error::Output {
        path: path.to_path_buf(),
        message,
    })?;
    std::fs::write(path, text).map_err(|e| Error::write(path, e))
}

/// The style sheet: readable on a screen and printed on A4, with system fonts only.
const STYLE: &str = "\
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
  line-height: 1.45; color: #1f2328; background: #fff; max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.7rem; margin: 0 0 .25rem; overflow-wrap: anywhere; }
h2 { font-size: 1.3rem; margin: 2rem 0 .6rem; padding-bottom: .2rem; border-bottom: 1px solid #d0d7de; }
h3 { font-size: 1.08rem; margin: 1.6rem 0 .4rem; overflow-wrap: anywhere; }
p.generated { color: #59636e; margin: 0 0 1rem; }
a { color: #0550ae; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, 'Liberation Mono', monospace; font-size: .92em; }
table { border-collapse: collapse; font-size: .9rem; font-variant-numeric: tabular-nums; }
th, td { border: 1px solid #d0d7de; padding: .25rem .5rem; text-align: left; vertical-align: top;
  overflow-wrap: anywhere; }
thead th { background: #f6f8fa; }
tbody tr:nth-child(even) td { background: #fbfcfd; }
th[scope=row] { background: #f6f8fa; font-weight: 600; }
.num { text-align: right; white-space: nowrap; }
.scroll { overflow-x: auto; max-width: 100%; }
.scroll th, .scroll td { white-space: nowrap; overflow-wrap: normal; }
.warnings { background: #fff8c5; border: 1px solid #d4a72c; border-radius: 6px; padding: .2rem 1rem .6rem; }
.warnings h2 { border-bottom: none; margin-top: .8rem; }
figure { margin: 1rem 0 2rem; page-break-inside: avoid; break-inside: avoid; }
img { max-width: 100%; height: auto; display: block; border: 1px solid #d0d7de; box-sizing: border-box; }
figcaption, p.caption { color: #303840; font-size: .92rem; margin-top: .4rem; }
p.rows { color: #59636e; font-size: .88rem; margin: .3rem 0; }
nav ol { padding-left: 1.4rem; }
table.summary th, table.summary td { white-space: nowrap; }
#findings h3 { margin-top: 1.1rem; }
#findings ul { margin: .3rem 0; padding-left: 1.3rem; }
#findings li { margin: .15rem 0; overflow-wrap: anywhere; }
p.note { color: #303840; font-size: .92rem; margin: .2rem 0; }
p.sources { color: #59636e; font-size: .88rem; margin: .2rem 0 .8rem; }
details.run { margin-top: 2.5rem; border-top: 1px solid #d0d7de; padding-top: .5rem; }
details.run > summary { font-size: 1.3rem; font-weight: 600; cursor: pointer; }
nav li { margin: .1rem 0; }
@page { size: A4; margin: 15mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  a { color: inherit; }
  .scroll { overflow: visible; }
  .scroll th, .scroll td { white-space: normal; overflow-wrap: break-word; }
  table { font-size: 8pt; }
  thead { display: table-header-group; }
  tr, figure, .warnings { page-break-inside: avoid; break-inside: avoid; }
  h2, h3 { page-break-after: avoid; break-after: avoid; }
}
";

/// The HTML page, or what is wrong with the report's paths.
fn html(report: &Report) -> std::result::Result<String, String> {
    check_paths(report)?;
    let ids = Ids::new(report);
    let mut out = String::with_capacity(16 * 1024);
    // Writing to a String cannot fail.
    let w = &mut out;
    let _ = writeln!(w, "<!DOCTYPE html>");
    let _ = writeln!(w, "<html lang=\"en\">");
    let _ = writeln!(w, "<head>");
    let _ = writeln!(w, "<meta charset=\"utf-8\">");
    let _ = writeln!(
        w,
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    );
    if !report.generated_by.is_empty() {
        let _ = writeln!(
            w,
            "<meta name=\"generator\" content=\"{}\">",
            esc(&report.generated_by)
        );
    }
    let _ = writeln!(w, "<title>{}</title>", esc(&report.title));
    let _ = writeln!(w, "<style>\n{STYLE}</style>");
    let _ = writeln!(w, "</head>");
    let _ = writeln!(w, "<body>");

    let _ = writeln!(w, "<header>");
    let _ = writeln!(w, "<h1>{}</h1>", esc(&report.title));
    if !report.generated_by.is_empty() {
        let _ = writeln!(
            w,
            "<p class=\"generated\">Made by {}</p>",
            esc(&report.generated_by)
        );
    }
    let _ = writeln!(w, "</header>");
    let _ = writeln!(w, "<main>");

    if !report.summary.is_empty() {
        let _ = writeln!(w, "<section id=\"summary\">");
        let _ = writeln!(w, "<h2>Summary</h2>");
        let _ = writeln!(w, "<div class=\"scroll\">");
        let _ = writeln!(w, "<table class=\"summary\">");
        let _ = write!(w, "<thead><tr>");
        for (name, _) in &report.summary {
            let _ = write!(w, "<th scope=\"col\">{}</th>", esc(name));
        }
        let _ = writeln!(w, "</tr></thead>");
        let _ = write!(w, "<tbody><tr>");
        for (_, value) in &report.summary {
            let _ = write!(w, "{}", html_cell(value));
        }
        let _ = writeln!(w, "</tr></tbody>");
        let _ = writeln!(w, "</table>");
        let _ = writeln!(w, "</div>");
        let _ = writeln!(w, "</section>");
    }

    if !report.findings.is_empty() {
        let _ = writeln!(w, "<section id=\"findings\">");
        let _ = writeln!(w, "<h2>What stands out</h2>");
        for finding in &report.findings {
            html_finding(w, finding, report, &ids);
        }
        let _ = writeln!(w, "</section>");
    }

    if !report.charts.is_empty() || !report.tables.is_empty() {
        let _ = writeln!(w, "<nav id=\"contents\">");
        let _ = writeln!(w, "<h2>Contents</h2>");
        let _ = writeln!(w, "<ol>");
        for (chart, id) in report.charts.iter().zip(&ids.charts) {
            let _ = writeln!(
                w,
                "<li><a href=\"#{id}\">{}</a></li>",
                esc(title_or_path(&chart.title, &chart.path))
            );
        }
        for (table, id) in report.tables.iter().zip(&ids.tables) {
            let _ = writeln!(
                w,
                "<li><a href=\"#{id}\">Table <code>{}</code></a></li>",
                esc(&table.path)
            );
        }
        let _ = writeln!(w, "</ol>");
        let _ = writeln!(w, "</nav>");
    }

    if !report.charts.is_empty() {
        let _ = writeln!(w, "<section id=\"charts\">");
        let _ = writeln!(w, "<h2>Charts</h2>");
        for (chart, id) in report.charts.iter().zip(&ids.charts) {
            let href = esc(&url_path(&chart.path));
            let title = esc(title_or_path(&chart.title, &chart.path));
            let _ = writeln!(w, "<section id=\"{id}\">");
            let _ = writeln!(w, "<h3>{title}</h3>");
            let _ = writeln!(w, "<figure>");
            let _ = writeln!(
                w,
                "<a href=\"{href}\"><img src=\"{href}\" alt=\"{title}\"></a>"
            );
            let _ = write!(w, "<figcaption>");
            if !chart.caption.is_empty() {
                let _ = write!(w, "{} ", esc(&chart.caption));
            }
            let _ = writeln!(
                w,
                "File: <a href=\"{href}\"><code>{}</code></a></figcaption>",
                esc(&chart.path)
            );
            let _ = writeln!(w, "</figure>");
            let _ = writeln!(w, "</section>");
        }
        let _ = writeln!(w, "</section>");
    }

    if !report.tables.is_empty() {
        let _ = writeln!(w, "<section id=\"tables\">");
        let _ = writeln!(w, "<h2>Tables</h2>");
        for (table, id) in report.tables.iter().zip(&ids.tables) {
            html_table(w, table, id);
        }
        let _ = writeln!(w, "</section>");
    }

    html_run(w, report);
    let _ = writeln!(w, "</main>");
    let _ = writeln!(w, "</body>");
    let _ = writeln!(w, "</html>");
    Ok(out)
}

/// One finding: its heading, note, lines, and links to the sections (or files) it comes
/// from.
fn html_finding(w: &mut String, finding: &Finding, report: &Report, ids: &Ids) {
    let _ = writeln!(w, "<h3>{}</h3>", esc(&finding.heading));
    if !finding.note.is_empty() {
        let _ = writeln!(w, "<p class=\"note\">{}</p>", esc(&finding.note));
    }
    let _ = writeln!(w, "<ul>");
    for line in &finding.lines {
        let _ = writeln!(
            w,
            "<li><strong>{}</strong> {}</li>",
            esc(&line.lead),
            esc(&line.text)
        );
    }
    let _ = writeln!(w, "</ul>");
    if !finding.sources.is_empty() {
        let links: Vec<String> = finding
            .sources
            .iter()
            .map(|path| {
                let href = match ids.of(report, path) {
                    Some(id) => format!("#{id}"),
                    None => url_path(path),
                };
                format!("<a href=\"{}\"><code>{}</code></a>", esc(&href), esc(path))
            })
            .collect();
        let _ = writeln!(w, "<p class=\"sources\">See {}</p>", links.join(", "));
    }
}

/// The options, the inputs and the warnings, folded away at the end of the page.
fn html_run(w: &mut String, report: &Report) {
    let warnings = match report.warnings.len() {
        0 => String::new(),
        n => format!(" ({n} warning{})", if n == 1 { "" } else { "s" }),
    };
    let _ = writeln!(w, "<details class=\"run\" id=\"run\">");
    let _ = writeln!(
        w,
        "<summary>Options, inputs and warnings{}</summary>",
        esc(&warnings)
    );
    let _ = writeln!(w, "<section id=\"options\">");
    let _ = writeln!(w, "<h2>Options</h2>");
    if report.options.is_empty() {
        let _ = writeln!(w, "<p>The defaults: no options given.</p>");
    } else {
        let _ = writeln!(w, "<table class=\"options\">");
        let _ = writeln!(w, "<tbody>");
        for (name, value) in &report.options {
            let _ = writeln!(
                w,
                "<tr><th scope=\"row\"><code>{}</code></th><td><code>{}</code></td></tr>",
                esc(name),
                esc(value)
            );
        }
        let _ = writeln!(w, "</tbody>");
        let _ = writeln!(w, "</table>");
    }
    let _ = writeln!(w, "</section>");
    if !report.inputs.is_empty() {
        let _ = writeln!(w, "<section id=\"inputs\">");
        let _ = writeln!(w, "<h2>Inputs</h2>");
        let _ = writeln!(w, "<ul>");
        for input in &report.inputs {
            let _ = writeln!(w, "<li>{}</li>", esc(input));
        }
        let _ = writeln!(w, "</ul>");
        let _ = writeln!(w, "</section>");
    }
    if !report.warnings.is_empty() {
        let _ = writeln!(w, "<section id=\"warnings\" class=\"warnings\">");
        let _ = writeln!(w, "<h2>Warnings ({})</h2>", report.warnings.len());
        let _ = writeln!(w, "<ul>");
        for warning in &report.warnings {
            let _ = writeln!(w, "<li>{}</li>", esc(warning));
        }
        let _ = writeln!(w, "</ul>");
        let _ = writeln!(w, "</section>");
    }
    let _ = writeln!(w, "</details>");
}

/// One table's section: heading, caption, row count with the link, and the first rows.
fn html_table(w: &mut String, table: &ReportTable, id: &str) {
    let href = esc(&url_path(&table.path));
    let _ = writeln!(w, "<section id=\"{id}\">");
    let _ = writeln!(w, "<h3><code>{}</code></h3>", esc(&table.path));
    if !table.caption.is_empty() {
        let _ = writeln!(w, "<p class=\"caption\">{}</p>", esc(&table.caption));
    }
    let _ = writeln!(
        w,
        "<p class=\"rows\">{}; the whole table: <a href=\"{href}\"><code>{}</code></a></p>",
        esc(&rows_shown(table)),
        esc(&table.path)
    );
    let columns = column_count(table);
    if columns > 0 && !(table.header.is_empty() && table.rows.is_empty()) {
        let numeric = numeric_columns(table, columns);
        let _ = writeln!(w, "<div class=\"scroll\">");
        let _ = writeln!(w, "<table>");
        let _ = writeln!(w, "<thead>");
        let _ = write!(w, "<tr>");
        for (column, is_number) in numeric.iter().enumerate() {
            let name = table.header.get(column).map_or("", String::as_str);
            let class = if *is_number { " class=\"num\"" } else { "" };
            let _ = write!(w, "<th scope=\"col\"{class}>{}</th>", esc(name));
        }
        let _ = writeln!(w, "</tr>");
        let _ = writeln!(w, "</thead>");
        let _ = writeln!(w, "<tbody>");
        for row in &table.rows {
            let _ = write!(w, "<tr>");
            for column in 0..columns {
                let cell = row.get(column).map_or("", String::as_str);
                let _ = write!(w, "{}", html_cell(cell));
            }
            let _ = writeln!(w, "</tr>");
        }
        let _ = writeln!(w, "</tbody>");
        let _ = writeln!(w, "</table>");
        let _ = writeln!(w, "</div>");
    }
    let _ = writeln!(w, "</section>");
}

/// A data cell, right-aligned when it holds a number.
fn html_cell(text: &str) -> String {
    if is_number(text) {
        format!("<td class=\"num\">{}</td>", esc(text))
    } else {
        format!("<td>{}</td>", esc(text))
    }
}

/// The Markdown twin, or what is wrong with the report's paths.
fn markdown(report: &Report) -> std::result::Result<String, String> {
    check_paths(report)?;
    let mut out = String::with_capacity(16 * 1024);
    let w = &mut out;
    let _ = writeln!(w, "# {}", md_line(&report.title));
    let _ = writeln!(w);
    if !report.generated_by.is_empty() {
        let _ = writeln!(w, "Made by {}", md_line(&report.generated_by));
        let _ = writeln!(w);
    }

    if !report.summary.is_empty() {
        let _ = writeln!(w, "## Summary");
        let _ = writeln!(w);
        let rows: Vec<Vec<String>> = report
            .summary
            .iter()
            .map(|(name, value)| vec![md_line(name), md_line(value)])
            .collect();
        let numeric = vec![false, report.summary.iter().all(|(_, v)| is_number(v))];
        md_table(
            w,
            &["Measure".to_string(), "Value".to_string()],
            &rows,
            &numeric,
        );
        let _ = writeln!(w);
    }

    if !report.findings.is_empty() {
        let _ = writeln!(w, "## What stands out");
        let _ = writeln!(w);
        for finding in &report.findings {
            let _ = writeln!(w, "### {}", md_line(&finding.heading));
            let _ = writeln!(w);
            if !finding.note.is_empty() {
                let _ = writeln!(w, "{}", md_para(&finding.note));
                let _ = writeln!(w);
            }
            for line in &finding.lines {
                let _ = writeln!(w, "- **{}** {}", md_line(&line.lead), md_line(&line.text));
            }
            let _ = writeln!(w);
            if !finding.sources.is_empty() {
                let links: Vec<String> = finding
                    .sources
                    .iter()
                    .map(|path| format!("[{}]({})", md_line(path), url_path(path)))
                    .collect();
                let _ = writeln!(w, "See {}", links.join(", "));
                let _ = writeln!(w);
            }
        }
    }

    if !report.charts.is_empty() || !report.tables.is_empty() {
        let _ = writeln!(w, "## Contents");
        let _ = writeln!(w);
        let mut n = 0;
        for chart in &report.charts {
            n += 1;
            let _ = writeln!(
                w,
                "{n}. [{}]({})",
                md_line(title_or_path(&chart.title, &chart.path)),
                url_path(&chart.path)
            );
        }
        for table in &report.tables {
            n += 1;
            let _ = writeln!(
                w,
                "{n}. Table [{}]({})",
                md_line(&table.path),
                url_path(&table.path)
            );
        }
        let _ = writeln!(w);
    }

    if !report.charts.is_empty() {
        let _ = writeln!(w, "## Charts");
        let _ = writeln!(w);
        for chart in &report.charts {
            let title = md_line(title_or_path(&chart.title, &chart.path));
            let url = url_path(&chart.path);
            let _ = writeln!(w, "### {title}");
            let _ = writeln!(w);
            let _ = writeln!(w, "![{title}]({url})");
            let _ = writeln!(w);
            if !chart.caption.is_empty() {
                let _ = write!(w, "{} ", md_para(&chart.caption));
            }
            let _ = writeln!(w, "File: [{}]({url})", md_line(&chart.path));
            let _ = writeln!(w);
        }
    }

    if !report.tables.is_empty() {
        let _ = writeln!(w, "## Tables");
        let _ = writeln!(w);
        for table in &report.tables {
            let url = url_path(&table.path);
            let _ = writeln!(w, "### {}", md_line(&table.path));
            let _ = writeln!(w);
            if !table.caption.is_empty() {
                let _ = writeln!(w, "{}", md_para(&table.caption));
                let _ = writeln!(w);
            }
            let _ = writeln!(
                w,
                "{}; the whole table: [{}]({url})",
                md_line(&rows_shown(table)),
                md_line(&table.path)
            );
            let _ = writeln!(w);
            let columns = column_count(table);
            if columns > 0 && !(table.header.is_empty() && table.rows.is_empty()) {
                let header: Vec<String> = (0..columns)
                    .map(|c| md_line(table.header.get(c).map_or("", String::as_str)))
                    .collect();
                let rows: Vec<Vec<String>> = table
                    .rows
                    .iter()
                    .map(|row| row.iter().map(|cell| md_line(cell)).collect())
                    .collect();
                md_table(w, &header, &rows, &numeric_columns(table, columns));
                let _ = writeln!(w);
            }
        }
    }
    let _ = writeln!(w, "## Options, inputs and warnings");
    let _ = writeln!(w);
    let _ = writeln!(w, "### Options");
    let _ = writeln!(w);
    if report.options.is_empty() {
        let _ = writeln!(w, "The defaults: no options given.");
    } else {
        let rows: Vec<Vec<String>> = report
            .options
            .iter()
            .map(|(name, value)| vec![md_code(name), md_code(value)])
            .collect();
        md_table(
            w,
            &["Option".to_string(), "Value".to_string()],
            &rows,
            &[false, false],
        );
    }
    let _ = writeln!(w);

    if !report.inputs.is_empty() {
        let _ = writeln!(w, "### Inputs");
        let _ = writeln!(w);
        for input in &report.inputs {
            let _ = writeln!(w, "- {}", md_line(input));
        }
        let _ = writeln!(w);
    }

    if !report.warnings.is_empty() {
        let _ = writeln!(w, "### Warnings ({})", report.warnings.len());
        let _ = writeln!(w);
        for warning in &report.warnings {
            let _ = writeln!(w, "- {}", md_line(warning));
        }
        let _ = writeln!(w);
    }

    // One newline at the end, not two.
    while out.ends_with("\n\n") {
        out.pop();
    }
    Ok(out)
}

/// A pipe table of cells already made into Markdown; `|` in them is escaped here. Rows shorter
/// than the header are padded with empty cells, so every line has `columns + 1` pipes.
fn md_table(w: &mut String, header: &[String], rows: &[Vec<String>], numeric: &[bool]) {
    fn line<'a>(w: &mut String, cells: impl Iterator<Item = &'a str>) {
        let _ = write!(w, "|");
        for cell in cells {
            let cell = md_pipes(cell);
            if cell.is_empty() {
                let _ = write!(w, " |");
            } else {
                let _ = write!(w, " {cell} |");
            }
        }
        let _ = writeln!(w);
    }
    let columns = header.len();
    line(w, header.iter().map(String::as_str));
    let _ = write!(w, "|");
    for column in 0..columns {
        let right = numeric.get(column).copied().unwrap_or(false);
        let _ = write!(w, "{}", if right { " ---: |" } else { " --- |" });
    }
    let _ = writeln!(w);
    for row in rows {
        line(
            w,
            (0..columns).map(|c| row.get(c).map_or("", String::as_str)),
        );
    }
}

/// Refuses chart and table paths that would not be relative links inside the output folder:
/// a zipped folder must still show its images.
fn check_paths(report: &Report) -> std::result::Result<(), String> {
    let paths = report
        .charts
        .iter()
        .map(|c| &c.path)
        .chain(report.tables.iter().map(|t| &t.path))
        .chain(report.findings.iter().flat_map(|f| &f.sources));
    for path in paths {
        if !is_relative_inside(path) {
            return Err(format!(
                "report: {path:?} is not a '/'-separated path inside the output folder"
            ));
        }
    }
    Ok(())
}

/// A non-empty path with no scheme, no leading '/', no '\\', and no '.' or '..' parts.
fn is_relative_inside(path: &str) -> bool {
    !path.is_empty()
        && !path.starts_with('/')
        && !path.contains('\\')
        && !path.contains(':')
        && path
            .split('/')
            .all(|part| !part.is_empty() && part != "." && part != "..")
}

/// Anchor ids of the chart and table sections, from their file names, unique in the page.
struct Ids {
    charts: Vec<String>,
    tables: Vec<String>,
}

impl Ids {
    fn new(report: &Report) -> Ids {
        let mut taken = std::collections::HashSet::new();
        let mut unique = |prefix: &str, path: &str| {
            let stem = path.rsplit('/').next().unwrap_or(path);
            let stem = stem.rsplit_once('.').map_or(stem, |(stem, _)| stem);
            let slug: String = stem
                .chars()
                .map(|c| {
                    if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                        c.to_ascii_lowercase()
                    } else {
                        '-'
                    }
                })
                .collect();
            let base = format!("{prefix}-{slug}");
            let mut id = base.clone();
            let mut n = 1;
            while !taken.insert(id.clone()) {
                n += 1;
                id = format!("{base}-{n}");
            }
            id
        };
        let charts = report
            .charts
            .iter()
            .map(|c| unique("chart", &c.path))
            .collect();
        let tables = report
            .tables
            .iter()
            .map(|t| unique("table", &t.path))
            .collect();
        Ids { charts, tables }
    }

    /// The id of the section of the chart or table at `path`, if the report shows it.
    fn of(&self, report: &Report, path: &str) -> Option<&str> {
        let chart = report.charts.iter().position(|c| c.path == path);
        let table = report.tables.iter().position(|t| t.path == path);
        match (chart, table) {
            (Some(i), _) => Some(&self.charts[i]),
            (None, Some(i)) => Some(&self.tables[i]),
            (None, None) => None,
        }
    }
}

fn title_or_path<'a>(title: &'a str, path: &'a str) -> &'a str {
    if title.trim().is_empty() {
        path
    } else {
        title
    }
}

/// "first 20 of 5,321 rows", "all 3 rows", "no rows".
fn rows_shown(table: &ReportTable) -> String {
    let shown = table.rows.len();
    let total = table.total_rows.max(shown);
    let rows = |n: usize| if n == 1 { "row" } else { "rows" };
    if total == 0 {
        "no rows".to_string()
    } else if shown == total {
        format!("all {} {}", thousands(total), rows(total))
    } else {
        format!(
            "first {} of {} {}",
            thousands(shown),
            thousands(total),
            rows(total)
        )
    }
}

fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// How many columns a table shows: the widest of its header and rows.
fn column_count(table: &ReportTable) -> usize {
    table
        .rows
        .iter()
        .map(Vec::len)
        .chain(std::iter::once(table.header.len()))
        .max()
        .unwrap_or(0)
}

/// Columns whose shown cells are all numbers (empty cells aside), at least one of them.
fn numeric_columns(table: &ReportTable, columns: usize) -> Vec<bool> {
    (0..columns)
        .map(|c| {
            let mut cells = table
                .rows
                .iter()
                .filter_map(|row| row.get(c))
                .filter(|cell| !cell.is_empty())
                .peekable();
            cells.peek().is_some() && cells.all(|cell| is_number(cell))
        })
        .collect()
}

/// A decimal number as speechstat prints them: an optional sign, digits (optionally grouped by
/// commas in threes), an optional fraction and exponent, or a percentage of such. Words that
/// Rust would parse as numbers ("inf", "NaN") are text here.
fn is_number(text: &str) -> bool {
    let s = text.trim();
    let s = s.strip_suffix('%').unwrap_or(s);
    let s = s
        .strip_prefix('-')
        .or_else(|| s.strip_prefix('+'))
        .or_else(|| s.strip_prefix('\u{2212}'))
        .unwrap_or(s);
    let (mantissa, exponent) = match s.find(['e', 'E']) {
        Some(i) => (&s[..i], Some(&s[i + 1..])),
        None => (s, None),
    };
    if let Some(exponent) = exponent {
        let digits = exponent
            .strip_prefix('-')
            .or_else(|| exponent.strip_prefix('+'))
            .unwrap_or(exponent);
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return false;
        }
    }
    let (whole, fraction) = match mantissa.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (mantissa, None),
    };
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let whole_ok = if whole.contains(',') {
        let mut groups = whole.split(',');
        let first = groups.next().unwrap_or("");
        (1..=3).contains(&first.len())
            && all_digits(first)
            && groups.all(|g| g.len() == 3 && all_digits(g))
    } else {
        all_digits(whole)
    };
    let fraction_ok = fraction.is_none_or(all_digits);
    let some_digit = !whole.is_empty() || fraction.is_some_and(|f| !f.is_empty());
    whole_ok && fraction_ok && some_digit
}

/// Text made safe for HTML, in elements and in quoted attributes alike. Control characters
/// other than tab, newline and carriage return, which HTML does not allow, become U+FFFD.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c.is_control() => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// A relative path as a URL: each '/'-separated part percent-encoded, so a space, '#', '?',
/// '%', a quote or a parenthesis in a file name cannot end or change the link.
fn url_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(byte as char);
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

/// Text as one line of Markdown: every character Markdown could read as markup is escaped with
/// a backslash (CommonMark allows that before any ASCII punctuation), line breaks and other
/// control characters become spaces. `|` is escaped too, so the text is safe in a table cell.
fn md_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '&' | '#' | '!' | '~' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Text as the start of a Markdown paragraph: [`md_line`], and a leading list marker ("- ",
/// "+ ", "1. ", "1) ") or setext underline ('=') escaped, so it stays text.
fn md_para(text: &str) -> String {
    let mut out = md_line(text);
    let digits = out.bytes().take_while(u8::is_ascii_digit).count();
    if matches!(out.as_bytes().first(), Some(b'-' | b'+' | b'=')) {
        out.insert(0, '\\');
    } else if digits > 0 && matches!(out.as_bytes().get(digits), Some(b'.' | b')')) {
        out.insert(digits, '\\');
    }
    out
}

/// Text as a Markdown code span, its fence longer than any run of backticks inside. A `|` is
/// escaped (GitHub's tables need that even in code spans, and show the bare `|`).
fn md_code(text: &str) -> String {
    let text: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if text.is_empty() {
        return String::new();
    }
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{}{pad}{fence}", md_pipes_raw(&text))
}

/// Escapes the `|` not yet escaped; cells from [`md_line`] have theirs escaped already.
fn md_pipes(cell: &str) -> String {
    let mut out = String::with_capacity(cell.len());
    let mut escaped = false;
    for c in cell.chars() {
        if c == '|' && !escaped {
            out.push('\\');
        }
        escaped = c == '\\' && !escaped;
        out.push(c);
    }
    out
}

fn md_pipes_raw(text: &str) -> String {
    text.replace('|', "\\|")
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOSTILE: &str =
        "<script>alert('x')</script> & \"quoted\" <img src=x onerror=alert(1)> | a|b `tick` *star* [link](http://evil) \u{0}\u{7} end";

    fn sample() -> Report {
        Report {
            title: "speechstat: us_sotu_1790_2026".into(),
            generated_by: "speechstat 0.1.0, 2026-12-01 17:00 UTC".into(),
            summary: vec![
                ("Speeches".into(), "249".into()),
                ("Word tokens".into(), "2,022,003".into()),
                ("Language".into(), "english".into()),
            ],
            findings: vec![Finding {
                heading: "Key terms of each party".into(),
                note: format!("The most over-used terms; {HOSTILE}"),
                lines: vec![
                    FindingLine {
                        lead: "Republican".into(),
                        text: "(1,234 words): tax, business".into(),
                    },
                    FindingLine {
                        lead: HOSTILE.into(),
                        text: HOSTILE.into(),
                    },
                ],
                sources: vec!["charts/top_terms.png".into(), "tables/keyness.csv".into()],
            }],
            options: vec![
                ("--group-by".into(), "party".into()),
                ("--focus".into(), HOSTILE.into()),
            ],
            inputs: vec![format!("corpus: 3 files; {HOSTILE}")],
            warnings: vec![format!("corpus/a.txt: {HOSTILE}")],
            charts: vec![
                ReportChart {
                    path: "charts/top_terms.png".into(),
                    title: "Top terms".into(),
                    caption: "Relative frequency per 10,000 tokens.".into(),
                },
                ReportChart {
                    path: "charts/keyness overview (1).png".into(),
                    title: HOSTILE.into(),
                    caption: HOSTILE.into(),
                },
            ],
            tables: vec![
                ReportTable {
                    path: "tables/terms.csv".into(),
                    caption: "Terms by count; rel_freq per 10,000 tokens.".into(),
                    header: vec!["term".into(), "count".into(), "rel_freq".into()],
                    rows: vec![
                        vec!["nation".into(), "1234567".into(), "0.000190123".into()],
                        vec!["Côte d'Ivoire".into(), "12".into(), "-1.5e-3".into()],
                        vec![HOSTILE.into(), "3".into(), "".into()],
                        vec!["'=SUM(A1:A2)".into(), "1".into()],
                    ],
                    total_rows: 5321,
                },
                ReportTable {
                    path: "tables/documents.csv".into(),
                    caption: String::new(),
                    header: vec!["doc_id".into(), "tokens".into()],
                    rows: vec![vec!["a|b".into(), "10".into()]],
                    total_rows: 1,
                },
            ],
        }
    }

    const VOID: &[&str] = &["meta", "img", "br", "hr", "link", "input", "wbr", "col"];

    /// A strict check of the page's tags: every tag is closed in order (void elements aside),
    /// attributes are quoted, and no '<' or '>' stands outside a tag. Returns the tag names.
    fn check_tags(html: &str) -> Vec<String> {
        let body = html
            .strip_prefix("<!DOCTYPE html>\n")
            .expect("starts with the doctype");
        let mut stack: Vec<String> = Vec::new();
        let mut seen = Vec::new();
        let mut rest = body;
        let mut in_style = false;
        while let Some(start) = rest.find('<') {
            let text = &rest[..start];
            if !in_style {
                assert!(!text.contains('>'), "a bare '>' in text: {text:?}");
            }
            let after = &rest[start + 1..];
            if in_style && !after.starts_with("/style>") {
                panic!("a '<' inside the style sheet");
            }
            // The tag runs to the first '>' outside quotes.
            let mut quote = None;
            let mut end = None;
            for (i, c) in after.char_indices() {
                match (quote, c) {
                    (None, '"') => quote = Some('"'),
                    (Some('"'), '"') => quote = None,
                    (None, '\'') => panic!("single-quoted attribute in <{}", &after[..i]),
                    (None, '<') => panic!("'<' inside a tag: {:?}", &after[..i]),
                    (None, '>') => {
                        end = Some(i);
                        break;
                    }
                    _ => {}
                }
            }
            let end = end.expect("every tag ends");
            let tag = &after[..end];
            rest = &after[end + 1..];
            if let Some(name) = tag.strip_prefix('/') {
                let open = stack
                    .pop()
                    .unwrap_or_else(|| panic!("</{name}> closes nothing"));
                assert_eq!(open, name, "</{name}> closes <{open}>");
                if name == "style" {
                    in_style = false;
                }
                continue;
            }
            let name: String = tag
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            assert!(!name.is_empty(), "a tag without a name: <{tag}>");
            assert_eq!(name, name.to_ascii_lowercase());
            // Attributes: name="value" pairs only.
            let mut attrs = tag[name.len()..].trim();
            while !attrs.is_empty() {
                let eq = attrs.find("=\"").expect("attributes are quoted");
                let attr = &attrs[..eq];
                assert!(
                    attr.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'),
                    "attribute name {attr:?}"
                );
                let value_end = attrs[eq + 2..].find('"').unwrap() + eq + 2;
                attrs = attrs[value_end + 1..].trim_start();
            }
            seen.push(name.clone());
            if name == "style" {
                in_style = true;
            }
            if !VOID.contains(&name.as_str()) {
                stack.push(name);
            }
        }
        assert!(!rest.contains('>'), "a bare '>' after the last tag");
        assert!(stack.is_empty(), "never closed: {stack:?}");
        seen
    }

    /// The values of every `name="..."` attribute, unescaped.
    fn attributes(html: &str, name: &str) -> Vec<String> {
        let key = format!(" {name}=\"");
        html.match_indices(&key)
            .map(|(i, _)| {
                let value = &html[i + key.len()..];
                let value = &value[..value.find('"').unwrap()];
                value
                    .replace("&quot;", "\"")
                    .replace("&#39;", "'")
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&amp;", "&")
            })
            .collect()
    }

    fn percent_decode(url: &str) -> String {
        let bytes = url.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'%' {
                out.push(u8::from_str_radix(&url[i + 1..i + 3], 16).unwrap());
                i += 3;
            } else {
                out.push(bytes[i]);
                i += 1;
            }
        }
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn the_page_is_well_formed() {
        let page = html(&sample()).unwrap();
        let tags = check_tags(&page);
        for tag in [
            "html",
            "head",
            "style",
            "body",
            "h1",
            "nav",
            "figure",
            "img",
            "figcaption",
            "table",
        ] {
            assert!(tags.iter().any(|t| t == tag), "no <{tag}>");
        }
        assert!(!tags.iter().any(|t| t == "script" || t == "link"));
        // Nothing from the network: every link and image is relative or in the page.
        for url in attributes(&page, "href")
            .iter()
            .chain(&attributes(&page, "src"))
        {
            assert!(!url.contains("://") && !url.starts_with("//"), "{url}");
        }
        // Every id is unique, every in-page link has its target.
        let ids = attributes(&page, "id");
        let unique: std::collections::HashSet<_> = ids.iter().collect();
        assert_eq!(unique.len(), ids.len(), "{ids:?}");
        for href in attributes(&page, "href") {
            if let Some(id) = href.strip_prefix('#') {
                assert!(ids.iter().any(|i| i == id), "no #{id}");
            }
        }
        // A small and an empty report are well formed too.
        let empty = Report {
            title: String::new(),
            generated_by: String::new(),
            summary: vec![],
            findings: vec![],
            options: vec![],
            inputs: vec![],
            warnings: vec![],
            charts: vec![],
            tables: vec![],
        };
        check_tags(&html(&empty).unwrap());
    }

    /// `text` without its code spans: a run of backticks up to the next run of the same length.
    fn outside_code_spans(text: &str) -> String {
        let mut out = String::new();
        let mut rest = text;
        while let Some(start) = rest.find('`') {
            out.push_str(&rest[..start]);
            let fence_len = rest[start..].len() - rest[start..].trim_start_matches('`').len();
            let after = &rest[start + fence_len..];
            let fence = "`".repeat(fence_len);
            match after.find(&fence) {
                Some(end) => rest = after[end + fence_len..].trim_start_matches('`'),
                None => {
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
    }

    #[test]
    fn hostile_text_is_escaped_everywhere() {
        let page = html(&sample()).unwrap();
        check_tags(&page);
        assert!(!page.contains("<script"));
        assert!(!page.contains("<img src=x"));
        assert!(!page.contains('\u{0}') && !page.contains('\u{7}'));
        assert!(page
            .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;"));
        // In an attribute (the image's alternative text) too.
        let alts = attributes(&page, "alt");
        assert!(alts.iter().any(|a| a.starts_with("<script>alert('x')")));
        assert_eq!(esc("&<>\"'"), "&amp;&lt;&gt;&quot;&#39;");
        assert_eq!(esc("Côte d’Ivoire"), "Côte d’Ivoire");
        // The Markdown twin lets no HTML or link through either.
        let text = markdown(&sample()).unwrap();
        // Every '<' outside code spans (where Markdown shows it as is) is escaped, so no tag
        // gets through, and no link either.
        let prose = outside_code_spans(&text);
        let bytes = prose.as_bytes();
        for (i, _) in prose.match_indices('<') {
            assert!(
                i > 0 && bytes[i - 1] == b'\\',
                "a bare '<' at {i} of {prose}"
            );
        }
        assert!(!prose.contains("[link]("));
        assert!(text.contains("\\<script\\>alert('x')\\</script\\>"));
    }

    #[test]
    fn images_are_relative_and_all_there() {
        let report = sample();
        let dir = tempfile::tempdir().unwrap();
        for chart in &report.charts {
            let file = dir.path().join(&chart.path);
            std::fs::create_dir_all(file.parent().unwrap()).unwrap();
            std::fs::write(file, b"png").unwrap();
        }
        let path = dir.path().join("report.html");
        write_html(&report, &path).unwrap();
        let page = std::fs::read_to_string(&path).unwrap();
        let srcs = attributes(&page, "src");
        assert_eq!(srcs.len(), report.charts.len());
        for (src, chart) in srcs.iter().zip(&report.charts) {
            assert!(is_relative_inside(src), "{src}");
            assert!(!src.contains(' ') && !src.contains('('), "{src}");
            assert_eq!(percent_decode(src), chart.path);
            assert!(dir.path().join(percent_decode(src)).is_file(), "{src}");
        }
        // Every chart and table has its link to the file.
        let hrefs = attributes(&page, "href");
        for file in report
            .charts
            .iter()
            .map(|c| &c.path)
            .chain(report.tables.iter().map(|t| &t.path))
        {
            assert!(hrefs.iter().any(|h| percent_decode(h) == *file), "{file}");
        }
        let md_path = dir.path().join("report.md");
        write_markdown(&report, &md_path).unwrap();
        let text = std::fs::read_to_string(&md_path).unwrap();
        for chart in &report.charts {
            let image = format!("]({})", url_path(&chart.path));
            let line = text
                .lines()
                .find(|l| l.starts_with("![") && l.ends_with(&image))
                .unwrap_or_else(|| panic!("no image line for {}", chart.path));
            assert!(dir
                .path()
                .join(percent_decode(&url_path(&chart.path)))
                .is_file());
            let destination = &line[line.rfind("](").unwrap() + 2..line.len() - 1];
            assert!(is_relative_inside(destination), "{destination}");
        }
        assert!(text.contains("![Top terms](charts/top_terms.png)"));
        assert!(text.contains("[tables/terms.csv](tables/terms.csv)"));
    }

    #[test]
    fn paths_outside_the_folder_are_refused() {
        for bad in [
            "/tmp/x.png",
            "../x.png",
            "charts/../../x.png",
            "http://example.org/x.png",
            "C:\\x.png",
            "",
            "charts//x.png",
        ] {
            let mut report = sample();
            report.charts[0].path = bad.into();
            let dir = tempfile::tempdir().unwrap();
            let err = write_html(&report, &dir.path().join("report.html")).unwrap_err();
            assert!(matches!(err, Error::Output { .. }), "{bad}: {err}");
            assert!(write_markdown(&report, &dir.path().join("report.md")).is_err());
        }
    }

    #[test]
    fn io_errors_name_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("no such folder").join("report.html");
        let err = write_html(&sample(), &path).unwrap_err();
        assert!(matches!(err, Error::Write { .. }));
        assert!(err.to_string().contains("report.html"), "{err}");
    }

    /// Pipes in a line of a Markdown table that are not escaped by a backslash.
    fn bare_pipes(line: &str) -> usize {
        let mut n = 0;
        let mut escaped = false;
        for c in line.chars() {
            if c == '|' && !escaped {
                n += 1;
            }
            escaped = c == '\\' && !escaped;
        }
        n
    }

    #[test]
    fn markdown_tables_have_one_pipe_more_than_columns_on_every_line() {
        let report = sample();
        let text = markdown(&report).unwrap();
        let mut tables: Vec<Vec<&str>> = Vec::new();
        let mut current: Vec<&str> = Vec::new();
        for line in text.lines() {
            if line.starts_with('|') {
                current.push(line);
            } else if !current.is_empty() {
                tables.push(std::mem::take(&mut current));
            }
        }
        if !current.is_empty() {
            tables.push(current);
        }
        // Summary, the two tables, and the options at the end.
        assert_eq!(tables.len(), 4, "{text}");
        let expected = [2, 3, 2, 2];
        for (table, columns) in tables.iter().zip(expected) {
            assert!(table.len() >= 3, "{table:?}");
            for line in table {
                assert_eq!(bare_pipes(line), columns + 1, "{line}");
                assert!(line.ends_with('|'));
            }
            // The delimiter row.
            assert!(table[1]
                .split('|')
                .filter(|c| !c.is_empty())
                .all(|c| c.trim() == "---" || c.trim() == "---:"));
        }
        // Numbers are right-aligned: the count column of the terms table.
        assert_eq!(tables[1][1], "| --- | ---: | ---: |");
        assert!(text.contains("| a\\|b | 10 |"));
        assert!(text.contains("first 4 of 5,321 rows"));
        assert!(text.contains("all 1 row;"));
        // The hostile text's newline-free, and its pipes escaped inside cells.
        assert!(text.contains("a\\|b \\`tick\\`"));
    }

    #[test]
    fn code_spans_and_lines() {
        assert_eq!(md_code("--group-by"), "`--group-by`");
        assert_eq!(md_code("a`b"), "``a`b``");
        assert_eq!(md_code("`x"), "`` `x ``");
        assert_eq!(md_code("a|b"), "`a\\|b`");
        assert_eq!(md_line("-1.5"), "-1.5");
        assert_eq!(md_para("- item\nnext"), "\\- item next");
        assert_eq!(md_para("1. first"), "1\\. first");
        assert_eq!(md_para("2021) year"), "2021\\) year");
        assert_eq!(md_para("2021 was"), "2021 was");
        assert_eq!(md_line("# not a heading"), "\\# not a heading");
        assert_eq!(md_pipes("a|b\\|c"), "a\\|b\\|c");
    }

    #[test]
    fn numbers_are_recognised() {
        for n in [
            "0",
            "249",
            "2,022,003",
            "-1.5",
            "0.000190123",
            "1.2e-5",
            "3E+10",
            "12%",
            ".5",
            "+7",
        ] {
            assert!(is_number(n), "{n}");
        }
        for t in [
            "", "-", "inf", "NaN", "1,23", "12,3456", "1.2.3", "e5", "'=1", "1e", "party", "1 2",
        ] {
            assert!(!is_number(t), "{t}");
        }
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(2022003), "2,022,003");
    }

    #[test]
    fn ids_are_unique() {
        let mut report = sample();
        report.charts.push(report.charts[0].clone());
        let ids = Ids::new(&report);
        assert_eq!(
            ids.charts,
            [
                "chart-top_terms",
                "chart-keyness-overview--1-",
                "chart-top_terms-2"
            ]
        );
        assert_eq!(ids.tables, ["table-terms", "table-documents"]);
    }

    /// Writes a sample report with real charts into /tmp/report-sample for `.ci/report-check`:
    /// `cargo test --release --lib output::report -- --ignored`.
    #[test]
    #[ignore]
    fn write_sample_report() {
        let docs = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/images");
        let out = Path::new("/tmp/report-sample");
        std::fs::create_dir_all(out.join("charts")).unwrap();
        std::fs::create_dir_all(out.join("tables")).unwrap();
        let mut report = sample();
        report.charts = vec![
            ReportChart {
                path: "charts/top_terms.png".into(),
                title: "Top terms".into(),
                caption: "The 30 most frequent terms, per 10,000 word tokens of the corpus.".into(),
            },
            ReportChart {
                path: "charts/keyness overview (1).png".into(),
                title: "Keyness <overview> & \"friends\"".into(),
                caption: "Log-likelihood G² of each group against the rest; positive: over-used."
                    .into(),
            },
            ReportChart {
                path: "charts/readability.png".into(),
                title: "Readability".into(),
                caption: "Flesch reading ease per speech (higher: easier).".into(),
            },
        ];
        let sources = ["top_terms.png", "keyness_overview.png", "readability.png"];
        for (chart, source) in report.charts.iter().zip(sources) {
            std::fs::copy(docs.join(source), out.join(&chart.path)).unwrap();
        }
        for table in &report.tables {
            std::fs::write(out.join(&table.path), "sample\n").unwrap();
        }
        write_html(&report, &out.join("report.html")).unwrap();
        write_markdown(&report, &out.join("report.md")).unwrap();
    }
}
