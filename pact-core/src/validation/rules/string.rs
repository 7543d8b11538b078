//! The character and substring rules, and `pattern`.

use std::borrow::Cow;

use super::{AsStr, RuleError, check};
use crate::Params;
use crate::errors::name;
use crate::validation::pattern::Matcher;

/// Checks that a string holds only ASCII characters (the empty string passes).
///
/// ```
/// use pact_core::validation::rules::ascii;
///
/// assert!(ascii("hello, world!").is_ok());
/// assert_eq!(ascii("héllo").unwrap_err().code, "ascii");
/// ```
///
/// # Errors
/// Code `ascii`, when a character is not ASCII.
#[inline]
pub fn ascii<T: AsStr + ?Sized>(value: &T) -> Result<(), RuleError> {
    check(
        value.as_str().is_ascii(),
        "ascii",
        "must contain only ASCII characters",
    )
}

/// Checks that every character is a letter or a digit, in the Unicode sense of
/// [`char::is_alphanumeric`]: `"Zoë42"` passes, `"a b"` and `"a-b"` do not. The empty string
/// passes; combine with [`non_empty`](super::non_empty) or [`length`](super::length).
///
/// ```
/// use pact_core::validation::rules::alphanumeric;
///
/// assert!(alphanumeric("Zoë42").is_ok());
/// assert_eq!(alphanumeric("a-b").unwrap_err().code, "alphanumeric");
/// ```
///
/// # Errors
/// Code `alphanumeric`, when a character is neither a letter nor a digit.
#[inline]
pub fn alphanumeric<T: AsStr + ?Sized>(value: &T) -> Result<(), RuleError> {
    check(
        is_alphanumeric(value.as_str()),
        "alphanumeric",
        "must contain only letters and digits",
    )
}

#[inline]
fn is_alphanumeric(text: &str) -> bool {
    let bytes = text.as_bytes();
    // ASCII first, byte by byte; decode characters only from the first other byte on.
    match bytes.iter().position(|byte| !byte.is_ascii_alphanumeric()) {
        None => true,
        Some(at) => {
            bytes.get(at).is_some_and(|byte| !byte.is_ascii())
                && text
                    .get(at..)
                    .is_some_and(|rest| rest.chars().all(char::is_alphanumeric))
        }
    }
}

/// Checks that a string contains `needle`.
///
/// ```
/// use pact_core::validation::rules::contains;
///
/// assert!(contains("hello world", "lo w").is_ok());
/// let error = contains("hello", "x").unwrap_err();
/// assert_eq!(error.code, "contains");
/// assert_eq!(error.message, r#"must contain "x""#);
/// assert_eq!(error.params["needle"], "x");
/// ```
///
/// # Errors
/// Code `contains`, param `needle`, when the string does not contain it.
#[inline]
pub fn contains<T: AsStr + ?Sized>(value: &T, needle: &str) -> Result<(), RuleError> {
    if value.as_str().contains(needle) {
        Ok(())
    } else {
        Err(text_error("contains", "must contain", "needle", needle))
    }
}

/// Checks that a string does not contain `needle`.
///
/// ```
/// use pact_core::validation::rules::does_not_contain;
///
/// assert!(does_not_contain("hello", "x").is_ok());
/// let error = does_not_contain("hello", "ll").unwrap_err();
/// assert_eq!(error.code, "does_not_contain");
/// assert_eq!(error.message, r#"must not contain "ll""#);
/// assert_eq!(error.params["needle"], "ll");
/// ```
///
/// # Errors
/// Code `does_not_contain`, param `needle`, when the string contains it.
#[inline]
pub fn does_not_contain<T: AsStr + ?Sized>(value: &T, needle: &str) -> Result<(), RuleError> {
    if value.as_str().contains(needle) {
        Err(text_error(
            "does_not_contain",
            "must not contain",
            "needle",
            needle,
        ))
    } else {
        Ok(())
    }
}

/// Checks that a string starts with `prefix`.
///
/// ```
/// use pact_core::validation::rules::prefix;
///
/// assert!(prefix("https://example.com", "https://").is_ok());
/// let error = prefix("http://example.com", "https://").unwrap_err();
/// assert_eq!(error.code, "prefix");
/// assert_eq!(error.message, r#"must start with "https://""#);
/// assert_eq!(error.params["prefix"], "https://");
/// ```
///
/// # Errors
/// Code `prefix`, param `prefix`, when the string does not start with it.
#[inline]
pub fn prefix<T: AsStr + ?Sized>(value: &T, prefix: &str) -> Result<(), RuleError> {
    if value.as_str().starts_with(prefix) {
        Ok(())
    } else {
        Err(text_error("prefix", "must start with", "prefix", prefix))
    }
}

/// Checks that a string ends with `suffix`.
///
/// ```
/// use pact_core::validation::rules::suffix;
///
/// assert!(suffix("report.pdf", ".pdf").is_ok());
/// let error = suffix("report.doc", ".pdf").unwrap_err();
/// assert_eq!(error.code, "suffix");
/// assert_eq!(error.message, r#"must end with ".pdf""#);
/// assert_eq!(error.params["suffix"], ".pdf");
/// ```
///
/// # Errors
/// Code `suffix`, param `suffix`, when the string does not end with it.
#[inline]
pub fn suffix<T: AsStr + ?Sized>(value: &T, suffix: &str) -> Result<(), RuleError> {
    if value.as_str().ends_with(suffix) {
        Ok(())
    } else {
        Err(text_error("suffix", "must end with", "suffix", suffix))
    }
}

#[cold]
#[inline(never)]
fn text_error(code: &'static str, words: &str, param: &'static str, text: &str) -> RuleError {
    let mut message = String::with_capacity(words.len() + text.len() + 3);
    message.push_str(words);
    message.push_str(" \"");
    message.push_str(text);
    message.push('"');
    RuleError::new(code, message).with_param(param, text)
}

/// Checks that `matcher` matches the string (anywhere, unless anchored with `^...$`), as
/// [`Regex::is_match`](regex::Regex::is_match) does. `source` is the pattern as written,
/// reported in the error. The derive passes a matcher it compiled when it expanded (a
/// generated check or an embedded DFA); by hand, a [`regex::Regex`] or any `Fn(&str) -> bool`
/// will do.
///
/// ```
/// use pact_core::validation::rules::pattern;
/// use regex::Regex;
///
/// let slug = Regex::new("^[a-z0-9-]+$").unwrap();
/// assert!(pattern("hello-world", &slug, "^[a-z0-9-]+$").is_ok());
///
/// let error = pattern("Hello World", &slug, "^[a-z0-9-]+$").unwrap_err();
/// assert_eq!(error.code, "pattern");
/// assert_eq!(error.message, "must match the pattern ^[a-z0-9-]+$");
/// assert_eq!(error.params["pattern"], "^[a-z0-9-]+$");
/// ```
///
/// # Errors
/// Code `pattern`, param `pattern` (`source`), when the pattern does not match.
#[inline]
pub fn pattern<T: AsStr + ?Sized, M: Matcher + ?Sized>(
    value: &T,
    matcher: &M,
    source: &'static str,
) -> Result<(), RuleError> {
    if matcher.is_match(value.as_str()) {
        Ok(())
    } else {
        Err(pattern_error(source))
    }
}

/// [`pattern`] with its message written out beforehand (the derive writes
/// `"must match the pattern {source}"` when it expands), so that a violation allocates only its
/// param.
#[doc(hidden)]
#[inline]
pub fn pattern_with_message<T: AsStr + ?Sized, M: Matcher + ?Sized>(
    value: &T,
    matcher: &M,
    source: &'static str,
    message: &'static str,
) -> Result<(), RuleError> {
    if matcher.is_match(value.as_str()) {
        Ok(())
    } else {
        Err(pattern_error_with(source, message))
    }
}

#[cold]
#[inline(never)]
fn pattern_error_with(source: &'static str, message: &'static str) -> RuleError {
    RuleError {
        code: Cow::Borrowed("pattern"),
        message: Cow::Borrowed(message),
        params: Params::one(name::PATTERN, source.into()),
    }
}

#[cold]
#[inline(never)]
fn pattern_error(source: &'static str) -> RuleError {
    const WORDS: &str = "must match the pattern ";
    let mut message = String::with_capacity(WORDS.len() + source.len());
    message.push_str(WORDS);
    message.push_str(source);
    RuleError {
        code: Cow::Borrowed("pattern"),
        message: Cow::Owned(message),
        params: Params::one(name::PATTERN, source.into()),
    }
}
