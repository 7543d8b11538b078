//! `#[dto(from = T)]`: `impl From<T>` and `impl From<&T>` for the DTO.
//!
//! The source is taken apart by a full pattern, without `..` (unless `partial`): every source
//! field is bound by a DTO field or listed in `skip(...)` (bound to `_`), so a field added to
//! the source and forgotten here is rustc's E0027 "pattern does not mention field", spanned on
//! the type's name in the attribute. An enum is matched variant by variant, without a wildcard.

use crate::internals::span::respan;
use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};

use super::check::member_name;
use super::convert::{self, Dest, at, shape};
use super::model::{How, Mapping};
use crate::dto::ast::{Field, Input, Shape};
use crate::internals::bounds::InferredBounds;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Form {
    Owned,
    Borrowed,
}

pub fn expand(input: &Input<'_>, index: usize, mapping: &Mapping) -> TokenStream {
    let mut out = impl_from(input, index, mapping, Form::Owned);
    if !mapping.by_value {
        out.extend(impl_from(input, index, mapping, Form::Borrowed));
    }
    out
}

fn impl_from(input: &Input<'_>, index: usize, mapping: &Mapping, form: Form) -> TokenStream {
    let krate = &input.krate;
    let ident = input.ident;
    let target = &mapping.target;
    let (_, ty_generics, _) = input.generics.split_for_impl();
    let mut generics = input.generics.clone();
    let source = if form == Form::Borrowed {
        // A DTO with a lifetime borrows from the source for it (`Cow<'a, str>` from
        // `&'a String`); otherwise the borrow gets a lifetime of its own.
        let lifetime = borrow_lifetime(input.generics);
        if input.generics.lifetimes().next().is_none() {
            generics.params.insert(0, syn::parse_quote!(#lifetime));
        }
        // A generic field converted from a reference is (most often) cloned.
        let mut bounds = InferredBounds::new(input.generics);
        for field in all_fields(input) {
            if matches!(field.maps[index].how, How::Convert) {
                bounds.require(field.ty, &quote!(::core::clone::Clone));
            }
        }
        generics = bounds.extend(&generics, None);
        quote!(&#lifetime #target)
    } else {
        quote!(#target)
    };
    let (impl_generics, _, where_clause) = generics.split_for_impl();
    // From a reference, the pattern reads the place `*__source` with `ref` bindings, so a
    // missing field or variant is the same error (reported once) as for the owned impl.
    let place = if form == Form::Borrowed {
        quote!(*__source)
    } else {
        quote!(__source)
    };
    let body = match &input.shape {
        Shape::Struct(fields) => {
            let (pattern, values) = parts(krate, index, mapping, fields, form);
            let path = mapping.target_expr();
            let pattern = quote!(#path #pattern);
            quote! {
                let #pattern = #place;
                Self #values
            }
        }
        Shape::Enum(variants) => {
            let path = mapping.target_expr();
            let arms = variants.iter().map(|variant| {
                let name = variant.ident;
                let (pattern, values) = parts(krate, index, mapping, &variant.fields, form);
                quote!(#path::#name #pattern => Self::#name #values,)
            });
            let scrutinee = respan(&place, at(mapping.span));
            quote!(match #scrutinee { #(#arms)* })
        }
    };
    quote! {
        #[automatically_derived]
        impl #impl_generics ::core::convert::From<#source> for #ident #ty_generics #where_clause {
            #[inline]
            fn from(__source: #source) -> Self {
                #body
            }
        }
    }
}

/// The source pattern's braces (`{ a: __source_a, b: _ }`) and the DTO's values
/// (`{ a: .., c: .. }`) for one struct or variant.
fn parts(
    krate: &syn::Path,
    index: usize,
    mapping: &Mapping,
    fields: &[Field<'_>],
    form: Form,
) -> (TokenStream, TokenStream) {
    // The pattern's braces carry the span of the type's name in the attribute, unchanged:
    // rustc then reports a source field the pattern does not mention (E0027), with its
    // name, on the attribute (with a call-site span it would only say "inaccessible fields").
    let span = mapping.span;
    let mut bindings = Vec::new();
    let mut values = Vec::new();
    for field in fields {
        let map = &field.maps[index];
        let member = &field.member;
        let field_span = field_span(field);
        // At the derive itself: rustc then leaves out its E0027 "include the missing field"
        // suggestion, which would be computed across the attribute and the fields.
        let binding = format_ident!("__source_{}", member_name(member));
        let value = match &map.how {
            How::Skip(value) => value.as_ref().map_or_else(
                || quote_spanned!(at(field_span)=> ::core::default::Default::default()),
                |value| quote!(#value),
            ),
            How::With(function) => {
                let argument = if form == Form::Borrowed {
                    quote!(#krate::__private::mapping::cloned(#binding))
                } else {
                    quote!(#binding)
                };
                call(function, &argument)
            }
            How::Convert => {
                let binding = quote!(#binding);
                let shape = shape(field.ty);
                if form == Form::Borrowed {
                    convert::borrowed(krate, &binding, field.ty, shape, field_span)
                } else {
                    convert::owned(krate, &binding, &Dest::Type(field.ty), shape, field_span)
                }
            }
        };
        if !map.is_skipped() {
            let other = &map.other;
            let by_ref = (form == Form::Borrowed).then(|| quote!(ref));
            bindings.push(quote!(#other: #by_ref #binding));
        }
        values.push(quote!(#member: #value));
    }
    for skipped in &mapping.skip {
        bindings.push(quote_spanned!(at(span)=> #skipped: _));
    }
    let rest = mapping.partial.then(|| quote_spanned!(span=> ..));
    let pattern = quote_spanned!(span=> { #(#bindings,)* #rest });
    (pattern, quote!({ #(#values,)* }))
}

/// The lifetime of `From<&'_ T>`: the DTO's first lifetime, or `'__src`.
pub fn borrow_lifetime(generics: &syn::Generics) -> syn::Lifetime {
    generics.lifetimes().next().map_or_else(
        || syn::Lifetime::new("'__src", proc_macro2::Span::call_site()),
        |param| param.lifetime.clone(),
    )
}

/// `f(argument)`, or `(closure)(argument)`, spanned on the function.
pub fn call(function: &syn::Expr, argument: &TokenStream) -> TokenStream {
    let span = at(syn::spanned::Spanned::span(function));
    if matches!(function, syn::Expr::Path(_)) {
        quote_spanned!(span=> #function(#argument))
    } else {
        quote_spanned!(span=> (#function)(#argument))
    }
}

/// Where errors about a field go: its name, or its type for a tuple field.
pub fn field_span(field: &Field<'_>) -> Span {
    match &field.member {
        syn::Member::Named(ident) => ident.span(),
        syn::Member::Unnamed(_) => syn::spanned::Spanned::span(field.ty),
    }
}

pub fn all_fields<'a>(input: &'a Input<'a>) -> Box<dyn Iterator<Item = &'a Field<'a>> + 'a> {
    crate::dto::expand::all_fields(input)
}
