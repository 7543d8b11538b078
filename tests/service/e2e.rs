//! Every endpoint's happy path and every error status, with its problem body, on each backend;
//! then hostile input. `Call::send` checks every answer: never a 5xx, every error a problem.

use serde_json::{Value, json};

use crate::harness::{Database, Server, config};
use crate::service::config::Config;
use crate::service::domain::Role;
use crate::service::services::Tokens;

async fn run(database: Database, config: Config) {
    let server = Server::start(&config).await;
    let expected = match database {
        Database::Sqlite | Database::SqliteFile(_) => "sqlite",
        Database::Postgres { .. } => "postgres",
        Database::MySql { .. } => "mysql",
    };
    assert_eq!(server.backend, expected);
    scenario(&server, &config).await;
    hostile(&server).await;
    server.stop().await;
    database.drop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_in_memory() {
    let mut config = config();
    let database = Database::sqlite(&mut config);
    run(database, config).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_file() {
    let mut config = config();
    let database = Database::sqlite_file(&mut config);
    run(database, config).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres() {
    let mut config = config();
    let Some(database) = Database::postgres(&mut config).await else {
        return;
    };
    run(database, config).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mysql() {
    let mut config = config();
    let Some(database) = Database::mysql(&mut config).await else {
        return;
    };
    run(database, config).await;
}

fn id(value: &Value) -> i64 {
    value["id"].as_i64().expect("an id")
}

#[allow(clippy::too_many_lines)]
async fn scenario(server: &Server, config: &Config) {
    // Sign-up: 201, Location, ETag; the email normalized; no hash in the body.
    let reply = server
        .post("/users")
        .json(&json!({"email": "  Ada@Example.com ", "name": " Ada ", "password": "correct horse"}))
        .send()
        .await;
    assert_eq!(reply.status, 201, "{}", reply.text());
    let ada = reply.json();
    let ada_id = id(&ada);
    assert_eq!(reply.header("location"), Some(format!("/users/{ada_id}")));
    assert_eq!(reply.header("etag").as_deref(), Some("\"1\""));
    assert_eq!(ada["email"], "ada@example.com");
    assert_eq!(ada["name"], "Ada");
    assert_eq!(ada["role"], "member");
    assert_eq!(ada["version"], 1);
    assert!(
        ada.get("password_hash").is_none() && !reply.text().contains("argon2"),
        "{ada}"
    );

    // 409: the email is taken, however it is spelt.
    server
        .post("/users")
        .json(&json!({"email": "ADA@example.com", "name": "Eve", "password": "something else"}))
        .send()
        .await
        .problem(409, "conflict");

    let bob = server
        .signup("bob@example.com", "Bob", "bob's password")
        .await;
    let bob_id = id(&bob);
    let root = server
        .signup("root@example.com", "Root", "root password")
        .await;
    assert_eq!(root["role"], "admin");

    // Tokens; 401 for a wrong password and for an unknown email alike.
    let ada_token = server.token("ada@example.com", "correct horse").await;
    let bob_token = server.token("bob@example.com", "bob's password").await;
    let root_token = server.token("root@example.com", "root password").await;
    for (email, password) in [
        ("ada@example.com", "wrong horse"),
        ("nobody@example.com", "correct horse"),
    ] {
        let reply = server
            .post("/auth/token")
            .json(&json!({"email": email, "password": password}))
            .send()
            .await;
        reply.problem(401, "invalid_credentials");
        assert_eq!(reply.header("www-authenticate").as_deref(), Some("Bearer"));
    }
    let token = server
        .post("/auth/token")
        .json(&json!({"email": "ada@example.com", "password": "correct horse"}))
        .send()
        .await
        .json();
    assert_eq!(token["token_type"], "Bearer");
    assert_eq!(token["expires_in"], config.token_ttl.as_secs());

    // 401: no token, a malformed one, a forged one, an expired one, another scheme.
    let reply = server.get(&format!("/users/{ada_id}")).send().await;
    reply.problem(401, "unauthenticated");
    assert_eq!(reply.header("www-authenticate").as_deref(), Some("Bearer"));
    let forged = Tokens::new(
        &crate::service::config::Secret::new(vec![7; 32]),
        config.token_ttl,
    )
    .unwrap()
    .issue_at(ada_id, Role::Admin, jsonwebtoken::get_current_timestamp())
    .unwrap();
    let expired = Tokens::new(&config.token_secret, config.token_ttl)
        .unwrap()
        .issue_at(ada_id, Role::Member, 1_000_000)
        .unwrap();
    for token in ["not-a-token", forged.as_str(), expired.as_str()] {
        let reply = server
            .get(&format!("/users/{ada_id}"))
            .bearer(token)
            .send()
            .await;
        reply.problem(401, "invalid_token");
        assert_eq!(
            reply.header("www-authenticate").as_deref(),
            Some("Bearer error=\"invalid_token\"")
        );
    }
    server
        .get(&format!("/users/{ada_id}"))
        .header("authorization", &format!("Basic {ada_token}"))
        .send()
        .await
        .problem(401, "invalid_token");

    // GET one: 200 with the ETag; 404; 400 for an id that is not one.
    let reply = server
        .get(&format!("/users/{ada_id}"))
        .bearer(&ada_token)
        .send()
        .await;
    assert_eq!(reply.status, 200);
    assert_eq!(reply.header("etag").as_deref(), Some("\"1\""));
    assert_eq!(reply.json(), ada);
    server
        .get("/users/999999")
        .bearer(&ada_token)
        .send()
        .await
        .problem(404, "not_found");
    server
        .get("/users/abc")
        .bearer(&ada_token)
        .send()
        .await
        .problem(400, "invalid_id");

    // Offset pages, sorted by a whitelisted column; 400 for any other sort or a bad limit.
    let page = server
        .get("/users?limit=2&sort=-name")
        .bearer(&ada_token)
        .send()
        .await
        .json();
    assert_eq!(page["total"], 3);
    assert_eq!(page["limit"], 2);
    let names: Vec<&str> = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Root", "Bob"]);
    assert!(page["items"][0].get("password_hash").is_none());
    let page = server
        .get("/users?offset=2&limit=2&sort=-name")
        .bearer(&ada_token)
        .send()
        .await
        .json();
    assert_eq!(page["items"][0]["name"], "Ada");
    server
        .get("/users?sort=password_hash")
        .bearer(&ada_token)
        .send()
        .await
        .problem(400, "invalid_sort");
    server
        .get("/users?limit=abc")
        .bearer(&ada_token)
        .send()
        .await
        .problem(400, "malformed_request");

    // Keyset pages: `next` leads through every user once; a forged cursor is a 400.
    let mut seen = Vec::new();
    let mut query = "/users/scroll?limit=2&sort=-name".to_owned();
    loop {
        let page = server.get(&query).bearer(&ada_token).send().await.json();
        for user in page["items"].as_array().unwrap() {
            assert!(user.get("password_hash").is_none());
            seen.push(user["name"].as_str().unwrap().to_owned());
        }
        match page["next"].as_str() {
            Some(next) => query = format!("/users/scroll?limit=2&sort=-name&after={next}"),
            None => break,
        }
    }
    assert_eq!(seen, ["Root", "Bob", "Ada"]);
    let problem = server
        .get("/users/scroll?after=AAAA-forged")
        .bearer(&ada_token)
        .send()
        .await
        .problem(400, "invalid_cursor");
    assert_eq!(problem["errors"][0]["path"], "after", "{problem}");
    server
        .get("/users/scroll?sort=password_hash")
        .bearer(&ada_token)
        .send()
        .await
        .problem(400, "invalid_sort");

    // PATCH: 428 without If-Match, 412 for a stale one, 200 with the next ETag.
    let ada_path = format!("/users/{ada_id}");
    server
        .patch(&ada_path)
        .bearer(&ada_token)
        .json(&json!({"name": "Ada L."}))
        .send()
        .await
        .problem(428, "if_match_required");
    let reply = server
        .patch(&ada_path)
        .bearer(&ada_token)
        .header("if-match", "\"7\"")
        .json(&json!({"name": "Ada L."}))
        .send()
        .await;
    reply.problem(412, "stale_version");
    assert_eq!(reply.header("etag").as_deref(), Some("\"1\""));
    let reply = server
        .patch(&ada_path)
        .bearer(&ada_token)
        .header("if-match", "\"1\"")
        .json(&json!({"name": "Ada L."}))
        .send()
        .await;
    assert_eq!(reply.status, 200, "{}", reply.text());
    assert_eq!(reply.header("etag").as_deref(), Some("\"2\""));
    assert_eq!(reply.json()["name"], "Ada L.");
    server
        .patch(&ada_path)
        .bearer(&ada_token)
        .header("if-match", "\"1\"")
        .json(&json!({"name": "Lost update"}))
        .send()
        .await
        .problem(412, "stale_version");

    // 403: a member changes only their own account; an admin anyone's.
    let bob_path = format!("/users/{bob_id}");
    server
        .patch(&bob_path)
        .bearer(&ada_token)
        .header("if-match", "\"1\"")
        .json(&json!({"name": "Mallory"}))
        .send()
        .await
        .problem(403, "forbidden");
    let reply = server
        .patch(&bob_path)
        .bearer(&root_token)
        .header("if-match", "*")
        .json(&json!({"name": "Robert"}))
        .send()
        .await;
    assert_eq!(
        (reply.status, reply.json()["name"].clone()),
        (200, json!("Robert"))
    );

    // 409 for a taken email on PATCH; 422 for an invalid one, with the field's path.
    server
        .patch(&ada_path)
        .bearer(&ada_token)
        .header("if-match", "\"2\"")
        .json(&json!({"email": "bob@example.com"}))
        .send()
        .await
        .problem(409, "conflict");
    let problem = server
        .patch(&ada_path)
        .bearer(&ada_token)
        .header("if-match", "\"2\"")
        .json(&json!({"email": "not an email", "name": ""}))
        .send()
        .await
        .problem(422, "validation_failed");
    let paths: Vec<&str> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, ["email", "name"], "{problem}");

    // A new password: the old one stops working.
    let reply = server
        .patch(&ada_path)
        .bearer(&ada_token)
        .header("if-match", "\"2\"")
        .json(&json!({"password": "battery staple"}))
        .send()
        .await;
    assert_eq!(reply.status, 200, "{}", reply.text());
    server
        .post("/auth/token")
        .json(&json!({"email": "ada@example.com", "password": "correct horse"}))
        .send()
        .await
        .problem(401, "invalid_credentials");
    let ada_token = server.token("ada@example.com", "battery staple").await;

    // Notes: the first one came with the sign-up, in the same transaction.
    let notes_path = format!("/users/{ada_id}/notes");
    let page = server
        .get(&notes_path)
        .bearer(&ada_token)
        .send()
        .await
        .json();
    assert_eq!(page["total"], 1);
    assert_eq!(page["items"][0]["title"], "Welcome");
    let reply = server
        .post(&notes_path)
        .bearer(&ada_token)
        .json(&json!({"title": "Engines", "body": "On the analytical engine"}))
        .send()
        .await;
    assert_eq!(reply.status, 201, "{}", reply.text());
    let note = reply.json();
    let note_path = format!("/notes/{}", id(&note));
    assert_eq!(reply.header("location"), Some(note_path.clone()));
    assert_eq!(note["owner_id"], ada_id);
    server
        .post(&format!("/users/{bob_id}/notes"))
        .bearer(&ada_token)
        .json(&json!({"title": "Not mine"}))
        .send()
        .await
        .problem(403, "forbidden");
    server
        .post("/users/999999/notes")
        .bearer(&root_token)
        .json(&json!({"title": "Nobody's"}))
        .send()
        .await
        .problem(404, "not_found");
    server
        .get(&notes_path)
        .bearer(&bob_token)
        .send()
        .await
        .problem(403, "forbidden");
    let reply = server.get(&note_path).bearer(&ada_token).send().await;
    assert_eq!(
        (reply.status, reply.header("etag")),
        (200, Some("\"1\"".into()))
    );
    assert_eq!(reply.json(), note);
    server
        .get(&note_path)
        .bearer(&bob_token)
        .send()
        .await
        .problem(403, "forbidden");
    assert_eq!(
        server
            .get(&note_path)
            .bearer(&root_token)
            .send()
            .await
            .status,
        200
    );
    server
        .patch(&note_path)
        .bearer(&ada_token)
        .json(&json!({"title": "x"}))
        .send()
        .await
        .problem(428, "if_match_required");
    let reply = server
        .patch(&note_path)
        .bearer(&ada_token)
        .header("if-match", "\"1\"")
        .json(&json!({"body": "Revised"}))
        .send()
        .await;
    assert_eq!(
        (reply.status, reply.header("etag")),
        (200, Some("\"2\"".into()))
    );
    assert_eq!(reply.json()["body"], "Revised");
    server
        .patch(&note_path)
        .bearer(&ada_token)
        .header("if-match", "\"1\"")
        .json(&json!({"body": "Stale"}))
        .send()
        .await
        .problem(412, "stale_version");
    server
        .delete(&note_path)
        .bearer(&bob_token)
        .header("if-match", "\"2\"")
        .send()
        .await
        .problem(403, "forbidden");
    server
        .delete(&note_path)
        .bearer(&ada_token)
        .send()
        .await
        .problem(428, "if_match_required");
    let reply = server
        .delete(&note_path)
        .bearer(&ada_token)
        .header("if-match", "\"2\"")
        .send()
        .await;
    assert_eq!(reply.status, 204);
    server
        .get(&note_path)
        .bearer(&ada_token)
        .send()
        .await
        .problem(404, "not_found");

    // Deleting a user removes their notes in the same unit.
    server
        .delete(&ada_path)
        .bearer(&bob_token)
        .header("if-match", "*")
        .send()
        .await
        .problem(403, "forbidden");
    server
        .delete(&ada_path)
        .bearer(&ada_token)
        .header("if-match", "\"1\"")
        .send()
        .await
        .problem(412, "stale_version");
    let reply = server
        .delete(&ada_path)
        .bearer(&ada_token)
        .header("if-match", "\"3\"")
        .send()
        .await;
    assert_eq!(reply.status, 204);
    server
        .get(&ada_path)
        .bearer(&root_token)
        .send()
        .await
        .problem(404, "not_found");
    assert_eq!(
        server
            .get(&notes_path)
            .bearer(&root_token)
            .send()
            .await
            .json()["total"],
        0
    );
    let page = server.get("/users").bearer(&root_token).send().await.json();
    assert_eq!(page["total"], 2);

    // Router and middleware errors are problems too.
    server
        .get("/nope")
        .send()
        .await
        .problem(404, "route_not_found");
    let reply = server.request(reqwest::Method::PUT, "/users").send().await;
    reply.problem(405, "method_not_allowed");
    assert!(
        reply
            .header("allow")
            .is_some_and(|allow| allow.contains("POST"))
    );

    // The request id: the client's is kept and echoed into the problem; one is made otherwise.
    let reply = server
        .get("/users/1")
        .header("x-request-id", "req-42")
        .send()
        .await;
    assert_eq!(reply.header("x-request-id").as_deref(), Some("req-42"));
    assert_eq!(
        reply.problem(401, "unauthenticated")["request_id"],
        "req-42"
    );

    // Docs: the generated document and the page.
    let doc = server.get("/openapi.json").send().await.json();
    for (path, methods) in OPERATIONS {
        for method in *methods {
            assert!(
                doc["paths"][path][method].is_object(),
                "{method} {path} missing"
            );
        }
    }
    assert!(doc["components"]["schemas"]["ProblemDetails"].is_object());
    assert!(
        doc["components"]["schemas"]["UserView"]["properties"]
            .get("password_hash")
            .is_none()
    );
    let reply = server.get("/docs/").send().await;
    assert_eq!(reply.status, 200);
    assert!(reply.text().contains("swagger"), "{}", reply.text());
}

/// Every operation of the API: `(path, methods)`.
pub const OPERATIONS: &[(&str, &[&str])] = &[
    ("/auth/token", &["post"]),
    ("/users", &["get", "post"]),
    ("/users/{id}", &["get", "patch", "delete"]),
    ("/users/{id}/notes", &["get", "post"]),
    ("/notes/{id}", &["get", "patch", "delete"]),
];

#[allow(clippy::too_many_lines)]
async fn hostile(server: &Server) {
    // Malformed JSON, a wrong or missing content type.
    for body in ["{\"email\":", "[]", "null", "{\"email\": 1}", "\u{feff}{}"] {
        server
            .post("/users")
            .raw("application/json", body)
            .send()
            .await
            .problem(400, "malformed_request");
    }
    server
        .post("/users")
        .json(&json!({"email": "a@example.com", "name": "A", "password": "long enough", "role": "admin"}))
        .send()
        .await
        .problem(400, "malformed_request");
    server
        .post("/users")
        .raw("text/plain", "{\"email\": \"a@example.com\"}")
        .send()
        .await
        .problem(415, "unsupported_media_type");
    server
        .post("/users")
        .raw("application/x-www-form-urlencoded", "email=a")
        .send()
        .await
        .problem(415, "unsupported_media_type");

    // Limits: a field over its maximum is a 422; a body over the server's limit a 413,
    // however far over.
    let problem = server
        .post("/users")
        .json(&json!({"email": format!("{}@example.com", "a".repeat(300)), "name": "n".repeat(81), "password": "p".repeat(129)}))
        .send()
        .await
        .problem(422, "validation_failed");
    assert_eq!(problem["errors"].as_array().unwrap().len(), 4, "{problem}");
    for size in [70 * 1024, 1024 * 1024, 16 * 1024 * 1024] {
        let body = json!({"email": "big@example.com", "name": "x".repeat(size), "password": "long enough"});
        let body = serde_json::to_vec(&body).unwrap();
        server
            .post_while_sending("/users", "application/json", body)
            .await
            .problem(413, "payload_too_large");
    }

    // Unicode round-trips.
    let name = "Zoë Åsa 山田 😀 \u{202e}rtl";
    let user = server
        .signup("zoe@example.com", name, "pässwörd 🔑 long")
        .await;
    assert_eq!(user["name"], name);
    let token = server.token("zoe@example.com", "pässwörd 🔑 long").await;
    let zoe = format!("/users/{}", id(&user));
    assert_eq!(
        server.get(&zoe).bearer(&token).send().await.json()["name"],
        name
    );
    let note = server
        .post(&format!("{zoe}/notes"))
        .bearer(&token)
        .json(&json!({"title": "日本語のノート", "body": "emoji 🎉 and combining e\u{301}"}))
        .send()
        .await;
    assert_eq!(note.status, 201);
    assert_eq!(note.json()["body"], "emoji 🎉 and combining e\u{301}");
    // NUL cannot be stored anywhere: 422, never a driver error.
    server
        .patch(&zoe)
        .bearer(&token)
        .header("if-match", "*")
        .json(&json!({"name": "nul\u{0}name"}))
        .send()
        .await
        .problem(422, "invalid_value");

    // SQL metacharacters in every field, query and path: stored and read back as text.
    let sql = "x'); DROP TABLE users; --\"`\\";
    let email = "o'brien+drop@example.com";
    let reply = server
        .post("/users")
        .json(&json!({"email": email, "name": sql, "password": "' OR '1'='1' --"}))
        .send()
        .await;
    let user = if reply.status == 201 {
        reply.json()
    } else {
        reply.problem(422, "validation_failed");
        server
            .signup("obrien@example.com", sql, "' OR '1'='1' --")
            .await
    };
    assert_eq!(user["name"], sql);
    let login = user["email"].as_str().unwrap().to_owned();
    let token = server.token(&login, "' OR '1'='1' --").await;
    server
        .post("/auth/token")
        .json(&json!({"email": "' OR 1=1 --", "password": "' OR '1'='1' --"}))
        .send()
        .await
        .problem(401, "invalid_credentials");
    let path = format!("/users/{}", id(&user));
    let note = server
        .post(&format!("{path}/notes"))
        .bearer(&token)
        .json(&json!({"title": sql, "body": "'; DELETE FROM notes; --"}))
        .send()
        .await;
    assert_eq!(note.status, 201, "{}", note.text());
    assert_eq!(note.json()["title"], sql);
    for query in [
        "sort=name;DROP%20TABLE%20users",
        "sort=name%20DESC",
        "sort=-name--",
        "sort=%27",
    ] {
        server
            .get(&format!("/users?{query}"))
            .bearer(&token)
            .send()
            .await
            .problem(400, "invalid_sort");
    }
    for query in [
        "offset=1%20OR%201=1",
        "limit=1;DROP",
        "offset=-1",
        "limit=99999999999",
    ] {
        server
            .get(&format!("/users?{query}"))
            .bearer(&token)
            .send()
            .await
            .problem(400, "malformed_request");
    }
    for bad in [
        "1;DROP%20TABLE%20users",
        "1%27%20OR%20%271%27=%271",
        "-",
        "9223372036854775808",
    ] {
        server
            .get(&format!("/users/{bad}"))
            .bearer(&token)
            .send()
            .await
            .problem(400, "invalid_id");
    }
    server
        .patch(&path)
        .bearer(&token)
        .header("if-match", "\"1' OR 1=1 --\"")
        .json(&json!({"name": sql}))
        .send()
        .await
        .problem(412, "stale_version");
    let huge_token = "a".repeat(4000);
    server
        .get(&path)
        .bearer(&huge_token)
        .send()
        .await
        .problem(401, "invalid_token");
    server
        .get(&path)
        .header_bytes("authorization", "Bearer é😀".as_bytes())
        .send()
        .await
        .problem(401, "invalid_token");
    // The tables are all still there.
    let page = server
        .get("/users?limit=100")
        .bearer(&token)
        .send()
        .await
        .json();
    assert!(page["total"].as_u64().unwrap() >= 4, "{page}");
    assert!(
        page["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|u| u["name"] == sql)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_rate_limit_answers_429_with_retry_after() {
    let mut config = config();
    config.rate_limit = Some(crate::service::config::RateLimit {
        interval: std::time::Duration::from_secs(60),
        burst: 3,
    });
    let database = Database::sqlite(&mut config);
    let server = Server::start(&config).await;
    for _ in 0..3 {
        server
            .get("/users/1")
            .send()
            .await
            .problem(401, "unauthenticated");
    }
    let reply = server.get("/users/1").send().await;
    let problem = reply.problem(429, "rate_limited");
    let retry_after: u64 = reply
        .header("retry-after")
        .expect("Retry-After")
        .parse()
        .expect("seconds");
    assert!((1..=61).contains(&retry_after), "{retry_after}");
    assert!(
        problem["detail"].as_str().unwrap().contains("retry after"),
        "{problem}"
    );
    server.stop().await;
    database.drop().await;
}

/// argon2 settings that take a noticeable time per hash (about 100 ms in a debug build).
fn slow_hashing(config: &mut Config) {
    config.hash_cost = crate::service::config::HashCost {
        memory_kib: 4 * 1024,
        iterations: 1,
        parallelism: 1,
    };
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_timeout_answers_408_problem_and_writes_nothing() {
    let mut config = config();
    slow_hashing(&mut config);
    config.request_timeout = std::time::Duration::from_millis(5);
    let database = Database::sqlite(&mut config);
    let server = Server::start(&config).await;
    server
        .post("/users")
        .json(&json!({"email": "slow@example.com", "name": "Slow", "password": "long enough"}))
        .send()
        .await
        .problem(408, "request_timeout");
    server.stop().await;
    database.drop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shutdown_lets_the_requests_in_flight_finish() {
    let mut config = config();
    slow_hashing(&mut config);
    let database = Database::sqlite(&mut config);
    let server = Server::start(&config).await;
    let url = format!("{}/users", server.base);
    let in_flight = tokio::spawn({
        let url = url.clone();
        async move {
            let response = reqwest::Client::new()
                .post(url)
                .header("content-type", "application/json")
                .body(r#"{"email": "late@example.com", "name": "Late", "password": "long enough"}"#)
                .send()
                .await
                .expect("answered despite the shutdown");
            response.status().as_u16()
        }
    });
    // The sign-up is hashing when the shutdown begins.
    tokio::time::sleep(std::time::Duration::from_millis(30)).await;
    server.stop().await;
    assert_eq!(in_flight.await.unwrap(), 201);
    assert!(
        reqwest::get(url).await.is_err(),
        "still accepting connections"
    );
    database.drop().await;
}
