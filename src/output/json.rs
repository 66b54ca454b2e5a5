//! A JSON value and its pretty-printed text: enough for `run.json`, with keys in the order
//! given, so the same run gives the same bytes. A long array can be made one item at a time
//! as it is written ([`Json::Items`]), and the text goes to its file as it is made: the list
//! of a corpus's files never exists whole, as values or as text.

use std::fmt::Write as _;
use std::io;

/// A JSON value.
pub(crate) enum Json<'a> {
    Null,
    Bool(bool),
    /// An integer, printed as one.
    Integer(i128),
    /// A float; not finite is printed as null, as JSON has no such numbers.
    Float(f64),
    Text(String),
    Array(Vec<Json<'a>>),
    /// An array whose items are made as it is written.
    Items(MakeItems<'a>),
    /// Members in the order given.
    Object(Vec<(String, Json<'a>)>),
}

/// Hands each item of an array to the callback, in order.
pub(crate) type MakeItems<'a> = Box<dyn Fn(&mut dyn FnMut(Json<'_>)) + 'a>;

/// Bytes of text gathered before they go to the file.
const FLUSH_BYTES: usize = 64 << 10;

/// Text made a piece at a time and passed on to `out` in blocks; the first error is kept.
struct Sink<W: io::Write> {
    out: W,
    text: String,
    error: Option<io::Error>,
}

impl<W: io::Write> Sink<W> {
    fn flush_if_full(&mut self) {
        if self.text.len() >= FLUSH_BYTES {
            self.flush();
        }
    }

    fn flush(&mut self) {
        if self.error.is_none() {
            if let Err(e) = self.out.write_all(self.text.as_bytes()) {
                self.error = Some(e);
            }
        }
        self.text.clear();
    }
}

impl<'a> Json<'a> {
    /// An object from `(key, value)` pairs.
    pub(crate) fn object<K: Into<String>>(
        members: impl IntoIterator<Item = (K, Json<'a>)>,
    ) -> Json<'a> {
        Json::Object(members.into_iter().map(|(k, v)| (k.into(), v)).collect())
    }

    pub(crate) fn text(s: impl Into<String>) -> Json<'a> {
        Json::Text(s.into())
    }

    /// The value as text, indented by two spaces, with a final line break.
    #[cfg(test)]
    pub(crate) fn pretty(&self) -> String {
        let mut bytes = Vec::new();
        self.write_pretty(&mut bytes)
            .expect("writing to memory does not fail");
        String::from_utf8(bytes).expect("the text is UTF-8")
    }

    /// Writes [`Json::pretty`]'s text to `out`, a block at a time.
    pub(crate) fn write_pretty(&self, out: impl io::Write) -> io::Result<()> {
        let mut sink = Sink {
            out,
            text: String::new(),
            error: None,
        };
        self.write(0, &mut sink);
        sink.text.push('\n');
        sink.flush();
        match sink.error {
            Some(e) => Err(e),
            None => sink.out.flush(),
        }
    }

    fn write<W: io::Write>(&self, depth: usize, sink: &mut Sink<W>) {
        let out = &mut sink.text;
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
            Json::Array(items) => write_array(depth, sink, |each| items.iter().for_each(each)),
            Json::Items(make) => write_array(depth, sink, |each| make(&mut |item| each(&item))),
            Json::Object(members) if members.is_empty() => out.push_str("{}"),
            Json::Object(members) => {
                out.push('{');
                for (i, (key, value)) in members.iter().enumerate() {
                    if i > 0 {
                        sink.text.push(',');
                    }
                    indent(&mut sink.text, depth + 1);
                    write_string(key, &mut sink.text);
                    sink.text.push_str(": ");
                    value.write(depth + 1, sink);
                }
                indent(&mut sink.text, depth);
                sink.text.push('}');
            }
        }
    }
}

/// An array of the items `items` hands to its callback: `[]` when it hands none.
fn write_array<W: io::Write>(
    depth: usize,
    sink: &mut Sink<W>,
    items: impl FnOnce(&mut dyn FnMut(&Json<'_>)),
) {
    let mut any = false;
    items(&mut |item| {
        sink.text.push(if any { ',' } else { '[' });
        any = true;
        indent(&mut sink.text, depth + 1);
        item.write(depth + 1, sink);
        sink.flush_if_full();
    });
    if any {
        indent(&mut sink.text, depth);
        sink.text.push(']');
    } else {
        sink.text.push_str("[]");
    }
}

fn indent(out: &mut String, depth: usize) {
    out.push('\n');
    (0..depth).for_each(|_| out.push_str("  "));
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

    #[test]
    fn items_made_while_writing_print_as_an_array_of_them() {
        let array = Json::object([(
            "inputs",
            Json::Array(
                (1..=3)
                    .map(|n| Json::object([("n", Json::Integer(n))]))
                    .collect(),
            ),
        )]);
        let items = Json::object([(
            "inputs",
            Json::Items(Box::new(|each: &mut dyn FnMut(Json<'_>)| {
                (1..=3).for_each(|n| each(Json::object([("n", Json::Integer(n))])))
            })),
        )]);
        assert_eq!(items.pretty(), array.pretty());
        let none = Json::Items(Box::new(|_: &mut dyn FnMut(Json<'_>)| {}));
        assert_eq!(none.pretty(), "[]\n");
    }

    #[test]
    fn a_long_array_reaches_the_writer_whole_and_a_failing_writer_is_an_error() {
        let long = Json::Items(Box::new(|each: &mut dyn FnMut(Json<'_>)| {
            (0..20_000).for_each(|n| each(Json::text(format!("file {n}"))))
        }));
        let text = long.pretty();
        assert_eq!(text.matches("\"file ").count(), 20_000);
        assert!(text.starts_with("[\n  \"file 0\",") && text.ends_with("\"file 19999\"\n]\n"));

        struct Full;
        impl io::Write for Full {
            fn write(&mut self, _: &[u8]) -> io::Result<usize> {
                Err(io::Error::new(io::ErrorKind::StorageFull, "disk full"))
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        let err = long.write_pretty(Full).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::StorageFull);
    }
}
