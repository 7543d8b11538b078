//! `range`.

use std::borrow::Cow;
use std::cmp::Ordering::{Equal, Greater, Less};

use serde_json::Value;

use super::{RuleError, ToParam, push_shown, shown_len};
use crate::Params;
use crate::errors::name;

/// Checks that a value lies within bounds: `min <= value <= max`,
/// `exclusive_min < value < exclusive_max` (any of them may be left out).
///
/// NaN is always out of range: every comparison with NaN fails, and a NaN is rejected even
/// when no bound is given. Infinities compare as usual.
///
/// ```
/// use pact_core::validation::rules::range;
///
/// assert!(range(&18, Some(&18), Some(&150), None, None).is_ok());
/// assert!(range(&0.5, None, None, Some(&0.0), Some(&1.0)).is_ok());
/// assert!(range(&f64::NAN, Some(&0.0), None, None, None).is_err());
///
/// let error = range(&17_u8, Some(&18), Some(&150), None, None).unwrap_err();
/// assert_eq!(error.code, "range");
/// assert_eq!(error.message, "must be between 18 and 150");
/// assert_eq!(error.params["min"], 18);
/// assert_eq!(error.params["max"], 150);
///
/// let error = range(&0.0, None, None, Some(&0.0), None).unwrap_err();
/// assert_eq!(error.message, "must be greater than 0.0");
/// ```
///
/// # Errors
/// Code `range`, params `min`, `max`, `exclusive_min` and `exclusive_max` (those given), when
/// the value is out of range or is not comparable with itself (NaN).
#[inline]
pub fn range<T: PartialOrd + ToParam + ?Sized>(
    value: &T,
    min: Option<&T>,
    max: Option<&T>,
    exclusive_min: Option<&T>,
    exclusive_max: Option<&T>,
) -> Result<(), RuleError> {
    // Written so that an unordered comparison (NaN) fails every bound.
    let in_range = min.is_none_or(|min| matches!(value.partial_cmp(min), Some(Greater | Equal)))
        && max.is_none_or(|max| matches!(value.partial_cmp(max), Some(Less | Equal)))
        && exclusive_min.is_none_or(|min| value.partial_cmp(min) == Some(Greater))
        && exclusive_max.is_none_or(|max| value.partial_cmp(max) == Some(Less));
    let bounded =
        min.is_some() || max.is_some() || exclusive_min.is_some() || exclusive_max.is_some();
    if in_range && (bounded || value.partial_cmp(value).is_some()) {
        Ok(())
    } else {
        Err(range_error(min, max, exclusive_min, exclusive_max))
    }
}

/// [`range`] with its message written out beforehand (the derive writes it when every bound
/// is an integer literal), so that a violation builds only its params.
#[doc(hidden)]
#[inline]
pub fn range_with_message<T: PartialOrd + ToParam + ?Sized>(
    value: &T,
    min: Option<&T>,
    max: Option<&T>,
    exclusive_min: Option<&T>,
    exclusive_max: Option<&T>,
    message: &'static str,
) -> Result<(), RuleError> {
    let in_range = min.is_none_or(|min| matches!(value.partial_cmp(min), Some(Greater | Equal)))
        && max.is_none_or(|max| matches!(value.partial_cmp(max), Some(Less | Equal)))
        && exclusive_min.is_none_or(|min| value.partial_cmp(min) == Some(Greater))
        && exclusive_max.is_none_or(|max| value.partial_cmp(max) == Some(Less));
    let bounded =
        min.is_some() || max.is_some() || exclusive_min.is_some() || exclusive_max.is_some();
    if in_range && (bounded || value.partial_cmp(value).is_some()) {
        Ok(())
    } else {
        Err(range_error_with(
            min,
            max,
            exclusive_min,
            exclusive_max,
            message,
        ))
    }
}

/// [`range_error`]'s params, with a message given.
#[cold]
#[inline(never)]
fn range_error_with<T: ToParam + ?Sized>(
    min: Option<&T>,
    max: Option<&T>,
    exclusive_min: Option<&T>,
    exclusive_max: Option<&T>,
    message: &'static str,
) -> RuleError {
    let param = |name: u8, bound: &T| (name, bound.to_param());
    let mut params = match (min, max) {
        (Some(min), Some(max)) => Params::two(param(name::MIN, min), param(name::MAX, max)),
        (Some(min), None) => Params::one(name::MIN, min.to_param()),
        (None, Some(max)) => Params::one(name::MAX, max.to_param()),
        (None, None) => Params::new(),
    };
    if let Some(bound) = exclusive_min {
        params.push_known(name::EXCLUSIVE_MIN, bound.to_param());
    }
    if let Some(bound) = exclusive_max {
        params.push_known(name::EXCLUSIVE_MAX, bound.to_param());
    }
    RuleError {
        code: Cow::Borrowed("range"),
        message: Cow::Borrowed(message),
        params,
    }
}

#[cold]
#[inline(never)]
fn range_error<T: ToParam + ?Sized>(
    min: Option<&T>,
    max: Option<&T>,
    exclusive_min: Option<&T>,
    exclusive_max: Option<&T>,
) -> RuleError {
    // The common case, `min` and `max`: built straight into the return slot.
    if let (Some(min), Some(max), None, None) = (min, max, exclusive_min, exclusive_max) {
        let (min, max) = (min.to_param(), max.to_param());
        return RuleError {
            code: Cow::Borrowed("range"),
            message: between(&min, &max),
            params: Params::two((name::MIN, min), (name::MAX, max)),
        };
    }
    // Each bound is converted once, straight into the params; the message reads them there.
    let mut error = RuleError {
        code: Cow::Borrowed("range"),
        message: Cow::Borrowed(""),
        params: Params::new(),
    };
    let param = |name: u8, bound: &T| (name, bound.to_param());
    // Each arm writes the params in place: no temporary to copy.
    match (min, max) {
        (Some(min), Some(max)) => {
            error.params = Params::two(param(name::MIN, min), param(name::MAX, max));
        }
        (Some(min), None) => error.params = Params::one(name::MIN, min.to_param()),
        (None, Some(max)) => error.params = Params::one(name::MAX, max.to_param()),
        (None, None) => {}
    }
    if let Some(bound) = exclusive_min {
        error
            .params
            .push_known(name::EXCLUSIVE_MIN, bound.to_param());
    }
    if let Some(bound) = exclusive_max {
        error
            .params
            .push_known(name::EXCLUSIVE_MAX, bound.to_param());
    }
    error.message = range_message(&error.params);
    error
}

/// "must be between {min} and {max}".
fn between(min: &Value, max: &Value) -> Cow<'static, str> {
    let mut message =
        String::with_capacity("must be between  and ".len() + shown_len(min) + shown_len(max));
    message.push_str("must be between ");
    push_shown(&mut message, min);
    message.push_str(" and ");
    push_shown(&mut message, max);
    Cow::Owned(message)
}

fn range_message(params: &Params) -> Cow<'static, str> {
    let min = params.get_known(name::MIN);
    let max = params.get_known(name::MAX);
    let exclusive_min = params.get_known(name::EXCLUSIVE_MIN);
    let exclusive_max = params.get_known(name::EXCLUSIVE_MAX);
    if let (Some(min), Some(max), None, None) = (min, max, exclusive_min, exclusive_max) {
        return between(min, max);
    }
    // In the order the message reads.
    let parts = [
        ("at least ", min),
        ("greater than ", exclusive_min),
        ("at most ", max),
        ("less than ", exclusive_max),
    ];
    let capacity = parts
        .iter()
        .filter_map(|(words, bound)| Some(" and ".len() + words.len() + shown_len((*bound)?)))
        .sum::<usize>();
    if capacity == 0 {
        return Cow::Borrowed("must be a number, not NaN");
    }
    let mut message = String::with_capacity("must be".len() + capacity);
    message.push_str("must be");
    let mut first = true;
    for (words, bound) in parts {
        if let Some(bound) = bound {
            message.push_str(if first { " " } else { " and " });
            message.push_str(words);
            push_shown(&mut message, bound);
            first = false;
        }
    }
    Cow::Owned(message)
}
