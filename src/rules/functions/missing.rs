//! `missing(map, names)`: which of the named members are absent, null,
//! empty text or an empty list. Rules use it to name what a user must add.
//!
//! The map is read where it is (a report's object is lent, not copied).

use super::val::{is_null, kind, member};
use cel::common::types::Kind;
use cel::{ExecutionError, FunctionContext, Value};
use std::sync::Arc;

pub fn missing(ftx: &FunctionContext) -> Result<Value, ExecutionError> {
    let err = |m: String| ExecutionError::function_error("missing", m);
    let [map, names] = ftx.args.as_slice() else {
        return Err(err("expects an object and a list of names".into()));
    };
    let (map, names) = (map.as_ref(), names.as_ref());
    let Some(names) = names.as_iterable().filter(|_| kind(names) == Kind::List) else {
        return Err(err("expects a list of names as second argument".into()));
    };
    let map = match kind(map) {
        Kind::Map => Some(map),
        _ if is_null(map) => None,
        _ => return Err(err(format!("expects an object, found {map:?}"))),
    };
    let mut out = Vec::new();
    let mut names = names.iter();
    while let Some(name) = names.next() {
        let Ok(n) = <&str>::try_from(name) else {
            return Err(err("names must be text".into()));
        };
        let present = map
            .and_then(|m| member(m, n))
            .is_some_and(|v| match kind(v) {
                Kind::NullType => false,
                Kind::String => <&str>::try_from(v).is_ok_and(|s| !s.trim().is_empty()),
                Kind::List => v.as_sizer().is_some_and(|s| *s.size() > 0),
                _ => true,
            });
        if !present {
            out.push(Value::String(Arc::new(n.to_owned())));
        }
    }
    Ok(Value::List(Arc::new(out)))
}

#[cfg(test)]
mod tests {
    use super::super::eval;
    use serde_json::json;

    #[test]
    fn names_absent_null_and_empty_members() {
        let doc = json!({"m": {"a": 1, "b": null, "c": "", "d": [], "e": false}});
        let v = eval("missing(doc.m, ['a', 'b', 'c', 'd', 'e', 'f'])", doc).unwrap();
        assert_eq!(super::super::super::expr::display(&v), "b, c, d, f");
    }

    #[test]
    fn nothing_missing_gives_an_empty_list() {
        let v = eval("size(missing(doc, ['a'])) == 0", json!({"a": 0})).unwrap();
        assert_eq!(v, cel::Value::Bool(true));
    }
}
