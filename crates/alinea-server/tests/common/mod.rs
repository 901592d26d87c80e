//! A server in the test process: a database made from the built-in glossary in a temporary
//! folder, two tokens, the requests sent through the router without a socket.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::Arc;

use alinea_server::{router, AppState, Config, Limits};
use axum::body::Body;
use axum::http::{Request, StatusCode};
use axum::Router;
use serde_json::Value;
use tower::ServiceExt;

pub const ANN: &str = "Bearer token-of-ann-editor-0001";
pub const BOB: &str = "Bearer token-of-bob-admin-00002";

pub struct Server {
    pub app: Router,
    pub state: Arc<AppState>,
    pub dir: tempfile::TempDir,
}

/// The repository's aligned/ memory of one document.
pub fn memory() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../aligned/ipu-146-cybercrime.tmx")
}

pub fn server_with(limits: Limits, tms: Vec<PathBuf>) -> Server {
    let dir = tempfile::tempdir().unwrap();
    let tokens = dir.path().join("tokens");
    std::fs::write(
        &tokens,
        "# test tokens\ntoken-of-ann-editor-0001 ann editor\ntoken-of-bob-admin-00002 bob admin\n",
    )
    .unwrap();
    let builtin = dir.path().join("glossary.toml");
    std::fs::write(&builtin, alinea::termbase::load::BUILT_IN).unwrap();
    let config = Config {
        addr: "127.0.0.1:0".into(),
        db: dir.path().join("t.db"),
        termbases: vec![builtin],
        tms,
        tokens: Some(tokens),
        limits,
    };
    let state = alinea_server::open(&config, &|_| {}).unwrap();
    Server {
        app: router(Arc::clone(&state), limits),
        state,
        dir,
    }
}

pub fn server() -> Server {
    server_with(Limits::default(), vec![memory()])
}

pub struct Answer {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub body: Vec<u8>,
}

impl Answer {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }

    pub fn text(&self) -> String {
        String::from_utf8(self.body.clone()).unwrap()
    }

    /// The error code of a JSON error answer.
    pub fn code(&self) -> String {
        self.json()["error"]["code"]
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    pub fn etag(&self) -> String {
        self.headers["etag"].to_str().unwrap().to_string()
    }
}

pub async fn send(app: &Router, req: Request<Body>) -> Answer {
    let r = app.clone().oneshot(req).await.unwrap();
    let status = r.status();
    let headers = r.headers().clone();
    let body = axum::body::to_bytes(r.into_body(), usize::MAX)
        .await
        .unwrap()
        .to_vec();
    Answer {
        status,
        headers,
        body,
    }
}

pub async fn get(app: &Router, uri: &str) -> Answer {
    send(app, Request::get(uri).body(Body::empty()).unwrap()).await
}

/// A request with a JSON body, a token and an If-Match, each optional.
pub async fn write(
    app: &Router,
    method: &str,
    uri: &str,
    token: Option<&str>,
    if_match: Option<&str>,
    body: &str,
) -> Answer {
    let mut b = Request::builder()
        .method(method)
        .uri(uri)
        .header("content-type", "application/json");
    if let Some(t) = token {
        b = b.header("authorization", t);
    }
    if let Some(m) = if_match {
        b = b.header("if-match", m);
    }
    send(app, b.body(Body::from(body.to_string())).unwrap()).await
}
