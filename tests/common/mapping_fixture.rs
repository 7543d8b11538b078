//! The mapping fixture shared by `benches/mapping.rs` and `tests/dto_map_alloc.rs`: a
//! 12-field domain `User` (one field never leaves the service) with a nested `Address` and a
//! `Vec<Tag>`, its response DTOs, and the conversions written out by hand.
#![allow(
    dead_code,
    reason = "included by the bench and the allocation test, which each use part of it"
)]

/// The domain model: 12 fields, one of them never leaves the service.
#[derive(Clone)]
pub struct User {
    pub id: u64,
    pub email: String,
    pub name: String,
    pub password_hash: String,
    pub bio: Option<String>,
    pub age: u8,
    pub verified: bool,
    pub created_at: i64,
    pub address: Address,
    pub tags: Vec<Tag>,
    pub roles: Vec<String>,
    pub score: f64,
}

#[derive(Clone)]
pub struct Address {
    pub street: String,
    pub city: String,
    pub zip: String,
}

#[derive(Clone)]
pub struct Tag {
    pub label: String,
    pub weight: u32,
}

#[derive(Debug, PartialEq, pact::Dto)]
#[dto(from = Address)]
pub struct AddressDto {
    pub street: String,
    pub city: String,
    pub zip: String,
}

#[derive(Debug, PartialEq, pact::Dto)]
#[dto(from = Tag)]
pub struct TagDto {
    pub label: String,
    pub weight: u32,
}

#[derive(Debug, PartialEq, pact::Dto)]
#[dto(from = User, skip(password_hash))]
pub struct UserResponse {
    pub id: u64,
    pub email: String,
    pub name: String,
    pub bio: Option<String>,
    pub age: u8,
    pub verified: bool,
    pub created_at: i64,
    pub address: AddressDto,
    pub tags: Vec<TagDto>,
    pub roles: Vec<String>,
    pub score: f64,
}

/// `From<User>` written out by hand.
#[inline(never)]
pub fn owned_by_hand(user: User) -> UserResponse {
    UserResponse {
        id: user.id,
        email: user.email,
        name: user.name,
        bio: user.bio,
        age: user.age,
        verified: user.verified,
        created_at: user.created_at,
        address: AddressDto {
            street: user.address.street,
            city: user.address.city,
            zip: user.address.zip,
        },
        tags: user
            .tags
            .into_iter()
            .map(|tag| TagDto {
                label: tag.label,
                weight: tag.weight,
            })
            .collect(),
        roles: user.roles,
        score: user.score,
    }
}

/// `From<&User>` written out by hand: clone what is mapped, convert nested values from
/// references.
#[inline(never)]
pub fn borrowed_by_hand(user: &User) -> UserResponse {
    UserResponse {
        id: user.id,
        email: user.email.clone(),
        name: user.name.clone(),
        bio: user.bio.clone(),
        age: user.age,
        verified: user.verified,
        created_at: user.created_at,
        address: AddressDto {
            street: user.address.street.clone(),
            city: user.address.city.clone(),
            zip: user.address.zip.clone(),
        },
        tags: user
            .tags
            .iter()
            .map(|tag| TagDto {
                label: tag.label.clone(),
                weight: tag.weight,
            })
            .collect(),
        roles: user.roles.clone(),
        score: user.score,
    }
}

/// A user with every field filled, nested values included.
pub fn user() -> User {
    User {
        id: 7,
        email: "ada@example.com".into(),
        name: "Ada Lovelace".into(),
        password_hash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA".into(),
        bio: Some("Analyst, metaphysician, founder of scientific computing".into()),
        age: 36,
        verified: true,
        created_at: 1_700_000_000,
        address: Address {
            street: "12 St James's Square".into(),
            city: "London".into(),
            zip: "SW1Y 4JH".into(),
        },
        tags: vec![
            Tag {
                label: "math".into(),
                weight: 3,
            },
            Tag {
                label: "poetry".into(),
                weight: 1,
            },
            Tag {
                label: "engines".into(),
                weight: 2,
            },
        ],
        roles: vec!["admin".into(), "author".into()],
        score: 9.5,
    }
}
