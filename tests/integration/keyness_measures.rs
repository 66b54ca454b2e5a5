//! The keyness measures beside G2, recomputed from the other tables of a run on corpus/:
//! text dispersion keyness from documents.csv and term_frequency.csv, the Fightin' Words
//! log-odds from the counts beside them; `--rank-by` orders the rows; the funnel plots.

use std::collections::{HashMap, HashSet};

use crate::helpers::{analyze_ok, close, is_png, number, repo, Table};

/// Signed G2 of [[a, b], [c - a, d - b]], 0 ln 0 = 0 (STATISTICS.md).
fn g2(a: f64, b: f64, c: f64, d: f64) -> f64 {
    let n = c + d;
    let cells = [
        (a, c * (a + b) / n),
        (b, d * (a + b) / n),
        (c - a, c * (n - a - b) / n),
        (d - b, d * (n - a - b) / n),
    ];
    let g: f64 = cells
        .iter()
        .map(|&(o, e)| if o > 0.0 { o * (o / e).ln() } else { 0.0 })
        .sum::<f64>()
        * 2.0;
    if a / c < b / d {
        -g
    } else {
        g
    }
}

#[test]
fn dispersion_keyness_is_g2_on_the_speeches_of_documents_and_term_frequency() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    analyze_ok(
        &[&repo().join("corpus")],
        &out,
        &["--group-by", "party", "--rank-by", "doc_log_likelihood"],
    );
    let documents = Table::read(&out.join("tables/documents.csv"));
    let party: HashMap<&str, &str> = documents
        .rows
        .iter()
        // A speech without a party is in the group keyness.csv calls "(blank)".
        .map(|r| match r["party"].as_str() {
            "" => (r["doc_id"].as_str(), "(blank)"),
            p => (r["doc_id"].as_str(), p),
        })
        .collect();
    let mut speeches_of: HashMap<&str, usize> = HashMap::new();
    for p in party.values() {
        *speeches_of.entry(p).or_default() += 1;
    }
    let frequencies = Table::read(&out.join("tables/term_frequency.csv"));
    // The speeches of each party using each term.
    let mut using: HashMap<(&str, &str), usize> = HashMap::new();
    let mut seen = HashSet::new();
    for row in &frequencies.rows {
        if seen.insert((row["doc_id"].as_str(), row["term"].as_str())) {
            *using
                .entry((party[row["doc_id"].as_str()], row["term"].as_str()))
                .or_default() += 1;
        }
    }
    let keyness = Table::read(&out.join("tables/keyness.csv"));
    assert!(keyness.rows.len() > 100);
    let total = party.len();
    for row in &keyness.rows {
        let (target, term) = (row["target"].as_str(), row["term"].as_str());
        let a = using.get(&(target, term)).copied().unwrap_or(0);
        let everywhere: usize = speeches_of
            .keys()
            .map(|p| using.get(&(*p, term)).copied().unwrap_or(0))
            .sum();
        let (c, d) = (speeches_of[target], total - speeches_of[target]);
        let b = everywhere - a;
        assert_eq!(row["range_target"], a.to_string(), "{target} {term}");
        assert_eq!(row["range_reference"], b.to_string(), "{target} {term}");
        assert_eq!(row["n_documents_target"], c.to_string());
        assert_eq!(row["n_documents_reference"], d.to_string());
        let expected = g2(a as f64, b as f64, c as f64, d as f64);
        assert!(
            close(&row["doc_log_likelihood"], expected),
            "{target} {term}: {} is not {expected}",
            row["doc_log_likelihood"]
        );
    }
    // Ranked by it: each target's over-used rows first, strongest first, then the under-used.
    for target in speeches_of.keys() {
        let scores: Vec<f64> = keyness
            .rows
            .iter()
            .filter(|r| r["target"] == *target)
            .map(|r| number(r, "doc_log_likelihood"))
            .collect();
        let over: Vec<f64> = scores.iter().copied().take_while(|&s| s > 0.0).collect();
        let under = &scores[over.len()..];
        assert!(over.windows(2).all(|w| w[0] >= w[1]), "{target}: {over:?}");
        assert!(under.iter().all(|&s| s < 0.0), "{target}: {under:?}");
        assert!(
            under.windows(2).all(|w| w[0] <= w[1]),
            "{target}: {under:?}"
        );
    }
}

#[test]
fn log_odds_follow_from_the_counts_and_a_compare_pair_gets_its_funnel_plot() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    analyze_ok(
        &[&repo().join("corpus")],
        &out,
        &[
            "--group-by",
            "party",
            "--compare",
            "Democratic",
            "Republican",
            "--rank-by",
            "log_odds_z",
            "--prior-scale",
            "0.5",
        ],
    );
    let keyness = Table::read(&out.join("tables/keyness.csv"));
    let groups = Table::read(&out.join("tables/groups.csv"));
    let tokens = |party: &str| -> f64 {
        let row = groups.rows.iter().find(|r| r["group"] == party).unwrap();
        number(row, "n_tokens")
    };
    let (c, d) = (tokens("Democratic"), tokens("Republican"));
    let s = 0.5;
    let mut last_over = f64::INFINITY;
    for row in &keyness.rows {
        let (a, b) = (number(row, "count_target"), number(row, "count_reference"));
        let (alpha_w, alpha_0) = (s * (a + b), s * (c + d));
        let odds = |n: f64, size: f64| ((n + alpha_w) / (size + alpha_0 - n - alpha_w)).ln();
        let delta = odds(a, c) - odds(b, d);
        let z = delta / (1.0 / (a + alpha_w) + 1.0 / (b + alpha_w)).sqrt();
        assert!(close(&row["log_odds"], delta), "{}", row["term"]);
        assert!(close(&row["log_odds_z"], z), "{}", row["term"]);
        let simple = (a / c * 1e6 + 1.0) / (b / d * 1e6 + 1.0);
        assert!(close(&row["simple_maths"], simple), "{}", row["term"]);
        if z > 0.0 {
            assert!(
                z <= last_over * (1.0 + 1e-5),
                "ranked by z: {}",
                row["term"]
            );
            last_over = z;
        }
    }
    assert!(is_png(&out.join("charts/log_odds_Democratic.png")));
}
