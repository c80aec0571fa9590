//! The web application behind `article7 serve`: an upload page (en/fr/es)
//! and an HTTP API over the same validator as `article7 validate`.
//!
//! It lives in the library so that tests drive the router in-process; like
//! the rest of the library it never prints or exits (the command prints the
//! address and reports a failure to bind). Build it with
//! [`router`] and run it with [`serve`]:
//!
//! ```no_run
//! # async fn run() -> std::io::Result<()> {
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:8077").await?;
//! article7::serve::serve(listener, article7::serve::router(Default::default())).await
//! # }
//! ```
//!
//! Safe by default: uploads are held in memory only for the request; the
//! body is limited ([`Config::max_upload`]); every request has a time limit
//! ([`Config::timeout`]); validation runs on the rayon pool, never on the
//! async runtime, with at most [`Config::max_concurrent`] at a time; every
//! response carries a strict Content-Security-Policy.

pub mod adapter;
mod page;
pub mod text;

use crate::report::OutputFormat;
use crate::source::Format;
use crate::validator::FileReport;
use axum::body::Bytes;
use axum::extract::{FromRequest, Multipart, Path, Query, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, MethodRouter};
use axum::Router;
use serde::Deserialize;
use std::sync::Arc;
use std::time::Duration;
use text::{t, T};
use tokio::sync::Semaphore;

/// The OpenAPI document of the routes, as kept in the repository.
pub const OPENAPI: &str = include_str!("../../docs/openapi.json");

const CSS: &str = include_str!("assets/app.css");
const JS: &str = include_str!("assets/app.js");
const ICON: &str = include_str!("assets/favicon.svg");

/// The pages' policy: nothing but this server's own stylesheet and script,
/// no inline code, no framing, forms post only here.
pub const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; \
form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/// The policy of the HTML results format: its style is inline and it has
/// no script (the same policy the page declares itself).
const CSP_REPORT: &str = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";

/// Limits and defaults of a server.
#[derive(Debug, Clone)]
pub struct Config {
    /// The largest request body accepted, in bytes (all files of a request
    /// together, with the form's framing).
    pub max_upload: usize,
    /// The longest a request may take, from its first byte to the answer.
    pub timeout: Duration,
    /// Validations run at the same time (each holds one pool thread).
    pub max_concurrent: usize,
    /// The page's language when neither `?lang=` nor `Accept-Language`
    /// names one of en/fr/es.
    pub lang: &'static str,
}

/// 20 MB.
pub const DEFAULT_MAX_UPLOAD: usize = 20 * 1024 * 1024;

impl Default for Config {
    fn default() -> Config {
        Config {
            max_upload: DEFAULT_MAX_UPLOAD,
            timeout: Duration::from_secs(30),
            max_concurrent: rayon::current_num_threads().max(1),
            lang: "en",
        }
    }
}

struct Shared {
    config: Config,
    validators: adapter::Validators,
    permits: Arc<Semaphore>,
}

type AppState = Arc<Shared>;

type Route = (&'static str, &'static str, MethodRouter<AppState>);

/// Every route: path, method, handler. The router is built from this table
/// and the OpenAPI document is checked against it.
fn routes() -> Vec<Route> {
    vec![
        ("/", "get", get(index)),
        ("/validate", "post", post(validate_page)),
        ("/api/validate", "post", post(validate_api)),
        ("/api/rules", "get", get(rules)),
        ("/api/rules/{id}", "get", get(rule)),
        ("/api/template", "get", get(template)),
        ("/api/openapi.json", "get", get(openapi)),
        ("/healthz", "get", get(healthz)),
        ("/static/app.css", "get", get(css)),
        ("/static/app.js", "get", get(js)),
        ("/static/favicon.svg", "get", get(icon)),
    ]
}

/// The routes the router serves, as (path, method) in OpenAPI's spelling.
pub fn route_table() -> Vec<(&'static str, &'static str)> {
    routes().into_iter().map(|(p, m, _)| (p, m)).collect()
}

/// The application with `config`.
pub fn router(config: Config) -> Router {
    let permits = Arc::new(Semaphore::new(config.max_concurrent.max(1)));
    let state = Arc::new(Shared {
        config,
        validators: adapter::Validators::default(),
        permits,
    });
    let mut router = Router::new();
    for (path, _, handler) in routes() {
        router = router.route(path, handler);
    }
    router
        .fallback(not_found)
        .layer(axum::extract::DefaultBodyLimit::max(
            state.config.max_upload,
        ))
        .layer(middleware::from_fn_with_state(state.clone(), guard))
        .with_state(state)
}

/// Serves `router` on `listener` until the process ends.
pub async fn serve(listener: tokio::net::TcpListener, router: Router) -> std::io::Result<()> {
    axum::serve(listener, router).await
}

#[derive(Debug, Default, Deserialize)]
struct Params {
    lang: Option<String>,
    format: Option<String>,
    filename: Option<String>,
}

fn params(uri: &axum::http::Uri) -> Params {
    Query::<Params>::try_from_uri(uri)
        .map(|q| q.0)
        .unwrap_or_default()
}

fn lang_of(headers: &HeaderMap, params: &Params, fallback: &'static str) -> &'static str {
    text::negotiate(
        params.lang.as_deref(),
        headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok()),
        fallback,
    )
}

/// Time limit and security headers on every response.
async fn guard(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let api = req.uri().path().starts_with("/api/");
    let lang = lang_of(req.headers(), &params(req.uri()), state.config.lang);
    let mut response = match tokio::time::timeout(state.config.timeout, next.run(req)).await {
        Ok(r) => r,
        Err(_) => refuse(&state, api, lang, Refusal::Timeout),
    };
    let h = response.headers_mut();
    if !h.contains_key(header::CONTENT_SECURITY_POLICY) {
        h.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CSP),
        );
    }
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    if !h.contains_key(header::CACHE_CONTROL) {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

/// Why a request was not validated.
#[derive(Debug)]
enum Refusal {
    TooLarge,
    WrongType(String),
    NoFile,
    Bad(String),
    BadFormat(String),
    Busy,
    Timeout,
    Internal,
}

impl Refusal {
    fn status(&self) -> StatusCode {
        match self {
            Refusal::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Refusal::WrongType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Refusal::NoFile | Refusal::Bad(_) | Refusal::BadFormat(_) => StatusCode::BAD_REQUEST,
            Refusal::Busy | Refusal::Timeout => StatusCode::SERVICE_UNAVAILABLE,
            Refusal::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn code(&self) -> &'static str {
        match self {
            Refusal::TooLarge => "too-large",
            Refusal::WrongType(_) => "unsupported-type",
            Refusal::NoFile => "no-file",
            Refusal::Bad(_) => "bad-upload",
            Refusal::BadFormat(_) => "bad-format",
            Refusal::Busy => "busy",
            Refusal::Timeout => "timeout",
            Refusal::Internal => "internal",
        }
    }

    fn message(&self, config: &Config, lang: &str) -> String {
        match self {
            Refusal::TooLarge => format!(
                "{} ({}).",
                t(T::TooLarge, lang),
                size_text(config.max_upload)
            ),
            Refusal::WrongType(name) => format!("«{name}»: {}", t(T::WrongType, lang)),
            Refusal::NoFile => t(T::NoFile, lang).to_owned(),
            Refusal::Bad(why) => format!("{}: {why}", t(T::BadUpload, lang)),
            Refusal::BadFormat(f) => format!(
                "unknown format `{f}`: use json, jsonl, sarif, junit or html (xlsx, json or xml for templates)"
            ),
            Refusal::Busy => t(T::Busy, lang).to_owned(),
            Refusal::Timeout => format!(
                "{} ({} s).",
                t(T::Timeout, lang),
                config.timeout.as_secs()
            ),
            Refusal::Internal => t(T::Internal, lang).to_owned(),
        }
    }
}

/// `20 MB`, `64 KB`, `900 bytes`.
fn size_text(n: usize) -> String {
    const MB: usize = 1024 * 1024;
    if n >= MB && n % MB == 0 {
        format!("{} MB", n / MB)
    } else if n >= MB {
        format!("{:.1} MB", n as f64 / MB as f64)
    } else if n >= 1024 {
        format!("{} KB", n / 1024)
    } else {
        format!("{n} bytes")
    }
}

fn refuse(state: &Shared, api: bool, lang: &str, why: Refusal) -> Response {
    let status = why.status();
    let message = why.message(&state.config, lang);
    let mut response = if api {
        let body = serde_json::json!({
            "error": why.code(),
            "status": status.as_u16(),
            "message": message,
            "accepted": [".json", ".xml", ".xlsx"],
            "template": format!("/api/template?format=xlsx&lang={lang}"),
        });
        json_response(status, &body)
    } else {
        html_response(status, lang, page::refusal(lang, &message))
    };
    if matches!(why, Refusal::Busy | Refusal::Timeout) {
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from_static("30"));
    }
    response
}

fn html_response(status: StatusCode, lang: &str, body: String) -> Response {
    let mut r = (
        status,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        body,
    )
        .into_response();
    if let Ok(v) = HeaderValue::from_str(lang) {
        r.headers_mut().insert(header::CONTENT_LANGUAGE, v);
    }
    r.headers_mut()
        .insert(header::VARY, HeaderValue::from_static("Accept-Language"));
    r
}

fn json_response(status: StatusCode, value: &serde_json::Value) -> Response {
    let mut body = serde_json::to_vec_pretty(value).unwrap_or_default();
    body.push(b'\n');
    (status, [(header::CONTENT_TYPE, "application/json")], body).into_response()
}

async fn index(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(p): Query<Params>,
) -> Response {
    let lang = lang_of(&headers, &p, state.config.lang);
    html_response(StatusCode::OK, lang, page::index(lang))
}

async fn not_found(State(state): State<AppState>, req: Request) -> Response {
    let lang = lang_of(req.headers(), &params(req.uri()), state.config.lang);
    if req.uri().path().starts_with("/api/") {
        return json_response(
            StatusCode::NOT_FOUND,
            &serde_json::json!({"error": "not-found", "status": 404, "message": "no such route; see /api/openapi.json"}),
        );
    }
    html_response(
        StatusCode::NOT_FOUND,
        lang,
        page::refusal(lang, t(T::NotFound, lang)),
    )
}

/// One uploaded file, held in memory for the request only.
struct Upload {
    name: String,
    bytes: Vec<u8>,
}

/// The files of a request: the file parts of a multipart form, or the raw
/// body named by `?filename=`. Refuses what is too large or not a report.
async fn uploads(state: &AppState, req: Request, params: &Params) -> Result<Vec<Upload>, Refusal> {
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    // Refused before reading a byte of it.
    if declared.is_some_and(|n| n > state.config.max_upload as u64) {
        return Err(Refusal::TooLarge);
    }
    let multipart = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.to_ascii_lowercase().starts_with("multipart/form-data"));
    let mut files = Vec::new();
    if multipart {
        let mut form = Multipart::from_request(req, state)
            .await
            .map_err(|e| Refusal::Bad(e.body_text()))?;
        loop {
            match form.next_field().await {
                Ok(Some(field)) => {
                    // Text fields of the form are not files.
                    let Some(name) = field.file_name().map(str::to_owned) else {
                        continue;
                    };
                    let bytes = field.bytes().await.map_err(multipart_refusal)?;
                    // A form sent with no file chosen has an empty part.
                    if name.is_empty() && bytes.is_empty() {
                        continue;
                    }
                    files.push(Upload {
                        name: base_name(&name),
                        bytes: bytes.to_vec(),
                    });
                }
                Ok(None) => break,
                Err(e) => return Err(multipart_refusal(e)),
            }
        }
    } else {
        let body = Bytes::from_request(req, state).await.map_err(|e| {
            if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
                Refusal::TooLarge
            } else {
                Refusal::Bad(e.body_text())
            }
        })?;
        if !body.is_empty() {
            files.push(Upload {
                name: base_name(params.filename.as_deref().unwrap_or("upload")),
                bytes: body.to_vec(),
            });
        }
    }
    if files.is_empty() {
        return Err(Refusal::NoFile);
    }
    for f in &files {
        if !accepted(&f.name, &f.bytes) {
            return Err(Refusal::WrongType(f.name.clone()));
        }
    }
    Ok(files)
}

fn multipart_refusal(e: axum::extract::multipart::MultipartError) -> Refusal {
    if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
        Refusal::TooLarge
    } else {
        Refusal::Bad(e.body_text())
    }
}

/// The last component of an uploaded name: browsers send a bare name, but
/// a client may send a path, which must not show up in findings.
fn base_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name).trim();
    if base.is_empty() {
        "upload".to_owned()
    } else {
        base.to_owned()
    }
}

/// A report format by its extension; with no extension, by its content.
/// A Word file or a PDF (`.docx`, `.pdf`) is refused, not "validated".
fn accepted(name: &str, bytes: &[u8]) -> bool {
    let has_extension = std::path::Path::new(name).extension().is_some();
    if has_extension {
        Format::from_extension(std::path::Path::new(name)).is_some()
    } else {
        adapter::format_of(name, bytes).is_some()
    }
}

/// Runs `work` on the rayon pool once a validation slot is free, so the
/// async runtime never waits on a CPU-bound check. A panic inside becomes
/// a 500 for this request only.
async fn on_pool<R: Send + 'static>(
    state: &AppState,
    work: impl FnOnce(&Shared) -> R + Send + 'static,
) -> Result<R, Refusal> {
    let wait = state.config.timeout / 2;
    let permit = match tokio::time::timeout(wait, state.permits.clone().acquire_owned()).await {
        Ok(Ok(p)) => p,
        Ok(Err(_)) => return Err(Refusal::Internal),
        Err(_) => return Err(Refusal::Busy),
    };
    let (tx, rx) = tokio::sync::oneshot::channel();
    let shared = state.clone();
    rayon::spawn(move || {
        // Held until the work is done, even if the client has gone: the
        // bound is on work running, not on requests waiting.
        let _permit = permit;
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(&shared)));
        let _ = tx.send(result.ok());
    });
    match rx.await {
        Ok(Some(r)) => Ok(r),
        _ => Err(Refusal::Internal),
    }
}

fn validate_all(shared: &Shared, lang: &str, files: Vec<Upload>) -> Vec<FileReport> {
    let l = shared.validators.get(lang);
    files
        .into_iter()
        .map(|f| adapter::validate(l, &f.name, f.bytes))
        .collect()
}

/// `POST /validate`: the form's target; answers with the results page.
async fn validate_page(State(state): State<AppState>, req: Request) -> Response {
    let p = params(req.uri());
    let lang = lang_of(req.headers(), &p, state.config.lang);
    let files = match uploads(&state, req, &p).await {
        Ok(f) => f,
        Err(why) => return refuse(&state, false, lang, why),
    };
    let page = on_pool(&state, move |shared| {
        let reports = validate_all(shared, lang, files);
        page::results(shared.validators.get(lang), &reports)
    })
    .await;
    match page {
        Ok(body) => html_response(StatusCode::OK, lang, body),
        Err(why) => refuse(&state, false, lang, why),
    }
}

fn output_format(name: Option<&str>) -> Result<(OutputFormat, &'static str), Refusal> {
    Ok(match name.unwrap_or("json") {
        "json" => (OutputFormat::Json, "application/json"),
        "jsonl" => (OutputFormat::Jsonl, "application/x-ndjson"),
        "sarif" => (OutputFormat::Sarif, "application/sarif+json"),
        "junit" => (OutputFormat::Junit, "application/xml"),
        "html" => (OutputFormat::Html, "text/html; charset=utf-8"),
        other => return Err(Refusal::BadFormat(other.to_owned())),
    })
}

/// `POST /api/validate`: the results in `?format=` (JSON by default),
/// exactly as `article7 validate --format FORMAT` prints them.
async fn validate_api(State(state): State<AppState>, req: Request) -> Response {
    let p = params(req.uri());
    let lang = lang_of(req.headers(), &p, state.config.lang);
    let (format, mime) = match output_format(p.format.as_deref()) {
        Ok(f) => f,
        Err(why) => return refuse(&state, true, lang, why),
    };
    let files = match uploads(&state, req, &p).await {
        Ok(f) => f,
        Err(why) => return refuse(&state, true, lang, why),
    };
    let body = on_pool(&state, move |shared| {
        let reports = validate_all(shared, lang, files);
        adapter::render(shared.validators.get(lang), format, &reports)
    })
    .await;
    match body {
        Ok(body) => {
            let mut r = (StatusCode::OK, [(header::CONTENT_TYPE, mime)], body).into_response();
            if format == OutputFormat::Html {
                r.headers_mut().insert(
                    header::CONTENT_SECURITY_POLICY,
                    HeaderValue::from_static(CSP_REPORT),
                );
            }
            r
        }
        Err(why) => refuse(&state, true, lang, why),
    }
}

async fn rules(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(p): Query<Params>,
) -> Response {
    let lang = lang_of(&headers, &p, state.config.lang);
    match on_pool(&state, move |s| adapter::rules(s.validators.get(lang))).await {
        Ok(v) => json_response(StatusCode::OK, &v),
        Err(why) => refuse(&state, true, lang, why),
    }
}

async fn rule(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
    Query(p): Query<Params>,
) -> Response {
    let lang = lang_of(&headers, &p, state.config.lang);
    let wanted = id.clone();
    match on_pool(&state, move |s| {
        adapter::rule(s.validators.get(lang), &wanted)
    })
    .await
    {
        Ok(Some(v)) => json_response(StatusCode::OK, &v),
        Ok(None) => json_response(
            StatusCode::NOT_FOUND,
            &serde_json::json!({"error": "not-found", "status": 404, "message": format!("there is no rule `{id}`; GET /api/rules lists them")}),
        ),
        Err(why) => refuse(&state, true, lang, why),
    }
}

/// `GET /api/template?format=xlsx&lang=fr`: a blank report to fill in.
async fn template(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(p): Query<Params>,
) -> Response {
    let lang = lang_of(&headers, &p, state.config.lang);
    let format = match p.format.as_deref().unwrap_or("xlsx") {
        "xlsx" => Format::Xlsx,
        "json" => Format::Json,
        "xml" => Format::Xml,
        other => return refuse(&state, true, lang, Refusal::BadFormat(other.to_owned())),
    };
    let mime = match format {
        Format::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        Format::Json => "application/json",
        Format::Xml => "application/xml",
    };
    match on_pool(&state, move |_| adapter::template(format, lang)).await {
        Ok(Ok(bytes)) => {
            let disposition = format!(
                "attachment; filename=\"article7-template-{lang}.{}\"",
                format.as_str()
            );
            (
                StatusCode::OK,
                [
                    (header::CONTENT_TYPE, mime.to_owned()),
                    (header::CONTENT_DISPOSITION, disposition),
                ],
                bytes,
            )
                .into_response()
        }
        Ok(Err(_)) | Err(_) => refuse(&state, true, lang, Refusal::Internal),
    }
}

async fn openapi() -> Response {
    (
        StatusCode::OK,
        [(header::CONTENT_TYPE, "application/json")],
        OPENAPI,
    )
        .into_response()
}

async fn healthz() -> Response {
    (
        StatusCode::OK,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        "ok\n",
    )
        .into_response()
}

fn asset(mime: &'static str, body: &'static str) -> Response {
    (
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, mime),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        body,
    )
        .into_response()
}

async fn css() -> Response {
    asset("text/css; charset=utf-8", CSS)
}

async fn js() -> Response {
    asset("text/javascript; charset=utf-8", JS)
}

async fn icon() -> Response {
    asset("image/svg+xml", ICON)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_lose_their_folders() {
        assert_eq!(base_name("C:\\Users\\x\\rapport.xlsx"), "rapport.xlsx");
        assert_eq!(base_name("../../etc/report.json"), "report.json");
        assert_eq!(base_name(""), "upload");
    }

    #[test]
    fn word_and_pdf_are_not_reports() {
        assert!(!accepted("report.docx", b"PK\x03\x04"));
        assert!(!accepted("report.pdf", b"%PDF-1.7"));
        assert!(!accepted("upload", b"%PDF-1.7"));
        assert!(accepted("report.XLSX", b"PK\x03\x04"));
        assert!(accepted("upload", b"{}"));
        // A report with an unexpected extension is refused, even if it is
        // JSON: the page says which extensions it takes.
        assert!(!accepted("report.txt", b"{}"));
    }
}
