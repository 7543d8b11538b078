//! The scenarios. Each takes a backend and asserts behaviour every implementation shares.

/// Calls `$run!(scenario, ..., $more, ...)` with every scenario that runs on any implementation
/// of the traits (the backends' own repositories, and the cached decorator over them), then the
/// caller's own.
macro_rules! every_repository_scenario {
    ($run:ident $(, $more:ident)* $(,)?) => {
        $run!(
            insert_assigns_ids_and_round_trips,
            get_by_id_of_a_missing_row_is_not_found,
            unique_fields_conflict,
            find_by_unique_field,
            pages_are_counted_clamped_and_stable,
            sorts_by_whitelisted_fields_only,
            text_sorts_by_code_point_everywhere,
            indexed_finder_pages,
            update_replaces_the_row,
            delete_and_count,
            insert_many_is_all_or_nothing,
            string_ids_and_reserved_words,
            uuid_and_chrono_columns,
            concurrent_inserts,
            hostile_text_round_trips,
            hostile_sort_keys_are_rejected,
            trailing_spaces_are_significant,
            too_long_values_are_invalid,
            nul_in_text_is_invalid,
            non_finite_floats_are_invalid,
            long_names_still_name_the_field,
            colliding_batches_conflict,
            a_row_larger_than_the_server_accepts_is_too_large,
            insert_starts_at_version_one,
            update_checks_and_increments_the_version,
            a_stale_version_is_a_409_conflict,
            a_missing_row_stays_not_found,
            concurrent_updates_from_one_version_have_one_winner,
            find_by_ids_returns_the_stored_set,
            find_by_ids_of_text_ids,
            find_by_ids_of_a_long_list,
            keyset_pages_by_id_both_ways,
            keyset_pages_by_a_column_break_ties_by_id,
            keyset_pages_by_a_nullable_column,
            keyset_pages_end_without_next,
            hostile_cursors_are_invalid,
            keyset_pages_stay_stable_under_concurrent_inserts,
            $($more,)*
        );
    };
}

use pact::{ApiError, PageRequest, RepoError, Sort};

use crate::backends::Backend;
use crate::model::{Session, Tag, User};

pub use crate::batch_reads::{
    find_by_ids_of_a_long_list, find_by_ids_of_text_ids, find_by_ids_returns_the_stored_set,
};
pub use crate::contention::{
    a_row_larger_than_the_server_accepts_is_too_large, colliding_batches_conflict,
};
pub use crate::hostile::{hostile_sort_keys_are_rejected, hostile_text_round_trips};
pub use crate::keyset::{
    hostile_cursors_are_invalid, keyset_pages_by_a_column_break_ties_by_id,
    keyset_pages_by_a_nullable_column, keyset_pages_by_id_both_ways, keyset_pages_end_without_next,
    keyset_pages_stay_stable_under_concurrent_inserts,
};
pub use crate::lifecycle::{
    a_failed_unit_undoes_its_soft_delete, a_soft_deleted_row_is_hidden_from_every_read,
    a_soft_deleted_row_keeps_its_unique_values, an_upsert_restores_a_soft_deleted_row,
    an_upsert_that_conflicts_on_another_unique_field_is_409, purge_removes_live_and_deleted_rows,
    restore_and_reads_with_deleted_rows, time_types_are_stamped_and_soft_deleted,
    timestamps_are_set_on_insert_and_kept_on_update,
    upsert_by_a_unique_field_keeps_the_id_and_counts_versions, upsert_by_id_inserts_then_updates,
    upserts_inside_a_failed_unit_leave_nothing,
};
pub use crate::values::{
    long_names_still_name_the_field, non_finite_floats_are_invalid, nul_in_text_is_invalid,
    too_long_values_are_invalid, trailing_spaces_are_significant,
};
pub use crate::versioning::{
    a_missing_row_stays_not_found, a_stale_version_is_a_409_conflict,
    concurrent_updates_from_one_version_have_one_winner, insert_starts_at_version_one,
    update_checks_and_increments_the_version,
};
pub use crate::wide::an_entity_wider_than_one_row_tuple_round_trips;

fn ids(page: &pact::Page<User>) -> Vec<i64> {
    page.items.iter().map(|user| user.id).collect()
}

/// Inserts `n` users `u1@x` .. `un@x` on team `n % 2`, named in reverse.
async fn seed(b: &Backend, n: i64) -> Vec<User> {
    let mut out = Vec::new();
    for i in 1..=n {
        let mut user = User::new(
            &format!("u{i}@x"),
            &format!("name{}", n - i),
            i32::try_from(i % 2).unwrap(),
        );
        #[allow(clippy::cast_precision_loss)]
        {
            user.score = i as f64 / 2.0;
        }
        out.push(b.users.insert(user).await.unwrap());
    }
    out
}

pub async fn insert_assigns_ids_and_round_trips(b: &Backend) {
    let mut ada = User::new("ada@example.com", "Ada", 1);
    ada.bio = Some("first programmer".into());
    ada.score = 99.5;
    ada.avatar = Some(vec![0, 159, 255]);
    ada.session = Some("not stored".into());
    let stored = b.users.insert(ada.clone()).await.unwrap();
    assert_eq!(stored.id, 1, "{}: generated ids start at 1", b.name);
    assert_eq!(
        stored.session, None,
        "{}: a skipped field is not stored",
        b.name
    );
    let second = b
        .users
        .insert(User::new("bob@example.com", "Bob", 2))
        .await
        .unwrap();
    assert_eq!(second.id, 2, "{}", b.name);

    let found = b.users.find_by_id(1).await.unwrap().expect("stored");
    assert_eq!(
        found,
        User {
            id: 1,
            session: None,
            ..ada
        },
        "{}",
        b.name
    );
    assert_eq!(b.users.get_by_id(2).await.unwrap(), second, "{}", b.name);
    assert!(b.users.exists(1).await.unwrap());
    assert!(!b.users.exists(3).await.unwrap());
    assert_eq!(b.users.count().await.unwrap(), 2);
}

pub async fn get_by_id_of_a_missing_row_is_not_found(b: &Backend) {
    assert_eq!(b.users.find_by_id(42).await.unwrap(), None, "{}", b.name);
    let err = b.users.get_by_id(42).await.unwrap_err();
    assert!(err.is_not_found(), "{}: {err:?}", b.name);
    assert_eq!(err.status(), 404);
    assert_eq!(
        err.problem_details().detail.as_deref(),
        Some("User 42 not found")
    );
}

pub async fn unique_fields_conflict(b: &Backend) {
    let ada = b.users.insert(User::new("ada@x", "Ada", 1)).await.unwrap();
    let err = b
        .users
        .insert(User::new("ada@x", "Eve", 2))
        .await
        .unwrap_err();
    match &err {
        RepoError::Conflict { entity, field, .. } => {
            assert_eq!(
                (*entity, *field),
                ("User", Some("email")),
                "{}: {err:?}",
                b.name
            );
        }
        other => panic!("{}: expected Conflict, got {other:?}", b.name),
    }
    assert_eq!(err.status(), 409);
    let problem = err.problem_details();
    assert_eq!(problem.errors[0].path, "email");
    assert_eq!(
        b.users.count().await.unwrap(),
        1,
        "{}: nothing stored",
        b.name
    );

    // Updating into a taken value conflicts too, and leaves both rows as they were.
    let bob = b.users.insert(User::new("bob@x", "Bob", 1)).await.unwrap();
    let err = b
        .users
        .update(User {
            email: "ada@x".into(),
            ..bob.clone()
        })
        .await
        .unwrap_err();
    assert!(err.is_conflict(), "{}: {err:?}", b.name);
    assert_eq!(b.users.get_by_id(bob.id).await.unwrap(), bob);
    assert_eq!(b.users.find_by_email("ada@x").await.unwrap(), Some(ada));

    // An id chosen by the application conflicts with itself.
    b.tags
        .insert(Tag {
            slug: "rust".into(),
            position: 1,
            weight: 7,
        })
        .await
        .unwrap();
    let err = b
        .tags
        .insert(Tag {
            slug: "rust".into(),
            position: 2,
            weight: 7,
        })
        .await
        .unwrap_err();
    match err {
        RepoError::Conflict { field, .. } => assert_eq!(field, Some("slug"), "{}", b.name),
        other => panic!("{}: expected Conflict, got {other:?}", b.name),
    }
}

pub async fn find_by_unique_field(b: &Backend) {
    let users = seed(b, 3).await;
    assert_eq!(
        b.users.find_by_email("u2@x").await.unwrap(),
        Some(users[1].clone())
    );
    assert_eq!(
        b.users.find_by_email("U2@x").await.unwrap(),
        None,
        "{}: exact match",
        b.name
    );
    assert_eq!(b.users.find_by_email("").await.unwrap(), None);
}

pub async fn pages_are_counted_clamped_and_stable(b: &Backend) {
    seed(b, 7).await;
    let page = b.users.find_all(PageRequest::new(2, 3)).await.unwrap();
    assert_eq!(ids(&page), [3, 4, 5], "{}", b.name);
    assert_eq!((page.total, page.offset, page.limit), (7, 2, 3));
    assert!(page.has_next());

    let all = b.users.find_all(PageRequest::first(1000)).await.unwrap();
    assert_eq!(all.limit, 50, "{}: clamped to max_page_size", b.name);
    assert_eq!(all.items.len(), 7);

    let empty = b.users.find_all(PageRequest::first(0)).await.unwrap();
    assert_eq!((empty.items.len(), empty.total), (0, 7), "{}", b.name);
    let past = b.users.find_all(PageRequest::new(100, 10)).await.unwrap();
    assert_eq!((past.items.len(), past.total), (0, 7), "{}", b.name);
    assert!(!past.has_next());
}

pub async fn sorts_by_whitelisted_fields_only(b: &Backend) {
    seed(b, 4).await; // names: name3, name2, name1, name0 for ids 1..=4
    let by_name = b
        .users
        .find_all(PageRequest::first(10).sorted(Sort::asc("name")))
        .await
        .unwrap();
    assert_eq!(ids(&by_name), [4, 3, 2, 1], "{}", b.name);
    let by_score_desc = b
        .users
        .find_all(PageRequest::first(2).sorted("-score".parse().unwrap()))
        .await
        .unwrap();
    assert_eq!(ids(&by_score_desc), [4, 3], "{}", b.name);
    let by_email = b
        .users
        .find_all(PageRequest::new(1, 2).sorted(Sort::desc("email")))
        .await
        .unwrap();
    assert_eq!(ids(&by_email), [3, 2], "{}", b.name);

    // Ties on the sort key fall back to the id, in the same direction.
    b.users
        .insert(User::new("tie@x", "name0", 0))
        .await
        .unwrap();
    let ties = b
        .users
        .find_all(PageRequest::first(2).sorted(Sort::asc("name")))
        .await
        .unwrap();
    assert_eq!(ids(&ties), [4, 5], "{}", b.name);
    let ties = b
        .users
        .find_all(PageRequest::first(10).sorted(Sort::desc("name")))
        .await
        .unwrap();
    assert_eq!(ids(&ties), [1, 2, 3, 5, 4], "{}", b.name);

    // `bio` is stored but not whitelisted.
    let err = b
        .users
        .find_all(PageRequest::first(10).sorted(Sort::asc("bio")))
        .await
        .unwrap_err();
    match &err {
        RepoError::InvalidSort { key, allowed, .. } => {
            assert_eq!(key, "bio");
            assert_eq!(allowed, &["id", "email", "team_id", "name", "score"]);
        }
        other => panic!("{}: expected InvalidSort, got {other:?}", b.name),
    }
    assert_eq!(err.status(), 400);
}

pub async fn text_sorts_by_code_point_everywhere(b: &Backend) {
    for name in ["cherry", "Banana", "apple", "Äpfel", "banana"] {
        b.users
            .insert(User::new(&format!("{name}@x"), name, 1))
            .await
            .unwrap();
    }
    let page = b
        .users
        .find_all(PageRequest::first(10).sorted(Sort::asc("name")))
        .await
        .unwrap();
    let names: Vec<&str> = page.items.iter().map(|u| u.name.as_str()).collect();
    assert_eq!(
        names,
        ["Banana", "apple", "banana", "cherry", "Äpfel"],
        "{}",
        b.name
    );
}

pub async fn indexed_finder_pages(b: &Backend) {
    seed(b, 7).await; // team 1: ids 1, 3, 5, 7; team 0: ids 2, 4, 6
    let page = b
        .users
        .find_all_by_team_id(1, PageRequest::new(1, 2))
        .await
        .unwrap();
    assert_eq!(ids(&page), [3, 5], "{}", b.name);
    assert_eq!(page.total, 4);
    let page = b
        .users
        .find_all_by_team_id(0, PageRequest::first(10).sorted(Sort::desc("id")))
        .await
        .unwrap();
    assert_eq!(ids(&page), [6, 4, 2], "{}", b.name);
    let none = b
        .users
        .find_all_by_team_id(9, PageRequest::default())
        .await
        .unwrap();
    assert_eq!((none.items.len(), none.total), (0, 0));
}

pub async fn update_replaces_the_row(b: &Backend) {
    let ada = b.users.insert(User::new("ada@x", "Ada", 1)).await.unwrap();
    let changed = User {
        email: "ada@new".into(),
        name: "Ada L.".into(),
        bio: Some("updated".into()),
        active: false,
        session: Some("dropped".into()),
        ..ada.clone()
    };
    let stored = b.users.update(changed.clone()).await.unwrap();
    assert_eq!(
        stored,
        User {
            session: None,
            ..changed.clone()
        },
        "{}",
        b.name
    );
    assert_eq!(b.users.get_by_id(ada.id).await.unwrap(), stored);
    assert_eq!(
        b.users.find_by_email("ada@x").await.unwrap(),
        None,
        "{}: old key freed",
        b.name
    );
    // Writing the same values again still finds the row (MySQL counts matched rows).
    b.users.update(stored.clone()).await.unwrap();

    let err = b.users.update(User { id: 99, ..stored }).await.unwrap_err();
    assert!(err.is_not_found(), "{}: {err:?}", b.name);
}

pub async fn delete_and_count(b: &Backend) {
    seed(b, 3).await;
    assert!(b.users.delete_by_id(2).await.unwrap(), "{}", b.name);
    assert!(!b.users.delete_by_id(2).await.unwrap(), "{}", b.name);
    assert_eq!(b.users.count().await.unwrap(), 2);
    assert_eq!(b.users.find_by_email("u2@x").await.unwrap(), None);
    // The freed unique value can be taken again; ids are not reused.
    let again = b.users.insert(User::new("u2@x", "again", 0)).await.unwrap();
    assert_eq!(again.id, 4, "{}", b.name);
}

pub async fn insert_many_is_all_or_nothing(b: &Backend) {
    let stored = b
        .users
        .insert_many(vec![User::new("a@x", "A", 1), User::new("b@x", "B", 1)])
        .await
        .unwrap();
    assert_eq!(
        stored.iter().map(|u| u.id).collect::<Vec<_>>(),
        [1, 2],
        "{}",
        b.name
    );
    let err = b
        .users
        .insert_many(vec![
            User::new("c@x", "C", 1),
            User::new("d@x", "D", 1),
            User::new("a@x", "again", 1),
        ])
        .await
        .unwrap_err();
    assert!(err.is_conflict(), "{}: {err:?}", b.name);
    assert_eq!(
        b.users.count().await.unwrap(),
        2,
        "{}: nothing of the batch stayed",
        b.name
    );
    assert_eq!(b.users.find_by_email("c@x").await.unwrap(), None);
    assert!(b.users.insert_many(Vec::new()).await.unwrap().is_empty());
}

pub async fn string_ids_and_reserved_words(b: &Backend) {
    for (slug, position) in [("rust", 2), ("sql", 1), ("axum", 3)] {
        let tag = Tag {
            slug: slug.into(),
            position,
            weight: 1,
        };
        let stored = b.tags.insert(tag).await.unwrap();
        assert_eq!(
            stored.weight, 7,
            "{}: the skipped field takes its default",
            b.name
        );
    }
    let rust = b.tags.get_by_id("rust").await.unwrap();
    assert_eq!(
        rust,
        Tag {
            slug: "rust".into(),
            position: 2,
            weight: 7
        }
    );
    let by_order = b
        .tags
        .find_all(PageRequest::first(10).sorted(Sort::asc("position")))
        .await
        .unwrap();
    let slugs: Vec<&str> = by_order.items.iter().map(|t| t.slug.as_str()).collect();
    assert_eq!(slugs, ["sql", "rust", "axum"], "{}", b.name);
    assert!(b.tags.delete_by_id("sql").await.unwrap());
    assert!(!b.tags.exists("sql").await.unwrap());
    let err = b.tags.get_by_id("sql").await.unwrap_err();
    assert_eq!(err.to_string(), "Tag \"sql\" not found", "{}", b.name);
}

pub async fn uuid_and_chrono_columns(b: &Backend) {
    let created_at = chrono::DateTime::from_timestamp(1_700_000_000, 123_456_000).unwrap();
    let expires_at = chrono::DateTime::from_timestamp(1_800_000_000, 0)
        .unwrap()
        .naive_utc();
    let session = Session {
        id: uuid::Uuid::new_v4(),
        user_id: 7,
        created_at,
        expires_at: Some(expires_at),
    };
    b.sessions.insert(session.clone()).await.unwrap();
    assert_eq!(
        b.sessions.get_by_id(session.id).await.unwrap(),
        session,
        "{}",
        b.name
    );
    let later = Session {
        id: uuid::Uuid::new_v4(),
        created_at: created_at + chrono::Duration::seconds(1),
        expires_at: None,
        ..session.clone()
    };
    b.sessions.insert(later.clone()).await.unwrap();
    let page = b
        .sessions
        .find_all_by_user_id(7, PageRequest::first(10).sorted(Sort::desc("created_at")))
        .await
        .unwrap();
    assert_eq!(page.items, [later, session], "{}", b.name);
}

pub async fn concurrent_inserts(b: &Backend) {
    let mut tasks = Vec::new();
    for i in 0..16 {
        let users = b.users.clone();
        tasks.push(tokio::spawn(async move {
            users.insert(User::new(&format!("c{i}@x"), "c", 1)).await
        }));
    }
    let mut ids = Vec::new();
    for task in tasks {
        ids.push(task.await.unwrap().unwrap().id);
    }
    ids.sort_unstable();
    assert_eq!(
        ids,
        (1..=16).collect::<Vec<_>>(),
        "{}: every id once",
        b.name
    );
    assert_eq!(b.users.count().await.unwrap(), 16);
}
