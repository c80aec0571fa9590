//! XML reader: bytes → [`Document`], with `input/*` findings for input that
//! is not a well-formed report in the XML spelling of the model.
//!
//! The mapping (model.md, "Other spellings"): the root element is
//! `article7-report` in the namespace [`NAMESPACE`]; each key is a child
//! element of the same name; a scalar is the element's text; an array is a
//! wrapper element named after its key whose child elements are the items
//! (the item element's own name is free); forms are `<forms><A>…</A></forms>`.
//!
//! What this reader decides, and why:
//!
//! - **Types come from the schema** ([`crate::shape::kind_at`]), never from
//!   the XML: `<quantity>12</quantity>` is the number 12 because the schema
//!   says `quantity` is a whole number. Integers and numbers are read after
//!   trimming white space (`12`, `-3`, `1.5`, `2e3`); booleans are `true`,
//!   `false`, `1` or `0`. Text that cannot take its type is **kept as the
//!   string written**, so the schema reports it as `schema/type` ("`quantity`
//!   must be a whole number; found the text `twelve`") at that element: one
//!   finding, worded and located as for the same mistake in JSON.
//! - **Strings are kept exactly as written** (entities and CDATA resolved),
//!   leading and trailing white space included; only white-space text
//!   *between* child elements (indentation) is ignored.
//! - Where the schema expects an **object**, child elements are members;
//!   where it expects an **array**, child elements are items, whatever their
//!   name. An element whose text sits where an object or array is expected
//!   is read as that text, and an element with children where a scalar is
//!   expected as an object, so the schema names the mismatch.
//! - **Unknown elements and `extensions`**: the schema says nothing there,
//!   so the mapping is generic: an element with child elements is an object
//!   (member per child), except that an element whose children are *all*
//!   named [`ITEM`] is an array; an element without children is a string.
//!   The `extensions` element itself is always an object (`<extensions/>`
//!   is `{}`). An unknown element is therefore read by its shape and the
//!   schema reports `schema/additional-properties` at its start tag, as for
//!   JSON. Numbers and booleans inside `extensions` come back as text: XML
//!   does not say which a value is, and the schema does not either.
//! - **Refused** with `input/syntax` (no document; every such problem in the
//!   file is listed, up to [`MAX_LISTED_FINDINGS`]): XML that is not
//!   well-formed (at roxmltree's position); a DOCTYPE, hence any entity
//!   definition — nothing is expanded or fetched; a root element other than
//!   `article7-report` in [`NAMESPACE`]; any element outside that namespace
//!   (an undeclared prefix is already not well-formed); text beside child
//!   elements (mixed content); any attribute other than namespace
//!   declarations and, on the root only, `xsi:schemaLocation` /
//!   `xsi:noNamespaceSchemaLocation` (hints for XML editors, never fetched).
//!   Attributes are refused rather than ignored because a value written as
//!   `<area id="X">` would otherwise vanish silently. Comments and
//!   processing instructions are allowed anywhere and ignored. Before
//!   parsing: an empty file, invalid UTF-8 or UTF-16, and NUL characters.
//! - **Duplicate elements** for one member (two `<total>`): one
//!   `input/duplicate-key` finding per repeat, at its start tag; the document
//!   is returned with the last value, as the JSON reader does.
//! - **Integers beyond 64 bits** in a numeric place: `input/number-precision`,
//!   document returned with the nearest float, as the JSON reader does.
//! - **Encodings**: UTF-8 with or without BOM, UTF-16 LE or BE with BOM
//!   (decoded here). An XML declaration naming any other encoding
//!   (`ISO-8859-1`, `windows-1252`, …) is refused at the declaration: the
//!   reader does not transcode, and reading such a file as UTF-8 would garble
//!   its accented letters. Offsets in the document and its findings refer to
//!   the decoded text after the BOM.
//! - **Limits**: at most [`MAX_NODES`] XML nodes (memory) and
//!   [`MAX_DEPTH`] levels of nesting; beyond either, one finding. The parser
//!   (roxmltree) is iterative and the mapping stops descending at the depth
//!   limit, so no input can exhaust the stack.
//!
//! Every element's pointer is recorded in the source map: the value span is
//! the whole element (`<quantity>12</quantity>`), the key span its start
//! tag's name, so findings point at the element's `<`.
//!
//! Why roxmltree rather than quick-xml: it keeps a byte range on every node
//! and attribute, resolves entities and CDATA into a node's text, refuses
//! any DTD by default, never loads external resources, and parses nesting
//! iteratively; a report is small, so a DOM costs nothing and the mapping
//! is a plain tree walk. quick-xml gives no per-event span, so the same
//! locations would take hand-kept offsets and text reassembly.

use crate::diagnostics::{escape_pointer_token, Code, Diagnostic, SourceLocation};
use crate::format::findings::{msg, shorten, NotUtf8};
use crate::format::Ingested;
use crate::i18n::{Arg, MessageKey};
use crate::model::{Document, LineIndex, Region, SourceMap, Spans};
use crate::shape::{kind_at, Kind, Step};
use crate::source::Format;
use roxmltree::{Node, NodeType, ParsingOptions};
use serde_json::{Map, Number, Value};
use std::ops::Range;

/// The namespace every element of a report is in.
pub const NAMESPACE: &str = "urn:apmbc:article7:report:1";

/// The root element's local name.
pub const ROOT_ELEMENT: &str = "article7-report";

/// Inside `extensions` (and unknown elements), an element whose children are
/// all named this is an array of those children.
pub const ITEM: &str = "item";

/// Deepest nesting of elements read (the model needs under 10; `extensions`
/// may go deeper). Matches the JSON reader's limit of 128 levels.
pub const MAX_DEPTH: usize = 128;

/// Most XML nodes (elements, text, comments) a file may have: bounds memory.
/// A full 100 KB report has about 10,000.
pub const MAX_NODES: u32 = 1_000_000;

/// At most this many findings of one kind are listed one by one.
pub const MAX_LISTED_FINDINGS: usize = 100;

const XSI: &str = "http://www.w3.org/2001/XMLSchema-instance";
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Help messages shared by several findings (ids in `i18n/*.ftl`).
const CHECK_HELP: &str = "xml-help-check";
const TRUNCATED_HELP: &str = "xml-help-truncated";
const ENCODING_HELP: &str = "xml-help-encoding";
const BIG_NUMBER_HELP: &str = "input-help-big-number";

/// Reads an XML report. See the module documentation for the mapping and
/// for what is reported.
pub fn read(bytes: &[u8]) -> Ingested {
    read_part(bytes, false)
}

/// The report's own fields only, `forms` left out, for the batch's
/// history, which needs no more to place a report; `None` when the file
/// cannot be read. Equal to those fields as [`read`] gives them, except
/// where the whole reading refuses the file for a problem inside `forms`:
/// the history confirms a report read this way before it uses it.
pub fn read_cover(bytes: &[u8]) -> Option<Value> {
    read_part(bytes, true).document.map(|d| d.value)
}

fn read_part(bytes: &[u8], cover_only: bool) -> Ingested {
    let text = match decode(bytes) {
        Ok(text) => text,
        Err(finding) => return Ingested::failed(*finding),
    };
    let lines = LineIndex::new(&text);
    if let Some(finding) = check_declared_encoding(&text, &lines) {
        return Ingested::failed(finding);
    }
    if let Some(at) = text.find('\0') {
        // XML allows no NUL anywhere; the parser would only say "unknown token".
        let location = point(&text, &lines, at);
        let (line, column) = (location.line().unwrap_or(1), location.column().unwrap_or(1));
        return Ingested::failed(syntax(
            msg("xml-nul").arg("line", line).arg("column", column),
            Some(location),
            msg("xml-help-nul"),
        ));
    }
    let options = ParsingOptions {
        allow_dtd: false,
        nodes_limit: MAX_NODES,
        ..ParsingOptions::default()
    };
    let xml = match roxmltree::Document::parse_with_options(&text, options) {
        Ok(xml) => xml,
        Err(err) => return Ingested::failed(not_well_formed(&text, &lines, &err)),
    };

    let mut reader = Reader {
        text: &text,
        lines: &lines,
        map: SourceMap::new(),
        refused: Listed::default(),
        duplicates: Listed::default(),
        big_numbers: Listed::default(),
        cover_only,
    };
    let value = reader.root(xml.root_element());
    let Reader {
        map,
        refused,
        duplicates,
        big_numbers,
        ..
    } = reader;
    if refused.count > 0 {
        return Ingested {
            document: None,
            findings: refused.finish(|n| {
                syntax(
                    msg("xml-more-problems").arg("count", n),
                    None,
                    msg(CHECK_HELP),
                )
            }),
        };
    }
    let mut findings = duplicates.finish(|n| {
        Diagnostic::builtin(
            Code::DuplicateKey,
            msg("xml-more-duplicates").arg("count", n),
            "",
        )
    });
    findings.extend(big_numbers.finish(|n| {
        Diagnostic::builtin(
            Code::NumberPrecision,
            msg("input-more-numbers")
                .arg("count", n)
                .arg("help", msg(BIG_NUMBER_HELP)),
            "",
        )
    }));
    drop(xml);
    Ingested {
        document: Some(Document::new(value, Format::Xml, Some(text), map)),
        findings,
    }
}

// ------------------------------------------------------------ decoding

/// Bytes → text: UTF-8 (BOM stripped) or UTF-16 with a BOM.
/// Findings are boxed: a `Diagnostic` is large and this is the common path.
fn decode(bytes: &[u8]) -> Result<String, Box<Diagnostic>> {
    if bytes.is_empty() {
        return Err(Box::new(syntax(
            msg("xml-empty"),
            Some(point("", &LineIndex::new(""), 0)),
            msg("xml-help-empty"),
        )));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return decode_utf16(rest, u16::from_le_bytes, "UTF-16LE");
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return decode_utf16(rest, u16::from_be_bytes, "UTF-16BE");
    }
    let body = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    match std::str::from_utf8(body) {
        Ok(text) => Ok(text.to_owned()),
        Err(err) => Err(Box::new(not_utf8(body, &err))),
    }
}

fn decode_utf16(
    bytes: &[u8],
    unit: fn([u8; 2]) -> u16,
    name: &str,
) -> Result<String, Box<Diagnostic>> {
    let units = bytes.chunks_exact(2).map(|p| unit([p[0], p[1]]));
    let mut text = String::with_capacity(bytes.len());
    for c in char::decode_utf16(units) {
        match c {
            Ok(c) => text.push(c),
            Err(e) => {
                let lines = LineIndex::new(&text);
                let at = text.len();
                let (line, column) = lines.line_col(&text, at);
                return Err(Box::new(syntax(
                    msg("xml-utf16-surrogate")
                        .arg("encoding", name)
                        .arg("unit", format!("0x{:04X}", e.unpaired_surrogate()))
                        .arg("line", line)
                        .arg("column", column),
                    Some(point(&text, &lines, at)),
                    msg("xml-help-not-text"),
                )));
            }
        }
    }
    if bytes.len() % 2 == 1 {
        let lines = LineIndex::new(&text);
        return Err(Box::new(syntax(
            msg("xml-utf16-half").arg("encoding", name),
            Some(point(&text, &lines, text.len())),
            msg(TRUNCATED_HELP),
        )));
    }
    Ok(text)
}

fn not_utf8(bytes: &[u8], err: &std::str::Utf8Error) -> Diagnostic {
    let bad = NotUtf8::new(bytes, err);
    // A declared single-byte encoding is the likely cause: say so.
    if let Some(finding) = check_declared_encoding(bad.prefix, &bad.lines) {
        return finding;
    }
    syntax(
        bad.message("xml-not-utf8"),
        Some(point(bad.prefix, &bad.lines, bad.at)),
        msg("xml-help-not-utf8"),
    )
}

/// The byte range of the `encoding` value in a leading XML declaration.
fn declared_encoding(text: &str) -> Option<Range<usize>> {
    let rest = text.strip_prefix("<?xml")?;
    if !rest.starts_with([' ', '\t', '\r', '\n']) {
        return None;
    }
    let end = text.find("?>").unwrap_or(text.len().min(200));
    let decl = text.get(..end)?;
    let bytes = decl.as_bytes();
    let mut i = decl.find("encoding")? + "encoding".len();
    let skip_ws = |i: &mut usize| {
        while *i < bytes.len() && bytes[*i].is_ascii_whitespace() {
            *i += 1;
        }
    };
    skip_ws(&mut i);
    if bytes.get(i) != Some(&b'=') {
        return None;
    }
    i += 1;
    skip_ws(&mut i);
    let quote = *bytes.get(i).filter(|q| matches!(q, b'"' | b'\''))?;
    let start = i + 1;
    let len = bytes.get(start..)?.iter().position(|&b| b == quote)?;
    Some(start..start + len)
}

/// A finding when the XML declaration names an encoding other than UTF-8,
/// UTF-16 or ASCII (a subset of UTF-8).
fn check_declared_encoding(text: &str, lines: &LineIndex) -> Option<Diagnostic> {
    let range = declared_encoding(text)?;
    let name = &text[range.clone()];
    let accepted = [
        "utf-8", "utf8", "utf-16", "utf-16le", "utf-16be", "us-ascii", "ascii",
    ];
    if accepted.iter().any(|a| name.eq_ignore_ascii_case(a)) {
        return None;
    }
    Some(syntax(
        msg("xml-encoding").arg("encoding", shorten(name)),
        Some(span(text, lines, range)),
        msg(ENCODING_HELP),
    ))
}

// ------------------------------------------------------------ parse errors

fn not_well_formed(text: &str, lines: &LineIndex, err: &roxmltree::Error) -> Diagnostic {
    use roxmltree::Error as E;
    let trimmed_end = text.trim_end().len();
    let at_pos = |pos: roxmltree::TextPos| offset_of(text, lines, pos.row, pos.col);
    let (what, offset, help): (Arg, usize, MessageKey) = match err {
        E::DtdDetected => {
            let offset = text.find("<!DOCTYPE").unwrap_or(0);
            return syntax(
                msg("xml-doctype"),
                Some(span(text, lines, offset..offset + "<!DOCTYPE".len())),
                msg("xml-help-doctype"),
            );
        }
        E::NodesLimitReached => {
            return syntax(
                msg("xml-too-many-nodes").arg("limit", MAX_NODES as usize),
                Some(point(text, lines, 0)),
                msg("xml-help-right-file"),
            );
        }
        E::UnexpectedEndOfStream | E::UnclosedRootNode => (
            msg("xml-unclosed-root").into(),
            trimmed_end,
            msg(TRUNCATED_HELP),
        ),
        E::NoRootNode => {
            let what = if text.trim().is_empty() {
                "xml-only-white-space"
            } else {
                "xml-no-element"
            };
            (msg(what).into(), trimmed_end, msg(TRUNCATED_HELP))
        }
        E::UnexpectedCloseTag(expected, actual, pos) => (
            msg("xml-end-tag")
                .arg("actual", actual.as_str())
                .arg("expected", expected.as_str())
                .into(),
            at_pos(*pos),
            msg(CHECK_HELP),
        ),
        E::UnknownEntityReference(name, pos) => (
            msg("xml-unknown-entity").arg("name", name.as_str()).into(),
            at_pos(*pos),
            msg("xml-help-entity"),
        ),
        E::UnknownNamespace(prefix, pos) => (
            msg("xml-unknown-prefix")
                .arg("prefix", prefix.as_str())
                .into(),
            at_pos(*pos),
            msg("xml-help-prefix"),
        ),
        other => {
            // The parser's own explanation, which has no translation.
            let pos = other.pos();
            let full = other.to_string();
            let reason = full
                .strip_suffix(&format!(" at {pos}"))
                .map(str::to_owned)
                .unwrap_or(full);
            (reason.into(), at_pos(pos), msg(CHECK_HELP))
        }
    };
    let location = point(text, lines, offset);
    let (line, column) = (location.line().unwrap_or(1), location.column().unwrap_or(1));
    syntax(
        msg("xml-not-well-formed")
            .arg("line", line)
            .arg("column", column)
            .arg("what", what),
        Some(location),
        help,
    )
}

/// Byte offset of roxmltree's 1-based (row, column in characters).
fn offset_of(text: &str, lines: &LineIndex, row: u32, col: u32) -> usize {
    let start = lines.line_range(text, row.max(1) as usize).start;
    let line = text.get(start..).unwrap_or("");
    line.char_indices()
        .nth(col.saturating_sub(1) as usize)
        .map_or(text.len(), |(i, _)| start + i)
}

// ------------------------------------------------------------ mapping

/// Findings of one kind: the first [`MAX_LISTED_FINDINGS`] and a count.
#[derive(Default)]
struct Listed {
    listed: Vec<Diagnostic>,
    count: usize,
}

impl Listed {
    fn push(&mut self, make: impl FnOnce() -> Diagnostic) {
        self.count += 1;
        if self.listed.len() < MAX_LISTED_FINDINGS {
            self.listed.push(make());
        }
    }

    /// The listed findings, plus one counting the rest.
    fn finish(mut self, rest: impl FnOnce(usize) -> Diagnostic) -> Vec<Diagnostic> {
        if self.count > self.listed.len() {
            let more = rest(self.count - self.listed.len());
            self.listed.push(more);
        }
        self.listed
    }
}

struct Reader<'t> {
    text: &'t str,
    lines: &'t LineIndex,
    map: SourceMap,
    /// Problems that stop the file from being read.
    refused: Listed,
    /// Repeated members (the document is still read, last one kept).
    duplicates: Listed,
    /// Integers rounded to the nearest float.
    big_numbers: Listed,
    /// Leave `forms` out ([`read_cover`]).
    cover_only: bool,
}

impl<'t> Reader<'t> {
    fn locate(&self, range: Range<usize>) -> SourceLocation {
        span(self.text, self.lines, range)
    }

    fn refuse(&mut self, message: MessageKey, range: Range<usize>, help: MessageKey) {
        let location = self.locate(range);
        self.refused.push(|| syntax(message, Some(location), help));
    }

    fn root(&mut self, root: Node<'_, '_>) -> Value {
        let name = root.tag_name();
        if name.name() != ROOT_ELEMENT || name.namespace() != Some(NAMESPACE) {
            self.refuse(
                msg("xml-root")
                    .arg("root", ROOT_ELEMENT)
                    .arg("namespace", NAMESPACE)
                    .arg("found", name.name())
                    .arg("where", in_namespace(name.namespace())),
                self.name_range(root),
                msg("xml-help-root"),
            );
            return Value::Null;
        }
        let mut path = Vec::new();
        let mut pointer = String::new();
        self.element(
            root,
            Context::Schema(Kind::Object),
            &mut path,
            &mut pointer,
            1,
        )
    }

    /// Maps one element (already known to be wanted) and records its spans.
    fn element<'a>(
        &mut self,
        node: Node<'a, '_>,
        context: Context,
        path: &mut Vec<Step<'a>>,
        pointer: &mut String,
        depth: usize,
    ) -> Value {
        self.map.insert(
            pointer.clone(),
            Spans {
                key: Some(region(self.name_range(node))),
                value: region(node.range()),
            },
        );
        self.check_attributes(node, depth == 1);
        if depth > MAX_DEPTH {
            self.refuse(
                msg("xml-too-deep").arg("limit", MAX_DEPTH),
                node.range().start..self.name_range(node).end,
                msg("xml-help-too-deep"),
            );
            return Value::Null;
        }

        let kind = match context {
            Context::Schema(kind) => kind,
            Context::Extensions => Kind::Object,
            Context::Free => Kind::Any,
        };
        let has_elements = node.children().any(|c| c.is_element());
        if !has_elements {
            // Text, CDATA and entities, joined across comments.
            let text: String = node.children().filter_map(|c| c.text()).collect();
            let (value, rounded) = scalar(kind, &text);
            if rounded {
                let location = self.locate(node.range());
                let at = pointer.clone();
                self.big_numbers.push(|| {
                    Diagnostic::builtin(
                        Code::NumberPrecision,
                        msg("input-number-precision")
                            .arg("number", shorten(text.trim()))
                            .arg("pointer", display_pointer(&at))
                            .arg("help", msg(BIG_NUMBER_HELP)),
                        at,
                    )
                    .with_location(Some(location))
                });
            }
            return value;
        }

        let mut children = Vec::new();
        for child in node.children() {
            match child.node_type() {
                NodeType::Element if child.tag_name().namespace() == Some(NAMESPACE) => {
                    children.push(child);
                }
                NodeType::Element => self.outside_namespace(child),
                NodeType::Text => self.check_stray_text(node, child),
                // Comments and processing instructions carry no data.
                _ => {}
            }
        }

        let as_array = match (context, kind) {
            (Context::Schema(_), Kind::Array) => true,
            (Context::Schema(Kind::Object) | Context::Extensions, _) => false,
            // Unknown, free-form, or children where a scalar belongs: generic.
            _ => children.iter().all(|c| c.tag_name().name() == ITEM),
        };
        // Below here, does the schema still say what each place is?
        let free = !matches!(
            (context, kind),
            (Context::Schema(_), Kind::Array | Kind::Object)
        );
        let base = pointer.len();
        if as_array {
            let mut items = Vec::with_capacity(children.len());
            for (i, child) in children.into_iter().enumerate() {
                pointer.push('/');
                pointer.push_str(&i.to_string());
                path.push(Step::Item);
                let ctx = if free {
                    Context::Free
                } else {
                    Context::Schema(kind_at(path))
                };
                items.push(self.element(child, ctx, path, pointer, depth + 1));
                path.pop();
                pointer.truncate(base);
            }
            Value::Array(items)
        } else {
            let mut members = Map::new();
            for child in children {
                let key = child.tag_name().name();
                if self.cover_only && depth == 1 && key == "forms" {
                    continue;
                }
                pointer.push('/');
                pointer.push_str(&escape_pointer_token(key));
                path.push(Step::Key(key));
                let ctx = if free {
                    Context::Free
                } else if key == "extensions" {
                    // The schema leaves `extensions` open: an object of anything.
                    Context::Extensions
                } else {
                    match kind_at(path) {
                        Kind::Any => Context::Free,
                        k => Context::Schema(k),
                    }
                };
                let value = self.element(child, ctx, path, pointer, depth + 1);
                if members.contains_key(key) {
                    let location = self.locate(self.name_range(child));
                    let at = pointer.clone();
                    let parent = node.tag_name().name();
                    let parent_pointer = display_pointer(&pointer[..base]);
                    self.duplicates.push(|| {
                        Diagnostic::builtin(
                            Code::DuplicateKey,
                            msg("xml-duplicate")
                                .arg("key", key)
                                .arg("parent", parent)
                                .arg("pointer", parent_pointer),
                            at,
                        )
                        .with_location(Some(location))
                    });
                }
                members.insert(key.to_owned(), value);
                path.pop();
                pointer.truncate(base);
            }
            Value::Object(members)
        }
    }

    /// Refuses text other than white space beside child elements.
    fn check_stray_text(&mut self, parent: Node<'_, '_>, text: Node<'_, '_>) {
        let value = text.text().unwrap_or("");
        if value.trim().is_empty() {
            return;
        }
        // Point at the first written character, not at the indentation.
        let range = text.range();
        let raw = self.text.get(range.clone()).unwrap_or("");
        let start = range.start + (raw.len() - raw.trim_start().len());
        self.refuse(
            msg("xml-stray-text")
                .arg("text", shorten(value.trim()))
                .arg("parent", parent.tag_name().name()),
            start.min(range.end)..range.end,
            msg("xml-help-stray-text"),
        );
    }

    fn outside_namespace(&mut self, node: Node<'_, '_>) {
        let name = node.tag_name();
        self.refuse(
            msg("xml-foreign-element")
                .arg("name", name.name())
                .arg("where", in_namespace(name.namespace()))
                .arg("namespace", NAMESPACE),
            self.name_range(node),
            msg("xml-help-foreign-element"),
        );
    }

    fn check_attributes(&mut self, node: Node<'_, '_>, is_root: bool) {
        for attr in node.attributes() {
            let hint = attr.namespace() == Some(XSI)
                && matches!(attr.name(), "schemaLocation" | "noNamespaceSchemaLocation");
            if is_root && hint {
                continue;
            }
            let qname = self.text.get(attr.range_qname()).unwrap_or(attr.name());
            self.refuse(
                msg("xml-attribute")
                    .arg("attribute", shorten(qname))
                    .arg("element", node.tag_name().name()),
                attr.range(),
                msg("xml-help-attribute").arg("name", attr.name()),
            );
        }
    }

    /// The range of an element's name in its start tag.
    fn name_range(&self, node: Node<'_, '_>) -> Range<usize> {
        let start = node.range().start + 1;
        let rest = self.text.get(start..).unwrap_or("");
        let len = rest
            .find(|c: char| c.is_whitespace() || c == '/' || c == '>')
            .unwrap_or(rest.len());
        start..start + len
    }
}

/// What is known about the place an element fills.
#[derive(Debug, Clone, Copy)]
enum Context {
    /// The schema expects this kind here.
    Schema(Kind),
    /// An `extensions` element: an object whose members are free-form.
    Extensions,
    /// Inside `extensions`, or an unknown element: the generic mapping.
    Free,
}

/// The value of an element without child elements, typed by `kind`; the
/// flag says an integer was too large for 64 bits and was rounded.
fn scalar(kind: Kind, text: &str) -> (Value, bool) {
    let as_written = || (Value::String(text.to_owned()), false);
    match kind {
        Kind::Integer | Kind::Number => match number(text.trim()) {
            Some((n, rounded)) => (Value::Number(n), rounded),
            None => as_written(),
        },
        Kind::Boolean => match text.trim() {
            "true" | "1" => (Value::Bool(true), false),
            "false" | "0" => (Value::Bool(false), false),
            _ => as_written(),
        },
        Kind::Object if text.trim().is_empty() => (Value::Object(Map::new()), false),
        Kind::Array if text.trim().is_empty() => (Value::Array(Vec::new()), false),
        _ => as_written(),
    }
}

/// Parses a number as JSON would store it: an unsigned, then a signed
/// 64-bit integer, else a finite float. The flag marks an integer literal
/// beyond 64 bits, stored as the nearest float.
fn number(t: &str) -> Option<(Number, bool)> {
    if let Ok(u) = t.parse::<u64>() {
        return Some((Number::from(u), false));
    }
    if let Ok(i) = t.parse::<i64>() {
        return Some((Number::from(i), false));
    }
    // Rust also reads `inf`, `NaN` and `infinity`: only digits count here.
    let numeric = t
        .bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'+' | b'-' | b'.' | b'e' | b'E'))
        && t.bytes().any(|b| b.is_ascii_digit());
    if !numeric {
        return None;
    }
    let f = t.parse::<f64>().ok().filter(|f| f.is_finite())?;
    let integer_literal = t
        .strip_prefix(['+', '-'])
        .unwrap_or(t)
        .bytes()
        .all(|b| b.is_ascii_digit());
    Some((Number::from_f64(f)?, integer_literal))
}

fn region(range: Range<usize>) -> Region {
    Region::Text {
        start: range.start,
        end: range.end,
    }
}

fn span(text: &str, lines: &LineIndex, range: Range<usize>) -> SourceLocation {
    let (line, column) = lines.line_col(text, range.start);
    SourceLocation::Text {
        line,
        column,
        start: range.start,
        end: range.end,
    }
}

/// A location one character wide (empty at the end of the text).
fn point(text: &str, lines: &LineIndex, offset: usize) -> SourceLocation {
    let offset = offset.min(text.len());
    let end = text
        .get(offset..)
        .and_then(|rest| rest.chars().next())
        .map_or(offset, |c| offset + c.len_utf8());
    span(text, lines, offset..end)
}

fn syntax(message: MessageKey, location: Option<SourceLocation>, help: MessageKey) -> Diagnostic {
    crate::format::syntax(message, location, help)
}

/// `in no namespace` or `in the namespace `…``.
fn in_namespace(ns: Option<&str>) -> MessageKey {
    match ns {
        // roxmltree reports `xmlns=""` as the empty namespace name.
        None | Some("") => msg("xml-no-namespace"),
        Some(ns) => msg("xml-in-namespace").arg("namespace", shorten(ns)),
    }
}

/// `/forms/B/total`, or `the root element` for the root.
fn display_pointer(pointer: &str) -> Arg {
    if pointer.is_empty() {
        msg("xml-root-element").into()
    } else {
        shorten(pointer).into()
    }
}
