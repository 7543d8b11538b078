#[automatically_derived]
impl ::pact::ApiError for ServiceError {
    fn status(&self) -> ::pact::__private::StatusCode {
        match *self {
            Self::User { 0: ref __transparent, .. } => {
                <UserError as ::pact::ApiError>::status(__transparent)
            }
            Self::BadInput { .. } => ::pact::__private::StatusCode::BAD_REQUEST,
        }
    }
    fn code(&self) -> &str {
        match *self {
            Self::User { 0: ref __transparent, .. } => {
                <UserError as ::pact::ApiError>::code(__transparent)
            }
            Self::BadInput { .. } => "bad_input",
        }
    }
    fn title(&self) -> ::core::option::Option<&str> {
        match *self {
            Self::User { 0: ref __transparent, .. } => {
                <UserError as ::pact::ApiError>::title(__transparent)
            }
            Self::BadInput { .. } => ::core::option::Option::None,
        }
    }
    fn type_uri(&self) -> ::core::option::Option<&str> {
        match *self {
            Self::User { 0: ref __transparent, .. } => {
                <UserError as ::pact::ApiError>::type_uri(__transparent)
            }
            Self::BadInput { .. } => ::core::option::Option::None,
        }
    }
    fn message(&self) -> ::pact::__private::Cow<'_, str> {
        match *self {
            Self::User { 0: ref __transparent, .. } => {
                <UserError as ::pact::ApiError>::message(__transparent)
            }
            Self::BadInput { .. } => ::pact::__private::default_message(self),
        }
    }
    fn headers(&self, __headers: &mut ::pact::__private::HeaderMap) {
        match *self {
            Self::User { 0: ref __transparent, .. } => {
                <UserError as ::pact::ApiError>::headers(__transparent, __headers)
            }
            Self::BadInput { .. } => {}
        }
    }
    fn extend_problem(&self, __problem: &mut ::pact::ProblemDetails) {
        match *self {
            Self::User { 0: ref __transparent, .. } => {
                <UserError as ::pact::ApiError>::extend_problem(__transparent, __problem)
            }
            Self::BadInput { .. } => {}
        }
    }
    fn problem_details(&self) -> ::pact::ProblemDetails {
        match *self {
            Self::User { 0: ref __transparent, .. } => {
                <UserError as ::pact::ApiError>::problem_details(__transparent)
            }
            Self::BadInput { .. } => ::pact::__private::problem_details(self),
        }
    }
}
::pact::__private::api_error_integrations! {
    crate = { ::pact } {} { ServiceError } {}
}
::pact::__private::openapi_impls! {
    #[automatically_derived] impl ::pact::__private::utoipa::IntoResponses for
    ServiceError { fn responses() -> ::std::collections::BTreeMap <
    ::pact::__private::String, ::pact::__private::utoipa::openapi::RefOr <
    ::pact::__private::utoipa::openapi::response::Response >, > {
    #[allow(unused_imports)] use ::pact::__private::openapi:: { KnownResponses as _,
    UnknownResponses as _ }; let mut __responses =
    ::pact::__private::openapi::Responses::new(); __responses.extend((&
    ::pact::__private::openapi::Probe:: < UserError > ::new()).responses_of());
    __responses.add(400u16, "bad_input", ::core::option::Option::None,
    ::core::option::Option::None, ::core::option::Option::None); __responses.build() } }
}
#[automatically_derived]
impl ::pact::ApiError for Wrapper {
    fn status(&self) -> ::pact::__private::StatusCode {
        let Self { inner: ref __transparent, .. } = *self;
        <ServiceError as ::pact::ApiError>::status(__transparent)
    }
    fn code(&self) -> &str {
        let Self { inner: ref __transparent, .. } = *self;
        <ServiceError as ::pact::ApiError>::code(__transparent)
    }
    fn title(&self) -> ::core::option::Option<&str> {
        let Self { inner: ref __transparent, .. } = *self;
        <ServiceError as ::pact::ApiError>::title(__transparent)
    }
    fn type_uri(&self) -> ::core::option::Option<&str> {
        let Self { inner: ref __transparent, .. } = *self;
        <ServiceError as ::pact::ApiError>::type_uri(__transparent)
    }
    fn message(&self) -> ::pact::__private::Cow<'_, str> {
        let Self { inner: ref __transparent, .. } = *self;
        <ServiceError as ::pact::ApiError>::message(__transparent)
    }
    fn headers(&self, __headers: &mut ::pact::__private::HeaderMap) {
        let Self { inner: ref __transparent, .. } = *self;
        <ServiceError as ::pact::ApiError>::headers(__transparent, __headers)
    }
    fn extend_problem(&self, __problem: &mut ::pact::ProblemDetails) {
        let Self { inner: ref __transparent, .. } = *self;
        <ServiceError as ::pact::ApiError>::extend_problem(__transparent, __problem)
    }
    fn problem_details(&self) -> ::pact::ProblemDetails {
        let Self { inner: ref __transparent, .. } = *self;
        <ServiceError as ::pact::ApiError>::problem_details(__transparent)
    }
}
::pact::__private::api_error_integrations! {
    crate = { ::pact } {} { Wrapper } {}
}
::pact::__private::openapi_impls! {
    #[automatically_derived] impl ::pact::__private::utoipa::IntoResponses for Wrapper {
    fn responses() -> ::std::collections::BTreeMap < ::pact::__private::String,
    ::pact::__private::utoipa::openapi::RefOr <
    ::pact::__private::utoipa::openapi::response::Response >, > {
    #[allow(unused_imports)] use ::pact::__private::openapi:: { KnownResponses as _,
    UnknownResponses as _ }; let mut __responses =
    ::pact::__private::openapi::Responses::new(); __responses.extend((&
    ::pact::__private::openapi::Probe:: < ServiceError > ::new()).responses_of());
    __responses.build() } }
}
