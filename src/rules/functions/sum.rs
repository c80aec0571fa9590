//! `sum(list)` and `sum(list, 'field')`.

use cel::extractors::Arguments;
use cel::objects::Key;
use cel::{ExecutionError, Value};
use std::sync::Arc;

pub fn sum(Arguments(args): Arguments) -> Result<Value, ExecutionError> {
    let err = |m: &str| ExecutionError::function_error("sum", m);
    let (list, field) = match args.as_slice() {
        [Value::List(l)] => (l, None),
        [Value::List(l), Value::String(f)] => (l, Some(f.clone())),
        [Value::Null] | [Value::Null, Value::String(_)] => return Ok(Value::Int(0)),
        _ => return Err(err("expects a list, and optionally the name of a field")),
    };
    let mut int: i64 = 0;
    let mut float: f64 = 0.0;
    let mut is_float = false;
    for item in list.iter() {
        let v = match (&field, item) {
            (None, v) => v.clone(),
            (Some(f), Value::Map(m)) => match m.map.get(&Key::String(Arc::clone(f))) {
                Some(v) => v.clone(),
                None => continue,
            },
            (Some(f), _) => {
                return Err(err(&format!(
                    "cannot take `{f}` of a value that is not an object"
                )))
            }
        };
        match v {
            Value::Int(i) => match int.checked_add(i) {
                Some(s) => int = s,
                None => {
                    is_float = true;
                    float += i as f64;
                }
            },
            Value::UInt(u) => float += u as f64,
            Value::Float(x) => {
                is_float = true;
                float += x;
            }
            Value::Null => {}
            other => return Err(err(&format!("cannot add {other:?}"))),
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
    fn refuses_what_cannot_be_added() {
        assert!(eval("sum(doc.x)", json!({"x": ["a"]})).is_err());
        assert!(eval("sum(doc.x, 'q')", json!({"x": [3]})).is_err());
        assert!(eval("sum(doc.x)", json!({"x": 3})).is_err());
    }
}
