//! Orienta's text knowledge, written once: every crate that reads human text (the
//! thesaurus, territory, ingest, the search analyzers, opening hours and the sample
//! generator) folds, splits and guesses languages through this crate.
//!
//! - [`words`]: where the words of a text are (dotted acronyms such as `C.P.A.S.` are one
//!   word).
//! - [`fold`]: lowercase, no accents, ligatures spelled out, punctuation as single spaces.
//! - [`tokens`]: folded tokens with their matching key (plural endings removed) and
//!   whether they were written in capitals.
//! - [`stopwords`]: French and Dutch function words.
//! - [`lang`]: whether a text, a name, a label or a query is French or Dutch.
//! - [`place_names`]: everyday words inside Brussels place names (`trois`, `gare`).
//! - [`street`]: street-name keys (abbreviations expanded), street languages and
//!   bilingual street values.
//! - [`bilingual`]: splitting a value written in both languages (`FR - NL`).
//! - [`compound`]: cutting a Dutch compound into known words.
//! - [`dutch`]: Dutch spelling when an ending is dropped or added, and a verb's persons.
//! - [`served`]: services that see professionals only, programmes for perpetrators.
//! - [`spoken`]: names of spoken languages (FR, NL, EN) and their ISO codes.
//! - [`lexicon`]: French and Dutch dictionary words (spelled right, never typos).
#![deny(missing_docs)]

pub mod bilingual;
pub mod case;
pub mod compound;
pub mod dutch;
pub mod fold;
pub mod lang;
pub mod lexicon;
mod markers;
pub mod place_names;
mod plural;
pub mod sentences;
pub mod served;
pub mod spoken;
pub mod stopwords;
pub mod street;
pub mod tokens;
pub mod words;

/// The version of the word, folding and stop-word rules: an index analysed under other
/// rules is rebuilt (`orienta-search` records it in each version's manifest). Bump it with
/// any change to what [`words`](words()), [`fold`](fold()) or [`stopwords`] give.
pub const RULES: &str = "orienta-text-3";

pub use fold::{fold, fold_word_into, lower_without_marks, slug};
pub use lang::{guess_label, guess_name, guess_query, guess_text, Vocabulary};
pub use plural::match_key;
pub use sentences::{clause_numbers, sentences};
pub use tokens::{tokenize, Token, Tokens};
pub use words::{words, Word};
