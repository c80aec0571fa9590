//! Reading CEL values where they are, for the library's functions: a
//! report's lists and objects are lent to a function, never copied.

use cel::common::types::{CelMap, CelMapKey, CelString, Kind};
use cel::common::value::{CowVal, Val};
use std::collections::HashMap;

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

/// The member `name` of an object, read where it is; `None` when the value
/// is not an object or has no such member. Unlike CEL's own indexing, a
/// missing member costs no error value (CEL builds one, with its text, for
/// every miss).
pub fn member<'b>(object: &'b dyn Val, name: &'b str) -> Option<&'b dyn Val> {
    if let Some(map) = object.downcast_ref::<CelMap>() {
        let members: &HashMap<CelMapKey<'b>, Box<dyn Val + 'b>> = map.inner();
        return members.get(&CelMapKey::from(name)).map(|v| v.as_ref());
    }
    match object.as_indexer()?.get(&CelString::from(name)).ok()? {
        CowVal::Borrowed(v) => Some(v),
        // Not a built-in map: nothing to lend.
        CowVal::Owned(_) => None,
    }
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
