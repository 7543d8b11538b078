//! `impl Entity`: table, columns, per-dialect statements, id access, and the hashing,
//! equality and ordering `MemoryRepository` needs.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;

use super::{default_value, guards, name};
use crate::repository::ast::{Entity, Field, Stored};
use crate::repository::sql::{self, Dialect};
use crate::repository::types::{self, Kind};

pub(super) fn entity_impl(entity: &Entity<'_>) -> TokenStream {
    let krate = &entity.krate;
    let p = quote!(#krate::__private);
    let ident = entity.ident;
    let entity_name = ident.to_string();
    let table = &entity.table;
    let (id_field, id) = entity.id();
    let id_ident = id_field.ident;
    let id_ty = id_field.ty;
    let id_index = id.index;
    let columns = entity.stored().map(|(field, stored)| {
        let column = &field.column;
        let field_name = name(field);
        let mut flags = TokenStream::new();
        for (on, flag) in [
            (stored.id, "id"),
            (stored.generated, "generated"),
            (stored.unique, "unique"),
            (stored.indexed, "indexed"),
            (stored.sortable && !stored.id, "sortable"),
            (stored.nullable, "nullable"),
        ] {
            if on {
                let flag = format_ident!("{flag}");
                flags.extend(quote!(.#flag()));
            }
        }
        if let Some(max) = types::max_len(stored.kind, &stored.sql_types[2]) {
            flags.extend(quote!(.max_len(#max)));
        }
        if let Some(key) = key_name(entity, field, stored) {
            flags.extend(quote!(.key(#key)));
        }
        quote!(#p::Column::new(#column, #field_name) #flags)
    });
    let check_values = check_values(entity);
    let max_page = entity
        .max_page_size
        .map(|max| quote!(const MAX_PAGE_SIZE: ::core::primitive::u32 = #max;));
    let set_id = if id.generated {
        if matches!(id.kind, Kind::Int("i64")) {
            quote!(self.#id_ident = __pact_id;)
        } else {
            quote!(self.#id_ident = #p::convert_id::<#id_ty>(__pact_id)?;)
        }
    } else {
        quote!(let _ = __pact_id;)
    };
    let dialects = Dialect::ALL.map(|d| {
        let variant = format_ident!("{}", d.variant());
        let statements = statements_tokens(entity, d, &p);
        quote!(#p::Dialect::#variant => &#statements,)
    });
    let version = version_support(entity, &p);
    let lifecycle = super::lifecycle::entity_support(entity, &p);
    let keep_id = super::lifecycle::keep_id(entity);
    let memory = memory_support(entity, &p);
    let finders = super::finders::entity_support(entity, &p);
    let guards = guards(entity);
    quote! {
        #[automatically_derived]
        impl #p::Entity for #ident
        where
            #guards
        {
            type Id = #id_ty;
            #finders
            const NAME: &'static ::core::primitive::str = #entity_name;
            const TABLE: &'static ::core::primitive::str = #table;
            const COLUMNS: &'static [#p::Column] = &[#(#columns),*];
            const ID_COLUMN: ::core::primitive::usize = #id_index;
            #max_page

            #[inline]
            fn id(&self) -> &Self::Id {
                &self.#id_ident
            }

            #[inline]
            fn set_generated_id(&mut self, __pact_id: ::core::primitive::i64) -> ::core::result::Result<(), #p::RepoError> {
                #set_id
                ::core::result::Result::Ok(())
            }

            #[inline]
            fn statements(__pact_dialect: #p::Dialect) -> &'static #p::Statements {
                match __pact_dialect {
                    #(#dialects)*
                }
            }

            #version

            #lifecycle

            #keep_id

            #check_values

            #memory
        }
    }
}

/// `VERSION_COLUMN`, `version` and `set_version` for an entity with a `#[repo(version)]`
/// field; nothing otherwise (the trait's defaults say "no version").
fn version_support(entity: &Entity<'_>, p: &TokenStream) -> Option<TokenStream> {
    let (field, stored) = entity.version()?;
    let f = field.ident;
    let ty = field.ty;
    let index = stored.index;
    let (get, set) = if matches!(stored.kind, Kind::Int("i64")) {
        (quote!(self.#f), quote!(self.#f = __pact_version;))
    } else {
        (
            quote!(::core::convert::From::from(self.#f)),
            quote!(self.#f = #p::convert_id::<#ty>(__pact_version)?;),
        )
    };
    Some(quote! {
        const VERSION_COLUMN: ::core::option::Option<::core::primitive::usize> =
            ::core::option::Option::Some(#index);

        #[inline]
        fn version(&self) -> ::core::primitive::i64 {
            #get
        }

        #[inline]
        fn set_version(&mut self, __pact_version: ::core::primitive::i64) -> ::core::result::Result<(), #p::RepoError> {
            #set
            ::core::result::Result::Ok(())
        }
    })
}

/// The constraint or index a backend names on a violation of this column.
fn key_name(entity: &Entity<'_>, field: &Field<'_>, stored: &Stored) -> Option<String> {
    if stored.id {
        Some(sql::primary_key(&entity.table))
    } else if stored.unique {
        Some(sql::unique_key(&entity.table, &field.column))
    } else if stored.indexed {
        Some(sql::index_key(&entity.table, &field.column))
    } else {
        None
    }
}

/// `check_values`: the checks every backend runs before storing (text and byte lengths, NUL
/// in text, finite floats), one per text, byte and float field; and `stored_len`, the bytes of
/// the text and byte values. Neither when there are no such fields.
#[inline]
fn check_values(entity: &Entity<'_>) -> Option<TokenStream> {
    let krate = &entity.krate;
    let this = quote!(<Self as #krate::__private::Entity>);
    let value = quote!(__pact_value);
    let mut checks = Vec::new();
    let mut lens = Vec::new();
    for (field, stored) in entity.stored() {
        let f = field.ident;
        let index = stored.index;
        let check = match stored.kind {
            Kind::Text => quote!(check_text(#this::NAME, #value)),
            Kind::Bytes => quote!(check_bytes(#this::NAME, #value)),
            Kind::Float(_) => quote! {
                check_float(#this::NAME, ::core::convert::Into::<::core::primitive::f64>::into(*#value))
            },
            _ => continue,
        };
        let check = quote!(#this::COLUMNS[#index].#check?;);
        let sized = matches!(stored.kind, Kind::Text | Kind::Bytes);
        if stored.nullable {
            checks.push(quote! {
                if let ::core::option::Option::Some(#value) = &self.#f {
                    #check
                }
            });
            if sized {
                lens.push(quote! {
                    ::core::option::Option::map_or(
                        ::core::option::Option::as_ref(&self.#f),
                        0,
                        |#value| <[::core::primitive::u8]>::len(::core::convert::AsRef::<[::core::primitive::u8]>::as_ref(#value)),
                    )
                });
            }
        } else {
            checks.push(quote! {
                let #value = &self.#f;
                #check
            });
            if sized {
                lens.push(quote! {
                    <[::core::primitive::u8]>::len(::core::convert::AsRef::<[::core::primitive::u8]>::as_ref(&self.#f))
                });
            }
        }
    }
    if checks.is_empty() {
        return None;
    }
    let p = quote!(#krate::__private);
    let stored_len = (!lens.is_empty()).then(|| {
        quote! {
            #[inline]
            fn stored_len(&self) -> ::core::primitive::usize {
                0 #(+ #lens)*
            }
        }
    });
    Some(quote! {
        #[inline]
        fn check_values(&self) -> ::core::result::Result<(), #p::RepoError> {
            #(#checks)*
            ::core::result::Result::Ok(())
        }

        #stored_len
    })
}

/// The methods `MemoryRepository` uses: hashing and comparing unique values, ordering by a
/// sortable column, and resetting the fields that are not stored.
fn memory_support(entity: &Entity<'_>, p: &TokenStream) -> TokenStream {
    let unique: Vec<_> = entity.stored().filter(|(_, s)| s.unique).collect();
    let unique_hash = column_match(
        &unique,
        |field| {
            let f = field.ident;
            quote_spanned!(field.ty.span()=> #p::BuildHasher::hash_one(__pact_state, &self.#f))
        },
        &quote!(0),
        &quote!(let _ = __pact_state;),
    );
    let unique_eq = column_match(
        &unique,
        |field| {
            let f = field.ident;
            quote_spanned!(field.ty.span()=> ::core::cmp::PartialEq::eq(&self.#f, &__pact_other.#f))
        },
        &quote!(false),
        &quote!(let _ = __pact_other;),
    );
    let sortable: Vec<_> = entity.stored().filter(|(_, s)| s.sortable).collect();
    let compare = column_match(
        &sortable,
        |field| {
            let f = field.ident;
            quote_spanned! {field.ty.span()=>
                ::core::option::Option::unwrap_or(
                    ::core::cmp::PartialOrd::partial_cmp(&self.#f, &__pact_other.#f),
                    ::core::cmp::Ordering::Equal,
                )
            }
        },
        &quote!(::core::cmp::Ordering::Equal),
        &quote!(),
    );
    let transient: Vec<TokenStream> = entity
        .fields
        .iter()
        .filter(|field| field.stored.is_none())
        .map(|field| {
            let f = field.ident;
            let value = default_value(field);
            quote!(self.#f = #value;)
        })
        .collect();
    let clear_transient = (!transient.is_empty()).then(|| {
        quote! {
            #[inline]
            fn clear_transient(&mut self) {
                #(#transient)*
            }
        }
    });
    quote! {
        #[inline]
        fn unique_hash(
            &self,
            __pact_column: ::core::primitive::usize,
            __pact_state: &#p::RandomState,
        ) -> ::core::primitive::u64 {
            #unique_hash
        }

        #[inline]
        fn unique_eq(
            &self,
            __pact_other: &Self,
            __pact_column: ::core::primitive::usize,
        ) -> ::core::primitive::bool {
            #unique_eq
        }

        #[inline]
        fn compare(
            &self,
            __pact_other: &Self,
            __pact_column: ::core::primitive::usize,
        ) -> ::core::cmp::Ordering {
            #compare
        }

        #clear_transient
    }
}

/// `match column { i => arm(field), ... _ => fallback }`, or the fallback alone.
fn column_match(
    columns: &[(&Field<'_>, &Stored)],
    arm: impl Fn(&Field<'_>) -> TokenStream,
    fallback: &TokenStream,
    unused: &TokenStream,
) -> TokenStream {
    if columns.is_empty() {
        return quote! {
            let _ = __pact_column;
            #unused
            #fallback
        };
    }
    let arms = columns.iter().map(|(field, stored)| {
        let index = stored.index;
        let body = arm(field);
        quote!(#index => #body,)
    });
    quote! {
        match __pact_column {
            #(#arms)*
            _ => #fallback,
        }
    }
}

fn statements_tokens(entity: &Entity<'_>, d: Dialect, p: &TokenStream) -> TokenStream {
    let s = sql::statements(entity, d);
    let sql::Statements {
        create_table,
        drop_table,
        select_by_id,
        select_all,
        select_page,
        count,
        exists,
        insert,
        update,
        delete_by_id,
        finders,
        live,
        soft_delete,
        upserts,
    } = s;
    let live = live.map_or_else(
        || quote!(::core::option::Option::None),
        |live| quote!(::core::option::Option::Some(#live)),
    );
    let soft_delete = super::lifecycle::soft_delete_tokens(soft_delete.as_ref(), p);
    let upserts = upserts.iter().map(|u| {
        let sql::Upsert {
            column,
            sql,
            returning,
        } = u;
        quote!(#p::Upsert { column: #column, sql: #sql, returning: #returning })
    });
    let finders = finders.iter().map(|f| {
        let sql::Finder {
            column,
            select,
            select_page,
            count,
        } = f;
        quote! {
            #p::Finder {
                column: #column,
                select: #select,
                select_page: #select_page,
                count: #count,
            }
        }
    });
    quote! {
        #p::Statements {
            create_table: &[#(#create_table),*],
            drop_table: #drop_table,
            select_by_id: #select_by_id,
            select_all: #select_all,
            select_page: #select_page,
            count: #count,
            exists: #exists,
            insert: #insert,
            update: #update,
            delete_by_id: #delete_by_id,
            finders: &[#(#finders),*],
            live: #live,
            soft_delete: #soft_delete,
            upserts: &[#(#upserts),*],
        }
    }
}
