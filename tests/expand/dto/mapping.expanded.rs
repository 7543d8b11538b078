#[automatically_derived]
impl<__C: ?::core::marker::Sized> ::pact::ValidateWith<__C> for UserDto {
    fn validate_into(
        &self,
        __ctx: &__C,
        __path: &::pact::validation::Path<'_>,
        __errors: &mut ::pact::ValidationErrors,
    ) {
        {
            let __value = &self.email;
            if let ::core::option::Option::Some(__value) = __value {
                if let ::core::result::Result::Err(__error) = ::pact::validation::rules::email(
                    __value,
                ) {
                    __errors.push(&__path.field("email"), __error);
                }
            }
        }
    }
}
#[automatically_derived]
impl ::pact::Normalize for UserDto {
    fn normalize(&mut self) {}
}
#[automatically_derived]
impl ::core::convert::From<User> for UserDto {
    #[inline]
    fn from(__source: User) -> Self {
        let User {
            email: __source_email,
            display_name: __source_name,
            nickname: __source_nickname,
            tags: __source_tags,
            password_hash: _,
        } = __source;
        Self {
            email: {
                #[allow(unused_imports)]
                use ::pact::__private::mapping::{
                    Optional as _, Leaf as _, Unmapped as _,
                };
                ::pact::__private::mapping::Owned::<
                    _,
                    Option<String>,
                >::new(__source_email)
                    .convert()
            },
            name: normalize_name(__source_name),
            nickname: {
                #[allow(unused_imports)]
                use ::pact::__private::mapping::{Leaf as _, Unmapped as _};
                ::pact::__private::mapping::Owned::<
                    _,
                    pact::Patch<String>,
                >::new(__source_nickname)
                    .convert()
            },
            tags: {
                #[allow(unused_imports)]
                use ::pact::__private::mapping::{
                    Optional as _, Leaf as _, Unmapped as _,
                };
                ::pact::__private::mapping::Owned::<
                    _,
                    Option<Vec<TagDto>>,
                >::new(__source_tags)
                    .convert()
            },
            links: ::core::default::Default::default(),
        }
    }
}
#[automatically_derived]
impl<'__src> ::core::convert::From<&'__src User> for UserDto {
    #[inline]
    fn from(__source: &'__src User) -> Self {
        let User {
            email: ref __source_email,
            display_name: ref __source_name,
            nickname: ref __source_nickname,
            tags: ref __source_tags,
            password_hash: _,
        } = *__source;
        Self {
            email: {
                #[allow(unused_imports)]
                use ::pact::__private::mapping::{
                    Same as _, Optional as _, LeafRef as _, LeafClone as _, Unmapped as _,
                };
                (&&&::pact::__private::mapping::Borrowed::<
                    _,
                    Option<String>,
                >::new(__source_email))
                    .convert()
            },
            name: normalize_name(::pact::__private::mapping::cloned(__source_name)),
            nickname: {
                #[allow(unused_imports)]
                use ::pact::__private::mapping::{
                    Same as _, LeafRef as _, LeafClone as _, Unmapped as _,
                };
                (&&&::pact::__private::mapping::Borrowed::<
                    _,
                    pact::Patch<String>,
                >::new(__source_nickname))
                    .convert()
            },
            tags: {
                #[allow(unused_imports)]
                use ::pact::__private::mapping::{
                    Same as _, Optional as _, LeafRef as _, LeafClone as _, Unmapped as _,
                };
                (&&&::pact::__private::mapping::Borrowed::<
                    _,
                    Option<Vec<TagDto>>,
                >::new(__source_tags))
                    .convert()
            },
            links: ::core::default::Default::default(),
        }
    }
}
#[automatically_derived]
impl ::core::convert::TryFrom<UserDto> for NewUser {
    type Error = SignupError;
    fn try_from(mut __dto: UserDto) -> ::core::result::Result<Self, SignupError> {
        ::pact::Normalize::normalize(&mut __dto);
        if let ::core::result::Result::Err(__errors) = ::pact::Validate::validate(
            &__dto,
        ) {
            return ::core::result::Result::Err(::core::convert::From::from(__errors));
        }
        ::core::result::Result::Ok({
            let __computed_slug = slug_of(&__dto);
            let UserDto {
                email: __dto_email,
                name: __dto_name,
                nickname: __dto_nickname,
                tags: __dto_tags,
                links: _,
            } = __dto;
            NewUser {
                email: {
                    #[allow(unused_imports)]
                    use ::pact::__private::mapping::{
                        Optional as _, Leaf as _, Unmapped as _,
                    };
                    ::pact::__private::mapping::Owned::to(
                            __dto_email,
                            ::pact::__private::mapping::slot(|__t: &NewUser| &__t.email),
                        )
                        .convert()
                },
                display_name: normalize_name(__dto_name),
                nickname: {
                    #[allow(unused_imports)]
                    use ::pact::__private::mapping::{Leaf as _, Unmapped as _};
                    ::pact::__private::mapping::Owned::to(
                            __dto_nickname,
                            ::pact::__private::mapping::slot(|__t: &NewUser| {
                                &__t.nickname
                            }),
                        )
                        .convert()
                },
                tags: {
                    #[allow(unused_imports)]
                    use ::pact::__private::mapping::{
                        Optional as _, Leaf as _, Unmapped as _,
                    };
                    ::pact::__private::mapping::Owned::to(
                            __dto_tags,
                            ::pact::__private::mapping::slot(|__t: &NewUser| &__t.tags),
                        )
                        .convert()
                },
                slug: __computed_slug,
                created_at: now(),
                role: ::core::default::Default::default(),
            }
        })
    }
}
#[automatically_derived]
impl ::pact::ApplyTo<User> for UserDto {
    fn apply_to(self, __target: &mut User) -> ::pact::Changes {
        let mut __changes = ::pact::Changes::new(
            &["email", "display_name", "nickname", "tags"],
        );
        let UserDto {
            email: __patch_email,
            name: __patch_name,
            nickname: __patch_nickname,
            tags: __patch_tags,
            links: _,
        } = self;
        if let ::core::option::Option::Some(__value) = __patch_email {
            __target.email = {
                #[allow(unused_imports)]
                use ::pact::__private::mapping::{Leaf as _, Unmapped as _};
                ::pact::__private::mapping::Owned::to(
                        __value,
                        ::pact::__private::mapping::slot(|__t: &User| &__t.email),
                    )
                    .convert()
            };
            __changes.mark(0usize);
        }
        if let ::core::option::Option::Some(__value) = __patch_name {
            __target.display_name = normalize_name(__value);
            __changes.mark(1usize);
        }
        match __patch_nickname {
            ::pact::Patch::Absent => {}
            ::pact::Patch::Null => {
                __target.nickname = ::core::option::Option::None;
                __changes.mark(2usize);
            }
            ::pact::Patch::Value(__value) => {
                __target.nickname = ::core::option::Option::Some({
                    #[allow(unused_imports)]
                    use ::pact::__private::mapping::{Leaf as _, Unmapped as _};
                    ::pact::__private::mapping::Owned::to(
                            __value,
                            ::pact::__private::mapping::slot_in_option(|__t: &User| {
                                &__t.nickname
                            }),
                        )
                        .convert()
                });
                __changes.mark(2usize);
            }
        }
        if let ::core::option::Option::Some(__value) = __patch_tags {
            __target.tags = {
                #[allow(unused_imports)]
                use ::pact::__private::mapping::{Sequence as _, Unmapped as _};
                ::pact::__private::mapping::Owned::to(
                        __value,
                        ::pact::__private::mapping::slot(|__t: &User| &__t.tags),
                    )
                    .convert()
            };
            __changes.mark(3usize);
        }
        __changes
    }
}
::pact::__private::openapi_impls! {
    #[automatically_derived] impl ::pact::__private::utoipa::PartialSchema for UserDto {
    fn schema() -> ::pact::__private::openapi::SchemaRef { #[allow(unused_imports)] use
    ::pact::__private::openapi:: { JsonBound as _, KnownSchema as _, NumericBound as _,
    OtherBound as _, OtherJson as _, UnknownSchema as _, }; let mut __schema = { let mut
    __object = ::pact::__private::openapi::ObjectSchema::new(); __object
    .property("email", false, { let mut __schema = < String as
    ::pact::__private::utoipa::PartialSchema > ::schema(); { let __s = & mut __schema;
    ::pact::__private::openapi::format(__s, "email", "email"); let _ = __s; } __schema =
    ::pact::__private::openapi::nullable(__schema);
    ::pact::__private::openapi::describe_opt(& mut __schema,
    ::core::option::Option::None); __schema }); __object.property("name", false, { let
    mut __schema = < String as ::pact::__private::utoipa::PartialSchema > ::schema(); {
    let __s = & mut __schema; let _ = __s; } __schema =
    ::pact::__private::openapi::nullable(__schema);
    ::pact::__private::openapi::describe_opt(& mut __schema,
    ::core::option::Option::None); __schema }); __object.property("nickname", false, {
    let mut __schema = < String as ::pact::__private::utoipa::PartialSchema > ::schema();
    { let __s = & mut __schema; let _ = __s; } __schema =
    ::pact::__private::openapi::nullable(__schema);
    ::pact::__private::openapi::describe(& mut __schema,
    "Absent: left unchanged. `null`: cleared. A value: set.");
    ::pact::__private::openapi::describe_opt(& mut __schema,
    ::core::option::Option::None); __schema }); __object.property("tags", false, { let
    mut __schema = ::pact::__private::openapi::array((&
    ::pact::__private::openapi::Probe:: < TagDto > ::new()).field_schema(), false,
    ::core::option::Option::None); { let __s = & mut __schema; let _ = __s; } __schema =
    ::pact::__private::openapi::nullable(__schema);
    ::pact::__private::openapi::describe_opt(& mut __schema,
    ::core::option::Option::None); __schema }); __object
    .build(::core::option::Option::None, & []) };
    ::pact::__private::openapi::describe_opt(& mut __schema,
    ::core::option::Option::None); __schema } } #[automatically_derived] impl
    ::pact::__private::utoipa::ToSchema for UserDto { fn name() -> ::pact::__private::Cow
    < 'static, str > { ::pact::__private::openapi::name("UserDto") } fn schemas(__schemas
    : & mut ::pact::__private::Vec < (::pact::__private::String,
    ::pact::__private::openapi::SchemaRef) >) { #[allow(unused_imports)] use
    ::pact::__private::openapi:: { KnownSchema as _, UnknownSchema as _ }; (&
    ::pact::__private::openapi::Probe:: < TagDto > ::new()).collect_into(__schemas); } }
}
#[automatically_derived]
impl<__C: ?::core::marker::Sized> ::pact::ValidateWith<__C> for PaymentDto {
    fn validate_into(
        &self,
        __ctx: &__C,
        __path: &::pact::validation::Path<'_>,
        __errors: &mut ::pact::ValidationErrors,
    ) {
        match self {
            Self::Card { .. } => {}
            Self::Iban { .. } => {}
            Self::Cash { .. } => {}
        }
    }
}
#[automatically_derived]
impl ::pact::Normalize for PaymentDto {
    fn normalize(&mut self) {}
}
#[automatically_derived]
impl ::core::convert::From<Payment> for PaymentDto {
    #[inline]
    fn from(__source: Payment) -> Self {
        match __source {
            Payment::Card { number: __source_number, holder: __source_holder } => {
                Self::Card {
                    number: {
                        #[allow(unused_imports)]
                        use ::pact::__private::mapping::{Leaf as _, Unmapped as _};
                        ::pact::__private::mapping::Owned::<
                            _,
                            String,
                        >::new(__source_number)
                            .convert()
                    },
                    holder: {
                        #[allow(unused_imports)]
                        use ::pact::__private::mapping::{Leaf as _, Unmapped as _};
                        ::pact::__private::mapping::Owned::<
                            _,
                            HolderDto,
                        >::new(__source_holder)
                            .convert()
                    },
                }
            }
            Payment::Iban { 0: __source_0 } => {
                Self::Iban {
                    0: {
                        #[allow(unused_imports)]
                        use ::pact::__private::mapping::{Leaf as _, Unmapped as _};
                        ::pact::__private::mapping::Owned::<_, String>::new(__source_0)
                            .convert()
                    },
                }
            }
            Payment::Cash {} => Self::Cash {},
        }
    }
}
#[automatically_derived]
impl<'__src> ::core::convert::From<&'__src Payment> for PaymentDto {
    #[inline]
    fn from(__source: &'__src Payment) -> Self {
        match *__source {
            Payment::Card {
                number: ref __source_number,
                holder: ref __source_holder,
            } => {
                Self::Card {
                    number: {
                        #[allow(unused_imports)]
                        use ::pact::__private::mapping::{
                            Same as _, LeafRef as _, LeafClone as _, Unmapped as _,
                        };
                        (&&&::pact::__private::mapping::Borrowed::<
                            _,
                            String,
                        >::new(__source_number))
                            .convert()
                    },
                    holder: {
                        #[allow(unused_imports)]
                        use ::pact::__private::mapping::{
                            Same as _, LeafRef as _, LeafClone as _, Unmapped as _,
                        };
                        (&&&::pact::__private::mapping::Borrowed::<
                            _,
                            HolderDto,
                        >::new(__source_holder))
                            .convert()
                    },
                }
            }
            Payment::Iban { 0: ref __source_0 } => {
                Self::Iban {
                    0: {
                        #[allow(unused_imports)]
                        use ::pact::__private::mapping::{
                            Same as _, LeafRef as _, LeafClone as _, Unmapped as _,
                        };
                        (&&&::pact::__private::mapping::Borrowed::<
                            _,
                            String,
                        >::new(__source_0))
                            .convert()
                    },
                }
            }
            Payment::Cash {} => Self::Cash {},
        }
    }
}
#[automatically_derived]
impl ::core::convert::From<PaymentDto> for Payment {
    #[inline]
    fn from(__dto: PaymentDto) -> Self {
        match __dto {
            PaymentDto::Card { number: __dto_number, holder: __dto_holder } => {
                Payment::Card {
                    number: {
                        #[allow(unused_imports)]
                        use ::pact::__private::mapping::{Leaf as _, Unmapped as _};
                        ::pact::__private::mapping::Owned::to(
                                __dto_number,
                                ::pact::__private::mapping::slot(|__t: &Payment| match __t {
                                    Payment::Card { number: __slot, .. } => __slot,
                                    #[allow(unreachable_patterns)]
                                    _ => ::core::unreachable!(),
                                }),
                            )
                            .convert()
                    },
                    holder: {
                        #[allow(unused_imports)]
                        use ::pact::__private::mapping::{Leaf as _, Unmapped as _};
                        ::pact::__private::mapping::Owned::to(
                                __dto_holder,
                                ::pact::__private::mapping::slot(|__t: &Payment| match __t {
                                    Payment::Card { holder: __slot, .. } => __slot,
                                    #[allow(unreachable_patterns)]
                                    _ => ::core::unreachable!(),
                                }),
                            )
                            .convert()
                    },
                }
            }
            PaymentDto::Iban { 0: __dto_0 } => {
                Payment::Iban {
                    0: {
                        #[allow(unused_imports)]
                        use ::pact::__private::mapping::{Leaf as _, Unmapped as _};
                        ::pact::__private::mapping::Owned::to(
                                __dto_0,
                                ::pact::__private::mapping::slot(|__t: &Payment| match __t {
                                    Payment::Iban { 0: __slot, .. } => __slot,
                                    #[allow(unreachable_patterns)]
                                    _ => ::core::unreachable!(),
                                }),
                            )
                            .convert()
                    },
                }
            }
            PaymentDto::Cash {} => Payment::Cash {},
        }
    }
}
::pact::__private::openapi_impls! {
    #[automatically_derived] impl ::pact::__private::utoipa::PartialSchema for PaymentDto
    { fn schema() -> ::pact::__private::openapi::SchemaRef { #[allow(unused_imports)] use
    ::pact::__private::openapi:: { JsonBound as _, KnownSchema as _, NumericBound as _,
    OtherBound as _, OtherJson as _, UnknownSchema as _, }; let mut __schema =
    ::pact::__private::openapi::one_of(::std::vec![{ let mut __variant = { let mut
    __object = ::pact::__private::openapi::ObjectSchema::new(); __object.property("Card",
    true, { let mut __object = ::pact::__private::openapi::ObjectSchema::new(); __object
    .property("number", true, { let mut __schema = < String as
    ::pact::__private::utoipa::PartialSchema > ::schema(); { let __s = & mut __schema;
    let _ = __s; } ::pact::__private::openapi::describe_opt(& mut __schema,
    ::core::option::Option::None); __schema }); __object.property("holder", true, { let
    mut __schema = (& ::pact::__private::openapi::Probe:: < HolderDto > ::new())
    .field_schema(); { let __s = & mut __schema; let _ = __s; }
    ::pact::__private::openapi::describe_opt(& mut __schema,
    ::core::option::Option::None); __schema }); __object
    .build(::core::option::Option::None, & []) }); __object
    .build(::core::option::Option::None, & []) };
    ::pact::__private::openapi::describe_opt(& mut __variant,
    ::core::option::Option::None); __variant }, { let mut __variant = { let mut __object
    = ::pact::__private::openapi::ObjectSchema::new(); __object.property("Iban", true, {
    let mut __schema = < String as ::pact::__private::utoipa::PartialSchema > ::schema();
    { let __s = & mut __schema; let _ = __s; } ::pact::__private::openapi::describe_opt(&
    mut __schema, ::core::option::Option::None); __schema }); __object
    .build(::core::option::Option::None, & []) };
    ::pact::__private::openapi::describe_opt(& mut __variant,
    ::core::option::Option::None); __variant }, { let mut __variant =
    ::pact::__private::openapi::constant("Cash");
    ::pact::__private::openapi::describe_opt(& mut __variant,
    ::core::option::Option::None); __variant }]);
    ::pact::__private::openapi::describe_opt(& mut __schema,
    ::core::option::Option::None); __schema } } #[automatically_derived] impl
    ::pact::__private::utoipa::ToSchema for PaymentDto { fn name() ->
    ::pact::__private::Cow < 'static, str > {
    ::pact::__private::openapi::name("PaymentDto") } fn schemas(__schemas : & mut
    ::pact::__private::Vec < (::pact::__private::String,
    ::pact::__private::openapi::SchemaRef) >) { #[allow(unused_imports)] use
    ::pact::__private::openapi:: { KnownSchema as _, UnknownSchema as _ }; (&
    ::pact::__private::openapi::Probe:: < HolderDto > ::new()).collect_into(__schemas); }
    }
}
