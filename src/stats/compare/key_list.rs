//! The listed keys of every target, kept from scoring to the tables, charts and report: in
//! memory up to a budget, beyond it in a temporary file ([`SpillFile`]) read back a target at
//! a time. A target per speech lists up to twice `--top` keys: on a corpus of half a million
//! speeches, 34 million keys, 2 GB if all were held.
//!
//! A key is stored as its counts and ranges; what every key of a target shares (its tokens,
//! its reference's, both sides' speeches) is stored once, and G2 is computed again on reading
//! by the same function from the same counts, so a read key is bit for bit the scored one.

use std::sync::Arc;

use super::keyness::Key;
use crate::error::Result;
use crate::spill::SpillFile;

/// Keys held in memory per scoring of targets (64 bytes each: 16 MB); the rest go to a file.
pub(crate) const HELD_KEYS: usize = 1 << 18;

/// Words of one stored key: term, target count (two words), reference count (two), range in
/// the target and in the reference.
const KEY_WORDS: u64 = 7;

/// What every key of one target shares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Sizes {
    pub tokens: u64,
    pub reference_tokens: u64,
    pub documents: u32,
    pub reference_documents: u32,
}

/// One target's listed keys, in their listed order.
#[derive(Debug, Clone)]
pub(crate) enum KeyList {
    Held(Vec<Key>),
    Stored {
        file: Arc<SpillFile>,
        /// The first word of its keys, and how many keys.
        start: u64,
        len: usize,
        sizes: Sizes,
    },
}

impl KeyList {
    pub fn len(&self) -> usize {
        match self {
            KeyList::Held(keys) => keys.len(),
            KeyList::Stored { len, .. } => *len,
        }
    }

    /// The keys. Stored keys that cannot be read back come out as none, and the failure is
    /// kept for [`KeyList::check`].
    pub fn read(&self) -> Vec<Key> {
        match self {
            KeyList::Held(keys) => keys.clone(),
            KeyList::Stored {
                file,
                start,
                len,
                sizes,
            } => {
                let words = file.read(*start, start + *len as u64 * KEY_WORDS);
                words
                    .chunks_exact(KEY_WORDS as usize)
                    .map(|w| decode(w, sizes))
                    .collect()
            }
        }
    }

    /// The first failure to read stored keys back: what was built from them is wrong.
    pub fn check(&self) -> Result<()> {
        match self {
            KeyList::Held(_) => Ok(()),
            KeyList::Stored { file, .. } => file.check(),
        }
    }
}

impl PartialEq for KeyList {
    fn eq(&self, other: &KeyList) -> bool {
        self.read() == other.read()
    }
}

fn encode(key: &Key) -> [u32; KEY_WORDS as usize] {
    [
        key.term,
        key.a as u32,
        (key.a >> 32) as u32,
        key.b as u32,
        (key.b >> 32) as u32,
        key.range,
        key.range_reference,
    ]
}

fn decode(w: &[u32], sizes: &Sizes) -> Key {
    let wide = |low: u32, high: u32| u64::from(low) | (u64::from(high) << 32);
    Key {
        range: w[5],
        range_reference: w[6],
        documents: sizes.documents,
        reference_documents: sizes.reference_documents,
        ..Key::new(
            w[0],
            wide(w[1], w[2]),
            wide(w[3], w[4]),
            sizes.tokens,
            sizes.reference_tokens,
        )
    }
}

/// Keeps the key lists of targets scored one after another: the first `held` keys in
/// memory, the rest in a file made when first needed.
pub(crate) struct KeyKeeper {
    held: usize,
    file: Option<SpillFile>,
    /// The lists put in the file: (target, first word, keys, sizes).
    stored: Vec<(usize, u64, usize, Sizes)>,
}

impl KeyKeeper {
    pub fn new(held: usize) -> KeyKeeper {
        KeyKeeper {
            held,
            file: None,
            stored: Vec::new(),
        }
    }

    /// Keeps the keys of target `index`, which all share `sizes`: held while the budget
    /// lasts, else written to the file (the list then comes once [`KeyKeeper::finish`] ran).
    pub fn keep(&mut self, index: usize, keys: Vec<Key>, sizes: Sizes) -> Result<KeyList> {
        if keys.len() <= self.held {
            self.held -= keys.len();
            return Ok(KeyList::Held(keys));
        }
        self.held = 0;
        let file = match &mut self.file {
            Some(file) => file,
            None => self.file.insert(SpillFile::create("keys")?),
        };
        let start = file.words();
        file.append(keys.iter().flat_map(encode))?;
        self.stored.push((index, start, keys.len(), sizes));
        Ok(KeyList::Held(Vec::new()))
    }

    /// The stored lists, by target, to put in place of what [`KeyKeeper::keep`] gave.
    pub fn finish(self) -> Result<Vec<(usize, KeyList)>> {
        let Some(mut file) = self.file else {
            return Ok(Vec::new());
        };
        file.finish_writing()?;
        let file = Arc::new(file);
        Ok(self
            .stored
            .into_iter()
            .map(|(index, start, len, sizes)| {
                let list = KeyList::Stored {
                    file: Arc::clone(&file),
                    start,
                    len,
                    sizes,
                };
                (index, list)
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sizes() -> Sizes {
        Sizes {
            tokens: 1_000,
            reference_tokens: 5_000_000_000,
            documents: 3,
            reference_documents: 40,
        }
    }

    fn key(term: u32, a: u64, b: u64, range: u32) -> Key {
        let s = sizes();
        Key {
            range,
            range_reference: range + 7,
            documents: s.documents,
            reference_documents: s.reference_documents,
            ..Key::new(term, a, b, s.tokens, s.reference_tokens)
        }
    }

    #[test]
    fn stored_keys_read_back_bit_for_bit_as_held_ones() {
        let lists = [
            vec![key(4, 12, 30, 2), key(9, 0, 4_294_967_297, 0)],
            vec![key(1, 5, 5, 1)],
            vec![key(2, 1 << 40, 3, 3), key(3, 7, 0, 1), key(8, 2, 9, 1)],
        ];
        let mut keeper = KeyKeeper::new(2);
        let mut kept: Vec<KeyList> = lists
            .iter()
            .enumerate()
            .map(|(i, keys)| keeper.keep(i, keys.clone(), sizes()).unwrap())
            .collect();
        for (i, list) in keeper.finish().unwrap() {
            kept[i] = list;
        }
        assert!(matches!(kept[0], KeyList::Held(_)));
        assert!(matches!(kept[1], KeyList::Stored { .. }));
        assert!(matches!(kept[2], KeyList::Stored { .. }));
        for (list, keys) in kept.iter().zip(&lists) {
            let read = list.read();
            assert_eq!(list.len(), keys.len());
            assert_eq!(&read, keys);
            for (r, k) in read.iter().zip(keys) {
                assert_eq!(r.log_likelihood.to_bits(), k.log_likelihood.to_bits());
            }
            list.check().unwrap();
        }
    }
}
