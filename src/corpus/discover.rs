//! Finding the documents: the inputs named on the command line, folders walked recursively
//! (sorted by name so the order never depends on the file system), folders defined by their
//! `manifest.csv`, tables of speeches, ParlaMint sittings and Congressional Record volumes.
//! Each file's format is settled by [`super::format`].
//!
//! Each file is read once, however often its path is given. speechstat's output folders (they hold
//! `.speechstat/`) are passed over, and in an input folder that is also an output folder the
//! files a run wrote there are; so a run never reads its own results. A symbolic link that
//! leads out of its input folder is followed, with a warning.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use super::congress::Volume;
use super::format::{self, Format};
use super::limited::not_regular;
use super::manifest::read_manifest;
use super::named_files::NearbyManifests;
use super::parlamint::{Form, ListsCache, Sitting};
use super::resolve::Resolver;
use super::table::{self, Table};
use super::ReadOptions;
use crate::error::{Error, Result, Warning};
use crate::out_folder::{is_output_folder, recorded};

/// About how many compressed bytes of a Parquet table are read at once.
const PARQUET_PART_BYTES: usize = 4 << 20;

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
    /// A table of speeches, one per row.
    Table(Table),
    /// A ParlaMint sitting: one speech per utterance, or the whole sitting.
    Sitting(Sitting),
    /// A volume of the Congressional Record.
    Congress(Volume),
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
    /// The folders resolved so far.
    resolver: Resolver,
}

impl Discovered {
    /// Whether `path` is found for the first time; if not, a warning says so.
    fn first_time(&mut self, path: &Path) -> bool {
        let canonical = identity(path, &mut self.resolver);
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
fn identity(path: &Path, resolver: &mut Resolver) -> PathBuf {
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    match (resolver.folder(folder), path.file_name()) {
        (Some(folder), Some(name)) => folder.join(name),
        _ => path.to_path_buf(),
    }
}

/// Resolves the inputs into sources. A missing input, a table that cannot be read and a file
/// refused for its format are errors; problems inside folders are warnings.
pub fn discover(inputs: &[PathBuf], options: &ReadOptions) -> Result<Discovered> {
    let mut found = Discovered::default();
    if let Some(manifest) = &options.manifest {
        add_manifest(manifest, options, &mut found)?;
    }
    let mut walker = Walker {
        options,
        visited: HashSet::new(),
        lists: ListsCache::new(),
        ours: HashSet::new(),
        nearby: NearbyManifests::default(),
        found,
    };
    for input in inputs {
        let metadata = std::fs::metadata(input).map_err(|_| Error::MissingInput {
            path: input.clone(),
        })?;
        if metadata.is_dir() {
            walker.ours = recorded(input).unwrap_or_default().into_iter().collect();
            walker.walk(input, input)?;
        } else if !metadata.is_file() {
            // A device or a pipe: reading it would never end, or wait for a writer.
            return Err(Error::read(input, not_regular()));
        } else {
            let name = input.file_name().map_or_else(
                || input.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            let format = format::of_input(input, options)?;
            if format == Format::Prose {
                let warnings = &mut walker.found.warnings;
                if let Some((manifest, metadata)) =
                    walker
                        .nearby
                        .metadata_of(input, options.allow_outside, warnings)
                {
                    if !walker.found.manifests.contains(&manifest) {
                        walker.found.manifests.push(manifest);
                    }
                    walker.found.add_file(input.clone(), name, metadata);
                    continue;
                }
            }
            walker.add_input(input, name, format)?;
        }
    }
    Ok(walker.found)
}

/// The state of finding sources across every input.
struct Walker<'a> {
    options: &'a ReadOptions,
    visited: HashSet<PathBuf>,
    lists: ListsCache,
    /// The files a run of speechstat wrote into the folder being walked (relative to it),
    /// when it is also an output folder: not speeches.
    ours: HashSet<String>,
    /// The manifests of the files named one by one.
    nearby: NearbyManifests,
    found: Discovered,
}

impl Walker<'_> {
    /// A file named as an input: a side file alone is refused, a corpus root gives its
    /// sittings.
    fn add_input(&mut self, path: &Path, relative: String, format: Format) -> Result<()> {
        match format {
            Format::Companion(what) => Err(Error::Format {
                path: path.to_path_buf(),
                message: format!(
                    "is {what}, read together with the speeches it describes; give the \
                     speeches' file (a ParlaMint sitting, speeches_NNN.txt) or their folder"
                ),
            }),
            Format::ParlaMintRoot => {
                let (xml, _) = super::read_text_file(path)?;
                let hrefs =
                    super::tei::included_sittings(&xml).map_err(|message| Error::Format {
                        path: path.to_path_buf(),
                        message: format!("is not readable as a ParlaMint corpus root: {message}"),
                    })?;
                let base = path.parent().unwrap_or(Path::new(""));
                for href in hrefs {
                    let sitting = base.join(&href);
                    if !sitting.is_file() {
                        self.found.warnings.push(Warning::new(
                            path,
                            format!("includes {href}, which is not there; left out"),
                        ));
                        continue;
                    }
                    self.add(&sitting, href, Format::ParlaMintTei)?;
                }
                Ok(())
            }
            format => self.add(path, relative, format),
        }
    }

    /// Adds the sources of a file whose format is known.
    fn add(&mut self, path: &Path, relative: String, format: Format) -> Result<()> {
        if !self.found.first_time(path) {
            return Ok(());
        }
        let (source, warnings) = match format {
            Format::Prose => (
                Source::File {
                    path: path.to_path_buf(),
                    relative,
                    metadata: Vec::new(),
                },
                Vec::new(),
            ),
            Format::Table(kind) => {
                let (table, warnings) = table::scan(
                    path,
                    kind,
                    self.options.text_column.as_deref(),
                    self.options.id_column.as_deref(),
                )?;
                // A Parquet table is read a part (whole row groups) at a time.
                let parts = table.parts(PARQUET_PART_BYTES);
                self.found.warnings.extend(warnings);
                self.found
                    .sources
                    .extend(parts.into_iter().map(Source::Table));
                return Ok(());
            }
            Format::ParlaMintTei | Format::ParlaMintText => {
                let form = if format == Format::ParlaMintTei {
                    Form::Tei
                } else {
                    Form::Text
                };
                let (sitting, warnings) =
                    Sitting::find(path, form, self.options.unit, &mut self.lists)?;
                (Source::Sitting(sitting), warnings)
            }
            Format::CongressSpeeches => {
                let (volume, warnings) = Volume::find(path)?;
                (Source::Congress(volume), warnings)
            }
            // Read with the files they describe; a folder's root is read through its sittings.
            Format::Companion(_) | Format::ParlaMintRoot => return Ok(()),
        };
        self.found.warnings.extend(warnings);
        self.found.sources.push(source);
        Ok(())
    }

    fn walk(&mut self, root: &Path, dir: &Path) -> Result<()> {
        let canonical = std::fs::canonicalize(dir).map_err(|e| Error::read(dir, e))?;
        if !self.visited.insert(canonical) {
            self.found.warnings.push(Warning::new(
                dir,
                "folder already read (given twice, or a symbolic link loops back to it); skipped",
            ));
            return Ok(());
        }
        let manifest = dir.join(MANIFEST_NAME);
        if manifest.is_file() {
            let listed = add_manifest(&manifest, self.options, &mut self.found)?;
            let unlisted = count_unlisted(dir, &listed);
            if unlisted > 0 {
                self.found.warnings.push(Warning::new(
                &manifest,
                format!("{unlisted} .txt/.md files in this folder are not listed in the manifest and were not read"),
            ));
            }
            return Ok(());
        }
        let mut tables = Vec::new();
        for entry in sorted_entries(dir, &mut self.found)? {
            let path = entry;
            let hidden = path
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'));
            if hidden {
                continue;
            }
            if path.is_dir() {
                if is_output_folder(&path) {
                    self.found.warnings.push(Warning::new(
                        &path,
                        "an output folder of speechstat (it holds .speechstat/): its results \
                         are not speeches; skipped",
                    ));
                    continue;
                }
                self.warn_if_outside(root, &path);
                self.walk(root, &path)?;
            } else if path.is_file() {
                let relative = path
                    .strip_prefix(root)
                    .unwrap_or(&path)
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect::<Vec<_>>()
                    .join("/");
                if self.ours.contains(&relative) {
                    continue;
                }
                self.warn_if_outside(root, &path);
                match format::in_folder(&path)? {
                    Some(Format::Prose) if is_documentation(&path) => {}
                    Some(format) => self.add(&path, relative, format)?,
                    None if format::is_table_name(&path) => tables.push(path),
                    None => {}
                }
            } else if std::fs::metadata(&path).is_err() {
                self.found.warnings.push(Warning::new(
                    &path,
                    "cannot be followed (a broken symbolic link?); skipped",
                ));
            }
        }
        if let Some(first) = tables.first() {
            self.found.warnings.push(Warning::new(
                dir,
                format!(
                    "{} tables or JSON files in this folder were not read (a folder is read for \
                 its text, ParlaMint and Congressional Record files); name a table as an input \
                 to read its rows as speeches, e.g. {}",
                    tables.len(),
                    first.display()
                ),
            ));
        }
        Ok(())
    }

    /// A warning when `path` is a symbolic link that leads out of the input folder `root`
    /// (unless --allow-outside): it is followed, but the reader should know.
    fn warn_if_outside(&mut self, root: &Path, path: &Path) {
        let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
        if !is_link || self.options.allow_outside {
            return;
        }
        let (Ok(target), Ok(canonical_root)) =
            (std::fs::canonicalize(path), std::fs::canonicalize(root))
        else {
            return;
        };
        if !target.starts_with(&canonical_root) {
            self.found.warnings.push(Warning::new(
                path,
                format!(
                    "a symbolic link to {}, outside the input folder {}; read all the same \
                     (--allow-outside reads such files without this warning)",
                    target.display(),
                    root.display()
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
    let mut resolver = Resolver::default();
    for row in parsed.rows {
        listed.insert(
            resolver
                .canonical(&row.path)
                .unwrap_or_else(|_| row.path.clone()),
        );
        found.add_file(row.path, row.file, row.metadata);
    }
    Ok(listed)
}

fn count_unlisted(dir: &Path, listed: &HashSet<PathBuf>) -> usize {
    let mut count = 0;
    let mut stack = vec![dir.to_path_buf()];
    let mut seen = HashSet::new();
    let mut resolver = Resolver::default();
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
            // The listing gives each entry's own type without a system call; only a link is
            // followed to see what it names.
            let own_type = entry.file_type().ok().filter(|t| !t.is_symlink());
            if own_type.map_or_else(|| path.is_dir(), |t| t.is_dir()) {
                stack.push(path);
                continue;
            }
            let is_file = own_type.map_or_else(|| path.is_file(), |t| t.is_file());
            if is_file && is_text_name(&path) {
                let canonical = match own_type {
                    Some(_) => resolver.canonical_of_plain(&path),
                    None => resolver.canonical(&path),
                };
                if !listed.contains(&canonical.unwrap_or(path)) {
                    count += 1;
                }
            }
        }
    }
    count
}

fn extension_is(path: &Path, wanted: &[&str]) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| wanted.iter().any(|w| e.eq_ignore_ascii_case(w)))
}

/// A name a text file of speeches may have: `.txt` or `.md`, and not a folder's own
/// documentation (README, LICENSE, ...).
fn is_text_name(path: &Path) -> bool {
    extension_is(path, &["txt", "md"]) && !is_documentation(path)
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Text files beside a manifest that it does not list are counted, in subfolders too;
    /// documentation, other names and files listed under another path (a link) are not.
    #[test]
    fn files_a_manifest_leaves_out_are_counted() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir(root.join("sub")).unwrap();
        for name in [
            "a.txt",
            "b.txt",
            "README.md",
            "notes.csv",
            "sub/c.md",
            "sub/d.txt",
        ] {
            std::fs::write(root.join(name), "text").unwrap();
        }
        let mut resolver = Resolver::default();
        let listed: HashSet<PathBuf> = ["a.txt", "sub/d.txt"]
            .iter()
            .map(|name| resolver.canonical(&root.join(name)).unwrap())
            .collect();
        // b.txt and sub/c.md.
        assert_eq!(count_unlisted(root, &listed), 2);
        #[cfg(unix)]
        {
            // A link to a listed file is that file; a link to a folder is walked.
            std::os::unix::fs::symlink(root.join("a.txt"), root.join("link.txt")).unwrap();
            std::os::unix::fs::symlink(root.join("b.txt"), root.join("other.txt")).unwrap();
            assert_eq!(count_unlisted(root, &listed), 3);
            let outside = tempfile::tempdir().unwrap();
            std::fs::write(outside.path().join("e.txt"), "text").unwrap();
            std::os::unix::fs::symlink(outside.path(), root.join("linked")).unwrap();
            assert_eq!(count_unlisted(root, &listed), 4);
        }
    }
}
