//! `Option`-ness by method lookup, for a field whose type the derive cannot read as `Option`
//! (an alias such as `type Maybe<T> = Option<T>`, a type from another macro): the rules of
//! `#[validate(...)]` then apply to the value inside `Some`, as they do on an `Option<T>`
//! written out.
//!
//! `(&&Probe(value)).present()` finds [`IsOption`] first (on `&&Probe<Option<T>>`), and
//! [`NotOption`] one dereference later (on `&Probe<T>`, any type).

/// A field's value, to look into if it is an `Option`.
pub struct Probe<'a, T: ?Sized>(pub &'a T);

/// An `Option`: its `Some` value, if any.
pub trait IsOption<'a, T> {
    /// The value to check, if there is one.
    fn present(self) -> Option<&'a T>;
}

impl<'a, T> IsOption<'a, T> for &&Probe<'a, Option<T>> {
    #[inline]
    fn present(self) -> Option<&'a T> {
        self.0.as_ref()
    }
}

/// Any other value: itself.
pub trait NotOption<'a, T: ?Sized> {
    /// The value to check.
    fn present(self) -> Option<&'a T>;
}

impl<'a, T: ?Sized> NotOption<'a, T> for &Probe<'a, T> {
    #[inline]
    fn present(self) -> Option<&'a T> {
        Some(self.0)
    }
}
