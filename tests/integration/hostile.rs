//! Hostile input, as a careless user or an attacker would give it: a word of megabytes, a
//! group name too long for a file name, an output folder inside the input, manifests naming
//! files outside their folder, a device or a pipe as input, numbers out of range, two runs
//! into one folder. Nothing hangs, panics, reads what it should not, deletes what is not its
//! own, or leaves a mix of two results.

use std::io::Read;
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use crate::helpers::{analyze_ok, is_png, stderr, Table};

/// Runs `speechstat args` in `dir`, killed after `limit`: `None` when it did not end in time.
fn run_within(args: &[&str], dir: &Path, limit: Duration) -> Option<Output> {
    let child = Command::new(env!("CARGO_BIN_EXE_speechstat"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the speechstat binary runs");
    wait_within(child, limit)
}

fn wait_within(mut child: Child, limit: Duration) -> Option<Output> {
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let mut stderr = Vec::new();
    if let Some(mut pipe) = child.stderr.take() {
        let _ = pipe.read_to_end(&mut stderr);
    }
    Some(Output {
        status: child.wait().unwrap(),
        stdout: Vec::new(),
        stderr,
    })
}

fn words(n: usize, letter: char) -> String {
    std::iter::repeat_n(letter, n).collect()
}

#[test]
fn a_long_word_and_a_long_group_name_do_not_hang_the_run() {
    let dir = tempfile::tempdir().unwrap();
    let word = words(20_000, 'a');
    let party = words(5_000, 'p');
    let csv = format!(
        "party,text\n{party},\"Peace and security. {word} {word} war.\"\nOther,\"War and peace. {word}\"\n"
    );
    std::fs::write(dir.path().join("speeches.csv"), csv).unwrap();
    let started = Instant::now();
    let output = run_within(
        &[
            "analyze",
            "speeches.csv",
            "--text-column",
            "text",
            "--group-by",
            "party",
            "--max-charts",
            "0",
            "--quiet",
            "--out",
            "out",
        ],
        dir.path(),
        Duration::from_secs(90),
    )
    .expect("a 20,000-character word and a 5,000-character group name analysed in 90 s");
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(started.elapsed() < Duration::from_secs(90));
    assert!(dir.path().join("out/charts/terms_by_document.png").exists());
}

#[test]
fn a_group_name_too_long_for_a_file_name_gets_a_shortened_unique_chart_file() {
    let dir = tempfile::tempdir().unwrap();
    // 93 Chinese characters: 279 bytes, more than a file name may hold; two such names that
    // differ only at the end.
    let long: String = "安全理事会".repeat(19).chars().take(92).collect();
    let csv = format!(
        "country,text\n{long}甲,\"Peace and security for all.\"\n{long}乙,\"War and peace again.\"\nshort,\"Development first.\"\n"
    );
    let corpus = dir.path().join("speeches.csv");
    std::fs::write(&corpus, csv).unwrap();
    let out = dir.path().join("out");
    analyze_ok(
        &[&corpus],
        &out,
        &["--text-column", "text", "--group-by", "country"],
    );
    let charts: Vec<String> = std::fs::read_dir(out.join("charts"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("keyness_") && n != "keyness_overview.png")
        .collect();
    assert_eq!(charts.len(), 3, "{charts:?}");
    assert!(charts.iter().all(|n| n.len() <= 255), "{charts:?}");
    assert!(
        charts.contains(&"keyness_short.png".to_owned()),
        "{charts:?}"
    );
    for chart in &charts {
        assert!(is_png(&out.join("charts").join(chart)), "{chart}");
    }
}

#[test]
fn a_speech_file_with_a_250_byte_name_is_read_and_charted() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    let name = format!("{}.txt", words(246, 'n'));
    assert_eq!(name.len(), 250);
    std::fs::write(input.join(&name), "Peace and security for all nations.").unwrap();
    std::fs::write(input.join("b.txt"), "War and development again.").unwrap();
    let out = dir.path().join("out");
    analyze_ok(&[&input], &out, &[]);
    let documents = Table::read(&out.join("tables/documents.csv"));
    assert_eq!(documents.rows.len(), 2);
}

/// A speech of two 5 MB words, charted in bounded time (measuring every prefix of a label,
/// it never ended). Run by `.ci/run` with `--ignored`; its time and peak memory are in
/// README.md, "Bad input and faults". The 250-byte file name and `/dev/zero` are quick: the
/// tests above run them every time.
#[test]
#[ignore = "writes and reads a 5 MB word; .ci/run runs it"]
fn a_five_megabyte_word_is_analysed_in_bounded_time() {
    let dir = tempfile::tempdir().unwrap();
    let word = words(5_000_000, 'w');
    std::fs::write(
        dir.path().join("speech.txt"),
        format!("Peace and security. {word} war.\n\nWar and peace again. {word}."),
    )
    .unwrap();
    let started = Instant::now();
    let output = run_within(
        &["analyze", "speech.txt", "--quiet", "--out", "out"],
        dir.path(),
        Duration::from_secs(300),
    )
    .expect("a 5 MB word analysed in 5 minutes");
    assert!(output.status.success(), "{}", stderr(&output));
    eprintln!("5 MB word: {:.1} s", started.elapsed().as_secs_f64());
    let charts = dir.path().join("out/charts");
    for chart in ["top_terms.png", "terms_by_document.png"] {
        assert!(charts.join(chart).exists(), "{chart}");
    }
}
