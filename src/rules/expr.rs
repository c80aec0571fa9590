//! Expressions: CEL (the `cel` crate) with our own JSON ↔ CEL value
//! conversion and the function library of [`super::functions`].
//!
//! JSON integers become CEL `int` (not `uint`, which would make `x + 1`
//! fail), other numbers `double`. A document is converted once and shared by
//! every rule.

use cel::common::traits::{Container, Indexer, Iterable, Sizer, Zeroer};
use cel::common::types::Type;
use cel::common::types::{
    CelBool, CelDouble, CelInt, CelList, CelMap, CelMapKey, CelNull, CelString,
};
use cel::common::value::{Builtin, BuiltinRef, Val};
use cel::objects::{Key, Map};
use cel::parser::{Expression, ExpressionReferences, PrattParser};
use cel::{Context, Env, ResolveResult, Value};
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

/// A compiled expression: cel's parse tree, run by cel's interpreter (what
/// `cel::Program` holds, without the source map no message of ours uses).
#[derive(Debug)]
pub struct Program {
    expression: Expression,
}

impl Program {
    /// Evaluates the expression in `ctx`, as `cel::Program::execute` does.
    pub fn execute(&self, ctx: &Context<'_, '_>) -> ResolveResult {
        Value::resolve(&self.expression, ctx)
    }

    /// The variables and functions it refers to.
    pub fn references(&self) -> ExpressionReferences<'_> {
        self.expression.references()
    }

    /// The parse tree.
    pub fn expression(&self) -> &Expression {
        &self.expression
    }
}

/// Compiles one expression with cel's reference (ANTLR) parser, the one
/// [`Env::compile`] uses; the error is CEL's own message (with its position
/// inside the expression).
pub fn compile(source: &str) -> Result<Program, String> {
    env()
        .compile(source)
        .map(|p| Program {
            expression: p.expression().clone(),
        })
        .map_err(|e| e.to_string())
}

/// The macros our environment's extensions add (lists: `sortBy`; math:
/// `greatest`, `least`), which the Pratt parser does not expand: text that
/// names one goes to the reference parser.
pub const EXTENSION_MACROS: [&str; 3] = ["sortBy", "greatest", "least"];

/// Compiles with cel's Pratt parser, some hundred times cheaper than the
/// ANTLR one (which took 100 M instructions, most of a run's start-up, for
/// the embedded catalogue). It expands only the standard macros (not the
/// extensions' `sortBy` or `math.greatest`), so it is used only for text a
/// test proves it parses to the very tree the reference parser gives: the
/// embedded catalogue (a test in `catalogue.rs`). `None` when it does not
/// parse (the reference parser then words the error) or names one of the
/// [`EXTENSION_MACROS`].
pub fn compile_fast(source: &str) -> Option<Program> {
    if EXTENSION_MACROS.iter().any(|m| source.contains(m)) {
        return None;
    }
    PrattParser::new()
        .enable_optional_syntax(true)
        .parse(source)
        .ok()
        .map(|expression| Program { expression })
}

/// Compiles expressions once each: a rule catalogue writes the same ones
/// many times (`item.total` in eight messages, a form's `cover ==
/// "provided"` guard in seven rules). `fast` text is first given to
/// [`compile_fast`].
#[derive(Debug, Default)]
pub struct Compiler {
    done: HashMap<String, Arc<Program>>,
    /// Whether the text compiled now is text [`compile_fast`] is proven on.
    pub fast: bool,
}

impl Compiler {
    /// The compiled `source` (shared with earlier compiles of the same text).
    pub fn compile(&mut self, source: &str) -> Result<Arc<Program>, String> {
        if let Some(p) = self.done.get(source) {
            return Ok(Arc::clone(p));
        }
        let fast = if self.fast {
            compile_fast(source)
        } else {
            None
        };
        let program = Arc::new(match fast {
            Some(p) => p,
            None => compile(source)?,
        });
        self.done.insert(source.to_owned(), Arc::clone(&program));
        Ok(program)
    }
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
/// This is what rules evaluate against. Objects are lent lazily
/// (`LentObject`): an object's members are put into a CEL map the first
/// time anything reads it, so the parts of a report no rule reads cost one
/// small allocation each instead of a hash of every member name.
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
        Json::Object(m) => Box::new(LentObject {
            json: m,
            map: OnceLock::new(),
        }),
    }
}

/// A JSON object lent to CEL, as a CEL map built on first use. To CEL it
/// is a built-in map in every respect (type, indexing, `in`, `size`,
/// comprehensions, equality, conversions): each operation is the built map's.
#[derive(Debug)]
struct LentObject<'v> {
    json: &'v serde_json::Map<String, Json>,
    map: OnceLock<CelMap<'v>>,
}

impl<'v> LentObject<'v> {
    fn map(&self) -> &CelMap<'v> {
        self.map.get_or_init(|| build_map(self.json))
    }

    fn into_map(self) -> CelMap<'v> {
        let json = self.json;
        self.map.into_inner().unwrap_or_else(|| build_map(json))
    }
}

fn build_map(m: &serde_json::Map<String, Json>) -> CelMap<'_> {
    let mut map: HashMap<CelMapKey<'_>, Box<dyn Val + '_>> = HashMap::with_capacity(m.len());
    for (k, v) in m {
        map.insert(CelMapKey::from(k.as_str()), to_val(v));
    }
    CelMap::from(map)
}

impl<'v> Val for LentObject<'v> {
    fn get_type(&self) -> &Type {
        <CelMap<'v> as Val>::cel_type()
    }

    fn cel_type() -> &'static Type {
        <CelMap<'v> as Val>::cel_type()
    }

    fn as_container(&self) -> Option<&dyn Container> {
        self.map().as_container()
    }

    fn as_indexer<'b, 'w>(&'b self) -> Option<&'b (dyn Indexer + 'w)>
    where
        Self: 'w,
    {
        Some(self.map())
    }

    fn into_indexer<'w>(self: Box<Self>) -> Option<Box<dyn Indexer + 'w>>
    where
        Self: 'w,
    {
        Some(Box::new(self.into_map()))
    }

    fn as_iterable<'b, 'w>(&'b self) -> Option<&'b (dyn Iterable + 'w)>
    where
        Self: 'w,
    {
        Some(self.map())
    }

    fn as_sizer(&self) -> Option<&dyn Sizer> {
        self.map().as_sizer()
    }

    fn as_zeroer(&self) -> Option<&dyn Zeroer> {
        self.map().as_zeroer()
    }

    fn equals(&self, other: &dyn Val) -> bool {
        self.map().equals(other)
    }

    fn clone_as_boxed<'w>(&self) -> Box<dyn Val + 'w>
    where
        Self: 'w,
    {
        // Another lazy view of the same JSON: nothing is copied.
        Box::new(LentObject {
            json: self.json,
            map: OnceLock::new(),
        })
    }

    fn as_builtin<'b, 'w>(&'b self) -> BuiltinRef<'b, 'w>
    where
        Self: 'w,
    {
        BuiltinRef::Map(self.map())
    }

    fn into_builtin<'w>(self: Box<Self>) -> Option<Builtin<'w>>
    where
        Self: 'w,
    {
        Some(Builtin::Map(self.into_map()))
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
/// `1 203,5` with a no-break space, es `1.203,5`), booleans as yes/no in
/// that language (oui/non, sí/no), lists joined by commas, text as is.
pub fn display_in(v: &Value, lang: &str) -> String {
    let plain = display_plain(v);
    match (lang, v) {
        ("fr" | "es", Value::Int(_) | Value::UInt(_) | Value::Float(_)) => {
            crate::i18n::number_in(&plain, lang)
        }
        ("fr" | "es", Value::Bool(b)) => crate::i18n::yes_no(*b, lang),
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
    let digits = crate::i18n::thousands(i.unsigned_abs());
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

    /// Objects are lent lazily (`LentObject`); to CEL they must be maps in
    /// every respect. Each expression gives the same result on the lent
    /// report as on an owned copy of it.
    #[test]
    fn lent_objects_behave_as_maps() {
        let j = json!({
            "a": {"x": 1, "y": "two", "z": {"deep": [1, 2]}},
            "b": {"x": 1, "y": "two", "z": {"deep": [1, 2]}},
            "c": {"x": 2},
            "list": [{"id": "p", "n": 3}, {"id": "q", "n": 4}],
            "empty": {}
        });
        let lent = {
            let mut ctx = root_context(Vec::new());
            ctx.add_variable_as_val("doc", to_val(&j));
            ctx
        };
        let owned = root_context(vec![("doc", to_cel(&j))]);
        for src in [
            "doc.a == doc.b",
            "doc.a != doc.c",
            "doc.a == {'x': 1, 'y': 'two', 'z': {'deep': [1, 2]}}",
            "{'x': 2} == doc.c",
            "[doc.c] == [{'x': 2}]",
            "doc.list[1] == {'id': 'q', 'n': 4}",
            "'x' in doc.a && !('w' in doc.a)",
            "size(doc.a) == 3 && doc.a.size() == 3 && size(doc.empty) == 0",
            "doc.a.all(k, k in ['x', 'y', 'z'])",
            "doc.a.exists(k, k == 'z')",
            "doc.a.map(k, k).size()",
            "doc.list.map(r, r.id)",
            "doc.list.filter(r, r.n > 3)",
            "doc.list.exists(r, r == {'id': 'p', 'n': 3})",
            "has(doc.a.z.deep) && !has(doc.a.w)",
            "doc.?a.?z.?deep.orValue([])",
            "doc.?c.?w.orValue(0)",
            "doc['a']['z']",
            "type(doc.a) == map",
            "doc.a",
            "[doc.a, doc.empty]",
            "doc",
        ] {
            let p = compile(src).unwrap();
            assert_eq!(p.execute(&lent), p.execute(&owned), "{src}");
        }
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
