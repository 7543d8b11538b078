//! Spans as error locations.

use proc_macro2::{Punct, Spacing, Span, TokenStream};
use quote::{ToTokens, TokenStreamExt};

/// A bare span, usable wherever darling wants something `Spanned` to point an error at.
pub struct At(pub Span);

impl ToTokens for At {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        let mut punct = Punct::new('#', Spacing::Alone);
        punct.set_span(self.0);
        tokens.append(punct);
    }
}
