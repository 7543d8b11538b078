//! Names for generated generic parameters that no user token can clash with.

use proc_macro2::{TokenStream, TokenTree};
use quote::ToTokens;

/// `base`, or `base` with the first number appended that makes it differ from every identifier
/// in `input` (so a user type named `__C` is never captured by a generated parameter `__C`).
pub fn ident(input: &impl ToTokens, base: &str) -> syn::Ident {
    let mut used = Vec::new();
    collect(input.to_token_stream(), &mut used);
    let mut name = base.to_owned();
    let mut n = 0_u32;
    while used.iter().any(|ident| ident == &name) {
        n += 1;
        name = format!("{base}{n}");
    }
    syn::Ident::new(&name, proc_macro2::Span::call_site())
}

fn collect(tokens: TokenStream, out: &mut Vec<String>) {
    for tree in tokens {
        match tree {
            TokenTree::Ident(ident) => out.push(ident.to_string()),
            TokenTree::Group(group) => collect(group.stream(), out),
            TokenTree::Punct(_) | TokenTree::Literal(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn avoids_every_identifier_of_the_input() {
        let input: syn::DeriveInput =
            syn::parse_str("struct A<__C1> { a: __C, b: Vec<(u8, __C2)> }").unwrap();
        assert_eq!(super::ident(&input, "__C"), "__C3");
        let plain: syn::DeriveInput = syn::parse_str("struct A { a: u8 }").unwrap();
        assert_eq!(super::ident(&plain, "__C"), "__C");
    }
}
