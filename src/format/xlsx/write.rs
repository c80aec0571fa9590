//! Excel writer: a report (or a blank template) as a workbook laid out as
//! `docs/excel-layout.md` describes, readable by [`super::read`] into the same
//! JSON value (for every valid report; see the document for the few invalid
//! shapes that cannot survive the trip).
//!
//! The workbook is meant to be filled in by hand: an instructions sheet
//! first, labels beside every key (English, French or Spanish), drop-down
//! lists for enumerated fields and booleans, whole-number validation on
//! integer fields, `yyyy-mm-dd` date cells, text-formatted text cells,
//! frozen header rows and sensible column widths.

use super::cells::{list as read_list, Cell as ReadCell};
use super::labels::{self, Ui};
use super::layout::{self, Field, Layout, Sheet, SheetKind, What};
use crate::shape::{self, Kind};
use rust_xlsxwriter::{
    Color, DataValidation, DataValidationErrorStyle, DataValidationRule, ExcelDateTime, Format,
    FormatBorder, Workbook, Worksheet, XlsxError,
};
use serde_json::{json, Map, Value};

/// Excel's limit on the characters in one cell.
const MAX_CELL_CHARS: usize = 32_767;
/// Last row a table's validations and formats reach (0-based).
const LAST_ROW: u32 = 1_048_575;

/// A blank report to fill in: every sheet with its keys, labels, drop-down
/// lists and formats, no data except the two constants. It reads back as
/// `{"format_version": "1.1", "treaty": "APMBC", "state": {}, "period": {},
/// "contact": {}, "forms": {"A": {}, …, "I": {}}}`, so validating it names
/// exactly what must be filled in.
pub fn template(lang: &str) -> Result<Vec<u8>, String> {
    write(
        &json!({"format_version": crate::shape::CURRENT_FORMAT_VERSION, "treaty": "APMBC"}),
        lang,
    )
}

/// The report `value` as an Excel workbook, with labels in `lang`
/// (`en`, `fr` or `es`; anything else is English).
pub fn write(value: &Value, lang: &str) -> Result<Vec<u8>, String> {
    let root = value
        .as_object()
        .ok_or("the report is not a JSON object, so it has no Excel form")?;
    let lang = labels::lang(lang);
    let layout = Layout::get();
    let mut content = Content::new(layout);
    content.collect_kv(0, root);
    let mut w = Writer::new(lang);
    w.instructions(layout).map_err(err)?;
    for (idx, sheet) in layout.sheets.iter().enumerate() {
        match sheet.kind {
            SheetKind::KeyValue => w.kv_sheet(sheet, content.kv[idx]),
            SheetKind::Table => w.table_sheet(layout, sheet, &content.rows[idx]),
        }
        .map_err(|e| format!("sheet `{}`: {e}", sheet.name))?;
    }
    w.book.save_to_buffer().map_err(err)
}

fn err(e: XlsxError) -> String {
    e.to_string()
}

/// The rows of a table sheet: each item with its parent key (nested tables).
type Rows<'a> = Vec<(Option<String>, &'a Map<String, Value>)>;

/// What each sheet shows: the object of a key/value sheet, the items (with
/// their parent key) of a table sheet.
struct Content<'a> {
    layout: &'a Layout,
    kv: Vec<Option<&'a Map<String, Value>>>,
    rows: Vec<Rows<'a>>,
}

impl<'a> Content<'a> {
    fn new(layout: &'a Layout) -> Content<'a> {
        Content {
            layout,
            kv: vec![None; layout.sheets.len()],
            rows: vec![Vec::new(); layout.sheets.len()],
        }
    }

    fn collect_kv(&mut self, idx: usize, obj: &'a Map<String, Value>) {
        self.kv[idx] = Some(obj);
        self.children(idx, obj);
    }

    fn collect_item(&mut self, idx: usize, parent: Option<String>, item: &'a Map<String, Value>) {
        self.rows[idx].push((parent, item));
        self.children(idx, item);
    }

    fn children(&mut self, idx: usize, obj: &'a Map<String, Value>) {
        let layout = self.layout;
        let sheet = &layout.sheets[idx];
        let position = self.rows[idx].len();
        for field in &sheet.fields {
            let What::Sheet(child) = field.what else {
                continue;
            };
            match (layout.sheets[child].kind, get_at(obj, &field.rel)) {
                (SheetKind::KeyValue, Some(Value::Object(m))) => self.collect_kv(child, m),
                (SheetKind::Table, Some(Value::Array(items))) => {
                    let parent = layout.sheets[child].parent.as_ref().map(|p| {
                        if p.by_id {
                            obj.get("id").and_then(key_text).unwrap_or_default()
                        } else {
                            position.to_string()
                        }
                    });
                    for item in items {
                        if let Value::Object(m) = item {
                            self.collect_item(child, parent.clone(), m);
                        }
                    }
                }
                _ => {}
            }
        }
    }
}

fn key_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.trim().to_owned()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn get_at<'v>(obj: &'v Map<String, Value>, rel: &[String]) -> Option<&'v Value> {
    let (first, rest) = rel.split_first()?;
    let mut cur = obj.get(first)?;
    for r in rest {
        cur = cur.as_object()?.get(r)?;
    }
    Some(cur)
}

struct Formats {
    key: Format,
    label: Format,
    link: Format,
    help: Format,
    date: Format,
    tech: Format,
    text: Format,
    title: Format,
    wrap: Format,
}

struct Writer {
    book: Workbook,
    lang: &'static str,
    f: Formats,
}

impl Writer {
    fn new(lang: &'static str) -> Writer {
        let grey = Color::RGB(0xD9D9D9);
        // A French or Spanish official reads and types dates day first.
        let date = if lang == "en" {
            "yyyy-mm-dd"
        } else {
            "dd/mm/yyyy"
        };
        Writer {
            book: Workbook::new(),
            lang,
            f: Formats {
                key: Format::new()
                    .set_bold()
                    .set_background_color(grey)
                    .set_border_bottom(FormatBorder::Thin),
                label: Format::new()
                    .set_bold()
                    .set_background_color(Color::RGB(0xF2F2F2))
                    .set_text_wrap(),
                link: Format::new()
                    .set_italic()
                    .set_font_color(Color::RGB(0x1F4E79)),
                help: Format::new().set_font_color(Color::RGB(0x595959)),
                date: Format::new().set_num_format(date),
                tech: Format::new()
                    .set_font_color(Color::RGB(0x808080))
                    .set_font_size(8),
                text: Format::new().set_num_format("@"),
                title: Format::new().set_bold().set_font_size(14),
                wrap: Format::new().set_text_wrap(),
            },
        }
    }

    fn instructions(&mut self, layout: &Layout) -> Result<(), XlsxError> {
        let lang = self.lang;
        let ws = self.book.add_worksheet();
        ws.set_name(labels::ui(Ui::Instructions, lang))?;
        ws.set_column_width(0, 32)?;
        ws.set_column_width(1, 100)?;
        ws.write_string_with_format(0, 0, labels::instructions_title(lang), &self.f.title)?;
        let mut row = 2;
        for (i, paragraph) in labels::instructions(lang).into_iter().enumerate() {
            ws.write_string(row, 0, format!("{}.", i + 1))?;
            ws.write_string_with_format(row, 1, paragraph, &self.f.wrap)?;
            row += 1;
        }
        row += 1;
        ws.write_string_with_format(row, 0, labels::ui(Ui::Sheet, lang), &self.f.key)?;
        ws.write_string_with_format(row, 1, labels::ui(Ui::Holds, lang), &self.f.key)?;
        ws.write_string_with_format(row, 2, labels::ui(Ui::Key, lang), &self.f.key)?;
        ws.set_column_width(2, 32)?;
        row += 1;
        for sheet in &layout.sheets {
            ws.write_string(row, 0, sheet.name_in(lang))?;
            // The sheet's name in every language's workbook, so that a
            // program (or a help desk) can find it whatever the language.
            ws.write_string_with_format(row, 2, &sheet.name, &self.f.tech)?;
            let what = labels::sheet_description(&sheet.name, lang)
                .map(str::to_owned)
                .or_else(|| shape::label_at(&layout::steps(&sheet.path)).0)
                .unwrap_or_default();
            ws.write_string(row, 1, what)?;
            row += 1;
        }
        ws.set_active(true);
        Ok(())
    }

    fn kv_sheet(
        &mut self,
        sheet: &Sheet,
        obj: Option<&Map<String, Value>>,
    ) -> Result<(), XlsxError> {
        let lang = self.lang;
        let layout = Layout::get();
        let ws = self.book.add_worksheet();
        ws.set_name(sheet.name_in(lang))?;
        ws.set_column_width(0, 44)?;
        ws.set_column_width(1, 44)?;
        ws.set_column_width(2, 24)?;
        ws.set_column_width(3, 60)?;
        ws.set_freeze_panes(1, 1)?;
        let captions = [Ui::Field, Ui::Value, Ui::Key, Ui::Help];
        for (col, caption) in captions.iter().enumerate() {
            ws.write_string_with_format(0, col as u16, labels::ui(*caption, lang), &self.f.key)?;
        }
        let mut row: u32 = 1;
        for field in &sheet.fields {
            let v = obj.and_then(|o| get_at(o, &field.rel));
            let label = layout::label(field, lang);
            match &field.what {
                What::Json | What::Object if !needs_optional(field, v) => continue,
                What::Sheet(child) => {
                    let child = &layout.sheets[*child];
                    ws.write_string_with_format(
                        row,
                        0,
                        format!(
                            "{label} ({} {})",
                            labels::ui(Ui::SeeSheet, lang),
                            child.name_in(lang)
                        ),
                        &self.f.link,
                    )?;
                    if let Some(text) = link_text(child.kind, v) {
                        ws.write_string(row, 1, text)?;
                    }
                    ws.write_string_with_format(row, 2, &field.key, &self.f.tech)?;
                }
                _ => {
                    ws.write_string_with_format(row, 0, &label, &self.f.label)?;
                    write_cell(ws, &self.f, row, 1, field, v, lang)?;
                    ws.write_string_with_format(row, 2, &field.key, &self.f.tech)?;
                    ws.write_string_with_format(row, 3, help(field, lang), &self.f.help)?;
                    if let Some(dv) = validation(field, &label, lang)? {
                        ws.add_data_validation(row, 1, row, 1, &dv)?;
                    }
                }
            }
            row += 1;
        }
        if let Some(obj) = obj {
            let mut extra = Vec::new();
            extras(sheet, obj, &[], &mut extra);
            for (key, v) in extra {
                ws.write_string_with_format(row, 0, &key, &self.f.key)?;
                write_loose(ws, row, 1, v)?;
                row += 1;
            }
        }
        Ok(())
    }

    fn table_sheet(
        &mut self,
        layout: &Layout,
        sheet: &Sheet,
        rows: &[(Option<String>, &Map<String, Value>)],
    ) -> Result<(), XlsxError> {
        let lang = self.lang;
        let ws = self.book.add_worksheet();
        ws.set_name(sheet.name_in(lang))?;
        ws.set_freeze_panes(2, 0)?;
        ws.set_row_height(0, 30)?;
        let columns: Vec<&Field> = sheet
            .fields
            .iter()
            .filter(|f| {
                !f.optional
                    || rows
                        .iter()
                        .any(|(_, item)| needs_optional(f, get_at(item, &f.rel)))
            })
            .collect();
        let mut extra_keys: Vec<String> = Vec::new();
        for (_, item) in rows {
            let mut extra = Vec::new();
            extras(sheet, item, &[], &mut extra);
            for (k, _) in extra {
                if !extra_keys.contains(&k) {
                    extra_keys.push(k);
                }
            }
        }
        for (col, field) in columns.iter().enumerate() {
            let col = col as u16;
            let label = layout::label(field, lang);
            let caption = match field.what {
                What::Sheet(child) => {
                    format!(
                        "{label} ({} {})",
                        labels::ui(Ui::SeeSheet, lang),
                        layout.sheets[child].name_in(lang)
                    )
                }
                _ => label.clone(),
            };
            ws.write_string_with_format(0, col, &caption, &self.f.key)?;
            ws.write_string_with_format(1, col, &field.key, &self.f.tech)?;
            let width = field.key.chars().count().max(label.chars().count().min(28)) + 2;
            ws.set_column_width(col, width.clamp(10, 40) as f64)?;
            if field.date {
                ws.set_column_format(col, &self.f.date)?;
            } else if matches!(
                field.what,
                What::Scalar(Kind::String) | What::List(_) | What::ParentKey
            ) {
                ws.set_column_format(col, &self.f.text)?;
            }
            if let Some(dv) = validation(field, &label, lang)? {
                ws.add_data_validation(2, col, LAST_ROW, col, &dv)?;
            }
        }
        for (i, key) in extra_keys.iter().enumerate() {
            ws.write_string_with_format(0, (columns.len() + i) as u16, key, &self.f.key)?;
        }
        for (r, (parent, item)) in rows.iter().enumerate() {
            let row = r as u32 + 2;
            for (col, field) in columns.iter().enumerate() {
                let col = col as u16;
                match field.what {
                    What::ParentKey => {
                        if let Some(p) = parent {
                            ws.write_string(row, col, p)?;
                        }
                    }
                    What::Sheet(child) => {
                        if let Some(text) =
                            link_text(layout.sheets[child].kind, get_at(item, &field.rel))
                        {
                            ws.write_string(row, col, text)?;
                        }
                    }
                    What::Object | What::Json => {
                        let v = get_at(item, &field.rel);
                        if needs_optional(field, v) {
                            write_cell(ws, &self.f, row, col, field, v, self.lang)?;
                        }
                    }
                    _ => write_cell(
                        ws,
                        &self.f,
                        row,
                        col,
                        field,
                        get_at(item, &field.rel),
                        self.lang,
                    )?,
                }
            }
            let mut extra = Vec::new();
            extras(sheet, item, &[], &mut extra);
            for (key, v) in extra {
                if let Some(i) = extra_keys.iter().position(|k| *k == key) {
                    write_loose(ws, row, (columns.len() + i) as u16, v)?;
                }
            }
        }
        Ok(())
    }
}

/// Whether an optional field (extensions, an inline object's own key, a
/// nested table's link column) must be written for this value.
fn needs_optional(field: &Field, v: Option<&Value>) -> bool {
    match (&field.what, v) {
        (_, None) => false,
        (What::Json, Some(_)) => true,
        (What::Object, Some(Value::Object(m))) => m.is_empty(),
        (What::Sheet(_), Some(Value::Array(a))) => a.is_empty(),
        (What::Sheet(_), Some(Value::Object(m))) => m.is_empty(),
        (_, Some(_)) => true,
    }
}

/// The text of a link cell: `[]` / `{}` for a deliberately empty member, the
/// value itself when it is not a list or object at all, else nothing.
fn link_text(kind: SheetKind, v: Option<&Value>) -> Option<String> {
    match (kind, v?) {
        (SheetKind::Table, Value::Array(a)) => a.is_empty().then(|| "[]".to_owned()),
        (SheetKind::KeyValue, Value::Object(m)) => m.is_empty().then(|| "{}".to_owned()),
        (_, Value::Null) => None,
        (_, Value::String(s)) => Some(s.clone()),
        (_, other) => Some(other.to_string()),
    }
}

/// Members of `obj` (and of its inline objects) that the layout does not
/// know, as (dotted key, value).
fn extras<'v>(
    sheet: &Sheet,
    obj: &'v Map<String, Value>,
    prefix: &[String],
    out: &mut Vec<(String, &'v Value)>,
) {
    for (k, v) in obj {
        let mut rel = prefix.to_vec();
        rel.push(k.clone());
        let key = rel.join(".");
        match sheet.field(&key).map(|i| &sheet.fields[i]) {
            Some(f) if f.what == What::Object => {
                if let Value::Object(m) = v {
                    extras(sheet, m, &rel, out);
                }
            }
            Some(_) => {}
            None => out.push((key, v)),
        }
    }
}

/// Writes a value of a field the layout does not know.
fn write_loose(ws: &mut Worksheet, row: u32, col: u16, v: &Value) -> Result<(), XlsxError> {
    match v {
        Value::String(s) => write_text(ws, row, col, s, None),
        Value::Bool(b) => ws.write_boolean(row, col, *b).map(|_| ()),
        Value::Number(n) => write_number(ws, row, col, n, None),
        Value::Null => Ok(()),
        other => write_text(ws, row, col, &other.to_string(), None),
    }
}

fn write_text(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    s: &str,
    format: Option<&Format>,
) -> Result<(), XlsxError> {
    if s.chars().count() > MAX_CELL_CHARS {
        return Err(XlsxError::ParameterError(format!(
            "the text for cell {} has more than the {MAX_CELL_CHARS} characters a cell can hold",
            crate::model::cell_name(row, col as u32)
        )));
    }
    match format {
        Some(f) => ws.write_string_with_format(row, col, s, f),
        None => ws.write_string(row, col, s),
    }
    .map(|_| ())
}

fn write_number(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    n: &serde_json::Number,
    format: Option<&Format>,
) -> Result<(), XlsxError> {
    // A double holds whole numbers exactly only up to 2^53: bigger ones are
    // written as text, which the reader parses back exactly.
    let exact = match (n.as_i64(), n.as_u64()) {
        (Some(i), _) => i.unsigned_abs() <= 1 << 53,
        (None, Some(u)) => u <= 1 << 53,
        _ => true,
    };
    match (exact, n.as_f64()) {
        (true, Some(f)) => match format {
            Some(fm) => ws.write_number_with_format(row, col, f, fm),
            None => ws.write_number(row, col, f),
        }
        .map(|_| ()),
        _ => write_text(ws, row, col, &n.to_string(), None),
    }
}

/// Writes one field's value (or, for a missing value, an empty cell with the
/// field's format).
fn write_cell(
    ws: &mut Worksheet,
    f: &Formats,
    row: u32,
    col: u16,
    field: &Field,
    v: Option<&Value>,
    lang: &str,
) -> Result<(), XlsxError> {
    let text_format = matches!(field.what, What::Scalar(Kind::String) | What::List(_));
    let Some(v) = v else {
        if field.date {
            ws.write_blank(row, col, &f.date)?;
        } else if text_format {
            ws.write_blank(row, col, &f.text)?;
        }
        return Ok(());
    };
    match (&field.what, v) {
        (What::Json | What::Object, Value::Object(m)) if m.is_empty() => {
            write_text(ws, row, col, "{}", Some(&f.text))
        }
        (What::Json, other) => write_text(ws, row, col, &other.to_string(), Some(&f.text)),
        // Codes in a list are written as their labels too ("employer;
        // stocker"); the reader takes either back as the codes.
        (What::List(kind), Value::Array(items)) if !field.choices.is_empty() => {
            let shown: Vec<Value> = items
                .iter()
                .map(|item| match item.as_str() {
                    Some(c) if field.choices.iter().any(|x| x == c) => {
                        Value::from(labels::code(c, lang))
                    }
                    _ => item.clone(),
                })
                .collect();
            write_text(ws, row, col, &encode_list(&shown, *kind), Some(&f.text))
        }
        (What::List(kind), Value::Array(items)) => {
            write_text(ws, row, col, &encode_list(items, *kind), Some(&f.text))
        }
        (_, Value::String(s)) if field.date => match iso_date(s) {
            Some(d) => ws
                .write_datetime_with_format(row, col, d, &f.date)
                .map(|_| ()),
            None => write_text(ws, row, col, s, Some(&f.text)),
        },
        // A code is written as the label the drop-down list offers.
        (What::Scalar(_), Value::String(s)) if field.choices.contains(s) => write_text(
            ws,
            row,
            col,
            &labels::code(s, lang),
            text_format.then_some(&f.text),
        ),
        (_, Value::String(s)) => write_text(ws, row, col, s, text_format.then_some(&f.text)),
        (_, Value::Number(n)) => write_number(ws, row, col, n, None),
        (_, Value::Bool(b)) => ws.write_boolean(row, col, *b).map(|_| ()),
        (_, Value::Null) => Ok(()),
        (_, other) => write_text(ws, row, col, &other.to_string(), None),
    }
}

/// A list in one cell: items joined with `; ` when that reads back the same,
/// else one item per line, else as a JSON array (`[]` when empty).
pub fn encode_list(items: &[Value], kind: Kind) -> String {
    let original = Value::Array(items.to_vec());
    if items.iter().all(Value::is_string) && !items.is_empty() {
        let texts: Vec<&str> = items.iter().filter_map(Value::as_str).collect();
        for sep in ["; ", "\n"] {
            let joined = texts.join(sep);
            if read_list(&ReadCell::Text(joined.clone()), kind) == original {
                return joined;
            }
        }
    }
    original.to_string()
}

/// `YYYY-MM-DD` as an Excel date, for dates Excel's calendar holds safely.
fn iso_date(s: &str) -> Option<ExcelDateTime> {
    let d = chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()?;
    use chrono::Datelike;
    if d.format("%Y-%m-%d").to_string() != s || !(1901..=9999).contains(&d.year()) {
        return None;
    }
    ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8).ok()
}

/// Cuts a text to Excel's limit for validation messages (counted in
/// UTF-16), at the end of a word, with an ellipsis.
fn fit(text: &str, limit: usize) -> String {
    if text.encode_utf16().count() <= limit {
        return text.to_owned();
    }
    let mut out = String::new();
    let mut used = 1; // the ellipsis
    let mut last_space = None;
    for c in text.chars() {
        used += c.len_utf16();
        if used > limit {
            break;
        }
        if c.is_whitespace() {
            last_space = Some(out.len());
        }
        out.push(c);
    }
    if let Some(cut) = last_space.filter(|&i| i > 0) {
        out.truncate(cut);
    }
    let out = out.trim_end_matches([' ', ',', ';', ':', '›']).trim_end();
    format!("{out}…")
}

/// The help of a field in `lang`: whether it is required, then the
/// schema's description in `lang`; in French and Spanish also what to type
/// (the form of a date or number, the list of values), which the English
/// descriptions already say in their own words.
fn help(field: &Field, lang: &str) -> String {
    let mut parts = Vec::new();
    if field.required {
        parts.push(labels::ui(Ui::Required, lang).to_owned());
    }
    let described = layout::description(field);
    let kind = match field.what {
        _ if !field.choices.is_empty() => {
            let list: Vec<String> = field
                .choices
                .iter()
                .map(|c| labels::code(c, lang))
                .collect();
            Some(format!(
                "{} {}",
                labels::ui(Ui::PickFromList, lang),
                list.join(" / ")
            ))
        }
        What::List(_) => Some(labels::ui(Ui::HelpList, lang).to_owned()),
        What::Scalar(_) if field.date => Some(labels::ui(Ui::HelpDate, lang).to_owned()),
        What::Scalar(Kind::Integer) => Some(labels::ui(Ui::HelpInteger, lang).to_owned()),
        What::Scalar(Kind::Number) => Some(labels::ui(Ui::HelpNumber, lang).to_owned()),
        What::Scalar(Kind::Boolean) => Some(labels::ui(Ui::HelpBoolean, lang).to_owned()),
        What::Scalar(Kind::String) => Some(labels::ui(Ui::HelpText, lang).to_owned()),
        _ => None,
    };
    match described {
        Some(d) if lang == "en" => parts.push(d),
        Some(d) => {
            parts.push(crate::i18n::description(&d, lang).to_owned());
            // "Free text" after a description that asks for a code would
            // contradict it.
            parts.extend(kind.filter(|k| k != labels::ui(Ui::HelpText, lang)));
        }
        None => parts.extend(kind),
    }
    parts.join(" ")
}

/// Data validation for a field: a drop-down list for enumerations and
/// booleans, whole numbers (within the schema's bounds) for integers, a
/// lower bound for numbers; every one shows the field's description.
fn validation(field: &Field, label: &str, lang: &str) -> Result<Option<DataValidation>, XlsxError> {
    let What::Scalar(kind) = field.what else {
        return Ok(None);
    };
    let node = shape::node_at(&layout::steps(&field.schema));
    let bound = |k: &str| node.and_then(|n| n.get(k)).and_then(Value::as_f64);
    // Lists and dates only warn: the reader also takes the codes, other
    // languages' labels and dates typed as text, which a stop would refuse.
    let mut style = DataValidationErrorStyle::Stop;
    let (dv, message) = if !field.choices.is_empty() {
        style = DataValidationErrorStyle::Warning;
        let shown: Vec<String> = field
            .choices
            .iter()
            .map(|c| labels::code(c, lang))
            .collect();
        (
            DataValidation::new().allow_list_strings(&shown)?,
            labels::ui(Ui::PickFromList, lang),
        )
    } else if kind == Kind::Boolean {
        // VRAI typed in a French spreadsheet is a boolean cell, not the
        // text `oui`: information only.
        style = DataValidationErrorStyle::Information;
        (
            DataValidation::new()
                .allow_list_strings(&[labels::code("true", lang), labels::code("false", lang)])?,
            labels::ui(Ui::PickFromList, lang),
        )
    } else if field.date {
        style = DataValidationErrorStyle::Warning;
        let day = |y| ExcelDateTime::from_ymd(y, 1, 1);
        (
            DataValidation::new().allow_date(DataValidationRule::Between(
                day(1900)?,
                ExcelDateTime::from_ymd(2100, 12, 31)?,
            )),
            labels::ui(Ui::Date, lang),
        )
    } else if kind == Kind::Integer {
        let clamp = |f: f64| f.clamp(i32::MIN as f64, i32::MAX as f64) as i32;
        let rule = match (bound("minimum"), bound("maximum")) {
            (Some(lo), Some(hi)) => DataValidationRule::Between(clamp(lo), clamp(hi)),
            (Some(lo), None) => DataValidationRule::GreaterThanOrEqualTo(clamp(lo)),
            (None, Some(hi)) => DataValidationRule::LessThanOrEqualTo(clamp(hi)),
            (None, None) => DataValidationRule::Between(i32::MIN, i32::MAX),
        };
        (
            DataValidation::new().allow_whole_number(rule),
            labels::ui(Ui::WholeNumber, lang),
        )
    } else if kind == Kind::Number && bound("minimum").is_some() {
        let lo = bound("minimum").unwrap_or(0.0);
        (
            DataValidation::new()
                .allow_decimal_number(DataValidationRule::GreaterThanOrEqualTo(lo)),
            labels::ui(Ui::Number, lang),
        )
    } else {
        return Ok(Some(
            DataValidation::new()
                .allow_any_value()
                .set_input_title(fit(label, 32))?
                .set_input_message(fit(&help(field, lang), 255))?,
        ));
    };
    let dv = dv
        .set_error_title(fit(labels::ui(Ui::NotAllowed, lang), 32))?
        .set_error_message(fit(message, 255))?
        .set_error_style(style)
        .set_input_title(fit(label, 32))?
        .set_input_message(fit(&help(field, lang), 255))?;
    Ok(Some(dv))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_choose_a_spelling_that_reads_back() {
        let s = |v: Value| encode_list(v.as_array().unwrap(), Kind::String);
        assert_eq!(s(json!(["use", "develop"])), "use; develop");
        assert_eq!(
            s(json!(["Nationwide; residual", "x"])),
            "Nationwide; residual\nx"
        );
        assert_eq!(
            s(json!(["Nationwide; residual"])),
            r#"["Nationwide; residual"]"#
        );
        assert_eq!(s(json!([])), "[]");
        assert_eq!(s(json!(["a\nb", "c; d"])), r#"["a\nb","c; d"]"#);
    }

    #[test]
    fn link_cells_mark_empty_members_and_never_say_null() {
        assert_eq!(
            link_text(SheetKind::Table, Some(&json!([]))),
            Some("[]".into())
        );
        assert_eq!(
            link_text(SheetKind::KeyValue, Some(&json!({}))),
            Some("{}".into())
        );
        assert_eq!(link_text(SheetKind::Table, Some(&json!([{"a": 1}]))), None);
        assert_eq!(link_text(SheetKind::Table, Some(&Value::Null)), None);
        assert_eq!(
            link_text(SheetKind::Table, Some(&json!("x"))),
            Some("x".into())
        );
    }

    #[test]
    fn dates_outside_excels_calendar_stay_text() {
        assert!(iso_date("2019-12-31").is_some());
        assert!(iso_date("1899-12-31").is_none());
        assert!(iso_date("2019-02-30").is_none());
        assert!(iso_date("2019-1-5").is_none());
    }

    #[test]
    fn messages_fit_excels_limits() {
        assert_eq!(fit("short", 32), "short");
        let long = "x".repeat(300);
        assert!(fit(&long, 255).chars().count() <= 255);
        let title = fit("Formulaire A : mesures d'application nationales", 32);
        assert_eq!(title, "Formulaire A : mesures…");
        assert!(title.encode_utf16().count() <= 32);
    }
}
