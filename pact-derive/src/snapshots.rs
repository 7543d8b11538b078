//! Expansion snapshots: every `tests/expand/<derive>/<case>.rs` at the workspace root is
//! expanded in-process and compared with `<case>.expanded.rs` beside it, pretty-printed by
//! prettyplease. `UPDATE_EXPECT=1 cargo test -p pact-derive snapshots` rewrites them after an
//! intended change; review the diff like code.

use std::path::{Path, PathBuf};

use quote::ToTokens;

fn cases(derive: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/expand")
        .join(derive);
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|err| panic!("reading {}: {err}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| {
            path.extension().is_some_and(|ext| ext == "rs")
                && !path.to_string_lossy().ends_with(".expanded.rs")
        })
        .collect();
    cases.sort();
    cases
}

/// Expands every item of `source` that derives `name` with `derive`.
fn expand_file(
    source: &str,
    name: &str,
    derive: fn(&syn::DeriveInput) -> proc_macro2::TokenStream,
) -> String {
    let file = syn::parse_file(source).expect("snapshot input parses as Rust");
    let mut out = proc_macro2::TokenStream::new();
    for item in file.items {
        let derives_it = |attrs: &[syn::Attribute]| {
            attrs.iter().any(|attr| {
                attr.path().is_ident("derive")
                    && attr.meta.to_token_stream().to_string().contains(name)
            })
        };
        let input: syn::DeriveInput = match item {
            syn::Item::Struct(item) if derives_it(&item.attrs) => item.into(),
            syn::Item::Enum(item) if derives_it(&item.attrs) => item.into(),
            _ => continue,
        };
        out.extend(derive(&input));
    }
    let expanded: syn::File = syn::parse2(out).expect("expansion parses as Rust items");
    prettyplease::unparse(&expanded)
}

fn check(derive_dir: &str, name: &str, derive: fn(&syn::DeriveInput) -> proc_macro2::TokenStream) {
    let cases = cases(derive_dir);
    assert!(!cases.is_empty(), "no snapshot inputs for {derive_dir}");
    for case in cases {
        let source = std::fs::read_to_string(&case).expect("read snapshot input");
        let actual = expand_file(&source, name, derive);
        let expected = case.with_extension("expanded.rs");
        expect_test::expect_file![expected].assert_eq(&actual);
    }
}

#[test]
fn api_error() {
    check("api_error", "ApiError", crate::api_error::derive);
}

#[test]
fn dto() {
    check("dto", "Dto", crate::dto::derive);
}

#[test]
fn repository() {
    check("repository", "Repository", crate::repository::derive);
}
