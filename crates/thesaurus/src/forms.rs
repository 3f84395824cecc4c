//! The surface forms of a concept: every label, term and acronym that can name it in a text.

use crate::file::ConceptRecord;
use orienta_model::Lang;
use orienta_text::tokenize;

/// What a surface form is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FormKind {
    /// A preferred label.
    Label,
    /// A synonym or everyday phrase.
    Term,
    /// A word a caller uses for their situation: read in questions, never in records.
    Situation,
    /// An acronym: whole token, no typo; `cased` ones only when written in capitals.
    Acronym {
        /// Only matched when written in capitals.
        cased: bool,
    },
}

/// One way of naming a concept.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Form<'a> {
    /// As written in the thesaurus.
    pub text: &'a str,
    /// The language, `None` for acronyms.
    pub lang: Option<Lang>,
    /// Label, term or acronym.
    pub kind: FormKind,
}

/// Every label, term, situation word and acronym of a concept, labels first (category
/// labels excluded: they only map categories).
pub(crate) fn forms(record: &ConceptRecord) -> Vec<Form<'_>> {
    let labels = Lang::ALL.into_iter().filter_map(|lang| {
        record.label(lang).map(|text| Form {
            text,
            lang: Some(lang),
            kind: FormKind::Label,
        })
    });
    let terms = Lang::ALL.into_iter().flat_map(|lang| {
        record.terms(lang).iter().map(move |text| Form {
            text,
            lang: Some(lang),
            kind: FormKind::Term,
        })
    });
    let situations = Lang::ALL.into_iter().flat_map(|lang| {
        record.situations(lang).iter().map(move |text| Form {
            text,
            lang: Some(lang),
            kind: FormKind::Situation,
        })
    });
    let acronyms = record.acronyms.iter().map(|text| (text, false));
    let cased = record.acronyms_cased.iter().map(|text| (text, true));
    let acronyms = acronyms.chain(cased).map(|(text, cased)| Form {
        text,
        lang: None,
        kind: FormKind::Acronym { cased },
    });
    labels
        .chain(terms)
        .chain(situations)
        .chain(acronyms)
        .collect()
}

/// The matching key of a whole text: its token keys joined by spaces.
pub(crate) fn key_of(text: &str) -> String {
    let tokens = tokenize(text);
    let keys: Vec<&str> = tokens.iter().map(|token| token.key).collect();
    keys.join(" ")
}
