//! The languages speechstat can stem, with their Snowball algorithm and built-in stopword
//! list (Snowball's own lists, in assets/stopwords/, where the Snowball project publishes one).

use rust_stemmers::Algorithm;

/// A language selectable with `--language` by its ISO 639-1 code or English name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Language {
    /// ISO 639-1 code (`en`).
    pub code: &'static str,
    /// English name (`english`).
    pub name: &'static str,
    pub(crate) algorithm: Algorithm,
    /// The built-in stopword list in Snowball's format, if there is one.
    pub(crate) stopwords: Option<&'static str>,
}

macro_rules! stopwords {
    ($code:literal) => {
        Some(include_str!(concat!(
            "../../assets/stopwords/",
            $code,
            ".txt"
        )))
    };
}

/// Every language of rust-stemmers' Snowball algorithms.
pub const LANGUAGES: &[Language] = &[
    lang("ar", "arabic", Algorithm::Arabic, None),
    lang("da", "danish", Algorithm::Danish, stopwords!("da")),
    lang("de", "german", Algorithm::German, stopwords!("de")),
    lang("el", "greek", Algorithm::Greek, None),
    lang("en", "english", Algorithm::English, stopwords!("en")),
    lang("es", "spanish", Algorithm::Spanish, stopwords!("es")),
    lang("fi", "finnish", Algorithm::Finnish, stopwords!("fi")),
    lang("fr", "french", Algorithm::French, stopwords!("fr")),
    lang("hu", "hungarian", Algorithm::Hungarian, stopwords!("hu")),
    lang("it", "italian", Algorithm::Italian, stopwords!("it")),
    lang("nl", "dutch", Algorithm::Dutch, stopwords!("nl")),
    lang("no", "norwegian", Algorithm::Norwegian, stopwords!("no")),
    lang("pt", "portuguese", Algorithm::Portuguese, stopwords!("pt")),
    lang("ro", "romanian", Algorithm::Romanian, None),
    lang("ru", "russian", Algorithm::Russian, stopwords!("ru")),
    lang("sv", "swedish", Algorithm::Swedish, stopwords!("sv")),
    lang("ta", "tamil", Algorithm::Tamil, None),
    lang("tr", "turkish", Algorithm::Turkish, None),
];

const fn lang(
    code: &'static str,
    name: &'static str,
    algorithm: Algorithm,
    stopwords: Option<&'static str>,
) -> Language {
    Language {
        code,
        name,
        algorithm,
        stopwords,
    }
}

impl Language {
    /// Finds a language by code ("en") or name ("English"), ignoring case.
    pub fn find(name: &str) -> Option<Language> {
        let name = name.trim();
        LANGUAGES
            .iter()
            .find(|l| l.code.eq_ignore_ascii_case(name) || l.name.eq_ignore_ascii_case(name))
            .copied()
    }

    /// "ar, da, de, ..." for error messages and help.
    pub fn known_codes() -> String {
        LANGUAGES
            .iter()
            .map(|l| l.code)
            .collect::<Vec<_>>()
            .join(", ")
    }
}

impl Default for Language {
    fn default() -> Self {
        LANGUAGES[4]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_are_found_by_code_or_name() {
        assert_eq!(Language::find("EN").map(|l| l.name), Some("english"));
        assert_eq!(Language::find("Russian").map(|l| l.code), Some("ru"));
        assert_eq!(Language::find("klingon"), None);
        assert_eq!(Language::default().code, "en");
    }
}
