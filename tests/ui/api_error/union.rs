#[derive(pact::ApiError)]
#[api(status = 400)]
pub union Bits {
    a: u32,
    b: f32,
}

fn main() {}
