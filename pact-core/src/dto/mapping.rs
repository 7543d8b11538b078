//! Applying PATCH DTOs: [`ApplyTo`] and the [`Changes`] it reports.

use std::fmt;

use crate::validation::{Normalize, Validate, ValidationErrors};

/// A partial update of a `T`: what `#[dto(patch = T)]` implements.
///
/// [`apply_to`](ApplyTo::apply_to) writes every field the patch carries (`Some` of an
/// `Option`, `Null` or `Value` of a [`Patch`](crate::Patch)) and leaves the others alone;
/// [`try_apply_to`](ApplyTo::try_apply_to) sanitises and validates the patch first.
///
/// ```
/// use pact_core::{ApplyTo, Changes};
///
/// struct User { name: String, age: u8 }
/// struct UpdateUser { name: Option<String>, age: Option<u8> }
///
/// impl ApplyTo<User> for UpdateUser {
///     fn apply_to(self, user: &mut User) -> Changes {
///         let mut changes = Changes::new(&["name", "age"]);
///         if let Some(name) = self.name { user.name = name; changes.mark(0); }
///         if let Some(age) = self.age { user.age = age; changes.mark(1); }
///         changes
///     }
/// }
///
/// let mut user = User { name: "Ada".into(), age: 36 };
/// let changes = UpdateUser { name: None, age: Some(37) }.apply_to(&mut user);
/// assert_eq!(user.age, 37);
/// assert!(changes.contains("age") && !changes.contains("name"));
/// ```
pub trait ApplyTo<T: ?Sized> {
    /// Writes the fields the patch carries into `target`; returns which fields were written.
    fn apply_to(self, target: &mut T) -> Changes;

    /// [`normalize`](Normalize::normalize)s and [`validate`](Validate::validate)s the patch
    /// (rules check the fields it carries: a `None` or an absent `Patch` skips its rules), then
    /// applies it. `target` is untouched when validation fails.
    ///
    /// ```
    /// use pact_core::{ApplyTo, Changes, Normalize, Validate, ValidateWith, ValidationErrors, RuleError};
    /// use pact_core::validation::Path;
    ///
    /// struct Counter { step: u8 }
    /// struct SetStep { step: Option<u8> }
    /// impl Normalize for SetStep { fn normalize(&mut self) {} }
    /// impl<C: ?Sized> ValidateWith<C> for SetStep {
    ///     fn validate_into(&self, _: &C, path: &Path<'_>, errors: &mut ValidationErrors) {
    ///         if self.step == Some(0) {
    ///             errors.push(&path.field("step"), RuleError::new("range", "must be at least 1"));
    ///         }
    ///     }
    /// }
    /// impl ApplyTo<Counter> for SetStep {
    ///     fn apply_to(self, counter: &mut Counter) -> Changes {
    ///         let mut changes = Changes::new(&["step"]);
    ///         if let Some(step) = self.step { counter.step = step; changes.mark(0); }
    ///         changes
    ///     }
    /// }
    ///
    /// let mut counter = Counter { step: 1 };
    /// assert!(SetStep { step: Some(0) }.try_apply_to(&mut counter).is_err());
    /// assert_eq!(counter.step, 1);
    /// assert_eq!(SetStep { step: Some(5) }.try_apply_to(&mut counter).unwrap().len(), 1);
    /// assert_eq!(counter.step, 5);
    /// ```
    ///
    /// # Errors
    /// Every violation of the patch's rules.
    fn try_apply_to(self, target: &mut T) -> Result<Changes, ValidationErrors>
    where
        Self: Sized + Normalize + Validate,
    {
        let mut patch = self;
        patch.normalize();
        patch.validate()?;
        Ok(patch.apply_to(target))
    }
}

/// Which fields a patch wrote: a set over a static list of field names, without allocation.
///
/// The names are the target's field names, in the order the patch declares them; a patch has
/// at most 64 fields.
///
/// ```
/// use pact_core::Changes;
///
/// let mut changes = Changes::new(&["email", "name", "age"]);
/// assert!(changes.is_empty());
/// changes.mark(0);
/// changes.mark(2);
/// assert_eq!(changes.len(), 2);
/// assert!(changes.contains("age"));
/// assert_eq!(changes.iter().collect::<Vec<_>>(), ["email", "age"]);
/// assert_eq!(format!("{changes:?}"), r#"["email", "age"]"#);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Changes {
    names: &'static [&'static str],
    set: u64,
}

impl Changes {
    /// No change yet, over the fields `names` (at most 64; further names are never marked).
    ///
    /// ```
    /// let changes = pact_core::Changes::new(&["email"]);
    /// assert!(changes.is_empty());
    /// ```
    #[must_use]
    pub const fn new(names: &'static [&'static str]) -> Self {
        Self { names, set: 0 }
    }

    /// Records that the field at `index` in the names was written. An index past the names
    /// (or past 64) is ignored.
    ///
    /// ```
    /// let mut changes = pact_core::Changes::new(&["email", "name"]);
    /// changes.mark(1);
    /// assert!(changes.contains("name"));
    /// ```
    pub const fn mark(&mut self, index: usize) {
        if index < self.names.len() && index < 64 {
            self.set |= 1 << index;
        }
    }

    /// Whether no field was written.
    ///
    /// ```
    /// assert!(pact_core::Changes::new(&["email"]).is_empty());
    /// ```
    #[must_use]
    pub const fn is_empty(&self) -> bool {
        self.set == 0
    }

    /// How many fields were written.
    ///
    /// ```
    /// let mut changes = pact_core::Changes::new(&["a", "b"]);
    /// changes.mark(0);
    /// changes.mark(0);
    /// assert_eq!(changes.len(), 1);
    /// ```
    #[must_use]
    pub const fn len(&self) -> usize {
        self.set.count_ones() as usize
    }

    /// Whether the field `name` was written.
    ///
    /// ```
    /// let mut changes = pact_core::Changes::new(&["email"]);
    /// assert!(!changes.contains("email"));
    /// changes.mark(0);
    /// assert!(changes.contains("email"));
    /// assert!(!changes.contains("nickname"));
    /// ```
    #[must_use]
    pub fn contains(&self, name: &str) -> bool {
        self.iter().any(|written| written == name)
    }

    /// The names of the written fields, in declaration order.
    ///
    /// ```
    /// let mut changes = pact_core::Changes::new(&["email", "name"]);
    /// changes.mark(1);
    /// assert_eq!(changes.iter().next(), Some("name"));
    /// ```
    pub fn iter(&self) -> impl Iterator<Item = &'static str> + use<> {
        let (names, set) = (self.names, self.set);
        names
            .iter()
            .take(64)
            .enumerate()
            .filter(move |(index, _)| set & (1 << index) != 0)
            .map(|(_, name)| *name)
    }
}

impl fmt::Debug for Changes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}
