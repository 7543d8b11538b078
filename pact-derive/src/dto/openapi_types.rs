//! A field's Rust type to the expression of its schema, read syntactically as utoipa's own
//! derive does: standard containers are looked through, primitives use utoipa's schemas, a few
//! well-known types are strings with a `format`, and any other type is a `$ref` to its
//! `ToSchema` impl (a nested DTO derives one).

use proc_macro2::TokenStream;
use quote::quote;
use syn::{GenericArgument, PathArguments, Type};

/// The generated expression, and the types it refers to (whose schemas `ToSchema::schemas`
/// collects).
pub struct TypeSchemas<'p> {
    pub private: &'p TokenStream,
    pub refs: Vec<Type>,
}

const PRIMITIVES: &[&str] = &[
    "String", "str", "char", "bool", "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16",
    "i32", "i64", "i128", "isize", "f32", "f64",
];

const FORMATS: &[(&str, &str)] = &[
    ("Uuid", "uuid"),
    ("DateTime", "date-time"),
    ("NaiveDateTime", "date-time"),
    ("OffsetDateTime", "date-time"),
    ("PrimitiveDateTime", "date-time"),
    ("UtcDateTime", "date-time"),
    ("NaiveDate", "date"),
    ("Date", "date"),
    ("NaiveTime", "time"),
    ("Time", "time"),
    ("Url", "uri"),
    ("Ipv4Addr", "ipv4"),
    ("Ipv6Addr", "ipv6"),
];

impl TypeSchemas<'_> {
    pub fn schema(&mut self, ty: &Type) -> TokenStream {
        let private = self.private;
        let b = quote!(#private::openapi);
        match ty {
            Type::Group(group) => self.schema(&group.elem),
            Type::Paren(paren) => self.schema(&paren.elem),
            Type::Reference(reference) => self.schema(&reference.elem),
            Type::Slice(slice) => {
                let items = self.schema(&slice.elem);
                quote!(#b::array(#items, false, ::core::option::Option::None))
            }
            Type::Array(array) => {
                let items = self.schema(&array.elem);
                let len = &array.len;
                quote!(#b::array(#items, false, ::core::option::Option::Some(#len)))
            }
            Type::Path(path) if path.qself.is_none() => {
                let Some(last) = path.path.segments.last() else {
                    return self.reference(ty);
                };
                let name = last.ident.to_string();
                let args: Vec<&Type> = match &last.arguments {
                    PathArguments::AngleBracketed(args) => args
                        .args
                        .iter()
                        .filter_map(|arg| match arg {
                            GenericArgument::Type(ty) => Some(ty),
                            _ => None,
                        })
                        .collect(),
                    _ => Vec::new(),
                };
                match (name.as_str(), args.as_slice()) {
                    ("Option" | "Patch", [inner]) => {
                        let inner = self.schema(inner);
                        quote!(#b::nullable(#inner))
                    }
                    ("Vec" | "VecDeque" | "LinkedList", [inner]) => {
                        let items = self.schema(inner);
                        quote!(#b::array(#items, false, ::core::option::Option::None))
                    }
                    ("HashSet" | "BTreeSet" | "IndexSet", [inner, ..]) => {
                        let items = self.schema(inner);
                        quote!(#b::array(#items, true, ::core::option::Option::None))
                    }
                    ("HashMap" | "BTreeMap" | "IndexMap", [_, values, ..]) => {
                        let values = self.schema(values);
                        quote!(#b::map(#values))
                    }
                    ("Box" | "Rc" | "Arc" | "Cow", [inner]) => self.schema(inner),
                    ("Value", []) => quote!(#b::any()),
                    (name, []) if PRIMITIVES.contains(&name) => {
                        quote!(<#ty as #private::utoipa::PartialSchema>::schema())
                    }
                    (name, _) => {
                        if let Some((_, format)) = FORMATS.iter().find(|(known, _)| *known == name)
                        {
                            quote!(#b::string(::core::option::Option::Some(#format)))
                        } else {
                            self.reference(ty)
                        }
                    }
                }
            }
            _ => self.reference(ty),
        }
    }

    fn reference(&mut self, ty: &Type) -> TokenStream {
        let private = self.private;
        let text = quote!(#ty).to_string();
        if !self
            .refs
            .iter()
            .any(|known| quote!(#known).to_string() == text)
        {
            self.refs.push(ty.clone());
        }
        quote!((&#private::openapi::Probe::<#ty>::new()).field_schema())
    }
}
