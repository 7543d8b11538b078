//! Patterns as DFAs built when the macro expands and embedded, serialized, in the user's
//! binary: dense when its table is small, else sparse, else (too large for either, or a
//! feature no DFA runs, such as a Unicode word boundary `\b`) none.

use regex_automata::dfa::{StartKind, dense};
use regex_automata::nfa::thompson;
use regex_automata::util::syntax;

/// A serialized DFA, in both byte orders (the target's is chosen when the user's crate
/// compiles).
pub struct Serialized {
    /// The DFA as generated code, when it is small.
    pub machine: Option<super::machine::Machine>,
    pub dense: bool,
    /// Every match starts at the start (`^...`): the DFA has only anchored start states, and is
    /// searched anchored, which means the same for such a pattern.
    pub anchored: bool,
    pub little: Vec<u8>,
    pub big: Vec<u8>,
}

/// The largest dense table embedded; a larger DFA is embedded sparse.
const DENSE_MAX: usize = 32 * 1024;
/// The largest sparse table embedded; a larger one is left to the regex crate.
const SPARSE_MAX: usize = 128 * 1024;
/// The most memory the NFA, determinization and the DFA may use: past these the build would
/// take seconds in the (unoptimized) proc macro, and the table would be too large to embed.
const NFA_MAX: usize = 256 * 1024;
const BUILD_MAX: usize = 1024 * 1024;
const DFA_MAX: usize = 256 * 1024;

/// The DFA of `source`, searched as `regex::Regex::is_match` searches (unanchored, unless every
/// match must start at the start, `anchored`, where both mean the same): the same
/// syntax settings as `regex::Regex::new` (Unicode, UTF-8, no flags), no quit bytes, so a
/// search never gives up.
pub fn build(source: &str, anchored: bool) -> Option<Serialized> {
    let start = if anchored {
        StartKind::Anchored
    } else {
        StartKind::Unanchored
    };
    let dfa = dense::Builder::new()
        .configure(
            dense::Config::new()
                .start_kind(start)
                .minimize(true)
                .determinize_size_limit(Some(BUILD_MAX))
                .dfa_size_limit(Some(DFA_MAX)),
        )
        .syntax(syntax::Config::new())
        .thompson(thompson::Config::new().nfa_size_limit(Some(NFA_MAX)))
        .build(source)
        .ok()?;
    let machine = super::machine::machine(&dfa, anchored);
    let (little, pad) = dfa.to_bytes_little_endian();
    let little = little.get(pad..)?.to_vec();
    if little.len() <= DENSE_MAX {
        let (big, pad) = dfa.to_bytes_big_endian();
        let big = big.get(pad..)?.to_vec();
        return Some(Serialized {
            machine,
            dense: true,
            anchored,
            little,
            big,
        });
    }
    let sparse = dfa.to_sparse().ok()?;
    let little = sparse.to_bytes_little_endian();
    (little.len() <= SPARSE_MAX).then(|| Serialized {
        machine,
        dense: false,
        anchored,
        little,
        big: sparse.to_bytes_big_endian(),
    })
}
