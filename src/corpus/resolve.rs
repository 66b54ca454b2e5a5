//! Paths resolved as `std::fs::canonicalize` resolves them, each folder once. A manifest
//! lists thousands of files in a few folders, and resolving a path in full costs a system
//! call per component: the discovery of a corpus of 5,000 speeches spent a tenth of a
//! second on it, before any speech was read.

use std::collections::HashMap;
use std::ffi::OsStr;
use std::path::{Component, Path, PathBuf};

/// Resolved folders, by the path they were asked for.
#[derive(Debug, Default)]
pub(crate) struct Resolver {
    folders: HashMap<PathBuf, Option<PathBuf>>,
}

impl Resolver {
    /// `path` with every symbolic link, `.` and `..` resolved: what `std::fs::canonicalize`
    /// gives. A path whose last part is a plain name that is not a link resolves to its
    /// folder resolved, then that name; anything else goes to `canonicalize` itself.
    pub fn canonical(&mut self, path: &Path) -> std::io::Result<PathBuf> {
        let plain = std::fs::symlink_metadata(path).is_ok_and(|m| !m.file_type().is_symlink());
        match plain {
            true => self.canonical_of_plain(path),
            false => std::fs::canonicalize(path),
        }
    }

    /// [`Resolver::canonical`] of a path whose last part is known not to be a symbolic link
    /// (a folder listing says so without a system call).
    pub fn canonical_of_plain(&mut self, path: &Path) -> std::io::Result<PathBuf> {
        if let Some((folder, name)) = folder_and_name(path) {
            if let Some(folder) = self.folder(folder) {
                return Ok(folder.join(name));
            }
        }
        std::fs::canonicalize(path)
    }

    /// `folder` resolved (none when it cannot be), asked of the file system once.
    pub fn folder(&mut self, folder: &Path) -> Option<PathBuf> {
        if let Some(resolved) = self.folders.get(folder) {
            return resolved.clone();
        }
        let resolved = std::fs::canonicalize(folder).ok();
        self.folders.insert(folder.to_path_buf(), resolved.clone());
        resolved
    }
}

/// The folder (`.` for none) and the last name of a path that ends in a plain name: not
/// `..`, nor a trailing `/` or `/.`, which `canonicalize` treats otherwise.
fn folder_and_name(path: &Path) -> Option<(&Path, &OsStr)> {
    let Some(Component::Normal(name)) = path.components().next_back() else {
        return None;
    };
    if !path
        .as_os_str()
        .as_encoded_bytes()
        .ends_with(name.as_encoded_bytes())
    {
        return None;
    }
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    Some((folder, name))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_folder(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("speechstat-resolve-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        dir
    }

    #[test]
    fn resolves_as_canonicalize_does() {
        let dir = temp_folder("paths");
        std::fs::write(dir.join("sub/a.txt"), "x").unwrap();
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(dir.join("sub/a.txt"), dir.join("link.txt")).unwrap();
            std::os::unix::fs::symlink(dir.join("sub"), dir.join("linked")).unwrap();
        }
        let mut resolver = Resolver::default();
        let paths = [
            dir.join("sub/a.txt"),
            dir.join("sub/./a.txt"),
            dir.join("sub/../sub/a.txt"),
            dir.join("sub/"),
            dir.join("sub/."),
            dir.join("sub/.."),
            dir.join("link.txt"),
            dir.join("linked/a.txt"),
            dir.join("sub/missing.txt"),
            dir.join("missing/a.txt"),
        ];
        for path in paths {
            // Twice: the second time from the cache.
            for _ in 0..2 {
                let expected = std::fs::canonicalize(&path).ok();
                assert_eq!(
                    resolver.canonical(&path).ok(),
                    expected,
                    "{}",
                    path.display()
                );
            }
        }
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_bare_name_is_in_the_current_folder() {
        assert_eq!(
            folder_and_name(Path::new("a.txt")),
            Some((Path::new("."), OsStr::new("a.txt")))
        );
        assert_eq!(folder_and_name(Path::new("a/..")), None);
        assert_eq!(folder_and_name(Path::new("a/b/")), None);
    }
}
