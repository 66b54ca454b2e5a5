//! What a file is, from its name and its first bytes: prose, a table of speeches, a ParlaMint
//! sitting or one of its side files, a Congressional Record file, or Parquet. The one place a
//! format is recognised, so that a structured file is never read as prose: it is read as what
//! it is, or refused with a message naming what it looks like and what reads it.

use std::borrow::Cow;
use std::io::Read;
use std::path::Path;

use super::table::TableKind;
use super::ReadOptions;
use crate::error::{Error, Result};

/// The bytes looked at to recognise a file's content.
const HEAD_BYTES: usize = 8192;

/// What a file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Speeches as text (.txt, .md).
    Prose,
    /// One speech per row.
    Table(TableKind),
    /// A ParlaMint sitting as TEI XML.
    ParlaMintTei,
    /// A ParlaMint corpus root (`teiCorpus`), which names its sittings.
    ParlaMintRoot,
    /// A ParlaMint sitting as plain text (`id<TAB>text` per utterance).
    ParlaMintText,
    /// `speeches_NNN.txt` of the Congressional Record.
    CongressSpeeches,
    /// A file read with others: ParlaMint's `-meta.tsv`, `-listPerson.xml`, `-listOrg.xml`
    /// and taxonomies, the Congressional Record's `descr_NNN.txt` and `NNN_SpeakerMap.txt`.
    Companion(&'static str),
}

/// A file's format from its name alone, where the name settles it.
pub fn by_name(path: &Path) -> Option<Format> {
    let name = path.file_name()?.to_str()?;
    let lower = name.to_ascii_lowercase();
    if lower.ends_with("-meta.tsv") {
        return Some(Format::Companion(
            "ParlaMint's speaker metadata of a sitting",
        ));
    }
    if lower.starts_with("parlamint")
        && lower.ends_with(".xml")
        && (lower.contains("-list") || lower.contains("taxonomy"))
    {
        return Some(Format::Companion(
            "a ParlaMint list of persons, parties or categories",
        ));
    }
    if let Some(number) = lower
        .strip_prefix("speeches_")
        .and_then(|r| r.strip_suffix(".txt"))
    {
        if is_number(number) {
            return Some(Format::CongressSpeeches);
        }
    }
    if let Some(number) = lower
        .strip_prefix("descr_")
        .and_then(|r| r.strip_suffix(".txt"))
    {
        if is_number(number) {
            return Some(Format::Companion(
                "the Congressional Record's speech descriptions",
            ));
        }
    }
    if let Some(number) = lower.strip_suffix("_speakermap.txt") {
        if is_number(number) {
            return Some(Format::Companion("the Congressional Record's speaker map"));
        }
    }
    if lower.starts_with("parlamint") && lower.ends_with(".txt") {
        return Some(Format::ParlaMintText);
    }
    None
}

fn is_number(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())
}

/// The format of a file named as an input (not found in a folder): by its name, its
/// extension, then its content. `--delimiter` makes a file of any other extension a
/// delimited table.
pub fn of_input(path: &Path, options: &ReadOptions) -> Result<Format> {
    if let Some(format) = by_name(path) {
        return Ok(format);
    }
    let head = head(path)?;
    if is_parquet(path, &head) {
        return Ok(Format::Table(TableKind::Parquet));
    }
    let extension = extension(path);
    let format = match extension.as_str() {
        "csv" => Format::Table(TableKind::Delimited(options.delimiter.unwrap_or(b','))),
        "tsv" | "tab" => Format::Table(TableKind::Delimited(options.delimiter.unwrap_or(b'\t'))),
        "jsonl" | "ndjson" => Format::Table(TableKind::JsonLines),
        "json" => json_kind(&head),
        "xml" => xml_kind(path, &head)?,
        _ if options.delimiter.is_some() => {
            Format::Table(TableKind::Delimited(options.delimiter.unwrap_or(b',')))
        }
        _ => {
            refuse_structured_prose(path, &head)?;
            Format::Prose
        }
    };
    Ok(format)
}

/// The format of a file found while walking a folder: prose and ParlaMint or Congressional
/// Record files by name; tables and other files are not read from folders (None).
pub fn in_folder(path: &Path) -> Result<Option<Format>> {
    if let Some(format) = by_name(path) {
        return Ok(Some(format));
    }
    match extension(path).as_str() {
        "txt" | "md" => Ok(Some(Format::Prose)),
        "xml" => {
            let head = head(path)?;
            match xml_kind(path, &head) {
                Ok(format) => Ok(Some(format)),
                // Other XML beside a corpus (a schema, a listing) is not a speech.
                Err(_) => Ok(None),
            }
        }
        _ => Ok(None),
    }
}

/// Whether a folder's file is a table or Parquet, which a folder walk leaves to be named as an
/// input.
pub fn is_table_name(path: &Path) -> bool {
    matches!(
        extension(path).as_str(),
        "csv" | "tsv" | "tab" | "jsonl" | "ndjson" | "json" | "parquet"
    )
}

fn extension(path: &Path) -> String {
    path.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default()
}

fn head(path: &Path) -> Result<Vec<u8>> {
    let mut file = std::fs::File::open(path).map_err(|e| Error::read(path, e))?;
    let mut head = Vec::with_capacity(HEAD_BYTES);
    file.by_ref()
        .take(HEAD_BYTES as u64)
        .read_to_end(&mut head)
        .map_err(|e| Error::read(path, e))?;
    Ok(head)
}

/// Parquet files start with the magic bytes `PAR1`.
fn is_parquet(path: &Path, head: &[u8]) -> bool {
    head.starts_with(b"PAR1") || extension(path) == "parquet"
}

/// `.json` holding an array is a JSON array; otherwise it is read as JSON Lines.
fn json_kind(head: &[u8]) -> Format {
    let text = String::from_utf8_lossy(head);
    let text = text.trim_start_matches('\u{FEFF}').trim_start();
    if text.starts_with('[') {
        Format::Table(TableKind::JsonArray)
    } else {
        Format::Table(TableKind::JsonLines)
    }
}

/// ParlaMint TEI: a sitting (`<TEI`) or a corpus root (`<teiCorpus`); other XML is refused.
fn xml_kind(path: &Path, head: &[u8]) -> Result<Format> {
    let text = String::from_utf8_lossy(head);
    if text.contains("<teiCorpus") {
        return Ok(Format::ParlaMintRoot);
    }
    if text.contains("<TEI") {
        return Ok(Format::ParlaMintTei);
    }
    Err(refusal(
        path,
        "is XML but not TEI; speechstat reads ParlaMint's TEI (a <TEI> sitting with <u> \
         utterances); export the speeches as text, CSV or JSON Lines",
    ))
}

/// A prose file found in a folder or listed by a manifest whose content turns out to be
/// structured (or Parquet): the warning that skips it.
pub fn refusal_of_prose(path: &Path, bytes: &[u8]) -> Option<crate::error::Warning> {
    let head = &bytes[..bytes.len().min(HEAD_BYTES)];
    let refused =
        refuse_parquet_magic(path, head).and_then(|()| refuse_structured_prose(path, head));
    match refused {
        Err(Error::Format { message, .. }) => Some(crate::error::Warning::new(
            path,
            format!("{message}. Skipped"),
        )),
        _ => None,
    }
}

/// Parquet found in a folder under a text name: a table, which a folder walk does not read.
fn refuse_parquet_magic(path: &Path, head: &[u8]) -> Result<()> {
    if head.starts_with(b"PAR1") {
        return Err(refusal(
            path,
            "is a Parquet file, not prose; give it as an input (named .parquet) to read one \
             speech per row",
        ));
    }
    Ok(())
}

/// A .txt or .md file whose start is JSON, XML or a delimited table with a header is refused
/// rather than counted as words of a speech.
fn refuse_structured_prose(path: &Path, head: &[u8]) -> Result<()> {
    match sniff(head) {
        Some(Looks::JsonLines) => Err(refusal(
            path,
            "looks like JSON Lines (a JSON object per line), not prose; name it .jsonl to \
             read one speech per object",
        )),
        Some(Looks::JsonArray) => Err(refusal(
            path,
            "looks like a JSON array of objects, not prose; name it .json to read one speech \
             per object",
        )),
        Some(Looks::Xml) => Err(refusal(
            path,
            "looks like XML, not prose; name it .xml if it is ParlaMint TEI, else export the \
             speeches as text",
        )),
        Some(Looks::Delimited { delimiter, columns }) => Err(refusal(
            path,
            &format!(
                "looks like a table with a header ({} between the columns {}), not prose; \
                 pass --delimiter {} (and --text-column NAME) to read one speech per row",
                delimiter_name(delimiter),
                columns,
                delimiter_flag(delimiter)
            ),
        )),
        None => Ok(()),
    }
}

fn refusal(path: &Path, message: &str) -> Error {
    Error::Format {
        path: path.to_path_buf(),
        message: message.to_owned(),
    }
}

fn delimiter_name(delimiter: u8) -> &'static str {
    match delimiter {
        b'\t' => "tabs",
        b',' => "commas",
        b';' => "semicolons",
        _ => "pipes",
    }
}

fn delimiter_flag(delimiter: u8) -> String {
    match delimiter {
        b'\t' => "tab".into(),
        b => format!("'{}'", b as char),
    }
}

/// What the start of a text file looks like, when it is structured.
#[derive(Debug, PartialEq, Eq)]
pub enum Looks {
    JsonLines,
    JsonArray,
    Xml,
    Delimited { delimiter: u8, columns: String },
}

/// Recognises structured text from its first bytes (a speech file never looks like this):
/// a first line that is a JSON object, `[` then `{`, an XML declaration or TEI root, or a
/// header of short names followed by rows with as many fields.
pub fn sniff(head: &[u8]) -> Option<Looks> {
    // What `from_utf8_lossy` gives, checked the quick way first: most heads are valid.
    let text = match std::str::from_utf8(head) {
        Ok(text) => Cow::Borrowed(text),
        Err(_) => String::from_utf8_lossy(head),
    };
    let text = text.trim_start_matches('\u{FEFF}');
    let trimmed = text.trim_start();
    if trimmed.starts_with("<?xml") || trimmed.starts_with("<TEI") {
        return Some(Looks::Xml);
    }
    if let Some(rest) = trimmed.strip_prefix('[') {
        if rest.trim_start().starts_with('{') {
            return Some(Looks::JsonArray);
        }
    }
    let first_line = trimmed.lines().next().unwrap_or("");
    if first_line.starts_with('{')
        && serde_json::from_str::<serde_json::Value>(first_line).is_ok_and(|v| v.is_object())
    {
        return Some(Looks::JsonLines);
    }
    delimited(text)
}

/// At most this many lines are compared with the header.
const SNIFF_LINES: usize = 10;

fn delimited(text: &str) -> Option<Looks> {
    // The last line of the head may be cut short.
    let complete = match text.rfind('\n') {
        Some(end) if text.len() >= HEAD_BYTES - 4 => &text[..end],
        _ => text,
    };
    let first_line = complete.lines().next().unwrap_or("");
    for delimiter in [b'\t', b'|', b';', b','] {
        // Without quotes, the header is the first line cut at the delimiter: prose is told
        // from a table without building a reader for it (which costs more than the test).
        if !first_line.contains('"') {
            let mut fields = first_line.split(delimiter as char);
            let columns = fields.clone().count();
            if columns < 2 || !fields.all(is_column_name) {
                continue;
            }
        }
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            .from_reader(complete.as_bytes());
        let mut records = reader.records().take(SNIFF_LINES + 1);
        let Some(Ok(header)) = records.next() else {
            continue;
        };
        if header.len() < 2 || !header.iter().all(is_column_name) {
            continue;
        }
        let mut rows = 0;
        let mut consistent = true;
        for record in records {
            match record {
                Ok(r) if r.len() == header.len() => rows += 1,
                _ => {
                    consistent = false;
                    break;
                }
            }
        }
        if consistent && rows >= 1 {
            return Some(Looks::Delimited {
                delimiter,
                columns: header.iter().collect::<Vec<_>>().join(", "),
            });
        }
    }
    None
}

/// A column name: short, a letter first, then letters, digits, `_`, `-`, `.` or spaces.
fn is_column_name(field: &str) -> bool {
    let field = field.trim();
    field.len() <= 40
        && field.chars().next().is_some_and(char::is_alphabetic)
        && field
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | ' '))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn structured_text_is_recognised_and_prose_is_not() {
        let cases: [(&str, Option<&str>); 10] = [
            ("{\"text\": \"a\"}\n{\"text\": \"b\"}\n", Some("jsonl")),
            ("[\n  {\"text\": \"a\"}\n]", Some("array")),
            ("[Applause] Thank you.\n", None),
            ("<?xml version=\"1.0\"?><TEI>", Some("xml")),
            ("id\tspeaker\ttext\n1\tA\tPeace.\n", Some("delimited")),
            (
                "speech_id|speech\n1|Mr. Speaker, I rise.\n",
                Some("delimited"),
            ),
            ("id,text\n1,\"Peace, and more.\"\n", Some("delimited")),
            (
                "Peace, Security, Development\n\nMr. President, I thank you, sir, deeply.\n",
                None,
            ),
            ("Mr. President,\nI thank you.\n", None),
            ("{ this is not json }\n", None),
        ];
        for (text, expected) in cases {
            let looks = sniff(text.as_bytes()).map(|l| match l {
                Looks::JsonLines => "jsonl",
                Looks::JsonArray => "array",
                Looks::Xml => "xml",
                Looks::Delimited { .. } => "delimited",
            });
            assert_eq!(looks, expected, "{text:?}");
        }
    }

    #[test]
    fn file_names_of_parlamint_and_the_congressional_record_are_known() {
        let cases = [
            ("speeches_114.txt", Some(Format::CongressSpeeches)),
            (
                "ParlaMint-GB_2017-09-07-commons.txt",
                Some(Format::ParlaMintText),
            ),
            ("speeches.txt", None),
            ("2002-Bush-1.txt", None),
        ];
        for (name, expected) in cases {
            assert_eq!(by_name(Path::new(name)), expected, "{name}");
        }
        assert!(matches!(
            by_name(Path::new("descr_114.txt")),
            Some(Format::Companion(_))
        ));
        assert!(matches!(
            by_name(Path::new("114_SpeakerMap.txt")),
            Some(Format::Companion(_))
        ));
        assert!(matches!(
            by_name(Path::new("ParlaMint-GB_2017-09-07-commons-meta.tsv")),
            Some(Format::Companion(_))
        ));
    }
}
