#!/usr/bin/env python3
"""Generates the crates that benches/compile/run.sh builds: 60 items per crate, one crate per
contender, each its own workspace so nothing of pact's is shared but the registry cache.

usage: generate.py <pact workspace root> <output dir> <count>
"""
import os
import sys

ROOT, OUT, COUNT = sys.argv[1], sys.argv[2], int(sys.argv[3])
PACT = f'pact = {{ path = "{ROOT}"'

# name -> (dependencies, item template); {i} is the item's number.
CASES = {
    "dto_none": (
        ['serde = { version = "1", features = ["derive"] }'],
        """#[derive(Debug, serde::Deserialize)]
pub struct Signup{i} {
    pub user_name: String,
    pub email: String,
    pub password: String,
    pub age: u8,
    pub website: Option<String>,
    pub tags: Vec<String>,
}
""",
    ),
    "dto_pact": (
        ['serde = { version = "1", features = ["derive"] }', PACT + " }"],
        """#[derive(Debug, serde::Deserialize, pact::Dto)]
pub struct Signup{i} {
    #[dto(trim)]
    #[validate(length(min = 3, max = 20))]
    pub user_name: String,
    #[validate(email, length(max = 254))]
    pub email: String,
    #[validate(length(min = 8, max = 128))]
    pub password: String,
    #[validate(range(min = 18, max = 150))]
    pub age: u8,
    #[validate(url)]
    pub website: Option<String>,
    #[validate(length(max = 10), each(length(min = 1, max = 20)))]
    pub tags: Vec<String>,
}
""",
    ),
    "dto_validator": (
        ['serde = { version = "1", features = ["derive"] }',
         'validator = { version = "0.21", features = ["derive"] }'],
        """#[derive(Debug, serde::Deserialize, validator::Validate)]
pub struct Signup{i} {
    #[validate(length(min = 3, max = 20))]
    pub user_name: String,
    #[validate(email, length(max = 254))]
    pub email: String,
    #[validate(length(min = 8, max = 128))]
    pub password: String,
    #[validate(range(min = 18, max = 150))]
    pub age: u8,
    #[validate(url)]
    pub website: Option<String>,
    #[validate(length(max = 10))]
    pub tags: Vec<String>,
}
""",
    ),
    "dto_garde": (
        ['serde = { version = "1", features = ["derive"] }',
         'garde = { version = "0.23", default-features = false, features = ["derive", "email", "url"] }'],
        """#[derive(Debug, serde::Deserialize, garde::Validate)]
pub struct Signup{i} {
    #[garde(length(chars, min = 3, max = 20))]
    pub user_name: String,
    #[garde(email, length(max = 254))]
    pub email: String,
    #[garde(length(chars, min = 8, max = 128))]
    pub password: String,
    #[garde(range(min = 18, max = 150))]
    pub age: u8,
    #[garde(url)]
    pub website: Option<String>,
    #[garde(length(max = 10), inner(length(chars, min = 1, max = 20)))]
    pub tags: Vec<String>,
}
""",
    ),
    "error_thiserror": (
        ['thiserror = "2"'],
        """#[derive(Debug, thiserror::Error)]
pub enum Error{i} {
    #[error("thing {0} not found")]
    NotFound(i64),
    #[error("name already taken")]
    Taken,
    #[error("bad input: {reason}")]
    Bad { reason: String },
    #[error("storage failed")]
    Storage(#[from] std::io::Error),
}
""",
    ),
    "error_apierror": (
        ['thiserror = "2"', PACT + " }"],
        """#[derive(Debug, thiserror::Error, pact::ApiError)]
pub enum Error{i} {
    #[error("thing {0} not found")]
    #[api(status = 404, code = "not_found")]
    NotFound(i64),
    #[error("name already taken")]
    #[api(status = 409)]
    Taken,
    #[error("bad input: {reason}")]
    #[api(status = 400)]
    Bad { reason: String },
    #[error("storage failed")]
    #[api(status = 500)]
    Storage(#[from] std::io::Error),
}
""",
    ),
}

# The same DTOs with the `openapi` feature: what the generated `ToSchema` impls add.
CASES["dto_pact_openapi"] = (
    ['serde = { version = "1", features = ["derive"] }', PACT + ', features = ["openapi"] }'],
    CASES["dto_pact"][1],
)

ENTITY_FIELDS = """    #[repo(id, generated)]
    pub id: i64,
    #[repo(unique)]
    pub email: String,
    #[repo(sortable)]
    pub name: String,
    pub bio: Option<String>,
    pub created_at: i64,
}
"""
CASES["entity_none"] = (
    [],
    "#[derive(Debug, Clone, PartialEq)]\npub struct Thing{i} {\n"
    + ENTITY_FIELDS.replace("    #[repo(id, generated)]\n", "").replace("    #[repo(unique)]\n", "").replace("    #[repo(sortable)]\n", ""),
)
CASES["entity_repo"] = (
    [PACT + " }"],
    '#[derive(Debug, Clone, PartialEq, pact::Repository)]\n#[repo(table = "things_{i}")]\npub struct Thing{i} {\n'
    + ENTITY_FIELDS,
)
CASES["entity_repo_sqlite"] = (
    [PACT + ', features = ["sqlite"] }'],
    CASES["entity_repo"][1],
)
# A second entity shape, so the figure is not tuned to one struct: a `String` id, a unique, an
# indexed and two sortable columns (one a float), optional text, bytes, a bool, a version and a
# skipped field.
ORDER_FIELDS = """    #[repo(id)]
    pub id: String,
    #[repo(unique)]
    pub reference: String,
    #[repo(indexed)]
    pub customer_id: i64,
    #[repo(sortable)]
    pub total: f64,
    #[repo(sortable)]
    pub placed_at: i64,
    pub note: Option<String>,
    pub receipt: Vec<u8>,
    pub paid: bool,
    #[repo(version)]
    pub version: i64,
    #[repo(skip)]
    pub label: String,
}
"""
CASES["entity2_none"] = (
    [],
    "#[derive(Debug, Clone, PartialEq)]\npub struct Order{i} {\n"
    + "".join(line + "\n" for line in ORDER_FIELDS.splitlines() if "#[repo(" not in line),
)
CASES["entity2_repo"] = (
    [PACT + " }"],
    '#[derive(Debug, Clone, PartialEq, pact::Repository)]\n#[repo(table = "orders_{i}")]\npub struct Order{i} {\n'
    + ORDER_FIELDS,
)
# Both shapes in a module (`mod entities { ... }`, re-exported), as a service keeps its
# entities: the same edit above it moves every span, but rustc's incremental compilation
# reuses what it computed for items whose spans only shift inside their module, which it does
# not for items at the crate root (plain structs rebuild in about 0.2 s there, 0.08 s here).
IN_MODULE = {"entity_mod_none", "entity_mod_repo", "entity2_mod_none", "entity2_mod_repo"}
CASES["entity_mod_none"] = CASES["entity_none"]
CASES["entity_mod_repo"] = CASES["entity_repo"]
CASES["entity2_mod_none"] = CASES["entity2_none"]
CASES["entity2_mod_repo"] = CASES["entity2_repo"]
# The derive crates alone, for their own clean build with dependencies.
CASES["derive_pact"] = ([f'pact-derive = {{ path = "{ROOT}/pact-derive" }}'], "")
CASES["derive_validator"] = (['validator_derive = "0.20"'], "")
CASES["derive_garde"] = (['garde_derive = "0.23"'], "")

for name, (deps, template) in CASES.items():
    crate = os.path.join(OUT, name)
    os.makedirs(os.path.join(crate, "src"), exist_ok=True)
    with open(os.path.join(crate, "Cargo.toml"), "w") as f:
        f.write(f'[package]\nname = "{name}"\nversion = "0.0.0"\nedition = "2024"\npublish = false\n\n')
        f.write("[dependencies]\n" + "\n".join(deps) + "\n\n[workspace]\n")
    with open(os.path.join(crate, "src", "lib.rs"), "w") as f:
        f.write("#![allow(dead_code)]\n// touch: 0\n")
        if name in IN_MODULE:
            f.write("pub use entities::*;\n\nmod entities {\n")
        if template:
            for i in range(COUNT):
                f.write(template.replace("{i}", str(i)) + "\n")
        if name in IN_MODULE:
            f.write("}\n")
