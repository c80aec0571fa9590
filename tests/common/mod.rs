//! Shared by the property tests of the XML and Excel round trips.

use serde_json::Value;

/// A generated leaf value: replaces a leaf of the same JSON type.
#[derive(Debug, Clone)]
pub enum Leaf {
    Text(String),
    Int(i64),
    Big(u64),
    Float(f64),
    Bool(bool),
}

/// Replaces leaves of `value` with leaves of the same JSON type.
pub fn mutate(value: &mut Value, edits: &[(usize, Leaf)]) {
    fn leaves<'a>(v: &'a mut Value, out: &mut Vec<&'a mut Value>) {
        match v {
            Value::Object(m) => m.values_mut().for_each(|c| leaves(c, out)),
            Value::Array(a) => a.iter_mut().for_each(|c| leaves(c, out)),
            other => out.push(other),
        }
    }
    let mut all = Vec::new();
    leaves(value, &mut all);
    let n = all.len();
    for (i, edit) in edits {
        let slot = &mut all[i % n];
        match (&**slot, edit) {
            (Value::String(_), Leaf::Text(s)) => **slot = Value::String(s.clone()),
            (Value::Number(_), Leaf::Int(i)) => **slot = Value::from(*i),
            (Value::Number(_), Leaf::Big(u)) => **slot = Value::from(*u),
            (Value::Number(_), Leaf::Float(f)) => **slot = Value::from(*f),
            (Value::Bool(_), Leaf::Bool(b)) => **slot = Value::Bool(*b),
            _ => {}
        }
    }
}
