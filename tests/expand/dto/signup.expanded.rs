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
            if let ::core::result::Result::Err(__error) = ::pact::validation::rules::length_with_messages(
                __value,
                ::core::option::Option::Some(3),
                ::core::option::Option::Some(20),
                ::core::option::Option::None,
                "must be between 3 and 20 characters long",
                "must have between 3 and 20 items",
            ) {
                __errors.push(&__path.field("userName"), __error);
            }
            if let ::core::result::Result::Err(__error) = ::pact::validation::rules::alphanumeric(
                __value,
            ) {
                __errors.push(&__path.field("userName"), __error);
            }
        }
        {
            let __value = &self.email;
            if let ::core::result::Result::Err(__error) = ::pact::validation::rules::email(
                __value,
            ) {
                __errors.push(&__path.field("email"), __error);
            }
            if let ::core::result::Result::Err(__error) = ::pact::validation::rules::length_with_messages(
                __value,
                ::core::option::Option::None,
                ::core::option::Option::Some(254),
                ::core::option::Option::None,
                "must be at most 254 characters long",
                "must have at most 254 items",
            ) {
                __errors.push(&__path.field("email"), __error);
            }
        }
        {
            let __value = &self.password;
            if let ::core::result::Result::Err(__error) = ::pact::validation::rules::length_with_messages(
                __value,
                ::core::option::Option::Some(8),
                ::core::option::Option::Some(128),
                ::core::option::Option::None,
                "must be between 8 and 128 characters long",
                "must have between 8 and 128 items",
            ) {
                __errors.push(&__path.field("password"), __error);
            }
        }
        {
            let __value = &self.password_confirmation;
            if let ::core::result::Result::Err(__error) = ::pact::validation::rules::must_match(
                __value,
                &self.password,
                "password",
            ) {
                __errors
                    .push(
                        &__path.field("passwordConfirmation"),
                        __error.with_message("passwords differ"),
                    );
            }
        }
        {
            let __value = &self.age;
            if let ::core::result::Result::Err(__error) = ::pact::validation::rules::range_with_message(
                __value,
                ::core::option::Option::Some(&18),
                ::core::option::Option::Some(&150),
                ::core::option::Option::None,
                ::core::option::Option::None,
                "must be between 18 and 150",
            ) {
                __errors.push(&__path.field("age"), __error);
            }
        }
        {
            let __value = &self.website;
            if let ::core::option::Option::Some(__value) = __value {
                if let ::core::result::Result::Err(__error) = ::pact::validation::rules::url(
                    __value,
                ) {
                    __errors.push(&__path.field("website"), __error);
                }
            }
        }
        {
            let __value = &self.tags;
            if let ::core::result::Result::Err(__error) = ::pact::validation::rules::length_with_messages(
                __value,
                ::core::option::Option::None,
                ::core::option::Option::Some(10),
                ::core::option::Option::None,
                "must be at most 10 characters long",
                "must have at most 10 items",
            ) {
                __errors.push(&__path.field("tags"), __error);
            }
            ::pact::__private::each_element(
                __value,
                &__path.field("tags"),
                |__at, __element| {
                    if let ::core::result::Result::Err(__error) = ::pact::validation::rules::length_with_messages(
                        __element,
                        ::core::option::Option::Some(1),
                        ::core::option::Option::Some(20),
                        ::core::option::Option::None,
                        "must be between 1 and 20 characters long",
                        "must have between 1 and 20 items",
                    ) {
                        __errors.push(__at, __error);
                    }
                },
            );
        }
        {
            let __value = &self.address;
            <_ as ::pact::ValidateWith<
                __C,
            >>::validate_into(__value, __ctx, &__path.field("address"), __errors);
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
::pact::__private::openapi_impls! {
    #[automatically_derived] impl ::pact::__private::utoipa::PartialSchema for
    SignupRequest { fn schema() -> ::pact::__private::openapi::SchemaRef {
    #[allow(unused_imports)] use ::pact::__private::openapi:: { JsonBound as _,
    KnownSchema as _, NumericBound as _, OtherBound as _, OtherJson as _, UnknownSchema
    as _, }; let mut __schema = { let mut __object =
    ::pact::__private::openapi::ObjectSchema::new(); __object.property("userName", true,
    { let mut __schema = < String as ::pact::__private::utoipa::PartialSchema >
    ::schema(); { let __s = & mut __schema; ::pact::__private::openapi::length(__s,
    ::core::option::Option::Some:: < usize > (3), ::core::option::Option::Some:: < usize
    > (20), "length(min = 3, max = 20)"); ::pact::__private::openapi::note(__s,
    "alphanumeric"); let _ = __s; } ::pact::__private::openapi::describe_opt(& mut
    __schema, ::core::option::Option::None); __schema }); __object.property("email",
    true, { let mut __schema = < String as ::pact::__private::utoipa::PartialSchema >
    ::schema(); { let __s = & mut __schema; ::pact::__private::openapi::format(__s,
    "email", "email"); ::pact::__private::openapi::length(__s,
    ::core::option::Option::None, ::core::option::Option::Some:: < usize > (254),
    "length(max = 254)"); let _ = __s; } ::pact::__private::openapi::describe_opt(& mut
    __schema, ::core::option::Option::None); __schema }); __object.property("password",
    true, { let mut __schema = < String as ::pact::__private::utoipa::PartialSchema >
    ::schema(); { let __s = & mut __schema; ::pact::__private::openapi::length(__s,
    ::core::option::Option::Some:: < usize > (8), ::core::option::Option::Some:: < usize
    > (128), "length(min = 8, max = 128)"); let _ = __s; }
    ::pact::__private::openapi::describe_opt(& mut __schema,
    ::core::option::Option::None); __schema }); __object.property("passwordConfirmation",
    true, { let mut __schema = < String as ::pact::__private::utoipa::PartialSchema >
    ::schema(); { let __s = & mut __schema; ::pact::__private::openapi::note(__s,
    "must_match(password)"); let _ = __s; } ::pact::__private::openapi::describe_opt(&
    mut __schema, ::core::option::Option::None); __schema }); __object.property("age",
    true, { let mut __schema = < u8 as ::pact::__private::utoipa::PartialSchema >
    ::schema(); { let __s = & mut __schema; ::pact::__private::openapi::range(__s,
    [::core::option::Option::Some(::core::option::Option::Some(::pact::__private::openapi::Number::UInt(18usize))),
    ::core::option::Option::Some(::core::option::Option::Some(::pact::__private::openapi::Number::UInt(150usize))),
    ::core::option::Option::None, ::core::option::Option::None],
    "range(min = 18, max = 150)"); let _ = __s; }
    ::pact::__private::openapi::describe_opt(& mut __schema,
    ::core::option::Option::None); __schema }); __object.property("website", false, { let
    mut __schema = < String as ::pact::__private::utoipa::PartialSchema > ::schema(); {
    let __s = & mut __schema; ::pact::__private::openapi::format(__s, "uri", "url"); let
    _ = __s; } __schema = ::pact::__private::openapi::nullable(__schema);
    ::pact::__private::openapi::describe_opt(& mut __schema,
    ::core::option::Option::None); __schema }); __object.property("tags", true, { let mut
    __schema = ::pact::__private::openapi::array(< String as
    ::pact::__private::utoipa::PartialSchema > ::schema(), false,
    ::core::option::Option::None); { let __s = & mut __schema;
    ::pact::__private::openapi::length(__s, ::core::option::Option::None,
    ::core::option::Option::Some:: < usize > (10), "length(max = 10)");
    ::pact::__private::openapi::each(__s, "each(length(min = 1, max = 20))", | __s : &
    mut ::pact::__private::openapi::SchemaRef | { ::pact::__private::openapi::length(__s,
    ::core::option::Option::Some:: < usize > (1), ::core::option::Option::Some:: < usize
    > (20), "length(min = 1, max = 20)"); }); let _ = __s; }
    ::pact::__private::openapi::describe_opt(& mut __schema,
    ::core::option::Option::None); __schema }); __object.property("address", true, { let
    mut __schema = (& ::pact::__private::openapi::Probe:: < AddressDto > ::new())
    .field_schema(); { let __s = & mut __schema; let _ = __s; }
    ::pact::__private::openapi::describe_opt(& mut __schema,
    ::core::option::Option::None); __schema }); __object
    .build(::core::option::Option::None, & []) };
    ::pact::__private::openapi::describe_opt(& mut __schema,
    ::core::option::Option::None); __schema } } #[automatically_derived] impl
    ::pact::__private::utoipa::ToSchema for SignupRequest { fn name() ->
    ::pact::__private::Cow < 'static, str > {
    ::pact::__private::openapi::name("SignupRequest") } fn schemas(__schemas : & mut
    ::pact::__private::Vec < (::pact::__private::String,
    ::pact::__private::openapi::SchemaRef) >) { #[allow(unused_imports)] use
    ::pact::__private::openapi:: { KnownSchema as _, UnknownSchema as _ }; (&
    ::pact::__private::openapi::Probe:: < AddressDto > ::new()).collect_into(__schemas);
    } }
}
