//! The editing routes, for token holders: add a concept (`POST`), replace one (`PUT`),
//! change part of one (`PATCH`, a JSON merge patch: deprecate a term by sending its terms
//! with the new status), delete one (`DELETE`, admins only). A change names the version it
//! was made from in `If-Match` (the `ETag` of `GET /api/concepts/{id}`); a stale version gets
//! 412 and changes nothing, none gets 428.

use std::sync::Arc;

use alinea::termbase::Concept;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};

use super::read::{etag, json_bytes};
use crate::auth::{Denied, Editor, Role};
use crate::error::ApiError;
use crate::extract::ApiJson;
use crate::state::{AppState, Done, Edit};

/// Who the request's bearer token names, if they have `role`.
fn editor(state: &AppState, headers: &HeaderMap, role: Role) -> Result<Editor, ApiError> {
    let auth = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok());
    state
        .tokens
        .check(auth, role)
        .cloned()
        .map_err(|d| match d {
            Denied::Unauthenticated => ApiError::new(
                StatusCode::UNAUTHORIZED,
                "unauthorized",
                "editing needs a valid token: Authorization: Bearer TOKEN",
            ),
            Denied::Forbidden => ApiError::new(
                StatusCode::FORBIDDEN,
                "forbidden",
                format!(
                    "this token may not do that (it needs the {} role)",
                    role.as_str()
                ),
            ),
        })
}

/// The version `If-Match` names (`"3"`, `W/"3"` or `3`).
fn if_match(headers: &HeaderMap) -> Result<u64, ApiError> {
    let v = headers.get(header::IF_MATCH).ok_or_else(|| {
        ApiError::new(
            StatusCode::PRECONDITION_REQUIRED,
            "if-match-required",
            "a change names the version it was made from: If-Match: \"VERSION\" (the ETag of GET /api/concepts/{id})",
        )
    })?;
    let s = v.to_str().unwrap_or_default().trim();
    let s = s.strip_prefix("W/").unwrap_or(s).trim_matches('"');
    s.parse().map_err(|_| {
        ApiError::bad_request(format!(
            "If-Match: {:?} is not a concept version (a number in quotes)",
            v
        ))
    })
}

fn answer(done: Done, status: StatusCode) -> Response {
    let body = json!({
        "id": done.id,
        "version": done.version,
        "concept": done.concept,
        "warnings": done.warnings,
    });
    let mut r = json_bytes(serde_json::to_vec(&body).unwrap_or_default());
    *r.status_mut() = status;
    if done.concept.is_some() {
        r.headers_mut().insert(header::ETAG, etag(done.version));
    }
    r
}

fn same_id(path: &str, concept: &Concept) -> Result<(), ApiError> {
    if concept.id != path {
        return Err(ApiError::bad_request(format!(
            "the body is concept {:?}, the address names {path:?} (a concept's id does not change)",
            concept.id
        )));
    }
    Ok(())
}

/// `POST /api/concepts`: a new concept (201, its version 1).
pub async fn create(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    ApiJson(concept): ApiJson<Concept>,
) -> Result<Response, ApiError> {
    let who = editor(&state, &headers, Role::Editor)?;
    let done = state.edit(Edit::Create(concept), &who).await?;
    let location = format!("/api/concepts/{}", done.id);
    let mut r = answer(done, StatusCode::CREATED);
    if let Ok(v) = location.parse() {
        r.headers_mut().insert(header::LOCATION, v);
    }
    Ok(r)
}

/// `PUT /api/concepts/{id}`: the whole concept replaced.
pub async fn replace(
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
    headers: HeaderMap,
    ApiJson(concept): ApiJson<Concept>,
) -> Result<Response, ApiError> {
    let who = editor(&state, &headers, Role::Editor)?;
    let expected = if_match(&headers)?;
    same_id(&id, &concept)?;
    let done = state
        .edit(Edit::Replace { concept, expected }, &who)
        .await?;
    Ok(answer(done, StatusCode::OK))
}

/// `PATCH /api/concepts/{id}`: a JSON merge patch of the concept.
pub async fn patch(
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
    headers: HeaderMap,
    ApiJson(patch): ApiJson<Value>,
) -> Result<Response, ApiError> {
    let who = editor(&state, &headers, Role::Editor)?;
    let expected = if_match(&headers)?;
    let done = state
        .edit(
            Edit::Patch {
                id,
                patch,
                expected,
            },
            &who,
        )
        .await?;
    Ok(answer(done, StatusCode::OK))
}

/// `DELETE /api/concepts/{id}` (admins): the concept removed; its history stays.
pub async fn delete(
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let who = editor(&state, &headers, Role::Admin)?;
    let expected = if_match(&headers)?;
    let done = state.edit(Edit::Delete { id, expected }, &who).await?;
    Ok(answer(done, StatusCode::OK).into_response())
}
