//! What is emitted beside the errors when the input is wrong: a minimal impl, so that one
//! mistake in an attribute does not also break every use of the type (thiserror's fallback).

use proc_macro2::TokenStream;
use quote::quote;
use syn::DeriveInput;

use crate::internals::crate_path;

pub fn expand(input: &DeriveInput, krate: Option<syn::Path>) -> TokenStream {
    let krate = crate_path::or_default(krate);
    let ident = &input.ident;
    let mut generics = input.generics.clone();
    if !generics.params.is_empty() {
        let (_, ty_generics, _) = input.generics.split_for_impl();
        generics
            .make_where_clause()
            .predicates
            .push(syn::parse_quote!(#ident #ty_generics: ::std::error::Error));
    }
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    quote! {
        #[automatically_derived]
        impl #impl_generics #krate::ApiError for #ident #ty_generics #where_clause {
            fn status(&self) -> #krate::__private::StatusCode {
                #krate::__private::StatusCode::INTERNAL_SERVER_ERROR
            }
            fn code(&self) -> &str {
                "internal"
            }
        }

        // The framework impls too, so handlers that return the type raise no errors of their own.
        #krate::__private::api_error_integrations! {
            crate = {#krate} {#impl_generics} {#ident #ty_generics} {#where_clause}
        }

        // And `IntoResponses` (with the `openapi` feature): one generic 500.
        #krate::__private::openapi_impls! {
            #[automatically_derived]
            impl #impl_generics #krate::__private::utoipa::IntoResponses for #ident #ty_generics #where_clause {
                fn responses() -> ::std::collections::BTreeMap<
                    #krate::__private::String,
                    #krate::__private::utoipa::openapi::RefOr<#krate::__private::utoipa::openapi::response::Response>,
                > {
                    let mut __responses = #krate::__private::openapi::Responses::new();
                    __responses.server_error();
                    __responses.build()
                }
            }
        }
    }
}
