//! `--format sarif`: SARIF 2.1.0, one run. The catalogue's rules (with help)
//! are in `tool.driver.rules`, built-in codes that occur are added after
//! them; each result has a stable fingerprint, a physical location with
//! line/column (text inputs) and a logical location naming the JSON pointer
//! (and `sheet!cell` for workbooks). File locations are relative to the
//! working directory (`uriBaseId` `SRCROOT`), so code scanning places them
//! in the repository wherever it was checked out. `originalUriBaseIds` is
//! left out on purpose: the consumer knows the root, and
//! the same input gives the same bytes in any folder and through
//! `article7 serve`. A waived finding carries a suppression with its
//! justification.

use super::{fingerprint, PrintOptions, Printer, Summary};
use crate::diagnostics::{Diagnostic, Severity, SourceLocation};
use crate::validator::FileReport;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::io::{self, Write};

/// Where the rule reference lives: each catalogue rule's `helpUri` is its
/// section of `docs/rules.md` in the repository.
pub const RULES_REFERENCE: &str = concat!(env!("CARGO_PKG_REPOSITORY"), "/blob/main/docs/rules.md");

/// The `uriBaseId` of every file location: the working directory.
const SRCROOT: &str = "SRCROOT";

/// Collects results, writes the log at the end.
pub struct SarifPrinter {
    options: PrintOptions,
    root: Option<std::path::PathBuf>,
    results: Vec<Value>,
    artifacts: Vec<Value>,
    builtins: BTreeMap<String, (String, Severity)>,
}

impl SarifPrinter {
    /// A printer for a run with these rules.
    pub fn new(options: PrintOptions) -> SarifPrinter {
        SarifPrinter {
            options,
            root: std::env::current_dir().ok(),
            results: Vec::new(),
            artifacts: Vec::new(),
            builtins: BTreeMap::new(),
        }
    }
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A file path as a relative URI reference.
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for c in path.replace('\\', "/").chars() {
        match c {
            'A'..='Z' | 'a'..='z' | '0'..='9' | '-' | '.' | '_' | '~' | '/' => out.push(c),
            other => {
                let mut buf = [0u8; 4];
                for b in other.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("%{b:02X}"));
                }
            }
        }
    }
    out
}

/// A file URI for an absolute path (`file:///work/r/`).
fn file_uri(path: &std::path::Path) -> String {
    let s = uri(&path.to_string_lossy());
    if s.starts_with('/') {
        format!("file://{s}")
    } else {
        // Windows: `C:/…` (the colon was percent-encoded by `uri`).
        format!("file:///{}", s.replacen("%3A", ":", 1))
    }
}

impl SarifPrinter {
    /// The artifact location of `file`: relative to the working directory
    /// when it is under it, an absolute `file:` URI otherwise.
    fn location(&self, file: &str) -> Value {
        let path = std::path::Path::new(file);
        if let Some(root) = &self.root {
            let abs = crate::config::absolute(path);
            if abs.starts_with(root) {
                let rel = crate::config::relative_to(root, &abs);
                return json!({"uri": uri(&rel), "uriBaseId": SRCROOT});
            }
            if path.is_absolute() {
                return json!({"uri": file_uri(path)});
            }
        }
        json!({"uri": uri(file)})
    }

    fn result(&mut self, file: &str, artifact: usize, f: &Diagnostic) -> Value {
        let mut artifact_location = self.location(file);
        artifact_location["index"] = json!(artifact);
        let mut physical = json!({"artifactLocation": artifact_location});
        let mut logical = vec![json!({
            "fullyQualifiedName": if f.pointer.is_empty() { "/".to_owned() } else { f.pointer.clone() },
            "kind": "member",
        })];
        match &f.location {
            Some(SourceLocation::Text {
                line,
                column,
                start,
                end,
            }) => {
                physical["region"] = json!({
                    "startLine": line, "startColumn": column,
                    "byteOffset": start, "byteLength": end.saturating_sub(*start),
                });
            }
            Some(SourceLocation::Cell { sheet, cell, .. }) => {
                logical.push(json!({"name": cell, "fullyQualifiedName": format!("{sheet}!{cell}"), "kind": "element"}));
            }
            None => {}
        }
        let mut result = json!({
            "ruleId": f.rule,
            "level": level(f.severity),
            "message": {"text": f.message},
            "locations": [{"physicalLocation": physical, "logicalLocations": logical}],
            "partialFingerprints": {"article7/v1": fingerprint(file, &f.rule, &f.pointer)},
        });
        if let Some(s) = &f.suppression {
            result["suppressions"] = json!([{
                "kind": "external",
                "status": "accepted",
                "justification": s.justification,
                "properties": {"waiver": s.waiver},
            }]);
        }
        if let Some(i) = self.options.rules.iter().position(|r| r.doc.id == f.rule) {
            result["ruleIndex"] = json!(i);
        } else {
            self.builtins
                .entry(f.rule.clone())
                .or_insert_with(|| (f.name.clone(), f.severity));
        }
        result
    }
}

impl Printer for SarifPrinter {
    fn file(&mut self, _out: &mut dyn Write, report: &FileReport) -> io::Result<()> {
        let index = self.artifacts.len();
        let location = self.location(&report.file);
        self.artifacts
            .push(json!({ "location": location, "properties": { "profile": report.profile } }));
        for f in &report.findings {
            let r = self.result(&report.file, index, f);
            self.results.push(r);
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, _summary: &Summary) -> io::Result<()> {
        let mut rules: Vec<Value> = self
            .options
            .rules
            .iter()
            .map(|r| {
                let (doc, lang) = (&r.doc, self.options.lang.as_str());
                json!({
                    "id": doc.id,
                    "name": doc.name,
                    "shortDescription": {"text": doc.title_in(lang)},
                    "fullDescription": {"text": doc.why_in(lang)},
                    "help": {"text": doc.help_in(lang)},
                    // GitHub's anchor for the heading `## B01 stockpile-total-matches`.
                    "helpUri": format!("{RULES_REFERENCE}#{}-{}", doc.id.to_lowercase(), doc.name),
                    "defaultConfiguration": {"level": level(r.severity)},
                    "properties": {"references": doc.references},
                })
            })
            .collect();
        let first_builtin = rules.len();
        for (id, (name, sev)) in &self.builtins {
            rules.push(json!({
                "id": id,
                "name": name,
                "shortDescription": {"text": format!("built-in check {id}")},
                "help": {"text": "see the finding's message; built-in codes are listed in the README"},
                "defaultConfiguration": {"level": level(*sev)},
            }));
        }
        // Results naming a built-in code get its index now that all are known.
        for r in &mut self.results {
            if r.get("ruleIndex").is_none() {
                let id = r["ruleId"].as_str().unwrap_or_default();
                if let Some(i) = self.builtins.keys().position(|k| k == id) {
                    r["ruleIndex"] = json!(first_builtin + i);
                }
            }
        }
        let log = json!({
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [{
                "tool": {"driver": {
                    "name": "article7",
                    "version": env!("CARGO_PKG_VERSION"),
                    "semanticVersion": env!("CARGO_PKG_VERSION"),
                    "rules": rules,
                    "properties": {
                        "catalogueVersion": self.options.catalogue_version,
                        "catalogueHash": self.options.catalogue_hash,
                    },
                }},
                "columnKind": "unicodeCodePoints",
                "artifacts": std::mem::take(&mut self.artifacts),
                "results": std::mem::take(&mut self.results),
            }],
        });
        serde_json::to_writer_pretty(&mut *out, &log).map_err(io::Error::other)?;
        writeln!(out)
    }
}

#[cfg(test)]
mod tests {
    use super::uri;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(uri("reports/KHM 2019.json"), "reports/KHM%202019.json");
        assert_eq!(uri("a\\b.json"), "a/b.json");
        assert_eq!(uri("é.json"), "%C3%A9.json");
    }
}
