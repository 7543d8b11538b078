#[automatically_derived]
impl ::pact::ApiError for AuthError {
    fn status(&self) -> ::pact::__private::StatusCode {
        match *self {
            Self::Expired { .. } => ::pact::__private::StatusCode::UNAUTHORIZED,
            Self::RateLimited { .. } => ::pact::__private::StatusCode::TOO_MANY_REQUESTS,
            Self::ClientClosed { .. } => ::pact::__private::status(499),
        }
    }
    fn code(&self) -> &str {
        match *self {
            Self::Expired { .. } => "expired",
            Self::RateLimited { .. } => "rate_limited",
            Self::ClientClosed { .. } => "client_closed",
        }
    }
    fn title(&self) -> ::core::option::Option<&str> {
        match *self {
            Self::Expired { .. } => ::core::option::Option::Some("Authentication failed"),
            Self::RateLimited { .. } => {
                ::core::option::Option::Some("Authentication failed")
            }
            Self::ClientClosed { .. } => {
                ::core::option::Option::Some("Authentication failed")
            }
        }
    }
    fn type_uri(&self) -> ::core::option::Option<&str> {
        match *self {
            Self::Expired { .. } => ::core::option::Option::None,
            Self::RateLimited { .. } => ::core::option::Option::None,
            Self::ClientClosed { .. } => {
                ::core::option::Option::Some("https://example.com/probs/client-closed")
            }
        }
    }
    fn headers(&self, __headers: &mut ::pact::__private::HeaderMap) {
        match *self {
            Self::Expired { .. } => {
                __headers
                    .append(
                        ::pact::__private::HeaderName::from_static("www-authenticate"),
                        ::pact::__private::HeaderValue::from_static(
                            "Bearer realm=\"api\"",
                        ),
                    );
            }
            Self::RateLimited { retry_after: ref __field_retry_after, .. } => {
                ::pact::__private::insert_retry_after(
                    __headers,
                    ::pact::__private::format!(
                        "{__field_retry_after}", __field_retry_after =
                        __field_retry_after
                    ),
                );
                __headers
                    .append(
                        ::pact::__private::HeaderName::from_static("www-authenticate"),
                        ::pact::__private::HeaderValue::from_static(
                            "Bearer realm=\"api\"",
                        ),
                    );
            }
            Self::ClientClosed { .. } => {
                __headers
                    .append(
                        ::pact::__private::HeaderName::from_static("www-authenticate"),
                        ::pact::__private::HeaderValue::from_static(
                            "Bearer realm=\"api\"",
                        ),
                    );
            }
        }
    }
}
::pact::__private::api_error_integrations! {
    crate = { ::pact } {} { AuthError } {}
}
::pact::__private::openapi_impls! {
    #[automatically_derived] impl ::pact::__private::utoipa::IntoResponses for AuthError
    { fn responses() -> ::std::collections::BTreeMap < ::pact::__private::String,
    ::pact::__private::utoipa::openapi::RefOr <
    ::pact::__private::utoipa::openapi::response::Response >, > {
    #[allow(unused_imports)] use ::pact::__private::openapi:: { KnownResponses as _,
    UnknownResponses as _ }; let mut __responses =
    ::pact::__private::openapi::Responses::new(); __responses.add(401u16, "expired",
    ::core::option::Option::Some("Authentication failed"), ::core::option::Option::None,
    ::core::option::Option::None); __responses.add(429u16, "rate_limited",
    ::core::option::Option::Some("Authentication failed"), ::core::option::Option::None,
    ::core::option::Option::None); __responses.add(499u16, "client_closed",
    ::core::option::Option::Some("Authentication failed"),
    ::core::option::Option::Some("https://example.com/probs/client-closed"),
    ::core::option::Option::None); __responses.build() } }
}
