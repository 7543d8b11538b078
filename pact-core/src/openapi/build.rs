//! What `#[derive(Dto)]` calls to build a schema: the type's own schema, then each rule put in
//! as its JSON Schema keyword. A rule that has no keyword, or no place in the schema it applies
//! to, is never dropped: it is listed in the description and in the `x-pact-rules` extension.

use std::borrow::Cow;

use utoipa::openapi::RefOr;
use utoipa::openapi::extensions::Extensions;
use utoipa::openapi::schema::{
    AdditionalProperties, AllOf, AnyOf, Array, ArrayItems, Object, OneOf, Ref, Schema,
    SchemaFormat, SchemaType, Type,
};
use utoipa::{Number, ToSchema};

/// A schema or a reference to one, as utoipa passes them.
pub type SchemaRef = RefOr<Schema>;

/// The extension that lists the rules a schema cannot express.
pub const RULES_EXTENSION: &str = "x-pact-rules";

/// A `$ref` to `T`'s schema in the document's components.
#[must_use]
pub fn reference<T: ToSchema + ?Sized>() -> SchemaRef {
    RefOr::Ref(Ref::from_schema_name(T::name()))
}

/// Adds `T`'s schema and those it refers to, once each (recursive types stop).
pub fn collect<T: ToSchema + ?Sized>(out: &mut Vec<(String, SchemaRef)>) {
    let name = T::name().into_owned();
    if out.iter().any(|(existing, _)| *existing == name) {
        return;
    }
    out.push((name, T::schema()));
    T::schemas(out);
}

/// A string, with a `format` when one is known (`uuid`, `date-time`, ...).
#[must_use]
pub fn string(format: Option<&str>) -> SchemaRef {
    let mut object = Object::with_type(Type::String);
    object.format = format.map(|format| SchemaFormat::Custom(format.to_owned()));
    RefOr::T(Schema::Object(object))
}

/// Any JSON value.
#[must_use]
pub fn any() -> SchemaRef {
    let mut object = Object::new();
    object.schema_type = SchemaType::AnyValue;
    RefOr::T(Schema::Object(object))
}

/// An array of `items` (`unique` for sets, `len` for a fixed-size array).
#[must_use]
pub fn array(items: SchemaRef, unique: bool, len: Option<usize>) -> SchemaRef {
    let mut array = Array::new(items);
    array.unique_items = unique;
    array.min_items = len;
    array.max_items = len;
    RefOr::T(Schema::Array(array))
}

/// A map: an object whose member names are the keys and whose values follow `values`.
#[must_use]
pub fn map(values: SchemaRef) -> SchemaRef {
    let mut object = Object::with_type(Type::Object);
    object.additional_properties = Some(Box::new(AdditionalProperties::RefOr(values)));
    RefOr::T(Schema::Object(object))
}

/// `schema`, or `null`.
#[must_use]
pub fn nullable(schema: SchemaRef) -> SchemaRef {
    let mut one_of = OneOf::new();
    one_of.items = vec![
        RefOr::T(Schema::Object(Object::with_type(Type::Null))),
        schema,
    ];
    RefOr::T(Schema::OneOf(one_of))
}

/// A schema every value of which matches all of `items`.
#[must_use]
pub fn all_of(items: Vec<SchemaRef>) -> SchemaRef {
    let mut all_of = AllOf::new();
    all_of.items = items;
    RefOr::T(Schema::AllOf(all_of))
}

/// A schema every value of which matches exactly one of `items`.
#[must_use]
pub fn one_of(items: Vec<SchemaRef>) -> SchemaRef {
    let mut one_of = OneOf::new();
    one_of.items = items;
    RefOr::T(Schema::OneOf(one_of))
}

/// A schema every value of which matches at least one of `items` (an untagged enum: serde
/// takes the first variant that fits, so several may).
#[must_use]
pub fn any_of(items: Vec<SchemaRef>) -> SchemaRef {
    let mut any_of = AnyOf::new();
    any_of.items = items;
    RefOr::T(Schema::AnyOf(any_of))
}

/// A string that can only be `value` (an enum variant's name or tag).
#[must_use]
pub fn constant(value: &str) -> SchemaRef {
    let mut object = Object::with_type(Type::String);
    object.enum_values = Some(vec![value.into()]);
    RefOr::T(Schema::Object(object))
}

/// An object schema built member by member.
#[derive(Default)]
pub struct ObjectSchema {
    object: Object,
    /// Flattened members: `allOf` with the object.
    flattened: Vec<SchemaRef>,
}

impl ObjectSchema {
    /// An empty object.
    #[must_use]
    pub fn new() -> Self {
        Self {
            object: Object::with_type(Type::Object),
            flattened: Vec::new(),
        }
    }

    /// Adds the member `name`.
    pub fn property(&mut self, name: &str, required: bool, schema: SchemaRef) {
        self.object.properties.insert(name.to_owned(), schema);
        if required {
            self.object.required.push(name.to_owned());
        }
    }

    /// `#[serde(flatten)]`: the members of `schema` sit beside this object's own.
    pub fn flatten(&mut self, schema: SchemaRef) {
        self.flattened.push(schema);
    }

    /// The schema, with `description` and the notes of checks it cannot express.
    #[must_use]
    pub fn build(self, description: Option<&str>, notes: &[&str]) -> SchemaRef {
        let mut schema = RefOr::T(Schema::Object(self.object));
        if !self.flattened.is_empty() {
            let mut items = vec![schema];
            items.extend(self.flattened);
            schema = all_of(items);
        }
        if let Some(description) = description {
            describe(&mut schema, description);
        }
        for text in notes {
            note(&mut schema, text);
        }
        schema
    }
}

/// Sets the description (a `$ref` is wrapped in `allOf` so it can carry one).
pub fn describe(schema: &mut SchemaRef, text: &str) {
    let (description, _) = annotations(schema);
    match description {
        Some(existing) if !existing.is_empty() => *existing = format!("{text}\n\n{existing}"),
        _ => *description = Some(text.to_owned()),
    }
}

/// Lists a check the schema cannot express, in the description and in `x-pact-rules`.
pub fn note(schema: &mut SchemaRef, rule: &str) {
    let (description, extensions) = annotations(schema);
    let line = format!("Also checked by the server: `{rule}`.");
    *description = Some(match description.take() {
        Some(existing) if !existing.is_empty() => format!("{existing}\n\n{line}"),
        _ => line,
    });
    let extensions = extensions.get_or_insert_with(Extensions::default);
    let list = extensions
        .entry(RULES_EXTENSION.to_owned())
        .or_insert_with(|| serde_json::Value::Array(Vec::new()));
    if let serde_json::Value::Array(list) = list {
        list.push(rule.into());
    }
}

/// The description and extensions of `schema`, wrapping a `$ref` in `allOf` first.
fn annotations(schema: &mut SchemaRef) -> (&mut Option<String>, &mut Option<Extensions>) {
    if let RefOr::Ref(reference) = schema {
        let reference = std::mem::take(reference);
        *schema = all_of(vec![RefOr::Ref(reference)]);
    }
    let RefOr::T(schema) = schema else {
        unreachable!("a `$ref` was just wrapped")
    };
    match schema {
        Schema::Object(object) => (&mut object.description, &mut object.extensions),
        Schema::Array(array) => (&mut array.description, &mut array.extensions),
        Schema::OneOf(one_of) => (&mut one_of.description, &mut one_of.extensions),
        Schema::AllOf(all_of) => (&mut all_of.description, &mut all_of.extensions),
        Schema::AnyOf(any_of) => (&mut any_of.description, &mut any_of.extensions),
        _ => unreachable!("utoipa's `Schema` is non-exhaustive; every variant is named above"),
    }
}

/// What a rule constrains: the schema's own kind.
enum Kind<'a> {
    Text(&'a mut Object),
    Number(&'a mut Object),
    Map(&'a mut Object),
    List(&'a mut Array),
    Other,
}

fn kind(schema: &mut SchemaRef) -> Kind<'_> {
    match schema {
        RefOr::T(Schema::Object(object)) => match &object.schema_type {
            SchemaType::Type(Type::String) => Kind::Text(object),
            SchemaType::Type(Type::Integer | Type::Number) => Kind::Number(object),
            SchemaType::Type(Type::Object) if object.additional_properties.is_some() => {
                Kind::Map(object)
            }
            _ => Kind::Other,
        },
        RefOr::T(Schema::Array(array)) => Kind::List(array),
        _ => Kind::Other,
    }
}

/// `length(min, max)` (`equal` gives both): characters of a string, items of a list, members
/// of a map.
pub fn length(schema: &mut SchemaRef, min: Option<usize>, max: Option<usize>, rule: &str) {
    match kind(schema) {
        Kind::Text(object) => {
            object.min_length = min.max(object.min_length);
            object.max_length = tighter_max(object.max_length, max);
        }
        Kind::Map(object) => {
            object.min_properties = min.max(object.min_properties);
            object.max_properties = tighter_max(object.max_properties, max);
        }
        Kind::List(array) => {
            array.min_items = min.max(array.min_items);
            array.max_items = tighter_max(array.max_items, max);
        }
        Kind::Number(_) | Kind::Other => note(schema, rule),
    }
}

fn tighter_max(old: Option<usize>, new: Option<usize>) -> Option<usize> {
    match (old, new) {
        (Some(old), Some(new)) => Some(old.min(new)),
        (old, new) => old.or(new),
    }
}

/// `non_empty`: at least one character, item or member.
pub fn non_empty(schema: &mut SchemaRef, rule: &str) {
    length(schema, Some(1), None, rule);
}

/// A bound of `range`: `None` when not given, `Some(None)` when given but not a number the
/// schema can hold (a date, say).
pub type Limit = Option<Option<Number>>;

/// `range(...)`: `minimum`, `maximum`, `exclusiveMinimum`, `exclusiveMaximum`.
pub fn range(schema: &mut SchemaRef, bounds: [Limit; 4], rule: &str) {
    let numeric = bounds.iter().all(|bound| !matches!(bound, Some(None)));
    match kind(schema) {
        Kind::Number(object) if numeric => {
            let [min, max, exclusive_min, exclusive_max] = bounds.map(Option::flatten);
            if min.is_some() {
                object.minimum = min;
            }
            if max.is_some() {
                object.maximum = max;
            }
            object.exclusive_minimum = exclusive_min;
            object.exclusive_maximum = exclusive_max;
        }
        _ => note(schema, rule),
    }
}

/// A rule that is a string `format` (`email`, `uri`, `uuid`, `ipv4`, `ipv6`).
pub fn format(schema: &mut SchemaRef, format: &str, rule: &str) {
    match kind(schema) {
        Kind::Text(object) if object.format.is_none() => {
            object.format = Some(SchemaFormat::Custom(format.to_owned()));
        }
        // A `uuid` rule on a field whose type already says `format: uuid`.
        Kind::Text(object) if serde_json::to_value(&object.format).ok() == Some(format.into()) => {}
        _ => note(schema, rule),
    }
}

/// A rule that is a regular expression (`pattern`, and `prefix`, `suffix`, `contains` with
/// their text escaped). JSON Schema has one `pattern` per schema: a second one is noted.
pub fn pattern(schema: &mut SchemaRef, regex: &str, rule: &str) {
    match kind(schema) {
        Kind::Text(object) if object.pattern.is_none() => {
            object.pattern = Some(regex.to_owned());
        }
        _ => note(schema, rule),
    }
}

/// `one_of(...)`: the allowed values.
pub fn allowed(schema: &mut SchemaRef, values: Vec<serde_json::Value>, rule: &str) {
    match kind(schema) {
        Kind::Text(object) | Kind::Number(object) if object.enum_values.is_none() => {
            object.enum_values = Some(values);
        }
        _ => note(schema, rule),
    }
}

/// `each(...)`: `rules` applied to the items of a list (the values of a map).
pub fn each(schema: &mut SchemaRef, rule: &str, rules: impl FnOnce(&mut SchemaRef)) {
    match schema {
        RefOr::T(Schema::Array(array)) => {
            if let ArrayItems::RefOrSchema(items) = &mut array.items {
                rules(items);
                return;
            }
        }
        RefOr::T(Schema::Object(object)) => {
            if let Some(values) = object.additional_properties.as_deref_mut()
                && let AdditionalProperties::RefOr(values) = values
            {
                rules(values);
                return;
            }
        }
        _ => {}
    }
    note(schema, rule);
}

/// `keys(...)`: `rules` applied to the member names of a map (`propertyNames`).
pub fn keys(schema: &mut SchemaRef, rule: &str, rules: impl FnOnce(&mut SchemaRef)) {
    if let Kind::Map(object) = kind(schema) {
        let mut names = string(None);
        rules(&mut names);
        if let RefOr::T(names) = names {
            object.property_names = Some(Box::new(names));
            return;
        }
    }
    note(schema, rule);
}

/// A numeric literal or constant the derive turns into a JSON number.
pub trait ToNumber {
    /// The value as a JSON Schema number.
    fn to_number(&self) -> Number;
}

macro_rules! to_number {
    ($variant:ident as $as:ty: $($ty:ty),*) => {$(
        impl ToNumber for $ty {
            #[allow(clippy::cast_possible_wrap, clippy::cast_possible_truncation, clippy::cast_lossless, trivial_numeric_casts)]
            fn to_number(&self) -> Number {
                Number::$variant(*self as $as)
            }
        }
    )*};
}
to_number!(Int as isize: i8, i16, i32, i64, isize);
to_number!(UInt as usize: u8, u16, u32, u64, usize);
to_number!(Float as f64: f32, f64);

/// A bound of `range` or a value of `one_of` that is not a literal: numbers become numbers
/// (see [`NumericBound`]), anything else gives `None` (see [`OtherBound`]).
pub struct Bound<'a, T: ?Sized>(pub &'a T);

/// [`Bound`] of a number.
pub trait NumericBound {
    /// The number.
    fn number(&self) -> Option<Number>;
}

impl<T: ToNumber + ?Sized> NumericBound for Bound<'_, T> {
    fn number(&self) -> Option<Number> {
        Some(self.0.to_number())
    }
}

/// [`Bound`] of anything else, found by auto-ref when `T` is no number.
pub trait OtherBound {
    /// `None`: no JSON number.
    fn number(&self) -> Option<Number> {
        None
    }
}

impl<T: ?Sized> OtherBound for &Bound<'_, T> {}

/// A `one_of` value that is not a literal, as JSON: strings and numbers.
pub trait ToJson {
    /// The value, when it is one JSON can hold.
    fn to_json(&self) -> Option<serde_json::Value>;
}

impl ToJson for str {
    fn to_json(&self) -> Option<serde_json::Value> {
        Some(self.into())
    }
}

impl ToJson for String {
    fn to_json(&self) -> Option<serde_json::Value> {
        Some(self.as_str().into())
    }
}

impl ToJson for &str {
    fn to_json(&self) -> Option<serde_json::Value> {
        Some((*self).into())
    }
}

impl<T: ToNumber> ToJson for T {
    fn to_json(&self) -> Option<serde_json::Value> {
        serde_json::to_value(self.to_number()).ok()
    }
}

/// [`Bound`] of a `one_of` value JSON can hold.
pub trait JsonBound {
    /// The value as JSON.
    fn json(&self) -> Option<serde_json::Value>;
}

impl<T: ToJson + ?Sized> JsonBound for Bound<'_, T> {
    fn json(&self) -> Option<serde_json::Value> {
        self.0.to_json()
    }
}

/// [`Bound`] of a `one_of` value of another type, found by auto-ref.
pub trait OtherJson {
    /// `None`: no JSON form the derive knows.
    fn json(&self) -> Option<serde_json::Value> {
        None
    }
}

impl<T: ?Sized> OtherJson for &Bound<'_, T> {}

/// `one_of` values: `None` if any of them has no JSON form, so the rule is noted instead.
#[must_use]
pub fn values(values: &[Option<serde_json::Value>]) -> Option<Vec<serde_json::Value>> {
    values.iter().cloned().collect()
}

/// The name a schema is registered under.
#[must_use]
pub fn name(name: &'static str) -> Cow<'static, str> {
    Cow::Borrowed(name)
}

/// An enum of unit variants, each its name: a string with `enum`.
#[must_use]
pub fn string_enum(names: &[&str]) -> SchemaRef {
    let mut object = Object::with_type(Type::String);
    object.enum_values = Some(names.iter().map(|name| (*name).into()).collect());
    RefOr::T(Schema::Object(object))
}

/// `null` alone (a unit variant of an untagged enum).
#[must_use]
pub fn null() -> SchemaRef {
    RefOr::T(Schema::Object(Object::with_type(Type::Null)))
}

/// [`describe`] when there is a doc comment.
pub fn describe_opt(schema: &mut SchemaRef, text: Option<&str>) {
    if let Some(text) = text {
        describe(schema, text);
    }
}

/// A field type the derive could not read as a standard one: a `$ref` to its schema when it
/// implements `ToSchema` (see [`KnownSchema`]), else any value, described as undocumented (see
/// [`UnknownSchema`]), so a DTO holding a domain type still builds with the feature on.
pub struct Probe<T: ?Sized>(std::marker::PhantomData<T>);

impl<T: ?Sized> Probe<T> {
    /// The probe for `T`.
    #[must_use]
    pub const fn new() -> Self {
        Self(std::marker::PhantomData)
    }
}

impl<T: ?Sized> Default for Probe<T> {
    fn default() -> Self {
        Self::new()
    }
}

/// [`Probe`] of a type with a schema.
pub trait KnownSchema {
    /// A `$ref` to the type's schema.
    fn field_schema(&self) -> SchemaRef;
    /// Adds the type's schema and those it refers to.
    fn collect_into(&self, out: &mut Vec<(String, SchemaRef)>);
}

impl<T: ToSchema + ?Sized> KnownSchema for Probe<T> {
    fn field_schema(&self) -> SchemaRef {
        reference::<T>()
    }

    fn collect_into(&self, out: &mut Vec<(String, SchemaRef)>) {
        collect::<T>(out);
    }
}

/// [`Probe`] of a type without a schema, found by auto-ref.
pub trait UnknownSchema {
    /// Any value, described as undocumented.
    fn field_schema(&self) -> SchemaRef;
    /// Nothing to add.
    fn collect_into(&self, _: &mut Vec<(String, SchemaRef)>) {}
}

impl<T: ?Sized> UnknownSchema for &Probe<T> {
    fn field_schema(&self) -> SchemaRef {
        let mut schema = any();
        describe(
            &mut schema,
            &format!(
                "Undocumented: `{}` implements no `utoipa::ToSchema` (derive `Dto` or `ToSchema` on it).",
                std::any::type_name::<T>()
            ),
        );
        schema
    }
}
