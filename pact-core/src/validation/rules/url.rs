//! `url`.

use std::net::Ipv6Addr;

use super::class::{COLON, PCHAR, QUESTION, SCHEME, SLASH, SUB_DELIM, UNRESERVED, is, scan};
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
/// The host after `//` may be empty, as RFC 3986 allows (`file:///etc/hosts`), except in
/// `http`, `https`, `ws` and `wss` URIs, which RFC 9110 §4.2 and RFC 6455 §3 require to
/// name a host: `https:///path` and `https://` fail. One deliberate restriction of RFC 3986:
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
/// assert!(url("file:///etc/hosts").is_ok()); // an empty host
/// assert!(url("https:///etc/hosts").is_err()); // http(s) needs a host
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

/// `reg-name = *( unreserved / pct-encoded / sub-delims )`; with `:`, `userinfo`.
const REG_NAME: u16 = UNRESERVED | SUB_DELIM;
/// A path: segments of `pchar` and the `/` between them.
const PATH: u16 = PCHAR | SLASH;
/// `query` and `fragment`: `*( pchar / "/" / "?" )`.
const QUERY: u16 = PCHAR | SLASH | QUESTION;

/// One pass from left to right: each part ends at the first byte it cannot hold, which must
/// be the delimiter that starts the next part.
#[inline]
fn is_uri(uri: &[u8]) -> bool {
    // scheme ":"
    if !uri.first().is_some_and(u8::is_ascii_alphabetic) {
        return false;
    }
    let mut at = 1;
    while uri.get(at).is_some_and(|&byte| is(byte, SCHEME)) {
        at += 1;
    }
    if uri.get(at) != Some(&b':') {
        return false;
    }
    let scheme = &uri[..at];
    at += 1;
    // "//" authority path-abempty / path-absolute / path-rootless / path-empty: any run of
    // `pchar` and `/` after the authority, or not starting with `//`, is one of them.
    if uri.get(at..).is_some_and(|rest| rest.starts_with(b"//")) {
        match authority(uri, at + 2) {
            Some((_, true)) if needs_host(scheme) => return false,
            Some((end, _)) => at = end,
            None => return false,
        }
    }
    let Some(end) = scan(uri, at, PATH) else {
        return false;
    };
    at = end;
    // [ "?" query ] [ "#" fragment ]
    for delimiter in [b'?', b'#'] {
        if uri.get(at) == Some(&delimiter) {
            match scan(uri, at + 1, QUERY) {
                Some(end) => at = end,
                None => return false,
            }
        }
    }
    at == uri.len()
}

/// The schemes whose authority must name a host (RFC 9110 §4.2.1-2, RFC 6455 §3).
#[inline]
fn needs_host(scheme: &[u8]) -> bool {
    [&b"http"[..], b"https", b"ws", b"wss"]
        .iter()
        .any(|name| scheme.eq_ignore_ascii_case(name))
}

/// Whether `byte` (or the end, `None`) ends an authority.
#[inline]
fn ends_authority(byte: Option<&u8>) -> bool {
    matches!(byte, None | Some(b'/' | b'?' | b'#'))
}

/// `[ userinfo "@" ] host [ ":" port ]` from `start`: where it ends (at a `/`, `?` or `#`,
/// or the end) and whether its host is empty, if it is one.
#[inline]
fn authority(uri: &[u8], start: usize) -> Option<(usize, bool)> {
    let mut at = start;
    // Where the host starts: after the first `@`, the end of the userinfo, if there is one.
    // Neither userinfo nor host may hold another `@`.
    let mut host = start;
    // The first `:` since `host`, and whether there is another: a reg-name holds none, so one
    // starts the port, and two are an error unless an `@` follows (in the userinfo).
    let mut colon = None;
    let mut colons = false;
    loop {
        if at == host && uri.get(at) == Some(&b'[') {
            return ip_literal(uri, at + 1).map(|end| (end, false));
        }
        at = scan(uri, at, REG_NAME)?;
        match uri.get(at) {
            Some(b':') => {
                colons = colon.is_some();
                colon = colon.or(Some(at));
                at += 1;
            }
            Some(b'@') if host == start => {
                at += 1;
                host = at;
                colon = None;
                colons = false;
            }
            _ => break,
        }
    }
    if !ends_authority(uri.get(at)) || colons {
        return None;
    }
    let (host_end, port) = match colon {
        Some(colon) => (colon, uri.get(colon + 1..at)),
        None => (at, None),
    };
    port.is_none_or(is_port).then_some((at, host_end == host))
}

/// `"[" ( IPv6address / IPvFuture ) "]" [ ":" port ]`, from just after the `[`: where the
/// authority ends, if it is one.
#[inline]
fn ip_literal(uri: &[u8], start: usize) -> Option<usize> {
    let inside = uri.get(start..)?;
    let close = start
        + inside
            .iter()
            .position(|&byte| matches!(byte, b']' | b'/' | b'?' | b'#'))?;
    if uri.get(close) != Some(&b']') || !is_ip_literal(uri.get(start..close)?) {
        return None;
    }
    let mut at = close + 1;
    if uri.get(at) == Some(&b':') {
        let port = at + 1;
        at = port;
        while uri.get(at).is_some_and(u8::is_ascii_digit) {
            at += 1;
        }
        if !is_port(uri.get(port..at)?) {
            return None;
        }
    }
    ends_authority(uri.get(at)).then_some(at)
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
