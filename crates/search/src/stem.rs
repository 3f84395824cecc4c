//! A stemming token filter over frostem with a per-language override map.
//!
//! tantivy's own `Stemmer` uses Snowball `Dutch`, which strips `ge-` and merges
//! gezin/zin and gezondheid/zon (see `docs/stack.md`). Orienta stems Dutch with
//! `DutchPorter` and lets a small override map fix the remaining irregular plurals.

use rustc_hash::FxHashMap;
use std::sync::Arc;
use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

/// Stems tokens with a frostem algorithm, after a map of irregular words to their base form.
#[derive(Clone)]
pub struct StemFilter {
    algorithm: frostem::Algorithm,
    overrides: Arc<FxHashMap<&'static str, &'static str>>,
}

impl StemFilter {
    /// A filter for `algorithm`; `overrides` maps irregular lowercase words to the base form
    /// that is stemmed instead.
    pub fn new(algorithm: frostem::Algorithm, overrides: &[(&'static str, &'static str)]) -> Self {
        Self {
            algorithm,
            overrides: Arc::new(overrides.iter().copied().collect()),
        }
    }
}

impl TokenFilter for StemFilter {
    type Tokenizer<T: Tokenizer> = StemTokenizer<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> StemTokenizer<T> {
        StemTokenizer {
            filter: self,
            inner: tokenizer,
            cache: FxHashMap::default(),
        }
    }
}

/// Distinct words whose stem a tokenizer remembers (vocabularies are Zipfian: a few
/// thousand words cover most of the text).
const STEM_CACHE_WORDS: usize = 50_000;

/// The tokenizer produced by [`StemFilter`]; it remembers the stems it computed.
#[derive(Clone)]
pub struct StemTokenizer<T> {
    filter: StemFilter,
    inner: T,
    cache: FxHashMap<String, String>,
}

impl<T: Tokenizer> Tokenizer for StemTokenizer<T> {
    type TokenStream<'a> = StemTokenStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        StemTokenStream {
            stemmer: frostem::Stemmer::new(self.filter.algorithm),
            overrides: &self.filter.overrides,
            cache: &mut self.cache,
            tail: self.inner.token_stream(text),
        }
    }
}

/// The token stream produced by [`StemFilter`].
pub struct StemTokenStream<'a, T> {
    stemmer: frostem::Stemmer,
    overrides: &'a FxHashMap<&'static str, &'static str>,
    cache: &'a mut FxHashMap<String, String>,
    tail: T,
}

impl<T: TokenStream> TokenStream for StemTokenStream<'_, T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        if let Some(stem) = self.cache.get(token.text.as_str()) {
            token.text.clone_from(stem);
            return true;
        }
        let word = match self.overrides.get(token.text.as_str()) {
            Some(base_form) => base_form,
            None => token.text.as_str(),
        };
        let stemmed = self.stemmer.stem(word).into_owned();
        if self.cache.len() >= STEM_CACHE_WORDS {
            self.cache.clear();
        }
        let word = std::mem::replace(&mut token.text, stemmed);
        self.cache.insert(word, token.text.clone());
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}
