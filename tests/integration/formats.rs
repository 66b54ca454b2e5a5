//! Corpus formats: tables (CSV, TSV, pipe-delimited, JSON Lines, JSON arrays), ParlaMint
//! (TEI and plain text with -meta.tsv), the Congressional Record, metadata joins, dates, and
//! every refusal with its message.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::helpers::{analyze_fails, analyze_ok, fixture, repo, stderr, Table};

/// The shared corpora beside the clone, when they are there.
fn shared(path: &str) -> Option<PathBuf> {
    let path = repo().join("../shared/corpora").join(path);
    path.exists().then_some(path)
}

fn documents(out: &Path) -> Table {
    Table::read(&out.join("tables/documents.csv"))
}

fn by_id<'a>(table: &'a Table, column: &str) -> HashMap<&'a str, &'a str> {
    table
        .rows
        .iter()
        .map(|r| (r["doc_id"].as_str(), r[column].as_str()))
        .collect()
}

/// Every table of two runs equal, but the columns saying where a speech was read from.
fn assert_same_tables(a: &Path, b: &Path) {
    let mut names: Vec<_> = std::fs::read_dir(a.join("tables"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|n| n.to_string_lossy().ends_with(".csv"))
        .collect();
    names.sort();
    assert!(names.len() > 5, "{names:?}");
    for name in names {
        let left = Table::read(&a.join("tables").join(&name));
        let right = Table::read(&b.join("tables").join(&name));
        assert_eq!(left.header, right.header, "{name:?}");
        assert_eq!(left.rows.len(), right.rows.len(), "{name:?}");
        for (l, r) in left.rows.iter().zip(&right.rows) {
            for column in &left.header {
                if matches!(column.as_str(), "source" | "encoding") {
                    continue;
                }
                assert_eq!(l[column], r[column], "{name:?} column {column}");
            }
        }
    }
}

#[test]
fn parlamint_tei_gives_one_speech_per_utterance_with_names_and_parties_from_the_lists() {
    let out = tempfile::tempdir().unwrap();
    analyze_ok(&[&fixture("parlamint/TEI")], out.path(), &["--tokens"]);
    let docs = documents(out.path());
    assert_eq!(
        docs.column("doc_id"),
        [
            "ParlaMint-XX_2021-03-04-upper.u1",
            "ParlaMint-XX_2021-03-04-upper.u2"
        ]
    );
    assert_eq!(
        docs.column("speaker"),
        ["Nowak, Anna Maria", "Brandt, Jonas"]
    );
    // Anna Nowak changed party in 2020: the sitting's date picks the membership.
    assert_eq!(docs.column("party"), ["GRN", "SEA"]);
    assert_eq!(docs.column("gender"), ["F", "M"]);
    assert_eq!(docs.column("role"), ["Chairperson", "Regular"]);
    assert_eq!(docs.column("house"), ["Upper house", "Upper house"]);
    assert_eq!(docs.column("date"), ["2021-03-04", "2021-03-04"]);
    assert_eq!(docs.column("year"), ["2021", "2021"]);
    assert_eq!(docs.column("n_annotations"), ["1", "2"]);
    let tokens = Table::read(&out.path().join("tables/tokens.csv"));
    let words: Vec<&str> = tokens.column("token");
    for mark in ["murmurs", "applause", "opened", "closed"] {
        assert!(
            !words.iter().any(|w| w.eq_ignore_ascii_case(mark)),
            "{mark}"
        );
    }
}

#[test]
fn parlamint_text_with_its_meta_file_gives_the_same_speeches_as_the_tei() {
    let tei = tempfile::tempdir().unwrap();
    let text = tempfile::tempdir().unwrap();
    analyze_ok(&[&fixture("parlamint/TEI")], tei.path(), &[]);
    analyze_ok(&[&fixture("parlamint/txt")], text.path(), &[]);
    let (a, b) = (documents(tei.path()), documents(text.path()));
    assert_eq!(a.column("doc_id"), b.column("doc_id"));
    for column in [
        "speaker", "party", "gender", "role", "date", "house", "n_tokens",
    ] {
        assert_eq!(a.column(column), b.column(column), "{column}");
    }
    let terms = |dir: &Path| Table::read(&dir.join("tables/terms.csv")).rows;
    assert_eq!(terms(tei.path()), terms(text.path()));
}

#[test]
fn a_parlamint_corpus_root_reads_its_sittings_and_unit_sitting_keeps_one_per_sitting() {
    let out = tempfile::tempdir().unwrap();
    let root = fixture("parlamint/TEI/ParlaMint-XX.xml");
    analyze_ok(&[&root], out.path(), &["--unit", "sitting"]);
    let docs = documents(out.path());
    assert_eq!(docs.column("doc_id"), ["ParlaMint-XX_2021-03-04-upper"]);
    assert!(
        !docs.header.iter().any(|h| h == "speaker"),
        "{:?}",
        docs.header
    );
    // Two marks between the utterances, three inside them.
    assert_eq!(docs.column("n_annotations"), ["5"]);
}

#[test]
fn parlamint_samples_read_as_tei_and_as_text_agree() {
    let Some(samples) = shared("parlamint_samples") else {
        eprintln!("../shared/corpora not found: skipped");
        return;
    };
    let tei = tempfile::tempdir().unwrap();
    let text = tempfile::tempdir().unwrap();
    analyze_ok(
        &[&samples.join("ParlaMint-GB.TEI")],
        tei.path(),
        &["--tokens"],
    );
    analyze_ok(&[&samples.join("ParlaMint-GB.txt")], text.path(), &[]);
    let (a, b) = (documents(tei.path()), documents(text.path()));
    assert_eq!(a.rows.len(), 12);
    assert_eq!(b.rows.len(), 8, "the 2020 sitting has TEI only");
    let texts: Vec<&str> = a.column("Text_ID");
    for sitting in [
        "ParlaMint-GB_2017-09-07-commons",
        "ParlaMint-GB_2020-02-12-lords",
        "ParlaMint-GB_2022-07-21-commons",
    ] {
        assert_eq!(
            texts.iter().filter(|t| **t == sitting).count(),
            4,
            "{sitting}"
        );
    }
    for column in [
        "speaker",
        "party",
        "gender",
        "role",
        "date",
        "house",
        "n_tokens",
        "n_sentences",
    ] {
        let (left, right) = (by_id(&a, column), by_id(&b, column));
        for (id, value) in &right {
            assert_eq!(left[id], *value, "{id} {column}");
        }
    }
    let speakers = by_id(&a, "speaker");
    assert_eq!(
        speakers["ParlaMint-GB_2017-09-07-commons.u1"],
        "Kinnock, Stephen Nathan"
    );
    assert_eq!(
        by_id(&a, "party")["ParlaMint-GB_2017-09-07-commons.u1"],
        "LAB"
    );
    assert_eq!(
        by_id(&a, "role")["ParlaMint-GB_2022-07-21-commons.u1"],
        "Chairperson"
    );
    // Transcriber notes between the utterances ("House adjourned.") are not speech.
    let tokens = Table::read(&tei.path().join("tables/tokens.csv"));
    assert!(!tokens.column("token").contains(&"adjourned"));
}

#[test]
fn the_demo_corpus_as_json_lines_tsv_pipes_and_parquet_gives_the_folder_s_tables() {
    let dir = tempfile::tempdir().unwrap();
    let manifest = Table::read(&repo().join("corpus/manifest.csv"));
    let columns: Vec<&String> = manifest.header.iter().filter(|h| *h != "file").collect();
    let mut jsonl = String::new();
    let mut tsv = csv::WriterBuilder::new()
        .delimiter(b'\t')
        .from_writer(Vec::new());
    let mut pipes = csv::WriterBuilder::new()
        .delimiter(b'|')
        .from_writer(Vec::new());
    let mut records = Vec::new();
    let header: Vec<&str> = ["id"]
        .into_iter()
        .chain(columns.iter().map(|c| c.as_str()))
        .chain(["text"])
        .collect();
    tsv.write_record(&header).unwrap();
    pipes.write_record(&header).unwrap();
    for row in &manifest.rows {
        let text = std::fs::read_to_string(repo().join("corpus").join(&row["file"])).unwrap();
        let id = Path::new(&row["file"])
            .file_stem()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let mut object = serde_json::Map::new();
        object.insert("id".into(), id.clone().into());
        let mut record = vec![id];
        for column in &columns {
            object.insert((*column).clone(), row[*column].clone().into());
            record.push(row[*column].clone());
        }
        object.insert("text".into(), text.clone().into());
        record.push(text);
        jsonl.push_str(&serde_json::Value::Object(object).to_string());
        jsonl.push('\n');
        tsv.write_record(&record).unwrap();
        pipes.write_record(&record).unwrap();
        records.push(record);
    }
    let inputs = [
        ("speeches.parquet", parquet_of(&header, &records), vec![]),
        ("speeches.jsonl", jsonl.into_bytes(), vec![]),
        ("speeches.tsv", tsv.into_inner().unwrap(), vec![]),
        (
            "speeches.psv",
            pipes.into_inner().unwrap(),
            vec!["--delimiter", "|"],
        ),
    ];
    let folder = dir.path().join("folder");
    analyze_ok(&[&repo().join("corpus")], &folder, &["--group-by", "party"]);
    for (name, bytes, extra) in inputs {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let out = dir.path().join(format!("out-{name}"));
        let mut args = vec!["--id-column", "id", "--group-by", "party"];
        args.extend(extra);
        analyze_ok(&[&path], &out, &args);
        assert_same_tables(&folder, &out);
    }
}

/// A Parquet file of string columns (`header`) holding `records`, in row groups of 3 rows so
/// that the reader reads it in parts, with the year as a number as data sets write it.
fn parquet_of(header: &[&str], records: &[Vec<String>]) -> Vec<u8> {
    use speechstat::polars::prelude::*;
    use speechstat::polars_io::prelude::*;
    let columns = header
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let values: Vec<&str> = records.iter().map(|r| r[i].as_str()).collect();
            let column = Column::new((*name).into(), values);
            match *name {
                "year" => column.cast(&DataType::Int32).unwrap(),
                _ => column,
            }
        })
        .collect();
    let mut frame = DataFrame::new_infer_height(columns).unwrap();
    let mut bytes = Vec::new();
    ParquetWriter::new(&mut bytes)
        .with_row_group_size(Some(3))
        .finish(&mut frame)
        .unwrap();
    bytes
}

/// Windows-1252/Latin-1 bytes of a text.
fn latin1(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| u8::try_from(u32::from(c)).unwrap())
        .collect()
}

#[test]
fn a_congressional_record_volume_joins_descriptions_and_speakers() {
    let dir = tempfile::tempdir().unwrap();
    let volume = dir.path().join("hein-daily");
    std::fs::create_dir(&volume).unwrap();
    std::fs::write(
        volume.join("speeches_114.txt"),
        latin1(
            "speech_id|speech\n\
             1140000001|Mr. President, the harbour bill helps every fisherman in my state.\n\
             1140000002|Madam Speaker, I thank Mr. Peña for his kind words about the bill.\n\
             1140000003|The clerk will read the résumé of the amendment.\n",
        ),
    )
    .unwrap();
    std::fs::write(
        volume.join("descr_114.txt"),
        latin1(
            "speech_id|chamber|date|number_within_file|speaker|first_name|last_name|state|gender|line_start|line_end|file|char_count|word_count\n\
             1140000001|S|20150106|1|Mr. NÚÑEZ|JOSÉ|NÚÑEZ|NM|M|10|12|01062015.txt|70|12\n\
             1140000002|H|20150107|2|Mrs. LÓPEZ|MARÍA|LÓPEZ|CA|F|20|22|01072015.txt|68|12\n\
             1140000003|H|2015-01-07|3|The CLERK|Unknown|Unknown|Unknown|Special|30|31|01072015.txt|48|8\n",
        ),
    )
    .unwrap();
    std::fs::write(
        volume.join("114_SpeakerMap.txt"),
        latin1(
            "speakerid|speech_id|lastname|firstname|chamber|state|gender|party|district|nonvoting\n\
             114001|1140000001|NÚÑEZ|JOSÉ|S|NM|M|D||voting\n\
             114002|1140000002|LÓPEZ|MARÍA|H|CA|F|R|7|voting\n",
        ),
    )
    .unwrap();
    let out = dir.path().join("out");
    analyze_ok(&[&volume], &out, &[]);
    let docs = documents(&out);
    assert_eq!(
        docs.column("doc_id"),
        ["1140000001", "1140000002", "1140000003"]
    );
    assert_eq!(docs.column("last_name"), ["NÚÑEZ", "LÓPEZ", "Unknown"]);
    assert_eq!(docs.column("party"), ["D", "R", ""]);
    assert_eq!(docs.column("state"), ["NM", "CA", "Unknown"]);
    assert_eq!(
        docs.column("date"),
        ["2015-01-06", "2015-01-07", "2015-01-07"]
    );
    assert_eq!(docs.column("year"), ["2015", "2015", "2015"]);
    assert_eq!(docs.column("encoding"), ["latin-1"; 3]);
    let terms = Table::read(&out.join("tables/terms.csv"));
    assert!(terms.column("label").contains(&"peña"));
}

#[test]
fn a_metadata_table_is_joined_by_id_and_the_matches_counted() {
    let dir = tempfile::tempdir().unwrap();
    let speakers_tsv = dir.path().join("speakers.tsv");
    std::fs::write(
        &speakers_tsv,
        "doc_id\tregion\n2002-Bush-1\tSouth\n2026-Trump-1\tEast\nno-such-speech\tNorth\n",
    )
    .unwrap();
    let speakers_parquet = dir.path().join("speakers.parquet");
    let records = [
        vec!["2002-Bush-1".to_owned(), "South".to_owned()],
        vec!["2026-Trump-1".to_owned(), "East".to_owned()],
        vec!["no-such-speech".to_owned(), "North".to_owned()],
    ];
    std::fs::write(
        &speakers_parquet,
        parquet_of(&["doc_id", "region"], &records),
    )
    .unwrap();
    for speakers in [speakers_tsv, speakers_parquet] {
        let out = dir.path().join("out");
        let output = analyze_ok(
            &[&repo().join("corpus")],
            &out,
            &[
                "--metadata",
                speakers.to_str().unwrap(),
                "--id-column",
                "doc_id",
            ],
        );
        let docs = documents(&out);
        let region = by_id(&docs, "region");
        assert_eq!(region["2002-Bush-1"], "South");
        assert_eq!(region["2026-Trump-1"], "East");
        assert_eq!(region["2003-Bush-1"], "");
        let err = stderr(&output);
        let n = docs.rows.len();
        assert!(
            err.contains(&format!("2 of {n} speeches matched a row by id"))
                && err.contains("1 rows match no speech, e.g. \"no-such-speech\""),
            "{err}"
        );
    }
}

#[test]
fn dates_in_three_forms_give_years_and_the_rest_is_counted() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("dated.csv");
    std::fs::write(
        &csv,
        "date,text\n20161220,Peace.\n20 December 2016,War.\n2017-01-05,Trade.\nsoon,Hope.\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    let output = analyze_ok(&[&csv], &out, &[]);
    let docs = documents(&out);
    assert_eq!(
        docs.column("date"),
        ["2016-12-20", "2016-12-20", "2017-01-05", "soon"]
    );
    assert_eq!(docs.column("year"), ["2016", "2016", "2017", ""]);
    let err = stderr(&output);
    assert!(
        err.contains("column \"date\": 1 values not understood as dates")
            && err.contains("e.g. \"soon\""),
        "{err}"
    );
}

#[test]
fn a_warning_names_no_option_the_user_did_not_give() {
    let out = tempfile::tempdir().unwrap();
    let speech = repo().join("corpus/speeches/2002-Bush-1.txt");
    let output = analyze_ok(&[&speech], out.path(), &[]);
    let err = stderr(&output);
    assert!(
        err.contains("warning: tables/keyness.csv: every speech is in one group"),
        "{err}"
    );
    let named = err.lines().find(|l| l.starts_with("warning: --"));
    assert!(
        named.is_none(),
        "a warning names an option not given: {named:?}"
    );
}

/// Writes `content` into a new file `name` and runs `analyze` on it with `extra`, which must
/// fail; returns the message.
fn refused(name: &str, content: &[u8], extra: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, content).unwrap();
    let out = dir.path().join("out");
    let err = analyze_fails(&[&path], &out, extra);
    assert!(err.contains(name), "{err}");
    assert!(!out.exists());
    err
}

#[test]
fn every_refusal_names_the_file_what_it_looks_like_and_what_to_do() {
    // The file's name and content, the options given, and what the message must say.
    type Case<'a> = (&'a str, &'a [u8], &'a [&'a str], &'a [&'a str]);
    let cases: [Case; 10] = [
        (
            "data.parquet",
            b"PAR1\x15\x04",
            &[],
            &["not a Parquet file speechstat can read", "cut short"],
        ),
        (
            "data.txt",
            b"PAR1\x15\x04\x15\x00",
            &[],
            &["not a Parquet file speechstat can read"],
        ),
        (
            "notes.xml",
            b"<?xml version=\"1.0\"?><root/>",
            &[],
            &["XML but not TEI"],
        ),
        (
            "rows.txt",
            b"{\"text\": \"Peace.\"}\n{\"text\": \"War.\"}\n",
            &[],
            &["JSON Lines", ".jsonl"],
        ),
        (
            "array.txt",
            b"[{\"text\": \"Peace.\"}]",
            &[],
            &["JSON array", ".json"],
        ),
        (
            "table.txt",
            b"id\tspeaker\ttext\n1\tA\tPeace.\n",
            &[],
            &["table with a header", "--delimiter tab"],
        ),
        (
            "lists.jsonl",
            b"{\"text\": \"a\", \"tags\": [\"x\"]}\n",
            &[],
            &["line 1", "\"tags\" holds a list"],
        ),
        (
            "no_text.csv",
            b"id,body\n1,Peace.\n",
            &[],
            &["no column \"text\"", "--text-column NAME", "id, body"],
        ),
        (
            "no_id.jsonl",
            b"{\"text\": \"a\"}\n",
            &["--id-column", "key"],
            &["no field \"key\" for --id-column"],
        ),
        (
            "descr_114.txt",
            b"speech_id|date\n1|20150101\n",
            &[],
            &["speech descriptions", "speeches_NNN.txt"],
        ),
    ];
    for (name, content, extra, expected) in cases {
        let err = refused(name, content, extra);
        for part in expected {
            assert!(err.contains(part), "{name}: {part:?} not in {err}");
        }
    }
}

#[test]
fn an_option_that_fits_no_input_is_an_error_naming_it() {
    let folder = repo().join("corpus");
    let cases: [(&[&str], &str); 4] = [
        (
            &["--text-column", "text"],
            "--text-column: names the text column of a table",
        ),
        (&["--id-column", "id"], "--id-column: names the id column"),
        (&["--delimiter", "|"], "--delimiter: separates the fields"),
        (
            &["--unit", "sitting"],
            "--unit: sitting keeps one document per ParlaMint sitting",
        ),
    ];
    for (extra, expected) in cases {
        let out = tempfile::tempdir().unwrap();
        let err = analyze_fails(&[&folder], &out.path().join("out"), extra);
        assert!(
            err.contains(expected) && err.contains("hold none"),
            "{extra:?}: {err}"
        );
    }
    let output = crate::helpers::speechstat(&["analyze", "corpus", "--metadata", "x.csv"]);
    assert_eq!(
        output.status.code(),
        Some(2),
        "--metadata needs --id-column"
    );
}

#[test]
fn structured_files_in_a_folder_are_skipped_with_what_they_look_like() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("speeches");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("a.txt"), "Peace and security for all.").unwrap();
    std::fs::write(folder.join("b.txt"), "{\"text\": \"hidden\"}\n").unwrap();
    std::fs::write(folder.join("rows.csv"), "text\nhidden\n").unwrap();
    let out = dir.path().join("out");
    let output = analyze_ok(&[&folder], &out, &[]);
    assert_eq!(documents(&out).column("doc_id"), ["a"]);
    let err = stderr(&output);
    assert!(err.contains("b.txt: looks like JSON Lines"), "{err}");
    assert!(
        err.contains("1 tables or JSON files in this folder were not read"),
        "{err}"
    );
}
