//! The DTO pattern's runtime (validation lives in [`crate::validation`]): [`Patch`] for PATCH
//! bodies, [`ApplyTo`] and [`Changes`] for patch application, and the field conversions that
//! `#[dto(from, into, try_into, patch)]` code calls.

mod mapping;
pub(crate) mod mapping_convert;
mod patch;

pub use mapping::{ApplyTo, Changes};
pub use patch::Patch;
