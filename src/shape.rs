//! What the report schema says about the shape of each place in a report:
//! the JSON type expected there, the keys of an object in schema order, the
//! allowed values of an enum. The XML and Excel readers use it to give
//! values their types ("types come from the schema, not from the XML"), and
//! the writers and templates use it to lay out keys.

use crate::schema::ReportSchema;
use serde_json::Value;

/// The JSON type the schema expects at a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Text.
    String,
    /// A whole number.
    Integer,
    /// Any number.
    Number,
    /// true / false.
    Boolean,
    /// A list.
    Array,
    /// An object.
    Object,
    /// Anything (inside `extensions`, or where the schema does not say).
    Any,
}

/// One step of a path through a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step<'a> {
    /// An object member.
    Key(&'a str),
    /// An array item (any index).
    Item,
}

/// The schema node at `path` (after `$ref`s), or `None` when the schema has
/// no such place (an unknown key) or the place is free-form (`extensions`).
///
/// Answers are remembered per thread: the XML and Excel readers ask for the
/// same few hundred places again for every element or cell (the same field
/// of each of 400 mined areas), and walking the schema from its root with
/// its `$ref`s each time was most of their cost.
pub fn node_at<'s>(path: &[Step<'_>]) -> Option<&'s Value> {
    thread_local! {
        static KNOWN: Remembered<Option<&'static Value>> = Remembered::default();
    }
    KNOWN.with(|known| known.get_or(path, || walk_schema(path)))
}

/// Answers remembered by path (a thread's own: no lock on the readers'
/// path). A hostile file can name any number of places; only the first
/// [`Remembered::MOST`] are kept.
struct Remembered<T> {
    known: std::cell::RefCell<fnv::FnvHashMap<String, T>>,
}

impl<T> Default for Remembered<T> {
    fn default() -> Self {
        Remembered {
            known: Default::default(),
        }
    }
}

impl<T: Clone> Remembered<T> {
    const MOST: usize = 4096;

    fn get_or(&self, path: &[Step<'_>], answer: impl FnOnce() -> T) -> T {
        // Each key is written after its length, so no two paths share a
        // name (digits by hand: `write!` cost more than the lookup).
        let mut name = String::with_capacity(64);
        for step in path {
            match step {
                Step::Key(k) => {
                    let mut digits = [0u8; 20];
                    let mut at = digits.len();
                    let mut n = k.len();
                    loop {
                        at -= 1;
                        digits[at] = b'0' + (n % 10) as u8;
                        n /= 10;
                        if n == 0 {
                            break;
                        }
                    }
                    name.extend(digits[at..].iter().map(|&d| char::from(d)));
                    name.push(':');
                    name.push_str(k);
                }
                Step::Item => name.push('*'),
            }
        }
        if let Some(v) = self.known.borrow().get(&name) {
            return v.clone();
        }
        let v = answer();
        let mut known = self.known.borrow_mut();
        if known.len() < Self::MOST {
            known.insert(name, v.clone());
        }
        v
    }
}

fn walk_schema(path: &[Step<'_>]) -> Option<&'static Value> {
    let schema = ReportSchema::embedded().value();
    let mut node = resolve(schema, schema)?;
    for step in path {
        node = match step {
            Step::Key(k) => {
                if *k == "extensions" {
                    return None;
                }
                node.get("properties")?.get(*k)?
            }
            Step::Item => node.get("items")?,
        };
        node = resolve(schema, node)?;
    }
    Some(node)
}

/// Follows `$ref` chains (local references only).
fn resolve<'s>(root: &'s Value, mut node: &'s Value) -> Option<&'s Value> {
    for _ in 0..16 {
        match node.get("$ref").and_then(Value::as_str) {
            Some(r) => node = root.pointer(r.strip_prefix('#')?)?,
            None => return Some(node),
        }
    }
    None
}

/// The kind expected at `path` ([`Kind::Any`] when unknown).
pub fn kind_at(path: &[Step<'_>]) -> Kind {
    node_at(path).map_or(Kind::Any, kind_of)
}

/// The kind a schema node describes.
pub fn kind_of(node: &Value) -> Kind {
    let from_name = |t: &str| match t {
        "string" => Kind::String,
        "integer" => Kind::Integer,
        "number" => Kind::Number,
        "boolean" => Kind::Boolean,
        "array" => Kind::Array,
        "object" => Kind::Object,
        _ => Kind::Any,
    };
    match node.get("type") {
        Some(Value::String(t)) => return from_name(t),
        Some(Value::Array(ts)) => {
            // ["integer", "string"]-style unions: the first is the preferred reading.
            if let Some(t) = ts.first().and_then(Value::as_str) {
                return from_name(t);
            }
        }
        _ => {}
    }
    let sample = node
        .get("const")
        .or_else(|| node.get("enum").and_then(|e| e.get(0)));
    match sample {
        Some(Value::String(_)) => Kind::String,
        Some(Value::Bool(_)) => Kind::Boolean,
        Some(Value::Number(n)) if n.is_i64() => Kind::Integer,
        Some(Value::Number(_)) => Kind::Number,
        _ => Kind::Any,
    }
}

/// The keys an object at `path` may have, in schema order.
pub fn keys_at(path: &[Step<'_>]) -> Vec<String> {
    node_at(path)
        .and_then(|n| n.get("properties"))
        .and_then(Value::as_object)
        .map(|m| m.keys().cloned().collect())
        .unwrap_or_default()
}

/// The allowed values at `path`, when the schema enumerates them.
pub fn enum_at(path: &[Step<'_>]) -> Option<Vec<String>> {
    let node = node_at(path)?;
    let values = node.get("enum").and_then(Value::as_array)?;
    Some(
        values
            .iter()
            .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned))
            .collect(),
    )
}

/// Title and description of the place at `path`, as written beside it.
///
/// Remembered per thread, as [`node_at`] is: the Excel reader asks for the
/// label of each column of each row it reads.
pub fn label_at(path: &[Step<'_>]) -> (Option<String>, Option<String>) {
    thread_local! {
        static KNOWN: Remembered<(Option<String>, Option<String>)> = Remembered::default();
    }
    KNOWN.with(|known| known.get_or(path, || read_label(path)))
}

fn read_label(path: &[Step<'_>]) -> (Option<String>, Option<String>) {
    let schema = ReportSchema::embedded().value();
    // The text beside a `$ref` is the property's own: read it before resolving.
    let (parent, last) = match path.split_last() {
        Some((last, parent)) => (parent, Some(last)),
        None => (path, None),
    };
    let raw = match (node_at(parent), last) {
        (Some(p), Some(Step::Key(k))) => p.get("properties").and_then(|ps| ps.get(*k)),
        (Some(p), Some(Step::Item)) => p.get("items"),
        (Some(p), None) => Some(p),
        _ => None,
    };
    let text = |n: Option<&Value>, key: &str| {
        n.and_then(|n| n.get(key))
            .and_then(Value::as_str)
            .map(str::to_owned)
    };
    let resolved = raw.and_then(|r| resolve(schema, r));
    (
        text(raw, "title").or_else(|| text(resolved, "title")),
        text(raw, "description").or_else(|| text(resolved, "description")),
    )
}

/// Parses a JSON pointer into steps (numeric tokens become [`Step::Item`]).
pub fn steps(tokens: &[String]) -> Vec<Step<'_>> {
    tokens
        .iter()
        .map(|t| {
            if !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()) {
                Step::Item
            } else {
                Step::Key(t.as_str())
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use Step::{Item, Key};

    #[test]
    fn kinds_follow_refs_and_items() {
        assert_eq!(
            kind_at(&[Key("forms"), Key("B"), Key("total")]),
            Kind::Integer
        );
        assert_eq!(
            kind_at(&[Key("forms"), Key("C"), Key("areas")]),
            Kind::Array
        );
        assert_eq!(
            kind_at(&[Key("forms"), Key("C"), Key("areas"), Item, Key("area_m2")]),
            Kind::Number
        );
        assert_eq!(
            kind_at(&[
                Key("forms"),
                Key("A"),
                Key("measures"),
                Item,
                Key("penal_sanctions")
            ]),
            Kind::Boolean
        );
        assert_eq!(
            kind_at(&[
                Key("forms"),
                Key("C"),
                Key("areas"),
                Item,
                Key("classification")
            ]),
            Kind::String
        );
        assert_eq!(kind_at(&[Key("period"), Key("from")]), Kind::String);
        assert_eq!(
            kind_at(&[Key("forms"), Key("C"), Key("extensions"), Key("x")]),
            Kind::Any
        );
        assert_eq!(kind_at(&[Key("nonsense")]), Kind::Any);
    }

    #[test]
    fn keys_and_enums() {
        let keys = keys_at(&[Key("forms"), Key("C"), Key("areas"), Item]);
        assert_eq!(keys.first().map(String::as_str), Some("id"));
        assert!(keys.contains(&"classification".to_owned()));
        assert_eq!(
            enum_at(&[
                Key("forms"),
                Key("C"),
                Key("areas"),
                Item,
                Key("classification")
            ]),
            Some(vec!["CHA".to_owned(), "SHA".to_owned()])
        );
        assert_eq!(keys_at(&[Key("forms")]).len(), 11, "A..J and extensions");
    }

    #[test]
    fn labels_prefer_the_propertys_own_text() {
        let (title, _) = label_at(&[Key("forms"), Key("C"), Key("areas")]);
        assert_eq!(title.as_deref(), Some("Areas"));
    }
}

/// The model version new reports are written in (templates, skeletons):
/// the schema's `format_version` default.
pub const CURRENT_FORMAT_VERSION: &str = "1.1";

/// The members of a report newer than the model version it declares: each
/// present member whose schema property is marked `"x-since": V` with V
/// later than `declared`, as (JSON pointer, V), ordered by the schema's
/// places, then by position in lists. A newer member's own content is not
/// listed again.
pub fn members_newer_than(value: &Value, declared: &str) -> Vec<(String, &'static str)> {
    let mut out = Vec::new();
    let Some(declared) = version(declared) else {
        return out;
    };
    // Only the places the schema marks are visited (a handful), never the
    // whole report: reports run to megabytes.
    for (path, since) in versioned_places() {
        if version(since).is_some_and(|v| v > declared) {
            collect(value, path, &mut Vec::new(), since, &mut out);
        }
    }
    out
}

/// A place of the schema: the path to it (`None` = any item of a list),
/// and the version its `x-since` names.
type Place = (Vec<Option<String>>, &'static str);

/// Every place of the schema whose property is marked `x-since`. Computed
/// once.
fn versioned_places() -> &'static [Place] {
    static PLACES: std::sync::OnceLock<Vec<Place>> = std::sync::OnceLock::new();
    PLACES.get_or_init(|| {
        let schema = ReportSchema::embedded().value();
        let mut out = Vec::new();
        if let Some(root) = resolve(schema, schema) {
            places_in(schema, root, &mut Vec::new(), &mut out);
        }
        out
    })
}

fn places_in(
    root: &'static Value,
    node: &'static Value,
    path: &mut Vec<Option<String>>,
    out: &mut Vec<Place>,
) {
    // The model nests a few levels deep; the bound only guards a cycle.
    if path.len() > 12 {
        return;
    }
    if let Some(props) = node.get("properties").and_then(Value::as_object) {
        for (key, raw) in props {
            if key == "extensions" {
                continue;
            }
            path.push(Some(key.clone()));
            match raw.get("x-since").and_then(Value::as_str) {
                Some(v) => out.push((path.clone(), v)),
                None => {
                    if let Some(sub) = resolve(root, raw) {
                        places_in(root, sub, path, out);
                    }
                }
            }
            path.pop();
        }
    }
    if let Some(sub) = node.get("items").and_then(|i| resolve(root, i)) {
        path.push(None);
        places_in(root, sub, path, out);
        path.pop();
    }
}

/// The members of `value` at `path` (relative), their pointers built from
/// `tokens` (the way there).
fn collect(
    value: &Value,
    path: &[Option<String>],
    tokens: &mut Vec<String>,
    since: &'static str,
    out: &mut Vec<(String, &'static str)>,
) {
    let Some((step, rest)) = path.split_first() else {
        let pointer: String = tokens
            .iter()
            .map(|t| format!("/{}", crate::diagnostics::escape_pointer_token(t)))
            .collect();
        out.push((pointer, since));
        return;
    };
    match (step, value) {
        (Some(key), Value::Object(members)) => {
            if let Some(member) = members.get(key) {
                tokens.push(key.clone());
                collect(member, rest, tokens, since, out);
                tokens.pop();
            }
        }
        (None, Value::Array(items)) => {
            for (i, item) in items.iter().enumerate() {
                tokens.push(i.to_string());
                collect(item, rest, tokens, since, out);
                tokens.pop();
            }
        }
        _ => {}
    }
}

/// `1.1` → (1, 1).
fn version(text: &str) -> Option<(u32, u32)> {
    let (major, minor) = text.split_once('.')?;
    Some((major.parse().ok()?, minor.parse().ok()?))
}

/// An empty-but-well-formed report: every required member, with every form
/// marked `provided` and its required content present but empty (text
/// `""`, numbers 0, lists `[]`; enumerations take their first value,
/// constants their value). `article7 template --format json|xml` writes it;
/// validating it lists what must be filled in.
pub fn skeleton() -> Value {
    let schema = ReportSchema::embedded().value();
    skeleton_of(schema, schema, 0)
}

fn skeleton_of(root: &Value, node: &Value, depth: usize) -> Value {
    let Some(node) = resolve(root, node) else {
        return Value::Null;
    };
    if let Some(c) = node.get("const").or_else(|| node.get("default")) {
        return c.clone();
    }
    if let Some(first) = node.get("enum").and_then(|e| e.get(0)) {
        return first.clone();
    }
    match kind_of(node) {
        Kind::String => Value::String(String::new()),
        Kind::Integer | Kind::Number => Value::from(0),
        Kind::Boolean => Value::Bool(false),
        Kind::Array => Value::Array(Vec::new()),
        Kind::Any => Value::Null,
        Kind::Object if depth > 8 => Value::Object(serde_json::Map::new()),
        Kind::Object => {
            let props = node.get("properties").and_then(Value::as_object);
            let mut required: Vec<&str> = node
                .get("required")
                .and_then(Value::as_array)
                .map(|r| r.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            // Forms: the content the `provided` branch requires.
            for branch in node
                .get("allOf")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                let provided = branch
                    .pointer("/if/properties/cover/const")
                    .and_then(Value::as_str)
                    == Some("provided");
                if provided {
                    if let Some(r) = branch.pointer("/then/required").and_then(Value::as_array) {
                        required.extend(r.iter().filter_map(Value::as_str));
                    }
                }
            }
            let mut out = serde_json::Map::new();
            // Schema order, so the skeleton reads like the model.
            if let Some(props) = props {
                for (key, sub) in props {
                    if required.contains(&key.as_str()) {
                        let value = if key == "cover" {
                            Value::String("provided".into())
                        } else {
                            skeleton_of(root, sub, depth + 1)
                        };
                        out.insert(key.clone(), value);
                    }
                }
            }
            Value::Object(out)
        }
    }
}

#[cfg(test)]
mod skeleton_tests {
    use super::{skeleton, CURRENT_FORMAT_VERSION};

    #[test]
    fn skeleton_has_every_required_member_and_provided_forms() {
        let s = skeleton();
        assert_eq!(s["format_version"], CURRENT_FORMAT_VERSION);
        assert_eq!(s["forms"]["B"]["cover"], "provided");
        assert_eq!(s["forms"]["B"]["total"], 0);
        assert!(s["forms"]["C"]["areas"].as_array().unwrap().is_empty());
        assert_eq!(s["forms"]["C"]["totals"]["area_m2"], 0);
        assert!(s["forms"].get("J").is_none(), "Form J is optional");
        assert_eq!(s["forms"]["E"]["facilities"], serde_json::json!([]));
    }
}

#[cfg(test)]
mod version_tests {
    use super::{members_newer_than, CURRENT_FORMAT_VERSION};
    use serde_json::json;

    #[test]
    fn lists_the_members_a_declared_version_lacks() {
        let doc = json!({
            "format_version": "1.0",
            "forms": {
                "C": {"cover": "provided", "areas": [
                    {"id": "A", "name": "A", "area_m2": 1},
                    {"id": "B", "name": "B", "area_m2": 1, "improvised": true}
                ], "totals": {"areas": 2, "area_m2": 2, "cha_m2": 0, "sha_m2": 0, "unclassified_m2": 2}},
                "J": {"cover": "provided", "victim_assistance": {"casualties": {
                    "total": 3, "by_group": {"total": 3, "with_disability": 1},
                    "by_device": {"improvised_mine": 3}
                }}},
                "extensions": {"x": {"improvised": true}}
            }
        });
        let found: Vec<String> = members_newer_than(&doc, "1.0")
            .into_iter()
            .map(|(p, v)| format!("{p} {v}"))
            .collect();
        assert_eq!(
            found,
            [
                "/forms/C/areas/1/improvised 1.1",
                "/forms/C/totals/unclassified_m2 1.1",
                "/forms/J/victim_assistance/casualties/by_group/with_disability 1.1",
                "/forms/J/victim_assistance/casualties/by_device 1.1",
            ]
        );
        assert!(members_newer_than(&doc, CURRENT_FORMAT_VERSION).is_empty());
        // The shortcut for the current version holds: nothing in the
        // schema is newer than it.
        let schema = crate::schema::ReportSchema::embedded().value().to_string();
        let marks: Vec<usize> = schema
            .match_indices("\"x-since\":")
            .map(|(i, _)| i)
            .collect();
        assert!(marks.len() >= 11, "{}", marks.len());
        for i in marks {
            let rest = &schema[i + "\"x-since\":".len()..];
            let v = rest.trim_start().trim_start_matches('"');
            let v = &v[..v.find('"').unwrap()];
            assert!(
                super::version(v) <= super::version(CURRENT_FORMAT_VERSION),
                "{v}"
            );
        }
        assert!(members_newer_than(&doc, "not a version").is_empty());
    }
}
