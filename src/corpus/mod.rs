//! Reading a corpus: inputs -> sources (files, manifest rows, CSV rows) -> decoded text ->
//! speeches (UN record headings) -> cleaned documents with metadata and stable ids.

mod clean;
mod decode;
mod discover;
mod limited;
mod manifest;
mod record;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

pub use clean::{clean_body, Cleaned};
pub use decode::{decode, Decoded, Encoding};
pub(crate) use limited::read_limited;
pub use record::{parse_heading_line, split_records};
use record::{Heading, Record};

use crate::columns;
use crate::error::{Error, Result, Warning};
use discover::Source;

/// How to read the inputs.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// A manifest that defines the corpus, instead of the inputs.
    pub manifest: Option<PathBuf>,
    /// The text column of CSV inputs.
    pub text_column: Option<String>,
    /// Keep `[Laughter]`-style annotations in the text.
    pub keep_annotations: bool,
    /// Read manifest rows that name files outside the manifest's folder (`../x.txt`, an
    /// absolute path), and symbolic links out of an input folder without a warning.
    pub allow_outside: bool,
}

/// One speech.
#[derive(Debug, Clone)]
pub struct Document {
    /// Unique and stable: derived from the file path (plus the speech's position in a file
    /// holding several).
    pub id: String,
    /// The file it came from (`path:line` for a CSV row).
    pub source: String,
    /// Values aligned with [`Corpus::metadata_columns`].
    pub metadata: Vec<String>,
    /// How the file's bytes were decoded.
    pub encoding: Encoding,
    /// The cleaned body: paragraphs separated by blank lines.
    pub text: String,
    /// Bracketed annotations (`[Applause]`) left out of `text`.
    pub annotations_removed: u32,
    /// Page-number and document-number lines of printed records left out of `text`.
    pub footer_lines_removed: u32,
}

/// The documents in corpus order, with the names of their metadata columns.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    /// The names of the metadata columns, in order.
    pub metadata_columns: Vec<String>,
    /// The speeches, in corpus order.
    pub documents: Vec<Document>,
    /// Files skipped or read with a fallback; the analysis went on without them.
    pub warnings: Vec<Warning>,
    /// Every file the corpus was read from: manifests, then the files of the speeches, in
    /// corpus order (empty for documents given in memory).
    pub files: Vec<PathBuf>,
}

impl Document {
    /// A speech given as text: its id is also its source, it has no metadata, and its text is
    /// taken as it is (paragraphs separated by blank lines; nothing is cleaned).
    pub fn from_text(id: impl Into<String>, text: impl Into<String>) -> Document {
        let id = id.into();
        Document {
            source: id.clone(),
            id,
            metadata: Vec::new(),
            encoding: Encoding::Utf8,
            text: text.into(),
            annotations_removed: 0,
            footer_lines_removed: 0,
        }
    }
}

impl Corpus {
    /// A corpus of documents already in memory, in the order given. Each document has one
    /// metadata value per column of `metadata_columns`, and every id is unique.
    pub fn new(metadata_columns: Vec<String>, documents: Vec<Document>) -> Result<Corpus> {
        let mut ids = std::collections::HashSet::new();
        for document in &documents {
            if document.metadata.len() != metadata_columns.len() {
                return Err(Error::Document {
                    id: document.id.clone(),
                    message: format!(
                        "has {} metadata values for {} columns; give one value per column",
                        document.metadata.len(),
                        metadata_columns.len()
                    ),
                });
            }
            if !ids.insert(document.id.as_str()) {
                return Err(Error::Document {
                    id: document.id.clone(),
                    message: "is given twice; give each document its own id".into(),
                });
            }
        }
        Ok(Corpus {
            metadata_columns,
            documents,
            warnings: Vec::new(),
            files: Vec::new(),
        })
    }

    /// Index of a metadata column.
    pub fn metadata_index(&self, column: &str) -> Option<usize> {
        self.metadata_columns.iter().position(|c| c == column)
    }

    /// Total bytes of cleaned text.
    pub fn text_bytes(&self) -> usize {
        self.documents.iter().map(|d| d.text.len()).sum()
    }
}

/// Reads every input into a corpus. Fatal problems (a missing input, a broken manifest) are
/// errors; a file that cannot be used is skipped with a warning.
pub fn read_corpus(inputs: &[PathBuf], options: &ReadOptions) -> Result<Corpus> {
    let mut reader = CorpusReader::open(inputs, options)?;
    let mut documents = Vec::new();
    while let Some(batch) = reader.next_batch(usize::MAX) {
        documents.extend(batch);
    }
    let mut corpus = reader.finish()?;
    corpus.documents = documents;
    Ok(corpus)
}

/// The corpus as a stream: the inputs are found and their metadata columns settled when it
/// opens, then the speeches are read a batch of files at a time, so that a caller who
/// tokenizes each batch and drops its texts never holds the whole corpus's text.
pub struct CorpusReader {
    inputs: String,
    options: ReadOptions,
    /// The sources not read yet, in corpus order (reversed: the next one is last).
    pending: Vec<Source>,
    ids: IdAssigner,
    metadata_columns: Vec<String>,
    warnings: Vec<Warning>,
    files: Vec<PathBuf>,
    documents_read: usize,
}

impl CorpusReader {
    /// Finds the inputs' sources (reading manifests and CSV files) without reading the
    /// speeches' files yet.
    pub fn open(inputs: &[PathBuf], options: &ReadOptions) -> Result<CorpusReader> {
        let discovered = discover::discover(inputs, options)?;
        let mut files = discovered.manifests;
        for source in &discovered.sources {
            if files.last().map(PathBuf::as_path) != Some(source.path()) {
                files.push(source.path().to_path_buf());
            }
        }
        let inputs = match &options.manifest {
            Some(manifest) => manifest.display().to_string(),
            None => inputs
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", "),
        };
        let mut pending = discovered.sources;
        pending.reverse();
        Ok(CorpusReader {
            inputs,
            options: options.clone(),
            ids: IdAssigner::new(pending.iter().map(Source::id_base)),
            metadata_columns: metadata_columns(pending.iter().rev().map(Source::metadata)),
            pending,
            warnings: discovered.warnings,
            files,
            documents_read: 0,
        })
    }

    /// The names of the metadata columns every document of the corpus has, in order.
    pub fn metadata_columns(&self) -> &[String] {
        &self.metadata_columns
    }

    /// The sources left to read.
    pub fn remaining(&self) -> usize {
        self.pending.len()
    }

    /// The speeches of the next sources, read in parallel, in corpus order: sources are taken
    /// until their size reaches `max_bytes` (at least one). None when all have been read.
    pub fn next_batch(&mut self, max_bytes: usize) -> Option<Vec<Document>> {
        if self.pending.is_empty() {
            return None;
        }
        let mut sources = Vec::new();
        let mut bytes = 0usize;
        while let Some(source) = self.pending.pop() {
            bytes = bytes.saturating_add(source.size());
            sources.push(source);
            if bytes >= max_bytes {
                break;
            }
        }
        let per_source: Vec<(Vec<Draft>, Vec<Warning>)> = sources
            .into_par_iter()
            .map(|source| read_source(source, &self.options))
            .collect();
        let mut documents = Vec::new();
        for (drafts, warnings) in per_source {
            self.warnings.extend(warnings);
            for draft in drafts {
                let id = self.ids.next(&draft);
                documents.push(draft.into_document(id, &self.metadata_columns));
            }
        }
        self.documents_read += documents.len();
        Some(documents)
    }

    /// The corpus without its documents (the caller kept them): its columns, warnings and
    /// files. An error when no input gave a speech.
    pub fn finish(self) -> Result<Corpus> {
        if self.documents_read == 0 {
            let reason = self.warnings.first().map_or_else(String::new, |w| {
                format!(" ({} files skipped; first: {w})", self.warnings.len())
            });
            return Err(Error::NoDocuments {
                inputs: self.inputs,
                reason,
            });
        }
        Ok(Corpus {
            metadata_columns: self.metadata_columns,
            documents: Vec::new(),
            warnings: self.warnings,
            files: self.files,
        })
    }
}

/// A speech before ids and metadata columns are settled across the corpus.
struct Draft {
    /// The base of the document id: the relative path without extension, or `name:row`
    /// for a CSV row.
    base: String,
    /// Position and count of the speech in its file.
    position: (usize, usize),
    source: String,
    encoding: Encoding,
    metadata: Vec<(String, String)>,
    heading: Option<Heading>,
    cleaned: Cleaned,
}

impl Draft {
    /// The heading fills speaker, country_or_org and language_spoken only where the
    /// manifest or CSV has no such column: a column it has is authoritative, even blank.
    fn into_document(self, id: String, columns: &[String]) -> Document {
        let mut metadata = vec![String::new(); columns.len()];
        let given: Vec<String> = self
            .metadata
            .iter()
            .map(|(name, _)| metadata_name(name))
            .collect();
        for (name, value) in self.metadata {
            let name = metadata_name(&name);
            if let Some(i) = columns.iter().position(|c| *c == name) {
                metadata[i] = value;
            }
        }
        if let Some(heading) = self.heading {
            let parsed = [
                (columns::SPEAKER, heading.speaker),
                (columns::COUNTRY_OR_ORG, heading.country_or_org),
                (columns::LANGUAGE_SPOKEN, heading.language),
            ];
            for (name, value) in parsed {
                if given.iter().any(|g| g == name) {
                    continue;
                }
                if let Some(i) = columns.iter().position(|c| c == name) {
                    metadata[i] = value;
                }
            }
        }
        Document {
            id,
            source: self.source,
            metadata,
            encoding: self.encoding,
            text: self.cleaned.text,
            annotations_removed: self.cleaned.annotations_removed,
            footer_lines_removed: self.cleaned.footer_lines_removed,
        }
    }
}

impl Source {
    fn path(&self) -> &Path {
        match self {
            Source::File { path, .. } | Source::CsvRow { path, .. } => path,
        }
    }

    /// The base of its speeches' ids: the relative path without extension, or `name:row`.
    fn id_base(&self) -> String {
        match self {
            Source::File { relative, .. } => without_extension(relative),
            Source::CsvRow { id_base, .. } => id_base.clone(),
        }
    }

    fn metadata(&self) -> &[(String, String)] {
        match self {
            Source::File { metadata, .. } | Source::CsvRow { metadata, .. } => metadata,
        }
    }

    /// Bytes to read: the file's size (0 when unknown), or the row's text.
    fn size(&self) -> usize {
        match self {
            Source::File { path, .. } => std::fs::metadata(path).map_or(0, |m| m.len() as usize),
            Source::CsvRow { text, .. } => text.len(),
        }
    }
}

fn read_source(source: Source, options: &ReadOptions) -> (Vec<Draft>, Vec<Warning>) {
    let mut warnings = Vec::new();
    let mut row_line = None;
    let (path, source_label, base, text, encoding, metadata) = match source {
        Source::File {
            path,
            relative,
            metadata,
        } => {
            if std::fs::metadata(&path).is_ok_and(|m| m.len() > limited::MAX_READ_BYTES) {
                warnings.push(Warning::new(
                    &path,
                    "larger than 4 GiB, which speechstat cannot hold as one text; split it into smaller files. Skipped",
                ));
                return (Vec::new(), warnings);
            }
            let bytes = match read_limited(&path) {
                Ok(bytes) => bytes,
                Err(e) => {
                    warnings.push(Warning::new(&path, format!("cannot read ({e}); skipped")));
                    return (Vec::new(), warnings);
                }
            };
            let (text, encoding) = match decode(bytes) {
                Decoded::Text { text, encoding } => (text, encoding),
                Decoded::Binary => {
                    warnings.push(Warning::new(
                        &path,
                        "binary file (or UTF-16 without a byte-order mark), not text; skipped",
                    ));
                    return (Vec::new(), warnings);
                }
            };
            if encoding == Encoding::Windows1252 {
                warnings.push(Warning::new(
                    &path,
                    "not valid UTF-8; read as Windows-1252 (check accented letters)",
                ));
            }
            let label = path.display().to_string();
            (
                path,
                label,
                without_extension(&relative),
                text,
                encoding,
                metadata,
            )
        }
        Source::CsvRow {
            path,
            line,
            id_base,
            text,
            encoding,
            metadata,
        } => {
            let label = format!("{}:{line}", path.display());
            row_line = Some(line);
            (path, label, id_base, text, encoding, metadata)
        }
    };
    let text = normalise_newlines(text);
    let mut records = split_records(&text);
    if records.is_empty() {
        warnings.push(Warning {
            line: row_line,
            ..Warning::new(&path, "has no text; kept as an empty document")
        });
        records.push(Record {
            heading: None,
            body: "",
            line: 1,
        });
    }
    let count = records.len();
    let drafts = records
        .into_iter()
        .enumerate()
        .map(|(index, record)| Draft {
            base: base.clone(),
            position: (index, count),
            source: source_label.clone(),
            encoding,
            metadata: metadata.clone(),
            heading: record.heading,
            cleaned: clean_body(record.body, options.keep_annotations),
        })
        .collect();
    (drafts, warnings)
}

/// CRLF and lone CR become LF; a stray BOM or soft hyphen inside the text is dropped. The
/// text is only copied when something changes.
fn normalise_newlines(text: String) -> String {
    let text = if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    };
    if text.contains(['\u{FEFF}', '\u{AD}']) {
        text.replace(['\u{FEFF}', '\u{AD}'], "")
    } else {
        text
    }
}

/// `speeches/2002-Bush-1.txt` gives `speeches/2002-Bush-1`; a dot in a folder name or at the
/// start of a file name is not an extension.
fn without_extension(relative: &str) -> String {
    let name_start = relative.rfind('/').map_or(0, |s| s + 1);
    match relative.rfind('.') {
        Some(dot) if dot > name_start => relative[..dot].to_owned(),
        _ => relative.to_owned(),
    }
}

/// Ids from id bases: the file name when that is unique in the corpus, else the whole
/// relative path; `#n` (zero-padded) numbers the speeches of a file holding several, and
/// `~n` separates anything still equal. Uniqueness is judged over every source found, so a
/// speech's id is known when it is read.
struct IdAssigner {
    bases_by_name: HashMap<String, Vec<String>>,
    used: HashMap<String, usize>,
}

impl IdAssigner {
    fn new(bases: impl Iterator<Item = String>) -> IdAssigner {
        let mut bases_by_name: HashMap<String, Vec<String>> = HashMap::new();
        for base in bases {
            let entry = bases_by_name
                .entry(file_name(&base).to_owned())
                .or_default();
            if !entry.contains(&base) {
                entry.push(base);
            }
        }
        IdAssigner {
            bases_by_name,
            used: HashMap::new(),
        }
    }

    /// The id of the next speech, in corpus order.
    fn next(&mut self, draft: &Draft) -> String {
        let name = file_name(&draft.base);
        let mut id = if self.bases_by_name.get(name).is_some_and(|b| b.len() == 1) {
            name.to_owned()
        } else {
            draft.base.clone()
        };
        let (index, count) = draft.position;
        if count > 1 {
            let width = count.to_string().len();
            id = format!("{id}#{:0width$}", index + 1);
        }
        let seen = self.used.entry(id.clone()).or_insert(0);
        *seen += 1;
        if *seen > 1 {
            id = format!("{id}~{seen}");
        }
        id
    }
}

fn file_name(base: &str) -> &str {
    base.rsplit('/').next().unwrap_or(base)
}

/// Columns the tables compute themselves; metadata with these names is renamed `meta_<name>`.
const COMPUTED_COLUMNS: [&str; 8] = [
    columns::DOC_ID.name,
    columns::SOURCE.name,
    columns::ENCODING.name,
    columns::N_TOKENS.name,
    columns::N_TYPES.name,
    columns::N_SENTENCES.name,
    columns::N_ANNOTATIONS.name,
    columns::N_FOOTER_LINES.name,
];

fn metadata_name(name: &str) -> String {
    if COMPUTED_COLUMNS.contains(&name) {
        format!("meta_{name}")
    } else {
        name.to_owned()
    }
}

/// The union of all metadata columns in order of first appearance, plus the columns a speech
/// heading fills (speaker, country_or_org, language_spoken).
fn metadata_columns<'a>(sources: impl Iterator<Item = &'a [(String, String)]>) -> Vec<String> {
    let mut columns: Vec<String> = Vec::new();
    for metadata in sources {
        for (name, _) in metadata {
            let name = metadata_name(name);
            if !columns.contains(&name) {
                columns.push(name);
            }
        }
    }
    for parsed in [
        columns::SPEAKER,
        columns::COUNTRY_OR_ORG,
        columns::LANGUAGE_SPOKEN,
    ] {
        if !columns.iter().any(|c| c == parsed) {
            columns.push(parsed.to_owned());
        }
    }
    columns
}

/// Reads a whole file as text the way the corpus reader does (for stopword lists and tests).
pub fn read_text_file(path: &Path) -> Result<(String, Encoding)> {
    let bytes = read_limited(path).map_err(|e| Error::read(path, e))?;
    match decode(bytes) {
        Decoded::Text { text, encoding } => Ok((normalise_newlines(text), encoding)),
        Decoded::Binary => Err(Error::Read {
            path: path.to_path_buf(),
            source: std::io::Error::new(std::io::ErrorKind::InvalidData, "binary file, not text"),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(relative: &str, position: (usize, usize)) -> Draft {
        Draft {
            base: without_extension(relative),
            position,
            source: relative.into(),
            encoding: Encoding::Utf8,
            metadata: Vec::new(),
            heading: None,
            cleaned: clean_body("", false),
        }
    }

    fn assign_ids(drafts: &[Draft]) -> Vec<String> {
        let mut ids = IdAssigner::new(drafts.iter().map(|d| d.base.clone()));
        drafts.iter().map(|d| ids.next(d)).collect()
    }

    #[test]
    fn ids_are_file_names_when_unique_else_paths() {
        let drafts = [
            draft("speeches/2002-Bush.txt", (0, 1)),
            draft("a/same.txt", (0, 1)),
            draft("b/same.txt", (0, 1)),
            draft("S_PV.7847.md", (0, 2)),
            draft("S_PV.7847.md", (1, 2)),
            draft("noext", (0, 1)),
        ];
        assert_eq!(
            assign_ids(&drafts),
            [
                "2002-Bush",
                "a/same",
                "b/same",
                "S_PV.7847#1",
                "S_PV.7847#2",
                "noext"
            ]
        );
    }

    #[test]
    fn identical_paths_from_two_inputs_stay_unique() {
        let drafts = [draft("x.txt", (0, 1)), draft("x.txt", (0, 1))];
        assert_eq!(assign_ids(&drafts), ["x", "x~2"]);
    }

    #[test]
    fn newlines_and_invisible_marks_are_normalised() {
        assert_eq!(
            normalise_newlines("a\r\nb\rc\u{FEFF}d\u{AD}e".into()),
            "a\nb\ncde"
        );
    }
}
