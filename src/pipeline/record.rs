//! The record of a run, `run.json`: the speechstat version, the command line and every
//! effective option, each input file with its size and SHA-256, the counts, the tables with
//! their rows, the warnings and the time of each stage. Everything in it but the times and
//! the start date is the same for the same input and options.

use std::path::Path;
use std::sync::Mutex;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use rayon::prelude::*;

use super::computed::Computed;
use super::outputs::OutputInfo;
use super::summary::{StageTime, Summary};
use crate::corpus::{read_limited, FileDigest};
use crate::error::{Error, Result};
use crate::output::json::Json;
use crate::progress::Progress;
use crate::text::{AddedStopwords, StopwordSource};

/// Passes progress on and notes how long each stage took.
pub(crate) struct StageClock<'a> {
    inner: &'a dyn Progress,
    started: Mutex<Option<(&'static str, Instant)>>,
    stages: Mutex<Vec<StageTime>>,
}

impl<'a> StageClock<'a> {
    pub(crate) fn new(inner: &'a dyn Progress) -> StageClock<'a> {
        StageClock {
            inner,
            started: Mutex::new(None),
            stages: Mutex::new(Vec::new()),
        }
    }

    /// The stages finished so far, in order.
    pub(crate) fn stages(&self) -> Vec<StageTime> {
        self.stages.lock().map(|s| s.clone()).unwrap_or_default()
    }
}

impl Progress for StageClock<'_> {
    fn start(&self, stage: &'static str, total: u64) {
        if let Ok(mut started) = self.started.lock() {
            *started = Some((stage, Instant::now()));
        }
        self.inner.start(stage, total);
    }

    fn advance(&self, steps: u64) {
        self.inner.advance(steps);
    }

    fn output_done(&self, path: &str, seconds: f64) {
        self.inner.output_done(path, seconds);
    }

    fn finish(&self) {
        let finished = self.started.lock().ok().and_then(|mut s| s.take());
        if let (Some((stage, at)), Ok(mut stages)) = (finished, self.stages.lock()) {
            stages.push(StageTime {
                stage,
                seconds: at.elapsed().as_secs_f64(),
            });
        }
        self.inner.finish();
    }
}

/// A file read by the run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct InputFile<'a> {
    pub path: &'a Path,
    pub bytes: u64,
    pub sha256: [u8; 32],
}

/// Every file the analysis read: the corpus (manifests first), the stopword list, the
/// reference corpus. The speeches' text files were hashed as they were read; the others are
/// read again to hash, in parallel.
pub(crate) fn input_files(analysis: &Computed) -> Result<Vec<InputFile<'_>>> {
    let corpus = &analysis.corpus;
    let mut paths: Vec<(&Path, Option<FileDigest>)> = corpus
        .files
        .iter()
        .enumerate()
        .map(|(i, path)| (path.as_path(), corpus.digests.get(i).copied().flatten()))
        .collect();
    if let StopwordSource::File(path) = &analysis.config.stopwords {
        paths.push((path, None));
    }
    for added in &analysis.config.stopwords_add {
        if let AddedStopwords::File(path) = added {
            paths.push((path, None));
        }
    }
    paths.extend(analysis.reference_files.iter().map(|p| (p.as_path(), None)));
    paths
        .into_par_iter()
        .map(|(path, digest)| {
            let digest = match digest {
                Some(digest) => digest,
                None => FileDigest::of(&read_limited(path).map_err(|e| Error::read(path, e))?),
            };
            Ok(InputFile {
                path,
                bytes: digest.bytes,
                sha256: digest.sha256,
            })
        })
        .collect()
}

/// Lowercase hexadecimal.
fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut text = String::with_capacity(bytes.len() * 2);
    for &b in bytes {
        text.push(char::from(DIGITS[usize::from(b >> 4)]));
        text.push(char::from(DIGITS[usize::from(b & 15)]));
    }
    text
}

/// A table as written: its record for run.json, its header and first rows for the report.
pub(crate) struct WrittenTable {
    pub output: &'static OutputInfo,
    pub record: TableRecord,
    pub header: Vec<String>,
    pub preview: Vec<Vec<String>>,
}

/// A chart as drawn: its output, its file (relative to the output folder) and its title.
pub(crate) struct WrittenChart {
    pub output: &'static OutputInfo,
    pub path: String,
    pub title: String,
}

/// A table written, with its row count (header aside).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TableRecord {
    /// Relative to the output folder (`tables/terms.csv`).
    pub path: String,
    pub rows: u64,
}

/// `run.json`'s content.
pub(crate) fn run_json<'a>(
    analysis: &Computed,
    summary: &Summary,
    inputs: &'a [InputFile<'a>],
    tables: &[TableRecord],
    stages: &[StageTime],
    started: SystemTime,
) -> Json<'a> {
    let config = &analysis.config;
    let counts = Json::object([
        ("speeches", Json::Integer(summary.documents as i128)),
        (
            "speeches_read",
            Json::Integer(
                summary
                    .subset
                    .as_ref()
                    .map_or(summary.documents, |s| s.read) as i128,
            ),
        ),
        ("tokens", Json::Integer(i128::from(summary.tokens))),
        ("types", Json::Integer(summary.types as i128)),
        ("terms", Json::Integer(summary.terms as i128)),
        ("sentences", Json::Integer(i128::from(summary.sentences))),
        ("text_bytes", Json::Integer(summary.text_bytes as i128)),
    ]);
    Json::object([
        ("speechstat", Json::text(env!("CARGO_PKG_VERSION"))),
        ("started_utc", Json::text(utc_timestamp(started))),
        (
            "command_line",
            Json::Array(config.command_line.iter().map(Json::text).collect()),
        ),
        (
            "mode",
            Json::text(match config.mode {
                super::Mode::Analyze => "analyze",
                super::Mode::WordCount => "freq",
            }),
        ),
        (
            "options",
            Json::object(config.settings().iter().map(|(k, v)| (*k, v.to_json()))),
        ),
        (
            "threads",
            Json::Integer(rayon::current_num_threads() as i128),
        ),
        (
            "inputs",
            // One item per file: made as it is written, not held for a corpus of many.
            Json::Items(Box::new(move |each: &mut dyn FnMut(Json<'_>)| {
                for f in inputs {
                    each(Json::object([
                        ("path", Json::text(f.path.display().to_string())),
                        ("bytes", Json::Integer(i128::from(f.bytes))),
                        ("sha256", Json::text(hex(&f.sha256))),
                    ]));
                }
            })),
        ),
        ("counts", counts),
        (
            "tables",
            Json::Array(
                tables
                    .iter()
                    .map(|t| {
                        Json::object([
                            ("path", Json::text(t.path.as_str())),
                            ("rows", Json::Integer(i128::from(t.rows))),
                        ])
                    })
                    .collect(),
            ),
        ),
        (
            "warnings",
            Json::Array(
                summary
                    .warnings
                    .iter()
                    .map(|w| Json::text(w.to_string()))
                    .collect(),
            ),
        ),
        (
            "stages",
            Json::Array(
                stages
                    .iter()
                    .map(|s| {
                        Json::object([
                            ("stage", Json::text(s.stage)),
                            ("seconds", Json::Float((s.seconds * 1e3).round() / 1e3)),
                        ])
                    })
                    .collect(),
            ),
        ),
    ])
}

/// `2026-12-01T18:02:10Z`.
fn utc_timestamp(at: SystemTime) -> String {
    let seconds = at
        .duration_since(UNIX_EPOCH)
        .unwrap_or(Duration::ZERO)
        .as_secs();
    let (days, rest) = (seconds / 86_400, seconds % 86_400);
    let (year, month, day) = civil_from_days(days as i64);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

/// The Gregorian date of a day count since 1970-01-01 (Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use sha2::{Digest, Sha256};

    #[test]
    fn dates_are_gregorian() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
        assert_eq!(civil_from_days(20_788), (2026, 12, 1));
        let at = UNIX_EPOCH + Duration::from_secs(20_788 * 86_400 + 18 * 3600 + 2 * 60 + 10);
        assert_eq!(utc_timestamp(at), "2026-12-01T18:02:10Z");
    }

    #[test]
    fn hashes_are_sha256_in_hex() {
        // FIPS 180-2's example: SHA-256("abc").
        assert_eq!(
            hex(&Sha256::digest(b"abc")),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn the_clock_notes_each_stage_and_passes_progress_on() {
        struct Count(std::sync::atomic::AtomicU64);
        impl Progress for Count {
            fn advance(&self, steps: u64) {
                self.0
                    .fetch_add(steps, std::sync::atomic::Ordering::Relaxed);
            }
        }
        let count = Count(0.into());
        let clock = StageClock::new(&count);
        clock.start("reading", 3);
        clock.advance(3);
        clock.finish();
        clock.start("tables", 0);
        clock.finish();
        let names: Vec<&str> = clock.stages().iter().map(|s| s.stage).collect();
        assert_eq!(names, ["reading", "tables"]);
        assert_eq!(count.0.load(std::sync::atomic::Ordering::Relaxed), 3);
    }
}
