//! The web page at `/`: one HTML file with its styles and script inline, built into the
//! binary (no external asset). `/?q=TERM` carries the answer to that lookup inside the page
//! (a JSON block the script renders as the page loads), so a shared link shows its results
//! at once, without a second request.

use std::sync::Arc;

use alinea::termbase::answer::answer;
use alinea::termbase::Query;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};

use crate::extract::ApiQuery;
use crate::routes::read::LookupParams;
use crate::state::AppState;

/// The page.
pub const PAGE: &str = include_str!("../assets/index.html");

/// Where the answer goes in the page.
const SLOT: &str = "<!--initial-->";

/// `GET /` (with `?q=&lang=&limit=`, the lookup shown on load).
pub async fn page(
    State(state): State<Arc<AppState>>,
    ApiQuery(p): ApiQuery<LookupParams>,
) -> Response {
    let initial = match p.checked() {
        Ok((lang, limit)) => {
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
            serde_json::to_string(&a).ok()
        }
        Err(_) => None,
    };
    let html = match initial {
        // `<` is written as an escape so that no text of the termbase closes the script.
        Some(json) => PAGE.replacen(
            SLOT,
            &format!(
                "<script type=\"application/json\" id=\"initial\">{}</script>",
                json.replace('<', "\\u003c")
            ),
            1,
        ),
        None => PAGE.to_string(),
    };
    (
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (
                header::CONTENT_SECURITY_POLICY,
                "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; img-src data:; form-action 'self'",
            ),
        ],
        html,
    )
        .into_response()
}
