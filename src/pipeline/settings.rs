//! Every effective option of an analysis, named as on the command line (`group-by`,
//! `min-count`, ...): what `run.json`, the report and the data dictionary record, and what a
//! `--config` file takes back.

use std::path::Path;

use super::config::{Config, Mode};
use crate::output::json::Json;
use crate::stats::pairs::cooccurrence::Context;
use crate::stats::profile::trends::Period;
use crate::text::{AddedStopwords, MatchBy, StopwordSource};

/// The value of one option.
#[derive(Debug, Clone, PartialEq)]
pub enum Setting {
    /// A flag, on or off.
    Flag(bool),
    /// A whole number.
    Integer(u64),
    /// A number.
    Float(f64),
    /// A word, a name or a path.
    Text(String),
    /// Several values (a repeatable option, a comma-separated list).
    List(Vec<String>),
    /// Not given, and without a default value.
    Unset,
}

impl Setting {
    fn path(path: &Path) -> Setting {
        Setting::Text(path.display().to_string())
    }

    fn optional(value: Option<String>) -> Setting {
        value.map_or(Setting::Unset, Setting::Text)
    }

    /// The value as JSON.
    pub(crate) fn to_json(&self) -> Json<'static> {
        match self {
            Setting::Flag(b) => Json::Bool(*b),
            Setting::Integer(n) => Json::Integer(i128::from(*n)),
            Setting::Float(x) => Json::Float(*x),
            Setting::Text(s) => Json::text(s.as_str()),
            Setting::List(items) => Json::Array(items.iter().map(Json::text).collect()),
            Setting::Unset => Json::Null,
        }
    }
}

impl std::fmt::Display for Setting {
    /// As a reader of the report sees it: `true`, `3`, `party, year`, `(none)`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Setting::Flag(b) => write!(f, "{b}"),
            Setting::Integer(n) => write!(f, "{n}"),
            Setting::Float(x) => write!(f, "{x}"),
            Setting::Text(s) => f.write_str(s),
            Setting::List(items) if items.is_empty() => f.write_str("(none)"),
            Setting::List(items) => f.write_str(&items.join(", ")),
            Setting::Unset => f.write_str("(none)"),
        }
    }
}

impl Config {
    /// Every option's effective value, by its name on the command line, in the order of
    /// `speechstat analyze --help`. The word count alone (`speechstat freq`) has only the
    /// reading and output options.
    pub fn settings(&self) -> Vec<(&'static str, Setting)> {
        let mut settings = vec![
            (
                "inputs",
                Setting::List(
                    self.inputs
                        .iter()
                        .map(|p| p.display().to_string())
                        .collect(),
                ),
            ),
            (
                "manifest",
                Setting::optional(self.read.manifest.as_ref().map(|p| p.display().to_string())),
            ),
            (
                "text-column",
                Setting::optional(self.read.text_column.clone()),
            ),
            ("id-column", Setting::optional(self.read.id_column.clone())),
            (
                "delimiter",
                Setting::optional(self.read.delimiter.map(|d| match d {
                    b'\t' => "tab".to_owned(),
                    d => (d as char).to_string(),
                })),
            ),
            (
                "metadata",
                Setting::optional(self.read.metadata.as_ref().map(|p| p.display().to_string())),
            ),
            (
                "unit",
                Setting::Text(
                    match self.read.unit {
                        crate::corpus::Unit::Speech => "speech",
                        crate::corpus::Unit::Sitting => "sitting",
                    }
                    .into(),
                ),
            ),
            (
                "keep-annotations",
                Setting::Flag(self.read.keep_annotations),
            ),
            ("allow-outside", Setting::Flag(self.read.allow_outside)),
            (
                "where",
                Setting::List(
                    self.read
                        .conditions
                        .iter()
                        .map(|c| c.text.clone())
                        .collect(),
                ),
            ),
            (
                "stopwords",
                match &self.stopwords {
                    StopwordSource::Builtin => Setting::Text("builtin".into()),
                    StopwordSource::None => Setting::Text("none".into()),
                    StopwordSource::File(path) => Setting::path(path),
                },
            ),
            (
                "stopwords-add",
                Setting::List(
                    self.stopwords_add
                        .iter()
                        .map(AddedStopwords::to_string)
                        .collect(),
                ),
            ),
            ("language", Setting::Text(self.language.code.into())),
            ("no-stem", Setting::Flag(!self.stem)),
            ("out", Setting::path(&self.out)),
            ("csv", Setting::Text(self.csv.name().into())),
            ("format", Setting::Text(self.table_format.name().into())),
        ];
        if self.mode == Mode::WordCount {
            return settings;
        }
        let phrases = self.phrases.unwrap_or_default();
        let kwic = self.kwic.as_ref();
        settings.extend([
            ("tokens", Setting::Flag(self.write_tokens)),
            (
                "terms",
                self.chart_terms
                    .clone()
                    .map_or(Setting::Unset, Setting::List),
            ),
            ("group-by", Setting::List(self.group_by.clone())),
            ("similarity", Setting::Text(self.similarity.name().into())),
            (
                "similarity-measure",
                Setting::Text(self.similarity_measure.name().into()),
            ),
            ("style-words", Setting::Integer(self.style_words as u64)),
            ("min-count", Setting::Integer(self.min_count)),
            (
                "window",
                Setting::Integer(match self.context {
                    Context::Window(n) => u64::from(n),
                    _ => u64::from(crate::stats::pairs::cooccurrence::DEFAULT_WINDOW),
                }),
            ),
            (
                "context",
                Setting::Text(
                    match self.context {
                        Context::Window(_) => "window",
                        Context::Sentence => "sentence",
                        Context::Document => "document",
                    }
                    .into(),
                ),
            ),
            ("focus", Setting::List(self.focus.clone())),
            ("phrases", Setting::Flag(self.phrases.is_some())),
            ("phrase-min-count", Setting::Integer(phrases.min_count)),
            ("phrase-min-npmi", Setting::Float(phrases.min_npmi)),
            (
                "phrase-min-log-likelihood",
                Setting::Float(phrases.min_log_likelihood),
            ),
            ("top", Setting::Integer(self.keyness_top as u64)),
            ("min-range", Setting::Integer(self.min_range)),
            ("rank-by", Setting::Text(self.rank_by.name().into())),
            ("prior-scale", Setting::Float(self.prior_scale)),
            ("smoothing", Setting::Float(self.smoothing)),
            (
                "target",
                Setting::List(self.targets.iter().map(|t| t.text.clone()).collect()),
            ),
            (
                "compare",
                self.compare
                    .clone()
                    .map_or(Setting::Unset, |(a, b)| Setting::List(vec![a, b])),
            ),
            (
                "reference",
                Setting::optional(self.reference.as_ref().map(|p| p.display().to_string())),
            ),
            ("keep-shared", Setting::Flag(self.keep_shared)),
            ("max-charts", Setting::Integer(self.max_charts as u64)),
            ("chart-targets", Setting::List(self.chart_targets.clone())),
            ("mattr-window", Setting::Integer(self.mattr_window as u64)),
            ("time", Setting::optional(self.time_column.clone())),
            (
                "period",
                Setting::Text(
                    match self.period {
                        Period::Year => "year",
                        Period::FiveYears => "5y",
                        Period::Decade => "decade",
                    }
                    .into(),
                ),
            ),
            ("kwic", Setting::optional(kwic.map(|k| k.pattern.clone()))),
            (
                "match",
                Setting::Text(
                    match kwic.map_or(MatchBy::default(), |k| k.by) {
                        MatchBy::Form => "form",
                        MatchBy::Term => "term",
                    }
                    .into(),
                ),
            ),
            (
                "width",
                Setting::Integer(kwic.map_or(8, |k| k.width) as u64),
            ),
            (
                "in",
                Setting::List(
                    kwic.map(|k| k.within.as_slice())
                        .unwrap_or_default()
                        .iter()
                        .map(|(column, value)| format!("{column}={value}"))
                        .collect(),
                ),
            ),
            ("matrix-terms", Setting::Integer(self.matrix_terms as u64)),
            (
                "chart-format",
                Setting::Text(self.charts.format.extension().into()),
            ),
            (
                "chart-width",
                Setting::Integer(u64::from(self.charts.width)),
            ),
            (
                "chart-height",
                self.charts
                    .height
                    .map_or(Setting::Unset, |h| Setting::Integer(u64::from(h))),
            ),
            ("dpi", Setting::Integer(u64::from(self.charts.dpi))),
        ]);
        // Listed only when given, so that the record of a run without a dictionary is
        // what it was before dictionaries existed.
        if !self.dictionaries.is_empty() {
            settings.extend([
                (
                    "dictionary",
                    Setting::List(
                        self.dictionaries
                            .iter()
                            .map(|p| p.display().to_string())
                            .collect(),
                    ),
                ),
                (
                    "dictionary-match",
                    Setting::Text(
                        match self.dictionary_match {
                            MatchBy::Form => "form",
                            MatchBy::Term => "term",
                        }
                        .into(),
                    ),
                ),
            ]);
        }
        settings
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_option_has_one_setting() {
        let settings = Config::default().settings();
        let mut names: Vec<&str> = settings.iter().map(|(name, _)| *name).collect();
        let n = names.len();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), n, "a name given twice");
        let find = |name: &str| &settings.iter().find(|(n, _)| *n == name).unwrap().1;
        assert_eq!(find("min-count"), &Setting::Integer(3));
        assert_eq!(find("csv"), &Setting::Text("excel".into()));
        assert_eq!(find("group-by").to_string(), "(none)");
        assert_eq!(find("chart-height"), &Setting::Unset);
    }

    #[test]
    fn the_word_count_has_only_reading_and_output_options() {
        let config = Config {
            mode: Mode::WordCount,
            ..Config::default()
        };
        let names: Vec<&str> = config.settings().iter().map(|(n, _)| *n).collect();
        assert!(names.contains(&"stopwords") && names.contains(&"format"));
        assert!(!names.contains(&"group-by"));
    }
}
