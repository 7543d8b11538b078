//! `#[dto(into = T)]` (`impl From<Dto> for T`) and `#[dto(try_into = T)]` (`impl TryFrom<Dto>
//! for T`, which normalizes and validates first).
//!
//! The target is built by a full struct literal, without `..` (unless `partial`): a target
//! field the DTO neither carries nor names in `default(...)` is rustc's E0063 "missing field",
//! spanned on the type's name in the attribute. The DTO itself is taken apart by a full
//! pattern, so every DTO field goes somewhere (or is marked `skip`).

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};

use super::check::member_name;
use super::convert::{self, Dest, at, shape};
use super::from::{call, field_span};
use super::model::{Direction, How, Mapping};
use crate::dto::ast::{Field, Input, Shape};

pub fn expand(input: &Input<'_>, mapping: &Mapping, index: usize) -> TokenStream {
    let krate = &input.krate;
    let ident = input.ident;
    let target = &mapping.target;
    let (_, ty_generics, _) = input.generics.split_for_impl();
    let body = body(input, mapping, index);
    if mapping.direction == Direction::Into {
        let (impl_generics, _, where_clause) = input.generics.split_for_impl();
        return quote! {
            #[automatically_derived]
            impl #impl_generics ::core::convert::From<#ident #ty_generics> for #target #where_clause {
                #[inline]
                fn from(__dto: #ident #ty_generics) -> Self {
                    #body
                }
            }
        };
    }
    let mut generics = input.generics.clone();
    if !generics.params.is_empty() {
        generics
            .make_where_clause()
            .predicates
            .push(syn::parse_quote!(#ident #ty_generics: #krate::Validate + #krate::Normalize));
    }
    let (impl_generics, _, where_clause) = generics.split_for_impl();
    let (error, convert_error) = match &mapping.error {
        Some(error) => (
            quote!(#error),
            quote_spanned!(at(syn::spanned::Spanned::span(error))=> ::core::convert::From::from(__errors)),
        ),
        None => (quote!(#krate::ValidationErrors), quote!(__errors)),
    };
    quote! {
        #[automatically_derived]
        impl #impl_generics ::core::convert::TryFrom<#ident #ty_generics> for #target #where_clause {
            type Error = #error;

            fn try_from(mut __dto: #ident #ty_generics) -> ::core::result::Result<Self, #error> {
                #krate::Normalize::normalize(&mut __dto);
                if let ::core::result::Result::Err(__errors) = #krate::Validate::validate(&__dto) {
                    return ::core::result::Result::Err(#convert_error);
                }
                ::core::result::Result::Ok({ #body })
            }
        }
    }
}

/// Takes `__dto` apart and builds the target.
fn body(input: &Input<'_>, mapping: &Mapping, index: usize) -> TokenStream {
    let ident = input.ident;
    let path = mapping.target_expr();
    // `with(field = f)`: computed from the whole DTO before it is taken apart.
    let computed = mapping.computed.iter().map(|(name, function)| {
        let local = computed_local(name);
        let value = call(function, &quote!(&__dto));
        quote!(let #local = #value;)
    });
    let computed = quote!(#(#computed)*);
    let build = match &input.shape {
        Shape::Struct(fields) => {
            let (pattern, literal) = parts(input, mapping, index, fields, None);
            let literal = quote_spanned!(at(mapping.span)=> #path #literal);
            quote! {
                let #ident #pattern = __dto;
                #literal
            }
        }
        Shape::Enum(variants) => {
            let arms = variants.iter().map(|variant| {
                let name = variant.ident;
                let (pattern, literal) = parts(input, mapping, index, &variant.fields, Some(name));
                quote!(#ident::#name #pattern => #path::#name #literal,)
            });
            quote!(match __dto { #(#arms)* })
        }
    };
    quote!(#computed #build)
}

fn computed_local(name: &syn::Ident) -> syn::Ident {
    format_ident!("__computed_{}", name.to_string().trim_start_matches("r#"))
}

/// The DTO pattern's braces and the target literal's braces for one struct or variant.
fn parts(
    input: &Input<'_>,
    mapping: &Mapping,
    index: usize,
    fields: &[Field<'_>],
    variant: Option<&syn::Ident>,
) -> (TokenStream, TokenStream) {
    let krate = &input.krate;
    let span = at(mapping.span);
    let mut bindings = Vec::new();
    let mut values = Vec::new();
    for field in fields {
        let map = &field.maps[index];
        let member = &field.member;
        if map.is_skipped() {
            bindings.push(quote!(#member: _));
            continue;
        }
        let binding = format_ident!(
            "__dto_{}",
            member_name(member),
            span = at(field_span(field))
        );
        bindings.push(quote!(#member: #binding));
        let other = &map.other;
        let value = if let How::With(function) = &map.how {
            call(function, &quote!(#binding))
        } else {
            {
                let field_shape = shape(field.ty);
                let dest = Dest::Slot(slot(krate, mapping, variant, other));
                convert::owned(
                    krate,
                    &quote!(#binding),
                    &dest,
                    field_shape,
                    field_span(field),
                )
            }
        };
        values.push(quote!(#other: #value));
    }
    for (name, _) in &mapping.computed {
        let local = computed_local(name);
        values.push(quote!(#name: #local));
    }
    for (name, value) in &mapping.defaults {
        let value = value.as_ref().map_or_else(
            || quote_spanned!(at(name.span())=> ::core::default::Default::default()),
            |value| quote!(#value),
        );
        values.push(quote!(#name: #value));
    }
    let rest = mapping
        .partial
        .then(|| quote_spanned!(span=> ..::core::default::Default::default()));
    let literal = quote_spanned!(span=> { #(#values,)* #rest });
    (quote!({ #(#bindings,)* }), literal)
}

/// `slot(|__t: &Target| &__t.field)`: the type of the target's field, for containers. For a
/// variant, the closure matches it (the closure is never called).
fn slot(
    krate: &syn::Path,
    mapping: &Mapping,
    variant: Option<&syn::Ident>,
    other: &syn::Member,
) -> TokenStream {
    let target = &mapping.target;
    let reader = if let Some(variant) = variant {
        let path = mapping.target_expr();
        quote! {
            match __t {
                #path::#variant { #other: __slot, .. } => __slot,
                #[allow(unreachable_patterns)]
                _ => ::core::unreachable!(),
            }
        }
    } else {
        quote!(&__t.#other)
    };
    quote!(#krate::__private::mapping::slot(|__t: &#target| #reader))
}
