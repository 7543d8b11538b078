//! Cache keys: `pact:[<namespace>:]<table>:<schema hash>:<kind>:...`, with every value part
//! the hex of its postcard bytes (so `&str` and `String`, `&[u8]` and `Vec<u8>` give the same
//! key, and no value can forge a separator).

use std::fmt::Write as _;

use arrayvec::ArrayString;
use serde::Serialize;

/// The key prefix of one entity under one namespace.
#[derive(Debug, Clone)]
pub(crate) struct KeySpace {
    prefix: String,
    /// `prefix` and `:id:`: what every id's key starts with.
    id_prefix: String,
}

impl KeySpace {
    pub(crate) fn new(namespace: &str, table: &str, schema_hash: u64) -> Self {
        let mut prefix = String::from("pact:");
        if !namespace.is_empty() {
            prefix.push_str(namespace);
            prefix.push(':');
        }
        let _ = write!(prefix, "{table}:{schema_hash:016x}");
        let id_prefix = format!("{prefix}:id:");
        Self { prefix, id_prefix }
    }

    fn key(&self, kind: &str, part: &str) -> String {
        let mut key = String::with_capacity(self.prefix.len() + kind.len() + part.len() + 2);
        key.push_str(&self.prefix);
        key.push(':');
        key.push_str(kind);
        key.push(':');
        key.push_str(part);
        key
    }

    /// The key of the entity with this id (`part` from [`key_part`]).
    pub(crate) fn id(&self, part: &str) -> String {
        self.key("id", part)
    }

    /// The key of the entity with this id, on the stack when it fits (what a read by id
    /// builds on every call): the same string as `self.id(&key_part(id))`.
    pub(crate) fn id_of<I: Serialize + ?Sized>(&self, id: &I) -> Key {
        let mut part = [0u8; 64];
        if let Ok(bytes) = postcard::to_slice(id, &mut part) {
            let mut inline = ArrayString::<INLINE>::new();
            if inline.try_push_str(&self.id_prefix).is_ok()
                && inline.remaining_capacity() >= 2 * bytes.len()
            {
                // Two ASCII digits a byte, pushed as chars: no copy call per pair.
                for &byte in &*bytes {
                    let [high, low] = hex_digits(byte);
                    inline.push(high);
                    inline.push(low);
                }
                return Key::Inline(inline);
            }
        }
        let mut key = String::with_capacity(self.id_prefix.len() + 2 * 16);
        key.push_str(&self.id_prefix);
        push_part(&mut key, id);
        Key::Heap(key)
    }

    /// The key of a unique field's value: it holds the id's key part.
    pub(crate) fn unique(&self, field: &str, part: &str) -> String {
        let mut key = self.key("u", field);
        key.push(':');
        key.push_str(part);
        key
    }

    /// The key of a page or a count (`method` and the hex of its arguments).
    pub(crate) fn list(&self, method: &str, part: &str) -> String {
        let mut key = self.key("q", method);
        key.push(':');
        key.push_str(part);
        key
    }

    /// The guard of every page and count of the entity: any write invalidates it.
    pub(crate) fn all(&self) -> String {
        self.key("all", "")
    }
}

/// How long a key may be to be built on the stack.
const INLINE: usize = 96;

const DIGITS: &[u8; 16] = b"0123456789abcdef";

/// The two lowercase hex digits of `byte`, high first.
fn hex_digits(byte: u8) -> [char; 2] {
    [
        char::from(DIGITS[usize::from(byte >> 4)]),
        char::from(DIGITS[usize::from(byte & 0xf)]),
    ]
}

/// A key built on the stack when it is short, on the heap otherwise.
pub(crate) enum Key {
    Inline(ArrayString<INLINE>),
    Heap(String),
}

impl Key {
    pub(crate) fn as_str(&self) -> &str {
        match self {
            Self::Inline(key) => key,
            Self::Heap(key) => key,
        }
    }
}

/// The hex of `value`'s postcard bytes: the value part of a key.
#[must_use]
pub fn key_part<T: Serialize + ?Sized>(value: &T) -> String {
    let mut out = String::new();
    push_part(&mut out, value);
    out
}

/// Pushes [`key_part`] of `value` onto `out` (through a stack buffer when it is short).
fn push_part<T: Serialize + ?Sized>(out: &mut String, value: &T) {
    let mut buffer = [0u8; 64];
    match postcard::to_slice(value, &mut buffer) {
        Ok(bytes) => push_hex(out, bytes),
        Err(_) => match postcard::to_allocvec(value) {
            Ok(bytes) => push_hex(out, &bytes),
            Err(err) => {
                // Never the key of another value: no hex digit is `!`.
                tracing::warn!(error = %err, "a key value could not be encoded");
                out.push('!');
            }
        },
    }
}

fn push_hex(out: &mut String, bytes: &[u8]) {
    out.reserve(bytes.len() * 2);
    for &byte in bytes {
        out.extend(hex_digits(byte));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_namespaced_and_borrowed_values_match_owned_ones() {
        let space = KeySpace::new("t1", "users", 0xabc);
        assert_eq!(
            space.id(&key_part(&7_i64)),
            "pact:t1:users:0000000000000abc:id:0e"
        );
        assert_eq!(space.id_of(&7_i64).as_str(), space.id(&key_part(&7_i64)));
        assert_eq!(space.id_of("ab").as_str(), space.id(&key_part("ab")));
        assert!(matches!(space.id_of(&7_i64), Key::Inline(_)));
        // An id too long for the stack gives the same key from the heap.
        let long = "y".repeat(100);
        assert!(matches!(space.id_of(&long), Key::Heap(_)));
        assert_eq!(space.id_of(&long).as_str(), space.id(&key_part(&long)));
        assert_eq!(key_part("ada"), key_part(&String::from("ada")));
        assert_eq!(key_part(&b"ab"[..]), key_part(&vec![b'a', b'b']));
        // Every byte's pair of digits, as the heap path writes them.
        for chunk in (0..=255).collect::<Vec<u8>>().chunks(16) {
            assert!(matches!(space.id_of(chunk), Key::Inline(_)));
            assert_eq!(space.id_of(chunk).as_str(), space.id(&key_part(chunk)));
        }
        assert_eq!(hex_digits(0x00), ['0', '0']);
        assert_eq!(hex_digits(0xa7), ['a', '7']);
        assert_eq!(hex_digits(0xff), ['f', 'f']);
        assert_eq!(
            space.unique("email", &key_part("a")),
            "pact:t1:users:0000000000000abc:u:email:0161"
        );
        assert_eq!(space.all(), "pact:t1:users:0000000000000abc:all:");
        let plain = KeySpace::new("", "users", 1);
        assert!(
            plain
                .list("count", &key_part(&()))
                .starts_with("pact:users:0000000000000001:q:count:")
        );
        // A long value goes past the stack buffer.
        let long = "x".repeat(200);
        assert_eq!(key_part(&long).len(), 2 * (2 + 200));
    }
}
