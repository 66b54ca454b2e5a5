//! Stopword lists: the built-in Snowball list of the chosen language, a user's file, or none,
//! and words added to it (`--stopwords-add`). Files are read in Snowball's format (a `|`
//! starts a comment; every whitespace-separated item before it is a word), which also reads a
//! plain one-word-per-line file; a `#` starts a comment too (no word holds one). Every word is
//! normalised as tokens are (lowercased, `’` made `'`) and matched on the token's form,
//! before stemming.

use std::path::{Path, PathBuf};

use rustc_hash::FxHashSet;

use super::forms::normalize_word;
use super::language::Language;
use crate::error::{Error, Result};

/// Where the stopwords come from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum StopwordSource {
    /// The built-in list of the analysis language (none if the language has no list).
    #[default]
    Builtin,
    /// A file in Snowball's format or one word per line.
    File(PathBuf),
    /// No stopwords: every token counts.
    None,
}

/// Words added to the stopword list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AddedStopwords {
    /// A file, read as a `--stopwords` file is.
    File(PathBuf),
    /// Words given as they are.
    Words(Vec<String>),
}

impl std::fmt::Display for AddedStopwords {
    /// As `--stopwords-add` takes it back: the path, or the words separated by commas.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AddedStopwords::File(path) => write!(f, "{}", path.display()),
            AddedStopwords::Words(words) => f.write_str(&words.join(",")),
        }
    }
}

/// A set of lowercased stopwords.
#[derive(Debug, Clone, Default)]
pub struct Stopwords {
    words: FxHashSet<String>,
}

impl Stopwords {
    /// Loads the list a source names.
    pub fn load(source: &StopwordSource, language: Language) -> Result<Stopwords> {
        match source {
            StopwordSource::Builtin => Ok(language.stopwords.map(parse).unwrap_or_default()),
            StopwordSource::None => Ok(Stopwords::default()),
            StopwordSource::File(path) => load_file(path),
        }
    }

    /// The list with `added`'s words as well; an error names a file that cannot be read or
    /// holds no words.
    pub fn with_added(mut self, added: &[AddedStopwords]) -> Result<Stopwords> {
        for addition in added {
            match addition {
                AddedStopwords::File(path) => self.words.extend(load_file(path)?.words),
                AddedStopwords::Words(words) => self.words.extend(
                    words
                        .iter()
                        .map(|w| normalize_word(w.trim()))
                        .filter(|w| !w.is_empty()),
                ),
            }
        }
        Ok(self)
    }

    /// The built-in list of `language`, none when Snowball publishes none for it.
    pub fn builtin(language: Language) -> Option<Stopwords> {
        language.stopwords.map(parse)
    }

    /// Whether a lowercased word is on the list.
    pub fn contains(&self, word: &str) -> bool {
        self.words.contains(word)
    }

    /// Words on the list.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether the list is empty.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The words of the list, in alphabetical (byte) order.
    pub fn sorted(&self) -> Vec<&str> {
        let mut words: Vec<&str> = self.words.iter().map(String::as_str).collect();
        words.sort_unstable();
        words
    }
}

fn load_file(path: &Path) -> Result<Stopwords> {
    let (text, _) = crate::corpus::read_text_file(path).map_err(|e| Error::Stopwords {
        path: path.to_path_buf(),
        message: format!("cannot read the stopword list ({e})"),
    })?;
    let list = parse(&text);
    if list.is_empty() {
        return Err(Error::Stopwords {
            path: path.to_path_buf(),
            message: "holds no words; give one word per line, or use --stopwords none".into(),
        });
    }
    Ok(list)
}

/// Parses Snowball's stopword format, `#` comments too.
pub fn parse(text: &str) -> Stopwords {
    let words = text
        .lines()
        .flat_map(|line| {
            line.split(['|', '#'])
                .next()
                .unwrap_or("")
                .split_whitespace()
        })
        .map(normalize_word)
        .collect();
    Stopwords { words }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snowball_format_is_parsed() {
        let list =
            parse(" | comment\ni  | subject\nme\n\nvoi vous | two on a line\nDon\u{2019}t\n");
        for word in ["i", "me", "voi", "vous", "don't"] {
            assert!(list.contains(word), "{word}");
        }
        assert_eq!(list.len(), 5);
    }

    #[test]
    fn builtin_lists_have_their_published_sizes() {
        let english = Stopwords::load(&StopwordSource::Builtin, Language::default()).unwrap();
        assert_eq!(english.len(), 174);
        assert!(english.contains("the") && english.contains("don't") && !english.contains("will"));
        let french = Language::find("fr").unwrap();
        assert!(Stopwords::load(&StopwordSource::Builtin, french)
            .unwrap()
            .contains("les"));
        let russian = Language::find("ru").unwrap();
        assert!(Stopwords::load(&StopwordSource::Builtin, russian)
            .unwrap()
            .contains("и"));
        let arabic = Language::find("ar").unwrap();
        assert!(Stopwords::load(&StopwordSource::Builtin, arabic)
            .unwrap()
            .is_empty());
    }

    #[test]
    fn added_words_and_files_join_the_list_normalised() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("extra.txt");
        std::fs::write(
            &path,
            "# names of presidents\nK\u{151}r\u{F6}si\nLajčák # 2017\n",
        )
        .unwrap();
        let english = Stopwords::load(&StopwordSource::Builtin, Language::default()).unwrap();
        let list = english
            .with_added(&[
                AddedStopwords::Words(vec!["Mr".into(), " Excellency ".into(), String::new()]),
                AddedStopwords::File(path.clone()),
            ])
            .unwrap();
        for word in ["the", "mr", "excellency", "k\u{151}r\u{F6}si", "lajčák"] {
            assert!(list.contains(word), "{word}");
        }
        assert_eq!(list.len(), 174 + 4);
        assert_eq!(
            AddedStopwords::Words(vec!["a".into(), "b".into()]).to_string(),
            "a,b"
        );
        std::fs::write(&path, "# nothing\n").unwrap();
        let err = Stopwords::default()
            .with_added(&[AddedStopwords::File(path)])
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("extra.txt") && err.contains("no words"),
            "{err}"
        );
    }

    #[test]
    fn none_means_no_stopwords() {
        let list = Stopwords::load(&StopwordSource::None, Language::default()).unwrap();
        assert!(list.is_empty());
    }

    #[test]
    fn an_empty_user_list_is_an_error_naming_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("stop.txt");
        std::fs::write(&path, "| only a comment\n").unwrap();
        let err = Stopwords::load(&StopwordSource::File(path), Language::default())
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("stop.txt") && err.contains("no words"),
            "{err}"
        );
    }
}
