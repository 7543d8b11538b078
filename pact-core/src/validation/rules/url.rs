//! `url`.

use std::net::Ipv6Addr;

use super::class::{COLON, PCHAR, QUESTION, SLASH, SUB_DELIM, UNRESERVED, is, scan_escaped};
use super::{AsStr, RuleError, check};

/// Checks that a string is an absolute URI in the syntax of RFC 3986 §3:
/// `scheme ":" hier-part [ "?" query ] [ "#" fragment ]`.
///
/// - `scheme` is `ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )`;
/// - every other character is one the grammar allows where it stands (unreserved,
///   sub-delims, `:` and `@` in paths, `/` and `?` in query and fragment), or a `%HH` escape
///   with two hexadecimal digits; spaces, non-ASCII characters, `<`, `>`, `"`, `\`, `^`, `{`,
///   `|`, `}` and backticks must be percent-encoded;
/// - when the hier-part starts with `//`, the authority `[ userinfo "@" ] host [ ":" port ]`
///   follows, where `host` is a reg-name (which covers dotted IPv4 addresses), an
///   `[IPv6]` literal (as [`Ipv6Addr`] parses) or an `[vX.…]` future literal.
///
/// Two deliberate restrictions of RFC 3986: the host after `//` must not be empty
/// (`file:///etc/hosts` fails; write `file:/etc/hosts` or `file://localhost/etc/hosts`), and
/// a port, when its `:` is present, is 1 to 5 digits of at most 65535.
///
/// The check is syntax only, and RFC 3986 accepts any scheme: `mailto:ada@example.com`,
/// `urn:isbn:0451450523` and `javascript:alert(1)` pass, and so does `localhost:8080`
/// (scheme `localhost`). Add [`prefix`](super::prefix)`("https://")` to require a web URL.
///
/// ```
/// use pact_core::validation::rules::url;
///
/// assert!(url("https://example.com/search?q=rust#top").is_ok());
/// assert!(url("http://[2001:db8::1]:8080/").is_ok());
/// assert!(url("mailto:ada@example.com").is_ok());
/// assert!(url("example.com").is_err()); // no scheme
/// assert!(url("https://example.com/a b").is_err()); // space
/// assert!(url("https://example.com/%zz").is_err()); // bad escape
///
/// let error = url("not a url").unwrap_err();
/// assert_eq!(error.code, "url");
/// assert_eq!(error.message, "must be a valid URL");
/// ```
///
/// # Errors
/// Code `url`, when the string is not an absolute URI as above.
#[inline]
pub fn url<T: AsStr + ?Sized>(value: &T) -> Result<(), RuleError> {
    check(
        is_uri(value.as_str().as_bytes()),
        "url",
        "must be a valid URL",
    )
}

/// `userinfo = *( unreserved / pct-encoded / sub-delims / ":" )`.
const USERINFO: u16 = UNRESERVED | SUB_DELIM | COLON;
/// `reg-name = *( unreserved / pct-encoded / sub-delims )`.
const REG_NAME: u16 = UNRESERVED | SUB_DELIM;
/// A path: segments of `pchar` and the `/` between them.
const PATH: u16 = PCHAR | SLASH;
/// `query` and `fragment`: `*( pchar / "/" / "?" )`.
const QUERY: u16 = PCHAR | SLASH | QUESTION;

#[inline]
fn is_uri(uri: &[u8]) -> bool {
    let Some(colon) = uri.iter().position(|&byte| byte == b':') else {
        return false;
    };
    let (scheme, rest) = uri.split_at(colon);
    let Some((_, rest)) = rest.split_first() else {
        return false;
    };
    if !is_scheme(scheme) {
        return false;
    }
    let (rest, fragment) = split_at_first(rest, b'#');
    let (hier_part, query) = split_at_first(rest, b'?');
    if !fragment.is_none_or(|fragment| scan_escaped(fragment, QUERY))
        || !query.is_none_or(|query| scan_escaped(query, QUERY))
    {
        return false;
    }
    match hier_part.strip_prefix(b"//") {
        // "//" authority path-abempty
        Some(after) => {
            let end = after
                .iter()
                .position(|&byte| byte == b'/')
                .unwrap_or(after.len());
            let (authority, path) = after.split_at(end);
            is_authority(authority) && scan_escaped(path, PATH)
        }
        // path-absolute / path-rootless / path-empty: any run of `pchar` and `/` that does
        // not start with `//` is one of them.
        None => scan_escaped(hier_part, PATH),
    }
}

/// The bytes before the first `delimiter`, and those after it if there is one.
#[inline]
fn split_at_first(bytes: &[u8], delimiter: u8) -> (&[u8], Option<&[u8]>) {
    match bytes.iter().position(|&byte| byte == delimiter) {
        Some(at) => {
            let (before, after) = bytes.split_at(at);
            (before, after.get(1..))
        }
        None => (bytes, None),
    }
}

/// `ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )`.
#[inline]
fn is_scheme(scheme: &[u8]) -> bool {
    match scheme.split_first() {
        Some((first, rest)) => {
            first.is_ascii_alphabetic()
                && rest
                    .iter()
                    .all(|&byte| byte.is_ascii_alphanumeric() || matches!(byte, b'+' | b'-' | b'.'))
        }
        None => false,
    }
}

/// `[ userinfo "@" ] host [ ":" port ]`, with a non-empty host.
#[inline]
fn is_authority(authority: &[u8]) -> bool {
    // Neither userinfo nor host may hold an `@`: the first one ends the userinfo.
    let (userinfo, host_port) = match split_at_first(authority, b'@') {
        (userinfo, Some(host_port)) => (Some(userinfo), host_port),
        (host_port, None) => (None, host_port),
    };
    if !userinfo.is_none_or(|userinfo| scan_escaped(userinfo, USERINFO)) {
        return false;
    }
    if let Some(literal) = host_port.strip_prefix(b"[") {
        let (inside, after) = split_at_first(literal, b']');
        let Some(after) = after else {
            return false;
        };
        return is_ip_literal(inside)
            && match after.split_first() {
                None => true,
                Some((b':', port)) => is_port(port),
                Some(_) => false,
            };
    }
    // A reg-name holds no `:`, so the last one starts the port.
    let (host, port) = match host_port.iter().rposition(|&byte| byte == b':') {
        Some(at) => {
            let (host, port) = host_port.split_at(at);
            (host, port.get(1..))
        }
        None => (host_port, None),
    };
    !host.is_empty() && scan_escaped(host, REG_NAME) && port.is_none_or(is_port)
}

/// `IPv6address / IPvFuture`, the inside of `[...]`.
#[inline]
fn is_ip_literal(inside: &[u8]) -> bool {
    match inside.split_first() {
        // IPvFuture = "v" 1*HEXDIG "." 1*( unreserved / sub-delims / ":" )
        Some((b'v' | b'V', rest)) => {
            let (version, address) = split_at_first(rest, b'.');
            !version.is_empty()
                && version.iter().all(u8::is_ascii_hexdigit)
                && address.is_some_and(|address| {
                    !address.is_empty()
                        && address
                            .iter()
                            .all(|&byte| is(byte, UNRESERVED | SUB_DELIM | COLON))
                })
        }
        _ => std::str::from_utf8(inside).is_ok_and(|text| text.parse::<Ipv6Addr>().is_ok()),
    }
}

/// 1 to 5 digits, at most 65535.
#[inline]
fn is_port(port: &[u8]) -> bool {
    (1..=5).contains(&port.len())
        && port.iter().all(u8::is_ascii_digit)
        && port
            .iter()
            .fold(0_u32, |value, &digit| value * 10 + u32::from(digit - b'0'))
            <= 65_535
}
