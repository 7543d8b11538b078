//! The rule functions that `#[derive(Dto)]` calls; also usable by hand.
//!
//! Every rule takes the value by reference and returns `Ok(())` or a [`RuleError`] whose `code`
//! is the rule's name (`length`, `email`, ...), whose `message` is a short English sentence
//! ("must be at least 3 characters long") and whose `params` hold the rule's arguments.
//!
//! The rules are written for the valid case: on valid input none allocates, none uses a regex
//! (except [`pattern`]), and the text rules scan bytes once. The error is built only on failure,
//! out of line. No rule panics, whatever the input.
//!
//! ```
//! use pact_core::validation::rules;
//!
//! assert!(rules::email("ada@example.com").is_ok());
//! assert!(rules::length("Ada", Some(3), Some(20), None).is_ok());
//! assert!(rules::range(&17, Some(&18), None, None, None).is_err());
//!
//! let error = rules::length("héllo", None, Some(4), None).unwrap_err();
//! assert_eq!(error.code, "length");
//! assert_eq!(error.message, "must be at most 4 characters long");
//! assert_eq!(error.params["max"], 4);
//! ```
//!
//! | rule | code | params |
//! | --- | --- | --- |
//! | [`length`], [`length_bytes`] | `length` | `min`, `max`, `equal` (and `unit: "bytes"`) |
//! | [`range`] | `range` | `min`, `max`, `exclusive_min`, `exclusive_max` |
//! | [`non_empty`] | `non_empty` | |
//! | [`email`], [`url`], [`ip`], [`ipv4`], [`ipv6`], [`uuid`], [`credit_card`] | the rule's name | |
//! | [`ascii`], [`alphanumeric`] | the rule's name | |
//! | [`contains`], [`does_not_contain`] | the rule's name | `needle` |
//! | [`prefix`], [`suffix`] | the rule's name | `prefix`, `suffix` |
//! | [`pattern`] | `pattern` | `pattern` |
//! | [`one_of`] | `one_of` | `allowed` |
//! | [`must_match`] | `must_match` | `other` |
//! | [`required`] | `required` | |

mod card;
mod class;
mod compare;
mod email;
mod length;
mod net;
mod range;
mod string;
mod traits;
mod url;
mod uuid;

pub use card::credit_card;
pub use compare::{OptionLike, must_match, one_of, required};
pub use email::email;
pub use length::{length, length_bytes, length_with_messages, non_empty};
pub use net::{ip, ipv4, ipv6};
pub use range::{range, range_with_message};
pub use string::{
    alphanumeric, ascii, contains, does_not_contain, pattern, pattern_with_message, prefix, suffix,
};
pub use traits::{AsStr, HasLength, ToParam};
pub use url::url;

pub use crate::validation::pattern::Matcher;
pub use uuid::uuid;

use std::fmt::Write as _;

use serde_json::Value;

use super::RuleError;
use super::path::{decimal_len, push_decimal};

/// `Ok(())` when `valid`, otherwise a parameterless error built out of line.
#[inline]
fn check(valid: bool, code: &'static str, message: &'static str) -> Result<(), RuleError> {
    if valid {
        Ok(())
    } else {
        Err(fail(code, message))
    }
}

/// A violation with a fixed code and message: the failure path, kept out of the callers.
#[cold]
#[inline(never)]
fn fail(code: &'static str, message: &'static str) -> RuleError {
    RuleError::new(code, message)
}

/// Appends a param value as it reads inside a message: strings without their JSON quotes,
/// integers written directly, anything else as JSON.
fn push_shown(out: &mut String, value: &Value) {
    match value {
        Value::String(text) => out.push_str(text),
        Value::Number(number) if number.is_u64() || number.is_i64() => {
            if let Some(n) = number.as_u64() {
                push_decimal(out, n);
            } else if let Some(n) = number.as_i64() {
                out.push('-');
                push_decimal(out, n.unsigned_abs());
            }
        }
        other => {
            // Writing to a `String` cannot fail.
            let _ = write!(out, "{other}");
        }
    }
}

/// About how long [`push_shown`]'s text is: exact for strings and integers.
fn shown_len(value: &Value) -> usize {
    match value {
        Value::String(text) => text.len(),
        Value::Number(number) => match (number.as_u64(), number.as_i64()) {
            (Some(n), _) => decimal_len(n),
            (None, Some(n)) => decimal_len(n.unsigned_abs()) + 1,
            (None, None) => 24,
        },
        _ => 16,
    }
}
