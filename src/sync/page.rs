//! The built UI over plain HTTP on the hub's own port, so a participant's browser
//! loads the same `ui/` the desktop window shows and then talks to `/rpc`.
//!
//! Only GET of files under one folder (`paja serve --ui DIR`); anything else is 404
//! or 405. A path with no file falls back to `index.html` (the UI routes itself).

use std::path::{Component, Path, PathBuf};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// Whether the request waiting on `tcp` is plain HTTP rather than a WebSocket
/// upgrade. Looks without taking the bytes, so the WebSocket handshake still reads them.
pub async fn is_plain_http(tcp: &TcpStream, wait: Duration) -> bool {
    let look = async {
        let mut buf = vec![0u8; 8192];
        loop {
            let n = tcp.peek(&mut buf).await.ok()?;
            if n == 0 {
                return None;
            }
            let head = String::from_utf8_lossy(&buf[..n]).to_ascii_lowercase();
            if head.contains("\r\n\r\n") || n == buf.len() {
                return Some(!head.contains("upgrade: websocket"));
            }
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    };
    matches!(tokio::time::timeout(wait, look).await, Ok(Some(true)))
}

/// Whether the client on `tcp` opens with a TLS handshake record (a Paja app) rather
/// than plain HTTP (a browser). Looks without taking the byte.
pub async fn starts_tls(tcp: &TcpStream, wait: Duration) -> bool {
    let mut first = [0u8; 1];
    match tokio::time::timeout(wait, tcp.peek(&mut first)).await {
        Ok(Ok(1)) => first[0] == 0x16,
        _ => true,
    }
}

/// Answers one HTTP request from the files under `root`, then closes.
pub async fn serve(mut tcp: TcpStream, root: &Path) {
    let mut head = Vec::new();
    let mut buf = [0u8; 4096];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") && head.len() < 16 * 1024 {
        match tcp.read(&mut buf).await {
            Ok(0) | Err(_) => return,
            Ok(n) => head.extend_from_slice(&buf[..n]),
        }
    }
    let head = String::from_utf8_lossy(&head);
    let mut words = head.split_whitespace();
    let (method, target) = (words.next().unwrap_or(""), words.next().unwrap_or("/"));
    let (status, kind, body) = match method {
        "GET" | "HEAD" => match file_for(root, target) {
            Some(path) => match std::fs::read(&path) {
                Ok(bytes) => ("200 OK", content_type(&path), bytes),
                Err(_) => ("404 Not Found", "text/plain", b"Not found.".to_vec()),
            },
            None => ("404 Not Found", "text/plain", b"Not found.".to_vec()),
        },
        _ => ("405 Method Not Allowed", "text/plain", b"Only GET.".to_vec()),
    };
    let header = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nCache-Control: no-cache\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = tcp.write_all(header.as_bytes()).await;
    if method != "HEAD" {
        let _ = tcp.write_all(&body).await;
    }
    let _ = tcp.shutdown().await;
}

/// Says, in the three languages, that the facilitator has not let browsers in.
pub async fn closed(mut tcp: TcpStream) {
    let body = "Työpaja ei ole nyt auki selaimille. Kysy ohjaajalta.\n\
                Workshopen är inte öppen för webbläsare just nu. Fråga handledaren.\n\
                This workshop is not open to browsers now. Ask the facilitator.\n";
    let header = format!(
        "HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let mut buf = [0u8; 4096];
    let _ = tokio::time::timeout(Duration::from_secs(1), tcp.read(&mut buf)).await;
    let _ = tcp.write_all(header.as_bytes()).await;
    let _ = tcp.write_all(body.as_bytes()).await;
    let _ = tcp.shutdown().await;
}

/// The file a request target names under `root`: never outside it.
pub fn file_for(root: &Path, target: &str) -> Option<PathBuf> {
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let relative = Path::new(path.trim_start_matches('/'));
    if relative.components().any(|c| !matches!(c, Component::Normal(_))) {
        return None;
    }
    let file = root.join(relative);
    if file.is_file() {
        return Some(file);
    }
    // Not a file: the UI's own page (it has one page), unless it looked like an asset.
    let index = root.join("index.html");
    (relative.extension().is_none() && index.is_file()).then_some(index)
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "ttf" => "font/ttf",
        "json" => "application/json",
        "ico" => "image/x-icon",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_cannot_climb_out_of_the_ui_folder() {
        let root = Path::new("/nonexistent-ui");
        assert_eq!(file_for(root, "/../etc/passwd"), None, "`..` must never leave the UI folder");
        assert_eq!(file_for(root, "/assets/x.js"), None, "a missing asset is 404, not the page");
    }
}
