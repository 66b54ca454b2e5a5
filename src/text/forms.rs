//! Word forms: a surface word as it is counted and matched, lowercased, with every apostrophe
//! written `'`, in Unicode's composed form (NFC), without the invisible marks that steer the
//! direction of text. Tokens, stopword lists and the words a user asks for all go through
//! here, so "Council’s" in a speech and "council's" on the command line meet, and so do
//! "café" typed as one code point and as "e" with a combining accent.

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// Lowercases a word, writes every apostrophe as `'` (typographic ’ and ʼ included), drops
/// the direction marks and composes it (NFC).
pub fn normalize_word(word: &str) -> String {
    // Most words are ASCII: no direction mark, no typographic apostrophe, already composed.
    if word.is_ascii() {
        return word.to_ascii_lowercase();
    }
    let form: String = word
        .chars()
        .filter(|&c| !is_direction_mark(c))
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{FF07}' => '\'',
            c => c,
        })
        .collect();
    if form.is_ascii() || is_nfc_quick(form.chars()) == IsNormalized::Yes {
        form
    } else {
        form.nfc().collect()
    }
}

/// The bidirectional formatting characters (Unicode's Bidi_Control): invisible, they only
/// order the text around them, and are not part of any word.
fn is_direction_mark(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_lowercased_with_straight_apostrophes() {
        assert_eq!(normalize_word("Council\u{2019}s"), "council's");
        assert_eq!(normalize_word("İNTER-American"), "i\u{307}nter-american");
        assert_eq!(normalize_word("ДОБРО"), "добро");
    }

    /// The shortcut for ASCII words gives what the general path gives, for every ASCII
    /// character.
    #[test]
    fn ascii_words_take_the_shortcut_to_the_same_form() {
        let every_ascii: String = (0u8..128).map(char::from).collect();
        let general: String = every_ascii.chars().flat_map(char::to_lowercase).collect();
        assert_eq!(normalize_word(&every_ascii), general);
        assert_eq!(normalize_word("UN-Women's"), "un-women's");
    }

    /// A letter with its accent as one code point or as two is one word (NFC); the marks
    /// that only steer the direction of text are not part of a word.
    #[test]
    fn canonically_equal_words_are_one_form_without_direction_marks() {
        let cases = [
            ("cafe\u{301}", "café"),
            ("Cafe\u{301}", "café"),
            ("\u{212B}ngstr\u{F6}m", "\u{E5}ngstr\u{F6}m"),
            ("peace\u{200F}", "peace"),
            ("\u{202B}peace\u{202C}", "peace"),
            ("\u{2067}war\u{2069}", "war"),
            ("\u{61C}سلام", "سلام"),
        ];
        for (word, form) in cases {
            assert_eq!(normalize_word(word), form, "{word:?}");
        }
    }
}
