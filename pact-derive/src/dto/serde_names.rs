//! The names the client sends: serde's `rename`, `rename_all`, `rename_all_fields`, `flatten`
//! and enum tagging, read so that error paths match the JSON. serde reports mistakes in its
//! own attributes; here anything not understood is ignored.

use syn::Attribute;

use crate::internals::case::RenameRule;

#[derive(Default)]
pub struct ContainerNames {
    pub rename_all: Option<RenameRule>,
    pub rename_all_fields: Option<RenameRule>,
    pub tagging: Tagging,
    /// `#[serde(default)]` on the type: absent members take the type's default.
    pub default: bool,
}

#[derive(Default, Clone, PartialEq, Eq)]
pub enum Tagging {
    #[default]
    External,
    Internal,
    Adjacent(String),
    Untagged,
}

#[derive(Default)]
pub struct ItemNames {
    pub rename: Option<String>,
    pub rename_all: Option<RenameRule>,
    pub flatten: bool,
    pub untagged: bool,
    /// `#[serde(default)]` / `#[serde(default = "...")]` on the field.
    pub default: bool,
}

pub fn container(attrs: &[Attribute]) -> ContainerNames {
    let mut out = ContainerNames::default();
    let mut tag = false;
    let mut content = None;
    for_each_key(attrs, &mut |key, value| match key {
        "rename_all" => out.rename_all = value.as_deref().and_then(RenameRule::from_name),
        "rename_all_fields" => {
            out.rename_all_fields = value.as_deref().and_then(RenameRule::from_name);
        }
        "tag" => tag = true,
        "content" => content = value,
        "untagged" => out.tagging = Tagging::Untagged,
        "default" => out.default = true,
        _ => {}
    });
    if out.tagging != Tagging::Untagged {
        out.tagging = match (tag, content) {
            (true, Some(content)) => Tagging::Adjacent(content),
            (true, None) => Tagging::Internal,
            _ => Tagging::External,
        };
    }
    out
}

pub fn item(attrs: &[Attribute]) -> ItemNames {
    let mut out = ItemNames::default();
    for_each_key(attrs, &mut |key, value| match key {
        "rename" => out.rename = value,
        "rename_all" => out.rename_all = value.as_deref().and_then(RenameRule::from_name),
        "flatten" => out.flatten = true,
        "untagged" => out.untagged = true,
        "default" => out.default = true,
        _ => {}
    });
    out
}

/// Calls `f(key, string value)` for each key of every `#[serde(...)]`. For
/// `rename(deserialize = "...")` the deserialize name is the value, since that is what the
/// client sends.
pub(super) fn for_each_key(attrs: &[Attribute], f: &mut dyn FnMut(&str, Option<String>)) {
    for attr in attrs.iter().filter(|a| a.path().is_ident("serde")) {
        let _ = attr.parse_nested_meta(|meta| {
            let key = meta
                .path
                .get_ident()
                .map(ToString::to_string)
                .unwrap_or_default();
            if meta.input.peek(syn::Token![=]) {
                let value: syn::Expr = meta.value()?.parse()?;
                let text = match value {
                    syn::Expr::Lit(syn::ExprLit {
                        lit: syn::Lit::Str(lit),
                        ..
                    }) => Some(lit.value()),
                    _ => None,
                };
                f(&key, text);
            } else if meta.input.peek(syn::token::Paren) {
                let mut deserialize = None;
                let _ = meta.parse_nested_meta(|inner| {
                    if inner.input.peek(syn::Token![=]) {
                        let value: syn::Expr = inner.value()?.parse()?;
                        if inner.path.is_ident("deserialize")
                            && let syn::Expr::Lit(syn::ExprLit {
                                lit: syn::Lit::Str(lit),
                                ..
                            }) = value
                        {
                            deserialize = Some(lit.value());
                        }
                    }
                    Ok(())
                });
                if deserialize.is_some() {
                    f(&key, deserialize);
                }
            } else {
                f(&key, None);
            }
            Ok(())
        });
    }
}
