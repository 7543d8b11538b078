//! Mapping speed of `#[derive(pact::Dto)]` `#[dto(from = User)]` against hand-written
//! conversions, on a 12-field domain struct with a nested DTO (`address`) and a `Vec` of
//! nested DTOs (`tags`), in one criterion run:
//!
//! ```text
//! cargo bench --bench mapping -- --noplot
//! ```
//!
//! Groups: `owned` (`From<User>`: every field moves; `Vec<Tag>` becomes `Vec<TagDto>`) and
//! `borrowed` (`From<&User>`: the mapped fields are cloned). Each group runs `pact` (the
//! derived impl) and `hand` (a struct literal written out, nested values included), each a
//! non-inlined function called through the same harness. Owned inputs are built outside the
//! timed section (`iter_batched`). In the optimized build the two owned functions are the same
//! instructions in another order, and the two borrowed ones make the same calls (the same
//! clones, one `collect`); what differs is noise, which a loaded machine makes large.

use std::hint::black_box;
use std::time::Duration;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};

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

#[derive(pact::Dto)]
#[dto(from = Address)]
pub struct AddressDto {
    pub street: String,
    pub city: String,
    pub zip: String,
}

#[derive(pact::Dto)]
#[dto(from = Tag)]
pub struct TagDto {
    pub label: String,
    pub weight: u32,
}

#[derive(pact::Dto)]
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

/// The derived conversions behind a call, as the hand-written ones are, so both are measured
/// (and can be compared in the binary) as functions of their own.
#[inline(never)]
fn owned_derived(user: User) -> UserResponse {
    UserResponse::from(user)
}

#[inline(never)]
fn borrowed_derived(user: &User) -> UserResponse {
    UserResponse::from(user)
}

#[inline(never)]
fn owned_by_hand(user: User) -> UserResponse {
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

#[inline(never)]
fn borrowed_by_hand(user: &User) -> UserResponse {
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

fn user() -> User {
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

type OwnedConversion = fn(User) -> UserResponse;
type BorrowedConversion = fn(&User) -> UserResponse;

/// Both contenders run through the same harness code, called through a function pointer, so
/// they differ only in the conversion itself (not in where the benchmark loop lands).
fn owned(c: &mut Criterion) {
    let user = user();
    let mut group = c.benchmark_group("mapping_owned");
    let contenders: [(&str, OwnedConversion); 2] =
        [("pact", owned_derived), ("hand", owned_by_hand)];
    for (name, convert) in contenders {
        group.bench_function(name, |b| {
            b.iter_batched(
                || user.clone(),
                |user| black_box(convert)(black_box(user)),
                BatchSize::SmallInput,
            );
        });
    }
    group.finish();
}

fn borrowed(c: &mut Criterion) {
    let user = user();
    let mut group = c.benchmark_group("mapping_borrowed");
    let contenders: [(&str, BorrowedConversion); 2] =
        [("pact", borrowed_derived), ("hand", borrowed_by_hand)];
    for (name, convert) in contenders {
        group.bench_function(name, |b| {
            b.iter(|| black_box(convert)(black_box(&user)));
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(8))
        .sample_size(300);
    targets = owned, borrowed
}
criterion_main!(benches);
