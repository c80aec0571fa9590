//! Static analysis of rule expressions: which parts of the document a rule
//! reads. On a document that breaks the schema, a rule whose footprint
//! touches a rejected value is skipped instead of producing a derivative
//! finding.

use super::expr::Program;
use cel::common::ast::{EntryExpr, Expr, IdedExpr, LiteralValue};

/// A path read by a rule: rooted at `doc`, at the selected `item`, or at
/// `previous`, followed by member names / indexes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Path {
    /// `doc`, `item` or `previous`.
    pub root: String,
    /// Member names or indexes after the root.
    pub tokens: Vec<String>,
}

/// The paths every program reads, deduplicated.
pub fn of_programs(programs: &[&Program]) -> Vec<Path> {
    let mut out = Vec::new();
    for p in programs {
        walk(p.expression(), &mut out);
    }
    out.dedup();
    out
}

fn walk(e: &IdedExpr, out: &mut Vec<Path>) {
    if let Some(path) = chain(e) {
        if !out.contains(&path) {
            out.push(path);
        }
        // Indexes inside the chain may read other things.
        walk_chain_args(e, out);
        return;
    }
    match &e.expr {
        Expr::Call(c) => {
            if let Some(t) = &c.target {
                walk(t, out);
            }
            for a in &c.args {
                walk(a, out);
            }
        }
        Expr::Comprehension(c) => {
            walk(&c.iter_range, out);
            walk(&c.accu_init, out);
            walk(&c.loop_cond, out);
            walk(&c.loop_step, out);
            walk(&c.result, out);
        }
        Expr::List(l) => l.elements.iter().for_each(|x| walk(x, out)),
        Expr::Map(m) => m.entries.iter().for_each(|en| {
            if let EntryExpr::MapEntry(me) = &en.expr {
                walk(&me.key, out);
                walk(&me.value, out);
            }
        }),
        Expr::Select(s) => walk(&s.operand, out),
        _ => {}
    }
}

fn walk_chain_args(e: &IdedExpr, out: &mut Vec<Path>) {
    match &e.expr {
        Expr::Select(s) => walk_chain_args(&s.operand, out),
        Expr::Call(c) if c.func_name == "_[_]" && c.args.len() == 2 => {
            walk_chain_args(&c.args[0], out);
            walk(&c.args[1], out);
        }
        _ => {}
    }
}

/// The longest static path an expression spells: `doc.forms.C.totals`,
/// `item["areas"][0]`; stops at the first dynamic step (the path so far
/// then covers everything under it).
fn chain(e: &IdedExpr) -> Option<Path> {
    match &e.expr {
        Expr::Ident(name) if matches!(name.as_str(), "doc" | "item" | "previous" | "earlier") => {
            Some(Path {
                root: name.clone(),
                tokens: Vec::new(),
            })
        }
        Expr::Select(s) => {
            let mut p = chain(&s.operand)?;
            p.tokens.push(s.field.clone());
            Some(p)
        }
        Expr::Call(c) if c.func_name == "_[_]" && c.args.len() == 2 => {
            let mut p = chain(&c.args[0])?;
            match &c.args[1].expr {
                Expr::Literal(LiteralValue::String(s)) => p.tokens.push(s.inner().to_owned()),
                Expr::Literal(LiteralValue::Int(i)) => p.tokens.push(i.inner().to_string()),
                _ => {}
            }
            Some(p)
        }
        _ => None,
    }
}

/// Whether two pointers overlap: one is the other or an ancestor of it.
pub fn overlaps(a: &[String], b: &[String]) -> bool {
    a.iter().zip(b.iter()).all(|(x, y)| x == y)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::expr::compile;

    fn paths(src: &str) -> Vec<String> {
        let p = compile(src).unwrap();
        of_programs(&[&p])
            .into_iter()
            .map(|p| format!("{}/{}", p.root, p.tokens.join("/")))
            .collect()
    }

    #[test]
    fn finds_member_chains_from_the_roots() {
        assert_eq!(
            paths("sum(item.stockpile, 'quantity') == item.total && doc.period.to > '2019'"),
            vec!["item/stockpile", "item/total", "doc/period/to"]
        );
        assert_eq!(
            paths("doc.forms['C'].totals.areas > 0"),
            vec!["doc/forms/C/totals/areas"]
        );
        assert_eq!(
            paths("has(item.x) && item.list.all(a, a.q > 0)"),
            vec!["item/x", "item/list"]
        );
    }

    #[test]
    fn overlap_is_prefix_either_way() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert!(overlaps(&s(&["forms", "B"]), &s(&["forms", "B", "total"])));
        assert!(overlaps(&s(&["forms", "B", "total"]), &s(&["forms", "B"])));
        assert!(!overlaps(&s(&["forms", "B", "total"]), &s(&["forms", "C"])));
    }
}
