//! The span scanner behind [`super::index`]: one pass over the text with an
//! explicit stack (no recursion, so nesting depth costs heap, not call
//! stack), reporting every value with its JSON pointer and byte spans.
//!
//! It is written for text that serde_json has already accepted, but it must
//! also survive anything else: every step either advances through the text,
//! pops a container, or stops, so it always ends, and it never indexes
//! outside the text. On input that is not JSON it simply stops early.

use std::fmt::Write as _;

/// A byte range `start..end` in the text.
pub(super) type Span = (usize, usize);

/// Receives what the scanner finds, in document order (containers are
/// reported when they close, after their members).
pub(super) trait Sink {
    /// A value at `pointer`, with its key span when it is an object member.
    fn value(&mut self, pointer: &str, key: Option<Span>, value: Span);

    /// The key of an object member, when it is read: `ordinal` counts keys
    /// in document order from 0; `parent_len` is the length of the object's
    /// own pointer (a prefix of `pointer`).
    fn key(&mut self, _ordinal: usize, _pointer: &str, _parent_len: usize, _key: Span) {}

    /// An integer literal (no fraction, no exponent) that fits neither i64
    /// nor u64, so it cannot be stored exactly.
    fn big_integer(&mut self, _pointer: &str, _value: Span) {}
}

struct Frame {
    is_object: bool,
    /// Offset of the opening bracket.
    start: usize,
    /// Key span of the container itself, when it is an object member.
    key: Option<Span>,
    /// Length of the container's own pointer.
    own_len: usize,
    /// Length of its parent's pointer.
    parent_len: usize,
    /// Next array index.
    next_index: usize,
}

/// Scans `text`, reporting to `sink`.
pub(super) fn scan<S: Sink>(text: &str, sink: &mut S) {
    let b = text.as_bytes();
    let mut i = 0usize;
    let mut pointer = String::new();
    let mut stack: Vec<Frame> = Vec::new();
    let mut ordinal = 0usize;
    // The context of the value about to be read.
    let mut key: Option<Span> = None;
    let mut parent_len = 0usize;

    loop {
        // Read one value at `pointer`.
        i = skip_ws(b, i);
        let Some(&c) = b.get(i) else { return };
        // Whether the next member is the first of a just-opened container.
        let mut first = false;
        match c {
            b'{' | b'[' => {
                stack.push(Frame {
                    is_object: c == b'{',
                    start: i,
                    key,
                    own_len: pointer.len(),
                    parent_len,
                    next_index: 0,
                });
                i += 1;
                first = true;
            }
            b'"' => {
                let end = skip_string(b, i);
                sink.value(&pointer, key, (i, end));
                pointer.truncate(parent_len);
                i = end;
            }
            _ => {
                let end = skip_scalar(b, i);
                if end == i {
                    return;
                }
                if is_big_integer(&b[i..end]) {
                    sink.big_integer(&pointer, (i, end));
                }
                sink.value(&pointer, key, (i, end));
                pointer.truncate(parent_len);
                i = end;
            }
        }

        // Close finished containers until the next member begins.
        loop {
            i = skip_ws(b, i);
            let Some(&c) = b.get(i) else { return };
            let Some(top) = stack.last_mut() else {
                // The root value is complete; anything after it is not ours.
                return;
            };
            if c == b'}' || c == b']' {
                let own_len = top.own_len;
                let frame_parent = top.parent_len;
                let frame_key = top.key;
                let start = top.start;
                stack.pop();
                i += 1;
                first = false;
                pointer.truncate(own_len);
                sink.value(&pointer, frame_key, (start, i));
                pointer.truncate(frame_parent);
                continue;
            }
            if !first {
                if c != b',' {
                    return;
                }
                i = skip_ws(b, i + 1);
            }
            // Begin a member of `top`.
            pointer.truncate(top.own_len);
            parent_len = top.own_len;
            if top.is_object {
                if b.get(i) != Some(&b'"') {
                    return;
                }
                let key_start = i;
                let end = skip_string(b, i);
                pointer.push('/');
                push_key_token(&mut pointer, text, key_start, end);
                sink.key(ordinal, &pointer, parent_len, (key_start, end));
                ordinal += 1;
                i = skip_ws(b, end);
                if b.get(i) != Some(&b':') {
                    return;
                }
                i += 1;
                key = Some((key_start, end));
            } else {
                let _ = write!(pointer, "/{}", top.next_index);
                top.next_index += 1;
                key = None;
            }
            break;
        }
    }
}

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while let Some(b' ' | b'\t' | b'\n' | b'\r') = b.get(i) {
        i += 1;
    }
    i
}

/// End (one past the closing quote) of the string starting at `b[i] == '"'`,
/// or the end of the text when it is not closed.
fn skip_string(b: &[u8], i: usize) -> usize {
    let mut j = i + 1;
    while j < b.len() {
        match memchr::memchr2(b'"', b'\\', &b[j..]) {
            Some(k) if b[j + k] == b'"' => return j + k + 1,
            Some(k) => j += k + 2,
            None => break,
        }
    }
    b.len()
}

/// End of a number or literal (`true`, `false`, `null`) starting at `i`.
/// Stops only on ASCII bytes, so the result is a character boundary.
fn skip_scalar(b: &[u8], mut i: usize) -> usize {
    while let Some(c) = b.get(i) {
        if c.is_ascii_alphanumeric() || matches!(c, b'-' | b'+' | b'.') {
            i += 1;
        } else {
            break;
        }
    }
    i
}

/// Whether `lit` is an integer literal too large for i64 and for u64.
fn is_big_integer(lit: &[u8]) -> bool {
    let digits = lit.strip_prefix(b"-").unwrap_or(lit);
    // i64::MIN has 19 digits, u64::MAX 20: anything shorter fits.
    if digits.len() < 19 || !digits.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let Ok(s) = std::str::from_utf8(lit) else {
        return false;
    };
    s.parse::<i64>().is_err() && s.parse::<u64>().is_err()
}

/// Appends the RFC 6901 token of the key written at `start..end` (quotes
/// included), decoding JSON escapes.
fn push_key_token(pointer: &mut String, text: &str, start: usize, end: usize) {
    let quoted = text.get(start..end).unwrap_or("");
    let raw = quoted
        .strip_prefix('"')
        .map(|r| r.strip_suffix('"').unwrap_or(r))
        .unwrap_or(quoted);
    if !raw.contains('\\') {
        push_escaped(pointer, raw);
        return;
    }
    match serde_json::from_str::<String>(quoted) {
        Ok(decoded) => push_escaped(pointer, &decoded),
        Err(_) => push_escaped(pointer, raw),
    }
}

fn push_escaped(pointer: &mut String, token: &str) {
    if !token.contains(['~', '/']) {
        pointer.push_str(token);
        return;
    }
    for ch in token.chars() {
        match ch {
            '~' => pointer.push_str("~0"),
            '/' => pointer.push_str("~1"),
            _ => pointer.push(ch),
        }
    }
}

/// Where the value at `pointer` is written, or its nearest existing
/// ancestor: (key span, value span), as the full scan would record it.
///
/// The lookup behind [`super::locate`]: a report with a finding or two
/// needs the place of those, not a map of its every value. It walks down
/// the pointer's tokens and skips every other member without decoding it,
/// so it costs a fraction of [`scan`] and allocates one key at a time.
/// Like `scan` it is meant for text serde_json accepted without duplicate
/// keys (where the first member with a name is the only one), and on any
/// other text it ends without panicking, with the deepest value it reached.
pub(super) fn find(text: &str, pointer: &str) -> Option<(Option<Span>, Span)> {
    let b = text.as_bytes();
    let mut start = skip_ws(b, 0);
    b.get(start)?;
    let mut key: Option<Span> = None;
    // A pointer that does not start with `/` names nothing below the root.
    let tokens = pointer.strip_prefix('/').map(|rest| rest.split('/'));
    let mut scratch = String::new();
    if let Some(tokens) = tokens {
        for token in tokens {
            let found = match b[start] {
                b'{' => find_member(text, start, token, &mut scratch),
                b'[' => find_element(b, start, token),
                _ => None,
            };
            match found {
                Some((k, v)) => {
                    key = k;
                    start = v;
                }
                None => break,
            }
        }
    }
    let end = skip_value(b, start);
    Some((key, (start, end)))
}

/// The member `token` (an RFC 6901 token) of the object opening at `open`:
/// its key span and where its value starts.
fn find_member(
    text: &str,
    open: usize,
    token: &str,
    scratch: &mut String,
) -> Option<(Option<Span>, usize)> {
    let b = text.as_bytes();
    let mut i = skip_ws(b, open + 1);
    if b.get(i) == Some(&b'}') {
        return None;
    }
    loop {
        if b.get(i) != Some(&b'"') {
            return None;
        }
        let key_end = skip_string(b, i);
        scratch.clear();
        push_key_token(scratch, text, i, key_end);
        let value = skip_ws(b, key_end);
        if b.get(value) != Some(&b':') {
            return None;
        }
        let value = skip_ws(b, value + 1);
        b.get(value)?;
        if scratch == token {
            return Some((Some((i, key_end)), value));
        }
        i = skip_ws(b, skip_value(b, value));
        match b.get(i) {
            Some(b',') => i = skip_ws(b, i + 1),
            _ => return None,
        }
    }
}

/// Where element `token` of the array opening at `open` starts. Only the
/// token the full scan writes (`0`, `17`; not `017` or `-`) names one.
fn find_element(b: &[u8], open: usize, token: &str) -> Option<(Option<Span>, usize)> {
    let wanted: usize = token.parse().ok()?;
    if wanted.to_string() != token {
        return None;
    }
    let mut i = skip_ws(b, open + 1);
    if b.get(i) == Some(&b']') {
        return None;
    }
    for _ in 0..wanted {
        i = skip_ws(b, skip_value(b, i));
        match b.get(i) {
            Some(b',') => i = skip_ws(b, i + 1),
            _ => return None,
        }
    }
    b.get(i)?;
    Some((None, i))
}

/// End of the value starting at `i` (one past its last byte), without
/// recursion; the end of the text when it does not close.
fn skip_value(b: &[u8], i: usize) -> usize {
    match b.get(i) {
        Some(b'"') => skip_string(b, i),
        // In JSON the brackets of one kind balance inside a container of
        // the other, so only the container's own kind is counted (outside
        // strings), which lets memchr find them.
        Some(&open) if open == b'{' || open == b'[' => {
            let close = open + 2;
            let mut depth = 0usize;
            let mut j = i;
            while let Some(k) = b
                .get(j..)
                .and_then(|rest| memchr::memchr3(b'"', open, close, rest))
            {
                let at = j + k;
                if b[at] == b'"' {
                    j = skip_string(b, at);
                    continue;
                }
                if b[at] == open {
                    depth += 1;
                } else {
                    depth -= 1;
                    if depth == 0 {
                        return at + 1;
                    }
                }
                j = at + 1;
            }
            b.len()
        }
        Some(_) => skip_scalar(b, i),
        None => i,
    }
}

/// The members of the object a JSON text holds, read for their place only:
/// (key, value text) in order, each value skipped by its brackets and
/// quotes without being checked. `None` for anything else or unusual: a
/// text that is not one object (a byte-order mark, a trailing value), a key
/// written with an escape, a member that does not end where it should.
///
/// For reading a few members of a large report cheaply (the history's keys)
/// where a full parse would cost as much as reading the report; the values
/// it gives are to be parsed, and the rest of the text is not known to be
/// JSON.
pub fn members(text: &[u8]) -> Option<Vec<(&str, &[u8])>> {
    let b = text;
    let mut i = skip_ws(b, 0);
    if b.get(i) != Some(&b'{') {
        return None;
    }
    i = skip_ws(b, i + 1);
    let mut out = Vec::new();
    if b.get(i) == Some(&b'}') {
        i += 1;
    } else {
        loop {
            if b.get(i) != Some(&b'"') {
                return None;
            }
            let key_end = skip_string(b, i);
            let key = b.get(i + 1..key_end.checked_sub(1)?)?;
            if key_end <= i + 1 || key.contains(&b'\\') {
                return None;
            }
            let key = std::str::from_utf8(key).ok()?;
            i = skip_ws(b, key_end);
            if b.get(i) != Some(&b':') {
                return None;
            }
            let start = skip_ws(b, i + 1);
            let end = skip_value(b, start);
            if end == start {
                return None;
            }
            out.push((key, &b[start..end]));
            i = skip_ws(b, end);
            match b.get(i) {
                Some(b',') => i = skip_ws(b, i + 1),
                Some(b'}') => {
                    i += 1;
                    break;
                }
                _ => return None,
            }
        }
    }
    (skip_ws(b, i) == b.len()).then_some(out)
}
