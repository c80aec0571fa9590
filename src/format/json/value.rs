//! Deserializes a `serde_json::Value` exactly as `serde_json::from_str`
//! would, while noticing the two things serde_json passes over in silence:
//! a key repeated in one object (serde_json keeps the last value) and an
//! integer too large for 64 bits (serde_json turns it into a float).
//!
//! The bookkeeping costs one counter increment per key on the normal path.
//! Positions and pointers are not tracked here: a duplicate is recorded by
//! the ordinal of its key in document order, which the span scanner counts
//! the same way, so the slow path (only taken when something was found)
//! recovers the pointer and location from the text.

use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::map::Entry;
use serde_json::{Map, Number, Value};
use std::collections::HashMap;
use std::fmt;

/// One repeated key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Duplicate {
    /// Ordinal of the repeated key among all keys, in document order.
    pub ordinal: usize,
    /// Which occurrence of the key in its object this is (2 = second).
    pub occurrence: usize,
}

/// What the parse noticed.
#[derive(Debug, Default)]
pub(super) struct Notes {
    /// Keys read so far.
    keys: usize,
    /// Repeated keys, in the order their objects were completed.
    pub duplicates: Vec<Duplicate>,
    /// A float at least 2^63 in magnitude was read: it may have been
    /// written as an integer that does not fit 64 bits (any such integer
    /// rounds to a float of at least that magnitude). The scanner decides.
    pub maybe_big_integer: bool,
}

/// Seed that builds a `Value`, noting into `notes`.
pub(super) struct ValueSeed<'n> {
    pub notes: &'n mut Notes,
}

impl<'de> DeserializeSeed<'de> for ValueSeed<'_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

/// 2^63: every integer literal outside i64 and u64 parses to a float at
/// least this large in magnitude.
const BIG: f64 = 9_223_372_036_854_775_808.0;

impl<'de> Visitor<'de> for ValueSeed<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any valid JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        if v.abs() >= BIG {
            self.notes.maybe_big_integer = true;
        }
        Ok(Number::from_f64(v).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        ValueSeed { notes: self.notes }.deserialize(d)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(ValueSeed {
            notes: &mut *self.notes,
        })? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Value, A::Error> {
        let mut map = Map::new();
        // Occurrence counts of the keys repeated in this object; allocated
        // only when a key repeats.
        let mut repeats: Option<HashMap<String, usize>> = None;
        while let Some(key) = access.next_key::<String>()? {
            let ordinal = self.notes.keys;
            self.notes.keys += 1;
            let value = access.next_value_seed(ValueSeed {
                notes: &mut *self.notes,
            })?;
            match map.entry(key) {
                Entry::Vacant(slot) => {
                    slot.insert(value);
                }
                Entry::Occupied(mut slot) => {
                    // Like serde_json: the last value wins, the first
                    // position is kept.
                    let counts = repeats.get_or_insert_with(HashMap::new);
                    let count = counts.entry(slot.key().clone()).or_insert(1);
                    *count += 1;
                    self.notes.duplicates.push(Duplicate {
                        ordinal,
                        occurrence: *count,
                    });
                    slot.insert(value);
                }
            }
        }
        Ok(Value::Object(map))
    }
}
