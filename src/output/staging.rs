//! All-or-nothing output, one run at a time. A run locks its output folder (a second run
//! into it is refused), writes every file into a staging folder, and commits only when the
//! whole run has succeeded: the previous results are moved aside, the new ones moved in with
//! `run.json` last, then the moved-aside files are removed. A failure on the way puts the
//! previous results back; a run killed on the way is undone by the next run into the folder.
//! Only the files a run wrote itself, as the folder's record lists them, are ever replaced or
//! removed: a file of the user's in the output folder stays.
//!
//! The folder's state lives in its `.speechstat/` folder: the lock, the record of the files
//! the last run wrote, and while a run works its staging folder, the files it moved aside
//! and the journal of its commit.

use std::collections::{HashMap, HashSet};
use std::fs::{File, TryLockError};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::error::{Error, Result};
use crate::out_folder::{recorded, stays_inside, RECORD, STATE_FOLDER};

/// The file a run holds locked while it works.
const LOCK: &str = "lock";
/// Inside the state folder: the files of this run until it commits.
const STAGING: &str = "staging";
/// Inside the state folder: the files of the previous run, while a commit moves them aside.
const PREVIOUS: &str = "previous";
/// Inside the state folder: the files a commit moves in, written before it moves anything,
/// removed when it is done. Its presence means a commit did not finish.
const JOURNAL: &str = "commit";
/// Prefix of the staging folders of earlier versions, inside the output folder.
const OLD_STAGING_PREFIX: &str = ".speechstat-staging-";

/// An output folder being written.
#[derive(Debug)]
pub struct Staging {
    out: PathBuf,
    /// The output folder did not exist before this run: a failed run removes it again.
    created_out: bool,
    /// Nor did its state folder: a failed run removes it again.
    created_state: bool,
    state: PathBuf,
    staging: PathBuf,
    written: Vec<String>,
    committed: bool,
    /// Held locked until the run ends (closing the file unlocks it, also when the process is
    /// killed).
    _lock: File,
}

impl Staging {
    /// Prepares `out` (created if missing): takes its lock, refusing when another run holds
    /// it; undoes the commit of a run that was killed in it; makes a fresh staging folder.
    pub fn begin(out: &Path) -> Result<Staging> {
        if out.exists() && !out.is_dir() {
            return Err(Error::Output {
                path: out.to_path_buf(),
                message: "exists and is not a folder; choose another --out".into(),
            });
        }
        let created_out = !out.exists();
        std::fs::create_dir_all(out).map_err(|e| Error::write(out, e))?;
        let state = out.join(STATE_FOLDER);
        let created_state = !state.exists();
        std::fs::create_dir_all(&state).map_err(|e| Error::write(&state, e))?;
        // Refused, nothing is removed: the folder is the other run's now, even if this run
        // made it a moment before.
        let lock = take_lock(out, &state)?;
        undo_commit(out, &state).map_err(|e| Error::write(&state, e))?;
        remove_old_staging(out);
        let staging = state.join(STAGING);
        for leftover in [staging.clone(), state.join(PREVIOUS)] {
            if leftover.exists() {
                std::fs::remove_dir_all(&leftover).map_err(|e| Error::write(&leftover, e))?;
            }
        }
        std::fs::create_dir(&staging).map_err(|e| Error::write(&staging, e))?;
        Ok(Staging {
            out: out.to_path_buf(),
            created_out,
            created_state,
            state,
            staging,
            written: Vec::new(),
            committed: false,
            _lock: lock,
        })
    }

    /// Where to write the output `relative` (e.g. "tables/terms.csv") during the run.
    pub fn file(&mut self, relative: &str) -> Result<PathBuf> {
        let path = self.path_of(relative)?;
        self.record(relative);
        Ok(path)
    }

    /// Where to write the file `relative` (its folder made), for a writer that has no
    /// `&mut` access; the caller [`Staging::record`]s it after.
    pub fn path_of(&self, relative: &str) -> Result<PathBuf> {
        let path = self.staging.join(relative);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| Error::write(parent, e))?;
        }
        Ok(path)
    }

    /// Counts the file `relative` among this run's outputs (once, in the order recorded).
    pub fn record(&mut self, relative: &str) {
        if !self.written.iter().any(|w| w == relative) {
            self.written.push(relative.to_owned());
        }
    }

    /// Puts this run's files in place of the previous run's, whole or not at all: refuses to
    /// replace any of `inputs` (the files the run read); moves aside the previous run's files
    /// (those it wrote again, and those it did not, which would contradict the new ones), the
    /// record of the run first; moves the new files in, the record last; then removes the old
    /// ones. On a failure the previous files are put back. Returns the files written.
    pub fn commit(mut self, inputs: &[&Path]) -> Result<Vec<PathBuf>> {
        self.refuse_overwriting(inputs)?;
        let previous = recorded(&self.out).unwrap_or_default();
        let record = self.file(RECORD)?;
        std::fs::write(&record, self.written.join("\n") + "\n")
            .map_err(|e| Error::write(&record, e))?;
        let journal = self.state.join(JOURNAL);
        write_whole(&journal, &self.written.join("\n")).map_err(|e| Error::write(&journal, e))?;
        if let Err(err) = self.move_in(&previous) {
            undo_commit(&self.out, &self.state).map_err(|e| Error::write(&self.state, e))?;
            return Err(err);
        }
        // The commit is done once its journal is gone; what is left is tidying.
        std::fs::remove_file(&journal).map_err(|e| Error::write(&journal, e))?;
        self.committed = true;
        let _ = std::fs::remove_dir_all(self.state.join(PREVIOUS));
        let _ = std::fs::remove_dir_all(&self.staging);
        Ok(self
            .written
            .iter()
            .filter(|w| w.as_str() != RECORD)
            .map(|w| self.out.join(w))
            .collect())
    }

    /// Moves the previous files aside (in the reverse order of writing, so the record and
    /// run.json leave first), then the staged files in (run.json and the record last).
    fn move_in(&self, previous: &[String]) -> Result<()> {
        let aside = self.state.join(PREVIOUS);
        let stale = previous.iter().filter(|p| !self.written.contains(p));
        for relative in self.written.iter().rev().chain(stale) {
            let target = self.out.join(relative);
            if target.is_file() {
                move_file(&target, &aside.join(relative))?;
            }
        }
        for relative in &self.written {
            move_file(&self.staging.join(relative), &self.out.join(relative))?;
        }
        Ok(())
    }

    /// An error naming the first input this run would write over.
    fn refuse_overwriting(&self, inputs: &[&Path]) -> Result<()> {
        // The few files written, by their real paths; each input is looked for among them (a
        // set of every input's real path would be as large as a corpus of many files).
        let targets: HashMap<PathBuf, &String> = self
            .written
            .iter()
            .filter_map(|relative| {
                let real = std::fs::canonicalize(self.out.join(relative)).ok()?;
                Some((real, relative))
            })
            .collect();
        if targets.is_empty() {
            return Ok(());
        }
        // Resolving a path costs a system call per folder in it; an input is resolved only
        // when it is the same file as a target (which it must be to have its real path).
        let identities: Option<HashSet<FileIdentity>> =
            targets.keys().map(|t| FileIdentity::of(t)).collect();
        let may_be_a_target = |input: &Path| match (&identities, FileIdentity::of(input)) {
            (Some(targets), Some(input)) => targets.contains(&input),
            _ => true,
        };
        let replaced = inputs
            .par_iter()
            .filter(|p| may_be_a_target(p))
            .filter_map(|p| std::fs::canonicalize(p).ok())
            .find_map_first(|real| targets.get(&real).copied());
        match replaced {
            Some(relative) => Err(Error::Output {
                path: self.out.join(relative),
                message: format!(
                    "is an input of this run, and writing {relative} into --out {} would \
                     replace it; choose another --out",
                    self.out.display()
                ),
            }),
            None => Ok(()),
        }
    }
}

/// What tells one file from another on its device (Unix); none where the platform does not
/// say, or the file cannot be looked at.
#[derive(Debug, PartialEq, Eq, Hash)]
struct FileIdentity {
    device: u64,
    inode: u64,
}

impl FileIdentity {
    #[cfg(unix)]
    fn of(path: &Path) -> Option<FileIdentity> {
        use std::os::unix::fs::MetadataExt;
        let metadata = std::fs::metadata(path).ok()?;
        Some(FileIdentity {
            device: metadata.dev(),
            inode: metadata.ino(),
        })
    }

    #[cfg(not(unix))]
    fn of(_path: &Path) -> Option<FileIdentity> {
        None
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        // A commit that could not be undone keeps what the next run needs to undo it.
        if !self.committed && !self.state.join(JOURNAL).exists() {
            let _ = std::fs::remove_dir_all(&self.staging);
            if self.created_state {
                let _ = std::fs::remove_dir_all(&self.state);
            }
            if self.created_out {
                // Only succeeds when empty: nothing of anyone else's is removed.
                let _ = std::fs::remove_dir(&self.out);
            }
        }
    }
}

/// Opens and locks the folder's lock file, or says which run holds it.
fn take_lock(out: &Path, state: &Path) -> Result<File> {
    let path = state.join(LOCK);
    let lock = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .read(true)
        .write(true)
        .open(&path)
        .map_err(|e| Error::write(&path, e))?;
    match lock.try_lock() {
        Ok(()) => {}
        Err(TryLockError::WouldBlock) => {
            let holder = std::fs::read_to_string(&path).unwrap_or_default();
            let holder = match holder.trim() {
                "" => String::new(),
                pid => format!(" (process {pid})"),
            };
            return Err(Error::Output {
                path: out.to_path_buf(),
                message: format!(
                    "another speechstat run{holder} is writing into this folder; wait for it \
                     to end, or choose another --out"
                ),
            });
        }
        // A file system without locks: the run goes on unguarded, as it did before locks.
        Err(TryLockError::Error(e)) if e.kind() == std::io::ErrorKind::Unsupported => {}
        Err(TryLockError::Error(e)) => return Err(Error::write(&path, e)),
    }
    // Who holds the lock, for the message of a run refused.
    let _ = lock.set_len(0);
    let _ = std::io::Write::write_all(&mut &lock, std::process::id().to_string().as_bytes());
    Ok(lock)
}

/// Undoes a commit that did not finish (its journal is still there): removes the files it
/// moved in and puts back those it moved aside. Nothing to do without a journal.
fn undo_commit(out: &Path, state: &Path) -> std::io::Result<()> {
    let journal = state.join(JOURNAL);
    let Ok(moved) = std::fs::read_to_string(&journal) else {
        return Ok(());
    };
    let staging = state.join(STAGING);
    for relative in moved.lines().filter(|l| stays_inside(l)) {
        let target = out.join(relative);
        // A file still staged was not moved in: what is at its place is not this run's.
        if !staging.join(relative).exists() && target.is_file() {
            std::fs::remove_file(&target)?;
        }
    }
    let aside = state.join(PREVIOUS);
    for relative in files_under(&aside) {
        let target = out.join(&relative);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::rename(aside.join(&relative), &target)?;
    }
    std::fs::remove_file(&journal)
}

/// Every file under `folder`, relative to it.
fn files_under(folder: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![PathBuf::new()];
    while let Some(relative) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(folder.join(&relative)) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = relative.join(entry.file_name());
            match entry.file_type() {
                Ok(kind) if kind.is_dir() => stack.push(path),
                Ok(_) => files.push(path),
                Err(_) => {}
            }
        }
    }
    files
}

/// Renames `from` to `to`, making `to`'s folder first.
fn move_file(from: &Path, to: &Path) -> Result<()> {
    if let Some(parent) = to.parent() {
        std::fs::create_dir_all(parent).map_err(|e| Error::write(parent, e))?;
    }
    std::fs::rename(from, to).map_err(|e| Error::write(to, e))
}

/// Writes `text` to `path` whole or not at all (into a temporary file renamed into place).
fn write_whole(path: &Path, text: &str) -> std::io::Result<()> {
    let temporary = path.with_extension("tmp");
    std::fs::write(&temporary, text)?;
    std::fs::rename(&temporary, path)
}

/// Removes the staging folders that earlier versions left in the output folder when they
/// were killed (their process is gone).
fn remove_old_staging(out: &Path) {
    let Ok(entries) = std::fs::read_dir(out) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(pid) = name.strip_prefix(OLD_STAGING_PREFIX) else {
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

    /// The entries of `out` a user sees (the state folder aside).
    fn visible(out: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(out)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n != STATE_FOLDER)
            .collect();
        names.sort();
        names
    }

    #[test]
    fn outputs_appear_only_on_commit() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        let mut staging = Staging::begin(&out).unwrap();
        std::fs::write(staging.file("tables/a.csv").unwrap(), "new").unwrap();
        assert!(!out.join("tables/a.csv").exists());
        let finals = staging.commit(&[]).unwrap();
        assert_eq!(finals, [out.join("tables/a.csv")]);
        assert_eq!(
            std::fs::read_to_string(out.join("tables/a.csv")).unwrap(),
            "new"
        );
        assert_eq!(visible(&out), ["tables"]);
        assert_eq!(
            recorded(&out).unwrap(),
            ["tables/a.csv", ".speechstat/outputs"]
        );
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
    fn stale_outputs_are_removed_and_the_users_files_kept() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path();
        let mut first = Staging::begin(out).unwrap();
        std::fs::write(first.file("tables/tokens.csv").unwrap(), "old").unwrap();
        std::fs::write(first.file("charts/collocates_war.png").unwrap(), "old").unwrap();
        first.commit(&[]).unwrap();
        std::fs::write(out.join("notes.txt"), "mine").unwrap();
        std::fs::write(out.join("charts/collocates_mine.png"), "mine").unwrap();
        let mut second = Staging::begin(out).unwrap();
        std::fs::write(second.file("tables/terms.csv").unwrap(), "new").unwrap();
        std::fs::write(second.file("charts/collocates_peace.png").unwrap(), "new").unwrap();
        second.commit(&[]).unwrap();
        assert!(!out.join("tables/tokens.csv").exists());
        assert!(!out.join("charts/collocates_war.png").exists());
        assert!(out.join("charts/collocates_peace.png").exists());
        assert!(out.join("notes.txt").exists());
        assert!(out.join("charts/collocates_mine.png").exists());
    }

    #[test]
    fn a_failed_commit_puts_the_previous_files_back() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path();
        let mut first = Staging::begin(out).unwrap();
        for file in ["tables/a.csv", "old.txt", "z.json"] {
            std::fs::write(first.file(file).unwrap(), "old").unwrap();
        }
        first.commit(&[]).unwrap();
        // z.json made a folder: the new one cannot move in, after the others did.
        std::fs::remove_file(out.join("z.json")).unwrap();
        std::fs::create_dir(out.join("z.json")).unwrap();
        let mut second = Staging::begin(out).unwrap();
        for file in ["tables/a.csv", "new.txt", "z.json"] {
            std::fs::write(second.file(file).unwrap(), "new").unwrap();
        }
        let err = second.commit(&[]).unwrap_err().to_string();
        assert!(err.contains("z.json"), "{err}");
        assert_eq!(
            std::fs::read_to_string(out.join("tables/a.csv")).unwrap(),
            "old"
        );
        assert_eq!(std::fs::read_to_string(out.join("old.txt")).unwrap(), "old");
        assert!(!out.join("new.txt").exists());
        assert_eq!(
            recorded(out).unwrap(),
            ["tables/a.csv", "old.txt", "z.json", ".speechstat/outputs"]
        );
    }

    #[test]
    fn a_commit_killed_halfway_is_undone_by_the_next_run() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path();
        let mut first = Staging::begin(out).unwrap();
        std::fs::write(first.file("a.csv").unwrap(), "old").unwrap();
        first.commit(&[]).unwrap();
        // What a run killed between moving a.csv aside and b.csv in leaves.
        let state = out.join(STATE_FOLDER);
        std::fs::create_dir_all(state.join("previous")).unwrap();
        std::fs::rename(out.join("a.csv"), state.join("previous/a.csv")).unwrap();
        std::fs::create_dir_all(state.join("staging")).unwrap();
        std::fs::write(state.join("staging/a.csv"), "new").unwrap();
        std::fs::write(out.join("b.csv"), "new").unwrap();
        std::fs::write(state.join("commit"), "b.csv\na.csv").unwrap();
        drop(Staging::begin(out).unwrap());
        assert_eq!(std::fs::read_to_string(out.join("a.csv")).unwrap(), "old");
        assert!(!out.join("b.csv").exists());
        assert_eq!(visible(out), ["a.csv"]);
        assert_eq!(
            std::fs::read_dir(&state).unwrap().count(),
            2,
            "the lock and the record"
        );
    }

    #[test]
    fn a_second_run_into_a_locked_folder_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let _first = Staging::begin(dir.path()).unwrap();
        let err = Staging::begin(dir.path()).unwrap_err().to_string();
        assert!(err.contains("another speechstat run"), "{err}");
        assert!(err.contains(&std::process::id().to_string()), "{err}");
    }

    #[test]
    fn an_input_is_never_written_over() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path();
        std::fs::write(out.join("report.md"), "a speech").unwrap();
        let mut staging = Staging::begin(out).unwrap();
        std::fs::write(staging.file("report.md").unwrap(), "a report").unwrap();
        let err = staging
            .commit(&[out.join("report.md").as_path()])
            .unwrap_err();
        assert!(err.to_string().contains("report.md"), "{err}");
        assert_eq!(
            std::fs::read_to_string(out.join("report.md")).unwrap(),
            "a speech"
        );
    }

    /// An input reached through a link is the file it names; a hard link elsewhere is a name
    /// of its own, which replacing the output leaves as it was.
    #[cfg(unix)]
    #[test]
    fn an_input_is_known_by_its_real_path() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        std::fs::create_dir(&out).unwrap();
        std::fs::write(out.join("report.md"), "a speech").unwrap();
        let linked = dir.path().join("linked.md");
        std::os::unix::fs::symlink(out.join("report.md"), &linked).unwrap();
        let hard = dir.path().join("hard.md");
        std::fs::hard_link(out.join("report.md"), &hard).unwrap();
        let commit = |inputs: &[&Path]| {
            let mut staging = Staging::begin(&out).unwrap();
            std::fs::write(staging.file("report.md").unwrap(), "a report").unwrap();
            staging.commit(inputs)
        };
        let err = commit(&[hard.as_path(), linked.as_path()]).unwrap_err();
        assert!(err.to_string().contains("report.md"), "{err}");
        commit(&[hard.as_path()]).unwrap();
        assert_eq!(std::fs::read_to_string(&hard).unwrap(), "a speech");
        assert_eq!(
            std::fs::read_to_string(out.join("report.md")).unwrap(),
            "a report"
        );
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
