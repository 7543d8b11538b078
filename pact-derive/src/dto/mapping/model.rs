//! The checked model of the mappings: what the expansion reads.

use proc_macro2::Span;
use syn::{Expr, Ident, Member, Path, Type};

pub use super::attr::Direction;

/// One checked `from = T`, `into = T`, `try_into = T` or `patch = T`.
pub struct Mapping {
    pub direction: Direction,
    /// The other type, as written (type syntax: `User<T>`).
    pub target: Path,
    /// Where errors about the mapping as a whole go: the type's name in the attribute.
    pub span: Span,
    /// `from`: source fields left out (bound to `_`).
    pub skip: Vec<Ident>,
    /// Fields neither mapped nor listed are allowed.
    pub partial: bool,
    /// `from`: no `From<&T>` impl.
    pub by_value: bool,
    /// `into` / `try_into`: target fields the DTO does not carry, with their values
    /// (`None`: `Default::default()`).
    pub defaults: Vec<(Ident, Option<Expr>)>,
    /// `into` / `try_into`: target fields computed from the whole DTO (`fn(&Dto) -> T`).
    pub computed: Vec<(Ident, Expr)>,
    /// `try_into`: the error type (`None`: `ValidationErrors`).
    pub error: Option<Type>,
}

impl Mapping {
    /// The other type in expression and pattern syntax (`User::<T>`).
    pub fn target_expr(&self) -> Path {
        let mut path = self.target.clone();
        for segment in &mut path.segments {
            if let syn::PathArguments::AngleBracketed(args) = &mut segment.arguments {
                args.colon2_token.get_or_insert_with(Default::default);
            }
        }
        path
    }
}

/// How one field takes part in one mapping.
pub struct FieldMap {
    /// The field's name on the other side (its own, or `rename`).
    pub other: Member,
    pub how: How,
}

pub enum How {
    /// `From` / identity, by the field's shape.
    Convert,
    /// `with = f`: `f(value)`.
    With(Expr),
    /// `skip` / `default`: not read from a source (filled with the value, or
    /// `Default::default()`) and not written to a target.
    Skip(Option<Expr>),
}

impl FieldMap {
    pub fn is_skipped(&self) -> bool {
        matches!(self.how, How::Skip(_))
    }
}
