//! A dictionary as CSV: a header naming `category` and `pattern` (and optionally `weight`, a
//! number per pattern whose sum is a category's `score`), then one row per pattern.

use super::Builder;
use crate::error::Result;

/// Reads the CSV text into `builder`.
pub(super) fn parse(text: &str, builder: &mut Builder<'_>) -> Result<()> {
    if text.trim_start().starts_with('%') {
        return Err(builder.error(
            1,
            "this looks like a LIWC dictionary (it starts with %); name it .dic",
        ));
    }
    let mut reader = csv::ReaderBuilder::new()
        .flexible(false)
        .from_reader(text.as_bytes());
    let header = reader
        .headers()
        .map_err(|err| builder.error(1, format!("not CSV: {err}")))?
        .clone();
    let column = |name: &str| {
        header
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(name))
    };
    let (Some(category), Some(pattern)) = (column("category"), column("pattern")) else {
        return Err(builder.error(
            1,
            format!(
                "the header must name the columns category and pattern (and optionally weight); \
                 it has: {}",
                header.iter().collect::<Vec<_>>().join(", ")
            ),
        ));
    };
    let weight = column("weight");
    for record in reader.records() {
        let record = record.map_err(|err| {
            let line = err.position().map_or(0, |p| p.line());
            builder.error(line, format!("not CSV: {err}"))
        })?;
        let line = record.position().map_or(0, |p| p.line());
        let name = record.get(category).unwrap_or_default().trim();
        let text = record.get(pattern).unwrap_or_default().trim();
        if name.is_empty() || text.is_empty() {
            return Err(builder.error(line, "a row needs a category and a pattern"));
        }
        let weight = match weight.map(|w| record.get(w).unwrap_or_default().trim()) {
            None => None,
            Some(w) => Some(
                w.parse::<f64>()
                    .ok()
                    .filter(|w| w.is_finite())
                    .ok_or_else(|| builder.error(line, format!("weight {w:?} is not a number")))?,
            ),
        };
        let index = builder.category(name);
        builder.add(index, text, weight, line)?;
    }
    Ok(())
}
