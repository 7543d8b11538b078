//! Bounds inferred only where needed: a field type gets a bound only when it mentions one of
//! the item's type parameters.

use std::collections::BTreeSet;

use syn::visit::{self, Visit};
use syn::{Generics, Ident, Type, WherePredicate};

/// Where-predicates collected while expanding; each `(type, bound)` pair once.
pub struct InferredBounds<'a> {
    params: BTreeSet<&'a Ident>,
    seen: BTreeSet<String>,
    predicates: Vec<WherePredicate>,
}

impl<'a> InferredBounds<'a> {
    pub fn new(generics: &'a Generics) -> Self {
        Self {
            params: generics.type_params().map(|param| &param.ident).collect(),
            seen: BTreeSet::new(),
            predicates: Vec::new(),
        }
    }

    /// Requires `ty: bound` if `ty` mentions a type parameter.
    pub fn require(&mut self, ty: &Type, bound: &proc_macro2::TokenStream) {
        if !self.mentions_param(ty) {
            return;
        }
        let key = quote::quote!(#ty: #bound).to_string();
        if self.seen.insert(key) {
            self.predicates.push(syn::parse_quote!(#ty: #bound));
        }
    }

    /// Adds the collected predicates to a copy of `generics`.
    pub fn extend(self, generics: &Generics, extra: Option<WherePredicate>) -> Generics {
        let mut generics = generics.clone();
        if self.predicates.is_empty() && extra.is_none() {
            return generics;
        }
        let clause = generics.make_where_clause();
        clause.predicates.extend(extra);
        clause.predicates.extend(self.predicates);
        generics
    }

    fn mentions_param(&self, ty: &Type) -> bool {
        struct Finder<'p, 'a> {
            params: &'p BTreeSet<&'a Ident>,
            found: bool,
        }
        impl<'ast> Visit<'ast> for Finder<'_, '_> {
            fn visit_path(&mut self, path: &'ast syn::Path) {
                if path
                    .segments
                    .first()
                    .is_some_and(|first| self.params.contains(&first.ident))
                {
                    self.found = true;
                }
                visit::visit_path(self, path);
            }
        }
        let mut finder = Finder {
            params: &self.params,
            found: false,
        };
        finder.visit_type(ty);
        finder.found
    }
}
