//! What the matchers read and find: a text's tokens with their numbers in the index, and
//! the forms found in it.

use orienta_text::Token;

/// A form found in a text (positions in tokens).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RawMatch {
    /// Position of the entry in the index.
    pub entry: usize,
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Edits used.
    pub edits: u8,
}

/// The text being matched: its tokens and the numbers of their keys in the index (none
/// for a word the thesaurus does not know, which may be a typo).
pub(crate) struct Text<'a> {
    /// The tokens.
    pub tokens: Vec<Token<'a>>,
    /// The number of each token's key in the index.
    pub ids: Vec<Option<usize>>,
}
