//! `length`, `length_bytes` and `non_empty`.

use std::borrow::Cow;

use serde_json::Value;

use super::super::path::{decimal_len, push_decimal};
use super::{HasLength, RuleError, fail};
use crate::Params;
use crate::errors::name;

/// Checks the number of characters of a string (Unicode scalar values, so `"héllo"` has 5), or
/// of elements of a collection: at least `min`, at most `max`, exactly `equal`.
///
/// Counts characters only when the byte length does not already decide: a string shorter in
/// bytes than `min` is too short, and one no longer in bytes than `max` is not too long.
///
/// ```
/// use pact_core::validation::rules::length;
///
/// assert!(length("Ada", Some(3), Some(20), None).is_ok());
/// assert!(length("héllo", None, Some(5), None).is_ok()); // 5 characters, 6 bytes
/// assert!(length(&vec![1, 2, 3], None, None, Some(3)).is_ok());
///
/// let error = length("Al", Some(3), None, None).unwrap_err();
/// assert_eq!(error.code, "length");
/// assert_eq!(error.message, "must be at least 3 characters long");
/// assert_eq!(error.params["min"], 3);
///
/// let error = length(&vec![0; 11], None, Some(10), None).unwrap_err();
/// assert_eq!(error.message, "must have at most 10 items");
/// ```
///
/// # Errors
/// Code `length`, params `min`, `max` and `equal` (those given), when a bound is not met.
#[inline]
pub fn length<T: HasLength + ?Sized>(
    value: &T,
    min: Option<usize>,
    max: Option<usize>,
    equal: Option<usize>,
) -> Result<(), RuleError> {
    if length_fits(value, min, max, equal) {
        Ok(())
    } else {
        Err(length_error(value.length_unit(), min, max, equal))
    }
}

/// Whether `value`'s length meets the bounds, counting characters only when the byte length
/// does not already decide.
#[inline]
fn length_fits<T: HasLength + ?Sized>(
    value: &T,
    min: Option<usize>,
    max: Option<usize>,
    equal: Option<usize>,
) -> bool {
    let bytes = value.byte_length();
    // Every character takes 1 to 4 bytes, so the count lies in `lowest..=bytes`.
    let lowest = bytes.div_ceil(4);
    let surely_fits = min.is_none_or(|min| lowest >= min)
        && max.is_none_or(|max| bytes <= max)
        && equal.is_none_or(|equal| lowest == equal && bytes == equal);
    if surely_fits {
        return true;
    }
    let surely_fails = min.is_some_and(|min| bytes < min)
        || max.is_some_and(|max| lowest > max)
        || equal.is_some_and(|equal| equal < lowest || equal > bytes);
    !surely_fails && fits(value.length(), min, max, equal)
}

/// [`length`] with its messages written out beforehand, for values counted in `characters`
/// and in `items` (the derive writes both when every bound is an integer literal), so that a
/// violation builds only its params. Any other unit builds its message as [`length`] does.
#[doc(hidden)]
#[inline]
pub fn length_with_messages<T: HasLength + ?Sized>(
    value: &T,
    min: Option<usize>,
    max: Option<usize>,
    equal: Option<usize>,
    characters: &'static str,
    items: &'static str,
) -> Result<(), RuleError> {
    if length_fits(value, min, max, equal) {
        return Ok(());
    }
    let unit = value.length_unit();
    Err(match unit {
        "characters" => length_error_with(characters, min, max, equal),
        "items" => length_error_with(items, min, max, equal),
        _ => length_error(unit, min, max, equal),
    })
}

/// A `length` violation with a message given: only its params are built.
#[cold]
#[inline(never)]
fn length_error_with(
    message: &'static str,
    min: Option<usize>,
    max: Option<usize>,
    equal: Option<usize>,
) -> RuleError {
    let param = |name: u8, bound: usize| (name, Value::from(bound));
    // The params as `length_error` builds them.
    let params = match (min, max, equal) {
        (None, None, None) => Params::new(),
        (Some(min), None, None) => Params::one(name::MIN, min.into()),
        (None, Some(max), None) => Params::one(name::MAX, max.into()),
        (None, None, Some(equal)) => Params::one(name::EQUAL, equal.into()),
        (Some(min), Some(max), None) => Params::two(param(name::MIN, min), param(name::MAX, max)),
        (Some(min), None, Some(equal)) => {
            Params::two(param(name::MIN, min), param(name::EQUAL, equal))
        }
        (None, Some(max), Some(equal)) => {
            Params::two(param(name::MAX, max), param(name::EQUAL, equal))
        }
        (Some(min), Some(max), Some(equal)) => {
            let mut params = Params::two(param(name::MIN, min), param(name::MAX, max));
            params.push_known(name::EQUAL, equal.into());
            params
        }
    };
    RuleError {
        code: Cow::Borrowed("length"),
        message: Cow::Borrowed(message),
        params,
    }
}

/// Checks the number of bytes of a string's UTF-8 encoding (of elements, for a collection):
/// at least `min`, at most `max`, exactly `equal`. For limits of storage rather than of
/// readability, such as a database column of 64 bytes.
///
/// ```
/// use pact_core::validation::rules::length_bytes;
///
/// assert!(length_bytes("héllo", None, Some(6), None).is_ok());
///
/// let error = length_bytes("héllo", None, Some(5), None).unwrap_err();
/// assert_eq!(error.code, "length");
/// assert_eq!(error.message, "must be at most 5 bytes long");
/// assert_eq!(error.params["unit"], "bytes");
/// ```
///
/// # Errors
/// Code `length`, params `min`, `max` and `equal` (those given) and `unit: "bytes"`, when a
/// bound is not met.
#[inline]
pub fn length_bytes<T: HasLength + ?Sized>(
    value: &T,
    min: Option<usize>,
    max: Option<usize>,
    equal: Option<usize>,
) -> Result<(), RuleError> {
    if fits(value.byte_length(), min, max, equal) {
        Ok(())
    } else {
        Err(length_bytes_error(min, max, equal))
    }
}

/// Checks that a string has at least one character, or a collection at least one element.
///
/// ```
/// use pact_core::validation::rules::non_empty;
///
/// assert!(non_empty("a").is_ok());
/// assert!(non_empty(&vec![1]).is_ok());
/// assert_eq!(non_empty("").unwrap_err().code, "non_empty");
/// assert_eq!(non_empty(&Vec::<u8>::new()).unwrap_err().message, "must not be empty");
/// ```
///
/// # Errors
/// Code `non_empty`, when the value is empty.
#[inline]
pub fn non_empty<T: HasLength + ?Sized>(value: &T) -> Result<(), RuleError> {
    if value.byte_length() == 0 {
        Err(fail("non_empty", "must not be empty"))
    } else {
        Ok(())
    }
}

#[inline]
fn fits(count: usize, min: Option<usize>, max: Option<usize>, equal: Option<usize>) -> bool {
    min.is_none_or(|min| count >= min)
        && max.is_none_or(|max| count <= max)
        && equal.is_none_or(|equal| count == equal)
}

#[cold]
#[inline(never)]
fn length_error(
    unit: &'static str,
    min: Option<usize>,
    max: Option<usize>,
    equal: Option<usize>,
) -> RuleError {
    let noun = |count: usize| {
        if count == 1 {
            unit.strip_suffix('s').unwrap_or(unit)
        } else {
            unit
        }
    };
    let long = unit == "characters" || unit == "bytes";
    let len = |n: usize| decimal_len(n as u64);
    // "must have " + "between " + min + " and " + max + " " + unit + " long", at most.
    let capacity = 30 + unit.len() + min.map_or(0, len) + max.map_or(0, len) + equal.map_or(0, len);
    let mut message = String::with_capacity(capacity);
    message.push_str(if long { "must be " } else { "must have " });
    let mut bound = |words: &str, first: usize, second: Option<usize>, noun: &str| {
        message.push_str(words);
        push_decimal(&mut message, first as u64);
        if let Some(second) = second {
            message.push_str(" and ");
            push_decimal(&mut message, second as u64);
        }
        message.push(' ');
        message.push_str(noun);
    };
    match (equal, min, max) {
        (Some(equal), _, _) => bound("exactly ", equal, None, noun(equal)),
        (None, Some(min), Some(max)) => bound("between ", min, Some(max), noun(max)),
        (None, Some(min), None) => bound("at least ", min, None, noun(min)),
        (None, None, Some(max)) => bound("at most ", max, None, noun(max)),
        (None, None, None) => {
            message.push_str("of a valid number of ");
            message.push_str(unit);
        }
    }
    if long {
        message.push_str(" long");
    }
    // Each arm builds the whole error, straight into the return slot.
    let error = |params| RuleError {
        code: Cow::Borrowed("length"),
        message: Cow::Owned(message),
        params,
    };
    let param = |name: u8, bound: usize| (name, Value::from(bound));
    match (min, max, equal) {
        (None, None, None) => error(Params::new()),
        (Some(min), None, None) => error(Params::one(name::MIN, min.into())),
        (None, Some(max), None) => error(Params::one(name::MAX, max.into())),
        (None, None, Some(equal)) => error(Params::one(name::EQUAL, equal.into())),
        (Some(min), Some(max), None) => {
            error(Params::two(param(name::MIN, min), param(name::MAX, max)))
        }
        (Some(min), None, Some(equal)) => error(Params::two(
            param(name::MIN, min),
            param(name::EQUAL, equal),
        )),
        (None, Some(max), Some(equal)) => error(Params::two(
            param(name::MAX, max),
            param(name::EQUAL, equal),
        )),
        (Some(min), Some(max), Some(equal)) => {
            let mut params = Params::two(param(name::MIN, min), param(name::MAX, max));
            params.push_known(name::EQUAL, equal.into());
            error(params)
        }
    }
}

/// [`length_error`] in bytes, with the param `unit: "bytes"`.
#[cold]
#[inline(never)]
fn length_bytes_error(min: Option<usize>, max: Option<usize>, equal: Option<usize>) -> RuleError {
    let mut error = length_error("bytes", min, max, equal);
    error.params.push_known(name::UNIT, "bytes".into());
    error
}
