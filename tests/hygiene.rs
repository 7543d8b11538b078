//! Generated code stays correct and warning-free in hostile surroundings: no prelude, user
//! items that shadow prelude and std names, generic and lifetime parameters, and the strictest
//! lints (`cargo clippy --all-targets` checks this file under `clippy::pedantic`).
#![deny(warnings, clippy::all, clippy::pedantic)]

#[no_implicit_prelude]
mod user_code {
    // Shadow every name generated code could lean on.
    #[allow(dead_code)]
    pub struct Result;
    #[allow(dead_code)]
    pub struct Option;
    #[allow(dead_code)]
    pub struct Box;
    #[allow(dead_code)]
    pub struct Ok;
    #[allow(dead_code)]
    pub struct Err;
    #[allow(dead_code)]
    pub struct Some;
    #[allow(dead_code)]
    pub struct None;
    #[allow(dead_code)]
    pub struct String;
    #[allow(dead_code)]
    pub struct Cow;
    #[allow(dead_code)]
    pub struct StatusCode;
    #[allow(dead_code)]
    pub struct HeaderMap;
    #[allow(dead_code)]
    pub struct ProblemDetails;
    #[allow(dead_code)]
    pub trait ApiError {}
    #[allow(dead_code)]
    pub trait Display {}
    #[allow(dead_code)]
    pub mod core {}
    #[allow(dead_code)]
    pub mod std {}
    #[allow(dead_code)]
    pub mod pact {}
    #[allow(dead_code)]
    pub const NOT_FOUND: u8 = 0;

    #[derive(::core::fmt::Debug, ::thiserror::Error, ::pact::ApiError)]
    #[api(title = "Account problem")]
    pub enum AccountError<'a, E, T>
    where
        T: ::core::fmt::Debug,
    {
        #[error("account {0} not found")]
        #[api(status = 404, message = "account {0} not found")]
        NotFound(u64),

        #[error("invalid {field}")]
        #[api(status = UNPROCESSABLE_ENTITY, message = "invalid {field}: {value:?}")]
        Invalid { field: &'a str, value: T },

        #[error("slow down")]
        #[api(status = 429, header("Retry-After", "{0}"), header("X-Limit", "100"))]
        RateLimited(u64),

        #[error(transparent)]
        #[api(transparent)]
        Inner(E),

        #[error("unavailable")]
        #[api(status = 503, message = "try again shortly")]
        Unavailable,
    }

    #[derive(::core::fmt::Debug, ::thiserror::Error, ::pact::ApiError)]
    #[error("inner {code}")]
    #[api(status = 409, code = "inner_conflict", header("X-Inner", "{code}"))]
    pub struct Inner {
        pub code: u16,
    }

    #[derive(::core::fmt::Debug, ::thiserror::Error, ::pact::ApiError)]
    #[error(transparent)]
    #[api(transparent)]
    pub struct Wrapper<'a>(pub AccountError<'a, Inner, i32>);

    /// Fields named like every local the expansion introduces, on a 5xx whose headers show
    /// them (`public`, and `Retry-After` through its run-time check).
    #[derive(::core::fmt::Debug, ::thiserror::Error, ::pact::ApiError)]
    #[error("generated names")]
    #[api(
        status = ::pact::http::StatusCode::SERVICE_UNAVAILABLE,
        title = "Named {{like}} the expansion",
        header("X-Headers", "{__headers}-{__field0}-{__problem}", public),
        header("Retry-After", "{__transparent}")
    )]
    pub struct Generated {
        pub __headers: u8,
        pub __field0: u8,
        pub __problem: u8,
        pub __transparent: u64,
    }
}

use pact::ApiError;
use pact::http::StatusCode;
use user_code::{AccountError, Inner, Wrapper};

type Account<'a> = AccountError<'a, Inner, i32>;

#[test]
fn statuses_codes_and_messages_survive_shadowing() {
    let err: Account<'_> = AccountError::NotFound(7);
    assert_eq!(err.status(), StatusCode::NOT_FOUND);
    assert_eq!(err.code(), "not_found");
    assert_eq!(err.title(), Some("Account problem"));
    assert_eq!(err.message(), "account 7 not found");

    let err: Account<'_> = AccountError::Invalid {
        field: "age",
        value: -3,
    };
    assert_eq!(err.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(err.message(), "invalid age: -3");

    let err: Account<'_> = AccountError::Unavailable;
    assert_eq!(err.message(), "try again shortly");
}

#[test]
fn headers_and_transparency_survive_shadowing() {
    let mut headers = pact::http::HeaderMap::new();
    let err: Account<'_> = AccountError::RateLimited(30);
    err.headers(&mut headers);
    assert_eq!(headers["retry-after"], "30");
    assert_eq!(headers["x-limit"], "100");

    let err = Wrapper(AccountError::Inner(Inner { code: 7 }));
    let mut headers = pact::http::HeaderMap::new();
    err.headers(&mut headers);
    assert_eq!(err.status(), StatusCode::CONFLICT);
    assert_eq!(err.code(), "inner_conflict");
    assert_eq!(headers["x-inner"], "7");
    // The inner error's title wins over the outer enum's default: transparent forwards all.
    assert_eq!(err.title(), None);
    assert_eq!(err.problem_details().detail.as_deref(), Some("inner 7"));
}

#[test]
fn fields_named_like_generated_locals() {
    let err = user_code::Generated {
        __headers: 1,
        __field0: 2,
        __problem: 3,
        __transparent: 30,
    };
    let mut headers = pact::http::HeaderMap::new();
    err.headers(&mut headers);
    assert_eq!(headers["x-headers"], "1-2-3");
    assert_eq!(headers["retry-after"], "30");
    assert_eq!(err.title(), Some("Named {like} the expansion"));
    assert_eq!(err.status(), StatusCode::SERVICE_UNAVAILABLE);
}
