//! A stemming token filter over frostem with a per-language override map.
//!
//! tantivy's own `Stemmer` uses Snowball `Dutch`, which strips `ge-` and merges
//! gezin/zin and gezondheid/zon (gezin → zin). Orienta stems Dutch with
//! `DutchPorter` and lets a small override map fix the remaining irregular plurals.

use rustc_hash::FxHashMap;
use std::cell::RefCell;
use std::hash::{Hash, Hasher};
use std::sync::Arc;
use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

/// Stems tokens with a frostem algorithm, except the words of a map that gives their term.
#[derive(Clone)]
pub struct StemFilter {
    algorithm: frostem::Algorithm,
    overrides: Arc<FxHashMap<&'static str, &'static str>>,
    key: CacheKey,
}

/// Which stems a cache holds: those of one algorithm with one override map.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct CacheKey {
    algorithm: frostem::Algorithm,
    overrides: u64,
}

impl StemFilter {
    /// A filter for `algorithm`; `overrides` maps lowercase words the algorithm stems wrong
    /// (irregular plurals, a family it would merge with another) to their term.
    pub fn new(algorithm: frostem::Algorithm, overrides: &[(&'static str, &'static str)]) -> Self {
        let mut hasher = rustc_hash::FxHasher::default();
        overrides.hash(&mut hasher);
        Self {
            algorithm,
            overrides: Arc::new(overrides.iter().copied().collect()),
            key: CacheKey {
                algorithm,
                overrides: hasher.finish(),
            },
        }
    }
}

impl TokenFilter for StemFilter {
    type Tokenizer<T: Tokenizer> = StemTokenizer<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> StemTokenizer<T> {
        StemTokenizer {
            filter: self,
            inner: tokenizer,
        }
    }
}

/// Distinct words whose stem a thread remembers per filter (vocabularies are Zipfian: a few
/// thousand words cover most of the text).
const STEM_CACHE_WORDS: usize = 50_000;

// Kept (issue 14): with it the 100k index build of `cargo bench -p orienta-search`
// (`build/100000`, run alternately with and without the cache in one process) took 17 %
// less CPU (median 14.1 vs 17.1 s) and 38 % less wall time (9.4 vs 15.1 s); queries did
// not change. `docs/performance.md`, "Plain paths (issue 14)".
thread_local! {
    /// Stems computed on this thread, per filter. Analyzers are cloned for every query and
    /// snippet generator, so a cache inside the tokenizer would start empty each time; this
    /// one lives as long as the indexing thread or request worker.
    static STEMS: RefCell<FxHashMap<CacheKey, FxHashMap<String, String>>> = RefCell::default();
}

/// The version of the rules stems follow beyond the stemmer's own (recorded with each index
/// version: other rules give other terms).
pub const RULES: &str = "stem-rules-3";

/// Gives a Dutch stem the ending Dutch spelling gives a word
/// ([`orienta_text::dutch::closed_end`]: `ongevallen` → `ongevall` → `ongeval`, `brieven`
/// → `briev` → `brief`, `reizen` → `reis`), so a plural meets its singular, which the
/// Porter stemmer leaves apart.
fn respell_dutch_end(stem: &mut String) {
    let (kept, end) = orienta_text::dutch::closed_end(stem);
    stem.truncate(kept);
    stem.push_str(end);
}

/// The tokenizer produced by [`StemFilter`].
#[derive(Clone)]
pub struct StemTokenizer<T> {
    filter: StemFilter,
    inner: T,
}

impl<T: Tokenizer> Tokenizer for StemTokenizer<T> {
    type TokenStream<'a> = StemTokenStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        StemTokenStream {
            stemmer: frostem::Stemmer::new(self.filter.algorithm),
            overrides: &self.filter.overrides,
            key: self.filter.key,
            tail: self.inner.token_stream(text),
        }
    }
}

/// The token stream produced by [`StemFilter`].
pub struct StemTokenStream<'a, T> {
    stemmer: frostem::Stemmer,
    overrides: &'a FxHashMap<&'static str, &'static str>,
    key: CacheKey,
    tail: T,
}

impl<T: TokenStream> TokenStream for StemTokenStream<'_, T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let key = self.key;
        let token = self.tail.token_mut();
        let cached = STEMS.with_borrow(|stems| {
            let Some(stem) = stems
                .get(&key)
                .and_then(|cache| cache.get(token.text.as_str()))
            else {
                return false;
            };
            token.text.clone_from(stem);
            true
        });
        if cached {
            return true;
        }
        let stemmed = match self.overrides.get(token.text.as_str()) {
            Some(term) => (*term).to_owned(),
            None => {
                let mut stemmed = self.stemmer.stem(&token.text).into_owned();
                if key.algorithm == frostem::Algorithm::DutchPorter {
                    respell_dutch_end(&mut stemmed);
                }
                stemmed
            }
        };
        let word = std::mem::replace(&mut token.text, stemmed);
        let stem = token.text.clone();
        STEMS.with_borrow_mut(|stems| {
            let cache = stems.entry(key).or_default();
            if cache.len() >= STEM_CACHE_WORDS {
                cache.clear();
            }
            cache.insert(word, stem);
        });
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}
