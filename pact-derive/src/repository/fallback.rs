//! Beside the errors, the repository trait alone (when the struct's shape allows), so code
//! that names `UserRepository` reports the attribute mistake, not a missing trait. The trait
//! is left out when it would itself be in error (its name taken by one of pact's types).

use proc_macro2::TokenStream;

use super::ast::Entity;

pub fn expand(entity: &Entity<'_>) -> TokenStream {
    let ids = entity.stored().filter(|(_, stored)| stored.id).count();
    // A trait named like one of pact's types would add a name collision to the error.
    if ids == 1 && !entity.trait_in_error {
        super::expand::repository_trait(entity)
    } else {
        TokenStream::new()
    }
}
