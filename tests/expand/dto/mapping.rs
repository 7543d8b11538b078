// Mapping in every direction: from (owned and by reference), try_into with defaults and a
// user error, patch with Option and Patch fields, and an enum.
#[derive(Debug, serde::Deserialize, pact::Dto)]
#[dto(from = User, skip(password_hash))]
#[dto(try_into = NewUser, error = SignupError, default(created_at = now(), role), with(slug = slug_of))]
#[dto(patch = User)]
pub struct UserDto {
    #[validate(email)]
    pub email: Option<String>,
    #[dto(rename = display_name, with = normalize_name)]
    pub name: Option<String>,
    #[serde(default)]
    pub nickname: pact::Patch<String>,
    pub tags: Option<Vec<TagDto>>,
    #[dto(default)]
    #[serde(skip)]
    pub links: Vec<String>,
}

#[derive(pact::Dto)]
#[dto(from = Payment, into = Payment)]
pub enum PaymentDto {
    Card { number: String, holder: HolderDto },
    Iban(String),
    Cash,
}
