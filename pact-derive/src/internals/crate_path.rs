//! The path generated code uses to reach the runtime crate.

use syn::Path;

/// `::pact` unless the user named another path with `crate = ...`.
pub fn or_default(path: Option<Path>) -> Path {
    path.unwrap_or_else(|| syn::parse_quote!(::pact))
}
