//! `index_of(list, value)` and `index_of(list, 'field', value)`: the
//! position of the first element equal to `value` (or of the first object
//! whose `field` equals it), `-1` when there is none.
//!
//! `first_positions(list, 'field')`: for each object of the list, the
//! position of the first object with the same `field` (its own position when
//! it is the first): `first_positions(areas, 'id')[i] != i` means area `i`
//! repeats an earlier id. One pass, for a whole list, where `index_of` per
//! element would be quadratic.
//!
//! Both read the list where it is: `list.map(x, x.id)` would copy every
//! object first.

use super::val::{is_null, kind, member, number};
use cel::common::types::Kind;
use cel::common::value::Val;
use cel::{ExecutionError, FunctionContext, Value};
use std::collections::HashMap;
use std::sync::Arc;

pub fn index_of(ftx: &FunctionContext) -> Result<i64, ExecutionError> {
    let err = |m: &str| ExecutionError::function_error("index_of", m);
    let usage = "expects a list and a value, or a list, the name of a field and a value";
    let (list, field, wanted) = match ftx.args.as_slice() {
        [l, v] => (l.as_ref(), None, v.as_ref()),
        [l, f, v] => match <&str>::try_from(f.as_ref()) {
            Ok(f) => (l.as_ref(), Some(f), v.as_ref()),
            Err(_) => return Err(err(usage)),
        },
        _ => return Err(err(usage)),
    };
    if is_null(list) {
        return Ok(-1);
    }
    let Some(rows) = list.as_iterable().filter(|_| kind(list) == Kind::List) else {
        return Err(err(usage));
    };
    let mut rows = rows.iter();
    let mut i: i64 = 0;
    while let Some(row) = rows.next() {
        let found = match &field {
            None => same(row, wanted),
            Some(f) => member(row, f).is_some_and(|v| same(v, wanted)),
        };
        if found {
            return Ok(i);
        }
        i += 1;
    }
    Ok(-1)
}

pub fn first_positions(ftx: &FunctionContext) -> Result<Value, ExecutionError> {
    let err = |m: &str| ExecutionError::function_error("first_positions", m);
    let usage = "expects a list of objects and the name of a field";
    let [list, field] = ftx.args.as_slice() else {
        return Err(err(usage));
    };
    let (list, field) = (list.as_ref(), field.as_ref());
    let Ok(field) = <&str>::try_from(field) else {
        return Err(err(usage));
    };
    if is_null(list) {
        return Ok(Value::List(Arc::new(Vec::new())));
    }
    let Some(rows) = list.as_iterable().filter(|_| kind(list) == Kind::List) else {
        return Err(err(usage));
    };
    // Values already seen, by their text form; an element without the field
    // (or with a value that is not text or a number) is its own first.
    let mut first: HashMap<String, i64> = HashMap::new();
    let mut out = Vec::new();
    let mut rows = rows.iter();
    let mut i: i64 = 0;
    while let Some(row) = rows.next() {
        let key = member(row, field).and_then(|v| match kind(v) {
            Kind::String => <&str>::try_from(v).ok().map(|s| format!("s{s}")),
            _ => number(v).map(|n| format!("n{}", n.as_f64())),
        });
        let at = match key {
            Some(k) => *first.entry(k).or_insert(i),
            None => i,
        };
        out.push(Value::Int(at));
        i += 1;
    }
    Ok(Value::List(Arc::new(out)))
}

/// CEL equality (`==`) of two values.
fn same(a: &dyn Val, b: &dyn Val) -> bool {
    a.equals(b)
}

#[cfg(test)]
mod tests {
    use super::super::eval;
    use cel::Value;
    use serde_json::json;

    #[test]
    fn finds_the_first_position() {
        let doc = json!({"l": ["a", "b", "a"], "rows": [{"id": "x"}, {"id": "y"}, {"id": "y"}, {"n": 1}]});
        assert_eq!(
            eval("index_of(doc.l, 'a')", doc.clone()).unwrap(),
            Value::Int(0)
        );
        assert_eq!(
            eval("index_of(doc.l, 'b')", doc.clone()).unwrap(),
            Value::Int(1)
        );
        assert_eq!(
            eval("index_of(doc.l, 'z')", doc.clone()).unwrap(),
            Value::Int(-1)
        );
        assert_eq!(
            eval("index_of(doc.rows, 'id', 'y')", doc.clone()).unwrap(),
            Value::Int(1)
        );
        assert_eq!(
            eval("index_of(doc.rows, 'id', 'q')", doc).unwrap(),
            Value::Int(-1)
        );
    }

    #[test]
    fn numbers_compare_by_value_and_null_lists_are_empty() {
        let doc = json!({"l": [1, 2.0, 3], "n": null});
        assert_eq!(
            eval("index_of(doc.l, 2)", doc.clone()).unwrap(),
            Value::Int(1)
        );
        assert_eq!(eval("index_of(doc.n, 2)", doc).unwrap(), Value::Int(-1));
    }

    #[test]
    fn first_positions_mark_repeats() {
        let doc = json!({"rows": [{"id": "a"}, {"id": "b"}, {"id": "a"}, {"n": 1}, {"id": 2}, {"id": 2.0}]});
        let v = eval("first_positions(doc.rows, 'id')", doc).unwrap();
        let want: Vec<Value> = [0, 1, 0, 3, 4, 4].into_iter().map(Value::Int).collect();
        assert_eq!(v, Value::List(want.into()));
        assert_eq!(
            eval("first_positions(doc.n, 'id')", json!({"n": null})).unwrap(),
            Value::List(Vec::new().into())
        );
    }

    #[test]
    fn refuses_what_is_not_a_list() {
        assert!(eval("index_of(doc.x, 1)", json!({"x": 3})).is_err());
        assert!(eval("index_of(doc.x, 1, 2)", json!({"x": []})).is_err());
    }
}
