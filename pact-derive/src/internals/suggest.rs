//! "Did you mean" suggestions for misspelt names.

/// The candidate closest to `input`, if it is close enough to be a likely typo.
pub fn closest<'a>(input: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    closest_in(input, &candidates.into_iter().collect::<Vec<_>>())
}

/// [`closest`] over a slice: one copy for every caller's iterator.
fn closest_in<'a>(input: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let input = input.to_ascii_lowercase();
    candidates
        .iter()
        .copied()
        .map(|candidate| (distance(&input, &candidate.to_ascii_lowercase()), candidate))
        .filter(|&(d, candidate)| d <= (candidate.len().max(input.len()) / 3).max(1))
        .min_by_key(|&(d, _)| d)
        .map(|(_, candidate)| candidate)
}

/// Levenshtein distance over chars.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let substitute = diagonal + usize::from(ca != cb);
            diagonal = row[j + 1];
            row[j + 1] = substitute.min(row[j] + 1).min(row[j + 1] + 1);
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::{closest, distance};

    #[test]
    fn distances() {
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("same", "same"), 0);
    }

    #[test]
    fn suggests_only_near_misses() {
        let names = ["NOT_FOUND", "CONFLICT", "FORBIDDEN"];
        assert_eq!(closest("NOT_FOUDN", names), Some("NOT_FOUND"));
        assert_eq!(closest("not_found", names), Some("NOT_FOUND"));
        assert_eq!(closest("TEAPOT", names), None);
    }
}
