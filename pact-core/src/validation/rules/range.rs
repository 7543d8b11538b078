//! `range`.

use std::cmp::Ordering::{Equal, Greater, Less};

use serde_json::Value;

use super::{RuleError, ToParam, show};

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

#[cold]
#[inline(never)]
fn range_error<T: ToParam + ?Sized>(
    min: Option<&T>,
    max: Option<&T>,
    exclusive_min: Option<&T>,
    exclusive_max: Option<&T>,
) -> RuleError {
    range_error_values([
        min.map(ToParam::to_param),
        max.map(ToParam::to_param),
        exclusive_min.map(ToParam::to_param),
        exclusive_max.map(ToParam::to_param),
    ])
}

fn range_error_values(bounds: [Option<Value>; 4]) -> RuleError {
    let [min, max, exclusive_min, exclusive_max] = &bounds;
    let message =
        if let (Some(min), Some(max), None, None) = (min, max, exclusive_min, exclusive_max) {
            format!("must be between {} and {}", show(min), show(max))
        } else {
            let parts: Vec<String> = [
                ("at least", min),
                ("greater than", exclusive_min),
                ("at most", max),
                ("less than", exclusive_max),
            ]
            .into_iter()
            .filter_map(|(words, bound)| {
                bound
                    .as_ref()
                    .map(|bound| format!("{words} {}", show(bound)))
            })
            .collect();
            if parts.is_empty() {
                "must be a number, not NaN".to_owned()
            } else {
                format!("must be {}", parts.join(" and "))
            }
        };
    let mut error = RuleError::new("range", message);
    let names = ["min", "max", "exclusive_min", "exclusive_max"];
    for (name, bound) in names.into_iter().zip(bounds) {
        if let Some(bound) = bound {
            error = error.with_param(name, bound);
        }
    }
    error
}
