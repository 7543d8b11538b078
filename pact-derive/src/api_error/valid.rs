//! From attributes as written to the checked model: every rule of `#[api(...)]` lives here,
//! and every violation is collected (not just the first) and spanned on the user's tokens.

use darling::error::Accumulator;
use darling::{Error, FromDeriveInput};
use proc_macro2::Span;
use quote::format_ident;
use syn::{DeriveInput, Ident, LitStr, Member};

use super::ast::{FieldUse, Header, Input, Kind, Response, Shape, Text, Variant};
use super::attr::{ContainerAttrs, FieldAttrs, Keys};
use crate::internals::fmt::{self, ArgRef};
use crate::internals::span::At;
use crate::internals::{case, crate_path, suggest};

pub fn check(input: &DeriveInput) -> darling::Result<Input<'_>> {
    if let syn::Data::Union(data) = &input.data {
        return Err(Error::custom(
            "ApiError cannot be derived for a union; use an enum with one variant per error, or a struct",
        )
        .with_span(&data.union_token));
    }
    let attrs = ContainerAttrs::from_derive_input(input)?;
    let mut errors = Error::accumulator();
    let shape = match attrs.data {
        darling::ast::Data::Struct(fields) => {
            let variant = variant(
                None,
                &input.ident,
                &fields.fields,
                &attrs.keys,
                None,
                &mut errors,
            );
            Shape::Struct(Box::new(variant))
        }
        darling::ast::Data::Enum(variants) => {
            check_enum_keys(&attrs.keys, &mut errors);
            let variants = variants
                .iter()
                .map(|v| {
                    variant(
                        Some(&v.ident),
                        &v.ident,
                        &v.fields.fields,
                        &v.keys,
                        Some(&attrs.keys),
                        &mut errors,
                    )
                })
                .collect();
            Shape::Enum(variants)
        }
    };
    errors.finish()?;
    Ok(Input {
        ident: &input.ident,
        generics: &input.generics,
        krate: crate_path::or_default(attrs.krate),
        shape,
    })
}

/// Keys on an enum are defaults for its variants; those that cannot be defaults are errors.
fn check_enum_keys(keys: &Keys, errors: &mut Accumulator) {
    if let Some(code) = &keys.code {
        errors.push(
            Error::custom(
                "`code` on an enum would give every variant the same code; put `code` on the variants \
                 (the default is the variant name in snake_case)",
            )
            .with_span(code),
        );
    }
    if let Some(message) = &keys.message {
        errors.push(
            Error::custom(
                "`message` on an enum applies to no variant; put it on the variants that need it",
            )
            .with_span(message),
        );
    }
    if keys.transparent.is_present() {
        errors.push(
            Error::custom("`transparent` goes on an enum variant with one field, not on the enum")
                .with_span(&At(keys.transparent.span())),
        );
    }
    for header in &keys.headers {
        if header.value.value().contains('{')
            && fmt::parse(&header.value.value()).is_ok_and(|p| !p.is_empty())
        {
            errors.push(
                Error::custom("a header on the enum applies to every variant and cannot show fields; move it to a variant")
                    .with_span(&header.value),
            );
        }
    }
}

/// Checks one variant (or the struct itself) against its own keys and the enum's defaults.
fn variant(
    variant_ident: Option<&Ident>,
    name: &Ident,
    fields: &[FieldAttrs],
    keys: &Keys,
    defaults: Option<&Keys>,
    errors: &mut Accumulator,
) -> Variant {
    for field in fields {
        for attr in &field.attrs {
            errors.push(
                Error::custom("`#[api]` goes on the variant or the type, not on a field")
                    .with_span(attr),
            );
        }
    }
    let kind = if keys.transparent.is_present() {
        transparent(name, fields, keys, errors)
    } else {
        Kind::Explicit(Box::new(response(name, fields, keys, defaults, errors)))
    };
    Variant {
        ident: variant_ident.cloned(),
        kind,
    }
}

fn transparent(name: &Ident, fields: &[FieldAttrs], keys: &Keys, errors: &mut Accumulator) -> Kind {
    let span = keys.transparent.span();
    let conflicts: [(&str, Option<Span>); 6] = [
        ("status", keys.status.as_ref().map(|s| s.span)),
        ("code", keys.code.as_ref().map(LitStr::span)),
        ("message", keys.message.as_ref().map(LitStr::span)),
        ("title", keys.title.as_ref().map(LitStr::span)),
        ("type", keys.type_uri.as_ref().map(LitStr::span)),
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
    defaults: Option<&Keys>,
    errors: &mut Accumulator,
) -> Response {
    let inherit = |own: Option<&LitStr>, pick: fn(&Keys) -> Option<&LitStr>| {
        own.or_else(|| defaults.and_then(pick)).cloned()
    };
    let (status, status_span) = status_of(name, keys, defaults, errors);
    let title = inherit(keys.title.as_ref(), |d| d.title.as_ref());
    if let Some(title) = title.as_ref().filter(|t| t.value().trim().is_empty()) {
        errors.push(
            Error::custom("`title` is empty; give a short summary such as \"Out of credit\"")
                .with_span(title),
        );
    }
    let type_uri = inherit(keys.type_uri.as_ref(), |d| d.type_uri.as_ref());
    if let Some(uri) = type_uri.as_ref().filter(|u| {
        let value = u.value();
        value.is_empty() || value.chars().any(char::is_whitespace)
    }) {
        errors.push(
            Error::custom(
                "`type` must be a URI reference without spaces, such as \"https://example.com/probs/out-of-credit\"",
            )
            .with_span(uri),
        );
    }
    Response {
        status,
        status_span,
        code: code_of(name, keys, errors),
        message: message_of(name, fields, keys, status, errors),
        title,
        type_uri,
        headers: headers_of(name, fields, keys, defaults, errors),
    }
}

fn status_of(
    name: &Ident,
    keys: &Keys,
    defaults: Option<&Keys>,
    errors: &mut Accumulator,
) -> (u16, Span) {
    if let Some(status) = keys
        .status
        .as_ref()
        .or(defaults.and_then(|d| d.status.as_ref()))
    {
        return (status.code, status.span);
    }
    let hint = if defaults.is_some() {
        format!(
            "add `#[api(status = 404)]` (or another status) to `{name}`, or a default on the enum"
        )
    } else {
        format!("add `#[api(status = 404)]` (or another status) to `{name}`")
    };
    errors.push(Error::custom(format!("missing status for `{name}`; {hint}")).with_span(name));
    (500, name.span())
}

fn code_of(name: &Ident, keys: &Keys, errors: &mut Accumulator) -> LitStr {
    let Some(code) = &keys.code else {
        return LitStr::new(&case::snake_case(&name.to_string()), name.span());
    };
    let value = code.value();
    let valid = !value.is_empty()
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'));
    if !valid {
        errors.push(
            Error::custom(format!(
                "`code = {value:?}` is not a stable machine-readable code; use letters, digits, `_`, `-` and `.`, as in `user_not_found`"
            ))
            .with_span(code),
        );
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
    let lit = keys.message.as_ref()?;
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

/// The variant's own headers, then the enum's that the variant does not override.
fn headers_of(
    name: &Ident,
    fields: &[FieldAttrs],
    keys: &Keys,
    defaults: Option<&Keys>,
    errors: &mut Accumulator,
) -> Vec<Header> {
    let mut headers: Vec<Header> = Vec::new();
    let own = keys.headers.iter().map(|h| (h, false));
    let inherited = defaults
        .into_iter()
        .flat_map(|d| d.headers.iter())
        .map(|h| (h, true));
    for (attr, from_enum) in own.chain(inherited) {
        let Some(header_name) = header_name(&attr.name, errors) else {
            continue;
        };
        if headers.iter().any(|h| h.name == header_name) {
            if !from_enum {
                errors.push(
                    Error::custom(format!(
                        "duplicate header `{}` on `{name}`",
                        attr.name.value()
                    ))
                    .with_span(&attr.name),
                );
            }
            continue;
        }
        let Some(value) = text(&attr.value, fields, name, errors) else {
            continue;
        };
        if value.is_static() {
            check_static_header_value(&attr.value, errors);
        }
        headers.push(Header {
            name: header_name,
            value,
        });
    }
    headers
}

/// Checks a header name and returns it in lower case.
fn header_name(lit: &LitStr, errors: &mut Accumulator) -> Option<String> {
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
    if matches!(
        lower.as_str(),
        "content-type" | "content-length" | "transfer-encoding"
    ) {
        errors.push(
            Error::custom(format!(
                "`{name}` is set by pact for every problem response (`application/problem+json`); remove this header"
            ))
            .with_span(lit),
        );
        return None;
    }
    Some(lower)
}

fn check_static_header_value(lit: &LitStr, errors: &mut Accumulator) {
    let value = lit.value();
    if !value
        .bytes()
        .all(|b| b == b'\t' || (0x20..0x7f).contains(&b))
    {
        errors.push(
            Error::custom(
                "a header value must be visible ASCII (no line breaks, no non-ASCII characters)",
            )
            .with_span(lit),
        );
    }
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
    let rewritten = fmt::rewrite(&value, &placeholders, |arg| binding(arg).to_string());
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
