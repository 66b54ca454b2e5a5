//! `--dictionary`: the fixtures' LIWC and YAML dictionaries on the demo corpus, the warnings
//! for what matches nothing, and the errors for a dictionary that cannot be read.

use std::path::Path;

use crate::helpers::{analyze_fails, analyze_ok, fixture, stderr, Table};

fn dictionary(name: &str) -> String {
    fixture(&format!("dictionaries/{name}"))
        .display()
        .to_string()
}

#[test]
fn liwc_and_yaml_dictionaries_give_the_same_counts_for_the_same_patterns() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let (dic, yml) = (dictionary("policy.dic"), dictionary("policy.yml"));
    analyze_ok(
        &[Path::new("corpus")],
        &out,
        &[
            "--dictionary",
            &yml,
            "--dictionary",
            &dic,
            "--group-by",
            "party",
        ],
    );
    let table = Table::read(&out.join("tables/dictionary.csv"));
    let count = |dictionary: &str, category: &str| -> u64 {
        table
            .rows
            .iter()
            .filter(|r| r["dictionary"] == dictionary && r["category"] == category)
            .map(|r| r["count"].parse::<u64>().unwrap())
            .sum()
    };
    // economy and security have the same patterns in both files.
    for category in ["economy", "security"] {
        assert_eq!(count("policy.yml", category), count("policy.dic", category));
        assert!(count("policy.yml", category) > 100, "{category}");
    }
    assert!(count("policy.yml", "values.liberty") > 0);
    // 22 speeches x (5 + 4) categories, zeros included.
    assert_eq!(table.rows.len(), 22 * 9);
    assert!(table.rows.iter().all(|r| r["score"].is_empty()));
    let groups = Table::read(&out.join("tables/dictionary_by_group.csv"));
    let summed: u64 = groups
        .rows
        .iter()
        .filter(|r| r["dictionary"] == "policy.dic" && r["category"] == "family")
        .map(|r| r["count"].parse::<u64>().unwrap())
        .sum();
    assert_eq!(summed, count("policy.dic", "family"));
    assert!(out.join("tables/dictionary_trends.csv").exists());
    assert!(out.join("charts/dictionary.png").exists());
}

#[test]
fn a_category_or_pattern_that_matches_nothing_is_named_in_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let file = dir.path().join("typos.yml");
    std::fs::write(
        &file,
        "economy: [econom*, taxs]\nmissing: [zzyzx, \"qwerty keyboard\"]\n",
    )
    .unwrap();
    let output = analyze_ok(
        &[Path::new("corpus")],
        &out,
        &["--dictionary", &file.display().to_string()],
    );
    let err = stderr(&output);
    let warning = |needle: &str| {
        err.lines()
            .any(|l| l.contains("typos.yml") && l.contains(needle))
    };
    assert!(warning("3 of its 4 patterns match no word"), "{err}");
    assert!(warning("taxs (line 1)"), "{err}");
    assert!(warning("qwerty keyboard (line 2)"), "{err}");
    assert!(
        warning("category matches nothing in the corpus: missing"),
        "{err}"
    );
    let table = Table::read(&out.join("tables/dictionary.csv"));
    assert!(table
        .rows
        .iter()
        .any(|r| r["category"] == "missing" && r["count"] == "0"));
}

#[test]
fn a_dictionary_that_cannot_be_read_is_refused_with_its_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let cases = [
        (
            "bad.dic",
            "%\n1\teconomy\n%\ntax\t1\nwar\t9\n",
            "bad.dic line 5",
        ),
        ("liwc.yml", "%\n1\teconomy\n%\ntax\t1\n", "liwc.yml line 1"),
        (
            "bad.csv",
            "category,pattern,weight\ngood,nice,high\n",
            "bad.csv line 2",
        ),
        ("words.txt", "tax\n", "words.txt"),
    ];
    for (name, text, needle) in cases {
        let file = dir.path().join(name);
        std::fs::write(&file, text).unwrap();
        let err = analyze_fails(
            &[Path::new("corpus")],
            &out,
            &["--dictionary", &file.display().to_string()],
        );
        assert!(err.contains(needle), "{name}: {err}");
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(!out.exists(), "{name}: nothing is written");
    }
}

#[test]
fn the_vader_example_scores_with_its_valences() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let vader = crate::helpers::repo().join("dictionaries/vader.csv");
    analyze_ok(
        &[Path::new("corpus")],
        &out,
        &["--dictionary", &vader.display().to_string()],
    );
    let table = Table::read(&out.join("tables/dictionary.csv"));
    for row in &table.rows {
        let score: f64 = row["score"].parse().unwrap();
        match row["category"].as_str() {
            "positive" => assert!(score > 0.0, "{row:?}"),
            "negative" => assert!(score < 0.0, "{row:?}"),
            other => panic!("{other}"),
        }
    }
}
