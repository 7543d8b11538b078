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

/// Fields and types named like every identifier the expansion generates (locals, closure
/// parameters, bindings, the context parameter, the pattern's static) and like every item it
/// imports or reaches, and a field whose type is an alias of `Option`.
#[no_implicit_prelude]
mod generated_names {
    #[allow(dead_code)]
    pub struct Owned;
    #[allow(dead_code)]
    pub struct Borrowed;
    #[allow(dead_code)]
    pub struct Same;
    #[allow(dead_code)]
    pub struct Leaf;
    #[allow(dead_code)]
    pub struct LeafRef;
    #[allow(dead_code)]
    pub struct LeafClone;
    #[allow(dead_code)]
    pub struct Unmapped;
    #[allow(dead_code)]
    pub struct MapFrom;
    #[allow(dead_code)]
    pub struct Slot;
    #[allow(dead_code)]
    pub struct Regex;
    #[allow(dead_code)]
    pub struct Sequence;
    #[allow(dead_code)]
    pub struct Optional;
    #[allow(dead_code)]
    pub struct Map;
    #[allow(dead_code)]
    pub struct Boxed;
    #[allow(dead_code)]
    pub struct OptionLike;
    #[allow(dead_code)]
    pub struct RuleResult;
    #[allow(dead_code)]
    pub struct Validate;
    #[allow(dead_code)]
    pub struct ValidateWith;
    #[allow(dead_code)]
    pub struct Normalize;
    #[allow(dead_code)]
    pub struct ValidationErrors;
    #[allow(dead_code)]
    pub struct Sized;

    pub type Maybe<T> = ::core::option::Option<T>;
    pub type Text = ::std::string::String;

    /// A type named like the generated context parameter.
    #[derive(::pact::Dto)]
    pub struct __C {
        #[validate(range(max = 9))]
        pub level: u8,
    }

    #[derive(::pact::Dto)]
    #[allow(non_snake_case)]
    pub struct Names {
        #[validate(required)]
        pub maybe: Maybe<u8>,
        #[validate(email, length(max = 20))]
        pub maybe_email: Maybe<Text>,
        #[validate(each(length(max = 3)))]
        pub maybe_tags: Maybe<::std::vec::Vec<Text>>,
        #[validate(nested)]
        pub inner: __C,
        #[validate(length(max = 3))]
        pub value: Text,
        #[validate(length(max = 3))]
        pub __value: Text,
        #[validate(length(max = 3))]
        pub errors: Text,
        #[validate(length(max = 3))]
        pub __errors: Text,
        #[validate(length(max = 3))]
        pub path: Text,
        #[validate(length(max = 3))]
        pub __path: Text,
        #[validate(length(max = 3))]
        pub ctx: Text,
        #[validate(length(max = 3))]
        pub __ctx: Text,
        #[validate(each(length(max = 3)))]
        pub __at: ::std::vec::Vec<Text>,
        #[validate(each(length(max = 3)))]
        pub __element: ::std::vec::Vec<Text>,
        #[validate(pattern("^[a-z]*$"))]
        pub __error: Text,
        #[validate(pattern("^[a-z]*$"))]
        pub __PATTERN: Text,
        #[validate(must_match(__error))]
        pub __variant_path: Text,
    }

    #[derive(::pact::Dto)]
    pub enum Tagged {
        Pair {
            #[validate(length(max = 3))]
            a: Text,
            #[validate(length(max = 3))]
            __field_a: Text,
            #[validate(must_match(a))]
            __field0: Text,
        },
        Tuple(
            #[validate(length(max = 3))] Text,
            #[validate(required)] Maybe<u8>,
        ),
    }

    #[derive(Debug, PartialEq)]
    pub struct Record {
        pub __source: Text,
        pub source: Text,
        pub __dto: Text,
        pub __target: Text,
        pub __changes: Text,
        pub __t: Text,
        pub __slot: Maybe<Text>,
        pub __value: u8,
        pub __computed_total: u8,
        pub total: u8,
    }

    pub fn total_of(dto: &RecordDto) -> u8 {
        dto.__value
    }

    #[derive(Debug, PartialEq, ::pact::Dto)]
    #[dto(from = Record, skip(__computed_total, total))]
    #[dto(into = Record, with(total = total_of), default(__computed_total))]
    pub struct RecordDto {
        pub __source: Text,
        pub source: Text,
        pub __dto: Text,
        pub __target: Text,
        pub __changes: Text,
        pub __t: Text,
        pub __slot: Maybe<Text>,
        pub __value: u8,
    }

    #[derive(::serde::Deserialize, ::pact::Dto)]
    #[dto(patch = Record)]
    pub struct RecordPatch {
        pub __target: ::core::option::Option<Text>,
        pub __changes: ::core::option::Option<Text>,
        #[serde(default)]
        pub __slot: ::pact::Patch<Text>,
        pub __value: ::core::option::Option<u8>,
    }
}

#[test]
fn generated_names_never_capture_user_names() {
    use generated_names::{__C, Names, Record, RecordDto, RecordPatch, Tagged};

    let text = |s: &str| s.to_owned();
    #[allow(non_snake_case)]
    let names = Names {
        maybe: None,
        maybe_email: None,
        maybe_tags: Some(vec![text("ok"), text("long")]),
        inner: __C { level: 10 },
        value: text("long"),
        __value: text("ok"),
        errors: text("ok"),
        __errors: text("ok"),
        path: text("ok"),
        __path: text("ok"),
        ctx: text("ok"),
        __ctx: text("ok"),
        __at: vec![text("long")],
        __element: vec![],
        __error: text("ok"),
        __PATTERN: text("NO"),
        __variant_path: text("ok"),
    };
    let errors = names.validate().unwrap_err();
    let paths: Vec<&str> = errors.errors().iter().map(|e| e.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "maybe",
            "maybe_tags[1]",
            "inner.level",
            "value",
            "__at[0]",
            "__PATTERN"
        ]
    );
    // Through the alias, the rules check the value inside `Some`.
    let mut names = names;
    names.maybe_email = Some(text("not an email"));
    let errors = names.validate().unwrap_err();
    assert_eq!(errors.errors()[1].path, "maybe_email");
    assert_eq!(errors.errors()[1].code, "email");

    let pair = Tagged::Pair {
        a: text("x"),
        __field_a: text("long"),
        __field0: text("y"),
    };
    let errors = pair.validate().unwrap_err();
    let found: Vec<(&str, &str)> = errors
        .errors()
        .iter()
        .map(|e| (e.path.as_str(), e.code.as_ref()))
        .collect();
    assert_eq!(
        found,
        [
            ("Pair.__field_a", "length"),
            ("Pair.__field0", "must_match")
        ]
    );
    let errors = Tagged::Tuple(text("ok"), None).validate().unwrap_err();
    assert_eq!(errors.errors()[0].path, "Tuple[1]");

    let record = Record {
        __source: text("s"),
        source: text("S"),
        __dto: text("d"),
        __target: text("t"),
        __changes: text("c"),
        __t: text("t"),
        __slot: None,
        __value: 4,
        __computed_total: 9,
        total: 9,
    };
    let dto = RecordDto::from(&record);
    assert_eq!(
        dto,
        RecordDto::from(Record {
            ..record_clone(&record)
        })
    );
    let back = Record::from(dto);
    assert_eq!(back.total, 4);
    assert_eq!(back.__computed_total, 0);
    assert_eq!(back.__source, "s");

    let mut target = record;
    let patch = RecordPatch {
        __target: Some(text("new")),
        __changes: None,
        __slot: pact::Patch::Value(text("slot")),
        __value: Some(7),
    };
    let changes = patch.apply_to(&mut target);
    assert_eq!(changes.len(), 3);
    assert_eq!(target.__target, "new");
    assert_eq!(target.__slot.as_deref(), Some("slot"));
    assert_eq!(target.__value, 7);
}

fn record_clone(record: &generated_names::Record) -> generated_names::Record {
    generated_names::Record {
        __source: record.__source.clone(),
        source: record.source.clone(),
        __dto: record.__dto.clone(),
        __target: record.__target.clone(),
        __changes: record.__changes.clone(),
        __t: record.__t.clone(),
        __slot: record.__slot.clone(),
        __value: record.__value,
        __computed_total: record.__computed_total,
        total: record.total,
    }
}
