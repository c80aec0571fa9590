//! `area_eq(a, b)`: the area equality of rules.md: the difference is at most
//! max(1 m², 0.1 % of the larger value).

use super::val::number;
use cel::{ExecutionError, FunctionContext};

/// Area equality on plain numbers.
pub fn area_equal(a: f64, b: f64) -> bool {
    (a - b).abs() <= f64::max(1.0, 0.001 * a.abs().max(b.abs()))
}

pub fn area_eq(ftx: &FunctionContext) -> Result<bool, ExecutionError> {
    let numbers: Option<Vec<f64>> = ftx
        .args
        .iter()
        .map(|v| number(v.as_ref()).map(|n| n.as_f64()))
        .collect();
    match numbers.as_deref() {
        Some([a, b]) => Ok(area_equal(*a, *b)),
        _ => Err(ExecutionError::function_error(
            "area_eq",
            format!("expects two numbers, found {:?}", ftx.args),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::super::eval;
    use super::area_equal;
    use cel::Value;
    use serde_json::json;

    #[test]
    fn tolerance_is_one_square_metre_or_a_thousandth() {
        assert!(area_equal(100.0, 101.0));
        assert!(!area_equal(100.0, 101.5));
        // 0.1 % of 1,000,000 is 1,000.
        assert!(area_equal(1_000_000.0, 999_000.0));
        assert!(!area_equal(1_000_000.0, 998_999.0));
        assert!(area_equal(0.0, 0.0));
    }

    #[test]
    fn callable_from_rules_with_ints_and_doubles() {
        let doc = json!({"a": 46024965, "b": 46024965.4});
        assert_eq!(
            eval("area_eq(doc.a, doc.b)", doc).unwrap(),
            Value::Bool(true)
        );
        assert!(eval("area_eq('x', 1)", json!({})).is_err());
    }
}
