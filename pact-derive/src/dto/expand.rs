//! The checked model to `impl ValidateWith<C>`.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::{Ident, Member, Path};

use super::ast::{Field, Input, Overrides, Rule, RuleKind, Shape, Wire};

pub fn validate_impl(input: &Input<'_>) -> TokenStream {
    let krate = &input.krate;
    let ident = input.ident;
    let (_, ty_generics, _) = input.generics.split_for_impl();

    let mut generics = input.generics.clone();
    let context = match &input.context {
        Some(ty) => quote!(#ty),
        None => {
            generics
                .params
                .push(syn::parse_quote!(__C: ?::core::marker::Sized));
            quote!(__C)
        }
    };
    // A nested field needs its type to be validatable with the same context.
    let nested: Vec<&Field<'_>> = fields(input).filter(|f| f.nested.is_some()).collect();
    if !nested.is_empty() {
        let clause = generics.make_where_clause();
        for field in nested {
            let ty = field.ty;
            clause
                .predicates
                .push(syn::parse_quote!(#ty: #krate::ValidateWith<#context>));
        }
    }
    let (impl_generics, _, where_clause) = generics.split_for_impl();

    let cx = Cx {
        krate,
        context: &context,
        is_enum: matches!(input.shape, Shape::Enum(_)),
    };
    let body = match &input.shape {
        Shape::Struct(fields) => {
            let blocks = fields.iter().map(|field| {
                let value = access(field);
                cx.field(field, &value, &quote!(__path))
            });
            quote!(#(#blocks)*)
        }
        Shape::Enum(variants) if variants.is_empty() => quote!(match *self {}),
        Shape::Enum(variants) => {
            let arms = variants.iter().map(|variant| {
                let name = variant.ident;
                let used: Vec<&Field<'_>> =
                    variant.fields.iter().filter(|f| f.validates()).collect();
                // Bind what the checks read: the checked fields and the targets of `must_match`.
                let mut members: Vec<&Member> = used.iter().map(|f| &f.member).collect();
                for other in used.iter().flat_map(|f| &f.must_match).map(|m| &m.other) {
                    if !members.contains(&other) {
                        members.push(other);
                    }
                }
                let bindings = members.iter().map(|member| {
                    let binding = binding(member);
                    quote!(#member: #binding)
                });
                let (base, segment) = match &variant.segment {
                    Some(segment) => (
                        quote!((&__variant_path)),
                        Some(quote!(let __variant_path = __path.field(#segment);)),
                    ),
                    None => (quote!(__path), None),
                };
                let blocks = used.iter().map(|field| {
                    let value = binding(&field.member);
                    cx.field(field, &quote!(#value), &base)
                });
                if used.is_empty() {
                    quote!(Self::#name { .. } => {})
                } else {
                    quote!(Self::#name { #(#bindings,)* .. } => { #segment #(#blocks)* })
                }
            });
            quote!(match self { #(#arms)* })
        }
    };
    let schemas = input.schemas.iter().map(|schema| {
        let function = &schema.function;
        let args = if input.context.is_some() {
            quote!(self, __ctx)
        } else {
            quote!(self)
        };
        let at = match &schema.path {
            Some(path) => quote!(&__path.field(#path)),
            None => quote!(__path),
        };
        let overrides = overrides(&schema.overrides);
        quote! {
            if let ::core::result::Result::Err(__error) = #function(#args) {
                __errors.push(#at, __error #overrides);
            }
        }
    });

    quote! {
        #[automatically_derived]
        impl #impl_generics #krate::ValidateWith<#context> for #ident #ty_generics #where_clause {
            fn validate_into(
                &self,
                __ctx: &#context,
                __path: &#krate::validation::Path<'_>,
                __errors: &mut #krate::ValidationErrors,
            ) {
                #body
                #(#schemas)*
            }
        }
    }
}

fn fields<'a>(input: &'a Input<'a>) -> Box<dyn Iterator<Item = &'a Field<'a>> + 'a> {
    match &input.shape {
        Shape::Struct(fields) => Box::new(fields.iter()),
        Shape::Enum(variants) => Box::new(variants.iter().flat_map(|v| v.fields.iter())),
    }
}

/// `&self.name` in a struct.
fn access(field: &Field<'_>) -> TokenStream {
    let member = &field.member;
    quote!(&self.#member)
}

/// The local a variant's field is bound to: `__field_name`, `__field0`.
pub fn binding(member: &Member) -> Ident {
    match member {
        Member::Named(ident) => {
            format_ident!("__field_{}", ident.to_string().trim_start_matches("r#"))
        }
        Member::Unnamed(index) => format_ident!("__field{}", index.index),
    }
}

struct Cx<'a> {
    krate: &'a Path,
    context: &'a TokenStream,
    /// Fields are reached through bindings (`__field_x`) rather than `self.x`.
    is_enum: bool,
}

impl Cx<'_> {
    /// The checks of one field, in a block of its own.
    fn field(&self, field: &Field<'_>, value: &TokenStream, base: &TokenStream) -> TokenStream {
        if !field.validates() {
            return TokenStream::new();
        }
        let krate = self.krate;
        let rules = quote!(#krate::validation::rules);
        let locate = match &field.wire {
            Wire::Name(name) => quote!(let __at = #base.field(#name);),
            Wire::Index(index) => quote!(let __at = #base.index(#index);),
            Wire::Flatten => quote!(let __at = *#base;),
        };
        let mut out = TokenStream::new();
        for check in &field.must_match {
            let other = &check.other;
            let other_value = if self.is_enum {
                let binding = binding(other);
                quote!(#binding)
            } else {
                quote!(&self.#other)
            };
            let other_wire = &check.other_wire;
            let overrides = overrides(&check.overrides);
            let call = quote_spanned!(at(check.span)=> #rules::must_match(__value, #other_value, #other_wire));
            out.extend(push(&call, &overrides));
        }
        if let Some(required) = &field.required {
            let overrides = overrides(required);
            out.extend(push(&quote!(#rules::required(__value)), &overrides));
        }
        let mut inner = TokenStream::new();
        for rule in &field.rules {
            inner.extend(self.rule(rule, &quote!(__value)));
        }
        if !field.each.is_empty() {
            let checks = field
                .each
                .iter()
                .map(|rule| self.rule(rule, &quote!(__element)));
            inner.extend(quote! {
                #krate::__private::each_element(__value, &__at, |__at, __element| { #(#checks)* });
            });
        }
        if !field.keys.is_empty() {
            let checks = field
                .keys
                .iter()
                .map(|rule| self.rule(rule, &quote!(__element)));
            inner.extend(quote! {
                #krate::__private::each_key(__value, &__at, |__at, __element| { #(#checks)* });
            });
        }
        if field.optional && !inner.is_empty() {
            out.extend(quote! {
                if let ::core::option::Option::Some(__value) = __value { #inner }
            });
        } else {
            out.extend(inner);
        }
        if let Some(span) = field.nested {
            let context = self.context;
            out.extend(quote_spanned! {at(span)=>
                <_ as #krate::ValidateWith<#context>>::validate_into(__value, __ctx, &__at, __errors);
            });
        }
        quote! {
            {
                let __value = #value;
                #locate
                #out
            }
        }
    }

    /// One rule on `value` (a reference), recording a violation at `__at`.
    fn rule(&self, rule: &Rule, value: &TokenStream) -> TokenStream {
        let krate = self.krate;
        let rules = quote!(#krate::validation::rules);
        let span = at(rule.span);
        let some = |expr: &Option<syn::Expr>| match expr {
            Some(expr) => quote!(::core::option::Option::Some(#expr)),
            None => quote!(::core::option::Option::None),
        };
        let some_ref = |expr: &Option<syn::Expr>| match expr {
            Some(expr) => quote!(::core::option::Option::Some(&#expr)),
            None => quote!(::core::option::Option::None),
        };
        let call = match &rule.kind {
            RuleKind::Length {
                min,
                max,
                equal,
                bytes,
            } => {
                let function = if *bytes {
                    quote_spanned!(span=> length_bytes)
                } else {
                    quote_spanned!(span=> length)
                };
                let (min, max, equal) = (some(min), some(max), some(equal));
                quote!(#rules::#function(#value, #min, #max, #equal))
            }
            RuleKind::Range {
                min,
                max,
                exclusive_min,
                exclusive_max,
            } => {
                let function = quote_spanned!(span=> range);
                let (min, max, emin, emax) = (
                    some_ref(min),
                    some_ref(max),
                    some_ref(exclusive_min),
                    some_ref(exclusive_max),
                );
                quote!(#rules::#function(#value, #min, #max, #emin, #emax))
            }
            RuleKind::Simple(name) => {
                let function = Ident::new(name, span);
                quote!(#rules::#function(#value))
            }
            RuleKind::Text(name, lit) => {
                let function = Ident::new(name, span);
                quote!(#rules::#function(#value, #lit))
            }
            RuleKind::Pattern(lit) => {
                let function = quote_spanned!(span=> pattern);
                return self.finish(
                    &quote! {{
                        static __PATTERN: ::std::sync::LazyLock<#krate::__private::Regex> =
                            ::std::sync::LazyLock::new(|| #krate::__private::compile_regex(#lit));
                        #rules::#function(#value, &__PATTERN, #lit)
                    }},
                    &rule.overrides,
                );
            }
            RuleKind::OneOf(values) => {
                let function = quote_spanned!(span=> one_of);
                quote!(#rules::#function(#value, &[#(#values),*]))
            }
            RuleKind::Custom {
                function,
                with_context,
            } => {
                let args = if *with_context {
                    quote!(#value, __ctx)
                } else {
                    quote!(#value)
                };
                quote_spanned!(span=> #function(#args))
            }
        };
        self.finish(&call, &rule.overrides)
    }

    fn finish(&self, call: &TokenStream, rule_overrides: &Overrides) -> TokenStream {
        push(call, &overrides(rule_overrides))
    }
}

fn push(call: &TokenStream, overrides: &TokenStream) -> TokenStream {
    quote! {
        if let ::core::result::Result::Err(__error) = #call {
            __errors.push(&__at, __error #overrides);
        }
    }
}

fn overrides(overrides: &Overrides) -> TokenStream {
    let code = overrides
        .code
        .as_ref()
        .map(|code| quote!(.with_code(#code)));
    let message = overrides
        .message
        .as_ref()
        .map(|message| quote!(.with_message(#message)));
    quote!(#code #message)
}

/// A call-site span placed at `span`: errors point at the rule, names resolve as written at
/// the derive.
fn at(span: Span) -> Span {
    Span::call_site().located_at(span)
}
