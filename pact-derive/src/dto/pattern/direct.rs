//! Simple anchored patterns as direct checks: `^[A-Z]{2}-[0-9]{4,6}$` becomes a few steps over
//! the bytes (a class run, a literal, a class run, the end), with no regex at run time.
//!
//! Only patterns whose steps never need to backtrack are planned here: an ASCII class repeated a
//! variable number of times must not be able to begin what follows it, and alternatives of
//! literals in the middle must not be prefixes of one another. Everything else goes to a DFA.

use regex_syntax::hir::{Class, Hir, HirKind, Look};

/// One step of a plan.
#[derive(Debug, PartialEq, Eq)]
pub enum Step {
    /// These bytes, as they are.
    Literal(Vec<u8>),
    /// `min..=max` bytes from a set of ASCII ranges (inclusive).
    Run {
        ranges: Vec<(u8, u8)>,
        min: u32,
        max: Option<u32>,
    },
    /// One of these literals.
    Alternation(Vec<Vec<u8>>),
}

/// A pattern anchored at the start, as steps; `to_end` when it is anchored at the end too.
#[derive(Debug, PartialEq, Eq)]
pub struct Plan {
    pub steps: Vec<Step>,
    pub to_end: bool,
}

/// Beyond these, a DFA is as good and the generated code would only grow.
const MAX_STEPS: usize = 24;
const MAX_ALTERNATIVES: usize = 16;

/// The plan of `hir`, if it is simple enough (see the module docs).
pub fn plan(hir: &Hir) -> Option<Plan> {
    let mut items = Vec::new();
    flatten(hir, &mut items);
    let (first, mut rest) = items.split_first()?;
    if !matches!(first.kind(), HirKind::Look(Look::Start)) {
        return None;
    }
    let to_end = matches!(
        rest.last().map(|hir| hir.kind()),
        Some(HirKind::Look(Look::End))
    );
    if to_end {
        rest = rest.get(..rest.len() - 1).unwrap_or_default();
    }
    let mut steps: Vec<Step> = Vec::new();
    for item in rest {
        let step = step(item)?;
        match (steps.last_mut(), step) {
            (Some(Step::Literal(before)), Step::Literal(more)) => before.extend(more),
            (_, Step::Literal(more)) if more.is_empty() => {}
            (_, step) => steps.push(step),
        }
    }
    if steps.len() > MAX_STEPS || !no_backtracking(&steps) {
        return None;
    }
    Some(Plan { steps, to_end })
}

/// The items of a concatenation, through groups.
fn flatten<'a>(hir: &'a Hir, out: &mut Vec<&'a Hir>) {
    match hir.kind() {
        HirKind::Concat(items) => items.iter().for_each(|item| flatten(item, out)),
        HirKind::Capture(capture) => flatten(&capture.sub, out),
        _ => out.push(hir),
    }
}

fn step(hir: &Hir) -> Option<Step> {
    match hir.kind() {
        HirKind::Empty => Some(Step::Literal(Vec::new())),
        HirKind::Literal(literal) => Some(Step::Literal(literal.0.to_vec())),
        HirKind::Class(class) => Some(Step::Run {
            ranges: ascii_ranges(class)?,
            min: 1,
            max: Some(1),
        }),
        HirKind::Repetition(repetition) => {
            let ranges = match repetition.sub.kind() {
                HirKind::Class(class) => ascii_ranges(class)?,
                HirKind::Literal(literal) => match *literal.0 {
                    [byte] if byte.is_ascii() => vec![(byte, byte)],
                    _ => return None,
                },
                _ => return None,
            };
            Some(Step::Run {
                ranges,
                min: repetition.min,
                max: repetition.max,
            })
        }
        HirKind::Capture(capture) => step(&capture.sub),
        HirKind::Alternation(alternatives) => {
            let literals = alternatives
                .iter()
                .map(literal_of)
                .collect::<Option<Vec<_>>>()?;
            (literals.len() <= MAX_ALTERNATIVES).then_some(Step::Alternation(literals))
        }
        HirKind::Look(_) | HirKind::Concat(_) => None,
    }
}

/// The bytes `hir` matches, when it is a literal (or empty).
fn literal_of(hir: &Hir) -> Option<Vec<u8>> {
    match hir.kind() {
        HirKind::Empty => Some(Vec::new()),
        HirKind::Literal(literal) => Some(literal.0.to_vec()),
        HirKind::Capture(capture) => literal_of(&capture.sub),
        HirKind::Concat(items) => items.iter().try_fold(Vec::new(), |mut out, item| {
            out.extend(literal_of(item)?);
            Some(out)
        }),
        _ => None,
    }
}

/// The ranges of a class that holds only ASCII characters.
fn ascii_ranges(class: &Class) -> Option<Vec<(u8, u8)>> {
    let ranges: Vec<(u32, u32)> = match class {
        Class::Unicode(class) => class
            .ranges()
            .iter()
            .map(|r| (u32::from(r.start()), u32::from(r.end())))
            .collect(),
        Class::Bytes(class) => class
            .ranges()
            .iter()
            .map(|r| (u32::from(r.start()), u32::from(r.end())))
            .collect(),
    };
    ranges
        .into_iter()
        .map(|(start, end)| {
            let start = u8::try_from(start).ok().filter(u8::is_ascii)?;
            let end = u8::try_from(end).ok().filter(u8::is_ascii)?;
            Some((start, end))
        })
        .collect()
}

/// Whether consuming greedily, without ever going back, finds a match exactly when there is one.
fn no_backtracking(steps: &[Step]) -> bool {
    steps.iter().enumerate().all(|(at, step)| {
        let after = steps.get(at + 1..).unwrap_or_default();
        match step {
            Step::Literal(_) => true,
            Step::Run {
                ranges, min, max, ..
            } => Some(*min) == *max || disjoint(ranges, &first_bytes(after)),
            // Last: every alternative is tried against the rest.
            Step::Alternation(_) if after.is_empty() => true,
            Step::Alternation(literals) => literals.iter().enumerate().all(|(i, a)| {
                literals
                    .iter()
                    .enumerate()
                    .all(|(j, b)| i == j || !b.starts_with(a))
            }),
        }
    })
}

/// The bytes a match of `steps` can start with (empty when nothing follows).
fn first_bytes(steps: &[Step]) -> Vec<(u8, u8)> {
    let mut out = Vec::new();
    for (at, step) in steps.iter().enumerate() {
        match step {
            Step::Literal(bytes) => {
                if let Some(&byte) = bytes.first() {
                    out.push((byte, byte));
                    return out;
                }
            }
            Step::Run { ranges, min, .. } => {
                out.extend(ranges);
                if *min > 0 {
                    return out;
                }
            }
            Step::Alternation(literals) => {
                out.extend(literals.iter().filter_map(|l| l.first()).map(|&b| (b, b)));
                if literals.iter().all(|l| !l.is_empty()) {
                    return out;
                }
                // An empty alternative lets what follows begin here too.
                out.extend(first_bytes(steps.get(at + 1..).unwrap_or_default()));
                return out;
            }
        }
    }
    out
}

fn disjoint(a: &[(u8, u8)], b: &[(u8, u8)]) -> bool {
    a.iter()
        .all(|&(s1, e1)| b.iter().all(|&(s2, e2)| e1 < s2 || e2 < s1))
}
