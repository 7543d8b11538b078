#[automatically_derived]
impl ::my_pact::ApiError for QuotaExceeded {
    fn status(&self) -> ::my_pact::__private::StatusCode {
        ::my_pact::__private::StatusCode::TOO_MANY_REQUESTS
    }
    fn code(&self) -> &str {
        "quota_exceeded"
    }
    fn message(&self) -> ::my_pact::__private::Cow<'_, str> {
        let Self { limit: ref __field_limit, .. } = *self;
        ::my_pact::__private::Cow::Owned(
            ::my_pact::__private::format!(
                "quota of {__field_limit} requests exceeded", __field_limit =
                __field_limit
            ),
        )
    }
    fn headers(&self, __headers: &mut ::my_pact::__private::HeaderMap) {
        let Self { retry_after: ref __field_retry_after, .. } = *self;
        {
            ::my_pact::__private::insert_retry_after(
                __headers,
                ::my_pact::__private::format!(
                    "{__field_retry_after}", __field_retry_after = __field_retry_after
                ),
            );
        }
    }
}
::my_pact::__private::api_error_integrations! {
    crate = { ::my_pact } {} { QuotaExceeded } {}
}
::my_pact::__private::openapi_impls! {
    #[automatically_derived] impl ::my_pact::__private::utoipa::IntoResponses for
    QuotaExceeded { fn responses() -> ::std::collections::BTreeMap <
    ::my_pact::__private::String, ::my_pact::__private::utoipa::openapi::RefOr <
    ::my_pact::__private::utoipa::openapi::response::Response >, > {
    #[allow(unused_imports)] use ::my_pact::__private::openapi:: { KnownResponses as _,
    UnknownResponses as _ }; let mut __responses =
    ::my_pact::__private::openapi::Responses::new(); __responses.add(429u16,
    "quota_exceeded", ::core::option::Option::None, ::core::option::Option::None,
    ::core::option::Option::None); __responses.build() } }
}
#[automatically_derived]
impl ::pact::ApiError for Never {
    fn status(&self) -> ::pact::__private::StatusCode {
        match *self {}
    }
    fn code(&self) -> &str {
        match *self {}
    }
}
::pact::__private::api_error_integrations! {
    crate = { ::pact } {} { Never } {}
}
::pact::__private::openapi_impls! {
    #[automatically_derived] impl ::pact::__private::utoipa::IntoResponses for Never { fn
    responses() -> ::std::collections::BTreeMap < ::pact::__private::String,
    ::pact::__private::utoipa::openapi::RefOr <
    ::pact::__private::utoipa::openapi::response::Response >, > {
    #[allow(unused_imports)] use ::pact::__private::openapi:: { KnownResponses as _,
    UnknownResponses as _ }; let mut __responses =
    ::pact::__private::openapi::Responses::new(); __responses.build() } }
}
