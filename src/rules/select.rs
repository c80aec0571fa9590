//! Selectors: RFC 9535 JSONPath over the canonical document, giving each
//! matched node with its JSON pointer.

use serde_json::Value;
use serde_json_path::{JsonPath, PathElement};

/// A compiled JSONPath.
#[derive(Debug)]
pub struct Selector {
    path: JsonPath,
    /// The path has a descendant segment (`..`): the query visits the
    /// whole document, so matches are found first and located after.
    descends: bool,
    /// `$..[?…]` with a filter of member tests only (J02's
    /// `$..[?@.total && (@.women || …)]`): run by one walk of our own that
    /// records paths as it goes (serde_json_path's query collects a list
    /// per node it visits, then [`locate`] walks the document again).
    members_filter: Option<Test>,
    /// `$.forms.C.areas[*]`, `$.forms.*`: member names and wildcards only,
    /// followed here step by step (serde_json_path copies the path of every
    /// node at every step).
    steps: Option<Vec<Step>>,
}

/// One step of a path of member names and wildcards.
#[derive(Debug, Clone, PartialEq)]
enum Step {
    Name(String),
    Wildcard,
}

/// The steps of `$.a.b[*].c` or `$.a.*`; `None` for any other path.
fn simple_steps(source: &str) -> Option<Vec<Step>> {
    let mut rest = source.trim().strip_prefix('$')?;
    let mut steps = Vec::new();
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix(".*").or_else(|| rest.strip_prefix("[*]")) {
            steps.push(Step::Wildcard);
            rest = r;
        } else if let Some(r) = rest.strip_prefix('.') {
            let end = r
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(r.len());
            let name = &r[..end];
            if name.is_empty() || name.starts_with(|c: char| c.is_ascii_digit()) {
                return None;
            }
            steps.push(Step::Name(name.to_owned()));
            rest = &r[end..];
        } else {
            return None;
        }
    }
    Some(steps)
}

/// The nodes `steps` lead to from `root`, in serde_json_path's order.
fn follow<'v>(steps: &[Step], root: &'v Value) -> Vec<Selected<'v>> {
    let mut nodes = vec![Selected {
        path: Vec::new(),
        node: root,
    }];
    for step in steps {
        let mut next = Vec::new();
        for n in nodes {
            match (step, n.node) {
                (Step::Name(name), Value::Object(m)) => {
                    let found = if m.len() <= 32 {
                        m.iter().find(|(k, _)| *k == name)
                    } else {
                        m.get_key_value(name.as_str())
                    };
                    if let Some((k, v)) = found {
                        let mut path = n.path;
                        path.push(PathElement::Name(k));
                        next.push(Selected { path, node: v });
                    }
                }
                (Step::Wildcard, Value::Object(m)) => {
                    for (k, v) in m {
                        let mut path = n.path.clone();
                        path.push(PathElement::Name(k));
                        next.push(Selected { path, node: v });
                    }
                }
                (Step::Wildcard, Value::Array(a)) => {
                    for (i, v) in a.iter().enumerate() {
                        let mut path = Vec::with_capacity(n.path.len() + 1);
                        path.extend_from_slice(&n.path);
                        path.push(PathElement::Index(i));
                        next.push(Selected { path, node: v });
                    }
                }
                _ => {}
            }
        }
        nodes = next;
    }
    nodes
}

impl Selector {
    /// Parses a JSONPath expression.
    pub fn parse(source: &str) -> Result<Selector, String> {
        JsonPath::parse(source)
            .map(|path| Selector {
                path,
                descends: source.contains(".."),
                members_filter: source
                    .trim()
                    .strip_prefix("$..[?")
                    .and_then(|rest| rest.strip_suffix(']'))
                    .and_then(Test::parse),
                steps: simple_steps(source),
            })
            .map_err(|e| e.to_string())
    }

    /// Every matched node with its JSON pointer, in document order.
    pub fn select<'v>(&self, root: &'v Value) -> Vec<(String, &'v Value)> {
        self.select_located(root)
            .into_iter()
            .map(|n| (n.pointer(), n.node))
            .collect()
    }

    /// Every matched node with its path, in document order (the pointer is
    /// only spelled out when needed: see [`Selected::pointer`]).
    ///
    /// A query that descends the whole document (`$..[?…]`) runs without
    /// locations (building a path for every node it visits costs twice the
    /// query), then the few matches are located in one walk of the document.
    pub fn select_located<'v>(&self, root: &'v Value) -> Vec<Selected<'v>> {
        if let Some(steps) = &self.steps {
            return follow(steps, root);
        }
        if let Some(test) = &self.members_filter {
            let mut out = Vec::new();
            // Whether a string, number, boolean or null can pass (only
            // under a `!`): if not, they are not even tested.
            let leaves = test.matches(&Value::Null);
            filter_descendants(test, leaves, root, &mut Vec::new(), &mut out);
            return out;
        }
        if self.descends {
            let found: Vec<&'v Value> = self.path.query(root).all();
            return locate(root, found);
        }
        self.path
            .query_located(root)
            .into_iter()
            .map(|n| Selected {
                path: n.location().iter().cloned().collect(),
                node: n.node(),
            })
            .collect()
    }
}

/// A filter made of member tests (`@.name`), `!`, `&&`, `||` and
/// parentheses: RFC 9535's existence tests, true when the node is an
/// object with that member (whatever its value).
#[derive(Debug, Clone, PartialEq)]
enum Test {
    Has(String),
    Not(Box<Test>),
    And(Vec<Test>),
    Or(Vec<Test>),
}

impl Test {
    /// Parses the filter; `None` for anything else (which serde_json_path
    /// then runs).
    fn parse(source: &str) -> Option<Test> {
        let mut p = TestParser { rest: source };
        let t = p.or()?;
        p.rest.trim().is_empty().then_some(t)
    }

    fn matches(&self, v: &Value) -> bool {
        match self {
            Test::Has(name) => v
                .as_object()
                .is_some_and(|m| super::native::get(m, name).is_some()),
            Test::Not(t) => !t.matches(v),
            Test::And(ts) => ts.iter().all(|t| t.matches(v)),
            Test::Or(ts) => ts.iter().any(|t| t.matches(v)),
        }
    }
}

struct TestParser<'s> {
    rest: &'s str,
}

impl TestParser<'_> {
    fn eat(&mut self, token: &str) -> bool {
        let trimmed = self.rest.trim_start();
        match trimmed.strip_prefix(token) {
            Some(rest) => {
                self.rest = rest;
                true
            }
            None => false,
        }
    }

    fn or(&mut self) -> Option<Test> {
        let mut terms = vec![self.and()?];
        while self.eat("||") {
            terms.push(self.and()?);
        }
        Some(if terms.len() == 1 {
            terms.remove(0)
        } else {
            Test::Or(terms)
        })
    }

    fn and(&mut self) -> Option<Test> {
        let mut terms = vec![self.unary()?];
        while self.eat("&&") {
            terms.push(self.unary()?);
        }
        Some(if terms.len() == 1 {
            terms.remove(0)
        } else {
            Test::And(terms)
        })
    }

    fn unary(&mut self) -> Option<Test> {
        if self.eat("!") {
            return Some(Test::Not(Box::new(self.unary()?)));
        }
        if self.eat("(") {
            let t = self.or()?;
            return self.eat(")").then_some(t);
        }
        if !self.eat("@.") {
            return None;
        }
        // A member name as the dot notation spells it (ASCII only here).
        let end = self
            .rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(self.rest.len());
        let (name, rest) = self.rest.split_at(end);
        if name.is_empty() || name.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        self.rest = rest;
        Some(Test::Has(name.to_owned()))
    }
}

/// `..[?test]` from `node`, in serde_json_path's order: the children of a
/// node that pass, then the same for each child in turn.
fn filter_descendants<'v>(
    test: &Test,
    leaves: bool,
    node: &'v Value,
    path: &mut Vec<PathElement<'v>>,
    out: &mut Vec<Selected<'v>>,
) {
    let mut keep = |step: PathElement<'v>, child: &'v Value, path: &Vec<PathElement<'v>>| {
        if (leaves || child.is_object()) && test.matches(child) {
            let mut p = path.clone();
            p.push(step);
            out.push(Selected {
                path: p,
                node: child,
            });
        }
    };
    match node {
        Value::Object(m) => {
            for (k, v) in m {
                keep(PathElement::Name(k), v, path);
            }
            for (k, v) in m.iter().filter(|(_, v)| is_container(v)) {
                path.push(PathElement::Name(k));
                filter_descendants(test, leaves, v, path, out);
                path.pop();
            }
        }
        Value::Array(a) => {
            for (i, v) in a.iter().enumerate() {
                keep(PathElement::Index(i), v, path);
            }
            for (i, v) in a.iter().enumerate().filter(|(_, v)| is_container(v)) {
                path.push(PathElement::Index(i));
                filter_descendants(test, leaves, v, path, out);
                path.pop();
            }
        }
        _ => {}
    }
}

/// Finds where each of `found` (nodes of `root`, by address) is, keeping
/// their order.
fn locate<'v>(root: &'v Value, found: Vec<&'v Value>) -> Vec<Selected<'v>> {
    if found.is_empty() {
        return Vec::new();
    }
    // Addresses of the matches, sorted: a binary search per visited node
    // (a hash per node would cost more than the walk).
    let mut wanted: Vec<(*const Value, usize)> = found
        .iter()
        .enumerate()
        .map(|(i, n)| (*n as *const Value, i))
        .collect();
    wanted.sort_unstable();
    let mut paths: Vec<Option<Vec<PathElement<'v>>>> = vec![None; found.len()];
    let mut walk = Walk {
        wanted: &wanted,
        leaves: found.iter().any(|n| !is_container(n)),
        stack: Vec::new(),
        paths: &mut paths,
    };
    walk.mark(root);
    walk.children(root);
    found
        .into_iter()
        .zip(paths)
        .filter_map(|(node, path)| Some(Selected { path: path?, node }))
        .collect()
}

fn is_container(v: &Value) -> bool {
    matches!(v, Value::Object(_) | Value::Array(_))
}

/// One walk of the document in search of the matches' paths.
struct Walk<'w, 'v> {
    /// The matches' addresses, sorted, with their places in `paths`.
    wanted: &'w [(*const Value, usize)],
    /// Whether any match is a leaf (a string, number, boolean or null):
    /// if none is, leaves are not even looked at.
    leaves: bool,
    /// The path of the node being walked.
    stack: Vec<PathElement<'v>>,
    paths: &'w mut [Option<Vec<PathElement<'v>>>],
}

impl<'v> Walk<'_, 'v> {
    /// Records the current path for every match at `node`'s address.
    fn mark(&mut self, node: &'v Value) {
        let at = node as *const Value;
        let first = self.wanted.partition_point(|(p, _)| *p < at);
        for &(_, i) in self.wanted[first..].iter().take_while(|(p, _)| *p == at) {
            self.paths[i] = Some(self.stack.clone());
        }
    }

    /// Visits the children of `node` (most nodes are leaves: they are
    /// checked in place, without a step of the walk of their own).
    fn children(&mut self, node: &'v Value) {
        match node {
            Value::Object(m) => {
                for (k, v) in m {
                    self.child(PathElement::Name(k), v);
                }
            }
            Value::Array(a) => {
                for (i, v) in a.iter().enumerate() {
                    self.child(PathElement::Index(i), v);
                }
            }
            _ => {}
        }
    }

    fn child(&mut self, step: PathElement<'v>, v: &'v Value) {
        if !self.leaves && !is_container(v) {
            return;
        }
        self.stack.push(step);
        self.mark(v);
        self.children(v);
        self.stack.pop();
    }
}

/// One node a selector matched.
#[derive(Debug, Clone)]
pub struct Selected<'v> {
    /// Where it is: member names (borrowed from the document) and indexes.
    pub path: Vec<PathElement<'v>>,
    /// The node.
    pub node: &'v Value,
}

impl<'v> Selected<'v> {
    /// Its JSON pointer (`""` for the root).
    pub fn pointer(&self) -> String {
        let mut out = String::new();
        for step in &self.path {
            out.push('/');
            match step {
                PathElement::Name(n) => out.push_str(&n.replace('~', "~0").replace('/', "~1")),
                PathElement::Index(i) => out.push_str(&i.to_string()),
            }
        }
        out
    }

    /// The last step of its path: `(member name, None)` or `(index as
    /// text, Some(index))`; empty for the root.
    pub fn last(&self) -> (String, Option<usize>) {
        match self.path.last() {
            Some(PathElement::Name(n)) => ((*n).to_owned(), None),
            Some(PathElement::Index(i)) => (i.to_string(), Some(*i)),
            None => (String::new(), None),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn selects_with_pointers() {
        let doc = json!({"forms": {"C": {"areas": [{"id": "a"}, {"id": "b/c"}]}}});
        let s = Selector::parse("$.forms.C.areas[*].id").unwrap();
        let got = s.select(&doc);
        assert_eq!(got[0].0, "/forms/C/areas/0/id");
        assert_eq!(got[1], ("/forms/C/areas/1/id".to_owned(), &json!("b/c")));
    }

    #[test]
    fn descendant_filter_finds_breakdowns_anywhere() {
        let doc = json!({"a": {"total": 3, "women": 1}, "b": [{"x": {"total": 2, "men": 2}}], "c": {"total": 1}});
        let s = Selector::parse(
            "$..[?@.total && (@.women || @.girls || @.boys || @.men || @.unknown)]",
        )
        .unwrap();
        let got: Vec<_> = s.select(&doc).into_iter().map(|(p, _)| p).collect();
        assert_eq!(got, vec!["/a", "/b/0/x"]);
    }

    #[test]
    fn descending_queries_locate_their_matches_in_order() {
        let doc = json!({"a": {"total": 3, "women": 1, "x/y": [{"total": 1, "men": 1}]}, "b": [{"total": 2, "men": 2}]});
        for q in [
            "$..[?@.total && (@.women || @.girls || @.boys || @.men || @.unknown)]",
            "$..[?@.total && !@.women]",
            "$..[?!@.total]",
            "$..[? (@.men||@.women) ]",
            "$..[?@.total && @.men]",
            "$..[?@.total]",
            "$..total",
            "$.a..[?@.total]",
        ] {
            let s = Selector::parse(q).unwrap();
            let plain = JsonPath::parse(q).unwrap();
            let want: Vec<String> = plain
                .query_located(&doc)
                .into_iter()
                .map(|n| n.location().to_json_pointer())
                .collect();
            let got: Vec<String> = s.select(&doc).into_iter().map(|(p, _)| p).collect();
            assert_eq!(got, want, "{q}");
        }
    }

    #[test]
    fn member_filters_run_natively_as_serde_json_path_runs_them() {
        let doc: Value =
            serde_json::from_str(include_str!("../../fixtures/valid/cambodia-2019.json")).unwrap();
        let q = "$..[?@.total && (@.women || @.girls || @.boys || @.men || @.unknown)]";
        let s = Selector::parse(q).unwrap();
        assert!(s.members_filter.is_some());
        let want: Vec<String> = JsonPath::parse(q)
            .unwrap()
            .query_located(&doc)
            .into_iter()
            .map(|n| n.location().to_json_pointer())
            .collect();
        let got: Vec<String> = s.select(&doc).into_iter().map(|(p, _)| p).collect();
        assert!(want.len() > 3);
        assert_eq!(got, want);
        // Anything else goes to serde_json_path.
        for other in [
            "$..[?@.total > 1]",
            "$..[?@['a b']]",
            "$..[?@.a.b]",
            "$.x..[?@.a]",
        ] {
            assert!(
                Selector::parse(other).unwrap().members_filter.is_none(),
                "{other}"
            );
        }
    }

    /// Every selector of the catalogue finds, on a full report, what
    /// serde_json_path finds, in the same order.
    #[test]
    fn the_catalogue_selectors_select_as_serde_json_path_does() {
        let mut doc: Value =
            serde_json::from_str(include_str!("../../fixtures/valid/cambodia-2019.json")).unwrap();
        doc["forms"]["F"]["mine_clearance"]["deadline_extensions"] =
            serde_json::json!([{"new_deadline": "2020-01-01"}, {"new_deadline": "2025-01-01"}]);
        let catalogue = crate::rules::Catalogue::embedded().unwrap();
        let mut fast = 0;
        for rule in &catalogue.rules {
            let q = &rule.program.select_source;
            let s = Selector::parse(q).unwrap();
            fast += usize::from(s.steps.is_some() || s.members_filter.is_some());
            let want: Vec<String> = JsonPath::parse(q)
                .unwrap()
                .query_located(&doc)
                .into_iter()
                .map(|n| n.location().to_json_pointer())
                .collect();
            let got: Vec<String> = s.select(&doc).into_iter().map(|(p, _)| p).collect();
            assert_eq!(got, want, "{q}");
        }
        assert!(fast >= 60, "{fast} selectors followed natively");
        for q in ["$.forms.*.cover", "$.x[*]", "$.period.from.x", "$"] {
            let s = Selector::parse(q).unwrap();
            assert!(s.steps.is_some(), "{q}");
            let want: Vec<String> = JsonPath::parse(q)
                .unwrap()
                .query_located(&doc)
                .into_iter()
                .map(|n| n.location().to_json_pointer())
                .collect();
            let got: Vec<String> = s.select(&doc).into_iter().map(|(p, _)| p).collect();
            assert_eq!(got, want, "{q}");
        }
        for q in ["$['period','submitted_on']", "$.a[0]", "$.a..b"] {
            assert!(Selector::parse(q).unwrap().steps.is_none(), "{q}");
        }
    }

    #[test]
    fn malformed_paths_are_refused() {
        assert!(Selector::parse("$.forms[").is_err());
        assert!(Selector::parse("forms.C").is_err());
    }
}
