//! Errors: [`ApiError`] is what a request gets back (`{"error": {"code", "message"}}` with a
//! 4xx or 5xx status); [`StartError`] is why the server could not start (one line for the
//! command to print).

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::json;

use crate::store::StoreError;

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    /// A bad argument or input file (termbase, memory, tokens file).
    #[error("{0}")]
    Input(String),
    /// The database could not be created or opened.
    #[error("{0}")]
    Store(String),
    /// The address could not be bound.
    #[error("{0}")]
    Bind(String),
}

impl From<alinea::Error> for StartError {
    fn from(e: alinea::Error) -> StartError {
        StartError::Input(e.to_string())
    }
}

impl From<StoreError> for StartError {
    fn from(e: StoreError) -> StartError {
        StartError::Store(e.to_string())
    }
}

/// An error answer.
#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    /// Stable, for programs: `not-found`, `stale-version` …
    pub code: &'static str,
    pub message: String,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            code,
            message: message.into(),
        }
    }

    pub fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, "bad-request", message)
    }

    pub fn not_found(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, "not-found", message)
    }

    pub fn internal(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", message)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = json!({"error": {"code": self.code, "message": self.message}});
        let mut r = (self.status, axum::Json(body)).into_response();
        if self.status == StatusCode::UNAUTHORIZED {
            r.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Bearer realm=\"alinea\""),
            );
        }
        r
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> ApiError {
        let message = e.to_string();
        match e {
            StoreError::NotFound(_) => ApiError::not_found(message),
            StoreError::Exists(_) => ApiError::new(StatusCode::CONFLICT, "exists", message),
            StoreError::Stale { .. } => {
                ApiError::new(StatusCode::PRECONDITION_FAILED, "stale-version", message)
            }
            StoreError::Open(_) | StoreError::Db(_) => ApiError::internal(message),
        }
    }
}

impl From<alinea::Error> for ApiError {
    /// A library error about what the request sent: 400, or 422 for content that does not
    /// hold together (a termbase that fails validation, texts that cannot be aligned).
    fn from(e: alinea::Error) -> ApiError {
        match e {
            alinea::Error::Usage(m) => ApiError::bad_request(m),
            alinea::Error::Read { .. } | alinea::Error::Write { .. } => {
                ApiError::internal(e.to_string())
            }
            other => ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "invalid-content",
                other.to_string(),
            ),
        }
    }
}
