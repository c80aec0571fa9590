//! `sum(list)`, `sum(list, 'field')` and `sum(list, 'field', 'key', value)`
//! (only the objects whose `key` equals `value`).
//!
//! Reads its arguments where they are (a report's list is lent, not copied:
//! a `Value`-typed argument would deep-copy every row at every call).

use super::val::{is_null, kind, member, number, Number};
use cel::common::types::Kind;
use cel::common::value::Val;
use cel::{ExecutionError, FunctionContext, Value};

pub fn sum(ftx: &FunctionContext) -> Result<Value, ExecutionError> {
    let err = |m: &str| ExecutionError::function_error("sum", m);
    let usage = "expects a list, optionally the name of a field, and optionally the name of a key and the value it must have";
    fn text(v: &dyn Val) -> Option<&str> {
        <&str>::try_from(v).ok()
    }
    let (list, field, only) = match ftx.args.as_slice() {
        [l] => (l.as_ref(), None, None),
        [l, f] => (
            l.as_ref(),
            Some(text(f.as_ref()).ok_or_else(|| err(usage))?),
            None,
        ),
        [l, f, k, v] => (
            l.as_ref(),
            Some(text(f.as_ref()).ok_or_else(|| err(usage))?),
            Some((text(k.as_ref()).ok_or_else(|| err(usage))?, v.as_ref())),
        ),
        _ => return Err(err(usage)),
    };
    if is_null(list) {
        return Ok(Value::Int(0));
    }
    let Some(rows) = list.as_iterable().filter(|_| kind(list) == Kind::List) else {
        return Err(err("expects a list, and optionally the name of a field"));
    };
    let mut int: i64 = 0;
    let mut float: f64 = 0.0;
    let mut is_float = false;
    let mut rows = rows.iter();
    while let Some(row) = rows.next() {
        if let Some((key, value)) = &only {
            let selected = member(row, key).is_some_and(|v| v.equals(*value));
            if !selected {
                continue;
            }
        }
        let v = match field {
            None => row,
            Some(f) if kind(row) == Kind::Map => match member(row, f) {
                Some(v) => v,
                None => continue,
            },
            Some(f) => {
                return Err(err(&format!(
                    "cannot take `{f}` of a value that is not an object"
                )))
            }
        };
        match number(v) {
            Some(Number::Int(i)) => match int.checked_add(i) {
                Some(s) => int = s,
                None => {
                    is_float = true;
                    float += i as f64;
                }
            },
            Some(Number::Float(x)) => {
                is_float = true;
                float += x;
            }
            None if is_null(v) => {}
            None => return Err(err(&format!("cannot add {v:?}"))),
        }
    }
    Ok(if is_float {
        Value::Float(float + int as f64)
    } else {
        Value::Int(int)
    })
}

#[cfg(test)]
mod tests {
    use super::super::eval;
    use cel::Value;
    use serde_json::json;

    #[test]
    fn sums_a_field_treating_absent_as_zero() {
        let doc = json!({"rows": [{"q": 2}, {"q": 5}, {"other": 1}]});
        assert_eq!(eval("sum(doc.rows, 'q')", doc).unwrap(), Value::Int(7));
    }

    #[test]
    fn sums_plain_numbers_and_mixes_to_double() {
        assert_eq!(
            eval("sum(doc.x)", json!({"x": [1, 2, 3]})).unwrap(),
            Value::Int(6)
        );
        assert_eq!(
            eval("sum(doc.x)", json!({"x": [1, 2.5]})).unwrap(),
            Value::Float(3.5)
        );
        assert_eq!(eval("sum(doc.x)", json!({"x": []})).unwrap(), Value::Int(0));
    }

    #[test]
    fn sums_only_the_rows_with_a_given_value() {
        let doc = json!({"rows": [{"q": 2, "c": "CHA"}, {"q": 5, "c": "SHA"}, {"q": 1}, {"q": 4, "c": "CHA"}]});
        assert_eq!(
            eval("sum(doc.rows, 'q', 'c', 'CHA')", doc.clone()).unwrap(),
            Value::Int(6)
        );
        assert_eq!(
            eval("sum(doc.rows, 'q', 'c', 'XX')", doc).unwrap(),
            Value::Int(0)
        );
    }

    #[test]
    fn refuses_what_cannot_be_added() {
        assert!(eval("sum(doc.x)", json!({"x": ["a"]})).is_err());
        assert!(eval("sum(doc.x, 'q')", json!({"x": [3]})).is_err());
        assert!(eval("sum(doc.x)", json!({"x": 3})).is_err());
    }
}
