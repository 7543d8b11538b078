//! `#[repo(...)]` on the struct and on its fields, parsed into typed receivers. Every mistake
//! is recorded in the `Ctxt` with its span; unknown keys get a "did you mean".

use proc_macro2::Span;
use quote::ToTokens;
use syn::meta::ParseNestedMeta;
use syn::{Attribute, Expr, Ident, LitInt, LitStr, Path};

use crate::internals::ctxt::Ctxt;
use crate::internals::suggest;

/// `#[repo(table = "users", crate = path, max_page_size = 100, trait_name = UserStore)]`.
#[derive(Default)]
pub struct ContainerAttrs {
    pub table: Option<LitStr>,
    pub krate: Option<Path>,
    pub max_page_size: Option<LitInt>,
    pub trait_name: Option<Ident>,
    /// An attribute failed to parse: a missing table is then not reported, since the key the
    /// user meant may be the one in error.
    pub broken: bool,
}

const CONTAINER_KEYS: &[&str] = &["table", "crate", "max_page_size", "trait_name"];

/// `#[repo(id, generated, unique, indexed, sortable, version, created_at, updated_at,
/// soft_delete, skip, default = expr, column = "...", sql_type = "...")]`.
#[derive(Default)]
pub struct FieldAttrs {
    pub id: Option<Span>,
    pub generated: Option<Span>,
    pub unique: Option<Span>,
    pub indexed: Option<Span>,
    pub sortable: Option<Span>,
    pub version: Option<Span>,
    /// `#[repo(created_at)]`, `#[repo(updated_at)]`, `#[repo(soft_delete)]`: timestamps the
    /// repository sets.
    pub created_at: Option<Span>,
    pub updated_at: Option<Span>,
    pub soft_delete: Option<Span>,
    pub skip: Option<Span>,
    pub default: Option<Expr>,
    pub column: Option<LitStr>,
    pub sql_type: Option<LitStr>,
    /// An attribute failed to parse: a missing id is then not reported, since the key the
    /// user meant may be the one in error.
    pub broken: bool,
}

const FIELD_KEYS: &[&str] = &[
    "id",
    "generated",
    "unique",
    "indexed",
    "sortable",
    "version",
    "created_at",
    "updated_at",
    "soft_delete",
    "skip",
    "default",
    "column",
    "sql_type",
];

/// Names users reach for from other libraries, and the key pact spells them with.
const SYNONYMS: &[(&str, &str)] = &[
    ("primary_key", "id"),
    ("pk", "id"),
    ("key", "id"),
    ("auto_increment", "generated"),
    ("autoincrement", "generated"),
    ("serial", "generated"),
    ("index", "indexed"),
    ("rename", "column"),
    ("name", "column"),
    ("transient", "skip"),
    ("ignore", "skip"),
    ("type", "sql_type"),
    ("trait", "trait_name"),
    ("lock_version", "version"),
    ("optimistic_lock", "version"),
    ("versioned", "version"),
    ("trait_ident", "trait_name"),
    ("created", "created_at"),
    ("create_time", "created_at"),
    ("creation_time", "created_at"),
    ("inserted_at", "created_at"),
    ("auto_now_add", "created_at"),
    ("created_date", "created_at"),
    ("updated", "updated_at"),
    ("update_time", "updated_at"),
    ("modified_at", "updated_at"),
    ("last_modified", "updated_at"),
    ("auto_now", "updated_at"),
    ("deleted_at", "soft_delete"),
    ("deleted", "soft_delete"),
    ("soft_deleted", "soft_delete"),
    ("paranoid", "soft_delete"),
    ("delete_time", "soft_delete"),
];

pub fn container(attrs: &[Attribute], cx: &mut Ctxt) -> ContainerAttrs {
    let mut out = ContainerAttrs::default();
    let mut later = Vec::new();
    let ok = for_each_key(attrs, cx, |key, meta| {
        match key {
            "table" => {
                set(&mut out.table, meta, key)?;
                unsuffixed(
                    out.table.as_ref().map(LitStr::suffix),
                    &out.table,
                    key,
                    &mut later,
                );
            }
            "crate" => set(&mut out.krate, meta, key)?,
            "trait_name" => set(&mut out.trait_name, meta, key)?,
            "max_page_size" => {
                set(&mut out.max_page_size, meta, key)?;
                unsuffixed(
                    out.max_page_size.as_ref().map(LitInt::suffix),
                    &out.max_page_size,
                    key,
                    &mut later,
                );
            }
            other => {
                let hint = if FIELD_KEYS.contains(&other) {
                    format!("; `{other}` goes on a field")
                } else {
                    hint(other, CONTAINER_KEYS, "a struct")
                };
                return Err(meta.error(format!("unknown key `{other}`{hint}")));
            }
        }
        Ok(())
    });
    out.broken = !ok;
    for error in later {
        cx.syn_error(error);
    }
    out
}

pub fn field(attrs: &[Attribute], cx: &mut Ctxt) -> FieldAttrs {
    let mut out = FieldAttrs::default();
    let mut later = Vec::new();
    let ok = for_each_key(attrs, cx, |key, meta| {
        match key {
            "id" => flag(&mut out.id, meta, key)?,
            "generated" => flag(&mut out.generated, meta, key)?,
            "unique" => flag(&mut out.unique, meta, key)?,
            "indexed" => flag(&mut out.indexed, meta, key)?,
            "sortable" => flag(&mut out.sortable, meta, key)?,
            "version" => flag(&mut out.version, meta, key)?,
            "created_at" => flag(&mut out.created_at, meta, key)?,
            "updated_at" => flag(&mut out.updated_at, meta, key)?,
            "soft_delete" => flag(&mut out.soft_delete, meta, key)?,
            "skip" => flag(&mut out.skip, meta, key)?,
            "default" => set(&mut out.default, meta, key)?,
            "column" => {
                set(&mut out.column, meta, key)?;
                unsuffixed(
                    out.column.as_ref().map(LitStr::suffix),
                    &out.column,
                    key,
                    &mut later,
                );
            }
            "sql_type" => {
                set(&mut out.sql_type, meta, key)?;
                unsuffixed(
                    out.sql_type.as_ref().map(LitStr::suffix),
                    &out.sql_type,
                    key,
                    &mut later,
                );
            }
            other => {
                let hint = if CONTAINER_KEYS.contains(&other) {
                    format!("; `{other}` goes on the struct")
                } else {
                    hint(other, FIELD_KEYS, "a field")
                };
                return Err(meta.error(format!("unknown key `{other}`{hint}")));
            }
        }
        Ok(())
    });
    out.broken = !ok;
    for error in later {
        cx.syn_error(error);
    }
    out
}

fn hint(key: &str, keys: &[&str], target: &str) -> String {
    let synonym = SYNONYMS
        .iter()
        .find(|(name, _)| *name == key)
        .map(|(_, ours)| *ours);
    let best = synonym
        .or_else(|| suggest::closest(key, keys.iter().copied()))
        .or_else(|| {
            keys.iter()
                .copied()
                .find(|candidate| swapped(key, candidate))
        });
    match best {
        Some(best) => format!("; did you mean `{best}`?"),
        None => format!("; `#[repo(...)]` on {target} takes {}", keys.join(", ")),
    }
}

/// Whether `key` is `candidate` with two neighbouring letters swapped (`tabel`), a typo the
/// edit distance counts twice.
fn swapped(key: &str, candidate: &str) -> bool {
    let (a, b) = (key.as_bytes(), candidate.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let differ: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
    matches!(differ.as_slice(), [i, j] if *j == i + 1 && a[*i] == b[*j] && a[*j] == b[*i])
}

/// Calls `f` with each key of every `#[repo(...)]` attribute; `false` when any of them is in
/// error (recorded in `cx`).
fn for_each_key(
    attrs: &[Attribute],
    cx: &mut Ctxt,
    mut f: impl FnMut(&str, &ParseNestedMeta<'_>) -> syn::Result<()>,
) -> bool {
    let mut ok = true;
    for attr in attrs.iter().filter(|attr| attr.path().is_ident("repo")) {
        if let syn::Meta::Path(path) = &attr.meta {
            cx.error_spanned_by(
                path,
                "`#[repo]` without keys does nothing; add keys such as `#[repo(id)]` or remove it",
            );
            ok = false;
            continue;
        }
        if let syn::Meta::List(list) = &attr.meta
            && list.tokens.is_empty()
        {
            cx.error_spanned_by(
                attr,
                "`#[repo()]` is empty and does nothing; add keys such as `#[repo(id)]` or remove it",
            );
            ok = false;
            continue;
        }
        let result = attr.parse_nested_meta(|meta| {
            let key = meta.path.get_ident().map_or_else(
                || meta.path.to_token_stream().to_string().replace(' ', ""),
                ToString::to_string,
            );
            f(&key, &meta)
        });
        if let Err(err) = result {
            cx.syn_error(err);
            ok = false;
        }
    }
    ok
}

/// A literal with a suffix (`100u8`, `"users"x`) is a mistake: the key reads the value alone.
/// Recorded in `errors`, so the keys after it are still checked.
fn unsuffixed(suffix: Option<&str>, lit: &impl ToTokens, key: &str, errors: &mut Vec<syn::Error>) {
    if let Some(suffix) = suffix.filter(|suffix| !suffix.is_empty()) {
        let text = lit.to_token_stream().to_string();
        let bare = text.strip_suffix(suffix).unwrap_or(&text);
        errors.push(syn::Error::new_spanned(
            lit,
            format!("`{key}` takes a literal without a suffix: write `{key} = {bare}`"),
        ));
    }
}

fn flag(slot: &mut Option<Span>, meta: &ParseNestedMeta<'_>, key: &str) -> syn::Result<()> {
    if slot.is_some() {
        return Err(meta.error(format!("duplicate key `{key}`")));
    }
    if meta.input.peek(syn::Token![=]) || meta.input.peek(syn::token::Paren) {
        return Err(meta.error(format!(
            "`{key}` is a flag and takes no value: write `#[repo({key})]`"
        )));
    }
    *slot = Some(
        meta.path
            .get_ident()
            .map_or_else(Span::call_site, syn::Ident::span),
    );
    Ok(())
}

fn set<T: syn::parse::Parse>(
    slot: &mut Option<T>,
    meta: &ParseNestedMeta<'_>,
    key: &str,
) -> syn::Result<()> {
    if slot.is_some() {
        return Err(meta.error(format!("duplicate key `{key}`")));
    }
    if !meta.input.peek(syn::Token![=]) {
        let example = match key {
            "table" => "table = \"users\"",
            "column" => "column = \"email_address\"",
            "sql_type" => "sql_type = \"JSONB\"",
            "max_page_size" => "max_page_size = 100",
            "crate" => "crate = ::pact",
            "trait_name" => "trait_name = UserStore",
            _ => "default = Vec::new()",
        };
        return Err(meta.error(format!("`{key}` takes a value: `{example}`")));
    }
    let input = meta.value()?;
    // Forked first: a failed parse may have consumed the token.
    let before = input.fork();
    match input.parse() {
        Ok(value) => {
            *slot = Some(value);
            Ok(())
        }
        Err(err) => Err(wrong_kind(&before, key).unwrap_or(err)),
    }
}

/// A clearer error for a value of the wrong kind that is still one token tree: a string where an
/// identifier or integer belongs, or the reverse (`column = email`, `max_page_size = "100"`).
fn wrong_kind(input: syn::parse::ParseStream<'_>, key: &str) -> Option<syn::Error> {
    let token: proc_macro2::TokenTree = input.parse().ok()?;
    let text = match &token {
        proc_macro2::TokenTree::Literal(lit) => {
            let text = lit.to_string();
            text.strip_prefix('"')
                .and_then(|text| text.strip_suffix('"'))
                .map_or(text.clone(), str::to_owned)
        }
        other => other.to_string(),
    };
    let fix = match key {
        "table" | "column" | "sql_type" => format!("{key} = \"{text}\""),
        "max_page_size" if text.chars().all(|c| c.is_ascii_digit()) => format!("{key} = {text}"),
        "trait_name" if syn::parse_str::<Ident>(&text).is_ok() => format!("{key} = {text}"),
        _ => return None,
    };
    let what = match key {
        "max_page_size" => "an integer",
        "trait_name" => "an identifier",
        _ => "a string",
    };
    Some(syn::Error::new_spanned(
        token,
        format!("`{key}` takes {what}: write `{fix}`"),
    ))
}
