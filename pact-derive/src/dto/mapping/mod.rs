//! `#[dto(from = T, into = T, try_into = T, patch = T)]`: conversions between a DTO and the
//! domain types, exhaustive by default. Parsed in `attr` (called by `container` and
//! `sanitize`), checked in `check` into `model`, expanded by `from`, `into` and `patch`, with
//! each field's conversion chosen in `convert`.

pub mod attr;
pub mod check;
mod convert;
mod from;
mod into;
pub mod model;
mod patch;

use proc_macro2::TokenStream;
use quote::quote;

use super::ast::Input;
use model::Direction;

/// Every mapping's impls.
pub fn expand(input: &Input<'_>) -> TokenStream {
    let mut out = TokenStream::new();
    for (index, mapping) in input.mappings.iter().enumerate() {
        out.extend(match mapping.direction {
            Direction::From => from::expand(input, index, mapping),
            Direction::Into | Direction::TryInto => into::expand(input, mapping, index),
            Direction::Patch => patch::expand(input, mapping, index),
        });
    }
    out
}

/// Stub impls beside errors, so uses of the conversions do not fail as well.
pub fn fallback(input: &Input<'_>) -> TokenStream {
    let krate = &input.krate;
    let ident = input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    let mut out = TokenStream::new();
    for mapping in &input.mappings {
        let target = &mapping.target;
        out.extend(match mapping.direction {
            Direction::From => {
                let mut generics = input.generics.clone();
                let lifetime = from::borrow_lifetime(input.generics);
                if input.generics.lifetimes().next().is_none() {
                    generics.params.insert(0, syn::parse_quote!(#lifetime));
                }
                let (ref_generics, _, _) = generics.split_for_impl();
                let by_ref = (!mapping.by_value).then(|| {
                    quote! {
                        #[automatically_derived]
                        impl #ref_generics ::core::convert::From<&#lifetime #target> for #ident #ty_generics #where_clause {
                            fn from(_: &#lifetime #target) -> Self {
                                ::core::unimplemented!()
                            }
                        }
                    }
                });
                quote! {
                    #[automatically_derived]
                    impl #impl_generics ::core::convert::From<#target> for #ident #ty_generics #where_clause {
                        fn from(_: #target) -> Self {
                            ::core::unimplemented!()
                        }
                    }
                    #by_ref
                }
            }
            Direction::Into => quote! {
                #[automatically_derived]
                impl #impl_generics ::core::convert::From<#ident #ty_generics> for #target #where_clause {
                    fn from(_: #ident #ty_generics) -> Self {
                        ::core::unimplemented!()
                    }
                }
            },
            Direction::TryInto => {
                let error = mapping
                    .error
                    .as_ref()
                    .map_or_else(|| quote!(#krate::ValidationErrors), |error| quote!(#error));
                quote! {
                    #[automatically_derived]
                    impl #impl_generics ::core::convert::TryFrom<#ident #ty_generics> for #target #where_clause {
                        type Error = #error;
                        fn try_from(_: #ident #ty_generics) -> ::core::result::Result<Self, #error> {
                            ::core::unimplemented!()
                        }
                    }
                }
            }
            Direction::Patch => quote! {
                #[automatically_derived]
                impl #impl_generics #krate::ApplyTo<#target> for #ident #ty_generics #where_clause {
                    fn apply_to(self, _: &mut #target) -> #krate::Changes {
                        ::core::unimplemented!()
                    }
                }
            },
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::convert::{Shape, shape};

    fn derive(source: &str) -> String {
        let input: syn::DeriveInput = syn::parse_str(source).expect("test input parses");
        crate::dto::derive(&input).to_string()
    }

    #[test]
    fn reads_shapes_from_type_syntax() {
        let cases = [
            ("String", Shape::Leaf),
            ("Option<TagDto>", Shape::Optional),
            ("std::option::Option<u8>", Shape::Optional),
            ("Vec<TagDto>", Shape::Sequence),
            ("Box<TagDto>", Shape::Boxed),
            ("HashMap<String, TagDto>", Shape::Map),
            ("std::collections::HashMap<String, TagDto, S>", Shape::Map),
            ("BTreeMap<u8, TagDto>", Shape::Map),
            ("Vec<u8, A>", Shape::Leaf),
            ("<T as Trait>::Vec", Shape::Leaf),
            ("&'a str", Shape::Leaf),
        ];
        for (ty, expected) in cases {
            let ty: syn::Type = syn::parse_str(ty).expect("type parses");
            assert!(shape(&ty) == expected, "{}", quote::quote!(#ty));
        }
    }

    #[test]
    fn options_attach_to_the_mapping_before_them() {
        let out = derive(
            "#[dto(from = User, skip(secret), into = NewUser, default(created_at))] struct Dto { id: u64 }",
        );
        assert!(!out.contains("compile_error"), "{out}");
        assert!(out.contains("secret : _"), "{out}");
        assert!(out.contains("created_at :"), "{out}");
    }

    #[test]
    fn scoped_field_keys_apply_to_their_target_only() {
        let out = derive(
            "#[dto(from = User)] #[dto(from = Admin)] struct Dto { #[dto(target = Admin, rename = mail)] email: String }",
        );
        assert!(!out.contains("compile_error"), "{out}");
        assert!(out.contains("email : __source_email"), "{out}");
        assert!(out.contains("mail : __source_email"), "{out}");
    }

    #[test]
    fn direction_groups_override_keys_for_every_mapping() {
        let out = derive(
            "#[dto(from = User, into = User)] struct Dto { #[dto(with = both, from(with = down))] a: u8 }",
        );
        assert!(!out.contains("compile_error"), "{out}");
        assert!(out.contains("down (__source_a)"), "{out}");
        assert!(out.contains("both (__dto_a)"), "{out}");
        assert!(!out.contains("both (__source_a)"), "{out}");
    }

    #[test]
    fn reports_every_mistake_without_panicking() {
        let cases = [
            "#[dto(from)] struct Dto { id: u64 }",
            "#[dto(from = )] struct Dto { id: u64 }",
            "#[dto(from = 1)] struct Dto { id: u64 }",
            "#[dto(skip(a))] struct Dto { id: u64 }",
            "#[dto(from = User, skip)] struct Dto { id: u64 }",
            "#[dto(from = User, skip())] struct Dto { id: u64 }",
            "#[dto(from = User, default(a = ))] struct Dto { id: u64 }",
            "#[dto(patch = User)] struct Dto { id: u64 }",
            "#[dto(patch = User)] enum Dto { A }",
            "#[dto(from = User)] struct Dto { #[dto(rename = \"not an ident\")] id: u64 }",
            "#[dto(from = User)] struct Dto { #[dto(rename = 1)] id: u64 }",
            "#[dto(from = User)] struct Dto { #[dto(target = Usr)] id: u64 }",
            "#[dto(from = User)] struct Dto { #[dto(skip = 1)] id: u64 }",
            "#[dto(from = User)] struct Dto { #[dto(with)] id: u64 }",
            "#[dto(from = User, partial, partial)] struct Dto { id: u64 }",
            "#[dto(into = A, try_into = A)] struct Dto(u8);",
            "#[dto(from = User)] struct Dto { #[dto(from)] id: u64 }",
            "#[dto(from = User)] struct Dto { #[dto(from(target = User))] id: u64 }",
            "#[dto(from = User)] struct Dto { #[dto(from(skip), from(skip))] id: u64 }",
            "#[dto(from = User)] struct Dto { #[dto(target = User, from(skip))] id: u64 }",
            "#[dto(from = User)] union Dto { id: u64 }",
        ];
        for case in cases {
            let out = derive(case);
            assert!(out.contains("compile_error"), "{case}: {out}");
        }
    }
}
