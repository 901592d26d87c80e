//! The reading routes: health, lookup (the library's answer, byte for byte), concepts,
//! concordance, exports, the OpenAPI document and the page.

mod common;

use alinea::termbase::answer::answer;
use alinea::termbase::Query;
use axum::http::StatusCode;
use common::*;

#[tokio::test]
async fn health_counts_the_termbase_and_memory() {
    let s = server();
    let r = get(&s.app, "/api/health").await;
    assert_eq!(r.status, StatusCode::OK);
    let v = r.json();
    assert_eq!(v["status"], "ok");
    assert_eq!(
        v["concepts"].as_u64().unwrap() as usize,
        s.state.snapshot().index.termbase().concepts.len()
    );
    assert!(v["concepts"].as_u64().unwrap() > 50);
    assert!(v["tm_units"].as_u64().unwrap() > 0);
    assert_eq!(v["editing"], true);
}

#[tokio::test]
async fn lookup_returns_what_the_library_answers() {
    let s = server();
    for (uri, q, lang, limit) in [
        ("/api/lookup?q=TIC", "TIC", None, 5),
        (
            "/api/lookup?q=cybersecurite&limit=2",
            "cybersecurite",
            None,
            2,
        ),
        (
            "/api/lookup?q=%D8%A7%D9%84%D8%AC%D8%B1%D9%8A%D9%85%D8%A9&lang=ar",
            "الجريمة",
            Some(alinea::Lang::Ar),
            5,
        ),
        (
            "/api/lookup?q=cybersecurty&lang=en",
            "cybersecurty",
            Some(alinea::Lang::En),
            5,
        ),
    ] {
        let r = get(&s.app, uri).await;
        assert_eq!(r.status, StatusCode::OK, "{uri}: {}", r.text());
        let snap = s.state.snapshot();
        let expected = answer(
            &snap.index,
            &s.state.memory,
            &Query {
                text: q,
                lang,
                limit,
            },
        );
        assert_eq!(r.json(), serde_json::to_value(&expected).unwrap(), "{uri}");
    }
    let v = get(&s.app, "/api/lookup?q=TIC").await.json();
    assert_eq!(v["hits"][0]["class"], "exact");
    assert_eq!(v["hits"][0]["concept"]["id"], "ict");
    let en: Vec<&str> = v["hits"][0]["concept"]["terms"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["lang"] == "en")
        .map(|t| t["text"].as_str().unwrap())
        .collect();
    assert!(en.contains(&"ICT"), "{en:?}");
}

#[tokio::test]
async fn bad_lookups_are_json_errors() {
    let s = server();
    for uri in [
        "/api/lookup",
        "/api/lookup?q=%20",
        "/api/lookup?q=TIC&limit=0",
        "/api/lookup?q=TIC&limit=1000",
        "/api/lookup?q=TIC&limit=many",
        "/api/lookup?q=TIC&lang=klingon",
        "/api/concordance?q=",
    ] {
        let r = get(&s.app, uri).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{uri}");
        assert_eq!(r.code(), "bad-request", "{uri}");
        assert!(!r.json()["error"]["message"].as_str().unwrap().is_empty());
    }
}

#[tokio::test]
async fn a_concept_comes_with_its_version() {
    let s = server();
    let r = get(&s.app, "/api/concepts/ict").await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.etag(), "\"1\"");
    let v = r.json();
    assert_eq!(v["version"], 1);
    assert_eq!(v["concept"]["id"], "ict");
    let r = get(&s.app, "/api/concepts/no-such-concept").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_eq!(r.code(), "not-found");
    let r = get(&s.app, "/api/concepts/ict/history").await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.json()["changes"][0]["who"], "import");
    assert_eq!(
        get(&s.app, "/api/concepts/no-such-concept/history")
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn the_concordance_reads_the_loaded_memory() {
    let s = server();
    let r = get(&s.app, "/api/concordance?q=cybercriminalit%C3%A9&limit=3").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let v = r.json();
    let lines = v["lines"].as_array().unwrap();
    assert!(!lines.is_empty() && lines.len() <= 3, "{v}");
    assert!(lines[0]["variants"]
        .as_array()
        .unwrap()
        .iter()
        .any(|x| x["lang"].as_str().unwrap().starts_with("en")));
    let none = server_with(Default::default(), vec![]);
    let v = get(&none.app, "/api/concordance?q=cybercrime").await.json();
    assert_eq!(v["tm_units"], 0);
    assert_eq!(v["lines"].as_array().unwrap().len(), 0);
}

#[tokio::test]
async fn exports_in_every_format_read_back() {
    let s = server();
    let n = s.state.snapshot().index.termbase().concepts.len();
    for (uri, format) in [
        ("/api/termbase.tbx", alinea::termbase::Format::TbxV3),
        ("/api/termbase.tbx2", alinea::termbase::Format::TbxV2),
        ("/api/termbase.csv", alinea::termbase::Format::Csv),
        ("/api/termbase.json", alinea::termbase::Format::Json),
    ] {
        let r = get(&s.app, uri).await;
        assert_eq!(r.status, StatusCode::OK, "{uri}");
        assert!(r.headers["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment"));
        let back =
            alinea::termbase::read_str(&r.text(), format, std::path::Path::new(uri)).unwrap();
        assert_eq!(back.termbase.concepts.len(), n, "{uri}");
    }
}

#[tokio::test]
async fn the_openapi_document_lists_every_route() {
    let s = server();
    let r = get(&s.app, "/api/openapi.json").await;
    assert_eq!(r.status, StatusCode::OK);
    let v = r.json();
    assert!(v["openapi"].as_str().unwrap().starts_with("3."));
    let paths = v["paths"].as_object().unwrap();
    let mut listed = Vec::new();
    for (p, ops) in paths {
        for m in ops.as_object().unwrap().keys() {
            listed.push(format!("{} {p}", m.to_uppercase()));
        }
    }
    listed.sort();
    let mut routes: Vec<String> = alinea_server::routes::ROUTES
        .iter()
        .map(|s| s.to_string())
        .collect();
    routes.sort();
    assert_eq!(listed, routes);
    // Every listed route answers something other than "no route".
    for route in alinea_server::routes::ROUTES {
        let (method, path) = route.split_once(' ').unwrap();
        let path = path.replace("{id}", "ict");
        let r = write(&s.app, method, &path, None, None, "").await;
        assert!(
            r.status != StatusCode::NOT_FOUND && r.status != StatusCode::METHOD_NOT_ALLOWED,
            "{route}: {}",
            r.status
        );
    }
}

#[tokio::test]
async fn unknown_routes_and_methods_are_json_errors() {
    let s = server();
    let r = get(&s.app, "/api/nothing").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_eq!(r.code(), "not-found");
    let r = write(&s.app, "DELETE", "/api/lookup?q=x", None, None, "").await;
    assert_eq!(r.status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(r.code(), "method-not-allowed");
}

#[tokio::test]
async fn the_page_carries_the_answer_of_its_query() {
    let s = server();
    let r = get(&s.app, "/?q=TIC").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.headers["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/html"));
    let html = r.text();
    let start = html
        .find("<script type=\"application/json\" id=\"initial\">")
        .unwrap();
    let json = &html[start..];
    let json = &json[json.find('>').unwrap() + 1..json.find("</script>").unwrap()];
    let v: serde_json::Value = serde_json::from_str(json).unwrap();
    assert_eq!(v["hits"][0]["concept"]["id"], "ict");
    // A query cannot close the script it is written into.
    let html = get(&s.app, "/?q=%3C%2Fscript%3E%3Cb%3E").await.text();
    assert!(!html.contains("</script><b>"));
    let plain = get(&s.app, "/").await.text();
    assert!(!plain.contains("id=\"initial\""));
    assert!(plain.contains("<html"));
}
