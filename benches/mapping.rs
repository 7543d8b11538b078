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
//! non-inlined function called through the same harness. The contenders alternate in blocks
//! of 64 calls, and each benchmark times only its own blocks (`iter_custom`), so drift in the
//! machine (allocator state, frequency, neighbours) falls on both alike. Owned inputs are
//! cloned, and outputs dropped, outside the timed blocks. Benchmarks build with one codegen
//! unit (`[profile.bench]`); then the two owned functions compile to the same instructions.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};

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

/// Calls per timed block.
const BLOCK: usize = 64;

/// Times `BLOCK` owned conversions; inputs are cloned and outputs dropped outside the timing.
fn owned_block(convert: OwnedConversion, user: &User, out: &mut Vec<UserResponse>) -> Duration {
    let inputs: Vec<User> = (0..BLOCK).map(|_| user.clone()).collect();
    let start = Instant::now();
    for input in inputs {
        out.push(black_box(convert)(black_box(input)));
    }
    let elapsed = start.elapsed();
    out.clear();
    elapsed
}

/// Times `BLOCK` conversions from a reference; outputs are dropped outside the timing.
fn borrowed_block(
    convert: BorrowedConversion,
    user: &User,
    out: &mut Vec<UserResponse>,
) -> Duration {
    let start = Instant::now();
    for _ in 0..BLOCK {
        out.push(black_box(convert)(black_box(user)));
    }
    let elapsed = start.elapsed();
    out.clear();
    elapsed
}

/// `pact` and `hand` in one group: each benchmark runs a block of each in turn and reports
/// the time of its own blocks, per call.
fn alternate<F: Copy>(
    c: &mut Criterion,
    group: &str,
    pact: F,
    hand: F,
    block: fn(F, &User, &mut Vec<UserResponse>) -> Duration,
) {
    let user = user();
    let mut out = Vec::with_capacity(BLOCK);
    let mut group = c.benchmark_group(group);
    for (name, timed_is_pact) in [("pact", true), ("hand", false)] {
        group.bench_function(name, |b| {
            b.iter_custom(|iters| {
                let blocks = iters.div_ceil(BLOCK as u64);
                let mut timed = Duration::ZERO;
                for _ in 0..blocks {
                    let for_pact = block(pact, &user, &mut out);
                    let for_hand = block(hand, &user, &mut out);
                    timed += if timed_is_pact { for_pact } else { for_hand };
                }
                // Scale to the `iters` calls criterion asked for.
                let calls = u128::from(blocks) * BLOCK as u128;
                let nanos = timed.as_nanos() * u128::from(iters) / calls;
                Duration::from_nanos(u64::try_from(nanos).unwrap_or(u64::MAX))
            });
        });
    }
    group.finish();
}

fn owned(c: &mut Criterion) {
    alternate(
        c,
        "mapping_owned",
        owned_derived as OwnedConversion,
        owned_by_hand,
        owned_block,
    );
}

fn borrowed(c: &mut Criterion) {
    alternate(
        c,
        "mapping_borrowed",
        borrowed_derived as BorrowedConversion,
        borrowed_by_hand,
        borrowed_block,
    );
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
