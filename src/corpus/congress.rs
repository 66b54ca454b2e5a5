//! The Congressional Record as Gentzkow, Shapiro and Taddy distribute it (hein-daily and
//! hein-bound): for each volume, `speeches_NNN.txt` (`speech_id|speech`), `descr_NNN.txt`
//! (the date, chamber and speaker of each speech) and `NNN_SpeakerMap.txt` (party, state and
//! district of the speakers it could match), pipe-delimited without quoting, in Latin-1. One
//! speech per row, its id the `speech_id`; the other two files joined on it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::decode::Encoding;
use crate::error::{Error, Result, Warning};

/// The id column that joins the three files.
const SPEECH_ID: &str = "speech_id";
/// Speaker-map columns that repeat what the descriptions say.
const REPEATED: [&str; 5] = ["lastname", "firstname", "chamber", "state", "gender"];

/// One volume: its speeches file and the two files beside it, when present.
#[derive(Debug, Clone)]
pub struct Volume {
    pub speeches: PathBuf,
    descriptions: Option<(PathBuf, Vec<String>)>,
    speaker_map: Option<(PathBuf, Vec<String>)>,
}

/// One speech of a volume.
#[derive(Debug)]
pub struct Speech {
    pub id: String,
    pub line: u64,
    pub text: String,
    pub metadata: Vec<(String, String)>,
}

impl Volume {
    /// The volume of `speeches_NNN.txt`; a missing companion file is a warning.
    pub fn find(speeches: &Path) -> Result<(Volume, Vec<Warning>)> {
        let name = speeches
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let number = name
            .trim_start_matches("speeches_")
            .trim_end_matches(".txt");
        let mut warnings = Vec::new();
        let mut companion = |file: String| -> Result<Option<(PathBuf, Vec<String>)>> {
            let path = speeches.with_file_name(&file);
            if !path.is_file() {
                warnings.push(Warning::new(
                    speeches,
                    format!("no {file} beside it: the columns it gives are left blank"),
                ));
                return Ok(None);
            }
            let header = header(&path)?;
            if !header.iter().any(|c| c == SPEECH_ID) {
                return Err(Error::Format {
                    path,
                    message: format!(
                        "has no {SPEECH_ID:?} column (columns: {}); the Congressional \
                         Record's files are joined on it",
                        header.join(", ")
                    ),
                });
            }
            Ok(Some((path, header)))
        };
        let descriptions = companion(format!("descr_{number}.txt"))?;
        let speaker_map = companion(format!("{number}_SpeakerMap.txt"))?;
        Ok((
            Volume {
                speeches: speeches.to_path_buf(),
                descriptions,
                speaker_map,
            },
            warnings,
        ))
    }

    /// The metadata columns: the descriptions' then the speaker map's new ones.
    pub fn columns(&self) -> Vec<String> {
        let mut columns: Vec<String> = Vec::new();
        if let Some((_, header)) = &self.descriptions {
            columns.extend(header.iter().filter(|c| *c != SPEECH_ID).cloned());
        }
        if let Some((_, header)) = &self.speaker_map {
            for column in header {
                if column != SPEECH_ID
                    && !REPEATED.contains(&column.as_str())
                    && !columns.contains(column)
                {
                    columns.push(column.clone());
                }
            }
        }
        columns
    }

    /// The speeches' file, then its companions.
    pub fn files(&self) -> Vec<PathBuf> {
        let mut files = vec![self.speeches.clone()];
        for (path, _) in self.descriptions.iter().chain(&self.speaker_map) {
            files.push(path.clone());
        }
        files
    }

    /// Bytes of the speeches' file.
    pub fn size(&self) -> usize {
        std::fs::metadata(&self.speeches).map_or(0, |m| m.len() as usize)
    }

    /// The volume's speeches in file order, with their descriptions and speakers joined.
    pub fn read(&self) -> Result<(Vec<Speech>, Encoding)> {
        let mut joined: HashMap<String, Vec<(String, String)>> = HashMap::new();
        if let Some((path, _)) = &self.descriptions {
            for (id, row) in rows_by_id(path)? {
                joined.entry(id).or_default().extend(row);
            }
        }
        if let Some((path, _)) = &self.speaker_map {
            for (id, row) in rows_by_id(path)? {
                let entry = joined.entry(id).or_default();
                entry.extend(
                    row.into_iter()
                        .filter(|(c, _)| !REPEATED.contains(&c.as_str())),
                );
            }
        }
        let (text, encoding) = latin1(&self.speeches)?;
        let mut lines = text.lines().enumerate();
        let header = lines.next().map(|(_, h)| h).unwrap_or("");
        if header.split('|').next() != Some(SPEECH_ID) {
            return Err(Error::Format {
                path: self.speeches.clone(),
                message: format!(
                    "does not start with the header \"{SPEECH_ID}|speech\" of the \
                     Congressional Record's speeches files (found {header:?})"
                ),
            });
        }
        let mut speeches = Vec::new();
        for (index, line) in lines {
            if line.trim().is_empty() {
                continue;
            }
            let (id, speech) = line.split_once('|').unwrap_or((line, ""));
            let id = id.trim().to_owned();
            speeches.push(Speech {
                metadata: joined.remove(&id).unwrap_or_default(),
                id,
                line: index as u64 + 1,
                text: speech.to_owned(),
            });
        }
        Ok((speeches, encoding))
    }
}

/// The files are Latin-1 (each byte one character), unless they are valid UTF-8.
fn latin1(path: &Path) -> Result<(String, Encoding)> {
    let bytes = super::read_limited(path).map_err(|e| Error::read(path, e))?;
    Ok(match String::from_utf8(bytes) {
        Ok(text) => (text, Encoding::Utf8),
        Err(e) => (
            e.into_bytes().iter().map(|&b| b as char).collect(),
            Encoding::Latin1,
        ),
    })
}

fn header(path: &Path) -> Result<Vec<String>> {
    let (text, _) = latin1(path)?;
    Ok(text
        .lines()
        .next()
        .unwrap_or("")
        .split('|')
        .map(|c| c.trim().to_owned())
        .collect())
}

/// A row's columns and values.
type Row = Vec<(String, String)>;

/// A pipe-delimited companion file's rows by `speech_id`.
fn rows_by_id(path: &Path) -> Result<Vec<(String, Row)>> {
    let (text, _) = latin1(path)?;
    let mut lines = text.lines();
    let header: Vec<&str> = lines
        .next()
        .unwrap_or("")
        .split('|')
        .map(str::trim)
        .collect();
    let id_index = header.iter().position(|c| *c == SPEECH_ID).unwrap_or(0);
    Ok(lines
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let values: Vec<&str> = line.split('|').collect();
            let id = values.get(id_index).unwrap_or(&"").trim().to_owned();
            let row = header
                .iter()
                .zip(&values)
                .filter(|(c, _)| **c != SPEECH_ID)
                .map(|(c, v)| ((*c).to_owned(), v.trim().to_owned()))
                .collect();
            (id, row)
        })
        .collect())
}
