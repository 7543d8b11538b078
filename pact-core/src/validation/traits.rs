//! What `#[derive(Dto)]` implements.

use super::{Path, ValidationErrors};

/// Validation with a context value `C` (the current time, a config, a database snapshot...).
///
/// `#[derive(Dto)]` implements it for every `C` when the type needs no context, and for the
/// declared context type otherwise, so a context reaches nested values of either kind.
/// Implement [`validate_into`](ValidateWith::validate_into) by hand for rules a derive cannot
/// express.
///
/// ```
/// use pact_core::validation::{Path, RuleError, ValidateWith, ValidationErrors};
///
/// struct Today(u32);
/// struct Booking { day: u32 }
///
/// impl ValidateWith<Today> for Booking {
///     fn validate_into(&self, today: &Today, path: &Path<'_>, errors: &mut ValidationErrors) {
///         if self.day < today.0 {
///             errors.push(&path.field("day"), RuleError::new("past", "must not be in the past"));
///         }
///     }
/// }
///
/// let errors = Booking { day: 3 }.validate_with(&Today(10)).unwrap_err();
/// assert_eq!(errors.errors()[0].path, "day");
/// assert!(Booking { day: 12 }.validate_with(&Today(10)).is_ok());
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be validated with context `{C}`",
    label = "`{Self}` does not implement `ValidateWith<{C}>`",
    note = "derive it with `#[derive(pact::Dto)]`; a type that declares `#[validate(context = T)]` is validated with a `T` only"
)]
pub trait ValidateWith<C: ?Sized> {
    /// Checks every rule of `self`, placed at `path`, and records each violation.
    fn validate_into(&self, ctx: &C, path: &Path<'_>, errors: &mut ValidationErrors);

    /// Checks every rule; `Err` lists every violation.
    ///
    /// # Errors
    /// The violations, when there is at least one.
    fn validate_with(&self, ctx: &C) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::new();
        self.validate_into(ctx, &Path::root(), &mut errors);
        errors.into_result()
    }
}

/// Validation without a context: `request.validate()`.
///
/// Implemented for every type that can be validated with the unit context `()`, which
/// includes every `#[derive(Dto)]` type that declares no context.
///
/// ```
/// use pact_core::validation::{Path, RuleError, Validate, ValidateWith, ValidationErrors};
///
/// struct Name(String);
/// impl<C: ?Sized> ValidateWith<C> for Name {
///     fn validate_into(&self, _: &C, path: &Path<'_>, errors: &mut ValidationErrors) {
///         if self.0.is_empty() {
///             errors.push(path, RuleError::new("non_empty", "must not be empty"));
///         }
///     }
/// }
/// assert!(Name("Ada".into()).validate().is_ok());
/// assert_eq!(Name(String::new()).validate().unwrap_err().len(), 1);
/// ```
pub trait Validate {
    /// Checks every rule; `Err` lists every violation.
    ///
    /// # Errors
    /// The violations, when there is at least one.
    fn validate(&self) -> Result<(), ValidationErrors>;
}

impl<T: ValidateWith<()> + ?Sized> Validate for T {
    fn validate(&self) -> Result<(), ValidationErrors> {
        self.validate_with(&())
    }
}

macro_rules! forward {
    ($($ty:ty),*) => {$(
        impl<C: ?Sized, T: ValidateWith<C> + ?Sized> ValidateWith<C> for $ty {
            fn validate_into(&self, ctx: &C, path: &Path<'_>, errors: &mut ValidationErrors) {
                (**self).validate_into(ctx, path, errors);
            }
        }
    )*};
}
forward!(&T, Box<T>, std::sync::Arc<T>, std::rc::Rc<T>);

impl<C: ?Sized, T: ValidateWith<C>> ValidateWith<C> for Option<T> {
    fn validate_into(&self, ctx: &C, path: &Path<'_>, errors: &mut ValidationErrors) {
        if let Some(value) = self {
            value.validate_into(ctx, path, errors);
        }
    }
}

impl<C: ?Sized, T: ValidateWith<C>> ValidateWith<C> for [T] {
    fn validate_into(&self, ctx: &C, path: &Path<'_>, errors: &mut ValidationErrors) {
        for (index, value) in self.iter().enumerate() {
            value.validate_into(ctx, &path.index(index), errors);
        }
    }
}

impl<C: ?Sized, T: ValidateWith<C>> ValidateWith<C> for Vec<T> {
    fn validate_into(&self, ctx: &C, path: &Path<'_>, errors: &mut ValidationErrors) {
        self.as_slice().validate_into(ctx, path, errors);
    }
}

impl<C: ?Sized, K: std::fmt::Debug, V: ValidateWith<C>, S> ValidateWith<C>
    for std::collections::HashMap<K, V, S>
{
    fn validate_into(&self, ctx: &C, path: &Path<'_>, errors: &mut ValidationErrors) {
        for (key, value) in self {
            value.validate_into(ctx, &path.key(key), errors);
        }
    }
}

impl<C: ?Sized, K: std::fmt::Debug, V: ValidateWith<C>> ValidateWith<C>
    for std::collections::BTreeMap<K, V>
{
    fn validate_into(&self, ctx: &C, path: &Path<'_>, errors: &mut ValidationErrors) {
        for (key, value) in self {
            value.validate_into(ctx, &path.key(key), errors);
        }
    }
}

impl<C: ?Sized, T: ValidateWith<C>> ValidateWith<C> for crate::Patch<T> {
    /// Checks the value; `Absent` and `Null` have nothing to check.
    fn validate_into(&self, ctx: &C, path: &Path<'_>, errors: &mut ValidationErrors) {
        if let crate::Patch::Value(value) = self {
            value.validate_into(ctx, path, errors);
        }
    }
}
