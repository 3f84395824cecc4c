//! A polite HTTP client: timeouts, retries with backoff, a User-Agent, a delay between requests.

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
}

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

    /// GETs a URL; retries connection errors, 5xx and 429; returns other statuses as they are.
    pub fn get(&self, url: &str) -> Result<Response, HttpError> {
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
            let outcome = self
                .client
                .get(url)
                .header(
                    reqwest::header::ACCEPT,
                    "application/json, text/csv;q=0.9, */*;q=0.5",
                )
                .send()
                .and_then(|response| {
                    let status = response.status().as_u16();
                    response.text().map(|body| Response { status, body })
                });
            match outcome {
                Ok(response) if response.status >= 500 || response.status == 429 => {
                    last_reason = format!("status {}", response.status);
                }
                Ok(response) => return Ok(response),
                Err(error) => last_reason = error.to_string(),
            }
        }
        Err(HttpError::Failed {
            url: url.to_owned(),
            attempts,
            reason: last_reason,
        })
    }
}
