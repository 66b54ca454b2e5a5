//! The settings that shape what a shard holds: the language, stemming, the stopword list in
//! force, the reading options that change the texts and the co-occurrence context its pairs
//! were counted in. A shard records them (its
//! `settings.parquet`, one row per setting); shards counted with different settings cannot be
//! merged, and `score` reads its language, stemming and stopwords from them, not from its
//! command line.

use std::path::Path;

use crate::corpus::{ReadOptions, Unit};
use crate::error::{Error, Result};
use crate::pipeline::Config;
use crate::stats::pairs::cooccurrence::Context;
use crate::text::{AddedStopwords, Language, Normalizer, Stopwords};

/// What a shard's `format` setting says: bumped whenever the files change meaning.
pub(super) const FORMAT: &str = "speechstat shard 2";

/// The settings of a shard, as `(setting, value)` rows in this order.
pub(super) type Settings = Vec<(String, String)>;

/// The settings of a shard counted with `config` and `normalizer`. The version is among
/// them: another version may tokenize otherwise.
pub(super) fn of(config: &Config, normalizer: &Normalizer) -> Settings {
    let read = &config.read;
    let setting = |name: &str, value: String| (name.to_owned(), value);
    vec![
        setting("format", FORMAT.into()),
        setting("speechstat", env!("CARGO_PKG_VERSION").into()),
        setting("language", config.language.code.into()),
        setting("stem", config.stem.to_string()),
        // The list itself: a --stopwords FILE may sit elsewhere on another machine.
        setting("stopwords", normalizer.stopwords().sorted().join("\n")),
        setting("keep-annotations", read.keep_annotations.to_string()),
        setting(
            "unit",
            match read.unit {
                Unit::Speech => "speech",
                Unit::Sitting => "sitting",
            }
            .into(),
        ),
        setting("text-column", read.text_column.clone().unwrap_or_default()),
        setting("id-column", read.id_column.clone().unwrap_or_default()),
        setting(
            "delimiter",
            read.delimiter
                .map(|b| char::from(b).to_string())
                .unwrap_or_default(),
        ),
        setting("context", context_name(config.context)),
    ]
}

/// How a shard names a co-occurrence context: `window N`, `sentence` or `document`.
pub(super) fn context_name(context: Context) -> String {
    match context {
        Context::Window(w) => format!("window {w}"),
        Context::Sentence => "sentence".into(),
        Context::Document => "document".into(),
    }
}

/// The context a shard's `context` setting names.
fn context_named(name: &str) -> Option<Context> {
    match name {
        "sentence" => Some(Context::Sentence),
        "document" => Some(Context::Document),
        _ => name
            .strip_prefix("window ")
            .and_then(|w| w.parse().ok())
            .map(Context::Window),
    }
}

/// The first setting in which `other` (of the shard at `other_path`) differs from `first`
/// (of the shard at `first_path`), as an error that names both shards and the setting.
pub(super) fn check_same(
    first: &Settings,
    first_path: &Path,
    other: &Settings,
    other_path: &Path,
) -> Result<()> {
    for (name, value) in first {
        let theirs = value_of(other, name);
        if theirs != Some(value.as_str()) {
            return Err(Error::Shard {
                path: other_path.to_path_buf(),
                message: format!(
                    "was counted with {name} = {}, but {} with {name} = {}; count every shard \
                     with the same settings",
                    theirs.map_or("(none)".into(), shown),
                    first_path.display(),
                    shown(value)
                ),
            });
        }
    }
    Ok(())
}

/// The settings of a (merged) shard at `path`, each checked to appear once: an engine's
/// `SELECT DISTINCT` over shards of different settings gives a setting two rows.
pub(super) fn check_single(settings: &Settings, path: &Path) -> Result<()> {
    for (i, (name, value)) in settings.iter().enumerate() {
        if let Some((_, other)) = settings[i + 1..].iter().find(|(n, _)| n == name) {
            return Err(Error::Shard {
                path: path.to_path_buf(),
                message: format!(
                    "holds two values of {name} ({} and {}): its shards were counted with \
                     different settings; count every shard with the same settings",
                    shown(value),
                    shown(other)
                ),
            });
        }
    }
    match value_of(settings, "format") {
        Some(FORMAT) => Ok(()),
        found => Err(Error::Shard {
            path: path.to_path_buf(),
            message: format!(
                "is of format {}, not {FORMAT:?}: count the corpus again with this speechstat",
                found.map_or("(none)".into(), |f| format!("{f:?}"))
            ),
        }),
    }
}

/// The configuration of `score`: `config` with the language, stemming, reading options and
/// co-occurrence context the shard at `path` was counted with, and the normalizer of its stopword list.
pub(super) fn apply(
    settings: &Settings,
    path: &Path,
    config: &Config,
) -> Result<(Config, Normalizer)> {
    let get = |name: &str| {
        value_of(settings, name).ok_or_else(|| Error::Shard {
            path: path.to_path_buf(),
            message: format!("records no {name} setting; count the corpus again"),
        })
    };
    let language = Language::find(get("language")?).ok_or_else(|| Error::Shard {
        path: path.to_path_buf(),
        message: format!(
            "records an unknown language {:?}",
            get("language").unwrap_or("")
        ),
    })?;
    let stem = get("stem")? == "true";
    let words: Vec<String> = get("stopwords")?.lines().map(str::to_owned).collect();
    let stopwords = Stopwords::default().with_added(&[AddedStopwords::Words(words)])?;
    let optional = |value: &str| (!value.is_empty()).then(|| value.to_owned());
    let read = ReadOptions {
        keep_annotations: get("keep-annotations")? == "true",
        unit: match get("unit")? {
            "sitting" => Unit::Sitting,
            _ => Unit::Speech,
        },
        text_column: optional(get("text-column")?),
        id_column: optional(get("id-column")?),
        delimiter: get("delimiter")?.bytes().next(),
        ..config.read.clone()
    };
    let context = context_named(get("context")?).ok_or_else(|| Error::Shard {
        path: path.to_path_buf(),
        message: format!(
            "records an unknown co-occurrence context {:?}",
            get("context").unwrap_or("")
        ),
    })?;
    let config = Config {
        language,
        stem,
        read,
        context,
        ..config.clone()
    };
    Ok((config, Normalizer::new(language, stem, stopwords)))
}

fn value_of<'s>(settings: &'s Settings, name: &str) -> Option<&'s str> {
    settings
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

/// A value for a message: a stopword list by its length, not its words.
fn shown(value: &str) -> String {
    match value.lines().count() {
        0 | 1 => format!("{value:?}"),
        n => format!("a list of {n} words"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(rows: &[(&str, &str)]) -> Settings {
        rows.iter()
            .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn shards_differ_in_the_first_setting_that_differs_and_both_are_named() {
        let a = settings(&[("format", FORMAT), ("language", "en"), ("stem", "true")]);
        let cases = [
            (
                settings(&[("format", FORMAT), ("language", "en"), ("stem", "true")]),
                None,
            ),
            (
                settings(&[("format", FORMAT), ("language", "fr"), ("stem", "false")]),
                Some("language = \"fr\""),
            ),
            (
                settings(&[("format", FORMAT), ("language", "en")]),
                Some("stem = (none)"),
            ),
        ];
        for (b, expected) in cases {
            let result = check_same(&a, Path::new("s1"), &b, Path::new("s2"));
            match expected {
                None => assert!(result.is_ok()),
                Some(text) => {
                    let message = result.unwrap_err().to_string();
                    assert!(message.starts_with("s2: "), "{message}");
                    assert!(message.contains(text), "{message}");
                    assert!(message.contains("but s1 with"), "{message}");
                }
            }
        }
    }

    #[test]
    fn a_merged_shard_with_two_values_of_a_setting_or_another_format_is_refused() {
        let two = settings(&[("format", FORMAT), ("stem", "true"), ("stem", "false")]);
        let message = check_single(&two, Path::new("m")).unwrap_err().to_string();
        assert!(message.contains("two values of stem"), "{message}");
        let lists = settings(&[
            ("format", FORMAT),
            ("stopwords", "a\nb"),
            ("stopwords", "a"),
        ]);
        let message = check_single(&lists, Path::new("m"))
            .unwrap_err()
            .to_string();
        assert!(message.contains("a list of 2 words and \"a\""), "{message}");
        let old = settings(&[("format", "speechstat shard 0")]);
        let message = check_single(&old, Path::new("m")).unwrap_err().to_string();
        assert!(message.contains("count the corpus again"), "{message}");
        assert!(check_single(&settings(&[("format", FORMAT)]), Path::new("m")).is_ok());
    }

    #[test]
    fn a_context_reads_back_from_its_name() {
        for context in [
            Context::Window(1),
            Context::Window(1000),
            Context::Sentence,
            Context::Document,
        ] {
            assert_eq!(context_named(&context_name(context)), Some(context));
        }
        assert_eq!(context_named("window"), None);
        assert_eq!(context_named("paragraph"), None);
    }
}
