//! `#[api(...)]` as written: darling receivers, before any cross-checking.

use darling::ast::NestedMeta;
use darling::util::Ignored;
use darling::{Error, FromDeriveInput, FromField, FromMeta, FromVariant};
use proc_macro2::Span;
use syn::spanned::Spanned;
use syn::{Expr, Ident, Lit, LitStr, Meta, Path};

use super::status;
use crate::internals::suggest;

/// `#[api(...)]` on the type.
#[derive(FromDeriveInput)]
#[darling(attributes(api), supports(struct_any, enum_any))]
pub struct ContainerAttrs {
    pub data: darling::ast::Data<Ignored, FieldAttrs>,
    /// `crate = path`: where generated code finds the runtime (default `::pact`).
    #[darling(rename = "crate")]
    pub krate: Option<CratePath>,
    #[darling(flatten)]
    pub keys: Keys,
}

/// `#[api(...)]` on an enum variant.
#[derive(FromVariant)]
#[darling(attributes(api))]
pub struct VariantAttrs {
    pub fields: darling::ast::Fields<FieldAttrs>,
    #[darling(flatten)]
    pub keys: Keys,
}

/// A field: only its name, type and attributes matter (it takes no `#[api]` of its own).
#[derive(FromField)]
#[darling(forward_attrs(api))]
pub struct FieldAttrs {
    pub ident: Option<Ident>,
    pub ty: syn::Type,
    pub attrs: Vec<syn::Attribute>,
}

/// The keys a variant takes; the type takes them too, as defaults for its variants (an enum)
/// or as its own (a struct).
#[derive(Default, FromMeta)]
pub struct Keys {
    pub status: Option<StatusAttr>,
    pub code: Option<Str>,
    pub message: Option<Str>,
    pub title: Option<Str>,
    #[darling(rename = "type")]
    pub type_uri: Option<Str>,
    #[darling(multiple, rename = "header")]
    pub headers: Vec<HeaderAttr>,
    pub transparent: Option<Word>,
}

/// A string literal value: `code = "user_not_found"`.
pub struct Str(pub LitStr);

impl FromMeta for Str {
    fn from_expr(expr: &Expr) -> darling::Result<Self> {
        match expr {
            Expr::Lit(syn::ExprLit {
                lit: Lit::Str(lit), ..
            }) => no_suffix(lit).map(|()| Self(lit.clone())),
            Expr::Group(group) => Self::from_expr(&group.expr),
            _ => Err(expected_string().with_span(expr)),
        }
    }

    fn from_word() -> darling::Result<Self> {
        Err(expected_string())
    }

    fn from_list(_: &[NestedMeta]) -> darling::Result<Self> {
        Err(expected_string())
    }
}

/// A string literal with a suffix (`"user_not_found"x`) is still a literal to the parser; the
/// suffix would be dropped silently.
fn no_suffix(lit: &LitStr) -> darling::Result<()> {
    if lit.suffix().is_empty() {
        Ok(())
    } else {
        Err(Error::custom(format!(
            "unexpected suffix `{}` on a string; write the string alone, as in {:?}",
            lit.suffix(),
            lit.value()
        ))
        .with_span(lit))
    }
}

fn expected_string() -> Error {
    Error::custom("expected a string in quotes, as in `code = \"user_not_found\"`")
}

/// A key that takes no value: `transparent`.
pub struct Word(pub Span);

impl FromMeta for Word {
    fn from_meta(item: &Meta) -> darling::Result<Self> {
        match item {
            Meta::Path(path) => Ok(Self(path.span())),
            _ => Err(Error::custom(format!(
                "`{}` takes no value; write it alone, as in `#[api(transparent)]`",
                path_name(item.path())
            ))
            .with_span(item)),
        }
    }
}

/// `crate = ::my_pact` (a string holding a path is accepted too).
pub struct CratePath(pub Path);

impl FromMeta for CratePath {
    fn from_expr(expr: &Expr) -> darling::Result<Self> {
        match expr {
            Expr::Path(path) if path.qself.is_none() => Ok(Self(path.path.clone())),
            Expr::Lit(syn::ExprLit {
                lit: Lit::Str(lit), ..
            }) => {
                no_suffix(lit)?;
                lit.parse()
                    .map(Self)
                    .map_err(|_| expected_path().with_span(lit))
            }
            Expr::Group(group) => Self::from_expr(&group.expr),
            _ => Err(expected_path().with_span(expr)),
        }
    }

    fn from_word() -> darling::Result<Self> {
        Err(expected_path())
    }
}

fn expected_path() -> Error {
    Error::custom("expected the path of the pact crate, as in `crate = ::my_pact`")
}

fn path_name(path: &Path) -> String {
    path.segments
        .iter()
        .map(|segment| segment.ident.to_string())
        .collect::<Vec<_>>()
        .join("::")
}

/// `status = 404` or `status = NOT_FOUND` (also `StatusCode::NOT_FOUND`,
/// `http::StatusCode::NOT_FOUND` and `pact::http::StatusCode::NOT_FOUND`, see [`STATUS_PATHS`]).
pub struct StatusAttr {
    pub code: u16,
    pub span: Span,
}

impl FromMeta for StatusAttr {
    fn from_expr(expr: &Expr) -> darling::Result<Self> {
        let span = expr.span();
        let code = match expr {
            Expr::Lit(lit) => from_literal(&lit.lit)?,
            Expr::Path(path) if path.qself.is_none() => from_path(&path.path)?,
            Expr::Group(group) => return Self::from_expr(&group.expr),
            _ => return Err(expected_status().with_span(expr)),
        };
        Ok(Self { code, span })
    }

    fn from_word() -> darling::Result<Self> {
        Err(expected_status())
    }

    fn from_list(_: &[NestedMeta]) -> darling::Result<Self> {
        Err(expected_status())
    }
}

fn expected_status() -> Error {
    Error::custom(
        "expected an HTTP status: a number such as `status = 404` or a name such as `status = NOT_FOUND`",
    )
}

/// The paths a status name may be written under, before the name itself. The path is read,
/// not resolved, so only paths that really name `http::StatusCode` are taken: anything else
/// (`some::module::CONFLICT`) would be a different constant to the reader than to the derive.
/// A leading `::` is allowed where the first segment is a crate.
const STATUS_PATHS: &[&[&str]] = &[
    &[],
    &["StatusCode"],
    &["http", "StatusCode"],
    &["pact", "http", "StatusCode"],
];

fn from_path(path: &Path) -> darling::Result<u16> {
    let Some(last) = path.segments.last() else {
        return Err(expected_status().with_span(path));
    };
    let prefix: Vec<String> = path
        .segments
        .iter()
        .take(path.segments.len() - 1)
        .map(|segment| segment.ident.to_string())
        .collect();
    let known = STATUS_PATHS
        .iter()
        .any(|known| known.len() == prefix.len() && known.iter().zip(&prefix).all(|(k, p)| k == p));
    let leading_colon_ok = prefix
        .first()
        .is_some_and(|first| first == "http" || first == "pact");
    let has_arguments = path
        .segments
        .iter()
        .any(|segment| !segment.arguments.is_none());
    if !known || has_arguments || (path.leading_colon.is_some() && !leading_colon_ok) {
        let name = last.ident.to_string();
        return Err(Error::custom(format!(
            "`{}` does not name an HTTP status; write the `http::StatusCode` constant as \
             `{name}`, `StatusCode::{name}` or `http::StatusCode::{name}`",
            path_text(path)
        ))
        .with_span(path));
    }
    from_name(&last.ident)
}

fn path_text(path: &Path) -> String {
    let lead = if path.leading_colon.is_some() {
        "::"
    } else {
        ""
    };
    let arguments = |segment: &syn::PathSegment| {
        if segment.arguments.is_none() {
            ""
        } else {
            "::<..>"
        }
    };
    let segments: Vec<String> = path
        .segments
        .iter()
        .map(|segment| format!("{}{}", segment.ident, arguments(segment)))
        .collect();
    format!("{lead}{}", segments.join("::"))
}

fn from_literal(lit: &Lit) -> darling::Result<u16> {
    match lit {
        Lit::Int(int) => {
            let code = int
                .base10_parse::<u16>()
                .ok()
                .filter(|c| (100..=999).contains(c));
            let Some(code) = code else {
                return Err(Error::custom(format!(
                    "`{}` is not an HTTP status: statuses are three-digit numbers from 100 to 999",
                    int.base10_digits()
                ))
                .with_span(int));
            };
            if !int.suffix().is_empty() {
                return Err(Error::custom(format!(
                    "unexpected suffix `{}` on the status; write the number alone: `status = {code}`",
                    int.suffix()
                ))
                .with_span(int));
            }
            let written = int.to_string();
            if written.len() != 3 || !written.bytes().all(|b| b.is_ascii_digit()) {
                return Err(Error::custom(format!(
                    "write the status as three decimal digits: `status = {code}`"
                ))
                .with_span(int));
            }
            if status::is_error(code) {
                Ok(code)
            } else {
                Err(not_an_error(code).with_span(int))
            }
        }
        Lit::Str(text) => {
            let value = text.value();
            let hint = if value.parse::<u16>().is_ok() {
                format!("write the number without quotes: `status = {value}`")
            } else {
                format!("write the name without quotes: `status = {value}`")
            };
            Err(Error::custom(format!("the status is not a string; {hint}")).with_span(text))
        }
        _ => Err(expected_status().with_span(lit)),
    }
}

fn from_name(ident: &Ident) -> darling::Result<u16> {
    let name = ident.to_string();
    match status::code_of(&name) {
        Some(code) if status::is_error(code) => Ok(code),
        Some(code) => Err(not_an_error(code).with_span(ident)),
        None => {
            let hint = suggest::closest(&name, status::error_names()).map_or_else(
                || "use an `http::StatusCode` constant such as `NOT_FOUND`, or a number".to_owned(),
                |best| format!("did you mean `{best}`?"),
            );
            Err(Error::custom(format!("unknown status name `{name}`; {hint}")).with_span(ident))
        }
    }
}

fn not_an_error(code: u16) -> Error {
    let name = status::name_of(code)
        .map(|n| format!(" ({n})"))
        .unwrap_or_default();
    Error::custom(format!(
        "status {code}{name} is not an error status: an ApiError answers with a 4xx or 5xx status"
    ))
}

/// `header("Retry-After", "{seconds}")`: a response header, its value a format string;
/// `header("X-Shard", "{shard}", public)` says a 5xx may show the field to clients.
pub struct HeaderAttr {
    pub name: LitStr,
    pub value: LitStr,
    /// The span of `public`, when given.
    pub public: Option<Span>,
}

impl FromMeta for HeaderAttr {
    fn from_list(items: &[NestedMeta]) -> darling::Result<Self> {
        let (name, value, flag) = match items {
            [name, value] => (name, value, None),
            [name, value, flag] => (name, value, Some(flag)),
            _ => return Err(expected_header()),
        };
        let string = |item: &NestedMeta| match item {
            NestedMeta::Lit(Lit::Str(text)) => no_suffix(text).map(|()| text.clone()),
            other => Err(expected_header().with_span(other)),
        };
        let mut errors = Error::accumulator();
        let name = errors.handle(string(name));
        let value = errors.handle(string(value));
        let public = match flag {
            None => None,
            Some(NestedMeta::Meta(Meta::Path(path))) if path.is_ident("public") => {
                Some(path.span())
            }
            Some(other) => {
                errors.push(
                    Error::custom(
                        "the third argument of `header` can only be `public`, which says a 5xx may \
                         show this value to clients: `header(\"X-Shard\", \"{shard}\", public)`",
                    )
                    .with_span(other),
                );
                None
            }
        };
        errors.finish_with(())?;
        match (name, value) {
            (Some(name), Some(value)) => Ok(Self {
                name,
                value,
                public,
            }),
            _ => Err(expected_header()),
        }
    }

    fn from_word() -> darling::Result<Self> {
        Err(expected_header())
    }

    fn from_expr(expr: &Expr) -> darling::Result<Self> {
        Err(expected_header().with_span(expr))
    }
}

fn expected_header() -> Error {
    Error::custom(
        "expected a header name and value as two strings: `header(\"Retry-After\", \"{seconds}\")`",
    )
}
