// Rules see through an alias of `Option` (method lookup decides), so a rule that does not
// apply to the value inside is reported on the inner type.
pub type Maybe<T> = Option<T>;

#[derive(pact::Dto)]
pub struct Signup {
    #[validate(required, email)]
    pub age: Maybe<u32>,
}

fn main() {}
