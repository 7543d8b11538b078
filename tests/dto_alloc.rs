//! `Validate::validate` of a valid `#[derive(Dto)]` request allocates nothing.
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

use pact::Validate;

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

#[derive(Debug, Clone, pact::Dto)]
struct Signup {
    #[validate(length(min = 3, max = 20), alphanumeric)]
    user_name: String,
    #[validate(email, length(max = 254))]
    email: String,
    #[validate(length(min = 8, max = 128))]
    password: String,
    #[validate(range(min = 18, max = 150))]
    age: u8,
    #[validate(url)]
    website: Option<String>,
    #[validate(length(max = 10), each(length(min = 1, max = 20)))]
    tags: Vec<String>,
    #[validate(nested)]
    address: Address,
}

#[derive(Debug, Clone, pact::Dto)]
struct Address {
    #[validate(length(min = 1, max = 80))]
    street: String,
    #[validate(length(min = 1, max = 50))]
    city: String,
    #[validate(pattern("^[0-9]{5}$"))]
    zip: String,
}

fn valid() -> Signup {
    Signup {
        user_name: "ada1815".into(),
        email: "ada.lovelace@example.com".into(),
        password: "correct horse battery staple".into(),
        age: 36,
        website: Some("https://example.com/ada?tab=notes#engine".into()),
        tags: vec!["math".into(), "poetry".into(), "engines".into()],
        address: Address {
            street: "12 St James's Square".into(),
            city: "London".into(),
            zip: "12345".into(),
        },
    }
}

#[test]
fn validating_a_valid_request_allocates_nothing() {
    let valid = valid();
    let invalid = Signup {
        user_name: "ad".into(),
        email: "ada.example.com".into(),
        age: 17,
        website: Some("not a url".into()),
        tags: vec!["math".into(), String::new()],
        address: Address {
            zip: "1234".into(),
            ..valid.address.clone()
        },
        ..valid.clone()
    };

    // The first run compiles the zip regex (once per process) and fills its match cache.
    assert!(valid.validate().is_ok());
    assert!(invalid.validate().is_err());

    let (count, result) = allocations(|| black_box(&valid).validate());
    assert!(result.is_ok(), "{result:?}");
    assert_eq!(count, 0, "a valid request must validate without allocating");

    let (count, result) = allocations(|| black_box(&invalid).validate());
    let errors = result.expect_err("the request is invalid");
    let paths: Vec<&str> = errors.errors().iter().map(|e| e.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "user_name",
            "email",
            "age",
            "website",
            "tags[1]",
            "address.zip"
        ]
    );
    assert!(count > 0, "the counter counts: an error report allocates");
}
