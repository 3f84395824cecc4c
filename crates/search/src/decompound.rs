//! Index-time Dutch decompounding: the parts of the compounds of a record's Dutch text are
//! indexed in a field of their own (`gokverslaving` as `gok` and `verslaving`), searched
//! with a lower weight than the whole words, so that `verslaving` finds it without common
//! parts (`huis` of `ziekenhuis`) outranking whole words. The parts are cut by
//! `orienta_text::compound` over the vocabulary of the records being indexed and the
//! thesaurus's Dutch words.
//!
//! The version of these rules is [`RULES`], recorded with the analyzers'.
//!
//! Only a version's build cuts (see `build`): the query side cuts its own unknown compounds
//! (`query::compounds`), and records changed in place are indexed without parts until the
//! next build.

use orienta_text::compound::{self, MIN_COMPOUND_CHARS};
use std::collections::HashSet;
use std::sync::Arc;
use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

/// The version of the cutting rules (an index cut under others is rebuilt).
pub const RULES: &str = "decompound-1";

/// Gives the parts of each compound token instead of the tokens (lower-case tokens
/// expected; words that are not compounds give nothing).
#[derive(Debug, Clone)]
pub struct DecompoundFilter {
    vocabulary: Arc<HashSet<String>>,
}

impl DecompoundFilter {
    /// A filter cutting over `vocabulary`.
    pub fn new(vocabulary: Arc<HashSet<String>>) -> Self {
        Self { vocabulary }
    }
}

impl TokenFilter for DecompoundFilter {
    type Tokenizer<T: Tokenizer> = DecompoundTokenizer<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> DecompoundTokenizer<T> {
        DecompoundTokenizer {
            inner: tokenizer,
            vocabulary: self.vocabulary,
        }
    }
}

/// The tokenizer produced by [`DecompoundFilter`].
#[derive(Debug, Clone)]
pub struct DecompoundTokenizer<T> {
    inner: T,
    vocabulary: Arc<HashSet<String>>,
}

impl<T: Tokenizer> Tokenizer for DecompoundTokenizer<T> {
    type TokenStream<'a> = DecompoundStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        DecompoundStream {
            tail: self.inner.token_stream(text),
            vocabulary: &self.vocabulary,
            parts: Vec::new(),
            part: Token::default(),
        }
    }
}

/// The token stream produced by [`DecompoundFilter`].
pub struct DecompoundStream<'a, S> {
    tail: S,
    vocabulary: &'a HashSet<String>,
    /// Parts still to give, last first.
    parts: Vec<Token>,
    /// The part being given.
    part: Token,
}

impl<S: TokenStream> DecompoundStream<'_, S> {
    /// Queues the parts of the tail's current token, when it is a compound.
    fn queue_parts(&mut self) {
        let token = self.tail.token();
        if token.text.chars().count() < MIN_COMPOUND_CHARS {
            return;
        }
        let is_word = |word: &str| self.vocabulary.contains(word);
        let Some(parts) = compound::split(&token.text, &is_word) else {
            return;
        };
        self.parts = parts
            .into_iter()
            .rev()
            .map(|part| Token {
                text: part.to_owned(),
                ..token.clone()
            })
            .collect();
    }
}

impl<S: TokenStream> TokenStream for DecompoundStream<'_, S> {
    fn advance(&mut self) -> bool {
        loop {
            if let Some(part) = self.parts.pop() {
                self.part = part;
                return true;
            }
            if !self.tail.advance() {
                return false;
            }
            self.queue_parts();
        }
    }

    fn token(&self) -> &Token {
        &self.part
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.part
    }
}
