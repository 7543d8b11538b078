//! The rules of `header(...)`: names pact or the server own, values that could never be sent,
//! `Retry-After`'s form, and what a 5xx may show (`public`).

use darling::Error;
use darling::error::Accumulator;
use syn::LitStr;

use super::ast::Text;
use super::attr::HeaderAttr;
use crate::internals::fmt;
use crate::internals::span::At;

/// Checks a header name and returns it in lower case.
pub(super) fn header_name(lit: &LitStr, errors: &mut Accumulator) -> Option<String> {
    let name = lit.value();
    let is_token = !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b));
    if !is_token {
        errors.push(
            Error::custom(format!(
                "`{name}` is not a valid header name; use letters, digits and `-`, as in \"Retry-After\""
            ))
            .with_span(lit),
        );
        return None;
    }
    let lower = name.to_ascii_lowercase();
    if matches!(lower.as_str(), "content-type" | "content-length") {
        errors.push(
            Error::custom(format!(
                "`{name}` is set by pact for every problem response (`application/problem+json`); remove this header"
            ))
            .with_span(lit),
        );
        return None;
    }
    // RFC 9110 7.6.1 and RFC 9113 8.2.2: connection-specific fields belong to the server, and
    // HTTP/2 and HTTP/3 forbid them in a response.
    if matches!(
        lower.as_str(),
        "connection"
            | "keep-alive"
            | "proxy-connection"
            | "te"
            | "trailer"
            | "transfer-encoding"
            | "upgrade"
    ) {
        errors.push(
            Error::custom(format!(
                "`{name}` is a connection-specific header that the server manages (and HTTP/2 forbids); remove this header"
            ))
            .with_span(lit),
        );
        return None;
    }
    Some(lower)
}

/// A 5xx answer must not hand internals to the client: its body is masked, so a header that
/// shows a field needs `public`, the user's word that the value is safe for clients.
/// `Retry-After` needs no `public`: its value must be one field alone, and at run time only a
/// number of seconds or an HTTP date is sent (see `__private::insert_retry_after`).
pub(super) fn check_exposure(
    name: &str,
    attr: &HeaderAttr,
    value: &Text,
    status: u16,
    errors: &mut Accumulator,
) {
    let server_error = (500..=599).contains(&status);
    let needs_public = server_error && !value.is_static() && name != RETRY_AFTER;
    match attr.public {
        None if needs_public => errors.push(
            Error::custom(format!(
                "a {status} answer must not show internals, and this header shows a field; if the \
                 value is safe for clients, say so with `header(\"{}\", \"...\", public)`, \
                 or make the value static",
                attr.name.value()
            ))
            .with_span(&attr.value),
        ),
        Some(span) if !needs_public => {
            let why = if value.is_static() {
                "this header shows no field".to_owned()
            } else if name == RETRY_AFTER {
                "`Retry-After` is only ever sent as a number of seconds or an HTTP date".to_owned()
            } else {
                format!("a {status} answer may show fields in headers")
            };
            errors.push(
                Error::custom(format!(
                    "`public` changes nothing here: {why}; remove `public`"
                ))
                .with_span(&At(span)),
            );
        }
        _ => {}
    }
}

const RETRY_AFTER: &str = "retry-after";

/// `Retry-After` is a number of seconds or an HTTP date (RFC 9110 10.2.3): a static value must
/// be one, and a value from a field must be that field alone, so that what reaches the client
/// is the field's own text, checked at run time.
pub(super) fn check_retry_after(
    name: &str,
    lit: &LitStr,
    placeholders: &[fmt::Placeholder],
    errors: &mut Accumulator,
) {
    if name != RETRY_AFTER {
        return;
    }
    let value = lit.value();
    let problem = match placeholders {
        [] if !is_delay_seconds(&value) && httpdate::parse_http_date(&value).is_err() => Some(
            format!("`Retry-After` must be a number of seconds or an HTTP date, not {value:?}"),
        ),
        [] => None,
        [only] if only.spec.is_empty() && only.range_is_whole(&value) => None,
        _ => Some(
            "`Retry-After` from a field must show that field alone, as in \"{retry_after_secs}\": \
             the header is a number of seconds or an HTTP date"
                .to_owned(),
        ),
    };
    if let Some(problem) = problem {
        errors.push(Error::custom(problem).with_span(lit));
    }
}

fn is_delay_seconds(value: &str) -> bool {
    !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit())
}

/// The written part of a header value must be visible ASCII; what fields add is checked at
/// run time (an invalid value is left out and logged).
/// An empty value, or one whose field is shown with `{:#?}` (which prints line breaks), would
/// never be a useful header either.
pub(super) fn check_header_value(lit: &LitStr, errors: &mut Accumulator) {
    let value = lit.value();
    let problem = if value.trim().is_empty() {
        Some("a header value is empty; give it a value, or remove the header")
    } else if !value
        .bytes()
        .all(|b| b == b'\t' || (0x20..0x7f).contains(&b))
    {
        Some("a header value must be visible ASCII (no line breaks, no non-ASCII characters)")
    } else if fmt::parse(&value).is_ok_and(|placeholders| {
        placeholders
            .iter()
            .any(|p| p.is_debug() && p.spec.contains('#'))
    }) {
        Some("`{:#?}` prints line breaks, which a header value cannot hold; use `{:?}` or `{}`")
    } else {
        None
    };
    if let Some(problem) = problem {
        errors.push(Error::custom(problem).with_span(lit));
    }
}
