//! A small in-memory cache of rendered search responses, keyed by the index version and
//! the effective request, bounded by the bytes it holds (keys and bodies) and by age (the
//! `Cache-Control` max-age).
//!
//! Eviction is quick_cache's S3-FIFO: a search asked once does not push out the searches
//! asked all day (partner widgets, the helpdesk's usual needs), which first-in first-out
//! did. Hits and misses are counted for `/metrics`.

use actix_web::web::Bytes;
use std::sync::atomic::{AtomicU64, Ordering};
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

/// Bookkeeping bytes counted per entry on top of its key and body.
const ENTRY_OVERHEAD_BYTES: u64 = 128;

/// Weighs an entry by the bytes it holds.
#[derive(Debug, Clone, Copy, Default)]
pub struct ByteWeighter;

impl quick_cache::Weighter<String, Cached> for ByteWeighter {
    fn weight(&self, key: &String, cached: &Cached) -> u64 {
        key.len() as u64 + cached.body.len() as u64 + ENTRY_OVERHEAD_BYTES
    }
}

type Entries = quick_cache::sync::Cache<String, Cached, ByteWeighter>;

/// Bounded by bytes, scan-resistant, time-limited.
pub struct ResponseCache {
    max_age: Duration,
    /// `None` when the cache is off.
    entries: Option<Entries>,
    hits: AtomicU64,
    misses: AtomicU64,
}

/// Lookups answered from the cache and lookups that had to search.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CacheCounts {
    /// Fresh entries found.
    pub hits: u64,
    /// Absent or stale.
    pub misses: u64,
}

impl ResponseCache {
    /// A cache holding at most `max_bytes` (keys, bodies and a small overhead per entry;
    /// 0 = off), sized for about `estimated_entries`, entries living `max_age`.
    pub fn new(estimated_entries: usize, max_bytes: u64, max_age: Duration) -> Self {
        let enabled = estimated_entries > 0 && max_bytes > 0 && !max_age.is_zero();
        Self {
            max_age,
            entries: enabled
                .then(|| Entries::with_weighter(estimated_entries, max_bytes, ByteWeighter)),
            hits: AtomicU64::new(0),
            misses: AtomicU64::new(0),
        }
    }

    /// True when the cache keeps anything.
    pub fn enabled(&self) -> bool {
        self.entries.is_some()
    }

    /// A fresh entry.
    pub fn get(&self, key: &str) -> Option<Cached> {
        let entries = self.entries.as_ref()?;
        let fresh = entries
            .get(key)
            .filter(|cached| cached.created.elapsed() < self.max_age);
        let counter = if fresh.is_some() {
            &self.hits
        } else {
            &self.misses
        };
        counter.fetch_add(1, Ordering::Relaxed);
        fresh
    }

    /// Stores an entry (replacing a stale one), evicting as the policy decides when full.
    pub fn put(&self, key: String, cached: Cached) {
        if let Some(entries) = &self.entries {
            entries.insert(key, cached);
        }
    }

    /// Entries held now.
    pub fn len(&self) -> usize {
        self.entries.as_ref().map_or(0, Entries::len)
    }

    /// Bytes held now (what the byte bound applies to).
    pub fn weight(&self) -> u64 {
        self.entries.as_ref().map_or(0, Entries::weight)
    }

    /// The byte bound (0 when off).
    pub fn capacity_bytes(&self) -> u64 {
        self.entries.as_ref().map_or(0, Entries::capacity)
    }

    /// True when nothing is held.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Hits and misses since the start.
    pub fn counts(&self) -> CacheCounts {
        CacheCounts {
            hits: self.hits.load(Ordering::Relaxed),
            misses: self.misses.load(Ordering::Relaxed),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// About the bytes of 100 small entries (short key and body plus the overhead).
    const SMALL_ENTRIES_100: u64 = 100 * (ENTRY_OVERHEAD_BYTES + 12);

    fn entry(text: &str) -> Cached {
        Cached {
            body: Bytes::from(text.to_owned()),
            content_type: "application/json",
            total: 0,
            created: Instant::now(),
        }
    }

    #[test]
    fn bounded_counted_and_can_be_off() {
        let cache = ResponseCache::new(100, SMALL_ENTRIES_100, Duration::from_secs(60));
        for number in 0..1_000 {
            cache.put(format!("k{number}"), entry(&number.to_string()));
        }
        assert!(cache.len() <= 150, "held {}", cache.len());
        assert_eq!(cache.get("k999").unwrap().body, "999");
        assert!(cache.get("never stored").is_none());
        assert_eq!(cache.counts(), CacheCounts { hits: 1, misses: 1 });

        let off = ResponseCache::new(0, 1 << 20, Duration::from_secs(60));
        off.put("a".into(), entry("1"));
        assert!(off.get("a").is_none());
        assert!(off.is_empty());
        assert_eq!(off.counts(), CacheCounts::default());
    }

    #[test]
    fn frequent_entries_survive_a_scan() {
        let cache = ResponseCache::new(100, SMALL_ENTRIES_100, Duration::from_secs(60));
        cache.put("popular".into(), entry("p"));
        for round in 0..20 {
            assert!(cache.get("popular").is_some(), "evicted at round {round}");
            for number in 0..50 {
                cache.put(format!("once-{round}-{number}"), entry("x"));
            }
        }
    }

    #[test]
    fn large_responses_keep_the_byte_total_under_the_cap() {
        let cap = 1 << 20;
        let cache = ResponseCache::new(2_048, cap, Duration::from_secs(60));
        let large = "x".repeat(100 * 1024);
        for number in 0..200 {
            cache.put(format!("large-{number}"), entry(&large));
            assert!(cache.weight() <= cap, "{} bytes held", cache.weight());
        }
        assert!(cache.len() < 20, "held {} entries of 100 KiB", cache.len());
        assert!(cache.weight() > cap / 2, "the cache keeps what fits");
        let off = ResponseCache::new(2_048, 0, Duration::from_secs(60));
        off.put("a".into(), entry("1"));
        assert_eq!((off.weight(), off.enabled()), (0, false));
    }

    #[test]
    fn stale_entries_are_misses() {
        let cache = ResponseCache::new(10, 1 << 20, Duration::from_millis(1));
        let mut old = entry("old");
        old.created = Instant::now() - Duration::from_secs(1);
        cache.put("a".into(), old);
        assert!(cache.get("a").is_none());
        cache.put("a".into(), entry("new"));
        assert_eq!(cache.counts().misses, 1);
    }
}
