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

#[tokio::test]
async fn annotate_finds_the_terms_with_spans_and_equivalents() {
    let s = server();
    let text = "Les États renforcent l'usage des TIC contre la cybercriminalité.";
    let body = json!({"text": text, "lang": "fr"}).to_string();
    let r = write(&s.app, "POST", "/api/annotate", None, None, &body).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let v = r.json();
    assert_eq!(v["lang"], "fr");
    let m = v["matches"].as_array().unwrap();
    let tic = m.iter().find(|x| x["concept"] == "ict").expect("TIC found");
    let (a, b) = (
        tic["span"]["start"].as_u64().unwrap() as usize,
        tic["span"]["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[a..b], "TIC");
    assert_eq!(tic["text"], "TIC");
    let (ca, cb) = (
        tic["chars"]["start"].as_u64().unwrap() as usize,
        tic["chars"]["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(
        text.chars().skip(ca).take(cb - ca).collect::<String>(),
        "TIC"
    );
    assert_eq!(tic["status"], "preferred");
    let eq = tic["equivalents"].as_array().unwrap();
    assert!(
        eq.iter().any(|e| e["lang"] == "en" && e["text"] == "ICT"),
        "{eq:?}"
    );
    assert!(eq.iter().any(|e| e["lang"] == "ar"), "{eq:?}");
    assert!(eq.iter().all(|e| e["lang"] != "fr"));
    // In text order; the library's matcher over the same termbase finds the same spans.
    let snap = s.state.snapshot();
    let lib = snap.matcher.find(text, &alinea::Lang::Fr);
    let spans: Vec<(u64, u64)> = m
        .iter()
        .map(|x| {
            (
                x["span"]["start"].as_u64().unwrap(),
                x["span"]["end"].as_u64().unwrap(),
            )
        })
        .collect();
    let lib_spans: Vec<(u64, u64)> = lib
        .iter()
        .map(|x| (x.span.start as u64, x.span.end as u64))
        .collect();
    assert_eq!(spans, lib_spans);
    assert!(spans.len() >= 2, "cybercriminalité too: {spans:?}");
    // The language is detected when not given.
    let r = write(
        &s.app,
        "POST",
        "/api/annotate",
        None,
        None,
        &json!({"text": text}).to_string(),
    )
    .await;
    assert_eq!(r.json()["lang"], "fr");
    let r = write(
        &s.app,
        "POST",
        "/api/annotate",
        None,
        None,
        &json!({"text": text, "lang": "zz"}).to_string(),
    )
    .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn annotate_follows_edits() {
    let s = server();
    let body = json!({"text": "The zorglubization of networks.", "lang": "en"}).to_string();
    let r = write(&s.app, "POST", "/api/annotate", None, None, &body).await;
    assert!(r.json()["matches"].as_array().unwrap().is_empty());
    let new = r#"{"id": "z", "terms": [{"lang": "en", "text": "zorglubization"}, {"lang": "fr", "text": "zorglubisation"}]}"#;
    assert_eq!(
        write(&s.app, "POST", "/api/concepts", Some(ANN), None, new)
            .await
            .status,
        StatusCode::CREATED
    );
    let v = write(&s.app, "POST", "/api/annotate", None, None, &body)
        .await
        .json();
    assert_eq!(v["matches"][0]["concept"], "z");
    assert_eq!(v["matches"][0]["equivalents"][0]["text"], "zorglubisation");
}

#[tokio::test]
async fn a_request_past_the_time_limit_is_503_json() {
    // The alignment runs on a blocking thread: it cannot be done within a nanosecond.
    let s = server_with(
        alinea_server::Limits {
            timeout: std::time::Duration::from_nanos(1),
            ..Default::default()
        },
        vec![],
    );
    let body = json!({"texts": [{"text": FR}, {"text": EN}]}).to_string();
    let r = write(&s.app, "POST", "/api/align", None, None, &body).await;
    assert_eq!(r.status, StatusCode::SERVICE_UNAVAILABLE, "{}", r.text());
    assert_eq!(r.code(), "timeout");
}

/// `POST /api/lint`: a deprecated term in a draft alone, a missing equivalent and a changed
/// number against a source; a bad language is a 400.
#[tokio::test]
async fn lint_finds_what_alinea_lint_finds() {
    let s = server();
    let body = json!({"text": "States must fight cyber crime together.\n", "lang": "en"});
    let r = write(&s.app, "POST", "/api/lint", None, None, &body.to_string()).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let v = r.json();
    let findings = v["findings"].as_array().unwrap();
    let dep = findings
        .iter()
        .find(|f| f["rule"] == "term/deprecated")
        .unwrap_or_else(|| panic!("{v}"));
    assert_eq!(dep["line"], 1);
    assert_eq!(dep["path"], "draft");

    let body = json!({
        "text": "In 2019, the Council adopted 12 resolutions.\n",
        "lang": "en",
        "source": "En 2019, le Conseil a adopté 14 résolutions sur la cybercriminalité.\n",
        "source_lang": "fr",
    });
    let r = write(&s.app, "POST", "/api/lint", None, None, &body.to_string()).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let v = r.json();
    let rules: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert!(rules.contains(&"number/mismatch"), "{v}");
    assert!(rules.contains(&"term/missing-equivalent"), "{v}");

    let body = json!({"text": "x", "lang": "english"});
    let r = write(&s.app, "POST", "/api/lint", None, None, &body.to_string()).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.text());
}
