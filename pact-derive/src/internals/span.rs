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

/// `tokens` with every token placed at `span` (names still resolve at the call site). Only the
/// top level: the inside of a group (a call's arguments) keeps its spans, so a call is placed
/// at the rule while the user's bounds stay where they were written.
pub fn respan(tokens: &TokenStream, span: Span) -> TokenStream {
    tokens
        .clone()
        .into_iter()
        .map(|mut tree| {
            tree.set_span(span);
            tree
        })
        .collect()
}
