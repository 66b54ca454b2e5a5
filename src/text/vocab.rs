//! The vocabulary: interned word forms and terms with u32 ids, so the hot path and every count
//! table work on integers. A form is a lowercased word ("trafficking"); its term is what it is
//! counted under ("traffick"). Ids follow first occurrence in corpus order, which makes them
//! deterministic whatever the thread count.

use rustc_hash::FxHashMap;

/// Id of a lowercased word form.
pub type FormId = u32;
/// Id of a term (a stem, or a form when stemming is off).
pub type TermId = u32;

/// Word forms, terms, and the map between them.
#[derive(Debug, Default, Clone)]
pub struct Vocabulary {
    forms: Vec<Box<str>>,
    form_ids: FxHashMap<Box<str>, FormId>,
    form_term: Vec<TermId>,
    form_is_stopword: Vec<bool>,
    terms: Vec<Box<str>>,
    term_ids: FxHashMap<Box<str>, TermId>,
}

impl Vocabulary {
    /// The id of a form, adding it (with its term and stopword flag, computed only for new
    /// forms) when it is new.
    pub fn intern_form(
        &mut self,
        form: &str,
        term_of: impl FnOnce(&str) -> (String, bool),
    ) -> FormId {
        if let Some(&id) = self.form_ids.get(form) {
            return id;
        }
        let id = checked_id(self.forms.len());
        let (term, is_stopword) = term_of(form);
        let term_id = self.intern_term(&term);
        self.forms.push(form.into());
        self.form_ids.insert(form.into(), id);
        self.form_term.push(term_id);
        self.form_is_stopword.push(is_stopword);
        id
    }

    fn intern_term(&mut self, term: &str) -> TermId {
        if let Some(&id) = self.term_ids.get(term) {
            return id;
        }
        let id = checked_id(self.terms.len());
        self.terms.push(term.into());
        self.term_ids.insert(term.into(), id);
        id
    }

    pub fn form(&self, id: FormId) -> &str {
        &self.forms[id as usize]
    }

    pub fn form_id(&self, form: &str) -> Option<FormId> {
        self.form_ids.get(form).copied()
    }

    pub fn term_of_form(&self, id: FormId) -> TermId {
        self.form_term[id as usize]
    }

    pub fn is_stopword(&self, id: FormId) -> bool {
        self.form_is_stopword[id as usize]
    }

    pub fn term(&self, id: TermId) -> &str {
        &self.terms[id as usize]
    }

    pub fn term_id(&self, term: &str) -> Option<TermId> {
        self.term_ids.get(term).copied()
    }

    /// Each term's position in alphabetical (byte) order, so tables can sort by term with
    /// integer comparisons.
    pub fn alphabetical_term_ranks(&self) -> Vec<u32> {
        let mut terms: Vec<TermId> = (0..self.terms.len() as TermId).collect();
        terms.sort_unstable_by(|&a, &b| self.term(a).cmp(self.term(b)));
        let mut rank = vec![0u32; terms.len()];
        for (position, &term) in terms.iter().enumerate() {
            rank[term as usize] = position as u32;
        }
        rank
    }

    pub fn n_forms(&self) -> usize {
        self.forms.len()
    }

    pub fn n_terms(&self) -> usize {
        self.terms.len()
    }
}

/// Ids are below 2^31 (the tokenizer marks other ids with the top bit): two billion distinct
/// words is far beyond any corpus, but overflow must not wrap silently.
fn checked_id(len: usize) -> u32 {
    const LIMIT: usize = 1 << 31;
    match len < LIMIT {
        true => len as u32,
        false => panic!("more than {LIMIT} distinct words"), // ok: unreachable for text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_share_terms_and_ids_follow_first_occurrence() {
        let mut vocab = Vocabulary::default();
        let stem = |f: &str| (f.trim_end_matches('s').to_owned(), f == "the");
        let nations = vocab.intern_form("nations", stem);
        let nation = vocab.intern_form("nation", stem);
        let the = vocab.intern_form("the", stem);
        assert_eq!((nations, nation, the), (0, 1, 2));
        assert_eq!(vocab.intern_form("nations", |_| unreachable!()), 0);
        assert_eq!(vocab.term_of_form(nations), vocab.term_of_form(nation));
        assert_eq!(vocab.term(vocab.term_of_form(nation)), "nation");
        assert!(vocab.is_stopword(the) && !vocab.is_stopword(nation));
        assert_eq!((vocab.n_forms(), vocab.n_terms()), (3, 2));
        assert_eq!(vocab.term_id("the"), Some(1));
        // "nation" < "the"
        assert_eq!(vocab.alphabetical_term_ranks(), [0, 1]);
    }
}
