//! Beside the errors, the repository trait alone (when the struct's shape allows), so code
//! that names `UserRepository` reports the attribute mistake, not a missing trait.

use proc_macro2::TokenStream;

use super::ast::Entity;

pub fn expand(entity: &Entity<'_>) -> TokenStream {
    let ids = entity.stored().filter(|(_, stored)| stored.id).count();
    if ids == 1 {
        super::expand::repository_trait(entity)
    } else {
        TokenStream::new()
    }
}
