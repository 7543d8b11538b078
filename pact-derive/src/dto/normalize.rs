//! The checked model to `impl Normalize`: sanitizers in the order written, then nested DTOs.

use proc_macro2::TokenStream;
use quote::quote;

use super::ast::{Field, Input, Sanitizer, Shape};
use super::expand::{all_fields, binding, respan};
use crate::internals::bounds::InferredBounds;

pub fn normalize_impl(input: &Input<'_>) -> TokenStream {
    let krate = &input.krate;
    let ident = input.ident;
    let mut bounds = InferredBounds::new(input.generics);
    for field in all_fields(input).filter(|f| f.nested.is_some()) {
        bounds.require(field.ty, &quote!(#krate::Normalize));
    }
    let generics = bounds.extend(input.generics, None);
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let body = match &input.shape {
        Shape::Struct(fields) => {
            let steps = fields.iter().map(|field| {
                let member = &field.member;
                steps(krate, field, &quote!(&mut self.#member))
            });
            quote!(#(#steps)*)
        }
        Shape::Enum(variants) => {
            let arms = variants.iter().filter_map(|variant| {
                let name = variant.ident;
                let used: Vec<&Field<'_>> = variant.fields.iter().filter(|f| touches(f)).collect();
                if used.is_empty() {
                    return None;
                }
                let bindings = used.iter().map(|field| {
                    let member = &field.member;
                    let binding = binding(member);
                    quote!(#member: #binding)
                });
                let steps = used.iter().map(|field| {
                    let binding = binding(&field.member);
                    steps(krate, field, &quote!(#binding))
                });
                Some(quote!(Self::#name { #(#bindings,)* .. } => { #(#steps)* }))
            });
            let arms: Vec<TokenStream> = arms.collect();
            if arms.is_empty() {
                TokenStream::new()
            } else {
                quote! {
                    #[allow(clippy::match_wildcard_for_single_variants)]
                    match self {
                        #(#arms)*
                        _ => {}
                    }
                }
            }
        }
    };
    quote! {
        #[automatically_derived]
        impl #impl_generics #krate::Normalize for #ident #ty_generics #where_clause {
            fn normalize(&mut self) {
                #body
            }
        }
    }
}

fn touches(field: &Field<'_>) -> bool {
    !field.sanitizers.is_empty() || field.nested.is_some()
}

/// The sanitizers of one field, then its own normalization if it is a nested DTO.
fn steps(krate: &syn::Path, field: &Field<'_>, place: &TokenStream) -> TokenStream {
    let mut out = TokenStream::new();
    for sanitizer in &field.sanitizers {
        out.extend(match sanitizer {
            // The whole call at the sanitizer, so a field that is no string is reported there.
            Sanitizer::Trim(span) => {
                let call = respan(
                    &quote!(#krate::__private::sanitize::trim(#place)),
                    at(*span),
                );
                quote!(#call;)
            }
            Sanitizer::Lowercase(span) => {
                let call = respan(
                    &quote!(#krate::__private::sanitize::lowercase(#place)),
                    at(*span),
                );
                quote!(#call;)
            }
            Sanitizer::Uppercase(span) => {
                let call = respan(
                    &quote!(#krate::__private::sanitize::uppercase(#place)),
                    at(*span),
                );
                quote!(#call;)
            }
            Sanitizer::Custom(function) => quote!(#function(#place);),
        });
    }
    if field.nested.is_some() {
        let ty = field.ty;
        out.extend(quote!(<#ty as #krate::Normalize>::normalize(#place);));
    }
    out
}

fn at(span: proc_macro2::Span) -> proc_macro2::Span {
    proc_macro2::Span::call_site().located_at(span)
}
