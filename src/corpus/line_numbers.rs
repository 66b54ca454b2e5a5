//! Line numbers of CSV records as an editor shows them. The csv crate's own count is one short
//! for every record after a CRLF line end (it ends a record at the `\r` and counts the `\n`
//! with the next record) and names the first blank line before a record rather than the
//! record's. The record's byte offset is right, so its line is counted from the text: the line
//! breaks (`\n`, `\r\n` or a lone `\r`) before its first byte, line ends skipped.

/// Counts lines up to ever later byte offsets of one text, in one pass overall.
pub(crate) struct LineNumbers<'t> {
    text: &'t [u8],
    /// Bytes counted so far, and the line breaks in them.
    counted: usize,
    breaks: u64,
}

impl<'t> LineNumbers<'t> {
    pub fn new(text: &'t str) -> LineNumbers<'t> {
        LineNumbers {
            text: text.as_bytes(),
            counted: 0,
            breaks: 0,
        }
    }

    /// The 1-based line of the record starting at `byte` (a csv position): the first line
    /// from there that is not a bare line end. Offsets must not go back.
    pub fn line_of(&mut self, byte: u64) -> u64 {
        let mut start = (byte as usize).clamp(self.counted, self.text.len());
        while matches!(self.text.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        let between = &self.text[self.counted..start];
        let mut breaks = between.iter().filter(|&&b| b == b'\n').count() as u64;
        // A lone `\r` (old Mac line ends) is a break too; `\r\n` was counted at its `\n`.
        breaks += between
            .iter()
            .enumerate()
            .filter(|&(i, &b)| {
                b == b'\r'
                    && self
                        .text
                        .get(self.counted + i + 1)
                        .is_some_and(|&n| n != b'\n')
            })
            .count() as u64;
        self.breaks += breaks;
        self.counted = start;
        self.breaks + 1
    }
}

/// A csv error's message without the csv crate's own position (its line is the miscounted
/// one): the caller names the line.
pub(crate) fn csv_message(error: &csv::Error) -> String {
    match error.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!(
            "has {len} fields where the first row has {expected_len} (a field holding the \
             delimiter or a line break must be in double quotes)"
        ),
        _ => error.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The line of each record as the csv crate finds them.
    fn record_lines(text: &str) -> Vec<u64> {
        let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
        let mut lines = LineNumbers::new(text);
        reader
            .records()
            .map(|r| lines.line_of(r.unwrap().position().unwrap().byte()))
            .collect()
    }

    #[test]
    fn records_are_on_the_lines_an_editor_shows() {
        for (text, expected) in [
            ("a,b\n1,2\n3,4\n", vec![2, 3]),
            ("a,b\r\n1,2\r\n3,4\r\n", vec![2, 3]),
            ("a,b\r1,2\r3,4", vec![2, 3]),
            ("a,b\r\n\r\n1,2\r\n\r\n\r\n3,4", vec![3, 6]),
            ("a,b\n\"x\ny\",2\n3,4\n", vec![2, 4]),
            ("a,b\r\n\"x\r\ny\",2\r\n3,4\r\n", vec![2, 4]),
        ] {
            assert_eq!(record_lines(text), expected, "{text:?}");
        }
    }
}
