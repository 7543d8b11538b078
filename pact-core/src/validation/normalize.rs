//! Sanitising before validation.

/// In-place clean-up of a request before it is validated: trimming, case folding, custom
/// transforms. `#[derive(Dto)]` implements it from `#[dto(trim, lowercase, ...)]` field
/// attributes (and calls it on nested DTOs); the extractors call it before validation.
///
/// ```
/// use pact_core::validation::Normalize;
///
/// struct Login { email: String }
/// impl Normalize for Login {
///     fn normalize(&mut self) {
///         self.email = self.email.trim().to_lowercase();
///     }
/// }
/// let mut login = Login { email: "  Ada@Example.COM ".into() };
/// login.normalize();
/// assert_eq!(login.email, "ada@example.com");
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a DTO: `nested` needs it to implement `Normalize` and `ValidateWith`",
    label = "`{Self}` does not implement `Normalize`",
    note = "derive them with `#[derive(pact::Dto)]` on `{Self}`, or implement both by hand (an empty `normalize` will do)"
)]
pub trait Normalize {
    /// Cleans `self` up in place.
    fn normalize(&mut self);
}

impl<T: Normalize + ?Sized> Normalize for Box<T> {
    fn normalize(&mut self) {
        (**self).normalize();
    }
}

impl<T: Normalize> Normalize for Option<T> {
    fn normalize(&mut self) {
        if let Some(value) = self {
            value.normalize();
        }
    }
}

impl<T: Normalize> Normalize for Vec<T> {
    fn normalize(&mut self) {
        for value in self {
            value.normalize();
        }
    }
}

impl<K, V: Normalize, S> Normalize for std::collections::HashMap<K, V, S> {
    fn normalize(&mut self) {
        for value in self.values_mut() {
            value.normalize();
        }
    }
}

impl<K, V: Normalize> Normalize for std::collections::BTreeMap<K, V> {
    fn normalize(&mut self) {
        for value in self.values_mut() {
            value.normalize();
        }
    }
}

impl<T: Normalize> Normalize for crate::Patch<T> {
    fn normalize(&mut self) {
        if let crate::Patch::Value(value) = self {
            value.normalize();
        }
    }
}
