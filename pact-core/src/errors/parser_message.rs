//! The parser's message as a client reads it in a 400 `detail`: bounded, and in JSON's words.
//!
//! serde's messages name Rust types (``invalid value: integer `-1`, expected u8``) and echo the
//! input (an unknown field's name, a string value, the path of map keys that led there) at any
//! length. [`client_message`] keeps the message's meaning, names JSON types where serde named a
//! Rust one, and cuts every echoed piece of input to [`MAX_ECHO`] characters.

use std::fmt::Write as _;
use std::sync::LazyLock;

use regex::{Captures, Regex};

/// The most characters of one echoed piece of input (a quoted value, a field name, the path).
pub(crate) const MAX_ECHO: usize = 64;

/// The most characters of the whole message.
pub(crate) const MAX_MESSAGE: usize = 320;

/// The message a client reads for a value that failed to deserialize at `path` (the field
/// path as `serde_path_to_error` renders it, `.` or `None` for the root).
#[must_use]
pub(crate) fn client_message(path: Option<&str>, message: &str) -> String {
    let message = bounded(message);
    let mut out = match path.filter(|path| !path.is_empty() && *path != ".") {
        Some(path) => format!("{}: {message}", cut(path, MAX_ECHO)),
        None => message,
    };
    if out.chars().count() > MAX_MESSAGE {
        out = cut(&out, MAX_MESSAGE);
    }
    out
}

/// `message` with its quoted pieces cut and the words between them in JSON's terms.
fn bounded(message: &str) -> String {
    let mut out = String::with_capacity(message.len().min(MAX_MESSAGE + 8));
    let mut rest = message;
    while let Some(start) = rest.find(['`', '"']) {
        out.push_str(&json_words(&rest[..start]));
        let quote = rest.as_bytes()[start];
        let inner = &rest[start + 1..];
        let end = closing(inner, quote).unwrap_or(inner.len());
        out.push(char::from(quote));
        out.push_str(&cut(&inner[..end], MAX_ECHO));
        out.push(char::from(quote));
        rest = inner.get(end + 1..).unwrap_or("");
    }
    out.push_str(&json_words(rest));
    out
}

/// Where the quote that closes a piece opened by `quote` is: the next backtick, or the next
/// double quote not escaped by a backslash (serde shows strings with `Debug`).
fn closing(inner: &str, quote: u8) -> Option<usize> {
    if quote == b'`' {
        return inner.find('`');
    }
    let bytes = inner.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return Some(i),
            _ => i += 1,
        }
    }
    None
}

/// At most `max` characters of `text`, cut on a character boundary, with `…` when cut.
fn cut(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((end, _)) => {
            let mut out = text[..end].to_owned();
            out.push('…');
            out
        }
        None => text.to_owned(),
    }
}

/// serde's words for Rust types, in JSON's terms. Only text outside quotes is rewritten, so
/// nothing the client sent is changed.
fn json_words(text: &str) -> String {
    static EXPECTED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"\bexpected (?:(?P<nonzero>a nonzero )?(?P<int>[ui](?:8|16|32|64|128|size))|(?P<float>f32|f64)|(?P<named>struct|tuple struct|enum) [A-Za-z_][A-Za-z0-9_]*|a tuple of size (?P<size>\d+)|(?P<word>a sequence|a map|a borrowed string|a character|unit|option|variant identifier|field identifier|path string))\b",
        )
        .unwrap_or_else(|_| unreachable!("a constant regex compiles"))
    });
    static UNEXPECTED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b(?P<kind>invalid type|invalid value): (?P<what>map|sequence|unit value|floating point|newtype struct)\b")
            .unwrap_or_else(|_| unreachable!("a constant regex compiles"))
    });
    let text = EXPECTED.replace_all(text, |caps: &Captures<'_>| {
        let mut out = String::from("expected ");
        if let Some(int) = caps.name("int") {
            out.push_str(&integer(int.as_str(), caps.name("nonzero").is_some()));
        } else if caps.name("float").is_some() {
            out.push_str("a number");
        } else if let Some(named) = caps.name("named") {
            out.push_str(match named.as_str() {
                "struct" => "an object",
                "tuple struct" => "an array",
                _ => "one of the allowed values",
            });
        } else if let Some(size) = caps.name("size") {
            let _ = write!(out, "an array of {} elements", size.as_str());
        } else if let Some(word) = caps.name("word") {
            out.push_str(match word.as_str() {
                "a sequence" => "an array",
                "a map" => "an object",
                "a character" => "a string of one character",
                "unit" => "null",
                "option" => "a value or null",
                _ => "a string",
            });
        }
        out
    });
    UNEXPECTED
        .replace_all(&text, |caps: &Captures<'_>| {
            let what = match &caps["what"] {
                "map" => "object",
                "sequence" => "array",
                "unit value" => "null",
                "floating point" => "number",
                _ => "value",
            };
            format!("{}: {what}", &caps["kind"])
        })
        .into_owned()
}

/// An integer type as the range a client can send.
fn integer(rust: &str, nonzero: bool) -> String {
    let min = if nonzero { "1" } else { "0" };
    let range = |signed_min: &str, max: &str| {
        if rust.starts_with('u') {
            format!("an integer from {min} to {max}")
        } else if nonzero {
            format!("a non-zero integer from {signed_min} to {max}")
        } else {
            format!("an integer from {signed_min} to {max}")
        }
    };
    match rust {
        "u8" => range("", "255"),
        "u16" => range("", "65535"),
        "u32" => range("", "4294967295"),
        "u64" | "usize" => range("", "18446744073709551615"),
        "i8" => range("-128", "127"),
        "i16" => range("-32768", "32767"),
        "i32" => range("-2147483648", "2147483647"),
        "i64" | "isize" => range("-9223372036854775808", "9223372036854775807"),
        "u128" if nonzero => "a positive integer".to_owned(),
        "u128" => "a non-negative integer".to_owned(),
        _ if nonzero => "a non-zero integer".to_owned(),
        _ => "an integer".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::{MAX_ECHO, MAX_MESSAGE, client_message};

    #[test]
    fn names_json_types_instead_of_rust_ones() {
        let cases = [
            (
                "invalid value: integer `-1`, expected u8",
                "invalid value: integer `-1`, expected an integer from 0 to 255",
            ),
            (
                "invalid type: floating point `1.5`, expected i32",
                "invalid type: number `1.5`, expected an integer from -2147483648 to 2147483647",
            ),
            (
                "invalid type: map, expected a string",
                "invalid type: object, expected a string",
            ),
            (
                "invalid type: sequence, expected struct Signup",
                "invalid type: array, expected an object",
            ),
            (
                "invalid type: unit value, expected f64",
                "invalid type: null, expected a number",
            ),
            (
                "invalid type: string \"x\", expected a sequence",
                "invalid type: string \"x\", expected an array",
            ),
            (
                "invalid value: integer `0`, expected a nonzero u16",
                "invalid value: integer `0`, expected an integer from 1 to 65535",
            ),
            (
                "unknown variant `Red`, expected enum Colour",
                "unknown variant `Red`, expected one of the allowed values",
            ),
            (
                "invalid length 1, expected a tuple of size 2",
                "invalid length 1, expected an array of 2 elements",
            ),
            (
                "expected `,` or `}` at line 1 column 12",
                "expected `,` or `}` at line 1 column 12",
            ),
            ("missing field `email`", "missing field `email`"),
            (
                "invalid digit found in string",
                "invalid digit found in string",
            ),
        ];
        for (serde, client) in cases {
            assert_eq!(client_message(None, serde), client, "{serde}");
        }
    }

    #[test]
    fn never_rewrites_what_the_client_sent() {
        let message = "invalid type: string \"expected u8\", expected u16";
        assert_eq!(
            client_message(None, message),
            "invalid type: string \"expected u8\", expected an integer from 0 to 65535"
        );
        let message = "unknown field `expected u8`, expected one of `a`";
        assert_eq!(client_message(None, message), message);
    }

    #[test]
    fn cuts_long_echoes_on_char_boundaries() {
        let key = "é".repeat(300);
        let message = format!("unknown field `{key}`, expected one of `name`, `email`");
        let out = client_message(Some(&format!("tags.{key}")), &message);
        let echoed: Vec<&str> = out.split('`').collect();
        assert_eq!(echoed[1].chars().count(), MAX_ECHO + 1, "{out}");
        assert!(echoed[1].ends_with('…'));
        assert!(out.starts_with(&format!("tags.{}…: ", "é".repeat(MAX_ECHO - 5))));
        assert!(out.ends_with("expected one of `name`, `email`"), "{out}");

        let value = format!("{}\\\"{}", "a".repeat(10), "b".repeat(200));
        let message = format!("invalid type: string \"{value}\", expected u8");
        let out = client_message(None, &message);
        assert!(
            out.ends_with("\", expected an integer from 0 to 255"),
            "{out}"
        );
        assert!(out.chars().count() < 140, "{out}");
    }

    #[test]
    fn bounds_the_whole_message_and_unclosed_quotes() {
        let out = client_message(None, &format!("unknown field `{}", "z".repeat(10_000)));
        assert!(out.chars().count() <= MAX_ECHO + 20, "{out}");
        let many = (0..200)
            .map(|i| format!("`f{i}`"))
            .collect::<Vec<_>>()
            .join(", ");
        let out = client_message(None, &format!("unknown field `x`, expected one of {many}"));
        assert_eq!(out.chars().count(), MAX_MESSAGE + 1);
        assert!(out.ends_with('…'));
        assert_eq!(client_message(Some("."), "eof"), "eof");
        assert_eq!(client_message(Some(""), "eof"), "eof");
    }

    proptest::proptest! {
        /// Whatever serde says and whatever the client sent: no panic, and a bounded message.
        #[test]
        fn any_message_is_bounded(
            path in proptest::option::of("[a-z\\.\\[\\]0-9é`\"]{0,300}"),
            message in "(.|`|\"|\\\\|expected u8|invalid type: map){0,400}",
        ) {
            let out = client_message(path.as_deref(), &message);
            proptest::prop_assert!(out.chars().count() <= MAX_MESSAGE + 1);
        }
    }
}
