//! `email`.

use super::class::{ATEXT, is};
use super::{AsStr, RuleError, check};

/// Checks that a string is an e-mail address.
///
/// The syntax is exactly the WHATWG HTML Living Standard's "valid e-mail address" (what
/// browsers enforce for `<input type="email">`), and the lengths are RFC 5321's, which WHATWG
/// does not state:
///
/// - exactly one `@`;
/// - the local part is 1 to 64 octets (RFC 5321 §4.5.3.1.1) of ASCII letters, digits,
///   ``!#$%&'*+-/=?^_`{|}~`` and dots, anywhere and in any number: `.ada@example.com` and
///   `ada..lovelace@example.com` pass, as in WHATWG (RFC 5322's stricter `dot-atom` would
///   refuse them, but mail systems accept them in practice);
/// - the domain is one or more labels separated by dots, each 1 to 63 ASCII letters, digits
///   and hyphens, neither starting nor ending with a hyphen; a single label (`ada@localhost`)
///   passes; an empty label (`ada@example..com`, a trailing dot) does not;
/// - the whole address is at most 254 octets (RFC 5321's 256-octet path, less the angle
///   brackets).
///
/// Not accepted, as in WHATWG: quoted local parts (`"a b"@example.com`), comments, address
/// literals (`ada@[192.0.2.1]`), and non-ASCII characters anywhere (convert an
/// internationalized domain to its `xn--` form before validating). The check is syntax only:
/// it does not look the domain up.
///
/// ```
/// use pact_core::validation::rules::email;
///
/// assert!(email("ada@example.com").is_ok());
/// assert!(email("ada.lovelace+newsletter@mail.example.co.uk").is_ok());
/// assert!(email("ada..lovelace@example.com").is_ok()); // WHATWG allows any dots
/// assert!(email("ada@example..com").is_err());
/// assert!(email("ada@[192.0.2.1]").is_err());
///
/// let error = email("ada at example.com").unwrap_err();
/// assert_eq!(error.code, "email");
/// assert_eq!(error.message, "must be a valid email address");
/// ```
///
/// # Errors
/// Code `email`, when the string is not an address of the syntax above.
#[inline]
pub fn email<T: AsStr + ?Sized>(value: &T) -> Result<(), RuleError> {
    check(
        is_email(value.as_str().as_bytes()),
        "email",
        "must be a valid email address",
    )
}

/// The whole address, in bytes.
const MAX_ADDRESS: usize = 254;
/// The local part, in bytes.
const MAX_LOCAL: usize = 64;
/// A domain label, in bytes.
const MAX_LABEL: usize = 63;

#[inline]
fn is_email(address: &[u8]) -> bool {
    if address.len() > MAX_ADDRESS {
        return false;
    }
    let Some(at) = address.iter().position(|&byte| byte == b'@') else {
        return false;
    };
    let (local, domain) = address.split_at(at);
    match domain.split_first() {
        Some((_, domain)) => is_local_part(local) && is_domain(domain),
        None => false,
    }
}

/// WHATWG: `1*( atext / "." )`, at most 64 bytes (RFC 5321).
#[inline]
fn is_local_part(local: &[u8]) -> bool {
    !local.is_empty()
        && local.len() <= MAX_LOCAL
        && local.iter().all(|&byte| byte == b'.' || is(byte, ATEXT))
}

/// WHATWG: `label *("." label)`, `label = let-dig [[ldh-str] let-dig]`, at most 63 bytes.
#[inline]
fn is_domain(domain: &[u8]) -> bool {
    domain.split(|&byte| byte == b'.').all(is_label)
}

#[inline]
fn is_label(label: &[u8]) -> bool {
    match (label.first(), label.last()) {
        (Some(first), Some(last)) => {
            label.len() <= MAX_LABEL
                && first.is_ascii_alphanumeric()
                && last.is_ascii_alphanumeric()
                && label
                    .iter()
                    .all(|&byte| byte.is_ascii_alphanumeric() || byte == b'-')
        }
        _ => false,
    }
}
