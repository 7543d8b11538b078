//! Walking the elements and keys of collections for `each(...)` and `keys(...)` rules.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};
use std::fmt::Debug;

use super::Path;

/// A collection whose elements `each(...)` rules check: sequences and sets (at `[index]`),
/// and the values of maps (at `["key"]`).
#[diagnostic::on_unimplemented(
    message = "`each(...)` does not apply to `{Self}`",
    label = "`{Self}` is not a collection",
    note = "`each(...)` checks the elements of a Vec, slice, array, VecDeque or set, or the values of a map"
)]
pub trait Elements {
    /// The element type.
    type Element: ?Sized;
    /// Calls `f` with each element and its path.
    fn each_element(&self, path: &Path<'_>, f: impl FnMut(&Path<'_>, &Self::Element));
}

/// A map whose keys `keys(...)` rules check, each at `["key"]`.
#[diagnostic::on_unimplemented(
    message = "`keys(...)` does not apply to `{Self}`",
    label = "`{Self}` is not a map",
    note = "`keys(...)` checks the keys of a HashMap or BTreeMap"
)]
pub trait MapKeys {
    /// The key type.
    type Key;
    /// Calls `f` with each key and its path.
    fn each_key(&self, path: &Path<'_>, f: impl FnMut(&Path<'_>, &Self::Key));
}

fn indexed<'a, T: 'a>(
    items: impl Iterator<Item = &'a T>,
    path: &Path<'_>,
    mut f: impl FnMut(&Path<'_>, &T),
) {
    for (index, item) in items.enumerate() {
        f(&path.index(index), item);
    }
}

impl<T> Elements for [T] {
    type Element = T;
    fn each_element(&self, path: &Path<'_>, f: impl FnMut(&Path<'_>, &T)) {
        indexed(self.iter(), path, f);
    }
}

impl<T, const N: usize> Elements for [T; N] {
    type Element = T;
    fn each_element(&self, path: &Path<'_>, f: impl FnMut(&Path<'_>, &T)) {
        indexed(self.iter(), path, f);
    }
}

impl<T> Elements for Vec<T> {
    type Element = T;
    fn each_element(&self, path: &Path<'_>, f: impl FnMut(&Path<'_>, &T)) {
        indexed(self.iter(), path, f);
    }
}

impl<T> Elements for VecDeque<T> {
    type Element = T;
    fn each_element(&self, path: &Path<'_>, f: impl FnMut(&Path<'_>, &T)) {
        indexed(self.iter(), path, f);
    }
}

impl<T, S> Elements for HashSet<T, S> {
    type Element = T;
    fn each_element(&self, path: &Path<'_>, f: impl FnMut(&Path<'_>, &T)) {
        indexed(self.iter(), path, f);
    }
}

impl<T> Elements for BTreeSet<T> {
    type Element = T;
    fn each_element(&self, path: &Path<'_>, f: impl FnMut(&Path<'_>, &T)) {
        indexed(self.iter(), path, f);
    }
}

impl<K: Debug, V, S> Elements for HashMap<K, V, S> {
    type Element = V;
    fn each_element(&self, path: &Path<'_>, mut f: impl FnMut(&Path<'_>, &V)) {
        for (key, value) in self {
            f(&path.key(key), value);
        }
    }
}

impl<K: Debug, V> Elements for BTreeMap<K, V> {
    type Element = V;
    fn each_element(&self, path: &Path<'_>, mut f: impl FnMut(&Path<'_>, &V)) {
        for (key, value) in self {
            f(&path.key(key), value);
        }
    }
}

impl<T: Elements + ?Sized> Elements for &T {
    type Element = T::Element;
    fn each_element(&self, path: &Path<'_>, f: impl FnMut(&Path<'_>, &T::Element)) {
        (**self).each_element(path, f);
    }
}

impl<T: Elements + ?Sized> Elements for Box<T> {
    type Element = T::Element;
    fn each_element(&self, path: &Path<'_>, f: impl FnMut(&Path<'_>, &T::Element)) {
        (**self).each_element(path, f);
    }
}

impl<K: Debug, V, S> MapKeys for HashMap<K, V, S> {
    type Key = K;
    fn each_key(&self, path: &Path<'_>, mut f: impl FnMut(&Path<'_>, &K)) {
        for key in self.keys() {
            f(&path.key(key), key);
        }
    }
}

impl<K: Debug, V> MapKeys for BTreeMap<K, V> {
    type Key = K;
    fn each_key(&self, path: &Path<'_>, mut f: impl FnMut(&Path<'_>, &K)) {
        for key in self.keys() {
            f(&path.key(key), key);
        }
    }
}

impl<T: MapKeys + ?Sized> MapKeys for &T {
    type Key = T::Key;
    fn each_key(&self, path: &Path<'_>, f: impl FnMut(&Path<'_>, &T::Key)) {
        (**self).each_key(path, f);
    }
}
