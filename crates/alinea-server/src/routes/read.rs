//! The reading routes, open to everyone: lookup (the answer `alinea lookup --format json`
//! prints, from the same library function), a concept with its version, its history, the
//! concordance over the loaded memories, and the termbase exports.

use std::sync::Arc;

use alinea::termbase::answer::answer;
use alinea::termbase::{self, Format, Query};
use alinea::Lang;
use axum::extract::{Path, State};
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::json;

use crate::error::ApiError;
use crate::extract::ApiQuery;
use crate::state::AppState;

/// The most concepts (or concordance lines) one request may ask for.
pub const MAX_LIMIT: usize = 100;

/// `?q=&lang=&limit=`.
#[derive(Debug, Default, Deserialize)]
pub struct LookupParams {
    #[serde(default)]
    pub q: String,
    pub lang: Option<String>,
    pub limit: Option<usize>,
}

impl LookupParams {
    /// The language (`auto` or absent: none), the limit (5 by default, 1 to [`MAX_LIMIT`]).
    pub fn checked(&self) -> Result<(Option<Lang>, usize), ApiError> {
        if self.q.trim().is_empty() {
            return Err(ApiError::bad_request("empty query: give q=TERM"));
        }
        let lang = match self.lang.as_deref().map(str::trim) {
            None | Some("") | Some("auto") => None,
            Some(code) => Some(
                termbase::parse_lang(code)
                    .map_err(|m| ApiError::bad_request(format!("lang: {m}")))?,
            ),
        };
        let limit = self.limit.unwrap_or(5);
        if limit == 0 || limit > MAX_LIMIT {
            return Err(ApiError::bad_request(format!(
                "limit: between 1 and {MAX_LIMIT}, not {limit}"
            )));
        }
        Ok((lang, limit))
    }
}

/// JSON bytes as an answer.
pub fn json_bytes(bytes: Vec<u8>) -> Response {
    ([(header::CONTENT_TYPE, "application/json")], bytes).into_response()
}

/// `GET /api/lookup`: the hits, best first, with their concepts and concordance.
pub async fn lookup(
    State(state): State<Arc<AppState>>,
    ApiQuery(p): ApiQuery<LookupParams>,
) -> Result<Response, ApiError> {
    let (lang, limit) = p.checked()?;
    let snap = state.snapshot();
    let a = answer(
        &snap.index,
        &state.memory,
        &Query {
            text: p.q.trim(),
            lang,
            limit,
        },
    );
    let bytes = serde_json::to_vec(&a).map_err(|e| ApiError::internal(e.to_string()))?;
    Ok(json_bytes(bytes))
}

/// `GET /api/concordance`: the units of the loaded memories that use the phrase `q`.
pub async fn concordance(
    State(state): State<Arc<AppState>>,
    ApiQuery(p): ApiQuery<LookupParams>,
) -> Result<Response, ApiError> {
    let (lang, limit) = p.checked()?;
    let lines = state.memory.phrase(p.q.trim(), lang.as_ref(), limit);
    let bytes = serde_json::to_vec(&json!({
        "query": p.q.trim(),
        "tm_units": state.memory.len(),
        "lines": lines,
    }))
    .map_err(|e| ApiError::internal(e.to_string()))?;
    Ok(json_bytes(bytes))
}

/// The `ETag` of a concept's version.
pub fn etag(version: u64) -> HeaderValue {
    HeaderValue::from_str(&format!("\"{version}\"")).expect("digits and quotes")
}

/// `GET /api/concepts/{id}`: `{"version", "concept"}`, the version also as `ETag`.
pub async fn concept(
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let snap = state.snapshot();
    let (c, version) = snap
        .concept(&id)
        .ok_or_else(|| ApiError::not_found(format!("no concept {id:?}")))?;
    let bytes = serde_json::to_vec(&json!({"version": version, "concept": c}))
        .map_err(|e| ApiError::internal(e.to_string()))?;
    let mut r = json_bytes(bytes);
    r.headers_mut().insert(header::ETAG, etag(version));
    Ok(r)
}

/// `GET /api/concepts/{id}/history`: every write of the concept, oldest first (a deleted
/// concept keeps its history).
pub async fn history(
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let store = Arc::clone(&state.store);
    let id2 = id.clone();
    let changes = tokio::task::spawn_blocking(move || store.history(&id2))
        .await
        .map_err(|e| ApiError::internal(e.to_string()))??;
    if changes.is_empty() {
        return Err(ApiError::not_found(format!(
            "no concept {id:?}, now or before"
        )));
    }
    let bytes = serde_json::to_vec(&json!({"concept": id, "changes": changes}))
        .map_err(|e| ApiError::internal(e.to_string()))?;
    Ok(json_bytes(bytes))
}

async fn export(state: Arc<AppState>, format: Format, file: &str, mime: &str) -> Response {
    let snap = state.snapshot();
    let out =
        tokio::task::spawn_blocking(move || termbase::to_string(snap.index.termbase(), format))
            .await;
    match out {
        Ok(Ok(text)) => (
            [
                (header::CONTENT_TYPE, mime.to_string()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{file}\""),
                ),
            ],
            text,
        )
            .into_response(),
        Ok(Err(e)) => ApiError::internal(e.to_string()).into_response(),
        Err(e) => ApiError::internal(e.to_string()).into_response(),
    }
}

/// `GET /api/termbase.tbx`: TBX v3 (TBX-Basic), with the history as `transacGrp`.
pub async fn export_tbx(State(state): State<Arc<AppState>>) -> Response {
    export(
        state,
        Format::TbxV3,
        "termbase.tbx",
        "application/xml; charset=utf-8",
    )
    .await
}

/// `GET /api/termbase.tbx2`: legacy TBX v2 (`martif`).
pub async fn export_tbx2(State(state): State<Arc<AppState>>) -> Response {
    export(
        state,
        Format::TbxV2,
        "termbase.tbx",
        "application/xml; charset=utf-8",
    )
    .await
}

/// `GET /api/termbase.csv`.
pub async fn export_csv(State(state): State<Arc<AppState>>) -> Response {
    export(
        state,
        Format::Csv,
        "termbase.csv",
        "text/csv; charset=utf-8",
    )
    .await
}

/// `GET /api/termbase.json`.
pub async fn export_json(State(state): State<Arc<AppState>>) -> Response {
    export(state, Format::Json, "termbase.json", "application/json").await
}
