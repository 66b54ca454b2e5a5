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
    let dictionaries = paths
        .iter()
        .map(|p| read(p))
        .collect::<Result<Vec<_>>>()?;
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
