//! Tables of speeches, one speech per row: delimited text (CSV, TSV, or any one-byte
//! delimiter) with a header, JSON Lines (one object per line), JSON arrays of objects and
//! Parquet (any codec; read a row group at a time, the other columns' values written out as
//! text, nested columns left out with a warning). The
//! text is in one column (`--text-column`, else `text`), an id column (`--id-column`) may
//! give each speech its id, and the other columns are metadata. A JSON field holding an
//! object is flattened into `field.key` columns; one holding a list is refused by name.
//!
//! A table is scanned when the corpus is opened (every row checked, its columns and rows
//! counted, no text kept) and read again when its turn in the stream comes.

use std::path::{Path, PathBuf};

use polars::prelude::DataType;
use serde_json::{Map, Value};

use super::decode::{decode, Decoded, Encoding};
use super::line_numbers::{csv_message, LineNumbers};
use super::manifest::FILE_COLUMN;
use crate::error::{Error, Result, Warning};
use crate::parquet;

/// The text column used when `--text-column` is not given and the table has it.
pub const DEFAULT_TEXT_COLUMN: &str = "text";

/// How a table's rows are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableKind {
    /// Delimited text with a header line; the byte between fields.
    Delimited(u8),
    /// One JSON object per line.
    JsonLines,
    /// One JSON array of objects.
    JsonArray,
    /// A Parquet file.
    Parquet,
}

impl TableKind {
    /// What the rows are called in messages.
    fn rows_are(self) -> &'static str {
        match self {
            TableKind::Delimited(_) => "columns",
            TableKind::JsonLines | TableKind::JsonArray => "fields",
            TableKind::Parquet => "columns",
        }
    }
}

/// A table found and checked, not yet read.
#[derive(Debug, Clone)]
pub struct Table {
    pub path: PathBuf,
    pub kind: TableKind,
    pub encoding: Encoding,
    pub text_column: String,
    pub id_column: Option<String>,
    /// The metadata columns, in order of first appearance (not the text, the id or `file`).
    pub columns: Vec<String>,
    /// Rows (speeches) in the table.
    pub rows: usize,
    /// The part of a Parquet table this source reads: its row groups (a table is read a part
    /// at a time); every row of other tables.
    pub part: Option<parquet::RowGroup>,
    /// A Parquet table's row groups, from its footer (none for other tables).
    pub row_groups: Vec<parquet::RowGroup>,
}

/// One speech of a table.
#[derive(Debug)]
pub struct Row {
    /// `path:line`, or `path[n]` for the n-th object of a JSON array or row of Parquet.
    pub label: String,
    /// Its line in the file, for a table of lines.
    pub line: Option<u64>,
    /// From the id column, else `name:row` (zero-padded to the table's row count).
    pub id: String,
    pub text: String,
    pub metadata: Vec<(String, String)>,
}

/// Checks a table and learns its columns: every row parses, has the text (and id) column,
/// and holds no list. Not UTF-8 is a warning.
pub fn scan(
    path: &Path,
    kind: TableKind,
    text_column: Option<&str>,
    id_column: Option<&str>,
) -> Result<(Table, Vec<Warning>)> {
    if kind == TableKind::Parquet {
        return scan_parquet(path, text_column, id_column, TextType::Text);
    }
    let (text, encoding) = read(path)?;
    let mut warnings = Vec::new();
    if encoding == Encoding::Windows1252 {
        warnings.push(Warning::new(path, "not valid UTF-8; read as Windows-1252"));
    }
    let mut table = Table {
        path: path.to_path_buf(),
        kind,
        encoding,
        text_column: String::new(),
        id_column: id_column.map(str::to_owned),
        columns: Vec::new(),
        rows: 0,
        part: None,
        row_groups: Vec::new(),
    };
    let mut names: Vec<String> = Vec::new();
    let parsed = parse(path, kind, &text, |fields| {
        for (name, _) in &fields.values {
            if !names.contains(name) {
                names.push(name.clone());
            }
        }
        table.rows += 1;
        Ok(())
    })?;
    // A delimited table's header names its columns even when it has no row.
    let known = if parsed.header.is_empty() {
        names
    } else {
        parsed.header
    };
    let chosen = settle_columns(&mut table, known, text_column)?;
    table.text_column = chosen;
    // Rows lacking the text or id field are found now, not halfway through the run.
    table.rows_checked(&text)?;
    Ok((table, warnings))
}

/// Checks that the text column (and the id column, when given) are among `known`, and sets
/// the table's metadata columns to the others; returns the text column.
fn settle_columns(
    table: &mut Table,
    known: Vec<String>,
    text_column: Option<&str>,
) -> Result<String> {
    let path = &table.path;
    let column = table.kind.rows_are().trim_end_matches('s');
    let listed = format!("{}: {}", table.kind.rows_are(), known.join(", "));
    let chosen = text_column.unwrap_or(DEFAULT_TEXT_COLUMN).to_owned();
    if !known.contains(&chosen) {
        let hint = match text_column {
            Some(_) => String::new(),
            None => "; pass --text-column NAME to say which holds the speeches".to_owned(),
        };
        return Err(table_error(
            path,
            format!("no {column} {chosen:?} for the text ({listed}){hint}"),
        ));
    }
    let id_column = table.id_column.as_deref();
    if let Some(id) = id_column {
        if !known.iter().any(|n| n == id) {
            return Err(table_error(
                path,
                format!("no {column} {id:?} for --id-column ({listed})"),
            ));
        }
    }
    table.columns = known
        .into_iter()
        .filter(|n| *n != chosen && Some(n.as_str()) != id_column && n != FILE_COLUMN)
        .collect();
    Ok(chosen)
}

/// What the "text" column of a table must hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TextType {
    /// Text: the speeches.
    Text,
    /// Any value: the ids of a metadata table (read with its id column as the text).
    Any,
}

/// Checks a metadata table (`--metadata`), whose id column is read as its text: as [`scan`],
/// but a Parquet id column may hold numbers.
pub fn scan_metadata(
    path: &Path,
    kind: TableKind,
    id_column: &str,
) -> Result<(Table, Vec<Warning>)> {
    match kind {
        TableKind::Parquet => scan_parquet(path, Some(id_column), None, TextType::Any),
        _ => scan(path, kind, Some(id_column), None),
    }
}

/// Checks a Parquet table from its footer: the text column holds strings (when `text_type`
/// asks for text); nested columns (lists, structs) and binary ones are left out with a
/// warning naming them.
fn scan_parquet(
    path: &Path,
    text_column: Option<&str>,
    id_column: Option<&str>,
    text_type: TextType,
) -> Result<(Table, Vec<Warning>)> {
    let layout = parquet::layout(path)?;
    let mut warnings = Vec::new();
    let (kept, nested): (Vec<_>, Vec<_>) = layout
        .columns
        .iter()
        .partition(|(_, dtype)| !(dtype.is_nested() || matches!(dtype, DataType::Binary)));
    if !nested.is_empty() {
        let names: Vec<&str> = nested.iter().map(|(name, _)| name.as_str()).collect();
        warnings.push(Warning::new(
            path,
            format!(
                "columns {} hold lists, structs or bytes, not one value per speech; left out \
                 of the metadata",
                names.join(", ")
            ),
        ));
    }
    let mut table = Table {
        path: path.to_path_buf(),
        kind: TableKind::Parquet,
        encoding: Encoding::Utf8,
        text_column: String::new(),
        id_column: id_column.map(str::to_owned),
        columns: Vec::new(),
        rows: layout.row_groups.iter().map(|g| g.rows).sum(),
        part: None,
        row_groups: layout.row_groups,
    };
    let known = kept.iter().map(|(name, _)| name.clone()).collect();
    let chosen = settle_columns(&mut table, known, text_column)?;
    let holds = kept
        .iter()
        .find(|(name, _)| *name == chosen)
        .map(|(_, dtype)| dtype);
    if let Some(holds) = holds.filter(|d| text_type == TextType::Text && **d != DataType::String) {
        return Err(table_error(
            path,
            format!(
                "column {chosen:?} holds {holds}, not text; name the text column with \
                 --text-column NAME"
            ),
        ));
    }
    table.text_column = chosen;
    Ok((table, warnings))
}

impl Table {
    /// The table's speeches, in its order.
    pub fn read_rows(&self) -> Result<Vec<Row>> {
        if self.kind == TableKind::Parquet {
            return self.parquet_rows();
        }
        let (text, _) = read(&self.path)?;
        self.rows_of(&text)
    }

    /// A Parquet table cut into parts of about `bytes` compressed bytes (whole row groups), each
    /// read on its own when its turn in the stream comes.
    pub fn parts(mut self, bytes: usize) -> Vec<Table> {
        if self.kind != TableKind::Parquet {
            return vec![self];
        }
        let mut parts = Vec::new();
        let mut current: Option<parquet::RowGroup> = None;
        for group in std::mem::take(&mut self.row_groups) {
            current = Some(match current {
                Some(part) if part.bytes < bytes => parquet::RowGroup {
                    offset: part.offset,
                    rows: part.rows + group.rows,
                    bytes: part.bytes + group.bytes,
                },
                Some(part) => {
                    parts.push(part);
                    group
                }
                None => group,
            });
        }
        parts.extend(current);
        parts
            .into_iter()
            .map(|part| Table {
                part: Some(part),
                ..self.clone()
            })
            .collect()
    }

    /// The base of the ids of rows without an id column: the file's name.
    fn id_stem(&self) -> String {
        self.path
            .file_stem()
            .map_or_else(|| "rows".to_owned(), |s| s.to_string_lossy().into_owned())
    }

    /// The rows of this part of a Parquet table, each value written out as text (a null as
    /// an empty text).
    fn parquet_rows(&self) -> Result<Vec<Row>> {
        let part = self.part.unwrap_or(parquet::RowGroup {
            offset: 0,
            rows: self.rows,
            bytes: 0,
        });
        let mut names = vec![self.text_column.clone()];
        names.extend(self.id_column.iter().cloned());
        names.extend(self.columns.iter().cloned());
        let frame = parquet::read_rows(&self.path, part.offset, part.rows, names)?;
        // Each column's values written out as text; a null is an empty text.
        let as_text = |name: &str| -> Result<Vec<String>> {
            let column = frame
                .column(name)
                .and_then(|c| c.cast(&DataType::String))
                .map_err(|e| table_error(&self.path, format!("column {name:?}: {e}")))?;
            let strings = column
                .str()
                .map_err(|e| table_error(&self.path, format!("column {name:?}: {e}")))?;
            Ok(strings
                .iter()
                .map(|v| v.unwrap_or_default().to_owned())
                .collect())
        };
        let texts = as_text(&self.text_column)?;
        let ids = match &self.id_column {
            Some(column) => Some(as_text(column)?),
            None => None,
        };
        let stem = self.id_stem();
        let width = self.rows.to_string().len();
        let mut rows = Vec::with_capacity(texts.len());
        for (index, text) in texts.into_iter().enumerate() {
            let number = part.offset + index + 1;
            let id = match (&self.id_column, &ids) {
                (Some(column), Some(ids)) => match ids[index].trim() {
                    id if !id.is_empty() => id.to_owned(),
                    _ => {
                        return Err(row_error(
                            &self.path,
                            &format!("row {number}"),
                            format!("the {column:?} value (--id-column) is empty"),
                        ))
                    }
                },
                _ => format!("{stem}:{number:0width$}"),
            };
            rows.push(Row {
                label: format!("{}[{number}]", self.path.display()),
                line: None,
                id,
                text,
                metadata: Vec::with_capacity(self.columns.len()),
            });
        }
        // Column by column, each value moved into its row.
        for name in &self.columns {
            for (row, value) in rows.iter_mut().zip(as_text(name)?) {
                row.metadata.push((name.clone(), value));
            }
        }
        Ok(rows)
    }

    fn rows_checked(&self, text: &str) -> Result<()> {
        self.rows_of(text).map(|_| ())
    }

    fn rows_of(&self, text: &str) -> Result<Vec<Row>> {
        let stem = self.id_stem();
        let width = self.rows.to_string().len();
        let mut rows = Vec::with_capacity(self.rows);
        parse(&self.path, self.kind, text, |fields| {
            let index = rows.len();
            let (label, line) = match self.kind {
                TableKind::JsonArray => (format!("{}[{}]", self.path.display(), index + 1), None),
                _ => (
                    format!("{}:{}", self.path.display(), fields.line),
                    Some(fields.line),
                ),
            };
            let mut text = None;
            let mut id = None;
            let mut metadata = Vec::with_capacity(self.columns.len());
            for (name, value) in fields.values.drain(..) {
                if name == self.text_column {
                    text = Some(value);
                } else if Some(&name) == self.id_column.as_ref() {
                    id = Some(value);
                } else if name != FILE_COLUMN {
                    metadata.push((name, value));
                }
            }
            let Some(text) = text else {
                return Err(row_error(
                    &self.path,
                    &fields.place,
                    format!("no {:?} (--text-column)", self.text_column),
                ));
            };
            if fields.not_text.contains(&self.text_column) {
                return Err(row_error(
                    &self.path,
                    &fields.place,
                    format!(
                        "the {:?} field (--text-column) is {text}, a number or a boolean, not \
                         the text of a speech: write it as a string, or name the text's field \
                         with --text-column",
                        self.text_column
                    ),
                ));
            }
            let id = match (&self.id_column, id) {
                (Some(column), None) => {
                    return Err(row_error(
                        &self.path,
                        &fields.place,
                        format!("no {column:?} (--id-column)"),
                    ))
                }
                (Some(column), Some(id)) if id.trim().is_empty() => {
                    return Err(row_error(
                        &self.path,
                        &fields.place,
                        format!("the {column:?} value (--id-column) is empty"),
                    ))
                }
                (_, Some(id)) => id.trim().to_owned(),
                (None, None) => format!("{stem}:{:0width$}", index + 1),
            };
            rows.push(Row {
                label,
                line,
                id,
                text,
                metadata,
            });
            Ok(())
        })?;
        Ok(rows)
    }
}

fn read(path: &Path) -> Result<(String, Encoding)> {
    let bytes = super::read_limited(path).map_err(|e| Error::read(path, e))?;
    match decode(bytes) {
        Decoded::Text { text, encoding } => Ok((text, encoding)),
        Decoded::Binary => Err(table_error(path, "is not a text file".into())),
    }
}

fn table_error(path: &Path, message: String) -> Error {
    Error::TableCorpus {
        path: path.to_path_buf(),
        message,
    }
}

fn row_error(path: &Path, place: &str, message: String) -> Error {
    table_error(path, format!("{place}: {message}"))
}

/// One row as parsed: its fields by name, in order.
struct Fields {
    line: u64,
    /// `line 12` or `object 3`, for messages.
    place: String,
    values: Vec<(String, String)>,
    /// The fields a JSON row gave as a number or a boolean, not as a string: the text column
    /// may not be one of them.
    not_text: Vec<String>,
}

/// What parsing a whole table learnt besides its rows: a delimited table's header.
struct Parsed {
    header: Vec<String>,
}

/// Parses every row of a table, handing each to `visit`.
fn parse(
    path: &Path,
    kind: TableKind,
    text: &str,
    mut visit: impl FnMut(&mut Fields) -> Result<()>,
) -> Result<Parsed> {
    match kind {
        TableKind::Delimited(delimiter) => parse_delimited(path, delimiter, text, visit),
        TableKind::JsonLines => {
            for (index, line) in text.lines().enumerate() {
                if line.trim().is_empty() {
                    continue;
                }
                let number = index as u64 + 1;
                let place = format!("line {number}");
                let value: Value = serde_json::from_str(line).map_err(|e| {
                    row_error(
                        path,
                        &place,
                        format!("not a JSON object ({e}); JSON Lines hold one object per line"),
                    )
                })?;
                let Flattened { values, not_text } = flatten_object(path, &place, value)?;
                let mut fields = Fields {
                    line: number,
                    values,
                    not_text,
                    place,
                };
                visit(&mut fields)?;
            }
            Ok(Parsed { header: Vec::new() })
        }
        // Read through the columns, by `Table::parquet_rows`.
        TableKind::Parquet => Err(table_error(path, "is Parquet, not text".into())),
        TableKind::JsonArray => {
            let value: Value = serde_json::from_str(text)
                .map_err(|e| table_error(path, format!("is not valid JSON ({e})")))?;
            let Value::Array(objects) = value else {
                return Err(table_error(
                    path,
                    "is one JSON value, not an array of objects (one per speech) nor JSON Lines"
                        .into(),
                ));
            };
            for (index, object) in objects.into_iter().enumerate() {
                let place = format!("object {}", index + 1);
                let Flattened { values, not_text } = flatten_object(path, &place, object)?;
                let mut fields = Fields {
                    line: index as u64 + 1,
                    values,
                    not_text,
                    place,
                };
                visit(&mut fields)?;
            }
            Ok(Parsed { header: Vec::new() })
        }
    }
}

fn parse_delimited(
    path: &Path,
    delimiter: u8,
    text: &str,
    mut visit: impl FnMut(&mut Fields) -> Result<()>,
) -> Result<Parsed> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| row_error(path, "line 1", e.to_string()))?
        .iter()
        .map(|h| h.trim().to_owned())
        .collect();
    let mut record = csv::StringRecord::new();
    let mut lines = LineNumbers::new(text);
    let mut line_of =
        |position: Option<&csv::Position>| position.map_or(0, |p| lines.line_of(p.byte()));
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let line = line_of(record.position());
                let mut fields = Fields {
                    line,
                    place: format!("line {line}"),
                    values: header
                        .iter()
                        .cloned()
                        .zip(record.iter().map(str::to_owned))
                        .collect(),
                    not_text: Vec::new(),
                };
                visit(&mut fields)?;
            }
            Err(e) => {
                let line = line_of(e.position());
                return Err(row_error(path, &format!("line {line}"), csv_message(&e)));
            }
        }
    }
    Ok(Parsed { header })
}

/// A JSON object's fields as text: strings as they are, numbers and booleans written out,
/// null empty, objects flattened (`speaker.name`); a list is an error naming its field.
fn flatten_object(path: &Path, place: &str, value: Value) -> Result<Flattened> {
    let Value::Object(map) = value else {
        return Err(row_error(
            path,
            place,
            "not a JSON object; give one object per speech".into(),
        ));
    };
    let mut fields = Vec::with_capacity(map.len());
    let mut not_text = Vec::new();
    flatten_into(path, place, "", map, &mut fields, &mut not_text)?;
    Ok(Flattened {
        values: fields,
        not_text,
    })
}

/// A JSON object's fields as text, with the names of those given as numbers or booleans.
struct Flattened {
    values: Vec<(String, String)>,
    not_text: Vec<String>,
}

fn flatten_into(
    path: &Path,
    place: &str,
    prefix: &str,
    map: Map<String, Value>,
    fields: &mut Vec<(String, String)>,
    not_text: &mut Vec<String>,
) -> Result<()> {
    for (key, value) in map {
        let name = format!("{prefix}{key}");
        if matches!(value, Value::Bool(_) | Value::Number(_)) {
            not_text.push(name.clone());
        }
        let text = match value {
            Value::Null => String::new(),
            Value::Bool(b) => b.to_string(),
            Value::Number(n) => n.to_string(),
            Value::String(s) => s,
            Value::Object(inner) => {
                flatten_into(path, place, &format!("{name}."), inner, fields, not_text)?;
                continue;
            }
            Value::Array(_) => {
                return Err(row_error(
                    path,
                    place,
                    format!(
                        "field {name:?} holds a list; speechstat reads one value per field \
                         (nested objects become {name}.key columns): write the list as one \
                         string or leave the field out"
                    ),
                ))
            }
        };
        fields.push((name, text));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(name: &str, content: &str) -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(name);
        std::fs::write(&path, content).unwrap();
        (dir, path)
    }

    #[test]
    fn json_lines_fields_become_metadata_and_objects_are_flattened() {
        let (_dir, path) = write(
            "s.jsonl",
            "{\"id\":\"a\",\"text\":\"Peace.\",\"year\":2001,\"speaker\":{\"name\":\"X\",\"party\":\"Y\"},\"ok\":true,\"n\":null}\n\n{\"text\":\"War.\",\"id\":\"b\",\"extra\":1.5}\n",
        );
        let (table, _) = scan(&path, TableKind::JsonLines, None, Some("id")).unwrap();
        assert_eq!(
            table.columns,
            ["year", "speaker.name", "speaker.party", "ok", "n", "extra"]
        );
        let rows = table.read_rows().unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(
            (rows[0].id.as_str(), rows[0].text.as_str()),
            ("a", "Peace.")
        );
        assert_eq!(
            rows[0].metadata[..2],
            [
                ("year".to_owned(), "2001".to_owned()),
                ("speaker.name".to_owned(), "X".to_owned())
            ]
        );
        assert!(rows[1].label.ends_with("s.jsonl:3"), "{}", rows[1].label);
    }

    #[test]
    fn a_list_field_is_refused_by_name() {
        let (_dir, path) = write("s.jsonl", "{\"text\":\"a\",\"tags\":[1,2]}\n");
        let err = scan(&path, TableKind::JsonLines, None, None)
            .unwrap_err()
            .to_string();
        assert!(err.contains("line 1") && err.contains("\"tags\""), "{err}");
    }

    #[test]
    fn ids_default_to_name_and_padded_row() {
        let rows: String = (0..10)
            .map(|i| format!("{{\"text\":\"t{i}\"}}\n"))
            .collect();
        let (_dir, path) = write("gd.jsonl", &rows);
        let (table, _) = scan(&path, TableKind::JsonLines, None, None).unwrap();
        let ids: Vec<String> = table
            .read_rows()
            .unwrap()
            .into_iter()
            .map(|r| r.id)
            .collect();
        assert_eq!(ids[0], "gd:01");
        assert_eq!(ids[9], "gd:10");
    }

    #[test]
    fn pipe_delimited_rows_and_a_missing_text_column() {
        let (_dir, path) = write("p.txt", "id|who|text\n1|A|\"x|y\"\n2|B|z\n");
        let (table, _) = scan(&path, TableKind::Delimited(b'|'), None, Some("id")).unwrap();
        let rows = table.read_rows().unwrap();
        assert_eq!(rows[0].text, "x|y");
        assert_eq!(rows[1].id, "2");
        assert_eq!(table.columns, ["who"]);
        let err = scan(&path, TableKind::Delimited(b'|'), Some("body"), None)
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("\"body\"") && err.contains("id, who, text"),
            "{err}"
        );
    }

    #[test]
    fn a_number_in_the_text_field_is_refused_naming_its_line() {
        let (_dir, path) = write(
            "n.jsonl",
            "{\"text\":\"Peace.\",\"year\":2001}\n{\"text\":5,\"year\":2002}\n",
        );
        let err = scan(&path, TableKind::JsonLines, None, None)
            .and_then(|(table, _)| table.read_rows())
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("n.jsonl") && err.contains("line 2") && err.contains("is 5"),
            "{err}"
        );
    }

    #[test]
    fn a_json_array_gives_one_row_per_object() {
        let (_dir, path) = write("a.json", "[{\"text\":\"a\"},{\"text\":\"b\",\"k\":\"v\"}]");
        let (table, _) = scan(&path, TableKind::JsonArray, None, None).unwrap();
        let rows = table.read_rows().unwrap();
        assert_eq!(rows.len(), 2);
        assert!(rows[1].label.ends_with("a.json[2]"));
        let (_dir, path) = write("o.json", "{\"text\":\"a\"}");
        let err = scan(&path, TableKind::JsonArray, None, None)
            .unwrap_err()
            .to_string();
        assert!(err.contains("not an array"), "{err}");
    }

    #[test]
    fn parquet_is_read_in_parts_with_lists_left_out_and_a_text_column_of_text() {
        use polars::prelude::*;
        use polars_io::prelude::*;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.parquet");
        let tags = Series::new("tags".into(), [1i32, 2]).implode().unwrap();
        let mut frame = DataFrame::new_infer_height(vec![
            Column::new("text".into(), ["Peace.", "War.", "", "Aid."]),
            Column::new("year".into(), [2001i64, 2002, 2003, 2004]),
            Column::new("ok".into(), [Some(true), None, Some(false), Some(true)]),
            Column::new("tags".into(), tags.new_from_index(0, 4)),
        ])
        .unwrap();
        let file = std::fs::File::create(&path).unwrap();
        ParquetWriter::new(file)
            .with_row_group_size(Some(1))
            .finish(&mut frame)
            .unwrap();
        let (table, warnings) = scan(&path, TableKind::Parquet, None, None).unwrap();
        assert_eq!(table.columns, ["year", "ok"]);
        assert!(warnings[0].message.contains("columns tags hold lists"));
        let parts = table.parts(1);
        assert_eq!(parts.len(), 4);
        let rows: Vec<Row> = parts
            .iter()
            .flat_map(|part| part.read_rows().unwrap())
            .collect();
        assert_eq!(rows.len(), 4);
        assert_eq!(
            (rows[1].id.as_str(), rows[1].text.as_str()),
            ("s:2", "War.")
        );
        assert_eq!(
            rows[1].metadata,
            [
                ("year".to_owned(), "2002".to_owned()),
                ("ok".to_owned(), String::new())
            ]
        );
        assert!(rows[3].label.ends_with("s.parquet[4]"), "{}", rows[3].label);
        let err = scan(&path, TableKind::Parquet, Some("year"), None)
            .unwrap_err()
            .to_string();
        assert!(err.contains("\"year\" holds i64, not text"), "{err}");
    }
}
