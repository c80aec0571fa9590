//! XML writer: the canonical document in the XML spelling of the model, the
//! inverse of [`super::read()`].
//!
//! The output is UTF-8 with an XML declaration, indented by two spaces, the
//! namespace declared once on the root. Each member is an element named
//! after its key; an array is a wrapper element whose items are named with
//! the singular of the key ([`item_name`]: `areas` → `area`, `stockpile` →
//! `row`); scalars are the element's escaped text; an empty object, array or
//! string, and `null`, are an empty element.
//!
//! For every document that follows the schema, reading the output back
//! gives the same value, member order included. What XML cannot carry, and
//! [`losses`] reports:
//!
//! - inside `extensions` (and under keys the schema does not know), leaf
//!   values come back as text (a number `3` as `"3"`), a nested empty list
//!   or object as `""`, and arrays are written as `<item>` elements, so a
//!   nested object whose only key is `item` reads back as an array;
//! - a value whose type contradicts the schema (the text `"12"` where a
//!   number is expected) comes back with the schema's type;
//! - `null` comes back as the empty string (the schema allows `null`
//!   nowhere);
//! - keys that are not XML names (`my key`, `1st`) are written with `_` in
//!   place of the offending characters; characters XML 1.0 cannot hold at
//!   all (control characters other than tab, line feed and carriage return)
//!   are written as U+FFFD.

use super::read::{ITEM, NAMESPACE, ROOT_ELEMENT};
use crate::diagnostics::escape_pointer_token;
use crate::shape::{node_at, Step};
use serde_json::Value;
use std::borrow::Cow;

/// Writes `value` as an XML report (see the module documentation).
pub fn write(value: &Value) -> String {
    let mut w = Writer {
        out: String::with_capacity(4096),
    };
    w.out
        .push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let mut path = Vec::new();
    w.element(ROOT_ELEMENT, value, &mut path, false, 0);
    w.out
}

/// The element name of the items of the array under `key`: the singular of
/// the key for the model's arrays, [`ITEM`] for any other.
pub fn item_name(key: &str) -> &'static str {
    match key {
        "areas" => "area",
        "baseline_adjustments" => "adjustment",
        "covers" => "activity",
        "deadline_extensions" => "extension",
        "facilities" => "facility",
        "lot_numbers" => "lot_number",
        "measures" => "measure",
        "methods" => "method",
        "milestones" => "milestone",
        "mine_types" => "mine_type",
        "mines" => "mine",
        "needs" => "need",
        "objectives" => "objective",
        "partnerships" => "partnership",
        "received" | "provided" => "funding",
        "sites" => "site",
        "transferred" => "transfer",
        "stockpile"
        | "previously_unknown"
        | "retained"
        | "used"
        | "stockpile_destroyed"
        | "mined_area_destroyed"
        | "previously_unknown_destroyed" => "row",
        _ => ITEM,
    }
}

/// Pointers of the places where `read(write(value))` differs from `value`
/// (the outermost differing place of each branch), so that a conversion can
/// warn about them. Empty for every document that follows the schema.
pub fn losses(value: &Value) -> Vec<String> {
    let back = crate::format::xml::read(write(value).as_bytes());
    let mut out = Vec::new();
    match back.document {
        Some(doc) => diff(value, &doc.value, &mut String::new(), &mut out),
        None => out.push(String::new()),
    }
    out
}

fn diff(a: &Value, b: &Value, pointer: &mut String, out: &mut Vec<String>) {
    let base = pointer.len();
    match (a, b) {
        (Value::Object(x), Value::Object(y))
            if x.len() == y.len() && x.keys().zip(y.keys()).all(|(k, l)| k == l) =>
        {
            for ((k, v), w) in x.iter().zip(y.values()) {
                pointer.push('/');
                pointer.push_str(&escape_pointer_token(k));
                diff(v, w, pointer, out);
                pointer.truncate(base);
            }
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => {
            for (i, (v, w)) in x.iter().zip(y).enumerate() {
                pointer.push('/');
                pointer.push_str(&i.to_string());
                diff(v, w, pointer, out);
                pointer.truncate(base);
            }
        }
        _ if a == b => {}
        _ => out.push(pointer.clone()),
    }
}

struct Writer {
    out: String,
}

impl Writer {
    /// Writes one element; `free` is true inside `extensions` and under
    /// keys the schema does not know, where arrays use [`ITEM`] elements.
    fn element<'a>(
        &mut self,
        name: &str,
        value: &'a Value,
        path: &mut Vec<Step<'a>>,
        free: bool,
        depth: usize,
    ) {
        self.indent(depth);
        self.out.push('<');
        self.out.push_str(name);
        if depth == 0 {
            self.out.push_str(" xmlns=\"");
            self.out.push_str(NAMESPACE);
            self.out.push('"');
        }
        match value {
            Value::Object(members) if !members.is_empty() => {
                self.out.push_str(">\n");
                for (key, v) in members {
                    path.push(Step::Key(key));
                    let child_free = free || node_at(path).is_none();
                    self.element(&xml_name(key), v, path, child_free, depth + 1);
                    path.pop();
                }
                self.close(name, depth);
            }
            Value::Array(items) if !items.is_empty() => {
                self.out.push_str(">\n");
                let item = match path.last() {
                    Some(Step::Key(key)) if !free => item_name(key),
                    _ => ITEM,
                };
                path.push(Step::Item);
                let child_free = free || node_at(path).is_none();
                for v in items {
                    self.element(item, v, path, child_free, depth + 1);
                }
                path.pop();
                self.close(name, depth);
            }
            Value::String(s) if !s.is_empty() => {
                self.out.push('>');
                escape_text(s, &mut self.out);
                self.end_tag(name);
            }
            Value::Number(n) => {
                self.out.push('>');
                self.out.push_str(&n.to_string());
                self.end_tag(name);
            }
            Value::Bool(b) => {
                self.out.push('>');
                self.out.push_str(if *b { "true" } else { "false" });
                self.end_tag(name);
            }
            _ => self.out.push_str("/>\n"),
        }
    }

    fn close(&mut self, name: &str, depth: usize) {
        self.indent(depth);
        self.end_tag(name);
    }

    fn end_tag(&mut self, name: &str) {
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push_str(">\n");
    }

    fn indent(&mut self, depth: usize) {
        for _ in 0..depth {
            self.out.push_str("  ");
        }
    }
}

/// Escapes element text. `\r` is written as a character reference because
/// XML parsers turn a literal one into `\n`.
fn escape_text(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => out.push_str("&#13;"),
            '\t' | '\n' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
}

/// `key` as an XML element name: characters a name may not hold become `_`
/// (`:` too, since it would make a prefix).
fn xml_name(key: &str) -> Cow<'_, str> {
    let valid = key.chars().enumerate().all(|(i, c)| {
        if i == 0 {
            is_name_start(c)
        } else {
            is_name_char(c)
        }
    });
    if valid && !key.is_empty() {
        return Cow::Borrowed(key);
    }
    let mut name: String = key
        .chars()
        .map(|c| if is_name_char(c) { c } else { '_' })
        .collect();
    if !name.chars().next().is_some_and(is_name_start) {
        name.insert(0, '_');
    }
    Cow::Owned(name)
}

/// XML 1.0 (fifth edition) NameStartChar, without `:`.
fn is_name_start(c: char) -> bool {
    matches!(c,
        'A'..='Z' | '_' | 'a'..='z'
        | '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{F6}' | '\u{F8}'..='\u{2FF}'
        | '\u{370}'..='\u{37D}' | '\u{37F}'..='\u{1FFF}' | '\u{200C}'..='\u{200D}'
        | '\u{2070}'..='\u{218F}' | '\u{2C00}'..='\u{2FEF}' | '\u{3001}'..='\u{D7FF}'
        | '\u{F900}'..='\u{FDCF}' | '\u{FDF0}'..='\u{FFFD}' | '\u{10000}'..='\u{EFFFF}')
}

/// XML 1.0 (fifth edition) NameChar, without `:`.
fn is_name_char(c: char) -> bool {
    is_name_start(c)
        || matches!(c,
            '-' | '.' | '0'..='9' | '\u{B7}' | '\u{300}'..='\u{36F}' | '\u{203F}'..='\u{2040}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn names_become_xml_names() {
        assert_eq!(xml_name("total"), "total");
        assert_eq!(xml_name("my key"), "my_key");
        assert_eq!(xml_name("1st"), "_1st");
        assert_eq!(xml_name("a:b"), "a_b");
        assert_eq!(xml_name(""), "_");
        assert_eq!(xml_name("é-x.1"), "é-x.1");
    }

    #[test]
    fn text_is_escaped_and_carriage_returns_survive() {
        let mut out = String::new();
        escape_text("a<b & c]]>\r\n\t\u{1}", &mut out);
        assert_eq!(out, "a&lt;b &amp; c]]&gt;&#13;\n\t\u{FFFD}");
    }

    #[test]
    fn layout_is_indented_with_singular_item_names() {
        let xml = write(&json!({
            "forms": {"C": {"areas": [{"id": "X", "area_m2": 5}], "note": ""}},
            "extensions": {"tags": ["a"]}
        }));
        assert_eq!(
            xml,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
             <article7-report xmlns=\"urn:apmbc:article7:report:1\">\n\
             \x20 <forms>\n\
             \x20   <C>\n\
             \x20     <areas>\n\
             \x20       <area>\n\
             \x20         <id>X</id>\n\
             \x20         <area_m2>5</area_m2>\n\
             \x20       </area>\n\
             \x20     </areas>\n\
             \x20     <note/>\n\
             \x20   </C>\n\
             \x20 </forms>\n\
             \x20 <extensions>\n\
             \x20   <tags>\n\
             \x20     <item>a</item>\n\
             \x20   </tags>\n\
             \x20 </extensions>\n\
             </article7-report>\n"
        );
    }

    #[test]
    fn losses_name_what_xml_cannot_carry() {
        let v = json!({"extensions": {"n": 3, "s": "x", "e": []}, "forms": {"B": {"total": "7"}}});
        assert_eq!(
            losses(&v),
            vec!["/extensions/n", "/extensions/e", "/forms/B/total"]
        );
    }
}
