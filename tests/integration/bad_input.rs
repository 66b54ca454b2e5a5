//! Fatal problems: one clear line naming the path, a non-zero exit, nothing written, and
//! earlier results left as they were.

use std::path::Path;

use crate::helpers::{analyze_fails, analyze_ok, fixture, speechstat, stderr, Table};

#[test]
fn a_missing_input_is_named_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let err = analyze_fails(&[Path::new("no/such/folder")], &out, &[]);
    assert!(
        err.contains("no/such/folder") && err.contains("no such file"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(!out.exists());
}

#[test]
fn a_manifest_row_naming_a_missing_file_is_an_error_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "Peace.").unwrap();
    std::fs::write(
        dir.path().join("manifest.csv"),
        "file,year\na.txt,2001\nb.txt,2002\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    let err = analyze_fails(&[dir.path()], &out, &[]);
    assert!(
        err.contains("manifest.csv line 3") && err.contains("b.txt"),
        "{err}"
    );
    assert!(!out.exists());
}

#[test]
fn an_output_path_that_is_a_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("results");
    std::fs::write(&file, "not a folder").unwrap();
    let err = analyze_fails(&[], &file, &[]);
    assert!(err.contains("not a folder"));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "not a folder");
}

#[test]
fn a_csv_without_text_column_option_or_column_is_explained() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let csv = fixture("speeches.csv");
    let untitled = dir.path().join("untitled.csv");
    std::fs::write(&untitled, "id,body\n1,Peace.\n").unwrap();
    let err = analyze_fails(&[&untitled], &out, &[]);
    assert!(err.contains("--text-column"), "{err}");

    let err = analyze_fails(&[&csv], &out, &["--text-column", "body"]);
    assert!(
        err.contains("speeches.csv")
            && err.contains("\"body\"")
            && err.contains("id, speaker, year, text"),
        "{err}"
    );
    assert!(!out.exists());
}

#[test]
fn usage_errors_exit_with_2() {
    let output = speechstat(&["analyze", "--language", "klingon"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("unknown language"));
    let output = speechstat(&["analyze", "corpus", "--manifest", "corpus/manifest.csv"]);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn a_failed_run_leaves_the_previous_results_intact() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let good = fixture("meeting");
    analyze_ok(&[&good], &out, &[]);
    let before = std::fs::read(out.join("tables/terms.csv")).unwrap();

    let err = analyze_fails(&[&good], &out, &["--group-by", "no_such_column"]);
    assert!(
        err.contains("no_such_column") && err.contains("speaker"),
        "{err}"
    );
    assert_eq!(std::fs::read(out.join("tables/terms.csv")).unwrap(), before);
    let mut leftovers: Vec<_> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    leftovers.sort();
    assert_eq!(
        leftovers,
        [
            ".speechstat",
            "charts",
            "report.html",
            "report.md",
            "run.json",
            "tables"
        ],
        "only the outputs and the folder's state"
    );
    assert!(
        !out.join(".speechstat/staging").exists(),
        "no staging folder"
    );
}

#[test]
fn a_manifest_without_file_column_is_named_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "Peace.").unwrap();
    std::fs::write(dir.path().join("manifest.csv"), "path,year\na.txt,2001\n").unwrap();
    let out = dir.path().join("out");
    let err = analyze_fails(&[dir.path()], &out, &[]);
    assert!(
        err.contains("manifest.csv line 1") && err.contains("no \"file\" column"),
        "{err}"
    );
    assert!(!out.exists());
}

#[test]
fn a_manifest_in_windows_1252_with_duplicate_rows_is_read_with_warnings() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "Peace.").unwrap();
    std::fs::write(dir.path().join("b.txt"), "War.").unwrap();
    std::fs::write(
        dir.path().join("manifest.csv"),
        b"file,country\na.txt,C\xF4te d'Ivoire\nb.txt,Chile\na.txt,C\xF4te d'Ivoire\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    let output = analyze_ok(&[dir.path()], &out, &[]);
    let err = stderr(&output);
    assert!(
        err.contains("manifest.csv") && err.contains("Windows-1252"),
        "{err}"
    );
    assert!(
        err.contains("line 4") && err.contains("listed again"),
        "{err}"
    );
    let documents = Table::read(&out.join("tables/documents.csv"));
    assert_eq!(documents.column("country"), ["Côte d'Ivoire", "Chile"]);
}

#[test]
fn a_folder_with_no_readable_text_is_an_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("scans");
    std::fs::create_dir(&input).unwrap();
    std::fs::write(input.join("page.txt"), b"\0\0\0binary").unwrap();
    std::fs::write(input.join("page.pdf"), b"%PDF-1.4").unwrap();
    let out = dir.path().join("out");
    let err = analyze_fails(&[&input], &out, &[]);
    assert!(
        err.contains("scans") && err.contains("no readable text"),
        "{err}"
    );
    assert!(err.contains("page.txt") && err.contains("binary"), "{err}");
    assert!(!out.exists());
}

#[test]
fn an_output_folder_that_cannot_be_created_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("file");
    std::fs::write(&file, "").unwrap();
    let out = file.join("results");
    let err = analyze_fails(&[], &out, &[]);
    assert!(
        err.contains("cannot write") && err.contains("file/results"),
        "{err}"
    );
}

#[test]
fn a_missing_stopword_list_is_named() {
    let out = Path::new("/tmp/unused-speechstat-out");
    let err = analyze_fails(&[], out, &["--stopwords", "no/such/list.txt"]);
    assert!(err.contains("no/such/list.txt"), "{err}");
}
