//! Mapping keys as written: `from = T`, `into = T`, `try_into = T`, `patch = T` and their
//! options on the type; `rename`, `with`, `default`, `skip` and `target` on a field.
//!
//! On the type, an option belongs to the mapping key written before it in the same attribute:
//! `#[dto(from = User, skip(password_hash), into = NewUser, default(created_at))]`.

use proc_macro2::Span;
use syn::meta::ParseNestedMeta;
use syn::punctuated::Punctuated;
use syn::{Expr, Ident, LitStr, Path, Token, Type};

use crate::internals::suggest;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Direction {
    From,
    Into,
    TryInto,
    Patch,
}

impl Direction {
    pub fn key(self) -> &'static str {
        match self {
            Self::From => "from",
            Self::Into => "into",
            Self::TryInto => "try_into",
            Self::Patch => "patch",
        }
    }
}

/// One `from = T` / `into = T` / `try_into = T` / `patch = T` with the options after it.
pub struct MappingAttr {
    pub direction: Direction,
    /// The key (`from`, ...), for errors about the mapping as a whole.
    pub key: Ident,
    pub target: Path,
    /// `skip(a, b)`: source fields a `from` mapping leaves out.
    pub skip: Vec<Ident>,
    /// `partial`: fields neither mapped nor listed are allowed (`..` in the pattern, or
    /// `..Default::default()` in the target's literal).
    pub partial: Option<Ident>,
    /// `by_value`: a `from` mapping without the `From<&T>` impl.
    pub by_value: Option<Ident>,
    /// `default(a, b = expr)`: target fields an `into` / `try_into` mapping fills itself.
    pub defaults: Vec<(Ident, Option<Expr>)>,
    /// `with(a = path::to::fn)`: target fields computed from the whole DTO, `fn(&Dto) -> T`.
    pub computed: Vec<(Ident, Expr)>,
    /// `error = MyError`: the error type of `try_into`.
    pub error: Option<(Ident, Type)>,
}

/// Keys of a mapping on the type.
pub const CONTAINER_KEYS: &[&str] = &[
    "from", "into", "try_into", "patch", "skip", "partial", "by_value", "default", "with", "error",
];

/// Parses one mapping key of a `#[dto(...)]` on the type. `current` is the mapping opened
/// earlier in the same attribute, which options attach to.
pub fn container_key(
    meta: &ParseNestedMeta<'_>,
    key: &Ident,
    mappings: &mut Vec<MappingAttr>,
    current: &mut Option<usize>,
) -> syn::Result<()> {
    let name = key.to_string();
    let direction = match name.as_str() {
        "from" => Some(Direction::From),
        "into" => Some(Direction::Into),
        "try_into" => Some(Direction::TryInto),
        "patch" => Some(Direction::Patch),
        _ => None,
    };
    if let Some(direction) = direction {
        if !meta.input.peek(Token![=]) {
            return Err(meta.error(format!("`{name}` names a type, as in `{name} = User`")));
        }
        let target: Path = meta.value()?.parse().map_err(|err| {
            syn::Error::new(
                err.span(),
                format!("`{name}` names a struct or enum type, as in `{name} = User`"),
            )
        })?;
        *current = Some(mappings.len());
        mappings.push(MappingAttr {
            direction,
            key: key.clone(),
            target,
            skip: Vec::new(),
            partial: None,
            by_value: None,
            defaults: Vec::new(),
            computed: Vec::new(),
            error: None,
        });
        return Ok(());
    }
    let Some(index) = *current else {
        return Err(meta.error(format!(
            "`{name}` belongs to a mapping: write it after `from = Type`, `into = Type`, `try_into = Type` or `patch = Type` in the same attribute"
        )));
    };
    let mapping = &mut mappings[index];
    match name.as_str() {
        "skip" => {
            let names = list(
                meta,
                "`skip` lists source fields, as in `skip(password_hash)`",
            )?;
            mapping
                .skip
                .extend(names.into_iter().map(|(ident, _)| ident));
        }
        "default" => {
            let names = list(
                meta,
                "`default` lists target fields, as in `default(created_at = now(), role)`",
            )?;
            mapping.defaults.extend(names);
        }
        "with" => {
            let shape = "`with` names a function per target field, as in `with(full_name = full_name_of)` with `fn(&Dto) -> T`";
            for (name, value) in list(meta, shape)? {
                let Some(value) = value else {
                    return Err(syn::Error::new(name.span(), shape));
                };
                mapping.computed.push((name, value));
            }
        }
        "partial" | "by_value" => {
            if !meta.input.is_empty() && !meta.input.peek(Token![,]) {
                return Err(meta.error(format!("`{name}` takes no value")));
            }
            let slot = if name == "partial" {
                &mut mapping.partial
            } else {
                &mut mapping.by_value
            };
            if slot.is_some() {
                return Err(meta.error(format!("duplicate `{name}`")));
            }
            *slot = Some(key.clone());
        }
        "error" => {
            if mapping.error.is_some() {
                return Err(meta.error("duplicate `error`"));
            }
            mapping.error = Some((key.clone(), meta.value()?.parse()?));
        }
        _ => return Err(meta.error(format!("unknown key `{name}`"))),
    }
    Ok(())
}

/// `(a, b = expr, c)`.
fn list(meta: &ParseNestedMeta<'_>, shape: &str) -> syn::Result<Vec<(Ident, Option<Expr>)>> {
    if !meta.input.peek(syn::token::Paren) {
        return Err(meta.error(shape));
    }
    let content;
    syn::parenthesized!(content in meta.input);
    let items = Punctuated::<Item, Token![,]>::parse_terminated(&content)?;
    if items.is_empty() {
        return Err(meta.error(shape));
    }
    Ok(items
        .into_iter()
        .map(|item| (item.name, item.value))
        .collect())
}

struct Item {
    name: Ident,
    value: Option<Expr>,
}

impl syn::parse::Parse for Item {
    fn parse(input: syn::parse::ParseStream<'_>) -> syn::Result<Self> {
        let name = input.parse()?;
        let value = if input.peek(Token![=]) {
            input.parse::<Token![=]>()?;
            Some(input.parse()?)
        } else {
            None
        };
        Ok(Self { name, value })
    }
}

/// What one field's mapping keys say (in one scope: every mapping, or one `target`).
#[derive(Default, Clone)]
pub struct FieldMapAttr {
    /// `rename = other_name`: the field's name on the other side.
    pub rename: Option<Ident>,
    /// `with = path::to::fn` or a closure: the conversion.
    pub with: Option<Expr>,
    /// `default` / `default = expr`: the source lacks the field (`skip` with a value).
    pub default: Option<(Ident, Option<Expr>)>,
    /// `skip`: the field takes no part in mappings.
    pub skip: Option<Ident>,
}

impl FieldMapAttr {
    pub fn is_empty(&self) -> bool {
        self.rename.is_none()
            && self.with.is_none()
            && self.default.is_none()
            && self.skip.is_none()
    }

    /// The first key written, for spans.
    pub fn first_key(&self) -> Option<Span> {
        self.rename
            .as_ref()
            .map(Ident::span)
            .or_else(|| self.default.as_ref().map(|(key, _)| key.span()))
            .or_else(|| self.skip.as_ref().map(Ident::span))
    }
}

/// Which directions a `from(...)` / `into(...)` / `patch(...)` group on a field applies to.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum DirectionScope {
    From,
    /// `into` and `try_into`.
    Into,
    Patch,
}

impl DirectionScope {
    pub fn covers(self, direction: Direction) -> bool {
        matches!(
            (self, direction),
            (Self::From, Direction::From)
                | (Self::Into, Direction::Into | Direction::TryInto)
                | (Self::Patch, Direction::Patch)
        )
    }
}

/// A field's mapping keys: those for every mapping, those of one direction
/// (`from(with = f)`), and those scoped with `target = T`.
#[derive(Default)]
pub struct FieldAttrs {
    pub all: FieldMapAttr,
    pub directions: Vec<(DirectionScope, Ident, FieldMapAttr)>,
    pub scoped: Vec<(Path, FieldMapAttr)>,
}

/// Keys of a mapping on a field.
pub const FIELD_KEYS: &[&str] = &[
    "rename", "with", "default", "skip", "target", "from", "into", "patch",
];

/// One `#[dto(...)]` on a field, as far as mapping goes.
#[derive(Default)]
pub struct FieldAttrParts {
    pub map: FieldMapAttr,
    /// `target = T`: the attribute's keys apply to the mappings to `T` only.
    pub target: Option<Path>,
    /// `from(...)`, `into(...)`, `patch(...)` groups.
    pub directions: Vec<(DirectionScope, Ident, FieldMapAttr)>,
}

/// Parses one mapping key of a `#[dto(...)]` on a field into `out`.
pub fn field_key(
    meta: &ParseNestedMeta<'_>,
    key: &Ident,
    parts: &mut FieldAttrParts,
) -> syn::Result<()> {
    let scope = match key.to_string().as_str() {
        "from" => Some(DirectionScope::From),
        "into" => Some(DirectionScope::Into),
        "patch" => Some(DirectionScope::Patch),
        _ => None,
    };
    if let Some(scope) = scope {
        if !meta.input.peek(syn::token::Paren) {
            return Err(meta.error(format!(
                "`{key}(...)` on a field holds keys for `{key}` mappings only, as in `{key}(with = path::to::fn)`"
            )));
        }
        if parts.directions.iter().any(|(s, ..)| *s == scope) {
            return Err(meta.error(format!("duplicate `{key}(...)`")));
        }
        let mut group = FieldMapAttr::default();
        meta.parse_nested_meta(|inner| {
            let Some(ident) = inner.path.get_ident().cloned() else {
                return Err(inner.error("expected `rename`, `with`, `default` or `skip`"));
            };
            if !matches!(ident.to_string().as_str(), "rename" | "with" | "default" | "skip") {
                return Err(inner.error(format!(
                    "`{ident}` does not go inside `{key}(...)`; it takes `rename`, `with`, `default` and `skip`"
                )));
            }
            one_key(&inner, &ident, &mut group, &mut None)
        })?;
        parts.directions.push((scope, key.clone(), group));
        return Ok(());
    }
    one_key(meta, key, &mut parts.map, &mut parts.target)
}

fn one_key(
    meta: &ParseNestedMeta<'_>,
    key: &Ident,
    out: &mut FieldMapAttr,
    target: &mut Option<Path>,
) -> syn::Result<()> {
    let name = key.to_string();
    let duplicate = || meta.error(format!("duplicate `{name}`"));
    match name.as_str() {
        "rename" => {
            if out.rename.is_some() {
                return Err(duplicate());
            }
            let value = meta.value()?;
            let ident = if value.peek(LitStr) {
                let lit: LitStr = value.parse()?;
                lit.parse::<Ident>().map_err(|_| {
                    syn::Error::new(
                        lit.span(),
                        "`rename` names a field, as in `rename = email_address`",
                    )
                })?
            } else {
                value.parse::<Ident>().map_err(|err| {
                    syn::Error::new(
                        err.span(),
                        "`rename` names a field, as in `rename = email_address`",
                    )
                })?
            };
            out.rename = Some(ident);
        }
        "with" => {
            if out.with.is_some() {
                return Err(duplicate());
            }
            out.with = Some(meta.value()?.parse()?);
        }
        "default" => {
            if out.default.is_some() {
                return Err(duplicate());
            }
            let value = if meta.input.peek(Token![=]) {
                Some(meta.value()?.parse()?)
            } else {
                None
            };
            out.default = Some((key.clone(), value));
        }
        "skip" => {
            if out.skip.is_some() {
                return Err(duplicate());
            }
            if !meta.input.is_empty() && !meta.input.peek(Token![,]) {
                return Err(meta.error(
                    "`skip` on a field takes no value; to give the field a value, write `default = expr`",
                ));
            }
            out.skip = Some(key.clone());
        }
        "target" => {
            if target.is_some() {
                return Err(duplicate());
            }
            *target = Some(meta.value()?.parse()?);
        }
        other => {
            let hint = suggest::closest(other, FIELD_KEYS.iter().copied())
                .map(|best| format!("; did you mean `{best}`?"))
                .unwrap_or_default();
            return Err(meta.error(format!("unknown key `{other}`{hint}")));
        }
    }
    Ok(())
}
