//! A second evaluator for the part of CEL the catalogue's rules are
//! written in, working on the JSON itself instead of on CEL values.
//!
//! Why: in `cel` every field access hashes a key into a `HashMap` built for
//! the object, every function call collects its arguments into a `Vec`,
//! and every value is a boxed trait object; over a report of a few hundred
//! mined areas the rules spent most of validation there. Here an
//! expression is compiled once into a small tree (`Node`) whose
//! variables are resolved to slots, and evaluated over `&serde_json::Value`
//! with values that borrow from the report.
//!
//! It never has the last word on anything but a pass:
//!
//! - an expression using anything outside the subset (map literals,
//!   `type()`, `lists.range`, regular expressions, …) is not compiled
//!   ([`compile`] gives `None`) and its rule runs in `cel`, as before;
//! - at run time, any error, any operation on kinds this evaluator does not
//!   decide (a comparison of text with a number, equality of lists, …),
//!   and any rule that fails a node, gives [`Bail`]: the engine then runs
//!   the whole rule again in `cel` on that report, which produces the
//!   findings, messages and errors exactly as before.
//!
//! So a rule evaluated here can only conclude "nothing to report", and a
//! test (`tests/native_rules.rs`) checks on every fixture that every rule
//! reaches the same findings both ways.

use super::expr::Program;
use super::functions::{add_days_to, add_months_to, add_years_to, area_equal, year_of_text};
use cel::common::ast::{operators, CallExpr, ComprehensionExpr, Expr, IdedExpr, LiteralValue};
use serde_json::{Map, Value as Json};
use std::borrow::Cow;
use std::cmp::Ordering;
use std::collections::HashMap;
use std::rc::Rc;

/// The evaluation must be left to `cel` (an error, an unusual operation or
/// a failed check: see the module documentation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bail;

type Res<T> = Result<T, Bail>;

/// A value during evaluation. Text and containers borrow from the report
/// (`'a`) or from the compiled expression.
#[derive(Debug, Clone)]
pub enum V<'a> {
    /// `null`.
    Null,
    /// `bool`.
    Bool(bool),
    /// `int`.
    Int(i64),
    /// `double`.
    Double(f64),
    /// `string`.
    Str(Cow<'a, str>),
    /// A JSON array or object of the report, lent.
    Json(&'a Json),
    /// A list built during evaluation.
    List(Rc<Vec<V<'a>>>),
    /// An optional value: `x.?f` on an object of the report (the only
    /// optionals the subset makes).
    Opt(Option<&'a Json>),
}

impl<'a> V<'a> {
    /// A JSON value as CEL sees it through [`super::expr::to_val`]:
    /// integers that fit in `i64` are `int`, other numbers `double`.
    pub fn of(j: &'a Json) -> V<'a> {
        match j {
            Json::Null => V::Null,
            Json::Bool(b) => V::Bool(*b),
            Json::Number(n) => match n.as_i64() {
                Some(i) => V::Int(i),
                None => V::Double(n.as_f64().unwrap_or(f64::NAN)),
            },
            Json::String(s) => V::Str(Cow::Borrowed(s.as_str())),
            Json::Array(_) | Json::Object(_) => V::Json(j),
        }
    }

    fn object(&self) -> Option<&'a Map<String, Json>> {
        match self {
            V::Json(Json::Object(m)) => Some(m),
            _ => None,
        }
    }

    fn text(&self) -> Res<&str> {
        match self {
            V::Str(s) => Ok(s),
            _ => Err(Bail),
        }
    }

    fn boolean(&self) -> Res<bool> {
        match self {
            V::Bool(b) => Ok(*b),
            _ => Err(Bail),
        }
    }

    fn int(&self) -> Res<i64> {
        match self {
            V::Int(i) => Ok(*i),
            _ => Err(Bail),
        }
    }

    /// The elements of a list (JSON or built).
    fn elements(&self) -> Res<Elements<'_, 'a>> {
        match self {
            V::Json(Json::Array(a)) => Ok(Elements::Json(a.iter())),
            V::List(l) => Ok(Elements::Built(l.iter())),
            _ => Err(Bail),
        }
    }

    fn is_list(&self) -> bool {
        matches!(self, V::Json(Json::Array(_)) | V::List(_))
    }
}

enum Elements<'b, 'a> {
    Json(std::slice::Iter<'a, Json>),
    Built(std::slice::Iter<'b, V<'a>>),
}

impl<'a> Iterator for Elements<'_, 'a> {
    type Item = V<'a>;

    fn next(&mut self) -> Option<V<'a>> {
        match self {
            Elements::Json(i) => i.next().map(V::of),
            Elements::Built(i) => i.next().cloned(),
        }
    }
}

/// The member `key` of a JSON object. Report objects are small (a mined
/// area has about ten members): comparing the names in turn costs less than
/// hashing the key with the map's SipHash, which a lookup in a
/// `serde_json::Map` does.
pub fn get<'a>(m: &'a Map<String, Json>, key: &str) -> Option<&'a Json> {
    if m.len() <= 32 {
        m.iter().find(|(k, _)| k.as_str() == key).map(|(_, v)| v)
    } else {
        m.get(key)
    }
}

/// A variable, resolved when compiling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Var {
    Doc,
    Item,
    Previous,
    Earlier,
    Path,
    Key,
    Index,
    /// A rule's `let` binding, by position.
    Let(usize),
    /// A comprehension's variable, by depth.
    Local(usize),
}

#[derive(Debug, Clone, Copy)]
enum Cmp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

#[derive(Debug, Clone, Copy)]
enum Arith {
    Add,
    Sub,
    Mul,
}

#[derive(Debug, Clone, Copy)]
enum Func {
    Size,
    Double,
    String,
    YearOf,
    AddDays,
    AddMonths,
    AddYears,
    AreaEq,
    Sum,
    Missing,
    IndexOf,
    FirstPositions,
    OrValue,
    StartsWith,
    EndsWith,
    Split,
    Trim,
    LowerAscii,
    Range,
}

/// A compiled expression.
#[derive(Debug)]
enum Node {
    Null,
    Bool(bool),
    Int(i64),
    Double(f64),
    Str(String),
    Var(Var),
    Select(Box<Node>, String),
    Has(Box<Node>, String),
    OptSelect(Box<Node>, String),
    Index(Box<Node>, Box<Node>),
    Not(Box<Node>),
    Neg(Box<Node>),
    And(Box<Node>, Box<Node>),
    Or(Box<Node>, Box<Node>),
    Cond(Box<Node>, Box<Node>, Box<Node>),
    Cmp(Cmp, Box<Node>, Box<Node>),
    Arith(Arith, Box<Node>, Box<Node>),
    In(Box<Node>, Box<Node>),
    NotStrictlyFalse(Box<Node>),
    List(Vec<Node>),
    Call(Func, Vec<Node>),
    Fold(Box<Fold>),
}

#[derive(Debug)]
struct Fold {
    range: Node,
    /// Slots of the element and accumulator variables.
    iter: usize,
    accu: usize,
    init: Node,
    cond: Node,
    step: Node,
    result: Node,
}

/// One compiled expression, with the per-node variables it reads.
#[derive(Debug)]
pub struct Expression {
    node: Node,
    /// Comprehension slots it needs.
    locals: usize,
}

/// Compiles a CEL program, given the names of the rule's `let` bindings in
/// order; `None` when it uses anything outside the subset.
pub fn compile(program: &Program, lets: &[String]) -> Option<Expression> {
    let mut c = Compiler {
        lets,
        scopes: Vec::new(),
        depth: 0,
    };
    let node = c.expr(program.expression())?;
    Some(Expression {
        node,
        locals: c.depth,
    })
}

struct Compiler<'l> {
    lets: &'l [String],
    /// Comprehension variables in scope, innermost last: (name, slot).
    scopes: Vec<(String, usize)>,
    /// Slots used so far.
    depth: usize,
}

impl Compiler<'_> {
    fn expr(&mut self, e: &IdedExpr) -> Option<Node> {
        Some(match &e.expr {
            Expr::Literal(l) => match l {
                LiteralValue::Boolean(b) => Node::Bool(*b.inner()),
                LiteralValue::Int(i) => Node::Int(*i.inner()),
                LiteralValue::Double(d) => Node::Double(*d.inner()),
                LiteralValue::String(s) => Node::Str(s.inner().to_owned()),
                LiteralValue::Null => Node::Null,
                LiteralValue::Bytes(_) | LiteralValue::UInt(_) => return None,
            },
            Expr::Ident(name) => Node::Var(self.var(name)?),
            Expr::Select(s) => {
                let on = Box::new(self.expr(&s.operand)?);
                if s.test {
                    Node::Has(on, s.field.clone())
                } else {
                    Node::Select(on, s.field.clone())
                }
            }
            Expr::List(l) => {
                if !l.optional_indices.is_empty() {
                    return None;
                }
                Node::List(
                    l.elements
                        .iter()
                        .map(|x| self.expr(x))
                        .collect::<Option<_>>()?,
                )
            }
            Expr::Call(call) => self.call(call)?,
            Expr::Comprehension(c) => self.fold(c)?,
            Expr::Map(_) | Expr::Struct(_) | Expr::Unspecified => return None,
        })
    }

    fn var(&self, name: &str) -> Option<Var> {
        if let Some((_, slot)) = self.scopes.iter().rev().find(|(n, _)| n == name) {
            return Some(Var::Local(*slot));
        }
        if let Some(i) = self.lets.iter().position(|n| n == name) {
            return Some(Var::Let(i));
        }
        Some(match name {
            "doc" => Var::Doc,
            "item" => Var::Item,
            "previous" => Var::Previous,
            "earlier" => Var::Earlier,
            "path" => Var::Path,
            "key" => Var::Key,
            "index" => Var::Index,
            _ => return None,
        })
    }

    fn fold(&mut self, c: &ComprehensionExpr) -> Option<Node> {
        if c.iter_var2.is_some() {
            return None;
        }
        let range = self.expr(&c.iter_range)?;
        let init = self.expr(&c.accu_init)?;
        let (iter, accu) = (self.depth, self.depth + 1);
        self.depth += 2;
        let outer = self.scopes.len();
        self.scopes.push((c.accu_var.clone(), accu));
        // The result sees the accumulator, not the element.
        let result = self.expr(&c.result);
        self.scopes.push((c.iter_var.clone(), iter));
        let cond = self.expr(&c.loop_cond);
        let step = self.expr(&c.loop_step);
        self.scopes.truncate(outer);
        Some(Node::Fold(Box::new(Fold {
            range,
            iter,
            accu,
            init,
            cond: cond?,
            step: step?,
            result: result?,
        })))
    }

    fn call(&mut self, call: &CallExpr) -> Option<Node> {
        let name = call.func_name.as_str();
        // `lists.range(n)` (the lists extension): `lists` names the
        // function's namespace, not a value.
        if let (Some(target), "range", [n]) = (&call.target, name, call.args.as_slice()) {
            if matches!(&target.expr, Expr::Ident(ns) if ns == "lists") {
                return Some(Node::Call(Func::Range, vec![self.expr(n)?]));
            }
        }
        let mut args: Vec<Node> = Vec::with_capacity(call.args.len() + 1);
        if let Some(t) = &call.target {
            args.push(self.expr(t)?);
        }
        for a in &call.args {
            args.push(self.expr(a)?);
        }
        let member = call.target.is_some();
        let b = |n: Node| Box::new(n);
        let mut it = args.into_iter();
        let mut next = || it.next().map(b);
        let n = call.args.len() + usize::from(member);
        Some(match (name, member, n) {
            (operators::LOGICAL_NOT, false, 1) => Node::Not(next()?),
            (operators::NEGATE, false, 1) => Node::Neg(next()?),
            (operators::NOT_STRICTLY_FALSE, false, 1) => Node::NotStrictlyFalse(next()?),
            (operators::LOGICAL_AND, false, 2) => Node::And(next()?, next()?),
            (operators::LOGICAL_OR, false, 2) => Node::Or(next()?, next()?),
            (operators::CONDITIONAL, false, 3) => Node::Cond(next()?, next()?, next()?),
            (operators::EQUALS, false, 2) => Node::Cmp(Cmp::Eq, next()?, next()?),
            (operators::NOT_EQUALS, false, 2) => Node::Cmp(Cmp::Ne, next()?, next()?),
            (operators::LESS, false, 2) => Node::Cmp(Cmp::Lt, next()?, next()?),
            (operators::LESS_EQUALS, false, 2) => Node::Cmp(Cmp::Le, next()?, next()?),
            (operators::GREATER, false, 2) => Node::Cmp(Cmp::Gt, next()?, next()?),
            (operators::GREATER_EQUALS, false, 2) => Node::Cmp(Cmp::Ge, next()?, next()?),
            (operators::ADD, false, 2) => Node::Arith(Arith::Add, next()?, next()?),
            (operators::SUBSTRACT, false, 2) => Node::Arith(Arith::Sub, next()?, next()?),
            (operators::MULTIPLY, false, 2) => Node::Arith(Arith::Mul, next()?, next()?),
            (operators::IN, false, 2) => Node::In(next()?, next()?),
            (operators::INDEX, false, 2) => Node::Index(next()?, next()?),
            (operators::OPT_SELECT, false, 2) => {
                let on = next()?;
                match *next()? {
                    Node::Str(field) => Node::OptSelect(on, field),
                    _ => return None,
                }
            }
            _ => {
                let func = match (name, member, n) {
                    ("size", _, 1) => Func::Size,
                    ("double", false, 1) => Func::Double,
                    ("string", false, 1) => Func::String,
                    ("year_of", false, 1) => Func::YearOf,
                    ("add_days", false, 2) => Func::AddDays,
                    ("add_months", false, 2) => Func::AddMonths,
                    ("add_years", false, 2) => Func::AddYears,
                    ("area_eq", false, 2) => Func::AreaEq,
                    ("sum", false, 1 | 2 | 4) => Func::Sum,
                    ("missing", false, 2) => Func::Missing,
                    ("index_of", false, 2 | 3) => Func::IndexOf,
                    ("first_positions", false, 2) => Func::FirstPositions,
                    ("orValue", true, 2) => Func::OrValue,
                    ("startsWith", true, 2) => Func::StartsWith,
                    ("endsWith", true, 2) => Func::EndsWith,
                    ("split", true, 2) => Func::Split,
                    ("trim", true, 1) => Func::Trim,
                    ("lowerAscii", true, 1) => Func::LowerAscii,
                    _ => return None,
                };
                Node::Call(func, it.collect())
            }
        })
    }
}

/// What an expression is evaluated against: the reports, the current node
/// and the rule's `let` values.
#[derive(Clone, Copy)]
pub struct Scope<'a, 'r> {
    /// The report.
    pub doc: &'a Json,
    /// The selected node.
    pub item: &'a Json,
    /// `previous` (null when absent).
    pub previous: Option<&'a Json>,
    /// `earlier` (null when absent).
    pub earlier: Option<&'a Json>,
    /// The node's pointer, built only when read.
    pub path: &'r dyn Fn() -> String,
    /// The last step of the node's path (member name or index as text).
    pub key: &'r dyn Fn() -> String,
    /// The node's index in its list, -1 if it is not in a list.
    pub index: i64,
    /// The rule's `let` values.
    pub lets: &'r [V<'a>],
}

impl Expression {
    /// Evaluates the expression.
    pub fn eval<'a>(&'a self, scope: &Scope<'a, '_>) -> Res<V<'a>> {
        let mut locals = vec![V::Null; self.locals];
        eval(&self.node, scope, &mut locals)
    }

    /// Evaluates an expression that must give a boolean.
    pub fn check(&self, scope: &Scope<'_, '_>) -> Res<bool> {
        self.eval(scope)?.boolean()
    }
}

fn eval<'a>(n: &'a Node, s: &Scope<'a, '_>, locals: &mut Vec<V<'a>>) -> Res<V<'a>> {
    Ok(match n {
        Node::Null => V::Null,
        Node::Bool(b) => V::Bool(*b),
        Node::Int(i) => V::Int(*i),
        Node::Double(d) => V::Double(*d),
        Node::Str(t) => V::Str(Cow::Borrowed(t)),
        Node::Var(v) => match v {
            Var::Doc => V::of(s.doc),
            Var::Item => V::of(s.item),
            Var::Previous => s.previous.map_or(V::Null, V::of),
            Var::Earlier => s.earlier.map_or(V::Null, V::of),
            Var::Path => V::Str(Cow::Owned((s.path)())),
            Var::Key => V::Str(Cow::Owned((s.key)())),
            Var::Index => V::Int(s.index),
            Var::Let(i) => s.lets.get(*i).cloned().ok_or(Bail)?,
            Var::Local(i) => locals.get(*i).cloned().ok_or(Bail)?,
        },
        Node::Select(on, field) => match eval(on, s, locals)? {
            V::Json(Json::Object(m)) => V::of(get(m, field).ok_or(Bail)?),
            V::Opt(None) => V::Opt(None),
            V::Opt(Some(inner)) => match inner.as_object() {
                Some(m) => V::Opt(get(m, field)),
                None => return Err(Bail),
            },
            _ => return Err(Bail),
        },
        Node::Has(on, field) => match eval(on, s, locals)? {
            V::Json(Json::Object(m)) => V::Bool(get(m, field).is_some()),
            V::Opt(None) => V::Bool(false),
            V::Opt(Some(inner)) => V::Bool(get(inner.as_object().ok_or(Bail)?, field).is_some()),
            _ => return Err(Bail),
        },
        Node::OptSelect(on, field) => {
            let target = match eval(on, s, locals)? {
                V::Opt(None) => return Ok(V::Opt(None)),
                V::Opt(Some(inner)) => V::of(inner),
                v => v,
            };
            // As `cel`: a missing member, or a target that has no members
            // at all, gives an empty optional.
            V::Opt(target.object().and_then(|m| get(m, field)))
        }
        Node::Index(on, at) => {
            let on = eval(on, s, locals)?;
            let at = eval(at, s, locals)?;
            match (&on, &at) {
                (V::Json(Json::Array(a)), V::Int(i)) => {
                    V::of(a.get(usize::try_from(*i).map_err(|_| Bail)?).ok_or(Bail)?)
                }
                (V::List(l), V::Int(i)) => l
                    .get(usize::try_from(*i).map_err(|_| Bail)?)
                    .cloned()
                    .ok_or(Bail)?,
                (V::Json(Json::Object(m)), V::Str(k)) => V::of(get(m, k).ok_or(Bail)?),
                _ => return Err(Bail),
            }
        }
        Node::Not(x) => V::Bool(!eval(x, s, locals)?.boolean()?),
        Node::Neg(x) => match eval(x, s, locals)? {
            V::Int(i) => V::Int(i.checked_neg().ok_or(Bail)?),
            V::Double(d) => V::Double(-d),
            _ => return Err(Bail),
        },
        Node::NotStrictlyFalse(x) => match eval(x, s, locals)? {
            V::Bool(b) => V::Bool(b),
            _ => V::Bool(true),
        },
        Node::And(a, b) => {
            if !eval(a, s, locals)?.boolean()? {
                V::Bool(false)
            } else {
                V::Bool(eval(b, s, locals)?.boolean()?)
            }
        }
        Node::Or(a, b) => {
            if eval(a, s, locals)?.boolean()? {
                V::Bool(true)
            } else {
                V::Bool(eval(b, s, locals)?.boolean()?)
            }
        }
        Node::Cond(c, a, b) => {
            if eval(c, s, locals)?.boolean()? {
                eval(a, s, locals)?
            } else {
                eval(b, s, locals)?
            }
        }
        Node::Cmp(op, a, b) => {
            let a = eval(a, s, locals)?;
            let b = eval(b, s, locals)?;
            V::Bool(match op {
                Cmp::Eq => equal(&a, &b)?,
                Cmp::Ne => !equal(&a, &b)?,
                Cmp::Lt => order(&a, &b)? == Ordering::Less,
                Cmp::Le => order(&a, &b)? != Ordering::Greater,
                Cmp::Gt => order(&a, &b)? == Ordering::Greater,
                Cmp::Ge => order(&a, &b)? != Ordering::Less,
            })
        }
        Node::Arith(op, a, b) => {
            let a = eval(a, s, locals)?;
            let b = eval(b, s, locals)?;
            arith(*op, a, b)?
        }
        Node::In(x, container) => {
            let x = eval(x, s, locals)?;
            match eval(container, s, locals)? {
                V::Json(Json::Object(m)) => V::Bool(get(m, x.text()?).is_some()),
                c if c.is_list() => {
                    let mut found = false;
                    for e in c.elements()? {
                        if equal(&e, &x)? {
                            found = true;
                            break;
                        }
                    }
                    V::Bool(found)
                }
                _ => return Err(Bail),
            }
        }
        Node::List(items) => V::List(Rc::new(
            items
                .iter()
                .map(|x| eval(x, s, locals))
                .collect::<Res<_>>()?,
        )),
        Node::Call(f, args) => {
            let mut values = Vec::with_capacity(args.len());
            for a in args {
                values.push(eval(a, s, locals)?);
            }
            call(*f, values)?
        }
        Node::Fold(f) => {
            let range = eval(&f.range, s, locals)?;
            let items: Vec<V<'a>> = match &range {
                V::Json(Json::Object(m)) => m
                    .keys()
                    .map(|k| V::Str(Cow::Borrowed(k.as_str())))
                    .collect(),
                r => r.elements()?.collect(),
            };
            let accu = eval(&f.init, s, locals)?;
            set(locals, f.accu, accu);
            for item in items {
                if !eval(&f.cond, s, locals)?.boolean()? {
                    break;
                }
                set(locals, f.iter, item);
                let next = eval(&f.step, s, locals)?;
                set(locals, f.accu, next);
            }
            eval(&f.result, s, locals)?
        }
    })
}

fn set<'a>(locals: &mut [V<'a>], slot: usize, v: V<'a>) {
    if let Some(place) = locals.get_mut(slot) {
        *place = v;
    }
}

/// CEL's `==` where this evaluator is sure of it: numbers (across `int`
/// and `double`), text, booleans, nulls. Anything else is left to `cel`.
fn equal(a: &V<'_>, b: &V<'_>) -> Res<bool> {
    Ok(match (a, b) {
        (V::Str(x), V::Str(y)) => x == y,
        (V::Bool(x), V::Bool(y)) => x == y,
        (V::Null, V::Null) => true,
        (V::Int(_) | V::Double(_), V::Int(_) | V::Double(_)) => {
            numeric_order(a, b)? == Some(Ordering::Equal)
        }
        _ => return Err(Bail),
    })
}

/// The order of two numbers as `cel` compares them (`None`: not comparable,
/// a NaN).
fn numeric_order(a: &V<'_>, b: &V<'_>) -> Res<Option<Ordering>> {
    Ok(match (a, b) {
        (V::Int(x), V::Int(y)) => Some(x.cmp(y)),
        (V::Int(x), V::Double(y)) => (*x as f64).partial_cmp(y),
        (V::Double(x), V::Int(y)) => x.partial_cmp(&(*y as f64)),
        (V::Double(x), V::Double(y)) => x.partial_cmp(y),
        _ => return Err(Bail),
    })
}

fn order(a: &V<'_>, b: &V<'_>) -> Res<Ordering> {
    match (a, b) {
        (V::Str(x), V::Str(y)) => Ok(x.cmp(y)),
        _ => numeric_order(a, b)?.ok_or(Bail),
    }
}

fn arith<'a>(op: Arith, a: V<'a>, b: V<'a>) -> Res<V<'a>> {
    Ok(match (op, a, b) {
        (Arith::Add, V::Int(x), V::Int(y)) => V::Int(x.checked_add(y).ok_or(Bail)?),
        (Arith::Sub, V::Int(x), V::Int(y)) => V::Int(x.checked_sub(y).ok_or(Bail)?),
        (Arith::Mul, V::Int(x), V::Int(y)) => V::Int(x.checked_mul(y).ok_or(Bail)?),
        (Arith::Add, V::Double(x), V::Double(y)) => V::Double(x + y),
        (Arith::Sub, V::Double(x), V::Double(y)) => V::Double(x - y),
        (Arith::Mul, V::Double(x), V::Double(y)) => V::Double(x * y),
        (Arith::Add, V::Str(x), V::Str(y)) => V::Str(Cow::Owned(format!("{x}{y}"))),
        (Arith::Add, x, y) if x.is_list() && y.is_list() => {
            let mut out: Vec<V<'a>> = match x {
                // The accumulator of `map` and `filter`: appended in place.
                V::List(l) => Rc::try_unwrap(l).unwrap_or_else(|l| (*l).clone()),
                x => x.elements()?.collect(),
            };
            out.extend(y.elements()?);
            V::List(Rc::new(out))
        }
        _ => return Err(Bail),
    })
}

/// A number of CEL's numeric types, as the library's functions read it.
fn number(v: &V<'_>) -> Option<f64> {
    match v {
        V::Int(i) => Some(*i as f64),
        V::Double(d) => Some(*d),
        _ => None,
    }
}

fn call<'a>(f: Func, args: Vec<V<'a>>) -> Res<V<'a>> {
    let arg = |i: usize| args.get(i).ok_or(Bail);
    Ok(match f {
        Func::Size => V::Int(match arg(0)? {
            V::Json(Json::Array(a)) => a.len() as i64,
            V::Json(Json::Object(m)) => m.len() as i64,
            V::List(l) => l.len() as i64,
            V::Str(t) => t.chars().count() as i64,
            _ => return Err(Bail),
        }),
        Func::Double => match arg(0)? {
            V::Int(i) => V::Double(*i as f64),
            V::Double(d) => V::Double(*d),
            _ => return Err(Bail),
        },
        Func::String => match arg(0)? {
            V::Int(i) => V::Str(Cow::Owned(i.to_string())),
            V::Str(t) => V::Str(t.clone()),
            _ => return Err(Bail),
        },
        Func::YearOf => V::Int(year_of_text(arg(0)?.text()?).ok_or(Bail)?),
        Func::AddDays => V::Str(Cow::Owned(
            add_days_to(arg(0)?.text()?, arg(1)?.int()?).ok_or(Bail)?,
        )),
        Func::AddMonths => V::Str(Cow::Owned(
            add_months_to(arg(0)?.text()?, arg(1)?.int()?).ok_or(Bail)?,
        )),
        Func::AddYears => V::Str(Cow::Owned(
            add_years_to(arg(0)?.text()?, arg(1)?.int()?).ok_or(Bail)?,
        )),
        Func::AreaEq => V::Bool(area_equal(
            number(arg(0)?).ok_or(Bail)?,
            number(arg(1)?).ok_or(Bail)?,
        )),
        Func::Sum => sum(&args)?,
        Func::Missing => missing(arg(0)?, arg(1)?)?,
        Func::IndexOf => index_of(&args)?,
        Func::FirstPositions => first_positions(arg(0)?, arg(1)?.text()?)?,
        Func::OrValue => match arg(0)? {
            V::Opt(Some(v)) => V::of(v),
            V::Opt(None) => arg(1)?.clone(),
            _ => return Err(Bail),
        },
        Func::StartsWith => V::Bool(arg(0)?.text()?.starts_with(arg(1)?.text()?)),
        Func::EndsWith => V::Bool(arg(0)?.text()?.ends_with(arg(1)?.text()?)),
        Func::Split => {
            let (t, sep) = (arg(0)?.text()?, arg(1)?.text()?);
            if sep.is_empty() {
                return Err(Bail);
            }
            V::List(Rc::new(
                t.split(sep)
                    .map(|p| V::Str(Cow::Owned(p.to_owned())))
                    .collect(),
            ))
        }
        Func::Trim => V::Str(Cow::Owned(arg(0)?.text()?.trim().to_owned())),
        Func::LowerAscii => V::Str(Cow::Owned(arg(0)?.text()?.to_ascii_lowercase())),
        Func::Range => {
            let n = arg(0)?.int()?;
            // `cel` refuses negative sizes and more than a million.
            if !(0..=1_000_000).contains(&n) {
                return Err(Bail);
            }
            V::List(Rc::new((0..n).map(V::Int).collect()))
        }
    })
}

/// A member of an object, `None` when the value is no object or lacks it.
fn member<'a>(row: &V<'a>, name: &str) -> Option<V<'a>> {
    get(row.object()?, name).map(V::of)
}

/// `sum(list)`, `sum(list, field)`, `sum(list, field, key, value)` as
/// `functions::sum` computes them (the same order of additions).
fn sum<'a>(args: &[V<'a>]) -> Res<V<'a>> {
    let (list, field, only) = match args {
        [l] => (l, None, None),
        [l, f] => (l, Some(f.text()?), None),
        [l, f, k, v] => (l, Some(f.text()?), Some((k.text()?, v))),
        _ => return Err(Bail),
    };
    if matches!(list, V::Null) {
        return Ok(V::Int(0));
    }
    let (mut int, mut float, mut is_float) = (0i64, 0f64, false);
    for row in list.elements()? {
        if let Some((key, value)) = only {
            match member(&row, key) {
                Some(v) if equal(&v, value)? => {}
                _ => continue,
            }
        }
        let v = match field {
            None => row,
            Some(f) => match row.object() {
                Some(m) => match get(m, f) {
                    Some(v) => V::of(v),
                    None => continue,
                },
                None => return Err(Bail),
            },
        };
        match v {
            V::Int(i) => match int.checked_add(i) {
                Some(s) => int = s,
                None => {
                    is_float = true;
                    float += i as f64;
                }
            },
            V::Double(x) => {
                is_float = true;
                float += x;
            }
            V::Null => {}
            _ => return Err(Bail),
        }
    }
    Ok(if is_float {
        V::Double(float + int as f64)
    } else {
        V::Int(int)
    })
}

/// `missing(map, names)` as `functions::missing` decides it.
fn missing<'a>(map: &V<'a>, names: &V<'a>) -> Res<V<'a>> {
    let object = match map {
        V::Null => None,
        other => Some(other.object().ok_or(Bail)?),
    };
    let mut out = Vec::new();
    for name in names.elements()? {
        let key = name.text()?;
        let present = object.and_then(|m| get(m, key)).is_some_and(|v| match v {
            Json::Null => false,
            Json::String(t) => !t.trim().is_empty(),
            Json::Array(a) => !a.is_empty(),
            _ => true,
        });
        if !present {
            out.push(name);
        }
    }
    Ok(V::List(Rc::new(out)))
}

/// `index_of(list, value)` / `index_of(list, field, value)`.
fn index_of<'a>(args: &[V<'a>]) -> Res<V<'a>> {
    let (list, field, wanted) = match args {
        [l, v] => (l, None, v),
        [l, f, v] => (l, Some(f.text()?), v),
        _ => return Err(Bail),
    };
    if matches!(list, V::Null) {
        return Ok(V::Int(-1));
    }
    for (i, row) in list.elements()?.enumerate() {
        let found = match field {
            None => equal(&row, wanted)?,
            Some(f) => match member(&row, f) {
                Some(v) => equal(&v, wanted)?,
                None => false,
            },
        };
        if found {
            return Ok(V::Int(i as i64));
        }
    }
    Ok(V::Int(-1))
}

/// `first_positions(list, field)`.
fn first_positions<'a>(list: &V<'a>, field: &str) -> Res<V<'a>> {
    if matches!(list, V::Null) {
        return Ok(V::List(Rc::new(Vec::new())));
    }
    // Grouped as `functions::first_positions` groups them (by the text
    // `s{text}` or `n{number as a double}`): text apart from numbers, and
    // numbers by their value as a double, all NaNs together (they print
    // alike) but 0 apart from -0 (they do not).
    #[derive(PartialEq, Eq, Hash)]
    enum Key<'k> {
        Text(Cow<'k, str>),
        Number(u64),
    }
    let mut first: HashMap<Key<'a>, i64> = HashMap::with_capacity(16);
    let mut out = Vec::new();
    for (i, row) in list.elements()?.enumerate() {
        let i = i as i64;
        let key = match member(&row, field) {
            Some(V::Str(t)) => Some(Key::Text(t)),
            Some(v) => {
                number(&v).map(|n| Key::Number(if n.is_nan() { u64::MAX } else { n.to_bits() }))
            }
            None => None,
        };
        let at = match key {
            Some(k) => *first.entry(k).or_insert(i),
            None => i,
        };
        out.push(V::Int(at));
    }
    Ok(V::List(Rc::new(out)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::expr::{compile as cel_compile, root_context, to_val};
    use serde_json::json;

    /// Converts a native result to CEL's, to compare the two evaluators.
    fn to_cel(v: &V<'_>) -> Option<cel::Value> {
        Some(match v {
            V::Null => cel::Value::Null,
            V::Bool(b) => cel::Value::Bool(*b),
            V::Int(i) => cel::Value::Int(*i),
            V::Double(d) => cel::Value::Float(*d),
            V::Str(t) => cel::Value::String(std::sync::Arc::new(t.to_string())),
            V::Json(j) => crate::rules::expr::to_cel(j),
            V::List(l) => {
                cel::Value::List(l.iter().map(to_cel).collect::<Option<Vec<_>>>()?.into())
            }
            V::Opt(_) => return None,
        })
    }

    /// Every expression gives the same value here as in `cel`, or bails.
    #[test]
    fn agrees_with_cel() {
        let doc = json!({
            "n": 5, "f": 2.5, "big": 18446744073709551615u64, "t": " Ab ", "z": null,
            "d": "2019-12-31", "flag": true,
            "rows": [{"id": "a", "q": 2, "c": "CHA"}, {"id": "b", "q": 3.5}, {"id": "a", "q": null}, {"x": 1}],
            "o": {"a": 1, "b": [1, 2], "c": {"d": 0}},
            "l": ["x", "y"]
        });
        let item = &doc["o"];
        let scope = Scope {
            doc: &doc,
            item,
            previous: None,
            earlier: None,
            path: &|| "/o".to_owned(),
            key: &|| "o".to_owned(),
            index: -1,
            lets: &[],
        };
        let mut ctx = root_context(Vec::new());
        ctx.add_variable_as_val("doc", to_val(&doc));
        ctx.add_variable_as_val("item", to_val(item));
        ctx.add_variable_from_value("path", "/o");
        ctx.add_variable_from_value("key", "o");
        ctx.add_variable_from_value("index", -1);
        ctx.add_variable_from_value("previous", cel::Value::Null);
        let mut native = 0;
        for src in [
            "doc.n + 1 == 6 && doc.f * 2.0 == 5.0",
            "doc.n == 5.0 && 5.0 == doc.n && doc.n != 4",
            "doc.n < doc.f || doc.f <= 2.5",
            "doc.big > 1.0",
            "doc.t.trim().lowerAscii() == 'ab'",
            "doc.d.startsWith('2019') && doc.d.endsWith('-31')",
            "doc.d.split('-')",
            "doc.d.split('-')[1] == '12'",
            "size(doc.t) + size(doc.rows) + size(doc.o) + doc.l.size()",
            "string(year_of(doc.d) + 1) + '-04-30'",
            "add_days(doc.d, 1)",
            "add_years('2020-02-29', 1)",
            "add_months('2021-08-31', 6)",
            "double(doc.n) + double(doc.f)",
            "sum(doc.rows, 'q')",
            "sum(doc.rows, 'q', 'c', 'CHA')",
            "sum([1, 2.5, 3])",
            "sum(doc.z)",
            "sum(doc.rows)",
            "area_eq(doc.n, 5.004)",
            "missing(doc.o, ['a', 'z', 'b'])",
            "missing(doc.z, ['a'])",
            "index_of(doc.rows, 'id', 'b')",
            "index_of(doc.l, 'y')",
            "first_positions(doc.rows, 'id')",
            "doc.?o.?c.?d.orValue(7)",
            "doc.?o.?w.?d.orValue(7)",
            "doc.?n.?w.orValue(7)",
            "has(doc.o.a) && !has(doc.o.w)",
            "has(doc.?o.c)",
            "item.b[1]",
            "doc.o['a']",
            "'a' in doc.o && !('w' in doc.o)",
            "'y' in doc.l && !('q' in doc.l)",
            "doc.rows.exists(r, r.id == 'b')",
            "doc.rows.all(r, has(r.id))",
            "doc.l.map(x, x + '!')",
            "doc.rows.filter(r, has(r.q) && r.q != null).map(r, r.id)",
            "doc.l.exists(x, doc.l.all(y, x <= y))",
            "doc.flag ? -doc.n : doc.n",
            "[1, 2] + [3]",
            "lists.range(3)",
            "lists.range(size(doc.l)).all(i, i == 0 || doc.l[i] > doc.l[i - 1])",
            "doc.z == null",
            "path.split('/')[1] == key && index == -1",
            // Left to cel:
            "doc.o.w",
            "doc.t + 1",
            "doc.n + doc.f",
            "doc.l == ['x', 'y']",
            "doc.t < 3",
            "year_of('2019-13-01')",
        ] {
            let program = cel_compile(src).unwrap();
            let want = program.execute(&ctx);
            let Some(compiled) = compile(&program, &[]) else {
                panic!("{src}: not compiled");
            };
            // A bail (`Err(Bail)`) leaves the expression to `cel`.
            if let Ok(v) = compiled.eval(&scope) {
                native += 1;
                assert_eq!(to_cel(&v).as_ref(), want.as_ref().ok(), "{src}");
            }
        }
        assert!(native >= 40, "only {native} evaluated natively");
    }

    #[test]
    fn outside_the_subset_is_not_compiled() {
        for src in [
            "type(doc.n) == int",
            "{'a': 1}.a == 1",
            "doc.t.matches('^a')",
            "1u + 2u",
        ] {
            let program = cel_compile(src).unwrap();
            assert!(compile(&program, &[]).is_none(), "{src}");
        }
    }
}
