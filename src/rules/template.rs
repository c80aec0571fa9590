//! Message templates: text with `{{ expression }}` holes, each a CEL
//! expression evaluated in the failing node's scope and shown with
//! [`super::expr::display`].

use super::expr::{Compiler, Program};
use cel::Context;
use std::sync::Arc;

/// A parsed message template.
#[derive(Debug)]
pub struct Template {
    parts: Vec<Part>,
}

#[derive(Debug)]
enum Part {
    Text(String),
    Expr(String, Arc<Program>),
}

impl Template {
    /// Parses `text`; each `{{ … }}` must hold a valid CEL expression.
    pub fn parse(text: &str) -> Result<Template, String> {
        Template::parse_with(text, &mut Compiler::default())
    }

    /// Parses `text` as [`Template::parse`] does, with `compiler`, which
    /// shares the expressions written the same (a rule's French and Spanish
    /// messages repeat its English message's holes, and many rules show
    /// `item.total`).
    pub fn parse_with(text: &str, compiler: &mut Compiler) -> Result<Template, String> {
        let mut parts = Vec::new();
        let mut rest = text;
        while let Some(open) = rest.find("{{") {
            if open > 0 {
                parts.push(Part::Text(rest[..open].to_owned()));
            }
            let after = &rest[open + 2..];
            let close = after
                .find("}}")
                .ok_or_else(|| "a `{{` has no matching `}}`".to_owned())?;
            let src = after[..close].trim();
            let program = compiler
                .compile(src)
                .map_err(|e| format!("`{{{{ {src} }}}}` does not parse: {}", e.trim()))?;
            parts.push(Part::Expr(src.to_owned(), program));
            rest = &after[close + 2..];
        }
        if !rest.is_empty() {
            parts.push(Part::Text(rest.to_owned()));
        }
        Ok(Template { parts })
    }

    /// The compiled expressions, for static analysis.
    pub fn programs(&self) -> impl Iterator<Item = &Program> {
        self.parts.iter().filter_map(|p| match p {
            Part::Expr(_, prog) => Some(prog.as_ref()),
            Part::Text(_) => None,
        })
    }

    /// Renders the template; an expression that fails shows as `?` and the
    /// first error is returned beside the text.
    pub fn render(&self, ctx: &Context<'_, '_>, lang: &str) -> (String, Option<String>) {
        let mut out = String::new();
        let mut first_error = None;
        for part in &self.parts {
            match part {
                Part::Text(t) => out.push_str(t),
                Part::Expr(src, program) => match program.execute(ctx) {
                    Ok(v) => out.push_str(&super::expr::display_in(&v, lang)),
                    Err(e) => {
                        out.push('?');
                        first_error.get_or_insert_with(|| format!("`{src}`: {e}"));
                    }
                },
            }
        }
        (out, first_error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::expr::{root_context, to_cel};
    use serde_json::json;

    #[test]
    fn renders_values_with_separators() {
        let t =
            Template::parse("the rows add up to {{ sum(doc.r, 'q') }} but `total` says {{doc.t}}")
                .unwrap();
        let ctx = root_context(vec![(
            "doc",
            to_cel(&json!({"r": [{"q": 1200}, {"q": 3}], "t": 1230})),
        )]);
        assert_eq!(
            t.render(&ctx, "en").0,
            "the rows add up to 1,203 but `total` says 1,230"
        );
    }

    #[test]
    fn translations_reuse_the_holes_written_the_same() {
        let mut compiler = Compiler::default();
        let en = Template::parse_with("{{ doc.t }} of {{ doc.n }}", &mut compiler).unwrap();
        let fr =
            Template::parse_with("{{ doc.n }} sur {{doc.t}}, {{ doc.x }}", &mut compiler).unwrap();
        let program = |t: &Template, i: usize| match &t.parts[i] {
            Part::Expr(_, p) => Arc::clone(p),
            Part::Text(_) => panic!("part {i} is text"),
        };
        assert!(Arc::ptr_eq(&program(&en, 2), &program(&fr, 0)));
        assert!(Arc::ptr_eq(&program(&en, 0), &program(&fr, 2)));
        let ctx = root_context(vec![("doc", to_cel(&json!({"t": 3, "n": 4, "x": 5})))]);
        assert_eq!(fr.render(&ctx, "fr").0, "4 sur 3, 5");
        assert!(Template::parse_with("{{ doc. }}", &mut compiler).is_err());
    }

    #[test]
    fn reports_unparsable_and_unclosed_holes() {
        assert!(Template::parse("x {{ a + }} y").is_err());
        assert!(Template::parse("x {{ a ").is_err());
    }

    #[test]
    fn a_failing_hole_is_a_question_mark_and_an_error() {
        let t = Template::parse("v={{ doc.nope }}").unwrap();
        let ctx = root_context(vec![("doc", to_cel(&json!({})))]);
        let (text, err) = t.render(&ctx, "en");
        assert_eq!(text, "v=?");
        assert!(err.is_some());
    }
}
