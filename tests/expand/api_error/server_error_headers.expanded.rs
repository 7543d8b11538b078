#[automatically_derived]
impl ::pact::ApiError for ShardError {
    fn status(&self) -> ::pact::__private::StatusCode {
        match *self {
            Self::Down { .. } => ::pact::__private::StatusCode::SERVICE_UNAVAILABLE,
        }
    }
    fn code(&self) -> &str {
        match *self {
            Self::Down { .. } => "down",
        }
    }
    fn title(&self) -> ::core::option::Option<&str> {
        match *self {
            Self::Down { .. } => ::core::option::Option::Some("Shard {down}"),
        }
    }
    fn headers(&self, __headers: &mut ::pact::__private::HeaderMap) {
        match *self {
            Self::Down {
                retry_secs: ref __field_retry_secs,
                shard: ref __field_shard,
                ..
            } => {
                ::pact::__private::insert_retry_after(
                    __headers,
                    ::pact::__private::format!(
                        "{__field_retry_secs}", __field_retry_secs = __field_retry_secs
                    ),
                );
                ::pact::__private::insert_header(
                    __headers,
                    ::pact::__private::HeaderName::from_static("x-shard"),
                    ::pact::__private::format!(
                        "{__field_shard}", __field_shard = __field_shard
                    ),
                );
            }
        }
    }
}
::pact::__private::api_error_integrations! {
    crate = { ::pact } {} { ShardError } {}
}
::pact::__private::openapi_impls! {
    #[automatically_derived] impl ::pact::__private::utoipa::IntoResponses for ShardError
    { fn responses() -> ::std::collections::BTreeMap < ::pact::__private::String,
    ::pact::__private::utoipa::openapi::RefOr <
    ::pact::__private::utoipa::openapi::response::Response >, > {
    #[allow(unused_imports)] use ::pact::__private::openapi:: { KnownResponses as _,
    UnknownResponses as _ }; let mut __responses =
    ::pact::__private::openapi::Responses::new(); __responses.add(503u16, "down",
    ::core::option::Option::Some("Shard {down}"), ::core::option::Option::None,
    ::core::option::Option::None); __responses.build() } }
}
