//! The `<Entity>Repository` trait: the entity's own methods (a finder per unique or indexed
//! field, an upsert per target), with their docs; what every entity has is `Backend`'s.

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

/// The trait's methods: the finders, then the upserts.
pub(super) fn methods(entity: &Entity<'_>) -> Vec<Method> {
    let krate = &entity.krate;
    let ident = entity.ident;
    let result = |ok: TokenStream| quote!(::core::result::Result<#ok, #krate::RepoError>);
    let option = quote!(::core::option::Option<#ident>);
    let page = quote!(#krate::Page<#ident>);
    let mut methods = Vec::new();
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
    methods.extend(super::lifecycle::methods(entity));
    methods
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
    let message = format!("pact: `{method_name}` has no `Backend` method");
    quote!(::core::compile_error!(#message))
}

/// The trait, bounded on `for<'__pact> User: Entity`: under the binder no error of its own
/// when the entity's checks fail (or, beside compile errors, there is no `Entity` impl), so
/// code naming the trait reports only the mistake.
pub fn repository_trait(entity: &Entity<'_>) -> TokenStream {
    let krate = &entity.krate;
    let vis = entity.vis;
    let ident = entity.ident;
    let trait_ident = entity.trait_ident();
    let doc = format!(
        "The repository of [`{ident}`] (table `{table}`), generated by `#[derive(Repository)]`.\n\n\
         Every [`Backend<{ident}>`]({krate_doc}::repository::Backend) is one: \
         `MemoryRepository<{ident}>`, the SQL repositories (`SqlRepository<DB, {ident}>`: SQLite, \
         PostgreSQL, MySQL) and the cached decorator `Cached<{ident}>`. What every entity has \
         (`find_by_id`, `insert`, `find_all`, ...) is `Backend`'s; this trait adds `{ident}`'s \
         own finders and upserts, each one call of `Backend`. Services hold it as \
         `Arc<dyn {trait_ident}>`.",
        table = entity.table,
        krate_doc = quote!(#krate).to_string().replace(' ', ""),
    );
    let items = methods(entity).into_iter().map(|method| {
        let doc = &method.doc;
        let signature = signature(&method, krate, false);
        quote! {
            #[doc = #doc]
            #signature;
        }
    });
    let guard = super::entity_guard(entity);
    let value_enum = super::finders::value_enum(entity);
    quote! {
        #[doc = #doc]
        #vis trait #trait_ident: #krate::__private::Backend<#ident> #guard {
            #(#items)*
        }

        #value_enum
    }
}
