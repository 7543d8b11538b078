//! Generated validation code stays correct and warning-free without a prelude, with shadowing
//! user items, generics and lifetimes, under `clippy::pedantic`.
#![deny(warnings, clippy::all, clippy::pedantic)]

#[no_implicit_prelude]
mod user_code {
    #[allow(dead_code)]
    pub struct Result;
    #[allow(dead_code)]
    pub struct Option;
    #[allow(dead_code)]
    pub struct Some;
    #[allow(dead_code)]
    pub struct Err;
    #[allow(dead_code)]
    pub struct Path;
    #[allow(dead_code)]
    pub struct LazyLock;
    #[allow(dead_code)]
    pub mod core {}
    #[allow(dead_code)]
    pub mod std {}
    #[allow(dead_code)]
    pub mod pact {}

    pub fn no_spaces(value: &str) -> ::core::result::Result<(), ::pact::RuleError> {
        if value.contains(' ') {
            return ::core::result::Result::Err(::pact::RuleError::new("spaces", "no spaces"));
        }
        ::core::result::Result::Ok(())
    }

    #[derive(::pact::Dto)]
    pub struct Inner {
        #[validate(range(min = 1, max = 9))]
        pub level: u8,
    }

    #[derive(::pact::Dto)]
    pub struct Signup<'a, T> {
        #[dto(trim, lowercase)]
        #[validate(email, length(max = 254))]
        pub email: ::std::string::String,
        #[validate(
            length(min = 1),
            custom(no_spaces),
            pattern("^[a-z]+$"),
            one_of("ada", "bob")
        )]
        pub name: &'a str,
        #[validate(url)]
        pub website: ::core::option::Option<::std::string::String>,
        #[validate(each(length(max = 3)), length(max = 2))]
        pub tags: ::std::vec::Vec<::std::string::String>,
        #[validate(nested)]
        pub inner: T,
        #[validate(required)]
        pub nick: ::core::option::Option<u8>,
    }

    #[derive(::pact::Dto)]
    pub enum Choice {
        A(#[validate(uuid)] ::std::string::String),
        B {
            #[validate(ip)]
            host: ::std::string::String,
        },
        C,
    }
}

use pact::{Normalize, Validate};
use user_code::{Choice, Inner, Signup};

#[test]
fn generated_validation_survives_shadowing() {
    let mut signup = Signup {
        email: " ADA@EXAMPLE.COM ".to_owned(),
        name: "ada",
        website: None,
        tags: vec!["ab".to_owned()],
        inner: Inner { level: 3 },
        nick: Some(1),
    };
    signup.normalize();
    assert_eq!(signup.email, "ada@example.com");
    signup.validate().unwrap();

    let bad = Signup {
        email: "x".to_owned(),
        name: "a b",
        website: Some("nope".to_owned()),
        tags: vec!["abcd".to_owned(); 3],
        inner: Inner { level: 0 },
        nick: None,
    };
    let errors = bad.validate().unwrap_err();
    let paths: Vec<&str> = errors.errors().iter().map(|e| e.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "email",
            "name",
            "name",
            "name",
            "website",
            "tags",
            "tags[0]",
            "tags[1]",
            "tags[2]",
            "inner.level",
            "nick"
        ]
    );
    Choice::C.validate().unwrap();
    assert_eq!(
        Choice::A("x".to_owned()).validate().unwrap_err().errors()[0].path,
        "A"
    );
    assert_eq!(
        Choice::B {
            host: "::1".to_owned()
        }
        .validate(),
        Ok(())
    );
}
