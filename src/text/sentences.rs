//! Sentence boundaries: a `.`, `!`, `?` or `…` followed by a word that does not start in lower
//! case ends a sentence, unless the word before the stop is an abbreviation that does not end
//! sentences (titles such as Mr., Mrs., Dr.; initials; e.g., i.e.; No. before a number).
//! Acronyms written with stops (U.N., U.S.) end a sentence only when a typical sentence opener
//! follows ("... of the U.N. The Council ...").

/// Titles before a name: never the end of a sentence.
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "messrs", "mmes", "mme", "mlle", "sr", "sra", "gen",
    "lt", "col", "capt", "sgt", "rev", "hon", "amb", "gov", "sen", "rep", "pres", "mt", "ft",
];

/// Abbreviations followed by a number: "No. 5", "para. 3", "art. 51".
const BEFORE_NUMBERS: &[&str] = &[
    "no", "nos", "art", "arts", "para", "paras", "p", "pp", "vol", "fig", "ch", "sect", "op",
];

/// Abbreviations that never end a sentence in running text.
const NEVER_FINAL: &[&str] = &["e.g", "i.e", "cf", "viz", "vs", "approx", "incl", "ca"];

/// Words that typically open a sentence; after an acronym with stops they mark a boundary.
const SENTENCE_OPENERS: &[&str] = &[
    "a", "after", "all", "also", "an", "and", "as", "at", "but", "by", "finally", "first", "for",
    "he", "her", "his", "how", "however", "i", "if", "in", "it", "its", "let", "many", "more",
    "most", "mr", "mrs", "ms", "my", "no", "not", "now", "on", "one", "our", "she", "since", "so",
    "some", "that", "the", "their", "there", "these", "they", "this", "those", "thus", "to",
    "today", "we", "what", "when", "while", "with", "yet", "you",
];

/// Does a sentence-final stop between `previous` and `next` (both surface words) end a
/// sentence?
pub fn is_sentence_boundary(previous: &str, next: &str) -> bool {
    let Some(next_first) = next.chars().next() else {
        return true;
    };
    if next_first.is_lowercase() {
        return false;
    }
    if is_listed_abbreviation(previous, next_first) {
        return false;
    }
    if is_initial(previous) {
        return false;
    }
    if previous.contains('.') && !previous.chars().any(|c| c.is_ascii_digit()) {
        return SENTENCE_OPENERS.contains(&next.to_lowercase().as_str());
    }
    true
}

/// Is `previous`, in lower case, a title, an abbreviation that never ends a sentence, or one
/// that comes before a number (when `next_first` is a digit)? Every listed word is ASCII and
/// at most six bytes: an ASCII word is lowercased on the stack, and only other words
/// (which may lowercase to ASCII, as the Kelvin sign does) the general way.
fn is_listed_abbreviation(previous: &str, next_first: char) -> bool {
    let listed = |lower: &str| {
        TITLES.contains(&lower)
            || NEVER_FINAL.contains(&lower)
            || (BEFORE_NUMBERS.contains(&lower) && next_first.is_ascii_digit())
    };
    if !previous.is_ascii() {
        return listed(&previous.to_lowercase());
    }
    let mut buffer = [0u8; 6];
    let Some(lower) = buffer.get_mut(..previous.len()) else {
        return false;
    };
    lower.copy_from_slice(previous.as_bytes());
    lower.make_ascii_lowercase();
    std::str::from_utf8(lower).is_ok_and(listed)
}

/// A single capital letter such as the J. of "J. Smith" ("I" is a word, not an initial).
fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase() && c != 'I')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listed_abbreviations_are_found_in_any_case_and_no_others() {
        for word in TITLES.iter().chain(NEVER_FINAL).chain(BEFORE_NUMBERS) {
            assert!(is_listed_abbreviation(word, '5'), "{word}");
            assert!(is_listed_abbreviation(&word.to_uppercase(), '5'), "{word}");
        }
        assert!(!is_listed_abbreviation("No", 'T'));
        assert!(!is_listed_abbreviation("Messrsx", 'T'));
        assert!(!is_listed_abbreviation("", 'T'));
        assert!(!is_listed_abbreviation("Ünited", 'T'));
        // Lowercased the general way, where the stack cannot.
        assert!(is_listed_abbreviation("M\u{212A}", 'T') == TITLES.contains(&"mk"));
        assert!(is_listed_abbreviation("MR", 'T'));
    }

    #[test]
    fn boundaries_and_abbreviations() {
        let cases = [
            ("crime", "The", true),
            ("crime", "the", false),
            ("2016", "In", true),
            ("Mr", "Koncke", false),
            ("Mrs", "Perceval", false),
            ("Dr", "Smith", false),
            ("St", "Lucia", false),
            ("No", "5", false),
            ("no", "One", true),
            ("J", "Smith", false),
            ("I", "We", true),
            ("e.g", "Canada", false),
            ("U.N", "Charter", false),
            ("U.N", "The", true),
            ("U.S", "We", true),
            ("U.S", "Ambassador", false),
            ("3.5", "The", true),
            ("end", "", true),
            ("war", "\u{201C}Peace", true),
        ];
        for (previous, next, expected) in cases {
            assert_eq!(
                is_sentence_boundary(previous, next),
                expected,
                "{previous}. {next}"
            );
        }
    }
}
