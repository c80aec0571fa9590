//! An annotated copy of the user's own workbook (`article7 annotate`): each
//! finding at a cell becomes a cell comment there and the cell is filled in
//! the colour of its severity; a new first sheet lists every finding with a
//! link to its cell.
//!
//! The copy is an edit of the user's archive, never a rebuild from the
//! canonical document: parts that need no change are copied compressed as
//! they are (`raw_copy_file`), and the parts that change (`workbook.xml`,
//! its relationships, `styles.xml`, `[Content_Types].xml`, the sheets with
//! findings) are edited in place: quick-xml finds the byte ranges of the
//! elements to change and everything between them is copied unchanged.
//! See docs/annotate.md.

use super::container::check_container;
use crate::diagnostics::{Diagnostic, Severity, SourceLocation};
use crate::i18n::{self, MessageKey};
use crate::model::cell_name;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use quick_xml::XmlVersion;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;
use std::io::{Cursor, Read, Write};
use std::ops::Range;

const NS_MAIN: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL_WORKSHEET: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
const REL_STYLES: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";
const REL_COMMENTS: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";
const REL_VML: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing";
const REL_OFFICE_DOCUMENT: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
const CT_WORKSHEET: &str =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const CT_COMMENTS: &str =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml";
const CT_STYLES: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
const CT_VML: &str = "application/vnd.openxmlformats-officedocument.vmlDrawing";
/// The author of the comments this writes.
pub const AUTHOR: &str = "article7";

/// The `<fill>` colour (ARGB) of a cell with a finding of each severity:
/// Excel's own "Bad", "Neutral" and a pale blue.
pub fn fill_colour(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "FFFFC7CE",
        Severity::Warning => "FFFFEB9C",
        Severity::Info => "FFDDEBF7",
    }
}

/// How to annotate.
#[derive(Debug, Clone)]
pub struct Options {
    /// The language of the list sheet and of the comments' captions (the
    /// findings come already worded in it).
    pub lang: String,
    /// The input's name, shown in the list sheet's title.
    pub file: String,
    /// Show every comment open (for printing: LibreOffice and Excel print
    /// shown comments where they are), instead of on hovering the cell.
    pub show_comments: bool,
}

/// What was written.
#[derive(Debug)]
pub struct Annotated {
    /// The annotated workbook.
    pub bytes: Vec<u8>,
    /// Cells that got a comment (several findings at one cell share one).
    pub cells: usize,
    /// Findings listed on the list sheet (all of them).
    pub listed: usize,
}

/// Why a workbook could not be annotated.
#[derive(Debug, thiserror::Error)]
pub enum AnnotateError {
    /// The bytes are not a workbook archive, or a damaged one.
    #[error("{0}")]
    NotWorkbook(String),
    /// A part the copy must edit is missing or is not well-formed XML.
    #[error("the workbook's part {part} cannot be edited: {reason}")]
    Part {
        /// The part's name in the archive.
        part: String,
        /// What is wrong with it.
        reason: String,
    },
    /// The workbook already has a findings sheet: it is an annotated copy.
    #[error("the workbook already has a sheet named `{0}`: it looks like an annotated copy; annotate the original workbook")]
    AlreadyAnnotated(String),
}

fn part_error(part: &str, reason: impl ToString) -> AnnotateError {
    AnnotateError::Part {
        part: part.to_owned(),
        reason: reason.to_string(),
    }
}

/// The name of the findings sheet in `lang`.
pub fn list_sheet_name(lang: &str) -> String {
    text(lang, "annotate-sheet")
}

/// Whether `name` is the findings sheet of an annotated copy, in any
/// language (the reader skips it, so that an annotated copy validates as
/// its original does).
pub fn is_list_sheet(name: &str) -> bool {
    i18n::Lang::ALL
        .iter()
        .any(|l| list_sheet_name(l.code()).eq_ignore_ascii_case(name))
}

fn text(lang: &str, id: &'static str) -> String {
    i18n::text(lang, &MessageKey::new(id))
}

/// Text for a cell: the message catalogue marks field names and values as
/// `code`; a spreadsheet shows no code, so they are quoted as the
/// language quotes (« email » in French).
pub fn cell_text(s: &str, lang: &str) -> String {
    if s.matches('`').count() % 2 == 1 {
        return s.to_owned();
    }
    let (open, close) = match lang {
        "fr" => ("«\u{a0}", "\u{a0}»"),
        "es" => ("«", "»"),
        _ => ("“", "”"),
    };
    let mut out = String::with_capacity(s.len());
    for (i, part) in s.split('`').enumerate() {
        if i > 0 {
            out.push_str(if i % 2 == 1 { open } else { close });
        }
        out.push_str(part);
    }
    out
}

fn severity_word(severity: Severity, lang: &str) -> String {
    i18n::lookup(lang, &format!("severity-{}", severity.as_str()))
        .unwrap_or_else(|| severity.as_str().to_owned())
}

/// Writes the annotated copy of the workbook `bytes` with `findings` (in
/// document order, worded in `options.lang`).
pub fn annotate(
    bytes: &[u8],
    findings: &[Diagnostic],
    options: &Options,
) -> Result<Annotated, AnnotateError> {
    // A dependency's panic on a hostile archive is an error, not a crash.
    match std::panic::catch_unwind(|| annotate_inner(bytes, findings, options)) {
        Ok(r) => r,
        Err(_) => Err(AnnotateError::NotWorkbook(
            "the workbook could not be read (the archive is damaged)".to_owned(),
        )),
    }
}

/// A cell position, 0-based (row, column).
type At = (u32, u32);

/// The findings of one sheet, by cell.
type SheetFindings<'a> = BTreeMap<At, Vec<&'a Diagnostic>>;

/// One `<sheet>` of the workbook.
struct SheetEntry {
    name: String,
    /// The worksheet part, when the sheet is a worksheet.
    part: Option<String>,
}

fn annotate_inner(
    bytes: &[u8],
    findings: &[Diagnostic],
    options: &Options,
) -> Result<Annotated, AnnotateError> {
    check_container(bytes).map_err(|d| AnnotateError::NotWorkbook(d.message))?;
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| AnnotateError::NotWorkbook(format!("the archive is damaged: {e}")))?;
    let names: BTreeSet<String> = archive
        .file_names()
        .flatten()
        .map(|n| n.into_owned())
        .collect();
    let mut parts = Parts {
        archive: &mut archive,
        names: &names,
        changed: BTreeMap::new(),
    };
    let lang = options.lang.as_str();

    let root_rels = parts.read_text("_rels/.rels")?;
    let workbook_part = relationships(&root_rels, "_rels/.rels")?
        .into_iter()
        .find(|r| r.kind == REL_OFFICE_DOCUMENT)
        .map(|r| resolve("", &r.target))
        .unwrap_or_else(|| "xl/workbook.xml".to_owned());
    let workbook_xml = parts.read_text(&workbook_part)?;
    let workbook_rels_part = rels_part_of(&workbook_part);
    let workbook_rels = parts.read_text(&workbook_rels_part)?;
    let rels = relationships(&workbook_rels, &workbook_rels_part)?;
    let wb_dir = dir_of(&workbook_part);
    let book = parse_workbook(&workbook_xml, &workbook_part)?;
    let list_name = list_sheet_name(lang);
    if let Some(s) = book.sheets.iter().find(|s| is_list_sheet(&s.0)) {
        return Err(AnnotateError::AlreadyAnnotated(s.0.clone()));
    }
    let sheets: Vec<SheetEntry> = book
        .sheets
        .iter()
        .map(|(name, rid)| SheetEntry {
            name: name.clone(),
            part: rels
                .iter()
                .find(|r| &r.id == rid && r.kind == REL_WORKSHEET)
                .map(|r| resolve(&wb_dir, &r.target))
                .filter(|p| names.contains(p)),
        })
        .collect();

    // Findings at a cell of a worksheet, by sheet; the others are listed only.
    let mut by_sheet: BTreeMap<usize, SheetFindings<'_>> = BTreeMap::new();
    for f in findings {
        if let Some((sheet, at)) = place(f, &sheets) {
            by_sheet
                .entry(sheet)
                .or_default()
                .entry(at)
                .or_default()
                .push(f);
        }
    }

    // Styles: the fills and formats the copy adds.
    let styles_part = rels
        .iter()
        .find(|r| r.kind == REL_STYLES)
        .map(|r| resolve(&wb_dir, &r.target))
        .filter(|p| names.contains(p));
    let mut styles = match &styles_part {
        Some(p) => Styles::parse(parts.read_text(p)?, p)?,
        None => Styles::parse(DEFAULT_STYLES.to_owned(), "styles.xml")?,
    };

    // Sheets with findings: cells restyled, comments added.
    let active = book.active_tab.min(sheets.len().saturating_sub(1));
    let mut content_types = Vec::new();
    let mut cells = 0;
    let mut next_comments = 1;
    let mut next_vml = 1;
    let mut shape_block = 1;
    for (i, sheet) in sheets.iter().enumerate() {
        let Some(part) = &sheet.part else { continue };
        let at_cells = by_sheet.get(&i);
        let untab = i == active;
        if at_cells.is_none() && !untab {
            continue;
        }
        let xml = parts.read_text(part)?;
        let Some(at_cells) = at_cells else {
            // The sheet that was selected: the list sheet is now.
            let edit = SheetEdit {
                restyle: BTreeMap::new(),
                legacy_drawing: None,
                untab: true,
            };
            parts.put(part, edit.apply(&xml, part)?.into_bytes());
            continue;
        };
        cells += at_cells.len();
        let layout = scan_sheet(&xml, part)?;
        // The style each cell gets: its own (or its row's, its column's),
        // with the fill of its most severe finding.
        let mut restyle: BTreeMap<At, usize> = BTreeMap::new();
        for (at, fs) in at_cells {
            let worst = fs
                .iter()
                .map(|f| f.severity)
                .max()
                .unwrap_or(Severity::Info);
            let base = layout.style_of(*at);
            restyle.insert(*at, styles.highlighted(base, worst));
        }
        let sheet_rels_part = rels_part_of(part);
        let sheet_rels_text = if names.contains(&sheet_rels_part) {
            Some(parts.read_text(&sheet_rels_part)?)
        } else {
            None
        };
        let sheet_rels = match &sheet_rels_text {
            Some(t) => relationships(t, &sheet_rels_part)?,
            None => Vec::new(),
        };
        let sheet_dir = dir_of(part);
        let mut new_rels = Vec::new();
        let fresh_id = |prefix: &str, taken: &[Relationship], added: &[(String, &str, String)]| {
            (0..)
                .map(|n| format!("rIdA7{prefix}{n}"))
                .find(|id| {
                    !taken.iter().any(|r| &r.id == id) && !added.iter().any(|(a, _, _)| a == id)
                })
                .unwrap_or_default()
        };
        // The comments part: the sheet's own, or a new one.
        let existing_comments = sheet_rels
            .iter()
            .find(|r| r.kind == REL_COMMENTS)
            .map(|r| resolve(&sheet_dir, &r.target))
            .filter(|p| names.contains(p));
        let mut commented: BTreeSet<At> = BTreeSet::new();
        let comments_xml = match &existing_comments {
            Some(p) => {
                let old = parts.read_text(p)?;
                let (xml, had) = append_comments(&old, p, at_cells, options)?;
                commented = had;
                parts.put(p, xml.into_bytes());
                None
            }
            None => Some(new_comments(at_cells, options)),
        };
        if let Some(xml) = comments_xml {
            let name = loop {
                let n = format!("{wb_dir}comments{next_comments}.xml");
                next_comments += 1;
                if !names.contains(&n) {
                    break n;
                }
            };
            let id = fresh_id("C", &sheet_rels, &new_rels);
            new_rels.push((id, REL_COMMENTS, relative(&sheet_dir, &name)));
            content_types.push(format!(
                r#"<Override PartName="/{}" ContentType="{CT_COMMENTS}"/>"#,
                escape(&name)
            ));
            parts.put(&name, xml.into_bytes());
        }
        // The shapes that show the new comments: in the sheet's drawing of
        // comments when it has one, else in a new one.
        let new_at: Vec<(At, usize)> = at_cells
            .iter()
            .filter(|(at, _)| !commented.contains(at))
            .map(|(at, fs)| (*at, comment_lines(fs, lang)))
            .collect();
        let existing_vml = layout
            .legacy_drawing
            .as_ref()
            .and_then(|rid| sheet_rels.iter().find(|r| &r.id == rid))
            .map(|r| resolve(&sheet_dir, &r.target))
            .filter(|p| names.contains(p));
        let mut legacy_id = None;
        match &existing_vml {
            Some(p) => {
                let old = parts.read_bytes(p)?;
                parts.put(p, append_shapes(&old, &new_at, options.show_comments));
            }
            None => {
                let name = loop {
                    let n = format!("{wb_dir}drawings/vmlDrawing{next_vml}.vml");
                    next_vml += 1;
                    if !names.contains(&n) {
                        break n;
                    }
                };
                let blocks = new_at.len() / 1024 + 1;
                let vml = new_vml(shape_block, blocks, &new_at, options.show_comments);
                shape_block += blocks;
                let id = fresh_id("V", &sheet_rels, &new_rels);
                legacy_id = Some(id.clone());
                new_rels.push((id, REL_VML, relative(&sheet_dir, &name)));
                parts.put(&name, vml.into_bytes());
            }
        }
        if !new_rels.is_empty() {
            let added: String = new_rels
                .iter()
                .map(|(id, kind, target)| {
                    format!(
                        r#"<Relationship Id="{id}" Type="{kind}" Target="{}"/>"#,
                        escape(target)
                    )
                })
                .collect();
            let text = match &sheet_rels_text {
                Some(t) => insert_before_end(t, "Relationships", &added, &sheet_rels_part)?,
                None => format!(
                    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{added}</Relationships>"#
                ),
            };
            parts.put(&sheet_rels_part, text.into_bytes());
        }
        let edit = SheetEdit {
            restyle,
            legacy_drawing: legacy_id,
            untab,
        };
        parts.put(part, edit.apply(&xml, part)?.into_bytes());
    }

    // The list sheet.
    let list_part = (1..)
        .map(|n| format!("{wb_dir}worksheets/sheet{n}.xml"))
        .find(|n| !names.contains(n))
        .unwrap_or_default();
    let list_xml = list_sheet(findings, &sheets, &mut styles, options);
    parts.put(&list_part, list_xml.into_bytes());
    content_types.push(format!(
        r#"<Override PartName="/{}" ContentType="{CT_WORKSHEET}"/>"#,
        escape(&list_part)
    ));
    let list_rid = (0..)
        .map(|n| format!("rIdA7L{n}"))
        .find(|id| !rels.iter().any(|r| &r.id == id))
        .unwrap_or_default();
    let mut added_rels = format!(
        r#"<Relationship Id="{list_rid}" Type="{REL_WORKSHEET}" Target="{}"/>"#,
        escape(&relative(&wb_dir, &list_part))
    );

    // Styles: edited in place, or a new part when the workbook had none.
    let styles_text = styles.finish()?;
    match &styles_part {
        Some(p) => parts.put(p, styles_text.into_bytes()),
        None => {
            let name = format!("{wb_dir}styles.xml");
            let _ = write!(
                added_rels,
                r#"<Relationship Id="rIdA7S0" Type="{REL_STYLES}" Target="{}"/>"#,
                escape(&relative(&wb_dir, &name))
            );
            content_types.push(format!(
                r#"<Override PartName="/{}" ContentType="{CT_STYLES}"/>"#,
                escape(&name)
            ));
            parts.put(&name, styles_text.into_bytes());
        }
    }
    let wb_rels_text = insert_before_end(
        &workbook_rels,
        "Relationships",
        &added_rels,
        &workbook_rels_part,
    )?;
    parts.put(&workbook_rels_part, wb_rels_text.into_bytes());
    let wb_text = edit_workbook(&workbook_xml, &workbook_part, &list_name, &list_rid)?;
    parts.put(&workbook_part, wb_text.into_bytes());

    let ct_part = "[Content_Types].xml";
    let ct = parts.read_text(ct_part)?;
    if !has_default_extension(&ct, "vml") {
        content_types.insert(
            0,
            format!(r#"<Default Extension="vml" ContentType="{CT_VML}"/>"#),
        );
    }
    let ct = insert_before_end(&ct, "Types", &content_types.concat(), ct_part)?;
    parts.put(ct_part, ct.into_bytes());

    let changed = std::mem::take(&mut parts.changed);
    let out = write_archive(&mut archive, changed)?;
    Ok(Annotated {
        bytes: out,
        cells,
        listed: findings.len(),
    })
}

/// The sheet and cell of a finding, when it is at a cell of a worksheet.
fn place(f: &Diagnostic, sheets: &[SheetEntry]) -> Option<(usize, At)> {
    let SourceLocation::Cell { sheet, cell, .. } = f.location.as_ref()? else {
        return None;
    };
    let i = sheets
        .iter()
        .position(|s| &s.name == sheet && s.part.is_some())?;
    Some((i, parse_cell(cell)?))
}

/// `B7` → (6, 1).
pub fn parse_cell(cell: &str) -> Option<At> {
    let split = cell.find(|c: char| c.is_ascii_digit())?;
    let (letters, digits) = cell.split_at(split);
    if letters.is_empty() || letters.len() > 3 || !letters.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    let col = letters
        .bytes()
        .fold(0u32, |n, b| n * 26 + u32::from(b - b'A' + 1))
        - 1;
    let row: u32 = digits.parse().ok()?;
    ((1..=1_048_576).contains(&row) && col < 16_384).then(|| (row - 1, col))
}

// ---------------------------------------------------------------- archive

struct Parts<'a, 'b> {
    archive: &'a mut zip::ZipArchive<Cursor<&'b [u8]>>,
    names: &'a BTreeSet<String>,
    /// Parts written anew (changed or added), by name.
    changed: BTreeMap<String, Vec<u8>>,
}

impl Parts<'_, '_> {
    fn read_bytes(&mut self, name: &str) -> Result<Vec<u8>, AnnotateError> {
        if let Some(b) = self.changed.get(name) {
            return Ok(b.clone());
        }
        if !self.names.contains(name) {
            return Err(part_error(name, "it is missing from the archive"));
        }
        let mut entry = self
            .archive
            .by_name(name)
            .map_err(|e| part_error(name, e))?;
        let mut out = Vec::new();
        entry
            .read_to_end(&mut out)
            .map_err(|e| part_error(name, e))?;
        Ok(out)
    }

    fn read_text(&mut self, name: &str) -> Result<String, AnnotateError> {
        let bytes = self.read_bytes(name)?;
        let bytes = bytes
            .strip_prefix(b"\xEF\xBB\xBF")
            .map(<[u8]>::to_vec)
            .unwrap_or(bytes);
        String::from_utf8(bytes).map_err(|_| part_error(name, "it is not UTF-8 text"))
    }

    fn put(&mut self, name: &str, bytes: Vec<u8>) {
        self.changed.insert(name.to_owned(), bytes);
    }
}

/// The archive again: unchanged entries copied as they are (still
/// compressed), changed ones in their place, new ones at the end.
fn write_archive(
    archive: &mut zip::ZipArchive<Cursor<&[u8]>>,
    mut changed: BTreeMap<String, Vec<u8>>,
) -> Result<Vec<u8>, AnnotateError> {
    let fail = |e: zip::result::ZipError| part_error("(archive)", e);
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for i in 0..archive.len() {
        let entry = archive.by_index_raw(i).map_err(fail)?;
        let name = entry.name().map_err(fail)?.into_owned();
        match changed.remove(&name) {
            Some(bytes) => {
                drop(entry);
                out.start_file(name.as_str(), options).map_err(fail)?;
                out.write_all(&bytes).map_err(|e| part_error(&name, e))?;
            }
            None => out.raw_copy_file(entry).map_err(fail)?,
        }
    }
    for (name, bytes) in changed {
        out.start_file(name.as_str(), options).map_err(fail)?;
        out.write_all(&bytes).map_err(|e| part_error(&name, e))?;
    }
    Ok(out.finish().map_err(fail)?.into_inner())
}

// ---------------------------------------------------------------- paths

fn dir_of(part: &str) -> String {
    match part.rfind('/') {
        Some(i) => part[..=i].to_owned(),
        None => String::new(),
    }
}

/// `xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels`.
fn rels_part_of(part: &str) -> String {
    let dir = dir_of(part);
    format!("{dir}_rels/{}.rels", &part[dir.len()..])
}

/// A relationship's target as a part name.
fn resolve(dir: &str, target: &str) -> String {
    let joined = match target.strip_prefix('/') {
        Some(abs) => abs.to_owned(),
        None => format!("{dir}{target}"),
    };
    let mut out: Vec<&str> = Vec::new();
    for seg in joined.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                out.pop();
            }
            s => out.push(s),
        }
    }
    out.join("/")
}

/// The target, relative to `dir`, of the part `name`.
fn relative(dir: &str, name: &str) -> String {
    match name.strip_prefix(dir) {
        Some(rest) => rest.to_owned(),
        None => {
            let mut common = 0;
            let d: Vec<&str> = dir.split('/').filter(|s| !s.is_empty()).collect();
            let n: Vec<&str> = name.split('/').collect();
            while common < d.len() && common + 1 < n.len() && d[common] == n[common] {
                common += 1;
            }
            let mut s = "../".repeat(d.len() - common);
            s.push_str(&n[common..].join("/"));
            s
        }
    }
}

// ---------------------------------------------------------------- XML helpers

fn escape(s: &str) -> String {
    quick_xml::escape::escape(s).into_owned()
}

fn xml_error(part: &str, e: impl std::fmt::Display) -> AnnotateError {
    part_error(part, format!("it is not well-formed XML ({e})"))
}

fn reader(xml: &str) -> Reader<&[u8]> {
    let mut r = Reader::from_str(xml);
    r.config_mut().trim_text(false);
    r
}

fn attr(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .and_then(|a| {
            a.normalized_value(XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

/// The prefix of an element's name (`x:` in `x:row`), to name the elements
/// added beside it alike.
fn prefix_of(e: &BytesStart<'_>) -> String {
    let name = e.name();
    let raw = name.as_ref();
    match raw.find(':') {
        Some(i) => raw[..=i].to_owned(),
        None => String::new(),
    }
}

/// The prefix `e` declares for the namespace `ns` (`r` for
/// `xmlns:r="…/relationships"`).
fn ns_prefix(e: &BytesStart<'_>, ns: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.value.as_ref() == ns && a.key.as_ref().starts_with("xmlns:"))
        .map(|a| a.key.as_ref()["xmlns:".len()..].to_owned())
}

/// The start tag of `e` again, with `set` attributes replaced or added and
/// `drop` ones removed; the other attributes keep their written form.
fn retag(e: &BytesStart<'_>, set: &[(&str, String)], drop: &[&str], empty: bool) -> String {
    let mut s = String::from("<");
    s.push_str(e.name().as_ref());
    let mut done: Vec<&str> = Vec::new();
    for a in e.attributes().with_checks(false).flatten() {
        let key = a.key.as_ref().to_owned();
        if drop.contains(&key.as_str()) {
            continue;
        }
        if let Some((k, v)) = set.iter().find(|(k, _)| *k == key) {
            let _ = write!(s, r#" {k}="{}""#, escape(v));
            done.push(k);
        } else {
            let _ = write!(s, r#" {key}="{}""#, a.value);
        }
    }
    for (k, v) in set {
        if !done.contains(k) {
            let _ = write!(s, r#" {k}="{}""#, escape(v));
        }
    }
    s.push_str(if empty { "/>" } else { ">" });
    s
}

/// Applies byte-range replacements (sorted, not overlapping) to `src`.
fn splice(src: &str, mut edits: Vec<(Range<usize>, String)>) -> String {
    edits.sort_by_key(|(r, _)| (r.start, r.end));
    let mut out = String::with_capacity(src.len() + edits.iter().map(|e| e.1.len()).sum::<usize>());
    let mut at = 0;
    for (range, with) in edits {
        out.push_str(&src[at..range.start]);
        out.push_str(&with);
        at = range.end;
    }
    out.push_str(&src[at..]);
    out
}

/// Inserts `what` just before the closing tag of the root element `root`.
fn insert_before_end(
    xml: &str,
    root: &str,
    what: &str,
    part: &str,
) -> Result<String, AnnotateError> {
    let mut r = reader(xml);
    let mut depth = 0usize;
    loop {
        let start = r.buffer_position() as usize;
        match r.read_event().map_err(|e| xml_error(part, e))? {
            Event::Start(_) => depth += 1,
            Event::End(e) => {
                depth -= 1;
                if depth == 0 && e.local_name().as_ref() == root {
                    return Ok(splice(xml, vec![(start..start, what.to_owned())]));
                }
            }
            Event::Empty(e) if depth == 0 && e.local_name().as_ref() == root => {
                let end = r.buffer_position() as usize;
                let open = retag(&e, &[], &[], false);
                let name = e.name().as_ref().to_owned();
                return Ok(splice(
                    xml,
                    vec![(start..end, format!("{open}{what}</{name}>"))],
                ));
            }
            Event::Eof => return Err(part_error(part, format!("it has no <{root}> element"))),
            _ => {}
        }
    }
}

fn has_default_extension(ct: &str, ext: &str) -> bool {
    let mut r = reader(ct);
    loop {
        match r.read_event() {
            Ok(Event::Empty(e) | Event::Start(e))
                if e.local_name().as_ref() == "Default"
                    && attr(&e, "Extension").is_some_and(|x| x.eq_ignore_ascii_case(ext)) =>
            {
                return true;
            }
            Ok(Event::Eof) | Err(_) => return false,
            _ => {}
        }
    }
}

// ---------------------------------------------------------------- relationships

struct Relationship {
    id: String,
    kind: String,
    target: String,
}

fn relationships(xml: &str, part: &str) -> Result<Vec<Relationship>, AnnotateError> {
    let mut r = reader(xml);
    let mut out = Vec::new();
    loop {
        match r.read_event().map_err(|e| xml_error(part, e))? {
            Event::Empty(e) | Event::Start(e) if e.local_name().as_ref() == "Relationship" => {
                // External targets (links to web pages) are not parts.
                if attr(&e, "TargetMode").as_deref() == Some("External") {
                    continue;
                }
                out.push(Relationship {
                    id: attr(&e, "Id").unwrap_or_default(),
                    kind: attr(&e, "Type").unwrap_or_default(),
                    target: attr(&e, "Target").unwrap_or_default(),
                });
            }
            Event::Eof => return Ok(out),
            _ => {}
        }
    }
}

// ---------------------------------------------------------------- workbook.xml

struct Book {
    /// (name, relationship id), in tab order.
    sheets: Vec<(String, String)>,
    active_tab: usize,
}

fn parse_workbook(xml: &str, part: &str) -> Result<Book, AnnotateError> {
    let mut r = reader(xml);
    let mut book = Book {
        sheets: Vec::new(),
        active_tab: 0,
    };
    loop {
        match r.read_event().map_err(|e| xml_error(part, e))? {
            Event::Empty(e) | Event::Start(e) => match e.local_name().as_ref() {
                "sheet" => {
                    let rid = e
                        .attributes()
                        .flatten()
                        .find(|a| a.key.local_name().as_ref() == "id")
                        .and_then(|a| {
                            a.normalized_value(XmlVersion::Implicit1_0)
                                .ok()
                                .map(|v| v.into_owned())
                        })
                        .unwrap_or_default();
                    book.sheets
                        .push((attr(&e, "name").unwrap_or_default(), rid));
                }
                "workbookView" if book.active_tab == 0 => {
                    book.active_tab = attr(&e, "activeTab")
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(0);
                }
                _ => {}
            },
            Event::Eof => return Ok(book),
            _ => {}
        }
    }
}

/// The workbook with the list sheet first and selected: sheet-local
/// defined names (print areas, filters) follow their sheet one place on.
fn edit_workbook(
    xml: &str,
    part: &str,
    list_name: &str,
    rid: &str,
) -> Result<String, AnnotateError> {
    let mut r = reader(xml);
    let mut edits = Vec::new();
    let mut max_id = 0u32;
    let mut first_sheet = None;
    let mut r_prefix = None;
    loop {
        let start = r.buffer_position() as usize;
        let ev = r.read_event().map_err(|e| xml_error(part, e))?;
        let end = r.buffer_position() as usize;
        let (e, empty) = match &ev {
            Event::Start(e) => (e, false),
            Event::Empty(e) => (e, true),
            Event::Eof => break,
            _ => continue,
        };
        match e.local_name().as_ref() {
            "workbook" => {
                r_prefix = ns_prefix(e, NS_R);
            }
            "sheet" => {
                max_id = max_id.max(attr(e, "sheetId").and_then(|v| v.parse().ok()).unwrap_or(0));
                if first_sheet.is_none() {
                    first_sheet = Some((start, prefix_of(e)));
                }
            }
            "workbookView" => {
                let mut set = vec![("activeTab", "0".to_owned())];
                if attr(e, "firstSheet").is_some() {
                    set.push(("firstSheet", "0".to_owned()));
                }
                edits.push((start..end, retag(e, &set, &[], empty)));
            }
            "definedName" => {
                if let Some(n) = attr(e, "localSheetId").and_then(|v| v.parse::<u32>().ok()) {
                    edits.push((
                        start..end,
                        retag(e, &[("localSheetId", (n + 1).to_string())], &[], empty),
                    ));
                }
            }
            _ => {}
        }
    }
    let Some((at, prefix)) = first_sheet else {
        return Err(part_error(part, "it lists no sheet"));
    };
    let rel_attr = match &r_prefix {
        Some(p) => format!(r#"{p}:id="{rid}""#),
        None => format!(r#"xmlns:r="{NS_R}" r:id="{rid}""#),
    };
    edits.push((
        at..at,
        format!(
            r#"<{prefix}sheet name="{}" sheetId="{}" {rel_attr}/>"#,
            escape(list_name),
            max_id + 1
        ),
    ));
    Ok(splice(xml, edits))
}

// ---------------------------------------------------------------- styles.xml

/// A minimal style sheet for workbooks that have none (written by tools
/// that leave every cell in the default style).
const DEFAULT_STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"#;

/// The style sheet being extended: what it has, and what is added.
struct Styles {
    xml: String,
    part: String,
    prefix: String,
    /// Byte range of each `<xf>` of `<cellXfs>`, in order.
    xfs: Vec<Range<usize>>,
    /// Where each list ends (`</fonts>` …) and its `count` attribute.
    fonts: ListEnd,
    fills: ListEnd,
    cell_xfs: ListEnd,
    added_fonts: Vec<String>,
    added_fills: Vec<String>,
    added_xfs: Vec<String>,
    /// (base xf, severity) → new xf.
    highlighted: HashMap<(usize, Severity), usize>,
    /// Named new xfs of the list sheet.
    named: HashMap<&'static str, usize>,
}

struct ListEnd {
    /// The start tag's range, to rewrite its count.
    open: Range<usize>,
    /// Where the new children go.
    close: usize,
    len: usize,
}

impl Styles {
    fn parse(xml: String, part: &str) -> Result<Styles, AnnotateError> {
        let mut r = reader(&xml);
        let mut stack: Vec<String> = Vec::new();
        let mut lists: HashMap<&'static str, ListEnd> = HashMap::new();
        let mut xfs = Vec::new();
        let mut prefix = String::new();
        let mut xf_start = None;
        loop {
            let start = r.buffer_position() as usize;
            let ev = r.read_event().map_err(|e| xml_error(part, e))?;
            let end = r.buffer_position() as usize;
            match ev {
                Event::Start(e) | Event::Empty(e) => {
                    let empty =
                        matches!(xml.as_bytes().get(end.saturating_sub(2)..end), Some(b"/>"));
                    let name = e.local_name().as_ref().to_owned();
                    if stack.is_empty() {
                        prefix = prefix_of(&e);
                    }
                    let parent = stack.last().map(String::as_str);
                    if stack.len() == 1 {
                        let key = match name.as_str() {
                            "fonts" => Some("fonts"),
                            "fills" => Some("fills"),
                            "cellXfs" => Some("cellXfs"),
                            _ => None,
                        };
                        if let Some(k) = key {
                            if empty {
                                return Err(part_error(part, format!("its <{k}> list is empty")));
                            }
                            lists.insert(
                                k,
                                ListEnd {
                                    open: start..end,
                                    close: 0,
                                    len: 0,
                                },
                            );
                        }
                    }
                    if stack.len() == 2 {
                        let list = match parent {
                            Some("fonts") => Some("fonts"),
                            Some("fills") => Some("fills"),
                            Some("cellXfs") => Some("cellXfs"),
                            _ => None,
                        };
                        if let Some(l) = list.and_then(|l| lists.get_mut(l)) {
                            l.len += 1;
                        }
                        if parent == Some("cellXfs") {
                            if empty {
                                xfs.push(start..end);
                            } else {
                                xf_start = Some(start);
                            }
                        }
                    }
                    if !empty {
                        stack.push(name);
                    }
                }
                Event::End(e) => {
                    stack.pop();
                    let name = e.local_name();
                    if stack.len() == 1 {
                        let key = match name.as_ref() {
                            "fonts" => Some("fonts"),
                            "fills" => Some("fills"),
                            "cellXfs" => Some("cellXfs"),
                            _ => None,
                        };
                        if let Some(l) = key.and_then(|k| lists.get_mut(k)) {
                            l.close = start;
                        }
                    }
                    if stack.len() == 2 && stack.last().map(String::as_str) == Some("cellXfs") {
                        if let Some(s) = xf_start.take() {
                            xfs.push(s..end);
                        }
                    }
                }
                Event::Eof => break,
                _ => {}
            }
        }
        let mut take = |k: &'static str| {
            lists
                .remove(k)
                .ok_or_else(|| part_error(part, format!("it has no <{k}> list")))
        };
        Ok(Styles {
            fonts: take("fonts")?,
            fills: take("fills")?,
            cell_xfs: take("cellXfs")?,
            xml,
            part: part.to_owned(),
            prefix,
            xfs,
            added_fonts: Vec::new(),
            added_fills: Vec::new(),
            added_xfs: Vec::new(),
            highlighted: HashMap::new(),
            named: HashMap::new(),
        })
    }

    fn fill(&mut self, severity: Severity) -> usize {
        let p = &self.prefix;
        let xml = format!(
            r#"<{p}fill><{p}patternFill patternType="solid"><{p}fgColor rgb="{}"/><{p}bgColor indexed="64"/></{p}patternFill></{p}fill>"#,
            fill_colour(severity)
        );
        if let Some(i) = self.added_fills.iter().position(|f| *f == xml) {
            return self.fills.len + i;
        }
        self.added_fills.push(xml);
        self.fills.len + self.added_fills.len() - 1
    }

    fn add_xf(&mut self, xml: String) -> usize {
        self.added_xfs.push(xml);
        self.cell_xfs.len + self.added_xfs.len() - 1
    }

    /// The format `base` with the fill of `severity` (numbers, fonts,
    /// borders and alignment kept).
    fn highlighted(&mut self, base: usize, severity: Severity) -> usize {
        if let Some(i) = self.highlighted.get(&(base, severity)) {
            return *i;
        }
        let fill = self.fill(severity).to_string();
        let base_xml = self
            .xfs
            .get(base)
            .or_else(|| self.xfs.first())
            .map(|r| self.xml[r.clone()].to_owned());
        let xml = match base_xml {
            Some(x) => {
                let mut r = reader(&x);
                match r.read_event() {
                    Ok(Event::Empty(e)) => retag(
                        &e,
                        &[("fillId", fill), ("applyFill", "1".into())],
                        &[],
                        true,
                    ),
                    Ok(Event::Start(e)) => {
                        let end = r.buffer_position() as usize;
                        let open = retag(
                            &e,
                            &[("fillId", fill), ("applyFill", "1".into())],
                            &[],
                            false,
                        );
                        format!("{open}{}", &x[end..])
                    }
                    _ => format!(
                        r#"<{p}xf numFmtId="0" fontId="0" fillId="{fill}" borderId="0" xfId="0" applyFill="1"/>"#,
                        p = self.prefix
                    ),
                }
            }
            None => format!(
                r#"<{p}xf numFmtId="0" fontId="0" fillId="{fill}" borderId="0" xfId="0" applyFill="1"/>"#,
                p = self.prefix
            ),
        };
        let i = self.add_xf(xml);
        self.highlighted.insert((base, severity), i);
        i
    }

    /// A format of the list sheet: `font` (none: the default one), `fill`
    /// (none: no fill), text wrapped at the top of the cell.
    fn list_format(
        &mut self,
        name: &'static str,
        font: Option<&str>,
        fill: Option<Severity>,
        wrap: bool,
    ) -> usize {
        if let Some(i) = self.named.get(name) {
            return *i;
        }
        let p = self.prefix.clone();
        let font_id = match font {
            Some(f) => {
                self.added_fonts.push(format!("<{p}font>{f}</{p}font>"));
                self.fonts.len + self.added_fonts.len() - 1
            }
            None => 0,
        };
        let fill_id = fill.map_or(0, |s| self.fill(s));
        let wrap = if wrap { r#" wrapText="1""# } else { "" };
        let i = self.add_xf(format!(
            r#"<{p}xf numFmtId="0" fontId="{font_id}" fillId="{fill_id}" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1"><{p}alignment vertical="top"{wrap}/></{p}xf>"#
        ));
        self.named.insert(name, i);
        i
    }

    fn finish(self) -> Result<String, AnnotateError> {
        let mut edits = Vec::new();
        for (list, added, tag) in [
            (&self.fonts, &self.added_fonts, "fonts"),
            (&self.fills, &self.added_fills, "fills"),
            (&self.cell_xfs, &self.added_xfs, "cellXfs"),
        ] {
            if added.is_empty() {
                continue;
            }
            let open = &self.xml[list.open.clone()];
            let mut r = reader(open);
            let Ok(Event::Start(e)) = r.read_event() else {
                return Err(part_error(
                    &self.part,
                    format!("its <{tag}> cannot be read"),
                ));
            };
            edits.push((
                list.open.clone(),
                retag(
                    &e,
                    &[("count", (list.len + added.len()).to_string())],
                    &[],
                    false,
                ),
            ));
            edits.push((list.close..list.close, added.concat()));
        }
        Ok(splice(&self.xml, edits))
    }
}

// ---------------------------------------------------------------- sheets

/// What the first look at a sheet finds: cell styles, row and column
/// styles, its drawing of comments.
struct SheetLayout {
    cell_styles: HashMap<At, usize>,
    row_styles: HashMap<u32, usize>,
    /// (first column, last column, style), 0-based.
    col_styles: Vec<(u32, u32, usize)>,
    legacy_drawing: Option<String>,
}

impl SheetLayout {
    fn style_of(&self, at: At) -> usize {
        if let Some(s) = self.cell_styles.get(&at) {
            return *s;
        }
        if let Some(s) = self.row_styles.get(&at.0) {
            return *s;
        }
        self.col_styles
            .iter()
            .find(|(a, b, _)| (*a..=*b).contains(&at.1))
            .map_or(0, |c| c.2)
    }
}

fn r_id(e: &BytesStart<'_>) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == "id" && a.key.as_ref() != "id")
        .and_then(|a| {
            a.normalized_value(XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

fn scan_sheet(xml: &str, part: &str) -> Result<SheetLayout, AnnotateError> {
    let mut r = reader(xml);
    let mut out = SheetLayout {
        cell_styles: HashMap::new(),
        row_styles: HashMap::new(),
        col_styles: Vec::new(),
        legacy_drawing: None,
    };
    let mut row = 0u32;
    let mut col = 0u32;
    let mut next_row = 0u32;
    loop {
        match r.read_event().map_err(|e| xml_error(part, e))? {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                "row" => {
                    row = attr(&e, "r")
                        .and_then(|v| v.parse::<u32>().ok())
                        .map_or(next_row, |r| r.saturating_sub(1));
                    next_row = row + 1;
                    col = 0;
                    if attr(&e, "customFormat").is_some_and(|v| v == "1" || v == "true") {
                        if let Some(s) = attr(&e, "s").and_then(|v| v.parse().ok()) {
                            out.row_styles.insert(row, s);
                        }
                    }
                }
                "c" => {
                    let at = attr(&e, "r")
                        .and_then(|v| parse_cell(&v))
                        .unwrap_or((row, col));
                    col = at.1 + 1;
                    if let Some(s) = attr(&e, "s").and_then(|v| v.parse().ok()) {
                        out.cell_styles.insert(at, s);
                    }
                }
                "col" => {
                    let min = attr(&e, "min").and_then(|v| v.parse::<u32>().ok());
                    let max = attr(&e, "max").and_then(|v| v.parse::<u32>().ok());
                    let s = attr(&e, "style").and_then(|v| v.parse().ok());
                    if let (Some(a), Some(b), Some(s)) = (min, max, s) {
                        out.col_styles
                            .push((a.saturating_sub(1), b.saturating_sub(1), s));
                    }
                }
                "legacyDrawing" => out.legacy_drawing = r_id(&e),
                _ => {}
            },
            Event::Eof => return Ok(out),
            _ => {}
        }
    }
}

/// The edit of one worksheet: cells restyled (and created where empty),
/// the drawing of comments named, the tab no longer selected.
struct SheetEdit {
    restyle: BTreeMap<At, usize>,
    legacy_drawing: Option<String>,
    untab: bool,
}

/// The worksheet elements that come after `<legacyDrawing>` (ECMA-376
/// CT_Worksheet order).
const AFTER_LEGACY: &[&str] = &[
    "legacyDrawingHF",
    "drawingHF",
    "picture",
    "oleObjects",
    "controls",
    "webPublishItems",
    "tableParts",
    "extLst",
];

impl SheetEdit {
    fn apply(&self, xml: &str, part: &str) -> Result<String, AnnotateError> {
        let mut r = reader(xml);
        let mut edits: Vec<(Range<usize>, String)> = Vec::new();
        let mut pending: Vec<(At, usize)> = self.restyle.iter().map(|(a, s)| (*a, *s)).collect();
        pending.reverse(); // popped from the end, lowest cell first
        let mut depth = 0usize;
        let mut prefix = String::new();
        let mut legacy_done = self.legacy_drawing.is_none();
        let mut r_prefix = None;
        let mut row: Option<u32> = None;
        let mut next_row = 0u32;
        let mut col = 0u32;
        let mut bounds: Option<(At, At)> = self.restyle.keys().fold(None, |b, at| {
            Some(match b {
                None => (*at, *at),
                Some((lo, hi)) => (
                    (lo.0.min(at.0), lo.1.min(at.1)),
                    (hi.0.max(at.0), hi.1.max(at.1)),
                ),
            })
        });
        let mut dimension: Option<(Range<usize>, String)> = None;
        let p = |prefix: &str, at: At, s: usize| {
            format!(r#"<{prefix}c r="{}" s="{s}"/>"#, cell_name(at.0, at.1))
        };
        // The pending cells of row `r`, taken off `pending` as empty cells.
        let row_cells = |prefix: &str, pending: &mut Vec<(At, usize)>, r: u32| {
            let mut cells = String::new();
            while let Some(&(at, s)) = pending.last() {
                if at.0 != r {
                    break;
                }
                cells.push_str(&p(prefix, at, s));
                pending.pop();
            }
            cells
        };
        let new_rows = |prefix: &str, pending: &mut Vec<(At, usize)>, before: Option<u32>| {
            let mut out = String::new();
            while let Some(&(at, _)) = pending.last() {
                if before.is_some_and(|b| at.0 >= b) {
                    break;
                }
                let r = at.0;
                let _ = write!(out, r#"<{prefix}row r="{}">"#, r + 1);
                out.push_str(&row_cells(prefix, pending, r));
                let _ = write!(out, "</{prefix}row>");
            }
            out
        };
        loop {
            let start = r.buffer_position() as usize;
            let ev = r.read_event().map_err(|e| xml_error(part, e))?;
            let end = r.buffer_position() as usize;
            match ev {
                Event::Start(e) | Event::Empty(e) => {
                    let empty = xml.as_bytes().get(end.saturating_sub(2)..end) == Some(b"/>");
                    let name = e.local_name().as_ref().to_owned();
                    if depth == 0 {
                        prefix = prefix_of(&e);
                        r_prefix = ns_prefix(&e, NS_R);
                    }
                    if depth == 1 && !legacy_done && AFTER_LEGACY.contains(&name.as_str()) {
                        edits.push((start..start, self.legacy_tag(&prefix, r_prefix.as_deref())));
                        legacy_done = true;
                    }
                    match name.as_str() {
                        "dimension" if depth == 1 => {
                            if let Some(v) = attr(&e, "ref") {
                                dimension = Some((start..end, v));
                            }
                        }
                        "sheetView" if self.untab && attr(&e, "tabSelected").is_some() => {
                            edits.push((start..end, retag(&e, &[], &["tabSelected"], empty)));
                        }
                        "sheetData" if empty => {
                            let rows = new_rows(&prefix, &mut pending, None);
                            if !rows.is_empty() {
                                let open = retag(&e, &[], &[], false);
                                edits.push((
                                    start..end,
                                    format!("{open}{rows}</{prefix}sheetData>"),
                                ));
                            }
                        }
                        "row" => {
                            let n = attr(&e, "r")
                                .and_then(|v| v.parse::<u32>().ok())
                                .map_or(next_row, |r| r.saturating_sub(1));
                            next_row = n + 1;
                            col = 0;
                            let rows = new_rows(&prefix, &mut pending, Some(n));
                            if !rows.is_empty() {
                                edits.push((start..start, rows));
                            }
                            if empty {
                                let cells = row_cells(&prefix, &mut pending, n);
                                if !cells.is_empty() {
                                    let open = retag(&e, &[], &[], false);
                                    edits
                                        .push((start..end, format!("{open}{cells}</{prefix}row>")));
                                }
                            } else {
                                row = Some(n);
                            }
                        }
                        "c" if row.is_some() => {
                            let r0 = row.unwrap_or(0);
                            let at = attr(&e, "r")
                                .and_then(|v| parse_cell(&v))
                                .unwrap_or((r0, col));
                            col = at.1 + 1;
                            let mut before = String::new();
                            while let Some(&(pat, s)) = pending.last() {
                                if pat.0 != r0 || pat.1 >= at.1 {
                                    break;
                                }
                                before.push_str(&p(&prefix, pat, s));
                                pending.pop();
                            }
                            if !before.is_empty() {
                                edits.push((start..start, before));
                            }
                            if let Some(&(pat, s)) = pending.last() {
                                if pat == at {
                                    edits.push((
                                        start..end,
                                        retag(&e, &[("s", s.to_string())], &[], empty),
                                    ));
                                    pending.pop();
                                }
                            }
                        }
                        _ => {}
                    }
                    if !empty {
                        depth += 1;
                    }
                }
                Event::End(e) => {
                    depth -= 1;
                    match e.local_name().as_ref() {
                        "row" if row.is_some() => {
                            let r0 = row.take().unwrap_or(0);
                            let cells = row_cells(&prefix, &mut pending, r0);
                            if !cells.is_empty() {
                                edits.push((start..start, cells));
                            }
                        }
                        "sheetData" => {
                            let rows = new_rows(&prefix, &mut pending, None);
                            if !rows.is_empty() {
                                edits.push((start..start, rows));
                            }
                        }
                        "worksheet" if depth == 0 && !legacy_done => {
                            edits.push((
                                start..start,
                                self.legacy_tag(&prefix, r_prefix.as_deref()),
                            ));
                            legacy_done = true;
                        }
                        _ => {}
                    }
                }
                Event::Eof => break,
                _ => {}
            }
        }
        // The used range grows to cover the cells added.
        if let (Some((range, old)), Some((lo, hi))) = (dimension, bounds.take()) {
            let (a, b) = match old.split_once(':') {
                Some((a, b)) => (parse_cell(a), parse_cell(b)),
                None => (parse_cell(&old), parse_cell(&old)),
            };
            if let (Some(a), Some(b)) = (a, b) {
                let lo2 = (a.0.min(lo.0), a.1.min(lo.1));
                let hi2 = (b.0.max(hi.0), b.1.max(hi.1));
                if (lo2, hi2) != (a, b) {
                    let tag = &xml[range.clone()];
                    let mut r = reader(tag);
                    if let Ok(Event::Empty(e) | Event::Start(e)) = r.read_event() {
                        let empty = tag.ends_with("/>");
                        let v = format!("{}:{}", cell_name(lo2.0, lo2.1), cell_name(hi2.0, hi2.1));
                        edits.push((range, retag(&e, &[("ref", v)], &[], empty)));
                    }
                }
            }
        }
        Ok(splice(xml, edits))
    }

    /// `<legacyDrawing r:id=…/>`, in the root's prefix for relationships
    /// when it declares one, else declaring its own.
    fn legacy_tag(&self, prefix: &str, r: Option<&str>) -> String {
        let id = self.legacy_drawing.as_deref().unwrap_or_default();
        match r {
            Some(r) => format!(r#"<{prefix}legacyDrawing {r}:id="{id}"/>"#),
            None => format!(r#"<{prefix}legacyDrawing xmlns:r="{NS_R}" r:id="{id}"/>"#),
        }
    }
}

// ---------------------------------------------------------------- comments

/// The text of the comment at one cell: one paragraph per finding.
fn comment_text(findings: &[&Diagnostic], lang: &str) -> String {
    let mut out = String::new();
    for (i, f) in findings.iter().enumerate() {
        if i > 0 {
            out.push_str("\n\n");
        }
        out.push_str(&i18n::text(
            lang,
            &MessageKey::new("annotate-comment")
                .arg("severity", severity_word(f.severity, lang))
                .arg("rule", f.rule.as_str())
                .arg("message", cell_text(&f.message, lang)),
        ));
        if let Some(h) = &f.help {
            out.push('\n');
            out.push_str(&i18n::text(
                lang,
                &MessageKey::new("help-line").arg("help", cell_text(h, lang)),
            ));
        }
    }
    out
}

/// About how many lines the comment takes in its box (for its height).
fn comment_lines(findings: &[&Diagnostic], lang: &str) -> usize {
    comment_text(findings, lang)
        .split('\n')
        .map(|l| l.chars().count() / 45 + 1)
        .sum::<usize>()
        + 1
}

fn comment_runs(findings: &[&Diagnostic], lang: &str, leading_break: bool) -> String {
    let body = comment_text(findings, lang);
    let lead = if leading_break { "\n\n" } else { "" };
    format!(
        r#"<r><rPr><b/><sz val="9"/><rFont val="Tahoma"/></rPr><t xml:space="preserve">{lead}{AUTHOR}:</t></r><r><rPr><sz val="9"/><rFont val="Tahoma"/></rPr><t xml:space="preserve">{}{}</t></r>"#,
        "\n",
        escape(&body)
    )
}

fn new_comments(at_cells: &SheetFindings<'_>, options: &Options) -> String {
    let mut list = String::new();
    for (at, fs) in at_cells {
        let _ = write!(
            list,
            r#"<comment ref="{}" authorId="0"><text>{}</text></comment>"#,
            cell_name(at.0, at.1),
            comment_runs(fs, &options.lang, false)
        );
    }
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<comments xmlns="{NS_MAIN}"><authors><author>{AUTHOR}</author></authors><commentList>{list}</commentList></comments>"#
    )
}

/// The sheet's own comments part with the findings added: appended to a
/// comment already at the cell, new comments for the other cells. Returns
/// the cells that already had one.
fn append_comments(
    xml: &str,
    part: &str,
    at_cells: &SheetFindings<'_>,
    options: &Options,
) -> Result<(String, BTreeSet<At>), AnnotateError> {
    let mut r = reader(xml);
    let mut edits = Vec::new();
    let mut authors = 0usize;
    let mut authors_end = None;
    let mut list_end = None;
    let mut prefix = String::new();
    let mut current: Option<At> = None;
    let mut had = BTreeSet::new();
    let mut depth = 0;
    loop {
        let start = r.buffer_position() as usize;
        let ev = r.read_event().map_err(|e| xml_error(part, e))?;
        let end = r.buffer_position() as usize;
        match ev {
            Event::Start(e) => {
                if depth == 0 {
                    prefix = prefix_of(&e);
                }
                depth += 1;
                match e.local_name().as_ref() {
                    "author" => authors += 1,
                    "comment" => {
                        current = attr(&e, "ref").and_then(|v| parse_cell(&v));
                    }
                    _ => {}
                }
            }
            Event::Empty(e) => match e.local_name().as_ref() {
                "author" => authors += 1,
                "authors" => {
                    authors_end = Some((start..end, true, retag(&e, &[], &[], false)));
                }
                "commentList" => {
                    list_end = Some((start..end, true, retag(&e, &[], &[], false)));
                }
                _ => {}
            },
            Event::End(e) => {
                depth -= 1;
                match e.local_name().as_ref() {
                    "authors" => authors_end = Some((start..start, false, String::new())),
                    "commentList" => list_end = Some((start..start, false, String::new())),
                    "text" => {
                        if let Some(at) = current {
                            if let Some(fs) = at_cells.get(&at) {
                                if had.insert(at) {
                                    edits.push((
                                        start..start,
                                        comment_runs(fs, &options.lang, true),
                                    ));
                                }
                            }
                        }
                    }
                    "comment" => current = None,
                    _ => {}
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    let p = &prefix;
    let author = format!("<{p}author>{AUTHOR}</{p}author>");
    match authors_end {
        Some((range, true, open)) => edits.push((range, format!("{open}{author}</{p}authors>"))),
        Some((range, false, _)) => edits.push((range, author)),
        None => return Err(part_error(part, "it has no <authors>")),
    }
    let mut added = String::new();
    for (at, fs) in at_cells.iter().filter(|(at, _)| !had.contains(at)) {
        let runs = comment_runs(fs, &options.lang, false);
        let runs = if p.is_empty() {
            runs
        } else {
            // The runs' elements in the part's prefix.
            runs.replace("<r>", &format!("<{p}r>"))
                .replace("</r>", &format!("</{p}r>"))
                .replace("<rPr>", &format!("<{p}rPr>"))
                .replace("</rPr>", &format!("</{p}rPr>"))
                .replace("<b/>", &format!("<{p}b/>"))
                .replace("<sz ", &format!("<{p}sz "))
                .replace("<rFont ", &format!("<{p}rFont "))
                .replace("<t ", &format!("<{p}t "))
                .replace("</t>", &format!("</{p}t>"))
        };
        let _ = write!(
            added,
            r#"<{p}comment ref="{}" authorId="{authors}"><{p}text>{runs}</{p}text></{p}comment>"#,
            cell_name(at.0, at.1)
        );
    }
    match list_end {
        Some((range, true, open)) => edits.push((range, format!("{open}{added}</{p}commentList>"))),
        Some((range, false, _)) => edits.push((range, added)),
        None => return Err(part_error(part, "it has no <commentList>")),
    }
    Ok((splice(xml, edits), had))
}

const SHAPE_TYPE: &str = r#"<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>"#;

/// One comment's box: hidden until the cell is hovered, unless `shown`.
fn shape(id: usize, at: At, lines: usize, shown: bool, z: usize) -> String {
    let (row, col) = at;
    let height = lines.clamp(3, 24) as u32;
    let visibility = if shown { "visible" } else { "hidden" };
    let visible = if shown { "<x:Visible/>" } else { "" };
    format!(
        r##"<v:shape id="_x0000_s{id}" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:2pt;width:240pt;height:{h}pt;z-index:{z};visibility:{visibility}" fillcolor="#ffffe1" o:insetmode="auto"><v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>{c1}, 15, {r1}, 2, {c2}, 15, {r2}, 4</x:Anchor><x:AutoFill>False</x:AutoFill>{visible}<x:Row>{row}</x:Row><x:Column>{col}</x:Column></x:ClientData></v:shape>"##,
        h = height * 12,
        c1 = col + 1,
        c2 = col + 3,
        r1 = row.saturating_sub(1),
        r2 = row.saturating_sub(1) + height,
    )
}

fn new_vml(block: usize, blocks: usize, cells: &[(At, usize)], shown: bool) -> String {
    let ids: Vec<String> = (block..block + blocks).map(|b| b.to_string()).collect();
    let mut out = format!(
        r#"<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="{}"/></o:shapelayout>{SHAPE_TYPE}"#,
        ids.join(",")
    );
    for (i, (at, lines)) in cells.iter().enumerate() {
        out.push_str(&shape(block * 1024 + 1 + i, *at, *lines, shown, i + 1));
    }
    out.push_str("</xml>");
    out
}

/// A drawing of comments the sheet already has, with shapes for the new
/// comments before its end. VML is not always well-formed XML (Excel
/// writes `<br>`), so it is edited as text.
fn append_shapes(vml: &[u8], cells: &[(At, usize)], shown: bool) -> Vec<u8> {
    let text = String::from_utf8_lossy(vml);
    let mut max_id = 0usize;
    for piece in text.split("_x0000_s").skip(1) {
        let digits: String = piece.chars().take_while(char::is_ascii_digit).collect();
        max_id = max_id.max(digits.parse().unwrap_or(0));
    }
    let mut shapes = String::new();
    if !text.contains("_x0000_t202") {
        shapes.push_str(SHAPE_TYPE);
    }
    for (i, (at, lines)) in cells.iter().enumerate() {
        shapes.push_str(&shape(max_id + 1 + i, *at, *lines, shown, i + 1));
    }
    match text.rfind("</xml>") {
        Some(end) => {
            let mut out = text[..end].to_owned();
            out.push_str(&shapes);
            out.push_str(&text[end..]);
            out.into_bytes()
        }
        None => vml.to_vec(),
    }
}

// ---------------------------------------------------------------- the list sheet

fn inline(cell: &str, style: usize, text: &str) -> String {
    format!(
        r#"<c r="{cell}" s="{style}" t="inlineStr"><is><t xml:space="preserve">{}</t></is></c>"#,
        escape(text)
    )
}

/// `'C.zones'!B7`: a sheet name quoted for a formula or a link.
pub fn quoted_ref(sheet: &str, cell: &str) -> String {
    format!("'{}'!{cell}", sheet.replace('\'', "''"))
}

/// The widths of the list sheet's columns, in characters.
const WIDTHS: [u32; 5] = [13, 16, 60, 50, 24];

fn list_sheet(
    findings: &[Diagnostic],
    sheets: &[SheetEntry],
    styles: &mut Styles,
    options: &Options,
) -> String {
    let lang = options.lang.as_str();
    let title_font = r#"<b/><sz val="13"/><name val="Calibri"/>"#;
    let bold = r#"<b/><sz val="11"/><name val="Calibri"/>"#;
    let link_font = r#"<u/><sz val="11"/><color rgb="FF0563C1"/><name val="Calibri"/>"#;
    let title = styles.list_format("title", Some(title_font), None, true);
    let header = styles.list_format("header", Some(bold), None, true);
    let plain = styles.list_format("plain", None, None, true);
    let link = styles.list_format("link", Some(link_font), None, true);
    let (mut errors, mut warnings, mut infos) = (0i64, 0i64, 0i64);
    for f in findings {
        match f.severity {
            Severity::Error => errors += 1,
            Severity::Warning => warnings += 1,
            Severity::Info => infos += 1,
        }
    }
    let title_text = i18n::text(
        lang,
        &MessageKey::new("annotate-title")
            .arg("file", options.file.as_str())
            .arg("errors", errors)
            .arg("warnings", warnings)
            .arg("infos", infos),
    );
    let mut rows = String::new();
    // The title spans the table's width (merged), in as many lines as it needs.
    let title_lines = title_text
        .chars()
        .count()
        .div_ceil(WIDTHS.iter().sum::<u32>() as usize - 10)
        .max(1);
    let _ = write!(
        rows,
        r#"<row r="1" ht="{}" customHeight="1">{}</row>"#,
        title_lines * 18,
        inline("A1", title, &title_text)
    );
    let heads = [
        "annotate-col-severity",
        "annotate-col-rule",
        "annotate-col-message",
        "annotate-col-fix",
        "annotate-col-place",
    ];
    let mut head = String::new();
    for (i, id) in heads.iter().enumerate() {
        head.push_str(&inline(&cell_name(2, i as u32), header, &text(lang, id)));
    }
    let _ = write!(rows, r#"<row r="3">{head}</row>"#);
    let mut links = String::new();
    if findings.is_empty() {
        let _ = write!(
            rows,
            r#"<row r="4">{}</row>"#,
            inline("A4", plain, &text(lang, "annotate-none"))
        );
    }
    for (i, f) in findings.iter().enumerate() {
        let r = i as u32 + 3;
        let sev = styles.list_format(
            match f.severity {
                Severity::Error => "sev-error",
                Severity::Warning => "sev-warning",
                Severity::Info => "sev-info",
            },
            None,
            Some(f.severity),
            false,
        );
        let mut row = String::new();
        row.push_str(&inline(
            &cell_name(r, 0),
            sev,
            &severity_word(f.severity, lang),
        ));
        row.push_str(&inline(&cell_name(r, 1), plain, &f.rule));
        row.push_str(&inline(
            &cell_name(r, 2),
            plain,
            &cell_text(&f.message, lang),
        ));
        if let Some(h) = &f.help {
            row.push_str(&inline(&cell_name(r, 3), plain, &cell_text(h, lang)));
        }
        let place = cell_place(f, sheets);
        let place_cell = cell_name(r, 4);
        match place {
            Some((sheet, cell)) => {
                row.push_str(&inline(&place_cell, link, &format!("{sheet}!{cell}")));
                let _ = write!(
                    links,
                    r#"<hyperlink ref="{place_cell}" location="{}" display="{}"/>"#,
                    escape(&quoted_ref(&sheet, &cell)),
                    escape(&format!("{sheet}!{cell}"))
                );
            }
            None => row.push_str(&inline(
                &place_cell,
                plain,
                &text(lang, "annotate-whole-report"),
            )),
        }
        // LibreOffice keeps the heights written: wrapped texts need rows
        // tall enough for their lines.
        let lines = [
            (f.message.as_str(), WIDTHS[2]),
            (f.help.as_deref().unwrap_or(""), WIDTHS[3]),
        ]
        .iter()
        .map(|(t, w)| t.chars().count().div_ceil(*w as usize - 2).max(1))
        .max()
        .unwrap_or(1);
        let _ = write!(
            rows,
            r#"<row r="{}" ht="{}" customHeight="1">{row}</row>"#,
            r + 1,
            lines * 15
        );
    }
    let cols: String = WIDTHS
        .iter()
        .enumerate()
        .map(|(i, w)| {
            format!(
                r#"<col min="{n}" max="{n}" width="{w}" customWidth="1"/>"#,
                n = i + 1
            )
        })
        .collect();
    let hyperlinks = if links.is_empty() {
        String::new()
    } else {
        format!("<hyperlinks>{links}</hyperlinks>")
    };
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="{NS_MAIN}" xmlns:r="{NS_R}"><sheetPr><tabColor rgb="FFC00000"/><pageSetUpPr fitToPage="1"/></sheetPr><sheetViews><sheetView tabSelected="1" workbookViewId="0"><pane ySplit="3" topLeftCell="A4" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A4" sqref="A4"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols>{cols}</cols><sheetData>{rows}</sheetData><mergeCells count="1"><mergeCell ref="A1:E1"/></mergeCells>{hyperlinks}<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/></worksheet>"#
    )
}

/// The sheet and cell a finding links to, when the sheet exists.
fn cell_place(f: &Diagnostic, sheets: &[SheetEntry]) -> Option<(String, String)> {
    let SourceLocation::Cell { sheet, cell, .. } = f.location.as_ref()? else {
        return None;
    };
    parse_cell(cell)?;
    sheets
        .iter()
        .any(|s| &s.name == sheet)
        .then(|| (sheet.clone(), cell.clone()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_and_paths() {
        assert_eq!(parse_cell("B7"), Some((6, 1)));
        assert_eq!(parse_cell("AA1"), Some((0, 26)));
        assert_eq!(parse_cell("A0"), None);
        assert_eq!(parse_cell("7B"), None);
        assert_eq!(
            resolve("xl/", "worksheets/sheet1.xml"),
            "xl/worksheets/sheet1.xml"
        );
        assert_eq!(
            resolve("xl/worksheets/", "../comments1.xml"),
            "xl/comments1.xml"
        );
        assert_eq!(resolve("xl/", "/xl/styles.xml"), "xl/styles.xml");
        assert_eq!(
            relative("xl/worksheets/", "xl/comments1.xml"),
            "../comments1.xml"
        );
        assert_eq!(
            relative("xl/worksheets/", "xl/drawings/vmlDrawing1.vml"),
            "../drawings/vmlDrawing1.vml"
        );
        assert_eq!(
            relative("xl/", "xl/worksheets/sheet3.xml"),
            "worksheets/sheet3.xml"
        );
        assert_eq!(
            rels_part_of("xl/worksheets/sheet1.xml"),
            "xl/worksheets/_rels/sheet1.xml.rels"
        );
        assert_eq!(quoted_ref("D.conservées", "B2"), "'D.conservées'!B2");
        assert_eq!(quoted_ref("l'État", "A1"), "'l''État'!A1");
    }

    #[test]
    fn code_spans_are_quoted_as_each_language_quotes() {
        assert_eq!(
            cell_text("`total` says `9`", "fr"),
            "«\u{a0}total\u{a0}» says «\u{a0}9\u{a0}»"
        );
        assert_eq!(cell_text("`total`", "es"), "«total»");
        assert_eq!(cell_text("`total`", "en"), "“total”");
        assert_eq!(cell_text("one ` alone", "en"), "one ` alone");
    }

    #[test]
    fn missing_cells_and_rows_are_created_in_order() {
        let xml = r#"<worksheet xmlns="m"><dimension ref="A1:B2"/><sheetData><row r="2"><c r="B2" s="1"><v>1</v></c></row><row r="5"/></sheetData></worksheet>"#;
        let edit = SheetEdit {
            untab: false,
            legacy_drawing: Some("rIdA7V0".to_owned()),
            restyle: [
                ((0, 0), 7),
                ((1, 0), 8),
                ((1, 1), 9),
                ((4, 2), 10),
                ((6, 0), 11),
            ]
            .into_iter()
            .collect(),
        };
        let out = edit.apply(xml, "s").unwrap();
        assert_eq!(
            out,
            r#"<worksheet xmlns="m"><dimension ref="A1:C7"/><sheetData><row r="1"><c r="A1" s="7"/></row><row r="2"><c r="A2" s="8"/><c r="B2" s="9"><v>1</v></c></row><row r="5"><c r="C5" s="10"/></row><row r="7"><c r="A7" s="11"/></row></sheetData><legacyDrawing xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rIdA7V0"/></worksheet>"#
        );
    }
}
