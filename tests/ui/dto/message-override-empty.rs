#[derive(pact::Dto)]
pub struct Signup {
    #[validate(email(message = ""))]
    pub email: String,
    #[validate(each(length(max = 3, message = "  ")))]
    pub tags: Vec<String>,
}

fn main() {}
