//! Field conversions used by `#[dto(from, into, try_into, patch)]` code (`__private::mapping`).
//!
//! A field is converted with `Owned::<S, D>` (by value) or `Borrowed::<S, D>` (from a
//! reference) and a `.convert()` call, resolved by method lookup among the traits the derive
//! imports for the destination's syntax, most specific first:
//!
//! - by value, on `Owned`: the same type is the inherent method (a move); another type
//!   [`Leaf`] (`D: From<S>`), or the shape's trait: [`Optional`], [`Sequence`] (`Vec`),
//!   [`Boxed`], [`Map`] (values of `HashMap` / `BTreeMap`), element by element; then, on
//!   `&Owned`, `Unmapped`;
//! - from a reference, called on `&&&Borrowed`: [`Same`] (a clone) on `&&&Borrowed`; then
//!   [`LeafRef`] (`D: From<&S>`) or the shape's trait on `&&Borrowed`; then [`LeafClone`]
//!   (cloned, then `D: From<S>`) on `&Borrowed`; then `Unmapped` on `Borrowed`.
//!
//! `Unmapped` is the last resort, defined in the `pact` facade (`pact::__private::mapping`) so
//! that its error names `pact`: it applies to every pair of types, and its `convert` requires
//! `MapFrom`, which nothing implements, so a field with no conversion is one error in pact's
//! words (the same one for `From<T>` and `From<&T>`, which rustc reports once).
//! So `Vec<String>` to `Vec<String>` is a move, and `Vec<Tag>` to `Vec<TagDto>` maps each
//! element through `From`.

use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasher, Hash};
use std::marker::PhantomData;

/// A source value `S` to convert into `D`.
pub struct Owned<S, D>(S, PhantomData<fn() -> D>);

/// A borrowed source value `&S` to convert into an owned `D`.
pub struct Borrowed<'a, S, D>(&'a S, PhantomData<fn() -> D>);

/// The type of a target's field, read from a closure `|t: &Target| &t.field`.
pub struct Slot<D>(PhantomData<fn() -> D>);

/// The type of the field a closure reads.
#[inline]
#[must_use]
pub fn slot<T: ?Sized, D>(_: impl FnOnce(&T) -> &D) -> Slot<D> {
    Slot(PhantomData)
}

/// The type inside the `Option` a closure reads (a nullable field of a patch's target).
#[inline]
#[must_use]
pub fn slot_in_option<T: ?Sized, D>(_: impl FnOnce(&T) -> &Option<D>) -> Slot<D> {
    Slot(PhantomData)
}

impl<S, D> Owned<S, D> {
    /// `source`, to become a `D` named by the turbofish.
    #[inline]
    pub fn new(source: S) -> Self {
        Self(source, PhantomData)
    }

    /// `source`, to become the type of `slot`.
    #[inline]
    pub fn to(source: S, _: Slot<D>) -> Self {
        Self(source, PhantomData)
    }
}

impl<'a, S, D> Borrowed<'a, S, D> {
    /// `source`, to become a `D` named by the turbofish.
    #[inline]
    pub fn new(source: &'a S) -> Self {
        Self(source, PhantomData)
    }
}

impl<T> Owned<T, T> {
    /// Same type: the value itself.
    #[inline]
    #[must_use]
    pub fn convert(self) -> T {
        self.0
    }
}

/// Same type, from a reference: a clone (a copy for `Copy` types).
pub trait Same<D> {
    /// The converted value.
    fn convert(self) -> D;
}

impl<T: Clone> Same<T> for &&&Borrowed<'_, T, T> {
    #[inline]
    fn convert(self) -> T {
        self.0.clone()
    }
}

/// A field of another type: `D: From<S>`.
pub trait Leaf<D> {
    /// The converted value.
    fn convert(self) -> D;
}

impl<S, D: From<S>> Leaf<D> for Owned<S, D> {
    #[inline]
    fn convert(self) -> D {
        D::from(self.0)
    }
}

/// A borrowed field of another type, converted from the reference: `D: From<&S>` (nested
/// DTOs derive it, and so convert without cloning their source).
pub trait LeafRef<D> {
    /// The converted value.
    fn convert(self) -> D;
}

impl<'a, S, D: From<&'a S>> LeafRef<D> for &&Borrowed<'a, S, D> {
    #[inline]
    fn convert(self) -> D {
        D::from(self.0)
    }
}

/// A borrowed field of another type without `From<&S>`: cloned, then `D: From<S>`. Found
/// after [`LeafRef`] (it is implemented for `&Borrowed`, `LeafRef` for `&&Borrowed`).
pub trait LeafClone<D> {
    /// The converted value.
    fn convert(self) -> D;
}

impl<S: Clone, D: From<S>> LeafClone<D> for &Borrowed<'_, S, D> {
    #[inline]
    fn convert(self) -> D {
        D::from(self.0.clone())
    }
}

/// `Option<S>` to `Option<D>`.
pub trait Optional<D> {
    /// The converted value.
    fn convert(self) -> D;
}

impl<S, D: From<S>> Optional<Option<D>> for Owned<Option<S>, Option<D>> {
    #[inline]
    fn convert(self) -> Option<D> {
        self.0.map(D::from)
    }
}

impl<'a, S, D: From<&'a S>> Optional<Option<D>> for &&Borrowed<'a, Option<S>, Option<D>> {
    #[inline]
    fn convert(self) -> Option<D> {
        self.0.as_ref().map(D::from)
    }
}

/// `Vec<S>` to `Vec<D>`, element by element.
pub trait Sequence<D> {
    /// The converted value.
    fn convert(self) -> D;
}

impl<S, D: From<S>> Sequence<Vec<D>> for Owned<Vec<S>, Vec<D>> {
    #[inline]
    fn convert(self) -> Vec<D> {
        self.0.into_iter().map(D::from).collect()
    }
}

impl<'a, S, D: From<&'a S>> Sequence<Vec<D>> for &&Borrowed<'a, Vec<S>, Vec<D>> {
    #[inline]
    fn convert(self) -> Vec<D> {
        self.0.iter().map(D::from).collect()
    }
}

/// `Box<S>` to `Box<D>`.
pub trait Boxed<D> {
    /// The converted value.
    fn convert(self) -> D;
}

impl<S, D: From<S>> Boxed<Box<D>> for Owned<Box<S>, Box<D>> {
    #[inline]
    fn convert(self) -> Box<D> {
        Box::new(D::from(*self.0))
    }
}

impl<'a, S, D: From<&'a S>> Boxed<Box<D>> for &&Borrowed<'a, Box<S>, Box<D>> {
    #[inline]
    fn convert(self) -> Box<D> {
        Box::new(D::from(&**self.0))
    }
}

/// The values of a `HashMap` or `BTreeMap` (keys are kept; cloned from a reference).
pub trait Map<D> {
    /// The converted value.
    fn convert(self) -> D;
}

impl<K: Eq + Hash, S, D: From<S>, H: BuildHasher + Default> Map<HashMap<K, D, H>>
    for Owned<HashMap<K, S, H>, HashMap<K, D, H>>
{
    #[inline]
    fn convert(self) -> HashMap<K, D, H> {
        self.0.into_iter().map(|(k, v)| (k, D::from(v))).collect()
    }
}

impl<'a, K: Eq + Hash + Clone, S, D: From<&'a S>, H: BuildHasher + Default> Map<HashMap<K, D, H>>
    for &&Borrowed<'a, HashMap<K, S, H>, HashMap<K, D, H>>
{
    #[inline]
    fn convert(self) -> HashMap<K, D, H> {
        self.0
            .iter()
            .map(|(k, v)| (k.clone(), D::from(v)))
            .collect()
    }
}

impl<K: Ord, S, D: From<S>> Map<BTreeMap<K, D>> for Owned<BTreeMap<K, S>, BTreeMap<K, D>> {
    #[inline]
    fn convert(self) -> BTreeMap<K, D> {
        self.0.into_iter().map(|(k, v)| (k, D::from(v))).collect()
    }
}

impl<'a, K: Ord + Clone, S, D: From<&'a S>> Map<BTreeMap<K, D>>
    for &&Borrowed<'a, BTreeMap<K, S>, BTreeMap<K, D>>
{
    #[inline]
    fn convert(self) -> BTreeMap<K, D> {
        self.0
            .iter()
            .map(|(k, v)| (k.clone(), D::from(v)))
            .collect()
    }
}

/// A borrowed source field for a `with = fn` conversion, which takes the value: a clone.
#[inline]
pub fn cloned<T: Clone>(value: &T) -> T {
    value.clone()
}
