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

#[path = "../tests/common/mapping_fixture.rs"]
mod fixture;

use fixture::{User, UserResponse, borrowed_by_hand, owned_by_hand, user};

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
