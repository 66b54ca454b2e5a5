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
    "--dictionary",
    "tests/fixtures/dictionaries/policy.yml",
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
        let bytes =
            std::fs::read(path).unwrap_or_else(|e| panic!("cannot open {}: {e}", path.display()));
        let text = bytes
            .strip_prefix(b"\xEF\xBB\xBF".as_slice())
            .unwrap_or(&bytes);
        let mut reader = csv::Reader::from_reader(text);
        let header: Vec<String> = reader.headers().unwrap().iter().map(unguard).collect();
        let rows = reader
            .records()
            .map(|r| {
                let r = r.unwrap();
                header.iter().cloned().zip(r.iter().map(unguard)).collect()
            })
            .collect();
        Table { header, rows }
    }

    pub fn column(&self, name: &str) -> Vec<&str> {
        self.rows.iter().map(|r| r[name].as_str()).collect()
    }
}

/// A cell as it was before the formula guard: text a spreadsheet would take for a formula
/// (starting with `=`, `+`, `-`, `@`, tab or carriage return) is written with a `'` before it.
pub fn unguard(cell: &str) -> String {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest.to_owned(),
        _ => cell.to_owned(),
    }
}

/// A float as the tables print it: six significant digits, as C's `%.6g` (fixed notation for
/// exponents -4 to 5, else scientific with a two-digit exponent; trailing zeros dropped).
pub fn printed(x: f64) -> String {
    let scientific = format!("{x:.5e}");
    let (mantissa, exponent) = scientific.split_once('e').unwrap();
    let exponent: i32 = exponent.parse().unwrap();
    if mantissa
        .trim_start_matches('-')
        .trim_start_matches(['0', '.'])
        .is_empty()
    {
        return "0".into();
    }
    let trim = |s: String| -> String {
        match s.contains('.') {
            true => s.trim_end_matches('0').trim_end_matches('.').to_owned(),
            false => s,
        }
    };
    if (-4..6).contains(&exponent) {
        trim(format!("{x:.*}", (5 - exponent) as usize))
    } else {
        let sign = if exponent < 0 { '-' } else { '+' };
        format!("{}e{sign}{:02}", trim(mantissa.to_owned()), exponent.abs())
    }
}

/// Whether a printed cell holds `value` to its six significant digits.
pub fn close(printed: &str, value: f64) -> bool {
    let parsed: f64 = printed
        .parse()
        .unwrap_or_else(|_| panic!("{printed:?} is not a number"));
    (parsed - value).abs() <= (6e-6 * value.abs()).max(1e-9)
}

#[test]
fn floats_print_as_percent_g() {
    assert_eq!(printed(127.97075), "127.971");
    assert_eq!(printed(0.000190123), "0.000190123");
    assert_eq!(printed(0.0000190123), "1.90123e-05");
    assert_eq!(printed(1234567.0), "1.23457e+06");
    assert_eq!(printed(-0.0), "0");
    assert_eq!(printed(2.5), "2.5");
    assert_eq!(printed(100000.0), "100000");
    assert!(close("127.971", 127.97075));
    assert!(!close("127.96", 127.97075));
    assert_eq!(unguard("'-leading"), "-leading");
    assert_eq!(unguard("'quoted"), "'quoted");
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
