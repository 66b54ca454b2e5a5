//! `--target EXPR`, `--compare EXPR EXPR`, `--group-by a,b`, `--chart-targets` and honest
//! references: the speeches an expression names against the rest, with counts a reader can
//! recompute from term_frequency.csv.

use std::collections::HashMap;
use std::path::Path;

use crate::helpers::{analyze_fails, analyze_ok, repo, speechstat, stderr, Table};

const REPUBLICANS_SINCE_2018: &str = "party=Republican,year>=2018";

/// Each term's count in the speeches `inside` says, and in the others.
fn counts_inside_and_out(
    out: &Path,
    inside: impl Fn(&str) -> bool,
) -> (HashMap<String, u64>, HashMap<String, u64>) {
    let rows = Table::read(&out.join("tables/term_frequency.csv"));
    let (mut target, mut rest) = (HashMap::new(), HashMap::new());
    for row in &rows.rows {
        let side = if inside(&row["doc_id"]) {
            &mut target
        } else {
            &mut rest
        };
        *side.entry(row["term"].clone()).or_insert(0) += row["count"].parse::<u64>().unwrap();
    }
    (target, rest)
}

fn keyness_of<'t>(keyness: &'t Table, target: &str) -> Vec<&'t HashMap<String, String>> {
    keyness
        .rows
        .iter()
        .filter(|r| r["target"] == target)
        .collect()
}

#[test]
fn a_target_is_compared_with_the_rest_and_its_counts_add_up() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let output = analyze_ok(
        &[&repo().join("corpus")],
        &out,
        &["--target", REPUBLICANS_SINCE_2018],
    );
    let keyness = Table::read(&out.join("tables/keyness.csv"));
    // Given alone, the expression is the only target: no speech is scored on its own.
    assert!(keyness.rows.iter().all(|r| r["group_by"] == "target"));
    let rows = keyness_of(&keyness, REPUBLICANS_SINCE_2018);
    assert!(!rows.is_empty());
    assert!(rows.iter().all(|r| r["reference"] == "rest of corpus"));
    let inside = |id: &str| {
        [
            "2018-Trump-1",
            "2019-Trump-1",
            "2020-Trump-1",
            "2026-Trump-1",
        ]
        .contains(&id)
    };
    let (target, rest) = counts_inside_and_out(&out, inside);
    for row in &rows {
        let term = &row["term"];
        assert_eq!(
            row["count_target"],
            target.get(term).copied().unwrap_or(0).to_string(),
            "{term}"
        );
        assert_eq!(
            row["count_reference"],
            rest.get(term).copied().unwrap_or(0).to_string(),
            "{term}: the target's speeches are not in its reference"
        );
    }
    let range: u64 = rows[0]["range_target"].parse().unwrap();
    assert!((1..=4).contains(&range));
    let summary = String::from_utf8_lossy(&output.stdout);
    assert!(
        summary.contains(
            "Target party=Republican,year>=2018: 4 speeches against the rest of the corpus."
        ),
        "{summary}"
    );
    let report = std::fs::read_to_string(out.join("report.html")).unwrap();
    assert!(report.contains("Target party=Republican,year&gt;=2018"));
    assert!(
        report.contains("The target, against the rest of the corpus"),
        "the key terms finding names it"
    );
    let run = std::fs::read_to_string(out.join("run.json")).unwrap();
    assert!(run.contains("\"target\": [\n"), "{run}");
}

#[test]
fn two_expressions_compare_their_speeches_and_may_not_share_one() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = repo().join("corpus");
    let out = dir.path().join("out");
    analyze_ok(
        &[&corpus],
        &out,
        &[
            "--compare",
            "party=Democratic",
            "party=Republican,year>=2018",
        ],
    );
    let keyness = Table::read(&out.join("tables/keyness.csv"));
    let rows = keyness_of(&keyness, "party=Democratic");
    assert!(!rows.is_empty());
    assert!(rows
        .iter()
        .all(|r| r["reference"] == REPUBLICANS_SINCE_2018 && r["group_by"] == "target"));
    let documents = Table::read(&out.join("tables/documents.csv"));
    let party: HashMap<&str, &str> = documents
        .rows
        .iter()
        .map(|r| (r["doc_id"].as_str(), r["party"].as_str()))
        .collect();
    let (target, _) = counts_inside_and_out(&out, |id| party[id] == "Democratic");
    let (reference, _) = counts_inside_and_out(&out, |id| {
        party[id] == "Republican" && id[..4].parse::<u32>().unwrap() >= 2018
    });
    for row in &rows {
        let term = &row["term"];
        let n = |m: &HashMap<String, u64>| m.get(term).copied().unwrap_or(0).to_string();
        assert_eq!(row["count_target"], n(&target), "{term}");
        assert_eq!(row["count_reference"], n(&reference), "{term}");
    }
    // The existing form, two group names, still works.
    analyze_ok(
        &[&corpus],
        &dir.path().join("names"),
        &[
            "--group-by",
            "party",
            "--compare",
            "Democratic",
            "Republican",
        ],
    );
    let err = analyze_fails(
        &[&corpus],
        &dir.path().join("both"),
        &["--compare", "year>=2018", "party=Republican"],
    );
    assert!(
        err.contains("--compare: 4 speeches meet both year>=2018 and party=Republican"),
        "{err}"
    );
    let err = analyze_fails(
        &[&corpus],
        &dir.path().join("none"),
        &["--compare", "party=Whig", "party=Democratic"],
    );
    assert!(
        err.contains("--compare: party=Whig matches none of the 22 speeches"),
        "{err}"
    );
}

#[test]
fn targets_that_match_nothing_or_everything_or_do_not_parse_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = repo().join("corpus");
    let err = analyze_fails(
        &[&corpus],
        &dir.path().join("a"),
        &["--target", "party=Whig,year>=2018"],
    );
    assert!(
        err.contains("--target: party=Whig,year>=2018 matches none of the 22 speeches"),
        "{err}"
    );
    let err = analyze_fails(
        &[&corpus],
        &dir.path().join("b"),
        &["--target", "year>=1000"],
    );
    assert!(
        err.contains("year>=1000 matches all 22 speeches") && err.contains("--reference"),
        "{err}"
    );
    let err = analyze_fails(&[&corpus], &dir.path().join("c"), &["--target", "iso3=UKR"]);
    assert!(
        err.contains("--target \"iso3\"") && err.contains("party"),
        "{err}"
    );
    let output = speechstat(&["analyze", "--target", "party=Republican,2018"]);
    assert_eq!(
        output.status.code(),
        Some(2),
        "a malformed target is a usage error"
    );
    assert!(
        stderr(&output).contains("COLUMN=VALUE"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn two_columns_group_by_their_pair_of_values() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    analyze_ok(
        &[&repo().join("corpus")],
        &out,
        &["--group-by", "party,year", "--max-charts", "1"],
    );
    let keyness = Table::read(&out.join("tables/keyness.csv"));
    assert!(keyness.rows.iter().all(|r| r["group_by"] == "party,year"));
    let targets: Vec<&str> = keyness.column("target");
    assert!(targets.contains(&"Republican 2018"), "{targets:?}");
    assert!(targets.contains(&"Democratic 2010"), "{targets:?}");
}

#[test]
fn named_charts_are_drawn_and_the_others_spread_over_every_grouping() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = repo().join("corpus");
    let out = dir.path().join("named");
    analyze_ok(
        &[&corpus],
        &out,
        &[
            "--group-by",
            "party",
            "--chart-targets",
            "Democratic",
            "--max-charts",
            "0",
        ],
    );
    assert_eq!(keyness_charts(&out), ["keyness_Democratic.png"]);
    let out = dir.path().join("spread");
    analyze_ok(
        &[&corpus],
        &out,
        &[
            "--group-by",
            "year",
            "--group-by",
            "party",
            "--max-charts",
            "4",
        ],
    );
    let charts = keyness_charts(&out);
    assert_eq!(charts.len(), 4, "{charts:?}");
    assert!(
        charts.iter().any(|c| c.starts_with("keyness_party_")),
        "the second grouping gets charts too: {charts:?}"
    );
    let err = analyze_fails(
        &[&corpus],
        &dir.path().join("unknown"),
        &["--group-by", "party", "--chart-targets", "Whig"],
    );
    assert!(
        err.contains("--chart-targets: \"Whig\" is not a target of this run")
            && err.contains("Democratic, Republican"),
        "{err}"
    );
}

fn keyness_charts(out: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(out.join("charts"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("keyness_") && n != "keyness_overview.png")
        .collect();
    names.sort();
    names
}

#[test]
fn a_reference_leaves_out_the_speeches_the_corpus_has_and_named_files_keep_metadata() {
    let dir = tempfile::tempdir().unwrap();
    let speech = repo().join("corpus/speeches/2026-Trump-1.txt");
    let corpus = repo().join("corpus");
    let out = dir.path().join("out");
    let output = analyze_ok(&[&speech], &out, &["--reference", corpus.to_str().unwrap()]);
    let err = stderr(&output);
    assert!(
        err.contains("1 of its 22 speeches are also in the corpus (the same text): left out"),
        "{err}"
    );
    // The file named alone keeps the metadata of its row in corpus/manifest.csv.
    let documents = Table::read(&out.join("tables/documents.csv"));
    assert_eq!(documents.column("party"), ["Republican"]);
    assert_eq!(documents.column("year"), ["2026"]);
    // The reference's counts are those of the 21 other speeches.
    let whole = dir.path().join("whole");
    analyze_ok(&[&corpus], &whole, &[]);
    let (_, others) = counts_inside_and_out(&whole, |id| id == "2026-Trump-1");
    let keyness = Table::read(&out.join("tables/keyness.csv"));
    for row in keyness_of(&keyness, "corpus") {
        let term = &row["term"];
        assert_eq!(
            row["count_reference"],
            others.get(term).copied().unwrap_or(0).to_string(),
            "{term}"
        );
    }
    let kept = analyze_ok(
        &[&speech],
        &dir.path().join("kept"),
        &["--reference", corpus.to_str().unwrap(), "--keep-shared"],
    );
    assert!(!stderr(&kept).contains("also in the corpus"));
    let err = analyze_fails(
        &[&speech],
        &dir.path().join("same"),
        &["--reference", speech.to_str().unwrap()],
    );
    assert!(
        err.contains("--reference: every one of its 1 speeches is also in the corpus"),
        "{err}"
    );
}
