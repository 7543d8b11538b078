//! The expansion: `Entity` metadata, row decoding and binding (`SqlEntity`), the
//! `<Entity>Repository` trait, and its impls for `MemoryRepository` and `SqlRepository`.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;

use super::ast::{Entity, Field, Stored};
use super::sql::{self, Dialect};
use super::types::{Kind, Param};

pub fn expand(entity: &Entity<'_>) -> TokenStream {
    let the_trait = repository_trait(entity);
    let entity_impl = entity_impl(entity);
    let sql_entity = sql_entity_impl(entity);
    let memory = memory_impl(entity);
    let sql = sql_impl(entity);
    quote! {
        #the_trait
        const _: () = {
            #entity_impl
            #sql_entity
            #memory
            #sql
        };
    }
}

/// One method of the repository trait: its name, parameters (after `&'a self`), output and
/// doc line.
struct Method {
    name: syn::Ident,
    params: TokenStream,
    output: TokenStream,
    doc: String,
}

fn name(field: &Field<'_>) -> String {
    field.ident.to_string().trim_start_matches("r#").to_owned()
}

/// The parameter type a finder (or `find_by_id`) takes for this field.
fn param_type(field: &Field<'_>, stored: &Stored) -> TokenStream {
    let ty = field.ty;
    match stored.param() {
        Param::Value => quote!(#ty),
        Param::Str => quote!(&'a str),
        Param::Slice => quote!(&'a [u8]),
        Param::Ref => quote!(&'a #ty),
    }
}

/// The same parameter as the unsized type bound by `SqlBind` (`str`, `[u8]`, `T`).
fn bind_type(field: &Field<'_>, stored: &Stored) -> TokenStream {
    let ty = field.ty;
    match stored.param() {
        Param::Value | Param::Ref => quote!(#ty),
        Param::Str => quote!(str),
        Param::Slice => quote!([u8]),
    }
}

/// A reference to the parameter named `ident`.
fn param_ref(stored: &Stored, ident: &syn::Ident) -> TokenStream {
    match stored.param() {
        Param::Value => quote!(&#ident),
        Param::Str | Param::Slice | Param::Ref => quote!(#ident),
    }
}

fn methods(entity: &Entity<'_>) -> Vec<Method> {
    let krate = &entity.krate;
    let ident = entity.ident;
    let (id_field, id) = entity.id();
    let id_ty = param_type(id_field, id);
    let result = |ok: TokenStream| quote!(::core::result::Result<#ok, #krate::RepoError>);
    let option = quote!(::core::option::Option<#ident>);
    let page = quote!(#krate::Page<#ident>);
    let vec = quote!(#krate::__private::Vec<#ident>);
    let mut methods = vec![
        Method {
            name: format_ident!("find_by_id"),
            params: quote!(id: #id_ty),
            output: result(option.clone()),
            doc: format!("The `{ident}` with this id, or `None`."),
        },
        Method {
            name: format_ident!("get_by_id"),
            params: quote!(id: #id_ty),
            output: result(quote!(#ident)),
            doc: format!("The `{ident}` with this id; `RepoError::NotFound` (404) when there is none."),
        },
        Method {
            name: format_ident!("find_all"),
            params: quote!(page: #krate::PageRequest),
            output: result(page.clone()),
            doc: format!(
                "One page of `{ident}`s and the total count. The limit is clamped to `MAX_PAGE_SIZE`; a sort key must name a sortable field (`RepoError::InvalidSort` otherwise)."
            ),
        },
    ];
    for (field, stored) in entity.finders() {
        let ty = param_type(field, stored);
        let param = field.ident;
        let field_name = name(field);
        if stored.unique {
            methods.push(Method {
                name: format_ident!("find_by_{}", field_name),
                params: quote!(#param: #ty),
                output: result(option.clone()),
                doc: format!("The `{ident}` whose `{field_name}` is this value, or `None` (`{field_name}` is unique)."),
            });
        } else {
            methods.push(Method {
                name: format_ident!("find_all_by_{}", field_name),
                params: quote!(#param: #ty, page: #krate::PageRequest),
                output: result(page.clone()),
                doc: format!("One page of the `{ident}`s whose `{field_name}` is this value, and their total count."),
            });
        }
    }
    methods.extend([
        Method {
            name: format_ident!("count"),
            params: quote!(),
            output: result(quote!(u64)),
            doc: format!("How many `{ident}`s are stored."),
        },
        Method {
            name: format_ident!("exists"),
            params: quote!(id: #id_ty),
            output: result(quote!(bool)),
            doc: format!("Whether a `{ident}` with this id is stored."),
        },
        Method {
            name: format_ident!("insert"),
            params: quote!(entity: #ident),
            output: result(quote!(#ident)),
            doc: "Stores a new row and returns it as stored (with its generated id); `RepoError::Conflict` (409) when the id or a unique field is taken.".to_owned(),
        },
        Method {
            name: format_ident!("insert_many"),
            params: quote!(entities: #vec),
            output: result(vec.clone()),
            doc: "Stores several rows in one transaction: all of them, or none and the error.".to_owned(),
        },
        Method {
            name: format_ident!("update"),
            params: quote!(entity: #ident),
            output: result(quote!(#ident)),
            doc: "Replaces the whole row with this id; `RepoError::NotFound` (404) when there is none, `Conflict` (409) when a unique field is taken.".to_owned(),
        },
        Method {
            name: format_ident!("delete_by_id"),
            params: quote!(id: #id_ty),
            output: result(quote!(bool)),
            doc: "Deletes the row with this id; whether there was one.".to_owned(),
        },
    ]);
    methods
}

fn signature(method: &Method, krate: &syn::Path) -> TokenStream {
    let Method {
        name,
        params,
        output,
        ..
    } = method;
    quote! {
        fn #name<'a>(&'a self, #params) -> #krate::repository::BoxFuture<'a, #output>
    }
}

pub fn repository_trait(entity: &Entity<'_>) -> TokenStream {
    let krate = &entity.krate;
    let vis = entity.vis;
    let ident = entity.ident;
    let trait_ident = entity.trait_ident();
    let doc = format!(
        "The repository of [`{ident}`] (table `{table}`), generated by `#[derive(Repository)]`.\n\n\
         Implemented for `MemoryRepository<{ident}>` and for the SQL repositories \
         (`SqlRepository<DB, {ident}>`: SQLite, PostgreSQL, MySQL); services hold it as \
         `Arc<dyn {trait_ident}>`.",
        table = entity.table,
    );
    let items = methods(entity).into_iter().map(|method| {
        let doc = &method.doc;
        let signature = signature(&method, krate);
        quote! {
            #[doc = #doc]
            #signature;
        }
    });
    quote! {
        #[doc = #doc]
        #vis trait #trait_ident: ::core::marker::Send + ::core::marker::Sync {
            #(#items)*
        }
    }
}

fn entity_impl(entity: &Entity<'_>) -> TokenStream {
    let krate = &entity.krate;
    let p = quote!(#krate::__private);
    let ident = entity.ident;
    let name = ident.to_string();
    let table = &entity.table;
    let (id_field, id) = entity.id();
    let id_ident = id_field.ident;
    let id_ty = id_field.ty;
    let id_index = id.index;
    let columns = entity.stored().map(|(field, stored)| {
        let column = &field.column;
        let field_name = name_of(field);
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
        quote!(#p::Column::new(#column, #field_name) #flags)
    });
    let max_page = entity.max_page_size.map(|max| quote!(const MAX_PAGE_SIZE: u32 = #max;));
    let set_id = if id.generated {
        if matches!(id.kind, Kind::Int("i64")) {
            quote!(self.#id_ident = id;)
        } else {
            quote!(self.#id_ident = #p::convert_id::<#id_ty>(id)?;)
        }
    } else {
        quote!(let _ = id;)
    };
    let dialects = Dialect::ALL.map(|d| {
        let variant = format_ident!("{}", d.variant());
        let statements = statements_tokens(entity, d, &p);
        quote!(#p::Dialect::#variant => &#statements,)
    });
    let unique: Vec<_> = entity.stored().filter(|(_, s)| s.unique).collect();
    let unique_hash = column_match(
        &unique,
        |f| quote!(#p::BuildHasher::hash_one(state, &self.#f)),
        &quote!(0),
        quote!(let _ = state;),
    );
    let unique_eq = column_match(
        &unique,
        |f| quote!(::core::cmp::PartialEq::eq(&self.#f, &other.#f)),
        &quote!(false),
        quote!(let _ = other;),
    );
    let sortable: Vec<_> = entity.stored().filter(|(_, s)| s.sortable).collect();
    let compare = column_match(
        &sortable,
        |f| {
            quote! {
                ::core::option::Option::unwrap_or(
                    ::core::cmp::PartialOrd::partial_cmp(&self.#f, &other.#f),
                    ::core::cmp::Ordering::Equal,
                )
            }
        },
        &quote!(::core::cmp::Ordering::Equal),
        quote!(),
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
            fn clear_transient(&mut self) {
                #(#transient)*
            }
        }
    });
    quote! {
        #[automatically_derived]
        impl #p::Entity for #ident {
            type Id = #id_ty;
            const NAME: &'static str = #name;
            const TABLE: &'static str = #table;
            const COLUMNS: &'static [#p::Column] = &[#(#columns),*];
            const ID_COLUMN: usize = #id_index;
            #max_page

            fn id(&self) -> &Self::Id {
                &self.#id_ident
            }

            fn set_generated_id(&mut self, id: i64) -> ::core::result::Result<(), #p::RepoError> {
                #set_id
                ::core::result::Result::Ok(())
            }

            fn statements(dialect: #p::Dialect) -> &'static #p::Statements {
                match dialect {
                    #(#dialects)*
                }
            }

            fn unique_hash(&self, column: usize, state: &#p::RandomState) -> u64 {
                #unique_hash
            }

            fn unique_eq(&self, other: &Self, column: usize) -> bool {
                #unique_eq
            }

            fn compare(&self, other: &Self, column: usize) -> ::core::cmp::Ordering {
                #compare
            }

            #clear_transient
        }
    }
}

fn name_of(field: &Field<'_>) -> String {
    name(field)
}

/// `match column { i => arm(field), ... _ => fallback }`, or the fallback alone.
fn column_match(
    columns: &[(&Field<'_>, &Stored)],
    arm: impl Fn(&syn::Ident) -> TokenStream,
    fallback: &TokenStream,
    unused: TokenStream,
) -> TokenStream {
    if columns.is_empty() {
        return quote! {
            let _ = column;
            #unused
            #fallback
        };
    }
    let arms = columns.iter().map(|(field, stored)| {
        let index = stored.index;
        let body = arm(field.ident);
        quote!(#index => #body,)
    });
    quote! {
        match column {
            #(#arms)*
            _ => #fallback,
        }
    }
}

fn default_value(field: &Field<'_>) -> TokenStream {
    match &field.default {
        Some(expr) => quote_spanned!(expr.span()=> #expr),
        None => {
            let ty = field.ty;
            quote_spanned!(ty.span()=> <#ty as ::core::default::Default>::default())
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
    } = s;
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
        }
    }
}

fn sql_entity_impl(entity: &Entity<'_>) -> TokenStream {
    let krate = &entity.krate;
    let p = quote!(#krate::__private);
    let ident = entity.ident;
    let mut bounds: Vec<TokenStream> = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    for (field, _) in entity.stored() {
        let ty = field.ty;
        let key = quote!(#ty).to_string();
        if !seen.contains(&key) {
            seen.push(key);
            bounds.push(quote_spanned!(ty.span()=> #ty: #p::SqlBind<__DB> + #p::SqlDecode<__DB>));
        }
    }
    let decode = entity.fields.iter().map(|field| {
        let f = field.ident;
        let ty = field.ty;
        match &field.stored {
            Some(stored) => {
                let index = stored.index;
                quote_spanned!(ty.span()=> #f: <#ty as #p::SqlDecode<__DB>>::decode(row, #index)?,)
            }
            None => {
                let value = default_value(field);
                quote!(#f: #value,)
            }
        }
    });
    let bind = |(field, _): (&Field<'_>, &Stored)| {
        let f = field.ident;
        let ty = field.ty;
        quote_spanned!(ty.span()=> <#ty as #p::SqlBind<__DB>>::bind(&self.#f, args)?;)
    };
    let insert = entity
        .stored()
        .filter(|(_, stored)| !stored.generated)
        .map(bind);
    let update = entity
        .stored()
        .filter(|(_, stored)| !stored.id)
        .chain(std::iter::once(entity.id()))
        .map(bind);
    quote! {
        #[automatically_derived]
        impl<__DB: #p::SqlBackend> #p::SqlEntity<__DB> for #ident
        where
            #(#bounds,)*
        {
            fn decode_row(row: &__DB::Row) -> ::core::result::Result<Self, #p::RepoError> {
                ::core::result::Result::Ok(Self {
                    #(#decode)*
                })
            }

            fn bind_insert(&self, args: &mut __DB::Arguments) -> ::core::result::Result<(), #p::RepoError> {
                #(#insert)*
                ::core::result::Result::Ok(())
            }

            fn bind_update(&self, args: &mut __DB::Arguments) -> ::core::result::Result<(), #p::RepoError> {
                #(#update)*
                ::core::result::Result::Ok(())
            }
        }
    }
}

/// The trait's methods implemented by one backend: `body(method name, finder)` gives each body.
fn trait_impl(
    entity: &Entity<'_>,
    header: &TokenStream,
    body: impl Fn(&str, Option<(&Field<'_>, &Stored)>) -> TokenStream,
) -> TokenStream {
    let krate = &entity.krate;
    let finders: Vec<_> = entity.finders().collect();
    let items = methods(entity).into_iter().map(|method| {
        let method_name = method.name.to_string();
        let finder = finders.iter().copied().find(|(field, stored)| {
            let prefix = if stored.unique { "find_by_" } else { "find_all_by_" };
            method_name == format!("{prefix}{}", name(field))
        });
        let signature = signature(&method, krate);
        let body = body(&method_name, finder);
        quote! {
            #signature {
                #krate::__private::Box::pin(#body)
            }
        }
    });
    quote! {
        #[automatically_derived]
        #header {
            #(#items)*
        }
    }
}

fn memory_impl(entity: &Entity<'_>) -> TokenStream {
    let krate = &entity.krate;
    let p = quote!(#krate::__private);
    let ident = entity.ident;
    let trait_ident = entity.trait_ident();
    let (_, id) = entity.id();
    let id_ref = param_ref(id, &format_ident!("id"));
    let ok = |value: TokenStream| quote!(::core::result::Result::Ok(#value));
    let header = quote!(impl #trait_ident for #p::MemoryRepository<#ident>);
    trait_impl(entity, &header, |method, finder| {
        let value = match (method, finder) {
            ("find_by_id", _) => ok(quote!(self.find_row(#id_ref))),
            ("get_by_id", _) => quote!(self.get_row(#id_ref)),
            ("find_all", _) => quote!(self.find_page(&page, |_| true)),
            ("count", _) => ok(quote!(self.count_rows())),
            ("exists", _) => ok(quote!(self.contains(#id_ref))),
            ("insert", _) => quote!(self.insert_row(entity)),
            ("insert_many", _) => quote!(self.insert_rows(entities)),
            ("update", _) => quote!(self.update_row(entity)),
            ("delete_by_id", _) => ok(quote!(self.delete_row(#id_ref))),
            (_, Some((field, stored))) => {
                let f = field.ident;
                let value = param_ref(stored, f);
                let index = stored.index;
                if stored.unique {
                    ok(quote! {
                        self.find_unique(
                            #index,
                            #p::BuildHasher::hash_one(self.hasher(), #value),
                            |row| ::core::cmp::PartialEq::eq(&row.#f, #value),
                        )
                    })
                } else {
                    quote!(self.find_page(&page, |row| ::core::cmp::PartialEq::eq(&row.#f, #value)))
                }
            }
            (other, None) => {
                let message = format!("pact: no memory body for `{other}`");
                quote!(::core::compile_error!(#message))
            }
        };
        quote!(::core::future::ready(#value))
    })
}

fn sql_impl(entity: &Entity<'_>) -> TokenStream {
    let krate = &entity.krate;
    let p = quote!(#krate::__private);
    let ident = entity.ident;
    let trait_ident = entity.trait_ident();
    let (id_field, id) = entity.id();
    let id_ref = param_ref(id, &format_ident!("id"));
    let mut bounds = vec![bind_type(id_field, id)];
    for (field, stored) in entity.finders() {
        let ty = bind_type(field, stored);
        if !bounds.iter().any(|b| b.to_string() == ty.to_string()) {
            bounds.push(ty);
        }
    }
    let header = quote! {
        impl<__DB> #trait_ident for #p::SqlRepository<__DB, #ident>
        where
            __DB: #p::SqlBackend,
            #ident: #p::SqlEntity<__DB>,
            #(#bounds: #p::SqlBind<__DB>,)*
    };
    trait_impl(entity, &header, |method, finder| match (method, finder) {
        ("find_by_id", _) => quote!(async move { self.find_row(#id_ref).await }),
        ("get_by_id", _) => quote!(async move { self.get_row(#id_ref).await }),
        ("find_all", _) => quote!(async move { self.find_page(&page).await }),
        ("count", _) => quote!(self.count_rows()),
        ("exists", _) => quote!(async move { self.contains(#id_ref).await }),
        ("insert", _) => quote!(self.insert_row(entity)),
        ("insert_many", _) => quote!(self.insert_rows(entities)),
        ("update", _) => quote!(self.update_row(entity)),
        ("delete_by_id", _) => quote!(async move { self.delete_row(#id_ref).await }),
        (_, Some((field, stored))) => {
            let value = param_ref(stored, field.ident);
            let index = stored.index;
            if stored.unique {
                quote!(async move { self.find_unique(#index, #value).await })
            } else {
                quote!(async move { self.find_page_by(#index, #value, &page).await })
            }
        }
        (other, None) => {
            let message = format!("pact: no SQL body for `{other}`");
            quote!(::core::compile_error!(#message))
        }
    })
}
