//! Fuzzes the tokenizer: any text gives in-bounds, ordered spans that start sentences at 0,
//! and the ASCII fast path finds exactly what Unicode word segmentation finds.
#![no_main]

use libfuzzer_sys::fuzz_target;
use speechstat::internals::{for_each_token, for_each_token_reference};

fuzz_target!(|text: &str| {
    let (mut fast, mut reference) = (Vec::new(), Vec::new());
    for_each_token(text, |span, starts| fast.push((span, starts)));
    for_each_token_reference(text, |span, starts| reference.push((span, starts)));
    assert_eq!(fast, reference);
    let mut previous_end = 0;
    for (i, (span, starts)) in fast.iter().enumerate() {
        assert!(span.start < span.end && span.start >= previous_end);
        let word = text.get(span.range()).expect("span on char boundaries");
        assert!(word.chars().any(char::is_alphanumeric));
        assert!(!word.starts_with(char::is_whitespace));
        if i == 0 {
            assert!(*starts);
        }
        previous_end = span.end;
    }
});
