//! `article7 serve`: the HTTP API and the pages, driven in-process through
//! the router (status codes, limits, every format, languages, escaping),
//! and through a real socket with curl (the command-line equivalence and a
//! server that keeps serving after hostile and oversized uploads).
#![cfg(feature = "serve")]

use article7::serve::{self, Config};
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;
use tower::ServiceExt;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

struct Answer {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: Vec<u8>,
}

impl Answer {
    fn text(&self) -> String {
        String::from_utf8(self.body.clone()).unwrap()
    }
    fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.text()))
    }
    fn header(&self, name: header::HeaderName) -> &str {
        self.headers
            .get(name)
            .map(|v| v.to_str().unwrap())
            .unwrap_or("")
    }
}

fn send(router: &Router, req: Request<Body>) -> Answer {
    runtime().block_on(async {
        let resp = router.clone().oneshot(req).await.unwrap();
        let status = resp.status();
        let headers = resp.headers().clone();
        let body = axum::body::to_bytes(resp.into_body(), usize::MAX)
            .await
            .unwrap()
            .to_vec();
        Answer {
            status,
            headers,
            body,
        }
    })
}

fn get(router: &Router, uri: &str) -> Answer {
    send(router, Request::get(uri).body(Body::empty()).unwrap())
}

const BOUNDARY: &str = "article7-test-boundary-7MA4YWxkTrZu0gW";

/// A multipart body as a browser's form sends it.
fn multipart(files: &[(&str, &[u8])]) -> Vec<u8> {
    let mut body = Vec::new();
    for (name, bytes) in files {
        body.extend_from_slice(
            format!(
                "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
    body
}

fn post_files(
    router: &Router,
    uri: &str,
    files: &[(&str, &[u8])],
    extra: &[(&str, &str)],
) -> Answer {
    let body = multipart(files);
    let mut req = Request::post(uri)
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .header(header::CONTENT_LENGTH, body.len());
    for (k, v) in extra {
        req = req.header(*k, *v);
    }
    send(router, req.body(Body::from(body)).unwrap())
}

fn fixture(rel: &str) -> (String, Vec<u8>) {
    let path = root().join(rel);
    let name = path.file_name().unwrap().to_str().unwrap().to_owned();
    (name, std::fs::read(&path).unwrap())
}

/// What `article7 validate NAME --format FORMAT [args]` prints, run in the
/// file's folder so that the file is called by the name a browser sends.
fn cli(rel: &str, format: &str, args: &[&str]) -> Vec<u8> {
    let path = root().join(rel);
    let out = assert_cmd::Command::cargo_bin("article7")
        .unwrap()
        .current_dir(path.parent().unwrap())
        .arg("validate")
        .arg(path.file_name().unwrap())
        .args(["--format", format])
        .args(args)
        .output()
        .unwrap();
    // 1: something reached `--fail-on error`, which the server prints with.
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// A report with a C01 finding (Form C counts 8 areas, `totals.areas` says
/// 9), as `fixtures/rules/C01.json` makes it, written once per test run.
fn c01_fail() -> String {
    static PATH: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    PATH.get_or_init(|| {
        let base =
            std::fs::read_to_string(root().join("fixtures/valid/cambodia-2019.json")).unwrap();
        let mut doc: serde_json::Value = serde_json::from_str(&base).unwrap();
        doc["forms"]["C"]["totals"]["areas"] = serde_json::json!(9);
        let dir = std::env::temp_dir().join(format!("article7-serve-c01-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("c01-fail.json");
        std::fs::write(&path, serde_json::to_string_pretty(&doc).unwrap()).unwrap();
        path.to_str().unwrap().to_owned()
    })
    .clone()
}

/// A report with a B01 finding.
const B01_FAIL: &str = "fixtures/examples/rule-finding-b01.json";

fn app() -> Router {
    serve::router(Config::default())
}

/// Reports of every format, clean and with findings, and hostile ones.
fn samples() -> Vec<String> {
    let mut all = vec![c01_fail(), B01_FAIL.to_owned()];
    all.extend(HOSTILE.iter().map(|s| s.to_string()));
    all
}

const HOSTILE: &[&str] = &[
    "fixtures/invalid/enum.json",
    "fixtures/ingest/xlsx/libreoffice-hand-edits.xlsx",
    "fixtures/ingest/xlsx/zip-bomb.xlsx",
    "fixtures/ingest/xlsx/declared-huge.xlsx",
    "fixtures/ingest/xml/billion-laughs.xml",
    "fixtures/ingest/xml/external-entity.xml",
    "fixtures/ingest/json/deep-nesting.json",
    "fixtures/ingest/json/truncated.json",
];

#[test]
fn uploads_get_the_command_lines_findings_in_every_format() {
    let router = app();
    for rel in &samples() {
        let (name, bytes) = fixture(rel);
        for format in ["json", "jsonl", "sarif", "junit", "html"] {
            let expected = cli(rel, format, &[]);
            let a = post_files(
                &router,
                &format!("/api/validate?format={format}"),
                &[(&name, &bytes)],
                &[],
            );
            assert_eq!(a.status, StatusCode::OK, "{rel} {format}: {}", a.text());
            assert_eq!(
                a.text(),
                String::from_utf8(expected).unwrap(),
                "{rel} as {format}"
            );
        }
    }
}

#[test]
fn a_raw_body_named_by_filename_is_one_file() {
    let router = app();
    let rel = "fixtures/ingest/xlsx/libreoffice-hand-edits.xlsx";
    let (name, bytes) = fixture(rel);
    let a = send(
        &router,
        Request::post(format!("/api/validate?filename={name}&lang=fr"))
            .header(header::CONTENT_TYPE, "application/octet-stream")
            .body(Body::from(bytes))
            .unwrap(),
    );
    assert_eq!(a.status, StatusCode::OK, "{}", a.text());
    assert_eq!(
        a.text(),
        String::from_utf8(cli(rel, "json", &["--lang", "fr"])).unwrap()
    );
    // Without a name, the content says what it is.
    let (_, json) = fixture(&c01_fail());
    let a = send(
        &router,
        Request::post("/api/validate")
            .body(Body::from(json))
            .unwrap(),
    );
    assert_eq!(a.status, StatusCode::OK);
    assert_eq!(a.json()["files"][0]["file"], "upload");
    assert_eq!(a.json()["files"][0]["findings"][0]["rule"], "C01");
}

#[test]
fn several_files_in_one_request_come_back_in_order() {
    let router = app();
    let files: Vec<(String, Vec<u8>)> = [c01_fail(), B01_FAIL.to_owned()]
        .iter()
        .map(|r| fixture(r))
        .collect();
    // Two files of the same name from different folders.
    let refs: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .collect();
    let a = post_files(&router, "/api/validate", &refs, &[]);
    assert_eq!(a.status, StatusCode::OK);
    let doc = a.json();
    assert_eq!(doc["summary"]["files"], 2);
    assert_eq!(doc["files"][0]["findings"][0]["rule"], "C01");
    assert_eq!(doc["files"][1]["findings"][0]["rule"], "B01");
}

#[test]
fn language_comes_from_the_query_then_accept_language() {
    let router = app();
    let (name, bytes) = fixture(&c01_fail());
    let message = |extra: &[(&str, &str)], uri: &str| {
        post_files(&router, uri, &[(&name, &bytes)], extra).json()["files"][0]["findings"][0]
            ["message"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    let en = message(&[], "/api/validate");
    let fr = message(
        &[("accept-language", "fr-FR,fr;q=0.9,en;q=0.5")],
        "/api/validate",
    );
    let es = message(&[("accept-language", "fr")], "/api/validate?lang=es");
    assert!(en.starts_with("Form C lists"), "{en}");
    assert!(fr.starts_with("le formulaire C énumère"), "{fr}");
    assert!(es.contains("formulario C"), "{es}");

    for (lang, word) in [("en", "Check"), ("fr", "Vérifier"), ("es", "Verificar")] {
        let page = get(&router, &format!("/?lang={lang}"));
        assert_eq!(page.header(header::CONTENT_LANGUAGE), lang);
        assert!(page.text().contains(&format!("<html lang=\"{lang}\">")));
        assert!(page.text().contains(&format!(">{word}</button>")));
    }
    let page = send(
        &router,
        Request::get("/")
            .header("accept-language", "es-AR, en;q=0.3")
            .body(Body::empty())
            .unwrap(),
    );
    assert!(page.text().contains("<html lang=\"es\">"));
    // The switch links to the other two.
    assert!(page.text().contains("href=\"/?lang=fr\""));
    assert!(page.text().contains("href=\"/?lang=en\""));
}

#[test]
fn the_results_page_names_sheet_and_cell_in_french_and_offers_downloads() {
    let router = app();
    let (name, bytes) = fixture("fixtures/ingest/xlsx/libreoffice-hand-edits.xlsx");
    let a = post_files(&router, "/validate?lang=fr", &[(&name, &bytes)], &[]);
    assert_eq!(a.status, StatusCode::OK);
    assert!(a.header(header::CONTENT_TYPE).starts_with("text/html"));
    let page = a.text();
    assert!(page.contains("feuille C, cellule B7"), "{page}");
    assert!(page.contains("le formulaire C énumère 7 zones"));
    assert!(page.contains("Formulaire C — zones minées"));
    assert!(page.contains("comment corriger"));
    // The rule's explanation, one click away (a <details> element).
    assert!(page.contains("<details class=\"explain\"><summary><code>C01</code></summary>"));
    // Downloads of the same results: the SARIF link holds what the API
    // gives for the same file.
    let start = page.find("id=\"download-sarif\"").unwrap();
    let href = &page[start..];
    let b64 = href
        .split("base64,")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    use base64::Engine as _;
    let sarif = base64::engine::general_purpose::STANDARD
        .decode(b64)
        .unwrap();
    let api = post_files(
        &router,
        "/api/validate?format=sarif&lang=fr",
        &[(&name, &bytes)],
        &[],
    );
    assert_eq!(sarif, api.body);
    assert!(page.contains("id=\"download-json\""));
    assert!(page.contains("id=\"download-html\""));
}

#[test]
fn wrong_types_get_415_naming_what_is_accepted() {
    let router = app();
    for (name, bytes) in [
        ("rapport.docx", b"PK\x03\x04word/document.xml".as_slice()),
        ("report.pdf", b"%PDF-1.7\n".as_slice()),
        ("upload", b"%PDF-1.7\n".as_slice()),
    ] {
        let a = post_files(&router, "/api/validate", &[(name, bytes)], &[]);
        assert_eq!(a.status, StatusCode::UNSUPPORTED_MEDIA_TYPE, "{name}");
        let doc = a.json();
        assert_eq!(doc["error"], "unsupported-type");
        assert!(doc["message"].as_str().unwrap().contains(".xlsx"));
        assert_eq!(doc["template"], "/api/template?format=xlsx&lang=en");

        let page = post_files(&router, "/validate?lang=fr", &[(name, bytes)], &[]);
        assert_eq!(page.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
        let text = page.text();
        assert!(text.contains("seuls les rapports JSON (.json), XML (.xml) et Excel (.xlsx)"));
        assert!(text.contains("href=\"/api/template?format=xlsx&amp;lang=fr\""));
    }
    // One wrong file refuses the request: nothing half-done.
    let (n, b) = fixture(&c01_fail());
    let a = post_files(
        &router,
        "/api/validate",
        &[(&n, &b), ("x.pdf", b"%PDF")],
        &[],
    );
    assert_eq!(a.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
}

#[test]
fn oversized_uploads_get_413_whether_declared_or_not() {
    let router = serve::router(Config {
        max_upload: 64 * 1024,
        ..Config::default()
    });
    let big = vec![b' '; 100 * 1024];
    // Declared by Content-Length: refused before reading.
    let a = post_files(&router, "/api/validate", &[("big.json", &big)], &[]);
    assert_eq!(a.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(a.json()["error"], "too-large");
    assert!(a.json()["message"].as_str().unwrap().contains("(64 KB)"));
    // Streamed without a length: refused once the limit is passed.
    let body = multipart(&[("big.json", &big)]);
    let chunks: Vec<Result<Vec<u8>, std::io::Error>> =
        body.chunks(8192).map(|c| Ok(c.to_vec())).collect();
    let req = Request::post("/validate?lang=es")
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .body(Body::from_stream(futures_stream(chunks)))
        .unwrap();
    let a = send(&router, req);
    assert_eq!(a.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(a.text().contains("El envío supera el tamaño"));
    // A raw body without a length.
    let req = Request::post("/api/validate?filename=big.json")
        .body(Body::from_stream(futures_stream(
            big.chunks(8192).map(|c| Ok(c.to_vec())).collect(),
        )))
        .unwrap();
    assert_eq!(send(&router, req).status, StatusCode::PAYLOAD_TOO_LARGE);
    // Under the limit, the same router validates.
    let (n, b) = fixture(&c01_fail());
    assert_eq!(
        post_files(&router, "/api/validate", &[(&n, &b)], &[]).status,
        StatusCode::OK
    );
}

/// A body that arrives in pieces with no declared length.
fn futures_stream(
    chunks: Vec<Result<Vec<u8>, std::io::Error>>,
) -> impl futures_util::Stream<Item = Result<Vec<u8>, std::io::Error>> + Send + 'static {
    futures_util::stream::iter(chunks)
}

#[test]
fn an_empty_form_and_an_unknown_format_get_400() {
    let router = app();
    // A form sent with no file chosen: one empty part with an empty name.
    let a = post_files(&router, "/validate", &[("", b"")], &[]);
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
    assert!(a.text().contains("No file was chosen."));
    let a = send(
        &router,
        Request::post("/api/validate").body(Body::empty()).unwrap(),
    );
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
    assert_eq!(a.json()["error"], "no-file");
    let (n, b) = fixture(&c01_fail());
    let a = post_files(&router, "/api/validate?format=pdf", &[(&n, &b)], &[]);
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
    assert_eq!(a.json()["error"], "bad-format");
    let a = send(
        &router,
        Request::post("/api/validate")
            .header(header::CONTENT_TYPE, "multipart/form-data; boundary=x")
            .body(Body::from("garbage"))
            .unwrap(),
    );
    assert_eq!(a.status, StatusCode::BAD_REQUEST, "{}", a.text());
}

#[test]
fn a_request_over_its_time_limit_gets_503() {
    let router = serve::router(Config {
        timeout: Duration::ZERO,
        ..Config::default()
    });
    let (n, b) = fixture(&c01_fail());
    let a = post_files(&router, "/api/validate", &[(&n, &b)], &[]);
    assert_eq!(a.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(a.json()["error"], "timeout");
    assert_eq!(a.header(header::RETRY_AFTER), "30");
}

#[test]
fn report_strings_are_escaped_and_pages_have_a_strict_policy() {
    let router = app();
    let (_, b) = fixture(&c01_fail());
    let name = "<img src=x onerror=alert(1)>.json";
    let a = post_files(&router, "/validate", &[(name, &b)], &[]);
    assert_eq!(a.status, StatusCode::OK);
    let page = a.text();
    assert!(!page.contains("<img"), "unescaped name");
    assert!(page.contains("&lt;img src=x onerror=alert(1)&gt;.json"));
    // The only script is the server's own file.
    assert_eq!(page.matches("<script").count(), 1);
    assert!(page.contains("<script src=\"/static/app.js\" defer></script>"));
    assert!(!page.contains(" style="), "inline styles break the policy");
    let csp = a.header(header::CONTENT_SECURITY_POLICY);
    assert!(csp.contains("default-src 'none'"));
    assert!(csp.contains("script-src 'self'"));
    assert!(!csp.contains("unsafe"));
    assert_eq!(a.header(header::X_CONTENT_TYPE_OPTIONS), "nosniff");
    assert_eq!(a.header(header::CACHE_CONTROL), "no-store");
    // Assets are this server's own and exist.
    for asset in ["/static/app.css", "/static/app.js"] {
        assert_eq!(get(&router, asset).status, StatusCode::OK);
    }
    for url in ["http://", "https://", "//fonts", "cdn"] {
        assert!(!page.contains(url), "external reference {url}");
    }
}

#[test]
fn rules_template_health_and_not_found() {
    let router = app();
    let rules = get(&router, "/api/rules?lang=fr");
    assert_eq!(rules.status, StatusCode::OK);
    let doc = rules.json();
    let list = doc["rules"].as_array().unwrap();
    assert!(list.len() > 50);
    let c01 = list.iter().find(|r| r["id"] == "C01").unwrap();
    let one = get(&router, "/api/rules/c01?lang=fr").json();
    assert_eq!(&one, c01);
    assert!(!one["why"].as_str().unwrap().is_empty());
    assert_eq!(
        get(&router, "/api/rules/area-count-matches").json()["id"],
        "C01"
    );
    assert_eq!(get(&router, "/api/rules/Z99").status, StatusCode::NOT_FOUND);

    let t = get(&router, "/api/template?format=xlsx&lang=fr");
    assert_eq!(t.status, StatusCode::OK);
    assert!(t.body.starts_with(b"PK\x03\x04"));
    assert!(t
        .header(header::CONTENT_DISPOSITION)
        .contains("article7-template-fr.xlsx"));
    // `article7 template --format xlsx --lang fr`'s workbook (the bytes
    // differ by the creation time inside): read back, the same findings.
    let validator = article7::validator::Validator::new();
    let findings = |bytes: Vec<u8>| {
        validator
            .validate_source(&article7::Source::from_bytes("t.xlsx", bytes))
            .findings
            .into_iter()
            .map(|f| (f.rule, f.pointer, f.location))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        findings(t.body.clone()),
        findings(article7::format::xlsx::template("fr").unwrap())
    );
    let j = get(&router, "/api/template?format=json");
    assert_eq!(
        serde_json::from_slice::<serde_json::Value>(&j.body).unwrap(),
        article7::shape::skeleton()
    );
    assert_eq!(
        get(&router, "/api/template?format=docx").status,
        StatusCode::BAD_REQUEST
    );

    let h = get(&router, "/healthz");
    assert_eq!((h.status, h.text().as_str()), (StatusCode::OK, "ok\n"));
    assert_eq!(get(&router, "/nothing").status, StatusCode::NOT_FOUND);
    assert_eq!(get(&router, "/api/nothing").json()["error"], "not-found");
}

#[test]
fn the_served_openapi_is_the_file_and_lists_every_route() {
    let router = app();
    let served = get(&router, "/api/openapi.json");
    assert_eq!(served.status, StatusCode::OK);
    let file = std::fs::read_to_string(root().join("docs/openapi.json")).unwrap();
    assert_eq!(served.text(), file);
    let doc: serde_json::Value = serde_json::from_str(&file).unwrap();
    let mut documented: Vec<(String, String)> = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for method in item.as_object().unwrap().keys() {
            documented.push((path.clone(), method.clone()));
        }
    }
    documented.sort();
    let mut routed: Vec<(String, String)> = serve::route_table()
        .into_iter()
        .map(|(p, m)| (p.to_owned(), m.to_owned()))
        .collect();
    routed.sort();
    assert_eq!(documented, routed);
    // And the table is what the router answers: each documented path
    // answers its method, and refuses another with 405.
    for (path, method) in &documented {
        let uri = path.replace("{id}", "C01");
        let other = if method == "get" { "DELETE" } else { "GET" };
        let a = send(
            &router,
            Request::builder()
                .method(other)
                .uri(&uri)
                .body(Body::empty())
                .unwrap(),
        );
        assert_eq!(a.status, StatusCode::METHOD_NOT_ALLOWED, "{other} {uri}");
        if method == "get" {
            assert_eq!(get(&router, &uri).status, StatusCode::OK, "GET {uri}");
        }
    }
}

/// A server on a free port of 127.0.0.1, stopped when dropped.
struct Server {
    child: Child,
    url: String,
}

impl Server {
    fn start(args: &[&str]) -> Server {
        let mut child = Command::new(assert_cmd::cargo::cargo_bin("article7"))
            .args(["serve", "--addr", "127.0.0.1:0"])
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let url = line
            .split_whitespace()
            .find(|w| w.starts_with("http://"))
            .unwrap_or_else(|| panic!("no address in {line:?}"))
            .trim_end_matches('/')
            .to_owned();
        Server { child, url }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// curl's status and body (`-F file=@NAME` run in `dir`).
fn curl(dir: &Path, args: &[&str]) -> (u16, Vec<u8>) {
    let out = Command::new("curl")
        .current_dir(dir)
        .args(["-s", "-S", "--max-time", "60", "-w", "\n%{http_code}"])
        .args(args)
        .output()
        .expect("curl is needed for this test (apt-get install curl)");
    let mut body = out.stdout;
    let nl = body.iter().rposition(|b| *b == b'\n').unwrap_or(0);
    let code = String::from_utf8_lossy(&body[nl + 1..])
        .trim()
        .parse()
        .unwrap_or(0);
    body.truncate(nl);
    (code, body)
}

#[test]
fn curl_gets_what_the_command_line_prints() {
    let server = Server::start(&[]);
    let c01 = c01_fail();
    for rel in [
        c01.as_str(),
        "fixtures/ingest/xlsx/libreoffice-hand-edits.xlsx",
        "fixtures/ingest/xml/external-entity.xml",
    ] {
        let path = root().join(rel);
        let name = path.file_name().unwrap().to_str().unwrap();
        let (code, body) = curl(
            path.parent().unwrap(),
            &[
                "-F",
                &format!("file=@{name}"),
                &format!("{}/api/validate", server.url),
            ],
        );
        assert_eq!(code, 200, "{}", String::from_utf8_lossy(&body));
        assert_eq!(
            String::from_utf8(body).unwrap(),
            String::from_utf8(cli(rel, "json", &[])).unwrap(),
            "{rel}"
        );
    }
}

#[test]
fn the_server_keeps_serving_after_hostile_and_oversized_uploads() {
    let server = Server::start(&["--max-upload", "1MB", "--jobs", "2"]);
    let dir = std::env::temp_dir().join(format!("article7-serve-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("huge.json"), vec![b' '; 3 * 1024 * 1024]).unwrap();
    std::fs::write(dir.join("report.pdf"), b"%PDF-1.7\n").unwrap();
    let fixtures = root().join("fixtures/ingest");
    let hostile = [
        (fixtures.join("xlsx/zip-bomb.xlsx"), 200),
        (fixtures.join("xml/billion-laughs.xml"), 200),
        (fixtures.join("json/deep-nesting.json"), 200),
        (dir.join("huge.json"), 413),
        (dir.join("report.pdf"), 415),
    ];
    // All at once, and a normal upload among them.
    let threads: Vec<_> = hostile
        .iter()
        .cloned()
        .map(|(path, want)| {
            let url = format!("{}/api/validate", server.url);
            std::thread::spawn(move || {
                let name = path.file_name().unwrap().to_str().unwrap().to_owned();
                let (code, body) = curl(
                    path.parent().unwrap(),
                    &["-F", &format!("file=@{name}"), &url],
                );
                (name, want, code, body)
            })
        })
        .collect();
    for t in threads {
        let (name, want, code, body) = t.join().unwrap();
        assert_eq!(code, want, "{name}: {}", String::from_utf8_lossy(&body));
        if want == 200 {
            // Findings, as on the command line, not a crash.
            let doc: serde_json::Value = serde_json::from_slice(&body).unwrap();
            assert!(
                !doc["files"][0]["findings"].as_array().unwrap().is_empty(),
                "{name}"
            );
        }
    }
    let (code, body) = curl(&dir, &[&format!("{}/healthz", server.url)]);
    assert_eq!((code, body.as_slice()), (200, b"ok\n".as_slice()));
    let c01 = PathBuf::from(c01_fail());
    let c01 = c01.parent().unwrap();
    let (code, body) = curl(
        c01,
        &[
            "-F",
            "file=@c01-fail.json",
            &format!("{}/api/validate", server.url),
        ],
    );
    assert_eq!(code, 200);
    assert_eq!(body, cli(&c01_fail(), "json", &[]));
    let _ = std::fs::remove_dir_all(&dir);
}
