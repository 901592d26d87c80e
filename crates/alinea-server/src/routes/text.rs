//! The routes that take texts: `POST /api/annotate` (every termbase term in a text, through
//! `termbase::annotate::TermMatcher`) and `POST /api/align` (two or three texts → TMX or
//! JSON, through the same pipeline as `alinea align`: `align::align_files`, then
//! `export::render`).

use std::sync::Arc;

use alinea::align::{align_files, Options, Request, Segtype};
use alinea::doc::InputMode;
use alinea::export::{self, RenderOptions};
use alinea::termbase::model::lang_rank;
use alinea::termbase::{parse_lang, Status};
use alinea::tmx::{self, WriteOptions};
use alinea::Lang;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use std::ops::Range;

use crate::error::ApiError;
use crate::extract::ApiJson;
use crate::routes::read::json_bytes;
use crate::state::AppState;

/// The body of `POST /api/annotate`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnnotateBody {
    pub text: String,
    /// The text's language (`fr`, `en`, `ar` …); absent or `auto`: detected.
    pub lang: Option<String>,
}

/// A term of the concept in another language.
#[derive(Debug, Serialize)]
struct Equivalent<'a> {
    lang: &'a Lang,
    text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    status: Option<Status>,
}

/// One term found.
#[derive(Debug, Serialize)]
struct Found<'a> {
    /// Byte range in the text (UTF-8).
    span: Range<usize>,
    /// The same range in characters (Unicode scalar values).
    chars: Range<usize>,
    /// The text as it is written there.
    text: &'a str,
    concept: &'a str,
    /// The termbase term that matched, and its status.
    term: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    status: Option<Status>,
    class: &'static str,
    /// The concept's terms in the other languages, preferred first.
    equivalents: Vec<Equivalent<'a>>,
}

/// `POST /api/annotate`: every termbase term found in the text, in text order, with its
/// span, concept, status and equivalents (what CAT tools call segment decoration).
pub async fn annotate(
    State(state): State<Arc<AppState>>,
    ApiJson(body): ApiJson<AnnotateBody>,
) -> Result<Response, ApiError> {
    let lang = match body.lang.as_deref().map(str::trim) {
        None | Some("") | Some("auto") => {
            alinea::text::lang::detect(&body.text).ok_or_else(|| {
                ApiError::bad_request("lang: the text's language cannot be told; give lang")
            })?
        }
        Some(code) => parse_lang(code).map_err(|m| ApiError::bad_request(format!("lang: {m}")))?,
    };
    let snap = state.snapshot();
    let text = body.text;
    let bytes = tokio::task::spawn_blocking(move || {
        let matches = snap.matcher.find(&text, &lang);
        let concepts = &snap.index.termbase().concepts;
        // Character offsets, counted once over the text.
        let mut chars_before = Vec::with_capacity(matches.len() * 2);
        let (mut at, mut count) = (0usize, 0usize);
        let mut offsets: Vec<usize> = matches
            .iter()
            .flat_map(|m| [m.span.start, m.span.end])
            .collect();
        offsets.sort_unstable();
        offsets.dedup();
        for &o in &offsets {
            count += text[at..o].chars().count();
            at = o;
            chars_before.push((o, count));
        }
        let char_at = |o: usize| {
            chars_before
                .binary_search_by_key(&o, |p| p.0)
                .map(|i| chars_before[i].1)
                .unwrap_or(0)
        };
        let found: Vec<Found> = matches
            .iter()
            .map(|m| {
                let c = &concepts[m.concept_index];
                let mut equivalents: Vec<Equivalent> = c
                    .terms
                    .iter()
                    .filter(|t| t.lang != m.lang)
                    .map(|t| Equivalent {
                        lang: &t.lang,
                        text: &t.text,
                        status: t.status,
                    })
                    .collect();
                equivalents.sort_by_key(|e| {
                    (
                        lang_rank(e.lang),
                        e.status
                            .map_or(1, |s| if s == Status::Preferred { 0 } else { 2 }),
                    )
                });
                Found {
                    span: m.span.clone(),
                    chars: char_at(m.span.start)..char_at(m.span.end),
                    text: &text[m.span.clone()],
                    concept: &c.id,
                    term: &c.terms[m.term_index].text,
                    status: m.status,
                    class: m.class.as_str(),
                    equivalents,
                }
            })
            .collect();
        serde_json::to_vec(&serde_json::json!({"lang": lang, "matches": found}))
    })
    .await
    .map_err(|e| ApiError::internal(e.to_string()))?
    .map_err(|e| ApiError::internal(e.to_string()))?;
    Ok(json_bytes(bytes))
}

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
    State(state): State<Arc<AppState>>,
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
    let creation_date = tmx::write::creation_date(secs).ok();
    let _turn = state
        .aligning
        .acquire()
        .await
        .map_err(|e| ApiError::internal(e.to_string()))?;
    let bytes = tokio::task::spawn_blocking(move || -> Result<Vec<u8>, ApiError> {
        // The texts are given to the pipeline as they are, each named as a file would be.
        let files = (1..=body.texts.len())
            .map(|i| std::path::PathBuf::from(format!("text-{i}.txt")))
            .collect();
        let contents = body
            .texts
            .iter()
            .map(|t| t.text.as_bytes().to_vec())
            .collect();
        let req = Request {
            files,
            contents: Some(contents),
            langs,
            langs_by: "the request's lang fields".into(),
            mode,
            segtype,
            options: Options::default(),
        };
        let mut outcome = align_files(&req)?;
        export::prepare(&mut outcome.aligned, &outcome.documents, format);
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
