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
