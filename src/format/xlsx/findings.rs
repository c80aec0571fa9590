//! The Excel reader's findings: wording and locations.

use super::layout::Layout;
use crate::diagnostics::{Diagnostic, Severity, SourceLocation};
use crate::i18n::{Arg, MessageKey};
use crate::model::cell_name;

/// A message of the catalogue (`i18n/*.ftl`).
pub(super) fn msg(id: &'static str) -> MessageKey {
    MessageKey::new(id)
}

/// A byte count as a message argument (they fit in an `i64`).
pub(super) fn big(n: u64) -> Arg {
    Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
}

pub(super) fn syntax(message: MessageKey) -> Diagnostic {
    crate::format::syntax(message, None, msg("xlsx-help-resave"))
}

pub(super) fn bomb(why: MessageKey) -> Diagnostic {
    crate::format::syntax(
        msg("xlsx-refused").arg("why", why),
        None,
        msg("xlsx-help-refused"),
    )
}

pub(super) fn encrypted() -> Diagnostic {
    Diagnostic::keyed(
        "input/encrypted",
        "encrypted-workbook",
        Severity::Error,
        msg("xlsx-encrypted"),
        "",
    )
}

/// `did you mean `x`? ` before a help text, or nothing.
pub(super) fn suggestion(name: Option<String>) -> Arg {
    match name {
        Some(s) => MessageKey::new("schema-suggestion").arg("key", s).into(),
        None => "".into(),
    }
}

pub(super) fn cell_location(
    sheet: &str,
    row: u32,
    col: u32,
    header: Option<String>,
    row_values: Vec<(String, String)>,
) -> SourceLocation {
    SourceLocation::Cell {
        sheet: sheet.to_owned(),
        cell: cell_name(row, col),
        header,
        row_values,
    }
}

pub(super) fn unknown_sheet(name: &str, layout: &Layout) -> Diagnostic {
    let names: Vec<String> = layout.sheets.iter().map(|s| s.name.clone()).collect();
    let suggestion = crate::diagnostics::closest_name(name, &names);
    let looks_like_report = suggestion.is_some()
        || name.eq_ignore_ascii_case("report")
        || matches!(name.as_bytes(), [b'A'..=b'J'] | [b'A'..=b'J', b'.', ..]);
    Diagnostic::keyed(
        "input/unknown-sheet",
        "unknown-sheet",
        if looks_like_report {
            Severity::Error
        } else {
            Severity::Warning
        },
        msg("xlsx-unknown-sheet")
            .arg("sheet", name)
            .arg("suggestion", self::suggestion(suggestion))
            .arg("sheets", names.join(", ")),
        "",
    )
    .with_location(Some(cell_location(name, 0, 0, None, Vec::new())))
}
