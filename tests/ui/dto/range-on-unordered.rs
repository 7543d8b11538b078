#[derive(pact::Dto)]
pub struct Signup {
    #[validate(range(min = Point(0), max = Point(9)))]
    pub at: Point,
}

#[derive(PartialEq)]
pub struct Point(pub u8);

fn main() {}
