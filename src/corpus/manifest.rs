//! Manifests: a CSV file with a `file` column (paths relative to the manifest) and any other
//! columns as document metadata. A folder holding `manifest.csv` is defined by it: its files,
//! in its order.
//!
//! A listed file stays inside the manifest's folder: a row naming `../../etc/passwd` or an
//! absolute path is an error unless the caller allows files from outside
//! (`--allow-outside`), and a listed symbolic link that leads out is read with a warning.

use std::collections::HashSet;
use std::path::{Component, Path, PathBuf};

use super::decode::{decode, Decoded, Encoding};
use super::limited::read_limited;
use super::line_numbers::{csv_message, LineNumbers};
use super::resolve::Resolver;
use crate::error::{Error, Result, Subject, Warning};

/// The column of a manifest that names each document's file.
pub const FILE_COLUMN: &str = "file";

/// One listed file with its metadata (every column but `file`, in manifest order).
#[derive(Debug, Clone)]
pub struct ManifestRow {
    pub path: PathBuf,
    /// The `file` value as written, used for document ids.
    pub file: String,
    pub metadata: Vec<(String, String)>,
}

/// A parsed manifest.
#[derive(Debug)]
pub struct Manifest {
    pub rows: Vec<ManifestRow>,
    pub warnings: Vec<Warning>,
}

/// Reads a manifest; every listed file must exist, and lie inside the manifest's folder
/// unless `allow_outside`.
pub fn read_manifest(path: &Path, allow_outside: bool) -> Result<Manifest> {
    let bytes = read_limited(path).map_err(|e| Error::read(path, e))?;
    let mut warnings = Vec::new();
    let text = match decode(bytes) {
        Decoded::Text { text, encoding } => {
            if encoding == Encoding::Windows1252 {
                warnings.push(Warning::new(
                    path,
                    "manifest is not valid UTF-8; read it as Windows-1252",
                ));
            }
            text
        }
        Decoded::Binary => {
            return Err(manifest_error(
                path,
                1,
                "is not a CSV text file; a manifest is a CSV file with a \"file\" column",
            ))
        }
    };
    let base = path.parent().unwrap_or(Path::new(""));
    let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| manifest_error(path, 1, &e.to_string()))?
        .iter()
        .map(|h| h.trim().to_owned())
        .collect();
    let file_index = headers.iter().position(|h| h == FILE_COLUMN).ok_or_else(|| {
        manifest_error(
            path,
            1,
            &format!(
                "no \"{FILE_COLUMN}\" column (columns: {}); the first row must name the columns, one of them \"{FILE_COLUMN}\" with each document's path",
                headers.join(", ")
            ),
        )
    })?;

    let mut rows = Vec::new();
    let mut seen = HashSet::new();
    let mut resolver = Resolver::default();
    let mut lines = LineNumbers::new(&text);
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, |p| lines.line_of(p.byte()));
            manifest_error(path, line, &csv_message(&e))
        })?;
        let line = record.position().map_or(0, |p| lines.line_of(p.byte()));
        let file = record.get(file_index).unwrap_or("").trim();
        if file.is_empty() {
            if record.iter().all(|field| field.trim().is_empty()) {
                continue;
            }
            return Err(manifest_error(path, line, "the \"file\" value is empty"));
        }
        if !allow_outside && leaves_folder(file) {
            return Err(manifest_error(
                path,
                line,
                &format!(
                    "lists {file}, which is outside the manifest's folder {}; move the file \
                     into that folder, or pass --allow-outside to read files from anywhere",
                    folder_name(base).display()
                ),
            ));
        }
        let resolved = base.join(file);
        if !resolved.is_file() {
            return Err(manifest_error(
                path,
                line,
                &format!(
                    "lists {file}, but {} does not exist; fix the path or remove the row",
                    resolved.display()
                ),
            ));
        }
        if !seen.insert(resolved.clone()) {
            warnings.push(Warning {
                about: Subject::File(path.to_path_buf()),
                line: Some(line),
                message: format!("{file} is listed again; read once, this row ignored"),
            });
            continue;
        }
        if !allow_outside {
            if let Some(target) = link_out_of(base, &resolved, &mut resolver) {
                warnings.push(Warning {
                    about: Subject::File(path.to_path_buf()),
                    line: Some(line),
                    message: format!(
                        "{file} is a symbolic link to {}, outside the manifest's folder; read \
                         all the same (--allow-outside reads such files without this warning)",
                        target.display()
                    ),
                });
            }
        }
        let metadata = headers
            .iter()
            .enumerate()
            .filter(|&(i, _)| i != file_index)
            .map(|(i, name)| (name.clone(), record.get(i).unwrap_or("").to_owned()))
            .collect();
        rows.push(ManifestRow {
            path: resolved,
            file: file.to_owned(),
            metadata,
        });
    }
    Ok(Manifest { rows, warnings })
}

/// Whether the path `file`, relative to a folder, names something outside it: an absolute
/// path, or one whose `..` climb above the folder. Symbolic links aside: see [`link_out_of`].
fn leaves_folder(file: &str) -> bool {
    let mut depth = 0usize;
    for component in Path::new(file).components() {
        match component {
            Component::Prefix(_) | Component::RootDir => return true,
            Component::CurDir => {}
            Component::ParentDir => match depth.checked_sub(1) {
                Some(up) => depth = up,
                None => return true,
            },
            Component::Normal(_) => depth += 1,
        }
    }
    // A Windows share (`\\server\share`) outside Windows, where it is no prefix.
    file.starts_with(['/', '\\'])
}

/// Where `resolved`, a file listed inside `folder`, really is when a symbolic link leads it
/// out of `folder`.
fn link_out_of(folder: &Path, resolved: &Path, resolver: &mut Resolver) -> Option<PathBuf> {
    let folder = resolver.folder(folder_name(folder))?;
    let target = resolver.canonical(resolved).ok()?;
    (!target.starts_with(&folder)).then_some(target)
}

/// The manifest's folder as a path to show and to open: `.` for a manifest given without one.
fn folder_name(base: &Path) -> &Path {
    if base.as_os_str().is_empty() {
        Path::new(".")
    } else {
        base
    }
}

fn manifest_error(path: &Path, line: u64, message: &str) -> Error {
    Error::Manifest {
        path: path.to_path_buf(),
        line,
        message: message.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, content: &[u8]) -> PathBuf {
        let path = dir.join(name);
        std::fs::write(&path, content).unwrap();
        path
    }

    #[test]
    fn rows_keep_manifest_order_and_metadata() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("speeches")).unwrap();
        write(dir.path(), "speeches/b.txt", b"B");
        write(dir.path(), "speeches/a.txt", b"A");
        let manifest = write(
            dir.path(),
            "manifest.csv",
            b"\xEF\xBB\xBFfile,speaker,year\nspeeches/b.txt,Mr. B,2001\nspeeches/a.txt,\"Ms. A, Jr.\",2002\n",
        );
        let m = read_manifest(&manifest, false).unwrap();
        assert_eq!(m.rows.len(), 2);
        assert_eq!(m.rows[0].file, "speeches/b.txt");
        assert_eq!(
            m.rows[1].metadata,
            vec![
                ("speaker".to_owned(), "Ms. A, Jr.".to_owned()),
                ("year".to_owned(), "2002".to_owned())
            ]
        );
        assert!(m.warnings.is_empty());
    }

    #[test]
    fn a_manifest_without_file_column_is_an_error_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        let manifest = write(dir.path(), "manifest.csv", b"path,speaker\na.txt,A\n");
        let err = read_manifest(&manifest, false).unwrap_err().to_string();
        assert!(err.contains("manifest.csv line 1"), "{err}");
        assert!(err.contains("no \"file\" column"), "{err}");
    }

    #[test]
    fn a_missing_listed_file_is_an_error_naming_row_and_file() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "a.txt", b"A");
        let manifest = write(dir.path(), "manifest.csv", b"file\na.txt\ngone.txt\n");
        let err = read_manifest(&manifest, false).unwrap_err().to_string();
        assert!(err.contains("line 3"), "{err}");
        assert!(err.contains("gone.txt"), "{err}");
    }

    #[test]
    fn duplicate_rows_are_read_once_with_a_warning() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "a.txt", b"A");
        let manifest = write(dir.path(), "manifest.csv", b"file\na.txt\na.txt\n");
        let m = read_manifest(&manifest, false).unwrap();
        assert_eq!(m.rows.len(), 1);
        assert_eq!(m.warnings.len(), 1);
        assert_eq!(m.warnings[0].line, Some(3));
    }

    #[test]
    fn paths_that_climb_out_of_the_folder_are_recognised() {
        let cases = [
            ("a.txt", false),
            ("speeches/a.txt", false),
            ("./speeches/../a.txt", false),
            ("../a.txt", true),
            ("speeches/../../a.txt", true),
            ("../../../../etc/passwd", true),
            ("/etc/passwd", true),
            ("\\\\server\\share\\a.txt", true),
        ];
        for (file, outside) in cases {
            assert_eq!(leaves_folder(file), outside, "{file}");
        }
    }

    #[test]
    fn a_row_outside_the_folder_is_an_error_naming_it_unless_allowed() {
        let dir = tempfile::tempdir().unwrap();
        let corpus = dir.path().join("corpus");
        std::fs::create_dir(&corpus).unwrap();
        write(dir.path(), "outside.txt", b"O");
        write(&corpus, "a.txt", b"A");
        let manifest = write(&corpus, "manifest.csv", b"file\na.txt\n../outside.txt\n");
        let err = read_manifest(&manifest, false).unwrap_err().to_string();
        assert!(err.contains("manifest.csv line 3"), "{err}");
        assert!(
            err.contains("../outside.txt") && err.contains("--allow-outside"),
            "{err}"
        );
        assert_eq!(read_manifest(&manifest, true).unwrap().rows.len(), 2);
    }

    #[cfg(unix)]
    #[test]
    fn a_listed_link_out_of_the_folder_is_read_with_a_warning() {
        let dir = tempfile::tempdir().unwrap();
        let corpus = dir.path().join("corpus");
        std::fs::create_dir(&corpus).unwrap();
        write(dir.path(), "outside.txt", b"O");
        std::os::unix::fs::symlink(dir.path().join("outside.txt"), corpus.join("b.txt")).unwrap();
        let manifest = write(&corpus, "manifest.csv", b"file\nb.txt\n");
        let m = read_manifest(&manifest, false).unwrap();
        assert_eq!(m.rows.len(), 1);
        assert_eq!(m.warnings.len(), 1);
        assert_eq!(m.warnings[0].line, Some(2));
        assert!(m.warnings[0].message.contains("outside"));
        assert!(read_manifest(&manifest, true).unwrap().warnings.is_empty());
    }

    #[test]
    fn a_manifest_in_windows_1252_is_read_with_a_warning() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "a.txt", b"A");
        let manifest = write(
            dir.path(),
            "manifest.csv",
            b"file,country\na.txt,C\xF4te d'Ivoire\n",
        );
        let m = read_manifest(&manifest, false).unwrap();
        assert_eq!(m.rows[0].metadata[0].1, "Côte d'Ivoire");
        assert_eq!(m.warnings.len(), 1);
    }
}
