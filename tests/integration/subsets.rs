//! `--where`: the speeches analysed are those whose metadata meet every condition, for
//! `analyze`, `freq` and `kwic`; what was kept is said in the summary, run.json and the report.

use std::collections::HashMap;
use std::path::PathBuf;

use crate::helpers::{analyze_fails, analyze_ok, repo, speechstat, stderr, Table};

fn shared_corpus(name: &str) -> Option<PathBuf> {
    let path = repo().join("../shared/corpora").join(name);
    path.is_dir().then_some(path)
}

#[test]
fn conditions_on_text_and_years_keep_the_speeches_meeting_all_and_say_so() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let output = analyze_ok(
        &[&repo().join("corpus")],
        &out,
        &["--where", "party=Republican", "--where", "year>=2018"],
    );
    let documents = Table::read(&out.join("tables/documents.csv"));
    assert_eq!(documents.column("year"), ["2018", "2019", "2020", "2026"]);
    assert!(documents.column("party").iter().all(|p| *p == "Republican"));
    let summary = String::from_utf8_lossy(&output.stdout);
    assert!(
        summary.contains("4 documents (of 22 read, where party=Republican and year>=2018)"),
        "{summary}"
    );
    let run = std::fs::read_to_string(out.join("run.json")).unwrap();
    assert!(run.contains("\"party=Republican\""), "{run}");
    assert!(run.contains("\"speeches_read\": 22"), "{run}");
    let report = std::fs::read_to_string(out.join("report.html")).unwrap();
    assert!(
        report.contains("4 of 22 where party=Republican and year&gt;=2018"),
        "the report's summary says what was kept"
    );
    // The counts are those of the kept speeches only: a run on the same speeches given one
    // by one gives the same term table.
    let alone = dir.path().join("alone");
    let files: Vec<PathBuf> = [
        "2018-Trump-1",
        "2019-Trump-1",
        "2020-Trump-1",
        "2026-Trump-1",
    ]
    .iter()
    .map(|f| repo().join("corpus/speeches").join(format!("{f}.txt")))
    .collect();
    let inputs: Vec<&std::path::Path> = files.iter().map(PathBuf::as_path).collect();
    analyze_ok(&inputs, &alone, &[]);
    let counts = |out: &std::path::Path| -> HashMap<String, String> {
        let terms = Table::read(&out.join("tables/terms.csv"));
        terms
            .rows
            .iter()
            .map(|r| (r["term"].clone(), r["count"].clone()))
            .collect()
    };
    assert_eq!(counts(&out), counts(&alone));
}

#[test]
fn in_lists_ids_and_freq_and_kwic_follow_the_conditions() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("freq");
    let output = speechstat(&[
        "freq",
        "corpus",
        "--where",
        "year in 2002, 2010",
        "--where",
        "doc_id!=2010-Obama-1",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let rows = Table::read(&out.join("tables/term_frequency.csv"));
    assert!(rows.column("doc_id").iter().all(|id| *id == "2002-Bush-1"));
    let output = speechstat(&["kwic", "terror*", "corpus", "--where", "party=Democratic"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let lines = String::from_utf8_lossy(&output.stdout);
    assert!(!lines.is_empty());
    assert!(
        !lines.contains("Bush") && !lines.contains("Trump"),
        "only Democratic speeches: {lines}"
    );
}

#[test]
fn a_condition_that_keeps_nothing_or_names_no_column_is_an_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = repo().join("corpus");
    let err = analyze_fails(&[&corpus], &dir.path().join("a"), &["--where", "year>3000"]);
    assert!(
        err.contains("--where: year>3000 keeps none of the 22 speeches read"),
        "{err}"
    );
    let err = analyze_fails(&[&corpus], &dir.path().join("b"), &["--where", "iso3=UKR"]);
    assert!(err.contains("iso3") && err.contains("party"), "{err}");
    let output = speechstat(&["analyze", "--where", "year"]);
    assert_eq!(
        output.status.code(),
        Some(2),
        "a malformed condition is a usage error"
    );
    assert!(stderr(&output).contains("COLUMN=VALUE"));
}

/// The General Debate (in ../shared when present): Ukraine's speeches from 2022 on.
#[test]
fn the_general_debate_keeps_ukraine_from_2022() {
    let Some(corpus) = shared_corpus("ungdc_1995_2024") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let output = speechstat(&[
        "freq",
        corpus.to_str().unwrap(),
        "--where",
        "iso3=UKR",
        "--where",
        "year>=2022",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let rows = Table::read(&out.join("tables/term_frequency.csv"));
    let mut ids: Vec<&str> = rows.column("doc_id");
    ids.dedup();
    assert_eq!(ids, ["UKR_77_2022", "UKR_78_2023", "UKR_79_2024"]);
}
