//! The tables the ISU and Landmine Monitor publish from a folder of
//! reports: reporting, Article 9 status, stockpiles, retained mines, mined
//! areas and land release, casualties, cooperation.
//!
//! Rules of the computation (docs/summary.md):
//!
//! - per State and year the **newest annual report** counts (latest
//!   `submitted_on`, then the later file name); the others are listed as
//!   superseded, never added;
//! - every figure is a [`Cell`] that names the files it came from;
//! - a report with an error finding (schema or rule) on a field a row
//!   needs is left out of that table and named in its `excluded` list,
//!   with the fields and the findings; it is never summed;
//! - a form marked `unchanged` gives the figures of the State's newest
//!   earlier report that provides it, for stock figures (what remains,
//!   what is retained, the Article 9 status, deadlines); figures of the
//!   period (destroyed, used, released, casualties, money) are not carried
//!   over, and the row is excluded with that reason.
//!
//! The module computes; [`render`] writes the tables as text, CSV, XLSX and
//! HTML.

pub mod labels;
pub mod load;
pub mod render;

pub use load::{load, ReportInput, Unreadable};

use crate::states::StatesParties;
use serde::Serialize;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// A figure or a text, with the files it came from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cell {
    /// The value: a number, a text, or `null` when there is none.
    pub value: CellValue,
    /// The files the value came from (sorted, unique).
    pub files: Vec<String>,
}

/// What a cell holds.
#[derive(Debug, Clone, PartialEq)]
pub enum CellValue {
    /// A number (counts and areas; written as an integer when it is one).
    Number(f64),
    /// A text (a status, a date, a list of States).
    Text(String),
    /// Nothing.
    Empty,
}

impl Serialize for CellValue {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            CellValue::Number(n) => number_value(*n).serialize(s),
            CellValue::Text(t) => s.serialize_str(t),
            CellValue::Empty => s.serialize_none(),
        }
    }
}

/// A number as JSON: an integer when it is one (counts stay `3974`, not
/// `3974.0`).
pub fn number_value(n: f64) -> Value {
    if n.fract() == 0.0 && n.abs() < 9.0e15 {
        Value::from(n as i64)
    } else {
        serde_json::Number::from_f64(n).map_or(Value::Null, Value::Number)
    }
}

impl Cell {
    /// A number from some files.
    pub fn number<'a>(n: f64, files: impl IntoIterator<Item = &'a str>) -> Cell {
        Cell {
            value: CellValue::Number(n),
            files: sorted(files),
        }
    }

    /// A text from some files.
    pub fn text<'a>(t: impl Into<String>, files: impl IntoIterator<Item = &'a str>) -> Cell {
        Cell {
            value: CellValue::Text(t.into()),
            files: sorted(files),
        }
    }

    /// An empty cell.
    pub fn empty() -> Cell {
        Cell {
            value: CellValue::Empty,
            files: Vec::new(),
        }
    }

    /// The number, if the cell holds one.
    pub fn as_f64(&self) -> Option<f64> {
        match self.value {
            CellValue::Number(n) => Some(n),
            _ => None,
        }
    }
}

fn sorted<'a>(files: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    files
        .into_iter()
        .map(str::to_owned)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect()
}

/// One row of a table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    /// What the row is about, unique in the table: a State code (`KHM`), a
    /// year (`2019`), a group (`legislation_adopted`), or several joined by
    /// a space (`2019 KHM`).
    pub key: String,
    /// The cells by column id.
    pub cells: BTreeMap<String, Cell>,
}

impl Row {
    fn new(key: impl Into<String>) -> Row {
        Row {
            key: key.into(),
            cells: BTreeMap::new(),
        }
    }

    fn set(&mut self, column: &str, cell: Cell) -> &mut Row {
        self.cells.insert(column.to_owned(), cell);
        self
    }

    /// The cell of `column`.
    pub fn get(&self, column: &str) -> Option<&Cell> {
        self.cells.get(column)
    }
}

/// A report left out of a table, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Excluded {
    /// The file.
    pub file: String,
    /// Its State.
    pub state: String,
    /// The year it covers.
    pub year: i64,
    /// The fields the table needed that are invalid or missing.
    pub fields: Vec<String>,
    /// Why, in plain language (the findings on those fields, or "not
    /// given").
    pub reason: String,
}

/// One table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Table {
    /// Stable id (`retained`).
    pub id: String,
    /// The column ids, in display order.
    pub columns: Vec<String>,
    /// The rows, sorted by key.
    pub rows: Vec<Row>,
    /// Totals over the rows, where they make sense.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total: Option<Row>,
    /// Reports left out of this table.
    pub excluded: Vec<Excluded>,
}

impl Table {
    fn new(id: &str, columns: &[&str]) -> Table {
        Table {
            id: id.to_owned(),
            columns: columns.iter().map(|c| (*c).to_owned()).collect(),
            rows: Vec::new(),
            total: None,
            excluded: Vec::new(),
        }
    }

    /// The row with `key`.
    pub fn row(&self, key: &str) -> Option<&Row> {
        self.rows.iter().find(|r| r.key == key)
    }

    /// Sums the numeric `columns` over the rows into the total row.
    fn add_total(&mut self, columns: &[&str]) {
        let mut total = Row::new("total");
        for c in columns {
            let mut sum = 0.0;
            let mut files = BTreeSet::new();
            for r in &self.rows {
                if let Some(cell) = r.get(c) {
                    if let Some(n) = cell.as_f64() {
                        sum += n;
                        files.extend(cell.files.iter().map(String::as_str));
                    }
                }
            }
            total.set(c, Cell::number(sum, files));
        }
        self.total = Some(total);
    }
}

/// A file that was read but does not count, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Unused {
    /// The file.
    pub file: String,
    /// Why it does not count (superseded by a newer report, no State or
    /// period, not a State Party).
    pub reason: String,
}

/// Where the figures came from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sources {
    /// Files read.
    pub read: usize,
    /// The reports the tables use: the newest annual report per State and
    /// year, and initial reports.
    pub used: Vec<String>,
    /// Files read but not used, and why.
    pub unused: Vec<Unused>,
    /// Files that could not be read as a report.
    pub unreadable: Vec<Unreadable>,
}

/// Everything `article7 summary` computes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    /// Version of this output's shape.
    pub summary_version: &'static str,
    /// The year the tables are for (a calendar year covered by the reports).
    pub year: i64,
    /// The date of the list of States Parties used.
    pub states_parties_as_of: String,
    /// The files.
    pub sources: Sources,
    /// The tables, in display order.
    pub tables: Vec<Table>,
}

impl Summary {
    /// The table with `id`.
    pub fn table(&self, id: &str) -> Option<&Table> {
        self.tables.iter().find(|t| t.id == id)
    }
}

/// Options of a summary.
#[derive(Debug, Clone, Default)]
pub struct SummaryOptions {
    /// The year; default the newest year an annual report covers.
    pub year: Option<i64>,
}

/// A report that counts: its file, State, year, kind and value, and the
/// pointers error findings point at.
#[derive(Debug, Clone)]
struct Report<'a> {
    file: &'a str,
    state: String,
    year: i64,
    annual: bool,
    submitted_on: String,
    value: &'a Value,
    errors: &'a [(String, String)],
}

impl Report<'_> {
    /// The findings on `pointer`: at it, inside it, or on an ancestor below
    /// the form level (an error on `/forms/D` as a whole concerns every
    /// field of Form D; one at the root concerns no field in particular).
    fn errors_on(&self, pointer: &str) -> Vec<&str> {
        self.errors
            .iter()
            .filter(|(p, _)| {
                p == pointer
                    || p.strip_prefix(pointer).is_some_and(|r| r.starts_with('/'))
                    || (p.matches('/').count() >= 2
                        && pointer
                            .strip_prefix(p.as_str())
                            .is_some_and(|r| r.starts_with('/')))
            })
            .map(|(_, m)| m.as_str())
            .collect()
    }

    fn cover(&self, form: &str) -> Option<&str> {
        self.value
            .pointer(&format!("/forms/{form}/cover"))
            .and_then(Value::as_str)
    }
}

/// Reads fields of one report for one row, collecting what is wrong.
struct Fields<'r, 'a> {
    report: &'r Report<'a>,
    problems: Vec<(String, String)>,
}

impl<'r, 'a> Fields<'r, 'a> {
    fn new(report: &'r Report<'a>) -> Self {
        Fields {
            report,
            problems: Vec::new(),
        }
    }

    fn check(&mut self, pointer: &str) -> bool {
        let errors = self.report.errors_on(pointer);
        if errors.is_empty() {
            true
        } else {
            self.problems.push((pointer.to_owned(), errors.join("; ")));
            false
        }
    }

    /// A required number.
    fn number(&mut self, pointer: &str) -> Option<f64> {
        if !self.check(pointer) {
            return None;
        }
        match self.report.value.pointer(pointer).and_then(Value::as_f64) {
            Some(n) => Some(n),
            None => {
                self.problems.push((pointer.to_owned(), "not given".into()));
                None
            }
        }
    }

    /// An optional number (absent = `None`, no problem).
    fn optional_number(&mut self, pointer: &str) -> Option<f64> {
        if !self.check(pointer) {
            return None;
        }
        self.report.value.pointer(pointer).and_then(Value::as_f64)
    }

    /// An optional text.
    fn optional_text(&mut self, pointer: &str) -> Option<String> {
        if !self.check(pointer) {
            return None;
        }
        self.report
            .value
            .pointer(pointer)
            .and_then(Value::as_str)
            .map(str::to_owned)
    }

    /// The sum of `member` over the items of an optional array (absent = 0).
    fn sum(&mut self, array: &str, member: &str) -> Option<f64> {
        if !self.check(array) {
            return None;
        }
        let mut sum = 0.0;
        for item in self
            .report
            .value
            .pointer(array)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            sum += item.get(member).and_then(Value::as_f64).unwrap_or(0.0);
        }
        Some(sum)
    }

    fn ok(&self) -> bool {
        self.problems.is_empty()
    }

    fn excluded(&self) -> Excluded {
        Excluded {
            file: self.report.file.to_owned(),
            state: self.report.state.clone(),
            year: self.report.year,
            fields: self.problems.iter().map(|(p, _)| p.clone()).collect(),
            reason: self
                .problems
                .iter()
                .map(|(p, why)| format!("{p}: {why}"))
                .collect::<Vec<_>>()
                .join(" | "),
        }
    }
}

/// Kinds of figure, for forms marked `unchanged` (see the module comment).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Figures {
    /// What stands at the end of the period: carried over from an earlier
    /// report when the form is unchanged.
    Stock,
    /// What happened during the period: never carried over.
    Period,
}

/// The reports, indexed.
struct Corpus<'a> {
    /// Chosen annual reports by (State, year).
    annual: BTreeMap<(String, i64), Report<'a>>,
    /// Every counted report (chosen annual and initial) per State, oldest
    /// first by (year, submitted_on).
    by_state: BTreeMap<String, Vec<Report<'a>>>,
}

/// Where a row's form comes from.
enum FormSource<'c, 'a> {
    /// This report provides the form.
    Provided(&'c Report<'a>),
    /// Marked not applicable.
    NotApplicable,
    /// Cannot be used: a reason for the excluded list.
    Excluded(Excluded),
}

impl<'a> Corpus<'a> {
    /// The report giving `form` for the annual report `r`: itself when it
    /// provides the form, an earlier one for stock figures when it is
    /// marked unchanged.
    fn form_source<'c>(
        &'c self,
        r: &'c Report<'a>,
        form: &str,
        kind: Figures,
    ) -> FormSource<'c, 'a> {
        let excluded = |reason: String| {
            FormSource::Excluded(Excluded {
                file: r.file.to_owned(),
                state: r.state.clone(),
                year: r.year,
                fields: vec![format!("/forms/{form}/cover")],
                reason,
            })
        };
        let cover_errors = r.errors_on(&format!("/forms/{form}/cover"));
        if !cover_errors.is_empty() {
            return excluded(cover_errors.join("; "));
        }
        match r.cover(form) {
            Some("provided") => FormSource::Provided(r),
            Some("not_applicable") => FormSource::NotApplicable,
            Some("unchanged") if kind == Figures::Stock => {
                let earlier = self.by_state.get(&r.state).and_then(|reports| {
                    reports
                        .iter()
                        .rev()
                        .filter(|e| (e.year, &e.submitted_on) < (r.year, &r.submitted_on))
                        .find(|e| e.cover(form) == Some("provided"))
                });
                match earlier {
                    Some(e) => FormSource::Provided(e),
                    None => excluded(format!(
                        "Form {form} is marked unchanged and no earlier report in the folder provides it"
                    )),
                }
            }
            Some("unchanged") => excluded(format!(
                "Form {form} is marked unchanged: the figures of the period are not given"
            )),
            _ => excluded(format!("Form {form} is not given")),
        }
    }

    fn annual_of(&self, year: i64) -> impl Iterator<Item = &Report<'a>> {
        self.annual
            .iter()
            .filter(move |((_, y), _)| *y == year)
            .map(|(_, r)| r)
    }

    fn years(&self) -> BTreeSet<i64> {
        self.annual.keys().map(|(_, y)| *y).collect()
    }
}

/// Computes every table from the loaded reports.
pub fn compute(
    inputs: &[ReportInput],
    unreadable: &[Unreadable],
    options: &SummaryOptions,
    states: &StatesParties,
) -> Summary {
    let mut unused = Vec::new();
    let mut candidates: Vec<Report<'_>> = Vec::new();
    for input in inputs {
        let Some(key) = crate::history::key_of(&input.value) else {
            unused.push(Unused {
                file: input.file.clone(),
                reason: "no State code or period end: the report cannot be placed".into(),
            });
            continue;
        };
        candidates.push(Report {
            file: &input.file,
            state: key.state,
            year: key.year,
            annual: key.annual,
            submitted_on: key.submitted_on,
            value: &input.value,
            errors: &input.errors,
        });
    }
    // The newest annual report per State and year.
    candidates.sort_by(|a, b| {
        (&a.state, a.year, !a.annual, &a.submitted_on, a.file).cmp(&(
            &b.state,
            b.year,
            !b.annual,
            &b.submitted_on,
            b.file,
        ))
    });
    let mut corpus = Corpus {
        annual: BTreeMap::new(),
        by_state: BTreeMap::new(),
    };
    let mut initial = Vec::new();
    for r in candidates {
        if !r.annual {
            initial.push(r);
            continue;
        }
        let key = (r.state.clone(), r.year);
        if let Some(old) = corpus.annual.insert(key, r) {
            let newer = &corpus.annual[&(old.state.clone(), old.year)];
            let reason = if newer.submitted_on == old.submitted_on {
                format!(
                    "superseded by {}, an annual report of the same State and year submitted the same day (the later file name counts)",
                    newer.file
                )
            } else {
                format!(
                    "superseded by {}, a newer annual report of the same State and year (submitted {} against {})",
                    newer.file, newer.submitted_on, old.submitted_on
                )
            };
            unused.push(Unused {
                file: old.file.to_owned(),
                reason,
            });
        }
    }
    let mut used: Vec<String> = corpus.annual.values().map(|r| r.file.to_owned()).collect();
    used.extend(initial.iter().map(|r| r.file.to_owned()));
    used.sort();
    for r in corpus.annual.values().chain(&initial) {
        if !states.contains(&r.state) {
            unused.push(Unused {
                file: r.file.to_owned(),
                reason: format!(
                    "{} is not a State Party in the list of {}",
                    r.state, states.as_of
                ),
            });
        }
    }
    // Reports of States that are not Parties are named above and kept out
    // of every table.
    corpus.annual.retain(|(s, _), _| states.contains(s));
    initial.retain(|r| states.contains(&r.state));
    for r in corpus.annual.values().chain(&initial) {
        corpus
            .by_state
            .entry(r.state.clone())
            .or_default()
            .push(r.clone());
    }
    for reports in corpus.by_state.values_mut() {
        reports.sort_by(|a, b| (a.year, &a.submitted_on).cmp(&(b.year, &b.submitted_on)));
    }
    let year = options
        .year
        .or_else(|| corpus.years().last().copied())
        .unwrap_or(0);

    let reporting = reporting(&corpus, states, year);
    let counts = reporting_counts(&reporting);
    let tables = vec![
        reporting,
        counts,
        article9(&corpus, states, year),
        stockpiles(&corpus, year),
        retained(&corpus, year),
        retained_distribution(&corpus, year),
        mined_areas(&corpus, year),
        milestones(&corpus, year),
        remaining_by_year(&corpus),
        land_release(&corpus),
        land_release_by_year(&corpus),
        casualties(&corpus, year),
        cooperation(&corpus),
        cooperation_cross_check(&corpus, states),
    ];
    unused.sort_by(|a, b| a.file.cmp(&b.file));
    Summary {
        summary_version: "1",
        year,
        states_parties_as_of: states.as_of.clone(),
        sources: Sources {
            read: inputs.len() + unreadable.len(),
            used,
            unused,
            unreadable: unreadable.to_vec(),
        },
        tables,
    }
}

/// The day an annual report for `year` is due: 30 April of the next year
/// (Art. 7.2).
pub fn due_date(year: i64) -> String {
    format!("{}-04-30", year + 1)
}

fn reporting(corpus: &Corpus<'_>, states: &StatesParties, year: i64) -> Table {
    let mut t = Table::new(
        "reporting",
        &[
            "status",
            "submitted_on",
            "file",
            "latest_year",
            "latest_file",
            "years_missed_in_row",
        ],
    );
    let first_year = corpus.years().first().copied().unwrap_or(year);
    for s in &states.states_parties {
        let code = s.code.as_str();
        let mut row = Row::new(code);
        let expected = |y: i64| s.in_force_on(&format!("{y}-12-31")).unwrap_or(true);
        match corpus.annual.get(&(code.to_owned(), year)) {
            Some(r) => {
                let submitted = &r.submitted_on;
                let date_errors = r.errors_on("/submitted_on");
                let status = if !date_errors.is_empty() || submitted.is_empty() {
                    t.excluded.push(Excluded {
                        file: r.file.to_owned(),
                        state: r.state.clone(),
                        year: r.year,
                        fields: vec!["/submitted_on".into()],
                        reason: if date_errors.is_empty() {
                            "not given".into()
                        } else {
                            date_errors.join("; ")
                        },
                    });
                    "date_invalid"
                } else if submitted.as_str() <= due_date(year).as_str() {
                    "on_time"
                } else {
                    "late"
                };
                row.set("status", Cell::text(status, [r.file]));
                row.set("submitted_on", Cell::text(submitted.clone(), [r.file]));
                row.set("file", Cell::text(r.file, [r.file]));
            }
            None if !expected(year) => {
                row.set("status", Cell::text("not_due", []));
            }
            None => {
                row.set("status", Cell::text("missing", []));
            }
        }
        let latest = corpus.by_state.get(code).and_then(|v| v.last());
        if let Some(l) = latest {
            row.set("latest_year", Cell::number(l.year as f64, [l.file]));
            row.set("latest_file", Cell::text(l.file, [l.file]));
        }
        // Years missed in a row, counting back from `year` over the years the
        // folder covers (earlier years are not known to be missed).
        let mut missed = 0;
        let mut y = year;
        while y >= first_year && expected(y) && !corpus.annual.contains_key(&(code.to_owned(), y)) {
            missed += 1;
            y -= 1;
        }
        row.set("years_missed_in_row", Cell::number(f64::from(missed), []));
        t.rows.push(row);
    }
    t
}

/// Counts of the reporting table by status; a separate table so that the
/// counts carry the files behind them.
fn reporting_counts(reporting: &Table) -> Table {
    let mut t = Table::new("reporting_counts", &["count", "states"]);
    for status in ["on_time", "late", "date_invalid", "missing", "not_due"] {
        let rows: Vec<&Row> = reporting
            .rows
            .iter()
            .filter(|r| matches!(r.get("status").map(|c| &c.value), Some(CellValue::Text(s)) if s == status))
            .collect();
        let files: Vec<&str> = rows
            .iter()
            .filter_map(|r| r.get("file"))
            .flat_map(|c| c.files.iter().map(String::as_str))
            .collect();
        let mut row = Row::new(status);
        row.set(
            "count",
            Cell::number(rows.len() as f64, files.iter().copied()),
        );
        row.set(
            "states",
            Cell::text(
                rows.iter()
                    .map(|r| r.key.as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
                files,
            ),
        );
        t.rows.push(row);
    }
    t
}

/// Article 9 status groups, in display order.
pub const ARTICLE9_GROUPS: &[&str] = &[
    "legislation_adopted",
    "existing_law_sufficient",
    "in_preparation",
    "none",
    "not_reported",
];

fn article9(corpus: &Corpus<'_>, states: &StatesParties, year: i64) -> Table {
    let mut t = Table::new("article9", &["count", "states"]);
    let mut groups: BTreeMap<&str, Vec<(&str, &str)>> = BTreeMap::new();
    for s in &states.states_parties {
        // The State's newest report up to `year` that gives Form A (itself
        // or, when unchanged, the one before).
        let newest = corpus
            .by_state
            .get(&s.code)
            .and_then(|v| v.iter().rev().find(|r| r.year <= year));
        let status = match newest {
            None => None,
            Some(r) => match corpus.form_source(r, "A", Figures::Stock) {
                FormSource::Provided(src) => {
                    let mut f = Fields::new(src);
                    let status = f.optional_text("/forms/A/measures_status");
                    match status {
                        Some(st) if f.ok() => Some((st, src.file)),
                        _ => {
                            if f.ok() {
                                f.problems
                                    .push(("/forms/A/measures_status".into(), "not given".into()));
                            }
                            t.excluded.push(f.excluded());
                            None
                        }
                    }
                }
                FormSource::NotApplicable => None,
                FormSource::Excluded(e) => {
                    t.excluded.push(e);
                    None
                }
            },
        };
        match status {
            Some((st, file)) => {
                let group = ARTICLE9_GROUPS
                    .iter()
                    .find(|g| **g == st)
                    .copied()
                    .unwrap_or("not_reported");
                groups.entry(group).or_default().push((&s.code, file));
            }
            None => groups
                .entry("not_reported")
                .or_default()
                .push((&s.code, "")),
        }
    }
    for g in ARTICLE9_GROUPS {
        let members = groups.remove(g).unwrap_or_default();
        let files: Vec<&str> = members
            .iter()
            .map(|(_, f)| *f)
            .filter(|f| !f.is_empty())
            .collect();
        let mut row = Row::new(*g);
        row.set(
            "count",
            Cell::number(members.len() as f64, files.iter().copied()),
        );
        row.set(
            "states",
            Cell::text(
                members
                    .iter()
                    .map(|(c, _)| *c)
                    .collect::<Vec<_>>()
                    .join(" "),
                files,
            ),
        );
        t.rows.push(row);
    }
    t
}

fn stockpiles(corpus: &Corpus<'_>, year: i64) -> Table {
    let mut t = Table::new("stockpiles", &["remaining", "destroyed"]);
    for r in corpus.annual_of(year) {
        let remaining = match corpus.form_source(r, "B", Figures::Stock) {
            FormSource::Provided(src) => {
                let mut f = Fields::new(src);
                match f.number("/forms/B/total") {
                    Some(n) => Some((n, src.file)),
                    None => {
                        t.excluded.push(f.excluded());
                        continue;
                    }
                }
            }
            FormSource::NotApplicable => None,
            FormSource::Excluded(e) => {
                t.excluded.push(e);
                continue;
            }
        };
        let destroyed = match corpus.form_source(r, "G", Figures::Period) {
            FormSource::Provided(src) => {
                let mut f = Fields::new(src);
                let a = f.sum("/forms/G/stockpile_destroyed", "quantity");
                let b = f.sum("/forms/G/previously_unknown_destroyed", "quantity");
                if !f.ok() {
                    t.excluded.push(f.excluded());
                    continue;
                }
                Some((a.unwrap_or(0.0) + b.unwrap_or(0.0), src.file))
            }
            FormSource::NotApplicable => None,
            FormSource::Excluded(e) => {
                t.excluded.push(e);
                continue;
            }
        };
        let mut row = Row::new(&r.state);
        row.set(
            "remaining",
            remaining.map_or_else(Cell::empty, |(n, f)| Cell::number(n, [f])),
        );
        row.set(
            "destroyed",
            destroyed.map_or_else(Cell::empty, |(n, f)| Cell::number(n, [f])),
        );
        t.rows.push(row);
    }
    t.add_total(&["remaining", "destroyed"]);
    t
}

fn retained_total(corpus: &Corpus<'_>, r: &Report<'_>) -> Result<Option<(f64, String)>, Excluded> {
    match corpus.form_source(r, "D", Figures::Stock) {
        FormSource::Provided(src) => {
            let mut f = Fields::new(src);
            match f.number("/forms/D/total_retained") {
                Some(n) => Ok(Some((n, src.file.to_owned()))),
                None => Err(f.excluded()),
            }
        }
        FormSource::NotApplicable => Ok(None),
        FormSource::Excluded(e) => Err(e),
    }
}

fn retained(corpus: &Corpus<'_>, year: i64) -> Table {
    let mut t = Table::new("retained", &["last", "initial", "used", "change"]);
    for r in corpus.annual_of(year) {
        let last = match retained_total(corpus, r) {
            Ok(Some(v)) => v,
            Ok(None) => continue,
            Err(e) => {
                t.excluded.push(e);
                continue;
            }
        };
        let used = match corpus.form_source(r, "D", Figures::Period) {
            FormSource::Provided(src) => {
                let mut f = Fields::new(src);
                match f.sum("/forms/D/used", "quantity") {
                    Some(n) if f.ok() => Some((n, src.file)),
                    _ => {
                        t.excluded.push(f.excluded());
                        continue;
                    }
                }
            }
            _ => None,
        };
        let mut row = Row::new(&r.state);
        row.set("last", Cell::number(last.0, [last.1.as_str()]));
        row.set(
            "used",
            used.map_or_else(Cell::empty, |(n, f)| Cell::number(n, [f])),
        );
        // The first declaration in the folder: the initial report, or the
        // oldest report that gives Form D.
        let first = corpus.by_state.get(&r.state).and_then(|v| {
            v.iter()
                .filter(|e| e.cover("D") == Some("provided"))
                .min_by_key(|e| (e.annual, e.year, e.submitted_on.clone()))
        });
        let initial = first.and_then(|e| {
            let mut f = Fields::new(e);
            f.number("/forms/D/total_retained").map(|n| (n, e.file))
        });
        row.set(
            "initial",
            initial.map_or_else(Cell::empty, |(n, f)| Cell::number(n, [f])),
        );
        // Change since the previous year's report.
        let change = corpus
            .annual
            .get(&(r.state.clone(), year - 1))
            .and_then(|p| retained_total(corpus, p).ok().flatten())
            .map(|(prev, pf)| Cell::number(last.0 - prev, [last.1.as_str(), pf.as_str()]));
        row.set("change", change.unwrap_or_else(Cell::empty));
        t.rows.push(row);
    }
    t.add_total(&["last", "used"]);
    t
}

/// The buckets of the retained-mines distribution (Landmine Monitor's:
/// none, up to 1,000, above 1,000, above 12,000), with their bounds.
pub const RETAINED_BUCKETS: &[(&str, f64, f64)] = &[
    ("none", 0.0, 0.0),
    ("1-1000", 1.0, 1000.0),
    ("1001-12000", 1001.0, 12000.0),
    ("above-12000", 12001.0, f64::INFINITY),
];

fn retained_distribution(corpus: &Corpus<'_>, year: i64) -> Table {
    let source = retained(corpus, year);
    let mut t = Table::new("retained_distribution", &["count", "states"]);
    t.excluded = source.excluded.clone();
    for (bucket, lo, hi) in RETAINED_BUCKETS {
        let rows: Vec<(&str, &Cell)> = source
            .rows
            .iter()
            .filter_map(|r| Some((r.key.as_str(), r.get("last")?)))
            .filter(|(_, c)| c.as_f64().is_some_and(|n| n >= *lo && n <= *hi))
            .collect();
        let files: Vec<&str> = rows
            .iter()
            .flat_map(|(_, c)| c.files.iter().map(String::as_str))
            .collect();
        let mut row = Row::new(*bucket);
        row.set(
            "count",
            Cell::number(rows.len() as f64, files.iter().copied()),
        );
        row.set(
            "states",
            Cell::text(
                rows.iter().map(|(k, _)| *k).collect::<Vec<_>>().join(" "),
                files,
            ),
        );
        t.rows.push(row);
    }
    t
}

fn mined_areas(corpus: &Corpus<'_>, year: i64) -> Table {
    let mut t = Table::new(
        "mined_areas",
        &[
            "area_m2",
            "cha_m2",
            "sha_m2",
            "deadline",
            "extensions",
            "latest_extension",
        ],
    );
    for r in corpus.annual_of(year) {
        let c = match corpus.form_source(r, "C", Figures::Stock) {
            FormSource::Provided(src) => src,
            FormSource::NotApplicable => continue,
            FormSource::Excluded(e) => {
                t.excluded.push(e);
                continue;
            }
        };
        let mut f = Fields::new(c);
        let area = f.number("/forms/C/totals/area_m2");
        let cha = f.number("/forms/C/totals/cha_m2");
        let sha = f.number("/forms/C/totals/sha_m2");
        if !f.ok() {
            t.excluded.push(f.excluded());
            continue;
        }
        let mut row = Row::new(&r.state);
        row.set("area_m2", Cell::number(area.unwrap_or(0.0), [c.file]));
        row.set("cha_m2", Cell::number(cha.unwrap_or(0.0), [c.file]));
        row.set("sha_m2", Cell::number(sha.unwrap_or(0.0), [c.file]));
        if let FormSource::Provided(fsrc) = corpus.form_source(r, "F", Figures::Stock) {
            let mut g = Fields::new(fsrc);
            let deadline = g.optional_text("/forms/F/mine_clearance/deadline");
            let ext_ok = g.check("/forms/F/mine_clearance/deadline_extensions");
            if g.ok() {
                let exts = fsrc
                    .value
                    .pointer("/forms/F/mine_clearance/deadline_extensions")
                    .and_then(Value::as_array);
                if let Some(d) = deadline {
                    row.set("deadline", Cell::text(d, [fsrc.file]));
                }
                if ext_ok {
                    row.set(
                        "extensions",
                        Cell::number(exts.map_or(0, Vec::len) as f64, [fsrc.file]),
                    );
                    if let Some(last) = exts
                        .and_then(|e| e.last())
                        .and_then(|e| e.get("new_deadline"))
                        .and_then(Value::as_str)
                    {
                        row.set("latest_extension", Cell::text(last, [fsrc.file]));
                    }
                }
            } else {
                t.excluded.push(g.excluded());
            }
        }
        t.rows.push(row);
    }
    t.add_total(&["area_m2", "cha_m2", "sha_m2"]);
    t
}

/// The area remaining at the end of each year, per State (for the chart of
/// remaining area against milestones).
fn remaining_by_year(corpus: &Corpus<'_>) -> Table {
    let mut t = Table::new("remaining_by_year", &["state", "year", "area_m2"]);
    for r in corpus.annual.values() {
        let c = match corpus.form_source(r, "C", Figures::Stock) {
            FormSource::Provided(src) => src,
            FormSource::NotApplicable => continue,
            FormSource::Excluded(e) => {
                t.excluded.push(e);
                continue;
            }
        };
        let mut f = Fields::new(c);
        match f.number("/forms/C/totals/area_m2") {
            Some(area) => {
                let mut row = Row::new(format!("{} {}", r.state, r.year));
                row.set("state", Cell::text(&r.state, [c.file]));
                row.set("year", Cell::number(r.year as f64, [c.file]));
                row.set("area_m2", Cell::number(area, [c.file]));
                t.rows.push(row);
            }
            None => t.excluded.push(f.excluded()),
        }
    }
    t
}

fn milestones(corpus: &Corpus<'_>, year: i64) -> Table {
    let mut t = Table::new("milestones", &["state", "year", "target_m2"]);
    for r in corpus.annual_of(year) {
        let FormSource::Provided(src) = corpus.form_source(r, "F", Figures::Stock) else {
            continue;
        };
        let pointer = "/forms/F/mine_clearance/work_plan/milestones";
        let errors = src.errors_on(pointer);
        if !errors.is_empty() {
            t.excluded.push(Excluded {
                file: src.file.to_owned(),
                state: src.state.clone(),
                year: src.year,
                fields: vec![pointer.into()],
                reason: errors.join("; "),
            });
            continue;
        }
        for m in src
            .value
            .pointer(pointer)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let (Some(y), Some(target)) = (
                m.get("year").and_then(Value::as_i64),
                m.get("target_m2").and_then(Value::as_f64),
            ) else {
                continue;
            };
            let mut row = Row::new(format!("{} {y}", r.state));
            row.set("state", Cell::text(&r.state, [src.file]));
            row.set("year", Cell::number(y as f64, [src.file]));
            row.set("target_m2", Cell::number(target, [src.file]));
            t.rows.push(row);
        }
    }
    t.rows.sort_by(|a, b| a.key.cmp(&b.key));
    t
}

const RELEASE: &[(&str, &str)] = &[
    (
        "cancelled_m2",
        "/forms/F/mine_clearance/land_release/cancelled_m2",
    ),
    (
        "reduced_m2",
        "/forms/F/mine_clearance/land_release/reduced_m2",
    ),
    (
        "cleared_m2",
        "/forms/F/mine_clearance/land_release/cleared_m2",
    ),
];

fn land_release(corpus: &Corpus<'_>) -> Table {
    let mut t = Table::new(
        "land_release",
        &[
            "year",
            "state",
            "cancelled_m2",
            "reduced_m2",
            "cleared_m2",
            "total_m2",
        ],
    );
    for r in corpus.annual.values() {
        let src = match corpus.form_source(r, "F", Figures::Period) {
            FormSource::Provided(src) => src,
            FormSource::NotApplicable => continue,
            FormSource::Excluded(e) => {
                t.excluded.push(e);
                continue;
            }
        };
        if src
            .value
            .pointer("/forms/F/mine_clearance/land_release")
            .is_none()
            && src
                .errors_on("/forms/F/mine_clearance/land_release")
                .is_empty()
        {
            // No Article 5 programme, or nothing released: no row.
            continue;
        }
        let mut f = Fields::new(src);
        let values: Vec<f64> = RELEASE
            .iter()
            .map(|(_, p)| f.optional_number(p).unwrap_or(0.0))
            .collect();
        if !f.ok() {
            t.excluded.push(f.excluded());
            continue;
        }
        let mut row = Row::new(format!("{} {}", r.year, r.state));
        row.set("year", Cell::number(r.year as f64, [src.file]));
        row.set("state", Cell::text(&r.state, [src.file]));
        for ((col, _), v) in RELEASE.iter().zip(&values) {
            row.set(col, Cell::number(*v, [src.file]));
        }
        row.set("total_m2", Cell::number(values.iter().sum(), [src.file]));
        t.rows.push(row);
    }
    t.rows.sort_by(|a, b| a.key.cmp(&b.key));
    t
}

fn land_release_by_year(corpus: &Corpus<'_>) -> Table {
    let per_state = land_release(corpus);
    let mut t = Table::new(
        "land_release_by_year",
        &[
            "states",
            "cancelled_m2",
            "reduced_m2",
            "cleared_m2",
            "total_m2",
        ],
    );
    t.excluded = per_state.excluded.clone();
    for year in corpus.years() {
        let rows: Vec<&Row> = per_state
            .rows
            .iter()
            .filter(|r| r.get("year").and_then(Cell::as_f64) == Some(year as f64))
            .collect();
        let mut row = Row::new(year.to_string());
        let files: Vec<&str> = rows
            .iter()
            .flat_map(|r| {
                r.get("year")
                    .into_iter()
                    .flat_map(|c| c.files.iter().map(String::as_str))
            })
            .collect();
        row.set(
            "states",
            Cell::number(rows.len() as f64, files.iter().copied()),
        );
        for col in ["cancelled_m2", "reduced_m2", "cleared_m2", "total_m2"] {
            let sum = rows
                .iter()
                .filter_map(|r| r.get(col).and_then(Cell::as_f64))
                .sum();
            row.set(col, Cell::number(sum, files.iter().copied()));
        }
        t.rows.push(row);
    }
    t
}

/// The columns of the casualty table and where each comes from (relative
/// to `/forms/J/victim_assistance/casualties`).
pub const CASUALTY_COLUMNS: &[(&str, &str)] = &[
    ("total", "/total"),
    ("killed", "/killed"),
    ("injured", "/injured"),
    ("unknown_outcome", "/unknown_outcome"),
    ("women", "/by_group/women"),
    ("girls", "/by_group/girls"),
    ("boys", "/by_group/boys"),
    ("men", "/by_group/men"),
    ("sex_age_unknown", "/by_group/unknown"),
    ("civilian", "/by_status/civilian"),
    ("military", "/by_status/military"),
    ("deminer", "/by_status/deminer"),
    ("status_unknown", "/by_status/unknown"),
];

fn casualties(corpus: &Corpus<'_>, year: i64) -> Table {
    let columns: Vec<&str> = CASUALTY_COLUMNS.iter().map(|(c, _)| *c).collect();
    let mut t = Table::new("casualties", &columns);
    for r in corpus.annual_of(year) {
        if r.value.pointer("/forms/J").is_none() {
            continue;
        }
        let src = match corpus.form_source(r, "J", Figures::Period) {
            FormSource::Provided(src) => src,
            FormSource::NotApplicable => continue,
            FormSource::Excluded(e) => {
                t.excluded.push(e);
                continue;
            }
        };
        let base = "/forms/J/victim_assistance/casualties";
        if src.value.pointer(base).is_none() && src.errors_on(base).is_empty() {
            continue;
        }
        let mut f = Fields::new(src);
        let mut row = Row::new(&r.state);
        for (col, rel) in CASUALTY_COLUMNS {
            let p = format!("{base}{rel}");
            let v = if *col == "total" {
                f.number(&p)
            } else {
                f.optional_number(&p)
            };
            row.set(
                col,
                v.map_or_else(Cell::empty, |n| Cell::number(n, [src.file])),
            );
        }
        if f.ok() {
            t.rows.push(row);
        } else {
            t.excluded.push(f.excluded());
        }
    }
    t.add_total(&columns);
    t
}

/// Money of Form J by year and currency (amounts in different currencies
/// are never added).
fn cooperation(corpus: &Corpus<'_>) -> Table {
    let mut t = Table::new(
        "cooperation",
        &[
            "year",
            "currency",
            "provided",
            "received",
            "national_contribution",
        ],
    );
    type Acc<'f> = BTreeMap<(i64, String), BTreeMap<&'static str, (f64, BTreeSet<&'f str>)>>;
    let mut acc: Acc<'_> = BTreeMap::new();
    for r in corpus.annual.values() {
        if r.value.pointer("/forms/J").is_none() {
            continue;
        }
        let src = match corpus.form_source(r, "J", Figures::Period) {
            FormSource::Provided(src) => src,
            FormSource::NotApplicable => continue,
            FormSource::Excluded(e) => {
                t.excluded.push(e);
                continue;
            }
        };
        let base = "/forms/J/cooperation";
        let mut f = Fields::new(src);
        f.check(&format!("{base}/provided"));
        f.check(&format!("{base}/received"));
        f.check(&format!("{base}/national_contribution"));
        if !f.ok() {
            t.excluded.push(f.excluded());
            continue;
        }
        let mut add = |column: &'static str, item: &Value| {
            let (Some(amount), Some(currency)) = (
                item.get("amount").and_then(Value::as_f64),
                item.get("currency").and_then(Value::as_str),
            ) else {
                return;
            };
            let slot = acc
                .entry((r.year, currency.to_owned()))
                .or_default()
                .entry(column)
                .or_default();
            slot.0 += amount;
            slot.1.insert(src.file);
        };
        let coop = src.value.pointer(base);
        for (column, member) in [("provided", "provided"), ("received", "received")] {
            for item in coop
                .and_then(|c| c.get(member))
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                add(column, item);
            }
        }
        if let Some(n) = coop.and_then(|c| c.get("national_contribution")) {
            add("national_contribution", n);
        }
    }
    for ((year, currency), cols) in acc {
        let mut row = Row::new(format!("{year} {currency}"));
        row.set("year", Cell::number(year as f64, []));
        row.set("currency", Cell::text(&currency, []));
        for col in ["provided", "received", "national_contribution"] {
            let cell = cols.get(col).map_or_else(
                || Cell::number(0.0, []),
                |(n, files)| Cell::number(*n, files.iter().copied()),
            );
            row.set(col, cell);
        }
        t.rows.push(row);
    }
    t
}

/// What A says it gave B against what B says it received from A, per year
/// and currency. Donors and recipients are matched by the names in the
/// list of States Parties; other partners (organisations, States not
/// party) are not cross-checked.
fn cooperation_cross_check(corpus: &Corpus<'_>, states: &StatesParties) -> Table {
    let mut t = Table::new(
        "cooperation_cross_check",
        &[
            "year",
            "donor",
            "recipient",
            "currency",
            "provided",
            "received",
            "difference",
            "status",
        ],
    );
    // (year, donor, recipient, currency) → (provided, received)
    type Sides<'f> = (
        Option<(f64, BTreeSet<&'f str>)>,
        Option<(f64, BTreeSet<&'f str>)>,
    );
    let mut pairs: BTreeMap<(i64, String, String, String), Sides<'_>> = BTreeMap::new();
    for r in corpus.annual.values() {
        let Some(coop) = r.value.pointer("/forms/J/cooperation") else {
            continue;
        };
        if r.cover("J") != Some("provided") || !r.errors_on("/forms/J/cooperation").is_empty() {
            // Named in the cooperation table's excluded list.
            continue;
        }
        for (member, partner_key, provided) in
            [("provided", "to", true), ("received", "from", false)]
        {
            for item in coop
                .get(member)
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                let (Some(partner), Some(amount), Some(currency)) = (
                    item.get(partner_key)
                        .and_then(Value::as_str)
                        .and_then(|n| states.find_by_name(n)),
                    item.get("amount").and_then(Value::as_f64),
                    item.get("currency").and_then(Value::as_str),
                ) else {
                    continue;
                };
                let (donor, recipient) = if provided {
                    (r.state.clone(), partner.code.clone())
                } else {
                    (partner.code.clone(), r.state.clone())
                };
                let entry = pairs
                    .entry((r.year, donor, recipient, currency.to_owned()))
                    .or_default();
                let side = if provided { &mut entry.0 } else { &mut entry.1 };
                let slot = side.get_or_insert_with(|| (0.0, BTreeSet::new()));
                slot.0 += amount;
                slot.1.insert(r.file);
            }
        }
    }
    for ((year, donor, recipient, currency), (provided, received)) in pairs {
        let mut row = Row::new(format!("{year} {donor} {recipient} {currency}"));
        row.set("year", Cell::number(year as f64, []));
        row.set("donor", Cell::text(&donor, []));
        row.set("recipient", Cell::text(&recipient, []));
        row.set("currency", Cell::text(&currency, []));
        let cell = |side: &Option<(f64, BTreeSet<&str>)>| {
            side.as_ref()
                .map_or_else(Cell::empty, |(n, f)| Cell::number(*n, f.iter().copied()))
        };
        row.set("provided", cell(&provided));
        row.set("received", cell(&received));
        let files: Vec<&str> = provided
            .iter()
            .chain(&received)
            .flat_map(|(_, f)| f.iter().copied())
            .collect();
        let counterpart_reported =
            |state: &str| corpus.annual.contains_key(&(state.to_owned(), year));
        let status = match (&provided, &received) {
            (Some((p, _)), Some((q, _))) => {
                row.set("difference", Cell::number(p - q, files.iter().copied()));
                if (p - q).abs() < 0.005 {
                    "agree"
                } else {
                    "differ"
                }
            }
            (Some(_), None) if counterpart_reported(&recipient) => "not_in_recipient_report",
            (Some(_), None) => "recipient_report_missing",
            (None, Some(_)) if counterpart_reported(&donor) => "not_in_donor_report",
            _ => "donor_report_missing",
        };
        row.set("status", Cell::text(status, files));
        t.rows.push(row);
    }
    t
}
