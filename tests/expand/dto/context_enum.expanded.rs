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
            let __at = __path.field("starts_at");
            if let ::core::result::Result::Err(__error) = ::pact::__private::RuleResult::into_rule_result(
                not_in_past(__value, __ctx),
            ) {
                __errors.push(&__at, __error);
            }
        }
        {
            let __value = &self.slot;
            let __at = __path.field("slot");
            if let ::core::result::Result::Err(__error) = ::pact::__private::RuleResult::into_rule_result(
                check_slot(__value),
            ) {
                __errors.push(&__at, __error.with_code("slot"));
            }
        }
        {
            let __value = &self.currency;
            let __at = __path.field("currency");
            if let ::core::result::Result::Err(__error) = ::pact::validation::rules::required(
                __value,
            ) {
                __errors.push(&__at, __error);
            }
            if let ::core::option::Option::Some(__value) = __value {
                if let ::core::result::Result::Err(__error) = {
                    fn __pact_pattern(__text: &str) -> bool {
                        let mut __scanner = ::pact::validation::pattern::Scanner::new(
                            __text,
                        );
                        __scanner
                            .run(
                                |__byte: u8| ::core::matches!(__byte, b'A'..= b'Z'),
                                3,
                                ::core::option::Option::Some(3),
                            ) && __scanner.at_end()
                    }
                    ::pact::validation::rules::pattern_with_message(
                        __value,
                        &__pact_pattern,
                        "^[A-Z]{3}$",
                        "must match the pattern ^[A-Z]{3}$",
                    )
                } {
                    __errors.push(&__at, __error);
                }
            }
        }
        {
            let __value = &self.payment;
            let __at = *__path;
            <_ as ::pact::ValidateWith<
                Clock,
            >>::validate_into(__value, __ctx, &__at, __errors);
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
                let __at = __path.field("number");
                if let ::core::result::Result::Err(__error) = ::pact::validation::rules::credit_card(
                    __value,
                ) {
                    __errors.push(&__at, __error);
                }
            }
            Self::Iban { 0: __field0, .. } => {
                let __value = __field0;
                let __at = *__path;
                if let ::core::result::Result::Err(__error) = ::pact::validation::rules::length_with_messages(
                    __value,
                    ::core::option::Option::Some(15),
                    ::core::option::Option::Some(34),
                    ::core::option::Option::None,
                    "must be between 15 and 34 characters long",
                    "must have between 15 and 34 items",
                ) {
                    __errors.push(&__at, __error);
                }
                if let ::core::result::Result::Err(__error) = ::pact::validation::rules::ascii(
                    __value,
                ) {
                    __errors.push(&__at, __error);
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
