//! `/docs` in a real browser: headless Chromium renders the Swagger UI page (served from the
//! binary, no CDN) and every operation of the API is on it.

use std::process::Command;

use crate::e2e::OPERATIONS;
use crate::harness::{Database, Server, config};

fn chromium() -> Option<&'static str> {
    ["chromium", "chromium-browser"].into_iter().find(|name| {
        Command::new(name)
            .arg("--version")
            .output()
            .is_ok_and(|out| out.status.success())
    })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_docs_page_shows_every_operation() {
    let Some(browser) = chromium() else {
        println!("skipped: chromium is not on PATH (apt-get install chromium)");
        return;
    };
    let mut config = config();
    let database = Database::sqlite(&mut config);
    let server = Server::start(&config).await;
    let url = format!("{}/docs/", server.base);
    let profile =
        std::env::temp_dir().join(format!("pact-chromium-{}", uuid::Uuid::new_v4().simple()));
    let output = tokio::task::spawn_blocking({
        let profile = profile.clone();
        move || {
            Command::new(browser)
                .args([
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--no-first-run",
                ])
                .arg(format!("--user-data-dir={}", profile.display()))
                .args(["--virtual-time-budget=10000", "--dump-dom"])
                .arg(&url)
                .output()
        }
    })
    .await
    .unwrap()
    .expect("chromium runs");
    let _ = std::fs::remove_dir_all(&profile);
    let dom = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        dom.contains("pact example service"),
        "the page did not render the document:\n{dom}"
    );
    for (path, methods) in OPERATIONS {
        for method in *methods {
            // Swagger UI gives each operation a block with the method and the path.
            let method = method.to_uppercase();
            let found = dom.match_indices(&format!(">{method}<")).any(|(at, _)| {
                let near = &dom[at..dom.len().min(at + 600)];
                near.contains(&format!("data-path=\"{path}\""))
                    || near.contains(&format!(">{path}<"))
            });
            assert!(found, "{method} {path} is not on the page");
        }
    }
    server.stop().await;
    database.drop().await;
}
