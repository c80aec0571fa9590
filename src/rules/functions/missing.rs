//! `missing(map, names)`: which of the named members are absent, null,
//! empty text or an empty list. Rules use it to name what a user must add.

use cel::objects::Key;
use cel::{ExecutionError, Value};
use std::sync::Arc;

pub fn missing(map: Value, names: Value) -> Result<Value, ExecutionError> {
    let err = |m: String| ExecutionError::function_error("missing", m);
    let Value::List(names) = names else {
        return Err(err("expects a list of names as second argument".into()));
    };
    let map = match map {
        Value::Map(m) => Some(m),
        Value::Null => None,
        other => return Err(err(format!("expects an object, found {other:?}"))),
    };
    let mut out = Vec::new();
    for name in names.iter() {
        let Value::String(n) = name else {
            return Err(err("names must be text".into()));
        };
        let present = map
            .as_ref()
            .and_then(|m| m.map.get(&Key::String(Arc::clone(n))))
            .is_some_and(|v| match v {
                Value::Null => false,
                Value::String(s) => !s.trim().is_empty(),
                Value::List(l) => !l.is_empty(),
                _ => true,
            });
        if !present {
            out.push(name.clone());
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
