//! The checked model of a `#[derive(Dto)]` input: what expansion reads.

use proc_macro2::Span;
use syn::{Expr, Generics, Ident, LitStr, Member, Path, Type};

pub use super::mapping::model::{FieldMap, Mapping};

pub struct Input<'a> {
    pub ident: &'a Ident,
    pub generics: &'a Generics,
    /// Path to the runtime crate (`::pact` by default).
    pub krate: Path,
    /// `#[validate(context = T)]`: the context type; `None` validates with any context.
    pub context: Option<Type>,
    /// The name of the generic context parameter when there is no `context` (`__C`, unless
    /// the input uses that name).
    pub context_param: Ident,
    /// `#[validate(schema(...))]`: checks of the whole value.
    pub schemas: Vec<Schema>,
    pub shape: Shape<'a>,
    /// `#[dto(from = T, into = T, try_into = T, patch = T)]`, in the order written.
    pub mappings: Vec<Mapping>,
}

pub enum Shape<'a> {
    Struct(Vec<Field<'a>>),
    Enum(Vec<Variant<'a>>),
}

pub struct Variant<'a> {
    pub ident: &'a Ident,
    /// The path segment the variant adds (externally tagged: its name; adjacently tagged:
    /// the content key; internally tagged or untagged: none).
    pub segment: Option<String>,
    pub fields: Vec<Field<'a>>,
}

pub struct Field<'a> {
    pub member: Member,
    pub ty: &'a Type,
    /// Where the client sent it, relative to the enclosing value.
    pub wire: Wire,
    /// The field is an `Option<_>` or a `Patch<_>`: rules apply to the value inside `Some` /
    /// `Value`.
    pub optional: bool,
    /// The field is a `Patch<_>`.
    pub patch: bool,
    /// `required`, with the rule's span.
    pub required: Option<(Span, Overrides)>,
    pub rules: Vec<Rule>,
    /// Rules for each element (`each(...)`).
    pub each: Vec<Rule>,
    /// Rules for each map key (`keys(...)`).
    pub keys: Vec<Rule>,
    pub nested: Option<Span>,
    /// `must_match(other)`: compared on the whole field, before `Option` is looked into.
    pub must_match: Vec<MustMatch>,
    pub sanitizers: Vec<Sanitizer>,
    /// How the field takes part in each mapping of `Input::mappings` (same order).
    pub maps: Vec<FieldMap>,
}

pub struct MustMatch {
    pub other: Member,
    pub other_wire: String,
    pub span: Span,
    pub overrides: Overrides,
}

impl Field<'_> {
    pub fn validates(&self) -> bool {
        self.required.is_some()
            || !self.rules.is_empty()
            || !self.each.is_empty()
            || !self.keys.is_empty()
            || self.nested.is_some()
            || !self.must_match.is_empty()
    }
}

/// A field's place in the request, as the client wrote it.
#[derive(Clone)]
pub enum Wire {
    /// A named member, after serde renames: `"streetName"`.
    Name(String),
    /// A position in a tuple: `[0]`.
    Index(usize),
    /// `#[serde(flatten)]`: the field's own members sit in the enclosing object.
    Flatten,
}

/// `code = "..."` and `message = "..."` on a rule.
#[derive(Default, Clone)]
pub struct Overrides {
    pub code: Option<LitStr>,
    pub message: Option<LitStr>,
}

pub struct Rule {
    pub kind: RuleKind,
    /// The rule's name as written, for spans.
    pub span: Span,
    pub overrides: Overrides,
}

pub enum RuleKind {
    Length {
        min: Option<Expr>,
        max: Option<Expr>,
        equal: Option<Expr>,
        bytes: bool,
    },
    Range {
        min: Option<Expr>,
        max: Option<Expr>,
        exclusive_min: Option<Expr>,
        exclusive_max: Option<Expr>,
    },
    /// A rule without arguments: `email`, `url`, `uuid`, ...: the runtime function's name.
    Simple(&'static str),
    /// `contains("x")`, `does_not_contain`, `prefix`, `suffix`: function name and argument.
    Text(&'static str, LitStr),
    Pattern(LitStr),
    OneOf(Vec<Expr>),
    Custom {
        function: Path,
        with_context: bool,
    },
}

pub struct Schema {
    pub function: Path,
    /// Where its errors are reported (a wire path such as `password_confirmation`).
    pub path: Option<LitStr>,
    pub overrides: Overrides,
}

pub enum Sanitizer {
    Trim(Span),
    Lowercase(Span),
    Uppercase(Span),
    Custom(Path),
}
