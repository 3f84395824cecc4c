//! Helpers for the end-to-end tests that run the real `orienta` binary on real on-disk
//! indexes: imports, servers, plain HTTP requests and index consistency checks.

use orienta_search::changes::{self, ChangeKind};
use orienta_search::{versions, IndexHandle};
use orienta_thesaurus::Thesaurus;
use std::collections::BTreeSet;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// The admin key the test servers accept.
pub const ADMIN_KEY: &str = "test-admin-key-0123456789";

/// The repository's data directory.
pub fn data_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data")
}

/// The `orienta` binary, quiet unless a test asks for logs.
pub fn orienta() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_orienta"));
    command
        .env("ORIENTA_DATA", data_dir())
        .env("ORIENTA_LOG", "info")
        .env_remove("ORIENTA_INDEX")
        .env_remove("ORIENTA_FAULT");
    command
}

/// Writes `count` synthetic records (seed `seed`) to `dir/sample-<count>-<seed>.ndjson`.
pub fn sample(dir: &Path, count: usize, seed: u64) -> String {
    let path = dir.join(format!("sample-{count}-{seed}.ndjson"));
    let output = orienta()
        .args([
            "sample",
            "--count",
            &count.to_string(),
            "--seed",
            &seed.to_string(),
            "--out",
        ])
        .arg(&path)
        .output()
        .expect("orienta sample runs");
    assert!(output.status.success(), "{}", text(&output));
    path.display().to_string()
}

/// `orienta ingest --index <root> <extra…>` as a command, not started.
pub fn ingest_command(root: &Path, extra: &[&str]) -> Command {
    let mut command = orienta();
    command
        .arg("ingest")
        .arg("--index")
        .arg(root)
        .args(extra)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    command
}

/// Runs `orienta ingest --index <root> <extra…>` to the end.
pub fn ingest(root: &Path, extra: &[&str]) -> Output {
    ingest_command(root, extra)
        .output()
        .expect("orienta ingest runs")
}

/// Runs an import that must succeed.
pub fn ingest_ok(root: &Path, extra: &[&str]) -> Output {
    let output = ingest(root, extra);
    assert!(output.status.success(), "import failed: {}", text(&output));
    output
}

/// Standard output and error of a process, for assertions and messages.
pub fn text(output: &Output) -> String {
    format!(
        "status {:?}\n--- stdout\n{}\n--- stderr\n{}",
        output.status.code(),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// Everything in an index root that publishing may change, the lock file and the import
/// report aside: `CURRENT`, the feed, and the names of the entries.
pub fn snapshot(root: &Path) -> (String, String, Vec<String>) {
    let read = |name: &str| std::fs::read_to_string(root.join(name)).unwrap_or_default();
    let mut names: Vec<String> = std::fs::read_dir(root)
        .map(|entries| {
            entries
                .flatten()
                .map(|entry| entry.file_name().to_string_lossy().into_owned())
                .filter(|name| name != ".lock" && name != "ingest-report.json")
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    (read("CURRENT"), read("changes.ndjson"), names)
}

/// A free local port (bound then released).
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|address| address.port())
        .expect("a free port")
}

/// A plain HTTP/1.1 request without a body; `None` when the connection fails.
pub fn http(port: u16, method: &str, target: &str, key: Option<&str>) -> Option<(u16, String)> {
    http_with_body(port, method, target, key, "")
}

/// A plain HTTP/1.1 request with a JSON body (none when empty).
pub fn http_with_body(
    port: u16,
    method: &str,
    target: &str,
    key: Option<&str>,
    body: &str,
) -> Option<(u16, String)> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .ok()?;
    let key_header = key.map_or(String::new(), |key| format!("X-Api-Key: {key}\r\n"));
    let length = body.len();
    let request = format!(
        "{method} {target} HTTP/1.1\r\nHost: 127.0.0.1\r\n{key_header}Content-Type: application/json\r\nContent-Length: {length}\r\nConnection: close\r\n\r\n{body}"
    );
    stream.write_all(request.as_bytes()).ok()?;
    let mut response = Vec::new();
    stream.read_to_end(&mut response).ok()?;
    let response = String::from_utf8_lossy(&response).into_owned();
    let status = response.split(' ').nth(1)?.parse().ok()?;
    let (head, body) = response.split_once("\r\n\r\n")?;
    let body = if head
        .to_ascii_lowercase()
        .contains("transfer-encoding: chunked")
    {
        unchunk(body)
    } else {
        body.to_owned()
    };
    Some((status, body))
}

fn unchunk(mut body: &str) -> String {
    let mut out = String::new();
    while let Some((size, rest)) = body.split_once("\r\n") {
        let Ok(size) = usize::from_str_radix(size.trim(), 16) else {
            break;
        };
        if size == 0 || rest.len() < size {
            break;
        }
        out.push_str(&rest[..size]);
        body = rest[size..].trim_start_matches("\r\n");
    }
    out
}

/// A GET whose body is JSON, `None` unless it answered 200.
pub fn get_json(port: u16, target: &str) -> Option<serde_json::Value> {
    let (status, body) = http(port, "GET", target, None)?;
    (status == 200).then(|| serde_json::from_str(&body).ok())?
}

/// An `orienta serve` process, killed on drop.
pub struct Server {
    /// Its port.
    pub port: u16,
    child: Child,
}

impl Server {
    /// Starts `orienta serve` on `root` (which must hold an index), checking `CURRENT`
    /// every second; waits until `/readyz` answers.
    pub fn start(root: &Path, sources: &[&str]) -> Server {
        let port = free_port();
        let mut command = orienta();
        command
            .args(["serve", "--bind", &format!("127.0.0.1:{port}"), "--index"])
            .arg(root)
            .env("ORIENTA_INDEX_WATCH_SECONDS", "1")
            .env("ORIENTA_RATE_LIMIT_ENABLED", "false")
            .env("ORIENTA_WORKERS", "2")
            .env("ORIENTA_ADMIN_KEYS", format!("ops:{ADMIN_KEY}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        for source in sources {
            command.args(["--source", source]);
        }
        let child = command.spawn().expect("orienta serve starts");
        let server = Server { port, child };
        let deadline = Instant::now() + Duration::from_secs(60);
        while get_json(port, "/readyz").is_none() {
            assert!(Instant::now() < deadline, "the server did not become ready");
            std::thread::sleep(Duration::from_millis(100));
        }
        server
    }

    /// `/readyz`: (version, documents).
    pub fn ready(&self) -> (String, u64) {
        let ready = get_json(self.port, "/readyz").expect("readyz answers");
        (
            ready["version"].as_str().unwrap_or_default().to_owned(),
            ready["documents"].as_u64().unwrap_or_default(),
        )
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Opens the index as a server does (repair, then the serving version) and checks it is
/// complete and that its change feed matches it: no event of a version that is not
/// serving, and replaying the feed gives exactly the serving version's ids.
/// Returns (version, documents).
pub fn check_served_version(root: &Path, thesaurus: &Arc<Thesaurus>) -> (String, u64) {
    orienta_publish::repair_at_start(root).expect("repair");
    let handle = IndexHandle::open(root, thesaurus.clone()).expect("a version opens");
    let index = handle.get();
    let directory = index.directory().to_path_buf();
    let version = directory
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    let manifest = versions::read_manifest(&directory).expect("manifest");
    assert_eq!(
        index.num_docs(),
        manifest.documents,
        "{version}: every document present"
    );
    let mut present = BTreeSet::new();
    for event in changes::read_feed(root) {
        assert!(
            event.version <= version,
            "feed event of {} while {version} serves",
            event.version
        );
        match event.change {
            ChangeKind::Created | ChangeKind::Updated => present.insert(event.id),
            ChangeKind::Deleted => present.remove(&event.id),
        };
    }
    let ids: BTreeSet<String> = changes::read_digest(&directory).into_keys().collect();
    assert_eq!(
        present, ids,
        "{version}: the feed replays to the served ids"
    );
    (version, index.num_docs())
}
