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
}

impl Selector {
    /// Parses a JSONPath expression.
    pub fn parse(source: &str) -> Result<Selector, String> {
        JsonPath::parse(source)
            .map(|path| Selector {
                path,
                descends: source.contains(".."),
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
    fn malformed_paths_are_refused() {
        assert!(Selector::parse("$.forms[").is_err());
        assert!(Selector::parse("forms.C").is_err());
    }
}
