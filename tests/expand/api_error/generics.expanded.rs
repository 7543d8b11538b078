#[automatically_derived]
impl<'a, E, T> ::pact::ApiError for Generic<'a, E, T>
where
    Generic<'a, E, T>: ::std::error::Error,
    E: ::pact::ApiError,
    T: ::core::fmt::Debug,
{
    fn status(&self) -> ::pact::__private::StatusCode {
        match *self {
            Self::Inner { 0: ref __transparent, .. } => {
                <E as ::pact::ApiError>::status(__transparent)
            }
            Self::Bad { .. } => ::pact::__private::StatusCode::UNPROCESSABLE_ENTITY,
            Self::Plain { .. } => ::pact::__private::StatusCode::BAD_REQUEST,
        }
    }
    fn code(&self) -> &str {
        match *self {
            Self::Inner { 0: ref __transparent, .. } => {
                <E as ::pact::ApiError>::code(__transparent)
            }
            Self::Bad { .. } => "bad",
            Self::Plain { .. } => "plain",
        }
    }
    fn title(&self) -> ::core::option::Option<&str> {
        match *self {
            Self::Inner { 0: ref __transparent, .. } => {
                <E as ::pact::ApiError>::title(__transparent)
            }
            Self::Bad { .. } => ::core::option::Option::None,
            Self::Plain { .. } => ::core::option::Option::None,
        }
    }
    fn type_uri(&self) -> ::core::option::Option<&str> {
        match *self {
            Self::Inner { 0: ref __transparent, .. } => {
                <E as ::pact::ApiError>::type_uri(__transparent)
            }
            Self::Bad { .. } => ::core::option::Option::None,
            Self::Plain { .. } => ::core::option::Option::None,
        }
    }
    fn message(&self) -> ::pact::__private::Cow<'_, str> {
        match *self {
            Self::Inner { 0: ref __transparent, .. } => {
                <E as ::pact::ApiError>::message(__transparent)
            }
            Self::Bad { value: ref __field_value, field: ref __field_field, .. } => {
                ::pact::__private::Cow::Owned(
                    ::pact::__private::format!(
                        "bad value {__field_value:?} in {__field_field}", __field_value =
                        __field_value, __field_field = __field_field
                    ),
                )
            }
            Self::Plain { .. } => ::pact::__private::default_message(self),
        }
    }
    fn headers(&self, __headers: &mut ::pact::__private::HeaderMap) {
        match *self {
            Self::Inner { 0: ref __transparent, .. } => {
                <E as ::pact::ApiError>::headers(__transparent, __headers)
            }
            Self::Bad { .. } => {}
            Self::Plain { .. } => {}
        }
    }
    fn extend_problem(&self, __problem: &mut ::pact::ProblemDetails) {
        match *self {
            Self::Inner { 0: ref __transparent, .. } => {
                <E as ::pact::ApiError>::extend_problem(__transparent, __problem)
            }
            Self::Bad { .. } => {}
            Self::Plain { .. } => {}
        }
    }
    fn problem_details(&self) -> ::pact::ProblemDetails {
        match *self {
            Self::Inner { 0: ref __transparent, .. } => {
                <E as ::pact::ApiError>::problem_details(__transparent)
            }
            Self::Bad { .. } => ::pact::__private::problem_details(self),
            Self::Plain { .. } => ::pact::__private::problem_details(self),
        }
    }
}
::pact::__private::api_error_integrations! {
    crate = { ::pact } { < 'a, E, T > } { Generic < 'a, E, T > } { where Generic < 'a, E,
    T > : ::std::error::Error, E : ::pact::ApiError, T : ::core::fmt::Debug }
}
::pact::__private::openapi_impls! {
    #[automatically_derived] impl < 'a, E, T > ::pact::__private::utoipa::IntoResponses
    for Generic < 'a, E, T > where E : ::pact::__private::utoipa::IntoResponses { fn
    responses() -> ::std::collections::BTreeMap < ::pact::__private::String,
    ::pact::__private::utoipa::openapi::RefOr <
    ::pact::__private::utoipa::openapi::response::Response >, > {
    #[allow(unused_imports)] use ::pact::__private::openapi:: { KnownResponses as _,
    UnknownResponses as _ }; let mut __responses =
    ::pact::__private::openapi::Responses::new(); __responses.extend((&
    ::pact::__private::openapi::Probe:: < E > ::new()).responses_of()); __responses
    .add(422u16, "bad", ::core::option::Option::None, ::core::option::Option::None,
    ::core::option::Option::None); __responses.add(400u16, "plain",
    ::core::option::Option::None, ::core::option::Option::None,
    ::core::option::Option::None); __responses.build() } }
}
