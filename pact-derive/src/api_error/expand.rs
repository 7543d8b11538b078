//! The checked model to tokens: `impl ApiError` plus the framework impls.

use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, format_ident, quote};
use syn::spanned::Spanned;
use syn::{Ident, Member};

use super::ast::{FieldUse, Input, Kind, Response, Shape, Text, Variant};
use super::status;
use crate::internals::bounds::InferredBounds;

pub fn expand(input: &Input<'_>) -> TokenStream {
    let krate = &input.krate;
    let ident = input.ident;
    let variants: Vec<&Variant> = match &input.shape {
        Shape::Struct(variant) => vec![&**variant],
        Shape::Enum(variants) => variants.iter().collect(),
    };

    let mut bounds = InferredBounds::new(input.generics);
    for variant in &variants {
        match &variant.kind {
            Kind::Transparent { ty, .. } => bounds.require(ty, &quote!(#krate::ApiError)),
            Kind::Explicit(response) => {
                let texts = response
                    .message
                    .iter()
                    .chain(response.headers.iter().map(|h| &h.value));
                for field in texts.flat_map(|text| &text.fields) {
                    let bound = if field.debug {
                        quote!(::core::fmt::Debug)
                    } else {
                        quote!(::core::fmt::Display)
                    };
                    bounds.require(&field.ty, &bound);
                }
            }
        }
    }
    let (_, ty_generics, _) = input.generics.split_for_impl();
    let is_generic = input.generics.params.iter().next().is_some();
    let self_is_error =
        is_generic.then(|| syn::parse_quote!(#ident #ty_generics: ::std::error::Error));
    let generics = bounds.extend(input.generics, self_is_error);
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();

    let methods = Methods {
        krate,
        is_struct: matches!(input.shape, Shape::Struct(_)),
        variants: &variants,
    };
    let body = methods.all();
    quote! {
        #[automatically_derived]
        impl #impl_generics #krate::ApiError for #ident #ty_generics #where_clause {
            #body
        }

        #krate::__private::api_error_integrations! {
            crate = {#krate} {#impl_generics} {#ident #ty_generics} {#where_clause}
        }
    }
}

/// One match arm: the fields it binds and what it evaluates to.
struct Arm {
    bindings: Vec<(Member, Ident)>,
    body: TokenStream,
}

impl Arm {
    fn plain(body: TokenStream) -> Self {
        Self {
            bindings: Vec::new(),
            body,
        }
    }

    fn showing(text: &Text, body: TokenStream) -> Self {
        let mut bindings: Vec<(Member, Ident)> = Vec::new();
        for FieldUse {
            member, binding, ..
        } in &text.fields
        {
            if !bindings.iter().any(|(_, b)| b == binding) {
                bindings.push((member.clone(), binding.clone()));
            }
        }
        Self { bindings, body }
    }
}

struct Methods<'a> {
    krate: &'a syn::Path,
    is_struct: bool,
    variants: &'a [&'a Variant],
}

impl Methods<'_> {
    fn all(&self) -> TokenStream {
        let krate = self.krate;
        let private = quote!(#krate::__private);
        let any_transparent = self
            .variants
            .iter()
            .any(|v| matches!(v.kind, Kind::Transparent { .. }));
        let any = |f: fn(&Response) -> bool| any_transparent || self.explicit().any(f);

        let mut out = TokenStream::new();
        let status = self.dispatch(&|r| Arm::plain(status_tokens(&private, r)), "status");
        out.extend(quote! {
            fn status(&self) -> #private::StatusCode { #status }
        });
        let code = self.dispatch(&|r| Arm::plain(r.code.to_token_stream()), "code");
        out.extend(quote! {
            fn code(&self) -> &str { #code }
        });
        if any(|r| r.title.is_some()) {
            let title = self.dispatch(&|r| Arm::plain(option(r.title.as_ref())), "title");
            out.extend(quote! {
                fn title(&self) -> ::core::option::Option<&str> { #title }
            });
        }
        if any(|r| r.type_uri.is_some()) {
            let type_uri = self.dispatch(&|r| Arm::plain(option(r.type_uri.as_ref())), "type_uri");
            out.extend(quote! {
                fn type_uri(&self) -> ::core::option::Option<&str> { #type_uri }
            });
        }
        if any(|r| r.message.is_some()) {
            let message = self.dispatch(
                &|r| match &r.message {
                    None => Arm::plain(quote!(#private::default_message(self))),
                    Some(text) if text.is_static() => {
                        let lit = &text.lit;
                        Arm::plain(quote!(#private::Cow::Borrowed(#lit)))
                    }
                    Some(text) => {
                        let format = format(&private, text);
                        Arm::showing(text, quote!(#private::Cow::Owned(#format)))
                    }
                },
                "message",
            );
            out.extend(quote! {
                fn message(&self) -> #private::Cow<'_, str> { #message }
            });
        }
        if any(|r| !r.headers.is_empty()) {
            let headers =
                self.dispatch_with(&|r| headers_arm(&private, r), "headers", &quote!(__headers));
            out.extend(quote! {
                fn headers(&self, __headers: &mut #private::HeaderMap) { #headers }
            });
        }
        if any_transparent {
            let extend = self.dispatch_with(
                &|_| Arm::plain(quote!({})),
                "extend_problem",
                &quote!(__problem),
            );
            out.extend(quote! {
                fn extend_problem(&self, __problem: &mut #krate::ProblemDetails) { #extend }
            });
            let problem = self.dispatch(
                &|_| Arm::plain(quote!(#private::problem_details(self))),
                "problem_details",
            );
            out.extend(quote! {
                fn problem_details(&self) -> #krate::ProblemDetails { #problem }
            });
        }
        out
    }

    fn explicit(&self) -> impl Iterator<Item = &Response> {
        self.variants.iter().filter_map(|v| match &v.kind {
            Kind::Explicit(response) => Some(&**response),
            Kind::Transparent { .. } => None,
        })
    }

    /// A method body: a `match self` over the variants (or a plain body for a struct), where
    /// transparent variants forward `method` to their field.
    /// (`explicit` is `dyn`: one copy of this for all the methods, not one per closure.)
    fn dispatch(&self, explicit: &dyn Fn(&Response) -> Arm, method: &str) -> TokenStream {
        self.dispatch_with(explicit, method, &TokenStream::new())
    }

    fn dispatch_with(
        &self,
        explicit: &dyn Fn(&Response) -> Arm,
        method: &str,
        args: &TokenStream,
    ) -> TokenStream {
        let krate = self.krate;
        let method = format_ident!("{}", method);
        let arm = |variant: &Variant| match &variant.kind {
            Kind::Explicit(response) => explicit(response),
            Kind::Transparent { member, ty } => {
                let inner = format_ident!("__transparent");
                let comma = (!args.is_empty()).then(|| quote!(,));
                // `<Field as ApiError>`: "`Field` is not an ApiError" points at the field's type.
                Arm {
                    bindings: vec![(member.clone(), inner.clone())],
                    body: quote!(<#ty as #krate::ApiError>::#method(#inner #comma #args)),
                }
            }
        };
        if self.is_struct {
            let Arm { bindings, body } = arm(self.variants[0]);
            if bindings.is_empty() {
                return body;
            }
            let fields = bindings
                .iter()
                .map(|(member, binding)| quote!(#member: ref #binding));
            return quote! {
                let Self { #(#fields,)* .. } = *self;
                #body
            };
        }
        if self.variants.is_empty() {
            return quote!(match *self {});
        }
        let arms = self.variants.iter().map(|variant| {
            let Arm { bindings, body } = arm(variant);
            let ident = &variant.ident;
            let fields = bindings
                .iter()
                .map(|(member, binding)| quote!(#member: ref #binding));
            quote!(Self::#ident { #(#fields,)* .. } => #body,)
        });
        quote! {
            match *self {
                #(#arms)*
            }
        }
    }
}

fn status_tokens(private: &TokenStream, response: &Response) -> TokenStream {
    let span = response.status_span;
    if let Some(name) = status::name_of(response.status) {
        let name = Ident::new(name, span);
        quote!(#private::StatusCode::#name)
    } else {
        let code = syn::LitInt::new(&response.status.to_string(), span);
        quote!(#private::status(#code))
    }
}

fn option(value: Option<&syn::LitStr>) -> TokenStream {
    if let Some(lit) = value {
        quote!(::core::option::Option::Some(#lit))
    } else {
        quote!(::core::option::Option::None)
    }
}

fn headers_arm(private: &TokenStream, response: &Response) -> Arm {
    let mut body = TokenStream::new();
    let mut bindings: Vec<(Member, Ident)> = Vec::new();
    for header in &response.headers {
        let name = &header.name;
        let lit = &header.value.lit;
        if header.value.is_static() {
            body.extend(quote! {
                __headers.append(
                    #private::HeaderName::from_static(#name),
                    #private::HeaderValue::from_static(#lit),
                );
            });
        } else {
            let format = format(private, &header.value);
            let arm = Arm::showing(&header.value, TokenStream::new());
            for binding in arm.bindings {
                if !bindings.iter().any(|(_, b)| *b == binding.1) {
                    bindings.push(binding);
                }
            }
            // `Retry-After` shows one field alone; only a valid value is sent.
            let insert = if name == "retry-after" {
                quote!(#private::insert_retry_after(__headers, #format);)
            } else {
                quote! {
                    #private::insert_header(
                        __headers,
                        #private::HeaderName::from_static(#name),
                        #format,
                    );
                }
            };
            body.extend(insert);
        }
    }
    Arm {
        bindings,
        body: quote!({ #body }),
    }
}

/// `format!("... {__field0} ...", __field0 = __field0)`: arguments are passed by name rather
/// than captured, so resolution does not hang on the string literal's span (the user's).
fn format(private: &TokenStream, text: &Text) -> TokenStream {
    let lit = &text.lit;
    let mut seen: Vec<&Ident> = Vec::new();
    let args = text.fields.iter().filter_map(|field| {
        if seen.contains(&&field.binding) {
            return None;
        }
        seen.push(&field.binding);
        let name = &field.binding;
        // The value is spanned on the field's type: "`T` doesn't implement `Display`" points there.
        let value = Ident::new(&name.to_string(), at(&field.ty));
        Some(quote!(#name = #value))
    });
    quote!(#private::format!(#lit, #(#args),*))
}

/// A call-site span placed at `node`, so errors about generated code point at the user's
/// tokens while names still resolve as if written at the derive.
fn at(node: &impl Spanned) -> Span {
    Span::call_site().located_at(node.span())
}
