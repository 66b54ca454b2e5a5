//! Repair of text damaged on its way through a wrong encoding, where the damage is certain:
//!
//! - **Mojibake**: UTF-8 bytes that were read as Windows-1252 (or Latin-1) and written out
//!   again as UTF-8, so that `—` reads `â€”`, `é` reads `Ã©` and `’` reads `â€™`. A run of
//!   characters that re-encodes to Windows-1252 bytes forming one valid UTF-8 character is put
//!   back, if that character is one a garbled text plausibly held: a Latin, Greek or Cyrillic
//!   letter or a Latin-1 sign from two bytes (`Ã©`, `Â£`, `Ð¿`), or general punctuation, a
//!   currency sign or a letterlike symbol from three (`â€”`, `â‚¬`, `â„¢`). Anything else is
//!   left as written: CJK from three bytes could be a real accented letter before two quotes.
//!   A two-byte sequence in capitals (`ALEMÃ»`, an uppercase letter before it and no
//!   lowercase letter after) is left too: there `Ã»` is more likely Portuguese before a
//!   guillemet than a garbled `û`. A text garbled twice (`Ã¢â‚¬â„¢`) is repaired twice.
//! - **Apostrophes lost to `?` or `â`**: an encoding without the typographic apostrophe wrote
//!   `?` for it (`Taliban?s`, `don?t`, `d?Ivoire`), or a garbling lost the last two of the
//!   three characters of `â€™` (`todayâs`, 186 times in the 1998 session of the General
//!   Debate). Either is taken for an apostrophe only inside a word where nothing else fits:
//!   between a letter and a contraction ending that ends the word (`s`, `re`, `ve`, `ll`, `t`
//!   after `n`, and for `?` also `d` and `m`, which after `â` could be Vietnamese, as in
//!   `Lâm`), or after a one-letter `d` or `l` before a vowel (French elision). `needs?To` (a
//!   missing space) and `pâte` are left alone.
//!
//! Both repairs are counted, so `documents.csv` can say which speeches were touched.

use crate::columns::thousands;
use crate::error::Warning;

/// A text after repair, with what was repaired.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Repaired {
    pub text: String,
    /// Mojibake sequences put back (a character garbled twice counts twice).
    pub mojibake: u32,
    /// `?` or `â` read as an apostrophe.
    pub apostrophes: u32,
}

/// Repairs `text`; none when nothing needed repair (the common case, found without copying).
pub fn repair(text: &str) -> Option<Repaired> {
    let (garbled, lost_apostrophe) = candidates(text);
    if !garbled && !lost_apostrophe {
        return None;
    }
    let mut chars: Vec<char> = text.chars().collect();
    let mut mojibake = 0;
    if garbled {
        // A second pass undoes a second layer of garbling; a third finds nothing in practice.
        for _ in 0..MAX_LAYERS {
            let repaired = repair_mojibake(&mut chars);
            mojibake += repaired;
            if repaired == 0 {
                break;
            }
        }
    }
    let apostrophes = if lost_apostrophe {
        restore_apostrophes(&mut chars)
    } else {
        0
    };
    (mojibake + apostrophes > 0).then(|| Repaired {
        text: chars.into_iter().collect(),
        mojibake,
        apostrophes,
    })
}

/// What the repairs of a corpus's speeches came to, for the warnings of a run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Tally {
    garbled_speeches: usize,
    mojibake: u64,
    apostrophe_speeches: usize,
    apostrophes: u64,
}

impl Tally {
    /// Counts one speech's repairs.
    pub fn add(&mut self, mojibake: u32, apostrophes: u32) {
        self.garbled_speeches += usize::from(mojibake > 0);
        self.mojibake += u64::from(mojibake);
        self.apostrophe_speeches += usize::from(apostrophes > 0);
        self.apostrophes += u64::from(apostrophes);
    }

    /// One warning per kind of repair made: the text was not as its file said, and a reader
    /// of the counts should know.
    pub fn warnings(&self) -> Vec<Warning> {
        let mut warnings = Vec::new();
        if self.mojibake > 0 {
            warnings.push(Warning::output(
                DOCUMENTS,
                format!(
                    "mojibake (UTF-8 read as Windows-1252, such as \u{e2}\u{20ac}\u{201d} for \u{2014}) \
                     repaired in {} ({} sequences); the column n_mojibake_repaired says where",
                    speeches(self.garbled_speeches),
                    thousands(self.mojibake)
                ),
            ));
        }
        if self.apostrophes > 0 {
            warnings.push(Warning::output(
                DOCUMENTS,
                format!(
                    "a ? or \u{e2} standing for a lost apostrophe (Taliban?s, today\u{e2}s) read as one \
                     in {} ({} times); the column n_apostrophes_restored says where",
                    speeches(self.apostrophe_speeches),
                    thousands(self.apostrophes)
                ),
            ));
        }
        warnings
    }
}

const DOCUMENTS: &str = "tables/documents.csv";

fn speeches(n: usize) -> String {
    match n {
        1 => "1 speech".to_owned(),
        n => format!("{} speeches", thousands(n as u64)),
    }
}

/// Whether the text may hold mojibake (a lead character right before a continuation one) and
/// a lost apostrophe (`?` or `â` between letters): without copying, so that the common
/// paragraph, accented or asking a question, is not turned into characters. Only the places of
/// a `?` or of a byte 0xC3 are looked at: every lead character (U+00C2 to U+00EF), `â`
/// included, is written in UTF-8 as 0xC3 and a second byte.
fn candidates(text: &str) -> (bool, bool) {
    let (mut garbled, mut lost_apostrophe) = (false, false);
    for at in memchr::memchr2_iter(b'?', 0xC3, text.as_bytes()) {
        // 0xC3 only ever begins a character, so `at` is a character boundary.
        let mut rest = text[at..].chars();
        let (Some(c), Some(after)) = (rest.next(), rest.next()) else {
            continue;
        };
        garbled |= is_lead(c) && is_continuation(after);
        lost_apostrophe |= matches!(c, '?' | '\u{E2}')
            && text[..at]
                .chars()
                .next_back()
                .is_some_and(char::is_alphabetic)
            && after.is_alphabetic();
        if garbled && lost_apostrophe {
            break;
        }
    }
    (garbled, lost_apostrophe)
}

fn is_continuation(c: char) -> bool {
    cp1252_byte(c).is_some_and(|b| (0x80..=0xBF).contains(&b))
}

/// Layers of garbling undone at most.
const MAX_LAYERS: usize = 3;

/// Could `c` be the first byte of a two- or three-byte UTF-8 character read as Windows-1252?
fn is_lead(c: char) -> bool {
    ('\u{C2}'..='\u{EF}').contains(&c)
}

/// One pass over the text; returns the sequences repaired.
fn repair_mojibake(chars: &mut Vec<char>) -> u32 {
    let mut out = Vec::with_capacity(chars.len());
    let mut repaired = 0;
    let mut i = 0;
    while i < chars.len() {
        if let Some((c, len)) = garbled_at(chars, i) {
            out.push(c);
            repaired += 1;
            i += len;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    *chars = out;
    repaired
}

/// The character the sequence starting at `i` stands for, and its length, when it is
/// certainly garbled.
fn garbled_at(chars: &[char], i: usize) -> Option<(char, usize)> {
    let lead = cp1252_byte(chars[i]).filter(|&b| (0xC2..=0xEF).contains(&b))?;
    let len = if lead < 0xE0 { 2 } else { 3 };
    let sequence = chars.get(i..i + len)?;
    let mut bytes = [lead, 0, 0];
    for (slot, &c) in bytes[1..len].iter_mut().zip(&sequence[1..]) {
        *slot = cp1252_byte(c).filter(|_| is_continuation(c))?;
    }
    let decoded = std::str::from_utf8(&bytes[..len]).ok()?.chars().next()?;
    let plausible = match len {
        2 => {
            let in_capitals = i > 0
                && chars[i - 1].is_uppercase()
                && !chars.get(i + len).is_some_and(|c| c.is_lowercase());
            // Latin-1 signs and letters, Latin Extended, IPA, Greek, Cyrillic.
            ('\u{A0}'..='\u{52F}').contains(&decoded) && !in_capitals
        }
        _ => {
            // General punctuation, currency signs, letterlike symbols.
            ('\u{2000}'..='\u{206F}').contains(&decoded)
                || ('\u{20A0}'..='\u{20CF}').contains(&decoded)
                || ('\u{2100}'..='\u{214F}').contains(&decoded)
        }
    };
    plausible.then_some((decoded, len))
}

/// The Windows-1252 byte a character was decoded from; C1 controls stand for themselves
/// (a Latin-1 decoder, or WHATWG's for the five bytes Windows-1252 leaves undefined).
fn cp1252_byte(c: char) -> Option<u8> {
    let code = c as u32;
    if (0x80..=0xFF).contains(&code) {
        return Some(code as u8);
    }
    let byte = match c {
        '\u{20AC}' => 0x80,
        '\u{201A}' => 0x82,
        '\u{0192}' => 0x83,
        '\u{201E}' => 0x84,
        '\u{2026}' => 0x85,
        '\u{2020}' => 0x86,
        '\u{2021}' => 0x87,
        '\u{02C6}' => 0x88,
        '\u{2030}' => 0x89,
        '\u{0160}' => 0x8A,
        '\u{2039}' => 0x8B,
        '\u{0152}' => 0x8C,
        '\u{017D}' => 0x8E,
        '\u{2018}' => 0x91,
        '\u{2019}' => 0x92,
        '\u{201C}' => 0x93,
        '\u{201D}' => 0x94,
        '\u{2022}' => 0x95,
        '\u{2013}' => 0x96,
        '\u{2014}' => 0x97,
        '\u{02DC}' => 0x98,
        '\u{2122}' => 0x99,
        '\u{0161}' => 0x9A,
        '\u{203A}' => 0x9B,
        '\u{0153}' => 0x9C,
        '\u{017E}' => 0x9E,
        '\u{0178}' => 0x9F,
        _ => return None,
    };
    Some(byte)
}

/// Endings of English contractions and possessives after an apostrophe; after `â`, only the
/// first four (and `t` after `n`).
const CONTRACTIONS: [&str; 6] = ["s", "re", "ve", "ll", "d", "m"];

/// Puts `'` for each `?` or `â` that can only be a lost apostrophe; returns how many.
fn restore_apostrophes(chars: &mut [char]) -> u32 {
    let mut restored = 0;
    for i in 1..chars.len() {
        if matches!(chars[i], '?' | '\u{E2}') && is_lost_apostrophe(chars, i) {
            chars[i] = '\'';
            restored += 1;
        }
    }
    restored
}

fn is_lost_apostrophe(chars: &[char], i: usize) -> bool {
    let before = chars[i - 1];
    if !before.is_alphabetic() {
        return false;
    }
    let word_end = (i + 1..chars.len())
        .find(|&j| !chars[j].is_alphabetic())
        .unwrap_or(chars.len());
    let ending: String = chars[i + 1..word_end].iter().collect();
    let endings = match chars[i] {
        '?' => &CONTRACTIONS[..],
        _ => &CONTRACTIONS[..4],
    };
    let contraction = endings.contains(&ending.as_str()) || (ending == "t" && before == 'n');
    let one_letter_word = i < 2 || !chars[i - 2].is_alphabetic();
    let elision = one_letter_word
        && matches!(before, 'd' | 'l' | 'D' | 'L')
        && chars
            .get(i + 1)
            .is_some_and(|&c| "aeiouyhAEIOUYHàâéèêëîïôûÀÂÉÈÊÎÔÛ".contains(c));
    contraction || elision
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// `candidates` by its definition: every character with the ones beside it.
    fn candidates_char_by_char(text: &str) -> (bool, bool) {
        let chars: Vec<char> = text.chars().collect();
        let mut found = (false, false);
        for i in 0..chars.len().saturating_sub(1) {
            let (c, after) = (chars[i], chars[i + 1]);
            let before = i.checked_sub(1).map(|b| chars[b]);
            found.0 |= is_lead(c) && is_continuation(after);
            found.1 |= matches!(c, '?' | '\u{E2}')
                && before.is_some_and(char::is_alphabetic)
                && after.is_alphabetic();
        }
        found
    }

    proptest! {
        #[test]
        fn candidates_looks_only_where_it_must(
            text in "[a-z? \u{C2}-\u{EF}\u{80}-\u{BF}\u{2014}\u{20AC}\u{E9}A-Z]{0,12}"
        ) {
            prop_assert_eq!(candidates(&text), candidates_char_by_char(&text));
        }
    }

    #[test]
    fn candidates_at_the_edges_of_the_text() {
        for text in [
            "",
            "?",
            "a?",
            "?b",
            "a?b",
            "\u{E2}",
            "a\u{E2}s",
            "\u{C3}\u{A9}",
            "\u{E2}\u{20AC}\u{201D}",
        ] {
            assert_eq!(candidates(text), candidates_char_by_char(text), "{text:?}");
        }
        assert_eq!(candidates("Taliban?s"), (false, true));
        assert_eq!(candidates("\u{E2}\u{20AC}\u{201D} x"), (true, false));
    }

    fn repaired(text: &str) -> (String, u32, u32) {
        match repair(text) {
            Some(r) => (r.text, r.mojibake, r.apostrophes),
            None => (text.to_owned(), 0, 0),
        }
    }

    #[test]
    fn utf8_read_as_windows_1252_is_put_back() {
        // Sequences found in the UN General Debate corpus (1998 session), and others.
        let cases: &[(&str, &str, u32)] = &[
            ("peace â€” and security", "peace \u{2014} and security", 1),
            (
                "the â€œhistoryâ€\u{9D} of it",
                "the \u{201C}history\u{201D} of it",
                2,
            ),
            ("the Councilâ€™s role", "the Council\u{2019}s role", 1),
            (
                "CÃ´te d'Ivoire and PÃ©rez",
                "C\u{F4}te d'Ivoire and P\u{E9}rez",
                2,
            ),
            (
                "EspaÃ±a, MÃ¼nchen, CuÃ\u{AD}ba",
                "Espa\u{F1}a, M\u{FC}nchen, Cu\u{ED}ba",
                3,
            ),
            ("Â£5 and 20Â°", "\u{A3}5 and 20\u{B0}", 2),
            ("costs 5 â‚¬ or â„¢", "costs 5 \u{20AC} or \u{2122}", 2),
            ("Csaba KÅ‘rÃ¶si", "Csaba K\u{151}r\u{F6}si", 2),
            ("Ð¼Ð¸Ñ€", "\u{43C}\u{438}\u{440}", 3),
            // Garbled twice: â€™ garbled again.
            ("Ã¢â‚¬â„¢", "\u{2019}", 4),
        ];
        for &(text, expected, count) in cases {
            let (got, mojibake, apostrophes) = repaired(text);
            assert_eq!(got, expected, "{text:?}");
            assert_eq!((mojibake, apostrophes), (count, 0), "{text:?}");
        }
    }

    #[test]
    fn legitimate_text_is_left_alone() {
        for text in [
            "SÃO PAULO, NAÇÃO», ALEMÃ» and IRMÃ\u{201D}",
            "Ã alone, Ã and Â, the letter Ã.",
            "São Paulo, não, ações, Irmã\u{201D}",
            "PERÚ\u{201D} and JOSÉ\u{2014}",
            "café\u{2019}\u{201D} naïve coöperate",
            "Straße, Ñandú, Œuvre, Šibenik, Žižek",
            "\u{C2}ge \u{C9}tat \u{C0} \u{BF}qu\u{E9}?",
        ] {
            assert_eq!(repair(text).map(|r| r.text), None, "{text:?}");
        }
    }

    #[test]
    fn a_question_mark_standing_for_an_apostrophe_is_restored() {
        let cases: &[(&str, &str, u32)] = &[
            ("the Taliban?s obstinate", "the Taliban's obstinate", 1),
            (
                "we don?t and they?re, we?ll",
                "we don't and they're, we'll",
                3,
            ),
            (
                "Côte d?Ivoire, raison d?être, l?Union",
                "Côte d'Ivoire, raison d'être, l'Union",
                3,
            ),
            ("it?s the Government?s.", "it's the Government's.", 2),
        ];
        for &(text, expected, count) in cases {
            assert_eq!(repaired(text), (expected.to_owned(), 0, count), "{text:?}");
        }
        let cases: &[(&str, &str, u32)] = &[
            (
                "todayâs world, the Councilâs",
                "today's world, the Council's",
                2,
            ),
            (
                "dâIvoire and dâ\u{C3}\u{AA}tre",
                "d'Ivoire and d'\u{EA}tre",
                2,
            ),
        ];
        for &(text, expected, count) in cases {
            let (got, _, apostrophes) = repaired(text);
            assert_eq!((got.as_str(), apostrophes), (expected, count), "{text:?}");
        }
        for text in [
            "pâte, grâce, Lâm, România, âme, Hâmid",
            "our needs?To address",
            "Sant?Egidio",
            "Why? so",
            "is it?",
            "what?s?",
            "a?b",
            "cat?t",
            "?s",
        ] {
            let (got, _, apostrophes) = repaired(text);
            if text == "what?s?" {
                assert_eq!((got.as_str(), apostrophes), ("what's?", 1));
                continue;
            }
            assert_eq!((got.as_str(), apostrophes), (text, 0), "{text:?}");
        }
    }

    #[test]
    fn plain_text_is_not_copied() {
        assert_eq!(repair("Plain ASCII, no question."), None);
        assert_eq!(
            repair("Typographic \u{2014} dashes and \u{201C}quotes\u{201D}."),
            None
        );
    }
}
