//! The global allocator of Orienta's binaries, and its batch mode.
//!
//! Linking this crate makes mimalloc the global allocator: importing and indexing allocate
//! many small strings from several threads, where glibc's allocator spent a quarter of the
//! time.
//!
//! By default mimalloc gives freed memory back to the kernel after a second. An import frees
//! and allocates again all the time (per-record scratch strings, then the index writer's
//! buffers), so memory went back and came again as fresh pages the kernel had to zero:
//! at 100k records a fifth of the parsing time was `clear_page` and 35,000 page faults.
//! [`batch_mode`] keeps freed memory in the process while an import or an index build
//! runs, and gives it back when the last batch ends; a server stays lean between imports.

#![deny(missing_docs)]

use libmimalloc_sys::{mi_collect, mi_option_get, mi_option_set, mi_option_t};
use std::os::raw::c_long;
use std::sync::Mutex;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_purge_delay`: its position in mimalloc v3's `mi_option_e` (libmimalloc-sys
/// names no constant for it). Milliseconds before freed memory is given back; -1 never.
const PURGE_DELAY: mi_option_t = 15;

/// Purge delay that keeps freed memory in the process.
const NEVER: c_long = -1;

/// Batches running now, and the purge delay to restore when the last one ends.
static BATCHES: Mutex<(usize, c_long)> = Mutex::new((0, 0));

/// Keeps freed memory in the process until dropped (see the crate documentation).
#[must_use = "batch mode ends when the guard is dropped"]
pub struct BatchMode(());

/// Starts batch mode: freed memory stays in the process until every guard is dropped.
pub fn batch_mode() -> BatchMode {
    let mut batches = BATCHES
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if batches.0 == 0 {
        // SAFETY: reading and setting a mimalloc option has no precondition.
        batches.1 = unsafe { mi_option_get(PURGE_DELAY) };
        unsafe { mi_option_set(PURGE_DELAY, NEVER) };
    }
    batches.0 += 1;
    BatchMode(())
}

impl Drop for BatchMode {
    fn drop(&mut self) {
        let mut batches = BATCHES
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        batches.0 -= 1;
        if batches.0 > 0 {
            return;
        }
        let previous_delay = batches.1;
        // SAFETY: setting an option and collecting the calling thread's free memory have no
        // precondition.
        unsafe {
            mi_option_set(PURGE_DELAY, previous_delay);
            mi_collect(true);
        }
    }
}

/// The current purge delay in milliseconds (-1: never).
pub fn purge_delay_ms() -> i64 {
    // SAFETY: reading a mimalloc option has no precondition.
    let delay: c_long = unsafe { mi_option_get(PURGE_DELAY) };
    delay as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batch_mode_keeps_memory_and_restores_the_delay() {
        // mimalloc v3's default is 1000 ms (`options.c`); another value means the option
        // index is wrong (or MIMALLOC_PURGE_DELAY is set).
        let default_delay = purge_delay_ms();
        if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
            assert_eq!(default_delay, 1000);
        }
        let outer = batch_mode();
        assert_eq!(purge_delay_ms(), -1);
        let inner = batch_mode();
        drop(outer);
        assert_eq!(purge_delay_ms(), -1, "still one batch running");
        drop(inner);
        assert_eq!(purge_delay_ms(), default_delay);
    }
}
