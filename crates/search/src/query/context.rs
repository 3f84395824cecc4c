//! What every unit of one text query shares: the request, the pass, the words and what
//! the user asked not to be read.

use super::Pass;
use crate::index::SearchIndex;
use crate::request::SearchRequest;
use orienta_model::Lang;

/// What the request says the text must not be read as (`SearchRequest::literal`).
#[derive(Default)]
pub(super) struct Literal<'a> {
    /// Need concepts not to recognise.
    pub(super) needs: Vec<&'a str>,
    /// Spoken languages not to read.
    pub(super) languages: Vec<&'a str>,
    /// Folded words not to read as places.
    pub(super) place_words: Vec<String>,
    /// Audience codes not to read.
    pub(super) audiences: Vec<&'a str>,
}

impl<'a> Literal<'a> {
    pub(super) fn of(request: &'a SearchRequest) -> Self {
        let mut literal = Self::default();
        for item in &request.literal {
            match item.split_once(':') {
                Some(("need", id)) => literal.needs.push(id),
                Some(("language", code)) => literal.languages.push(code),
                Some(("audience", code)) => literal.audiences.push(code),
                Some(("place", words)) => literal.place_words.extend(super::tokens(words)),
                _ => {}
            }
        }
        literal
    }
}

/// What every unit of one text query shares.
pub(super) struct TextContext<'a> {
    /// The index searched.
    pub(super) index: &'a SearchIndex,
    /// The request the text comes from.
    pub(super) request: &'a SearchRequest,
    /// How much of the text must match.
    pub(super) pass: Pass,
    /// The text's folded tokens.
    pub(super) words: &'a [String],
    /// The language the text is read in, given or guessed.
    pub(super) query_lang: Option<Lang>,
    /// Parts of cut compounds that are scored, never required.
    pub(super) soft_parts: &'a [String],
    /// What the text must not be read as.
    pub(super) literal: &'a Literal<'a>,
    /// Positions of the words that say who asks (`Assistante sociale ici`), which only
    /// break ties ([`orienta_thesaurus::asker_positions`]).
    pub(super) asker: &'a [usize],
}
