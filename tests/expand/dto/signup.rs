// Field rules, Option, each, nested, must_match, sanitizers and serde renames.
#[derive(Debug, serde::Deserialize, pact::Dto)]
#[serde(rename_all = "camelCase")]
pub struct SignupRequest {
    #[dto(trim)]
    #[validate(length(min = 3, max = 20), alphanumeric)]
    pub user_name: String,
    #[dto(trim, lowercase)]
    #[validate(email, length(max = 254))]
    pub email: String,
    #[validate(length(min = 8, max = 128))]
    pub password: String,
    #[validate(must_match(password, message = "passwords differ"))]
    pub password_confirmation: String,
    #[validate(range(min = 18, max = 150))]
    pub age: u8,
    #[validate(url)]
    pub website: Option<String>,
    #[validate(length(max = 10), each(length(min = 1, max = 20)))]
    pub tags: Vec<String>,
    #[validate(nested)]
    pub address: AddressDto,
}
