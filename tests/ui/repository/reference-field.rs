use pact::Repository;

#[derive(Repository)]
#[repo(table = "users")]
pub struct User {
    #[repo(id, generated)]
    pub id: i64,
    pub name: &'static str,
    pub avatar: Option<&'static [u8]>,
    #[repo(sql_type = "TEXT")]
    pub bio: std::borrow::Cow<'static, str>,
}

fn main() {}
