//! The matchers of `pattern(...)` rules. `#[derive(Dto)]` compiles every pattern when it
//! expands: a simple anchored pattern becomes a generated check over a [`Scanner`]; any other
//! a DFA, written out as a generated `match` on state and byte when it is small, else
//! serialized into the binary ([`DenseDfa`], [`SparseDfa`]) and read in place on first use
//! (validated, never copied, never allocating). Only a pattern that no DFA can run (Unicode
//! word boundaries) or that is too large for one is left to the `regex` crate.
//!
//! Not a public API beyond [`Matcher`]: the derive's output names these items, and they may
//! change in any release.

use std::sync::OnceLock;

use regex_automata::dfa::{dense, sparse};
use regex_automata::{Anchored, Input};

/// Something that decides whether a `pattern(...)` rule matches a string: a [`regex::Regex`]
/// (unanchored search, as [`Regex::is_match`](regex::Regex::is_match)), a function
/// `fn(&str) -> bool`, or the DFAs the derive embeds.
///
/// ```
/// use pact_core::validation::rules::{Matcher, pattern};
///
/// let five_digits = |text: &str| text.len() == 5 && text.bytes().all(|b| b.is_ascii_digit());
/// assert!(five_digits.is_match("12345"));
/// assert!(pattern("1234", &five_digits, "^[0-9]{5}$").is_err());
/// ```
pub trait Matcher {
    /// Whether the pattern matches somewhere in `text`.
    fn is_match(&self, text: &str) -> bool;
}

impl Matcher for regex::Regex {
    #[inline]
    fn is_match(&self, text: &str) -> bool {
        regex::Regex::is_match(self, text)
    }
}

/// A lazily built matcher, such as a `static LazyLock<Regex>`.
impl<M: Matcher> Matcher for std::sync::LazyLock<M> {
    #[inline]
    fn is_match(&self, text: &str) -> bool {
        M::is_match(self, text)
    }
}

impl<F: Fn(&str) -> bool> Matcher for F {
    #[inline]
    fn is_match(&self, text: &str) -> bool {
        self(text)
    }
}

/// Bytes stored on a 4-byte boundary, as a serialized dense DFA must be.
#[doc(hidden)]
#[repr(C, align(4))]
pub struct Aligned<B: ?Sized>(pub B);

/// A dense DFA serialized at expansion time (in the target's byte order), deserialized in
/// place the first time it runs.
#[doc(hidden)]
pub struct DenseDfa {
    bytes: &'static [u8],
    anchored: bool,
    dfa: OnceLock<Option<dense::DFA<&'static [u32]>>>,
    source: &'static str,
}

impl DenseDfa {
    /// A DFA over `bytes` (4-byte aligned), compiled from `source`; `anchored` when it was
    /// built with anchored start states only (every match of `source` starts at the start).
    #[must_use]
    pub const fn new(bytes: &'static Aligned<[u8]>, source: &'static str, anchored: bool) -> Self {
        Self {
            bytes: &bytes.0,
            anchored,
            dfa: OnceLock::new(),
            source,
        }
    }
}

impl Matcher for DenseDfa {
    #[inline]
    fn is_match(&self, text: &str) -> bool {
        let dfa = self.dfa.get_or_init(|| {
            dense::DFA::from_bytes(self.bytes)
                .map(|(dfa, _)| dfa)
                .map_err(|err| corrupt(self.source, &err))
                .ok()
        });
        dfa.as_ref()
            .is_some_and(|dfa| search(dfa, text, self.anchored))
    }
}

/// A sparse DFA serialized at expansion time, for patterns whose dense table is large.
#[doc(hidden)]
pub struct SparseDfa {
    bytes: &'static [u8],
    anchored: bool,
    dfa: OnceLock<Option<sparse::DFA<&'static [u8]>>>,
    source: &'static str,
}

impl SparseDfa {
    /// A DFA over `bytes`, compiled from `source`; `anchored` as for [`DenseDfa::new`].
    #[must_use]
    pub const fn new(bytes: &'static [u8], source: &'static str, anchored: bool) -> Self {
        Self {
            bytes,
            anchored,
            dfa: OnceLock::new(),
            source,
        }
    }
}

impl Matcher for SparseDfa {
    #[inline]
    fn is_match(&self, text: &str) -> bool {
        let dfa = self.dfa.get_or_init(|| {
            sparse::DFA::from_bytes(self.bytes)
                .map(|(dfa, _)| dfa)
                .map_err(|err| corrupt(self.source, &err))
                .ok()
        });
        dfa.as_ref()
            .is_some_and(|dfa| search(dfa, text, self.anchored))
    }
}

/// An earliest search: whether any match exists, as `Regex::is_match`; anchored only for a
/// pattern all of whose matches start at the start, where it means the same. The DFAs are
/// built without quit bytes, so the search cannot give up; should it, the rule rejects.
#[inline]
fn search<A: regex_automata::dfa::Automaton>(dfa: &A, text: &str, anchored: bool) -> bool {
    let anchored = if anchored {
        Anchored::Yes
    } else {
        Anchored::No
    };
    dfa.try_search_fwd(&Input::new(text).earliest(true).anchored(anchored))
        .is_ok_and(|found| found.is_some())
}

/// A DFA the derive serialized that does not deserialize (a different `regex-automata` wire
/// format, say): logged once, and the rule rejects every value rather than panic.
#[cold]
fn corrupt(source: &str, err: &dyn std::fmt::Display) {
    tracing::error!(pattern = source, error = %err, "a `pattern` rule's compiled DFA does not load; the rule rejects every value");
}

/// A cursor over a string's bytes, for the checks the derive generates from simple anchored
/// patterns (`^[A-Z]{2}-[0-9]{4,6}$`): each step consumes what one piece of the pattern
/// matches, or fails. The derive only generates steps that never need to backtrack.
#[doc(hidden)]
pub struct Scanner<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Scanner<'a> {
    /// A cursor at the start of `text`.
    #[inline]
    #[must_use]
    pub fn new(text: &'a str) -> Self {
        Self {
            bytes: text.as_bytes(),
            at: 0,
        }
    }

    fn rest(&self) -> &'a [u8] {
        self.bytes.get(self.at..).unwrap_or_default()
    }

    /// Consumes `literal`, if the rest starts with it.
    #[inline]
    pub fn literal(&mut self, literal: &[u8]) -> bool {
        let found = self.rest().starts_with(literal);
        if found {
            self.at += literal.len();
        }
        found
    }

    /// Consumes as many bytes in `class` as there are, up to `max`, and at least `min`.
    #[inline]
    pub fn run(&mut self, class: impl Fn(u8) -> bool, min: usize, max: Option<usize>) -> bool {
        let rest = self.rest();
        let limit = max.map_or(rest.len(), |max| max.min(rest.len()));
        let taken = rest
            .get(..limit)
            .unwrap_or_default()
            .iter()
            .position(|&byte| !class(byte))
            .unwrap_or(limit);
        self.at += taken;
        taken >= min
    }

    /// Consumes the first of `alternatives` the rest starts with.
    #[inline]
    pub fn alternative(&mut self, alternatives: &[&[u8]]) -> bool {
        alternatives
            .iter()
            .any(|alternative| self.literal(alternative))
    }

    /// Whether the rest is exactly one of `alternatives`.
    #[inline]
    #[must_use]
    pub fn rest_is_one_of(&self, alternatives: &[&[u8]]) -> bool {
        let rest = self.rest();
        alternatives.contains(&rest)
    }

    /// Whether everything was consumed.
    #[inline]
    #[must_use]
    pub fn at_end(&self) -> bool {
        self.at >= self.bytes.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scanner_consumes_what_each_step_matches() {
        let mut scanner = Scanner::new("AB-1234567");
        assert!(scanner.run(|b| b.is_ascii_uppercase(), 2, Some(2)));
        assert!(scanner.literal(b"-"));
        assert!(scanner.run(|b| b.is_ascii_digit(), 4, Some(6)));
        assert!(!scanner.at_end(), "six digits at most: one is left");
        assert!(scanner.run(|b| b.is_ascii_digit(), 0, None));
        assert!(scanner.at_end());

        let mut scanner = Scanner::new("12");
        assert!(!scanner.run(|b| b.is_ascii_digit(), 3, None));
        let scanner = Scanner::new("eur");
        assert!(scanner.rest_is_one_of(&[b"usd", b"eur"]));
        let mut scanner = Scanner::new("eurx");
        assert!(!scanner.rest_is_one_of(&[b"usd", b"eur"]));
        assert!(scanner.alternative(&[b"usd", b"eur"]));
        assert!(!scanner.alternative(&[b"usd", b"eur"]));
        assert!(scanner.literal(b"x") && scanner.at_end());
    }

    #[test]
    fn a_dfa_that_does_not_load_rejects() {
        static BYTES: &Aligned<[u8]> = &Aligned([0_u8; 8]);
        static DFA: DenseDfa = DenseDfa::new(BYTES, "x", false);
        static SPARSE: SparseDfa = SparseDfa::new(&[1, 2, 3], "x", true);
        assert!(!DFA.is_match("x"));
        assert!(!SPARSE.is_match("x"));
    }
}
