//! The trait's impl: every `Backend<Entity>` is an `<Entity>Repository` (one blanket impl),
//! and the `Entity` impl's `Dyn` and `into_dyn`, how a store, a unit of work or a cache hands
//! out `dyn <Entity>Repository`.

use proc_macro2::TokenStream;
use quote::quote;

use super::methods::{backend_body, methods, signature};
use crate::repository::ast::Entity;

/// `impl<R: Backend<User>> UserRepository for R`: each method one call of `Backend` (the
/// memory and SQL repositories and the cached decorator implement it in the runtime, once for
/// every entity). Generic, so its bodies are compiled only where a repository is used.
pub(super) fn blanket_impl(entity: &Entity<'_>) -> TokenStream {
    let krate = &entity.krate;
    let p = quote!(#krate::__private);
    let ident = entity.ident;
    let guard = super::entity_guard(entity);
    let trait_ident = entity.trait_ident();
    let items = methods(entity).into_iter().map(|method| {
        let signature = signature(&method, krate, true);
        let body = backend_body(entity, &method);
        quote! {
            #[inline]
            #signature {
                #body
            }
        }
    });
    quote! {
        #[automatically_derived]
        impl<__R: #p::Backend<#ident>> #trait_ident for __R #guard {
            #(#items)*
        }
    }
}

/// `Dyn` and `into_dyn`, items of the `Entity` impl: the trait object, and any repository of
/// the entity behind it (pact-core's `UnitRepository` impl and the cache call it for every
/// backend).
pub(super) fn dyn_items(entity: &Entity<'_>, p: &TokenStream) -> TokenStream {
    let ident = entity.ident;
    let trait_ident = entity.trait_ident();
    quote! {
        type Dyn = dyn #trait_ident;

        #[inline]
        fn into_dyn<__R: #p::Backend<#ident> + 'static>(
            __pact_repository: __R,
        ) -> #p::Arc<dyn #trait_ident> {
            #p::Arc::new(__pact_repository)
        }
    }
}
