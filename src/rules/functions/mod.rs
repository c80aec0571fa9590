//! The function library rule expressions may call, beyond standard CEL.
//! Each function lives in its own file with its own tests. [`FUNCTIONS`]
//! is the one list of them: it registers them in the CEL environment, and
//! `article7 explain NAME`, `article7 explain --functions` and
//! docs/functions.md describe them from it (a test runs every example).

mod area;
mod dates;
mod index;
mod missing;
mod sum;
mod val;

use cel::{Context, DeclarationError};

pub use area::area_equal;
pub(crate) use dates::{add_days_to, add_months_to, add_years_to, year_of_text};

/// One function of the library: how it is called, what it gives, an
/// example, and how it is added to a CEL context.
pub struct Function {
    /// The name expressions call it by.
    pub name: &'static str,
    /// Its forms: (call, what it returns).
    pub forms: &'static [(&'static str, &'static str)],
    /// Examples: (expression, the value it gives, written in CEL). Tested,
    /// so the documentation cannot drift from the code.
    pub examples: &'static [(&'static str, &'static str)],
    register: fn(&mut Context<'_, '_>, &str) -> Result<(), DeclarationError>,
}

impl std::fmt::Debug for Function {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Function")
            .field("name", &self.name)
            .finish_non_exhaustive()
    }
}

/// Every function of the library, in the order the docs list them.
pub const FUNCTIONS: &[Function] = &[
    Function {
        name: "sum",
        forms: &[
            ("sum(list)", "the sum of the numbers of a list (`null` counts as an empty list)"),
            ("sum(list, 'field')", "the sum of one field over a list of objects (an absent field counts 0)"),
            ("sum(list, 'field', 'key', value)", "the sum of one field over the objects whose `key` equals `value`"),
        ],
        examples: &[
            ("sum([1200, 3])", "1203"),
            ("sum([{'quantity': 2}, {}, {'quantity': 5}], 'quantity')", "7"),
            ("sum([{'m2': 10, 'kind': 'AP'}, {'m2': 4, 'kind': 'AV'}], 'm2', 'kind', 'AP')", "10"),
        ],
        register: |ctx, name| ctx.add_function(name, sum::sum),
    },
    Function {
        name: "index_of",
        forms: &[
            ("index_of(list, value)", "the position of the first element equal to `value`; -1 if there is none"),
            ("index_of(list, 'field', value)", "the position of the first object whose `field` equals `value`; -1 if there is none"),
        ],
        examples: &[
            ("index_of(['a', 'b'], 'b')", "1"),
            ("index_of([{'id': 'X'}, {'id': 'Y'}], 'id', 'Z')", "-1"),
        ],
        register: |ctx, name| ctx.add_function(name, index::index_of),
    },
    Function {
        name: "first_positions",
        forms: &[(
            "first_positions(list, 'field')",
            "for each object, the position of the first object with the same `field` value (its own position when it is the first): one pass where `index_of` per element would be quadratic",
        )],
        examples: &[("first_positions([{'id': 'A'}, {'id': 'B'}, {'id': 'A'}], 'id')", "[0, 1, 0]")],
        register: |ctx, name| ctx.add_function(name, index::first_positions),
    },
    Function {
        name: "area_eq",
        forms: &[(
            "area_eq(a, b)",
            "area equality: true when |a − b| <= max(1 m², 0.1 % of the larger value)",
        )],
        examples: &[("area_eq(20000, 20015)", "true"), ("area_eq(100, 102)", "false")],
        register: |ctx, name| ctx.add_function(name, area::area_eq),
    },
    Function {
        name: "add_days",
        forms: &[("add_days(date, n)", "the `YYYY-MM-DD` date n days after a `YYYY-MM-DD` date")],
        examples: &[("add_days('2024-02-28', 2)", "'2024-03-01'")],
        register: |ctx, name| ctx.add_function(name, dates::add_days),
    },
    Function {
        name: "add_months",
        forms: &[(
            "add_months(date, n)",
            "the same day n calendar months later, as `YYYY-MM-DD` (a day the month lacks becomes its last day)",
        )],
        examples: &[("add_months('2021-08-31', 6)", "'2022-02-28'")],
        register: |ctx, name| ctx.add_function(name, dates::add_months),
    },
    Function {
        name: "add_years",
        forms: &[(
            "add_years(date, n)",
            "the same day n years later, as `YYYY-MM-DD` (29 February becomes 28 February)",
        )],
        examples: &[("add_years('2020-02-29', 10)", "'2030-02-28'")],
        register: |ctx, name| ctx.add_function(name, dates::add_years),
    },
    Function {
        name: "year_of",
        forms: &[("year_of(date)", "the year of a `YYYY-MM-DD` date, as an int")],
        examples: &[("year_of('2025-04-30')", "2025")],
        register: |ctx, name| ctx.add_function(name, dates::year_of),
    },
    Function {
        name: "missing",
        forms: &[(
            "missing(map, names)",
            "the names among `names` that are absent, null, empty text or an empty list in the map (a `null` map: all of them)",
        )],
        examples: &[("missing({'a': 'x', 'b': '', 'c': []}, ['a', 'b', 'c', 'd'])", "['b', 'c', 'd']")],
        register: |ctx, name| ctx.add_function(name, missing::missing),
    },
];

/// The function called `name`.
pub fn get(name: &str) -> Option<&'static Function> {
    FUNCTIONS.iter().find(|f| f.name == name)
}

/// Adds every function of [`FUNCTIONS`] to a root context.
pub fn register(ctx: &mut Context<'_, '_>) {
    // Names are chosen not to clash with the standard library, so these
    // never fail; a clash would be a programming error caught by the tests.
    for f in FUNCTIONS {
        let result = (f.register)(ctx, f.name);
        debug_assert!(result.is_ok(), "{}: {result:?}", f.name);
    }
}

/// docs/functions.md: the library for rule authors, from [`FUNCTIONS`].
pub fn reference_markdown() -> String {
    let mut s = String::from(
        "# Functions of rule expressions\n\n\
         <!-- Generated from src/rules/functions/mod.rs (FUNCTIONS) by \
         `cargo run --example gen_docs`; do not edit by hand. -->\n\n\
         Beyond standard CEL and its strings, lists and math extensions \
         (see docs/rule-format.md), rule expressions may call these \
         functions. `article7 explain NAME` shows one of them.\n",
    );
    for f in FUNCTIONS {
        s.push_str(&format!("\n## `{}`\n\n", f.name));
        for (call, returns) in f.forms {
            s.push_str(&format!("- `{call}`: {returns}\n"));
        }
        s.push_str("\n| example | gives |\n|---|---|\n");
        for (expr, value) in f.examples {
            s.push_str(&format!("| `{expr}` | {value} |\n"));
        }
    }
    s
}

#[cfg(test)]
pub(crate) fn eval(expr: &str, doc: serde_json::Value) -> Result<cel::Value, String> {
    let ctx = super::expr::root_context(vec![("doc", super::expr::to_cel(&doc))]);
    let program = super::expr::compile(expr)?;
    program.execute(&ctx).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_function_registers() {
        let mut ctx = cel::Context::with_env(super::super::expr::env());
        for f in FUNCTIONS {
            assert!((f.register)(&mut ctx, f.name).is_ok(), "{}", f.name);
        }
    }

    /// Each example gives what the table says: the docs are the code's.
    #[test]
    fn every_example_gives_its_documented_value() {
        for f in FUNCTIONS {
            assert!(!f.examples.is_empty(), "{} has no example", f.name);
            for (expr, expected) in f.examples {
                assert!(expr.contains(&format!("{}(", f.name)), "{expr}");
                let same = eval(&format!("({expr}) == ({expected})"), serde_json::json!({}));
                assert_eq!(
                    same,
                    Ok(cel::Value::Bool(true)),
                    "{expr} should give {expected}"
                );
            }
            for (call, _) in f.forms {
                assert!(call.starts_with(&format!("{}(", f.name)), "{call}");
            }
        }
    }

    /// A function the table leaves out is not callable: an expression that
    /// calls a name that is not in the table fails to run.
    #[test]
    fn only_the_table_is_registered() {
        assert!(get("sum").is_some());
        assert!(get("product").is_none());
        assert!(eval("product([1, 2])", serde_json::json!({})).is_err());
    }
}
