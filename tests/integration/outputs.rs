//! The output list (`speechstat::OUTPUTS`) is the one place an output is declared: what a run
//! writes, what `--help` says, what the summary lists, the columns each table has and the
//! README's output table must all agree with it.

use std::collections::BTreeSet;
use std::path::Path;

use sha2::Digest;

use speechstat::{OutputInfo, StandsFor, When, OUTPUTS, WORD};

use crate::helpers::{analyze_ok, repo, speechstat, Table, EVERY_OPTION};

/// Files under `out`, relative, with `/` separators.
fn files_in(out: &Path) -> BTreeSet<String> {
    let mut files = BTreeSet::new();
    for entry in std::fs::read_dir(out).into_iter().flatten() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_file() {
            files.insert(entry.file_name().to_string_lossy().into_owned());
        }
    }
    for folder in ["tables", "charts"] {
        let Ok(entries) = std::fs::read_dir(out.join(folder)) else {
            continue;
        };
        for entry in entries {
            let name = entry.unwrap().file_name().to_string_lossy().into_owned();
            files.insert(format!("{folder}/{name}"));
        }
    }
    files
}

/// The output a written file is, by its path or its path pattern.
fn declared(file: &str) -> Option<&'static OutputInfo> {
    OUTPUTS.iter().find(|o| match o.path.split_once(WORD) {
        Some((prefix, suffix)) => file.starts_with(prefix) && file.ends_with(suffix),
        None => o.path == file,
    })
}

#[test]
fn runs_write_exactly_the_declared_outputs_and_the_summary_lists_them() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = repo().join("corpus");
    let mut written_outputs = BTreeSet::new();
    for (run, options) in [("default", &[][..]), ("every", EVERY_OPTION)] {
        let out = dir.path().join(run);
        let output = analyze_ok(&[&corpus], &out, options);
        let summary = String::from_utf8_lossy(&output.stdout).into_owned();
        for file in files_in(&out) {
            let output = declared(&file).unwrap_or_else(|| panic!("{file} is not in OUTPUTS"));
            let every_option = options == EVERY_OPTION;
            // The demo corpus is English and dated: those outputs need no option.
            let by_default = matches!(output.when, When::Always | When::InEnglish | When::WithTime);
            assert!(
                by_default || every_option,
                "{file} written without its option"
            );
            written_outputs.insert(output.path);
            let name = file.rsplit('/').next().unwrap();
            assert!(
                summary.contains(name),
                "{name} not in the summary:\n{summary}"
            );
        }
    }
    let declared_paths: BTreeSet<&str> = OUTPUTS.iter().map(|o| o.path).collect();
    assert_eq!(written_outputs, declared_paths);
}

#[test]
fn the_word_count_writes_only_its_outputs() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let output = speechstat(&["freq", "corpus", "--out", out.to_str().unwrap()]);
    assert!(output.status.success());
    let expected: BTreeSet<String> = OUTPUTS
        .iter()
        .filter(|o| o.in_word_count)
        .map(|o| o.path.to_owned())
        .collect();
    assert_eq!(files_in(&out), expected);
}

#[test]
fn tables_have_the_declared_columns() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    analyze_ok(&[&repo().join("corpus")], &out, EVERY_OPTION);
    let config = speechstat::Config::new(vec![repo().join("corpus")], out.clone());
    let metadata = speechstat::analyze(&config)
        .unwrap()
        .corpus()
        .metadata_columns
        .clone();
    let labels = Table::read(&out.join("tables/terms.csv"))
        .column("label")
        .into_iter()
        .map(String::from)
        .collect::<Vec<_>>();
    for output in OUTPUTS.iter().filter(|o| o.is_table()) {
        let table = Table::read(&out.join(output.path));
        let mut expected: Vec<String> = Vec::new();
        for column in output.columns {
            match column.stands_for {
                StandsFor::Metadata => expected.extend(metadata.iter().cloned()),
                StandsFor::UnitPair(_) => {
                    expected.extend(["group_by", "group_a", "group_b"].map(String::from))
                }
                StandsFor::Scores(_) => expected.extend(["cosine", "jaccard"].map(String::from)),
                StandsFor::GroupColumn | StandsFor::RowName => expected.push("party".into()),
                StandsFor::MatrixTerms => expected.extend(labels.iter().take(100).cloned()),
                StandsFor::Itself => expected.push(column.name.into()),
            }
        }
        assert_eq!(table.header, expected, "{}", output.path);
    }
}

#[test]
fn help_lists_every_output_from_the_list() {
    let help = String::from_utf8(speechstat(&["analyze", "--help"]).stdout).unwrap();
    for output in OUTPUTS {
        let line = match output.when {
            When::Always => output.path.to_owned(),
            when => format!("{} ({})", output.path, when.condition()),
        };
        assert!(help.contains(&line), "{line} not in --help");
        assert!(
            help.contains(output.what),
            "{:?} not in --help",
            output.what
        );
    }
    let help = String::from_utf8(speechstat(&["freq", "--help"]).stdout).unwrap();
    for output in OUTPUTS {
        assert_eq!(
            help.contains(output.path),
            output.in_word_count,
            "{}",
            output.path
        );
    }
}

/// The output table of README.md, as `speechstat explain outputs` renders the catalogue.
fn readme_table() -> String {
    let output = speechstat(&["explain", "outputs"]);
    assert!(output.status.success());
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn the_readme_output_table_is_the_output_list() {
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    let start = "<!-- outputs: what `speechstat explain outputs` prints; a test checks it against the catalogue -->\n";
    let end = "<!-- end of outputs -->";
    let begin = readme.find(start).expect("README has the outputs marker") + start.len();
    let stop = begin
        + readme[begin..]
            .find(end)
            .expect("README has the end marker");
    let expected = readme_table();
    assert!(
        readme[begin..stop] == expected,
        "README.md's output table differs from the catalogue; replace it with the output of \
         `speechstat explain outputs`:\n{expected}"
    );
}

#[test]
fn the_same_input_and_options_give_byte_identical_tables_and_run_json_names_each_input() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = repo().join("corpus");
    let options = ["--group-by", "party", "--format", "both", "--tokens"];
    let (one, two) = (dir.path().join("one"), dir.path().join("two"));
    analyze_ok(&[&corpus], &one, &options);
    analyze_ok(&[&corpus], &two, &options);
    let tables = files_in(&one);
    assert!(tables.contains("tables/terms.parquet") && tables.contains("tables/README.md"));
    for file in tables.iter().filter(|f| f.starts_with("tables/")) {
        let a = std::fs::read(one.join(file)).unwrap();
        let b = std::fs::read(two.join(file)).unwrap();
        assert!(a == b, "{file} differs between two runs");
    }
    // run.json: each input with its size and SHA-256 (of the bytes on disk), and the tables.
    let json = std::fs::read_to_string(one.join("run.json")).unwrap();
    for input in ["corpus/manifest.csv", "corpus/speeches/2026-Trump-1.txt"] {
        let bytes = std::fs::read(repo().join(input)).unwrap();
        let hex: String = sha2::Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert!(
            json.contains(&format!("\"{hex}\"")),
            "{input}: {hex} not in run.json"
        );
        assert!(
            json.contains(&format!("\"bytes\": {}", bytes.len())),
            "{input}"
        );
    }
    assert!(json.contains("\"tables/term_matrix.csv\""), "{json}");
    // Apart from the start time, the stage times and the output folder, the two agree.
    let stable = |out: &Path| -> Vec<String> {
        let json = std::fs::read_to_string(out.join("run.json")).unwrap();
        json.lines()
            .filter(|l| !l.contains("\"seconds\"") && !l.contains("started_utc"))
            .map(|l| l.replace(out.to_str().unwrap(), "OUT"))
            .collect()
    };
    assert_eq!(stable(&one), stable(&two));
}

#[test]
fn the_term_matrix_holds_the_rates_of_term_frequency_for_the_most_frequent_terms() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    analyze_ok(&[&repo().join("corpus")], &out, &["--matrix-terms", "12"]);
    let tables = out.join("tables");
    let matrix = Table::read(&tables.join("term_matrix.csv"));
    let terms = Table::read(&tables.join("terms.csv"));
    let frequency = Table::read(&tables.join("term_frequency.csv"));
    // The columns: doc_id, n_tokens, then the labels of the 12 first rows of terms.csv.
    let labels: Vec<&str> = terms.column("label").into_iter().take(12).collect();
    assert_eq!(matrix.header[..2], ["doc_id", "n_tokens"]);
    assert_eq!(matrix.header[2..], labels);
    let term_of: std::collections::HashMap<&str, &str> = terms
        .rows
        .iter()
        .map(|r| (r["label"].as_str(), r["term"].as_str()))
        .collect();
    let rate: std::collections::HashMap<(&str, &str), &str> = frequency
        .rows
        .iter()
        .map(|r| {
            (
                (r["doc_id"].as_str(), r["term"].as_str()),
                r["per_10k"].as_str(),
            )
        })
        .collect();
    assert_eq!(matrix.rows.len(), 22);
    for row in &matrix.rows {
        for label in &labels {
            let expected = rate
                .get(&(row["doc_id"].as_str(), term_of[label]))
                .copied()
                .unwrap_or("0");
            assert_eq!(row[*label], expected, "{} {label}", row["doc_id"]);
        }
    }
}

#[test]
fn parquet_tables_read_back_hold_the_values_of_their_csv_with_their_types() {
    use speechstat::polars::prelude::AnyValue;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let mut options = vec!["--format", "both", "--csv", "plain"];
    options.extend(EVERY_OPTION);
    analyze_ok(&[&repo().join("corpus")], &out, &options);
    let parquets: Vec<String> = files_in(&out)
        .into_iter()
        .filter(|f| f.ends_with(".parquet"))
        .collect();
    assert!(parquets.len() >= 10, "{parquets:?}");
    for file in &parquets {
        let frame = speechstat::internals::read_frame(&out.join(file)).unwrap();
        let csv = Table::read(&out.join(file.replace(".parquet", ".csv")));
        let names: Vec<&str> = frame
            .get_column_names()
            .iter()
            .map(|n| n.as_str())
            .collect();
        assert_eq!(names, csv.header, "{file}");
        assert_eq!(frame.height(), csv.rows.len(), "{file}");
        for column in frame.columns() {
            let expected = csv.column(column.name());
            for (row, cell) in expected.iter().enumerate() {
                // As the CSV prints it: null as an empty cell, floats to six digits.
                let value = match column.get(row).unwrap() {
                    AnyValue::Null => String::new(),
                    AnyValue::Boolean(b) => b.to_string(),
                    AnyValue::String(s) => s.to_owned(),
                    AnyValue::StringOwned(s) => s.to_string(),
                    AnyValue::Float64(x) => crate::helpers::printed(x),
                    AnyValue::UInt32(n) => n.to_string(),
                    AnyValue::UInt64(n) => n.to_string(),
                    AnyValue::Int32(n) => n.to_string(),
                    AnyValue::Int64(n) => n.to_string(),
                    other => panic!("{file}: {} holds {other:?}", column.name()),
                };
                assert_eq!(value, *cell, "{file} row {row} {}", column.name());
            }
        }
    }
}
