//! Runs compiled rules over a document: selects nodes, evaluates `when` and
//! `assert` with `item`, `doc` and `previous` bound, and turns failures into
//! findings. The document is converted to CEL values once, not per rule.

use super::catalogue::{Catalogue, Requirement, Rule};
use super::expr::Program;
use super::expr::{display, root_context, to_val};
use super::footprint::overlaps;
use super::native;
use super::profile::Profile;
use super::select::Selected;
use super::skip::{SkipReason, Skipped};
use crate::diagnostics::{pointer_tokens, Diagnostic, Severity};
use crate::i18n::MessageKey;
use cel::common::types::{CelInt, CelNull, CelString};
use cel::common::value::{CowVal, Val};
use cel::context::VariableResolver;
use cel::{Context, Value as Cel};
use serde_json_path::PathElement;

use serde_json::Value;
use std::collections::{HashMap, HashSet};
use std::sync::{Mutex, OnceLock};

/// User choices that change what the catalogue does.
#[derive(Debug, Clone, Default)]
pub struct EngineOptions {
    /// `--severity ID=LEVEL`.
    pub severity: HashMap<String, Severity>,
    /// `--disable ID`: not evaluated at all.
    pub disabled: HashSet<String>,
    /// Language of messages and help (`en`, `fr`, `es`).
    pub lang: String,
    /// `--profile`: the plan every report is held to; `None` chooses it
    /// from each report's period.
    pub profile: Option<Profile>,
}

/// The compiled catalogue plus the user's options.
#[derive(Debug)]
pub struct Engine {
    /// The rules.
    pub catalogue: Catalogue,
    options: EngineOptions,
    /// Each rule compiled for the native evaluator, when all its
    /// expressions are in its subset (same order as the catalogue).
    native: Vec<Option<NativeRule>>,
    /// Whether to use them (see [`Engine::cel_only`]).
    use_native: bool,
}

/// A rule's `let`, `when` and `assert` compiled by [`native::compile`].
#[derive(Debug)]
struct NativeRule {
    lets: Vec<native::Expression>,
    when: Option<native::Expression>,
    assert: native::Expression,
}

impl NativeRule {
    fn of(rule: &Rule) -> Option<NativeRule> {
        let names: Vec<String> = rule
            .program
            .bindings
            .iter()
            .map(|(n, _)| n.clone())
            .collect();
        let mut lets = Vec::new();
        for (i, (_, program)) in rule.program.bindings.iter().enumerate() {
            // In `cel` a binding that read the node would see whichever
            // node was bound last: not a behaviour to reproduce.
            let refs = program.references();
            if ["item", "path", "key", "index", "profile"]
                .iter()
                .any(|v| refs.has_variable(v))
            {
                return None;
            }
            // A binding sees the bindings before it only.
            lets.push(native::compile(program, &names[..i])?);
        }
        // The profile's parameters are bound in `cel` only.
        let reads_profile = |p: &Program| p.references().has_variable("profile");
        if rule.program.when.as_deref().is_some_and(reads_profile)
            || reads_profile(&rule.program.assert)
        {
            return None;
        }
        let when = match &rule.program.when {
            Some(w) => Some(native::compile(w, &names)?),
            None => None,
        };
        Some(NativeRule {
            lets,
            when,
            assert: native::compile(&rule.program.assert, &names)?,
        })
    }
}

/// What the first, native pass decided for a rule.
enum Pass {
    /// Disabled (`--disable`): not run, not listed.
    Disabled,
    Done(Outcome),
    /// To be run in `cel`.
    Cel,
}

/// The State's other reports, for the year-over-year rules.
#[derive(Debug, Clone, Copy, Default)]
pub struct Related<'a> {
    /// The previous annual report (period year = Year − 1), bound as `previous`.
    pub previous: Option<&'a Value>,
    /// The newest earlier report of any year, bound as `earlier`.
    pub earlier: Option<&'a Value>,
    /// The State's earlier annual reports, newest first (a JSON array),
    /// bound as `history`; `None` is bound as an empty list.
    pub history: Option<&'a Value>,
}

impl Related<'_> {
    /// How many reports `history` holds.
    pub fn history_len(&self) -> usize {
        self.history.and_then(Value::as_array).map_or(0, Vec::len)
    }
}

/// What the rules found on one document.
#[derive(Debug, Default)]
pub struct RuleRun {
    /// Findings (pointer set, location not yet).
    pub findings: Vec<Diagnostic>,
    /// Rules not evaluated, and why.
    pub skipped: Vec<Skipped>,
    /// The profile the report was held to.
    pub profile: Profile,
}

enum Outcome {
    Findings(Vec<Diagnostic>),
    Skip(SkipReason),
}

/// An [`Engine`] that cannot be built from the options given.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EngineError {
    /// `--severity` or `--disable` names a rule the catalogue lacks.
    #[error("there is no rule `{id}` in the catalogue (see `article7 rules`)")]
    UnknownRule {
        /// The id as given.
        id: String,
    },
}

impl Engine {
    /// An engine; refuses overrides naming rules that do not exist.
    pub fn new(catalogue: Catalogue, options: EngineOptions) -> Result<Engine, EngineError> {
        for id in options.severity.keys().chain(options.disabled.iter()) {
            if catalogue.get(id).is_none() {
                return Err(EngineError::UnknownRule { id: id.clone() });
            }
        }
        let native = catalogue.rules.iter().map(NativeRule::of).collect();
        Ok(Engine {
            catalogue,
            options,
            native,
            use_native: true,
        })
    }

    /// The same engine evaluating every expression in `cel` only (for
    /// tests comparing the two evaluators, and for measurements).
    pub fn cel_only(mut self) -> Engine {
        self.use_native = false;
        self
    }

    /// How many rules the native evaluator runs (the others run in `cel`).
    pub fn native_rules(&self) -> usize {
        self.native.iter().filter(|n| n.is_some()).count()
    }

    /// Whether the rule `id` is within the native evaluator's subset.
    pub fn is_native(&self, id: &str) -> bool {
        self.catalogue
            .rules
            .iter()
            .zip(&self.native)
            .any(|(r, n)| r.id == id && n.is_some())
    }

    /// The rules the native evaluator leaves to `cel` on a report that
    /// passed the schema (outside its subset, failing, or bailing): for
    /// tests and profiling.
    pub fn left_to_cel(&self, value: &Value, related: Related<'_>) -> Vec<&str> {
        let profile = self.profile_for(value);
        let mut doc = DocRun::new(value, Vec::new(), related, profile);
        self.catalogue
            .rules
            .iter()
            .zip(&self.native)
            .filter(|(rule, _)| rule.applies_in(profile))
            .filter(|(rule, native)| match native {
                Some(native) => self.run_native(rule, native, &mut doc).is_none(),
                None => true,
            })
            .map(|(rule, _)| rule.id.as_str())
            .collect()
    }

    fn native_of(&self, rule: &Rule) -> Option<&NativeRule> {
        if !self.use_native {
            return None;
        }
        let i = self
            .catalogue
            .rules
            .iter()
            .position(|r| std::ptr::eq(r, rule))?;
        self.native.get(i)?.as_ref()
    }

    /// The language of messages (`en`, `fr`, `es`).
    pub fn lang(&self) -> &str {
        if self.options.lang.is_empty() {
            "en"
        } else {
            &self.options.lang
        }
    }

    /// The severity a rule's findings get, after overrides, under the
    /// forced profile (or, when none is forced, its default severity).
    pub fn severity_of(&self, rule: &Rule) -> Severity {
        match self.options.profile {
            Some(p) => self.severity_in(rule, p),
            None => self
                .options
                .severity
                .get(&rule.id)
                .copied()
                .unwrap_or(rule.severity),
        }
    }

    /// The severity a rule's findings get under `profile`, after overrides.
    pub fn severity_in(&self, rule: &Rule, profile: Profile) -> Severity {
        self.options
            .severity
            .get(&rule.id)
            .copied()
            .unwrap_or_else(|| rule.severity_in(profile))
    }

    /// The profile forced with `--profile`, if any.
    pub fn forced_profile(&self) -> Option<Profile> {
        self.options.profile
    }

    /// Whether a rule that runs on this report reads `history`: only then
    /// are the State's earlier reports worth loading.
    pub fn reads_history(&self, value: &Value) -> bool {
        let profile = self.profile_for(value);
        self.catalogue.rules.iter().any(|rule| {
            rule.program.reads_history
                && rule.applies_in(profile)
                && !self.options.disabled.contains(&rule.id)
        })
    }

    /// The profile a report is held to: the forced one, or the plan in
    /// force for its period.
    pub fn profile_for(&self, value: &Value) -> Profile {
        self.options
            .profile
            .unwrap_or_else(|| Profile::for_report(value))
    }

    /// Runs every enabled rule. `rejected` lists the pointers the schema
    /// rejected (empty when the document passes the schema).
    pub fn run(&self, value: &Value, rejected: &[String], related: Related<'_>) -> RuleRun {
        let rejected = rejected.iter().map(|p| pointer_tokens(p)).collect();
        let mut doc = DocRun::new(value, rejected, related, self.profile_for(value));
        // First the native evaluator; the rules it leaves (outside its
        // subset, or not passing on this report) then run in `cel`, whose
        // context is only built when one does.
        let mut passes: Vec<Pass> = Vec::with_capacity(self.catalogue.rules.len());
        for (i, rule) in self.catalogue.rules.iter().enumerate() {
            passes.push(if self.options.disabled.contains(&rule.id) {
                Pass::Disabled
            } else if !rule.applies_in(doc.profile) {
                // Listed as skipped, like any rule that did not run:
                // the reader sees what the report was not held to.
                Pass::Done(Outcome::Skip(SkipReason::NotInProfile {
                    profile: doc.profile,
                    plans: rule.plans.clone(),
                }))
            } else {
                match self.native.get(i).and_then(Option::as_ref) {
                    Some(native) if self.use_native => {
                        match self.run_native(rule, native, &mut doc) {
                            Some(outcome) => Pass::Done(outcome),
                            None => Pass::Cel,
                        }
                    }
                    _ => Pass::Cel,
                }
            });
        }
        let mut run = RuleRun {
            profile: doc.profile,
            ..RuleRun::default()
        };
        let lent;
        let bound;
        let ctx;
        let cel = if passes.iter().any(|p| matches!(p, Pass::Cel)) {
            lent = Lent::new(value, related, doc.profile);
            bound = Bound::new(&lent);
            ctx = context(&bound);
            Some((&bound, &ctx))
        } else {
            None
        };
        for (rule, pass) in self.catalogue.rules.iter().zip(passes) {
            let outcome = match (pass, cel) {
                (Pass::Disabled, _) => continue,
                (Pass::Done(outcome), _) => outcome,
                (Pass::Cel, Some((bound, ctx))) => self.run_rule(rule, &mut doc, bound, ctx),
                (Pass::Cel, None) => continue,
            };
            match outcome {
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
    ) -> Result<Vec<Diagnostic>, SkipReason> {
        self.run_one_in(rule, value, related, self.profile_for(value))
    }

    /// [`Engine::run_one`] under a given profile.
    fn run_one_in(
        &self,
        rule: &Rule,
        value: &Value,
        related: Related<'_>,
        profile: Profile,
    ) -> Result<Vec<Diagnostic>, SkipReason> {
        let mut doc = DocRun::new(value, Vec::new(), related, profile);
        if !rule.applies_in(doc.profile) {
            return Ok(Vec::new());
        }
        let native = self
            .native_of(rule)
            .and_then(|native| self.run_native(rule, native, &mut doc));
        let outcome = match native {
            Some(outcome) => outcome,
            None => {
                let lent = Lent::new(value, related, doc.profile);
                let bound = Bound::new(&lent);
                let ctx = context(&bound);
                self.run_rule(rule, &mut doc, &bound, &ctx)
            }
        };
        match outcome {
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
                history: ex.history.as_ref(),
            };
            // An example is a fragment: without a period it is held to the
            // first plan the rule rests on.
            let profile = match (self.options.profile, ex.doc.pointer("/period/to")) {
                (Some(p), _) => p,
                (None, Some(_)) => Profile::for_report(&ex.doc),
                (None, None) => rule.plans.first().copied().unwrap_or_default(),
            };
            match self.run_one_in(rule, &ex.doc, related, profile) {
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

    /// What a rule reads on a document: its requirements checked, its
    /// nodes selected (shared by rules with the same selector), the
    /// values the schema rejected kept out. `Err` is the rule's outcome
    /// without evaluating anything; `Ok` also says whether the report
    /// passed the schema.
    fn nodes<'d, 'a>(
        &self,
        rule: &Rule,
        doc: &'d mut DocRun<'a>,
    ) -> Result<(&'d [Selected<'a>], bool), Outcome> {
        let (value, related) = (doc.value, doc.related);
        let program = &rule.program;
        for req in &program.requires {
            match req {
                Requirement::Value(p) if value.pointer(p).is_none_or(Value::is_null) => {
                    return Err(Outcome::Skip(SkipReason::MissingValue {
                        pointer: p.clone(),
                    }));
                }
                Requirement::Previous if related.previous.is_none() => {
                    return Err(Outcome::Skip(SkipReason::NoPrevious));
                }
                Requirement::Earlier if related.earlier.is_none() => {
                    return Err(Outcome::Skip(SkipReason::NoEarlier));
                }
                Requirement::History(needed) if related.history_len() < *needed => {
                    return Err(Outcome::Skip(SkipReason::ShortHistory {
                        needed: *needed,
                        found: related.history_len(),
                    }));
                }
                _ => {}
            }
        }
        // Looked up before inserting: no copy of the selector's text per
        // rule and report.
        if !doc.selections.contains_key(&program.select_source) {
            let selected = program.select.select_located(value);
            doc.selections
                .insert(program.select_source.clone(), selected);
        }
        let nodes: &[Selected<'a>] = &doc.selections[&program.select_source];
        let rejected = &doc.rejected;
        if !rejected.is_empty() {
            if let Some(bad) = touched(rule, nodes, rejected) {
                return Err(Outcome::Skip(SkipReason::ReadsRejected {
                    pointer: format!("/{}", bad.join("/")),
                }));
            }
        }
        if nodes.is_empty() {
            return Err(Outcome::Findings(Vec::new()));
        }
        Ok((nodes, rejected.is_empty()))
    }

    /// Runs a rule with the native evaluator: its outcome when it is
    /// decided without evaluating anything or every node passes; `None`
    /// when the rule must run in `cel` (a node fails, or an evaluation
    /// bails), which then gives the findings, messages and errors.
    fn run_native(
        &self,
        rule: &Rule,
        native: &NativeRule,
        doc: &mut DocRun<'_>,
    ) -> Option<Outcome> {
        let (value, related) = (doc.value, doc.related);
        let nodes = match self.nodes(rule, doc) {
            Ok((nodes, _)) => nodes,
            Err(outcome) => return Some(outcome),
        };
        let no_path = String::new;
        let base = native::Scope {
            doc: value,
            item: value,
            previous: related.previous,
            earlier: related.earlier,
            path: &no_path,
            key: &no_path,
            index: -1,
            lets: &[],
        };
        let mut lets = Vec::with_capacity(native.lets.len());
        for program in &native.lets {
            let v = program
                .eval(&native::Scope {
                    lets: &lets,
                    ..base
                })
                .ok()?;
            lets.push(v);
        }
        let base = native::Scope {
            lets: &lets,
            ..base
        };
        if let Some(when) = native
            .when
            .as_ref()
            .filter(|_| !rule.program.uses.when_per_node)
        {
            if !when.check(&base).ok()? {
                return Some(Outcome::Findings(Vec::new()));
            }
        }
        for node in nodes {
            let path = || node.pointer();
            let key = || node.last().0;
            let scope = native::Scope {
                item: node.node,
                path: &path,
                key: &key,
                index: match node.path.last() {
                    Some(PathElement::Index(i)) => i64::try_from(*i).unwrap_or(-1),
                    _ => -1,
                },
                ..base
            };
            if let Some(when) = native
                .when
                .as_ref()
                .filter(|_| rule.program.uses.when_per_node)
            {
                if !when.check(&scope).ok()? {
                    continue;
                }
            }
            if !native.assert.check(&scope).ok()? {
                return None;
            }
        }
        Some(Outcome::Findings(Vec::new()))
    }

    fn run_rule<'a>(
        &self,
        rule: &Rule,
        doc: &mut DocRun<'a>,
        bound: &Bound<'a, '_>,
        ctx: &Context<'_, '_>,
    ) -> Outcome {
        let profile = doc.profile;
        let (nodes, schema_valid) = match self.nodes(rule, doc) {
            Ok(n) => n,
            Err(outcome) => return outcome,
        };
        let program = &rule.program;
        // An expression that cannot run: a skip on a report that breaks the
        // schema, `rule/failed-to-run` on one that passes it.
        let broken = |pointer: &str, e: &str| {
            if schema_valid {
                Outcome::Findings(vec![failed_to_run(rule, pointer, e)])
            } else {
                Outcome::Skip(SkipReason::FailedOnInvalid {
                    error: e.to_owned(),
                })
            }
        };
        // `let` bindings: evaluated once per document, shared by every node.
        // Without bindings the root scope serves: every scope on the way
        // is one more place each name is looked up.
        let mut with_bindings;
        let rule_scope = if program.bindings.is_empty() {
            ctx
        } else {
            with_bindings = ctx.new_inner_scope();
            // A binding sees the ones before it (as in the native evaluator).
            for (name, binding) in &program.bindings {
                match binding.execute(&with_bindings) {
                    Ok(v) => with_bindings.add_variable_from_value(name.as_str(), v),
                    Err(e) => return broken("", &format!("`let {name}` failed: {e}")),
                }
            }
            &with_bindings
        };
        // A `when` that reads no per-node variable is the same for every
        // node: evaluated once.
        if let Some(when) = program
            .when
            .as_ref()
            .filter(|_| !program.uses.when_per_node)
        {
            match guard(when, rule_scope) {
                Ok(true) => {}
                Ok(false) => return Outcome::Findings(Vec::new()),
                Err(e) => return broken(&nodes[0].pointer(), &e),
            }
        }
        let per_node_vars = program.uses.path || program.uses.key || program.uses.index;
        let mut findings = Vec::new();
        for node in nodes {
            bound.set_item(&node.path);
            let mut node_scope;
            let scope = if per_node_vars {
                node_scope = rule_scope.new_inner_scope();
                let (last, index) = node.last();
                if program.uses.path {
                    node_scope.add_variable_from_value("path", node.pointer());
                }
                if program.uses.index {
                    node_scope.add_variable_from_value(
                        "index",
                        index.and_then(|i| i64::try_from(i).ok()).unwrap_or(-1),
                    );
                }
                if program.uses.key {
                    node_scope.add_variable_from_value("key", last);
                }
                &node_scope
            } else {
                rule_scope
            };
            let verdict = match program.when.as_ref().filter(|_| program.uses.when_per_node) {
                Some(when) => guard(when, scope),
                None => Ok(true),
            }
            .and_then(|applies| {
                if applies {
                    check(&program.assert, scope)
                } else {
                    Ok(true)
                }
            });
            match verdict {
                Ok(true) => {}
                Ok(false) => {
                    let pointer = node.pointer();
                    let template = self
                        .options
                        .lang
                        .as_str()
                        .ne("en")
                        .then(|| program.translated_messages.get(&self.options.lang))
                        .flatten()
                        .unwrap_or(&program.message);
                    let (message, render_error) = template.render(scope, &self.options.lang);
                    let mut d = Diagnostic::new(
                        rule.id.clone(),
                        rule.name.clone(),
                        self.severity_in(rule, profile),
                        message,
                        format!("{pointer}{}", program.at),
                    )
                    .with_help(rule.help_in(&self.options.lang));
                    d.references = rule.references_in(profile);
                    findings.push(d);
                    if let Some(e) = render_error {
                        if !schema_valid {
                            return broken(&pointer, &e);
                        }
                        findings.push(failed_to_run(rule, &pointer, &e));
                    }
                }
                Err(e) => {
                    if !schema_valid {
                        return broken(&node.pointer(), &e);
                    }
                    findings.push(failed_to_run(rule, &node.pointer(), &e));
                }
            }
        }
        Outcome::Findings(findings)
    }
}

/// One document as the rules of a run see it.
struct DocRun<'a> {
    value: &'a Value,
    /// The pointers the schema rejected, as tokens.
    rejected: Vec<Vec<String>>,
    related: Related<'a>,
    /// The profile the report is held to.
    profile: Profile,
    /// What each selector (by its text) matched: rules with the same
    /// selector (C04–C07 all read every area) share one query.
    selections: HashMap<String, Vec<Selected<'a>>>,
}

impl<'a> DocRun<'a> {
    fn new(
        value: &'a Value,
        rejected: Vec<Vec<String>>,
        related: Related<'a>,
        profile: Profile,
    ) -> DocRun<'a> {
        DocRun {
            value,
            rejected,
            related,
            profile,
            selections: HashMap::new(),
        }
    }
}

/// The root scope of one document: the function library, and `doc`,
/// `item`, `previous`, `earlier` and `history` lent by `bound`.
fn context<'a>(bound: &'a Bound<'_, '_>) -> Context<'a, 'a> {
    let mut ctx = root_context(Vec::new());
    ctx.set_variable_resolver(bound);
    ctx
}

/// The reports of one run lent to CEL ([`to_val`]: value trees whose text
/// borrows from the JSON), built once per document and shared by every rule.
/// `previous` and `earlier` are lent when a rule first reads them (only the
/// Y rules do), and once when they are the same report.
struct Lent<'v> {
    doc: Box<dyn Val + 'v>,
    previous: LentLater<'v>,
    earlier: LentLater<'v>,
    /// `earlier` is the report `previous` is (the usual case).
    earlier_is_previous: bool,
    /// The earlier annual reports (an empty list when none).
    history: LentLater<'v>,
    /// The profile's parameters (`profile.article9_deadline`).
    profile: Box<dyn Val + 'static>,
}

impl<'v> Lent<'v> {
    fn new(value: &'v Value, related: Related<'v>, profile: Profile) -> Lent<'v> {
        Lent {
            profile: profile_val(profile),
            doc: to_val(value),
            previous: LentLater::new(related.previous),
            earlier: LentLater::new(related.earlier),
            history: LentLater::new(related.history.or(Some(&EMPTY_LIST))),
            earlier_is_previous: match (related.previous, related.earlier) {
                (Some(p), Some(e)) => std::ptr::eq(p, e),
                _ => false,
            },
        }
    }

    fn previous(&self) -> &(dyn Val + 'v) {
        self.previous.get()
    }

    fn history(&self) -> &(dyn Val + 'v) {
        self.history.get()
    }

    fn earlier(&self) -> &(dyn Val + 'v) {
        if self.earlier_is_previous {
            self.previous.get()
        } else {
            self.earlier.get()
        }
    }
}

/// `history` when no earlier report is known.
static EMPTY_LIST: Value = Value::Array(Vec::new());

/// A profile's parameters as a CEL value, converted once per profile.
fn profile_val(profile: Profile) -> Box<dyn Val + 'static> {
    static JSON: OnceLock<Vec<Value>> = OnceLock::new();
    let all = JSON.get_or_init(|| Profile::ALL.iter().map(|p| p.to_json()).collect());
    let i = Profile::ALL.iter().position(|p| *p == profile).unwrap_or(0);
    to_val(&all[i])
}

/// A report lent to CEL on first use (`null` when there is none).
struct LentLater<'v> {
    value: Option<&'v Value>,
    lent: OnceLock<Box<dyn Val + 'v>>,
}

impl<'v> LentLater<'v> {
    fn new(value: Option<&'v Value>) -> LentLater<'v> {
        LentLater {
            value,
            lent: OnceLock::new(),
        }
    }

    fn get(&self) -> &(dyn Val + 'v) {
        self.lent
            .get_or_init(|| {
                self.value
                    .map_or_else(|| Box::new(CelNull) as Box<dyn Val>, to_val)
            })
            .as_ref()
    }
}

/// `doc`, `item`, `previous` and `earlier` as the rules see them. `item` is
/// the current node, found by walking the lent `doc` once per node and lent
/// in turn, so no node is ever copied (binding each node as a variable of
/// its own would convert its whole subtree again, for every rule and node —
/// the cost that dominated validation before).
struct Bound<'a, 'v> {
    doc: &'a (dyn Val + 'a),
    lent: &'a Lent<'v>,
    item: Mutex<Option<&'a (dyn Val + 'a)>>,
    /// The last path walked and the node after each of its steps: the nodes
    /// a selector gives share their parents (`/forms/C/areas/…`), which are
    /// then found once, not once per node.
    walked: Mutex<(Vec<PathElement<'a>>, Vec<&'a (dyn Val + 'a)>)>,
}

impl<'a, 'v> Bound<'a, 'v> {
    fn new(lent: &'a Lent<'v>) -> Bound<'a, 'v> {
        Bound {
            doc: lent.doc.as_ref(),
            lent,
            item: Mutex::new(None),
            walked: Mutex::new((Vec::new(), Vec::new())),
        }
    }

    /// Makes the node at `path` the current `item` (none if the path does
    /// not lead anywhere in the lent document).
    fn set_item(&self, path: &[PathElement<'a>]) {
        let Ok(mut walked) = self.walked.lock() else {
            return;
        };
        let (steps, nodes) = &mut *walked;
        // Keep what the previous path shares with this one.
        let shared = steps.iter().zip(path).take_while(|(a, b)| a == b).count();
        steps.truncate(shared);
        nodes.truncate(shared);
        let mut node: Option<&'a (dyn Val + 'a)> = nodes.last().copied().or(Some(self.doc));
        for step in &path[shared..] {
            let Some(ix) = node.and_then(|n| n.as_indexer()) else {
                node = None;
                break;
            };
            let next = match step {
                PathElement::Name(n) => ix.get(&CelString::from(*n)),
                PathElement::Index(i) => {
                    ix.get(&CelInt::from(i64::try_from(*i).unwrap_or(i64::MAX)))
                }
            };
            node = match next {
                Ok(CowVal::Borrowed(v)) => Some(v),
                // Built-in maps and lists lend their members; anything else
                // would be a copy, not the node.
                _ => None,
            };
            if let Some(v) = node {
                steps.push(step.clone());
                nodes.push(v);
            }
        }
        if let Ok(mut item) = self.item.lock() {
            *item = node;
        }
    }
}

impl VariableResolver for Bound<'_, '_> {
    fn resolve<'b>(&'b self, name: &str) -> Option<CowVal<'b, 'b>> {
        match name {
            "doc" => Some(CowVal::Borrowed(self.doc)),
            "previous" => Some(CowVal::Borrowed(self.lent.previous())),
            "earlier" => Some(CowVal::Borrowed(self.lent.earlier())),
            "history" => Some(CowVal::Borrowed(self.lent.history())),
            "profile" => Some(CowVal::Borrowed(self.lent.profile.as_ref())),
            "item" => self.item.lock().ok()?.map(CowVal::Borrowed),
            _ => None,
        }
    }
}

/// A `when` (true when the rule applies).
fn guard(when: &Program, scope: &Context<'_, '_>) -> Result<bool, String> {
    boolean(when, scope, "when")
}

/// An `assert` (true when the node passes).
fn check(assert: &Program, scope: &Context<'_, '_>) -> Result<bool, String> {
    boolean(assert, scope, "assert")
}

/// Runs an expression that must give true or false.
fn boolean(program: &Program, scope: &Context<'_, '_>, what: &str) -> Result<bool, String> {
    match program.execute(scope) {
        Ok(Cel::Bool(b)) => Ok(b),
        Ok(other) => Err(format!(
            "`{what}` gave {} instead of true or false",
            display(&other)
        )),
        Err(e) => Err(format!("`{what}` failed: {e}")),
    }
}

/// The first rejected pointer the rule's footprint overlaps. Compares path
/// steps as they are (no pointer spelled out per node: on a report that
/// breaks the schema this ran for every node of every rule).
fn touched<'r>(
    rule: &Rule,
    nodes: &[Selected<'_>],
    rejected: &'r [Vec<String>],
) -> Option<&'r Vec<String>> {
    for path in &rule.program.footprint {
        let hit = match path.root.as_str() {
            "doc" => rejected.iter().find(|r| overlaps(r, &path.tokens)),
            "item" => nodes.iter().find_map(|n| {
                rejected
                    .iter()
                    .find(|r| overlaps_below(r, &n.path, &path.tokens))
            }),
            _ => None,
        };
        if hit.is_some() {
            return hit;
        }
    }
    None
}

/// Whether the pointer `rejected` (as tokens) and the path `base` followed
/// by `tail` overlap: one is a prefix of the other ([`overlaps`] without
/// building the joined path).
fn overlaps_below(rejected: &[String], base: &[PathElement<'_>], tail: &[String]) -> bool {
    let steps = base
        .iter()
        .map(|step| match step {
            PathElement::Name(n) => Step::Name(n),
            PathElement::Index(i) => Step::Index(*i),
        })
        .chain(tail.iter().map(|t| Step::Name(t.as_str())));
    rejected.iter().zip(steps).all(|(r, step)| match step {
        Step::Name(n) => r == n,
        // The token as `i.to_string()` spells it: digits, no leading zero.
        Step::Index(i) => {
            r.bytes().all(|b| b.is_ascii_digit())
                && (r.len() == 1 || !r.starts_with('0'))
                && r.parse::<usize>().ok() == Some(i)
        }
    })
}

enum Step<'a> {
    Name(&'a str),
    Index(usize),
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
    fn overlapping_paths_compare_steps_as_pointer_tokens() {
        let r = |p: &str| pointer_tokens(p);
        let base = [PathElement::Name("areas"), PathElement::Index(10)];
        let tail = ["location".to_owned(), "lat".to_owned()];
        // A prefix either way overlaps.
        assert!(overlaps_below(&r("/areas/10"), &base, &tail));
        assert!(overlaps_below(&r("/areas/10/location/lat/x"), &base, &tail));
        assert!(overlaps_below(&r("/areas"), &base, &[]));
        // Indexes match only as `10` is spelled.
        for other in [
            "/areas/1",
            "/areas/010",
            "/areas/+10",
            "/areas/10/location/lon",
        ] {
            assert!(!overlaps_below(&r(other), &base, &tail), "{other}");
        }
        let zero = [PathElement::Index(0)];
        assert!(overlaps_below(&r("/0"), &zero, &[]));
        assert!(!overlaps_below(&r("/00"), &zero, &[]));
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
        assert_eq!(
            run.skipped[0].reason,
            SkipReason::ReadsRejected {
                pointer: "/forms/B/stockpile/0/quantity".into()
            }
        );
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
