//! Counting on many machines: `speechstat count` writes a shard (what reading a part of the
//! corpus gives, as Parquet files: `files.rs`), `speechstat merge` (or an engine's SQL)
//! merges shards, and `speechstat score` rebuilds from a merged shard what reading the whole
//! corpus gives (`rebuild.rs`) and runs the passes and writes of `analyze` unchanged, so its
//! tables and charts are those of one `analyze` of the whole corpus.
//!
//! The order rule: the merged corpus is the speeches of part 1 (`count --part 1`), then of
//! part 2, ..., each part's in the order its `count` read them. Cut a corpus into
//! consecutive runs of its speeches (of its manifest's rows, or of its sorted files) and
//! number the parts in that order; each speech keeps its `doc_id` when its files keep their
//! paths relative to the manifest or input folder.

mod counted;
mod files;
mod long_tables;
mod merge;
mod pairs;
mod rebuild;
mod settings;

pub use files::SHARD_FILES;

use std::path::{Path, PathBuf};

use super::record::StageClock;
use super::{
    count_and_pair, normalizer, read_and_tokenize, write, Config, Purpose, Summary, Texts,
};
use crate::error::{Error, Result};
use crate::output::Staging;
use crate::progress::Progress;

/// What `count` or `merge` wrote.
#[derive(Debug, Clone)]
pub struct ShardSummary {
    /// Speeches in the shard.
    pub speeches: usize,
    /// Word tokens in the shard.
    pub tokens: u64,
    /// The files written.
    pub files: Vec<PathBuf>,
}

/// `speechstat count`: reads and counts the corpus `config` describes (its reading options,
/// language, stemming and stopwords) and writes its shard into `config.out`, whole or not at
/// all; its speeches are part `part` of the merged corpus.
pub fn count_shard(config: &Config, part: u32, progress: &dyn Progress) -> Result<ShardSummary> {
    let mut staging = Staging::begin(&config.out)?;
    let normalizer = normalizer(config)?;
    let read = read_and_tokenize(
        config,
        &normalizer,
        Texts::Release,
        Purpose::Shard,
        progress,
    )?;
    let settings = settings::of(config, &normalizer);
    counted::write(&read, part, &settings, &mut staging)?;
    let inputs: Vec<&Path> = read.corpus.files.iter().map(PathBuf::as_path).collect();
    let files = staging.commit(&inputs)?;
    Ok(ShardSummary {
        speeches: read.corpus.documents.len(),
        tokens: read.counts.as_ref().map_or(0, |c| c.total_tokens()),
        files,
    })
}

/// `speechstat merge`: the shards at `shards` as one shard in `out`, whole or not at all.
pub fn merge_shards(shards: &[PathBuf], out: &Path) -> Result<ShardSummary> {
    let mut staging = Staging::begin(out)?;
    let frames = merge::merge(shards)?;
    let speeches = frames.speeches.height();
    let tokens = files::Table::new(&frames.speeches, out, SHARD_FILES[1])
        .integers("n_tokens")?
        .iter()
        .sum();
    let inputs: Vec<PathBuf> = shards
        .iter()
        .flat_map(|dir| SHARD_FILES.iter().map(move |name| dir.join(name)))
        .collect();
    files::write(frames, shards, &mut staging)?;
    let inputs: Vec<&Path> = inputs.iter().map(PathBuf::as_path).collect();
    let files = staging.commit(&inputs)?;
    Ok(ShardSummary {
        speeches,
        tokens,
        files,
    })
}

/// `speechstat score`: every output of `analyze` under `config` (whose `inputs` name the
/// shard folder), from the shard: the same as one `analyze` of the corpus the shard's parts
/// came from. Its language, stemming, stopwords and reading options are the shard's.
pub fn score_shard(config: &Config, progress: &dyn Progress) -> Result<Summary> {
    let started = std::time::SystemTime::now();
    let [dir] = config.inputs.as_slice() else {
        return Err(Error::Option {
            option: "SHARD",
            message: format!(
                "score takes one shard folder, not {}; merge the shards first (speechstat \
                 merge, or the SQL of the README)",
                config.inputs.len()
            ),
        });
    };
    if config.kwic.is_some() {
        return Err(Error::Option {
            option: "--kwic",
            message: "needs the speeches' texts, which a shard does not keep; run speechstat \
                      kwic on the corpus"
                .into(),
        });
    }
    let clock = StageClock::new(progress);
    let staging = Staging::begin(&config.out)?;
    clock.start("reading", 0);
    let frames = files::read(dir)?;
    let recorded = merge::settings_of(&frames, dir)?;
    settings::check_single(&recorded, dir)?;
    let (config, normalizer) = settings::apply(&recorded, dir, config)?;
    let read = rebuild::read(&frames, dir, &config, &normalizer)?;
    drop(frames);
    clock.finish();
    let computed = count_and_pair(&config, &normalizer, read, &clock)?;
    let written = write::write(&computed, staging, &clock, started)?;
    let mut summary = computed.summary(written.files, clock.stages());
    summary.warnings.extend(written.warnings);
    Ok(summary)
}
