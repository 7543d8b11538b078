//! Validation speed of `#[derive(pact::Dto)]` against `validator`, `garde` and hand-written
//! checks (no regex), on three requests, in one criterion run:
//!
//! ```text
//! cargo bench --bench validation -- --noplot
//! ```
//!
//! - `signup`: short strings, an e-mail address, a URL, tags and a nested address ([`signup`]);
//! - `order`: seven patterns, an IP address, a UUID, ranges and an optional field ([`order`]);
//! - `cart`: 20 nested line items, a list and a map ([`cart`]).
//!
//! Each has a `valid` group (every rule passes) and an `invalid` group (a few fields fail one
//! rule each). Every contender builds its full error report, dropped inside the timed loop.
//! The allocation counts of the same cases are asserted by `tests/dto_alloc_shapes.rs`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkGroup, Criterion, criterion_group, measurement::WallTime};

mod cart;
mod order;
mod report;
mod signup;

fn group<'a>(c: &'a mut Criterion, name: &str) -> BenchmarkGroup<'a, WallTime> {
    let mut group = c.benchmark_group(name);
    group
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .sample_size(50);
    group
}

/// Every contender agrees on the input before it is timed.
macro_rules! check {
    ($case:expr, $valid:expr, $errors:expr, $validator_errors:expr) => {{
        let case = &$case;
        let pact = case.pact();
        assert_eq!(pact.is_ok(), $valid, "pact: {pact:?}");
        if let Err(report) = pact {
            assert_eq!(report.len(), $errors, "pact: {report}");
        }
        let validator = case.validator();
        assert_eq!(validator.is_ok(), $valid, "validator: {validator:?}");
        if let (Err(report), Some(count)) = (validator, $validator_errors) {
            assert_eq!(report.field_errors().len(), count, "validator: {report}");
        }
        let garde = case.garde();
        assert_eq!(garde.is_ok(), $valid, "garde: {garde:?}");
        if let Err(report) = garde {
            assert_eq!(report.iter().count(), $errors, "garde: {report}");
        }
        let hand = case.hand();
        assert_eq!(hand.is_ok(), $valid, "hand");
        if let Err(report) = hand {
            assert_eq!(report.len(), $errors, "hand");
            assert!(
                report
                    .iter()
                    .all(|e| !e.path.is_empty() && !e.message.is_empty() && !e.code.is_empty())
            );
        }
    }};
}

/// One group: the four contenders on one case.
macro_rules! contenders {
    ($c:expr, $name:expr, $case:expr) => {{
        let case = &$case;
        let mut group = group($c, $name);
        group.bench_function("pact", |b| b.iter(|| black_box(case).pact()));
        group.bench_function("validator", |b| b.iter(|| black_box(case).validator()));
        group.bench_function("garde", |b| b.iter(|| black_box(case).garde()));
        group.bench_function("hand", |b| b.iter(|| black_box(case).hand()));
        group
    }};
}

fn signup(c: &mut Criterion) {
    for (name, valid) in [("signup_valid", true), ("signup_invalid", false)] {
        let case = signup::Case::new(valid);
        let errors = if valid { 0 } else { signup::INVALID_ERRORS };
        check!(case, valid, errors, Some(errors));
        assert_eq!(case.hand_url().is_ok(), valid);
        let mut group = contenders!(c, name, case);
        group.bench_function("hand_url", |b| b.iter(|| black_box(&case).hand_url()));
        group.finish();
    }
}

fn order(c: &mut Criterion) {
    for (name, valid) in [("order_valid", true), ("order_invalid", false)] {
        let case = order::Case::new(valid);
        let errors = if valid { 0 } else { order::INVALID_ERRORS };
        check!(case, valid, errors, Some(errors));
        contenders!(c, name, case).finish();
    }
}

fn cart(c: &mut Criterion) {
    for (name, valid) in [("cart_valid", true), ("cart_invalid", false)] {
        let case = cart::Case::new(valid);
        let errors = if valid { 0 } else { cart::INVALID_ERRORS };
        // validator: `labels` and `attributes` as fields; the items' errors nest under `items`.
        check!(case, valid, errors, Some(if valid { 0 } else { 2 }));
        contenders!(c, name, case).finish();
    }
}

/// `PACT_BENCH_CALLS=shape:valid|invalid:contender:n` calls one contender `n` times and
/// exits, for instruction counts: the difference between `n = 1000` and `n = 0` under
/// `valgrind --tool=callgrind`, divided by 1000, is one call's cost (see the README).
fn calls(spec: &str) {
    let parts: Vec<&str> = spec.split(':').collect();
    let [shape, validity, contender, n] = parts[..] else {
        panic!("PACT_BENCH_CALLS=shape:valid|invalid:contender:n, not {spec}");
    };
    let valid = validity == "valid";
    let n: usize = n.parse().expect("a count");
    macro_rules! run {
        ($case:expr) => {{
            let case = $case;
            // Once outside the count: garde's and validator's regexes compile on first use.
            let warm = (case.pact(), case.validator(), case.garde(), case.hand());
            let mut ok = warm.0.is_ok() & warm.1.is_ok() & warm.2.is_ok() & warm.3.is_ok();
            drop(warm);
            for _ in 0..n {
                ok ^= match contender {
                    "pact" => black_box(&case).pact().is_ok(),
                    "validator" => black_box(&case).validator().is_ok(),
                    "garde" => black_box(&case).garde().is_ok(),
                    "hand" => black_box(&case).hand().is_ok(),
                    other => panic!("no contender {other}"),
                };
            }
            black_box(ok);
        }};
    }
    match shape {
        "signup" => run!(signup::Case::new(valid)),
        "order" => run!(order::Case::new(valid)),
        "cart" => run!(cart::Case::new(valid)),
        other => panic!("no shape {other}"),
    }
}

criterion_group!(benches, signup, order, cart);

fn main() {
    if let Ok(spec) = std::env::var("PACT_BENCH_CALLS") {
        calls(&spec);
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
