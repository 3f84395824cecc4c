//! Sources: files, directories and URLs, and the detection of their kind.

use crate::http::HttpClient;
use crate::limits::SourceLimits;
use serde::de::IgnoredAny;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use std::io::Read;
use std::path::Path;

/// The kind of a source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// social.brussels organisation JSON (single, array, NDJSON, fixture lines).
    SocialBrussels,
    /// Partner CSV (`docs/csv-format.md`).
    PartnerCsv,
    /// HSDS 3.0 organizations.
    Hsds,
    /// Eurostat/FPS hospital sites CSV.
    Hospitals,
    /// The manifest of a harvest (deleted ids).
    HarvestManifest,
    /// Not recognised.
    Unknown,
}

/// A source read into memory.
#[derive(Debug, Clone)]
pub(crate) struct LoadedSource {
    pub origin: String,
    pub kind: SourceKind,
    pub body: String,
}

/// Why a source could not be read.
#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    /// A file or directory could not be read.
    #[error("cannot read {path}: {reason}")]
    Io {
        /// The path.
        path: String,
        /// The cause.
        reason: String,
    },
    /// A URL could not be fetched.
    #[error("{0}")]
    Http(#[from] crate::http::HttpError),
    /// A URL answered with an error status.
    #[error("{url} answered {status}")]
    Status {
        /// The URL.
        url: String,
        /// The status.
        status: u16,
    },
    /// A file is larger than the limit: it was not read.
    #[error("{path} is larger than the limit of {limit} bytes ({size} bytes); raise max_source_bytes to read it")]
    TooLarge {
        /// The path.
        path: String,
        /// The limit, bytes.
        limit: u64,
        /// The size found (at least this many bytes).
        size: u64,
    },
}

/// File extensions read from a directory.
const DIRECTORY_EXTENSIONS: &[&str] = &["json", "jsonl", "ndjson", "csv"];

/// True when a source string is an http(s) URL.
pub fn is_url(source: &str) -> bool {
    source.starts_with("http://") || source.starts_with("https://")
}

/// Reads a source: a file, every readable file of a directory (sorted), or a URL.
pub(crate) fn load(
    source: &str,
    limits: &SourceLimits,
    http: impl Fn() -> Option<std::sync::Arc<HttpClient>>,
) -> Result<Vec<LoadedSource>, SourceError> {
    if is_url(source) {
        let client = http().ok_or_else(|| SourceError::Io {
            path: source.to_owned(),
            reason: "no http client".to_owned(),
        })?;
        let response = client.get_limited(source, limits.max_source_bytes)?;
        if !(200..300).contains(&response.status) {
            return Err(SourceError::Status {
                url: source.to_owned(),
                status: response.status,
            });
        }
        let kind = detect(source, &response.body);
        return Ok(vec![LoadedSource {
            origin: source.to_owned(),
            kind,
            body: response.body,
        }]);
    }
    let path = Path::new(source);
    let io_error = |error: std::io::Error| SourceError::Io {
        path: source.to_owned(),
        reason: error.to_string(),
    };
    if !path.is_dir() {
        return Ok(vec![read_file(path, limits.max_source_bytes)?]);
    }
    let mut files: Vec<_> = std::fs::read_dir(path)
        .map_err(io_error)?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|file| {
            file.is_file()
                && file.extension().and_then(|e| e.to_str()).is_some_and(|e| {
                    DIRECTORY_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str())
                })
        })
        .collect();
    files.sort();
    files
        .iter()
        .map(|file| read_file(file, limits.max_source_bytes))
        .collect()
}

/// Reads a file of at most `max_bytes` (its size is checked first, then the read is capped,
/// for a file that grows or a device that has no size).
fn read_file(path: &Path, max_bytes: u64) -> Result<LoadedSource, SourceError> {
    let origin = path.display().to_string();
    let io_error = |error: std::io::Error| SourceError::Io {
        path: origin.clone(),
        reason: error.to_string(),
    };
    let too_large = |size: u64| SourceError::TooLarge {
        path: origin.clone(),
        limit: max_bytes,
        size,
    };
    let file = std::fs::File::open(path).map_err(io_error)?;
    let size = file.metadata().map_err(io_error)?.len();
    if size > max_bytes {
        return Err(too_large(size));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(io_error)?;
    if bytes.len() as u64 > max_bytes {
        return Err(too_large(bytes.len() as u64));
    }
    let body = crate::encoding::decode(bytes);
    let kind = detect(&origin, &body);
    Ok(LoadedSource { origin, kind, body })
}

/// Keys that tell the kind of a JSON record.
#[derive(Deserialize, Default)]
#[serde(default)]
struct Probe {
    #[serde(rename = "nameOfficialFr")]
    name_official_fr: Option<IgnoredAny>,
    #[serde(rename = "nameOfficialNl")]
    name_official_nl: Option<IgnoredAny>,
    #[serde(rename = "langStatus")]
    lang_status: Option<IgnoredAny>,
    #[serde(rename = "pmRp")]
    pm_rp: Option<IgnoredAny>,
    record: Option<IgnoredAny>,
    contents: Option<IgnoredAny>,
    services: Option<IgnoredAny>,
    locations: Option<IgnoredAny>,
    organization_identifiers: Option<IgnoredAny>,
    name: Option<IgnoredAny>,
    deleted_ids: Option<IgnoredAny>,
}

fn probe_kind(record: &str) -> SourceKind {
    let Ok(probe) = serde_json::from_str::<Probe>(record) else {
        return SourceKind::Unknown;
    };
    if probe.deleted_ids.is_some() {
        return SourceKind::HarvestManifest;
    }
    let cdcs = [
        &probe.name_official_fr,
        &probe.name_official_nl,
        &probe.lang_status,
        &probe.pm_rp,
        &probe.record,
    ];
    if cdcs.iter().any(|key| key.is_some()) {
        return SourceKind::SocialBrussels;
    }
    let hsds = [
        &probe.contents,
        &probe.services,
        &probe.locations,
        &probe.organization_identifiers,
    ];
    if hsds.iter().any(|key| key.is_some()) || probe.name.is_some() {
        return SourceKind::Hsds;
    }
    SourceKind::Unknown
}

/// Detects the kind of a source from its name and first record.
pub fn detect(origin: &str, body: &str) -> SourceKind {
    let trimmed = body.trim_start();
    let extension = origin
        .rsplit('.')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    if !trimmed.starts_with('{') && !trimmed.starts_with('[') {
        let header = trimmed
            .lines()
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        let columns: Vec<&str> = header
            .split([',', ';'])
            .map(|c| c.trim().trim_matches('"'))
            .collect();
        if columns.contains(&"hospital_name") && columns.contains(&"site_name") {
            return SourceKind::Hospitals;
        }
        if columns.contains(&"id") && (columns.contains(&"name_fr") || columns.contains(&"name_nl"))
        {
            return SourceKind::PartnerCsv;
        }
        return SourceKind::Unknown;
    }
    let _ = extension;
    match first_json_record(body) {
        Some(first) => probe_kind(first),
        None => SourceKind::Unknown,
    }
}

/// The first record text of a JSON body, as [`json_records`] would split it, without
/// splitting the rest: NDJSON of a few hundred megabytes is only scanned to its first line.
fn first_json_record(body: &str) -> Option<&str> {
    let trimmed = body.trim();
    let one_value = trimmed.starts_with('[') || serde_json::from_str::<&RawValue>(trimmed).is_ok();
    if one_value {
        return json_records(trimmed).into_iter().next();
    }
    trimmed.lines().map(str::trim).find(|line| !line.is_empty())
}

#[derive(Deserialize)]
struct Envelope<'a> {
    #[serde(borrow)]
    contents: Vec<&'a RawValue>,
}

/// Splits a JSON body into record texts: an array, a `{"contents": […]}` page, a single
/// object, or NDJSON lines (a bad line is returned as is, to be rejected by the importer).
pub(crate) fn json_records(body: &str) -> Vec<&str> {
    let trimmed = body.trim();
    if trimmed.is_empty() {
        return Vec::new();
    }
    if trimmed.starts_with('[') {
        if let Ok(items) = serde_json::from_str::<Vec<&RawValue>>(trimmed) {
            return items.into_iter().map(RawValue::get).collect();
        }
    }
    if let Ok(single) = serde_json::from_str::<&RawValue>(trimmed) {
        if let Ok(envelope) = serde_json::from_str::<Envelope>(single.get()) {
            return envelope.contents.into_iter().map(RawValue::get).collect();
        }
        return vec![single.get()];
    }
    ndjson_lines(trimmed)
}

/// The non-blank lines of an NDJSON body, trimmed (`\r\n` ends included). Line ends are
/// found by a vectorised search: this split runs before records are read in parallel.
fn ndjson_lines(body: &str) -> Vec<&str> {
    let mut lines = Vec::new();
    let mut start = 0;
    for end in memchr::memchr_iter(b'\n', body.as_bytes()).chain([body.len()]) {
        let line = body[start..end].trim();
        if !line.is_empty() {
            lines.push(line);
        }
        start = end + 1;
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_json_shapes() {
        assert_eq!(
            json_records(r#"[{"id":1},{"id":2}]"#),
            [r#"{"id":1}"#, r#"{"id":2}"#]
        );
        assert_eq!(
            json_records("{\"id\":1}\n\n{\"id\":2}\nnot json"),
            ["{\"id\":1}", "{\"id\":2}", "not json"]
        );
        assert_eq!(
            json_records(r#"{"contents":[{"name":"a"}],"total_items":1}"#),
            [r#"{"name":"a"}"#]
        );
        assert_eq!(json_records(r#" {"id": 1} "#), [r#"{"id": 1}"#]);
    }

    #[test]
    fn ndjson_lines_are_the_trimmed_non_blank_lines() {
        for body in [
            "",
            "a",
            "a\nb",
            "a\r\nb\r\n",
            "\n\n a \n\t\nb\n",
            "é\n\u{a0}x\u{a0}\n",
        ] {
            let expected: Vec<&str> = body
                .lines()
                .map(str::trim)
                .filter(|line| !line.is_empty())
                .collect();
            assert_eq!(ndjson_lines(body), expected, "{body:?}");
        }
    }

    #[test]
    fn first_record_is_the_first_of_all_records() {
        let bodies = [
            r#"[{"id":1},{"id":2}]"#,
            "\n{\"id\":1}\n\n{\"id\":2}\nnot json",
            r#"{"contents":[{"name":"a"}],"total_items":1}"#,
            r#" {"id": 1} "#,
            "not json\n{\"id\":1}",
            "",
            "[]",
        ];
        for body in bodies {
            assert_eq!(
                first_json_record(body),
                json_records(body).first().copied(),
                "{body}"
            );
        }
    }

    #[test]
    fn detects_kinds() {
        assert_eq!(
            detect("x.json", r#"{"id": 1, "nameOfficialFr": "A"}"#),
            SourceKind::SocialBrussels
        );
        assert_eq!(
            detect("x.jsonl", r#"{"case": "a", "record": {"id": 1}}"#),
            SourceKind::SocialBrussels
        );
        assert_eq!(
            detect("x.json", r#"{"contents": [{"id": "a", "name": "A"}]}"#),
            SourceKind::Hsds
        );
        assert_eq!(
            detect("x.csv", "id,hospital_name,site_name\n"),
            SourceKind::Hospitals
        );
        assert_eq!(
            detect("x.csv", "id,name_fr,name_nl\n"),
            SourceKind::PartnerCsv
        );
        assert_eq!(detect("x.txt", "hello"), SourceKind::Unknown);
    }
}
