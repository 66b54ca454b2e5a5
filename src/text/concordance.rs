//! Keyword in context: every place a word, a glob or a phrase occurs, with the words around
//! it as the speaker said them.
//!
//! A pattern is one or more words separated by spaces (a phrase matches consecutive tokens of
//! one sentence). A word matches a token's lowercased form, or with [`MatchBy::Term`] its
//! term, so that `trafficking` also finds `trafficked`. A word with `*` (any run of
//! characters) or `?` (one character) is a glob: `terror*`, `*-building`. Quotes around the
//! pattern are ignored.
//!
//! Context is `width` words on each side, cut from the speech's text from the first context
//! word to the keyword and from the keyword to the last context word, so casing and
//! punctuation stay as written; any run of white space (a line break) becomes one space.
//! Positions count the speech's word tokens from 0, stopwords included, before any phrase is
//! joined.

use rayon::prelude::*;

use super::forms::normalize_word;
use super::normalize::Normalizer;
use super::tokenize::tokenize;
use super::tokenized::DocTokens;
use super::vocab::{FormId, Vocabulary};
use crate::corpus::Document;

/// What a pattern word is matched against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MatchBy {
    /// The token's lowercased word form: `trafficking` finds only "trafficking".
    #[default]
    Form,
    /// The token's term (its Snowball stem): `trafficking` also finds "trafficked".
    Term,
}

/// A parsed pattern: one entry per word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    words: Vec<String>,
}

impl Pattern {
    /// Reads a pattern; an error says why it cannot match anything. Punctuation separates
    /// words as it does in the text (`peace, security` is the phrase "peace security"), but
    /// for the `*` and `?` of a glob.
    pub fn parse(text: &str) -> Result<Pattern, String> {
        let mut words: Vec<String> = Vec::new();
        let unquoted = text
            .trim()
            .trim_matches(|c| c == '"' || c == '\'' || c == '\u{201C}' || c == '\u{201D}');
        for word in unquoted.split_whitespace() {
            if word.contains(['*', '?']) {
                let glob =
                    word.trim_matches(|c: char| !(c.is_alphanumeric() || c == '*' || c == '?'));
                words.push(normalize_word(glob));
            } else {
                words.extend(tokenize(word).words(word).into_iter().map(normalize_word));
            }
        }
        words.retain(|w| !w.is_empty());
        if words.is_empty() {
            return Err(
                "the pattern is empty; give a word, a glob such as terror*, or a phrase".into(),
            );
        }
        if words
            .iter()
            .any(|w| w.chars().all(|c| c == '*' || c == '?'))
        {
            return Err("a pattern word needs at least one letter or digit besides * and ?".into());
        }
        Ok(Pattern { words })
    }

    /// Its words, lowercased as forms are: a glob keeps its `*` and `?`.
    pub fn words(&self) -> &[String] {
        &self.words
    }

    /// For each word of the pattern, which forms of `vocab` it matches (indexed by form id).
    #[cfg(test)]
    pub fn matching_forms(
        &self,
        vocab: &Vocabulary,
        normalizer: &Normalizer,
        by: MatchBy,
    ) -> Vec<Vec<bool>> {
        let mut matches = Vec::new();
        self.extend_matching_forms(vocab, normalizer, by, &mut matches);
        matches
    }

    /// [`Pattern::matching_forms`] for the forms `vocab` gained since `matches` was made from
    /// it (for a vocabulary that grows batch by batch).
    pub fn extend_matching_forms(
        &self,
        vocab: &Vocabulary,
        normalizer: &Normalizer,
        by: MatchBy,
        matches: &mut Vec<Vec<bool>>,
    ) {
        matches.resize(self.words.len(), Vec::new());
        for (word, matched) in self.words.iter().zip(matches) {
            let is_glob = word.contains(['*', '?']);
            let wanted = match by {
                MatchBy::Term if !is_glob => normalizer.term(word).into_owned(),
                _ => word.clone(),
            };
            let new_forms = matched.len() as FormId..vocab.n_forms() as FormId;
            matched.extend(new_forms.map(|form| {
                let candidate = match by {
                    MatchBy::Form => vocab.form(form),
                    MatchBy::Term => vocab.term(vocab.term_of_form(form)),
                };
                if is_glob {
                    glob_matches(&wanted, candidate)
                } else {
                    candidate == wanted
                }
            }));
        }
    }
}

/// Whether `text` matches `glob`, where `*` is any run of characters and `?` one character.
pub fn glob_matches(glob: &str, text: &str) -> bool {
    let pattern: Vec<char> = glob.chars().collect();
    let text: Vec<char> = text.chars().collect();
    // Classic two-pointer wildcard matching with backtracking to the last star.
    let (mut p, mut t) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while t < text.len() {
        if p < pattern.len() && (pattern[p] == '?' || pattern[p] == text[t]) {
            p += 1;
            t += 1;
        } else if p < pattern.len() && pattern[p] == '*' {
            star = Some((p, t));
            p += 1;
        } else if let Some((star_p, star_t)) = star {
            p = star_p + 1;
            t = star_t + 1;
            star = Some((star_p, star_t + 1));
        } else {
            return false;
        }
    }
    pattern[p..].iter().all(|&c| c == '*')
}

/// One occurrence of a pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Index of the speech in the corpus.
    pub doc: usize,
    /// Index of the sentence in the speech.
    pub sentence: u32,
    /// Index of the first matched token in the speech.
    pub position: u32,
    /// Tokens matched (the pattern's words).
    pub length: u32,
}

/// Every occurrence of the pattern whose words match `forms` (from
/// [`Pattern::matching_forms`]) in `docs`, in order; a hit's `doc` indexes `docs`. The tokens
/// must not have phrases joined.
pub fn find_hits(docs: &[DocTokens], forms: &[Vec<bool>]) -> Vec<Hit> {
    let k = forms.len();
    docs.par_iter()
        .enumerate()
        .map(|(doc, doc_tokens)| {
            let mut hits = Vec::new();
            let mut start = 0usize;
            for (sentence, words) in doc_tokens.sentences().enumerate() {
                for i in 0..words.len().saturating_sub(k - 1) {
                    if (0..k).all(|j| forms[j][words[i + j] as usize]) {
                        hits.push(Hit {
                            doc,
                            sentence: sentence as u32,
                            position: (start + i) as u32,
                            length: k as u32,
                        });
                    }
                }
                start += words.len();
            }
            hits
        })
        .collect::<Vec<_>>()
        .concat()
}

/// The order of a concordance's lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortBy {
    /// Corpus order: speech, then position.
    #[default]
    Position,
    /// By the words before the keyword, nearest first (AntConc's L1, L2, ...).
    Left,
    /// By the words after the keyword, nearest first (R1, R2, ...).
    Right,
}

/// Sorts `lines` as `by` asks, lowercased words compared one by one from the keyword out
/// (punctuation left out: `, and` sorts under `and`); ties keep corpus order.
pub fn sort_lines(lines: &mut [Line], by: SortBy) {
    let words = |text: &str| -> Vec<String> {
        text.split_whitespace()
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .filter(|w| !w.is_empty())
            .collect()
    };
    match by {
        SortBy::Position => {}
        SortBy::Left => lines.sort_by_cached_key(|line| {
            let mut left = words(&line.left);
            left.reverse();
            left
        }),
        SortBy::Right => lines.sort_by_cached_key(|line| words(&line.right)),
    }
}

/// A hit with its context.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// Where it is.
    pub hit: Hit,
    /// The words before the keyword, as written.
    pub left: String,
    /// The matched words, as written.
    pub keyword: String,
    /// The words after the keyword, as written.
    pub right: String,
}

/// The lines of `hits` (in corpus order) with `width` words of context on each side, cut
/// from the documents' text.
pub fn lines(documents: &[Document], hits: &[Hit], width: usize) -> Vec<Line> {
    hits.chunk_by(|x, y| x.doc == y.doc)
        .collect::<Vec<_>>()
        .into_par_iter()
        .flat_map_iter(|doc_hits| {
            let text = documents[doc_hits[0].doc].text.as_str();
            let spans = tokenize(text).spans;
            doc_hits
                .iter()
                .map(|&hit| {
                    let first = hit.position as usize;
                    let last = first + hit.length as usize - 1;
                    let from = first.saturating_sub(width);
                    let to = last.saturating_add(width).min(spans.len() - 1);
                    Line {
                        hit,
                        left: one_line(
                            &text[spans[from].start as usize..spans[first].start as usize],
                        ),
                        keyword: one_line(
                            &text[spans[first].start as usize..spans[last].end as usize],
                        ),
                        right: one_line(&text[spans[last].end as usize..spans[to].end as usize]),
                    }
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

/// White space runs made single spaces, ends trimmed.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_sort_by_the_nearest_words_without_punctuation_and_keep_ties_in_order() {
        let line = |doc: usize, left: &str, right: &str| Line {
            hit: Hit {
                doc,
                sentence: 0,
                position: 0,
                length: 1,
            },
            left: left.into(),
            keyword: "peace".into(),
            right: right.into(),
        };
        let mut lines = vec![
            line(0, "a lasting", ", and security"),
            line(1, "Bring", "now."),
            line(2, "for lasting", "and justice"),
            line(3, "a Lasting", "Among nations"),
        ];
        sort_lines(&mut lines, SortBy::Left);
        let docs: Vec<usize> = lines.iter().map(|l| l.hit.doc).collect();
        assert_eq!(
            docs,
            [1, 0, 3, 2],
            "bring < lasting a = lasting a < lasting for"
        );
        sort_lines(&mut lines, SortBy::Right);
        let docs: Vec<usize> = lines.iter().map(|l| l.hit.doc).collect();
        assert_eq!(
            docs,
            [3, 2, 0, 1],
            "among < and justice < and security < now"
        );
    }
    use crate::progress::Silent;
    use crate::text::{tokenize_corpus, Language, StopwordSource, Stopwords, TokenizedCorpus};

    fn setup(texts: &[&str]) -> (Vec<Document>, TokenizedCorpus, Normalizer) {
        let documents: Vec<Document> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Document::from_text(format!("d{i}"), *t))
            .collect();
        let language = Language::default();
        let stopwords = Stopwords::load(&StopwordSource::Builtin, language).unwrap();
        let normalizer = Normalizer::new(language, true, stopwords);
        let tokens = tokenize_corpus(&documents, &normalizer, &Silent);
        (documents, tokens, normalizer)
    }

    fn keywords(texts: &[&str], pattern: &str, by: MatchBy, width: usize) -> Vec<Line> {
        let (documents, tokens, normalizer) = setup(texts);
        let pattern = Pattern::parse(pattern).unwrap();
        let forms = pattern.matching_forms(&tokens.vocab, &normalizer, by);
        lines(&documents, &find_hits(&tokens.docs, &forms), width)
    }

    #[test]
    fn globs_match_like_the_shell() {
        let cases = [
            ("terror*", "terrorism", true),
            ("terror*", "terror", true),
            ("terror*", "counter-terrorism", false),
            ("*-building", "peace-building", true),
            ("*terror*", "counter-terrorism", true),
            ("wom?n", "women", true),
            ("wom?n", "woman", true),
            ("wom?n", "womn", false),
            ("a*b*c", "aXbYbc", true),
            ("a*b*c", "aXbYbd", false),
        ];
        for (glob, text, expected) in cases {
            assert_eq!(glob_matches(glob, text), expected, "{glob} {text}");
        }
    }

    #[test]
    fn a_word_shows_its_context_as_written() {
        let lines = keywords(
            &["We condemn Trafficking, in all its forms.\n\nTrafficking persists."],
            "trafficking",
            MatchBy::Form,
            2,
        );
        assert_eq!(lines.len(), 2);
        assert_eq!(
            (
                lines[0].left.as_str(),
                lines[0].keyword.as_str(),
                lines[0].right.as_str()
            ),
            ("We condemn", "Trafficking", ", in all")
        );
        assert_eq!((lines[0].hit.sentence, lines[0].hit.position), (0, 2));
        // The second occurrence starts a new paragraph: context runs across it, on one line.
        assert_eq!(lines[1].left, "its forms.");
        assert_eq!(lines[1].right, "persists");
        assert_eq!((lines[1].hit.sentence, lines[1].hit.position), (1, 7));
    }

    #[test]
    fn terms_globs_and_phrases() {
        let texts = ["Trafficked persons. Human rights and human-rights law. Human. Rights."];
        let by_form = keywords(&texts, "trafficking", MatchBy::Form, 3);
        assert!(by_form.is_empty());
        let by_term = keywords(&texts, "trafficking", MatchBy::Term, 3);
        assert_eq!(by_term[0].keyword, "Trafficked");
        let glob = keywords(&texts, "human*", MatchBy::Form, 0);
        let found: Vec<&str> = glob.iter().map(|l| l.keyword.as_str()).collect();
        assert_eq!(found, ["Human", "human-rights", "Human"]);
        // A phrase: consecutive tokens of one sentence ("Human. Rights." is two sentences).
        let phrase = keywords(&texts, "\"human rights\"", MatchBy::Form, 1);
        assert_eq!(phrase.len(), 1);
        assert_eq!(phrase[0].keyword, "Human rights");
        assert_eq!(phrase[0].hit.length, 2);
        assert_eq!(
            (phrase[0].left.as_str(), phrase[0].right.as_str()),
            ("persons.", "and")
        );
    }

    #[test]
    fn empty_patterns_are_refused() {
        assert!(Pattern::parse("  ").is_err());
        assert!(Pattern::parse("\"\"").is_err());
        assert!(Pattern::parse("*").is_err());
        assert_eq!(
            Pattern::parse("Human Rights").unwrap().words,
            ["human", "rights"]
        );
    }

    /// Punctuation in a pattern is not part of any token: it separates words, as in the text.
    #[test]
    fn a_phrase_written_with_punctuation_matches() {
        let texts = ["We want peace, security and development. Peace and security."];
        let lines = keywords(&texts, "peace, security", MatchBy::Form, 1);
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].keyword, "peace, security");
        assert_eq!(
            Pattern::parse("\"Peace, security!\"").unwrap().words,
            ["peace", "security"]
        );
        assert_eq!(Pattern::parse("U.S.").unwrap().words, ["u.s"]);
        assert_eq!(Pattern::parse("terror*,").unwrap().words, ["terror*"]);
        assert!(Pattern::parse("!?,").is_err());
    }

    /// Context as wide as the largest number: the whole speech, no overflow.
    #[test]
    fn the_widest_context_is_the_whole_speech() {
        let lines = keywords(
            &["One two peace three four."],
            "peace",
            MatchBy::Form,
            usize::MAX,
        );
        assert_eq!(
            (lines[0].left.as_str(), lines[0].right.as_str()),
            ("One two", "three four")
        );
    }
}
