//! `speechstat merge`: several shards as one, as the SQL of the README merges them on an
//! engine: the per-speech tables one after another, the form counts summed by form, the pair
//! counts by pair. Refused:
//! shards of different settings, a speech in two shards, a part in two shards.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use polars::prelude::*;

use super::files::{frame, read, ShardFrames, Table, SHARD_FILES};
use super::pairs;
use super::settings::{check_same, check_single, Settings};
use crate::error::{Error, Result};

/// The shards at `dirs` merged into one, but for its tables that grow with the text
/// (`tokens`, `speech_terms`): they are copied from the shards as they are written (see
/// [`super::files::write`]).
pub(super) fn merge(dirs: &[PathBuf]) -> Result<ShardFrames> {
    let mut merged: Option<(ShardFrames, Settings, &Path)> = None;
    let mut speech_shard: HashMap<String, usize> = HashMap::new();
    let mut part_shard: HashMap<u64, usize> = HashMap::new();
    let mut forms = FormSums::default();
    let mut pair_tables: Vec<(DataFrame, &Path)> = Vec::new();
    for (s, dir) in dirs.iter().enumerate() {
        let mut shard = read(dir)?;
        let settings = settings_of(&shard, dir)?;
        check_single(&settings, dir)?;
        if let Some((_, first, first_dir)) = &merged {
            check_same(first, first_dir, &settings, dir)?;
        }
        let speeches = Table::new(&shard.speeches, dir, SHARD_FILES[1]);
        for id in speeches.strings("doc_id")? {
            if let Some(&other) = speech_shard.get(id) {
                return Err(Error::Shard {
                    path: dir.clone(),
                    message: format!(
                        "holds speech {id:?}, which {} holds too; count each speech in one \
                         shard only",
                        dirs[other].display()
                    ),
                });
            }
            speech_shard.insert(id.to_owned(), s);
        }
        for part in speeches.integers("part")? {
            match part_shard.get(&part) {
                Some(&other) if other != s => {
                    return Err(Error::Shard {
                        path: dir.clone(),
                        message: format!(
                            "is part {part}, and so is {}; count each shard with its own \
                             --part, in the order of the corpus",
                            dirs[other].display()
                        ),
                    })
                }
                _ => {
                    part_shard.insert(part, s);
                }
            }
        }
        forms.add(&Table::new(&shard.forms, dir, SHARD_FILES[4]))?;
        // Summed once all are read: the sums borrow their strings.
        pair_tables.push((std::mem::take(&mut shard.pairs), dir));
        match &mut merged {
            None => merged = Some((shard, settings, dir)),
            Some((all, _, _)) => {
                append(&mut all.speeches, &shard.speeches, dir, SHARD_FILES[1])?;
            }
        }
    }
    let Some((mut all, _, _)) = merged else {
        return Err(Error::Option {
            option: "SHARD",
            message: "give at least one shard folder to merge".into(),
        });
    };
    all.forms = forms.frame()?;
    let tables: Vec<Table> = pair_tables
        .iter()
        .map(|(frame, dir)| Table::new(frame, dir, SHARD_FILES[5]))
        .collect();
    all.pairs = pairs::sum(&tables)?;
    Ok(all)
}

/// The settings table of a shard as rows.
pub(super) fn settings_of(shard: &ShardFrames, dir: &Path) -> Result<Settings> {
    let table = Table::new(&shard.settings, dir, SHARD_FILES[0]);
    let names = table.strings("setting")?;
    let values = table.strings("value")?;
    Ok(names
        .into_iter()
        .zip(values)
        .map(|(n, v)| (n.to_owned(), v.to_owned()))
        .collect())
}

/// `other`'s rows after `all`'s; an error when their columns differ.
fn append(all: &mut DataFrame, other: &DataFrame, dir: &Path, file: &str) -> Result<()> {
    let differ = |detail: String| Error::Shard {
        path: dir.join(file),
        message: format!(
            "has other columns than the first shard's ({detail}); shards of one corpus have \
             the same metadata columns"
        ),
    };
    if all.get_column_names() != other.get_column_names() {
        return Err(differ(format!(
            "{:?} vs {:?}",
            other.get_column_names(),
            all.get_column_names()
        )));
    }
    all.vstack_mut(other).map_err(|e| differ(e.to_string()))?;
    Ok(())
}

/// Each form's tokens summed over the shards, in the order the forms were first met.
#[derive(Default)]
struct FormSums {
    index: HashMap<String, usize>,
    rows: Vec<(String, String, bool, u64)>,
}

impl FormSums {
    fn add(&mut self, table: &Table) -> Result<()> {
        let forms = table.strings("form")?;
        let terms = table.strings("term")?;
        let stopwords = table.flags("stopword")?;
        let counts = table.integers("count")?;
        for i in 0..forms.len() {
            match self.index.get(forms[i]) {
                Some(&r) => {
                    let row = &mut self.rows[r];
                    if row.1 != terms[i] || row.2 != stopwords[i] {
                        return Err(table.error(format!(
                            "gives form {:?} the term {:?} (stopword: {}), another shard {:?} \
                             (stopword: {}); count every shard with the same settings",
                            forms[i], terms[i], stopwords[i], row.1, row.2
                        )));
                    }
                    row.3 += counts[i];
                }
                None => {
                    self.index.insert(forms[i].to_owned(), self.rows.len());
                    self.rows.push((
                        forms[i].to_owned(),
                        terms[i].to_owned(),
                        stopwords[i],
                        counts[i],
                    ));
                }
            }
        }
        Ok(())
    }

    fn frame(self) -> Result<DataFrame> {
        let rows = &self.rows;
        frame(
            "forms",
            vec![
                Column::new(
                    "form".into(),
                    rows.iter().map(|r| r.0.as_str()).collect::<Vec<_>>(),
                ),
                Column::new(
                    "term".into(),
                    rows.iter().map(|r| r.1.as_str()).collect::<Vec<_>>(),
                ),
                Column::new(
                    "stopword".into(),
                    rows.iter().map(|r| r.2).collect::<Vec<_>>(),
                ),
                Column::new("count".into(), rows.iter().map(|r| r.3).collect::<Vec<_>>()),
            ],
        )
    }
}
