//! From attributes as written to the checked model: every rule of `#[api(...)]` lives here.
//! Every violation is collected, not just the first, and spanned on the user's tokens; a part
//! that fails to parse is left out of later checks, so one mistake is reported once.

use darling::error::Accumulator;
use darling::{Error, FromDeriveInput, FromVariant};
use proc_macro2::Span;
use quote::format_ident;
use syn::{DeriveInput, Ident, LitStr, Member};

use super::ast::{FieldUse, Header, Input, Kind, Response, Shape, Text, Variant};
use super::attr::{ContainerAttrs, FieldAttrs, HeaderAttr, Keys, VariantAttrs};
use super::headers::{check_exposure, check_header_value, check_retry_after, header_name};
use crate::internals::fmt::{self, ArgRef};
use crate::internals::span::At;
use crate::internals::{case, crate_path, suggest};

/// What an enum gives its variants, each part already checked.
struct Defaults<'a> {
    /// False when the enum's own `#[api]` failed to parse or is misused: then a variant
    /// without a status is not reported, since the enum may have meant to give one.
    known: bool,
    status: Option<(u16, Span)>,
    /// Unescaped (`{{` -> `{`).
    title: Option<LitStr>,
    type_uri: Option<&'a LitStr>,
    headers: Vec<Header>,
}

pub fn check(input: &DeriveInput) -> darling::Result<Input<'_>> {
    if let syn::Data::Union(data) = &input.data {
        return Err(Error::custom(
            "ApiError cannot be derived for a union; use an enum with one variant per error, or a struct",
        )
        .with_span(&data.union_token));
    }
    let mut errors = Error::accumulator();
    check_bare_attrs(&input.attrs, &mut errors);
    let container = errors.handle(ContainerAttrs::from_derive_input(input));

    let shape = match &input.data {
        syn::Data::Enum(data) => {
            let defaults = enum_defaults(container.as_ref(), &mut errors);
            let mut variants = Vec::new();
            for variant in &data.variants {
                check_bare_attrs(&variant.attrs, &mut errors);
                let Some(attrs) = errors.handle(VariantAttrs::from_variant(variant)) else {
                    continue;
                };
                let name = &variant.ident;
                let kind = kind(
                    name,
                    &attrs.fields.fields,
                    &attrs.keys,
                    Some(&defaults),
                    &mut errors,
                );
                variants.push(Variant {
                    ident: Some(name.clone()),
                    kind,
                });
            }
            Some(Shape::Enum(variants))
        }
        _ => container.as_ref().and_then(|attrs| match &attrs.data {
            darling::ast::Data::Struct(fields) => {
                let kind = kind(&input.ident, &fields.fields, &attrs.keys, None, &mut errors);
                Some(Shape::Struct(Box::new(Variant { ident: None, kind })))
            }
            darling::ast::Data::Enum(_) => None,
        }),
    };
    errors.finish()?;
    let (Some(container), Some(shape)) = (container, shape) else {
        return Err(Error::custom("invalid `#[api]` attributes"));
    };
    Ok(Input {
        ident: &input.ident,
        generics: &input.generics,
        krate: crate_path::or_default(container.krate.map(|k| k.0)),
        shape,
    })
}

/// A bare `#[api]` or an empty `#[api()]` says nothing; darling would accept both silently.
fn check_bare_attrs(attrs: &[syn::Attribute], errors: &mut Accumulator) {
    for attr in attrs.iter().filter(|attr| attr.path().is_ident("api")) {
        match &attr.meta {
            syn::Meta::Path(path) => errors.push(
                Error::custom("`#[api]` without keys does nothing; add keys, as in `#[api(status = 404)]`, or remove it")
                    .with_span(path),
            ),
            syn::Meta::List(list) if list.tokens.is_empty() => errors.push(
                Error::custom("`#[api()]` is empty and does nothing; add keys, as in `#[api(status = 404)]`, or remove it")
                    .with_span(&At(list.delimiter.span().join())),
            ),
            _ => {}
        }
    }
}

/// Checks the enum's own keys once: those that cannot be defaults are errors, the others are
/// validated here so that no variant reports them again.
fn enum_defaults<'a>(
    container: Option<&'a ContainerAttrs>,
    errors: &mut Accumulator,
) -> Defaults<'a> {
    let Some(keys) = container.map(|c| &c.keys) else {
        return Defaults {
            known: false,
            status: None,
            title: None,
            type_uri: None,
            headers: Vec::new(),
        };
    };
    if let Some(code) = &keys.code {
        errors.push(
            Error::custom(
                "`code` on an enum would give every variant the same code; put `code` on the variants \
                 (the default is the variant name in snake_case)",
            )
            .with_span(&code.0),
        );
    }
    if let Some(message) = &keys.message {
        errors.push(
            Error::custom(
                "`message` on an enum applies to no variant; put it on the variants that need it",
            )
            .with_span(&message.0),
        );
    }
    if let Some(word) = &keys.transparent {
        errors.push(
            Error::custom("`transparent` goes on an enum variant with one field, not on the enum")
                .with_span(&At(word.0)),
        );
    }
    let title = check_title(keys.title.as_ref().map(|t| &t.0), errors);
    let type_uri = keys.type_uri.as_ref().map(|t| &t.0);
    check_type_uri(type_uri, errors);

    let mut headers: Vec<Header> = Vec::new();
    for attr in &keys.headers {
        let Some(name) = header_name(&attr.name, errors) else {
            continue;
        };
        if let Some(span) = attr.public {
            errors.push(
                Error::custom("`public` changes nothing here: a header on the enum shows no fields; remove `public`")
                    .with_span(&At(span)),
            );
        }
        if headers.iter().any(|h| h.name == name) {
            errors.push(
                Error::custom(format!(
                    "duplicate header `{}` on the enum",
                    attr.name.value()
                ))
                .with_span(&attr.name),
            );
            continue;
        }
        check_header_value(&attr.value, errors);
        match fmt::parse(&attr.value.value()) {
            Ok(placeholders) if placeholders.is_empty() => {
                check_retry_after(&name, &attr.value, &placeholders, errors);
                let value = LitStr::new(&fmt::unescape(&attr.value.value()), attr.value.span());
                headers.push(Header { name, value: Text { lit: value, fields: Vec::new() } });
            }
            Ok(_) => errors.push(
                Error::custom("a header on the enum applies to every variant and cannot show fields; move it to the variants")
                    .with_span(&attr.value),
            ),
            Err(message) => errors.push(Error::custom(message).with_span(&attr.value)),
        }
    }
    Defaults {
        known: keys.transparent.is_none(),
        status: keys.status.as_ref().map(|s| (s.code, s.span)),
        title,
        type_uri,
        headers,
    }
}

/// Checks one variant (or the struct itself) against its own keys and the enum's defaults.
fn kind(
    name: &Ident,
    fields: &[FieldAttrs],
    keys: &Keys,
    defaults: Option<&Defaults<'_>>,
    errors: &mut Accumulator,
) -> Kind {
    for attr in fields.iter().flat_map(|field| &field.attrs) {
        errors.push(
            Error::custom("`#[api]` goes on the variant or the type, not on a field")
                .with_span(attr),
        );
    }
    match &keys.transparent {
        Some(word) => transparent(name, fields, keys, word.0, errors),
        None => Kind::Explicit(Box::new(response(name, fields, keys, defaults, errors))),
    }
}

fn transparent(
    name: &Ident,
    fields: &[FieldAttrs],
    keys: &Keys,
    span: Span,
    errors: &mut Accumulator,
) -> Kind {
    let conflicts: [(&str, Option<Span>); 6] = [
        ("status", keys.status.as_ref().map(|s| s.span)),
        ("code", keys.code.as_ref().map(|s| s.0.span())),
        ("message", keys.message.as_ref().map(|s| s.0.span())),
        ("title", keys.title.as_ref().map(|s| s.0.span())),
        ("type", keys.type_uri.as_ref().map(|s| s.0.span())),
        ("header", keys.headers.first().map(|h| h.name.span())),
    ];
    for (key, key_span) in conflicts {
        if let Some(key_span) = key_span {
            errors.push(
                Error::custom(format!(
                    "`{key}` cannot be combined with `transparent`: the inner error provides it; remove `{key}`"
                ))
                .with_span(&At(key_span)),
            );
        }
    }
    if fields.len() != 1 {
        errors.push(
            Error::custom(format!(
                "`transparent` needs exactly one field, the inner ApiError; `{name}` has {}",
                fields.len()
            ))
            .with_span(&At(span)),
        );
    }
    let (member, ty) = match fields.first() {
        Some(field) => (member(field, 0, span), field.ty.clone()),
        None => (Member::Unnamed(0.into()), syn::parse_quote!(())),
    };
    Kind::Transparent {
        member,
        ty: Box::new(ty),
    }
}

fn response(
    name: &Ident,
    fields: &[FieldAttrs],
    keys: &Keys,
    defaults: Option<&Defaults<'_>>,
    errors: &mut Accumulator,
) -> Response {
    let (status, status_span) = status_of(name, keys, defaults, errors);
    let title = check_title(keys.title.as_ref().map(|t| &t.0), errors);
    let type_uri = keys.type_uri.as_ref().map(|t| &t.0);
    check_type_uri(type_uri, errors);
    Response {
        status,
        status_span,
        code: code_of(name, keys, errors),
        message: message_of(name, fields, keys, status, errors),
        title: title.or_else(|| defaults.and_then(|d| d.title.clone())),
        type_uri: type_uri.or(defaults.and_then(|d| d.type_uri)).cloned(),
        headers: headers_of(name, fields, &keys.headers, status, defaults, errors),
    }
}

fn status_of(
    name: &Ident,
    keys: &Keys,
    defaults: Option<&Defaults<'_>>,
    errors: &mut Accumulator,
) -> (u16, Span) {
    if let Some(status) = &keys.status {
        return (status.code, status.span);
    }
    if let Some(status) = defaults.and_then(|d| d.status) {
        return status;
    }
    if defaults.is_none_or(|d| d.known) {
        let hint = if defaults.is_some() {
            format!(
                "add `#[api(status = 404)]` (or another status) to `{name}`, or a default on the enum"
            )
        } else {
            format!("add `#[api(status = 404)]` (or another status) to `{name}`")
        };
        errors.push(Error::custom(format!("missing status for `{name}`; {hint}")).with_span(name));
    }
    (500, name.span())
}

fn code_of(name: &Ident, keys: &Keys, errors: &mut Accumulator) -> LitStr {
    let Some(code) = keys.code.as_ref().map(|c| &c.0) else {
        return LitStr::new(&case::snake_case(&name.to_string()), name.span());
    };
    let value = code.value();
    if !crate::internals::code::is_valid(&value) {
        errors.push(Error::custom(crate::internals::code::invalid_message(&value)).with_span(code));
    }
    code.clone()
}

fn message_of(
    name: &Ident,
    fields: &[FieldAttrs],
    keys: &Keys,
    status: u16,
    errors: &mut Accumulator,
) -> Option<Text> {
    let lit = &keys.message.as_ref()?.0;
    if lit.value().trim().is_empty() {
        errors.push(
            Error::custom(
                "`message` is empty; write what the client should read, or remove `message` to \
                 send the default (`Display` for 4xx, a generic sentence for 5xx)",
            )
            .with_span(lit),
        );
        return None;
    }
    let text = text(lit, fields, name, errors)?;
    if (500..=599).contains(&status) && !text.is_static() {
        errors.push(
            Error::custom(
                "the message of a 5xx status is sent to the client and cannot show fields; \
                 make it static (the error and its source chain are logged instead)",
            )
            .with_span(lit),
        );
    }
    Some(text)
}

/// Checks a title and returns it unescaped: like `message`, it is read as a format string
/// (`{{` is a literal `{`), but it may show no field.
fn check_title(title: Option<&LitStr>, errors: &mut Accumulator) -> Option<LitStr> {
    let title = title?;
    let value = title.value();
    if value.trim().is_empty() {
        errors.push(
            Error::custom("`title` is empty; give a short summary such as \"Out of credit\"")
                .with_span(title),
        );
        return None;
    }
    match fmt::parse(&value) {
        Ok(placeholders) if placeholders.is_empty() => {
            Some(LitStr::new(&fmt::unescape(&value), title.span()))
        }
        Ok(_) => {
            errors.push(
                Error::custom("`title` names the problem type, the same for every occurrence, and cannot show fields; show them in `message`")
                    .with_span(title),
            );
            None
        }
        Err(message) => {
            errors.push(Error::custom(format!("in `title`: {message}")).with_span(title));
            None
        }
    }
}

/// A `type` is sent as written, so it must be an RFC 3986 URI reference: only URI characters,
/// and `%` only as the start of an escape such as `%20`.
fn check_type_uri(type_uri: Option<&LitStr>, errors: &mut Accumulator) {
    let Some(uri) = type_uri else { return };
    let value = uri.value();
    let problem = if value.is_empty() {
        Some("is empty".to_owned())
    } else if let Some(c) = value.chars().find(|&c| !is_uri_char(c)) {
        Some(format!("cannot hold {c:?} (percent-encode it)"))
    } else if !percent_escapes_ok(&value) {
        Some("has a `%` that starts no escape such as `%20`".to_owned())
    } else {
        None
    };
    if let Some(problem) = problem {
        errors.push(
            Error::custom(format!(
                "`type` must be a URI reference, such as \"https://example.com/probs/out-of-credit\", \
                 and this one {problem}"
            ))
            .with_span(uri),
        );
    }
}

/// RFC 3986: unreserved, gen-delims, sub-delims and `%`.
fn is_uri_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-._~:/?#[]@!$&'()*+,;=%".contains(c)
}

fn percent_escapes_ok(value: &str) -> bool {
    let bytes = value.as_bytes();
    bytes.iter().enumerate().all(|(i, &b)| {
        b != b'%'
            || (bytes.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
                && bytes.get(i + 2).is_some_and(u8::is_ascii_hexdigit))
    })
}

/// The variant's own headers, then the enum's that the variant does not set itself.
fn headers_of(
    name: &Ident,
    fields: &[FieldAttrs],
    own: &[HeaderAttr],
    status: u16,
    defaults: Option<&Defaults<'_>>,
    errors: &mut Accumulator,
) -> Vec<Header> {
    let mut headers: Vec<Header> = Vec::new();
    for attr in own {
        let Some(header_name) = header_name(&attr.name, errors) else {
            continue;
        };
        if headers.iter().any(|h| h.name == header_name) {
            errors.push(
                Error::custom(format!(
                    "duplicate header `{}` on `{name}`",
                    attr.name.value()
                ))
                .with_span(&attr.name),
            );
            continue;
        }
        check_header_value(&attr.value, errors);
        let Some(value) = text(&attr.value, fields, name, errors) else {
            continue;
        };
        if let Ok(placeholders) = fmt::parse(&attr.value.value()) {
            check_retry_after(&header_name, &attr.value, &placeholders, errors);
        }
        check_exposure(&header_name, attr, &value, status, errors);
        headers.push(Header {
            name: header_name,
            value,
        });
    }
    for inherited in defaults.into_iter().flat_map(|d| &d.headers) {
        if !headers.iter().any(|h| h.name == inherited.name) {
            headers.push(Header {
                name: inherited.name.clone(),
                value: Text {
                    lit: inherited.value.lit.clone(),
                    fields: Vec::new(),
                },
            });
        }
    }
    headers
}

/// Checks a format string's placeholders against the fields and renames them to bindings.
fn text(
    lit: &LitStr,
    fields: &[FieldAttrs],
    name: &Ident,
    errors: &mut Accumulator,
) -> Option<Text> {
    let value = lit.value();
    let placeholders = match fmt::parse(&value) {
        Ok(placeholders) => placeholders,
        Err(message) => {
            errors.push(Error::custom(message).with_span(lit));
            return None;
        }
    };
    let mut uses = Vec::new();
    let mut ok = true;
    for placeholder in &placeholders {
        match resolve(&placeholder.arg, fields, name) {
            Ok(index) => {
                let field = &fields[index];
                uses.push(FieldUse {
                    member: member(field, index, lit.span()),
                    binding: binding(&placeholder.arg),
                    ty: field.ty.clone(),
                    debug: placeholder.is_debug(),
                });
            }
            Err(message) => {
                ok = false;
                errors.push(Error::custom(message).with_span(lit));
            }
        }
    }
    if !ok {
        return None;
    }
    let rewritten = if placeholders.is_empty() {
        fmt::unescape(&value) // used as a plain string, not a format string
    } else {
        fmt::rewrite(&value, &placeholders, |arg| binding(arg).to_string())
    };
    Some(Text {
        lit: LitStr::new(&rewritten, lit.span()),
        fields: uses,
    })
}

/// The index of the field a placeholder names, or why there is none.
fn resolve(arg: &ArgRef, fields: &[FieldAttrs], name: &Ident) -> Result<usize, String> {
    let named = fields.first().is_some_and(|f| f.ident.is_some());
    match arg {
        ArgRef::Index(index) if named => Err(format!(
            "`{{{index}}}`: `{name}` has named fields; name one, as in `{{{}}}`",
            field_name(&fields[0])
        )),
        ArgRef::Index(index) if *index < fields.len() => Ok(*index),
        ArgRef::Index(index) => Err(match fields.len() {
            0 => format!("`{{{index}}}`: `{name}` has no fields to show"),
            1 => format!("`{{{index}}}`: `{name}` has 1 field; use `{{0}}`"),
            n => format!(
                "`{{{index}}}`: `{name}` has {n} fields; use `{{0}}` to `{{{}}}`",
                n - 1
            ),
        }),
        ArgRef::Name(wanted) => {
            if let Some(index) = fields
                .iter()
                .position(|f| f.ident.is_some() && field_name(f) == *wanted)
            {
                return Ok(index);
            }
            if !named && !fields.is_empty() {
                return Err(format!(
                    "`{{{wanted}}}`: `{name}` has unnamed fields; refer to them by position, as in `{{0}}`"
                ));
            }
            let known: Vec<String> = fields.iter().map(field_name).collect();
            let hint = suggest::closest(wanted, known.iter().map(String::as_str))
                .map(|best| format!("; did you mean `{{{best}}}`?"))
                .unwrap_or_default();
            Err(format!(
                "`{{{wanted}}}`: `{name}` has no field `{wanted}`{hint}"
            ))
        }
    }
}

fn field_name(field: &FieldAttrs) -> String {
    field
        .ident
        .as_ref()
        .map(|ident| ident.to_string().trim_start_matches("r#").to_owned())
        .unwrap_or_default()
}

fn member(field: &FieldAttrs, index: usize, span: Span) -> Member {
    match &field.ident {
        Some(ident) => Member::Named(ident.clone()),
        None => Member::Unnamed(syn::Index {
            index: u32::try_from(index).unwrap_or(u32::MAX),
            span,
        }),
    }
}

/// The local that holds a shown field: `__field0`, `__field_name` (double underscores, as
/// serde and thiserror do, keep it apart from user names).
fn binding(arg: &ArgRef) -> Ident {
    match arg {
        ArgRef::Index(index) => format_ident!("__field{}", index),
        ArgRef::Name(name) => format_ident!("__field_{}", name),
    }
}
