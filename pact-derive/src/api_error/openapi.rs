//! `utoipa::IntoResponses` for a `#[derive(ApiError)]` type: one `application/problem+json`
//! response per status its variants answer, with each variant's `code` (and `title`, `type`,
//! static message) as an example; a transparent variant adds its field type's responses; every
//! 5xx becomes one generic `500`. Emitted through `__private::openapi_impls!`, which drops it
//! unless pact's `openapi` feature is on.

use proc_macro2::TokenStream;
use quote::quote;

use super::ast::{Input, Kind, Shape, Variant};

pub fn expand(input: &Input<'_>) -> TokenStream {
    let krate = &input.krate;
    let private = quote!(#krate::__private);
    let b = quote!(#private::openapi);
    let variants: Vec<&Variant> = match &input.shape {
        Shape::Struct(variant) => vec![&**variant],
        Shape::Enum(variants) => variants.iter().collect(),
    };
    let mut generics = input.generics.clone();
    let mut adds = Vec::new();
    for variant in variants {
        match &variant.kind {
            Kind::Transparent { ty, .. } => {
                let ty = unboxed(ty);
                if input.generics.params.iter().next().is_some() {
                    generics
                        .make_where_clause()
                        .predicates
                        .push(syn::parse_quote!(#ty: #private::utoipa::IntoResponses));
                }
                // A type with `ApiError` written by hand may have no `IntoResponses`: then
                // auto-ref picks a `default` response rather than failing the build.
                adds.push(quote! {
                    __responses.extend((&#b::Probe::<#ty>::new()).responses_of());
                });
            }
            Kind::Explicit(response) => {
                let status = response.status;
                let code = &response.code;
                let title = some(response.title.as_ref());
                let type_uri = some(response.type_uri.as_ref());
                let detail = some(
                    response
                        .message
                        .as_ref()
                        .filter(|text| text.is_static())
                        .map(|text| &text.lit),
                );
                adds.push(quote! {
                    __responses.add(#status, #code, #title, #type_uri, #detail);
                });
            }
        }
    }
    let ident = input.ident;
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    quote! {
        #private::openapi_impls! {
            #[automatically_derived]
            impl #impl_generics #private::utoipa::IntoResponses for #ident #ty_generics #where_clause {
                fn responses() -> ::std::collections::BTreeMap<
                    #private::String,
                    #private::utoipa::openapi::RefOr<#private::utoipa::openapi::response::Response>,
                > {
                    #[allow(unused_imports)]
                    use #b::{KnownResponses as _, UnknownResponses as _};
                    let mut __responses = #b::Responses::new();
                    #(#adds)*
                    __responses.build()
                }
            }
        }
    }
}

/// `T` of `Box<T>`, `Arc<T>`, `Rc<T>` (their `ApiError` forwards to `T`'s).
fn unboxed(ty: &syn::Type) -> &syn::Type {
    if let syn::Type::Path(path) = ty
        && let Some(last) = path.path.segments.last()
        && ["Box", "Arc", "Rc"].iter().any(|name| last.ident == name)
        && let syn::PathArguments::AngleBracketed(args) = &last.arguments
        && let [syn::GenericArgument::Type(inner)] = args.args.iter().collect::<Vec<_>>().as_slice()
    {
        return unboxed(inner);
    }
    ty
}

fn some(lit: Option<&syn::LitStr>) -> TokenStream {
    lit.map_or_else(
        || quote!(::core::option::Option::None),
        |lit| quote!(::core::option::Option::Some(#lit)),
    )
}
