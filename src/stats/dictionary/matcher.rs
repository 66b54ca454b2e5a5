//! The patterns of every dictionary resolved against the corpus's vocabulary: each distinct
//! form (or, matching by term, each term) is compared with the patterns once, globs
//! included, so that counting a speech is a look-up per token.
//!
//! A pattern's words are its elements; an element is a word or a glob. A glob whose only
//! wildcard is a final `*` (LIWC's) is found through its prefix: each prefix of a word is
//! looked up, so a dictionary of thousands of them costs a few look-ups per distinct word.
//! Other globs are compared one by one.

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::Dictionary;
use crate::text::{glob_matches, FormId, MatchBy, Normalizer, Vocabulary};

/// One pattern of one category, in element ids.
#[derive(Debug, Clone)]
pub(crate) struct MatchEntry {
    /// The category, numbered over all dictionaries in order.
    pub category: u32,
    pub elements: Vec<u32>,
    pub weight: f64,
    /// The dictionary and the index of its entry.
    pub source: (usize, usize),
}

/// The categories and patterns of the dictionaries, with every form of the vocabulary
/// resolved to the patterns that can start at it.
pub(crate) struct Matcher {
    pub entries: Vec<MatchEntry>,
    /// The first category of each dictionary, and the total after the last.
    pub category_offsets: Vec<u32>,
    /// Per form: the entries whose first element it matches, by category then longest
    /// first (offsets into `starts`).
    start_offsets: Vec<u32>,
    starts: Vec<u32>,
    /// Per form: the elements it matches, sorted (only with multiword entries).
    element_offsets: Vec<u32>,
    elements: Vec<u32>,
    /// Whether each element matched a word of the vocabulary.
    pub element_matched: Vec<bool>,
}

/// The distinct elements of the patterns, by how they are found.
#[derive(Default)]
struct Elements {
    ids: FxHashMap<(String, bool), u32>,
    exact: FxHashMap<String, u32>,
    prefix: FxHashMap<String, u32>,
    general: Vec<(u32, String)>,
}

impl Elements {
    fn id(&mut self, text: String, is_glob: bool) -> u32 {
        let next = self.ids.len() as u32;
        if let Some(&id) = self.ids.get(&(text.clone(), is_glob)) {
            return id;
        }
        self.ids.insert((text.clone(), is_glob), next);
        let only_final_star = text.ends_with('*') && !text[..text.len() - 1].contains(['*', '?']);
        match (is_glob, only_final_star) {
            (false, _) => {
                self.exact.insert(text, next);
            }
            (true, true) => {
                self.prefix.insert(text[..text.len() - 1].to_owned(), next);
            }
            (true, false) => self.general.push((next, text)),
        }
        next
    }

    /// The elements `word` matches, sorted.
    fn of(&self, word: &str) -> Vec<u32> {
        let mut found: Vec<u32> = Vec::new();
        found.extend(self.exact.get(word));
        if !self.prefix.is_empty() {
            for (end, _) in word.char_indices().skip(1) {
                found.extend(self.prefix.get(&word[..end]));
            }
            found.extend(self.prefix.get(word));
        }
        found.extend(
            self.general
                .iter()
                .filter(|(_, glob)| glob_matches(glob, word))
                .map(|(id, _)| *id),
        );
        found.sort_unstable();
        found.dedup();
        found
    }
}

impl Matcher {
    /// Resolves the patterns of `dictionaries` against every form of `vocab`, by form or by
    /// term (a word pattern is then stemmed as the text's words are; a glob is compared with
    /// the terms as they are).
    pub(crate) fn new(
        dictionaries: &[Dictionary],
        vocab: &Vocabulary,
        normalizer: &Normalizer,
        by: MatchBy,
    ) -> Matcher {
        let mut elements = Elements::default();
        let mut entries = Vec::new();
        let mut category_offsets = vec![0u32];
        for (d, dictionary) in dictionaries.iter().enumerate() {
            let offset = *category_offsets.last().unwrap_or(&0);
            for (e, entry) in dictionary.entries.iter().enumerate() {
                let ids = entry
                    .pattern
                    .words()
                    .iter()
                    .map(|word| {
                        let is_glob = word.contains(['*', '?']);
                        let text = match (by, is_glob) {
                            (MatchBy::Term, false) => normalizer.term(word).into_owned(),
                            _ => word.clone(),
                        };
                        elements.id(text, is_glob)
                    })
                    .collect();
                entries.push(MatchEntry {
                    category: offset + entry.category as u32,
                    elements: ids,
                    weight: entry.weight,
                    source: (d, e),
                });
            }
            category_offsets.push(offset + dictionary.categories.len() as u32);
        }
        let n_elements = elements.ids.len();
        let multiword = entries.iter().any(|e| e.elements.len() > 1);
        // Entries by first element, by category then longest first: the first of a
        // category that matches at a token is its longest match there.
        let mut by_first: Vec<Vec<u32>> = vec![Vec::new(); n_elements];
        for (i, entry) in entries.iter().enumerate() {
            by_first[entry.elements[0] as usize].push(i as u32);
        }
        // Each distinct word compared once: by form, or by term.
        let keys: Vec<u32> = (0..vocab.n_forms() as FormId)
            .map(|f| match by {
                MatchBy::Form => f,
                MatchBy::Term => vocab.term_of_form(f),
            })
            .collect();
        let n_keys = match by {
            MatchBy::Form => vocab.n_forms(),
            MatchBy::Term => vocab.n_terms(),
        };
        let of_key: Vec<Vec<u32>> = (0..n_keys as u32)
            .into_par_iter()
            .map(|k| {
                elements.of(match by {
                    MatchBy::Form => vocab.form(k),
                    MatchBy::Term => vocab.term(k),
                })
            })
            .collect();
        let mut element_matched = vec![false; n_elements];
        for found in &of_key {
            for &e in found {
                element_matched[e as usize] = true;
            }
        }
        let (mut start_offsets, mut starts) = (vec![0u32], Vec::new());
        let (mut element_offsets, mut matched) = (vec![0u32], Vec::new());
        for &key in &keys {
            let found = &of_key[key as usize];
            let first = starts.len();
            for &e in found {
                starts.extend_from_slice(&by_first[e as usize]);
            }
            starts[first..].sort_unstable_by(|&a, &b| {
                let (a_entry, b_entry) = (&entries[a as usize], &entries[b as usize]);
                a_entry
                    .category
                    .cmp(&b_entry.category)
                    .then(b_entry.elements.len().cmp(&a_entry.elements.len()))
                    .then(a.cmp(&b))
            });
            start_offsets.push(starts.len() as u32);
            if multiword {
                matched.extend_from_slice(found);
                element_offsets.push(matched.len() as u32);
            }
        }
        Matcher {
            entries,
            category_offsets,
            start_offsets,
            starts,
            element_offsets,
            elements: matched,
            element_matched,
        }
    }

    /// Categories over all dictionaries.
    pub(crate) fn n_categories(&self) -> usize {
        *self.category_offsets.last().unwrap_or(&0) as usize
    }

    /// The entries that can start at a token of `form`: by category, longest first.
    pub(crate) fn starts(&self, form: FormId) -> &[u32] {
        let f = form as usize;
        &self.starts[self.start_offsets[f] as usize..self.start_offsets[f + 1] as usize]
    }

    /// Whether a token of `form` matches element `element`.
    pub(crate) fn form_matches(&self, form: FormId, element: u32) -> bool {
        let f = form as usize;
        self.elements[self.element_offsets[f] as usize..self.element_offsets[f + 1] as usize]
            .binary_search(&element)
            .is_ok()
    }

    /// Whether every element of `entry` matches a word of the vocabulary: one that does not
    /// can never match.
    pub(crate) fn entry_can_match(&self, entry: &MatchEntry) -> bool {
        entry
            .elements
            .iter()
            .all(|&e| self.element_matched[e as usize])
    }
}
