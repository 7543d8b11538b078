//! Stub impls emitted beside errors, so one mistake in an attribute does not also break every
//! use of the type.

use proc_macro2::TokenStream;
use quote::quote;

use super::ast::Input;
use super::expand::context_type;

pub fn expand(input: &Input<'_>) -> TokenStream {
    let krate = &input.krate;
    let ident = input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    let mut generics = input.generics.clone();
    let context = context_type(input, &mut generics);
    let (validate_generics, _, _) = generics.split_for_impl();
    quote! {
        #[automatically_derived]
        impl #validate_generics #krate::ValidateWith<#context> for #ident #ty_generics #where_clause {
            fn validate_into(
                &self,
                _: &#context,
                _: &#krate::validation::Path<'_>,
                _: &mut #krate::ValidationErrors,
            ) {
            }
        }
        #[automatically_derived]
        impl #impl_generics #krate::Normalize for #ident #ty_generics #where_clause {
            fn normalize(&mut self) {}
        }
    }
}
