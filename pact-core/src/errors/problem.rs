//! The RFC 9457 problem body.

use std::borrow::Cow;
use std::fmt;
use std::ops::Index;

use http::StatusCode;
use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};

/// The media type of a problem body, `application/problem+json` (RFC 9457 §3).
///
/// ```
/// assert_eq!(pact_core::PROBLEM_JSON, "application/problem+json");
/// ```
pub const PROBLEM_JSON: &str = "application/problem+json";

/// The default problem type (RFC 9457 §4.2.1): the problem has no meaning beyond its status.
///
/// ```
/// use pact_core::{ABOUT_BLANK, ProblemDetails, http::StatusCode};
/// assert_eq!(ProblemDetails::new(StatusCode::GONE, "gone").type_uri, ABOUT_BLANK);
/// ```
pub const ABOUT_BLANK: &str = "about:blank";

/// An RFC 9457 problem details object, with pact's extension members `code` and `errors`.
///
/// Serialized member order: `type`, `title`, `status`, `detail`, `instance`, `code`, `errors`,
/// then any other extension members.
///
/// ```
/// use pact_core::{FieldError, ProblemDetails};
/// use pact_core::http::StatusCode;
///
/// let mut problem = ProblemDetails::new(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed")
///     .with_detail("2 fields are invalid");
/// problem.errors.push(FieldError::new("email", "email", "not an email address"));
/// problem.extensions.insert("retryable".into(), false.into());
///
/// let json = serde_json::to_value(&problem).unwrap();
/// assert_eq!(json["type"], "about:blank");
/// assert_eq!(json["title"], "Unprocessable Entity");
/// assert_eq!(json["status"], 422);
/// assert_eq!(json["code"], "validation_failed");
/// assert_eq!(json["errors"][0]["path"], "email");
/// assert_eq!(json["retryable"], false);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ProblemDetails {
    /// A URI reference that identifies the problem type; `about:blank` by default.
    #[serde(rename = "type", default = "about_blank")]
    pub type_uri: String,
    /// A short summary of the problem type.
    #[serde(default)]
    pub title: String,
    /// The HTTP status code of this occurrence.
    pub status: u16,
    /// An explanation specific to this occurrence, written for the client.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// A URI reference that identifies this occurrence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instance: Option<String>,
    /// A stable, machine-readable error code (extension member).
    #[serde(default)]
    pub code: String,
    /// Field-level errors, such as the rule violations of a request body (extension member;
    /// omitted when empty).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
    /// Any other extension members, serialized beside the standard ones.
    #[serde(flatten)]
    pub extensions: Map<String, Value>,
}

fn about_blank() -> String {
    ABOUT_BLANK.to_owned()
}

impl ProblemDetails {
    /// A problem of type `about:blank` whose title is the status's reason phrase.
    ///
    /// ```
    /// # use pact_core::{ProblemDetails, http::StatusCode};
    /// let problem = ProblemDetails::new(StatusCode::NOT_FOUND, "user_not_found");
    /// assert_eq!(problem.title, "Not Found");
    /// assert_eq!(problem.detail, None);
    /// ```
    #[must_use]
    pub fn new(status: StatusCode, code: impl Into<String>) -> Self {
        Self {
            type_uri: about_blank(),
            title: status.canonical_reason().unwrap_or_default().to_owned(),
            status: status.as_u16(),
            detail: None,
            instance: None,
            code: code.into(),
            errors: Vec::new(),
            extensions: Map::new(),
        }
    }

    /// Sets `detail`.
    ///
    /// ```
    /// # use pact_core::{ProblemDetails, http::StatusCode};
    /// let problem = ProblemDetails::new(StatusCode::CONFLICT, "email_taken").with_detail("taken");
    /// assert_eq!(problem.detail.as_deref(), Some("taken"));
    /// ```
    #[must_use]
    pub fn with_detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = Some(detail.into());
        self
    }

    /// Sets `instance`.
    ///
    /// ```
    /// # use pact_core::{ProblemDetails, http::StatusCode};
    /// let problem = ProblemDetails::new(StatusCode::GONE, "gone").with_instance("/orders/7");
    /// assert_eq!(problem.instance.as_deref(), Some("/orders/7"));
    /// ```
    #[must_use]
    pub fn with_instance(mut self, instance: impl Into<String>) -> Self {
        self.instance = Some(instance.into());
        self
    }

    /// The status as a [`StatusCode`]; a status outside 100..=999 (possible only in a
    /// deserialized body) reads as 500.
    ///
    /// ```
    /// # use pact_core::{ProblemDetails, http::StatusCode};
    /// let problem = ProblemDetails::new(StatusCode::IM_A_TEAPOT, "teapot");
    /// assert_eq!(problem.status_code(), StatusCode::IM_A_TEAPOT);
    /// ```
    #[must_use]
    pub fn status_code(&self) -> StatusCode {
        StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }
}

/// One field-level error in a problem's `errors` member.
///
/// `code` and `message` are [`Cow`]s, so the static codes and messages of the built-in rules
/// are never copied.
///
/// ```
/// use pact_core::FieldError;
///
/// let error = FieldError::new("address.street", "length", "must be at most 80 characters")
///     .with_param("max", 80);
/// let json = serde_json::to_value(&error).unwrap();
/// assert_eq!(json["path"], "address.street");
/// assert_eq!(json["params"]["max"], 80);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FieldError {
    /// JSON-style path of the offending value, such as `address.street` or `tags[3]`.
    pub path: String,
    /// Stable, machine-readable code of the violated rule, such as `length`.
    pub code: Cow<'static, str>,
    /// Human-readable explanation.
    pub message: Cow<'static, str>,
    /// Parameters of the rule, such as `min` and `max` (omitted when empty).
    #[serde(default, skip_serializing_if = "Params::is_empty")]
    pub params: Params,
}

impl FieldError {
    /// A field error without parameters. Static codes and messages are borrowed, not copied.
    ///
    /// ```
    /// # use pact_core::FieldError;
    /// let error = FieldError::new("tags[3]", "length", "at most 20 characters");
    /// assert!(error.params.is_empty());
    /// assert_eq!(error.code, "length");
    ///
    /// let error = FieldError::new(String::from("age"), "range", format!("at least {}", 18));
    /// assert_eq!(error.message, "at least 18");
    /// ```
    #[must_use]
    pub fn new(
        path: impl Into<String>,
        code: impl Into<Cow<'static, str>>,
        message: impl Into<Cow<'static, str>>,
    ) -> Self {
        Self {
            path: path.into(),
            code: code.into(),
            message: message.into(),
            params: Params::new(),
        }
    }

    /// Adds a parameter (replacing the value of one of the same name).
    ///
    /// ```
    /// # use pact_core::FieldError;
    /// let error = FieldError::new("age", "range", "too young").with_param("min", 18);
    /// assert_eq!(error.params["min"], 18);
    /// ```
    #[must_use]
    pub fn with_param(
        mut self,
        name: impl Into<Cow<'static, str>>,
        value: impl Into<Value>,
    ) -> Self {
        self.params.insert(name, value);
        self
    }
}

/// One parameter: its name and value.
type Param = (Cow<'static, str>, Value);

/// How many parameters [`Params`] holds without allocating.
const INLINE: usize = 2;

/// The parameter names of the built-in rules: an inline parameter stores its name as an index
/// into this table, which keeps [`Params`] (and so [`RuleError`](crate::RuleError)) small.
const NAMES: [&str; 12] = [
    "min",
    "max",
    "equal",
    "unit",
    "exclusive_min",
    "exclusive_max",
    "allowed",
    "other",
    "needle",
    "prefix",
    "suffix",
    "pattern",
];

/// Indexes into [`NAMES`], for the built-in rules' [`Params::push_known`].
pub(crate) mod name {
    pub(crate) const MIN: u8 = 0;
    pub(crate) const MAX: u8 = 1;
    pub(crate) const EQUAL: u8 = 2;
    pub(crate) const UNIT: u8 = 3;
    pub(crate) const EXCLUSIVE_MIN: u8 = 4;
    pub(crate) const EXCLUSIVE_MAX: u8 = 5;
    pub(crate) const PATTERN: u8 = 11;
}

/// The index of `name` in [`NAMES`].
fn known_name(name: &str) -> Option<u8> {
    (0_u8..)
        .zip(NAMES)
        .find_map(|(index, known)| (known == name).then_some(index))
}

/// The parameters of a violated rule, such as `min` and `max`: a small map from names to JSON
/// values that keeps its entries in insertion order and serializes as a JSON object.
///
/// Two parameters named as those of the built-in rules (`min`, `max`, `equal`, `unit`,
/// `exclusive_min`, `exclusive_max`, `allowed`, `other`, `needle`, `prefix`, `suffix`,
/// `pattern`) are stored inline, so the errors of the built-in rules carry their parameters
/// without allocating; more parameters, or other names, are stored in a `Vec`.
/// Indexing with a name that is absent panics, as with [`serde_json::Map`]; use
/// [`get`](Params::get) when it may be absent. Equality ignores the order of the entries.
///
/// ```
/// use pact_core::Params;
///
/// let mut params = Params::new();
/// params.insert("min", 3);
/// params.insert("max", 20);
/// assert_eq!(params["min"], 3);
/// assert_eq!(params.get("equal"), None);
/// assert_eq!(serde_json::to_string(&params).unwrap(), r#"{"min":3,"max":20}"#);
///
/// let back: Params = serde_json::from_str(r#"{"max":20,"min":3}"#).unwrap();
/// assert_eq!(back, params);
/// ```
#[derive(Clone)]
pub struct Params {
    repr: Repr,
}

/// Inline parameters are named `NAMES[name]`. One variant per count, so that dropping or
/// moving params only touches the values there are.
#[derive(Clone)]
enum Repr {
    Zero,
    One(u8, Value),
    Two([u8; INLINE], [Value; INLINE]),
    Heap(Vec<Param>),
}

impl Params {
    /// No parameters. Does not allocate.
    ///
    /// ```
    /// # use pact_core::Params;
    /// assert!(Params::new().is_empty());
    /// ```
    #[must_use]
    pub const fn new() -> Self {
        Self { repr: Repr::Zero }
    }

    /// How many parameters there are.
    ///
    /// ```
    /// # use pact_core::Params;
    /// let params: Params = [("min", 1), ("max", 9)].into_iter().collect();
    /// assert_eq!(params.len(), 2);
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        match &self.repr {
            Repr::Zero => 0,
            Repr::One(..) => 1,
            Repr::Two(..) => INLINE,
            Repr::Heap(entries) => entries.len(),
        }
    }

    /// Whether there are no parameters.
    ///
    /// ```
    /// # use pact_core::Params;
    /// let mut params = Params::new();
    /// assert!(params.is_empty());
    /// params.insert("max", 9);
    /// assert!(!params.is_empty());
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The entry at `index`, which is below `len()`.
    fn entry(&self, index: usize) -> (&str, &Value) {
        match &self.repr {
            Repr::Zero => unreachable!("`Params::entry` past the end"),
            Repr::One(name, value) => (NAMES[usize::from(*name)], value),
            Repr::Two(names, values) => (NAMES[usize::from(names[index])], &values[index]),
            Repr::Heap(entries) => {
                let (name, value) = &entries[index];
                (name, value)
            }
        }
    }

    /// The value at `index`, which is below `len()`.
    fn value_mut(&mut self, index: usize) -> &mut Value {
        match &mut self.repr {
            Repr::Zero => unreachable!("`Params::value_mut` past the end"),
            Repr::One(_, value) => value,
            Repr::Two(_, values) => &mut values[index],
            Repr::Heap(entries) => &mut entries[index].1,
        }
    }

    /// The index of the entry named `name`.
    fn position(&self, name: &str) -> Option<usize> {
        (0..self.len()).find(|&index| self.entry(index).0 == name)
    }

    /// The value of the parameter `name`, if there is one.
    ///
    /// ```
    /// # use pact_core::Params;
    /// let params: Params = [("max", 9)].into_iter().collect();
    /// assert_eq!(params.get("max"), Some(&serde_json::json!(9)));
    /// assert_eq!(params.get("min"), None);
    /// ```
    #[must_use]
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.position(name).map(|index| self.entry(index).1)
    }

    /// Whether there is a parameter `name`.
    ///
    /// ```
    /// # use pact_core::Params;
    /// let params: Params = [("max", 9)].into_iter().collect();
    /// assert!(params.contains_key("max"));
    /// assert!(!params.contains_key("min"));
    /// ```
    #[must_use]
    pub fn contains_key(&self, name: &str) -> bool {
        self.position(name).is_some()
    }

    /// Sets the parameter `name` to `value`, and returns its previous value. A new name goes
    /// last; a name already present keeps its place.
    ///
    /// ```
    /// # use pact_core::Params;
    /// let mut params = Params::new();
    /// assert_eq!(params.insert("min", 1), None);
    /// params.insert("max", 9);
    /// assert_eq!(params.insert("min", 2), Some(serde_json::json!(1)));
    /// assert_eq!(params["min"], 2);
    /// assert_eq!(params.len(), 2);
    /// ```
    pub fn insert(
        &mut self,
        name: impl Into<Cow<'static, str>>,
        value: impl Into<Value>,
    ) -> Option<Value> {
        self.insert_param(name.into(), value.into())
    }

    /// The value of the parameter `NAMES[name]`, without comparing names as text when inline.
    #[inline]
    pub(crate) fn get_known(&self, name: u8) -> Option<&Value> {
        match &self.repr {
            Repr::Zero => None,
            Repr::One(known, value) => (*known == name).then_some(value),
            Repr::Two(names, values) => names
                .iter()
                .zip(values)
                .find_map(|(known, value)| (*known == name).then_some(value)),
            Repr::Heap(_) => self.get(NAMES[usize::from(name)]),
        }
    }

    /// The parameter `NAMES[name]`: what the built-in rules build, without looking it up.
    #[inline]
    pub(crate) fn one(name: u8, value: Value) -> Self {
        Self {
            repr: Repr::One(name, value),
        }
    }

    /// The parameters `NAMES[first.0]` and `NAMES[second.0]`, whose names must differ.
    #[inline]
    pub(crate) fn two(first: (u8, Value), second: (u8, Value)) -> Self {
        Self {
            repr: Repr::Two([first.0, second.0], [first.1, second.1]),
        }
    }

    /// Adds the parameter `NAMES[name]`, which must not be present yet: what the built-in
    /// rules use, without looking the name up.
    #[inline]
    pub(crate) fn push_known(&mut self, name: u8, value: Value) {
        match &mut self.repr {
            Repr::Zero => self.repr = Repr::One(name, value),
            Repr::One(first, first_value) => {
                let first = *first;
                let first_value = std::mem::take(first_value);
                self.repr = Repr::Two([first, name], [first_value, value]);
            }
            _ => self
                .spill()
                .push((Cow::Borrowed(NAMES[usize::from(name)]), value)),
        }
    }

    /// The entries in a `Vec`, moved there if they were inline.
    #[cold]
    fn spill(&mut self) -> &mut Vec<Param> {
        if !matches!(self.repr, Repr::Heap(_)) {
            let inline = std::mem::replace(&mut self.repr, Repr::Zero);
            let mut entries = Vec::with_capacity(2 * INLINE);
            entries.extend(Self { repr: inline }.into_entries());
            self.repr = Repr::Heap(entries);
        }
        match &mut self.repr {
            Repr::Heap(entries) => entries,
            _ => unreachable!("the entries were just moved to the heap"),
        }
    }

    fn insert_param(&mut self, name: Cow<'static, str>, value: Value) -> Option<Value> {
        if let Some(index) = self.position(&name) {
            return Some(std::mem::replace(self.value_mut(index), value));
        }
        match known_name(&name) {
            Some(known) if self.len() < INLINE => self.push_known(known, value),
            _ => self.spill().push((name, value)),
        }
        None
    }

    /// The parameters, in insertion order.
    ///
    /// ```
    /// # use pact_core::Params;
    /// let params: Params = [("min", 1), ("max", 9)].into_iter().collect();
    /// let names: Vec<&str> = params.iter().map(|(name, _)| name).collect();
    /// assert_eq!(names, ["min", "max"]);
    /// ```
    #[must_use]
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&str, &Value)> + DoubleEndedIterator {
        (0..self.len()).map(|index| self.entry(index))
    }

    /// The parameters, in insertion order, by value.
    fn into_entries(self) -> Vec<Param> {
        let entry = |name: u8, value| (Cow::Borrowed(NAMES[usize::from(name)]), value);
        match self.repr {
            Repr::Zero => Vec::new(),
            Repr::One(name, value) => vec![entry(name, value)],
            Repr::Two(names, values) => names
                .into_iter()
                .zip(values)
                .map(|(name, value)| entry(name, value))
                .collect(),
            Repr::Heap(entries) => entries,
        }
    }
}

impl Default for Params {
    fn default() -> Self {
        Self::new()
    }
}

impl fmt::Debug for Params {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

/// Equal when both hold the same names with equal values, in any order.
impl PartialEq for Params {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len()
            && self
                .iter()
                .all(|(name, value)| other.get(name) == Some(value))
    }
}

/// `params["max"]`: the value of a parameter.
///
/// # Panics
/// When there is no parameter of that name.
impl Index<&str> for Params {
    type Output = Value;

    fn index(&self, name: &str) -> &Value {
        match self.get(name) {
            Some(value) => value,
            None => panic!("no param named `{name}`"),
        }
    }
}

impl<K: Into<Cow<'static, str>>, V: Into<Value>> FromIterator<(K, V)> for Params {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        let mut params = Self::new();
        params.extend(iter);
        params
    }
}

impl<K: Into<Cow<'static, str>>, V: Into<Value>> Extend<(K, V)> for Params {
    fn extend<I: IntoIterator<Item = (K, V)>>(&mut self, iter: I) {
        for (name, value) in iter {
            self.insert(name, value);
        }
    }
}

impl From<Map<String, Value>> for Params {
    fn from(map: Map<String, Value>) -> Self {
        map.into_iter().collect()
    }
}

impl From<Params> for Map<String, Value> {
    fn from(params: Params) -> Self {
        params
            .into_entries()
            .into_iter()
            .map(|(name, value)| (name.into_owned(), value))
            .collect()
    }
}

/// As a JSON object, in insertion order.
impl Serialize for Params {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter())
    }
}

/// From a JSON object; of repeated names, the last value wins.
impl<'de> Deserialize<'de> for Params {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ParamsVisitor;

        impl<'de> Visitor<'de> for ParamsVisitor {
            type Value = Params;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a map of rule parameters")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Params, A::Error> {
                let mut params = Params::new();
                while let Some((name, value)) = map.next_entry::<String, Value>()? {
                    params.insert(name, value);
                }
                Ok(params)
            }
        }

        deserializer.deserialize_map(ParamsVisitor)
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::{FieldError, Params};

    #[test]
    fn params_spill_keep_order_and_replace() {
        let mut params = Params::new();
        params.insert("min", 1);
        params.insert(String::from("now"), "today"); // not a built-in name: spills
        params.insert("max", 9);
        params.insert("unit", "bytes");
        assert_eq!(params.insert("now", "tomorrow"), Some(json!("today")));
        let names: Vec<&str> = params.iter().map(|(name, _)| name).collect();
        assert_eq!(names, ["min", "now", "max", "unit"]);
        assert_eq!(params["now"], "tomorrow");
        assert_eq!(
            serde_json::to_string(&params).unwrap(),
            r#"{"min":1,"now":"tomorrow","max":9,"unit":"bytes"}"#
        );
        let map = serde_json::Map::from(params.clone());
        assert_eq!(Params::from(map), params);
    }

    #[test]
    fn known_names_index_the_table() {
        use super::{NAMES, name};
        for (index, expected) in [
            (name::MIN, "min"),
            (name::MAX, "max"),
            (name::EQUAL, "equal"),
            (name::UNIT, "unit"),
            (name::EXCLUSIVE_MIN, "exclusive_min"),
            (name::EXCLUSIVE_MAX, "exclusive_max"),
            (name::PATTERN, "pattern"),
        ] {
            assert_eq!(NAMES[usize::from(index)], expected);
        }
        let mut params = Params::new();
        for index in [name::MIN, name::MAX, name::UNIT] {
            params.push_known(index, json!(index));
        }
        assert_eq!(
            params,
            [("min", 0), ("max", 1), ("unit", 3)].into_iter().collect()
        );
    }

    #[test]
    fn params_equality_ignores_order() {
        let a: Params = [("min", 1), ("max", 2)].into_iter().collect();
        let b: Params = [("max", 2), ("min", 1)].into_iter().collect();
        let c: Params = [("max", 2), ("min", 3)].into_iter().collect();
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert_ne!(a, Params::new());
    }

    #[test]
    fn field_errors_round_trip() {
        let error = FieldError::new("tags[3]", "length", "too long")
            .with_param("max", 20)
            .with_param("min", 1)
            .with_param("unit", "bytes");
        let json = serde_json::to_value(&error).unwrap();
        assert_eq!(
            json["params"],
            json!({"max": 20, "min": 1, "unit": "bytes"})
        );
        let back: FieldError = serde_json::from_value(json).unwrap();
        assert_eq!(back, error);
        let bare: FieldError =
            serde_json::from_str(r#"{"path":"a","code":"c","message":"m"}"#).unwrap();
        assert!(bare.params.is_empty());
        assert!(!serde_json::to_string(&bare).unwrap().contains("params"));
    }

    #[test]
    #[should_panic = "no param named `max`"]
    fn indexing_an_absent_param_panics() {
        let _ = &Params::new()["max"];
    }
}
