//! Cells as calamine gives them, and their conversion to the schema's
//! types (numbers typed as text, dates, lists in one cell).

use super::labels;
use super::layout::{Field, What};
use super::SHOWN_CHARS;
use crate::shape::Kind;
use calamine::{DataRef, Xlsx, XlsxError};
use serde_json::Value;
use std::collections::BTreeMap;
use std::io::Cursor;

/// One non-empty cell, owned and typed as the reader needs it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cell {
    /// Text (shared, inline or formula string).
    Text(String),
    /// A whole number cell (only some writers produce them).
    Int(i64),
    /// A number cell.
    Float(f64),
    /// A boolean cell.
    Bool(bool),
    /// A date cell, as `YYYY-MM-DD` (or `YYYY-MM-DDTHH:MM:SS`).
    Date(String),
    /// An error value such as `#DIV/0!`.
    Error(String),
}

impl Cell {
    pub(super) fn from_ref(d: &DataRef<'_>) -> Option<Cell> {
        Some(match d {
            DataRef::Empty => return None,
            DataRef::String(s) | DataRef::DurationIso(s) => Cell::Text(s.clone()),
            DataRef::SharedString(s) => Cell::Text((*s).to_owned()),
            DataRef::Int(i) => Cell::Int(*i),
            DataRef::Float(f) => Cell::Float(*f),
            DataRef::Bool(b) => Cell::Bool(*b),
            DataRef::DateTime(dt) => excel_date(dt),
            DataRef::DateTimeIso(s) => {
                Cell::Date(s.strip_suffix("T00:00:00").unwrap_or(s).to_owned())
            }
            DataRef::Error(e) => Cell::Error(e.to_string()),
        })
    }

    /// The cell as a person reads it.
    pub(crate) fn display(&self) -> String {
        match self {
            Cell::Text(s) | Cell::Date(s) | Cell::Error(s) => s.clone(),
            Cell::Int(i) => i.to_string(),
            Cell::Float(f) => number_text(*f),
            Cell::Bool(b) => b.to_string(),
        }
    }

    pub(super) fn shown(&self) -> String {
        let text = self.display();
        if text.chars().count() > SHOWN_CHARS {
            let mut s: String = text.chars().take(SHOWN_CHARS).collect();
            s.push('…');
            s
        } else {
            text
        }
    }

    pub(super) fn is_marker(&self, marker: &str) -> bool {
        matches!(self, Cell::Text(s) if s.trim() == marker)
    }
}

/// A date-formatted number as a date. Serials outside Excel's calendar
/// (before 1900, after 9999) and durations stay numbers.
pub(super) fn excel_date(dt: &calamine::ExcelDateTime) -> Cell {
    let v = dt.as_f64();
    if dt.is_duration() || !v.is_finite() || !(0.0..2_958_466.0).contains(&v) {
        return Cell::Float(v);
    }
    match dt.as_datetime() {
        Some(t) if t.time() == chrono::NaiveTime::MIN => {
            Cell::Date(t.format("%Y-%m-%d").to_string())
        }
        Some(t) => Cell::Date(t.format("%Y-%m-%dT%H:%M:%S").to_string()),
        None => Cell::Float(v),
    }
}

/// A number as text: whole numbers without a decimal point.
pub(crate) fn number_text(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        format!("{f}")
    }
}

#[derive(Debug, Clone)]
pub(super) struct SheetCells {
    pub(super) name: String,
    /// Non-empty cells, sorted by (row, column).
    pub(super) cells: Vec<(u32, u32, Cell)>,
    /// Merged ranges ((first row, first col), (last row, last col)).
    pub(super) merges: Vec<((u32, u32), (u32, u32))>,
}

/// Why a sheet's cells could not be read.
pub(super) enum CellsError {
    /// The workbook holds more than [`MAX_CELLS`] filled cells.
    TooMany,
    /// The sheet cannot be parsed (calamine's explanation).
    Damaged(String),
}

pub(super) fn read_cells(
    wb: &mut Xlsx<Cursor<&[u8]>>,
    name: &str,
    budget: &mut usize,
) -> Result<Vec<(u32, u32, Cell)>, CellsError> {
    let damaged = |e: XlsxError| CellsError::Damaged(e.to_string());
    let mut reader = wb.worksheet_cells_reader(name).map_err(damaged)?;
    let mut out = Vec::new();
    while let Some(cell) = reader.next_cell().map_err(damaged)? {
        let Some(value) = Cell::from_ref(cell.get_value()) else {
            continue;
        };
        if matches!(&value, Cell::Text(s) if s.is_empty()) {
            continue;
        }
        if *budget == 0 {
            return Err(CellsError::TooMany);
        }
        *budget -= 1;
        let (row, col) = cell.get_position();
        out.push((row, col, value));
    }
    out.sort_by_key(|(r, c, _)| (*r, *c));
    Ok(out)
}

/// Groups sorted cells by row.
pub(super) fn rows(cells: &[(u32, u32, Cell)]) -> BTreeMap<u32, Vec<(u32, &Cell)>> {
    let mut out: BTreeMap<u32, Vec<(u32, &Cell)>> = BTreeMap::new();
    for (r, c, v) in cells {
        out.entry(*r).or_default().push((*c, v));
    }
    out
}

/// The value of a cell in a field of the given kind.
pub(crate) fn scalar(cell: &Cell, kind: Kind) -> Value {
    match (cell, kind) {
        (Cell::Text(s), Kind::Integer | Kind::Number) => {
            parse_number(s.trim()).unwrap_or_else(|| Value::String(s.clone()))
        }
        (Cell::Text(s), Kind::Boolean) => match s.trim().to_ascii_lowercase().as_str() {
            "true" => Value::Bool(true),
            "false" => Value::Bool(false),
            _ => Value::String(s.clone()),
        },
        (Cell::Text(s), _) | (Cell::Date(s), _) | (Cell::Error(s), _) => Value::String(s.clone()),
        (Cell::Int(i), Kind::String) => Value::String(i.to_string()),
        (Cell::Int(i), _) => Value::from(*i),
        (Cell::Float(f), Kind::String) => Value::String(number_text(*f)),
        (Cell::Float(f), _) => number(*f),
        (Cell::Bool(b), Kind::String) => Value::String(b.to_string()),
        (Cell::Bool(b), _) => Value::Bool(*b),
    }
}

/// A JSON number: whole numbers that a double holds exactly become integers.
pub(super) fn number(f: f64) -> Value {
    if f.fract() == 0.0 && f.abs() <= 9_007_199_254_740_992.0 {
        Value::from(f as i64)
    } else {
        serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)
    }
}

/// Parses a number written as text (plain decimal notation only).
pub(super) fn parse_number(s: &str) -> Option<Value> {
    let body = s.strip_prefix(['-', '+']).unwrap_or(s);
    if body.is_empty() {
        return None;
    }
    if body.bytes().all(|b| b.is_ascii_digit()) {
        let t = s.strip_prefix('+').unwrap_or(s);
        if let Ok(i) = t.parse::<i64>() {
            return Some(Value::from(i));
        }
        if let Ok(u) = t.parse::<u64>() {
            return Some(Value::from(u));
        }
    }
    let (mantissa, exponent) = match body.find(['e', 'E']) {
        Some(i) => (&body[..i], Some(&body[i + 1..])),
        None => (body, None),
    };
    let digits = mantissa.bytes().filter(u8::is_ascii_digit).count();
    let dots = mantissa.bytes().filter(|b| *b == b'.').count();
    let plain_mantissa = digits > 0 && dots <= 1 && digits + dots == mantissa.len();
    let plain_exponent = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['-', '+']).unwrap_or(e);
        !e.is_empty() && e.bytes().all(|b| b.is_ascii_digit())
    });
    if !(plain_mantissa && plain_exponent) {
        return None;
    }
    let f: f64 = s.parse().ok()?;
    f.is_finite().then(|| number(f))
}

/// The items of a list written in one cell: a JSON array (`["a; b", "c"]`,
/// `[]`), else items separated by line breaks, else by semicolons.
pub(crate) fn list(cell: &Cell, kind: Kind) -> Value {
    let text = match cell {
        Cell::Text(s) => s.clone(),
        other => return Value::Array(vec![scalar(other, kind)]),
    };
    let trimmed = text.trim();
    if trimmed.starts_with('[') {
        if let Ok(Value::Array(items)) = serde_json::from_str::<Value>(trimmed) {
            return Value::Array(items);
        }
    }
    let parts: Vec<&str> = if text.contains('\n') {
        text.split('\n').collect()
    } else {
        text.split(';').collect()
    };
    Value::Array(
        parts
            .into_iter()
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(|p| scalar(&Cell::Text(p.to_owned()), kind))
            .collect(),
    )
}

pub(super) fn json_cell(cell: &Cell) -> Value {
    match cell {
        Cell::Text(s) => serde_json::from_str(s).unwrap_or_else(|_| Value::String(s.clone())),
        other => scalar(other, Kind::Any),
    }
}

/// A number typed as text that reads two ways (`1.000`: one, or one
/// thousand): the reader takes the workbook language's reading and says so.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Ambiguous {
    /// The text as typed.
    pub(super) text: String,
    /// The value it was read as.
    pub(super) read: Value,
    /// The other reading.
    pub(super) other: Value,
}

/// Parses a number typed as text by the conventions of `lang`: plain
/// digits (`1234`, `12.5`, `1e3`), thousands grouped by spaces (`1 234`, in
/// any language), by commas in English (`1,234.5`), by dots in French and
/// Spanish (`1.234,5`), and the decimal comma of French and Spanish
/// (`12,81`). A single `.` or `,` followed by exactly three digits
/// (`1.000`) is read by the language's rule and reported as ambiguous.
pub(super) fn parse_number_in(s: &str, lang: &str) -> Option<(Value, Option<Ambiguous>)> {
    let t = s.trim();
    let (sign, body) = match t.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", t.strip_prefix('+').unwrap_or(t)),
    };
    let (group, decimal) = if lang == "en" { (',', '.') } else { ('.', ',') };
    let digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    // A single separator between 1-3 digits (not a lone 0) and exactly three.
    if let Some(sep) = body.find(['.', ',']) {
        let (int, frac) = (&body[..sep], &body[sep + 1..]);
        if digits(int) && int.len() <= 3 && int != "0" && frac.len() == 3 && digits(frac) {
            let as_group = Value::from(
                format!("{int}{frac}").parse::<i64>().ok()? * if sign == "-" { -1 } else { 1 },
            );
            let as_decimal = parse_number(&format!("{sign}{int}.{frac}"))?;
            let sep = body.as_bytes()[sep] as char;
            let (read, other) = if sep == group {
                (as_group, as_decimal)
            } else {
                (as_decimal, as_group)
            };
            return Some((
                read.clone(),
                Some(Ambiguous {
                    text: t.to_owned(),
                    read,
                    other,
                }),
            ));
        }
    }
    if let Some(v) = parse_number(t) {
        return Some((v, None));
    }
    // Grouped thousands, then an optional decimal part.
    let (int, frac) = match body.rfind(decimal) {
        Some(i) => (&body[..i], Some(&body[i + 1..])),
        None => (body, None),
    };
    if frac.is_some_and(|f| !digits(f)) {
        return None;
    }
    let groups: Vec<&str> = int.split([group, ' ', '\u{a0}', '\u{202f}']).collect();
    let grouped = groups.len() > 1
        && digits(groups[0])
        && groups[0].len() <= 3
        && groups[1..].iter().all(|g| g.len() == 3 && digits(g));
    if !(grouped || (digits(int) && frac.is_some())) {
        return None;
    }
    let plain = match frac {
        Some(f) => format!("{sign}{}.{f}", groups.concat()),
        None => format!("{sign}{}", groups.concat()),
    };
    parse_number(&plain).map(|v| (v, None))
}

/// A date typed as text day first (`30/04/2020`, `30-4-2020`, `30.04.2020`),
/// as French and Spanish write dates, as `YYYY-MM-DD`.
fn day_first_date(s: &str) -> Option<String> {
    let parts: Vec<&str> = s.trim().split(['/', '-', '.']).collect();
    let [d, m, y] = parts.as_slice() else {
        return None;
    };
    if y.len() != 4 || d.len() > 2 || m.len() > 2 {
        return None;
    }
    let date = chrono::NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)?;
    Some(date.format("%Y-%m-%d").to_string())
}

/// The value of a cell in `field`, read by the conventions of a workbook
/// written in `lang`: numbers as [`parse_number_in`] reads them, booleans
/// in any language (`VRAI`, `oui`, `sí`, `1`), codes or their labels in any
/// language (`fourni`), and in French and Spanish workbooks dates typed as
/// text day first.
pub(super) fn convert(cell: &Cell, field: &Field, lang: &str) -> (Value, Option<Ambiguous>) {
    match &field.what {
        What::Scalar(kind) => scalar_in(cell, *kind, &field.choices, field.date, lang),
        What::List(kind) => {
            let mut v = list(cell, *kind);
            if let Value::Array(items) = &mut v {
                for item in items.iter_mut() {
                    if let Some(code) = item
                        .as_str()
                        .and_then(|t| labels::code_of(t, &field.choices))
                    {
                        *item = Value::from(code);
                    }
                }
            }
            (v, None)
        }
        What::Json => (json_cell(cell), None),
        _ => (scalar(cell, Kind::Any), None),
    }
}

fn scalar_in(
    cell: &Cell,
    kind: Kind,
    choices: &[String],
    date: bool,
    lang: &str,
) -> (Value, Option<Ambiguous>) {
    match (cell, kind) {
        (Cell::Text(s), _) if !choices.is_empty() => (
            labels::code_of(s, choices).map_or_else(|| Value::String(s.clone()), Value::from),
            None,
        ),
        (Cell::Text(s), Kind::Integer | Kind::Number) => match parse_number_in(s, lang) {
            Some((v, note)) => (v, note),
            None => (Value::String(s.clone()), None),
        },
        (Cell::Text(s), Kind::Boolean) => (
            labels::boolean(s).map_or_else(|| Value::String(s.clone()), Value::Bool),
            None,
        ),
        (Cell::Int(i), Kind::Boolean) if *i == 0 || *i == 1 => (Value::Bool(*i == 1), None),
        (Cell::Float(f), Kind::Boolean) if *f == 0.0 || *f == 1.0 => (Value::Bool(*f == 1.0), None),
        (Cell::Text(s), Kind::String) if date && lang != "en" => (
            day_first_date(s).map_or_else(|| Value::String(s.clone()), Value::from),
            None,
        ),
        _ => (scalar(cell, kind), None),
    }
}

#[cfg(test)]
mod tests {
    use super::super::layout::Layout;
    use super::*;

    #[test]
    fn numbers_written_as_text() {
        assert_eq!(parse_number("12"), Some(Value::from(12)));
        assert_eq!(parse_number("-3"), Some(Value::from(-3)));
        assert_eq!(parse_number("12.0"), Some(Value::from(12)));
        assert_eq!(parse_number("1.5"), Some(Value::from(1.5)));
        assert_eq!(parse_number("1e3"), Some(Value::from(1000)));
        assert_eq!(
            parse_number("18446744073709551615"),
            Some(Value::from(u64::MAX))
        );
        for bad in [
            "", "-", "1,203", "inf", "NaN", "1.2.3", "12 mines", "e5", "1e",
        ] {
            assert_eq!(parse_number(bad), None, "{bad}");
        }
    }

    #[test]
    fn cells_take_the_schema_type() {
        let t = |s: &str| Cell::Text(s.to_owned());
        assert_eq!(scalar(&t(" 12 "), Kind::Integer), Value::from(12));
        assert_eq!(scalar(&t("twelve"), Kind::Integer), Value::from("twelve"));
        assert_eq!(scalar(&Cell::Float(12.0), Kind::Integer), Value::from(12));
        assert_eq!(scalar(&Cell::Float(12.5), Kind::Integer), Value::from(12.5));
        assert_eq!(
            scalar(&Cell::Float(1985.0), Kind::String),
            Value::from("1985")
        );
        assert_eq!(scalar(&t("TRUE"), Kind::Boolean), Value::Bool(true));
        assert_eq!(
            scalar(&Cell::Bool(false), Kind::Boolean),
            Value::Bool(false)
        );
        assert_eq!(scalar(&t("yes"), Kind::Boolean), Value::from("yes"));
        assert_eq!(
            scalar(&Cell::Date("2019-12-31".into()), Kind::String),
            Value::from("2019-12-31")
        );
    }

    #[test]
    fn numbers_as_people_type_them() {
        let n = |s: &str, l: &str| parse_number_in(s, l).map(|(v, a)| (v, a.is_some()));
        assert_eq!(n("1 234 567", "fr"), Some((Value::from(1234567), false)));
        assert_eq!(n("1\u{a0}234", "fr"), Some((Value::from(1234), false)));
        assert_eq!(n("1.234.567", "es"), Some((Value::from(1234567), false)));
        assert_eq!(n("1.234.567", "fr"), Some((Value::from(1234567), false)));
        assert_eq!(n("12,81", "fr"), Some((Value::from(12.81), false)));
        assert_eq!(n("1.234,5", "es"), Some((Value::from(1234.5), false)));
        assert_eq!(n("1,234,567", "en"), Some((Value::from(1234567), false)));
        assert_eq!(n("1,234.5", "en"), Some((Value::from(1234.5), false)));
        assert_eq!(n("12.5", "es"), Some((Value::from(12.5), false)));
        assert_eq!(n("0.500", "es"), Some((Value::from(0.5), false)));
        assert_eq!(n("12,81", "en"), None);
        assert_eq!(n("1.2.3", "es"), None);
        assert_eq!(n("1 23", "fr"), None);
        // Never a silent 1 (nor a silent 1000).
        assert_eq!(n("1.000", "es"), Some((Value::from(1000), true)));
        assert_eq!(n("45.500", "es"), Some((Value::from(45500), true)));
        assert_eq!(n("119.933", "es"), Some((Value::from(119933), true)));
        assert_eq!(n("1.000", "en"), Some((Value::from(1), true)));
        assert_eq!(n("1,000", "en"), Some((Value::from(1000), true)));
        assert_eq!(n("1,000", "fr"), Some((Value::from(1), true)));
        let a = parse_number_in("-1.000", "es").unwrap().1.unwrap();
        assert_eq!((a.read, a.other), (Value::from(-1000), Value::from(-1)));
    }

    #[test]
    fn booleans_codes_and_dates_in_any_language() {
        let layout = Layout::get();
        let report = &layout.sheets[0];
        let f = |k: &str| &report.fields[report.field(k).unwrap()];
        let t = |s: &str| Cell::Text(s.to_owned());
        assert_eq!(
            convert(&t("annual"), f("report_kind"), "en").0,
            Value::from("annual")
        );
        assert_eq!(
            convert(&t("Annuel"), f("report_kind"), "en").0,
            Value::from("annual")
        );
        assert_eq!(
            convert(&t(" anual "), f("report_kind"), "fr").0,
            Value::from("annual")
        );
        assert_eq!(
            convert(&t("anuel"), f("report_kind"), "es").0,
            Value::from("anuel")
        );
        let cover = &layout.sheets[layout.sheet("A").unwrap()];
        let cover = &cover.fields[cover.field("cover").unwrap()];
        assert_eq!(
            convert(&t("Sans objet"), cover, "fr").0,
            Value::from("not_applicable")
        );
        assert_eq!(
            convert(&t("sin cambios"), cover, "fr").0,
            Value::from("unchanged")
        );
        assert_eq!(
            convert(&t("30/04/2020"), f("period.to"), "fr").0,
            Value::from("2020-04-30")
        );
        assert_eq!(
            convert(&t("30/04/2020"), f("period.to"), "en").0,
            Value::from("30/04/2020")
        );
        let bools = layout
            .sheets
            .iter()
            .flat_map(|s| &s.fields)
            .find(|f| f.what == What::Scalar(Kind::Boolean))
            .unwrap();
        for (text, want) in [
            ("VRAI", true),
            ("faux", false),
            ("oui", true),
            ("Sí", true),
            ("no", false),
            ("TRUE", true),
            ("1", true),
            ("0", false),
        ] {
            assert_eq!(
                convert(&t(text), bools, "fr").0,
                Value::Bool(want),
                "{text}"
            );
        }
        assert_eq!(convert(&Cell::Float(1.0), bools, "es").0, Value::Bool(true));
        assert_eq!(
            convert(&t("peut-être"), bools, "fr").0,
            Value::from("peut-être")
        );
    }

    #[test]
    fn lists_in_one_cell() {
        let t = |s: &str| Cell::Text(s.to_owned());
        assert_eq!(
            list(&t("use; develop ;produce"), Kind::String),
            serde_json::json!(["use", "develop", "produce"])
        );
        assert_eq!(
            list(&t("a; b\nc"), Kind::String),
            serde_json::json!(["a; b", "c"])
        );
        assert_eq!(
            list(&t("[\"a; b\", \"c\"]"), Kind::String),
            serde_json::json!(["a; b", "c"])
        );
        assert_eq!(list(&t("[]"), Kind::String), serde_json::json!([]));
        assert_eq!(
            list(&t("[draft]"), Kind::String),
            serde_json::json!(["[draft]"])
        );
    }
}
