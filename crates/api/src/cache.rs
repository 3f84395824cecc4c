//! A small in-memory cache of rendered search responses, keyed by the index version and
//! the effective request, bounded in entries and age (the `Cache-Control` max-age).

use actix_web::web::Bytes;
use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// A rendered response.
#[derive(Debug, Clone)]
pub struct Cached {
    /// Body.
    pub body: Bytes,
    /// `Content-Type`.
    pub content_type: &'static str,
    /// `X-Total-Count`.
    pub total: usize,
    /// When it was rendered.
    pub created: Instant,
}

#[derive(Default)]
struct Entries {
    map: HashMap<String, Cached>,
    order: VecDeque<String>,
}

/// Bounded, first-in first-out, time-limited.
pub struct ResponseCache {
    capacity: usize,
    max_age: Duration,
    entries: Mutex<Entries>,
}

impl ResponseCache {
    /// A cache of `capacity` entries (0 = off) living `max_age`.
    pub fn new(capacity: usize, max_age: Duration) -> Self {
        Self {
            capacity,
            max_age,
            entries: Mutex::new(Entries::default()),
        }
    }

    /// True when the cache keeps anything.
    pub fn enabled(&self) -> bool {
        self.capacity > 0 && !self.max_age.is_zero()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Entries> {
        self.entries
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// A fresh entry.
    pub fn get(&self, key: &str) -> Option<Cached> {
        if !self.enabled() {
            return None;
        }
        let entries = self.lock();
        entries
            .map
            .get(key)
            .filter(|cached| cached.created.elapsed() < self.max_age)
            .cloned()
    }

    /// Stores an entry, evicting the oldest when full.
    pub fn put(&self, key: String, cached: Cached) {
        if !self.enabled() {
            return;
        }
        let mut entries = self.lock();
        if entries.map.insert(key.clone(), cached).is_none() {
            entries.order.push_back(key);
        }
        while entries.map.len() > self.capacity {
            let Some(oldest) = entries.order.pop_front() else {
                break;
            };
            entries.map.remove(&oldest);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(text: &'static str) -> Cached {
        Cached {
            body: Bytes::from_static(text.as_bytes()),
            content_type: "application/json",
            total: 0,
            created: Instant::now(),
        }
    }

    #[test]
    fn evicts_oldest_and_can_be_off() {
        let cache = ResponseCache::new(2, Duration::from_secs(60));
        cache.put("a".into(), entry("1"));
        cache.put("b".into(), entry("2"));
        cache.put("c".into(), entry("3"));
        assert!(cache.get("a").is_none());
        assert_eq!(cache.get("c").unwrap().body, "3");
        let off = ResponseCache::new(0, Duration::from_secs(60));
        off.put("a".into(), entry("1"));
        assert!(off.get("a").is_none());
    }
}
