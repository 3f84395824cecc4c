//! The serving handle: the current index version, swapped without a restart when a new
//! version is published.

use crate::index::SearchIndex;
use crate::versions;
use crate::SearchError;
use arc_swap::ArcSwap;
use orienta_thesaurus::Thesaurus;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

/// The index a server serves from. Cheap to clone; requests keep the version they started with.
#[derive(Clone)]
pub struct IndexHandle {
    root: PathBuf,
    thesaurus: Arc<Thesaurus>,
    current: Arc<ArcSwap<SearchIndex>>,
}

impl IndexHandle {
    /// Opens the serving version of `root`.
    pub fn open(root: &Path, thesaurus: Arc<Thesaurus>) -> Result<Self, SearchError> {
        let directory = versions::current_dir(root)
            .ok_or_else(|| SearchError::NoIndex(root.display().to_string()))?;
        let index = SearchIndex::open(&directory, thesaurus.clone())?;
        Ok(Self {
            root: root.to_path_buf(),
            thesaurus,
            current: Arc::new(ArcSwap::from_pointee(index)),
        })
    }

    /// The index root.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The version serving now.
    pub fn get(&self) -> Arc<SearchIndex> {
        self.current.load_full()
    }

    /// Switches to the newest published version if it changed; returns true when it did.
    pub fn refresh(&self) -> Result<bool, SearchError> {
        let Some(directory) = versions::current_dir(&self.root) else {
            return Ok(false);
        };
        if directory == self.current.load().directory() {
            return Ok(false);
        }
        let index = SearchIndex::open(&directory, self.thesaurus.clone())?;
        tracing::info!(version = %directory.display(), "serving a new index version");
        self.current.store(Arc::new(index));
        Ok(true)
    }

    /// Starts a background thread that calls [`IndexHandle::refresh`] every `interval`.
    pub fn watch(&self, interval: Duration) -> std::thread::JoinHandle<()> {
        let handle = self.clone();
        std::thread::spawn(move || loop {
            std::thread::sleep(interval);
            if let Err(error) = handle.refresh() {
                tracing::warn!(%error, "cannot open the new index version; still serving the previous one");
            }
        })
    }
}
