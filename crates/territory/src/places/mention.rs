//! A street named inside a search text (`aide alimentaire rue Royale 120`): found with the
//! same geocoder, so that its words are read as a place and never as needs.

use super::parse;
use super::{Geocoder, Place, PlaceKind};
use orienta_text::street::{street_key, street_language};
use std::ops::Range;

/// Most words a street mention spans (street word, name, number, postcode, commune).
const MAX_MENTION_WORDS: usize = 9;

/// A street named in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct StreetMention {
    /// Where it lies in the text, in bytes.
    pub span: Range<usize>,
    /// The street (or the address, with a number).
    pub place: Place,
    /// Its folded words, the key of `literal=place:` that undoes it.
    pub words: String,
}

impl Geocoder {
    /// The street a text names, when one of its words is a street word (`rue`, `avenue`,
    /// `…straat`) starting the exact name of a street (abbreviations expanded, no typo:
    /// `rue royale` is a street, `rue` alone or `rue des enfants perdus` unknown is not).
    pub fn street_in(&self, text: &str) -> Option<StreetMention> {
        let words: Vec<Range<usize>> = orienta_text::words(text).map(|word| word.span).collect();
        for (first, start) in words.iter().enumerate() {
            if street_language(&text[start.clone()]).is_none() {
                continue;
            }
            let last = (first + MAX_MENTION_WORDS).min(words.len());
            for end in (first + 1..=last).rev() {
                let span = start.start..words[end - 1].end;
                if let Some(place) = self.exact_street(&text[span.clone()]) {
                    let words = orienta_text::tokenize(&text[span.clone()])
                        .folded()
                        .join(" ");
                    return Some(StreetMention { span, place, words });
                }
            }
        }
        None
    }

    /// The street (or address) a text names exactly, ignoring number, postcode and commune.
    fn exact_street(&self, text: &str) -> Option<Place> {
        let typed = parse::parse(text);
        let (words, _) = self.commune_words(&typed.words);
        let key = street_key(&words);
        if key.is_empty() || !self.street_names.has_key(&key) {
            return None;
        }
        let found = self.lookup(text, 2);
        let place = found.into_iter().next()?;
        let is_street = matches!(place.kind, PlaceKind::Street | PlaceKind::Address);
        let (fr, nl) = place.street.as_ref()?;
        let same = street_key(fr) == key || street_key(nl) == key;
        (is_street && same).then_some(place)
    }
}

#[cfg(test)]
mod tests {
    use crate::places::Geocoder;
    use crate::Tagger;

    #[test]
    fn a_street_in_a_need_text_is_found_and_a_need_is_not() {
        let geocoder = Geocoder::new(&Tagger::bundled().expect("layers"));
        let text = "aide alimentaire rue Royale 120";
        let mention = geocoder.street_in(text).expect("a street");
        assert_eq!(&text[mention.span.clone()], "rue Royale 120");
        assert_eq!(mention.words, "rue royale 120");
        let dutch = geocoder
            .street_in("voedselhulp Koningsstraat")
            .expect("a street");
        assert!(dutch.place.label_nl.starts_with("Koningsstraat"));
        assert!(geocoder.street_in("aide alimentaire").is_none());
        assert!(geocoder.street_in("maison médicale").is_none());
        assert!(geocoder.street_in("je vis dans la rue").is_none());
    }
}
