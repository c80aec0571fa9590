//! The report's JSON Schema: compiled once per process, shared by every
//! thread; each schema error becomes a [`Diagnostic`] at the offending value.

use crate::diagnostics::{escape_pointer_token, pointer_tokens, Diagnostic, Severity};
use crate::model::Document;
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
        let field = field_name(pointer);
        let with_about = |help: String| match &about {
            Some(a) => format!("{help} ({field}: {a})"),
            None => help,
        };
        let one = |keyword: &str, message: String, help: String| {
            vec![finding(keyword, message, pointer.to_owned(), help)]
        };
        match kind {
            ValidationErrorKind::Required { property } => {
                let name = property.as_str().unwrap_or_default();
                let member = format!("{pointer}/{}", escape_pointer_token(name));
                let where_ = if pointer.is_empty() {
                    "the report".to_owned()
                } else {
                    format!("`{pointer}`")
                };
                let about = self
                    .subschema(&format!(
                        "{}/properties/{}",
                        crate::diagnostics::parent_pointer(schema_path).unwrap_or(""),
                        escape_pointer_token(name)
                    ))
                    .and_then(|s| s.get("description").or_else(|| s.get("title")))
                    .and_then(Value::as_str)
                    .map(|d| format!(" ({d})"))
                    .unwrap_or_default();
                vec![finding(
                    "required",
                    format!("`{name}` is required in {where_} but is missing"),
                    member,
                    format!("add `{name}`{about}"),
                )]
            }
            ValidationErrorKind::AdditionalProperties { unexpected } => {
                let allowed = self.allowed_keys(schema_path);
                unexpected
                    .iter()
                    .map(|key| {
                        let suggestion = closest(key, &allowed)
                            .map(|s| format!("did you mean `{s}`? "))
                            .unwrap_or_default();
                        let list = if allowed.is_empty() {
                            String::new()
                        } else {
                            format!(" Allowed here: {}.", allowed.join(", "))
                        };
                        finding(
                            "additional-properties",
                            format!("`{key}` is not a field the report model knows here"),
                            format!("{pointer}/{}", escape_pointer_token(key)),
                            format!(
                                "{suggestion}check the spelling (keys are snake_case), or move extra information under `extensions`.{list}"
                            ),
                        )
                    })
                    .collect()
            }
            ValidationErrorKind::Enum { options } => {
                let opts = options
                    .as_array()
                    .map(|a| a.iter().map(plain).collect::<Vec<_>>().join(", "))
                    .unwrap_or_default();
                one(
                    "enum",
                    format!("{field} must be one of {opts}; found {}", shown(instance)),
                    with_about("use one of the listed codes exactly as written".into()),
                )
            }
            ValidationErrorKind::Constant { expected_value } => one(
                "const",
                format!(
                    "{field} must be `{}`; found {}",
                    plain(expected_value),
                    shown(instance)
                ),
                format!("write `{}`", plain(expected_value)),
            ),
            ValidationErrorKind::Type { kind } => {
                let expected = match kind {
                    TypeKind::Single(t) => type_phrase(t.as_str()).to_owned(),
                    TypeKind::Multiple(set) => set
                        .iter()
                        .map(|t| type_phrase(t.as_str()))
                        .collect::<Vec<_>>()
                        .join(" or "),
                };
                let mut help = format!("write {expected}");
                if instance.is_string()
                    && matches!(expected.as_str(), "a whole number" | "a number")
                {
                    help.push_str(" without quotes");
                }
                one(
                    "type",
                    format!(
                        "{field} must be {expected}; found {}",
                        describe_value(instance)
                    ),
                    with_about(help),
                )
            }
            ValidationErrorKind::Format { format } => {
                let (what, example) = match format.as_str() {
                    "date" => ("a calendar date written YYYY-MM-DD", "2019-12-31"),
                    "email" => ("an e-mail address", "name@example.org"),
                    _ => ("", ""),
                };
                if what.is_empty() {
                    one(
                        "format",
                        format!("{field} is not a valid {format}; found {}", shown(instance)),
                        format!("write a valid {format}"),
                    )
                } else {
                    one(
                        "format",
                        format!("{field} must be {what}; found {}", shown(instance)),
                        format!("write it like `{example}`"),
                    )
                }
            }
            ValidationErrorKind::Pattern { pattern } => {
                let (message, help) = match pattern.as_str() {
                    "\\S" => (
                        format!("{field} must not be empty"),
                        "write the information, or remove the field if it is optional".to_owned(),
                    ),
                    "^[A-Z]{3}$" => (
                        format!("{field} must be three capital letters; found {}", shown(instance)),
                        "use the ISO code (ISO 3166-1 alpha-3 for States, e.g. `KHM`; ISO 4217 for currencies, e.g. `USD`)".to_owned(),
                    ),
                    _ => (
                        format!("{field} does not have the expected form; found {}", shown(instance)),
                        format!("it must match the pattern `{pattern}`"),
                    ),
                };
                one("pattern", message, with_about(help))
            }
            ValidationErrorKind::Minimum { limit } => one(
                "minimum",
                format!(
                    "{field} must be at least {limit}; found {}",
                    shown(instance)
                ),
                with_about(format!("write a value of {limit} or more")),
            ),
            ValidationErrorKind::Maximum { limit } => one(
                "maximum",
                format!("{field} must be at most {limit}; found {}", shown(instance)),
                with_about(format!("write a value of {limit} or less")),
            ),
            ValidationErrorKind::MinItems { limit } => one(
                "min-items",
                format!(
                    "{field} must list at least {limit} item{}; found {}",
                    if *limit == 1 { "" } else { "s" },
                    instance.as_array().map_or(0, Vec::len)
                ),
                with_about("add the missing items, or change the form's cover mark".into()),
            ),
            other => {
                let keyword = kebab(other.keyword());
                one(
                    &keyword,
                    format!("{field} breaks the report schema (`{}`)", other.keyword()),
                    "compare the value with the report model (`article7 schema`)".into(),
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

fn finding(keyword: &str, message: String, pointer: String, help: String) -> Diagnostic {
    Diagnostic::new(
        format!("schema/{keyword}"),
        keyword.to_owned(),
        Severity::Error,
        message,
        pointer,
    )
    .with_help(help)
}

/// How a message names the value at `pointer`: `` `classification` `` or
/// "item 3 of `areas`".
fn field_name(pointer: &str) -> String {
    let tokens = pointer_tokens(pointer);
    match tokens.as_slice() {
        [] => "the report".to_owned(),
        [.., parent, last] if last.parse::<usize>().is_ok() => {
            format!(
                "item {} of `{parent}`",
                last.parse::<usize>().unwrap_or(0) + 1
            )
        }
        [.., last] => format!("`{last}`"),
    }
}

fn type_phrase(t: &str) -> &'static str {
    match t {
        "integer" => "a whole number",
        "number" => "a number",
        "string" => "text",
        "boolean" => "true or false",
        "array" => "a list",
        "object" => "an object",
        "null" => "null",
        _ => "a value of another type",
    }
}

fn describe_value(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("`{b}`"),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) => format!("the text {}", shown(&Value::String(s.clone()))),
        Value::Array(_) => "a list".into(),
        Value::Object(_) => "an object".into(),
    }
}

/// A value as a message shows it: `XHA`, 12, `` `` `` for empty text.
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

/// The allowed key closest to a misspelt one, when it is close enough.
fn closest(key: &str, allowed: &[String]) -> Option<String> {
    let key_l = key.to_lowercase();
    allowed
        .iter()
        .map(|a| (edit_distance(&key_l, &a.to_lowercase()), a))
        .filter(|(d, a)| *d <= (a.len() / 3).max(1))
        .min_by_key(|(d, _)| *d)
        .map(|(_, a)| a.clone())
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur.push((prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
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
            closest("clasification", &allowed).as_deref(),
            Some("classification")
        );
        assert_eq!(closest("area_m3", &allowed).as_deref(), Some("area_m2"));
        assert_eq!(closest("zzzzzz", &allowed), None);
    }

    #[test]
    fn keywords_become_kebab_case() {
        assert_eq!(kebab("additionalProperties"), "additional-properties");
        assert_eq!(kebab("minItems"), "min-items");
        assert_eq!(kebab("enum"), "enum");
    }

    #[test]
    fn field_names_in_messages() {
        assert_eq!(
            field_name("/forms/C/areas/0/classification"),
            "`classification`"
        );
        assert_eq!(field_name("/forms/C/areas/2"), "item 3 of `areas`");
        assert_eq!(field_name(""), "the report");
    }
}
