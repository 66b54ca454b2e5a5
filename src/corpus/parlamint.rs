//! ParlaMint sittings, in either of ParlaMint's two forms: TEI XML, or plain text
//! (`utterance id<TAB>text` per line). One speech per utterance (or, with `--unit sitting`,
//! one per sitting), its id the utterance's id. The sitting's `Text_ID`, date and house come
//! from the TEI header; speaker, party, role and gender from the sitting's `-meta.tsv` when
//! it lies beside the file, else from the corpus's `-listPerson.xml` and `-listOrg.xml`.
//! Both forms of a sitting with its `-meta.tsv` give the same speeches and metadata.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::decode::{decode, Decoded};
use super::tei::{self, Person};
use super::Unit;
use crate::error::{Error, Result, Warning};

/// The metadata columns of a ParlaMint speech, before the `-meta.tsv`'s other columns.
const SPEECH_COLUMNS: [&str; 8] = [
    "Text_ID",
    "date",
    "house",
    "speaker",
    "speaker_id",
    "party",
    "role",
    "gender",
];
/// The first three are the sitting's own.
const SITTING_COLUMNS: usize = 3;

/// `-meta.tsv` columns and the names speechstat gives them; `ID` is the speech's id.
const META_NAMES: [(&str, &str); 8] = [
    ("Text_ID", "Text_ID"),
    ("Date", "date"),
    ("Body", "house"),
    ("Speaker_name", "speaker"),
    ("Speaker_ID", "speaker_id"),
    ("Speaker_party", "party"),
    ("Speaker_role", "role"),
    ("Speaker_gender", "gender"),
];
const META_ID: &str = "ID";
/// `-meta.tsv` columns that describe the sitting, kept with `--unit sitting`.
const SITTING_META: [&str; 7] = [
    "Title",
    "Term",
    "Session",
    "Meeting",
    "Sitting",
    "Subcorpus",
    "Lang",
];
/// How `-meta.tsv` marks a missing value.
const MISSING: &str = "-";

/// Which of ParlaMint's forms a sitting's file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    Tei,
    Text,
}

/// A sitting found, with the files its metadata come from.
#[derive(Debug, Clone)]
pub struct Sitting {
    pub path: PathBuf,
    pub form: Form,
    /// The `-meta.tsv` beside it, and its header.
    meta: Option<(PathBuf, Vec<String>)>,
    lists: Option<Arc<Lists>>,
    unit: Unit,
}

/// The corpus's person and party lists.
#[derive(Debug, Default)]
pub struct Lists {
    persons: HashMap<String, Person>,
    parties: HashMap<String, String>,
}

/// The lists found so far, by the folder they were looked for in.
pub type ListsCache = HashMap<PathBuf, Option<Arc<Lists>>>;

/// One speech of a sitting.
#[derive(Debug)]
pub struct Speech {
    pub id: String,
    pub label: String,
    pub text: String,
    /// Transcriber marks left out of the text.
    pub marks: u32,
    pub metadata: Vec<(String, String)>,
}

impl Sitting {
    /// A sitting's file and the metadata files beside it (the lists only when there is no
    /// `-meta.tsv`, and only for TEI); a warning when neither gives the speakers.
    pub fn find(
        path: &Path,
        form: Form,
        unit: Unit,
        cache: &mut ListsCache,
    ) -> Result<(Sitting, Vec<Warning>)> {
        let mut warnings = Vec::new();
        let meta_path = meta_path(path);
        let meta = match meta_path.is_file() {
            true => Some((meta_path.clone(), meta_header(&meta_path)?)),
            false => None,
        };
        let lists = match (&meta, form) {
            (None, Form::Tei) => find_lists(path, cache)?,
            _ => None,
        };
        if meta.is_none() && lists.is_none() && unit == Unit::Speech {
            let what = match form {
                Form::Tei => format!(
                    "no {} beside it and no -listPerson.xml in its folder or the one above",
                    file_name(&meta_path)
                ),
                Form::Text => format!("no {} beside it", file_name(&meta_path)),
            };
            warnings.push(Warning::new(
                path,
                format!("{what}: the speakers' names, parties and gender are left blank"),
            ));
        }
        Ok((
            Sitting {
                path: path.to_path_buf(),
                form,
                meta,
                lists,
                unit,
            },
            warnings,
        ))
    }

    /// The metadata columns its speeches have.
    pub fn columns(&self) -> Vec<String> {
        let fixed = match self.unit {
            Unit::Speech => &SPEECH_COLUMNS[..],
            Unit::Sitting => &SPEECH_COLUMNS[..SITTING_COLUMNS],
        };
        let mut columns: Vec<String> = fixed.iter().map(|c| (*c).to_owned()).collect();
        if let Some((_, header)) = &self.meta {
            columns.extend(header.iter().filter(|c| self.keeps_meta_column(c)).cloned());
        }
        columns
    }

    /// A `-meta.tsv` column kept under its own name.
    fn keeps_meta_column(&self, column: &str) -> bool {
        let renamed = column == META_ID || META_NAMES.iter().any(|(m, _)| *m == column);
        match self.unit {
            Unit::Speech => !renamed,
            Unit::Sitting => SITTING_META.contains(&column),
        }
    }

    /// Its file, then the `-meta.tsv` read with it.
    pub fn files(&self) -> Vec<PathBuf> {
        let mut files = vec![self.path.clone()];
        files.extend(self.meta.iter().map(|(path, _)| path.clone()));
        files
    }

    /// Bytes of the sitting's file.
    pub fn size(&self) -> usize {
        std::fs::metadata(&self.path).map_or(0, |m| m.len() as usize)
    }

    /// Reads the sitting's speeches, in its order.
    pub fn read(&self, keep_marks: bool) -> Result<Vec<Speech>> {
        let text = read_text(&self.path)?;
        let meta = match &self.meta {
            Some((path, _)) => read_meta(path)?,
            None => HashMap::new(),
        };
        let stem = file_stem(&self.path);
        let mut speeches = Vec::new();
        let mut between = 0;
        let (text_id, date, house) = match self.form {
            Form::Tei => {
                let sitting =
                    tei::parse_sitting(&text, keep_marks).map_err(|message| Error::Format {
                        path: self.path.clone(),
                        message: format!("is not readable as ParlaMint TEI: {message}"),
                    })?;
                between = sitting.marks_between;
                for u in sitting.utterances {
                    let mut metadata =
                        vec![("speaker_id", u.who.clone()), ("role", u.role.clone())];
                    if let Some(person) = self.lists.as_ref().and_then(|l| l.persons.get(&u.who)) {
                        let party = person.party_on(&sitting.date).and_then(|p| {
                            self.lists.as_ref().and_then(|l| l.parties.get(p)).cloned()
                        });
                        metadata.push(("speaker", person.name.clone()));
                        metadata.push(("gender", person.gender.clone()));
                        metadata.push(("party", party.unwrap_or_default()));
                    }
                    speeches.push(Speech {
                        label: self.path.display().to_string(),
                        metadata: metadata
                            .into_iter()
                            .map(|(k, v)| (k.to_owned(), v))
                            .collect(),
                        id: u.id,
                        text: u.text,
                        marks: u.marks,
                    });
                }
                let text_id = if sitting.text_id.is_empty() {
                    stem
                } else {
                    sitting.text_id
                };
                (text_id, sitting.date, sitting.house)
            }
            Form::Text => {
                for (index, line) in text.lines().enumerate() {
                    if line.trim().is_empty() {
                        continue;
                    }
                    let (id, words) = line.split_once('\t').ok_or_else(|| Error::Format {
                        path: self.path.clone(),
                        message: format!(
                            "line {}: no tab; ParlaMint's plain text has an utterance id, a \
                             tab and the text on each line",
                            index + 1
                        ),
                    })?;
                    speeches.push(Speech {
                        id: id.trim().to_owned(),
                        label: format!("{}:{}", self.path.display(), index + 1),
                        text: words.to_owned(),
                        marks: 0,
                        metadata: Vec::new(),
                    });
                }
                (stem, String::new(), String::new())
            }
        };
        let sitting_values = [("Text_ID", text_id), ("date", date), ("house", house)];
        for speech in &mut speeches {
            let mut metadata: Vec<(String, String)> = sitting_values
                .iter()
                .map(|(k, v)| ((*k).to_owned(), v.clone()))
                .collect();
            metadata.append(&mut speech.metadata);
            if let Some(row) = meta.get(&speech.id) {
                for (column, value) in row {
                    let name = META_NAMES
                        .iter()
                        .find(|(m, _)| m == column)
                        .map_or(column.as_str(), |(_, n)| n);
                    set(&mut metadata, name, value);
                }
            }
            speech.metadata = metadata;
        }
        Ok(match self.unit {
            Unit::Speech => speeches,
            Unit::Sitting => vec![whole_sitting(&self.path, speeches, between)],
        })
    }
}

/// The sitting as one speech: its utterances as paragraphs, the sitting's metadata.
fn whole_sitting(path: &Path, speeches: Vec<Speech>, between: u32) -> Speech {
    let marks = between + speeches.iter().map(|s| s.marks).sum::<u32>();
    let metadata: Vec<(String, String)> = speeches
        .first()
        .map(|s| {
            s.metadata
                .iter()
                .filter(|(k, _)| {
                    SPEECH_COLUMNS[..SITTING_COLUMNS].contains(&k.as_str())
                        || SITTING_META.contains(&k.as_str())
                })
                .cloned()
                .collect()
        })
        .unwrap_or_default();
    let id = metadata
        .iter()
        .find(|(k, _)| k == "Text_ID")
        .map_or_else(|| file_stem(path), |(_, v)| v.clone());
    Speech {
        id,
        label: path.display().to_string(),
        text: speeches
            .into_iter()
            .map(|s| s.text)
            .collect::<Vec<_>>()
            .join("\n\n"),
        marks,
        metadata,
    }
}

fn set(metadata: &mut Vec<(String, String)>, name: &str, value: &str) {
    let value = if value == MISSING { "" } else { value };
    match metadata.iter_mut().find(|(k, _)| k == name) {
        Some(entry) => entry.1 = value.to_owned(),
        None => metadata.push((name.to_owned(), value.to_owned())),
    }
}

/// `X.xml` and `X.txt` have `X-meta.tsv` beside them.
fn meta_path(path: &Path) -> PathBuf {
    path.with_file_name(format!("{}-meta.tsv", file_stem(path)))
}

fn file_stem(path: &Path) -> String {
    path.file_stem()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned())
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned())
}

fn read_text(path: &Path) -> Result<String> {
    let bytes = super::read_limited(path).map_err(|e| Error::read(path, e))?;
    match decode(bytes) {
        Decoded::Text { text, .. } => Ok(text),
        Decoded::Binary => Err(Error::Format {
            path: path.to_path_buf(),
            message: "is not a text file".into(),
        }),
    }
}

fn meta_header(path: &Path) -> Result<Vec<String>> {
    let text = read_text(path)?;
    Ok(text
        .lines()
        .next()
        .unwrap_or("")
        .split('\t')
        .map(|c| c.trim().to_owned())
        .collect())
}

/// The rows of a `-meta.tsv` by utterance id, each as its columns and values.
fn read_meta(path: &Path) -> Result<HashMap<String, Vec<(String, String)>>> {
    let text = read_text(path)?;
    let mut lines = text.lines();
    let header: Vec<&str> = lines
        .next()
        .unwrap_or("")
        .split('\t')
        .map(str::trim)
        .collect();
    let id_index = header
        .iter()
        .position(|c| *c == META_ID)
        .ok_or_else(|| Error::Format {
            path: path.to_path_buf(),
            message: format!(
                "has no {META_ID:?} column (columns: {}); a ParlaMint -meta.tsv names each \
                 utterance's id in it",
                header.join(", ")
            ),
        })?;
    let mut rows = HashMap::new();
    for line in lines.filter(|l| !l.trim().is_empty()) {
        let values: Vec<&str> = line.split('\t').collect();
        let Some(id) = values.get(id_index) else {
            continue;
        };
        let row = header
            .iter()
            .zip(&values)
            .filter(|(c, _)| **c != META_ID)
            .map(|(c, v)| ((*c).to_owned(), v.trim().to_owned()))
            .collect();
        rows.insert(id.trim().to_owned(), row);
    }
    Ok(rows)
}

/// The person and party lists of the corpus a TEI sitting belongs to: in its folder or the
/// one above (ParlaMint puts sittings in year folders).
fn find_lists(path: &Path, cache: &mut ListsCache) -> Result<Option<Arc<Lists>>> {
    let folder = path.parent().unwrap_or(Path::new("."));
    for dir in [Some(folder), folder.parent()].into_iter().flatten() {
        if let Some(found) = cache.get(dir) {
            if found.is_some() {
                return Ok(found.clone());
            }
            continue;
        }
        let found = load_lists(dir)?;
        cache.insert(dir.to_path_buf(), found.clone());
        if found.is_some() {
            return Ok(found);
        }
    }
    Ok(None)
}

fn load_lists(dir: &Path) -> Result<Option<Arc<Lists>>> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(None);
    };
    let mut names: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    names.sort();
    let ends = |p: &Path, end: &str| {
        p.file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with("ParlaMint") && n.ends_with(end))
    };
    let Some(persons_file) = names.iter().find(|p| ends(p, "-listPerson.xml")) else {
        return Ok(None);
    };
    let xml_error = |path: &Path, message: String| Error::Format {
        path: path.to_path_buf(),
        message: format!("is not readable as a ParlaMint list: {message}"),
    };
    let persons =
        tei::parse_persons(&read_text(persons_file)?).map_err(|m| xml_error(persons_file, m))?;
    let parties = match names.iter().find(|p| ends(p, "-listOrg.xml")) {
        Some(orgs) => tei::parse_parties(&read_text(orgs)?).map_err(|m| xml_error(orgs, m))?,
        None => HashMap::new(),
    };
    Ok(Some(Arc::new(Lists { persons, parties })))
}
