//! The routes: the router, its limits (body size, request time), the JSON answers for an
//! unknown route or method, and the small routes (health, the OpenAPI document). The
//! termbase routes are in [`read`] and [`edit`], the text routes (annotate, align) in
//! [`text`], the lint of a draft in [`lint`], the web page in [`crate::page`].

pub mod edit;
pub mod lint;
pub mod read;
pub mod text;

use std::sync::Arc;
use std::time::Duration;

use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::{header, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::json;

use crate::error::ApiError;
use crate::state::AppState;

/// How much a request may ask of the server.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// The largest request body, in bytes.
    pub max_body: usize,
    /// How long a request may take before it is answered 503.
    pub timeout: Duration,
    /// How long a client may take to send a request's headers before its connection is
    /// closed (so that idle or trickling connections do not pile up).
    pub header_timeout: Duration,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_body: 8 * 1024 * 1024,
            timeout: Duration::from_secs(30),
            header_timeout: Duration::from_secs(10),
        }
    }
}

/// The OpenAPI document of the routes.
pub const OPENAPI: &str = include_str!("../../assets/openapi.json");

/// Every route, as the OpenAPI document lists them (`METHOD path`).
pub const ROUTES: &[&str] = &[
    "GET /",
    "GET /api/health",
    "GET /api/openapi.json",
    "GET /api/lookup",
    "GET /api/concordance",
    "POST /api/concepts",
    "GET /api/concepts/{id}",
    "PUT /api/concepts/{id}",
    "PATCH /api/concepts/{id}",
    "DELETE /api/concepts/{id}",
    "GET /api/concepts/{id}/history",
    "GET /api/termbase.tbx",
    "GET /api/termbase.tbx2",
    "GET /api/termbase.csv",
    "GET /api/termbase.json",
    "POST /api/annotate",
    "POST /api/align",
    "POST /api/lint",
];

/// The application: every route with its limits.
pub fn router(state: Arc<AppState>, limits: Limits) -> Router {
    Router::new()
        .route("/", get(crate::page::page))
        .route("/api/health", get(health))
        .route("/api/openapi.json", get(openapi))
        .route("/api/lookup", get(read::lookup))
        .route("/api/concordance", get(read::concordance))
        .route("/api/concepts", post(edit::create))
        .route(
            "/api/concepts/{id}",
            get(read::concept)
                .put(edit::replace)
                .patch(edit::patch)
                .delete(edit::delete),
        )
        .route("/api/concepts/{id}/history", get(read::history))
        .route("/api/termbase.tbx", get(read::export_tbx))
        .route("/api/termbase.tbx2", get(read::export_tbx2))
        .route("/api/termbase.csv", get(read::export_csv))
        .route("/api/termbase.json", get(read::export_json))
        .route("/api/annotate", post(text::annotate))
        .route("/api/align", post(text::align))
        .route("/api/lint", post(lint::lint))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(DefaultBodyLimit::max(limits.max_body))
        .layer(middleware::from_fn_with_state(limits.timeout, timeout))
        .with_state(state)
}

/// Answers 503 when a request takes longer than the limit (the work it started on a
/// blocking thread finishes, but nobody waits for it).
async fn timeout(State(limit): State<Duration>, req: Request, next: Next) -> Response {
    match tokio::time::timeout(limit, next.run(req)).await {
        Ok(r) => r,
        Err(_) => ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "timeout",
            format!("the request took longer than {} s", limit.as_secs_f64()),
        )
        .into_response(),
    }
}

async fn not_found(req: Request) -> ApiError {
    ApiError::not_found(format!("no route {} {}", req.method(), req.uri().path()))
}

async fn method_not_allowed(req: Request) -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "method-not-allowed",
        format!("{} is not allowed on {}", req.method(), req.uri().path()),
    )
}

async fn health(State(state): State<Arc<AppState>>) -> Json<serde_json::Value> {
    let snap = state.snapshot();
    Json(json!({
        "status": "ok",
        "version": env!("CARGO_PKG_VERSION"),
        "concepts": snap.index.termbase().concepts.len(),
        "terms": snap.index.len(),
        "tm_units": state.memory.len(),
        "editing": !state.tokens.is_empty(),
    }))
}

async fn openapi() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "application/json")], OPENAPI)
}
