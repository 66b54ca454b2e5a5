//! Running the binary and reading the CSV tables it writes.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root (tests run the binary from there, as a user would).
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn fixture(name: &str) -> PathBuf {
    repo().join("tests/fixtures").join(name)
}

/// Options that turn on every table and chart written only on request, for a run on the
/// demo corpus.
pub const EVERY_OPTION: &[&str] = &[
    "--group-by",
    "party",
    "--focus",
    "freedom,economy",
    "--phrases",
    "--tokens",
    "--kwic",
    "freedom",
];

/// Runs `speechstat` with `args` in the repository root.
pub fn speechstat(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_speechstat"))
        .args(args)
        .current_dir(repo())
        .output()
        .expect("the speechstat binary runs")
}

/// Runs `speechstat analyze` on `inputs` into `out` and insists on success.
pub fn analyze_ok(inputs: &[&Path], out: &Path, extra: &[&str]) -> Output {
    let (args, output) = analyze(inputs, out, extra);
    assert!(
        output.status.success(),
        "speechstat {args:?} failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

/// Runs `speechstat analyze` on `inputs` into `out`, insists that it fails on bad input
/// (exit code 1) and returns what it printed on stderr.
pub fn analyze_fails(inputs: &[&Path], out: &Path, extra: &[&str]) -> String {
    let (args, output) = analyze(inputs, out, extra);
    assert_eq!(output.status.code(), Some(1), "speechstat {args:?}");
    stderr(&output)
}

fn analyze(inputs: &[&Path], out: &Path, extra: &[&str]) -> (Vec<String>, Output) {
    let mut args: Vec<String> = vec!["analyze".into()];
    args.extend(inputs.iter().map(|p| p.display().to_string()));
    args.extend(["--out".into(), out.display().to_string()]);
    args.extend(extra.iter().map(|s| (*s).to_owned()));
    let borrowed: Vec<&str> = args.iter().map(String::as_str).collect();
    let output = speechstat(&borrowed);
    (args, output)
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A CSV table: its header and rows as maps from column to value.
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<HashMap<String, String>>,
}

impl Table {
    pub fn read(path: &Path) -> Table {
        let mut reader = csv::Reader::from_path(path)
            .unwrap_or_else(|e| panic!("cannot open {}: {e}", path.display()));
        let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
        let rows = reader
            .records()
            .map(|r| {
                let r = r.unwrap();
                header
                    .iter()
                    .cloned()
                    .zip(r.iter().map(String::from))
                    .collect()
            })
            .collect();
        Table { header, rows }
    }

    pub fn column(&self, name: &str) -> Vec<&str> {
        self.rows.iter().map(|r| r[name].as_str()).collect()
    }
}

pub fn number(row: &HashMap<String, String>, column: &str) -> f64 {
    row[column]
        .parse()
        .unwrap_or_else(|_| panic!("{column} = {:?} is not a number", row[column]))
}

/// PNG files start with this signature.
pub fn is_png(path: &Path) -> bool {
    std::fs::read(path).is_ok_and(|b| b.len() > 1000 && b.starts_with(b"\x89PNG\r\n\x1a\n"))
}
