//! What pact-core's `regex::Regex::new` refuses, decided without the `regex` crate: the same
//! parser, the same NFA compiler and the same limits as the `regex` crate's defaults
//! (regex 1.x over regex-automata's meta engine, whose steps this mirrors), so the derive does
//! not compile the whole `regex` crate (its engines, Aho-Corasick, memchr) just to ask.
//!
//! `Regex::new(p)` fails exactly when one of these fails:
//! 1. parsing `p` (the caller's [`regex_syntax::Parser`], same defaults: Unicode, UTF-8,
//!    nesting limit 250);
//! 2. unless the regex is a plain literal search (see [`literal_search`]), which builds no
//!    NFA: the forward NFA (all captures), then the reverse NFA (no captures), each under the
//!    10 MiB `size_limit`.
//!
//! The `PikeVM` and backtracker the runtime also builds fail only for a Unicode `\b` without
//! Unicode data, which pact-core's `regex` has (feature `unicode`); every other engine (lazy
//! DFA, one-pass, reverse strategies) is optional, and a failure to build one is not an error.
//! The test `a_pattern_compiles_here_exactly_when_it_compiles_at_run_time` holds this against
//! the real `regex` crate.

use regex_automata::nfa::thompson::{self, BuildError, WhichCaptures};
use regex_syntax::hir::literal::{ExtractKind, Extractor};
use regex_syntax::hir::{Hir, HirKind};

/// `regex::RegexBuilder`'s default `size_limit`: the most memory one compiled NFA may use.
pub const SIZE_LIMIT: usize = 10 * (1 << 20);

/// Why `regex::Regex::new` would refuse a pattern that parses.
pub enum Refusal {
    /// An NFA would be over [`SIZE_LIMIT`] (the `regex::Error::CompiledTooBig(limit)` case).
    TooBig(usize),
    /// Any other NFA build failure (in practice unreachable for a parsed pattern).
    Other(String),
}

/// `Ok` when `regex::Regex::new` accepts the pattern `hir` was parsed from.
pub fn check(hir: &Hir) -> Result<(), Refusal> {
    if literal_search(hir) {
        return Ok(());
    }
    let config = thompson::Config::new()
        .utf8(true)
        .reverse(false)
        .nfa_size_limit(Some(SIZE_LIMIT))
        .shrink(false)
        .which_captures(WhichCaptures::All);
    compile(config.clone(), hir)?;
    compile(
        config.which_captures(WhichCaptures::None).reverse(true),
        hir,
    )
}

fn compile(config: thompson::Config, hir: &Hir) -> Result<(), Refusal> {
    thompson::Compiler::new()
        .configure(config)
        .build_from_hir(hir)
        .map(drop)
        .map_err(|err: BuildError| match err.size_limit() {
            Some(limit) => Refusal::TooBig(limit),
            None => Refusal::Other(err.to_string()),
        })
}

/// The meta engine answers such a regex with a literal search and builds no NFA at all
/// (`Pre::from_prefixes`, `Pre::from_alternation_literals`): no look-around, no capture group,
/// and either its prefix literals are exact (the regex is exactly that finite set of non-empty
/// strings) or it is an alternation of literals. The searchers it then builds (memchr, Teddy,
/// Aho-Corasick) cannot fail for a set this size.
fn literal_search(hir: &Hir) -> bool {
    let props = hir.properties();
    if !props.look_set().is_empty() || props.explicit_captures_len() != 0 {
        return false;
    }
    let mut prefixes = Extractor::new().kind(ExtractKind::Prefix).extract(hir);
    prefixes.optimize_for_prefix_by_preference();
    let exact = prefixes.is_exact()
        && prefixes
            .literals()
            .is_some_and(|lits| !lits.is_empty() && lits.iter().all(|l| !l.is_empty()));
    exact || (props.is_alternation_literal() && matches!(hir.kind(), HirKind::Alternation(_)))
}
