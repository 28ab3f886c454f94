//! Lists from their publishers: `import` from a URL, `update` with
//! conditional requests, `update --init`'s machinery, `serve
//! --refresh-every` and `/health`'s refresh lines, against a publisher
//! played by a small HTTP server on 127.0.0.1 serving the fixture lists.
//! Failed, cut-short, malformed and oversized downloads leave the last good
//! list.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use sanctions::api::Config;
use sanctions::lists::fetch::Limits;
use sanctions::lists::origin::Format;
use sanctions::lists::update::{self, Official, Outcome};
use serde_json::Value;

use crate::api::TestServer;
use crate::common::{root, run_cli, stderr, stdout};

/// What the publisher answers for one path.
#[derive(Clone)]
struct Answer {
    status: u16,
    body: Vec<u8>,
    etag: Option<String>,
    /// Send only this many bytes of the body (with the whole length
    /// announced), then close.
    cut_at: Option<usize>,
}

impl Answer {
    fn file(body: Vec<u8>, etag: &str) -> Answer {
        Answer { status: 200, body, etag: Some(format!("\"{etag}\"")), cut_at: None }
    }
}

/// One request the publisher saw: its path and its `If-None-Match`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Seen {
    path: String,
    if_none_match: Option<String>,
    status: u16,
}

/// A publisher on 127.0.0.1: answers from a table one can change, and
/// records every request.
struct Publisher {
    addr: SocketAddr,
    answers: Arc<Mutex<HashMap<String, Answer>>>,
    seen: Arc<Mutex<Vec<Seen>>>,
}

impl Publisher {
    fn start() -> Publisher {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let answers: Arc<Mutex<HashMap<String, Answer>>> = Arc::default();
        let seen: Arc<Mutex<Vec<Seen>>> = Arc::default();
        let (table, log) = (Arc::clone(&answers), Arc::clone(&seen));
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (table, log) = (Arc::clone(&table), Arc::clone(&log));
                std::thread::spawn(move || answer(stream, &table, &log));
            }
        });
        Publisher { addr, answers, seen }
    }

    fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    fn set(&self, path: &str, answer: Answer) {
        self.answers.lock().unwrap().insert(path.to_string(), answer);
    }

    fn take_seen(&self) -> Vec<Seen> {
        std::mem::take(&mut *self.seen.lock().unwrap())
    }
}

/// Answers one request on `stream` (one request a connection).
fn answer(
    mut stream: std::net::TcpStream,
    table: &Mutex<HashMap<String, Answer>>,
    log: &Mutex<Vec<Seen>>,
) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    let path = request_line.split_whitespace().nth(1).unwrap_or("/").to_string();
    let mut if_none_match = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            if name.eq_ignore_ascii_case("if-none-match") {
                if_none_match = Some(value.trim().to_string());
            }
        }
    }
    let found = table.lock().unwrap().get(&path).cloned();
    let answer =
        found.unwrap_or(Answer { status: 404, body: Vec::new(), etag: None, cut_at: None });
    let not_modified =
        answer.status == 200 && answer.etag.is_some() && if_none_match == answer.etag;
    let status = if not_modified { 304 } else { answer.status };
    log.lock().unwrap().push(Seen { path, if_none_match, status });
    let reason = match status {
        200 => "OK",
        304 => "Not Modified",
        404 => "Not Found",
        _ => "Internal Server Error",
    };
    let mut head = format!("HTTP/1.1 {status} {reason}\r\nconnection: close\r\n");
    if let Some(etag) = &answer.etag {
        head.push_str(&format!("etag: {etag}\r\n"));
    }
    let body: &[u8] = if status == 304 { &[] } else { &answer.body };
    head.push_str(&format!("content-length: {}\r\n\r\n", body.len()));
    let _ = stream.write_all(head.as_bytes());
    let sent = answer.cut_at.unwrap_or(body.len()).min(body.len());
    let _ = stream.write_all(&body[..sent]);
    let _ = stream.flush();
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(root().join("tests/data/lists").join(name)).unwrap()
}

/// A publisher serving the OFAC fixture files, and a data folder with no
/// lists yet.
fn ofac_publisher() -> (Publisher, tempfile::TempDir) {
    let publisher = Publisher::start();
    publisher.set("/exports/SDN.CSV", Answer::file(fixture("sdn.csv"), "sdn-1"));
    publisher.set("/exports/ALT.CSV", Answer::file(fixture("alt.csv"), "alt-1"));
    publisher.set("/exports/ADD.CSV", Answer::file(fixture("add.csv"), "add-1"));
    (publisher, tempfile::tempdir().unwrap())
}

fn import_ofac(publisher: &Publisher, data: &Path, extra: &[&str]) -> std::process::Output {
    let (sdn, alt, add) = (
        publisher.url("/exports/SDN.CSV"),
        publisher.url("/exports/ALT.CSV"),
        publisher.url("/exports/ADD.CSV"),
    );
    let mut args = vec!["import", "ofac", &sdn, "--alt", &alt, "--add", &add];
    args.extend_from_slice(extra);
    run_cli(data, &args)
}

fn stored(data: &Path, source: &str) -> Value {
    serde_json::from_str(
        &std::fs::read_to_string(data.join("lists").join(format!("{source}.json"))).unwrap(),
    )
    .unwrap()
}

#[test]
fn a_list_imported_from_its_url_keeps_its_origin_and_an_unchanged_one_costs_a_304() {
    let (publisher, data) = ofac_publisher();
    let output = import_ofac(&publisher, data.path(), &[]);
    assert!(output.status.success(), "{}", stderr(&output));
    // The same entries as an import of the files from disk.
    let from_disk = tempfile::tempdir().unwrap();
    let lists = root().join("tests/data/lists");
    let output = run_cli(
        from_disk.path(),
        &[
            "import",
            "ofac",
            lists.join("sdn.csv").to_str().unwrap(),
            "--alt",
            lists.join("alt.csv").to_str().unwrap(),
            "--add",
            lists.join("add.csv").to_str().unwrap(),
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let list = stored(data.path(), "ofac-sdn");
    assert_eq!(list["entries"], stored(from_disk.path(), "ofac-sdn")["entries"]);
    assert_eq!(list["files"][0]["path"], publisher.url("/exports/SDN.CSV"));
    assert_eq!(list["origin"]["format"], "ofac");
    assert_eq!(list["origin"]["files"][1]["role"], "aliases");
    assert_eq!(list["origin"]["files"][1]["url"], publisher.url("/exports/ALT.CSV"));
    assert_eq!(list["origin"]["files"][1]["etag"], "\"alt-1\"");
    publisher.take_seen();

    // Nothing new: one conditional request a file, each a 304, nothing written.
    let before = std::fs::read(data.path().join("lists/ofac-sdn.json")).unwrap();
    let output = run_cli(data.path(), &["update"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(stdout(&output).trim(), "ofac-sdn: unchanged");
    let seen = publisher.take_seen();
    assert_eq!(seen.len(), 3, "{seen:?}");
    assert!(seen.iter().all(|request| request.status == 304), "{seen:?}");
    assert_eq!(seen[0].if_none_match.as_deref(), Some("\"sdn-1\""));
    assert_eq!(std::fs::read(data.path().join("lists/ofac-sdn.json")).unwrap(), before);

    // A new version: what changed, as `lists diff` says it.
    publisher.set("/exports/SDN.CSV", Answer::file(fixture("sdn_older.csv"), "sdn-2"));
    let output = run_cli(data.path(), &["update"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let printed = stdout(&output);
    let expected_diff = run_cli(
        data.path(),
        &[
            "lists",
            "diff",
            lists.join("sdn.csv").to_str().unwrap(),
            lists.join("sdn_older.csv").to_str().unwrap(),
        ],
    );
    let counts = stdout(&expected_diff).lines().next().unwrap().to_string();
    assert!(printed.starts_with("ofac-sdn: updated"), "{printed}");
    assert!(printed.contains(&counts), "{printed}\nwanted {counts}");
    assert_eq!(stored(data.path(), "ofac-sdn")["origin"]["files"][0]["etag"], "\"sdn-2\"");
    let seen = publisher.take_seen();
    // The changed file arrived at once; the two unchanged ones were fetched
    // again whole, since a list is read from all its files.
    assert_eq!(seen.iter().filter(|request| request.status == 200).count(), 3, "{seen:?}");

    // The same once more: unchanged again.
    let output = run_cli(data.path(), &["update", "--json"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let reports: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(reports[0]["source"], "ofac-sdn");
    assert_eq!(reports[0]["outcome"], "unchanged");
}

#[test]
fn bad_downloads_say_why_and_leave_the_last_good_list() {
    let (publisher, data) = ofac_publisher();
    let output = import_ofac(&publisher, data.path(), &[]);
    assert!(output.status.success(), "{}", stderr(&output));
    let path = data.path().join("lists/ofac-sdn.json");
    let good = std::fs::read(&path).unwrap();
    let sdn = fixture("sdn_older.csv");
    let cases: Vec<(Answer, &[&str], &str)> = vec![
        (
            Answer { status: 500, body: b"oops".to_vec(), etag: None, cut_at: None },
            &[],
            "answered 500",
        ),
        (
            Answer { cut_at: Some(sdn.len() / 2), ..Answer::file(sdn.clone(), "sdn-cut") },
            &[],
            "cut short",
        ),
        (
            Answer::file(b"\"unterminated,quote\nnot a list at all".to_vec(), "sdn-bad"),
            &[],
            "SDN.CSV",
        ),
        (
            Answer::file(vec![b'x'; 2 << 20], "sdn-big"),
            &["--max-download-mib", "1"],
            "larger than the cap of 1048576 bytes",
        ),
    ];
    for (answer, extra, wanted) in cases {
        publisher.set("/exports/SDN.CSV", answer);
        let mut args = vec!["update"];
        args.extend_from_slice(extra);
        let output = run_cli(data.path(), &args);
        assert!(!output.status.success(), "{wanted}: {}", stdout(&output));
        let printed = stdout(&output);
        assert!(printed.starts_with("ofac-sdn: failed, the last good list stays"), "{printed}");
        assert!(printed.contains(wanted), "wanted {wanted:?} in {printed}");
        assert!(
            stderr(&output).contains("1 of 1 lists not updated: ofac-sdn"),
            "{}",
            stderr(&output)
        );
        assert_eq!(std::fs::read(&path).unwrap(), good, "{wanted}: the list was replaced");
        // The failure is recorded for /health, with its error.
        let status: Value = serde_json::from_str(
            &std::fs::read_to_string(data.path().join("lists/.status/ofac-sdn.json")).unwrap(),
        )
        .unwrap();
        assert_eq!(status["outcome"], "failed");
        assert!(status["error"].as_str().unwrap().contains(wanted), "{status}");
    }
    // A URL that is not there: a clear error, nothing stored.
    let empty = tempfile::tempdir().unwrap();
    let output = run_cli(empty.path(), &["import", "un", &publisher.url("/nothing/here.xml")]);
    assert!(!output.status.success());
    assert!(stderr(&output).contains("answered 404"), "{}", stderr(&output));
    assert!(!empty.path().join("lists/un-sc.json").exists());
    // Files of one list are all URLs or all paths.
    let lists = root().join("tests/data/lists");
    let output = run_cli(
        empty.path(),
        &[
            "import",
            "ofac",
            &publisher.url("/exports/SDN.CSV"),
            "--alt",
            lists.join("alt.csv").to_str().unwrap(),
        ],
    );
    assert!(!output.status.success());
    assert!(stderr(&output).contains("every file of a list as a URL"), "{}", stderr(&output));
    // Without any downloaded list, update says what to do.
    let output = run_cli(empty.path(), &["update"]);
    assert!(output.status.success());
    assert!(stderr(&output).contains("sanctions update --init"), "{}", stderr(&output));
}

#[test]
fn init_imports_each_source_of_its_table_and_asks_again_conditionally() {
    let publisher = Publisher::start();
    publisher.set("/un/consolidated.xml", Answer::file(fixture("un.xml"), "un-1"));
    publisher.set("/ofac/SDN.CSV", Answer::file(fixture("sdn.csv"), "sdn-1"));
    let leak = |text: String| -> &'static str { Box::leak(text.into_boxed_str()) };
    let sources = [
        Official {
            source: "un-sc",
            about: "the UN list, played by the fixture",
            format: Format::Un,
            list: leak(publisher.url("/un/consolidated.xml")),
            aliases: None,
            addresses: None,
        },
        Official {
            source: "ofac-sdn",
            about: "OFAC, played by the fixture",
            format: Format::Ofac,
            list: leak(publisher.url("/ofac/SDN.CSV")),
            aliases: None,
            addresses: None,
        },
        Official {
            source: "gone",
            about: "a publisher that fails",
            format: Format::Csv,
            list: leak(publisher.url("/gone.csv")),
            aliases: None,
            addresses: None,
        },
    ];
    let data = tempfile::tempdir().unwrap();
    let reports = update::init(data.path(), &sources, &Limits::default()).unwrap();
    assert!(matches!(&reports[0].outcome, Outcome::Updated { diff, .. } if diff.added.len() == 4));
    assert!(matches!(&reports[1].outcome, Outcome::Updated { .. }));
    assert!(
        matches!(&reports[2].outcome, Outcome::Failed { error } if error.contains("answered 404")),
        "{:?}",
        reports[2]
    );
    publisher.take_seen();
    let again = update::init(data.path(), &sources, &Limits::default()).unwrap();
    assert_eq!(again[0].outcome, Outcome::Unchanged);
    assert_eq!(again[1].outcome, Outcome::Unchanged);
    let seen = publisher.take_seen();
    assert_eq!(seen.iter().filter(|request| request.status == 304).count(), 2, "{seen:?}");
    // Screening finds what was imported.
    let output = run_cli(data.path(), &["screen", "RI YONG SU", "--json"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).contains("un-KPi.901"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_with_refresh_every_downloads_new_versions_and_says_so_in_health() {
    let publisher = Publisher::start();
    publisher.set(
        "/watch.csv",
        Answer::file(b"id,kind,name\nW-1,person,Ottilie Brackwater\n".to_vec(), "w-1"),
    );
    let data = tempfile::tempdir().unwrap();
    let output = run_cli(data.path(), &["import", "csv", &publisher.url("/watch.csv")]);
    assert!(output.status.success(), "{}", stderr(&output));
    publisher.set(
        "/watch.csv",
        Answer::file(
            b"id,kind,name\nW-1,person,Ottilie Brackwater\nW-2,person,Casimir Quellenberg\n"
                .to_vec(),
            "w-2",
        ),
    );
    let config = Config {
        watch_every: Duration::from_millis(100),
        refresh_every: Some(Duration::from_millis(300)),
        ..Config::default()
    };
    let server = TestServer::start_on(data.path(), config).await;
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let (_, body) = server.get("/screen?name=Casimir%20Quellenberg").await;
        if body["matches"][0]["entity"]["id"] == "W-2" {
            break;
        }
        assert!(Instant::now() < deadline, "the new version was not served: {body}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let (_, health) = server.get("/health").await;
    let refresh = &health["refresh"][0];
    assert_eq!(refresh["source"], "watch", "{health}");
    assert!(refresh["succeeded_at"].is_string(), "{health}");
    assert!(refresh["changed_at"].is_string(), "{health}");

    // The publisher fails: the last good list keeps serving and /health
    // says the last attempt failed.
    publisher.set("/watch.csv", Answer { status: 500, body: Vec::new(), etag: None, cut_at: None });
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let (_, health) = server.get("/health").await;
        if health["refresh"][0]["outcome"] == "failed" {
            assert!(health["refresh"][0]["error"].as_str().unwrap().contains("answered 500"));
            assert!(health["refresh"][0]["succeeded_at"].is_string(), "kept: {health}");
            break;
        }
        assert!(Instant::now() < deadline, "the failure was not recorded: {health}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let (_, body) = server.get("/screen?name=Casimir%20Quellenberg").await;
    assert_eq!(body["matches"][0]["entity"]["id"], "W-2");
}

#[test]
fn the_readme_update_example_is_what_update_prints() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let marker = "<!-- update example: tests/it/update.rs checks this block -->\n```console\n";
    let start = readme.find(marker).expect("the README has the update example") + marker.len();
    let block = &readme[start..start + readme[start..].find("```").unwrap()];
    // Each `$ ` line and the output under it.
    let mut steps: Vec<(String, String)> = Vec::new();
    for line in block.lines() {
        match line.strip_prefix("$ ") {
            Some(command) => steps.push((command.to_string(), String::new())),
            None => {
                let output = &mut steps.last_mut().expect("a command first").1;
                output.push_str(line);
                output.push('\n');
            }
        }
    }
    assert_eq!(steps.len(), 4, "{block}");
    let publisher = Publisher::start();
    publisher.set("/sdn.csv", Answer::file(fixture("sdn.csv"), "sdn-1"));
    publisher.set("/alt.csv", Answer::file(fixture("alt.csv"), "alt-1"));
    publisher.set("/add.csv", Answer::file(fixture("add.csv"), "add-1"));
    let data = tempfile::tempdir().unwrap();
    let host = publisher.addr.to_string();
    for (index, (command, expected)) in steps.iter().enumerate() {
        if command.contains("new sdn.csv") {
            publisher.set("/sdn.csv", Answer::file(fixture("sdn_older.csv"), "sdn-2"));
        }
        let command = command.split('#').next().unwrap().replace("HOST", &host);
        let args: Vec<&str> = command.split_whitespace().skip(1).collect();
        let output = run_cli(data.path(), &args);
        assert!(output.status.success(), "{command}: {}", stderr(&output));
        let printed = stdout(&output).replace(&data.path().display().to_string(), "DATA");
        assert_eq!(printed, *expected, "step {index}: {command}");
    }
}

#[test]
fn the_same_files_imported_from_a_url_after_disk_keep_their_origin() {
    let (publisher, data) = ofac_publisher();
    let lists = root().join("tests/data/lists");
    let output = run_cli(
        data.path(),
        &[
            "import",
            "ofac",
            lists.join("sdn.csv").to_str().unwrap(),
            "--alt",
            lists.join("alt.csv").to_str().unwrap(),
            "--add",
            lists.join("add.csv").to_str().unwrap(),
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stored(data.path(), "ofac-sdn")["origin"].is_null());
    // The same bytes, now from the publisher: stored with the origin, so
    // `update` can follow it.
    let output = import_ofac(&publisher, data.path(), &[]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(stored(data.path(), "ofac-sdn")["origin"]["format"], "ofac");
    let output = run_cli(data.path(), &["update"]);
    assert_eq!(stdout(&output).trim(), "ofac-sdn: unchanged");
}
