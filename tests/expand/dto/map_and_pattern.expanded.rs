#[automatically_derived]
impl<__C: ?::core::marker::Sized> ::pact::ValidateWith<__C> for Cart {
    fn validate_into(
        &self,
        __ctx: &__C,
        __path: &::pact::validation::Path<'_>,
        __errors: &mut ::pact::ValidationErrors,
    ) {
        {
            let __value = &self.attributes;
            {
                #[allow(unused_imports)]
                use ::pact::validation::keyed::{AnyKeyed as _, StrKeyed as _};
                (&&::pact::validation::keyed::Keyed(__value))
                    .each_element(
                        &__path.field("attributes"),
                        |__at, __element| {
                            if let ::core::result::Result::Err(__error) = ::pact::validation::rules::length_with_messages(
                                __element,
                                ::core::option::Option::None,
                                ::core::option::Option::Some(100),
                                ::core::option::Option::None,
                                "must be at most 100 characters long",
                                "must have at most 100 items",
                            ) {
                                __errors.push(__at, __error);
                            }
                        },
                    );
            }
            {
                #[allow(unused_imports)]
                use ::pact::validation::keyed::{AnyKeyed as _, StrKeyed as _};
                (&&::pact::validation::keyed::Keyed(__value))
                    .each_key(
                        &__path.field("attributes"),
                        |__at, __element| {
                            if let ::core::result::Result::Err(__error) = ::pact::validation::rules::length_with_messages(
                                __element,
                                ::core::option::Option::None,
                                ::core::option::Option::Some(32),
                                ::core::option::Option::None,
                                "must be at most 32 characters long",
                                "must have at most 32 items",
                            ) {
                                __errors.push(__at, __error);
                            }
                        },
                    );
            }
        }
        {
            let __value = &self.counts;
            ::pact::__private::each_element(
                __value,
                &__path.field("counts"),
                |__at, __element| {
                    if let ::core::result::Result::Err(__error) = ::pact::validation::rules::range_with_message(
                        __element,
                        ::core::option::Option::None,
                        ::core::option::Option::Some(&9),
                        ::core::option::Option::None,
                        ::core::option::Option::None,
                        "must be at most 9",
                    ) {
                        __errors.push(__at, __error);
                    }
                },
            );
        }
        {
            let __value = &self.reference;
            if let ::core::result::Result::Err(__error) = {
                fn __pact_pattern(__text: &str) -> bool {
                    ::core::matches!(
                        < & [u8; 8] as ::core::convert::TryFrom < & [u8] >>
                        ::try_from(__text.as_bytes()), ::core::result::Result::Ok([b'O',
                        b'R', b'D', b'-', b'0'..= b'9', b'0'..= b'9', b'0'..= b'9', b'0'
                        ..= b'9'])
                    )
                }
                ::pact::validation::rules::pattern_with_message(
                    __value,
                    &__pact_pattern,
                    "^ORD-[0-9]{4}$",
                    "must match the pattern ^ORD-[0-9]{4}$",
                )
            } {
                __errors.push(&__path.field("reference"), __error);
            }
        }
    }
}
#[automatically_derived]
impl ::pact::Normalize for Cart {
    fn normalize(&mut self) {}
}
::pact::__private::openapi_impls! {
    #[automatically_derived] impl ::pact::__private::utoipa::PartialSchema for Cart { fn
    schema() -> ::pact::__private::openapi::SchemaRef { #[allow(unused_imports)] use
    ::pact::__private::openapi:: { JsonBound as _, KnownSchema as _, NumericBound as _,
    OtherBound as _, OtherJson as _, UnknownSchema as _, }; let mut __schema = { let mut
    __object = ::pact::__private::openapi::ObjectSchema::new(); __object
    .property("attributes", true, { let mut __schema = ::pact::__private::openapi::map(<
    String as ::pact::__private::utoipa::PartialSchema > ::schema()); { let __s = & mut
    __schema; ::pact::__private::openapi::each(__s, "each(length(max = 100))", | __s : &
    mut ::pact::__private::openapi::SchemaRef | { ::pact::__private::openapi::length(__s,
    ::core::option::Option::None, ::core::option::Option::Some:: < usize > (100),
    "length(max = 100)"); }); ::pact::__private::openapi::keys(__s,
    "keys(length(max = 32))", | __s : & mut ::pact::__private::openapi::SchemaRef | {
    ::pact::__private::openapi::length(__s, ::core::option::Option::None,
    ::core::option::Option::Some:: < usize > (32), "length(max = 32)"); }); let _ = __s;
    } ::pact::__private::openapi::describe_opt(& mut __schema,
    ::core::option::Option::None); __schema }); __object.property("counts", true, { let
    mut __schema = ::pact::__private::openapi::map(< u32 as
    ::pact::__private::utoipa::PartialSchema > ::schema()); { let __s = & mut __schema;
    ::pact::__private::openapi::each(__s, "each(range(max = 9))", | __s : & mut
    ::pact::__private::openapi::SchemaRef | { ::pact::__private::openapi::range(__s,
    [::core::option::Option::None,
    ::core::option::Option::Some(::core::option::Option::Some(::pact::__private::openapi::Number::UInt(9usize))),
    ::core::option::Option::None, ::core::option::Option::None], "range(max = 9)"); });
    let _ = __s; } ::pact::__private::openapi::describe_opt(& mut __schema,
    ::core::option::Option::None); __schema }); __object.property("reference", true, {
    let mut __schema = < String as ::pact::__private::utoipa::PartialSchema > ::schema();
    { let __s = & mut __schema; ::pact::__private::openapi::pattern(__s,
    "^ORD-[0-9]{4}$", "pattern(\"^ORD-[0-9]{4}$\")"); let _ = __s; }
    ::pact::__private::openapi::describe_opt(& mut __schema,
    ::core::option::Option::None); __schema }); __object
    .build(::core::option::Option::None, & []) };
    ::pact::__private::openapi::describe_opt(& mut __schema,
    ::core::option::Option::None); __schema } } #[automatically_derived] impl
    ::pact::__private::utoipa::ToSchema for Cart { fn name() -> ::pact::__private::Cow <
    'static, str > { ::pact::__private::openapi::name("Cart") } fn schemas(_ : & mut
    ::pact::__private::Vec < (::pact::__private::String,
    ::pact::__private::openapi::SchemaRef) >) { #[allow(unused_imports)] use
    ::pact::__private::openapi:: { KnownSchema as _, UnknownSchema as _ }; } }
}
