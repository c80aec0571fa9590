//! The report's JSON Schema: compiled once per process, shared by every
//! thread; each schema error becomes a [`Diagnostic`] at the offending value.

use crate::diagnostics::{escape_pointer_token, pointer_tokens, Diagnostic, Severity};
use crate::i18n::{Arg, MessageKey};
use crate::model::Document;
use crate::source::Format;
use jsonschema::error::{TypeKind, ValidationErrorKind};
use jsonschema::{Draft, Validator};
use serde_json::Value;
use std::collections::HashSet;
use std::sync::OnceLock;

/// The report schema shipped in the binary.
pub const EMBEDDED_SCHEMA: &str = include_str!("../schemas/article7-report.schema.json");

/// A compiled report schema.
pub struct ReportSchema {
    schema: Value,
    validator: Validator,
}

/// What the schema said about one document.
#[derive(Debug, Default)]
pub struct SchemaOutcome {
    /// One finding per distinct problem, in document order.
    pub findings: Vec<Diagnostic>,
    /// Pointers of the values the schema rejects (for a missing member, the
    /// pointer it would have). Rules that read one of them are skipped.
    pub rejected: Vec<String>,
}

impl ReportSchema {
    /// The embedded schema, compiled on first use.
    pub fn embedded() -> &'static ReportSchema {
        static SCHEMA: OnceLock<ReportSchema> = OnceLock::new();
        SCHEMA.get_or_init(|| {
            let value: Value =
                serde_json::from_str(EMBEDDED_SCHEMA).expect("the embedded schema is valid JSON");
            ReportSchema::new(value).expect("the embedded schema compiles")
        })
    }

    /// Compiles `schema` (draft 2020-12, formats asserted, nothing fetched).
    pub fn new(schema: Value) -> Result<ReportSchema, String> {
        let validator = jsonschema::options()
            .with_draft(Draft::Draft202012)
            .should_validate_formats(true)
            .build(&schema)
            .map_err(|e| e.to_string())?;
        Ok(ReportSchema { schema, validator })
    }

    /// The schema as JSON.
    pub fn value(&self) -> &Value {
        &self.schema
    }

    /// Whether `value` passes the schema (cheap path, no diagnostics).
    pub fn is_valid(&self, value: &Value) -> bool {
        self.validator.is_valid(value)
    }

    /// Checks a document and turns every error into a located finding.
    pub fn check(&self, doc: &Document) -> SchemaOutcome {
        let mut out = SchemaOutcome::default();
        if self.validator.is_valid(&doc.value) {
            return out;
        }
        let mut seen = HashSet::new();
        for error in self.validator.iter_errors(&doc.value) {
            let instance_path = error.instance_path().as_str().to_owned();
            let schema_path = error.schema_path().as_str().to_owned();
            let about = self.field_help(error.evaluation_path().as_str());
            for finding in self.describe(
                error.kind(),
                error.instance(),
                &instance_path,
                &schema_path,
                about,
            ) {
                if seen.insert((finding.rule.clone(), finding.pointer.clone())) {
                    out.rejected.push(finding.pointer.clone());
                    out.findings.push(finding);
                }
            }
        }
        for f in &mut out.findings {
            f.location = if f.rule == "schema/additional-properties" {
                doc.locate_key(&f.pointer)
            } else if f.rule == "schema/required" {
                // The member is missing: point at the object that lacks it.
                doc.locate(crate::diagnostics::parent_pointer(&f.pointer).unwrap_or(""))
            } else {
                doc.locate(&f.pointer)
            };
        }
        if doc.format == Format::Xlsx {
            for f in &mut out.findings {
                in_spreadsheet_words(f);
            }
        }
        out
    }

    /// The subschema at a schema path (relative to the root), if any.
    fn subschema(&self, schema_path: &str) -> Option<&Value> {
        let mut node = &self.schema;
        for token in pointer_tokens(schema_path) {
            node = match node {
                Value::Object(m) => m.get(&token)?,
                Value::Array(a) => a.get(token.parse::<usize>().ok()?)?,
                _ => return None,
            };
        }
        Some(node)
    }

    /// Description (or title) of the field whose schema failed: walks the
    /// evaluation path through `$ref`s and prefers the text written beside
    /// the `$ref` (the property's own, "Number of sessions held") over the
    /// referenced type's generic one ("A whole number, zero or more").
    fn field_help(&self, evaluation_path: &str) -> Option<String> {
        let tokens = pointer_tokens(evaluation_path);
        let (_keyword, walk) = tokens.split_last()?;
        let mut node = &self.schema;
        let mut referrer: Option<&Value> = None;
        for token in walk {
            if token == "$ref" {
                let target = node.get("$ref")?.as_str()?.strip_prefix('#')?;
                referrer = Some(node);
                node = self.subschema(target)?;
                continue;
            }
            referrer = None;
            node = match node {
                Value::Object(m) => m.get(token)?,
                Value::Array(a) => a.get(token.parse::<usize>().ok()?)?,
                _ => return None,
            };
        }
        let text = |n: &Value| {
            n.get("description")
                .or_else(|| n.get("title"))
                .and_then(Value::as_str)
                .map(str::to_owned)
        };
        referrer.and_then(text).or_else(|| text(node))
    }

    fn describe(
        &self,
        kind: &ValidationErrorKind,
        instance: &Value,
        pointer: &str,
        schema_path: &str,
        about: Option<String>,
    ) -> Vec<Diagnostic> {
        let field = field_key(pointer);
        let about_arg = || -> Arg {
            match &about {
                Some(text) => MessageKey::new("about")
                    .arg("field", field_key(pointer))
                    .arg("text", Arg::Description(text.clone()))
                    .into(),
                None => "".into(),
            }
        };
        let one = |keyword: &str, key: MessageKey| vec![finding(keyword, key, pointer.to_owned())];
        let found = found_key(instance);
        match kind {
            ValidationErrorKind::Required { property } => {
                let name = property.as_str().unwrap_or_default();
                let member = format!("{pointer}/{}", escape_pointer_token(name));
                let where_: Arg = if pointer.is_empty() {
                    MessageKey::new("the-report").into()
                } else {
                    format!("`{pointer}`").into()
                };
                let about = self
                    .subschema(&format!(
                        "{}/properties/{}",
                        crate::diagnostics::parent_pointer(schema_path).unwrap_or(""),
                        escape_pointer_token(name)
                    ))
                    .and_then(|s| s.get("description").or_else(|| s.get("title")))
                    .and_then(Value::as_str)
                    .map_or_else(
                        || Arg::from(""),
                        |d| {
                            MessageKey::new("about-required")
                                .arg("text", Arg::Description(d.to_owned()))
                                .into()
                        },
                    );
                vec![finding(
                    "required",
                    MessageKey::new("schema-required")
                        .arg("name", name)
                        .arg("where", where_)
                        .arg("about", about),
                    member,
                )]
            }
            ValidationErrorKind::AdditionalProperties { unexpected } => {
                let allowed = self.allowed_keys(schema_path);
                unexpected
                    .iter()
                    .map(|key| {
                        let suggestion: Arg = match crate::diagnostics::closest_name(key, &allowed)
                        {
                            Some(s) => MessageKey::new("schema-suggestion").arg("key", s).into(),
                            None => "".into(),
                        };
                        let list: Arg = if allowed.is_empty() {
                            "".into()
                        } else {
                            MessageKey::new("schema-allowed")
                                .arg("list", allowed.join(", "))
                                .into()
                        };
                        finding(
                            "additional-properties",
                            MessageKey::new("schema-additional-properties")
                                .arg("key", key.as_str())
                                .arg("suggestion", suggestion)
                                .arg("allowed", list),
                            format!("{pointer}/{}", escape_pointer_token(key)),
                        )
                    })
                    .collect()
            }
            ValidationErrorKind::Enum { options } => {
                let opts = options
                    .as_array()
                    .map(|a| a.iter().map(plain).collect::<Vec<_>>().join(", "))
                    .unwrap_or_default();
                let codes: Vec<String> = options
                    .as_array()
                    .map(|a| a.iter().map(plain).collect())
                    .unwrap_or_default();
                let suggestion: Arg = match instance.as_str().and_then(|t| nearest_code(t, &codes))
                {
                    Some(code) => {
                        let label = |l| crate::i18n::code_label(&code, l).unwrap_or_default();
                        MessageKey::new("schema-enum-suggestion")
                            .arg("label_en", label("en"))
                            .arg("label_fr", label("fr"))
                            .arg("label_es", label("es"))
                            .arg("code", code)
                            .into()
                    }
                    None => "".into(),
                };
                one(
                    "enum",
                    MessageKey::new("schema-enum")
                        .arg("field", field)
                        .arg("options", opts)
                        .arg("found", shown(instance))
                        .arg("about", about_arg())
                        .arg("suggestion", suggestion),
                )
            }
            ValidationErrorKind::Constant { expected_value } => one(
                "const",
                MessageKey::new("schema-const")
                    .arg("field", field)
                    .arg("expected", plain(expected_value))
                    .arg("found", shown(instance)),
            ),
            ValidationErrorKind::Type { kind } => {
                let names: Vec<&str> = match kind {
                    TypeKind::Single(t) => vec![t.as_str()],
                    TypeKind::Multiple(set) => set.iter().map(|t| t.as_str()).collect(),
                };
                let numeric = names.iter().all(|t| matches!(*t, "integer" | "number"));
                let expected = names
                    .iter()
                    .map(|t| type_key(t))
                    .reduce(|a, b| MessageKey::new("type-or").arg("a", a).arg("b", b))
                    .unwrap_or_else(|| type_key("other"));
                let quotes: Arg = if instance.is_string() && numeric {
                    MessageKey::new("schema-type-quotes").into()
                } else {
                    "".into()
                };
                one(
                    "type",
                    MessageKey::new("schema-type")
                        .arg("field", field)
                        .arg("expected", expected)
                        .arg("found", found)
                        .arg("quotes", quotes)
                        .arg("about", about_arg()),
                )
            }
            ValidationErrorKind::Format { format } => {
                let id = match format.as_str() {
                    "date" => "schema-format-date",
                    "email" => "schema-format-email",
                    _ => "schema-format-other",
                };
                one(
                    "format",
                    MessageKey::new(id)
                        .arg("field", field)
                        .arg("format", format.as_str())
                        .arg("found", shown(instance)),
                )
            }
            ValidationErrorKind::Pattern { pattern } => {
                let id = match pattern.as_str() {
                    "\\S" => "schema-pattern-text",
                    "^[A-Z]{3}$" => "schema-pattern-code",
                    _ => "schema-pattern-other",
                };
                one(
                    "pattern",
                    MessageKey::new(id)
                        .arg("field", field)
                        .arg("pattern", pattern.as_str())
                        .arg("found", shown(instance))
                        .arg("about", about_arg()),
                )
            }
            ValidationErrorKind::Minimum { limit } => one(
                "minimum",
                MessageKey::new("schema-minimum")
                    .arg("field", field)
                    .arg("limit", limit.to_string())
                    .arg("found", shown(instance))
                    .arg("about", about_arg()),
            ),
            ValidationErrorKind::Maximum { limit } => one(
                "maximum",
                MessageKey::new("schema-maximum")
                    .arg("field", field)
                    .arg("limit", limit.to_string())
                    .arg("found", shown(instance))
                    .arg("about", about_arg()),
            ),
            ValidationErrorKind::MinItems { limit } => one(
                "min-items",
                MessageKey::new("schema-min-items")
                    .arg("field", field)
                    .arg("limit", i64::try_from(*limit).unwrap_or(i64::MAX))
                    .arg("count", instance.as_array().map_or(0, Vec::len))
                    .arg("about", about_arg()),
            ),
            other => {
                let keyword = kebab(other.keyword());
                one(
                    &keyword,
                    MessageKey::new("schema-other")
                        .arg("field", field)
                        .arg("keyword", other.keyword()),
                )
            }
        }
    }

    /// Property names declared next to the failing `additionalProperties`.
    fn allowed_keys(&self, schema_path: &str) -> Vec<String> {
        crate::diagnostics::parent_pointer(schema_path)
            .and_then(|p| self.subschema(p))
            .and_then(|s| s.get("properties"))
            .and_then(Value::as_object)
            .map(|m| m.keys().cloned().collect())
            .unwrap_or_default()
    }
}

fn finding(keyword: &str, key: MessageKey, pointer: String) -> Diagnostic {
    Diagnostic::keyed(
        format!("schema/{keyword}"),
        keyword.to_owned(),
        Severity::Error,
        key,
        pointer,
    )
}

/// How a message names the value at `pointer`: `` `classification` `` or
/// "item 3 of `areas`" (in the message's language).
fn field_key(pointer: &str) -> MessageKey {
    let tokens = pointer_tokens(pointer);
    match tokens.as_slice() {
        [] => MessageKey::new("the-report"),
        [.., parent, last] if last.parse::<usize>().is_ok() => MessageKey::new("field-item")
            .arg("key", parent.as_str())
            .arg("item", last.parse::<usize>().unwrap_or(0) + 1),
        [.., last] => MessageKey::new("field-key").arg("key", last.as_str()),
    }
}

fn type_key(t: &str) -> MessageKey {
    MessageKey::new(match t {
        "integer" => "type-integer",
        "number" => "type-number",
        "string" => "type-string",
        "boolean" => "type-boolean",
        "array" => "type-array",
        "object" => "type-object",
        "null" => "type-null",
        _ => "type-other",
    })
}

fn found_key(v: &Value) -> MessageKey {
    match v {
        Value::Null => MessageKey::new("found-null"),
        Value::Bool(b) => MessageKey::new("found-bool").arg("value", b.to_string()),
        Value::Number(n) => MessageKey::new("found-number").arg("value", n.to_string()),
        Value::String(_) => MessageKey::new("found-text").arg("value", shown(v)),
        Value::Array(_) => MessageKey::new("found-list"),
        Value::Object(_) => MessageKey::new("found-object"),
    }
}

/// A value as a message shows it: `XHA`, 12, `` `` `` for empty text.
/// The allowed code nearest to `found`, comparing it with each code and
/// with the code's label in every language (`XHA` → `CHA`, `fourn` →
/// `provided`, `anuel` → `annual`), when it is a likely slip.
fn nearest_code(found: &str, codes: &[String]) -> Option<String> {
    let t = found.trim().to_lowercase();
    codes
        .iter()
        .map(|code| {
            let mut names = vec![code.to_lowercase()];
            for lang in crate::i18n::LANGUAGES {
                if let Some(l) = crate::i18n::code_label(code, lang) {
                    let l = l.to_lowercase();
                    // "ZDC (zone dangereuse confirmée)": either half alone
                    // is what people type.
                    if let Some((short, long)) = l.split_once(" (") {
                        names.push(short.to_owned());
                        names.push(long.trim_end_matches(')').to_owned());
                    }
                    names.push(l);
                }
            }
            let (d, len) = names
                .iter()
                .map(|n| (crate::diagnostics::edit_distance(&t, n), n.chars().count()))
                .min()
                .unwrap_or((usize::MAX, 0));
            (d, len, code)
        })
        .filter(|(d, len, _)| *d <= (len / 3).max(1))
        .min_by_key(|(d, _, _)| *d)
        .map(|(_, _, c)| c.clone())
}

fn shown(v: &Value) -> String {
    match v {
        Value::String(s) => {
            let mut s: String = s.chars().take(80).collect();
            if s.len() < v.as_str().map_or(0, str::len) {
                s.push('…');
            }
            format!("`{s}`")
        }
        Value::Array(_) => "a list".into(),
        Value::Object(_) => "an object".into(),
        other => other.to_string(),
    }
}

fn plain(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn kebab(keyword: &str) -> String {
    let mut out = String::new();
    for c in keyword.chars() {
        if c.is_ascii_uppercase() {
            out.push('-');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// Spreadsheet users type into cells: there are no quotes to take off a
/// number, and whether a typed date becomes a date depends on how it is
/// typed. The help says so for findings on a workbook.
fn in_spreadsheet_words(f: &mut Diagnostic) {
    let label = match &f.location {
        Some(crate::diagnostics::SourceLocation::Cell {
            header: Some(h), ..
        }) => Some(h.clone()),
        _ => None,
    };
    let Some(key) = f.key.as_mut() else { return };
    let changed = match key.id {
        "schema-format-date" => {
            key.id = "schema-format-date-cell";
            true
        }
        "schema-enum" => {
            // The drop-down offers labels: name them, not the codes.
            key.id = "schema-enum-cell";
            for (name, arg) in &mut key.args {
                if let ("options", Arg::Text(list)) = (*name, &*arg) {
                    *arg = Arg::Codes(list.split(", ").map(str::to_owned).collect());
                }
            }
            true
        }
        _ => false,
    };
    if changed | in_cell_words(key, label.as_deref()) {
        f.message = crate::i18n::text("en", key);
        f.help = crate::i18n::render("en", key, Some("help"));
    }
}

/// Rewrites a schema message's arguments for a workbook: the field named by
/// the label the user sees (`label`, the cell's header) instead of its key,
/// booleans as a spreadsheet takes them, numbers typed without quotes.
/// Whether anything changed.
fn in_cell_words(key: &mut MessageKey, label: Option<&str>) -> bool {
    let mut changed = false;
    for (name, arg) in &mut key.args {
        let Arg::Message(m) = arg else { continue };
        match (*name, m.id) {
            ("quotes", "schema-type-quotes") => {
                *arg = MessageKey::new("schema-type-cell").into();
                changed = true;
            }
            // The message names the field by its label already: the
            // description alone follows the help.
            ("about", "about") if label.is_some() => {
                m.id = "about-required";
                changed = true;
            }
            ("suggestion", "schema-enum-suggestion") => {
                m.id = "schema-enum-suggestion-cell";
                changed = true;
            }
            (_, "type-boolean") => {
                m.id = "type-boolean-cell";
                changed = true;
            }
            ("field", "field-key" | "field-item") => {
                if let Some(label) = label {
                    *arg = MessageKey::new("field-label").arg("label", label).into();
                    changed = true;
                }
            }
            _ => changed |= in_cell_words(m, label),
        }
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_for_misspelt_keys() {
        let allowed = vec![
            "classification".to_owned(),
            "area_m2".to_owned(),
            "id".to_owned(),
        ];
        assert_eq!(
            crate::diagnostics::closest_name("clasification", &allowed).as_deref(),
            Some("classification")
        );
        assert_eq!(
            crate::diagnostics::closest_name("area_m3", &allowed).as_deref(),
            Some("area_m2")
        );
        assert_eq!(crate::diagnostics::closest_name("zzzzzz", &allowed), None);
    }

    #[test]
    fn keywords_become_kebab_case() {
        assert_eq!(kebab("additionalProperties"), "additional-properties");
        assert_eq!(kebab("minItems"), "min-items");
        assert_eq!(kebab("enum"), "enum");
    }

    #[test]
    fn field_names_in_messages() {
        let en = |p: &str| crate::i18n::text("en", &field_key(p));
        assert_eq!(en("/forms/C/areas/0/classification"), "`classification`");
        assert_eq!(en("/forms/C/areas/2"), "item 3 of `areas`");
        assert_eq!(en(""), "the report");
        assert_eq!(
            crate::i18n::text("fr", &field_key("/forms/C/areas/2")),
            "l'élément 3 de `areas`"
        );
    }
}
