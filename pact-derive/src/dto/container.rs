//! Container attributes: `#[dto(crate = ...)]`, the mappings (`#[dto(from = T, ...)]`, parsed
//! in `mapping::attr`) and `#[validate(context = T, schema(...))]`.

use syn::{Attribute, Path, Type};

use super::ast::{Overrides, Schema};
use super::mapping::attr::{self as mapping, MappingAttr};
use crate::internals::ctxt::Ctxt;
use crate::internals::suggest;

#[derive(Default)]
pub struct ContainerAttrs {
    pub krate: Option<Path>,
    pub context: Option<Type>,
    pub schemas: Vec<Schema>,
    pub mappings: Vec<MappingAttr>,
}

const DTO_KEYS: &[&str] = &[
    "crate", "from", "into", "try_into", "patch", "skip", "partial", "by_value", "default", "with",
    "error",
];
const VALIDATE_KEYS: &[&str] = &["context", "schema"];

pub fn parse(attrs: &[Attribute], cx: &mut Ctxt) -> ContainerAttrs {
    let mut out = ContainerAttrs::default();
    for attr in attrs {
        let is_dto = attr.path().is_ident("dto");
        if !is_dto && !attr.path().is_ident("validate") {
            continue;
        }
        if let syn::Meta::Path(path) = &attr.meta {
            cx.error_spanned_by(
                path,
                "an attribute without keys does nothing; add keys or remove it",
            );
            continue;
        }
        if super::rules::is_empty_list(attr) {
            let name = if is_dto { "dto" } else { "validate" };
            cx.error_spanned_by(
                attr,
                format!("`#[{name}()]` is empty and does nothing; add keys or remove it"),
            );
            continue;
        }
        // Mapping options attach to the mapping opened earlier in the same attribute.
        let mut current = None;
        let result = attr.parse_nested_meta(|meta| {
            let key = meta
                .path
                .get_ident()
                .map(ToString::to_string)
                .unwrap_or_default();
            match (is_dto, key.as_str()) {
                (true, "crate") => {
                    if out.krate.is_some() {
                        return Err(meta.error("duplicate key `crate`"));
                    }
                    out.krate = Some(meta.value()?.parse()?);
                }
                (false, "context") => {
                    if out.context.is_some() {
                        return Err(meta.error("duplicate key `context`"));
                    }
                    out.context = Some(meta.value()?.parse()?);
                }
                (false, "schema") => {
                    let schema = schema(&meta)?;
                    let key = |s: &Schema| {
                        (
                            quote::ToTokens::to_token_stream(&s.function).to_string(),
                            s.path.as_ref().map(syn::LitStr::value),
                        )
                    };
                    if out.schemas.iter().any(|existing| key(existing) == key(&schema)) {
                        return Err(syn::Error::new_spanned(
                            &schema.function,
                            "duplicate `schema`: the same check at the same path would report twice",
                        ));
                    }
                    out.schemas.push(schema);
                }
                (true, key) if mapping::CONTAINER_KEYS.contains(&key) => {
                    let ident =
                        meta.path.get_ident().cloned().unwrap_or_else(|| {
                            syn::Ident::new("from", proc_macro2::Span::call_site())
                        });
                    mapping::container_key(&meta, &ident, &mut out.mappings, &mut current)?;
                }
                (_, other) => {
                    let keys = if is_dto { DTO_KEYS } else { VALIDATE_KEYS };
                    let (attr_name, elsewhere) = if is_dto {
                        ("dto", "validate")
                    } else {
                        ("validate", "dto")
                    };
                    let other_keys = if is_dto { VALIDATE_KEYS } else { DTO_KEYS };
                    let hint = if other_keys.contains(&other) {
                        format!("; `{other}` goes in `#[{elsewhere}(...)]`")
                    } else if let Some(best) = suggest::closest(other, keys.iter().copied()) {
                        format!("; did you mean `{best}`?")
                    } else if is_dto && mapping::FIELD_KEYS.contains(&other) {
                        format!("; `{other}` goes on a field")
                    } else {
                        format!(
                            "; `#[{attr_name}(...)]` on a type takes {}",
                            keys.join(", ")
                        )
                    };
                    return Err(meta.error(format!("unknown key `{other}`{hint}")));
                }
            }
            Ok(())
        });
        if let Err(err) = result {
            cx.syn_error(err);
        }
    }
    out
}

/// `schema(check_fn)` or `schema(check_fn, path = "password_confirmation", code = "...")`.
fn schema(meta: &syn::meta::ParseNestedMeta<'_>) -> syn::Result<Schema> {
    if !meta.input.peek(syn::token::Paren) {
        return Err(
            meta.error("`schema` names a function, as in `schema(check_dates, path = \"end\")`")
        );
    }
    let content;
    syn::parenthesized!(content in meta.input);
    let function: Path = content.parse()?;
    let mut path = None;
    let mut overrides = Overrides::default();
    super::rules::trailing_keys(
        &content,
        &mut [
            ("path", &mut path),
            ("code", &mut overrides.code),
            ("message", &mut overrides.message),
        ],
        "`schema` takes `path`, `code` and `message`",
    )?;
    Ok(Schema {
        function,
        path,
        overrides,
    })
}
