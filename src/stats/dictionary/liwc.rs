//! LIWC's `.dic` format: a header of categories between two `%` lines, each
//! `number<TAB>name`, then one line per pattern, `pattern<TAB>number number ...`. A pattern
//! of several words (separated by spaces, the categories by tabs) is a multiword entry;
//! LIWC's trailing `*` is a glob. LIWC 2007's conditional entries (`like (02 134)131/125`)
//! are refused: their rule cannot be counted as a plain category.

use super::Builder;
use crate::error::Result;

/// Reads the `.dic` text into `builder`.
pub(super) fn parse(text: &str, builder: &mut Builder<'_>) -> Result<()> {
    let mut lines = text.lines().enumerate().map(|(i, l)| (i as u64 + 1, l));
    let first = lines.by_ref().find(|(_, l)| !l.trim().is_empty());
    match first {
        Some((_, line)) if line.trim() == "%" => {}
        Some((n, _)) => {
            return Err(builder.error(
                n,
                "not a LIWC dictionary: a .dic file starts with a line holding % alone, then \
                 its categories as number<TAB>name, then %",
            ))
        }
        None => return Err(builder.error(1, "the file is empty")),
    }
    // The header: category numbers as the file gives them, and their index.
    let mut numbers: Vec<(String, usize)> = Vec::new();
    let mut header_closed = false;
    for (n, line) in lines.by_ref() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if line == "%" {
            header_closed = true;
            break;
        }
        let mut fields = line.split_whitespace();
        let (Some(number), Some(name)) = (fields.next(), fields.next()) else {
            return Err(builder.error(n, "a header line is number<TAB>category name"));
        };
        if !number.chars().all(|c| c.is_ascii_digit()) {
            return Err(builder.error(
                n,
                format!("{number:?} is no category number; a header line is number<TAB>name"),
            ));
        }
        let number = normalized_number(number);
        if numbers.iter().any(|(k, _)| *k == number) {
            return Err(builder.error(n, format!("category number {number} given twice")));
        }
        if builder.has_category(name) {
            return Err(builder.error(n, format!("category {name:?} given twice")));
        }
        numbers.push((number, builder.category(name)));
    }
    if !header_closed {
        return Err(builder.error(
            text.lines().count() as u64,
            "the category header never closes: end it with a line holding % alone",
        ));
    }
    for (n, line) in lines {
        if line.trim().is_empty() {
            continue;
        }
        let (pattern, categories) = split_entry(line);
        if pattern.contains(['(', ')', '/', '<', '>']) || categories.contains(['(', ')', '/']) {
            return Err(builder.error(
                n,
                "a conditional entry (LIWC 2007's `word (02 134)131/125`) cannot be counted as a \
                 category; remove it or write it as plain words",
            ));
        }
        let categories: Vec<&str> = categories.split_whitespace().collect();
        if categories.is_empty() {
            return Err(builder.error(
                n,
                format!("{pattern:?} has no category numbers; write pattern<TAB>number ..."),
            ));
        }
        for number in categories {
            let key = normalized_number(number);
            let Some(&(_, category)) = numbers.iter().find(|(k, _)| *k == key) else {
                return Err(builder.error(
                    n,
                    format!(
                        "category number {number} of {pattern:?} is not in the header; add it \
                         between the % lines or correct the number"
                    ),
                ));
            };
            builder.add(category, pattern, None, n)?;
        }
    }
    Ok(())
}

/// The pattern and the category numbers of a word line: split at the first tab, or, in a
/// file without tabs, before the first number.
fn split_entry(line: &str) -> (&str, &str) {
    let line = line.trim();
    if let Some((pattern, rest)) = line.split_once('\t') {
        return (pattern.trim(), rest);
    }
    let mut start = line.len();
    let mut offset = 0;
    for word in line.split(' ') {
        if !word.is_empty() && word.chars().all(|c| c.is_ascii_digit()) {
            start = offset;
            break;
        }
        offset += word.len() + 1;
    }
    (line[..start].trim(), &line[start..])
}

/// `01` and `1` are one category.
fn normalized_number(number: &str) -> String {
    let trimmed = number.trim_start_matches('0');
    match trimmed.is_empty() {
        true => "0".into(),
        false => trimmed.into(),
    }
}
