//! `uuid`.

use super::{AsStr, RuleError, check};

/// Checks that a string is a UUID in the hyphenated form of RFC 9562 §4:
/// `8-4-4-4-12` hexadecimal digits, either case, such as
/// `f81d4fae-7dec-11d0-a765-00a0c91e6bf6`.
///
/// Any version and variant passes, including the Nil and Max UUIDs; braces, the `urn:uuid:`
/// prefix and the unhyphenated 32-digit form do not.
///
/// ```
/// use pact_core::validation::rules::uuid;
///
/// assert!(uuid("f81d4fae-7dec-11d0-a765-00a0c91e6bf6").is_ok());
/// assert!(uuid("F81D4FAE-7DEC-11D0-A765-00A0C91E6BF6").is_ok());
/// assert!(uuid("f81d4fae7dec11d0a76500a0c91e6bf6").is_err());
/// assert_eq!(uuid("not-a-uuid").unwrap_err().code, "uuid");
/// ```
///
/// # Errors
/// Code `uuid`, when the string is not a hyphenated UUID.
#[inline]
pub fn uuid<T: AsStr + ?Sized>(value: &T) -> Result<(), RuleError> {
    check(
        is_uuid(value.as_str().as_bytes()),
        "uuid",
        "must be a valid UUID",
    )
}

#[inline]
fn is_uuid(text: &[u8]) -> bool {
    let Ok(text) = <&[u8; 36]>::try_from(text) else {
        return false;
    };
    text.iter().enumerate().all(|(index, byte)| match index {
        8 | 13 | 18 | 23 => *byte == b'-',
        _ => byte.is_ascii_hexdigit(),
    })
}
