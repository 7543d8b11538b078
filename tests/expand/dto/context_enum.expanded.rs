#[automatically_derived]
impl ::pact::ValidateWith<Clock> for Booking
where
    Payment: ::pact::ValidateWith<Clock>,
{
    fn validate_into(
        &self,
        __ctx: &Clock,
        __path: &::pact::validation::Path<'_>,
        __errors: &mut ::pact::ValidationErrors,
    ) {
        {
            let __value = &self.starts_at;
            if let ::core::result::Result::Err(__error) = ::pact::__private::RuleResult::into_rule_result(
                not_in_past(__value, __ctx),
            ) {
                __errors.push(&__path.field("starts_at"), __error);
            }
        }
        {
            let __value = &self.slot;
            if let ::core::result::Result::Err(__error) = ::pact::__private::RuleResult::into_rule_result(
                check_slot(__value),
            ) {
                __errors.push(&__path.field("slot"), __error.with_code("slot"));
            }
        }
        {
            let __value = &self.currency;
            if let ::core::result::Result::Err(__error) = ::pact::validation::rules::required(
                __value,
            ) {
                __errors.push(&__path.field("currency"), __error);
            }
            if let ::core::option::Option::Some(__value) = __value {
                if let ::core::result::Result::Err(__error) = {
                    fn __pact_pattern(__text: &str) -> bool {
                        ::core::matches!(
                            < & [u8; 3] as ::core::convert::TryFrom < & [u8] >>
                            ::try_from(__text.as_bytes()),
                            ::core::result::Result::Ok([b'A'..= b'Z', b'A'..= b'Z', b'A'
                            ..= b'Z'])
                        )
                    }
                    ::pact::validation::rules::pattern_with_message(
                        __value,
                        &__pact_pattern,
                        "^[A-Z]{3}$",
                        "must match the pattern ^[A-Z]{3}$",
                    )
                } {
                    __errors.push(&__path.field("currency"), __error);
                }
            }
        }
        {
            let __value = &self.payment;
            <_ as ::pact::ValidateWith<
                Clock,
            >>::validate_into(__value, __ctx, __path, __errors);
        }
        if let ::core::result::Result::Err(__error) = check_window(self, __ctx) {
            __errors.push(&__path.field("endsAt"), __error);
        }
    }
}
#[automatically_derived]
impl ::pact::Normalize for Booking {
    fn normalize(&mut self) {
        <Payment as ::pact::Normalize>::normalize(&mut self.payment);
    }
}
::pact::__private::openapi_impls! {
    #[automatically_derived] impl ::pact::__private::utoipa::PartialSchema for Booking {
    fn schema() -> ::pact::__private::openapi::SchemaRef { #[allow(unused_imports)] use
    ::pact::__private::openapi:: { JsonBound as _, KnownSchema as _, NumericBound as _,
    OtherBound as _, OtherJson as _, UnknownSchema as _, }; let mut __schema = { let mut
    __object = ::pact::__private::openapi::ObjectSchema::new(); __object
    .property("starts_at", true, { let mut __schema = < u64 as
    ::pact::__private::utoipa::PartialSchema > ::schema(); { let __s = & mut __schema;
    ::pact::__private::openapi::note(__s, "custom(not_in_past, context)"); let _ = __s; }
    ::pact::__private::openapi::describe_opt(& mut __schema,
    ::core::option::Option::None); __schema }); __object.property("slot", true, { let mut
    __schema = < String as ::pact::__private::utoipa::PartialSchema > ::schema(); { let
    __s = & mut __schema; ::pact::__private::openapi::note(__s, "custom(check_slot)");
    let _ = __s; } ::pact::__private::openapi::describe_opt(& mut __schema,
    ::core::option::Option::None); __schema }); __object.property("currency", true, { let
    mut __schema = < String as ::pact::__private::utoipa::PartialSchema > ::schema(); {
    let __s = & mut __schema; ::pact::__private::openapi::pattern(__s, "^[A-Z]{3}$",
    "pattern(\"^[A-Z]{3}$\")"); let _ = __s; } ::pact::__private::openapi::describe_opt(&
    mut __schema, ::core::option::Option::None); __schema }); __object.flatten({ let mut
    __schema = (& ::pact::__private::openapi::Probe:: < Payment > ::new())
    .field_schema(); { let __s = & mut __schema; let _ = __s; }
    ::pact::__private::openapi::describe_opt(& mut __schema,
    ::core::option::Option::None); __schema }); __object
    .build(::core::option::Option::None, & []) };
    ::pact::__private::openapi::describe_opt(& mut __schema,
    ::core::option::Option::None); ::pact::__private::openapi::note(& mut __schema,
    "schema(check_window)"); __schema } } #[automatically_derived] impl
    ::pact::__private::utoipa::ToSchema for Booking { fn name() -> ::pact::__private::Cow
    < 'static, str > { ::pact::__private::openapi::name("Booking") } fn schemas(__schemas
    : & mut ::pact::__private::Vec < (::pact::__private::String,
    ::pact::__private::openapi::SchemaRef) >) { #[allow(unused_imports)] use
    ::pact::__private::openapi:: { KnownSchema as _, UnknownSchema as _ }; (&
    ::pact::__private::openapi::Probe:: < Payment > ::new()).collect_into(__schemas); } }
}
#[automatically_derived]
impl<__C: ?::core::marker::Sized> ::pact::ValidateWith<__C> for Payment {
    fn validate_into(
        &self,
        __ctx: &__C,
        __path: &::pact::validation::Path<'_>,
        __errors: &mut ::pact::ValidationErrors,
    ) {
        match self {
            Self::Card { number: __field_number, .. } => {
                let __value = __field_number;
                if let ::core::result::Result::Err(__error) = ::pact::validation::rules::credit_card(
                    __value,
                ) {
                    __errors.push(&__path.field("number"), __error);
                }
            }
            Self::Iban { 0: __field0, .. } => {
                let __value = __field0;
                if let ::core::result::Result::Err(__error) = ::pact::validation::rules::length_with_messages(
                    __value,
                    ::core::option::Option::Some(15),
                    ::core::option::Option::Some(34),
                    ::core::option::Option::None,
                    "must be between 15 and 34 characters long",
                    "must have between 15 and 34 items",
                ) {
                    __errors.push(__path, __error);
                }
                if let ::core::result::Result::Err(__error) = ::pact::validation::rules::ascii(
                    __value,
                ) {
                    __errors.push(__path, __error);
                }
            }
            Self::Cash { .. } => {}
        }
    }
}
#[automatically_derived]
impl ::pact::Normalize for Payment {
    fn normalize(&mut self) {}
}
::pact::__private::openapi_impls! {
    #[automatically_derived] impl ::pact::__private::utoipa::PartialSchema for Payment {
    fn schema() -> ::pact::__private::openapi::SchemaRef { #[allow(unused_imports)] use
    ::pact::__private::openapi:: { JsonBound as _, KnownSchema as _, NumericBound as _,
    OtherBound as _, OtherJson as _, UnknownSchema as _, }; let mut __schema =
    ::pact::__private::openapi::one_of(::std::vec![{ let mut __variant = { let mut
    __object = ::pact::__private::openapi::ObjectSchema::new(); __object.property("kind",
    true, ::pact::__private::openapi::constant("card")); __object.property("number",
    true, { let mut __schema = < String as ::pact::__private::utoipa::PartialSchema >
    ::schema(); { let __s = & mut __schema; ::pact::__private::openapi::note(__s,
    "credit_card"); let _ = __s; } ::pact::__private::openapi::describe_opt(& mut
    __schema, ::core::option::Option::None); __schema }); __object
    .build(::core::option::Option::None, & []) };
    ::pact::__private::openapi::describe_opt(& mut __variant,
    ::core::option::Option::None); __variant }, { let mut __variant = { let mut __object
    = ::pact::__private::openapi::ObjectSchema::new(); __object.property("kind", true,
    ::pact::__private::openapi::constant("iban"));
    ::pact::__private::openapi::all_of(::std::vec![__object
    .build(::core::option::Option::None, & []), { let mut __schema = < String as
    ::pact::__private::utoipa::PartialSchema > ::schema(); { let __s = & mut __schema;
    ::pact::__private::openapi::length(__s, ::core::option::Option::Some:: < usize >
    (15), ::core::option::Option::Some:: < usize > (34), "length(min = 15, max = 34)");
    ::pact::__private::openapi::note(__s, "ascii"); let _ = __s; }
    ::pact::__private::openapi::describe_opt(& mut __schema,
    ::core::option::Option::None); __schema }]) };
    ::pact::__private::openapi::describe_opt(& mut __variant,
    ::core::option::Option::None); __variant }, { let mut __variant = { let mut __object
    = ::pact::__private::openapi::ObjectSchema::new(); __object.property("kind", true,
    ::pact::__private::openapi::constant("cash")); __object
    .build(::core::option::Option::None, & []) };
    ::pact::__private::openapi::describe_opt(& mut __variant,
    ::core::option::Option::None); __variant }]);
    ::pact::__private::openapi::describe_opt(& mut __schema,
    ::core::option::Option::None); __schema } } #[automatically_derived] impl
    ::pact::__private::utoipa::ToSchema for Payment { fn name() -> ::pact::__private::Cow
    < 'static, str > { ::pact::__private::openapi::name("Payment") } fn schemas(_ : & mut
    ::pact::__private::Vec < (::pact::__private::String,
    ::pact::__private::openapi::SchemaRef) >) { #[allow(unused_imports)] use
    ::pact::__private::openapi:: { KnownSchema as _, UnknownSchema as _ }; } }
}
