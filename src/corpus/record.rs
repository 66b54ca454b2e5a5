//! The UN meeting-record format: a line `## Speaker (Country) (spoke in Language):` starts a
//! speech. A file may hold one speech or a whole meeting; every heading starts a new document,
//! and text before the first heading (if any) is a document of its own.
//!
//! Raw verbatim records print the speaker at the start of the speech's first paragraph
//! instead: `Mr. Baialinov (Kyrgyzstan) (spoke in Russian): I would like ...`. Such an
//! inline heading is recognised at the start of a paragraph when it begins with a title used
//! in the records (Mr., Mrs., Ms., The President, The Secretary-General, ...), is short, and
//! ends with a colon; the text after the colon is the start of the speech. Inline headings
//! are only looked for in files without `## ` headings.

use super::lines::lines_inclusive;

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
    let mut paragraph_start = true;
    // A file marked up with `## ` headings uses only those: a paragraph starting "The
    // President: ..." inside such a speech is part of it, as the markup says.
    // Most files have no `##` at all: then no line is a heading, and no line is looked at
    // for one.
    let has_marks = memchr::memmem::find(text.as_bytes(), b"##").is_some();
    let inline_headings = !has_marks
        || !text
            .split('\n')
            .any(|line| parse_heading_line(line).is_some());
    for (index, line) in lines_inclusive(text).enumerate() {
        let line_no = index as u64 + 1;
        let found = match has_marks.then(|| parse_heading_line(line)).flatten() {
            Some(heading) => Some((heading, line.len())),
            None if paragraph_start && inline_headings => parse_inline_heading(line),
            None => None,
        };
        if let Some((heading, body_offset)) = found {
            push_record(
                &mut records,
                current_heading.take(),
                &text[body_start..offset],
                body_line,
            );
            current_heading = Some(heading);
            body_start = offset + body_offset;
            body_line = line_no;
        }
        paragraph_start = line.trim().is_empty();
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

/// Titles that open a speaker designation in UN verbatim records.
const RECORD_TITLES: &[&str] = &[
    "Mr.",
    "Mrs.",
    "Ms.",
    "Miss",
    "Sir",
    "Dame",
    "Lord",
    "Lady",
    "Baroness",
    "Dr.",
    "Prof.",
    "Archbishop",
    "Monsignor",
    "Cardinal",
    "Sheikh",
    "Sheikha",
    "Prince",
    "Princess",
    "King",
    "Queen",
    "President",
    "The President",
    "The Acting President",
    "The Secretary-General",
    "The Deputy Secretary-General",
    "The Chair",
    "The Chairman",
    "The Chairperson",
    "The representative of",
];

/// Lower-case words that may begin a surname ("Mr. van Oosterom", "Mr. de Decker").
const NAME_PARTICLES: &[&str] = &[
    "van", "von", "de", "der", "den", "del", "della", "da", "di", "do", "dos", "das", "du", "la",
    "le", "al", "el", "bin", "ibn", "ter", "ten",
];

/// "Mr. President:" opens a passage addressed to the chair; it does not name a speaker.
const SALUTATIONS: &[&str] = &[
    "president",
    "vice-president",
    "secretary-general",
    "chairman",
    "chairperson",
    "chair",
    "co-chair",
    "speaker",
    "moderator",
];

/// Most words a speaker designation has outside its brackets ("Mr. Popolizio Bardales").
const MAX_DESIGNATION_WORDS: usize = 7;

/// Recognises `Mr. X (Country) (spoke in Y): text` at the start of a paragraph; returns the
/// heading and the byte offset in `line` where the speech text starts.
pub fn parse_inline_heading(line: &str) -> Option<(Heading, usize)> {
    let designation_end = designation_colon(line)?;
    let designation = line[..designation_end].trim();
    let title = RECORD_TITLES
        .iter()
        .filter(|title| designation.starts_with(*title))
        .max_by_key(|title| title.len())?;
    let outside_brackets = designation.split('(').next().unwrap_or("");
    let rest = outside_brackets[title.len()..].trim();
    let words = outside_brackets.split_whitespace().count();
    let title_needs_name = !title.starts_with("The ");
    let first_name_word = rest.split_whitespace().next().unwrap_or("");
    let name_ok = rest.is_empty() && !title_needs_name
        || first_name_word
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
        || NAME_PARTICLES.contains(&first_name_word);
    let salutation = SALUTATIONS.contains(&rest.to_lowercase().as_str());
    if words > MAX_DESIGNATION_WORDS
        || !name_ok
        || salutation
        || outside_brackets.contains([',', ';', '"'])
    {
        return None;
    }
    // "The representative of China" keeps its words as the speaker.
    Some((parse_heading(designation), designation_end + 1))
}

/// The offset of the colon ending a speaker designation: the first `:` outside brackets,
/// within the first 200 bytes.
fn designation_colon(line: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in line.char_indices() {
        if i > 200 {
            return None;
        }
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            ':' if depth == 0 => return Some(i),
            '\n' => return None,
            _ => {}
        }
    }
    None
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
    fn inline_headings_of_raw_records_are_recognised() {
        let cases = [
            (
                "Mr. Baialinov (Kyrgyzstan) (spoke in Russian): I\n",
                Some((heading("Mr. Baialinov", "Kyrgyzstan", "Russian"), " I\n")),
            ),
            (
                "The President (spoke in French): The next\n",
                Some((heading("The President", "", "French"), " The next\n")),
            ),
            (
                "The Secretary-General: The Security Council\n",
                Some((
                    heading("The Secretary-General", "", "English"),
                    " The Security Council\n",
                )),
            ),
            (
                "Mr. Popolizio Bardales (Peru) (spoke in Spanish): Thank you.",
                Some((
                    heading("Mr. Popolizio Bardales", "Peru", "Spanish"),
                    " Thank you.",
                )),
            ),
            (
                "Mr. van Oosterom (Netherlands): I thank you,",
                Some((
                    heading("Mr. van Oosterom", "Netherlands", "English"),
                    " I thank you,",
                )),
            ),
            ("Mr. President, I thank you: it was good.", None),
            ("Mr. President:", None),
            ("Madam President:", None),
            (
                " President Bachelet Jeria (spoke in Spanish): ",
                Some((heading("President Bachelet Jeria", "", "Spanish"), " ")),
            ),
            ("Mr. said: it", None),
            ("The Council notes the following: first,", None),
            ("Mr.: nothing", None),
            ("President: nothing", None),
            (
                "Mr. X said that the long list of things we must do is: more",
                None,
            ),
        ];
        for (line, expected) in cases {
            let parsed = parse_inline_heading(line).map(|(h, at)| (h, &line[at..]));
            assert_eq!(parsed, expected, "{line}");
        }
    }

    #[test]
    fn a_raw_meeting_record_splits_at_paragraph_initial_speakers() {
        let text = "The President: I give the floor to\nMr. A.\n\nMr. A (France) (spoke in French): Thank\nyou. Mr. B: said\n\nMr. B (Chile): Yes.\n";
        let records = split_records(text);
        let speakers: Vec<&str> = records
            .iter()
            .map(|r| r.heading.as_ref().map_or("", |h| h.speaker.as_str()))
            .collect();
        assert_eq!(speakers, ["The President", "Mr. A", "Mr. B"]);
        assert_eq!(records[1].body, " Thank\nyou. Mr. B: said\n\n");
        assert_eq!(records[2].line, 7);
    }

    #[test]
    fn marked_up_files_split_only_at_marked_headings() {
        let text = "## The President:\n\nI open the meeting.\n\nThe President (spoke in French): There were 15 votes.\n";
        let records = split_records(text);
        assert_eq!(records.len(), 1);
        assert!(records[0].body.contains("There were 15 votes"));
    }

    #[test]
    fn a_file_without_headings_is_one_record() {
        let records = split_records("\n\nJust a speech.\nOn two lines.\n");
        assert_eq!(records.len(), 1);
        assert_eq!(records[0].heading, None);
        assert!(split_records("  \n\n").is_empty());
    }
}
