//! A polite HTTP client: timeouts, retries with backoff, a User-Agent, a delay between requests.

use std::io::Read;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The User-Agent sent with every request.
pub fn user_agent() -> String {
    format!(
        "Orienta/{} (+https://orienta.brussels)",
        env!("CARGO_PKG_VERSION")
    )
}

/// Settings of the HTTP client.
#[derive(Debug, Clone)]
pub struct HttpOptions {
    /// Time allowed to connect.
    pub connect_timeout: Duration,
    /// Time allowed for a whole response.
    pub read_timeout: Duration,
    /// Retries after a failed request (connection error, 5xx, 429).
    pub retries: u32,
    /// Wait before the first retry; doubled at each retry.
    pub backoff: Duration,
    /// Minimum delay between two requests.
    pub politeness_delay: Duration,
}

impl Default for HttpOptions {
    fn default() -> Self {
        Self {
            connect_timeout: Duration::from_secs(10),
            read_timeout: Duration::from_secs(30),
            retries: 3,
            backoff: Duration::from_millis(500),
            politeness_delay: Duration::from_millis(250),
        }
    }
}

/// Why a request failed.
#[derive(Debug, thiserror::Error)]
pub enum HttpError {
    /// The client could not be built.
    #[error("cannot build the http client: {0}")]
    Client(String),
    /// The request failed after every retry.
    #[error("request to {url} failed after {attempts} attempts: {reason}")]
    Failed {
        /// The URL.
        url: String,
        /// Attempts made.
        attempts: u32,
        /// The last error.
        reason: String,
    },
    /// The response is larger than the limit (announced or read): it was not read whole.
    #[error("{url}: the response is larger than the limit of {limit} bytes{announced}")]
    TooLarge {
        /// The URL.
        url: String,
        /// The limit, bytes.
        limit: u64,
        /// What the server announced (`Content-Length`), as a phrase, or empty.
        announced: String,
    },
}

/// The largest body [`HttpClient::get`] reads (the harvest's pages and records).
pub const DEFAULT_MAX_BODY_BYTES: u64 = crate::limits::DEFAULT_MAX_SOURCE_BYTES;

/// A response: status and body.
#[derive(Debug, Clone)]
pub struct Response {
    /// HTTP status code.
    pub status: u16,
    /// Body as text.
    pub body: String,
}

/// A blocking client shared by the importer and the harvester.
pub struct HttpClient {
    client: reqwest::blocking::Client,
    options: HttpOptions,
    last_request: Mutex<Option<Instant>>,
}

impl HttpClient {
    /// Builds a client.
    pub fn new(options: HttpOptions) -> Result<Self, HttpError> {
        let client = reqwest::blocking::Client::builder()
            .user_agent(user_agent())
            .connect_timeout(options.connect_timeout)
            .timeout(options.read_timeout)
            .build()
            .map_err(|error| HttpError::Client(error.to_string()))?;
        Ok(Self {
            client,
            options,
            last_request: Mutex::new(None),
        })
    }

    fn wait_politely(&self) {
        let mut last = self
            .last_request
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(previous) = *last {
            let elapsed = previous.elapsed();
            if elapsed < self.options.politeness_delay {
                std::thread::sleep(self.options.politeness_delay - elapsed);
            }
        }
        *last = Some(Instant::now());
    }

    /// GETs a URL; retries connection errors, 5xx and 429; returns other statuses as they
    /// are. The body is read up to [`DEFAULT_MAX_BODY_BYTES`].
    pub fn get(&self, url: &str) -> Result<Response, HttpError> {
        self.get_limited(url, DEFAULT_MAX_BODY_BYTES)
    }

    /// Like [`Self::get`], reading at most `max_bytes` of the body: a `Content-Length` over
    /// the limit fails at once, a body that grows past it fails as soon as it does (neither
    /// is retried).
    pub fn get_limited(&self, url: &str, max_bytes: u64) -> Result<Response, HttpError> {
        let attempts = self.options.retries + 1;
        let mut last_reason = String::new();
        for attempt in 1..=attempts {
            if attempt > 1 {
                let backoff = self.options.backoff * 2u32.saturating_pow(attempt - 2);
                tracing::debug!(
                    url,
                    attempt,
                    backoff_ms = backoff.as_millis() as u64,
                    "retrying"
                );
                std::thread::sleep(backoff);
            }
            self.wait_politely();
            let sent = self
                .client
                .get(url)
                .header(
                    reqwest::header::ACCEPT,
                    "application/json, text/csv;q=0.9, */*;q=0.5",
                )
                .send();
            let response = match sent {
                Ok(response) => response,
                Err(error) => {
                    last_reason = error.to_string();
                    continue;
                }
            };
            let status = response.status().as_u16();
            if status >= 500 || status == 429 {
                last_reason = format!("status {status}");
                continue;
            }
            match read_bounded(url, response, max_bytes) {
                Ok(body) => return Ok(Response { status, body }),
                Err(ReadFailure::TooLarge(error)) => return Err(error),
                Err(ReadFailure::Io(reason)) => last_reason = reason,
            }
        }
        Err(HttpError::Failed {
            url: url.to_owned(),
            attempts,
            reason: last_reason,
        })
    }
}

/// Why a body could not be read.
enum ReadFailure {
    /// Over the limit: final.
    TooLarge(HttpError),
    /// A transport error: worth a retry.
    Io(String),
}

/// Reads a body of at most `max_bytes`, as UTF-8 (cp1252 when it is not valid UTF-8, the
/// rule of files too).
fn read_bounded(
    url: &str,
    response: reqwest::blocking::Response,
    max_bytes: u64,
) -> Result<String, ReadFailure> {
    let too_large = |announced: String| {
        ReadFailure::TooLarge(HttpError::TooLarge {
            url: url.to_owned(),
            limit: max_bytes,
            announced,
        })
    };
    if let Some(length) = response
        .content_length()
        .filter(|&length| length > max_bytes)
    {
        return Err(too_large(format!(" (Content-Length: {length})")));
    }
    let mut bytes = Vec::new();
    response
        .take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|error| ReadFailure::Io(error.to_string()))?;
    if bytes.len() as u64 > max_bytes {
        return Err(too_large(String::new()));
    }
    Ok(crate::encoding::decode(bytes))
}
