//! `--where EXPR`: the speeches whose metadata meet every condition. A condition compares one
//! metadata column (or `doc_id`) with a value: `col=v`, `col!=v`, `col in a,b,c`, `col>=v`,
//! `col>v`, `col<=v`, `col<v`. Values that are both numbers (years) compare as numbers, both
//! ISO dates as dates, anything else as text; a speech without the value (an empty cell)
//! meets no ordering condition.

use std::cmp::Ordering;

use crate::columns;

/// How a condition compares a speech's value with its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Comparison {
    /// `col=v`
    Equal,
    /// `col!=v`
    NotEqual,
    /// `col in a,b,c`
    In,
    /// `col<v`
    Less,
    /// `col<=v`
    LessOrEqual,
    /// `col>v`
    Greater,
    /// `col>=v`
    GreaterOrEqual,
}

/// One `--where` condition, with the text it was read from.
#[derive(Debug, Clone, PartialEq)]
pub struct Condition {
    /// As the user wrote it, to name it in messages and in run.json.
    pub text: String,
    /// The metadata column, or `doc_id`.
    pub column: String,
    /// How the speech's value is compared.
    pub comparison: Comparison,
    /// One value, or the list of `in`.
    pub values: Vec<String>,
}

/// How many speeches the conditions kept, of how many read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subset {
    /// The conditions, as written.
    pub conditions: Vec<String>,
    /// Speeches that met them.
    pub kept: usize,
    /// Speeches read.
    pub read: usize,
}

impl Condition {
    /// Reads `year>=2022`, `iso3=UKR`, `party!=`, `iso3 in UKR,RUS`.
    pub fn parse(text: &str) -> Result<Condition, String> {
        let invalid = || {
            format!(
                "{text:?}: give COLUMN=VALUE, COLUMN!=VALUE, COLUMN>=VALUE (or >, <, <=) or \
                 'COLUMN in A,B,C', such as year>=2022"
            )
        };
        let (column, comparison, value) = split(text).ok_or_else(invalid)?;
        let column = column.trim();
        if column.is_empty() {
            return Err(invalid());
        }
        let values = match comparison {
            Comparison::In => value
                .split(',')
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
                .collect(),
            _ => vec![value.trim().to_owned()],
        };
        if comparison == Comparison::In && values.is_empty() {
            return Err(invalid());
        }
        Ok(Condition {
            text: text.trim().to_owned(),
            column: column.to_owned(),
            comparison,
            values,
        })
    }

    /// Whether `value` (a speech's, trimmed) meets the condition.
    pub fn holds(&self, value: &str) -> bool {
        let value = value.trim();
        let wanted = &self.values[0];
        match self.comparison {
            Comparison::Equal => value == wanted,
            Comparison::NotEqual => value != wanted,
            Comparison::In => self.values.iter().any(|v| v == value),
            ordering if !value.is_empty() => {
                let order = compare(value, wanted);
                match ordering {
                    Comparison::Less => order == Ordering::Less,
                    Comparison::LessOrEqual => order != Ordering::Greater,
                    Comparison::Greater => order == Ordering::Greater,
                    _ => order != Ordering::Less,
                }
            }
            _ => false,
        }
    }

    /// Whether a document with this id and metadata (in the order of `columns`) meets it;
    /// `index` is the column's position (None: the id).
    pub(crate) fn holds_for(&self, index: Option<usize>, id: &str, metadata: &[String]) -> bool {
        match index {
            None => self.holds(id),
            Some(i) => self.holds(&metadata[i]),
        }
    }

    /// The position of its column among `columns`: Some(None) for `doc_id`, None when the
    /// corpus has no such column.
    pub(crate) fn column_index(&self, columns: &[String]) -> Option<Option<usize>> {
        if self.column == columns::DOC_ID.name {
            return Some(None);
        }
        columns.iter().position(|c| *c == self.column).map(Some)
    }
}

/// The column, the comparison and the value of a condition's text.
fn split(text: &str) -> Option<(&str, Comparison, &str)> {
    // `col in a,b`, unless an operator comes first (`title=peace in our time`).
    if let Some((column, values)) = text.split_once(" in ") {
        let column = column.trim();
        if !column.contains(char::is_whitespace) && !column.contains(['=', '!', '<', '>']) {
            return Some((column, Comparison::In, values));
        }
    }
    let at = text.find(['=', '!', '<', '>'])?;
    let (column, rest) = text.split_at(at);
    let operators = [
        ("!=", Comparison::NotEqual),
        (">=", Comparison::GreaterOrEqual),
        ("<=", Comparison::LessOrEqual),
        ("=", Comparison::Equal),
        (">", Comparison::Greater),
        ("<", Comparison::Less),
    ];
    operators.into_iter().find_map(|(operator, comparison)| {
        rest.strip_prefix(operator)
            .map(|value| (column, comparison, value))
    })
}

/// Numbers as numbers, ISO dates (and years) as dates, anything else as text.
fn compare(a: &str, b: &str) -> Ordering {
    if let (Ok(x), Ok(y)) = (a.parse::<f64>(), b.parse::<f64>()) {
        return x.total_cmp(&y);
    }
    if let (Some(x), Some(y)) = (iso_date(a), iso_date(b)) {
        return x.cmp(&y);
    }
    a.cmp(b)
}

/// `2016-12-20`, `2016-12` or `2016` as (year, month, day), a missing part counted as 0.
fn iso_date(text: &str) -> Option<(i32, u32, u32)> {
    let mut parts = text.splitn(3, '-');
    let year = parts.next()?.parse().ok()?;
    let month = parts.next().map_or(Some(0), |m| m.parse().ok())?;
    let day = parts.next().map_or(Some(0), |d| d.parse().ok())?;
    Some((year, month, day))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn holds(condition: &str, value: &str) -> bool {
        Condition::parse(condition).unwrap().holds(value)
    }

    #[test]
    fn each_comparison_reads_and_holds() {
        assert!(holds("iso3=UKR", "UKR"));
        assert!(!holds("iso3=UKR", "RUS"));
        assert!(holds("iso3!=UKR", "RUS"));
        assert!(holds("iso3 in UKR, RUS", "RUS"));
        assert!(!holds("iso3 in UKR,RUS", "USA"));
        assert!(holds("year>=2022", "2022"));
        assert!(!holds("year>2022", "2022"));
        assert!(holds("year<2022", "999"), "numbers, not text");
        assert!(holds("year<=2022", "2022"));
        assert!(!holds("year>=2022", ""), "an empty cell meets no ordering");
        assert!(holds("party=", ""), "the blank value");
    }

    #[test]
    fn dates_compare_as_dates_and_a_value_may_hold_an_equals_sign() {
        assert!(holds("date>=2016-12", "2016-12-20"));
        assert!(holds("date<2016-12-20", "2016-2-01"));
        assert!(holds("date>2016", "2016-01-01"));
        let c = Condition::parse("title=a=b").unwrap();
        assert_eq!((c.column.as_str(), c.values[0].as_str()), ("title", "a=b"));
        let c = Condition::parse("title=peace in our time").unwrap();
        assert_eq!(c.comparison, Comparison::Equal);
        assert_eq!(c.values, ["peace in our time"]);
    }

    #[test]
    fn what_is_not_a_condition_is_refused_with_the_forms() {
        for text in ["iso3", "=UKR", "iso3 in ,", " >2022"] {
            let err = Condition::parse(text).unwrap_err();
            assert!(err.contains("COLUMN=VALUE"), "{text}: {err}");
        }
    }
}
