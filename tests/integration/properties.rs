//! Property tests: arbitrary text and bytes never panic the reader or the tokenizer, spans
//! slice back to words, and counts add up. Failing cases proptest finds are kept in
//! `proptest-regressions/` and replayed on every run.

use proptest::prelude::*;

use speechstat::internals::{
    clean_body, count, decode, parse_heading_line, split_records, tokenize, tokenize_corpus,
    Decoded, Normalizer, Stopwords,
};
use speechstat::{Document, Encoding, Language, Silent, StopwordSource};

/// Text that looks like speeches often enough to reach the interesting paths: words, UN
/// symbols, headings, brackets, hyphens, stops, line breaks, and arbitrary Unicode.
fn speechlike() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[A-Za-z]{1,12}",
        "[0-9]{1,5}",
        Just(" ".to_owned()),
        Just(". ".to_owned()),
        Just("\n".to_owned()),
        Just("\n\n".to_owned()),
        Just("-".to_owned()),
        Just("'".to_owned()),
        Just("\u{2019}".to_owned()),
        Just("S/PV.".to_owned()),
        Just("A/RES/".to_owned()),
        Just("/".to_owned()),
        Just("## Mr. X (France) (spoke in French):\n".to_owned()),
        Just("## (".to_owned()),
        Just("[Applause]".to_owned()),
        Just("[".to_owned()),
        Just("]".to_owned()),
        Just("*".to_owned()),
        Just("_".to_owned()),
        Just("Mr. ".to_owned()),
        Just("U.N. ".to_owned()),
        Just("\r\n".to_owned()),
        Just("\u{FEFF}".to_owned()),
        Just(" \u{5B0}".to_owned()),
        Just("\u{301}".to_owned()),
        Just("\u{A0}".to_owned()),
        any::<char>().prop_map(String::from),
        ".{0,8}",
    ];
    prop::collection::vec(piece, 0..60).prop_map(|pieces| pieces.concat())
}

fn normalizer() -> Normalizer {
    let language = Language::default();
    Normalizer::new(
        language,
        true,
        Stopwords::load(&StopwordSource::Builtin, language).unwrap(),
    )
}

fn document(text: String) -> Document {
    Document {
        id: String::new(),
        source: String::new(),
        metadata: Vec::new(),
        encoding: Encoding::Utf8,
        text,
        annotations_removed: 0,
        footer_lines_removed: 0,
        mojibake_repaired: 0,
        apostrophes_restored: 0,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn spans_slice_back_to_words_in_order(text in speechlike()) {
        let tokens = tokenize(&text);
        let mut previous_end = 0;
        for span in &tokens.spans {
            prop_assert!(span.start < span.end);
            prop_assert!(!text[span.range()].starts_with(char::is_whitespace));
            prop_assert!(span.start >= previous_end);
            prop_assert!(text.is_char_boundary(span.start as usize));
            prop_assert!(text.is_char_boundary(span.end as usize));
            prop_assert!(text[span.range()].chars().any(char::is_alphanumeric));
            previous_end = span.end;
        }
        let starts = &tokens.sentence_starts;
        prop_assert_eq!(starts.is_empty(), tokens.spans.is_empty());
        if let Some(&first) = starts.first() {
            prop_assert_eq!(first, 0);
        }
        prop_assert!(starts.windows(2).all(|w| w[0] < w[1]));
        prop_assert!(starts.iter().all(|&s| (s as usize) < tokens.spans.len()));
    }

    #[test]
    fn arbitrary_unicode_never_panics_the_tokenizer(text in any::<String>()) {
        let tokens = tokenize(&text);
        for span in &tokens.spans {
            prop_assert!(text.get(span.range()).is_some());
        }
    }

    #[test]
    fn records_and_cleaning_never_panic_and_keep_the_text_shape(text in speechlike()) {
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        for record in split_records(&text) {
            prop_assert!(text.contains(record.body));
            for keep in [false, true] {
                let cleaned = clean_body(record.body, keep);
                prop_assert!(!cleaned.text.contains('\r'));
                prop_assert!(!cleaned.text.contains("\n\n\n"));
                prop_assert_eq!(cleaned.text.trim(), cleaned.text.as_str());
                if keep {
                    prop_assert_eq!(cleaned.annotations_removed, 0);
                }
            }
        }
        for line in text.lines() {
            if let Some(heading) = parse_heading_line(line) {
                prop_assert!(!heading.speaker.contains('('));
                prop_assert!(!heading.language.is_empty());
            }
        }
    }

    #[test]
    fn arbitrary_bytes_decode_without_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let valid = std::str::from_utf8(&bytes).ok().map(str::to_owned);
        match decode(bytes) {
            Decoded::Text { text, encoding } => {
                if let (Some(valid), Encoding::Utf8) = (valid, encoding) {
                    prop_assert_eq!(text, valid);
                }
            }
            Decoded::Binary => {}
        }
    }

    #[test]
    fn counts_add_up(texts in prop::collection::vec(speechlike(), 1..6)) {
        let docs: Vec<Document> = texts.into_iter().map(document).collect();
        let corpus = tokenize_corpus(&docs, &normalizer(), &Silent);
        let counts = count(&corpus);
        let vocab = &corpus.vocab;
        // Term counts sum to the non-stopword token count, per document and overall.
        let mut non_stop_total = 0u64;
        for (d, doc) in corpus.docs.iter().enumerate() {
            let non_stop = doc.forms.iter().filter(|&&f| !vocab.is_stopword(f)).count() as u64;
            let row = counts.doc_terms.row(d);
            let counted: u64 = row.iter().map(|&(_, n)| u64::from(n)).sum();
            prop_assert_eq!(counted, non_stop);
            prop_assert_eq!(counts.n_tokens[d], doc.forms.len() as u64);
            non_stop_total += non_stop;
        }
        prop_assert_eq!(counts.term_count.iter().sum::<u64>(), non_stop_total);
        // Corpus counts and document frequencies are sums over documents.
        for term in 0..vocab.n_terms() {
            let summed: u64 = counts
                .doc_terms
                .iter()
                .map(|d| {
                    d.iter()
                        .filter(|&&(t, _)| t as usize == term)
                        .map(|&(_, n)| u64::from(n))
                        .sum::<u64>()
                })
                .sum();
            let documents = counts
                .doc_terms
                .iter()
                .filter(|d| d.iter().any(|&(t, _)| t as usize == term))
                .count() as u32;
            prop_assert_eq!(counts.term_count[term], summed);
            prop_assert_eq!(counts.term_doc_freq[term], documents);
        }
    }
}

proptest! {
    #[test]
    fn keyness_of_a_against_b_is_the_negation_of_b_against_a(
        a in 0u32..5_000, b in 0u32..5_000, extra_c in 0u32..1_000_000, extra_d in 0u32..1_000_000,
    ) {
        use speechstat::internals::keyness_g2;
        let (a, b) = (f64::from(a), f64::from(b));
        let (c, d) = (a + f64::from(extra_c) + 1.0, b + f64::from(extra_d) + 1.0);
        let forward = keyness_g2(a, b, c, d);
        let backward = keyness_g2(b, a, d, c);
        prop_assert!(forward.is_finite());
        prop_assert!((forward + backward).abs() <= 1e-9 * forward.abs().max(1.0));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(5000))]

    /// The tokenizer's ASCII fast path finds exactly the tokens and sentences that pure
    /// Unicode word segmentation does.
    #[test]
    fn the_fast_tokenizer_equals_the_reference(text in speechlike()) {
        use speechstat::internals::{for_each_token, for_each_token_reference};
        let (mut fast, mut reference) = (Vec::new(), Vec::new());
        for_each_token(&text, |s, b| fast.push((s, b)));
        for_each_token_reference(&text, |s, b| reference.push((s, b)));
        prop_assert_eq!(fast, reference);
    }
}

#[test]
fn the_fast_tokenizer_equals_the_reference_on_the_demo_corpus() {
    use speechstat::internals::{for_each_token, for_each_token_reference};
    let dir = crate::helpers::repo().join("corpus/speeches");
    for entry in std::fs::read_dir(dir).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        let (mut fast, mut reference) = (Vec::new(), Vec::new());
        for_each_token(&text, |s, b| fast.push((s, b)));
        for_each_token_reference(&text, |s, b| reference.push((s, b)));
        assert_eq!(fast, reference);
    }
}

/// The same on every speech of the shared corpora, as the reader hands them to the tokenizer
/// (cleaned), when they sit beside the clone: 12 million words of the General Debate among
/// them.
#[test]
fn the_fast_tokenizer_equals_the_reference_on_the_shared_corpora() {
    use speechstat::internals::{for_each_token, for_each_token_reference, read_corpus};
    let shared = crate::helpers::repo().join("../shared/corpora");
    let names = [
        "ungdc_1995_2024",
        "unsc_debates_13_meetings",
        "us_sotu_1790_2026",
        "us_inaugural_1789_2021",
    ];
    for name in names {
        let path = shared.join(name);
        if !path.exists() {
            eprintln!("{} not found: skipped", path.display());
            continue;
        }
        let corpus = read_corpus(&[path], &speechstat::ReadOptions::default()).unwrap();
        assert!(!corpus.documents.is_empty(), "{name}");
        for document in &corpus.documents {
            let (mut fast, mut reference) = (Vec::new(), Vec::new());
            for_each_token(&document.text, |s, b| fast.push((s, b)));
            for_each_token_reference(&document.text, |s, b| reference.push((s, b)));
            assert!(fast == reference, "{name}: {}", document.id);
        }
    }
}
