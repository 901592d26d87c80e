//! The routes that take texts: `POST /api/align` (two or three texts → TMX or JSON, through
//! the same pipeline as `alinea align`: `align::align_files`, then `export::render`).

use std::sync::Arc;

use alinea::align::{align_files, Options, Request, Segtype};
use alinea::doc::InputMode;
use alinea::export::{self, RenderOptions};
use alinea::termbase::parse_lang;
use alinea::tmx::{self, WriteOptions};
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use crate::error::ApiError;
use crate::extract::ApiJson;
use crate::state::AppState;

/// One text to align.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AlignText {
    pub text: String,
    /// Its language (`fr`, `en`, `ar` …); give it for every text or for none (then the
    /// languages are detected, as `alinea align` does).
    pub lang: Option<String>,
}

/// The body of `POST /api/align`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AlignBody {
    /// The pivot first, then one or two translations.
    pub texts: Vec<AlignText>,
    /// `tmx` (default) or `json`.
    #[serde(default)]
    pub format: Option<String>,
    /// `paragraph` (default) or `sentence`.
    #[serde(default)]
    pub unit: Option<String>,
    /// `auto` (default: paragraphs with every heuristic) or `lines` (one unit per line).
    #[serde(default)]
    pub input: Option<String>,
}

/// `POST /api/align`.
pub async fn align(
    State(_state): State<Arc<AppState>>,
    ApiJson(body): ApiJson<AlignBody>,
) -> Result<Response, ApiError> {
    if !(2..=3).contains(&body.texts.len()) {
        return Err(ApiError::bad_request(format!(
            "texts: two or three texts to align, not {}",
            body.texts.len()
        )));
    }
    let format = match body.format.as_deref().unwrap_or("tmx") {
        "tmx" => export::Format::Tmx,
        "json" => export::Format::Json,
        other => {
            return Err(ApiError::bad_request(format!(
                "format: tmx or json, not {other:?}"
            )))
        }
    };
    let segtype = match body.unit.as_deref().unwrap_or("paragraph") {
        "paragraph" => Segtype::Paragraph,
        "sentence" => Segtype::Sentence,
        other => {
            return Err(ApiError::bad_request(format!(
                "unit: paragraph or sentence, not {other:?}"
            )))
        }
    };
    let mode = match body.input.as_deref().unwrap_or("auto") {
        "auto" => InputMode::Auto,
        "lines" => InputMode::Lines,
        other => {
            return Err(ApiError::bad_request(format!(
                "input: auto or lines, not {other:?}"
            )))
        }
    };
    let given = body.texts.iter().filter(|t| t.lang.is_some()).count();
    let langs = match given {
        0 => None,
        n if n == body.texts.len() => Some(
            body.texts
                .iter()
                .map(|t| parse_lang(t.lang.as_deref().unwrap_or_default()))
                .collect::<Result<Vec<_>, _>>()
                .map_err(|m| ApiError::bad_request(format!("lang: {m}")))?,
        ),
        _ => {
            return Err(ApiError::bad_request(
                "lang: give the language of every text, or of none",
            ))
        }
    };
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    let creation_date =
        tmx::write::creation_date(secs).unwrap_or_else(|_| tmx::write::FIXED_CREATION_DATE.into());
    let bytes = tokio::task::spawn_blocking(move || -> Result<Vec<u8>, ApiError> {
        // The pipeline reads files: the texts are written to a private folder for it.
        let dir = tempfile::tempdir().map_err(|e| ApiError::internal(e.to_string()))?;
        let mut files = Vec::new();
        for (i, t) in body.texts.iter().enumerate() {
            let p = dir.path().join(format!("text-{}.txt", i + 1));
            std::fs::write(&p, &t.text).map_err(|e| ApiError::internal(e.to_string()))?;
            files.push(p);
        }
        let req = Request {
            files,
            langs,
            langs_by: "the request's lang fields".into(),
            mode,
            segtype,
            options: Options::default(),
        };
        let outcome = align_files(&req)?;
        let opts = RenderOptions {
            tmx: WriteOptions {
                creation_date,
                ..WriteOptions::default()
            },
        };
        Ok(export::render(&outcome.aligned, format, &opts)?.bytes)
    })
    .await
    .map_err(|e| ApiError::internal(format!("the alignment did not finish: {e}")))??;
    let (mime, file) = match format {
        export::Format::Tmx => ("application/x-tmx+xml", "aligned.tmx"),
        _ => ("application/json", "aligned.json"),
    };
    Ok((
        [
            (header::CONTENT_TYPE, mime.to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{file}\""),
            ),
        ],
        bytes,
    )
        .into_response())
}
