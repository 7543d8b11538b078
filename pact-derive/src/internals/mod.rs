//! Building blocks shared by every derive: naming, format strings, bounds, suggestions.

pub mod bounds;
pub mod case;
pub mod code;
pub mod crate_path;
pub mod ctxt;
pub mod fmt;
pub mod fresh;
pub mod span;
pub mod suggest;
