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

/// The walks `#[derive(Dto)]` writes for a field it reads as a map keyed by `String`
/// (`HashMap<String, _>`, `BTreeMap<String, _>`): method lookup on `&&Keyed(value)` takes
/// [`StrKeyed`](keyed::StrKeyed) when the type is one of those (paths built with
/// [`Path::str_key`]), and [`AnyKeyed`](keyed::AnyKeyed), the plain [`Elements`] and
/// [`MapKeys`] walks, for any other type (an alias of another map, say). Not a public API.
#[doc(hidden)]
pub mod keyed {
    use std::collections::{BTreeMap, HashMap};

    use super::{Elements, MapKeys, Path};

    /// A value walked by the derive.
    pub struct Keyed<'a, T: ?Sized>(pub &'a T);

    /// The walks of maps keyed by `String`.
    pub trait StrKeyed {
        /// The map's values.
        type Value;
        /// Calls `f` with each value and its path.
        fn each_element(&self, path: &Path<'_>, f: impl FnMut(&Path<'_>, &Self::Value));
        /// Calls `f` with each key and its path.
        fn each_key(&self, path: &Path<'_>, f: impl FnMut(&Path<'_>, &String));
    }

    impl<V, S> StrKeyed for &Keyed<'_, HashMap<String, V, S>> {
        type Value = V;
        fn each_element(&self, path: &Path<'_>, mut f: impl FnMut(&Path<'_>, &V)) {
            for (key, value) in self.0 {
                f(&path.str_key(key), value);
            }
        }
        fn each_key(&self, path: &Path<'_>, mut f: impl FnMut(&Path<'_>, &String)) {
            for key in self.0.keys() {
                f(&path.str_key(key), key);
            }
        }
    }

    impl<V> StrKeyed for &Keyed<'_, BTreeMap<String, V>> {
        type Value = V;
        fn each_element(&self, path: &Path<'_>, mut f: impl FnMut(&Path<'_>, &V)) {
            for (key, value) in self.0 {
                f(&path.str_key(key), value);
            }
        }
        fn each_key(&self, path: &Path<'_>, mut f: impl FnMut(&Path<'_>, &String)) {
            for key in self.0.keys() {
                f(&path.str_key(key), key);
            }
        }
    }

    /// The walks of any other type.
    pub trait AnyKeyed<T: ?Sized> {
        /// [`Elements::each_element`].
        fn each_element(&self, path: &Path<'_>, f: impl FnMut(&Path<'_>, &T::Element))
        where
            T: Elements;
        /// [`MapKeys::each_key`].
        fn each_key(&self, path: &Path<'_>, f: impl FnMut(&Path<'_>, &T::Key))
        where
            T: MapKeys;
    }

    impl<T: ?Sized> AnyKeyed<T> for Keyed<'_, T> {
        fn each_element(&self, path: &Path<'_>, f: impl FnMut(&Path<'_>, &T::Element))
        where
            T: Elements,
        {
            self.0.each_element(path, f);
        }
        fn each_key(&self, path: &Path<'_>, f: impl FnMut(&Path<'_>, &T::Key))
        where
            T: MapKeys,
        {
            self.0.each_key(path, f);
        }
    }

    #[cfg(test)]
    mod tests {
        use std::collections::{BTreeMap, HashMap};

        #[allow(unused_imports)]
        use super::{AnyKeyed as _, Keyed, StrKeyed as _};
        use crate::validation::Path;

        #[test]
        #[allow(
            clippy::needless_borrow,
            reason = "`&&Keyed(..)` as the derive writes it: the borrows choose the walk"
        )]
        fn string_keyed_maps_and_others_walk_to_the_same_paths() {
            let root = Path::root();
            let at = root.field("m");
            let map: HashMap<String, u8> = [("a\"b".to_owned(), 1), ("k".to_owned(), 2)].into();
            let tree: BTreeMap<String, u8> = map.clone().into_iter().collect();
            let numbers: BTreeMap<u8, u8> = [(7, 1)].into();
            let mut paths = Vec::new();
            (&&Keyed(&map)).each_key(&at, |path, _| paths.push(path.render()));
            (&&Keyed(&tree)).each_element(&at, |path, _| paths.push(path.render()));
            (&&Keyed(&numbers)).each_key(&at, |path, _| paths.push(path.render()));
            paths.sort();
            assert_eq!(
                paths,
                [
                    r#"m["a\"b"]"#,
                    r#"m["a\"b"]"#,
                    r#"m["k"]"#,
                    r#"m["k"]"#,
                    "m[7]"
                ]
            );
        }
    }
}
