//! Selectors: RFC 9535 JSONPath over the canonical document, giving each
//! matched node with its JSON pointer.

use serde_json::Value;
use serde_json_path::JsonPath;

/// A compiled JSONPath.
#[derive(Debug)]
pub struct Selector(JsonPath);

impl Selector {
    /// Parses a JSONPath expression.
    pub fn parse(source: &str) -> Result<Selector, String> {
        JsonPath::parse(source)
            .map(Selector)
            .map_err(|e| e.to_string())
    }

    /// Every matched node with its JSON pointer, in document order.
    pub fn select<'v>(&self, root: &'v Value) -> Vec<(String, &'v Value)> {
        self.0
            .query_located(root)
            .into_iter()
            .map(|n| (n.location().to_json_pointer(), n.node()))
            .collect()
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
    fn malformed_paths_are_refused() {
        assert!(Selector::parse("$.forms[").is_err());
        assert!(Selector::parse("forms.C").is_err());
    }
}
