#![deny(warnings, clippy::pedantic)]
use pact::Repository;

#[derive(Debug, Clone, PartialEq, Repository)]
#[repo(table = "users")]
pub struct User {
    #[repo(id, generated)]
    pub id: i64,
    #[repo(unique)]
    pub email: String,
    #[repo(indexed)]
    pub team: i32,
    #[repo(sortable)]
    pub name: String,
    pub bio: Option<String>,
    #[repo(skip)]
    pub cache: Vec<u8>,
}

#[tokio::test]
async fn smoke() {
    let pool = pact::sqlx::sqlite::SqlitePoolOptions::new().max_connections(1).connect("sqlite::memory:").await.unwrap();
    let repo = pact::SqliteRepository::<User>::new(pool);
    repo.create_table().await.unwrap();
    let r: &dyn UserRepository = &repo;
    let u = r.insert(User { id: 0, email: "a@b".into(), team: 1, name: "x".into(), bio: None, cache: vec![1] }).await.unwrap();
    assert_eq!(u.id, 1);
    assert!(u.cache.is_empty());
    assert_eq!(r.find_by_email("a@b").await.unwrap().unwrap(), u);
    let p = r.find_all_by_team(1, pact::PageRequest::default()).await.unwrap();
    assert_eq!(p.total, 1);
}
