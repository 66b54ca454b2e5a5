//! Word tokens and sentence boundaries of one document.
//!
//! Words are found by Unicode word segmentation (UAX #29, which already keeps "don't",
//! "council's", "U.N", "2,000" and "3.5" whole), with the rules corpus linguists expect on top:
//! - hyphenated compounds are one token: "inter-American", "peace-building", "2015-2018";
//! - UN document symbols are one token: `S/2002/1198`, `S/PV.7847`, `A/RES/70/1`;
//! - punctuation and symbols are not tokens.
//!
//! Invariant: every span slices the text to the surface form of its word (`&text[span]`), and
//! spans are in text order without overlap. Sentence starts index into the spans: sentence `k`
//! is `spans[starts[k]..starts[k + 1]]`.

use unicode_segmentation::UnicodeSegmentation;

use super::sentences::is_sentence_boundary;

/// Byte range of one word token in its document's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// The tokens of a document and where its sentences start.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tokens {
    pub spans: Vec<Span>,
    /// Index of the first token of each sentence; empty when there are no tokens.
    pub sentence_starts: Vec<u32>,
}

impl Tokens {
    /// The surface words, in order (for tests and diagnostics).
    pub fn words<'a>(&self, text: &'a str) -> Vec<&'a str> {
        self.spans.iter().map(|s| &text[s.range()]).collect()
    }

    /// Sentence index of every token.
    pub fn sentence_of_each(&self) -> Vec<u32> {
        let mut out = Vec::with_capacity(self.spans.len());
        for (k, &start) in self.sentence_starts.iter().enumerate() {
            let end = self
                .sentence_starts
                .get(k + 1)
                .map_or(self.spans.len(), |&e| e as usize);
            out.extend(std::iter::repeat_n(k as u32, end - start as usize));
        }
        out
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Break {
    None,
    /// A sentence-final stop: a boundary if the next word agrees.
    Candidate,
    /// A paragraph break: always a boundary.
    Hard,
}

/// Splits a document's text into word tokens and sentences.
pub fn tokenize(text: &str) -> Tokens {
    let mut tokens = Tokens::default();
    for_each_token(text, |span, starts_sentence| {
        if starts_sentence {
            tokens.sentence_starts.push(tokens.spans.len() as u32);
        }
        tokens.spans.push(span);
    });
    tokens
}

/// Calls `emit(span, starts_sentence)` for every word token in text order, without
/// collecting them: the streaming form of [`tokenize`], so a long document never needs a
/// vector of spans. Texts over 4 GiB are not supported (spans are 32-bit); the corpus reader
/// skips such files.
///
/// A stretch between ASCII spaces that is all ASCII is cut here, by the rules of UAX #29 for
/// ASCII (letters and digits join; `'` `.` `:` join letters, `'` `.` `,` `;` join digits; `_`
/// joins either), and its segments go to the scanner already classed; any other stretch goes
/// to unicode-segmentation. UAX #29 always breaks at ASCII spaces, so the two agree on every
/// word; a run of spaces and line breaks is one segment here where UAX #29 cuts it at each
/// line break, which the scanner does not depend on (it counts line breaks, not segments).
pub fn for_each_token(text: &str, emit: impl FnMut(Span, bool)) {
    let mut scanner = Scanner::new(text, emit);
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if is_ascii_break(bytes[i]) {
            let end = next_position(bytes, i, |b| !is_ascii_break(b));
            scanner.spaces(i, end);
            i = end;
            continue;
        }
        // Most stretches are letters and digits up to a space: one segment, found in one
        // pass.
        let run_end = word_run_end(bytes, i);
        if run_end > i && bytes.get(run_end).is_none_or(|&b| is_ascii_break(b)) {
            scanner.ascii_segment(i, run_end);
            i = run_end;
            continue;
        }
        let stretch_end = next_position(bytes, run_end, is_ascii_break);
        if bytes[run_end..stretch_end].is_ascii() {
            while i < stretch_end {
                let end = ascii_segment_end(bytes, i, stretch_end);
                scanner.ascii_segment(i, end);
                i = end;
            }
        } else {
            for (offset, segment) in text[i..stretch_end].split_word_bound_indices() {
                scanner.segment(i + offset, segment);
            }
            i = stretch_end;
        }
    }
    scanner.finish();
}

/// [`for_each_token`] on segments straight from unicode-segmentation, without the ASCII fast
/// path: the reference the fast path is tested against.
#[doc(hidden)]
pub fn for_each_token_reference(text: &str, emit: impl FnMut(Span, bool)) {
    let mut scanner = Scanner::new(text, emit);
    for (start, segment) in text.split_word_bound_indices() {
        scanner.segment(start, segment);
    }
    scanner.finish();
}

/// The first position from `from` whose byte is `wanted`, or the end.
fn next_position(bytes: &[u8], from: usize, wanted: impl Fn(u8) -> bool) -> usize {
    bytes[from..]
        .iter()
        .position(|&b| wanted(b))
        .map_or(bytes.len(), |p| from + p)
}

/// The tokenizer proper, fed the word-boundary segments of `text` in order.
struct Scanner<'a, F> {
    text: &'a str,
    emit: F,
    /// The last word, held back until it is clear a hyphen will not extend it.
    held: Option<(Span, bool)>,
    pending: Break,
    /// End offset of a hyphen glued to the held word: a word starting there joins it.
    hyphen_end: Option<usize>,
    /// A UN symbol read ahead of the segmenter covers the text up to here.
    covered_until: usize,
    /// UAX #29 yields each line break as its own segment: two since the last word make a
    /// paragraph break.
    newlines: usize,
}

impl<'a, F: FnMut(Span, bool)> Scanner<'a, F> {
    fn new(text: &'a str, emit: F) -> Scanner<'a, F> {
        Scanner {
            text,
            emit,
            held: None,
            pending: Break::None,
            hyphen_end: None,
            covered_until: 0,
            newlines: 0,
        }
    }

    /// Any segment, classed here.
    fn segment(&mut self, start: usize, segment: &str) {
        let end = start + segment.len();
        if end <= self.covered_until {
            return;
        }
        let start = start.max(self.covered_until);
        let segment = &self.text[start..end];
        if is_word(segment) {
            // UAX #29 attaches a combining mark to the space before it (" \u{5B0}"); the
            // space is not part of the word.
            self.word(end - segment.trim_start().len(), end);
        } else {
            self.non_word(
                start,
                end,
                is_hyphen(segment),
                is_sentence_stop(segment),
                segment.matches('\n').count(),
            );
        }
    }

    /// A segment of an all-ASCII stretch without spaces, as [`ascii_segment_end`] cuts it:
    /// one that starts with a letter or digit is a word, any other single byte is not.
    fn ascii_segment(&mut self, start: usize, end: usize) {
        let first = self.text.as_bytes()[start];
        if start < self.covered_until || !(first.is_ascii_alphanumeric() || end - start == 1) {
            self.segment(start, &self.text[start..end]);
        } else if first.is_ascii_alphanumeric() {
            self.word(start, end);
        } else {
            let stop = matches!(first, b'.' | b'!' | b'?');
            self.non_word(start, end, first == b'-', stop, 0);
        }
    }

    /// A run of ASCII spaces and line breaks.
    fn spaces(&mut self, start: usize, end: usize) {
        if start < self.covered_until {
            self.segment(start, &self.text[start..end]);
            return;
        }
        let newlines = self.text.as_bytes()[start..end]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        self.non_word(start, end, false, false, newlines);
    }

    fn word(&mut self, start: usize, end: usize) {
        if let (Some(joint), Some((word, _))) = (self.hyphen_end, self.held.as_mut()) {
            if joint == start {
                word.end = end as u32;
                self.hyphen_end = None;
                return;
            }
        }
        self.hyphen_end = None;
        // Most words start in lower case: no symbol.
        let symbol_end = match self.text.as_bytes()[start].is_ascii_uppercase() {
            true => un_symbol_end(self.text, start),
            false => None,
        };
        let end = match symbol_end {
            Some(symbol_end) => {
                self.covered_until = symbol_end;
                symbol_end
            }
            None => end,
        };
        let starts_sentence = match (&self.held, self.pending) {
            (None, _) | (Some(_), Break::Hard) => true,
            (Some((previous, _)), Break::Candidate) => {
                is_sentence_boundary(&self.text[previous.range()], &self.text[start..end])
            }
            (Some(_), Break::None) => false,
        };
        if let Some((word, starts)) = self.held.take() {
            (self.emit)(word, starts);
        }
        self.held = Some((
            Span {
                start: start as u32,
                end: end as u32,
            },
            starts_sentence,
        ));
        self.pending = Break::None;
        self.newlines = 0;
    }

    fn non_word(&mut self, start: usize, end: usize, hyphen: bool, stop: bool, newlines: usize) {
        let glued_to_word = self
            .held
            .is_some_and(|(word, _)| word.end as usize == start);
        self.hyphen_end = (glued_to_word && hyphen).then_some(end);
        if stop {
            self.pending = self.pending.max(Break::Candidate);
        } else {
            self.newlines += newlines;
            if self.newlines >= 2 {
                self.pending = Break::Hard;
            }
        }
    }

    fn finish(mut self) {
        if let Some((word, starts)) = self.held.take() {
            (self.emit)(word, starts);
        }
    }
}

/// ASCII characters at which UAX #29 always breaks on both sides: spaces, tabs, line ends.
fn is_ascii_break(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C)
}

/// ASCII letters, digits and `_`, which UAX #29 never breaks between.
fn joins_words(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// End of the run of ASCII letters, digits and `_` starting at `from`, found eight bytes at a
/// time: words end at unforeseeable places, and a byte-by-byte loop mispredicts its exit.
fn word_run_end(bytes: &[u8], from: usize) -> usize {
    let mut i = from;
    while let Some(eight) = bytes.get(i..i + 8) {
        let Ok(eight) = <[u8; 8]>::try_from(eight) else {
            break;
        };
        let stops = !joiner_bytes(u64::from_le_bytes(eight)) & HIGH_BITS;
        if stops != 0 {
            return i + (stops.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    next_position(bytes, i, |b| !joins_words(b))
}

const LOW_BITS: u64 = 0x0101_0101_0101_0101;
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `x` (little-endian) set where [`joins_words`] holds, the
/// others clear. Each range test adds a constant to the bytes' low seven bits, which cannot
/// carry into the next byte.
fn joiner_bytes(x: u64) -> u64 {
    let low = x & !HIGH_BITS;
    let in_range = |v: u64, from: u8, to: u8| {
        let at_least_from = v + LOW_BITS * u64::from(0x80 - from);
        let beyond_to = v + LOW_BITS * u64::from(0x7F - to);
        at_least_from & !beyond_to
    };
    // Letters folded to lower case by their 0x20 bit.
    let folded = low | (LOW_BITS * 0x20);
    let joins =
        in_range(low, b'0', b'9') | in_range(folded, b'a', b'z') | in_range(low, b'_', b'_');
    // Bytes beyond ASCII join nothing here.
    joins & !x & HIGH_BITS
}

/// End of the UAX #29 segment starting at `start` in an all-ASCII stretch ending at `end`.
fn ascii_segment_end(bytes: &[u8], start: usize, end: usize) -> usize {
    let joins = joins_words;
    if !joins(bytes[start]) {
        return start + 1;
    }
    let mut i = start + 1;
    while i < end {
        let c = bytes[i];
        if joins(c) {
            i += 1;
            continue;
        }
        let (before, after) = (
            bytes[i - 1],
            bytes.get(i + 1).copied().filter(|_| i + 1 < end),
        );
        let letters = before.is_ascii_alphabetic()
            && after.is_some_and(|a| a.is_ascii_alphabetic())
            && matches!(c, b'.' | b'\'' | b':');
        let digits = before.is_ascii_digit()
            && after.is_some_and(|a| a.is_ascii_digit())
            && matches!(c, b'.' | b'\'' | b',' | b';');
        if letters || digits {
            i += 2;
        } else {
            break;
        }
    }
    i
}

fn is_word(segment: &str) -> bool {
    let mut chars = segment.chars();
    match chars.next() {
        Some(c) if c.is_alphanumeric() => true,
        Some(_) => chars.any(char::is_alphanumeric),
        None => false,
    }
}

fn is_hyphen(segment: &str) -> bool {
    matches!(segment, "-" | "\u{2010}" | "\u{2011}")
}

fn is_sentence_stop(segment: &str) -> bool {
    matches!(
        segment,
        "." | "!"
            | "?"
            | "\u{2026}"
            | "\u{203C}"
            | "\u{2047}"
            | "\u{2048}"
            | "\u{2049}"
            | "\u{061F}"
            | "\u{3002}"
    )
}

/// If a UN document symbol starts at `start` (1-4 capitals, then one or more `/part`s of
/// letters and digits, parts may contain `.` or `-`, and at least one digit somewhere),
/// returns its end.
fn un_symbol_end(text: &str, start: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    if start > 0 && (bytes[start - 1].is_ascii_alphanumeric() || bytes[start - 1] == b'/') {
        return None;
    }
    let mut i = start;
    while i < bytes.len() && bytes[i].is_ascii_uppercase() && i - start < 5 {
        i += 1;
    }
    if !(1..=4).contains(&(i - start)) || bytes.get(i) != Some(&b'/') {
        return None;
    }
    let mut end = None;
    while bytes.get(i) == Some(&b'/') {
        match symbol_part_end(bytes, i + 1) {
            Some(part_end) => {
                end = Some(part_end);
                i = part_end;
            }
            None => break,
        }
    }
    end.filter(|&end| bytes[start..end].iter().any(u8::is_ascii_digit))
}

/// End of one `/`-separated part of a UN symbol: letters and digits, with single `.` or `-`
/// between them ("PV.7847", "L.1", "RES").
fn symbol_part_end(bytes: &[u8], from: usize) -> Option<usize> {
    let alphanumeric_at = |k: usize| bytes.get(k).is_some_and(u8::is_ascii_alphanumeric);
    if !alphanumeric_at(from) {
        return None;
    }
    let mut j = from;
    loop {
        while alphanumeric_at(j) {
            j += 1;
        }
        if matches!(bytes.get(j), Some(b'.' | b'-')) && alphanumeric_at(j + 1) {
            j += 1;
        } else {
            return Some(j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).words(text)
    }

    #[test]
    fn compounds_contractions_and_numbers_stay_whole() {
        let cases: [(&str, &[&str]); 8] = [
            (
                "the Inter-American Programme and peace-building",
                &[
                    "the",
                    "Inter-American",
                    "Programme",
                    "and",
                    "peace-building",
                ],
            ),
            (
                "don't forget the Council\u{2019}s and Council's role",
                &[
                    "don't",
                    "forget",
                    "the",
                    "Council\u{2019}s",
                    "and",
                    "Council's",
                    "role",
                ],
            ),
            (
                "resolution 2331 (2016) in 2015-2018, 3.5 and 2,000 people",
                &[
                    "resolution",
                    "2331",
                    "2016",
                    "in",
                    "2015-2018",
                    "3.5",
                    "and",
                    "2,000",
                    "people",
                ],
            ),
            (
                "the Secretary-General\u{2014}and the pre- and post-conflict phase",
                &[
                    "the",
                    "Secretary-General",
                    "and",
                    "the",
                    "pre",
                    "and",
                    "post-conflict",
                    "phase",
                ],
            ),
            ("well - known", &["well", "known"]),
            ("money-laundering.", &["money-laundering"]),
            (
                "COVID-19 and land\u{2011}mines",
                &["COVID-19", "and", "land\u{2011}mines"],
            ),
            ("the U.N. Charter", &["the", "U.N", "Charter"]),
        ];
        for (text, expected) in cases {
            assert_eq!(words(text), expected, "{text}");
        }
    }

    #[test]
    fn un_document_symbols_are_one_token() {
        let text = "See S/2002/1198, S/PV.7847 and A/RES/70/1; also A/C.3/70/L.1. and/or 24/7 A/B";
        assert_eq!(
            words(text),
            [
                "See",
                "S/2002/1198",
                "S/PV.7847",
                "and",
                "A/RES/70/1",
                "also",
                "A/C.3/70/L.1",
                "and",
                "or",
                "24",
                "7",
                "A",
                "B"
            ]
        );
        assert_eq!(
            words("(S/PV.4726 (Resumption 1))"),
            ["S/PV.4726", "Resumption", "1"]
        );
    }

    #[test]
    fn punctuation_and_symbols_are_dropped() {
        assert_eq!(
            words("\u{201C}More rights for more people\u{201D}! 50% \u{2014} $1,000 \u{1F600} ..."),
            ["More", "rights", "for", "more", "people", "50", "1,000"]
        );
    }

    #[test]
    fn sentences_survive_abbreviations() {
        let text = "Mr. Koncke spoke. The U.N. Charter, e.g. Article 1, applies. We agree! Dr. J. Smith asked: why? No. 5 of the U.S. The end";
        let tokens = tokenize(text);
        let sentences: Vec<Vec<&str>> = tokens
            .sentence_starts
            .iter()
            .enumerate()
            .map(|(k, &s)| {
                let e = tokens
                    .sentence_starts
                    .get(k + 1)
                    .map_or(tokens.spans.len(), |&e| e as usize);
                tokens.spans[s as usize..e]
                    .iter()
                    .map(|sp| &text[sp.range()])
                    .collect()
            })
            .collect();
        assert_eq!(
            sentences,
            vec![
                vec!["Mr", "Koncke", "spoke"],
                vec!["The", "U.N", "Charter", "e.g", "Article", "1", "applies"],
                vec!["We", "agree"],
                vec!["Dr", "J", "Smith", "asked", "why"],
                vec!["No", "5", "of", "the", "U.S"],
                vec!["The", "end"],
            ]
        );
    }

    #[test]
    fn a_paragraph_break_ends_a_sentence() {
        let tokens = tokenize("no stop here\n\nnew paragraph");
        assert_eq!(tokens.sentence_starts, [0, 3]);
        assert_eq!(tokens.sentence_of_each(), [0, 0, 0, 1, 1]);
    }

    #[test]
    fn empty_and_punctuation_only_texts_have_no_tokens() {
        assert_eq!(tokenize(""), Tokens::default());
        assert_eq!(tokenize(" .,;!? \n\n -- "), Tokens::default());
    }

    #[test]
    fn the_ascii_fast_path_agrees_with_uax29() {
        let texts = [
            "don't U.N. 3.5 2,000 a:b 4:30 a1.5 1.a a.1 x_y _z 'tis can't. end.",
            "Mr. O'Neil's co-op; 1,2;3 a,b a;b --- ...\r\n\n\t\x0btab",
            "Côte d\u{2019}Ivoire, na\u{EF}ve café\u{301} 日本語 \u{1F600}a b\u{A0}c",
            "S/PV.7847 A/RES/70/1. peace-building",
            "a \u{5B0}b \u{301} x\u{A0}\u{301}y",
        ];
        for text in texts {
            let (mut fast, mut reference) = (Vec::new(), Vec::new());
            for_each_token(text, |s, b| fast.push((s, b)));
            for_each_token_reference(text, |s, b| reference.push((s, b)));
            assert_eq!(fast, reference, "{text}");
        }
    }

    /// Every byte value, at every place of the eight, is classed as `joins_words` classes
    /// it, whatever its neighbours.
    #[test]
    fn eight_bytes_at_a_time_class_as_one_at_a_time() {
        for b in 0..=255u8 {
            for place in 0..8 {
                for filler in [b'a', b'_', b' ', 0x80, 0xFF, b'Z', b'9', b'@'] {
                    let mut eight = [filler; 8];
                    eight[place] = b;
                    let classed = joiner_bytes(u64::from_le_bytes(eight));
                    for (k, &byte) in eight.iter().enumerate() {
                        let bit = classed >> (8 * k + 7) & 1 == 1;
                        assert_eq!(bit, joins_words(byte), "{eight:?} at {k}");
                    }
                }
            }
        }
        let text = b"peacekeeping operations, Secretary_General 2015";
        for from in 0..text.len() {
            let one_at_a_time = next_position(text, from, |b| !joins_words(b));
            assert_eq!(word_run_end(text, from), one_at_a_time, "from {from}");
        }
    }

    #[test]
    fn spans_slice_back_to_words() {
        let text = "Ünïcödé wörds, 日本語 and Русский текст.";
        let tokens = tokenize(text);
        assert_eq!(
            tokens.words(text),
            [
                "Ünïcödé",
                "wörds",
                "日",
                "本",
                "語",
                "and",
                "Русский",
                "текст"
            ]
        );
    }
}
