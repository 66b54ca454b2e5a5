//! Fuzzes reading a file: decoding arbitrary bytes, splitting UN meeting records at their
//! headings (marked up or inline), and cleaning each speech never panics, and cleaned text
//! keeps its shape.
#![no_main]

use libfuzzer_sys::fuzz_target;
use speechstat::internals::{clean_body, decode, parse_heading_line, split_records, Decoded};

fuzz_target!(|bytes: &[u8]| {
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
});
