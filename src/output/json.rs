//! A JSON value and its pretty-printed text: enough for `run.json`, with keys in the order
//! given, so the same run gives the same bytes.

use std::fmt::Write as _;

/// A JSON value.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Json {
    Null,
    Bool(bool),
    /// An integer, printed as one.
    Integer(i128),
    /// A float; not finite is printed as null, as JSON has no such numbers.
    Float(f64),
    Text(String),
    Array(Vec<Json>),
    /// Members in the order given.
    Object(Vec<(String, Json)>),
}

impl Json {
    /// An object from `(key, value)` pairs.
    pub(crate) fn object<K: Into<String>>(members: impl IntoIterator<Item = (K, Json)>) -> Json {
        Json::Object(members.into_iter().map(|(k, v)| (k.into(), v)).collect())
    }

    pub(crate) fn text(s: impl Into<String>) -> Json {
        Json::Text(s.into())
    }

    /// The value as text, indented by two spaces, with a final line break.
    pub(crate) fn pretty(&self) -> String {
        let mut out = String::new();
        self.write(0, &mut out);
        out.push('\n');
        out
    }

    fn write(&self, depth: usize, out: &mut String) {
        let indent = |out: &mut String, depth: usize| {
            out.push('\n');
            (0..depth).for_each(|_| out.push_str("  "));
        };
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::Integer(n) => {
                let _ = write!(out, "{n}");
            }
            Json::Float(x) if x.is_finite() => {
                // Rust prints the shortest text that reads back as the same double.
                let _ = write!(out, "{x:?}");
            }
            Json::Float(_) => out.push_str("null"),
            Json::Text(s) => write_string(s, out),
            Json::Array(items) if items.is_empty() => out.push_str("[]"),
            Json::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    indent(out, depth + 1);
                    item.write(depth + 1, out);
                }
                indent(out, depth);
                out.push(']');
            }
            Json::Object(members) if members.is_empty() => out.push_str("{}"),
            Json::Object(members) => {
                out.push('{');
                for (i, (key, value)) in members.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    indent(out, depth + 1);
                    write_string(key, out);
                    out.push_str(": ");
                    value.write(depth + 1, out);
                }
                indent(out, depth);
                out.push('}');
            }
        }
    }
}

/// A JSON string: quotes, backslashes and control characters escaped.
fn write_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_print_as_indented_json() {
        let value = Json::object([
            ("name", Json::text("Côte d'Ivoire \"CI\"\n\u{1}")),
            ("count", Json::Integer(3)),
            ("share", Json::Float(0.1)),
            ("nan", Json::Float(f64::NAN)),
            ("flags", Json::Array(vec![Json::Bool(true), Json::Null])),
            ("empty", Json::Array(Vec::new())),
        ]);
        assert_eq!(
            value.pretty(),
            "{\n  \"name\": \"Côte d'Ivoire \\\"CI\\\"\\n\\u0001\",\n  \"count\": 3,\n  \
             \"share\": 0.1,\n  \"nan\": null,\n  \"flags\": [\n    true,\n    null\n  ],\n  \
             \"empty\": []\n}\n"
        );
    }
}
