pub struct Tag {
    pub label: String,
}

pub struct TagDto {
    pub label: String,
}

pub struct User {
    pub tags: Vec<Tag>,
}

#[derive(pact::Dto)]
#[dto(from = User)]
pub struct UserResponse {
    pub tags: Vec<TagDto>,
}

fn main() {}
