//! `From<&T>` derived by `#[dto(from = T)]` allocates exactly as much as a hand-written clone
//! of the mapped fields: no clone of a skipped field, no clone of a nested source before its
//! conversion, one allocation per `Vec` collected.
//!
//! A counting global allocator (wrapping `System`) counts the allocations made on the current
//! thread inside `allocations(...)`; this test binary holds a single test, so nothing else runs
//! beside it.
#[path = "common/counting_alloc.rs"]
mod counting_alloc;

use std::hint::black_box;

use counting_alloc::allocations;

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
