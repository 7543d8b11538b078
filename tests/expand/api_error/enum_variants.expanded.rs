#[automatically_derived]
impl ::pact::ApiError for UserError {
    fn status(&self) -> ::pact::__private::StatusCode {
        match *self {
            Self::NotFound { .. } => ::pact::__private::StatusCode::NOT_FOUND,
            Self::EmailTaken { .. } => ::pact::__private::StatusCode::CONFLICT,
            Self::Storage { .. } => ::pact::__private::StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
    fn code(&self) -> &str {
        match *self {
            Self::NotFound { .. } => "user_not_found",
            Self::EmailTaken { .. } => "email_taken",
            Self::Storage { .. } => "storage",
        }
    }
    fn message(&self) -> ::pact::__private::Cow<'_, str> {
        match *self {
            Self::NotFound { .. } => ::pact::__private::default_message(self),
            Self::EmailTaken { email: ref __field_email, .. } => {
                ::pact::__private::Cow::Owned(
                    ::pact::__private::format!(
                        "the email {__field_email:?} is taken", __field_email =
                        __field_email
                    ),
                )
            }
            Self::Storage { .. } => ::pact::__private::default_message(self),
        }
    }
}
::pact::__private::api_error_integrations! {
    crate = { ::pact } {} { UserError } {}
}
::pact::__private::openapi_impls! {
    #[automatically_derived] impl ::pact::__private::utoipa::IntoResponses for UserError
    { fn responses() -> ::std::collections::BTreeMap < ::pact::__private::String,
    ::pact::__private::utoipa::openapi::RefOr <
    ::pact::__private::utoipa::openapi::response::Response >, > {
    #[allow(unused_imports)] use ::pact::__private::openapi:: { KnownResponses as _,
    UnknownResponses as _ }; let mut __responses =
    ::pact::__private::openapi::Responses::new(); __responses.add(404u16,
    "user_not_found", ::core::option::Option::None, ::core::option::Option::None,
    ::core::option::Option::None); __responses.add(409u16, "email_taken",
    ::core::option::Option::None, ::core::option::Option::None,
    ::core::option::Option::None); __responses.add(500u16, "storage",
    ::core::option::Option::None, ::core::option::Option::None,
    ::core::option::Option::None); __responses.build() } }
}
