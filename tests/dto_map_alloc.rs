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

#[path = "common/mapping_fixture.rs"]
mod fixture;

use fixture::{UserResponse, borrowed_by_hand, user};

#[test]
fn from_a_reference_allocates_as_a_hand_written_clone_of_the_mapped_fields() {
    let user = user();
    // Warm-up: thread-locals and lazy statics allocate once.
    let _ = black_box(borrowed_by_hand(black_box(&user)));
    let _ = black_box(UserResponse::from(black_box(&user)));

    let (hand, expected) = allocations(|| borrowed_by_hand(black_box(&user)));
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
