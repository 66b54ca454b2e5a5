//! Noise controls: words added to the stopword list, the built-in list printed, text garbled by
//! a wrong encoding repaired and counted, key terms that one speech alone cannot make, the
//! concordance narrowed by several `--in` and showing every metadata column, CSV line numbers
//! of CRLF files.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use crate::helpers::{analyze_fails, analyze_ok, number, repo, speechstat, stderr, Table};

fn run_json(out: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(out.join("run.json")).unwrap()).unwrap()
}

fn terms(out: &Path) -> HashSet<String> {
    Table::read(&out.join("tables/terms.csv"))
        .column("term")
        .into_iter()
        .map(String::from)
        .collect()
}

#[test]
fn stopwords_add_takes_words_and_files_beside_the_builtin_list_and_is_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("extra.txt");
    std::fs::write(
        &list,
        "# chamber words\nCongress\nAmerica  # twice in a line is fine\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    let before = dir.path().join("before");
    analyze_ok(&[&repo().join("corpus")], &before, &["--no-stem"]);
    assert!(terms(&before).contains("congress") && terms(&before).contains("tonight"));
    analyze_ok(
        &[&repo().join("corpus")],
        &out,
        &[
            "--no-stem",
            "--stopwords-add",
            "Tonight,applause",
            "--stopwords-add",
            list.to_str().unwrap(),
        ],
    );
    let kept = terms(&out);
    for word in ["tonight", "congress", "america"] {
        assert!(!kept.contains(word), "{word} is still a term");
    }
    // The built-in list is still in force: added to, not replaced.
    assert!(!kept.contains("the") && kept.contains("freedom"));
    let stopwords = Table::read(&out.join("tables/stopwords.csv"));
    let listed = stopwords.column("word");
    assert!(listed.contains(&"tonight") && listed.contains(&"the"));
    assert_eq!(listed.len(), 174 + 4);
    let run = run_json(&out);
    assert_eq!(
        run["options"]["stopwords-add"],
        serde_json::json!(["Tonight,applause", list.display().to_string()])
    );
    assert!(
        run.to_string().matches("extra.txt").count() >= 2,
        "the list file is recorded and hashed: {run}"
    );
}

#[test]
fn stopwords_add_refuses_a_missing_file_and_a_word_with_a_space() {
    for (value, expected) in [
        ("lists/missing.txt", "no such file"),
        ("ladies and gentlemen", "holds a space"),
        (",,", "holds no word"),
    ] {
        let output = speechstat(&["freq", "corpus", "--stopwords-add", value]);
        assert_eq!(output.status.code(), Some(2), "{value}");
        let err = stderr(&output);
        assert!(
            err.contains("--stopwords-add") && err.contains(expected),
            "{value}: {err}"
        );
    }
}

#[test]
fn the_stopwords_command_prints_the_builtin_list_sorted() {
    let output = speechstat(&["stopwords"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = String::from_utf8(output.stdout).unwrap();
    let words: Vec<&str> = text.lines().collect();
    assert_eq!(words.len(), 174);
    let mut sorted = words.clone();
    sorted.sort_unstable();
    assert_eq!(words, sorted);
    assert!(words.contains(&"the") && words.contains(&"don't"));
    let french = speechstat(&["stopwords", "--language", "fr"]);
    assert!(String::from_utf8_lossy(&french.stdout)
        .lines()
        .any(|w| w == "les"));
    for (language, expected) in [
        ("ar", "no stopword list for arabic"),
        ("klingon", "unknown language"),
    ] {
        let output = speechstat(&["stopwords", "--language", language]);
        assert_eq!(output.status.code(), Some(2), "{language}");
        let err = stderr(&output);
        assert!(err.contains(expected), "{err}");
        assert!(
            err.contains("en"),
            "the languages that have a list are named: {err}"
        );
    }
}

#[test]
fn mojibake_and_lost_apostrophes_are_repaired_counted_and_warned_of() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    // UTF-8 read as Windows-1252 and saved again: "—" as "â€”", "é" as "Ã©", "”" as "â€" and
    // an undefined byte; and a "?" where an apostrophe was lost.
    std::fs::write(
        corpus.join("garbled.txt"),
        "The Taliban?s war \u{e2}\u{20ac}\u{201d} said P\u{c3}\u{a9}rez \u{e2}\u{20ac}\u{153}\
         today\u{e2}\u{20ac}\u{9d} \u{e2}\u{20ac}\u{201d} is over. The Taliban?s rule ends.\n",
    )
    .unwrap();
    std::fs::write(
        corpus.join("clean.txt"),
        "S\u{c3}O PAULO and Perez. Why? So the war is over.\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    let output = analyze_ok(&[&corpus], &out, &["--no-stem"]);
    let documents = Table::read(&out.join("tables/documents.csv"));
    let by_id: HashMap<&str, &HashMap<String, String>> = documents
        .rows
        .iter()
        .map(|r| (r["doc_id"].as_str(), r))
        .collect();
    assert_eq!(by_id["garbled"]["n_mojibake_repaired"], "5");
    assert_eq!(by_id["garbled"]["n_apostrophes_restored"], "2");
    assert_eq!(by_id["clean"]["n_mojibake_repaired"], "0");
    assert_eq!(by_id["clean"]["n_apostrophes_restored"], "0");
    let kept = terms(&out);
    assert!(
        kept.contains("pérez") && kept.contains("taliban's"),
        "{kept:?}"
    );
    for noise in ["â", "s", "ã", "taliban"] {
        assert!(!kept.contains(noise), "{noise} is a term");
    }
    let err = stderr(&output);
    assert!(
        err.contains("mojibake") && err.contains("1 speech (5 sequences)"),
        "{err}"
    );
    assert!(
        err.contains("lost apostrophe") && err.contains("(2 times)"),
        "{err}"
    );
}

/// Over-used key terms of each party with their range, from keyness.csv.
fn over_used(out: &Path) -> Vec<(String, String, u64)> {
    Table::read(&out.join("tables/keyness.csv"))
        .rows
        .iter()
        .filter(|r| number(r, "log_likelihood") > 0.0)
        .map(|r| {
            (
                r["target"].clone(),
                r["term"].clone(),
                number(r, "range_target") as u64,
            )
        })
        .collect()
}

#[test]
fn a_key_term_of_a_group_needs_min_range_speeches_recomputed_from_term_frequency() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    analyze_ok(&[&repo().join("corpus")], &out, &["--group-by", "party"]);
    let documents = Table::read(&out.join("tables/documents.csv"));
    // A speech without a party is in the group keyness.csv calls (blank).
    let party_of: HashMap<&str, &str> = documents
        .rows
        .iter()
        .map(|r| match r["party"].as_str() {
            "" => (r["doc_id"].as_str(), "(blank)"),
            party => (r["doc_id"].as_str(), party),
        })
        .collect();
    let speeches_of = |party: &str| party_of.values().filter(|p| **p == party).count() as u64;
    // The speeches of each party using each term, from term_frequency.csv.
    let mut range: HashMap<(String, String), u64> = HashMap::new();
    for row in Table::read(&out.join("tables/term_frequency.csv")).rows {
        let party = party_of[row["doc_id"].as_str()].to_owned();
        *range.entry((party, row["term"].clone())).or_default() += 1;
    }
    let listed = over_used(&out);
    assert!(!listed.is_empty());
    for (party, term, range_target) in &listed {
        assert_eq!(
            range[&(party.clone(), term.clone())],
            *range_target,
            "{party} {term}"
        );
        assert!(*range_target >= 2.min(speeches_of(party)), "{party} {term}");
    }
    assert_eq!(run_json(&out)["options"]["min-range"], 2);
    // With --min-range 1, a term of one speech is key for its party: the default left it out.
    let all = dir.path().join("all");
    analyze_ok(
        &[&repo().join("corpus")],
        &all,
        &["--group-by", "party", "--min-range", "1"],
    );
    let single: Vec<_> = over_used(&all)
        .into_iter()
        .filter(|(party, _, r)| *r == 1 && speeches_of(party) > 1)
        .collect();
    assert!(!single.is_empty(), "no group had a one-speech key term");
    for (party, term, _) in &single {
        assert!(
            !listed.iter().any(|(p, t, _)| p == party && t == term),
            "{party} {term}"
        );
    }
    // Each speech as a target (one speech each) keeps its key terms.
    let speeches = dir.path().join("speeches");
    analyze_ok(&[&repo().join("corpus")], &speeches, &["--min-range", "5"]);
    let per_speech = over_used(&speeches);
    let targets: HashSet<&str> = per_speech.iter().map(|(t, _, _)| t.as_str()).collect();
    assert_eq!(targets.len(), party_of.len());
    assert!(per_speech.iter().all(|(_, _, r)| *r == 1));
}

#[test]
fn kwic_in_is_repeatable_and_every_metadata_column_is_in_kwic_csv() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    analyze_ok(
        &[&repo().join("corpus")],
        &out,
        &[
            "--kwic",
            "america",
            "--in",
            "party=Republican",
            "--in",
            "year=2002",
        ],
    );
    let kwic = Table::read(&out.join("tables/kwic.csv"));
    assert!(!kwic.rows.is_empty());
    assert!(kwic.column("doc_id").iter().all(|id| *id == "2002-Bush-1"));
    let documents = Table::read(&out.join("tables/documents.csv"));
    let metadata: Vec<&String> = documents
        .header
        .iter()
        .skip(2)
        .take_while(|c| *c != "encoding")
        .collect();
    assert!(metadata.iter().any(|c| *c == "party"));
    assert_eq!(kwic.header[0], "doc_id");
    assert_eq!(
        kwic.header[1..=metadata.len()].iter().collect::<Vec<_>>(),
        metadata
    );
    assert_eq!(
        run_json(&out)["options"]["in"],
        serde_json::json!(["party=Republican", "year=2002"])
    );
    // The kwic command alike: both must hold.
    let output = speechstat(&[
        "kwic",
        "america",
        "--in",
        "party=Democratic",
        "--in",
        "year=2010",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let lines = String::from_utf8(output.stdout).unwrap();
    assert!(lines.lines().count() > 1);
    assert!(lines
        .lines()
        .skip(1)
        .all(|l| l.starts_with("2010-Obama-1\t")));
}

#[test]
fn analyze_in_without_kwic_is_refused_naming_where() {
    let output = speechstat(&["analyze", "corpus", "--in", "party=Republican"]);
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(err.contains("--kwic") && err.contains("--where"), "{err}");
}

#[test]
fn a_bad_row_of_a_crlf_csv_is_named_by_its_line_in_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let table = dir.path().join("speeches.csv");
    std::fs::write(
        &table,
        "id,speaker,text\r\n1,Ms. Alpha,\"Peace and security.\"\r\n2,Mr. Beta,\"Security\r\nfirst.\"\r\n3,Ms. Gamma,Development,extra\r\n",
    )
    .unwrap();
    let err = analyze_fails(&[&table], &dir.path().join("out"), &[]);
    assert!(
        err.contains("speeches.csv") && err.contains("line 5"),
        "{err}"
    );
    assert!(err.contains("4 fields") && !err.contains("line: "), "{err}");
    // A manifest alike.
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    std::fs::write(corpus.join("a.txt"), "Peace.").unwrap();
    std::fs::write(
        corpus.join("manifest.csv"),
        "file,speaker\r\na.txt,Alpha\r\n\r\nb.txt,Beta,extra\r\n",
    )
    .unwrap();
    let err = analyze_fails(&[&corpus], &dir.path().join("out2"), &[]);
    assert!(err.contains("manifest.csv line 4"), "{err}");
}
