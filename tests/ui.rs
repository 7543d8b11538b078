//! Compile-fail tests: every misuse of `#[api(...)]` is reported on the user's tokens, with a
//! suggestion where one exists. Regenerate the `.stderr` files after an intended change with
//! `TRYBUILD=overwrite cargo test --test ui` and review the diff.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/api_error/*.rs");
}

#[test]
fn dto() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/dto/*.rs");
}

#[test]
fn repository() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/repository/*.rs");
}
