//! One field's conversion, chosen by the shape of the DTO field's type.
//!
//! A field goes through `__private::mapping::{Owned, Borrowed}` and a `.convert()` call that
//! method lookup resolves among the traits imported (in a block of their own) for the field's
//! shape: the same type is a move (or a clone from a reference), another type converts with
//! `From`, element-wise for a container (`Option`, `Vec`, `Box`, `HashMap`/`BTreeMap`
//! values), and a field with no conversion ends at `Unmapped`, whose one error names the two
//! types. Every call is spanned on the DTO field, so a type mismatch points there.

use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::{Path, Type};

/// The shape of a type, read from its syntax.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Leaf,
    Optional,
    Sequence,
    Boxed,
    Map,
}

pub fn shape(ty: &Type) -> Shape {
    match ty {
        Type::Group(group) => shape(&group.elem),
        Type::Paren(paren) => shape(&paren.elem),
        Type::Path(path) if path.qself.is_none() => {
            let Some(last) = path.path.segments.last() else {
                return Shape::Leaf;
            };
            let args = match &last.arguments {
                syn::PathArguments::AngleBracketed(args) => args
                    .args
                    .iter()
                    .filter(|arg| matches!(arg, syn::GenericArgument::Type(_)))
                    .count(),
                _ => 0,
            };
            match (last.ident.to_string().as_str(), args) {
                ("Option", 1) => Shape::Optional,
                ("Vec", 1) => Shape::Sequence,
                ("Box", 1) => Shape::Boxed,
                ("HashMap", 2 | 3) | ("BTreeMap", 2) => Shape::Map,
                _ => Shape::Leaf,
            }
        }
        _ => Shape::Leaf,
    }
}

impl Shape {
    /// The traits `convert` may come from. An `Option` also takes the plain `From` of the whole
    /// value (`T` into `Some(T)`), which the element-wise impl does not overlap in practice.
    fn traits(self, borrowed: bool) -> &'static [&'static str] {
        match (self, borrowed) {
            (Self::Leaf, true) => &["Same", "LeafRef", "LeafClone", "Unmapped"],
            (Self::Leaf, false) => &["Leaf", "Unmapped"],
            (Self::Optional, true) => &["Same", "Optional", "LeafRef", "LeafClone", "Unmapped"],
            (Self::Optional, false) => &["Optional", "Leaf", "Unmapped"],
            (Self::Sequence, true) => &["Same", "Sequence", "Unmapped"],
            (Self::Sequence, false) => &["Sequence", "Unmapped"],
            (Self::Boxed, true) => &["Same", "Boxed", "Unmapped"],
            (Self::Boxed, false) => &["Boxed", "Unmapped"],
            (Self::Map, true) => &["Same", "Map", "Unmapped"],
            (Self::Map, false) => &["Map", "Unmapped"],
        }
    }
}

/// Where the converted value goes.
pub enum Dest<'a> {
    /// A DTO field of this type (`from`).
    Type(&'a Type),
    /// A target field whose type rustc infers: `slot` is an expression of type
    /// `__private::mapping::Slot<D>`.
    Slot(TokenStream),
}

/// `value` (owned) converted for `dest`, spanned at `span`.
pub fn owned(
    krate: &Path,
    value: &TokenStream,
    dest: &Dest<'_>,
    shape: Shape,
    span: Span,
) -> TokenStream {
    let span = at(span);
    let mapping = quote!(#krate::__private::mapping);
    let traits = imports(&mapping, shape, false);
    let call = match dest {
        Dest::Type(ty) => quote_spanned!(span=> #mapping::Owned::<_, #ty>::new(#value).convert()),
        Dest::Slot(slot) => quote_spanned!(span=> #mapping::Owned::to(#value, #slot).convert()),
    };
    quote!({ #traits #call })
}

/// `value` (a reference) converted into an owned `ty`: the same type is cloned, another type
/// converts from the reference (`From<&S>`, as nested DTOs derive) or, failing that, from a
/// clone.
pub fn borrowed(
    krate: &Path,
    value: &TokenStream,
    ty: &Type,
    shape: Shape,
    span: Span,
) -> TokenStream {
    let span = at(span);
    let mapping = quote!(#krate::__private::mapping);
    let traits = imports(&mapping, shape, true);
    // Called on `&&&Borrowed`: each `&` less is one step down the list of conversions.
    let call = quote_spanned!(span=> (&&&#mapping::Borrowed::<_, #ty>::new(#value)).convert());
    quote!({ #traits #call })
}

fn imports(mapping: &TokenStream, shape: Shape, borrowed: bool) -> TokenStream {
    let traits = shape
        .traits(borrowed)
        .iter()
        .map(|name| syn::Ident::new(name, Span::call_site()));
    quote! {
        #[allow(unused_imports)]
        use #mapping::{#(#traits as _),*};
    }
}

/// A call-site span placed at `span`: errors point at the user's tokens, names resolve as
/// written at the derive.
pub fn at(span: Span) -> Span {
    Span::call_site().located_at(span)
}
