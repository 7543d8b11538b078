//! An error accumulator for hand-parsed attributes (serde's `Ctxt`): every mistake is recorded
//! with its span, and all of them are reported together.

use std::fmt::Display;

use proc_macro2::TokenStream;
use quote::ToTokens;

#[derive(Default)]
pub struct Ctxt {
    errors: Vec<syn::Error>,
}

impl Ctxt {
    pub fn new() -> Self {
        Self::default()
    }

    /// Records an error spanned on `tokens`.
    pub fn error_spanned_by(&mut self, tokens: impl ToTokens, message: impl Display) {
        self.push_spanned(tokens.into_token_stream(), message.to_string());
    }

    /// The one copy of `new_spanned` for every caller's types.
    fn push_spanned(&mut self, tokens: TokenStream, message: String) {
        self.errors.push(syn::Error::new_spanned(tokens, message));
    }

    /// Records a `syn` parse error as it is.
    pub fn syn_error(&mut self, error: syn::Error) {
        self.errors.push(error);
    }

    /// The errors as `compile_error!` invocations, or `None` when there are none.
    pub fn into_compile_errors(self) -> Option<TokenStream> {
        let mut iter = self.errors.into_iter();
        let mut combined = iter.next()?;
        for error in iter {
            combined.combine(error);
        }
        Some(combined.to_compile_error())
    }
}
