//! The comparison stage on corpus/: keyness against the rest, side by side and against a
//! reference corpus, similarity, and the concordance, each checked against the other
//! tables of the same run.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::helpers::{
    self, analyze_fails, analyze_ok, fixture, number, repo, speechstat, stderr, Table,
};

fn g2(a: f64, b: f64, c: f64, d: f64) -> f64 {
    let n = c + d;
    let cells = [
        (a, (a + b) * c / n),
        (b, (a + b) * d / n),
        (c - a, (n - a - b) * c / n),
        (d - b, (n - a - b) * d / n),
    ];
    let sum: f64 = cells
        .iter()
        .filter(|(o, e)| *o > 0.0 && *e > 0.0)
        .map(|(o, e)| o * (o / e).ln())
        .sum();
    let g2 = 2.0 * sum;
    if a * d < b * c {
        -g2
    } else {
        g2
    }
}

fn close(printed: &str, value: f64, what: &str) {
    assert!(
        helpers::close(printed, value),
        "{what}: {printed} vs {value}"
    );
}

#[test]
fn keyness_by_group_agrees_with_the_group_counts() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    analyze_ok(
        &[&repo().join("corpus")],
        &out,
        &["--group-by", "party", "--top", "10"],
    );
    let keyness = Table::read(&out.join("tables/keyness.csv"));
    let by_group = Table::read(&out.join("tables/terms_by_group.csv"));
    let terms = Table::read(&out.join("tables/terms.csv"));
    let documents = Table::read(&out.join("tables/documents.csv"));
    let total: HashMap<&str, f64> = terms
        .rows
        .iter()
        .map(|r| (r["term"].as_str(), number(r, "count")))
        .collect();
    let mut group_count: HashMap<(&str, &str), f64> = HashMap::new();
    for r in &by_group.rows {
        group_count.insert(
            (r["party"].as_str(), r["term"].as_str()),
            number(r, "count"),
        );
    }
    let mut tokens: BTreeMap<&str, f64> = BTreeMap::new();
    for d in &documents.rows {
        let party = match d["party"].as_str() {
            "" => "(blank)",
            party => party,
        };
        *tokens.entry(party).or_default() += number(d, "n_tokens");
    }
    let all_tokens: f64 = tokens.values().sum();
    let tested = terms
        .rows
        .iter()
        .filter(|r| number(r, "count") >= 3.0)
        .count() as f64;
    let mut per_target: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for row in &keyness.rows {
        assert_eq!(row["group_by"], "party");
        assert_eq!(row["reference"], "rest of corpus");
        let target = row["target"].as_str();
        let term = row["term"].as_str();
        let a = group_count.get(&(target, term)).copied().unwrap_or(0.0);
        let b = total[term] - a;
        let c = tokens[target];
        let d = all_tokens - c;
        assert_eq!(number(row, "count_target"), a, "{target} {term}");
        assert_eq!(number(row, "count_reference"), b, "{target} {term}");
        let expected = g2(a, b, c, d);
        close(&row["log_likelihood"], expected, term);
        close(&row["per_10k_target"], a / c * 1e4, term);
        let smoothed = |n: f64| if n == 0.0 { 0.5 } else { n };
        close(
            &row["log_ratio"],
            ((smoothed(a) / c) / (smoothed(b) / d)).log2(),
            term,
        );
        if b > 0.0 {
            close(
                &row["percent_diff"],
                (a / c - b / d) / (b / d) * 100.0,
                term,
            );
        } else {
            assert_eq!(row["percent_diff"], "", "{term}");
        }
        let p: f64 = row["p_value"].parse().unwrap();
        assert_eq!(
            row["significant"] == "true",
            p < 0.05 / tested,
            "{term}: p {p}"
        );
        let counts = per_target.entry(target).or_default();
        if expected > 0.0 {
            counts.0 += 1;
        } else {
            counts.1 += 1;
        }
    }
    // Every party is a target, each with its 10 strongest terms on each side.
    assert_eq!(
        per_target.keys().copied().collect::<Vec<_>>(),
        tokens.keys().copied().collect::<Vec<_>>()
    );
    for (target, (over, under)) in per_target {
        assert_eq!((over, under), (10, 10), "{target}");
    }
}

#[test]
fn a_against_b_is_b_against_a_negated() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = repo().join("corpus");
    let forward = dir.path().join("forward");
    let backward = dir.path().join("backward");
    analyze_ok(
        &[&corpus],
        &forward,
        &["--compare", "2002-Bush-1", "2010-Obama-1"],
    );
    analyze_ok(
        &[&corpus],
        &backward,
        &["--compare", "2010-Obama-1", "2002-Bush-1"],
    );
    let forward = Table::read(&forward.join("tables/keyness.csv"));
    let backward = Table::read(&backward.join("tables/keyness.csv"));
    assert!(forward.rows.iter().all(|r| r["target"] == "2002-Bush-1"));
    assert!(forward
        .rows
        .iter()
        .all(|r| r["reference"] == "2010-Obama-1"));
    let of = |t: &Table| -> HashMap<String, f64> {
        t.rows
            .iter()
            .map(|r| (r["term"].clone(), number(r, "log_likelihood")))
            .collect()
    };
    let (forward, backward) = (of(&forward), of(&backward));
    let shared: Vec<&String> = forward
        .keys()
        .filter(|t| backward.contains_key(*t))
        .collect();
    assert!(
        shared.len() >= 40,
        "most terms appear in both: {}",
        shared.len()
    );
    for term in shared {
        assert!(
            (forward[term] + backward[term]).abs() < 2e-6,
            "{term}: {} vs {}",
            forward[term],
            backward[term]
        );
    }
}

#[test]
fn the_corpus_against_a_reference_corpus() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let reference = fixture("meeting");
    analyze_ok(
        &[&repo().join("corpus")],
        &out,
        &[
            "--reference",
            reference.to_str().unwrap(),
            "--min-count",
            "1",
        ],
    );
    let keyness = Table::read(&out.join("tables/keyness.csv"));
    assert!(keyness
        .rows
        .iter()
        .all(|r| r["group_by"] == "corpus" && r["target"] == "corpus"));
    assert!(keyness
        .rows
        .iter()
        .all(|r| r["reference"] == reference.to_str().unwrap()));
    // Words of the UN meeting and never of the State of the Union are under-used here.
    let under: Vec<&str> = keyness
        .rows
        .iter()
        .filter(|r| number(r, "log_likelihood") < 0.0 && number(r, "count_target") == 0.0)
        .map(|r| r["label"].as_str())
        .collect();
    assert!(!under.is_empty(), "{under:?}");
    assert!(out.join("charts/keyness_corpus.png").exists());
}

#[test]
fn unknown_comparison_targets_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let err = analyze_fails(
        &[&repo().join("corpus")],
        &dir.path().join("out"),
        &["--compare", "2002-Bush-1", "no-such-speech"],
    );
    assert!(
        err.contains("no-such-speech") && err.contains("doc_id"),
        "{err}"
    );
    assert!(!dir.path().join("out").exists(), "nothing written");
}

#[test]
fn similarity_is_the_cosine_of_the_tf_idf_rows() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    analyze_ok(&[&repo().join("corpus")], &out, &[]);
    let tf = Table::read(&out.join("tables/term_frequency.csv"));
    let similarity = Table::read(&out.join("tables/similarity.csv"));
    let mut vectors: BTreeMap<&str, BTreeMap<&str, f64>> = BTreeMap::new();
    for r in &tf.rows {
        vectors
            .entry(r["doc_id"].as_str())
            .or_default()
            .insert(r["term"].as_str(), number(r, "tf_idf"));
    }
    let n = vectors.len();
    assert_eq!(similarity.rows.len(), n * (n - 1) / 2, "every pair once");
    let mut seen = BTreeSet::new();
    for row in &similarity.rows {
        let (a, b) = (
            &vectors[row["doc_a"].as_str()],
            &vectors[row["doc_b"].as_str()],
        );
        assert!(seen.insert((row["doc_b"].clone(), row["doc_a"].clone())));
        let dot: f64 = a.iter().map(|(t, x)| x * b.get(t).unwrap_or(&0.0)).sum();
        let norm = |v: &BTreeMap<&str, f64>| v.values().map(|x| x * x).sum::<f64>().sqrt();
        // tf_idf is printed to six significant digits: the recomputed cosine is good to about 1e-4.
        let cosine = dot / (norm(a) * norm(b));
        assert!(
            (number(row, "cosine") - cosine).abs() < 2e-4,
            "{row:?} vs {cosine}"
        );
        let shared = a.keys().filter(|t| b.contains_key(*t)).count() as f64;
        let jaccard = shared / (a.len() as f64 + b.len() as f64 - shared);
        close(&row["jaccard"], jaccard, "jaccard");
    }
}

#[test]
fn beyond_a_thousand_groups_each_lists_its_ten_most_similar_and_says_how() {
    // 1,200 one-speech groups of words drawn from a shared pool: more groups than every
    // pair is listed for.
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("speeches.csv");
    let mut text = String::from("group,text\n");
    for i in 0..1_200usize {
        let words: Vec<String> = (0..40)
            .map(|j| format!("w{}", (i * 7 + j * j * 13 + i / 30) % 700))
            .collect();
        text.push_str(&format!("g{i},{}\n", words.join(" ")));
    }
    std::fs::write(&csv, text).unwrap();
    let out = dir.path().join("out");
    analyze_ok(
        &[&csv],
        &out,
        &[
            "--text-column",
            "text",
            "--group-by",
            "group",
            "--max-charts",
            "1",
        ],
    );
    let similarity = Table::read(&out.join("tables/similarity.csv"));
    assert!(similarity
        .column("method")
        .iter()
        .all(|m| *m == "nearest 10 (approximate)"));
    let mut per_group: BTreeMap<&str, Vec<f64>> = BTreeMap::new();
    for row in &similarity.rows {
        assert_ne!(row["group_a"], row["group_b"]);
        per_group
            .entry(row["group_a"].as_str())
            .or_default()
            .push(number(row, "cosine"));
    }
    assert!(per_group.len() > 1_100, "{} groups listed", per_group.len());
    for (group, cosines) in &per_group {
        assert!(cosines.len() <= 10, "{group}: {}", cosines.len());
        assert!(
            cosines.windows(2).all(|w| w[0] >= w[1]),
            "{group}: {cosines:?}"
        );
    }
    let run = std::fs::read_to_string(out.join("run.json")).unwrap();
    assert!(run.contains(r#""similarity": "auto""#), "{run}");

    // Asked for, the exact answer: each group's ten most similar, every pair compared.
    let exact = dir.path().join("exact");
    analyze_ok(
        &[&csv],
        &exact,
        &[
            "--text-column",
            "text",
            "--group-by",
            "group",
            "--max-charts",
            "1",
            "--similarity",
            "exact",
        ],
    );
    let similarity = Table::read(&exact.join("tables/similarity.csv"));
    assert_eq!(similarity.rows.len(), 1_200 * 10);
    assert!(similarity
        .column("method")
        .iter()
        .all(|m| *m == "nearest 10 (exact)"));
}

#[test]
fn kwic_prints_every_occurrence_and_analyze_writes_the_same_lines() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    analyze_ok(
        &[&repo().join("corpus")],
        &out,
        &["--tokens", "--kwic", "freedom"],
    );
    let tokens = Table::read(&out.join("tables/tokens.csv"));
    let expected: Vec<(String, String)> = tokens
        .rows
        .iter()
        .filter(|r| r["token"] == "freedom")
        .map(|r| (r["doc_id"].clone(), r["position"].clone()))
        .collect();
    assert!(expected.len() > 20);
    let kwic = Table::read(&out.join("tables/kwic.csv"));
    let found: Vec<(String, String)> = kwic
        .rows
        .iter()
        .map(|r| (r["doc_id"].clone(), r["position"].clone()))
        .collect();
    assert_eq!(found, expected);
    assert!(kwic
        .rows
        .iter()
        .all(|r| r["keyword"].eq_ignore_ascii_case("freedom")));
    assert!(
        kwic.header.contains(&"speaker".to_owned()) && kwic.header.contains(&"year".to_owned())
    );

    // The command prints the same lines, tab-separated under a header line when piped.
    let output = speechstat(&["kwic", "freedom", "corpus", "--quiet"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let printed = String::from_utf8(output.stdout).unwrap();
    assert_eq!(
        printed.lines().next(),
        Some("doc_id\tsentence\tposition\tleft\tkeyword\tright")
    );
    let lines: Vec<Vec<&str>> = printed
        .lines()
        .skip(1)
        .map(|l| l.split('\t').collect())
        .collect();
    assert_eq!(lines.len(), kwic.rows.len());
    for (line, row) in lines.iter().zip(&kwic.rows) {
        assert_eq!(
            line[..],
            [
                row["doc_id"].as_str(),
                &row["sentence"],
                &row["position"],
                &row["left"],
                &row["keyword"],
                &row["right"]
            ]
        );
    }
}

#[test]
fn kwic_matches_terms_globs_phrases_and_filters_by_metadata() {
    let run = |args: &[&str]| -> Vec<Vec<String>> {
        let mut all = vec!["kwic"];
        all.extend_from_slice(args);
        all.extend(["corpus", "--quiet"]);
        let output = speechstat(&all);
        assert!(output.status.success(), "{args:?}: {}", stderr(&output));
        String::from_utf8(output.stdout)
            .unwrap()
            .lines()
            .skip(1)
            .map(|l| l.split('\t').map(String::from).collect())
            .collect()
    };
    let forms = run(&["trafficking"]);
    let terms = run(&["trafficking", "--match", "term"]);
    assert!(
        terms.len() > forms.len(),
        "{} vs {}",
        terms.len(),
        forms.len()
    );
    assert!(terms.iter().any(|l| l[4].to_lowercase() == "traffickers"));
    let glob = run(&["terror*"]);
    assert!(glob.iter().any(|l| l[4].to_lowercase() == "terrorists"));
    assert!(glob
        .iter()
        .all(|l| l[4].to_lowercase().starts_with("terror")));
    let phrase = run(&["\"human rights\""]);
    assert!(!phrase.is_empty());
    assert!(phrase.iter().all(|l| l[4].to_lowercase() == "human rights"));
    // Sorted as AntConc sorts: by the nearest word to the left (or right), then the next.
    let key = |line: &Vec<String>, side: usize| -> Vec<String> {
        let mut words: Vec<String> = line[side]
            .split_whitespace()
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .filter(|w| !w.is_empty())
            .collect();
        if side == 3 {
            words.reverse();
        }
        words
    };
    for (sort, side) in [("left", 3), ("right", 5)] {
        let sorted = run(&["freedom", "--sort", sort]);
        assert_eq!(sorted.len(), run(&["freedom"]).len());
        assert!(
            sorted
                .windows(2)
                .all(|w| key(&w[0], side) <= key(&w[1], side)),
            "--sort {sort}"
        );
    }
    let narrow = run(&["freedom", "--in", "year=2002", "--width", "2"]);
    assert!(!narrow.is_empty() && narrow.iter().all(|l| l[0] == "2002-Bush-1"));

    let bad = speechstat(&["kwic", "freedom", "corpus", "--in", "colour=red"]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(stderr(&bad).contains("--in \"colour\""), "{}", stderr(&bad));
    // A pattern that cannot match is a usage error, as --help says.
    let empty = speechstat(&["kwic", "*", "corpus"]);
    assert_eq!(empty.status.code(), Some(2));
    assert!(
        stderr(&empty).contains("a pattern word needs at least one letter"),
        "{}",
        stderr(&empty)
    );
}

#[test]
fn a_single_speech_has_nothing_to_compare_and_the_run_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("one.txt");
    std::fs::write(&input, "Peace and security for all. Peace now.").unwrap();
    let output = analyze_ok(&[&input], &dir.path().join("out"), &[]);
    let err = stderr(&output);
    assert!(
        err.contains("tables/keyness.csv: every speech is in one group"),
        "{err}"
    );
    let keyness = Table::read(&dir.path().join("out/tables/keyness.csv"));
    assert!(keyness.rows.is_empty());
    assert!(dir.path().join("out/charts/keyness_overview.png").exists());
}

/// Burrows' Delta of units recomputed from tokens.csv: the `n` most frequent forms (ties
/// alphabetically), each unit's rate of each (summed over its speeches), z-scores over the
/// units (sample sd), the mean |z_a - z_b| of every pair, by unit name.
fn deltas_from_tokens(
    tokens: &Table,
    unit_of_doc: &HashMap<String, String>,
    n: usize,
) -> HashMap<(String, String), f64> {
    let mut corpus: HashMap<&str, u64> = HashMap::new();
    let mut counts: BTreeMap<&str, HashMap<&str, u64>> = BTreeMap::new();
    let mut sizes: BTreeMap<&str, u64> = BTreeMap::new();
    for row in &tokens.rows {
        let unit = unit_of_doc[&row["doc_id"]].as_str();
        *corpus.entry(row["token"].as_str()).or_default() += 1;
        *counts
            .entry(unit)
            .or_default()
            .entry(row["token"].as_str())
            .or_default() += 1;
        *sizes.entry(unit).or_default() += 1;
    }
    let mut words: Vec<&str> = corpus.keys().copied().collect();
    words.sort_by(|a, b| corpus[b].cmp(&corpus[a]).then(a.cmp(b)));
    words.truncate(n);
    let units: Vec<&str> = sizes.keys().copied().collect();
    let mut z: Vec<Vec<f64>> = vec![Vec::new(); units.len()];
    for word in &words {
        let rates: Vec<f64> = units
            .iter()
            .map(|u| *counts[u].get(word).unwrap_or(&0) as f64 / sizes[u] as f64)
            .collect();
        let mean = rates.iter().sum::<f64>() / rates.len() as f64;
        let sd = (rates.iter().map(|r| (r - mean).powi(2)).sum::<f64>() / (rates.len() - 1) as f64)
            .sqrt();
        for (i, r) in rates.iter().enumerate() {
            z[i].push(if sd > 0.0 { (r - mean) / sd } else { 0.0 });
        }
    }
    let mut deltas = HashMap::new();
    for (i, a) in units.iter().enumerate() {
        for (j, b) in units.iter().enumerate() {
            let sum: f64 = z[i].iter().zip(&z[j]).map(|(x, y)| (x - y).abs()).sum();
            deltas.insert(((*a).to_owned(), (*b).to_owned()), sum / words.len() as f64);
        }
    }
    deltas
}

#[test]
fn style_similarity_is_burrows_delta_of_the_most_frequent_forms_stopwords_included() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = repo().join("corpus");
    let speeches = dir.path().join("speeches");
    analyze_ok(
        &[&corpus],
        &speeches,
        &[
            "--similarity-measure",
            "style",
            "--style-words",
            "30",
            "--tokens",
        ],
    );
    let tokens = Table::read(&speeches.join("tables/tokens.csv"));
    let documents = Table::read(&speeches.join("tables/documents.csv"));
    let similarity = Table::read(&speeches.join("tables/similarity.csv"));
    assert_eq!(similarity.header, ["doc_a", "doc_b", "delta", "method"]);
    let n = documents.rows.len();
    assert_eq!(similarity.rows.len(), n * (n - 1) / 2, "every pair once");
    let itself: HashMap<String, String> = documents
        .rows
        .iter()
        .map(|r| (r["doc_id"].clone(), r["doc_id"].clone()))
        .collect();
    let expected = deltas_from_tokens(&tokens, &itself, 30);
    for row in &similarity.rows {
        let delta = expected[&(row["doc_a"].clone(), row["doc_b"].clone())];
        close(&row["delta"], delta, "delta");
        assert_eq!(row["method"], "all pairs");
    }
    let run = std::fs::read_to_string(speeches.join("run.json")).unwrap();
    assert!(run.contains(r#""similarity-measure": "style""#), "{run}");
    assert!(run.contains(r#""style-words": 30"#), "{run}");
    assert!(speeches.join("charts/similarity_heatmap.png").exists());

    // A group is read as one long speech: its summed counts over its summed tokens.
    let groups = dir.path().join("groups");
    analyze_ok(
        &[&corpus],
        &groups,
        &[
            "--similarity-measure",
            "style",
            "--style-words",
            "30",
            "--group-by",
            "party",
            "--max-charts",
            "1",
        ],
    );
    // A speech without a party is in the group "(blank)".
    let party: HashMap<String, String> = documents
        .rows
        .iter()
        .map(|r| match r["party"].as_str() {
            "" => (r["doc_id"].clone(), "(blank)".to_owned()),
            party => (r["doc_id"].clone(), party.to_owned()),
        })
        .collect();
    let expected = deltas_from_tokens(&tokens, &party, 30);
    let similarity = Table::read(&groups.join("tables/similarity.csv"));
    assert_eq!(
        similarity.header,
        ["group_by", "group_a", "group_b", "delta", "method"]
    );
    assert!(!similarity.rows.is_empty());
    for row in &similarity.rows {
        let delta = expected[&(row["group_a"].clone(), row["group_b"].clone())];
        close(&row["delta"], delta, "group delta");
    }
}

#[test]
fn style_words_out_of_range_are_refused_by_the_command_line() {
    let output = speechstat(&["analyze", "corpus", "--style-words", "0"]);
    assert_eq!(output.status.code(), Some(2));
    let output = speechstat(&["analyze", "corpus", "--similarity-measure", "tone"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("style"), "{}", stderr(&output));
}
