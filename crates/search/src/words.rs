//! The analyzers' tokenizer and folding filter, over `orienta_text`: the index cuts and
//! folds words exactly as the thesaurus, ingest and territory do (a dotted acronym such as
//! `C.P.A.S.` is the word `CPAS`; `Œuvre` folds to `oeuvre`).

use orienta_text::fold_word_into;
use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

/// Cuts a text into `orienta_text` words (letters and digits; dotted acronyms joined).
#[derive(Debug, Clone, Default)]
pub struct WordTokenizer {
    token: Token,
}

/// The token stream of [`WordTokenizer`].
pub struct WordTokenStream<'a> {
    words: orienta_text::words::Words<'a>,
    token: &'a mut Token,
}

impl Tokenizer for WordTokenizer {
    type TokenStream<'a> = WordTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> WordTokenStream<'a> {
        self.token.reset();
        WordTokenStream {
            words: orienta_text::words(text),
            token: &mut self.token,
        }
    }
}

impl TokenStream for WordTokenStream<'_> {
    fn advance(&mut self) -> bool {
        self.token.text.clear();
        self.token.position = self.token.position.wrapping_add(1);
        let Some(word) = self.words.next() else {
            return false;
        };
        self.token.offset_from = word.span.start;
        self.token.offset_to = word.span.end;
        self.token.text.push_str(&word.text);
        true
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

/// Folds each token with `orienta_text` (lowercase, no accents, ligatures spelled out).
#[derive(Debug, Clone, Copy, Default)]
pub struct FoldFilter;

impl TokenFilter for FoldFilter {
    type Tokenizer<T: Tokenizer> = FoldTokenizer<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> FoldTokenizer<T> {
        FoldTokenizer { inner: tokenizer }
    }
}

/// The tokenizer produced by [`FoldFilter`].
#[derive(Debug, Clone)]
pub struct FoldTokenizer<T> {
    inner: T,
}

impl<T: Tokenizer> Tokenizer for FoldTokenizer<T> {
    type TokenStream<'a> = FoldTokenStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        FoldTokenStream {
            tail: self.inner.token_stream(text),
            folded: String::new(),
        }
    }
}

/// The token stream produced by [`FoldFilter`].
pub struct FoldTokenStream<T> {
    tail: T,
    folded: String,
}

impl<T: TokenStream> TokenStream for FoldTokenStream<T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        self.folded.clear();
        fold_word_into(&token.text, &mut self.folded);
        std::mem::swap(&mut token.text, &mut self.folded);
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}
