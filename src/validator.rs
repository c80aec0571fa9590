//! The per-file pipeline: read → schema → (rules) → findings in document
//! order. A [`Validator`] is built once per process and shared by threads.

use crate::diagnostics::{pointer_tokens, Diagnostic};
use crate::format;
use crate::history::{History, Predecessors};
use crate::model::Document;
use crate::rules::engine::Related;
/// Moved to [`crate::rules::skip`]; re-exported where it used to be.
pub use crate::rules::Skipped;
use crate::rules::{Catalogue, Engine, EngineOptions, Profile};
use crate::schema::ReportSchema;
use crate::source::{Format, Source};
use serde::Serialize;
use serde_json::Value;
use std::path::Path;

/// Everything found in one input.
#[derive(Debug, Clone, Serialize)]
pub struct FileReport {
    /// The input's name (its path as given, or `<stdin>`).
    pub file: String,
    /// The format it was read as, when known.
    pub format: Option<Format>,
    /// The State the report is from (`state.code`), when it gives one.
    pub state: Option<String>,
    /// The year the report covers (the year of `period.to`), when it gives one.
    pub year: Option<i64>,
    /// Findings in document order.
    pub findings: Vec<Diagnostic>,
    /// Rules not evaluated on this file, and why.
    pub skipped: Vec<Skipped>,
    /// The profile (action plan) the report was held to: chosen from its
    /// period or forced with `--profile`; `None` when nothing could be read.
    pub profile: Option<Profile>,
    /// The source text (JSON, XML), kept for rendering snippets.
    #[serde(skip)]
    pub text: Option<String>,
}

impl FileReport {
    /// A report for an input that could not be read at all.
    pub fn unreadable(file: String, finding: Diagnostic) -> FileReport {
        FileReport {
            file,
            format: None,
            state: None,
            year: None,
            findings: vec![finding],
            skipped: Vec::new(),
            profile: None,
            text: None,
        }
    }
}

/// Validates reports against the embedded schema and a rule catalogue.
pub struct Validator {
    schema: &'static ReportSchema,
    engine: Engine,
}

impl Default for Validator {
    fn default() -> Self {
        Validator::new()
    }
}

impl Validator {
    /// A validator with the embedded schema and catalogue, default options.
    pub fn new() -> Validator {
        let catalogue = Catalogue::embedded().expect("the embedded catalogue compiles");
        let engine =
            Engine::new(catalogue, EngineOptions::default()).expect("default options name no rule");
        Validator::with_engine(engine)
    }

    /// A validator with the embedded schema and the given rule engine.
    pub fn with_engine(engine: Engine) -> Validator {
        Validator {
            schema: ReportSchema::embedded(),
            engine,
        }
    }

    /// The rule engine.
    pub fn engine(&self) -> &Engine {
        &self.engine
    }

    /// Reads and validates one file; never fails: problems become findings.
    pub fn validate_path(&self, path: &Path) -> FileReport {
        self.validate_path_with(path, &History::default())
    }

    /// Reads and validates one file, with its predecessors from `history`
    /// bound for the year-over-year rules.
    pub fn validate_path_with(&self, path: &Path, history: &History) -> FileReport {
        match Source::read(path) {
            Ok(source) => self.validate_in(&source, Some(path), history),
            Err(reason) => {
                FileReport::unreadable(path.display().to_string(), format::unreadable(&reason))
            }
        }
    }

    /// Validates one input held in memory.
    pub fn validate_source(&self, source: &Source) -> FileReport {
        self.validate_source_with(source, &History::default())
    }

    /// Validates one input held in memory, with its predecessors from
    /// `history` bound for the year-over-year rules.
    pub fn validate_source_with(&self, source: &Source, history: &History) -> FileReport {
        self.validate_in(source, None, history)
    }

    fn validate_in(&self, source: &Source, path: Option<&Path>, history: &History) -> FileReport {
        let ingested = format::load(source);
        let predecessors = match ingested.document.as_ref() {
            Some(d) if !history.is_empty() => match crate::history::key_of(&d.value) {
                Some(key) => {
                    let depth = if self.engine.reads_history(&d.value) {
                        crate::rules::catalogue::HISTORY_DEPTH
                    } else {
                        0
                    };
                    history.predecessors(&key, path, depth)
                }
                None => Predecessors::default(),
            },
            _ => Predecessors::default(),
        };
        self.report_for(source, ingested, predecessors.related())
    }

    fn report_for(
        &self,
        source: &Source,
        ingested: format::Ingested,
        related: Related<'_>,
    ) -> FileReport {
        let mut findings = ingested.findings;
        let mut skipped = Vec::new();
        let mut text = None;
        let mut profile = None;
        let key = ingested
            .document
            .as_ref()
            .and_then(|d| crate::history::key_of(&d.value));
        if let Some(doc) = ingested.document {
            profile = Some(self.engine.profile_for(&doc.value));
            let (f, s) = self.check_document(&doc, related);
            findings.extend(f);
            skipped = s;
            sort_in_document_order(&doc.value, &mut findings);
            if !findings.is_empty() {
                text = doc.text().map(str::to_owned);
            }
        }
        FileReport {
            file: source.name.clone(),
            format: source.format,
            state: key.as_ref().map(|k| k.state.clone()),
            year: key.map(|k| k.year),
            findings,
            skipped,
            profile,
            text,
        }
    }

    /// Schema and rule findings on a loaded document, located, plus the
    /// rules skipped.
    pub fn check_document(
        &self,
        doc: &Document,
        related: Related<'_>,
    ) -> (Vec<Diagnostic>, Vec<Skipped>) {
        let schema = self.schema.check(doc);
        let mut findings = schema.findings;
        if doc.format == crate::source::Format::Xlsx {
            let lang = doc.source_map().language().unwrap_or("en");
            crate::format::xlsx::name_missing_fields(&mut findings, lang);
        }
        if let Some(f) = state_party(doc, &schema.rejected) {
            findings.push(f);
        }
        if let Some(f) = format_version(doc, &schema.rejected) {
            findings.push(f);
        }
        let run = self.engine.run(&doc.value, &schema.rejected, related);
        findings.extend(run.findings.into_iter().map(|mut f| {
            f.location = doc.locate(&f.pointer);
            f
        }));
        (findings, run.skipped)
    }
}

/// A `state.code` the schema accepts (three capitals) that is no State
/// Party's code: `SNG` for `SEN` would otherwise pass, and `--history`
/// would silently find no earlier report. The suggestion is the State the
/// report names in `state.name`, else a code one letter away.
fn state_party(doc: &Document, rejected: &[String]) -> Option<Diagnostic> {
    use crate::i18n::{Arg, MessageKey};
    let code = doc.value.pointer("/state/code")?.as_str()?;
    if rejected.iter().any(|p| p == "/state/code") {
        return None;
    }
    let states = crate::states::StatesParties::embedded();
    if states.contains(code) {
        return None;
    }
    let by_name = doc
        .value
        .pointer("/state/name")
        .and_then(Value::as_str)
        .and_then(|n| states.find_by_name(n));
    // A code one letter away; of several, the one sharing the longest start
    // (`KHN`: `KHM` rather than `KEN`).
    let upper = code.to_uppercase();
    let prefix = |c: &str| {
        c.chars()
            .zip(upper.chars())
            .take_while(|(a, b)| a == b)
            .count()
    };
    let near = by_name.or_else(|| {
        states
            .codes()
            .filter(|c| crate::diagnostics::edit_distance(&upper, c) <= 1)
            .max_by_key(|c| (prefix(c), std::cmp::Reverse(*c)))
            .and_then(|c| states.get(c))
    });
    let suggestion: Arg = match near {
        Some(s) => MessageKey::new("schema-state-suggestion")
            .arg("code", s.code.as_str())
            .arg("name_en", s.name("en"))
            .arg("name_fr", s.name("fr"))
            .arg("name_es", s.name("es"))
            .into(),
        None => "".into(),
    };
    let pointer = "/state/code";
    Some(
        Diagnostic::builtin(
            crate::diagnostics::Code::UnknownStateParty,
            MessageKey::new("schema-state-party")
                .arg("found", code)
                .arg("suggestion", suggestion),
            pointer,
        )
        .with_location(doc.locate(pointer)),
    )
}

/// A report that declares a model version older than the members it
/// uses (`"1.0"` with `with_disability`): this tool reads it in full, but a
/// reader of the declared version would reject or drop those members.
fn format_version(doc: &Document, rejected: &[String]) -> Option<Diagnostic> {
    use crate::i18n::MessageKey;
    /// Members named in the message; the others are counted.
    const SHOWN: usize = 5;
    let pointer = "/format_version";
    let declared = doc.value.pointer(pointer)?.as_str()?;
    if rejected.iter().any(|p| p == pointer) {
        return None;
    }
    let newer = crate::shape::members_newer_than(&doc.value, declared);
    let needed = newer.iter().map(|(_, v)| *v).max()?;
    let mut members: Vec<String> = newer
        .iter()
        .take(SHOWN)
        .map(|(p, _)| format!("`{}`", p.trim_start_matches('/')))
        .collect();
    if newer.len() > SHOWN {
        members.push(format!("… (+{})", newer.len() - SHOWN));
    }
    Some(
        Diagnostic::builtin(
            crate::diagnostics::Code::FormatVersion,
            MessageKey::new("schema-format-version")
                .arg("declared", declared)
                .arg("needed", needed)
                .arg("count", newer.len())
                .arg("members", members.join(", ")),
            pointer,
        )
        .with_location(doc.locate(pointer)),
    )
}

/// Sorts findings into document order (stable: findings at the same place
/// keep the order they were produced in). A pointer to a missing member
/// sorts after its existing siblings.
pub fn sort_in_document_order(value: &Value, findings: &mut [Diagnostic]) {
    if findings.len() < 2 {
        return;
    }
    let mut keyed: Vec<(Vec<usize>, Diagnostic)> = findings
        .iter()
        .map(|f| (order_key(value, &f.pointer), f.clone()))
        .collect();
    keyed.sort_by(|a, b| a.0.cmp(&b.0));
    for (slot, (_, f)) in findings.iter_mut().zip(keyed) {
        *slot = f;
    }
}

fn order_key(value: &Value, pointer: &str) -> Vec<usize> {
    let mut key = Vec::new();
    let mut node = Some(value);
    for token in pointer_tokens(pointer) {
        let (pos, next) = match node {
            Some(Value::Object(m)) => match m.keys().position(|k| *k == token) {
                Some(i) => (i, m.get(&token)),
                None => (usize::MAX, None),
            },
            Some(Value::Array(a)) => match token.parse::<usize>() {
                Ok(i) if i < a.len() => (i, a.get(i)),
                _ => (usize::MAX, None),
            },
            _ => (usize::MAX, None),
        };
        key.push(pos);
        node = next;
    }
    key
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Severity;
    use serde_json::json;

    #[test]
    fn findings_follow_document_order() {
        let v = json!({"b": {"x": 1, "y": [1, 2]}, "a": 2});
        let mk = |p: &str| Diagnostic::new("t", "t", Severity::Error, "m", p);
        let mut f = vec![mk("/a"), mk("/b/y/1"), mk("/b/missing"), mk("/b/x"), mk("")];
        sort_in_document_order(&v, &mut f);
        let order: Vec<_> = f.iter().map(|d| d.pointer.as_str()).collect();
        assert_eq!(order, vec!["", "/b/x", "/b/y/1", "/b/missing", "/a"]);
    }
}
