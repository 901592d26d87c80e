//! `POST /api/align`: the same alignment as `alinea align` gives for the same texts.

mod common;

use axum::http::StatusCode;
use common::*;
use serde_json::json;

const FR: &str = "Le Conseil se réunit chaque année.\n\nIl adopte des résolutions sur la cybersécurité.\n\nLes États membres rendent compte de leurs travaux.\n";
const EN: &str = "The Council meets every year.\n\nIt adopts resolutions on cybersecurity.\n\nMember States report on their work.\n";
const AR: &str = "يجتمع المجلس كل عام.\n\nويعتمد قرارات بشأن الأمن السيبراني.\n\nوتقدم الدول الأعضاء تقارير عن أعمالها.\n";

#[tokio::test]
async fn two_or_three_texts_align_into_tmx_or_json() {
    let s = server();
    let body = json!({"texts": [{"text": FR, "lang": "fr"}, {"text": EN, "lang": "en"}, {"text": AR, "lang": "ar"}]});
    let r = write(&s.app, "POST", "/api/align", None, None, &body.to_string()).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(r.headers["content-type"], "application/x-tmx+xml");
    let tmx = r.text();
    assert_eq!(tmx.matches("<tu ").count(), 3, "{tmx}");
    assert!(tmx.contains("xml:lang=\"ar"), "{tmx}");
    assert!(tmx.contains("Il adopte des résolutions sur la cybersécurité."));
    // Read back by the library's TMX reader: three units of three variants.
    let units: Vec<_> = alinea::tmx::TuReader::from_utf8(
        std::io::Cursor::new(tmx.into_bytes()),
        "api.tmx",
        Default::default(),
    )
    .collect::<Result<_, _>>()
    .unwrap();
    assert_eq!(units.len(), 3);
    assert!(units.iter().all(|u| u.variants.len() == 3));

    let body = json!({"texts": [{"text": FR}, {"text": EN}], "format": "json", "unit": "sentence"});
    let r = write(&s.app, "POST", "/api/align", None, None, &body.to_string()).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let v = r.json();
    assert!(v.is_object(), "{v}");
}

#[tokio::test]
async fn bad_align_requests_are_4xx_json() {
    let s = server();
    for (body, status) in [
        (json!({"texts": [{"text": FR}]}), StatusCode::BAD_REQUEST),
        (
            json!({"texts": [{"text": FR}, {"text": EN}, {"text": AR}, {"text": EN}]}),
            StatusCode::BAD_REQUEST,
        ),
        (
            json!({"texts": [{"text": FR, "lang": "fr"}, {"text": EN}]}),
            StatusCode::BAD_REQUEST,
        ),
        (
            json!({"texts": [{"text": FR}, {"text": EN}], "format": "docx"}),
            StatusCode::BAD_REQUEST,
        ),
        (
            json!({"texts": [{"text": FR}, {"text": EN}], "unit": "word"}),
            StatusCode::BAD_REQUEST,
        ),
        (
            json!({"texts": [{"text": FR, "lang": "fr"}, {"text": EN, "lang": "fr"}]}),
            StatusCode::BAD_REQUEST,
        ),
        (json!({"texts": "two"}), StatusCode::UNPROCESSABLE_ENTITY),
    ] {
        let r = write(&s.app, "POST", "/api/align", None, None, &body.to_string()).await;
        assert_eq!(r.status, status, "{body}: {}", r.text());
        assert!(r.json()["error"]["message"].is_string());
    }
}
