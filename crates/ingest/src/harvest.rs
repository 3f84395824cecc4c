//! Harvest of the social.brussels REST API into a directory the importer reads.
//!
//! Lists ids with `/rest/search/organisation/*`, fetches `/rest/organisation/{id}` for each
//! (a non-200 answer marks the id deleted), and writes `organisations.ndjson` and
//! `manifest.json` (base URL, time, counts, deleted ids).

use crate::http::{user_agent, HttpClient, HttpError, HttpOptions};
use crate::lenient::Text;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Options of a harvest.
#[derive(Debug, Clone, Default)]
pub struct HarvestOptions {
    /// HTTP settings (timeouts, retries, politeness delay).
    pub http: HttpOptions,
    /// Fetch at most this many organisations.
    pub limit: Option<usize>,
}

/// The manifest written next to the records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HarvestManifest {
    /// The API base URL.
    pub base_url: String,
    /// When the harvest started.
    pub fetched_at: DateTime<Utc>,
    /// The User-Agent sent.
    pub user_agent: String,
    /// Ids listed by the search endpoint.
    pub listed: usize,
    /// Records written.
    pub fetched: usize,
    /// Ids answered with a non-200 status.
    pub deleted_ids: Vec<String>,
    /// Ids that failed after every retry (neither fetched nor known deleted).
    pub failed_ids: Vec<String>,
    /// The limit applied, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<usize>,
}

/// What a harvest did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HarvestSummary {
    /// Ids listed.
    pub listed: usize,
    /// Records written.
    pub fetched: usize,
    /// Deleted ids.
    pub deleted: usize,
    /// Failed ids.
    pub failed: usize,
    /// The NDJSON file written.
    pub records_path: PathBuf,
    /// The manifest written.
    pub manifest_path: PathBuf,
}

/// Why a harvest failed.
#[derive(Debug, thiserror::Error)]
pub enum HarvestError {
    /// The list of ids could not be fetched.
    #[error("cannot list organisations: {0}")]
    Http(#[from] HttpError),
    /// The list answered an error status.
    #[error("listing {url} answered {status}")]
    Status {
        /// The URL.
        url: String,
        /// The status.
        status: u16,
    },
    /// The list is not JSON of the expected shape.
    #[error("unexpected listing from {url}: {reason}")]
    Listing {
        /// The URL.
        url: String,
        /// Why.
        reason: String,
    },
    /// The output could not be written.
    #[error("cannot write {path}: {source}")]
    Io {
        /// The path.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
}

#[derive(Deserialize)]
struct Listed {
    #[serde(default)]
    id: Text,
}

fn io_error(path: &Path) -> impl Fn(std::io::Error) -> HarvestError + '_ {
    move |source| HarvestError::Io {
        path: path.display().to_string(),
        source,
    }
}

/// Harvests `base_url` (e.g. `https://social.brussels`) into `out_dir`.
pub fn harvest(
    base_url: &str,
    out_dir: &Path,
    options: &HarvestOptions,
) -> Result<HarvestSummary, HarvestError> {
    let base = base_url.trim_end_matches('/');
    let fetched_at = Utc::now();
    let client = HttpClient::new(options.http.clone())?;
    let mut ids = list_ids(&client, base)?;
    let listed_count = ids.len();
    if let Some(limit) = options.limit {
        ids.truncate(limit);
    }
    std::fs::create_dir_all(out_dir).map_err(io_error(out_dir))?;
    let records_path = out_dir.join("organisations.ndjson");
    let Fetched {
        fetched,
        deleted_ids,
        failed_ids,
    } = fetch_records(&client, base, &ids, &records_path)?;
    let manifest = HarvestManifest {
        base_url: base.to_owned(),
        fetched_at,
        user_agent: user_agent(),
        listed: listed_count,
        fetched,
        deleted_ids,
        failed_ids,
        limit: options.limit,
    };
    let manifest_path = out_dir.join("manifest.json");
    write_manifest(&manifest, &manifest_path)?;
    Ok(HarvestSummary {
        listed: listed_count,
        fetched,
        deleted: manifest.deleted_ids.len(),
        failed: manifest.failed_ids.len(),
        records_path,
        manifest_path,
    })
}

/// The organisation ids the API lists, trimmed, repeats in a row dropped.
fn list_ids(client: &HttpClient, base: &str) -> Result<Vec<String>, HarvestError> {
    let list_url = format!("{base}/rest/search/organisation/*");
    let listing = client.get(&list_url)?;
    if listing.status != 200 {
        return Err(HarvestError::Status {
            url: list_url,
            status: listing.status,
        });
    }
    let listed: Vec<Listed> =
        serde_json::from_str(&listing.body).map_err(|error| HarvestError::Listing {
            url: list_url.clone(),
            reason: error.to_string(),
        })?;
    let mut ids: Vec<String> = listed
        .into_iter()
        .filter_map(|item| item.id.get().map(|id| id.trim().to_owned()))
        .collect();
    ids.dedup();
    Ok(ids)
}

/// What fetching the listed organisations gave.
struct Fetched {
    /// Records written.
    fetched: usize,
    /// Ids answered with another status than 200: deleted since the listing.
    deleted_ids: Vec<String>,
    /// Ids not fetched or not readable.
    failed_ids: Vec<String>,
}

/// Fetches each organisation and writes it as one NDJSON line to `records_path`.
fn fetch_records(
    client: &HttpClient,
    base: &str,
    ids: &[String],
    records_path: &Path,
) -> Result<Fetched, HarvestError> {
    let file = std::fs::File::create(records_path).map_err(io_error(records_path))?;
    let mut writer = std::io::BufWriter::new(file);
    let mut outcome = Fetched {
        fetched: 0,
        deleted_ids: Vec::new(),
        failed_ids: Vec::new(),
    };
    for id in ids {
        let url = format!("{base}/rest/organisation/{id}");
        match client.get(&url) {
            Ok(response) if response.status == 200 => {
                match serde_json::from_str::<serde_json::Value>(&response.body) {
                    Ok(record) => {
                        writeln!(writer, "{record}").map_err(io_error(records_path))?;
                        outcome.fetched += 1;
                    }
                    Err(error) => {
                        tracing::warn!(id, %error, "unreadable organisation");
                        outcome.failed_ids.push(id.clone());
                    }
                }
            }
            Ok(response) => {
                tracing::info!(id, status = response.status, "organisation deleted");
                outcome.deleted_ids.push(id.clone());
            }
            Err(error) => {
                tracing::warn!(id, %error, "organisation not fetched");
                outcome.failed_ids.push(id.clone());
            }
        }
    }
    writer.flush().map_err(io_error(records_path))?;
    Ok(outcome)
}

/// Writes the manifest as pretty JSON.
fn write_manifest(manifest: &HarvestManifest, manifest_path: &Path) -> Result<(), HarvestError> {
    let json = serde_json::to_string_pretty(manifest).map_err(|error| HarvestError::Io {
        path: manifest_path.display().to_string(),
        source: std::io::Error::other(error),
    })?;
    std::fs::write(manifest_path, json).map_err(io_error(manifest_path))
}
