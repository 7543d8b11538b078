use pact::Repository;

#[derive(Repository)]
#[repo(table = "boxes")]
pub struct BoundingBox {
    #[repo(id, generated)]
    pub id: i64,
    pub xmin: f64,
    #[repo(column = "ctid")]
    pub tuple: i64,
}

fn main() {}
