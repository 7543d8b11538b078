//! Everything the service logs at every level while it signs up, issues tokens, refuses bad
//! credentials and changes passwords: no password and no token appears in it.

use std::io::Write;
use std::sync::{Arc, Mutex};

use serde_json::json;

use crate::harness::{Database, Server, config};

#[derive(Clone, Default)]
struct Capture(Arc<Mutex<Vec<u8>>>);

impl Write for Capture {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for Capture {
    type Writer = Self;

    fn make_writer(&'a self) -> Self {
        self.clone()
    }
}

#[test]
fn no_password_or_token_is_logged() {
    let capture = Capture::default();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_ansi(false)
        .with_writer(capture.clone())
        .finish();
    // One thread: the server's tasks run where the subscriber is the default.
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let secrets = tracing::subscriber::with_default(subscriber, || runtime.block_on(exercise()));
    let logs = String::from_utf8(capture.0.lock().unwrap().clone()).unwrap();
    for needle in [
        "signed up",
        "token issued",
        "sign-in refused",
        "user updated",
        "request_id",
        "status=401",
        "status=422",
    ] {
        assert!(logs.contains(needle), "the logs lack {needle:?}:\n{logs}");
    }
    for secret in &secrets {
        assert!(
            !logs.contains(secret.as_str()),
            "the logs show a secret ({secret}):\n{logs}"
        );
    }
    assert!(
        !logs.contains("$argon2"),
        "the logs show a password hash:\n{logs}"
    );
    assert!(
        !logs.to_lowercase().contains("bearer ey"),
        "the logs show a token:\n{logs}"
    );
}

/// Drives the service; returns every secret it sent or received.
async fn exercise() -> Vec<String> {
    let mut config = config();
    let database = Database::sqlite(&mut config);
    let server = Server::start(&config).await;
    let first = "first-Secret-Passw0rd".to_owned();
    let wrong = "wrong-Secret-Passw0rd".to_owned();
    let second = "second-Secret-Passw0rd".to_owned();
    let invalid = "sh0rt".to_owned();
    let user = server.signup("ada@example.com", "Ada", &first).await;
    let token = server.token("ada@example.com", &first).await;
    server
        .post("/auth/token")
        .json(&json!({"email": "ada@example.com", "password": wrong}))
        .send()
        .await
        .problem(401, "invalid_credentials");
    server
        .post("/users")
        .json(&json!({"email": "eve@example.com", "name": "Eve", "password": invalid}))
        .send()
        .await
        .problem(422, "validation_failed");
    let path = format!("/users/{}", user["id"]);
    let reply = server
        .patch(&path)
        .bearer(&token)
        .header("if-match", "*")
        .json(&json!({"password": second}))
        .send()
        .await;
    assert_eq!(reply.status, 200);
    let second_token = server.token("ada@example.com", &second).await;
    server
        .get(&path)
        .bearer(&format!("{token}x"))
        .send()
        .await
        .problem(401, "invalid_token");
    server.get(&path).bearer(&second_token).send().await;
    server.stop().await;
    database.drop().await;
    let signature = |token: &str| token.rsplit('.').next().unwrap_or_default().to_owned();
    vec![
        first,
        wrong,
        second,
        invalid,
        signature(&token),
        signature(&second_token),
        token,
        second_token,
    ]
}
