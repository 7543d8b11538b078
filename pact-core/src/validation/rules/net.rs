//! `ip`, `ipv4` and `ipv6`.

use std::net::Ipv6Addr;

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
    is_ipv4(text.as_bytes())
        || (text.bytes().any(|byte| byte == b':') && text.parse::<Ipv6Addr>().is_ok())
}

/// What `str::parse::<Ipv4Addr>` accepts, in one pass over the bytes: four numbers of one to
/// three decimal digits, each at most 255 and without a leading zero (`0` itself is one),
/// separated by three dots, and nothing else.
#[inline]
fn is_ipv4(text: &[u8]) -> bool {
    let Some(mut at) = octet(text, 0) else {
        return false;
    };
    for _ in 0..3 {
        if text.get(at) != Some(&b'.') {
            return false;
        }
        match octet(text, at + 1) {
            Some(end) => at = end,
            None => return false,
        }
    }
    at == text.len()
}

/// Where the number starting at `text[at]` ends: one to three digits, at most 255, with no
/// leading zero, and no digit after them.
#[inline]
fn octet(text: &[u8], at: usize) -> Option<usize> {
    let digit = |at: usize| {
        text.get(at)
            .filter(|byte| byte.is_ascii_digit())
            .map(|byte| u32::from(byte - b'0'))
    };
    let first = digit(at)?;
    let Some(second) = digit(at + 1) else {
        return Some(at + 1);
    };
    if first == 0 {
        return None;
    }
    let Some(third) = digit(at + 2) else {
        return Some(at + 2);
    };
    (digit(at + 3).is_none() && first * 100 + second * 10 + third <= 255).then_some(at + 3)
}

/// Checks that a string is an IPv4 address in dotted-decimal form: four decimal numbers of
/// 0 to 255, without leading zeros (which some parsers read as octal), as [`Ipv4Addr`](std::net::Ipv4Addr) parses.
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
        is_ipv4(value.as_str().as_bytes()),
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

#[cfg(test)]
mod tests {
    use std::net::Ipv4Addr;

    use proptest::prelude::*;

    use super::is_ipv4;

    fn std_ipv4(text: &str) -> bool {
        text.parse::<Ipv4Addr>().is_ok()
    }

    #[test]
    fn ipv4_accepts_what_the_standard_parser_accepts() {
        for text in [
            "0.0.0.0",
            "255.255.255.255",
            "192.0.2.1",
            "1.2.3.4",
            "01.2.3.4",
            "1.2.3.04",
            "1.2.3.00",
            "1.2.3.256",
            "1.2.3.999",
            "1.2.3.1000",
            "1.2.3",
            "1.2.3.4.",
            ".1.2.3.4",
            "1..2.3",
            "1.2.3.4.5",
            "",
            "1.2.3.-4",
            "1.2.3.+4",
            "1.2.3.4 ",
            " 1.2.3.4",
            "0001.2.3.4",
            "1.2.3.0x1",
            "::1",
            "1.2.3.4:80",
            "255.255.255.2550",
            "1.2.3.\u{0660}",
        ] {
            assert_eq!(is_ipv4(text.as_bytes()), std_ipv4(text), "{text:?}");
        }
    }

    #[test]
    fn ipv4_agrees_with_the_standard_parser_on_every_short_text_of_digits_and_dots() {
        // Every text of up to 7 bytes over `0`, `1`, `2`, `5`, `9` and `.`.
        let alphabet = b"01259.";
        let mut texts = vec![Vec::new()];
        for _ in 0..7 {
            let mut longer = Vec::new();
            for text in &texts {
                for &byte in alphabet {
                    let mut next: Vec<u8> = text.clone();
                    next.push(byte);
                    longer.push(next);
                }
            }
            for text in &longer {
                let text = std::str::from_utf8(text).unwrap();
                assert_eq!(is_ipv4(text.as_bytes()), std_ipv4(text), "{text:?}");
            }
            texts = longer;
        }
    }

    proptest! {
        #[test]
        fn ipv4_agrees_with_the_standard_parser(text in "[0-9.]{0,17}|[0-9]{1,4}\\.[0-9]{1,4}\\.[0-9]{1,4}\\.[0-9]{1,4}") {
            prop_assert_eq!(is_ipv4(text.as_bytes()), std_ipv4(&text));
        }
    }
}
