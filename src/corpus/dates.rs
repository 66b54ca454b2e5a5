//! Dates in a `date` metadata column: ISO (`2016-12-20`), compact (`20161220`, as the
//! Congressional Record writes them) and written out (`20 December 2016`, `December 20,
//! 2016`) are read, rewritten as ISO, and give the speech's `year` when the corpus has no
//! `year` column of its own. A value not understood is kept as it was and counted, so one
//! warning can say how many there were, with an example.

/// The metadata column whose values are read as dates.
pub const DATE_COLUMN: &str = "date";
/// The column a date gives when the corpus has none.
pub const YEAR_COLUMN: &str = "year";

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// `YYYY-MM-DD`.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// The date a value states, if it is in one of the forms of the module docs.
pub fn parse_date(value: &str) -> Option<Date> {
    let value = value.trim();
    iso(value)
        .or_else(|| compact(value))
        .or_else(|| written(value))
}

fn date(year: i32, month: u32, day: u32) -> Option<Date> {
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days)
        .contains(&day)
        .then_some(Date { year, month, day })
}

fn digits(text: &str, len: usize) -> Option<u32> {
    (text.len() == len && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

/// `2016-12-20`.
fn iso(value: &str) -> Option<Date> {
    let mut parts = value.split('-');
    let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    date(digits(year, 4)? as i32, digits(month, 2)?, digits(day, 2)?)
}

/// `20161220`.
fn compact(value: &str) -> Option<Date> {
    if value.len() != 8 {
        return None;
    }
    date(
        digits(&value[..4], 4)? as i32,
        digits(&value[4..6], 2)?,
        digits(&value[6..], 2)?,
    )
}

/// `20 December 2016`, `December 20, 2016`; month names in English, whole or cut to three
/// letters (`Dec`, `Dec.`).
fn written(value: &str) -> Option<Date> {
    let words: Vec<&str> = value
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let [a, b, c] = words.as_slice() else {
        return None;
    };
    let year = c.parse::<i32>().ok().filter(|_| c.len() == 4)?;
    let (day, month) = match (day_number(a), month_number(b)) {
        (Some(day), Some(month)) => (day, month),
        _ => (day_number(b)?, month_number(a)?),
    };
    date(year, month, day)
}

fn day_number(word: &str) -> Option<u32> {
    (word.len() <= 2).then(|| word.parse().ok()).flatten()
}

fn month_number(word: &str) -> Option<u32> {
    let word = word.trim_end_matches('.').to_lowercase();
    if word.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| *m == word || (word.len() == 3 && m.starts_with(&word)))
        .map(|i| i as u32 + 1)
}

/// Values of the date column that were not dates: how many, and the first.
#[derive(Debug, Default)]
pub struct NotUnderstood {
    pub count: usize,
    pub example: Option<String>,
}

impl NotUnderstood {
    /// Reads one speech's date value: the ISO form and the year when understood; an empty
    /// value is a missing date, not a wrong one.
    pub fn read(&mut self, value: &str) -> Option<Date> {
        if value.trim().is_empty() {
            return None;
        }
        let parsed = parse_date(value);
        if parsed.is_none() {
            self.count += 1;
            self.example.get_or_insert_with(|| value.to_owned());
        }
        parsed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_three_forms_are_read_and_others_are_not() {
        let cases = [
            ("2016-12-20", Some("2016-12-20")),
            ("20161220", Some("2016-12-20")),
            ("20 December 2016", Some("2016-12-20")),
            ("December 20, 2016", Some("2016-12-20")),
            ("7 Sept 2017", None),
            ("7 Sep. 2017", Some("2017-09-07")),
            (" 2000-02-29 ", Some("2000-02-29")),
            ("1900-02-29", None),
            ("20161320", None),
            ("2016", None),
            ("12345678", None),
            ("n.d.", None),
            ("2016-12-20T10:00", None),
        ];
        for (value, expected) in cases {
            assert_eq!(
                parse_date(value).map(Date::iso).as_deref(),
                expected,
                "{value}"
            );
        }
    }

    #[test]
    fn values_not_understood_are_counted_with_the_first_as_example() {
        let mut seen = NotUnderstood::default();
        for value in ["2016-12-20", "", "soon", "later", "20170101"] {
            seen.read(value);
        }
        assert_eq!(seen.count, 2);
        assert_eq!(seen.example.as_deref(), Some("soon"));
    }
}
