//! One writer per index root: an exclusive lock on `<root>/.lock` holding the holder's pid.
//!
//! The lock is an OS file lock (`flock` on Unix), so it is released when its holder exits,
//! even by `kill -9`; the pid and start time written in the file only say who holds it.
//! A file left with the pid of a process that is gone is a stale lock: the next writer
//! takes it over and says so in the log.

use crate::SearchError;
use std::fs;
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

/// Name of the lock file in an index root.
pub const LOCK_FILE: &str = ".lock";

/// The exclusive right to write an index root (import, build, publish, clean, repair).
/// Released on drop.
#[derive(Debug)]
pub struct IndexLock {
    root: PathBuf,
    file: fs::File,
}

/// How to wait for the lock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LockWait {
    /// Fail at once when another writer holds it.
    Fail,
    /// Block until the other writer releases it.
    Wait,
}

impl IndexLock {
    /// Takes the lock of `root` (created when missing).
    ///
    /// Fails with [`SearchError::Locked`] when another live writer holds it and `wait` is
    /// [`LockWait::Fail`].
    pub fn acquire(root: &Path, wait: LockWait) -> Result<Self, SearchError> {
        fs::create_dir_all(root)?;
        let path = root.join(LOCK_FILE);
        let mut file = fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(fs::TryLockError::WouldBlock) if wait == LockWait::Wait => {
                let holder = read_holder(&mut file);
                tracing::info!(index = %root.display(), holder = %holder, "waiting for the index lock");
                file.lock()?;
            }
            Err(fs::TryLockError::WouldBlock) => {
                return Err(SearchError::Locked {
                    root: root.display().to_string(),
                    holder: read_holder(&mut file),
                });
            }
            Err(fs::TryLockError::Error(error)) => return Err(error.into()),
        }
        let previous = read_holder(&mut file);
        if !previous.is_empty() {
            tracing::warn!(
                index = %root.display(),
                previous = %previous,
                "taking over a stale index lock: its holder is no longer running"
            );
        }
        let holder = format!(
            "pid {} since {}",
            std::process::id(),
            chrono::Utc::now().to_rfc3339()
        );
        file.set_len(0)?;
        file.rewind()?;
        file.write_all(holder.as_bytes())?;
        file.sync_all()?;
        Ok(Self {
            root: root.to_path_buf(),
            file,
        })
    }

    /// The locked index root.
    pub fn root(&self) -> &Path {
        &self.root
    }
}

impl Drop for IndexLock {
    fn drop(&mut self) {
        // An empty file means "released cleanly"; the OS lock goes with the descriptor.
        let _ = self.file.set_len(0);
        let _ = self.file.sync_all();
        let _ = self.file.unlock();
    }
}

/// The holder text of a lock file ("pid N since T"), empty when released cleanly.
fn read_holder(file: &mut fs::File) -> String {
    let mut text = String::new();
    if file.rewind().is_err() || file.read_to_string(&mut text).is_err() {
        return String::new();
    }
    text.trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_writer_is_refused_while_the_first_holds_the_lock() {
        let dir = tempfile::tempdir().unwrap();
        let first = IndexLock::acquire(dir.path(), LockWait::Fail).unwrap();
        let error = IndexLock::acquire(dir.path(), LockWait::Fail).unwrap_err();
        let message = error.to_string();
        assert!(
            message.contains(&format!("pid {}", std::process::id())),
            "{message}"
        );
        drop(first);
        IndexLock::acquire(dir.path(), LockWait::Fail).unwrap();
    }

    #[test]
    fn a_lock_file_left_by_a_dead_writer_is_taken_over() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(
            dir.path().join(LOCK_FILE),
            "pid 999999 since 2026-01-01T00:00:00Z",
        )
        .unwrap();
        let lock = IndexLock::acquire(dir.path(), LockWait::Fail).unwrap();
        let text = fs::read_to_string(dir.path().join(LOCK_FILE)).unwrap();
        assert!(text.starts_with(&format!("pid {} since", std::process::id())));
        drop(lock);
    }
}
