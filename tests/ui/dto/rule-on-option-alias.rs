// `required` sees through an alias of `Option` (through the `OptionLike` trait); the other
// rules read the type's syntax, so they apply to the whole `Option` and say how to fix it.
pub type Maybe<T> = Option<T>;

#[derive(pact::Dto)]
pub struct Signup {
    #[validate(required, email)]
    pub email: Maybe<String>,
}

fn main() {}
