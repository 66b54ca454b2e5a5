//! Word forms: a surface word as it is counted and matched, lowercased, with every apostrophe
//! written `'`. Tokens, stopword lists and the words a user asks for all go through here, so
//! "Council’s" in a speech and "council's" on the command line meet.

/// Lowercases a word and writes every apostrophe as `'` (typographic ’ and ʼ included).
pub fn normalize_word(word: &str) -> String {
    word.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{FF07}' => '\'',
            c => c,
        })
        .collect()
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
}
