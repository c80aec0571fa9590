//! Expressions: CEL (the `cel` crate) with our own JSON ↔ CEL value
//! conversion and the function library of [`super::functions`].
//!
//! JSON integers become CEL `int` (not `uint`, which would make `x + 1`
//! fail), other numbers `double`. A document is converted once and shared by
//! every rule.

use cel::common::types::{
    CelBool, CelDouble, CelInt, CelList, CelMap, CelMapKey, CelNull, CelString,
};
use cel::common::value::Val;
use cel::objects::{Key, Map};
use cel::{Context, Env, Program, Value};
use serde_json::Value as Json;
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

/// The shared CEL environment: the standard library plus the strings,
/// lists and math extensions.
pub fn env() -> Arc<Env> {
    static ENV: OnceLock<Arc<Env>> = OnceLock::new();
    ENV.get_or_init(|| {
        let mut env = Env::stdlib();
        // The extensions only add functions; failing to add one is a bug in
        // the crate, not something a user can cause.
        let _ = env.add_extension(cel::extensions::strings);
        let _ = env.add_extension(cel::extensions::lists);
        let _ = env.add_extension(cel::extensions::math);
        Arc::new(env)
    })
    .clone()
}

/// Compiles one expression; the error is CEL's own message (with its
/// position inside the expression).
pub fn compile(source: &str) -> Result<Program, String> {
    env().compile(source).map_err(|e| e.to_string())
}

/// A root context with the function library and the given variables.
pub fn root_context<'v>(vars: Vec<(&str, Value)>) -> Context<'v, 'v> {
    let mut ctx = Context::with_env(env());
    super::functions::register(&mut ctx);
    for (name, value) in vars {
        ctx.add_variable_from_value(name, value);
    }
    ctx
}

/// Lends a JSON document to CEL: a tree of CEL's own values whose text
/// (member names and strings) borrows from the JSON instead of copying it.
/// This is what rules evaluate against; building it costs one allocation per
/// node, a fraction of what [`to_cel`] followed by a conversion to `Val`
/// cost (two full copies of every string).
pub fn to_val(v: &Json) -> Box<dyn Val + '_> {
    match v {
        Json::Null => Box::new(CelNull),
        Json::Bool(b) => Box::new(CelBool::from(*b)),
        Json::Number(n) => match n.as_i64() {
            Some(i) => Box::new(CelInt::from(i)),
            None => Box::new(CelDouble::from(n.as_f64().unwrap_or(f64::NAN))),
        },
        Json::String(s) => Box::new(CelString::from(s.as_str())),
        Json::Array(a) => Box::new(CelList::from(a.iter().map(to_val).collect::<Vec<_>>())),
        Json::Object(m) => {
            let mut map: HashMap<CelMapKey<'_>, Box<dyn Val + '_>> =
                HashMap::with_capacity(m.len());
            for (k, v) in m {
                map.insert(CelMapKey::from(k.as_str()), to_val(v));
            }
            Box::new(CelMap::from(map))
        }
    }
}

/// Converts JSON to a CEL value (an owned copy; see [`to_val`] for what
/// rules evaluate against).
pub fn to_cel(v: &Json) -> Value {
    match v {
        Json::Null => Value::Null,
        Json::Bool(b) => Value::Bool(*b),
        Json::Number(n) => match n.as_i64() {
            Some(i) => Value::Int(i),
            None => Value::Float(n.as_f64().unwrap_or(f64::NAN)),
        },
        Json::String(s) => Value::String(Arc::new(s.clone())),
        Json::Array(a) => Value::List(Arc::new(a.iter().map(to_cel).collect())),
        Json::Object(m) => {
            let map: HashMap<Key, Value> = m
                .iter()
                .map(|(k, v)| (Key::String(Arc::new(k.clone())), to_cel(v)))
                .collect();
            Value::Map(Map { map: Arc::new(map) })
        }
    }
}

/// Renders a value for an English message (see [`display_in`]).
pub fn display(v: &Value) -> String {
    display_in(v, "en")
}

/// Renders a CEL value the way a message in `lang` shows it: numbers with
/// that language's thousands and decimal separators (en `1,203.5`, fr
/// `1 203,5` with a no-break space, es `1.203,5`), lists joined by commas,
/// text as is.
pub fn display_in(v: &Value, lang: &str) -> String {
    let plain = display_plain(v);
    match (lang, v) {
        ("fr" | "es", Value::Int(_) | Value::UInt(_) | Value::Float(_)) => {
            let thousands = if lang == "fr" { "\u{a0}" } else { "." };
            plain
                .chars()
                .map(|c| match c {
                    ',' => thousands.to_owned(),
                    '.' => ",".to_owned(),
                    other => other.to_string(),
                })
                .collect()
        }
        ("fr" | "es", Value::List(l)) => l
            .iter()
            .map(|x| display_in(x, lang))
            .collect::<Vec<_>>()
            .join(", "),
        _ => plain,
    }
}

fn display_plain(v: &Value) -> String {
    match v {
        Value::Int(i) => group_int(*i),
        Value::UInt(u) => group_int(i64::try_from(*u).unwrap_or(i64::MAX)),
        Value::Float(f) => display_float(*f),
        Value::String(s) => s.to_string(),
        Value::Bool(b) => if *b { "yes" } else { "no" }.to_owned(),
        Value::Null => "nothing".to_owned(),
        Value::List(l) => l.iter().map(display).collect::<Vec<_>>().join(", "),
        Value::Map(m) => {
            let mut parts: Vec<String> = m
                .map
                .iter()
                .map(|(k, v)| format!("{}: {}", key_text(k), display(v)))
                .collect();
            parts.sort();
            format!("{{{}}}", parts.join(", "))
        }
        #[allow(unreachable_patterns)]
        other => format!("{other:?}"),
    }
}

fn key_text(k: &Key) -> String {
    match k {
        Key::String(s) => s.to_string(),
        Key::Int(i) => i.to_string(),
        Key::Uint(u) => u.to_string(),
        Key::Bool(b) => b.to_string(),
    }
}

fn group_int(i: i64) -> String {
    let digits = crate::report::thousands(i.unsigned_abs());
    if i < 0 {
        format!("-{digits}")
    } else {
        digits
    }
}

fn display_float(f: f64) -> String {
    if !f.is_finite() {
        return f.to_string();
    }
    if f.fract() == 0.0 && f.abs() < 9.0e15 {
        return group_int(f as i64);
    }
    let rounded = (f * 100.0).round() / 100.0;
    let int = rounded.trunc();
    let frac = format!("{:.2}", (rounded - int).abs());
    let frac = frac
        .trim_start_matches('0')
        .trim_end_matches('0')
        .trim_end_matches('.');
    let sign = if f < 0.0 && int == 0.0 { "-" } else { "" };
    format!("{sign}{}{frac}", group_int(int as i64))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn json_integers_become_int_so_arithmetic_works() {
        let ctx = root_context(vec![("doc", to_cel(&json!({"n": 5, "f": 2.5})))]);
        let p = compile("doc.n + 1 == 6 && doc.f * 2.0 == 5.0").unwrap();
        assert_eq!(p.execute(&ctx).unwrap(), Value::Bool(true));
    }

    #[test]
    fn values_display_for_people() {
        assert_eq!(display(&Value::Int(1203)), "1,203");
        assert_eq!(display(&Value::Int(-1230)), "-1,230");
        assert_eq!(display(&Value::Float(46024965.0)), "46,024,965");
        assert_eq!(display(&Value::Float(1234.5)), "1,234.5");
        assert_eq!(display(&Value::Float(0.25)), "0.25");
        assert_eq!(
            display(&to_cel(&json!(["use", "stockpile"]))),
            "use, stockpile"
        );
    }

    #[test]
    fn numbers_follow_the_message_language() {
        assert_eq!(
            display_in(&Value::Int(20941377), "fr"),
            "20\u{a0}941\u{a0}377"
        );
        assert_eq!(display_in(&Value::Float(1234.5), "es"), "1.234,5");
        assert_eq!(display_in(&Value::Float(1234.5), "en"), "1,234.5");
        assert_eq!(
            display_in(&to_cel(&json!(["use", "a, b"])), "fr"),
            "use, a, b"
        );
    }
}
