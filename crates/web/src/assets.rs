//! The embedded files: their bytes, content types, cache policies and ETags.

use std::collections::HashMap;
use std::sync::OnceLock;

/// How long browsers and proxies may keep a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CachePolicy {
    /// HTML pages: always revalidate with the ETag.
    Revalidate,
    /// Orienta's own JS, CSS and icons: one hour, then revalidate.
    Short,
    /// Vendored libraries in a versioned folder: one year, immutable.
    Immutable,
}

impl CachePolicy {
    /// The `Cache-Control` header value.
    pub fn header_value(self) -> &'static str {
        match self {
            CachePolicy::Revalidate => "no-cache",
            CachePolicy::Short => "public, max-age=3600",
            CachePolicy::Immutable => "public, max-age=31536000, immutable",
        }
    }
}

/// One file embedded in the binary.
#[derive(Debug)]
pub struct Asset {
    /// Path below `crates/web/assets/`, e.g. `js/app.js`.
    pub path: &'static str,
    /// The bytes.
    pub body: &'static [u8],
    /// The `Content-Type` header value.
    pub content_type: &'static str,
    /// The cache policy.
    pub cache: CachePolicy,
    /// True when it is served under `/assets/`; pages and the widget have their own routes.
    pub public: bool,
}

impl Asset {
    /// The strong ETag (quoted), a hash of the bytes computed once.
    pub fn etag(&self) -> &'static str {
        static ETAGS: OnceLock<HashMap<&'static str, String>> = OnceLock::new();
        let etags = ETAGS.get_or_init(|| {
            ASSETS
                .iter()
                .map(|asset| (asset.path, format!("\"{:016x}\"", fnv1a(asset.body))))
                .collect()
        });
        etags.get(self.path).map(String::as_str).unwrap_or("\"0\"")
    }
}

/// FNV-1a 64-bit: a stable content hash for ETags (not for security).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

macro_rules! embed {
    ($path:literal, $cache:expr, $public:expr) => {
        Asset {
            path: $path,
            body: include_bytes!(concat!("../assets/", $path)),
            content_type: content_type($path),
            cache: $cache,
            public: $public,
        }
    };
    ($path:literal, $cache:expr) => {
        embed!($path, $cache, true)
    };
}

/// The content type of a path, from its extension (`const` to fill the static table).
const fn content_type(path: &'static str) -> &'static str {
    let bytes = path.as_bytes();
    let len = bytes.len();
    if ends_with(bytes, len, b".html") {
        return "text/html; charset=utf-8";
    }
    if ends_with(bytes, len, b".js") {
        return "text/javascript; charset=utf-8";
    }
    if ends_with(bytes, len, b".css") {
        return "text/css; charset=utf-8";
    }
    if ends_with(bytes, len, b".svg") {
        return "image/svg+xml";
    }
    if ends_with(bytes, len, b".png") {
        return "image/png";
    }
    if ends_with(bytes, len, b".md") {
        return "text/markdown; charset=utf-8";
    }
    "text/plain; charset=utf-8"
}

const fn ends_with(bytes: &[u8], len: usize, suffix: &[u8]) -> bool {
    if len < suffix.len() {
        return false;
    }
    let start = len - suffix.len();
    let mut index = 0;
    while index < suffix.len() {
        if bytes[start + index] != suffix[index] {
            return false;
        }
        index += 1;
    }
    true
}

use CachePolicy::{Immutable, Revalidate, Short};

/// Every embedded file.
pub static ASSETS: &[Asset] = &[
    embed!("index.html", Revalidate, false),
    embed!("print.html", Revalidate, false),
    embed!("example.html", Revalidate, false),
    embed!("territory.html", Revalidate, false),
    embed!("widget.js", Short, false),
    embed!("icon.svg", Short),
    embed!("css/app.css", Short),
    embed!("css/builder.css", Short),
    embed!("css/print.css", Short),
    embed!("css/territory.css", Short),
    embed!("js/api.js", Short),
    embed!("js/app.js", Short),
    embed!("js/builder.js", Short),
    embed!("js/choropleth.js", Short),
    embed!("js/combobox.js", Short),
    embed!("js/detail.js", Short),
    embed!("js/dom.js", Short),
    embed!("js/filters.js", Short),
    embed!("js/format.js", Short),
    embed!("js/helpdesk.js", Short),
    embed!("js/i18n.js", Short),
    embed!("js/map.js", Short),
    embed!("js/map_streets.js", Short),
    embed!("js/place_box.js", Short),
    embed!("js/places.js", Short),
    embed!("js/print.js", Short),
    embed!("js/results.js", Short),
    embed!("js/samples.js", Short),
    embed!("js/serves.js", Short),
    embed!("js/sketch.js", Short),
    embed!("js/staff.js", Short),
    embed!("js/state.js", Short),
    embed!("js/strings.js", Short),
    embed!("js/strings/en.js", Short),
    embed!("js/strings/fr.js", Short),
    embed!("js/strings/nl.js", Short),
    embed!("js/territory.js", Short),
    embed!("js/territory_table.js", Short),
    embed!("vendor/leaflet-1.9.4/leaflet.js", Immutable),
    embed!("vendor/leaflet-1.9.4/leaflet.css", Immutable),
    embed!("vendor/leaflet-1.9.4/LICENSE", Immutable),
    embed!("vendor/leaflet-1.9.4/README.md", Immutable),
    embed!("vendor/leaflet-1.9.4/images/layers.png", Immutable),
    embed!("vendor/leaflet-1.9.4/images/layers-2x.png", Immutable),
    embed!("vendor/leaflet-1.9.4/images/marker-icon.png", Immutable),
    embed!("vendor/leaflet-1.9.4/images/marker-icon-2x.png", Immutable),
    embed!("vendor/leaflet-1.9.4/images/marker-shadow.png", Immutable),
];

/// The embedded file at `path` (below `crates/web/assets/`), public or not.
pub fn asset(path: &str) -> Option<&'static Asset> {
    ASSETS.iter().find(|asset| asset.path == path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_types_follow_extensions() {
        assert_eq!(content_type("js/app.js"), "text/javascript; charset=utf-8");
        assert_eq!(content_type("css/app.css"), "text/css; charset=utf-8");
        assert_eq!(content_type("index.html"), "text/html; charset=utf-8");
        assert_eq!(content_type("icon.svg"), "image/svg+xml");
        assert_eq!(content_type("images/layers.png"), "image/png");
        assert_eq!(content_type("LICENSE"), "text/plain; charset=utf-8");
        for asset in ASSETS {
            assert!(!asset.body.is_empty(), "{} is empty", asset.path);
        }
    }

    #[test]
    fn etags_differ_per_file_and_are_quoted() {
        let app = asset("js/app.js").map(Asset::etag);
        let css = asset("css/app.css").map(Asset::etag);
        assert_ne!(app, css);
        assert!(app.is_some_and(|etag| etag.starts_with('"') && etag.len() == 18));
    }

    #[test]
    fn every_file_under_assets_is_embedded() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets");
        let mut pending = vec![root.clone()];
        let mut missing = Vec::new();
        while let Some(directory) = pending.pop() {
            for entry in std::fs::read_dir(&directory).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    pending.push(path);
                    continue;
                }
                let relative = path
                    .strip_prefix(&root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                if asset(&relative).is_none() {
                    missing.push(relative);
                }
            }
        }
        assert!(missing.is_empty(), "not in ASSETS: {missing:?}");
    }

    #[test]
    fn leaflet_keeps_its_licence_next_to_it() {
        let licence = asset("vendor/leaflet-1.9.4/LICENSE").map(|asset| asset.body);
        assert!(licence.is_some_and(|body| body.starts_with(b"BSD 2-Clause License")));
    }
}
