//! Reading CEL values where they are, for the library's functions: a
//! report's lists and objects are lent to a function, never copied.

use cel::common::types::Kind;
use cel::common::value::Val;

/// A number, whichever of CEL's three numeric types holds it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Number {
    Int(i64),
    Float(f64),
}

impl Number {
    /// As a double.
    pub fn as_f64(self) -> f64 {
        match self {
            Number::Int(i) => i as f64,
            Number::Float(f) => f,
        }
    }
}

/// The CEL kind of a value.
pub fn kind(v: &dyn Val) -> Kind {
    v.get_type().kind()
}

/// `null`?
pub fn is_null(v: &dyn Val) -> bool {
    kind(v) == Kind::NullType
}

/// The number a value holds (`uint` beyond `i64` becomes a double).
pub fn number(v: &dyn Val) -> Option<Number> {
    if let Ok(i) = <&i64>::try_from(v) {
        return Some(Number::Int(*i));
    }
    if let Ok(u) = <&u64>::try_from(v) {
        return Some(i64::try_from(*u).map_or(Number::Float(*u as f64), Number::Int));
    }
    <&f64>::try_from(v).ok().map(|f| Number::Float(*f))
}
