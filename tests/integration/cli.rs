//! The command line as a user meets it: the examples of `--help` run, the exit codes are the
//! ones `--help` states, a `--config` file and the flags typed combine, `explain` prints the
//! docs' own text, and the summary reads as English.

use std::path::Path;
use std::process::{Command, Output};

use crate::helpers::{repo, speechstat, stderr};

/// Runs `speechstat` with `args` in `dir`.
fn speechstat_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_speechstat"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the speechstat binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// `run.json` without white space, so a test can look for `"min-count":4`.
fn run_json(out: &Path) -> String {
    let json = std::fs::read_to_string(out.join("run.json")).unwrap();
    json.chars().filter(|c| !c.is_whitespace()).collect()
}

/// A line of an example split as a POSIX shell would split it (quotes, no variables), up to
/// a redirection or a pipe.
fn shell_words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut in_word = false;
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\'' => {
                in_word = true;
                word.extend(chars.by_ref().take_while(|&c| c != '\''));
            }
            '"' => {
                in_word = true;
                word.extend(chars.by_ref().take_while(|&c| c != '"'));
            }
            '>' | '|' if !in_word => break,
            c if c.is_whitespace() => {
                if in_word {
                    words.push(std::mem::take(&mut word));
                    in_word = false;
                }
            }
            c => {
                in_word = true;
                word.push(c);
            }
        }
    }
    if in_word {
        words.push(word);
    }
    words
}

#[test]
fn shell_words_split_as_a_shell_does() {
    assert_eq!(
        shell_words(r#"speechstat kwic '"health care"' --width 5 > lines.tsv"#),
        ["speechstat", "kwic", "\"health care\"", "--width", "5"]
    );
    assert_eq!(
        shell_words("speechstat kwic 'terror*'"),
        ["speechstat", "kwic", "terror*"]
    );
}

/// The example command lines of `speechstat ARGS --help`.
fn examples(args: &[&str]) -> Vec<String> {
    let mut with_help = args.to_vec();
    with_help.push("--help");
    let output = speechstat(&with_help);
    assert!(output.status.success(), "{with_help:?}");
    stdout(&output)
        .lines()
        .map(str::trim)
        .filter(|line| line.starts_with("speechstat "))
        .map(String::from)
        .collect()
}

#[test]
fn every_help_example_runs_from_the_repository_root() {
    let dir = tempfile::tempdir().unwrap();
    let mut runs = Vec::new();
    for command in [
        &[][..],
        &["analyze"],
        &["freq"],
        &["kwic"],
        &["explain"],
        &["stopwords"],
    ] {
        let found = examples(command);
        assert!(
            command.is_empty() || found.len() >= 3,
            "{command:?}: {found:?}"
        );
        for (i, line) in found.into_iter().enumerate() {
            let mut words = shell_words(&line);
            words.remove(0);
            // The results go to a temporary folder, never into the repository.
            if matches!(words[0].as_str(), "analyze" | "freq") {
                let out = dir
                    .path()
                    .join(format!("{}-{}-{i}", command.join(""), words[0]));
                let out = out.display().to_string();
                match words.iter().position(|w| w == "--out" || w == "-o") {
                    Some(at) => words[at + 1] = out,
                    None => words.extend(["--out".to_owned(), out]),
                }
                words.push("--quiet".to_owned());
            }
            runs.push((line, words));
        }
    }
    std::thread::scope(|scope| {
        let handles: Vec<_> = runs
            .iter()
            .map(|(line, words)| {
                scope.spawn(move || {
                    let args: Vec<&str> = words.iter().map(String::as_str).collect();
                    (line, speechstat(&args))
                })
            })
            .collect();
        for handle in handles {
            let (line, output) = handle.join().unwrap();
            assert!(
                output.status.success(),
                "the example `{line}` fails:\n{}",
                stderr(&output)
            );
        }
    });
}

/// The names `speechstat explain` lists.
fn explained_names() -> Vec<String> {
    let output = speechstat(&["explain"]);
    assert!(output.status.success());
    let text = stdout(&output);
    let list = text
        .split("\n\n")
        .nth(1)
        .expect("a list after the introduction");
    list.lines()
        .map(|line| line.split_once(": ").map_or(line, |(_, names)| names))
        .flat_map(|names| names.split(','))
        .map(|name| name.trim().to_owned())
        .filter(|name| !name.is_empty())
        .collect()
}

#[test]
fn every_name_explain_lists_prints_sections_of_the_statistics_page_as_they_stand() {
    let page = std::fs::read_to_string(repo().join("docs/statistics.md")).unwrap();
    let names = explained_names();
    for expected in [
        "keyness",
        "g2",
        "log-ratio",
        "tf-idf",
        "mattr",
        "mtld",
        "dp",
        "flesch",
    ] {
        assert!(
            names.iter().any(|n| n == expected),
            "{expected} not in {names:?}"
        );
    }
    for name in &names {
        let output = speechstat(&["explain", name]);
        assert!(
            output.status.success(),
            "explain {name}: {}",
            stderr(&output)
        );
        let text = stdout(&output);
        assert!(text.starts_with("## "), "explain {name}: {text}");
        // The sections, then for a column name its meaning in each table.
        let sections = text.split("\nThe column ").next().unwrap_or_default();
        for (i, section) in sections.trim_end().split("\n\n## ").enumerate() {
            let section = match i {
                0 => section.to_owned(),
                _ => format!("## {section}"),
            };
            assert!(section.lines().count() > 1, "explain {name}: {section}");
            assert!(
                page.contains(&section),
                "explain {name} prints text that is not in docs/statistics.md:\n{section}"
            );
        }
    }
    // A column name, as the tables spell it.
    let output = speechstat(&["explain", "log_ratio"]);
    let text = stdout(&output);
    assert!(text.starts_with("## Keyness"));
    assert!(text.contains("The column log_ratio in the tables:\n  keyness.csv\n"));
}

#[test]
fn explain_prints_a_table_or_chart_from_the_catalogue() {
    let output = speechstat(&["explain", "keyness.csv"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.starts_with("tables/keyness.csv (always)\n"), "{text}");
    assert!(text.contains("\nColumns:\n  group_by\n"), "{text}");
    let output = speechstat(&["explain", "charts/zipf.png"]);
    assert!(stdout(&output).contains("least-squares fit"));
    let output = speechstat(&["explain", "keynes.csv"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("keyness.csv"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn explain_of_an_unknown_statistic_lists_the_names_and_is_a_usage_error() {
    let output = speechstat(&["explain", "keynes"]);
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(err.contains("did you mean \"keyness\""), "{err}");
    for name in explained_names() {
        assert!(err.contains(&name), "{name} not in: {err}");
    }
    assert!(output.stdout.is_empty());
}

#[test]
fn exit_codes_are_the_ones_help_states() {
    for args in [&["--help"][..], &["analyze", "--help"]] {
        let help = stdout(&speechstat(args));
        assert!(
            help.contains("Exit codes:\n  0  done\n  1  bad input"),
            "{help}"
        );
        assert!(help.contains("\n  2  usage"), "{help}");
    }
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out").display().to_string();
    let code = |args: &[&str]| speechstat(args).status.code();

    assert_eq!(code(&["freq", "--quiet", "--out", &out]), Some(0));
    assert_eq!(code(&["--help"]), Some(0));
    assert_eq!(code(&["--version"]), Some(0));

    // Bad input: an unreadable input, nothing to analyse, an unreadable --config file.
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let empty = empty.display().to_string();
    let missing = dir.path().join("missing.toml").display().to_string();
    for args in [
        &["analyze", "no/such/folder", "--out", &out][..],
        &["analyze", &empty, "--out", &out],
        &["analyze", "--config", &missing, "--out", &out],
    ] {
        let output = speechstat(args);
        assert_eq!(
            output.status.code(),
            Some(1),
            "{args:?}: {}",
            stderr(&output)
        );
        assert_eq!(stderr(&output).lines().count(), 1, "{}", stderr(&output));
    }

    // Usage: an unknown flag, a bad value, values out of their range.
    for args in [
        &["analyze", "--frobnicate"][..],
        &["frobnicate"],
        &["analyze", "--csv", "xlsx"],
        &["analyze", "--format", "xlsx"],
        &["analyze", "--chart-format", "jpg"],
        &["analyze", "--chart-width", "639"],
        &["analyze", "--chart-width", "10001"],
        &["analyze", "--chart-height", "0"],
        &["analyze", "--dpi", "0"],
        &["analyze", "--matrix-terms", "0"],
        &["analyze", "--matrix-terms", "16383"],
        &["freq", "--matrix-terms", "5"],
    ] {
        let output = speechstat(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(stderr(&output).starts_with("error: "), "{args:?}");
    }
    let err = stderr(&speechstat(&["analyze", "--chart-width", "639"]));
    assert!(
        err.contains("--chart-width") && err.contains("640"),
        "{err}"
    );
}

#[test]
fn no_input_where_there_is_no_corpus_folder_says_what_to_give() {
    let dir = tempfile::tempdir().unwrap();
    for (args, example) in [
        (&["analyze"][..], "`speechstat analyze FOLDER`"),
        (&["freq"], "`speechstat freq FOLDER`"),
        (&["kwic", "peace"], "`speechstat kwic PATTERN FOLDER`"),
    ] {
        let output = speechstat_in(dir.path(), args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let err = stderr(&output);
        assert!(
            err.starts_with("error: no corpus/ folder here: give the folder of speeches")
                && err.contains(example),
            "{err}"
        );
    }
    assert!(std::fs::read_dir(dir.path()).unwrap().next().is_none());
}

#[test]
fn a_config_file_sets_options_flags_typed_replace_them_and_run_json_records_both() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("speechstat.toml");
    std::fs::write(
        &config,
        "# the demo corpus by party\n\
         inputs = [\"corpus\"]\n\
         group-by = [\"party\"]\n\
         min-count = 5\n\
         no-stem = true\n\
         csv = \"plain\"\n\
         matrix-terms = 7\n\
         phrases = true\n\
         phrase-min-npmi = 0.75\n",
    )
    .unwrap();
    let config = config.display().to_string();
    let out = dir.path().join("out");
    let out_arg = out.display().to_string();
    let typed = [
        "analyze",
        "--config",
        &config,
        "--min-count",
        "4",
        "--group-by",
        "year",
        "--out",
        &out_arg,
        "--quiet",
    ];
    let output = speechstat(&typed);
    assert!(output.status.success(), "{}", stderr(&output));
    let json = run_json(&out);
    for option in [
        r#""inputs":["corpus"]"#,
        r#""group-by":["year"]"#,
        r#""min-count":4"#,
        r#""no-stem":true"#,
        r#""csv":"plain""#,
        r#""matrix-terms":7"#,
        r#""phrases":true"#,
        r#""phrase-min-npmi":0.75"#,
    ] {
        assert!(json.contains(option), "{option} not in {json}");
    }
    // The command line as typed, without the file's options.
    let typed_json: Vec<String> = typed.iter().map(|a| format!("{a:?}")).collect();
    assert!(json.contains(&typed_json.join(",")), "{json}");
    assert!(!json.contains("--group-by=party"), "{json}");
    let matrix = std::fs::read_to_string(out.join("tables/term_matrix.csv")).unwrap();
    let header = matrix.lines().next().unwrap();
    assert!(header.starts_with("year,n_tokens,"), "{header}");
    assert_eq!(header.split(',').count(), 2 + 7, "{header}");
}

#[test]
fn a_bad_config_file_is_bad_input_naming_the_file_the_line_and_the_key() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("speechstat.toml");
    for (text, expected) in [
        (
            "min-count = 5\ngrup-by = [\"party\"]\n",
            "line 2: unknown option \"grup-by\"",
        ),
        (
            "\n\nmin-count = \"five\"\n",
            "line 3: min-count takes a whole number, not string",
        ),
        ("dpi = 0\n", "line 1: dpi: invalid value '0'"),
        ("min-count = [\n", "line 1: not a TOML file"),
    ] {
        std::fs::write(&config, text).unwrap();
        let path = config.display().to_string();
        let output = speechstat(&["analyze", "--config", &path]);
        assert_eq!(output.status.code(), Some(1), "{text:?}");
        let err = stderr(&output);
        assert!(
            err.starts_with(&format!("error: {path} ")) && err.contains(expected),
            "{text:?}: {expected:?} not in {err}"
        );
        assert_eq!(err.lines().count(), 1, "{err}");
    }
}

#[test]
fn the_summary_counts_with_thousands_separators_and_singular_forms() {
    let dir = tempfile::tempdir().unwrap();
    let one = dir.path().join("one");
    std::fs::create_dir(&one).unwrap();
    std::fs::write(one.join("a.txt"), "Peace.").unwrap();
    let one = one.display().to_string();
    let out = dir.path().join("out").display().to_string();

    let summary = stdout(&speechstat(&["freq", &one, "--out", &out]));
    assert!(
        summary.starts_with("Analysed 1 document: 1 token, 1 type, 1 term, 1 sentence "),
        "{summary}"
    );
    let output = speechstat(&["kwic", "peace", &one]);
    assert!(
        stderr(&output).contains("1 line in 1 of 1 speech."),
        "{}",
        stderr(&output)
    );

    let summary = stdout(&speechstat(&["freq", "--out", &out]));
    let tokens = summary
        .split(", ")
        .find(|part| part.ends_with(" tokens"))
        .and_then(|part| part.split(' ').rev().nth(1))
        .unwrap_or_else(|| panic!("no token count in {summary}"));
    assert!(
        tokens.contains(',') && tokens.replace(',', "").parse::<u64>().is_ok(),
        "{summary}"
    );
}

#[test]
fn table_and_chart_flags_reach_the_files_and_run_json() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let out_arg = out.display().to_string();
    let output = speechstat(&[
        "analyze",
        "--out",
        &out_arg,
        "--quiet",
        "--csv",
        "plain",
        "--format",
        "both",
        "--matrix-terms",
        "3",
        "--chart-format",
        "svg",
        "--chart-width",
        "640",
        "--chart-height",
        "500",
        "--dpi",
        "300",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let terms = std::fs::read(out.join("tables/terms.csv")).unwrap();
    assert!(
        !terms.starts_with(b"\xef\xbb\xbf"),
        "--csv plain writes no BOM"
    );
    assert!(out.join("tables/terms.parquet").is_file());
    assert!(out.join("charts/top_terms.svg").is_file());
    assert!(!out.join("charts/top_terms.png").exists());
    let matrix = std::fs::read_to_string(out.join("tables/term_matrix.csv")).unwrap();
    assert_eq!(matrix.lines().next().unwrap().split(',').count(), 2 + 3);
    let json = run_json(&out);
    for option in [
        r#""csv":"plain""#,
        r#""format":"both""#,
        r#""matrix-terms":3"#,
        r#""chart-format":"svg""#,
        r#""chart-width":640"#,
        r#""chart-height":500"#,
        r#""dpi":300"#,
    ] {
        assert!(json.contains(option), "{option} not in {json}");
    }
}

/// `run.json` gives each input file's size and SHA-256: the speeches' files hashed as they
/// were read, the manifest and the stopword list read again. Each is the file's own.
#[test]
fn run_json_gives_every_input_file_its_own_size_and_sha256() {
    use sha2::{Digest, Sha256};
    let out = tempfile::tempdir().unwrap();
    let stopwords = repo().join("assets/stopwords/en.txt");
    let output = speechstat(&[
        "freq",
        "corpus",
        "--stopwords",
        stopwords.to_str().unwrap(),
        "--out",
        out.path().to_str().unwrap(),
        "-q",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.path().join("run.json")).unwrap())
            .unwrap();
    let inputs = json["inputs"].as_array().unwrap();
    let speeches = std::fs::read_dir(repo().join("corpus/speeches"))
        .unwrap()
        .count();
    // The manifest, every speech, the stopword list.
    assert_eq!(inputs.len(), speeches + 2);
    for input in inputs {
        let path = repo().join(input["path"].as_str().unwrap());
        let bytes = std::fs::read(&path).unwrap();
        assert_eq!(
            input["bytes"].as_u64(),
            Some(bytes.len() as u64),
            "{path:?}"
        );
        let hex: String = Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(input["sha256"].as_str(), Some(hex.as_str()), "{path:?}");
    }
}
