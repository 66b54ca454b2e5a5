//! Clean-up of a speech body before tokenizing: hard-wrapped lines are joined, a paragraph
//! that breaks off mid-sentence is joined to the next, text garbled by a wrong encoding is
//! repaired where that is certain ([`super::mojibake`]), markdown emphasis and bracketed
//! annotations (`[Laughter]`) are removed. The output has one paragraph per block, blocks
//! separated by a blank line, and every blank line is a sentence boundary for the tokenizer.

/// A cleaned speech body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cleaned {
    pub text: String,
    /// Bracketed annotations taken out (0 when they were kept).
    pub annotations_removed: u32,
    /// Page-number and document-number lines of printed records taken out.
    pub footer_lines_removed: u32,
    /// Mojibake sequences (`â€”` for `—`) put back.
    pub mojibake_repaired: u32,
    /// `?` standing for a lost apostrophe (`Taliban?s`) made `'`.
    pub apostrophes_restored: u32,
}

use std::borrow::Cow;

use super::lines::lines;
use super::mojibake;

/// Cleans one speech body. `text` must already have `\n` line ends.
pub fn clean_body(text: &str, keep_annotations: bool) -> Cleaned {
    let mut annotations_removed = 0;
    let mut footer_lines_removed = 0;
    let mut mojibake_repaired = 0;
    let mut apostrophes_restored = 0;
    // The cleaned text is built in place: `last` is where its last paragraph starts.
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    let mut unfinished = false;
    let mut lines = lines(text);
    // A paragraph's lines and their joined text, kept from paragraph to paragraph.
    let mut block = Vec::new();
    let mut joined = String::new();
    while next_block(&mut lines, &mut block, &mut footer_lines_removed) {
        // Most paragraphs need only their lines joined: each further pass runs only when
        // its character occurs, and only then makes a text of its own.
        join_lines(&block, &mut joined);
        let mut paragraph = Cow::Borrowed(joined.as_str());
        if let Some(repaired) = mojibake::repair(&paragraph) {
            mojibake_repaired += repaired.mojibake;
            apostrophes_restored += repaired.apostrophes;
            paragraph = Cow::Owned(repaired.text);
        }
        // Soft hyphens are dropped on reading, but for one after `Ã`, which may be half of a
        // garbled `í`; one the repair left is dropped here.
        if paragraph.contains('\u{AD}') {
            paragraph = Cow::Owned(paragraph.replace('\u{AD}', ""));
        }
        if !keep_annotations && paragraph.contains('[') {
            paragraph = Cow::Owned(remove_annotations(&paragraph, &mut annotations_removed));
        }
        if memchr::memchr2(b'*', b'_', paragraph.as_bytes()).is_some() {
            paragraph = Cow::Owned(strip_markdown(&paragraph));
        }
        if needs_space_collapse(&paragraph) {
            paragraph = Cow::Owned(collapse_spaces(&paragraph));
        }
        if paragraph.is_empty() {
            continue;
        }
        let continues_previous = unfinished
            && (has_more_words_than(&out[last..], SHORT_TITLE_WORDS)
                || starts_lowercase(&paragraph));
        unfinished = !ends_sentence(&paragraph);
        if continues_previous {
            out.push(' ');
        } else {
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            last = out.len();
        }
        out.push_str(&paragraph);
    }
    Cleaned {
        text: out,
        annotations_removed,
        footer_lines_removed,
        mojibake_repaired,
        apostrophes_restored,
    }
}

/// A paragraph without final punctuation this short is taken for a title, not a sentence cut
/// in two by a page or paragraph break (the seed record breaks "the Second Work" / "Plan
/// include" across paragraphs).
const SHORT_TITLE_WORDS: usize = 8;

/// The lines of the next paragraph (lines up to a blank line), trimmed, in `block`, leaving
/// out page footers; false when the text has no more.
fn next_block<'a>(
    lines: &mut impl Iterator<Item = &'a str>,
    block: &mut Vec<&'a str>,
    footers: &mut u32,
) -> bool {
    block.clear();
    for line in lines {
        let line = line.trim();
        if is_page_footer(line) {
            *footers += 1;
            continue;
        }
        if !line.is_empty() {
            block.push(line);
        } else if !block.is_empty() {
            return true;
        }
    }
    !block.is_empty()
}

/// A line of a printed UN record that is not speech: a page number, a document (job) number
/// such as `08-51749` with or without a page number, or a document symbol alone
/// (`A/63/PV.5`). Removing the line keeps a sentence that runs across a page break whole.
fn is_page_footer(line: &str) -> bool {
    // Most lines are speech: rule them out before looking closer.
    if line.len() > 24 || !line.starts_with(|c: char| c.is_ascii_digit() || "ASE".contains(c)) {
        return false;
    }
    let parts: Vec<&str> = line.split_whitespace().collect();
    let is_page_number =
        |p: &str| (1..=4).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit());
    let is_job_number = |p: &str| {
        let b = p.as_bytes();
        b.len() == 8
            && b[2] == b'-'
            && b.iter()
                .enumerate()
                .all(|(i, c)| i == 2 || c.is_ascii_digit())
    };
    let is_symbol = |p: &str| {
        p.starts_with(['A', 'S', 'E'])
            && p.contains("/PV.")
            && p.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"/.".contains(&b))
    };
    match parts.as_slice() {
        [one] => is_page_number(one) || is_job_number(one) || is_symbol(one),
        [a, b] => {
            (is_page_number(a) && (is_job_number(b) || is_symbol(b)))
                || ((is_job_number(a) || is_symbol(a)) && is_page_number(b))
        }
        _ => false,
    }
}

/// Joins hard-wrapped lines with a space, into `joined`; a line ending in `letter-` is
/// joined without one, because in these records a line-end hyphen belongs to a compound
/// (`land-\nmines`).
fn join_lines(lines: &[&str], joined: &mut String) {
    joined.clear();
    joined.reserve(lines.iter().map(|line| line.len() + 1).sum());
    // Lines arrive trimmed.
    for line in lines {
        let line = line.trim_start_matches('#').trim_start();
        if !joined.is_empty() && !ends_with_compound_hyphen(joined, line) {
            joined.push(' ');
        }
        joined.push_str(line);
    }
}

fn ends_with_compound_hyphen(before: &str, next_line: &str) -> bool {
    let mut tail = before.chars().rev();
    tail.next() == Some('-')
        && tail.next().is_some_and(char::is_alphabetic)
        && next_line.chars().next().is_some_and(char::is_alphabetic)
}

/// Removes `[Laughter]`, `[Applause]`, `[1]` and other bracketed notes: a square-bracketed
/// span on one line whose text starts with a capital letter or a digit, or is a known note in
/// lower case. Square brackets inside a word (`[T]he`) are editorial restorations of the
/// speaker's words: only the brackets go.
fn remove_annotations(paragraph: &str, removed: &mut u32) -> String {
    let mut out = String::with_capacity(paragraph.len());
    let mut rest = paragraph;
    while let Some(open) = rest.find('[') {
        // Annotations are short; looking no further keeps a long line with stray brackets
        // linear.
        let window_end = floor_char_boundary(rest, open + MAX_ANNOTATION_BYTES);
        let Some(close) = rest[open..window_end].find(']').map(|c| open + c) else {
            out.push_str(&rest[..=open]);
            rest = &rest[open + 1..];
            continue;
        };
        let inner = &rest[open + 1..close];
        out.push_str(&rest[..open]);
        let glued = out.chars().next_back().is_some_and(char::is_alphanumeric)
            || rest[close + 1..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric);
        if inner.contains('[') {
            out.push('[');
            rest = &rest[open + 1..];
            continue;
        }
        if glued {
            out.push_str(inner);
        } else if is_annotation(inner) {
            *removed += 1;
            out.push(' ');
        } else {
            out.push_str(&rest[open..=close]);
        }
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

/// Longest bracketed annotation recognised, in bytes.
const MAX_ANNOTATION_BYTES: usize = 500;

fn floor_char_boundary(text: &str, mut index: usize) -> usize {
    if index >= text.len() {
        return text.len();
    }
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

fn is_annotation(inner: &str) -> bool {
    const LOWER_CASE_NOTES: [&str; 6] = [
        "laughter",
        "applause",
        "inaudible",
        "cheers",
        "booing",
        "crosstalk",
    ];
    let inner = inner.trim();
    match inner.chars().next() {
        Some(first) if first.is_uppercase() || first.is_ascii_digit() => true,
        Some(_) => {
            let lower = inner.to_lowercase();
            LOWER_CASE_NOTES.iter().any(|note| lower.starts_with(note))
        }
        None => false,
    }
}

/// Drops markdown emphasis markers: every `*`, and `_` at the edge of a word.
fn strip_markdown(paragraph: &str) -> String {
    let chars: Vec<char> = paragraph.chars().collect();
    let mut out = String::with_capacity(paragraph.len());
    for (i, &c) in chars.iter().enumerate() {
        let word_before = i > 0 && chars[i - 1].is_alphanumeric();
        let word_after = chars.get(i + 1).is_some_and(|c| c.is_alphanumeric());
        let inside_word = word_before && word_after;
        if c == '*' || (c == '_' && !inside_word) {
            continue;
        }
        out.push(c);
    }
    out
}

/// Does the paragraph hold anything but single spaces between words? (Whitespace at an end,
/// two spaces in a row, or any whitespace character other than the space, such as the
/// vertical tab, which `u8::is_ascii_whitespace` does not count.)
fn needs_space_collapse(paragraph: &str) -> bool {
    let bytes = paragraph.as_bytes();
    paragraph.starts_with(char::is_whitespace)
        || paragraph.ends_with(char::is_whitespace)
        || memchr::memmem::find(bytes, b"  ").is_some()
        // ASCII whitespace other than the space: tab, line feed, form feed, carriage return
        // and the vertical tab.
        || memchr::memchr3(b'\t', b'\n', b'\r', bytes).is_some()
        || memchr::memchr2(0x0C, 0x0B, bytes).is_some()
        || has_whitespace_beyond_ascii(paragraph)
}

/// Does the text hold a whitespace character beyond ASCII (no-break space, em space,
/// ideographic space)? Each begins with one of four bytes in UTF-8, so only the characters
/// beginning with those are decoded.
fn has_whitespace_beyond_ascii(text: &str) -> bool {
    // A lead byte is never inside a character: `i` is where one starts.
    let is_whitespace_at = |i: usize| text[i..].chars().next().is_some_and(char::is_whitespace);
    let bytes = text.as_bytes();
    memchr::memchr3_iter(0xC2, 0xE2, 0xE3, bytes).any(is_whitespace_at)
        || memchr::memchr_iter(0xE1, bytes).any(is_whitespace_at)
}

fn collapse_spaces(paragraph: &str) -> String {
    paragraph.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Does the paragraph end like a sentence: `.`, `!`, `?`, `…`, `:` or `;`, possibly followed
/// by closing quotes or brackets?
fn ends_sentence(paragraph: &str) -> bool {
    paragraph
        .trim_end_matches(['"', '\'', '\u{201D}', '\u{2019}', '\u{BB}', ')', ']'])
        .ends_with(['.', '!', '?', '\u{2026}', ':', ';'])
}

fn starts_lowercase(paragraph: &str) -> bool {
    paragraph.chars().next().is_some_and(char::is_lowercase)
}

/// Counts only as far as needed: a merged paragraph can be a whole speech.
fn has_more_words_than(paragraph: &str, words: usize) -> bool {
    paragraph.split_whitespace().nth(words).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Inside a paragraph, every ASCII whitespace character but the single space (and the
    /// vertical tab, which `is_ascii_whitespace` leaves out) asks for spaces to be collapsed.
    #[test]
    fn ascii_whitespace_but_the_space_needs_collapsing() {
        for b in 0u8..128 {
            let c = char::from(b);
            let text = format!("a{c}b");
            let expected = b != b' ' && (b.is_ascii_whitespace() || b == 0x0B);
            assert_eq!(needs_space_collapse(&text), expected, "{b:#x}");
        }
        assert!(needs_space_collapse("a  b"));
        assert!(needs_space_collapse(" a"));
        assert!(needs_space_collapse("a\u{A0}b"));
        assert!(!needs_space_collapse("a b c"));
    }

    /// The four lead bytes cover every whitespace character beyond ASCII.
    #[test]
    fn whitespace_beyond_ascii_is_found_by_its_lead_bytes() {
        for c in ('\u{80}'..=char::MAX).filter(|c| !c.is_ascii()) {
            let text = format!("a{c}b");
            assert_eq!(
                has_whitespace_beyond_ascii(&text),
                c.is_whitespace(),
                "{c:?}"
            );
        }
        assert!(!has_whitespace_beyond_ascii(
            "plain text, \u{201C}quoted\u{201D} \u{E9}t\u{E9}"
        ));
        assert!(has_whitespace_beyond_ascii("a\u{A0}b"));
    }

    fn clean(text: &str) -> String {
        clean_body(text, false).text
    }

    #[test]
    fn hard_wrapped_lines_are_joined() {
        assert_eq!(
            clean("On the eve of the\nfiftieth anniversary of the United Nations.\n"),
            "On the eve of the fiftieth anniversary of the United Nations."
        );
    }

    #[test]
    fn a_line_end_hyphen_keeps_the_compound() {
        assert_eq!(
            clean("anti-personnel land-\nmines and the Secretary-\nGeneral.\n"),
            "anti-personnel land-mines and the Secretary-General."
        );
        assert_eq!(clean("in 1995 -\n2000 we"), "in 1995 - 2000 we");
    }

    #[test]
    fn a_paragraph_broken_mid_sentence_is_joined() {
        let seed = "Persons groups. The mandates and guidelines of the Second Work\n\nPlan include the establishment of mechanisms.\n\nNext paragraph.";
        assert_eq!(
            clean(seed),
            "Persons groups. The mandates and guidelines of the Second Work Plan include the establishment of mechanisms.\n\nNext paragraph."
        );
    }

    #[test]
    fn a_short_title_stays_its_own_paragraph() {
        assert_eq!(
            clean("Economic Recovery\n\nWe must act now."),
            "Economic Recovery\n\nWe must act now."
        );
        assert_eq!(
            clean("Thank you\n\nand good night."),
            "Thank you and good night."
        );
    }

    #[test]
    fn page_footers_of_printed_records_are_removed() {
        let cleaned = clean_body(
            "the representatives of all the countries of\n15 08-51749\nthe planet met\n\n08-51749 30\n\nin 2015.\n\nA/63/PV.5\n\n12\n\nThe year\n2015 was\n",
            false,
        );
        assert_eq!(
            cleaned.text,
            "the representatives of all the countries of the planet met in 2015.\n\nThe year 2015 was"
        );
        assert_eq!(cleaned.footer_lines_removed, 4);
    }

    #[test]
    fn markdown_emphasis_is_removed() {
        assert_eq!(
            clean("the fourth *Global Survey of the Implementation* by __Member States__. snake_case stays"),
            "the fourth Global Survey of the Implementation by Member States. snake_case stays"
        );
    }

    #[test]
    fn annotations_are_removed_and_counted() {
        let cleaned = clean_body(
            "Thank you. [Applause] We have plenty\u{2014}[laughter]\u{2014}from them. [1] The [T]he [we] stay.",
            false,
        );
        assert_eq!(
            cleaned.text,
            "Thank you. We have plenty\u{2014} \u{2014}from them. The The [we] stay."
        );
        assert_eq!(cleaned.annotations_removed, 3);
    }

    #[test]
    fn annotations_can_be_kept() {
        let cleaned = clean_body("Thank you. [Applause]", true);
        assert_eq!(cleaned.text, "Thank you. [Applause]");
        assert_eq!(cleaned.annotations_removed, 0);
    }

    #[test]
    fn a_long_line_of_brackets_is_handled_in_linear_time() {
        let line = "[".repeat(200_000) + &"x ".repeat(1000) + "]";
        let started = std::time::Instant::now();
        let cleaned = clean(&line);
        assert!(cleaned.starts_with("[[[") && cleaned.ends_with(']'));
        assert!(started.elapsed().as_secs() < 5);
    }

    #[test]
    fn whitespace_uncovered_by_removed_markup_is_trimmed() {
        // Found by the record fuzzer: a vertical tab left at the start once `*` was removed.
        assert_eq!(clean("*\u{b}M666"), "M666");
        assert_eq!(clean("a *\u{b}* b\u{b}*"), "a b");
    }

    #[test]
    fn mojibake_and_lost_apostrophes_are_repaired_and_counted() {
        let cleaned = clean_body(
            "The Taliban?s war \u{e2}\u{20ac}\u{201d} in Cu\u{c3}\u{ad}ba.\n\nAnd P\u{c3}\u{a9}rez.",
            false,
        );
        assert_eq!(
            cleaned.text,
            "The Taliban's war \u{2014} in Cu\u{ed}ba.\n\nAnd P\u{e9}rez."
        );
        assert_eq!(
            (cleaned.mojibake_repaired, cleaned.apostrophes_restored),
            (3, 1)
        );
    }

    #[test]
    fn unbalanced_brackets_are_left_alone() {
        assert_eq!(clean("a [b c. d] e ["), "a [b c. d] e [");
        assert_eq!(clean("x ]y[ [[z]]"), "x ]y[ [[z]]");
    }
}
