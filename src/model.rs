//! The canonical document: the report as one JSON value, plus a source map
//! from JSON pointers back to where each value was written (line/column in a
//! text file, or sheet/cell in a workbook).

use crate::diagnostics::{parent_pointer, SourceLocation};
use crate::source::Format;
use serde_json::Value;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

/// Where one value (or key) sits in its input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Region {
    /// Byte range `start..end` in the (decoded, UTF-8) source text.
    Text {
        /// First byte.
        start: usize,
        /// One past the last byte.
        end: usize,
    },
    /// A workbook cell.
    Cell {
        /// Sheet name.
        sheet: String,
        /// 0-based row.
        row: u32,
        /// 0-based column.
        col: u32,
        /// The column's header key on table sheets (or the key of a key/value row).
        header: Option<String>,
        /// (header, displayed value) pairs of the cell's row, for context.
        row_values: Vec<(String, String)>,
    },
}

/// The regions of one member: its key (object members only) and its value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spans {
    /// Where the key is written (`"name"` in JSON, the start tag in XML, the
    /// key cell in Excel).
    pub key: Option<Region>,
    /// Where the value is written.
    pub value: Region,
}

/// Map from JSON pointer to [`Spans`].
#[derive(Debug, Clone, Default)]
pub struct SourceMap {
    entries: HashMap<String, Spans>,
    language: Option<&'static str>,
}

impl SourceMap {
    /// An empty map.
    pub fn new() -> SourceMap {
        SourceMap::default()
    }

    /// Records the language the source is written in (a workbook's labels
    /// and sheet names), so findings can name fields in it.
    pub fn set_language(&mut self, lang: &'static str) {
        self.language = Some(lang);
    }

    /// The language the source is written in, when the reader knows it.
    pub fn language(&self) -> Option<&'static str> {
        self.language
    }

    /// Records where `pointer` is. A later insert for the same pointer wins,
    /// as with duplicate JSON keys, where the last value is the one kept.
    pub fn insert(&mut self, pointer: String, spans: Spans) {
        self.entries.insert(pointer, spans);
    }

    /// The spans recorded for exactly `pointer`.
    pub fn get(&self, pointer: &str) -> Option<&Spans> {
        self.entries.get(pointer)
    }

    /// Number of recorded pointers.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether nothing is recorded.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The spans of `pointer` or, when it is not in the input (a missing
    /// member), of its nearest existing ancestor.
    pub fn nearest(&self, pointer: &str) -> Option<&Spans> {
        let mut p = pointer;
        loop {
            if let Some(s) = self.entries.get(p) {
                return Some(s);
            }
            p = parent_pointer(p)?;
        }
    }

    /// Iterates over every recorded pointer.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &Spans)> {
        self.entries.iter()
    }
}

/// Byte offsets of line starts, for offset → line/column conversion.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes `text`. A line ends at `\n`; a preceding `\r` belongs to it.
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(memchr_newlines(text.as_bytes()));
        LineIndex { starts }
    }

    /// 1-based line and 1-based column (in characters) of byte `offset`.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(text.len());
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let col = text
            .get(start..offset)
            .map(|s| s.chars().count())
            .unwrap_or(offset - start);
        (line + 1, col + 1)
    }

    /// Byte range of 1-based `line` (without its line break).
    pub fn line_range(&self, text: &str, line: usize) -> std::ops::Range<usize> {
        let start = self
            .starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(text.len());
        let mut end = self.starts.get(line).copied().unwrap_or(text.len());
        let bytes = text.as_bytes();
        while end > start && matches!(bytes[end - 1], b'\n' | b'\r') {
            end -= 1;
        }
        start..end
    }

    /// Number of lines.
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }
}

fn memchr_newlines(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    memchr::memchr_iter(b'\n', bytes).map(|i| i + 1)
}

/// Builds a source map from a text on demand (used for JSON, where most files
/// have no finding and should not pay for the map).
pub type LazyMapper = fn(&str) -> SourceMap;

/// Finds one pointer (or its nearest existing ancestor) in a text without
/// building the whole map: what [`SourceMap::nearest`] on the map of
/// [`LazyMapper`] would answer.
pub type LazyFinder = fn(&str, &str) -> Option<Spans>;

/// A document with a [`LazyFinder`] answers this many lookups with it; the
/// next builds the whole map (one lookup costs up to a walk over the text,
/// the map a few of those, so a file with many findings builds it).
const FINDER_LOOKUPS: usize = 8;

/// A report loaded from any format: the canonical JSON value plus where each
/// part of it came from.
#[derive(Debug)]
pub struct Document {
    /// The canonical report.
    pub value: Value,
    /// The format it was read from.
    pub format: Format,
    text: Option<String>,
    map: OnceLock<SourceMap>,
    mapper: Option<LazyMapper>,
    finder: Option<LazyFinder>,
    /// Lookups answered by `finder` so far.
    found: AtomicUsize,
    lines: OnceLock<LineIndex>,
}

impl Document {
    /// A document whose source map is already built.
    pub fn new(value: Value, format: Format, text: Option<String>, map: SourceMap) -> Document {
        let cell = OnceLock::new();
        let _ = cell.set(map);
        Document {
            value,
            format,
            text,
            map: cell,
            mapper: None,
            finder: None,
            found: AtomicUsize::new(0),
            lines: OnceLock::new(),
        }
    }

    /// A text document whose source map is built by `mapper` the first time
    /// a location is asked for.
    pub fn with_lazy_map(
        value: Value,
        format: Format,
        text: String,
        mapper: LazyMapper,
    ) -> Document {
        Document {
            value,
            format,
            text: Some(text),
            map: OnceLock::new(),
            mapper: Some(mapper),
            finder: None,
            found: AtomicUsize::new(0),
            lines: OnceLock::new(),
        }
    }

    /// Answers the first location lookups with `finder` instead of building
    /// the lazy map (a report with a finding or two needs only their places).
    pub fn with_finder(mut self, finder: LazyFinder) -> Document {
        self.finder = Some(finder);
        self
    }

    /// The spans of `pointer` or of its nearest existing ancestor, from the
    /// map if it is built, else (for the first few lookups) from the finder.
    fn nearest(&self, pointer: &str) -> Option<Spans> {
        if self.map.get().is_none() {
            if let (Some(find), Some(text)) = (self.finder, self.text.as_deref()) {
                if self.found.fetch_add(1, Ordering::Relaxed) < FINDER_LOOKUPS {
                    return find(text, pointer);
                }
            }
        }
        self.source_map().nearest(pointer).cloned()
    }

    /// The source text (JSON and XML; decoded to UTF-8).
    pub fn text(&self) -> Option<&str> {
        self.text.as_deref()
    }

    /// The source map (built now if it is lazy).
    pub fn source_map(&self) -> &SourceMap {
        self.map.get_or_init(|| match (self.mapper, &self.text) {
            (Some(m), Some(t)) => m(t),
            _ => SourceMap::new(),
        })
    }

    /// The line index of the source text.
    pub fn line_index(&self) -> Option<&LineIndex> {
        let text = self.text.as_deref()?;
        Some(self.lines.get_or_init(|| LineIndex::new(text)))
    }

    /// Converts a region to a reportable location.
    pub fn location_of(&self, region: &Region) -> Option<SourceLocation> {
        match region {
            Region::Text { start, end } => {
                let text = self.text.as_deref()?;
                let (line, column) = self.line_index()?.line_col(text, *start);
                Some(SourceLocation::Text {
                    line,
                    column,
                    start: *start,
                    end: *end,
                })
            }
            Region::Cell {
                sheet,
                row,
                col,
                header,
                row_values,
            } => Some(SourceLocation::Cell {
                sheet: sheet.clone(),
                cell: cell_name(*row, *col),
                header: header.clone(),
                row_values: row_values.clone(),
            }),
        }
    }

    /// Location of the value at `pointer`, or of its nearest existing ancestor.
    pub fn locate(&self, pointer: &str) -> Option<SourceLocation> {
        let spans = self.nearest(pointer)?;
        self.location_of(&spans.value)
    }

    /// Location of the key of the member at `pointer` (its value when it has
    /// no key), or of its nearest existing ancestor.
    pub fn locate_key(&self, pointer: &str) -> Option<SourceLocation> {
        let spans = self.nearest(pointer)?;
        self.location_of(spans.key.as_ref().unwrap_or(&spans.value))
    }
}

/// A1-style name of 0-based (row, col): (6, 3) → `D7`.
pub fn cell_name(row: u32, col: u32) -> String {
    let mut letters = Vec::new();
    let mut c = col as u64 + 1;
    while c > 0 {
        let rem = ((c - 1) % 26) as u8;
        letters.push(b'A' + rem);
        c = (c - 1) / 26;
    }
    letters.reverse();
    format!(
        "{}{}",
        String::from_utf8(letters).unwrap_or_default(),
        row as u64 + 1
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_names() {
        assert_eq!(cell_name(0, 0), "A1");
        assert_eq!(cell_name(6, 3), "D7");
        assert_eq!(cell_name(0, 25), "Z1");
        assert_eq!(cell_name(0, 26), "AA1");
        assert_eq!(cell_name(9, 701), "ZZ10");
        assert_eq!(cell_name(0, 702), "AAA1");
    }

    #[test]
    fn line_columns_count_characters() {
        let text = "ab\n\u{e9}t\u{e9}\r\nx";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(text, 0), (1, 1));
        assert_eq!(idx.line_col(text, 3), (2, 1));
        // 'é' is two bytes: the 't' after it is column 2.
        assert_eq!(idx.line_col(text, 5), (2, 2));
        assert_eq!(idx.line_col(text, text.len() - 1), (3, 1));
        assert_eq!(&text[idx.line_range(text, 2)], "\u{e9}t\u{e9}");
    }

    #[test]
    fn nearest_walks_up_to_an_existing_ancestor() {
        let mut map = SourceMap::new();
        map.insert(
            "/forms".into(),
            Spans {
                key: None,
                value: Region::Text { start: 5, end: 9 },
            },
        );
        let s = map.nearest("/forms/C/totals/areas").unwrap();
        assert_eq!(s.value, Region::Text { start: 5, end: 9 });
        assert!(map.nearest("/other").is_none());
    }
}

/// A mistake in one of our own TOML files (rule files, configuration,
/// waivers), at its place in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileError {
    /// The file's name, as given or found.
    pub file: String,
    /// Its text, for showing the snippet (empty when it could not be read).
    pub text: String,
    /// Byte range of the problem.
    pub span: Range<usize>,
    /// 1-based line (0 when the file could not be read).
    pub line: usize,
    /// 1-based column (0 when the file could not be read).
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

impl FileError {
    /// An error at `span` of `text`.
    pub fn at(file: &str, text: &str, span: Range<usize>, message: impl Into<String>) -> FileError {
        let index = LineIndex::new(text);
        let start = span.start.min(text.len());
        let (line, column) = index.line_col(text, start);
        FileError {
            file: file.to_owned(),
            text: text.to_owned(),
            span: start..span.end.clamp(start, text.len()),
            line,
            column,
            message: message.into(),
        }
    }

    /// The file could not be read at all.
    pub fn unreadable(file: &str, why: &std::io::Error) -> FileError {
        FileError {
            file: file.to_owned(),
            text: String::new(),
            span: 0..0,
            line: 0,
            column: 0,
            message: format!("cannot read the file: {why}"),
        }
    }

    /// From a TOML parse or deserialisation error.
    pub fn from_toml(file: &str, text: &str, e: &toml::de::Error) -> FileError {
        FileError::at(file, text, e.span().unwrap_or(0..0), e.message().to_owned())
    }
}

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(
                f,
                "{}:{}:{}: {}",
                self.file, self.line, self.column, self.message
            )
        }
    }
}

impl std::error::Error for FileError {}
