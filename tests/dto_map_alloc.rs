//! `From<&T>` derived by `#[dto(from = T)]` allocates exactly as much as a hand-written clone
//! of the mapped fields: no clone of a skipped field, no clone of a nested source before its
//! conversion, one allocation per `Vec` collected.
//!
//! A counting global allocator (wrapping `System`) counts the allocations made on the current
//! thread inside `allocations(...)`; this test binary holds a single test, so nothing else runs
//! beside it.
#![allow(
    unsafe_code,
    reason = "a `GlobalAlloc` implementation is an `unsafe impl`"
)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering};

struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

thread_local! {
    static TRACKING: Cell<bool> = const { Cell::new(false) };
}

fn count() {
    if TRACKING.try_with(Cell::get).unwrap_or(false) {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
    }
}

// SAFETY: every call is forwarded unchanged to `System`; counting touches only an atomic and a
// const-initialized thread-local `Cell`, neither of which allocates.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count();
        // SAFETY: the caller upholds `GlobalAlloc::alloc`'s contract, which `System` shares.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        count();
        // SAFETY: as for `alloc`.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count();
        // SAFETY: `ptr` was allocated by `System` (through this allocator) with `layout`.
        unsafe { System.realloc(ptr, layout, new_size) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` was allocated by `System` (through this allocator) with `layout`.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// How many allocations `f` makes on this thread.
fn allocations<T>(f: impl FnOnce() -> T) -> (usize, T) {
    let before = ALLOCATIONS.load(Ordering::Relaxed);
    TRACKING.with(|tracking| tracking.set(true));
    let value = f();
    TRACKING.with(|tracking| tracking.set(false));
    (ALLOCATIONS.load(Ordering::Relaxed) - before, value)
}

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

/// What a careful hand would write: clone what is mapped, convert nested values from
/// references.
fn by_hand(user: &User) -> UserResponse {
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

#[test]
fn from_a_reference_allocates_as_a_hand_written_clone_of_the_mapped_fields() {
    let user = user();
    // Warm-up: thread-locals and lazy statics allocate once.
    let _ = black_box(by_hand(black_box(&user)));
    let _ = black_box(UserResponse::from(black_box(&user)));

    let (hand, expected) = allocations(|| by_hand(black_box(&user)));
    let (derived, response) = allocations(|| UserResponse::from(black_box(&user)));
    assert_eq!(response, expected);
    // email, name, bio, street, city, zip, tags (1 Vec + 3 labels), roles (1 Vec + 2 strings).
    assert_eq!(hand, 13);
    assert_eq!(derived, hand, "derived From<&User> vs hand-written clone");

    // The owned form moves everything and allocates only the converted `Vec<TagDto>`, which
    // `collect` builds in place of the `Vec<Tag>` when the layouts allow, as by hand.
    let (owned, _) = allocations(|| UserResponse::from(black_box(user.clone())));
    let (clone_only, _) = allocations(|| black_box(user.clone()));
    assert!(
        owned <= clone_only + 1,
        "owned form: {owned} allocations, the clone alone {clone_only}"
    );
}
