//! The literal bounds of `length` and `range`: no type suffix, counts for `length`, and
//! bounds that some value can satisfy.

use syn::Expr;

use crate::internals::ctxt::Ctxt;

/// A numeric literal's suffix (`10u8`), which rule bounds do not take.
pub fn suffix_error(expr: &Expr, rule: &str, key: &str) -> Option<syn::Error> {
    let (suffix, digits) = match literal_of(expr)? {
        syn::Lit::Int(int) if !int.suffix().is_empty() => {
            (int.suffix().to_owned(), int.base10_digits().to_owned())
        }
        syn::Lit::Float(float) if !float.suffix().is_empty() => {
            (float.suffix().to_owned(), float.base10_digits().to_owned())
        }
        _ => return None,
    };
    let sign = if matches!(expr, Expr::Unary(_)) {
        "-"
    } else {
        ""
    };
    let message = match rule {
        "length" => format!(
            "`{key}` takes a literal without a type suffix: write `{key} = {sign}{digits}` (a length is a `usize`), not `{suffix}`"
        ),
        "one_of" => format!(
            "`one_of` takes literals without a type suffix: write `{sign}{digits}` (the values take the field's type), not `{suffix}`"
        ),
        _ => format!(
            "`{key}` takes a literal without a type suffix: write `{key} = {sign}{digits}` (the bound takes the field's type), not `{suffix}`"
        ),
    };
    Some(syn::Error::new_spanned(expr, message))
}

/// The literal of `expr`, looking through a minus sign and invisible groups.
pub fn literal_of(expr: &Expr) -> Option<&syn::Lit> {
    match expr {
        Expr::Lit(lit) => Some(&lit.lit),
        Expr::Group(group) => literal_of(&group.expr),
        Expr::Unary(syn::ExprUnary {
            op: syn::UnOp::Neg(_),
            expr,
            ..
        }) => literal_of(expr),
        _ => None,
    }
}

/// A bound of `length`: a count. A literal must be a non-negative integer without suffix;
/// anything else (a constant, an expression) is left to the type checker.
pub fn length_bound(expr: &Expr, key: &str) -> syn::Result<()> {
    if let Some(err) = suffix_error(expr, "length", key) {
        return Err(err);
    }
    let negative = matches!(
        expr,
        Expr::Unary(syn::ExprUnary {
            op: syn::UnOp::Neg(_),
            ..
        })
    );
    match literal_of(expr) {
        Some(syn::Lit::Int(_)) if negative => Err(syn::Error::new_spanned(
            expr,
            format!("`{key}` of `length` counts characters or elements and cannot be negative"),
        )),
        Some(syn::Lit::Int(_)) | None => Ok(()),
        Some(_) => Err(syn::Error::new_spanned(
            expr,
            format!("`{key}` of `length` is a count: write an integer, as in `{key} = 20`"),
        )),
    }
}

/// A bound written as a literal, read exactly: integers as `i128`, floats as `f64`.
#[derive(Clone, Copy, PartialEq, PartialOrd)]
enum Bound {
    Int(i128),
    Float(f64),
}

impl std::fmt::Display for Bound {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Int(n) => write!(f, "{n}"),
            Self::Float(x) => write!(f, "{x:?}"),
        }
    }
}

/// Whether any value lies between `low` and `high`, each inclusive or exclusive.
fn satisfiable(low: Bound, low_exclusive: bool, high: Bound, high_exclusive: bool) -> bool {
    match (low, high) {
        (Bound::Int(low), Bound::Int(high)) => {
            let low = if low_exclusive {
                low.saturating_add(1)
            } else {
                low
            };
            let high = if high_exclusive {
                high.saturating_sub(1)
            } else {
                high
            };
            low <= high
        }
        (Bound::Float(low), Bound::Float(high)) if low_exclusive || high_exclusive => low < high,
        (Bound::Float(low), Bound::Float(high)) => low <= high,
        // An integer beside a float is a type error rustc reports.
        _ => true,
    }
}

/// Literal bounds that no value can satisfy are a mistake the compiler can see.
pub fn check_order(
    (low_key, low_expr, low_exclusive): (&str, &syn::Expr, bool),
    (high_key, high_expr, high_exclusive): (&str, &syn::Expr, bool),
    cx: &mut Ctxt,
) {
    let (Some(low), Some(high)) = (literal(low_expr), literal(high_expr)) else {
        return;
    };
    if satisfiable(low, low_exclusive, high, high_exclusive) {
        return;
    }
    let reason = if low > high {
        format!("`{low_key}` ({low}) is greater than `{high_key}` ({high})")
    } else if low == high {
        format!("`{low_key}` and `{high_key}` are both {low}, and one of them is exclusive")
    } else {
        format!("no integer lies strictly between {low} and {high}")
    };
    cx.error_spanned_by(low_expr, format!("{reason}: no value can pass"));
}

/// The message `rules::range` writes for these bounds, when every bound given is an integer
/// literal (whose value the runtime shows in decimal, whatever the integer type): written here
/// so that the violation does not build it.
pub fn range_message(
    min: Option<&Expr>,
    max: Option<&Expr>,
    exclusive_min: Option<&Expr>,
    exclusive_max: Option<&Expr>,
) -> Option<String> {
    let int = |expr: Option<&Expr>| -> Option<Option<i128>> {
        match expr.map(literal) {
            None => Some(None),
            Some(Some(Bound::Int(n))) => Some(Some(n)),
            Some(_) => None,
        }
    };
    let (min, max) = (int(min)?, int(max)?);
    let (exclusive_min, exclusive_max) = (int(exclusive_min)?, int(exclusive_max)?);
    if let (Some(min), Some(max), None, None) = (min, max, exclusive_min, exclusive_max) {
        return Some(format!("must be between {min} and {max}"));
    }
    let parts: Vec<String> = [
        ("at least ", min),
        ("greater than ", exclusive_min),
        ("at most ", max),
        ("less than ", exclusive_max),
    ]
    .into_iter()
    .filter_map(|(words, bound)| Some(format!("{words}{}", bound?)))
    .collect();
    (!parts.is_empty()).then(|| format!("must be {}", parts.join(" and ")))
}

/// The messages `rules::length` writes for these bounds, in characters and in items, when
/// every bound given is an integer literal.
pub fn length_messages(
    min: Option<&Expr>,
    max: Option<&Expr>,
    equal: Option<&Expr>,
) -> Option<(String, String)> {
    let int = |expr: Option<&Expr>| -> Option<Option<i128>> {
        match expr.map(literal) {
            None => Some(None),
            Some(Some(Bound::Int(n))) => Some(Some(n)),
            Some(_) => None,
        }
    };
    let (min, max, equal) = (int(min)?, int(max)?, int(equal)?);
    let message = |unit: &str, long: bool| {
        let noun = |count: i128| {
            if count == 1 {
                unit.strip_suffix('s').unwrap_or(unit).to_owned()
            } else {
                unit.to_owned()
            }
        };
        let bound = match (equal, min, max) {
            (Some(equal), _, _) => format!("exactly {equal} {}", noun(equal)),
            (None, Some(min), Some(max)) => format!("between {min} and {max} {}", noun(max)),
            (None, Some(min), None) => format!("at least {min} {}", noun(min)),
            (None, None, Some(max)) => format!("at most {max} {}", noun(max)),
            (None, None, None) => format!("of a valid number of {unit}"),
        };
        if long {
            format!("must be {bound} long")
        } else {
            format!("must have {bound}")
        }
    };
    Some((message("characters", true), message("items", false)))
}

/// The value of a numeric literal, possibly negated.
fn literal(expr: &syn::Expr) -> Option<Bound> {
    match expr {
        syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Int(int),
            ..
        }) => int.base10_digits().parse().ok().map(Bound::Int),
        syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Float(float),
            ..
        }) => float
            .base10_digits()
            .parse::<f64>()
            .ok()
            .filter(|x| x.is_finite())
            .map(Bound::Float),
        syn::Expr::Unary(syn::ExprUnary {
            op: syn::UnOp::Neg(_),
            expr,
            ..
        }) => match literal(expr)? {
            Bound::Int(n) => Some(Bound::Int(-n)),
            Bound::Float(x) => Some(Bound::Float(-x)),
        },
        syn::Expr::Group(group) => literal(&group.expr),
        _ => None,
    }
}
