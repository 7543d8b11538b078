//! `utoipa::ToSchema` for a `#[derive(Dto)]` type, from the checked model validation expands
//! (`ast`), so the document states the rules the code checks. Emitted through
//! `__private::openapi_impls!`, which drops it unless pact's `openapi` feature is on.
//!
//! The schema describes what the client sends: deserialize names, `skip`/`skip_deserializing`
//! members left out, `required` unless the field is an `Option`/`Patch` or has a serde
//! `default` (an `Option` with the `required` rule is required and not nullable).

use proc_macro2::TokenStream;
use quote::quote;
use syn::{Attribute, DeriveInput};

use super::ast::{Field, Input, Shape, Variant, Wire};
use super::openapi_rules as rules;
use super::openapi_types::TypeSchemas;
use super::serde_names;
use crate::internals::case::RenameRule;

pub fn expand(input: &Input<'_>, derive: &DeriveInput) -> TokenStream {
    let krate = &input.krate;
    let private = quote!(#krate::__private);
    let b = quote!(#private::openapi);
    let mut types = TypeSchemas {
        private: &private,
        refs: Vec::new(),
    };
    let Some(body) = schema_body(input, derive, &b, &mut types) else {
        return TokenStream::new();
    };

    let ident = input.ident;
    let name = ident.to_string();
    let mut generics = input.generics.clone();
    let type_params: Vec<syn::Ident> = generics.type_params().map(|p| p.ident.clone()).collect();
    if !type_params.is_empty() {
        let clause = generics.make_where_clause();
        for param in type_params {
            clause
                .predicates
                .push(syn::parse_quote!(#param: #private::utoipa::ToSchema));
        }
    }
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let refs = &types.refs;
    let schemas_arg = if refs.is_empty() {
        quote!(_)
    } else {
        quote!(__schemas)
    };
    let body = quote! {
        #[allow(unused_imports)]
        use #b::{
            JsonBound as _, KnownSchema as _, NumericBound as _, OtherBound as _, OtherJson as _,
            UnknownSchema as _,
        };
        #body
    };
    // A generic DTO implements utoipa's `ComposeSchema` (which gives `PartialSchema`), as
    // utoipa's derive does: `#[utoipa::path(request_body = Wrapper<User>)]` asks for it.
    let schema_impl = if input.generics.type_params().next().is_some() {
        quote! {
            #[automatically_derived]
            impl #impl_generics #private::utoipa::__dev::ComposeSchema for #ident #ty_generics #where_clause {
                fn compose(_: #private::Vec<#b::SchemaRef>) -> #b::SchemaRef {
                    #body
                }
            }
        }
    } else {
        quote! {
            #[automatically_derived]
            impl #impl_generics #private::utoipa::PartialSchema for #ident #ty_generics #where_clause {
                fn schema() -> #b::SchemaRef {
                    #body
                }
            }
        }
    };
    quote! {
        #private::openapi_impls! {
            #schema_impl

            #[automatically_derived]
            impl #impl_generics #private::utoipa::ToSchema for #ident #ty_generics #where_clause {
                fn name() -> #private::Cow<'static, str> {
                    #b::name(#name)
                }

                fn schemas(#schemas_arg: &mut #private::Vec<(#private::String, #b::SchemaRef)>) {
                    #[allow(unused_imports)]
                    use #b::{KnownSchema as _, UnknownSchema as _};
                    #((&#b::Probe::<#refs>::new()).collect_into(__schemas);)*
                }
            }
        }
    }
}

/// The statements of `schema()`: the shape's schema, with the type's doc comment and its
/// `schema(...)` checks noted.
fn schema_body(
    input: &Input<'_>,
    derive: &DeriveInput,
    b: &TokenStream,
    types: &mut TypeSchemas<'_>,
) -> Option<TokenStream> {
    let serde = Serde::read(&derive.attrs);
    let notes: Vec<String> = input
        .schemas
        .iter()
        .map(|schema| {
            let function = quote::ToTokens::to_token_stream(&schema.function)
                .to_string()
                .replace(' ', "");
            format!("schema({function})")
        })
        .collect();
    let description = option(docs(&derive.attrs));
    let body = match (&input.shape, &derive.data) {
        (Shape::Struct(fields), syn::Data::Struct(data)) => {
            let attrs: Vec<&[Attribute]> = data.fields.iter().map(|f| f.attrs.as_slice()).collect();
            let content = fields_schema(b, types, fields, &attrs, serde.default, None);
            quote! {
                let mut __schema = #content;
                #b::describe_opt(&mut __schema, #description);
                #(#b::note(&mut __schema, #notes);)*
                __schema
            }
        }
        (Shape::Enum(variants), syn::Data::Enum(data)) => {
            let content = enum_schema(b, types, variants, data, &serde);
            quote! {
                let mut __schema = #content;
                #b::describe_opt(&mut __schema, #description);
                #(#b::note(&mut __schema, #notes);)*
                __schema
            }
        }
        _ => return None,
    };
    Some(body)
}

/// What serde's container attributes say beyond the model: the tag and content keys.
struct Serde {
    tag: Option<String>,
    content: Option<String>,
    untagged: bool,
    default: bool,
    rename_all: Option<RenameRule>,
}

impl Serde {
    fn read(attrs: &[Attribute]) -> Self {
        let mut out = Self {
            tag: None,
            content: None,
            untagged: false,
            default: false,
            rename_all: None,
        };
        serde_names::for_each_key(attrs, &mut |key, value| match key {
            "tag" => out.tag = value,
            "content" => out.content = value,
            "untagged" => out.untagged = true,
            "default" => out.default = true,
            "rename_all" => out.rename_all = value.as_deref().and_then(RenameRule::from_name),
            _ => {}
        });
        out
    }
}

/// serde's attributes on one field or variant, for what the model does not keep.
#[derive(Default)]
struct Item {
    skip: bool,
    default: bool,
    untagged: bool,
    rename: Option<String>,
}

fn item(attrs: &[Attribute]) -> Item {
    let mut out = Item::default();
    serde_names::for_each_key(attrs, &mut |key, value| match key {
        "skip" | "skip_deserializing" => out.skip = true,
        "default" => out.default = true,
        "untagged" => out.untagged = true,
        "rename" => out.rename = value,
        _ => {}
    });
    out
}

/// The doc comment, lines joined, one leading space removed from each.
fn docs(attrs: &[Attribute]) -> Option<String> {
    let lines: Vec<String> = attrs
        .iter()
        .filter(|attr| attr.path().is_ident("doc"))
        .filter_map(|attr| match &attr.meta {
            syn::Meta::NameValue(syn::MetaNameValue {
                value:
                    syn::Expr::Lit(syn::ExprLit {
                        lit: syn::Lit::Str(lit),
                        ..
                    }),
                ..
            }) => Some(lit.value()),
            _ => None,
        })
        .map(|line| {
            line.strip_prefix(' ')
                .unwrap_or(&line)
                .trim_end()
                .to_owned()
        })
        .collect();
    let text = lines.join("\n").trim().to_owned();
    (!text.is_empty()).then_some(text)
}

fn option(text: Option<String>) -> TokenStream {
    text.map_or_else(
        || quote!(::core::option::Option::None),
        |text| quote!(::core::option::Option::Some(#text)),
    )
}

/// The schema of a list of fields: an object of named members, the one field of a newtype,
/// or an array for a tuple. `tag` adds the member an internally tagged enum writes.
fn fields_schema(
    b: &TokenStream,
    types: &mut TypeSchemas<'_>,
    fields: &[Field<'_>],
    attrs: &[&[Attribute]],
    container_default: bool,
    tag: Option<(&str, &str)>,
) -> TokenStream {
    let live: Vec<(&Field<'_>, &[Attribute])> = fields
        .iter()
        .zip(attrs.iter().copied())
        .filter(|(_, attrs)| !item(attrs).skip)
        .collect();
    let named = live.iter().any(|(f, _)| matches!(f.wire, Wire::Name(_)))
        || fields.is_empty()
        || tag.is_some();
    if !named {
        if let [(field, attrs)] = live.as_slice()
            && matches!(field.wire, Wire::Flatten)
            && fields.len() == 1
        {
            return field_schema(b, types, field, attrs);
        }
        let len = live.len();
        return quote!(#b::array(#b::any(), false, ::core::option::Option::Some(#len)));
    }
    let mut members = TokenStream::new();
    if let Some((tag, value)) = tag {
        members.extend(quote!(__object.property(#tag, true, #b::constant(#value));));
    }
    for (field, attrs) in live {
        let schema = field_schema(b, types, field, attrs);
        match &field.wire {
            Wire::Name(name) => {
                let own = item(attrs);
                let required = field.required.is_some()
                    || !(field.optional || own.default || container_default);
                members.extend(quote!(__object.property(#name, #required, #schema);));
            }
            Wire::Flatten | Wire::Index(_) => {
                members.extend(quote!(__object.flatten(#schema);));
            }
        }
    }
    quote! {{
        let mut __object = #b::ObjectSchema::new();
        #members
        __object.build(::core::option::Option::None, &[])
    }}
}

/// One field's schema: its type's, with its rules, nullable if it may be `null`, described by
/// its doc comment.
fn field_schema(
    b: &TokenStream,
    types: &mut TypeSchemas<'_>,
    field: &Field<'_>,
    attrs: &[Attribute],
) -> TokenStream {
    let inner_ty = super::valid::patch_inner(field.ty)
        .or_else(|| super::valid::option_inner(field.ty))
        .filter(|_| field.optional)
        .unwrap_or(field.ty);
    let ty_schema = types.schema(inner_ty);
    let rules = rules::apply(b, &field.rules);
    let elements = rules::elements(b, &field.each, &field.keys);
    let notes: Vec<String> = field
        .must_match
        .iter()
        .map(|check| {
            let other = match &check.other {
                syn::Member::Named(ident) => ident.to_string(),
                syn::Member::Unnamed(index) => index.index.to_string(),
            };
            format!("must_match({other})")
        })
        .collect();
    let nullable = (field.optional && field.required.is_none())
        .then(|| quote!(__schema = #b::nullable(__schema);));
    let patch = field.patch.then(|| {
        quote!(#b::describe(&mut __schema, "Absent: left unchanged. `null`: cleared. A value: set.");)
    });
    let description = option(docs(attrs));
    quote! {{
        let mut __schema = #ty_schema;
        {
            let __s = &mut __schema;
            #rules
            #elements
            #(#b::note(__s, #notes);)*
            let _ = __s;
        }
        #nullable
        #patch
        #b::describe_opt(&mut __schema, #description);
        __schema
    }}
}

fn enum_schema(
    b: &TokenStream,
    types: &mut TypeSchemas<'_>,
    variants: &[Variant<'_>],
    data: &syn::DataEnum,
    serde: &Serde,
) -> TokenStream {
    let mut units = Vec::new();
    let mut schemas = Vec::new();
    let mut all_unit_external = serde.tag.is_none() && !serde.untagged;
    for (variant, syn_variant) in variants.iter().zip(&data.variants) {
        let own = item(&syn_variant.attrs);
        if own.skip {
            continue;
        }
        let name = own.rename.clone().unwrap_or_else(|| {
            let name = syn_variant.ident.to_string();
            serde
                .rename_all
                .map_or(name.clone(), |rule| rule.apply_to_variant(&name))
        });
        let attrs: Vec<&[Attribute]> = syn_variant
            .fields
            .iter()
            .map(|f| f.attrs.as_slice())
            .collect();
        let unit = variant.fields.is_empty();
        let untagged = serde.untagged || own.untagged;
        if !unit || untagged {
            all_unit_external = false;
        }
        let schema = match (&serde.tag, &serde.content, untagged) {
            (_, _, true) if unit => quote!(#b::null()),
            (_, _, true) => fields_schema(b, types, &variant.fields, &attrs, false, None),
            (None, _, false) if unit => {
                units.push(name.clone());
                quote!(#b::constant(#name))
            }
            (None, _, false) => {
                let content = fields_schema(b, types, &variant.fields, &attrs, false, None);
                quote! {{
                    let mut __object = #b::ObjectSchema::new();
                    __object.property(#name, true, #content);
                    __object.build(::core::option::Option::None, &[])
                }}
            }
            (Some(tag), Some(content_key), false) => {
                let content = (!unit).then(|| {
                    let content = fields_schema(b, types, &variant.fields, &attrs, false, None);
                    quote!(__object.property(#content_key, true, #content);)
                });
                quote! {{
                    let mut __object = #b::ObjectSchema::new();
                    __object.property(#tag, true, #b::constant(#name));
                    #content
                    __object.build(::core::option::Option::None, &[])
                }}
            }
            (Some(tag), None, false) => {
                let named = variant
                    .fields
                    .iter()
                    .any(|f| matches!(f.wire, Wire::Name(_)));
                if unit || named {
                    fields_schema(b, types, &variant.fields, &attrs, false, Some((tag, &name)))
                } else {
                    let content = fields_schema(b, types, &variant.fields, &attrs, false, None);
                    quote! {{
                        let mut __object = #b::ObjectSchema::new();
                        __object.property(#tag, true, #b::constant(#name));
                        #b::all_of(::std::vec![__object.build(::core::option::Option::None, &[]), #content])
                    }}
                }
            }
        };
        let description = option(docs(&syn_variant.attrs));
        schemas.push(quote! {{
            let mut __variant = #schema;
            #b::describe_opt(&mut __variant, #description);
            __variant
        }});
    }
    if all_unit_external && !units.is_empty() {
        return quote!(#b::string_enum(&[#(#units),*]));
    }
    if serde.untagged {
        quote!(#b::any_of(::std::vec![#(#schemas),*]))
    } else {
        quote!(#b::one_of(::std::vec![#(#schemas),*]))
    }
}

/// Beside compile errors: a `ToSchema` of any value, so a mistake in an attribute does not
/// also fail every `#[utoipa::path]` that names the type.
pub fn fallback(input: &Input<'_>) -> TokenStream {
    let krate = &input.krate;
    let private = quote!(#krate::__private);
    let b = quote!(#private::openapi);
    let ident = input.ident;
    let name = ident.to_string();
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    quote! {
        #private::openapi_impls! {
            #[automatically_derived]
            impl #impl_generics #private::utoipa::PartialSchema for #ident #ty_generics #where_clause {
                fn schema() -> #b::SchemaRef {
                    #b::any()
                }
            }

            #[automatically_derived]
            impl #impl_generics #private::utoipa::ToSchema for #ident #ty_generics #where_clause {
                fn name() -> #private::Cow<'static, str> {
                    #b::name(#name)
                }
            }
        }
    }
}
