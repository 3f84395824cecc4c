//! Reads a service area from free text, sentence by sentence: place names (communes, their
//! short forms and localities, postcodes, bassins, the Region, "la commune") count when a
//! residence or area cue governs them (`habitants de`, `werkingsgebied:`, `uniquement`), are
//! left out after `sauf` / `behalve`, and are ignored after an address, venue, partner or
//! funder cue (`situé à`, `permanences à`, `avec le CPAS de`, `subsidié par la Région`).

use super::cues::Cue;
use super::lexicon::{self, Entry};
use super::names;
use super::sentence;
use orienta_model::Bassin;
use orienta_territory::Tagger;

/// What one text says about the area.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Extracted {
    /// The whole Region.
    pub region: bool,
    /// Communes served (NIS), in reading order.
    pub communes: Vec<String>,
    /// Bassins served.
    pub bassins: Vec<Bassin>,
    /// Communes left out (NIS).
    pub except_communes: Vec<String>,
    /// Monitoring quartiers served (the service's own, "habitants du quartier").
    pub quartiers: Vec<u32>,
    /// The sentences that said it.
    pub evidence: Vec<String>,
}

impl Extracted {
    /// The area read, with status `extracted` (without the evidence).
    pub fn into_area(self) -> orienta_model::ServiceArea {
        orienta_model::ServiceArea {
            region: self.region,
            communes: self.communes,
            bassins: self.bassins,
            quartiers: self.quartiers,
            except_communes: self.except_communes,
            status: orienta_model::AreaStatus::Extracted,
            evidence: None,
            field: None,
        }
    }

    /// True when the text said nothing about the area.
    pub fn is_empty(&self) -> bool {
        !self.region
            && self.communes.is_empty()
            && self.bassins.is_empty()
            && self.except_communes.is_empty()
            && self.quartiers.is_empty()
    }
}

/// A word of a sentence: folded, and the marks between it and the word before.
#[derive(Debug)]
pub(super) struct Token {
    /// The folded word.
    pub key: String,
    /// A `,`, `;`, `/`, `:`, `-` or line break between it and the word before.
    pub after_mark: bool,
    /// A dash (`1080-1083`).
    pub after_dash: bool,
}

/// A place named in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Mention {
    /// Communes (one, or several for a postcode range).
    Communes(Vec<String>),
    /// The whole Region.
    Region,
    /// Bassins (`bassins Sud et Sud-Est`).
    Bassins(Vec<Bassin>),
    /// Communes named by their residents (`Saint-Gillois`, `Schaarbekenaren`).
    Residents(Vec<String>),
    /// "la commune": the service's own.
    OwnCommune,
    /// "du quartier": the service's own.
    OwnQuartier,
}

/// Where the service is, for "la commune" and "du quartier".
#[derive(Debug, Clone, Copy, Default)]
pub struct Home<'a> {
    /// NIS code of the service's commune.
    pub commune: Option<&'a str>,
    /// Code of its Monitoring quartier.
    pub quartier: Option<u32>,
}

/// Reads a text written about a service at `home`.
pub fn extract(text: &str, home: Home<'_>, tagger: &Tagger) -> Extracted {
    let mut found = Extracted::default();
    for sentence in orienta_text::sentences(text) {
        let tokens = tokens(sentence);
        let before = (found.region, found.communes.len(), found.bassins.len());
        let before_except = (found.except_communes.len(), found.quartiers.len());
        sentence::read(&tokens, home, tagger, &mut found);
        let changed = before != (found.region, found.communes.len(), found.bassins.len())
            || before_except != (found.except_communes.len(), found.quartiers.len());
        if changed {
            found.evidence.push(sentence.trim().to_owned());
        }
    }
    found
}

fn tokens(sentence: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut previous_end = 0;
    for word in orienta_text::words(sentence) {
        let gap = &sentence[previous_end..word.span.start];
        previous_end = word.span.end;
        let after_mark = gap.contains([',', ';', '/', ':', '-', '\n', '•', '+', '&']);
        let after_dash = gap.contains(['-', '–']);
        tokens.push(Token {
            key: orienta_text::fold(&word.text),
            after_mark,
            after_dash,
        });
    }
    tokens
}

/// What is said at `position`: a cue or a place, and the words it spans.
pub(super) enum Reading {
    /// A cue word.
    Cue(Cue),
    /// A place.
    Place(Mention),
}

/// What the words at `position` say; a misspelt commune is read only in an area clause
/// (`in_area_clause`).
pub(super) fn read_at(
    tokens: &[Token],
    words: &[&str],
    position: usize,
    in_area_clause: bool,
    tagger: &Tagger,
) -> Option<(Reading, usize)> {
    if let Some((mention, count)) = names::postcodes_at(tokens, position, tagger) {
        return Some((Reading::Place(mention), count));
    }
    if let Some((bassins, count)) = names::bassins_at(tokens, position) {
        return Some((Reading::Place(Mention::Bassins(bassins)), count));
    }
    let lexicon = lexicon::lexicon(tagger);
    if let Some((entry, count)) = lexicon.longest_at(words, position) {
        // None: "la commune" followed by a name, a part of Bruxelles: the words go on.
        return entry_reading(entry, tokens, position, count).map(|reading| (reading, count));
    }
    if let Some((communes, count)) = names::residents_at(words, position) {
        return Some((Reading::Place(Mention::Residents(communes)), count));
    }
    if !in_area_clause {
        return None;
    }
    names::misspelt_commune_at(words, position, &lexicon.commune_names)
        .map(|(nis, count)| (Reading::Place(Mention::Communes(vec![nis])), count))
}

/// What a table entry says here (a name after "la commune" wins; "du quartier" only when
/// no name follows).
fn entry_reading(
    entry: &Entry,
    tokens: &[Token],
    position: usize,
    count: usize,
) -> Option<Reading> {
    let next = position + count;
    let mention = match entry {
        Entry::Cue(cue) => return Some(Reading::Cue(*cue)),
        Entry::Commune(nis) => Mention::Communes(vec![nis.clone()]),
        Entry::Region => Mention::Region,
        Entry::OwnQuartier => {
            let ends_here = tokens.get(next).is_none_or(|after| {
                after.after_mark || matches!(after.key.as_str(), "et" | "en" | "de" | "van")
            });
            ends_here.then_some(Mention::OwnQuartier)?
        }
        Entry::OwnCommune => {
            let named_next = tokens
                .get(next..next + 2)
                .is_some_and(|after| matches!(after[0].key.as_str(), "de" | "d" | "van" | "of"));
            (!named_next).then_some(Mention::OwnCommune)?
        }
        Entry::Bruxelles => names::bruxelles_alone(tokens, position, next)?,
    };
    Some(Reading::Place(mention))
}
