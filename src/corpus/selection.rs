//! `--target EXPR` and `--compare EXPR EXPR`: a set of speeches named by the conditions they
//! meet, written as `--where` conditions joined by commas, all of which must hold
//! (`iso3=UKR,year>=2022`). A part without an operator continues the `in` list before it:
//! `iso3 in UKR,RUS,year>=2022` is `iso3 in UKR,RUS` and `year>=2022`.

use super::subset::{Comparison, Condition};
use super::Corpus;
use crate::columns;
use crate::error::{Error, Result};

/// The speeches an expression names, with the expression as written (their name in tables
/// and charts).
#[derive(Debug, Clone, PartialEq)]
pub struct Selection {
    /// As the user wrote it, trimmed.
    pub text: String,
    /// Every one must hold.
    pub conditions: Vec<Condition>,
}

impl Selection {
    /// Reads `iso3=UKR,year>=2022` or `iso3 in UKR,RUS,year>=2022`.
    pub fn parse(text: &str) -> std::result::Result<Selection, String> {
        let mut conditions: Vec<Condition> = Vec::new();
        for part in text.split(',') {
            match Condition::parse(part) {
                Ok(condition) => conditions.push(condition),
                Err(err) => match conditions.last_mut() {
                    // `iso3 in UKR,RUS`: the part is the list's next value.
                    Some(last) if last.comparison == Comparison::In && !part.trim().is_empty() => {
                        last.values.push(part.trim().to_owned());
                        last.text = format!("{},{}", last.text, part.trim());
                    }
                    _ => {
                        return Err(format!(
                            "{err}; join several with commas (iso3=UKR,year>=2022), all must hold"
                        ))
                    }
                },
            }
        }
        Ok(Selection {
            text: text.trim().to_owned(),
            conditions,
        })
    }

    /// Which of the corpus's documents meet every condition; an error naming `option` when a
    /// condition's column is not the corpus's.
    pub(crate) fn members(&self, corpus: &Corpus, option: &'static str) -> Result<Vec<bool>> {
        let columns = &corpus.metadata_columns;
        let indexed = self
            .conditions
            .iter()
            .map(|c| match c.column_index(columns) {
                Some(index) => Ok((c, index)),
                None => Err(Error::UnknownColumn {
                    option,
                    column: c.column.clone(),
                    known: std::iter::once(columns::DOC_ID.name)
                        .chain(columns.iter().map(String::as_str))
                        .collect::<Vec<_>>()
                        .join(", "),
                }),
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(corpus
            .documents
            .iter()
            .map(|d| {
                indexed
                    .iter()
                    .all(|(c, index)| c.holds_for(*index, &d.id, &d.metadata))
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Document;

    #[test]
    fn commas_join_conditions_and_continue_in_lists() {
        let s = Selection::parse("iso3=UKR,year>=2022").unwrap();
        assert_eq!(s.text, "iso3=UKR,year>=2022");
        let texts: Vec<&str> = s.conditions.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, ["iso3=UKR", "year>=2022"]);
        let s = Selection::parse("iso3 in UKR, RUS,year>=2022").unwrap();
        assert_eq!(s.conditions.len(), 2);
        assert_eq!(s.conditions[0].values, ["UKR", "RUS"]);
        assert_eq!(s.conditions[1].comparison, Comparison::GreaterOrEqual);
    }

    #[test]
    fn a_part_that_is_no_condition_is_refused() {
        for text in ["iso3=UKR,2022", "iso3", "iso3=UKR,,year>2000", ""] {
            let err = Selection::parse(text).unwrap_err();
            assert!(
                err.contains("COLUMN=VALUE") && err.contains("commas"),
                "{text}: {err}"
            );
        }
    }

    #[test]
    fn members_meet_every_condition_and_an_unknown_column_is_named() {
        let document = |id: &str, iso3: &str, year: &str| Document {
            metadata: vec![iso3.into(), year.into()],
            ..Document::from_text(id, "")
        };
        let corpus = Corpus::new(
            vec!["iso3".into(), "year".into()],
            vec![
                document("a", "UKR", "2021"),
                document("b", "UKR", "2022"),
                document("c", "RUS", "2022"),
            ],
        )
        .unwrap();
        let s = Selection::parse("iso3=UKR,year>=2022").unwrap();
        assert_eq!(
            s.members(&corpus, "--target").unwrap(),
            [false, true, false]
        );
        let s = Selection::parse("doc_id in a,c").unwrap();
        assert_eq!(s.members(&corpus, "--target").unwrap(), [true, false, true]);
        let err = Selection::parse("party=X")
            .unwrap()
            .members(&corpus, "--target")
            .unwrap_err()
            .to_string();
        assert!(err.contains("--target") && err.contains("party"), "{err}");
        assert!(err.contains("doc_id, iso3, year"), "{err}");
    }
}
