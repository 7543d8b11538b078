//! Field conversions of `#[dto(from, into, try_into, patch)]`: pact-core's, and the last
//! resort of their method lookup, defined here so that its one error names `pact` (rustc
//! names a trait by the crate that defines it).

pub use pact_core::__private::mapping::*;

/// What a field's type must implement when no conversion applies. Nothing implements it, so
/// that the error names the two types in pact's words.
#[diagnostic::on_unimplemented(
    message = "a field of type `{Self}` cannot be mapped from `{S}`",
    label = "no conversion from `{S}`",
    note = "implement `From<{S}>` for `{Self}` (from a reference, `From<&{S}>`, or `Clone` on `{S}`), or convert the field with `#[dto(with = path::to::fn)]`"
)]
pub trait MapFrom<S> {
    /// Never called: there are no implementations.
    fn unreachable() -> Self;
}

/// The last resort of a field's conversion lookup (after the inherent method and the shape
/// traits of [`Owned`], after `Same`, `LeafRef`, the shape traits and `LeafClone` of
/// [`Borrowed`]): a field whose types have no conversion. Its `convert` requires [`MapFrom`],
/// so the error is the same for the owned and the borrowed impl, and rustc reports it once.
pub trait Unmapped<S, D> {
    /// Never compiles: requires `D: MapFrom<S>`.
    fn convert(self) -> D
    where
        D: MapFrom<S>;
}

impl<S, D> Unmapped<S, D> for &Owned<S, D> {
    #[inline]
    fn convert(self) -> D
    where
        D: MapFrom<S>,
    {
        D::unreachable()
    }
}

impl<S, D> Unmapped<S, D> for Borrowed<'_, S, D> {
    #[inline]
    fn convert(self) -> D
    where
        D: MapFrom<S>,
    {
        D::unreachable()
    }
}
