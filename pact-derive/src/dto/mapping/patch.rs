//! `#[dto(patch = T)]`: `impl ApplyTo<T>`, writing the fields the patch carries.
//!
//! `Option<X>`: `Some` writes, `None` keeps. `Patch<X>`: `Value` writes `Some(..)`, `Null`
//! writes `None`, `Absent` keeps. Each write marks the field in the returned `Changes`.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};

use super::check::member_name;
use super::convert::{self, Dest, at, shape};
use super::from::{call, field_span};
use super::model::{How, Mapping};
use crate::dto::ast::{Input, Shape};
use crate::dto::valid::{option_inner, patch_inner};

pub fn expand(input: &Input<'_>, mapping: &Mapping, index: usize) -> TokenStream {
    let krate = &input.krate;
    let ident = input.ident;
    let target = &mapping.target;
    let Shape::Struct(fields) = &input.shape else {
        return TokenStream::new();
    };
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    let mut names = Vec::new();
    let mut bindings = Vec::new();
    let mut steps = Vec::new();
    for field in fields {
        let map = &field.maps[index];
        let member = &field.member;
        if map.is_skipped() {
            bindings.push(quote!(#member: _));
            continue;
        }
        let binding = format_ident!("__patch_{}", member_name(member));
        bindings.push(quote!(#member: #binding));
        let other = &map.other;
        let position = names.len();
        names.push(member_name(other));
        let span = at(field_span(field));
        let place = quote_spanned!(span=> __target.#other);
        let inner = patch_inner(field.ty).or_else(|| option_inner(field.ty));
        let Some(inner) = inner else { continue };
        let inner_shape = shape(inner);
        let value = |in_option: bool| {
            if let How::With(function) = &map.how {
                call(function, &quote!(__value))
            } else {
                {
                    let dest = if in_option {
                        Dest::Slot(
                            quote!(#krate::__private::mapping::slot_in_option(|__t: &#target| &__t.#other)),
                        )
                    } else {
                        Dest::Slot(
                            quote!(#krate::__private::mapping::slot(|__t: &#target| &__t.#other)),
                        )
                    };
                    convert::owned(
                        krate,
                        &quote!(__value),
                        &dest,
                        inner_shape,
                        field_span(field),
                    )
                }
            }
        };
        let mark = quote!(__changes.mark(#position););
        if field.patch {
            let value = value(true);
            steps.push(quote! {
                match #binding {
                    #krate::Patch::Absent => {}
                    #krate::Patch::Null => {
                        #place = ::core::option::Option::None;
                        #mark
                    }
                    #krate::Patch::Value(__value) => {
                        #place = ::core::option::Option::Some(#value);
                        #mark
                    }
                }
            });
        } else {
            let value = value(false);
            steps.push(quote! {
                if let ::core::option::Option::Some(__value) = #binding {
                    #place = #value;
                    #mark
                }
            });
        }
    }
    let changes = if steps.is_empty() {
        quote!(let __changes = #krate::Changes::new(&[]);)
    } else {
        quote!(let mut __changes = #krate::Changes::new(&[#(#names),*]);)
    };
    let target_arg = if steps.is_empty() {
        quote!(_: &mut #target)
    } else {
        quote!(__target: &mut #target)
    };
    quote! {
        #[automatically_derived]
        impl #impl_generics #krate::ApplyTo<#target> for #ident #ty_generics #where_clause {
            fn apply_to(self, #target_arg) -> #krate::Changes {
                #changes
                let #ident { #(#bindings,)* } = self;
                #(#steps)*
                __changes
            }
        }
    }
}
