//! The trait's impls: `MemoryRepository<E>` (synchronous calls, boxed as finished futures by
//! `__private::ready`) and `SqlRepository<DB, E>` (the runtime's boxed sqlx futures). Every
//! body is one call of a generic runtime helper, so the deriving crate checks a call, not an
//! `async` body, and the memory impl's methods are `#[inline]`: compiled where they are used.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;

use super::methods::{methods, signature};
use super::{bind_type, entity_guard, name, param_ref};
use crate::repository::ast::{Entity, Field, Stored};
use crate::repository::types::Param;

/// The trait's methods implemented by one backend: `body(method name, finder)` gives each body.
///
/// `inline` marks the methods `#[inline]`: a non-generic impl's methods are then compiled
/// only in the crates that call them (or build its vtable), not in every crate that derives.
fn trait_impl(
    entity: &Entity<'_>,
    header: &TokenStream,
    inline: bool,
    body: impl Fn(&str, Option<(&Field<'_>, &Stored)>) -> TokenStream,
) -> TokenStream {
    let krate = &entity.krate;
    let finders: Vec<_> = entity.finders().collect();
    let items = methods(entity).into_iter().map(|method| {
        let method_name = method.name.to_string();
        let finder = finders.iter().copied().find(|(field, stored)| {
            let prefix = if stored.unique {
                "find_by_"
            } else {
                "find_all_by_"
            };
            method_name == format!("{prefix}{}", name(field))
        });
        let signature = signature(&method, krate, true);
        let body = body(&method_name, finder);
        let inline = inline.then(|| quote!(#[inline]));
        quote! {
            #inline
            #signature {
                #body
            }
        }
    });
    quote! {
        #[automatically_derived]
        #header {
            #(#items)*
        }
    }
}

pub(super) fn memory_impl(entity: &Entity<'_>) -> TokenStream {
    let krate = &entity.krate;
    let p = quote!(#krate::__private);
    let ident = entity.ident;
    let trait_ident = entity.trait_ident();
    let (_, id) = entity.id();
    let id_ref = param_ref(id, &format_ident!("__pact_id"));
    let ok = |value: TokenStream| quote!(::core::result::Result::Ok(#value));
    let guard = entity_guard(entity);
    let header = quote! {
        impl #trait_ident for #p::MemoryRepository<#ident>
        where
            #guard
    };
    trait_impl(entity, &header, true, |method, finder| {
        let value = match (method, finder) {
            ("find_by_id", _) => ok(quote!(self.find_row(#id_ref))),
            ("get_by_id", _) => quote!(self.get_row(#id_ref)),
            ("find_by_ids", _) => ok(quote!(self.find_rows(__pact_ids))),
            ("find_all", _) => quote!(self.find_page(&__pact_page, |_| true)),
            ("find_all_by_cursor", _) => quote!(self.find_cursor_page(&__pact_cursor)),
            ("count", _) => ok(quote!(self.count_rows())),
            ("exists", _) => ok(quote!(self.contains(#id_ref))),
            ("insert", _) => quote!(self.insert_row(__pact_entity)),
            ("insert_many", _) => quote!(self.insert_rows(__pact_entities)),
            ("update", _) => quote!(self.update_row(__pact_entity)),
            ("delete_by_id", _) => quote!(self.delete_row(#id_ref)),
            (_, Some((field, stored))) => {
                let f = field.ident;
                let value = param_ref(stored, &format_ident!("__pact_value"));
                // Spanned on the field's type: a type without `PartialEq` is reported there.
                let eq = quote_spanned! {field.ty.span()=>
                    |__pact_row| ::core::cmp::PartialEq::eq(&__pact_row.#f, #value)
                };
                let index = stored.index;
                if stored.unique {
                    ok(quote! {
                        self.find_unique(
                            #index,
                            #p::BuildHasher::hash_one(self.hasher(), #value),
                            #eq,
                        )
                    })
                } else {
                    quote! {
                        self.find_page(
                            &__pact_page,
                            #eq,
                        )
                    }
                }
            }
            (other, None) if super::lifecycle::handles(other) => {
                super::lifecycle::memory_body(entity, other)
            }
            (other, None) => {
                let message = format!("pact: no memory body for `{other}`");
                quote!(::core::compile_error!(#message))
            }
        };
        quote!(#p::ready(#value))
    })
}

/// What the SQL impl needs of `__DB`: the backend, the entity's binding, and every
/// parameter type.
fn sql_bounds(entity: &Entity<'_>) -> TokenStream {
    let krate = &entity.krate;
    let p = quote!(#krate::__private);
    let ident = entity.ident;
    let (id_field, id) = entity.id();
    let mut bounds = vec![bind_type(id_field, id)];
    for (field, stored) in entity.finders() {
        let ty = bind_type(field, stored);
        if !bounds.iter().any(|b| b.to_string() == ty.to_string()) {
            bounds.push(ty);
        }
    }
    let guard = entity_guard(entity);
    quote! {
        #guard
        __DB: #p::SqlBackend,
        // Under the binder too: its supertrait `Entity` holds only under the guards.
        for<'__pact> #ident: #p::SqlEntity<__DB>,
        for<'__pact> #ident: #p::SqlKeyset<__DB>,
        #(#bounds: #p::SqlBind<__DB>,)*
    }
}

/// `UnitRepository`: how a store or a unit of work hands out `dyn <Entity>Repository`, on
/// every backend the SQL impl holds for.
pub(super) fn unit_impl(entity: &Entity<'_>) -> TokenStream {
    let krate = &entity.krate;
    let p = quote!(#krate::__private);
    let ident = entity.ident;
    let trait_ident = entity.trait_ident();
    let bounds = sql_bounds(entity);
    quote! {
        #[automatically_derived]
        impl<__DB> #p::UnitRepository<__DB> for #ident
        where
            #bounds
        {
            type Dyn = dyn #trait_ident;

            fn memory(
                __pact_repository: #p::MemoryRepository<#ident>,
            ) -> #p::Arc<dyn #trait_ident> {
                #p::Arc::new(__pact_repository)
            }

            fn sql(
                __pact_repository: #p::SqlRepository<__DB, #ident>,
            ) -> #p::Arc<dyn #trait_ident> {
                #p::Arc::new(__pact_repository)
            }
        }
    }
}

pub(super) fn sql_impl(entity: &Entity<'_>) -> TokenStream {
    let krate = &entity.krate;
    let p = quote!(#krate::__private);
    let ident = entity.ident;
    let trait_ident = entity.trait_ident();
    let (id_field, id) = entity.id();
    let bounds = sql_bounds(entity);
    // `find_by_ids` binds each id as the other lookups do (a `String` id as `str`).
    let bound_id = bind_type(id_field, id);
    let id_ty = id_field.ty;
    let key = match id.param() {
        Param::Str | Param::Slice => quote! {
            |__pact_id: &#id_ty| -> &#bound_id { ::core::convert::AsRef::as_ref(__pact_id) }
        },
        Param::Value | Param::Ref => quote!(|__pact_id: &#id_ty| -> &#id_ty { __pact_id }),
    };

    let header = quote! {
        impl<__DB> #trait_ident for #p::SqlRepository<__DB, #ident>
        where
            #bounds
    };
    // Each body is the runtime's future itself, which owns the arguments it borrows (no
    // `async` block per method for the user's crate to check and lower).
    trait_impl(entity, &header, false, |method, finder| {
        match (method, finder) {
            ("find_by_id", _) => quote!(self.find_row::<#bound_id>(__pact_id)),
            ("get_by_id", _) => quote!(self.get_row::<#bound_id>(__pact_id)),
            ("find_by_ids", _) => quote!(self.find_rows(__pact_ids, #key)),
            ("find_all", _) => quote!(self.find_page(__pact_page)),
            ("find_all_by_cursor", _) => quote!(self.find_cursor_page(__pact_cursor)),
            ("count", _) => quote!(self.count_rows()),
            ("exists", _) => quote!(self.contains::<#bound_id>(__pact_id)),
            ("insert", _) => quote!(self.insert_row(__pact_entity)),
            ("insert_many", _) => quote!(self.insert_rows(__pact_entities)),
            ("update", _) => quote!(self.update_row(__pact_entity)),
            ("delete_by_id", _) => quote!(self.delete_row::<#bound_id>(__pact_id)),
            (_, Some((field, stored))) => {
                let bound = bind_type(field, stored);
                let index = stored.index;
                if stored.unique {
                    quote!(self.find_unique::<#bound>(#index, __pact_value))
                } else {
                    quote!(self.find_page_by::<#bound>(#index, __pact_value, __pact_page))
                }
            }
            (other, None) if super::lifecycle::handles(other) => {
                super::lifecycle::sql_body(entity, other)
            }
            (other, None) => {
                let message = format!("pact: no SQL body for `{other}`");
                quote!(::core::compile_error!(#message))
            }
        }
    })
}
