//! Allocations of `Validate::validate` on the three benchmark requests (`benches/validation/`),
//! counted by a global allocator: none on valid input, from the very first call (patterns are
//! compiled when the macro expands, not on first use), and on invalid input no more than
//! garde makes for the same report.
//!
//! One test, so that the first call of each shape is the first in the process.
#[path = "common/counting_alloc.rs"]
mod counting_alloc;

#[path = "../benches/validation/cart.rs"]
#[allow(dead_code)]
mod cart;
#[path = "../benches/validation/order.rs"]
#[allow(dead_code)]
mod order;
#[path = "../benches/validation/report.rs"]
#[allow(dead_code)]
mod report;
#[path = "../benches/validation/signup.rs"]
#[allow(dead_code)]
mod signup;

use std::hint::black_box;

use counting_alloc::allocations;

/// `(pact valid first call, pact valid again, pact invalid, garde invalid)` allocations.
macro_rules! counts {
    ($shape:ident) => {{
        let valid = $shape::Case::new(true);
        let invalid = $shape::Case::new(false);
        let (first, result) = allocations(|| black_box(&valid).pact());
        assert!(result.is_ok(), "{result:?}");
        let (again, _) = allocations(|| black_box(&valid).pact());
        let (pact, result) = allocations(|| black_box(&invalid).pact());
        assert_eq!(result.unwrap_err().len(), $shape::INVALID_ERRORS);
        // garde's regexes compile on first use: count a second call.
        let _ = invalid.garde();
        let (garde, result) = allocations(|| black_box(&invalid).garde());
        assert!(result.is_err());
        (first, again, pact, garde)
    }};
}

#[test]
fn valid_requests_allocate_nothing_and_invalid_ones_no_more_than_garde() {
    for (shape, (first, again, pact, garde)) in [
        ("signup", counts!(signup)),
        ("order", counts!(order)),
        ("cart", counts!(cart)),
    ] {
        assert_eq!(first, 0, "{shape}: the first valid call allocates nothing");
        assert_eq!(again, 0, "{shape}: a valid call allocates nothing");
        assert!(pact > 0, "{shape}: the counter counts");
        assert!(
            pact <= garde,
            "{shape}: pact allocates {pact} times on invalid input, garde {garde}"
        );
        eprintln!("{shape}: invalid input: pact {pact} allocations, garde {garde}");
    }
}
