//! The workbook layout: which sheet holds which part of the report, and
//! which row (key/value sheets) or column (table sheets) holds which field.
//! It is derived once from the report schema, so the reader and the writer
//! can never disagree. `docs/excel-layout.md` describes it for people.
//!
//! - An object gets its own key/value sheet when it holds a list of objects
//!   (directly or inside an inline object) and has at least one field of its
//!   own; `forms` has none, so its members `A`..`J` are sheets of their own.
//!   Every other object is written inline with dotted keys (`state.code`).
//! - A list of objects is a table sheet; one nested in a table item names
//!   its parent row in a first column (`area_id`).
//! - A list of scalars is one cell.
//! - `extensions` (free-form) is one cell holding JSON.

use super::labels::{self, Ui};
use crate::shape::{self, Kind, Step};
use serde_json::Value;
use std::sync::OnceLock;

/// Excel's limit on the length of a sheet name.
pub const MAX_SHEET_NAME: usize = 31;

/// One step of a schema path, owned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    /// An object member.
    Key(String),
    /// An array item.
    Item,
}

/// Borrows owned segments as [`Step`]s for the [`shape`] functions.
pub fn steps(segs: &[Seg]) -> Vec<Step<'_>> {
    segs.iter()
        .map(|s| match s {
            Seg::Key(k) => Step::Key(k.as_str()),
            Seg::Item => Step::Item,
        })
        .collect()
}

/// The two kinds of sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SheetKind {
    /// Column A key, column B value, one field per row.
    KeyValue,
    /// Row 1 keys, row 2 labels, one item per row from row 3.
    Table,
}

/// A nested table's link to the table that holds its parents.
#[derive(Debug, Clone)]
pub struct Parent {
    /// Index of the parent table sheet.
    pub sheet: usize,
    /// Header of the parent-key column (`area_id`, or `parent_item`).
    pub column: String,
    /// The parent key is the parent item's `id` (else its 1-based position
    /// among the parent table's items).
    pub by_id: bool,
}

/// What a field's cell holds.
#[derive(Debug, Clone, PartialEq)]
pub enum What {
    /// One value of the given kind.
    Scalar(Kind),
    /// A list of scalars of the given kind, in one cell.
    List(Kind),
    /// Free-form JSON (`extensions`).
    Json,
    /// An inline object's own key: `{}` there makes it present but empty.
    Object,
    /// A member held on another sheet (index into [`Layout::sheets`]); the
    /// cell may say `[]` / `{}` for a deliberately empty one.
    Sheet(usize),
    /// The parent-key column of a nested table.
    ParentKey,
}

/// One row of a key/value sheet or one column of a table sheet.
#[derive(Debug, Clone)]
pub struct Field {
    /// The key as written in the workbook (dotted for inline objects).
    pub key: String,
    /// Path from the sheet's object (or table item) to the field.
    pub rel: Vec<String>,
    /// Full schema path of the field.
    pub schema: Vec<Seg>,
    /// What the cell holds.
    pub what: What,
    /// A date field (`format: date`).
    pub date: bool,
    /// The schema requires the member in its parent object.
    pub required: bool,
    /// Written only when a report needs it (extensions, empty markers,
    /// in-table links); the reader always accepts it.
    pub optional: bool,
    /// The field's label in each workbook language, normalised
    /// ([`labels::normal`]), so the reader can find a field by its label.
    pub labels: Vec<String>,
    /// The codes the schema allows (enumerations, and the items of an
    /// enumerated list), empty for a free field.
    pub choices: Vec<String>,
}

/// One sheet.
#[derive(Debug, Clone)]
pub struct Sheet {
    /// The sheet's name.
    pub name: String,
    /// Its kind.
    pub kind: SheetKind,
    /// Schema path of the object (key/value) or of the list (table).
    pub path: Vec<Seg>,
    /// Rows (key/value) or columns (table), in schema order.
    pub fields: Vec<Field>,
    /// For tables nested in a table item: the parent table.
    pub parent: Option<Parent>,
    /// The schema requires this member in its parent object.
    pub required: bool,
}

impl Sheet {
    /// The field written under `key`.
    pub fn field(&self, key: &str) -> Option<usize> {
        self.fields.iter().position(|f| f.key == key)
    }

    /// The field whose key, or label in any workbook language, is `text`
    /// (labels ignoring case and repeated spaces). A label two fields of
    /// the sheet share names neither.
    pub fn field_by_key_or_label(&self, text: &str) -> Option<usize> {
        let text = text.trim();
        if let Some(i) = self.field(text) {
            return Some(i);
        }
        let t = labels::normal(text);
        if t.is_empty() {
            return None;
        }
        let mut found = self
            .fields
            .iter()
            .enumerate()
            .filter(|(_, f)| f.labels.contains(&t))
            .map(|(i, _)| i);
        match (found.next(), found.next()) {
            (Some(i), None) => Some(i),
            _ => None,
        }
    }

    /// The sheet's name in a workbook written in `lang`.
    pub fn name_in(&self, lang: &str) -> String {
        labels::sheet_name(&self.name, lang)
    }

    /// The schema path of one item (tables) or of the object (key/value).
    pub fn object_path(&self) -> Vec<Seg> {
        let mut p = self.path.clone();
        if self.kind == SheetKind::Table {
            p.push(Seg::Item);
        }
        p
    }
}

/// The whole layout.
#[derive(Debug)]
pub struct Layout {
    /// Every sheet, in workbook order (`Report` first).
    pub sheets: Vec<Sheet>,
}

impl Layout {
    /// The layout of the embedded schema, built on first use.
    pub fn get() -> &'static Layout {
        static LAYOUT: OnceLock<Layout> = OnceLock::new();
        LAYOUT.get_or_init(build)
    }

    /// The sheet called `name` (exactly, else ignoring case), in any of
    /// the workbook languages.
    pub fn sheet(&self, name: &str) -> Option<usize> {
        self.sheets
            .iter()
            .position(|s| s.name == name)
            .or_else(|| {
                self.sheets
                    .iter()
                    .position(|s| s.name.eq_ignore_ascii_case(name))
            })
            .or_else(|| {
                let (en, _) = labels::sheet_by_name(name)?;
                self.sheets.iter().position(|s| s.name == en)
            })
    }
}

fn build() -> Layout {
    let mut b = Builder { sheets: Vec::new() };
    b.kv_sheet(Vec::new(), true);
    for sheet in &mut b.sheets {
        for field in &mut sheet.fields {
            field.labels = spellings(field).iter().map(|l| labels::normal(l)).collect();
            let mut enum_path = field.schema.clone();
            if matches!(field.what, What::List(_)) {
                enum_path.push(Seg::Item);
            }
            if matches!(field.what, What::Scalar(_) | What::List(_)) {
                field.choices = shape::enum_at(&steps(&enum_path)).unwrap_or_default();
            }
        }
    }
    Layout { sheets: b.sheets }
}

struct Builder {
    sheets: Vec<Sheet>,
}

impl Builder {
    fn kv_sheet(&mut self, path: Vec<Seg>, required: bool) -> usize {
        let idx = self.push(path.clone(), SheetKind::KeyValue, None, required);
        let mut fields = Vec::new();
        self.object_fields(&path, &[], &mut fields, None);
        self.sheets[idx].fields = fields;
        idx
    }

    fn table(&mut self, path: Vec<Seg>, parent: Option<Parent>) -> usize {
        let idx = self.push(path.clone(), SheetKind::Table, parent.clone(), false);
        let mut item = path;
        item.push(Seg::Item);
        let mut fields = Vec::new();
        if let Some(p) = &parent {
            fields.push(Field {
                key: p.column.clone(),
                rel: Vec::new(),
                schema: item.clone(),
                what: What::ParentKey,
                date: false,
                required: false,
                optional: false,
                labels: Vec::new(),
                choices: Vec::new(),
            });
        }
        self.object_fields(&item, &[], &mut fields, Some(idx));
        self.sheets[idx].fields = fields;
        idx
    }

    fn push(
        &mut self,
        path: Vec<Seg>,
        kind: SheetKind,
        parent: Option<Parent>,
        required: bool,
    ) -> usize {
        self.sheets.push(Sheet {
            name: sheet_name(&path),
            kind,
            path,
            fields: Vec::new(),
            parent,
            required,
        });
        self.sheets.len() - 1
    }

    /// Appends the fields of the object at `obj` (written under the dotted
    /// `prefix`) to `out`. `table` is the table sheet being laid out, if any.
    fn object_fields(
        &mut self,
        obj: &[Seg],
        prefix: &[String],
        out: &mut Vec<Field>,
        table: Option<usize>,
    ) {
        let required = required_keys(obj);
        for key in shape::keys_at(&steps(obj)) {
            let mut schema = obj.to_vec();
            schema.push(Seg::Key(key.clone()));
            let mut rel = prefix.to_vec();
            rel.push(key.clone());
            let mut field = Field {
                key: rel.join("."),
                rel: rel.clone(),
                schema: schema.clone(),
                what: What::Json,
                date: false,
                required: required.contains(&key),
                optional: false,
                labels: Vec::new(),
                choices: Vec::new(),
            };
            if key == "extensions" {
                field.optional = true;
                out.push(field);
                continue;
            }
            match shape::kind_at(&steps(&schema)) {
                Kind::Object => {
                    if table.is_none() && own_sheet(&schema) {
                        let idx = self.kv_sheet(schema, field.required);
                        field.what = What::Sheet(idx);
                        out.push(field);
                    } else {
                        field.what = What::Object;
                        field.optional = true;
                        out.push(field);
                        self.object_fields(&schema, &rel, out, table);
                    }
                }
                Kind::Array => {
                    let mut item = schema.clone();
                    item.push(Seg::Item);
                    let item_kind = shape::kind_at(&steps(&item));
                    if item_kind == Kind::Object {
                        let parent = table.map(|t| parent_link(&self.sheets[t], t));
                        let idx = self.table(schema, parent);
                        field.what = What::Sheet(idx);
                        field.optional = table.is_some();
                    } else {
                        field.what = What::List(item_kind);
                    }
                    out.push(field);
                }
                kind => {
                    field.date = is_date(&schema);
                    field.what = What::Scalar(kind);
                    out.push(field);
                }
            }
        }
    }
}

fn parent_link(parent: &Sheet, index: usize) -> Parent {
    let key = parent
        .path
        .iter()
        .rev()
        .find_map(|s| match s {
            Seg::Key(k) => Some(k.as_str()),
            Seg::Item => None,
        })
        .unwrap_or("parent");
    let by_id = shape::keys_at(&steps(&parent.object_path())).contains(&"id".to_owned());
    Parent {
        sheet: index,
        column: if by_id {
            format!("{}_id", singular(key))
        } else {
            "parent_item".to_owned()
        },
        by_id,
    }
}

fn singular(key: &str) -> &str {
    key.strip_suffix('s').unwrap_or(key)
}

/// Whether the object at `path` gets a key/value sheet of its own.
fn own_sheet(path: &[Seg]) -> bool {
    let keys = shape::keys_at(&steps(path));
    let has_leaf = keys.iter().any(|k| {
        if k == "extensions" {
            return false;
        }
        let mut p = path.to_vec();
        p.push(Seg::Key(k.clone()));
        shape::kind_at(&steps(&p)) != Kind::Object
    });
    has_leaf && holds_object_list(path, 0)
}

fn holds_object_list(path: &[Seg], depth: usize) -> bool {
    if depth > 16 {
        return false;
    }
    shape::keys_at(&steps(path)).iter().any(|k| {
        if k == "extensions" {
            return false;
        }
        let mut p = path.to_vec();
        p.push(Seg::Key(k.clone()));
        match shape::kind_at(&steps(&p)) {
            Kind::Object => holds_object_list(&p, depth + 1),
            Kind::Array => {
                p.push(Seg::Item);
                shape::kind_at(&steps(&p)) == Kind::Object
            }
            _ => false,
        }
    })
}

fn required_keys(path: &[Seg]) -> Vec<String> {
    shape::node_at(&steps(path))
        .and_then(|n| n.get("required"))
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}

fn is_date(path: &[Seg]) -> bool {
    shape::node_at(&steps(path))
        .and_then(|n| n.get("format"))
        .and_then(Value::as_str)
        == Some("date")
}

/// The sheet name of the object or list at `path`: its keys joined with
/// dots, without the leading `forms` (`C.areas.mines`); `Report` for the
/// root. Names longer than Excel allows lose their middle keys, one at a
/// time from the left (`F.mine_clearance.work_plan.milestones` →
/// `F.work_plan.milestones`).
pub fn sheet_name(path: &[Seg]) -> String {
    let mut keys: Vec<&str> = path
        .iter()
        .filter_map(|s| match s {
            Seg::Key(k) => Some(k.as_str()),
            Seg::Item => None,
        })
        .collect();
    if keys.first() == Some(&"forms") {
        keys.remove(0);
    }
    if keys.is_empty() {
        return "Report".to_owned();
    }
    while keys.len() > 2 && keys.join(".").chars().count() > MAX_SHEET_NAME {
        keys.remove(1);
    }
    keys.join(".")
}

/// The human label of a field in `lang`: the schema titles of its dotted
/// parts, translated, joined with ` › ` (`Location › Latitude`).
pub fn label(field: &Field, lang: &str) -> String {
    if field.what == What::ParentKey {
        return labels::ui(Ui::ParentKey, lang).to_owned();
    }
    let n = field.schema.len();
    let r = field.rel.len().min(n);
    (0..r)
        .map(|j| {
            let path = &field.schema[..n - r + j + 1];
            match shape::label_at(&steps(path)).0 {
                Some(t) => labels::title(&t, lang),
                None => field.rel[j].clone(),
            }
        })
        .collect::<Vec<_>>()
        .join(" › ")
}

/// The field's label in every workbook language (to recognise label rows).
pub fn label_variants(_sheet: &Sheet, field: &Field) -> Vec<String> {
    spellings(field)
}

/// The field's label in every language, then earlier templates' spellings.
fn spellings(field: &Field) -> Vec<String> {
    let mut out: Vec<String> = labels::LANGUAGES.iter().map(|l| label(field, l)).collect();
    for (i, lang) in labels::LANGUAGES.iter().enumerate() {
        let earlier = labels::earlier_spellings(&out[i], lang);
        out.extend(earlier);
    }
    out
}

/// The sheet and field that hold the value at a JSON pointer of the report
/// (`/contact/organisation` → sheet Report, field `contact.organisation`).
pub fn field_at(pointer: &str) -> Option<(&'static Sheet, &'static Field)> {
    let segs: Vec<Seg> = crate::diagnostics::pointer_tokens(pointer)
        .into_iter()
        .map(|t| {
            if t.parse::<usize>().is_ok() {
                Seg::Item
            } else {
                Seg::Key(t)
            }
        })
        .collect();
    Layout::get().sheets.iter().find_map(|s| {
        s.fields
            .iter()
            .find(|f| f.what != What::ParentKey && f.schema == segs)
            .map(|f| (s, f))
    })
}

/// The schema's description of a field, if any.
pub fn description(field: &Field) -> Option<String> {
    if field.what == What::ParentKey {
        return None;
    }
    shape::label_at(&steps(&field.schema)).1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_unique_and_short() {
        let layout = Layout::get();
        let mut seen = std::collections::HashSet::new();
        for s in &layout.sheets {
            assert!(s.name.chars().count() <= MAX_SHEET_NAME, "{}", s.name);
            assert!(seen.insert(s.name.to_lowercase()), "{} twice", s.name);
        }
        let names: Vec<&str> = layout.sheets.iter().map(|s| s.name.as_str()).collect();
        for want in [
            "Report",
            "A",
            "A.measures",
            "C.areas",
            "C.areas.mines",
            "F.mine_clearance",
            "F.deadline_extensions",
            "F.mine_clearance.work_plan",
            "F.work_plan.milestones",
            "J.victim_assistance.plan",
            "J.plan.objectives",
            "J.cooperation.partnerships",
        ] {
            assert!(names.contains(&want), "{want} missing from {names:?}");
        }
        assert!(!names.contains(&"forms"));
    }

    #[test]
    fn nested_tables_name_their_parent() {
        let layout = Layout::get();
        let mines = &layout.sheets[layout.sheet("C.areas.mines").unwrap()];
        let parent = mines.parent.as_ref().unwrap();
        assert_eq!(parent.column, "area_id");
        assert!(parent.by_id);
        assert_eq!(layout.sheets[parent.sheet].name, "C.areas");
        assert_eq!(mines.fields[0].what, What::ParentKey);
    }

    #[test]
    fn inline_objects_use_dotted_keys() {
        let layout = Layout::get();
        let report = &layout.sheets[0];
        assert!(report.field("state.code").is_some());
        assert!(report.field("period.from").unwrap() < report.field("period.to").unwrap());
        assert!(report.fields[report.field("period.from").unwrap()].date);
        assert!(matches!(
            report.fields[report.field("forms.A").unwrap()].what,
            What::Sheet(_)
        ));
        let c = &layout.sheets[layout.sheet("C").unwrap()];
        assert!(c.field("totals.cha_m2").is_some());
        let areas = &layout.sheets[layout.sheet("C.areas").unwrap()];
        assert!(areas.field("location.lat").is_some());
        assert_eq!(
            areas.fields[areas.field("mines").unwrap()].what,
            What::Sheet(layout.sheet("C.areas.mines").unwrap())
        );
    }

    /// `last_reported_year` was "Last reported in" until 1.1: a workbook
    /// filled in from an older template, labels only, still reads.
    #[test]
    fn former_titles_still_name_their_field() {
        let layout = Layout::get();
        let b = &layout.sheets[layout.sheet("B").unwrap()];
        let key = b.field("last_reported_year").unwrap();
        for text in [
            "Last reported (year covered)",
            "Dernier rapport (année couverte)",
            "Last reported in",
            "Dernier rapport en",
            "Último informe en",
        ] {
            assert_eq!(b.field_by_key_or_label(text), Some(key), "{text}");
        }
    }
}
