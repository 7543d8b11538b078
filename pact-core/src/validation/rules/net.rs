//! `ip`, `ipv4` and `ipv6`.

use std::net::{Ipv4Addr, Ipv6Addr};

use super::{AsStr, RuleError, check};

/// Checks that a string is an IPv4 or IPv6 address, in the syntax of [`std::net::IpAddr`]'s
/// parser: see [`ipv4`] and [`ipv6`].
///
/// ```
/// use pact_core::validation::rules::ip;
///
/// assert!(ip("192.0.2.1").is_ok());
/// assert!(ip("2001:db8::1").is_ok());
/// assert_eq!(ip("example.com").unwrap_err().code, "ip");
/// ```
///
/// # Errors
/// Code `ip`, when the string is neither address.
#[inline]
pub fn ip<T: AsStr + ?Sized>(value: &T) -> Result<(), RuleError> {
    check(is_ip(value.as_str()), "ip", "must be a valid IP address")
}

/// As `str::parse::<IpAddr>` (IPv4, then IPv6), without the IPv6 parse where it cannot
/// succeed: IPv6 text always holds a `:`.
#[inline]
fn is_ip(text: &str) -> bool {
    text.parse::<Ipv4Addr>().is_ok()
        || (text.bytes().any(|byte| byte == b':') && text.parse::<Ipv6Addr>().is_ok())
}

/// Checks that a string is an IPv4 address in dotted-decimal form: four decimal numbers of
/// 0 to 255, without leading zeros (which some parsers read as octal), as [`Ipv4Addr`] parses.
///
/// ```
/// use pact_core::validation::rules::ipv4;
///
/// assert!(ipv4("192.0.2.1").is_ok());
/// assert!(ipv4("192.0.2.256").is_err());
/// assert!(ipv4("192.0.2.01").is_err());
/// assert_eq!(ipv4("::1").unwrap_err().code, "ipv4");
/// ```
///
/// # Errors
/// Code `ipv4`, when the string is not an IPv4 address.
#[inline]
pub fn ipv4<T: AsStr + ?Sized>(value: &T) -> Result<(), RuleError> {
    check(
        value.as_str().parse::<Ipv4Addr>().is_ok(),
        "ipv4",
        "must be a valid IPv4 address",
    )
}

/// Checks that a string is an IPv6 address in the text forms of RFC 4291 §2.2 (including `::`
/// compression and a trailing dotted IPv4 part), as [`Ipv6Addr`] parses; no brackets, no zone
/// index (`%eth0`).
///
/// ```
/// use pact_core::validation::rules::ipv6;
///
/// assert!(ipv6("::1").is_ok());
/// assert!(ipv6("::ffff:192.0.2.1").is_ok());
/// assert!(ipv6("[::1]").is_err());
/// assert_eq!(ipv6("192.0.2.1").unwrap_err().code, "ipv6");
/// ```
///
/// # Errors
/// Code `ipv6`, when the string is not an IPv6 address.
#[inline]
pub fn ipv6<T: AsStr + ?Sized>(value: &T) -> Result<(), RuleError> {
    check(
        value.as_str().parse::<Ipv6Addr>().is_ok(),
        "ipv6",
        "must be a valid IPv6 address",
    )
}
