//! The default run on corpus/, and an independent recomputation of every count from
//! tokens.csv.

use std::collections::{BTreeMap, HashMap};

use crate::helpers::{analyze_ok, close, is_png, number, printed, repo, speechstat, Table};

#[test]
fn the_default_run_reads_corpus_and_writes_every_table_and_chart() {
    let out = tempfile::tempdir().unwrap();
    let output = speechstat(&["analyze", "--out", out.path().to_str().unwrap()]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let summary = String::from_utf8_lossy(&output.stdout);
    assert!(summary.contains("Analysed 22 documents"), "{summary}");

    let documents = Table::read(&out.path().join("tables/documents.csv"));
    assert_eq!(documents.rows.len(), 22);
    for column in [
        "doc_id",
        "source",
        "speaker",
        "party",
        "year",
        "language_spoken",
        "encoding",
        "n_tokens",
        "n_types",
        "n_sentences",
    ] {
        assert!(
            documents.header.iter().any(|h| h == column),
            "{column} missing"
        );
    }
    assert_eq!(documents.header[0], "doc_id");
    let seed = documents
        .rows
        .iter()
        .find(|r| r["doc_id"] == "2016-S_PV.7847-Koncke")
        .expect("the seed speech is in the demo corpus");
    assert_eq!(seed["speaker"], "Mr. Koncke");
    assert_eq!(seed["language_spoken"], "Spanish");

    let terms = Table::read(&out.path().join("tables/terms.csv"));
    assert_eq!(
        terms.header,
        ["term", "label", "count", "doc_freq", "per_10k", "dp", "dp_norm"]
    );
    let tf = Table::read(&out.path().join("tables/term_frequency.csv"));
    assert_eq!(
        tf.header,
        ["doc_id", "term", "label", "count", "per_10k", "tf_idf"]
    );
    for chart in ["top_terms.png", "terms_by_document.png"] {
        assert!(is_png(&out.path().join("charts").join(chart)), "{chart}");
    }
    assert!(!out.path().join("tables/tokens.csv").exists());
}

/// Everything in terms.csv, term_frequency.csv and documents.csv follows from tokens.csv
/// by the definitions of docs/statistics.md.
#[test]
fn counts_agree_exactly_with_tokens_csv() {
    let out = tempfile::tempdir().unwrap();
    analyze_ok(&[&repo().join("corpus")], out.path(), &["--tokens"]);
    let tables = out.path().join("tables");
    let tokens = Table::read(&tables.join("tokens.csv"));
    let documents = Table::read(&tables.join("documents.csv"));
    let terms = Table::read(&tables.join("terms.csv"));
    let tf = Table::read(&tables.join("term_frequency.csv"));

    // Recompute from the tokens alone.
    let mut n_tokens: HashMap<&str, u64> = HashMap::new();
    let mut types: HashMap<&str, BTreeMap<&str, u64>> = HashMap::new();
    let mut sentences: HashMap<&str, u64> = HashMap::new();
    let mut doc_term: BTreeMap<(&str, &str), u64> = BTreeMap::new();
    let mut term_forms: HashMap<&str, BTreeMap<&str, u64>> = HashMap::new();
    let mut last_position: HashMap<&str, i64> = HashMap::new();
    for row in &tokens.rows {
        let doc = row["doc_id"].as_str();
        let position: i64 = row["position"].parse().unwrap();
        let previous = last_position.insert(doc, position).unwrap_or(-1);
        assert_eq!(
            position,
            previous + 1,
            "positions of {doc} run 0, 1, 2, ..."
        );
        *n_tokens.entry(doc).or_default() += 1;
        *types
            .entry(doc)
            .or_default()
            .entry(row["token"].as_str())
            .or_default() += 1;
        let sentence: u64 = row["sentence"].parse().unwrap();
        let n = sentences.entry(doc).or_default();
        *n = (*n).max(sentence + 1);
        if row["stopword"] == "false" {
            *doc_term.entry((doc, row["term"].as_str())).or_default() += 1;
            *term_forms
                .entry(row["term"].as_str())
                .or_default()
                .entry(row["token"].as_str())
                .or_default() += 1;
        }
    }
    let n_docs = documents.rows.len() as f64;
    let total: u64 = n_tokens.values().sum();

    for doc in &documents.rows {
        let id = doc["doc_id"].as_str();
        assert_eq!(
            number(doc, "n_tokens") as u64,
            n_tokens.get(id).copied().unwrap_or(0),
            "{id}"
        );
        assert_eq!(
            number(doc, "n_types") as usize,
            types.get(id).map_or(0, |t| t.len()),
            "{id}"
        );
        assert_eq!(
            number(doc, "n_sentences") as u64,
            sentences.get(id).copied().unwrap_or(0),
            "{id}"
        );
    }

    let mut doc_freq: HashMap<&str, u64> = HashMap::new();
    let mut corpus_count: HashMap<&str, u64> = HashMap::new();
    for (&(_, term), &count) in &doc_term {
        *doc_freq.entry(term).or_default() += 1;
        *corpus_count.entry(term).or_default() += count;
    }
    let label = |term: &str| -> &str {
        // Most frequent form; on a tie the alphabetically first (BTreeMap order, strict >).
        let mut best = ("", 0);
        for (&form, &n) in &term_forms[term] {
            if n > best.1 {
                best = (form, n);
            }
        }
        best.0
    };

    assert_eq!(tf.rows.len(), doc_term.len());
    for row in &tf.rows {
        let (doc, term) = (row["doc_id"].as_str(), row["term"].as_str());
        let count = doc_term[&(doc, term)];
        assert_eq!(number(row, "count") as u64, count, "{doc} {term}");
        let n = n_tokens[doc] as f64;
        assert_eq!(row["per_10k"], printed(count as f64 / n * 10_000.0));
        let idf = (n_docs / doc_freq[term] as f64).ln();
        assert_eq!(
            row["tf_idf"],
            printed(count as f64 / n * idf),
            "{doc} {term}"
        );
        assert_eq!(row["label"], label(term));
    }

    assert_eq!(terms.rows.len(), corpus_count.len());
    for row in &terms.rows {
        let term = row["term"].as_str();
        assert_eq!(number(row, "count") as u64, corpus_count[term], "{term}");
        assert_eq!(number(row, "doc_freq") as u64, doc_freq[term], "{term}");
        assert_eq!(
            row["per_10k"],
            printed(corpus_count[term] as f64 / total as f64 * 10_000.0)
        );
        assert_eq!(row["label"], label(term), "{term}");
    }
    let order: Vec<(i64, &str)> = terms
        .rows
        .iter()
        .map(|r| (-(number(r, "count") as i64), r["term"].as_str()))
        .collect();
    let mut sorted = order.clone();
    sorted.sort();
    assert_eq!(order, sorted, "terms.csv is sorted by count, then term");
}

#[test]
fn runs_are_byte_identical_whatever_the_thread_count() {
    let one = tempfile::tempdir().unwrap();
    let two = tempfile::tempdir().unwrap();
    let corpus = repo().join("corpus");
    analyze_ok(&[&corpus], one.path(), &["--tokens", "--threads", "1"]);
    analyze_ok(&[&corpus], two.path(), &["--tokens", "--threads", "2"]);
    for table in [
        "documents.csv",
        "terms.csv",
        "term_frequency.csv",
        "tokens.csv",
    ] {
        let a = std::fs::read(one.path().join("tables").join(table)).unwrap();
        let b = std::fs::read(two.path().join("tables").join(table)).unwrap();
        assert!(a == b, "{table} differs between runs");
    }
    for chart in ["top_terms.png", "terms_by_document.png"] {
        let a = std::fs::read(one.path().join("charts").join(chart)).unwrap();
        let b = std::fs::read(two.path().join("charts").join(chart)).unwrap();
        assert!(a == b, "{chart} differs between runs");
    }
}

#[test]
fn group_by_sums_documents_into_groups() {
    let out = tempfile::tempdir().unwrap();
    analyze_ok(
        &[&repo().join("corpus")],
        out.path(),
        &["--group-by", "party"],
    );
    let groups = Table::read(&out.path().join("tables/terms_by_group.csv"));
    assert_eq!(
        groups.header,
        ["party", "term", "label", "count", "per_10k", "range", "dp", "dp_norm"]
    );
    let mut parties: Vec<&str> = groups.column("party");
    parties.dedup();
    assert_eq!(parties, ["Democratic", "Republican", "(blank)"]);

    let documents = Table::read(&out.path().join("tables/documents.csv"));
    let tf = Table::read(&out.path().join("tables/term_frequency.csv"));
    let party_of: HashMap<&str, &str> = documents
        .rows
        .iter()
        .map(|r| (r["doc_id"].as_str(), r["party"].as_str()))
        .collect();
    let tokens: u64 = documents
        .rows
        .iter()
        .filter(|r| r["party"] == "Democratic")
        .map(|r| number(r, "n_tokens") as u64)
        .sum();
    let jobs: u64 = tf
        .rows
        .iter()
        .filter(|r| r["term"] == "job" && party_of[r["doc_id"].as_str()] == "Democratic")
        .map(|r| number(r, "count") as u64)
        .sum();
    let row = groups
        .rows
        .iter()
        .find(|r| r["party"] == "Democratic" && r["term"] == "job")
        .unwrap();
    assert_eq!(number(row, "count") as u64, jobs);
    assert_eq!(
        row["per_10k"],
        printed(jobs as f64 / tokens as f64 * 10_000.0)
    );
}

/// collocations.csv and cooccurrence.csv follow from tokens.csv: pairs, counts and labels
/// exactly, and the pmi of every row (the other scores share its 2x2 table and are pinned by
/// unit tests; `.ci/verify_pairs.py` checks them all on the UN corpora).
#[test]
fn pair_tables_agree_with_tokens_csv() {
    let out = tempfile::tempdir().unwrap();
    analyze_ok(&[&repo().join("corpus")], out.path(), &["--tokens"]);
    let tables = out.path().join("tables");
    let tokens = Table::read(&tables.join("tokens.csv"));
    // (doc_id, sentence) -> (token, term, stopword) in order.
    type Sentences = BTreeMap<(String, u64), Vec<(String, String, bool)>>;
    let mut sentences = Sentences::new();
    for row in &tokens.rows {
        let key = (
            row["doc_id"].clone(),
            row["sentence"].parse::<u64>().unwrap(),
        );
        sentences.entry(key).or_default().push((
            row["token"].clone(),
            row["term"].clone(),
            row["stopword"] == "true",
        ));
    }
    let total = tokens.rows.len() as f64;
    let mut term_count: HashMap<String, f64> = HashMap::new();
    let mut adjacent: HashMap<(String, String), u64> = HashMap::new();
    let mut window: HashMap<(String, String), u64> = HashMap::new();
    let mut filtered = 0.0;
    for sentence in sentences.values() {
        for (_, term, stop) in sentence {
            if !stop {
                *term_count.entry(term.clone()).or_default() += 1.0;
            }
        }
        for pair in sentence.windows(2) {
            if !pair[0].2 && !pair[1].2 {
                *adjacent
                    .entry((pair[0].1.clone(), pair[1].1.clone()))
                    .or_default() += 1;
            }
        }
        let terms: Vec<&String> = sentence.iter().filter(|t| !t.2).map(|t| &t.1).collect();
        filtered += terms.len() as f64;
        for i in 0..terms.len() {
            for j in i + 1..terms.len().min(i + 6) {
                if terms[i] != terms[j] {
                    let (a, b) = if terms[i] < terms[j] {
                        (terms[i], terms[j])
                    } else {
                        (terms[j], terms[i])
                    };
                    *window.entry((a.clone(), b.clone())).or_default() += 1;
                }
            }
        }
    }

    let collocations = Table::read(&tables.join("collocations.csv"));
    assert_eq!(
        collocations.rows.len(),
        adjacent.values().filter(|&&n| n >= 3).count()
    );
    for row in &collocations.rows {
        let pair = (row["term_1"].clone(), row["term_2"].clone());
        let n = adjacent[&pair] as f64;
        assert_eq!(number(row, "count"), n, "{pair:?}");
        let pmi = (n * total / (term_count[&pair.0] * term_count[&pair.1])).log2();
        assert!(close(&row["pmi"], pmi), "{pair:?}");
    }
    let top: Vec<&str> = collocations.column("label").into_iter().take(3).collect();
    assert!(
        top.contains(&"united states") || top.contains(&"american people"),
        "{top:?}"
    );

    let cooccurrence = Table::read(&tables.join("cooccurrence.csv"));
    assert_eq!(
        cooccurrence.rows.len(),
        window.values().filter(|&&n| n >= 3).count()
    );
    for row in &cooccurrence.rows {
        let pair = (row["term_a"].clone(), row["term_b"].clone());
        let n = window[&pair] as f64;
        assert_eq!(number(row, "count"), n, "{pair:?}");
        let pmi = (n * filtered / (10.0 * term_count[&pair.0] * term_count[&pair.1])).log2();
        assert!(close(&row["pmi"], pmi), "{pair:?}");
    }
}

#[test]
fn focus_phrases_and_groups_write_their_tables_and_charts() {
    let out = tempfile::tempdir().unwrap();
    analyze_ok(
        &[&repo().join("corpus")],
        out.path(),
        &[
            "--focus",
            "jobs,trafficking",
            "--phrases",
            "--group-by",
            "party",
        ],
    );
    let tables = out.path().join("tables");
    let collocates = Table::read(&tables.join("collocates.csv"));
    assert_eq!(
        collocates.header,
        [
            "focus",
            "collocate",
            "label",
            "count",
            "pmi",
            "npmi",
            "log_likelihood",
            "t_score",
            "dice"
        ]
    );
    let focus: std::collections::BTreeSet<&str> = collocates.column("focus").into_iter().collect();
    assert_eq!(
        focus.into_iter().collect::<Vec<_>>(),
        ["jobs", "trafficking"]
    );
    let phrases = Table::read(&tables.join("phrases.csv"));
    assert!(
        phrases.column("phrase").contains(&"united states"),
        "{:?}",
        phrases.column("phrase")
    );
    let terms = Table::read(&tables.join("terms.csv"));
    assert!(
        terms.column("term").contains(&"unit state"),
        "a phrase is one term"
    );
    let by_group = Table::read(&tables.join("collocations_by_group.csv"));
    assert_eq!(by_group.header[0], "party");
    for chart in [
        "cooccurrence_network.png",
        "collocates_jobs.png",
        "collocates_trafficking.png",
    ] {
        assert!(is_png(&out.path().join("charts").join(chart)), "{chart}");
    }

    // A later run without --focus removes the collocates charts and tables of this one.
    analyze_ok(&[&repo().join("corpus")], out.path(), &[]);
    assert!(!out.path().join("charts/collocates_jobs.png").exists());
    assert!(!tables.join("collocates.csv").exists());
    assert!(!tables.join("phrases.csv").exists());
}
