//! Helpers every reader uses to word its findings, so that the same mistake
//! reads the same whatever the format.

use crate::i18n::MessageKey;
use crate::model::LineIndex;

/// A message of the catalogue (`i18n/*.ftl`), as a message argument.
pub fn msg(id: &'static str) -> MessageKey {
    MessageKey::new(id)
}

/// Cuts very long text quoted in a message, saying how long it was.
pub fn shorten(s: &str) -> String {
    const MAX: usize = 80;
    let count = s.chars().count();
    if count <= MAX {
        return s.to_owned();
    }
    let head: String = s.chars().take(MAX).collect();
    format!("{head}… ({count} characters)")
}

/// The first byte of an input that is not UTF-8, and the valid text before
/// it (which locates it).
pub struct NotUtf8<'a> {
    /// The text before the offending byte.
    pub prefix: &'a str,
    /// Lines of `prefix`.
    pub lines: LineIndex,
    /// Byte offset of the offending byte.
    pub at: usize,
    /// Byte offset just past the offending sequence.
    pub end: usize,
    byte: u8,
}

impl<'a> NotUtf8<'a> {
    /// Where `err` (from decoding `bytes`) is.
    pub fn new(bytes: &'a [u8], err: &std::str::Utf8Error) -> NotUtf8<'a> {
        let at = err.valid_up_to();
        let prefix = std::str::from_utf8(&bytes[..at]).unwrap_or("");
        NotUtf8 {
            prefix,
            lines: LineIndex::new(prefix),
            at,
            end: at + err.error_len().unwrap_or(bytes.len() - at),
            byte: bytes.get(at).copied().unwrap_or(0),
        }
    }

    /// The message `id` with the byte (`0xFF`), its line and its column.
    pub fn message(&self, id: &'static str) -> MessageKey {
        let (line, column) = self.lines.line_col(self.prefix, self.at);
        msg(id)
            .arg("byte", format!("0x{:02X}", self.byte))
            .arg("line", line)
            .arg("column", column)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_text_is_cut_with_its_length() {
        assert_eq!(shorten("short"), "short");
        let long = "é".repeat(100);
        assert_eq!(
            shorten(&long),
            format!("{}… (100 characters)", "é".repeat(80))
        );
    }
}
