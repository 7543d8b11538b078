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

    #[allow(dead_code)]
    pub struct From;
    #[allow(dead_code)]
    pub struct Into;
    #[allow(dead_code)]
    pub struct Default;
    #[allow(dead_code)]
    pub struct Clone;
    #[allow(dead_code)]
    pub struct Vec;
    #[allow(dead_code)]
    pub struct Box;
    #[allow(dead_code)]
    pub struct Changes;
    #[allow(dead_code)]
    pub struct Patch;

    #[derive(Debug, PartialEq)]
    pub struct Label {
        pub text: ::std::string::String,
    }

    #[derive(Debug, PartialEq)]
    pub struct Account {
        pub id: u64,
        pub email: ::std::string::String,
        pub secret: ::std::string::String,
        pub age: u32,
        pub labels: ::std::vec::Vec<Label>,
        pub best: ::core::option::Option<Label>,
        pub nickname: ::core::option::Option<::std::string::String>,
    }

    #[derive(Debug, PartialEq, ::serde::Deserialize, ::pact::Dto)]
    #[dto(from = Label, into = Label)]
    pub struct LabelDto {
        pub text: ::std::string::String,
    }

    #[derive(Debug, PartialEq, ::pact::Dto)]
    #[dto(from = Account, skip(secret, nickname))]
    pub struct AccountView {
        pub id: u64,
        #[dto(rename = email)]
        pub mail: ::std::string::String,
        pub age: u64,
        pub labels: ::std::vec::Vec<LabelDto>,
        pub best: ::core::option::Option<LabelDto>,
        #[dto(default)]
        pub links: ::std::vec::Vec<::std::string::String>,
    }

    pub fn zero() -> u32 {
        0
    }

    #[derive(::pact::Dto)]
    #[dto(try_into = Account, default(id, secret = ::std::string::String::new(), age = zero()))]
    pub struct NewAccount {
        #[validate(email)]
        pub email: ::std::string::String,
        pub labels: ::std::vec::Vec<LabelDto>,
        pub best: ::core::option::Option<LabelDto>,
        pub nickname: ::core::option::Option<::std::string::String>,
    }

    #[derive(::serde::Deserialize, ::pact::Dto)]
    #[dto(patch = Account)]
    pub struct AccountPatch {
        #[dto(rename = email)]
        #[validate(email)]
        pub mail: ::core::option::Option<::std::string::String>,
        #[serde(default)]
        #[validate(length(min = 2))]
        pub nickname: ::pact::Patch<::std::string::String>,
        pub labels: ::core::option::Option<::std::vec::Vec<LabelDto>>,
        #[serde(default)]
        pub best: ::pact::Patch<LabelDto>,
    }

    #[derive(Debug, PartialEq)]
    pub struct Paged<T> {
        pub items: ::std::vec::Vec<T>,
        pub total: u64,
    }

    #[derive(Debug, PartialEq, ::pact::Dto)]
    #[dto(from = Paged<T>)]
    pub struct PagedDto<T> {
        pub items: ::std::vec::Vec<T>,
        pub total: u64,
    }

    #[derive(Debug, PartialEq)]
    pub enum Shape {
        Circle { radius: u32 },
        Named(Label),
        Empty,
    }

    #[derive(Debug, PartialEq, ::pact::Dto)]
    #[dto(from = Shape, into = Shape)]
    pub enum ShapeDto {
        Circle { radius: u32 },
        Named(LabelDto),
        Empty,
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

use pact::{ApplyTo, Normalize, Patch, Validate};
use user_code::{
    Account, AccountPatch, AccountView, Choice, Inner, Label, LabelDto, NewAccount, Paged,
    PagedDto, Shape, ShapeDto, Signup,
};

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

fn account() -> Account {
    Account {
        id: 1,
        email: "ada@example.com".to_owned(),
        secret: "hash".to_owned(),
        age: 36,
        labels: vec![Label {
            text: "math".to_owned(),
        }],
        best: None,
        nickname: Some("al".to_owned()),
    }
}

#[test]
fn generated_mapping_survives_shadowing() {
    let view = AccountView::from(&account());
    assert_eq!(view.mail, "ada@example.com");
    assert_eq!(view.age, 36);
    assert_eq!(view, AccountView::from(account()));

    let created = Account::try_from(NewAccount {
        email: "bob@example.com".to_owned(),
        labels: vec![LabelDto {
            text: "x".to_owned(),
        }],
        best: None,
        nickname: None,
    })
    .unwrap();
    assert_eq!(created.id, 0);
    assert_eq!(created.labels[0].text, "x");

    let mut target = account();
    let patch = AccountPatch {
        mail: None,
        nickname: Patch::Null,
        labels: Some(vec![]),
        best: Patch::Value(LabelDto {
            text: "y".to_owned(),
        }),
    };
    patch.validate().unwrap();
    let changes = patch.apply_to(&mut target);
    assert_eq!(changes.len(), 3);
    assert_eq!(target.nickname, None);
    assert_eq!(
        target.best,
        Some(Label {
            text: "y".to_owned()
        })
    );

    let paged = Paged {
        items: vec![1_u8],
        total: 1,
    };
    assert_eq!(PagedDto::from(&paged).items, [1]);
    assert_eq!(
        Shape::from(ShapeDto::from(&Shape::Circle { radius: 2 })),
        Shape::Circle { radius: 2 }
    );
    assert_eq!(ShapeDto::from(Shape::Empty), ShapeDto::Empty);
    let named = ShapeDto::from(Shape::Named(Label {
        text: "n".to_owned(),
    }));
    assert_eq!(
        named,
        ShapeDto::Named(LabelDto {
            text: "n".to_owned()
        })
    );
}
