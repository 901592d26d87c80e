//! `POST /api/lint`: a draft (and optionally the source it translates) checked by the
//! linter with the server's termbase, answered as `alinea lint --format json` prints it.

use std::sync::Arc;

use alinea::diag;
use alinea::doc::InputMode;
use alinea::lint;
use alinea::termbase::parse_lang;
use alinea::Lang;
use axum::extract::State;
use axum::response::Response;
use serde::Deserialize;

use crate::error::ApiError;
use crate::extract::ApiJson;
use crate::routes::read::json_bytes;
use crate::state::AppState;

/// The body of `POST /api/lint`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LintBody {
    /// The draft.
    pub text: String,
    /// Its language (`fr`, `en`, `ar` …); absent or `auto`: detected.
    pub lang: Option<String>,
    /// The source the draft translates (aligned with it by paragraphs).
    pub source: Option<String>,
    pub source_lang: Option<String>,
}

fn lang_of(code: Option<&str>, what: &str) -> Result<Option<Lang>, ApiError> {
    match code.map(str::trim) {
        None | Some("") | Some("auto") => Ok(None),
        Some(c) => parse_lang(c)
            .map(Some)
            .map_err(|m| ApiError::bad_request(format!("{what}: {m}"))),
    }
}

/// `POST /api/lint`.
pub async fn lint(
    State(state): State<Arc<AppState>>,
    ApiJson(body): ApiJson<LintBody>,
) -> Result<Response, ApiError> {
    let lang = lang_of(body.lang.as_deref(), "lang")?;
    let source_lang = lang_of(body.source_lang.as_deref(), "source_lang")?;
    let snap = state.snapshot();
    let out = tokio::task::spawn_blocking(move || -> Result<String, ApiError> {
        // The texts go to the linter as they are, named `draft` and `source` (the names say
        // nothing but that they are text).
        let draft = std::path::PathBuf::from("draft.txt");
        let req = lint::Request {
            lang,
            source: body.source.is_some().then(|| "source.txt".into()),
            source_lang,
            mode: InputMode::Auto,
            contents: Some(lint::Contents {
                draft: body.text.into_bytes(),
                source: body.source.map(String::into_bytes),
            }),
        };
        let docs = lint::read(&draft, &req)?;
        let config = lint::Config::default();
        let cx = lint::Context {
            termbase: snap.index.termbase(),
            matcher: &snap.matcher,
            config: &config,
        };
        let mut findings: Vec<diag::Diagnostic> = lint::lint_docs(&docs, &cx);
        for f in &mut findings {
            if let Some(p) = &f.path {
                f.path = p.file_stem().map(Into::into);
            }
        }
        let summary = lint::Summary::of(&docs, &findings, 0);
        let summary =
            serde_json::to_value(&summary).map_err(|e| ApiError::internal(e.to_string()))?;
        Ok(diag::json::render_findings(&findings, summary))
    })
    .await
    .map_err(|e| ApiError::internal(format!("the lint did not finish: {e}")))??;
    Ok(json_bytes(out.into_bytes()))
}
