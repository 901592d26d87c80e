//! The editing routes: tokens and roles, versions (If-Match, 412, 428), validation, the index
//! following edits, the history in the TBX export, body limits and malformed bodies.

mod common;

use alinea_server::Limits;
use axum::http::StatusCode;
use common::*;
use serde_json::json;

const NEW: &str = r#"{"id": "test-concept", "terms": [
    {"lang": "fr", "text": "zorglubisation"},
    {"lang": "en", "text": "zorglubization"}]}"#;

#[tokio::test]
async fn editing_needs_a_token_with_the_right_role() {
    let s = server();
    let r = write(&s.app, "POST", "/api/concepts", None, None, NEW).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    assert_eq!(r.code(), "unauthorized");
    assert!(r.headers["www-authenticate"]
        .to_str()
        .unwrap()
        .starts_with("Bearer"));
    for bad in [
        "Bearer token-of-nobody-000000001",
        "token-of-ann-editor-0001",
        "Basic abc",
    ] {
        let r = write(&s.app, "POST", "/api/concepts", Some(bad), None, NEW).await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{bad}");
    }
    // An editor adds and changes; only an admin deletes.
    let r = write(&s.app, "POST", "/api/concepts", Some(ANN), None, NEW).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    let r = write(
        &s.app,
        "DELETE",
        "/api/concepts/test-concept",
        Some(ANN),
        Some("\"1\""),
        "",
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(r.code(), "forbidden");
    let r = write(
        &s.app,
        "DELETE",
        "/api/concepts/test-concept",
        Some(BOB),
        Some("\"1\""),
        "",
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(
        get(&s.app, "/api/concepts/test-concept").await.status,
        StatusCode::NOT_FOUND
    );
    // Its history stays, with who did what.
    let h = get(&s.app, "/api/concepts/test-concept/history")
        .await
        .json();
    let who: Vec<(&str, &str)> = h["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["who"].as_str().unwrap(), c["action"].as_str().unwrap()))
        .collect();
    assert_eq!(who, [("ann", "create"), ("bob", "delete")]);
}

#[tokio::test]
async fn a_new_concept_is_found_at_once_and_exported_with_its_history() {
    let s = server();
    assert!(
        get(&s.app, "/api/lookup?q=zorglubisation").await.json()["hits"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    let r = write(&s.app, "POST", "/api/concepts", Some(ANN), None, NEW).await;
    assert_eq!(r.status, StatusCode::CREATED);
    assert_eq!(r.etag(), "\"1\"");
    assert_eq!(r.headers["location"], "/api/concepts/test-concept");
    let v = get(&s.app, "/api/lookup?q=zorglubisation").await.json();
    assert_eq!(v["hits"][0]["concept"]["id"], "test-concept");
    assert_eq!(v["hits"][0]["class"], "exact");
    let tbx = get(&s.app, "/api/termbase.tbx").await.text();
    let at = tbx.find("zorglubisation").unwrap();
    let entry = &tbx[tbx[..at].rfind("<conceptEntry").unwrap()..];
    let entry = &entry[..entry.find("</conceptEntry>").unwrap()];
    assert!(
        entry.contains("<transac type=\"transactionType\">origination</transac>"),
        "{entry}"
    );
    assert!(
        entry.contains("<transacNote type=\"responsibility\">ann</transacNote>"),
        "{entry}"
    );
    // The same id twice is a conflict.
    let r = write(&s.app, "POST", "/api/concepts", Some(ANN), None, NEW).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert_eq!(r.code(), "exists");
}

#[tokio::test]
async fn a_change_names_its_version_and_a_stale_one_is_refused() {
    let s = server();
    let r = get(&s.app, "/api/concepts/ict").await;
    let etag = r.etag();
    let mut concept = r.json()["concept"].clone();
    concept["subject"] = json!("information society");
    let body = concept.to_string();
    let r = write(&s.app, "PUT", "/api/concepts/ict", Some(ANN), None, &body).await;
    assert_eq!(r.status, StatusCode::PRECONDITION_REQUIRED);
    assert_eq!(r.code(), "if-match-required");
    let r = write(
        &s.app,
        "PUT",
        "/api/concepts/ict",
        Some(ANN),
        Some("\"x\""),
        &body,
    )
    .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    let r = write(
        &s.app,
        "PUT",
        "/api/concepts/ict",
        Some(ANN),
        Some(&etag),
        &body,
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(r.etag(), "\"2\"");
    assert_eq!(r.json()["concept"]["subject"], "information society");
    // The same version again: someone changed the concept since.
    let r = write(
        &s.app,
        "PUT",
        "/api/concepts/ict",
        Some(BOB),
        Some(&etag),
        &body,
    )
    .await;
    assert_eq!(r.status, StatusCode::PRECONDITION_FAILED);
    assert_eq!(r.code(), "stale-version");
    let r = write(
        &s.app,
        "PUT",
        "/api/concepts/cybercrime",
        Some(ANN),
        Some("\"1\""),
        &body,
    )
    .await;
    assert_eq!(
        r.status,
        StatusCode::BAD_REQUEST,
        "the body names another concept"
    );
    let r = write(
        &s.app,
        "PUT",
        "/api/concepts/nothing-here",
        Some(ANN),
        Some("\"1\""),
        &body,
    )
    .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    let h = get(&s.app, "/api/concepts/ict/history").await.json();
    assert_eq!(h["changes"][1]["what"], "changed subject");
}

#[tokio::test]
async fn concurrent_edits_of_one_version_one_wins_one_gets_412() {
    let s = server();
    let concept = get(&s.app, "/api/concepts/ict").await.json()["concept"].clone();
    let mut a = concept.clone();
    a["subject"] = json!("by ann");
    let mut b = concept;
    b["subject"] = json!("by bob");
    let (a, b) = (a.to_string(), b.to_string());
    let (ra, rb) = tokio::join!(
        write(
            &s.app,
            "PUT",
            "/api/concepts/ict",
            Some(ANN),
            Some("\"1\""),
            &a
        ),
        write(
            &s.app,
            "PUT",
            "/api/concepts/ict",
            Some(BOB),
            Some("\"1\""),
            &b
        ),
    );
    let mut statuses = [ra.status.as_u16(), rb.status.as_u16()];
    statuses.sort();
    assert_eq!(statuses, [200, 412]);
    let winner = if ra.status == StatusCode::OK {
        "by ann"
    } else {
        "by bob"
    };
    let now = get(&s.app, "/api/concepts/ict").await;
    assert_eq!(now.etag(), "\"2\"");
    assert_eq!(now.json()["concept"]["subject"], winner);
}

#[tokio::test]
async fn a_patch_deprecates_a_term_and_lookup_follows() {
    let s = server();
    let concept = get(&s.app, "/api/concepts/ict").await.json()["concept"].clone();
    let mut terms = concept["terms"].as_array().unwrap().clone();
    let i = terms.iter().position(|t| t["text"] == "TIC").unwrap();
    terms[i]["status"] = json!("deprecated");
    let patch = json!({"terms": terms, "notes": ["patched"]}).to_string();
    let r = write(
        &s.app,
        "PATCH",
        "/api/concepts/ict",
        Some(ANN),
        Some("\"1\""),
        &patch,
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let v = get(&s.app, "/api/lookup?q=TIC").await.json();
    assert_eq!(v["hits"][0]["matched"]["status"], "deprecated");
    assert_eq!(v["hits"][0]["concept"]["notes"], json!(["patched"]));
    // A patch cannot rename the concept, nor make it invalid.
    let r = write(
        &s.app,
        "PATCH",
        "/api/concepts/ict",
        Some(ANN),
        Some("\"2\""),
        r#"{"id": "x"}"#,
    )
    .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    let r = write(
        &s.app,
        "PATCH",
        "/api/concepts/ict",
        Some(ANN),
        Some("\"2\""),
        r#"{"terms": []}"#,
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.code(), "invalid-concept");
    let r = write(
        &s.app,
        "PATCH",
        "/api/concepts/ict",
        Some(ANN),
        Some("\"2\""),
        "[1]",
    )
    .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert_eq!(get(&s.app, "/api/concepts/ict").await.etag(), "\"2\"");
}

#[tokio::test]
async fn invalid_concepts_are_refused_like_terms_check_refuses_them() {
    let s = server();
    for (body, code) in [
        (r#"{"id": "x", "terms": []}"#, "invalid-concept"),
        (
            r#"{"id": "x", "terms": [{"lang": "xx", "text": "a"}]}"#,
            "invalid-concept",
        ),
        (
            r#"{"id": "x", "terms": [{"lang": "en", "text": "  "}]}"#,
            "invalid-concept",
        ),
        (
            r#"{"id": "", "terms": [{"lang": "en", "text": "a"}]}"#,
            "invalid-concept",
        ),
        (
            r#"{"id": "x", "terms": [{"lang": "en", "text": "a", "status": "great"}]}"#,
            "invalid-content",
        ),
        (
            r#"{"id": "x", "colour": "blue", "terms": []}"#,
            "invalid-content",
        ),
    ] {
        let r = write(&s.app, "POST", "/api/concepts", Some(ANN), None, body).await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{body}: {}",
            r.text()
        );
        assert_eq!(r.code(), code, "{body}");
    }
    // A dangling link is a warning, as in terms check: the concept is added.
    let r = write(
        &s.app,
        "POST",
        "/api/concepts",
        Some(ANN),
        None,
        r#"{"id": "x", "related": ["no-such"], "terms": [{"lang": "en", "text": "a"}]}"#,
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED);
    let w = r.json()["warnings"].clone();
    assert_eq!(w.as_array().unwrap().len(), 1, "{w}");
    assert_eq!(w[0]["code"], "termbase/dangling-link");
}

#[tokio::test]
async fn malformed_and_oversized_bodies_are_4xx_json() {
    let s = server_with(
        Limits {
            max_body: 2048,
            ..Limits::default()
        },
        vec![],
    );
    for body in ["{", "", "not json", "{\"id\": \"x\", \"terms\": [}"] {
        let r = write(&s.app, "POST", "/api/concepts", Some(ANN), None, body).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{body:?}");
        assert_eq!(r.code(), "invalid-json");
    }
    let big = format!(
        r#"{{"id": "big", "notes": ["{}"], "terms": [{{"lang": "en", "text": "a"}}]}}"#,
        "x".repeat(4096)
    );
    let r = write(&s.app, "POST", "/api/concepts", Some(ANN), None, &big).await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(r.code(), "payload-too-large");
    let r = write(
        &s.app,
        "POST",
        "/api/align",
        None,
        None,
        &format!("{{\"texts\": [\"{}\"]}}", "y".repeat(4096)),
    )
    .await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(
        get(&s.app, "/api/concepts/big").await.status,
        StatusCode::NOT_FOUND
    );
}
