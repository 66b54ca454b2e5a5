//! A text file named on the command line keeps the metadata its corpus's manifest gives it:
//! `corpus/speeches/2002-Bush-1.txt` has the speaker, party and year of its row in
//! `corpus/manifest.csv`, as when its folder is read whole. The manifest is the nearest
//! `manifest.csv` in the file's folder or up to [`LEVELS_UP`] folders above that lists the
//! file.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::discover::MANIFEST_NAME;
use super::manifest::read_manifest;
use crate::error::Warning;

/// Folders above a file's own where its manifest is looked for (`corpus/speeches/x.txt`
/// finds `corpus/manifest.csv`).
const LEVELS_UP: usize = 2;

/// Metadata of one file, by column.
type Metadata = Vec<(String, String)>;

/// The manifests read so far, by path: each file's metadata, by the file's resolved path
/// (None: the manifest could not be read).
#[derive(Default)]
pub(super) struct NearbyManifests {
    read: HashMap<PathBuf, Option<HashMap<PathBuf, Metadata>>>,
}

impl NearbyManifests {
    /// The manifest listing `file` and the file's metadata in it, if one does. A manifest
    /// that cannot be read is passed over with a warning: the file is read without metadata.
    pub fn metadata_of(
        &mut self,
        file: &Path,
        allow_outside: bool,
        warnings: &mut Vec<Warning>,
    ) -> Option<(PathBuf, Metadata)> {
        let resolved = std::fs::canonicalize(file).ok()?;
        // As the user would write it (`corpus/manifest.csv`) while the path given reaches.
        let mut given = file
            .ancestors()
            .skip(1)
            .filter(|a| !a.as_os_str().is_empty());
        for folder in resolved.ancestors().skip(1).take(LEVELS_UP + 1) {
            let shown = given.next().map(|g| g.join(MANIFEST_NAME));
            let manifest = folder.join(MANIFEST_NAME);
            if !manifest.is_file() {
                continue;
            }
            let shown = shown.unwrap_or_else(|| manifest.clone());
            let rows = self.read.entry(manifest.clone()).or_insert_with(|| {
                match read_manifest(&manifest, allow_outside) {
                    Ok(parsed) => Some(
                        parsed
                            .rows
                            .into_iter()
                            .map(|row| {
                                let path = std::fs::canonicalize(&row.path).unwrap_or(row.path);
                                (path, row.metadata)
                            })
                            .collect(),
                    ),
                    Err(err) => {
                        warnings.push(Warning::new(
                            &manifest,
                            format!(
                                "not read for the metadata of the files named beside it: \
                                 {err}; they are read without metadata"
                            ),
                        ));
                        None
                    }
                }
            });
            if let Some(metadata) = rows.as_ref().and_then(|rows| rows.get(&resolved)) {
                return Some((shown, metadata.clone()));
            }
        }
        None
    }
}
