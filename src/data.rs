//! Where the bundled data lives and which sources make the default data set.

use std::path::{Path, PathBuf};

/// The bundled default sources, relative to the data directory.
pub const DEFAULT_SOURCES: &[&str] = &[
    "providers/cdcs_sample/organisation_13219.json",
    "providers/eurostat_hospitals_brussels.csv",
    "sample/social_brussels_sample.ndjson",
];

/// The data directory: `--data`/`ORIENTA_DATA`, else `./data`, else the repository's `data/`.
pub fn data_dir(explicit: Option<&Path>) -> PathBuf {
    if let Some(dir) = explicit {
        return dir.to_path_buf();
    }
    let local = PathBuf::from("data");
    if local.join("sample").is_dir() {
        return local;
    }
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data")
}

/// The default sources as paths.
pub fn default_sources(data_dir: &Path) -> Vec<String> {
    DEFAULT_SOURCES
        .iter()
        .map(|relative| data_dir.join(relative).display().to_string())
        .collect()
}
