//! The names `speechstat explain` takes and what it prints for each: a statistic's sections of
//! docs/statistics.md (the one account of every statistic, printed as it is and never copied
//! here), with the meaning of the column of that name in each table; a table or chart of the
//! output catalogue (`speechstat::OUTPUTS`), with its columns and the options that shape it;
//! or the whole catalogue as the Markdown table README.md holds.

use speechstat::{OutputInfo, OutputKind, OUTPUTS};

use super::closest;

/// docs/statistics.md, built into the binary.
const PAGE: &str = include_str!("../../docs/statistics.md");

/// Each name `explain` takes, with the start of the headings of the sections it prints
/// (a `## ` heading of the page; `Sorting` prints both sections on sorting).
const NAMES: &[(&str, &str)] = &[
    ("units", "Units"),
    ("token", "Units"),
    ("term", "Units"),
    ("word-form", "Units"),
    ("stopword", "Units"),
    ("stopwords", "Stopwords"),
    ("sentence", "Units"),
    ("documents", "Per document"),
    ("n-tokens", "Per document"),
    ("n-types", "Per document"),
    ("n-sentences", "Per document"),
    ("n-annotations", "Per document"),
    ("n-footer-lines", "Per document"),
    ("n-mojibake-repaired", "Per document"),
    ("mojibake", "Per document"),
    ("n-apostrophes-restored", "Per document"),
    ("corpus", "The corpus"),
    ("mean-tokens", "The corpus"),
    ("median-tokens", "The corpus"),
    ("frequency", "Frequencies"),
    ("count", "Frequencies"),
    ("doc-freq", "Frequencies"),
    ("per-10k", "Frequencies"),
    ("tf-idf", "Frequencies"),
    ("label", "Frequencies"),
    ("sorting", "Sorting"),
    ("number-format", "Sorting and number format"),
    ("association", "Association of two terms"),
    ("pmi", "Association of two terms"),
    ("npmi", "Association of two terms"),
    ("t-score", "Association of two terms"),
    ("chi2", "Association of two terms"),
    ("dice", "Association of two terms"),
    ("log-dice", "Association of two terms"),
    ("collocations", "Collocations"),
    ("cooccurrence", "Co-occurrence"),
    ("co-occurrence", "Co-occurrence"),
    ("collocates", "Co-occurrence"),
    ("phrases", "Phrases"),
    ("keyness", "Keyness"),
    ("g2", "Keyness"),
    ("log-likelihood", "Keyness"),
    ("log-ratio", "Keyness"),
    ("percent-diff", "Keyness"),
    ("p-value", "Keyness"),
    ("significant", "Keyness"),
    ("range-target", "Keyness"),
    ("min-range", "Keyness"),
    ("log-odds", "Other keyness measures"),
    ("log-odds-z", "Other keyness measures"),
    ("fightin-words", "Other keyness measures"),
    ("funnel", "Other keyness measures"),
    ("prior-scale", "Other keyness measures"),
    ("simple-maths", "Other keyness measures"),
    ("smoothing", "Other keyness measures"),
    ("doc-log-likelihood", "Other keyness measures"),
    ("dispersion-keyness", "Other keyness measures"),
    ("range-reference", "Other keyness measures"),
    ("rank-by", "Other keyness measures"),
    ("similarity", "Similarity"),
    ("cosine", "Similarity"),
    ("jaccard", "Similarity"),
    ("delta", "Similarity"),
    ("burrows-delta", "Similarity"),
    ("style", "Similarity"),
    ("clustering", "Similarity"),
    ("kwic", "Concordance"),
    ("concordance", "Concordance"),
    ("diversity", "Lexical diversity"),
    ("ttr", "Lexical diversity"),
    ("guiraud", "Lexical diversity"),
    ("herdan-c", "Lexical diversity"),
    ("yules-k", "Lexical diversity"),
    ("mattr", "Lexical diversity"),
    ("mtld", "Lexical diversity"),
    ("sttr", "Lexical diversity"),
    ("readability", "Readability"),
    ("flesch", "Readability"),
    ("flesch-kincaid", "Readability"),
    ("syllables", "Readability"),
    ("dispersion", "Dispersion"),
    ("dp", "Dispersion"),
    ("dp-norm", "Dispersion"),
    ("range", "Dispersion"),
    ("trends", "Trends over time"),
    ("term-trends", "Trends over time"),
    ("zipf", "Zipf"),
    ("dictionary", "Dictionaries"),
    ("dictionaries", "Dictionaries"),
    ("category", "Dictionaries"),
    ("score", "Dictionaries"),
    ("liwc", "Dictionaries"),
    ("sentiment", "Dictionaries"),
    ("vader", "Dictionaries"),
];

/// A `## ` section of the page: its heading (without `## `) and its whole text, heading
/// included, as it stands in the page.
struct Section {
    heading: &'static str,
    text: &'static str,
}

fn sections() -> Vec<Section> {
    let starts: Vec<usize> = PAGE.match_indices("\n## ").map(|(i, _)| i + 1).collect();
    starts
        .iter()
        .enumerate()
        .map(|(k, &start)| {
            let end = starts.get(k + 1).copied().unwrap_or(PAGE.len());
            let text = PAGE[start..end].trim_end();
            let heading = text.lines().next().unwrap_or_default();
            Section {
                heading: heading.trim_start_matches('#').trim(),
                text,
            }
        })
        .collect()
}

/// What `speechstat explain` is asked about.
#[derive(Debug, Clone, Copy)]
pub enum Topic {
    /// A statistic or a column, by its name in [`NAMES`].
    Statistic(&'static str),
    /// A table or chart, by its file name or path (`keyness.csv`, `charts/zipf.png`).
    Output(&'static OutputInfo),
    /// Every output, as a Markdown table.
    Outputs,
}

/// The value parser of `explain`'s argument: a statistic's name, in any case, with `_` for
/// `-` (so a column name such as `log_ratio` works); a table or chart by its file name or
/// path; or `outputs`.
pub(super) fn topic(text: &str) -> Result<Topic, String> {
    let text = text.trim();
    if text == "outputs" {
        return Ok(Topic::Outputs);
    }
    if let Some(output) = output_named(text) {
        return Ok(Topic::Output(output));
    }
    let wanted = text.to_lowercase().replace('_', "-");
    if let Some(&(name, _)) = NAMES.iter().find(|(name, _)| *name == wanted) {
        return Ok(Topic::Statistic(name));
    }
    let files = OUTPUTS.iter().map(|o| file_name(o.path));
    let hint = closest(&wanted, NAMES.iter().map(|(name, _)| *name))
        .or_else(|| closest(text, files))
        .map(|n| format!(" (did you mean {n:?}?)"))
        .unwrap_or_default();
    let all: Vec<&str> = NAMES.iter().map(|(name, _)| *name).collect();
    Err(format!(
        "no statistic, table or chart of that name{hint}; the statistics are: {}; a table or \
         chart by its file name (keyness.csv, zipf.png); `outputs` for them all",
        all.join(", ")
    ))
}

/// The output whose path or file name is `text` (`tables/keyness.csv`, `keyness.csv`,
/// `keyness_Republican.png`).
fn output_named(text: &str) -> Option<&'static OutputInfo> {
    let path = match text.contains('/') {
        true => text.to_owned(),
        false => OUTPUTS
            .iter()
            .map(|o| o.path)
            .find(|p| file_name(p) == text)
            .map_or_else(|| format!("charts/{text}"), str::to_owned),
    };
    OUTPUTS
        .iter()
        .find(|o| o.path == path || (o.is_chart() && o.is_file(&path)))
}

fn file_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

/// What `explain` prints about `topic`.
pub fn explain(topic: Topic) -> String {
    match topic {
        Topic::Statistic(name) => explanation(name),
        Topic::Output(output) => describe_output(output),
        Topic::Outputs => outputs_table(),
    }
}

/// The sections `name` prints, as they stand in docs/statistics.md, one blank line
/// between two.
fn explanation(name: &str) -> String {
    let prefix = NAMES
        .iter()
        .find(|(n, _)| *n == name)
        .map_or("\0", |(_, p)| *p);
    let texts: Vec<&str> = sections()
        .into_iter()
        .filter(|s| s.heading.starts_with(prefix))
        .map(|s| s.text)
        .collect();
    let mut text = format!("{}\n", texts.join("\n\n"));
    let column = name.replace('-', "_");
    let tables: Vec<&OutputInfo> = OUTPUTS
        .iter()
        .filter(|o| o.columns.iter().any(|c| c.named(&column).is_some()))
        .collect();
    if !tables.is_empty() {
        text.push_str(&format!("\nThe column {column} in the tables:\n"));
        for output in tables {
            if let Some(c) = output.columns.iter().find_map(|c| c.named(&column)) {
                text.push_str(&item(file_name(output.path), c.meaning));
            }
        }
    }
    text
}

/// A table or chart of the catalogue: its file, when it is written, what it holds; a
/// chart's caption; a table's options and every column with its meaning.
fn describe_output(output: &OutputInfo) -> String {
    let mut text = format!("{} ({})\n", output.path, output.when.condition());
    text.push_str(&paragraph(&output.description()));
    if output.kind() == OutputKind::Chart {
        text.push('\n');
        text.push_str(&paragraph(output.caption));
    }
    if !output.options.is_empty() {
        let options: Vec<String> = output.options.iter().map(|o| format!("--{o}")).collect();
        text.push_str("\nOptions that shape it:\n");
        text.push_str(&fill(&options.join(", "), "  ", "  ", WIDTH + 2));
    }
    if !output.columns.is_empty() {
        text.push_str("\nColumns:\n");
        for column in output.columns {
            text.push_str(&item(column.name, column.meaning));
        }
    }
    let statistic = output.name().replace('_', "-");
    if NAMES.iter().any(|(name, _)| *name == statistic) {
        text.push_str(&format!(
            "\nHow it is computed: speechstat explain {statistic}\n"
        ));
    }
    text
}

/// Every output as the Markdown table of README.md: file, when written, what it holds, its
/// columns.
pub fn outputs_table() -> String {
    let mut table =
        String::from("| file | written | what it holds | columns |\n|---|---|---|---|\n");
    for output in OUTPUTS {
        let columns: Vec<String> = output.columns.iter().map(|c| c.in_words()).collect();
        table.push_str(&format!(
            "| `{}` | {} | {} | {} |\n",
            output.path,
            output.when.condition(),
            output.what,
            columns.join(", ")
        ));
    }
    table
}

/// Lines of at most [`WIDTH`] characters.
const WIDTH: usize = 92;

/// `text` broken into lines of at most [`WIDTH`] characters.
fn paragraph(text: &str) -> String {
    fill(text, "", "", WIDTH)
}

/// `  name  meaning`, the meaning broken into lines of [`WIDTH`] characters indented by four.
fn item(name: &str, meaning: &str) -> String {
    format!("  {name}\n{}", fill(meaning, "    ", "    ", WIDTH + 4))
}

/// The words of `text` filled into lines of at most `width` characters (a longer word on a
/// line of its own), the first line starting with `first`, the others with `rest`.
fn fill(text: &str, first: &str, rest: &str, width: usize) -> String {
    let mut out = String::new();
    let mut line = first.to_owned();
    let mut words = 0;
    for word in text.split_whitespace() {
        if words > 0 && line.chars().count() + 1 + word.chars().count() > width {
            out.push_str(&line);
            out.push('\n');
            line = rest.to_owned();
            words = 0;
        }
        if words > 0 {
            line.push(' ');
        }
        line.push_str(word);
        words += 1;
    }
    if words > 0 {
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// Every name, under the section it prints (a section's heading without its list of
/// files).
pub fn index() -> String {
    let mut text = String::from(
        "speechstat explain NAME prints how a statistic is computed, as docs/statistics.md \
         says.\nA column name works too (log_ratio, tf_idf). The names, by section:\n\n",
    );
    for section in sections() {
        let names: Vec<&str> = NAMES
            .iter()
            .filter(|(_, prefix)| section.heading.starts_with(prefix))
            .map(|(name, _)| *name)
            .collect();
        if names.is_empty() {
            continue;
        }
        let title = section.heading.split(" (").next().unwrap_or_default();
        text.push_str(&wrap(title, &names));
    }
    text.push_str(
        "\nA table or chart by its file name prints its columns, their meanings and the \
         options\nthat shape it (speechstat explain keyness.csv); `speechstat explain outputs` \
         lists them all:\n",
    );
    let tables: Vec<&str> = OUTPUTS
        .iter()
        .filter(|o| o.is_table())
        .map(|o| file_name(o.path))
        .collect();
    let charts: Vec<&str> = OUTPUTS
        .iter()
        .filter(|o| o.is_chart())
        .map(|o| file_name(o.path))
        .collect();
    text.push_str(&wrap("Tables", &tables));
    text.push_str(&wrap("Charts", &charts));
    text
}

/// `title: a, b, c` indented by two spaces, broken into lines of at most [`WIDTH`]
/// characters, the later ones indented by six.
fn wrap(title: &str, names: &[&str]) -> String {
    fill(
        &format!("{title}: {}", names.join(", ")),
        "  ",
        "      ",
        WIDTH,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_prints_a_section_of_the_page_as_it_stands() {
        for (name, _) in NAMES {
            let text = explanation(name);
            assert!(text.trim().len() > 40, "{name}: {text:?}");
            let sections = text.split("\nThe column ").next().unwrap_or_default();
            for part in sections.trim_end().split("\n\n## ") {
                let part = part.strip_prefix("## ").unwrap_or(part);
                assert!(PAGE.contains(part), "{name}: not in the page: {part}");
            }
        }
    }

    #[test]
    fn every_section_of_the_page_has_a_name() {
        for section in sections() {
            assert!(
                NAMES.iter().any(|(_, p)| section.heading.starts_with(p)),
                "docs/statistics.md's section {:?} has no name in NAMES (src/cli/explain.rs)",
                section.heading
            );
        }
    }

    fn statistic(text: &str) -> Result<&'static str, String> {
        match topic(text)? {
            Topic::Statistic(name) => Ok(name),
            other => Err(format!("{other:?}")),
        }
    }

    #[test]
    fn column_names_and_any_case_are_taken() {
        assert_eq!(statistic("log_ratio"), Ok("log-ratio"));
        assert_eq!(statistic("TF_IDF"), Ok("tf-idf"));
        assert!(statistic("keynes").unwrap_err().contains("\"keyness\""));
    }

    #[test]
    fn a_column_name_also_prints_its_meaning_in_each_table() {
        let text = explanation("count");
        assert!(
            text.contains("The column count in the tables:\n  terms.csv\n"),
            "{text}"
        );
        assert!(text.contains("  term_frequency.csv\n    Occurrences of the term in the speech."));
    }

    #[test]
    fn tables_and_charts_are_explained_from_the_catalogue() {
        for output in OUTPUTS {
            let Ok(Topic::Output(found)) = topic(file_name(output.path)) else {
                panic!("{} is not found by its file name", output.path);
            };
            assert_eq!(found.path, output.path);
            let text = explain(Topic::Output(found));
            assert!(text.starts_with(output.path), "{text}");
            for column in output.columns {
                assert!(text.contains(&format!("  {}\n", column.name)), "{text}");
            }
            assert!(
                text.lines().all(|l| l.chars().count() <= WIDTH + 4),
                "{text}"
            );
        }
        let Ok(Topic::Output(keyness)) = topic("tables/keyness.csv") else {
            panic!("tables/keyness.csv not found");
        };
        let text = explain(Topic::Output(keyness));
        assert!(text.contains("--min-count"), "{text}");
        assert!(
            text.contains("How it is computed: speechstat explain keyness"),
            "{text}"
        );
        assert!(
            matches!(topic("keyness_Republican.png"), Ok(Topic::Output(o)) if o.path == "charts/keyness_<word>.png")
        );
        assert!(matches!(topic("outputs"), Ok(Topic::Outputs)));
        assert!(outputs_table().contains("| `tables/terms.csv` | always |"));
    }

    #[test]
    fn keyness_prints_the_keyness_section_only() {
        let text = explanation("g2");
        assert!(text.starts_with("## Keyness"), "{text}");
        assert!(!text.contains("\n## "), "{text}");
        assert_eq!(explanation("sorting").matches("## Sorting").count(), 2);
    }

    #[test]
    fn the_index_lists_every_name_in_short_lines() {
        let index = index();
        for (name, _) in NAMES {
            assert!(
                index.contains(&format!(" {name},")) || index.contains(&format!(" {name}\n")),
                "{name} not in:\n{index}"
            );
        }
        assert!(index.lines().all(|l| l.len() <= 92), "{index}");
    }
}
