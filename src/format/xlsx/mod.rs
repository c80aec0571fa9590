//! Excel (.xlsx) reader: turns a workbook laid out as `docs/excel-layout.md`
//! describes (and as `article7 template` writes it) into the canonical
//! report, with a source map from every JSON pointer to its sheet and cell.
//!
//! Values take their types from the schema, not from the cells: `"12"` typed
//! as text in a count is the number 12, `12.0` is 12, a date cell is
//! `YYYY-MM-DD`, `TRUE`/`"true"` in a boolean field is `true`. What cannot
//! take its type stays as written, and the schema then says why.
//!
//! Hostile input is refused before calamine sees it: encrypted (OLE) files,
//! archives that are not ZIP, ZIP bombs (declared entry sizes are checked,
//! and the `zip` crate refuses to inflate past a declared size), too many
//! entries or cells, parts that do not match their CRC. Only cells that exist in the sheet XML are visited, so a
//! used range claiming a million rows costs nothing. A `catch_unwind` around
//! the whole reader turns a panic inside a dependency into a finding.

pub mod annotate;
mod assemble;
mod cells;
mod container;
mod findings;
pub mod labels;
pub mod layout;
pub mod write;

pub use write::{encode_list, template, write};

use assemble::Assembler;
use cells::{read_cells, CellsError, SheetCells};
use container::check_container;
use findings::{cell_location, encrypted, msg, syntax, unknown_sheet};

use crate::format::Ingested;
use crate::model::Document;
use crate::source::Format;
use calamine::{Reader, Xlsx, XlsxError};
use layout::Layout;
use std::io::Cursor;

/// Names the fields that schema findings say are missing by the labels a
/// workbook in `lang` shows (`« Point de contact › Organisation »`, on
/// sheet Rapport) instead of their key and the pointer of their object:
/// a missing value has no cell of its own, so the schema cannot know them.
pub fn name_missing_fields(findings: &mut [crate::diagnostics::Diagnostic], lang: &str) {
    use crate::diagnostics::SourceLocation;
    use crate::i18n::{Arg, MessageKey};
    for f in findings
        .iter_mut()
        .filter(|f| f.rule == "schema/additional-properties")
    {
        name_unknown_field(f, lang);
    }
    for f in findings.iter_mut().filter(|f| f.rule == "schema/required") {
        let Some((sheet, field)) = layout::field_at(&f.pointer) else {
            continue;
        };
        let Some(key) = f.key.as_mut().filter(|k| k.id == "schema-required") else {
            continue;
        };
        let label = layout::label(field, lang);
        // A form or table held on a sheet of its own: the sheet is missing.
        let own_sheet = match field.what {
            layout::What::Sheet(child) => Some(Layout::get().sheets[child].name_in(lang)),
            _ => None,
        };
        let about = key
            .args
            .iter()
            .find(|(n, _)| *n == "about")
            .map_or(Arg::from(""), |(_, a)| a.clone());
        let id = if own_sheet.is_some() {
            "schema-required-sheet"
        } else {
            "schema-required-cell"
        };
        *key = MessageKey::new(id)
            .arg(
                "field",
                MessageKey::new("field-label").arg("label", label.as_str()),
            )
            .arg("sheet", own_sheet.unwrap_or_else(|| sheet.name_in(lang)))
            .arg("about", about);
        f.message = crate::i18n::text("en", key);
        f.help = crate::i18n::render("en", key, Some("help"));
        if let Some(SourceLocation::Cell { header, .. }) = &mut f.location {
            header.get_or_insert(label);
        }
    }
}

/// A field the report has no place for, as a workbook shows it: named by
/// what its row says (the user's label or key), with the fields allowed
/// there by their labels.
fn name_unknown_field(f: &mut crate::diagnostics::Diagnostic, lang: &str) {
    use crate::diagnostics::{parent_pointer, SourceLocation};
    use crate::i18n::{Arg, MessageKey};
    let Some(SourceLocation::Cell {
        header: Some(written),
        ..
    }) = &f.location
    else {
        return;
    };
    let Some(key) = f
        .key
        .as_mut()
        .filter(|k| k.id == "schema-additional-properties")
    else {
        return;
    };
    let parent = parent_pointer(&f.pointer).unwrap_or("").to_owned();
    let label_of = |k: &str| {
        layout::field_at(&format!("{parent}/{k}")).map(|(_, field)| layout::label(field, lang))
    };
    let quoted = |l: &str| crate::i18n::text(lang, &MessageKey::new("field-label").arg("label", l));
    let mut args = Vec::new();
    for (name, arg) in std::mem::take(&mut key.args) {
        let arg = match (name, arg) {
            ("key", _) => Arg::Message(Box::new(
                MessageKey::new("field-label").arg("label", written.as_str()),
            )),
            ("suggestion", Arg::Message(m)) => {
                let label = m.args.iter().find_map(|(n, a)| match (n, a) {
                    (&"key", Arg::Text(k)) => label_of(k),
                    _ => None,
                });
                match label {
                    Some(l) => MessageKey::new("schema-suggestion-cell")
                        .arg("label", quoted(&l))
                        .into(),
                    None => Arg::Message(m),
                }
            }
            ("allowed", Arg::Message(m)) => {
                let labels: Vec<String> = m
                    .args
                    .iter()
                    .find_map(|(n, a)| match (n, a) {
                        (&"list", Arg::Text(list)) => Some(list.clone()),
                        _ => None,
                    })
                    .unwrap_or_default()
                    .split(", ")
                    .filter_map(label_of)
                    .map(|l| quoted(&l))
                    .collect();
                if labels.is_empty() {
                    Arg::from("")
                } else {
                    MessageKey::new("schema-allowed-cell")
                        .arg("list", labels.join(", "))
                        .into()
                }
            }
            (_, other) => other,
        };
        args.push((name, arg));
    }
    key.id = "schema-additional-properties-cell";
    key.args = args;
    f.message = crate::i18n::text("en", key);
    f.help = crate::i18n::render("en", key, Some("help"));
}

/// Workbooks larger than this are refused (real reports are well under 1 MB).
pub const MAX_WORKBOOK_BYTES: usize = 64 << 20;
/// Largest declared uncompressed size of one archive entry.
pub const MAX_ENTRY_BYTES: u64 = 100 << 20;
/// Largest declared uncompressed size of all entries together.
pub const MAX_TOTAL_BYTES: u64 = 256 << 20;
/// Largest compression ratio of an entry bigger than [`RATIO_FLOOR`].
pub const MAX_RATIO: u64 = 100;
/// Entries smaller than this are not checked for their ratio.
pub const RATIO_FLOOR: u64 = 1 << 20;
/// Most archive entries a workbook may have.
pub const MAX_ENTRIES: usize = 10_000;
/// Most non-empty cells read from one workbook.
pub const MAX_CELLS: usize = 500_000;
/// Longest cell text shown in a finding's row context.
const SHOWN_CHARS: usize = 80;

/// Reads an Excel report. Never panics: whatever goes wrong is a finding.
pub fn read(bytes: &[u8]) -> Ingested {
    match std::panic::catch_unwind(|| read_workbook(bytes, Part::All)) {
        Ok(ingested) => ingested,
        Err(_) => Ingested::failed(syntax(msg("xlsx-reader-failed"))),
    }
}

/// The report's first sheet only (the cover: `state`, `period`,
/// `report_kind`, `submitted_on` and the other top-level fields), for the
/// batch's history, which needs no more to place a report. The other
/// sheets are not parsed, so their members are missing and findings are
/// not meaningful; `None` when the workbook cannot be read. Equal to the
/// cover of [`read`] except where the full reading fails on another sheet
/// or decides the workbook's language from another sheet's captions: the
/// history confirms a report read this way before it uses it.
pub fn read_cover(bytes: &[u8]) -> Option<serde_json::Value> {
    std::panic::catch_unwind(|| read_workbook(bytes, Part::Cover))
        .ok()?
        .document
        .map(|d| d.value)
}

/// Which sheets [`read_workbook`] parses.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    All,
    /// The layout's first sheet, the report's own fields.
    Cover,
}

fn read_workbook(bytes: &[u8], part: Part) -> Ingested {
    if let Err(finding) = check_container(bytes) {
        return Ingested::failed(finding);
    }
    let mut wb: Xlsx<Cursor<&[u8]>> = match Xlsx::new(Cursor::new(bytes)) {
        Ok(wb) => wb,
        Err(XlsxError::Password) => return Ingested::failed(encrypted()),
        Err(e) => {
            return Ingested::failed(syntax(
                msg("xlsx-not-workbook").arg("reason", e.to_string()),
            ))
        }
    };
    let layout = Layout::get();
    let mut findings = Vec::new();
    let mut sheets: Vec<Option<SheetCells>> = vec![None; layout.sheets.len()];
    let mut budget = MAX_CELLS;
    for name in wb.sheet_names() {
        if labels::instruction_sheet_names()
            .iter()
            .any(|n| n.eq_ignore_ascii_case(&name))
            // the findings sheet of an annotated copy (`article7 annotate`)
            || annotate::is_list_sheet(&name)
        {
            continue;
        }
        let idx = match layout.sheet(&name) {
            Some(i) if sheets[i].is_none() => i,
            _ => {
                findings.push(unknown_sheet(&name, layout));
                continue;
            }
        };
        if part == Part::Cover && idx != 0 {
            continue;
        }
        match read_cells(&mut wb, &name, &mut budget) {
            Ok(cells) => {
                let merges = if layout.sheets[idx].parent.is_some() {
                    wb.merge_cells_by_sheet_name(&name).unwrap_or_default()
                } else {
                    Vec::new()
                };
                sheets[idx] = Some(SheetCells {
                    name,
                    cells,
                    merges: merges.iter().map(|d| (d.start, d.end)).collect(),
                });
            }
            // A damaged sheet makes the workbook unreadable: a partial report
            // would only add findings about what could not be read.
            Err(CellsError::TooMany) => {
                return Ingested::failed(syntax(msg("xlsx-too-many-cells").arg("limit", MAX_CELLS)))
            }
            Err(CellsError::Damaged(e)) => {
                return Ingested::failed(
                    syntax(
                        msg("xlsx-damaged-sheet")
                            .arg("sheet", name.as_str())
                            .arg("reason", e),
                    )
                    .with_location(Some(cell_location(
                        &name,
                        0,
                        0,
                        None,
                        Vec::new(),
                    ))),
                )
            }
        }
    }
    let lang = workbook_language(&wb.sheet_names(), &sheets);
    let mut asm = Assembler::new(layout, sheets, lang);
    let value = asm.build();
    findings.append(&mut asm.findings);
    Ingested {
        document: Some(Document::new(value, Format::Xlsx, None, asm.map)),
        findings,
    }
}

/// The language a workbook is written in: that of its sheet names (`Rapport`,
/// `C.zonas`), else that of the captions of its first key/value sheet
/// (`clé`, `champ`: French templates before 1.1 had English sheet names),
/// else English.
fn workbook_language(names: &[String], sheets: &[Option<SheetCells>]) -> &'static str {
    let mut votes = [0usize; 3];
    for name in names {
        if let Some((_, Some(lang))) = labels::sheet_by_name(name) {
            if let Some(i) = labels::LANGUAGES.iter().position(|l| *l == lang) {
                votes[i] += 1;
            }
        }
    }
    if votes[1] + votes[2] > 0 {
        return if votes[2] > votes[1] { "es" } else { "fr" };
    }
    let captions = sheets.iter().flatten().flat_map(|s| {
        s.cells
            .iter()
            .take_while(|(r, _, _)| *r == 0)
            .filter(|(_, c, _)| *c <= 2)
            .map(|(_, _, v)| v.display().trim().to_lowercase())
    });
    for caption in captions {
        for lang in ["fr", "es"] {
            if [labels::Ui::Key, labels::Ui::Field, labels::Ui::Value]
                .iter()
                .any(|u| labels::ui(*u, lang) == caption)
            {
                return lang;
            }
        }
    }
    "en"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_containers_are_refused() {
        assert_eq!(read(b"not a workbook").findings[0].rule, "input/syntax");
        let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        ole.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(read(&ole).findings[0].rule, "input/encrypted");
        assert_eq!(
            read(b"PK\x03\x04truncated").findings[0].rule,
            "input/syntax"
        );
    }
}
