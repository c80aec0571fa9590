//! A named input: where it came from, its bytes, and its detected format.

use serde::Serialize;
use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

/// The three spellings of a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// JSON, the native form.
    Json,
    /// XML in the `urn:apmbc:article7:report:1` namespace.
    Xml,
    /// An Excel workbook laid out as `article7 template` writes it.
    Xlsx,
}

impl Format {
    /// The lowercase name (also the usual file extension).
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Xml => "xml",
            Format::Xlsx => "xlsx",
        }
    }

    /// The format a file extension names, if any (case-insensitive).
    pub fn from_extension(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "json" => Some(Format::Json),
            "xml" => Some(Format::Xml),
            "xlsx" | "xlsm" => Some(Format::Xlsx),
            _ => None,
        }
    }

    /// Guesses the format from the first bytes: a ZIP archive is a workbook,
    /// `<` (after a BOM and white space) is XML, `{` or `[` is JSON.
    pub fn sniff(bytes: &[u8]) -> Option<Format> {
        if bytes.starts_with(b"PK\x03\x04") {
            return Some(Format::Xlsx);
        }
        if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
            return Some(Format::Xml);
        }
        let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        match body.iter().find(|b| !b.is_ascii_whitespace())? {
            b'<' => Some(Format::Xml),
            b'{' | b'[' => Some(Format::Json),
            _ => None,
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Files larger than this are refused as `input/unreadable` rather than read
/// into memory: real reports are well under a megabyte.
pub const MAX_INPUT_BYTES: u64 = 256 * 1024 * 1024;

/// One input to validate.
#[derive(Debug, Clone)]
pub struct Source {
    /// The name shown in findings: the path as given, or `<stdin>`.
    pub name: String,
    /// The file's path, when it is a file.
    pub path: Option<PathBuf>,
    /// Its bytes.
    pub bytes: Vec<u8>,
    /// Its format: from `--input-format`, the extension, or the content.
    pub format: Option<Format>,
}

impl Source {
    /// An input held in memory; the format comes from `name`'s extension,
    /// else from the content.
    pub fn from_bytes(name: impl Into<String>, bytes: Vec<u8>) -> Source {
        let name = name.into();
        let format = Format::from_extension(Path::new(&name)).or_else(|| Format::sniff(&bytes));
        Source {
            name,
            path: None,
            bytes,
            format,
        }
    }

    /// Reads a file, refusing files over [`MAX_INPUT_BYTES`].
    pub fn read(path: &Path) -> Result<Source, String> {
        let file = std::fs::File::open(path).map_err(|e| format!("cannot open the file: {e}"))?;
        let len = file.metadata().map(|m| m.len()).unwrap_or(0);
        if len > MAX_INPUT_BYTES {
            return Err(format!(
                "the file is {len} bytes, more than the {MAX_INPUT_BYTES} bytes a report may have"
            ));
        }
        let mut bytes = Vec::with_capacity(len as usize);
        file.take(MAX_INPUT_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| format!("cannot read the file: {e}"))?;
        if bytes.len() as u64 > MAX_INPUT_BYTES {
            return Err(format!(
                "the file is larger than the {MAX_INPUT_BYTES} bytes a report may have"
            ));
        }
        let mut source = Source::from_bytes(path.display().to_string(), bytes);
        source.path = Some(path.to_path_buf());
        Ok(source)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_formats() {
        assert_eq!(
            Format::sniff(b"\xEF\xBB\xBF  {\"a\":1}"),
            Some(Format::Json)
        );
        assert_eq!(
            Format::sniff(b"<?xml version='1.0'?><a/>"),
            Some(Format::Xml)
        );
        assert_eq!(Format::sniff(b"PK\x03\x04rest"), Some(Format::Xlsx));
        assert_eq!(Format::sniff(b"hello"), None);
        assert_eq!(Format::sniff(b""), None);
    }

    #[test]
    fn extension_wins_over_content() {
        let s = Source::from_bytes("a.XML", b"{}".to_vec());
        assert_eq!(s.format, Some(Format::Xml));
        let s = Source::from_bytes("noext", b"{}".to_vec());
        assert_eq!(s.format, Some(Format::Json));
    }
}
