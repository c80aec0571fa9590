//! JSON reader: bytes → [`Document`], with `input/*` findings for input that
//! is not well-formed.
//!
//! What this reader decides, and why:
//!
//! - **Byte-order mark.** A UTF-8 BOM is accepted and stripped. Every byte
//!   offset this module produces (finding locations, [`index`] spans, the
//!   document's text) refers to the text *after* the BOM.
//! - **Not UTF-8**, **not well-formed** (including an empty file, NUL bytes,
//!   a truncated file, nesting deeper than the 127 levels serde_json allows,
//!   numbers beyond the range of f64): one `input/syntax` finding at the
//!   first offending position, and no document.
//! - **Duplicate keys**: one `input/duplicate-key` finding per repeated key,
//!   at the repeated occurrence; the document is still returned with the
//!   last value, as serde_json (and most JSON readers) would keep it.
//! - **Integers beyond 64 bits**: one `input/number-precision` finding per
//!   literal; the document is returned with the nearest float.
//! - **A top-level value that is not an object** (`[]`, `3`, `"x"`) is
//!   well-formed JSON, so it is returned as a document without a finding
//!   here: the report schema's root `"type": "object"` reports it (a
//!   `schema/type` finding saying the report must be an object). Reporting
//!   it here too would give two findings for one mistake, and readers only
//!   judge well-formedness.
//!
//! Cost: valid files pay for a parse that is the same work as
//! `serde_json::from_str::<Value>` plus one counter per key. The source map
//! is built lazily ([`Document::with_lazy_map`]) when a finding first asks
//! for a location; only a file with duplicate keys or oversized integers
//! has it built eagerly, to locate those findings.

use super::scan::{self, Sink, Span};
use super::value::{Notes, ValueSeed};
use crate::diagnostics::{Code, Diagnostic, SourceLocation};
use crate::format::findings::{msg, shorten, NotUtf8};
use crate::format::Ingested;
use crate::i18n::{Arg, MessageKey};
use crate::model::{Document, LineIndex, Region, SourceMap, Spans};
use crate::source::Format;
use serde::de::DeserializeSeed;

/// At most this many findings of one kind (duplicate keys, oversized
/// numbers) are listed one by one; the rest are counted in one more.
pub const MAX_LISTED_FINDINGS: usize = 100;

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Reads a JSON report.
///
/// A leading UTF-8 byte-order mark is stripped; all offsets in the result
/// (finding locations and the document's source map) count from the first
/// byte after it. See the module documentation for what is reported.
pub fn read(bytes: &[u8]) -> Ingested {
    let had_bom = bytes.starts_with(UTF8_BOM);
    let bytes = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => return Ingested::failed(not_utf8(bytes, &err, had_bom)),
    };

    let mut notes = Notes::default();
    let mut de = serde_json::Deserializer::from_str(text);
    let parsed = ValueSeed { notes: &mut notes }
        .deserialize(&mut de)
        .and_then(|value| de.end().map(|()| value));
    let value = match parsed {
        Ok(value) => value,
        Err(err) => return Ingested::failed(not_well_formed(text, &err)),
    };

    if notes.duplicates.is_empty() && !notes.maybe_big_integer {
        return Ingested {
            document: Some(
                Document::with_lazy_map(value, Format::Json, text.to_owned(), index)
                    .with_finder(locate),
            ),
            findings: Vec::new(),
        };
    }

    // Something to report: one scan builds the source map and locates it.
    let mut sink = Locator::new(text, &notes);
    scan::scan(text, &mut sink);
    let Locator {
        map,
        duplicates,
        big_integers,
        ..
    } = sink;
    let document = Document::new(value, Format::Json, Some(text.to_owned()), map.map);
    let mut findings = Vec::new();

    for (n, dup) in duplicates.iter().enumerate() {
        if n == MAX_LISTED_FINDINGS {
            findings.push(Diagnostic::builtin(
                Code::DuplicateKey,
                MessageKey::new("input-more-duplicates")
                    .arg("count", duplicates.len() - n)
                    .arg("help", MessageKey::new(DUPLICATE_HELP)),
                "",
            ));
            break;
        }
        findings.push(duplicate_finding(&document, text, dup));
    }
    for (n, (pointer, span)) in big_integers.iter().enumerate() {
        if n == MAX_LISTED_FINDINGS {
            findings.push(Diagnostic::builtin(
                Code::NumberPrecision,
                MessageKey::new("input-more-numbers")
                    .arg("count", big_integers.len() - n)
                    .arg("help", MessageKey::new(BIG_NUMBER_HELP)),
                "",
            ));
            break;
        }
        let literal = shorten(text.get(span.0..span.1).unwrap_or(""));
        findings.push(
            Diagnostic::builtin(
                Code::NumberPrecision,
                MessageKey::new("input-number-precision")
                    .arg("number", literal)
                    .arg("pointer", describe_pointer(pointer))
                    .arg("help", MessageKey::new(BIG_NUMBER_HELP)),
                pointer.clone(),
            )
            .with_location(document.location_of(&region(*span))),
        );
    }

    Ingested {
        document: Some(document),
        findings,
    }
}

/// Builds the source map of a JSON text: for every value, its RFC 6901
/// pointer → the byte span of its key (object members, quotes included) and
/// of its value. With duplicate keys the last occurrence wins.
///
/// Meant for text that parsed as JSON, but safe on any text: it never
/// panics, always ends, uses no recursion, and stops recording once the
/// stored pointers would outgrow the text many times over (pathological
/// nesting of long keys), so later values are then located at their nearest
/// recorded ancestor.
pub fn index(text: &str) -> SourceMap {
    let mut sink = MapSink::new(text);
    scan::scan(text, &mut sink);
    sink.map
}

/// Where `pointer` (or its nearest existing ancestor) is written in a JSON
/// text: the entry of [`index`]'s map that [`SourceMap::nearest`] would
/// give, found by walking down to it. For text without duplicate keys
/// (which [`read`] maps eagerly instead).
pub fn locate(text: &str, pointer: &str) -> Option<Spans> {
    let (key, value) = scan::find(text, pointer)?;
    Some(Spans {
        key: key.map(region),
        value: region(value),
    })
}

/// Help messages (ids in `i18n/*.ftl`).
const DUPLICATE_HELP: &str = "json-help-duplicate";
const BIG_NUMBER_HELP: &str = "json-help-big-number";

fn region((start, end): Span) -> Region {
    Region::Text { start, end }
}

/// Records every value into a [`SourceMap`], within a memory budget.
struct MapSink {
    map: SourceMap,
    budget: usize,
}

impl MapSink {
    fn new(text: &str) -> MapSink {
        MapSink {
            map: SourceMap::new(),
            // Real reports use a small multiple of their size; only long
            // keys over many nested values get near this.
            budget: (64 << 20) + text.len().saturating_mul(16),
        }
    }
}

impl Sink for MapSink {
    fn value(&mut self, pointer: &str, key: Option<Span>, value: Span) {
        let cost = pointer.len() + 32;
        if cost > self.budget {
            self.budget = 0;
            return;
        }
        self.budget -= cost;
        self.map.insert(
            pointer.to_owned(),
            Spans {
                key: key.map(region),
                value: region(value),
            },
        );
    }
}

/// A located duplicate key.
struct FoundDuplicate {
    pointer: String,
    parent_len: usize,
    key: Span,
    occurrence: usize,
}

/// Builds the map and locates what [`Notes`] found.
struct Locator {
    map: MapSink,
    /// (ordinal, occurrence), sorted by ordinal.
    wanted: Vec<(usize, usize)>,
    next_wanted: usize,
    duplicates: Vec<FoundDuplicate>,
    big_integers: Vec<(String, Span)>,
}

impl Locator {
    fn new(text: &str, notes: &Notes) -> Locator {
        let mut wanted: Vec<(usize, usize)> = notes
            .duplicates
            .iter()
            .map(|d| (d.ordinal, d.occurrence))
            .collect();
        wanted.sort_unstable();
        Locator {
            map: MapSink::new(text),
            wanted,
            next_wanted: 0,
            duplicates: Vec::new(),
            big_integers: Vec::new(),
        }
    }
}

impl Sink for Locator {
    fn value(&mut self, pointer: &str, key: Option<Span>, value: Span) {
        self.map.value(pointer, key, value);
    }

    fn key(&mut self, ordinal: usize, pointer: &str, parent_len: usize, key: Span) {
        while let Some(&(want, occurrence)) = self.wanted.get(self.next_wanted) {
            if want > ordinal {
                break;
            }
            self.next_wanted += 1;
            if want == ordinal && self.duplicates.len() <= MAX_LISTED_FINDINGS {
                self.duplicates.push(FoundDuplicate {
                    pointer: pointer.to_owned(),
                    parent_len,
                    key,
                    occurrence,
                });
            } else if want == ordinal {
                // Counted, not listed: keep no pointer.
                self.duplicates.push(FoundDuplicate {
                    pointer: String::new(),
                    parent_len: 0,
                    key,
                    occurrence,
                });
            }
        }
    }

    fn big_integer(&mut self, pointer: &str, value: Span) {
        let pointer = if self.big_integers.len() <= MAX_LISTED_FINDINGS {
            pointer.to_owned()
        } else {
            String::new()
        };
        self.big_integers.push((pointer, value));
    }
}

fn duplicate_finding(document: &Document, text: &str, dup: &FoundDuplicate) -> Diagnostic {
    let parent = &dup.pointer[..dup.parent_len.min(dup.pointer.len())];
    let key: String =
        serde_json::from_str(text.get(dup.key.0..dup.key.1).unwrap_or("\"\"")).unwrap_or_default();
    let object = if parent.is_empty() {
        MessageKey::new("input-duplicate-key-top")
    } else {
        MessageKey::new("input-duplicate-key-object").arg("pointer", parent)
    };
    Diagnostic::builtin(
        Code::DuplicateKey,
        MessageKey::new("input-duplicate-key")
            .arg("key", shorten(&key.escape_debug().to_string()))
            .arg("times", dup.occurrence)
            .arg("object", object)
            .arg("help", MessageKey::new(DUPLICATE_HELP)),
        dup.pointer.clone(),
    )
    .with_location(document.location_of(&region(dup.key)))
}

/// `/forms/B/total`, or "the top level" for the root.
fn describe_pointer(pointer: &str) -> Arg {
    if pointer.is_empty() {
        MessageKey::new("the-top-level").into()
    } else {
        shorten(pointer).into()
    }
}

/// Cuts very long text for a message.
fn text_location(text: &str, lines: &LineIndex, start: usize, end: usize) -> SourceLocation {
    let (line, column) = lines.line_col(text, start);
    SourceLocation::Text {
        line,
        column,
        start,
        end,
    }
}

fn syntax(detail: impl Into<Arg>, location: SourceLocation, help: MessageKey) -> Diagnostic {
    crate::format::syntax(detail, Some(location), help)
}

/// The finding for bytes that are not UTF-8 (`bytes` is after any BOM).
fn not_utf8(bytes: &[u8], err: &std::str::Utf8Error, had_bom: bool) -> Diagnostic {
    let bad = NotUtf8::new(bytes, err);
    let utf16 = !had_bom && (bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF"));
    let help = if utf16 {
        "json-help-utf16"
    } else {
        "json-help-not-utf8"
    };
    syntax(
        bad.message("json-not-utf8"),
        text_location(bad.prefix, &bad.lines, bad.at, bad.end),
        msg(help),
    )
}

/// The finding for text serde_json rejected.
fn not_well_formed(text: &str, err: &serde_json::Error) -> Diagnostic {
    let lines = LineIndex::new(text);
    let full = err.to_string();
    let suffix = format!(" at line {} column {}", err.line(), err.column());
    let reason = full.strip_suffix(&suffix).unwrap_or(&full);

    if text.trim_matches([' ', '\t', '\n', '\r']).is_empty() {
        let location = text_location(text, &lines, text.len(), text.len());
        let what = if text.is_empty() {
            "json-empty"
        } else {
            "json-blank"
        };
        return syntax(msg(what), location, msg("json-help-empty"));
    }

    let eof = reason.starts_with("EOF while parsing");
    let offset = if eof {
        // Point just past the last thing written, not at trailing blank lines.
        text.trim_end_matches([' ', '\t', '\n', '\r']).len()
    } else {
        error_offset(text, &lines, err.line(), err.column())
    };
    let (offset, end) = if reason == "number out of range" || reason == "invalid number" {
        // serde_json stops inside the number: show all of it.
        number_around(text, offset)
    } else if eof {
        (offset, offset)
    } else {
        let end = text
            .get(offset..)
            .and_then(|rest| rest.chars().next())
            .map_or(offset, |c| offset + c.len_utf8());
        (offset, end)
    };
    let location = text_location(text, &lines, offset, end);
    let (line, column) = (location.line().unwrap_or(1), location.column().unwrap_or(1));

    let (what, help) = explain(reason);
    let help = if text.contains('\0') {
        msg("json-help-nul")
    } else {
        help
    };
    syntax(
        msg("json-not-well-formed")
            .arg("what", what)
            .arg("line", line)
            .arg("column", column),
        location,
        help,
    )
}

/// Byte offset of serde_json's (1-based line, byte column). serde_json's
/// column counts the bytes consumed on the line, the offending one
/// included; 0 means the start of the line.
fn error_offset(text: &str, lines: &LineIndex, line: usize, column: usize) -> usize {
    if line == 0 {
        return 0;
    }
    let start = lines.line_range(text, line).start;
    let mut offset = (start + column.saturating_sub(1)).min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// The span of the number literal around `offset`.
fn number_around(text: &str, offset: usize) -> (usize, usize) {
    let b = text.as_bytes();
    let in_number = |c: u8| c.is_ascii_digit() || matches!(c, b'-' | b'+' | b'.' | b'e' | b'E');
    let mut start = offset.min(b.len());
    while start > 0 && in_number(b[start - 1]) {
        start -= 1;
    }
    let mut end = offset.min(b.len());
    while end < b.len() && in_number(b[end]) {
        end += 1;
    }
    (start, end)
}

/// Plain-language wording of a serde_json error, and what to do about it.
fn explain(reason: &str) -> (Arg, MessageKey) {
    let id = match reason {
        "EOF while parsing a list" => "json-eof-list",
        "EOF while parsing an object" => "json-eof-object",
        "EOF while parsing a string" => "json-eof-string",
        "EOF while parsing a value" => "json-eof-value",
        "expected ident" => "json-expected-ident",
        "expected value" => "json-expected-value",
        "expected `\"`" => "json-expected-quote",
        "key must be a string" => "json-key-string",
        "trailing comma" => "json-trailing-comma",
        "trailing characters" => "json-trailing-characters",
        "recursion limit exceeded" => "json-too-deep",
        "number out of range" => "json-number-range",
        "invalid number" => "json-invalid-number",
        "invalid escape" => "json-invalid-escape",
        "control character (\\u0000-\\u001F) found while parsing a string" => {
            "json-control-character"
        }
        // serde_json's own words, for the rare message not listed here.
        other => return (Arg::Text(other.to_owned()), msg("json-help-check")),
    };
    let help = match reason {
        r if r.starts_with("EOF while parsing") => "json-help-truncated",
        "recursion limit exceeded" => "json-help-too-deep",
        "number out of range" => "json-help-number-range",
        _ => "json-help-check",
    };
    (msg(id).into(), msg(help))
}
