//! The server on a real socket: connections that trickle their headers are closed, and a
//! stop lets the request under way finish.

mod common;

use std::time::{Duration, Instant};

use alinea_server::Limits;
use common::*;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

async fn bound(
    limits: Limits,
) -> (
    Server,
    std::net::SocketAddr,
    tokio::sync::oneshot::Sender<()>,
    tokio::task::JoinHandle<()>,
) {
    let s = server_with(limits, vec![]);
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let app = s.app.clone();
    let task = tokio::spawn(alinea_server::serve(listener, app, limits, async {
        let _ = stopped.await;
    }));
    (s, addr, stop, task)
}

async fn read_all(stream: &mut TcpStream) -> String {
    let mut out = Vec::new();
    let _ = tokio::time::timeout(Duration::from_secs(20), stream.read_to_end(&mut out)).await;
    String::from_utf8_lossy(&out).into_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_connection_that_trickles_its_headers_is_closed() {
    let limits = Limits {
        header_timeout: Duration::from_millis(300),
        ..Limits::default()
    };
    let (_s, addr, _stop, _task) = bound(limits).await;
    let mut c = TcpStream::connect(addr).await.unwrap();
    c.write_all(b"GET /api/health HTTP/1.1\r\nHost: x\r\n")
        .await
        .unwrap();
    let t = Instant::now();
    let answer = read_all(&mut c).await;
    assert!(
        t.elapsed() < Duration::from_secs(10),
        "closed after {:?}",
        t.elapsed()
    );
    assert!(!answer.contains("\"status\":\"ok\""), "{answer}");
    // A whole request is answered as usual.
    let mut c = TcpStream::connect(addr).await.unwrap();
    c.write_all(b"GET /api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .await
        .unwrap();
    assert!(read_all(&mut c).await.contains("\"status\":\"ok\""));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stop_lets_the_request_under_way_finish() {
    let (_s, addr, stop, task) = bound(Limits::default()).await;
    // An alignment takes a while; the stop comes while it runs.
    let fr = "Le Conseil se réunit chaque année.\n\n".repeat(300);
    let en = "The Council meets every year.\n\n".repeat(300);
    let body = serde_json::json!({"texts": [{"text": fr}, {"text": en}]}).to_string();
    let mut c = TcpStream::connect(addr).await.unwrap();
    c.write_all(
        format!(
            "POST /api/align HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        )
        .as_bytes(),
    )
    .await
    .unwrap();
    tokio::time::sleep(Duration::from_millis(20)).await;
    stop.send(()).unwrap();
    let answer = read_all(&mut c).await;
    assert!(
        answer.starts_with("HTTP/1.1 200"),
        "{}",
        &answer[..answer.len().min(300)]
    );
    assert!(answer.contains("</tmx>"));
    tokio::time::timeout(Duration::from_secs(20), task)
        .await
        .unwrap()
        .unwrap();
    // Stopped: no new connection is taken.
    assert!(TcpStream::connect(addr).await.is_err());
}
