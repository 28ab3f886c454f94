//! The HTTP API through a real server on 127.0.0.1:0 and a real HTTP client
//! (reqwest), plus raw sockets for what clients will not send: invalid
//! UTF-8, slow bodies and headers, too many connections.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use percent_encoding::{utf8_percent_encode, NON_ALPHANUMERIC};
use reqwest::header::CONTENT_TYPE;
use reqwest::StatusCode;
use sanctions::api::{self, AppState, Config};
use sanctions::catalog::Catalog;
use sanctions::lists;
use serde_json::{json, Value};
use tokio::sync::oneshot;

use crate::common::root;

/// The day statuses are judged on in these tests.
const AS_OF: &str = "2026-01-01";

/// A server running in this process on the shipped registry and the
/// fixture lists; stops when dropped.
pub(crate) struct TestServer {
    pub(crate) addr: SocketAddr,
    pub(crate) client: reqwest::Client,
    stop: Option<oneshot::Sender<()>>,
    finished: Option<tokio::task::JoinHandle<std::io::Result<()>>>,
}

impl TestServer {
    pub(crate) async fn start(config: Config) -> TestServer {
        // A fixed day, so the server never swaps in a catalog for today, and
        // no watching: the fixture catalog is not what its folder holds.
        let config = Config {
            as_of: Some(AS_OF.parse().unwrap()),
            watch_every: Duration::from_secs(3600),
            ..config
        };
        let catalog = fixture_catalog();
        TestServer::serve(AppState::new(root().join("data"), catalog, config)).await
    }

    /// A server on the data folder `data`, loaded as the binary loads it.
    pub(crate) async fn start_on(data: &std::path::Path, config: Config) -> TestServer {
        let as_of: NaiveDate = AS_OF.parse().unwrap();
        let config = Config { as_of: Some(as_of), ..config };
        let catalog = Catalog::load(data, as_of).unwrap();
        TestServer::serve(AppState::new(data.to_path_buf(), catalog, config)).await
    }

    async fn serve(state: Arc<AppState>) -> TestServer {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let (stop, stopped) = oneshot::channel::<()>();
        let finished = tokio::spawn(api::serve(listener, state, async {
            let _ = stopped.await;
        }));
        TestServer {
            addr,
            client: reqwest::Client::new(),
            stop: Some(stop),
            finished: Some(finished),
        }
    }

    pub(crate) fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// GET `path`: the status and the body as JSON (which every answer is).
    pub(crate) async fn get(&self, path: &str) -> (StatusCode, Value) {
        let response = self.client.get(self.url(path)).send().await.unwrap();
        json_of(response).await
    }

    /// GET `path` as text (the HTML pages).
    pub(crate) async fn page(&self, path: &str) -> String {
        self.client.get(self.url(path)).send().await.unwrap().text().await.unwrap()
    }

    /// POST `body` with `content_type`: the status and the JSON body.
    pub(crate) async fn post(
        &self,
        path: &str,
        content_type: &str,
        body: Vec<u8>,
    ) -> (StatusCode, Value) {
        let response = self
            .client
            .post(self.url(path))
            .header(CONTENT_TYPE, content_type)
            .body(body)
            .send()
            .await
            .unwrap();
        json_of(response).await
    }

    /// Stops accepting, finishes requests in flight, and returns.
    async fn shut_down(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(finished) = self.finished.take() {
            finished.await.unwrap().unwrap();
        }
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

/// The catalog of the shipped registry plus the OFAC and CSV fixtures.
fn fixture_catalog() -> Catalog {
    let lists_dir = root().join("tests/data/lists");
    let sdn = lists::ofac::import(
        "ofac-sdn",
        lists::ofac::Files {
            primary: &lists_dir.join("sdn.csv"),
            aliases: Some(&lists_dir.join("alt.csv")),
            addresses: Some(&lists_dir.join("add.csv")),
        },
    )
    .unwrap();
    let watchlist = lists::table::import("watchlist", &lists_dir.join("watchlist.csv")).unwrap();
    let registry = sanctions::registry::store::load(&root().join("data/registry.json")).unwrap();
    let as_of: NaiveDate = AS_OF.parse().unwrap();
    Catalog::new(registry, "test".into(), vec![sdn, watchlist], Default::default(), as_of)
}

pub(crate) async fn json_of(response: reqwest::Response) -> (StatusCode, Value) {
    let status = response.status();
    let content_type = response
        .headers()
        .get(CONTENT_TYPE)
        .map(|value| value.to_str().unwrap().to_string())
        .unwrap_or_default();
    let text = response.text().await.unwrap();
    assert!(content_type.starts_with("application/json"), "{status} {content_type}: {text}");
    (status, serde_json::from_str(&text).unwrap())
}

fn encode(text: &str) -> String {
    utf8_percent_encode(text, NON_ALPHANUMERIC).to_string()
}

/// Sends raw bytes on a new connection and reads until the server closes
/// it or `wait` passes; returns what came back.
fn raw_exchange(addr: SocketAddr, request: &[u8], wait: Duration) -> String {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream.set_read_timeout(Some(wait)).unwrap();
    stream.write_all(request).unwrap();
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    String::from_utf8_lossy(&answer).into_owned()
}

/// The names of the sources an answer's `data` lists.
pub(crate) fn source_names(body: &Value) -> Vec<&str> {
    body["data"]["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["source"].as_str().unwrap())
        .collect()
}

pub(crate) fn assert_error(status: StatusCode, body: &Value, expected: StatusCode, code: &str) {
    assert_eq!(status, expected, "{body}");
    assert_eq!(body["error"], code, "{body}");
    assert!(body["message"].as_str().is_some_and(|m| !m.is_empty()), "{body}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn health_reports_counts_and_data_versions() {
    let server = TestServer::start(Config::default()).await;
    let (status, body) = server.get("/health").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["status"], "ok");
    assert_eq!(source_names(&body), ["registry", "ofac-sdn", "watchlist"]);
    let listed: u64 = body["data"]["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["entities"].as_u64().unwrap())
        .sum();
    assert_eq!(body["entities"].as_u64(), Some(listed));
    assert_eq!(body["data"]["as_of"], AS_OF);
    assert!(body["data"]["sources"][1]["version"].as_str().unwrap().starts_with("sha256:"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_server_follows_a_list_imported_by_another_process() {
    let data = crate::common::data_with_fixtures();
    let config = Config { watch_every: Duration::from_millis(100), ..Config::default() };
    let server = TestServer::start_on(data.path(), config).await;
    let (_, before) = server.get("/health").await;
    assert!(!source_names(&before).contains(&"invented"));
    let list = data.path().join("invented.csv");
    std::fs::write(&list, "id,kind,name\nI-1,person,Ottilie Brackwater\n").unwrap();
    let output = crate::common::run_cli(data.path(), &["import", "csv", list.to_str().unwrap()]);
    assert!(output.status.success(), "{}", crate::common::stderr(&output));
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let (status, body) = server.get("/screen?name=Ottilie%20Brackwater").await;
        assert_eq!(status, StatusCode::OK);
        if body["matches"][0]["entity"]["id"] == "I-1" {
            let (_, health) = server.get("/health").await;
            assert!(source_names(&health).contains(&"invented"));
            assert_eq!(health["last_reload"]["outcome"], "ok", "{health}");
            assert_eq!(health["last_reload"]["reason"], "changed data");
            assert_eq!(
                health["entities"].as_u64(),
                before["entities"].as_u64().map(|count| count + 1)
            );
            break;
        }
        assert!(Instant::now() < deadline, "the new list was not served: {body}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // A list that cannot be read keeps the last good catalog serving.
    std::fs::write(data.path().join("lists/invented.json"), b"{ cut short").unwrap();
    tokio::time::sleep(Duration::from_millis(500)).await;
    let (status, body) = server.get("/screen?name=Ottilie%20Brackwater").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["matches"][0]["entity"]["id"], "I-1");
    // /health says the last reload failed, and why.
    let (_, health) = server.get("/health").await;
    assert_eq!(health["last_reload"]["outcome"], "failed", "{health}");
    assert!(health["last_reload"]["error"].as_str().unwrap().contains("invented.json"), "{health}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn entities_filter_page_and_count() {
    let server = TestServer::start(Config::default()).await;
    let (status, all) = server.get("/entities?limit=1000").await;
    assert_eq!(status, StatusCode::OK);
    let total = all["total"].as_u64().unwrap();
    assert_eq!(all["entities"].as_array().unwrap().len() as u64, total);

    let (_, page) = server.get("/entities?limit=3&offset=2").await;
    assert_eq!(page["total"].as_u64(), Some(total));
    assert_eq!(
        page["entities"].as_array().unwrap().as_slice(),
        &all["entities"].as_array().unwrap()[2..5]
    );

    let (_, vessels) = server.get("/entities?kind=vessel&source=ofac-sdn").await;
    assert!(vessels["total"].as_u64().unwrap() >= 1);
    for entity in vessels["entities"].as_array().unwrap() {
        assert_eq!(entity["kind"], "vessel");
        assert_eq!(entity["source"], "ofac-sdn");
    }
    let (_, inksna) = server.get("/entities?authority=inksna&status=expired").await;
    assert!(inksna["total"].as_u64().unwrap() >= 1, "{inksna}");
    for entity in inksna["entities"].as_array().unwrap() {
        assert_eq!(entity["authority"], "INKSNA");
        assert_eq!(entity["status"], "expired");
    }
    let (_, russian) = server.get("/entities?country=ru").await;
    assert!(russian["entities"]
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["countries"].as_array().unwrap().contains(&json!("RU"))));
    let (_, prefix) = server.get(&format!("/entities?q={}", encode("kang"))).await;
    let ids: Vec<&str> =
        prefix["entities"].as_array().unwrap().iter().map(|e| e["id"].as_str().unwrap()).collect();
    assert!(ids.contains(&"ofac-9002"), "{prefix}");
    let (_, chinese) = server.get(&format!("/entities?q={}", encode("金与"))).await;
    assert_eq!(chinese["total"], 1, "{chinese}");

    let (status, body) = server.get("/entities?kind=starship").await;
    assert_error(status, &body, StatusCode::BAD_REQUEST, "bad_parameter");
    assert!(body["message"].as_str().unwrap().contains("kind"));
    let (status, body) = server.get("/entities?limit=5000").await;
    assert_error(status, &body, StatusCode::BAD_REQUEST, "bad_parameter");
    assert!(body["message"].as_str().unwrap().contains("limit"));
    let (status, body) = server.get("/entities?colour=red").await;
    assert_error(status, &body, StatusCode::BAD_REQUEST, "bad_parameter");
    assert!(body["message"].as_str().unwrap().contains("colour"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_entity_has_its_full_record() {
    let server = TestServer::start(Config::default()).await;
    let (_, page) = server.get("/entities?source=registry&limit=1").await;
    let id = page["entities"][0]["id"].as_str().unwrap().to_string();
    let (status, record) = server.get(&format!("/entities/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(record["record"], "designation");
    assert_eq!(record["source"], "registry");
    assert!(record["evidence"]["sentence"]
        .as_str()
        .unwrap()
        .contains(record["name"].as_str().unwrap()));
    assert_eq!(record["review"]["state"], "pending");
    assert_eq!(record["review"]["events"], 0);

    let (status, entry) = server.get("/entities/ofac-9004").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(entry["record"], "list-entry");
    assert_eq!(entry["source"], "ofac-sdn");
    assert_eq!(entry["identifiers"][0]["value"], "9876543");

    let (status, body) = server.get("/entities/ofac-0").await;
    assert_error(status, &body, StatusCode::NOT_FOUND, "not_found");
    let (status, body) = server.get("/entities/ofac-9004?source=watchlist").await;
    assert_error(status, &body, StatusCode::NOT_FOUND, "not_found");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn authorities_are_counted_per_source() {
    let server = TestServer::start(Config::default()).await;
    let (status, body) = server.get("/authorities").await;
    assert_eq!(status, StatusCode::OK);
    let rows = body["authorities"].as_array().unwrap();
    let sdn = rows.iter().find(|row| row["code"] == "OFAC-SDN").unwrap();
    assert_eq!(sdn["by_source"]["ofac-sdn"], 8, "{sdn}");
    assert!(sdn["name_en"].as_str().is_some());
    // The watchlist names an authority the table does not know; it is
    // listed with its count rather than dropped.
    let eu = rows.iter().find(|row| row["code"] == "EU").unwrap();
    assert_eq!(eu["entities"], 1);
    for row in rows {
        let by_source: u64 =
            row["by_source"].as_object().unwrap().values().map(|n| n.as_u64().unwrap()).sum();
        assert_eq!(row["entities"].as_u64(), Some(by_source), "{row}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn screening_one_name_explains_the_match() {
    let server = TestServer::start(Config::default()).await;
    let (status, body) =
        server.get(&format!("/screen?name={}&kind=person", encode("Петров Сергей Иванович"))).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["threshold"], 0.78);
    assert_eq!(body["limit"], 10);
    let best = &body["matches"][0];
    assert_eq!(best["entity"]["id"], "ofac-9005", "{body}");
    assert_eq!(best["explanation"]["query_via"], "cyrillic");
    assert_eq!(body["data"]["as_of"], AS_OF);

    let (_, vessel) = server.get("/screen?name=IMO%209876543").await;
    assert_eq!(vessel["matches"][0]["entity"]["id"], "ofac-9004", "{vessel}");
    let (_, loose) = server.get("/screen?name=Kang+Phil+Hoon").await;
    assert!(!loose["matches"].as_array().unwrap().is_empty(), "{loose}");
    let (_, strict) = server.get("/screen?name=Kang+Phil+Hoon&threshold=1").await;
    assert_eq!(strict["matches"].as_array().unwrap().len(), 0, "{strict}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_screening_parameters_are_named() {
    let server = TestServer::start(Config::default()).await;
    for (path, parameter) in [
        ("/screen".to_string(), "name"),
        ("/screen?name=".to_string(), "name"),
        ("/screen?name=%20%20".to_string(), "name"),
        ("/screen?name=%21%21%3F".to_string(), "name"),
        (format!("/screen?name={}", "a".repeat(10_000)), "name"),
        ("/screen?name=%FF%FEabc".to_string(), "name"),
        ("/screen?name=x&threshold=1.5".to_string(), "threshold"),
        ("/screen?name=x&threshold=NaN".to_string(), "threshold"),
        ("/screen?name=x&limit=-1".to_string(), "limit"),
        ("/screen?name=x&limit=101".to_string(), "limit"),
        ("/screen?name=x&kind=ship2".to_string(), "kind"),
        ("/screen?name=x&name=y".to_string(), "name"),
    ] {
        let (status, body) = server.get(&path).await;
        assert_error(status, &body, StatusCode::BAD_REQUEST, "bad_parameter");
        let message = body["message"].as_str().unwrap();
        assert!(message.starts_with(&format!("parameter {parameter}")), "{path}: {message}");
    }
    // Control characters and odd scripts are names like any other.
    let long_name = "Kim Yo Jong ".repeat(80);
    for name in
        ["Kim\u{0}Yo\u{7}Jong", "\u{202E}gnoJ oY miK", "🙂 Kim", "Kim\tYo\r\nJong", &long_name]
    {
        let (status, body) = server.get(&format!("/screen?name={}", encode(name))).await;
        assert_eq!(status, StatusCode::OK, "{name:?}: {body}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_batch_answers_each_query_in_order_with_its_id() {
    let server = TestServer::start(Config::default()).await;
    let batch = json!({
        "queries": [
            {"id": "c-1", "name": "KANG Phil Hun"},
            {"id": 2, "name": ""},
            {"name": "Ocean Star", "kind": "vessel", "limit": 1},
            {"id": {"row": 4}, "name": "Nobody Special Whatsoever"}
        ],
        "threshold": 0.8
    });
    let (status, body) =
        server.post("/screen", "application/json", batch.to_string().into_bytes()).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let results = body["results"].as_array().unwrap();
    assert_eq!(results.len(), 4);
    assert_eq!(results[0]["id"], "c-1");
    assert_eq!(results[0]["matches"][0]["entity"]["id"], "ofac-9002");
    assert_eq!(results[1]["id"], 2);
    assert_eq!(results[1]["error"]["error"], "bad_name");
    assert!(results[2].get("id").is_none());
    assert_eq!(results[2]["matches"].as_array().unwrap().len(), 1);
    assert_eq!(results[2]["matches"][0]["entity"]["kind"], "vessel");
    assert_eq!(results[3]["id"], json!({"row": 4}));
    assert_eq!(results[3]["matches"], json!([]));
    assert!(body["data"]["sources"].is_array());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_batches_get_the_right_status() {
    let server = TestServer::start(Config::default()).await;
    let json_type = "application/json";
    let (status, body) = server.post("/screen", json_type, b"{\"queries\": [".to_vec()).await;
    assert_error(status, &body, StatusCode::UNPROCESSABLE_ENTITY, "malformed_json");
    let (status, body) =
        server.post("/screen", json_type, b"{\"queries\": [{\"nam\": \"x\"}]}".to_vec()).await;
    assert_error(status, &body, StatusCode::UNPROCESSABLE_ENTITY, "malformed_json");
    assert!(body["message"].as_str().unwrap().contains("nam"), "{body}");
    let (status, body) = server
        .post("/screen", json_type, b"{\"queries\": [{\"name\": \"x\", \"kind\": 7}]}".to_vec())
        .await;
    assert_error(status, &body, StatusCode::UNPROCESSABLE_ENTITY, "malformed_json");
    assert!(body["message"].as_str().unwrap().contains("queries[0].kind"), "{body}");
    let (status, body) = server
        .post(
            "/screen",
            json_type,
            b"{\"queries\": [{\"name\": \"x\", \"threshold\": 3}]}".to_vec(),
        )
        .await;
    assert_error(status, &body, StatusCode::UNPROCESSABLE_ENTITY, "bad_field");
    assert!(body["message"].as_str().unwrap().contains("queries[0].threshold"), "{body}");
    let (status, body) = server
        .post("/screen", json_type, b"{\"queries\": [{\"name\": \"\xff\xfe\"}]}".to_vec())
        .await;
    assert_error(status, &body, StatusCode::UNPROCESSABLE_ENTITY, "malformed_json");
    let (status, body) = server.post("/screen", "text/plain", b"{\"queries\": []}".to_vec()).await;
    assert_error(status, &body, StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type");

    let too_many: Vec<Value> = (0..1001).map(|i| json!({"id": i, "name": "x"})).collect();
    let body_text = json!({ "queries": too_many }).to_string();
    let (status, body) = server.post("/screen", json_type, body_text.into_bytes()).await;
    assert_error(status, &body, StatusCode::PAYLOAD_TOO_LARGE, "too_large");
    assert!(body["message"].as_str().unwrap().contains("1000"));
    let huge = format!("{{\"queries\": [{{\"name\": \"{}\"}}]}}", "a".repeat(2 << 20));
    let (status, body) = server.post("/screen", json_type, huge.into_bytes()).await;
    assert_error(status, &body, StatusCode::PAYLOAD_TOO_LARGE, "too_large");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn csv_in_csv_out_keeps_every_row() {
    let server = TestServer::start(Config::default()).await;
    let input: &[u8] = b"customer_id;Full Name;note\n\
        1;KANG Phil Hun;a\n\
        2;Nobody Special Whatsoever;b\n\
        3;;c\n\
        4;\xff\xfeKim;latin-1?\n\
        5;too;many;fields\n\
        6;Ocean Star;\xe9t\xe9\n";
    let response = server
        .client
        .post(server.url("/screen/csv?threshold=0.8"))
        .header(CONTENT_TYPE, "text/csv")
        .body(input.to_vec())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["trailer"], "x-rows, x-matched-rows, x-error-rows");
    assert!(response.headers()["x-data-version"].to_str().unwrap().contains("ofac-sdn=sha256:"));
    let output = response.bytes().await.unwrap();
    let mut reader =
        csv::ReaderBuilder::new().delimiter(b';').flexible(true).from_reader(output.as_ref());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header[..3], ["customer_id", "Full Name", "note"]);
    assert_eq!(header[3..], sanctions::bulk::MATCH_COLUMNS);
    let rows: Vec<csv::ByteRecord> = reader.byte_records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 6);
    let cell = |row: usize, column: &str| {
        let at = header.iter().position(|h| h == column).unwrap();
        String::from_utf8_lossy(&rows[row][at]).into_owned()
    };
    assert_eq!(cell(0, "match_id"), "ofac-9002");
    assert_eq!(cell(1, "match_id"), "");
    assert_eq!(cell(1, "error"), "");
    assert_eq!(cell(2, "error"), "empty name");
    assert!(cell(3, "error").contains("UTF-8"), "{}", cell(3, "error"));
    assert_eq!(&rows[3][1], b"\xff\xfeKim", "the bad bytes come back as they were");
    assert!(cell(4, "error").contains("fields beyond the header: fields"), "{}", cell(4, "error"));
    assert_eq!(cell(5, "match_id"), "ofac-9004");
    assert_eq!(&rows[5][2], b"\xe9t\xe9");
    for row in 0..6 {
        assert_eq!(cell(row, "customer_id"), (row + 1).to_string());
    }

    // The quirks the command line handles hold over HTTP too: a BOM, a tab
    // delimiter, CRLF, an embedded newline, and a header-only body.
    let quirky: &[u8] = b"\xEF\xBB\xBFid\tname\r\n1\t\"Ocean\r\nStar\"\r\n";
    let response = server
        .client
        .post(server.url("/screen/csv"))
        .header(CONTENT_TYPE, "text/csv")
        .body(quirky.to_vec())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let output = response.bytes().await.unwrap();
    let table: Vec<csv::StringRecord> = csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .has_headers(false)
        .from_reader(output.as_ref())
        .records()
        .map(Result::unwrap)
        .collect();
    assert_eq!(table.len(), 2);
    assert_eq!(&table[0][0], "id");
    assert_eq!(&table[1][1], "Ocean\r\nStar");
    assert_eq!(&table[1][2], "ofac-9004");
    let response = server
        .client
        .post(server.url("/screen/csv"))
        .header(CONTENT_TYPE, "text/csv")
        .body("id,name\n")
        .send()
        .await
        .unwrap();
    let text = response.text().await.unwrap();
    assert!(text.starts_with("id,name,match_id") && text.lines().count() == 1, "{text}");

    // The command line's evidence columns and --all-matches, as parameters.
    let response = server
        .client
        .post(server.url("/screen/csv?kind_column=type&country_column=land&all_matches=true"))
        .header(CONTENT_TYPE, "text/csv")
        .body("name,type,land\nKANG Phil Hun,person,prk\nOcean Star,organization,Atlantis\n")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let output = response.text().await.unwrap();
    let table: Vec<csv::StringRecord> =
        csv::Reader::from_reader(output.as_bytes()).records().map(Result::unwrap).collect();
    let kang: Vec<&csv::StringRecord> =
        table.iter().filter(|row| &row[0] == "KANG Phil Hun").collect();
    assert!(kang.len() >= 2, "every match of the row has a row: {output}");
    assert!(
        kang[0][3].starts_with("per-") && kang[0][10].ends_with("country KP agrees"),
        "{output}"
    );
    let ocean = table.iter().find(|row| &row[0] == "Ocean Star").unwrap();
    assert_ne!(&ocean[5], "vessel", "the kind column restricts: {output}");
    assert!(ocean[11].starts_with("warning: country \"Atlantis\""), "{output}");
    let (status, body) =
        server.post("/screen/csv?country_column=pays", "text/csv", b"name\nx\n".to_vec()).await;
    assert_error(status, &body, StatusCode::BAD_REQUEST, "bad_parameter");
    assert!(body["message"].as_str().unwrap().starts_with("parameter country_column"), "{body}");
    let (status, body) =
        server.post("/screen/csv?all_matches=maybe", "text/csv", b"name\nx\n".to_vec()).await;
    assert_error(status, &body, StatusCode::BAD_REQUEST, "bad_parameter");

    let (status, body) = server.post("/screen/csv?column=nom", "text/csv", input.to_vec()).await;
    assert_error(status, &body, StatusCode::BAD_REQUEST, "bad_parameter");
    assert!(body["message"].as_str().unwrap().contains("Full Name"), "{body}");
    let (status, body) = server.post("/screen/csv", "text/csv", b"a,b\n1,2\n".to_vec()).await;
    assert_error(status, &body, StatusCode::UNPROCESSABLE_ENTITY, "bad_csv");
    let (status, body) = server.post("/screen/csv", "text/csv", Vec::new()).await;
    assert_error(status, &body, StatusCode::UNPROCESSABLE_ENTITY, "bad_csv");
    let (status, body) =
        server.post("/screen/csv", "application/json", b"name\nx\n".to_vec()).await;
    assert_error(status, &body, StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type");
    let (status, body) =
        server.post("/screen/csv?delimiter=colon", "text/csv", b"name\nx\n".to_vec()).await;
    assert_error(status, &body, StatusCode::BAD_REQUEST, "bad_parameter");
}

/// `body` in HTTP/1.1 chunked encoding, in chunks of at most 8 KiB.
fn chunked(body: &[u8]) -> Vec<u8> {
    let mut encoded = Vec::new();
    for chunk in body.chunks(8 << 10) {
        encoded.extend_from_slice(format!("{:x}\r\n", chunk.len()).as_bytes());
        encoded.extend_from_slice(chunk);
        encoded.extend_from_slice(b"\r\n");
    }
    encoded.extend_from_slice(b"0\r\n\r\n");
    encoded
}

/// Sends `request` from a thread of its own while reading the whole answer,
/// so a server that answers before reading everything cannot stall it.
fn raw_exchange_streaming(addr: SocketAddr, request: Vec<u8>) -> Vec<u8> {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    let mut sending = stream.try_clone().unwrap();
    let sender = std::thread::spawn(move || {
        let _ = sending.write_all(&request); // the server may stop reading
    });
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    sender.join().unwrap();
    answer
}

fn csv_request(body: &[u8], extra_headers: &str) -> Vec<u8> {
    let mut request = format!(
        "POST /screen/csv HTTP/1.1\r\nhost: x\r\ncontent-type: text/csv\r\n\
         transfer-encoding: chunked\r\nconnection: close\r\n{extra_headers}\r\n"
    )
    .into_bytes();
    request.extend_from_slice(&chunked(body));
    request
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn csv_answers_stream_with_trailers_and_limits() {
    let config = Config { max_csv_bytes: 300_000, ..Config::default() };
    let server = TestServer::start(config).await;
    let addr = server.addr;

    // A chunked upload; a client that asks for trailers gets the counts.
    let body = b"id,name\n1,KANG Phil Hun\n2,\n3,Nobody Special Whatsoever\n";
    let answer = tokio::task::spawn_blocking(move || {
        raw_exchange_streaming(addr, csv_request(body, "te: trailers\r\n"))
    })
    .await
    .unwrap();
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    let ending = answer.rsplit_once("\r\n0\r\n").map(|(_, end)| end).unwrap_or_default();
    for trailer in ["x-rows: 3", "x-matched-rows: 1", "x-error-rows: 1"] {
        assert!(ending.contains(trailer), "no {trailer:?} in {answer}");
    }

    // Over the limit, declared: 413 before anything is read.
    let too_long = vec![b'x'; 300_001];
    let (status, body) = server.post("/screen/csv", "text/csv", too_long).await;
    assert_error(status, &body, StatusCode::PAYLOAD_TOO_LARGE, "too_large");

    // Over the limit, undeclared, after the answer started: the answer
    // breaks off without its last chunk, so it cannot pass for complete.
    let mut big = b"id,name\n".to_vec();
    for row in 0..20_000 {
        big.extend_from_slice(format!("{row},Customer Number {row}\n").as_bytes());
    }
    assert!(big.len() > 300_000);
    let answer =
        tokio::task::spawn_blocking(move || raw_exchange_streaming(addr, csv_request(&big, "")))
            .await
            .unwrap();
    let text = String::from_utf8_lossy(&answer);
    assert!(text.starts_with("HTTP/1.1 200"), "{}", &text[..text.len().min(300)]);
    assert!(text.contains("\n0,Customer Number 0,"), "rows were streamed back");
    assert!(!text.ends_with("\r\n0\r\n\r\n"), "a cut-short answer must not look complete");

    // Over the limit before any output: a JSON 413.
    let mut wide = b"id,name\n1,".to_vec();
    wide.extend_from_slice(&vec![b'a'; 310_000]);
    let answer =
        tokio::task::spawn_blocking(move || raw_exchange_streaming(addr, csv_request(&wide, "")))
            .await
            .unwrap();
    let text = String::from_utf8_lossy(&answer);
    assert!(text.starts_with("HTTP/1.1 413") && text.contains("too_large"), "{text}");

    // With one screening at a time, a second one is refused at once while
    // the first waits for its body.
    let server = TestServer::start(Config { max_csv_jobs: 1, ..Config::default() }).await;
    let addr = server.addr;
    let hold_a_place = || {
        let mut waiting = TcpStream::connect(addr).unwrap();
        waiting
            .write_all(b"POST /screen/csv HTTP/1.1\r\nhost: x\r\ncontent-type: text/csv\r\ntransfer-encoding: chunked\r\n\r\n8\r\nid,name\n\r\n")
            .unwrap();
        waiting
    };
    // Whether the server already answered `waiting` (it did when one of the
    // requests below had the place as `waiting` reached its handler).
    let answered = |waiting: &mut TcpStream| {
        waiting.set_nonblocking(true).unwrap();
        let mut byte = [0u8; 1];
        let answered = !matches!(waiting.peek(&mut byte), Err(error) if error.kind() == std::io::ErrorKind::WouldBlock);
        waiting.set_nonblocking(false).unwrap();
        answered
    };
    let mut waiting = hold_a_place();
    let try_one = || async {
        let response = server
            .client
            .post(server.url("/screen/csv"))
            .header(CONTENT_TYPE, "text/csv")
            .body("name\nx\n")
            .send()
            .await
            .unwrap();
        (response.status(), response.text().await.unwrap())
    };
    let mut refused = None;
    // Up to 10 s: under load (the browser tests run beside this one) the
    // first request can take a while to reach its handler.
    for _ in 0..500 {
        // Until the first request has reached its handler, others pass.
        let (status, text) = try_one().await;
        if status == StatusCode::SERVICE_UNAVAILABLE {
            refused = Some(serde_json::from_str::<Value>(&text).unwrap());
            break;
        }
        if answered(&mut waiting) {
            // It was refused itself: one of these held the place then.
            waiting = hold_a_place();
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let refused = refused.expect("a second screening was not refused");
    assert_eq!(refused["error"], "overloaded");
    waiting.write_all(b"6\r\n1,Kim\n\r\n0\r\n\r\n").unwrap();
    waiting.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let mut answer = Vec::new();
    let mut piece = [0u8; 4096];
    while !answer.ends_with(b"\r\n0\r\n\r\n") {
        let read = waiting.read(&mut piece).unwrap();
        assert!(read > 0, "the answer ended early: {}", String::from_utf8_lossy(&answer));
        answer.extend_from_slice(&piece[..read]);
    }
    assert!(answer.starts_with(b"HTTP/1.1 200"), "{}", String::from_utf8_lossy(&answer));
    // The place is given back before the last chunk: a client sending its
    // next file once it has the whole answer is not refused.
    assert_eq!(try_one().await.0, StatusCode::OK, "the place was given back");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_routes_and_methods_answer_in_json() {
    let server = TestServer::start(Config::default()).await;
    let (status, body) = server.get("/nowhere").await;
    assert_error(status, &body, StatusCode::NOT_FOUND, "not_found");
    let response = server.client.delete(server.url("/screen")).send().await.unwrap();
    let allow = response.headers().get("allow").map(|v| v.to_str().unwrap().to_string());
    let (status, body) = json_of(response).await;
    assert_error(status, &body, StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed");
    assert!(allow.unwrap().contains("POST"));
    // A raw request with invalid UTF-8 in the query string.
    let answer = raw_exchange(
        server.addr,
        b"GET /screen?name=\xff\xfe HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n",
        Duration::from_secs(5),
    );
    assert!(answer.starts_with("HTTP/1.1 400"), "{answer}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_clients_are_cut_off() {
    let config = Config {
        body_timeout: Duration::from_millis(500),
        header_timeout: Duration::from_millis(500),
        ..Config::default()
    };
    let server = TestServer::start(config).await;
    let started = Instant::now();
    let answer = raw_exchange(
        server.addr,
        b"POST /screen HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{\"queries\"",
        Duration::from_secs(10),
    );
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(answer.contains("request_timeout"), "{answer}");
    // A CSV body that stops coming: 408 too (no answer has started).
    let answer = raw_exchange(
        server.addr,
        b"POST /screen/csv HTTP/1.1\r\nhost: x\r\ncontent-type: text/csv\r\ntransfer-encoding: chunked\r\n\r\n5\r\nname\n\r\n",
        Duration::from_secs(10),
    );
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    let answer =
        raw_exchange(server.addr, b"GET /health HTTP/1.1\r\nhost:", Duration::from_secs(10));
    assert!(!answer.contains("200 OK"), "{answer}");
    assert!(started.elapsed() < Duration::from_secs(8), "cut off after {:?}", started.elapsed());
    // The server still answers.
    let (status, _) = server.get("/health").await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn overload_is_refused_with_503_not_queued() {
    let config = Config { max_in_flight: 1, max_connections: 3, ..Config::default() };
    let server = TestServer::start(config).await;
    // A request whose body never comes holds the only slot.
    let mut holder = TcpStream::connect(server.addr).unwrap();
    holder
        .write_all(b"POST /screen HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 50\r\n\r\n{")
        .unwrap();
    tokio::time::sleep(Duration::from_millis(200)).await;
    let (status, body) = server.get("/health").await;
    assert_error(status, &body, StatusCode::SERVICE_UNAVAILABLE, "overloaded");
    // Connections past the cap get a 503 and are closed.
    let _second = TcpStream::connect(server.addr).unwrap();
    let _third = TcpStream::connect(server.addr).unwrap();
    tokio::time::sleep(Duration::from_millis(200)).await;
    let answer = raw_exchange(
        server.addr,
        b"GET /health HTTP/1.1\r\nhost: x\r\n\r\n",
        Duration::from_secs(5),
    );
    assert!(answer.starts_with("HTTP/1.1 503"), "{answer}");
    let body = answer.split("\r\n\r\n").nth(1).unwrap();
    let length = format!("content-length: {}\r\n", body.len());
    assert!(answer.contains(&length), "{answer}");
    let body: Value = serde_json::from_str(body).unwrap();
    assert_eq!(body["error"], "overloaded");
    drop(holder);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn many_concurrent_connections_are_all_answered() {
    let server = Arc::new(TestServer::start(Config::default()).await);
    let names = ["Kang Phil Hun", "Ocean Star", "김여정", "Петров Сергей", "Nobody"];
    let mut tasks = Vec::new();
    for i in 0..200 {
        let server = Arc::clone(&server);
        let name = names[i % names.len()];
        tasks.push(tokio::spawn(async move {
            // A fresh client each: a connection each.
            let client = reqwest::Client::new();
            let response = client
                .get(server.url(&format!("/screen?name={}", encode(name))))
                .send()
                .await
                .unwrap();
            response.status()
        }));
    }
    for task in tasks {
        assert_eq!(task.await.unwrap(), StatusCode::OK);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cors_is_off_unless_configured() {
    let closed = TestServer::start(Config::default()).await;
    let allowed_origin = |response: reqwest::Response| {
        response
            .headers()
            .get("access-control-allow-origin")
            .map(|v| v.to_str().unwrap().to_string())
    };
    let from_origin = |server: &TestServer, origin: &str| {
        server.client.get(server.url("/health")).header("origin", origin).send()
    };
    let response = from_origin(&closed, "https://example.test").await.unwrap();
    assert_eq!(allowed_origin(response), None);
    let config = Config { cors_origins: vec!["https://example.test".into()], ..Config::default() };
    let open = TestServer::start(config).await;
    let response = open
        .client
        .request(reqwest::Method::OPTIONS, open.url("/screen"))
        .header("origin", "https://example.test")
        .header("access-control-request-method", "POST")
        .send()
        .await
        .unwrap();
    assert_eq!(allowed_origin(response).as_deref(), Some("https://example.test"));
    let response = from_origin(&open, "https://other.test").await.unwrap();
    assert_eq!(allowed_origin(response), None);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shutdown_finishes_requests_in_flight() {
    let server = TestServer::start(Config::default()).await;
    let addr = server.addr;
    // Start a request and leave its body half sent.
    let mut stream = TcpStream::connect(addr).unwrap();
    let body = br#"{"queries": [{"id": 1, "name": "Kang Phil Hun"}]}"#;
    let head = format!(
        "POST /screen HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).unwrap();
    stream.write_all(&body[..10]).unwrap();
    tokio::time::sleep(Duration::from_millis(200)).await;
    let stopping = tokio::spawn(server.shut_down());
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert!(!stopping.is_finished(), "shutdown waits for the request in flight");
    stream.write_all(&body[10..]).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(answer.contains("ofac-9002"), "{answer}");
    tokio::time::timeout(Duration::from_secs(5), stopping).await.unwrap().unwrap();
}

#[test]
fn openapi_document_names_every_route() {
    let document: Value = serde_json::from_str(include_str!("../../src/api/openapi.json")).unwrap();
    let paths: Vec<&String> = document["paths"].as_object().unwrap().keys().collect();
    for route in [
        "/health",
        "/entities",
        "/entities/{id}",
        "/authorities",
        "/screen",
        "/screen/csv",
        "/openapi.json",
        "/entities/{id}/review",
        "/entities/{id}/history",
        "/",
        "/search",
        "/review",
        "/sources",
    ] {
        assert!(paths.iter().any(|path| *path == route), "{route} is not in openapi.json");
    }
}

#[test]
fn the_binary_serves_logs_each_request_and_stops_on_sigterm() {
    use std::io::BufRead;
    use std::process::{Command, Stdio};

    let data = tempfile::tempdir().unwrap();
    std::fs::copy(root().join("data/registry.json"), data.path().join("registry.json")).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_sanctions"))
        .arg("--data")
        .arg(data.path())
        .args(["serve", "--addr", "127.0.0.1:0"])
        .env("RUST_LOG", "info")
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (lines_sent, lines) = std::sync::mpsc::channel::<String>();
    let stderr = child.stderr.take().unwrap();
    let reader = std::thread::spawn(move || {
        for line in std::io::BufReader::new(stderr).lines() {
            let Ok(line) = line else { break };
            if lines_sent.send(line).is_err() {
                break;
            }
        }
    });
    // Start-up may warn first (no review token here); the address follows.
    let listening = std::iter::from_fn(|| lines.recv_timeout(Duration::from_secs(30)).ok())
        .find(|line| line.contains("listening on"))
        .unwrap_or_else(|| {
            let _ = Command::new("kill").args(["-KILL", &child.id().to_string()]).status();
            panic!("the server never said where it listens")
        });
    let addr: SocketAddr = listening
        .split("listening on http://")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .unwrap_or_else(|| panic!("no address in {listening:?}"))
        .parse()
        .unwrap();
    let answer = raw_exchange(
        addr,
        b"GET /health HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n",
        Duration::from_secs(5),
    );
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    let answer = raw_exchange(
        addr,
        b"GET /screen?name=Kim+Yo+Jong HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n",
        Duration::from_secs(5),
    );
    assert!(answer.contains("per-"), "{answer}");

    let killed = Command::new("kill").args(["-TERM", &child.id().to_string()]).status().unwrap();
    assert!(killed.success());
    let deadline = Instant::now() + Duration::from_secs(10);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(Instant::now() < deadline, "the server did not stop on SIGTERM");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "{status:?}");
    reader.join().unwrap();
    let log: Vec<String> = lines.try_iter().collect();
    let request_lines: Vec<&String> = log.iter().filter(|line| line.contains("path=")).collect();
    assert_eq!(request_lines.len(), 2, "one line per request: {log:#?}");
    assert!(request_lines[1].contains("path=/screen") && request_lines[1].contains("status=200"));
    assert!(!log.iter().any(|line| line.contains("Kim")), "names are not logged: {log:#?}");
}

/// An example answer holds when every field it shows has that value in the
/// real answer: objects may leave fields out, arrays show their first
/// elements, and a string ending in `…` is a prefix.
fn example_holds(example: &Value, actual: &Value) -> bool {
    match (example, actual) {
        (Value::Object(shown), Value::Object(real)) => shown
            .iter()
            .all(|(key, value)| real.get(key).is_some_and(|got| example_holds(value, got))),
        (Value::Array(shown), Value::Array(real)) => {
            shown.len() <= real.len()
                && shown.iter().zip(real).all(|(value, got)| example_holds(value, got))
        }
        (Value::String(shown), Value::String(real)) => match shown.strip_suffix('…') {
            Some(prefix) => real.starts_with(prefix),
            None => shown == real,
        },
        (Value::Number(shown), Value::Number(real)) => shown.as_f64() == real.as_f64(),
        _ => example == actual,
    }
}

/// Splits an HTTP message as api.md writes it: first line, headers, body.
fn http_message(text: &str) -> (String, Vec<(String, String)>, String) {
    let (head, body) = text.split_once("\n\n").unwrap_or((text, ""));
    let mut lines = head.lines();
    let first = lines.next().unwrap_or_default().trim().to_string();
    let headers = lines
        .map(|line| {
            let (name, value) = line.split_once(':').unwrap();
            (name.trim().to_ascii_lowercase(), value.trim().to_string())
        })
        .collect();
    (first, headers, body.trim_end().to_string())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn api_md_examples_hold() {
    let document = std::fs::read_to_string(root().join("api.md")).unwrap();
    let blocks: Vec<&str> =
        document.split("```http\n").skip(1).map(|rest| rest.split("```").next().unwrap()).collect();
    assert!(blocks.len() >= 20 && blocks.len() % 2 == 0, "{} http blocks", blocks.len());
    // A data folder of its own, since the review examples record decisions.
    let data = crate::common::data_with_fixtures();
    let config =
        Config { review_token: api::ReviewToken::new("example-token"), ..Config::default() };
    let server = TestServer::start_on(data.path(), config).await;
    for pair in blocks.chunks(2) {
        let (request_line, request_headers, request_body) = http_message(pair[0]);
        let (status_line, expected_headers, expected_body) = http_message(pair[1]);
        let (method, path) = request_line.split_once(' ').unwrap();
        let mut request = server.client.request(method.parse().unwrap(), server.url(path));
        for (name, value) in &request_headers {
            request = request.header(name.as_str(), value.as_str());
        }
        let response = request.body(request_body.clone()).send().await.unwrap();
        let expected_status: u16 = status_line.split(' ').nth(1).unwrap().parse().unwrap();
        assert_eq!(response.status().as_u16(), expected_status, "{request_line}");
        for (name, value) in &expected_headers {
            assert_eq!(
                response.headers()[name.as_str()].to_str().unwrap(),
                value,
                "{request_line}: {name}"
            );
        }
        let actual = response.text().await.unwrap();
        if expected_headers
            .iter()
            .any(|(name, value)| name == "content-type" && value.starts_with("text/csv"))
        {
            assert_eq!(actual.trim_end(), expected_body, "{request_line}");
        } else {
            let example: Value = serde_json::from_str(&expected_body).unwrap();
            let actual: Value = serde_json::from_str(&actual).unwrap();
            assert!(
                example_holds(&example, &actual),
                "{request_line}:\nexample {example:#}\nactual {actual:#}"
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_search_page_escapes_what_it_shows_and_names_bad_parameters() {
    let server = TestServer::start(Config::default()).await;
    let response = server
        .client
        .get(server.url("/search?name=%3Cscript%3Ealert(1)%3C%2Fscript%3E%20Kim%20Yo%20Jong"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let policy = response.headers()["content-security-policy"].to_str().unwrap().to_string();
    assert!(policy.contains("default-src 'none'") && !policy.contains("unsafe-inline"));
    let page = response.text().await.unwrap();
    assert!(!page.contains("<script>alert"), "a name typed reached the page as markup");
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; Kim Yo Jong"));
    assert!(!page.contains("<script"), "the search page has no script");
    // A kind filter that excludes the match, a country that puts it first.
    let page = server.page("/search?name=Kim%20Yo%20Jong&kind=vessel").await;
    assert!(page.contains("id=\"no-match\""), "{page}");
    let page = server.page("/search?name=Kim%20Yo%20Jong&country=North%20Korea").await;
    assert!(page.contains("data-id=\"ofac-9001\""), "{page}");
    let (status, body) = server.get("/search?name=x&kind=starship").await;
    assert_error(status, &body, StatusCode::BAD_REQUEST, "bad_parameter");
    let (status, body) = server.get("/search?nme=x").await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    // The start page links both pages.
    let start = server.page("/").await;
    assert!(start.contains("href=\"/search\"") && start.contains("href=\"/review\""));
}
