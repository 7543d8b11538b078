//! Request validation: the [`Validate`] and [`ValidateWith`] traits that `#[derive(Dto)]`
//! implements, the error list [`ValidationErrors`], and the rule functions in [`rules`].
//!
//! Validation never stops at the first violation: every field is checked and every violation
//! is reported, each with the JSON path the client sent (`address.street`, `tags[3]`,
//! `scores["k"]`), a stable `code`, a `message` and the rule's `params`. A value that passes
//! allocates nothing.

mod dates;
mod errors;
mod normalize;
mod path;
#[doc(hidden)]
pub mod pattern;
pub mod rules;
pub mod sanitize;
mod traits;
mod walk;

pub use errors::{RuleError, ValidationErrors};
pub use normalize::Normalize;
pub use path::Path;
pub use traits::{Validate, ValidateWith};
#[doc(hidden)]
pub use walk::keyed;
pub use walk::{Elements, MapKeys};
