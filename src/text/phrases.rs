//! Joining phrases: every occurrence of a chosen adjacent pair of terms ("united" +
//! "nations") inside a sentence becomes one token, whose word form is the two forms joined by
//! a space ("united nations") and whose term is the two terms joined by a space. Later stages
//! then count the phrase as one unit, like quanteda's `tokens_compound`.
//!
//! Pairs are joined left to right without overlap: in "a b c" with phrases "a b" and "b c",
//! only "a b" is joined. A pair with a stopword token is never joined. Joining shortens the
//! token stream, so `n_tokens` counts a phrase once.

use rustc_hash::FxHashSet;

use super::tokenized::{DocTokens, TokenizedCorpus};
use super::vocab::{FormId, TermId};

/// Rewrites the corpus with each occurrence of a phrase as one token.
pub fn join_phrases(corpus: TokenizedCorpus, phrases: &[(TermId, TermId)]) -> TokenizedCorpus {
    if phrases.is_empty() {
        return corpus;
    }
    let wanted: FxHashSet<(TermId, TermId)> = phrases.iter().copied().collect();
    let TokenizedCorpus {
        mut vocab, docs, ..
    } = corpus;
    let docs = docs
        .into_iter()
        .map(|doc| {
            let mut joined = DocTokens {
                forms: Vec::with_capacity(doc.forms.len()),
                sentence_starts: Vec::with_capacity(doc.sentence_starts.len()),
            };
            for sentence in doc.sentences() {
                joined.sentence_starts.push(joined.forms.len() as u32);
                let mut i = 0;
                while i < sentence.len() {
                    let form = sentence[i];
                    let next = sentence.get(i + 1).copied();
                    match next.filter(|&next| {
                        !vocab.is_stopword(form)
                            && !vocab.is_stopword(next)
                            && wanted
                                .contains(&(vocab.term_of_form(form), vocab.term_of_form(next)))
                    }) {
                        Some(next) => {
                            joined.forms.push(compound(&mut vocab, form, next));
                            i += 2;
                        }
                        None => {
                            joined.forms.push(form);
                            i += 1;
                        }
                    }
                }
            }
            joined
        })
        .collect();
    TokenizedCorpus {
        vocab,
        docs,
        stored: None,
    }
}

fn compound(vocab: &mut super::vocab::Vocabulary, first: FormId, second: FormId) -> FormId {
    let form = format!("{} {}", vocab.form(first), vocab.form(second));
    let term = format!(
        "{} {}",
        vocab.term(vocab.term_of_form(first)),
        vocab.term(vocab.term_of_form(second))
    );
    vocab.intern_form(&form, |_| (term, false))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::counts::tests::tokenized;

    #[test]
    fn phrases_become_single_tokens_within_sentences() {
        let corpus = tokenized(
            &["The United Nations and united nations. United. Nations a b c"],
            true,
            true,
        );
        let v = &corpus.vocab;
        let pair = (v.term_id("unit").unwrap(), v.term_id("nation").unwrap());
        let ab = (v.term_id("a").unwrap(), v.term_id("b").unwrap());
        let bc = (v.term_id("b").unwrap(), v.term_id("c").unwrap());
        let joined = join_phrases(corpus, &[pair, ab, bc]);
        let v = &joined.vocab;
        let words: Vec<&str> = joined.docs[0].forms.iter().map(|&f| v.form(f)).collect();
        // "a" is a stopword, so "a b" is never joined; "b c" is.
        assert_eq!(
            words,
            [
                "the",
                "united nations",
                "and",
                "united nations",
                "united",
                "nations",
                "a",
                "b c"
            ]
        );
        assert_eq!(joined.docs[0].sentence_starts, [0, 4, 5]);
        let phrase = v.form_id("united nations").unwrap();
        assert_eq!(v.term(v.term_of_form(phrase)), "unit nation");
        assert!(!v.is_stopword(phrase));
    }
}
