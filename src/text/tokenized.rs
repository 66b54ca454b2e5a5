//! Tokenizing a whole corpus in parallel into integer form ids.
//!
//! Documents are cut into contiguous chunks; each chunk is tokenized on one thread. A spelling
//! met in an earlier batch is looked up in a map shared read-only by the threads; any other is
//! lowercased once per chunk, in a cache of the chunk's own. Chunks are then merged in corpus
//! order: a form's global id is its first occurrence in the corpus, whatever the batches,
//! chunking or thread count, and each new form is stemmed and checked against the stopwords
//! exactly once.

use std::sync::Arc;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::forms::normalize_word;
use super::normalize::Normalizer;
use super::token_store::{DocSource, TokenStore};
use super::tokenize::{for_each_token, Span};
use super::vocab::{FormId, Vocabulary};
use crate::chunks::chunk_ranges;
use crate::corpus::Document;
use crate::progress::Progress;

/// One document as a sequence of word forms, with its sentence starts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocTokens {
    /// Every word token, stopwords included, in text order.
    pub forms: Vec<FormId>,
    /// Index into `forms` of the first token of each sentence.
    pub sentence_starts: Vec<u32>,
}

impl DocTokens {
    /// The tokens of each sentence, in order.
    pub fn sentences(&self) -> impl Iterator<Item = &[FormId]> + '_ {
        let ends = self
            .sentence_starts
            .iter()
            .skip(1)
            .map(|&s| s as usize)
            .chain(std::iter::once(self.forms.len()));
        self.sentence_starts
            .iter()
            .zip(ends)
            .map(|(&start, end)| &self.forms[start as usize..end])
    }
}

/// The corpus as form ids, one entry per document in corpus order.
#[derive(Debug, Clone, Default)]
pub struct TokenizedCorpus {
    pub vocab: Vocabulary,
    pub docs: Vec<DocTokens>,
    /// The documents, when a run that writes its outputs has put some of their tokens in a
    /// temporary file (`docs` is then empty). Only the passes that read documents through
    /// [`TokenizedCorpus::source`] see them: the pipeline stores no tokens when phrases are
    /// to be joined or counted from the tokens.
    pub stored: Option<Arc<TokenStore>>,
}

impl TokenizedCorpus {
    /// The corpus of `vocab` whose documents are in `store`: in `docs` when they all fit in
    /// memory, else left in the store, its file flushed for reading back.
    pub fn from_store(
        vocab: Vocabulary,
        store: TokenStore,
    ) -> crate::error::Result<TokenizedCorpus> {
        let (docs, stored) = match store.into_memory() {
            Ok(docs) => (docs, None),
            Err(mut store) => {
                store.finish_writing()?;
                (Vec::new(), Some(Arc::from(store)))
            }
        };
        Ok(TokenizedCorpus {
            vocab,
            docs,
            stored,
        })
    }

    /// The documents' tokens, wherever they are kept.
    pub fn source(&self) -> &dyn DocSource {
        match &self.stored {
            Some(store) => store.as_ref(),
            None => &self.docs,
        }
    }

    /// The first error met reading stored tokens back (see [`TokenStore::check`]).
    pub fn check(&self) -> crate::error::Result<()> {
        match &self.stored {
            Some(store) => store.check(),
            None => Ok(()),
        }
    }
}

/// Bytes of text per chunk: large enough to amortise the per-chunk cache, small enough to
/// balance the threads on corpora of a few large speeches.
const CHUNK_BYTES: u64 = 1 << 20;

/// Tokenizes every document. `progress` advances by one per document.
pub fn tokenize_corpus(
    documents: &[Document],
    normalizer: &Normalizer,
    progress: &dyn Progress,
) -> TokenizedCorpus {
    let mut tokenizer = Tokenizer::new(normalizer);
    let docs = tokenizer.add(documents, progress);
    TokenizedCorpus {
        vocab: tokenizer.finish(),
        docs,
        stored: None,
    }
}

/// Tokenizes a corpus a batch of documents at a time, so that each batch's texts can be
/// dropped once it is tokenized: the ids are the same as for the whole corpus at once.
pub struct Tokenizer<'a> {
    normalizer: &'a Normalizer,
    vocab: Vocabulary,
    /// Every spelling met in the batches before, with its form's id: most tokens of a batch
    /// are found here, read-only on every thread.
    known: Surfaces,
}

impl<'a> Tokenizer<'a> {
    pub fn new(normalizer: &'a Normalizer) -> Tokenizer<'a> {
        Tokenizer {
            normalizer,
            vocab: Vocabulary::default(),
            known: Surfaces::default(),
        }
    }

    /// The tokens of the next documents in corpus order, their forms added to the
    /// vocabulary. `progress` advances by one per document.
    pub fn add(&mut self, documents: &[Document], progress: &dyn Progress) -> Vec<DocTokens> {
        let chunks = chunk_ranges(documents.iter().map(|d| d.text.len() as u64), CHUNK_BYTES);
        let known = &self.known;
        let local: Vec<LocalChunk> = chunks
            .into_par_iter()
            .map(|range| {
                let chunk = tokenize_chunk(&documents[range], known);
                progress.advance(chunk.docs.len() as u64);
                chunk
            })
            .collect();
        // The forms the vocabulary already holds are looked up on every thread; only the
        // others are added one by one, in corpus order, so that ids follow first occurrence.
        let in_vocab: Vec<Vec<Option<FormId>>> = {
            let vocab = &self.vocab;
            local
                .par_iter()
                .map(|chunk| chunk.forms.iter().map(|form| vocab.form_id(form)).collect())
                .collect()
        };
        let vocab = &mut self.vocab;
        let to_global: Vec<Vec<FormId>> = local
            .iter()
            .zip(in_vocab)
            .map(|(chunk, in_vocab)| {
                chunk
                    .forms
                    .iter()
                    .zip(in_vocab)
                    .map(|(form, id)| {
                        id.unwrap_or_else(|| {
                            vocab.intern_form(form, |form| {
                                (
                                    self.normalizer.term(form).into_owned(),
                                    self.normalizer.is_stopword(form),
                                )
                            })
                        })
                    })
                    .collect()
            })
            .collect();
        let known = &mut self.known;
        let mut per_chunk: Vec<Vec<DocTokens>> = Vec::with_capacity(local.len());
        for (chunk, to_global) in local.iter().zip(&to_global) {
            known.extend(&chunk.surfaces, to_global);
        }
        local
            .into_par_iter()
            .zip(to_global)
            .map(|(chunk, to_global)| {
                let mut docs = chunk.docs;
                for doc in &mut docs {
                    for id in &mut doc.forms {
                        if *id & NEW_IN_CHUNK != 0 {
                            *id = to_global[new_form_index(*id)];
                        }
                    }
                }
                docs
            })
            .collect_into_vec(&mut per_chunk);
        let mut docs = Vec::with_capacity(documents.len());
        for chunk in per_chunk {
            docs.extend(chunk);
        }
        docs
    }

    /// The forms of the documents tokenized so far.
    pub fn vocab(&self) -> &Vocabulary {
        &self.vocab
    }

    pub fn finish(self) -> Vocabulary {
        self.vocab
    }
}

/// Marks a chunk's token id as the index of a form new to the chunk (in
/// [`LocalChunk::forms`]), not a form id: form ids stay below it (see
/// [`crate::text::vocab`]).
const NEW_IN_CHUNK: u32 = 1 << 31;

/// The index among its chunk's new forms of an id marked [`NEW_IN_CHUNK`].
fn new_form_index(id: u32) -> usize {
    (id & !NEW_IN_CHUNK) as usize
}

/// Surface spellings and their form ids: up to 15 bytes (nearly every word) by an integer
/// key, which hashes and compares in a step or two; longer ones by their text.
#[derive(Default)]
struct Surfaces {
    short: FxHashMap<ShortKey, FormId>,
    long: FxHashMap<Box<str>, FormId>,
}

impl Surfaces {
    fn get(&self, surface: Surface) -> Option<FormId> {
        match surface {
            Surface::Short(key) => self.short.get(&key),
            Surface::Long(text) => self.long.get(text),
        }
        .copied()
    }

    /// Adds a chunk's new spellings, their ids (indices into the chunk's forms) mapped by
    /// `to_global`.
    fn extend(&mut self, surfaces: &ChunkSurfaces, to_global: &[FormId]) {
        for (&key, &id) in &surfaces.short {
            self.short.insert(key, to_global[new_form_index(id)]);
        }
        for (&text, &id) in &surfaces.long {
            self.long.insert(text.into(), to_global[new_form_index(id)]);
        }
    }
}

/// A chunk's spellings that were not known before its batch, with their ids in the chunk.
#[derive(Default)]
struct ChunkSurfaces<'t> {
    short: FxHashMap<ShortKey, u32>,
    long: FxHashMap<&'t str, u32>,
}

/// One token's spelling as [`Surfaces`] looks it up.
#[derive(Clone, Copy)]
enum Surface<'t> {
    Short(ShortKey),
    Long(&'t str),
}

impl<'t> Surface<'t> {
    /// The word of `text` at `span`.
    fn of(text: &'t str, span: Span) -> Surface<'t> {
        match short_key(text.as_bytes(), span.range()) {
            Some(key) => Surface::Short(key),
            None => Surface::Long(&text[span.range()]),
        }
    }
}

/// A chunk's documents in token ids, the forms new to the chunk in first-occurrence order,
/// and the spellings that gave them.
struct LocalChunk<'t> {
    forms: Vec<String>,
    surfaces: ChunkSurfaces<'t>,
    docs: Vec<DocTokens>,
}

/// Tokenizes a chunk's documents. A token whose spelling is `known` gets its form id; any
/// other gets the index of its form among the chunk's new forms, marked [`NEW_IN_CHUNK`].
fn tokenize_chunk<'t>(documents: &'t [Document], known: &Surfaces) -> LocalChunk<'t> {
    let mut surfaces = ChunkSurfaces::default();
    let mut forms = LocalForms::default();
    let docs = documents
        .iter()
        .map(|document| {
            let text = document.text.as_str();
            // About one token per six bytes of speech: room made once, not by doubling.
            let mut doc = DocTokens {
                forms: Vec::with_capacity(text.len() / 5),
                sentence_starts: Vec::new(),
            };
            for_each_token(text, |span, starts_sentence| {
                if starts_sentence {
                    doc.sentence_starts.push(doc.forms.len() as u32);
                }
                let surface = Surface::of(text, span);
                let id = match known.get(surface) {
                    Some(id) => id,
                    None => {
                        let new_form = || forms.id_of(&text[span.range()]) | NEW_IN_CHUNK;
                        match surface {
                            Surface::Short(key) => {
                                *surfaces.short.entry(key).or_insert_with(new_form)
                            }
                            Surface::Long(word) => {
                                *surfaces.long.entry(word).or_insert_with(new_form)
                            }
                        }
                    }
                };
                doc.forms.push(id);
            });
            // Growth by doubling leaves up to half of each vector unused, and the token
            // streams are the largest thing held for the rest of the run.
            doc.forms.shrink_to_fit();
            doc.sentence_starts.shrink_to_fit();
            doc
        })
        .collect();
    LocalChunk {
        forms: forms.forms,
        surfaces,
        docs,
    }
}

/// A word of at most 15 bytes as one integer: its bytes, and its length in the top byte.
type ShortKey = u128;

/// The key of a word of at most 15 bytes: equal keys, equal words. `bytes[range]` is the
/// word.
fn short_key(bytes: &[u8], range: std::ops::Range<usize>) -> Option<ShortKey> {
    let len = range.len();
    if len > 15 {
        return None;
    }
    let word = match bytes.get(range.start..range.start + 16) {
        // One load, the bytes after the word masked off.
        Some(sixteen) => {
            let sixteen: [u8; 16] = sixteen.try_into().ok()?;
            u128::from_le_bytes(sixteen) & ((1u128 << (8 * len)) - 1)
        }
        None => bytes[range]
            .iter()
            .enumerate()
            .fold(0, |key, (i, &b)| key | u128::from(b) << (8 * i)),
    };
    Some(word | (len as u128) << 120)
}

/// A chunk's normalized forms, each with its local id.
#[derive(Default)]
struct LocalForms {
    by_form: FxHashMap<String, FormId>,
    forms: Vec<String>,
}

impl LocalForms {
    /// The local id of the form of `surface`, a new one the first time.
    fn id_of(&mut self, surface: &str) -> FormId {
        let form = normalize_word(surface);
        let forms = &mut self.forms;
        *self.by_form.entry(form).or_insert_with_key(|form| {
            forms.push(form.clone());
            (forms.len() - 1) as FormId
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Encoding;
    use crate::progress::Silent;
    use crate::text::{Language, StopwordSource, Stopwords};

    fn document(text: &str) -> Document {
        Document {
            id: String::new(),
            source: String::new(),
            metadata: Vec::new(),
            encoding: Encoding::Utf8,
            text: text.into(),
            annotations_removed: 0,
            footer_lines_removed: 0,
            mojibake_repaired: 0,
            apostrophes_restored: 0,
        }
    }

    fn normalizer() -> Normalizer {
        let language = Language::default();
        Normalizer::new(
            language,
            true,
            Stopwords::load(&StopwordSource::Builtin, language).unwrap(),
        )
    }

    #[test]
    fn short_keys_tell_words_apart_by_bytes_and_length() {
        let key = |word: &str| short_key(word.as_bytes(), 0..word.len());
        assert_eq!(key("peace"), key("peace"));
        assert_ne!(key("a"), key("a\0"));
        assert_ne!(key("ab"), key("ba"));
        assert_ne!(key(""), key("\0"));
        assert!(key("peacekeepers's").is_some());
        assert_eq!(key("peacekeeping-ops"), None);
        // A word read from longer text (one load, masked) has the key of the word alone.
        let text = b"peace and security in international peacekeeping operations";
        assert_eq!(short_key(text, 0..5), key("peace"));
        assert_eq!(short_key(text, 6..9), key("and"));
        assert_eq!(short_key(text, 10..18), key("security"));
        assert_eq!(short_key(text, 22..35), key("international"));
        assert_eq!(short_key(text, 36..48), key("peacekeeping"));
        assert_eq!(short_key(text, 22..48), None);
        assert_eq!(short_key(b"xx peace", 3..8), key("peace"));
    }

    /// Batch after batch, spellings met in a batch before are looked up as known; the ids
    /// are those of the whole corpus at once.
    #[test]
    fn batches_give_the_ids_of_the_whole_corpus() {
        let texts = [
            "The nations of the United Nations",
            "NATIONS and nations, the peacekeeping peacekeepers",
            "the Nations' peacekeeping; café CAFÉ",
            "new words: peacekeepers and cafe",
        ];
        let docs: Vec<Document> = texts.into_iter().map(document).collect();
        let normalizer = normalizer();
        let whole = tokenize_corpus(&docs, &normalizer, &Silent);
        let mut tokenizer = Tokenizer::new(&normalizer);
        let mut batched = Vec::new();
        for doc in &docs {
            batched.extend(tokenizer.add(std::slice::from_ref(doc), &Silent));
        }
        assert_eq!(batched, whole.docs);
        let vocab = tokenizer.finish();
        let forms = |v: &Vocabulary| -> Vec<String> {
            (0..v.n_forms() as u32)
                .map(|id| v.form(id).to_owned())
                .collect()
        };
        assert_eq!(forms(&vocab), forms(&whole.vocab));
        assert_eq!(vocab.form(batched[1].forms[0]), "nations");
        assert_eq!(batched[1].forms[0], batched[0].forms[1]);
    }

    #[test]
    fn ids_do_not_depend_on_chunking() {
        let docs: Vec<Document> = [
            "Human trafficking. The Nations",
            "nations and NATIONS",
            "Trafficking in persons",
        ]
        .into_iter()
        .map(document)
        .collect();
        let whole = tokenize_corpus(&docs, &normalizer(), &Silent);
        let mut chunked_vocab = Vocabulary::default();
        let mut chunked_docs = Vec::new();
        for range in chunk_ranges(docs.iter().map(|d| d.text.len() as u64), 1) {
            let chunk = tokenize_chunk(&docs[range], &Surfaces::default());
            let map: Vec<FormId> = chunk
                .forms
                .iter()
                .map(|f| chunked_vocab.intern_form(f, |f| (f.to_owned(), false)))
                .collect();
            chunked_docs.extend(chunk.docs.into_iter().map(|mut d| {
                d.forms
                    .iter_mut()
                    .for_each(|id| *id = map[new_form_index(*id)]);
                d
            }));
        }
        assert_eq!(whole.docs, chunked_docs);
        let forms: Vec<&str> = (0..whole.vocab.n_forms() as u32)
            .map(|id| whole.vocab.form(id))
            .collect();
        assert_eq!(
            forms,
            [
                "human",
                "trafficking",
                "the",
                "nations",
                "and",
                "in",
                "persons"
            ]
        );
        assert_eq!(whole.docs[0].sentence_starts, [0, 2]);
        let sentences: Vec<&[FormId]> = whole.docs[0].sentences().collect();
        assert_eq!(sentences, [&[0, 1][..], &[2, 3][..]]);
    }
}
