//! The `Entity` impl's stored-field items: the stored fields' types as one tuple (`Row`), the
//! struct built from it (`from_row`), and the columns `INSERT` and `UPDATE` bind (each field is
//! handed out by `Entity::field`). pact-core's one `SqlEntity` impl decodes and binds through
//! them for every backend, so nothing here is generic over the database.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;

use super::default_value;
use crate::repository::ast::Entity;
use crate::repository::types;

/// The widest flat tuple pact-core's `SqlRow` covers; wider rows nest tuples in a `Wide`.
const TUPLE: usize = 16;

/// `Row`, `INSERT_COLUMNS`, `UPDATE_COLUMNS`, `from_row` and (for a `soft_delete` entity)
/// `deleted_at`, items of the `Entity` impl.
pub(super) fn stored_items(entity: &Entity<'_>, p: &TokenStream) -> TokenStream {
    let mut stored: Vec<_> = entity.stored().collect();
    stored.sort_by_key(|(_, stored)| stored.index);
    let types: Vec<&syn::Type> = stored.iter().map(|(field, _)| field.ty).collect();
    let locals: Vec<syn::Ident> = stored
        .iter()
        .map(|(_, stored)| format_ident!("__pact_f{}", stored.index))
        .collect();
    let (row_ty, row_pat) = if types.len() <= TUPLE {
        (quote!((#(#types,)*)), quote!((#(#locals,)*)))
    } else {
        let type_chunks = types.chunks(TUPLE).map(|chunk| quote!((#(#chunk,)*)));
        let local_chunks = locals.chunks(TUPLE).map(|chunk| quote!((#(#chunk,)*)));
        (
            quote!(#p::Wide<(#(#type_chunks,)*)>),
            quote!(#p::Wide((#(#local_chunks,)*))),
        )
    };
    let build = entity.fields.iter().map(|field| {
        let f = field.ident;
        if let Some(stored) = &field.stored {
            let local = format_ident!("__pact_f{}", stored.index);
            quote!(#f: #local,)
        } else {
            let value = default_value(field);
            quote!(#f: #value,)
        }
    });
    let insert = stored
        .iter()
        .filter(|(_, stored)| !stored.generated)
        .map(|(_, stored)| stored.index);
    let update = stored
        .iter()
        .filter(|(_, stored)| !Entity::kept_by_update(stored))
        .map(|(_, stored)| stored.index)
        .chain(std::iter::once(entity.id().1.index))
        .chain(entity.version().map(|(_, stored)| stored.index));
    let deleted_at = deleted_at(entity, p);
    quote! {
        type Row = #row_ty;
        const INSERT_COLUMNS: &'static [::core::primitive::usize] = &[#(#insert),*];
        const UPDATE_COLUMNS: &'static [::core::primitive::usize] = &[#(#update),*];

        #[inline]
        fn from_row(__pact_row: Self::Row) -> Self {
            let #row_pat = __pact_row;
            Self {
                #(#build)*
            }
        }

        #deleted_at
    }
}

/// `Entity::deleted_at` for a `soft_delete` entity: `Some(now)` as the field's type.
fn deleted_at(entity: &Entity<'_>, p: &TokenStream) -> Option<TokenStream> {
    let (field, _) = entity.lifecycle(crate::repository::ast::Lifecycle::SoftDelete)?;
    let ty = field.ty;
    let inner = types::option_inner(ty).unwrap_or(ty);
    Some(quote_spanned! {ty.span()=>
        fn deleted_at(
            __pact_now: ::core::primitive::i64,
            __pact_with: &mut dyn ::core::ops::FnMut(&dyn ::core::any::Any) -> ::core::result::Result<(), #p::RepoError>,
        ) -> ::core::result::Result<(), #p::RepoError> {
            let __pact_value: #ty = ::core::option::Option::Some(#p::timestamp::<#inner>(__pact_now)?);
            __pact_with(&__pact_value)
        }
    })
}
