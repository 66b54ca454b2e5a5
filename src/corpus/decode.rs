//! Bytes to text: UTF-8 (with or without a byte-order mark), UTF-16 with a byte-order mark, and
//! a Windows-1252 fallback for anything else that is text. Binary files are recognised so the
//! caller can skip them with a warning instead of counting garbage.

/// How a file's bytes were turned into text; recorded per document in `documents.csv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 without a byte-order mark.
    Utf8,
    /// UTF-8 with a byte-order mark.
    Utf8Bom,
    /// UTF-16, little-endian, with a byte-order mark.
    Utf16Le,
    /// UTF-16, big-endian, with a byte-order mark.
    Utf16Be,
    /// Not valid UTF-8: read as Windows-1252 (a superset of Latin-1), with a warning.
    Windows1252,
    /// Latin-1, as a format defines it (the Congressional Record's files).
    Latin1,
}

impl Encoding {
    /// The name written to the `encoding` column.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf8Bom => "utf-8-bom",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
            Encoding::Windows1252 => "windows-1252",
            Encoding::Latin1 => "latin-1",
        }
    }
}

/// The outcome of decoding one file.
#[derive(Debug)]
pub enum Decoded {
    /// Text, and how it was decoded.
    Text {
        /// The decoded text, byte-order mark removed.
        text: String,
        /// The encoding it was read in.
        encoding: Encoding,
    },
    /// NUL bytes or many control characters: not a text file.
    Binary,
}

/// Decodes a file's bytes. Never fails: invalid UTF-8 is read as Windows-1252 (every byte maps
/// to a character there), and the caller warns about that encoding.
pub fn decode(bytes: Vec<u8>) -> Decoded {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return match std::str::from_utf8(rest) {
            Ok(text) => Decoded::Text {
                text: text.to_owned(),
                encoding: Encoding::Utf8Bom,
            },
            Err(_) => decode_windows_1252(rest),
        };
    }
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        let (encoding, codec) = if bytes[0] == 0xFF {
            (Encoding::Utf16Le, encoding_rs::UTF_16LE)
        } else {
            (Encoding::Utf16Be, encoding_rs::UTF_16BE)
        };
        let (text, _) = codec.decode_with_bom_removal(&bytes[2..]);
        return Decoded::Text {
            text: text.into_owned(),
            encoding,
        };
    }
    if looks_binary(&bytes) {
        return Decoded::Binary;
    }
    match String::from_utf8(bytes) {
        Ok(text) => Decoded::Text {
            text,
            encoding: Encoding::Utf8,
        },
        Err(err) => decode_windows_1252(err.as_bytes()),
    }
}

fn decode_windows_1252(bytes: &[u8]) -> Decoded {
    let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
    Decoded::Text {
        text: text.into_owned(),
        encoding: Encoding::Windows1252,
    }
}

/// A NUL byte, or more than 10% control characters (other than tab, newline, form feed and
/// carriage return) in the first 8 KiB, marks a binary file. Text in any 8-bit encoding has
/// neither.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C))
        .count();
    controls * 10 > head.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(bytes: &[u8]) -> (String, Encoding) {
        match decode(bytes.to_vec()) {
            Decoded::Text { text, encoding } => (text, encoding),
            Decoded::Binary => panic!("decoded as binary"),
        }
    }

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(text_of(b"caf\xC3\xA9"), ("café".into(), Encoding::Utf8));
        assert_eq!(
            text_of(b"\xEF\xBB\xBFcaf\xC3\xA9"),
            ("café".into(), Encoding::Utf8Bom)
        );
    }

    #[test]
    fn invalid_utf8_falls_back_to_windows_1252() {
        // 0x92 is the curly apostrophe in Windows-1252, 0xE9 is é in Latin-1 and 1252.
        assert_eq!(
            text_of(b"don\x92t caf\xE9"),
            ("don\u{2019}t café".into(), Encoding::Windows1252)
        );
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Peace".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        assert_eq!(text_of(&le), ("Peace".into(), Encoding::Utf16Le));
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("Peace".encode_utf16().flat_map(|u| u.to_be_bytes()))
            .collect();
        assert_eq!(text_of(&be), ("Peace".into(), Encoding::Utf16Be));
    }

    #[test]
    fn binary_files_are_recognised() {
        assert!(matches!(
            decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec()),
            Decoded::Binary
        ));
        assert!(matches!(decode(vec![1, 2, 3, 4, 5, b'a']), Decoded::Binary));
        assert!(matches!(decode(Vec::new()), Decoded::Text { .. }));
    }
}
