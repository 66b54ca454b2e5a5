//! Counting on many machines: corpus/ cut into parts, each counted into a shard, the shards
//! merged and scored, against one `analyze` of the whole; and the shards that are refused.

use std::path::{Path, PathBuf};

use speechstat::polars::prelude::*;
use speechstat::polars_io::prelude::*;

use crate::helpers::{repo, speechstat, stderr};

/// A copy of corpus/ in `dir` with its manifest cut into `parts` consecutive runs of rows,
/// `partN.csv` beside `manifest.csv`, so that every speech keeps its path.
fn cut_corpus(dir: &Path, parts: usize) -> PathBuf {
    cut_sample(dir, parts, 1)
}

/// The demo corpus's every `every`-th speech (from the first), in a folder with its
/// manifest, cut in `parts` manifests `part1.csv`... of consecutive rows.
fn cut_sample(dir: &Path, parts: usize, every: usize) -> PathBuf {
    let corpus = dir.join("corpus");
    std::fs::create_dir_all(corpus.join("speeches")).unwrap();
    let manifest = std::fs::read_to_string(repo().join("corpus/manifest.csv")).unwrap();
    // No field of corpus/manifest.csv holds a line break: a row is a line.
    let mut lines = manifest.lines();
    let header = lines.next().unwrap();
    let rows: Vec<&str> = lines.step_by(every).collect();
    for row in &rows {
        let file = row.split(',').next().unwrap();
        std::fs::copy(repo().join("corpus").join(file), corpus.join(file)).unwrap();
    }
    std::fs::write(
        corpus.join("manifest.csv"),
        format!("{header}\n{}\n", rows.join("\n")),
    )
    .unwrap();
    let size = rows.len().div_ceil(parts);
    for (i, chunk) in rows.chunks(size).enumerate() {
        let text = format!("{header}\n{}\n", chunk.join("\n"));
        std::fs::write(corpus.join(format!("part{}.csv", i + 1)), text).unwrap();
    }
    corpus
}

fn run_ok(args: &[&str]) {
    let output = speechstat(args);
    assert!(
        output.status.success(),
        "speechstat {args:?} failed:\n{}",
        stderr(&output)
    );
}

/// Runs `speechstat args` and insists that it fails with `code`, returning its stderr.
fn run_fails(args: &[&str], code: i32) -> String {
    let output = speechstat(args);
    assert_eq!(output.status.code(), Some(code), "speechstat {args:?}");
    stderr(&output)
}

fn text(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// `speechstat merge a b` refused, the message naming `b` and `setting`, no folder left;
/// the message.
fn merge_refused(a: &Path, b: &Path, merged: &Path, setting: &str) -> String {
    let message = run_fails(&["merge", text(a), text(b), "--out", text(merged)], 1);
    assert!(message.contains(text(b)), "{message}");
    assert!(message.contains(setting), "{message}");
    assert!(!merged.exists(), "a refused merge leaves no folder");
    message
}

/// Counts each `partN.csv` of `corpus` into `shards/N` with `extra` options.
fn count_parts(corpus: &Path, shards: &Path, parts: usize, extra: &[&str]) -> Vec<PathBuf> {
    (1..=parts)
        .map(|part| {
            let out = shards.join(part.to_string());
            let manifest = corpus.join(format!("part{part}.csv"));
            let part = part.to_string();
            let mut args = vec![
                "count",
                "--manifest",
                text(&manifest),
                "--part",
                &part,
                "--out",
                text(&out),
                "--quiet",
            ];
            args.extend(extra);
            run_ok(&args);
            out
        })
        .collect()
}

/// The files under tables/ and charts/ of an output folder, sorted.
fn outputs(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for folder in ["tables", "charts"] {
        for entry in std::fs::read_dir(dir.join(folder)).unwrap() {
            files.push(Path::new(folder).join(entry.unwrap().file_name()));
        }
    }
    files.sort();
    files
}

fn assert_same_outputs(expected: &Path, found: &Path) {
    let files = outputs(expected);
    assert_eq!(files, outputs(found));
    assert!(files.len() >= 20, "{} files", files.len());
    for file in files {
        let (a, b) = (expected.join(&file), found.join(&file));
        assert!(
            std::fs::read(&a).unwrap() == std::fs::read(&b).unwrap(),
            "{} differs from analyze's",
            file.display()
        );
    }
}

#[test]
fn a_corpus_counted_in_parts_merged_and_scored_writes_every_table_and_chart_of_analyze() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = cut_corpus(tmp.path(), 3);
    let shards = count_parts(&corpus, &tmp.path().join("shards"), 3, &[]);
    let merged = tmp.path().join("merged");
    // In another order than the corpus's: the parts give the order.
    run_ok(&[
        "merge",
        text(&shards[2]),
        text(&shards[0]),
        text(&shards[1]),
        "--out",
        text(&merged),
        "--quiet",
    ]);
    for options in [
        &[][..],
        &[
            "--group-by",
            "party",
            "--focus",
            "freedom,economy",
            "--phrases",
            "--tokens",
            "--terms",
            "freedom,war,nation",
        ][..],
    ] {
        let whole = tmp.path().join("whole");
        let scored = tmp.path().join("scored");
        let mut args = vec!["analyze", text(&corpus), "--out", text(&whole), "--quiet"];
        args.extend(options);
        run_ok(&args);
        let mut args = vec!["score", text(&merged), "--out", text(&scored), "--quiet"];
        args.extend(options);
        run_ok(&args);
        assert_same_outputs(&whole, &scored);
    }
}

#[test]
fn a_merged_shard_merges_again_and_a_single_shard_scores_as_its_part() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = cut_corpus(tmp.path(), 2);
    let shards = count_parts(&corpus, &tmp.path().join("shards"), 2, &[]);
    // A merge of one shard is that shard: its score is analyze's of its part.
    let first = tmp.path().join("first");
    run_ok(&["merge", text(&shards[0]), "--out", text(&first), "--quiet"]);
    let (whole, scored) = (tmp.path().join("whole"), tmp.path().join("scored"));
    let manifest = corpus.join("part1.csv");
    run_ok(&[
        "analyze",
        "--manifest",
        text(&manifest),
        "--out",
        text(&whole),
        "--quiet",
    ]);
    run_ok(&["score", text(&first), "--out", text(&scored), "--quiet"]);
    assert_same_outputs(&whole, &scored);
}

#[test]
fn shards_counted_with_different_settings_are_not_merged() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = cut_corpus(tmp.path(), 2);
    let stemmed = count_parts(&corpus, &tmp.path().join("stemmed"), 2, &[]);
    let unstemmed = count_parts(&corpus, &tmp.path().join("unstemmed"), 2, &["--no-stem"]);
    let merged = tmp.path().join("merged");
    merge_refused(&stemmed[0], &unstemmed[1], &merged, "stem = \"false\"");
    let stopwords = count_parts(
        &corpus,
        &tmp.path().join("stopwords"),
        2,
        &["--stopwords-add", "america"],
    );
    merge_refused(&stemmed[0], &stopwords[1], &merged, "stopwords");
}

#[test]
fn a_speech_in_two_shards_or_two_shards_of_one_part_are_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = cut_corpus(tmp.path(), 2);
    let shards = count_parts(&corpus, &tmp.path().join("shards"), 2, &[]);
    let again = tmp.path().join("again");
    let manifest = corpus.join("part1.csv");
    run_ok(&[
        "count",
        "--manifest",
        text(&manifest),
        "--part",
        "3",
        "--out",
        text(&again),
        "--quiet",
    ]);
    let merged = tmp.path().join("merged");
    let message = run_fails(
        &[
            "merge",
            text(&shards[0]),
            text(&shards[1]),
            text(&again),
            "--out",
            text(&merged),
        ],
        1,
    );
    assert!(message.contains("2002-Bush-1"), "{message}");
    assert!(
        message.contains("count each speech in one shard only"),
        "{message}"
    );
    let other = tmp.path().join("other");
    let manifest = corpus.join("part2.csv");
    run_ok(&[
        "count",
        "--manifest",
        text(&manifest),
        "--part",
        "1",
        "--out",
        text(&other),
        "--quiet",
    ]);
    let message = run_fails(
        &[
            "merge",
            text(&shards[0]),
            text(&other),
            "--out",
            text(&merged),
        ],
        1,
    );
    assert!(message.contains("is part 1"), "{message}");
    assert!(!merged.exists());
}

#[test]
fn a_folder_that_is_not_a_shard_is_named_with_the_file_it_lacks() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let corpus = repo().join("corpus");
    let message = run_fails(&["score", text(&corpus), "--out", text(&out)], 1);
    assert!(
        message.contains("is not a shard folder: it has no"),
        "{message}"
    );
    assert!(message.contains("corpus"), "{message}");
    assert!(!out.exists(), "a refused score leaves no folder");
    let message = run_fails(&["merge", text(&corpus), "--out", text(&out)], 1);
    assert!(message.contains("is not a shard folder"), "{message}");
}

#[test]
fn a_truncated_parquet_file_is_named_and_nothing_is_written() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = cut_corpus(tmp.path(), 2);
    let shards = count_parts(&corpus, &tmp.path().join("shards"), 2, &[]);
    let tokens = shards[1].join("tokens.parquet");
    let bytes = std::fs::read(&tokens).unwrap();
    std::fs::write(&tokens, &bytes[..bytes.len() / 2]).unwrap();
    let merged = tmp.path().join("merged");
    let message = run_fails(
        &[
            "merge",
            text(&shards[0]),
            text(&shards[1]),
            "--out",
            text(&merged),
        ],
        1,
    );
    assert!(message.contains(text(&tokens)), "{message}");
    assert!(!merged.exists());
    let scored = tmp.path().join("scored");
    let message = run_fails(&["score", text(&shards[1]), "--out", text(&scored)], 1);
    assert!(message.contains(text(&tokens)), "{message}");
    assert!(!scored.exists());
    // A file of another shard's in its place: the shard's files do not belong together.
    std::fs::copy(shards[0].join("tokens.parquet"), &tokens).unwrap();
    let message = run_fails(&["score", text(&shards[1]), "--out", text(&scored)], 1);
    assert!(message.contains("tokens.parquet"), "{message}");
    assert!(!scored.exists());
}

#[test]
fn score_refuses_reading_options_and_kwic() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = cut_corpus(tmp.path(), 2);
    let shards = count_parts(&corpus, &tmp.path().join("shards"), 1, &[]);
    let out = tmp.path().join("out");
    let message = run_fails(
        &["score", text(&shards[0]), "--out", text(&out), "--no-stem"],
        2,
    );
    assert!(message.contains("--no-stem"), "{message}");
    let message = run_fails(
        &[
            "score",
            text(&shards[0]),
            "--out",
            text(&out),
            "--kwic",
            "freedom",
        ],
        1,
    );
    assert!(message.contains("--kwic"), "{message}");
    assert!(!out.exists());
}

#[test]
fn pairs_counted_in_another_context_score_as_analyze_counts_them() {
    let tmp = tempfile::tempdir().unwrap();
    // Eight speeches of both parties: a whole speech as the context makes every pair of its
    // terms co-occur, the slowest count of the suite on all 22.
    let corpus = cut_sample(tmp.path(), 2, 3);
    for context in [
        &["--context", "sentence"][..],
        &["--context", "document"][..],
        &["--window", "2"][..],
    ] {
        let name = context.join("-");
        let shards = count_parts(&corpus, &tmp.path().join(&name), 2, context);
        let merged = tmp.path().join(format!("{name}-merged"));
        run_ok(&[
            "merge",
            text(&shards[0]),
            text(&shards[1]),
            "--out",
            text(&merged),
            "--quiet",
        ]);
        let whole = tmp.path().join(format!("{name}-whole"));
        let scored = tmp.path().join(format!("{name}-scored"));
        let mut args = vec!["analyze", text(&corpus), "--out", text(&whole), "--quiet"];
        args.extend(context);
        args.extend(["--group-by", "party", "--focus", "freedom"]);
        run_ok(&args);
        run_ok(&[
            "score",
            text(&merged),
            "--out",
            text(&scored),
            "--quiet",
            "--group-by",
            "party",
            "--focus",
            "freedom",
        ]);
        assert_same_outputs(&whole, &scored);
    }
    // The context is the shard's: score refuses one of its own.
    let out = tmp.path().join("out");
    let shard = tmp.path().join("--window-2").join("1");
    let message = run_fails(
        &["score", text(&shard), "--out", text(&out), "--window", "3"],
        2,
    );
    assert!(message.contains("--window"), "{message}");
    assert!(message.contains("co-occurrence context"), "{message}");
    assert!(!out.exists());
}

#[test]
fn pair_counts_missing_truncated_of_another_schema_or_context_are_named() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = cut_corpus(tmp.path(), 2);
    let shards = count_parts(&corpus, &tmp.path().join("shards"), 2, &[]);
    let narrow = count_parts(&corpus, &tmp.path().join("narrow"), 2, &["--window", "2"]);
    let (merged, scored) = (tmp.path().join("merged"), tmp.path().join("scored"));
    let pairs = shards[1].join("pairs.parquet");
    let original = std::fs::read(&pairs).unwrap();
    let refused = |expected: &[&str]| {
        let message = run_fails(
            &[
                "merge",
                text(&shards[0]),
                text(&shards[1]),
                "--out",
                text(&merged),
            ],
            1,
        );
        for text in expected {
            assert!(message.contains(text), "{message}");
        }
        let message = run_fails(&["score", text(&shards[1]), "--out", text(&scored)], 1);
        for text in expected {
            assert!(message.contains(text), "{message}");
        }
        assert!(!merged.exists() && !scored.exists(), "nothing written");
    };
    // Shards of different windows are not merged.
    merge_refused(&shards[0], &narrow[1], &merged, "context = \"window 2\"");
    std::fs::remove_file(&pairs).unwrap();
    refused(&["has no pairs.parquet"]);
    std::fs::write(&pairs, &original[..original.len() / 2]).unwrap();
    refused(&[text(&pairs)]);
    std::fs::copy(shards[1].join("forms.parquet"), &pairs).unwrap();
    refused(&[text(&pairs), "has no column \"kind\""]);
    // The pairs of a shard counted in another window, beside this shard's settings: score
    // refuses (merge sums them, and its merged shard is refused by score).
    std::fs::copy(narrow[1].join("pairs.parquet"), &pairs).unwrap();
    let message = run_fails(&["score", text(&shards[1]), "--out", text(&scored)], 1);
    assert!(message.contains(text(&pairs)), "{message}");
    assert!(message.contains("window 2"), "{message}");
    assert!(!scored.exists());
}

#[test]
fn a_long_table_of_other_columns_is_named_by_merge_and_nothing_is_written() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = cut_corpus(tmp.path(), 2);
    let shards = count_parts(&corpus, &tmp.path().join("shards"), 2, &[]);
    // The merge copies tokens.parquet a row group at a time: a file of other columns in
    // the second shard is refused, though the first shard's was copied already.
    let tokens = shards[1].join("tokens.parquet");
    std::fs::copy(shards[1].join("speech_terms.parquet"), &tokens).unwrap();
    let merged = tmp.path().join("merged");
    let message = merge_refused(&shards[0], &shards[1], &merged, "other columns");
    assert!(message.contains(text(&tokens)), "{message}");
}

/// Rewrites the Parquet file at `path` with its rows ordered by `order` (a reversed
/// `tokens`, `speech_terms` by term), in row groups of `group_rows`, as an engine may.
fn reorder(path: &Path, order: fn(DataFrame) -> DataFrame, group_rows: usize) {
    let frame = ParquetReader::new(std::fs::File::open(path).unwrap())
        .finish()
        .unwrap();
    let mut frame = order(frame);
    ParquetWriter::new(std::fs::File::create(path).unwrap())
        .with_row_group_size(Some(group_rows))
        .finish(&mut frame)
        .unwrap();
}

#[test]
fn a_merge_whose_rows_an_engine_reordered_scores_as_analyze() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = cut_corpus(tmp.path(), 3);
    let shards = count_parts(&corpus, &tmp.path().join("shards"), 3, &[]);
    let merged = tmp.path().join("merged");
    let mut args = vec!["merge"];
    args.extend(shards.iter().map(|s| text(s)));
    args.extend(["--out", text(&merged), "--quiet"]);
    run_ok(&args);
    // The last speech's tokens first; each speech's term rows in as many runs as it has
    // terms.
    reorder(&merged.join("tokens.parquet"), |f| f.reverse(), 7);
    reorder(
        &merged.join("speech_terms.parquet"),
        |f| {
            f.sort(["term", "doc_id"], SortMultipleOptions::default())
                .unwrap()
        },
        1000,
    );
    let (whole, scored) = (tmp.path().join("whole"), tmp.path().join("scored"));
    run_ok(&["analyze", text(&corpus), "--out", text(&whole), "--quiet"]);
    run_ok(&["score", text(&merged), "--out", text(&scored), "--quiet"]);
    assert_same_outputs(&whole, &scored);
}
