//! What changed between two reports of one State, form by form, in plain
//! language: every figure and text that differs, every list item added or
//! removed. List items are matched by what names them (an area's `id`, a
//! mine row's institution and type, a milestone's year), not by position,
//! so one area removed reads as that, not as every later area changed.

use crate::diagnostics::escape_pointer_token;
use crate::history::key_of;
use serde::Serialize;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// What happened to a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// In the new report only.
    Added,
    /// In the old report only.
    Removed,
    /// In both, with different values.
    Changed,
}

/// One difference.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    /// `A` … `J`, or `report` for the cover page.
    pub form: String,
    /// JSON pointer in the new report (in the old one for a removal).
    pub pointer: String,
    /// What happened.
    pub kind: Kind,
    /// The old value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old: Option<Value>,
    /// The new value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new: Option<Value>,
    /// For two numbers: new − old.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delta: Option<f64>,
    /// The change in plain language ("Form D: total retained 1,250 → 1,180 (−70)").
    pub text: String,
}

/// A report's identity, as the diff shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Side {
    /// The file.
    pub file: String,
    /// `state.code`.
    pub state: Option<String>,
    /// The year covered.
    pub year: Option<i64>,
    /// `submitted_on`.
    pub submitted_on: Option<String>,
}

/// The differences between two reports.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diff {
    /// The old report.
    pub old: Side,
    /// The new report.
    pub new: Side,
    /// A warning when the two are not of the same State.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub warning: Option<String>,
    /// Every difference, in the new report's document order (removals at
    /// the place they were).
    pub changes: Vec<Change>,
}

impl Diff {
    /// The changes grouped by form, forms in order (cover page first).
    pub fn by_form(&self) -> BTreeMap<String, Vec<&Change>> {
        let mut m: BTreeMap<String, Vec<&Change>> = BTreeMap::new();
        for c in &self.changes {
            let key = if c.form == "report" {
                " report".to_owned()
            } else {
                c.form.clone()
            };
            m.entry(key).or_default().push(c);
        }
        m
    }
}

fn side(file: &str, v: &Value) -> Side {
    let key = key_of(v);
    Side {
        file: file.to_owned(),
        state: v
            .pointer("/state/code")
            .and_then(Value::as_str)
            .map(str::to_owned),
        year: key.as_ref().map(|k| k.year),
        submitted_on: v
            .get("submitted_on")
            .and_then(Value::as_str)
            .map(str::to_owned),
    }
}

/// Compares two reports.
pub fn diff(old_file: &str, old: &Value, new_file: &str, new: &Value) -> Diff {
    let old_side = side(old_file, old);
    let new_side = side(new_file, new);
    let warning = (old_side.state != new_side.state).then(|| {
        format!(
            "the two reports are not of the same State ({} and {})",
            old_side.state.as_deref().unwrap_or("?"),
            new_side.state.as_deref().unwrap_or("?")
        )
    });
    let mut changes = Vec::new();
    walk(&mut changes, &mut Vec::new(), old, new);
    annotate(&mut changes, new);
    Diff {
        old: old_side,
        new: new_side,
        warning,
        changes,
    }
}

/// A step of the path being compared, for the plain-language text.
#[derive(Debug, Clone)]
enum Step {
    Key(String),
    /// A list item: the list's key, the item's name when it has one.
    Item(String, Option<String>, usize),
    /// An item of a list of codes or names (`areas: ["all", "KHM-01"]`),
    /// by position (the list's key is the step before).
    Member(usize),
}

/// Members that name a list item, tried in order; the first set present
/// on every item of both lists, with unique values, is the identity.
const IDENTITIES: &[&[&str]] = &[
    &["id"],
    &["institution", "mine_type", "recipient"],
    &["institution", "mine_type", "activity"],
    &["institution", "mine_type"],
    &["mine_type", "lot_numbers"],
    &["mine_type"],
    &["year"],
    &["new_deadline"],
    &["title"],
    &["name"],
    &["partner"],
    &["kind", "description"],
    &["to", "purpose"],
    &["from", "purpose"],
    &["to"],
    &["from"],
    &["description"],
    &["purpose"],
];

fn identity_of(item: &Value, members: &[&str]) -> Option<String> {
    let obj = item.as_object()?;
    let mut parts = Vec::new();
    for m in members {
        parts.push(match obj.get(*m)? {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        });
    }
    Some(parts.join(" / "))
}

fn identity(old: &[Value], new: &[Value]) -> Option<&'static [&'static str]> {
    IDENTITIES.iter().copied().find(|members| {
        let unique = |list: &[Value]| {
            let ids: Option<Vec<String>> = list.iter().map(|i| identity_of(i, members)).collect();
            ids.is_some_and(|mut ids| {
                let n = ids.len();
                ids.sort();
                ids.dedup();
                ids.len() == n
            })
        };
        !(old.is_empty() && new.is_empty()) && unique(old) && unique(new)
    })
}

fn pointer_of(path: &[Step]) -> String {
    let mut p = String::new();
    for s in path {
        p.push('/');
        match s {
            Step::Key(k) => p.push_str(&escape_pointer_token(k)),
            Step::Item(_, _, i) | Step::Member(i) => p.push_str(&i.to_string()),
        }
    }
    p
}

fn walk(out: &mut Vec<Change>, path: &mut Vec<Step>, old: &Value, new: &Value) {
    match (old, new) {
        (Value::Object(a), Value::Object(b)) => objects(out, path, a, b),
        (Value::Array(a), Value::Array(b)) => arrays(out, path, a, b),
        _ if same(old, new) => {}
        _ => push(out, path, Kind::Changed, Some(old), Some(new)),
    }
}

/// Equal values; numbers compared by value (`1` and `1.0` are the same
/// figure, which an XML or Excel spelling may give).
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        _ => a == b,
    }
}

fn objects(
    out: &mut Vec<Change>,
    path: &mut Vec<Step>,
    a: &Map<String, Value>,
    b: &Map<String, Value>,
) {
    // The old report's order for members in both and those removed; new
    // members where the new report has them, at the end.
    for (k, old) in a {
        path.push(Step::Key(k.clone()));
        match b.get(k) {
            Some(new) => walk(out, path, old, new),
            None => push(out, path, Kind::Removed, Some(old), None),
        }
        path.pop();
    }
    for (k, new) in b {
        if !a.contains_key(k) {
            path.push(Step::Key(k.clone()));
            push(out, path, Kind::Added, None, Some(new));
            path.pop();
        }
    }
}

fn arrays(out: &mut Vec<Change>, path: &mut Vec<Step>, a: &[Value], b: &[Value]) {
    let list = match path.last() {
        Some(Step::Key(k)) => k.clone(),
        _ => String::new(),
    };
    let scalars = a.iter().chain(b).all(|v| !v.is_object() && !v.is_array());
    if scalars {
        // A list of codes or names: what was removed and what was added.
        for (i, v) in a.iter().enumerate() {
            if !b.iter().any(|w| same(v, w)) {
                path.push(Step::Member(i));
                push(out, path, Kind::Removed, Some(v), None);
                path.pop();
            }
        }
        for (i, v) in b.iter().enumerate() {
            if !a.iter().any(|w| same(v, w)) {
                path.push(Step::Member(i));
                push(out, path, Kind::Added, None, Some(v));
                path.pop();
            }
        }
        return;
    }
    match identity(a, b) {
        Some(members) => {
            let ids_b: Vec<Option<String>> = b.iter().map(|v| identity_of(v, members)).collect();
            let ids_a: Vec<Option<String>> = a.iter().map(|v| identity_of(v, members)).collect();
            for (i, old) in a.iter().enumerate() {
                let id = ids_a[i].clone();
                match ids_b.iter().position(|x| *x == id) {
                    Some(j) => {
                        path.push(Step::Item(list.clone(), id, j));
                        walk(out, path, old, &b[j]);
                        path.pop();
                    }
                    None => {
                        path.push(Step::Item(list.clone(), id, i));
                        push(out, path, Kind::Removed, Some(old), None);
                        path.pop();
                    }
                }
            }
            for (j, new) in b.iter().enumerate() {
                if !ids_a.contains(&ids_b[j]) {
                    path.push(Step::Item(list.clone(), ids_b[j].clone(), j));
                    push(out, path, Kind::Added, None, Some(new));
                    path.pop();
                }
            }
        }
        None => {
            // Nothing names the items: compare them by position.
            for i in 0..a.len().max(b.len()) {
                path.push(Step::Item(list.clone(), None, i));
                match (a.get(i), b.get(i)) {
                    (Some(x), Some(y)) => walk(out, path, x, y),
                    (Some(x), None) => push(out, path, Kind::Removed, Some(x), None),
                    (None, Some(y)) => push(out, path, Kind::Added, None, Some(y)),
                    (None, None) => {}
                }
                path.pop();
            }
        }
    }
}

/// The singular of a list's key, for "area KHM-BTB-01 removed".
fn item_word(list: &str) -> String {
    match list {
        "areas" => "area".into(),
        "measures" => "measure".into(),
        "stockpile" => "stockpile row".into(),
        "previously_unknown" => "previously unknown stockpile".into(),
        "retained" => "retained row".into(),
        "used" => "use of retained mines".into(),
        "transferred" => "transfer".into(),
        "facilities" => "facility".into(),
        "deadline_extensions" => "extension".into(),
        "milestones" => "milestone".into(),
        "mine_types" => "mine type".into(),
        "mines" => "mine row".into(),
        "objectives" => "objective".into(),
        "needs" => "need".into(),
        "received" => "assistance received".into(),
        "provided" => "assistance provided".into(),
        "partnerships" => "partnership".into(),
        "stockpile_destroyed" => "stockpile destruction row".into(),
        "mined_area_destroyed" => "mined-area destruction row".into(),
        "previously_unknown_destroyed" => "destruction of a previously unknown stockpile".into(),
        other => format!("item of `{other}`"),
    }
}

fn words(path: &[Step]) -> (String, String) {
    let (form, rest) = match path {
        [Step::Key(f), Step::Key(x), rest @ ..] if f == "forms" => (x.clone(), rest),
        [Step::Key(f)] if f == "forms" => ("report".to_owned(), &path[1..]),
        _ => ("report".to_owned(), path),
    };
    let mut parts: Vec<String> = Vec::new();
    for s in rest {
        match s {
            Step::Key(k) => parts.push(k.replace("_m2", " (m²)").replace('_', " ")),
            // The list's key is already the last word.
            Step::Member(..) => {}
            Step::Item(list, id, i) => {
                parts.pop();
                let word = item_word(list);
                parts.push(match id {
                    Some(id) => format!("{word} {id}"),
                    None => format!("{word} {}", i + 1),
                });
            }
        }
    }
    (form, parts.join(", "))
}

fn show(v: &Value) -> String {
    match v {
        Value::Number(n) => match (n.as_u64(), n.as_i64(), n.as_f64()) {
            (Some(u), _, _) => crate::report::thousands(u),
            (None, Some(i), _) => format!("−{}", crate::report::thousands(i.unsigned_abs())),
            (_, _, Some(f)) => crate::summary::render::number(f),
            _ => n.to_string(),
        },
        Value::String(s) => s.clone(),
        Value::Bool(b) => b.to_string(),
        Value::Null => "null".into(),
        Value::Array(a) => format!("a list of {}", a.len()),
        Value::Object(_) => "a group of fields".into(),
    }
}

fn signed(d: f64) -> String {
    let n = crate::summary::render::number(d);
    if d > 0.0 {
        format!("+{n}")
    } else {
        n
    }
}

fn push(
    out: &mut Vec<Change>,
    path: &[Step],
    kind: Kind,
    old: Option<&Value>,
    new: Option<&Value>,
) {
    let (form, what) = words(path);
    let prefix = if form == "report" {
        "Cover page".to_owned()
    } else {
        format!("Form {form}")
    };
    let delta = match (old.and_then(Value::as_f64), new.and_then(Value::as_f64)) {
        (Some(a), Some(b)) if kind == Kind::Changed => Some(b - a),
        _ => None,
    };
    let what = if what.is_empty() {
        "the form".to_owned()
    } else {
        what
    };
    let text = match kind {
        Kind::Changed => match delta {
            Some(d) => format!(
                "{prefix}: {what} {} → {} ({})",
                show(old.unwrap_or(&Value::Null)),
                show(new.unwrap_or(&Value::Null)),
                signed(d)
            ),
            None => format!(
                "{prefix}: {what} {} → {}",
                quoted(old.unwrap_or(&Value::Null)),
                quoted(new.unwrap_or(&Value::Null))
            ),
        },
        _ if matches!(path.last(), Some(Step::Member(..))) => format!(
            "{prefix}: {what}: {} {}",
            quoted(old.or(new).unwrap_or(&Value::Null)),
            if kind == Kind::Added {
                "added"
            } else {
                "removed"
            }
        ),
        Kind::Added if is_scalar(new) => format!(
            "{prefix}: {what} added: {}",
            quoted(new.unwrap_or(&Value::Null))
        ),
        Kind::Removed if is_scalar(old) => {
            format!(
                "{prefix}: {what} removed (was {})",
                quoted(old.unwrap_or(&Value::Null))
            )
        }
        Kind::Added => format!("{prefix}: {what} added"),
        Kind::Removed => format!("{prefix}: {what} removed"),
    };
    out.push(Change {
        form,
        pointer: pointer_of(path),
        kind,
        old: old.cloned(),
        new: new.cloned(),
        delta,
        text,
    });
}

fn is_scalar(v: Option<&Value>) -> bool {
    v.is_some_and(|v| !v.is_object() && !v.is_array())
}

fn quoted(v: &Value) -> String {
    match v {
        Value::String(s) => format!("“{s}”"),
        other => show(other),
    }
}

/// Adds what explains a change where the report says it: a change in the
/// number of retained mines is followed by the mines Form D says were used
/// in the year.
fn annotate(changes: &mut [Change], new: &Value) {
    for c in changes.iter_mut() {
        if c.pointer == "/forms/D/total_retained" && c.kind == Kind::Changed {
            let uses: Vec<String> = new
                .pointer("/forms/D/used")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(|u| {
                    let q = u.get("quantity")?.as_u64()?;
                    let activity = u
                        .get("activity")
                        .and_then(Value::as_str)
                        .unwrap_or("use not stated");
                    Some(format!("{} used: {activity}", crate::report::thousands(q)))
                })
                .collect();
            if !uses.is_empty() {
                c.text = format!("{}; {}", c.text, uses.join("; "));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn texts(d: &Diff) -> Vec<&str> {
        d.changes.iter().map(|c| c.text.as_str()).collect()
    }

    #[test]
    fn figures_areas_and_lists_in_plain_language() {
        let old = json!({"state": {"code": "KHM"}, "period": {"to": "2019-12-31"}, "forms": {
            "C": {"areas": [{"id": "KHM-BTB-01", "area_m2": 10}, {"id": "KHM-BTB-02", "area_m2": 5}], "totals": {"area_m2": 15}},
            "D": {"total_retained": 1250, "used": []},
            "I": {"measures": [{"kind": "marking", "description": "x", "areas": ["all", "KHM-BTB-01"]}]}
        }});
        let new = json!({"state": {"code": "KHM"}, "period": {"to": "2020-12-31"}, "forms": {
            "C": {"areas": [{"id": "KHM-BTB-02", "area_m2": 4}], "totals": {"area_m2": 4}},
            "D": {"total_retained": 1180, "used": [{"institution": "CMAC", "mine_type": "PMN-2", "quantity": 70, "activity": "training"}]},
            "I": {"measures": [{"kind": "marking", "description": "x", "areas": ["all"]}]}
        }});
        let d = diff("old.json", &old, "new.json", &new);
        assert_eq!(
            texts(&d),
            vec![
                "Cover page: period, to “2019-12-31” → “2020-12-31”",
                "Form C: area KHM-BTB-01 removed",
                "Form C: area KHM-BTB-02, area (m²) 5 → 4 (−1)",
                "Form C: totals, area (m²) 15 → 4 (−11)",
                "Form D: total retained 1,250 → 1,180 (−70); 70 used: training",
                "Form D: use of retained mines CMAC / PMN-2 / training added",
                "Form I: measure marking / x, areas: “KHM-BTB-01” removed",
            ]
        );
        assert_eq!(d.changes[1].pointer, "/forms/C/areas/0");
        assert_eq!(d.changes[2].pointer, "/forms/C/areas/0/area_m2");
        assert_eq!(d.changes[4].delta, Some(-70.0));
        assert!(d.warning.is_none());
        assert_eq!(diff("a", &old, "b", &old).changes, vec![]);
    }

    #[test]
    fn numbers_compare_by_value_and_other_states_are_warned_about() {
        let a = json!({"state": {"code": "KHM"}, "x": 1});
        let b = json!({"state": {"code": "AGO"}, "x": 1.0});
        let d = diff("a", &a, "b", &b);
        assert_eq!(texts(&d), vec!["Cover page: state, code “KHM” → “AGO”"]);
        assert!(d.warning.is_some());
    }
}
