#[derive(pact::Dto)]
pub union Bits {
    pub a: u32,
    pub b: f32,
}

fn main() {}
