//! Dictionaries: categories of words, globs and multiword entries (LIWC, Lexicoder,
//! WordStat style), read from the formats users have and counted in every speech.
//!
//! - Reading: [`read`] chooses the format by extension (`.dic` LIWC, `.yml`/`.yaml`
//!   quanteda's YAML, `.csv` `category,pattern[,weight]`) and checks the content, so that a
//!   file of another format is refused with its line rather than misread.
//! - Matching ([`matcher`]): each distinct form (or term) of the vocabulary is resolved once
//!   to the patterns it matches, globs included.
//! - Counting ([`count`]): per speech, on the sentence token stream, a token (or multiword
//!   span) counted at most once per category, the longest match winning.
//! - Tables ([`frames`]): per speech, per group, per period.
//!
//! Definitions in docs/statistics.md ("Dictionaries").

pub(crate) mod count;
pub(crate) mod frames;
mod liwc;
pub(crate) mod matcher;
mod table;
mod yaml;

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::text::Pattern;

/// One dictionary as read from its file.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Dictionary {
    /// The file it was read from.
    pub path: PathBuf,
    /// How the tables name it: its file name.
    pub name: String,
    /// Its categories in the order of the file (nested YAML ones as `parent.child`).
    pub categories: Vec<String>,
    /// Every pattern of every category, in the order of the file.
    pub entries: Vec<Entry>,
    /// Whether the file gives weights (a CSV `weight` column).
    pub weighted: bool,
}

/// One pattern of one category.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Entry {
    /// Index into the dictionary's categories.
    pub category: usize,
    pub pattern: Pattern,
    /// Its weight, 1 when the file gives none.
    pub weight: f64,
    /// Where it is written in the file (1 is the first line).
    pub line: u64,
}

/// The error for `path` at `line`.
pub(crate) fn error(path: &Path, line: Option<u64>, message: impl Into<String>) -> Error {
    Error::Dictionary {
        path: path.to_path_buf(),
        line,
        message: message.into(),
    }
}

/// Reads the dictionary at `path`, its format chosen by extension.
pub(crate) fn read(path: &Path) -> Result<Dictionary> {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let bytes = std::fs::read(path).map_err(|source| Error::read(path, source))?;
    let text = String::from_utf8(bytes)
        .map_err(|_| error(path, None, "not UTF-8 text; save the dictionary as UTF-8"))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let mut builder = Builder::new(path);
    match extension.as_str() {
        "dic" => liwc::parse(text, &mut builder)?,
        "yml" | "yaml" => yaml::parse(text, &mut builder)?,
        "csv" => table::parse(text, &mut builder)?,
        _ => {
            return Err(error(
                path,
                None,
                "unknown dictionary format; name the file .dic (LIWC), .yml or .yaml \
                 (quanteda's YAML) or .csv (category,pattern[,weight])",
            ))
        }
    }
    builder.finish()
}

/// Reads every dictionary; two with the same file name are refused, as the tables name
/// them by it.
pub(crate) fn read_all(paths: &[PathBuf]) -> Result<Vec<Dictionary>> {
    let dictionaries = paths.iter().map(|p| read(p)).collect::<Result<Vec<_>>>()?;
    for (i, d) in dictionaries.iter().enumerate() {
        if let Some(earlier) = dictionaries[..i].iter().find(|e| e.name == d.name) {
            return Err(error(
                &d.path,
                None,
                format!(
                    "has the file name of {} and the tables name a dictionary by its file \
                     name; rename one of them",
                    earlier.path.display()
                ),
            ));
        }
    }
    Ok(dictionaries)
}

/// A dictionary being read: categories by name, patterns checked as they are added.
pub(crate) struct Builder<'p> {
    path: &'p Path,
    categories: Vec<String>,
    entries: Vec<Entry>,
    weighted: bool,
}

impl<'p> Builder<'p> {
    fn new(path: &'p Path) -> Builder<'p> {
        Builder {
            path,
            categories: Vec::new(),
            entries: Vec::new(),
            weighted: false,
        }
    }

    /// The error at `line` of this file.
    pub(crate) fn error(&self, line: u64, message: impl Into<String>) -> Error {
        error(self.path, Some(line), message)
    }

    /// The index of category `name`, added when new.
    pub(crate) fn category(&mut self, name: &str) -> usize {
        match self.categories.iter().position(|c| c == name) {
            Some(i) => i,
            None => {
                self.categories.push(name.to_owned());
                self.categories.len() - 1
            }
        }
    }

    /// Whether category `name` was added already.
    pub(crate) fn has_category(&self, name: &str) -> bool {
        self.categories.iter().any(|c| c == name)
    }

    /// Adds `pattern` (as written) to category `category`, with `weight` if the file gives
    /// weights.
    pub(crate) fn add(
        &mut self,
        category: usize,
        pattern: &str,
        weight: Option<f64>,
        line: u64,
    ) -> Result<()> {
        let parsed = Pattern::parse(pattern).map_err(|m| self.error(line, m))?;
        self.weighted |= weight.is_some();
        self.entries.push(Entry {
            category,
            pattern: parsed,
            weight: weight.unwrap_or(1.0),
            line,
        });
        Ok(())
    }

    fn finish(self) -> Result<Dictionary> {
        if self.entries.is_empty() {
            return Err(error(self.path, None, "no patterns found"));
        }
        let name = self
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        Ok(Dictionary {
            path: self.path.to_path_buf(),
            name,
            categories: self.categories,
            entries: self.entries,
            weighted: self.weighted,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::count::{count, CategoryCounts};
    use super::matcher::Matcher;
    use super::*;
    use crate::corpus::Document;
    use crate::progress::Silent;
    use crate::stats::counts::per_10k;
    use crate::text::{
        tokenize_corpus, Language, MatchBy, Normalizer, StopwordSource, Stopwords, TokenizedCorpus,
    };

    fn normalizer() -> Normalizer {
        let language = Language::default();
        Normalizer::new(
            language,
            true,
            Stopwords::load(&StopwordSource::Builtin, language).unwrap(),
        )
    }

    /// The dictionary of `text` written to a file named `name`, read back.
    fn dictionary(name: &str, text: &str) -> Result<Dictionary> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        read(&path)
    }

    fn tokens(texts: &[&str]) -> TokenizedCorpus {
        let documents: Vec<Document> = texts
            .iter()
            .enumerate()
            .map(|(i, &t)| Document::from_text(format!("d{i}"), t))
            .collect();
        tokenize_corpus(&documents, &normalizer(), &Silent)
    }

    fn counted(dictionary: &Dictionary, texts: &[&str], by: MatchBy) -> CategoryCounts {
        let tokens = tokens(texts);
        let matcher = Matcher::new(
            std::slice::from_ref(dictionary),
            &tokens.vocab,
            &normalizer(),
            by,
        );
        count(tokens.source(), &matcher)
    }

    /// The check of docs/statistics.md ("Dictionaries").
    const CHECK: &str = "The economy and economic jobs. The Security Council fights terrorism.";

    #[test]
    fn the_worked_example_counts_economy_3_and_security_2() {
        let yaml = "economy: [econom*, tax, jobs]\nsecurity: [terror*, \"security council\"]\n";
        let d = dictionary("check.yml", yaml).unwrap();
        assert_eq!(d.categories, ["economy", "security"]);
        let counts = counted(&d, &[CHECK], MatchBy::Form);
        assert_eq!(counts.of(0, 0), (3, 3.0));
        assert_eq!(counts.of(0, 1), (2, 2.0));
        let n_tokens = counts.n_tokens[0];
        assert_eq!(n_tokens, 10);
        assert_eq!(per_10k(3, n_tokens), 3000.0);
        assert_eq!(per_10k(2, n_tokens), 2000.0);
    }

    #[test]
    fn the_longest_match_wins_and_a_token_counts_once_per_category() {
        let csv = "category,pattern\nun,united\nun,united nations\nun,nations\nun,unit*\n\
                   other,nations\n";
        let d = dictionary("d.csv", csv).unwrap();
        // "united nations" once (not "united" and "nations" as well), then "nations" alone,
        // "units" once although two patterns match it; "other" sees both "nations".
        let counts = counted(
            &d,
            &["The United Nations and its nations. Units."],
            MatchBy::Form,
        );
        assert_eq!(counts.of(0, 0).0, 3);
        assert_eq!(counts.of(0, 1).0, 2);
        // A multiword entry never spans two sentences.
        let counts = counted(
            &d,
            &["Divided we are united. Nations listen."],
            MatchBy::Form,
        );
        assert_eq!(counts.of(0, 0).0, 2);
    }

    #[test]
    fn globs_match_anywhere_in_a_word() {
        let csv = "category,pattern\na,*ism\na,?ar\nb,m*re\n";
        let d = dictionary("d.csv", csv).unwrap();
        let counts = counted(
            &d,
            &["Terrorism and war, a car; medicare and more, terror."],
            MatchBy::Form,
        );
        assert_eq!(counts.of(0, 0).0, 3, "terrorism, war, car");
        assert_eq!(counts.of(0, 1).0, 2, "medicare, more");
    }

    #[test]
    fn term_matching_stems_word_patterns() {
        let csv = "category,pattern\nfight,fighting\n";
        let d = dictionary("d.csv", csv).unwrap();
        let text = ["They fight, fights and fought; fighting."];
        assert_eq!(counted(&d, &text, MatchBy::Form).of(0, 0).0, 1);
        assert_eq!(counted(&d, &text, MatchBy::Term).of(0, 0).0, 3);
    }

    #[test]
    fn weights_sum_into_the_score() {
        let csv = "category,pattern,weight\npositive,good,1.9\npositive,great,3.1\n\
                   negative,bad,-2.5\n";
        let d = dictionary("d.csv", csv).unwrap();
        assert!(d.weighted);
        let counts = counted(&d, &["Good, great, good. Bad."], MatchBy::Form);
        let (n, score) = counts.of(0, 0);
        assert_eq!(n, 3);
        assert!((score - 6.9).abs() < 1e-9, "{score}");
        assert_eq!(counts.of(0, 1), (1, -2.5));
    }

    #[test]
    fn a_liwc_dictionary_reads_its_header_globs_and_multiword_entries() {
        let dic = "%\n1\teconomy\n02\tsecurity\n%\necon*\t1\nsecurity council\t2\nwar\t2 1\n";
        let d = dictionary("x.dic", dic).unwrap();
        assert_eq!(d.categories, ["economy", "security"]);
        let words: Vec<(usize, String)> = d
            .entries
            .iter()
            .map(|e| (e.category, e.pattern.words().join(" ")))
            .collect();
        assert_eq!(
            words,
            [
                (0, "econ*".to_owned()),
                (1, "security council".to_owned()),
                (1, "war".to_owned()),
                (0, "war".to_owned())
            ]
        );
        assert_eq!(d.entries[2].line, 7);
    }

    #[test]
    fn dictionary_errors_name_the_file_and_line() {
        let cases = [
            (
                "x.dic",
                "%\n1\teconomy\n%\nwar\t7\n",
                "line 4",
                "category number 7",
            ),
            (
                "x.dic",
                "economy: [tax]\n",
                "line 1",
                "not a LIWC dictionary",
            ),
            ("x.dic", "%\n1\ta\n", "line 2", "never closes"),
            (
                "x.dic",
                "%\n1\ta\n%\nlike (02 134)131/125\t1\n",
                "line 4",
                "conditional",
            ),
            ("x.yml", "a:\n\t- tax\n", "line 2", "tab"),
            ("x.yml", "a: [tax, war\n", "line 1", "close with ]"),
            ("x.yml", "a:\nb: [x]\n", "line 1", "no patterns"),
            ("x.yml", "a: [x]\na: [y]\n", "line 2", "given twice"),
            (
                "x.yml",
                "category,pattern\neconomy,tax\n",
                "line 1",
                "neither",
            ),
            ("x.yml", "- tax\n", "line 1", "outside a category"),
            (
                "x.csv",
                "word,cat\ntax,economy\n",
                "line 1",
                "category and pattern",
            ),
            (
                "x.csv",
                "category,pattern,weight\na,b,high\n",
                "line 2",
                "not a number",
            ),
            ("x.csv", "%\n1\ta\n%\n", "line 1", "LIWC"),
            (
                "x.csv",
                "category,pattern\na,***\n",
                "line 2",
                "besides * and ?",
            ),
            ("x.txt", "a,b\n", "", "unknown dictionary format"),
        ];
        for (name, text, line, message) in cases {
            let err = dictionary(name, text).unwrap_err().to_string();
            assert!(err.contains(name), "{name} {text:?}: {err}");
            assert!(err.contains(line), "{name} {text:?}: {err}");
            assert!(err.contains(message), "{name} {text:?}: {err}");
        }
    }

    #[test]
    fn yaml_nested_categories_are_joined_with_dots() {
        let yaml =
            "# comment\nvalues:\n  liberty: [freedom, 'free']\n  faith:\n    - god # here\n    \
                    - \"god bless\"\nhealth: medic?re\n";
        let d = dictionary("x.yaml", yaml).unwrap();
        assert_eq!(d.categories, ["values.liberty", "values.faith", "health"]);
        let words: Vec<String> = d
            .entries
            .iter()
            .map(|e| e.pattern.words().join(" "))
            .collect();
        assert_eq!(words, ["freedom", "free", "god", "god bless", "medic?re"]);
    }
}
