//! The part of YAML that quanteda's dictionaries use: categories as keys, each with a list
//! of patterns (a block list of `- pattern` lines, or a flow list `[a, "b c"]` on one line,
//! or one pattern), and categories nested under a parent named `parent.child`. Comments
//! (`#`), quoted strings and blank lines are read; anything else (tabs as indentation,
//! anchors, lists spread over lines) is refused with its line, not guessed at.

use super::Builder;
use crate::error::Result;

/// A key whose value is on the lines below: a parent of categories or a block list.
struct Open {
    indent: usize,
    name: String,
    line: u64,
    /// Whether `- pattern` lines or keys followed it so far.
    holds: Holds,
}

#[derive(PartialEq)]
enum Holds {
    Nothing,
    Patterns,
    Categories,
}

/// Reads the YAML text into `builder`.
pub(super) fn parse(text: &str, builder: &mut Builder<'_>) -> Result<()> {
    let mut open: Vec<Open> = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let n = i as u64 + 1;
        let line = strip_comment(raw);
        if line.trim().is_empty() || line.trim() == "---" {
            continue;
        }
        let indent = line.len() - line.trim_start_matches(' ').len();
        if line[indent..].starts_with('\t') {
            return Err(builder.error(n, "a tab in the indentation; YAML indents with spaces"));
        }
        let content = line.trim();
        if content.starts_with(['&', '*', '!', '|', '>', '{']) {
            return Err(builder.error(n, unsupported()));
        }
        if let Some(item) = content
            .strip_prefix('-')
            .filter(|r| r.is_empty() || r.starts_with(' '))
        {
            while open.last().is_some_and(|o| o.indent > indent) {
                close(builder, open.pop())?;
            }
            let Some(parent) = open.last_mut().filter(|o| o.holds != Holds::Categories) else {
                return Err(builder.error(
                    n,
                    "a list item outside a category; write `category:` above its `- pattern` lines",
                ));
            };
            parent.holds = Holds::Patterns;
            let name = path(&open);
            let category = builder.category(&name);
            builder.add(category, &scalar(item.trim(), builder, n)?, None, n)?;
            continue;
        }
        let Some((key, value)) = split_key(content) else {
            return Err(builder.error(
                n,
                "neither `category:` nor `- pattern`; is this a YAML dictionary?",
            ));
        };
        while open.last().is_some_and(|o| o.indent >= indent) {
            close(builder, open.pop())?;
        }
        if let Some(parent) = open.last_mut() {
            if parent.holds == Holds::Patterns {
                return Err(builder.error(
                    n,
                    format!("{:?} holds patterns and categories at once", parent.name),
                ));
            }
            parent.holds = Holds::Categories;
        }
        let key = scalar(key, builder, n)?;
        if key.is_empty() || key.contains('.') {
            return Err(builder.error(
                n,
                format!("{key:?}: a category name must be non-empty and without `.` (which joins nested names)"),
            ));
        }
        open.push(Open {
            indent,
            name: key,
            line: n,
            holds: Holds::Nothing,
        });
        let name = path(&open);
        if builder.has_category(&name) {
            return Err(builder.error(n, format!("category {name:?} given twice")));
        }
        if value.is_empty() {
            continue;
        }
        let category = builder.category(&name);
        for pattern in values(value, builder, n)? {
            builder.add(category, &pattern, None, n)?;
        }
        open.pop();
    }
    while let Some(o) = open.pop() {
        close(builder, Some(o))?;
    }
    Ok(())
}

fn unsupported() -> &'static str {
    "this YAML (anchors, tags, block scalars, mappings in braces) is beyond what a dictionary \
     needs; write each category as `name: [pattern, ...]` or `name:` then `- pattern` lines"
}

/// A key closed: one that held nothing is an empty category, most likely a mistake.
fn close(builder: &Builder<'_>, open: Option<Open>) -> Result<()> {
    match open {
        Some(o) if o.holds == Holds::Nothing => Err(builder.error(
            o.line,
            format!(
                "category {:?} has no patterns; list them below it as `- pattern`",
                o.name
            ),
        )),
        _ => Ok(()),
    }
}

/// The open keys joined with `.`: the nested category's name.
fn path(open: &[Open]) -> String {
    open.iter()
        .map(|o| o.name.as_str())
        .collect::<Vec<_>>()
        .join(".")
}

/// The line without its comment: a `#` at the start or after a space, outside quotes.
fn strip_comment(line: &str) -> &str {
    let mut quote: Option<char> = None;
    let mut previous = ' ';
    for (i, c) in line.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '"' || c == '\'' => quote = Some(c),
            None if c == '#' && previous.is_whitespace() => return &line[..i],
            None => {}
        }
        previous = c;
    }
    line
}

/// `key: value` split at the first `: ` (or a final `:`) outside quotes.
fn split_key(content: &str) -> Option<(&str, &str)> {
    let mut quote: Option<char> = None;
    let bytes = content.as_bytes();
    for (i, c) in content.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '"' || c == '\'' => quote = Some(c),
            None if c == ':' && (i + 1 == bytes.len() || bytes[i + 1] == b' ') => {
                return Some((content[..i].trim(), content[i + 1..].trim()));
            }
            None => {}
        }
    }
    None
}

/// A value after `key:`: a flow list `[a, "b c"]`, or one pattern.
fn values(value: &str, builder: &Builder<'_>, n: u64) -> Result<Vec<String>> {
    let Some(inner) = value.strip_prefix('[') else {
        return Ok(vec![scalar(value, builder, n)?]);
    };
    let Some(inner) = inner.strip_suffix(']') else {
        return Err(builder.error(n, "a list opened with [ must close with ] on the same line"));
    };
    let mut items = Vec::new();
    let (mut start, mut quote) = (0, None);
    for (i, c) in inner.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '"' || c == '\'' => quote = Some(c),
            None if c == ',' => {
                items.push(&inner[start..i]);
                start = i + 1;
            }
            None if c == '[' || c == ']' => return Err(builder.error(n, unsupported())),
            None => {}
        }
    }
    if quote.is_some() {
        return Err(builder.error(n, "a quote opened and not closed"));
    }
    items.push(&inner[start..]);
    items
        .into_iter()
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .map(|item| scalar(item, builder, n))
        .collect()
}

/// A plain or quoted string, unquoted.
fn scalar(text: &str, builder: &Builder<'_>, n: u64) -> Result<String> {
    for q in ['"', '\''] {
        if let Some(rest) = text.strip_prefix(q) {
            return match rest.strip_suffix(q) {
                Some(inner) => Ok(inner.to_owned()),
                None => Err(builder.error(n, "a quote opened and not closed")),
            };
        }
    }
    if text.starts_with(['[', '{', '&', '!', '|', '>']) {
        return Err(builder.error(n, unsupported()));
    }
    Ok(text.to_owned())
}
