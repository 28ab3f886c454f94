//! The review page in a real headless Chromium, driven over WebDriver
//! (Debian's `chromium` and `chromium-driver`; `.ci/run` installs them):
//! accept one designation, reject another with a note, check both through
//! the API, reload and see them on the page. Leaves a screenshot at
//! `target/tmp/review-page.png`.
//!
//! Without chromedriver the test says so and passes, unless
//! `SANCTIONS_BROWSER_TEST=required` (as `.ci/run` sets).

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use base64::Engine as _;
use reqwest::StatusCode;
use sanctions::api::{Config, ReviewToken};
use serde_json::{json, Value};

use crate::api::TestServer;

const TOKEN: &str = "browser-token-81x";
/// The key W3C WebDriver gives an element reference under.
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

/// A chromedriver process and one browser session on it.
struct Browser {
    driver: Child,
    http: reqwest::Client,
    session: String,
    base: String,
}

impl Browser {
    async fn start(driver_path: PathBuf) -> Browser {
        let port = {
            let probe = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
            probe.local_addr().unwrap().port()
        };
        let driver = Command::new(driver_path)
            .arg(format!("--port={port}"))
            .arg("--allowed-ips=127.0.0.1")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let base = format!("http://127.0.0.1:{port}");
        let http = reqwest::Client::new();
        let started = Instant::now();
        loop {
            let ready = http.get(format!("{base}/status")).send().await;
            if let Ok(response) = ready {
                let status: Value = response.json().await.unwrap();
                if status["value"]["ready"] == true {
                    break;
                }
            }
            assert!(started.elapsed() < Duration::from_secs(20), "chromedriver did not start");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let binary = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
            .into_iter()
            .find(|path| std::path::Path::new(path).exists())
            .unwrap_or("/usr/bin/chromium");
        let capabilities = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": binary,
                "args": ["--headless=new", "--no-sandbox", "--disable-gpu",
                         "--disable-dev-shm-usage", "--window-size=1280,1500", "--lang=en"]
            }
        }}});
        let answer: Value = http
            .post(format!("{base}/session"))
            .json(&capabilities)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let session = answer["value"]["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no browser session: {answer}"))
            .to_string();
        Browser { driver, http, session, base }
    }

    async fn call(&self, method: reqwest::Method, path: &str, body: Option<Value>) -> Value {
        let url = format!("{}/session/{}{path}", self.base, self.session);
        let mut request = self.http.request(method, url);
        if let Some(body) = body {
            request = request.json(&body);
        }
        let answer: Value = request.send().await.unwrap().json().await.unwrap();
        assert!(answer["value"]["error"].is_null(), "{path}: {answer}");
        answer["value"].clone()
    }

    async fn open(&self, url: &str) {
        self.call(reqwest::Method::POST, "/url", Some(json!({"url": url}))).await;
    }

    async fn find(&self, css: &str) -> String {
        let found = self
            .call(
                reqwest::Method::POST,
                "/element",
                Some(json!({"using": "css selector", "value": css})),
            )
            .await;
        found[ELEMENT].as_str().unwrap().to_string()
    }

    async fn type_into(&self, css: &str, text: &str) {
        let element = self.find(css).await;
        self.call(
            reqwest::Method::POST,
            &format!("/element/{element}/value"),
            Some(json!({"text": text})),
        )
        .await;
    }

    async fn click(&self, css: &str) {
        let element = self.find(css).await;
        self.call(reqwest::Method::POST, &format!("/element/{element}/click"), Some(json!({})))
            .await;
    }

    async fn script(&self, script: &str) -> Value {
        self.call(
            reqwest::Method::POST,
            "/execute/sync",
            Some(json!({"script": script, "args": []})),
        )
        .await
    }

    /// Waits until `script` returns `true`.
    async fn wait_for(&self, script: &str, what: &str) {
        let started = Instant::now();
        while self.script(script).await != json!(true) {
            assert!(started.elapsed() < Duration::from_secs(15), "timed out waiting for {what}");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    async fn screenshot(&self) -> Vec<u8> {
        let encoded = self.call(reqwest::Method::GET, "/screenshot", None).await;
        base64::engine::general_purpose::STANDARD.decode(encoded.as_str().unwrap()).unwrap()
    }
}

impl Drop for Browser {
    /// Ends the session (which closes Chromium; killing chromedriver alone
    /// would leave it running), then stops chromedriver. Blocking, since
    /// drop cannot await: a raw `DELETE /session/{id}` on loopback.
    fn drop(&mut self) {
        use std::io::{Read, Write};
        let address = self.base.trim_start_matches("http://").to_string();
        if let Ok(mut stream) = std::net::TcpStream::connect(&address) {
            let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
            let request = format!(
                "DELETE /session/{} HTTP/1.1\r\nhost: {address}\r\nconnection: close\r\n\r\n",
                self.session
            );
            if stream.write_all(request.as_bytes()).is_ok() {
                let _ = stream.read_to_end(&mut Vec::new());
            }
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

/// chromedriver, or `None` after saying the test is skipped; without it,
/// a run with `SANCTIONS_BROWSER_TEST=required` fails instead.
fn chromedriver_or_skip() -> Option<PathBuf> {
    let driver = chromedriver();
    if driver.is_none() {
        let required = std::env::var("SANCTIONS_BROWSER_TEST").is_ok_and(|v| v == "required");
        assert!(
            !required,
            "chromedriver is not installed (apt-get install chromium chromium-driver)"
        );
        eprintln!("skipped: no chromedriver (apt-get install chromium chromium-driver)");
    }
    driver
}

fn chromedriver() -> Option<PathBuf> {
    ["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"]
        .into_iter()
        .map(PathBuf::from)
        .find(|path| path.exists())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reviewer_accepts_and_rejects_in_the_browser() {
    let Some(driver) = chromedriver_or_skip() else { return };
    let data = crate::common::data_with_fixtures();
    let server = TestServer::start_on(
        data.path(),
        Config { review_token: ReviewToken::new(TOKEN), ..Config::default() },
    )
    .await;
    let (_, listed) = server.get("/entities?review=pending&source=registry").await;
    let accepted = listed["entities"][0]["id"].as_str().unwrap().to_string();
    let rejected = listed["entities"][1]["id"].as_str().unwrap().to_string();

    let browser = Browser::start(driver).await;
    browser.open(&server.url("/review")).await;
    browser
        .wait_for("return document.querySelectorAll('article.card').length > 0", "the cards")
        .await;
    browser.type_into("#reviewer", "Ana Researcher").await;
    browser.type_into("#token", TOKEN).await;
    browser.click("h1").await; // leaves the field, so the page remembers both

    browser.click(&format!("#card-{accepted} button.accept")).await;
    browser
        .wait_for(
            &format!(
                "return document.querySelector('#card-{accepted}').classList.contains('accepted')"
            ),
            "the accept",
        )
        .await;
    browser
        .type_into(
            &format!("#card-{rejected} textarea.note"),
            "Only mentioned in the release, not designated",
        )
        .await;
    browser.click(&format!("#card-{rejected} button.reject")).await;
    browser
        .wait_for(
            &format!(
                "return document.querySelector('#card-{rejected}').classList.contains('rejected')"
            ),
            "the reject",
        )
        .await;

    // Both decisions are stored, with who and why.
    let (status, history) = server.get(&format!("/entities/{accepted}/history")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(history["events"][0]["decision"], "accept");
    assert_eq!(history["events"][0]["reviewer"], "Ana Researcher");
    let (_, history) = server.get(&format!("/entities/{rejected}/history")).await;
    assert_eq!(history["events"][0]["decision"], "reject");
    assert_eq!(history["events"][0]["note"], "Only mentioned in the release, not designated");

    // After a reload the page still shows them, and the history view lists them.
    browser.open(&server.url("/review")).await;
    browser
        .wait_for("return document.querySelectorAll('article.card').length > 0", "the cards")
        .await;
    let states = browser
        .script(&format!(
            "return [document.querySelector('#card-{accepted} .title .state').textContent,
                     document.querySelector('#card-{rejected} .title .state').textContent,
                     document.querySelector('#card-{rejected} .last').textContent,
                     document.querySelector('.counts').textContent]"
        ))
        .await;
    assert_eq!(states[0], "accepted");
    assert_eq!(states[1], "rejected");
    assert!(states[2].as_str().unwrap().contains("Only mentioned in the release"), "{states}");
    assert!(
        states[3].as_str().unwrap().contains("1 accepted")
            && states[3].as_str().unwrap().contains("1 rejected")
    );
    browser.click(&format!("#card-{rejected} button.history-toggle")).await;
    browser
        .wait_for(
            &format!("return document.querySelector('#card-{rejected} ol.history li') !== null"),
            "the history",
        )
        .await;
    let item = browser
        .script(&format!(
            "return document.querySelector('#card-{rejected} ol.history li').textContent"
        ))
        .await;
    assert!(item.as_str().unwrap().contains("reject by Ana Researcher"), "{item}");

    // Confirm the link of 金与正 (KIM Yo Jong) to the OFAC fixture's entry.
    let kim = "per-61222c72cb03";
    browser.click(&format!("#card-{kim} button.link-confirm[data-link='ofac-9001']")).await;
    browser
        .wait_for(
            &format!("return document.querySelector('#card-{kim} li.link.confirmed') !== null"),
            "the confirmed link",
        )
        .await;
    let (_, record) = server.get(&format!("/entities/{kim}")).await;
    assert_eq!(record["links"][0]["id"], "ofac-9001");
    assert_eq!(record["links"][0]["review"], "confirmed");
    assert_eq!(record["review"]["changes"]["confirmed_links"], "ofac-9001");
    browser.open(&server.url("/review")).await;
    browser
        .wait_for("return document.querySelectorAll('article.card').length > 0", "the cards")
        .await;

    let screenshot = browser.screenshot().await;
    assert!(screenshot.starts_with(b"\x89PNG"), "a PNG screenshot");
    let artifact = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("review-page.png");
    std::fs::write(&artifact, screenshot).unwrap();
    eprintln!("screenshot: {}", artifact.display());
    browser
        .script(&format!("document.querySelector('#card-{kim}').scrollIntoView(); return true"))
        .await;
    let links = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("review-page-links.png");
    std::fs::write(&links, browser.screenshot().await).unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_analyst_screens_names_in_three_scripts_and_adds_a_text() {
    let Some(driver) = chromedriver_or_skip() else { return };
    let data = crate::common::data_with_fixtures();
    let server = TestServer::start_on(
        data.path(),
        Config { review_token: ReviewToken::new(TOKEN), ..Config::default() },
    )
    .await;
    let browser = Browser::start(driver).await;
    browser.open(&server.url("/")).await;
    browser.click("a[href='/search']").await;
    for (name, expected, reading) in [
        ("Yo Jong Kim", "ofac-9001", "as written"),
        ("김여정", "ofac-9001", "Hangul romanization"),
        ("上海东风航运有限公司", "ofac-9003", "Mandarin pinyin"),
    ] {
        browser.wait_for("return document.querySelector('#name') !== null", "the form").await;
        browser.script("document.querySelector('#name').value = ''; return true").await;
        browser.type_into("#name", name).await;
        browser.click("#screen").await;
        // The results for this name, not the previous page's.
        let literal = serde_json::to_string(name).unwrap();
        browser
            .wait_for(
                &format!(
                    "const said = document.querySelector('p.summary, #no-match'); \
                     return said !== null && said.textContent.includes({literal})"
                ),
                "the results",
            )
            .await;
        let first = browser
            .script(
                "const row = document.querySelector('tr.match'); \
                 return row ? [row.dataset.id, row.querySelector('.why').textContent, \
                 row.querySelector('.score').textContent, document.querySelector('#name').value] \
                 : null",
            )
            .await;
        assert_eq!(first[0], expected, "{name}: {first}");
        assert!(first[1].as_str().unwrap().contains(reading), "{name}: {first}");
        assert!(first[2].as_str().unwrap().parse::<f64>().unwrap() >= 0.78, "{name}: {first}");
        // The search is in the link, with the name as typed.
        assert_eq!(first[3], name);
        let url = browser.script("return window.location.href").await;
        assert!(url.as_str().unwrap().contains("/search?name="), "{url}");
    }
    // A text added from the review page is extracted and shows up pending.
    browser.open(&server.url("/review")).await;
    browser.wait_for("return document.querySelector('#add-text') !== null", "the form").await;
    browser.type_into("#token", TOKEN).await;
    browser.click("h1").await;
    browser.click("details.add-text summary").await;
    browser.type_into("#source-name", "kestrel.txt").await;
    browser
        .type_into(
            "#source-text",
            "WASHINGTON - Today, the Department of the Treasury's Office of Foreign Assets \
             Control (OFAC) designated Kestrel Lowmoor Shipping Co., Ltd. pursuant to \
             Executive Order 13382.",
        )
        .await;
    browser.click("#add-source").await;
    browser
        .wait_for(
            "return [...document.querySelectorAll('article.card')]\
             .some(card => card.textContent.includes('Kestrel Lowmoor'))",
            "the added designation",
        )
        .await;
    assert!(data.path().join("sources/kestrel.txt").exists());
    let screenshot = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("search-page.png");
    std::fs::write(&screenshot, browser.screenshot().await).unwrap();
}
