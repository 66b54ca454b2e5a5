//! Golden tables: every table of a run on corpus/ (default options, and with every option that
//! adds a table) summarised as its row count, a hash of its bytes and its first rows, and
//! compared with the reviewed snapshot in `snapshots/`. Any change in reading, tokenizing,
//! counting or formatting shows up as a snapshot diff to review (`cargo insta review`, or
//! `INSTA_UPDATE=always cargo test --release` and `git diff`), never as a silent pass.

use std::path::Path;

use crate::helpers::{analyze_ok, EVERY_OPTION};

/// Rows shown in a snapshot.
const FIRST_ROWS: usize = 8;

#[test]
fn tables_on_the_demo_corpus_match_their_snapshots() {
    let dir = tempfile::tempdir().unwrap();
    // Relative, as a user types it: `source` then does not depend on where the clone is.
    let corpus = Path::new("corpus");
    for (run, options) in [("default", &[][..]), ("every_option", EVERY_OPTION)] {
        let out = dir.path().join(run);
        analyze_ok(&[corpus], &out, options);
        let mut tables: Vec<_> = std::fs::read_dir(out.join("tables"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "csv"))
            .collect();
        tables.sort();
        for path in tables {
            let name = path.file_stem().unwrap().to_string_lossy().into_owned();
            insta::assert_snapshot!(format!("{run}__{name}"), summary(&path));
        }
    }
}

/// Row count, FNV-1a hash of the bytes, header and first rows of a CSV table.
fn summary(path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap();
    let text = String::from_utf8(bytes.clone()).unwrap();
    let mut reader = csv::Reader::from_reader(bytes.as_slice());
    let rows = reader.records().count();
    let head: Vec<&str> = text.lines().take(FIRST_ROWS + 1).collect();
    format!(
        "rows: {rows}\nbytes: {}\nfnv1a64: {:016x}\n{}\n",
        bytes.len(),
        fnv1a64(&bytes),
        head.join("\n")
    )
}

fn fnv1a64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[test]
fn the_hash_is_fnv1a() {
    // Published test vectors of 64-bit FNV-1a.
    assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
    assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
    assert_eq!(fnv1a64(b"foobar"), 0x8594_4171_f739_67e8);
}
