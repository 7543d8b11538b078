#[automatically_derived]
impl<__C: ?::core::marker::Sized> ::pact::ValidateWith<__C> for SignupRequest
where
    AddressDto: ::pact::ValidateWith<__C>,
{
    fn validate_into(
        &self,
        __ctx: &__C,
        __path: &::pact::validation::Path<'_>,
        __errors: &mut ::pact::ValidationErrors,
    ) {
        {
            let __value = &self.user_name;
            let __at = __path.field("userName");
            if let ::core::result::Result::Err(__error) = ::pact::validation::rules::length_with_messages(
                __value,
                ::core::option::Option::Some(3),
                ::core::option::Option::Some(20),
                ::core::option::Option::None,
                "must be between 3 and 20 characters long",
                "must have between 3 and 20 items",
            ) {
                __errors.push(&__at, __error);
            }
            if let ::core::result::Result::Err(__error) = ::pact::validation::rules::alphanumeric(
                __value,
            ) {
                __errors.push(&__at, __error);
            }
        }
        {
            let __value = &self.email;
            let __at = __path.field("email");
            if let ::core::result::Result::Err(__error) = ::pact::validation::rules::email(
                __value,
            ) {
                __errors.push(&__at, __error);
            }
            if let ::core::result::Result::Err(__error) = ::pact::validation::rules::length_with_messages(
                __value,
                ::core::option::Option::None,
                ::core::option::Option::Some(254),
                ::core::option::Option::None,
                "must be at most 254 characters long",
                "must have at most 254 items",
            ) {
                __errors.push(&__at, __error);
            }
        }
        {
            let __value = &self.password;
            let __at = __path.field("password");
            if let ::core::result::Result::Err(__error) = ::pact::validation::rules::length_with_messages(
                __value,
                ::core::option::Option::Some(8),
                ::core::option::Option::Some(128),
                ::core::option::Option::None,
                "must be between 8 and 128 characters long",
                "must have between 8 and 128 items",
            ) {
                __errors.push(&__at, __error);
            }
        }
        {
            let __value = &self.password_confirmation;
            let __at = __path.field("passwordConfirmation");
            if let ::core::result::Result::Err(__error) = ::pact::validation::rules::must_match(
                __value,
                &self.password,
                "password",
            ) {
                __errors.push(&__at, __error.with_message("passwords differ"));
            }
        }
        {
            let __value = &self.age;
            let __at = __path.field("age");
            if let ::core::result::Result::Err(__error) = ::pact::validation::rules::range_with_message(
                __value,
                ::core::option::Option::Some(&18),
                ::core::option::Option::Some(&150),
                ::core::option::Option::None,
                ::core::option::Option::None,
                "must be between 18 and 150",
            ) {
                __errors.push(&__at, __error);
            }
        }
        {
            let __value = &self.website;
            let __at = __path.field("website");
            if let ::core::option::Option::Some(__value) = __value {
                if let ::core::result::Result::Err(__error) = ::pact::validation::rules::url(
                    __value,
                ) {
                    __errors.push(&__at, __error);
                }
            }
        }
        {
            let __value = &self.tags;
            let __at = __path.field("tags");
            if let ::core::result::Result::Err(__error) = ::pact::validation::rules::length_with_messages(
                __value,
                ::core::option::Option::None,
                ::core::option::Option::Some(10),
                ::core::option::Option::None,
                "must be at most 10 characters long",
                "must have at most 10 items",
            ) {
                __errors.push(&__at, __error);
            }
            ::pact::__private::each_element(
                __value,
                &__at,
                |__at, __element| {
                    if let ::core::result::Result::Err(__error) = ::pact::validation::rules::length_with_messages(
                        __element,
                        ::core::option::Option::Some(1),
                        ::core::option::Option::Some(20),
                        ::core::option::Option::None,
                        "must be between 1 and 20 characters long",
                        "must have between 1 and 20 items",
                    ) {
                        __errors.push(&__at, __error);
                    }
                },
            );
        }
        {
            let __value = &self.address;
            let __at = __path.field("address");
            <_ as ::pact::ValidateWith<
                __C,
            >>::validate_into(__value, __ctx, &__at, __errors);
        }
    }
}
#[automatically_derived]
impl ::pact::Normalize for SignupRequest {
    fn normalize(&mut self) {
        ::pact::__private::sanitize::trim(&mut self.user_name);
        ::pact::__private::sanitize::trim(&mut self.email);
        ::pact::__private::sanitize::lowercase(&mut self.email);
        <AddressDto as ::pact::Normalize>::normalize(&mut self.address);
    }
}
