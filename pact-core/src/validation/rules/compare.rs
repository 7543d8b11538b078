//! `one_of`, `must_match` and `required`.

use serde_json::Value;

use super::{RuleError, ToParam, fail, push_shown, shown_len};

/// Checks that a value equals one of `allowed`. The allowed values may be of another type
/// than the value, as long as the two compare: a `String` against `&str` literals.
///
/// ```
/// use pact_core::validation::rules::one_of;
///
/// assert!(one_of(&String::from("asc"), &["asc", "desc"]).is_ok());
/// assert!(one_of(&3, &[1, 2, 3]).is_ok());
///
/// let error = one_of(&String::from("up"), &["asc", "desc"]).unwrap_err();
/// assert_eq!(error.code, "one_of");
/// assert_eq!(error.message, "must be one of: asc, desc");
/// assert_eq!(error.params["allowed"], serde_json::json!(["asc", "desc"]));
/// ```
///
/// # Errors
/// Code `one_of`, param `allowed` (an array), when the value is none of them.
#[inline]
pub fn one_of<T: PartialEq<U> + ?Sized, U: ToParam>(
    value: &T,
    allowed: &[U],
) -> Result<(), RuleError> {
    if allowed.iter().any(|candidate| value == candidate) {
        Ok(())
    } else {
        Err(one_of_error(allowed))
    }
}

#[cold]
#[inline(never)]
fn one_of_error<U: ToParam>(allowed: &[U]) -> RuleError {
    one_of_error_values(allowed.iter().map(ToParam::to_param).collect())
}

fn one_of_error_values(allowed: Vec<Value>) -> RuleError {
    const WORDS: &str = "must be one of: ";
    let capacity = WORDS.len()
        + allowed
            .iter()
            .map(|value| shown_len(value) + 2)
            .sum::<usize>();
    let mut message = String::with_capacity(capacity);
    message.push_str(WORDS);
    for (index, value) in allowed.iter().enumerate() {
        if index > 0 {
            message.push_str(", ");
        }
        push_shown(&mut message, value);
    }
    RuleError::new("one_of", message).with_param("allowed", Value::Array(allowed))
}

/// Checks that a value equals another field's value, as a password confirmation must.
/// `other_name` is the other field's name as the client sent it.
///
/// ```
/// use pact_core::validation::rules::must_match;
///
/// assert!(must_match("s3cret", "s3cret", "password").is_ok());
///
/// let error = must_match("s3cret", "secret", "password").unwrap_err();
/// assert_eq!(error.code, "must_match");
/// assert_eq!(error.message, "must match password");
/// assert_eq!(error.params["other"], "password");
/// ```
///
/// # Errors
/// Code `must_match`, param `other` (the other field's name), when the two differ.
#[inline]
pub fn must_match<T: PartialEq + ?Sized>(
    value: &T,
    other: &T,
    other_name: &str,
) -> Result<(), RuleError> {
    if value == other {
        Ok(())
    } else {
        Err(must_match_error(other_name))
    }
}

#[cold]
#[inline(never)]
fn must_match_error(other_name: &str) -> RuleError {
    const WORDS: &str = "must match ";
    let mut message = String::with_capacity(WORDS.len() + other_name.len());
    message.push_str(WORDS);
    message.push_str(other_name);
    RuleError::new("must_match", message).with_param("other", other_name)
}

/// Checks that an optional value is present.
///
/// It takes any [`OptionLike`] value: an `Option<T>`, also when the field's type is an alias of
/// it (`type Maybe<T> = Option<T>`).
///
/// ```
/// use pact_core::validation::rules::required;
///
/// assert!(required(&Some(0)).is_ok());
///
/// let error = required(&None::<String>).unwrap_err();
/// assert_eq!(error.code, "required");
/// assert_eq!(error.message, "is required");
/// ```
///
/// # Errors
/// Code `required`, when the value is `None`.
#[inline]
pub fn required<T: OptionLike + ?Sized>(value: &T) -> Result<(), RuleError> {
    if value.is_present() {
        Ok(())
    } else {
        Err(fail("required", "is required"))
    }
}

/// A value that may be absent: what [`required`] checks.
///
/// ```
/// use pact_core::validation::rules::OptionLike;
///
/// assert!(Some(1).is_present());
/// assert!(!None::<u8>.is_present());
/// ```
#[diagnostic::on_unimplemented(
    message = "`required` applies to an `Option` field, and `{Self}` is always present",
    label = "`{Self}` is not an `Option`",
    note = "make the field an `Option<T>` (absent or `null` then fails `required`), or remove `required`"
)]
pub trait OptionLike {
    /// Whether a value is there.
    ///
    /// ```
    /// use pact_core::validation::rules::OptionLike;
    /// assert!(Some("ada").is_present());
    /// ```
    fn is_present(&self) -> bool;
}

impl<T> OptionLike for Option<T> {
    #[inline]
    fn is_present(&self) -> bool {
        self.is_some()
    }
}
