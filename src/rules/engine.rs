//! Runs compiled rules over a document: selects nodes, evaluates `when` and
//! `assert` with `item`, `doc` and `previous` bound, and turns failures into
//! findings. The document is converted to CEL values once, not per rule.

use super::catalogue::{Catalogue, Requirement, Rule};
use super::expr::{display, root_context, to_cel};
use super::footprint::overlaps;
use crate::diagnostics::{pointer_tokens, Diagnostic, Severity};
use crate::i18n::MessageKey;
use crate::validator::Skipped;
use cel::common::types::{CelInt, CelList, CelNull, CelString};
use cel::common::value::{CowVal, Val};
use cel::context::VariableResolver;
use cel::{Context, Value as Cel};
use serde_json::Value;
use std::collections::{HashMap, HashSet};
use std::sync::Mutex;

/// User choices that change what the catalogue does.
#[derive(Debug, Clone, Default)]
pub struct EngineOptions {
    /// `--severity ID=LEVEL`.
    pub severity: HashMap<String, Severity>,
    /// `--disable ID`: not evaluated at all.
    pub disabled: HashSet<String>,
    /// Language of messages and help (`en`, `fr`, `es`).
    pub lang: String,
}

/// The compiled catalogue plus the user's options.
#[derive(Debug)]
pub struct Engine {
    /// The rules.
    pub catalogue: Catalogue,
    options: EngineOptions,
}

/// The State's other reports, for the year-over-year rules.
#[derive(Debug, Clone, Copy, Default)]
pub struct Related<'a> {
    /// The previous annual report (period year = Year − 1), bound as `previous`.
    pub previous: Option<&'a Value>,
    /// The newest earlier report of any year, bound as `earlier`.
    pub earlier: Option<&'a Value>,
}

/// What the rules found on one document.
#[derive(Debug, Default)]
pub struct RuleRun {
    /// Findings (pointer set, location not yet).
    pub findings: Vec<Diagnostic>,
    /// Rules not evaluated, and why.
    pub skipped: Vec<Skipped>,
}

enum Outcome {
    Findings(Vec<Diagnostic>),
    Skip(String),
}

impl Engine {
    /// An engine; refuses overrides naming rules that do not exist.
    pub fn new(catalogue: Catalogue, options: EngineOptions) -> Result<Engine, String> {
        for id in options.severity.keys().chain(options.disabled.iter()) {
            if catalogue.get(id).is_none() {
                return Err(format!(
                    "there is no rule `{id}` in the catalogue (see `article7 rules`)"
                ));
            }
        }
        Ok(Engine { catalogue, options })
    }

    /// The language of messages (`en`, `fr`, `es`).
    pub fn lang(&self) -> &str {
        if self.options.lang.is_empty() {
            "en"
        } else {
            &self.options.lang
        }
    }

    /// The severity a rule's findings get, after overrides.
    pub fn severity_of(&self, rule: &Rule) -> Severity {
        self.options
            .severity
            .get(&rule.id)
            .copied()
            .unwrap_or(rule.severity)
    }

    /// Runs every enabled rule. `rejected` lists the pointers the schema
    /// rejected (empty when the document passes the schema).
    pub fn run(&self, value: &Value, rejected: &[String], related: Related<'_>) -> RuleRun {
        let bound = Bound::new(value);
        let ctx = context(&bound, related);
        let rejected: Vec<Vec<String>> = rejected.iter().map(|p| pointer_tokens(p)).collect();
        let mut run = RuleRun::default();
        for rule in &self.catalogue.rules {
            if self.options.disabled.contains(&rule.id) {
                continue;
            }
            match self.run_rule(rule, value, &bound, &ctx, &rejected, related) {
                Outcome::Findings(f) => run.findings.extend(f),
                Outcome::Skip(reason) => run.skipped.push(Skipped {
                    rule: rule.id.clone(),
                    reason,
                }),
            }
        }
        run
    }

    /// Runs one rule on a document as if it passed the schema (used for a
    /// rule's examples): its findings, or why it was skipped.
    pub fn run_one(
        &self,
        rule: &Rule,
        value: &Value,
        related: Related<'_>,
    ) -> Result<Vec<Diagnostic>, String> {
        let bound = Bound::new(value);
        let ctx = context(&bound, related);
        match self.run_rule(rule, value, &bound, &ctx, &[], related) {
            Outcome::Findings(f) => Ok(f),
            Outcome::Skip(reason) => Err(reason),
        }
    }

    /// Checks a rule's examples: each invalid one must draw at least one
    /// finding of the rule, each valid one none, and neither may fail to
    /// run. Returns the problems found (empty = all good).
    pub fn check_examples(&self, rule: &Rule) -> Vec<String> {
        let mut problems = Vec::new();
        if !rule.examples.iter().any(|e| e.valid) || !rule.examples.iter().any(|e| !e.valid) {
            problems.push(format!(
                "{}: needs at least one valid and one invalid example",
                rule.id
            ));
        }
        for (i, ex) in rule.examples.iter().enumerate() {
            let n = i + 1;
            let related = Related {
                previous: ex.previous.as_ref(),
                earlier: ex.earlier.as_ref().or(ex.previous.as_ref()),
            };
            match self.run_one(rule, &ex.doc, related) {
                Err(reason) => {
                    problems.push(format!("{}: example {n} was skipped: {reason}", rule.id))
                }
                Ok(findings) => {
                    if let Some(f) = findings.iter().find(|f| f.rule == "rule/failed-to-run") {
                        problems.push(format!("{}: example {n}: {}", rule.id, f.message));
                    } else if ex.valid && !findings.is_empty() {
                        problems.push(format!(
                            "{}: example {n} should pass but drew: {}",
                            rule.id, findings[0].message
                        ));
                    } else if !ex.valid && findings.is_empty() {
                        problems.push(format!(
                            "{}: example {n} should fail but drew nothing",
                            rule.id
                        ));
                    }
                }
            }
        }
        problems
    }

    fn run_rule(
        &self,
        rule: &Rule,
        value: &Value,
        bound: &Bound,
        ctx: &Context<'_, '_>,
        rejected: &[Vec<String>],
        related: Related<'_>,
    ) -> Outcome {
        for req in &rule.requires {
            match req {
                Requirement::Value(p) if value.pointer(p).is_none_or(Value::is_null) => {
                    return Outcome::Skip(format!(
                        "needs `{}`, which the report does not give",
                        p.trim_start_matches('/')
                    ));
                }
                Requirement::Previous if related.previous.is_none() => {
                    return Outcome::Skip(
                        "needs the State's previous annual report, which was not found (in the batch or under --history)".into(),
                    );
                }
                Requirement::Earlier if related.earlier.is_none() => {
                    return Outcome::Skip(
                        "needs an earlier report of the same State, and none was found (in the batch or under --history)".into(),
                    );
                }
                _ => {}
            }
        }
        let nodes = rule.select.select(value);
        if !rejected.is_empty() {
            if let Some(bad) = touched(rule, &nodes, rejected) {
                return Outcome::Skip(format!(
                    "reads `/{}`, which breaks the report schema",
                    bad.join("/")
                ));
            }
        }
        let schema_valid = rejected.is_empty();
        if nodes.is_empty() {
            return Outcome::Findings(Vec::new());
        }
        // `let` bindings: evaluated once per document, shared by every node.
        let mut rule_scope = ctx.new_inner_scope();
        for (name, program) in &rule.bindings {
            match program.execute(ctx) {
                Ok(v) => rule_scope.add_variable_from_value(name.as_str(), v),
                Err(e) if !schema_valid => {
                    return Outcome::Skip(format!(
                        "could not run on a report that breaks the schema: `let {name}` failed: {e}"
                    ))
                }
                Err(e) => {
                    return Outcome::Findings(vec![failed_to_run(
                        rule,
                        "",
                        &format!("`let {name}` failed: {e}"),
                    )])
                }
            }
        }
        let mut findings = Vec::new();
        for (pointer, _) in &nodes {
            let tokens = pointer_tokens(pointer);
            let last = tokens.last().cloned().unwrap_or_default();
            bound.set_item(&tokens);
            let mut scope = rule_scope.new_inner_scope();
            if rule.uses.path {
                scope.add_variable_from_value("path", pointer.clone());
            }
            if rule.uses.key {
                scope.add_variable_from_value("key", last.clone());
            }
            if rule.uses.index {
                scope.add_variable_from_value("index", last.parse::<i64>().unwrap_or(-1));
            }
            let verdict = evaluate(rule, &scope);
            match verdict {
                Ok(true) => {}
                Ok(false) => {
                    let template = self
                        .options
                        .lang
                        .as_str()
                        .ne("en")
                        .then(|| rule.translated_messages.get(&self.options.lang))
                        .flatten()
                        .unwrap_or(&rule.message);
                    let (message, render_error) = template.render(&scope, &self.options.lang);
                    let mut d = Diagnostic::new(
                        rule.id.clone(),
                        rule.name.clone(),
                        self.severity_of(rule),
                        message,
                        format!("{pointer}{}", rule.at),
                    )
                    .with_help(rule.help_in(&self.options.lang));
                    d.references = rule.references.clone();
                    findings.push(d);
                    if let Some(e) = render_error {
                        if !schema_valid {
                            return Outcome::Skip(format!(
                                "could not run on a report that breaks the schema: {e}"
                            ));
                        }
                        findings.push(failed_to_run(rule, pointer, &e));
                    }
                }
                Err(e) => {
                    if !schema_valid {
                        return Outcome::Skip(format!(
                            "could not run on a report that breaks the schema: {e}"
                        ));
                    }
                    findings.push(failed_to_run(rule, pointer, &e));
                }
            }
        }
        Outcome::Findings(findings)
    }
}

/// The root scope of one document: the function library, `doc`, `previous`
/// and `earlier` (`null` when absent).
fn context<'v>(bound: &'v Bound, related: Related<'_>) -> Context<'v, 'v> {
    let mut ctx = root_context(vec![
        ("previous", related.previous.map_or(Cel::Null, to_cel)),
        ("earlier", related.earlier.map_or(Cel::Null, to_cel)),
    ]);
    ctx.set_variable_resolver(bound);
    ctx
}

/// `doc` and `item` for one document. The report is converted to CEL's
/// value tree once; `item` is resolved by walking that tree to the current
/// node and lending it, so no node is ever copied (binding each node as a
/// variable of its own would convert its whole subtree again, for every rule
/// and node — the cost that dominated validation before).
struct Bound {
    doc: Box<dyn Val>,
    /// The current node, as the index values that lead to it from `doc`.
    item: Mutex<Vec<Box<dyn Val>>>,
}

impl Bound {
    fn new(value: &Value) -> Bound {
        let doc = Box::<dyn Val>::try_from(to_cel(value)).unwrap_or_else(|_| Box::new(CelNull));
        Bound {
            doc,
            item: Mutex::new(Vec::new()),
        }
    }

    /// Makes the node at `tokens` the current `item`: the keys (text for
    /// members, int for list items) are built once here, not at every use.
    fn set_item(&self, tokens: &[String]) {
        let mut keys: Vec<Box<dyn Val>> = Vec::with_capacity(tokens.len());
        let mut node: Option<CowVal<'_, '_>> = Some(CowVal::Borrowed(self.doc.as_ref()));
        for t in tokens {
            let is_list = node
                .as_ref()
                .is_some_and(|n| n.downcast_ref::<CelList>().is_some());
            let key: Box<dyn Val> = match t.parse::<i64>() {
                Ok(i) if is_list => Box::new(CelInt::from(i)),
                _ => Box::new(CelString::from(t.clone())),
            };
            node = match node {
                Some(CowVal::Borrowed(n)) => {
                    n.as_indexer().and_then(|ix| ix.get(key.as_ref()).ok())
                }
                _ => None,
            };
            keys.push(key);
        }
        if let Ok(mut item) = self.item.lock() {
            *item = keys;
        }
    }
}

impl VariableResolver for Bound {
    fn resolve<'b>(&'b self, name: &str) -> Option<CowVal<'b, 'b>> {
        match name {
            "doc" => Some(CowVal::Borrowed(self.doc.as_ref())),
            "item" => {
                let keys = self.item.lock().ok()?;
                let mut node: &'b dyn Val = self.doc.as_ref();
                for key in keys.iter() {
                    match node.as_indexer()?.get(key.as_ref()).ok()? {
                        CowVal::Borrowed(next) => node = next,
                        // Built-in maps and lists lend their members; an
                        // owned member would be a copy: give it as is.
                        CowVal::Owned(v) => return Some(CowVal::Owned(v)),
                    }
                }
                Some(CowVal::Borrowed(node))
            }
            _ => None,
        }
    }
}

/// `when` then `assert`; both must give a boolean.
fn evaluate(rule: &Rule, scope: &Context<'_, '_>) -> Result<bool, String> {
    if let Some(when) = &rule.when {
        match when.execute(scope) {
            Ok(Cel::Bool(true)) => {}
            Ok(Cel::Bool(false)) => return Ok(true),
            Ok(other) => {
                return Err(format!(
                    "`when` gave {} instead of true or false",
                    display(&other)
                ))
            }
            Err(e) => return Err(format!("`when` failed: {e}")),
        }
    }
    match rule.assert.execute(scope) {
        Ok(Cel::Bool(b)) => Ok(b),
        Ok(other) => Err(format!(
            "`assert` gave {} instead of true or false",
            display(&other)
        )),
        Err(e) => Err(format!("`assert` failed: {e}")),
    }
}

/// The first rejected pointer the rule's footprint overlaps.
fn touched<'r>(
    rule: &Rule,
    nodes: &[(String, &Value)],
    rejected: &'r [Vec<String>],
) -> Option<&'r Vec<String>> {
    let node_tokens: Vec<Vec<String>> = nodes.iter().map(|(p, _)| pointer_tokens(p)).collect();
    for path in &rule.footprint {
        let bases: Vec<Vec<String>> = match path.root.as_str() {
            "doc" => vec![Vec::new()],
            "item" => node_tokens.clone(),
            _ => continue,
        };
        for base in bases {
            let mut full = base;
            full.extend(path.tokens.iter().cloned());
            if let Some(bad) = rejected.iter().find(|r| overlaps(r, &full)) {
                return Some(bad);
            }
        }
    }
    None
}

fn failed_to_run(rule: &Rule, pointer: &str, error: &str) -> Diagnostic {
    Diagnostic::keyed(
        "rule/failed-to-run",
        "rule-failed-to-run",
        Severity::Error,
        MessageKey::new("rule-failed-to-run")
            .arg("id", rule.id.as_str())
            .arg("name", rule.name.as_str())
            .arg("error", error)
            .arg("file", rule.file.as_str()),
        pointer.to_owned(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn engine(rules: &str) -> Engine {
        let c = Catalogue::from_files(vec![("t.toml".into(), rules.into())]).unwrap();
        Engine::new(c, EngineOptions::default()).unwrap()
    }

    const B01: &str = r#"
[[rules]]
id = "T01"
name = "total-matches"
severity = "error"
title = "t"
select = "$.forms.B"
when = 'item.cover == "provided"'
assert = 'sum(item.stockpile, "quantity") == item.total'
at = "/total"
message = "the rows add up to {{ sum(item.stockpile, 'quantity') }} but `total` says {{ item.total }}"
why = "w"
help = "h"
"#;

    #[test]
    fn failing_rule_gives_a_finding_with_values() {
        let e = engine(B01);
        let doc = json!({"forms": {"B": {"cover": "provided", "stockpile": [{"quantity": 1200}, {"quantity": 3}], "total": 1230}}});
        let run = e.run(&doc, &[], Related::default());
        assert_eq!(run.findings.len(), 1);
        assert_eq!(run.findings[0].pointer, "/forms/B/total");
        assert_eq!(
            run.findings[0].message,
            "the rows add up to 1,203 but `total` says 1,230"
        );
    }

    #[test]
    fn expression_error_on_valid_document_is_failed_to_run() {
        let e = engine(B01);
        let doc = json!({"forms": {"B": {"cover": "provided", "stockpile": []}}});
        let run = e.run(&doc, &[], Related::default());
        assert_eq!(run.findings[0].rule, "rule/failed-to-run");
    }

    #[test]
    fn rule_touching_a_rejected_value_is_skipped() {
        let e = engine(B01);
        let doc = json!({"forms": {"B": {"cover": "provided", "stockpile": [{"quantity": "3"}], "total": 3}}});
        let run = e.run(
            &doc,
            &["/forms/B/stockpile/0/quantity".into()],
            Related::default(),
        );
        assert!(run.findings.is_empty());
        assert_eq!(run.skipped[0].rule, "T01");
        assert!(run.skipped[0]
            .reason
            .contains("/forms/B/stockpile/0/quantity"));
    }

    #[test]
    fn disabled_rules_do_not_run_and_unknown_ids_are_refused() {
        let c = Catalogue::from_files(vec![("t.toml".into(), B01.into())]).unwrap();
        let mut o = EngineOptions::default();
        o.disabled.insert("T01".into());
        let e = Engine::new(c, o).unwrap();
        let doc = json!({"forms": {"B": {"cover": "provided", "stockpile": [], "total": 3}}});
        assert!(e.run(&doc, &[], Related::default()).findings.is_empty());
        let c = Catalogue::from_files(vec![("t.toml".into(), B01.into())]).unwrap();
        let mut o = EngineOptions::default();
        o.disabled.insert("ZZ9".into());
        assert!(Engine::new(c, o).is_err());
    }
}
