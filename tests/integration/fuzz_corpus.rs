//! Replays the inputs the fuzzers (fuzz/) kept, with the fuzz targets' own checks, so every
//! `cargo test` covers what fuzzing found without needing libFuzzer: the seeds, the
//! small inputs kept in `fuzz/regressions/<target>.hex` (one input per line, hex), and a
//! local `fuzz/corpus/<target>/` when there is one.

use std::path::Path;

use speechstat::internals::{clean_body, decode, parse_heading_line, split_records, Decoded};
use speechstat::internals::{for_each_token, for_each_token_reference};

fn inputs(target: &str) -> Vec<Vec<u8>> {
    let root = crate::helpers::repo().join("fuzz");
    let regressions =
        std::fs::read_to_string(root.join("regressions").join(format!("{target}.hex")))
            .expect("fuzz/regressions holds the kept inputs");
    let mut found: Vec<Vec<u8>> = regressions.lines().map(unhex).collect();
    assert!(found.len() > 100, "{target}: {} kept inputs", found.len());
    for folder in [root.join("corpus").join(target), root.join("seeds")] {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.flatten() {
            found.push(std::fs::read(entry.path()).unwrap());
        }
    }
    found
}

fn unhex(line: &str) -> Vec<u8> {
    (0..line.len() / 2)
        .map(|i| u8::from_str_radix(&line[2 * i..2 * i + 2], 16).expect("hex"))
        .collect()
}

fn check_tokenizer(text: &str) {
    let (mut fast, mut reference) = (Vec::new(), Vec::new());
    for_each_token(text, |span, starts| fast.push((span, starts)));
    for_each_token_reference(text, |span, starts| reference.push((span, starts)));
    assert_eq!(fast, reference, "{text:?}");
    for (span, _) in &fast {
        let word = text.get(span.range()).expect("span on char boundaries");
        assert!(word.chars().any(char::is_alphanumeric) && !word.starts_with(char::is_whitespace));
    }
}

fn check_record(bytes: &[u8]) {
    let Decoded::Text { text, .. } = decode(bytes.to_vec()) else {
        return;
    };
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    for record in split_records(&text) {
        for keep in [false, true] {
            let cleaned = clean_body(record.body, keep);
            assert!(!cleaned.text.contains("\n\n\n"));
            assert_eq!(cleaned.text.trim(), cleaned.text);
        }
    }
    for line in text.lines() {
        if let Some(heading) = parse_heading_line(line) {
            assert!(!heading.language.is_empty());
        }
    }
}

#[test]
fn the_tokenizer_fuzz_corpus_replays_cleanly() {
    for bytes in inputs("tokenizer") {
        if let Ok(text) = std::str::from_utf8(&bytes) {
            check_tokenizer(text);
        }
    }
}

#[test]
fn the_record_fuzz_corpus_replays_cleanly() {
    for bytes in inputs("record") {
        check_record(&bytes);
    }
    assert!(Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/seeds")
        .is_dir());
}
