//! `#[dto(from = T)]`, `#[dto(into = T)]` and `#[dto(try_into = T)]`: field by field, nested
//! DTOs through `From`, containers, renames, conversions, defaults, several targets, enums and
//! generics.

use std::collections::{BTreeMap, HashMap};

use pact::{Validate, ValidationErrors};

// ---- the domain --------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq)]
pub struct User {
    pub id: u64,
    pub email: String,
    pub display_name: String,
    pub password_hash: String,
    pub age: u32,
    pub address: Address,
    pub tags: Vec<Tag>,
    pub previous: Option<Address>,
    pub boss: Option<Box<Tag>>,
    pub scores: BTreeMap<String, Tag>,
    pub roles: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Address {
    pub street: String,
    pub city: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Tag {
    pub label: String,
}

fn user() -> User {
    User {
        id: 7,
        email: "ada@example.com".into(),
        display_name: "Ada".into(),
        password_hash: "$argon2id$secret".into(),
        age: 36,
        address: Address {
            street: "12 St James's Square".into(),
            city: "London".into(),
        },
        tags: vec![
            Tag {
                label: "math".into(),
            },
            Tag {
                label: "poetry".into(),
            },
        ],
        previous: Some(Address {
            street: "Marylebone".into(),
            city: "London".into(),
        }),
        boss: Some(Box::new(Tag {
            label: "babbage".into(),
        })),
        scores: BTreeMap::from([("a".into(), Tag { label: "x".into() })]),
        roles: vec!["admin".into()],
    }
}

// ---- from --------------------------------------------------------------------------------

#[derive(Debug, PartialEq, pact::Dto)]
#[dto(from = Address)]
pub struct AddressDto {
    pub street: String,
    pub city: String,
}

#[derive(Debug, PartialEq, pact::Dto)]
#[dto(from = Tag)]
pub struct TagDto {
    #[dto(rename = label)]
    pub name: String,
}

fn shout(mut name: String) -> String {
    name.make_ascii_uppercase();
    name
}

#[derive(Debug, PartialEq, pact::Dto)]
#[dto(from = User, skip(password_hash))]
pub struct UserResponse {
    pub id: u64,
    pub email: String,
    #[dto(rename = display_name, with = shout)]
    pub name: String,
    #[dto(with = u64::from)]
    pub age: u64,
    pub address: AddressDto,
    pub tags: Vec<TagDto>,
    pub previous: Option<AddressDto>,
    pub boss: Option<Box<Tag>>,
    pub scores: BTreeMap<String, TagDto>,
    pub roles: Vec<String>,
    #[dto(default)]
    pub links: Vec<String>,
    #[dto(default = "v1")]
    pub version: &'static str,
}

fn expected_response() -> UserResponse {
    UserResponse {
        id: 7,
        email: "ada@example.com".into(),
        name: "ADA".into(),
        age: 36,
        address: AddressDto {
            street: "12 St James's Square".into(),
            city: "London".into(),
        },
        tags: vec![
            TagDto {
                name: "math".into(),
            },
            TagDto {
                name: "poetry".into(),
            },
        ],
        previous: Some(AddressDto {
            street: "Marylebone".into(),
            city: "London".into(),
        }),
        boss: Some(Box::new(Tag {
            label: "babbage".into(),
        })),
        scores: BTreeMap::from([("a".into(), TagDto { name: "x".into() })]),
        roles: vec!["admin".into()],
        links: Vec::new(),
        version: "v1",
    }
}

#[test]
fn from_maps_every_field_and_leaves_out_the_skipped() {
    let response = UserResponse::from(user());
    assert_eq!(response, expected_response());
}

#[test]
fn from_a_reference_maps_the_same_and_keeps_the_source() {
    let user = user();
    let response = UserResponse::from(&user);
    assert_eq!(response, expected_response());
    assert_eq!(user.password_hash, "$argon2id$secret");
    let tags: Vec<TagDto> = user.tags.iter().map(TagDto::from).collect();
    assert_eq!(tags.len(), 2);
}

// ---- several targets, scoped field keys, partial, by_value ---------------------------------

#[derive(Debug, Clone, PartialEq)]
pub struct Admin {
    pub id: u64,
    pub mail: String,
    pub level: u8,
}

#[derive(Debug, PartialEq, pact::Dto)]
#[dto(from = User, partial)]
#[dto(from = Admin, skip(level))]
pub struct Contact {
    pub id: u64,
    #[dto(target = Admin, rename = mail)]
    pub email: String,
}

#[test]
fn several_sources_with_scoped_renames() {
    let from_user = Contact::from(&user());
    assert_eq!(from_user.email, "ada@example.com");
    let admin = Admin {
        id: 1,
        mail: "root@example.com".into(),
        level: 9,
    };
    let from_admin = Contact::from(admin);
    assert_eq!(
        from_admin,
        Contact {
            id: 1,
            email: "root@example.com".into()
        }
    );
}

#[derive(Debug, PartialEq, pact::Dto)]
#[dto(from = Tag, by_value)]
pub struct Label(#[dto(rename = label)] String);

#[test]
fn tuple_dto_by_value() {
    assert_eq!(Label::from(Tag { label: "x".into() }), Label("x".into()));
}

// ---- into and try_into ---------------------------------------------------------------------

#[derive(Debug, PartialEq)]
pub struct NewUser {
    pub email: String,
    pub display_name: String,
    pub age: u32,
    pub tags: Vec<Tag>,
    pub role: String,
    pub created_at: u64,
    pub verified: bool,
}

#[derive(Debug, PartialEq, pact::Dto)]
#[dto(into = Tag)]
pub struct NewTag {
    pub label: String,
}

impl From<TagDto> for Tag {
    fn from(dto: TagDto) -> Self {
        Tag { label: dto.name }
    }
}

fn now() -> u64 {
    1_700_000_000
}

#[derive(Debug, Clone, pact::Dto)]
#[dto(try_into = NewUser, default(role = "member".to_owned(), created_at = now(), verified))]
pub struct SignupRequest {
    #[dto(trim, lowercase)]
    #[validate(email)]
    pub email: String,
    #[dto(rename = display_name)]
    #[validate(length(min = 1, max = 20))]
    pub name: String,
    #[validate(range(min = 18))]
    pub age: u32,
    #[validate(length(max = 3))]
    pub tags: Vec<NewTagDto>,
    #[dto(skip)]
    #[validate(must_match(email))]
    pub email_again: String,
}

#[derive(Debug, Clone, pact::Dto)]
#[dto(into = Tag)]
pub struct NewTagDto {
    pub label: String,
}

fn signup() -> SignupRequest {
    SignupRequest {
        email: "  Ada@Example.COM ".into(),
        name: "Ada".into(),
        age: 36,
        tags: vec![NewTagDto {
            label: "math".into(),
        }],
        email_again: "ada@example.com".into(),
    }
}

#[test]
fn try_into_sanitises_validates_then_converts() {
    let new_user = NewUser::try_from(signup()).unwrap();
    assert_eq!(
        new_user,
        NewUser {
            email: "ada@example.com".into(),
            display_name: "Ada".into(),
            age: 36,
            tags: vec![Tag {
                label: "math".into()
            }],
            role: "member".into(),
            created_at: 1_700_000_000,
            verified: false,
        }
    );
    let result: Result<NewUser, ValidationErrors> = SignupRequest {
        age: 17,
        name: String::new(),
        ..signup()
    }
    .try_into();
    let errors = result.unwrap_err();
    let paths: Vec<&str> = errors.errors().iter().map(|e| e.path.as_str()).collect();
    assert_eq!(paths, ["name", "age"]);
}

#[derive(Debug, PartialEq)]
pub enum SignupError {
    Invalid(usize),
}

impl From<ValidationErrors> for SignupError {
    fn from(errors: ValidationErrors) -> Self {
        Self::Invalid(errors.len())
    }
}

#[derive(Debug, PartialEq)]
pub struct Email {
    pub address: String,
}

#[derive(Debug, pact::Dto)]
#[dto(try_into = Email, error = SignupError)]
pub struct EmailRequest {
    #[validate(email)]
    pub address: String,
}

#[test]
fn try_into_with_a_user_error() {
    let result = Email::try_from(EmailRequest {
        address: "nope".into(),
    });
    assert_eq!(result, Err(SignupError::Invalid(1)));
    let ok = Email::try_from(EmailRequest {
        address: "a@b.example".into(),
    });
    assert_eq!(ok.unwrap().address, "a@b.example");
}

#[derive(Debug, Default, PartialEq)]
pub struct Settings {
    pub theme: String,
    pub page_size: u16,
    pub beta: bool,
}

#[derive(pact::Dto)]
#[dto(into = Settings, partial)]
pub struct ThemeRequest {
    pub theme: String,
}

#[test]
fn into_partial_fills_the_rest_from_default() {
    let settings: Settings = ThemeRequest {
        theme: "dark".into(),
    }
    .into();
    assert_eq!(
        settings,
        Settings {
            theme: "dark".into(),
            ..Settings::default()
        }
    );
    assert_eq!(
        Tag::from(NewTag { label: "x".into() }),
        Tag { label: "x".into() }
    );
}

// ---- both directions on one DTO, containers into the domain ----------------------------------

#[derive(Debug, Clone, PartialEq)]
pub struct Team {
    pub name: String,
    pub members: Vec<Tag>,
    pub lead: Option<Tag>,
    pub by_key: HashMap<u8, Tag>,
}

#[derive(Debug, Clone, PartialEq, pact::Dto)]
#[dto(from = TeamTag, into = TeamTag)]
pub struct TeamTagDto {
    pub label: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TeamTag {
    pub label: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TeamModel {
    pub name: String,
    pub members: Vec<TeamTag>,
    pub lead: Option<TeamTag>,
    pub by_key: HashMap<u8, TeamTag>,
}

#[derive(Debug, Clone, PartialEq, pact::Dto)]
#[dto(from = TeamModel, into = TeamModel)]
pub struct TeamDto {
    pub name: String,
    pub members: Vec<TeamTagDto>,
    pub lead: Option<TeamTagDto>,
    pub by_key: HashMap<u8, TeamTagDto>,
}

#[test]
fn containers_round_trip_through_nested_dtos() {
    let model = TeamModel {
        name: "core".into(),
        members: vec![TeamTag { label: "a".into() }],
        lead: Some(TeamTag { label: "b".into() }),
        by_key: HashMap::from([(1, TeamTag { label: "c".into() })]),
    };
    let dto = TeamDto::from(&model);
    assert_eq!(dto.members[0].label, "a");
    assert_eq!(dto.by_key[&1].label, "c");
    let back: TeamModel = dto.into();
    assert_eq!(back, model);
    let _ = Team {
        name: String::new(),
        members: Vec::new(),
        lead: None,
        by_key: HashMap::new(),
    };
}

// ---- enums ---------------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq)]
pub enum Payment {
    Card { number: String, holder: Tag },
    Iban(String),
    Cash,
}

#[derive(Debug, PartialEq, pact::Dto)]
#[dto(from = Payment, into = Payment)]
pub enum PaymentDto {
    Card { number: String, holder: TeamLikeTag },
    Iban(String),
    Cash,
}

#[derive(Debug, PartialEq, pact::Dto)]
#[dto(from = Tag, into = Tag)]
pub struct TeamLikeTag {
    pub label: String,
}

#[test]
fn enums_map_variant_by_variant() {
    let card = Payment::Card {
        number: "4111".into(),
        holder: Tag {
            label: "ada".into(),
        },
    };
    let dto = PaymentDto::from(&card);
    assert_eq!(
        dto,
        PaymentDto::Card {
            number: "4111".into(),
            holder: TeamLikeTag {
                label: "ada".into()
            }
        }
    );
    assert_eq!(Payment::from(dto), card);
    assert_eq!(
        PaymentDto::from(Payment::Iban("DE00".into())),
        PaymentDto::Iban("DE00".into())
    );
    assert_eq!(Payment::from(PaymentDto::Cash), Payment::Cash);
}

// ---- generics and lifetimes ------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub total: u64,
}

#[derive(Debug, PartialEq, pact::Dto)]
#[dto(from = Page<T>)]
pub struct PageDto<T> {
    pub items: Vec<T>,
    pub total: u64,
}

#[derive(Debug, PartialEq, pact::Dto)]
#[dto(from = User, partial, by_value)]
pub struct Greeting<'a> {
    #[dto(rename = display_name)]
    pub name: std::borrow::Cow<'a, str>,
}

/// A view that borrows from its source for its own lifetime.
#[derive(Debug, PartialEq, pact::Dto)]
#[dto(from = Tag)]
pub struct TagView<'a> {
    pub label: std::borrow::Cow<'a, str>,
}

#[test]
fn generic_and_lifetime_dtos() {
    let tag = Tag {
        label: "math".into(),
    };
    let view = TagView::from(&tag);
    assert!(matches!(view.label, std::borrow::Cow::Borrowed("math")));
    assert!(matches!(
        TagView::from(tag.clone()).label,
        std::borrow::Cow::Owned(_)
    ));

    let page = Page {
        items: vec![1, 2],
        total: 2,
    };
    assert_eq!(
        PageDto::from(&page),
        PageDto {
            items: vec![1, 2],
            total: 2
        }
    );
    assert_eq!(PageDto::from(page).total, 2);
    assert_eq!(Greeting::from(user()).name, "Ada");
}

#[test]
fn validation_still_works_beside_mapping() {
    assert!(signup().validate().is_err(), "email is not trimmed yet");
}

// ---- Box and map values, both directions -----------------------------------------------------

#[derive(Debug, Clone, PartialEq)]
pub struct Tree {
    pub root: Box<TeamTag>,
    pub leaves: BTreeMap<String, TeamTag>,
    pub index: HashMap<u8, TeamTag>,
    pub parent: Option<Box<TeamTag>>,
}

#[derive(Debug, Clone, PartialEq, pact::Dto)]
#[dto(from = Tree, into = Tree)]
pub struct TreeDto {
    pub root: Box<TeamTagDto>,
    pub leaves: BTreeMap<String, TeamTagDto>,
    pub index: HashMap<u8, TeamTagDto>,
    #[dto(from(with = unbox), into(with = rebox))]
    pub parent: Option<TeamTagDto>,
}

fn unbox(parent: Option<Box<TeamTag>>) -> Option<TeamTagDto> {
    parent.map(|tag| TeamTagDto::from(*tag))
}

fn rebox(parent: Option<TeamTagDto>) -> Option<Box<TeamTag>> {
    parent.map(|dto| Box::new(dto.into()))
}

#[test]
fn boxes_and_map_values_convert_element_wise() {
    let tree = Tree {
        root: Box::new(TeamTag { label: "r".into() }),
        leaves: BTreeMap::from([("a".into(), TeamTag { label: "l".into() })]),
        index: HashMap::from([(1, TeamTag { label: "i".into() })]),
        parent: Some(Box::new(TeamTag { label: "p".into() })),
    };
    let dto = TreeDto::from(&tree);
    assert_eq!(dto.root.label, "r");
    assert_eq!(dto.leaves["a"].label, "l");
    assert_eq!(dto.index[&1].label, "i");
    assert_eq!(dto.parent.as_ref().map(|p| p.label.as_str()), Some("p"));
    assert_eq!(TreeDto::from(tree.clone()), dto);
    let back: Tree = dto.into();
    assert_eq!(back, tree);
}

// ---- an optional field from a plain one ---------------------------------------------------------

#[derive(Debug, Clone, PartialEq)]
pub struct Profile {
    pub nickname: String,
    pub level: u8,
}

#[derive(Debug, PartialEq, pact::Dto)]
#[dto(from = Profile)]
pub struct ProfileDto {
    pub nickname: Option<String>,
    pub level: Option<u8>,
}

#[test]
fn an_option_takes_a_plain_value() {
    let profile = Profile {
        nickname: "al".into(),
        level: 3,
    };
    let expected = ProfileDto {
        nickname: Some("al".into()),
        level: Some(3),
    };
    assert_eq!(ProfileDto::from(&profile), expected);
    assert_eq!(ProfileDto::from(profile), expected);
}

// ---- target fields computed from the whole DTO ----------------------------------------------------

#[derive(Debug, PartialEq)]
pub struct Person {
    pub first: String,
    pub last: String,
    pub full_name: String,
}

fn full_name_of(request: &PersonRequest) -> String {
    format!("{} {}", request.first, request.last)
}

#[derive(pact::Dto)]
#[dto(try_into = Person, with(full_name = full_name_of))]
pub struct PersonRequest {
    #[dto(trim)]
    #[validate(length(min = 1))]
    pub first: String,
    #[dto(trim)]
    pub last: String,
}

#[test]
fn with_computes_target_fields_from_the_sanitised_dto() {
    let person = Person::try_from(PersonRequest {
        first: " Ada ".into(),
        last: "Lovelace ".into(),
    })
    .unwrap();
    assert_eq!(person.full_name, "Ada Lovelace");
    assert_eq!(person.first, "Ada");
}
