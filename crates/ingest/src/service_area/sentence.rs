//! One sentence of an area text, read left to right. A cue sets how the place names after
//! it count: served after a residence or area cue, left out after an exclusion (until a
//! `,` `;` `:` and a new residence cue), ignored after an address, venue, partner or funder
//! cue. Names that say "everyone here" by themselves (the Region, a bassin, `Bruxellois`,
//! `Saint-Gillois`) need no cue. Names read before any cue count when a cue follows, or when
//! the sentence is little more than the names (`IXELLES`, `Ixelles / Elsene`). A sentence
//! that ends by refusing them (`… ne sont pas pris en charge`) leaves them out.

use super::cues::Cue;
use super::extract::{read_at, Extracted, Home, Mention, Reading, Token};
use orienta_territory::Tagger;

/// Most other words a sentence made of names may hold (`Habitants: …` has a cue anyway).
const NAMES_ONLY_OTHER_WORDS: usize = 3;

/// What one sentence says, before it is added to the text's reading.
#[derive(Default)]
struct SentenceReading {
    served: Vec<Mention>,
    excluded: Vec<Mention>,
    waiting: Vec<Mention>,
    state: Option<Cue>,
    /// A `,` `;` `:` or `/` was read since the last cue.
    mark_since_cue: bool,
    saw_other: bool,
    other_words: usize,
}

impl SentenceReading {
    fn cue(&mut self, cue: Cue) {
        let sticky = matches!(self.state, Some(Cue::Except | Cue::Widen)) && !self.mark_since_cue;
        self.state = match (self.state, cue) {
            (_, Cue::Serves) if sticky => self.state,
            (Some(Cue::Other | Cue::Except | Cue::Widen | Cue::Serves), Cue::Only) => self.state,
            _ => Some(cue),
        };
        self.mark_since_cue = false;
        if cue == Cue::Other {
            self.saw_other = true;
        }
        if matches!(self.state, Some(Cue::Serves | Cue::Only)) {
            self.served.append(&mut self.waiting);
        }
    }

    fn mention(&mut self, mention: Mention) {
        let speaks_for_itself = matches!(
            mention,
            Mention::Region | Mention::Bassins(_) | Mention::Residents(_)
        );
        match self.state {
            Some(Cue::Serves | Cue::Only) => self.served.push(mention),
            Some(Cue::Except) => self.excluded.push(mention),
            Some(Cue::Widen) if mention == Mention::Region => self.served.push(mention),
            Some(Cue::Other | Cue::Widen | Cue::Refuses) => {}
            None if speaks_for_itself => self.served.push(mention),
            None => self.waiting.push(mention),
        }
    }

    fn finish(&mut self, refused: bool) {
        let names_only = !self.saw_other && self.other_words <= NAMES_ONLY_OTHER_WORDS;
        if names_only {
            self.served.append(&mut self.waiting);
        }
        if refused {
            let served = std::mem::take(&mut self.served);
            let (named, rest): (Vec<Mention>, Vec<Mention>) =
                served.into_iter().partition(|mention| {
                    matches!(mention, Mention::Communes(_) | Mention::Residents(_))
                });
            self.excluded.extend(named);
            self.served = rest;
        }
    }
}

/// Reads a sentence into `found`.
pub(super) fn read(tokens: &[Token], home: Home<'_>, tagger: &Tagger, found: &mut Extracted) {
    let words: Vec<&str> = tokens.iter().map(|token| token.key.as_str()).collect();
    let mut reading = SentenceReading::default();
    let mut refused = false;
    let mut position = 0;
    while position < tokens.len() {
        if tokens[position].after_mark {
            reading.mark_since_cue = true;
        }
        let in_area_clause = matches!(reading.state, Some(Cue::Serves | Cue::Except));
        match read_at(tokens, &words, position, in_area_clause, tagger) {
            Some((Reading::Place(mention), count)) => {
                reading.mention(mention);
                position += count;
            }
            Some((Reading::Cue(Cue::Refuses), count)) => {
                refused = true;
                position += count;
            }
            Some((Reading::Cue(cue), count)) => {
                reading.cue(cue);
                position += count;
            }
            None => {
                reading.other_words += 1;
                position += 1;
            }
        }
    }
    reading.finish(refused);
    for mention in reading.served {
        add(found, mention, true, home);
    }
    for mention in reading.excluded {
        add(found, mention, false, home);
    }
}

fn add(found: &mut Extracted, mention: Mention, served: bool, home: Home<'_>) {
    let communes = match mention {
        Mention::Communes(communes) | Mention::Residents(communes) => communes,
        Mention::OwnCommune => home.commune.map(str::to_owned).into_iter().collect(),
        Mention::OwnQuartier => {
            if let Some(code) = home.quartier.filter(|_| served) {
                if !found.quartiers.contains(&code) {
                    found.quartiers.push(code);
                }
            }
            return;
        }
        Mention::Region => {
            found.region |= served;
            return;
        }
        Mention::Bassins(bassins) => {
            for bassin in bassins.into_iter().filter(|_| served) {
                if !found.bassins.contains(&bassin) {
                    found.bassins.push(bassin);
                }
            }
            return;
        }
    };
    let list = if served {
        &mut found.communes
    } else {
        &mut found.except_communes
    };
    for nis in communes {
        if !list.contains(&nis) {
            list.push(nis);
        }
    }
}
