//! The checked model of a `#[derive(ApiError)]` input: what expansion reads. Everything here
//! has passed `valid.rs`, so expansion cannot fail.

use proc_macro2::Span;
use syn::{Generics, Ident, LitStr, Member, Path, Type};

pub struct Input<'a> {
    pub ident: &'a Ident,
    pub generics: &'a Generics,
    /// Path to the runtime crate (`::pact` by default).
    pub krate: Path,
    pub shape: Shape,
}

pub enum Shape {
    /// A struct: one response, matched as `Self { .. }`.
    Struct(Box<Variant>),
    /// An enum: one response per variant, matched as `Self::Variant { .. }`.
    Enum(Vec<Variant>),
}

pub struct Variant {
    /// The variant's name; `None` for a struct.
    pub ident: Option<Ident>,
    pub kind: Kind,
}

pub enum Kind {
    /// `#[api(transparent)]`: everything comes from the single field's `ApiError`.
    Transparent { member: Member, ty: Box<Type> },
    /// A response described by the attributes.
    Explicit(Box<Response>),
}

pub struct Response {
    pub status: u16,
    pub status_span: Span,
    pub code: LitStr,
    pub message: Option<Text>,
    pub title: Option<LitStr>,
    pub type_uri: Option<LitStr>,
    pub headers: Vec<Header>,
}

/// A format string whose placeholders were checked against the fields and renamed to the
/// bindings expansion introduces (`{0}` -> `{__field0}`).
pub struct Text {
    pub lit: LitStr,
    pub fields: Vec<FieldUse>,
}

impl Text {
    pub fn is_static(&self) -> bool {
        self.fields.is_empty()
    }
}

/// A field a format string shows.
pub struct FieldUse {
    pub member: Member,
    pub binding: Ident,
    pub ty: Type,
    pub debug: bool,
}

pub struct Header {
    /// Lower-case header name, checked to be a valid token.
    pub name: String,
    pub value: Text,
}
