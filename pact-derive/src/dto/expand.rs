//! The checked model to `impl ValidateWith<C>`.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{Expr, Generics, Ident, Member, Path};

use super::ast::{Field, Input, Overrides, Rule, RuleKind, Schema, Shape, Variant, Wire};

pub fn validate_impl(input: &Input<'_>) -> TokenStream {
    let krate = &input.krate;
    let ident = input.ident;
    let (_, ty_generics, _) = input.generics.split_for_impl();

    let mut generics = input.generics.clone();
    let context = context_type(input, &mut generics);
    require_nested(input, &mut generics, &context);
    let (impl_generics, _, where_clause) = generics.split_for_impl();

    let cx = Cx {
        krate,
        context: &context,
        is_enum: matches!(input.shape, Shape::Enum(_)),
    };
    let body = cx.body(&input.shape);
    let schemas = input
        .schemas
        .iter()
        .map(|schema| schema_check(schema, input.context.is_some()));

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

/// The context type the impl is for: the one given with `#[validate(context = T)]`, or else a
/// new parameter `__C` (renamed if the input uses that name), added to `generics`, so that any
/// context will do.
pub fn context_type(input: &Input<'_>, generics: &mut Generics) -> TokenStream {
    if let Some(ty) = &input.context {
        quote!(#ty)
    } else {
        let param = &input.context_param;
        generics
            .params
            .push(syn::parse_quote!(#param: ?::core::marker::Sized));
        quote!(#param)
    }
}

/// A nested field needs its type to be validatable with the same context.
fn require_nested(input: &Input<'_>, generics: &mut Generics, context: &TokenStream) {
    let krate = &input.krate;
    let nested: Vec<&Field<'_>> = all_fields(input).filter(|f| f.nested.is_some()).collect();
    if !nested.is_empty() {
        let clause = generics.make_where_clause();
        for field in nested {
            let ty = field.ty;
            clause
                .predicates
                .push(syn::parse_quote!(#ty: #krate::ValidateWith<#context>));
        }
    }
}

/// `#[validate(schema(...))]`: a check of the whole value, reported at its `path` if it has one.
fn schema_check(schema: &Schema, with_context: bool) -> TokenStream {
    let function = &schema.function;
    let args = if with_context {
        quote!(self, __ctx)
    } else {
        quote!(self)
    };
    let place = if let Some(path) = &schema.path {
        quote!(&__path.field(#path))
    } else {
        quote!(__path)
    };
    let overrides = overrides(&schema.overrides);
    quote! {
        if let ::core::result::Result::Err(__error) = #function(#args) {
            __errors.push(#place, __error #overrides);
        }
    }
}

/// Every field of the input, across variants.
pub fn all_fields<'a>(input: &'a Input<'a>) -> Box<dyn Iterator<Item = &'a Field<'a>> + 'a> {
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
    /// The checks of every field: in order for a struct, by a `match` for an enum.
    fn body(&self, shape: &Shape<'_>) -> TokenStream {
        match shape {
            Shape::Struct(fields) => {
                let blocks = fields.iter().map(|field| {
                    let value = access(field);
                    self.field(field, &value, &quote!(__path))
                });
                quote!(#(#blocks)*)
            }
            Shape::Enum(variants) if variants.is_empty() => quote!(match *self {}),
            Shape::Enum(variants) => {
                let arms = variants.iter().map(|variant| self.variant_arm(variant));
                quote!(match self { #(#arms)* })
            }
        }
    }

    /// The `match` arm of one variant, binding the fields its checks read.
    fn variant_arm(&self, variant: &Variant<'_>) -> TokenStream {
        let name = variant.ident;
        let used: Vec<&Field<'_>> = variant.fields.iter().filter(|f| f.validates()).collect();
        if used.is_empty() {
            return quote!(Self::#name { .. } => {});
        }
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
            self.field(field, &quote!(#value), &base)
        });
        quote!(Self::#name { #(#bindings,)* .. } => { #segment #(#blocks)* })
    }

    /// The checks of one field, in a block of its own.
    fn field(&self, field: &Field<'_>, value: &TokenStream, base: &TokenStream) -> TokenStream {
        if !field.validates() {
            return TokenStream::new();
        }
        let krate = self.krate;
        let rules = quote!(#krate::validation::rules);
        // The field's path, built where it is used (a violation, or a walk into the value),
        // so that a valid field costs none.
        let place = match &field.wire {
            Wire::Name(name) => quote!(&#base.field(#name)),
            Wire::Index(index) => quote!(&#base.index(#index)),
            Wire::Flatten => quote!(#base),
        };
        let place = &place;
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
            out.extend(push(&call, &overrides, place));
        }
        if let Some((span, required)) = &field.required {
            let overrides = overrides(required);
            // All of the call at the rule, so that a field that is no `Option` is reported there.
            let value = respan(&quote!(__value), at(*span));
            let call = respan(&quote!(#rules::required(#value)), at(*span));
            out.extend(push(&call, &overrides, place));
        }
        let mut inner = TokenStream::new();
        for rule in &field.rules {
            inner.extend(self.rule(rule, &quote!(__value), place));
        }
        if !field.each.is_empty() {
            let checks = field
                .each
                .iter()
                .map(|rule| self.rule(rule, &quote!(__element), &quote!(__at)));
            inner.extend(walk(
                krate,
                field,
                &quote!(each_element),
                place,
                &quote!(#(#checks)*),
            ));
        }
        if !field.keys.is_empty() {
            let checks = field
                .keys
                .iter()
                .map(|rule| self.rule(rule, &quote!(__element), &quote!(__at)));
            inner.extend(walk(
                krate,
                field,
                &quote!(each_key),
                place,
                &quote!(#(#checks)*),
            ));
        }
        if field.optional && !inner.is_empty() {
            let present = if field.patch {
                quote!(#krate::Patch::Value)
            } else {
                quote!(::core::option::Option::Some)
            };
            out.extend(quote! {
                if let #present(__value) = __value { #inner }
            });
        } else if !inner.is_empty() && may_be_option(field.ty) {
            // A type the derive cannot read (an alias of `Option`, say): method lookup decides.
            let probe = quote!(#krate::__private::option);
            out.extend(quote! {
                if let ::core::option::Option::Some(__value) = {
                    #[allow(unused_imports)]
                    use #probe::{IsOption as _, NotOption as _};
                    (&&#probe::Probe(__value)).present()
                } { #inner }
            });
        } else {
            out.extend(inner);
        }
        if let Some(span) = field.nested {
            let context = self.context;
            out.extend(quote_spanned! {at(span)=>
                <_ as #krate::ValidateWith<#context>>::validate_into(__value, __ctx, #place, __errors);
            });
        }
        quote! {
            {
                let __value = #value;
                #out
            }
        }
    }

    /// One rule on `value` (a reference), recording a violation at the path `place` (a
    /// `&Path` expression).
    fn rule(&self, rule: &Rule, value: &TokenStream, place: &TokenStream) -> TokenStream {
        let krate = self.krate;
        let rules = quote!(#krate::validation::rules);
        let span = at(rule.span);
        // The value carries the rule's span too, so "`u32` is not a string" points at the rule.
        let value = respan(value, span);
        let value = &value;
        let call = match &rule.kind {
            RuleKind::Length {
                min,
                max,
                equal,
                bytes,
            } => length_call(&rules, value, span, [min, max, equal], *bytes),
            RuleKind::Range {
                min,
                max,
                exclusive_min,
                exclusive_max,
            } => range_call(
                &rules,
                value,
                span,
                [min, max, exclusive_min, exclusive_max],
            ),
            // All of the call at the rule, so that "`u32` is not a string" points there alone.
            RuleKind::Simple(name) => {
                let function = Ident::new(name, span);
                respan(&quote!(#rules::#function(#value)), span)
            }
            RuleKind::Text(name, lit) => {
                let function = Ident::new(name, span);
                respan(&quote!(#rules::#function(#value, #lit)), span)
            }
            RuleKind::Pattern(lit) => {
                let function = quote_spanned!(span=> pattern_with_message);
                let (items, matcher) = super::pattern::matcher(lit, krate);
                // The message `rules::pattern` would build, written out here.
                let message = syn::LitStr::new(
                    &format!("must match the pattern {}", lit.value()),
                    lit.span(),
                );
                let check = respan(
                    &quote!(#rules::#function(#value, #matcher, #lit, #message)),
                    span,
                );
                quote! {{
                    #items
                    #check
                }}
            }
            RuleKind::OneOf(values) => {
                let function = quote_spanned!(span=> one_of);
                respan(&quote!(#rules::#function(#value, &[#(#values),*])), span)
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
                // Through `RuleResult`, so a wrong return type is named plainly.
                let check = quote_spanned!(span=> #krate::__private::RuleResult::into_rule_result);
                let returned = quote_spanned!(at(function.span())=> #function(#args));
                quote!(#check(#returned))
            }
        };
        push(&call, &overrides(&rule.overrides), place)
    }
}

/// `each(...)` or `keys(...)` (`walk` is `each_element` or `each_key`): `checks` run with
/// `__element` and its path `__at`. A field written as a map keyed by `String` walks through
/// `validation::keyed`, whose paths render their keys without `Debug`; method lookup falls back
/// to the plain walk should the type be another one of that name.
fn walk(
    krate: &Path,
    field: &Field<'_>,
    walk: &TokenStream,
    place: &TokenStream,
    checks: &TokenStream,
) -> TokenStream {
    let ty = if field.optional {
        super::valid::option_inner(field.ty).or_else(|| super::valid::patch_inner(field.ty))
    } else {
        Some(field.ty)
    };
    if ty.is_some_and(string_keyed_map) {
        let keyed = quote!(#krate::validation::keyed);
        quote! {{
            #[allow(unused_imports)]
            use #keyed::{AnyKeyed as _, StrKeyed as _};
            (&&#keyed::Keyed(__value)).#walk(#place, |__at, __element| { #checks });
        }}
    } else {
        quote! {
            #krate::__private::#walk(__value, #place, |__at, __element| { #checks });
        }
    }
}

/// Whether `ty` is written `HashMap<String, ..>` or `BTreeMap<String, ..>` (any path).
fn string_keyed_map(ty: &syn::Type) -> bool {
    let syn::Type::Path(path) = ty else {
        return false;
    };
    let Some(last) = path.path.segments.last() else {
        return false;
    };
    if path.qself.is_some() || (last.ident != "HashMap" && last.ident != "BTreeMap") {
        return false;
    }
    let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
        return false;
    };
    matches!(
        args.args.first(),
        Some(syn::GenericArgument::Type(syn::Type::Path(key)))
            if key.qself.is_none() && key.path.segments.last().is_some_and(|s| s.ident == "String" && s.arguments.is_empty())
    )
}

/// `rules::length(...)` (or `length_bytes`), or `length_with_messages` with the messages written
/// out when the bounds are literals.
fn length_call(
    rules: &TokenStream,
    value: &TokenStream,
    span: Span,
    [min, max, equal]: [&Option<Expr>; 3],
    bytes: bool,
) -> TokenStream {
    let messages = if bytes {
        None
    } else {
        super::bounds::length_messages(min.as_ref(), max.as_ref(), equal.as_ref())
    };
    let (min, max, equal) = (some(min.as_ref()), some(max.as_ref()), some(equal.as_ref()));
    if let Some((characters, items)) = messages {
        // Literal bounds: the messages `length` would build, written out here.
        let function = quote_spanned!(span=> length_with_messages);
        respan(
            &quote!(#rules::#function(#value, #min, #max, #equal, #characters, #items)),
            span,
        )
    } else {
        let function = if bytes {
            quote_spanned!(span=> length_bytes)
        } else {
            quote_spanned!(span=> length)
        };
        respan(&quote!(#rules::#function(#value, #min, #max, #equal)), span)
    }
}

/// `rules::range(...)`, or `range_with_message` with the message written out when the bounds
/// are integer literals.
fn range_call(
    rules: &TokenStream,
    value: &TokenStream,
    span: Span,
    [min, max, exclusive_min, exclusive_max]: [&Option<Expr>; 4],
) -> TokenStream {
    let message = super::bounds::range_message(
        min.as_ref(),
        max.as_ref(),
        exclusive_min.as_ref(),
        exclusive_max.as_ref(),
    );
    let (min, max, emin, emax) = (
        some_ref(min.as_ref()),
        some_ref(max.as_ref()),
        some_ref(exclusive_min.as_ref()),
        some_ref(exclusive_max.as_ref()),
    );
    if let Some(message) = message {
        // Literal bounds: the message `range` would build, written out here.
        let function = quote_spanned!(span=> range_with_message);
        respan(
            &quote!(#rules::#function(#value, #min, #max, #emin, #emax, #message)),
            span,
        )
    } else {
        let function = quote_spanned!(span=> range);
        respan(
            &quote!(#rules::#function(#value, #min, #max, #emin, #emax)),
            span,
        )
    }
}

/// Whether a field's type, not written as `Option<_>` or `Patch<_>`, could still be an
/// `Option`: any path type but the standard ones that are not (`String`, integers, `Vec`, ...).
fn may_be_option(ty: &syn::Type) -> bool {
    const NOT_OPTION: &[&str] = &[
        "String", "str", "bool", "char", "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16",
        "i32", "i64", "i128", "isize", "f32", "f64", "Vec", "VecDeque", "HashMap", "BTreeMap",
        "HashSet", "BTreeSet", "Box", "Rc", "Arc", "Cow",
    ];
    match ty {
        syn::Type::Group(group) => may_be_option(&group.elem),
        syn::Type::Paren(paren) => may_be_option(&paren.elem),
        syn::Type::Path(path) => path
            .path
            .segments
            .last()
            .is_none_or(|last| !NOT_OPTION.iter().any(|name| last.ident == name)),
        _ => false,
    }
}

pub use crate::internals::span::respan;

/// `Some(expr)`, or `None` without one.
fn some(expr: Option<&Expr>) -> TokenStream {
    if let Some(expr) = expr {
        quote!(::core::option::Option::Some(#expr))
    } else {
        quote!(::core::option::Option::None)
    }
}

/// `Some(&expr)`, or `None` without one.
fn some_ref(expr: Option<&Expr>) -> TokenStream {
    if let Some(expr) = expr {
        quote!(::core::option::Option::Some(&#expr))
    } else {
        quote!(::core::option::Option::None)
    }
}

fn push(call: &TokenStream, overrides: &TokenStream, place: &TokenStream) -> TokenStream {
    quote! {
        if let ::core::result::Result::Err(__error) = #call {
            __errors.push(#place, __error #overrides);
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
