//! Reading a corpus: inputs -> sources (files, manifest rows, tables, ParlaMint sittings,
//! Congressional Record volumes) -> decoded text -> speeches (UN record headings, rows,
//! utterances) -> cleaned documents with metadata (dates read, a metadata table joined) and
//! stable ids.

mod clean;
mod congress;
mod dates;
mod decode;
mod discover;
mod format;
mod join;
mod limited;
mod line_numbers;
mod lines;
mod manifest;
mod mojibake;
mod named_files;
mod parlamint;
mod record;
mod resolve;
mod selection;
mod subset;
mod table;
mod tei;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

pub use clean::{clean_body, Cleaned};
pub use decode::{decode, Decoded, Encoding};
pub(crate) use limited::read_limited;
pub use record::{parse_heading_line, split_records};
use record::{Heading, Record};
pub use selection::Selection;
pub use subset::{Comparison, Condition, Subset};

use crate::columns;
use crate::error::{Error, Result, Warning};
use dates::{NotUnderstood, DATE_COLUMN, YEAR_COLUMN};
use discover::Source;
use join::MetadataJoin;
use table::TableKind;

/// How to read the inputs.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// A manifest that defines the corpus, instead of the inputs.
    pub manifest: Option<PathBuf>,
    /// The text column of tables (default: `text`).
    pub text_column: Option<String>,
    /// The column of tables (and of the `metadata` table) that gives each speech its id.
    pub id_column: Option<String>,
    /// The byte between the fields of delimited tables, whatever their extension.
    pub delimiter: Option<u8>,
    /// A table of metadata joined to the speeches by `id_column`.
    pub metadata: Option<PathBuf>,
    /// What a ParlaMint document is: an utterance or a whole sitting.
    pub unit: Unit,
    /// Keep `[Laughter]`-style annotations (and ParlaMint's transcriber notes) in the text.
    pub keep_annotations: bool,
    /// Read manifest rows that name files outside the manifest's folder (`../x.txt`, an
    /// absolute path), and symbolic links out of an input folder without a warning.
    pub allow_outside: bool,
    /// `--where`: only the speeches that meet every condition are kept.
    pub conditions: Vec<Condition>,
}

/// What one document of a ParlaMint corpus is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Unit {
    /// One utterance, one speaker.
    #[default]
    Speech,
    /// A whole sitting, its utterances as paragraphs.
    Sitting,
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
    /// Mojibake sequences (`â€”` for `—`) repaired in `text`.
    pub mojibake_repaired: u32,
    /// `?` standing for a lost apostrophe (`Taliban?s`) made `'` in `text`.
    pub apostrophes_restored: u32,
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
    /// What `--where` kept, when it was given.
    pub subset: Option<Subset>,
    /// The size and SHA-256 of each file of `files` that was read whole as a text of
    /// speeches, by position in `files` (none for the others): the record of the run need
    /// not read them again.
    pub digests: Vec<Option<FileDigest>>,
}

/// A file's size and SHA-256.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileDigest {
    /// Its size in bytes.
    pub bytes: u64,
    /// The SHA-256 of its bytes.
    pub sha256: [u8; 32],
}

impl FileDigest {
    /// The digest of a file's bytes.
    pub fn of(bytes: &[u8]) -> FileDigest {
        use sha2::{Digest, Sha256};
        FileDigest {
            bytes: bytes.len() as u64,
            sha256: Sha256::digest(bytes).into(),
        }
    }
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
            mojibake_repaired: 0,
            apostrophes_restored: 0,
        }
    }
}

impl Corpus {
    /// A corpus of documents already in memory, in the order given. Each document has one
    /// metadata value per column of `metadata_columns`, and every id is unique.
    pub fn new(metadata_columns: Vec<String>, documents: Vec<Document>) -> Result<Corpus> {
        let mut ids = HashSet::new();
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
            subset: None,
            digests: Vec::new(),
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
    let reader = CorpusReader::open(inputs, options)?;
    reader.check_options()?;
    read_all(reader)
}

/// Reads a corpus to compare with (`--reference`): the reading options of the corpus apply
/// where they fit, so none is an error here.
/// `--where` chooses among the corpus's speeches, not the reference's.
pub(crate) fn read_reference_corpus(inputs: &[PathBuf], options: &ReadOptions) -> Result<Corpus> {
    let options = ReadOptions {
        conditions: Vec::new(),
        ..options.clone()
    };
    read_all(CorpusReader::open(inputs, &options)?)
}

fn read_all(mut reader: CorpusReader) -> Result<Corpus> {
    let mut documents = Vec::new();
    while let Some(batch) = reader.next_batch(usize::MAX)? {
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
    /// The sources not read yet, each with the position in `files` of its first file, in
    /// corpus order (reversed: the next one is last).
    pending: Vec<(usize, Source)>,
    /// What kinds of source were found, for the options that apply to some only.
    kinds: SourceKinds,
    ids: IdAssigner,
    metadata_columns: Vec<String>,
    /// `date` and `year` columns, and whether the year comes from the date.
    dates: Option<DateColumns>,
    join: Option<(MetadataJoin, Vec<usize>)>,
    warnings: Vec<Warning>,
    files: Vec<PathBuf>,
    documents_read: usize,
    /// `--where`'s conditions with the position of their column (None: the id).
    conditions: Vec<(Condition, Option<usize>)>,
    documents_kept: usize,
    /// The repairs of garbled text in the speeches kept.
    repairs: mojibake::Tally,
    /// By position in `files`.
    digests: Vec<Option<FileDigest>>,
}

/// Where a corpus's dates are, and what was not understood in them.
struct DateColumns {
    date: usize,
    /// The year column filled from the date, when the corpus had none.
    year: Option<usize>,
    not_understood: NotUnderstood,
}

/// The kinds of source a corpus was found to have.
#[derive(Debug, Default, Clone, Copy)]
struct SourceKinds {
    tables: bool,
    delimited: bool,
    sittings: bool,
}

impl CorpusReader {
    /// Finds the inputs' sources (reading manifests and CSV files) without reading the
    /// speeches' files yet.
    pub fn open(inputs: &[PathBuf], options: &ReadOptions) -> Result<CorpusReader> {
        let discovered = discover::discover(inputs, options)?;
        let mut files = discovered.manifests;
        let mut pending_files = Vec::with_capacity(discovered.sources.len());
        for source in &discovered.sources {
            let first = files.len();
            for path in source.files() {
                if files.last() != Some(&path) {
                    files.push(path);
                }
            }
            // A source's only file may be the one before it (given again).
            pending_files.push(first.min(files.len().saturating_sub(1)));
        }
        let mut kinds = SourceKinds::default();
        for source in &discovered.sources {
            match source {
                Source::Table(table) => {
                    kinds.tables = true;
                    kinds.delimited |= matches!(table.kind, TableKind::Delimited(_));
                }
                Source::Sitting(_) => kinds.sittings = true,
                Source::File { .. } | Source::Congress(_) => {}
            }
        }
        let join = match (&options.metadata, &options.id_column) {
            (Some(path), Some(id_column)) => {
                files.push(path.clone());
                Some(MetadataJoin::open(path, id_column, options)?)
            }
            (Some(_), None) => {
                return Err(Error::Option {
                    option: "--metadata",
                    message: "name the table's column that holds each speech's id with \
                              --id-column COL"
                        .into(),
                })
            }
            (None, _) => None,
        };
        let inputs = match &options.manifest {
            Some(manifest) => manifest.display().to_string(),
            None => inputs
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", "),
        };
        let pending = discovered.sources;
        let mut metadata_columns = metadata_columns(&pending);
        if let Some(join) = &join {
            for name in &join.columns {
                let name = metadata_name(name);
                if !metadata_columns.contains(&name) {
                    metadata_columns.push(name);
                }
            }
        }
        let dates = date_columns(&mut metadata_columns);
        let join = join.map(|join| {
            let indices = join
                .columns
                .iter()
                .map(|name| {
                    let name = metadata_name(name);
                    metadata_columns
                        .iter()
                        .position(|c| *c == name)
                        .expect("the joined columns were added above")
                })
                .collect();
            (join, indices)
        });
        let conditions = options
            .conditions
            .iter()
            .map(
                |condition| match condition.column_index(&metadata_columns) {
                    Some(index) => Ok((condition.clone(), index)),
                    None => Err(Error::UnknownColumn {
                        option: "--where",
                        column: condition.column.clone(),
                        known: ["doc_id".to_owned()]
                            .iter()
                            .chain(&metadata_columns)
                            .cloned()
                            .collect::<Vec<_>>()
                            .join(", "),
                    }),
                },
            )
            .collect::<Result<_>>()?;
        let ids = IdAssigner::new(pending.iter().filter_map(Source::id_base));
        let mut pending: Vec<(usize, Source)> = pending_files.into_iter().zip(pending).collect();
        pending.reverse();
        let digests = vec![None; files.len()];
        Ok(CorpusReader {
            inputs,
            options: options.clone(),
            kinds,
            ids,
            metadata_columns,
            dates,
            join,
            pending,
            warnings: discovered.warnings,
            files,
            documents_read: 0,
            conditions,
            documents_kept: 0,
            repairs: mojibake::Tally::default(),
            digests,
        })
    }

    /// An error naming an option given that fits none of the inputs (`--text-column` for a
    /// folder of text files): the user meant something else, and should hear so.
    pub fn check_options(&self) -> Result<()> {
        let options = &self.options;
        let not_applied = |option: &'static str, message: &str| Error::Option {
            option,
            message: format!("{message}; the inputs ({}) hold none", self.inputs),
        };
        if options.text_column.is_some() && !self.kinds.tables {
            return Err(not_applied(
                "--text-column",
                "names the text column of a table of speeches (CSV, TSV, JSON Lines)",
            ));
        }
        if options.id_column.is_some() && !self.kinds.tables && options.metadata.is_none() {
            return Err(not_applied(
                "--id-column",
                "names the id column of a table of speeches (CSV, TSV, JSON Lines) or of \
                 --metadata",
            ));
        }
        if options.delimiter.is_some() && !self.kinds.delimited {
            return Err(not_applied(
                "--delimiter",
                "separates the fields of a delimited table given as an input",
            ));
        }
        if options.unit == Unit::Sitting && !self.kinds.sittings {
            return Err(not_applied(
                "--unit",
                "sitting keeps one document per ParlaMint sitting",
            ));
        }
        Ok(())
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
    pub fn next_batch(&mut self, max_bytes: usize) -> Result<Option<Vec<Document>>> {
        if self.pending.is_empty() {
            return Ok(None);
        }
        let mut sources = Vec::new();
        let mut bytes = 0usize;
        while let Some((file, source)) = self.pending.pop() {
            bytes = bytes.saturating_add(source.size());
            sources.push((file, source));
            if bytes >= max_bytes {
                break;
            }
        }
        // The sources taken leave room behind: give it back as the corpus is read, not at
        // the end (about 170 bytes a file: 10 MB for 57,000 files).
        if self.pending.capacity() > self.pending.len() + self.pending.len() / 4 + 1024 {
            self.pending.shrink_to_fit();
        }
        let per_source: Vec<(usize, SourceRead)> = sources
            .into_par_iter()
            .map(|(file, source)| Ok((file, read_source(source, &self.options)?)))
            .collect::<Result<_>>()?;
        let mut documents = Vec::new();
        for (
            file,
            SourceRead {
                drafts,
                warnings,
                digest,
            },
        ) in per_source
        {
            self.warnings.extend(warnings);
            if let Some(slot) = self.digests.get_mut(file) {
                *slot = slot.or(digest);
            }
            for draft in drafts {
                let id = self.ids.next(&draft);
                let mut document = draft.into_document(id, &self.metadata_columns);
                self.complete(&mut document);
                self.documents_read += 1;
                if self.keeps(&document) {
                    self.repairs
                        .add(document.mojibake_repaired, document.apostrophes_restored);
                    documents.push(document);
                }
            }
        }
        self.documents_kept += documents.len();
        Ok(Some(documents))
    }

    /// Whether a document meets every `--where` condition.
    fn keeps(&self, document: &Document) -> bool {
        self.conditions
            .iter()
            .all(|(condition, index)| condition.holds_for(*index, &document.id, &document.metadata))
    }

    /// A document's dates read and its joined metadata filled in.
    fn complete(&mut self, document: &mut Document) {
        if let Some(dates) = &mut self.dates {
            if let Some(date) = dates.not_understood.read(&document.metadata[dates.date]) {
                document.metadata[dates.date] = date.iso();
                if let Some(year) = dates.year {
                    document.metadata[year] = date.year.to_string();
                }
            }
        }
        if let Some((join, indices)) = &mut self.join {
            if let Some(values) = join.row(&document.id) {
                for (&i, value) in indices.iter().zip(values) {
                    document.metadata[i] = value.clone();
                }
            }
        }
    }

    /// The corpus without its documents (the caller kept them): its columns, warnings and
    /// files. An error when no input gave a speech.
    pub fn finish(mut self) -> Result<Corpus> {
        if let Some(dates) = &self.dates {
            let seen = &dates.not_understood;
            if let Some(example) = &seen.example {
                self.warnings.push(Warning::column(
                    DATE_COLUMN,
                    format!(
                        "{} values not understood as dates (2016-12-20, 20161220 or 20 \
                         December 2016), e.g. {example:?}: kept as written{}",
                        seen.count,
                        if dates.year.is_some() {
                            ", without a year"
                        } else {
                            ""
                        }
                    ),
                ));
            }
        }
        if let Some((join, _)) = &self.join {
            self.warnings.push(join.report());
        }
        self.warnings.extend(self.repairs.warnings());
        if self.documents_read == 0 {
            let reason = self.warnings.first().map_or_else(String::new, |w| {
                format!(" ({} files skipped; first: {w})", self.warnings.len())
            });
            return Err(Error::NoDocuments {
                inputs: self.inputs,
                reason,
            });
        }
        let texts: Vec<String> = self
            .conditions
            .iter()
            .map(|(c, _)| c.text.clone())
            .collect();
        if self.documents_kept == 0 && !texts.is_empty() {
            return Err(Error::Option {
                option: "--where",
                message: format!(
                    "{} keeps none of the {} speeches read; check the column's values in \
                     tables/documents.csv of a run without it",
                    texts.join(" and "),
                    self.documents_read
                ),
            });
        }
        let subset = (!texts.is_empty()).then_some(Subset {
            conditions: texts,
            kept: self.documents_kept,
            read: self.documents_read,
        });
        Ok(Corpus {
            metadata_columns: self.metadata_columns,
            documents: Vec::new(),
            warnings: self.warnings,
            files: self.files,
            subset,
            digests: self.digests,
        })
    }
}

/// A speech before ids and metadata columns are settled across the corpus.
struct Draft {
    /// Where its id comes from.
    id: DraftId,
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
            mojibake_repaired: self.cleaned.mojibake_repaired,
            apostrophes_restored: self.cleaned.apostrophes_restored,
        }
    }
}

/// Where a speech's id comes from.
#[derive(Debug, Clone)]
enum DraftId {
    /// A file's relative path without extension: shortened to the file name when that is
    /// unique in the corpus.
    Path(String),
    /// Given by the source (an id column, an utterance id, `name:row`): used as it is.
    Given(String),
}

impl Source {
    /// The files it is read from, the speeches' own first.
    fn files(&self) -> Vec<PathBuf> {
        match self {
            Source::File { path, .. } => vec![path.clone()],
            Source::Table(table) => vec![table.path.clone()],
            Source::Sitting(sitting) => sitting.files(),
            Source::Congress(volume) => volume.files(),
        }
    }

    /// The base of its speeches' ids when they come from its path.
    fn id_base(&self) -> Option<String> {
        match self {
            Source::File { relative, .. } => Some(without_extension(relative)),
            _ => None,
        }
    }

    /// The metadata columns its speeches have, in order.
    fn columns(&self) -> Vec<String> {
        match self {
            Source::File { metadata, .. } => metadata.iter().map(|(k, _)| k.clone()).collect(),
            Source::Table(table) => table.columns.clone(),
            Source::Sitting(sitting) => sitting.columns(),
            Source::Congress(volume) => volume.columns(),
        }
    }

    /// Whether its text may hold UN record headings, which give speaker, country_or_org and
    /// language_spoken.
    fn has_headings(&self) -> bool {
        matches!(self, Source::File { .. } | Source::Table(_))
    }

    /// Bytes to read: the file's size (0 when unknown).
    fn size(&self) -> usize {
        let path = match self {
            Source::File { path, .. } => path,
            Source::Table(table) => match table.part {
                Some(part) => return part.bytes,
                None => &table.path,
            },
            Source::Sitting(sitting) => return sitting.size(),
            Source::Congress(volume) => return volume.size(),
        };
        std::fs::metadata(path).map_or(0, |m| m.len() as usize)
    }
}

/// What one source gave: its speeches, its warnings, and the digest of a text file read whole.
struct SourceRead {
    drafts: Vec<Draft>,
    warnings: Vec<Warning>,
    digest: Option<FileDigest>,
}

impl From<(Vec<Draft>, Vec<Warning>)> for SourceRead {
    fn from((drafts, warnings): (Vec<Draft>, Vec<Warning>)) -> SourceRead {
        SourceRead {
            drafts,
            warnings,
            digest: None,
        }
    }
}

fn read_source(source: Source, options: &ReadOptions) -> Result<SourceRead> {
    match source {
        Source::File {
            path,
            relative,
            metadata,
        } => Ok(read_file(&path, &relative, metadata, options)),
        Source::Table(table) => {
            let mut drafts = Vec::new();
            let mut warnings = Vec::new();
            for row in table.read_rows()? {
                let (mut row_drafts, row_warnings) = split_text(
                    Speech {
                        path: &table.path,
                        label: row.label,
                        line: row.line,
                        id: DraftId::Given(row.id),
                        text: row.text,
                        encoding: table.encoding,
                        metadata: row.metadata,
                    },
                    options,
                );
                drafts.append(&mut row_drafts);
                warnings.extend(row_warnings);
            }
            Ok((drafts, warnings).into())
        }
        Source::Sitting(sitting) => {
            let speeches = sitting.read(options.keep_annotations)?;
            let drafts = speeches
                .into_iter()
                .map(|speech| {
                    let mut cleaned =
                        clean_body(&normalise_newlines(speech.text), options.keep_annotations);
                    cleaned.annotations_removed += speech.marks;
                    Draft {
                        id: DraftId::Given(speech.id),
                        position: (0, 1),
                        source: speech.label,
                        encoding: Encoding::Utf8,
                        metadata: speech.metadata,
                        heading: None,
                        cleaned,
                    }
                })
                .collect();
            Ok((drafts, Vec::new()).into())
        }
        Source::Congress(volume) => {
            let (speeches, encoding) = volume.read()?;
            let label = volume.speeches.display().to_string();
            let drafts = speeches
                .into_iter()
                .map(|speech| Draft {
                    id: DraftId::Given(speech.id),
                    position: (0, 1),
                    source: format!("{label}:{}", speech.line),
                    encoding,
                    metadata: speech.metadata,
                    heading: None,
                    cleaned: clean_body(&normalise_newlines(speech.text), options.keep_annotations),
                })
                .collect();
            Ok((drafts, Vec::new()).into())
        }
    }
}

/// A prose file: decoded, refused if it turns out structured, split at its speech headings;
/// with the digest of its bytes when it could be read.
fn read_file(
    path: &Path,
    relative: &str,
    metadata: Vec<(String, String)>,
    options: &ReadOptions,
) -> SourceRead {
    let mut warnings = Vec::new();
    if std::fs::metadata(path).is_ok_and(|m| m.len() > limited::MAX_READ_BYTES) {
        warnings.push(Warning::new(
            path,
            "larger than 4 GiB, which speechstat cannot hold as one text; split it into smaller files. Skipped",
        ));
        return (Vec::new(), warnings).into();
    }
    let bytes = match read_limited(path) {
        Ok(bytes) => bytes,
        Err(e) => {
            warnings.push(Warning::new(path, format!("cannot read ({e}); skipped")));
            return (Vec::new(), warnings).into();
        }
    };
    let digest = Some(FileDigest::of(&bytes));
    if let Some(refusal) = format::refusal_of_prose(path, &bytes) {
        warnings.push(refusal);
        return SourceRead {
            digest,
            ..(Vec::new(), warnings).into()
        };
    }
    let (text, encoding) = match decode(bytes) {
        Decoded::Text { text, encoding } => (text, encoding),
        Decoded::Binary => {
            warnings.push(Warning::new(
                path,
                "binary file (or UTF-16 without a byte-order mark), not text; skipped",
            ));
            return SourceRead {
                digest,
                ..(Vec::new(), warnings).into()
            };
        }
    };
    if encoding == Encoding::Windows1252 {
        warnings.push(Warning::new(
            path,
            "not valid UTF-8; read as Windows-1252 (check accented letters)",
        ));
    }
    let (drafts, more) = split_text(
        Speech {
            path,
            label: path.display().to_string(),
            line: None,
            id: DraftId::Path(without_extension(relative)),
            text,
            encoding,
            metadata,
        },
        options,
    );
    warnings.extend(more);
    SourceRead {
        drafts,
        warnings,
        digest,
    }
}

/// A text that may hold several speeches, with where it came from.
struct Speech<'a> {
    path: &'a Path,
    label: String,
    /// Its line in the file, for a row of a table of lines.
    line: Option<u64>,
    id: DraftId,
    text: String,
    encoding: Encoding,
    metadata: Vec<(String, String)>,
}

/// Splits a text at its UN record headings into cleaned drafts; an empty text is kept as an
/// empty document, with a warning.
fn split_text(speech: Speech<'_>, options: &ReadOptions) -> (Vec<Draft>, Vec<Warning>) {
    let mut warnings = Vec::new();
    let text = normalise_newlines(speech.text);
    let mut records = split_records(&text);
    if records.is_empty() {
        warnings.push(Warning {
            line: speech.line,
            ..Warning::new(speech.path, "has no text; kept as an empty document")
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
            id: speech.id.clone(),
            position: (index, count),
            source: speech.label.clone(),
            encoding: speech.encoding,
            metadata: speech.metadata.clone(),
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
    // Two searches for one character each (memchr) are much quicker than one search that
    // decodes every character.
    if !text.contains('\u{FEFF}') && !text.contains('\u{AD}') {
        return text;
    }
    // A soft hyphen after `Ã` may be the second half of a garbled `í` (`Ã\u{AD}`): kept for
    // the mojibake repair of `clean_body`, which drops any left.
    let mut kept = String::with_capacity(text.len());
    let mut previous = None;
    for c in text.chars() {
        if c != '\u{FEFF}' && (c != '\u{AD}' || previous == Some('\u{C3}')) {
            kept.push(c);
        }
        previous = Some(c);
    }
    kept
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
    /// The file names that end more than one base: their speeches' ids keep the whole path.
    /// Only these are kept while reading, not every base by name (two strings a file).
    shared_names: HashSet<String>,
    used: HashMap<String, usize>,
}

impl IdAssigner {
    fn new(bases: impl Iterator<Item = String>) -> IdAssigner {
        let mut first_base: HashMap<String, String> = HashMap::new();
        let mut shared_names = HashSet::new();
        for base in bases {
            let name = file_name(&base);
            match first_base.get(name) {
                None => {
                    first_base.insert(name.to_owned(), base);
                }
                Some(first) if *first != base => {
                    shared_names.insert(name.to_owned());
                }
                Some(_) => {}
            }
        }
        IdAssigner {
            shared_names,
            used: HashMap::new(),
        }
    }

    /// The id of the next speech, in corpus order.
    fn next(&mut self, draft: &Draft) -> String {
        let mut id = match &draft.id {
            DraftId::Given(id) => id.clone(),
            DraftId::Path(base) => {
                let name = file_name(base);
                match self.shared_names.contains(name) {
                    false => name.to_owned(),
                    true => base.clone(),
                }
            }
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
const COMPUTED_COLUMNS: [&str; 10] = [
    columns::DOC_ID.name,
    columns::SOURCE.name,
    columns::ENCODING.name,
    columns::N_TOKENS.name,
    columns::N_TYPES.name,
    columns::N_SENTENCES.name,
    columns::N_ANNOTATIONS.name,
    columns::N_FOOTER_LINES.name,
    columns::N_MOJIBAKE_REPAIRED.name,
    columns::N_APOSTROPHES_RESTORED.name,
];

fn metadata_name(name: &str) -> String {
    if COMPUTED_COLUMNS.contains(&name) {
        format!("meta_{name}")
    } else {
        name.to_owned()
    }
}

/// The union of all metadata columns in order of first appearance, plus the columns a speech
/// heading fills (speaker, country_or_org, language_spoken) when a source may have headings.
fn metadata_columns(sources: &[Source]) -> Vec<String> {
    let mut columns: Vec<String> = Vec::new();
    for source in sources {
        for name in source.columns() {
            let name = metadata_name(&name);
            if !columns.contains(&name) {
                columns.push(name);
            }
        }
    }
    if !sources.iter().any(Source::has_headings) {
        return columns;
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

/// The `date` column, and the `year` column added after it when the corpus has none.
fn date_columns(columns: &mut Vec<String>) -> Option<DateColumns> {
    let date = columns.iter().position(|c| c == DATE_COLUMN)?;
    let year = match columns.iter().any(|c| c == YEAR_COLUMN) {
        true => None,
        false => {
            columns.insert(date + 1, YEAR_COLUMN.to_owned());
            Some(date + 1)
        }
    };
    Some(DateColumns {
        date,
        year,
        not_understood: NotUnderstood::default(),
    })
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
            id: DraftId::Path(without_extension(relative)),
            position,
            source: relative.into(),
            encoding: Encoding::Utf8,
            metadata: Vec::new(),
            heading: None,
            cleaned: clean_body("", false),
        }
    }

    fn assign_ids(drafts: &[Draft]) -> Vec<String> {
        let mut ids = IdAssigner::new(drafts.iter().filter_map(|d| match &d.id {
            DraftId::Path(base) => Some(base.clone()),
            DraftId::Given(_) => None,
        }));
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
    fn a_path_read_twice_does_not_make_its_name_look_shared() {
        let drafts = [
            draft("a/x.txt", (0, 1)),
            draft("b/x.txt", (0, 1)),
            draft("a/x.txt", (0, 1)),
            draft("a/y.txt", (0, 1)),
            draft("a/y.txt", (0, 1)),
        ];
        assert_eq!(assign_ids(&drafts), ["a/x", "b/x", "a/x~2", "y", "y~2"]);
    }

    #[test]
    fn newlines_and_invisible_marks_are_normalised() {
        assert_eq!(
            normalise_newlines("a\r\nb\rc\u{FEFF}d\u{AD}e".into()),
            "a\nb\ncde"
        );
    }
}
