//! The UN meeting-record format: a line `## Speaker (Country) (spoke in Language):` starts a
//! speech. A file may hold one speech or a whole meeting; every heading starts a new document,
//! and text before the first heading (if any) is a document of its own.

/// What a speech heading says about its speaker.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Heading {
    /// "Mr. Koncke", "The President".
    pub speaker: String,
    /// The first bracketed group that is not a language note: "Russian Federation". Empty when
    /// the heading names no country or organisation.
    pub country_or_org: String,
    /// From "(spoke in X)"; "English" when there is no note, the convention of UN verbatim
    /// records, which mark every interpreted speech.
    pub language: String,
}

/// One speech of a file: its heading (if any), its body text and where it starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record<'a> {
    pub heading: Option<Heading>,
    pub body: &'a str,
    /// 1-based line of the heading, or of the first line of the body when there is none.
    pub line: u64,
}

/// Splits a file's text (newlines already normalised to `\n`) at its speech headings.
/// Whitespace-only stretches before the first heading are dropped; everything else is kept.
pub fn split_records(text: &str) -> Vec<Record<'_>> {
    let mut records = Vec::new();
    let mut current_heading: Option<Heading> = None;
    let mut body_start = 0;
    let mut body_line = 1;
    let mut offset = 0;
    for (index, line) in text.split_inclusive('\n').enumerate() {
        let line_no = index as u64 + 1;
        if let Some(heading) = parse_heading_line(line) {
            push_record(
                &mut records,
                current_heading.take(),
                &text[body_start..offset],
                body_line,
            );
            current_heading = Some(heading);
            body_start = offset + line.len();
            body_line = line_no;
        }
        offset += line.len();
    }
    push_record(
        &mut records,
        current_heading,
        &text[body_start..],
        body_line,
    );
    records
}

fn push_record<'a>(
    records: &mut Vec<Record<'a>>,
    heading: Option<Heading>,
    body: &'a str,
    line: u64,
) {
    // A heading always makes a document (an empty speech is still a speech in the record);
    // headless text makes one only when it has content.
    if heading.is_some() || !body.trim().is_empty() {
        records.push(Record {
            heading,
            body,
            line,
        });
    }
}

/// Recognises a heading line: `## ` then the speaker line, ending in a colon.
pub fn parse_heading_line(line: &str) -> Option<Heading> {
    let inner = line.trim().strip_prefix("##")?;
    if inner.starts_with('#') {
        return None;
    }
    let inner = inner.trim().strip_suffix(':')?.trim();
    if inner.is_empty() {
        return None;
    }
    Some(parse_heading(inner))
}

/// Parses the speaker line without its `## ` and colon. Bracket groups are read nesting-aware;
/// an unclosed bracket runs to the end of the line, so `Mr. X (France` still yields France.
pub fn parse_heading(inner: &str) -> Heading {
    let (speaker, groups) = match inner.find('(') {
        Some(open) => (inner[..open].trim(), bracket_groups(&inner[open..])),
        None => (inner.trim(), Vec::new()),
    };
    let mut heading = Heading {
        speaker: speaker.to_owned(),
        ..Heading::default()
    };
    for group in groups {
        if let Some(language) = spoken_language(group) {
            if heading.language.is_empty() {
                heading.language = language;
            }
        } else if heading.country_or_org.is_empty() {
            heading.country_or_org = group.to_owned();
        }
    }
    if heading.language.is_empty() {
        heading.language = "English".to_owned();
    }
    heading
}

/// The contents of the top-level bracket groups of `s`, which starts with `(`.
fn bracket_groups(s: &str) -> Vec<&str> {
    let mut groups = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    for (i, c) in s.char_indices() {
        match c {
            '(' => {
                if depth == 0 {
                    start = i + 1;
                }
                depth += 1;
            }
            ')' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    push_group(&mut groups, &s[start..i]);
                }
            }
            _ => {}
        }
    }
    if depth > 0 {
        // An unclosed bracket: whatever nested groups it holds are groups of their own.
        for part in s[start..].split('(') {
            push_group(&mut groups, part.trim_end_matches(')'));
        }
    }
    groups
}

fn push_group<'a>(groups: &mut Vec<&'a str>, group: &'a str) {
    let group = group.trim();
    if !group.is_empty() {
        groups.push(group);
    }
}

/// "spoke in Japanese; interpretation provided by the delegation" gives "Japanese"; matching
/// is case-insensitive ("Spoke in Spanish" occurs in real records).
fn spoken_language(group: &str) -> Option<String> {
    let lower = group.to_lowercase();
    let rest = lower.strip_prefix("spoke in")?;
    let rest_original = &group[group.len() - rest.len()..];
    let language = rest_original
        .split([';', ',', '('])
        .next()
        .unwrap_or("")
        .trim();
    if language.is_empty() {
        return None;
    }
    let mut chars = language.chars();
    let first = chars.next()?;
    Some(first.to_uppercase().chain(chars).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn heading(speaker: &str, country: &str, language: &str) -> Heading {
        Heading {
            speaker: speaker.into(),
            country_or_org: country.into(),
            language: language.into(),
        }
    }

    #[test]
    fn real_heading_variants_parse() {
        let cases = [
            (
                "## Mr. Koncke (spoke in Spanish):",
                heading("Mr. Koncke", "", "Spanish"),
            ),
            (
                "## The President (spoke in Chinese):",
                heading("The President", "", "Chinese"),
            ),
            (
                "## Mr. Lavrov (Russian Federation)(spoke in Russian):",
                heading("Mr. Lavrov", "Russian Federation", "Russian"),
            ),
            (
                "## Mrs. Perceval (Argentina) (Spoke in Spanish):",
                heading("Mrs. Perceval", "Argentina", "Spanish"),
            ),
            (
                "## Mr. Sonoura (Japan) (spoke in Japanese; interpretation provided by the delegation):",
                heading("Mr. Sonoura", "Japan", "Japanese"),
            ),
            (
                "## Ms. Mlambo-Ngcuka:",
                heading("Ms. Mlambo-Ngcuka", "", "English"),
            ),
            (
                "## Mr. Liu J. Ieyi (China):",
                heading("Mr. Liu J. Ieyi", "China", "English"),
            ),
            (
                "## The Secretary-General:",
                heading("The Secretary-General", "", "English"),
            ),
            (
                "## Mr. X (United Nations (Office of Legal Affairs)) (spoke in French):",
                heading("Mr. X", "United Nations (Office of Legal Affairs)", "French"),
            ),
            ("## Mr. Y (France:", heading("Mr. Y", "France", "English")),
            (
                "## Mr. Z (Chile (spoke in Spanish):",
                heading("Mr. Z", "Chile", "Spanish"),
            ),
            (
                "  ##   Ms. Power (United States of America):  \r\n",
                heading("Ms. Power", "United States of America", "English"),
            ),
        ];
        for (line, expected) in cases {
            assert_eq!(parse_heading_line(line), Some(expected), "{line}");
        }
    }

    #[test]
    fn lines_that_are_not_headings() {
        for line in [
            "## Introduction",
            "### Mr. A (France):",
            "##:",
            "The President: I thank him.",
            "",
        ] {
            assert_eq!(parse_heading_line(line), None, "{line}");
        }
    }

    #[test]
    fn a_meeting_file_splits_at_every_heading() {
        let text = "Provisional record\n\n## The President:\n\nI open the meeting.\n\n## Mr. A (France) (spoke in French):\n\nMerci.\n## Mr. B (Chile):\n";
        let records = split_records(text);
        assert_eq!(records.len(), 4);
        assert_eq!(records[0].heading, None);
        assert_eq!(records[0].body.trim(), "Provisional record");
        assert_eq!(
            records[1].heading.as_ref().unwrap().speaker,
            "The President"
        );
        assert_eq!(records[1].body.trim(), "I open the meeting.");
        assert_eq!(records[1].line, 3);
        assert_eq!(records[2].heading.as_ref().unwrap().language, "French");
        assert_eq!(records[2].body.trim(), "Merci.");
        assert_eq!(records[3].body, "");
        assert_eq!(records[3].line, 10);
    }

    #[test]
    fn a_file_without_headings_is_one_record() {
        let records = split_records("\n\nJust a speech.\nOn two lines.\n");
        assert_eq!(records.len(), 1);
        assert_eq!(records[0].heading, None);
        assert!(split_records("  \n\n").is_empty());
    }
}
