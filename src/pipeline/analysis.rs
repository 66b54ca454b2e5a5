//! The analysis a caller holds: a corpus read, counted and measured, with every table as a
//! DataFrame on demand and every output written on request. All its methods are here; what it
//! holds is `computed.rs`, what builds its outputs the catalogue (`outputs/`).

use std::path::{Path, PathBuf};

use polars::prelude::DataFrame;

use super::computed::Computed;
use super::config::Mode;
use super::outputs::{Build, OUTPUTS};
use super::record::StageClock;
use super::summary::{StageTime, Summary};
use crate::corpus::Corpus;
use crate::error::{Error, Result, Warning};
use crate::output::Staging;
use crate::progress::Progress;

/// A corpus analysed: read, tokenized and counted, with the pair counts, groupings,
/// comparisons and profiles its configuration asked for. Tables are built from it on demand
/// with [`Analysis::table`]; [`Analysis::write`] writes every table and chart.
pub struct Analysis {
    pub(crate) computed: Computed,
}

impl Analysis {
    /// The corpus as read: documents, their metadata and text.
    pub fn corpus(&self) -> &Corpus {
        self.computed.corpus()
    }

    /// Problems the analysis got past: files skipped or read with a fallback, words asked for
    /// that the corpus does not have.
    pub fn warnings(&self) -> &[Warning] {
        self.computed.warnings()
    }

    /// The corpus's sizes, with `outputs` as the files written and `stages` the time each
    /// stage took.
    pub fn summary(&self, outputs: Vec<PathBuf>, stages: Vec<StageTime>) -> Summary {
        self.computed.summary(outputs, stages)
    }

    /// The names of the tables this analysis has (see [`crate::OutputInfo::name`]), in
    /// output order.
    pub fn table_names(&self) -> Vec<&'static str> {
        OUTPUTS
            .iter()
            .filter(|o| o.is_table() && o.is_written_by(&self.computed))
            .map(|o| o.name())
            .collect()
    }

    /// One table as a DataFrame, by name (`"terms"`, `"cooccurrence"`, ...): the rows the
    /// command line writes to `tables/<name>.csv`, without reading a file back.
    pub fn table(&self, name: &str) -> Result<DataFrame> {
        let (output, build) = OUTPUTS
            .iter()
            .find_map(|o| match o.build {
                Build::Table(build) if o.name() == name => Some((o, build)),
                _ => None,
            })
            .ok_or_else(|| Error::UnknownTable {
                name: name.to_owned(),
                known: OUTPUTS
                    .iter()
                    .filter(|o| o.is_table())
                    .map(|o| o.name())
                    .collect::<Vec<_>>()
                    .join(", "),
            })?;
        if !output.is_written_by(&self.computed) {
            return Err(Error::TableNotMade {
                name: name.to_owned(),
                when: match (output.when.option(), self.computed.config.mode) {
                    (_, Mode::WordCount) if !output.in_word_count => {
                        "the word count alone does not make it".to_owned()
                    }
                    (Some(option), _) => format!("it is made only with {option}"),
                    (None, _) => "this analysis does not make it".to_owned(),
                },
            });
        }
        let mut whole: Option<DataFrame> = None;
        build(&self.computed, &mut |part| {
            match &mut whole {
                None => whole = Some(part),
                Some(whole) => {
                    whole
                        .vstack_mut_owned(part)
                        .map_err(|source| Error::Table {
                            table: output.path,
                            source,
                        })?;
                }
            }
            Ok(())
        })?;
        Ok(whole.unwrap_or_default())
    }

    /// Writes every table and chart of this analysis into `out`, with the report pages, the
    /// data dictionary and `run.json`, whole or not at all: into a staging folder first,
    /// moved into place when everything is written, with outputs of an earlier run that this
    /// one does not make removed (only files a run wrote: the folder's record lists them).
    /// Refused while another run writes into `out`. Returns the files written.
    pub fn write(&self, out: &Path, progress: &dyn Progress) -> Result<Vec<PathBuf>> {
        let clock = StageClock::new(progress);
        let started = std::time::SystemTime::now();
        let staging = Staging::begin(out)?;
        Ok(super::write::write(&self.computed, staging, &clock, started)?.files)
    }
}
