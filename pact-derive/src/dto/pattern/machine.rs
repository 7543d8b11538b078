//! Small DFAs as generated code: a `match` on the state and the byte, one arm per state, with
//! no table and no search routine at run time. The DFA is the one [`super::dfa`] builds (so it
//! means what `regex::Regex::is_match` means), walked here from its start state over every
//! byte; it is written out only when it has few states.

use std::collections::HashMap;

use proc_macro2::{Literal, TokenStream};
use quote::quote;
use regex_automata::Anchored;
use regex_automata::dfa::{Automaton, dense};
use regex_automata::util::primitives::StateID;
use regex_automata::util::start;

/// Beyond this many states, the embedded table is as fast and smaller to compile.
const MAX_STATES: usize = 32;
/// Beyond this many byte ranges over all states, likewise.
const MAX_ARMS: usize = 256;

/// Where a byte leads from a state.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Next {
    /// No match can follow.
    Fail,
    /// A match has been seen: the search stops (earliest).
    Match,
    State(usize),
}

/// A state's transitions as `(first, last, next)` byte ranges, and whether the end of the
/// text, there, ends a match.
type State = (Vec<(u8, u8, Next)>, bool);

/// The state machine of a DFA, its start state first.
pub struct Machine {
    states: Vec<State>,
}

/// The machine of `dfa` (searched `anchored` or not), if it is small.
pub fn machine(dfa: &dense::DFA<Vec<u32>>, anchored: bool) -> Option<Machine> {
    let mode = if anchored {
        Anchored::Yes
    } else {
        Anchored::No
    };
    let start = dfa.start_state(&start::Config::new().anchored(mode)).ok()?;
    let mut ids: HashMap<StateID, usize> = HashMap::from([(start, 0)]);
    let mut order = vec![start];
    let mut states = Vec::new();
    let mut arms = 0;
    let mut at = 0;
    while let Some(&id) = order.get(at) {
        at += 1;
        let mut ranges: Vec<(u8, u8, Next)> = Vec::new();
        for byte in 0..=255_u8 {
            let next = dfa.next_state(id, byte);
            let next = if dfa.is_match_state(next) {
                Next::Match
            } else if dfa.is_dead_state(next) || dfa.is_quit_state(next) {
                Next::Fail
            } else {
                let count = ids.len();
                let index = *ids.entry(next).or_insert(count);
                if index == count {
                    order.push(next);
                    if order.len() > MAX_STATES {
                        return None;
                    }
                }
                Next::State(index)
            };
            match ranges.last_mut() {
                Some((_, last, target)) if *target == next => *last = byte,
                _ => ranges.push((byte, byte, next)),
            }
        }
        arms += ranges.len();
        if arms > MAX_ARMS {
            return None;
        }
        let at_end = dfa.is_match_state(dfa.next_eoi_state(id));
        states.push((ranges, at_end));
    }
    Some(Machine { states })
}

/// `fn __pact_pattern(&str) -> bool` running the machine.
pub fn machine_fn(machine: &Machine) -> TokenStream {
    let arms = machine
        .states
        .iter()
        .enumerate()
        .map(|(index, (ranges, _))| {
            // The most common target is the fallback arm.
            let mut counts: HashMap<Next, usize> = HashMap::new();
            for (_, _, next) in ranges {
                *counts.entry(*next).or_default() += 1;
            }
            let fallback = counts
                .iter()
                .max_by_key(|(next, count)| (**count, **next == Next::Fail))
                .map_or(Next::Fail, |(next, _)| *next);
            let mut by_target: Vec<(Next, Vec<TokenStream>)> = Vec::new();
            for &(first, last, next) in ranges {
                if next == fallback {
                    continue;
                }
                let first_lit = Literal::byte_character(first);
                let pattern = if first == last {
                    quote!(#first_lit)
                } else {
                    let last = Literal::byte_character(last);
                    quote!(#first_lit..=#last)
                };
                match by_target.iter_mut().find(|(target, _)| *target == next) {
                    Some((_, patterns)) => patterns.push(pattern),
                    None => by_target.push((next, vec![pattern])),
                }
            }
            let target = |next: Next| match next {
                Next::Fail => quote!(return false),
                Next::Match => quote!(return true),
                Next::State(state) => {
                    let state = Literal::usize_unsuffixed(state);
                    quote!(#state)
                }
            };
            let inner = by_target.iter().map(|(next, patterns)| {
                let to = target(*next);
                quote!(#(#patterns)|* => #to,)
            });
            let fallback = target(fallback);
            let index = Literal::usize_unsuffixed(index);
            quote!(#index => match __byte { #(#inner)* _ => #fallback },)
        });
    let ends: Vec<Literal> = machine
        .states
        .iter()
        .enumerate()
        .filter(|(_, (_, at_end))| *at_end)
        .map(|(index, _)| Literal::usize_unsuffixed(index))
        .collect();
    // No state ends a match at the end: a number that is no state, so the test still reads it.
    let ends = if ends.is_empty() {
        vec![Literal::usize_unsuffixed(machine.states.len())]
    } else {
        ends
    };
    quote! {
        fn __pact_pattern(__text: &str) -> bool {
            let mut __state: usize = 0;
            for &__byte in __text.as_bytes() {
                __state = match __state {
                    #(#arms)*
                    _ => return false,
                };
            }
            ::core::matches!(__state, #(#ends)|*)
        }
    }
}
