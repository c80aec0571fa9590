//! Sheets to the canonical document: key/value sheets, table sheets and
//! the links between them, with the source map and the reader findings.

use super::cells::{convert, rows, scalar, Ambiguous, Cell, SheetCells};
use super::findings::{cell_location, msg, suggestion};
use super::labels::{self, Ui};
use super::layout::{self, Field, Layout, SheetKind, What};
use crate::diagnostics::{escape_pointer_token, Diagnostic, Severity};
use crate::model::{cell_name, Region, SourceMap, Spans};
use crate::shape::{self, Kind};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, HashMap, HashSet};

#[derive(Debug)]
pub(super) struct KvRow {
    pub(super) row: u32,
    pub(super) key: String,
    pub(super) value: Option<Cell>,
}

#[derive(Debug)]
pub(super) struct KvData {
    pub(super) name: String,
    /// Known keys: field index → row.
    pub(super) known: HashMap<usize, KvRow>,
    /// Rows whose key the layout does not know, in sheet order.
    pub(super) unknown: Vec<KvRow>,
}

#[derive(Debug, Clone, Default)]
pub(super) struct TableRow {
    pub(super) row: u32,
    /// (field index, column, cell) of the known columns.
    pub(super) cells: Vec<(usize, u32, Cell)>,
    /// (header, shown value) of every filled cell, for findings.
    pub(super) shown: Vec<(String, String)>,
}

/// Row indexes of a child table grouped by the value of its parent-key
/// column (field `pk`), in key order.
pub(super) fn group_by_parent(
    rows: &[TableRow],
    pk: Option<usize>,
) -> BTreeMap<String, Vec<usize>> {
    let mut groups: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, r) in rows.iter().enumerate() {
        let key = r
            .cells
            .iter()
            .find(|(field, _, _)| Some(*field) == pk)
            .map(|(_, _, c)| c.display().trim().to_owned())
            .unwrap_or_default();
        groups.entry(key).or_default().push(i);
    }
    groups
}

#[derive(Debug)]
pub(super) struct TableData {
    pub(super) name: String,
    pub(super) header_row: u32,
    /// Column → field index.
    pub(super) columns: HashMap<usize, u32>,
    /// Unknown headers: (column, header).
    pub(super) unknown: Vec<(u32, String)>,
    /// Data rows, in sheet order.
    pub(super) rows: Vec<TableRow>,
    /// Columns (of unknown headers) that hold values → the first kept data
    /// row holding one (`None` while only rows that were not kept do).
    pub(super) unknown_values: HashMap<u32, Option<usize>>,
    /// The item pointer each row became.
    pub(super) row_items: Vec<Option<String>>,
    /// Rows not yet attached to a parent, by parent key (nested tables).
    pub(super) groups: Option<HashMap<String, Vec<usize>>>,
    /// Pointer of the list the table fills (the first one, for nested tables).
    pub(super) array_pointer: Option<String>,
}

pub(super) struct Assembler<'l> {
    pub(super) layout: &'l Layout,
    pub(super) kv: Vec<Option<KvData>>,
    pub(super) tables: Vec<Option<TableData>>,
    pub(super) map: SourceMap,
    pub(super) findings: Vec<Diagnostic>,
    /// The language the workbook is written in (its numbers and dates are
    /// read by that language's conventions, its fields named by its labels).
    pub(super) lang: &'static str,
}

impl<'l> Assembler<'l> {
    pub(super) fn new(
        layout: &'l Layout,
        sheets: Vec<Option<SheetCells>>,
        lang: &'static str,
    ) -> Assembler<'l> {
        let mut asm = Assembler {
            layout,
            kv: (0..layout.sheets.len()).map(|_| None).collect(),
            tables: (0..layout.sheets.len()).map(|_| None).collect(),
            map: SourceMap::new(),
            findings: Vec::new(),
            lang,
        };
        asm.map.set_language(lang);
        for (idx, cells) in sheets.into_iter().enumerate() {
            let Some(cells) = cells else { continue };
            match layout.sheets[idx].kind {
                SheetKind::KeyValue => asm.kv[idx] = Some(asm.parse_kv(idx, cells)),
                SheetKind::Table => asm.tables[idx] = Some(asm.parse_table(idx, cells)),
            }
        }
        asm
    }

    pub(super) fn parse_kv(&mut self, idx: usize, cells: SheetCells) -> KvData {
        let sheet = &self.layout.sheets[idx];
        let mut data = KvData {
            name: cells.name.clone(),
            known: HashMap::new(),
            unknown: Vec::new(),
        };
        let captions: Vec<&str> = labels::LANGUAGES
            .iter()
            .flat_map(|l| [labels::ui(Ui::Key, l), labels::ui(Ui::Field, l)])
            .collect();
        for (row, row_cells) in rows(&cells.cells) {
            let text_at = |col: u32| {
                row_cells
                    .iter()
                    .find(|(c, _)| *c == col)
                    .map(|(_, v)| v.display().trim().to_owned())
                    .filter(|k| !k.is_empty())
            };
            // Column A holds the key (templates before 1.1) or the label;
            // column C the key (from 1.1 on).
            let (a, tech) = (text_at(0), text_at(2));
            let key = match (&a, &tech) {
                (Some(a), _) if sheet.field(a).is_some() => Some(a.clone()),
                (_, Some(c)) if sheet.field(c).is_some() => Some(c.clone()),
                (Some(a), _) => Some(
                    sheet
                        .field_by_key_or_label(a)
                        .map_or_else(|| a.clone(), |fi| sheet.fields[fi].key.clone()),
                ),
                (None, Some(c)) => Some(c.clone()),
                (None, None) => None,
            };
            let value = row_cells
                .iter()
                .find(|(c, _)| *c == 1)
                .map(|(_, v)| (*v).clone());
            let Some(key) = key.filter(|k| !k.is_empty()) else {
                if let Some(v) = value {
                    self.findings.push(
                        Diagnostic::keyed(
                            "input/missing-key",
                            "value-without-key",
                            Severity::Error,
                            msg("xlsx-value-without-key")
                                .arg("row", (row + 1) as usize)
                                .arg("sheet", cells.name.as_str())
                                .arg("value", v.shown()),
                            sheet_pointer(&sheet.path),
                        )
                        .with_location(Some(cell_location(
                            &cells.name,
                            row,
                            1,
                            None,
                            Vec::new(),
                        ))),
                    );
                }
                continue;
            };
            if captions.iter().any(|c| same_words(c, &key)) {
                continue;
            }
            let kv_row = KvRow { row, key, value };
            match sheet.field(&kv_row.key) {
                Some(fi) => {
                    if let Some(prev) = data.known.get(&fi) {
                        self.findings.push(duplicate_key(
                            &cells.name,
                            &kv_row.key,
                            prev.row,
                            kv_row.row,
                            0,
                            sheet_pointer(&sheet.path),
                        ));
                    }
                    data.known.insert(fi, kv_row);
                }
                None => data.unknown.push(kv_row),
            }
        }
        data
    }

    pub(super) fn parse_table(&mut self, idx: usize, cells: SheetCells) -> TableData {
        let sheet = &self.layout.sheets[idx];
        let by_row = rows(&cells.cells);
        let mut data = TableData {
            name: cells.name.clone(),
            header_row: 0,
            columns: HashMap::new(),
            unknown: Vec::new(),
            rows: Vec::new(),
            unknown_values: HashMap::new(),
            row_items: Vec::new(),
            groups: None,
            array_pointer: None,
        };
        let mut iter = by_row.iter().peekable();
        let Some((&header_row, header_cells)) = iter.next() else {
            return data;
        };
        data.header_row = header_row;
        let mut col_field: HashMap<u32, usize> = HashMap::new();
        let mut headers: HashMap<u32, String> = HashMap::new();
        // Row 1 names the columns by key (templates before 1.1) or label,
        // and the row below may give the keys (from 1.1 on): a column whose
        // caption names no field takes its key from there.
        let mut header_cells: Vec<(u32, String)> = header_cells
            .iter()
            .map(|(c, v)| (*c, v.display().trim().to_owned()))
            .collect();
        let mut second_is_header = false;
        if let Some((&row, cells2)) = iter.peek() {
            if row == header_row + 1 {
                let first: HashMap<u32, usize> = header_cells
                    .iter()
                    .filter_map(|(c, k)| sheet.field_by_key_or_label(k).map(|fi| (*c, fi)))
                    .collect();
                second_is_header = is_label_row(sheet, &first, cells2);
                if second_is_header {
                    for (c, k) in header_cells.iter_mut() {
                        if first.contains_key(c) {
                            continue;
                        }
                        if let Some((_, v)) = cells2.iter().find(|(c2, _)| c2 == c) {
                            let key = v.display().trim().to_owned();
                            if sheet.field(&key).is_some() {
                                *k = key;
                            }
                        }
                    }
                }
            }
        }
        for (col, key) in &header_cells {
            let key = key.clone();
            headers.insert(*col, key.clone());
            match sheet.field_by_key_or_label(&key) {
                Some(fi) => {
                    if let Some(prev) = data.columns.get(&fi) {
                        self.findings.push(duplicate_key(
                            &cells.name,
                            &key,
                            *prev,
                            *col,
                            1,
                            sheet_pointer(&sheet.path),
                        ));
                        continue;
                    }
                    data.columns.insert(fi, *col);
                    col_field.insert(*col, fi);
                }
                None => data.unknown.push((*col, key)),
            }
        }
        // Row 2 holds the labels or keys when most of its cells are labels
        // (in any of the workbook languages) or keys of their columns.
        if second_is_header {
            iter.next();
        }
        let parent_col = sheet
            .parent
            .as_ref()
            .and_then(|p| sheet.field(&p.column))
            .and_then(|fi| data.columns.get(&fi).copied());
        let mut fill_down: HashMap<u32, Cell> = HashMap::new();
        if let Some(pc) = parent_col {
            // A parent key merged over several rows applies to each of them.
            for ((r0, c0), (r1, c1)) in &cells.merges {
                if *c0 <= pc && pc <= *c1 && r1 > r0 {
                    if let Some(v) = by_row
                        .get(r0)
                        .and_then(|cs| cs.iter().find(|(c, _)| *c == pc))
                        .map(|(_, v)| (*v).clone())
                    {
                        for (r, _) in by_row.range(r0 + 1..=*r1) {
                            fill_down.insert(*r, v.clone());
                        }
                    }
                }
            }
        }
        let mut headless: HashSet<u32> = HashSet::new();
        for (&row, row_cells) in iter {
            let mut unknown_here = Vec::new();
            let mut tr = TableRow {
                row,
                cells: Vec::new(),
                shown: Vec::new(),
            };
            let mut row_cells: Vec<(u32, Cell)> =
                row_cells.iter().map(|(c, v)| (*c, (*v).clone())).collect();
            if let (Some(pc), Some(v)) = (parent_col, fill_down.get(&row)) {
                if !row_cells.iter().any(|(c, _)| *c == pc) {
                    row_cells.push((pc, v.clone()));
                    row_cells.sort_by_key(|(c, _)| *c);
                }
            }
            for (col, cell) in row_cells {
                match (col_field.get(&col), headers.get(&col)) {
                    (Some(&fi), Some(h)) => {
                        tr.shown.push((h.clone(), cell.shown()));
                        tr.cells.push((fi, col, cell));
                    }
                    (None, Some(h)) => {
                        tr.shown.push((h.clone(), cell.shown()));
                        unknown_here.push(col);
                    }
                    (_, None) => {
                        if headless.insert(col) {
                            self.findings.push(
                                Diagnostic::keyed(
                                    "input/missing-key",
                                    "value-without-key",
                                    Severity::Error,
                                    msg("xlsx-column-without-key")
                                        .arg("column", column_letters(col))
                                        .arg("sheet", cells.name.as_str())
                                        .arg("value", cell.shown())
                                        .arg("cell", cell_name(row, col))
                                        .arg("header", cell_name(header_row, col)),
                                    sheet_pointer(&sheet.path),
                                )
                                .with_location(Some(
                                    cell_location(&cells.name, row, col, None, Vec::new()),
                                )),
                            );
                        }
                    }
                }
            }
            // Only a kept row (one with a known field) becomes an item.
            let kept = (!tr.cells.is_empty()).then_some(data.rows.len());
            for col in unknown_here {
                let first = data.unknown_values.entry(col).or_insert(kept);
                if first.is_none() {
                    *first = kept;
                }
            }
            if kept.is_some() {
                data.rows.push(tr);
            }
        }
        data.row_items = vec![None; data.rows.len()];
        data
    }

    // ------------------------------------------------------------ building

    pub(super) fn build(&mut self) -> Value {
        let mut root = Map::new();
        self.fill_kv(0, "", &mut root);
        if let Some(name) = self.kv[0].as_ref().map(|d| d.name.clone()) {
            let r = region(&name, 0, 0, None);
            self.map.insert(
                String::new(),
                Spans {
                    key: None,
                    value: r,
                },
            );
        }
        self.orphans();
        self.unknown_columns();
        Value::Object(root)
    }

    /// Fills `obj` (the object at `base`) from key/value sheet `idx`.
    /// Returns whether the sheet has rows for it: a value on the sheet, or
    /// rows on one of its child sheets (keys without values, and objects
    /// created empty because the schema requires them, do not count).
    pub(super) fn fill_kv(&mut self, idx: usize, base: &str, obj: &mut Map<String, Value>) -> bool {
        let layout = self.layout;
        let sheet = &layout.sheets[idx];
        let name = self.kv[idx].as_ref().map(|d| d.name.clone());
        let mut has_rows = self.kv[idx].as_ref().is_some_and(|d| {
            d.known
                .values()
                .chain(&d.unknown)
                .any(|r| r.value.is_some())
        });
        let mut markers: Vec<(usize, Option<Cell>)> = Vec::new();
        for (fi, field) in sheet.fields.iter().enumerate() {
            let ptr = join(base, &field.rel);
            let row = self.kv[idx]
                .as_ref()
                .and_then(|d| d.known.get(&fi))
                .map(|r| (r.row, r.value.clone()));
            let (key_region, value_region) = match (&name, &row) {
                (Some(n), Some((r, v))) => (
                    Some(region(n, *r, 0, Some(&self.shown(field)))),
                    Some(self.kv_value_region(n, *r, &self.shown(field), v.as_ref())),
                ),
                _ => (None, None),
            };
            if let (Some(k), Some(v)) = (&key_region, &value_region) {
                self.note_ancestors(base, &field.rel, k);
                if !matches!(field.what, What::Sheet(_)) {
                    self.map.insert(
                        ptr.clone(),
                        Spans {
                            key: Some(k.clone()),
                            value: v.clone(),
                        },
                    );
                }
            }
            let row_number = row.as_ref().map(|(r, _)| *r);
            let cell = row.and_then(|(_, v)| v);
            match &field.what {
                What::Scalar(_) | What::List(_) | What::Json => {
                    if let Some(cell) = &cell {
                        let (v, note) = convert(cell, field, self.lang);
                        if let (Some(note), Some(n), Some(r)) = (note, &name, row_number) {
                            self.ambiguous(note, n, r, 1, field, &ptr);
                        }
                        insert_at(obj, &field.rel, v);
                    }
                }
                What::Object => markers.push((fi, cell)),
                What::Sheet(child) => {
                    let child = *child;
                    let (present, child_rows) =
                        self.child_sheet(child, &ptr, key_region, cell.as_ref());
                    has_rows |= child_rows;
                    if let Some(v) = present {
                        insert_at(obj, &field.rel, v);
                    }
                }
                What::ParentKey => {}
            }
        }
        if apply_markers(&sheet.fields, &markers, obj) {
            reorder(obj, &sheet.object_path());
        }
        // Unknown keys go into the document, so the schema names them (with
        // a suggestion) at their key cell, as it does for JSON.
        let unknown: Vec<(u32, String, Option<Cell>)> = self.kv[idx]
            .as_ref()
            .map(|d| {
                d.unknown
                    .iter()
                    .map(|r| (r.row, r.key.clone(), r.value.clone()))
                    .collect()
            })
            .unwrap_or_default();
        for (row, key, value) in unknown {
            let Some(cell) = value else { continue };
            let rel = unknown_rel(sheet, &key);
            if get_at(obj, &rel).is_some() {
                continue;
            }
            if insert_at(obj, &rel, scalar(&cell, Kind::Any)) {
                let n = name.clone().unwrap_or_default();
                let spans = Spans {
                    key: Some(region(&n, row, 0, Some(&key))),
                    value: self.kv_value_region(&n, row, &key, Some(&cell)),
                };
                self.map.insert(join(base, &rel), spans);
            }
        }
        has_rows
    }

    /// The name people see for a field: its label in the workbook's
    /// language (`Période couverte › Au`).
    pub(super) fn shown(&self, field: &Field) -> String {
        layout::label(field, self.lang)
    }

    /// Reports a number typed as text that reads two ways, at its cell.
    pub(super) fn ambiguous(
        &mut self,
        note: Ambiguous,
        sheet: &str,
        row: u32,
        col: u32,
        field: &Field,
        pointer: &str,
    ) {
        let shown = |v: &Value| match v {
            Value::Number(n) => n.to_string(),
            other => other.to_string(),
        };
        let label = format!("{} ({sheet}!{})", self.shown(field), cell_name(row, col));
        let lang_name = match self.lang {
            "fr" => "xlsx-lang-fr",
            "es" => "xlsx-lang-es",
            _ => "xlsx-lang-en",
        };
        self.findings.push(
            Diagnostic::builtin(
                crate::diagnostics::Code::AmbiguousNumber,
                msg("xlsx-ambiguous-number")
                    .arg("text", note.text.as_str())
                    .arg("label", label)
                    .arg("read", shown(&note.read))
                    .arg("other", shown(&note.other))
                    .arg("plain", shown(&note.read))
                    .arg("lang", msg(lang_name)),
                pointer.to_owned(),
            )
            .with_location(Some(cell_location(
                sheet,
                row,
                col,
                Some(self.shown(field)),
                Vec::new(),
            ))),
        );
    }

    pub(super) fn kv_value_region(
        &self,
        sheet: &str,
        row: u32,
        key: &str,
        cell: Option<&Cell>,
    ) -> Region {
        Region::Cell {
            sheet: sheet.to_owned(),
            row,
            col: 1,
            header: Some(key.to_owned()),
            row_values: vec![(key.to_owned(), cell.map(Cell::shown).unwrap_or_default())],
        }
    }

    /// Records the region of the inline objects above a field (the first
    /// row or cell that belongs to them).
    pub(super) fn note_ancestors(&mut self, base: &str, rel: &[String], region: &Region) {
        for n in 1..rel.len() {
            let p = join(base, &rel[..n]);
            if self.map.get(&p).is_none() {
                // The object is named by the first parts of the field's
                // label (`Période couverte`, not `Période couverte › Du`).
                let mut region = region.clone();
                if let Region::Cell {
                    header: Some(h), ..
                } = &mut region
                {
                    let parts: Vec<&str> = h.split(" › ").collect();
                    if parts.len() == rel.len() {
                        *h = parts[..n].join(" › ");
                    }
                }
                self.map.insert(
                    p,
                    Spans {
                        key: Some(region.clone()),
                        value: region,
                    },
                );
            }
        }
    }

    /// A value typed into a link cell (row or column naming a member held
    /// on sheet `target`) while that sheet has rows for it: the rows are
    /// read and the cell is not, which the person who typed it should know.
    pub(super) fn link_ignored(
        &mut self,
        at: (&str, u32, u32),
        cell: &Cell,
        target: &str,
        pointer: &str,
    ) {
        let (sheet, row, col) = at;
        if cell.display().trim().is_empty() {
            return;
        }
        self.findings.push(
            Diagnostic::keyed(
                "input/link-ignored",
                "link-ignored",
                Severity::Warning,
                msg("xlsx-link-ignored")
                    .arg("cell", cell_name(row, col))
                    .arg("sheet", sheet)
                    .arg("value", cell.shown())
                    .arg("target", target),
                pointer.to_owned(),
            )
            .with_location(Some(cell_location(sheet, row, col, None, Vec::new()))),
        );
    }

    /// The value of a member held on sheet `child` (key/value or table),
    /// when it is present, and whether that sheet has rows for it.
    pub(super) fn child_sheet(
        &mut self,
        child: usize,
        ptr: &str,
        key_region: Option<Region>,
        link: Option<&Cell>,
    ) -> (Option<Value>, bool) {
        let layout = self.layout;
        let sheet = &layout.sheets[child];
        // `rows`: what the sheet itself holds for the member; `fallback`:
        // what it amounts to when neither the sheet nor the link cell says
        // anything (a required object on a sheet that is in the workbook).
        let (rows, fallback, sheet_name) = match sheet.kind {
            SheetKind::KeyValue => {
                let mut obj = Map::new();
                let has_rows = self.fill_kv(child, ptr, &mut obj);
                let name = self.kv[child].as_ref().map(|d| d.name.clone());
                let fallback = !obj.is_empty() || (sheet.required && name.is_some());
                let obj = Value::Object(obj);
                if has_rows {
                    (Some(obj), None, name)
                } else {
                    (None, fallback.then_some(obj), name)
                }
            }
            SheetKind::Table => {
                let items = self.table_items(child, ptr, None);
                let name = self.tables[child].as_ref().map(|d| d.name.clone());
                (
                    (!items.is_empty()).then_some(Value::Array(items)),
                    None,
                    name,
                )
            }
        };
        let marker = if sheet.kind == SheetKind::KeyValue {
            "{}"
        } else {
            "[]"
        };
        let has_rows = rows.is_some();
        if let (true, Some(c), Some(Region::Cell { sheet, row, .. }), Some(target)) =
            (has_rows, link, &key_region, &sheet_name)
        {
            self.link_ignored((sheet, *row, 1), c, target, ptr);
        }
        // The sheet's rows win over the link cell, which wins over an
        // object the schema requires (created empty).
        let (value, from_sheet) = match (rows, link) {
            (Some(v), _) => (Some(v), true),
            (None, Some(c)) if c.is_marker(marker) => (
                Some(if marker == "{}" {
                    Value::Object(Map::new())
                } else {
                    Value::Array(Vec::new())
                }),
                false,
            ),
            (None, Some(c)) => (Some(scalar(c, Kind::Any)), false),
            (None, None) => (fallback, true),
        };
        if value.is_none() {
            return (None, false);
        }
        let link_region = match (&key_region, link) {
            (
                Some(Region::Cell {
                    sheet, row, header, ..
                }),
                Some(c),
            ) => Some(self.kv_value_region(
                sheet,
                *row,
                header.as_deref().unwrap_or_default(),
                Some(c),
            )),
            _ => None,
        };
        let sheet_region = sheet_name.as_ref().map(|n| region(n, 0, 0, None));
        let value_region = if from_sheet {
            sheet_region.or(link_region).or_else(|| key_region.clone())
        } else {
            link_region.or(sheet_region)
        };
        if let Some(v) = value_region {
            self.map.insert(
                ptr.to_owned(),
                Spans {
                    key: key_region,
                    value: v,
                },
            );
        }
        (value, has_rows)
    }

    /// The items of table `idx` that belong to the list at `array`: all its
    /// rows, or (nested tables) the rows naming `parent` as their parent.
    pub(super) fn table_items(
        &mut self,
        idx: usize,
        array: &str,
        parent: Option<&str>,
    ) -> Vec<Value> {
        let layout = self.layout;
        let sheet = &layout.sheets[idx];
        let Some(data) = self.tables[idx].as_mut() else {
            return Vec::new();
        };
        if data.array_pointer.is_none() {
            data.array_pointer = Some(array.to_owned());
        }
        let picked: Vec<usize> = match parent {
            None => (0..data.rows.len()).collect(),
            Some(key) => {
                if data.groups.is_none() {
                    let pk = sheet.field(
                        &sheet
                            .parent
                            .as_ref()
                            .map(|p| p.column.clone())
                            .unwrap_or_default(),
                    );
                    data.groups = Some(group_by_parent(&data.rows, pk).into_iter().collect());
                }
                data.groups
                    .as_mut()
                    .and_then(|g| g.remove(key))
                    .unwrap_or_default()
            }
        };
        let name = data.name.clone();
        let mut items = Vec::with_capacity(picked.len());
        for (n, ri) in picked.into_iter().enumerate() {
            let item_ptr = format!("{array}/{n}");
            // Each row belongs to one item: take it rather than copy it.
            let row = {
                let data = self.tables[idx].as_mut().expect("present");
                data.row_items[ri] = Some(item_ptr.clone());
                std::mem::take(&mut data.rows[ri])
            };
            let first_col = row.cells.first().map_or(0, |(_, c, _)| *c);
            self.map.insert(
                item_ptr.clone(),
                Spans {
                    key: None,
                    value: Region::Cell {
                        sheet: name.clone(),
                        row: row.row,
                        col: first_col,
                        header: None,
                        row_values: row.shown.clone(),
                    },
                },
            );
            let mut item = Map::new();
            self.fill_row(idx, &name, &row, ri, &item_ptr, &mut item);
            items.push(Value::Object(item));
        }
        items
    }

    pub(super) fn fill_row(
        &mut self,
        idx: usize,
        name: &str,
        row: &TableRow,
        row_index: usize,
        base: &str,
        item: &mut Map<String, Value>,
    ) {
        let layout = self.layout;
        let sheet = &layout.sheets[idx];
        let header_row = self.tables[idx].as_ref().map_or(0, |d| d.header_row);
        let mut markers: Vec<(usize, Option<Cell>)> = Vec::new();
        for (fi, field) in sheet.fields.iter().enumerate() {
            let found = row.cells.iter().find(|(f, _, _)| *f == fi);
            let col = self.tables[idx]
                .as_ref()
                .and_then(|d| d.columns.get(&fi).copied());
            let shown = self.shown(field);
            let key_region = || col.map(|c| region(name, header_row, c, Some(&shown)));
            // One region per filled cell, carrying the row's values.
            let value_region = found.map(|(_, c, _)| Region::Cell {
                sheet: name.to_owned(),
                row: row.row,
                col: *c,
                header: Some(shown.clone()),
                row_values: row.shown.clone(),
            });
            if let Some(v) = &value_region {
                self.note_ancestors(base, &field.rel, v);
            }
            let cell = found.map(|(_, _, c)| c);
            match &field.what {
                What::Scalar(_) | What::List(_) | What::Json => {
                    if let (Some(cell), Some(region)) = (cell, value_region) {
                        // List items and JSON members find this cell as
                        // their nearest ancestor.
                        let spans = Spans {
                            key: key_region(),
                            value: region,
                        };
                        self.map.insert(join(base, &field.rel), spans);
                        let (v, note) = convert(cell, field, self.lang);
                        if let Some(note) = note {
                            let at = found.map_or(0, |(_, c, _)| *c);
                            let ptr = join(base, &field.rel);
                            self.ambiguous(note, name, row.row, at, field, &ptr);
                        }
                        insert_at(item, &field.rel, v);
                    }
                }
                What::Object => markers.push((fi, cell.cloned())),
                What::Sheet(child) => {
                    let child = *child;
                    let ptr = join(base, &field.rel);
                    let by_id = layout.sheets[child].parent.as_ref().is_none_or(|p| p.by_id);
                    let key = if by_id {
                        sheet
                            .field("id")
                            .and_then(|id| row.cells.iter().find(|(f, _, _)| *f == id))
                            .map(|(_, _, c)| c.display().trim().to_owned())
                    } else {
                        Some((row_index + 1).to_string())
                    };
                    let items = match key {
                        Some(k) => self.table_items(child, &ptr, Some(&k)),
                        None => Vec::new(),
                    };
                    if let (
                        false,
                        Some(c),
                        Some(Region::Cell {
                            sheet, row, col, ..
                        }),
                    ) = (items.is_empty(), cell, &value_region)
                    {
                        let target = self.tables[child]
                            .as_ref()
                            .map_or_else(String::new, |d| d.name.clone());
                        self.link_ignored((sheet, *row, *col), c, &target, &ptr);
                    }
                    let value = if !items.is_empty() {
                        Some(Value::Array(items))
                    } else {
                        match cell {
                            Some(c) if c.is_marker("[]") => Some(Value::Array(Vec::new())),
                            Some(c) => Some(scalar(c, Kind::Any)),
                            None => None,
                        }
                    };
                    if let Some(v) = value {
                        let region = value_region.or_else(|| {
                            self.tables[child]
                                .as_ref()
                                .map(|d| region(&d.name, 0, 0, None))
                        });
                        if let Some(r) = region {
                            let spans = Spans {
                                key: key_region(),
                                value: r,
                            };
                            self.map.insert(ptr, spans);
                        }
                        insert_at(item, &field.rel, v);
                    }
                }
                What::ParentKey => {}
            }
        }
        if apply_markers(&sheet.fields, &markers, item) {
            reorder(item, &sheet.object_path());
        }
    }

    /// Child rows whose parent key matches no parent row: one finding per
    /// distinct key.
    pub(super) fn orphans(&mut self) {
        let layout = self.layout;
        for (idx, sheet) in layout.sheets.iter().enumerate() {
            let Some(parent) = &sheet.parent else {
                continue;
            };
            let Some(data) = self.tables[idx].as_ref() else {
                continue;
            };
            let parent_name = layout.sheets[parent.sheet].name.clone();
            let parent_ptr = self.tables[parent.sheet]
                .as_ref()
                .and_then(|d| d.array_pointer.clone())
                .unwrap_or_default();
            let pk = sheet.field(&parent.column);
            let mut lost: Vec<(String, Vec<usize>)> = match &data.groups {
                Some(g) => g
                    .iter()
                    .filter(|(_, v)| !v.is_empty())
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect(),
                None => {
                    // No parent row asked for its children: group them here.
                    group_by_parent(&data.rows, pk).into_iter().collect()
                }
            };
            lost.sort_by_key(|(_, rows)| rows.first().copied());
            for (key, row_idx) in lost {
                let Some(&first) = row_idx.first() else {
                    continue;
                };
                let r = &data.rows[first];
                let (col, header) = match r.cells.iter().find(|(f, _, _)| Some(*f) == pk) {
                    Some((_, c, _)) => (*c, Some(parent.column.clone())),
                    None => (r.cells.first().map_or(0, |(_, c, _)| *c), None),
                };
                let last = data.rows[*row_idx.last().unwrap_or(&first)].row;
                let by = if parent.by_id { "id" } else { "position" };
                let id = if key.is_empty() {
                    "xlsx-rows-without-parent"
                } else {
                    "xlsx-unknown-parent"
                };
                self.findings.push(
                    Diagnostic::keyed(
                        "input/unknown-parent",
                        "row-without-parent",
                        Severity::Error,
                        msg(id)
                            .arg("rows", row_idx.len())
                            .arg("first", (r.row + 1) as usize)
                            .arg("last", (last + 1) as usize)
                            .arg("sheet", data.name.as_str())
                            .arg("key", key.as_str())
                            .arg("column", parent.column.as_str())
                            .arg("parent", parent_name.as_str())
                            .arg("by", by),
                        parent_ptr.clone(),
                    )
                    .with_location(Some(cell_location(
                        &data.name,
                        r.row,
                        col,
                        header,
                        r.shown.clone(),
                    ))),
                );
            }
        }
    }

    /// One finding per unknown column header; its values are not read.
    pub(super) fn unknown_columns(&mut self) {
        let layout = self.layout;
        for (idx, sheet) in layout.sheets.iter().enumerate() {
            let Some(data) = self.tables[idx].as_ref() else {
                continue;
            };
            let allowed: Vec<String> = sheet.fields.iter().map(|f| f.key.clone()).collect();
            for (col, header) in &data.unknown {
                let first = data.unknown_values.get(col).copied();
                let pointer = match first.flatten().and_then(|r| data.row_items[r].clone()) {
                    Some(item) => format!("{item}/{}", escape_pointer_token(header)),
                    None => data.array_pointer.clone().unwrap_or_default(),
                };
                let hint = suggestion(crate::diagnostics::closest_name(header, &allowed));
                self.findings.push(
                    Diagnostic::keyed(
                        "input/unknown-column",
                        "unknown-column",
                        Severity::Error,
                        msg("xlsx-unknown-column")
                            .arg("header", header.as_str())
                            .arg("sheet", data.name.as_str())
                            .arg("empty", if first.is_some() { "no" } else { "yes" })
                            .arg("suggestion", hint)
                            .arg("cell", cell_name(data.header_row, *col))
                            .arg("keys", allowed.join(", ")),
                        pointer,
                    )
                    .with_location(Some(cell_location(
                        &data.name,
                        data.header_row,
                        *col,
                        Some(header.clone()),
                        Vec::new(),
                    ))),
                );
            }
        }
    }
}

/// Inline objects: `{}` makes an empty one present, other text is kept
/// (the schema then says it is not an object), and an object the schema
/// requires is created empty so that findings name its missing members.
/// Returns whether anything was added (at the end of its object).
pub(super) fn apply_markers(
    fields: &[Field],
    markers: &[(usize, Option<Cell>)],
    obj: &mut Map<String, Value>,
) -> bool {
    let mut added = false;
    for (fi, cell) in markers {
        let field = &fields[*fi];
        if get_at(obj, &field.rel).is_some() {
            continue;
        }
        let parent_present = field.rel.len() == 1
            || matches!(
                get_at(obj, &field.rel[..field.rel.len() - 1]),
                Some(Value::Object(_))
            );
        let value = match cell {
            Some(c) if c.is_marker("{}") => Value::Object(Map::new()),
            Some(c) => scalar(c, Kind::Any),
            None if field.required && parent_present => Value::Object(Map::new()),
            None => continue,
        };
        added |= insert_at(obj, &field.rel, value);
    }
    added
}

pub(super) fn region(sheet: &str, row: u32, col: u32, header: Option<&str>) -> Region {
    Region::Cell {
        sheet: sheet.to_owned(),
        row,
        col,
        header: header.map(str::to_owned),
        row_values: Vec::new(),
    }
}

/// Whether a cell spells a label (or caption) ignoring case, in any script:
/// labels carry accents (`Quantité`, `Año`), and people type them in
/// capitals (`QUANTITÉ`), which ASCII case folding would not match.
/// `to_lowercase` on both sides is enough for the workbook languages (it
/// differs from full case folding only for the likes of `ß`/`SS`).
pub(super) fn same_words(label: &str, text: &str) -> bool {
    label == text || label.to_lowercase() == text.to_lowercase()
}

pub(super) fn is_label_row(
    sheet: &layout::Sheet,
    col_field: &HashMap<u32, usize>,
    cells: &[(u32, &Cell)],
) -> bool {
    let mut filled = 0;
    let mut labels_found = 0;
    for (col, cell) in cells {
        let Some(&fi) = col_field.get(col) else {
            continue;
        };
        filled += 1;
        let text = cell.display();
        let text = text.trim();
        let field = &sheet.fields[fi];
        if field.key == text
            || layout::label_variants(sheet, field)
                .iter()
                .any(|l| same_words(l, text))
        {
            labels_found += 1;
        }
    }
    filled > 0 && labels_found * 2 > filled
}

pub(super) fn duplicate_key(
    sheet: &str,
    key: &str,
    first: u32,
    second: u32,
    axis: u8,
    pointer: String,
) -> Diagnostic {
    let (id, a, b, loc) = if axis == 0 {
        (
            "xlsx-duplicate-row",
            format!("A{}", first + 1),
            format!("A{}", second + 1),
            (second, 0),
        )
    } else {
        (
            "xlsx-duplicate-column",
            column_letters(first),
            column_letters(second),
            (0, second),
        )
    };
    Diagnostic::keyed(
        "input/duplicate-key",
        "duplicate-key",
        Severity::Error,
        msg(id)
            .arg("key", key)
            .arg("sheet", sheet)
            .arg("first", a)
            .arg("second", b),
        pointer,
    )
    .with_location(Some(cell_location(
        sheet,
        loc.0,
        loc.1,
        Some(key.to_owned()),
        Vec::new(),
    )))
}

pub(super) fn column_letters(col: u32) -> String {
    let name = cell_name(0, col);
    name.trim_end_matches(|c: char| c.is_ascii_digit())
        .to_owned()
}

/// The pointer of a key/value sheet's object or a table's list (items as
/// `0`; used only to point findings somewhere sensible).
pub(super) fn sheet_pointer(path: &[layout::Seg]) -> String {
    let mut out = String::new();
    for s in path {
        match s {
            layout::Seg::Key(k) => {
                out.push('/');
                out.push_str(&escape_pointer_token(k));
            }
            layout::Seg::Item => out.push_str("/0"),
        }
    }
    out
}

/// Where an unknown key of a key/value sheet goes: under the longest dotted
/// prefix that is an inline object of the sheet (`totals.aeras` →
/// `totals/aeras`), else on the sheet's object as written.
pub(super) fn unknown_rel(sheet: &layout::Sheet, key: &str) -> Vec<String> {
    let parts: Vec<&str> = key.split('.').collect();
    for n in (1..parts.len()).rev() {
        let prefix = parts[..n].join(".");
        if let Some(fi) = sheet.field(&prefix) {
            if sheet.fields[fi].what == What::Object {
                let mut rel = sheet.fields[fi].rel.clone();
                rel.push(parts[n..].join("."));
                return rel;
            }
        }
    }
    vec![key.to_owned()]
}

pub(super) fn join(base: &str, rel: &[String]) -> String {
    let mut out = base.to_owned();
    for r in rel {
        out.push('/');
        out.push_str(&escape_pointer_token(r));
    }
    out
}

/// Sets `rel` in `obj`, creating inline objects on the way; false when
/// something that is not an object is in the way.
pub(super) fn insert_at(obj: &mut Map<String, Value>, rel: &[String], value: Value) -> bool {
    let Some((last, parents)) = rel.split_last() else {
        return false;
    };
    let mut cur = obj;
    for p in parents {
        let entry = cur
            .entry(p.clone())
            .or_insert_with(|| Value::Object(Map::new()));
        match entry {
            Value::Object(m) => cur = m,
            _ => return false,
        }
    }
    cur.insert(last.clone(), value);
    true
}

pub(super) fn get_at<'a>(obj: &'a Map<String, Value>, rel: &[String]) -> Option<&'a Value> {
    let (first, rest) = rel.split_first()?;
    let mut cur = obj.get(first)?;
    for r in rest {
        cur = cur.as_object()?.get(r)?;
    }
    Some(cur)
}

/// Puts an object's keys (and its inline objects' keys) in schema order,
/// unknown keys after, so that the document reads, and findings sort, as the
/// report model lists them.
pub(super) fn reorder(map: &mut Map<String, Value>, path: &[layout::Seg]) {
    if path.last() == Some(&layout::Seg::Key("extensions".to_owned())) {
        return;
    }
    let order = shape::keys_at(&layout::steps(path));
    let mut old = std::mem::take(map);
    for k in &order {
        if let Some(v) = old.shift_remove(k) {
            map.insert(k.clone(), v);
        }
    }
    for (k, v) in old {
        map.insert(k, v);
    }
    for (k, v) in map.iter_mut() {
        if let Value::Object(m) = v {
            let mut p = path.to_vec();
            p.push(layout::Seg::Key(k.clone()));
            reorder(m, &p);
        }
    }
}
