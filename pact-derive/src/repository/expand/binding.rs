//! `impl<DB> SqlEntity<DB>`: decoding a row into the struct and binding its values, for every
//! backend whose sqlx types cover the fields.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use super::{default_value, guards};
use crate::repository::ast::{Entity, Field, Stored};

pub(super) fn sql_entity_impl(entity: &Entity<'_>) -> TokenStream {
    let krate = &entity.krate;
    let p = quote!(#krate::__private);
    let ident = entity.ident;
    let mut bounds: Vec<TokenStream> = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    for (field, _) in entity.stored() {
        let ty = field.ty;
        let key = quote!(#ty).to_string();
        if !seen.contains(&key) {
            seen.push(key);
            bounds.push(quote_spanned!(ty.span()=> #ty: #p::SqlColumn<__DB>));
        }
    }
    let decode = entity.fields.iter().map(|field| {
        let f = field.ident;
        let ty = field.ty;
        if let Some(stored) = &field.stored {
            let index = stored.index;
            quote_spanned!(ty.span()=> #f: <#ty as #p::SqlDecode<__DB>>::decode(__pact_row, #index)?,)
        } else {
            let value = default_value(field);
            quote!(#f: #value,)
        }
    });
    let bind = |(field, _): (&Field<'_>, &Stored)| {
        let f = field.ident;
        let ty = field.ty;
        quote_spanned!(ty.span()=> <#ty as #p::SqlBind<__DB>>::bind(&self.#f, __pact_args)?;)
    };
    let insert = entity
        .stored()
        .filter(|(_, stored)| !stored.generated)
        .map(bind);
    let update = entity
        .stored()
        .filter(|(_, stored)| !Entity::kept_by_update(stored))
        .chain(std::iter::once(entity.id()))
        .chain(entity.version())
        .map(bind);
    let bind_id = bind(entity.id());
    let bind_deleted_at = super::lifecycle::bind_deleted_at(entity);
    let bind_unique = super::lifecycle::bind_unique(entity);
    // The finders' values bind as their parameters do (a `String` field's as `str`).
    for (field, stored) in entity.finders() {
        let ty = super::bind_type(field, stored);
        let key = ty.to_string();
        if !seen.contains(&key) {
            seen.push(key);
            bounds.push(quote!(#ty: #p::SqlBind<__DB>));
        }
    }
    let bind_value = super::finders::bind_value(entity, &p);
    let guards = guards(entity);
    quote! {
        #[automatically_derived]
        impl<__DB: #p::SqlBackend> #p::SqlEntity<__DB> for #ident
        where
            #guards
            #(#bounds,)*
        {
            #bind_value

            fn decode_row(__pact_row: &__DB::Row) -> ::core::result::Result<Self, #p::RepoError> {
                ::core::result::Result::Ok(Self {
                    #(#decode)*
                })
            }

            fn bind_insert(&self, __pact_args: &mut __DB::Arguments) -> ::core::result::Result<(), #p::RepoError> {
                #(#insert)*
                ::core::result::Result::Ok(())
            }

            fn bind_update(&self, __pact_args: &mut __DB::Arguments) -> ::core::result::Result<(), #p::RepoError> {
                #(#update)*
                ::core::result::Result::Ok(())
            }

            fn bind_id(&self, __pact_args: &mut __DB::Arguments) -> ::core::result::Result<(), #p::RepoError> {
                #bind_id
                ::core::result::Result::Ok(())
            }

            #bind_deleted_at

            #bind_unique
        }
    }
}
