//! Input formats: the seed record, a whole meeting in one file, CSV corpora, encodings,
//! annotations and language options.

use crate::helpers::{analyze_ok, fixture, number, repo, stderr, Table};

#[test]
fn the_seed_is_one_document_with_its_heading_metadata() {
    let dir = tempfile::tempdir().unwrap();
    // Copied away from corpus/manifest.csv, which would give it the metadata of its row.
    let seed = dir.path().join("2016-S_PV.7847-Koncke.txt");
    std::fs::copy(
        repo().join("corpus/speeches/2016-S_PV.7847-Koncke.txt"),
        &seed,
    )
    .unwrap();
    let out = dir.path().join("out");
    analyze_ok(&[&seed], &out, &["--tokens"]);
    let documents = Table::read(&out.join("tables/documents.csv"));
    assert_eq!(documents.rows.len(), 1);
    let doc = &documents.rows[0];
    assert_eq!(doc["doc_id"], "2016-S_PV.7847-Koncke");
    assert_eq!(doc["speaker"], "Mr. Koncke");
    assert_eq!(doc["language_spoken"], "Spanish");
    assert_eq!(doc["country_or_org"], "");

    let tokens = Table::read(&out.join("tables/tokens.csv"));
    let words = tokens.column("token");
    for expected in ["inter-american", "2331", "trafficking", "today's", "global"] {
        assert!(words.contains(&expected), "{expected} is a token");
    }
    assert!(
        !words.contains(&"koncke"),
        "the heading is metadata, not words"
    );
    assert!(
        words.iter().all(|w| !w.contains(['*', '#', '_'])),
        "no markdown markers"
    );
    // "the Second Work" / "Plan include" is one sentence despite the paragraph break.
    let sentence_of = |position: usize| tokens.rows[position]["sentence"].clone();
    let work = words
        .windows(2)
        .position(|w| w == ["second", "work"])
        .unwrap();
    assert_eq!(words[work + 2], "plan");
    assert_eq!(sentence_of(work + 1), sentence_of(work + 2));
}

#[test]
fn a_meeting_file_is_split_at_every_heading() {
    let out = tempfile::tempdir().unwrap();
    analyze_ok(&[&fixture("meeting")], out.path(), &["--tokens"]);
    let documents = Table::read(&out.path().join("tables/documents.csv"));
    assert_eq!(
        documents.column("doc_id"),
        ["S_PV.0001#1", "S_PV.0001#2", "S_PV.0001#3", "S_PV.0001#4"]
    );
    assert_eq!(
        documents.column("speaker"),
        ["", "The President", "Mr. Okafor-Bright", "Ms. Lindqvist"]
    );
    assert_eq!(
        documents.column("country_or_org"),
        ["", "", "Nigeria", "Sweden"]
    );
    assert_eq!(
        documents.column("language_spoken"),
        ["", "French", "Spanish", "English"]
    );
    assert_eq!(documents.column("n_tokens"), ["10", "10", "34", "10"]);
    assert_eq!(documents.column("n_sentences"), ["1", "2", "4", "1"]);
    assert_eq!(documents.column("n_annotations"), ["0", "0", "1", "0"]);
    assert_eq!(documents.column("n_footer_lines"), ["0", "0", "0", "0"]);

    let tokens = Table::read(&out.path().join("tables/tokens.csv"));
    let of_doc = |id: &str| -> Vec<String> {
        tokens
            .rows
            .iter()
            .filter(|r| r["doc_id"] == id)
            .map(|r| r["token"].clone())
            .collect()
    };
    let speech = of_doc("S_PV.0001#3");
    for expected in [
        "s/2016/1111",
        "u.n",
        "council's",
        "peace-building",
        "secretary-general's",
    ] {
        assert!(
            speech.iter().any(|t| t == expected),
            "{expected} in {speech:?}"
        );
    }
    assert!(!speech.iter().any(|t| t == "applause"));
    let terms: Vec<String> = tokens
        .rows
        .iter()
        .filter(|r| r["doc_id"] == "S_PV.0001#4" && r["stopword"] == "false")
        .map(|r| r["term"].clone())
        .collect();
    assert_eq!(
        terms,
        ["traffick", "person", "traffick", "children", "accept"]
    );
}

#[test]
fn a_csv_corpus_reads_one_document_per_row() {
    let out = tempfile::tempdir().unwrap();
    analyze_ok(
        &[&fixture("speeches.csv")],
        out.path(),
        &["--text-column", "text"],
    );
    let documents = Table::read(&out.path().join("tables/documents.csv"));
    assert_eq!(documents.column("doc_id"), ["speeches:1", "speeches:2"]);
    assert_eq!(documents.column("speaker"), ["Ms. Alpha", "Mr. Beta"]);
    assert_eq!(documents.column("year"), ["2020", "2021"]);
    assert_eq!(documents.column("n_tokens"), ["5", "4"]);
    assert!(!documents.header.iter().any(|h| h == "text"));
    let terms = Table::read(&out.path().join("tables/terms.csv"));
    assert_eq!(terms.rows[0]["term"], "peac");
    assert_eq!(terms.rows[0]["label"], "peace");
    assert_eq!(terms.rows[0]["doc_freq"], "1");
}

#[test]
fn windows_1252_and_crlf_text_is_decoded_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("speeches");
    std::fs::create_dir(&input).unwrap();
    std::fs::write(
        input.join("legacy.txt"),
        b"C\xF4te d\x92Ivoire and Ghana.\r\nPeace.\r\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    let output = analyze_ok(&[&input], &out, &["--tokens"]);
    let err = stderr(&output);
    assert!(
        err.contains("legacy.txt") && err.contains("Windows-1252"),
        "{err}"
    );
    let documents = Table::read(&out.join("tables/documents.csv"));
    assert_eq!(documents.column("encoding"), ["windows-1252"]);
    let tokens = Table::read(&out.join("tables/tokens.csv"));
    assert_eq!(
        tokens.column("token"),
        ["côte", "d'ivoire", "and", "ghana", "peace"]
    );
    assert_eq!(tokens.column("sentence"), ["0", "0", "0", "0", "1"]);
}

#[test]
fn binary_files_are_skipped_and_empty_files_kept_with_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    std::fs::write(input.join("a.txt"), "Peace and security.").unwrap();
    std::fs::write(
        input.join("image.txt"),
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0",
    )
    .unwrap();
    std::fs::write(input.join("empty.md"), "  \n\n").unwrap();
    std::fs::write(input.join("notes.docx"), "ignored: not .txt or .md").unwrap();
    let out = dir.path().join("out");
    let output = analyze_ok(&[&input], &out, &[]);
    let err = stderr(&output);
    assert!(err.contains("image.txt") && err.contains("binary"), "{err}");
    assert!(err.contains("empty.md") && err.contains("no text"), "{err}");
    let documents = Table::read(&out.join("tables/documents.csv"));
    assert_eq!(documents.column("doc_id"), ["a", "empty"]);
    assert_eq!(documents.column("n_tokens"), ["3", "0"]);
}

#[test]
fn annotations_are_left_out_unless_kept() {
    let dir = tempfile::tempdir().unwrap();
    let speech = dir.path().join("sotu.txt");
    std::fs::write(
        &speech,
        "Thank you. [Applause] We will win\u{2014}[laughter]\u{2014}again.",
    )
    .unwrap();
    let out = dir.path().join("out");
    analyze_ok(&[&speech], &out, &["--tokens"]);
    let tokens = Table::read(&out.join("tables/tokens.csv"));
    assert_eq!(
        tokens.column("token"),
        ["thank", "you", "we", "will", "win", "again"]
    );
    let documents = Table::read(&out.join("tables/documents.csv"));
    assert_eq!(documents.column("n_annotations"), ["2"]);

    let kept = dir.path().join("kept");
    analyze_ok(&[&speech], &kept, &["--tokens", "--keep-annotations"]);
    let tokens = Table::read(&kept.join("tables/tokens.csv"));
    assert!(tokens.column("token").contains(&"applause"));
    assert!(tokens.column("token").contains(&"laughter"));
}

#[test]
fn stemming_and_stopwords_can_be_turned_off() {
    let dir = tempfile::tempdir().unwrap();
    let speech = dir.path().join("s.txt");
    std::fs::write(&speech, "The nations and the nation.").unwrap();
    let out = dir.path().join("out");
    analyze_ok(&[&speech], &out, &["--no-stem", "--stopwords", "none"]);
    let terms = Table::read(&out.join("tables/terms.csv"));
    assert_eq!(terms.column("term"), ["the", "and", "nation", "nations"]);

    let list = dir.path().join("stop.txt");
    std::fs::write(&list, "nation\nnations\n").unwrap();
    let custom = dir.path().join("custom");
    analyze_ok(
        &[&speech],
        &custom,
        &["--stopwords", list.to_str().unwrap()],
    );
    let terms = Table::read(&custom.join("tables/terms.csv"));
    assert_eq!(terms.column("term"), ["the", "and"]);
    let documents = Table::read(&custom.join("tables/documents.csv"));
    assert_eq!(number(&documents.rows[0], "n_tokens"), 5.0);
}

#[test]
fn other_languages_use_their_stemmer_and_stopwords() {
    let dir = tempfile::tempdir().unwrap();
    let speech = dir.path().join("fr.txt");
    std::fs::write(&speech, "Les nations unies et la nation.").unwrap();
    let out = dir.path().join("out");
    analyze_ok(&[&speech], &out, &["--language", "fr"]);
    let terms = Table::read(&out.join("tables/terms.csv"));
    assert_eq!(terms.column("term"), ["nation", "uni"]);
    assert_eq!(terms.column("label"), ["nation", "unies"]);
}

#[test]
fn unknown_chart_terms_are_warned_about() {
    let out = tempfile::tempdir().unwrap();
    let output = analyze_ok(
        &[&repo().join("corpus")],
        out.path(),
        &["--terms", "jobs,Trafficking,zyzzyva,the"],
    );
    let err = stderr(&output);
    assert!(err.contains("\"zyzzyva\" does not occur"), "{err}");
    assert!(err.contains("\"the\" does not occur"), "{err}");
    assert!(!err.contains("Trafficking"), "{err}");
}
