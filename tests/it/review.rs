//! The review workflow: the SQLite store (including a crash in the middle of
//! a write), the HTTP endpoints on a real server, the page's HTML, and the
//! `review` command.

use std::collections::BTreeSet;
use std::io::BufRead;
use std::path::Path;
use std::process::{Command, Stdio};

use reqwest::header::{AUTHORIZATION, CONTENT_TYPE};
use reqwest::StatusCode;
use sanctions::api::{Config, ReviewToken};
use sanctions::review::{Decision, NewDecision, ReviewStore, State, FILE_NAME};
use serde_json::{json, Value};

use crate::api::{assert_error, json_of, source_names, TestServer};
use crate::common::{data_with_fixtures, root, run_cli, stderr, stdout};

const TOKEN: &str = "test-token-Zq7";

fn with_token() -> Config {
    Config { review_token: ReviewToken::new(TOKEN), ..Config::default() }
}

/// The ids of the shipped registry's designations, in order.
fn designation_ids(data: &Path) -> Vec<String> {
    let registry: Value =
        serde_json::from_str(&std::fs::read_to_string(data.join("registry.json")).unwrap())
            .unwrap();
    registry["designations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap().to_string())
        .collect()
}

fn name_of(data: &Path, id: &str) -> String {
    let registry: Value =
        serde_json::from_str(&std::fs::read_to_string(data.join("registry.json")).unwrap())
            .unwrap();
    let designation =
        registry["designations"].as_array().unwrap().iter().find(|d| d["id"] == id).unwrap();
    designation["name"].as_str().unwrap().to_string()
}

async fn post_decision(
    server: &TestServer,
    id: &str,
    token: Option<&str>,
    body: Value,
) -> (StatusCode, Value) {
    let mut request = server
        .client
        .post(server.url(&format!("/entities/{id}/review")))
        .header(CONTENT_TYPE, "application/json")
        .body(body.to_string());
    if let Some(token) = token {
        request = request.header(AUTHORIZATION, format!("Bearer {token}"));
    }
    json_of(request.send().await.unwrap()).await
}

fn encoded(name: &str) -> String {
    percent_encoding::utf8_percent_encode(name, percent_encoding::NON_ALPHANUMERIC).to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn decisions_need_the_token() {
    let data = data_with_fixtures();
    let id = &designation_ids(data.path())[0];
    let decision = json!({"decision": "accept", "reviewer": "ana"});

    let closed = TestServer::start_on(data.path(), Config::default()).await;
    let (status, body) = post_decision(&closed, id, Some(TOKEN), decision.clone()).await;
    assert_error(status, &body, StatusCode::FORBIDDEN, "reviews_disabled");
    assert!(body["message"].as_str().unwrap().contains("SANCTIONS_REVIEW_TOKEN"));

    let server = TestServer::start_on(data.path(), with_token()).await;
    let (status, body) = post_decision(&server, id, None, decision.clone()).await;
    assert_error(status, &body, StatusCode::UNAUTHORIZED, "unauthorized");
    let (status, body) = post_decision(&server, id, Some("test-token-Zq8"), decision.clone()).await;
    assert_error(status, &body, StatusCode::UNAUTHORIZED, "unauthorized");
    let (status, body) = server.get(&format!("/entities/{id}/history")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["events"], json!([]), "nothing was recorded by refused requests");
    assert!(!data.path().join(FILE_NAME).exists(), "no store is created before a decision");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_decision_changes_records_and_screening_at_once() {
    let data = data_with_fixtures();
    let ids = designation_ids(data.path());
    let (rejected, edited) = (&ids[1], &ids[2]);
    let rejected_name = name_of(data.path(), rejected);
    let server = TestServer::start_on(data.path(), with_token()).await;

    let screen = |name: String, extra: &'static str| {
        let server = &server;
        async move {
            let (_, body) = server.get(&format!("/screen?name={}{extra}", encoded(&name))).await;
            body["matches"]
                .as_array()
                .unwrap()
                .iter()
                .map(|m| m["entity"]["id"].as_str().unwrap().to_string())
                .collect::<Vec<_>>()
        }
    };
    assert!(screen(rejected_name.clone(), "").await.contains(rejected));

    let (status, body) = post_decision(
        &server,
        rejected,
        Some(TOKEN),
        json!({"decision": "reject", "reviewer": "ana", "note": "a mention, not a designation"}),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    assert_eq!(body["event"]["reviewer"], "ana");
    assert_eq!(body["review"]["state"], "rejected");
    assert!(source_names(&body).contains(&"reviews"), "{body}");

    // Rejected: out of screening by default, there on request, and filterable.
    assert!(!screen(rejected_name.clone(), "").await.contains(rejected));
    assert!(screen(rejected_name, "&include_rejected=true").await.contains(rejected));
    let (_, listed) = server.get("/entities?review=rejected").await;
    assert_eq!(listed["total"], 1);
    assert_eq!(listed["entities"][0]["id"], rejected.as_str());
    assert_eq!(listed["entities"][0]["review"], "rejected");

    // An edit overlays the record and the screened names; state unchanged.
    let (status, body) = post_decision(
        &server,
        edited,
        Some(TOKEN),
        json!({"decision": "edit", "reviewer": "bob",
               "set": {"name_en": "Zeta Quantum Trading Co", "country": "iran", "aliases": "ZQT; Zeta Q"}}),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    assert_eq!(body["event"]["changes"]["country"], "IR", "values are normalized");
    assert_eq!(body["review"]["state"], "pending");
    let (_, record) = server.get(&format!("/entities/{edited}")).await;
    assert_eq!(record["name_en"], "Zeta Quantum Trading Co");
    assert_eq!(record["country"], "IR");
    assert_eq!(record["review"]["changes"]["aliases"], "ZQT; Zeta Q");
    assert!(screen("Zeta Quantum Trading".into(), "").await.contains(edited));

    let (_, history) = server.get(&format!("/entities/{edited}/history")).await;
    assert_eq!(history["events"].as_array().unwrap().len(), 1);
    assert_eq!(history["orphaned"], false);
    drop(server);

    // The decisions are in the file: a fresh server (and the CLI) sees them.
    let again = TestServer::start_on(data.path(), Config::default()).await;
    let (_, record) = again.get(&format!("/entities/{rejected}")).await;
    assert_eq!(record["review"]["state"], "rejected");
    assert_eq!(record["review"]["last"]["note"], "a mention, not a designation");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_decisions_get_clear_errors_and_record_nothing() {
    let data = data_with_fixtures();
    let id = designation_ids(data.path())[0].clone();
    let server = TestServer::start_on(data.path(), with_token()).await;
    let accept = json!({"decision": "accept", "reviewer": "ana"});

    let (status, body) =
        post_decision(&server, "org-doesnotexist", Some(TOKEN), accept.clone()).await;
    assert_error(status, &body, StatusCode::NOT_FOUND, "not_found");
    let (status, body) = post_decision(&server, "ofac-9002", Some(TOKEN), accept.clone()).await;
    assert_error(status, &body, StatusCode::CONFLICT, "not_reviewable");
    for (bad, status_wanted, code) in [
        (
            json!({"decision": "maybe", "reviewer": "ana"}),
            StatusCode::UNPROCESSABLE_ENTITY,
            "malformed_json",
        ),
        (json!({"decision": "accept"}), StatusCode::UNPROCESSABLE_ENTITY, "malformed_json"),
        (
            json!({"decision": "accept", "reviewer": "ana", "extra": 1}),
            StatusCode::UNPROCESSABLE_ENTITY,
            "malformed_json",
        ),
        (
            json!({"decision": "accept", "reviewer": "  "}),
            StatusCode::UNPROCESSABLE_ENTITY,
            "bad_field",
        ),
        (
            json!({"decision": "edit", "reviewer": "ana", "set": {"evidence": "x"}}),
            StatusCode::UNPROCESSABLE_ENTITY,
            "bad_field",
        ),
        (
            json!({"decision": "edit", "reviewer": "ana", "set": {"date": "yesterday"}}),
            StatusCode::UNPROCESSABLE_ENTITY,
            "bad_field",
        ),
        (
            json!({"decision": "reject", "reviewer": "ana", "set": {"name": "x"}}),
            StatusCode::UNPROCESSABLE_ENTITY,
            "bad_field",
        ),
    ] {
        let (status, body) = post_decision(&server, &id, Some(TOKEN), bad.clone()).await;
        assert_error(status, &body, status_wanted, code);
    }
    let response = server
        .client
        .post(server.url(&format!("/entities/{id}/review")))
        .header(CONTENT_TYPE, "application/json")
        .header(AUTHORIZATION, format!("Bearer {TOKEN}"))
        .body("{\"decision\": ")
        .send()
        .await
        .unwrap();
    let (status, body) = json_of(response).await;
    assert_error(status, &body, StatusCode::UNPROCESSABLE_ENTITY, "malformed_json");
    let response = server
        .client
        .post(server.url(&format!("/entities/{id}/review")))
        .header(CONTENT_TYPE, "text/plain")
        .header(AUTHORIZATION, format!("Bearer {TOKEN}"))
        .body(accept.to_string())
        .send()
        .await
        .unwrap();
    let (status, body) = json_of(response).await;
    assert_error(status, &body, StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type");
    let huge = json!({"decision": "accept", "reviewer": "ana", "note": "x".repeat(100_000)});
    let (status, body) = post_decision(&server, &id, Some(TOKEN), huge).await;
    assert_error(status, &body, StatusCode::PAYLOAD_TOO_LARGE, "too_large");
    let (status, body) = server.get("/entities/org-doesnotexist/history").await;
    assert_error(status, &body, StatusCode::NOT_FOUND, "not_found");

    let (_, history) = server.get(&format!("/entities/{id}/history")).await;
    assert_eq!(history["events"], json!([]), "no bad decision was recorded");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_decisions_on_one_designation_are_all_kept_in_order() {
    let data = data_with_fixtures();
    let id = designation_ids(data.path())[0].clone();
    let server = std::sync::Arc::new(TestServer::start_on(data.path(), with_token()).await);
    let mut sent = Vec::new();
    for n in 0..24 {
        let server = std::sync::Arc::clone(&server);
        let id = id.clone();
        let decision = ["accept", "reject", "edit"][n % 3];
        let mut body = json!({"decision": decision, "reviewer": format!("reviewer {n}"), "note": format!("note {n}")});
        if decision == "edit" {
            body["set"] = json!({"name_en": format!("Name {n}")});
        }
        sent.push(tokio::spawn(
            async move { post_decision(&server, &id, Some(TOKEN), body).await },
        ));
    }
    let mut seqs = BTreeSet::new();
    for answer in sent {
        let (status, body) = answer.await.unwrap();
        assert_eq!(status, StatusCode::CREATED, "{body}");
        seqs.insert(body["event"]["seq"].as_i64().unwrap());
    }
    assert_eq!(seqs.len(), 24, "each decision has its own number");
    let (_, history) = server.get(&format!("/entities/{id}/history")).await;
    let events = history["events"].as_array().unwrap();
    let notes: BTreeSet<String> =
        events.iter().map(|e| e["note"].as_str().unwrap().to_string()).collect();
    assert_eq!(notes, (0..24).map(|n| format!("note {n}")).collect::<BTreeSet<_>>(), "none lost");
    assert!(events.windows(2).all(|pair| pair[0]["seq"].as_i64() < pair[1]["seq"].as_i64()));
    // The record reflects the last accept or reject and the last edit.
    let last_verdict = events.iter().rev().find(|e| e["decision"] != "edit").unwrap();
    let last_edit = events.iter().rev().find(|e| e["decision"] == "edit").unwrap();
    let (_, record) = server.get(&format!("/entities/{id}")).await;
    let wanted_state = if last_verdict["decision"] == "accept" { "accepted" } else { "rejected" };
    assert_eq!(record["review"]["state"], wanted_state);
    assert_eq!(record["name_en"], last_edit["changes"]["name_en"]);
    assert_eq!(record["review"]["events"], 24);
}

#[test]
fn decisions_stay_attached_across_extraction_and_orphans_are_reported() {
    let data = tempfile::tempdir().unwrap();
    let registry_path = data.path().join("registry.json");
    std::fs::copy(root().join("data/registry.json"), &registry_path).unwrap();
    let ids = designation_ids(data.path());
    let (kept, dropped) = (&ids[0], &ids[3]);
    for id in [kept, dropped] {
        let output = run_cli(data.path(), &["review", id, "accept", "--reviewer", "ana"]);
        assert!(output.status.success(), "{}", stderr(&output));
    }
    // Extract again from the same sources: the ids are stable.
    let sources = root().join("data/sources");
    let output = run_cli(data.path(), &["extract", "--sources", sources.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let output = run_cli(data.path(), &["review", "list", "--status", "accepted"]);
    let listing = stdout(&output);
    assert!(listing.contains(kept.as_str()) && listing.contains(dropped.as_str()), "{listing}");

    // A registry without one of them: its decisions are kept and reported.
    let mut registry: Value =
        serde_json::from_str(&std::fs::read_to_string(&registry_path).unwrap()).unwrap();
    registry["designations"].as_array_mut().unwrap().retain(|d| d["id"] != dropped.as_str());
    std::fs::write(&registry_path, serde_json::to_string(&registry).unwrap()).unwrap();
    let output = run_cli(data.path(), &["review", "list"]);
    assert!(
        stdout(&output)
            .contains(&format!("no longer in the registry (see `review history ID`): {dropped}")),
        "{}",
        stdout(&output)
    );
    let output = run_cli(data.path(), &["review", "history", dropped]);
    assert!(output.status.success());
    assert!(
        stdout(&output).contains("no longer in the registry")
            && stdout(&output).contains("accept by ana")
    );
    let catalog =
        sanctions::catalog::Catalog::load(data.path(), "2026-01-01".parse().unwrap()).unwrap();
    assert_eq!(catalog.orphaned_reviews, std::slice::from_ref(dropped));
}

#[test]
fn the_review_command_records_lists_and_refuses_bad_input() {
    let data = tempfile::tempdir().unwrap();
    std::fs::copy(root().join("data/registry.json"), data.path().join("registry.json")).unwrap();
    let id = designation_ids(data.path())[0].clone();
    let output = run_cli(
        data.path(),
        &[
            "review",
            &id,
            "edit",
            "--set",
            "country=Russia",
            "--set",
            "name_en=Best New Materials",
            "--reviewer",
            "ana",
            "--note",
            "per the release",
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).contains("edit"), "{}", stdout(&output));
    let output = run_cli(data.path(), &["show", &id]);
    let shown = stdout(&output);
    assert!(shown.contains("country:     RU") && shown.contains("Best New Materials"), "{shown}");
    assert!(
        shown.contains("review:      pending") && shown.contains("edited:      country, name_en"),
        "{shown}"
    );
    let output = run_cli(data.path(), &["review", "history", &id, "--json"]);
    let history: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(history["events"][0]["changes"]["country"], "RU");
    assert_eq!(history["events"][0]["note"], "per the release");

    for (args, message) in [
        (
            vec!["review", &id, "edit", "--set", "evidence=x", "--reviewer", "ana"],
            "cannot be edited",
        ),
        (vec!["review", &id, "edit", "--set", "country", "--reviewer", "ana"], "FIELD=VALUE"),
        (vec!["review", &id, "approve", "--reviewer", "ana"], "not one of accept, reject, edit"),
        (vec!["review", "org-nope", "accept", "--reviewer", "ana"], "no designation with id"),
        (vec!["review", "history"], "give the id"),
    ] {
        let output = run_cli(data.path(), &args);
        assert!(!output.status.success(), "{args:?}");
        assert!(stderr(&output).contains(message), "{args:?}: {}", stderr(&output));
    }
    let output = run_cli(data.path(), &["review", "history", &id, "--json"]);
    let history: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(history["events"].as_array().unwrap().len(), 1, "refused decisions left no trace");
}

/// Run by `a_crash_mid_write_loses_no_decision_and_shows_no_half_one` in a
/// child process: records three decisions, starts a fourth without
/// committing, says READY and waits to be killed.
#[test]
#[ignore = "a helper run in a child process"]
fn crash_helper() {
    let Ok(path) = std::env::var("SANCTIONS_CRASH_STORE") else { return };
    let store = ReviewStore::open(Path::new(&path)).unwrap();
    for n in 0..3 {
        store
            .record(NewDecision {
                entity_id: format!("org-{n}"),
                decision: Decision::Accept,
                changes: Default::default(),
                reviewer: "ana".into(),
                note: None,
            })
            .unwrap();
    }
    let raw = rusqlite::Connection::open(&path).unwrap();
    raw.execute_batch(
        "BEGIN IMMEDIATE; INSERT INTO events (entity_id, decision, changes, reviewer, at)
         VALUES ('org-half', 'reject', '{}', 'ana', '2026-01-01T00:00:00Z');",
    )
    .unwrap();
    println!("READY");
    std::thread::sleep(std::time::Duration::from_secs(60));
}

#[test]
fn a_crash_mid_write_loses_no_decision_and_shows_no_half_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(FILE_NAME);
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "review::crash_helper", "--ignored", "--nocapture", "--test-threads=1"])
        .env("SANCTIONS_CRASH_STORE", &path)
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = std::io::BufReader::new(child.stdout.take().unwrap()).lines();
    assert!(lines.any(|line| line.unwrap().contains("READY")), "the helper did not get ready");
    child.kill().unwrap(); // SIGKILL: no destructor, no rollback, no checkpoint
    child.wait().unwrap();

    let store = ReviewStore::open(&path).unwrap();
    let reviews = store.reviews().unwrap();
    assert_eq!(reviews.len(), 3, "the committed decisions are there: {reviews:?}");
    assert!(reviews.values().all(|review| review.state == State::Accepted));
    assert!(!reviews.contains_key("org-half"), "the uncommitted one is not");
    let check: String = rusqlite::Connection::open(&path)
        .unwrap()
        .query_row("PRAGMA integrity_check", [], |row| row.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    // The store takes writes again (no lock left behind).
    store
        .record(NewDecision {
            entity_id: "org-half".into(),
            decision: Decision::Reject,
            changes: Default::default(),
            reviewer: "ana".into(),
            note: None,
        })
        .unwrap();
    assert_eq!(store.history("org-half").unwrap().len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_page_lists_designations_with_escaped_evidence() {
    let data = tempfile::tempdir().unwrap();
    let mut registry: Value =
        serde_json::from_str(&std::fs::read_to_string(root().join("data/registry.json")).unwrap())
            .unwrap();
    // Source texts are untrusted: a sentence carrying markup must show as text.
    let first = &mut registry["designations"][0];
    let name = first["name"].as_str().unwrap().to_string();
    first["evidence"]["sentence"] =
        format!("<script>alert(1)</script> sanctions on {name} & co.").into();
    std::fs::write(data.path().join("registry.json"), registry.to_string()).unwrap();
    let server = TestServer::start_on(data.path(), with_token()).await;

    let response = server.client.get(server.url("/review")).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let policy = response.headers()["content-security-policy"].to_str().unwrap().to_string();
    assert!(policy.contains("script-src 'self'") && !policy.contains("unsafe-inline"), "{policy}");
    let page = response.text().await.unwrap();
    assert!(!page.contains("<script>alert"), "markup from a source reached the page");
    assert!(page.contains(&format!(
        "&lt;script&gt;alert(1)&lt;/script&gt; sanctions on <mark>{name}</mark> &amp; co."
    )));
    let cards = page.matches("<article class=\"card").count();
    assert_eq!(cards, registry["designations"].as_array().unwrap().len());

    let id = registry["designations"][1]["id"].as_str().unwrap().to_string();
    let (status, _) =
        post_decision(&server, &id, Some(TOKEN), json!({"decision": "reject", "reviewer": "ana"}))
            .await;
    assert_eq!(status, StatusCode::CREATED);
    let page = server.page("/review?status=rejected").await;
    assert_eq!(page.matches("<article class=\"card").count(), 1);
    assert!(page.contains(&format!("data-id=\"{id}\"")) && page.contains("1 rejected"));
    let (status, body) = server.get("/review?status=maybe").await;
    assert_error(status, &body, StatusCode::BAD_REQUEST, "bad_parameter");
    let script = server.client.get(server.url("/static/review.js")).send().await.unwrap();
    assert!(script.headers()["content-type"].to_str().unwrap().starts_with("text/javascript"));
}

/// POST /sources with `token` (none: no header) and a JSON body.
async fn post_source(
    server: &TestServer,
    token: Option<&str>,
    body: Vec<u8>,
) -> (StatusCode, Value) {
    let mut request = server
        .client
        .post(server.url("/sources"))
        .header(CONTENT_TYPE, "application/json")
        .body(body);
    if let Some(token) = token {
        request = request.header(AUTHORIZATION, format!("Bearer {token}"));
    }
    json_of(request.send().await.unwrap()).await
}

const NEW_RELEASE: &str = "WASHINGTON - Today, the Department of the Treasury's Office of \
    Foreign Assets Control (OFAC) designated Kestrel Lowmoor Shipping Co., Ltd. pursuant to \
    Executive Order 13382.";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_text_added_while_serving_is_extracted_and_served_pending() {
    let data = data_with_fixtures();
    let server = TestServer::start_on(data.path(), with_token()).await;
    let body =
        |name: &str, text: &str| json!({"name": name, "text": text}).to_string().into_bytes();
    let registry_before = std::fs::read(data.path().join("registry.json")).unwrap();

    // Refused, and nothing changes: no token, a wrong one, a path, an
    // empty text, a body over the limit, unknown fields.
    let (status, _) = post_source(&server, None, body("new.txt", NEW_RELEASE)).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, _) = post_source(&server, Some("wrong"), body("new.txt", NEW_RELEASE)).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, answer) =
        post_source(&server, Some(TOKEN), body("../escape.txt", NEW_RELEASE)).await;
    assert_error(status, &answer, StatusCode::BAD_REQUEST, "bad_name");
    let (status, answer) = post_source(&server, Some(TOKEN), body("new.txt", "  ")).await;
    assert_error(status, &answer, StatusCode::BAD_REQUEST, "empty_text");
    // Over the limit: 413 as soon as the declared length is read (the client
    // may still be writing the body when the server closes). Sent on a
    // client of its own, so the closed connection is not reused by the
    // requests after it.
    let huge = "x".repeat(5 << 20);
    let sent = reqwest::Client::new()
        .post(server.url("/sources"))
        .header(CONTENT_TYPE, "application/json")
        .header(AUTHORIZATION, format!("Bearer {TOKEN}"))
        .body(body("huge.txt", &huge))
        .send()
        .await;
    match sent {
        Ok(response) => assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE),
        Err(error) => assert!(error.is_request(), "{error}"),
    }
    assert!(!data.path().join("sources/huge.txt").exists());
    let (status, _) = post_source(
        &server,
        Some(TOKEN),
        json!({"name": "new.txt", "text": NEW_RELEASE, "extra": 1}).to_string().into_bytes(),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(std::fs::read(data.path().join("registry.json")).unwrap(), registry_before);
    assert!(!data.path().join("sources/new.txt").exists());
    assert!(!data.path().join("../escape.txt").exists());

    // Added: 201 with the new designation, then served as pending.
    let (status, answer) = post_source(&server, Some(TOKEN), body("new.txt", NEW_RELEASE)).await;
    assert_eq!(status, StatusCode::CREATED, "{answer}");
    assert_eq!(answer["source"], "new.txt");
    let added = answer["designations"].as_array().unwrap();
    let kestrel = added.iter().find(|d| d["name"].as_str().unwrap().contains("Kestrel Lowmoor"));
    let id = kestrel.expect("the new designation is in the answer")["id"].as_str().unwrap();
    let (status, record) = server.get(&format!("/entities/{id}")).await;
    assert_eq!(status, StatusCode::OK, "{record}");
    assert_eq!(record["review"]["state"], "pending");
    let (_, found) = server.get("/screen?name=Kestrel%20Lowmoor%20Shipping").await;
    assert_eq!(found["matches"][0]["entity"]["id"], id);
    // The same name again is refused.
    let (status, answer) = post_source(&server, Some(TOKEN), body("new.txt", "other text")).await;
    assert_error(status, &answer, StatusCode::CONFLICT, "exists");
    assert_eq!(std::fs::read_to_string(data.path().join("sources/new.txt")).unwrap(), NEW_RELEASE);
}

#[test]
fn the_add_command_adds_texts_and_refuses_existing_names() {
    let data = data_with_fixtures();
    let file = data.path().join("kestrel release.txt");
    std::fs::write(&file, NEW_RELEASE).unwrap();
    let output = run_cli(data.path(), &["add", file.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).contains("Kestrel Lowmoor"), "{}", stdout(&output));
    assert!(data.path().join("sources/kestrel release.txt").exists());
    let output = run_cli(data.path(), &["add", file.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("exists"), "{}", stderr(&output));
}
