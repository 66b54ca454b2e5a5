//! The names `speechstat explain` takes and the sections of docs/statistics.md they
//! print: the page is the one account of every statistic, so its text is printed as it is
//! and never copied here.

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
    ("sentence", "Units"),
    ("documents", "Per document"),
    ("n-tokens", "Per document"),
    ("n-types", "Per document"),
    ("n-sentences", "Per document"),
    ("n-annotations", "Per document"),
    ("n-footer-lines", "Per document"),
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
    ("similarity", "Similarity"),
    ("cosine", "Similarity"),
    ("jaccard", "Similarity"),
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

/// The value parser of `explain`'s argument: a name, in any case, with `_` for `-` (so a
/// column name such as `log_ratio` works).
pub(super) fn statistic(text: &str) -> Result<&'static str, String> {
    let wanted = text.trim().to_lowercase().replace('_', "-");
    if let Some(&(name, _)) = NAMES.iter().find(|(name, _)| *name == wanted) {
        return Ok(name);
    }
    let hint = closest(&wanted, NAMES.iter().map(|(name, _)| *name))
        .map(|n| format!(" (did you mean {n:?}?)"))
        .unwrap_or_default();
    let all: Vec<&str> = NAMES.iter().map(|(name, _)| *name).collect();
    Err(format!(
        "no statistic of that name{hint}; the names are: {}",
        all.join(", ")
    ))
}

/// The sections `name` prints, as they stand in docs/statistics.md, one blank line
/// between two.
pub fn explanation(name: &str) -> String {
    let prefix = NAMES
        .iter()
        .find(|(n, _)| *n == name)
        .map_or("\0", |(_, p)| *p);
    let texts: Vec<&str> = sections()
        .into_iter()
        .filter(|s| s.heading.starts_with(prefix))
        .map(|s| s.text)
        .collect();
    format!("{}\n", texts.join("\n\n"))
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
    text
}

/// `title: a, b, c` indented by two spaces, broken into lines of at most 92 characters,
/// the later ones indented by six.
fn wrap(title: &str, names: &[&str]) -> String {
    const WIDTH: usize = 92;
    let mut out = String::new();
    let mut line = format!("  {title}:");
    for (i, name) in names.iter().enumerate() {
        let word = match i + 1 == names.len() {
            true => name.to_string(),
            false => format!("{name},"),
        };
        if line.len() + 1 + word.len() > WIDTH {
            out.push_str(&line);
            out.push('\n');
            line = String::from("     ");
        }
        line.push(' ');
        line.push_str(&word);
    }
    out.push_str(&line);
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_prints_a_section_of_the_page_as_it_stands() {
        for (name, _) in NAMES {
            let text = explanation(name);
            assert!(text.trim().len() > 40, "{name}: {text:?}");
            for part in text.trim_end().split("\n\n## ") {
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

    #[test]
    fn column_names_and_any_case_are_taken() {
        assert_eq!(statistic("log_ratio"), Ok("log-ratio"));
        assert_eq!(statistic("TF_IDF"), Ok("tf-idf"));
        assert!(statistic("keynes").unwrap_err().contains("\"keyness\""));
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
