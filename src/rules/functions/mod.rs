//! The function library rule expressions may call, beyond standard CEL.
//! Each function lives in its own file with its own tests; `article7 explain`
//! and docs/rules.md describe them for rule authors.
//!
//! | function | returns |
//! |---|---|
//! | `sum(list)` / `sum(list, 'field')` | sum of the numbers, or of `field` over a list of objects (absent = 0) |
//! | `sum(list, 'field', 'key', value)` | sum of `field` over the objects whose `key` equals `value` |
//! | `index_of(list, value)` / `index_of(list, 'field', value)` | position of the first element equal to `value` (or object whose `field` equals it); -1 if none |
//! | `first_positions(list, 'field')` | for each object, the position of the first object with the same `field` |
//! | `area_eq(a, b)` | `\|a − b\| <= max(1, 0.1% of the larger)` (rules.md "area equality") |
//! | `add_days(date, n)`, `add_years(date, n)` | a `YYYY-MM-DD` date |
//! | `year_of(date)` | the year of a `YYYY-MM-DD` date, as an int |
//! | `missing(map, ['a', 'b'])` | the names among those that are absent, null, empty text or an empty list |

mod area;
mod dates;
mod index;
mod missing;
mod sum;
mod val;

use cel::Context;

pub use area::area_equal;
pub(crate) use dates::{add_days_to, add_years_to, year_of_text};

/// Names and one-line descriptions, for documentation.
pub const FUNCTIONS: &[(&str, &str)] = &[
    ("sum(list) / sum(list, 'field')", "sum of the numbers in a list, or of one field over a list of objects (an absent field counts 0)"),
    ("sum(list, 'field', 'key', value)", "sum of one field over the objects of a list whose `key` equals `value`"),
    ("index_of(list, value) / index_of(list, 'field', value)", "position of the first element equal to value, or of the first object whose field equals it; -1 if there is none"),
    ("first_positions(list, 'field')", "for each object of a list, the position of the first object with the same field value (its own position if it is the first)"),
    ("area_eq(a, b)", "area equality: true when |a - b| <= max(1 m², 0.1% of the larger value)"),
    ("add_days(date, n)", "the date n days after a YYYY-MM-DD date"),
    ("add_years(date, n)", "the same day n years later (29 February becomes 28 February)"),
    ("year_of(date)", "the year of a YYYY-MM-DD date"),
    ("missing(map, names)", "the names that are absent, null, empty text or an empty list in the map"),
];

/// Adds every function of the library to a root context.
pub fn register(ctx: &mut Context<'_, '_>) {
    // Names are chosen not to clash with the standard library, so these
    // never fail; a clash would be a programming error caught by the tests.
    let results = [
        ctx.add_function("sum", sum::sum),
        ctx.add_function("area_eq", area::area_eq),
        ctx.add_function("add_days", dates::add_days),
        ctx.add_function("add_years", dates::add_years),
        ctx.add_function("year_of", dates::year_of),
        ctx.add_function("missing", missing::missing),
        ctx.add_function("index_of", index::index_of),
        ctx.add_function("first_positions", index::first_positions),
    ];
    debug_assert!(results.iter().all(Result::is_ok), "{results:?}");
}

#[cfg(test)]
pub(crate) fn eval(expr: &str, doc: serde_json::Value) -> Result<cel::Value, String> {
    let ctx = super::expr::root_context(vec![("doc", super::expr::to_cel(&doc))]);
    let program = super::expr::compile(expr)?;
    program.execute(&ctx).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_function_registers() {
        let mut ctx = cel::Context::with_env(super::super::expr::env());
        super::register(&mut ctx);
    }
}
