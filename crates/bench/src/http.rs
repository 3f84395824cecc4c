//! Orienta over HTTP: `orienta serve` pinned to one core, loaded by wrk pinned to another.

use crate::queries::QuerySpec;
use crate::stats::Percentiles;
use anyhow::Context;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A running `orienta serve`, killed when dropped.
pub struct Server {
    child: Child,
    /// Its address.
    pub address: String,
}

impl Server {
    /// Starts `binary serve --index root` on a free port, pinned to `core`, with rate limiting
    /// and the response cache off (every request runs its search, as PostgreSQL does).
    pub fn start(binary: &Path, root: &Path, core: usize) -> anyhow::Result<Self> {
        let port = crate::free_port()?;
        let address = format!("127.0.0.1:{port}");
        let child = Command::new("taskset")
            .arg("-c")
            .arg(core.to_string())
            .arg(binary)
            .arg("serve")
            .arg("--index")
            .arg(root)
            .arg("--bind")
            .arg(&address)
            .env("ORIENTA_RATE_LIMIT_ENABLED", "false")
            .env("ORIENTA_RESPONSE_CACHE", "0")
            .env("ORIENTA_INDEX_WATCH_SECONDS", "0")
            .env("RUST_LOG", "warn")
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .with_context(|| format!("cannot start {} serve", binary.display()))?;
        let mut server = Self { child, address };
        server.wait_ready(Duration::from_secs(120))?;
        Ok(server)
    }

    /// Process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    fn wait_ready(&mut self, timeout: Duration) -> anyhow::Result<()> {
        let started = Instant::now();
        while started.elapsed() < timeout {
            if let Some(status) = self.child.try_wait()? {
                anyhow::bail!("orienta serve exited early: {status}");
            }
            if let Ok(status) = get_status(&self.address, "/v1/search?q=test&per_page=1") {
                anyhow::ensure!(status == 200, "orienta serve answers {status} to a search");
                return Ok(());
            }
            std::thread::sleep(Duration::from_millis(200));
        }
        anyhow::bail!("orienta serve did not answer within {timeout:?}")
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The status code of one GET over a fresh connection.
pub fn get_status(address: &str, path: &str) -> anyhow::Result<u16> {
    let mut stream = TcpStream::connect(address)?;
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
    )?;
    let mut head = [0u8; 16];
    stream.read_exact(&mut head)?;
    let text = String::from_utf8_lossy(&head);
    text.split_whitespace()
        .nth(1)
        .and_then(|code| code.parse().ok())
        .context("not an http response")
}

/// What wrk measured.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct WrkResult {
    /// Requests per second.
    pub per_second: f64,
    /// Latency percentiles under load (`count` is the number of requests).
    pub latency: Percentiles,
    /// Responses that were not 2xx/3xx.
    pub errors: u64,
}

/// The Lua script cycling through the query paths.
pub fn wrk_script(queries: &[QuerySpec]) -> String {
    let paths: Vec<String> = queries
        .iter()
        .map(|query| format!("  \"{}\",", query.to_http_path()))
        .collect();
    format!(
        "local paths = {{\n{}\n}}\nlocal position = 0\nrequest = function()\n  position = position % #paths + 1\n  return wrk.format(\"GET\", paths[position])\nend\n",
        paths.join("\n")
    )
}

/// Runs wrk pinned to `core` with `connections` connections for `duration`.
pub fn run_wrk(
    address: &str,
    script_path: &Path,
    queries: &[QuerySpec],
    connections: usize,
    duration: Duration,
    core: usize,
) -> anyhow::Result<WrkResult> {
    std::fs::write(script_path, wrk_script(queries))?;
    let output = Command::new("taskset")
        .arg("-c")
        .arg(core.to_string())
        .arg("wrk")
        .arg("-t1")
        .arg(format!("-c{connections}"))
        .arg(format!("-d{}s", duration.as_secs().max(1)))
        .arg("--latency")
        .arg("-s")
        .arg(script_path)
        .arg(format!("http://{address}"))
        .output()
        .context("cannot run wrk (apt-get install wrk)")?;
    let text = String::from_utf8_lossy(&output.stdout);
    anyhow::ensure!(output.status.success(), "wrk failed: {text}");
    parse_wrk(&text).with_context(|| format!("unreadable wrk output:\n{text}"))
}

/// Parses `wrk --latency` output.
pub fn parse_wrk(text: &str) -> Option<WrkResult> {
    let mut result = WrkResult::default();
    for line in text.lines().map(str::trim) {
        let mut words = line.split_whitespace();
        let (Some(first), Some(second)) = (words.next(), words.next()) else {
            continue;
        };
        match (first, second) {
            ("50%", value) => result.latency.p50_ms = duration_ms(value)?,
            ("99%", value) => result.latency.p99_ms = duration_ms(value)?,
            ("Latency", "Distribution") => {}
            ("Latency", value) => result.latency.mean_ms = duration_ms(value)?,
            ("Requests/sec:", value) => result.per_second = value.parse().ok()?,
            (count, "requests") => result.latency.count = count.parse().ok()?,
            ("Non-2xx", _) => result.errors = line.rsplit(' ').next()?.parse().ok()?,
            _ => {}
        }
    }
    (result.per_second > 0.0).then_some(result)
}

/// `812.00us`, `1.23ms`, `2.00s` → milliseconds.
fn duration_ms(value: &str) -> Option<f64> {
    let split = value.find(|character: char| character.is_ascii_alphabetic())?;
    let (number, unit) = value.split_at(split);
    let number: f64 = number.parse().ok()?;
    match unit {
        "us" => Some(number / 1e3),
        "ms" => Some(number),
        "s" => Some(number * 1e3),
        "m" => Some(number * 60e3),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::queries::{QueryKind, QuerySpec};

    const WRK_OUTPUT: &str = "Running 5s test @ http://127.0.0.1:8080
  1 threads and 64 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     5.12ms    1.02ms  20.00ms   90.00%
    Req/Sec    12.50k   500.00    13.00k    80.00%
  Latency Distribution
     50%  812.00us
     75%    5.50ms
     90%    6.00ms
     99%    1.20s
  62345 requests in 5.00s, 100.00MB read
  Non-2xx or 3xx responses: 3
Requests/sec:  12469.00
Transfer/sec:     20.00MB
";

    #[test]
    fn parses_wrk_latency_output() {
        let result = parse_wrk(WRK_OUTPUT).unwrap();
        assert!((result.per_second - 12469.0).abs() < 1e-9);
        assert!((result.latency.p50_ms - 0.812).abs() < 1e-9);
        assert!((result.latency.p99_ms - 1200.0).abs() < 1e-9);
        assert!((result.latency.mean_ms - 5.12).abs() < 1e-9);
        assert_eq!(result.latency.count, 62345);
        assert_eq!(result.errors, 3);
        assert!(parse_wrk("garbage").is_none());
    }

    #[test]
    fn script_cycles_through_every_path() {
        let queries = vec![
            QuerySpec {
                kind: QueryKind::Text,
                text: Some("crèche".to_owned()),
                bassin: None,
                near: None,
                language: None,
            };
            2
        ];
        let script = wrk_script(&queries);
        assert_eq!(
            script
                .matches("/v1/search?q=cr%C3%A8che&per_page=10")
                .count(),
            2
        );
        assert!(script.contains("request = function()"));
    }
}
