//! The `<Entity>Repository` trait: one method per operation and finder, with its docs.

use std::fmt::Write as _;

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::{name, param_type};

use crate::repository::ast::Entity;

/// One method of the repository trait: its name, parameters (after `&'a self`), output and
/// doc line.
pub(super) struct Method {
    pub(super) name: syn::Ident,
    params: Vec<Param>,
    output: TokenStream,
    doc: String,
}

/// A parameter: its name in the trait (what the docs show), its role (the impls name it
/// `__pact_<role>`, so no user name can shadow it or be shadowed), and its type.
pub(super) struct Param {
    name: syn::Ident,
    role: &'static str,
    ty: TokenStream,
}

impl Method {
    /// A method added by another part of the expansion (`lifecycle`).
    pub(super) fn new(
        name: syn::Ident,
        params: Vec<Param>,
        output: TokenStream,
        doc: String,
    ) -> Self {
        Self {
            name,
            params,
            output,
            doc,
        }
    }
}

pub(super) fn param(name: &str, role: &'static str, ty: TokenStream) -> Param {
    Param {
        name: format_ident!("{name}"),
        role,
        ty,
    }
}

/// The doc of `update`, which says how the version is checked when there is one.
fn update_doc(entity: &Entity<'_>) -> String {
    let mut doc = "Replaces the whole row with this id; `RepoError::NotFound` (404) when there is none, `Conflict` (409) when a unique field is taken.".to_owned();
    if let Some((field, _)) = entity.version() {
        let _ = write!(
            doc,
            " Succeeds only from the stored `{0}` and returns the entity with the next one; `VersionConflict` (409, with the stored `{0}`) when another update came first.",
            name(field)
        );
    }
    doc
}

pub(super) fn methods(entity: &Entity<'_>) -> Vec<Method> {
    let krate = &entity.krate;
    let ident = entity.ident;
    let (id_field, id) = entity.id();
    let id_ty = param_type(id_field, id);
    let id_field_ty = id_field.ty;
    let result = |ok: TokenStream| quote!(::core::result::Result<#ok, #krate::RepoError>);
    let option = quote!(::core::option::Option<#ident>);
    let page = quote!(#krate::Page<#ident>);
    let vec = quote!(#krate::__private::Vec<#ident>);
    let mut methods = vec![
        Method {
            name: format_ident!("find_by_id"),
            params: vec![param("id", "id", id_ty.clone())],
            output: result(option.clone()),
            doc: format!("The `{ident}` with this id, or `None`."),
        },
        Method {
            name: format_ident!("get_by_id"),
            params: vec![param("id", "id", id_ty.clone())],
            output: result(quote!(#ident)),
            doc: format!(
                "The `{ident}` with this id; `RepoError::NotFound` (404) when there is none."
            ),
        },
        Method {
            name: format_ident!("find_by_ids"),
            params: vec![param("ids", "ids", quote!(&'a [#id_field_ty]))],
            output: result(vec.clone()),
            doc: format!(
                "The `{ident}`s with these ids, ordered by id, each once; ids without a row are left out. One query on SQL (`WHERE id IN (...)`, one per 999 ids), not one per id."
            ),
        },
        Method {
            name: format_ident!("find_all"),
            params: vec![param("page", "page", quote!(#krate::PageRequest))],
            output: result(page.clone()),
            doc: format!(
                "One page of `{ident}`s and the total count. The limit is clamped to `MAX_PAGE_SIZE`; a sort key must name a sortable field (`RepoError::InvalidSort` otherwise)."
            ),
        },
    ];
    methods.push(super::keyset::cursor_method(entity));
    for (field, stored) in entity.finders() {
        let ty = param_type(field, stored);
        let value = Param {
            name: field.ident.clone(),
            role: "value",
            ty,
        };
        let field_name = name(field);
        // A field named `page` keeps its name; the page request then takes another.
        let page_name = if field_name == "page" {
            "page_request"
        } else {
            "page"
        };
        if stored.unique {
            methods.push(Method {
                name: format_ident!("find_by_{}", field_name),
                params: vec![value],
                output: result(option.clone()),
                doc: format!("The `{ident}` whose `{field_name}` is this value, or `None` (`{field_name}` is unique)."),
            });
        } else {
            methods.push(Method {
                name: format_ident!("find_all_by_{}", field_name),
                params: vec![value, param(page_name, "page", quote!(#krate::PageRequest))],
                output: result(page.clone()),
                doc: format!("One page of the `{ident}`s whose `{field_name}` is this value, and their total count."),
            });
        }
    }
    methods.extend(write_methods(entity));
    methods.extend(super::lifecycle::methods(entity));
    methods
}

/// `count`, `exists` and the writes, which follow the finders.
fn write_methods(entity: &Entity<'_>) -> [Method; 6] {
    let krate = &entity.krate;
    let ident = entity.ident;
    let (id_field, id) = entity.id();
    let id_ty = param_type(id_field, id);
    let result = |ok: TokenStream| quote!(::core::result::Result<#ok, #krate::RepoError>);
    let vec = quote!(#krate::__private::Vec<#ident>);
    [
        Method {
            name: format_ident!("count"),
            params: Vec::new(),
            output: result(quote!(::core::primitive::u64)),
            doc: format!("How many `{ident}`s are stored."),
        },
        Method {
            name: format_ident!("exists"),
            params: vec![param("id", "id", id_ty.clone())],
            output: result(quote!(::core::primitive::bool)),
            doc: format!("Whether a `{ident}` with this id is stored."),
        },
        Method {
            name: format_ident!("insert"),
            params: vec![param("entity", "entity", quote!(#ident))],
            output: result(quote!(#ident)),
            doc: "Stores a new row and returns it as stored (with its generated id); `RepoError::Conflict` (409) when the id or a unique field is taken.".to_owned(),
        },
        Method {
            name: format_ident!("insert_many"),
            params: vec![param("entities", "entities", vec.clone())],
            output: result(vec.clone()),
            doc: "Stores several rows in one transaction: all of them, or none and the error.".to_owned(),
        },
        Method {
            name: format_ident!("update"),
            params: vec![param("entity", "entity", quote!(#ident))],
            output: result(quote!(#ident)),
            doc: update_doc(entity),
        },
        Method {
            name: format_ident!("delete_by_id"),
            params: vec![param("id", "id", id_ty.clone())],
            output: result(quote!(::core::primitive::bool)),
            doc: super::lifecycle::delete_doc(entity),
        },
    ]
}

/// The method's signature: in the trait with its documented parameter names, in an impl
/// (`in_impl`) with the `__pact_<role>` names the bodies use.
pub(super) fn signature(method: &Method, krate: &syn::Path, in_impl: bool) -> TokenStream {
    let Method {
        name,
        params,
        output,
        ..
    } = method;
    let params = params.iter().map(|param| {
        let ty = &param.ty;
        let name = if in_impl {
            format_ident!("__pact_{}", param.role)
        } else {
            param.name.clone()
        };
        quote!(#name: #ty)
    });
    quote! {
        fn #name<'a>(&'a self, #(#params),*) -> #krate::repository::RepoFuture<'a, #output>
    }
}

/// The body of a method in the blanket impl: one call of `Backend<Entity>` with the
/// method's `__pact_<role>` parameters, a finder's value wrapped in its variant, an upsert's
/// column.
pub(super) fn backend_body(entity: &Entity<'_>, method: &Method) -> TokenStream {
    let krate = &entity.krate;
    let ident = entity.ident;
    let backend = quote!(<Self as #krate::__private::Backend<#ident>>);
    let method_name = method.name.to_string();
    let args: Vec<syn::Ident> = method
        .params
        .iter()
        .map(|param| format_ident!("__pact_{}", param.role))
        .collect();
    if let Some(column) = super::lifecycle::upsert_column(entity, &method_name) {
        let entity_arg = &args[0];
        return quote!(#backend::merge(self, #column, #entity_arg));
    }
    for (field, stored) in entity.finders() {
        let field_name = name(field);
        let value = || super::finders::value_of(entity, field.ident, &args[0]);
        if stored.unique && method_name == format!("find_by_{field_name}") {
            let value = value();
            return quote!(#backend::load_unique(self, #value));
        }
        if !stored.unique && method_name == format!("find_all_by_{field_name}") {
            let (value, page) = (value(), &args[1]);
            return quote!(#backend::list_by(self, #value, #page));
        }
    }
    let Some(name) = backend_method(&method_name) else {
        let message = format!("pact: `{method_name}` has no `Backend` method");
        return quote!(::core::compile_error!(#message));
    };
    let name = quote::format_ident!("{name}");
    quote!(#backend::#name(self, #(#args),*))
}

/// The `Backend` method a trait method of a fixed name calls.
fn backend_method(method: &str) -> Option<&'static str> {
    Some(match method {
        "find_by_id" => "load",
        "get_by_id" => "load_or_not_found",
        "find_by_ids" => "load_many",
        "find_all" => "list",
        "find_all_by_cursor" => "list_after",
        "count" => "total",
        "exists" => "contains_id",
        "insert" => "create",
        "insert_many" => "create_many",
        "update" => "replace",
        "delete_by_id" => "remove",
        "restore_by_id" => "restore",
        "find_by_id_with_deleted" => "load_with_deleted",
        "find_all_with_deleted" => "list_with_deleted",
        "purge_by_id" => "purge",
        _ => return None,
    })
}

pub fn repository_trait(entity: &Entity<'_>) -> TokenStream {
    let krate = &entity.krate;
    let vis = entity.vis;
    let ident = entity.ident;
    let trait_ident = entity.trait_ident();
    let doc = format!(
        "The repository of [`{ident}`] (table `{table}`), generated by `#[derive(Repository)]`.\n\n\
         Every [`Backend<{ident}>`]({krate_doc}::repository::Backend) is one: \
         `MemoryRepository<{ident}>`, the SQL repositories (`SqlRepository<DB, {ident}>`: SQLite, \
         PostgreSQL, MySQL) and the cached decorator `Cached<{ident}>`; each method is one call \
         of `Backend`. Services hold it as `Arc<dyn {trait_ident}>`.",
        table = entity.table,
        krate_doc = quote!(#krate).to_string().replace(' ', ""),
    );
    let guard = super::entity_guard(entity);
    let items = methods(entity).into_iter().map(|method| {
        let doc = &method.doc;
        let signature = signature(&method, krate, false);
        quote! {
            #[doc = #doc]
            #signature;
        }
    });
    let value_enum = super::finders::value_enum(entity);
    quote! {
        #[doc = #doc]
        #vis trait #trait_ident: #krate::__private::Backend<#ident>
        where
            #guard
        {
            #(#items)*
        }

        #value_enum
    }
}
