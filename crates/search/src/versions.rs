//! Index versions on disk and the atomic switch between them.
//!
//! Layout of an index root:
//! ```text
//! index/
//!   CURRENT            name of the serving version (replaced atomically by rename)
//!   v20261127T213000-0001/   one complete tantivy index + manifest.json + digest.json
//!   .building-…/       a version being built (never served; removed when stale)
//!   changes.ndjson     change feed: created / updated / deleted, one event a line
//!   .lock              the writer lock (see [`crate::lock`])
//! ```
//! Publishing (under the writer lock) renames the finished build into place, appends and
//! syncs its change events, and only then switches `CURRENT`. A crash before the switch
//! leaves `CURRENT` untouched, so the previous version keeps serving; the next writer or
//! server start repairs the feed ([`crate::repair`]).

use crate::lock::IndexLock;
use crate::SearchError;
use serde::{Deserialize, Serialize};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Name of the file that points at the serving version.
pub const CURRENT_FILE: &str = "CURRENT";
/// Prefix of directories being built.
pub const BUILDING_PREFIX: &str = ".building-";
/// Versions kept besides the current one.
const KEEP_PREVIOUS: usize = 2;

/// What a version holds, written next to it as `manifest.json`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Manifest {
    /// Version name (directory name).
    pub version: String,
    /// Build time, RFC 3339.
    pub created_at: String,
    /// Number of organisations.
    pub organisations: usize,
    /// Number of documents (organisation × location).
    pub documents: u64,
    /// Number of synthetic organisations.
    pub synthetic: usize,
    /// The sources ingested.
    pub sources: Vec<String>,
    /// Schema version of Orienta's index.
    pub schema_version: u32,
    /// The stemmer release the version was analysed with (empty for older versions).
    #[serde(default)]
    pub analyzers: String,
}

impl Manifest {
    /// Why this binary must not serve the version (other schema or other stems), if so.
    pub fn incompatibility(&self) -> Option<String> {
        if self.schema_version != SCHEMA_VERSION {
            return Some(format!(
                "version {} has index schema {}, this binary reads schema {SCHEMA_VERSION}",
                self.version, self.schema_version
            ));
        }
        if self.analyzers != ANALYZERS {
            let found = if self.analyzers.is_empty() {
                "an unrecorded stemmer"
            } else {
                self.analyzers.as_str()
            };
            return Some(format!(
                "version {} was analysed with {found}, this binary stems with {ANALYZERS}",
                self.version
            ));
        }
        None
    }
}

/// Version of the index layout; bump when the schema or what a field holds changes (12: the
/// publics a record is reserved to, its ages and the languages its courses teach).
pub const SCHEMA_VERSION: u32 = 12;

/// The stemmer release the analyzers use (pinned in `crates/search/Cargo.toml`) and the
/// word rules of `orienta_text` ([`orienta_text::RULES`]). A version whose manifest names
/// others was built with other terms: it is rebuilt, not served.
pub const ANALYZERS: &str = "frostem=1.20260821.8;orienta-text-3;decompound-1;stem-rules-3";

/// The serving version of an index root, if any.
pub fn current_version(root: &Path) -> Option<String> {
    let name = fs::read_to_string(root.join(CURRENT_FILE)).ok()?;
    let name = name.trim().to_owned();
    if name.is_empty() || !root.join(&name).join("meta.json").exists() {
        return None;
    }
    Some(name)
}

/// The directory of the serving version.
pub fn current_dir(root: &Path) -> Option<PathBuf> {
    current_version(root).map(|name| root.join(name))
}

/// Reads the manifest of a version directory.
pub fn read_manifest(version_dir: &Path) -> Option<Manifest> {
    let text = fs::read_to_string(version_dir.join("manifest.json")).ok()?;
    serde_json::from_str(&text).ok()
}

/// A fresh, unique version name.
pub fn new_version_name(root: &Path) -> String {
    let stamp = chrono::Utc::now().format("v%Y%m%dT%H%M%S");
    (1..)
        .map(|counter| format!("{stamp}-{counter:04}"))
        .find(|name| {
            !root.join(name).exists() && !root.join(format!("{BUILDING_PREFIX}{name}")).exists()
        })
        .unwrap_or_else(|| format!("{stamp}-x"))
}

/// Moves a finished build into place as `<root>/<version>` (not serving yet).
pub fn install(root: &Path, building_dir: &Path, version: &str) -> Result<PathBuf, SearchError> {
    let final_dir = root.join(version);
    fs::rename(building_dir, &final_dir)?;
    sync_dir(root);
    Ok(final_dir)
}

/// Points `CURRENT` at `version` in one atomic rename, synced to disk.
pub fn switch_current(root: &Path, version: &str) -> Result<(), SearchError> {
    let pointer_tmp = root.join(format!("{CURRENT_FILE}.tmp"));
    {
        let mut file = fs::File::create(&pointer_tmp)?;
        file.write_all(version.as_bytes())?;
        file.sync_all()?;
    }
    fs::rename(&pointer_tmp, root.join(CURRENT_FILE))?;
    sync_dir(root);
    Ok(())
}

/// True when a version directory holds a committed index, its manifest and its digest.
pub fn is_complete(version_dir: &Path) -> bool {
    version_dir.join("meta.json").is_file()
        && version_dir.join("digest.json").is_file()
        && read_manifest(version_dir).is_some()
}

/// Version directory names under `root` (`v…`), oldest first.
pub fn version_names(root: &Path) -> Vec<String> {
    let Ok(entries) = fs::read_dir(root) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .flatten()
        .filter(|entry| entry.path().is_dir())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with('v'))
        .collect();
    names.sort();
    names
}

/// Syncs a directory's entries (renames, new files) to disk; best effort.
pub fn sync_dir(dir: &Path) {
    if let Ok(handle) = fs::File::open(dir) {
        let _ = handle.sync_all();
    }
}

/// Removes stale build directories, versions newer than `CURRENT` (installed by a writer
/// that crashed before writing their feed; [`crate::repair`] runs first) and all but the
/// newest previous versions.
///
/// Takes the writer lock: no other writer's build directory can be in progress.
pub fn clean(lock: &IndexLock) {
    let root = lock.root();
    let current = current_version(root);
    let Ok(entries) = fs::read_dir(root) else {
        return;
    };
    let mut versions = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with(BUILDING_PREFIX) {
            tracing::info!(directory = %name, "removing an unfinished index build");
            let _ = fs::remove_dir_all(entry.path());
            continue;
        }
        if !name.starts_with('v') || !entry.path().is_dir() || Some(&name) == current.as_ref() {
            continue;
        }
        if current.as_ref().is_none_or(|current| &name > current) {
            // Installed but never served (a crash before its feed was written).
            tracing::info!(directory = %name, "removing an index version that never served");
            let _ = fs::remove_dir_all(entry.path());
            continue;
        }
        versions.push(name);
    }
    versions.sort();
    let removable = versions.len().saturating_sub(KEEP_PREVIOUS);
    for name in versions.into_iter().take(removable) {
        let _ = fs::remove_dir_all(root.join(name));
    }
}
