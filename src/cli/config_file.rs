//! A `--config` file: TOML whose keys are the long option names, turned into the tokens a
//! user would type. Each key is checked against `speechstat analyze`, which has every
//! option, so a mistake is reported with the file and line whichever subcommand reads it.

use std::any::TypeId;
use std::ffi::OsString;
use std::path::Path;

use clap::parser::ValueSource;
use clap::{Arg, ArgAction, ArgMatches, Parser};
use toml::de::{DeTable, DeValue};

use super::{clap_message, closest, Cli, Refusal};

/// The options of the file at `path` as tokens for subcommand `name`: options that
/// subcommand does not have are left out, and so are those the user typed (or typed an
/// alternative of: `--manifest` replaces the file's `inputs`).
pub(super) fn options(
    path: &Path,
    command: &clap::Command,
    name: &str,
    typed: &ArgMatches,
) -> Result<Vec<OsString>, Refusal> {
    let refused = |line: Option<usize>, message: String| {
        let line = line.map(|n| format!(" line {n}")).unwrap_or_default();
        Refusal::ConfigFile(format!("{}{line}: {message}", path.display()))
    };
    let text = std::fs::read_to_string(path)
        .map_err(|err| refused(None, format!("cannot read the config file: {err}")))?;
    let table = DeTable::parse(&text).map_err(|err| {
        let line = err.span().map(|span| line_of(&text, span.start));
        refused(line, format!("not a TOML file: {}", err.message()))
    })?;
    let (Some(analyze), Some(subcommand)) = (
        command.find_subcommand("analyze"),
        command.find_subcommand(name),
    ) else {
        return Ok(Vec::new());
    };
    let mut entries: Vec<_> = table.get_ref().iter().collect();
    entries.sort_by_key(|(key, _)| key.span().start);
    let mut tokens = Vec::new();
    for (key, value) in entries {
        let line = Some(line_of(&text, key.span().start));
        let key = key.get_ref().as_ref();
        let value = value.get_ref();
        let option = option(analyze, key, value).map_err(|m| refused(line, m))?;
        let these = tokens_of(option, key, value).map_err(|m| refused(line, m))?;
        check(&these).map_err(|m| refused(line, format!("{key}: {m}")))?;
        match subcommand
            .get_arguments()
            .find(|a| a.get_id() == option.get_id())
        {
            Some(option) if !typed_by_user(subcommand, typed, option) => tokens.extend(these),
            _ => {}
        }
    }
    // Options that are fine one by one may still exclude each other (inputs and manifest).
    check(&tokens).map_err(|m| refused(None, m))?;
    Ok(tokens)
}

/// The option `key` names, or why there is none.
fn option<'a>(analyze: &'a clap::Command, key: &str, value: &DeValue) -> Result<&'a Arg, String> {
    if let DeValue::Table(_) = value {
        return Err(format!(
            "[{key}]: a config file has no sections; give the options at the top level, \
             as group-by = [\"party\"]"
        ));
    }
    if key == "config" {
        return Err("a config file cannot name another one".to_owned());
    }
    let is_option = |arg: &&Arg| {
        !matches!(
            arg.get_action(),
            ArgAction::Help | ArgAction::HelpShort | ArgAction::HelpLong | ArgAction::Version
        )
    };
    let named =
        |arg: &&Arg| arg.get_long() == Some(key) || (arg.is_positional() && arg.get_id() == key);
    analyze
        .get_arguments()
        .filter(is_option)
        .find(named)
        .ok_or_else(|| {
            let names = analyze
                .get_arguments()
                .filter(is_option)
                .filter_map(name_of);
            let hint = closest(key, names)
                .map(|n| format!(" (did you mean {n:?}?)"))
                .unwrap_or_default();
            format!(
                "unknown option {key:?}{hint}; the keys are the long options of \
                 `speechstat analyze --help` without the dashes, and inputs"
            )
        })
}

/// An option's key in a config file.
fn name_of(arg: &Arg) -> Option<&str> {
    arg.get_long()
        .or_else(|| arg.is_positional().then(|| arg.get_id().as_str()))
}

/// What a value of an option is written as in TOML.
#[derive(Clone, Copy)]
enum Kind {
    Whole,
    Number,
    Text,
}

impl Kind {
    /// From the type the option's value parser yields.
    fn of(arg: &Arg) -> Kind {
        let parsed = arg.get_value_parser().type_id();
        let whole = [
            TypeId::of::<u8>(),
            TypeId::of::<u16>(),
            TypeId::of::<u32>(),
            TypeId::of::<u64>(),
            TypeId::of::<usize>(),
            TypeId::of::<i32>(),
            TypeId::of::<i64>(),
        ];
        if whole.iter().any(|id| parsed == *id) {
            Kind::Whole
        } else if parsed == TypeId::of::<f64>() {
            Kind::Number
        } else {
            Kind::Text
        }
    }

    fn what(self) -> &'static str {
        match self {
            Kind::Whole => "a whole number",
            Kind::Number => "a number",
            Kind::Text => "text in quotes",
        }
    }

    /// The value as typed on a command line, if it is of this kind.
    fn text(self, value: &DeValue) -> Option<String> {
        let whole = |value: &DeValue| match value {
            DeValue::Integer(n) => i128::from_str_radix(n.as_str(), n.radix())
                .ok()
                .map(|n| n.to_string()),
            _ => None,
        };
        match (self, value) {
            (Kind::Whole, value) => whole(value),
            (Kind::Number, DeValue::Float(x)) => Some(x.as_str().to_owned()),
            (Kind::Number, value) => whole(value),
            (Kind::Text, DeValue::String(s)) => Some(s.to_string()),
            (Kind::Text, _) => None,
        }
    }
}

/// The tokens that give `option` the value `value` on a command line.
fn tokens_of(option: &Arg, key: &str, value: &DeValue) -> Result<Vec<OsString>, String> {
    let found = |value: &DeValue| match value {
        DeValue::String(s) => format!("{} ({s:?})", value.type_str()),
        _ => value.type_str().to_owned(),
    };
    if let ArgAction::SetTrue = option.get_action() {
        return match value {
            DeValue::Boolean(true) => Ok(vec![format!("--{key}").into()]),
            DeValue::Boolean(false) => Ok(Vec::new()),
            other => Err(format!("{key} is true or false, not {}", found(other))),
        };
    }
    let takes = option.get_num_args().unwrap_or_default();
    let many = matches!(option.get_action(), ArgAction::Append) || takes.max_values() > 1;
    let items: Vec<&DeValue> = match value {
        DeValue::Array(items) if many => items.iter().map(|i| i.get_ref()).collect(),
        DeValue::Array(_) => return Err(format!("{key} takes one value, not a list")),
        one => vec![one],
    };
    let kind = Kind::of(option);
    let values = items
        .into_iter()
        .map(|item| {
            kind.text(item)
                .ok_or_else(|| format!("{key} takes {}, not {}", kind.what(), found(item)))
        })
        .collect::<Result<Vec<String>, String>>()?;
    let tokens: Vec<String> = if option.is_positional() {
        // A path that starts with `-` would read as an option.
        values
            .into_iter()
            .map(|v| match v.starts_with('-') {
                true => format!("./{v}"),
                false => v,
            })
            .collect()
    } else if takes.min_values() > 1 {
        std::iter::once(format!("--{key}")).chain(values).collect()
    } else {
        values.into_iter().map(|v| format!("--{key}={v}")).collect()
    };
    Ok(tokens.into_iter().map(OsString::from).collect())
}

/// Whether the user typed `option`, or an option that excludes it.
fn typed_by_user(subcommand: &clap::Command, typed: &ArgMatches, option: &Arg) -> bool {
    let on_command_line =
        |arg: &Arg| typed.value_source(arg.get_id().as_str()) == Some(ValueSource::CommandLine);
    let excludes = |a: &Arg, b: &Arg| {
        subcommand
            .get_arg_conflicts_with(a)
            .iter()
            .any(|c| c.get_id() == b.get_id())
    };
    on_command_line(option)
        || subcommand.get_arguments().any(|other| {
            on_command_line(other) && (excludes(option, other) || excludes(other, option))
        })
}

/// Parses `tokens` as options of `speechstat analyze`: clap's message if they are wrong.
fn check(tokens: &[OsString]) -> Result<(), String> {
    let line = [OsString::from("speechstat"), OsString::from("analyze")];
    Cli::try_parse_from(line.iter().chain(tokens))
        .map(|_| ())
        .map_err(|err| clap_message(&err))
}

/// The 1-based line of byte `offset`.
fn line_of(text: &str, offset: usize) -> usize {
    let before = &text.as_bytes()[..offset.min(text.len())];
    before.iter().filter(|&&b| b == b'\n').count() + 1
}
