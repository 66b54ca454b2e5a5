//! All-or-nothing output. Every file of a run is written into a hidden staging folder inside
//! the output folder and renamed into place only when the whole run has succeeded, so a
//! failed or interrupted run leaves the previous results as they were. Only files speechstat
//! writes itself are ever replaced or removed.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Prefix of staging folders; a leftover one of a killed run is removed by the next run.
const STAGING_PREFIX: &str = ".speechstat-staging-";

/// An output folder being written.
#[derive(Debug)]
pub struct Staging {
    out: PathBuf,
    /// The output folder did not exist before this run: a failed run removes it again.
    created_out: bool,
    staging: PathBuf,
    written: Vec<String>,
    committed: bool,
}

impl Staging {
    /// Prepares `out` (created if missing) and a fresh staging folder inside it.
    pub fn begin(out: &Path) -> Result<Staging> {
        if out.exists() && !out.is_dir() {
            return Err(Error::Output {
                path: out.to_path_buf(),
                message: "exists and is not a folder; choose another --out".into(),
            });
        }
        let created_out = !out.exists();
        std::fs::create_dir_all(out).map_err(|e| Error::write(out, e))?;
        remove_abandoned_staging(out);
        let staging = out.join(format!("{STAGING_PREFIX}{}", std::process::id()));
        if staging.exists() {
            std::fs::remove_dir_all(&staging).map_err(|e| Error::write(&staging, e))?;
        }
        std::fs::create_dir(&staging).map_err(|e| Error::write(&staging, e))?;
        Ok(Staging {
            out: out.to_path_buf(),
            created_out,
            staging,
            written: Vec::new(),
            committed: false,
        })
    }

    /// Where to write the output `relative` (e.g. "tables/terms.csv") during the run.
    pub fn file(&mut self, relative: &str) -> Result<PathBuf> {
        let path = self.staging.join(relative);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| Error::write(parent, e))?;
        }
        if !self.written.iter().any(|w| w == relative) {
            self.written.push(relative.to_owned());
        }
        Ok(path)
    }

    /// Moves every staged file into place, removes outputs of earlier runs that this run did
    /// not write (they would contradict the new ones): those listed in `known_outputs` and
    /// those named `<prefix>...<suffix>` for a pair in `known_patterns`. Returns the final
    /// paths.
    pub fn commit(
        mut self,
        known_outputs: &[&str],
        known_patterns: &[(&str, &str)],
    ) -> Result<Vec<PathBuf>> {
        let mut finals = Vec::with_capacity(self.written.len());
        for relative in &self.written {
            let target = self.out.join(relative);
            if let Some(parent) = target.parent() {
                std::fs::create_dir_all(parent).map_err(|e| Error::write(parent, e))?;
            }
            std::fs::rename(self.staging.join(relative), &target)
                .map_err(|e| Error::write(&target, e))?;
            finals.push(target);
        }
        let mut stale: Vec<String> = known_outputs.iter().map(|s| (*s).to_owned()).collect();
        for (prefix, suffix) in known_patterns {
            stale.extend(self.existing_matching(prefix, suffix));
        }
        for old in stale {
            if !self.written.contains(&old) {
                let path = self.out.join(&old);
                if path.is_file() {
                    std::fs::remove_file(&path).map_err(|e| Error::write(&path, e))?;
                }
            }
        }
        self.committed = true;
        let _ = std::fs::remove_dir_all(&self.staging);
        Ok(finals)
    }
}

impl Staging {
    /// Outputs already in the folder named `<prefix>...<suffix>` (prefix may hold a folder).
    fn existing_matching(&self, prefix: &str, suffix: &str) -> Vec<String> {
        let (folder, name_prefix) = prefix.rsplit_once('/').unwrap_or(("", prefix));
        let Ok(entries) = std::fs::read_dir(self.out.join(folder)) else {
            return Vec::new();
        };
        entries
            .flatten()
            .filter_map(|e| e.file_name().to_str().map(str::to_owned))
            .filter(|name| name.starts_with(name_prefix) && name.ends_with(suffix))
            .map(|name| {
                if folder.is_empty() {
                    name
                } else {
                    format!("{folder}/{name}")
                }
            })
            .collect()
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.staging);
            if self.created_out {
                // Only succeeds when empty: nothing of anyone else's is removed.
                let _ = std::fs::remove_dir(&self.out);
            }
        }
    }
}

/// Removes staging folders left by runs that were killed (their process is gone).
fn remove_abandoned_staging(out: &Path) {
    let Ok(entries) = std::fs::read_dir(out) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(pid) = name.strip_prefix(STAGING_PREFIX) else {
            continue;
        };
        let alive = Path::new("/proc").is_dir() && Path::new("/proc").join(pid).exists();
        if !alive {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outputs_appear_only_on_commit() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        let mut staging = Staging::begin(&out).unwrap();
        std::fs::write(staging.file("tables/a.csv").unwrap(), "new").unwrap();
        assert!(!out.join("tables/a.csv").exists());
        let finals = staging.commit(&["tables/a.csv"], &[]).unwrap();
        assert_eq!(finals, [out.join("tables/a.csv")]);
        assert_eq!(
            std::fs::read_to_string(out.join("tables/a.csv")).unwrap(),
            "new"
        );
        assert_eq!(std::fs::read_dir(&out).unwrap().count(), 1);
    }

    #[test]
    fn a_failed_run_leaves_previous_results_intact() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        std::fs::create_dir_all(out.join("tables")).unwrap();
        std::fs::write(out.join("tables/a.csv"), "old").unwrap();
        {
            let mut staging = Staging::begin(&out).unwrap();
            std::fs::write(staging.file("tables/a.csv").unwrap(), "half").unwrap();
            // dropped without commit, as when a later stage fails
        }
        assert_eq!(
            std::fs::read_to_string(out.join("tables/a.csv")).unwrap(),
            "old"
        );
        assert_eq!(std::fs::read_dir(&out).unwrap().count(), 1);
    }

    #[test]
    fn a_failed_run_removes_the_output_folder_it_created() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("new");
        {
            let mut staging = Staging::begin(&out).unwrap();
            std::fs::write(staging.file("tables/a.csv").unwrap(), "half").unwrap();
        }
        assert!(!out.exists());
    }

    #[test]
    fn stale_outputs_are_removed_and_other_files_kept() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path();
        std::fs::create_dir_all(out.join("tables")).unwrap();
        std::fs::write(out.join("tables/tokens.csv"), "old").unwrap();
        std::fs::write(out.join("notes.txt"), "mine").unwrap();
        let mut staging = Staging::begin(out).unwrap();
        std::fs::write(staging.file("tables/terms.csv").unwrap(), "new").unwrap();
        std::fs::create_dir_all(out.join("charts")).unwrap();
        std::fs::write(out.join("charts/collocates_war.png"), "old").unwrap();
        std::fs::write(staging.file("charts/collocates_peace.png").unwrap(), "new").unwrap();
        staging
            .commit(
                &["tables/terms.csv", "tables/tokens.csv"],
                &[("charts/collocates_", ".png")],
            )
            .unwrap();
        assert!(!out.join("tables/tokens.csv").exists());
        assert!(!out.join("charts/collocates_war.png").exists());
        assert!(out.join("charts/collocates_peace.png").exists());
        assert!(out.join("notes.txt").exists());
    }

    #[test]
    fn an_output_path_that_is_a_file_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("out");
        std::fs::write(&file, "").unwrap();
        let err = Staging::begin(&file).unwrap_err().to_string();
        assert!(err.contains("not a folder"), "{err}");
    }
}
