//! Finding the documents: the inputs named on the command line, folders walked recursively
//! (.txt and .md files, sorted by name so the order never depends on the file system),
//! folders defined by their `manifest.csv`, and CSV corpora with a text column.
//!
//! Each file is read once, however often its path is given. speechstat's output folders (they hold
//! `.speechstat/`) are passed over, and in an input folder that is also an output folder the
//! files a run wrote there are; so a run never reads its own results. A symbolic link that
//! leads out of its input folder is followed, with a warning.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use super::decode::{decode, Decoded, Encoding};
use super::limited::{not_regular, read_limited};
use super::manifest::{read_manifest, FILE_COLUMN};
use super::ReadOptions;
use crate::error::{Error, Result, Warning};
use crate::out_folder::{is_output_folder, recorded};

/// The name of the file that defines a folder's documents.
pub const MANIFEST_NAME: &str = "manifest.csv";

/// Where one or more documents come from.
#[derive(Debug)]
pub enum Source {
    /// A text file; it may hold several speeches.
    File {
        path: PathBuf,
        /// Path relative to the input it was found under, the base of its document ids.
        relative: String,
        metadata: Vec<(String, String)>,
    },
    /// One row of a CSV corpus.
    CsvRow {
        path: PathBuf,
        line: u64,
        /// `name:row`, the base of its document id.
        id_base: String,
        text: String,
        encoding: Encoding,
        metadata: Vec<(String, String)>,
    },
}

/// The sources found, in corpus order, and what was passed over.
#[derive(Debug, Default)]
pub struct Discovered {
    pub sources: Vec<Source>,
    /// The manifests read to find them.
    pub manifests: Vec<PathBuf>,
    pub warnings: Vec<Warning>,
    /// The files found so far (see [`identity`]), each with the path it was first found under.
    seen: HashMap<PathBuf, PathBuf>,
}

impl Discovered {
    /// Whether `path` is found for the first time; if not, a warning says so.
    fn first_time(&mut self, path: &Path) -> bool {
        let canonical = identity(path);
        match self.seen.get(&canonical) {
            Some(first) => {
                let message = match first == path {
                    true => "given twice; read once".to_owned(),
                    false => format!("given twice (also as {}); read once", first.display()),
                };
                self.warnings.push(Warning::new(path, message));
                false
            }
            None => {
                self.seen.insert(canonical, path.to_path_buf());
                true
            }
        }
    }

    /// Adds a text file, unless it was found before.
    fn add_file(&mut self, path: PathBuf, relative: String, metadata: Vec<(String, String)>) {
        if self.first_time(&path) {
            self.sources.push(Source::File {
                path,
                relative,
                metadata,
            });
        }
    }
}

/// What makes two paths the same file given twice: the file's name in its folder, the folder
/// resolved (`in/./a.txt` and `in/a.txt`, or `a.txt` and the `a.txt` of the folder `.`). Two
/// names that link to one file stay two documents, as a corpus built of links may mean them.
fn identity(path: &Path) -> PathBuf {
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    match (std::fs::canonicalize(folder), path.file_name()) {
        (Ok(folder), Some(name)) => folder.join(name),
        _ => path.to_path_buf(),
    }
}

/// Resolves the inputs into sources. A missing input is an error; problems inside folders are
/// warnings.
pub fn discover(inputs: &[PathBuf], options: &ReadOptions) -> Result<Discovered> {
    let mut found = Discovered::default();
    if let Some(manifest) = &options.manifest {
        add_manifest(manifest, options, &mut found)?;
    }
    let mut visited = HashSet::new();
    for input in inputs {
        let metadata = std::fs::metadata(input).map_err(|_| Error::MissingInput {
            path: input.clone(),
        })?;
        if metadata.is_dir() {
            let walk = Walk {
                root: input,
                ours: recorded(input).unwrap_or_default().into_iter().collect(),
                options,
            };
            walk.folder(input, &mut visited, &mut found)?;
        } else if !metadata.is_file() {
            // A device or a pipe: reading it would never end, or wait for a writer.
            return Err(Error::read(input, not_regular()));
        } else if is_csv(input) {
            let Some(column) = &options.text_column else {
                return Err(Error::CsvCorpus {
                    path: input.clone(),
                    message: "is a CSV file: pass --text-column NAME to read it as a corpus (one document per row), or --manifest to use it as a manifest".into(),
                });
            };
            if found.first_time(input) {
                add_csv_corpus(input, column, &mut found)?;
            }
        } else {
            let name = input.file_name().map_or_else(
                || input.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            found.add_file(input.clone(), name, Vec::new());
        }
    }
    Ok(found)
}

/// A folder given as input, walked.
struct Walk<'a> {
    root: &'a Path,
    /// The files a run of speechstat wrote into the root (relative to it), when it is also
    /// an output folder: not speeches.
    ours: HashSet<String>,
    options: &'a ReadOptions,
}

impl Walk<'_> {
    fn folder(
        &self,
        dir: &Path,
        visited: &mut HashSet<PathBuf>,
        found: &mut Discovered,
    ) -> Result<()> {
        let canonical = std::fs::canonicalize(dir).map_err(|e| Error::read(dir, e))?;
        if !visited.insert(canonical) {
            found.warnings.push(Warning::new(
                dir,
                "folder already read (given twice, or a symbolic link loops back to it); skipped",
            ));
            return Ok(());
        }
        let manifest = dir.join(MANIFEST_NAME);
        if manifest.is_file() {
            let listed = add_manifest(&manifest, self.options, found)?;
            let unlisted = count_unlisted(dir, &listed);
            if unlisted > 0 {
                found.warnings.push(Warning::new(
                    &manifest,
                    format!("{unlisted} .txt/.md files in this folder are not listed in the manifest and were not read"),
                ));
            }
            return Ok(());
        }
        for path in sorted_entries(dir, found)? {
            let hidden = path
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'));
            if hidden {
                continue;
            }
            if path.is_dir() {
                if is_output_folder(&path) {
                    found.warnings.push(Warning::new(
                        &path,
                        "an output folder of speechstat (it holds .speechstat/): its results \
                         are not speeches; skipped",
                    ));
                    continue;
                }
                self.warn_if_outside(&path, found);
                self.folder(&path, visited, found)?;
            } else if is_text_file(&path) {
                let relative = path
                    .strip_prefix(self.root)
                    .unwrap_or(&path)
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect::<Vec<_>>()
                    .join("/");
                if self.ours.contains(&relative) {
                    continue;
                }
                self.warn_if_outside(&path, found);
                found.add_file(path, relative, Vec::new());
            } else if std::fs::metadata(&path).is_err() {
                found.warnings.push(Warning::new(
                    &path,
                    "cannot be followed (a broken symbolic link?); skipped",
                ));
            }
        }
        Ok(())
    }

    /// A warning when `path` is a symbolic link that leads out of the input folder (unless
    /// --allow-outside): it is followed, but the reader should know.
    fn warn_if_outside(&self, path: &Path, found: &mut Discovered) {
        let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
        if !is_link || self.options.allow_outside {
            return;
        }
        let (Ok(target), Ok(root)) = (
            std::fs::canonicalize(path),
            std::fs::canonicalize(self.root),
        ) else {
            return;
        };
        if !target.starts_with(&root) {
            found.warnings.push(Warning::new(
                path,
                format!(
                    "a symbolic link to {}, outside the input folder {}; read all the same \
                     (--allow-outside reads such files without this warning)",
                    target.display(),
                    self.root.display()
                ),
            ));
        }
    }
}

/// Entries of a folder sorted by name; an unreadable folder is a warning, not an error.
fn sorted_entries(dir: &Path, found: &mut Discovered) -> Result<Vec<PathBuf>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            found.warnings.push(Warning::new(
                dir,
                format!("cannot list this folder ({e}); skipped"),
            ));
            return Ok(Vec::new());
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    Ok(paths)
}

/// Adds a manifest's files; returns the set of paths it lists.
fn add_manifest(
    manifest: &Path,
    options: &ReadOptions,
    found: &mut Discovered,
) -> Result<HashSet<PathBuf>> {
    let parsed = read_manifest(manifest, options.allow_outside)?;
    found.manifests.push(manifest.to_path_buf());
    found.warnings.extend(parsed.warnings);
    let mut listed = HashSet::new();
    for row in parsed.rows {
        listed.insert(std::fs::canonicalize(&row.path).unwrap_or_else(|_| row.path.clone()));
        found.add_file(row.path, row.file, row.metadata);
    }
    Ok(listed)
}

fn count_unlisted(dir: &Path, listed: &HashSet<PathBuf>) -> usize {
    let mut count = 0;
    let mut stack = vec![dir.to_path_buf()];
    let mut seen = HashSet::new();
    while let Some(dir) = stack.pop() {
        let Ok(canonical) = std::fs::canonicalize(&dir) else {
            continue;
        };
        if !seen.insert(canonical) {
            continue;
        }
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if is_text_file(&path) {
                let canonical = std::fs::canonicalize(&path).unwrap_or(path);
                if !listed.contains(&canonical) {
                    count += 1;
                }
            }
        }
    }
    count
}

fn add_csv_corpus(path: &Path, text_column: &str, found: &mut Discovered) -> Result<()> {
    let bytes = read_limited(path).map_err(|e| Error::read(path, e))?;
    let (text, encoding) = match decode(bytes) {
        Decoded::Text { text, encoding } => (text, encoding),
        Decoded::Binary => {
            return Err(Error::CsvCorpus {
                path: path.to_path_buf(),
                message: "is not a text file".into(),
            })
        }
    };
    if encoding == Encoding::Windows1252 {
        found
            .warnings
            .push(Warning::new(path, "not valid UTF-8; read as Windows-1252"));
    }
    let csv_error = |line: u64, message: String| Error::CsvCorpus {
        path: path.to_path_buf(),
        message: format!("line {line}: {message}"),
    };
    let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| csv_error(1, e.to_string()))?
        .iter()
        .map(|h| h.trim().to_owned())
        .collect();
    let text_index = headers
        .iter()
        .position(|h| h == text_column)
        .ok_or_else(|| {
            csv_error(
                1,
                format!(
                    "no column {text_column:?} for --text-column (columns: {})",
                    headers.join(", ")
                ),
            )
        })?;
    let stem = path
        .file_stem()
        .map_or_else(|| "rows".to_owned(), |s| s.to_string_lossy().into_owned());
    let rows: Vec<csv::StringRecord> = reader
        .records()
        .collect::<Result<_, _>>()
        .map_err(|e| csv_error(e.position().map_or(0, |p| p.line()), e.to_string()))?;
    let width = rows.len().to_string().len();
    for (index, record) in rows.into_iter().enumerate() {
        let line = record.position().map_or(0, |p| p.line());
        let metadata = headers
            .iter()
            .enumerate()
            .filter(|&(i, name)| i != text_index && name != FILE_COLUMN)
            .map(|(i, name)| (name.clone(), record.get(i).unwrap_or("").to_owned()))
            .collect();
        found.sources.push(Source::CsvRow {
            path: path.to_path_buf(),
            line,
            id_base: format!("{stem}:{:0width$}", index + 1),
            text: record.get(text_index).unwrap_or("").to_owned(),
            encoding,
            metadata,
        });
    }
    Ok(())
}

fn extension_is(path: &Path, wanted: &[&str]) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| wanted.iter().any(|w| e.eq_ignore_ascii_case(w)))
}

/// A .txt or .md file that is not a folder's own documentation (README, LICENSE, ...).
fn is_text_file(path: &Path) -> bool {
    extension_is(path, &["txt", "md"]) && path.is_file() && !is_documentation(path)
}

/// README.md, LICENSE.txt and the like describe a corpus; they are not speeches.
fn is_documentation(path: &Path) -> bool {
    const NAMES: [&str; 6] = [
        "readme",
        "license",
        "licence",
        "changelog",
        "notice",
        "copying",
    ];
    path.file_stem()
        .and_then(|s| s.to_str())
        .is_some_and(|stem| NAMES.iter().any(|n| stem.eq_ignore_ascii_case(n)))
}

fn is_csv(path: &Path) -> bool {
    extension_is(path, &["csv"])
}
